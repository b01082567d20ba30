// usherd over real HTTP: the buyer flow, conflicts, idempotency, rate limits, caching, roles and
// every kind of bad input, against one usherd process with the demo events.

#include "ServerTestSupport.h"
#include "support/TempDir.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QThread>

using namespace usher::test;

namespace {

constexpr const char* kEvent = "1"; // the demo theatre

QByteArray holdPath(int seat)
{
    return QByteArray("/api/events/") + kEvent + "/seats/" + QByteArray::number(seat) + "/hold";
}

// The value of the series `nameAndLabels` ("name{labels}" exactly as exported) in a /metrics body,
// or -1 when the body has no such series.
double metricValue(const QByteArray& body, const QByteArray& nameAndLabels)
{
    for (const QByteArray& line : body.split('\n'))
        if (line.startsWith(nameAndLabels + ' '))
            return line.mid(nameAndLabels.size() + 1).toDouble();
    return -1;
}

} // namespace

class TestServerHttp : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void healthAndReadiness();
    void eventsAreListedWithoutSecrets();
    void buyerFlow();
    void conflictIs409();
    void idempotentRetryReturnsSameHold();
    void holdNeedsIdempotencyKey();
    void burstIsRateLimited();
    void availabilityEtagGives304();
    void declinedPaymentIs402AndReleases();
    void unknownPaymentOutcomeIsResolved();
    void releaseAndRefund();
    void rolesAreEnforced();
    void verifiedSessionsStayChecked();
    void badInputGets4xx();
    void hugeBodyIs413();
    void hugeHeaderIs431();
    void malformedRequestIs400();
    void pipelinedResponsesComeInOrder();
    void pipelinedHoldsAreAnsweredInOrder();
    void racingHoldsGetOneSeatOnce();
    void availabilityFollowsEveryHold();
    void disconnectMidRequestKeepsServing();
    void metricsAreExported();
    void eventMetricsCountPerEvent();
    void patchChangesTheEvent();

private:
    QByteArray session();
    HttpResult hold(HttpClient& client, int seat, const QByteArray& key);

    std::unique_ptr<TempDir> m_dir;
    std::unique_ptr<UsherdProcess> m_usherd;
    QByteArray m_admin;
    QByteArray m_clerk;
    quint16 m_port = 0;
};

void TestServerHttp::initTestCase()
{
    m_dir = std::make_unique<TempDir>();
    const QString data = QString::fromStdString(m_dir->path());
    m_admin = UsherdProcess::createToken(data, QStringLiteral("admin"));
    m_clerk = UsherdProcess::createToken(data, QStringLiteral("clerk"));
    QVERIFY(m_admin.startsWith("ust_"));
    QVERIFY(!m_clerk.isEmpty());
    m_usherd = std::make_unique<UsherdProcess>(data);
    QVERIFY2(m_usherd->start({ QStringLiteral("--demo"), QStringLiteral("--no-fsync") }), m_usherd->log().constData());
    m_port = m_usherd->port();
}

void TestServerHttp::cleanupTestCase()
{
    if (m_usherd) {
        QVERIFY2(m_usherd->terminate(), m_usherd->log().constData());
        QVERIFY(m_usherd->log().contains("\"msg\":\"stopped\""));
    }
}

QByteArray TestServerHttp::session()
{
    const QByteArray token = newBuyerSession(m_port);
    [&] { QVERIFY(token.startsWith("usb_")); }();
    return token;
}

HttpResult TestServerHttp::hold(HttpClient& client, int seat, const QByteArray& key)
{
    return client.request("POST", holdPath(seat), {}, { { "Idempotency-Key", key } });
}

void TestServerHttp::healthAndReadiness()
{
    HttpClient client(m_port);
    QVERIFY(client.connect());
    QCOMPARE(client.request("GET", "/healthz").status, 200);
    QCOMPARE(client.request("GET", "/readyz").status, 200);
}

void TestServerHttp::eventsAreListedWithoutSecrets()
{
    HttpClient client(m_port);
    QVERIFY(client.connect());
    const HttpResult list = client.request("GET", "/api/events");
    QCOMPARE(list.status, 200);
    QVERIFY(list.json().value(QLatin1String("events")).toArray().size() >= 4);
    const HttpResult event = client.request("GET", "/api/events/1");
    QCOMPARE(event.status, 200);
    QVERIFY(event.json().contains(QLatin1String("venue")));
    QVERIFY(!event.body.contains("ticketKey"));
    QCOMPARE(client.request("GET", "/api/events/999").status, 404);
    QCOMPARE(client.request("GET", "/api/events/abc").status, 404);
}

