#pragma once

// An independent, deliberately simple model of one event's ledger, written from
// docs/engine-commands.md: maps and vectors instead of slots, heaps and a journal. The seeded
// simulation runs every command against both and compares answers and state step by step.

#include "event/EventSpec.h"
#include "ledger/Command.h"
#include "ledger/CommandResult.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace usher::test {

class ReferenceModel {
public:
    struct Seat {
        SeatStatus status = SeatStatus::Available;
        ChannelId allocation = 0;
        HoldId hold = 0;
        TicketId ticket = 0;
        std::string reason;
    };
    struct Hold {
        HoldId id = 0;
        Actor holder;
        ChannelId channel = 0;
        Timestamp createdAt = 0;
        Timestamp expiresAt = 0;
        bool paymentPending = false;
        std::vector<SeatIndex> seats;
        int area = -1; // index
        std::uint32_t quantity = 0;
        ChannelId pool = 0;
    };
    struct Pool {
        std::uint32_t capacity = 0;
        std::uint32_t held = 0;
        std::uint32_t sold = 0;
        std::uint32_t free() const { return capacity - held - sold; }
    };
    struct Ticket {
        TicketId id = 0;
        OrderId order = 0;
        int seat = -1; // index, or -1 for GA
        int area = -1;
        ChannelId pool = 0;
        std::uint8_t priceType = 0;
        Amount amount = 0;
        Amount refunded = 0;
        bool valid = true;
        std::uint32_t exchanges = 0; // exchanges and reissues: the code's generation
        TicketCode code{};
    };
    struct Order {
        OrderId id = 0;
        HoldId hold = 0;
        ChannelId channel = 0;
        Amount amount = 0;
        Amount refunded = 0;
        std::vector<TicketId> tickets;
    };

    // Keys are forgotten `retentionMs` after the command that recorded them.
    ReferenceModel(const EventSpec& spec, std::uint32_t holdsMax, std::int64_t retentionMs);

    // The answer the ledger must give. `actual` is the ledger's answer, used only to learn the id
    // of a new hold (the model does not predict ids of holds, only that they are fresh).
    CommandResult execute(const Command& command, const CommandResult& actual);

    const std::vector<Seat>& seats() const { return m_seats; }
    const std::map<HoldId, Hold>& holds() const { return m_holds; }
    const std::vector<Order>& orders() const { return m_orders; }
    const std::vector<Ticket>& tickets() const { return m_tickets; }
    const std::vector<std::map<ChannelId, Pool>>& pools() const { return m_pools; }
    Seq lastSeq() const { return m_seq; }

private:
    CommandResult run(const Command& c, const CommandResult& actual);
    Status common(const Command& c) const;
    Status seatList(const std::vector<SeatId>& ids, std::vector<SeatIndex>* out) const;
    Status findHold(const Command& c, Hold** hold);
    bool sellable(SeatIndex seat, ChannelId channel) const;
    bool onSale(const Command& c) const;
    bool holdTableFull() const;
    CommandResult holdSeats(const Command& c, const CommandResult& actual);
    CommandResult holdBest(const Command& c, const CommandResult& actual);
    CommandResult holdArea(const Command& c, const CommandResult& actual);
    CommandResult release(const Command& c);
    CommandResult extend(const Command& c);
    CommandResult initiatePayment(const Command& c);
    CommandResult failPayment(const Command& c);
    CommandResult confirm(const Command& c);
    CommandResult refund(const Command& c);
    CommandResult exchange(const Command& c);
    CommandResult reissue(const Command& c);
    CommandResult inventory(const Command& c);
    CommandResult areaInventory(const Command& c);
    CommandResult expire(const Command& c);
    void createHold(const Command& c, const CommandResult& actual, CommandResult* result);
    void releaseHold(HoldId id, CommandResult* result);
    std::optional<std::vector<SeatIndex>> bestBlock(const Command& c, std::uint32_t size,
                                                    const std::vector<SeatIndex>& taken) const;
    TicketCode code(TicketId ticket, std::uint32_t generation) const;

    EventSpec m_spec;
    std::uint32_t m_holdsMax;
    std::vector<Seat> m_seats;
    std::map<HoldId, Hold> m_holds;
    std::vector<std::map<ChannelId, Pool>> m_pools;
    std::vector<Order> m_orders;
    std::vector<Ticket> m_tickets;
    struct Answer {
        std::uint64_t fingerprint = 0;
        Timestamp at = 0;
        CommandResult result;
    };
    std::map<IdempotencyKey, Answer> m_answers;
    std::int64_t m_retentionMs;
    Seq m_seq = 0;
};

} // namespace usher::test
