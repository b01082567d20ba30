#pragma once

// The real payment gateway client: PaymentGateway over the HTTP/JSON protocol of
// docs/design/payments.md, on Boost.Beast with one I/O thread of its own (started by the
// constructor, joined by the destructor; every `done` runs on it).
//
// Per call: an Idempotency-Key on every request, a timeout per attempt and one for the whole call,
// bounded retries with exponential backoff and full jitter for retry-safe failures (transport
// errors, timeouts, 5xx, 429), 429 Retry-After obeyed by every call, optional client-side pacing
// below the merchant's rate limit, and a circuit breaker in front of every attempt.
//
// Outcomes: a definitive answer from the gateway wins, even after failed attempts (the key makes
// retries safe). A call that ends without one is Unknown if any attempt may have reached the
// gateway (the request was sent, then a timeout, reset or 502/504), else Unavailable. Lookups that
// end without an answer are Unknown. One TCP connection per attempt (Connection: close): simple and
// never ambiguous about a stale pooled connection; a pool is future work if gateway TLS handshakes
// ever dominate.
//
// usherd wiring:
//   const auto parsed = payproto::parseGatewayUrl(url); // --payment-gateway http://127.0.0.1:9090
//   if (parsed.status != payproto::GatewayUrlStatus::Ok) → refuse to start, print gatewayUrlStatusName
//   HttpPaymentGatewayOptions options;
//   options.endpoint = parsed.endpoint;
//   auto gateway = std::make_unique<HttpPaymentGateway>(options);

#include "payments/CircuitBreaker.h"
#include "payments/PaymentGateway.h"
#include "payments/PaymentProtocol.h"
#include "payments/RetryPolicy.h"

#include <chrono>
#include <cstdint>
#include <memory>

namespace usher {

struct HttpPaymentGatewayOptions {
    payproto::GatewayEndpoint endpoint;
    std::chrono::milliseconds attemptTimeout { 4'000 }; // one exchange: resolve, connect, send, answer
    std::chrono::milliseconds callTimeout { 12'000 };   // every attempt and backoff of one call
    RetryPolicyOptions retry;                           // 3 attempts, 100 ms base, 2 s cap
    CircuitBreakerOptions breaker;                      // opens after 5 failures, probes after 10 s
    double rateLimitPerSecond = 0;                      // client-side pacing, burst = max(1, rate); 0: only obey 429s
    std::size_t callsInFlightMax = 1'024;               // more fail at once with Unavailable
    std::size_t responseBytesMax = 64 * 1'024;
    std::uint64_t seed = 0; // backoff jitter; 0 draws one from std::random_device
};

class HttpPaymentGateway final : public PaymentGateway {
public:
    explicit HttpPaymentGateway(HttpPaymentGatewayOptions options);
    // Finishes every call still in flight (Unknown if its request may have been sent, else
    // Unavailable), then joins the I/O thread. Do not call charge/lookup/refund concurrently.
    ~HttpPaymentGateway() override;
    HttpPaymentGateway(const HttpPaymentGateway&) = delete;
    HttpPaymentGateway& operator=(const HttpPaymentGateway&) = delete;

    void charge(const PaymentRequest& request, Done done) override;
    void lookup(const std::string& idempotencyKey, Done done) override;
    void refund(const std::string& paymentId, std::int64_t amountMinor, const std::string& idempotencyKey,
                Done done) override;
    // Thread-safe.
    PaymentGatewayStats stats() const override;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace usher
