#include "storage/SqliteStorage.h"

#include "core/Assert.h"
#include "event/EventSpecJson.h"
#include "journal/Crc32c.h"
#include "journal/DeltaFormat.h"
#include "ledger/CommandResult.h"
#include "storage/CommitChecks.h"

#include <QByteArray>

#include <algorithm>
#include <chrono>
#include <limits>
#include <sqlite3.h>
#include <string_view>

namespace usher {
namespace {

// SQLite keeps memory statistics by default, behind a global mutex taken on every allocation and
// free (~4 % of usherd's CPU during a sync upload, session 13). Nothing in Usher reads them
// (sqlite3_memory_used, sqlite3_status). sqlite3_config works only before SQLite initializes, hence
// during static initialization, before main(); had SQLite been initialized already, the call fails
// (SQLITE_MISUSE) and nothing changes.
[[maybe_unused]] const int kMemoryStatisticsOff = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);

// Indexed by SqliteStorage::Statement.
constexpr const char* kStatementSql[] = {
    "BEGIN IMMEDIATE",
    "COMMIT",
    "ROLLBACK",
    "INSERT INTO events(id, name, spec_json, created_at) VALUES (?1, ?2, ?3, ?4)",
    "SELECT id, spec_json FROM events ORDER BY id",
    "INSERT INTO journal(event_id, first_seq, last_seq, record_count, crc, payload) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    // The batch holding fromSeq and everything after it; both conditions use the primary key.
    "SELECT first_seq, last_seq, record_count, crc, payload FROM journal WHERE event_id = ?1"
    " AND first_seq >= coalesce((SELECT max(first_seq) FROM journal WHERE event_id = ?1 AND first_seq <= ?2), 0)"
    " AND last_seq >= ?2 ORDER BY first_seq",
    "SELECT last_seq FROM journal WHERE event_id = ?1 ORDER BY first_seq DESC LIMIT 1",
    "INSERT INTO outbox(event_id, first_seq, last_seq, payload) VALUES (?1, ?2, ?3, ?4)",
    "SELECT id, event_id, first_seq, last_seq, payload FROM outbox WHERE id > ?1 ORDER BY id LIMIT ?2",
    "UPDATE outbox_cursor SET published_id = max(published_id, ?1) WHERE only_row = 1",
    "DELETE FROM outbox WHERE id <= ?1",
    "SELECT published_id FROM outbox_cursor WHERE only_row = 1",
    "INSERT INTO snapshots(event_id, seq, crc, payload) VALUES (?1, ?2, ?3, ?4) ON CONFLICT(event_id) DO UPDATE"
    " SET seq = excluded.seq, crc = excluded.crc, payload = excluded.payload WHERE excluded.seq >= snapshots.seq",
    "SELECT seq, crc, payload FROM snapshots WHERE event_id = ?1",
    "INSERT INTO orders(event_id, order_id, hold_id, seq, channel, actor_kind, actor_id, created_at, amount, refunded,"
    " payment_ref, buyer_name, buyer_email, buyer_phone)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, ?10, ?11, ?12, ?13)",
    "UPDATE orders SET refunded = refunded + ?3 WHERE event_id = ?1 AND order_id = ?2",
    "SELECT event_id, order_id, hold_id, seq, channel, actor_kind, actor_id, created_at, amount, refunded, payment_ref,"
    " buyer_name, buyer_email, buyer_phone FROM orders WHERE event_id = ?1 AND order_id = ?2",
    "INSERT INTO tickets(event_id, ticket_id, order_id, seat_id, area_id, price_type, amount, refunded, status, code,"
    " code_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, 1, ?8, ?9)",
    "UPDATE tickets SET status = 2, refunded = refunded + ?4 WHERE event_id = ?1 AND ticket_id = ?2 AND order_id = ?3",
    // An exchange journaled before exchanges re-priced (amount kExchangeAmountAsSold) keeps the amount.
    "UPDATE tickets SET seat_id = ?4, code = ?5, code_key = ?7, amount = CASE WHEN ?6 >= 0 THEN ?6 ELSE amount END"
    " WHERE event_id = ?1 AND ticket_id = ?2 AND order_id = ?3",
    // The primary key (order_id, event_id, ticket_id) holds the order's tickets in ticket order.
    "SELECT event_id, ticket_id, order_id, seat_id, area_id, price_type, amount, refunded, status, code FROM tickets"
    " WHERE order_id = ?2 AND event_id = ?1 ORDER BY ticket_id",
    // The key finds the candidates (tickets_by_code), the text decides.
    "SELECT event_id, ticket_id, order_id, seat_id, area_id, price_type, amount, refunded, status, code FROM tickets"
    " WHERE code_key = ?1 AND code = ?2",
    // Schema version 2: retired codes, event spec updates, order search.
    "INSERT INTO ticket_codes(code, event_id, ticket_id, order_id, reason, seq) SELECT code, event_id, ticket_id,"
    " order_id, ?4, ?5 FROM tickets WHERE event_id = ?1 AND ticket_id = ?2 AND order_id = ?3",
    "UPDATE tickets SET code = ?4, code_key = ?5 WHERE event_id = ?1 AND ticket_id = ?2 AND order_id = ?3"
    " AND status = 1",
    "SELECT event_id, ticket_id, order_id, reason, seq FROM ticket_codes WHERE code = ?1",
    // A ticket by the row of a code it had: the order is part of the key (schema 4).
    "SELECT event_id, ticket_id, order_id, seat_id, area_id, price_type, amount, refunded, status, code FROM tickets"
    " WHERE event_id = ?1 AND ticket_id = ?2 AND order_id = ?3",
    "UPDATE events SET name = ?2, spec_json = ?3 WHERE id = ?1",
    "SELECT event_id, order_id FROM orders WHERE order_id = ?1 AND (?2 = 0 OR event_id = ?2)"
    " ORDER BY event_id LIMIT ?3",
    "SELECT event_id, order_id FROM orders WHERE payment_ref = ?1 AND (?2 = 0 OR event_id = ?2)"
    " ORDER BY event_id, order_id LIMIT ?3",
    // lower() folds ASCII only; the caller folds the prefix the same way. The range uses the
    // orders_by_buyer expression index (partial since version 3: its WHERE term must be here too);
    // U+10FFFF sorts after every other character.
    "SELECT event_id, order_id FROM orders WHERE lower(buyer_name) >= ?1 AND lower(buyer_name) < ?1 || char(1114111)"
    " AND buyer_name <> '' AND (?2 = 0 OR event_id = ?2) ORDER BY lower(buyer_name), event_id, order_id LIMIT ?3",
    "SELECT event_id, order_id FROM orders WHERE instr(lower(buyer_name), ?1) > 0 AND (?2 = 0 OR event_id = ?2)"
    " ORDER BY event_id, order_id LIMIT ?3",
    "SELECT order_id FROM tickets WHERE event_id = ?1 AND seat_id = ?2 AND status = 1 AND area_id = 0",
    // An exchange at another price: the order's amount follows its tickets' (the difference).
    "UPDATE orders SET amount = amount + ?3 WHERE event_id = ?1 AND order_id = ?2",
};

// Version 1 without the tickets (kTicketsTableSql). Ids and sequence numbers are unsigned in the
// engine and stored as their int64 bit pattern; none of them comes near 2^63 in practice.
// orders is a WITHOUT ROWID table (since 2026-11): the primary key is the table, so a confirmed sale
// inserts into one B-tree fewer per order, and a lookup by key reads one. A database created before
// has a rowid table with the same columns and keys; version 4 copies both kinds into its own layout.
constexpr const char* kSchemaSql = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value NOT NULL);
CREATE TABLE events(id INTEGER PRIMARY KEY, name TEXT NOT NULL, spec_json TEXT NOT NULL,
    created_at INTEGER NOT NULL);
CREATE TABLE journal(event_id INTEGER NOT NULL REFERENCES events(id), first_seq INTEGER NOT NULL,
    last_seq INTEGER NOT NULL, record_count INTEGER NOT NULL, crc INTEGER NOT NULL, payload BLOB NOT NULL,
    PRIMARY KEY(event_id, first_seq),
    CHECK(first_seq >= 1 AND record_count >= 1 AND last_seq = first_seq + record_count - 1));
CREATE TABLE snapshots(event_id INTEGER PRIMARY KEY REFERENCES events(id), seq INTEGER NOT NULL,
    crc INTEGER NOT NULL, payload BLOB NOT NULL);
CREATE TABLE orders(event_id INTEGER NOT NULL REFERENCES events(id), order_id INTEGER NOT NULL,
    hold_id INTEGER NOT NULL, seq INTEGER NOT NULL, channel INTEGER NOT NULL, actor_kind INTEGER NOT NULL,
    actor_id INTEGER NOT NULL, created_at INTEGER NOT NULL, amount INTEGER NOT NULL, refunded INTEGER NOT NULL,
    payment_ref TEXT NOT NULL, buyer_name TEXT NOT NULL, buyer_email TEXT NOT NULL, buyer_phone TEXT NOT NULL,
    PRIMARY KEY(event_id, order_id)) WITHOUT ROWID;
