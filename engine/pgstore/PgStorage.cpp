#include "pgstore/PgStorage.h"

#include "core/Assert.h"
#include "event/EventSpecJson.h"
#include "journal/Crc32c.h"
#include "journal/DeltaFormat.h"
#include "ledger/CommandResult.h"
#include "pgstore/PgNotify.h"
#include "storage/CommitChecks.h"

#include <QByteArray>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <libpq-fe.h>
#include <limits>
#include <map>
#include <poll.h>
#include <unistd.h>
#include <string_view>

namespace usher {

namespace {

// The prepared statements, named "u0", "u1"... by their index in kStatementSql.
enum Statement : int {
    InsertEvent,
    SelectEvents,
    InsertJournal,
    SelectJournal,
    SelectJournalTail,
    InsertOutbox,
    SelectOutbox,
    UpdateOutboxCursor,
    DeleteOutbox,
    SelectOutboxCursor,
    UpsertSnapshot,
    SelectSnapshot,
    RefundOrder,
    SelectOrder,
    RefundTicket,
    ExchangeTicket,
    SelectOrderTickets,
    SelectTicketByCode,
    RetireTicketCode,
    ReissueTicket,
    SelectRetiredCode,
    SelectTicket,
    UpdateEvent,
    SelectOrdersByNumber,
    SelectOrdersByPaymentRef,
    SelectOrdersByBuyerPrefix,
    SelectOrdersByBuyerContains,
    SelectOrderBySeat,
    ExchangeOrder,
    NotifyChanges,
    SelectEventIds,
    SelectEvent,
    Begin,
    StatementCount
};

// What SQLite's lower() does, and what the order search promises: ASCII letters only. PostgreSQL's
// lower() folds only ASCII under the "C" collation, whatever the database's locale, and costs the
// index a fraction of what translate() did (schema version 2).
#define USHER_PG_FOLD(column) "lower(" column " COLLATE \"C\")"
#define USHER_PG_ORDER_COLUMNS                                                                                      \
    "event_id, order_id, hold_id, seq, channel, actor_kind, actor_id, created_at, amount, refunded, payment_ref,"   \
    " buyer_name, buyer_email, buyer_phone"
#define USHER_PG_TICKET_COLUMNS                                                                                     \
    "event_id, ticket_id, order_id, seat_id, area_id, price_type, amount, refunded, status, code"

// Indexed by Statement. Every numeric column is bigint, so every numeric result is 8 bytes.
constexpr const char* kStatementSql[] = {
    "INSERT INTO events(id, name, spec_json, created_at) VALUES ($1, $2, $3, $4)",
    "SELECT id, spec_json FROM events ORDER BY id",
    "INSERT INTO journal(event_id, first_seq, last_seq, record_count, crc, payload) VALUES ($1, $2, $3, $4, $5, $6)",
    // The batch holding fromSeq and everything after it; both conditions use the primary key.
    "SELECT first_seq, last_seq, record_count, crc, payload FROM journal WHERE event_id = $1"
    " AND first_seq >= coalesce((SELECT max(first_seq) FROM journal WHERE event_id = $1 AND first_seq <= $2), 0)"
    " AND last_seq >= $2 ORDER BY first_seq",
    "SELECT last_seq FROM journal WHERE event_id = $1 ORDER BY first_seq DESC LIMIT 1",
    "INSERT INTO outbox(event_id, first_seq, last_seq, payload) VALUES ($1, $2, $3, $4)",
    "SELECT id, event_id, first_seq, last_seq, payload FROM outbox WHERE id > $1 ORDER BY id LIMIT $2",
    "UPDATE outbox_cursor SET published_id = greatest(published_id, $1) WHERE only_row = 1",
    "DELETE FROM outbox WHERE id <= $1",
    "SELECT published_id FROM outbox_cursor WHERE only_row = 1",
    "INSERT INTO snapshots(event_id, seq, crc, payload) VALUES ($1, $2, $3, $4) ON CONFLICT(event_id) DO UPDATE"
    " SET seq = excluded.seq, crc = excluded.crc, payload = excluded.payload WHERE excluded.seq >= snapshots.seq",
    "SELECT seq, crc, payload FROM snapshots WHERE event_id = $1",
    "UPDATE orders SET refunded = refunded + $3 WHERE event_id = $1 AND order_id = $2",
    "SELECT " USHER_PG_ORDER_COLUMNS " FROM orders WHERE event_id = $1 AND order_id = $2",
    "UPDATE tickets SET status = 2, refunded = refunded + $4 WHERE event_id = $1 AND ticket_id = $2 AND order_id = $3",
    // An exchange journaled before exchanges re-priced (amount kExchangeAmountAsSold) keeps the amount.
    "UPDATE tickets SET seat_id = $4, code = $5, amount = CASE WHEN $6::bigint >= 0 THEN $6::bigint ELSE amount END"
    " WHERE event_id = $1 AND ticket_id = $2 AND order_id = $3",
    "SELECT " USHER_PG_TICKET_COLUMNS " FROM tickets WHERE event_id = $1 AND order_id = $2 ORDER BY ticket_id",
    "SELECT " USHER_PG_TICKET_COLUMNS " FROM tickets WHERE code = $1",
    "INSERT INTO ticket_codes(code, event_id, ticket_id, order_id, reason, seq) SELECT code, event_id, ticket_id,"
    " order_id, $4::bigint, $5::bigint FROM tickets WHERE event_id = $1 AND ticket_id = $2 AND order_id = $3",
    "UPDATE tickets SET code = $4 WHERE event_id = $1 AND ticket_id = $2 AND order_id = $3 AND status = 1",
    "SELECT event_id, ticket_id, order_id, reason, seq FROM ticket_codes WHERE code = $1",
    "SELECT " USHER_PG_TICKET_COLUMNS " FROM tickets WHERE event_id = $1 AND order_id = $3 AND ticket_id = $2",
    "UPDATE events SET name = $2, spec_json = $3 WHERE id = $1",
    "SELECT event_id, order_id FROM orders WHERE order_id = $1 AND ($2::bigint = 0 OR event_id = $2)"
    " ORDER BY event_id LIMIT $3",
    "SELECT event_id, order_id FROM orders WHERE payment_ref = $1 AND ($2::bigint = 0 OR event_id = $2)"
    " ORDER BY event_id, order_id LIMIT $3",
    // Byte order (COLLATE "C"), as SQLite compares; U+10FFFF sorts after every other character. The
    // range uses the orders_by_buyer expression index.
    "SELECT event_id, order_id FROM orders WHERE " USHER_PG_FOLD("buyer_name") " COLLATE \"C\" >= $1::text"
    " AND " USHER_PG_FOLD("buyer_name") " COLLATE \"C\" < $1::text || chr(1114111)"
    " AND ($2::bigint = 0 OR event_id = $2) ORDER BY " USHER_PG_FOLD("buyer_name") " COLLATE \"C\", event_id,"
    " order_id LIMIT $3",
    "SELECT event_id, order_id FROM orders WHERE strpos(" USHER_PG_FOLD("buyer_name") ", $1::text) > 0"
    " AND ($2::bigint = 0 OR event_id = $2) ORDER BY event_id, order_id LIMIT $3",
    "SELECT order_id FROM tickets WHERE event_id = $1 AND seat_id = $2 AND status = 1 AND area_id = 0",
    // An exchange at another price: the order's amount follows its tickets' (the difference).
    "UPDATE orders SET amount = amount + $3 WHERE event_id = $1 AND order_id = $2",
    // Inside the commit's transaction: delivered to the listeners only if it commits (PgNotify.h).
    "SELECT pg_notify($1, $2)",
    "SELECT id FROM events ORDER BY id",
    "SELECT id, spec_json FROM events WHERE id = $1",
    "BEGIN",
};

// Migration i takes a database from schema version i to i + 1; a new database runs them all.
// Unlike the SQLite schema, orders and tickets carry no foreign keys: PostgreSQL checks them row by
// row with a trigger (tens of microseconds each), which cost more than half of a group commit of
// confirms. The projection comes from journal batches verified before they are written, whose own
// row does reference events; the continuity and row-count checks of the commit stay.
constexpr const char* kMigrations[] = {
    // 0 -> 1
    R"sql(
CREATE TABLE usher_meta(key text PRIMARY KEY, value bigint NOT NULL);
CREATE TABLE events(id bigint PRIMARY KEY, name text NOT NULL, spec_json text NOT NULL, created_at bigint NOT NULL);
CREATE TABLE journal(event_id bigint NOT NULL REFERENCES events(id), first_seq bigint NOT NULL,
    last_seq bigint NOT NULL, record_count bigint NOT NULL, crc bigint NOT NULL, payload bytea NOT NULL,
    PRIMARY KEY(event_id, first_seq),
    CHECK(first_seq >= 1 AND record_count >= 1 AND last_seq = first_seq + record_count - 1));
CREATE TABLE snapshots(event_id bigint PRIMARY KEY REFERENCES events(id), seq bigint NOT NULL,
    crc bigint NOT NULL, payload bytea NOT NULL);
CREATE TABLE orders(event_id bigint NOT NULL, order_id bigint NOT NULL,
    hold_id bigint NOT NULL, seq bigint NOT NULL, channel bigint NOT NULL, actor_kind bigint NOT NULL,
    actor_id bigint NOT NULL, created_at bigint NOT NULL, amount bigint NOT NULL, refunded bigint NOT NULL,
    payment_ref text NOT NULL, buyer_name text NOT NULL, buyer_email text NOT NULL, buyer_phone text NOT NULL,
    PRIMARY KEY(event_id, order_id));
CREATE TABLE tickets(event_id bigint NOT NULL, ticket_id bigint NOT NULL, order_id bigint NOT NULL,
    seat_id bigint NOT NULL, area_id bigint NOT NULL, price_type bigint NOT NULL, amount bigint NOT NULL,
    refunded bigint NOT NULL, status bigint NOT NULL CHECK(status IN (1, 2)), code text NOT NULL UNIQUE,
    PRIMARY KEY(event_id, ticket_id));
CREATE INDEX tickets_by_order ON tickets(event_id, order_id);
CREATE INDEX tickets_by_seat ON tickets(event_id, seat_id);
CREATE TABLE ticket_codes(code text PRIMARY KEY, event_id bigint NOT NULL, ticket_id bigint NOT NULL,
    order_id bigint NOT NULL, reason bigint NOT NULL CHECK(reason IN (1, 2)), seq bigint NOT NULL);
CREATE INDEX orders_by_number ON orders(order_id);
CREATE INDEX orders_by_payment_ref ON orders(payment_ref);
CREATE INDEX orders_by_buyer ON orders((translate(buyer_name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    'abcdefghijklmnopqrstuvwxyz')) COLLATE "C");
CREATE TABLE outbox(id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, event_id bigint NOT NULL,
    first_seq bigint NOT NULL, last_seq bigint NOT NULL, payload bytea NOT NULL);
CREATE TABLE outbox_cursor(only_row bigint PRIMARY KEY CHECK(only_row = 1), published_id bigint NOT NULL);
INSERT INTO outbox_cursor(only_row, published_id) VALUES (1, 0);
-- Batches and snapshots are written once and are dense already: no pglz in the commit's path.
ALTER TABLE journal ALTER COLUMN payload SET STORAGE EXTERNAL;
ALTER TABLE snapshots ALTER COLUMN payload SET STORAGE EXTERNAL;
ALTER TABLE outbox ALTER COLUMN payload SET STORAGE EXTERNAL;
INSERT INTO usher_meta(key, value) VALUES ('schema_version', 0);
)sql",
    // 1 -> 2: cheaper indexes for the confirm path (docs/postgresql.md). Measured per 42,000 orders
    // on the server: the translate() expression index cost as much as the primary key, and the
    // order number has its own index only because the key led with the event.
    R"sql(
DROP INDEX orders_by_buyer;
CREATE INDEX orders_by_buyer ON orders((lower(buyer_name COLLATE "C")) COLLATE "C");
ALTER TABLE orders DROP CONSTRAINT orders_pkey, ADD PRIMARY KEY(order_id, event_id);
DROP INDEX orders_by_number;
)sql",
    // 2 -> 3: a cheaper ticket insert on the confirm path (docs/postgresql.md). Per 100,000 tickets
    // on the server: the code's unique index on 16 bytes instead of 26 characters of text, 290 -> 180 ms;
    // tickets_by_order folded into the primary key (event_id, order_id, ticket_id), one index insert
    // less (every statement that names a ticket names its order too; the ledger hands out ticket ids
    // once per event). The codes are converted from their Crockford base32 text
    // (ledger/CommandResult.h) in place.
    R"sql(
CREATE FUNCTION pg_temp.usher_code_bytes(code text) RETURNS bytea LANGUAGE sql IMMUTABLE STRICT AS $f$
    SELECT decode(string_agg(lpad(to_hex(substr(b.bits, 3 + 32 * k, 32)::bit(32)::bigint), 8, '0'), '' ORDER BY k), 'hex')
    FROM (SELECT string_agg((strpos('0123456789ABCDEFGHJKMNPQRSTVWXYZ', substr(code, i, 1)) - 1)::bit(5)::text, ''
                            ORDER BY i) AS bits
          FROM generate_series(1, 26) AS i) AS b, generate_series(0, 3) AS k
$f$;
DO $f$ BEGIN
    IF EXISTS (SELECT 1 FROM tickets WHERE code !~ '^[0-7][0-9A-HJKMNP-TV-Z]{25}$')
        OR EXISTS (SELECT 1 FROM ticket_codes WHERE code !~ '^[0-7][0-9A-HJKMNP-TV-Z]{25}$') THEN
        RAISE EXCEPTION 'a stored ticket code is not 26 characters of Crockford base32';
    END IF;
END $f$;
ALTER TABLE tickets ALTER COLUMN code TYPE bytea USING pg_temp.usher_code_bytes(code);
ALTER TABLE ticket_codes ALTER COLUMN code TYPE bytea USING pg_temp.usher_code_bytes(code);
ALTER TABLE tickets DROP CONSTRAINT tickets_pkey, ADD PRIMARY KEY(event_id, order_id, ticket_id);
DROP INDEX tickets_by_order;
DROP FUNCTION pg_temp.usher_code_bytes(text);
-- Journal batches compressed with lz4 (about 2:1 on hold and confirm batches, at a small fraction of
-- what storing the other half in TOAST chunks costs); a server built without lz4 keeps them as they
-- were. Only batches written from here on are compressed.
DO $f$ BEGIN
    ALTER TABLE journal ALTER COLUMN payload SET STORAGE EXTENDED, ALTER COLUMN payload SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN NULL;
END $f$;
)sql",
};
static_assert(std::size(kMigrations) == PgStorage::kSchemaVersion);

