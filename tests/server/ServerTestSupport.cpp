#include "ServerTestSupport.h"

#include "support/PgCluster.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>

#include <atomic>
#include <csignal>
#include <mutex>
#include <random>
#include <set>
#include <thread>

namespace usher::test {

UsherdProcess::UsherdProcess(QString dataDirectory)
    : m_data(std::move(dataDirectory))
{
}

UsherdProcess::~UsherdProcess()
{
    if (running())
        kill();
}

bool UsherdProcess::running() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QByteArray UsherdProcess::log() const
{
    if (m_process)
        m_log += m_process->readAllStandardError();
    return m_log;
}

bool UsherdProcess::start(const QStringList& extra, int timeoutMs)
{
    const QString portFile = m_data + QLatin1String("/usherd.port");
    QFile::remove(portFile);
    m_log.clear();
    m_process = std::make_unique<QProcess>();
    QStringList arguments
        = { QStringLiteral("--data"),      m_data,  QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
            QStringLiteral("--port-file"), portFile };
    arguments += extra;
    m_process->start(QStringLiteral(USHERD_PATH), arguments);
    if (!m_process->waitForStarted(5000))
        return false;
    QElapsedTimer timer;
    timer.start();
    m_port = 0;
    while (timer.elapsed() < timeoutMs && running()) {
        QFile file(portFile);
        if (file.open(QIODevice::ReadOnly)) {
            m_port = quint16(file.readAll().trimmed().toUInt());
            if (m_port)
                break;
        }
        m_process->waitForReadyRead(20);
    }
    if (!m_port)
        return false;
    while (timer.elapsed() < timeoutMs && running()) {
        HttpClient client(m_port);
        if (client.connect() && client.request("GET", "/readyz").status == 200)
            return true;
        QThread::msleep(20);
    }
    return false;
}

bool UsherdProcess::terminate(int timeoutMs)
{
    if (!running())
        return false;
    ::kill(pid_t(m_process->processId()), SIGTERM);
    if (!m_process->waitForFinished(timeoutMs))
        return false;
    log();
    return m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 0;
}

void UsherdProcess::kill()
{
    if (!running())
        return;
    ::kill(pid_t(m_process->processId()), SIGKILL);
    m_process->waitForFinished(10'000);
    log();
}

QByteArray UsherdProcess::createToken(const QString& dataDirectory, const QString& role)
{
    QProcess process;
    process.start(QStringLiteral(USHERD_PATH),
                  { QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--role"), role,
                    QStringLiteral("--data"), dataDirectory });
    if (!process.waitForFinished(10'000) || process.exitCode() != 0)
        return {};
    return process.readAllStandardOutput().trimmed();
}

QByteArray HttpResult::header(const QByteArray& name) const
{
    auto it = headers.find(name.toLower());
    return it == headers.end() ? QByteArray() : it->second;
}

bool HttpResult::location(quint16* port, QByteArray* target) const
{
    const QUrl url(QString::fromUtf8(header("location")));
    if (!url.isValid() || url.port() <= 0)
        return false;
    *port = quint16(url.port());
    *target = url.path(QUrl::FullyEncoded).toUtf8();
    if (url.hasQuery())
        *target += "?" + url.query(QUrl::FullyEncoded).toUtf8();
    return true;
}

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

HttpClient::HttpClient(quint16 port)
    : m_port(port)
{
}

namespace {

QByteArray& tlsCertificate()
{
    static QByteArray certificate;
    return certificate;
}

QSslConfiguration tlsConfiguration()
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates(QSslCertificate::fromData(tlsCertificate(), QSsl::Pem));
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return configuration;
}

} // namespace

void useTls(const QByteArray& caCertificatePem)
{
    tlsCertificate() = caCertificatePem;
}

bool tlsInUse()
{
    return !tlsCertificate().isEmpty();
}

bool HttpClient::connect()
{
    m_buffer.clear();
    if (tlsInUse()) {
        auto socket = std::make_unique<QSslSocket>();
        socket->setSslConfiguration(tlsConfiguration());
        socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
        const bool encrypted = socket->waitForEncrypted(5000);
        m_socket = std::move(socket);
        return encrypted;
    }
    m_socket = std::make_unique<QTcpSocket>();
    m_socket->connectToHost(QStringLiteral("127.0.0.1"), m_port);
    return m_socket->waitForConnected(5000);
}

bool HttpClient::connected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpClient::close()
{
    if (m_socket) {
        m_socket->abort();
        m_socket.reset();
    }
}

bool HttpClient::sendRaw(const QByteArray& bytes)
{
    if (!connected() && !connect())
        return false;
    m_socket->write(bytes);
    return m_socket->waitForBytesWritten(5000) || m_socket->bytesToWrite() == 0;
}

HttpResult HttpClient::request(const QByteArray& method, const QByteArray& path, const QByteArray& body,
                               const std::vector<std::pair<QByteArray, QByteArray>>& headers, int timeoutMs)
{
    QByteArray text = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!bearer.isEmpty())
        text += "Authorization: Bearer " + bearer + "\r\n";
    for (const auto& [name, value] : headers)
        text += name + ": " + value + "\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PATCH")
        text += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    text += "\r\n" + body;
    if (!sendRaw(text))
        return {};
    return readResponse(timeoutMs);
}

HttpResult HttpClient::readResponse(int timeoutMs)
{
    HttpResult result;
    if (!m_socket)
        return result;
    QDeadlineTimer deadline(timeoutMs);
    auto fill = [&] {
        if (m_socket->bytesAvailable() == 0
            && !m_socket->waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime()))))
            return false;
        m_buffer += m_socket->readAll();
        return true;
    };
    qsizetype end = -1;
    while ((end = m_buffer.indexOf("\r\n\r\n")) < 0) {
        if (deadline.hasExpired() || !fill())
            return result;
    }
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    result.status = statusLine.value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            result.headers[lines[i].left(colon).trimmed().toLower()] = lines[i].mid(colon + 1).trimmed();
    }
    m_buffer.remove(0, end + 4);
    const qsizetype length = result.header("content-length").toLongLong();
    while (m_buffer.size() < length) {
        if (deadline.hasExpired() || !fill()) {
            result.status = 0;
            return result;
        }
    }
    result.body = m_buffer.left(length);
    m_buffer.remove(0, length);
    return result;
}