CREATE TABLE outbox(id INTEGER PRIMARY KEY AUTOINCREMENT, event_id INTEGER NOT NULL, first_seq INTEGER NOT NULL,
    last_seq INTEGER NOT NULL, payload BLOB NOT NULL);
CREATE TABLE outbox_cursor(only_row INTEGER PRIMARY KEY CHECK(only_row = 1), published_id INTEGER NOT NULL);
INSERT INTO outbox_cursor(only_row, published_id) VALUES (1, 0);
INSERT INTO meta(key, value) VALUES ('schema_version', 1);
)sql";

// Version 1 -> 2, also run on a new database after kSchemaSql: the codes a ticket had before an
// exchange or reissue (so that scanning one says why it stopped working), and the indexes of the
// order search.
constexpr const char* kSchemaV2Sql = R"sql(
CREATE TABLE ticket_codes(code TEXT PRIMARY KEY, event_id INTEGER NOT NULL, ticket_id INTEGER NOT NULL,
    order_id INTEGER NOT NULL, reason INTEGER NOT NULL CHECK(reason IN (1, 2)), seq INTEGER NOT NULL);
CREATE INDEX orders_by_number ON orders(order_id);
CREATE INDEX orders_by_payment_ref ON orders(payment_ref);
CREATE INDEX orders_by_buyer ON orders(lower(buyer_name));
UPDATE meta SET value = 2 WHERE key = 'schema_version';
)sql";

// Version 3: the tickets' columns after "CREATE TABLE <name>". The code's index holds code_key
// (ticketCodeKey: the code's two 64-bit halves mixed into one) instead of the 26-character text of versions 1 and 2:
// the codes are random, so at scale every ticket of a commit dirties a leaf page of that index of
// its own, and a key of 8 bytes halves the index's pages (and the WAL frames and checkpoint copies
// of each commit). The key is not unique; a lookup compares the full text too. A WITHOUT ROWID
// table: one B-tree fewer per ticket.
constexpr const char* kTicketsTableSql = R"sql((event_id INTEGER NOT NULL, ticket_id INTEGER NOT NULL,
    order_id INTEGER NOT NULL, seat_id INTEGER NOT NULL, area_id INTEGER NOT NULL, price_type INTEGER NOT NULL,
    amount INTEGER NOT NULL, refunded INTEGER NOT NULL, status INTEGER NOT NULL CHECK(status IN (1, 2)),
    code TEXT NOT NULL, code_key INTEGER NOT NULL,
    PRIMARY KEY(event_id, ticket_id),
    FOREIGN KEY(event_id, order_id) REFERENCES orders(event_id, order_id) DEFERRABLE INITIALLY DEFERRED)
    WITHOUT ROWID;
)sql";

// Version 3's indexes of the tickets, after their table; and the buyer index without the orders
// that have no buyer name (most online and synced sales; a name search needs a name): an insert
// into it fewer for those.
constexpr const char* kSchemaV3IndexesSql = R"sql(
CREATE INDEX tickets_by_order ON tickets(event_id, order_id);
CREATE INDEX tickets_by_seat ON tickets(event_id, seat_id);
CREATE INDEX tickets_by_code ON tickets(code_key);
DROP INDEX orders_by_buyer;
CREATE INDEX orders_by_buyer ON orders(lower(buyer_name)) WHERE buyer_name <> '';
UPDATE meta SET value = 3 WHERE key = 'schema_version';
)sql";

// Version 2 -> 3: the tickets are copied into a table of the new layout (SQLite cannot drop the
// UNIQUE constraint of a column), the key computed by usher_code_key() (registered for the upgrade
// only). Its old indexes go with the old table.
constexpr const char* kTicketsUpgradeSql = R"sql(
INSERT INTO tickets_v3(event_id, ticket_id, order_id, seat_id, area_id, price_type, amount, refunded, status, code,
    code_key)
SELECT event_id, ticket_id, order_id, seat_id, area_id, price_type, amount, refunded, status, code,
    usher_code_key(code) FROM tickets ORDER BY event_id, ticket_id;
DROP TABLE tickets;
ALTER TABLE tickets_v3 RENAME TO tickets;
)sql";

// Version 3 -> 4, also run on a new database after the steps above: orders and tickets keyed by the
// column that varies first. Every key of versions 1-3 led with event_id, the same in every row of an
// event, so SQLite's one-column fast compare never decided and every step of every seek compared
// records the general way (15 % of the committer's instructions). Keyed (order_id, event_id), the
// orders need no separate index of order numbers; keyed (order_id, event_id, ticket_id), the tickets
// need none by order (every statement that names a ticket names its order: ticket_codes keeps the
// order of a retired code). Two B-tree inserts fewer per sale. Ticket ids are handed out once per
// event by the ledger; the key no longer refuses one reused in another order (PostgreSQL's schema 3
// made the same choice). The seat index leads with the seat and holds seated tickets only (the one
// query by seat asks for area_id = 0). Runs with foreign keys off (checkSchema): dropping the old
// orders must not check the tickets that already reference the new table by its final name.
constexpr const char* kSchemaV4Sql = R"sql(
CREATE TABLE orders_v4(event_id INTEGER NOT NULL REFERENCES events(id), order_id INTEGER NOT NULL,
    hold_id INTEGER NOT NULL, seq INTEGER NOT NULL, channel INTEGER NOT NULL, actor_kind INTEGER NOT NULL,
    actor_id INTEGER NOT NULL, created_at INTEGER NOT NULL, amount INTEGER NOT NULL, refunded INTEGER NOT NULL,
    payment_ref TEXT NOT NULL, buyer_name TEXT NOT NULL, buyer_email TEXT NOT NULL, buyer_phone TEXT NOT NULL,
    PRIMARY KEY(order_id, event_id)) WITHOUT ROWID;
INSERT INTO orders_v4(event_id, order_id, hold_id, seq, channel, actor_kind, actor_id, created_at, amount, refunded,
    payment_ref, buyer_name, buyer_email, buyer_phone)
SELECT event_id, order_id, hold_id, seq, channel, actor_kind, actor_id, created_at, amount, refunded, payment_ref,
    buyer_name, buyer_email, buyer_phone FROM orders ORDER BY order_id, event_id;
CREATE TABLE tickets_v4(event_id INTEGER NOT NULL, ticket_id INTEGER NOT NULL,
    order_id INTEGER NOT NULL, seat_id INTEGER NOT NULL, area_id INTEGER NOT NULL, price_type INTEGER NOT NULL,
    amount INTEGER NOT NULL, refunded INTEGER NOT NULL, status INTEGER NOT NULL CHECK(status IN (1, 2)),
    code TEXT NOT NULL, code_key INTEGER NOT NULL,
    PRIMARY KEY(order_id, event_id, ticket_id),
    FOREIGN KEY(order_id, event_id) REFERENCES orders(order_id, event_id) DEFERRABLE INITIALLY DEFERRED)
    WITHOUT ROWID;
INSERT INTO tickets_v4(event_id, ticket_id, order_id, seat_id, area_id, price_type, amount, refunded, status, code,
    code_key)
SELECT event_id, ticket_id, order_id, seat_id, area_id, price_type, amount, refunded, status, code, code_key
    FROM tickets ORDER BY order_id, event_id, ticket_id;
DROP TABLE tickets;
DROP TABLE orders;
ALTER TABLE orders_v4 RENAME TO orders;
ALTER TABLE tickets_v4 RENAME TO tickets;
CREATE INDEX orders_by_payment_ref ON orders(payment_ref);
CREATE INDEX orders_by_buyer ON orders(lower(buyer_name)) WHERE buyer_name <> '';
CREATE INDEX tickets_by_seat ON tickets(seat_id, event_id) WHERE area_id = 0;
CREATE INDEX tickets_by_code ON tickets(code_key);
UPDATE meta SET value = 4 WHERE key = 'schema_version';
)sql";

