#pragma once

// Helpers for the server tests: an usherd child process on a free loopback port, a blocking
// HTTP/1.1 client on QTcpSocket (keep-alive, raw bytes when a test needs malformed input) and a
// blocking wrapper around QWebSocket.

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QSslSocket>
#include <QStringList>
#include <QTcpSocket>
#include <QWebSocket>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace usher::test {

class PgCluster;

class UsherdProcess {
public:
    explicit UsherdProcess(QString dataDirectory);
    ~UsherdProcess();

    // Starts `usherd --data DIR --listen 127.0.0.1:0 --port-file ... <extra>` and waits until it
    // listens and /readyz says ready.
    bool start(const QStringList& extra = {}, int timeoutMs = 30'000);
    quint16 port() const { return m_port; }
    bool terminate(int timeoutMs = 20'000); // SIGTERM; true when it exited with status 0
    void kill();                            // SIGKILL
    bool running() const;
    QByteArray log() const; // stderr so far
    // `usherd token create --role ROLE --data DIR`; the token, or empty.
    static QByteArray createToken(const QString& dataDirectory, const QString& role);

private:
    QString m_data;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    mutable QByteArray m_log;
};

struct HttpResult {
    int status = 0; // 0: no response (connection closed or timed out)
    QByteArray body;
    std::map<QByteArray, QByteArray> headers; // lower-case names
    QByteArray header(const QByteArray& name) const;
    QJsonObject json() const;
    // Where this answer's Location points on loopback: its port and its path with the query. False
    // when it names no port (the caller keeps the answer as it is).
    bool location(quint16* port, QByteArray* target) const;
};

class HttpClient {
public:
    explicit HttpClient(quint16 port);
    bool connect();
    bool connected() const;
    HttpResult request(const QByteArray& method, const QByteArray& path, const QByteArray& body = {},
                       const std::vector<std::pair<QByteArray, QByteArray>>& headers = {}, int timeoutMs = 10'000);
    bool sendRaw(const QByteArray& bytes);
    HttpResult readResponse(int timeoutMs = 10'000);
    // Waits until the server closes the connection; true when it did within the time.
    bool waitForClose(int timeoutMs);
    void close();

    QByteArray bearer; // sent as "Authorization: Bearer <bearer>" when not empty

private:
    quint16 m_port;
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
};

// TLS for every client of this process (HttpClient, WsClient, UsherdProcess's readiness probe):
// https and wss, trusting only `caCertificatePem` (a test's self-signed certificate for
// 127.0.0.1). An empty certificate goes back to plain TCP.
void useTls(const QByteArray& caCertificatePem);
bool tlsInUse();

// A buyer session: POST /api/sessions; the token, or empty.
QByteArray newBuyerSession(quint16 port);

class WsClient {
public:
    bool open(quint16 port, int timeoutMs = 5'000);
    void send(const QByteArray& json);
    // The next message, or an empty object after the time.
    QJsonObject next(int timeoutMs = 5'000);
    // Skips messages until one has "type" == type.
    QJsonObject nextOfType(const QString& type, int timeoutMs = 5'000);
    bool isOpen() const;
    void close();

private:
    std::unique_ptr<QWebSocket> m_socket;
    std::vector<QByteArray> m_messages;
};

// A self-signed certificate for 127.0.0.1 and localhost (P-256, valid one day), made by the
// openssl command in `directory` (cert.pem, key.pem). False with an empty *error when openssl is
// not installed (skip the test), false with the reason when it failed.
struct TestCertificate {
    QString certificate; // PEM file path
    QString key;         // PEM file path
    QByteArray pem;      // the certificate itself, for a client to trust
};
bool makeTestCertificate(const QString& directory, TestCertificate* out, QString* error);

// The buying storm of the crash tests, on event 2 (the demo concert hall, 2,500 seats).
struct AcknowledgedSale {
    QByteArray buyer;   // the buyer's bearer token
    QByteArray orderId; // from the 200 purchase
    std::vector<int> seats;
};
// Eight buyers hold two seats at a time and buy them, as fast as they can, for `runMs`; then
// usherd is SIGKILLed mid-flight. Every purchase that got a 200 is appended to *sales; `round`
// keeps the idempotency keys of successive storms apart. Returns the requests sent.
int buyUntilKilled(UsherdProcess& usherd, int round, std::vector<AcknowledgedSale>* sales, int runMs = 2500);
// Every acknowledged sale is found with its seats, no seat is in two of them, and each of those
// seats shows sold in the availability. Empty when so, else the problem.
QByteArray checkSalesSurvived(quint16 port, const std::vector<AcknowledgedSale>& sales);
// The seat of each ticket of an order as the API answers it ("tickets"), in its order.
std::vector<int> ticketSeats(const QJsonObject& order);
// The sale a 200 purchase of `buyer` acknowledged.
AcknowledgedSale acknowledgedSale(const QByteArray& buyer, const HttpResult& bought);
// The same seen in usherd's PostgreSQL database (event 2): at least `acknowledged` orders, and no
// seat with two valid tickets. Empty when so, else the problem.
QByteArray checkPgSalesSurvived(const PgCluster& cluster, std::size_t acknowledged);

} // namespace usher::test
