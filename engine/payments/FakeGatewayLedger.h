#pragma once

// The brain of usher-fakepay: the charge and refund ledger kept by idempotency key, fault injection
// and the control endpoint, as a pure function of (request, now). FakeGatewayServer only moves
// bytes and timers. One thread owns an instance; it is deterministic for a given seed and request
// order, so a failing test replays exactly.

#include "payments/PaymentProtocol.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <unordered_map>

namespace usher {

struct FakeFaults {
    std::int64_t latencyMs = 0;    // added before every /v1 answer
    double declineRate = 0;        // new charges declined (a token "tok_decline" always is)
    double errorRate = 0;          // 500 before anything is recorded
    double timeoutRate = 0;        // recorded, then answered only after timeoutDelayMs
    double hangRate = 0;           // read, never recorded, never answered (closed after hangMs)
    double rateLimitPerSecond = 0; // token bucket over /v1 requests, burst = max(1, rate); 0 = off
    std::int64_t timeoutDelayMs = 10'000;
    std::int64_t hangMs = 30'000;
};

struct FakeGatewayLimits {
    std::size_t chargesMax = 100'000; // ledger entries (charges and fenced keys); then 503
    std::size_t refundsMax = 100'000;
    std::size_t ledgerListMax = 10'000; // entries in GET /control/ledger
};

struct FakeRequest {
    std::string method; // "GET", "POST"
    std::string target; // path, no query
    std::string idempotencyKey;
    bool hasIdempotencyKey = false;
    std::string body;
};

enum class FakeAction : std::uint8_t { Answer = 0, Hang = 1 };

struct FakeResponse {
    FakeAction action = FakeAction::Answer;
    unsigned status = 200;
    std::string body; // JSON
    std::chrono::milliseconds delay { 0 };
    std::int64_t retryAfterSeconds = -1; // a Retry-After header when >= 0
    bool replayed = false;               // an Idempotent-Replayed: true header
};

struct FakeGatewayCounters {
    std::uint64_t requests = 0; // /v1 requests
    std::uint64_t rateLimited = 0;
    std::uint64_t injectedErrors = 0;
    std::uint64_t injectedTimeouts = 0;
    std::uint64_t injectedHangs = 0;
    std::uint64_t chargeRequests = 0;
    std::uint64_t chargesApproved = 0; // new approved charges: money actually taken
    std::uint64_t chargesDeclined = 0;
    std::uint64_t replays = 0;
    std::uint64_t lookups = 0;
    std::uint64_t fencedKeys = 0;
    std::uint64_t refunds = 0;
    std::int64_t capturedMinor = 0; // sum of approved amounts minus refunds
};

class FakeGatewayLedger {
public:
    using TimePoint = std::chrono::steady_clock::time_point;

    FakeGatewayLedger(FakeFaults faults, std::uint64_t seed, FakeGatewayLimits limits = {});

    FakeResponse handle(const FakeRequest& request, TimePoint now);

    const FakeFaults& faults() const { return m_faults; }
    const FakeGatewayCounters& counters() const { return m_counters; }
    std::size_t chargeCount() const { return m_charges.size(); }

    // Every rate in [0, 1], every duration in [0, 10 min], a rate limit in [0, 1e6]/s. Checked for
    // usher-fakepay's flags and for POST /control.
    static bool validFaults(const FakeFaults& faults);

private:
    struct ChargeEntry {
        payproto::ChargeRecord record;
        std::uint64_t requests = 0; // charge requests seen under this key
    };

    FakeResponse handleV1(const FakeRequest& request, TimePoint now);
    FakeResponse handleCharge(const FakeRequest& request, double declineRoll);
    FakeResponse handleLookup(const FakeRequest& request);
    FakeResponse handleRefund(const FakeRequest& request);
    FakeResponse handleControl(const FakeRequest& request);
    FakeResponse controlState() const;
    FakeResponse controlLedger() const;
    FakeResponse applyControl(const std::string& body);
    bool takeToken(TimePoint now, std::int64_t* retryAfterMs);
    double roll();

    FakeFaults m_faults;
    FakeGatewayLimits m_limits;
    std::uint64_t m_seed;
    std::mt19937_64 m_random;
    FakeGatewayCounters m_counters;
    std::map<std::string, ChargeEntry> m_charges; // by idempotency key, ordered for the listing
    std::unordered_map<std::string, std::string> m_keyById;
    std::map<std::string, payproto::RefundRecord> m_refunds; // by idempotency key
    std::int64_t m_failNext = 0; // POST /control {"failNext": N}: the next N /v1 requests answer 500
    std::uint64_t m_nextChargeId = 1;
    std::uint64_t m_nextRefundId = 1;
    double m_tokens = 0;
    TimePoint m_tokensAt {};
    bool m_tokensStarted = false;
};

} // namespace usher
