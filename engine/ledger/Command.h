#pragma once

#include "core/Types.h"

#include <cstdint>
#include <string>
#include <vector>

namespace usher {

// The numbers are stored in the journal and never change.
enum class CommandKind : std::uint8_t {
    HoldSeats = 1,
    HoldBestAvailable = 2,
    HoldArea = 3,
    Release = 4,
    Extend = 5,
    InitiatePayment = 6,
    FailPayment = 7,
    Confirm = 8,
    Refund = 9,
    Exchange = 10,
    Block = 11,
    Unblock = 12,
    AllocateSeats = 13,
    DeallocateSeats = 14,
    AllocateArea = 15,
    DeallocateArea = 16,
    Expire = 17,
    Reissue = 18,
    UpdateEvent = 19, // journals Ledger::updateSpec(); not for execute() (refused: InvalidArgument)
};
constexpr std::uint8_t kCommandKindMax = 19;
const char* commandKindName(CommandKind kind);

struct BestAvailableRequest {
    std::uint32_t quantity = 0;
    std::uint16_t category = 0; // venue category index
    bool together = true;       // false: may split the group across rows
    bool accessible = false;    // every seat wheelchair or companion, at least one wheelchair
};

struct Buyer {
    std::string name;
    std::string email;
    std::string phone;
    friend bool operator==(const Buyer&, const Buyer&) = default;
};

// One command for one event's ledger. Which fields matter depends on `kind`:
//
//   HoldSeats          seats
//   HoldBestAvailable  best
//   HoldArea           area, quantity
//   Release            hold
//   Extend             hold, seconds (added to now; capped by the event's hold lifetime)
//   InitiatePayment    hold, amount, text (gateway reference)
//   FailPayment        hold, text (reason)
//   Confirm            hold, text (payment reference), buyer, priceTypes (one per seat or GA
//                      unit, in hold order; empty means price type 0 for all), amount (expected
//                      total; -1 means "don't check")
//   Refund             order, tickets (empty means all valid tickets), amount, text (reason)
//   Exchange           order, tickets (exactly one), seats (exactly one: the new seat), amount
//                      (the expected price of the ticket at the new seat; -1 means "don't check"),
//                      text (a note; optional)
//   Block              seats, text (reason)
//   Unblock            seats
//   AllocateSeats      seats, target (channel)
//   DeallocateSeats    seats, target
//   AllocateArea       area, quantity, target
//   DeallocateArea     area, quantity, target
//   Expire             nothing; releases every hold with expiresAt <= now
//   Reissue            order, tickets (empty means all valid tickets), text (reason): new codes,
//                      the old ones stop scanning
//
// `channel` is the channel the actor sells through; `target` the channel an allocation concerns.
// `openPoolOnly` (HoldSeats, HoldBestAvailable, HoldArea) limits a hold to seats or GA places of
// the open pool, even when some are allocated to `channel`: usherd's online path for a box
// office's channel, because a box office sells its allocation only through its sync outbox
// (docs/sync-protocol.md, "Selling").
struct Command {
    CommandKind kind = CommandKind::Expire;
    IdempotencyKey key;
    Actor actor;
    ChannelId channel = 0;
    Timestamp now = 0;

    std::vector<SeatId> seats;
    BestAvailableRequest best;
    AreaId area = 0;
    std::uint32_t quantity = 0;
    HoldId hold = 0;
    OrderId order = 0;
    std::vector<TicketId> tickets;
    std::vector<std::uint8_t> priceTypes;
    Amount amount = -1;
    std::uint32_t seconds = 0;
    ChannelId target = 0;
    std::string text;
    Buyer buyer;
    bool openPoolOnly = false;
};

// A fingerprint of the command's arguments: kind, actor, channel and the fields its kind uses
// (never key or now), so that a key reused with other arguments is detected. Stored in the
// journal with its version (RecordHeader::fingerprintVersion): a version's values never change.
// New records carry kFingerprintVersion; a retry of a command journalled under version 1 is
// compared under version 1.
constexpr std::uint8_t kFingerprintVersion = 2;
std::uint64_t commandFingerprint(const Command& command, std::uint8_t version = kFingerprintVersion);

} // namespace usher
