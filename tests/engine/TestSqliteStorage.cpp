#include <QFile>
#include <QTest>

// moc (Qt 6.4) cannot parse the C++20 standard headers (<compare> brings in <concepts>); it needs
// nothing from the engine to see the test slots.
#ifndef Q_MOC_RUN
#include "journal/DeltaFormat.h"
#include "ledger/CommandResult.h"
#include "storage/SqliteStorage.h"
#include "support/FaultVfs.h"
#include "support/StorageConformance.h"
#include "support/TempDir.h"
#include "support/TestEvents.h"

#include <functional>
#include <sqlite3.h>
#endif

using namespace usher;
using namespace usher::test;

namespace {

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

// 1 when `table` is a WITHOUT ROWID table, 0 when it has rowids, -1 when there is no such table.
std::int64_t withoutRowid(RawDb& db, const std::string& table)
{
    return db.queryInt("SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = '" + table + "'");
}

// Turns a database of this build back into what schema version 3 wrote: orders and tickets keyed
// (event_id, order_id) and (event_id, ticket_id), their six indexes, version 3 in meta; rowid tables
// when `rowid` (a database created before they were WITHOUT ROWID). The rows are copied as they are.
bool makeVersionThree(const std::string& path, bool rowid)
{
    RawDb db(path);
    const std::string layout = rowid ? ";" : " WITHOUT ROWID;";
    const std::string sql = R"sql(PRAGMA foreign_keys = OFF; BEGIN;
CREATE TABLE orders_v3(event_id INTEGER NOT NULL REFERENCES events(id), order_id INTEGER NOT NULL,
    hold_id INTEGER NOT NULL, seq INTEGER NOT NULL, channel INTEGER NOT NULL, actor_kind INTEGER NOT NULL,
    actor_id INTEGER NOT NULL, created_at INTEGER NOT NULL, amount INTEGER NOT NULL, refunded INTEGER NOT NULL,
    payment_ref TEXT NOT NULL, buyer_name TEXT NOT NULL, buyer_email TEXT NOT NULL, buyer_phone TEXT NOT NULL,
    PRIMARY KEY(event_id, order_id)))sql"
        + layout + R"sql(
INSERT INTO orders_v3 SELECT event_id, order_id, hold_id, seq, channel, actor_kind, actor_id, created_at, amount,
    refunded, payment_ref, buyer_name, buyer_email, buyer_phone FROM orders;
CREATE TABLE tickets_v3(event_id INTEGER NOT NULL, ticket_id INTEGER NOT NULL,
    order_id INTEGER NOT NULL, seat_id INTEGER NOT NULL, area_id INTEGER NOT NULL, price_type INTEGER NOT NULL,
    amount INTEGER NOT NULL, refunded INTEGER NOT NULL, status INTEGER NOT NULL CHECK(status IN (1, 2)),
    code TEXT NOT NULL, code_key INTEGER NOT NULL,
    PRIMARY KEY(event_id, ticket_id),
    FOREIGN KEY(event_id, order_id) REFERENCES orders(event_id, order_id) DEFERRABLE INITIALLY DEFERRED))sql"
        + layout + R"sql(
INSERT INTO tickets_v3 SELECT event_id, ticket_id, order_id, seat_id, area_id, price_type, amount, refunded, status,
    code, code_key FROM tickets;
DROP TABLE tickets; DROP TABLE orders;
ALTER TABLE orders_v3 RENAME TO orders; ALTER TABLE tickets_v3 RENAME TO tickets;
CREATE INDEX orders_by_number ON orders(order_id);
CREATE INDEX orders_by_payment_ref ON orders(payment_ref);
CREATE INDEX orders_by_buyer ON orders(lower(buyer_name)) WHERE buyer_name <> '';
CREATE INDEX tickets_by_order ON tickets(event_id, order_id);
CREATE INDEX tickets_by_seat ON tickets(event_id, seat_id);
CREATE INDEX tickets_by_code ON tickets(code_key);
UPDATE meta SET value = 3 WHERE key = 'schema_version';
COMMIT;)sql";
    if (db.exec(sql) != SQLITE_OK) {
        qWarning("downgrade to version 3 failed: %s", db.errorMessage().c_str());
        return false;
    }
    return withoutRowid(db, "orders") == (rowid ? 0 : 1) && withoutRowid(db, "tickets") == (rowid ? 0 : 1)
        && db.queryInt("SELECT count(*) FROM pragma_foreign_key_check") == 0;
}

