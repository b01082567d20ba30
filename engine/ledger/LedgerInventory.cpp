// Inventory management: blocking seats, and allocating seats or GA capacity to a channel.

#include "core/Assert.h"
#include "ledger/Ledger.h"
#include "ledger/LedgerEmitter.h"

namespace usher {

namespace {

JournalEvent seatEvent(EventType type, SeatId seat, ChannelId channel = 0, std::string_view text = {})
{
    JournalEvent e;
    e.type = type;
    e.seat = seat;
    e.channel = channel;
    e.text = text;
    return e;
}

} // namespace

Status Ledger::doBlock(const Command& c, Emitter& out)
{
    if (!c.actor.isStaff())
        return Status::Forbidden;
    if (c.text.empty())
        return Status::InvalidArgument; // a kill or house seat always says why
    if (const Status status = resolveSeats(c.seats, &m_scratchSeats); status != Status::Ok)
        return status;
    for (SeatIndex s : m_scratchSeats) {
        if (m_seats[s].status != SeatStatus::Available) {
            out.detail = m_seats[s].id;
            return Status::SeatUnavailable;
        }
    }
    for (SeatIndex s : m_scratchSeats)
        out.emit(seatEvent(EventType::SeatBlocked, m_seats[s].id, 0, c.text));
    return Status::Ok;
}

Status Ledger::doUnblock(const Command& c, Emitter& out)
{
    if (!c.actor.isStaff())
        return Status::Forbidden;
    if (const Status status = resolveSeats(c.seats, &m_scratchSeats); status != Status::Ok)
        return status;
    for (SeatIndex s : m_scratchSeats)
        if (m_seats[s].status != SeatStatus::Blocked)
            return Status::SeatNotBlocked;
    for (SeatIndex s : m_scratchSeats)
        out.emit(seatEvent(EventType::SeatUnblocked, m_seats[s].id));
    return Status::Ok;
}

Status Ledger::doAllocateSeats(const Command& c, Emitter& out)
{
    if (!c.actor.isManager())
        return Status::Forbidden;
    if (c.target == kOpenPool)
        return Status::InvalidArgument;
    if (m_spec.channel(c.target) == nullptr)
        return Status::ChannelNotFound;
    if (const Status status = resolveSeats(c.seats, &m_scratchSeats); status != Status::Ok)
        return status;
    for (SeatIndex s : m_scratchSeats) {
        if (m_seats[s].status != SeatStatus::Available || m_seats[s].allocation != kOpenPool) {
            out.detail = m_seats[s].id;
            return Status::SeatUnavailable;
        }
    }
    for (SeatIndex s : m_scratchSeats)
        out.emit(seatEvent(EventType::SeatAllocated, m_seats[s].id, c.target));
    return Status::Ok;
}

Status Ledger::doDeallocateSeats(const Command& c, Emitter& out)
{
    if (!c.actor.isManager())
        return Status::Forbidden;
    if (c.target == kOpenPool)
        return Status::InvalidArgument;
    if (m_spec.channel(c.target) == nullptr)
        return Status::ChannelNotFound;
    if (const Status status = resolveSeats(c.seats, &m_scratchSeats); status != Status::Ok)
        return status;
    for (SeatIndex s : m_scratchSeats)
        if (m_seats[s].allocation != c.target)
            return Status::SeatNotAllocated;
    // A held seat stays with its channel until the hold ends; sold and blocked seats may go back.
    for (SeatIndex s : m_scratchSeats) {
        if (m_seats[s].status == SeatStatus::Held) {
            out.detail = m_seats[s].id;
            return Status::SeatUnavailable;
        }
    }
    for (SeatIndex s : m_scratchSeats)
        out.emit(seatEvent(EventType::SeatDeallocated, m_seats[s].id, c.target));
    return Status::Ok;
}

// Moving general-admission capacity between the open pool and a channel, in either direction: the
// checks both share, then the one that differs (capacity free in the pool it is taken from).
Status Ledger::doMoveAreaCapacity(const Command& c, Emitter& out, EventType type)
{
    if (!c.actor.isManager())
        return Status::Forbidden;
    if (c.target == kOpenPool || c.quantity == 0)
        return Status::InvalidArgument;
    if (m_spec.channel(c.target) == nullptr)
        return Status::ChannelNotFound;
    const std::uint32_t area = m_spec.venue->areaIndex(c.area);
    if (area == kNoArea)
        return Status::AreaNotFound;
    if (type == EventType::AreaAllocated) {
        if (m_areas[area][0].free() < c.quantity)
            return Status::CapacityUnavailable;
    } else {
        const AreaPool* pool = findPool(area, c.target);
        if (pool == nullptr || pool->capacity == 0)
            return Status::SeatNotAllocated;
        if (pool->free() < c.quantity)
            return Status::CapacityUnavailable;
    }
    JournalEvent e;
    e.type = type;
    e.area = c.area;
    e.channel = c.target;
    e.quantity = c.quantity;
    out.emit(e);
    return Status::Ok;
}

} // namespace usher