// Serialises schema creation between nodes opening the same database at once ("usher" in ASCII).
constexpr const char* kSchemaLockSql = "SELECT pg_advisory_xact_lock(127978942686578)";

using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

ResultPtr own(PGresult* result)
{
    return ResultPtr(result, &PQclear);
}

std::string trimmed(const char* text)
{
    std::string out = text == nullptr ? std::string() : std::string(text);
    while (!out.empty() && (out.back() == '\n' || out.back() == ' '))
        out.pop_back();
    return out;
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

std::string sqlState(const PGresult* result)
{
    const char* state = result == nullptr ? nullptr : PQresultErrorField(result, PG_DIAG_SQLSTATE);
    return state == nullptr ? std::string() : std::string(state);
}

bool isConstraintViolation(const std::string& state)
{
    return state.size() == 5 && state.compare(0, 2, "23") == 0;
}

// Binary results: numbers are big-endian; every numeric column here is bigint.
std::int64_t getI64(const PGresult* result, int row, int column)
{
    const auto* p = reinterpret_cast<const unsigned char*>(PQgetvalue(result, row, column));
    const int length = PQgetlength(result, row, column);
    std::uint64_t value = 0;
    for (int i = 0; i < length && i < 8; ++i)
        value = (value << 8) | p[i];
    if (length == 4) // an int4 (sign-extend)
        return static_cast<std::int32_t>(static_cast<std::uint32_t>(value));
    return static_cast<std::int64_t>(value);
}

std::uint64_t getU64(const PGresult* result, int row, int column)
{
    return static_cast<std::uint64_t>(getI64(result, row, column));
}

std::string getText(const PGresult* result, int row, int column)
{
    return std::string(PQgetvalue(result, row, column), std::size_t(PQgetlength(result, row, column)));
}

void getBytes(const PGresult* result, int row, int column, std::vector<std::uint8_t>* out)
{
    const auto* p = reinterpret_cast<const std::uint8_t*>(PQgetvalue(result, row, column));
    out->assign(p, p + PQgetlength(result, row, column));
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

std::string statementName(int statement)
{
    return "u" + std::to_string(statement);
}

} // namespace

// The parameters of one statement, in one buffer: text for numbers and texts, binary for bytea. Each
// value is followed by a NUL (libpq reads a text value up to its NUL, whatever its length says).
struct PgStorage::Params {
    std::string data;
    std::vector<std::uint32_t> ends; // where each value ends in `data` (its NUL)
    std::vector<int> formats;

    Params& i64(std::int64_t value) { return add(std::to_string(value), 0); }
    Params& u64(std::uint64_t value) { return i64(static_cast<std::int64_t>(value)); }
    Params& text(std::string_view value) { return add(value, 0); }
    Params& bytes(const void* data_, std::size_t size)
    {
        return add(std::string_view(static_cast<const char*>(data_), size), 1);
    }
    std::size_t size() const { return ends.size(); }
    // The arrays libpq takes; valid while this object is unchanged.
    void arrays(std::vector<const char*>* pointers, std::vector<int>* lengths) const
    {
        pointers->clear();
        lengths->clear();
        std::uint32_t begin = 0;
        for (const std::uint32_t end : ends) {
            pointers->push_back(data.data() + begin);
            lengths->push_back(int(end - begin));
            begin = end + 1;
        }
    }

private:
    Params& add(std::string_view value, int format)
    {
        USHER_ASSERT(data.size() + value.size() < std::numeric_limits<std::uint32_t>::max());
        data.append(value);
        ends.push_back(std::uint32_t(data.size()));
        data.push_back('\0');
        formats.push_back(format);
        return *this;
    }
};

// Orders and tickets go in by COPY ... FROM STDIN (FORMAT binary), inside the commit's transaction.
// Measured on this machine's PostgreSQL 15 (100,000 orders + 100,000 tickets with schema 3's columns
// and five indexes, groups of 12,500, backend CPU; docs/performance.md): 13.0-14.8 us per order and
// ticket by binary COPY, 17.4-19.0 us by the multi-row INSERT ... VALUES chunks of 1,024 binary-bound
// rows that did it before (sessions 11-12). COPY has no plan, no VALUES lists to initialise and no
// parameter arrays; each value is its length and its bytes. libpq does not allow a COPY in a pipeline,
// so a commit is: a pipeline (BEGIN, the journal, outbox, snapshot and notify statements), then one
// COPY per table, then COMMIT; a refund, exchange or reissue in the group, which may touch the rows
// gathered before it, first sends those rows and then goes on in a new pipeline (sendQueued).
namespace {

// Rows of one table in PostgreSQL's binary COPY format, gathered for the commit being built.
class CopyRows {
public:
    CopyRows(const char* sql, const char* what, std::uint16_t columns)
        : m_sql(sql)
        , m_what(what)
        , m_columns(columns)
    {
    }
    const char* sql() const { return m_sql; }
    const char* what() const { return m_what; }
    std::size_t rows() const { return m_rows; }
    // Starts a row; exactly `columns` values follow.
    void row()
    {
        USHER_ASSERT(m_valuesLeft == 0);
        if (m_rows == 0) // the signature, no flags, no header extension
            m_data.append("PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0", 19);
        put(m_columns, 2);
        m_valuesLeft = m_columns;
        ++m_rows;
    }
    void int8(std::int64_t value)
    {
        put(8, 4);
        put(static_cast<std::uint64_t>(value), 8);
        used();
    }
    void uint8(std::uint64_t value) { int8(static_cast<std::int64_t>(value)); }
    // text (valid UTF-8, checked by the server) or bytea.
    void bytes(const void* data, std::size_t size)
    {
        USHER_ASSERT(size <= std::size_t(std::numeric_limits<std::int32_t>::max()));
        put(size, 4);
        m_data.append(static_cast<const char*>(data), size);
        used();
    }
    // Up to its first NUL, as a text parameter is sent (PostgreSQL's text cannot hold one, and a
    // commit must not fail on what the journal already holds).
    void text(std::string_view value) { bytes(value.data(), std::min(value.size(), value.find('\0'))); }
    // The COPY data of the rows so far, with its trailer; empties this.
    std::string take()
    {
        USHER_ASSERT(m_rows > 0 && m_valuesLeft == 0);
        put(0xffff, 2);
        std::string out;
        out.swap(m_data);
        m_rows = 0;
        return out;
    }
    void clear()
    {
        m_data.clear();
        m_rows = 0;
        m_valuesLeft = 0;
    }

private:
    void put(std::uint64_t value, int size)
    {
        char bytes[8];
        for (int i = 0; i < size; ++i)
            bytes[i] = static_cast<char>((value >> (8 * (size - 1 - i))) & 0xff);
        m_data.append(bytes, std::size_t(size));
    }
    void used()
    {
        USHER_ASSERT(m_valuesLeft > 0);
        --m_valuesLeft;
    }

    const char* m_sql;
    const char* m_what;
    std::uint16_t m_columns;
    std::size_t m_rows = 0;
    int m_valuesLeft = 0;
    std::string m_data;
};

} // namespace

// The columns in the order of USHER_PG_ORDER_COLUMNS and USHER_PG_TICKET_COLUMNS.
struct PgStorage::RowBuffers {
    CopyRows orders { "COPY orders(" USHER_PG_ORDER_COLUMNS ") FROM STDIN (FORMAT binary)", "order insert", 14 };
    CopyRows tickets { "COPY tickets(" USHER_PG_TICKET_COLUMNS ") FROM STDIN (FORMAT binary)", "ticket insert", 10 };
};

// One statement of the commit pipeline and how to judge its result.
struct PgStorage::Pending {
    enum class Kind : std::uint8_t { Begin, Command, Tail, Copy };
    Kind kind = Kind::Command;
    int statement = Begin;
    Params params;
    std::string what;      // context for error texts
    int expectRows = -1;   // Command: the rows it must change (-1: any)
    std::string rowsText;  // the error when it does not
    Status uniqueStatus = Status::InvalidArgument;
    std::string uniqueText; // a unique violation's text (empty: the server's)
    Status foreignStatus = Status::InvalidArgument;
    std::string foreignText;
    EventId event = 0; // Tail: the batch whose continuity it checks
    Seq firstSeq = 0;
    const char* copySql = nullptr; // Copy: the COPY statement, its data and (expectRows) its row count
    std::string copyData;
};

// --- connection -----------------------------------------------------------------------------

PgStorage::PgStorage(const PgStorageOptions& options)
    : m_options(options)
    , m_rows(std::make_unique<RowBuffers>())
{
}

PgStorage::~PgStorage()
{
    disconnect();
}

bool PgStorage::isPostgresUri(const std::string& text)
{
    return text.rfind("postgresql://", 0) == 0 || text.rfind("postgres://", 0) == 0;
}

PGconn* PgStorage::open(const std::string& conninfo, const std::string& applicationName, int connectTimeoutSeconds)
{
    const std::string timeout = std::to_string(std::max(1, connectTimeoutSeconds));
    // Later entries win: the caller's connection string overrides the defaults before it.
    const char* keywords[] = { "connect_timeout", "application_name", "client_encoding", "dbname", nullptr };
    const std::string name
        = applicationName.rfind("usherd/", 0) == 0 ? applicationName + "/" + processLife() : applicationName;
    const char* values[] = { timeout.c_str(), name.c_str(), "UTF8", conninfo.c_str(), nullptr };
    return PQconnectdbParams(keywords, values, 1);
}

const std::string& PgStorage::processLife()
{
    static const std::string life = [] {
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
        return std::to_string(getpid()) + "." + std::to_string(ms % 1'000'000'000);
    }();
    return life;
}

std::string PgStorage::redacted(const std::string& conninfo)
{
    std::string out = conninfo;
    if (isPostgresUri(out)) {
        // scheme://user:password@host...: drop ":password".
        const std::size_t start = out.find("://") + 3;
        const std::size_t at = out.find('@', start);
        const std::size_t colon = out.find(':', start);
        if (at != std::string::npos && colon != std::string::npos && colon < at)
            out.replace(colon, at - colon, ":***");
        const std::size_t query = out.find("password=");
        if (query != std::string::npos) {
            const std::size_t end = out.find('&', query);
            out.replace(query, (end == std::string::npos ? out.size() : end) - query, "password=***");
        }
        return out;
    }
    const std::size_t key = out.find("password");
    if (key != std::string::npos) {
        const std::size_t eq = out.find('=', key);
        if (eq != std::string::npos) {
            std::size_t end = eq + 1;
            while (end < out.size() && out[end] == ' ')
                ++end;
            end = out.find(' ', end);
            out.replace(eq + 1, (end == std::string::npos ? out.size() : end) - eq - 1, "***");
        }
    }
    return out;
}

std::unique_ptr<PgStorage> PgStorage::open(const PgStorageOptions& options, std::string* error)
{
    USHER_ASSERT(error != nullptr);
    if (options.conninfo.empty()) {
        *error = "no PostgreSQL connection string given";
        return nullptr;
    }
    std::unique_ptr<PgStorage> storage(new PgStorage(options));
    if (!storage->connect(error))
        return nullptr;
    return storage;
}

bool PgStorage::connect(std::string* error)
{
    USHER_ASSERT(m_conn == nullptr);
    m_conn = open(m_options.conninfo, m_options.applicationName, m_options.connectTimeoutSeconds);
    const std::string where = "PostgreSQL " + redacted(m_options.conninfo);
    if (m_conn == nullptr) {
        *error = where + ": out of memory";
        return false;
    }
    if (PQstatus(m_conn) != CONNECTION_OK) {
        *error = "cannot connect to " + where + ": " + trimmed(PQerrorMessage(m_conn));
        disconnect();
        return false;
    }
    if (!checkServerAndSchema(error) || !prepareStatements(error)) {
        *error = where + ": " + *error;
        disconnect();
        return false;
    }
    return true;
}

void PgStorage::disconnect()
{
    if (m_conn != nullptr)
        PQfinish(m_conn); // the server rolls back a transaction that is still open
    m_conn = nullptr;
}

bool PgStorage::ensureConnected(std::string* error)
{
    if (m_conn != nullptr && PQstatus(m_conn) == CONNECTION_OK)
        return true;
    disconnect();
    std::string why;
    if (connect(&why))
        return true;
    *error = "storage unavailable: " + why;
    return false;
}

bool PgStorage::checkServerAndSchema(std::string* error)
{
    if (PQserverVersion(m_conn) < 150000) {
        *error = "the server is PostgreSQL " + std::to_string(PQserverVersion(m_conn) / 10000) + "; Usher needs 15 or later";
        return false;
    }
    const char* encoding = PQparameterStatus(m_conn, "server_encoding");
    if (encoding == nullptr || std::strcmp(encoding, "UTF8") != 0) {
        *error = std::string("the database's encoding is ") + (encoding == nullptr ? "unknown" : encoding)
            + "; Usher needs UTF8 (createdb -E UTF8)";
        return false;
    }
    auto run = [&](const std::string& sql, ExecStatusType expected, ResultPtr* out) {
        ResultPtr result = own(PQexec(m_conn, sql.c_str()));
        if (PQresultStatus(result.get()) != expected) {
            *error = trimmed(PQerrorMessage(m_conn));
            return false;
        }
        if (out != nullptr)
            *out = std::move(result);
        return true;
    };
    std::string problem;
    if (!run("BEGIN", PGRES_COMMAND_OK, nullptr) || !run(kSchemaLockSql, PGRES_TUPLES_OK, nullptr)) {
        problem = "starting: " + *error;
    } else {
        ResultPtr tables = own(nullptr);
        ResultPtr meta = own(nullptr);
        if (!run("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()", PGRES_TUPLES_OK, &tables)
            || !run("SELECT to_regclass('usher_meta') IS NOT NULL", PGRES_TUPLES_OK, &meta)) {
            problem = "reading the schema: " + *error;
        } else {
            const long long tableCount = std::atoll(PQgetvalue(tables.get(), 0, 0));
            const bool hasMeta = std::strcmp(PQgetvalue(meta.get(), 0, 0), "t") == 0;
            long long version = 0;
            if (hasMeta) {
                ResultPtr row = own(nullptr);
                if (!run("SELECT value FROM usher_meta WHERE key = 'schema_version'", PGRES_TUPLES_OK, &row))
                    problem = "reading the schema version: " + *error;
                else if (PQntuples(row.get()) != 1)
                    problem = "not a Usher database (no schema version)";
                else
                    version = std::atoll(PQgetvalue(row.get(), 0, 0));
            } else if (tableCount != 0) {
                problem = "not a Usher database (it has tables but no usher_meta); give Usher a database of its own";
            }
            if (problem.empty() && version > kSchemaVersion)
                problem = "the database has schema version " + std::to_string(version)
                    + ", newer than this build of Usher (" + std::to_string(kSchemaVersion) + ") can read; upgrade Usher";
            if (problem.empty() && version < 0)
                problem = "unknown schema version " + std::to_string(version);
            for (long long v = version; problem.empty() && v < kSchemaVersion; ++v) {
                if (!run(kMigrations[v], PGRES_COMMAND_OK, nullptr)
                    || !run("UPDATE usher_meta SET value = " + std::to_string(v + 1) + " WHERE key = 'schema_version'",
                            PGRES_COMMAND_OK, nullptr))
                    problem = "migrating the schema to version " + std::to_string(v + 1) + ": " + *error;
            }
        }
        if (problem.empty()) {
            ResultPtr result = own(PQexec(m_conn, "COMMIT"));
            if (PQresultStatus(result.get()) != PGRES_COMMAND_OK || std::strcmp(PQcmdStatus(result.get()), "COMMIT") != 0)
                problem = "committing the schema: " + trimmed(PQerrorMessage(m_conn));
        }
    }
    if (!problem.empty()) {
        if (PQtransactionStatus(m_conn) != PQTRANS_IDLE)
            PQclear(PQexec(m_conn, "ROLLBACK"));
        *error = problem;
        return false;
    }
    return true;
}

bool PgStorage::prepareStatements(std::string* error)
{
    static_assert(std::size(kStatementSql) == StatementCount);
    for (int i = 0; i < StatementCount; ++i) {
        const std::string sql = kStatementSql[i];
        ResultPtr result = own(PQprepare(m_conn, statementName(i).c_str(), sql.c_str(), 0, nullptr));
        if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
            *error = "preparing \"" + sql.substr(0, 200) + "\": " + trimmed(PQerrorMessage(m_conn));
            return false;
        }
    }
    return true;
}

Status PgStorage::failure(const char* context, PGresult* result, std::string* error)
{
    std::string text = trimmed(result != nullptr ? PQresultErrorMessage(result) : nullptr);
    if (text.empty() && m_conn != nullptr)
        text = trimmed(PQerrorMessage(m_conn));
    const bool lost = m_conn == nullptr || PQstatus(m_conn) != CONNECTION_OK;
    *error = std::string(context) + ": " + (lost ? "connection to PostgreSQL lost: " : "") + text;
    if (lost)
        disconnect();
    return Status::StorageFailed;
}

PGresult* PgStorage::exec(int statement, const Params& params, const char* context, Status* status, std::string* error)
{
    if (!ensureConnected(error)) {
        *status = Status::StorageFailed;
        return nullptr;
    }
    std::vector<const char*> values;
    std::vector<int> lengths;
    params.arrays(&values, &lengths);
    PGresult* result = PQexecPrepared(m_conn, statementName(statement).c_str(), int(values.size()), values.data(),
                                      lengths.data(), params.formats.data(), 1);
    const ExecStatusType type = PQresultStatus(result);
    if (type == PGRES_TUPLES_OK || type == PGRES_COMMAND_OK) {
        *status = Status::Ok;
        return result;
    }
    const std::string state = sqlState(result);
    *status = failure(context, result, error);
    if (isConstraintViolation(state))
        *status = Status::InvalidArgument;
    PQclear(result);
    return nullptr;
}

// markOutboxPublished: a short transaction of its own, without a pipeline.
Status PgStorage::runSimpleTransaction(const char* context, const std::function<Status(std::string*)>& body,
                                       std::string* error)
{
    if (!ensureConnected(error))
        return Status::StorageFailed;
    ResultPtr begin = own(PQexec(m_conn, "BEGIN"));
    if (PQresultStatus(begin.get()) != PGRES_COMMAND_OK)
        return failure(context, begin.get(), error);
    Status status = body(error);
    if (status != Status::Ok && error->find(context) != 0)
        *error = std::string(context) + ": " + *error;
    return finishTransaction(status, error);
}

// --- events ---------------------------------------------------------------------------------

Status PgStorage::createEvent(const EventSpec& spec, std::string* error)
{
    USHER_ASSERT(error != nullptr);
    if (spec.id == 0 || spec.venue == nullptr)
        return fail(Status::InvalidArgument, error, "an event needs an id and a venue");
    const QByteArray json = eventSpecToJson(spec);
    EventSpec readBack;
    std::string why;
    if (!eventSpecFromJson(json, &readBack, &why) || readBack.id != spec.id)
        return fail(Status::InvalidArgument, error, eventText(spec.id) + ": the spec does not read back: " + why);
    Params params;
    params.u64(spec.id).text(spec.name).text(std::string_view(json.constData(), std::size_t(json.size())));
    params.i64(wallClockMs());
    Status status = Status::Ok;
    if (!ensureConnected(error))
        return Status::StorageFailed;
    std::vector<const char*> values;
    std::vector<int> lengths;
    params.arrays(&values, &lengths);
    ResultPtr result = own(PQexecPrepared(m_conn, statementName(InsertEvent).c_str(), int(values.size()),
                                          values.data(), lengths.data(), params.formats.data(), 1));
    if (PQresultStatus(result.get()) == PGRES_COMMAND_OK)
        return Status::Ok;
    if (sqlState(result.get()) == "23505")
        return fail(Status::EventExists, error, eventText(spec.id) + " exists already");
    status = failure("create event", result.get(), error);
    return status;
}

namespace {

Status parseSpec(const PGresult* result, int row, EventSpec* out, std::string* error)
{
    const EventId id = getU64(result, row, 0);
    // Parsed in libpq's buffer: a 100,000-seat spec is 10 MB of text, not worth copying twice.
    std::string why;
    if (!eventSpecFromJson(QByteArray::fromRawData(PQgetvalue(result, row, 1), PQgetlength(result, row, 1)), out, &why))
        return fail(Status::StorageFailed, error, "stored spec of " + eventText(id) + " is corrupt: " + why);
    if (out->id != id)
        return fail(Status::StorageFailed, error,
                    "stored spec of " + eventText(id) + " is corrupt: it names event " + std::to_string(out->id));
    return Status::Ok;
}

} // namespace

Status PgStorage::listEvents(std::vector<EventSpec>* events, std::string* error)
{
    USHER_ASSERT(events != nullptr && error != nullptr);
    Status status = Status::Ok;
    ResultPtr result = own(exec(SelectEvents, Params {}, "list events", &status, error));
    if (status != Status::Ok)
        return status;
    std::vector<EventSpec> specs(std::size_t(PQntuples(result.get())));
    for (int row = 0; row < PQntuples(result.get()); ++row)
        if (const Status parsed = parseSpec(result.get(), row, &specs[std::size_t(row)], error); parsed != Status::Ok)
            return parsed;
    events->swap(specs);
    return Status::Ok;
}

Status PgStorage::eventIds(std::vector<EventId>* ids, std::string* error)
{
    USHER_ASSERT(ids != nullptr && error != nullptr);
    Status status = Status::Ok;
    ResultPtr result = own(exec(SelectEventIds, Params {}, "list event ids", &status, error));
    if (status != Status::Ok)
        return status;
    ids->clear();
    for (int row = 0; row < PQntuples(result.get()); ++row)
        ids->push_back(getU64(result.get(), row, 0));
    return Status::Ok;
}

Status PgStorage::loadEventSpec(EventId event, EventSpec* spec, std::string* error)
{
    USHER_ASSERT(spec != nullptr && error != nullptr);
    Status status = Status::Ok;
    Params params;
    params.u64(event);
    ResultPtr result = own(exec(SelectEvent, params, "read event", &status, error));
    if (status != Status::Ok)
        return status;
    if (PQntuples(result.get()) != 1)
        return fail(Status::EventNotFound, error, eventText(event) + " does not exist");
    return parseSpec(result.get(), 0, spec, error);
}

// --- commit ---------------------------------------------------------------------------------

Status PgStorage::commit(std::span<const CommitItem> items, std::string* error)
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
    if (!ensureConnected(error))
        return Status::StorageFailed;
    m_pending.clear();
    m_rows->orders.clear();
    m_rows->tickets.clear();
    for (const CommitItem& item : items) {
        if (const Status status = queueItem(item, error); status != Status::Ok) {
            m_pending.clear();
            return status;
        }
    }
    queueNotify(items);
    queueRows(); // last: the statements before go out in the first pipeline
    // Nothing below reconnects: a connection lost from here on fails this commit.
    int roundTrips = 0;
    Status status = sendQueued(&roundTrips, error);
    m_pending.clear();
    if (m_conn == nullptr)
        return status; // the connection broke: the server rolls the transaction back
    if (status != Status::Ok && error->find("commit") != 0)
        *error = "commit: " + *error;
    status = finishTransaction(status, error);
    if (status == Status::Ok)
        m_lastRoundTrips = roundTrips + 1; // and the COMMIT
    return status;
}