// Turns a database of this build back into what schema version 2 wrote: version 3's orders, the
// tickets table as version 2 created it (the 26-character code UNIQUE, no code_key; a rowid table when
// `rowid`), its two indexes, version 2 in meta. The rows are copied as they are.
bool makeVersionTwo(const std::string& path, bool rowid)
{
    if (!makeVersionThree(path, rowid))
        return false;
    RawDb db(path);
    const std::string v2Tickets = std::string(R"sql(
CREATE TABLE tickets(event_id INTEGER NOT NULL, ticket_id INTEGER NOT NULL, order_id INTEGER NOT NULL,
    seat_id INTEGER NOT NULL, area_id INTEGER NOT NULL, price_type INTEGER NOT NULL, amount INTEGER NOT NULL,
    refunded INTEGER NOT NULL, status INTEGER NOT NULL CHECK(status IN (1, 2)), code TEXT NOT NULL UNIQUE,
    PRIMARY KEY(event_id, ticket_id),
    FOREIGN KEY(event_id, order_id) REFERENCES orders(event_id, order_id) DEFERRABLE INITIALLY DEFERRED))sql")
        + (rowid ? ";" : "\n    WITHOUT ROWID;");
    const std::string sql = "PRAGMA foreign_keys = OFF; BEGIN; ALTER TABLE tickets RENAME TO tickets_v3;" + v2Tickets
        + " INSERT INTO tickets SELECT event_id, ticket_id, order_id, seat_id, area_id, price_type, amount, refunded,"
          " status, code FROM tickets_v3; DROP TABLE tickets_v3;"
          " CREATE INDEX tickets_by_order ON tickets(event_id, order_id);"
          " CREATE INDEX tickets_by_seat ON tickets(event_id, seat_id);"
          " UPDATE meta SET value = 2 WHERE key = 'schema_version'; COMMIT;";
    if (db.exec(sql) != SQLITE_OK) {
        qWarning("downgrade failed: %s", db.errorMessage().c_str());
        return false;
    }
    return db.queryInt("SELECT count(*) FROM pragma_table_info('tickets') WHERE name = 'code_key'") == 0
        && db.queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_autoindex_tickets_1'") == 1
        && withoutRowid(db, "tickets") == (rowid ? 0 : 1);
}

// How a SqliteStore's fresh database comes to be: created by this build, or written by version 3
// (WITHOUT ROWID tables, or the rowid tables of before) and upgraded when opened.
enum class Origin { Created, VersionThree, VersionThreeRowid };

