// The availability cache under an onsale: holds change seats while GETs read the availability at
// the same time, against a real usherd. The cache must stay warm (the admin dashboard alerts below
// a 90 % hit ratio) and never answer older than a change whose answer a client already has.

#include "ServerTestSupport.h"
#include "support/TempDir.h"

#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

using namespace usher::test;

namespace {

constexpr int kHolders = 4;
constexpr int kReaders = 4;
constexpr int kSeats = 2'500; // event 2, the demo concert hall: seat ids 1..2,500
constexpr int kRunMs = 2'500;
// Readers pause between GETs, so that several changes fall between two GETs of one reader, as with
// browsers during a sale: a cache rebuilt only on demand, or only when read since the last change,
// misses most of them.
constexpr int kReaderPauseMs = 3;
const QByteArray kAvailability = "/api/events/2/availability";

// The value of the series `nameAndLabels` in a /metrics body, or -1 when it has none.
double metricValue(const QByteArray& body, const QByteArray& nameAndLabels)
{
    for (const QByteArray& line : body.split('\n'))
        if (line.startsWith(nameAndLabels + ' '))
            return line.mid(nameAndLabels.size() + 1).toDouble();
    return -1;
}

// The seq at the end of the ETag "event-generation-seq", or -1.
qint64 etagSeq(const HttpResult& result)
{
    const QByteArray etag = result.header("etag");
    if (etag.size() < 3 || !etag.startsWith('"') || !etag.endsWith('"'))
        return -1;
    bool ok = false;
    const qint64 seq = etag.mid(etag.lastIndexOf('-') + 1).chopped(1).toLongLong(&ok);
    return ok ? seq : -1;
}

void raiseTo(std::atomic<qint64>& value, qint64 to)
{
    qint64 current = value.load();
    while (current < to && !value.compare_exchange_weak(current, to)) {
    }
}

} // namespace

class TestServerCache : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void staysWarmAndCurrentDuringHolds();
    void specChangeRenewsTheEtag();

private:
    QByteArray metrics();

    std::unique_ptr<TempDir> m_dir;
    std::unique_ptr<UsherdProcess> m_usherd;
    QByteArray m_admin;
    quint16 m_port = 0;
};

void TestServerCache::initTestCase()
{
    m_dir = std::make_unique<TempDir>();
    const QString data = QString::fromStdString(m_dir->path());
    m_admin = UsherdProcess::createToken(data, QStringLiteral("admin"));
    QVERIFY(m_admin.startsWith("ust_"));
    m_usherd = std::make_unique<UsherdProcess>(data);
    QVERIFY2(m_usherd->start({ QStringLiteral("--demo"), QStringLiteral("--no-fsync"), QStringLiteral("--rate-limit"),
                               QStringLiteral("0") }),
             m_usherd->log().constData());
    m_port = m_usherd->port();
}

void TestServerCache::cleanupTestCase()
{
    if (m_usherd)
        QVERIFY2(m_usherd->terminate(), m_usherd->log().constData());
}

QByteArray TestServerCache::metrics()
{
    HttpClient client(m_port);
    if (!client.connect())
        return {};
    client.bearer = m_admin;
    const HttpResult result = client.request("GET", "/metrics");
    return result.status == 200 ? result.body : QByteArray();
}

