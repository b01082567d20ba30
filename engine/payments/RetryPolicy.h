#pragma once

// Bounded retries with exponential backoff and full jitter (delay drawn uniformly from
// [0, min(cap, base * 2^retry)]), plus the gateway's Retry-After as a floor. Pure: the random draw
// is an input, so tests check the bounds deterministically.

#include <chrono>
#include <cstdint>

namespace usher {

struct RetryPolicyOptions {
    std::uint32_t maxAttempts = 3; // attempts per call, the first one included; >= 1
    std::chrono::milliseconds backoffBase { 100 };
    std::chrono::milliseconds backoffCap { 2'000 };
    std::chrono::milliseconds retryAfterMax { 5'000 }; // a longer Retry-After ends the call instead
};

class RetryPolicy {
public:
    explicit RetryPolicy(RetryPolicyOptions options = {});

    // May a call that has made `attemptsMade` attempts make another?
    bool mayRetry(std::uint32_t attemptsMade) const { return attemptsMade < m_options.maxAttempts; }

    // The ceiling of the jittered delay before retry number `retry` (0 for the first retry).
    std::chrono::milliseconds backoffCeiling(std::uint32_t retry) const;

    // The delay before retry number `retry`: full jitter from `random` (any 64-bit value, uniformly
    // drawn), never below `retryAfter` (the gateway's Retry-After, zero when none).
    std::chrono::milliseconds backoffDelay(std::uint32_t retry, std::uint64_t random,
                                           std::chrono::milliseconds retryAfter
                                           = std::chrono::milliseconds { 0 }) const;

    const RetryPolicyOptions& options() const { return m_options; }

private:
    RetryPolicyOptions m_options;
};

} // namespace usher