// The conformance suite's view of a SQLite store: a database file in a temporary directory.
class SqliteStore : public StoreUnderTest {
public:
    explicit SqliteStore(Origin origin = Origin::Created)
        : m_origin(origin)
    {
    }
    std::unique_ptr<Storage> openFresh() override
    {
        m_dir = std::make_unique<TempDir>();
        m_path = m_dir->filePath("usher.db");
        if (m_origin != Origin::Created) {
            const bool created = openStorage(m_path) != nullptr; // creates the schema and closes again
            if (!created || !makeVersionThree(m_path, m_origin == Origin::VersionThreeRowid))
                return nullptr;
        }
        return openStorage(m_path);
    }
    std::unique_ptr<Storage> reopen() override { return openStorage(m_path); }
    const std::string& path() const { return m_path; }
    std::int64_t queryInt(const std::string& sql) override { return RawDb(m_path).queryInt(sql); }
    bool setBlob(const std::string& table, const std::string& column, const std::string& where,
                 const std::vector<std::uint8_t>& bytes) override
    {
        const std::string sql
            = "UPDATE " + table + " SET " + column + " = ?1" + (where.empty() ? std::string() : " WHERE " + where);
        return RawDb(m_path).execWithBlob(sql, bytes) == SQLITE_OK;
    }

private:
    const Origin m_origin;
    std::unique_ptr<TempDir> m_dir;
    std::string m_path;
};

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
    void orderSearches();
    void upgradedVersionThreeConforms_data();
    void upgradedVersionThreeConforms();
    void olderDatabaseIsUpgraded_data();
    void olderDatabaseIsUpgraded();
    void statementsSearchByKey();
    void upgradeWithACorruptCodeChangesNothing();
    void codeLookupComparesTheWholeCode();
    void pageCacheGrowsAfterASpill();
    void bigGroupCommitRoundTrips();
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
        QCOMPARE(db.queryInt("SELECT value FROM meta WHERE key = 'schema_version'"), 4);
        for (const char* table :
             { "events", "journal", "snapshots", "orders", "tickets", "outbox", "outbox_cursor", "ticket_codes" })
            QVERIFY2(db.queryInt(std::string("SELECT count(*) FROM sqlite_schema WHERE name = '") + table + "'") == 1,
                     table);
        // Version 4: the keys lead with the order; no index by order number or tickets by order.
        QCOMPARE(
            db.queryInt("SELECT count(*) FROM sqlite_schema WHERE name IN ('tickets_by_order', 'orders_by_number')"),
            0);
        QVERIFY(
            db.queryText("SELECT sql FROM sqlite_schema WHERE name = 'orders'").find("PRIMARY KEY(order_id, event_id)")
            != std::string::npos);
        QVERIFY(db.queryText("SELECT sql FROM sqlite_schema WHERE name = 'tickets'")
                    .find("PRIMARY KEY(order_id, event_id, ticket_id)")
                != std::string::npos);
        // Version 3: the codes are found through a 64-bit key; the text is no index key.
        QCOMPARE(db.queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'tickets_by_code'"), 1);
        QCOMPARE(db.queryInt("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'sqlite_autoindex_tickets%'"), 0);
        QCOMPARE(withoutRowid(db, "orders"), 1); // the key is the table: one B-tree fewer per row
        QCOMPARE(withoutRowid(db, "tickets"), 1);
        QCOMPARE(withoutRowid(db, "journal"), 0);
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
        const std::string newer = std::to_string(SqliteStorage::kSchemaVersion + 1);
        QCOMPARE(db.exec("UPDATE meta SET value = " + newer + " WHERE key = 'schema_version'"), SQLITE_OK);
    }
    SqliteStorageOptions options;
    options.path = path;
    std::string error;
    QVERIFY(SqliteStorage::open(options, &error) == nullptr);
    QVERIFY2(error.find("schema version " + std::to_string(SqliteStorage::kSchemaVersion + 1)) != std::string::npos,
             error.c_str());
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
    SqliteStore store;
    conformance::eventsRoundTrip(store);
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
    SqliteStore store;
    conformance::journalRoundTrip(store);
}

void TestSqliteStorage::journalFromSeqFilters()
{
    SqliteStore store;
    conformance::journalFromSeqFilters(store);
}

void TestSqliteStorage::journalVisitorStopsEarly()
{
    SqliteStore store;
    conformance::journalVisitorStopsEarly(store);
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
    SqliteStore store;
    conformance::commitRefusesInvalidBatches(store);
}

void TestSqliteStorage::commitRefusesSeqGapsAndDuplicates()
{
    SqliteStore store;
    conformance::commitRefusesSeqGapsAndDuplicates(store);
}

void TestSqliteStorage::commitForUnknownEventFails()
{
    SqliteStore store;
    conformance::commitForUnknownEventFails(store);
}

// --- orders and tickets ---------------------------------------------------------------------

