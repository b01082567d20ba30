// The live onsale dashboard against a scripted feed of metrics: the figures it shows, the alerts
// raised and cleared exactly at their thresholds (hit ratio 90 %, a stalled drain after N seconds,
// the gateway circuit), the 90 % line, the time window; and, against a tiny HTTP server standing in
// for usherd, the real UsherdMetricsFeed: figures from /metrics, pause/resume and the drain rate
// each asking for confirmation first and then sending the right PUT with the bearer token.

#include "admin/EventSalesTracker.h"
#include "admin/OnsaleDashboard.h"
#include "admin/OnsaleDashboardChart.h"
#include "admin/ScriptedMetricsFeed.h"
#include "admin/UsherdMetricsFeed.h"
#include "counter/CounterMoney.h"

#include <QComboBox>
#include <QDateTimeAxis>
#include <QDoubleSpinBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QValueAxis>

#include <memory>
#include <optional>

using namespace usher::ui;

namespace {

constexpr qint64 kT0 = 1'800'000'000'000; // a fixed wall-clock time, ms
// How long a QTRY waits for the stand-in usherd's answers: generous, so a loaded CI machine does
// not fail a test that is only slow.
constexpr int kUiWaitMs = 20'000;

MetricsSample calm(qint64 atMs)
{
    MetricsSample s;
    s.atMs = atMs;
    s.event = 7;
    s.waitingRoom = true;
    s.queueDepth = 1200;
    s.inflowPerSecond = 80;
    s.outflowPerSecond = 50;
    s.activeSessions = 340;
    s.drainRateSetting = 50;
    s.paused = false;
    s.holdsPerSecond = 42.4;
    s.salesPerSecond = 31;
    s.revenueMinor = 1234550;
    s.currency = QStringLiteral("EUR");
    s.conflictsPerSecond = 3;
    s.rateLimitedPerSecond = 120;
    s.expiriesPerSecond = 4;
    s.abandonmentRatio = 0.18;
    s.caches = { { QStringLiteral("availability"), 0.97 }, { QStringLiteral("event_list"), 0.995 } };
    s.paymentLatencyMs = 840;
    s.paymentErrorsPerSecond = 0.2;
    s.circuit = CircuitState::Closed;
    return s;
}

// One HTTP/1.1 request as the fake usherd saw it.
struct SeenRequest {
    QByteArray method;
    QByteArray path;
    QByteArray authorization;
    QByteArray body;
};

// A tiny usherd stand-in on loopback: answers /metrics, /api/events, the waiting room (GET, PUT)
// and 404 for /api/devices, keeps connections alive, and records every request.
class FakeUsherd : public QObject {
public:
    QTcpServer server;
    QList<SeenRequest> requests;
    bool paused = false;
    double drainRate = 50;
    double admitted = 0;
    int putStatus = 200;
    QByteArray seats = "0000000000"; // the event's availability, one digit per seat
    qint64 areaHeld = 0;             // general admission area 1
    qint64 areaSold = 0;
    std::vector<std::pair<qint64, qint64>> orders; // event 7's orders: amount, refunded
    QByteArray extraMetrics;                       // appended to /metrics

    QList<QPointer<QTcpSocket>> sockets;

    bool listen() { return server.listen(QHostAddress::LocalHost, 0); }
    void shutdown()
    {
        server.close();
        for (const QPointer<QTcpSocket>& socket : sockets)
            if (socket != nullptr)
                socket->abort();
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()); }
    int count(const QByteArray& method, const QByteArray& path) const
    {
        int n = 0;
        for (const SeenRequest& r : requests)
            n += r.method == method && r.path == path;
        return n;
    }

