#include "net/DemoPaymentGateway.h"

namespace usher::net {

DemoPaymentGateway::DemoPaymentGateway(std::size_t chargesMax)
    : m_chargesMax(chargesMax)
    , m_thread([this] { loop(); })
{
}

DemoPaymentGateway::~DemoPaymentGateway()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void DemoPaymentGateway::post(std::function<void()> job)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void DemoPaymentGateway::loop()
{
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return;
            job = std::move(m_queue.front());
            m_queue.pop_front();
        }
        job();
    }
}

void DemoPaymentGateway::charge(const PaymentRequest& request, Done done)
{
    PaymentResult answer;
    {
        std::lock_guard lock(m_mutex);
        ++m_stats.charges;
        auto it = m_charges.find(request.idempotencyKey);
        if (it != m_charges.end()) {
            answer = it->second; // the first outcome, whatever the token says now
        } else if (request.paymentToken == "tok_unavailable") {
            answer.outcome = PaymentOutcome::Unavailable;
            answer.message = "demo gateway: unavailable";
            ++m_stats.unavailable;
        } else {
            PaymentResult stored;
            if (request.paymentToken == "tok_decline") {
                stored.outcome = PaymentOutcome::Declined;
                stored.message = "demo gateway: card declined";
                ++m_stats.declined;
            } else {
                stored.outcome = PaymentOutcome::Approved;
                stored.paymentId = "demo_" + std::to_string(m_next++);
                ++m_stats.approved;
            }
            m_charges.emplace(request.idempotencyKey, stored);
            m_order.push_back(request.idempotencyKey);
            while (m_order.size() > m_chargesMax) {
                m_charges.erase(m_order.front());
                m_order.pop_front();
            }
            answer = stored;
            if (request.paymentToken == "tok_unknown") {
                answer = PaymentResult {};
                answer.outcome = PaymentOutcome::Unknown;
                answer.message = "demo gateway: timed out";
                ++m_stats.unknown;
            }
        }
        ++m_stats.latencyCount;
        ++m_stats.latencyBucketCounts[0];
    }
    post([done = std::move(done), answer] { done(answer); });
}

void DemoPaymentGateway::lookup(const std::string& idempotencyKey, Done done)
{
    PaymentResult answer;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_charges.find(idempotencyKey);
        if (it == m_charges.end())
            answer.outcome = PaymentOutcome::NotFound;
        else
            answer = it->second;
    }
    post([done = std::move(done), answer] { done(answer); });
}

void DemoPaymentGateway::refund(const std::string&, std::int64_t, const std::string&, Done done)
{
    {
        std::lock_guard lock(m_mutex);
        ++m_refunds;
    }
    PaymentResult answer;
    answer.outcome = PaymentOutcome::Approved;
    post([done = std::move(done), answer] { done(answer); });
}

PaymentGatewayStats DemoPaymentGateway::stats() const
{
    std::lock_guard lock(m_mutex);
    return m_stats;
}

std::uint64_t DemoPaymentGateway::refunds() const
{
    std::lock_guard lock(m_mutex);
    return m_refunds;
}

} // namespace usher::net
