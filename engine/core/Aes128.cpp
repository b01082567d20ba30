#include "core/Aes128.h"

#include "core/Assert.h"

#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define USHER_AES_NI 1
#endif

namespace usher {

namespace {

constexpr std::uint8_t xtime(std::uint8_t x)
{
    return static_cast<std::uint8_t>((x << 1) ^ ((x >> 7) * 0x1b));
}

constexpr std::uint8_t gfMultiply(std::uint8_t a, std::uint8_t b)
{
    std::uint8_t product = 0;
    for (; b != 0; b >>= 1, a = xtime(a))
        if (b & 1)
            product ^= a;
    return product;
}

constexpr std::uint8_t rotl8(std::uint8_t x, int k)
{
    return static_cast<std::uint8_t>((x << k) | (x >> (8 - k)));
}

// FIPS-197 5.1.1, computed rather than typed in: the multiplicative inverse in GF(2^8) (x^254),
// then the affine transform. The known-answer test (FIPS-197 C.1) checks the result.
constexpr std::array<std::uint8_t, 256> makeSbox()
{
    std::array<std::uint8_t, 256> box {};
    for (int x = 0; x < 256; ++x) {
        std::uint8_t inverse = 1;
        for (int i = 0; i < 254; ++i)
            inverse = gfMultiply(inverse, static_cast<std::uint8_t>(x));
        if (x == 0)
            inverse = 0;
        box[std::size_t(x)] = static_cast<std::uint8_t>(inverse ^ rotl8(inverse, 1) ^ rotl8(inverse, 2)
                                                        ^ rotl8(inverse, 3) ^ rotl8(inverse, 4) ^ 0x63);
    }
    return box;
}

constexpr std::array<std::uint8_t, 256> kSbox = makeSbox();
static_assert(kSbox[0x00] == 0x63 && kSbox[0x01] == 0x7c && kSbox[0x53] == 0xed && kSbox[0xff] == 0x16);

using RoundKeys = std::array<std::uint8_t, 176>;

RoundKeys expandKeyPortable(const std::uint8_t* key)
{
    RoundKeys rk {};
    std::memcpy(rk.data(), key, 16);
    std::uint8_t rcon = 1;
    for (std::size_t word = 4; word < 44; ++word) {
        std::uint8_t t[4];
        std::memcpy(t, rk.data() + 4 * (word - 1), 4);
        if (word % 4 == 0) {
            const std::uint8_t first = t[0];
            t[0] = static_cast<std::uint8_t>(kSbox[t[1]] ^ rcon);
            t[1] = kSbox[t[2]];
            t[2] = kSbox[t[3]];
            t[3] = kSbox[first];
            rcon = xtime(rcon);
        }
        for (std::size_t j = 0; j < 4; ++j)
            rk[4 * word + j] = static_cast<std::uint8_t>(rk[4 * (word - 4) + j] ^ t[j]);
    }
    return rk;
}

} // namespace

namespace {

// The rounds, portable: byte by byte over the expanded key.
AesBlock encryptPortable(const RoundKeys& rk, const AesBlock& block)
{
    AesBlock s;
    for (std::size_t i = 0; i < 16; ++i)
        s[i] = static_cast<std::uint8_t>(block[i] ^ rk[i]);
    for (std::size_t round = 1; round <= 10; ++round) {
        // SubBytes and ShiftRows together: the state is column-major, byte r + 4c; row r moves left by r.
        AesBlock t;
        for (std::size_t c = 0; c < 4; ++c)
            for (std::size_t r = 0; r < 4; ++r)
                t[r + 4 * c] = kSbox[s[r + 4 * ((c + r) % 4)]];
        if (round < 10) {
            for (std::size_t c = 0; c < 4; ++c) { // MixColumns
                std::uint8_t* a = t.data() + 4 * c;
                const std::uint8_t a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
                const auto all = static_cast<std::uint8_t>(a0 ^ a1 ^ a2 ^ a3);
                a[0] = static_cast<std::uint8_t>(a0 ^ all ^ xtime(static_cast<std::uint8_t>(a0 ^ a1)));
                a[1] = static_cast<std::uint8_t>(a1 ^ all ^ xtime(static_cast<std::uint8_t>(a1 ^ a2)));
                a[2] = static_cast<std::uint8_t>(a2 ^ all ^ xtime(static_cast<std::uint8_t>(a2 ^ a3)));
                a[3] = static_cast<std::uint8_t>(a3 ^ all ^ xtime(static_cast<std::uint8_t>(a3 ^ a0)));
            }
        }
        for (std::size_t i = 0; i < 16; ++i)
            s[i] = static_cast<std::uint8_t>(t[i] ^ rk[16 * round + i]);
    }
    return s;
}

AesBlock blockOf(std::uint64_t lo, std::uint64_t hi)
{
    AesBlock block;
    std::memcpy(block.data(), &lo, 8); // little-endian host (x86-64; ByteWriter.h checks)
    std::memcpy(block.data() + 8, &hi, 8);
    return block;
}

} // namespace

AesBlock aes128EncryptPortable(const std::uint8_t* key, const AesBlock& block)
{
    USHER_ASSERT(key != nullptr);
    return encryptPortable(expandKeyPortable(key), block);
}

Aes128Key::Aes128Key(const std::uint8_t* key)
    : m_roundKeys(expandKeyPortable(key)) // the standard schedule: AES-NI's key assist makes the same bytes
{
    static_assert(sizeof(m_roundKeys) == sizeof(RoundKeys));
}

#ifdef USHER_AES_NI

namespace {

__attribute__((target("aes,sse2"))) inline __m128i expandStep(__m128i key, __m128i assist)
{
    assist = _mm_shuffle_epi32(assist, 0xff);
    key = _mm_xor_si128(key, _mm_slli_si128(key, 4));
    key = _mm_xor_si128(key, _mm_slli_si128(key, 4));
    key = _mm_xor_si128(key, _mm_slli_si128(key, 4));
    return _mm_xor_si128(key, assist);
}

// The expanded key of the last key this thread used: a ledger (one thread) issues all its codes
// under one key, so the expansion runs once per event and thread.
struct HardwareSchedule {
    std::uint64_t key[2] = { 0, 0 };
    bool valid = false;
    alignas(16) RoundKeys rk;
};
thread_local HardwareSchedule t_schedule;

__attribute__((target("aes,sse2"))) void expandKeyHardware(const std::uint8_t* key, HardwareSchedule* out)
{
    auto* rk = reinterpret_cast<__m128i*>(out->rk.data());
    rk[0] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(key));
    rk[1] = expandStep(rk[0], _mm_aeskeygenassist_si128(rk[0], 0x01));
    rk[2] = expandStep(rk[1], _mm_aeskeygenassist_si128(rk[1], 0x02));
    rk[3] = expandStep(rk[2], _mm_aeskeygenassist_si128(rk[2], 0x04));
    rk[4] = expandStep(rk[3], _mm_aeskeygenassist_si128(rk[3], 0x08));
    rk[5] = expandStep(rk[4], _mm_aeskeygenassist_si128(rk[4], 0x10));
    rk[6] = expandStep(rk[5], _mm_aeskeygenassist_si128(rk[5], 0x20));
    rk[7] = expandStep(rk[6], _mm_aeskeygenassist_si128(rk[6], 0x40));
    rk[8] = expandStep(rk[7], _mm_aeskeygenassist_si128(rk[7], 0x80));
    rk[9] = expandStep(rk[8], _mm_aeskeygenassist_si128(rk[8], 0x1b));
    rk[10] = expandStep(rk[9], _mm_aeskeygenassist_si128(rk[9], 0x36));
    std::memcpy(out->key, key, 16);
    out->valid = true;
}

// The rounds, with AES-NI, over an expanded key at a 16-byte boundary: both entry points come here.
__attribute__((target("aes,sse2"))) AesBlock encryptHardware(const RoundKeys& roundKeys, __m128i x)
{
    const auto* rk = reinterpret_cast<const __m128i*>(roundKeys.data());
    x = _mm_xor_si128(x, rk[0]);
    // Written out: as a loop GCC keeps the counter, as many instructions as the rounds themselves.
    x = _mm_aesenc_si128(x, rk[1]);
    x = _mm_aesenc_si128(x, rk[2]);
    x = _mm_aesenc_si128(x, rk[3]);
    x = _mm_aesenc_si128(x, rk[4]);
    x = _mm_aesenc_si128(x, rk[5]);
    x = _mm_aesenc_si128(x, rk[6]);
    x = _mm_aesenc_si128(x, rk[7]);
    x = _mm_aesenc_si128(x, rk[8]);
    x = _mm_aesenc_si128(x, rk[9]);
    x = _mm_aesenclast_si128(x, rk[10]);
    AesBlock out;
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out.data()), x);
    return out;
}

