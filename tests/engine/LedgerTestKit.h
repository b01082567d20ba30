#pragma once

// Shared helpers for the ledger unit tests (TestLedger*.cpp): a verifying ledger on the small test
// event of support/TestEvents.h, commands with fresh idempotency keys, journal decoding and a
// field-by-field comparison of two ledgers. Header-only: each test executable includes it once.

#include "core/Assert.h"
#include "core/Status.h"
#include "core/Types.h"
#include "event/EventSpec.h"
#include "journal/JournalFormat.h"
#include "ledger/Command.h"
#include "ledger/CommandResult.h"
#include "ledger/Ledger.h"
#include "support/TestEvents.h"

#include <QList>
#include <QTest>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace usher {

// Readable QCOMPARE failures (found by argument-dependent lookup).
inline char* toString(const Status& status)
{
    return qstrdup(statusName(status));
}

inline char* toString(const SeatStatus& status)
{
    return qstrdup(seatStatusName(status));
}

} // namespace usher

namespace usher::ledgertest {

constexpr EventId kEventId = 7;
constexpr Timestamp kT0 = 1'700'000'000'000;
constexpr Timestamp kSecond = 1000;
constexpr Timestamp kOffsale = 1'000'000'000'000'000; // 1e15

constexpr ChannelId kOnline = 1;
constexpr ChannelId kBox = 2;
constexpr ChannelId kBox2 = 3;
constexpr ChannelId kNoSuchChannel = 99;

constexpr Actor kBuyer { ActorKind::Buyer, 1 };
constexpr Actor kOtherBuyer { ActorKind::Buyer, 2 };
constexpr Actor kClerk { ActorKind::Clerk, 10 };
constexpr Actor kDevice { ActorKind::Device, 11 };
constexpr Actor kPromoter { ActorKind::Promoter, 20 };
constexpr Actor kAdmin { ActorKind::Admin, 21 };
constexpr Actor kSystem { ActorKind::System, 22 };

// makeTestEvent(): seats 1..50 are category A (section 0), 51..100 category B (section 1), rows of
// 10 seats, rank = seat index (front row and left first); GA area 1 (capacity 50) is category GA.
constexpr std::uint16_t kCatA = 0;
constexpr std::uint16_t kCatB = 1;
constexpr std::uint16_t kCatGA = 2;
constexpr AreaId kArea = 1;
constexpr std::uint32_t kAreaCapacity = 50;
constexpr std::uint32_t kSeatCount = 100;
constexpr std::uint8_t kAdult = 0;
constexpr std::uint8_t kConcession = 1;
constexpr Amount kPriceA = 5000;
constexpr Amount kPriceAConcession = 3500;
constexpr Amount kPriceB = 3000;
constexpr Amount kPriceBConcession = 2000;
constexpr Amount kPriceGA = 2500;
constexpr Amount kPriceGAConcession = 1500;

// The test event with a third channel: 1 online, 2 and 3 box office, all on sale from 0 to 1e15.
inline EventSpec makeSpec(EventId id = kEventId)
{
    EventSpec spec = test::makeTestEvent(id);
    spec.channels.push_back({ kBox2, "Box office 2", ChannelKind::BoxOffice, 0, kOffsale });
    for (SalesChannel& channel : spec.channels) {
        channel.onsaleAt = 0;
        channel.offsaleAt = kOffsale;
    }
    const std::string problem = spec.finalize();
    USHER_ASSERT(problem.empty());
    return spec;
}

inline LedgerOptions verifying()
{
    LedgerOptions options;
    options.verify = true;
    return options;
}

inline QList<std::uint32_t> list(const std::vector<std::uint32_t>& values)
{
    return QList<std::uint32_t>(values.begin(), values.end());
}

inline QList<std::uint64_t> list(const std::vector<std::uint64_t>& values)
{
    return QList<std::uint64_t>(values.begin(), values.end());
}

inline bool isZero(const TicketCode& code)
{
    for (std::uint8_t b : code)
        if (b != 0)
            return false;
    return true;
}

// A ledger plus a clock and a key counter. Every command gets a fresh key unless a test reuses one.
class Harness {
public:
    explicit Harness(const EventSpec& spec = makeSpec(), const LedgerOptions& options = verifying())
        : ledger(std::make_unique<Ledger>(spec, options))
    {
    }

    IdempotencyKey nextKey() { return IdempotencyKey { 0x7e57, ++m_keys }; }

    Command command(CommandKind kind, Actor actor = kBuyer, ChannelId channel = kOnline)
    {
        Command c;
        c.kind = kind;
        c.key = nextKey();
        c.actor = actor;
        c.channel = channel;
        c.now = now;
        return c;
    }

    CommandResult run(const Command& c) { return ledger->execute(c); }

