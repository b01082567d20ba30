// The only code that changes ledger state. Live commands and replay both come through here, one
// journal event at a time; the assertions check that each event is consistent with the state it
// is applied to (for replay, that the journal was produced by a correct ledger).

#include "core/Assert.h"
#include "ledger/Ledger.h"
#include "ledger/SeatBits.h"

#include <algorithm>

namespace usher {

namespace {

SeatIndex indexOf(const Venue& venue, SeatId id)
{
    const SeatIndex index = venue.seatIndex(id);
    USHER_ASSERT(index != kNoSeat);
    return index;
}

// The seat an event names: the live path's hint when there is one (checked: the slot's id is read
// anyway), else the venue's lookup.
SeatIndex seatOf(const Venue& venue, const JournalEvent& e)
{
    return e.seatHint != kNoSeat ? e.seatHint : indexOf(venue, e.seat);
}

std::uint32_t areaOf(const Venue& venue, AreaId id)
{
    const std::uint32_t index = venue.areaIndex(id);
    USHER_ASSERT(index != kNoArea);
    return index;
}

std::uint32_t slotOf(HoldId id)
{
    return static_cast<std::uint32_t>(id & 0xffffffffu);
}

} // namespace

// ---- small mutators (defined first: the appliers below inline them) --------------------------------

// Only this file calls it, on every seat change: inline.
[[gnu::always_inline]] inline void Ledger::markSeatDirty(SeatIndex seat)
{
    if (m_seats[seat].dirty == 0) {
        m_seats[seat].dirty = 1;
        m_dirtySeats.push_back(seat);
    }
}

// Called with a constant status by the hot appliers right after they checked the seat's current
// one: inline, the compiler then keeps only the count, row and bit updates that change.
[[gnu::always_inline]] inline void Ledger::setSeat(SeatIndex seat, SeatStatus status, std::uint32_t ref)
{
    SeatSlot& s = m_seats[seat];
    const SeatStatus from = s.status; // read once: known to the compiler after the caller's check
    const std::uint32_t row = s.row;
    // The count of each status, indexed by its value (a table, not a switch: this runs for every
    // seat every hot command changes).
    static constexpr std::uint32_t LedgerCounts::*kCounter[]
        = { &LedgerCounts::available, &LedgerCounts::held, &LedgerCounts::sold, &LedgerCounts::blocked };
    static_assert(std::uint8_t(SeatStatus::Available) == 0 && std::uint8_t(SeatStatus::Held) == 1
                  && std::uint8_t(SeatStatus::Sold) == 2 && std::uint8_t(SeatStatus::Blocked) == 3);
    auto counter = [this](SeatStatus st) -> std::uint32_t& {
        return m_counts.*kCounter[static_cast<std::uint8_t>(st) & 3u]; // the four values above
    };
    USHER_ASSERT(counter(from) > 0);
    --counter(from);
    ++counter(status);
    if (from == SeatStatus::Available)
        --m_rowAvailable[row], m_rowSummary[row].longestRun = kRunUnknown, setSeatBitIn(m_availableBits, seat, false);
    if (status == SeatStatus::Available) {
        // A row with fewer seats than some block size than before: searches for that size look
        // from the top again (see m_categoryCursor).
        if (const std::uint32_t available = ++m_rowAvailable[row]; available <= kBlockSizesCached)
            for (std::size_t c = available; c < m_categoryCursor.size(); c += kBlockSizesCached + 1)
                m_categoryCursor[c] = 0;
        m_rowSummary[row].longestRun = kRunUnknown, setSeatBitIn(m_availableBits, seat, true);
    }
    s.status = status;
    s.ref = ref;
    markSeatDirty(seat);
}

// On every seat a hold or confirm gives up: inline.
[[gnu::always_inline]] inline void Ledger::releaseHoldUnits(std::uint32_t slot, std::uint32_t units)
{
    HoldSlot& h = m_holds[slot];
    USHER_ASSERT(h.id != 0 && h.live >= units);
    h.live -= units;
    if (h.live > 0)
        return;
    h.id = 0;
    h.seatCount = 0;
    h.area = kNoArea;
    h.paymentPending = false;
    m_freeHolds.push_back(slot);
}

// Both confirm appliers call it: inline.
[[gnu::always_inline]] inline Ticket& Ledger::addTicket(const JournalEvent& e)
{
    USHER_ASSERT(e.ticket == m_tickets.size() + 1);
    USHER_ASSERT(e.order == m_orders.size()); // tickets follow their ORDER_CREATED
    Order& o = m_orders.back();
    USHER_ASSERT(o.firstTicket + o.ticketCount == e.ticket && o.ticketCount < limits::orderTicketsMax);
    ++o.ticketCount;
    Ticket& t = m_tickets.emplace_back();
    t.id = e.ticket;
    t.order = e.order;
    t.priceType = e.priceType;
    t.amount = e.amount;
    t.code = e.code;
    return t;
}

// On every new hold (and extension): inline.
[[gnu::always_inline]] inline void Ledger::pushExpiry(Timestamp at, HoldId hold)
{
    m_expiries.push_back(Expiry{at, hold});
    std::push_heap(m_expiries.begin(), m_expiries.end(), ExpiryLater{});
    // Stale entries (holds confirmed, released or extended early) pile up; rebuild when they
    // outnumber the live ones, so the heap stays O(active holds).
    const std::size_t active = m_holds.size() - m_freeHolds.size();
    if (m_expiries.size() > 2 * active + 4096)
        rebuildExpiries();
}

// Both hold appliers call it: inline.
[[gnu::always_inline]] inline std::uint32_t Ledger::takeHoldSlot(const RecordHeader& header, const JournalEvent& e)
{
    const std::uint32_t slot = slotOf(e.hold);
    HoldSlot& h = m_holds[slot];
    if (h.id == e.hold)
        return slot; // a further seat of a hold this record already created
    USHER_ASSERT(h.id == 0 && !m_freeHolds.empty() && m_freeHolds.back() == slot);
    USHER_ASSERT((e.hold >> 32) == std::uint64_t(h.generation) + 1);
    m_freeHolds.pop_back();
    h = HoldSlot{};
    h.id = e.hold;
    h.generation = static_cast<std::uint32_t>(e.hold >> 32);
    h.holder = header.actor;
    h.channel = header.channel;
    h.createdAt = header.now;
    h.expiresAt = e.expiresAt;
    pushExpiry(h.expiresAt, h.id);
    return slot;
}

void Ledger::applyEvent(const RecordHeader& header, const JournalEvent& e)
{
    switch (e.type) {
    case EventType::SeatHeld: applySeatHeld(header, e); return;
    case EventType::AreaHeld: applyAreaHeld(header, e); return;
    case EventType::SeatReleased: applySeatReleased(e); return;
    case EventType::AreaReleased: applyAreaReleased(e); return;
    case EventType::HoldExtended:
    case EventType::PaymentInitiated: {
        HoldSlot& h = m_holds[slotOf(e.hold)];
        USHER_ASSERT(h.id == e.hold && e.expiresAt >= h.expiresAt);
        h.expiresAt = e.expiresAt;
        if (e.type == EventType::PaymentInitiated) {
            USHER_ASSERT(!h.paymentPending);
            h.paymentPending = true;
            h.paymentAmount = e.amount;
        }
        pushExpiry(h.expiresAt, h.id);
        return;
    }
    case EventType::OrderCreated: applyOrderCreated(header, e); return;
    case EventType::SeatConfirmed: applySeatConfirmed(e); return;
    case EventType::AreaConfirmed: applyAreaConfirmed(e); return;
    case EventType::SeatRefunded:
    case EventType::AreaRefunded: applyRefunded(e); return;
    case EventType::TicketExchanged: applyExchanged(e); return;
    case EventType::TicketReissued: {
        USHER_ASSERT(e.ticket >= 1 && e.ticket <= m_tickets.size());
        Ticket& t = m_tickets[e.ticket - 1];
        USHER_ASSERT(t.status == TicketStatus::Valid && t.order == e.order);
        ++t.generation;
        t.code = e.code;
        return;
    }
    case EventType::EventUpdated: return; // the spec itself is stored with the event
    case EventType::SeatBlocked:
    case EventType::SeatUnblocked:
    case EventType::SeatAllocated:
    case EventType::SeatDeallocated: applySeatInventory(e); return;
    case EventType::AreaAllocated:
    case EventType::AreaDeallocated: applyAreaInventory(e); return;
    }
    USHER_ASSERT(false && "unknown event type");
}

void Ledger::applySeatHeld(const RecordHeader& header, const JournalEvent& e)
{
    const SeatIndex seat = seatOf(*m_spec.venue, e);
    USHER_ASSERT(m_seats[seat].id == e.seat);
    const std::uint32_t slot = takeHoldSlot(header, e);
    HoldSlot& h = m_holds[slot];
    // seatSellableBy(seat, h.channel), written out: the inline setSeat right after it then knows
    // the seat was available (only the counts that move are changed).
    const SeatSlot& s = m_seats[seat];
    USHER_ASSERT(s.status == SeatStatus::Available && (s.allocation == kOpenPool || s.allocation == h.channel));
    USHER_ASSERT(h.area == kNoArea && h.seatCount < m_holdSeatsStride);
    setSeat(seat, SeatStatus::Held, slot);
    m_holdSeats[std::size_t(slot) * m_holdSeatsStride + h.seatCount] = seat;
    ++h.seatCount;
    ++h.live;
}

void Ledger::applyAreaHeld(const RecordHeader& header, const JournalEvent& e)
{
    const std::uint32_t area = areaOf(*m_spec.venue, e.area);
    const std::uint32_t slot = takeHoldSlot(header, e);
    HoldSlot& h = m_holds[slot];
    USHER_ASSERT(h.seatCount == 0 && h.live == 0);
    AreaPool& p = pool(area, e.channel);
    USHER_ASSERT(e.quantity > 0 && p.free() >= e.quantity);
    p.held += e.quantity;
    h.area = area;
    h.pool = e.channel;
    h.live = e.quantity;
    m_counts.areaHeld += e.quantity;
    markAreaDirty(area);
}

void Ledger::applySeatReleased(const JournalEvent& e)
{
    const SeatIndex seat = seatOf(*m_spec.venue, e);
    const std::uint32_t slot = slotOf(e.hold);
    USHER_ASSERT(m_holds[slot].id == e.hold);
    const SeatSlot& s = m_seats[seat];
    USHER_ASSERT(s.id == e.seat && s.status == SeatStatus::Held && s.ref == slot);
    setSeat(seat, SeatStatus::Available, 0);
    releaseHoldUnits(slot, 1);
}

void Ledger::applyAreaReleased(const JournalEvent& e)
{
    const std::uint32_t area = areaOf(*m_spec.venue, e.area);
    const std::uint32_t slot = slotOf(e.hold);
    const HoldSlot& h = m_holds[slot];
    USHER_ASSERT(h.id == e.hold && h.area == area && h.pool == e.channel && h.live == e.quantity);
    AreaPool& p = pool(area, e.channel);
    USHER_ASSERT(p.held >= e.quantity);
    p.held -= e.quantity;
    m_counts.areaHeld -= e.quantity;
    markAreaDirty(area);
    releaseHoldUnits(slot, e.quantity);
}

void Ledger::applyOrderCreated(const RecordHeader& header, const JournalEvent& e)
{
    USHER_ASSERT(e.order == m_orders.size() + 1);
    const HoldSlot& h = m_holds[slotOf(e.hold)];
    USHER_ASSERT(h.id == e.hold);
    USHER_ASSERT(m_tickets.size() < 0xffffffffu); // Order::firstTicket
    Order& o = m_orders.emplace_back();
    o.id = e.order;
    o.hold = e.hold;
    o.actorId = header.actor.id;
    o.createdAt = header.now;
    o.amount = e.amount;
    o.text = m_orderText.add(e.text, e.buyerName, e.buyerEmail, e.buyerPhone); // null when all are empty
    o.firstTicket = static_cast<std::uint32_t>(m_tickets.size() + 1);
    o.channel = h.channel;
    o.actorKind = header.actor.kind;
}

void Ledger::applySeatConfirmed(const JournalEvent& e)
{
    const SeatIndex seat = seatOf(*m_spec.venue, e);
    const SeatSlot& s = m_seats[seat];
    const std::uint32_t slot = s.ref;
    USHER_ASSERT(s.id == e.seat && s.status == SeatStatus::Held && m_holds[slot].id == m_orders.back().hold);
    // The seat first, while its status is the one just checked (the inline setSeat changes only
    // the counts that move); its ref is the ticket addTicket appends (it checks e.ticket).
    setSeat(seat, SeatStatus::Sold, static_cast<std::uint32_t>(e.ticket - 1));
    Ticket& t = addTicket(e);
    t.seat = seat;
    releaseHoldUnits(slot, 1);
}

void Ledger::applyAreaConfirmed(const JournalEvent& e)
{
    const std::uint32_t area = areaOf(*m_spec.venue, e.area);
    const std::uint32_t slot = slotOf(m_orders.back().hold);
    USHER_ASSERT(m_holds[slot].area == area && m_holds[slot].pool == e.channel);
    AreaPool& p = pool(area, e.channel);
    USHER_ASSERT(p.held > 0);
    --p.held;
    ++p.sold;
    --m_counts.areaHeld;
    ++m_counts.areaSold;
    Ticket& t = addTicket(e);
    t.area = area;
    t.pool = e.channel;
    markAreaDirty(area);
    releaseHoldUnits(slot, 1);
}

void Ledger::applyRefunded(const JournalEvent& e)
{
    USHER_ASSERT(e.ticket >= 1 && e.ticket <= m_tickets.size());
    Ticket& t = m_tickets[e.ticket - 1];
    USHER_ASSERT(t.status == TicketStatus::Valid && t.order == e.order && e.amount >= 0 && e.amount <= t.amount);
    t.status = TicketStatus::Refunded;
    t.refunded = e.amount;
    m_orders[t.order - 1].refunded += e.amount;
    if (e.type == EventType::SeatRefunded) {
        USHER_ASSERT(t.seat == indexOf(*m_spec.venue, e.seat) && m_seats[t.seat].status == SeatStatus::Sold);
        setSeat(t.seat, SeatStatus::Available, 0);
        return;
    }
    AreaPool& p = pool(t.area, t.pool);
    USHER_ASSERT(p.sold > 0 && t.area == areaOf(*m_spec.venue, e.area));
    --p.sold;
    --m_counts.areaSold;
    markAreaDirty(t.area);
}

void Ledger::applyExchanged(const JournalEvent& e)
{
    Ticket& t = m_tickets[e.ticket - 1];
    const SeatIndex from = indexOf(*m_spec.venue, e.seat);
    const SeatIndex to = indexOf(*m_spec.venue, e.toSeat);
    USHER_ASSERT(t.status == TicketStatus::Valid && t.seat == from && m_seats[to].status == SeatStatus::Available);
    setSeat(from, SeatStatus::Available, 0);
    setSeat(to, SeatStatus::Sold, static_cast<std::uint32_t>(t.id - 1));
    t.seat = to;
    ++t.generation;
    t.code = e.code;
    if (e.amount == kExchangeAmountAsSold)
        return; // journaled before exchanges re-priced: the ticket kept its amount
    USHER_ASSERT(e.amount >= 0 && e.priceType == t.priceType && e.difference == e.amount - t.amount);
    t.amount = e.amount;
    m_orders[t.order - 1].amount += e.difference;
}

void Ledger::applySeatInventory(const JournalEvent& e)
{
    const SeatIndex seat = seatOf(*m_spec.venue, e);
    USHER_ASSERT(m_seats[seat].id == e.seat);
    SeatSlot& s = m_seats[seat];
    switch (e.type) {
    case EventType::SeatBlocked: {
        USHER_ASSERT(s.status == SeatStatus::Available);
        if (m_blockReasons.empty() || m_blockReasons.back() != e.text)
            m_blockReasons.emplace_back(e.text);
        setSeat(seat, SeatStatus::Blocked, static_cast<std::uint32_t>(m_blockReasons.size() - 1));
        return;
    }
    case EventType::SeatUnblocked:
        USHER_ASSERT(s.status == SeatStatus::Blocked);
        setSeat(seat, SeatStatus::Available, 0);
        return;
    case EventType::SeatAllocated:
        USHER_ASSERT(s.allocation == kOpenPool && e.channel != kOpenPool);
        s.allocation = e.channel;
        ++m_counts.allocated;
        ++m_rowAllocated[s.row];
        setSeatBit(m_allocatedBits, seat, true);
        markSeatDirty(seat);
        return;
    case EventType::SeatDeallocated:
        USHER_ASSERT(s.allocation == e.channel && s.status != SeatStatus::Held);
        s.allocation = kOpenPool;
        --m_counts.allocated;
        --m_rowAllocated[s.row];
        setSeatBit(m_allocatedBits, seat, false);
        markSeatDirty(seat);
        return;
    default:
        USHER_ASSERT(false && "not a seat inventory event");
    }
}

void Ledger::applyAreaInventory(const JournalEvent& e)
{
    const std::uint32_t area = areaOf(*m_spec.venue, e.area);
    AreaPool& target = pool(area, e.channel); // may grow the pool list: take it first
    AreaPool& open = m_areas[area][0];
    AreaPool& from = e.type == EventType::AreaAllocated ? open : target;
    AreaPool& to = e.type == EventType::AreaAllocated ? target : open;
    USHER_ASSERT(e.channel != kOpenPool && from.free() >= e.quantity);
    from.capacity -= e.quantity;
    to.capacity += e.quantity;
    markAreaDirty(area);
}

void Ledger::markAreaDirty(std::uint32_t area)
{
    if (m_areaDirty[area] == 0) {
        m_areaDirty[area] = 1;
        m_dirtyAreas.push_back(area);
    }
}

AreaPool& Ledger::pool(std::uint32_t area, ChannelId channel)
{
    for (AreaPool& p : m_areas[area])
        if (p.channel == channel)
            return p;
    USHER_ASSERT(channel != kOpenPool);
    m_areas[area].push_back(AreaPool{channel, 0, 0, 0});
    return m_areas[area].back();
}

const AreaPool* Ledger::findPool(std::uint32_t area, ChannelId channel) const
{
    for (const AreaPool& p : m_areas[area])
        if (p.channel == channel)
            return &p;
    return nullptr;
}

void Ledger::rebuildExpiries()
{
    m_expiries.clear();
    for (const HoldSlot& h : m_holds)
        if (h.id != 0)
            m_expiries.push_back(Expiry{h.expiresAt, h.id});
    std::make_heap(m_expiries.begin(), m_expiries.end(), ExpiryLater{});
}

} // namespace usher
