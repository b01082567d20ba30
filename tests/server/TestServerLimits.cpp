// usherd's connection limits: slow clients (header and idle timeouts) and the connection cap. The
// server keeps serving through all of them.

#include "ServerTestSupport.h"
#include "support/TempDir.h"

#include <QElapsedTimer>
#include <QTest>

using namespace usher::test;

class TestServerLimits : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void slowHeaderIsCut();
    void idleKeepAliveIsClosed();
    void activeKeepAliveIsNotCut();
    void slowHeaderAfterRequestsIsCut();
    void connectionCapAnswers503();

private:
    std::unique_ptr<TempDir> m_dir;
    std::unique_ptr<UsherdProcess> m_usherd;
    quint16 m_port = 0;
};

void TestServerLimits::initTestCase()
{
    m_dir = std::make_unique<TempDir>();
    m_usherd = std::make_unique<UsherdProcess>(QString::fromStdString(m_dir->path()));
    QVERIFY2(m_usherd->start({ QStringLiteral("--header-timeout-ms"), QStringLiteral("500"),
                               QStringLiteral("--idle-timeout-ms"), QStringLiteral("1000"),
                               QStringLiteral("--max-connections"), QStringLiteral("16") }),
             m_usherd->log().constData());
    m_port = m_usherd->port();
}

void TestServerLimits::cleanupTestCase()
{
    if (m_usherd)
        QVERIFY2(m_usherd->terminate(), m_usherd->log().constData());
}

void TestServerLimits::slowHeaderIsCut()
{
    HttpClient slow(m_port);
    QVERIFY(slow.connect());
    QVERIFY(slow.sendRaw("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: "));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(slow.waitForClose(5000));
    QVERIFY(timer.elapsed() < 3000);
    HttpClient client(m_port);
    QVERIFY(client.connect());
    QCOMPARE(client.request("GET", "/healthz").status, 200);
}

void TestServerLimits::idleKeepAliveIsClosed()
{
    HttpClient client(m_port);
    QVERIFY(client.connect());
    QCOMPARE(client.request("GET", "/healthz").status, 200);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(client.waitForClose(5000));
    QVERIFY(timer.elapsed() >= 500);
}

// One timer serves a connection's deadlines (HttpServer.cpp, Deadlines): a deadline that a later
// request replaced must never close a busy connection.
void TestServerLimits::activeKeepAliveIsNotCut()
{
    HttpClient client(m_port);
    QVERIFY(client.connect());
    QElapsedTimer timer;
    timer.start();
    int requests = 0;
    while (timer.elapsed() < 2500) { // 2.5 idle timeouts, 5 header timeouts
        QCOMPARE(client.request("GET", "/healthz").status, 200);
        ++requests;
        QTest::qWait(150);
    }
    QVERIFY(client.connected());
    QVERIFY(requests >= 5);
}

void TestServerLimits::slowHeaderAfterRequestsIsCut()
{
    HttpClient slow(m_port);
    QVERIFY(slow.connect());
    for (int i = 0; i < 3; ++i)
        QCOMPARE(slow.request("GET", "/healthz").status, 200);
    QVERIFY(slow.sendRaw("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: "));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(slow.waitForClose(5000));
    QVERIFY(timer.elapsed() < 950); // the header timeout (500 ms), not the idle one (1,000 ms)
}

void TestServerLimits::connectionCapAnswers503()
{
    std::vector<std::unique_ptr<HttpClient>> open;
    for (int i = 0; i < 16; ++i) {
        open.push_back(std::make_unique<HttpClient>(m_port));
        QVERIFY(open.back()->connect());
        QCOMPARE(open.back()->request("GET", "/healthz").status, 200);
    }
    HttpClient over(m_port);
    QVERIFY(over.connect());
    const HttpResult refused = over.readResponse(5000);
    QCOMPARE(refused.status, 503);
    QCOMPARE(refused.header("retry-after"), QByteArray("1"));
    open.clear();
    QTRY_COMPARE_WITH_TIMEOUT(
        [this] {
            HttpClient client(m_port);
            return client.connect() ? client.request("GET", "/healthz", {}, {}, 2000).status : 0;
        }(),
        200, 5000);
}

QTEST_GUILESS_MAIN(TestServerLimits)
#include "TestServerLimits.moc"
