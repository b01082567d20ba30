#pragma once

// An in-process PaymentGateway for `usherd --demo` and the server tests, when no real gateway is
// configured. It keeps the contract of PaymentGateway.h: idempotent by key, `done` on its own
// thread. The card token picks the outcome:
//   "tok_decline"      Declined
//   "tok_unavailable"  Unavailable (no charge)
//   "tok_unknown"      Unknown, although the charge was made: lookup() then says Approved
//   anything else      Approved
// Bounded: at most `chargesMax` charges remembered (the oldest are forgotten).

#include "payments/PaymentGateway.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

namespace usher::net {

class DemoPaymentGateway final : public PaymentGateway {
public:
    explicit DemoPaymentGateway(std::size_t chargesMax = 1'000'000);
    ~DemoPaymentGateway() override; // answers what is queued, then joins its thread

    void charge(const PaymentRequest& request, Done done) override;
    void lookup(const std::string& idempotencyKey, Done done) override;
    void refund(const std::string& paymentId, std::int64_t amountMinor, const std::string& idempotencyKey,
                Done done) override;
    PaymentGatewayStats stats() const override;

    std::uint64_t refunds() const;

private:
    void post(std::function<void()> job);
    void loop();

    const std::size_t m_chargesMax;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_queue;
    bool m_stopping = false;
    std::map<std::string, PaymentResult> m_charges; // by idempotency key
    std::deque<std::string> m_order;
    std::uint64_t m_next = 1;
    std::uint64_t m_refunds = 0;
    PaymentGatewayStats m_stats;
    std::thread m_thread;
};

} // namespace usher::net
