#pragma once

// CRC-32C (Castagnoli) one bit at a time, straight from its definition: the reference the engine's
// table and hardware paths (journal/Crc32c) are checked against.

#include <cstddef>
#include <cstdint>

namespace usher::test {

inline std::uint32_t crc32cBitwise(const std::uint8_t* p, std::size_t n)
{
    std::uint32_t crc = 0xffffffffu;
    for (std::size_t i = 0; i < n; ++i) {
        crc ^= p[i];
        for (int k = 0; k < 8; ++k)
            crc = (crc & 1) ? (crc >> 1) ^ 0x82f63b78u : crc >> 1;
    }
    return ~crc;
}

} // namespace usher::test
