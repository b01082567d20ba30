// PgStorage (issue 9) against a real PostgreSQL: the storage conformance suite that SqliteStorage
// passes, then what only a server brings: connection failures, concurrent opens, a server restart,
// and a connection lost during COMMIT (which must never be reported as success).
//
// The test starts its own throw-away cluster (tests/support/PgCluster) and FAILS when it cannot;
// USHER_SKIP_PG=1 skips it instead.

#include <QTest>

#ifndef Q_MOC_RUN
#include "ledger/CommandResult.h"
#include "pgstore/PgNotify.h"
#include "pgstore/PgStorage.h"
#include "support/PgCluster.h"
#include "support/StorageConformance.h"
#include "support/TestEvents.h"

#include <atomic>
#include <chrono>
#include <libpq-fe.h>
#include <thread>
#endif

using namespace usher;
using namespace usher::test;

namespace {

PgCluster* g_cluster = nullptr;

std::unique_ptr<PgStorage> openPg(const std::string& conninfo, std::string* error)
{
    PgStorageOptions options;
    options.conninfo = conninfo;
    options.connectTimeoutSeconds = 5;
    return PgStorage::open(options, error);
}

// The conformance suite's view of PostgreSQL: a new database of the private cluster per store.
class PgStore : public StoreUnderTest {
public:
    std::unique_ptr<Storage> openFresh() override
    {
        static int counter = 0;
        m_database = "conformance_" + std::to_string(++counter);
        std::string error;
        if (!g_cluster->createDatabase(m_database, &error)) {
            qWarning("%s", error.c_str());
            return nullptr;
        }
        return reopen();
    }
    std::unique_ptr<Storage> reopen() override
    {
        std::string error;
        auto storage = openPg(g_cluster->conninfo(m_database), &error);
        if (storage == nullptr)
            qWarning("open failed: %s", error.c_str());
        return storage;
    }
    std::int64_t queryInt(const std::string& sql) override
    {
        std::string output;
        if (!g_cluster->psql(m_database, sql, &output)) {
            qWarning("%s", output.c_str());
            return -1;
        }
        return output.empty() ? -1 : std::stoll(output);
    }
    bool setBlob(const std::string& table, const std::string& column, const std::string& where,
                 const std::vector<std::uint8_t>& bytes) override
    {
        static const char* hex = "0123456789abcdef";
        std::string literal = "'\\x";
        for (const std::uint8_t byte : bytes) {
            literal += hex[byte >> 4];
            literal += hex[byte & 15];
        }
        literal += "'::bytea";
        std::string output;
        const std::string sql
            = "UPDATE " + table + " SET " + column + " = " + literal + (where.empty() ? std::string() : " WHERE " + where);
        if (!g_cluster->psql(m_database, sql, &output)) {
            qWarning("%s", output.c_str());
            return false;
        }
        return true;
    }
    const std::string& database() const { return m_database; }

private:
    std::string m_database;
};

// Polls `condition` every 20 ms for up to `timeoutMs`.
template <typename Condition>
bool waitFor(Condition condition, int timeoutMs)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (std::chrono::steady_clock::now() < deadline) {
        if (condition())
            return true;
        QTest::qWait(20);
    }
    return condition();
}

} // namespace

