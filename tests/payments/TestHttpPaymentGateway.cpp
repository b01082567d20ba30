// HttpPaymentGateway against a real usher-fakepay process on loopback: approvals, declines, 5xx with
// retries, timeouts and hangs resolved by lookup, the rate limit, idempotent re-charges checked in
// the fake's ledger, and the circuit breaker opening, failing fast, half-opening and closing.
// Timeouts are short (hundreds of milliseconds) so that the whole file runs in seconds.

#include "FakePayProcess.h"
#include "PaymentTestNames.h"
#include "payments/HttpPaymentGateway.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

#include <future>
#include <memory>
#include <vector>

using namespace usher;
using namespace std::chrono_literals;

namespace {

constexpr auto kCallWait = 10s; // a hang guard only; calls end far sooner

HttpPaymentGatewayOptions fastOptions(std::uint16_t port)
{
    HttpPaymentGatewayOptions options;
    options.endpoint.host = "127.0.0.1";
    options.endpoint.port = port;
    options.attemptTimeout = 300ms;
    options.callTimeout = 3s;
    options.retry = { 3, 20ms, 100ms, 2'000ms };
    options.breaker = { 10, 500ms }; // the circuit tests lower the threshold
    options.seed = 42;
    return options;
}

PaymentRequest paymentRequest(const std::string& key, std::int64_t amount = 1500, const std::string& token = {})
{
    return PaymentRequest { key, amount, "EUR", token, "test order" };
}

// Runs one asynchronous gateway call and waits for its single `done`.
template <typename Start>
PaymentResult await(Start start)
{
    auto promise = std::make_shared<std::promise<PaymentResult>>();
    auto future = promise->get_future();
    start([promise](const PaymentResult& result) { promise->set_value(result); });
    if (future.wait_for(kCallWait) != std::future_status::ready)
        return PaymentResult { PaymentOutcome::Unavailable, {}, "TEST: done was never called" };
    return future.get();
}

PaymentResult charge(PaymentGateway& gateway, const PaymentRequest& request)
{
    return await([&](PaymentGateway::Done done) { gateway.charge(request, std::move(done)); });
}

PaymentResult lookup(PaymentGateway& gateway, const std::string& key)
{
    return await([&](PaymentGateway::Done done) { gateway.lookup(key, std::move(done)); });
}

// Starts every charge at once, then waits for all of them.
std::vector<PaymentResult> chargeConcurrently(PaymentGateway& gateway, const std::vector<PaymentRequest>& requests)
{
    std::vector<std::future<PaymentResult>> futures;
    for (const PaymentRequest& request : requests) {
        auto promise = std::make_shared<std::promise<PaymentResult>>();
        futures.push_back(promise->get_future());
        gateway.charge(request, [promise](const PaymentResult& result) { promise->set_value(result); });
    }
    std::vector<PaymentResult> results;
    for (auto& future : futures) {
        if (future.wait_for(kCallWait) != std::future_status::ready)
            results.push_back(PaymentResult { PaymentOutcome::Unavailable, {}, "TEST: done was never called" });
        else
            results.push_back(future.get());
    }
    return results;
}

int counter(const FakePayProcess& fake, const char* name)
{
    return fake.counters().value(QLatin1String(name)).toInt(-1);
}

} // namespace

class TestHttpPaymentGateway : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_fake.start(QStringLiteral(USHER_FAKEPAY_PATH), { QStringLiteral("--seed"), QStringLiteral("7") }),
                 "usher-fakepay did not start");
    }

    void init()
    {
        QVERIFY(m_fake.reset());
        QVERIFY(m_fake.setFaults(R"({"timeoutDelayMs": 1500, "hangMs": 1500})"));
    }

    void approves()
    {
        HttpPaymentGateway gateway(fastOptions(m_fake.port()));
        const PaymentResult result = charge(gateway, paymentRequest("approve-1"));
        QCOMPARE(result.outcome, PaymentOutcome::Approved);
        QVERIFY(result.paymentId.rfind("ch_", 0) == 0);
        const PaymentGatewayStats stats = gateway.stats();
        QCOMPARE(stats.charges, 1u);
        QCOMPARE(stats.approved, 1u);
        QCOMPARE(stats.errors, 0u);
        QCOMPARE(stats.latencyCount, 1u);
        QCOMPARE(stats.circuit, CircuitState::Closed);
        QCOMPARE(counter(m_fake, "capturedMinor"), 1500);
    }

    void declines()
    {
        HttpPaymentGateway gateway(fastOptions(m_fake.port()));
        QCOMPARE(charge(gateway, paymentRequest("decline-1", 100, "tok_decline")).outcome, PaymentOutcome::Declined);
        QVERIFY(m_fake.setFaults(R"({"declineRate": 1})"));
        const PaymentResult result = charge(gateway, paymentRequest("decline-2"));
        QCOMPARE(result.outcome, PaymentOutcome::Declined);
        QVERIFY(result.paymentId.empty());
        QCOMPARE(gateway.stats().declined, 2u);
        QCOMPARE(gateway.stats().circuit, CircuitState::Closed); // a decline is a healthy gateway
        QCOMPARE(counter(m_fake, "capturedMinor"), 0);
        // Refused before sending: no key, no amount.
        QCOMPARE(charge(gateway, paymentRequest("", 100)).outcome, PaymentOutcome::Declined);
        QCOMPARE(charge(gateway, paymentRequest("zero", 0)).outcome, PaymentOutcome::Declined);
    }

    void serverErrorsAreRetriedThenSucceed()
    {
        HttpPaymentGateway gateway(fastOptions(m_fake.port()));
        QVERIFY(m_fake.setFaults(R"({"failNext": 2})"));
        const PaymentResult result = charge(gateway, paymentRequest("retry-1"));
        QCOMPARE(result.outcome, PaymentOutcome::Approved);
        const PaymentGatewayStats stats = gateway.stats();
        QCOMPARE(stats.retries, 2u);
        QCOMPARE(stats.errors, 2u);
        QCOMPARE(counter(m_fake, "injectedErrors"), 2);
        QCOMPARE(counter(m_fake, "chargesApproved"), 1);
    }

    void serverErrorsExhaustRetriesAsUnavailable()
    {
        HttpPaymentGateway gateway(fastOptions(m_fake.port()));
        QVERIFY(m_fake.setFaults(R"({"errorRate": 1})"));
        const PaymentResult result = charge(gateway, paymentRequest("retry-2"));
        // A 500 from the gateway itself means nothing was recorded: Unavailable, not Unknown.
        QCOMPARE(result.outcome, PaymentOutcome::Unavailable);
        QCOMPARE(counter(m_fake, "injectedErrors"), 3); // maxAttempts, no more
        QCOMPARE(gateway.stats().unavailable, 1u);
        QCOMPARE(m_fake.ledger().value(QLatin1String("charges")).toArray().size(), 0);
    }

    void timeoutIsUnknownAndLookupFindsTheCharge()
    {
        HttpPaymentGateway gateway(fastOptions(m_fake.port()));
        QVERIFY(m_fake.setFaults(R"({"timeoutRate": 1})"));
        QElapsedTimer timer;
        timer.start();
        const PaymentResult result = charge(gateway, paymentRequest("timeout-1"));
        QCOMPARE(result.outcome, PaymentOutcome::Unknown);
        QVERIFY(timer.elapsed() < 3'000);
        QCOMPARE(gateway.stats().unknown, 1u);

        QVERIFY(m_fake.setFaults(R"({"timeoutRate": 0})"));
        const PaymentResult found = lookup(gateway, "timeout-1");
        QCOMPARE(found.outcome, PaymentOutcome::Approved);
        QVERIFY(!found.paymentId.empty());
        // Three attempts reached the gateway, but it charged once.
        const QJsonArray charges = m_fake.ledger().value(QLatin1String("charges")).toArray();
        QCOMPARE(charges.size(), 1);
        QCOMPARE(charges[0].toObject().value(QLatin1String("requests")).toInt(), 3);
        QCOMPARE(charges[0].toObject().value(QLatin1String("id")).toString().toStdString(), found.paymentId);
        QCOMPARE(counter(m_fake, "capturedMinor"), 1500);
    }

    void hangIsUnknownAndLookupFencesNotFound()
    {
        HttpPaymentGateway gateway(fastOptions(m_fake.port()));
        QVERIFY(m_fake.setFaults(R"({"hangRate": 1})"));
        const PaymentResult result = charge(gateway, paymentRequest("hang-1"));
        QCOMPARE(result.outcome, PaymentOutcome::Unknown);
        QCOMPARE(counter(m_fake, "injectedHangs"), 3);

        // While the gateway still hangs, the lookup cannot resolve it either.
        QCOMPARE(lookup(gateway, "hang-1").outcome, PaymentOutcome::Unknown);

        QVERIFY(m_fake.setFaults(R"({"hangRate": 0})"));
        QCOMPARE(lookup(gateway, "hang-1").outcome, PaymentOutcome::NotFound);
        // NotFound is final: the key is fenced, a late or repeated charge can never take money.
        QCOMPARE(charge(gateway, paymentRequest("hang-1")).outcome, PaymentOutcome::Declined);
        QCOMPARE(counter(m_fake, "chargesApproved"), 0);
        QCOMPARE(counter(m_fake, "capturedMinor"), 0);
    }

    void lookupOfAnUnknownKeyIsNotFound()
    {
        HttpPaymentGateway gateway(fastOptions(m_fake.port()));
        QCOMPARE(lookup(gateway, "never-charged").outcome, PaymentOutcome::NotFound);
        QCOMPARE(charge(gateway, paymentRequest("declined-then-looked-up", 5, "tok_decline")).outcome,
                 PaymentOutcome::Declined);
        QCOMPARE(lookup(gateway, "declined-then-looked-up").outcome, PaymentOutcome::Declined);
    }

    void rateLimitIsRespected()
    {
        QVERIFY(m_fake.setFaults(R"({"rateLimitPerSecond": 2})"));
        HttpPaymentGateway gateway(fastOptions(m_fake.port()));
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(charge(gateway, paymentRequest("limited-" + std::to_string(i))).outcome, PaymentOutcome::Approved);
        // The burst of two went through; the third waited for the Retry-After (500 ms), once.
        QVERIFY2(timer.elapsed() >= 400, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(counter(m_fake, "rateLimited"), 1);
        QCOMPARE(gateway.stats().errors, 0u); // 429 is not a failure
        QCOMPARE(gateway.stats().circuit, CircuitState::Closed);
    }

    void clientPacingStaysUnderTheLimit()
    {
        QVERIFY(m_fake.setFaults(R"({"rateLimitPerSecond": 10})"));
        HttpPaymentGatewayOptions options = fastOptions(m_fake.port());
        options.rateLimitPerSecond = 8;
        HttpPaymentGateway gateway(options);
        std::vector<PaymentRequest> requests;
        for (int i = 0; i < 16; ++i)
            requests.push_back(paymentRequest("paced-" + std::to_string(i)));
        for (const PaymentResult& result : chargeConcurrently(gateway, requests))
            QCOMPARE(result.outcome, PaymentOutcome::Approved);
        QCOMPARE(counter(m_fake, "rateLimited"), 0);
    }

    void idempotentRechargeNeverChargesTwice()
    {
        HttpPaymentGateway gateway(fastOptions(m_fake.port()));
        const PaymentResult first = charge(gateway, paymentRequest("same-key", 2500));
        QCOMPARE(first.outcome, PaymentOutcome::Approved);
        const std::vector<PaymentRequest> again(8, paymentRequest("same-key", 2500));
        for (const PaymentResult& replay : chargeConcurrently(gateway, again)) {
            QCOMPARE(replay.outcome, PaymentOutcome::Approved);
            QCOMPARE(replay.paymentId, first.paymentId);
        }
        // Reusing the key for another amount is refused, not charged.
        QCOMPARE(charge(gateway, paymentRequest("same-key", 9999)).outcome, PaymentOutcome::Declined);

        const QJsonArray charges = m_fake.ledger().value(QLatin1String("charges")).toArray();
        QCOMPARE(charges.size(), 1);
        QCOMPARE(charges[0].toObject().value(QLatin1String("requests")).toInt(), 10);
        QCOMPARE(counter(m_fake, "chargesApproved"), 1);
        QCOMPARE(counter(m_fake, "capturedMinor"), 2500);
    }

    void refunds()
    {
        HttpPaymentGateway gateway(fastOptions(m_fake.port()));
        const PaymentResult paid = charge(gateway, paymentRequest("refund-me", 1000));
        QCOMPARE(paid.outcome, PaymentOutcome::Approved);
        const auto refund = [&](const std::string& paymentId, std::int64_t amount, const std::string& key) {
            return await([&](PaymentGateway::Done done) { gateway.refund(paymentId, amount, key, std::move(done)); });
        };
        QCOMPARE(refund(paid.paymentId, 1000, "refund-1").outcome, PaymentOutcome::Approved);
        QCOMPARE(refund(paid.paymentId, 1000, "refund-1").outcome, PaymentOutcome::Approved); // replay
        QCOMPARE(refund(paid.paymentId, 1, "refund-2").outcome, PaymentOutcome::Declined);    // nothing left
        QCOMPARE(refund("ch_999999", 1, "refund-3").outcome, PaymentOutcome::NotFound);
        QCOMPARE(counter(m_fake, "capturedMinor"), 0);
    }

    void circuitOpensFailsFastHalfOpensAndCloses()
    {
        HttpPaymentGatewayOptions options = fastOptions(m_fake.port());
        options.retry.maxAttempts = 1; // one attempt per call: each call is one breaker failure
        options.breaker.failureThreshold = 3;
        HttpPaymentGateway gateway(options);
        QVERIFY(m_fake.setFaults(R"({"errorRate": 1})"));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(charge(gateway, paymentRequest("breaker-" + std::to_string(i))).outcome,
                     PaymentOutcome::Unavailable);
        QCOMPARE(gateway.stats().circuit, CircuitState::Open);

        // Open: fail fast, without a request reaching the gateway.
        const int requestsBefore = counter(m_fake, "requests");
        QElapsedTimer timer;
        timer.start();
        const PaymentResult fast = charge(gateway, paymentRequest("breaker-fast"));
        QCOMPARE(fast.outcome, PaymentOutcome::Unavailable);
        QVERIFY(timer.elapsed() < 100);
        QVERIFY(fast.message.find("circuit") != std::string::npos);
        QCOMPARE(lookup(gateway, "breaker-fast").outcome, PaymentOutcome::Unknown); // lookups too
        QCOMPARE(counter(m_fake, "requests"), requestsBefore);
        QCOMPARE(gateway.stats().rejectedOpen, 2u);

        // After the cool-down, a failing probe reopens it.
        QTest::qSleep(550);
        QCOMPARE(gateway.stats().circuit, CircuitState::HalfOpen);
        QCOMPARE(charge(gateway, paymentRequest("breaker-probe-1")).outcome, PaymentOutcome::Unavailable);
        QCOMPARE(gateway.stats().circuit, CircuitState::Open);
        QCOMPARE(counter(m_fake, "requests"), requestsBefore + 1);

        // Faults stop; the next probe succeeds and closes it.
        QVERIFY(m_fake.setFaults(R"({"errorRate": 0})"));
        QTest::qSleep(550);
        QCOMPARE(gateway.stats().circuit, CircuitState::HalfOpen);
        QCOMPARE(charge(gateway, paymentRequest("breaker-probe-2")).outcome, PaymentOutcome::Approved);
        QCOMPARE(gateway.stats().circuit, CircuitState::Closed);
        QCOMPARE(charge(gateway, paymentRequest("breaker-after")).outcome, PaymentOutcome::Approved);
    }

    void circuitOpensUnderTimeouts()
    {
        HttpPaymentGatewayOptions options = fastOptions(m_fake.port());
        options.attemptTimeout = 150ms;
        options.breaker.failureThreshold = 3;
        HttpPaymentGateway gateway(options);
        QVERIFY(m_fake.setFaults(R"({"hangRate": 1})"));
        // Three attempts of one call are three consecutive failures.
        QCOMPARE(charge(gateway, paymentRequest("slow-1")).outcome, PaymentOutcome::Unknown);
        QCOMPARE(gateway.stats().circuit, CircuitState::Open);
        QCOMPARE(charge(gateway, paymentRequest("slow-2")).outcome, PaymentOutcome::Unavailable);
    }

    void unreachableGatewayIsUnavailable()
    {
        HttpPaymentGatewayOptions options = fastOptions(1); // nothing listens on port 1
        options.breaker.failureThreshold = 3;
        HttpPaymentGateway gateway(options);
        const PaymentResult result = charge(gateway, paymentRequest("nowhere"));
        // Never sent, so it cannot have charged: Unavailable, not Unknown.
        QCOMPARE(result.outcome, PaymentOutcome::Unavailable);
        QCOMPARE(gateway.stats().errors, 3u);
        QCOMPARE(lookup(gateway, "nowhere").outcome, PaymentOutcome::Unknown);
    }

    void wrongBasePathIsNeverNotFound()
    {
        HttpPaymentGatewayOptions options = fastOptions(m_fake.port());
        options.endpoint.basePath = "/wrong";
        HttpPaymentGateway gateway(options);
        // The fake's own 404 for an unknown route is no answer about the payment.
        QCOMPARE(charge(gateway, paymentRequest("misrouted")).outcome, PaymentOutcome::Unavailable);
        QCOMPARE(lookup(gateway, "misrouted").outcome, PaymentOutcome::Unknown);
        QCOMPARE(gateway.stats().retries, 0u); // a configuration error is not retried
        QCOMPARE(gateway.stats().errors, 2u);  // but the breaker counts it
        QCOMPARE(counter(m_fake, "chargeRequests"), 0);
    }

    // A seeded mix of every fault against concurrent charges, then an auditor: each Unknown is
    // resolved by lookup, an Unavailable must never hide a charge, and the money the fake took is
    // exactly the money of the charges that ended Approved.
    void randomFaultsNeverChargeWithoutAnApproval()
    {
        QVERIFY(m_fake.setFaults(R"({"seed": 2024, "errorRate": 0.2, "timeoutRate": 0.15, "hangRate": 0.1,)"
                                 R"("declineRate": 0.2, "timeoutDelayMs": 400, "hangMs": 400})"));
        HttpPaymentGatewayOptions options = fastOptions(m_fake.port());
        options.attemptTimeout = 150ms;
        options.callTimeout = 1'500ms;
        options.breaker.failureThreshold = 1'000; // this test is about outcomes, not the breaker
        HttpPaymentGateway gateway(options);
        std::vector<PaymentRequest> requests;
        for (int i = 0; i < 60; ++i)
            requests.push_back(paymentRequest("chaos-" + std::to_string(i), i + 1));
        const std::vector<PaymentResult> results = chargeConcurrently(gateway, requests);
        QVERIFY(m_fake.setFaults(R"({"errorRate": 0, "timeoutRate": 0, "hangRate": 0})"));

        std::int64_t approvedMinor = 0;
        int unknown = 0;
        for (std::size_t i = 0; i < results.size(); ++i) {
            PaymentResult result = results[i];
            QVERIFY2(result.message.rfind("TEST:", 0) != 0, result.message.c_str());
            const PaymentResult found = lookup(gateway, requests[i].idempotencyKey);
            switch (result.outcome) {
            case PaymentOutcome::Unknown:
                ++unknown;
                QVERIFY(found.outcome != PaymentOutcome::Unknown);
                result = found;
                break;
            case PaymentOutcome::Unavailable: QCOMPARE(found.outcome, PaymentOutcome::NotFound); break;
            case PaymentOutcome::Approved:
                QCOMPARE(found.outcome, PaymentOutcome::Approved);
                QCOMPARE(found.paymentId, result.paymentId);
                break;
            case PaymentOutcome::Declined: QCOMPARE(found.outcome, PaymentOutcome::Declined); break;
            case PaymentOutcome::NotFound: QFAIL("a charge never answers NotFound");
            }
            if (result.outcome == PaymentOutcome::Approved)
                approvedMinor += requests[i].amountMinor;
        }
        QCOMPARE(counter(m_fake, "capturedMinor"), static_cast<int>(approvedMinor));
        QVERIFY(unknown > 0); // the seed does exercise the unknown path
        QVERIFY(gateway.stats().retries > 0);
    }

    void destructionFinishesCallsInFlight()
    {
        QVERIFY(m_fake.setFaults(R"({"hangRate": 1})"));
        auto promise = std::make_shared<std::promise<PaymentResult>>();
        auto future = promise->get_future();
        {
            HttpPaymentGatewayOptions options = fastOptions(m_fake.port());
            options.attemptTimeout = 2s;
            HttpPaymentGateway gateway(options);
            gateway.charge(paymentRequest("in-flight"),
                           [promise](const PaymentResult& result) { promise->set_value(result); });
            QTRY_COMPARE_WITH_TIMEOUT(counter(m_fake, "injectedHangs"), 1, 2'000);
        }
        QVERIFY(future.wait_for(0s) == std::future_status::ready);
        QCOMPARE(future.get().outcome, PaymentOutcome::Unknown); // it was sent: the outcome may hide a charge
    }

private:
    FakePayProcess m_fake;
};

QTEST_GUILESS_MAIN(TestHttpPaymentGateway)
#include "TestHttpPaymentGateway.moc"
