#pragma once

// A SQLite VFS shim for fault-injection tests, in the style of SQLite's own test harness. It wraps
// the default VFS ("unix"), forwards every call, and counts the I/O calls of every file opened
// through it. Armed, it fails the Nth counted call once, or every call from the Nth on, the way a
// full disk or a dying device would.
//
//   SqliteStorageOptions options;
//   options.vfs = FaultVfs::instance().name();
//   FaultVfs::instance().failWritesFrom(3, /*persistent=*/false); // the 3rd write from now fails
//
// The counters are atomics: the committer writes on its own thread while a test reads them.

#include <atomic>
#include <cstdint>
#include <sqlite3.h>

namespace usher::test {

class FaultVfs {
public:
    // Which calls count towards N (and may fail). xWrite always counts.
    enum Op : unsigned {
        Write = 1u << 0,
        Sync = 1u << 1,
        Truncate = 1u << 2,
    };

    // Registers the shim on first use (not as the default VFS).
    static FaultVfs& instance();
    const char* name() const;

    // Resets the counters and arms the fault: the nth counted call from now (1-based) fails with
    // `errorCode`, and when `persistent` so does every later one. SQLITE_IOERR_WRITE becomes
    // SQLITE_IOERR_FSYNC / SQLITE_IOERR_TRUNCATE on a sync or truncate.
    void failWritesFrom(std::uint64_t n, bool persistent, int errorCode = SQLITE_FULL, unsigned ops = Write);
    // Stops failing; the counters keep counting.
    void disarm();
    // Zeroes the counters (and disarms).
    void reset();

    bool armed() const;
    std::uint64_t writes() const; // xWrite calls since the last arm or reset
    std::uint64_t syncs() const; // xSync calls
    std::uint64_t truncates() const; // xTruncate calls
    std::uint64_t failures() const; // calls failed on purpose

    // Called by the shim's file methods: counts one call and says which error to return, or SQLITE_OK.
    int onCall(Op op);

private:
    FaultVfs();

    std::atomic<std::uint64_t> m_writes { 0 };
    std::atomic<std::uint64_t> m_syncs { 0 };
    std::atomic<std::uint64_t> m_truncates { 0 };
    std::atomic<std::uint64_t> m_counted { 0 };
    std::atomic<std::uint64_t> m_failures { 0 };
    std::atomic<std::uint64_t> m_failAt { 0 }; // 0: disarmed
    std::atomic<bool> m_persistent { false };
    std::atomic<int> m_errorCode { SQLITE_FULL };
    std::atomic<unsigned> m_ops { Write };
};

} // namespace usher::test
