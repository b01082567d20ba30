#include "SyncLatencyBench.h"

#include "event/EventSpecJson.h"
#include "syncclient/CentralSeatFeed.h"

#ifdef USHER_BENCH_SYNC_LATENCY_MAP
#include "SeatMapModel.h"
#include "sync/CentralSeatOverlay.h"
#endif

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QFile>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace usher::bench {

namespace {

constexpr EventId kEvent = 100; // usherd --demo-large creates it
constexpr double kTargetP99Ms = 50;

std::int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

struct Options {
    std::uint32_t samples = 1000;
    std::uint32_t seats = 20'000;
    bool fsync = false;
    bool map = true; // with the GUI built: also the seat map (overlay + model) on the main thread
};

// HTTP/1.1 with keep-alive, blocking; enough for usherd's JSON answers.
class Http {
public:
    explicit Http(quint16 port)
        : m_port(port)
    {
    }
    int request(const QByteArray& method, const QByteArray& path, const QByteArray& bearer, const QByteArray& body,
                QByteArray* answer = nullptr)
    {
        if (m_socket.state() != QAbstractSocket::ConnectedState) {
            m_socket.connectToHost(QStringLiteral("127.0.0.1"), m_port);
            if (!m_socket.waitForConnected(5000))
                return 0;
        }
        QByteArray text = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        if (!bearer.isEmpty())
            text += "Authorization: Bearer " + bearer + "\r\n";
        text += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
        m_socket.write(text + body);
        QByteArray buffer;
        qsizetype end = -1;
        while ((end = buffer.indexOf("\r\n\r\n")) < 0) {
            if (!m_socket.waitForReadyRead(10'000))
                return 0;
            buffer += m_socket.readAll();
        }
        const QByteArray head = buffer.left(end).toLower();
        const qsizetype at = head.indexOf("content-length:");
        const qsizetype length
            = at < 0 ? 0 : head.mid(at + 15, head.indexOf('\r', at) - at - 15).trimmed().toLongLong();
        while (buffer.size() < end + 4 + length) {
            if (!m_socket.waitForReadyRead(10'000))
                return 0;
            buffer += m_socket.readAll();
        }
        if (answer != nullptr)
            *answer = buffer.mid(end + 4, length);
        return buffer.mid(9, 3).toInt();
    }

private:
    quint16 m_port;
    QTcpSocket m_socket;
};

class Usherd {
public:
    ~Usherd()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(30'000))
                m_process.kill();
        }
    }
    static QByteArray adminToken(const QString& data)
    {
        QProcess p;
        p.start(QStringLiteral(USHERD_PATH),
                { QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--role"), QStringLiteral("admin"),
                  QStringLiteral("--data"), data });
        return p.waitForFinished(30'000) && p.exitCode() == 0 ? p.readAllStandardOutput().trimmed() : QByteArray();
    }
    bool start(const QString& data, const Options& options)
    {
        const QString portFile = data + QStringLiteral("/port");
        QStringList arguments { QStringLiteral("--data"),
                                data,
                                QStringLiteral("--listen"),
                                QStringLiteral("127.0.0.1:0"),
                                QStringLiteral("--port-file"),
                                portFile,
                                QStringLiteral("--demo"),
                                QStringLiteral("--demo-large"),
                                QString::number(options.seats),
                                QStringLiteral("--log-level"),
                                QStringLiteral("warn"),
                                QStringLiteral("--rate-limit"),
                                QStringLiteral("0") };
        if (!options.fsync)
            arguments << QStringLiteral("--no-fsync");
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral(USHERD_PATH), arguments);
        if (!m_process.waitForStarted(5000))
            return false;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 120'000 && m_process.state() == QProcess::Running) {
            QFile file(portFile);
            if (file.open(QIODevice::ReadOnly) && (port = quint16(file.readAll().trimmed().toUInt())) != 0) {
                Http http(port);
                if (http.request("GET", "/readyz", {}, {}) == 200)
                    return true;
            }
            QThread::msleep(50);
        }
        return false;
    }
    quint16 port = 0;

private:
    QProcess m_process;
};

// The box office's side: a CentralSeatFeed on its own thread with an event loop, as in the app;
// it stamps the moment each seat's change arrives in the model.
class FeedThread {
public:
    FeedThread(quint16 port, VenuePtr venue)
        : m_seen(venue->seats.size())
    {
        for (auto& s : m_seen)
            s.store(0);
        m_anchor.moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(
            &m_anchor,
            [this, port, venue] {
                m_feed = new CentralSeatFeed(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)));
                QObject::connect(m_feed, &CentralSeatFeed::snapshotReceived, m_feed, [this] {
                    m_states = m_feed->states(kEvent);
                    m_loaded.store(true);
                });
                QObject::connect(m_feed, &CentralSeatFeed::seatsChanged, m_feed,
                                 [this, venue](quint64, quint64, const QList<quint32>& seats) {
                                     const std::int64_t t = nowNs();
                                     for (quint32 s : seats)
                                         if (const SeatIndex i = venue->seatIndex(s); i != kNoSeat)
                                             m_seen[i].store(t);
                                 });
                m_feed->subscribe(kEvent, venue);
                m_feed->start();
            },
            Qt::BlockingQueuedConnection);
    }
    ~FeedThread()
    {
        QMetaObject::invokeMethod(
            &m_anchor, [this] { delete m_feed; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    bool waitLoaded(int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (!m_loaded.load() && timer.elapsed() < timeoutMs)
            QThread::msleep(5);
        return m_loaded.load();
    }
    const std::string& states() const { return m_states; }
    std::int64_t seen(SeatIndex i) const { return m_seen[i].load(); }

private:
    QThread m_thread;
    QObject m_anchor; // on m_thread: where the feed's calls run
    CentralSeatFeed* m_feed = nullptr;
    std::vector<std::atomic<std::int64_t>> m_seen;
    std::atomic<bool> m_loaded { false };
    std::string m_states;
};

// Blocks seats on usherd from a thread of its own, so that the main thread (the box office's GUI
// thread, where the seat map's overlay runs) keeps running its event loop meanwhile, as in the app.
class Requester {
public:
    Requester(quint16 port, QByteArray admin)
        : m_thread([this, port, admin] { run(port, admin); })
    {
    }
    ~Requester()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    void block(SeatId seat)
    {
        {
            std::lock_guard lock(m_mutex);
            m_seat = seat;
            m_done = false;
        }
        m_wake.notify_all();
    }
    // True once the request of block() was answered: its status and when.
    bool answered(int* status, std::int64_t* at)
    {
        std::lock_guard lock(m_mutex);
        *status = m_status;
        *at = m_answeredAt;
        return m_done;
    }

private:
    void run(quint16 port, const QByteArray& admin)
    {
        Http http(port); // created on this thread: its socket lives here
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_wake.wait(lock, [this] { return m_stop || m_seat != 0; });
            if (m_stop)
                return;
            const SeatId seat = std::exchange(m_seat, 0);
            lock.unlock();
            const int status = http.request("POST", "/api/events/100/block", admin,
                                            "{\"seats\":[" + QByteArray::number(seat) + "],\"reason\":\"bench\"}");
            const std::int64_t at = nowNs();
            lock.lock();
            m_status = status;
            m_answeredAt = at;
            m_done = true;
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    SeatId m_seat = 0;
    bool m_done = false;
    bool m_stop = false;
    int m_status = 0;
    std::int64_t m_answeredAt = 0;
    std::thread m_thread; // last: it starts once the members above exist
};

#ifdef USHER_BENCH_SYNC_LATENCY_MAP
// The box office's seat map as the counter runs it: a CentralSeatFeed on the main thread, the
// CentralSeatOverlay and the SeatMapModel it feeds (perspective of a box office, channel 2). It
// stamps the moment the model shows a seat blocked (its seatsChanged signal, after setOverlay).
class MapSide {
public:
    MapSide(quint16 port, const EventSpec& spec)
        : m_feed(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)))
        , m_model(spec, ui::SeatMapPerspective { Actor { ActorKind::Clerk, 1 }, 2 })
        , m_seen(spec.venue->seats.size(), 0)
    {
        QObject::connect(&m_model, &ui::SeatMapModel::seatsChanged, &m_model,
                         [this](const std::vector<SeatIndex>& seats) {
                             const std::int64_t t = nowNs();
                             for (const SeatIndex i : seats)
                                 if (m_model.state(i) == ui::SeatMapState::Blocked && m_seen[i] == 0)
                                     m_seen[i] = t;
                         });
        m_overlay = std::make_unique<ui::CentralSeatOverlay>(m_feed, m_model, kEvent);
        m_feed.start();
    }
    bool loaded() const { return !m_feed.states(kEvent).empty(); }
    std::int64_t seen(SeatIndex i) const { return m_seen[i]; }

private:
    CentralSeatFeed m_feed;
    ui::SeatMapModel m_model;
    std::unique_ptr<ui::CentralSeatOverlay> m_overlay;
    std::vector<std::int64_t> m_seen;
};
#else
class MapSide { // no GUI in this build: the feed-only figure
public:
    MapSide(quint16, const EventSpec&) { }
    bool loaded() const { return true; }
    std::int64_t seen(SeatIndex) const { return 0; }
};
#endif

// Runs the main thread's event loop until `done` or `timeoutMs`.
template <typename Done>
bool spin(Done done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QTimer wake; // wakes the loop now and then even when no event comes
    wake.start(1);
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    return done();
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t i = std::min(values.size() - 1, std::size_t(p * double(values.size() - 1) + 0.5));
    return values[i];
}

bool parse(const std::vector<std::string_view>& arguments, Options* o)
{
    auto number = [](std::string_view text, std::uint32_t* out) {
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
        return ec == std::errc() && end == text.data() + text.size() && *out > 0;
    };
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string_view a = arguments[i];
        if (a == "--quick")
            o->samples = 100, o->seats = 2000;
        else if (a == "--fsync")
            o->fsync = true;
        else if (a == "--feed-only")
            o->map = false;
        else if (a == "--samples" && i + 1 < arguments.size() && number(arguments[i + 1], &o->samples))
            ++i;
        else if (a == "--seats" && i + 1 < arguments.size() && number(arguments[i + 1], &o->seats))
            ++i;
        else {
            std::fprintf(stderr,
                         "usage: usher-bench sync-latency [--quick] [--samples N] [--seats N] [--fsync] [--feed-only]\n"
                         "Blocks N seats one at a time on a real usherd (POST /api/events/100/block) and measures\n"
                         "how long each change takes to reach the box office's CentralSeatFeed over /ws (on a\n"
                         "thread of its own) and, when the GUI is built, its seat map: the counter's\n"
                         "CentralSeatOverlay and SeatMapModel on the main thread, with a feed of their own\n"
                         "(--feed-only: not the seat map).\n");
            return false;
        }
    }
    return true;
}

int measure(const Options& options)
{
    QTemporaryDir dir;
    const QByteArray admin = Usherd::adminToken(dir.path());
    Usherd usherd;
    if (admin.isEmpty() || !usherd.start(dir.path(), options)) {
        std::fprintf(stderr, "usher-bench sync-latency: cannot start usherd\n");
        return 1;
    }
    Http http(usherd.port);
    QByteArray body;
    EventSpec spec;
    std::string error;
    if (http.request("GET", "/api/events/100", {}, {}, &body) != 200 || !eventSpecFromJson(body, &spec, &error)) {
        std::fprintf(stderr, "usher-bench sync-latency: cannot read event 100: %s\n", error.c_str());
        return 1;
    }
    FeedThread feed(usherd.port, spec.venue);
#ifdef USHER_BENCH_SYNC_LATENCY_MAP
    const bool map = options.map;
#else
    const bool map = false;
#endif
    std::unique_ptr<MapSide> seatMap = map ? std::make_unique<MapSide>(usherd.port, spec) : nullptr;
    if (!feed.waitLoaded(30'000) || (seatMap != nullptr && !spin([&] { return seatMap->loaded(); }, 30'000))) {
        std::fprintf(stderr, "usher-bench sync-latency: no snapshot from /ws\n");
        return 1;
    }
    Requester requester(usherd.port, admin);
    std::vector<double> toFeed, toMap, toAnswer;
    for (SeatIndex i = 0; i < spec.venue->seats.size() && toFeed.size() < options.samples; ++i) {
        if (feed.states().size() <= i || feed.states()[i] != '0')
            continue;
        const SeatId seat = spec.venue->seats[i].id;
        const std::int64_t t0 = nowNs();
        requester.block(seat);
        int status = 0;
        std::int64_t answered = 0;
        const bool arrived = spin(
            [&] {
                return requester.answered(&status, &answered) && feed.seen(i) != 0
                    && (seatMap == nullptr || seatMap->seen(i) != 0);
            },
            5000);
        if (status != 200 && requester.answered(&status, &answered)) {
            std::fprintf(stderr, "usher-bench sync-latency: block answered %d\n", status);
            return 1;
        }
        if (!arrived) {
            std::fprintf(stderr, "usher-bench sync-latency: seat %u never reached the %s\n", unsigned(seat),
                         feed.seen(i) == 0 ? "feed" : "seat map");
            return 1;
        }
        toFeed.push_back(double(feed.seen(i) - t0) / 1e6);
        if (seatMap != nullptr)
            toMap.push_back(double(seatMap->seen(i) - t0) / 1e6);
        toAnswer.push_back(double(answered - t0) / 1e6);
    }
    std::printf("sync-latency: %zu seat changes on usherd (block, %s) until the box office has them\n",
                toFeed.size(), options.fsync ? "fsync" : "--no-fsync");
    std::printf("%-56s %9s %9s %9s %9s\n", "ms", "p50", "p90", "p99", "max");
    const auto row = [](const char* name, const std::vector<double>& v) {
        std::printf("%-56s %9.2f %9.2f %9.2f %9.2f\n", name, percentile(v, 0.5), percentile(v, 0.9),
                    percentile(v, 0.99), percentile(v, 1.0));
    };
    if (seatMap != nullptr)
        row("change -> seat map (overlay -> SeatMapModel)", toMap);
    row("change -> box office feed (CentralSeatFeed, own thread)", toFeed);
    row("change -> HTTP answer (for comparison)", toAnswer);
    const double p99 = percentile(seatMap != nullptr ? toMap : toFeed, 0.99);
    std::printf("target p99 <= %.0f ms (%s): %s\n", kTargetP99Ms, seatMap != nullptr ? "seat map" : "feed",
                p99 <= kTargetP99Ms ? "met" : "NOT met");
    return 0;
}

} // namespace

int runSyncLatencyBenchCommand(const std::vector<std::string_view>& arguments)
{
    Options options;
    if (!parse(arguments, &options))
        return 2;
    if (QCoreApplication::instance() != nullptr)
        return measure(options);
    int argc = 1;
    char name[] = "usher-bench";
    char* argv[] = { name, nullptr };
    QCoreApplication app(argc, argv);
    return measure(options);
}

} // namespace usher::bench
