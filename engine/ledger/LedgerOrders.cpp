// Orders: confirm a hold into tickets, refund tickets, exchange a ticket to another seat.

#include "core/Assert.h"
#include "core/Limits.h"
#include "ledger/Ledger.h"
#include "ledger/LedgerEmitter.h"

#include <algorithm>

namespace usher {

// Only doConfirm calls it: inline, so a confirm does not pay a call and its register saves.
[[gnu::always_inline]] inline Status Ledger::priceUnits(const Command& c, std::uint32_t slot, Amount* prices,
                                                        Amount* total) const
{
    const HoldSlot& h = m_holds[slot];
    const std::uint32_t units = h.live;
    if (!c.priceTypes.empty() && c.priceTypes.size() != units)
        return Status::InvalidArgument;
    *total = 0;
    for (std::uint32_t i = 0; i < units; ++i) {
        const std::uint32_t type = c.priceTypes.empty() ? 0 : c.priceTypes[i];
        const std::uint16_t category = h.area != kNoArea
            ? m_spec.venue->areas[h.area].category
            : m_seats[m_holdSeats[std::size_t(slot) * m_holdSeatsStride + i]].category;
        const Amount price = m_spec.price(category, type); // kNotOffered for an unknown type too
        if (price == kNotOffered)
            return Status::PriceTypeNotFound;
        prices[i] = price;
        *total += price;
    }
    return Status::Ok;
}

Status Ledger::doConfirm(const Command& c, Emitter& out)
{
    std::uint32_t slot = 0;
    if (const Status status = findLiveHold(c, &slot); status != Status::Ok)
        return status;
    Amount prices[limits::orderTicketsMax];
    Amount total = 0;
    if (const Status status = priceUnits(c, slot, prices, &total); status != Status::Ok)
        return status;
    if (c.amount >= 0 && c.amount != total)
        return Status::AmountMismatch;

    const HoldSlot& h = m_holds[slot];
    const OrderId order = m_orders.size() + 1;
    // One event object for ORDER_CREATED and then every ticket's event: after the order's own
    // fields are cleared it holds exactly what a fresh one would (each unit writes the same
    // fields), without building a 170-byte JournalEvent per event.
    JournalEvent e;
    e.type = EventType::OrderCreated;
    e.order = order;
    e.hold = h.id;
    e.amount = total;
    e.text = c.text;
    e.buyerName = c.buyer.name;
    e.buyerEmail = c.buyer.email;
    e.buyerPhone = c.buyer.phone;
    out.emitAs<EventType::OrderCreated>(e, [this, &out](const JournalEvent& event) { applyOrderCreated(out.header, event); });
    e.hold = 0;
    e.text = e.buyerName = e.buyerEmail = e.buyerPhone = {};

    // Copy what the loop needs: the slot is freed with the last unit (after its seat is read; the
    // seat list itself is written only when the slot is taken again, so no copy of it: GCC made
    // that copy a memcpy call).
    const std::uint32_t units = h.live;
    const std::uint32_t area = h.area;
    const ChannelId pool = h.pool;
    const SeatIndex* seats = m_holdSeats.data() + std::size_t(slot) * m_holdSeatsStride;
    USHER_ASSERT(area != kNoArea || units == h.seatCount);
    for (std::uint32_t i = 0; i < units; ++i) {
        const TicketId ticket = m_tickets.size() + 1;
        e.type = area != kNoArea ? EventType::AreaConfirmed : EventType::SeatConfirmed;
        if (area != kNoArea)
            e.area = m_spec.venue->areas[area].id, e.channel = pool;
        else
            e.seat = m_seats[seats[i]].id, e.seatHint = seats[i];
        e.order = order;
        e.ticket = ticket;
        e.priceType = static_cast<std::uint8_t>(c.priceTypes.empty() ? 0 : c.priceTypes[i]);
        e.amount = prices[i];
        e.code = makeTicketCode(ticket, 0);
        if (area != kNoArea)
            out.emitAs<EventType::AreaConfirmed>(e, [this](const JournalEvent& event) { applyAreaConfirmed(event); });
        else
            out.emitAs<EventType::SeatConfirmed>(e, [this](const JournalEvent& event) { applySeatConfirmed(event); });
    }
    return Status::Ok;
}

// Resolves the tickets a refund or reissue names (all valid ones when it names none).
Status Ledger::refundTickets(const Command& c, const Order& order, std::vector<TicketId>* tickets) const
{
    tickets->clear();
    if (c.tickets.empty()) {
        for (TicketId t = order.firstTicket; t < order.firstTicket + order.ticketCount; ++t)
            if (m_tickets[t - 1].status == TicketStatus::Valid)
                tickets->push_back(t);
        return tickets->empty() ? Status::TicketNotValid : Status::Ok;
    }
    for (std::size_t i = 0; i < c.tickets.size(); ++i) {
        const TicketId t = c.tickets[i];
        if (std::find(c.tickets.begin(), c.tickets.begin() + std::ptrdiff_t(i), t) != c.tickets.begin() + std::ptrdiff_t(i))
            return Status::InvalidArgument;
        if (t < order.firstTicket || t >= order.firstTicket + order.ticketCount)
            return Status::TicketNotFound;
        if (m_tickets[t - 1].status != TicketStatus::Valid)
            return Status::TicketNotValid;
        tickets->push_back(t);
    }
    return Status::Ok;
}

Status Ledger::doRefund(const Command& c, Emitter& out)
{
    if (!c.actor.isStaff())
        return Status::Forbidden;
    if (c.text.empty() || c.amount < -1)
        return Status::InvalidArgument;
    const Order* order = this->order(c.order);
    if (order == nullptr)
        return Status::OrderNotFound;
    std::vector<TicketId> tickets;
    if (const Status status = refundTickets(c, *order, &tickets); status != Status::Ok)
        return status;
    Amount paid = 0;
    for (TicketId t : tickets)
        paid += m_tickets[t - 1].amount;
    if (c.amount > paid)
        return Status::AmountExceedsPaid;

    // A partial refund (fees kept) is shared out ticket by ticket, in the order the command names
    // them (ticket order when it names none).
    Amount left = c.amount < 0 ? paid : c.amount;
    for (TicketId t : tickets) {
        const Ticket& ticket = m_tickets[t - 1];
        JournalEvent e;
        e.type = ticket.seat != kNoSeat ? EventType::SeatRefunded : EventType::AreaRefunded;
        if (ticket.seat != kNoSeat)
            e.seat = m_seats[ticket.seat].id;
        else
            e.area = m_spec.venue->areas[ticket.area].id, e.channel = ticket.pool;
        e.order = ticket.order;
        e.ticket = t;
        e.amount = std::min(left, ticket.amount);
        e.text = c.text;
        left -= e.amount;
        out.emit(e);
    }
    USHER_ASSERT(left == 0);
    return Status::Ok;
}

Status Ledger::doExchange(const Command& c, Emitter& out)
{
    if (!c.actor.isStaff())
        return Status::Forbidden;
    if (c.tickets.size() != 1 || c.seats.size() != 1 || c.amount < -1)
        return Status::InvalidArgument;
    const Order* order = this->order(c.order);
    if (order == nullptr)
        return Status::OrderNotFound;
    const TicketId t = c.tickets[0];
    if (t < order->firstTicket || t >= order->firstTicket + order->ticketCount)
        return Status::TicketNotFound;
    const Ticket& ticket = m_tickets[t - 1];
    if (ticket.seat == kNoSeat)
        return Status::InvalidArgument; // general admission has no seat to move
    const SeatIndex to = m_spec.venue->seatIndex(c.seats[0]);
    if (to == kNoSeat)
        return Status::SeatNotFound;
    if (ticket.status != TicketStatus::Valid)
        return Status::TicketNotValid;
    if (!seatSellableBy(to, c.channel)) {
        out.detail = c.seats[0];
        return Status::SeatUnavailable;
    }
    // The ticket keeps its price type and takes the new seat's price for it; the order records the
    // difference (collected or paid back by whoever sends the command), so a later refund of the
    // ticket gives back what was paid for it, net.
    const Amount price = ticket.priceType < m_spec.priceTypes.size()
        ? m_spec.price(m_spec.venue->seats[to].category, ticket.priceType)
        : kNotOffered;
    if (price == kNotOffered)
        return Status::PriceTypeNotFound;
    if (c.amount >= 0 && c.amount != price)
        return Status::AmountMismatch;
    JournalEvent e;
    e.type = EventType::TicketExchanged;
    e.order = ticket.order;
    e.ticket = t;
    e.seat = m_seats[ticket.seat].id;
    e.toSeat = c.seats[0];
    e.priceType = ticket.priceType;
    e.amount = price;
    e.difference = price - ticket.amount;
    // A new code: the ticket printed for the old seat must stop scanning.
    e.code = makeTicketCode(t, ticket.generation + 1);
    out.emit(e);
    return Status::Ok;
}

// Reprints: each named ticket (every valid one when none is named) gets a new code; the printed
// one stops scanning. The ticket keeps its seat, price and id.
Status Ledger::doReissue(const Command& c, Emitter& out)
{
    if (!c.actor.isStaff())
        return Status::Forbidden;
    if (c.text.empty())
        return Status::InvalidArgument;
    const Order* order = this->order(c.order);
    if (order == nullptr)
        return Status::OrderNotFound;
    std::vector<TicketId> tickets;
    if (const Status status = refundTickets(c, *order, &tickets); status != Status::Ok)
        return status;
    for (TicketId t : tickets) {
        const Ticket& ticket = m_tickets[t - 1];
        JournalEvent e;
        e.type = EventType::TicketReissued;
        e.order = ticket.order;
        e.ticket = t;
        if (ticket.seat != kNoSeat)
            e.seat = m_seats[ticket.seat].id;
        else
            e.area = m_spec.venue->areas[ticket.area].id;
        e.priceType = ticket.priceType;
        e.amount = ticket.amount;
        e.code = makeTicketCode(t, ticket.generation + 1);
        out.emit(e);
    }
    return Status::Ok;
}

} // namespace usher