// Holders hold distinct seats as fast as they can; readers GET the availability meanwhile. Before
// each GET a reader notes the highest seq of a hold already answered (201) to any holder: the GET
// must show at least that seq, and its ETag must carry the body's seq. Over the run, at least 90 %
// of the GETs are cache hits, and at the end the availability shows exactly the seats held.
void TestServerCache::staysWarmAndCurrentDuringHolds()
{
    {
        HttpClient first(m_port);
        QVERIFY(first.connect());
        QCOMPARE(first.request("GET", kAvailability).status, 200); // the event is being read from here on
    }
    const QByteArray before = metrics();
    const double hitsBefore = metricValue(before, "usherd_cache_hits_total{cache=\"availability\"}");
    const double missesBefore = metricValue(before, "usherd_cache_misses_total{cache=\"availability\"}");
    QVERIFY2(hitsBefore >= 0 && missesBefore >= 0, before.constData());

    std::atomic<qint64> acknowledged { 0 }; // the highest seq of a 201 received so far
    std::atomic<bool> stop { false };
    std::atomic<int> held { 0 };
    std::atomic<int> gets { 0 };
    std::mutex mutex;
    QStringList problems; // guarded by mutex
    const auto problem = [&](const QString& text) {
        std::lock_guard lock(mutex);
        if (problems.size() < 10)
            problems.append(text);
    };

    std::vector<std::thread> threads;
    for (int t = 0; t < kHolders; ++t) {
        threads.emplace_back([&, t] {
            HttpClient client(m_port);
            client.bearer = newBuyerSession(m_port);
            if (client.bearer.isEmpty() || !client.connect())
                return problem(QStringLiteral("holder %1 could not start").arg(t));
            for (int seat = 1 + t; seat <= kSeats && !stop.load(); seat += kHolders) {
                const HttpResult result
                    = client.request("POST", "/api/events/2/seats/" + QByteArray::number(seat) + "/hold", {},
                                     { { "Idempotency-Key", "cache-" + QByteArray::number(seat) } });
                if (result.status != 201)
                    return problem(QStringLiteral("hold of seat %1: %2 %3")
                                       .arg(seat)
                                       .arg(result.status)
                                       .arg(QString::fromUtf8(result.body)));
                ++held;
                raiseTo(acknowledged, result.json().value(QLatin1String("seq")).toInteger());
            }
        });
    }
    for (int r = 0; r < kReaders; ++r) {
        threads.emplace_back([&, r] {
            HttpClient client(m_port);
            if (!client.connect())
                return problem(QStringLiteral("reader %1 could not connect").arg(r));
            qint64 last = 0;
            while (!stop.load()) {
                const qint64 floor = acknowledged.load();
                const HttpResult result = client.request("GET", kAvailability);
                if (result.status != 200)
                    return problem(QStringLiteral("GET: %1").arg(result.status));
                ++gets;
                const qint64 seq = result.json().value(QLatin1String("seq")).toInteger(-1);
                if (seq < floor)
                    problem(QStringLiteral("GET answered seq %1, older than the acknowledged seq %2").arg(seq).arg(floor));
                if (seq < last)
                    problem(QStringLiteral("GET went back from seq %1 to %2").arg(last).arg(seq));
                if (etagSeq(result) != seq)
                    problem(QStringLiteral("ETag %1 for seq %2").arg(QString::fromLatin1(result.header("etag"))).arg(seq));
                last = seq;
                std::this_thread::sleep_for(std::chrono::milliseconds(kReaderPauseMs));
            }
        });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(kRunMs));
    stop = true;
    for (auto& thread : threads)
        thread.join();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY2(held.load() >= 50, qPrintable(QStringLiteral("only %1 holds").arg(held.load())));
    QVERIFY2(gets.load() >= 100, qPrintable(QStringLiteral("only %1 GETs").arg(gets.load())));

    const QByteArray after = metrics();
    const double hits = metricValue(after, "usherd_cache_hits_total{cache=\"availability\"}") - hitsBefore;
    const double misses = metricValue(after, "usherd_cache_misses_total{cache=\"availability\"}") - missesBefore;
    QCOMPARE(qint64(hits + misses), qint64(gets.load())); // every GET counted once, hit or miss
    const double ratio = hits / (hits + misses);
    qInfo("%d holds, %d GETs: %.0f hits, %.0f misses, hit ratio %.3f", held.load(), gets.load(), hits, misses, ratio);
    QVERIFY2(ratio >= 0.9, qPrintable(QStringLiteral("hit ratio %1 (%2 hits, %3 misses, %4 holds)")
                                          .arg(ratio)
                                          .arg(hits)
                                          .arg(misses)
                                          .arg(held.load())));

    // The last answered change is in the cache, and so is every seat held.
    HttpClient client(m_port);
    QVERIFY(client.connect());
    const HttpResult last = client.request("GET", kAvailability);
    QCOMPARE(last.status, 200);
    QVERIFY(last.json().value(QLatin1String("seq")).toInteger() >= acknowledged.load());
    QCOMPARE(last.json().value(QLatin1String("seats")).toString().count(QLatin1Char('1')), qsizetype(held.load()));
}

// A PATCH answered: the next GET has a new ETag (the old one gives 200, not 304), still a hit.
void TestServerCache::specChangeRenewsTheEtag()
{
    HttpClient client(m_port);
    QVERIFY(client.connect());
    const HttpResult before = client.request("GET", kAvailability);
    QCOMPARE(before.status, 200);
    const QByteArray etag = before.header("etag");
    QCOMPARE(client.request("GET", kAvailability, {}, { { "If-None-Match", etag } }).status, 304);

    HttpClient admin(m_port);
    QVERIFY(admin.connect());
    admin.bearer = m_admin;
    const HttpResult patched = admin.request("PATCH", "/api/events/2", R"({"name":"Cache check"})");
    QVERIFY2(patched.status == 200, patched.body.constData());

    const double missesBefore = metricValue(metrics(), "usherd_cache_misses_total{cache=\"availability\"}");
    const HttpResult after = client.request("GET", kAvailability, {}, { { "If-None-Match", etag } });
    QCOMPARE(after.status, 200);
    QVERIFY(after.header("etag") != etag);
    QCOMPARE(etagSeq(after), etagSeq(before)); // no seat changed: same seq, new generation
    QCOMPARE(metricValue(metrics(), "usherd_cache_misses_total{cache=\"availability\"}"), missesBefore);
}

QTEST_GUILESS_MAIN(TestServerCache)
#include "TestServerCache.moc"
