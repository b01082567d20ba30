#pragma once

// Helpers of the counter tests that drive a real usherd on loopback (TestCounterCentral,
// TestCounterOfflineUpload): finding and starting the build's own usherd, blocking HTTP requests
// to it, signing in and opening the shift, the seats of the open pool. Header-only: each test is
// one executable of its own source (tests/CMakeLists.txt). TestCounterSale signs in through
// signInAndOpenShift too.
//
// usherd is the build's own binary: USHERD_PATH, or app/usherd/usherd in this build tree.

#include "CounterTestSupport.h"
#include "counter/OpenShiftPage.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <cstddef>
#include <utility>
#include <vector>

namespace usher::test {

inline QString usherdPath()
{
    const QString env = qEnvironmentVariable("USHERD_PATH");
    if (!env.isEmpty())
        return env;
    QDir dir(QCoreApplication::applicationDirPath());
    for (int up = 0; up < 4; ++up) {
        const QString candidate = dir.filePath(QStringLiteral("app/usherd/usherd"));
        if (QFileInfo(candidate).isExecutable())
            return candidate;
        if (!dir.cdUp())
            break;
    }
    return {};
}

struct Reply {
    int status = 0;
    QJsonObject json;
    QByteArray body;
};

// One blocking HTTP request (the event loop runs meanwhile, so the GUI keeps working).
inline Reply request(quint16 port, const QByteArray& method, const QString& path, const QByteArray& body = {},
                     const QByteArray& bearer = {}, const QByteArray& idempotencyKey = {})
{
    static QNetworkAccessManager* manager = new QNetworkAccessManager(QCoreApplication::instance());
    QNetworkRequest r(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
    r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    if (!bearer.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + bearer);
    if (!idempotencyKey.isEmpty())
        r.setRawHeader("Idempotency-Key", idempotencyKey);
    r.setTransferTimeout(10'000);
    QNetworkReply* reply = manager->sendCustomRequest(r, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.json = QJsonDocument::fromJson(out.body).object();
    reply->deleteLater();
    return out;
}

// The build's usherd on a data directory, listening on a free loopback port.
class Usherd {
public:
    explicit Usherd(QString data)
        : m_data(std::move(data))
    {
    }
    ~Usherd() { stop(); }

    QByteArray token(const QString& role)
    {
        QProcess p;
        p.start(usherdPath(), { QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--role"), role,
                                QStringLiteral("--data"), m_data });
        if (!p.waitForFinished(10'000) || p.exitCode() != 0)
            return {};
        return p.readAllStandardOutput().trimmed();
    }

    bool start()
    {
        const QString portFile = m_data + QStringLiteral("/usherd.port");
        QFile::remove(portFile);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(usherdPath(), { QStringLiteral("--data"), m_data, QStringLiteral("--listen"),
                                        QStringLiteral("127.0.0.1:0"), QStringLiteral("--port-file"), portFile,
                                        QStringLiteral("--no-fsync"), QStringLiteral("--rate-limit"),
                                        QStringLiteral("0"), QStringLiteral("--payment-gateway"),
                                        QStringLiteral("demo") });
        if (!m_process.waitForStarted(5000))
            return false;
        const bool listening = QTest::qWaitFor(
            [&] {
                QFile file(portFile);
                if (file.open(QIODevice::ReadOnly))
                    m_port = quint16(file.readAll().trimmed().toUInt());
                return m_port != 0 || m_process.state() == QProcess::NotRunning;
            },
            30'000);
        return listening && m_port != 0
            && QTest::qWaitFor([&] { return request(m_port, "GET", QStringLiteral("/readyz")).status == 200; },
                               30'000);
    }

    bool stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return true;
        ::kill(pid_t(m_process.processId()), SIGTERM);
        return m_process.waitForFinished(20'000);
    }

    quint16 port() const { return m_port; }

private:
    QString m_data;
    QProcess m_process;
    quint16 m_port = 0;
};

// Signs in (the demo clerk by default) and opens the shift with a float of 100.00 through the
// keyboard; on return the sale screen has the focus in the best-available field.
inline bool signInAndOpenShift(CounterFixture& f, const char* login = "clerk", const char* password = "clerk-demo")
{
    f.typeSignIn(QString::fromLatin1(login), QString::fromLatin1(password));
    if (!QTest::qWaitFor([&] { return f.window->stack()->currentWidget() != f.window->signInPage(); }, 10000))
        return false;
    if (f.window->stack()->currentWidget() == f.window->openShiftPage()) {
        f.type(QStringLiteral("100"));
        f.press(Qt::Key_Return);
    }
    return QTest::qWaitFor(
        [&] { return f.sale() != nullptr && f.window->stack()->currentWidget() == f.sale() && f.idle(); }, 10000);
}

// Seats of the open pool that this box office's ledger has available, in venue order.
inline std::vector<SeatIndex> openPoolSeats(CounterFixture& f, EventId event, std::size_t count)
{
    std::vector<SeatIndex> seats;
    f.engine->event(event)->read([&](const Ledger& l) {
        for (SeatIndex i = 0; i < l.venue().seats.size() && seats.size() < count; ++i)
            if (l.seatStatus(i) == SeatStatus::Available && l.seat(i).allocation == kOpenPool)
                seats.push_back(i);
    });
    return seats;
}

} // namespace usher::test
