#include "syncclient/SyncClient.h"

#include "core/Assert.h"
#include "core/Random.h"
#include "syncclient/EventDownload.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QStringList>
#include <QThread>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <chrono>
#include <future>
#include <memory>
#include <utility>

namespace usher {

namespace {

// A frame a little over the protocol's limit is still read, then refused by the decoder with a reason.
constexpr quint64 kIncomingFrameBytesMax = kSyncMessageBytesMax + 64 * 1024;

bool sameStatus(const SyncClientStatus& a, const SyncClientStatus& b)
{
    return a.sync.state == b.sync.state && a.sync.pending == b.sync.pending && a.sync.rejected == b.sync.rejected
        && a.sync.failures == b.sync.failures && a.sync.refusal == b.sync.refusal && a.running == b.running
        && a.enabled == b.enabled && a.transportError == b.transportError && a.anomalies == b.anomalies
        && a.eventsDownloaded == b.eventsDownloaded && a.downloadError == b.downloadError;
}

QByteArray csvField(const QString& text)
{
    QByteArray bytes = text.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') || bytes.contains('\r')) {
        bytes.replace("\"", "\"\"");
        bytes = '"' + bytes + '"';
    }
    return bytes;
}

} // namespace

const char* syncRouteName(SyncRoute route)
{
    switch (route) {
    case SyncRoute::Local: return "local";
    case SyncRoute::Online: return "online";
    case SyncRoute::Refused: return "refused";
    }
    return "?";
}

const char* syncLocalStateName(SyncLocalState state)
{
    switch (state) {
    case SyncLocalState::Intent: return "intent";
    case SyncLocalState::Done: return "done";
    case SyncLocalState::Void: return "void";
    }
    return "?";
}

QByteArray syncOutboxCsvHeader()
{
    return QByteArrayLiteral("seq,id,kind,event,seats,created,local,acknowledged,central\r\n");
}

QByteArray syncOutboxCsvLine(const SyncOutboxEntry& e)
{
    QStringList seats;
    for (SeatId s : e.op.seats)
        seats.push_back(QString::number(s));
    if (e.op.area != 0) // GA places: "area <id> x <quantity>"
        seats.push_back(QStringLiteral("area %1 x %2").arg(e.op.area).arg(e.op.quantity));
    const QString created = QDateTime::fromMSecsSinceEpoch(e.createdAt, Qt::UTC).toString(Qt::ISODateWithMs);
    QByteArray line = QByteArray::number(qulonglong(e.op.seq)) + ',' + csvField(QString::fromStdString(e.op.id)) + ','
        + syncOpKindName(e.op.kind) + ',' + QByteArray::number(qulonglong(e.op.event)) + ','
        + csvField(seats.join(QLatin1Char(' '))) + ',' + created.toLatin1() + ',' + syncLocalStateName(e.local) + ','
        + (e.acked ? "yes" : "no") + ',' + (e.central ? statusName(*e.central) : "") + "\r\n";
    return line;
}

// ---- the worker: everything here runs on the client's thread ----

class SyncClientWorker final : public QObject {
public:
    SyncClientWorker(SyncClient& client, SyncLedger& ledger, const SyncClientOptions& options)
        : m_client(client)
        , m_ledger(ledger)
        , m_options(options)
        , m_url(syncEndpointUrl(options.credentials))
    {
    }

    bool open(std::string* error);
    void close();
    void setEnabled(bool enabled);
    SyncBoxOffice* office() { return m_office.get(); }
    // After every call into the office: send what it queued, close when it asks, publish the status.
    void flush(bool forceStatus = false);
    using OnlineDone = std::function<void(const SyncOnlineResult&)>;
    void online(const SyncOnlineRequest& request, int timeoutMs, OnlineDone done);

private:
    Timestamp now() const { return m_options.clock(); }
    void tick();
    void connectNow();
    void dropSocket();
    void socketClosed(QWebSocket* socket);
    void publishStatus(bool force);
    void connectionFailed(const QString& why);
    void download();
    void answerOnline();
    // Every online request still waiting gets NoAnswer with `why` (the connection is gone or it timed out).
    void failOnline(const QString& why, bool expiredOnly);

    struct PendingOnline {
        std::string id;
        std::chrono::steady_clock::time_point deadline;
        OnlineDone done;
    };