bool HttpClient::waitForClose(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (!m_socket || m_socket->state() == QAbstractSocket::UnconnectedState)
            return true;
        m_socket->waitForReadyRead(50);
        m_buffer += m_socket->readAll();
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            return true;
    }
    return false;
}

QByteArray newBuyerSession(quint16 port)
{
    HttpClient client(port);
    if (!client.connect())
        return {};
    const HttpResult result = client.request("POST", "/api/sessions");
    return result.status == 201 ? result.json().value(QLatin1String("token")).toString().toUtf8() : QByteArray();
}

bool WsClient::open(quint16 port, int timeoutMs)
{
    m_socket = std::make_unique<QWebSocket>();
    m_messages.clear();
    QObject::connect(m_socket.get(), &QWebSocket::textMessageReceived,
                     [this](const QString& message) { m_messages.push_back(message.toUtf8()); });
    if (tlsInUse()) {
        m_socket->setSslConfiguration(tlsConfiguration());
        m_socket->open(QUrl(QStringLiteral("wss://127.0.0.1:%1/ws").arg(port)));
    } else {
        m_socket->open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)));
    }
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && m_socket->state() != QAbstractSocket::ConnectedState) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(1);
    }
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

void WsClient::send(const QByteArray& json)
{
    m_socket->sendTextMessage(QString::fromUtf8(json));
}

QJsonObject WsClient::next(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_messages.empty() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        if (m_messages.empty())
            QThread::msleep(1);
    }
    if (m_messages.empty())
        return {};
    const QByteArray message = m_messages.front();
    m_messages.erase(m_messages.begin());
    return QJsonDocument::fromJson(message).object();
}

QJsonObject WsClient::nextOfType(const QString& type, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const QJsonObject message = next(int(std::max<qint64>(1, deadline.remainingTime())));
        if (message.value(QLatin1String("type")).toString() == type)
            return message;
    }
    return {};
}