    Command holdSeatsCommand(std::vector<SeatId> seats, Actor actor = kBuyer, ChannelId channel = kOnline)
    {
        Command c = command(CommandKind::HoldSeats, actor, channel);
        c.seats = std::move(seats);
        return c;
    }
    CommandResult holdSeats(std::vector<SeatId> seats, Actor actor = kBuyer, ChannelId channel = kOnline)
    {
        return run(holdSeatsCommand(std::move(seats), actor, channel));
    }

    Command holdBestCommand(std::uint32_t quantity, std::uint16_t category, bool together = true,
                            bool accessible = false, Actor actor = kBuyer, ChannelId channel = kOnline)
    {
        Command c = command(CommandKind::HoldBestAvailable, actor, channel);
        c.best.quantity = quantity;
        c.best.category = category;
        c.best.together = together;
        c.best.accessible = accessible;
        return c;
    }
    CommandResult holdBest(std::uint32_t quantity, std::uint16_t category, bool together = true,
                           bool accessible = false, Actor actor = kBuyer, ChannelId channel = kOnline)
    {
        return run(holdBestCommand(quantity, category, together, accessible, actor, channel));
    }

    Command holdAreaCommand(std::uint32_t quantity, AreaId area = kArea, Actor actor = kBuyer,
                            ChannelId channel = kOnline)
    {
        Command c = command(CommandKind::HoldArea, actor, channel);
        c.area = area;
        c.quantity = quantity;
        return c;
    }
    CommandResult holdArea(std::uint32_t quantity, AreaId area = kArea, Actor actor = kBuyer,
                           ChannelId channel = kOnline)
    {
        return run(holdAreaCommand(quantity, area, actor, channel));
    }

    CommandResult release(HoldId hold, Actor actor = kBuyer, ChannelId channel = kOnline)
    {
        Command c = command(CommandKind::Release, actor, channel);
        c.hold = hold;
        return run(c);
    }

    CommandResult extend(HoldId hold, std::uint32_t seconds, Actor actor = kBuyer, ChannelId channel = kOnline)
    {
        Command c = command(CommandKind::Extend, actor, channel);
        c.hold = hold;
        c.seconds = seconds;
        return run(c);
    }

    CommandResult initiatePayment(HoldId hold, Amount amount = 0, std::string reference = "psp-1", Actor actor = kBuyer,
                                  ChannelId channel = kOnline)
    {
        Command c = command(CommandKind::InitiatePayment, actor, channel);
        c.hold = hold;
        c.amount = amount;
        c.text = std::move(reference);
        return run(c);
    }

    CommandResult failPayment(HoldId hold, Actor actor = kBuyer, ChannelId channel = kOnline)
    {
        Command c = command(CommandKind::FailPayment, actor, channel);
        c.hold = hold;
        c.text = "card declined";
        return run(c);
    }

    Command confirmCommand(HoldId hold, std::vector<std::uint8_t> priceTypes = {}, Amount expected = -1,
                           Actor actor = kBuyer, ChannelId channel = kOnline)
    {
        Command c = command(CommandKind::Confirm, actor, channel);
        c.hold = hold;
        c.priceTypes = std::move(priceTypes);
        c.amount = expected;
        c.text = "pay-ref-1";
        c.buyer = Buyer { "Ada Lovelace", "ada@example.org", "+44 20 7946 0000" };
        return c;
    }
    CommandResult confirm(HoldId hold, std::vector<std::uint8_t> priceTypes = {}, Amount expected = -1,
                          Actor actor = kBuyer, ChannelId channel = kOnline)
    {
        return run(confirmCommand(hold, std::move(priceTypes), expected, actor, channel));
    }

    Command refundCommand(OrderId order, std::vector<TicketId> tickets = {}, Amount amount = -1, Actor actor = kClerk)
    {
        Command c = command(CommandKind::Refund, actor, kBox);
        c.order = order;
        c.tickets = std::move(tickets);
        c.amount = amount;
        c.text = "event moved";
        return c;
    }
    CommandResult refund(OrderId order, std::vector<TicketId> tickets = {}, Amount amount = -1, Actor actor = kClerk)
    {
        return run(refundCommand(order, std::move(tickets), amount, actor));
    }

    Command exchangeCommand(OrderId order, TicketId ticket, SeatId seat, Actor actor = kClerk,
                            ChannelId channel = kOnline)
    {
        Command c = command(CommandKind::Exchange, actor, channel);
        c.order = order;
        c.tickets = { ticket };
        c.seats = { seat };
        return c;
    }
    CommandResult exchange(OrderId order, TicketId ticket, SeatId seat, Actor actor = kClerk,
                           ChannelId channel = kOnline)
    {
        return run(exchangeCommand(order, ticket, seat, actor, channel));
    }