    SyncClient& m_client;
    SyncLedger& m_ledger;
    const SyncClientOptions m_options;
    const QUrl m_url;
    std::unique_ptr<SyncBoxOffice> m_office;
    QWebSocket* m_socket = nullptr;
    QTimer* m_tick = nullptr;
    bool m_enabled = true;
    QString m_transportError;
    QThread* m_download = nullptr; // the running event download
    std::uint64_t m_eventsDownloaded = 0;
    std::string m_downloadError;
    SyncClientStatus m_published;
    Timestamp m_publishedAt = 0;
    std::vector<PendingOnline> m_online;
};

void SyncClientWorker::online(const SyncOnlineRequest& request, int timeoutMs, OnlineDone done)
{
    SyncOnlineResult result;
    if (m_office == nullptr || !m_office->sendOnline(request)) {
        result.outcome = SyncOnlineOutcome::Unreachable;
        result.message = SyncClient::tr("usherd is unreachable: only the seats allocated to this box office can be "
                                        "sold. Nothing was held or sold.")
                             .toStdString();
        done(result);
        return;
    }
    m_online.push_back(PendingOnline {
        request.id, std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs), std::move(done) });
    flush();
}

void SyncClientWorker::answerOnline()
{
    if (m_office == nullptr)
        return;
    for (SyncOnlineReply& reply : m_office->takeOnlineReplies()) {
        auto it = std::find_if(m_online.begin(), m_online.end(),
                               [&](const PendingOnline& p) { return p.id == reply.id; });
        if (it == m_online.end())
            continue; // the answer to an attempt given up on: its retry asks again
        SyncOnlineResult result;
        result.outcome = SyncOnlineOutcome::Answered;
        result.reply = std::move(reply);
        const OnlineDone done = std::move(it->done);
        m_online.erase(it);
        done(result);
    }
}

void SyncClientWorker::failOnline(const QString& why, bool expiredOnly)
{
    const auto t = std::chrono::steady_clock::now();
    std::vector<PendingOnline> failed;
    for (auto it = m_online.begin(); it != m_online.end();) {
        if (expiredOnly && it->deadline > t) {
            ++it;
            continue;
        }
        failed.push_back(std::move(*it));
        it = m_online.erase(it);
    }
    for (PendingOnline& p : failed) {
        SyncOnlineResult result;
        result.outcome = SyncOnlineOutcome::NoAnswer;
        result.reply.id = p.id;
        result.message = why.toStdString();
        p.done(result);
    }
}

bool SyncClientWorker::open(std::string* error)
{
    SyncBoxOfficeOptions o;
    o.device = m_options.credentials.device;
    o.token = m_options.credentials.token;
    o.channel = m_options.credentials.channel;
    o.outboxPath = m_options.outboxPath;
    o.durability = m_options.durability;
    o.backoffBaseMs = m_options.backoffBaseMs;
    o.backoffMaxMs = m_options.backoffMaxMs;
    o.retransmitMs = m_options.retransmitMs;
    o.handshakeTimeoutMs = m_options.handshakeTimeoutMs;
    o.opsPerMessageMax = m_options.opsPerMessageMax;
    o.opsInFlightMax = m_options.opsInFlightMax;
    o.seed = m_options.seed;
    m_office = SyncBoxOffice::open(o, m_ledger, now(), error);
    if (m_office == nullptr)
        return false;
    m_tick = new QTimer(this);
    m_tick->setInterval(m_options.tickMs);
    QObject::connect(m_tick, &QTimer::timeout, this, [this] { tick(); });
    m_tick->start();
    tick();
    return true;
}

void SyncClientWorker::close()
{
    if (m_tick != nullptr)
        m_tick->stop();
    if (m_download != nullptr) {
        QObject::disconnect(m_download, nullptr, this, nullptr);
        m_download->wait();
        delete m_download;
        m_download = nullptr;
    }
    dropSocket();
    failOnline(SyncClient::tr("The box office stopped syncing before usherd answered."), false);
    if (m_office != nullptr)
        m_office->closed(now());
    publishStatus(true);
    m_office.reset();
    SyncClientStatus stopped = m_published;
    stopped.running = false;
    stopped.sync.state = SyncState::Offline;
    m_client.publish(stopped);
}

void SyncClientWorker::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (!enabled && m_office != nullptr) {
        dropSocket();
        m_office->closed(now());
    }
    publishStatus(true);
    if (enabled)
        tick();
}

