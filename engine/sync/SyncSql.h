#pragma once

// A small SQLite helper for the sync stores (SyncOutbox, SyncCentralStore): one connection, WAL,
// statements that finalize themselves, transactions that roll back unless committed. Used by one
// thread at a time. Not shared with the engine's SqliteStorage: the sync files are separate
// (docs/design/sync.md says why).

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace usher {

enum class SyncDurability : std::uint8_t {
    Full = 0,   // synchronous=FULL: every commit survives a power cut
    Normal = 1, // synchronous=NORMAL: a crash of the process loses nothing, a power cut may lose the last commits
    Off = 2,    // tests and simulations only: a process crash loses nothing (the OS has the pages)
};

class SyncSql {
public:
    static std::unique_ptr<SyncSql> open(const std::string& path, SyncDurability durability, std::string* error);
    ~SyncSql();
    SyncSql(const SyncSql&) = delete;
    SyncSql& operator=(const SyncSql&) = delete;

    bool exec(const char* sql);
    std::string lastError() const;
    int changes() const; // rows changed by the last statement
    sqlite3* handle() const { return m_db; }

    class Stmt {
    public:
        Stmt(SyncSql& db, const char* sql);
        ~Stmt();
        Stmt(const Stmt&) = delete;
        Stmt& operator=(const Stmt&) = delete;
        bool ok() const { return m_stmt != nullptr; }
        Stmt& bind(int index, std::int64_t value);
        Stmt& bind(int index, std::string_view text);
        Stmt& bindBlob(int index, const std::vector<std::uint8_t>& bytes);
        bool next(); // a row is available; false at the end or on error (failed())
        bool run();  // to completion; false on error
        // Ready to bind and run again (the bindings are kept until bound anew); clears failed().
        Stmt& reset();
        bool failed() const { return m_failed; }
        std::int64_t integer(int column) const;
        std::string text(int column) const;
        // The text in SQLite's buffer: valid until the next step, reset or column read of this row.
        std::string_view textView(int column) const;
        std::vector<std::uint8_t> blob(int column) const;
        bool isNull(int column) const;

    private:
        sqlite3_stmt* m_stmt = nullptr;
        bool m_failed = false;
    };

    // BEGIN IMMEDIATE; rolls back in the destructor unless commit() succeeded.
    class Tx {
    public:
        explicit Tx(SyncSql& db);
        ~Tx();
        Tx(const Tx&) = delete;
        Tx& operator=(const Tx&) = delete;
        bool began() const { return m_began; }
        bool commit();

    private:
        SyncSql& m_db;
        bool m_began = false;
        bool m_done = false;
    };

private:
    explicit SyncSql(sqlite3* db);
    sqlite3* m_db = nullptr;
};

// Seat lists and small integer lists are stored as little-endian u32 blobs.
std::vector<std::uint8_t> packU32(const std::vector<std::uint32_t>& values);
bool unpackU32(const std::vector<std::uint8_t>& bytes, std::vector<std::uint32_t>* values);

} // namespace usher