// Resets a cached statement (and drops its bindings) when the scope ends.
class ResetOnExit {
public:
    explicit ResetOnExit(sqlite3_stmt* stmt)
        : m_stmt(stmt)
    {
        USHER_ASSERT(stmt != nullptr);
    }
    ~ResetOnExit()
    {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    ResetOnExit(const ResetOnExit&) = delete;
    ResetOnExit& operator=(const ResetOnExit&) = delete;

private:
    sqlite3_stmt* m_stmt;
};

// Binds parameters 1, 2, 3... in order and remembers the first failure.
class Binder {
public:
    explicit Binder(sqlite3_stmt* stmt)
        : m_stmt(stmt)
    {
    }
    Binder& i64(std::int64_t value) { return check(sqlite3_bind_int64(m_stmt, m_next++, value)); }
    Binder& u64(std::uint64_t value) { return i64(static_cast<std::int64_t>(value)); }
    Binder& text(std::string_view text)
    {
        // A null pointer would bind NULL; an empty text must stay an empty text.
        const char* data = text.empty() ? "" : text.data();
        return check(sqlite3_bind_text64(m_stmt, m_next++, data, text.size(), SQLITE_STATIC, SQLITE_UTF8));
    }
    Binder& blob(const void* data, std::size_t size)
    {
        if (size == 0)
            return check(sqlite3_bind_zeroblob(m_stmt, m_next++, 0));
        return check(sqlite3_bind_blob64(m_stmt, m_next++, data, size, SQLITE_STATIC));
    }
    int rc() const { return m_rc; }

private:
    Binder& check(int rc)
    {
        if (m_rc == SQLITE_OK)
            m_rc = rc;
        return *this;
    }

    sqlite3_stmt* m_stmt;
    int m_next = 1;
    int m_rc = SQLITE_OK;
};

const char* causeName(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_FULL: return "disk full";
    case SQLITE_IOERR: return "I/O error";
    case SQLITE_BUSY: return "database busy";
    case SQLITE_LOCKED: return "database table locked";
    case SQLITE_CORRUPT: return "database file corrupt";
    case SQLITE_NOTADB: return "not a database file";
    case SQLITE_NOMEM: return "out of memory";
    case SQLITE_READONLY: return "database read-only";
    case SQLITE_CANTOPEN: return "cannot open database file";
    case SQLITE_CONSTRAINT: return "constraint violated";
    case SQLITE_TOOBIG: return "value too big";
    case SQLITE_PERM: return "permission denied";
    default: return "SQLite error";
    }
}

std::string describeSqlite(sqlite3* db, int rc)
{
    std::string text = causeName(rc);
    text += " (";
    text += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    text += ", code " + std::to_string(rc) + ")";
    return text;
}

std::string eventText(EventId event)
{
    return "event " + std::to_string(event);
}

Status fail(Status status, std::string* error, std::string text)
{
    *error = std::move(text);
    return status;
}

std::uint64_t columnU64(sqlite3_stmt* row, int column)
{
    return static_cast<std::uint64_t>(sqlite3_column_int64(row, column));
}

std::string columnText(sqlite3_stmt* row, int column)
{
    const unsigned char* text = sqlite3_column_text(row, column);
    const int bytes = sqlite3_column_bytes(row, column);
    return text == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(text), std::size_t(bytes));
}

// A blob column as bytes; false when the column is not a blob.
bool columnBlob(sqlite3_stmt* row, int column, std::vector<std::uint8_t>* out)
{
    if (sqlite3_column_type(row, column) != SQLITE_BLOB)
        return false;
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(row, column));
    const int bytes = sqlite3_column_bytes(row, column);
    out->assign(data, data + (data == nullptr ? 0 : bytes));
    return true;
}

bool queryInt(sqlite3* db, const char* sql, std::int64_t* value, int* rc)
{
    sqlite3_stmt* stmt = nullptr;
    *rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    if (*rc != SQLITE_OK)
        return false;
    *rc = sqlite3_step(stmt);
    const bool row = *rc == SQLITE_ROW;
    if (row)
        *value = sqlite3_column_int64(stmt, 0);
    const int finalRc = sqlite3_finalize(stmt);
    if (row || *rc == SQLITE_DONE)
        *rc = finalRc;
    return row && finalRc == SQLITE_OK;
}

// The key of the tickets' code index (schema 3): the code's two 64-bit halves mixed (the low one
// times an odd constant, a bijection), so that codes that share a half (structured test codes) still
// get distinct keys. Random codes (SipHash, AES) give random keys.
std::int64_t ticketCodeKey(const TicketCode& code)
{
    std::uint64_t hi = 0;
    std::uint64_t lo = 0;
    for (std::size_t i = 0; i < 8; ++i) {
        hi = (hi << 8) | code[i];
        lo = (lo << 8) | code[8 + i];
    }
    return static_cast<std::int64_t>(hi ^ (lo * 0x9E3779B97F4A7C15u));
}

Timestamp wallClockMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::int64_t clampToInt64(std::uint64_t value)
{
    constexpr auto max = std::uint64_t(std::numeric_limits<std::int64_t>::max());
    return static_cast<std::int64_t>(std::min(value, max));
}

// usher_code_key(text): ticketCodeKey() of a stored code, for the upgrade to version 3.
void sqlCodeKey(sqlite3_context* context, int argc, sqlite3_value** argv)
{
    USHER_ASSERT(argc == 1);
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
    const auto bytes = static_cast<std::size_t>(sqlite3_value_bytes(argv[0]));
    TicketCode code {};
    if (text == nullptr || !parseTicketCode(std::string_view(text, bytes), &code)) {
        sqlite3_result_error(context, "a stored ticket code is not a ticket code", -1);
        return;
    }
    sqlite3_result_int64(context, ticketCodeKey(code));
}

// Inside the open transaction: version 2 -> 3. Takes time in proportion to the tickets (once).
std::string upgradeToVersion3(sqlite3* db)
{
    int rc = sqlite3_create_function_v2(db, "usher_code_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                        &sqlCodeKey, nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) {
        const std::string sql
            = std::string("CREATE TABLE tickets_v3") + kTicketsTableSql + kTicketsUpgradeSql + kSchemaV3IndexesSql;
        rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    }
    std::string problem
        = rc == SQLITE_OK ? std::string() : "upgrading the schema to version 3: " + describeSqlite(db, rc);
    // Unregistered again: the schema never refers to it, and no other connection has it.
    sqlite3_create_function_v2(db, "usher_code_key", 1, SQLITE_UTF8, nullptr, nullptr, nullptr, nullptr, nullptr);
    return problem;
}

// Inside the open transaction (foreign keys off): creates the tables of a new database, or checks the
// version of an existing one and upgrades it. Returns the problem, empty when the schema is usable.
std::string readOrCreateSchema(sqlite3* db)
{
    std::int64_t tables = 0;
    int rc = SQLITE_OK;
    if (!queryInt(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'", &tables, &rc))
        return "reading the schema: " + describeSqlite(db, rc);
    if (tables == 0) {
        // Version 3 as it was, then the step to 4 (on empty tables): one way to the current layout.
        const std::string sql = std::string(kSchemaSql) + "CREATE TABLE tickets" + kTicketsTableSql + kSchemaV2Sql
            + kSchemaV3IndexesSql + kSchemaV4Sql;
        rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
        return rc == SQLITE_OK ? std::string() : "creating the schema: " + describeSqlite(db, rc);
    }
    std::int64_t version = 0;
    if (!queryInt(db, "SELECT value FROM meta WHERE key = 'schema_version'", &version, &rc)) {
        // SQLITE_ERROR: no meta table; SQLITE_OK: no version row.
        if (rc != SQLITE_OK && rc != SQLITE_ERROR)
            return "reading the schema version: " + describeSqlite(db, rc);
        return "not a Usher database (no schema version)";
    }
    if (version > SqliteStorage::kSchemaVersion)
        return "the database has schema version " + std::to_string(version) + ", newer than this build of Usher ("
            + std::to_string(SqliteStorage::kSchemaVersion) + ") can read; upgrade Usher";
    if (version == 1) {
        rc = sqlite3_exec(db, kSchemaV2Sql, nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK)
            return "upgrading the schema to version 2: " + describeSqlite(db, rc);
        version = 2;
    }
    if (version == 2) {
        if (std::string problem = upgradeToVersion3(db); !problem.empty())
            return problem;
        version = 3;
    }
    if (version == 3) {
        // Copies the orders and tickets once (time in proportion to them).
        rc = sqlite3_exec(db, kSchemaV4Sql, nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK)
            return "upgrading the schema to version 4: " + describeSqlite(db, rc);
        version = 4;
    }
    if (version != SqliteStorage::kSchemaVersion)
        return "unknown schema version " + std::to_string(version);
    return std::string();
}

} // namespace

// --- connection -----------------------------------------------------------------------------

SqliteStorage::SqliteStorage(const SqliteStorageOptions& options)
    : m_options(options)
{
}

SqliteStorage::~SqliteStorage()
{
    USHER_ASSERT(m_db == nullptr || sqlite3_get_autocommit(m_db) != 0);
    disconnect();
}

std::unique_ptr<SqliteStorage> SqliteStorage::open(const SqliteStorageOptions& options, std::string* error)
{
    USHER_ASSERT(error != nullptr);
    if (options.path.empty()) {
        *error = "no database path given";
        return nullptr;
    }
    std::unique_ptr<SqliteStorage> storage(new SqliteStorage(options));
    if (!storage->connect(error))
        return nullptr;
    return storage;
}

bool SqliteStorage::connect(std::string* error)
{
    USHER_ASSERT(m_db == nullptr);
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    const char* vfs = m_options.vfs.empty() ? nullptr : m_options.vfs.c_str();
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(m_options.path.c_str(), &db, flags, vfs);
    if (rc != SQLITE_OK) {
        *error = "cannot open " + m_options.path + ": " + describeSqlite(db, rc);
        sqlite3_close_v2(db);
        return false;
    }
    m_db = db;
    if (!configure(error) || !checkSchema(error) || !prepareStatements(error)) {
        *error = m_options.path + ": " + *error;
        disconnect();
        return false;
    }
    return true;
}

void SqliteStorage::disconnect()
{
    for (sqlite3_stmt*& stmt : m_statements) {
        sqlite3_finalize(stmt);
        stmt = nullptr;
    }
    if (m_db != nullptr)
        sqlite3_close_v2(m_db); // rolls back a transaction that is still open
    m_db = nullptr;
    m_walPages = 0;
    m_cacheKiB = 0;
}

bool SqliteStorage::ensureConnected(std::string* error)
{
    if (m_db != nullptr)
        return true;
    std::string why;
    if (connect(&why))
        return true;
    *error = "storage unavailable: " + why;
    return false;
}

bool SqliteStorage::configure(std::string* error)
{
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, m_options.busyTimeoutMs);
    m_cacheKiB = std::max(m_options.cacheKiB, 64);
    const std::string pragmas = std::string("PRAGMA journal_mode = WAL; PRAGMA synchronous = ")
        + (m_options.synchronousFull ? "FULL" : "NORMAL") + "; PRAGMA foreign_keys = ON; PRAGMA cache_size = -"
        + std::to_string(m_cacheKiB) + ";";
    if (const int rc = sqlite3_exec(m_db, pragmas.c_str(), nullptr, nullptr, nullptr); rc != SQLITE_OK) {
        *error = "configuring the connection: " + describeSqlite(m_db, rc);
        return false;
    }
    // journal_mode answers with the mode it ended up in; a database that cannot do WAL says so.
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(m_db, "PRAGMA journal_mode", -1, &stmt, nullptr);
    const bool wal = rc == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW && columnText(stmt, 0) == "wal";
    sqlite3_finalize(stmt);
    std::int64_t foreignKeys = 0;
    if (!wal || !queryInt(m_db, "PRAGMA foreign_keys", &foreignKeys, &rc) || foreignKeys != 1) {
        *error = "the database cannot be put in WAL mode with foreign keys on";
        return false;
    }
    // Our own WAL hook replaces SQLite's automatic checkpoint; see checkpointIfDue().
    sqlite3_wal_hook(m_db, &SqliteStorage::onWalCommit, this);
    return true;
}

