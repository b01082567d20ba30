#include "payments/RetryPolicy.h"

#include "core/Assert.h"

#include <algorithm>

namespace usher {

RetryPolicy::RetryPolicy(RetryPolicyOptions options)
    : m_options(options)
{
    USHER_ASSERT(m_options.maxAttempts >= 1);
    USHER_ASSERT(m_options.backoffBase.count() >= 0);
    USHER_ASSERT(m_options.backoffCap >= m_options.backoffBase);
}

std::chrono::milliseconds RetryPolicy::backoffCeiling(std::uint32_t retry) const
{
    const std::int64_t base = m_options.backoffBase.count();
    const std::int64_t cap = m_options.backoffCap.count();
    // base * 2^retry without overflow: stop doubling once the cap is reached.
    std::int64_t ceiling = base;
    for (std::uint32_t i = 0; i < retry && ceiling < cap; ++i)
        ceiling *= 2;
    return std::chrono::milliseconds { std::min(ceiling, cap) };
}

std::chrono::milliseconds RetryPolicy::backoffDelay(std::uint32_t retry, std::uint64_t random,
                                                    std::chrono::milliseconds retryAfter) const
{
    const auto ceiling = static_cast<std::uint64_t>(backoffCeiling(retry).count());
    const auto jittered = std::chrono::milliseconds { static_cast<std::int64_t>(random % (ceiling + 1)) };
    const auto delay = std::max(jittered, retryAfter);
    USHER_ASSERT(delay.count() >= 0);
    return delay;
}

} // namespace usher