__attribute__((target("aes,sse2"))) AesBlock encryptHardware(const std::uint8_t* key, const AesBlock& block)
{
    HardwareSchedule& schedule = t_schedule;
    std::uint64_t k[2];
    std::memcpy(k, key, 16);
    if (!schedule.valid || k[0] != schedule.key[0] || k[1] != schedule.key[1]) [[unlikely]]
        expandKeyHardware(key, &schedule);
    return encryptHardware(schedule.rk, _mm_loadu_si128(reinterpret_cast<const __m128i*>(block.data())));
}

__attribute__((target("aes,sse2"))) AesBlock encryptHardware(const RoundKeys& roundKeys, std::uint64_t lo,
                                                            std::uint64_t hi)
{
    return encryptHardware(roundKeys, _mm_set_epi64x(static_cast<long long>(hi), static_cast<long long>(lo)));
}

const bool kHardware = [] {
    __builtin_cpu_init(); // may run before libgcc's own constructor has filled the CPU model
    return __builtin_cpu_supports("aes") != 0;
}();

} // namespace

AesBlock aes128Encrypt(const std::uint8_t* key, const AesBlock& block)
{
    USHER_ASSERT(key != nullptr);
    return kHardware ? encryptHardware(key, block) : aes128EncryptPortable(key, block);
}

bool aes128Hardware()
{
    return kHardware;
}

AesBlock Aes128Key::encrypt(std::uint64_t lo, std::uint64_t hi) const
{
    return kHardware ? encryptHardware(m_roundKeys, lo, hi) : encryptPortable(m_roundKeys, blockOf(lo, hi));
}

#else

AesBlock aes128Encrypt(const std::uint8_t* key, const AesBlock& block)
{
    return aes128EncryptPortable(key, block);
}

bool aes128Hardware()
{
    return false;
}

AesBlock Aes128Key::encrypt(std::uint64_t lo, std::uint64_t hi) const
{
    return encryptPortable(m_roundKeys, blockOf(lo, hi));
}

#endif

} // namespace usher
