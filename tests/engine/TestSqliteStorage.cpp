#include <QFile>
#include <QTest>

// moc (Qt 6.4) cannot parse the C++20 standard headers (<compare> brings in <concepts>); it needs
// nothing from the engine to see the test slots.
#ifndef Q_MOC_RUN
#include "journal/DeltaFormat.h"
#include "ledger/CommandResult.h"
#include "storage/SqliteStorage.h"
#include "support/FaultVfs.h"
#include "support/TempDir.h"
#include "support/TestEvents.h"

#include <functional>
#include <sqlite3.h>
#endif

using namespace usher;
using namespace usher::test;

namespace {

constexpr EventId kEvent = 1;
constexpr EventId kOtherEvent = 2;

// A second, plain connection (default VFS) for looking at and tampering with the file.
class RawDb {
public:
    explicit RawDb(const std::string& path)
    {
        const int rc = sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE, nullptr);
        if (rc != SQLITE_OK)
            qFatal("cannot open %s: %s", path.c_str(), sqlite3_errstr(rc));
        sqlite3_busy_timeout(m_db, 2000);
    }
    ~RawDb() { sqlite3_close_v2(m_db); }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;

    int exec(const std::string& sql) { return sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, nullptr); }
    std::string errorMessage() const { return sqlite3_errmsg(m_db); }
    std::int64_t queryInt(const std::string& sql)
    {
        std::int64_t value = -1;
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
            value = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
        return value;
    }
    std::string queryText(const std::string& sql)
    {
        std::string value;
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK
            && sqlite3_step(stmt) == SQLITE_ROW) {
            const unsigned char* text = sqlite3_column_text(stmt, 0);
            value = text == nullptr ? std::string() : reinterpret_cast<const char*>(text);
        }
        sqlite3_finalize(stmt);
        return value;
    }
    // Runs `sql` with one blob parameter.
    int execWithBlob(const std::string& sql, const std::vector<std::uint8_t>& blob)
    {
        sqlite3_stmt* stmt = nullptr;
        int rc = sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr);
        if (rc == SQLITE_OK)
            rc = blob.empty() ? sqlite3_bind_zeroblob(stmt, 1, 0) // a null pointer would bind NULL
                              : sqlite3_bind_blob(stmt, 1, blob.data(), int(blob.size()), SQLITE_TRANSIENT);
        if (rc == SQLITE_OK)
            rc = sqlite3_step(stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(m_db);
        sqlite3_finalize(stmt);
        return rc;
    }
    std::vector<std::uint8_t> queryBlob(const std::string& sql)
    {
        std::vector<std::uint8_t> value;
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK
            && sqlite3_step(stmt) == SQLITE_ROW) {
            const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt, 0));
            value.assign(data, data + sqlite3_column_bytes(stmt, 0));
        }
        sqlite3_finalize(stmt);
        return value;
    }

private:
    sqlite3* m_db = nullptr;
};

std::string integrityCheck(const std::string& path)
{
    RawDb db(path);
    return db.queryText("PRAGMA integrity_check");
}

std::unique_ptr<SqliteStorage> openStorage(const std::string& path, const std::string& vfs = {},
                                           int busyTimeoutMs = 5000, int checkpointPagesMin = 1000)
{
    SqliteStorageOptions options;
    options.path = path;
    options.vfs = vfs;
    options.busyTimeoutMs = busyTimeoutMs;
    options.checkpointPagesMin = checkpointPagesMin;
    std::string error;
    auto storage = SqliteStorage::open(options, &error);
    if (storage == nullptr)
        qWarning("open failed: %s", error.c_str());
    return storage;
}

// A storage with the two test events created; null when that fails.
std::unique_ptr<SqliteStorage> openWithEvents(const std::string& path, const std::string& vfs = {},
                                              int busyTimeoutMs = 5000, int checkpointPagesMin = 1000)
{
    auto storage = openStorage(path, vfs, busyTimeoutMs, checkpointPagesMin);
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

// The commits of the fault loop: each writes a hold batch, a confirm batch (an order, tickets) and
// a snapshot in one transaction. A failed step is retried with the same seqs.
class CommitSteps {
public:
    explicit CommitSteps(Storage* storage)
        : m_storage(storage)
    {
    }
    Status commitNext(std::string* error)
    {
        const Seq seq = lastSeqOf(m_committed) + 1;
        const JournalBatch holds = holdBatch(kEvent, seq, 40);
        const JournalBatch confirm = confirmBatch(kEvent, seq + 40, m_orders + 1, SeatId(m_orders % 100 + 1));
        const auto snapshot = std::make_shared<const std::vector<std::uint8_t>>(3000, std::uint8_t(m_orders));
        const CommitItem items[] = { item(kEvent, &holds), CommitItem { kEvent, &confirm, snapshot, confirm.lastSeq, nullptr } };
        const Status status = m_storage->commit(items, error);
        if (status == Status::Ok) {
            m_committed.push_back(holds);
            m_committed.push_back(confirm);
            ++m_orders;
        }
        return status;
    }
    const std::vector<JournalBatch>& committed() const { return m_committed; }
    OrderId orders() const { return m_orders; }

private:
    Storage* m_storage;
    std::vector<JournalBatch> m_committed;
    OrderId m_orders = 0;
};

} // namespace

