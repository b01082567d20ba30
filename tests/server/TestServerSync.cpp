// usherd's box office sync endpoint (docs/sync-protocol.md) against a real usherd process: a
// QWebSocket client speaks the protocol's JSON on ws://127.0.0.1:<port>/sync, the promoter's routes
// grant and take seats back over HTTP, and usherd is killed with SIGKILL between uploads.

#include "ServerTestSupport.h"
#include "sync/SyncMessage.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace usher;
using namespace usher::test;

namespace {

constexpr EventId kEvent = 1;
constexpr ChannelId kBoxOffice = 2; // the demo events' "Box office 1"
const std::string kOutbox = "0123456789abcdef0123456789abcdef";

QString usherdPath()
{
    // tests/server/TestServerSync and app/usherd/usherd in the same build tree.
    return QFileInfo(QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/usherd/usherd"))
        .absoluteFilePath();
}

struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

CliResult runUsherd(std::initializer_list<const char*> words, const QString& dataDirectory)
{
    QStringList arguments;
    for (const char* word : words)
        arguments << QString::fromUtf8(word);
    arguments << QStringLiteral("--data") << dataDirectory;
    QProcess process;
    process.start(usherdPath(), arguments);
    CliResult result;
    if (!process.waitForFinished(30'000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput().trimmed();
    result.err = process.readAllStandardError();
    return result;
}

// One protocol connection.
class SyncSocket {
public:
    bool open(quint16 port, int timeoutMs = 5'000)
    {
        m_socket = std::make_unique<QWebSocket>();
        QObject::connect(m_socket.get(), &QWebSocket::textMessageReceived,
                         [this](const QString& text) { m_messages.push_back(text.toUtf8()); });
        QSignalSpy connected(m_socket.get(), &QWebSocket::connected);
        m_socket->open(QUrl(QStringLiteral("ws://127.0.0.1:%1/sync").arg(port)));
        return connected.wait(timeoutMs) || !connected.isEmpty();
    }
    void sendText(const QByteArray& text) { m_socket->sendTextMessage(QString::fromUtf8(text)); }
    void send(const SyncMessage& message) { sendText(QByteArray::fromStdString(encodeSyncMessage(message))); }
    // The next message decoded, or type Ping (never sent by central) after the time.
    SyncMessage next(int timeoutMs = 5'000)
    {
        QElapsedTimer timer;
        timer.start();
        while (m_messages.empty() && timer.elapsed() < timeoutMs)
            QTest::qWait(5);
        SyncMessage message;
        if (m_messages.empty())
            return message;
        const QByteArray text = m_messages.front();
        m_messages.erase(m_messages.begin());
        std::string error;
        if (!decodeSyncMessage(text.toStdString(), &message, &error)) {
            qWarning("undecodable message from central: %s (%s)", text.constData(), error.c_str());
            message = SyncMessage {};
        }
        return message;
    }
    SyncMessage nextOfType(SyncMessageType type, int timeoutMs = 5'000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            SyncMessage m = next(int(std::max<qint64>(1, timeoutMs - timer.elapsed())));
            if (m.type == type)
                return m;
        }
        return SyncMessage {};
    }
    bool waitClosed(int timeoutMs = 5'000)
    {
        QElapsedTimer timer;
        timer.start();
        while (m_socket->state() != QAbstractSocket::UnconnectedState && timer.elapsed() < timeoutMs)
            QTest::qWait(5);
        return m_socket->state() == QAbstractSocket::UnconnectedState;
    }
    bool isOpen() const { return m_socket && m_socket->state() == QAbstractSocket::ConnectedState; }
    void close()
    {
        if (m_socket)
            m_socket->close();
        m_socket.reset();
        m_messages.clear();
    }

private:
    std::unique_ptr<QWebSocket> m_socket;
    std::vector<QByteArray> m_messages;
};

SyncMessage hello(const std::string& device, const std::string& token, std::uint64_t received = 0,
                  std::uint64_t acked = 0, int protocol = kSyncProtocolVersion)
{
    SyncMessage m;
    m.type = SyncMessageType::Hello;
    m.protocol = protocol;
    m.device = device;
    m.token = token;
    m.outbox = kOutbox;
    m.received = received;
    m.acked = acked;
    return m;
}

SyncMessage ping()
{
    SyncMessage m;
    m.type = SyncMessageType::Ping;
    return m;
}

SyncOp saleOp(std::uint64_t seq, std::vector<SeatId> seats)
{
    SyncOp op;
    op.seq = seq;
    op.id = kOutbox + ":" + std::to_string(seq);
    op.kind = SyncOpKind::Sale;
    op.event = kEvent;
    op.at = 1'700'000'000'000;
    op.clerk = 7;
    op.seats = std::move(seats);
    op.buyer = Buyer { "Ada", "ada@example.org", "" };
    return op;
}

SyncMessage opsMessage(std::vector<SyncOp> ops)
{
    SyncMessage m;
    m.type = SyncMessageType::Ops;
    m.ops = std::move(ops);
    return m;
}

QByteArray seatsJson(const std::vector<SeatId>& seats)
{
    QJsonArray array;
    for (SeatId s : seats)
        array.append(qint64(s));
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

} // namespace

class TestServerSync : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void handshake();
    void versionRefused();
    void wrongToken();
    void messagesBeforeHello();
    void malformedMessages();
    void grantReachesTheDevice();
    void opsUploadedAndAcked();
    void duplicateAfterKillIsDeduplicated();
    void takeBackCompletes();
    void onlineRoutesKeepToTheOpenPool();
    void syncOrderRefundRefused();
    void devicesAndMetrics();
    void enrolWhileRunning();

private:
    HttpResult promoter(const QByteArray& method, const QByteArray& path, const QByteArray& body = {});
    // Connects and says hello as box-1; the welcome.
    SyncMessage connectDevice(SyncSocket& socket, std::uint64_t acked);

    QTemporaryDir m_dir;
    std::unique_ptr<UsherdProcess> m_usherd;
    QByteArray m_deviceToken;
    QByteArray m_adminToken;
    QByteArray m_promoterToken;
    QByteArray m_clerkToken;
    std::uint64_t m_received = 0; // pushes applied by the simulated box office
    std::uint64_t m_grantId = 0;
    OrderId m_firstOrder = 0;
};

void TestServerSync::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo::exists(usherdPath()), qPrintable(usherdPath()));
    // Enrolment from the command line, before usherd runs: a device token on channel 2.
    const CliResult enrolled
        = runUsherd({ "token", "create", "--role", "device", "--name", "box-1", "--channel", "2" }, m_dir.path());
    QCOMPARE(enrolled.exitCode, 0);
    QVERIFY(enrolled.out.startsWith("ust_"));
    m_deviceToken = enrolled.out;
    // The same name twice is refused.
    QVERIFY(
        runUsherd({ "token", "create", "--role", "device", "--name", "box-1", "--channel", "2" }, m_dir.path()).exitCode
        != 0);
    m_adminToken = UsherdProcess::createToken(m_dir.path(), QStringLiteral("admin"));
    m_promoterToken = UsherdProcess::createToken(m_dir.path(), QStringLiteral("promoter"));
    m_clerkToken = UsherdProcess::createToken(m_dir.path(), QStringLiteral("clerk"));
    QVERIFY(!m_adminToken.isEmpty() && !m_promoterToken.isEmpty() && !m_clerkToken.isEmpty());
    m_usherd = std::make_unique<UsherdProcess>(m_dir.path());
    QVERIFY2(m_usherd->start({ QStringLiteral("--demo"), QStringLiteral("--no-fsync") }), m_usherd->log().constData());
}

void TestServerSync::cleanupTestCase()
{
    if (!m_usherd)
        return;
    // SIGTERM with a sync connection open: a clean exit.
    SyncSocket socket;
    QVERIFY(socket.open(m_usherd->port()));
    QCOMPARE(connectDevice(socket, 0).type, SyncMessageType::Welcome);
    QVERIFY2(m_usherd->terminate(), m_usherd->log().constData());
    QVERIFY(socket.waitClosed());
}

HttpResult TestServerSync::promoter(const QByteArray& method, const QByteArray& path, const QByteArray& body)
{
    HttpClient client(m_usherd->port());
    client.bearer = m_promoterToken;
    return client.request(method, path, body);
}

SyncMessage TestServerSync::connectDevice(SyncSocket& socket, std::uint64_t acked)
{
    socket.send(hello("box-1", m_deviceToken.toStdString(), m_received, acked));
    return socket.next();
}

void TestServerSync::handshake()
{
    SyncSocket socket;
    QVERIFY(socket.open(m_usherd->port()));
    const SyncMessage welcome = connectDevice(socket, 0);
    QCOMPARE(welcome.type, SyncMessageType::Welcome);
    QCOMPARE(welcome.protocol, kSyncProtocolVersion);
    QCOMPARE(welcome.device, std::string("box-1"));
    QCOMPARE(welcome.channel, kBoxOffice);
    QCOMPARE(welcome.applied, std::uint64_t(0));
    socket.send(ping());
    QCOMPARE(socket.next().type, SyncMessageType::Pong);
    // The same port still serves HTTP and the live view's WebSocket.
    HttpClient client(m_usherd->port());
    QCOMPARE(client.request("GET", "/healthz").status, 200);
    WsClient live;
    QVERIFY(live.open(m_usherd->port()));
}

void TestServerSync::versionRefused()
{
    SyncSocket socket;
    QVERIFY(socket.open(m_usherd->port()));
    socket.send(hello("box-1", m_deviceToken.toStdString(), 0, 0, kSyncProtocolVersion + 1));
    const SyncMessage error = socket.next();
    QCOMPARE(error.type, SyncMessageType::Error);
    QCOMPARE(error.code, std::string("version_unsupported"));
    QVERIFY2(error.message.find("protocol " + std::to_string(kSyncProtocolVersion)) != std::string::npos
                 && error.message.find("speaks " + std::to_string(kSyncProtocolVersion + 1)) != std::string::npos,
             error.message.c_str());
    QVERIFY(socket.waitClosed());
}

void TestServerSync::wrongToken()
{
    for (const std::string& device : { std::string("box-1"), std::string("stranger") }) {
        SyncSocket socket;
        QVERIFY(socket.open(m_usherd->port()));
        socket.send(hello(device, "ust_wrongwrongwrongwrongwrong"));
        const SyncMessage error = socket.next();
        QCOMPARE(error.type, SyncMessageType::Error);
        QCOMPARE(error.code, std::string("unauthorized"));
        QCOMPARE(error.message, std::string("unknown device or wrong token")); // the same for both
        QVERIFY(socket.waitClosed());
    }
}

void TestServerSync::messagesBeforeHello()
{
    SyncSocket socket;
    QVERIFY(socket.open(m_usherd->port()));
    socket.send(opsMessage({ saleOp(1, { 1 }) }));
    SyncMessage error = socket.next();
    QCOMPARE(error.type, SyncMessageType::Error);
    QCOMPARE(error.code, std::string("not_authenticated"));
    SyncMessage ack;
    ack.type = SyncMessageType::PushAck;
    ack.upTo = 1;
    socket.send(ack);
    QCOMPARE(socket.next().code, std::string("not_authenticated"));
    // Nothing was applied, and the connection can still say hello.
    QVERIFY(socket.isOpen());
    QCOMPARE(connectDevice(socket, 0).applied, std::uint64_t(0));
}

void TestServerSync::malformedMessages()
{
    SyncSocket socket;
    QVERIFY(socket.open(m_usherd->port()));
    QCOMPARE(connectDevice(socket, 0).type, SyncMessageType::Welcome);
    const QList<QByteArray> bad = {
        "{{{",
        "",
        "[1,2,3]",
        R"({"type":"bogus"})",
        R"({"type":"ops"})",
        R"({"type":"ops","ops":[{"seq":1}]})",
        R"({"type":"ops","ops":[{"seq":-1,"id":"x","kind":"sale","event":1,"at":0,"clerk":0}]})",
        R"({"type":"pushAck","upTo":"many"})",
        R"({"type":"welcome","protocol":1,"device":"x","channel":2,"applied":0})", // central's own message
        QByteArray(5000, 'x'),
        R"({"type":"hello","protocol":1.5,"device":"box-1","token":"t","outbox":"o","received":0,"acked":0})",
    };
    for (const QByteArray& text : bad) {
        socket.sendText(text);
        const SyncMessage answer = socket.next();
        QCOMPARE(answer.type, SyncMessageType::Error);
        QVERIFY2(answer.code == "invalid_message", text.left(80).constData());
    }
    // Still connected and authenticated: nothing was applied.
    socket.send(ping());
    QCOMPARE(socket.next().type, SyncMessageType::Pong);
    // A frame over 1 MiB closes the connection; the server lives on.
    socket.sendText(QByteArray((1 << 20) + 10, ' '));
    QVERIFY(socket.waitClosed(10'000));
    // A peer that keeps sending garbage is disconnected after 16 invalid messages.
    SyncSocket noisy;
    QVERIFY(noisy.open(m_usherd->port()));
    for (int i = 0; i < 20 && noisy.isOpen(); ++i) {
        noisy.sendText("garbage");
        noisy.next(2000);
    }
    QVERIFY(noisy.waitClosed());
    HttpClient client(m_usherd->port());
    QCOMPARE(client.request("GET", "/healthz").status, 200);
}

void TestServerSync::grantReachesTheDevice()
{
    // Roles: a clerk may not grant.
    HttpClient clerk(m_usherd->port());
    clerk.bearer = m_clerkToken;
    QCOMPARE(clerk.request("POST", "/api/events/1/allocations/box-1", R"({"grant":[101]})").status, 403);
    QCOMPARE(promoter("POST", "/api/events/1/allocations/box-1", R"({"grant":[]})").status, 400);
    QCOMPARE(promoter("POST", "/api/events/1/allocations/box-1", R"({"grant":[1],"takeBack":[2]})").status, 400);
    QCOMPARE(promoter("POST", "/api/events/1/allocations/nobody", R"({"grant":[101]})").status, 404);
    QCOMPARE(promoter("POST", "/api/events/999/allocations/box-1", R"({"grant":[101]})").status, 404);

    SyncSocket socket;
    QVERIFY(socket.open(m_usherd->port()));
    QCOMPARE(connectDevice(socket, 0).type, SyncMessageType::Welcome);
    const std::vector<SeatId> seats { 101, 102, 103, 104, 105, 106, 107, 108 };
    const HttpResult granted
        = promoter("POST", "/api/events/1/allocations/box-1", "{\"grant\":" + seatsJson(seats) + "}");
    QCOMPARE(granted.status, 201);
    QCOMPARE(granted.json().value(QLatin1String("state")).toString(), QStringLiteral("ready"));
    m_grantId = std::uint64_t(granted.json().value(QLatin1String("id")).toInteger());
    QVERIFY(m_grantId > 0);
    const SyncMessage push = socket.nextOfType(SyncMessageType::Push);
    QCOMPARE(push.push.kind, SyncPushKind::Grant);
    QCOMPARE(push.push.id, m_grantId);
    QCOMPARE(push.push.seq, m_received + 1);
    QCOMPARE(push.push.seats, seats);
    QCOMPARE(push.push.event, kEvent);
    // Not acknowledged: central sends it again on the next connection.
    socket.close();
    SyncSocket again;
    QVERIFY(again.open(m_usherd->port()));
    QCOMPARE(connectDevice(again, 0).type, SyncMessageType::Welcome);
    QCOMPARE(again.nextOfType(SyncMessageType::Push).push.id, m_grantId);
    m_received = push.push.seq;
    SyncMessage ack;
    ack.type = SyncMessageType::PushAck;
    ack.upTo = m_received;
    again.send(ack);
    // Acknowledged: nothing pending for the device any more.
    QTRY_COMPARE_WITH_TIMEOUT(promoter("GET", "/api/devices")
                                  .json()
                                  .value(QLatin1String("devices"))
                                  .toArray()
                                  .at(0)
                                  .toObject()
                                  .value(QLatin1String("pendingPushes"))
                                  .toInt(-1),
                              0, 5000);
}

void TestServerSync::opsUploadedAndAcked()
{
    SyncSocket socket;
    QVERIFY(socket.open(m_usherd->port()));
    QCOMPARE(connectDevice(socket, 0).type, SyncMessageType::Welcome);
    // Op 3 sells a seat not allocated to the device: refused, and still acknowledged.
    socket.send(opsMessage({ saleOp(1, { 101 }), saleOp(2, { 102, 103 }), saleOp(3, { 300 }) }));
    const SyncMessage ack = socket.nextOfType(SyncMessageType::Ack);
    QCOMPARE(ack.upTo, std::uint64_t(3));
    // Only refusals are listed: ops 1 and 2, up to upTo and not listed, were applied (Ok).
    QCOMPARE(ack.results, (std::vector<SyncOpResult> { { 3, Status::SeatNotAllocated } }));
    const HttpResult op = promoter("GET", QByteArray("/api/devices/box-1/ops/") + kOutbox.c_str() + ":1");
    QCOMPARE(op.status, 200);
    QCOMPARE(op.json().value(QLatin1String("code")).toString(), QStringLiteral("ok"));
    m_firstOrder = OrderId(op.json().value(QLatin1String("order")).toInteger());
    QVERIFY(m_firstOrder > 0);
    QCOMPARE(op.json().value(QLatin1String("tickets")).toArray().size(), 1);
    // The order is central's, with the sync payment reference.
    HttpClient admin(m_usherd->port());
    admin.bearer = m_adminToken;
    const HttpResult order = admin.request("GET", "/api/orders/1-" + QByteArray::number(qulonglong(m_firstOrder)));
    QCOMPARE(order.status, 200);
    // A seq beyond a gap is dropped, not applied.
    socket.send(opsMessage({ saleOp(5, { 104 }) }));
    QCOMPARE(socket.nextOfType(SyncMessageType::Ack).upTo, std::uint64_t(3));
    // A wrong op id is an invalid message; nothing applied.
    SyncOp wrong = saleOp(4, { 104 });
    wrong.id = "another:4";
    socket.send(opsMessage({ wrong }));
    QCOMPARE(socket.nextOfType(SyncMessageType::Error).code, std::string("invalid_message"));
    QCOMPARE(promoter("GET", QByteArray("/api/devices/box-1/ops/another:4")).status, 404);
}

void TestServerSync::duplicateAfterKillIsDeduplicated()
{
    m_usherd->kill();
    m_usherd = std::make_unique<UsherdProcess>(m_dir.path());
    QVERIFY2(m_usherd->start({ QStringLiteral("--demo"), QStringLiteral("--no-fsync") }), m_usherd->log().constData());
    SyncSocket socket;
    QVERIFY(socket.open(m_usherd->port()));
    // The device lost every acknowledgement: welcome says 3 are applied, and an ack repeats the refusal.
    const SyncMessage welcome = connectDevice(socket, 0);
    QCOMPARE(welcome.type, SyncMessageType::Welcome);
    QCOMPARE(welcome.applied, std::uint64_t(3));
    const SyncMessage repeated = socket.nextOfType(SyncMessageType::Ack);
    QCOMPARE(repeated.upTo, std::uint64_t(3));
    QCOMPARE(repeated.results.size(), std::size_t(1));
    QCOMPARE(repeated.results[0].seq, std::uint64_t(3));
    QCOMPARE(repeated.results[0].status, Status::SeatNotAllocated);
    // It uploads them again anyway: duplicates, nothing applied twice.
    socket.send(opsMessage({ saleOp(1, { 101 }), saleOp(2, { 102, 103 }), saleOp(3, { 300 }), saleOp(4, { 104 }) }));
    const SyncMessage ack = socket.nextOfType(SyncMessageType::Ack);
    QCOMPARE(ack.upTo, std::uint64_t(4));
    QVERIFY(ack.results.empty()); // only op 4 is new, and it was applied
    const HttpResult op = promoter("GET", QByteArray("/api/devices/box-1/ops/") + kOutbox.c_str() + ":1");
    QCOMPARE(OrderId(op.json().value(QLatin1String("order")).toInteger()), m_firstOrder);
    const HttpResult op4 = promoter("GET", QByteArray("/api/devices/box-1/ops/") + kOutbox.c_str() + ":4");
    QCOMPARE(OrderId(op4.json().value(QLatin1String("order")).toInteger()), m_firstOrder + 2);
    // The seats are sold once: a buyer cannot hold them.
    HttpClient buyer(m_usherd->port());
    buyer.bearer = newBuyerSession(m_usherd->port());
    QCOMPARE(
        buyer.request("POST", "/api/events/1/holds", R"({"seats":[101]})", { { "Idempotency-Key", "k-101" } }).status,
        409);
}

void TestServerSync::takeBackCompletes()
{
    SyncSocket socket;
    QVERIFY(socket.open(m_usherd->port()));
    QCOMPARE(connectDevice(socket, 4).type, SyncMessageType::Welcome);
    // Seats not allocated to the device cannot be taken back.
    QCOMPARE(promoter("POST", "/api/events/1/allocations/box-1", R"({"takeBack":[300]})").status, 409);
    const HttpResult started = promoter("POST", "/api/events/1/allocations/box-1", R"({"takeBack":[101,105]})");
    QCOMPARE(started.status, 201);
    QCOMPARE(started.json().value(QLatin1String("state")).toString(), QStringLiteral("pending"));
    const std::uint64_t id = std::uint64_t(started.json().value(QLatin1String("id")).toInteger());
    // The same seats twice: refused while pending.
    QCOMPARE(promoter("POST", "/api/events/1/allocations/box-1", R"({"takeBack":[105]})").status, 409);
    const SyncMessage push = socket.nextOfType(SyncMessageType::Push);
    QCOMPARE(push.push.kind, SyncPushKind::TakeBack);
    QCOMPARE(push.push.id, id);
    m_received = push.push.seq;
    SyncMessage pushAck;
    pushAck.type = SyncMessageType::PushAck;
    pushAck.upTo = m_received;
    socket.send(pushAck);
    // Still pending: 105 stays the device's, nobody else sells it.
    HttpClient buyer(m_usherd->port());
    buyer.bearer = newBuyerSession(m_usherd->port());
    QCOMPARE(
        buyer.request("POST", "/api/events/1/holds", R"({"seats":[105]})", { { "Idempotency-Key", "tb-1" } }).status,
        409);
    // The box office keeps 101 (sold) and releases 105.
    SyncOp answer;
    answer.seq = 5;
    answer.id = kOutbox + ":5";
    answer.kind = SyncOpKind::TakeBack;
    answer.event = kEvent;
    answer.takeBack = id;
    answer.seats = { 105 };
    answer.kept = { 101 };
    socket.send(opsMessage({ answer }));
    const SyncMessage ack = socket.nextOfType(SyncMessageType::Ack);
    QCOMPARE(ack.upTo, std::uint64_t(5));
    QVERIFY(ack.results.empty()); // applied
    const HttpResult done = promoter("GET", "/api/devices/box-1/pushes/" + QByteArray::number(qulonglong(id)));
    QCOMPARE(done.status, 200);
    QCOMPARE(done.json().value(QLatin1String("state")).toString(), QStringLiteral("completed"));
    QCOMPARE(done.json().value(QLatin1String("released")).toArray(), QJsonArray { 105 });
    QCOMPARE(done.json().value(QLatin1String("kept")).toArray(), QJsonArray { 101 });
    // 105 is back in the open pool.
    QCOMPARE(
        buyer.request("POST", "/api/events/1/holds", R"({"seats":[105]})", { { "Idempotency-Key", "tb-2" } }).status,
        201);
    QCOMPARE(promoter("GET", "/api/devices/box-1/pushes/99999").status, 404);
}

void TestServerSync::onlineRoutesKeepToTheOpenPool()
{
    HttpClient clerk(m_usherd->port());
    clerk.bearer = m_clerkToken; // sells through the box office channel (2)
    const HttpResult refused
        = clerk.request("POST", "/api/events/1/holds", R"({"seats":[400,106]})", { { "Idempotency-Key", "op-1" } });
    QCOMPARE(refused.status, 409);
    QCOMPARE(refused.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("seat_allocated"));
    const HttpResult single
        = clerk.request("POST", "/api/events/1/seats/107/hold", {}, { { "Idempotency-Key", "op-2" } });
    QCOMPARE(single.status, 409);
    // The refused hold was released: the open-pool seat of it can be held again.
    QCOMPARE(
        clerk.request("POST", "/api/events/1/holds", R"({"seats":[400]})", { { "Idempotency-Key", "op-3" } }).status,
        201);
    // The device's seats remain its own: the device sells 106 offline.
    SyncSocket socket;
    QVERIFY(socket.open(m_usherd->port()));
    QCOMPARE(connectDevice(socket, 5).type, SyncMessageType::Welcome);
    socket.send(opsMessage({ saleOp(6, { 106 }) }));
    const SyncMessage ack = socket.nextOfType(SyncMessageType::Ack);
    QCOMPARE(ack.upTo, std::uint64_t(6));
    QVERIFY(ack.results.empty()); // applied
}

void TestServerSync::syncOrderRefundRefused()
{
    HttpClient clerk(m_usherd->port());
    clerk.bearer = m_clerkToken;
    const HttpResult refused
        = clerk.request("POST", "/api/orders/1-" + QByteArray::number(qulonglong(m_firstOrder)) + "/refund", "{}");
    QCOMPARE(refused.status, 409);
    QCOMPARE(refused.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("sold_by_box_office"));
    // Still sold.
    HttpClient buyer(m_usherd->port());
    buyer.bearer = newBuyerSession(m_usherd->port());
    QCOMPARE(
        buyer.request("POST", "/api/events/1/holds", R"({"seats":[101]})", { { "Idempotency-Key", "rf-1" } }).status,
        409);
}

void TestServerSync::devicesAndMetrics()
{
    SyncSocket socket;
    QVERIFY(socket.open(m_usherd->port()));
    QCOMPARE(connectDevice(socket, 6).type, SyncMessageType::Welcome);
    HttpClient clerk(m_usherd->port());
    clerk.bearer = m_clerkToken;
    QCOMPARE(clerk.request("GET", "/api/devices").status, 403);
    QJsonObject device;
    QTRY_VERIFY_WITH_TIMEOUT(
        (device = promoter("GET", "/api/devices").json().value(QLatin1String("devices")).toArray().at(0).toObject())
            .value(QLatin1String("connected"))
            .toBool(),
        5000);
    QCOMPARE(device.value(QLatin1String("name")).toString(), QStringLiteral("box-1"));
    QCOMPARE(device.value(QLatin1String("channel")).toInt(), 2);
    QCOMPARE(device.value(QLatin1String("appliedSeq")).toInt(), 6);
    QCOMPARE(device.value(QLatin1String("pendingPushes")).toInt(), 0);
    QVERIFY(device.value(QLatin1String("lastSeen")).isString());
    HttpClient client(m_usherd->port());
    const QByteArray metrics = client.request("GET", "/metrics").body;
    QVERIFY(metrics.contains("usherd_sync_devices_connected 1\n"));
    QVERIFY(metrics.contains("usherd_sync_device_applied_seq{device=\"box-1\"} 6\n"));
    QVERIFY(metrics.contains("usherd_sync_device_pending_pushes{device=\"box-1\"} 0\n"));
    QVERIFY(metrics.contains("usherd_sync_ops_applied_total "));
}

void TestServerSync::enrolWhileRunning()
{
    // The command line refuses while usherd holds the sync store, and says what to do.
    const CliResult refused
        = runUsherd({ "token", "create", "--role", "device", "--name", "box-2", "--channel", "2" }, m_dir.path());
    QVERIFY(refused.exitCode != 0);
    QVERIFY2(refused.err.contains("POST /api/devices"), refused.err.constData());
    QVERIFY(refused.out.isEmpty());
    // The admin route enrols through the running server.
    HttpClient admin(m_usherd->port());
    admin.bearer = m_adminToken;
    QCOMPARE(admin.request("POST", "/api/devices", R"({"name":"box-2"})").status, 400);
    QCOMPARE(promoter("POST", "/api/devices", R"({"name":"box-2","channel":2})").status, 403);
    const HttpResult created = admin.request("POST", "/api/devices", R"({"name":"box-2","channel":3})");
    QCOMPARE(created.status, 201);
    const std::string token = created.json().value(QLatin1String("token")).toString().toStdString();
    QCOMPARE(admin.request("POST", "/api/devices", R"({"name":"box-2","channel":3})").status, 409);
    SyncSocket socket;
    QVERIFY(socket.open(m_usherd->port()));
    socket.send(hello("box-2", token));
    const SyncMessage welcome = socket.next();
    QCOMPARE(welcome.type, SyncMessageType::Welcome);
    QCOMPARE(welcome.channel, ChannelId(3));
}

QTEST_GUILESS_MAIN(TestServerSync)
#include "TestServerSync.moc"
