// The waiting room: pre-queue fairness, the drain's precision, heartbeats and TTLs, priority bands,
// pause and resume, the active limit, bot defences, admission tokens and proofs of work, the
// capacity planner, and a seeded random walk that checks every invariant after each step.

#include "core/Random.h"
#include "waitroom/AdmissionToken.h"
#include "waitroom/CapacityPlanner.h"
#include "waitroom/FlatU64Map.h"
#include "waitroom/ProofOfWork.h"
#include "waitroom/QueueKey.h"
#include "waitroom/WaitingRoom.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <vector>

using namespace usher;

namespace {

constexpr EventId kEvent = 42;
constexpr Timestamp kStart = 1'800'000'000'000; // ms
constexpr Timestamp kOnsale = kStart + 60'000;

AdmissionTokens::Key keyOf(std::uint8_t fill)
{
    AdmissionTokens::Key key;
    key.fill(fill);
    return key;
}

// A config whose heartbeats and TTLs never get in the way unless a test wants them.
WaitingRoomConfig relaxed()
{
    WaitingRoomConfig c;
    c.onsaleAt = kOnsale;
    c.drainRatePerSecond = 100;
    c.batchIntervalMs = 1'000;
    c.activeAdmittedMax = 1'000'000;
    c.heartbeatIntervalMs = 300'000;
    c.heartbeatsMissedMax = 100;
    c.queueTtlMs = 24 * 3'600'000;
    c.admissionTtlMs = 24 * 3'600'000;
    c.sessionsPerAddressMax = 1'000'000;
    c.pollIntervalMinMs = 0;
    return c;
}

JoinRequest from(std::uint64_t address, bool verified = false)
{
    JoinRequest request;
    request.address = address;
    request.signals.verifiedAccount = verified;
    return request;
}

// Runs the room's clock from `from` to `to` in `stepMs` ticks; returns the admissions.
std::size_t run(WaitingRoom& room, Timestamp from, Timestamp to, Timestamp stepMs)
{
    std::size_t admitted = 0;
    for (Timestamp t = from; t <= to; t += stepMs)
        admitted += room.tick(t);
    return admitted;
}

// The chi-square critical value for `df` degrees of freedom at p = 0.001 (Wilson-Hilferty).
double chiSquareCritical(double df)
{
    const double z = 3.090; // one-sided 0.999 quantile of the normal distribution
    const double a = 2.0 / (9.0 * df);
    return df * std::pow(1.0 - a + z * std::sqrt(a), 3.0);
}

double spearman(const std::vector<double>& x, const std::vector<double>& y)
{
    // x and y are ranks already (permutations of 0..n-1).
    const double n = static_cast<double>(x.size());
    double d2 = 0;
    for (std::size_t i = 0; i < x.size(); ++i)
        d2 += (x[i] - y[i]) * (x[i] - y[i]);
    return 1.0 - 6.0 * d2 / (n * (n * n - 1.0));
}

} // namespace