Status PgStorage::queueItem(const CommitItem& item, std::string* error)
{
    if (item.batch != nullptr && !item.batch->empty()) {
        if (const Status status = queueBatch(item.event, *item.batch, error); status != Status::Ok)
            return status;
    }
    if (item.spec != nullptr) {
        const EventSpec& spec = *item.spec;
        const QByteArray json = eventSpecToJson(spec);
        EventSpec readBack;
        std::string why;
        if (!eventSpecFromJson(json, &readBack, &why) || readBack.id != spec.id)
            return fail(Status::InvalidArgument, error, eventText(spec.id) + ": the spec does not read back: " + why);
        Pending p;
        p.statement = UpdateEvent;
        p.params.u64(spec.id).text(spec.name).text(std::string_view(json.constData(), std::size_t(json.size())));
        p.what = "update event";
        p.expectRows = 1;
        p.rowsText = eventText(spec.id) + " is not stored";
        p.uniqueStatus = Status::EventNotFound; // (rowsText decides; see readPipelineResults)
        m_pending.push_back(std::move(p));
    }
    if (item.snapshot != nullptr) {
        const std::vector<std::uint8_t>& bytes = *item.snapshot;
        Pending p;
        p.statement = UpsertSnapshot;
        p.params.u64(item.event).u64(item.snapshotSeq).i64(crc32c(bytes.data(), bytes.size()));
        p.params.bytes(bytes.data(), bytes.size());
        p.what = "snapshot write";
        p.foreignStatus = Status::EventNotFound;
        p.foreignText = eventText(item.event) + " does not exist";
        m_pending.push_back(std::move(p));
    }
    return Status::Ok;
}