void TestSqliteStorage::ordersAndTicketsAreProjected()
{
    SqliteStore store;
    conformance::ordersAndTicketsAreProjected(store);
}

void TestSqliteStorage::refundsAndExchangesUpdateTickets()
{
    SqliteStore store;
    conformance::refundsAndExchangesUpdateTickets(store);
}

void TestSqliteStorage::rejectedRecordsProjectNothing()
{
    SqliteStore store;
    conformance::rejectedRecordsProjectNothing(store);
}

// --- outbox and snapshots -------------------------------------------------------------------

void TestSqliteStorage::outboxRowsAndCursor()
{
    SqliteStore store;
    conformance::outboxRowsAndCursor(store);
}

void TestSqliteStorage::snapshotUpsertKeepsTheNewest()
{
    SqliteStore store;
    conformance::snapshotUpsertKeepsTheNewest(store);
}

void TestSqliteStorage::snapshotCrcIsChecked()
{
    SqliteStore store;
    conformance::snapshotCrcIsChecked(store);
}

// --- transactions and failures --------------------------------------------------------------

void TestSqliteStorage::multiItemCommitIsAtomic()
{
    SqliteStore store;
    conformance::multiItemCommitIsAtomic(store);
    if (!QTest::currentTestFailed())
        QCOMPARE(integrityCheck(store.path()), std::string("ok"));
}

void TestSqliteStorage::orderSearches()
{
    SqliteStore store;
    conformance::orderSearches(store);
}

// A database written by version 3 (WITHOUT ROWID tables, or the rowid tables of before) is upgraded
// when opened and then does what a new one does.
void TestSqliteStorage::upgradedVersionThreeConforms_data()
{
    QTest::addColumn<bool>("rowidTables");
    QTest::newRow("without rowid") << false;
    QTest::newRow("rowid tables") << true;
}

void TestSqliteStorage::upgradedVersionThreeConforms()
{
    QFETCH(bool, rowidTables);
    const Origin origin = rowidTables ? Origin::VersionThreeRowid : Origin::VersionThree;
    const std::function<void(StoreUnderTest&)> checks[] = {
        conformance::ordersAndTicketsAreProjected,  conformance::refundsAndExchangesUpdateTickets,
        conformance::rejectedRecordsProjectNothing, conformance::orderSearches,
        conformance::multiItemCommitIsAtomic,
    };
    for (const auto& check : checks) {
        SqliteStore store(origin);
        check(store);
        if (QTest::currentTestFailed())
            return;
        RawDb db(store.path());
        QCOMPARE(db.queryInt("SELECT value FROM meta WHERE key = 'schema_version'"), 4);
        QCOMPARE(withoutRowid(db, "orders"), 1);
        QCOMPARE(withoutRowid(db, "tickets"), 1);
        QCOMPARE(db.queryText("PRAGMA integrity_check"), std::string("ok"));
    }
}

void TestSqliteStorage::olderDatabaseIsUpgraded_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<bool>("rowidTables");
    QTest::newRow("version 2, without rowid") << 2 << false;
    QTest::newRow("version 2, rowid tables") << 2 << true;
    QTest::newRow("version 3, without rowid") << 3 << false;
    QTest::newRow("version 3, rowid tables") << 3 << true;
}

