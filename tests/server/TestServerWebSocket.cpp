// usherd's WebSocket hub: snapshot then ordered deltas, resuming from a sequence number, and a
// slow consumer dropped without stalling the others.

#include "ServerTestSupport.h"
#include "support/TempDir.h"

#include <QJsonArray>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

using namespace usher::test;

class TestServerWebSocket : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void snapshotThenDeltas();
    void resumeWithoutSnapshot();
    void unknownEventAndBadMessages();
    void slowConsumerIsDropped();
    void framesOfEverySizeArriveWhole();

private:
    int holdSeat(int event, int seat);

    std::unique_ptr<TempDir> m_dir;
    std::unique_ptr<UsherdProcess> m_usherd;
    quint16 m_port = 0;
    int m_keys = 0;
};

void TestServerWebSocket::initTestCase()
{
    m_dir = std::make_unique<TempDir>();
    m_usherd = std::make_unique<UsherdProcess>(QString::fromStdString(m_dir->path()));
    QVERIFY2(m_usherd->start({ QStringLiteral("--demo"), QStringLiteral("--demo-large"), QStringLiteral("70000"),
                               QStringLiteral("--no-fsync"), QStringLiteral("--rate-limit"), QStringLiteral("0"),
                               QStringLiteral("--ws-queue-bytes"), QStringLiteral("1000000") }),
             m_usherd->log().constData());
    m_port = m_usherd->port();
}

void TestServerWebSocket::cleanupTestCase()
{
    if (m_usherd)
        QVERIFY2(m_usherd->terminate(), m_usherd->log().constData());
}

int TestServerWebSocket::holdSeat(int event, int seat)
{
    HttpClient client(m_port);
    if (!client.connect())
        return 0;
    client.bearer = newBuyerSession(m_port);
    return client
        .request("POST", "/api/events/" + QByteArray::number(event) + "/seats/" + QByteArray::number(seat) + "/hold",
                 {}, { { "Idempotency-Key", "ws-" + QByteArray::number(++m_keys) } })
        .status;
}

void TestServerWebSocket::snapshotThenDeltas()
{
    WsClient ws;
    QVERIFY(ws.open(m_port));
    QCOMPARE(ws.nextOfType(QStringLiteral("hello")).value(QLatin1String("protocol")).toInt(), 1);
    ws.send(R"({"type":"subscribe","events":[1]})");
    const QJsonObject snapshot = ws.nextOfType(QStringLiteral("snapshot"));
    QCOMPARE(snapshot.value(QLatin1String("event")).toInt(), 1);
    const QString seats = snapshot.value(QLatin1String("seats")).toString();
    QVERIFY(seats.size() > 100);
    QCOMPARE(seats.at(199), QLatin1Char('0'));
    const qint64 seq = snapshot.value(QLatin1String("seq")).toInteger();

    QCOMPARE(holdSeat(1, 200), 201);
    QCOMPARE(holdSeat(1, 201), 201);
    qint64 last = seq;
    QSet<int> held;
    while (held.size() < 2) {
        const QJsonObject delta = ws.nextOfType(QStringLiteral("delta"));
        QVERIFY(!delta.isEmpty());
        const qint64 deltaSeq = delta.value(QLatin1String("seq")).toInteger();
        QVERIFY(deltaSeq > last); // in order
        QCOMPARE(delta.value(QLatin1String("prevSeq")).toInteger(), last);
        last = deltaSeq;
        for (const QJsonValue& change : delta.value(QLatin1String("seats")).toArray()) {
            QCOMPARE(change.toArray().at(1).toInt(), 1); // held
            held.insert(change.toArray().at(0).toInt());
        }
    }
    QCOMPARE(held, (QSet<int> { 200, 201 }));
}

void TestServerWebSocket::resumeWithoutSnapshot()
{
    WsClient ws;
    QVERIFY(ws.open(m_port));
    ws.send(R"({"type":"subscribe","event":2})");
    const qint64 seq = ws.nextOfType(QStringLiteral("snapshot")).value(QLatin1String("seq")).toInteger();
    ws.close();

    QCOMPARE(holdSeat(2, 300), 201); // while disconnected

    WsClient again;
    QVERIFY(again.open(m_port));
    again.send(QByteArray(R"({"type":"subscribe","events":[{"event":2,"fromSeq":)") + QByteArray::number(seq) + "}]}");
    QJsonObject message = again.next();
    if (message.value(QLatin1String("type")).toString() == QLatin1String("hello"))
        message = again.next();
    QCOMPARE(message.value(QLatin1String("type")).toString(), QStringLiteral("resumed"));
    const QJsonObject delta = again.nextOfType(QStringLiteral("delta"));
    QCOMPARE(delta.value(QLatin1String("prevSeq")).toInteger(), seq);
    QCOMPARE(delta.value(QLatin1String("seats")).toArray().at(0).toArray().at(0).toInt(), 300);

    // A sequence number from the future (another server's data) gets a snapshot instead.
    WsClient future;
    QVERIFY(future.open(m_port));
    future.send(R"({"type":"subscribe","events":[{"event":2,"fromSeq":999999999}]})");
    QVERIFY(!future.nextOfType(QStringLiteral("snapshot")).isEmpty());
}