void TestServerHttp::buyerFlow()
{
    HttpClient client(m_port);
    QVERIFY(client.connect());
    client.bearer = session();
    const HttpResult held = hold(client, 10, "flow-1");
    QCOMPARE(held.status, 201);
    const QJsonObject h = held.json();
    const QByteArray holdId = h.value(QLatin1String("holdId")).toString().toUtf8();
    QVERIFY(holdId.startsWith("1-"));
    QCOMPARE(h.value(QLatin1String("seats")).toArray().at(0).toInt(), 10);
    QVERIFY(h.value(QLatin1String("expiresAt")).toString().endsWith(QLatin1Char('Z')));
    // The ISO time (written without gmtime) is the same instant as the milliseconds.
    QCOMPARE(h.value(QLatin1String("expiresAt")).toString(),
             QDateTime::fromMSecsSinceEpoch(qint64(h.value(QLatin1String("expiresAtMs")).toDouble()), Qt::UTC)
                 .toString(Qt::ISODateWithMs));

    const HttpResult bought
        = client.request("POST", "/api/holds/" + holdId + "/purchase",
                         R"({"payment":{"token":"tok_ok"},"buyer":{"name":"Ada","email":"ada@example.org"}})");
    QCOMPARE(bought.status, 200);
    const QJsonObject order = bought.json();
    const QJsonArray tickets = order.value(QLatin1String("tickets")).toArray();
    QCOMPARE(tickets.size(), 1);
    QCOMPARE(tickets.at(0).toObject().value(QLatin1String("seat")).toInt(), 10);
    QCOMPARE(tickets.at(0).toObject().value(QLatin1String("code")).toString().size(), 26);
    QVERIFY(order.value(QLatin1String("amount")).toInt() > 0);

    // A retried purchase gets the same order.
    const HttpResult again
        = client.request("POST", "/api/holds/" + holdId + "/purchase", R"({"payment":{"token":"tok_ok"}})");
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(QLatin1String("orderId")), order.value(QLatin1String("orderId")));

    const QByteArray orderId = order.value(QLatin1String("orderId")).toString().toUtf8();
    const HttpResult fetched = client.request("GET", "/api/orders/" + orderId);
    QCOMPARE(fetched.status, 200);
    QCOMPARE(fetched.json().value(QLatin1String("tickets")).toArray().at(0).toObject().value(QLatin1String("code")),
             tickets.at(0).toObject().value(QLatin1String("code")));
    // Another buyer cannot see it.
    HttpClient other(m_port);
    QVERIFY(other.connect());
    other.bearer = session();
    QCOMPARE(other.request("GET", "/api/orders/" + orderId).status, 404);

    // The seat shows as sold (seat ids of the theatre are 1..N in venue order).
    QTRY_VERIFY_WITH_TIMEOUT(
        client.request("GET", "/api/events/1/availability").json().value(QLatin1String("seats")).toString().mid(9, 1)
            == QLatin1String("2"),
        5000);
}

void TestServerHttp::conflictIs409()
{
    HttpClient a(m_port);
    HttpClient b(m_port);
    QVERIFY(a.connect() && b.connect());
    a.bearer = session();
    b.bearer = session();
    QCOMPARE(hold(a, 20, "c-1").status, 201);
    const HttpResult conflict = hold(b, 20, "c-2");
    QCOMPARE(conflict.status, 409);
    QCOMPARE(conflict.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("seat_unavailable"));
    // All or nothing: 21 is free, 20 is not.
    const HttpResult both
        = b.request("POST", "/api/events/1/holds", R"({"seats":[21,20]})", { { "Idempotency-Key", "c-3" } });
    QCOMPARE(both.status, 409);
    QCOMPARE(hold(b, 21, "c-4").status, 201);
}

void TestServerHttp::idempotentRetryReturnsSameHold()
{
    HttpClient client(m_port);
    QVERIFY(client.connect());
    client.bearer = session();
    const HttpResult first
        = client.request("POST", "/api/events/1/holds", R"({"seats":[30,31]})", { { "Idempotency-Key", "i-1" } });
    QCOMPARE(first.status, 201);
    const HttpResult retry
        = client.request("POST", "/api/events/1/holds", R"({"seats":[30,31]})", { { "Idempotency-Key", "i-1" } });
    QCOMPARE(retry.status, 201);
    QCOMPARE(retry.json().value(QLatin1String("holdId")), first.json().value(QLatin1String("holdId")));
    // The same key with other arguments is refused.
    const HttpResult reused
        = client.request("POST", "/api/events/1/holds", R"({"seats":[32]})", { { "Idempotency-Key", "i-1" } });
    QCOMPARE(reused.status, 422);
    // Best available works too.
    const HttpResult best
        = client.request("POST", "/api/events/1/holds", R"({"bestAvailable":{"quantity":2,"category":0}})",
                         { { "Idempotency-Key", "i-2" } });
    QCOMPARE(best.status, 201);
    QCOMPARE(best.json().value(QLatin1String("seats")).toArray().size(), 2);
}

