#include "support/TestEvents.h"

#include "core/Assert.h"

#include <cstring>
#include <limits>
#include <string>

namespace usher::test {
namespace {

std::string rowName(std::uint32_t row)
{
    if (row < 26)
        return std::string(1, char('A' + row));
    std::string name = "R"; // appended, not "R" + ...: GCC 12 -O3 -Wrestrict false positive
    name += std::to_string(row + 1);
    return name;
}

void addSection(Venue* venue, std::uint32_t section, std::uint32_t rows, std::uint32_t seatsPerRow,
                std::uint16_t category)
{
    VenueSection s;
    s.name = "Section " + std::to_string(section + 1);
    s.firstRow = static_cast<std::uint32_t>(venue->rows.size());
    s.rowCount = rows;
    const float left = float(section) * (float(seatsPerRow) + 4.0f);
    for (std::uint32_t r = 0; r < rows; ++r) {
        VenueRow row;
        row.name = rowName(r);
        row.section = section;
        row.firstSeat = static_cast<std::uint32_t>(venue->seats.size());
        row.seatCount = seatsPerRow;
        for (std::uint32_t n = 0; n < seatsPerRow; ++n) {
            VenueSeat seat;
            seat.id = static_cast<SeatId>(venue->seats.size() + 1);
            seat.section = section;
            seat.row = static_cast<std::uint32_t>(venue->rows.size());
            seat.number = std::to_string(n + 1);
            seat.x = left + float(n);
            seat.y = float(r);
            seat.category = category;
            seat.rank = static_cast<std::uint32_t>(venue->seats.size());
            venue->seats.push_back(seat);
        }
        venue->rows.push_back(row);
    }
    venue->sections.push_back(s);
}

} // namespace

std::shared_ptr<Venue> makeTestVenue(std::uint32_t sections, std::uint32_t rows, std::uint32_t seatsPerRow,
                                     std::uint32_t gaCapacity)
{
    USHER_ASSERT(sections * rows * seatsPerRow > 0 || gaCapacity > 0);
    auto venue = std::make_shared<Venue>();
    venue->name = "Test hall";
    venue->categories = { { "A", "Category A", "#1f77b4" }, { "B", "Category B", "#ff7f0e" } };
    for (std::uint32_t s = 0; s < sections && rows * seatsPerRow > 0; ++s)
        addSection(venue.get(), s, rows, seatsPerRow, s == 0 ? 0 : 1);
    if (gaCapacity > 0) {
        venue->categories.push_back({ "GA", "Standing", "#2ca02c" });
        VenueArea area;
        area.id = 1;
        area.name = "Standing";
        area.capacity = gaCapacity;
        area.category = 2;
        const float top = float(rows) + 2.0f;
        area.outline = { { 0, top }, { 20, top }, { 20, top + 10 }, { 0, top + 10 } };
        venue->areas.push_back(area);
    }
    venue->stage.label = "Stage";
    const std::string problem = venue->finalize();
    USHER_ASSERT(problem.empty());
    return venue;
}

EventSpec makeTestEvent(EventId id, std::uint32_t sections, std::uint32_t rows, std::uint32_t seatsPerRow,
                        std::uint32_t gaCapacity)
{
    USHER_ASSERT(id != 0);
    EventSpec spec;
    spec.id = id;
    spec.name = "Test event " + std::to_string(id);
    spec.startsAt = 1'900'000'000'000;
    spec.venue = makeTestVenue(sections, rows, seatsPerRow, gaCapacity);
    spec.priceTypes = { { "adult", "Adult" }, { "concession", "Concession" } };
    spec.prices = { { "A", { 5000, 3500 } }, { "B", { 3000, 2000 } } };
    if (gaCapacity > 0)
        spec.prices.push_back({ "GA", { 2500, 1500 } });
    constexpr Timestamp offsale = std::numeric_limits<Timestamp>::max() / 2;
    spec.channels
        = { { 1, "Online", ChannelKind::Online, 0, offsale }, { 2, "Box office", ChannelKind::BoxOffice, 0, offsale } };
    for (std::size_t i = 0; i < spec.ticketKey.size(); ++i)
        spec.ticketKey[i] = static_cast<std::uint8_t>(id * 31 + i);
    const std::string problem = spec.finalize();
    USHER_ASSERT(problem.empty());
    return spec;
}

TestRecord makeTestRecord(Seq seq, CommandKind kind, Timestamp now, std::vector<JournalEvent> events, Status status)
{
    USHER_ASSERT(seq != 0);
    USHER_ASSERT(status == Status::Ok || events.empty());
    TestRecord record;
    record.header.seq = seq;
    record.header.kind = kind;
    record.header.status = status;
    record.header.channel = 1;
    record.header.actor = Actor { ActorKind::Clerk, 7 };
    record.header.now = now;
    record.header.key = IdempotencyKey { 0x5eed, seq };
    record.header.fingerprint = seq * 0x9e3779b97f4a7c15ull;
    record.events = std::move(events);
    return record;
}

JournalBatch makeTestBatch(EventId event, const std::vector<TestRecord>& records, std::vector<SeatDelta> seatDeltas,
                           std::vector<AreaDelta> areaDeltas)
{
    USHER_ASSERT(!records.empty());
    auto bytes = std::make_shared<BatchBytes>(kBatchHeaderBytes, 0);
    const Seq firstSeq = records.front().header.seq;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const TestRecord& record = records[i];
        USHER_ASSERT(record.header.seq == firstSeq + i);
        const std::size_t offset = beginRecord(bytes.get(), record.header);
        for (const JournalEvent& e : record.events)
            encodeEvent(bytes.get(), e);
        endRecord(bytes.get(), offset, record.header.status, record.header.detail,
                  static_cast<std::uint16_t>(record.events.size()));
    }
    BatchHeader header;
    header.event = event;
    header.firstSeq = firstSeq;
    header.recordCount = static_cast<std::uint32_t>(records.size());
    header.bytes = static_cast<std::uint32_t>(bytes->size());
    encodeBatchHeader(bytes.get(), header);
    header.crc = batchChecksum(*bytes);
    encodeBatchHeader(bytes.get(), header);
    BatchHeader check;
    USHER_ASSERT(verifyBatch(*bytes, event, &check));