int SqliteStorage::onWalCommit(void* self, sqlite3* /*db*/, const char* /*dbName*/, int pages)
{
    static_cast<SqliteStorage*>(self)->m_walPages = pages;
    return SQLITE_OK;
}

// The upgrade to version 4 replaces tables that others reference: foreign keys are off while the schema
// is read or changed (the pragma is a no-op inside a transaction) and on again before anything else.
bool SqliteStorage::checkSchema(std::string* error)
{
    int rc = sqlite3_exec(m_db, "PRAGMA foreign_keys = OFF; BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    std::string problem = rc == SQLITE_OK ? readOrCreateSchema(m_db) : "starting: " + describeSqlite(m_db, rc);
    if (problem.empty()) {
        rc = sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK)
            problem = "committing the schema: " + describeSqlite(m_db, rc);
    }
    if (sqlite3_get_autocommit(m_db) == 0)
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    std::int64_t foreignKeys = 0;
    rc = sqlite3_exec(m_db, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
    if (problem.empty()
        && (rc != SQLITE_OK || !queryInt(m_db, "PRAGMA foreign_keys", &foreignKeys, &rc) || foreignKeys != 1))
        problem = "foreign keys cannot be turned on again";
    if (!problem.empty())
        *error = problem;
    return problem.empty();
}

bool SqliteStorage::prepareStatements(std::string* error)
{
    static_assert(std::size(kStatementSql) == StatementCount);
    for (int i = 0; i < StatementCount; ++i) {
        const int rc
            = sqlite3_prepare_v3(m_db, kStatementSql[i], -1, SQLITE_PREPARE_PERSISTENT, &m_statements[i], nullptr);
        if (rc != SQLITE_OK) {
            *error = std::string("preparing \"") + kStatementSql[i] + "\": " + describeSqlite(m_db, rc);
            return false;
        }
    }
    return true;
}

std::vector<std::pair<std::string, std::string>> SqliteStorage::queryPlans() const
{
    std::vector<std::pair<std::string, std::string>> plans;
    if (m_db == nullptr)
        return plans;
    for (const char* sql : kStatementSql) {
        std::string plan;
        sqlite3_stmt* stmt = nullptr;
        int rc = sqlite3_prepare_v2(m_db, (std::string("EXPLAIN QUERY PLAN ") + sql).c_str(), -1, &stmt, nullptr);
        while (rc == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
            plan += columnText(stmt, 3) + "\n";
        if (rc != SQLITE_OK)
            plan = "cannot explain: " + describeSqlite(m_db, rc);
        sqlite3_finalize(stmt);
        plans.emplace_back(sql, std::move(plan));
    }
    return plans;
}

sqlite3_stmt* SqliteStorage::statement(Statement which) const
{
    USHER_ASSERT(which >= 0 && which < StatementCount);
    USHER_ASSERT(m_statements[which] != nullptr);
    return m_statements[which];
}

Status SqliteStorage::sqliteFailure(const char* context, int rc, std::string* error) const
{
    USHER_ASSERT(rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE);
    return fail(Status::StorageFailed, error, std::string(context) + ": " + describeSqlite(m_db, rc));
}

// Steps a write statement to completion. A constraint violation means the data does not fit what is
// stored (InvalidArgument); anything else is the database's failure.
Status SqliteStorage::stepDone(sqlite3_stmt* stmt, const char* context, std::string* error) const
{
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE)
        return Status::Ok;
    if ((rc & 0xff) == SQLITE_CONSTRAINT)
        return fail(Status::InvalidArgument, error, std::string(context) + ": " + describeSqlite(m_db, rc));
    return sqliteFailure(context, rc, error);
}

// --- transactions ---------------------------------------------------------------------------

Status SqliteStorage::rollback(Status status, std::string* error)
{
    USHER_ASSERT(status != Status::Ok);
    if (sqlite3_get_autocommit(m_db) != 0)
        return status; // SQLite rolled back already (it does for some I/O errors)
    sqlite3_stmt* stmt = statement(Rollback);
    const int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE || sqlite3_get_autocommit(m_db) == 0) {
        *error += "; rollback failed: " + describeSqlite(m_db, rc) + "; reconnecting";
        disconnect(); // closing the connection discards the transaction
    }
    return status;
}

Status SqliteStorage::runInTransaction(const char* context, const std::function<Status(std::string*)>& body,
                                       std::string* error)
{
    USHER_ASSERT(error != nullptr);
    if (!ensureConnected(error))
        return Status::StorageFailed;
    USHER_ASSERT(sqlite3_get_autocommit(m_db) != 0);
    const std::string what(context);
    int rc = sqlite3_step(statement(Begin));
    sqlite3_reset(statement(Begin));
    if (rc != SQLITE_DONE)
        return rollback(sqliteFailure((what + ": begin").c_str(), rc, error), error);
    if (const Status status = body(error); status != Status::Ok) {
        if (error->find(what) != 0)
            *error = what + ": " + *error;
        return rollback(status, error);
    }
    sqlite3_stmt* commitStmt = statement(Commit);
    rc = sqlite3_step(commitStmt);
    sqlite3_reset(commitStmt);
    if (rc != SQLITE_DONE) {
        const Status status = (rc & 0xff) == SQLITE_CONSTRAINT ? Status::InvalidArgument : Status::StorageFailed;
        return rollback(fail(status, error, what + ": commit: " + describeSqlite(m_db, rc)), error);
    }
    USHER_ASSERT(sqlite3_get_autocommit(m_db) != 0);
    return Status::Ok;
}

