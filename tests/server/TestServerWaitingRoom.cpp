// The waiting room through a real usherd on loopback: settings (admin only, validated, kept across a
// restart), joining, polling until admitted, holds that need the admission token (missing, forged,
// for another event), pause and resume, leaving, metrics, and the WebSocket push of positions
// (queue.watch) that also keeps a session alive while its socket is open.

#include "ServerTestSupport.h"
#include "support/TempDir.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

using namespace usher::test;

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QByteArray settings(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Polls (at most every 150 ms, above the room's pollIntervalMinMs) until admitted; the token.
QByteArray waitForAdmission(HttpClient& client, const QByteArray& queueId, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        QTest::qWait(150);
        const HttpResult poll = client.request("GET", "/api/queue/" + queueId);
        if (poll.status == 200 && poll.json().value(QStringLiteral("admitted")).toBool())
            return poll.json().value(QStringLiteral("admissionToken")).toString().toUtf8();
        if (poll.status != 200) {
            qWarning("poll: %d %s", poll.status, poll.body.constData());
            return {};
        }
    }
    return {};
}

} // namespace

class TestServerWaitingRoom : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<TempDir>();
        const QString data = QString::fromStdString(m_dir->path());
        // Tokens are read at start-up: create them first.
        m_admin = UsherdProcess::createToken(data, QStringLiteral("admin"));
        m_clerk = UsherdProcess::createToken(data, QStringLiteral("clerk"));
        QVERIFY(!m_admin.isEmpty() && !m_clerk.isEmpty());
        m_server = std::make_unique<UsherdProcess>(data);
        QVERIFY2(m_server->start({ QStringLiteral("--demo"), QStringLiteral("--no-fsync") }), m_server->log().constData());
    }

    void cleanup()
    {
        if (m_server && m_server->running())
            QVERIFY(m_server->terminate());
        m_server.reset();
        m_dir.reset();
    }

    void settingsAreValidatedAndAdminOnly()
    {
        HttpClient anonymous(m_server->port());
        QVERIFY(anonymous.connect());
        QCOMPARE(anonymous.request("PUT", "/api/events/1/waiting-room", "{\"enabled\":true}").status, 401);
        HttpClient buyer(m_server->port());
        QVERIFY(buyer.connect());
        buyer.bearer = newBuyerSession(m_server->port());
        QCOMPARE(buyer.request("PUT", "/api/events/1/waiting-room", "{\"enabled\":true}").status, 403);

        HttpClient admin(m_server->port());
        QVERIFY(admin.connect());
        admin.bearer = m_admin;
        const HttpResult off = admin.request("GET", "/api/events/1/waiting-room");
        QCOMPARE(off.status, 200);
        QCOMPARE(off.json().value(QStringLiteral("enabled")).toBool(), false);
        const HttpResult unknown = admin.request("PUT", "/api/events/1/waiting-room", "{\"drainRate\":5}");
        QCOMPARE(unknown.status, 400);
        QVERIFY(unknown.body.contains("unknown field 'drainRate'"));
        QCOMPARE(admin.request("PUT", "/api/events/1/waiting-room", "{\"enabled\":\"yes\"}").status, 400);
        QCOMPARE(admin.request("PUT", "/api/events/1/waiting-room", "not json").status, 400);
        const HttpResult invalid = admin.request("PUT", "/api/events/1/waiting-room", "{\"drainRatePerSecond\":-1}");
        QCOMPARE(invalid.status, 422);
        QCOMPARE(admin.request("PUT", "/api/events/999/waiting-room", "{\"enabled\":true}").status, 404);
        // The capacity planner: R = 0.8 × C / T.
        const HttpResult planned = admin.request(
            "PUT", "/api/events/1/waiting-room",
            settings({ { QStringLiteral("enabled"), true },
                       { QStringLiteral("capacity"),
                         QJsonObject { { QStringLiteral("concurrentPurchaseSessions"), 5000 },
                                       { QStringLiteral("averagePurchaseSeconds"), 300 } } } }));
        QCOMPARE(planned.status, 200);
        QVERIFY(qAbs(planned.json().value(QStringLiteral("drainRatePerSecond")).toDouble() - 13.3333) < 0.001);
    }

    void queueAdmitsAndHoldsNeedTheToken()
    {
        HttpClient admin(m_server->port());
        QVERIFY(admin.connect());
        admin.bearer = m_admin;
        const QJsonObject on { { QStringLiteral("enabled"), true },
                               { QStringLiteral("onsaleAtMs"), double(nowMs()) },
                               { QStringLiteral("drainRatePerSecond"), 50 },
                               { QStringLiteral("batchIntervalMs"), 100 },
                               { QStringLiteral("pollIntervalMinMs"), 100 } };
        QCOMPARE(admin.request("PUT", "/api/events/1/waiting-room", settings(on)).status, 200);
        QCOMPARE(admin.request("PUT", "/api/events/2/waiting-room", settings(on)).status, 200);

        HttpClient buyer(m_server->port());
        QVERIFY(buyer.connect());
        buyer.bearer = newBuyerSession(m_server->port());
        // Without a token, with a forged one: 403.
        QCOMPARE(buyer.request("POST", "/api/events/1/seats/1/hold", {}, { { "Idempotency-Key", "h1" } }).status, 403);
        QCOMPARE(buyer.request("POST", "/api/events/1/seats/1/hold", {},
                               { { "Idempotency-Key", "h2" }, { "X-Admission-Token", "v1.AAAA.BBBB" } })
                     .status,
                 403);

        const HttpResult joined = buyer.request("POST", "/api/events/1/queue", "{}");
        QCOMPARE(joined.status, 201);
        const QByteArray queueId = joined.json().value(QStringLiteral("queueId")).toString().toUtf8();
        QVERIFY(queueId.startsWith("1-"));
        const QByteArray token = waitForAdmission(buyer, queueId, 10'000);
        QVERIFY(!token.isEmpty());

        // The token for event 1 does not open event 2.
        QCOMPARE(buyer.request("POST", "/api/events/2/seats/1/hold", {},
                               { { "Idempotency-Key", "h3" }, { "X-Admission-Token", token } })
                     .status,
                 403);
        const HttpResult held = buyer.request("POST", "/api/events/1/seats/1/hold", {},
                                              { { "Idempotency-Key", "h4" }, { "X-Admission-Token", token } });
        QVERIFY2(held.status == 201, held.body.constData());
        // The purchase finishes the admitted session: its active place is free at once.
        const QByteArray holdId = held.json().value(QStringLiteral("holdId")).toString().toUtf8();
        const HttpResult bought = buyer.request("POST", "/api/holds/" + holdId + "/purchase",
                                                R"({"payment":{"token":"tok_ok"}})", { { "X-Admission-Token", token } });
        QVERIFY2(bought.status == 200, bought.body.constData());
        const QJsonObject afterSale
            = admin.request("GET", "/api/events/1/waiting-room").json().value(QStringLiteral("metrics")).toObject();
        QCOMPARE(afterSale.value(QStringLiteral("finished")).toInt(), 1);
        QCOMPARE(afterSale.value(QStringLiteral("active")).toInt(), 0);
        // A clerk sells at the counter without a queue.
        HttpClient clerk(m_server->port());
        QVERIFY(clerk.connect());
        clerk.bearer = m_clerk;
        QCOMPARE(clerk.request("POST", "/api/events/1/seats/2/hold", {}, { { "Idempotency-Key", "c1" } }).status, 201);

        const HttpResult state = admin.request("GET", "/api/events/1/waiting-room");
        const QJsonObject metrics = state.json().value(QStringLiteral("metrics")).toObject();
        QCOMPARE(metrics.value(QStringLiteral("joined")).toInt(), 1);
        QCOMPARE(metrics.value(QStringLiteral("admitted")).toInt(), 1);
        const HttpResult prometheus = admin.request("GET", "/metrics");
        QVERIFY(prometheus.body.contains("usher_waiting_room_admitted_total{event=\"1\"} 1"));

        // Polling too often is answered 429; leaving ends the session.
        const HttpResult second = buyer.request("POST", "/api/events/1/queue", "{}");
        const QByteArray secondId = second.json().value(QStringLiteral("queueId")).toString().toUtf8();
        QCOMPARE(buyer.request("GET", "/api/queue/" + secondId).status, 429);
        QCOMPARE(buyer.request("DELETE", "/api/queue/" + secondId).status, 204);
        QTest::qWait(150);
        QCOMPARE(buyer.request("GET", "/api/queue/" + secondId).status, 410);
        QCOMPARE(buyer.request("GET", "/api/queue/1-00000000000000000000000000000000").status, 404);
        QCOMPARE(buyer.request("GET", "/api/queue/garbage").status, 404);
        QCOMPARE(buyer.request("POST", "/api/events/1/queue", "{\"botSignals\":\"many\"}").status, 400);
    }

    void pauseAndResume()
    {
        HttpClient admin(m_server->port());
        QVERIFY(admin.connect());
        admin.bearer = m_admin;
        QCOMPARE(admin.request("PUT", "/api/events/1/waiting-room",
                               settings({ { QStringLiteral("enabled"), true },
                                          { QStringLiteral("paused"), true },
                                          { QStringLiteral("onsaleAtMs"), double(nowMs()) },
                                          { QStringLiteral("drainRatePerSecond"), 100 },
                                          { QStringLiteral("batchIntervalMs"), 100 },
                                          { QStringLiteral("pollIntervalMinMs"), 100 } }))
                     .status,
                 200);
        HttpClient buyer(m_server->port());
        QVERIFY(buyer.connect());
        const HttpResult joined = buyer.request("POST", "/api/events/1/queue");
        QCOMPARE(joined.status, 201);
        const QByteArray queueId = joined.json().value(QStringLiteral("queueId")).toString().toUtf8();
        QTest::qWait(800);
        const HttpResult paused = buyer.request("GET", "/api/queue/" + queueId);
        QCOMPARE(paused.status, 200);
        QCOMPARE(paused.json().value(QStringLiteral("state")).toString(), QStringLiteral("waiting"));
        QCOMPARE(paused.json().value(QStringLiteral("paused")).toBool(), true);
        QCOMPARE(admin.request("PUT", "/api/events/1/waiting-room", "{\"paused\":false}").status, 200);
        QVERIFY(!waitForAdmission(buyer, queueId, 10'000).isEmpty());
    }

    // The settings and the key survive a restart: the room is still on, and a token issued before
    // the restart still opens the sale.
    void restartKeepsSettingsAndTokens()
    {
        HttpClient admin(m_server->port());
        QVERIFY(admin.connect());
        admin.bearer = m_admin;
        QCOMPARE(admin.request("PUT", "/api/events/1/waiting-room",
                               settings({ { QStringLiteral("enabled"), true },
                                          { QStringLiteral("onsaleAtMs"), double(nowMs()) },
                                          { QStringLiteral("drainRatePerSecond"), 100 },
                                          { QStringLiteral("batchIntervalMs"), 100 },
                                          { QStringLiteral("pollIntervalMinMs"), 100 } }))
                     .status,
                 200);
        HttpClient buyer(m_server->port());
        QVERIFY(buyer.connect());
        const HttpResult joined = buyer.request("POST", "/api/events/1/queue");
        const QByteArray token
            = waitForAdmission(buyer, joined.json().value(QStringLiteral("queueId")).toString().toUtf8(), 10'000);
        QVERIFY(!token.isEmpty());

        QVERIFY(m_server->terminate());
        QVERIFY2(m_server->start({ QStringLiteral("--demo"), QStringLiteral("--no-fsync") }), m_server->log().constData());
        HttpClient after(m_server->port());
        QVERIFY(after.connect());
        after.bearer = newBuyerSession(m_server->port());
        QCOMPARE(after.request("POST", "/api/events/1/seats/3/hold", {}, { { "Idempotency-Key", "r1" } }).status, 403);
        const HttpResult held = after.request("POST", "/api/events/1/seats/3/hold", {},
                                              { { "Idempotency-Key", "r2" }, { "X-Admission-Token", token } });
        QVERIFY2(held.status == 201, held.body.constData());
    }

    // queue.watch: the position comes at once and again when it changes, the admission is pushed
    // with its token, a watched session needs no polls (its unwatched neighbours expire), and closing
    // the socket ends the server's heartbeats.
    void webSocketPushesPositionsAndAdmission()
    {
        HttpClient admin(m_server->port());
        QVERIFY(admin.connect());
        admin.bearer = m_admin;
        QCOMPARE(admin.request("PUT", "/api/events/1/waiting-room",
                               settings({ { QStringLiteral("enabled"), true },
                                          { QStringLiteral("paused"), true },
                                          { QStringLiteral("onsaleAtMs"), double(nowMs()) },
                                          { QStringLiteral("drainRatePerSecond"), 50 },
                                          { QStringLiteral("batchIntervalMs"), 100 },
                                          { QStringLiteral("heartbeatIntervalMs"), 1000 },
                                          { QStringLiteral("heartbeatsMissedMax"), 2 },
                                          { QStringLiteral("pollIntervalMinMs"), 100 } }))
                     .status,
                 200);
        HttpClient buyer(m_server->port());
        QVERIFY(buyer.connect());
        QByteArray ids[4];
        for (QByteArray& id : ids) {
            const HttpResult joined = buyer.request("POST", "/api/events/1/queue", "{}");
            QCOMPARE(joined.status, 201);
            id = joined.json().value(QStringLiteral("queueId")).toString().toUtf8();
        }

        WsClient ws;
        QVERIFY(ws.open(m_server->port()));
        QCOMPARE(ws.nextOfType(QStringLiteral("hello")).value(QStringLiteral("protocol")).toInt(), 1);
        ws.send("{\"type\":\"queue.watch\"}");
        QCOMPARE(ws.nextOfType(QStringLiteral("error"))
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("invalid_message"));
        ws.send("{\"type\":\"queue.watch\",\"queueId\":\"1-00000000000000000000000000000001\"}");
        const QJsonObject unknown = ws.nextOfType(QStringLiteral("error"));
        QCOMPARE(unknown.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("queue_not_found"));

        ws.send("{\"type\":\"queue.watch\",\"queueId\":\"" + ids[2] + "\"}");
        const QJsonObject first = ws.nextOfType(QStringLiteral("queue.position"));
        QCOMPARE(first.value(QStringLiteral("queueId")).toString().toUtf8(), ids[2]);
        QCOMPARE(first.value(QStringLiteral("state")).toString(), QStringLiteral("waiting"));
        QCOMPARE(first.value(QStringLiteral("position")).toInt(), 3);
        QCOMPARE(first.value(QStringLiteral("paused")).toBool(), true);

        // A second socket watches ids[3], then closes: the server stops heartbeating it.
        {
            WsClient other;
            QVERIFY(other.open(m_server->port()));
            other.send("{\"type\":\"queue.watch\",\"queueId\":\"" + ids[3] + "\"}");
            QCOMPARE(other.nextOfType(QStringLiteral("queue.position")).value(QStringLiteral("position")).toInt(), 4);
            other.close();
        }

        // Nobody polls: ids[0], ids[1] and ids[3] lose their places after 2 s (plus up to one sweep
        // interval); the watched ids[2] moves up to the head, and the push says so.
        QJsonObject moved;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 8'000 && moved.value(QStringLiteral("position")).toInt() != 1)
            moved = ws.nextOfType(QStringLiteral("queue.position"), 1'000);
        QCOMPARE(moved.value(QStringLiteral("position")).toInt(), 1);
        QCOMPARE(buyer.request("GET", "/api/queue/" + ids[0]).status, 410);
        QCOMPARE(buyer.request("GET", "/api/queue/" + ids[3]).status, 410);

        // Resume: the admission is pushed, with a token that opens the sale; then the watch ends.
        QCOMPARE(admin.request("PUT", "/api/events/1/waiting-room", "{\"paused\":false}").status, 200);
        const QJsonObject admitted = ws.nextOfType(QStringLiteral("queue.admitted"), 5'000);
        QCOMPARE(admitted.value(QStringLiteral("admitted")).toBool(), true);
        const QByteArray token = admitted.value(QStringLiteral("admissionToken")).toString().toUtf8();
        QVERIFY(!token.isEmpty());
        buyer.bearer = newBuyerSession(m_server->port());
        const HttpResult held = buyer.request("POST", "/api/events/1/seats/5/hold", {},
                                              { { "Idempotency-Key", "w1" }, { "X-Admission-Token", token } });
        QVERIFY2(held.status == 201, held.body.constData());
        QVERIFY(ws.next(1'500).isEmpty());

        // Watching a session that has ended says how it ended, once.
        ws.send("{\"type\":\"queue.watch\",\"queueId\":\"" + ids[0] + "\"}");
        const QJsonObject ended = ws.nextOfType(QStringLiteral("queue.ended"));
        QCOMPARE(ended.value(QStringLiteral("state")).toString(), QStringLiteral("expired"));
        QCOMPARE(ended.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("queue_expired"));
        // The socket still answers its other messages.
        ws.send("{\"type\":\"ping\"}");
        QVERIFY(!ws.nextOfType(QStringLiteral("pong")).isEmpty());
        // A watch still open when usherd stops: cleanup() requires a clean exit.
        const HttpResult late = buyer.request("POST", "/api/events/1/queue", "{}");
        QCOMPARE(late.status, 201);
        const QByteArray lateId = late.json().value(QStringLiteral("queueId")).toString().toUtf8();
        ws.send("{\"type\":\"queue.watch\",\"queueId\":\"" + lateId + "\"}");
        QVERIFY(!ws.nextOfType(QStringLiteral("queue.position")).isEmpty());
    }

private:
    std::unique_ptr<TempDir> m_dir;
    std::unique_ptr<UsherdProcess> m_server;
    QByteArray m_admin;
    QByteArray m_clerk;
};

QTEST_GUILESS_MAIN(TestServerWaitingRoom)
#include "TestServerWaitingRoom.moc"
