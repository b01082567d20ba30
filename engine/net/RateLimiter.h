#pragma once

// A token bucket per key (buyer id): `ratePerSecond` refill, `burst` capacity. Sharded by key so
// network threads rarely meet on one mutex. Bounded: at most `keysMax` buckets; when a shard is
// full it forgets buckets that have refilled completely (they would allow anyway), and when none
// has, a new key is refused (fail closed).

#include <array>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <unordered_map>

namespace usher::net {

class RateLimiter {
public:
    RateLimiter(double ratePerSecond, double burst, std::size_t keysMax = 1'000'000);

    bool enabled() const { return m_rate.load(std::memory_order_relaxed) > 0; }
    // New limits (usherd's reload on SIGHUP). Buckets keep their tokens, capped at the new burst at
    // their next refill.
    void setLimits(double ratePerSecond, double burst);
    // True when the request may go on; otherwise *retryAfterMs says when one token is back.
    bool allow(std::uint64_t key, std::int64_t nowNs, std::int64_t* retryAfterMs);

private:
    struct Bucket {
        double tokens = 0;
        std::int64_t lastNs = 0;
    };
    struct Shard {
        std::mutex mutex;
        std::unordered_map<std::uint64_t, Bucket> buckets;
    };
    void prune(Shard& shard, std::int64_t nowNs, double rate, double burst);

    static constexpr std::size_t kShards = 16;
    std::atomic<double> m_rate;
    std::atomic<double> m_burst;
    const std::size_t m_keysPerShardMax;
    std::array<Shard, kShards> m_shards;
};

} // namespace usher::net
