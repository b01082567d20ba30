#pragma once

// Small, deterministic events and hand-written journal batches for tests, without the venue
// generator or a ledger.

#include "core/Types.h"
#include "event/EventSpec.h"
#include "journal/JournalFormat.h"
#include "ledger/Ledger.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace usher::test {

// A venue of `sections` x `rows` x `seatsPerRow` seats (ids 1.. in order; section 0 is category
// "A", the others "B"; rank = seat index) and, when gaCapacity > 0, one standing area (id 1,
// category "GA"). Finalized.
std::shared_ptr<Venue> makeTestVenue(std::uint32_t sections = 2, std::uint32_t rows = 5, std::uint32_t seatsPerRow = 10,
                                     std::uint32_t gaCapacity = 50);

// A finalized event on makeTestVenue(): price types adult (0) and concession (1), a price for
// every category (A 50.00/35.00, B 30.00/20.00, GA 25.00/15.00 EUR), channel 1 "Online" and
// channel 2 "Box office", both on sale from 0 to INT64_MAX / 2, and a fixed ticket key.
EventSpec makeTestEvent(EventId id, std::uint32_t sections = 2, std::uint32_t rows = 5, std::uint32_t seatsPerRow = 10,
                        std::uint32_t gaCapacity = 50);

// One command record: its header (length and event count are filled in by makeTestBatch) and events.
struct TestRecord {
    RecordHeader header;
    std::vector<JournalEvent> events;
};

// A record with seq `seq`, status Ok (events only when Ok), channel 1, a clerk (id 7) as actor, a
// key derived from the seq.
TestRecord makeTestRecord(Seq seq, CommandKind kind, Timestamp now, std::vector<JournalEvent> events = {},
                          Status status = Status::Ok);

// A verified batch of `records` (their seqs must be consecutive), encoded as the ledger encodes
// one: header, records, CRC-32C over everything after the header.
JournalBatch makeTestBatch(EventId event, const std::vector<TestRecord>& records,
                           std::vector<SeatDelta> seatDeltas = {}, std::vector<AreaDelta> areaDeltas = {});

// A deterministic ticket code (not a MAC: tests need distinct codes, not secret ones).
TicketCode makeTestTicketCode(EventId event, TicketId ticket, std::uint32_t generation = 0);

// Journal events with the fields storage cares about.
JournalEvent orderCreatedEvent(OrderId order, HoldId hold, Amount amount, std::string_view paymentRef,
                               std::string_view buyerName, std::string_view buyerEmail, std::string_view buyerPhone);
JournalEvent seatConfirmedEvent(EventId event, SeatId seat, OrderId order, TicketId ticket, std::uint8_t priceType,
                                Amount amount);
JournalEvent areaConfirmedEvent(EventId event, AreaId area, OrderId order, TicketId ticket, std::uint8_t priceType,
                                Amount amount);
JournalEvent seatRefundedEvent(SeatId seat, OrderId order, TicketId ticket, Amount amount);
JournalEvent areaRefundedEvent(AreaId area, OrderId order, TicketId ticket, Amount amount);
JournalEvent ticketExchangedEvent(EventId event, OrderId order, TicketId ticket, SeatId fromSeat, SeatId toSeat,
                                  std::uint32_t generation);
JournalEvent seatHeldEvent(SeatId seat, HoldId hold, Timestamp expiresAt);

} // namespace usher::test
