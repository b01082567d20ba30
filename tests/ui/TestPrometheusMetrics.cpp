// The onsale dashboard's headless half: the Prometheus text parser (usherd's own /metrics output,
// escapes, NaN and infinities, timestamps, bad lines kept apart from good ones, limits), counter
// rates with resets, and UsherdSampler turning successive scrapes into a MetricsSample.

#include "admin/MetricsRates.h"
#include "admin/PrometheusMetrics.h"
#include "admin/UsherdMetricsFeed.h"

#include <QDateTime>
#include <QTest>

#include <cmath>

using namespace usher::ui;

namespace {

// A scrape shaped like usherd's (engine/net/ApiService.cpp getMetrics, WaitingRoomService).
QByteArray scrape(double holds, double sales, double conflicts, double joined, double admitted, double depth,
                  double hits, double misses, double paySum, double payCount, int circuit)
{
    QByteArray t;
    t += "# HELP usherd_holds_total holds created\n# TYPE usherd_holds_total counter\n";
    t += "usherd_holds_total " + QByteArray::number(holds, 'g', 17) + "\n";
    t += "usherd_held_seats_total " + QByteArray::number(holds * 2, 'g', 17) + "\n";
    t += "usherd_seats_released_total " + QByteArray::number(holds / 2, 'g', 17) + "\n";
    t += "usherd_sales_total " + QByteArray::number(sales, 'g', 17) + "\n";
    t += "usherd_hold_conflicts_total " + QByteArray::number(conflicts, 'g', 17) + "\n";
    t += "usherd_rate_limited_total 0\n";
    t += "usher_waiting_room_depth{event=\"7\"} " + QByteArray::number(depth, 'g', 17) + "\n";
    t += "usher_waiting_room_depth{event=\"8\"} 999\n";
    t += "usher_waiting_room_joined_total{event=\"7\"} " + QByteArray::number(joined, 'g', 17) + "\n";
    t += "usher_waiting_room_admitted_total{event=\"7\"} " + QByteArray::number(admitted, 'g', 17) + "\n";
    t += "usher_waiting_room_active{event=\"7\"} 42\n";
    t += "usher_waiting_room_drain_rate{event=\"7\"} 50\n";
    t += "usher_waiting_room_paused{event=\"7\"} 0\n";
    t += "usherd_cache_hits_total{cache=\"availability\"} " + QByteArray::number(hits, 'g', 17) + "\n";
    t += "usherd_cache_misses_total{cache=\"availability\"} " + QByteArray::number(misses, 'g', 17) + "\n";
    t += "usherd_cache_hits_total{cache=\"event_list\"} 0\n";
    t += "usherd_cache_misses_total{cache=\"event_list\"} 0\n";
    t += "usherd_payment_seconds_sum " + QByteArray::number(paySum, 'g', 17) + "\n";
    t += "usherd_payment_seconds_count " + QByteArray::number(payCount, 'g', 17) + "\n";
    t += "usherd_payment_circuit_state " + QByteArray::number(circuit) + "\n";
    return t;
}

} // namespace