void SyncClientWorker::tick()
{
    if (m_office == nullptr)
        return;
    const Timestamp t = now();
    m_office->tick(t);
    if (m_enabled && m_socket == nullptr && m_office->shouldConnect(t))
        connectNow();
    flush();
    if (!m_online.empty())
        failOnline(SyncClient::tr("usherd did not answer in time: whether it counted is not known. Try again: "
                                  "the same request never sells twice."),
                   true);
}

void SyncClientWorker::connectNow()
{
    dropSocket();
    auto* socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    socket->setMaxAllowedIncomingMessageSize(kIncomingFrameBytesMax);
    if (!m_options.caCertificatesPem.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromData(m_options.caCertificatesPem, QSsl::Pem));
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        socket->setSslConfiguration(tls);
    }
    QObject::connect(socket, &QWebSocket::connected, this, [this, socket] {
        if (socket != m_socket)
            return;
        m_office->opened(now());
        flush(true);
    });
    QObject::connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString& text) {
        if (socket != m_socket)
            return;
        const QByteArray utf8 = text.toUtf8();
        const bool wasConnecting = m_office->state() == SyncState::Connecting;
        m_office->received(std::string_view(utf8.constData(), std::size_t(utf8.size())), now());
        if (wasConnecting && m_office->state() != SyncState::Connecting && m_office->state() != SyncState::Offline) {
            m_transportError.clear();              // welcomed
            if (m_options.downloadInto != nullptr) // after this message is handled, not inside it
                QMetaObject::invokeMethod(
                    this, [this] { download(); }, Qt::QueuedConnection);
        }
        flush(wasConnecting);
    });
    QObject::connect(socket, &QWebSocket::sslErrors, this, [this, socket](const QList<QSslError>& errors) {
        if (socket != m_socket)
            return;
        QStringList texts;
        for (const QSslError& e : errors)
            texts.push_back(e.errorString());
        //: %1 is the server's address, %2 the TLS library's reasons.
        connectionFailed(SyncClient::tr("The TLS certificate of %1 is not trusted: %2")
                             .arg(m_url.toString(), texts.join(QStringLiteral("; "))));
    });
    QObject::connect(
        socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
        [this, socket](QAbstractSocket::SocketError) {
            if (socket != m_socket)
                return;
            //: %1 is the server's address, %2 the reason.
            m_transportError
                = SyncClient::tr("Could not reach usherd at %1: %2").arg(m_url.toString(), socket->errorString());
            if (socket->state() == QAbstractSocket::UnconnectedState)
                socketClosed(socket);
        });
    QObject::connect(socket, &QWebSocket::disconnected, this, [this, socket] { socketClosed(socket); });
    m_office->connecting(now());
    socket->open(m_url);
    publishStatus(true);
}

void SyncClientWorker::connectionFailed(const QString& why)
{
    m_transportError = why;
    dropSocket();
    m_office->closed(now());
    publishStatus(true);
}

// On a thread of its own (the HTTP requests block and need an event loop of their own; a nested
// loop here would let stop() delete this worker in the middle). One download at a time; close()
// waits for a running one (each request has a timeout).
void SyncClientWorker::download()
{
    if (m_download != nullptr || m_office == nullptr)
        return;
    struct Outcome {
        bool ok = false;
        EventDownloadResult result;
        QString error;
    };
    auto outcome = std::make_shared<Outcome>();
    Engine* engine = m_options.downloadInto;
    const QUrl base = httpBaseUrl(m_options.credentials);
    const QByteArray pem = m_options.caCertificatesPem;
    m_download = QThread::create([outcome, engine, base, pem] {
        outcome->ok = downloadEvents(base, *engine, &outcome->result, &outcome->error, pem);
    });
    QObject::connect(m_download, &QThread::finished, this, [this, outcome] {
        if (!outcome->ok)
            m_downloadError = outcome->error.toStdString();
        else if (!outcome->result.refused.empty())
            //: %1 is an event id with the reason.
            m_downloadError = SyncClient::tr("Some events could not be downloaded: %1")
                                  .arg(QString::fromStdString(outcome->result.refused.front()))
                                  .toStdString();
        else
            m_downloadError.clear();
        m_eventsDownloaded += outcome->result.created;
        m_download->deleteLater();
        m_download = nullptr;
        publishStatus(true);
    });
    m_download->start();
}

