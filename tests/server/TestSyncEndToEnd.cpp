// Box office ↔ central sync end to end (issue 6): box-office engines, each with a SyncClient on its
// own temporary data directory, over loopback WebSockets.
//
// * handshakeTimeoutAndRefusedConnection: nothing listening, and a server that never answers.
// * wssCertificates: wss:// to a usherd with a self-signed certificate: not trusted, then trusted.
// * loopbackCentral: a SyncCentral in this process behind a QWebSocketServer (no usherd needed): a
//   wrong token, grants, fail-closed routing offline, offline sales uploaded on reconnect, the
//   outbox as CSV, and a grant that arrives before its event was downloaded.
// * realUsherd: a real usherd process. Both devices are enrolled and granted seats, sell offline,
//   usherd is SIGKILLed while uploads are in flight, they sell more while it is down, it restarts,
//   and then: every sale acknowledged to a clerk exists on central exactly once (an order with the
//   payment reference sync:<op id>, on the same seats), no seat is sold twice, and both outboxes
//   are fully acknowledged. The box office's live view of central's seats (CentralSeatFeed over
//   /ws) shows the sales and a later change.
// * onlineSales: seats outside the allocation held and sold through a real usherd over the sync
//   connection (docs/sync-online-sales.md): the hold and the sale count once usherd answers; usherd
//   down refuses with a reason and sells nothing; a sale whose answer is lost with the connection is
//   sent again with the same id and sells once.

#include "ServerTestSupport.h"
#include "event/EventSpecJson.h"
#include "runtime/Engine.h"
#include "storage/Storage.h"
#include "support/TempDir.h"
#include "support/TestEvents.h"
#include "sync/SyncApply.h"
#include "sync/SyncCentral.h"
#include "sync/SyncLedger.h"
#include "syncclient/CentralSeatFeed.h"
#include "syncclient/EventDownload.h"
#include "syncclient/SyncClient.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <utility>

using namespace usher;
using namespace usher::test;

namespace {

constexpr EventId kEvent = 1;
constexpr ChannelId kBox1 = 2;
constexpr ChannelId kBox2 = 3;
constexpr int kWaitMs = 30'000;

// 1,000 seats (ids 1..1000), channel 1 online, 2 and 3 box offices.
EventSpec testEvent()
{
    EventSpec spec = makeTestEvent(kEvent, 4, 10, 25, 0);
    SalesChannel second = *spec.channel(kBox1);
    second.id = kBox2;
    second.name = "Box office 2";
    spec.channels.push_back(second);
    const std::string problem = spec.finalize();
    Q_ASSERT(problem.empty());
    return spec;
}

std::vector<SeatId> seatRange(SeatId first, SeatId last)
{
    std::vector<SeatId> seats;
    for (SeatId s = first; s <= last; ++s)
        seats.push_back(s);
    return seats;
}

// Polls `done` while the event loop runs (the central's sockets live on this thread).
bool waitUntil(const std::function<bool()>& done, int timeoutMs = kWaitMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::msleep(2);
    }
    return true;
}

// One box office: its engine, its sync client, and every sale its clerk was told succeeded.
struct BoxOffice {
    std::unique_ptr<TempDir> dir = std::make_unique<TempDir>();
    std::unique_ptr<Engine> engine;
    std::unique_ptr<EngineSyncLedger> ledger;
    std::unique_ptr<SyncClient> client;
    DeviceCredentials credentials;
    std::map<std::string, std::vector<SeatId>> sales; // op id -> seats, for every Ok sale

    bool openEngine(std::string* error)
    {
        EngineOptions options;
        options.dataDirectory = dir->path();
        options.synchronousFull = false;
        engine = Engine::open(options, error);
        if (engine == nullptr)
            return false;
        ledger = std::make_unique<EngineSyncLedger>(*engine);
        return true;
    }

    bool startClient(QString* error, bool download = false)
    {
        SyncClientOptions o;
        o.downloadInto = download ? engine.get() : nullptr;
        o.credentials = credentials;
        o.outboxPath = dir->filePath("sync-outbox.db");
        o.durability = SyncDurability::Normal;
        o.backoffBaseMs = 100;
        o.backoffMaxMs = 500;
        o.retransmitMs = 1000;
        o.handshakeTimeoutMs = 3000;
        o.opsPerMessageMax = 25; // several round trips per upload: a crash finds ops in flight
        o.opsInFlightMax = 25;
        client = std::make_unique<SyncClient>(*ledger, o);
        return client->start(error);
    }

    SyncState state() const { return client->status().sync.state; }
    std::uint64_t pending() const { return client->status().sync.pending; }

    ChannelId allocation(SeatId seat)
    {
        ChannelId channel = 0;
        engine->event(kEvent)->read([&](const Ledger& l) { channel = l.seat(l.venue().seatIndex(seat)).allocation; });
        return channel;
    }

    // One sale at the counter; recorded when the clerk is told it succeeded.
    Status sell(const std::vector<SeatId>& seats)
    {
        SyncSaleRequest request;
        request.event = kEvent;
        request.seats = seats;
        request.priceTypes.assign(seats.size(), 0);
        request.buyer.name = "Walk-in";
        request.clerk = 7;
        const SyncLocalResult r = client->sellNow(request);
        if (r.ok())
            sales[r.opId] = seats;
        return r.status;
    }

    void close()
    {
        if (client)
            client->stop();
        client.reset();
        ledger.reset();
        if (engine)
            engine->close();
        engine.reset();
    }
};

// A SyncCentral in this process behind a QWebSocketServer at ws://127.0.0.1:<port>/sync.
class LoopbackCentral {
public:
    bool start(const std::string& dataDirectory, std::string* error)
    {
        EngineOptions options;
        options.dataDirectory = dataDirectory;
        options.synchronousFull = false;
        m_engine = Engine::open(options, error);
        if (m_engine == nullptr || m_engine->createEvent(testEvent(), error) != Status::Ok)
            return false;
        m_ledger = std::make_unique<EngineSyncLedger>(*m_engine);
        SyncCentralOptions central;
        central.storePath = dataDirectory + "/usherd-sync.db";
        central.durability = SyncDurability::Off;
        central.retransmitMs = 500;
        m_central = SyncCentral::open(central, *m_ledger, systemClockNow(), error);
        if (m_central == nullptr)
            return false;
        m_server = std::make_unique<QWebSocketServer>(QStringLiteral("central"), QWebSocketServer::NonSecureMode);
        if (!m_server->listen(QHostAddress::LocalHost, 0)) {
            *error = m_server->errorString().toStdString();
            return false;
        }
        QObject::connect(m_server.get(), &QWebSocketServer::newConnection, [this] { accept(); });
        m_tick.setInterval(20);
        QObject::connect(&m_tick, &QTimer::timeout, [this] {
            m_central->tick(systemClockNow());
            flush();
        });
        m_tick.start();
        return true;
    }

    ~LoopbackCentral()
    {
        m_tick.stop();
        std::map<SyncConnectionId, QWebSocket*> sockets = std::exchange(m_sockets, {});
        for (auto& [id, socket] : sockets) {
            QObject::disconnect(socket, nullptr, nullptr, nullptr);
            delete socket;
        }
        m_server.reset();
        m_central.reset();
        m_ledger.reset();
        if (m_engine)
            m_engine->close();
    }