    JournalBatch batch;
    batch.bytes = bytes;
    batch.firstSeq = firstSeq;
    batch.lastSeq = firstSeq + records.size() - 1;
    batch.records = header.recordCount;
    batch.seatDeltas = std::move(seatDeltas);
    batch.areaDeltas = std::move(areaDeltas);
    return batch;
}

TicketCode makeTestTicketCode(EventId event, TicketId ticket, std::uint32_t generation)
{
    TicketCode code {};
    const auto ticket32 = static_cast<std::uint32_t>(ticket);
    std::memcpy(code.data(), &event, 8);
    std::memcpy(code.data() + 8, &ticket32, 4);
    std::memcpy(code.data() + 12, &generation, 4);
    return code;
}

JournalEvent orderCreatedEvent(OrderId order, HoldId hold, Amount amount, std::string_view paymentRef,
                               std::string_view buyerName, std::string_view buyerEmail, std::string_view buyerPhone)
{
    JournalEvent e;
    e.type = EventType::OrderCreated;
    e.order = order;
    e.hold = hold;
    e.amount = amount;
    e.text = paymentRef;
    e.buyerName = buyerName;
    e.buyerEmail = buyerEmail;
    e.buyerPhone = buyerPhone;
    return e;
}

JournalEvent seatConfirmedEvent(EventId event, SeatId seat, OrderId order, TicketId ticket, std::uint8_t priceType,
                                Amount amount)
{
    JournalEvent e;
    e.type = EventType::SeatConfirmed;
    e.seat = seat;
    e.order = order;
    e.ticket = ticket;
    e.priceType = priceType;
    e.amount = amount;
    e.code = makeTestTicketCode(event, ticket);
    return e;
}

JournalEvent areaConfirmedEvent(EventId event, AreaId area, OrderId order, TicketId ticket, std::uint8_t priceType,
                                Amount amount)
{
    JournalEvent e = seatConfirmedEvent(event, 0, order, ticket, priceType, amount);
    e.type = EventType::AreaConfirmed;
    e.area = area;
    e.channel = kOpenPool;
    return e;
}

JournalEvent seatRefundedEvent(SeatId seat, OrderId order, TicketId ticket, Amount amount)
{
    JournalEvent e;
    e.type = EventType::SeatRefunded;
    e.seat = seat;
    e.order = order;
    e.ticket = ticket;
    e.amount = amount;
    e.text = "changed plans";
    return e;
}

JournalEvent areaRefundedEvent(AreaId area, OrderId order, TicketId ticket, Amount amount)
{
    JournalEvent e = seatRefundedEvent(0, order, ticket, amount);
    e.type = EventType::AreaRefunded;
    e.area = area;
    e.channel = kOpenPool;
    return e;
}

JournalEvent ticketExchangedEvent(EventId event, OrderId order, TicketId ticket, SeatId fromSeat, SeatId toSeat,
                                  std::uint32_t generation)
{
    JournalEvent e;
    e.type = EventType::TicketExchanged;
    e.order = order;
    e.ticket = ticket;
    e.seat = fromSeat;
    e.toSeat = toSeat;
    e.code = makeTestTicketCode(event, ticket, generation);
    return e;
}

JournalEvent seatHeldEvent(SeatId seat, HoldId hold, Timestamp expiresAt)
{
    JournalEvent e;
    e.type = EventType::SeatHeld;
    e.seat = seat;
    e.hold = hold;
    e.expiresAt = expiresAt;
    return e;
}

} // namespace usher::test