    CommandResult block(std::vector<SeatId> seats, std::string reason = "house seat", Actor actor = kClerk)
    {
        Command c = command(CommandKind::Block, actor, kBox);
        c.seats = std::move(seats);
        c.text = std::move(reason);
        return run(c);
    }

    CommandResult unblock(std::vector<SeatId> seats, Actor actor = kClerk)
    {
        Command c = command(CommandKind::Unblock, actor, kBox);
        c.seats = std::move(seats);
        return run(c);
    }

    CommandResult allocateSeats(std::vector<SeatId> seats, ChannelId target, Actor actor = kPromoter,
                                CommandKind kind = CommandKind::AllocateSeats)
    {
        Command c = command(kind, actor, 0);
        c.seats = std::move(seats);
        c.target = target;
        return run(c);
    }
    CommandResult deallocateSeats(std::vector<SeatId> seats, ChannelId target, Actor actor = kPromoter)
    {
        return allocateSeats(std::move(seats), target, actor, CommandKind::DeallocateSeats);
    }

    CommandResult allocateArea(std::uint32_t quantity, ChannelId target, AreaId area = kArea, Actor actor = kPromoter,
                               CommandKind kind = CommandKind::AllocateArea)
    {
        Command c = command(kind, actor, 0);
        c.area = area;
        c.quantity = quantity;
        c.target = target;
        return run(c);
    }
    CommandResult deallocateArea(std::uint32_t quantity, ChannelId target, AreaId area = kArea, Actor actor = kPromoter)
    {
        return allocateArea(quantity, target, area, actor, CommandKind::DeallocateArea);
    }

    CommandResult expire(bool keyed = false)
    {
        Command c = command(CommandKind::Expire, kSystem, 0);
        if (!keyed)
            c.key = IdempotencyKey {};
        return run(c);
    }

    // Holds `seats` and confirms them at adult prices; returns the order id (0 on failure).
    OrderId sell(std::vector<SeatId> seats, std::vector<std::uint8_t> priceTypes = {}, Actor actor = kBuyer,
                 ChannelId channel = kOnline)
    {
        const CommandResult held = holdSeats(std::move(seats), actor, channel);
        if (!held.ok())
            return 0;
        const CommandResult sold = confirm(held.hold, std::move(priceTypes), -1, actor, channel);
        return sold.ok() ? sold.order : 0;
    }

    SeatIndex index(SeatId id) const
    {
        const SeatIndex i = ledger->venue().seatIndex(id);
        USHER_ASSERT(i != kNoSeat);
        return i;
    }
    SeatView seat(SeatId id) const { return ledger->seat(index(id)); }
    SeatStatus status(SeatId id) const { return ledger->seatStatus(index(id)); }
    // The GA pool of `channel` in the area at `areaIndex`; an empty pool when it does not exist.
    AreaPool pool(ChannelId channel, std::uint32_t areaIndex = 0) const
    {
        for (const AreaPool& p : ledger->areaPools(areaIndex))
            if (p.channel == channel)
                return p;
        return AreaPool { channel, 0, 0, 0 };
    }

