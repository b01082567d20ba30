#pragma once

#include <cstddef>
#include <cstdint>

namespace usher {

// CRC-32C (Castagnoli). Uses the SSE4.2 instruction when the CPU has it, else slicing-by-8.
std::uint32_t crc32c(const void* data, std::size_t size, std::uint32_t crc = 0);

} // namespace usher
