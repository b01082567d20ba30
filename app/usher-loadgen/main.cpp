// usher-loadgen: a flash crowd against usherd's waiting room, on loopback only, bounded in users and
// time (docs/design/waiting-room.md, "usher-loadgen"). main() parses the arguments, starts usherd
// when asked (--spawn-usherd) and runs LoadGenerator.
//
//   usher-loadgen --spawn-usherd PATH [options]
//   usher-loadgen --target 127.0.0.1:8080 --admin-token T --event E [options]

#include "LoadGenerator.h"
#include "core/QtText.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QHostInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <charconv>
#include <csignal>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <sys/prctl.h>

namespace {

using usher::loadgen::LoadOptions;

constexpr int kExitFailed = 1; // an oversell, a protocol error or a count that does not add up
constexpr int kExitUsage = 2;
constexpr int kExitSetup = 3; // usherd could not be started or reached

QString tr(const char* text)
{
    return QCoreApplication::translate("usher-loadgen", text);
}

void printUsage(std::FILE* out)
{
    std::fprintf(out, "%s",
                 tr("usage: usher-loadgen --spawn-usherd PATH [options]\n"
                    "       usher-loadgen --target HOST:PORT --admin-token TOKEN --event ID [options]\n\n"
                    "  --spawn-usherd PATH   start this usherd with a temporary data directory and --demo, on\n"
                    "                        loopback, and sell its generated event (100)\n"
                    "  --seats N             with --spawn-usherd: seats of that event (default 20000)\n"
                    "  --target HOST:PORT    a running usherd; loopback addresses only\n"
                    "  --admin-token TOKEN   an admin token of that usherd (sets up the waiting room)\n"
                    "  --event ID            the event to sell (a fresh one: its room's onsale is set)\n"
                    "  --users N             virtual users (default 100000, at most 2000000)\n"
                    "  --bots F              share of bots (default 0.7)\n"
                    "  --abandon F           share of real users who abandon their hold (default 0.2)\n"
                    "  --pick F              share of real users who pick seats on the map (default 0.5)\n"
                    "  --ramp-ms MS          arrivals spread over this (default 30000)\n"
                    "  --onsale-after-ms MS  the onsale starts this long after the first arrival\n"
                    "                        (default: a quarter of the ramp)\n"
                    "  --duration-max-ms MS  stop after this, finished or not (default 300000)\n"
                    "  --think-ms MS         a buyer's pause before holding and before paying (default 1000)\n"
                    "  --connections N       keep-alive HTTP connections (default 64, at most 1000)\n"
                    "  --drain-rate R        the room's drain rate, users/s (default 500)\n"
                    "  --heartbeat-ms MS     the room's heartbeat interval (default 5000, at least 1000); a session\n"
                    "                        silent for two intervals loses its place\n"
                    "  --pow-bits N          the room's proof-of-work difficulty (default 8)\n"
                    "  --active-max N        the room's admitted sessions not finished yet (default 2000)\n"
                    "  --band-size N         the room's priority bands (default 500)\n"
                    "  --seed N              random seed (default 1)\n"
                    "  --json                the summary as one JSON object on stdout (the report lines go\n"
                    "                        to stderr)\n\n"
                    "Exit status: 0 fine; 1 an oversell, a protocol error or counts that disagree; 2 usage;\n"
                    "3 usherd could not be started or reached.\n")
                     .toLocal8Bit()
                     .constData());
}

template <typename Number>
bool parseNumber(std::string_view text, Number* value)
{
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
    return ec == std::errc() && end == text.data() + text.size();
}

struct Arguments {
    LoadOptions load;
    QString spawnUsherd;
    std::uint32_t seats = 20'000;
    bool targetGiven = false;
};

// Resolves HOST and refuses anything that is not a loopback address: the crowd never leaves the machine.
bool parseTarget(std::string_view text, LoadOptions* options, QString* error)
{
    const std::size_t colon = text.rfind(':');
    if (colon == std::string_view::npos || !parseNumber(text.substr(colon + 1), &options->port) || options->port == 0) {
        *error = tr("--target: expected HOST:PORT");
        return false;
    }
    std::string_view host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    const QString name = usher::toQString(host);
    QHostAddress address(name);
    if (address.isNull()) {
        const QList<QHostAddress> found = QHostInfo::fromName(name).addresses();
        if (!found.isEmpty())
            address = found.first();
    }
    if (address.isNull() || !address.isLoopback()) {
        *error = tr("--target %1: usher-loadgen only runs against loopback (127.0.0.0/8 or ::1); a flash crowd "
                    "is never aimed at another machine")
                     .arg(name);
        return false;
    }
    options->host = address;
    return true;
}

bool applyOption(Arguments& a, std::string_view name, std::string_view value, QString* error)
{
    LoadOptions& o = a.load;
    bool ok = true;
    if (name == "spawn-usherd")
        a.spawnUsherd = usher::toQString(value);
    else if (name == "seats")
        ok = parseNumber(value, &a.seats) && a.seats >= 10 && a.seats <= 1'000'000;
    else if (name == "target") {
        a.targetGiven = true;
        return parseTarget(value, &o, error);
    } else if (name == "admin-token")
        o.adminToken = QByteArray(value.data(), qsizetype(value.size()));
    else if (name == "event")
        ok = parseNumber(value, &o.event) && o.event > 0;
    else if (name == "users")
        ok = parseNumber(value, &o.users) && o.users >= 1 && o.users <= 2'000'000;
    else if (name == "bots")
        ok = parseNumber(value, &o.botShare) && o.botShare >= 0 && o.botShare <= 1;
    else if (name == "abandon")
        ok = parseNumber(value, &o.abandonShare) && o.abandonShare >= 0 && o.abandonShare <= 1;
    else if (name == "pick")
        ok = parseNumber(value, &o.pickShare) && o.pickShare >= 0 && o.pickShare <= 1;
    else if (name == "ramp-ms")
        ok = parseNumber(value, &o.rampMs) && o.rampMs >= 0 && o.rampMs <= 3'600'000;
    else if (name == "onsale-after-ms")
        ok = parseNumber(value, &o.onsaleAfterMs) && o.onsaleAfterMs >= 0 && o.onsaleAfterMs <= 3'600'000;
    else if (name == "duration-max-ms")
        ok = parseNumber(value, &o.durationMaxMs) && o.durationMaxMs >= 1'000 && o.durationMaxMs <= 4 * 3'600'000;
    else if (name == "think-ms")
        ok = parseNumber(value, &o.thinkMs) && o.thinkMs >= 0 && o.thinkMs <= 600'000;
    else if (name == "connections")
        ok = parseNumber(value, &o.connections) && o.connections >= 1 && o.connections <= 1'000;
    else if (name == "drain-rate")
        ok = parseNumber(value, &o.drainRatePerSecond) && o.drainRatePerSecond > 0 && o.drainRatePerSecond <= 1e6;
    else if (name == "heartbeat-ms")
        ok = parseNumber(value, &o.heartbeatIntervalMs) && o.heartbeatIntervalMs >= 1'000
            && o.heartbeatIntervalMs <= 300'000;
    else if (name == "pow-bits")
        ok = parseNumber(value, &o.powDifficultyBits) && o.powDifficultyBits <= 24;
    else if (name == "active-max")
        ok = parseNumber(value, &o.activeAdmittedMax) && o.activeAdmittedMax >= 1;
    else if (name == "band-size")
        ok = parseNumber(value, &o.bandSize) && o.bandSize >= 1;
    else if (name == "seed")
        ok = parseNumber(value, &o.seed);
    else {
        *error = tr("unknown option --%1").arg(usher::toQString(name));
        return false;
    }
    if (!ok)
        *error = tr("--%1: bad value '%2' (see --help for the range)")
                     .arg(usher::toQString(name),
                          usher::toQString(value));
    return ok;
}

// usherd as a child: a temporary data directory, an admin token, the demo events plus a generated
// event of `seats` seats (id 100), loopback on a free port, no fsync (the run measures the waiting
// room, not the disk).
class SpawnedUsherd {
public:
    bool start(const QString& program, std::uint32_t seats, LoadOptions* options, QString* error)
    {
        if (!m_dir.isValid()) {
            *error = tr("cannot create a temporary directory");
            return false;
        }
        QProcess token;
        token.start(program,
                    { QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--role"),
                      QStringLiteral("admin"), QStringLiteral("--data"), m_dir.path() });
        if (!token.waitForFinished(30'000) || token.exitCode() != 0) {
            *error
                = tr("%1 token create failed: %2").arg(program, QString::fromLocal8Bit(token.readAllStandardError()));
            return false;
        }
        options->adminToken = token.readAllStandardOutput().trimmed();
        const QString portFile = m_dir.path() + QStringLiteral("/usherd.port");
        m_process.setProcessChannelMode(QProcess::ForwardedOutputChannel); // usherd's log is its stderr: keep it
        // If usher-loadgen dies (Ctrl-C, a crash), its usherd goes too.
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        m_process.setStandardErrorFile(m_dir.path() + QStringLiteral("/usherd.log"));
        m_process.start(program,
                        { QStringLiteral("--data"), m_dir.path(), QStringLiteral("--listen"),
                          QStringLiteral("127.0.0.1:0"), QStringLiteral("--port-file"), portFile,
                          QStringLiteral("--demo"), QStringLiteral("--demo-large"), QString::number(seats),
                          QStringLiteral("--no-fsync"), QStringLiteral("--log-level"), QStringLiteral("warn"),
                          QStringLiteral("--max-connections"), QStringLiteral("2000") });
        if (!m_process.waitForStarted(10'000)) {
            *error = tr("cannot start %1: %2").arg(program, m_process.errorString());
            return false;
        }
        QDeadlineTimer deadline(60'000);
        while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
            QFile file(portFile);
            if (file.open(QIODevice::ReadOnly)) {
                options->port = quint16(file.readAll().trimmed().toUInt());
                if (options->port != 0)
                    break;
            }
            m_process.waitForFinished(20);
        }
        if (options->port == 0) {
            *error = tr("usherd did not start listening: %1").arg(log());
            return false;
        }
        options->host = QHostAddress(QHostAddress::LocalHost);
        options->event = 100;
        return true;
    }

    QString log() const
    {
        QFile file(m_dir.path() + QStringLiteral("/usherd.log"));
        return file.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(file.readAll().right(2'000)) : QString();
    }

    // SIGTERM, then wait: true when usherd shut down cleanly.
    bool stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return false;
        ::kill(pid_t(m_process.processId()), SIGTERM);
        if (!m_process.waitForFinished(30'000)) {
            m_process.kill();
            m_process.waitForFinished(5'000);
            return false;
        }
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    }

    ~SpawnedUsherd()
    {
        if (m_process.state() != QProcess::NotRunning)
            stop();
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
};

// Waits for usherd's /readyz (the events are warm) through the load generator's own blocking probe.
bool waitReady(const LoadOptions& options)
{
    QDeadlineTimer deadline(60'000);
    while (!deadline.hasExpired()) {
        QTcpSocket socket;
        socket.connectToHost(options.host, options.port);
        if (socket.waitForConnected(1'000)) {
            socket.write("GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            QByteArray in;
            while (socket.waitForReadyRead(2'000))
                in += socket.readAll();
            if (in.startsWith("HTTP/1.1 200"))
                return true;
        }
        QThread::msleep(50);
    }
    return false;
}

void printSummary(const usher::loadgen::LoadSummary& s, bool json)
{
    if (json) {
        std::printf("%s\n", QJsonDocument(s.toJson()).toJson(QJsonDocument::Compact).constData());
        return;
    }
    const QString text
        = tr("\nsummary\n"
             "  users                 %1 (%2 bots), %3 in %4 s\n"
             "  admissions            %5 by the server; %6 real users, %7 bots (bot share %8 %)\n"
             "  sales                 %9 orders, %10 of %11 seats; %12\n"
             "  fairness              Spearman %13 over %14 real users who joined after the onsale\n"
             "  holds / conflicts     %15 / %16 (409); 429s %17; abandoned %18; left open %32\n"
             "  lost places           %19 real users expired; %20 bots blocked, %21 bots refused at the join\n"
             "  oversells             %22 (orders read back: %23, seats in them %24, sold on the map %25)\n"
             "  count mismatches      %26; protocol errors %27 %28\n"
             "  requests              %29 (%30 bot requests shed, %31 reconnects)\n")
              .arg(s.users)
              .arg(s.bots)
              .arg(s.finished ? tr("finished") : tr("stopped at the duration cap"))
              .arg(double(s.elapsedMs) / 1000.0, 0, 'f', 1)
              .arg(s.admittedServer)
              .arg(s.admittedReal)
              .arg(s.admittedBots)
              .arg(s.botAdmissionShare * 100.0, 0, 'f', 2)
              .arg(s.sales)
              .arg(s.seatsSold)
              .arg(s.capacity)
              .arg(s.soldOut ? tr("sold out %1 s after the onsale").arg(double(s.sellOutMs) / 1000.0, 0, 'f', 1)
                             : tr("not sold out"))
              .arg(s.fairness, 0, 'f', 4)
              .arg(s.fairnessSample)
              .arg(s.holds)
              .arg(s.conflicts)
              .arg(s.tooManyRequests)
              .arg(s.abandoned)
              .arg(s.expiredReal)
              .arg(s.blockedBots)
              .arg(s.botsRefused)
              .arg(s.oversells)
              .arg(s.ordersChecked)
              .arg(s.seatsInOrders)
              .arg(s.availabilitySold)
              .arg(s.countMismatches)
              .arg(s.protocolErrors)
              .arg(QString::fromStdString(s.firstProtocolError))
              .arg(s.requests)
              .arg(s.shed)
              .arg(s.reconnects)
              .arg(s.holdsLeftOpen);
    std::printf("%s", text.toLocal8Bit().constData());
    // The availability cache (docs/design/usherd.md, "Caching"): during a sale every change drops
    // the cached body, so a low ratio means the map is rebuilt for most GETs.
    const QString cache = !s.cacheRead
        ? tr("  availability cache    not read (GET /metrics failed)\n")
        : tr("  availability cache    %1 hits, %2 misses: hit ratio %3 %%4\n")
              .arg(s.availabilityHits)
              .arg(s.availabilityMisses)
              .arg(s.availabilityHitRatio() * 100.0, 0, 'f', 1)
              .arg(s.availabilityHits + s.availabilityMisses >= 100 && s.availabilityHitRatio() < 0.5
                       ? tr(" (low: most GETs rebuilt the map)")
                       : QString());
    std::printf("%s", cache.toLocal8Bit().constData());
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    Arguments arguments;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            printUsage(stdout);
            return 0;
        }
        if (arg == "--json") {
            arguments.load.json = true;
            continue;
        }
        QString error;
        if (!arg.starts_with("--") || i + 1 >= argc) {
            error = tr("bad or incomplete argument %1").arg(QString::fromLocal8Bit(argv[i]));
        } else if (applyOption(arguments, arg.substr(2), argv[i + 1], &error)) {
            ++i;
            continue;
        }
        std::fprintf(stderr, "usher-loadgen: %s\n\n", error.toLocal8Bit().constData());
        printUsage(stderr);
        return kExitUsage;
    }
    if (arguments.spawnUsherd.isEmpty() == !arguments.targetGiven
        || (arguments.targetGiven && (arguments.load.adminToken.isEmpty() || arguments.load.event == 0))) {
        std::fprintf(stderr, "usher-loadgen: %s\n\n",
                     tr("give either --spawn-usherd PATH, or --target HOST:PORT with --admin-token and --event")
                         .toLocal8Bit()
                         .constData());
        printUsage(stderr);
        return kExitUsage;
    }

    std::unique_ptr<SpawnedUsherd> spawned;
    if (!arguments.spawnUsherd.isEmpty()) {
        spawned = std::make_unique<SpawnedUsherd>();
        QString error;
        if (!spawned->start(arguments.spawnUsherd, arguments.seats, &arguments.load, &error)) {
            std::fprintf(stderr, "usher-loadgen: %s\n", error.toLocal8Bit().constData());
            return kExitSetup;
        }
    }
    if (!waitReady(arguments.load)) {
        std::fprintf(stderr, "usher-loadgen: %s\n",
                     tr("usherd at %1:%2 is not ready (GET /readyz)")
                         .arg(arguments.load.host.toString())
                         .arg(arguments.load.port)
                         .toLocal8Bit()
                         .constData());
        return kExitSetup;
    }
    usher::loadgen::LoadGenerator generator(arguments.load);
    if (std::string error; !generator.prepare(&error)) {
        std::fprintf(stderr, "usher-loadgen: %s\n", error.c_str());
        return kExitSetup;
    }
    int status = 0;
    generator.start([&](const usher::loadgen::LoadSummary& summary) {
        printSummary(summary, arguments.load.json);
        const bool failed = summary.oversells > 0 || summary.protocolErrors > 0 || summary.countMismatches > 0;
        status = failed ? kExitFailed : 0;
        app.quit();
    });
    app.exec();
    if (spawned && !spawned->stop()) {
        std::fprintf(stderr, "usher-loadgen: %s\n",
                     tr("usherd did not shut down cleanly: %1").arg(spawned->log()).toLocal8Bit().constData());
        status = status == 0 ? kExitFailed : status;
    }
    return status;
}