class TestPgStorage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    // The conformance suite (tests/support/StorageConformance.cpp), as for SQLite.
    void eventsRoundTrip() { PgStore store; conformance::eventsRoundTrip(store); }
    void journalRoundTrip() { PgStore store; conformance::journalRoundTrip(store); }
    void journalFromSeqFilters() { PgStore store; conformance::journalFromSeqFilters(store); }
    void journalVisitorStopsEarly() { PgStore store; conformance::journalVisitorStopsEarly(store); }
    void commitRefusesInvalidBatches() { PgStore store; conformance::commitRefusesInvalidBatches(store); }
    void commitRefusesSeqGapsAndDuplicates() { PgStore store; conformance::commitRefusesSeqGapsAndDuplicates(store); }
    void commitForUnknownEventFails() { PgStore store; conformance::commitForUnknownEventFails(store); }
    void ordersAndTicketsAreProjected() { PgStore store; conformance::ordersAndTicketsAreProjected(store); }
    void refundsAndExchangesUpdateTickets() { PgStore store; conformance::refundsAndExchangesUpdateTickets(store); }
    void rejectedRecordsProjectNothing() { PgStore store; conformance::rejectedRecordsProjectNothing(store); }
    void orderSearches() { PgStore store; conformance::orderSearches(store); }
    void outboxRowsAndCursor() { PgStore store; conformance::outboxRowsAndCursor(store); }
    void snapshotUpsertKeepsTheNewest() { PgStore store; conformance::snapshotUpsertKeepsTheNewest(store); }
    void snapshotCrcIsChecked() { PgStore store; conformance::snapshotCrcIsChecked(store); }
    void multiItemCommitIsAtomic() { PgStore store; conformance::multiItemCommitIsAtomic(store); }
    void bigGroupCommitRoundTrips() { PgStore store; conformance::bigGroupCommitRoundTrips(store); }

    // PostgreSQL only.
    void badConnectionsFailClearly();
    void schemaIsVersionedAndChecked();
    void schemaTwoMigratesToThree();
    void concurrentOpensCreateTheSchemaOnce();
    void groupCommitIsFourRoundTrips();
    void rowsAreCopiedBeforeTheChangesThatNeedThem();
    void commitNotifiesOnlyWhatCommitted();
    void changePayloadsSplitAndParse();
    void journalCorruptionIsDetected();
    void serverRestartFailsThenReconnects();
    void connectionLostDuringCommitIsNeverOk();

private:
    PgCluster m_cluster;
};

void TestPgStorage::initTestCase()
{
    if (PgCluster::skipRequested())
        QSKIP("USHER_SKIP_PG=1: the PostgreSQL tests are skipped");
    std::string error;
    if (!m_cluster.start(&error, false))
        QFAIL(("cannot start a private PostgreSQL cluster (set USHER_SKIP_PG=1 to skip these tests): " + error).c_str());
    g_cluster = &m_cluster;
}

void TestPgStorage::cleanupTestCase()
{
    g_cluster = nullptr;
}

void TestPgStorage::badConnectionsFailClearly()
{
    std::string error;
    // Nothing listens on the port.
    QVERIFY(openPg("host=127.0.0.1 port=1 dbname=x user=postgres", &error) == nullptr);
    QVERIFY2(error.find("cannot connect to PostgreSQL") != std::string::npos, error.c_str());
    // A database that does not exist.
    QVERIFY(openPg(m_cluster.conninfo("no_such_database"), &error) == nullptr);
    QVERIFY2(error.find("no_such_database") != std::string::npos && error.find("does not exist") != std::string::npos,
             error.c_str());
    // Garbage instead of a connection string; an empty one.
    QVERIFY(openPg("postgresql://[broken", &error) == nullptr);
    QVERIFY2(!error.empty(), "no error text");
    QVERIFY(openPg("", &error) == nullptr);
    QVERIFY2(error.find("no PostgreSQL connection string") != std::string::npos, error.c_str());
    // A password never shows in error texts.
    QVERIFY(openPg("postgresql://postgres:secret123@127.0.0.1:1/x", &error) == nullptr);
    QVERIFY2(error.find("secret123") == std::string::npos, error.c_str());
    QCOMPARE(PgStorage::redacted("host=h password=abc dbname=d"), std::string("host=h password=*** dbname=d"));
    QVERIFY(PgStorage::isPostgresUri("postgresql://h/db"));
    QVERIFY(PgStorage::isPostgresUri("postgres://h/db"));
    QVERIFY(!PgStorage::isPostgresUri("/var/lib/usher"));
}

void TestPgStorage::schemaIsVersionedAndChecked()
{
    PgStore store;
    auto storage = store.openFresh();
    QVERIFY(storage != nullptr);
    storage.reset();
    QCOMPARE(store.queryInt("SELECT value FROM usher_meta WHERE key = 'schema_version'"),
             std::int64_t(PgStorage::kSchemaVersion));
    // Reopening changes nothing.
    QVERIFY(store.reopen() != nullptr);
    QCOMPARE(store.queryInt("SELECT count(*) FROM usher_meta"), 1);

    // A newer schema is refused with a clear error.
    std::string output;
    QVERIFY2(m_cluster.psql(store.database(), "UPDATE usher_meta SET value = 99", &output), output.c_str());
    std::string error;
    QVERIFY(openPg(m_cluster.conninfo(store.database()), &error) == nullptr);
    QVERIFY2(error.find("schema version 99") != std::string::npos && error.find("upgrade Usher") != std::string::npos,
             error.c_str());

    // A database with someone else's tables is not taken over.
    QVERIFY(m_cluster.createDatabase("foreign_db", &error));
    QVERIFY2(m_cluster.psql("foreign_db", "CREATE TABLE customers(id int)", &output), output.c_str());
    QVERIFY(openPg(m_cluster.conninfo("foreign_db"), &error) == nullptr);
    QVERIFY2(error.find("not a Usher database") != std::string::npos, error.c_str());
    QCOMPARE(store.queryInt("SELECT 1"), 1);
}

