// Backoff: exponential ceilings with a cap, full jitter inside [0, ceiling], Retry-After as a floor,
// and a bounded number of attempts.

#include "payments/RetryPolicy.h"

#include <QTest>

#include <random>
#include <set>

using namespace usher;
using namespace std::chrono_literals;

class TestRetryPolicy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void ceilingsDoubleUpToTheCap()
    {
        const RetryPolicy policy({ 4, 100ms, 1'000ms, 5'000ms });
        QCOMPARE(policy.backoffCeiling(0), 100ms);
        QCOMPARE(policy.backoffCeiling(1), 200ms);
        QCOMPARE(policy.backoffCeiling(2), 400ms);
        QCOMPARE(policy.backoffCeiling(3), 800ms);
        QCOMPARE(policy.backoffCeiling(4), 1'000ms);
        QCOMPARE(policy.backoffCeiling(63), 1'000ms);
        QCOMPARE(policy.backoffCeiling(4'000'000'000u), 1'000ms); // no overflow
    }

    void jitterStaysWithinBounds()
    {
        const RetryPolicy policy({ 4, 100ms, 1'000ms, 5'000ms });
        std::mt19937_64 random(12345);
        for (std::uint32_t retry = 0; retry < 8; ++retry) {
            const auto ceiling = policy.backoffCeiling(retry);
            std::set<long long> seen;
            long long sum = 0;
            constexpr int kDraws = 2'000;
            for (int i = 0; i < kDraws; ++i) {
                const auto delay = policy.backoffDelay(retry, random());
                QVERIFY(delay >= 0ms);
                QVERIFY(delay <= ceiling);
                seen.insert(delay.count());
                sum += delay.count();
            }
            // Full jitter spreads over the whole range: many distinct values, mean near the middle.
            QVERIFY(seen.size() > static_cast<std::size_t>(ceiling.count() / 2));
            const double mean = static_cast<double>(sum) / kDraws;
            QVERIFY2(mean > ceiling.count() * 0.4 && mean < ceiling.count() * 0.6, qPrintable(QString::number(mean)));
        }
        // The extremes are reachable.
        QCOMPARE(policy.backoffDelay(2, 0), 0ms);
        QCOMPARE(policy.backoffDelay(2, 400), 400ms);
        QCOMPARE(policy.backoffDelay(2, 401), 0ms);
    }

    void retryAfterIsAFloor()
    {
        const RetryPolicy policy({ 4, 100ms, 1'000ms, 5'000ms });
        for (std::uint64_t random = 0; random < 500; random += 7)
            QVERIFY(policy.backoffDelay(0, random, 750ms) >= 750ms);
        QCOMPARE(policy.backoffDelay(3, 800, 300ms), 800ms); // the larger of the two
    }

    void attemptsAreBounded()
    {
        const RetryPolicy once({ 1, 10ms, 10ms, 5'000ms });
        QVERIFY(!once.mayRetry(1));
        const RetryPolicy policy({ 3, 10ms, 100ms, 5'000ms });
        QVERIFY(policy.mayRetry(1));
        QVERIFY(policy.mayRetry(2));
        QVERIFY(!policy.mayRetry(3));
        QVERIFY(!policy.mayRetry(100));
    }

    void zeroBaseMeansNoDelay()
    {
        const RetryPolicy policy({ 3, 0ms, 0ms, 5'000ms });
        QCOMPARE(policy.backoffDelay(5, 123456), 0ms);
    }
};

QTEST_APPLESS_MAIN(TestRetryPolicy)
#include "TestRetryPolicy.moc"