void SyncClientWorker::socketClosed(QWebSocket* socket)
{
    if (socket != m_socket)
        return;
    const SyncState state = m_office->state();
    if (state == SyncState::Online || state == SyncState::Syncing) {
        const QString reason = socket->closeReason();
        //: %1 is the server's address.
        m_transportError = reason.isEmpty()
            ? SyncClient::tr("The connection to %1 closed.").arg(m_url.toString())
            //: %1 is the server's address, %2 the reason usherd gave.
            : SyncClient::tr("usherd at %1 closed the connection: %2").arg(m_url.toString(), reason);
    } else if (socket->error() != QAbstractSocket::UnknownSocketError) {
        //: %1 is the server's address, %2 the reason.
        m_transportError
            = SyncClient::tr("Could not reach usherd at %1: %2").arg(m_url.toString(), socket->errorString());
    } else if (m_office->status(now()).refusal.empty()) {
        //: %1 is the server's address.
        m_transportError
            = SyncClient::tr("usherd at %1 closed the connection during the handshake.").arg(m_url.toString());
    }
    dropSocket();
    m_office->closed(now());
    publishStatus(true);
}

void SyncClientWorker::dropSocket()
{
    if (m_socket == nullptr)
        return;
    QWebSocket* socket = std::exchange(m_socket, nullptr);
    QObject::disconnect(socket, nullptr, this, nullptr);
    socket->abort();
    socket->deleteLater();
    if (!m_online.empty())
        failOnline(SyncClient::tr("The connection to usherd dropped before it answered: whether it counted is not "
                                  "known. Try again: the same request never sells twice."),
                   false);
}

void SyncClientWorker::flush(bool forceStatus)
{
    if (m_office == nullptr)
        return;
    answerOnline();
    const std::vector<std::string> out = m_office->takeOutgoing();
    if (m_socket != nullptr && m_socket->state() == QAbstractSocket::ConnectedState) {
        for (const std::string& text : out)
            m_socket->sendTextMessage(QString::fromStdString(text));
    }
    if (m_office->takeCloseRequest()) {
        const SyncState state = m_office->state();
        if (state == SyncState::Connecting && m_office->status(now()).refusal.empty())
            //: %1 is the server's address, %2 a number of seconds.
            m_transportError = SyncClient::tr("usherd at %1 did not answer the handshake within %2 s.")
                                   .arg(m_url.toString())
                                   .arg(double(m_options.handshakeTimeoutMs) / 1000.0);
        dropSocket();
        m_office->closed(now());
        forceStatus = true;
    }
    publishStatus(forceStatus);
}

void SyncClientWorker::publishStatus(bool force)
{
    if (m_office == nullptr)
        return;
    const Timestamp t = now();
    SyncClientStatus s;
    s.sync = m_office->status(t);
    s.running = true;
    s.enabled = m_enabled;
    s.server = m_url.toString().toStdString();
    s.transportError = m_transportError.toStdString();
    s.anomalies = m_office->anomalies();
    s.eventsDownloaded = m_eventsDownloaded;
    s.downloadError = m_downloadError;
    const bool ageDue = s.sync.pending != 0 && t - m_publishedAt >= m_options.statusPeriodMs;
    if (!force && !ageDue && sameStatus(s, m_published))
        return;
    m_published = s;
    m_publishedAt = t;
    m_client.publish(s);
}

// ---- the client: the caller's thread ----

SyncClient::SyncClient(SyncLedger& ledger, SyncClientOptions options, QObject* parent)
    : QObject(parent)
    , m_ledger(ledger)
    , m_options(std::move(options))
{
    qRegisterMetaType<usher::SyncClientStatus>();
    m_status.server = syncEndpointUrl(m_options.credentials).toString().toStdString();
}

SyncClient::~SyncClient()
{
    stop();
}

template <typename F>
void SyncClient::onWorker(F&& job)
{
    USHER_ASSERT(m_worker != nullptr);
    if (QThread::currentThread() == m_thread.get())
        job();
    else
        QMetaObject::invokeMethod(m_worker, std::forward<F>(job), Qt::BlockingQueuedConnection);
}