class TestSqliteStorage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup();

    void schemaIsCreatedAndReopened();
    void newerSchemaIsRefused();
    void foreignDatabaseIsRefused();
    void missingDirectoryFailsCleanly();
    void eventsRoundTrip();
    void corruptEventSpecIsReported();

    void journalRoundTrip();
    void journalFromSeqFilters();
    void journalVisitorStopsEarly();
    void journalGapIsDetected();
    void journalCorruptPayloadIsDetected();
    void journalCorruptFileIsDetected();
    void commitRefusesInvalidBatches();
    void commitRefusesSeqGapsAndDuplicates();
    void commitForUnknownEventFails();

    void ordersAndTicketsAreProjected();
    void refundsAndExchangesUpdateTickets();
    void rejectedRecordsProjectNothing();

    void outboxRowsAndCursor();
    void snapshotUpsertKeepsTheNewest();
    void snapshotCrcIsChecked();

    void multiItemCommitIsAtomic();
    void busyDatabaseFailsCleanly();

    void faultLoopOnce_data();
    void faultLoopOnce();
    void persistentFaultFailsEveryCommit();
    void faultsInABigTransaction();
};

void TestSqliteStorage::cleanup()
{
    FaultVfs::instance().reset();
}

// --- schema and events ----------------------------------------------------------------------

void TestSqliteStorage::schemaIsCreatedAndReopened()
{
    TempDir dir;
    const std::string path = dir.filePath("usher.db");
    {
        auto storage = openWithEvents(path);
        QVERIFY(storage != nullptr);
    }
    {
        RawDb db(path);
        QCOMPARE(db.queryText("PRAGMA journal_mode"), std::string("wal"));
        QCOMPARE(db.queryInt("SELECT value FROM meta WHERE key = 'schema_version'"), 2);
        for (const char* table :
             { "events", "journal", "snapshots", "orders", "tickets", "outbox", "outbox_cursor", "ticket_codes" })
            QVERIFY2(db.queryInt(std::string("SELECT count(*) FROM sqlite_schema WHERE name = '") + table + "'") == 1,
                     table);
        QCOMPARE(db.queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'tickets_by_order'"), 1);
        QCOMPARE(db.queryInt("SELECT published_id FROM outbox_cursor"), 0);
    }
    auto storage = openStorage(path);
    QVERIFY(storage != nullptr);
    std::vector<EventSpec> events;
    std::string error;
    QCOMPARE(storage->listEvents(&events, &error), Status::Ok);
    QCOMPARE(events.size(), std::size_t(2));
    QCOMPARE(integrityCheck(path), std::string("ok"));
}

void TestSqliteStorage::newerSchemaIsRefused()
{
    TempDir dir;
    const std::string path = dir.filePath("usher.db");
    QVERIFY(openStorage(path) != nullptr);
    {
        RawDb db(path);
        QCOMPARE(db.exec("UPDATE meta SET value = 3 WHERE key = 'schema_version'"), SQLITE_OK);
    }
    SqliteStorageOptions options;
    options.path = path;
    std::string error;
    QVERIFY(SqliteStorage::open(options, &error) == nullptr);
    QVERIFY2(error.find("schema version 3") != std::string::npos, error.c_str());
    QVERIFY2(error.find("newer") != std::string::npos, error.c_str());
}

void TestSqliteStorage::foreignDatabaseIsRefused()
{
    TempDir dir;
    const std::string path = dir.filePath("other.db");
    {
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
    }
    SqliteStorageOptions options;
    options.path = path;
    std::string error;
    QVERIFY(SqliteStorage::open(options, &error) == nullptr);
    QVERIFY2(error.find("not a Usher database") != std::string::npos, error.c_str());

    QFile garbage(QString::fromStdString(dir.filePath("garbage.db")));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(8192, 'x'));
    garbage.close();
    options.path = dir.filePath("garbage.db");
    QVERIFY(SqliteStorage::open(options, &error) == nullptr);
    QVERIFY2(!error.empty(), error.c_str());
}

