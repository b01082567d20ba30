#include "support/ReferenceModel.h"

#include "core/Aes128.h"
#include "core/Assert.h"

#include <algorithm>
#include <cstring>
#include <set>
#include <tuple>

namespace usher::test {

namespace {

constexpr std::int64_t kMs = 1000;

bool isStaff(const Actor& a)
{
    return a.kind == ActorKind::Clerk || a.kind == ActorKind::Device || a.kind == ActorKind::Promoter
           || a.kind == ActorKind::Admin || a.kind == ActorKind::System;
}

bool isManager(const Actor& a)
{
    return a.kind == ActorKind::Promoter || a.kind == ActorKind::Admin || a.kind == ActorKind::System;
}

CommandResult refused(const Command& c, Status status)
{
    CommandResult r;
    r.status = status;
    r.kind = c.kind;
    return r;
}

} // namespace

ReferenceModel::ReferenceModel(const EventSpec& spec, std::uint32_t holdsMax, std::int64_t retentionMs)
    : m_spec(spec)
    , m_holdsMax(holdsMax)
    , m_retentionMs(retentionMs)
{
    m_seats.resize(spec.venue->seats.size());
    m_pools.resize(spec.venue->areas.size());
    for (std::size_t a = 0; a < spec.venue->areas.size(); ++a)
        m_pools[a][0].capacity = spec.venue->areas[a].capacity;
}

CommandResult ReferenceModel::execute(const Command& c, const CommandResult& actual)
{
    if (c.key.isNull() && c.kind != CommandKind::Expire)
        return refused(c, Status::InvalidArgument);
    const std::uint64_t fingerprint = c.key.isNull() ? 0 : commandFingerprint(c);
    if (!c.key.isNull()) {
        auto it = m_answers.find(c.key);
        if (it != m_answers.end() && it->second.at < c.now - m_retentionMs)
            it = m_answers.erase(it), it = m_answers.end(); // forgotten
        if (it != m_answers.end()) {
            if (it->second.fingerprint != fingerprint)
                return refused(c, Status::IdempotencyKeyReused);
            CommandResult again = it->second.result;
            again.replayed = true;
            return again;
        }
    }
    CommandResult result = run(c, actual);
    result.kind = c.kind;
    const bool journaled = !c.key.isNull() || result.count > 0;
    result.seq = journaled ? ++m_seq : 0;
    if (!c.key.isNull())
        m_answers[c.key] = Answer{fingerprint, c.now, result};
    return result;
}

Status ReferenceModel::common(const Command& c) const
{
    const std::size_t textMax = 1024;
    if (c.actor.kind == ActorKind::None || c.text.size() > textMax || c.buyer.name.size() > textMax
        || c.buyer.email.size() > textMax || c.buyer.phone.size() > textMax || c.seats.size() > 4096
        || c.tickets.size() > 64 || c.priceTypes.size() > 64)
        return Status::InvalidArgument;
    switch (c.kind) {
    case CommandKind::HoldSeats:
    case CommandKind::HoldBestAvailable:
    case CommandKind::HoldArea:
    case CommandKind::Release:
    case CommandKind::Extend:
    case CommandKind::InitiatePayment:
    case CommandKind::FailPayment:
    case CommandKind::Confirm:
    case CommandKind::Exchange:
        if (m_spec.channel(c.channel) == nullptr)
            return Status::ChannelNotFound;
        break;
    default:
        break;
    }
    return Status::Ok;
}

CommandResult ReferenceModel::run(const Command& c, const CommandResult& actual)
{
    if (const Status s = common(c); s != Status::Ok)
        return refused(c, s);
    if (c.kind == CommandKind::Expire)
        return expire(c);
    switch (c.kind) {
    case CommandKind::HoldSeats: return holdSeats(c, actual);
    case CommandKind::HoldBestAvailable: return holdBest(c, actual);
    case CommandKind::HoldArea: return holdArea(c, actual);
    case CommandKind::Release: return release(c);
    case CommandKind::Extend: return extend(c);
    case CommandKind::InitiatePayment: return initiatePayment(c);
    case CommandKind::FailPayment: return failPayment(c);
    case CommandKind::Confirm: return confirm(c);
    case CommandKind::Refund: return refund(c);
    case CommandKind::Exchange: return exchange(c);
    case CommandKind::Reissue: return reissue(c);
    case CommandKind::Block:
    case CommandKind::Unblock:
    case CommandKind::AllocateSeats:
    case CommandKind::DeallocateSeats: return inventory(c);
    case CommandKind::AllocateArea:
    case CommandKind::DeallocateArea: return areaInventory(c);
    case CommandKind::Expire:
    case CommandKind::UpdateEvent: break;
    }
    return refused(c, Status::InvalidArgument);
}

Status ReferenceModel::seatList(const std::vector<SeatId>& ids, std::vector<SeatIndex>* out) const
{
    out->clear();
    if (ids.empty())
        return Status::InvalidArgument;
    bool unknown = false;
    std::set<SeatIndex> seen;
    for (SeatId id : ids) {
        const SeatIndex s = m_spec.venue->seatIndex(id);
        if (s == kNoSeat) {
            unknown = true;
            continue;
        }
        if (!seen.insert(s).second)
            return Status::InvalidArgument;
        out->push_back(s);
    }
    return unknown ? Status::SeatNotFound : Status::Ok;
}

bool ReferenceModel::sellable(SeatIndex seat, ChannelId channel) const
{
    const Seat& s = m_seats[seat];
    return s.status == SeatStatus::Available && (s.allocation == 0 || s.allocation == channel);
}

bool ReferenceModel::onSale(const Command& c) const
{
    const SalesChannel* ch = m_spec.channel(c.channel);
    return c.now >= ch->onsaleAt && c.now < ch->offsaleAt;
}

bool ReferenceModel::holdTableFull() const
{
    return m_holds.size() >= m_holdsMax;
}

Status ReferenceModel::findHold(const Command& c, Hold** hold)
{
    auto it = m_holds.find(c.hold);
    if (it == m_holds.end())
        return Status::HoldNotFound;
    if (!isStaff(c.actor) && !(c.actor == it->second.holder))
        return Status::NotHolder;
    if (!isManager(c.actor) && c.channel != it->second.channel)
        return Status::WrongChannel;
    *hold = &it->second;
    return Status::Ok;
}

void ReferenceModel::createHold(const Command& c, const CommandResult& actual, CommandResult* result)
{
    // The ledger picks hold ids; a new one must be fresh and non-zero.
    Hold h;
    h.id = actual.hold;
    h.holder = c.actor;
    h.channel = c.channel;
    h.createdAt = c.now;
    h.expiresAt = c.now + std::int64_t(m_spec.holdSeconds) * kMs;
    result->hold = actual.hold != 0 && m_holds.count(actual.hold) == 0 ? actual.hold : ~HoldId{0};
    result->expiresAt = h.expiresAt;
    m_holds[h.id] = h;
}

CommandResult ReferenceModel::holdSeats(const Command& c, const CommandResult& actual)
{
    std::vector<SeatIndex> seats;
    if (const Status s = seatList(c.seats, &seats); s != Status::Ok)
        return refused(c, s);
    if (seats.size() > m_spec.ticketsPerOrderMax)
        return refused(c, Status::LimitExceeded);
    if (!onSale(c))
        return refused(c, Status::NotOnSale);
    for (SeatIndex s : seats) {
        if (!sellable(s, c.channel)) {
            CommandResult r = refused(c, Status::SeatUnavailable);
            r.seats.push_back(m_spec.venue->seats[s].id);
            return r;
        }
    }
    if (holdTableFull()) // after the seats: a taken seat is "unavailable" even when the table is full
        return refused(c, Status::LimitExceeded);
    CommandResult r;
    createHold(c, actual, &r);
    Hold& h = m_holds[actual.hold];
    for (SeatIndex s : seats) {
        m_seats[s].status = SeatStatus::Held;
        m_seats[s].hold = h.id;
        h.seats.push_back(s);
        r.seats.push_back(m_spec.venue->seats[s].id);
    }
    return r;
}

// Brute force over every window of every row; the winner is the minimum of (orphans, rank sum,
// row's best rank in the category, row, start).
std::optional<std::vector<SeatIndex>> ReferenceModel::bestBlock(const Command& c, std::uint32_t size,
                                                                const std::vector<SeatIndex>& taken) const
{
    const Venue& v = *m_spec.venue;
    const BestAvailableRequest& b = c.best;
    auto eligible = [&](SeatIndex s) {
        const VenueSeat& vs = v.seats[s];
        return sellable(s, c.channel) && vs.category == b.category
               && (!b.accessible || (vs.flags & (SeatWheelchair | SeatCompanion)) != 0)
               && std::find(taken.begin(), taken.end(), s) == taken.end();
    };
    using Key = std::tuple<int, std::uint64_t, std::uint32_t, std::uint32_t, SeatIndex>;
    std::optional<Key> best;
    for (std::uint32_t r = 0; r < v.rows.size(); ++r) {
        const VenueRow& row = v.rows[r];
        std::uint32_t rowRank = 0xffffffffu;
        for (SeatIndex s = row.firstSeat; s < row.firstSeat + row.seatCount; ++s)
            if (v.seats[s].category == b.category)
                rowRank = std::min(rowRank, v.seats[s].rank);
        for (SeatIndex start = row.firstSeat; start + size <= row.firstSeat + row.seatCount; ++start) {
            bool ok = true;
            bool wheelchair = false;
            std::uint64_t sum = 0;
            for (SeatIndex s = start; s < start + size; ++s) {
                ok = ok && eligible(s);
                wheelchair = wheelchair || (v.seats[s].flags & SeatWheelchair) != 0;
                sum += v.seats[s].rank;
            }
            if (!ok || (b.accessible && !wheelchair))
                continue;
            int orphans = 0;
            const SeatIndex end = row.firstSeat + row.seatCount;
            if (start >= row.firstSeat + 1 && eligible(start - 1) && (start - 1 == row.firstSeat || !eligible(start - 2)))
                ++orphans;
            if (start + size < end && eligible(start + size) && (start + size + 1 == end || !eligible(start + size + 1)))
                ++orphans;
            const Key key{orphans, sum, rowRank, r, start};
            if (!best || key < *best)
                best = key;
        }
    }
    if (!best)
        return std::nullopt;
    std::vector<SeatIndex> seats;
    for (std::uint32_t i = 0; i < size; ++i)
        seats.push_back(std::get<4>(*best) + i);
    return seats;
}

CommandResult ReferenceModel::holdBest(const Command& c, const CommandResult& actual)
{
    if (c.best.quantity == 0)
        return refused(c, Status::InvalidArgument);
    if (c.best.category >= m_spec.venue->categories.size())
        return refused(c, Status::CategoryNotFound);
    if (c.best.quantity > m_spec.ticketsPerOrderMax)
        return refused(c, Status::LimitExceeded);
    if (!onSale(c))
        return refused(c, Status::NotOnSale);
    std::vector<SeatIndex> chosen;
    if (c.best.together) {
        auto block = bestBlock(c, c.best.quantity, chosen);
        if (!block)
            return refused(c, Status::NoSeatsTogether);
        chosen = *block;
    } else {
        std::uint32_t remaining = c.best.quantity;
        for (std::uint32_t size = remaining; remaining > 0;) {
            size = std::min(size, remaining);
            if (size == 0)
                return refused(c, Status::SeatUnavailable); // no particular seat to name
            auto block = bestBlock(c, size, chosen);
            if (!block) {
                --size;
                continue;
            }
            chosen.insert(chosen.end(), block->begin(), block->end());
            remaining -= size;
        }
    }
    if (holdTableFull())
        return refused(c, Status::LimitExceeded);
    CommandResult r;
    createHold(c, actual, &r);
    Hold& h = m_holds[actual.hold];
    for (SeatIndex s : chosen) {
        m_seats[s].status = SeatStatus::Held;
        m_seats[s].hold = h.id;
        h.seats.push_back(s);
        r.seats.push_back(m_spec.venue->seats[s].id);
    }
    return r;
}

CommandResult ReferenceModel::holdArea(const Command& c, const CommandResult& actual)
{
    const std::uint32_t area = m_spec.venue->areaIndex(c.area);
    if (c.quantity == 0)
        return refused(c, Status::InvalidArgument);
    if (area == kNoArea)
        return refused(c, Status::AreaNotFound);
    if (c.quantity > m_spec.ticketsPerOrderMax)
        return refused(c, Status::LimitExceeded);
    if (!onSale(c))
        return refused(c, Status::NotOnSale);
    ChannelId pool = 0;
    auto own = m_pools[area].find(c.channel);
    if (c.channel != 0 && own != m_pools[area].end() && own->second.free() >= c.quantity)
        pool = c.channel;
    else if (m_pools[area][0].free() < c.quantity)
        return refused(c, Status::CapacityUnavailable);
    if (holdTableFull())
        return refused(c, Status::LimitExceeded);
    CommandResult r;
    createHold(c, actual, &r);
    Hold& h = m_holds[actual.hold];
    h.area = static_cast<int>(area);
    h.quantity = c.quantity;
    h.pool = pool;
    m_pools[area][pool].held += c.quantity;
    r.area = c.area;
    r.quantity = c.quantity;
    return r;
}

void ReferenceModel::releaseHold(HoldId id, CommandResult* r)
{
    Hold h = m_holds.at(id);
    m_holds.erase(id);
    r->hold = id;
    if (h.area >= 0) {
        m_pools[std::size_t(h.area)][h.pool].held -= h.quantity;
        r->area = m_spec.venue->areas[std::size_t(h.area)].id;
        r->quantity = h.quantity;
        return;
    }
    for (SeatIndex s : h.seats) {
        m_seats[s].status = SeatStatus::Available;
        m_seats[s].hold = 0;
        r->seats.push_back(m_spec.venue->seats[s].id);
    }
}

CommandResult ReferenceModel::release(const Command& c)
{
    Hold* h = nullptr;
    if (const Status s = findHold(c, &h); s != Status::Ok)
        return refused(c, s);
    if (h->paymentPending)
        return refused(c, Status::PaymentPending);
    CommandResult r;
    releaseHold(h->id, &r);
    return r;
}

CommandResult ReferenceModel::extend(const Command& c)
{
    if (c.seconds == 0 || c.seconds > 24 * 3600)
        return refused(c, Status::InvalidArgument);
    Hold* h = nullptr;
    if (const Status s = findHold(c, &h); s != Status::Ok)
        return refused(c, s);
    const Timestamp wanted = c.now + std::int64_t(c.seconds) * kMs;
    if (wanted > h->createdAt + std::int64_t(m_spec.holdLifetimeSecondsMax) * kMs)
        return refused(c, Status::LimitExceeded);
    if (c.now >= h->expiresAt)
        return refused(c, Status::HoldExpired);
    if (h->paymentPending)
        return refused(c, Status::PaymentPending);
    h->expiresAt = std::max(h->expiresAt, wanted);
    CommandResult r;
    r.hold = h->id;
    r.expiresAt = h->expiresAt;
    return r;
}

CommandResult ReferenceModel::initiatePayment(const Command& c)
{
    if (c.amount < 0 || c.text.empty())
        return refused(c, Status::InvalidArgument);
    Hold* h = nullptr;
    if (const Status s = findHold(c, &h); s != Status::Ok)
        return refused(c, s);
    if (c.now >= h->expiresAt)
        return refused(c, Status::HoldExpired);
    if (h->paymentPending)
        return refused(c, Status::PaymentPending);
    h->paymentPending = true;
    h->expiresAt = std::max(h->expiresAt, c.now + std::int64_t(m_spec.paymentSecondsMax) * kMs);
    CommandResult r;
    r.hold = h->id;
    r.expiresAt = h->expiresAt;
    r.amount = c.amount;
    return r;
}

CommandResult ReferenceModel::failPayment(const Command& c)
{
    Hold* h = nullptr;
    if (const Status s = findHold(c, &h); s != Status::Ok)
        return refused(c, s);
    if (!h->paymentPending)
        return refused(c, Status::PaymentNotPending);
    CommandResult r;
    releaseHold(h->id, &r);
    return r;
}

// AES-128 of event id | ticket id (32 bits) | generation under the key's last 16 bytes
// (docs/design/ticket-codes.md), from the portable implementation: the ledger takes the AES-NI path
// on x86, so the two agree only if both compute AES.
TicketCode ReferenceModel::code(TicketId ticket, std::uint32_t generation) const
{
    USHER_ASSERT(ticket <= 0xffffffffu);
    const auto id = static_cast<std::uint32_t>(ticket);
    AesBlock input{};
    std::memcpy(input.data(), &m_spec.id, 8);
    std::memcpy(input.data() + 8, &id, 4);
    std::memcpy(input.data() + 12, &generation, 4);
    return aes128EncryptPortable(m_spec.ticketKey.data() + 16, input);
}

CommandResult ReferenceModel::confirm(const Command& c)
{
    Hold* h = nullptr;
    if (const Status s = findHold(c, &h); s != Status::Ok)
        return refused(c, s);
    if (c.now >= h->expiresAt)
        return refused(c, Status::HoldExpired);
    const std::size_t units = h->area >= 0 ? h->quantity : h->seats.size();
    if (!c.priceTypes.empty() && c.priceTypes.size() != units)
        return refused(c, Status::InvalidArgument);
    std::vector<Amount> prices;
    for (std::size_t i = 0; i < units; ++i) {
        const std::uint32_t type = c.priceTypes.empty() ? 0 : c.priceTypes[i];
        const std::uint16_t category =
            h->area >= 0 ? m_spec.venue->areas[std::size_t(h->area)].category : m_spec.venue->seats[h->seats[i]].category;
        const Amount price = type < m_spec.priceTypes.size()
            ? m_spec.priceTable[std::size_t(category) * m_spec.priceTypes.size() + type]
            : kNotOffered;
        if (price == kNotOffered)
            return refused(c, Status::PriceTypeNotFound);
        prices.push_back(price);
    }
    Amount total = 0;
    for (Amount p : prices)
        total += p;
    if (c.amount >= 0 && c.amount != total)
        return refused(c, Status::AmountMismatch);

    Order o;
    o.id = m_orders.size() + 1;
    o.hold = h->id;
    o.channel = h->channel;
    o.amount = total;
    CommandResult r;
    r.order = o.id;
    r.hold = h->id;
    r.amount = total;
    for (std::size_t i = 0; i < units; ++i) {
        Ticket t;
        t.id = m_tickets.size() + 1;
        t.order = o.id;
        t.priceType = static_cast<std::uint8_t>(c.priceTypes.empty() ? 0 : c.priceTypes[i]);
        t.amount = prices[i];
        t.code = code(t.id, 0);
        IssuedTicket issued{t.id, 0, 0, t.priceType, t.amount, t.code};
        if (h->area >= 0) {
            t.area = h->area;
            t.pool = h->pool;
            m_pools[std::size_t(h->area)][h->pool].held -= 1;
            m_pools[std::size_t(h->area)][h->pool].sold += 1;
            issued.area = m_spec.venue->areas[std::size_t(h->area)].id;
        } else {
            t.seat = static_cast<int>(h->seats[i]);
            m_seats[h->seats[i]].status = SeatStatus::Sold;
            m_seats[h->seats[i]].hold = 0;
            m_seats[h->seats[i]].ticket = t.id;
            issued.seat = m_spec.venue->seats[h->seats[i]].id;
        }
        o.tickets.push_back(t.id);
        m_tickets.push_back(t);
        r.tickets.push_back(issued);
    }
    m_orders.push_back(o);
    m_holds.erase(h->id);
    return r;
}

CommandResult ReferenceModel::refund(const Command& c)
{
    if (!isStaff(c.actor))
        return refused(c, Status::Forbidden);
    if (c.text.empty() || c.amount < -1)
        return refused(c, Status::InvalidArgument);
    if (c.order == 0 || c.order > m_orders.size())
        return refused(c, Status::OrderNotFound);
    Order& o = m_orders[c.order - 1];
    std::vector<TicketId> chosen;
    if (c.tickets.empty()) {
        for (TicketId t : o.tickets)
            if (m_tickets[t - 1].valid)
                chosen.push_back(t);
        if (chosen.empty())
            return refused(c, Status::TicketNotValid);
    } else {
        for (TicketId t : c.tickets) {
            if (std::find(chosen.begin(), chosen.end(), t) != chosen.end())
                return refused(c, Status::InvalidArgument);
            if (std::find(o.tickets.begin(), o.tickets.end(), t) == o.tickets.end())
                return refused(c, Status::TicketNotFound);
            if (!m_tickets[t - 1].valid)
                return refused(c, Status::TicketNotValid);
            chosen.push_back(t);
        }
    }
    Amount paid = 0;
    for (TicketId t : chosen)
        paid += m_tickets[t - 1].amount;
    if (c.amount > paid)
        return refused(c, Status::AmountExceedsPaid);
    Amount left = c.amount < 0 ? paid : c.amount;
    CommandResult r;
    r.order = o.id;
    for (TicketId id : chosen) {
        Ticket& t = m_tickets[id - 1];
        const Amount share = std::min(left, t.amount);
        left -= share;
        t.valid = false;
        t.refunded = share;
        o.refunded += share;
        r.amount += share;
        IssuedTicket issued{id, 0, 0, 0, share, {}};
        if (t.seat >= 0) {
            Seat& s = m_seats[std::size_t(t.seat)];
            s.status = SeatStatus::Available;
            s.ticket = 0;
            issued.seat = m_spec.venue->seats[std::size_t(t.seat)].id;
        } else {
            m_pools[std::size_t(t.area)][t.pool].sold -= 1;
            issued.area = m_spec.venue->areas[std::size_t(t.area)].id;
        }
        r.tickets.push_back(issued);
    }
    return r;
}

CommandResult ReferenceModel::exchange(const Command& c)
{
    if (!isStaff(c.actor))
        return refused(c, Status::Forbidden);
    if (c.tickets.size() != 1 || c.seats.size() != 1 || c.amount < -1)
        return refused(c, Status::InvalidArgument);
    if (c.order == 0 || c.order > m_orders.size())
        return refused(c, Status::OrderNotFound);
    Order& o = m_orders[c.order - 1];
    const TicketId id = c.tickets[0];
    if (std::find(o.tickets.begin(), o.tickets.end(), id) == o.tickets.end())
        return refused(c, Status::TicketNotFound);
    Ticket& t = m_tickets[id - 1];
    if (t.seat < 0)
        return refused(c, Status::InvalidArgument);
    const SeatIndex to = m_spec.venue->seatIndex(c.seats[0]);
    if (to == kNoSeat)
        return refused(c, Status::SeatNotFound);
    if (!t.valid)
        return refused(c, Status::TicketNotValid);
    if (!sellable(to, c.channel)) {
        CommandResult r = refused(c, Status::SeatUnavailable);
        r.seats.push_back(c.seats[0]);
        return r;
    }
    // Re-priced: the ticket's price type at the new seat's category (docs/engine-commands.md).
    const std::uint16_t category = m_spec.venue->seats[to].category;
    const Amount price = t.priceType < m_spec.priceTypes.size()
        ? m_spec.priceTable[std::size_t(category) * m_spec.priceTypes.size() + t.priceType]
        : kNotOffered;
    if (price == kNotOffered)
        return refused(c, Status::PriceTypeNotFound);
    if (c.amount >= 0 && c.amount != price)
        return refused(c, Status::AmountMismatch);
    const Amount difference = price - t.amount;
    t.amount = price;
    o.amount += difference;
    m_seats[std::size_t(t.seat)].status = SeatStatus::Available;
    m_seats[std::size_t(t.seat)].ticket = 0;
    m_seats[to].status = SeatStatus::Sold;
    m_seats[to].ticket = id;
    t.seat = static_cast<int>(to);
    ++t.exchanges;
    t.code = code(id, t.exchanges);
    CommandResult r;
    r.order = o.id;
    r.amount = difference;
    r.tickets.push_back(IssuedTicket{id, c.seats[0], 0, t.priceType, t.amount, t.code});
    return r;
}

CommandResult ReferenceModel::reissue(const Command& c)
{
    if (!isStaff(c.actor))
        return refused(c, Status::Forbidden);
    if (c.text.empty())
        return refused(c, Status::InvalidArgument);
    if (c.order == 0 || c.order > m_orders.size())
        return refused(c, Status::OrderNotFound);
    const Order& o = m_orders[c.order - 1];
    std::vector<TicketId> chosen;
    for (TicketId t : c.tickets) {
        if (std::find(chosen.begin(), chosen.end(), t) != chosen.end())
            return refused(c, Status::InvalidArgument);
        if (std::find(o.tickets.begin(), o.tickets.end(), t) == o.tickets.end())
            return refused(c, Status::TicketNotFound);
        if (!m_tickets[t - 1].valid)
            return refused(c, Status::TicketNotValid);
        chosen.push_back(t);
    }
    if (c.tickets.empty()) {
        for (TicketId t : o.tickets)
            if (m_tickets[t - 1].valid)
                chosen.push_back(t);
        if (chosen.empty())
            return refused(c, Status::TicketNotValid);
    }
    CommandResult r;
    r.order = o.id;
    for (TicketId id : chosen) {
        Ticket& t = m_tickets[id - 1];
        ++t.exchanges; // the code's generation counts exchanges and reissues alike
        t.code = code(id, t.exchanges);
        IssuedTicket issued{id, 0, 0, t.priceType, t.amount, t.code};
        if (t.seat >= 0)
            issued.seat = m_spec.venue->seats[std::size_t(t.seat)].id;
        else
            issued.area = m_spec.venue->areas[std::size_t(t.area)].id;
        r.tickets.push_back(issued);
    }
    return r;
}

CommandResult ReferenceModel::inventory(const Command& c)
{
    const bool allocation = c.kind == CommandKind::AllocateSeats || c.kind == CommandKind::DeallocateSeats;
    if (allocation ? !isManager(c.actor) : !isStaff(c.actor))
        return refused(c, Status::Forbidden);
    if (c.kind == CommandKind::Block && c.text.empty())
        return refused(c, Status::InvalidArgument);
    if (allocation && c.target == 0)
        return refused(c, Status::InvalidArgument);
    if (allocation && m_spec.channel(c.target) == nullptr)
        return refused(c, Status::ChannelNotFound);
    std::vector<SeatIndex> seats;
    if (const Status s = seatList(c.seats, &seats); s != Status::Ok)
        return refused(c, s);
    for (SeatIndex s : seats) {
        const Seat& seat = m_seats[s];
        Status problem = Status::Ok;
        switch (c.kind) {
        case CommandKind::Block:
            problem = seat.status != SeatStatus::Available ? Status::SeatUnavailable : Status::Ok;
            break;
        case CommandKind::Unblock:
            problem = seat.status != SeatStatus::Blocked ? Status::SeatNotBlocked : Status::Ok;
            break;
        case CommandKind::AllocateSeats:
            problem = seat.status != SeatStatus::Available || seat.allocation != 0 ? Status::SeatUnavailable : Status::Ok;
            break;
        default:
            problem = seat.allocation != c.target ? Status::SeatNotAllocated : Status::Ok;
            break;
        }
        if (problem != Status::Ok) {
            CommandResult r = refused(c, problem);
            if (problem == Status::SeatUnavailable)
                r.seats.push_back(m_spec.venue->seats[s].id);
            return r;
        }
    }
    if (c.kind == CommandKind::DeallocateSeats) {
        for (SeatIndex s : seats) {
            if (m_seats[s].status == SeatStatus::Held) {
                CommandResult r = refused(c, Status::SeatUnavailable);
                r.seats.push_back(m_spec.venue->seats[s].id);
                return r;
            }
        }
    }
    CommandResult r;
    for (SeatIndex s : seats) {
        Seat& seat = m_seats[s];
        switch (c.kind) {
        case CommandKind::Block: seat.status = SeatStatus::Blocked, seat.reason = c.text; break;
        case CommandKind::Unblock: seat.status = SeatStatus::Available, seat.reason.clear(); break;
        case CommandKind::AllocateSeats: seat.allocation = c.target; break;
        default: seat.allocation = 0; break;
        }
        r.seats.push_back(m_spec.venue->seats[s].id);
    }
    return r;
}

CommandResult ReferenceModel::areaInventory(const Command& c)
{
    if (!isManager(c.actor))
        return refused(c, Status::Forbidden);
    if (c.target == 0 || c.quantity == 0)
        return refused(c, Status::InvalidArgument);
    if (m_spec.channel(c.target) == nullptr)
        return refused(c, Status::ChannelNotFound);
    const std::uint32_t area = m_spec.venue->areaIndex(c.area);
    if (area == kNoArea)
        return refused(c, Status::AreaNotFound);
    auto& pools = m_pools[area];
    if (c.kind == CommandKind::AllocateArea) {
        if (pools[0].free() < c.quantity)
            return refused(c, Status::CapacityUnavailable);
        pools[0].capacity -= c.quantity;
        pools[c.target].capacity += c.quantity;
    } else {
        auto it = pools.find(c.target);
        if (it == pools.end() || it->second.capacity == 0)
            return refused(c, Status::SeatNotAllocated);
        if (it->second.free() < c.quantity)
            return refused(c, Status::CapacityUnavailable);
        it->second.capacity -= c.quantity;
        pools[0].capacity += c.quantity;
    }
    CommandResult r;
    r.area = c.area;
    r.quantity = c.quantity;
    return r;
}

CommandResult ReferenceModel::expire(const Command& c)
{
    std::vector<std::pair<Timestamp, HoldId>> due;
    for (const auto& [id, h] : m_holds)
        if (h.expiresAt <= c.now)
            due.emplace_back(h.expiresAt, id);
    std::sort(due.begin(), due.end());
    CommandResult r;
    for (const auto& [at, id] : due)
        releaseHold(id, &r);
    r.count = static_cast<std::uint32_t>(due.size());
    return r;
}

} // namespace usher::test