Status PgStorage::queueBatch(EventId event, const JournalBatch& batch, std::string* error)
{
    const BatchBytes& bytes = *batch.bytes;
    BatchHeader header;
    const bool decoded = decodeBatchHeader(bytes.data(), bytes.size(), &header);
    USHER_ASSERT(decoded); // checkItem verified the batch
    {
        // The journal of an event has no holes: a batch continues where the stored journal ends
        // (checked against the tail as the transaction sees it, after the batches queued before).
        Pending tail;
        tail.kind = Pending::Kind::Tail;
        tail.statement = SelectJournalTail;
        tail.params.u64(event);
        tail.what = "reading the journal's end";
        tail.event = event;
        tail.firstSeq = batch.firstSeq;
        m_pending.push_back(std::move(tail));
    }
    {
        Pending p;
        p.statement = InsertJournal;
        p.params.u64(event).u64(batch.firstSeq).u64(batch.lastSeq).i64(batch.records).i64(header.crc);
        p.params.bytes(bytes.data(), bytes.size());
        p.what = "journal insert";
        p.foreignStatus = Status::EventNotFound;
        p.foreignText = eventText(event) + " does not exist";
        p.uniqueText = eventText(event) + ": a batch at seq " + std::to_string(batch.firstSeq) + " is stored already";
        m_pending.push_back(std::move(p));
    }
    Status status = Status::Ok;
    const bool walked = forEachRecord(bytes, [&](const RecordView& record) {
        status = queueRecord(event, record, error);
        return status == Status::Ok;
    });
    if (status != Status::Ok)
        return status;
    if (!walked)
        return fail(Status::InvalidArgument, error,
                    eventText(event) + ": batch at seq " + std::to_string(batch.firstSeq) + " has a malformed record");
    const std::vector<std::uint8_t> deltas = encodeDeltas(batch.seatDeltas, batch.areaDeltas);
    Pending p;
    p.statement = InsertOutbox;
    p.params.u64(event).u64(batch.firstSeq).u64(batch.lastSeq).bytes(deltas.data(), deltas.size());
    p.what = "outbox insert";
    m_pending.push_back(std::move(p));
    return Status::Ok;
}

