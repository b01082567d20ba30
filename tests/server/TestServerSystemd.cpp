// usherd as a systemd service (packaging/usherd.service): the readiness protocol
// (engine/net/SystemdNotify.h) and the reload on SIGHUP (engine/net/UsherdReload.h), against a
// real usherd process. The test plays systemd: it binds its own AF_UNIX datagram socket and passes
// its name in $NOTIFY_SOCKET.

#include "ServerTestSupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <csignal>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace usher::test;

namespace {

// systemd's end of the notification socket. `address` as in $NOTIFY_SOCKET: '@name' (abstract) or
// an absolute path.
class NotifySocket {
public:
    explicit NotifySocket(QString address)
        : m_address(std::move(address))
    {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un addr {};
        addr.sun_family = AF_UNIX;
        const QByteArray name = m_address.toLocal8Bit();
        if (m_fd < 0 || name.size() >= int(sizeof addr.sun_path))
            return;
        std::memcpy(addr.sun_path, name.constData(), std::size_t(name.size()));
        const bool abstract = name.startsWith('@');
        if (abstract)
            addr.sun_path[0] = '\0';
        const auto length = socklen_t(offsetof(sockaddr_un, sun_path) + std::size_t(name.size()) + (abstract ? 0 : 1));
        m_bound = ::bind(m_fd, reinterpret_cast<sockaddr*>(&addr), length) == 0;
    }
    ~NotifySocket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        if (!m_address.startsWith(QLatin1Char('@')))
            QFile::remove(m_address);
    }
    NotifySocket(const NotifySocket&) = delete;
    NotifySocket& operator=(const NotifySocket&) = delete;

    bool bound() const { return m_bound; }
    const QString& address() const { return m_address; }

    // The next datagram, or empty after `timeoutMs`.
    QByteArray next(int timeoutMs)
    {
        pollfd p { m_fd, POLLIN, 0 };
        if (::poll(&p, 1, timeoutMs) != 1)
            return {};
        QByteArray buffer(4096, '\0');
        const ssize_t n = ::recv(m_fd, buffer.data(), std::size_t(buffer.size()), 0);
        return n > 0 ? buffer.left(int(n)) : QByteArray();
    }

    // Datagrams until one has `line` as one of its lines (that one included), or all until the
    // time is up; `*found` says which.
    QList<QByteArray> until(const QByteArray& line, int timeoutMs, bool* found)
    {
        QList<QByteArray> seen;
        *found = false;
        QElapsedTimer timer;
        timer.start();
        while (!*found && timer.elapsed() < timeoutMs) {
            const QByteArray datagram = next(int(timeoutMs - timer.elapsed()));
            if (datagram.isEmpty())
                continue;
            seen.append(datagram);
            *found = datagram.split('\n').contains(line);
        }
        return seen;
    }

private:
    QString m_address;
    int m_fd = -1;
    bool m_bound = false;
};

// The usherd of this build tree (tests/server/<this test> and app/usherd/usherd).
QString usherdPath()
{
    return QCoreApplication::applicationDirPath() + QLatin1String("/../../app/usherd/usherd");
}

QString uniqueAbstractName()
{
    static std::atomic<int> counter { 0 };
    return QStringLiteral("@usher-test-notify-%1-%2").arg(QCoreApplication::applicationPid()).arg(counter++);
}