    quint16 port() const { return m_server->serverPort(); }
    SyncCentral& central() { return *m_central; }
    Engine& engine() { return *m_engine; }
    void flush()
    {
        for (const SyncOutgoing& out : m_central->takeOutgoing()) {
            auto it = m_sockets.find(out.connection);
            if (it == m_sockets.end())
                continue;
            if (!out.text.empty())
                it->second->sendTextMessage(QString::fromStdString(out.text));
            if (out.close)
                it->second->close();
        }
    }

private:
    void accept()
    {
        while (QWebSocket* socket = m_server->nextPendingConnection()) {
            const SyncConnectionId id = ++m_next;
            m_sockets[id] = socket;
            m_central->opened(id);
            QObject::connect(socket, &QWebSocket::textMessageReceived, [this, id](const QString& text) {
                m_central->received(id, text.toStdString(), systemClockNow());
                flush();
            });
            QObject::connect(socket, &QWebSocket::disconnected, [this, id] {
                m_central->closed(id);
                if (auto it = m_sockets.find(id); it != m_sockets.end()) {
                    it->second->deleteLater();
                    m_sockets.erase(it);
                }
            });
        }
    }

    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EngineSyncLedger> m_ledger;
    std::unique_ptr<SyncCentral> m_central;
    std::unique_ptr<QWebSocketServer> m_server;
    std::map<SyncConnectionId, QWebSocket*> m_sockets;
    SyncConnectionId m_next = 0;
    QTimer m_tick;
};

} // namespace

class TestSyncEndToEnd : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void handshakeTimeoutAndRefusedConnection();
    void loopbackCentral();
    void realUsherd();
    void onlineSales();
    void changedEventsAreDownloadedAgain();
    void gaPlacesSoldOffline();
    void wssCertificates(); // last: it switches this process's test clients to TLS

private:
    // usherd's part of realUsherd.
    bool startUsherd(quint16 port);
    // A data directory, an admin token, usherd started on it, and `spec` created there.
    void startCentralWithTestEvent(const EventSpec& spec = testEvent());
    // POST /api/events/{kEvent}/allocations/{device} with `body`: the answer.
    HttpResult allocate(const QString& device, const QJsonObject& body);
    QByteArray enrol(const QString& device, ChannelId channel);
    void grant(const QString& device, const std::vector<SeatId>& seats);
    void checkCentral(const std::vector<BoxOffice*>& offices);

    std::unique_ptr<TempDir> m_centralDir;
    std::unique_ptr<UsherdProcess> m_usherd;
    QByteArray m_adminToken;
};