void TestServerHttp::holdNeedsIdempotencyKey()
{
    HttpClient client(m_port);
    QVERIFY(client.connect());
    client.bearer = session();
    const HttpResult result = client.request("POST", holdPath(40));
    QCOMPARE(result.status, 400);
    QCOMPARE(result.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("idempotency_key_required"));
}

void TestServerHttp::burstIsRateLimited()
{
    HttpClient client(m_port);
    QVERIFY(client.connect());
    client.bearer = session();
    int limited = 0;
    QByteArray retryAfter;
    // 50 requests at once (pipelined), so that the bucket (burst 20, 10/s) cannot refill meanwhile
    // even on a loaded machine.
    QByteArray burst;
    for (int i = 0; i < 50; ++i)
        burst += "POST " + holdPath(100 + i) + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + client.bearer
            + "\r\nIdempotency-Key: burst-" + QByteArray::number(i) + "\r\nContent-Length: 0\r\n\r\n";
    QVERIFY(client.sendRaw(burst));
    for (int i = 0; i < 50; ++i) {
        const HttpResult result = client.readResponse();
        QVERIFY(result.status == 201 || result.status == 409 || result.status == 429);
        if (result.status == 429) {
            ++limited;
            retryAfter = result.header("retry-after");
        }
    }
    QVERIFY2(limited >= 20, QByteArray::number(limited).constData());
    QVERIFY(retryAfter.toInt() >= 1);
}

