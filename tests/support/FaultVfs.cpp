#include "support/FaultVfs.h"

#include "core/Assert.h"

#include <algorithm>
#include <cstddef>

namespace usher::test {
namespace {

constexpr const char* kVfsName = "usher-fault";

// SQLite allocates szOsFile bytes per file: this header, then the real VFS's file right after it.
struct FaultFile {
    sqlite3_file base; // first: SQLite sees a FaultFile as a sqlite3_file
    sqlite3_file* real;
};
static_assert(sizeof(FaultFile) % alignof(std::max_align_t) == 0, "the real file that follows must stay aligned");

sqlite3_vfs* g_root = nullptr; // the wrapped VFS
sqlite3_vfs g_vfs {};

sqlite3_file* realFile(sqlite3_file* file)
{
    return reinterpret_cast<FaultFile*>(file)->real;
}

const sqlite3_io_methods* realMethods(sqlite3_file* file)
{
    return realFile(file)->pMethods;
}

// --- file methods: forward, counting the ones that may fail -----------------------------------

int faultClose(sqlite3_file* file)
{
    return realMethods(file)->xClose(realFile(file));
}

int faultRead(sqlite3_file* file, void* out, int amount, sqlite3_int64 offset)
{
    return realMethods(file)->xRead(realFile(file), out, amount, offset);
}

int faultWrite(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset)
{
    if (const int rc = FaultVfs::instance().onCall(FaultVfs::Write); rc != SQLITE_OK)
        return rc;
    return realMethods(file)->xWrite(realFile(file), data, amount, offset);
}

int faultTruncate(sqlite3_file* file, sqlite3_int64 size)
{
    if (const int rc = FaultVfs::instance().onCall(FaultVfs::Truncate); rc != SQLITE_OK)
        return rc;
    return realMethods(file)->xTruncate(realFile(file), size);
}

int faultSync(sqlite3_file* file, int flags)
{
    if (const int rc = FaultVfs::instance().onCall(FaultVfs::Sync); rc != SQLITE_OK)
        return rc;
    return realMethods(file)->xSync(realFile(file), flags);
}

int faultFileSize(sqlite3_file* file, sqlite3_int64* size)
{
    return realMethods(file)->xFileSize(realFile(file), size);
}

int faultLock(sqlite3_file* file, int level)
{
    return realMethods(file)->xLock(realFile(file), level);
}

int faultUnlock(sqlite3_file* file, int level)
{
    return realMethods(file)->xUnlock(realFile(file), level);
}

int faultCheckReservedLock(sqlite3_file* file, int* result)
{
    return realMethods(file)->xCheckReservedLock(realFile(file), result);
}

int faultFileControl(sqlite3_file* file, int op, void* arg)
{
    return realMethods(file)->xFileControl(realFile(file), op, arg);
}

int faultSectorSize(sqlite3_file* file)
{
    return realMethods(file)->xSectorSize(realFile(file));
}

int faultDeviceCharacteristics(sqlite3_file* file)
{
    return realMethods(file)->xDeviceCharacteristics(realFile(file));
}

int faultShmMap(sqlite3_file* file, int region, int size, int extend, void volatile** out)
{
    return realMethods(file)->xShmMap(realFile(file), region, size, extend, out);
}

int faultShmLock(sqlite3_file* file, int offset, int n, int flags)
{
    return realMethods(file)->xShmLock(realFile(file), offset, n, flags);
}

void faultShmBarrier(sqlite3_file* file)
{
    realMethods(file)->xShmBarrier(realFile(file));
}

int faultShmUnmap(sqlite3_file* file, int deleteFlag)
{
    return realMethods(file)->xShmUnmap(realFile(file), deleteFlag);
}

int faultFetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** out)
{
    return realMethods(file)->xFetch(realFile(file), offset, amount, out);
}

int faultUnfetch(sqlite3_file* file, sqlite3_int64 offset, void* page)
{
    return realMethods(file)->xUnfetch(realFile(file), offset, page);
}

constexpr sqlite3_io_methods methodsOfVersion(int version)
{
    return { version,
             faultClose,
             faultRead,
             faultWrite,
             faultTruncate,
             faultSync,
             faultFileSize,
             faultLock,
             faultUnlock,
             faultCheckReservedLock,
             faultFileControl,
             faultSectorSize,
             faultDeviceCharacteristics,
             faultShmMap,
             faultShmLock,
             faultShmBarrier,
             faultShmUnmap,
             faultFetch,
             faultUnfetch };
}

// SQLite looks at iVersion before calling the shm (2) and fetch (3) methods: mirror the real file's.
constexpr sqlite3_io_methods kMethods[3] = { methodsOfVersion(1), methodsOfVersion(2), methodsOfVersion(3) };

// --- VFS methods: forward to the wrapped VFS --------------------------------------------------

int faultOpen(sqlite3_vfs* /*vfs*/, const char* name, sqlite3_file* file, int flags, int* outFlags)
{
    auto* f = reinterpret_cast<FaultFile*>(file);
    f->real = reinterpret_cast<sqlite3_file*>(f + 1);
    f->real->pMethods = nullptr;
    const int rc = g_root->xOpen(g_root, name, f->real, flags, outFlags);
    // SQLite calls xClose whenever pMethods is set, even after a failed open: mirror the real file.
    if (f->real->pMethods == nullptr) {
        f->base.pMethods = nullptr;
    } else {
        const int version = std::clamp(f->real->pMethods->iVersion, 1, 3);
        f->base.pMethods = &kMethods[version - 1];
    }
    return rc;
}

int faultDelete(sqlite3_vfs*, const char* name, int syncDir)
{
    return g_root->xDelete(g_root, name, syncDir);
}

int faultAccess(sqlite3_vfs*, const char* name, int flags, int* result)
{
    return g_root->xAccess(g_root, name, flags, result);
}

int faultFullPathname(sqlite3_vfs*, const char* name, int size, char* out)
{
    return g_root->xFullPathname(g_root, name, size, out);
}

void* faultDlOpen(sqlite3_vfs*, const char* name)
{
    return g_root->xDlOpen(g_root, name);
}

void faultDlError(sqlite3_vfs*, int size, char* out)
{
    g_root->xDlError(g_root, size, out);
}

void (*faultDlSym(sqlite3_vfs*, void* handle, const char* symbol))(void)
{
    return g_root->xDlSym(g_root, handle, symbol);
}

void faultDlClose(sqlite3_vfs*, void* handle)
{
    g_root->xDlClose(g_root, handle);
}

int faultRandomness(sqlite3_vfs*, int size, char* out)
{
    return g_root->xRandomness(g_root, size, out);
}

int faultSleep(sqlite3_vfs*, int microseconds)
{
    return g_root->xSleep(g_root, microseconds);
}

int faultCurrentTime(sqlite3_vfs*, double* out)
{
    return g_root->xCurrentTime(g_root, out);
}

int faultGetLastError(sqlite3_vfs*, int size, char* out)
{
    return g_root->xGetLastError(g_root, size, out);
}

int faultCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out)
{
    return g_root->xCurrentTimeInt64(g_root, out);
}