class TestWaitingRoom : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void queueKeysRoundTrip()
    {
        for (int i = 0; i < 100; ++i) {
            const QueueKey key = QueueKey::random();
            QVERIFY(!key.isNull());
            QueueKey parsed;
            QVERIFY(QueueKey::parse(key.toString(), &parsed));
            QCOMPARE(parsed, key);
        }
        QueueKey untouched;
        QVERIFY(!QueueKey::parse("", &untouched));
        QVERIFY(!QueueKey::parse("0123456789abcdef0123456789abcde", &untouched));   // 31 digits
        QVERIFY(!QueueKey::parse("0123456789abcdef0123456789abcdeg", &untouched));  // not hex
        QVERIFY(!QueueKey::parse("0123456789abcdef0123456789abcdef0", &untouched)); // 33 digits
        QVERIFY(untouched.isNull());
    }

    void flatMapMatchesUnorderedMap()
    {
        FlatU64Map map(16);
        std::unordered_map<std::uint64_t, std::uint32_t> reference;
        Prng prng(7);
        for (int step = 0; step < 200'000; ++step) {
            const std::uint64_t key = 1 + prng.below(5'000); // many collisions and re-inserts
            const auto value = static_cast<std::uint32_t>(prng.next());
            if (prng.chance(55)) {
                bool inserted = false;
                std::uint32_t* slot = map.insert(key, value, &inserted);
                const auto [it, referenceInserted] = reference.emplace(key, value);
                QCOMPARE(inserted, referenceInserted);
                QCOMPARE(*slot, it->second);
            } else {
                QCOMPARE(map.erase(key), reference.erase(key) == 1);
            }
            if (step % 9'973 == 0) {
                for (std::uint64_t k = 1; k <= 5'000; ++k) {
                    const std::uint32_t* found = map.find(k);
                    const auto it = reference.find(k);
                    QCOMPARE(found != nullptr, it != reference.end());
                    if (found != nullptr)
                        QCOMPARE(*found, it->second);
                }
            }
        }
        QCOMPARE(map.size(), reference.size());
    }

    void admissionTokens()
    {
        const AdmissionTokens tokens(keyOf(1));
        const QueueKey session = QueueKey::random();
        const std::string token = tokens.issue({ kEvent, session, kStart + 1'000 });
        AdmissionClaims claims;
        QCOMPARE(tokens.check(token, kEvent, kStart, &claims), TokenCheck::Ok);
        QCOMPARE(claims.session, session);
        QCOMPARE(claims.event, kEvent);
        QCOMPARE(claims.expiresAt, kStart + 1'000);

        QCOMPARE(tokens.check(token, kEvent, kStart + 1'000, nullptr), TokenCheck::Expired);
        QCOMPARE(tokens.check(token, kEvent + 1, kStart, nullptr), TokenCheck::WrongEvent);
        // Another server key: forged.
        const AdmissionTokens other(keyOf(2));
        QCOMPARE(other.check(token, kEvent, kStart, nullptr), TokenCheck::Forged);
        // Any altered character of the payload or the MAC: forged or malformed, never Ok.
        for (std::size_t i = 3; i < token.size(); ++i) {
            if (token[i] == '.')
                continue;
            std::string altered = token;
            altered[i] = altered[i] == 'A' ? 'B' : 'A';
            const TokenCheck check = tokens.check(altered, kEvent, kStart, nullptr);
            QVERIFY2(check == TokenCheck::Forged || check == TokenCheck::Malformed, tokenCheckName(check));
        }
        // A forged token for the right event and a far expiry, made with the wrong key.
        const std::string forged = other.issue({ kEvent, session, kStart + 10'000'000 });
        QCOMPARE(tokens.check(forged, kEvent, kStart, nullptr), TokenCheck::Forged);
        for (const char* bad : { "", "v1.", "v1..", "v2.AAAA.AAAA", "v1.!!!!.AAAA", "garbage" })
            QCOMPARE(tokens.check(bad, kEvent, kStart, nullptr), TokenCheck::Malformed);
        QCOMPARE(tokens.check(std::string(1'000, 'A'), kEvent, kStart, nullptr), TokenCheck::Malformed);
    }

    void proofOfWork()
    {
        ProofOfWork pow(keyOf(3), 60'000);
        const std::string challenge = pow.challenge(kStart);
        std::uint64_t nonce = 0;
        QVERIFY(ProofOfWork::solve(challenge, 10, 0, 1'000'000, &nonce));
        std::uint64_t wrong = nonce + 1;
        while (ProofOfWork::solves(challenge, wrong, 10))
            ++wrong;
        QCOMPARE(pow.verify(challenge, wrong, 10, kStart + 10), PowCheck::Unsolved);
        QCOMPARE(pow.verify(challenge, nonce, 10, kStart + 60'001), PowCheck::Expired);
        QCOMPARE(pow.verify(challenge, nonce, 10, kStart + 10), PowCheck::Ok);
        QCOMPARE(pow.verify(challenge, nonce, 10, kStart + 20), PowCheck::Reused);
        // A challenge used late in one generation is still refused after the generations turn over.
        const std::string late = pow.challenge(kStart + 50'000);
        QCOMPARE(pow.verify(late, 0, 0, kStart + 55'000), PowCheck::Ok);
        QCOMPARE(pow.verify(pow.challenge(kStart + 60'011), 0, 0, kStart + 60'011), PowCheck::Ok); // turns over
        QCOMPARE(pow.verify(late, 0, 0, kStart + 70'000), PowCheck::Reused);
        QCOMPARE(pow.verify(late, 0, 0, kStart + 110'001), PowCheck::Expired);

        ProofOfWork otherServer(keyOf(4), 60'000);
        const std::string foreign = otherServer.challenge(kStart);
        QVERIFY(ProofOfWork::solve(foreign, 4, 0, 100'000, &nonce));
        QCOMPARE(pow.verify(foreign, nonce, 4, kStart), PowCheck::Forged);
        QCOMPARE(pow.verify("", 0, 4, kStart), PowCheck::Malformed);
        QCOMPARE(pow.verify("not base64 at all!", 0, 4, kStart), PowCheck::Malformed);
        QCOMPARE(pow.verify(std::string(500, 'A'), 0, 4, kStart), PowCheck::Malformed);
    }

    void joinsNeedTheProofOfWorkWhenAsked()
    {
        const AdmissionTokens tokens(keyOf(1));
        ProofOfWork pow(keyOf(1), 60'000);
        WaitingRoomConfig config = relaxed();
        config.powDifficultyBits = 8;
        WaitingRoom room(kEvent, config, &tokens, &pow, 1, kStart);
        QCOMPARE(room.join(from(1), kStart).status, WaitStatus::ProofOfWorkRequired);
        JoinRequest request = from(1);
        const std::string challenge = pow.challenge(kStart);
        request.powChallenge = challenge;
        std::uint64_t nonce = 0;
        QVERIFY(ProofOfWork::solve(challenge, 8, 0, 1'000'000, &nonce));
        request.powNonce = nonce + 1;
        while (ProofOfWork::solves(challenge, request.powNonce, 8))
            ++request.powNonce;
        const QueueView unsolved = room.join(request, kStart);
        QCOMPARE(unsolved.status, WaitStatus::ProofOfWorkInvalid);
        QCOMPARE(unsolved.powCheck, PowCheck::Unsolved);
        request.powNonce = nonce;
        QCOMPARE(room.join(request, kStart).status, WaitStatus::Ok);
        QCOMPARE(room.join(request, kStart).powCheck, PowCheck::Reused);
        QCOMPARE(room.metrics().joined, 1U);
        QCOMPARE(room.metrics().joinsRefused, 3U);
    }

    // Everyone who arrives before the onsale gets a uniformly random position: over many seeded
    // onsales the table (arrival index × position) is uniform by a chi-square test, and in one big
    // onsale the rank correlation between arrival and position is near 0.
    void preQueueShuffleIsFair()
    {
        const AdmissionTokens tokens(keyOf(1));
        constexpr int kUsers = 12;
        constexpr int kTrials = 6'000;
        std::vector<std::vector<int>> counts(kUsers, std::vector<int>(kUsers, 0));
        for (int trial = 0; trial < kTrials; ++trial) {
            WaitingRoom room(kEvent, relaxed(), &tokens, nullptr, 1'000 + static_cast<std::uint64_t>(trial), kStart);
            std::vector<QueueKey> keys;
            for (int i = 0; i < kUsers; ++i) {
                const QueueView view = room.join(from(static_cast<std::uint64_t>(i + 1)), kStart + i * 1'000);
                QCOMPARE(view.state, QueueState::PreQueue);
                QCOMPARE(view.position, 0U);
                keys.push_back(view.key);
            }
            room.tick(kOnsale);
            for (int i = 0; i < kUsers; ++i) {
                const QueueView view = room.poll(keys[static_cast<std::size_t>(i)], kOnsale + 1);
                QCOMPARE(view.state, QueueState::Waiting);
                QVERIFY(view.position >= 1 && view.position <= kUsers);
                ++counts[static_cast<std::size_t>(i)][view.position - 1];
            }
        }
        const double expected = static_cast<double>(kTrials) / kUsers;
        double chi2 = 0;
        for (const auto& row : counts)
            for (const int c : row)
                chi2 += (c - expected) * (c - expected) / expected;
        const double critical = chiSquareCritical((kUsers - 1) * (kUsers - 1));
        qInfo("chi-square %.1f, critical value at p=0.001 %.1f", chi2, critical);
        QVERIFY2(chi2 < critical, qPrintable(QStringLiteral("chi-square %1 >= %2").arg(chi2).arg(critical)));

        // One onsale with 20,000 early arrivals.
        WaitingRoom big(kEvent, relaxed(), &tokens, nullptr, 99, kStart);
        std::vector<QueueKey> keys;
        for (int i = 0; i < 20'000; ++i)
            keys.push_back(big.join(from(static_cast<std::uint64_t>(i + 1)), kStart + i).key);
        big.tick(kOnsale);
        std::vector<double> arrival, position;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            arrival.push_back(static_cast<double>(i));
            position.push_back(static_cast<double>(big.poll(keys[i], kOnsale).position - 1));
        }
        const double rho = spearman(arrival, position);
        qInfo("rank correlation of arrival and position: %.4f", rho);
        QVERIFY(std::abs(rho) < 0.03); // about 4 standard errors for n = 20,000
        QCOMPARE(big.checkInvariants(), std::string());
    }

    void afterTheOnsaleFirstComeFirstServed()
    {
        const AdmissionTokens tokens(keyOf(1));
        WaitingRoomConfig config = relaxed();
        config.drainRatePerSecond = 7;
        WaitingRoom room(kEvent, config, &tokens, nullptr, 5, kStart);
        room.setRecordAdmissions(true);
        room.tick(kOnsale);
        std::vector<QueueKey> keys;
        for (int i = 0; i < 50; ++i) {
            const QueueView view = room.join(from(static_cast<std::uint64_t>(i + 1)), kOnsale + 10 + i);
            QCOMPARE(view.state, QueueState::Waiting);
            QCOMPARE(view.position, static_cast<std::uint64_t>(i + 1));
            QCOMPARE(view.etaSeconds, static_cast<std::int64_t>(std::ceil((i + 1) / 7.0)));
            keys.push_back(view.key);
        }
        run(room, kOnsale + 100, kOnsale + 20'000, 100);
        QCOMPARE(room.admissionOrder().size(), std::size_t { 50 });
        for (std::uint32_t i = 0; i < 50; ++i)
            QCOMPARE(room.admissionOrder()[i], i);
        const QueueView admitted = room.poll(keys[0], kOnsale + 20'000);
        QCOMPARE(admitted.state, QueueState::Admitted);
        QCOMPARE(tokens.check(admitted.admissionToken, kEvent, kOnsale + 20'000, nullptr), TokenCheck::Ok);
        QCOMPARE(tokens.check(admitted.admissionToken, kEvent + 1, kOnsale + 20'000, nullptr), TokenCheck::WrongEvent);
        QVERIFY(room.metrics().etaSamples == 50);
    }

    void drainIsPrecise_data()
    {
        QTest::addColumn<double>("rate");
        QTest::addColumn<int>("tickMs");
        QTest::newRow("50/s") << 50.0 << 100;
        QTest::newRow("200/s") << 200.0 << 100;
        QTest::newRow("1000/s") << 1000.0 << 100;
        QTest::newRow("13.3/s, uneven ticks") << 13.3 << 73;
    }

    void drainIsPrecise()
    {
        QFETCH(double, rate);
        QFETCH(int, tickMs);
        const AdmissionTokens tokens(keyOf(1));
        WaitingRoomConfig config = relaxed();
        config.drainRatePerSecond = rate;
        WaitingRoom room(kEvent, config, &tokens, nullptr, 5, kStart);
        for (int i = 0; i < 100'000; ++i)
            room.join(from(static_cast<std::uint64_t>(i + 1)), kStart + i / 10);
        constexpr Timestamp kSeconds = 60;
        const std::size_t admitted = run(room, kOnsale, kOnsale + kSeconds * 1'000, tickMs);
        const double expected = rate * kSeconds;
        qInfo("rate %.1f/s: %zu admitted in %lld s, expected %.0f", rate, admitted, static_cast<long long>(kSeconds),
              expected);
        QVERIFY(std::abs(static_cast<double>(admitted) - expected) <= 0.02 * expected);
        QCOMPARE(room.metrics().admitted, admitted);
    }

    void rateChangesWhileLive()
    {
        const AdmissionTokens tokens(keyOf(1));
        WaitingRoomConfig config = relaxed();
        config.drainRatePerSecond = 100;
        WaitingRoom room(kEvent, config, &tokens, nullptr, 5, kStart);
        for (int i = 0; i < 50'000; ++i)
            room.join(from(static_cast<std::uint64_t>(i + 1)), kStart);
        std::size_t admitted = run(room, kOnsale, kOnsale + 30'000, 100);
        config.drainRatePerSecond = 400;
        QCOMPARE(room.reconfigure(config, kOnsale + 30'000), std::string());
        admitted += run(room, kOnsale + 30'100, kOnsale + 60'000, 100);
        const double expected = 100 * 30 + 400 * 30;
        QVERIFY2(std::abs(static_cast<double>(admitted) - expected) <= 0.02 * expected,
                 qPrintable(QString::number(admitted)));
        // The onsale time cannot move once the onsale started; bad parameters are refused.
        config.onsaleAt += 1;
        QVERIFY(!room.reconfigure(config, kOnsale + 60'000).empty());
        config.onsaleAt = kOnsale;
        config.drainRatePerSecond = 0;
        QCOMPARE(room.reconfigure(config, kOnsale + 60'000), std::string("the drain rate must be above 0 and at most 1,000,000 users/s"));
    }

    void pauseAndResume()
    {
        const AdmissionTokens tokens(keyOf(1));
        WaitingRoomConfig config = relaxed();
        config.drainRatePerSecond = 50;
        WaitingRoom room(kEvent, config, &tokens, nullptr, 5, kStart);
        std::vector<QueueKey> keys;
        for (int i = 0; i < 10'000; ++i)
            keys.push_back(room.join(from(static_cast<std::uint64_t>(i + 1)), kStart).key);
        const std::size_t before = run(room, kOnsale, kOnsale + 10'000, 100);
        room.setPaused(true, kOnsale + 10'000);
        QCOMPARE(run(room, kOnsale + 10'100, kOnsale + 40'000, 100), std::size_t { 0 });
        QVERIFY(room.metrics().paused);
        const QueueView paused = room.poll(keys.back(), kOnsale + 40'000);
        QCOMPARE(paused.state, QueueState::Waiting);
        QCOMPARE(paused.etaSeconds, std::int64_t { -1 });
        room.setPaused(false, kOnsale + 40'000);
        const std::size_t after = run(room, kOnsale + 40'100, kOnsale + 50'000, 100);
        // No burst for the paused time: ten seconds give ten seconds' worth.
        QVERIFY2(before >= 490 && before <= 510, qPrintable(QString::number(before)));
        QVERIFY2(after >= 480 && after <= 510, qPrintable(QString::number(after)));
    }

    void missedHeartbeatsLoseThePlace()
    {
        const AdmissionTokens tokens(keyOf(1));
        WaitingRoomConfig config = relaxed();
        config.heartbeatIntervalMs = 20'000;
        config.heartbeatsMissedMax = 3;
        config.drainRatePerSecond = 0.001; // nobody gets through during the test
        WaitingRoom room(kEvent, config, &tokens, nullptr, 5, kStart);
        room.tick(kOnsale);
        const QueueKey silent = room.join(from(1), kOnsale).key;
        const QueueKey faithful = room.join(from(2), kOnsale).key;
        QCOMPARE(room.poll(faithful, kOnsale).position, 2U);
        for (Timestamp t = kOnsale; t <= kOnsale + 61'000; t += 500) {
            room.tick(t);
            if ((t - kOnsale) % 20'000 == 0)
                room.poll(faithful, t);
        }
        // 61 s without a heartbeat: three missed (the sweep visits everyone once per interval).
        QCOMPARE(room.poll(faithful, kOnsale + 61'000).position, 1U);
        const QueueView gone = room.poll(silent, kOnsale + 61'000);
        QCOMPARE(gone.state, QueueState::Expired);
        QCOMPARE(gone.position, 0U);
        QCOMPARE(room.metrics().expiredHeartbeat, 1U);
        QCOMPARE(room.metrics().depth, 1U);
        QCOMPARE(room.checkInvariants(), std::string());
    }

    void queueTtlExpires()
    {
        const AdmissionTokens tokens(keyOf(1));
        WaitingRoomConfig config = relaxed();
        config.queueTtlMs = 2 * 3'600'000;
        config.drainRatePerSecond = 0.001;
        WaitingRoom room(kEvent, config, &tokens, nullptr, 5, kStart);
        const QueueKey key = room.join(from(1), kStart).key;
        for (Timestamp t = kStart; t < kStart + 2 * 3'600'000; t += 60'000)
            QCOMPARE(room.poll(key, t).state, t < kOnsale ? QueueState::PreQueue : QueueState::Waiting);
        QCOMPARE(room.poll(key, kStart + 2 * 3'600'000 + 1).state, QueueState::Expired);
        QCOMPARE(room.metrics().expiredTtl, 1U);
    }

    // Within a band, a better score goes first; no score jumps a band.
    void priorityBands()
    {
        const AdmissionTokens tokens(keyOf(1));
        WaitingRoomConfig config = relaxed();
        config.bandSize = 10;
        config.drainRatePerSecond = 1;
        WaitingRoom room(kEvent, config, &tokens, nullptr, 5, kStart);
        room.setRecordAdmissions(true);
        room.tick(kOnsale);
        // Arrivals 0..29: verified accounts at 5 and 9 (band 0) and at 15 (band 1); a bot-flagged
        // session at 2; a payment method on file at 7.
        std::vector<QueueKey> keys;
        for (std::uint64_t i = 0; i < 30; ++i) {
            JoinRequest request = from(i + 1, i == 5 || i == 9 || i == 15);
            request.signals.paymentMethodOnFile = i == 7;
            request.signals.botSignals = i == 2 ? 1 : 0;
            keys.push_back(room.join(request, kOnsale + static_cast<Timestamp>(i)).key);
        }
        // Positions in the head band follow the band's order once the band is formed.
        run(room, kOnsale + 1'000, kOnsale + 1'000, 1);
        QCOMPARE(room.admissionOrder().size(), std::size_t { 1 });
        QCOMPARE(room.poll(keys[9], kOnsale + 1'001).position, 1U);
        QCOMPARE(room.poll(keys[7], kOnsale + 1'001).position, 2U);
        QCOMPARE(room.poll(keys[2], kOnsale + 1'001).position, 9U);
        QCOMPARE(room.poll(keys[15], kOnsale + 1'001).position, 15U); // 15 slots before it, one admitted
        run(room, kOnsale + 2'000, kOnsale + 30'000, 1'000);
        const std::vector<std::uint32_t> expected = { 5, 9, 7, 0, 1, 3, 4, 6, 8, 2,         // band 0
                                                      15, 10, 11, 12, 13, 14, 16, 17, 18, 19, // band 1
                                                      20, 21, 22, 23, 24, 25, 26, 27, 28, 29 };
        QCOMPARE(room.admissionOrder(), expected);
    }

    void activeLimitAndAdmissionExpiry()
    {
        const AdmissionTokens tokens(keyOf(1));
        WaitingRoomConfig config = relaxed();
        config.drainRatePerSecond = 1'000;
        config.activeAdmittedMax = 5;
        config.admissionTtlMs = 60'000;
        WaitingRoom room(kEvent, config, &tokens, nullptr, 5, kStart);
        room.tick(kOnsale);
        std::vector<QueueKey> keys;
        for (std::uint64_t i = 0; i < 20; ++i)
            keys.push_back(room.join(from(i + 1), kOnsale).key);
        QCOMPARE(run(room, kOnsale + 1'000, kOnsale + 5'000, 1'000), std::size_t { 5 });
        QCOMPARE(room.metrics().active, 5U);
        QCOMPARE(room.finish(keys[0], kOnsale + 5'000), WaitStatus::Ok);
        QCOMPARE(room.finish(keys[1], kOnsale + 5'000), WaitStatus::Ok);
        QCOMPARE(run(room, kOnsale + 6'000, kOnsale + 6'000, 1), std::size_t { 2 });
        // Nobody finishes: the admissions expire after their TTL and free their places.
        QCOMPARE(run(room, kOnsale + 7'000, kOnsale + 60'000, 1'000), std::size_t { 0 });
        const std::size_t later = run(room, kOnsale + 61'000, kOnsale + 62'000, 1'000);
        QCOMPARE(later, std::size_t { 3 });
        QCOMPARE(room.metrics().admissionsExpired, 3U);
        const QueueView expired = room.poll(keys[2], kOnsale + 62'000);
        QCOMPARE(expired.state, QueueState::Finished);
        QVERIFY(expired.admissionToken.empty());
        QCOMPARE(room.checkInvariants(), std::string());
    }

    void botDefences()
    {
        const AdmissionTokens tokens(keyOf(1));
        WaitingRoomConfig config = relaxed();
        config.sessionsPerAddressMax = 2;
        config.rateViolationsMax = 3;
        config.botSignalsMax = 2;
        WaitingRoom room(kEvent, config, &tokens, nullptr, 5, kStart);
        const QueueKey first = room.join(from(77), kStart).key;
        QCOMPARE(room.join(from(77), kStart).status, WaitStatus::Ok);
        QCOMPARE(room.join(from(77), kStart).status, WaitStatus::TooManySessionsFromAddress);
        QCOMPARE(room.leave(first, kStart), WaitStatus::Ok);
        QCOMPARE(room.join(from(77), kStart).status, WaitStatus::Ok);

        JoinRequest bot = from(78);
        bot.signals.botSignals = 2;
        QCOMPARE(room.join(bot, kStart).status, WaitStatus::Blocked);

        const QueueKey noisy = room.join(from(79), kStart).key;
        for (int i = 0; i < 3; ++i)
            QCOMPARE(room.reportRateLimitViolation(noisy, kStart), WaitStatus::Ok);
        QCOMPARE(room.poll(noisy, kStart).state, QueueState::Blocked);
        QCOMPARE(room.poll(QueueKey::random(), kStart).status, WaitStatus::NotFound);
        const WaitingRoomMetrics m = room.metrics();
        QCOMPARE(m.botsBlocked, 3U); // the address limit, the bot signals, the violations
        QCOMPARE(m.abandoned, 1U);
        QCOMPARE(room.checkInvariants(), std::string());
    }

    void pollingTooOftenIsAViolation()
    {
        const AdmissionTokens tokens(keyOf(1));
        WaitingRoomConfig config = relaxed();
        config.pollIntervalMinMs = 1'000;
        config.rateViolationsMax = 3;
        WaitingRoom room(kEvent, config, &tokens, nullptr, 5, kStart);
        const QueueKey key = room.join(from(1), kStart).key;
        QCOMPARE(room.poll(key, kStart + 1'000).status, WaitStatus::Ok);
        QCOMPARE(room.poll(key, kStart + 1'500).status, WaitStatus::PolledTooOften);
        QCOMPARE(room.poll(key, kStart + 2'000).status, WaitStatus::Ok); // a second after the last heartbeat
        QCOMPARE(room.poll(key, kStart + 2'100).status, WaitStatus::PolledTooOften);
        const QueueView blocked = room.poll(key, kStart + 2'200);
        QCOMPARE(blocked.state, QueueState::Blocked);
        QCOMPARE(room.metrics().botsBlocked, 1U);
    }

    void closedAndFull()
    {
        const AdmissionTokens tokens(keyOf(1));
        WaitingRoomConfig config = relaxed();
        config.sessionsMax = 3;
        WaitingRoom room(kEvent, config, &tokens, nullptr, 5, kStart);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(room.join(from(static_cast<std::uint64_t>(i + 1)), kStart).status, WaitStatus::Ok);
        QCOMPARE(room.join(from(9), kStart).status, WaitStatus::QueueFull);
        config.enabled = false;
        QCOMPARE(room.reconfigure(config, kStart), std::string());
        QCOMPARE(room.join(from(10), kStart).status, WaitStatus::Closed);
    }

    void configValidation()
    {
        WaitingRoomConfig config;
        QCOMPARE(validateWaitingRoomConfig(config), std::string());
        config.heartbeatIntervalMs = 10;
        QVERIFY(!validateWaitingRoomConfig(config).empty());
        config = {};
        config.batchIntervalMs = 0;
        QVERIFY(!validateWaitingRoomConfig(config).empty());
        config = {};
        config.drainRatePerSecond = std::nan("");
        QVERIFY(!validateWaitingRoomConfig(config).empty());
    }

    void capacityPlanner()
    {
        CapacityInputs in;
        in.concurrentUsers = 1'000'000;
        in.writeFractionPerSecond = 0.05;
        in.abandonmentRate = 0.25;
        in.concurrentPurchaseSessions = 5'000;
        in.averagePurchaseSeconds = 300;
        QCOMPARE(validateCapacityInputs(in), std::string());
        const CapacityPlan plan = planCapacity(in);
        QCOMPARE(plan.worstCaseWritesPerSecond, 62'500.0); // DESIGN.md: 62,500 writes/s for 1M users
        QVERIFY(std::abs(plan.drainRatePerSecond - 13.333) < 0.001); // R ≈ 13/s
        QCOMPARE(defaultDrainRate(312.5, 5) * (1.0 - 0.2), 40.0);   // 50/s with 80 % converting: 40/s
        in.averagePurchaseSeconds = 0;
        QVERIFY(!validateCapacityInputs(in).empty());
        in.averagePurchaseSeconds = 300;
        in.abandonmentRate = 1.5;
        QVERIFY(!validateCapacityInputs(in).empty());
    }

    // A seeded random walk over every operation; the invariants hold after each step, and the
    // counters add up. On failure the seed is printed.
    void randomWalkKeepsInvariants()
    {
        const AdmissionTokens tokens(keyOf(1));
        for (std::uint64_t seed = 1; seed <= 20; ++seed) {
            Prng prng(seed);
            WaitingRoomConfig config = relaxed();
            config.heartbeatIntervalMs = 5'000;
            config.heartbeatsMissedMax = 2;
            config.admissionTtlMs = 20'000;
            config.activeAdmittedMax = 40;
            config.bandSize = 1 + static_cast<std::uint32_t>(prng.below(20));
            config.drainRatePerSecond = 5 + static_cast<double>(prng.below(50));
            config.sessionsPerAddressMax = 3;
            config.onsaleAt = kStart + static_cast<Timestamp>(prng.below(30'000));
            WaitingRoom room(kEvent, config, &tokens, nullptr, seed, kStart);
            std::vector<QueueKey> keys;
            Timestamp now = kStart;
            for (int step = 0; step < 3'000; ++step) {
                now += static_cast<Timestamp>(prng.below(400));
                const std::uint64_t op = prng.below(100);
                if (op < 35 || keys.empty()) {
                    JoinRequest request = from(1 + prng.below(200), prng.chance(30));
                    request.signals.botSignals = prng.chance(5) ? 3 : 0;
                    const QueueView view = room.join(request, now);
                    if (view.status == WaitStatus::Ok)
                        keys.push_back(view.key);
                } else if (op < 70) {
                    room.poll(keys[prng.below(keys.size())], now);
                } else if (op < 75) {
                    room.leave(keys[prng.below(keys.size())], now);
                } else if (op < 85) {
                    room.finish(keys[prng.below(keys.size())], now);
                } else if (op < 88) {
                    room.reportRateLimitViolation(keys[prng.below(keys.size())], now);
                } else if (op < 90) {
                    room.setPaused(!room.config().paused, now);
                } else {
                    room.tick(now);
                }
                const std::string broken = room.checkInvariants();
                QVERIFY2(broken.empty(), qPrintable(QStringLiteral("seed %1 step %2: %3")
                                                        .arg(seed)
                                                        .arg(step)
                                                        .arg(QString::fromStdString(broken))));
            }
            const WaitingRoomMetrics m = room.metrics();
            // Every session that joined is in exactly one state.
            const std::uint64_t accounted = m.depth + m.prequeued + m.active + m.finished + m.admissionsExpired
                + m.abandoned + m.expiredHeartbeat + m.expiredTtl;
            QVERIFY2(accounted <= m.joined && m.joined - accounted <= m.botsBlocked,
                     qPrintable(QStringLiteral("seed %1").arg(seed)));
        }
    }
};

QTEST_APPLESS_MAIN(TestWaitingRoom)
#include "TestWaitingRoom.moc"
