#pragma once

#include "core/InlineVector.h"
#include "core/Status.h"
#include "core/Types.h"
#include "ledger/Command.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace usher {

using TicketCode = std::array<std::uint8_t, 16>;
std::string ticketCodeText(const TicketCode& code); // 26 characters, Crockford base32
bool parseTicketCode(std::string_view text, TicketCode* code);

struct IssuedTicket {
    TicketId id = 0;
    SeatId seat = 0;   // 0 for general admission
    AreaId area = 0;   // 0 for a seat
    std::uint8_t priceType = 0;
    Amount amount = 0;
    TicketCode code{};
    friend bool operator==(const IssuedTicket&, const IssuedTicket&) = default;
};

// The answer to one command. Which fields are set depends on the command kind and status:
//
//   holds (Ok)        hold, expiresAt, seats (or area + quantity)
//   Extend (Ok)       hold, expiresAt
//   InitiatePayment   hold, expiresAt, amount
//   Confirm (Ok)      order, hold, amount (total), tickets
//   Refund (Ok)       order, amount (refunded now), tickets (the refunded ones)
//   Exchange (Ok)     order, amount (the price difference: > 0 due from the buyer, < 0 owed to
//                     them), tickets (the moved ticket with its new seat, price and code)
//   Expire (Ok)       count (holds released)
//   SeatUnavailable   seats: the first seat that was unavailable
//
// `seq` is the journal sequence number of the command's record; `replayed` is true when the
// answer came from the idempotency index rather than from executing the command.
//
// `seats` and `tickets` keep their first few elements inside the result (InlineVector: the
// interface of std::vector, and convertible to and from one), so the common one-seat or
// one-ticket answer costs no heap allocation.
struct CommandResult {
    static constexpr std::size_t kInlineSeats = 4;
    static constexpr std::size_t kInlineTickets = 1;
    using SeatList = InlineVector<SeatId, kInlineSeats>;
    using TicketList = InlineVector<IssuedTicket, kInlineTickets>;

    Status status = Status::Ok;
    CommandKind kind = CommandKind::Expire;
    Seq seq = 0;
    bool replayed = false;
    HoldId hold = 0;
    OrderId order = 0;
    Timestamp expiresAt = 0;
    SeatList seats;
    AreaId area = 0;
    std::uint32_t quantity = 0;
    Amount amount = 0;
    std::uint32_t count = 0;
    TicketList tickets;

    bool ok() const { return status == Status::Ok; }
    // Equal in everything a client sees (ignores `replayed`).
    bool sameAnswer(const CommandResult& other) const;
};

} // namespace usher
