#pragma once

// An allocator for the ledger's large, long-lived tables (seats, holds, the idempotency index,
// orders, tickets). Allocations of 1 MiB or more get a mapping of their own (allocateTable):
// 2 MiB-aligned, rounded up to whole 2 MiB, advised to use transparent huge pages *before* the
// first touch, unmapped when freed: one page fault and one TLB entry per 2 MiB instead of 512.
// Smaller allocations go to operator new as usual.
//
// Why not the heap: glibc serves a table from memory another table (or anything else) left, already
// mapped with 4 KiB pages, and advice given then changes nothing until khugepaged (16 MiB per 10 s
// here) gets to it: which tables had huge pages, and so the in-memory confirm rate, changed from one
// process to the next (docs/performance.md, session 13).

#include <cstddef>
#include <cstdint>
#include <new>
#include <vector>

namespace usher {

// How allocateTable backs tables. For diagnostics and benchmark comparisons (usher-bench's
// USHER_BENCH_TABLE_PAGES); set before any table exists.
enum class TablePages : std::uint8_t {
    Huge = 0,  // own 2 MiB-aligned mapping, MADV_HUGEPAGE before the first touch (the default)
    Small = 1, // own mapping, MADV_NOHUGEPAGE: 4 KiB pages only
    Heap = 2,  // session 12's: the heap (aligned_alloc), MADV_HUGEPAGE after it hands the memory out
};
void setTablePages(TablePages pages);
TablePages tablePages();

constexpr std::size_t kTableBytesMin = std::size_t(1) << 20;
// `bytes` >= kTableBytesMin. Throws std::bad_alloc.
void* allocateTable(std::size_t bytes);
void freeTable(void* p, std::size_t bytes) noexcept;

template <typename T>
class HugePageAllocator {
public:
    using value_type = T;

    HugePageAllocator() = default;
    template <typename U>
    HugePageAllocator(const HugePageAllocator<U>&) noexcept
    {
    }

    T* allocate(std::size_t n)
    {
        const std::size_t bytes = n * sizeof(T);
        if (bytes < kTableBytesMin)
            return static_cast<T*>(::operator new(bytes));
        return static_cast<T*>(allocateTable(bytes));
    }

    void deallocate(T* p, std::size_t n) noexcept
    {
        if (n * sizeof(T) < kTableBytesMin)
            ::operator delete(p);
        else
            freeTable(p, n * sizeof(T));
    }

    template <typename U>
    friend bool operator==(const HugePageAllocator&, const HugePageAllocator<U>&)
    {
        return true;
    }
};

template <typename T>
using BigVector = std::vector<T, HugePageAllocator<T>>;

} // namespace usher