class TestPrometheusMetrics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesUsherdLines()
    {
        const PrometheusSnapshot s = PrometheusSnapshot::parse(
            "# HELP usherd_http_requests_total HTTP requests answered, by route and status\n"
            "# TYPE usherd_http_requests_total counter\n"
            "usherd_http_requests_total{route=\"/api/events/{id}/holds\",status=\"201\"} 1234\n"
            "usherd_http_requests_total{route=\"/api/events/{id}/holds\",status=\"409\"} 56\n"
            "usherd_http_request_seconds_bucket{route=\"/metrics\",status=\"200\",le=\"0.0005\"} 3\n"
            "usherd_journal_commit_seconds_total 0.00123456789012345\n"
            "usherd_journal_records_per_batch 1.5e+03\n");
        QCOMPARE(s.badLines(), 0);
        QCOMPARE(int(s.samples().size()), 5);
        QCOMPARE(s.value("usherd_http_requests_total", { { "status", QStringLiteral("409") } }).value_or(-1), 56.0);
        QCOMPARE(s.sum("usherd_http_requests_total").value_or(-1), 1290.0);
        QCOMPARE(s.sum("usherd_http_requests_total",
                       { { "route", QStringLiteral("/api/events/{id}/holds") }, { "status", QStringLiteral("201") } })
                     .value_or(-1),
                 1234.0);
        QCOMPARE(s.value("usherd_journal_records_per_batch").value_or(-1), 1500.0);
        QVERIFY(!s.value("usherd_nothing").has_value());
        QVERIFY(!s.value("usherd_http_requests_total", { { "status", QStringLiteral("500") } }).has_value());
        QCOMPARE(s.samples()[2].label("le") != nullptr ? *s.samples()[2].label("le") : QString(),
                 QStringLiteral("0.0005"));
    }

    void parsesEscapesSpecialValuesAndTimestamps()
    {
        const PrometheusSnapshot s = PrometheusSnapshot::parse(
            "odd{path=\"C:\\\\dir\",quote=\"say \\\"hi\\\"\",nl=\"a\\nb\",empty=\"\",} 1 1700000000000\r\n"
            "  spaced  {  a = \"x\" }  2  \n"
            "nan_value NaN\n"
            "pos +Inf\n"
            "neg -Inf\n"
            "\n"
            "# a comment\n");
        QVERIFY2(s.badLines() == 0, qPrintable(s.firstError()));
        QCOMPARE(int(s.samples().size()), 5);
        const PrometheusSample& odd = s.samples()[0];
        QCOMPARE(*odd.label("path"), QStringLiteral("C:\\dir"));
        QCOMPARE(*odd.label("quote"), QStringLiteral("say \"hi\""));
        QCOMPARE(*odd.label("nl"), QStringLiteral("a\nb"));
        QVERIFY(odd.label("empty") != nullptr && odd.label("empty")->isEmpty());
        QVERIFY(odd.label("missing") == nullptr);
        QCOMPARE(s.value("spaced", { { "a", QStringLiteral("x") } }).value_or(-1), 2.0);
        QVERIFY(std::isnan(*s.value("nan_value")));
        QVERIFY(std::isinf(*s.value("pos")) && *s.value("pos") > 0);
        QVERIFY(std::isinf(*s.value("neg")) && *s.value("neg") < 0);
    }

    void keepsGoodLinesBesideBadOnes()
    {
        const PrometheusSnapshot s = PrometheusSnapshot::parse("good 1\n"
                                                               "9bad 2\n"
                                                               "no_value\n"
                                                               "unclosed{a=\"x\n"
                                                               "nolabelvalue{a=x} 3\n"
                                                               "words 12 trailing words\n"
                                                               "notanumber abc\n"
                                                               "also_good{k=\"v\"} 4\n");
        QCOMPARE(s.badLines(), 6);
        QVERIFY2(s.firstError().startsWith(QStringLiteral("line 2:")), qPrintable(s.firstError()));
        QCOMPARE(int(s.samples().size()), 2);
        QCOMPARE(s.sum("good").value_or(-1), 1.0);
        QCOMPARE(s.sum("also_good").value_or(-1), 4.0);
        QVERIFY(PrometheusSnapshot::parse(QByteArray()).isEmpty());
        QVERIFY(PrometheusSnapshot::parse("\xff\xfe garbage").badLines() == 1);
    }

    void countsLabelValues()
    {
        const PrometheusSnapshot s = PrometheusSnapshot::parse(scrape(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        const std::vector<QString> caches = s.labelValues("usherd_cache_hits_total", "cache");
        QCOMPARE(int(caches.size()), 2);
        QCOMPARE(caches[0], QStringLiteral("availability"));
        QCOMPARE(caches[1], QStringLiteral("event_list"));
    }

    void tooManyRequestsFromEveryRoute()
    {
        // Every 429 usherd answered counts, waiting-room polls included, when the per-status
        // series exists; the token-bucket counter is the fallback.
        UsherdSampler sampler;
        const qint64 t0 = 1'800'000'000'000;
        sampler.add(
            t0,
            PrometheusSnapshot::parse("usherd_rate_limited_total 5\n"
                                      "usherd_http_requests_total{route=\"other\",status=\"429\"} 100\n"
                                      "usherd_http_requests_total{route=\"/api/events/{id}/holds\",status=\"429\"} 10\n"
                                      "usherd_http_requests_total{route=\"other\",status=\"200\"} 999\n"));
        sampler.add(
            t0 + 2000,
            PrometheusSnapshot::parse("usherd_rate_limited_total 9\n"
                                      "usherd_http_requests_total{route=\"other\",status=\"429\"} 300\n"
                                      "usherd_http_requests_total{route=\"/api/events/{id}/holds\",status=\"429\"} 14\n"
                                      "usherd_http_requests_total{route=\"other\",status=\"200\"} 5000\n"));
        QCOMPARE(sampler.sample(1).rateLimitedPerSecond.value_or(-1), 102.0);
        UsherdSampler old;
        old.add(t0, PrometheusSnapshot::parse("usherd_rate_limited_total 5\n"));
        old.add(t0 + 2000, PrometheusSnapshot::parse("usherd_rate_limited_total 9\n"));
        QCOMPARE(old.sample(1).rateLimitedPerSecond.value_or(-1), 2.0);
    }

    void ratesAllowForResets()
    {
        QCOMPARE(counterIncrease(10, 25), 15.0);
        QCOMPARE(counterIncrease(100, 7), 7.0); // usherd restarted
        QCOMPARE(counterRate(10.0, 30.0, 2000).value_or(-1), 10.0);
        QCOMPARE(counterRate(10.0, 30.0, 500).value_or(-1), 40.0);
        QVERIFY(!counterRate(std::nullopt, 30.0, 1000).has_value());
        QVERIFY(!counterRate(10.0, 30.0, 0).has_value());
        QCOMPARE(counterRatio(0.0, 90.0, 0.0, 100.0).value_or(-1), 0.9);
        QVERIFY(!counterRatio(0.0, 5.0, 100.0, 100.0).has_value()); // no traffic: no ratio
    }

    void samplerComputesTheSample()
    {
        UsherdSampler sampler;
        const qint64 t0 = 1'800'000'000'000;
        sampler.add(t0, PrometheusSnapshot::parse(scrape(100, 10, 5, 1000, 200, 800, 900, 100, 2.0, 4, 0)));
        MetricsSample first = sampler.sample(7);
        QVERIFY(first.waitingRoom);
        QCOMPARE(first.queueDepth.value_or(-1), 800.0);
        QCOMPARE(first.activeSessions.value_or(-1), 42.0);
        QCOMPARE(first.drainRateSetting.value_or(-1), 50.0);
        QCOMPARE(first.paused.value_or(true), false);
        QVERIFY(!first.holdsPerSecond.has_value()); // one scrape: no rate yet
        QCOMPARE(first.circuit, CircuitState::Closed);

        // Two seconds later: +40 holds, +6 sales, +10 conflicts, +300 joins, +100 admissions;
        // cache +170 hits +30 misses (85 %), payments +1.2 s over +2 calls (600 ms), circuit open.
        sampler.add(t0 + 2000, PrometheusSnapshot::parse(scrape(140, 16, 15, 1300, 300, 1000, 1070, 130, 3.2, 6, 1)));
        const MetricsSample s = sampler.sample(7);
        QCOMPARE(s.atMs, t0 + 2000);
        QCOMPARE(s.holdsPerSecond.value_or(-1), 20.0);
        QCOMPARE(s.salesPerSecond.value_or(-1), 3.0);
        QCOMPARE(s.conflictsPerSecond.value_or(-1), 5.0);
        QCOMPARE(s.rateLimitedPerSecond.value_or(-1), 0.0);
        QCOMPARE(s.inflowPerSecond.value_or(-1), 150.0);
        QCOMPARE(s.outflowPerSecond.value_or(-1), 50.0);
        QCOMPARE(s.queueDepth.value_or(-1), 1000.0);
        QCOMPARE(int(s.caches.size()), 2);
        QCOMPARE(s.caches[0].name, QStringLiteral("availability"));
        QVERIFY(std::abs(s.caches[0].ratio.value_or(-1) - 0.85) < 1e-9);
        QVERIFY(!s.caches[1].ratio.has_value()); // no traffic on event_list
        QVERIFY(std::abs(s.paymentLatencyMs.value_or(-1) - 600.0) < 1e-6);
        QCOMPARE(s.circuit, CircuitState::Open);
        // Held seats +80, released +20: a quarter of the seats held lately went back.
        QVERIFY(std::abs(s.abandonmentRatio.value_or(-1) - 0.25) < 1e-9);
        QVERIFY(!s.revenueMinor.has_value()); // usherd exports no revenue series (yet)

        // Another event has its own room; an event without one has none.
        QCOMPARE(sampler.sample(8).queueDepth.value_or(-1), 999.0);
        QVERIFY(!sampler.sample(9).waitingRoom);
    }

    void samplerUsesPerEventSeries()
    {
        // The per-event counters usherd exports (helper "edge", session 9: every series with
        // event="E", present from start-up with 0), beside the server-wide ones of two events.
        const auto scrapeOf = [](int k) {
            QByteArray t = scrape(1000 * k, 500 * k, 90 * k, 0, 0, 0, 0, 0, 0, 0, 0);
            const auto add = [&](const char* name, const char* event, double value, const char* currency = nullptr) {
                t += QByteArray("usherd_event_") + name + "{event=\"" + event + "\""
                    + (currency != nullptr ? QByteArray(",currency=\"") + currency + "\"" : QByteArray()) + "} "
                    + QByteArray::number(value, 'g', 17) + "\n";
            };
            for (const auto& [event, f] : { std::pair { "7", 1.0 }, std::pair { "9", 10.0 } }) {
                add("holds_total", event, 20 * k * f);
                add("held_seats_total", event, 50 * k * f);
                add("hold_conflicts_total", event, 4 * k * f);
                add("sales_total", event, 6 * k * f);
                add("tickets_sold_total", event, 15 * k * f);
                add("revenue_minor_total", event, 12'000 * k * f, event[0] == '7' ? "EUR" : "CHF");
                add("seats_released_total", event, 10 * k * f);
                add("hold_expiries_total", event, 2 * k * f);
            }
            return t;
        };
        UsherdSampler sampler;
        const qint64 t0 = 1'800'000'000'000;
        sampler.add(t0, PrometheusSnapshot::parse(scrapeOf(1)));
        sampler.add(t0 + 1000, PrometheusSnapshot::parse(scrapeOf(2)));
        const MetricsSample s = sampler.sample(7);
        QVERIFY(s.salesPerEvent);
        QCOMPARE(s.scope, QStringLiteral("this event"));
        QCOMPARE(s.holdsPerSecond.value_or(-1), 20.0);
        QCOMPARE(s.salesPerSecond.value_or(-1), 6.0);
        QCOMPARE(s.ticketsPerSecond.value_or(-1), 15.0);
        QCOMPARE(s.conflictsPerSecond.value_or(-1), 4.0);
        QCOMPARE(s.expiriesPerSecond.value_or(-1), 10.0);
        QCOMPARE(s.holdExpiriesPerSecond.value_or(-1), 2.0);
        QCOMPARE(s.revenueMinor.value_or(-1), qint64(24'000));
        QCOMPARE(s.currency, QStringLiteral("EUR"));
        QVERIFY(std::abs(s.abandonmentRatio.value_or(-1) - 0.2) < 1e-9); // 10 of 50 held seats went back
        const MetricsSample other = sampler.sample(9);
        QCOMPARE(other.holdsPerSecond.value_or(-1), 200.0);
        QCOMPARE(other.revenueMinor.value_or(-1), qint64(240'000));
        QCOMPARE(other.currency, QStringLiteral("CHF"));
        // An event usherd has no series of: server-wide figures, said so, and no expiry count.
        const MetricsSample unknown = sampler.sample(11);
        QVERIFY(!unknown.salesPerEvent);
        QCOMPARE(unknown.scope, QStringLiteral("server-wide"));
        QCOMPARE(unknown.holdsPerSecond.value_or(-1), 1000.0);
        QVERIFY(!unknown.holdExpiriesPerSecond.has_value());
    }

    void samplerWindowAndRestart()
    {
        UsherdSampler sampler;
        const qint64 t0 = 1'800'000'000'000;
        for (int i = 0; i <= 30; ++i)
            sampler.add(t0 + i * 1000, PrometheusSnapshot::parse(scrape(i * 10, 0, 0, 0, 0, 0, i * 50, 0, 0, 0, 0)));
        QVERIFY(sampler.scrapes() <= 12); // about ten seconds are kept
        QCOMPARE(sampler.sample(7).holdsPerSecond.value_or(-1), 10.0);
        // usherd restarted: counters fell to small values; the rate is the new value over the second.
        sampler.add(t0 + 31'000, PrometheusSnapshot::parse(scrape(4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        QCOMPARE(sampler.sample(7).holdsPerSecond.value_or(-1), 4.0);
        // A scrape that is not later than the last one replaces it.
        sampler.add(t0 + 31'000, PrometheusSnapshot::parse(scrape(6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        QCOMPARE(sampler.sample(7).holdsPerSecond.value_or(-1), 6.0);
    }

    void parsesDeviceLists()
    {
        bool ok = false;
        std::vector<DeviceStatus> devices = parseDevices(
            R"({"devices":[{"id":"box-1","name":"Main foyer","connected":true,"syncLagMs":1500,"pendingOperations":3},
                           {"id":2,"state":"offline"}]})",
            0, &ok);
        QVERIFY(ok);
        QCOMPARE(int(devices.size()), 2);
        QCOMPARE(devices[0].name, QStringLiteral("Main foyer"));
        QVERIFY(devices[0].connected);
        QCOMPARE(devices[0].syncLagSeconds.value_or(-1), 1.5);
        QCOMPARE(devices[0].pendingOperations.value_or(-1), qint64(3));
        QCOMPARE(devices[1].id, QStringLiteral("2"));
        QVERIFY(!devices[1].connected);
        QVERIFY(!devices[1].syncLagSeconds.has_value());
        parseDevices("not json", 0, &ok);
        QVERIFY(!ok);
        parseDevices(R"({"other":1})", 0, &ok);
        QVERIFY(!ok);
        // usherd's own form (sync-server): name, connected, lastSeen, pendingPushes.
        const qint64 now
            = QDateTime::fromString(QStringLiteral("2026-11-28T17:20:02.623Z"), Qt::ISODateWithMs).toMSecsSinceEpoch();
        devices = parseDevices(R"({"devices":[{"name":"box-1","channel":2,"connected":true,"outbox":"ab",
            "appliedSeq":6,"pushSeq":2,"pushAcked":1,"pendingPushes":1,"lastSeen":"2026-11-28T17:20:00.123Z"},
            {"name":"box-2","channel":3,"connected":false,"pendingPushes":0,"lastSeen":null}]})",
                               now, &ok);
        QVERIFY(ok);
        QCOMPARE(int(devices.size()), 2);
        QCOMPARE(devices[0].id, QStringLiteral("box-1"));
        QCOMPARE(devices[0].name, QStringLiteral("box-1"));
        QVERIFY(devices[0].connected);
        QCOMPARE(devices[0].syncLagSeconds.value_or(-1), 2.5);
        QCOMPARE(devices[0].pendingOperations.value_or(-1), qint64(1));
        QVERIFY(!devices[1].connected);
        QVERIFY(!devices[1].syncLagSeconds.has_value()); // never seen since usherd started
    }
};

QTEST_GUILESS_MAIN(TestPrometheusMetrics)
#include "TestPrometheusMetrics.moc"
