#pragma once

// An allocator for the ledger's large, long-lived tables (seats, holds, the idempotency index,
// tickets). Allocations of 2 MiB or more are 2 MiB-aligned and advised to use transparent huge
// pages: one page fault and one TLB entry per 2 MiB instead of 512. Measured on this project's
// VMs, where a first touch of a 4 KiB page costs about 10 us (docs/performance.md). Smaller
// allocations go to operator new as usual.

#include <cstddef>
#include <cstdlib>
#include <new>
#include <vector>

#include <sys/mman.h>

namespace usher {

template <typename T>
class HugePageAllocator {
public:
    using value_type = T;
    static constexpr std::size_t kHugePageBytes = 2u << 20;

    HugePageAllocator() = default;
    template <typename U>
    HugePageAllocator(const HugePageAllocator<U>&) noexcept
    {
    }

    T* allocate(std::size_t n)
    {
        const std::size_t bytes = n * sizeof(T);
        if (bytes < kHugePageBytes)
            return static_cast<T*>(::operator new(bytes));
        const std::size_t rounded = (bytes + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
        void* p = std::aligned_alloc(kHugePageBytes, rounded);
        if (p == nullptr)
            throw std::bad_alloc();
        ::madvise(p, rounded, MADV_HUGEPAGE); // advice only: fine if the kernel says no
        return static_cast<T*>(p);
    }

    void deallocate(T* p, std::size_t n) noexcept
    {
        if (n * sizeof(T) < kHugePageBytes)
            ::operator delete(p);
        else
            std::free(p);
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
