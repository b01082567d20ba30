#include "sync/SyncSql.h"

#include "core/Assert.h"

#include <sqlite3.h>

namespace usher {

SyncSql::SyncSql(sqlite3* db)
    : m_db(db)
{
}

SyncSql::~SyncSql()
{
    sqlite3_close_v2(m_db);
}

std::unique_ptr<SyncSql> SyncSql::open(const std::string& path, SyncDurability durability, std::string* error)
{
    sqlite3* db = nullptr;
    const int rc
        = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    std::unique_ptr<SyncSql> result(new SyncSql(db));
    if (rc != SQLITE_OK) {
        *error = "cannot open " + path + ": " + (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        return nullptr;
    }
    sqlite3_busy_timeout(db, 5000);
    const char* sync = durability == SyncDurability::Full ? "PRAGMA synchronous=FULL"
        : durability == SyncDurability::Normal            ? "PRAGMA synchronous=NORMAL"
                                                          : "PRAGMA synchronous=OFF";
    // One process owns a sync file (a second app instance on the same outbox would upload twice):
    // exclusive locking refuses the second one and spares a lock call per transaction.
    if (!result->exec("PRAGMA locking_mode=EXCLUSIVE") || !result->exec("PRAGMA journal_mode=WAL")
        || !result->exec(sync)) {
        *error = "cannot set up " + path + ": " + result->lastError();
        return nullptr;
    }
    return result;
}

bool SyncSql::exec(const char* sql)
{
    return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

int SyncSql::changes() const
{
    return sqlite3_changes(m_db);
}

std::string SyncSql::lastError() const
{
    return sqlite3_errmsg(m_db);
}

SyncSql::Stmt::Stmt(SyncSql& db, const char* sql)
{
    if (sqlite3_prepare_v2(db.m_db, sql, -1, &m_stmt, nullptr) != SQLITE_OK) {
        m_stmt = nullptr;
        m_failed = true;
    }
}

SyncSql::Stmt::~Stmt()
{
    sqlite3_finalize(m_stmt);
}

SyncSql::Stmt& SyncSql::Stmt::bind(int index, std::int64_t value)
{
    if (m_stmt == nullptr || sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK)
        m_failed = true;
    return *this;
}

SyncSql::Stmt& SyncSql::Stmt::bind(int index, std::string_view text)
{
    if (m_stmt == nullptr
        || sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        m_failed = true;
    return *this;
}

SyncSql::Stmt& SyncSql::Stmt::bindBlob(int index, const std::vector<std::uint8_t>& bytes)
{
    static const std::uint8_t empty = 0;
    const void* data = bytes.empty() ? &empty : bytes.data();
    if (m_stmt == nullptr
        || sqlite3_bind_blob(m_stmt, index, data, static_cast<int>(bytes.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        m_failed = true;
    return *this;
}

bool SyncSql::Stmt::next()
{
    if (m_stmt == nullptr || m_failed)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_failed = true;
    return false;
}

bool SyncSql::Stmt::run()
{
    while (next()) { }
    return !m_failed;
}

SyncSql::Stmt& SyncSql::Stmt::reset()
{
    if (m_stmt != nullptr) {
        sqlite3_reset(m_stmt);
        m_failed = false;
    }
    return *this;
}

std::int64_t SyncSql::Stmt::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

std::string SyncSql::Stmt::text(int column) const
{
    const auto* p = sqlite3_column_text(m_stmt, column);
    return p != nullptr
        ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)))
        : std::string();
}

std::string_view SyncSql::Stmt::textView(int column) const
{
    const auto* p = sqlite3_column_text(m_stmt, column);
    return p != nullptr ? std::string_view(reinterpret_cast<const char*>(p),
                                           static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)))
                        : std::string_view();
}

std::vector<std::uint8_t> SyncSql::Stmt::blob(int column) const
{
    const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    return p != nullptr ? std::vector<std::uint8_t>(p, p + size) : std::vector<std::uint8_t>();
}

bool SyncSql::Stmt::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

SyncSql::Tx::Tx(SyncSql& db)
    : m_db(db)
{
    m_began = m_db.exec("BEGIN IMMEDIATE");
}

SyncSql::Tx::~Tx()
{
    if (m_began && !m_done)
        m_db.exec("ROLLBACK");
}

bool SyncSql::Tx::commit()
{
    USHER_ASSERT(m_began && !m_done);
    m_done = true;
    if (m_db.exec("COMMIT"))
        return true;
    m_db.exec("ROLLBACK");
    return false;
}

std::vector<std::uint8_t> packU32(const std::vector<std::uint32_t>& values)
{
    std::vector<std::uint8_t> out;
    out.reserve(values.size() * 4);
    for (std::uint32_t v : values)
        for (int i = 0; i < 4; ++i)
            out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    return out;
}

bool unpackU32(const std::vector<std::uint8_t>& bytes, std::vector<std::uint32_t>* values)
{
    if (bytes.size() % 4 != 0)
        return false;
    values->clear();
    for (std::size_t i = 0; i < bytes.size(); i += 4)
        values->push_back(std::uint32_t(bytes[i]) | std::uint32_t(bytes[i + 1]) << 8 | std::uint32_t(bytes[i + 2]) << 16
                          | std::uint32_t(bytes[i + 3]) << 24);
    return true;
}

} // namespace usher
