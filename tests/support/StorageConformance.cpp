#include "support/StorageConformance.h"

#include "journal/DeltaFormat.h"
#include "ledger/CommandResult.h"
#include "support/TestEvents.h"

#include <QTest>

namespace usher::test {

std::unique_ptr<Storage> StoreUnderTest::openFreshWithEvents()
{
    auto storage = openFresh();
    std::string error;
    for (const EventSpec& spec : { makeTestEvent(kEvent), makeTestEvent(kOtherEvent, 1, 3, 4, 0) }) {
        if (storage != nullptr && storage->createEvent(spec, &error) != Status::Ok) {
            qWarning("createEvent failed: %s", error.c_str());
            return nullptr;
        }
    }
    return storage;
}

// A batch of `count` hold records starting at `firstSeq`, with a seat delta per record.
JournalBatch holdBatch(EventId event, Seq firstSeq, std::size_t count)
{
    std::vector<TestRecord> records;
    std::vector<SeatDelta> deltas;
    for (std::size_t i = 0; i < count; ++i) {
        const Seq seq = firstSeq + i;
        const auto seat = static_cast<SeatId>(seq % 100 + 1);
        records.push_back(makeTestRecord(seq, CommandKind::HoldSeats, Timestamp(1000 + seq),
                                         { seatHeldEvent(seat, HoldId(seq), Timestamp(600'000 + seq)) }));
        deltas.push_back(SeatDelta { seat - 1, SeatStatus::Held, kOpenPool, 1, { ActorKind::Buyer, seq } });
    }
    return makeTestBatch(event, records, deltas, { AreaDelta { 0, 50, 0, 0 } });
}

// A batch of one Confirm record: order `order` with one seat ticket and one GA ticket.
JournalBatch confirmBatch(EventId event, Seq seq, OrderId order, SeatId seat)
{
    const TicketId firstTicket = order * 2 - 1;
    std::vector<JournalEvent> events = {
        orderCreatedEvent(order, HoldId(order), 7500, "pay", "Ada", "ada@example.org", "+44 1"),
        seatConfirmedEvent(event, seat, order, firstTicket, 0, 5000),
        areaConfirmedEvent(event, 1, order, firstTicket + 1, 0, 2500),
    };
    return makeTestBatch(event, { makeTestRecord(seq, CommandKind::Confirm, Timestamp(5000 + seq), events) },
                         { SeatDelta { seat - 1, SeatStatus::Sold, kOpenPool, 1, {} } });
}

CommitItem item(EventId event, const JournalBatch* batch)
{
    return CommitItem { event, batch, nullptr, 0, nullptr };
}

Status commitOne(Storage& storage, EventId event, const JournalBatch& batch, std::string* error)
{
    const CommitItem items[] = { item(event, &batch) };
    return storage.commit(items, error);
}

// Every batch of the event from `fromSeq`, as bytes; fails the test (returns false) on an error.
bool readAll(Storage& storage, EventId event, Seq fromSeq, std::vector<BatchBytes>* out, std::string* error)
{
    out->clear();
    const Status status = storage.readJournal(
        event, fromSeq,
        [&](const BatchPtr& batch) {
            out->push_back(*batch);
            return true;
        },
        error);
    return status == Status::Ok;
}

Seq lastSeqOf(const std::vector<JournalBatch>& batches)
{
    return batches.empty() ? 0 : batches.back().lastSeq;
}

// Reads the whole journal of kEvent back and compares it with what was committed; empty when equal.
std::string journalMismatch(Storage& storage, const std::vector<JournalBatch>& committed)
{
    std::vector<BatchBytes> read;
    std::string error;
    if (!readAll(storage, kEvent, 0, &read, &error))
        return error;
    if (read.size() != committed.size())
        return "read " + std::to_string(read.size()) + " batches, committed " + std::to_string(committed.size());
    for (std::size_t i = 0; i < read.size(); ++i) {
        if (read[i] != *committed[i].bytes)
            return "batch " + std::to_string(i) + " differs";
    }
    return {};
}


// --- the checks -------------------------------------------------------------------------------

namespace conformance {

void eventsRoundTrip(StoreUnderTest& store)
{
    auto storage = store.openFresh();
    QVERIFY(storage != nullptr);
    std::string error;
    std::vector<EventSpec> events;
    QCOMPARE(storage->listEvents(&events, &error), Status::Ok);
    QVERIFY(events.empty());

    const EventSpec first = makeTestEvent(kEvent);
    const EventSpec second = makeTestEvent(kOtherEvent, 1, 3, 4, 0);
    QCOMPARE(storage->createEvent(second, &error), Status::Ok);
    QCOMPARE(storage->createEvent(first, &error), Status::Ok);
    QCOMPARE(storage->createEvent(makeTestEvent(kEvent, 1, 1, 1, 0), &error), Status::EventExists);
    QVERIFY2(error.find("event 1") != std::string::npos, error.c_str());
    EventSpec noVenue = first;
    noVenue.id = 9;
    noVenue.venue = nullptr;
    QCOMPARE(storage->createEvent(noVenue, &error), Status::InvalidArgument);

    QCOMPARE(storage->listEvents(&events, &error), Status::Ok);
    QCOMPARE(events.size(), std::size_t(2));
    QCOMPARE(events[0].id, kEvent); // in id order
    QCOMPARE(events[1].id, kOtherEvent);
    const EventSpec& back = events[0];
    QCOMPARE(back.name, first.name);
    QVERIFY(back.venue != nullptr);
    QVERIFY(back.venue->sameContent(*first.venue));
    QCOMPARE(back.priceTypes.size(), first.priceTypes.size());
    QCOMPARE(back.channels.size(), first.channels.size());
    QCOMPARE(back.channels[1].offsaleAt, first.channels[1].offsaleAt);
    QCOMPARE(back.priceTable, first.priceTable);
    QVERIFY(back.ticketKey == first.ticketKey);
    QCOMPARE(events[1].venue->seatCount(), 12u);
}

void journalRoundTrip(StoreUnderTest& store)
{
    auto storage = store.openFreshWithEvents();
    QVERIFY(storage != nullptr);
    std::vector<JournalBatch> batches;
    batches.push_back(holdBatch(kEvent, 1, 3));
    batches.push_back(holdBatch(kEvent, 4, 1));
    batches.push_back(holdBatch(kEvent, 5, 10));
    const JournalBatch other = holdBatch(kOtherEvent, 1, 2);
    std::string error;
    QCOMPARE(commitOne(*storage, kEvent, batches[0], &error), Status::Ok);
    // Two batches of one event and one of another in one transaction.
    const CommitItem items[] = { item(kEvent, &batches[1]), item(kOtherEvent, &other), item(kEvent, &batches[2]) };
    QCOMPARE(storage->commit(items, &error), Status::Ok);
    const JournalBatch empty;
    QCOMPARE(commitOne(*storage, kEvent, empty, &error), Status::Ok); // an empty batch writes nothing

    for (int reopen = 0; reopen < 2; ++reopen) {
        std::vector<BatchBytes> read;
        QVERIFY2(readAll(*storage, kEvent, 0, &read, &error), error.c_str());
        QCOMPARE(read.size(), batches.size());
        for (std::size_t i = 0; i < batches.size(); ++i)
            QVERIFY(read[i] == *batches[i].bytes);
        QVERIFY2(readAll(*storage, kOtherEvent, 1, &read, &error), error.c_str());
        QCOMPARE(read.size(), std::size_t(1));
        QVERIFY(read[0] == *other.bytes);
        storage.reset();
        storage = store.reopen();
        QVERIFY(storage != nullptr);
    }
    QCOMPARE(store.queryInt("SELECT count(*) FROM journal"), 4);
    QCOMPARE(store.queryInt("SELECT last_seq FROM journal WHERE event_id = 1 AND first_seq = 5"), 14);
    QCOMPARE(store.queryInt("SELECT record_count FROM journal WHERE event_id = 1 AND first_seq = 5"), 10);
}

void journalFromSeqFilters(StoreUnderTest& store)
{
    auto storage = store.openFreshWithEvents();
    QVERIFY(storage != nullptr);
    const std::vector<JournalBatch> batches
        = { holdBatch(kEvent, 1, 3), holdBatch(kEvent, 4, 3), holdBatch(kEvent, 7, 3) };
    std::string error;
    for (const JournalBatch& batch : batches)
        QCOMPARE(commitOne(*storage, kEvent, batch, &error), Status::Ok);
    const struct {
        Seq from;
        std::size_t firstBatch;
    } cases[]
        = { { 0, 0 }, { 1, 0 }, { 3, 0 }, { 4, 1 }, { 5, 1 }, { 6, 1 }, { 7, 2 }, { 9, 2 }, { 10, 3 }, { 1000, 3 } };
    for (const auto& c : cases) {
        std::vector<BatchBytes> read;
        QVERIFY2(readAll(*storage, kEvent, c.from, &read, &error), error.c_str());
        QCOMPARE(read.size(), batches.size() - c.firstBatch);
        for (std::size_t i = 0; i < read.size(); ++i)
            QVERIFY(read[i] == *batches[c.firstBatch + i].bytes);
    }
    std::vector<BatchBytes> read;
    QVERIFY(readAll(*storage, 99, 0, &read, &error));
    QVERIFY(read.empty());
}

void journalVisitorStopsEarly(StoreUnderTest& store)
{
    auto storage = store.openFreshWithEvents();
    QVERIFY(storage != nullptr);
    std::string error;
    for (Seq seq = 1; seq <= 5; ++seq)
        QCOMPARE(commitOne(*storage, kEvent, holdBatch(kEvent, seq, 1), &error), Status::Ok);
    int visited = 0;
    QCOMPARE(storage->readJournal(
                 kEvent, 0, [&](const BatchPtr&) { return ++visited < 2; }, &error),
             Status::Ok);
    QCOMPARE(visited, 2);
    // The statement was reset: the storage goes on working.
    QCOMPARE(commitOne(*storage, kEvent, holdBatch(kEvent, 6, 1), &error), Status::Ok);
}

void commitRefusesInvalidBatches(StoreUnderTest& store)
{
    auto storage = store.openFreshWithEvents();
    QVERIFY(storage != nullptr);
    std::string error;

    JournalBatch flipped = holdBatch(kEvent, 1, 2);
    auto bytes = std::make_shared<BatchBytes>(*flipped.bytes);
    (*bytes)[kBatchHeaderBytes + 10] ^= 1;
    flipped.bytes = bytes;
    QCOMPARE(commitOne(*storage, kEvent, flipped, &error), Status::InvalidArgument);
    QVERIFY2(error.find("verification") != std::string::npos, error.c_str());

    const JournalBatch good = holdBatch(kEvent, 1, 2);
    QCOMPARE(commitOne(*storage, kOtherEvent, good, &error), Status::InvalidArgument); // wrong event id

    JournalBatch wrongCount = good;
    wrongCount.records = 3;
    wrongCount.lastSeq = 3;
    QCOMPARE(commitOne(*storage, kEvent, wrongCount, &error), Status::InvalidArgument);
    JournalBatch wrongLast = good;
    wrongLast.lastSeq = 5;
    QCOMPARE(commitOne(*storage, kEvent, wrongLast, &error), Status::InvalidArgument);
    JournalBatch noBytes = good;
    noBytes.bytes = nullptr;
    QCOMPARE(commitOne(*storage, kEvent, noBytes, &error), Status::InvalidArgument);
    const CommitItem noSeq[] = { CommitItem { kEvent, nullptr, std::make_shared<std::vector<std::uint8_t>>(4, 1), 0, nullptr } };
    QCOMPARE(storage->commit(noSeq, &error), Status::InvalidArgument);

    QCOMPARE(store.queryInt("SELECT count(*) FROM journal"), 0);
    QCOMPARE(store.queryInt("SELECT count(*) FROM outbox"), 0);
    QCOMPARE(store.queryInt("SELECT count(*) FROM snapshots"), 0);
    QCOMPARE(commitOne(*storage, kEvent, good, &error), Status::Ok);
}

void commitRefusesSeqGapsAndDuplicates(StoreUnderTest& store)
{
    auto storage = store.openFreshWithEvents();
    QVERIFY(storage != nullptr);
    std::string error;
    QCOMPARE(commitOne(*storage, kEvent, holdBatch(kEvent, 1, 3), &error), Status::Ok);
    QCOMPARE(commitOne(*storage, kEvent, holdBatch(kEvent, 5, 1), &error), Status::InvalidArgument);
    QVERIFY2(error.find("ends at seq 3") != std::string::npos, error.c_str());
    QCOMPARE(commitOne(*storage, kEvent, holdBatch(kEvent, 1, 3), &error), Status::InvalidArgument);
    QCOMPARE(commitOne(*storage, kEvent, holdBatch(kEvent, 3, 2), &error), Status::InvalidArgument);
    QCOMPARE(commitOne(*storage, kEvent, holdBatch(kEvent, 4, 2), &error), Status::Ok);
    QCOMPARE(store.queryInt("SELECT count(*) FROM journal"), 2);
}

void commitForUnknownEventFails(StoreUnderTest& store)
{
    auto storage = store.openFresh();
    QVERIFY(storage != nullptr);
    std::string error;
    QCOMPARE(commitOne(*storage, 42, holdBatch(42, 1, 1), &error), Status::EventNotFound);
    QVERIFY2(error.find("event 42") != std::string::npos, error.c_str());
    const CommitItem snapshotOnly[]
        = { CommitItem { 42, nullptr, std::make_shared<std::vector<std::uint8_t>>(3, 7), 1, nullptr } };
    QCOMPARE(storage->commit(snapshotOnly, &error), Status::EventNotFound);
}

void ordersAndTicketsAreProjected(StoreUnderTest& store)
{
    auto storage = store.openFreshWithEvents();
    QVERIFY(storage != nullptr);
    std::string error;
    QCOMPARE(commitOne(*storage, kEvent, holdBatch(kEvent, 1, 2), &error), Status::Ok);
    QCOMPARE(commitOne(*storage, kEvent, confirmBatch(kEvent, 3, 1, 11), &error), Status::Ok);

    StoredOrder order;
    QCOMPARE(storage->findOrder(kEvent, 1, &order, &error), Status::Ok);
    QCOMPARE(order.event, kEvent);
    QCOMPARE(order.order, OrderId(1));
    QCOMPARE(order.hold, HoldId(1));
    QCOMPARE(order.seq, Seq(3));
    QCOMPARE(order.channel, ChannelId(1));
    QVERIFY(order.actor == (Actor { ActorKind::Clerk, 7 }));
    QCOMPARE(order.createdAt, Timestamp(5003));
    QCOMPARE(order.amount, Amount(7500));
    QCOMPARE(order.refunded, Amount(0));
    QCOMPARE(order.paymentRef, std::string("pay"));
    QCOMPARE(order.buyer.name, std::string("Ada"));
    QCOMPARE(order.buyer.email, std::string("ada@example.org"));
    QCOMPARE(order.buyer.phone, std::string("+44 1"));
    QCOMPARE(order.tickets.size(), std::size_t(2));
    const StoredTicket& seated = order.tickets[0];
    QCOMPARE(seated.ticket, TicketId(1));
    QCOMPARE(seated.order, OrderId(1));
    QCOMPARE(seated.seat, SeatId(11));
    QCOMPARE(seated.area, AreaId(0));
    QCOMPARE(seated.amount, Amount(5000));
    QVERIFY(seated.status == TicketStatus::Valid);
    QCOMPARE(seated.code, ticketCodeText(makeTestTicketCode(kEvent, 1)));
    const StoredTicket& standing = order.tickets[1];
    QCOMPARE(standing.ticket, TicketId(2));
    QCOMPARE(standing.seat, SeatId(0));
    QCOMPARE(standing.area, AreaId(1));
    QCOMPARE(standing.amount, Amount(2500));

    StoredTicket found;
    QCOMPARE(storage->findTicketByCode(standing.code, &found, &error), Status::Ok);
    QCOMPARE(found.event, kEvent);
    QCOMPARE(found.ticket, TicketId(2));
    QCOMPARE(found.area, AreaId(1));
    QCOMPARE(storage->findTicketByCode("NOSUCHCODE", &found, &error), Status::TicketNotFound);
    QCOMPARE(storage->findOrder(kEvent, 2, &order, &error), Status::OrderNotFound);
    QCOMPARE(storage->findOrder(kOtherEvent, 1, &order, &error), Status::OrderNotFound);
}

void refundsAndExchangesUpdateTickets(StoreUnderTest& store)
{
    auto storage = store.openFreshWithEvents();
    QVERIFY(storage != nullptr);
    std::string error;
    QCOMPARE(commitOne(*storage, kEvent, confirmBatch(kEvent, 1, 1, 11), &error), Status::Ok);
    QCOMPARE(commitOne(*storage, kEvent, confirmBatch(kEvent, 2, 2, 12), &error), Status::Ok);
    const std::string oldCode = ticketCodeText(makeTestTicketCode(kEvent, 3));

    // Refund the GA ticket of order 1 in part, and exchange order 2's seat ticket 12 -> 30.
    const JournalBatch changes = makeTestBatch(
        kEvent,
        { makeTestRecord(3, CommandKind::Refund, 9000, { areaRefundedEvent(1, 1, 2, 1000) }),
          makeTestRecord(4, CommandKind::Exchange, 9001, { ticketExchangedEvent(kEvent, 2, 3, 12, 30, 1) }) });
    QCOMPARE(commitOne(*storage, kEvent, changes, &error), Status::Ok);

    StoredOrder order;
    QCOMPARE(storage->findOrder(kEvent, 1, &order, &error), Status::Ok);
    QCOMPARE(order.refunded, Amount(1000));
    QVERIFY(order.tickets[0].status == TicketStatus::Valid);
    QVERIFY(order.tickets[1].status == TicketStatus::Refunded);
    QCOMPARE(order.tickets[1].refunded, Amount(1000));

    QCOMPARE(storage->findOrder(kEvent, 2, &order, &error), Status::Ok);
    QCOMPARE(order.tickets[0].seat, SeatId(30));
    const std::string newCode = ticketCodeText(makeTestTicketCode(kEvent, 3, 1));
    QCOMPARE(order.tickets[0].code, newCode);
    StoredTicket ticket;
    // The old code says why it stopped working.
    QCOMPARE(storage->findTicketByCode(oldCode, &ticket, &error), Status::TicketNotValid);
    QVERIFY(ticket.codeState == TicketCodeState::Exchanged);
    QCOMPARE(ticket.codeRetiredSeq, Seq(4));
    QCOMPARE(ticket.code, oldCode);
    QCOMPARE(ticket.ticket, TicketId(3));
    QVERIFY2(error.find("exchange") != std::string::npos, error.c_str());
    QCOMPARE(storage->findTicketByCode(newCode, &ticket, &error), Status::Ok);
    QVERIFY(ticket.codeState == TicketCodeState::Current);
    QCOMPARE(ticket.seat, SeatId(30));

    // The seat ticket of order 1 is refunded in full.
    const JournalBatch refund = makeTestBatch(
        kEvent, { makeTestRecord(5, CommandKind::Refund, 9100, { seatRefundedEvent(11, 1, 1, 5000) }) });
    QCOMPARE(commitOne(*storage, kEvent, refund, &error), Status::Ok);
    QCOMPARE(storage->findOrder(kEvent, 1, &order, &error), Status::Ok);
    QCOMPARE(order.refunded, Amount(6000));
    QVERIFY(order.tickets[0].status == TicketStatus::Refunded);
    QCOMPARE(order.tickets[0].refunded, Amount(5000));

    // A refund of a ticket that is not stored does not fit: refused, nothing written.
    const JournalBatch unknown
        = makeTestBatch(kEvent, { makeTestRecord(6, CommandKind::Refund, 9200, { seatRefundedEvent(11, 1, 99, 1) }) });
    QCOMPARE(commitOne(*storage, kEvent, unknown, &error), Status::InvalidArgument);
    QVERIFY2(error.find("ticket 99") != std::string::npos, error.c_str());
    std::vector<BatchBytes> read;
    QVERIFY(readAll(*storage, kEvent, 6, &read, &error));
    QVERIFY(read.empty());
}

void rejectedRecordsProjectNothing(StoreUnderTest& store)
{
    auto storage = store.openFreshWithEvents();
    QVERIFY(storage != nullptr);
    std::string error;
    const JournalBatch batch
        = makeTestBatch(kEvent,
                        { makeTestRecord(1, CommandKind::Confirm, 100, {}, Status::HoldExpired),
                          makeTestRecord(2, CommandKind::Refund, 101, {}, Status::OrderNotFound) });
    QCOMPARE(commitOne(*storage, kEvent, batch, &error), Status::Ok);
    QCOMPARE(store.queryInt("SELECT count(*) FROM orders"), 0);
    QCOMPARE(store.queryInt("SELECT count(*) FROM tickets"), 0);
    QCOMPARE(store.queryInt("SELECT count(*) FROM journal"), 1);
    QCOMPARE(store.queryInt("SELECT count(*) FROM outbox"), 1);
}

void outboxRowsAndCursor(StoreUnderTest& store)
{
    auto storage = store.openFreshWithEvents();
    QVERIFY(storage != nullptr);
    std::string error;
    std::vector<JournalBatch> batches;
    for (Seq seq = 1; seq <= 9; seq += 3)
        batches.push_back(holdBatch(kEvent, seq, 3));
    for (const JournalBatch& batch : batches)
        QCOMPARE(commitOne(*storage, kEvent, batch, &error), Status::Ok);

    std::int64_t cursor = -1;
    QCOMPARE(storage->outboxCursor(&cursor, &error), Status::Ok);
    QCOMPARE(cursor, std::int64_t(0));
    std::vector<OutboxRow> rows;
    QCOMPARE(storage->readOutbox(0, 100, &rows, &error), Status::Ok);
    QCOMPARE(rows.size(), batches.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        QCOMPARE(rows[i].event, kEvent);
        QCOMPARE(rows[i].firstSeq, batches[i].firstSeq);
        QCOMPARE(rows[i].lastSeq, batches[i].lastSeq);
        QCOMPARE(rows[i].seats.size(), batches[i].seatDeltas.size());
        QCOMPARE(rows[i].seats[1].seat, batches[i].seatDeltas[1].seat);
        QVERIFY(rows[i].seats[1].holder == batches[i].seatDeltas[1].holder);
        QCOMPARE(rows[i].areas.size(), std::size_t(1));
        QCOMPARE(rows[i].areas[0].available, 50u);
        if (i > 0)
            QVERIFY(rows[i].id > rows[i - 1].id);
    }
    QCOMPARE(storage->readOutbox(rows[0].id, 1, &rows, &error), Status::Ok);
    QCOMPARE(rows.size(), std::size_t(1));
    QCOMPARE(rows[0].firstSeq, Seq(4));
    QCOMPARE(storage->readOutbox(0, 0, &rows, &error), Status::Ok);
    QVERIFY(rows.empty());

    QCOMPARE(storage->markOutboxPublished(2, &error), Status::Ok);
    QCOMPARE(storage->outboxCursor(&cursor, &error), Status::Ok);
    QCOMPARE(cursor, std::int64_t(2));
    QCOMPARE(storage->markOutboxPublished(1, &error), Status::Ok); // never goes back
    QCOMPARE(storage->outboxCursor(&cursor, &error), Status::Ok);
    QCOMPARE(cursor, std::int64_t(2));
    QCOMPARE(store.queryInt("SELECT count(*) FROM outbox"), 1); // published rows are gone
    QCOMPARE(storage->readOutbox(0, 100, &rows, &error), Status::Ok);
    QCOMPARE(rows.size(), std::size_t(1));
    QCOMPARE(rows[0].id, std::int64_t(3));

    // Ids are never reused, even after every row was deleted; the cursor survives a reopen.
    QCOMPARE(storage->markOutboxPublished(3, &error), Status::Ok);
    storage.reset();
    storage = store.reopen();
    QVERIFY(storage != nullptr);
    QCOMPARE(commitOne(*storage, kEvent, holdBatch(kEvent, 10, 1), &error), Status::Ok);
    QCOMPARE(storage->readOutbox(0, 100, &rows, &error), Status::Ok);
    QCOMPARE(rows.size(), std::size_t(1));
    QCOMPARE(rows[0].id, std::int64_t(4));
    QCOMPARE(storage->outboxCursor(&cursor, &error), Status::Ok);
    QCOMPARE(cursor, std::int64_t(3));

    // A corrupt row is reported, not skipped.
    QVERIFY(store.setBlob("outbox", "payload", "", { 1, 9, 0, 0, 0 }));
    QCOMPARE(storage->readOutbox(0, 100, &rows, &error), Status::StorageFailed);
    QVERIFY2(error.find("outbox row 4") != std::string::npos, error.c_str());
}

void snapshotUpsertKeepsTheNewest(StoreUnderTest& store)
{
    auto storage = store.openFreshWithEvents();
    QVERIFY(storage != nullptr);
    std::string error;
    std::vector<std::uint8_t> bytes { 1 };
    Seq seq = 99;
    QCOMPARE(storage->loadSnapshot(kEvent, &bytes, &seq, &error), Status::Ok);
    QCOMPARE(seq, Seq(0));
    QVERIFY(bytes.empty());

    const auto first = std::make_shared<const std::vector<std::uint8_t>>(std::vector<std::uint8_t> { 1, 2, 3 });
    const JournalBatch batch = holdBatch(kEvent, 1, 5);
    const CommitItem withBatch[] = { CommitItem { kEvent, &batch, first, 5, nullptr } };
    QCOMPARE(storage->commit(withBatch, &error), Status::Ok);
    QCOMPARE(storage->loadSnapshot(kEvent, &bytes, &seq, &error), Status::Ok);
    QCOMPARE(seq, Seq(5));
    QCOMPARE(bytes, *first);

    const auto second = std::make_shared<const std::vector<std::uint8_t>>(1000, 0xab);
    const CommitItem snapshotOnly[] = { CommitItem { kEvent, nullptr, second, 9, nullptr } };
    QCOMPARE(storage->commit(snapshotOnly, &error), Status::Ok);
    const auto older = std::make_shared<const std::vector<std::uint8_t>>(10, 0x01);
    const CommitItem stale[] = { CommitItem { kEvent, nullptr, older, 7, nullptr } };
    QCOMPARE(storage->commit(stale, &error), Status::Ok);
    QCOMPARE(storage->loadSnapshot(kEvent, &bytes, &seq, &error), Status::Ok);
    QCOMPARE(seq, Seq(9));
    QCOMPARE(bytes, *second);
    QCOMPARE(storage->loadSnapshot(kOtherEvent, &bytes, &seq, &error), Status::Ok);
    QCOMPARE(seq, Seq(0));

    const auto empty = std::make_shared<const std::vector<std::uint8_t>>();
    const CommitItem emptySnapshot[] = { CommitItem { kOtherEvent, nullptr, empty, 1, nullptr } };
    QCOMPARE(storage->commit(emptySnapshot, &error), Status::Ok);
    QCOMPARE(storage->loadSnapshot(kOtherEvent, &bytes, &seq, &error), Status::Ok);
    QCOMPARE(seq, Seq(1));
    QVERIFY(bytes.empty());

    // A snapshot newer than the batch it follows is refused.
    const JournalBatch next = holdBatch(kEvent, 6, 1);
    const CommitItem ahead[] = { CommitItem { kEvent, &next, first, 8, nullptr } };
    QCOMPARE(storage->commit(ahead, &error), Status::InvalidArgument);
    QCOMPARE(store.queryInt("SELECT count(*) FROM snapshots"), 2);
}

void snapshotCrcIsChecked(StoreUnderTest& store)
{
    auto storage = store.openFreshWithEvents();
    QVERIFY(storage != nullptr);
    std::string error;
    const auto snapshot = std::make_shared<const std::vector<std::uint8_t>>(500, 0x5a);
    const CommitItem items[] = { CommitItem { kEvent, nullptr, snapshot, 3, nullptr } };
    QCOMPARE(storage->commit(items, &error), Status::Ok);
    {
        std::vector<std::uint8_t> bytes = *snapshot;
        bytes[250] ^= 0x04;
        QVERIFY(store.setBlob("snapshots", "payload", "event_id = 1", bytes));
    }
    std::vector<std::uint8_t> bytes { 9 };
    Seq seq = 42;
    QCOMPARE(storage->loadSnapshot(kEvent, &bytes, &seq, &error), Status::StorageFailed);
    QVERIFY2(error.find("event 1") != std::string::npos && error.find("CRC") != std::string::npos, error.c_str());
    QCOMPARE(bytes, std::vector<std::uint8_t> { 9 }); // untouched on failure
    QCOMPARE(seq, Seq(42));
}

void multiItemCommitIsAtomic(StoreUnderTest& store)
{
    auto storage = store.openFreshWithEvents();
    QVERIFY(storage != nullptr);
    std::string error;
    QCOMPARE(commitOne(*storage, kEvent, confirmBatch(kEvent, 1, 1, 5), &error), Status::Ok);

    // The second item fails inside the transaction (its seq does not continue the journal), after
    // the first item's journal row, order, tickets, outbox row and snapshot were written.
    const JournalBatch good = confirmBatch(kEvent, 2, 2, 6);
    const JournalBatch gap = holdBatch(kEvent, 5, 1);
    const auto snapshot = std::make_shared<const std::vector<std::uint8_t>>(8, 8);
    const CommitItem first[] = { CommitItem { kEvent, &good, snapshot, 2, nullptr }, item(kEvent, &gap) };
    QCOMPARE(storage->commit(first, &error), Status::InvalidArgument);
    QVERIFY2(error.find("ends at seq 2") != std::string::npos, error.c_str());

    // A constraint violation in the projection (order 1 exists) rolls back just the same. (Not a
    // ticket id used again: neither store's ticket key refuses one in another order any more, as the
    // ledger hands them out once per event; an order's key is the order.)
    const JournalBatch other = holdBatch(kOtherEvent, 1, 1);
    const JournalBatch duplicateOrder = makeTestBatch(
        kEvent,
        { makeTestRecord(2, CommandKind::Confirm, 10,
                         { orderCreatedEvent(1, 2, 0, "", "", "", ""), seatConfirmedEvent(kEvent, 6, 1, 3, 0, 0) }) });
    const CommitItem second[] = { item(kOtherEvent, &other), item(kEvent, &duplicateOrder) };
    QCOMPARE(storage->commit(second, &error), Status::InvalidArgument);
    QVERIFY2(error.find("order insert") != std::string::npos, error.c_str());

    QCOMPARE(store.queryInt("SELECT count(*) FROM journal"), 1); // neither event 1's nor event 2's
    QCOMPARE(store.queryInt("SELECT count(*) FROM orders"), 1);
    QCOMPARE(store.queryInt("SELECT count(*) FROM tickets"), 2);
    QCOMPARE(store.queryInt("SELECT count(*) FROM outbox"), 1);
    QCOMPARE(store.queryInt("SELECT count(*) FROM snapshots"), 0);
    // And the connection is fine.
    QCOMPARE(commitOne(*storage, kEvent, good, &error), Status::Ok);
    QCOMPARE(store.queryInt("SELECT count(*) FROM orders"), 2);
}

// Orders found by number, buyer name (prefix and contained, ASCII case folded), payment reference,
// seat and ticket code.
void orderSearches(StoreUnderTest& store)
{
    auto storage = store.openFreshWithEvents();
    QVERIFY(storage != nullptr);
    std::string error;
    const struct {
        EventId event;
        OrderId order;
        SeatId seat;
        const char* name;
        const char* payment;
    } orders[] = {
        { kEvent, 1, 11, "Ada Lovelace", "card-1" },
        { kEvent, 2, 12, "adam Smith", "card-2" },
        { kEvent, 3, 13, "Grace Hopper", "card-1" },
        { kOtherEvent, 1, 2, "ADA King", "card-9" },
    };
    Seq seqs[3] = { 0, 0, 0 };
    for (const auto& o : orders) {
        const Seq seq = ++seqs[o.event];
        const TicketId ticket = o.order * 2 - 1;
        const JournalBatch batch = makeTestBatch(
            o.event,
            { makeTestRecord(seq, CommandKind::Confirm, Timestamp(5000 + seq),
                             { orderCreatedEvent(o.order, HoldId(o.order), 5000, o.payment, o.name, "x@example.org", ""),
                               seatConfirmedEvent(o.event, o.seat, o.order, ticket, 0, 5000) }) });
        QCOMPARE(commitOne(*storage, o.event, batch, &error), Status::Ok);
    }
    std::vector<StoredOrder> found;
    QCOMPARE(storage->findOrdersByNumber(0, 1, 10, &found, &error), Status::Ok);
    QCOMPARE(found.size(), std::size_t(2));
    QCOMPARE(found[0].event, kEvent); // by event id
    QCOMPARE(found[1].event, kOtherEvent);
    QCOMPARE(found[1].buyer.name, std::string("ADA King"));
    QCOMPARE(storage->findOrdersByNumber(kOtherEvent, 1, 10, &found, &error), Status::Ok);
    QCOMPARE(found.size(), std::size_t(1));
    QCOMPARE(storage->findOrdersByNumber(0, 77, 10, &found, &error), Status::Ok);
    QVERIFY(found.empty());

    // Prefix: by folded name, then event and order.
    QCOMPARE(storage->findOrdersByBuyer(0, "ada", NameMatch::Prefix, 10, &found, &error), Status::Ok);
    QCOMPARE(found.size(), std::size_t(3));
    QCOMPARE(found[0].buyer.name, std::string("ADA King"));
    QCOMPARE(found[1].buyer.name, std::string("Ada Lovelace"));
    QCOMPARE(found[2].buyer.name, std::string("adam Smith"));
    QCOMPARE(storage->findOrdersByBuyer(kEvent, "ADA", NameMatch::Prefix, 1, &found, &error), Status::Ok);
    QCOMPARE(found.size(), std::size_t(1)); // the limit
    QCOMPARE(found[0].buyer.name, std::string("Ada Lovelace"));
    // Contains: by event and order.
    QCOMPARE(storage->findOrdersByBuyer(0, "OPPE", NameMatch::Contains, 10, &found, &error), Status::Ok);
    QCOMPARE(found.size(), std::size_t(1));
    QCOMPARE(found[0].order, OrderId(3));
    QCOMPARE(storage->findOrdersByBuyer(0, "a", NameMatch::Contains, 10, &found, &error), Status::Ok);
    QCOMPARE(found.size(), std::size_t(4));
    QCOMPARE(found[3].event, kOtherEvent);
    QCOMPARE(storage->findOrdersByBuyer(0, "", NameMatch::Prefix, 10, &found, &error), Status::InvalidArgument);

    QCOMPARE(storage->findOrdersByPaymentRef(0, "card-1", 10, &found, &error), Status::Ok);
    QCOMPARE(found.size(), std::size_t(2));
    QCOMPARE(found[0].order, OrderId(1));
    QCOMPARE(found[1].order, OrderId(3));
    QCOMPARE(found[1].tickets.size(), std::size_t(1));
    QCOMPARE(storage->findOrdersByPaymentRef(0, "", 10, &found, &error), Status::InvalidArgument);

    StoredOrder order;
    QCOMPARE(storage->findOrderBySeat(kEvent, 12, &order, &error), Status::Ok);
    QCOMPARE(order.order, OrderId(2));
    QCOMPARE(storage->findOrderBySeat(kEvent, 14, &order, &error), Status::OrderNotFound);
    StoredTicket ticket;
    const std::string code = ticketCodeText(makeTestTicketCode(kEvent, 5));
    QCOMPARE(storage->findOrderByTicketCode(code, &order, &ticket, &error), Status::Ok);
    QCOMPARE(order.order, OrderId(3));
    QCOMPARE(ticket.ticket, TicketId(5));
    QCOMPARE(storage->findOrderByTicketCode("NOSUCHCODE", &order, &ticket, &error), Status::TicketNotFound);
}

// One commit of thousands of records over several events (a group commit) is written whole and
// reads back the same, also after a reopen.
void bigGroupCommitRoundTrips(StoreUnderTest& store)
{
    auto storage = store.openFreshWithEvents();
    QVERIFY(storage != nullptr);
    std::string error;
    std::vector<JournalBatch> batches;
    std::vector<CommitItem> items;
    Seq seq = 1;
    for (int i = 0; i < 20; ++i) {
        batches.push_back(holdBatch(kEvent, seq, 200));
        seq += 200;
        batches.push_back(confirmBatch(kEvent, seq, OrderId(i + 1), SeatId(i + 1)));
        seq += 1;
    }
    const JournalBatch other = holdBatch(kOtherEvent, 1, 500);
    for (const JournalBatch& batch : batches)
        items.push_back(item(kEvent, &batch));
    items.push_back(item(kOtherEvent, &other));
    QCOMPARE(storage->commit(items, &error), Status::Ok);
    for (int reopen = 0; reopen < 2; ++reopen) {
        const std::string mismatch = journalMismatch(*storage, batches);
        QVERIFY2(mismatch.empty(), mismatch.c_str());
        QCOMPARE(store.queryInt("SELECT count(*) FROM orders"), 20);
        QCOMPARE(store.queryInt("SELECT count(*) FROM tickets"), 40);
        QCOMPARE(store.queryInt("SELECT count(*) FROM outbox"), 41);
        StoredOrder order;
        QCOMPARE(storage->findOrder(kEvent, 20, &order, &error), Status::Ok);
        QCOMPARE(order.tickets.size(), std::size_t(2));
        storage.reset();
        storage = store.reopen();
        QVERIFY(storage != nullptr);
    }
}

} // namespace conformance
} // namespace usher::test
