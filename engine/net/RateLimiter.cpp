#include "net/RateLimiter.h"

#include <algorithm>
#include <cmath>

namespace usher::net {

RateLimiter::RateLimiter(double ratePerSecond, double burst, std::size_t keysMax)
    : m_rate(ratePerSecond)
    , m_burst(std::max(1.0, burst))
    , m_keysPerShardMax(std::max<std::size_t>(1, keysMax / kShards))
{
}

void RateLimiter::setLimits(double ratePerSecond, double burst)
{
    m_rate.store(ratePerSecond, std::memory_order_relaxed);
    m_burst.store(std::max(1.0, burst), std::memory_order_relaxed);
}

void RateLimiter::prune(Shard& shard, std::int64_t nowNs, double rate, double burst)
{
    const double fullAfterNs = burst / rate * 1e9;
    for (auto it = shard.buckets.begin(); it != shard.buckets.end();) {
        if (double(nowNs - it->second.lastNs) >= fullAfterNs)
            it = shard.buckets.erase(it);
        else
            ++it;
    }
}

bool RateLimiter::allow(std::uint64_t key, std::int64_t nowNs, std::int64_t* retryAfterMs)
{
    // One reading of the limits per call: a reload may change them at any time.
    const double rate = m_rate.load(std::memory_order_relaxed);
    const double burst = m_burst.load(std::memory_order_relaxed);
    if (rate <= 0)
        return true;
    Shard& shard = m_shards[(key * 0x9E3779B97F4A7C15ull) >> 60];
    std::lock_guard lock(shard.mutex);
    auto it = shard.buckets.find(key);
    if (it == shard.buckets.end()) {
        if (shard.buckets.size() >= m_keysPerShardMax)
            prune(shard, nowNs, rate, burst);
        if (shard.buckets.size() >= m_keysPerShardMax) {
            *retryAfterMs = 1000;
            return false;
        }
        it = shard.buckets.emplace(key, Bucket { burst, nowNs }).first;
    }
    Bucket& b = it->second;
    b.tokens = std::min(burst, b.tokens + double(nowNs - b.lastNs) / 1e9 * rate);
    b.lastNs = nowNs;
    if (b.tokens >= 1) {
        b.tokens -= 1;
        return true;
    }
    *retryAfterMs = std::int64_t(std::ceil((1 - b.tokens) / rate * 1000));
    return false;
}

} // namespace usher::net
