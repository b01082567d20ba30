#pragma once

// The ledger's per-seat bitmaps (available, allocated, accessible, per category; BestAvailable.cpp):
// one bit per seat index, 64 to a word. Inline: setSeat updates the available map on every hold,
// confirm and release.

#include "core/Types.h"

#include <cstdint>
#include <vector>

namespace usher {

inline void setSeatBitIn(std::vector<std::uint64_t>& bits, SeatIndex seat, bool on)
{
    const std::uint64_t bit = 1ull << (seat & 63);
    std::uint64_t& word = bits[seat >> 6];
    word = on ? word | bit : word & ~bit;
}

} // namespace usher