// A database of schema version 2 (ticket codes as text, the primary key (event_id, ticket_id) and
// tickets_by_order) is migrated to 3 when opened: every code converted to the same 16 bytes, retired
// codes too, and everything reads back as before. The version-2 database is made from a version-3
// one, turned back with the codes' texts computed here (ticketCodeText).
void TestPgStorage::schemaTwoMigratesToThree()
{
    PgStore store;
    auto storage = store.openFreshWithEvents();
    QVERIFY(storage != nullptr);
    std::string error;
    QCOMPARE(commitOne(*storage, kEvent, confirmBatch(kEvent, 1, 1, 11), &error), Status::Ok);
    StoredOrder before;
    QCOMPARE(storage->findOrder(kEvent, 1, &before, &error), Status::Ok);
    QCOMPARE(before.tickets.size(), std::size_t(2));
    storage.reset();

    std::string bytesBefore;
    const std::string codeBytesSql = "SELECT string_agg(encode(code, 'hex'), ',' ORDER BY ticket_id) FROM tickets";
    QVERIFY2(m_cluster.psql(store.database(), codeBytesSql, &bytesBefore), bytesBefore.c_str());
    const TicketCode retired = makeTestTicketCode(kEvent, 1, 1);
    std::string toText = "CASE encode(code, 'hex')";
    for (const StoredTicket& ticket : before.tickets) {
        TicketCode code {};
        QVERIFY(parseTicketCode(ticket.code, &code));
        static const char* hex = "0123456789abcdef";
        std::string key;
        for (const std::uint8_t byte : code)
            key += { hex[byte >> 4], hex[byte & 15] };
        toText += " WHEN '" + key + "' THEN '" + ticket.code + "'";
    }
    toText += " END";
    std::string output;
    QVERIFY2(m_cluster.psql(store.database(),
                            "ALTER TABLE tickets ALTER COLUMN code TYPE text USING " + toText
                                + "; ALTER TABLE ticket_codes ALTER COLUMN code TYPE text;"
                                  " ALTER TABLE tickets DROP CONSTRAINT tickets_pkey, ADD PRIMARY KEY(event_id, ticket_id);"
                                  " CREATE INDEX tickets_by_order ON tickets(event_id, order_id);"
                                  " INSERT INTO ticket_codes VALUES ('"
                                + ticketCodeText(retired) + "', 1, 1, 1, 2, 5); UPDATE usher_meta SET value = 2",
                            &output),
             output.c_str());
    QCOMPARE(store.queryInt("SELECT count(*) FROM tickets WHERE code = '" + before.tickets[0].code + "'"), 1);

    storage = store.reopen();
    QVERIFY(storage != nullptr);
    QCOMPARE(store.queryInt("SELECT value FROM usher_meta WHERE key = 'schema_version'"), 3);
    std::string bytesAfter;
    QVERIFY2(m_cluster.psql(store.database(), codeBytesSql, &bytesAfter), bytesAfter.c_str());
    QCOMPARE(bytesAfter, bytesBefore);
    QCOMPARE(store.queryInt("SELECT count(*) FROM pg_indexes WHERE indexname = 'tickets_by_order'"), 0);
    QCOMPARE(store.queryInt("SELECT count(*) FROM ticket_codes WHERE length(code) = 16"), 1);

    StoredOrder after;
    QCOMPARE(storage->findOrder(kEvent, 1, &after, &error), Status::Ok);
    QCOMPARE(after.tickets.size(), before.tickets.size());
    for (std::size_t i = 0; i < after.tickets.size(); ++i) {
        QCOMPARE(after.tickets[i].code, before.tickets[i].code);
        QCOMPARE(after.tickets[i].ticket, before.tickets[i].ticket);
        StoredTicket found;
        QCOMPARE(storage->findTicketByCode(before.tickets[i].code, &found, &error), Status::Ok);
        QCOMPARE(found.ticket, before.tickets[i].ticket);
    }
    StoredTicket old;
    QCOMPARE(storage->findTicketByCode(ticketCodeText(retired), &old, &error), Status::TicketNotValid);
    QCOMPARE(old.ticket, TicketId(1));
    QVERIFY(old.codeState == TicketCodeState::Exchanged); // reason 2
    // The migrated tables take new commits.
    QCOMPARE(commitOne(*storage, kOtherEvent, confirmBatch(kOtherEvent, 1, 1, 12), &error), Status::Ok);
    QCOMPARE(storage->findOrderBySeat(kOtherEvent, 12, &after, &error), Status::Ok);

    // A code that is not Crockford base32 stops the migration, and nothing changes.
    QVERIFY2(m_cluster.psql(store.database(),
                            "ALTER TABLE tickets ALTER COLUMN code TYPE text USING encode(code, 'hex');"
                            " ALTER TABLE ticket_codes ALTER COLUMN code TYPE text USING 'x'; UPDATE usher_meta SET value = 2",
                            &output),
             output.c_str());
    storage.reset();
    QVERIFY(openPg(m_cluster.conninfo(store.database()), &error) == nullptr);
    QVERIFY2(error.find("not 26 characters of Crockford base32") != std::string::npos, error.c_str());
    QCOMPARE(store.queryInt("SELECT value FROM usher_meta WHERE key = 'schema_version'"), 2);
    QCOMPARE(store.queryInt("SELECT count(*) FROM tickets WHERE length(code) = 32"), 4);
}

