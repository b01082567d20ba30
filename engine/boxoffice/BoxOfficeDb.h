#pragma once

// The box office's own SQLite file (boxoffice.db next to the engine's usher.db): staff accounts,
// shifts, the cash drawer, counter-sale records and the box-office audit trail. WAL with
// synchronous=FULL, one transaction per operation, so a kill -9 or a power cut keeps every
// operation whole or not at all. See docs/design/boxoffice.md for why it is a separate file.

#include "core/Types.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace usher {

class BoxOfficeDb {
public:
    // Opens or creates the file and its schema. Null with *error on failure.
    static std::unique_ptr<BoxOfficeDb> open(const std::string& path, std::string* error);
    ~BoxOfficeDb();
    BoxOfficeDb(const BoxOfficeDb&) = delete;
    BoxOfficeDb& operator=(const BoxOfficeDb&) = delete;

    sqlite3* handle() const { return m_db; }
    const std::string& path() const { return m_path; }
    std::string lastError() const;
    bool exec(const char* sql);
    std::int64_t lastInsertId() const;
    int changes() const; // rows changed by the last statement

    // Appends one row to the audit trail (inside the caller's transaction).
    bool audit(Timestamp at, std::uint64_t staff, std::string_view action, std::string_view detail);

    // Every operation runs inside one of these: it serializes the connection between threads and
    // holds a write transaction (BEGIN IMMEDIATE) that rolls back unless commit() succeeded.
    class Transaction {
    public:
        explicit Transaction(BoxOfficeDb& db);
        ~Transaction();
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;
        bool began() const { return m_began; }
        bool commit();

    private:
        BoxOfficeDb& m_db;
        std::unique_lock<std::recursive_mutex> m_lock;
        bool m_began = false;
        bool m_done = false;
    };

private:
    BoxOfficeDb(sqlite3* db, std::string path);
    bool createSchema();

    sqlite3* m_db = nullptr;
    std::string m_path;
    std::recursive_mutex m_mutex;
};

// A prepared statement. Binding and column indexes are 1-based and 0-based as in SQLite.
class SqlStatement {
public:
    SqlStatement(BoxOfficeDb& db, const char* sql);
    ~SqlStatement();
    SqlStatement(const SqlStatement&) = delete;
    SqlStatement& operator=(const SqlStatement&) = delete;

    bool ok() const { return m_stmt != nullptr; }
    SqlStatement& bind(int index, std::int64_t value);
    SqlStatement& bind(int index, std::string_view value);
    SqlStatement& bindNull(int index);
    // True while a row is available; false at the end or on error (see failed()).
    bool next();
    bool run(); // steps to completion; false on error
    bool failed() const { return m_failed; }

    std::int64_t integer(int column) const;
    std::string text(int column) const;
    bool isNull(int column) const;

private:
    sqlite3_stmt* m_stmt = nullptr;
    bool m_failed = false;
};

} // namespace usher