// "Event E changed up to seq S" (with the batch when it fits) for every batch, to the other nodes
// (PgNotify.h): in the transaction, so the listeners are told only of what committed.
void PgStorage::queueNotify(std::span<const CommitItem> items)
{
    if (m_options.notifyChannel.empty())
        return;
    std::vector<EventChange> changes; // one per batch, in commit order (a group may hold several of an event's)
    for (const CommitItem& item : items)
        if (item.batch != nullptr && !item.batch->empty())
            changes.push_back({ item.event, item.batch->lastSeq, item.batch->bytes });
    for (std::string& payload : encodeChangePayloads(changes)) {
        Pending p;
        p.statement = NotifyChanges;
        p.params.text(m_options.notifyChannel).text(payload);
        p.what = "notify";
        m_pending.push_back(std::move(p));
    }
}

// The orders and tickets gathered so far, one COPY per table (orders first).
void PgStorage::queueRows()
{
    for (CopyRows* rows : { &m_rows->orders, &m_rows->tickets }) {
        if (rows->rows() == 0)
            continue;
        Pending p;
        p.kind = Pending::Kind::Copy;
        p.copySql = rows->sql();
        p.what = rows->what();
        USHER_ASSERT(rows->rows() <= std::size_t(std::numeric_limits<int>::max()));
        p.expectRows = int(rows->rows());
        p.rowsText = std::string(rows->what()) + ": the server stored another number of rows than sent";
        p.copyData = rows->take();
        m_pending.push_back(std::move(p));
    }
}

// Only successful Confirm, Refund, Exchange and Reissue records change orders or tickets; the
// others (the bulk: holds, releases, expiries) are skipped without decoding their events.
Status PgStorage::queueRecord(EventId event, const RecordView& record, std::string* error)
{
    if (record.header.status != Status::Ok || !isProjectedKind(record.header.kind))
        return Status::Ok;
    EventCursor cursor = record.events();
    JournalEvent e;
    while (cursor.next(&e)) {
        switch (e.type) {
        case EventType::OrderCreated: {
            const RecordHeader& h = record.header;
            CopyRows& rows = m_rows->orders;
            rows.row();
            rows.uint8(event);
            rows.uint8(e.order);
            rows.uint8(e.hold);
            rows.uint8(h.seq);
            rows.int8(h.channel);
            rows.int8(static_cast<std::int64_t>(h.actor.kind));
            rows.uint8(h.actor.id);
            rows.int8(h.now);
            rows.int8(e.amount);
            rows.int8(0); // refunded
            rows.text(e.text);
            rows.text(e.buyerName);
            rows.text(e.buyerEmail);
            rows.text(e.buyerPhone);
            break;
        }
        case EventType::SeatConfirmed:
        case EventType::AreaConfirmed: {
            const bool seated = e.type == EventType::SeatConfirmed;
            CopyRows& rows = m_rows->tickets;
            rows.row();
            rows.uint8(event);
            rows.uint8(e.ticket);
            rows.uint8(e.order);
            rows.int8(seated ? e.seat : 0);
            rows.int8(seated ? 0 : e.area);
            rows.int8(e.priceType);
            rows.int8(e.amount);
            rows.int8(0); // refunded
            rows.int8(static_cast<std::int64_t>(TicketStatus::Valid));
            rows.bytes(e.code.data(), e.code.size());
            break;
        }
        case EventType::SeatRefunded:
        case EventType::AreaRefunded: {
            queueRows(); // the rows this changes may be among those queued
            const std::string what = eventText(event) + ": refund of ticket " + std::to_string(e.ticket) + " of order "
                + std::to_string(e.order);
            for (const Statement which : { RefundTicket, RefundOrder }) {
                Pending p;
                p.statement = which;
                p.params.u64(event);
                if (which == RefundTicket)
                    p.params.u64(e.ticket);
                p.params.u64(e.order).i64(e.amount);
                p.what = what;
                p.expectRows = 1;
                p.rowsText = what + ": no such ticket or order is stored";
                m_pending.push_back(std::move(p));
            }
            break;
        }
        case EventType::TicketExchanged:
        case EventType::TicketReissued: {
            queueRows();
            // The old code goes to ticket_codes with the reason, so that scanning it says why it
            // no longer admits anyone.
            const bool exchange = e.type == EventType::TicketExchanged;
            const std::string what = eventText(event) + (exchange ? ": exchange of ticket " : ": reissue of ticket ")
                + std::to_string(e.ticket);
            const auto reason
                = static_cast<std::int64_t>(exchange ? TicketCodeState::Exchanged : TicketCodeState::Reissued);
            for (const Statement which : { RetireTicketCode, exchange ? ExchangeTicket : ReissueTicket }) {
                Pending p;
                p.statement = which;
                p.params.u64(event).u64(e.ticket).u64(e.order);
                if (which == RetireTicketCode)
                    p.params.i64(reason).u64(record.header.seq);
                else if (which == ExchangeTicket)
                    p.params.i64(e.toSeat).bytes(e.code.data(), e.code.size()).i64(e.amount);
                else
                    p.params.bytes(e.code.data(), e.code.size());
                p.what = what;
                p.expectRows = 1;
                p.rowsText = what + ": no such valid ticket is stored";
                m_pending.push_back(std::move(p));
            }
            if (exchange && e.difference != 0) {
                Pending p;
                p.statement = ExchangeOrder;
                p.params.u64(event).u64(e.order).i64(e.difference);
                p.what = what;
                p.expectRows = 1;
                p.rowsText = what + ": no such order is stored";
                m_pending.push_back(std::move(p));
            }
            break;
        }
        default: break;
        }
    }
    if (!cursor.ok())
        return fail(Status::InvalidArgument, error,
                    eventText(event) + ": record " + std::to_string(record.header.seq) + " has a malformed event");
    return Status::Ok;
}

