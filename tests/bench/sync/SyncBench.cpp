#include "SyncBench.h"

#include "event/EventSpecJson.h"
#include "runtime/Clock.h"
#include "runtime/Engine.h"
#include "sync/SyncBoxOffice.h"
#include "sync/SyncLedger.h"
#include "venue/VenueGenerator.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <sys/resource.h>
#include <unistd.h>

namespace usher::bench {

namespace {

constexpr EventId kEvent = 100; // usherd --demo-large creates it
constexpr ChannelId kChannel = 2;

struct Options {
    std::uint32_t sales = 100'000;
    int runs = 3;
    bool fsync = true;
    // The offline selling before the upload is not measured: by default it runs without fsync on
    // the box office (~400 sales/s with it, minutes for 100,000), which then reopens its engine and
    // outbox with `fsync` for the upload.
    bool fillFsync = false;
    std::size_t opsPerMessage = 200; // SyncBoxOffice's defaults
    std::size_t inFlight = 16000; // SyncBoxOfficeOptions' default
};

// The usherd of this build; USHER_BENCH_USHERD names another (an older build's, to compare two
// usherds with the same box office).
QString usherdPath()
{
    return qEnvironmentVariableIsEmpty("USHER_BENCH_USHERD") ? QStringLiteral(USHERD_PATH)
                                                             : qEnvironmentVariable("USHER_BENCH_USHERD");
}

QByteArray runUsherdCommand(const QStringList& arguments)
{
    QProcess process;
    process.start(usherdPath(), arguments);
    if (!process.waitForFinished(60'000) || process.exitCode() != 0)
        return {};
    return process.readAllStandardOutput().trimmed();
}

// One blocking HTTP/1.1 request; the status (0: no answer).
int httpRequest(quint16 port, const QByteArray& method, const QByteArray& path, const QByteArray& bearer,
                const QByteArray& body)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(5000))
        return 0;
    QByteArray request = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!bearer.isEmpty())
        request += "Authorization: Bearer " + bearer + "\r\n";
    request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    socket.write(request);
    QByteArray answer;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(30'000))
        answer += socket.readAll();
    answer += socket.readAll();
    return answer.startsWith("HTTP/1.1 ") ? answer.mid(9, 3).toInt() : 0;
}

// usherd in a child process.
class Central {
public:
    bool start(const QString& data, bool fsync, std::uint32_t seats)
    {
        const QString portFile = data + QStringLiteral("/port");
        QStringList arguments { QStringLiteral("--data"),      data,
                                QStringLiteral("--listen"),    QStringLiteral("127.0.0.1:0"),
                                QStringLiteral("--port-file"), portFile,
                                QStringLiteral("--demo"),      QStringLiteral("--demo-large"),
                                QString::number(seats),        QStringLiteral("--log-level"),
                                QStringLiteral("warn") };
        if (!fsync)
            arguments << QStringLiteral("--no-fsync");
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(usherdPath(), arguments);
        if (!m_process.waitForStarted(5000))
            return false;
        QElapsedTimer timer;
        timer.start();
        // Generous: usherd under valgrind (instruction counts of the upload) takes minutes to create its demo events.
        while (timer.elapsed() < 600'000 && m_process.state() == QProcess::Running) {
            QFile file(portFile);
            if (file.open(QIODevice::ReadOnly) && (port = quint16(file.readAll().trimmed().toUInt())) != 0
                && httpRequest(port, "GET", "/readyz", {}, {}) == 200)
                return true;
            QThread::msleep(50);
        }
        return false;
    }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(30'000))
            m_process.kill();
    }
    ~Central() { stop(); }
    // CPU seconds (user + system, every thread) the process has used so far.
    double cpuSeconds() const
    {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(m_process.processId()));
        if (!stat.open(QIODevice::ReadOnly))
            return 0;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() < 13)
            return 0;
        return double(fields[11].toLongLong() + fields[12].toLongLong()) / double(sysconf(_SC_CLK_TCK));
    }
    qint64 pid() const { return m_process.processId(); }
    quint16 port = 0;

private:
    QProcess m_process;
};