void TestSqliteStorage::missingDirectoryFailsCleanly()
{
    TempDir dir;
    SqliteStorageOptions options;
    options.path = dir.filePath("no/such/dir/usher.db");
    std::string error;
    QVERIFY(SqliteStorage::open(options, &error) == nullptr);
    QVERIFY2(error.find("cannot open") != std::string::npos, error.c_str());
    options.path = dir.filePath("usher.db");
    options.vfs = "no-such-vfs";
    QVERIFY(SqliteStorage::open(options, &error) == nullptr);
    QVERIFY2(error.find("no-such-vfs") != std::string::npos, error.c_str());
}

void TestSqliteStorage::eventsRoundTrip()
{
    TempDir dir;
    auto storage = openStorage(dir.filePath("usher.db"));
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

void TestSqliteStorage::corruptEventSpecIsReported()
{
    TempDir dir;
    const std::string path = dir.filePath("usher.db");
    auto storage = openWithEvents(path);
    QVERIFY(storage != nullptr);
    {
        RawDb db(path);
        QCOMPARE(db.exec("UPDATE events SET spec_json = '{\"id\": ' WHERE id = 2"), SQLITE_OK);
    }
    std::vector<EventSpec> events;
    std::string error;
    QCOMPARE(storage->listEvents(&events, &error), Status::StorageFailed);
    QVERIFY2(error.find("event 2") != std::string::npos, error.c_str());
    QVERIFY(events.empty());
}

// --- the journal ----------------------------------------------------------------------------

void TestSqliteStorage::journalRoundTrip()
{
    TempDir dir;
    const std::string path = dir.filePath("usher.db");
    auto storage = openWithEvents(path);
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
        storage = openStorage(path);
        QVERIFY(storage != nullptr);
    }
    RawDb db(path);
    QCOMPARE(db.queryInt("SELECT count(*) FROM journal"), 4);
    QCOMPARE(db.queryInt("SELECT last_seq FROM journal WHERE event_id = 1 AND first_seq = 5"), 14);
    QCOMPARE(db.queryInt("SELECT record_count FROM journal WHERE event_id = 1 AND first_seq = 5"), 10);
}

