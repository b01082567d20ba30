#pragma once

// Cache prefetch hints the compiler cannot drop.
//
// GCC 12 counts __builtin_prefetch as free of side effects when it analyses a function, so a small
// inline function that only computes an address and prefetches it is found "pure", and a call to it
// whose (void) result nobody uses is deleted as dead code, prefetch and all. It depends on what gets
// inlined where: session 15 made IdempotencyIndex::hashOf inline, GCC then found
// IdempotencyIndex::prefetch pure and dropped the idempotency table's prefetch from
// Ledger::prefetch. Every command then waited for that table's line: +110 ns per hold, confirm and
// release, with fewer instructions (callgrind does not model prefetches, so only the clock showed
// it). A volatile asm statement is never deleted.

namespace usher {

// Starts loading the cache line holding `address` (any address: a prefetch never faults).
inline void prefetchLine(const void* address)
{
#if defined(__GNUC__) && defined(__x86_64__)
    __asm__ volatile("prefetcht0 (%0)" : : "r"(address));
#else
    __builtin_prefetch(address);
#endif
}

} // namespace usher