bool SyncClient::start(QString* error)
{
    if (m_thread != nullptr)
        return true;
    if (const std::string problem = deviceCredentialsProblem(m_options.credentials); !problem.empty()) {
        *error = QString::fromStdString(problem);
        return false;
    }
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("usher-sync"));
    m_worker = new SyncClientWorker(*this, m_ledger, m_options);
    m_worker->moveToThread(m_thread.get());
    m_thread->start();
    bool opened = false;
    std::string problem;
    onWorker([&] { opened = m_worker->open(&problem); });
    if (!opened) {
        //: %1 is a file, %2 the reason.
        *error = tr("Could not open the sync outbox %1: %2")
                     .arg(QString::fromStdString(m_options.outboxPath), QString::fromStdString(problem));
        stop();
        return false;
    }
    return true;
}

void SyncClient::stop()
{
    if (m_thread == nullptr)
        return;
    SyncClientWorker* worker = m_worker;
    onWorker([worker] {
        worker->close();
        delete worker; // on its own thread: its timers and socket go with it
    });
    m_worker = nullptr;
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
}

bool SyncClient::isRunning() const
{
    return m_thread != nullptr;
}

void SyncClient::setConnectionEnabled(bool enabled)
{
    if (m_worker == nullptr)
        return;
    SyncClientWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, enabled] { worker->setEnabled(enabled); }, Qt::QueuedConnection);
}

SyncClientStatus SyncClient::status() const
{
    std::lock_guard lock(m_statusMutex);
    return m_status;
}

void SyncClient::publish(const SyncClientStatus& status)
{
    {
        std::lock_guard lock(m_statusMutex);
        m_status = status;
    }
    QMetaObject::invokeMethod(
        this, [this, status] { Q_EMIT statusChanged(status); }, Qt::QueuedConnection);
}