// Writes what is in libpq's output buffer, reading whatever the server answers meanwhile (a server
// blocked on a full output buffer would otherwise never read the rest of the pipeline).
bool PgStorage::flushPipeline(std::string* error)
{
    for (;;) {
        const int rc = PQflush(m_conn);
        if (rc == 0)
            return true;
        if (rc < 0)
            break;
        pollfd fd { PQsocket(m_conn), POLLIN | POLLOUT, 0 };
        if (::poll(&fd, 1, 60'000) <= 0) {
            *error = "commit: the server stopped reading for 60 s";
            disconnect();
            return false;
        }
        if ((fd.revents & POLLIN) != 0 && PQconsumeInput(m_conn) == 0)
            break;
    }
    *error = "commit: sending to PostgreSQL: connection lost: " + trimmed(PQerrorMessage(m_conn));
    disconnect();
    return false;
}

// BEGIN and the queued statements, in order: each run of statements in one pipeline with one sync
// (one round trip), each COPY on its own (one round trip), stopping at the first problem. The
// transaction stays open (COMMIT or ROLLBACK is finishTransaction's).
Status PgStorage::sendQueued(int* roundTrips, std::string* error)
{
    USHER_ASSERT(m_conn != nullptr && !m_pending.empty());
    Pending begin;
    begin.kind = Pending::Kind::Begin;
    begin.statement = Begin;
    begin.what = "begin";
    m_pending.insert(m_pending.begin(), std::move(begin));
    std::size_t next = 0;
    Status status = Status::Ok;
    while (status == Status::Ok && next < m_pending.size()) {
        ++*roundTrips;
        if (m_pending[next].kind == Pending::Kind::Copy) {
            status = sendCopy(m_pending[next], error);
            ++next;
            continue;
        }
        std::size_t end = next;
        while (end < m_pending.size() && m_pending[end].kind != Pending::Kind::Copy)
            ++end;
        status = sendPipeline(next, end, error);
        next = end;
    }
    return status;
}

// Statements [first, last) of m_pending in one pipeline, one sync; then their results.
Status PgStorage::sendPipeline(std::size_t first, std::size_t last, std::string* error)
{
    if (PQenterPipelineMode(m_conn) != 1 || PQsetnonblocking(m_conn, 1) != 0) {
        *error = "commit: cannot enter pipeline mode: " + trimmed(PQerrorMessage(m_conn));
        return failure("commit", nullptr, error);
    }
    std::vector<const char*> values;
    std::vector<int> lengths;
    std::size_t sinceFlush = 0;
    for (std::size_t i = first; i < last; ++i) {
        const Pending& p = m_pending[i];
        p.params.arrays(&values, &lengths);
        if (PQsendQueryPrepared(m_conn, statementName(p.statement).c_str(), int(values.size()), values.data(),
                                lengths.data(), p.params.formats.data(), 1)
            != 1) {
            *error = "commit: sending " + p.what + ": " + trimmed(PQerrorMessage(m_conn));
            disconnect();
            return Status::StorageFailed;
        }
        if (++sinceFlush >= 256) {
            sinceFlush = 0;
            if (PQflush(m_conn) < 0) {
                *error = "commit: sending to PostgreSQL: connection lost: " + trimmed(PQerrorMessage(m_conn));
                disconnect();
                return Status::StorageFailed;
            }
        }
    }
    if (PQpipelineSync(m_conn) != 1 || !flushPipeline(error)) {
        if (m_conn != nullptr)
            *error = "commit: sync: " + trimmed(PQerrorMessage(m_conn));
        disconnect();
        return Status::StorageFailed;
    }
    PQsetnonblocking(m_conn, 0);
    const Status status = readPipelineResults(first, last, error);
    if (m_conn != nullptr && PQexitPipelineMode(m_conn) != 1) {
        // Results left over: the connection is in no state to go on (it broke mid-pipeline).
        const std::string why = trimmed(PQerrorMessage(m_conn));
        if (status == Status::Ok)
            *error = "commit: leaving pipeline mode: " + why;
        else if (error->find("connection") == std::string::npos)
            *error += " (connection to PostgreSQL lost: " + why + ")";
        disconnect();
        return Status::StorageFailed;
    }
    return status;
}

// One COPY ... FROM STDIN of the rows gathered (outside pipeline mode: libpq allows no COPY in one).
Status PgStorage::sendCopy(const Pending& p, std::string* error)
{
    USHER_ASSERT(p.kind == Pending::Kind::Copy && p.copySql != nullptr && p.expectRows > 0);
    ResultPtr start = own(PQexec(m_conn, p.copySql));
    if (PQresultStatus(start.get()) != PGRES_COPY_IN) {
        if (PQstatus(m_conn) != CONNECTION_OK)
            return failure("commit", start.get(), error);
        return statementFailure(p, start.get(), error);
    }
    // In pieces: libpq copies what it is given into its output buffer first.
    constexpr std::size_t kPieceBytes = 1 << 20;
    bool sent = true;
    for (std::size_t at = 0; sent && at < p.copyData.size(); at += kPieceBytes) {
        const std::size_t size = std::min(kPieceBytes, p.copyData.size() - at);
        sent = PQputCopyData(m_conn, p.copyData.data() + at, int(size)) == 1;
    }
    // A server that refused a row early answers with the error after the end of the data (libpq keeps
    // it for PQgetResult). Data libpq would not take ends the COPY as failed (CopyFail).
    const bool ended = PQputCopyEnd(m_conn, sent ? nullptr : "the rows could not be sent") == 1;
    if (!ended || PQstatus(m_conn) != CONNECTION_OK) {
        *error = "commit: sending " + p.what + ": connection to PostgreSQL lost: " + trimmed(PQerrorMessage(m_conn));
        disconnect();
        return Status::StorageFailed;
    }
    ResultPtr end = own(PQgetResult(m_conn));
    if (end == nullptr || PQstatus(m_conn) != CONNECTION_OK)
        return failure("commit", end.get(), error);
    Status status = Status::Ok;
    if (PQresultStatus(end.get()) != PGRES_COMMAND_OK)
        status = statementFailure(p, end.get(), error);
    else if (std::atoll(PQcmdTuples(end.get())) != p.expectRows)
        status = fail(Status::StorageFailed, error, p.rowsText);
    for (ResultPtr more = own(PQgetResult(m_conn)); more != nullptr; more = own(PQgetResult(m_conn))) {
        if (PQstatus(m_conn) != CONNECTION_OK)
            return failure("commit", more.get(), error);
    }
    return status;
}

// A statement of the commit that the server refused: the status and text its Pending gives.
Status PgStorage::statementFailure(const Pending& p, const PGresult* result, std::string* error)
{
    const std::string state = sqlState(result);
    const std::string server = trimmed(PQresultErrorMessage(result));
    if (state == "23505" && !p.uniqueText.empty())
        return fail(p.uniqueStatus, error, p.uniqueText);
    if (state == "23503" && !p.foreignText.empty())
        return fail(p.foreignStatus, error, p.foreignText);
    if (isConstraintViolation(state))
        return fail(Status::InvalidArgument, error, p.what + ": constraint violated: " + server);
    return fail(Status::StorageFailed, error, p.what + ": " + server);
}

Status PgStorage::readPipelineResults(std::size_t first, std::size_t last, std::string* error)
{
    Status status = Status::Ok;
    for (std::size_t i = first; i < last; ++i) {
        const Pending& p = m_pending[i];
        ResultPtr result = own(PQgetResult(m_conn));
        if (result == nullptr || PQstatus(m_conn) != CONNECTION_OK) {
            const Status lost = failure("commit", result.get(), error);
            return lost;
        }
        // Each statement's result is followed by a null.
        ResultPtr end = own(PQgetResult(m_conn));
        if (end != nullptr) {
            *error = "commit: unexpected extra result from the server";
            disconnect();
            return Status::StorageFailed;
        }
        if (status != Status::Ok)
            continue; // only the first problem is reported
        const ExecStatusType type = PQresultStatus(result.get());
        if (type == PGRES_PIPELINE_ABORTED)
            continue; // behind an error reported already
        if (type != PGRES_COMMAND_OK && type != PGRES_TUPLES_OK) {
            status = statementFailure(p, result.get(), error);
            continue;
        }
        if (p.kind == Pending::Kind::Tail) {
            if (PQntuples(result.get()) == 1) {
                const Seq stored = getU64(result.get(), 0, 0);
                if (p.firstSeq != stored + 1)
                    status = fail(Status::InvalidArgument, error,
                                  eventText(p.event) + ": batch starts at seq " + std::to_string(p.firstSeq)
                                      + " but the stored journal ends at seq " + std::to_string(stored));
            }
            continue;
        }
        if (p.expectRows >= 0 && std::atoi(PQcmdTuples(result.get())) != p.expectRows)
            status = fail(p.statement == UpdateEvent ? Status::EventNotFound : Status::InvalidArgument, error,
                          p.rowsText);
    }
    ResultPtr sync = own(PQgetResult(m_conn));
    if (PQresultStatus(sync.get()) != PGRES_PIPELINE_SYNC) {
        *error = "commit: the pipeline did not end with its sync: " + trimmed(PQerrorMessage(m_conn));
        disconnect();
        return Status::StorageFailed;
    }
    return status;
}

// COMMIT when `status` is Ok, ROLLBACK otherwise. Ok only once the server has acknowledged the COMMIT:
// a connection lost before that answer leaves the outcome unknown, and that is a failure.
Status PgStorage::finishTransaction(Status status, std::string* error)
{
    if (m_conn == nullptr)
        return status == Status::Ok ? Status::StorageFailed : status;
    if (status != Status::Ok) {
        ResultPtr result = own(PQexec(m_conn, "ROLLBACK"));
        if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
            *error += "; rollback failed: " + trimmed(PQerrorMessage(m_conn)) + "; reconnecting";
            disconnect(); // closing the connection discards the transaction
        }
        return status;
    }
    ResultPtr result = own(PQexec(m_conn, "COMMIT"));
    if (PQresultStatus(result.get()) == PGRES_COMMAND_OK && std::strcmp(PQcmdStatus(result.get()), "COMMIT") == 0)
        return Status::Ok;
    if (PQstatus(m_conn) != CONNECTION_OK) {
        *error = "commit: the connection to PostgreSQL was lost during COMMIT; the outcome is unknown: "
            + trimmed(PQerrorMessage(m_conn));
        disconnect();
        return Status::StorageFailed;
    }
    const std::string state = sqlState(result.get());
    *error = "commit: COMMIT failed: " + trimmed(PQresultErrorMessage(result.get()));
    if (PQresultStatus(result.get()) == PGRES_COMMAND_OK)
        *error = "commit: the server rolled the transaction back";
    if (PQtransactionStatus(m_conn) != PQTRANS_IDLE)
        PQclear(PQexec(m_conn, "ROLLBACK"));
    return isConstraintViolation(state) ? Status::InvalidArgument : Status::StorageFailed;
}

