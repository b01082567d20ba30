#include "boxoffice/BoxOfficeDb.h"

#include <sqlite3.h>

namespace usher {

namespace {

constexpr int kSchemaVersion = 1;
constexpr int kBusyTimeoutMs = 5000;

const char* const kSchema = R"sql(
CREATE TABLE IF NOT EXISTS staff(
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role INTEGER NOT NULL,
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS shifts(
    id INTEGER PRIMARY KEY,
    clerk INTEGER NOT NULL,
    currency TEXT NOT NULL,
    float_amount INTEGER NOT NULL,
    opened_at INTEGER NOT NULL,
    closed_at INTEGER,
    counted_cash INTEGER);
CREATE UNIQUE INDEX IF NOT EXISTS shifts_one_open_per_clerk ON shifts(clerk) WHERE closed_at IS NULL;
CREATE TABLE IF NOT EXISTS drawer_entries(
    id INTEGER PRIMARY KEY,
    shift INTEGER NOT NULL REFERENCES shifts(id),
    kind INTEGER NOT NULL,
    method INTEGER NOT NULL,
    amount INTEGER NOT NULL,
    reference TEXT NOT NULL,
    note TEXT NOT NULL,
    clerk INTEGER NOT NULL,
    at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS drawer_entries_shift ON drawer_entries(shift);
CREATE TABLE IF NOT EXISTS sale_lines(
    id INTEGER PRIMARY KEY,
    shift INTEGER NOT NULL REFERENCES shifts(id),
    kind INTEGER NOT NULL,
    category TEXT NOT NULL,
    tickets INTEGER NOT NULL,
    amount INTEGER NOT NULL,
    reference TEXT NOT NULL,
    at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS sale_lines_shift ON sale_lines(shift);
CREATE TABLE IF NOT EXISTS sales(
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    shift INTEGER NOT NULL,
    clerk INTEGER NOT NULL,
    event INTEGER NOT NULL,
    hold INTEGER NOT NULL,
    state INTEGER NOT NULL,
    amount INTEGER NOT NULL,
    order_id INTEGER NOT NULL DEFAULT 0,
    seats TEXT NOT NULL DEFAULT '',
    price_types TEXT NOT NULL DEFAULT '',
    buyer_name TEXT NOT NULL DEFAULT '',
    buyer_email TEXT NOT NULL DEFAULT '',
    buyer_phone TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS sales_state ON sales(state);
CREATE TABLE IF NOT EXISTS tenders(
    id INTEGER PRIMARY KEY,
    sale INTEGER NOT NULL REFERENCES sales(id),
    method INTEGER NOT NULL,
    amount INTEGER NOT NULL,
    tendered INTEGER NOT NULL,
    change_due INTEGER NOT NULL,
    terminal_ref TEXT NOT NULL,
    state INTEGER NOT NULL,
    approved_by INTEGER NOT NULL DEFAULT 0,
    auth_code TEXT NOT NULL DEFAULT '',
    at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS audit(
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    staff INTEGER NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL);
)sql";

} // namespace

std::unique_ptr<BoxOfficeDb> BoxOfficeDb::open(const std::string& path, std::string* error)
{
    sqlite3* db = nullptr;
    const int rc
        = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        if (error)
            *error = "cannot open " + path + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close(db);
        return nullptr;
    }
    std::unique_ptr<BoxOfficeDb> result(new BoxOfficeDb(db, path));
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    if (!result->exec("PRAGMA journal_mode=WAL") || !result->exec("PRAGMA synchronous=FULL")
        || !result->exec("PRAGMA foreign_keys=ON") || !result->createSchema()) {
        if (error)
            *error = "cannot initialise " + path + ": " + result->lastError();
        return nullptr;
    }
    return result;
}

BoxOfficeDb::BoxOfficeDb(sqlite3* db, std::string path)
    : m_db(db)
    , m_path(std::move(path))
{
}

BoxOfficeDb::~BoxOfficeDb()
{
    sqlite3_close(m_db);
}

std::string BoxOfficeDb::lastError() const
{
    return sqlite3_errmsg(m_db);
}

std::int64_t BoxOfficeDb::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int BoxOfficeDb::changes() const
{
    return sqlite3_changes(m_db);
}

bool BoxOfficeDb::exec(const char* sql)
{
    return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

bool BoxOfficeDb::createSchema()
{
    Transaction transaction(*this);
    if (!transaction.began())
        return false;
    SqlStatement version(*this, "PRAGMA user_version");
    if (!version.next())
        return false;
    const std::int64_t current = version.integer(0);
    if (current > kSchemaVersion)
        return false; // written by a newer Usher: refuse rather than misread it
    if (!exec(kSchema))
        return false;
    if (current != kSchemaVersion && !exec("PRAGMA user_version=1"))
        return false;
    return transaction.commit();
}

bool BoxOfficeDb::audit(Timestamp at, std::uint64_t staff, std::string_view action, std::string_view detail)
{
    SqlStatement insert(*this, "INSERT INTO audit(at, staff, action, detail) VALUES(?, ?, ?, ?)");
    return insert.bind(1, at).bind(2, static_cast<std::int64_t>(staff)).bind(3, action).bind(4, detail).run();
}

BoxOfficeDb::Transaction::Transaction(BoxOfficeDb& db)
    : m_db(db)
    , m_lock(db.m_mutex)
{
    m_began = m_db.exec("BEGIN IMMEDIATE");
}

BoxOfficeDb::Transaction::~Transaction()
{
    if (m_began && !m_done)
        m_db.exec("ROLLBACK");
}

bool BoxOfficeDb::Transaction::commit()
{
    if (!m_began || m_done)
        return false;
    if (!m_db.exec("COMMIT")) {
        m_db.exec("ROLLBACK");
        m_done = true;
        return false;
    }
    m_done = true;
    return true;
}

SqlStatement::SqlStatement(BoxOfficeDb& db, const char* sql)
{
    if (sqlite3_prepare_v2(db.handle(), sql, -1, &m_stmt, nullptr) != SQLITE_OK) {
        m_stmt = nullptr;
        m_failed = true;
    }
}

SqlStatement::~SqlStatement()
{
    sqlite3_finalize(m_stmt);
}

SqlStatement& SqlStatement::bind(int index, std::int64_t value)
{
    if (!m_stmt || sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK)
        m_failed = true;
    return *this;
}

SqlStatement& SqlStatement::bind(int index, std::string_view value)
{
    if (!m_stmt
        || sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT)
            != SQLITE_OK)
        m_failed = true;
    return *this;
}

SqlStatement& SqlStatement::bindNull(int index)
{
    if (!m_stmt || sqlite3_bind_null(m_stmt, index) != SQLITE_OK)
        m_failed = true;
    return *this;
}

bool SqlStatement::next()
{
    if (m_failed)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_failed = true;
    return false;
}

bool SqlStatement::run()
{
    while (next()) { }
    return !m_failed;
}

std::int64_t SqlStatement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

std::string SqlStatement::text(int column) const
{
    const auto* bytes = sqlite3_column_text(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    return bytes ? std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size)) : std::string();
}

bool SqlStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

} // namespace usher