// SyncBoxOffice over one QWebSocket, on this thread's event loop (the app's SyncClient does the
// same on a worker thread).
class Transport {
public:
    Transport(SyncBoxOffice& office, quint16 port)
        : m_office(office)
        , m_url(QStringLiteral("ws://127.0.0.1:%1/sync").arg(port))
    {
        m_socket.setMaxAllowedIncomingMessageSize(1 << 20);
        QObject::connect(&m_socket, &QWebSocket::connected, [this] {
            openedAt = std::chrono::steady_clock::now();
            m_office.opened(systemClockNow());
            flush();
        });
        QObject::connect(&m_socket, &QWebSocket::disconnected, [this] {
            if (m_open)
                m_office.closed(systemClockNow());
            m_open = false;
        });
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, [this](const QString& text) {
            m_office.received(text.toStdString(), systemClockNow());
            flush();
        });
        m_timer.setInterval(20);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const Timestamp now = systemClockNow();
            m_office.tick(now);
            if (enabled && !m_open && m_office.shouldConnect(now)) {
                m_office.connecting(now);
                m_open = true;
                m_socket.open(m_url);
            }
            flush();
        });
        m_timer.start();
    }
    void flush()
    {
        for (const std::string& text : m_office.takeOutgoing()) {
            m_socket.sendTextMessage(QString::fromStdString(text));
        }
        if (m_office.takeCloseRequest())
            m_socket.close();
    }
    void disconnect()
    {
        enabled = false;
        m_socket.close();
    }
    bool enabled = true;
    std::chrono::steady_clock::time_point openedAt;

private:
    SyncBoxOffice& m_office;
    const QUrl m_url;
    QWebSocket m_socket;
    QTimer m_timer;
    bool m_open = false;
};

// Runs the event loop until `done` or the time is up. It sleeps until the next event (the
// transport's 20 ms timer at the latest): processEvents with a time limit returns at once when
// nothing is pending, and that spinning counted as the box office's CPU per op and took a core
// from usherd (the app's SyncClient runs a real event loop).
bool waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QTimer wake; // wakes the loop for the timeout check even when the transport is gone
    wake.start(20);
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

double ownCpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct RunResult {
    bool ok = false;
    double uploadSeconds = 0;
    double centralCpuSeconds = 0; // usherd, every thread, during the upload
    double officeCpuSeconds = 0;  // this process (the box office and its engine) during the upload
    double localSalesPerSecond = 0;
    std::uint64_t rejected = 0;
};

bool grantAll(quint16 port, const QByteArray& promoter, const std::vector<SeatId>& seats, std::size_t* pushes)
{
    for (std::size_t from = 0; from < seats.size(); from += 4096) {
        QByteArray body = "{\"grant\":[";
        for (std::size_t i = from; i < std::min(seats.size(), from + 4096); ++i)
            body += (i > from ? "," : "") + QByteArray::number(seats[i]);
        body += "]}";
        if (httpRequest(port, "POST", "/api/events/100/allocations/bench", promoter, body) != 201)
            return false;
        ++*pushes;
    }
    return true;
}