void TestServerWebSocket::unknownEventAndBadMessages()
{
    WsClient ws;
    QVERIFY(ws.open(m_port));
    ws.send("not json");
    QCOMPARE(ws.nextOfType(QStringLiteral("error"))
                 .value(QLatin1String("error"))
                 .toObject()
                 .value(QLatin1String("code"))
                 .toString(),
             QStringLiteral("invalid_message"));
    ws.send(R"({"type":"subscribe","events":[4242]})");
    QCOMPARE(ws.nextOfType(QStringLiteral("error"))
                 .value(QLatin1String("error"))
                 .toObject()
                 .value(QLatin1String("code"))
                 .toString(),
             QStringLiteral("event_not_found"));
    ws.send(R"({"type":"ping"})");
    QVERIFY(!ws.nextOfType(QStringLiteral("pong")).isEmpty());
    QVERIFY(ws.isOpen());
}

void TestServerWebSocket::slowConsumerIsDropped()
{
    // A client that asks for the stadium's snapshot (60,000 seats) over and over and never reads.
    QTcpSocket slow;
    slow.setReadBufferSize(1024);
    slow.connectToHost(QStringLiteral("127.0.0.1"), m_port);
    QVERIFY(slow.waitForConnected(5000));
    slow.write("GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QVERIFY(slow.waitForBytesWritten(5000));
    QVERIFY(slow.waitForReadyRead(5000)); // frames only after the 101 (RFC 6455, 4.1)
    QVERIFY(slow.read(12) == "HTTP/1.1 101");
    // Masked text frames, as a client must send them: {"type":"subscribe","event":4}
    const QByteArray payload = R"({"type":"subscribe","event":4})";
    QByteArray frame;
    frame.append(char(0x81));
    frame.append(char(0x80 | payload.size()));
    const char mask[4] = { 1, 2, 3, 4 };
    frame.append(mask, 4);
    for (int i = 0; i < payload.size(); ++i)
        frame.append(char(payload[i] ^ mask[i % 4]));
    for (int i = 0; i < 400; ++i)
        slow.write(frame);
    slow.waitForBytesWritten(5000);

    // A healthy subscriber keeps getting its deltas meanwhile.
    WsClient healthy;
    QVERIFY(healthy.open(m_port));
    healthy.send(R"({"type":"subscribe","events":[3]})");
    QVERIFY(!healthy.nextOfType(QStringLiteral("snapshot")).isEmpty());
    QCOMPARE(holdSeat(3, 77), 201);
    QVERIFY(!healthy.nextOfType(QStringLiteral("delta")).isEmpty());

    HttpClient metrics(m_port);
    QVERIFY(metrics.connect());
    QTRY_VERIFY_WITH_TIMEOUT(metrics.request("GET", "/metrics").body.contains("usherd_ws_dropped_total 1"), 10'000);
    QVERIFY(healthy.isOpen());
}

// Plain connections get their frames written by hand (HttpServer.cpp, writeDirect): the three
// length encodings (up to 125 bytes, up to 64 KiB, beyond) and several frames queued at once.
void TestServerWebSocket::framesOfEverySizeArriveWhole()
{
    WsClient ws;
    QVERIFY(ws.open(m_port));
    QVERIFY(!ws.nextOfType(QStringLiteral("hello")).isEmpty());
    ws.send(R"({"type":"subscribe","events":[100,1,2]})"); // 70,000 seats, 510, 2,500: three snapshots
    std::map<int, qsizetype> sizes;
    for (int i = 0; i < 3; ++i) {
        const QJsonObject snapshot = ws.nextOfType(QStringLiteral("snapshot"), 10'000);
        QVERIFY(!snapshot.isEmpty());
        sizes[snapshot.value(QLatin1String("event")).toInt()] = snapshot.value(QLatin1String("seats")).toString().size();
    }
    QCOMPARE(sizes[100], qsizetype(70000)); // a frame over 64 KiB
    QVERIFY(sizes[1] > 125 && sizes[1] < 65536);
    QVERIFY(sizes[2] > 125 && sizes[2] < 65536);
    QCOMPARE(holdSeat(100, 12345), 201); // a delta: a frame under 126 bytes
    const QJsonObject delta = ws.nextOfType(QStringLiteral("delta"));
    QCOMPARE(delta.value(QLatin1String("event")).toInt(), 100);
    QCOMPARE(delta.value(QLatin1String("seats")).toArray().at(0).toArray().at(0).toInt(), 12345);
}

QTEST_GUILESS_MAIN(TestServerWebSocket)
#include "TestServerWebSocket.moc"