void TestServerHttp::availabilityEtagGives304()
{
    HttpClient client(m_port);
    QVERIFY(client.connect());
    const HttpResult first = client.request("GET", "/api/events/2/availability");
    QCOMPARE(first.status, 200);
    const QByteArray etag = first.header("etag");
    QVERIFY(!etag.isEmpty());
    QCOMPARE(first.header("cache-control"), QByteArray("public, max-age=1"));
    QVERIFY(first.json().value(QLatin1String("seats")).toString().size() > 100);
    const HttpResult second = client.request("GET", "/api/events/2/availability", {}, { { "If-None-Match", etag } });
    QCOMPARE(second.status, 304);
    QVERIFY(second.body.isEmpty());
    // A change invalidates the ETag.
    HttpClient buyer(m_port);
    QVERIFY(buyer.connect());
    buyer.bearer = session();
    QCOMPARE(buyer.request("POST", "/api/events/2/seats/5/hold", {}, { { "Idempotency-Key", "e-1" } }).status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(
        client.request("GET", "/api/events/2/availability", {}, { { "If-None-Match", etag } }).status, 200, 5000);
}

void TestServerHttp::declinedPaymentIs402AndReleases()
{
    HttpClient client(m_port);
    QVERIFY(client.connect());
    client.bearer = session();
    const HttpResult held = hold(client, 50, "d-1");
    QCOMPARE(held.status, 201);
    const QByteArray holdId = held.json().value(QLatin1String("holdId")).toString().toUtf8();
    const HttpResult declined
        = client.request("POST", "/api/holds/" + holdId + "/purchase", R"({"payment":{"token":"tok_decline"}})");
    QCOMPARE(declined.status, 402);
    // The seat is free again.
    HttpClient other(m_port);
    QVERIFY(other.connect());
    other.bearer = session();
    QCOMPARE(hold(other, 50, "d-2").status, 201);
}

void TestServerHttp::unknownPaymentOutcomeIsResolved()
{
    // The demo gateway charges "tok_unknown" but answers Unknown (a timeout after the charge): the
    // hold stays, the resolver looks the charge up and sells; the retried purchase gets the order.
    HttpClient client(m_port);
    QVERIFY(client.connect());
    client.bearer = session();
    const HttpResult held = hold(client, 80, "u-1");
    QCOMPARE(held.status, 201);
    const QByteArray holdId = held.json().value(QLatin1String("holdId")).toString().toUtf8();
    const HttpResult unknown
        = client.request("POST", "/api/holds/" + holdId + "/purchase", R"({"payment":{"token":"tok_unknown"}})");
    QCOMPARE(unknown.status, 503);
    QCOMPARE(unknown.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("payment_outcome_unknown"));
    // Nobody else can take the seat meanwhile.
    HttpClient other(m_port);
    QVERIFY(other.connect());
    other.bearer = session();
    QCOMPARE(hold(other, 80, "u-2").status, 409);
    QTRY_VERIFY_WITH_TIMEOUT(
        client.request("GET", "/api/events/1/availability").json().value(QLatin1String("seats")).toString().mid(79, 1)
            == QLatin1String("2"),
        10'000);
    const HttpResult retried
        = client.request("POST", "/api/holds/" + holdId + "/purchase", R"({"payment":{"token":"tok_unknown"}})");
    QCOMPARE(retried.status, 200);
    QCOMPARE(retried.json().value(QLatin1String("tickets")).toArray().size(), 1);
}

void TestServerHttp::releaseAndRefund()
{
    HttpClient client(m_port);
    QVERIFY(client.connect());
    client.bearer = session();
    HttpResult held = hold(client, 60, "r-1");
    QCOMPARE(held.status, 201);
    QByteArray holdId = held.json().value(QLatin1String("holdId")).toString().toUtf8();
    QCOMPARE(client.request("DELETE", "/api/holds/" + holdId).status, 200);
    QCOMPARE(client.request("DELETE", "/api/holds/1-999999").status, 404);

    held = hold(client, 61, "r-2");
    QCOMPARE(held.status, 201);
    holdId = held.json().value(QLatin1String("holdId")).toString().toUtf8();
    const HttpResult bought
        = client.request("POST", "/api/holds/" + holdId + "/purchase", R"({"payment":{"token":"tok"}})");
    QCOMPARE(bought.status, 200);
    const QByteArray orderId = bought.json().value(QLatin1String("orderId")).toString().toUtf8();
    // A buyer may not refund; a clerk may.
    QCOMPARE(client.request("POST", "/api/orders/" + orderId + "/refund", R"({"reason":"x"})").status, 403);
    HttpClient clerk(m_port);
    QVERIFY(clerk.connect());
    clerk.bearer = m_clerk;
    const HttpResult refunded
        = clerk.request("POST", "/api/orders/" + orderId + "/refund", R"({"reason":"changed mind"})");
    QCOMPARE(refunded.status, 200);
    QCOMPARE(refunded.json().value(QLatin1String("gatewayRefund")).toString(), QStringLiteral("approved"));
    QCOMPARE(clerk.request("POST", "/api/orders/" + orderId + "/refund", R"({"reason":"again"})").status, 409);
}

void TestServerHttp::rolesAreEnforced()
{
    HttpClient client(m_port);
    QVERIFY(client.connect());
    QCOMPARE(client.request("POST", holdPath(70), {}, { { "Idempotency-Key", "x" } }).status, 401);
    client.bearer = "ust_not_a_token";
    QCOMPARE(client.request("POST", holdPath(70), {}, { { "Idempotency-Key", "x" } }).status, 401);
    client.bearer = session();
    QCOMPARE(client.request("POST", "/api/events", "{}").status, 403);
    QCOMPARE(client.request("POST", "/api/events/1/block", R"({"seats":[71],"reason":"x"})").status, 403);
    client.bearer = m_admin;
    const HttpResult blocked = client.request("POST", "/api/events/1/block", R"({"seats":[71],"reason":"camera"})");
    QCOMPARE(blocked.status, 200);
    client.bearer = session();
    QCOMPARE(hold(client, 71, "blocked").status, 409);
}

// usherd remembers the buyer sessions it verified (docs/design/usherd.md, "Authentication"): a
// remembered one keeps working, and a token that differs from it in its MAC or its expiry is
// still refused (each check runs on one keep-alive connection, so on the same network thread).
void TestServerHttp::verifiedSessionsStayChecked()
{
    HttpClient client(m_port);
    QVERIFY(client.connect());
    const QByteArray token = session();
    // An authenticated request with a bad body is a 400 without side effects; an unknown token a 401.
    const auto probe = [&client](const QByteArray& bearer) {
        client.bearer = bearer;
        return client.request("POST", "/api/events/1/holds", "{not json", { { "Idempotency-Key", "s-1" } }).status;
    };
    QCOMPARE(probe(token), 400);
    QCOMPARE(probe(token), 400); // remembered
    QByteArray otherMac = token;
    otherMac[otherMac.size() - 1] = otherMac.endsWith('a') ? 'b' : 'a';
    QCOMPARE(probe(otherMac), 401);
    // usb_<buyer>_<expiry>_<MAC>: a later expiry with the same MAC is a forgery.
    const QList<QByteArray> parts = token.split('_');
    QCOMPARE(parts.size(), 4);
    const QByteArray laterExpiry = parts[0] + '_' + parts[1] + '_' + parts[2] + "0_" + parts[3];
    QCOMPARE(probe(laterExpiry), 401);
    QCOMPARE(probe(token), 400);
}

void TestServerHttp::badInputGets4xx()
{
    HttpClient client(m_port);
    QVERIFY(client.connect());
    client.bearer = session();
    QCOMPARE(client.request("POST", "/api/events/1/holds", "{not json", { { "Idempotency-Key", "b-1" } }).status, 400);
    QCOMPARE(client.request("POST", "/api/events/1/holds", "[]", { { "Idempotency-Key", "b-2" } }).status, 400);
    QCOMPARE(
        client.request("POST", "/api/events/1/holds", R"({"seats":["x"]})", { { "Idempotency-Key", "b-3" } }).status,
        400);
    QCOMPARE(client.request("POST", "/api/events/1/holds", R"({"seats":[99999999]})", { { "Idempotency-Key", "b-4" } })
                 .status,
             404);
    QCOMPARE(
        client.request("POST", "/api/events/77/holds", R"({"seats":[1]})", { { "Idempotency-Key", "b-5" } }).status,
        404);
    QCOMPARE(client.request("POST", "/api/holds/nonsense/purchase", "{}").status, 404);
    QCOMPARE(client.request("POST", "/api/holds/1-12345/purchase", "{}").status, 404);
    QCOMPARE(client.request("GET", "/api/orders/1-999999").status, 404);
    QCOMPARE(client.request("GET", "/api/nothing").status, 404);
    QCOMPARE(client.request("PUT", "/api/events").status, 405);
    client.bearer = m_admin;
    QCOMPARE(client.request("POST", "/api/venues", "{\"format\":\"usher-venue\"}").status, 400);
    QCOMPARE(client.request("POST", "/api/events", R"({"name":"x"})").status, 400);
    QCOMPARE(client.request("PATCH", "/api/events/1", "{}").status, 400);
    QCOMPARE(client.request("GET", "/healthz").status, 200);
}

void TestServerHttp::hugeBodyIs413()
{
    HttpClient client(m_port);
    QVERIFY(client.connect());
    client.bearer = session();
    const QByteArray body(2 * 1024 * 1024, 'x');
    const HttpResult result = client.request("POST", "/api/events/1/holds", body, { { "Idempotency-Key", "h" } });
    QCOMPARE(result.status, 413);
    QVERIFY(client.waitForClose(5000));
    HttpClient again(m_port);
    QVERIFY(again.connect());
    QCOMPARE(again.request("GET", "/healthz").status, 200);
}

void TestServerHttp::hugeHeaderIs431()
{
    HttpClient client(m_port);
    QVERIFY(client.connect());
    const HttpResult result = client.request("GET", "/healthz", {}, { { "X-Big", QByteArray(64 * 1024, 'a') } });
    QCOMPARE(result.status, 431);
}

void TestServerHttp::malformedRequestIs400()
{
    HttpClient client(m_port);
    QVERIFY(client.connect());
    QVERIFY(client.sendRaw("THIS IS NOT HTTP\r\n\r\n"));
    QCOMPARE(client.readResponse().status, 400);
    QVERIFY(client.waitForClose(5000));
}

void TestServerHttp::pipelinedResponsesComeInOrder()
{
    HttpClient client(m_port);
    QVERIFY(client.connect());
    QByteArray requests;
    for (const char* path : { "/api/events/1", "/healthz", "/api/events/999", "/readyz", "/api/events" })
        requests += QByteArray("GET ") + path + " HTTP/1.1\r\nHost: x\r\n\r\n";
    QVERIFY(client.sendRaw(requests));
    QCOMPARE(client.readResponse().json().value(QLatin1String("id")).toVariant().toString(), QStringLiteral("1"));
    QCOMPARE(client.readResponse().json().value(QLatin1String("status")).toString(), QStringLiteral("alive"));
    QCOMPARE(client.readResponse().status, 404);
    QCOMPARE(client.readResponse().json().value(QLatin1String("status")).toString(), QStringLiteral("ready"));
    QVERIFY(client.readResponse().json().contains(QLatin1String("events")));
}

namespace {

QByteArray rawHold(const char* event, int seat, const QByteArray& key, const QByteArray& bearer)
{
    return QByteArray("POST /api/events/") + event + "/seats/" + QByteArray::number(seat) + "/hold HTTP/1.1\r\n"
        + "Host: x\r\nAuthorization: Bearer " + bearer + "\r\nIdempotency-Key: " + key
        + "\r\nContent-Length: 0\r\n\r\n";
}

} // namespace

// The holds one network thread reads in a round go to the shard as one batch and come back as
// one job (ApiHolds.cpp): every answer must still be the right one, in request order.
void TestServerHttp::pipelinedHoldsAreAnsweredInOrder()
{
    HttpClient client(m_port);
    QVERIFY(client.connect());
    const QByteArray bearer = session();
    QByteArray requests;
    for (int i = 0; i < 8; ++i)
        requests += rawHold("2", 2100 + i, "p-" + QByteArray::number(i), bearer);
    requests += rawHold("2", 2100, "p-other", bearer); // taken by the first
    requests += rawHold("2", 2103, "p-3", bearer);     // a retry of the fourth
    QVERIFY(client.sendRaw(requests));
    std::vector<QString> holdIds;
    for (int i = 0; i < 8; ++i) {
        const HttpResult answer = client.readResponse();
        QCOMPARE(answer.status, 201);
        const QJsonArray seats = answer.json().value(QLatin1String("seats")).toArray();
        QCOMPARE(seats.size(), 1);
        QCOMPARE(seats.at(0).toInt(), 2100 + i);
        holdIds.push_back(answer.json().value(QLatin1String("holdId")).toString());
    }
    const HttpResult conflict = client.readResponse();
    QCOMPARE(conflict.status, 409);
    QCOMPARE(conflict.json().value(QLatin1String("seat")).toInt(), 2100);
    const HttpResult retry = client.readResponse();
    QCOMPARE(retry.status, 201);
    QCOMPARE(retry.json().value(QLatin1String("holdId")).toString(), holdIds[3]);
}

void TestServerHttp::racingHoldsGetOneSeatOnce()
{
    std::vector<std::unique_ptr<HttpClient>> clients;
    for (int i = 0; i < 12; ++i) {
        clients.push_back(std::make_unique<HttpClient>(m_port));
        QVERIFY(clients.back()->connect());
    }
    std::vector<QByteArray> bearers;
    for (std::size_t i = 0; i < clients.size(); ++i)
        bearers.push_back(session());
    for (std::size_t i = 0; i < clients.size(); ++i) // all sent before any answer is read
        QVERIFY(clients[i]->sendRaw(rawHold("2", 2200, "race", bearers[i]) + rawHold("2", int(2201 + i), "own", bearers[i])));
    int won = 0;
    for (auto& client : clients) {
        const HttpResult contended = client->readResponse();
        QVERIFY2(contended.status == 201 || contended.status == 409, contended.body.constData());
        won += contended.status == 201 ? 1 : 0;
        QCOMPARE(client->readResponse().status, 201); // its own seat
    }
    QCOMPARE(won, 1);
}

// Under writes the hub rebuilds the availability body itself (EventHub::rebuildChanged): every
// answer must match its ETag, and a hold must show in the body and change the ETag.
void TestServerHttp::availabilityFollowsEveryHold()
{
    HttpClient reader(m_port);
    QVERIFY(reader.connect());
    HttpClient buyer(m_port);
    QVERIFY(buyer.connect());
    buyer.bearer = session();
    const auto heldCount = [](const HttpResult& result) {
        return result.json().value(QLatin1String("seats")).toString().count(QLatin1Char('1'));
    };
    const auto etagSeq = [](const HttpResult& result) {
        const QByteArray etag = result.header("etag"); // "E-generation-seq"
        return etag.mid(etag.lastIndexOf('-') + 1).chopped(1).toLongLong();
    };
    HttpResult before = reader.request("GET", "/api/events/2/availability");
    QCOMPARE(before.status, 200);
    for (int i = 0; i < 10; ++i) {
        const HttpResult held = buyer.request("POST", "/api/events/2/seats/" + QByteArray::number(2300 + i) + "/hold",
                                              {}, { { "Idempotency-Key", "f-" + QByteArray::number(i) } });
        QCOMPARE(held.status, 201);
        const qint64 seq = held.json().value(QLatin1String("seq")).toInteger();
        HttpResult after;
        QTRY_VERIFY_WITH_TIMEOUT(
            (after = reader.request("GET", "/api/events/2/availability")).json().value(QLatin1String("seq")).toInteger()
                >= seq,
            5000);
        QCOMPARE(after.status, 200);
        QCOMPARE(etagSeq(after), after.json().value(QLatin1String("seq")).toInteger());
        QVERIFY(after.header("etag") != before.header("etag"));
        QCOMPARE(heldCount(after), heldCount(before) + 1);
        QCOMPARE(reader.request("GET", "/api/events/2/availability", {}, { { "If-None-Match", after.header("etag") } })
                     .status,
                 304);
        before = after;
    }
}

void TestServerHttp::disconnectMidRequestKeepsServing()
{
    for (int i = 0; i < 20; ++i) {
        HttpClient client(m_port);
        QVERIFY(client.connect());
        QVERIFY(client.sendRaw("POST /api/events/1/holds HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"se"));
        client.close();
        HttpClient half(m_port);
        QVERIFY(half.connect());
        QVERIFY(half.sendRaw("GET /api/eve"));
        half.close();
    }
    HttpClient client(m_port);
    QVERIFY(client.connect());
    QCOMPARE(client.request("GET", "/healthz").status, 200);
}

void TestServerHttp::metricsAreExported()
{
    HttpClient client(m_port);
    QVERIFY(client.connect());
    const HttpResult metrics = client.request("GET", "/metrics");
    QCOMPARE(metrics.status, 200);
    for (const char* name :
         { "usherd_http_requests_total{route=\"/api/events/{id}/seats/{seatId}/hold\",status=\"201\"}",
           "usherd_http_request_seconds_bucket", "usherd_holds_total", "usherd_hold_conflicts_total",
           "usherd_rate_limited_total", "usherd_sales_total", "usherd_cache_hits_total{cache=\"availability\"}",
           "usherd_ws_clients", "usherd_journal_commit_seconds_total", "usherd_payment_circuit_state" })
        QVERIFY2(metrics.body.contains(name), name);
}

void TestServerHttp::eventMetricsCountPerEvent()
{
    HttpClient a(m_port);
    HttpClient b(m_port);
    HttpClient clerk(m_port);
    QVERIFY(a.connect() && b.connect() && clerk.connect());
    a.bearer = session();
    b.bearer = session();
    clerk.bearer = m_clerk;
    const auto scrape = [&a] {
        const HttpResult metrics = a.request("GET", "/metrics");
        [&] { QCOMPARE(metrics.status, 200); }();
        return metrics.body;
    };
    const auto series
        = [](const char* name, const char* event) { return QByteArray(name) + "{event=\"" + event + "\"}"; };
    const QByteArray before = scrape();
    const QByteArray currency
        = a.request("GET", "/api/events/1").json().value(QLatin1String("currency")).toString().toUtf8();
    QVERIFY(!currency.isEmpty());
    const QByteArray revenue = "usherd_event_revenue_minor_total{event=\"1\",currency=\"" + currency + "\"}";
    for (const char* name :
         { "usherd_event_holds_total", "usherd_event_held_seats_total", "usherd_event_hold_conflicts_total",
           "usherd_event_sales_total", "usherd_event_tickets_sold_total", "usherd_event_seats_released_total" }) {
        QVERIFY2(metricValue(before, series(name, "1")) >= 0, name);
        QVERIFY2(metricValue(before, series(name, "2")) >= 0, name); // every event, before its first hold
    }
    QVERIFY(metricValue(before, revenue) >= 0);

    const HttpResult single = hold(a, 480, "m-1");
    QCOMPARE(single.status, 201);
    QCOMPARE(hold(b, 480, "m-2").status, 409);
    const HttpResult pair
        = a.request("POST", "/api/events/1/holds", R"({"seats":[481,482]})", { { "Idempotency-Key", "m-3" } });
    QCOMPARE(pair.status, 201);
    QCOMPARE(
        a.request("POST", "/api/events/1/holds", R"({"seats":[481,482]})", { { "Idempotency-Key", "m-3" } }).status,
        201); // a replay counts nothing
    const HttpResult bought = a.request(
        "POST", "/api/holds/" + single.json().value(QLatin1String("holdId")).toString().toUtf8() + "/purchase",
        R"({"payment":{"token":"tok_ok"}})");
    QCOMPARE(bought.status, 200);
    const double amount = bought.json().value(QLatin1String("amount")).toDouble();
    QVERIFY(amount > 0);
    QCOMPARE(a.request("DELETE", "/api/holds/" + pair.json().value(QLatin1String("holdId")).toString().toUtf8()).status,
             200);

    const auto delta = [&before](const QByteArray& after, const QByteArray& name) {
        return metricValue(after, name) - metricValue(before, name);
    };
    QByteArray after = scrape();
    QCOMPARE(delta(after, series("usherd_event_holds_total", "1")), 2.0);
    QCOMPARE(delta(after, series("usherd_event_held_seats_total", "1")), 3.0);
    QCOMPARE(delta(after, series("usherd_event_hold_conflicts_total", "1")), 1.0);
    QCOMPARE(delta(after, series("usherd_event_sales_total", "1")), 1.0);
    QCOMPARE(delta(after, series("usherd_event_tickets_sold_total", "1")), 1.0);
    QCOMPARE(delta(after, revenue), amount);
    // The global series moved by as much; the other event's did not move.
    QCOMPARE(delta(after, "usherd_holds_total"), 2.0);
    QCOMPARE(delta(after, "usherd_hold_conflicts_total"), 1.0);
    QCOMPARE(delta(after, series("usherd_event_holds_total", "2")), 0.0);
    QCOMPARE(delta(after, series("usherd_event_sales_total", "2")), 0.0);
    // The released pair reaches the live view (and its counter) asynchronously.
    QTRY_COMPARE_WITH_TIMEOUT(delta(scrape(), series("usherd_event_seats_released_total", "1")), 2.0, 5000);

    const QByteArray orderId = bought.json().value(QLatin1String("orderId")).toString().toUtf8();
    QCOMPARE(clerk.request("POST", "/api/orders/" + orderId + "/refund", R"({"reason":"metrics"})").status, 200);
    after = scrape();
    QCOMPARE(delta(after, revenue), 0.0); // net of the refund
    QCOMPARE(delta(after, series("usherd_event_sales_total", "1")), 1.0);

    // Expiries, on event 4 (no other test uses it) with one-second holds.
    HttpClient admin(m_port);
    QVERIFY(admin.connect());
    admin.bearer = m_admin;
    QCOMPARE(admin.request("PATCH", "/api/events/4", R"({"holdSeconds":1})").status, 200);
    QVERIFY(metricValue(after, series("usherd_event_hold_expiries_total", "4")) >= 0);
    QCOMPARE(a.request("POST", "/api/events/4/seats/1/hold", {}, { { "Idempotency-Key", "m-4" } }).status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(delta(scrape(), series("usherd_event_hold_expiries_total", "4")), 1.0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(delta(scrape(), series("usherd_event_seats_released_total", "4")), 1.0, 5000);
    QCOMPARE(delta(scrape(), series("usherd_event_hold_expiries_total", "1")), 0.0);
    QCOMPARE(admin.request("PATCH", "/api/events/4", R"({"holdSeconds":600})").status, 200);
}

void TestServerHttp::patchChangesTheEvent()
{
    HttpClient client(m_port);
    QVERIFY(client.connect());
    const QByteArray path = "/api/events/3";
    QCOMPARE(client.request("PATCH", path, R"({"name":"x"})").status, 401);
    client.bearer = session();
    QCOMPARE(client.request("PATCH", path, R"({"name":"x"})").status, 403);
    // A buyer holds a seat of event 3, a subscriber watches it, and the availability has an ETag.
    QCOMPARE(client.request("POST", path + "/seats/7/hold", {}, { { "Idempotency-Key", "patch-7" } }).status, 201);
    WsClient ws;
    QVERIFY(ws.open(m_port));
    ws.send(R"({"type":"subscribe","events":[3]})");
    QVERIFY(!ws.nextOfType(QStringLiteral("snapshot")).isEmpty());
    const QByteArray etag = client.request("GET", path + "/availability").header("etag");
    QVERIFY(!etag.isEmpty());

    client.bearer = m_admin;
    QCOMPARE(client.request("PATCH", path, "not json").status, 400);
    QCOMPARE(client.request("PATCH", path, "{}").status, 400);
    HttpResult refused = client.request("PATCH", path, R"({"venue":{"name":"elsewhere"}})");
    QCOMPARE(refused.status, 422);
    QCOMPARE(refused.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("field_not_changeable"));
    refused = client.request("PATCH", path, R"({"holdSeconds":-5})");
    QCOMPARE(refused.status, 422);
    QVERIFY(
        !refused.json().value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString().isEmpty());
    // Removing the channel the buyer's hold is on: refused while the hold lives.
    const QJsonArray channels = client.request("GET", path).json().value(QLatin1String("channels")).toArray();
    QVERIFY(channels.size() >= 2);
    QJsonArray offline;
    for (const QJsonValue& channel : channels)
        if (channel.toObject().value(QLatin1String("kind")).toString() != QLatin1String("online"))
            offline.append(channel);
    QVERIFY(offline.size() < channels.size());
    const QByteArray dropOnline = "{\"channels\":" + QJsonDocument(offline).toJson(QJsonDocument::Compact) + "}";
    QCOMPARE(client.request("PATCH", path, dropOnline).status, 409);

    // A valid change: the event JSON, the event list and the availability ETag follow it, and the
    // subscriber is told.
    const HttpResult changed = client.request("PATCH", path, R"({"name":"Renamed","holdSeconds":300})");
    QCOMPARE(changed.status, 200);
    QCOMPARE(changed.json().value(QLatin1String("name")).toString(), QStringLiteral("Renamed"));
    QCOMPARE(changed.json().value(QLatin1String("holdSeconds")).toInt(), 300);
    QVERIFY(!changed.json().contains(QLatin1String("ticketKey")));
    QCOMPARE(client.request("GET", path).json().value(QLatin1String("name")).toString(), QStringLiteral("Renamed"));
    QVERIFY(client.request("GET", "/api/events").body.contains("Renamed"));
    const HttpResult availability = client.request("GET", path + "/availability", {}, { { "If-None-Match", etag } });
    QCOMPARE(availability.status, 200);
    QVERIFY(availability.header("etag") != etag);
    const QJsonObject told = ws.nextOfType(QStringLiteral("event"));
    QCOMPARE(told.value(QLatin1String("event")).toInt(), 3);
    QVERIFY(told.value(QLatin1String("revision")).toInt() >= 1);
}

QTEST_GUILESS_MAIN(TestServerHttp)
#include "TestServerHttp.moc"
