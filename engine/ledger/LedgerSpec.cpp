// Changing a running event's spec (Engine::updateEventSpec): what may change, what must stay, and
// the journal record that says when and by whom it changed.

#include "core/Assert.h"
#include "core/Limits.h"
#include "ledger/Ledger.h"
#include "ledger/LedgerEmitter.h"

#include <algorithm>
#include <bitset>

namespace usher {

namespace {

bool samePriceTypes(const std::vector<PriceType>& a, const std::vector<PriceType>& b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const PriceType& x, const PriceType& y) { return x.key == y.key && x.name == y.name; });
}

bool samePrices(const std::vector<CategoryPrices>& a, const std::vector<CategoryPrices>& b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const CategoryPrices& x, const CategoryPrices& y) {
        return x.category == y.category && x.amounts == y.amounts;
    });
}

bool sameChannels(const std::vector<SalesChannel>& a, const std::vector<SalesChannel>& b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const SalesChannel& x, const SalesChannel& y) {
        return x.id == y.id && x.name == y.name && x.kind == y.kind && x.onsaleAt == y.onsaleAt
            && x.offsaleAt == y.offsaleAt;
    });
}

// Equal in everything updateSpec may change (the venue, id and key are checked apart).
bool sameTerms(const EventSpec& a, const EventSpec& b)
{
    return a.name == b.name && a.performer == b.performer && a.genre == b.genre && a.city == b.city
        && a.startsAt == b.startsAt && a.timeZone == b.timeZone && a.currency == b.currency
        && samePriceTypes(a.priceTypes, b.priceTypes) && samePrices(a.prices, b.prices)
        && sameChannels(a.channels, b.channels) && a.holdSeconds == b.holdSeconds
        && a.holdLifetimeSecondsMax == b.holdLifetimeSecondsMax && a.paymentSecondsMax == b.paymentSecondsMax
        && a.ticketsPerOrderMax == b.ticketsPerOrderMax;
}

bool offersAny(const EventSpec& spec, std::uint16_t category)
{
    for (std::uint32_t type = 0; type < spec.priceTypes.size(); ++type)
        if (spec.price(category, type) != kNotOffered)
            return true;
    return false;
}

Status refuse(std::string* error, Status status, std::string why)
{
    *error = std::move(why);
    return status;
}

} // namespace

// Validation only: the first change that would break an existing hold, order or allocation.
Status Ledger::checkSpecUpdate(const EventSpec& next, std::string* error) const
{
    const Venue& venue = *m_spec.venue;
    if (next.id != m_spec.id)
        return refuse(error, Status::InvalidArgument, "the event id cannot change");
    if (next.venue == nullptr || (next.venue != m_spec.venue && !next.venue->sameContent(venue)))
        return refuse(error, Status::InvalidArgument, "the venue of an event cannot change once it exists");
    if (next.ticketKey != m_spec.ticketKey)
        return refuse(error, Status::InvalidArgument,
                      "the ticket key cannot change (every issued code would stop scanning)");
    const LedgerCounts counts = this->counts();
    const bool traded = counts.held + counts.sold + counts.areaHeld + counts.areaSold + counts.orders > 0;
    if (next.currency != m_spec.currency && traded)
        return refuse(error, Status::InvalidArgument, "the currency cannot change once seats were held or sold");

    // Price types are numbered: a ticket's number must keep meaning the same type.
    std::bitset<limits::priceTypesMax + 1> usedTypes;
    std::vector<std::uint8_t> soldCategories(venue.categories.size(), 0);
    for (const Ticket& t : m_tickets) {
        usedTypes.set(std::min<std::size_t>(t.priceType, limits::priceTypesMax));
        if (t.status == TicketStatus::Valid)
            soldCategories[t.seat != kNoSeat ? venue.seats[t.seat].category : venue.areas[t.area].category] = 1;
    }
    for (std::size_t type = 0; type < usedTypes.size(); ++type) {
        if (usedTypes.test(type)
            && (type >= next.priceTypes.size() || type >= m_spec.priceTypes.size()
                || next.priceTypes[type].key != m_spec.priceTypes[type].key))
            return refuse(error, Status::InvalidArgument,
                          "price type " + std::to_string(type)
                              + " is on sold tickets: it cannot be removed or given "
                                "another key");
    }

    // Channels that something still refers to.
    auto missing = [&](ChannelId channel) { return channel != kOpenPool && next.channel(channel) == nullptr; };
    for (const SeatSlot& s : m_seats)
        if (missing(s.allocation))
            return refuse(error, Status::ChannelNotFound,
                          "channel " + std::to_string(s.allocation) + " has seats allocated");
    for (const auto& pools : m_areas)
        for (const AreaPool& p : pools)
            if (missing(p.channel) && (p.capacity | p.held | p.sold) != 0)
                return refuse(error, Status::ChannelNotFound,
                              "channel " + std::to_string(p.channel) + " has standing places allocated");
    for (const Order& o : m_orders)
        if (missing(o.channel))
            return refuse(error, Status::ChannelNotFound, "channel " + std::to_string(o.channel) + " has orders");

    // Holds must stay confirmable: their channel exists and their categories are still priced.
    std::vector<std::uint8_t> heldCategories(venue.categories.size(), 0);
    for (std::uint32_t slot = 0; slot < m_holds.size(); ++slot) {
        const HoldSlot& h = m_holds[slot];
        if (h.id == 0)
            continue;
        if (missing(h.channel) || missing(h.pool))
            return refuse(error, Status::ChannelNotFound,
                          "channel " + std::to_string(missing(h.channel) ? h.channel : h.pool) + " has holds");
        if (h.area != kNoArea)
            heldCategories[venue.areas[h.area].category] = 1;
        for (std::uint32_t i = 0; i < h.seatCount; ++i)
            heldCategories[venue.seats[m_holdSeats[std::size_t(slot) * m_holdSeatsStride + i]].category] = 1;
    }
    for (std::uint16_t c = 0; c < venue.categories.size(); ++c) {
        if ((heldCategories[c] != 0 || soldCategories[c] != 0) && !offersAny(next, c))
            return refuse(error, Status::PriceTypeNotFound,
                          "category " + venue.categories[c].key + " has " + (heldCategories[c] != 0 ? "held" : "sold")
                              + " seats or places: it must keep at least one price");
    }
    return Status::Ok;
}