// A version 2 database (the code's text in a UNIQUE index) or a version 3 one (keys leading with the
// event) with orders in two events, tickets, a refund and a code retired by an exchange is opened by
// this build: orders and tickets are copied into the version 4 layout, every lookup (by order, number,
// buyer, payment reference, seat, current and retired code) finds what it found before, and commits go on.
void TestSqliteStorage::olderDatabaseIsUpgraded()
{
    QFETCH(int, version);
    QFETCH(bool, rowidTables);
    constexpr OrderId orders = 40;
    SqliteStore store;
    std::string error;
    {
        auto storage = store.openFreshWithEvents();
        QVERIFY(storage != nullptr);
        for (OrderId order = 1; order <= orders; ++order)
            QCOMPARE(commitOne(*storage, kEvent, confirmBatch(kEvent, order, order, SeatId(order)), &error),
                     Status::Ok);
        const JournalBatch exchange
            = makeTestBatch(kEvent,
                            { makeTestRecord(orders + 1, CommandKind::Exchange, 9001,
                                             { ticketExchangedEvent(kEvent, 2, 3, 2, 60, 1) }) });
        QCOMPARE(commitOne(*storage, kEvent, exchange, &error), Status::Ok);
        const JournalBatch refund = makeTestBatch(
            kEvent, { makeTestRecord(orders + 2, CommandKind::Refund, 9002, { seatRefundedEvent(5, 5, 9, 5000) }) });
        QCOMPARE(commitOne(*storage, kEvent, refund, &error), Status::Ok);
        // Order 1 of the other event: one number, two orders.
        QCOMPARE(commitOne(*storage, kOtherEvent, confirmBatch(kOtherEvent, 1, 1, 2), &error), Status::Ok);
    }
    QVERIFY(version == 2 ? makeVersionTwo(store.path(), rowidTables) : makeVersionThree(store.path(), rowidTables));
    QCOMPARE(integrityCheck(store.path()), std::string("ok"));

    auto storage = store.reopen();
    QVERIFY(storage != nullptr);
    {
        RawDb db(store.path());
        QCOMPARE(db.queryInt("SELECT value FROM meta WHERE key = 'schema_version'"), 4);
        QCOMPARE(db.queryInt("SELECT count(*) FROM orders"), std::int64_t(orders + 1));
        QCOMPARE(db.queryInt("SELECT count(*) FROM tickets"), std::int64_t(2 * orders + 2));
        QCOMPARE(db.queryText("SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_schema WHERE type = 'index'"
                              " AND tbl_name IN ('orders', 'tickets') ORDER BY name)"),
                 std::string("orders_by_buyer orders_by_payment_ref tickets_by_code tickets_by_seat"));
        QCOMPARE(db.queryInt("SELECT count(*) FROM sqlite_schema WHERE name LIKE '%_v3' OR name LIKE '%_v4'"), 0);
        QCOMPARE(withoutRowid(db, "tickets"), 1); // copied into the new layout
        QCOMPARE(withoutRowid(db, "orders"), 1);
        QCOMPARE(db.queryText("PRAGMA integrity_check"), std::string("ok"));
        QCOMPARE(db.queryInt("PRAGMA foreign_key_check"), -1); // no row: no violation
        QCOMPARE(db.queryInt("SELECT refunded FROM orders WHERE order_id = 5 AND event_id = 1"), 5000);
    }
    StoredTicket ticket;
    for (TicketId id = 1; id <= 2 * orders; ++id) {
        const std::string code = ticketCodeText(makeTestTicketCode(kEvent, id, id == 3 ? 1 : 0));
        QVERIFY2(storage->findTicketByCode(code, &ticket, &error) == Status::Ok, error.c_str());
        QCOMPARE(ticket.ticket, id);
        QCOMPARE(ticket.order, OrderId((id + 1) / 2));
        QCOMPARE(ticket.code, code);
        QVERIFY(ticket.codeState == TicketCodeState::Current);
        QVERIFY(ticket.status == (id == 9 ? TicketStatus::Refunded : TicketStatus::Valid));
    }
    QCOMPARE(storage->findTicketByCode(ticketCodeText(makeTestTicketCode(kEvent, 3)), &ticket, &error),
             Status::TicketNotValid);
    QVERIFY(ticket.codeState == TicketCodeState::Exchanged);
    QCOMPARE(ticket.seat, SeatId(60));
    QCOMPARE(ticket.order, OrderId(2));
    StoredOrder order;
    QCOMPARE(storage->findOrderBySeat(kEvent, 60, &order, &error), Status::Ok);
    QCOMPARE(order.order, OrderId(2));
    QCOMPARE(storage->findOrderBySeat(kEvent, 2, &order, &error), Status::OrderNotFound); // exchanged away
    QCOMPARE(storage->findOrderBySeat(kEvent, 5, &order, &error), Status::OrderNotFound); // refunded
    QCOMPARE(storage->findOrderBySeat(kOtherEvent, 2, &order, &error), Status::Ok);
    QCOMPARE(order.event, kOtherEvent);
    QCOMPARE(storage->findOrder(kEvent, 7, &order, &error), Status::Ok);
    QCOMPARE(order.tickets.size(), std::size_t(2));
    QCOMPARE(order.tickets[0].ticket, TicketId(13));
    QCOMPARE(order.tickets[1].ticket, TicketId(14));
    std::vector<StoredOrder> found;
    QCOMPARE(storage->findOrdersByNumber(0, 1, 10, &found, &error), Status::Ok);
    QCOMPARE(found.size(), std::size_t(2));
    QCOMPARE(found[0].event, kEvent);
    QCOMPARE(found[1].event, kOtherEvent);
    QCOMPARE(storage->findOrdersByBuyer(kEvent, "ADA", NameMatch::Prefix, 5, &found, &error), Status::Ok);
    QCOMPARE(found.size(), std::size_t(5));
    QCOMPARE(found[4].order, OrderId(5));
    QCOMPARE(storage->findOrdersByBuyer(0, "d", NameMatch::Contains, 100, &found, &error), Status::Ok);
    QCOMPARE(found.size(), std::size_t(orders + 1));
    QCOMPARE(found.back().event, kOtherEvent);
    QCOMPARE(storage->findOrdersByPaymentRef(kEvent, "pay", 100, &found, &error), Status::Ok);
    QCOMPARE(found.size(), std::size_t(orders));

    // Commits go on in the new layout.
    QCOMPARE(commitOne(*storage, kEvent, confirmBatch(kEvent, orders + 3, orders + 1, 70), &error), Status::Ok);
    const std::string newCode = ticketCodeText(makeTestTicketCode(kEvent, 2 * orders + 1));
    QCOMPARE(storage->findTicketByCode(newCode, &ticket, &error), Status::Ok);
    QCOMPARE(ticket.order, orders + 1);
    storage.reset();
    storage = store.reopen(); // version 4 now: opened as it is
    QVERIFY(storage != nullptr);
    QCOMPARE(storage->findTicketByCode(newCode, &ticket, &error), Status::Ok);
    QCOMPARE(store.queryInt("SELECT value FROM meta WHERE key = 'schema_version'"), 4);
}

