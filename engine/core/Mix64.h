// SplitMix64's finaliser: spreads every input bit over the whole word. Used where keys are
// addresses, counters or small ids rather than random (hash tables, the cluster's hash ring, the
// seeded generator).
#pragma once

#include <cstdint>

namespace usher {

constexpr std::uint64_t mix64(std::uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

} // namespace usher