void Ledger::restrideHolds(std::uint32_t stride)
{
    USHER_ASSERT(stride > m_holdSeatsStride && stride <= limits::orderTicketsMax);
    BigVector<SeatIndex> wider;
    wider.assign(m_holds.size() * std::size_t(stride), kNoSeat);
    for (std::size_t slot = 0; slot < m_holds.size(); ++slot)
        std::copy_n(m_holdSeats.begin() + std::ptrdiff_t(slot * m_holdSeatsStride), m_holds[slot].seatCount,
                    wider.begin() + std::ptrdiff_t(slot * stride));
    m_holdSeats.swap(wider);
    m_holdSeatsStride = stride;
}

CommandResult Ledger::updateSpec(EventSpec next, const Actor& actor, Timestamp now, std::string* error)
{
    USHER_ASSERT(error != nullptr);
    CommandResult result;
    result.kind = CommandKind::UpdateEvent;
    if (actor.kind == ActorKind::None) {
        *error = "a change needs an actor";
        result.status = Status::InvalidArgument;
        return result;
    }
    if (const Status status = checkSpecUpdate(next, error); status != Status::Ok) {
        result.status = status;
        return result;
    }
    next.venue = m_spec.venue; // one snapshot shared by every revision
    next.ticketsPerOrderPeak
        = std::max({ m_spec.ticketsPerOrderPeak, next.ticketsPerOrderPeak, next.ticketsPerOrderMax });
    if (sameTerms(next, m_spec)) {
        result.count = m_spec.revision;
        return result; // nothing to journal
    }
    next.revision = m_spec.revision + 1;
    if (next.ticketsPerOrderPeak > m_holdSeatsStride)
        restrideHolds(next.ticketsPerOrderPeak);
    m_spec = std::move(next);

    RecordHeader header;
    header.seq = m_lastSeq + 1;
    header.kind = CommandKind::UpdateEvent;
    header.actor = actor;
    header.now = now;
    Emitter out(*this, header, beginJournalRecord(header), &result);
    JournalEvent e;
    e.type = EventType::EventUpdated;
    e.quantity = m_spec.revision;
    e.text = std::string_view(m_spec.name).substr(0, limits::textBytesMax);
    out.emit(e);
    endJournalRecord(out.recordOffset, Status::Ok, 0, out.events);
    m_lastSeq = header.seq;
    ++m_openRecords;
    header.status = Status::Ok;
    foldRecordHeader(&result, header);
    return result;
}

} // namespace usher
