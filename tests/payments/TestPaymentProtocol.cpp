// The gateway wire protocol and the fake gateway's ledger, without a network: URL parsing,
// idempotency keys, JSON bodies, replays, key fencing, refunds, faults and the rate limit with time
// as an input, and determinism for a seed.

#include "payments/FakeGatewayLedger.h"
#include "payments/PaymentProtocol.h"

#include <QTest>

using namespace usher;
using namespace std::chrono_literals;

namespace {

const FakeGatewayLedger::TimePoint t0 = FakeGatewayLedger::TimePoint {} + 1h;

FakeRequest chargeRequest(const std::string& key, std::int64_t amount, const std::string& token = {})
{
    FakeRequest request;
    request.method = "POST";
    request.target = std::string(payproto::kChargesPath);
    request.idempotencyKey = key;
    request.hasIdempotencyKey = true;
    request.body = payproto::encodeChargeBody({ amount, "EUR", token, "test" });
    return request;
}

FakeRequest lookupRequest(const std::string& key)
{
    FakeRequest request;
    request.method = "GET";
    request.target = std::string(payproto::kChargeByKeyPrefix) + payproto::percentEncode(key);
    return request;
}

FakeRequest refundRequest(const std::string& key, const std::string& paymentId, std::int64_t amount)
{
    FakeRequest request;
    request.method = "POST";
    request.target = std::string(payproto::kRefundsPath);
    request.idempotencyKey = key;
    request.hasIdempotencyKey = true;
    request.body = payproto::encodeRefundBody({ paymentId, amount });
    return request;
}

FakeRequest controlRequest(const std::string& body)
{
    FakeRequest request;
    request.method = "POST";
    request.target = "/control";
    request.body = body;
    return request;
}

} // namespace