// Every statement that reads or changes orders or tickets finds its rows through a key: SQLite's
// plan searches (never scans) those tables, but for the one search that cannot use an index (a
// buyer name containing a text). Checked on a new database and on one upgraded from version 3.
void TestSqliteStorage::statementsSearchByKey()
{
    for (const Origin origin : { Origin::Created, Origin::VersionThreeRowid }) {
        SqliteStore store(origin);
        auto storage = store.openFreshWithEvents();
        QVERIFY(storage != nullptr);
        const auto plans = static_cast<SqliteStorage&>(*storage).queryPlans();
        QVERIFY(plans.size() > 30);
        int checked = 0;
        for (const auto& [sql, plan] : plans) {
            const bool touches = sql.find(" orders") != std::string::npos || sql.find(" tickets") != std::string::npos;
            if (!touches)
                continue;
            ++checked;
            const std::string what = sql + "\n" + plan;
            QVERIFY2(plan.find("cannot explain") == std::string::npos, what.c_str());
            if (sql.find("instr(lower(buyer_name)") != std::string::npos) {
                QVERIFY2(plan.find("SCAN orders") != std::string::npos, what.c_str());
                continue;
            }
            QVERIFY2(plan.find("SCAN orders") == std::string::npos, what.c_str());
            QVERIFY2(plan.find("SCAN tickets") == std::string::npos, what.c_str());
            if (sql.find("SELECT") == 0 || sql.find("UPDATE") == 0)
                QVERIFY2(plan.find("SEARCH") != std::string::npos, what.c_str());
        }
        QVERIFY(checked >= 15);
        // The keys that matter: an order's tickets come by its key, a seat by its index.
        const auto planOf = [&plans](const char* start) {
            for (const auto& [sql, plan] : plans)
                if (sql.find(start) != std::string::npos)
                    return plan;
            return std::string("no such statement");
        };
        const std::string byOrder = planOf("WHERE order_id = ?2 AND event_id = ?1 ORDER BY ticket_id");
        const std::string bySeat = planOf("AND seat_id = ?2 AND status = 1");
        const std::string byCode = planOf("WHERE code_key = ?1");
        QVERIFY2(byOrder.find("PRIMARY KEY") != std::string::npos, byOrder.c_str());
        QVERIFY2(byOrder.find("TEMP B-TREE") == std::string::npos, byOrder.c_str()); // no sort
        QVERIFY2(bySeat.find("tickets_by_seat") != std::string::npos, bySeat.c_str());
        QVERIFY2(byCode.find("tickets_by_code") != std::string::npos, byCode.c_str());
    }
}

