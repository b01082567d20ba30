#pragma once

// The contract between usherd's purchase flow and a card payment gateway. usherd never talks to a
// gateway except through this interface; the real client (HttpPaymentGateway) speaks the gateway
// protocol of docs/design/payments.md over HTTP, and usher-fakepay serves that protocol with fault
// injection for the tests.
//
// Rules every implementation keeps:
// - `done` is called exactly once, on a thread owned by the gateway client. Callers post the
//   result back to their own executor and must not block inside `done`.
// - Every charge carries an idempotency key. Charging again with the same key never charges twice:
//   the gateway answers with the first outcome.
// - `Unknown` is the only outcome that may hide a charge. The caller keeps the hold and asks again
//   with lookup() until the answer is Approved or NotFound; only then may it sell or release.

#include <cstdint>
#include <functional>
#include <string>

namespace usher {

struct PaymentRequest {
    std::string idempotencyKey;   // unique per purchase attempt; usherd derives it from the hold
    std::int64_t amountMinor = 0; // integer minor units, > 0
    std::string currency;         // ISO 4217, "EUR"
    std::string paymentToken;     // opaque card token from the buyer's client (may be empty for tests)
    std::string description;      // "Order for hold 42 of event 7"
};

enum class PaymentOutcome : std::uint8_t {
    Approved = 1,    // money taken; `paymentId` names the charge
    Declined = 2,    // the card was refused; no money taken
    Unavailable = 3, // no charge was made: circuit open, rate-limited, 5xx before acceptance
    Unknown = 4,     // timed out after the request may have reached the gateway
    NotFound = 5,    // lookup only: the gateway never charged under this key
};

const char* paymentOutcomeName(PaymentOutcome outcome);

struct PaymentResult {
    PaymentOutcome outcome = PaymentOutcome::Unavailable;
    std::string paymentId; // set when Approved
    std::string message;   // human-readable reason, for logs and error bodies
};

enum class CircuitState : std::uint8_t { Closed = 0, Open = 1, HalfOpen = 2 };

const char* circuitStateName(CircuitState state);

struct PaymentGatewayStats {
    std::uint64_t charges = 0;
    std::uint64_t approved = 0;
    std::uint64_t declined = 0;
    std::uint64_t unavailable = 0;
    std::uint64_t unknown = 0;
    std::uint64_t errors = 0;        // transport errors, timeouts and 5xx, counted per attempt
    std::uint64_t retries = 0;
    std::uint64_t rejectedOpen = 0;  // failed fast because the circuit was open
    CircuitState circuit = CircuitState::Closed;
    // Latency histogram of completed gateway calls, seconds; cumulative Prometheus-style buckets.
    static constexpr double kLatencyBuckets[] = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
    std::uint64_t latencyBucketCounts[sizeof(kLatencyBuckets) / sizeof(double)] = {};
    std::uint64_t latencyCount = 0;
    double latencySumSeconds = 0;
};

class PaymentGateway {
public:
    using Done = std::function<void(const PaymentResult&)>;

    virtual ~PaymentGateway() = default;
    virtual void charge(const PaymentRequest& request, Done done) = 0;
    // What became of the charge with this idempotency key: Approved, Declined, NotFound or Unknown
    // (gateway still unreachable).
    virtual void lookup(const std::string& idempotencyKey, Done done) = 0;
    // Refunds `amountMinor` of an approved charge; Approved means refunded.
    virtual void refund(const std::string& paymentId, std::int64_t amountMinor,
                        const std::string& idempotencyKey, Done done) = 0;
    virtual PaymentGatewayStats stats() const = 0;
};

} // namespace usher