    FakeUsherd()
    {
        connect(&server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = server.nextPendingConnection()) {
                sockets.push_back(socket);
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    while (serveOne(socket, buffer.get())) { }
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

private:
    bool serveOne(QTcpSocket* socket, QByteArray* buffer)
    {
        const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return false;
        const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
        qsizetype length = 0;
        SeenRequest request;
        const QList<QByteArray> first = lines.front().trimmed().split(' ');
        request.method = first.value(0);
        request.path = first.value(1);
        for (const QByteArray& line : lines.mid(1)) {
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length")
                length = value.toLongLong();
            if (name == "authorization")
                request.authorization = value;
        }
        if (buffer->size() < headerEnd + 4 + length)
            return false;
        request.body = buffer->mid(headerEnd + 4, length);
        buffer->remove(0, headerEnd + 4 + length);
        requests.push_back(request);
        int status = 200;
        QByteArray body = answer(request, &status);
        QByteArray response = "HTTP/1.1 " + QByteArray::number(status)
            + " X\r\nContent-Type: " + (request.path == "/metrics" ? "text/plain" : "application/json")
            + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: keep-alive\r\n\r\n" + body;
        socket->write(response);
        return true;
    }

    QByteArray answer(const SeenRequest& r, int* status)
    {
        if (r.path == "/metrics") {
            admitted += paused ? 0 : 50;
            return "# TYPE usher_waiting_room_depth gauge\nusher_waiting_room_depth{event=\"7\"} 900\n"
                   "usher_waiting_room_admitted_total{event=\"7\"} "
                + QByteArray::number(admitted) + "\nusher_waiting_room_paused{event=\"7\"} "
                + QByteArray(paused ? "1" : "0") + "\nusher_waiting_room_drain_rate{event=\"7\"} "
                + QByteArray::number(drainRate) + "\nusherd_holds_total 10\nusherd_sales_total 500\n"
                + "usherd_revenue_minor_total{currency=\"EUR\"} 99999900\nusherd_payment_circuit_state 0\n"
                + extraMetrics;
        }
        if (r.path == "/api/events/7/availability")
            return "{\"event\":7,\"seq\":1,\"seats\":\"" + seats + "\",\"areas\":[{\"id\":1,\"available\":100,\"held\":"
                + QByteArray::number(areaHeld) + ",\"sold\":" + QByteArray::number(areaSold) + "}]}";
        if (r.path.startsWith("/api/orders/7-")) {
            const qsizetype n = r.path.mid(14).toLongLong();
            if (n >= 1 && n <= qsizetype(orders.size()))
                return "{\"orderId\":\"7-" + QByteArray::number(n) + "\",\"event\":7,\"amount\":"
                    + QByteArray::number(orders[std::size_t(n - 1)].first) + ",\"refunded\":"
                    + QByteArray::number(orders[std::size_t(n - 1)].second) + ",\"currency\":\"EUR\"}";
        }
        if (r.path == "/api/events")
            return R"({"events":[{"id":7,"name":"Flash Onsale"},{"id":9,"name":"Matinee"}]})";
        if (r.path == "/api/events/7/waiting-room" && r.method == "GET")
            return "{\"event\":7,\"enabled\":true,\"paused\":" + QByteArray(paused ? "true" : "false") + "}";
        if (r.path == "/api/events/7/waiting-room" && r.method == "PUT") {
            *status = putStatus;
            if (putStatus != 200)
                return R"({"error":{"code":"invalid_settings","message":"drainRatePerSecond: too high"}})";
            const QJsonObject change = QJsonDocument::fromJson(r.body).object();
            if (change.contains(QStringLiteral("paused")))
                paused = change.value(QStringLiteral("paused")).toBool();
            if (change.contains(QStringLiteral("drainRatePerSecond")))
                drainRate = change.value(QStringLiteral("drainRatePerSecond")).toDouble();
            return "{\"event\":7,\"enabled\":true}";
        }
        *status = 404;
        return R"({"error":{"code":"not_found","message":"no such route"}})";
    }
};

} // namespace

class TestOnsaleDashboard : public QObject {
    Q_OBJECT

private:
    ScriptedMetricsFeed* m_feed = nullptr;
    std::unique_ptr<OnsaleDashboard> m_dashboard;