int faultSetSystemCall(sqlite3_vfs*, const char* name, sqlite3_syscall_ptr call)
{
    return g_root->xSetSystemCall(g_root, name, call);
}

sqlite3_syscall_ptr faultGetSystemCall(sqlite3_vfs*, const char* name)
{
    return g_root->xGetSystemCall(g_root, name);
}

const char* faultNextSystemCall(sqlite3_vfs*, const char* name)
{
    return g_root->xNextSystemCall(g_root, name);
}

} // namespace

FaultVfs& FaultVfs::instance()
{
    static FaultVfs vfs;
    return vfs;
}

FaultVfs::FaultVfs()
{
    const int initialized = sqlite3_initialize();
    USHER_ASSERT(initialized == SQLITE_OK);
    g_root = sqlite3_vfs_find("unix");
    if (g_root == nullptr)
        g_root = sqlite3_vfs_find(nullptr);
    USHER_ASSERT(g_root != nullptr && g_root->iVersion >= 3);
    g_vfs.iVersion = 3;
    g_vfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + g_root->szOsFile;
    g_vfs.mxPathname = g_root->mxPathname;
    g_vfs.zName = kVfsName;
    g_vfs.pAppData = this;
    g_vfs.xOpen = faultOpen;
    g_vfs.xDelete = faultDelete;
    g_vfs.xAccess = faultAccess;
    g_vfs.xFullPathname = faultFullPathname;
    g_vfs.xDlOpen = faultDlOpen;
    g_vfs.xDlError = faultDlError;
    g_vfs.xDlSym = faultDlSym;
    g_vfs.xDlClose = faultDlClose;
    g_vfs.xRandomness = faultRandomness;
    g_vfs.xSleep = faultSleep;
    g_vfs.xCurrentTime = faultCurrentTime;
    g_vfs.xGetLastError = faultGetLastError;
    g_vfs.xCurrentTimeInt64 = faultCurrentTimeInt64;
    g_vfs.xSetSystemCall = faultSetSystemCall;
    g_vfs.xGetSystemCall = faultGetSystemCall;
    g_vfs.xNextSystemCall = faultNextSystemCall;
    const int registered = sqlite3_vfs_register(&g_vfs, 0);
    USHER_ASSERT(registered == SQLITE_OK);
}

const char* FaultVfs::name() const
{
    return kVfsName;
}

void FaultVfs::failWritesFrom(std::uint64_t n, bool persistent, int errorCode, unsigned ops)
{
    USHER_ASSERT(n >= 1);
    USHER_ASSERT(errorCode != SQLITE_OK && (ops & Write) != 0);
    reset();
    m_persistent = persistent;
    m_errorCode = errorCode;
    m_ops = ops;
    m_failAt = n; // last: a concurrent call sees the fault complete or not at all
}

void FaultVfs::disarm()
{
    m_failAt = 0;
}

void FaultVfs::reset()
{
    m_failAt = 0;
    m_writes = 0;
    m_syncs = 0;
    m_truncates = 0;
    m_counted = 0;
    m_failures = 0;
}

bool FaultVfs::armed() const
{
    return m_failAt != 0;
}

std::uint64_t FaultVfs::writes() const
{
    return m_writes;
}

std::uint64_t FaultVfs::syncs() const
{
    return m_syncs;
}

std::uint64_t FaultVfs::truncates() const
{
    return m_truncates;
}

std::uint64_t FaultVfs::failures() const
{
    return m_failures;
}

int FaultVfs::onCall(Op op)
{
    switch (op) {
    case Write: ++m_writes; break;
    case Sync: ++m_syncs; break;
    case Truncate: ++m_truncates; break;
    }
    if ((m_ops & op) == 0)
        return SQLITE_OK;
    const std::uint64_t n = ++m_counted;
    const std::uint64_t failAt = m_failAt;
    if (failAt == 0 || n < failAt || (n > failAt && !m_persistent))
        return SQLITE_OK;
    ++m_failures;
    const int code = m_errorCode;
    if (code == SQLITE_IOERR_WRITE && op == Sync)
        return SQLITE_IOERR_FSYNC;
    if (code == SQLITE_IOERR_WRITE && op == Truncate)
        return SQLITE_IOERR_TRUNCATE;
    return code;
}

} // namespace usher::test