RunResult runOnce(const Options& options)
{
    RunResult result;
    QTemporaryDir dir;
    const QString central = dir.path() + QStringLiteral("/central");
    const QByteArray token = runUsherdCommand(
        { QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--role"), QStringLiteral("device"),
          QStringLiteral("--name"), QStringLiteral("bench"), QStringLiteral("--channel"), QString::number(kChannel),
          QStringLiteral("--data"), central });
    const QByteArray promoter
        = runUsherdCommand({ QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--role"),
                             QStringLiteral("promoter"), QStringLiteral("--data"), central });
    Central usherd;
    if (token.isEmpty() || promoter.isEmpty() || !usherd.start(central, options.fsync, options.sales)) {
        std::fprintf(stderr, "usher-bench sync: cannot start usherd\n");
        return result;
    }
    // The box office: its own engine with the same generated event, its outbox.
    std::string error;
    EngineOptions engineOptions;
    engineOptions.dataDirectory = (dir.path() + QStringLiteral("/office")).toStdString();
    engineOptions.synchronousFull = options.fsync && options.fillFsync;
    auto engine = Engine::open(engineOptions, &error);
    auto venue = generateVenueWithSeats(options.sales);
    std::vector<SeatId> seats;
    for (const VenueSeat& seat : venue->seats)
        if (seats.size() < options.sales)
            seats.push_back(seat.id);
    if (!engine
        || engine->createEvent(makeDemoEvent(kEvent, "Benchmark hall", std::move(venue), systemClockNow()), &error)
            != Status::Ok) {
        std::fprintf(stderr, "usher-bench sync: %s\n", error.c_str());
        return result;
    }
    auto ledger = std::make_unique<EngineSyncLedger>(*engine);
    SyncBoxOfficeOptions officeOptions;
    officeOptions.device = "bench";
    officeOptions.token = token.toStdString();
    officeOptions.channel = kChannel;
    officeOptions.outboxPath = engineOptions.dataDirectory + "/sync-outbox.db";
    officeOptions.durability = engineOptions.synchronousFull ? SyncDurability::Full : SyncDurability::Normal;
    officeOptions.opsPerMessageMax = options.opsPerMessage;
    officeOptions.opsInFlightMax = options.inFlight;
    auto office = SyncBoxOffice::open(officeOptions, *ledger, systemClockNow(), &error);
    if (!office) {
        std::fprintf(stderr, "usher-bench sync: %s\n", error.c_str());
        return result;
    }
    auto transport = std::make_unique<Transport>(*office, usherd.port);
    std::size_t pushes = 0;
    if (!waitFor([&] { return office->state() == SyncState::Online; }, 30'000)) {
        std::fprintf(stderr, "usher-bench sync: the box office did not get online: %s\n",
                     office->status(systemClockNow()).refusal.c_str());
        return result;
    }
    if (!grantAll(usherd.port, promoter, seats, &pushes)) {
        std::fprintf(stderr, "usher-bench sync: usherd refused the grants\n");
        return result;
    }
    if (!waitFor([&] { return office->outbox().receivedPush() == pushes; }, 600'000)) {
        std::fprintf(stderr, "usher-bench sync: the grants did not reach the box office (%zu of %zu)\n",
                     static_cast<std::size_t>(office->outbox().receivedPush()), pushes);
        return result;
    }
    // Offline: one sale per seat, journaled in the outbox.
    transport->disconnect();
    waitFor([&] { return office->state() == SyncState::Offline; }, 10'000);
    const auto salesStart = std::chrono::steady_clock::now();
    for (SeatId seat : seats) {
        SyncSaleRequest sale;
        sale.event = kEvent;
        sale.seats = { seat };
        sale.clerk = 1;
        sale.buyer = Buyer { "Bench", "bench@example.org", "" };
        if (!office->sell(sale, systemClockNow()).ok()) {
            std::fprintf(stderr, "usher-bench sync: the offline sale of seat %u failed\n", unsigned(seat));
            return result;
        }
    }
    result.localSalesPerSecond
        = double(seats.size()) / std::chrono::duration<double>(std::chrono::steady_clock::now() - salesStart).count();
    if (engineOptions.synchronousFull != options.fsync) {
        // The box office restarts with the upload's durability (as after a day offline).
        transport.reset();
        office.reset();
        ledger.reset();
        engine->close();
        engineOptions.synchronousFull = options.fsync;
        officeOptions.durability = options.fsync ? SyncDurability::Full : SyncDurability::Normal;
        engine = Engine::open(engineOptions, &error);
        if (engine) {
            ledger = std::make_unique<EngineSyncLedger>(*engine);
            office = SyncBoxOffice::open(officeOptions, *ledger, systemClockNow(), &error);
        }
        if (!engine || !office || office->outbox().pending() != seats.size()) {
            std::fprintf(stderr, "usher-bench sync: cannot reopen the box office: %s\n", error.c_str());
            return result;
        }
        transport = std::make_unique<Transport>(*office, usherd.port);
        transport->enabled = false;
    }
    // Online again: upload until central has acknowledged everything.
    // The clock starts when the WebSocket is open (not during the reconnect backoff).
    // For a profiler attached to the upload only (docs/performance.md, "Sync"): the two processes.
    std::fprintf(stderr, "usher-bench sync: uploading (usherd pid %lld, box office pid %lld)\n",
                 static_cast<long long>(usherd.pid()), static_cast<long long>(getpid()));
    const double centralCpu = usherd.cpuSeconds();
    const double officeCpu = ownCpuSeconds();
    transport->enabled = true;
    if (!waitFor([&] { return office->outbox().pending() == 0; }, 600'000)) {
        std::fprintf(stderr, "usher-bench sync: the backlog was not acknowledged in 10 minutes\n");
        return result;
    }
    result.uploadSeconds
        = std::chrono::duration<double>(std::chrono::steady_clock::now() - transport->openedAt).count();
    result.centralCpuSeconds = usherd.cpuSeconds() - centralCpu;
    result.officeCpuSeconds = ownCpuSeconds() - officeCpu;
    // For the profiler: the upload is over, what follows (usherd's shutdown and final snapshot) is not measured.
    std::fprintf(stderr, "usher-bench sync: uploaded\n");
    result.rejected = office->status(systemClockNow()).rejected;
    result.ok = result.rejected == 0;
    transport.reset();
    office.reset();
    engine->close();
    usherd.stop();
    return result;
}

bool parseNumber(std::string_view text, std::uint32_t* value)
{
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
    return ec == std::errc() && end == text.data() + text.size();
}

} // namespace

int runSyncBenchCommand(const std::vector<std::string_view>& arguments)
{
    Options options;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string_view a = arguments[i];
        std::uint32_t n = 0;
        if (a == "--quick") {
            options.sales = 2000;
            options.runs = 1;
        } else if (a == "--no-fsync") {
            options.fsync = false;
        } else if (a == "--fill-fsync") {
            options.fillFsync = true;
        } else if (a == "--sales" && i + 1 < arguments.size() && parseNumber(arguments[i + 1], &n) && n > 0) {
            options.sales = n, ++i;
        } else if (a == "--runs" && i + 1 < arguments.size() && parseNumber(arguments[i + 1], &n) && n > 0) {
            options.runs = int(n), ++i;
        } else if (a == "--ops-per-message" && i + 1 < arguments.size() && parseNumber(arguments[i + 1], &n) && n > 0
                   && n <= 1000) {
            options.opsPerMessage = n, ++i;
        } else if (a == "--in-flight" && i + 1 < arguments.size() && parseNumber(arguments[i + 1], &n) && n > 0) {
            options.inFlight = n, ++i;
        } else {
            std::fprintf(a == "--help" ? stdout : stderr,
                         "usage: usher-bench sync [--sales N (100000)] [--runs R (3)] [--no-fsync] [--fill-fsync]\n"
                         "                        [--ops-per-message N (200)] [--in-flight N (16000)] [--quick]\n"
                         "A box office sells N seats offline (one op each), then uploads them to a real usherd\n"
                         "over a loopback WebSocket: the time until every op is acknowledged, and ops/s.\n"
                         "The offline selling runs without fsync (not measured; --fill-fsync: with it), then\n"
                         "the box office reopens with fsync for the upload (unless --no-fsync).\n"
                         "USHER_BENCH_USHERD=path runs another usherd binary.\n");
            return a == "--help" ? 0 : 2;
        }
    }
    int argc = 1;
    char name[] = "usher-bench";
    char* argv[] = { name, nullptr };
    std::unique_ptr<QCoreApplication> app;
    if (QCoreApplication::instance() == nullptr)
        app = std::make_unique<QCoreApplication>(argc, argv);
    std::printf("sync: %u offline sales uploaded to usherd over loopback (%s, %zu ops/message, %zu in flight)\n",
                options.sales, options.fsync ? "fsync on both sides" : "no fsync", options.opsPerMessage,
                options.inFlight);
    std::vector<double> rates;
    std::vector<double> centralCpu;
    for (int run = 1; run <= options.runs; ++run) {
        const RunResult r = runOnce(options);
        if (!r.ok) {
            std::fprintf(stderr, "usher-bench sync: run %d failed (%llu ops refused)\n", run,
                         static_cast<unsigned long long>(r.rejected));
            return 1;
        }
        rates.push_back(double(options.sales) / r.uploadSeconds);
        centralCpu.push_back(r.centralCpuSeconds * 1e6 / double(options.sales));
        std::printf("  run %d: uploaded and acknowledged in %.3f s = %.0f ops/s; CPU per op: usherd %.1f us, "
                    "box office %.1f us (offline selling: %.0f sales/s)\n",
                    run, r.uploadSeconds, rates.back(), centralCpu.back(),
                    r.officeCpuSeconds * 1e6 / double(options.sales), r.localSalesPerSecond);
        std::fflush(stdout);
    }
    std::sort(rates.begin(), rates.end());
    std::sort(centralCpu.begin(), centralCpu.end());
    const double cpu = centralCpu[centralCpu.size() / 2];
    std::printf(
        "  median: %.0f ops/s over %d runs (target >= 50000); usherd CPU %.1f us/op (%.0f ops per CPU second)\n",
        rates[rates.size() / 2], options.runs, cpu, cpu > 0 ? 1e6 / cpu : 0.0);
    return 0;
}

} // namespace usher::bench