// An usherd child with $NOTIFY_SOCKET set, its stderr collected.
class NotifiedUsherd {
public:
    NotifiedUsherd(const QString& dataDirectory, const QString& notifySocket)
        : m_data(dataDirectory)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("NOTIFY_SOCKET"), notifySocket);
        m_process.setProcessEnvironment(environment);
    }
    ~NotifiedUsherd()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    NotifiedUsherd(const NotifiedUsherd&) = delete;
    NotifiedUsherd& operator=(const NotifiedUsherd&) = delete;

    QString portFile() const { return m_data + QLatin1String("/usherd.port"); }

    bool start(const QStringList& extra)
    {
        QStringList arguments
            = { QStringLiteral("--data"),      m_data,    QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                QStringLiteral("--port-file"), portFile() };
        arguments += extra;
        m_process.start(usherdPath(), arguments);
        return m_process.waitForStarted(5000);
    }
    qint64 pid() const { return m_process.processId(); }
    bool signal(int number) const { return ::kill(pid_t(pid()), number) == 0; }

    // stderr so far.
    QByteArray log()
    {
        m_log += m_process.readAllStandardError();
        return m_log;
    }
    // Waits until stderr holds `text`.
    bool waitForLog(const QByteArray& text, int timeoutMs = 10'000)
    {
        QElapsedTimer timer;
        timer.start();
        while (!log().contains(text)) {
            if (timer.elapsed() > timeoutMs || m_process.state() == QProcess::NotRunning)
                return log().contains(text);
            m_process.waitForReadyRead(20);
        }
        return true;
    }
    // SIGTERM, then the exit; true on exit status 0.
    bool terminate(int timeoutMs = 20'000)
    {
        m_process.terminate();
        const bool finished = m_process.waitForFinished(timeoutMs);
        log();
        return finished && m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    }

private:
    QString m_data;
    QProcess m_process;
    QByteArray m_log;
};

quint16 readPort(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return quint16(file.readAll().trimmed().toUInt());
}

bool writeFile(const QString& path, const QByteArray& text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

// The JSON log line that holds `message`, or empty.
QByteArray logLine(const QByteArray& log, const QByteArray& message)
{
    for (const QByteArray& line : log.split('\n'))
        if (line.contains("\"msg\":\"" + message + "\""))
            return line;
    return {};
}

constexpr int kStartMs = 60'000; // --demo builds the sample venues, the 100,000-seat stadium included

} // namespace

class TestServerSystemd : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFileInfo(usherdPath()).isExecutable(), qPrintable(usherdPath())); }

    // READY=1 comes once the port accepts and /readyz says ready, STOPPING=1 when SIGTERM arrives.
    void readyOnlyOnceServing()
    {
        QTemporaryDir dir;
        NotifySocket notify(uniqueAbstractName());
        QVERIFY(notify.bound());
        NotifiedUsherd usherd(dir.path(), notify.address());
        QVERIFY(usherd.start({ QStringLiteral("--demo") }));

        bool ready = false;
        const QList<QByteArray> before = notify.until("READY=1", kStartMs, &ready);
        QVERIFY2(ready, usherd.log().constData());
        QCOMPARE(before.size(), 1); // nothing before READY=1
        QVERIFY2(before.last().contains("STATUS=Serving on 127.0.0.1:"), before.last().constData());
        // At the moment systemd hears READY=1, the port file is there and the port serves.
        const quint16 port = readPort(usherd.portFile());
        QVERIFY(port != 0);
        QVERIFY(before.last().contains(":" + QByteArray::number(port)));
        HttpClient client(port);
        QVERIFY(client.connect());
        QCOMPARE(client.request("GET", "/readyz").status, 200);
        QCOMPARE(client.request("GET", "/api/events/1/availability").status, 200);
        QVERIFY(usherd.waitForLog("\"msg\":\"ready\""));

        QVERIFY(usherd.signal(SIGTERM));
        bool stopping = false;
        notify.until("STOPPING=1", 20'000, &stopping);
        QVERIFY(stopping);
        QVERIFY2(usherd.terminate(), usherd.log().constData());
    }

    // SIGHUP applies a changed log level at once, names every other changed setting as needing a
    // restart, and tells systemd RELOADING=1 (with MONOTONIC_USEC) then READY=1. A path socket.
    void sighupReloadsTheLogLevel()
    {
        QTemporaryDir dir;
        NotifySocket notify(dir.path() + QLatin1String("/notify.sock"));
        QVERIFY(notify.bound());
        const QString config = dir.path() + QLatin1String("/usherd.conf");
        QVERIFY(writeFile(config, "# a test configuration\nlog-level = info\nthreads = 2\n"));
        NotifiedUsherd usherd(dir.path() + QLatin1String("/data"), notify.address());
        QVERIFY(usherd.start({ QStringLiteral("--config"), config }));
        bool ready = false;
        notify.until("READY=1", kStartMs, &ready);
        QVERIFY2(ready, usherd.log().constData());
        QVERIFY(usherd.waitForLog("\"msg\":\"listening\"")); // info lines are on

        QVERIFY(writeFile(config, "log-level = warn\nthreads = 3\n"));
        QVERIFY(usherd.signal(SIGHUP));
        const QByteArray reloading = notify.next(10'000);
        QVERIFY2(reloading.startsWith("RELOADING=1\nMONOTONIC_USEC="), reloading.constData());
        const QByteArray readyAgain = notify.next(10'000);
        QVERIFY2(readyAgain.startsWith("READY=1\n"), readyAgain.constData());
        QVERIFY(readyAgain.contains("need a restart"));
        QVERIFY(usherd.waitForLog("takes effect after a restart"));
        const QByteArray restart = logLine(usherd.log(), "setting changed: it takes effect after a restart");
        QVERIFY2(restart.contains("\"setting\":\"threads\"") && restart.contains("\"running\":\"2\"")
                     && restart.contains("\"configured\":\"3\""),
                 restart.constData());
        QVERIFY(!usherd.log().contains("\"setting\":\"log-level\"")); // applied, not "needs a restart"

        // warn is in force: the info line of the shutdown no longer appears.
        QVERIFY(usherd.terminate());
        QVERIFY2(logLine(usherd.log(), "shutting down").isEmpty(), usherd.log().constData());
    }

    // SIGHUP applies the buyer rate limit and the availability max-age while serving.
    void sighupReloadsRateLimitAndMaxAge()
    {
        QTemporaryDir dir;
        NotifySocket notify(uniqueAbstractName());
        QVERIFY(notify.bound());
        const QString config = dir.path() + QLatin1String("/usherd.conf");
        QVERIFY(writeFile(config, "availability-max-age = 1\n"));
        NotifiedUsherd usherd(dir.path() + QLatin1String("/data"), notify.address());
        QVERIFY(usherd.start({ QStringLiteral("--config"), config, QStringLiteral("--demo") }));
        bool ready = false;
        notify.until("READY=1", kStartMs, &ready);
        QVERIFY2(ready, usherd.log().constData());
        HttpClient client(readPort(usherd.portFile()));
        QVERIFY(client.connect());
        QCOMPARE(client.request("GET", "/api/events/1/availability").header("cache-control"),
                 QByteArray("public, max-age=1"));

        QVERIFY(writeFile(config, "availability-max-age = 7\nrate-limit = 0.5\nrate-burst = 3\n"));
        QVERIFY(usherd.signal(SIGHUP));
        bool readyAgain = false;
        notify.until("READY=1", 10'000, &readyAgain);
        QVERIFY(readyAgain);
        QCOMPARE(client.request("GET", "/api/events/1/availability").header("cache-control"),
                 QByteArray("public, max-age=7"));
        QVERIFY(usherd.waitForLog("configuration reloaded"));
        const QByteArray reloaded = logLine(usherd.log(), "configuration reloaded");
        QVERIFY2(reloaded.contains("\"applied\":3") && reloaded.contains("\"restartNeeded\":0")
                     && reloaded.contains("\"rate-limit\":0.5") && reloaded.contains("\"rate-burst\":3"),
                 reloaded.constData());
        QVERIFY(usherd.terminate());
    }

    // A configuration that does not parse on reload changes nothing and says why, with the line; a
    // good one afterwards applies.
    void badConfigOnReloadKeepsTheRunningOne()
    {
        QTemporaryDir dir;
        NotifySocket notify(uniqueAbstractName());
        QVERIFY(notify.bound());
        const QString config = dir.path() + QLatin1String("/usherd.conf");
        QVERIFY(writeFile(config, "log-level = info\n"));
        NotifiedUsherd usherd(dir.path() + QLatin1String("/data"), notify.address());
        QVERIFY(usherd.start({ QStringLiteral("--config"), config }));
        bool ready = false;
        notify.until("READY=1", kStartMs, &ready);
        QVERIFY2(ready, usherd.log().constData());

        QVERIFY(writeFile(config, "log-level = warn\nrate-limit = lots\n"));
        QVERIFY(usherd.signal(SIGHUP));
        QVERIFY(notify.next(10'000).startsWith("RELOADING=1\n"));
        const QByteArray status = notify.next(10'000);
        QVERIFY2(status.startsWith("READY=1\n") && status.contains("Reload failed"), status.constData());
        QVERIFY(usherd.waitForLog("reload failed"));
        const QByteArray failed = logLine(usherd.log(), "reload failed: the running configuration stays");
        QVERIFY2(failed.contains("\"level\":\"error\"") && failed.contains("usherd.conf:2")
                     && failed.contains("--rate-limit: expected a number"),
                 failed.constData());
        // Still info (the warn of the bad file was not applied), and still serving.
        HttpClient client(readPort(usherd.portFile()));
        QVERIFY(client.connect());
        QCOMPARE(client.request("GET", "/readyz").status, 200);

        QVERIFY(writeFile(config, "log-level = debug\n"));
        QVERIFY(usherd.signal(SIGHUP));
        bool readyAgain = false;
        notify.until("READY=1", 10'000, &readyAgain);
        QVERIFY(readyAgain);
        QVERIFY(usherd.waitForLog("configuration reloaded"));
        const QByteArray reloaded = logLine(usherd.log(), "configuration reloaded");
        QVERIFY2(reloaded.contains("\"applied\":1") && reloaded.contains("\"restartNeeded\":0")
                     && reloaded.contains("\"log-level\":\"debug\""),
                 reloaded.constData());
        QVERIFY(usherd.terminate());
        QVERIFY(!logLine(usherd.log(), "shutting down").isEmpty());
    }

    // A $NOTIFY_SOCKET that is not an address is logged; usherd serves anyway.
    void badNotifySocketIsLoggedNotFatal()
    {
        QTemporaryDir dir;
        NotifiedUsherd usherd(dir.path(), QStringLiteral("relative/notify.sock"));
        QVERIFY(usherd.start({}));
        QVERIFY2(usherd.waitForLog("cannot notify systemd", kStartMs), usherd.log().constData());
        QVERIFY(logLine(usherd.log(), "cannot notify systemd").contains("relative/notify.sock"));
        HttpClient client(readPort(usherd.portFile()));
        QVERIFY(client.connect());
        QCOMPARE(client.request("GET", "/readyz").status, 200);
        QVERIFY(usherd.terminate());
    }

    // The configuration the packages install (/etc/usherd/usherd.conf) parses, and a reload of it
    // unchanged changes nothing.
    void shippedConfigParses()
    {
        QString source = qEnvironmentVariable("USHER_SOURCE_DIR"); // set by ctest
#ifdef QT_TESTCASE_SOURCEDIR
        if (source.isEmpty())
            source = QStringLiteral(QT_TESTCASE_SOURCEDIR "/../..");
#endif
        QVERIFY(QFileInfo::exists(source + QLatin1String("/packaging/usherd.conf")));
        QTemporaryDir dir;
        NotifySocket notify(uniqueAbstractName());
        QVERIFY(notify.bound());
        NotifiedUsherd usherd(dir.path(), notify.address());
        // --data and --listen on the command line override the file's /var/lib/usherd and 8080.
        QVERIFY(usherd.start({ QStringLiteral("--config"), source + QLatin1String("/packaging/usherd.conf") }));
        bool ready = false;
        notify.until("READY=1", kStartMs, &ready);
        QVERIFY2(ready, usherd.log().constData());
        QVERIFY(usherd.signal(SIGHUP));
        bool readyAgain = false;
        notify.until("READY=1", 10'000, &readyAgain);
        QVERIFY(readyAgain);
        QVERIFY(usherd.waitForLog("configuration reloaded"));
        QVERIFY(logLine(usherd.log(), "configuration reloaded").contains("\"applied\":0,\"restartNeeded\":0"));
        QVERIFY(usherd.terminate());
    }
};

QTEST_GUILESS_MAIN(TestServerSystemd)
#include "TestServerSystemd.moc"
