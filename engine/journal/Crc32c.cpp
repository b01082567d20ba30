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
// The CRC register after `Bytes` zero bytes, as a function of the register before: linear, so
// four tables of 256 (one per byte of the register) give it in four lookups.
template <std::size_t Bytes>
struct ZeroShift {
    std::array<std::array<std::uint32_t, 256>, 4> t {};
    __attribute__((target("sse4.2"))) ZeroShift()
    {
        std::array<std::uint32_t, 32> column {}; // the image of each register bit
        for (std::size_t bit = 0; bit < 32; ++bit) {
            std::uint64_t c = std::uint64_t(1) << bit;
            for (std::size_t i = 0; i < Bytes / 8; ++i)
                c = _mm_crc32_u64(c, 0);
            column[bit] = static_cast<std::uint32_t>(c);
        }
        for (std::size_t byte = 0; byte < 4; ++byte)
            for (std::uint32_t value = 0; value < 256; ++value) {
                std::uint32_t image = 0;
                for (std::size_t bit = 0; bit < 8; ++bit)
                    if ((value >> bit) & 1u)
                        image ^= column[byte * 8 + bit];
                t[byte][value] = image;
            }
    }
    std::uint32_t operator()(std::uint64_t c) const
    {
        return t[0][c & 0xff] ^ t[1][(c >> 8) & 0xff] ^ t[2][(c >> 16) & 0xff] ^ t[3][(c >> 24) & 0xff];
    }
};

// Three independent lanes over three consecutive blocks of `Bytes`, joined by shifting: the
// crc32 instruction takes 3 cycles but starts one per cycle, so one chain runs at a third of the
// speed three do. The value is the one chain's (CRC is linear: reg(A|B) = shift_|B|(reg(A)) ^
// reg_0(B)). A journal batch is checksummed whole (a few hundred bytes per command).
template <std::size_t Bytes>
__attribute__((target("sse4.2"))) std::uint64_t crcThreeLanes(const std::uint8_t*& p, std::size_t& n, std::uint64_t c)
{
    if (n < 3 * Bytes)
        return c;
    static const ZeroShift<Bytes> shift;
    do {
        std::uint64_t c1 = 0, c2 = 0;
        // Four steps a turn: a turn of one step was three crc32 and three instructions of counting.
        static_assert(Bytes % 32 == 0);
        for (std::size_t turn = 0; turn < Bytes; turn += 32) {
#pragma GCC unroll 4
            for (std::size_t i = turn; i < turn + 32; i += 8) {
                std::uint64_t w0, w1, w2;
                std::memcpy(&w0, p + i, 8);
                std::memcpy(&w1, p + Bytes + i, 8);
                std::memcpy(&w2, p + 2 * Bytes + i, 8);
                c = _mm_crc32_u64(c, w0);
                c1 = _mm_crc32_u64(c1, w1);
                c2 = _mm_crc32_u64(c2, w2);
            }
        }
        c = shift(c) ^ c1;
        c = shift(c) ^ c2;
        p += 3 * Bytes;
        n -= 3 * Bytes;
    } while (n >= 3 * Bytes);
    return c;
}

__attribute__((target("sse4.2"))) std::uint32_t crcHardware(const std::uint8_t* p, std::size_t n, std::uint32_t crc)
{
    std::uint64_t c = crc;
    c = crcThreeLanes<4096>(p, n, c);
    c = crcThreeLanes<256>(p, n, c);
    // Four words a turn: the loop's own counting was half of its instructions.
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