// A stored code that is not a ticket code fails the upgrade with a clear error; the database stays
// at version 2, untouched, and opens once the row is repaired.
void TestSqliteStorage::upgradeWithACorruptCodeChangesNothing()
{
    SqliteStore store;
    std::string error;
    {
        auto storage = store.openFreshWithEvents();
        QVERIFY(storage != nullptr);
        QCOMPARE(commitOne(*storage, kEvent, confirmBatch(kEvent, 1, 1, 11), &error), Status::Ok);
    }
    QVERIFY(makeVersionTwo(store.path(), false));
    const std::string good = ticketCodeText(makeTestTicketCode(kEvent, 1));
    {
        RawDb db(store.path());
        QCOMPARE(db.exec("UPDATE tickets SET code = 'NOT-A-CODE' WHERE ticket_id = 1"), SQLITE_OK);
    }
    SqliteStorageOptions options;
    options.path = store.path();
    QVERIFY(SqliteStorage::open(options, &error) == nullptr);
    QVERIFY2(error.find("version 3") != std::string::npos, error.c_str());
    QVERIFY2(error.find("not a ticket code") != std::string::npos, error.c_str());
    {
        RawDb db(store.path());
        QCOMPARE(db.queryInt("SELECT value FROM meta WHERE key = 'schema_version'"), 2);
        QCOMPARE(db.queryInt("SELECT count(*) FROM tickets"), 2);
        QCOMPARE(db.queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'tickets_v3'"), 0);
        QCOMPARE(db.exec("UPDATE tickets SET code = '" + good + "' WHERE ticket_id = 1"), SQLITE_OK);
    }
    auto storage = store.reopen();
    QVERIFY(storage != nullptr);
    StoredTicket ticket;
    QCOMPARE(storage->findTicketByCode(good, &ticket, &error), Status::Ok);
    QCOMPARE(ticket.ticket, TicketId(1));
}

// The index holds a key of 64 bits; the text decides: another case is not the code (as before), and
// two tickets with one code (the index no longer refuses them) are reported, not one picked.
void TestSqliteStorage::codeLookupComparesTheWholeCode()
{
    SqliteStore store;
    auto storage = store.openFreshWithEvents();
    QVERIFY(storage != nullptr);
    // Codes with letters in them, as the ledger's are (the test codes are mostly digits).
    JournalEvent first = seatConfirmedEvent(kEvent, 11, 1, 1, 0, 5000);
    JournalEvent second = seatConfirmedEvent(kEvent, 12, 1, 2, 0, 2500);
    first.code = { 0x5a, 0xc3, 0x7e, 0x11, 0xf0, 0x9b, 0x2d, 0x64, 0xa8, 0x3f, 0xe2, 0x47, 0xbb, 0x06, 0xd9, 0x71 };
    second.code = first.code;
    second.code[15] ^= 1;
    const JournalBatch sale
        = makeTestBatch(kEvent,
                        { makeTestRecord(1, CommandKind::Confirm, 5001,
                                         { orderCreatedEvent(1, 1, 7500, "pay", "Ada", "", ""), first, second }) });
    std::string error;
    QCOMPARE(commitOne(*storage, kEvent, sale, &error), Status::Ok);
    const std::string code = ticketCodeText(first.code);
    StoredTicket ticket;
    QCOMPARE(storage->findTicketByCode(code, &ticket, &error), Status::Ok);
    std::string lower = code;
    for (char& c : lower)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    QVERIFY(lower != code);
    QCOMPARE(storage->findTicketByCode(lower, &ticket, &error), Status::TicketNotFound);
    QCOMPARE(storage->findTicketByCode(code.substr(1), &ticket, &error), Status::TicketNotFound);
    {
        RawDb db(store.path());
        QCOMPARE(db.queryInt("SELECT count(*) FROM tickets WHERE code_key = (SELECT code_key FROM tickets"
                             " WHERE ticket_id = 1)"),
                 1);
        QCOMPARE(db.exec("UPDATE tickets SET code = (SELECT code FROM tickets WHERE ticket_id = 1), code_key ="
                         " (SELECT code_key FROM tickets WHERE ticket_id = 1) WHERE ticket_id = 2"),
                 SQLITE_OK);
    }
    QCOMPARE(storage->findTicketByCode(code, &ticket, &error), Status::StorageFailed);
    QVERIFY2(error.find("two tickets") != std::string::npos, error.c_str());
}

// A commit whose dirty pages do not fit in the page cache grows it (up to cacheKiBMax); commits that
// fit leave it as it is.
void TestSqliteStorage::pageCacheGrowsAfterASpill()
{
    TempDir dir;
    SqliteStorageOptions options;
    options.path = dir.filePath("usher.db");
    options.cacheKiB = 256; // 64 pages
    options.cacheKiBMax = 2048;
    std::string error;
    auto storage = SqliteStorage::open(options, &error);
    QVERIFY2(storage != nullptr, error.c_str());
    QCOMPARE(storage->createEvent(makeTestEvent(kEvent), &error), Status::Ok);
    QCOMPARE(commitOne(*storage, kEvent, confirmBatch(kEvent, 1, 1, 1), &error), Status::Ok);
    QCOMPARE(storage->cacheKiB(), 256); // a small commit fits

    std::vector<JournalBatch> batches;
    for (OrderId order = 2; order <= 2001; ++order)
        batches.push_back(confirmBatch(kEvent, order, order, SeatId(order % 100 + 1)));
    std::vector<CommitItem> items;
    for (const JournalBatch& batch : batches)
        items.push_back(item(kEvent, &batch));
    QCOMPARE(storage->commit(items, &error), Status::Ok);
    QVERIFY2(storage->cacheKiB() > 256, std::to_string(storage->cacheKiB()).c_str());
    for (int i = 0; i < 8; ++i) {
        batches.clear();
        items.clear();
        const OrderId first = 2002 + OrderId(i) * 2000;
        for (OrderId order = first; order < first + 2000; ++order)
            batches.push_back(confirmBatch(kEvent, order, order, SeatId(order % 100 + 1)));
        for (const JournalBatch& batch : batches)
            items.push_back(item(kEvent, &batch));
        QCOMPARE(storage->commit(items, &error), Status::Ok);
    }
    QCOMPARE(storage->cacheKiB(), 2048); // never beyond the maximum
    StoredOrder order;
    QCOMPARE(storage->findOrder(kEvent, 17001, &order, &error), Status::Ok);
    QCOMPARE(integrityCheck(options.path), std::string("ok"));
}

void TestSqliteStorage::bigGroupCommitRoundTrips()
{
    SqliteStore store;
    conformance::bigGroupCommitRoundTrips(store);
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
