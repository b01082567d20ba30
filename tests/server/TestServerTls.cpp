// usherd over TLS: https and wss with a throwaway self-signed certificate made at test time by the
// openssl command, and the header timeout cutting a slow client over TLS as it does over TCP.

#include "ServerTestSupport.h"
#include "support/TempDir.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>

using namespace usher::test;

class TestServerTls : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void httpsServesTheApi();
    void wssGetsSnapshotThenDeltas();
    void slowHeaderIsCutOverTls();
    void plainTcpGetsNoAnswer();

private:
    std::unique_ptr<TempDir> m_dir;
    std::unique_ptr<UsherdProcess> m_usherd;
    quint16 m_port = 0;
};

void TestServerTls::initTestCase()
{
    m_dir = std::make_unique<TempDir>();
    const QString data = QString::fromStdString(m_dir->path());
    TestCertificate tls;
    QString problem;
    if (!makeTestCertificate(data, &tls, &problem)) {
        if (problem.isEmpty())
            QSKIP("the openssl command is not installed; it makes the test certificate");
        QFAIL(qPrintable(problem));
    }
    const QString certificate = tls.certificate;
    const QString key = tls.key;
    useTls(tls.pem);

    m_usherd = std::make_unique<UsherdProcess>(data);
    // A short header timeout and a long idle one, so that the slow client shows which one cut it.
    QVERIFY2(m_usherd->start({ QStringLiteral("--demo"), QStringLiteral("--no-fsync"), QStringLiteral("--rate-limit"),
                               QStringLiteral("0"), QStringLiteral("--tls-cert"), certificate,
                               QStringLiteral("--tls-key"), key, QStringLiteral("--header-timeout-ms"),
                               QStringLiteral("500"), QStringLiteral("--idle-timeout-ms"), QStringLiteral("30000") }),
             m_usherd->log().constData());
    m_port = m_usherd->port();
}

void TestServerTls::cleanupTestCase()
{
    if (m_usherd)
        QVERIFY2(m_usherd->terminate(), m_usherd->log().constData());
    useTls({});
}

void TestServerTls::httpsServesTheApi()
{
    HttpClient client(m_port);
    QVERIFY(client.connect());
    QCOMPARE(client.request("GET", "/healthz").status, 200);
    QVERIFY(client.request("GET", "/api/events").json().value(QLatin1String("events")).toArray().size() >= 2);
    client.bearer = newBuyerSession(m_port);
    QVERIFY(!client.bearer.isEmpty());
    // Keep-alive and pipelining over TLS: two requests in one write, answered in order.
    QVERIFY(client.sendRaw("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /api/events/1 HTTP/1.1\r\nHost: x\r\n\r\n"));
    QCOMPARE(client.readResponse().status, 200);
    QCOMPARE(client.readResponse().json().value(QLatin1String("id")).toInt(), 1);
    QCOMPARE(client.request("POST", "/api/events/1/seats/40/hold", {}, { { "Idempotency-Key", "tls-40" } }).status,
             201);
}

void TestServerTls::wssGetsSnapshotThenDeltas()
{
    WsClient ws;
    QVERIFY(ws.open(m_port));
    QCOMPARE(ws.nextOfType(QStringLiteral("hello")).value(QLatin1String("protocol")).toInt(), 1);
    ws.send(R"({"type":"subscribe","events":[1]})");
    const QJsonObject snapshot = ws.nextOfType(QStringLiteral("snapshot"));
    QCOMPARE(snapshot.value(QLatin1String("event")).toInt(), 1);
    QCOMPARE(snapshot.value(QLatin1String("seats")).toString().at(40), QLatin1Char('0'));

    HttpClient client(m_port);
    QVERIFY(client.connect());
    client.bearer = newBuyerSession(m_port);
    QCOMPARE(client.request("POST", "/api/events/1/seats/41/hold", {}, { { "Idempotency-Key", "tls-41" } }).status,
             201);
    bool seen = false;
    while (!seen) {
        const QJsonObject delta = ws.nextOfType(QStringLiteral("delta"));
        QVERIFY(!delta.isEmpty());
        for (const QJsonValue& change : delta.value(QLatin1String("seats")).toArray())
            seen = seen || (change.toArray().at(0).toInt() == 41 && change.toArray().at(1).toInt() == 1);
    }
}

void TestServerTls::slowHeaderIsCutOverTls()
{
    HttpClient slow(m_port);
    QVERIFY(slow.connect()); // the handshake is done: from here only the request's header is late
    QVERIFY(slow.sendRaw("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: "));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(slow.waitForClose(10'000));
    QVERIFY2(timer.elapsed() < 5000, QByteArray::number(timer.elapsed()).constData()); // not the 30 s idle timeout

    // An idle keep-alive connection is not cut by the header timeout.
    HttpClient idle(m_port);
    QVERIFY(idle.connect());
    QCOMPARE(idle.request("GET", "/healthz").status, 200);
    QVERIFY(!idle.waitForClose(1500));
    QCOMPARE(idle.request("GET", "/healthz").status, 200);
}

void TestServerTls::plainTcpGetsNoAnswer()
{
    useTls({});
    HttpClient plain(m_port);
    const bool connected = plain.connect();
    const HttpResult result = connected ? plain.request("GET", "/healthz", {}, {}, 3000) : HttpResult {};
    QFile pem(QString::fromStdString(m_dir->path()) + QLatin1String("/cert.pem"));
    QVERIFY(pem.open(QIODevice::ReadOnly));
    useTls(pem.readAll());
    QCOMPARE(result.status, 0); // no plain-text HTTP on a TLS port
}

QTEST_GUILESS_MAIN(TestServerTls)
#include "TestServerTls.moc"
