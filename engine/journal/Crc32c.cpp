#include "journal/Crc32c.h"

#include <array>
#include <cstring>

#if defined(__x86_64__)
#include <cpuid.h>
#include <nmmintrin.h>
#endif

namespace usher {
namespace {

constexpr std::uint32_t kPolynomial = 0x82f63b78u; // reflected Castagnoli

struct Tables {
    std::array<std::array<std::uint32_t, 256>, 8> t{};
    constexpr Tables()
    {
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? (c >> 1) ^ kPolynomial : c >> 1;
            t[0][i] = c;
        }
        for (std::uint32_t i = 0; i < 256; ++i)
            for (std::size_t s = 1; s < 8; ++s)
                t[s][i] = (t[s - 1][i] >> 8) ^ t[0][t[s - 1][i] & 0xff];
    }
};
constexpr Tables kTables;

std::uint32_t crcSoftware(const std::uint8_t* p, std::size_t n, std::uint32_t crc)
{
    while (n >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        word ^= crc;
        crc = kTables.t[7][word & 0xff] ^ kTables.t[6][(word >> 8) & 0xff] ^ kTables.t[5][(word >> 16) & 0xff]
              ^ kTables.t[4][(word >> 24) & 0xff] ^ kTables.t[3][(word >> 32) & 0xff]
              ^ kTables.t[2][(word >> 40) & 0xff] ^ kTables.t[1][(word >> 48) & 0xff] ^ kTables.t[0][word >> 56];
        p += 8;
        n -= 8;
    }
    while (n-- > 0)
        crc = (crc >> 8) ^ kTables.t[0][(crc ^ *p++) & 0xff];
    return crc;
}

#if defined(__x86_64__)
__attribute__((target("sse4.2"))) std::uint32_t crcHardware(const std::uint8_t* p, std::size_t n, std::uint32_t crc)
{
    std::uint64_t c = crc;
    // Four words a turn: a journal batch is checksummed whole, ~200 bytes per command, and the
    // loop's own counting was half of its instructions.
    while (n >= 32) {
        std::uint64_t words[4];
        std::memcpy(words, p, 32);
        c = _mm_crc32_u64(c, words[0]);
        c = _mm_crc32_u64(c, words[1]);
        c = _mm_crc32_u64(c, words[2]);
        c = _mm_crc32_u64(c, words[3]);
        p += 32;
        n -= 32;
    }
    while (n >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        c = _mm_crc32_u64(c, word);
        p += 8;
        n -= 8;
    }
    auto c32 = static_cast<std::uint32_t>(c);
    while (n-- > 0)
        c32 = _mm_crc32_u8(c32, *p++);
    return c32;
}

bool cpuHasSse42()
{
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx))
        return false;
    return (ecx & bit_SSE4_2) != 0;
}
#endif

} // namespace

std::uint32_t crc32c(const void* data, std::size_t size, std::uint32_t crc)
{
    const auto* p = static_cast<const std::uint8_t*>(data);
    crc = ~crc;
#if defined(__x86_64__)
    static const bool hardware = cpuHasSse42();
    crc = hardware ? crcHardware(p, size, crc) : crcSoftware(p, size, crc);
#else
    crc = crcSoftware(p, size, crc);
#endif
    return ~crc;
}

} // namespace usher