// After a commit: when its dirty pages did not fit in the page cache (SQLite spilled a quarter of the
// cache or more to the WAL before the COMMIT), the cache grows to hold them next time: at least
// double, or twice the spilled pages (4 KiB each) more, up to cacheKiBMax. A few spilled pages (a
// commit of holds that just passes 2 MiB) cost less than the first touches of a larger cache. A
// failure changes nothing but the speed.
void SqliteStorage::growCacheIfSpilled()
{
    int spilled = 0;
    int highwater = 0;
    if (m_db == nullptr || sqlite3_db_status(m_db, SQLITE_DBSTATUS_CACHE_SPILL, &spilled, &highwater, 1) != SQLITE_OK
        || 4 * std::int64_t(spilled) * 4 < m_cacheKiB || m_cacheKiB >= m_options.cacheKiBMax)
        return;
    const std::int64_t wanted
        = std::max<std::int64_t>(2 * std::int64_t(m_cacheKiB), m_cacheKiB + 8 * std::int64_t(spilled));
    const int grown = int(std::min<std::int64_t>(wanted, m_options.cacheKiBMax));
    const std::string pragma = "PRAGMA cache_size = -" + std::to_string(grown);
    if (sqlite3_exec(m_db, pragma.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK)
        m_cacheKiB = grown;
}

// A passive checkpoint after the commit, so that its I/O errors cannot be mistaken for the
// commit's. A failed checkpoint loses nothing (the frames stay in the WAL) and is retried after
// the next commit.
void SqliteStorage::checkpointIfDue()
{
    if (m_db == nullptr || m_options.checkpointPagesMin <= 0 || m_walPages < m_options.checkpointPagesMin)
        return;
    if (sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr) == SQLITE_OK)
        m_walPages = 0;
}

// --- events ---------------------------------------------------------------------------------

Status SqliteStorage::createEvent(const EventSpec& spec, std::string* error)
{
    USHER_ASSERT(error != nullptr);
    if (spec.id == 0 || spec.venue == nullptr)
        return fail(Status::InvalidArgument, error, "an event needs an id and a venue");
    const QByteArray json = eventSpecToJson(spec);
    // Check the data just before writing it: a spec that does not read back would make every
    // later listEvents() fail.
    EventSpec readBack;
    std::string why;
    if (!eventSpecFromJson(json, &readBack, &why) || readBack.id != spec.id)
        return fail(Status::InvalidArgument, error, eventText(spec.id) + ": the spec does not read back: " + why);
    if (!ensureConnected(error))
        return Status::StorageFailed;
    sqlite3_stmt* stmt = statement(InsertEvent);
    ResetOnExit reset(stmt);
    Binder b(stmt);
    b.u64(spec.id).text(spec.name).text(std::string_view(json.constData(), std::size_t(json.size())));
    b.i64(wallClockMs());
    if (b.rc() != SQLITE_OK)
        return sqliteFailure("create event", b.rc(), error);
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_CONSTRAINT_PRIMARYKEY)
        return fail(Status::EventExists, error, eventText(spec.id) + " exists already");
    if (rc != SQLITE_DONE)
        return sqliteFailure("create event", rc, error);
    return Status::Ok;
}

Status SqliteStorage::listEvents(std::vector<EventSpec>* events, std::string* error)
{
    USHER_ASSERT(events != nullptr && error != nullptr);
    if (!ensureConnected(error))
        return Status::StorageFailed;
    sqlite3_stmt* stmt = statement(SelectEvents);
    ResetOnExit reset(stmt);
    std::vector<EventSpec> specs;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const EventId id = columnU64(stmt, 0);
        // The spec is parsed in SQLite's own buffer (valid until the next step): a 100,000-seat
        // venue's text is 10 MB, and two copies of it were 5,000 first touches of fresh pages.
        const auto* json = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1));
        const int jsonBytes = sqlite3_column_bytes(stmt, 1);
        EventSpec spec;
        std::string why;
        if (!eventSpecFromJson(QByteArray::fromRawData(json, json == nullptr ? 0 : jsonBytes), &spec, &why))
            return fail(Status::StorageFailed, error, "stored spec of " + eventText(id) + " is corrupt: " + why);
        if (spec.id != id)
            return fail(Status::StorageFailed, error,
                        "stored spec of " + eventText(id) + " is corrupt: it names event " + std::to_string(spec.id));
        specs.push_back(std::move(spec));
    }
    if (rc != SQLITE_DONE)
        return sqliteFailure("list events", rc, error);
    events->swap(specs);
    return Status::Ok;
}

// --- commit ---------------------------------------------------------------------------------

Status SqliteStorage::commit(std::span<const CommitItem> items, std::string* error)
{
    USHER_ASSERT(error != nullptr);
    bool anything = false;
    for (const CommitItem& item : items) {
        if (const Status status = checkCommitItem(item, error); status != Status::Ok)
            return status;
        anything = anything || (item.batch != nullptr && !item.batch->empty()) || item.snapshot != nullptr;
    }
    if (!anything)
        return Status::Ok;
    const Status status = runInTransaction(
        "commit",
        [&](std::string* bodyError) {
            for (const CommitItem& item : items) {
                if (const Status itemStatus = writeItem(item, bodyError); itemStatus != Status::Ok)
                    return itemStatus;
            }
            return Status::Ok;
        },
        error);
    if (status == Status::Ok) {
        growCacheIfSpilled();
        checkpointIfDue();
    }
    return status;
}

Status SqliteStorage::writeItem(const CommitItem& item, std::string* error)
{
    if (item.batch != nullptr && !item.batch->empty()) {
        if (const Status status = writeBatch(item.event, *item.batch, error); status != Status::Ok)
            return status;
    }
    if (item.spec != nullptr) {
        if (const Status status = writeSpec(*item.spec, error); status != Status::Ok)
            return status;
    }
    if (item.snapshot != nullptr)
        return writeSnapshot(item, error);
    return Status::Ok;
}

// A new revision of a running event's spec, in the transaction of the batch that journals it.
Status SqliteStorage::writeSpec(const EventSpec& spec, std::string* error)
{
    const QByteArray json = eventSpecToJson(spec);
    EventSpec readBack;
    std::string why;
    if (!eventSpecFromJson(json, &readBack, &why) || readBack.id != spec.id)
        return fail(Status::InvalidArgument, error, eventText(spec.id) + ": the spec does not read back: " + why);
    sqlite3_stmt* stmt = statement(UpdateEvent);
    ResetOnExit reset(stmt);
    Binder b(stmt);
    b.u64(spec.id).text(spec.name).text(std::string_view(json.constData(), std::size_t(json.size())));
    if (b.rc() != SQLITE_OK)
        return sqliteFailure("update event", b.rc(), error);
    if (const Status status = stepDone(stmt, "update event", error); status != Status::Ok)
        return status;
    if (sqlite3_changes(m_db) != 1)
        return fail(Status::EventNotFound, error, eventText(spec.id) + " is not stored");
    return Status::Ok;
}

// The journal of an event has no holes: a batch continues where the stored journal ends.
Status SqliteStorage::checkContinuity(EventId event, const JournalBatch& batch, std::string* error)
{
    sqlite3_stmt* stmt = statement(SelectJournalTail);
    ResetOnExit reset(stmt);
    if (const int rc = Binder(stmt).u64(event).rc(); rc != SQLITE_OK)
        return sqliteFailure("reading the journal's end", rc, error);
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE)
        return Status::Ok; // the first batch of the event
    if (rc != SQLITE_ROW)
        return sqliteFailure("reading the journal's end", rc, error);
    const Seq stored = columnU64(stmt, 0);
    if (batch.firstSeq != stored + 1)
        return fail(Status::InvalidArgument, error,
                    eventText(event) + ": batch starts at seq " + std::to_string(batch.firstSeq)
                        + " but the stored journal ends at seq " + std::to_string(stored));
    return Status::Ok;
}

Status SqliteStorage::writeBatch(EventId event, const JournalBatch& batch, std::string* error)
{
    if (const Status status = checkContinuity(event, batch, error); status != Status::Ok)
        return status;
    const BatchBytes& bytes = *batch.bytes;
    BatchHeader header;
    const bool decoded = decodeBatchHeader(bytes.data(), bytes.size(), &header);
    USHER_ASSERT(decoded); // checkItem verified the batch
    {
        sqlite3_stmt* stmt = statement(InsertJournal);
        ResetOnExit reset(stmt);
        Binder b(stmt);
        b.u64(event).u64(batch.firstSeq).u64(batch.lastSeq).i64(batch.records).i64(header.crc);
        b.blob(bytes.data(), bytes.size());
        if (b.rc() != SQLITE_OK)
            return sqliteFailure("journal insert", b.rc(), error);
        const int rc = sqlite3_step(stmt);
        if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
            return fail(Status::EventNotFound, error, eventText(event) + " does not exist");
        if (rc == SQLITE_CONSTRAINT_PRIMARYKEY)
            return fail(Status::InvalidArgument, error,
                        eventText(event) + ": a batch at seq " + std::to_string(batch.firstSeq) + " is stored already");
        if (rc != SQLITE_DONE)
            return sqliteFailure("journal insert", rc, error);
    }
    if (const Status status = projectBatch(event, batch, error); status != Status::Ok)
        return status;
    const std::vector<std::uint8_t> deltas = encodeDeltas(batch.seatDeltas, batch.areaDeltas);
    sqlite3_stmt* stmt = statement(InsertOutbox);
    ResetOnExit reset(stmt);
    Binder b(stmt);
    b.u64(event).u64(batch.firstSeq).u64(batch.lastSeq).blob(deltas.data(), deltas.size());
    if (b.rc() != SQLITE_OK)
        return sqliteFailure("outbox insert", b.rc(), error);
    return stepDone(stmt, "outbox insert", error);
}

