#pragma once

// A circuit breaker for the payment gateway: pure logic, no clock and no threads. The caller passes
// `now` into every call, so tests drive it deterministically.
//
// Closed:   every attempt is allowed; `failureThreshold` consecutive failures open the circuit.
// Open:     attempts are rejected (fail fast) until `openCooldown` has passed since it opened; the
//           next attempt after that is the half-open probe.
// HalfOpen: exactly one probe is in flight at a time; further attempts are rejected. The probe's
//           success closes the circuit, its failure opens it again for another cool-down. A probe
//           that never reports (a bug elsewhere) is presumed failed after `openCooldown`, so the
//           breaker cannot stick half-open.
//
// A "failure" is the gateway being unhealthy: a transport error, a timeout or a 5xx. Declines, 4xx
// answers and 429 rate-limit answers are the gateway working, and count as successes.

#include "payments/PaymentGateway.h"

#include <chrono>
#include <cstdint>

namespace usher {

struct CircuitBreakerOptions {
    std::uint32_t failureThreshold = 5; // consecutive failures that open the circuit, >= 1
    std::chrono::milliseconds openCooldown { 10'000 };
};

class CircuitBreaker {
public:
    using TimePoint = std::chrono::steady_clock::time_point;

    explicit CircuitBreaker(CircuitBreakerOptions options = {});

    // Asks to send one attempt at `now`. True: send it, then report onSuccess or onFailure exactly
    // once. False: fail fast without sending.
    bool tryAcquire(TimePoint now);
    void onSuccess(TimePoint now);
    void onFailure(TimePoint now);

    // The state as the next tryAcquire would see it: Open turns HalfOpen once the cool-down is over.
    CircuitState state(TimePoint now) const;
    std::uint32_t consecutiveFailures() const { return m_consecutiveFailures; }
    std::uint64_t timesOpened() const { return m_timesOpened; }
    const CircuitBreakerOptions& options() const { return m_options; }

private:
    void open(TimePoint now);

    CircuitBreakerOptions m_options;
    CircuitState m_state = CircuitState::Closed;
    std::uint32_t m_consecutiveFailures = 0;
    std::uint64_t m_timesOpened = 0;
    TimePoint m_openedAt {};
    bool m_probeInFlight = false;
    TimePoint m_probeStartedAt {};
};

} // namespace usher
