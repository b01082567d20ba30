// Command validation and emission. Each do*() checks everything first and returns the first
// failing status without touching state; only then does it emit the command's events.

#include "core/Assert.h"
#include "core/Limits.h"
#include "ledger/Ledger.h"
#include "ledger/LedgerEmitter.h"

#include <algorithm>

namespace usher {

namespace {

bool textTooLong(const Command& c)
{
    return c.text.size() > limits::textBytesMax || c.buyer.name.size() > limits::textBytesMax
        || c.buyer.email.size() > limits::textBytesMax || c.buyer.phone.size() > limits::textBytesMax;
}

bool sellingCommand(CommandKind kind)
{
    switch (kind) {
    case CommandKind::HoldSeats:
    case CommandKind::HoldBestAvailable:
    case CommandKind::HoldArea:
    case CommandKind::Release:
    case CommandKind::Extend:
    case CommandKind::InitiatePayment:
    case CommandKind::FailPayment:
    case CommandKind::Confirm:
    case CommandKind::Exchange: return true;
    default: return false;
    }
}

constexpr std::int64_t kMsPerSecond = 1000;

// A seat a hold through `channel` may take: available, in the open pool or the channel's
// allocation. Inline for the hold's check (seatSellableBy() is the same test for other files).
template <typename Slot>
[[gnu::always_inline]] inline bool sellable(const Slot& slot, ChannelId channel)
{
    return slot.status == SeatStatus::Available && (slot.allocation == kOpenPool || slot.allocation == channel);
}

} // namespace

// Only dispatch() calls it, once per command: inline.
inline Status Ledger::validateCommon(const Command& c) const
{
    if (c.actor.kind == ActorKind::None || textTooLong(c) || c.seats.size() > limits::commandSeatsMax
        || c.tickets.size() > limits::orderTicketsMax || c.priceTypes.size() > limits::orderTicketsMax)
        return Status::InvalidArgument;
    if (sellingCommand(c.kind) && m_spec.channel(c.channel) == nullptr)
        return Status::ChannelNotFound;
    return Status::Ok;
}

Status Ledger::dispatch(const Command& c, Emitter& out)
{
    if (const Status status = validateCommon(c); status != Status::Ok)
        return status;
    switch (c.kind) {
    case CommandKind::HoldSeats: return doHoldSeats(c, out);
    case CommandKind::HoldBestAvailable: return doHoldBest(c, out);
    case CommandKind::HoldArea: return doHoldArea(c, out);
    case CommandKind::Release: return doRelease(c, out);
    case CommandKind::Extend: return doExtend(c, out);
    case CommandKind::InitiatePayment: return doInitiatePayment(c, out);
    case CommandKind::FailPayment: return doFailPayment(c, out);
    case CommandKind::Confirm: return doConfirm(c, out);
    case CommandKind::Refund: return doRefund(c, out);
    case CommandKind::Exchange: return doExchange(c, out);
    case CommandKind::Block: return doBlock(c, out);
    case CommandKind::Unblock: return doUnblock(c, out);
    case CommandKind::AllocateSeats: return doAllocateSeats(c, out);
    case CommandKind::DeallocateSeats: return doDeallocateSeats(c, out);
    case CommandKind::AllocateArea: return doMoveAreaCapacity(c, out, EventType::AreaAllocated);
    case CommandKind::DeallocateArea: return doMoveAreaCapacity(c, out, EventType::AreaDeallocated);
    case CommandKind::Expire: return doExpire(c, out);
    case CommandKind::Reissue: return doReissue(c, out);
    case CommandKind::UpdateEvent: return Status::InvalidArgument; // Ledger::updateSpec() only
    }
    return Status::InvalidArgument;
}

// ---- validation helpers ------------------------------------------------------------------------

Status Ledger::resolveSeats(const std::vector<SeatId>& ids, std::vector<SeatIndex>* out) const
{
    out->clear();
    if (ids.empty())
        return Status::InvalidArgument;
    // Duplicates are malformed (InvalidArgument) and outrank unknown seats, so check them first.
    // A few seats (every counter or web order) are compared with each other: cheaper than a mark
    // in a per-seat array, which costs a cache miss per seat. Large lists use the marks.
    constexpr std::size_t kCompareUpTo = 16;
    const bool useMarks = ids.size() > kCompareUpTo;
    if (useMarks && ++m_markEpoch == 0) { // wrapped: forget every old mark
        std::fill(m_seatMark.begin(), m_seatMark.end(), 0);
        m_markEpoch = 1;
    }
    Status status = Status::Ok;
    for (SeatId id : ids) {
        const SeatIndex index = m_spec.venue->seatIndex(id);
        if (index == kNoSeat) {
            status = Status::SeatNotFound;
            continue;
        }
        if (useMarks) {
            if (m_seatMark[index] == m_markEpoch)
                return Status::InvalidArgument;
            m_seatMark[index] = m_markEpoch;
        } else if (std::find(out->begin(), out->end(), index) != out->end()) {
            return Status::InvalidArgument;
        }
        out->push_back(index);
    }
    return status;
}

// The helpers of the hold commands below are inline (each is called by this file only): a hold
// then pays no calls and register saves for its checks.
[[gnu::always_inline]] inline Status Ledger::checkOnSale(const Command& c) const
{
    const SalesChannel* channel = m_spec.channel(c.channel);
    USHER_ASSERT(channel != nullptr);
    return c.now >= channel->onsaleAt && c.now < channel->offsaleAt ? Status::Ok : Status::NotOnSale;
}

bool Ledger::seatSellableBy(SeatIndex seat, ChannelId channel) const
{
    return sellable(m_seats[seat], channel);
}

[[gnu::always_inline]] inline Status Ledger::checkHoldable(const Command& c, const std::vector<SeatIndex>& seats,
                                                           std::uint32_t* failedSeat) const
{
    const ChannelId pool = c.openPoolOnly ? kOpenPool : c.channel;
    for (SeatIndex s : seats) {
        if (!sellable(m_seats[s], pool)) {
            *failedSeat = m_seats[s].id;
            return Status::SeatUnavailable;
        }
    }
    return Status::Ok;
}

// The hold exists, and the actor may act on it through this channel.
// Only this file calls it (once per command on a hold): inline.
inline Status Ledger::findHold(const Command& c, std::uint32_t* slot) const
{
    const auto index = static_cast<std::uint32_t>(c.hold & 0xffffffffu);
    if (c.hold == 0 || index >= m_holds.size() || m_holds[index].id != c.hold)
        return Status::HoldNotFound;
    const HoldSlot& h = m_holds[index];
    if (!c.actor.isStaff() && c.actor != h.holder)
        return Status::NotHolder;
    if (!c.actor.isManager() && c.channel != h.channel)
        return Status::WrongChannel;
    *slot = index;
    return Status::Ok;
}

// As findHold, and the hold has not expired.
Status Ledger::findLiveHold(const Command& c, std::uint32_t* slot) const
{
    if (const Status status = findHold(c, slot); status != Status::Ok)
        return status;
    return c.now < m_holds[*slot].expiresAt ? Status::Ok : Status::HoldExpired;
}

[[gnu::always_inline]] inline HoldId Ledger::nextHoldId(std::uint32_t slot) const
{
    const std::uint64_t generation = m_holds[slot].generation + 1u;
    USHER_ASSERT(generation <= 0xffffffffu);
    return (generation << 32) | slot;
}

[[gnu::always_inline]] inline Timestamp Ledger::holdExpiry(const Command& c) const
{
    return c.now + std::int64_t(m_spec.holdSeconds) * kMsPerSecond;
}

[[gnu::always_inline]] inline void Ledger::emitHoldSeats(const Command& c, const std::vector<SeatIndex>& seats, Emitter& out)
{
    USHER_ASSERT(!m_freeHolds.empty() && !seats.empty() && seats.size() <= m_holdSeatsStride);
    const HoldId id = nextHoldId(m_freeHolds.back());
    const Timestamp expiresAt = holdExpiry(c);
    for (SeatIndex s : seats) {
        JournalEvent e;
        e.type = EventType::SeatHeld;
        e.seat = m_seats[s].id;
        e.seatHint = s;
        e.hold = id;
        e.expiresAt = expiresAt;
        out.emitAs<EventType::SeatHeld>(e, [this, &out](const JournalEvent& event) { applySeatHeld(out.header, event); });
    }
}

[[gnu::always_inline]] inline void Ledger::emitRelease(std::uint32_t slot, ReleaseReason reason, Emitter& out)
{
    const HoldSlot& h = m_holds[slot];
    const HoldId id = h.id;
    USHER_ASSERT(id != 0);
    if (h.area != kNoArea) {
        JournalEvent e;
        e.type = EventType::AreaReleased;
        e.area = m_spec.venue->areas[h.area].id;
        e.quantity = h.live;
        e.channel = h.pool;
        e.hold = id;
        e.reason = static_cast<std::uint8_t>(reason);
        out.emit(e);
        return;
    }
    // Copy the seats first: the slot is freed when its last seat is released.
    const std::uint32_t count = h.seatCount;
    SeatIndex seats[limits::orderTicketsMax];
    std::copy_n(m_holdSeats.begin() + std::ptrdiff_t(std::size_t(slot) * m_holdSeatsStride), count, seats);
    for (std::uint32_t i = 0; i < count; ++i) {
        JournalEvent e;
        e.type = EventType::SeatReleased;
        e.seat = m_seats[seats[i]].id;
        e.seatHint = seats[i];
        e.hold = id;
        e.reason = static_cast<std::uint8_t>(reason);
        out.emitAs<EventType::SeatReleased>(e, [this](const JournalEvent& event) { applySeatReleased(event); });
    }
}

// ---- holds ---------------------------------------------------------------------------------------

Status Ledger::doHoldSeats(const Command& c, Emitter& out)
{
    if (const Status status = resolveSeats(c.seats, &m_scratchSeats); status != Status::Ok)
        return status;
    if (m_scratchSeats.size() > m_spec.ticketsPerOrderMax)
        return Status::LimitExceeded;
    if (const Status status = checkOnSale(c); status != Status::Ok)
        return status;
    if (const Status status = checkHoldable(c, m_scratchSeats, &out.detail); status != Status::Ok)
        return status;
    // A full hold table after the seats' check: a buyer asking for a held seat of a fully held
    // event hears "taken" (409), not "limit exceeded".
    if (m_freeHolds.empty())
        return Status::LimitExceeded;
    emitHoldSeats(c, m_scratchSeats, out);
    return Status::Ok;
}

Status Ledger::doHoldBest(const Command& c, Emitter& out)
{
    const BestAvailableRequest& best = c.best;
    if (best.quantity == 0)
        return Status::InvalidArgument;
    if (best.category >= m_spec.venue->categories.size())
        return Status::CategoryNotFound;
    if (best.quantity > m_spec.ticketsPerOrderMax)
        return Status::LimitExceeded;
    if (const Status status = checkOnSale(c); status != Status::Ok)
        return status;
    if (const Status status = findBestAvailable(c, &m_scratchSeats); status != Status::Ok)
        return status;
    if (m_freeHolds.empty())
        return Status::LimitExceeded;
    emitHoldSeats(c, m_scratchSeats, out);
    return Status::Ok;
}

Status Ledger::doHoldArea(const Command& c, Emitter& out)
{
    const std::uint32_t area = m_spec.venue->areaIndex(c.area);
    if (c.quantity == 0)
        return Status::InvalidArgument;
    if (area == kNoArea)
        return Status::AreaNotFound;
    if (c.quantity > m_spec.ticketsPerOrderMax)
        return Status::LimitExceeded;
    if (const Status status = checkOnSale(c); status != Status::Ok)
        return status;
    // The channel's own allocation first (unless openPoolOnly), then the open pool; a hold never spans two pools.
    ChannelId poolChannel = kOpenPool;
    const AreaPool* own = findPool(area, c.channel);
    if (own != nullptr && c.channel != kOpenPool && !c.openPoolOnly && own->free() >= c.quantity)
        poolChannel = c.channel;
    else if (m_areas[area][0].free() < c.quantity)
        return Status::CapacityUnavailable;
    if (m_freeHolds.empty())
        return Status::LimitExceeded;
    JournalEvent e;
    e.type = EventType::AreaHeld;
    e.area = c.area;
    e.quantity = c.quantity;
    e.channel = poolChannel;
    e.hold = nextHoldId(m_freeHolds.back());
    e.expiresAt = holdExpiry(c);
    out.emit(e);
    return Status::Ok;
}

Status Ledger::doRelease(const Command& c, Emitter& out)
{
    std::uint32_t slot = 0;
    if (const Status status = findHold(c, &slot); status != Status::Ok)
        return status;
    // Releasing while a payment is in flight could charge a buyer for seats they no longer hold.
    if (m_holds[slot].paymentPending)
        return Status::PaymentPending;
    emitRelease(slot, ReleaseReason::Released, out);
    return Status::Ok;
}

Status Ledger::doExtend(const Command& c, Emitter& out)
{
    if (c.seconds == 0 || c.seconds > limits::holdSecondsMax)
        return Status::InvalidArgument;
    std::uint32_t slot = 0;
    if (const Status status = findHold(c, &slot); status != Status::Ok)
        return status;
    const HoldSlot& h = m_holds[slot];
    const Timestamp wanted = c.now + std::int64_t(c.seconds) * kMsPerSecond;
    if (wanted > h.createdAt + std::int64_t(m_spec.holdLifetimeSecondsMax) * kMsPerSecond)
        return Status::LimitExceeded;
    if (c.now >= h.expiresAt)
        return Status::HoldExpired;
    if (h.paymentPending)
        return Status::PaymentPending;
    JournalEvent e;
    e.type = EventType::HoldExtended;
    e.hold = h.id;
    e.expiresAt = std::max(h.expiresAt, wanted);
    out.emit(e);
    return Status::Ok;
}

// ---- payment -------------------------------------------------------------------------------------

Status Ledger::doInitiatePayment(const Command& c, Emitter& out)
{
    if (c.amount < 0 || c.text.empty())
        return Status::InvalidArgument;
    std::uint32_t slot = 0;
    if (const Status status = findLiveHold(c, &slot); status != Status::Ok)
        return status;
    const HoldSlot& h = m_holds[slot];
    if (h.paymentPending)
        return Status::PaymentPending;
    JournalEvent e;
    e.type = EventType::PaymentInitiated;
    e.hold = h.id;
    e.amount = c.amount;
    // The gateway may take its time; the hold must outlive the payment attempt.
    e.expiresAt = std::max(h.expiresAt, c.now + std::int64_t(m_spec.paymentSecondsMax) * kMsPerSecond);
    e.text = c.text;
    out.emit(e);
    return Status::Ok;
}

Status Ledger::doFailPayment(const Command& c, Emitter& out)
{
    std::uint32_t slot = 0;
    if (const Status status = findHold(c, &slot); status != Status::Ok)
        return status;
    if (!m_holds[slot].paymentPending)
        return Status::PaymentNotPending;
    emitRelease(slot, ReleaseReason::PaymentFailed, out);
    return Status::Ok;
}

// ---- expiry --------------------------------------------------------------------------------------

Status Ledger::doExpire(const Command& c, Emitter& out)
{
    // A record holds at most 65,535 events; releasing more holds needs further Expire commands
    // (the runtime repeats until one releases nothing).
    constexpr std::uint32_t kEventsMax = 60'000;
    std::uint32_t events = 0;
    std::uint32_t released = 0;
    while (!m_expiries.empty() && m_expiries.front().at <= c.now) {
        const Expiry due = m_expiries.front();
        const auto slot = static_cast<std::uint32_t>(due.hold & 0xffffffffu);
        const HoldSlot& h = m_holds[slot];
        const bool live = h.id == due.hold && h.expiresAt == due.at;
        if (live && events + std::max<std::uint32_t>(h.seatCount, 1) > kEventsMax)
            break;
        std::pop_heap(m_expiries.begin(), m_expiries.end(), ExpiryLater {});
        m_expiries.pop_back();
        if (!live)
            continue; // stale: released, confirmed or extended since
        events += std::max<std::uint32_t>(h.seatCount, 1);
        ++released;
        emitRelease(slot, h.paymentPending ? ReleaseReason::PaymentTimeout : ReleaseReason::Expired, out);
    }
    out.detail = released;
    return Status::Ok;
}

} // namespace usher