void TestPgStorage::concurrentOpensCreateTheSchemaOnce()
{
    std::string error;
    QVERIFY(m_cluster.createDatabase("concurrent_db", &error));
    constexpr int kOpeners = 6;
    std::atomic<int> opened { 0 };
    std::vector<std::string> errors(kOpeners);
    std::vector<std::thread> threads;
    for (int i = 0; i < kOpeners; ++i)
        threads.emplace_back([&, i] {
            if (openPg(m_cluster.conninfo("concurrent_db"), &errors[i]) != nullptr)
                ++opened;
        });
    for (std::thread& thread : threads)
        thread.join();
    for (const std::string& e : errors)
        QVERIFY2(e.empty(), e.c_str());
    QCOMPARE(opened.load(), kOpeners);
}

void TestPgStorage::groupCommitIsFourRoundTrips()
{
    PgStore store;
    auto storage = store.openFreshWithEvents();
    QVERIFY(storage != nullptr);
    auto* pg = static_cast<PgStorage*>(storage.get());
    // 5,000 records and 100 orders in one commit: still BEGIN + pipeline + sync, a COPY of the orders
    // and one of the tickets, then COMMIT.
    std::vector<JournalBatch> batches;
    Seq seq = 1;
    for (int i = 0; i < 100; ++i) {
        batches.push_back(holdBatch(kEvent, seq, 50));
        seq += 50;
        batches.push_back(confirmBatch(kEvent, seq++, OrderId(i + 1), SeatId(i % 100 + 1)));
    }
    std::vector<CommitItem> items;
    for (const JournalBatch& batch : batches)
        items.push_back(item(kEvent, &batch));
    std::string error;
    QCOMPARE(storage->commit(items, &error), Status::Ok);
    QCOMPARE(pg->lastCommitRoundTrips(), 4);
    QCOMPARE(store.queryInt("SELECT count(*) FROM journal"), 200);
    QCOMPARE(store.queryInt("SELECT count(*) FROM tickets"), 200);
    QCOMPARE(store.queryInt("SELECT sum(record_count) FROM journal"), 5100);
    QCOMPARE(store.queryInt("SELECT count(*) FROM orders"), 100);
    const std::string mismatch = journalMismatch(*storage, batches);
    QVERIFY2(mismatch.empty(), mismatch.c_str());
}

// With notifyChannel set, a commit tells the listeners "event E up to seq S" (PgNotify.h), and
// only when it committed: a refused commit notifies nothing.

