#pragma once

// Reconnect delays: exponential backoff with jitter. The n-th failure in a row waits
// min(maxMs, baseMs * 2^(n-1)) scaled by a random factor in [0.5, 1] ("equal jitter"), so that
// box offices cut off together do not all come back in the same millisecond. Randomness is an
// input (a seeded Prng), so a simulation replays exactly.

#include "core/Random.h"
#include "core/Types.h"

#include <cstdint>

namespace usher {

class SyncBackoff {
public:
    SyncBackoff(std::int64_t baseMs, std::int64_t maxMs, std::uint64_t seed);
    // Records a failure and returns the delay before the next attempt.
    std::int64_t failed();
    void succeeded() { m_failures = 0; }
    std::uint32_t failures() const { return m_failures; }

private:
    std::int64_t m_baseMs;
    std::int64_t m_maxMs;
    std::uint32_t m_failures = 0;
    Prng m_rng;
};

} // namespace usher