bool WsClient::isOpen() const
{
    QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void WsClient::close()
{
    if (m_socket)
        m_socket->close();
    m_socket.reset();
}

bool makeTestCertificate(const QString& directory, TestCertificate* out, QString* error)
{
    error->clear();
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        return false;
    out->certificate = directory + QLatin1String("/cert.pem");
    out->key = directory + QLatin1String("/key.pem");
    QProcess make;
    make.start(openssl,
               { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                 QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                 QStringLiteral("-keyout"), out->key, QStringLiteral("-out"), out->certificate,
                 QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                 QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost") });
    if (!make.waitForFinished(30'000) || make.exitStatus() != QProcess::NormalExit || make.exitCode() != 0) {
        *error = QStringLiteral("openssl could not make the test certificate: ")
            + QString::fromLocal8Bit(make.readAllStandardError());
        return false;
    }
    QFile pem(out->certificate);
    if (!pem.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read ") + out->certificate;
        return false;
    }
    out->pem = pem.readAll();
    return true;
}

namespace {

constexpr int kStormSeats = 2500; // event 2, the demo concert hall

} // namespace

std::vector<int> ticketSeats(const QJsonObject& order)
{
    std::vector<int> seats;
    for (const QJsonValue& ticket : order.value(QLatin1String("tickets")).toArray())
        seats.push_back(ticket.toObject().value(QLatin1String("seat")).toInt());
    return seats;
}

AcknowledgedSale acknowledgedSale(const QByteArray& buyer, const HttpResult& bought)
{
    AcknowledgedSale sale;
    sale.buyer = buyer;
    sale.orderId = bought.json().value(QLatin1String("orderId")).toString().toUtf8();
    sale.seats = ticketSeats(bought.json());
    return sale;
}

int buyUntilKilled(UsherdProcess& usherd, int round, std::vector<AcknowledgedSale>* sales, int runMs)
{
    const quint16 port = usherd.port();
    std::mutex mutex;
    std::atomic<bool> stop { false };
    std::atomic<int> requests { 0 };
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            std::mt19937 random(std::uint32_t(t * 7919 + round));
            const QByteArray buyer = newBuyerSession(port);
            HttpClient client(port);
            if (buyer.isEmpty() || !client.connect())
                return;
            client.bearer = buyer;
            for (int i = 0; !stop.load(); ++i) {
                const int first = 1 + int(random() % kStormSeats);
                const QByteArray body = "{\"seats\":[" + QByteArray::number(first) + ","
                    + QByteArray::number(first % kStormSeats + 1) + "]}";
                const QByteArray key = "crash-" + QByteArray::number(round) + "-" + QByteArray::number(t) + "-"
                    + QByteArray::number(i);
                const HttpResult held
                    = client.request("POST", "/api/events/2/holds", body, { { "Idempotency-Key", key } }, 3000);
                ++requests;
                if (held.status == 0)
                    return; // the server is gone
                if (held.status != 201)
                    continue;
                const QByteArray holdId = held.json().value(QLatin1String("holdId")).toString().toUtf8();
                const HttpResult bought = client.request("POST", "/api/holds/" + holdId + "/purchase",
                                                         R"({"payment":{"token":"t"}})", {}, 3000);
                if (bought.status == 0)
                    return;
                if (bought.status != 200)
                    continue;
                AcknowledgedSale sale = acknowledgedSale(buyer, bought);
                std::lock_guard lock(mutex);
                sales->push_back(std::move(sale));
            }
        });
    }
    // The storm runs on its own threads; this one keeps reading usherd's output meanwhile.
    const QDeadlineTimer storm(runMs);
    while (!storm.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    usherd.kill(); // SIGKILL, mid-flight
    stop = true;
    for (auto& thread : threads)
        thread.join();
    return requests.load();
}

QByteArray checkSalesSurvived(quint16 port, const std::vector<AcknowledgedSale>& sales)
{
    HttpClient client(port);
    if (!client.connect())
        return "cannot connect to usherd";
    std::set<int> sold;
    for (const AcknowledgedSale& sale : sales) {
        client.bearer = sale.buyer;
        const HttpResult order = client.request("GET", "/api/orders/" + sale.orderId);
        if (order.status != 200)
            return "order " + sale.orderId + " is gone (status " + QByteArray::number(order.status) + ")";
        if (ticketSeats(order.json()) != sale.seats)
            return "order " + sale.orderId + " has other seats than the purchase answered";
        for (int seat : sale.seats) {
            if (!sold.insert(seat).second)
                return "seat " + QByteArray::number(seat) + " was sold twice";
        }
    }
    client.bearer.clear();
    const QString states
        = client.request("GET", "/api/events/2/availability").json().value(QLatin1String("seats")).toString();
    for (int seat : sold) {
        if (seat < 1 || seat > states.size() || states.at(seat - 1) != QLatin1Char('2'))
            return "seat " + QByteArray::number(seat) + " is not shown sold";
    }
    return {};
}

QByteArray checkPgSalesSurvived(const PgCluster& cluster, std::size_t acknowledged)
{
    std::string output;
    if (!cluster.psql("usherd", "SELECT count(*) FROM orders WHERE event_id = 2", &output))
        return QByteArray::fromStdString(output);
    if (std::stoll(output) < std::int64_t(acknowledged))
        return "PostgreSQL has " + QByteArray::fromStdString(output) + " orders of event 2, fewer than the "
            + QByteArray::number(qulonglong(acknowledged)) + " acknowledged";
    if (!cluster.psql("usherd",
                      "SELECT count(*) FROM (SELECT seat_id FROM tickets WHERE event_id = 2 AND status = 1"
                      " AND area_id = 0 GROUP BY seat_id HAVING count(*) > 1) AS doubles",
                      &output))
        return QByteArray::fromStdString(output);
    if (output != "0")
        return QByteArray::fromStdString(output) + " seats have two valid tickets";
    return {};
}

} // namespace usher::test
