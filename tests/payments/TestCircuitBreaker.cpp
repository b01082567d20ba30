// The circuit breaker as pure logic: time is an input, so every transition is checked exactly.

#include "PaymentTestNames.h"
#include "payments/CircuitBreaker.h"

#include <QTest>

#include <cstring>

using namespace usher;
using namespace std::chrono_literals;

namespace {

const CircuitBreaker::TimePoint t0 = CircuitBreaker::TimePoint {} + 1h;

CircuitBreaker makeBreaker()
{
    return CircuitBreaker({ 3, 1'000ms });
}

// Opens `breaker` at `at` with three failures.
void openAt(CircuitBreaker& breaker, CircuitBreaker::TimePoint at)
{
    for (int i = 0; i < 3; ++i) {
        QVERIFY(breaker.tryAcquire(at));
        breaker.onFailure(at);
    }
    QCOMPARE(breaker.state(at), CircuitState::Open);
}

} // namespace

class TestCircuitBreaker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void opensAfterThresholdConsecutiveFailures()
    {
        CircuitBreaker breaker = makeBreaker();
        QCOMPARE(breaker.state(t0), CircuitState::Closed);
        for (int i = 0; i < 2; ++i) {
            QVERIFY(breaker.tryAcquire(t0));
            breaker.onFailure(t0);
            QCOMPARE(breaker.state(t0), CircuitState::Closed);
        }
        QVERIFY(breaker.tryAcquire(t0));
        breaker.onFailure(t0);
        QCOMPARE(breaker.state(t0), CircuitState::Open);
        QCOMPARE(breaker.timesOpened(), 1u);
        QVERIFY(!breaker.tryAcquire(t0));
        QVERIFY(!breaker.tryAcquire(t0 + 999ms));
        QCOMPARE(breaker.state(t0 + 999ms), CircuitState::Open);
    }

    void successResetsTheCount()
    {
        CircuitBreaker breaker = makeBreaker();
        for (int round = 0; round < 5; ++round) {
            breaker.onFailure(t0);
            breaker.onFailure(t0);
            breaker.onSuccess(t0);
        }
        QCOMPARE(breaker.state(t0), CircuitState::Closed);
        QCOMPARE(breaker.consecutiveFailures(), 0u);
        QCOMPARE(breaker.timesOpened(), 0u);
    }

    void halfOpensAfterCooldownWithOneProbe()
    {
        CircuitBreaker breaker = makeBreaker();
        openAt(breaker, t0);
        QCOMPARE(breaker.state(t0 + 1'000ms), CircuitState::HalfOpen);
        QVERIFY(breaker.tryAcquire(t0 + 1'000ms)); // the probe
        QCOMPARE(breaker.state(t0 + 1'000ms), CircuitState::HalfOpen);
        QVERIFY(!breaker.tryAcquire(t0 + 1'001ms)); // only one probe at a time
        QVERIFY(!breaker.tryAcquire(t0 + 1'500ms));
    }

    void probeSuccessCloses()
    {
        CircuitBreaker breaker = makeBreaker();
        openAt(breaker, t0);
        QVERIFY(breaker.tryAcquire(t0 + 1'200ms));
        breaker.onSuccess(t0 + 1'300ms);
        QCOMPARE(breaker.state(t0 + 1'300ms), CircuitState::Closed);
        for (int i = 0; i < 10; ++i)
            QVERIFY(breaker.tryAcquire(t0 + 1'300ms));
        // Closed again: it takes the full threshold to reopen.
        breaker.onFailure(t0 + 2s);
        breaker.onFailure(t0 + 2s);
        QCOMPARE(breaker.state(t0 + 2s), CircuitState::Closed);
        breaker.onFailure(t0 + 2s);
        QCOMPARE(breaker.state(t0 + 2s), CircuitState::Open);
        QCOMPARE(breaker.timesOpened(), 2u);
    }

    void probeFailureReopensForAnotherCooldown()
    {
        CircuitBreaker breaker = makeBreaker();
        openAt(breaker, t0);
        QVERIFY(breaker.tryAcquire(t0 + 1'000ms));
        breaker.onFailure(t0 + 1'400ms);
        QCOMPARE(breaker.state(t0 + 1'400ms), CircuitState::Open);
        QCOMPARE(breaker.timesOpened(), 2u);
        // The cool-down restarts at the probe's failure, not at the first opening.
        QVERIFY(!breaker.tryAcquire(t0 + 2'399ms));
        QVERIFY(breaker.tryAcquire(t0 + 2'400ms));
        QCOMPARE(breaker.state(t0 + 2'400ms), CircuitState::HalfOpen);
    }

    void silentProbeIsReplacedAfterCooldown()
    {
        CircuitBreaker breaker = makeBreaker();
        openAt(breaker, t0);
        QVERIFY(breaker.tryAcquire(t0 + 1'000ms)); // never reports
        QVERIFY(!breaker.tryAcquire(t0 + 1'999ms));
        QVERIFY(breaker.tryAcquire(t0 + 2'000ms));
        breaker.onSuccess(t0 + 2'100ms);
        QCOMPARE(breaker.state(t0 + 2'100ms), CircuitState::Closed);
    }

    void thresholdOfOne()
    {
        CircuitBreaker breaker({ 1, 0ms });
        breaker.onFailure(t0);
        QCOMPARE(breaker.state(t0), CircuitState::HalfOpen); // zero cool-down: probe at once
        QVERIFY(breaker.tryAcquire(t0));
        QVERIFY(!breaker.tryAcquire(t0 - 1ms));
    }

    void names()
    {
        QCOMPARE(circuitStateName(CircuitState::Closed), "closed");
        QCOMPARE(circuitStateName(CircuitState::Open), "open");
        QCOMPARE(circuitStateName(CircuitState::HalfOpen), "half_open");
        QCOMPARE(paymentOutcomeName(PaymentOutcome::Approved), "approved");
        QCOMPARE(paymentOutcomeName(PaymentOutcome::Declined), "declined");
        QCOMPARE(paymentOutcomeName(PaymentOutcome::Unavailable), "unavailable");
        QCOMPARE(paymentOutcomeName(PaymentOutcome::Unknown), "unknown");
        QCOMPARE(paymentOutcomeName(PaymentOutcome::NotFound), "not_found");
        // Stable numbers: they end up in logs and journals.
        QCOMPARE(static_cast<int>(PaymentOutcome::Approved), 1);
        QCOMPARE(static_cast<int>(PaymentOutcome::NotFound), 5);
        QCOMPARE(static_cast<int>(CircuitState::HalfOpen), 2);
    }
};

QTEST_APPLESS_MAIN(TestCircuitBreaker)
#include "TestCircuitBreaker.moc"