    void pushAt(qint64 atMs, const std::function<void(MetricsSample&)>& change = {})
    {
        MetricsSample s = calm(atMs);
        if (change)
            change(s);
        m_feed->push(s);
    }

private Q_SLOTS:
    void init()
    {
        m_feed = new ScriptedMetricsFeed;
        m_dashboard = std::make_unique<OnsaleDashboard>(m_feed);
        m_dashboard->resize(1360, 820);
        m_dashboard->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dashboard.get()));
        QVERIFY(m_feed->isRunning()); // runs while visible
        m_feed->setEvents({ { 7, QStringLiteral("Flash Onsale") }, { 9, QStringLiteral("Matinee") } });
        QCOMPARE(m_dashboard->eventCombo()->count(), 2);
        QCOMPARE(m_feed->event(), quint64(7));
    }

    void cleanup()
    {
        m_dashboard.reset();
        m_feed = nullptr;
    }

    void showsTheFigures()
    {
        pushAt(kT0);
        QCOMPARE(m_dashboard->tileText(QStringLiteral("queueDepth")), QLocale().toString(1200));
        QCOMPARE(m_dashboard->tileText(QStringLiteral("flow")), QStringLiteral("80/s / 50/s"));
        QCOMPARE(m_dashboard->tileText(QStringLiteral("holds")), QStringLiteral("42/s"));
        QCOMPARE(m_dashboard->tileText(QStringLiteral("conflicts")), QStringLiteral("3.0/s"));
        QCOMPARE(m_dashboard->tileText(QStringLiteral("rateLimited")), QStringLiteral("120/s"));
        QCOMPARE(m_dashboard->tileText(QStringLiteral("revenue")), counterMoney(1234550, "EUR"));
        QVERIFY(m_dashboard->tileText(QStringLiteral("revenue")).contains(QStringLiteral("345")));
        QCOMPARE(m_dashboard->tileText(QStringLiteral("abandonment")), QStringLiteral("18.0 %"));
        QCOMPARE(m_dashboard->tileText(QStringLiteral("expiries")), QStringLiteral("4.0/s"));
        QCOMPARE(m_dashboard->tileText(QStringLiteral("gateway")), QStringLiteral("840 ms / 0.2/s"));
        QCOMPARE(m_dashboard->tileText(QStringLiteral("circuit")), QStringLiteral("closed"));
        QVERIFY(m_dashboard->alerts().active().empty());
        QVERIFY(!m_dashboard->alertBanner()->isVisible());

        // Each chart line got the point; the cache chart has one line per cache.
        DashboardChart* sales = m_dashboard->chart(QStringLiteral("salesChart"));
        QVERIFY(sales != nullptr);
        QCOMPARE(sales->line(QStringLiteral("Holds"))->count(), 1);
        QCOMPARE(sales->line(QStringLiteral("Holds"))->at(0), QPointF(double(kT0), 42.4));
        DashboardChart* caches = m_dashboard->chart(QStringLiteral("cacheChart"));
        QCOMPARE(caches->line(QStringLiteral("Availability"))->at(0).y(), 97.0);
        QCOMPARE(caches->line(QStringLiteral("Event list"))->count(), 1);

        // Missing figures show a dash, not a stale or made-up number.
        pushAt(kT0 + 1000, [](MetricsSample& s) {
            s.holdsPerSecond.reset();
            s.revenueMinor.reset();
            s.circuit = CircuitState::Unknown;
        });
        QCOMPARE(m_dashboard->tileText(QStringLiteral("holds")), QStringLiteral("\u2014"));
        QCOMPARE(m_dashboard->tileText(QStringLiteral("revenue")), QStringLiteral("\u2014"));
        QCOMPARE(m_dashboard->tileText(QStringLiteral("circuit")), QStringLiteral("\u2014"));
        QCOMPARE(sales->line(QStringLiteral("Holds"))->count(), 1); // no point for a missing value
        QVERIFY(m_dashboard->devicesTable()->isHidden());           // no device list from this source
        // A source that counts expired holds (usherd's per-event counter) adds them to the releases.
        pushAt(kT0 + 2000, [](MetricsSample& s) { s.holdExpiriesPerSecond = 1.5; });
        QCOMPARE(m_dashboard->tileText(QStringLiteral("expiries")), QStringLiteral("4.0/s (1.5/s expired)"));
    }

    void hitRatioAlertAtNinetyPercent()
    {
        QSignalSpy changed(m_dashboard.get(), &OnsaleDashboard::alertsChanged);
        pushAt(kT0, [](MetricsSample& s) { s.caches[0].ratio = 0.9001; });
        QVERIFY(m_dashboard->alerts().find(QStringLiteral("cache.availability")) == nullptr);
        pushAt(kT0 + 1000, [](MetricsSample& s) { s.caches[0].ratio = 0.8999; });
        const DashboardAlert* alert = m_dashboard->alerts().find(QStringLiteral("cache.availability"));
        QVERIFY(alert != nullptr);
        QCOMPARE(alert->severity, AlertSeverity::Warning);
        QCOMPARE(alert->sinceMs, kT0 + 1000);
        QVERIFY(m_dashboard->alertBanner()->isVisible());
        QVERIFY(m_dashboard->alertBanner()->text().contains(QStringLiteral("availability")));
        QCOMPARE(changed.count(), 1);
        pushAt(kT0 + 2000, [](MetricsSample& s) { s.caches[0].ratio = 0.85; }); // still low: same alert
        QCOMPARE(m_dashboard->alerts().find(QStringLiteral("cache.availability"))->sinceMs, kT0 + 1000);
        pushAt(kT0 + 3000, [](MetricsSample& s) { s.caches[0].ratio = 0.90; }); // exactly 90 %: fine
        QVERIFY(m_dashboard->alerts().active().empty());
        QVERIFY(!m_dashboard->alertBanner()->isVisible());
        // No traffic (no ratio) is no alert either.
        pushAt(kT0 + 4000, [](MetricsSample& s) { s.caches[0].ratio.reset(); });
        QVERIFY(m_dashboard->alerts().active().empty());

        // The 90 % line spans the window at y = 90 and the y axis shows it.
        DashboardChart* caches = m_dashboard->chart(QStringLiteral("cacheChart"));
        QVERIFY(caches->threshold() != nullptr);
        QCOMPARE(caches->threshold()->count(), 2);
        QCOMPARE(caches->threshold()->at(0).y(), 90.0);
        QCOMPARE(caches->threshold()->at(1).y(), 90.0);
        QCOMPARE(qint64(caches->threshold()->at(1).x()), kT0 + 4000);
        QCOMPARE(qint64(caches->threshold()->at(0).x()), kT0 + 4000 - 5 * 60'000);
        QVERIFY(caches->yAxis()->min() <= 80 && caches->yAxis()->max() >= 100);
    }

    void drainStallAlertAfterNSeconds()
    {
        m_dashboard->setStallSeconds(5);
        const auto stalled = [](MetricsSample& s) { s.outflowPerSecond = 0; };
        for (int i = 0; i < 5; ++i) {
            pushAt(kT0 + i * 1000, stalled);
            QVERIFY2(m_dashboard->alerts().find(QStringLiteral("drain.stalled")) == nullptr,
                     qPrintable(QString::number(i)));
        }
        pushAt(kT0 + 5000, stalled);
        const DashboardAlert* alert = m_dashboard->alerts().find(QStringLiteral("drain.stalled"));
        QVERIFY(alert != nullptr);
        QCOMPARE(alert->severity, AlertSeverity::Critical);
        QVERIFY(m_dashboard->alertBanner()->styleSheet().contains(QStringLiteral("#c62828")));
        pushAt(kT0 + 6000); // admissions again
        QVERIFY(m_dashboard->alerts().active().empty());

        // An empty queue is not a stall; a paused one is a warning of its own, never a stall.
        for (int i = 0; i < 8; ++i)
            pushAt(kT0 + 7000 + i * 1000, [](MetricsSample& s) {
                s.outflowPerSecond = 0;
                s.queueDepth = 0;
            });
        QVERIFY(m_dashboard->alerts().active().empty());
        for (int i = 0; i < 8; ++i)
            pushAt(kT0 + 20'000 + i * 1000, [](MetricsSample& s) {
                s.outflowPerSecond = 0;
                s.paused = true;
            });
        QVERIFY(m_dashboard->alerts().find(QStringLiteral("drain.stalled")) == nullptr);
        QVERIFY(m_dashboard->alerts().find(QStringLiteral("drain.paused")) != nullptr);
        QCOMPARE(m_dashboard->pauseButton()->text(), QStringLiteral("&Resume queue…"));
    }

    void gatewayCircuitAlert()
    {
        pushAt(kT0, [](MetricsSample& s) { s.circuit = CircuitState::Open; });
        QVERIFY(m_dashboard->alerts().find(QStringLiteral("gateway.open")) != nullptr);
        QCOMPARE(m_dashboard->alerts().worst(), AlertSeverity::Critical);
        QCOMPARE(m_dashboard->tileText(QStringLiteral("circuit")), QStringLiteral("OPEN"));
        // Two alerts at once: the banner counts them and the list shows both.
        pushAt(kT0 + 1000, [](MetricsSample& s) {
            s.circuit = CircuitState::Open;
            s.caches[1].ratio = 0.5;
        });
        QCOMPARE(int(m_dashboard->alerts().active().size()), 2);
        QCOMPARE(m_dashboard->alertList()->count(), 2);
        QVERIFY(m_dashboard->alertList()->isVisible());
        pushAt(kT0 + 2000, [](MetricsSample& s) { s.circuit = CircuitState::HalfOpen; });
        QVERIFY(m_dashboard->alerts().find(QStringLiteral("gateway.open")) == nullptr);
        QCOMPARE(m_dashboard->alerts().find(QStringLiteral("gateway.halfopen"))->severity, AlertSeverity::Warning);
        pushAt(kT0 + 3000);
        QVERIFY(m_dashboard->alerts().active().empty());
        // The source going away is an alert too.
        pushAt(kT0 + 4000, [](MetricsSample& s) { s.sourceError = QStringLiteral("usherd cannot be reached"); });
        QVERIFY(m_dashboard->alerts().find(QStringLiteral("source")) != nullptr);
    }

    void timeWindow()
    {
        for (int i = 0; i < 600; ++i) // ten minutes, one sample a second
            pushAt(kT0 + i * 1000);
        const qint64 last = kT0 + 599'000;
        QLineSeries* depth = m_dashboard->chart(QStringLiteral("queueChart"))->line(QStringLiteral("Queue depth"));
        QDateTimeAxis* x = m_dashboard->chart(QStringLiteral("queueChart"))->xAxis();
        QCOMPARE(m_dashboard->windowMinutes(), 5);
        QCOMPARE(depth->count(), 301);
        QCOMPARE(x->max().toMSecsSinceEpoch(), last);
        QCOMPARE(x->min().toMSecsSinceEpoch(), last - 5 * 60'000);
        m_dashboard->windowCombo()->setCurrentIndex(m_dashboard->windowCombo()->findData(1));
        QCOMPARE(m_dashboard->windowMinutes(), 1);
        QCOMPARE(depth->count(), 61);
        QCOMPARE(x->min().toMSecsSinceEpoch(), last - 60'000);
        m_dashboard->setWindowMinutes(15);
        QCOMPARE(m_dashboard->windowCombo()->currentData().toInt(), 15);
        QCOMPARE(depth->count(), 600); // the whole history: it is only ten minutes
        QCOMPARE(x->min().toMSecsSinceEpoch(), last - 15 * 60'000);
        // New samples keep the window sliding.
        m_dashboard->setWindowMinutes(1);
        pushAt(last + 1000);
        QCOMPARE(depth->count(), 61);
        QCOMPARE(depth->at(0).x(), double(last + 1000 - 60'000));
        QVERIFY(m_dashboard->grab().save(QStringLiteral("onsale-dashboard-scripted.png"), "PNG"));
    }

    void switchingEventsStartsAfresh()
    {
        pushAt(kT0);
        QCOMPARE(m_dashboard->chart(QStringLiteral("queueChart"))->line(QStringLiteral("Queue depth"))->count(), 1);
        m_dashboard->eventCombo()->setCurrentIndex(1);
        QCOMPARE(m_feed->event(), quint64(9));
        QCOMPARE(m_dashboard->chart(QStringLiteral("queueChart"))->line(QStringLiteral("Queue depth"))->count(), 0);
        pushAt(kT0 + 1000); // a late sample of event 7 is ignored
        QVERIFY(!m_dashboard->lastSample().has_value());
    }

    void followsTheOnsaleInProgress()
    {
        // Event 7 has no room, 9 has one: until the admin picks, the dashboard moves to 9.
        pushAt(kT0, [](MetricsSample& s) {
            s.waitingRoom = false;
            s.eventsWithRoom = { 9 };
        });
        QCOMPARE(m_feed->event(), quint64(9));
        QCOMPARE(m_dashboard->eventCombo()->currentData().toULongLong(), quint64(9));
        // Once the admin chose an event, it stays.
        m_dashboard->eventCombo()->setCurrentIndex(0);
        Q_EMIT m_dashboard->eventCombo()->activated(0);
        QCOMPARE(m_feed->event(), quint64(7));
        pushAt(kT0 + 1000, [](MetricsSample& s) {
            s.waitingRoom = false;
            s.eventsWithRoom = { 9 };
        });
        QCOMPARE(m_feed->event(), quint64(7));
        QVERIFY(m_dashboard->lastSample().has_value());
    }

    void controlsAskFirstThenSendToUsherd()
    {
        FakeUsherd usherd;
        QVERIFY(usherd.listen());
        auto* feed = new UsherdMetricsFeed(QUrl(usherd.url()), "ust_admin_token");
        feed->setIntervalMs(3'600'000); // the test takes the samples
        OnsaleDashboard dashboard(feed);
        QStringList questions;
        bool answer = false;
        dashboard.setConfirmation([&](const QString&, const QString& question) {
            questions << question;
            return answer;
        });
        dashboard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
        QTRY_COMPARE_WITH_TIMEOUT(dashboard.eventCombo()->count(), 2, kUiWaitMs); // GET /api/events
        QCOMPARE(feed->event(), quint64(7));
        QSignalSpy sampled(feed, &MetricsFeed::sampled);
        feed->sampleNow();
        QTRY_VERIFY_WITH_TIMEOUT(sampled.count() >= 1, kUiWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(dashboard.pauseButton()->isEnabled(), kUiWaitMs);
        QCOMPARE(dashboard.tileText(QStringLiteral("queueDepth")), QLocale().toString(900));
        QCOMPARE(dashboard.pauseButton()->text(), QStringLiteral("&Pause queue…"));
        QTRY_VERIFY_WITH_TIMEOUT(usherd.count("GET", "/api/events/7/waiting-room") >= 1, kUiWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(usherd.count("GET", "/api/devices"), 1, kUiWaitMs); // 404: asked once, then no more
        QVERIFY(dashboard.devicesTable()->isHidden());

        // Declined: nothing is sent.
        QTest::mouseClick(dashboard.pauseButton(), Qt::LeftButton);
        QCOMPARE(questions.size(), 1);
        QVERIFY(questions.front().contains(QStringLiteral("Flash Onsale")));
        QCOMPARE(usherd.count("PUT", "/api/events/7/waiting-room"), 0);

        // Confirmed: PUT {"paused":true} with the token; the next sample shows the room paused.
        answer = true;
        QSignalSpy finished(feed, &MetricsFeed::controlFinished);
        QTest::mouseClick(dashboard.pauseButton(), Qt::LeftButton);
        QVERIFY(!dashboard.pauseButton()->isEnabled()); // one change at a time
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kUiWaitMs);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QCOMPARE(usherd.count("PUT", "/api/events/7/waiting-room"), 1);
        const SeenRequest put = usherd.requests.back();
        QCOMPARE(put.authorization, QByteArray("Bearer ust_admin_token"));
        QCOMPARE(QJsonDocument::fromJson(put.body).object(), QJsonObject({ { QStringLiteral("paused"), true } }));
        QVERIFY(dashboard.controlStatus()->text().contains(QStringLiteral("audit")));
        const int before = sampled.count();
        feed->sampleNow();
        QTRY_VERIFY_WITH_TIMEOUT(sampled.count() > before, kUiWaitMs);
        QCOMPARE(dashboard.pauseButton()->text(), QStringLiteral("&Resume queue…"));

        // Resume, asking first.
        QTest::mouseClick(dashboard.pauseButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kUiWaitMs);
        QVERIFY(questions.back().startsWith(QStringLiteral("Resume")));
        QCOMPARE(QJsonDocument::fromJson(usherd.requests.back().body).object(),
                 QJsonObject({ { QStringLiteral("paused"), false } }));

        // The drain rate: the question names both rates; the PUT carries the new one.
        dashboard.drainSpin()->setValue(75);
        QTest::mouseClick(dashboard.drainButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, kUiWaitMs);
        QVERIFY2(questions.back().contains(QStringLiteral("50/s")) && questions.back().contains(QStringLiteral("75/s")),
                 qPrintable(questions.back()));
        QCOMPARE(QJsonDocument::fromJson(usherd.requests.back().body).object(),
                 QJsonObject({ { QStringLiteral("drainRatePerSecond"), 75.0 } }));
        QCOMPARE(usherd.drainRate, 75.0);

        // A refusal shows usherd's message.
        usherd.putStatus = 422;
        QTest::mouseClick(dashboard.drainButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 4, kUiWaitMs);
        QCOMPARE(finished.at(3).at(0).toBool(), false);
        QVERIFY2(dashboard.controlStatus()->text().contains(QStringLiteral("too high")),
                 qPrintable(dashboard.controlStatus()->text()));
        QVERIFY(dashboard.drainButton()->isEnabled());

        // usherd gone: the sample says so and raises the source alert; the controls stay usable
        // only as far as usherd answers.
        usherd.shutdown();
        feed->sampleNow();
        QTRY_VERIFY_WITH_TIMEOUT(dashboard.alerts().find(QStringLiteral("source")) != nullptr, kUiWaitMs);
        QCOMPARE(dashboard.tileText(QStringLiteral("queueDepth")), QStringLiteral("\u2014"));
    }

    // usherd without per-event series: the event's figures from its seats and orders, not the
    // server-wide counters (500 sales, 999,999.00 EUR of every event).
    void salesFiguresOfTheSelectedEvent()
    {
        FakeUsherd usherd;
        QVERIFY(usherd.listen());
        auto* feed = new UsherdMetricsFeed(QUrl(usherd.url()), "ust_admin_token");
        feed->setIntervalMs(3'600'000);
        OnsaleDashboard dashboard(feed);
        std::optional<MetricsSample> last;
        connect(feed, &MetricsFeed::sampled, &dashboard, [&](const MetricsSample& s) { last = s; });
        dashboard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
        QTRY_COMPARE_WITH_TIMEOUT(dashboard.eventCombo()->count(), 2, kUiWaitMs);
        QCOMPARE(feed->event(), quint64(7));
        QTRY_VERIFY_WITH_TIMEOUT(last.has_value(), kUiWaitMs); // the round started with the dashboard (maybe before the event list)
        last.reset();
        feed->sampleNow(); // the baseline
        QTRY_VERIFY_WITH_TIMEOUT(last.has_value(), kUiWaitMs);
        QVERIFY(usherd.count("GET", "/api/events/7/availability") >= 1);
        QVERIFY(!last->salesPerSecond.has_value() || *last->salesPerSecond == 0.0);

        // Between two rounds: seats 0-2 held, 3 sold, area 1 got 2 held and 1 sold; two orders.
        usherd.seats = "1112000000";
        usherd.areaHeld = 2;
        usherd.areaSold = 1;
        usherd.orders = { { 5000, 0 }, { 7000, 2000 } };
        last.reset();
        QTest::qWait(20); // a measurable interval for the rates
        feed->sampleNow();
        QTRY_VERIFY_WITH_TIMEOUT(last.has_value(), kUiWaitMs);
        QVERIFY(last->salesPerEvent);
        QVERIFY(last->holdsPerSecond.has_value() && last->ticketsPerSecond.has_value());
        // Both rates over the same interval: 5 seats held (3 + 2 in the area), 2 tickets (1 + 1).
        QCOMPARE(qRound(*last->holdsPerSecond / *last->ticketsPerSecond * 10), 25);
        // The first round asked for one order and found it; this one asks for two.
        QVERIFY(last->salesPerSecond.has_value());
        QVERIFY(last->revenueMinor.has_value());
        QCOMPARE(*last->revenueMinor, qint64(5000));
        QVERIFY2(
            dashboard.findChild<QLabel*>(QStringLiteral("scopeLabel"))->text().contains(QStringLiteral("this event")),
            qPrintable(dashboard.findChild<QLabel*>(QStringLiteral("scopeLabel"))->text()));

        // Releases: held -> available counts as expiries; the orders walk catches up.
        usherd.seats = "1002000000";
        last.reset();
        QTest::qWait(20);
        feed->sampleNow();
        QTRY_VERIFY_WITH_TIMEOUT(last.has_value(), kUiWaitMs);
        QVERIFY(last->expiriesPerSecond.has_value() && *last->expiriesPerSecond > 0);
        QCOMPARE(*last->holdsPerSecond, 0.0);
        QCOMPARE(*last->revenueMinor, qint64(10000)); // 50.00 + 70.00 - 20.00 refunded
        QCOMPARE(last->currency, QStringLiteral("EUR"));
        QCOMPARE(dashboard.tileText(QStringLiteral("revenue")), counterMoney(10000, "EUR"));
        QCOMPARE(usherd.count("GET", "/api/orders/7-3"), 1); // 404 ends the walk for the round
        QCOMPARE(usherd.count("GET", "/api/orders/7-4"), 0);

        // A usherd with per-event series: those are used, and the seats are no longer polled.
        // Every series usherd exports per event (helper "edge", session 9), hold expiries included.
        usherd.extraMetrics = "usherd_event_sales_total{event=\"7\"} 3\nusherd_event_sales_total{event=\"9\"} 40\n"
                              "usherd_event_revenue_minor_total{event=\"7\",currency=\"EUR\"} 4200\n"
                              "usherd_event_revenue_minor_total{event=\"9\",currency=\"CHF\"} 99\n"
                              "usherd_event_holds_total{event=\"7\"} 5\nusherd_event_held_seats_total{event=\"7\"} 9\n"
                              "usherd_event_hold_conflicts_total{event=\"7\"} 1\n"
                              "usherd_event_tickets_sold_total{event=\"7\"} 4\n"
                              "usherd_event_seats_released_total{event=\"7\"} 2\n"
                              "usherd_event_hold_expiries_total{event=\"7\"} 1\n";
        for (int round = 0; round < 2; ++round) {
            last.reset();
            feed->sampleNow();
            QTRY_VERIFY_WITH_TIMEOUT(last.has_value(), kUiWaitMs);
        }
        QVERIFY(last->salesPerEvent);
        QCOMPARE(*last->revenueMinor, qint64(4200));
        QCOMPARE(last->currency, QStringLiteral("EUR"));
        const int polls = usherd.count("GET", "/api/events/7/availability");
        last.reset();
        feed->sampleNow();
        QTRY_VERIFY_WITH_TIMEOUT(last.has_value(), kUiWaitMs);
        QCOMPARE(usherd.count("GET", "/api/events/7/availability"), polls);
        QCOMPARE(dashboard.findChild<QLabel*>(QStringLiteral("scopeLabel"))->text(),
                 QStringLiteral("Sales figures: this event"));
        QCOMPARE(*last->holdsPerSecond, 0.0); // the event's counter, unchanged between the rounds
        QCOMPARE(dashboard.tileText(QStringLiteral("expiries")), QStringLiteral("0.0/s (0.0/s expired)"));
    }

    // The tracker alone, with fixed times: exact rates.
    void eventSalesTrackerCountsSeatChanges()
    {
        EventSalesTracker tracker;
        QVERIFY(!tracker.addAvailability("{\"seats\":3}"));
        QVERIFY(tracker.addAvailability(R"({"seats":"0000","areas":[{"id":4,"held":0,"sold":0}]})"));
        MetricsSample s;
        tracker.fill(s, kT0, true);
        QVERIFY(!s.holdsPerSecond.has_value()); // one reading: no rate yet
        QCOMPARE(tracker.probes(), 1);
        tracker.addOrders({ { 1500, QStringLiteral("EUR") } }, 1);
        QCOMPARE(tracker.probes(), 2); // every probe found an order: ask for twice as many
        QVERIFY(tracker.ordersBehind());
        QVERIFY(tracker.addAvailability(R"({"seats":"1120","areas":[{"id":4,"held":3,"sold":1}]})"));
        tracker.fill(s, kT0 + 2000, true);
        QCOMPARE(*s.holdsPerSecond, 2.5);   // (2 seats + 3 in the area) / 2 s
        QCOMPARE(*s.ticketsPerSecond, 1.0); // (1 seat + 1 in the area) / 2 s
        QCOMPARE(*s.salesPerSecond, 0.5);
        QCOMPARE(*s.revenueMinor, qint64(1500));
        QCOMPARE(*s.expiriesPerSecond, 0.0);
        tracker.addOrders({}, 2);
        QCOMPARE(tracker.probes(), 1);
        QVERIFY(!tracker.ordersBehind());
        QVERIFY(tracker.addAvailability(R"({"seats":"0020","areas":[{"id":4,"held":3,"sold":1}]})"));
        tracker.fill(s, kT0 + 3000, true);
        QCOMPARE(*s.expiriesPerSecond, 2.0);
        QCOMPARE(*s.abandonmentRatio, 0.4); // 2 released of 5 held in the window
        // A different venue size is a new baseline, not a flood of changes.
        QVERIFY(tracker.addAvailability(R"({"seats":"11111111"})"));
        tracker.fill(s, kT0 + 4000, false);
        QCOMPARE(*s.holdsPerSecond, 0.0);
        QVERIFY(!s.revenueMinor.has_value());
    }

    void withoutTokenOrRoomNoControls()
    {
        pushAt(kT0, [](MetricsSample& s) { s.waitingRoom = false; });
        QVERIFY(!m_dashboard->pauseButton()->isEnabled());
        QCOMPARE(m_dashboard->tileText(QStringLiteral("queueDepth")), QStringLiteral("no room"));
        m_feed->setCanControl(false);
        pushAt(kT0 + 1000);
        QVERIFY(!m_dashboard->pauseButton()->isEnabled());
        QVERIFY(!m_dashboard->drainButton()->isEnabled());
        m_feed->setCanControl(true);
        pushAt(kT0 + 2000);
        QVERIFY(m_dashboard->pauseButton()->isEnabled());
        // The scripted feed records the change (the seam answers yes).
        m_dashboard->setConfirmation([](const QString&, const QString&) { return true; });
        m_dashboard->togglePause();
        QCOMPARE(m_feed->changes().size(), 1);
        QCOMPARE(m_feed->changes().front().value(QStringLiteral("paused")).toBool(), true);
    }

    void showsBoxOffices()
    {
        pushAt(kT0, [](MetricsSample& s) {
            s.devices = std::vector<DeviceStatus> {
                { QStringLiteral("box-1"), QStringLiteral("Main foyer"), true, 0.4, 0 },
                { QStringLiteral("box-2"), QStringLiteral("Stadium gate B"), false, 93.0, 17 },
            };
        });
        QTableWidget* table = m_dashboard->devicesTable();
        QVERIFY(table->isVisible());
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(1, 0)->text(), QStringLiteral("Stadium gate B"));
        QCOMPARE(table->item(1, 1)->text(), QStringLiteral("offline"));
        QCOMPARE(table->item(1, 2)->text(), QStringLiteral("93.0 s"));
        QCOMPARE(table->item(1, 3)->text(), QStringLiteral("17"));
        // For a look (run from the build directory): the list beside the charts.
        QVERIFY(m_dashboard->grab().save(QStringLiteral("onsale-dashboard-box-offices.png"), "PNG"));
    }
};

QTEST_MAIN(TestOnsaleDashboard)
#include "TestOnsaleDashboard.moc"