Status SqliteStorage::writeSnapshot(const CommitItem& item, std::string* error)
{
    const std::vector<std::uint8_t>& bytes = *item.snapshot;
    sqlite3_stmt* stmt = statement(UpsertSnapshot);
    ResetOnExit reset(stmt);
    Binder b(stmt);
    b.u64(item.event).u64(item.snapshotSeq).i64(crc32c(bytes.data(), bytes.size())).blob(bytes.data(), bytes.size());
    if (b.rc() != SQLITE_OK)
        return sqliteFailure("snapshot write", b.rc(), error);
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        return fail(Status::EventNotFound, error, eventText(item.event) + " does not exist");
    if (rc != SQLITE_DONE)
        return sqliteFailure("snapshot write", rc, error);
    return Status::Ok;
}

// --- the orders and tickets projection --------------------------------------------------------

Status SqliteStorage::projectBatch(EventId event, const JournalBatch& batch, std::string* error)
{
    Status status = Status::Ok;
    const bool walked = forEachRecord(*batch.bytes, [&](const RecordView& record) {
        status = projectRecord(event, record, error);
        return status == Status::Ok;
    });
    if (status != Status::Ok)
        return status;
    if (!walked)
        return fail(Status::InvalidArgument, error,
                    eventText(event) + ": batch at seq " + std::to_string(batch.firstSeq) + " has a malformed record");
    return Status::Ok;
}

// Only successful Confirm, Refund, Exchange and Reissue records change orders or tickets; the others (the
// bulk: holds, releases, expiries) are skipped without decoding their events.
Status SqliteStorage::projectRecord(EventId event, const RecordView& record, std::string* error)
{
    if (record.header.status != Status::Ok || !isProjectedKind(record.header.kind))
        return Status::Ok;
    EventCursor cursor = record.events();
    JournalEvent e;
    while (cursor.next(&e)) {
        Status status = Status::Ok;
        switch (e.type) {
        case EventType::OrderCreated: status = insertOrder(event, record.header, e, error); break;
        case EventType::SeatConfirmed:
        case EventType::AreaConfirmed: status = insertTicket(event, e, error); break;
        case EventType::SeatRefunded:
        case EventType::AreaRefunded: status = refundTicket(event, e, error); break;
        case EventType::TicketExchanged:
        case EventType::TicketReissued: status = replaceTicketCode(event, record.header.seq, e, error); break;
        default: break;
        }
        if (status != Status::Ok)
            return status;
    }
    if (!cursor.ok())
        return fail(Status::InvalidArgument, error,
                    eventText(event) + ": record " + std::to_string(record.header.seq) + " has a malformed event");
    return Status::Ok;
}

Status SqliteStorage::insertOrder(EventId event, const RecordHeader& header, const JournalEvent& e, std::string* error)
{
    sqlite3_stmt* stmt = statement(InsertOrder);
    ResetOnExit reset(stmt);
    Binder b(stmt);
    b.u64(event).u64(e.order).u64(e.hold).u64(header.seq).i64(header.channel);
    b.i64(static_cast<std::int64_t>(header.actor.kind)).u64(header.actor.id).i64(header.now).i64(e.amount);
    b.text(e.text).text(e.buyerName).text(e.buyerEmail).text(e.buyerPhone);
    if (b.rc() != SQLITE_OK)
        return sqliteFailure("order insert", b.rc(), error);
    return stepDone(stmt, "order insert", error);
}

Status SqliteStorage::insertTicket(EventId event, const JournalEvent& e, std::string* error)
{
    const bool seated = e.type == EventType::SeatConfirmed;
    const std::string code = ticketCodeText(e.code);
    sqlite3_stmt* stmt = statement(InsertTicket);
    ResetOnExit reset(stmt);
    Binder b(stmt);
    b.u64(event).u64(e.ticket).u64(e.order).i64(seated ? e.seat : 0).i64(seated ? 0 : e.area);
    b.i64(e.priceType).i64(e.amount).text(code).i64(ticketCodeKey(e.code));
    if (b.rc() != SQLITE_OK)
        return sqliteFailure("ticket insert", b.rc(), error);
    return stepDone(stmt, "ticket insert", error);
}

Status SqliteStorage::refundTicket(EventId event, const JournalEvent& e, std::string* error)
{
    const std::string what
        = eventText(event) + ": refund of ticket " + std::to_string(e.ticket) + " of order " + std::to_string(e.order);
    for (const Statement which : { RefundTicket, RefundOrder }) {
        sqlite3_stmt* stmt = statement(which);
        ResetOnExit reset(stmt);
        Binder b(stmt);
        b.u64(event);
        if (which == RefundTicket)
            b.u64(e.ticket);
        b.u64(e.order).i64(e.amount);
        if (b.rc() != SQLITE_OK)
            return sqliteFailure(what.c_str(), b.rc(), error);
        if (const Status status = stepDone(stmt, what.c_str(), error); status != Status::Ok)
            return status;
        if (sqlite3_changes(m_db) != 1)
            return fail(Status::InvalidArgument, error, what + ": no such ticket or order is stored");
    }
    return Status::Ok;
}

// An exchange (new seat, new code) or a reissue (new code): the old code goes to ticket_codes
// with the reason, so that scanning it says why it no longer admits anyone.
Status SqliteStorage::replaceTicketCode(EventId event, Seq seq, const JournalEvent& e, std::string* error)
{
    const bool exchange = e.type == EventType::TicketExchanged;
    const std::string what
        = eventText(event) + (exchange ? ": exchange of ticket " : ": reissue of ticket ") + std::to_string(e.ticket);
    const std::string code = ticketCodeText(e.code);
    const auto reason = static_cast<std::int64_t>(exchange ? TicketCodeState::Exchanged : TicketCodeState::Reissued);
    for (const Statement which : { RetireTicketCode, exchange ? ExchangeTicket : ReissueTicket }) {
        sqlite3_stmt* stmt = statement(which);
        ResetOnExit reset(stmt);
        Binder b(stmt);
        b.u64(event).u64(e.ticket).u64(e.order);
        if (which == RetireTicketCode)
            b.i64(reason).u64(seq);
        else if (which == ExchangeTicket)
            b.i64(e.toSeat).text(code).i64(e.amount).i64(ticketCodeKey(e.code));
        else
            b.text(code).i64(ticketCodeKey(e.code));
        if (b.rc() != SQLITE_OK)
            return sqliteFailure(what.c_str(), b.rc(), error);
        if (const Status status = stepDone(stmt, what.c_str(), error); status != Status::Ok)
            return status;
        if (sqlite3_changes(m_db) != 1)
            return fail(Status::InvalidArgument, error, what + ": no such valid ticket is stored");
    }
    if (!exchange || e.difference == 0)
        return Status::Ok;
    sqlite3_stmt* stmt = statement(ExchangeOrder);
    ResetOnExit reset(stmt);
    Binder b(stmt);
    b.u64(event).u64(e.order).i64(e.difference);
    if (b.rc() != SQLITE_OK)
        return sqliteFailure(what.c_str(), b.rc(), error);
    if (const Status status = stepDone(stmt, what.c_str(), error); status != Status::Ok)
        return status;
    if (sqlite3_changes(m_db) != 1)
        return fail(Status::InvalidArgument, error, what + ": no such order is stored");
    return Status::Ok;
}

// --- reading back -----------------------------------------------------------------------------

Status SqliteStorage::loadSnapshot(EventId event, std::vector<std::uint8_t>* bytes, Seq* seq, std::string* error)
{
    USHER_ASSERT(bytes != nullptr && seq != nullptr && error != nullptr);
    if (!ensureConnected(error))
        return Status::StorageFailed;
    sqlite3_stmt* stmt = statement(SelectSnapshot);
    ResetOnExit reset(stmt);
    if (const int rc = Binder(stmt).u64(event).rc(); rc != SQLITE_OK)
        return sqliteFailure("load snapshot", rc, error);
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) {
        bytes->clear();
        *seq = 0;
        return Status::Ok;
    }
    if (rc != SQLITE_ROW)
        return sqliteFailure("load snapshot", rc, error);
    const Seq storedSeq = columnU64(stmt, 0);
    const auto storedCrc = columnU64(stmt, 1);
    std::vector<std::uint8_t> payload;
    if (!columnBlob(stmt, 2, &payload) || storedSeq == 0 || crc32c(payload.data(), payload.size()) != storedCrc)
        return fail(Status::StorageFailed, error, "the snapshot of " + eventText(event) + " is corrupt (CRC mismatch)");
    bytes->swap(payload);
    *seq = storedSeq;
    return Status::Ok;
}

