#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace usher {

// Fills `out` with cryptographically secure random bytes (libsodium).
void secureRandom(void* out, std::size_t size);

// Runs sodium_init() once (thread-safe). Call before any libsodium function; cheap after the first call.
void initSodium();

// A small, fast, seedable PRNG (xoshiro256**) for simulations and benchmarks. Never for secrets.
class Prng {
public:
    explicit Prng(std::uint64_t seed);
    std::uint64_t next();
    std::uint64_t below(std::uint64_t bound); // uniform in [0, bound); bound > 0
    bool chance(std::uint32_t percent) { return below(100) < percent; }

private:
    std::array<std::uint64_t, 4> m_s{};
};

} // namespace usher
