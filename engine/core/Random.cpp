#include "core/Random.h"

#include "core/Assert.h"
#include "core/Mix64.h"

#include <sodium.h>

namespace usher {

void initSodium()
{
    // A function-local static runs sodium_init() exactly once, even with concurrent first callers.
    static const int rc = sodium_init();
    USHER_ASSERT(rc >= 0);
}

void secureRandom(void* out, std::size_t size)
{
    if (size == 0)
        return; // randombytes_buf() is declared nonnull even for an empty buffer
    USHER_ASSERT(out != nullptr);
    initSodium();
    randombytes_buf(out, size);
}

namespace {
std::uint64_t splitmix64(std::uint64_t* state)
{
    return mix64(*state += 0x9e3779b97f4a7c15ull);
}

constexpr std::uint64_t rotl(std::uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

__extension__ using Uint128 = unsigned __int128;
} // namespace

Prng::Prng(std::uint64_t seed)
{
    // splitmix64 spreads any seed (even 0) into a state that is never all zero.
    std::uint64_t state = seed;
    for (auto& word : m_s)
        word = splitmix64(&state);
    USHER_ASSERT((m_s[0] | m_s[1] | m_s[2] | m_s[3]) != 0);
}

std::uint64_t Prng::next()
{
    const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const std::uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

std::uint64_t Prng::below(std::uint64_t bound)
{
    USHER_ASSERT(bound > 0);
    // Lemire's multiply-and-reject: unbiased, and the division runs only in the rare rejection case.
    Uint128 product = Uint128(next()) * bound;
    auto low = static_cast<std::uint64_t>(product);
    if (low < bound) {
        const std::uint64_t threshold = (0 - bound) % bound;
        while (low < threshold) {
            product = Uint128(next()) * bound;
            low = static_cast<std::uint64_t>(product);
        }
    }
    const auto result = static_cast<std::uint64_t>(product >> 64);
    USHER_ASSERT(result < bound);
    return result;
}

} // namespace usher