Status SqliteStorage::readJournal(EventId event, Seq fromSeq, const std::function<bool(const BatchPtr&)>& visit,
                                  std::string* error)
{
    USHER_ASSERT(visit && error != nullptr);
    if (!ensureConnected(error))
        return Status::StorageFailed;
    sqlite3_stmt* stmt = statement(SelectJournal);
    ResetOnExit reset(stmt);
    if (const int rc = Binder(stmt).u64(event).i64(clampToInt64(fromSeq)).rc(); rc != SQLITE_OK)
        return sqliteFailure("read journal", rc, error);
    Seq previousLast = 0;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        BatchPtr batch;
        Seq lastSeq = 0;
        if (const Status status = readJournalRow(event, stmt, previousLast, &batch, &lastSeq, error);
            status != Status::Ok)
            return status;
        previousLast = lastSeq;
        if (!visit(batch))
            return Status::Ok;
    }
    if (rc != SQLITE_DONE)
        return sqliteFailure(("read journal of " + eventText(event)).c_str(), rc, error);
    return Status::Ok;
}

// Checks a journal row just after reading it: the CRC, the header against the row's columns, and
// that it continues the previous batch.
Status SqliteStorage::readJournalRow(EventId event, sqlite3_stmt* row, Seq previousLast, BatchPtr* batch, Seq* lastSeq,
                                     std::string* error)
{
    const Seq first = columnU64(row, 0);
    const Seq last = columnU64(row, 1);
    const std::uint64_t count = columnU64(row, 2);
    const std::uint64_t crc = columnU64(row, 3);
    const std::string where = "journal of " + eventText(event) + ", batch at seq " + std::to_string(first);
    auto bytes = std::make_shared<BatchBytes>();
    BatchHeader header;
    if (!columnBlob(row, 4, bytes.get()) || !verifyStoredBatch(*bytes, event, &header))
        return fail(Status::StorageFailed, error, where + ": corrupt (bad header, size or CRC)");
    if (header.firstSeq != first || header.recordCount != count || header.crc != crc || count == 0
        || last != first + count - 1)
        return fail(Status::StorageFailed, error, where + ": corrupt (the row disagrees with the batch header)");
    if (previousLast != 0 && first != previousLast + 1)
        return fail(Status::StorageFailed, error,
                    "journal of " + eventText(event) + " has a gap: seq " + std::to_string(previousLast + 1) + " to "
                        + std::to_string(first - 1) + " are missing");
    *batch = std::move(bytes);
    *lastSeq = last;
    return Status::Ok;
}

// --- the outbox -------------------------------------------------------------------------------

Status SqliteStorage::readOutbox(std::int64_t afterId, std::size_t max, std::vector<OutboxRow>* rows,
                                 std::string* error)
{
    USHER_ASSERT(rows != nullptr && error != nullptr);
    if (!ensureConnected(error))
        return Status::StorageFailed;
    sqlite3_stmt* stmt = statement(SelectOutbox);
    ResetOnExit reset(stmt);
    if (const int rc = Binder(stmt).i64(afterId).i64(clampToInt64(max)).rc(); rc != SQLITE_OK)
        return sqliteFailure("read outbox", rc, error);
    std::vector<OutboxRow> out;
    std::vector<std::uint8_t> payload;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        OutboxRow row;
        row.id = sqlite3_column_int64(stmt, 0);
        row.event = columnU64(stmt, 1);
        row.firstSeq = columnU64(stmt, 2);
        row.lastSeq = columnU64(stmt, 3);
        if (!columnBlob(stmt, 4, &payload) || !decodeDeltas(payload.data(), payload.size(), &row.seats, &row.areas))
            return fail(Status::StorageFailed, error, "outbox row " + std::to_string(row.id) + " is corrupt");
        out.push_back(std::move(row));
    }
    if (rc != SQLITE_DONE)
        return sqliteFailure("read outbox", rc, error);
    rows->swap(out);
    return Status::Ok;
}

Status SqliteStorage::markOutboxPublished(std::int64_t upToId, std::string* error)
{
    USHER_ASSERT(error != nullptr);
    if (upToId < 0)
        return fail(Status::InvalidArgument, error, "mark outbox published: negative id");
    return runInTransaction(
        "mark outbox published",
        [&](std::string* bodyError) {
            for (const Statement which : { UpdateOutboxCursor, DeleteOutbox }) {
                sqlite3_stmt* stmt = statement(which);
                ResetOnExit reset(stmt);
                if (const int rc = Binder(stmt).i64(upToId).rc(); rc != SQLITE_OK)
                    return sqliteFailure("outbox", rc, bodyError);
                if (const Status status = stepDone(stmt, "outbox", bodyError); status != Status::Ok)
                    return status;
            }
            return Status::Ok;
        },
        error);
}

Status SqliteStorage::outboxCursor(std::int64_t* id, std::string* error)
{
    USHER_ASSERT(id != nullptr && error != nullptr);
    if (!ensureConnected(error))
        return Status::StorageFailed;
    sqlite3_stmt* stmt = statement(SelectOutboxCursor);
    ResetOnExit reset(stmt);
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE)
        return fail(Status::StorageFailed, error, "the outbox cursor row is missing");
    if (rc != SQLITE_ROW)
        return sqliteFailure("outbox cursor", rc, error);
    *id = sqlite3_column_int64(stmt, 0);
    return Status::Ok;
}

// --- orders and tickets -----------------------------------------------------------------------

Status SqliteStorage::findOrder(EventId event, OrderId order, StoredOrder* out, std::string* error)
{
    USHER_ASSERT(out != nullptr && error != nullptr);
    if (!ensureConnected(error))
        return Status::StorageFailed;
    StoredOrder result;
    for (const Statement which : { SelectOrder, SelectOrderTickets }) {
        sqlite3_stmt* stmt = statement(which);
        ResetOnExit reset(stmt);
        if (const int rc = Binder(stmt).u64(event).u64(order).rc(); rc != SQLITE_OK)
            return sqliteFailure("find order", rc, error);
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            if (which == SelectOrder) {
                if (const Status status = readOrderRow(stmt, &result, error); status != Status::Ok)
                    return status;
                continue;
            }
            StoredTicket ticket;
            if (!readTicketRow(stmt, &ticket))
                return fail(Status::StorageFailed, error, "a ticket of order " + std::to_string(order) + " is corrupt");
            result.tickets.push_back(std::move(ticket));
        }
        if (rc != SQLITE_DONE)
            return sqliteFailure("find order", rc, error);
        if (which == SelectOrder && result.order == 0)
            return fail(Status::OrderNotFound, error,
                        "order " + std::to_string(order) + " of " + eventText(event) + " not found");
    }
    *out = std::move(result);
    return Status::Ok;
}

Status SqliteStorage::readOrderRow(sqlite3_stmt* row, StoredOrder* out, std::string* error)
{
    out->event = columnU64(row, 0);
    out->order = columnU64(row, 1);
    out->hold = columnU64(row, 2);
    out->seq = columnU64(row, 3);
    const std::int64_t channel = sqlite3_column_int64(row, 4);
    const std::int64_t actorKind = sqlite3_column_int64(row, 5);
    out->actor.id = columnU64(row, 6);
    out->createdAt = sqlite3_column_int64(row, 7);
    out->amount = sqlite3_column_int64(row, 8);
    out->refunded = sqlite3_column_int64(row, 9);
    out->paymentRef = columnText(row, 10);
    out->buyer.name = columnText(row, 11);
    out->buyer.email = columnText(row, 12);
    out->buyer.phone = columnText(row, 13);
    if (out->order == 0 || channel < 0 || channel > 0xffff || actorKind < 0
        || actorKind > static_cast<std::int64_t>(ActorKind::System))
        return fail(Status::StorageFailed, error, "order " + std::to_string(out->order) + " is corrupt");
    out->channel = static_cast<ChannelId>(channel);
    out->actor.kind = static_cast<ActorKind>(actorKind);
    return Status::Ok;
}

