#include "core/HugePageAllocator.h"

#include "core/Assert.h"

#include <atomic>
#include <cstdlib>
#include <sys/mman.h>

namespace usher {

namespace {

constexpr std::size_t kHugePageBytes = std::size_t(2) << 20;
constexpr std::size_t kHeapTableBytesMin = kHugePageBytes; // TablePages::Heap: session 12's threshold

std::atomic<TablePages> g_pages { TablePages::Huge };
std::atomic<std::size_t> g_tables { 0 }; // live tables: the policy must not change under them

std::size_t wholeHugePages(std::size_t bytes)
{
    return (bytes + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
}

// A fresh mapping of `bytes` (whole 2 MiB), 2 MiB-aligned: 2 MiB more is mapped, the unaligned head
// and the tail are unmapped again. A huge page backs a 2 MiB-aligned range only, so an unaligned
// table could not have one at either end.
void* mapAligned(std::size_t bytes)
{
    void* raw = ::mmap(nullptr, bytes + kHugePageBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        throw std::bad_alloc();
    const auto base = reinterpret_cast<std::uintptr_t>(raw);
    const std::uintptr_t aligned = (base + kHugePageBytes - 1) & ~(kHugePageBytes - 1);
    const std::uintptr_t end = base + bytes + kHugePageBytes;
    if (aligned > base)
        ::munmap(raw, aligned - base);
    if (end > aligned + bytes)
        ::munmap(reinterpret_cast<void*>(aligned + bytes), end - (aligned + bytes));
    return reinterpret_cast<void*>(aligned);
}

} // namespace

void setTablePages(TablePages pages)
{
    USHER_ASSERT(g_tables.load() == 0);
    g_pages.store(pages);
}

TablePages tablePages()
{
    return g_pages.load(std::memory_order_relaxed);
}

void* allocateTable(std::size_t bytes)
{
    USHER_ASSERT(bytes >= kTableBytesMin);
    const TablePages pages = tablePages();
    const std::size_t rounded = wholeHugePages(bytes);
    void* p = nullptr;
    if (pages == TablePages::Heap) {
        if (bytes < kHeapTableBytesMin) {
            p = ::operator new(bytes);
        } else {
            p = std::aligned_alloc(kHugePageBytes, rounded);
            if (p == nullptr)
                throw std::bad_alloc();
            ::madvise(p, rounded, MADV_HUGEPAGE); // advice only
        }
    } else {
        p = mapAligned(rounded);
        // Advice only (a kernel without THP says no): given before any page of the mapping exists,
        // so the first touch of each 2 MiB already maps a huge page.
        ::madvise(p, rounded, pages == TablePages::Huge ? MADV_HUGEPAGE : MADV_NOHUGEPAGE);
    }
    g_tables.fetch_add(1, std::memory_order_relaxed);
    return p;
}

void freeTable(void* p, std::size_t bytes) noexcept
{
    g_tables.fetch_sub(1, std::memory_order_relaxed);
    if (tablePages() != TablePages::Heap)
        ::munmap(p, wholeHugePages(bytes));
    else if (bytes < kHeapTableBytesMin)
        ::operator delete(p);
    else
        std::free(p);
}

} // namespace usher