// No server at all, then a server that accepts TCP but never answers the handshake: the client
// stays offline with a reason and backs off, never blocking the caller.
void TestSyncEndToEnd::handshakeTimeoutAndRefusedConnection()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    const quint16 silentPort = silent.serverPort();
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 closedPort = closed.serverPort();
    closed.close(); // nothing listens there now

    BoxOffice office;
    std::string error;
    QVERIFY2(office.openEngine(&error), error.c_str());
    office.credentials
        = { QStringLiteral("ws://127.0.0.1:%1").arg(closedPort).toStdString(), "box-1", "secret", kBox1 };
    QString problem;
    QVERIFY2(office.startClient(&problem), qPrintable(problem));
    QVERIFY(waitUntil([&] { return office.client->status().sync.failures >= 2; }, 10'000));
    SyncClientStatus s = office.client->status();
    QCOMPARE(s.sync.state, SyncState::Offline);
    QVERIFY2(QString::fromStdString(s.transportError).contains(QStringLiteral("Could not reach usherd")),
             s.transportError.c_str());
    office.close();

    BoxOffice quiet;
    QVERIFY2(quiet.openEngine(&error), error.c_str());
    quiet.credentials = { QStringLiteral("ws://127.0.0.1:%1").arg(silentPort).toStdString(), "box-1", "secret", kBox1 };
    QVERIFY2(quiet.startClient(&problem), qPrintable(problem)); // handshake timeout 3 s
    QVERIFY(waitUntil([&] { return quiet.client->status().sync.failures >= 1; }, 10'000));
    s = quiet.client->status();
    QVERIFY2(QString::fromStdString(s.transportError).contains(QStringLiteral("handshake")), s.transportError.c_str());
    quiet.close();
}

void TestSyncEndToEnd::loopbackCentral()
{
    TempDir centralDir;
    LoopbackCentral central;
    std::string error;
    QVERIFY2(central.start(centralDir.path(), &error), error.c_str());
    QVERIFY2(central.central().enrol("box-1", "token-1-0123456789abcdef", kBox1, &error), error.c_str());
    const std::string server = QStringLiteral("ws://127.0.0.1:%1").arg(central.port()).toStdString();

    // A wrong token: refused with central's reason, shown in the status.
    BoxOffice stranger;
    QVERIFY2(stranger.openEngine(&error), error.c_str());
    QVERIFY2(stranger.engine->createEvent(testEvent(), &error) == Status::Ok, error.c_str());
    stranger.credentials = { server, "box-1", "wrong-token-0123456789abcdef", kBox1 };
    QString problem;
    QVERIFY2(stranger.startClient(&problem), qPrintable(problem));
    QVERIFY(waitUntil([&] { return !stranger.client->status().sync.refusal.empty(); }));
    QCOMPARE(stranger.client->status().sync.state == SyncState::Online, false);
    stranger.close();

    BoxOffice office;
    QVERIFY2(office.openEngine(&error), error.c_str());
    QVERIFY2(office.engine->createEvent(testEvent(), &error) == Status::Ok, error.c_str());
    office.credentials = { server, "box-1", "token-1-0123456789abcdef", kBox1 };
    QVERIFY2(office.startClient(&problem), qPrintable(problem));
    QSignalSpy statuses(office.client.get(), &SyncClient::statusChanged);
    QVERIFY(waitUntil([&] { return office.state() == SyncState::Online; }));
    QVERIFY(waitUntil([&] { return !statuses.isEmpty(); })); // the signal reaches this thread

    std::uint64_t push = 0;
    QCOMPARE(central.central().grant("box-1", kEvent, seatRange(1, 50), systemClockNow(), &push), Status::Ok);
    QVERIFY(waitUntil([&] { return office.allocation(50) == kBox1; }));
    QString why;
    QCOMPARE(office.client->route(kEvent, { 1, 2 }, &why), SyncRoute::Local);
    QCOMPARE(office.client->route(kEvent, { 51 }, &why), SyncRoute::Online);

    // Offline: allocated seats sell, others are refused with the reason.
    office.client->setConnectionEnabled(false);
    QVERIFY(waitUntil([&] { return office.state() == SyncState::Offline; }));
    QCOMPARE(office.client->route(kEvent, { 51 }, &why), SyncRoute::Refused);
    QVERIFY2(why.contains(QStringLiteral("unreachable")), qPrintable(why));
    for (SeatId s = 1; s <= 20; ++s)
        QCOMPARE(office.sell({ s }), Status::Ok);
    QCOMPARE(office.sell({ 1 }), Status::SeatUnavailable);
    QVERIFY(waitUntil([&] { return office.pending() == 20; }));
    QVERIFY(office.client->status().sync.oldestPendingAgeMs >= 0);

    QByteArray csv;
    QVERIFY2(office.client->outboxCsv(&csv, &error), error.c_str());
    QCOMPARE(csv.count('\n'), 21);
    QVERIFY(csv.startsWith("seq,id,kind,event,seats,created,local,acknowledged,central\r\n"));
    QVERIFY2(csv.contains(",sale,1,1,"), csv.constData());

    office.client->setConnectionEnabled(true);
    QVERIFY(waitUntil([&] { return office.state() == SyncState::Online && office.pending() == 0; }));
    for (const auto& [id, seats] : office.sales) {
        SyncAppliedOp applied;
        QVERIFY2(central.central().appliedOp("box-1", id, &applied, &error), id.c_str());
        QCOMPARE(applied.status, Status::Ok);
    }
    std::vector<SyncOutboxEntry> entries;
    QVERIFY2(office.client->listOutbox(1, 100, &entries, &error), error.c_str());
    QCOMPARE(entries.size(), std::size_t(20));
    for (const SyncOutboxEntry& e : entries)
        QVERIFY(e.acked && e.central == Status::Ok);

    // A grant for an event this box office has not downloaded yet waits (unacknowledged, resent by
    // central) until the event exists here, instead of being lost.
    EventSpec second = testEvent();
    second.id = 2;
    QVERIFY2(second.finalize().empty(), "event 2");
    QVERIFY2(central.engine().createEvent(second, &error) == Status::Ok, error.c_str());
    QCOMPARE(central.central().grant("box-1", 2, seatRange(1, 5), systemClockNow(), &push), Status::Ok);
    auto device = [&] {
        for (const SyncDeviceStatus& d : central.central().devices())
            if (d.name == "box-1")
                return d;
        return SyncDeviceStatus {};
    };
    const std::uint64_t pushSeq = device().pushSeq;
    QTest::qWait(700); // longer than central's resend interval (500 ms): it was sent, and sent again
    QVERIFY(device().pushAcked < pushSeq);
    QVERIFY2(office.engine->createEvent(second, &error) == Status::Ok, error.c_str());
    QVERIFY(waitUntil([&] { return device().pushAcked >= pushSeq; }));
    ChannelId allocated = 0;
    office.engine->event(2)->read([&](const Ledger& l) { allocated = l.seat(l.venue().seatIndex(5)).allocation; });
    QCOMPARE(allocated, kBox1);
    QCOMPARE(office.client->status().anomalies, std::uint64_t(0));
    office.close();
}

bool TestSyncEndToEnd::startUsherd(quint16 port)
{
    QStringList args = { QStringLiteral("--no-fsync"), QStringLiteral("--rate-limit"), QStringLiteral("0") };
    if (port != 0)
        args << QStringLiteral("--listen") << QStringLiteral("127.0.0.1:%1").arg(port);
    return m_usherd->start(args);
}

void TestSyncEndToEnd::startCentralWithTestEvent(const EventSpec& spec)
{
    m_centralDir = std::make_unique<TempDir>();
    const QString data = QString::fromStdString(m_centralDir->path());
    m_adminToken = UsherdProcess::createToken(data, QStringLiteral("admin"));
    QVERIFY(!m_adminToken.isEmpty());
    m_usherd = std::make_unique<UsherdProcess>(data);
    QVERIFY2(startUsherd(0), m_usherd->log().constData());
    HttpClient http(m_usherd->port());
    http.bearer = m_adminToken;
    const HttpResult created = http.request("POST", "/api/events", eventSpecToJson(spec));
    QVERIFY2(created.status == 201, created.body.constData());
}

HttpResult TestSyncEndToEnd::allocate(const QString& device, const QJsonObject& body)
{
    HttpClient http(m_usherd->port());
    http.bearer = m_adminToken;
    return http.request("POST", QStringLiteral("/api/events/%1/allocations/%2").arg(kEvent).arg(device).toUtf8(),
                        QJsonDocument(body).toJson(QJsonDocument::Compact));
}

namespace {

SyncOnlineRequest onlineHold(std::vector<SeatId> seats)
{
    SyncOnlineRequest r;
    r.id = newSyncOnlineRequestId();
    r.action = SyncOnlineAction::Hold;
    r.event = kEvent;
    r.clerk = 7;
    r.seats = std::move(seats);
    return r;
}

SyncOnlineRequest onlineSell(HoldId hold, std::size_t seats)
{
    SyncOnlineRequest r;
    r.id = newSyncOnlineRequestId();
    r.action = SyncOnlineAction::Sell;
    r.event = kEvent;
    r.clerk = 7;
    r.hold = hold;
    r.priceTypes.assign(seats, 0);
    r.buyer.name = "Walk-in";
    r.payment = "cash";
    return r;
}

QString describe(const SyncOnlineResult& r)
{
    return QStringLiteral("outcome %1 status %2 %3")
        .arg(int(r.outcome))
        .arg(QString::fromLatin1(statusName(r.reply.status)), QString::fromStdString(r.message));
}

} // namespace

// GA places (protocol 2) against a real usherd: a promoter grants 20 places of the standing area
// to box-1 over HTTP, the box office sells 9 of them offline and refunds one, the promoter asks for
// 20 back while it is offline (pending: central changes nothing), and after the reconnect central
// has every sale once, and the take-back released exactly the 12 places the box office had left.
// Then places beyond the pool are held and sold online through usherd, from the open pool only.
void TestSyncEndToEnd::gaPlacesSoldOffline()
{
    EventSpec spec = makeTestEvent(kEvent, 1, 2, 5, 100); // 10 seats and a standing area (id 1) of 100
    const std::string problem = spec.finalize();
    QVERIFY2(problem.empty(), problem.c_str());
    startCentralWithTestEvent(spec);
    if (QTest::currentTestFailed())
        return;
    const quint16 port = m_usherd->port();
    const QByteArray token = enrol(QStringLiteral("box-1"), kBox1);
    QVERIFY(!token.isEmpty());
    BoxOffice office;
    std::string error;
    QVERIFY2(office.openEngine(&error), error.c_str());
    office.credentials = { QStringLiteral("http://127.0.0.1:%1").arg(port).toStdString(), "box-1",
                           token.toStdString(), kBox1 };
    QString why;
    QVERIFY2(office.startClient(&why, true), qPrintable(why));
    QVERIFY(waitUntil([&] { return office.state() == SyncState::Online && office.engine->event(kEvent) != nullptr; }));
    const auto pool = [&office]() {
        AreaPool mine;
        office.engine->event(kEvent)->read([&](const Ledger& l) {
            for (const AreaPool& p : l.areaPools(l.venue().areaIndex(1)))
                if (p.channel == kBox1)
                    mine = p;
        });
        return mine;
    };
    const auto places = [](std::uint32_t area, std::uint32_t quantity) {
        return QJsonObject { { QStringLiteral("area"), qint64(area) }, { QStringLiteral("quantity"), qint64(quantity) } };
    };

    // Refused: more than the open pool has (100), and no places at all.
    HttpResult r = allocate(QStringLiteral("box-1"), { { QStringLiteral("grantArea"), places(1, 101) } });
    QVERIFY2(r.status == 409 || r.status == 422 || r.status == 400, r.body.constData());
    r = allocate(QStringLiteral("box-1"), { { QStringLiteral("grantArea"), places(1, 0) } });
    QCOMPARE(r.status, 400);
    r = allocate(QStringLiteral("box-1"), { { QStringLiteral("grantArea"), places(1, 20) } });
    QVERIFY2(r.status == 201, r.body.constData());
    QCOMPARE(r.json().value(QLatin1String("kind")).toString(), QStringLiteral("grantArea"));
    QCOMPARE(r.json().value(QLatin1String("quantity")).toInt(), 20);
    QVERIFY(waitUntil([&] { return pool().capacity == 20; }));

    // Offline: 9 places in three sales, one place refunded; 12 more than the pool left: refused.
    office.client->setConnectionEnabled(false);
    QVERIFY(waitUntil([&] { return office.state() == SyncState::Offline; }));
    std::map<std::string, std::uint32_t> sold; // op id -> places
    for (std::uint32_t quantity : { 2u, 3u, 4u }) {
        SyncSaleRequest request;
        request.event = kEvent;
        request.area = 1;
        request.quantity = quantity;
        request.buyer.name = "Standing";
        request.clerk = 7;
        const SyncLocalResult result = office.client->sellNow(request);
        QVERIFY2(result.ok(), result.message.c_str());
        sold[result.opId] = quantity;
    }
    const std::string refunded = sold.begin()->first;
    const SyncLocalResult refund = office.client->officeNow([&](SyncBoxOffice& sync, Timestamp now) {
        return sync.refund(refunded, { 0 }, -1, "changed plans", 7, now);
    });
    QVERIFY(refund.ok());
    QCOMPARE(pool().sold, 8u);
    SyncSaleRequest tooMany;
    tooMany.event = kEvent, tooMany.area = 1, tooMany.quantity = 13, tooMany.clerk = 7;
    QCOMPARE(office.client->sellNow(tooMany).status, Status::SeatNotAllocated);
    const auto routeArea = [&office](std::uint32_t quantity) {
        return office.client
            ->officeNow([&](SyncBoxOffice& sync, Timestamp) {
                SyncLocalResult routed;
                routed.route = sync.routeArea(kEvent, 1, quantity, &routed.message);
                return routed;
            })
            .route;
    };
    QCOMPARE(routeArea(13), SyncRoute::Refused); // beyond the pool while offline: fail closed

    // The take-back while the box office is offline: pending, central's pool unchanged.
    r = allocate(QStringLiteral("box-1"), { { QStringLiteral("takeBackArea"), places(1, 20) } });
    QVERIFY2(r.status == 201, r.body.constData());
    QCOMPARE(r.json().value(QLatin1String("state")).toString(), QStringLiteral("pending"));
    const int takeBack = r.json().value(QLatin1String("id")).toInt();
    office.client->setConnectionEnabled(true);
    HttpClient http(port);
    http.bearer = m_adminToken;
    QVERIFY(waitUntil([&] {
        const HttpResult p
            = http.request("GET", QStringLiteral("/api/devices/box-1/pushes/%1").arg(takeBack).toUtf8(), {});
        return p.json().value(QLatin1String("state")).toString() == QStringLiteral("completed");
    }));
    const HttpResult done = http.request("GET", QStringLiteral("/api/devices/box-1/pushes/%1").arg(takeBack).toUtf8(), {});
    QCOMPARE(done.json().value(QLatin1String("released")).toInt(), 12);
    QVERIFY(waitUntil([&] { return office.pending() == 0; }));
    QCOMPARE(pool().capacity, 8u);
    QCOMPARE(office.client->status().sync.rejected, std::uint64_t(0));

    // Online, places beyond the pool (it has none free) are held and sold through usherd, from
    // the area's open pool (92 places) only.
    QCOMPARE(routeArea(5), SyncRoute::Online);
    const auto holdPlaces = [](std::uint32_t quantity) {
        SyncOnlineRequest hold;
        hold.id = newSyncOnlineRequestId();
        hold.action = SyncOnlineAction::HoldArea, hold.event = kEvent, hold.clerk = 7;
        hold.area = 1, hold.quantity = quantity;
        return hold;
    };
    const SyncOnlineRequest holdFive = holdPlaces(5);
    const SyncOnlineResult held = office.client->onlineNow(holdFive);
    QVERIFY2(held.ok(), qPrintable(describe(held)));
    QCOMPARE(office.client->onlineNow(holdFive).reply.hold, held.reply.hold); // a retry: the same hold
    SyncOnlineRequest sell = onlineSell(held.reply.hold, 5);
    const SyncOnlineResult soldOnline = office.client->onlineNow(sell);
    QVERIFY2(soldOnline.ok(), qPrintable(describe(soldOnline)));
    QCOMPARE(soldOnline.reply.tickets.size(), std::size_t(5));
    QCOMPARE(soldOnline.reply.codes.size(), std::size_t(5));
    const SyncOnlineResult soldAgain = office.client->onlineNow(sell);
    QCOMPARE(soldAgain.reply.order, soldOnline.reply.order);
    // 87 left in the open pool (at most 10 places a hold, the event's ticketsPerOrderMax): 8 holds
    // of 10, then 8 more are refused and the last 7 are not.
    std::vector<HoldId> holds;
    for (int k = 0; k < 8; ++k) {
        const SyncOnlineResult ten = office.client->onlineNow(holdPlaces(10));
        QVERIFY2(ten.ok(), qPrintable(describe(ten)));
        holds.push_back(ten.reply.hold);
    }
    const SyncOnlineResult beyond = office.client->onlineNow(holdPlaces(8));
    QCOMPARE(beyond.outcome, SyncOnlineOutcome::Answered);
    QCOMPARE(beyond.reply.status, Status::CapacityUnavailable);
    const SyncOnlineResult rest = office.client->onlineNow(holdPlaces(7));
    QVERIFY2(rest.ok(), qPrintable(describe(rest)));
    holds.push_back(rest.reply.hold);
    for (const HoldId hold : holds) {
        SyncOnlineRequest release = holdPlaces(1);
        release.action = SyncOnlineAction::Release, release.area = 0, release.quantity = 0, release.hold = hold;
        QVERIFY(office.client->onlineNow(release).ok());
    }
    QCOMPARE(pool().sold, 8u); // the box office's own pool did not move
    QCOMPARE(pool().held, 0u);
    office.client->stop();
    QVERIFY2(m_usherd->terminate(), m_usherd->log().constData());

    // Central: each sale once, with its places; the device's pool 8 places, all sold; 92 open.
    EngineOptions options;
    options.dataDirectory = m_centralDir->path();
    options.synchronousFull = false;
    std::unique_ptr<Engine> central = Engine::open(options, &error);
    QVERIFY2(central != nullptr, error.c_str());
    for (const auto& [opId, quantity] : sold) {
        std::vector<StoredOrder> orders;
        Status status = Status::Ok;
        central->withStorage([&](Storage& storage) {
            status = storage.findOrdersByPaymentRef(kEvent, "sync:" + opId, 10, &orders, &error);
        });
        QCOMPARE(status, Status::Ok);
        QCOMPARE(orders.size(), std::size_t(1));
        QCOMPARE(orders[0].tickets.size(), std::size_t(quantity));
    }
    {
        std::vector<StoredOrder> orders;
        Status status = Status::Ok;
        central->withStorage([&](Storage& storage) {
            status = storage.findOrdersByPaymentRef(kEvent, syncCounterPaymentRef("box-1", sell.id, "cash"), 10,
                                                    &orders, &error);
        });
        QCOMPARE(status, Status::Ok);
        QCOMPARE(orders.size(), std::size_t(1));
        QCOMPARE(orders[0].tickets.size(), std::size_t(5));
    }
    central->event(kEvent)->read([&](const Ledger& l) {
        for (const AreaPool& p : l.areaPools(l.venue().areaIndex(1))) {
            if (p.channel == kBox1) {
                QCOMPARE(p.capacity, 8u);
                QCOMPARE(p.sold, 8u);
            } else {
                QCOMPARE(p.channel, kOpenPool);
                QCOMPARE(p.capacity, 92u);
                QCOMPARE(p.sold, 5u); // sold online through usherd
            }
            QCOMPARE(p.held, 0u);
        }
    });
    central->close();
    office.close();
}

QByteArray TestSyncEndToEnd::enrol(const QString& device, ChannelId channel)
{
    HttpClient http(m_usherd->port());
    http.bearer = m_adminToken;
    const QByteArray body
        = QJsonDocument(QJsonObject { { QStringLiteral("name"), device }, { QStringLiteral("channel"), int(channel) } })
              .toJson(QJsonDocument::Compact);
    const HttpResult r = http.request("POST", "/api/devices", body);
    if (r.status != 201)
        qWarning("POST /api/devices: %d %s", r.status, r.body.constData());
    return r.json().value(QLatin1String("token")).toString().toUtf8();
}

void TestSyncEndToEnd::grant(const QString& device, const std::vector<SeatId>& seats)
{
    QJsonArray list;
    for (SeatId s : seats)
        list.append(qint64(s));
    HttpClient http(m_usherd->port());
    http.bearer = m_adminToken;
    const HttpResult r
        = http.request("POST", QStringLiteral("/api/events/%1/allocations/%2").arg(kEvent).arg(device).toUtf8(),
                       QJsonDocument(QJsonObject { { QStringLiteral("grant"), list } }).toJson(QJsonDocument::Compact));
    QVERIFY2(r.status == 201, r.body.constData());
    QCOMPARE(r.json().value(QLatin1String("state")).toString(), QStringLiteral("ready"));
}

void TestSyncEndToEnd::realUsherd()
{
    startCentralWithTestEvent();
    if (QTest::currentTestFailed())
        return;
    const quint16 port = m_usherd->port();
    // The event on central is downloaded by both box offices (same id, same venue: EventDownload).
    const QByteArray token1 = enrol(QStringLiteral("box-1"), kBox1);
    const QByteArray token2 = enrol(QStringLiteral("box-2"), kBox2);
    if (token1.isEmpty() || token2.isEmpty())
        QSKIP("this usherd cannot enrol devices (POST /api/devices): no /sync endpoint yet");

    BoxOffice box1, box2;
    std::vector<BoxOffice*> offices = { &box1, &box2 };
    const QByteArray tokens[] = { token1, token2 };
    const ChannelId channels[] = { kBox1, kBox2 };
    for (std::size_t i = 0; i < offices.size(); ++i) {
        BoxOffice& office = *offices[i];
        std::string error;
        QVERIFY2(office.openEngine(&error), error.c_str());
        // box-1 downloads before it connects; box-2's client downloads by itself once welcomed.
        if (i == 0) {
            EventDownloadResult downloaded;
            QString why;
            QVERIFY2(downloadEvents(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), *office.engine, &downloaded,
                                    &why),
                     qPrintable(why));
            QCOMPARE(downloaded.created, std::size_t(1));
            QVERIFY(downloaded.refused.empty());
            QCOMPARE(office.engine->event(kEvent)->spec().venue->seats.size(), std::size_t(1000));
        }
        office.credentials = { QStringLiteral("http://127.0.0.1:%1").arg(port).toStdString(),
                               "box-" + std::to_string(i + 1), tokens[i].toStdString(), channels[i] };
        QString problem;
        QVERIFY2(office.startClient(&problem, i == 1), qPrintable(problem));
    }
    QVERIFY(waitUntil([&] { return box1.state() == SyncState::Online && box2.state() == SyncState::Online; }));
    QVERIFY(waitUntil([&] { return box2.client->status().eventsDownloaded == 1; }));
    QVERIFY(box2.engine->event(kEvent) != nullptr);
    QVERIFY2(box2.client->status().downloadError.empty(), box2.client->status().downloadError.c_str());

    // Grants: seats 1..400 to box-1, 401..800 to box-2; 801..1000 stay in the open pool.
    grant(QStringLiteral("box-1"), seatRange(1, 400));
    grant(QStringLiteral("box-2"), seatRange(401, 800));
    QVERIFY(waitUntil([&] { return box1.allocation(400) == kBox1 && box2.allocation(800) == kBox2; }));

    // Online, a few sales; then offline (connection off), many more.
    SeatId next1 = 1, next2 = 401;
    for (int i = 0; i < 10; ++i) {
        QCOMPARE(box1.sell({ next1, SeatId(next1 + 1) }), Status::Ok);
        QCOMPARE(box2.sell({ next2 }), Status::Ok);
        next1 += 2;
        next2 += 1;
    }
    box1.client->setConnectionEnabled(false);
    box2.client->setConnectionEnabled(false);
    QVERIFY(waitUntil([&] { return box1.state() == SyncState::Offline && box2.state() == SyncState::Offline; }));
    for (int i = 0; i < 150; ++i) {
        QCOMPARE(box1.sell({ next1++ }), Status::Ok);
        QCOMPARE(box2.sell({ next2++ }), Status::Ok);
    }
    QVERIFY(box1.pending() >= 150 && box2.pending() >= 150);

    // Reconnect, and SIGKILL usherd once box-1's upload is under way: some ops acknowledged, the
    // next ones in flight (25 per round trip).
    const std::uint64_t backlog = 150; // the offline sales; a few online ones may be unacknowledged too
    box1.client->setConnectionEnabled(true);
    box2.client->setConnectionEnabled(true);
    QVERIFY(waitUntil([&] { return box1.pending() < backlog; }));
    m_usherd->kill();
    const std::uint64_t pendingAtKill = box1.pending();
    qInfo("usherd killed with %llu of box-1's %llu ops unacknowledged", static_cast<unsigned long long>(pendingAtKill),
          static_cast<unsigned long long>(backlog));
    QVERIFY2(pendingAtKill > 0, "the upload finished before the kill: nothing was in flight");
    QVERIFY(waitUntil([&] { return box1.state() == SyncState::Offline && box2.state() == SyncState::Offline; }));

    // usherd down: sell on.
    for (int i = 0; i < 40; ++i) {
        QCOMPARE(box1.sell({ next1++ }), Status::Ok);
        QCOMPARE(box2.sell({ next2++ }), Status::Ok);
    }
    QString why;
    QCOMPARE(box1.client->route(kEvent, { 900 }, &why), SyncRoute::Refused); // the open pool: fail closed

    QVERIFY2(startUsherd(port), m_usherd->log().constData());
    QVERIFY(waitUntil(
        [&] {
            return box1.state() == SyncState::Online && box2.state() == SyncState::Online && box1.pending() == 0
                && box2.pending() == 0;
        },
        60'000));
    // Central's seats as the box office's live model sees them (/ws): what box-1 sold offline is
    // sold there, and a change on central arrives.
    {
        CentralSeatFeed feed(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)));
        feed.subscribe(kEvent, box1.engine->event(kEvent)->spec().venue);
        feed.start();
        QVERIFY(waitUntil([&] { return !feed.states(kEvent).empty(); }));
        QCOMPARE(feed.state(kEvent, 1), '2');
        QCOMPARE(feed.state(kEvent, 900), '0');
        HttpClient http(port);
        http.bearer = m_adminToken;
        QCOMPARE(http.request("POST", "/api/events/1/block", R"({"seats":[900],"reason":"test"})").status, 200);
        QVERIFY(waitUntil([&] { return feed.state(kEvent, 900) == '3'; }, 5000));
        feed.stop();
    }
    for (BoxOffice* office : offices) {
        const SyncClientStatus s = office->client->status();
        QCOMPARE(s.sync.rejected, std::uint64_t(0));
        QCOMPARE(s.anomalies, std::uint64_t(0));
        std::vector<SyncOutboxEntry> entries;
        std::string error;
        QVERIFY2(office->client->listOutbox(1, 10'000, &entries, &error), error.c_str());
        QCOMPARE(entries.size(), office->sales.size());
        // Acknowledged; with central's answer, unless its ack was lost with a connection (usherd's
        // welcome then acknowledges the op as applied, and only refusals are repeated).
        for (const SyncOutboxEntry& e : entries)
            QVERIFY2(e.acked && (!e.central || *e.central == Status::Ok), e.op.id.c_str());
        office->client->stop();
    }
    QVERIFY2(m_usherd->terminate(), m_usherd->log().constData());
    checkCentral(offices);
    for (BoxOffice* office : offices)
        office->close();
}


void TestSyncEndToEnd::onlineSales()
{
    startCentralWithTestEvent();
    if (QTest::currentTestFailed())
        return;
    const quint16 port = m_usherd->port();
    const QByteArray token = enrol(QStringLiteral("box-1"), kBox1);
    const QByteArray rawToken = enrol(QStringLiteral("box-raw"), kBox2);
    QVERIFY(!token.isEmpty() && !rawToken.isEmpty());
    BoxOffice box;
    std::string error;
    QVERIFY2(box.openEngine(&error), error.c_str());
    box.credentials = { QStringLiteral("http://127.0.0.1:%1").arg(port).toStdString(), "box-1", token.toStdString(),
                        kBox1 };
    QString problem;
    QVERIFY2(box.startClient(&problem, true), qPrintable(problem));
    QVERIFY(waitUntil([&] { return box.state() == SyncState::Online && box.engine->event(kEvent) != nullptr; }));
    grant(QStringLiteral("box-1"), seatRange(1, 100));
    QVERIFY(waitUntil([&] { return box.allocation(100) == kBox1; }));
    CentralSeatFeed feed(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)));
    feed.subscribe(kEvent, box.engine->event(kEvent)->spec().venue);
    feed.start();
    QVERIFY(waitUntil([&] { return !feed.states(kEvent).empty(); }));

    // Seats of the open pool: routed online, held on central, then sold there, paid in cash here.
    QString why;
    QCOMPARE(box.client->route(kEvent, { 900, 901 }, &why), SyncRoute::Online);
    const SyncOnlineResult held = box.client->onlineNow(onlineHold({ 900, 901 }));
    QVERIFY2(held.ok(), qPrintable(describe(held)));
    QVERIFY(held.reply.hold != 0 && held.reply.expiresAt > systemClockNow());
    QVERIFY(waitUntil([&] { return feed.state(kEvent, 900) == '1' && feed.state(kEvent, 901) == '1'; }, 5000));
    const SyncOnlineRequest sell = onlineSell(held.reply.hold, 2);
    const SyncOnlineResult sold = box.client->onlineNow(sell);
    QVERIFY2(sold.ok(), qPrintable(describe(sold)));
    QVERIFY(sold.reply.order != 0);
    QCOMPARE(sold.reply.tickets.size(), std::size_t(2));
    QVERIFY(sold.reply.amount > 0);
    QVERIFY(waitUntil([&] { return feed.state(kEvent, 900) == '2' && feed.state(kEvent, 901) == '2'; }, 5000));
    // The same request again (the clerk's retry): the first outcome, not a second sale.
    const SyncOnlineResult again = box.client->onlineNow(sell);
    QVERIFY2(again.ok(), qPrintable(describe(again)));
    QCOMPARE(again.reply.order, sold.reply.order);
    QCOMPARE(again.reply.tickets, sold.reply.tickets);
    // Central's ticket codes come with the answer (the box office prints them), the same again.
    QCOMPARE(sold.reply.codes.size(), std::size_t(2));
    TicketCode parsed {};
    QVERIFY(parseTicketCode(sold.reply.codes[0], &parsed));
    QCOMPARE(again.reply.codes, sold.reply.codes);
    // A sold seat, and a seat of this box office's own allocation, are refused by central.
    QCOMPARE(box.client->onlineNow(onlineHold({ 900 })).reply.status, Status::SeatUnavailable);
    const SyncOnlineResult allocated = box.client->onlineNow(onlineHold({ 5 }));
    QCOMPARE(allocated.outcome, SyncOnlineOutcome::Answered);
    QVERIFY(!allocated.ok());
    QCOMPARE(feed.state(kEvent, 5), '0');
    // Releasing a hold gives its seats back.
    const SyncOnlineResult held2 = box.client->onlineNow(onlineHold({ 910 }));
    QVERIFY2(held2.ok(), qPrintable(describe(held2)));
    SyncOnlineRequest release = onlineHold({});
    release.action = SyncOnlineAction::Release;
    release.seats.clear();
    release.hold = held2.reply.hold;
    QVERIFY(box.client->onlineNow(release).ok());
    QVERIFY(waitUntil([&] { return feed.state(kEvent, 910) == '0'; }, 5000));

    // A disconnect between the request and its answer: the device sends its sale and the
    // connection drops before the answer; usherd applied it (the seat turns sold). Sent again with
    // the same id after a new hello, it answers the first outcome, and there is one order only.
    const SyncOnlineRequest rawHold = onlineHold({ 950 });
    SyncOnlineRequest rawSell = onlineSell(0, 1);
    {
        const auto hello = [&] {
            SyncMessage m;
            m.type = SyncMessageType::Hello;
            m.device = "box-raw";
            m.token = rawToken.toStdString();
            m.outbox = "raw0outbox";
            return QByteArray::fromStdString(encodeSyncMessage(m));
        };
        const auto request = [](const SyncOnlineRequest& r) {
            SyncMessage m;
            m.type = SyncMessageType::Online;
            m.online = r;
            return QByteArray::fromStdString(encodeSyncMessage(m));
        };
        QWebSocket raw;
        QSignalSpy connected(&raw, &QWebSocket::connected);
        std::vector<QString> received;
        connect(&raw, &QWebSocket::textMessageReceived, this, [&](const QString& t) { received.push_back(t); });
        raw.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/sync").arg(port)));
        QVERIFY(connected.wait(5000));
        raw.sendTextMessage(QString::fromUtf8(hello()));
        raw.sendTextMessage(QString::fromUtf8(request(rawHold)));
        // The answer to `id` among what the connection received (a welcome comes first).
        const auto replyTo = [&](const std::vector<QString>& texts, const std::string& id, SyncMessage* out) {
            for (const QString& t : texts)
                if (decodeSyncMessage(t.toStdString(), out, &error) && out->type == SyncMessageType::OnlineReply
                    && out->onlineReply.id == id)
                    return true;
            return false;
        };
        SyncMessage answer;
        QVERIFY(waitUntil([&] { return replyTo(received, rawHold.id, &answer); }, 10'000));
        QCOMPARE(answer.type, SyncMessageType::OnlineReply);
        QCOMPARE(answer.onlineReply.status, Status::Ok);
        rawSell.hold = answer.onlineReply.hold;
        raw.sendTextMessage(QString::fromUtf8(request(rawSell)));
        raw.flush();
        raw.close(); // before the answer
        QVERIFY(waitUntil([&] { return feed.state(kEvent, 950) == '2'; }, 10'000));

        QWebSocket second;
        QSignalSpy reconnected(&second, &QWebSocket::connected);
        std::vector<QString> answers;
        connect(&second, &QWebSocket::textMessageReceived, this, [&](const QString& t) { answers.push_back(t); });
        second.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/sync").arg(port)));
        QVERIFY(reconnected.wait(5000));
        second.sendTextMessage(QString::fromUtf8(hello()));
        second.sendTextMessage(QString::fromUtf8(request(rawSell)));
        QVERIFY(waitUntil([&] { return replyTo(answers, rawSell.id, &answer); }, 10'000));
        QCOMPARE(answer.type, SyncMessageType::OnlineReply);
        QCOMPARE(answer.onlineReply.id, rawSell.id);
        QCOMPARE(answer.onlineReply.status, Status::Ok);
        QVERIFY(answer.onlineReply.order != 0);
        QCOMPARE(answer.onlineReply.tickets.size(), std::size_t(1));
        second.close();
    }

    // usherd down: fail closed, with the reason, and nothing held or sold anywhere.
    feed.stop();
    QVERIFY2(m_usherd->terminate(), m_usherd->log().constData());
    QVERIFY(waitUntil([&] { return box.state() != SyncState::Online && box.state() != SyncState::Syncing; }));
    QCOMPARE(box.client->route(kEvent, { 920 }, &why), SyncRoute::Refused);
    QVERIFY2(why.contains(QLatin1String("unreachable")), qPrintable(why));
    const SyncOnlineResult down = box.client->onlineNow(onlineHold({ 920 }));
    QCOMPARE(down.outcome, SyncOnlineOutcome::Unreachable);
    QVERIFY(!down.ok());
    QVERIFY2(QString::fromStdString(down.message).contains(QLatin1String("unreachable")), down.message.c_str());
    box.close();

    // Central's journal: one order per sale, with the counter's payment reference; nothing else sold.
    EngineOptions options;
    options.dataDirectory = m_centralDir->path();
    options.synchronousFull = false;
    std::unique_ptr<Engine> central = Engine::open(options, &error);
    QVERIFY2(central != nullptr, error.c_str());
    Status lookup = Status::Ok;
    const auto orders = [&](const std::string& ref) {
        std::vector<StoredOrder> found;
        central->withStorage([&](Storage& storage) {
            const Status s = storage.findOrdersByPaymentRef(kEvent, ref, 10, &found, &error);
            if (s != Status::Ok)
                lookup = s;
        });
        return found;
    };
    const std::vector<StoredOrder> first = orders(syncCounterPaymentRef("box-1", sell.id, "cash"));
    QCOMPARE(first.size(), std::size_t(1));
    QCOMPARE(first[0].tickets.size(), std::size_t(2));
    const std::vector<StoredOrder> retried = orders(syncCounterPaymentRef("box-raw", rawSell.id, "cash"));
    QCOMPARE(retried.size(), std::size_t(1));
    QCOMPARE(lookup, Status::Ok);
    std::set<SeatId> sold2;
    central->event(kEvent)->read([&](const Ledger& ledger) {
        for (SeatIndex i = 0; i < ledger.venue().seats.size(); ++i)
            if (ledger.seatStatus(i) == SeatStatus::Sold)
                sold2.insert(ledger.venue().seats[i].id);
    });
    QCOMPARE(sold2, (std::set<SeatId> { 900, 901, 950 }));
    central->close();
}

// wss://: a certificate the box office does not trust is refused with a clear reason (never
// ignored); trusting it (a self-signed usherd's certificate given to the client) connects.
// A promoter changes an event on usherd (PATCH): a connected box office hears of it on /ws and
// downloads it again (refreshEvent); one that was offline picks it up when its client is welcomed
// again (downloadEvents after every welcome updates events with a newer revision). The venue and
// the box office's own ticket key stay.
void TestSyncEndToEnd::changedEventsAreDownloadedAgain()
{
    startCentralWithTestEvent();
    if (QTest::currentTestFailed())
        return;
    const quint16 port = m_usherd->port();
    HttpClient http(port);
    http.bearer = m_adminToken;
    const QByteArray token = enrol(QStringLiteral("box-1"), kBox1);
    QVERIFY(!token.isEmpty());
    BoxOffice box;
    std::string error;
    QVERIFY2(box.openEngine(&error), error.c_str());
    box.credentials = { QStringLiteral("http://127.0.0.1:%1").arg(port).toStdString(), "box-1", token.toStdString(),
                        kBox1 };
    QString problem;
    QVERIFY2(box.startClient(&problem, true), qPrintable(problem));
    QVERIFY(waitUntil([&] { return box.state() == SyncState::Online && box.engine->event(kEvent) != nullptr; }));
    EventShard* shard = box.engine->event(kEvent);
    const auto key = shard->spec().ticketKey;
    const VenuePtr venue = shard->spec().venue;
    const std::uint32_t first = shard->spec().revision;
    const std::string path = "/api/events/" + std::to_string(kEvent);

    // Connected: the feed is told, the box office downloads the event again.
    CentralSeatFeed feed(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)));
    std::vector<std::pair<quint64, quint64>> told;
    connect(&feed, &CentralSeatFeed::eventChanged, this,
            [&](quint64 event, quint64 revision) { told.emplace_back(event, revision); });
    feed.subscribe(kEvent, venue);
    feed.start();
    QVERIFY(waitUntil([&] { return !feed.states(kEvent).empty(); }));
    const HttpResult changed = http.request("PATCH", path.c_str(), R"({"name":"Renamed","holdSeconds":300})");
    QVERIFY2(changed.status == 200, changed.body.constData());
    QVERIFY(waitUntil([&] { return !told.empty(); }, 5000));
    QCOMPARE(told.front().first, quint64(kEvent));
    QVERIFY(told.front().second > first);
    const QUrl base(QStringLiteral("http://127.0.0.1:%1").arg(port));
    bool updated = false;
    QVERIFY2(refreshEvent(base, *box.engine, kEvent, &updated, &problem), qPrintable(problem));
    QVERIFY(updated);
    QCOMPARE(shard->spec().name, std::string("Renamed"));
    QCOMPARE(shard->spec().holdSeconds, std::uint32_t(300));
    QCOMPARE(quint64(shard->spec().revision), told.front().second);
    QCOMPARE(shard->spec().ticketKey, key); // never usherd's
    QCOMPARE(shard->spec().venue.get(), venue.get());
    // Asking again changes nothing.
    QVERIFY2(refreshEvent(base, *box.engine, kEvent, &updated, &problem), qPrintable(problem));
    QVERIFY(!updated);

    // Offline: the client stops, the event changes twice, the client starts again and its download
    // after the welcome brings the newest terms.
    box.client->stop();
    QCOMPARE(http.request("PATCH", path.c_str(), R"({"name":"Renamed again"})").status, 200);
    QCOMPARE(http.request("PATCH", path.c_str(), R"({"holdSeconds":420})").status, 200);
    QVERIFY2(box.startClient(&problem, true), qPrintable(problem));
    QVERIFY(waitUntil([&] { return shard->spec().holdSeconds == 420; }));
    QCOMPARE(shard->spec().name, std::string("Renamed again"));
    QCOMPARE(shard->spec().ticketKey, key);
    QVERIFY(box.client->status().downloadError.empty());
    feed.stop();
    box.close();
    QVERIFY(m_usherd->terminate());
}

void TestSyncEndToEnd::wssCertificates()
{
    TempDir dir;
    const QString data = QString::fromStdString(dir.path());
    TestCertificate tls;
    QString tlsProblem;
    if (!makeTestCertificate(data, &tls, &tlsProblem)) {
        if (tlsProblem.isEmpty())
            QSKIP("the openssl command is not installed; it makes the test certificate");
        QFAIL(qPrintable(tlsProblem));
    }
    const QString certificate = tls.certificate;
    const QString key = tls.key;
    const QByteArray pem = tls.pem;
    useTls(pem);
    m_adminToken = UsherdProcess::createToken(data, QStringLiteral("admin"));
    m_usherd = std::make_unique<UsherdProcess>(data);
    QVERIFY2(m_usherd->start({ QStringLiteral("--no-fsync"), QStringLiteral("--tls-cert"), certificate,
                               QStringLiteral("--tls-key"), key }),
             m_usherd->log().constData());
    const QByteArray token = enrol(QStringLiteral("box-1"), kBox1);
    if (token.isEmpty())
        QSKIP("this usherd cannot enrol devices (POST /api/devices)");
    const std::string server = QStringLiteral("wss://127.0.0.1:%1").arg(m_usherd->port()).toStdString();

    BoxOffice distrustful;
    std::string error;
    QVERIFY2(distrustful.openEngine(&error), error.c_str());
    distrustful.credentials = { server, "box-1", token.toStdString(), kBox1 };
    QString problem;
    QVERIFY2(distrustful.startClient(&problem), qPrintable(problem));
    QVERIFY(waitUntil([&] { return distrustful.client->status().sync.failures >= 1; }));
    const SyncClientStatus refused = distrustful.client->status();
    QVERIFY2(QString::fromStdString(refused.transportError).contains(QStringLiteral("not trusted")),
             refused.transportError.c_str());
    QVERIFY(refused.sync.state != SyncState::Online);
    distrustful.close();

    BoxOffice trusting;
    QVERIFY2(trusting.openEngine(&error), error.c_str());
    trusting.credentials = { server, "box-1", token.toStdString(), kBox1 };
    SyncClientOptions o;
    o.credentials = trusting.credentials;
    o.outboxPath = trusting.dir->filePath("sync-outbox.db");
    o.durability = SyncDurability::Normal;
    o.caCertificatesPem = pem;
    trusting.client = std::make_unique<SyncClient>(*trusting.ledger, o);
    QVERIFY2(trusting.client->start(&problem), qPrintable(problem));
    QVERIFY(waitUntil([&] { return trusting.state() == SyncState::Online; }));
    QVERIFY(trusting.client->status().transportError.empty());
    trusting.close();
    QVERIFY2(m_usherd->terminate(), m_usherd->log().constData());
    useTls({});
}

// Opens central's data directory (usherd stopped) and matches every acknowledged local sale.
void TestSyncEndToEnd::checkCentral(const std::vector<BoxOffice*>& offices)
{
    EngineOptions options;
    options.dataDirectory = m_centralDir->path();
    options.synchronousFull = false;
    std::string error;
    std::unique_ptr<Engine> central = Engine::open(options, &error);
    QVERIFY2(central != nullptr, error.c_str());
    std::set<SeatId> soldLocally;
    std::map<SeatId, std::string> soldOnCentral; // seat -> the op whose order has it
    std::size_t sales = 0;
    for (BoxOffice* office : offices) {
        for (const auto& [opId, seats] : office->sales) {
            ++sales;
            std::vector<StoredOrder> orders;
            Status status = Status::Ok;
            central->withStorage([&](Storage& storage) {
                status = storage.findOrdersByPaymentRef(kEvent, "sync:" + opId, 10, &orders, &error);
            });
            QCOMPARE(status, Status::Ok);
            QVERIFY2(orders.size() == 1,
                     ("sync:" + opId + " has " + std::to_string(orders.size()) + " orders").c_str());
            std::vector<SeatId> centralSeats;
            for (const StoredTicket& t : orders[0].tickets) {
                centralSeats.push_back(t.seat);
                QVERIFY2(soldOnCentral.emplace(t.seat, opId).second, "a seat sold twice on central");
            }
            std::vector<SeatId> local = seats;
            std::sort(local.begin(), local.end());
            std::sort(centralSeats.begin(), centralSeats.end());
            QCOMPARE(centralSeats, local);
            for (SeatId s : seats)
                QVERIFY2(soldLocally.insert(s).second, "a seat sold twice across the box offices");
        }
    }
    // Nothing else was sold on central, and every seat sold is sold in its ledger.
    std::size_t sold = 0;
    central->event(kEvent)->read([&](const Ledger& ledger) {
        for (SeatIndex i = 0; i < ledger.venue().seats.size(); ++i)
            sold += ledger.seatStatus(i) == SeatStatus::Sold ? 1 : 0;
    });
    QCOMPARE(sold, soldLocally.size());
    QCOMPARE(sales, std::size_t(2 * (10 + 150 + 40)));
    central->close();
}

QTEST_GUILESS_MAIN(TestSyncEndToEnd)
#include "TestSyncEndToEnd.moc"
