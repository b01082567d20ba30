#include "sync/SyncBackoff.h"

#include "core/Assert.h"

#include <algorithm>

namespace usher {

SyncBackoff::SyncBackoff(std::int64_t baseMs, std::int64_t maxMs, std::uint64_t seed)
    : m_baseMs(baseMs)
    , m_maxMs(maxMs)
    , m_rng(seed)
{
    USHER_ASSERT(baseMs > 0 && maxMs >= baseMs);
}

std::int64_t SyncBackoff::failed()
{
    if (m_failures < 62)
        ++m_failures;
    std::int64_t delay = m_baseMs;
    for (std::uint32_t i = 1; i < m_failures && delay < m_maxMs; ++i)
        delay *= 2;
    delay = std::min(delay, m_maxMs);
    const std::int64_t half = delay / 2;
    const std::int64_t jittered = delay - static_cast<std::int64_t>(m_rng.below(static_cast<std::uint64_t>(half) + 1));
    USHER_ASSERT(jittered >= half && jittered <= delay);
    return std::max<std::int64_t>(1, jittered);
}

} // namespace usher