void TestSqliteStorage::journalFromSeqFilters()
{
    TempDir dir;
    auto storage = openWithEvents(dir.filePath("usher.db"));
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

void TestSqliteStorage::journalVisitorStopsEarly()
{
    TempDir dir;
    auto storage = openWithEvents(dir.filePath("usher.db"));
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

void TestSqliteStorage::journalGapIsDetected()
{
    TempDir dir;
    const std::string path = dir.filePath("usher.db");
    auto storage = openWithEvents(path);
    QVERIFY(storage != nullptr);
    std::string error;
    for (Seq seq = 1; seq <= 7; seq += 2)
        QCOMPARE(commitOne(*storage, kEvent, holdBatch(kEvent, seq, 2), &error), Status::Ok);
    {
        RawDb db(path);
        QCOMPARE(db.exec("DELETE FROM journal WHERE event_id = 1 AND first_seq = 5"), SQLITE_OK);
    }
    int visited = 0;
    const Status status = storage->readJournal(
        kEvent, 0,
        [&](const BatchPtr&) {
            ++visited;
            return true;
        },
        &error);
    QCOMPARE(status, Status::StorageFailed);
    QVERIFY2(error.find("gap") != std::string::npos, error.c_str());
    QVERIFY2(error.find("5 to 6") != std::string::npos, error.c_str());
    QCOMPARE(visited, 2); // the batches before the gap were delivered
    // Reading from after the gap works.
    std::vector<BatchBytes> read;
    QVERIFY2(readAll(*storage, kEvent, 7, &read, &error), error.c_str());
    QCOMPARE(read.size(), std::size_t(1));
}

void TestSqliteStorage::journalCorruptPayloadIsDetected()
{
    TempDir dir;
    const std::string path = dir.filePath("usher.db");
    auto storage = openWithEvents(path);
    QVERIFY(storage != nullptr);
    std::string error;
    const JournalBatch batch = holdBatch(kEvent, 1, 4);
    QCOMPARE(commitOne(*storage, kEvent, batch, &error), Status::Ok);
    std::vector<BatchBytes> read;
    // Flip a bit of every byte in turn, through a second connection: header, record headers, events.
    for (std::size_t at = 0; at < batch.bytes->size(); ++at) {
        std::vector<std::uint8_t> bytes = *batch.bytes;
        bytes[at] ^= 0x10;
        {
            RawDb db(path);
            QCOMPARE(db.execWithBlob("UPDATE journal SET payload = ?1 WHERE event_id = 1", bytes), SQLITE_OK);
        }
        QVERIFY2(!readAll(*storage, kEvent, 0, &read, &error), qPrintable(QStringLiteral("byte %1").arg(at)));
        QVERIFY2(error.find("corrupt") != std::string::npos, error.c_str());
    }
    // Truncated and empty payloads, and a row that disagrees with its header.
    RawDb db(path);
    std::vector<std::uint8_t> truncated(batch.bytes->begin(), batch.bytes->end() - 1);
    QCOMPARE(db.execWithBlob("UPDATE journal SET payload = ?1 WHERE event_id = 1", truncated), SQLITE_OK);
    QVERIFY(!readAll(*storage, kEvent, 0, &read, &error));
    QCOMPARE(db.execWithBlob("UPDATE journal SET payload = ?1 WHERE event_id = 1", {}), SQLITE_OK);
    QVERIFY(!readAll(*storage, kEvent, 0, &read, &error));
    QCOMPARE(db.execWithBlob("UPDATE journal SET payload = ?1 WHERE event_id = 1", *batch.bytes), SQLITE_OK);
    QVERIFY2(readAll(*storage, kEvent, 0, &read, &error), error.c_str());
    QCOMPARE(db.exec("UPDATE journal SET crc = crc + 1 WHERE event_id = 1"), SQLITE_OK);
    QVERIFY(!readAll(*storage, kEvent, 0, &read, &error));
    QVERIFY2(error.find("disagrees") != std::string::npos, error.c_str());
}

void TestSqliteStorage::journalCorruptFileIsDetected()
{
    TempDir dir;
    const std::string path = dir.filePath("usher.db");
    const JournalBatch batch = holdBatch(kEvent, 1, 20);
    {
        auto storage = openWithEvents(path);
        QVERIFY(storage != nullptr);
        std::string error;
        QCOMPARE(commitOne(*storage, kEvent, batch, &error), Status::Ok);
    } // closing the last connection checkpoints the WAL into the file
    QFile file(QString::fromStdString(path));
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray content = file.readAll();
    const QByteArray magic("USJ1", 4);
    const qsizetype at = content.indexOf(magic);
    QVERIFY(at >= 0);
    QVERIFY(content.indexOf(magic, at + 1) < 0);
    content[at + 200] = char(content[at + 200] ^ 0x01); // inside the third record
    QVERIFY(file.seek(0));
    QCOMPARE(file.write(content), content.size());
    file.close();

    auto storage = openStorage(path);
    QVERIFY(storage != nullptr);
    std::vector<BatchBytes> read;
    std::string error;
    QVERIFY(!readAll(*storage, kEvent, 0, &read, &error));
    QVERIFY2(error.find("corrupt") != std::string::npos, error.c_str());
    QVERIFY(read.empty());
}

void TestSqliteStorage::commitRefusesInvalidBatches()
{
    TempDir dir;
    const std::string path = dir.filePath("usher.db");
    auto storage = openWithEvents(path);
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

    RawDb db(path);
    QCOMPARE(db.queryInt("SELECT count(*) FROM journal"), 0);
    QCOMPARE(db.queryInt("SELECT count(*) FROM outbox"), 0);
    QCOMPARE(db.queryInt("SELECT count(*) FROM snapshots"), 0);
    QCOMPARE(commitOne(*storage, kEvent, good, &error), Status::Ok);
}

void TestSqliteStorage::commitRefusesSeqGapsAndDuplicates()
{
    TempDir dir;
    const std::string path = dir.filePath("usher.db");
    auto storage = openWithEvents(path);
    QVERIFY(storage != nullptr);
    std::string error;
    QCOMPARE(commitOne(*storage, kEvent, holdBatch(kEvent, 1, 3), &error), Status::Ok);
    QCOMPARE(commitOne(*storage, kEvent, holdBatch(kEvent, 5, 1), &error), Status::InvalidArgument);
    QVERIFY2(error.find("ends at seq 3") != std::string::npos, error.c_str());
    QCOMPARE(commitOne(*storage, kEvent, holdBatch(kEvent, 1, 3), &error), Status::InvalidArgument);
    QCOMPARE(commitOne(*storage, kEvent, holdBatch(kEvent, 3, 2), &error), Status::InvalidArgument);
    QCOMPARE(commitOne(*storage, kEvent, holdBatch(kEvent, 4, 2), &error), Status::Ok);
    RawDb db(path);
    QCOMPARE(db.queryInt("SELECT count(*) FROM journal"), 2);
}

void TestSqliteStorage::commitForUnknownEventFails()
{
    TempDir dir;
    auto storage = openStorage(dir.filePath("usher.db"));
    QVERIFY(storage != nullptr);
    std::string error;
    QCOMPARE(commitOne(*storage, 42, holdBatch(42, 1, 1), &error), Status::EventNotFound);
    QVERIFY2(error.find("event 42") != std::string::npos, error.c_str());
    const CommitItem snapshotOnly[]
        = { CommitItem { 42, nullptr, std::make_shared<std::vector<std::uint8_t>>(3, 7), 1, nullptr } };
    QCOMPARE(storage->commit(snapshotOnly, &error), Status::EventNotFound);
}

// --- orders and tickets ---------------------------------------------------------------------

void TestSqliteStorage::ordersAndTicketsAreProjected()
{
    TempDir dir;
    auto storage = openWithEvents(dir.filePath("usher.db"));
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

void TestSqliteStorage::refundsAndExchangesUpdateTickets()
{
    TempDir dir;
    auto storage = openWithEvents(dir.filePath("usher.db"));
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

void TestSqliteStorage::rejectedRecordsProjectNothing()
{
    TempDir dir;
    const std::string path = dir.filePath("usher.db");
    auto storage = openWithEvents(path);
    QVERIFY(storage != nullptr);
    std::string error;
    const JournalBatch batch
        = makeTestBatch(kEvent,
                        { makeTestRecord(1, CommandKind::Confirm, 100, {}, Status::HoldExpired),
                          makeTestRecord(2, CommandKind::Refund, 101, {}, Status::OrderNotFound) });
    QCOMPARE(commitOne(*storage, kEvent, batch, &error), Status::Ok);
    RawDb db(path);
    QCOMPARE(db.queryInt("SELECT count(*) FROM orders"), 0);
    QCOMPARE(db.queryInt("SELECT count(*) FROM tickets"), 0);
    QCOMPARE(db.queryInt("SELECT count(*) FROM journal"), 1);
    QCOMPARE(db.queryInt("SELECT count(*) FROM outbox"), 1);
}

// --- outbox and snapshots -------------------------------------------------------------------

void TestSqliteStorage::outboxRowsAndCursor()
{
    TempDir dir;
    const std::string path = dir.filePath("usher.db");
    auto storage = openWithEvents(path);
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
    {
        RawDb db(path);
        QCOMPARE(db.queryInt("SELECT count(*) FROM outbox"), 1); // published rows are gone
    }
    QCOMPARE(storage->readOutbox(0, 100, &rows, &error), Status::Ok);
    QCOMPARE(rows.size(), std::size_t(1));
    QCOMPARE(rows[0].id, std::int64_t(3));

    // Ids are never reused, even after every row was deleted; the cursor survives a reopen.
    QCOMPARE(storage->markOutboxPublished(3, &error), Status::Ok);
    storage.reset();
    storage = openStorage(path);
    QVERIFY(storage != nullptr);
    QCOMPARE(commitOne(*storage, kEvent, holdBatch(kEvent, 10, 1), &error), Status::Ok);
    QCOMPARE(storage->readOutbox(0, 100, &rows, &error), Status::Ok);
    QCOMPARE(rows.size(), std::size_t(1));
    QCOMPARE(rows[0].id, std::int64_t(4));
    QCOMPARE(storage->outboxCursor(&cursor, &error), Status::Ok);
    QCOMPARE(cursor, std::int64_t(3));

    // A corrupt row is reported, not skipped.
    {
        RawDb db(path);
        QCOMPARE(db.execWithBlob("UPDATE outbox SET payload = ?1", { 1, 9, 0, 0, 0 }), SQLITE_OK);
    }
    QCOMPARE(storage->readOutbox(0, 100, &rows, &error), Status::StorageFailed);
    QVERIFY2(error.find("outbox row 4") != std::string::npos, error.c_str());
}

void TestSqliteStorage::snapshotUpsertKeepsTheNewest()
{
    TempDir dir;
    const std::string path = dir.filePath("usher.db");
    auto storage = openWithEvents(path);
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
    RawDb db(path);
    QCOMPARE(db.queryInt("SELECT count(*) FROM snapshots"), 2);
}

void TestSqliteStorage::snapshotCrcIsChecked()
{
    TempDir dir;
    const std::string path = dir.filePath("usher.db");
    auto storage = openWithEvents(path);
    QVERIFY(storage != nullptr);
    std::string error;
    const auto snapshot = std::make_shared<const std::vector<std::uint8_t>>(500, 0x5a);
    const CommitItem items[] = { CommitItem { kEvent, nullptr, snapshot, 3, nullptr } };
    QCOMPARE(storage->commit(items, &error), Status::Ok);
    {
        RawDb db(path);
        std::vector<std::uint8_t> bytes = db.queryBlob("SELECT payload FROM snapshots WHERE event_id = 1");
        QCOMPARE(bytes.size(), std::size_t(500));
        bytes[250] ^= 0x04;
        QCOMPARE(db.execWithBlob("UPDATE snapshots SET payload = ?1 WHERE event_id = 1", bytes), SQLITE_OK);
    }
    std::vector<std::uint8_t> bytes { 9 };
    Seq seq = 42;
    QCOMPARE(storage->loadSnapshot(kEvent, &bytes, &seq, &error), Status::StorageFailed);
    QVERIFY2(error.find("event 1") != std::string::npos && error.find("CRC") != std::string::npos, error.c_str());
    QCOMPARE(bytes, std::vector<std::uint8_t> { 9 }); // untouched on failure
    QCOMPARE(seq, Seq(42));
}

// --- transactions and failures --------------------------------------------------------------

void TestSqliteStorage::multiItemCommitIsAtomic()
{
    TempDir dir;
    const std::string path = dir.filePath("usher.db");
    auto storage = openWithEvents(path);
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

    // A constraint violation in the projection (ticket 1 exists) rolls back just the same.
    const JournalBatch other = holdBatch(kOtherEvent, 1, 1);
    const JournalBatch duplicateTicket = makeTestBatch(
        kEvent,
        { makeTestRecord(2, CommandKind::Confirm, 10,
                         { orderCreatedEvent(2, 2, 0, "", "", "", ""), seatConfirmedEvent(kEvent, 6, 2, 1, 0, 0) }) });
    const CommitItem second[] = { item(kOtherEvent, &other), item(kEvent, &duplicateTicket) };
    QCOMPARE(storage->commit(second, &error), Status::InvalidArgument);
    QVERIFY2(error.find("ticket insert") != std::string::npos, error.c_str());

    RawDb db(path);
    QCOMPARE(db.queryInt("SELECT count(*) FROM journal"), 1); // neither event 1's nor event 2's
    QCOMPARE(db.queryInt("SELECT count(*) FROM orders"), 1);
    QCOMPARE(db.queryInt("SELECT count(*) FROM tickets"), 2);
    QCOMPARE(db.queryInt("SELECT count(*) FROM outbox"), 1);
    QCOMPARE(db.queryInt("SELECT count(*) FROM snapshots"), 0);
    QCOMPARE(integrityCheck(path), std::string("ok"));
    // And the connection is fine.
    QCOMPARE(commitOne(*storage, kEvent, good, &error), Status::Ok);
    QCOMPARE(db.queryInt("SELECT count(*) FROM orders"), 2);
}

void TestSqliteStorage::busyDatabaseFailsCleanly()
{
    TempDir dir;
    const std::string path = dir.filePath("usher.db");
    auto storage = openWithEvents(path, {}, 50);
    QVERIFY(storage != nullptr);
    std::string error;
    {
        RawDb other(path);
        QCOMPARE(other.exec("BEGIN IMMEDIATE"), SQLITE_OK);
        QCOMPARE(commitOne(*storage, kEvent, holdBatch(kEvent, 1, 1), &error), Status::StorageFailed);
        QVERIFY2(error.find("busy") != std::string::npos, error.c_str());
        QCOMPARE(storage->markOutboxPublished(1, &error), Status::StorageFailed);
        // Readers are not blocked by a writer in WAL mode.
        std::vector<BatchBytes> read;
        QVERIFY2(readAll(*storage, kEvent, 0, &read, &error), error.c_str());
        QCOMPARE(other.exec("ROLLBACK"), SQLITE_OK);
    }
    QCOMPARE(commitOne(*storage, kEvent, holdBatch(kEvent, 1, 1), &error), Status::Ok);
}

// --- fault injection ------------------------------------------------------------------------

void TestSqliteStorage::faultLoopOnce_data()
{
    QTest::addColumn<int>("errorCode");
    QTest::addColumn<unsigned>("ops");
    QTest::addColumn<QString>("cause");
    QTest::addColumn<int>("checkpointPagesMin");
    const unsigned all = FaultVfs::Write | FaultVfs::Sync | FaultVfs::Truncate;
    QTest::newRow("full") << SQLITE_FULL << unsigned(FaultVfs::Write) << QStringLiteral("disk full") << 1000;
    QTest::newRow("ioerr") << SQLITE_IOERR_WRITE << unsigned(FaultVfs::Write) << QStringLiteral("I/O error") << 1000;
    QTest::newRow("ioerr+sync") << SQLITE_IOERR_WRITE << all << QStringLiteral("I/O error") << 1000;
    // A checkpoint after every commit: a fault in the checkpoint must not fail the commit.
    QTest::newRow("full+checkpoint") << SQLITE_FULL << all << QStringLiteral("disk full") << 1;
    QTest::newRow("ioerr+checkpoint") << SQLITE_IOERR_WRITE << all << QStringLiteral("I/O error") << 1;
}

// SQLite-style: fail the Nth write once, for N = 1, 2, ... until a commit gets through untouched.
// After every failure the file is intact, everything committed before is readable, and the very
// next commit works.
void TestSqliteStorage::faultLoopOnce()
{
    QFETCH(int, errorCode);
    QFETCH(unsigned, ops);
    QFETCH(QString, cause);
    QFETCH(int, checkpointPagesMin);
    TempDir dir;
    const std::string path = dir.filePath("usher.db");
    FaultVfs& vfs = FaultVfs::instance();
    auto storage = openWithEvents(path, vfs.name(), 5000, checkpointPagesMin);
    QVERIFY(storage != nullptr);
    std::string error;
    CommitSteps steps(storage.get());
    QCOMPARE(steps.commitNext(&error), Status::Ok);

    std::uint64_t n = 1;
    int checkpointFaults = 0;
    for (;; ++n) {
        QVERIFY2(n < 500, "a commit should need far fewer writes");
        vfs.failWritesFrom(n, false, errorCode, ops);
        const Status status = steps.commitNext(&error);
        const bool faulted = vfs.failures() > 0;
        vfs.disarm();
        if (status == Status::Ok && !faulted)
            break; // the commit needed fewer than n writes
        if (status == Status::Ok) {
            // The fault hit the checkpoint after the commit: the commit stands. The next one
            // checkpoints again (else the WAL, and with it the writes per commit, would grow with n).
            ++checkpointFaults;
        } else {
            QVERIFY(faulted);
            QCOMPARE(status, Status::StorageFailed);
            QVERIFY2(error.find(cause.toStdString()) != std::string::npos, error.c_str());
            QCOMPARE(integrityCheck(path), std::string("ok"));
        }
        const std::string mismatch = journalMismatch(*storage, steps.committed());
        QVERIFY2(mismatch.empty(), mismatch.c_str());
        QCOMPARE(steps.commitNext(&error), Status::Ok); // the next commit, with no fault, gets through
    }
    qInfo("a commit took %llu counted calls, %d faults hit a checkpoint", static_cast<unsigned long long>(n - 1),
          checkpointFaults);
    QVERIFY(n > 2);
    QCOMPARE(checkpointFaults > 0, checkpointPagesMin == 1);

    // Everything is there after a reopen through the default VFS.
    storage.reset();
    QCOMPARE(integrityCheck(path), std::string("ok"));
    storage = openStorage(path);
    QVERIFY(storage != nullptr);
    const std::string mismatch = journalMismatch(*storage, steps.committed());
    QVERIFY2(mismatch.empty(), mismatch.c_str());
    RawDb db(path);
    QCOMPARE(db.queryInt("SELECT count(*) FROM orders"), std::int64_t(steps.orders()));
    QCOMPARE(db.queryInt("SELECT count(*) FROM outbox"), std::int64_t(steps.committed().size()));
    QCOMPARE(db.queryInt("SELECT seq FROM snapshots WHERE event_id = 1"), std::int64_t(lastSeqOf(steps.committed())));
}

void TestSqliteStorage::persistentFaultFailsEveryCommit()
{
    TempDir dir;
    const std::string path = dir.filePath("usher.db");
    FaultVfs& vfs = FaultVfs::instance();
    auto storage = openWithEvents(path, vfs.name());
    QVERIFY(storage != nullptr);
    std::string error;
    std::vector<JournalBatch> committed;
    committed.push_back(holdBatch(kEvent, 1, 10));
    QCOMPARE(commitOne(*storage, kEvent, committed.back(), &error), Status::Ok);

    for (const std::uint64_t from : { std::uint64_t(1), std::uint64_t(2), std::uint64_t(5) }) {
        vfs.failWritesFrom(from, true, SQLITE_FULL, FaultVfs::Write | FaultVfs::Sync);
        for (int attempt = 0; attempt < 5; ++attempt) {
            const JournalBatch batch = confirmBatch(kEvent, lastSeqOf(committed) + 1, committed.size(), 3);
            QCOMPARE(commitOne(*storage, kEvent, batch, &error), Status::StorageFailed);
            QVERIFY2(error.find("disk full") != std::string::npos, error.c_str());
            QCOMPARE(storage->markOutboxPublished(1, &error), Status::StorageFailed);
        }
        QVERIFY(vfs.failures() >= 5);
        // Reads still work while the disk is full.
        std::string mismatch = journalMismatch(*storage, committed);
        QVERIFY2(mismatch.empty(), mismatch.c_str());
        QCOMPARE(integrityCheck(path), std::string("ok"));

        vfs.disarm();
        committed.push_back(confirmBatch(kEvent, lastSeqOf(committed) + 1, committed.size(), 3));
        QCOMPARE(commitOne(*storage, kEvent, committed.back(), &error), Status::Ok);
        mismatch = journalMismatch(*storage, committed);
        QVERIFY2(mismatch.empty(), mismatch.c_str());
    }
    QCOMPARE(storage->markOutboxPublished(1, &error), Status::Ok);
    storage.reset();
    QCOMPARE(integrityCheck(path), std::string("ok"));
}

// A transaction bigger than SQLite's page cache spills pages to the WAL before COMMIT, so faults
// hit in the middle of a statement too; and its WAL is big enough to be checkpointed right after.
void TestSqliteStorage::faultsInABigTransaction()
{
    TempDir dir;
    const std::string path = dir.filePath("usher.db");
    FaultVfs& vfs = FaultVfs::instance();
    auto storage = openWithEvents(path, vfs.name());
    QVERIFY(storage != nullptr);
    std::string error;
    std::vector<JournalBatch> committed;
    auto bigCommit = [&](JournalBatch* batch) {
        *batch = holdBatch(kEvent, lastSeqOf(committed) + 1, 5000); // about 470 KB
        const auto snapshot
            = std::make_shared<const std::vector<std::uint8_t>>(4u << 20, std::uint8_t(batch->firstSeq));
        const CommitItem items[] = { CommitItem { kEvent, batch, snapshot, batch->lastSeq, nullptr } };
        return storage->commit(items, &error);
    };
    vfs.reset();
    JournalBatch batch;
    QCOMPARE(bigCommit(&batch), Status::Ok);
    committed.push_back(batch);
    const std::uint64_t writes = vfs.writes();
    QVERIFY(writes > 2000);
    int checkpointFaults = 0;
    for (const std::uint64_t n : { std::uint64_t(1), std::uint64_t(2), writes / 3, writes / 2, writes * 9 / 10 }) {
        for (const bool persistent : { false, true }) {
            vfs.failWritesFrom(n, persistent, n % 2 ? SQLITE_FULL : SQLITE_IOERR_WRITE);
            const Status status = bigCommit(&batch);
            vfs.disarm();
            QVERIFY(vfs.failures() > 0);
            if (status == Status::Ok) { // the fault hit the checkpoint that follows a big commit
                committed.push_back(batch);
                ++checkpointFaults;
            }
            QVERIFY2(status == Status::Ok || status == Status::StorageFailed, error.c_str());
            QCOMPARE(integrityCheck(path), std::string("ok"));
            const std::string mismatch = journalMismatch(*storage, committed);
            QVERIFY2(mismatch.empty(), mismatch.c_str());
            QCOMPARE(bigCommit(&batch), Status::Ok);
            committed.push_back(batch);
        }
    }
    std::vector<std::uint8_t> snapshot;
    Seq seq = 0;
    QCOMPARE(storage->loadSnapshot(kEvent, &snapshot, &seq, &error), Status::Ok);
    QCOMPARE(seq, lastSeqOf(committed));
    QCOMPARE(snapshot.size(), std::size_t(4u << 20));
    QVERIFY(checkpointFaults > 0);
}

QTEST_GUILESS_MAIN(TestSqliteStorage)
#include "TestSqliteStorage.moc"