void SyncClient::sell(const SyncSaleRequest& request, QObject* context,
                      std::function<void(const SyncLocalResult&)> done)
{
    USHER_ASSERT(context != nullptr && m_worker != nullptr);
    SyncClientWorker* worker = m_worker;
    QPointer<QObject> answerTo(context);
    QMetaObject::invokeMethod(
        worker,
        [worker, request, answerTo, done = std::move(done), clock = m_options.clock] {
            const SyncLocalResult result = worker->office()->sell(request, clock());
            worker->flush();
            if (answerTo)
                QMetaObject::invokeMethod(
                    answerTo.data(), [done, result] { done(result); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void SyncClient::refund(const std::string& saleOp, std::vector<std::uint32_t> positions, Amount amount,
                        std::string reason, std::uint64_t clerk, QObject* context,
                        std::function<void(const SyncLocalResult&)> done)
{
    USHER_ASSERT(context != nullptr && m_worker != nullptr);
    SyncClientWorker* worker = m_worker;
    QPointer<QObject> answerTo(context);
    QMetaObject::invokeMethod(
        worker,
        [=, positions = std::move(positions), reason = std::move(reason), done = std::move(done),
         clock = m_options.clock] {
            const SyncLocalResult result = worker->office()->refund(saleOp, positions, amount, reason, clerk, clock());
            worker->flush();
            if (answerTo)
                QMetaObject::invokeMethod(
                    answerTo.data(), [done, result] { done(result); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

SyncLocalResult SyncClient::sellNow(const SyncSaleRequest& request)
{
    SyncLocalResult result;
    if (m_worker == nullptr) {
        result.status = Status::ShuttingDown;
        return result;
    }
    onWorker([&] {
        result = m_worker->office()->sell(request, m_options.clock());
        m_worker->flush();
    });
    return result;
}

SyncLocalResult SyncClient::exchangeNow(const std::string& saleOp, std::uint32_t position, SeatId newSeat,
                                        std::uint64_t clerk)
{
    SyncLocalResult result;
    result.status = Status::ShuttingDown;
    if (m_worker == nullptr)
        return result;
    onWorker([&] {
        result = m_worker->office()->exchange(saleOp, position, newSeat, clerk, m_options.clock());
        m_worker->flush();
    });
    return result;
}

SyncLocalResult SyncClient::beginExternalSaleNow(const SyncSaleRequest& request, HoldId localHold)
{
    SyncLocalResult result;
    result.status = Status::ShuttingDown;
    if (m_worker == nullptr)
        return result;
    onWorker([&] {
        result = m_worker->office()->beginExternalSale(request, localHold, m_options.clock());
        m_worker->flush();
    });
    return result;
}

SyncLocalResult SyncClient::beginExternalRefundNow(OrderId localOrder, std::vector<TicketId> tickets,
                                                   std::string reason, std::uint64_t clerk)
{
    SyncLocalResult result;
    result.status = Status::ShuttingDown;
    if (m_worker == nullptr)
        return result;
    onWorker([&] {
        result = m_worker->office()->beginExternalRefund(localOrder, std::move(tickets), std::move(reason), clerk,
                                                         m_options.clock());
        m_worker->flush();
    });
    return result;
}

SyncLocalResult SyncClient::finishExternalNow(const std::string& opId)
{
    SyncLocalResult result;
    result.status = Status::ShuttingDown;
    if (m_worker == nullptr)
        return result;
    onWorker([&] {
        result = m_worker->office()->finishExternal(opId, m_options.clock());
        m_worker->flush();
    });
    return result;
}

SyncLocalResult SyncClient::officeNow(const std::function<SyncLocalResult(SyncBoxOffice&, Timestamp)>& job)
{
    SyncLocalResult result;
    result.status = Status::ShuttingDown;
    if (m_worker == nullptr)
        return result;
    onWorker([&] {
        result = job(*m_worker->office(), m_options.clock());
        m_worker->flush();
    });
    return result;
}

std::string SyncClient::saleOpOfLocalOrder(OrderId order)
{
    std::string op;
    if (m_worker == nullptr)
        return op;
    onWorker([&] { op = m_worker->office()->saleOpOfLocalOrder(order); });
    return op;
}

SyncRoute SyncClient::route(EventId event, const std::vector<SeatId>& seats, QString* why)
{
    if (m_worker == nullptr) {
        *why = tr("The box office is not syncing with usherd.");
        return SyncRoute::Refused;
    }
    SyncRoute route = SyncRoute::Refused;
    std::string reason;
    onWorker([&] { route = m_worker->office()->route(event, seats, &reason); });
    *why = QString::fromStdString(reason);
    return route;
}

SyncOnlineResult SyncClient::onlineNow(const SyncOnlineRequest& request, int timeoutMs)
{
    SyncOnlineResult result;
    SyncClientWorker* worker = m_worker;
    if (worker == nullptr) {
        result.message = tr("The box office is not syncing with usherd.").toStdString();
        return result;
    }
    USHER_ASSERT(QThread::currentThread() != m_thread.get());
    auto promise = std::make_shared<std::promise<SyncOnlineResult>>();
    std::future<SyncOnlineResult> future = promise->get_future();
    QMetaObject::invokeMethod(
        worker,
        [worker, request, timeoutMs, promise] {
            worker->online(request, timeoutMs, [promise](const SyncOnlineResult& r) { promise->set_value(r); });
        },
        Qt::QueuedConnection);
    try {
        return future.get();
    } catch (const std::future_error&) { // the client stopped before the request reached the worker
        result.message = tr("The box office is not syncing with usherd.").toStdString();
        return result;
    }
}

std::string newSyncOnlineRequestId()
{
    std::uint8_t bytes[16];
    secureRandom(bytes, sizeof bytes);
    static const char* kHex = "0123456789abcdef";
    std::string id;
    for (std::uint8_t b : bytes) {
        id.push_back(kHex[b >> 4]);
        id.push_back(kHex[b & 15]);
    }
    return id;
}

bool SyncClient::listOutbox(std::uint64_t fromSeq, std::size_t max, std::vector<SyncOutboxEntry>* out,
                            std::string* error)
{
    if (m_worker == nullptr) {
        *error = tr("The box office is not syncing with usherd.").toStdString();
        return false;
    }
    bool ok = false;
    onWorker([&] { ok = m_worker->office()->outbox().list(fromSeq, max, out, error); });
    return ok;
}

bool SyncClient::outboxCsv(QByteArray* out, std::string* error)
{
    *out = syncOutboxCsvHeader();
    constexpr std::size_t kPage = 1000;
    for (std::uint64_t from = 1;;) {
        std::vector<SyncOutboxEntry> entries;
        if (!listOutbox(from, kPage, &entries, error))
            return false;
        for (const SyncOutboxEntry& e : entries)
            out->append(syncOutboxCsvLine(e));
        if (entries.size() < kPage)
            return true;
        from = entries.back().op.seq + 1;
    }
}

} // namespace usher
