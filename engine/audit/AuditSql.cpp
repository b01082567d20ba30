#include "audit/AuditSql.h"

#include <sqlite3.h>
#include <utility>

namespace usher::audit {

AuditDb::AuditDb(sqlite3* db)
    : m_db(db)
{
}

AuditDb::~AuditDb()
{
    sqlite3_close_v2(m_db);
}

std::unique_ptr<AuditDb> AuditDb::open(const std::string& path, bool create, std::string* error)
{
    sqlite3* db = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    std::unique_ptr<AuditDb> result(new AuditDb(db));
    if (rc != SQLITE_OK) {
        *error = "cannot open " + path + ": " + (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        return nullptr;
    }
    sqlite3_busy_timeout(db, 5000);
    if (!result->exec("PRAGMA journal_mode=WAL", error) || !result->exec("PRAGMA synchronous=NORMAL", error)
        || !result->exec("PRAGMA cache_size=-65536", error)) {
        *error = "cannot set up " + path + ": " + *error;
        return nullptr;
    }
    return result;
}

bool AuditDb::exec(const char* sql, std::string* error)
{
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    *error = message != nullptr ? message : lastError();
    sqlite3_free(message);
    return false;
}

std::string AuditDb::lastError() const
{
    return sqlite3_errmsg(m_db);
}

AuditStmt::AuditStmt(AuditDb& db, std::string_view sql)
{
    if (sqlite3_prepare_v3(db.handle(), sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr)
        != SQLITE_OK) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        m_failed = true;
    }
}

AuditStmt::~AuditStmt()
{
    sqlite3_finalize(m_stmt);
}

AuditStmt::AuditStmt(AuditStmt&& other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_failed(other.m_failed)
{
}

AuditStmt& AuditStmt::operator=(AuditStmt&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_failed = other.m_failed;
    }
    return *this;
}

AuditStmt& AuditStmt::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_failed = m_stmt == nullptr;
    return *this;
}

AuditStmt& AuditStmt::bind(int index, std::int64_t value)
{
    if (sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK)
        m_failed = true;
    return *this;
}

AuditStmt& AuditStmt::bindText(int index, std::string_view text)
{
    if (sqlite3_bind_text(m_stmt, index, text.data(), int(text.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        m_failed = true;
    return *this;
}

AuditStmt& AuditStmt::bindBlob(int index, const std::vector<std::uint8_t>& bytes)
{
    if (sqlite3_bind_blob64(m_stmt, index, bytes.data(), sqlite3_uint64(bytes.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        m_failed = true;
    return *this;
}

bool AuditStmt::step()
{
    if (m_failed || m_stmt == nullptr)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_failed = true;
    return false;
}

bool AuditStmt::run()
{
    while (step()) { }
    const bool good = !m_failed;
    sqlite3_reset(m_stmt);
    return good;
}

std::int64_t AuditStmt::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

std::string AuditStmt::text(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return data != nullptr ? std::string(data, std::size_t(sqlite3_column_bytes(m_stmt, column))) : std::string();
}

std::vector<std::uint8_t> AuditStmt::blob(int column) const
{
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_stmt, column));
    return data != nullptr ? std::vector<std::uint8_t>(data, data + sqlite3_column_bytes(m_stmt, column))
                           : std::vector<std::uint8_t>();
}

bool AuditStmt::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

} // namespace usher::audit