// --- reading back -----------------------------------------------------------------------------

Status PgStorage::loadSnapshot(EventId event, std::vector<std::uint8_t>* bytes, Seq* seq, std::string* error)
{
    USHER_ASSERT(bytes != nullptr && seq != nullptr && error != nullptr);
    Status status = Status::Ok;
    Params params;
    params.u64(event);
    ResultPtr result = own(exec(SelectSnapshot, params, "load snapshot", &status, error));
    if (status != Status::Ok)
        return status;
    if (PQntuples(result.get()) == 0) {
        bytes->clear();
        *seq = 0;
        return Status::Ok;
    }
    const Seq storedSeq = getU64(result.get(), 0, 0);
    const auto storedCrc = getU64(result.get(), 0, 1);
    std::vector<std::uint8_t> payload;
    getBytes(result.get(), 0, 2, &payload);
    if (storedSeq == 0 || crc32c(payload.data(), payload.size()) != storedCrc)
        return fail(Status::StorageFailed, error, "the snapshot of " + eventText(event) + " is corrupt (CRC mismatch)");
    bytes->swap(payload);
    *seq = storedSeq;
    return Status::Ok;
}

Status PgStorage::readJournal(EventId event, Seq fromSeq, const std::function<bool(const BatchPtr&)>& visit,
                              std::string* error)
{
    USHER_ASSERT(visit && error != nullptr);
    if (!ensureConnected(error))
        return Status::StorageFailed;
    Params params;
    params.u64(event).i64(clampToInt64(fromSeq));
    std::vector<const char*> values;
    std::vector<int> lengths;
    params.arrays(&values, &lengths);
    const std::string context = "read journal of " + eventText(event);
    if (PQsendQueryPrepared(m_conn, statementName(SelectJournal).c_str(), int(values.size()), values.data(),
                            lengths.data(), params.formats.data(), 1)
            != 1
        || PQsetSingleRowMode(m_conn) != 1)
        return failure(context.c_str(), nullptr, error);
    // Rows stream in one at a time; after a problem or an early stop the rest is drained.
    Status status = Status::Ok;
    bool stopped = false;
    Seq previousLast = 0;
    const std::string where = "journal of " + eventText(event);
    for (;;) {
        ResultPtr result = own(PQgetResult(m_conn));
        if (result == nullptr)
            break;
        const ExecStatusType type = PQresultStatus(result.get());
        if (type == PGRES_TUPLES_OK)
            continue; // the end of the rows
        if (type != PGRES_SINGLE_TUPLE) {
            if (status == Status::Ok)
                status = failure(context.c_str(), result.get(), error);
            if (m_conn == nullptr)
                return status;
            continue;
        }
        if (stopped || status != Status::Ok)
            continue;
        const PGresult* row = result.get();
        const Seq first = getU64(row, 0, 0);
        const Seq last = getU64(row, 0, 1);
        const std::uint64_t count = getU64(row, 0, 2);
        const std::uint64_t crc = getU64(row, 0, 3);
        const std::string batchWhere = where + ", batch at seq " + std::to_string(first);
        auto bytes = std::make_shared<BatchBytes>();
        getBytes(row, 0, 4, bytes.get());
        BatchHeader header;
        if (!verifyStoredBatch(*bytes, event, &header)) {
            status = fail(Status::StorageFailed, error, batchWhere + ": corrupt (bad header, size or CRC)");
            continue;
        }
        if (header.firstSeq != first || header.recordCount != count || header.crc != crc || count == 0
            || last != first + count - 1) {
            status = fail(Status::StorageFailed, error, batchWhere + ": corrupt (the row disagrees with the batch header)");
            continue;
        }
        if (previousLast != 0 && first != previousLast + 1) {
            status = fail(Status::StorageFailed, error,
                          where + " has a gap: seq " + std::to_string(previousLast + 1) + " to "
                              + std::to_string(first - 1) + " are missing");
            continue;
        }
        previousLast = last;
        stopped = !visit(BatchPtr(std::move(bytes)));
    }
    return status;
}

// --- the outbox -------------------------------------------------------------------------------

Status PgStorage::readOutbox(std::int64_t afterId, std::size_t max, std::vector<OutboxRow>* rows, std::string* error)
{
    USHER_ASSERT(rows != nullptr && error != nullptr);
    Status status = Status::Ok;
    Params params;
    params.i64(afterId).i64(clampToInt64(max));
    ResultPtr result = own(exec(SelectOutbox, params, "read outbox", &status, error));
    if (status != Status::Ok)
        return status;
    std::vector<OutboxRow> out;
    std::vector<std::uint8_t> payload;
    for (int i = 0; i < PQntuples(result.get()); ++i) {
        OutboxRow row;
        row.id = getI64(result.get(), i, 0);
        row.event = getU64(result.get(), i, 1);
        row.firstSeq = getU64(result.get(), i, 2);
        row.lastSeq = getU64(result.get(), i, 3);
        getBytes(result.get(), i, 4, &payload);
        if (!decodeDeltas(payload.data(), payload.size(), &row.seats, &row.areas))
            return fail(Status::StorageFailed, error, "outbox row " + std::to_string(row.id) + " is corrupt");
        out.push_back(std::move(row));
    }
    rows->swap(out);
    return Status::Ok;
}

Status PgStorage::markOutboxPublished(std::int64_t upToId, std::string* error)
{
    USHER_ASSERT(error != nullptr);
    if (upToId < 0)
        return fail(Status::InvalidArgument, error, "mark outbox published: negative id");
    return runSimpleTransaction(
        "mark outbox published",
        [&](std::string* bodyError) {
            for (const Statement which : { UpdateOutboxCursor, DeleteOutbox }) {
                Status status = Status::Ok;
                Params params;
                params.i64(upToId);
                ResultPtr result = own(exec(which, params, "outbox", &status, bodyError));
                if (status != Status::Ok)
                    return status;
            }
            return Status::Ok;
        },
        error);
}

Status PgStorage::outboxCursor(std::int64_t* id, std::string* error)
{
    USHER_ASSERT(id != nullptr && error != nullptr);
    Status status = Status::Ok;
    ResultPtr result = own(exec(SelectOutboxCursor, Params {}, "outbox cursor", &status, error));
    if (status != Status::Ok)
        return status;
    if (PQntuples(result.get()) != 1)
        return fail(Status::StorageFailed, error, "the outbox cursor row is missing");
    *id = getI64(result.get(), 0, 0);
    return Status::Ok;
}