    std::unique_ptr<Ledger> ledger;
    Timestamp now = kT0;

private:
    std::uint64_t m_keys = 0;
};

// One decoded journal event, copied out of the batch.
struct DecodedEvent {
    Seq seq = 0;
    CommandKind kind = CommandKind::Expire;
    EventType type = EventType::SeatHeld;
    SeatId seat = 0;
    HoldId hold = 0;
    AreaId area = 0;
    std::uint32_t quantity = 0;
    std::uint8_t reason = 0;
};

// Every event of a batch, in journal order; empty when the batch does not decode.
inline std::vector<DecodedEvent> decodeEvents(const JournalBatch& batch)
{
    std::vector<DecodedEvent> events;
    if (batch.bytes == nullptr)
        return events;
    const bool ok = forEachRecord(*batch.bytes, [&](const RecordView& record) {
        EventCursor cursor = record.events();
        JournalEvent e;
        while (cursor.next(&e))
            events.push_back(
                { record.header.seq, record.header.kind, e.type, e.seat, e.hold, e.area, e.quantity, e.reason });
        return cursor.ok();
    });
    if (!ok)
        events.clear();
    return events;
}

// The release reasons of the SEAT_RELEASED / GA_RELEASED events of a batch, in order.
inline QList<int> releaseReasons(const JournalBatch& batch)
{
    QList<int> reasons;
    for (const DecodedEvent& e : decodeEvents(batch))
        if (e.type == EventType::SeatReleased || e.type == EventType::AreaReleased)
            reasons.push_back(e.reason);
    return reasons;
}

inline std::string describeSeat(SeatIndex seat, const char* what)
{
    return "seat index " + std::to_string(seat) + ": " + what + " differs";
}

// The first difference in observable state between two ledgers of the same event, or "".
// `holds` lists hold ids to compare through hold() (live or not).
inline std::string ledgerDifference(const Ledger& a, const Ledger& b, const std::vector<HoldId>& holds)
{
    if (a.lastSeq() != b.lastSeq())
        return "lastSeq " + std::to_string(a.lastSeq()) + " vs " + std::to_string(b.lastSeq());
    const std::uint32_t seats = a.venue().seatCount();
    for (SeatIndex s = 0; s < seats; ++s) {
        const SeatView x = a.seat(s);
        const SeatView y = b.seat(s);
        if (x.status != y.status)
            return describeSeat(s, "status");
        if (x.allocation != y.allocation)
            return describeSeat(s, "allocation");
        if (x.hold != y.hold)
            return describeSeat(s, "hold");
        if (x.channel != y.channel)
            return describeSeat(s, "channel");
        if (x.holder != y.holder)
            return describeSeat(s, "holder");
        if (x.expiresAt != y.expiresAt)
            return describeSeat(s, "expiresAt");
        if (x.order != y.order)
            return describeSeat(s, "order");
        if (x.ticket != y.ticket)
            return describeSeat(s, "ticket");
        if (x.blockReason != y.blockReason)
            return describeSeat(s, "blockReason");
    }
    const LedgerCounts ca = a.counts();
    const LedgerCounts cb = b.counts();
    if (ca.available != cb.available || ca.held != cb.held || ca.sold != cb.sold || ca.blocked != cb.blocked
        || ca.allocated != cb.allocated || ca.areaHeld != cb.areaHeld || ca.areaSold != cb.areaSold
        || ca.activeHolds != cb.activeHolds || ca.orders != cb.orders || ca.tickets != cb.tickets)
        return "counts differ";
    for (std::uint32_t area = 0; area < a.venue().areas.size(); ++area) {
        const std::vector<AreaPool>& pa = a.areaPools(area);
        const std::vector<AreaPool>& pb = b.areaPools(area);
        if (pa.size() != pb.size())
            return "area " + std::to_string(area) + ": pool count differs";
        for (std::size_t i = 0; i < pa.size(); ++i)
            if (pa[i].channel != pb[i].channel || pa[i].capacity != pb[i].capacity || pa[i].held != pb[i].held
                || pa[i].sold != pb[i].sold)
                return "area " + std::to_string(area) + ": pool " + std::to_string(i) + " differs";
    }
    for (OrderId id = 1; id <= ca.orders; ++id) {
        const Order* x = a.order(id);
        const Order* y = b.order(id);
        if (x == nullptr || y == nullptr)
            return "order " + std::to_string(id) + " missing";
        if (x->id != y->id || x->hold != y->hold || x->actor() != y->actor() || x->channel != y->channel
            || x->createdAt != y->createdAt || x->amount != y->amount || x->refunded != y->refunded
            || x->paymentRef() != y->paymentRef() || x->buyer() != y->buyer() || x->firstTicket != y->firstTicket
            || x->ticketCount != y->ticketCount)
            return "order " + std::to_string(id) + " differs";
    }
    if (a.order(ca.orders + 1) != nullptr || b.order(cb.orders + 1) != nullptr)
        return "an order beyond counts().orders exists";
    for (TicketId id = 1; id <= ca.tickets; ++id) {
        const Ticket* x = a.ticket(id);
        const Ticket* y = b.ticket(id);
        if (x == nullptr || y == nullptr)
            return "ticket " + std::to_string(id) + " missing";
        if (x->id != y->id || x->order != y->order || x->seat != y->seat || x->area != y->area || x->pool != y->pool
            || x->priceType != y->priceType || x->status != y->status || x->generation != y->generation
            || x->amount != y->amount || x->refunded != y->refunded || x->code != y->code)
            return "ticket " + std::to_string(id) + " differs";
    }
    for (HoldId id : holds) {
        const std::optional<HoldView> x = a.hold(id);
        const std::optional<HoldView> y = b.hold(id);
        if (x.has_value() != y.has_value())
            return "hold " + std::to_string(id) + ": live in one ledger only";
        if (!x)
            continue;
        if (x->id != y->id || x->holder != y->holder || x->channel != y->channel || x->createdAt != y->createdAt
            || x->expiresAt != y->expiresAt || x->paymentPending != y->paymentPending
            || x->paymentAmount != y->paymentAmount || x->seats != y->seats || x->area != y->area
            || x->quantity != y->quantity || x->pool != y->pool)
            return "hold " + std::to_string(id) + " differs";
    }
    return {};
}

} // namespace usher::ledgertest
