#pragma once

// A small SQLite helper for the audit index (audit.db): a connection and statements that reset
// and finalize themselves. Used by one thread at a time per connection.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace usher::audit {

class AuditDb {
public:
    // Opens (or creates, when `create`) the file in WAL mode with synchronous=NORMAL: the index is
    // derived from the journal, so a power cut that loses its last transactions costs a catch-up.
    static std::unique_ptr<AuditDb> open(const std::string& path, bool create, std::string* error);
    ~AuditDb();
    AuditDb(const AuditDb&) = delete;
    AuditDb& operator=(const AuditDb&) = delete;

    bool exec(const char* sql, std::string* error);
    std::string lastError() const;
    sqlite3* handle() const { return m_db; }

private:
    explicit AuditDb(sqlite3* db);
    sqlite3* m_db = nullptr;
};

// A prepared statement. reset() before binding again; the destructor finalizes.
class AuditStmt {
public:
    AuditStmt() = default;
    AuditStmt(AuditDb& db, std::string_view sql);
    ~AuditStmt();
    AuditStmt(const AuditStmt&) = delete;
    AuditStmt& operator=(const AuditStmt&) = delete;
    AuditStmt(AuditStmt&& other) noexcept;
    AuditStmt& operator=(AuditStmt&& other) noexcept;

    bool ok() const { return m_stmt != nullptr; }
    AuditStmt& reset();
    AuditStmt& bind(int index, std::int64_t value);
    AuditStmt& bindText(int index, std::string_view text);
    AuditStmt& bindBlob(int index, const std::vector<std::uint8_t>& bytes);
    // SQLITE_ROW: true; SQLITE_DONE: false with failed() false; an error: false with failed() true.
    bool step();
    bool run(); // to completion; false on error
    bool failed() const { return m_failed; }
    std::int64_t integer(int column) const;
    std::string text(int column) const;
    std::vector<std::uint8_t> blob(int column) const;
    bool isNull(int column) const;

private:
    sqlite3_stmt* m_stmt = nullptr;
    bool m_failed = false;
};

} // namespace usher::audit