// --- orders and tickets -----------------------------------------------------------------------

namespace {

Status readOrderRow(const PGresult* r, int row, StoredOrder* out, std::string* error)
{
    out->event = getU64(r, row, 0);
    out->order = getU64(r, row, 1);
    out->hold = getU64(r, row, 2);
    out->seq = getU64(r, row, 3);
    const std::int64_t channel = getI64(r, row, 4);
    const std::int64_t actorKind = getI64(r, row, 5);
    out->actor.id = getU64(r, row, 6);
    out->createdAt = getI64(r, row, 7);
    out->amount = getI64(r, row, 8);
    out->refunded = getI64(r, row, 9);
    out->paymentRef = getText(r, row, 10);
    out->buyer.name = getText(r, row, 11);
    out->buyer.email = getText(r, row, 12);
    out->buyer.phone = getText(r, row, 13);
    if (out->order == 0 || channel < 0 || channel > 0xffff || actorKind < 0
        || actorKind > static_cast<std::int64_t>(ActorKind::System))
        return fail(Status::StorageFailed, error, "order " + std::to_string(out->order) + " is corrupt");
    out->channel = static_cast<ChannelId>(channel);
    out->actor.kind = static_cast<ActorKind>(actorKind);
    return Status::Ok;
}

bool readTicketRow(const PGresult* r, int row, StoredTicket* out)
{
    out->event = getU64(r, row, 0);
    out->ticket = getU64(r, row, 1);
    out->order = getU64(r, row, 2);
    const std::int64_t seat = getI64(r, row, 3);
    const std::int64_t area = getI64(r, row, 4);
    const std::int64_t priceType = getI64(r, row, 5);
    out->amount = getI64(r, row, 6);
    out->refunded = getI64(r, row, 7);
    const std::int64_t status = getI64(r, row, 8);
    TicketCode code {};
    if (PQgetlength(r, row, 9) != int(code.size()))
        return false;
    std::memcpy(code.data(), PQgetvalue(r, row, 9), code.size());
    out->code = ticketCodeText(code);
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

std::int64_t searchLimit(std::size_t limit)
{
    return static_cast<std::int64_t>(std::min(limit, kOrderSearchLimitMax));
}

std::string asciiLower(const std::string& text)
{
    std::string lower = text;
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return lower;
}

} // namespace

Status PgStorage::findOrder(EventId event, OrderId order, StoredOrder* out, std::string* error)
{
    USHER_ASSERT(out != nullptr && error != nullptr);
    StoredOrder result;
    Params params;
    params.u64(event).u64(order);
    Status status = Status::Ok;
    {
        ResultPtr rows = own(exec(SelectOrder, params, "find order", &status, error));
        if (status != Status::Ok)
            return status;
        if (PQntuples(rows.get()) == 0)
            return fail(Status::OrderNotFound, error,
                        "order " + std::to_string(order) + " of " + eventText(event) + " not found");
        if (const Status read = readOrderRow(rows.get(), 0, &result, error); read != Status::Ok)
            return read;
    }
    ResultPtr rows = own(exec(SelectOrderTickets, params, "find order", &status, error));
    if (status != Status::Ok)
        return status;
    for (int i = 0; i < PQntuples(rows.get()); ++i) {
        StoredTicket ticket;
        if (!readTicketRow(rows.get(), i, &ticket))
            return fail(Status::StorageFailed, error, "a ticket of order " + std::to_string(order) + " is corrupt");
        result.tickets.push_back(std::move(ticket));
    }
    *out = std::move(result);
    return Status::Ok;
}

Status PgStorage::findTicketByCode(const std::string& code, StoredTicket* out, std::string* error)
{
    USHER_ASSERT(out != nullptr && error != nullptr);
    Status status = Status::Ok;
    // Codes are stored as their 16 bytes (schema version 3). Every stored code was issued as
    // ticketCodeText(), so a text that is not exactly that (no code, another case) names no ticket,
    // as when the text itself was stored.
    TicketCode bytes {};
    if (!parseTicketCode(code, &bytes) || ticketCodeText(bytes) != code)
        return fail(Status::TicketNotFound, error, "no ticket has code " + code);
    Params byCode;
    byCode.bytes(bytes.data(), bytes.size());
    StoredTicket ticket;
    {
        ResultPtr rows = own(exec(SelectTicketByCode, byCode, "find ticket", &status, error));
        if (status != Status::Ok)
            return status;
        if (PQntuples(rows.get()) == 1) {
            if (!readTicketRow(rows.get(), 0, &ticket))
                return fail(Status::StorageFailed, error, "the ticket with code " + code + " is corrupt");
            *out = std::move(ticket);
            return Status::Ok;
        }
    }
    // Not a current code: perhaps one replaced by an exchange or a reissue.
    EventId event = 0;
    TicketId id = 0;
    OrderId order = 0;
    std::int64_t reason = 0;
    Seq seq = 0;
    {
        ResultPtr rows = own(exec(SelectRetiredCode, byCode, "find ticket", &status, error));
        if (status != Status::Ok)
            return status;
        if (PQntuples(rows.get()) == 0)
            return fail(Status::TicketNotFound, error, "no ticket has code " + code);
        event = getU64(rows.get(), 0, 0);
        id = getU64(rows.get(), 0, 1);
        order = getU64(rows.get(), 0, 2);
        reason = getI64(rows.get(), 0, 3);
        seq = getU64(rows.get(), 0, 4);
    }
    Params byId;
    byId.u64(event).u64(id).u64(order);
    ResultPtr rows = own(exec(SelectTicket, byId, "find ticket", &status, error));
    if (status != Status::Ok)
        return status;
    const bool reissued = reason == static_cast<std::int64_t>(TicketCodeState::Reissued);
    if (PQntuples(rows.get()) != 1 || !readTicketRow(rows.get(), 0, &ticket)
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
Status PgStorage::selectOrderIds(int statement, const Params& params, std::size_t limit, std::vector<StoredOrder>* out,
                                 std::string* error)
{
    USHER_ASSERT(out != nullptr && error != nullptr);
    std::vector<std::pair<EventId, OrderId>> ids;
    {
        Status status = Status::Ok;
        ResultPtr rows = own(exec(statement, params, "order search", &status, error));
        if (status != Status::Ok)
            return status;
        for (int i = 0; i < PQntuples(rows.get()) && ids.size() < limit; ++i)
            ids.emplace_back(getU64(rows.get(), i, 0), getU64(rows.get(), i, 1));
    }
    std::vector<StoredOrder> orders(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (const Status status = findOrder(ids[i].first, ids[i].second, &orders[i], error); status != Status::Ok)
            return status == Status::OrderNotFound ? Status::StorageFailed : status;
    *out = std::move(orders);
    return Status::Ok;
}

Status PgStorage::findOrdersByNumber(EventId event, OrderId order, std::size_t limit, std::vector<StoredOrder>* out,
                                     std::string* error)
{
    const std::int64_t max = searchLimit(limit);
    Params params;
    params.u64(order).u64(event).i64(max);
    return selectOrderIds(SelectOrdersByNumber, params, std::size_t(max), out, error);
}

Status PgStorage::findOrdersByBuyer(EventId event, const std::string& name, NameMatch match, std::size_t limit,
                                    std::vector<StoredOrder>* out, std::string* error)
{
    if (name.empty() || (match != NameMatch::Prefix && match != NameMatch::Contains))
        return fail(Status::InvalidArgument, error, "a buyer search needs a name and a match kind");
    const std::int64_t max = searchLimit(limit);
    Params params;
    params.text(asciiLower(name)).u64(event).i64(max);
    return selectOrderIds(match == NameMatch::Prefix ? SelectOrdersByBuyerPrefix : SelectOrdersByBuyerContains,
                          params, std::size_t(max), out, error);
}

Status PgStorage::findOrdersByPaymentRef(EventId event, const std::string& paymentRef, std::size_t limit,
                                         std::vector<StoredOrder>* out, std::string* error)
{
    if (paymentRef.empty())
        return fail(Status::InvalidArgument, error, "a payment reference search needs a reference");
    const std::int64_t max = searchLimit(limit);
    Params params;
    params.text(paymentRef).u64(event).i64(max);
    return selectOrderIds(SelectOrdersByPaymentRef, params, std::size_t(max), out, error);
}

Status PgStorage::findOrderBySeat(EventId event, SeatId seat, StoredOrder* out, std::string* error)
{
    USHER_ASSERT(out != nullptr && error != nullptr);
    OrderId order = 0;
    {
        Status status = Status::Ok;
        Params params;
        params.u64(event).i64(seat);
        ResultPtr rows = own(exec(SelectOrderBySeat, params, "find order by seat", &status, error));
        if (status != Status::Ok)
            return status;
        if (PQntuples(rows.get()) == 0)
            return fail(Status::OrderNotFound, error,
                        "seat " + std::to_string(seat) + " of " + eventText(event) + " is not sold");
        order = getU64(rows.get(), 0, 0);
    }
    const Status status = findOrder(event, order, out, error);
    return status == Status::OrderNotFound ? Status::StorageFailed : status;
}

} // namespace usher