bool SqliteStorage::readTicketRow(sqlite3_stmt* row, StoredTicket* out)
{
    out->event = columnU64(row, 0);
    out->ticket = columnU64(row, 1);
    out->order = columnU64(row, 2);
    const std::int64_t seat = sqlite3_column_int64(row, 3);
    const std::int64_t area = sqlite3_column_int64(row, 4);
    const std::int64_t priceType = sqlite3_column_int64(row, 5);
    out->amount = sqlite3_column_int64(row, 6);
    out->refunded = sqlite3_column_int64(row, 7);
    const std::int64_t status = sqlite3_column_int64(row, 8);
    out->code = columnText(row, 9);
    constexpr std::int64_t idMax = std::numeric_limits<std::uint32_t>::max();
    if (seat < 0 || seat > idMax || area < 0 || area > idMax || priceType < 0 || priceType > 0xff)
        return false;
    if (status != static_cast<std::int64_t>(TicketStatus::Valid)
        && status != static_cast<std::int64_t>(TicketStatus::Refunded))
        return false;
    out->seat = static_cast<SeatId>(seat);
    out->area = static_cast<AreaId>(area);
    out->priceType = static_cast<std::uint8_t>(priceType);
    out->status = static_cast<TicketStatus>(status);
    return true;
}

Status SqliteStorage::findTicketByCode(const std::string& code, StoredTicket* out, std::string* error)
{
    USHER_ASSERT(out != nullptr && error != nullptr);
    if (!ensureConnected(error))
        return Status::StorageFailed;
    StoredTicket ticket;
    // Text that does not parse was never issued as a current code (every stored code is
    // ticketCodeText); the retired codes are looked up by their text below.
    if (TicketCode parsed {}; parseTicketCode(code, &parsed)) {
        sqlite3_stmt* stmt = statement(SelectTicketByCode);
        ResetOnExit reset(stmt);
        if (const int rc = Binder(stmt).i64(ticketCodeKey(parsed)).text(code).rc(); rc != SQLITE_OK)
            return sqliteFailure("find ticket", rc, error);
        int rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW) {
            if (!readTicketRow(stmt, &ticket))
                return fail(Status::StorageFailed, error, "the ticket with code " + code + " is corrupt");
            // Codes are unique by construction (128 random bits); the index no longer enforces it,
            // so a second ticket with the code is reported, never one of them picked.
            rc = sqlite3_step(stmt);
            if (rc == SQLITE_ROW)
                return fail(Status::StorageFailed, error, "two tickets have code " + code);
            if (rc != SQLITE_DONE)
                return sqliteFailure("find ticket", rc, error);
            *out = std::move(ticket);
            return Status::Ok;
        }
        if (rc != SQLITE_DONE)
            return sqliteFailure("find ticket", rc, error);
    }
    // Not a current code: perhaps one replaced by an exchange or a reissue.
    EventId event = 0;
    TicketId id = 0;
    OrderId order = 0;
    std::int64_t reason = 0;
    Seq seq = 0;
    {
        sqlite3_stmt* stmt = statement(SelectRetiredCode);
        ResetOnExit reset(stmt);
        if (const int rc = Binder(stmt).text(code).rc(); rc != SQLITE_OK)
            return sqliteFailure("find ticket", rc, error);
        const int rc = sqlite3_step(stmt);
        if (rc == SQLITE_DONE)
            return fail(Status::TicketNotFound, error, "no ticket has code " + code);
        if (rc != SQLITE_ROW)
            return sqliteFailure("find ticket", rc, error);
        event = columnU64(stmt, 0), id = columnU64(stmt, 1), order = columnU64(stmt, 2);
        reason = sqlite3_column_int64(stmt, 3);
        seq = columnU64(stmt, 4);
    }
    sqlite3_stmt* stmt = statement(SelectTicket);
    ResetOnExit reset(stmt);
    if (const int rc = Binder(stmt).u64(event).u64(id).u64(order).rc(); rc != SQLITE_OK)
        return sqliteFailure("find ticket", rc, error);
    const int rc = sqlite3_step(stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return sqliteFailure("find ticket", rc, error);
    const bool reissued = reason == static_cast<std::int64_t>(TicketCodeState::Reissued);
    if (rc == SQLITE_DONE || !readTicketRow(stmt, &ticket)
        || (!reissued && reason != static_cast<std::int64_t>(TicketCodeState::Exchanged)))
        return fail(Status::StorageFailed, error, "the ticket that had code " + code + " is corrupt");
    ticket.code = code;
    ticket.codeState = reissued ? TicketCodeState::Reissued : TicketCodeState::Exchanged;
    ticket.codeRetiredSeq = seq;
    *out = std::move(ticket);
    return fail(Status::TicketNotValid, error,
                "code " + code + " was replaced by " + (reissued ? "a reissue" : "an exchange") + " of ticket "
                    + std::to_string(id) + " of order " + std::to_string(out->order) + " (" + eventText(event) + ")");
}

// Runs a search that yields (event_id, order_id) rows, then loads each order with its tickets.
Status SqliteStorage::selectOrderIds(Statement which, const std::function<int(sqlite3_stmt*)>& bind, std::size_t limit,
                                     std::vector<StoredOrder>* out, std::string* error)
{
    USHER_ASSERT(out != nullptr && error != nullptr);
    if (!ensureConnected(error))
        return Status::StorageFailed;
    std::vector<std::pair<EventId, OrderId>> ids;
    {
        sqlite3_stmt* stmt = statement(which);
        ResetOnExit reset(stmt);
        if (const int rc = bind(stmt); rc != SQLITE_OK)
            return sqliteFailure("order search", rc, error);
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW && ids.size() < limit)
            ids.emplace_back(columnU64(stmt, 0), columnU64(stmt, 1));
        if (rc != SQLITE_DONE && rc != SQLITE_ROW)
            return sqliteFailure("order search", rc, error);
    }
    std::vector<StoredOrder> orders(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (const Status status = findOrder(ids[i].first, ids[i].second, &orders[i], error); status != Status::Ok)
            return status == Status::OrderNotFound ? Status::StorageFailed : status;
    *out = std::move(orders);
    return Status::Ok;
}

namespace {

std::int64_t searchLimit(std::size_t limit)
{
    return static_cast<std::int64_t>(std::min(limit, kOrderSearchLimitMax));
}

// What SQLite's lower() does: ASCII letters only.
std::string asciiLower(const std::string& text)
{
    std::string lower = text;
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return lower;
}

} // namespace

Status SqliteStorage::findOrdersByNumber(EventId event, OrderId order, std::size_t limit, std::vector<StoredOrder>* out,
                                         std::string* error)
{
    const std::int64_t max = searchLimit(limit);
    return selectOrderIds(
        SelectOrdersByNumber, [&](sqlite3_stmt* stmt) { return Binder(stmt).u64(order).u64(event).i64(max).rc(); },
        std::size_t(max), out, error);
}

Status SqliteStorage::findOrdersByBuyer(EventId event, const std::string& name, NameMatch match, std::size_t limit,
                                        std::vector<StoredOrder>* out, std::string* error)
{
    if (name.empty() || (match != NameMatch::Prefix && match != NameMatch::Contains))
        return fail(Status::InvalidArgument, error, "a buyer search needs a name and a match kind");
    const std::string folded = asciiLower(name);
    const std::int64_t max = searchLimit(limit);
    return selectOrderIds(
        match == NameMatch::Prefix ? SelectOrdersByBuyerPrefix : SelectOrdersByBuyerContains,
        [&](sqlite3_stmt* stmt) { return Binder(stmt).text(folded).u64(event).i64(max).rc(); }, std::size_t(max), out,
        error);
}

Status SqliteStorage::findOrdersByPaymentRef(EventId event, const std::string& paymentRef, std::size_t limit,
                                             std::vector<StoredOrder>* out, std::string* error)
{
    if (paymentRef.empty())
        return fail(Status::InvalidArgument, error, "a payment reference search needs a reference");
    const std::int64_t max = searchLimit(limit);
    return selectOrderIds(
        SelectOrdersByPaymentRef,
        [&](sqlite3_stmt* stmt) { return Binder(stmt).text(paymentRef).u64(event).i64(max).rc(); }, std::size_t(max),
        out, error);
}

Status SqliteStorage::findOrderBySeat(EventId event, SeatId seat, StoredOrder* out, std::string* error)
{
    USHER_ASSERT(out != nullptr && error != nullptr);
    if (!ensureConnected(error))
        return Status::StorageFailed;
    OrderId order = 0;
    {
        sqlite3_stmt* stmt = statement(SelectOrderBySeat);
        ResetOnExit reset(stmt);
        if (const int rc = Binder(stmt).u64(event).i64(seat).rc(); rc != SQLITE_OK)
            return sqliteFailure("find order by seat", rc, error);
        const int rc = sqlite3_step(stmt);
        if (rc == SQLITE_DONE)
            return fail(Status::OrderNotFound, error,
                        "seat " + std::to_string(seat) + " of " + eventText(event) + " is not sold");
        if (rc != SQLITE_ROW)
            return sqliteFailure("find order by seat", rc, error);
        order = columnU64(stmt, 0);
    }
    const Status status = findOrder(event, order, out, error);
    return status == Status::OrderNotFound ? Status::StorageFailed : status;
}

} // namespace usher