class TestPaymentProtocol : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesGatewayUrls()
    {
        auto parsed = payproto::parseGatewayUrl("http://127.0.0.1:9090");
        QCOMPARE(parsed.status, payproto::GatewayUrlStatus::Ok);
        QCOMPARE(parsed.endpoint.host, std::string("127.0.0.1"));
        QCOMPARE(parsed.endpoint.port, 9090);
        QCOMPARE(parsed.endpoint.basePath, std::string());

        parsed = payproto::parseGatewayUrl("http://pay.example.com/gw/");
        QCOMPARE(parsed.status, payproto::GatewayUrlStatus::Ok);
        QCOMPARE(parsed.endpoint.host, std::string("pay.example.com"));
        QCOMPARE(parsed.endpoint.port, 80);
        QCOMPARE(parsed.endpoint.basePath, std::string("/gw"));

        parsed = payproto::parseGatewayUrl("http://[::1]:8443/x");
        QCOMPARE(parsed.status, payproto::GatewayUrlStatus::Ok);
        QCOMPARE(parsed.endpoint.host, std::string("::1"));
        QCOMPARE(parsed.endpoint.port, 8443);

        QCOMPARE(payproto::parseGatewayUrl("https://pay.example.com").status, payproto::GatewayUrlStatus::BadScheme);
        QCOMPARE(payproto::parseGatewayUrl("127.0.0.1:9090").status, payproto::GatewayUrlStatus::BadScheme);
        QCOMPARE(payproto::parseGatewayUrl("http://").status, payproto::GatewayUrlStatus::MissingHost);
        QCOMPARE(payproto::parseGatewayUrl("http://:80").status, payproto::GatewayUrlStatus::MissingHost);
        QCOMPARE(payproto::parseGatewayUrl("http://h:0").status, payproto::GatewayUrlStatus::BadPort);
        QCOMPARE(payproto::parseGatewayUrl("http://h:65536").status, payproto::GatewayUrlStatus::BadPort);
        QCOMPARE(payproto::parseGatewayUrl("http://h:12x").status, payproto::GatewayUrlStatus::BadPort);
        QCOMPARE(payproto::parseGatewayUrl("http://h:").status, payproto::GatewayUrlStatus::BadPort);
        QCOMPARE(payproto::parseGatewayUrl("http://u@h").status, payproto::GatewayUrlStatus::UnsupportedPart);
        QCOMPARE(payproto::parseGatewayUrl("http://h/?q").status, payproto::GatewayUrlStatus::UnsupportedPart);
    }

    void idempotencyKeysAndPercentEncoding()
    {
        QVERIFY(payproto::isValidIdempotencyKey("hold-42/attempt:1"));
        QVERIFY(!payproto::isValidIdempotencyKey(""));
        QVERIFY(!payproto::isValidIdempotencyKey("has space"));
        QVERIFY(!payproto::isValidIdempotencyKey(std::string(256, 'k')));
        QVERIFY(payproto::isValidIdempotencyKey(std::string(255, 'k')));
        const std::string key = "a/b?c%d#e~f";
        const std::string encoded = payproto::percentEncode(key);
        QCOMPARE(encoded, std::string("a%2Fb%3Fc%25d%23e~f"));
        QCOMPARE(payproto::percentDecode(encoded).value_or("?"), key);
        QVERIFY(!payproto::percentDecode("a%2").has_value());
        QVERIFY(!payproto::percentDecode("a%zz").has_value());
    }

    void bodiesRoundTripAndRejectBadInput()
    {
        const auto body = payproto::decodeChargeBody(payproto::encodeChargeBody({ 1500, "EUR", "tok", "desc" }));
        QVERIFY(body.has_value());
        QCOMPARE(body->amountMinor, 1500);
        QCOMPARE(body->currency, std::string("EUR"));
        QVERIFY(!payproto::decodeChargeBody(R"({"amountMinor":0,"currency":"EUR"})"));
        QVERIFY(!payproto::decodeChargeBody(R"({"amountMinor":1.5,"currency":"EUR"})"));
        QVERIFY(!payproto::decodeChargeBody(R"({"amountMinor":100,"currency":"eur"})"));
        QVERIFY(!payproto::decodeChargeBody(R"({"amountMinor":"100","currency":"EUR"})"));
        QVERIFY(!payproto::decodeChargeBody("not json"));
        const auto error = payproto::decodeErrorBody(payproto::encodeErrorBody({ "rate_limited", "slow down", 250 }));
        QVERIFY(error.has_value());
        QCOMPARE(error->code, std::string("rate_limited"));
        QCOMPARE(error->retryAfterMs, 250);
    }

    void chargesReplayByKeyAndNeverChargeTwice()
    {
        FakeGatewayLedger ledger({}, 1);
        const FakeResponse first = ledger.handle(chargeRequest("k1", 1500), t0);
        QCOMPARE(first.status, 200u);
        QVERIFY(!first.replayed);
        const FakeResponse again = ledger.handle(chargeRequest("k1", 1500), t0);
        QCOMPARE(again.status, 200u);
        QVERIFY(again.replayed);
        QCOMPARE(again.body, first.body);
        QCOMPARE(ledger.counters().chargesApproved, 1u);
        QCOMPARE(ledger.counters().capturedMinor, 1500);
        // The same key with another amount is refused and charges nothing.
        const FakeResponse conflict = ledger.handle(chargeRequest("k1", 999), t0);
        QCOMPARE(conflict.status, 409u);
        QCOMPARE(payproto::decodeErrorBody(conflict.body)->code, std::string("key_conflict"));
        QCOMPARE(ledger.counters().capturedMinor, 1500);
        // A charge without a key is refused.
        FakeRequest keyless = chargeRequest("k2", 100);
        keyless.hasIdempotencyKey = false;
        QCOMPARE(ledger.handle(keyless, t0).status, 400u);
        // A decline token.
        const auto declined
            = payproto::decodeChargeRecord(ledger.handle(chargeRequest("k3", 100, "tok_decline"), t0).body);
        QVERIFY(declined.has_value());
        QCOMPARE(declined->status, payproto::ChargeStatus::Declined);
    }

    void lookupNotFoundFencesTheKey()
    {
        FakeGatewayLedger ledger({}, 1);
        QCOMPARE(ledger.handle(lookupRequest("late-key"), t0).status, 404u);
        const FakeResponse late = ledger.handle(chargeRequest("late-key", 1500), t0);
        QCOMPARE(late.status, 409u);
        QCOMPARE(payproto::decodeErrorBody(late.body)->code, std::string("key_voided"));
        QCOMPARE(ledger.handle(lookupRequest("late-key"), t0).status, 404u);
        QCOMPARE(ledger.counters().chargesApproved, 0u);

        ledger.handle(chargeRequest("paid", 700), t0);
        const auto found = payproto::decodeChargeRecord(ledger.handle(lookupRequest("paid"), t0).body);
        QVERIFY(found.has_value());
        QCOMPARE(found->status, payproto::ChargeStatus::Approved);
        QCOMPARE(found->amountMinor, 700);
    }

    void refundsAreBoundedAndIdempotent()
    {
        FakeGatewayLedger ledger({}, 1);
        const auto charge = payproto::decodeChargeRecord(ledger.handle(chargeRequest("k", 1000), t0).body);
        QVERIFY(charge.has_value());
        QCOMPARE(ledger.handle(refundRequest("r1", charge->id, 600), t0).status, 200u);
        QVERIFY(ledger.handle(refundRequest("r1", charge->id, 600), t0).replayed);
        QCOMPARE(ledger.handle(refundRequest("r2", charge->id, 500), t0).status, 409u); // only 400 left
        QCOMPARE(ledger.handle(refundRequest("r3", charge->id, 400), t0).status, 200u);
        QCOMPARE(ledger.handle(refundRequest("r4", "ch_nope", 1), t0).status, 404u);
        QCOMPARE(ledger.counters().capturedMinor, 0);
        QCOMPARE(ledger.counters().refunds, 2u);
    }

    void rateLimitAnswers429WithRetryAfter()
    {
        FakeFaults faults;
        faults.rateLimitPerSecond = 2; // burst 2
        FakeGatewayLedger ledger(faults, 1);
        QCOMPARE(ledger.handle(lookupRequest("a"), t0).status, 404u);
        QCOMPARE(ledger.handle(lookupRequest("b"), t0).status, 404u);
        const FakeResponse limited = ledger.handle(lookupRequest("c"), t0);
        QCOMPARE(limited.status, 429u);
        QCOMPARE(limited.retryAfterSeconds, 1);
        QCOMPARE(payproto::decodeErrorBody(limited.body)->retryAfterMs, 500);
        QCOMPARE(ledger.handle(lookupRequest("c"), t0 + 499ms).status, 429u);
        QCOMPARE(ledger.handle(lookupRequest("c"), t0 + 500ms).status, 404u);
        // Control requests are never limited.
        QCOMPARE(ledger.handle(controlRequest("{}"), t0 + 500ms).status, 200u);
    }

    void faultsAreDeterministicForASeed()
    {
        FakeFaults faults;
        faults.errorRate = 0.3;
        faults.declineRate = 0.3;
        faults.hangRate = 0.1;
        faults.timeoutRate = 0.2;
        FakeGatewayLedger a(faults, 99);
        FakeGatewayLedger b(faults, 99);
        int hangs = 0;
        for (int i = 0; i < 200; ++i) {
            const FakeRequest request = chargeRequest("key-" + std::to_string(i), 100);
            const FakeResponse ra = a.handle(request, t0);
            const FakeResponse rb = b.handle(request, t0);
            QCOMPARE(ra.status, rb.status);
            QCOMPARE(ra.body, rb.body);
            QCOMPARE(ra.delay, rb.delay);
            hangs += ra.action == FakeAction::Hang ? 1 : 0;
        }
        QCOMPARE(a.counters().injectedErrors, b.counters().injectedErrors);
        QVERIFY(a.counters().injectedErrors > 20 && a.counters().injectedErrors < 80);
        QVERIFY(hangs > 5);
        QVERIFY(a.counters().chargesDeclined > 10);
    }

    void controlValidatesAndChangesFaults()
    {
        FakeGatewayLedger ledger({}, 1);
        QCOMPARE(ledger.handle(controlRequest(R"({"errorRate": 1.5})"), t0).status, 400u);
        QCOMPARE(ledger.handle(controlRequest(R"({"latencyMs": -1})"), t0).status, 400u);
        QCOMPARE(ledger.handle(controlRequest("nope"), t0).status, 400u);
        QCOMPARE(ledger.faults().errorRate, 0.0);
        QCOMPARE(ledger.handle(controlRequest(R"({"errorRate": 1, "latencyMs": 5})"), t0).status, 200u);
        QCOMPARE(ledger.faults().errorRate, 1.0);
        QCOMPARE(ledger.faults().latencyMs, 5);
        QCOMPARE(ledger.handle(chargeRequest("k", 1), t0).status, 500u);
        QCOMPARE(ledger.chargeCount(), 0u); // a 5xx records nothing
        QCOMPARE(ledger.handle(controlRequest(R"({"errorRate": 0, "failNext": 1})"), t0).status, 200u);
        QCOMPARE(ledger.handle(chargeRequest("k", 1), t0).status, 500u);
        QCOMPARE(ledger.handle(chargeRequest("k", 1), t0).status, 200u);
    }
};

QTEST_APPLESS_MAIN(TestPaymentProtocol)
#include "TestPaymentProtocol.moc"