// Orders and tickets go in by COPY after the pipeline of the journal rows; a refund, exchange or
// reissue in the same commit changes rows gathered before it, so those are copied first and the
// commit goes on in a second pipeline.
void TestPgStorage::rowsAreCopiedBeforeTheChangesThatNeedThem()
{
    PgStore store;
    auto storage = store.openFreshWithEvents();
    QVERIFY(storage != nullptr);
    auto* pg = static_cast<PgStorage*>(storage.get());
    const JournalBatch first = confirmBatch(kEvent, 1, 1, 11);
    const JournalBatch second = confirmBatch(kEvent, 2, 2, 12);
    const JournalBatch changes = makeTestBatch(
        kEvent,
        { makeTestRecord(3, CommandKind::Refund, 9000, { seatRefundedEvent(11, 1, 1, 5000) }),
          makeTestRecord(4, CommandKind::Exchange, 9001, { ticketExchangedEvent(kEvent, 2, 3, 12, 30, 1) }) });
    const JournalBatch third = confirmBatch(kEvent, 5, 3, 12); // seat 12, freed by the exchange
    const CommitItem items[]
        = { item(kEvent, &first), item(kEvent, &second), item(kEvent, &changes), item(kEvent, &third) };
    std::string error;
    QCOMPARE(storage->commit(items, &error), Status::Ok);
    // BEGIN + pipeline, COPY orders, COPY tickets, pipeline (the changes), COPY orders, COPY tickets, COMMIT.
    QCOMPARE(pg->lastCommitRoundTrips(), 7);
    StoredOrder order;
    QCOMPARE(storage->findOrder(kEvent, 1, &order, &error), Status::Ok);
    QCOMPARE(order.refunded, Amount(5000));
    QVERIFY(order.tickets[0].status == TicketStatus::Refunded);
    QCOMPARE(storage->findOrderBySeat(kEvent, 30, &order, &error), Status::Ok);
    QCOMPARE(order.order, OrderId(2));
    QCOMPARE(storage->findOrderBySeat(kEvent, 12, &order, &error), Status::Ok);
    QCOMPARE(order.order, OrderId(3));
    QCOMPARE(store.queryInt("SELECT count(*) FROM orders"), 3);
    QCOMPARE(store.queryInt("SELECT count(*) FROM tickets"), 6);
    QCOMPARE(store.queryInt("SELECT count(*) FROM ticket_codes"), 1);

    // A failing COPY (ticket 1 of order 1 again) rolls the whole commit back and leaves the
    // connection usable.
    const JournalBatch again = makeTestBatch(
        kEvent,
        { makeTestRecord(6, CommandKind::Confirm, 9100,
                         { orderCreatedEvent(4, 4, 0, "", "", "", ""), seatConfirmedEvent(kEvent, 40, 1, 1, 0, 0) }) });
    QCOMPARE(commitOne(*storage, kEvent, again, &error), Status::InvalidArgument);
    QVERIFY2(error.find("ticket insert") != std::string::npos, error.c_str());
    // The same first in a COPY of several MB (sent in pieces while the server has refused it).
    std::vector<JournalBatch> many { again };
    for (Seq seq = 7; seq < 7 + 12'000; ++seq)
        many.push_back(confirmBatch(kEvent, seq, OrderId(seq), SeatId(seq)));
    std::vector<CommitItem> manyItems;
    for (const JournalBatch& batch : many)
        manyItems.push_back(item(kEvent, &batch));
    QCOMPARE(storage->commit(manyItems, &error), Status::InvalidArgument);
    QVERIFY2(error.find("ticket insert") != std::string::npos, error.c_str());
    QCOMPARE(store.queryInt("SELECT count(*) FROM orders"), 3);
    QCOMPARE(store.queryInt("SELECT count(*) FROM journal"), 4);
    QCOMPARE(commitOne(*storage, kEvent, confirmBatch(kEvent, 6, 4, 40), &error), Status::Ok);
    QCOMPARE(store.queryInt("SELECT count(*) FROM tickets"), 8);

    // A NUL in a text ends it, as it did when the rows were bound as text parameters: the commit of
    // what the journal holds does not fail on it.
    const JournalBatch nul
        = makeTestBatch(kEvent,
                        { makeTestRecord(7, CommandKind::Confirm, 9200,
                                         { orderCreatedEvent(5, 5, 0, std::string_view("ref\0x", 5),
                                                             std::string_view("Ada\0Lovelace", 12), "", ""),
                                           seatConfirmedEvent(kEvent, 41, 5, 9, 0, 0) }) });
    QCOMPARE(commitOne(*storage, kEvent, nul, &error), Status::Ok);
    QCOMPARE(storage->findOrder(kEvent, 5, &order, &error), Status::Ok);
    QCOMPARE(order.buyer.name, std::string("Ada"));
    QCOMPARE(order.paymentRef, std::string("ref"));
}
void TestPgStorage::commitNotifiesOnlyWhatCommitted()
{
    PgStore store;
    QVERIFY(store.openFreshWithEvents() != nullptr);
    PgStorageOptions options;
    options.conninfo = g_cluster->conninfo(store.database());
    options.notifyChannel = "usher_test_changes";
    std::string error;
    auto storage = PgStorage::open(options, &error);
    QVERIFY2(storage != nullptr, error.c_str());
    PgListenerOptions listenOptions;
    listenOptions.conninfo = options.conninfo;
    listenOptions.channel = options.notifyChannel;
    PgListener listener(listenOptions);
    std::vector<EventChange> changes;
    QCOMPARE(listener.wait(0, &changes, &error), PgListener::Wait::Reconnected);

    const JournalBatch first = holdBatch(kEvent, 1, 10);
    const JournalBatch second = holdBatch(kEvent, 11, 5);
    const std::vector<CommitItem> items { item(kEvent, &first), item(kEvent, &second) };
    QCOMPARE(storage->commit(items, &error), Status::Ok);
    QVERIFY(waitFor([&] { return listener.wait(50, &changes, &error) == PgListener::Wait::Notified && !changes.empty(); },
                    5000));
    // One item per batch, in commit order, each with the batch's journal bytes (they are small).
    QCOMPARE(changes.size(), std::size_t(2));
    QCOMPARE(changes[0].event, kEvent);
    QCOMPARE(changes[0].lastSeq, Seq(10));
    QCOMPARE(changes[1].lastSeq, Seq(15));
    QVERIFY(changes[0].batch != nullptr && *changes[0].batch == *first.bytes);
    QVERIFY(changes[1].batch != nullptr && *changes[1].batch == *second.bytes);

    // A gap: refused, rolled back, and nobody hears of it.
    changes.clear();
    const JournalBatch gap = holdBatch(kEvent, 40, 5);
    const CommitItem refused = item(kEvent, &gap);
    QCOMPARE(storage->commit(std::span(&refused, 1), &error), Status::InvalidArgument);
    QCOMPARE(listener.wait(500, &changes, &error), PgListener::Wait::Notified);
    QVERIFY(changes.empty());

    // The listener's session is lost: wait() says so, then reconnects and listens again.
    QVERIFY(g_cluster->psql(store.database(),
                            "SELECT pg_terminate_backend(" + std::to_string(listener.backendPid()) + ")", &error));
    QVERIFY(waitFor([&] { return listener.wait(50, &changes, &error) == PgListener::Wait::Down; }, 5000));
    QCOMPARE(listener.wait(0, &changes, &error), PgListener::Wait::Reconnected);
    const JournalBatch third = holdBatch(kEvent, 16, 1);
    const CommitItem after = item(kEvent, &third);
    QCOMPARE(storage->commit(std::span(&after, 1), &error), Status::Ok);
    QVERIFY(waitFor([&] { return listener.wait(50, &changes, &error) == PgListener::Wait::Notified && !changes.empty(); },
                    5000));
    QCOMPARE(changes.back().lastSeq, Seq(16));
    // A small batch travels in the notification: the listener has the journal's bytes.
    QVERIFY(changes.back().batch != nullptr && third.bytes != nullptr);
    QVERIFY(*changes.back().batch == *third.bytes);
}

void TestPgStorage::changePayloadsSplitAndParse()
{
    std::vector<EventChange> many;
    for (std::uint64_t i = 1; i <= 2000; ++i)
        many.push_back({ EventId(i * 1'000'003), Seq(i * 7'777'777), nullptr });
    const std::vector<std::string> payloads = encodeChangePayloads(many);
    QVERIFY(payloads.size() > 1);
    std::vector<EventChange> decoded;
    for (const std::string& payload : payloads) {
        QVERIFY(payload.size() <= kNotifyPayloadBytesMax);
        QVERIFY(decodeChangePayload(payload, &decoded));
    }
    QCOMPARE(decoded.size(), many.size());
    for (std::size_t i = 0; i < many.size(); ++i) {
        QCOMPARE(decoded[i].event, many[i].event);
        QCOMPARE(decoded[i].lastSeq, many[i].lastSeq);
    }
    QVERIFY(encodeChangePayloads({}).empty());
    // Batches go along while their pair fits in a payload; a larger one is left to the journal.
    std::vector<EventChange> carried;
    for (std::uint64_t i = 1; i <= 40; ++i)
        carried.push_back({ EventId(i), Seq(i), std::make_shared<BatchBytes>(std::size_t(100 + i * 13), std::uint8_t(i * 37)) });
    carried.push_back({ EventId(41), Seq(41), std::make_shared<BatchBytes>(std::size_t(5000), std::uint8_t(0xA5)) });
    decoded.clear();
    for (const std::string& payload : encodeChangePayloads(carried)) {
        QVERIFY(payload.size() <= kNotifyPayloadBytesMax);
        QVERIFY(decodeChangePayload(payload, &decoded));
    }
    QCOMPARE(decoded.size(), carried.size());
    for (std::size_t i = 0; i + 1 < carried.size(); ++i) {
        QCOMPARE(decoded[i].event, carried[i].event);
        QVERIFY(decoded[i].batch != nullptr && *decoded[i].batch == *carried[i].batch);
    }
    QVERIFY(decoded.back().batch == nullptr); // 10,000 hex digits: too large
    QCOMPARE(decoded.back().lastSeq, Seq(41));
    for (const char* bad : { "", "x", "1:", ":2", "1:2,", "0:5", "1:2,3", "1:-2", "1:2:3", "1:2:", "1:2:zz", "1:2:0A",
                             "18446744073709551616:1" }) {
        std::vector<EventChange> out;
        QVERIFY2(!decodeChangePayload(bad, &out), bad);
        QVERIFY(out.empty());
    }
}

void TestPgStorage::journalCorruptionIsDetected()
{
    PgStore store;
    auto storage = store.openFreshWithEvents();
    QVERIFY(storage != nullptr);
    std::string error;
    for (Seq seq = 1; seq <= 7; seq += 3)
        QCOMPARE(commitOne(*storage, kEvent, holdBatch(kEvent, seq, 3), &error), Status::Ok);
    // A flipped bit in the middle batch's payload.
    std::string output;
    QVERIFY2(g_cluster->psql(store.database(),
                             "UPDATE journal SET payload = set_byte(payload, 40, get_byte(payload, 40) # 1)"
                             " WHERE event_id = 1 AND first_seq = 4",
                             &output),
             output.c_str());
    int visited = 0;
    QCOMPARE(storage->readJournal(
                 kEvent, 0, [&](const BatchPtr&) { return ++visited > 0; }, &error),
             Status::StorageFailed);
    QCOMPARE(visited, 1);
    QVERIFY2(error.find("batch at seq 4") != std::string::npos && error.find("corrupt") != std::string::npos,
             error.c_str());
    // A gap: the middle batch gone.
    QVERIFY2(g_cluster->psql(store.database(), "DELETE FROM journal WHERE event_id = 1 AND first_seq = 4", &output),
             output.c_str());
    QCOMPARE(storage->readJournal(
                 kEvent, 0, [](const BatchPtr&) { return true; }, &error),
             Status::StorageFailed);
    QVERIFY2(error.find("gap") != std::string::npos, error.c_str());
    // And the connection goes on working.
    std::int64_t cursor = -1;
    QCOMPARE(storage->outboxCursor(&cursor, &error), Status::Ok);
}

// The server goes away (an immediate stop, like a crash): commits fail with a clear error, nothing
// half-written; once it is back, the next commit reconnects and succeeds.
void TestPgStorage::serverRestartFailsThenReconnects()
{
    PgStore store;
    auto storage = store.openFreshWithEvents();
    QVERIFY(storage != nullptr);
    std::string error;
    QCOMPARE(commitOne(*storage, kEvent, holdBatch(kEvent, 1, 5), &error), Status::Ok);
    QCOMPARE(store.queryInt("SELECT count(*) FROM journal"), 1);
    QVERIFY2(m_cluster.stop(true, &error), error.c_str());
    const JournalBatch next = holdBatch(kEvent, 6, 5);
    QCOMPARE(commitOne(*storage, kEvent, next, &error), Status::StorageFailed);
    QVERIFY2(!error.empty(), "no error text");
    qInfo("while the server is down: %s", error.c_str());
    QCOMPARE(commitOne(*storage, kEvent, next, &error), Status::StorageFailed);
    QVERIFY2(error.find("storage unavailable") != std::string::npos, error.c_str());
    QVERIFY2(m_cluster.restart(&error), error.c_str());
    QCOMPARE(store.queryInt("SELECT count(*) FROM journal"), 1); // the acknowledged commit survived
    QCOMPARE(commitOne(*storage, kEvent, next, &error), Status::Ok);
    QCOMPARE(store.queryInt("SELECT count(*) FROM journal"), 2);
    std::vector<BatchBytes> read;
    QVERIFY2(readAll(*storage, kEvent, 0, &read, &error), error.c_str());
    QCOMPARE(read.size(), std::size_t(2));
    QVERIFY(read[1] == *next.bytes);
}

// COMMIT is sent but its answer never arrives: the server waits for a synchronous standby that
// does not exist, and the backend is terminated meanwhile. The transaction may well be durable
// (PostgreSQL says "committed locally"), but the client cannot know: StorageFailed, never Ok.
void TestPgStorage::connectionLostDuringCommitIsNeverOk()
{
    PgStore store;
    auto storage = store.openFreshWithEvents();
    QVERIFY(storage != nullptr);
    std::string error;
    std::string output;
    QVERIFY2(m_cluster.psql(store.database(),
                            "ALTER SYSTEM SET synchronous_standby_names = 'nobody'", &output),
             output.c_str());
    QVERIFY2(m_cluster.psql(store.database(), "SELECT pg_reload_conf()", &output), output.c_str());
    // A running session takes the new value only once its SIGHUP arrives; a new session has it from
    // the start once the postmaster has reloaded (a fresh psql session sees it).
    QVERIFY(waitFor([&] {
        return m_cluster.psql(store.database(), "SHOW synchronous_standby_names", &output) && output == "nobody";
    }, 20'000));
    storage = store.reopen();
    QVERIFY(storage != nullptr);
    std::atomic<bool> done { false };
    Status status = Status::Ok;
    std::string commitError;
    const JournalBatch batch = confirmBatch(kEvent, 1, 1, 5);
    std::thread committer([&] {
        status = commitOne(*storage, kEvent, batch, &commitError);
        done = true;
    });
    const std::string waiting = "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'usher'"
                                " AND wait_event = 'SyncRep'";
    const bool blocked = waitFor(
        [&] { return m_cluster.psql(store.database(), waiting, &output) && output == "1"; }, 20'000);
    const bool terminated = m_cluster.psql(
        store.database(), "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'usher'",
        &output);
    QVERIFY(waitFor([&] { return done.load(); }, 20'000));
    committer.join();
    m_cluster.psql(store.database(), "ALTER SYSTEM RESET synchronous_standby_names", &output);
    m_cluster.psql(store.database(), "SELECT pg_reload_conf()", &output);
    QVERIFY2(blocked, "the commit never waited in COMMIT for the synchronous standby");
    QVERIFY(terminated);
    QCOMPARE(status, Status::StorageFailed);
    QVERIFY2(commitError.find("outcome is unknown") != std::string::npos, commitError.c_str());
    // The storage reconnects; the batch did reach the journal (committed locally), so a retry of the
    // same seq is refused as a duplicate rather than written twice.
    QCOMPARE(commitOne(*storage, kEvent, batch, &error), Status::InvalidArgument);
    QVERIFY2(error.find("stored already") != std::string::npos || error.find("ends at seq 1") != std::string::npos,
             error.c_str());
    QCOMPARE(store.queryInt("SELECT count(*) FROM orders"), 1);
}

QTEST_GUILESS_MAIN(TestPgStorage)
#include "TestPgStorage.moc"
