#include "payments/FakeGatewayLedger.h"

#include "core/Assert.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace usher {

namespace {

constexpr std::int64_t kDurationMsMax = 600'000;
constexpr double kRateLimitMax = 1'000'000;

FakeResponse answer(unsigned status, std::string body)
{
    FakeResponse response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

FakeResponse error(unsigned status, const char* code, const char* message)
{
    return answer(status, payproto::encodeErrorBody({ code, message, -1 }));
}

std::string serialize(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

QJsonObject chargeJson(const payproto::ChargeRecord& record, std::uint64_t requests)
{
    QJsonObject object
        = QJsonDocument::fromJson(QByteArray::fromStdString(payproto::encodeChargeRecord(record))).object();
    object.insert(QLatin1String("requests"), static_cast<double>(requests));
    return object;
}

QJsonObject faultsJson(const FakeFaults& faults)
{
    QJsonObject object;
    object.insert(QLatin1String("latencyMs"), static_cast<double>(faults.latencyMs));
    object.insert(QLatin1String("declineRate"), faults.declineRate);
    object.insert(QLatin1String("errorRate"), faults.errorRate);
    object.insert(QLatin1String("timeoutRate"), faults.timeoutRate);
    object.insert(QLatin1String("hangRate"), faults.hangRate);
    object.insert(QLatin1String("rateLimitPerSecond"), faults.rateLimitPerSecond);
    object.insert(QLatin1String("timeoutDelayMs"), static_cast<double>(faults.timeoutDelayMs));
    object.insert(QLatin1String("hangMs"), static_cast<double>(faults.hangMs));
    return object;
}

std::string formatId(const char* prefix, std::uint64_t number)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%s_%06llu", prefix, static_cast<unsigned long long>(number));
    return buffer;
}

} // namespace

FakeGatewayLedger::FakeGatewayLedger(FakeFaults faults, std::uint64_t seed, FakeGatewayLimits limits)
    : m_faults(faults)
    , m_limits(limits)
    , m_seed(seed)
    , m_random(seed)
{
    USHER_ASSERT(validFaults(m_faults));
}

bool FakeGatewayLedger::validFaults(const FakeFaults& faults)
{
    const auto rate = [](double value) { return std::isfinite(value) && value >= 0 && value <= 1; };
    const auto duration = [](std::int64_t value) { return value >= 0 && value <= kDurationMsMax; };
    return rate(faults.declineRate) && rate(faults.errorRate) && rate(faults.timeoutRate) && rate(faults.hangRate)
        && std::isfinite(faults.rateLimitPerSecond) && faults.rateLimitPerSecond >= 0
        && faults.rateLimitPerSecond <= kRateLimitMax && duration(faults.latencyMs) && duration(faults.timeoutDelayMs)
        && duration(faults.hangMs);
}

double FakeGatewayLedger::roll()
{
    // 53 random bits → [0, 1); identical on every platform, unlike uniform_real_distribution.
    return static_cast<double>(m_random() >> 11) * 0x1.0p-53;
}

FakeResponse FakeGatewayLedger::handle(const FakeRequest& request, TimePoint now)
{
    if (request.target == "/healthz")
        return answer(200, R"({"status":"ok"})");
    if (request.target == "/control" || request.target.rfind("/control/", 0) == 0)
        return handleControl(request);
    if (request.target.rfind("/v1/", 0) == 0)
        return handleV1(request, now);
    return error(404, "no_route", "no such route");
}

bool FakeGatewayLedger::takeToken(TimePoint now, std::int64_t* retryAfterMs)
{
    const double rate = m_faults.rateLimitPerSecond;
    if (rate <= 0)
        return true;
    const double burst = std::max(1.0, rate);
    if (!m_tokensStarted) {
        m_tokensStarted = true;
        m_tokens = burst;
        m_tokensAt = now;
    }
    const double elapsed = std::chrono::duration<double>(now - m_tokensAt).count();
    m_tokens = std::min(burst, m_tokens + std::max(0.0, elapsed) * rate);
    m_tokensAt = now;
    if (m_tokens >= 1) {
        m_tokens -= 1;
        return true;
    }
    *retryAfterMs = static_cast<std::int64_t>(std::ceil((1 - m_tokens) / rate * 1000));
    return false;
}

FakeResponse FakeGatewayLedger::handleV1(const FakeRequest& request, TimePoint now)
{
    ++m_counters.requests;
    std::int64_t retryAfterMs = 0;
    if (!takeToken(now, &retryAfterMs)) {
        ++m_counters.rateLimited;
        FakeResponse response
            = answer(429, payproto::encodeErrorBody({ "rate_limited", "merchant rate limit exceeded", retryAfterMs }));
        response.retryAfterSeconds = std::max<std::int64_t>(1, (retryAfterMs + 999) / 1000);
        return response;
    }
    // A fixed number of draws per request keeps the random sequence independent of the faults.
    const double hangRoll = roll();
    const double errorRoll = roll();
    const double timeoutRoll = roll();
    const double declineRoll = roll();
    if (hangRoll < m_faults.hangRate) {
        ++m_counters.injectedHangs;
        FakeResponse response;
        response.action = FakeAction::Hang;
        response.delay = std::chrono::milliseconds { m_faults.hangMs };
        return response;
    }
    if (m_failNext > 0 || errorRoll < m_faults.errorRate) {
        m_failNext = std::max<std::int64_t>(0, m_failNext - 1);
        ++m_counters.injectedErrors;
        return error(500, "injected_error", "fault injection: internal error, nothing recorded");
    }

    FakeResponse response;
    if (request.method == "POST" && request.target == payproto::kChargesPath)
        response = handleCharge(request, declineRoll);
    else if (request.method == "GET" && request.target.rfind(payproto::kChargeByKeyPrefix, 0) == 0)
        response = handleLookup(request);
    else if (request.method == "POST" && request.target == payproto::kRefundsPath)
        response = handleRefund(request);
    else
        response = error(404, "no_route", "no such route");

    if (timeoutRoll < m_faults.timeoutRate) {
        ++m_counters.injectedTimeouts;
        response.delay = std::chrono::milliseconds { m_faults.timeoutDelayMs };
    } else {
        response.delay = std::chrono::milliseconds { m_faults.latencyMs };
    }
    return response;
}

FakeResponse FakeGatewayLedger::handleCharge(const FakeRequest& request, double declineRoll)
{
    ++m_counters.chargeRequests;
    if (!request.hasIdempotencyKey || !payproto::isValidIdempotencyKey(request.idempotencyKey))
        return error(400, "bad_idempotency_key", "Idempotency-Key header missing or malformed");
    const auto body = payproto::decodeChargeBody(request.body);
    if (!body)
        return error(400, "bad_request", "malformed charge body");

    if (auto it = m_charges.find(request.idempotencyKey); it != m_charges.end()) {
        ChargeEntry& entry = it->second;
        ++entry.requests;
        if (entry.record.status == payproto::ChargeStatus::Voided)
            return error(409, "key_voided", "a lookup found no charge under this key; it can never charge");
        if (entry.record.amountMinor != body->amountMinor || entry.record.currency != body->currency)
            return error(409, "key_conflict", "idempotency key reused with another amount or currency");
        ++m_counters.replays;
        FakeResponse response = answer(200, payproto::encodeChargeRecord(entry.record));
        response.replayed = true;
        return response;
    }
    if (m_charges.size() >= m_limits.chargesMax)
        return error(503, "ledger_full", "the fake ledger is full; nothing recorded");

    payproto::ChargeRecord record;
    record.id = formatId("ch", m_nextChargeId++);
    record.idempotencyKey = request.idempotencyKey;
    record.amountMinor = body->amountMinor;
    record.currency = body->currency;
    if (body->paymentToken == "tok_decline" || declineRoll < m_faults.declineRate) {
        record.status = payproto::ChargeStatus::Declined;
        record.declineReason = "card_declined";
        ++m_counters.chargesDeclined;
    } else {
        record.status = payproto::ChargeStatus::Approved;
        ++m_counters.chargesApproved;
        m_counters.capturedMinor += record.amountMinor;
    }
    m_keyById.emplace(record.id, record.idempotencyKey);
    FakeResponse response = answer(200, payproto::encodeChargeRecord(record));
    m_charges.emplace(request.idempotencyKey, ChargeEntry { std::move(record), 1 });
    return response;
}

FakeResponse FakeGatewayLedger::handleLookup(const FakeRequest& request)
{
    ++m_counters.lookups;
    const auto key
        = payproto::percentDecode(std::string_view(request.target).substr(payproto::kChargeByKeyPrefix.size()));
    if (!key || !payproto::isValidIdempotencyKey(*key))
        return error(400, "bad_idempotency_key", "malformed idempotency key");
    if (auto it = m_charges.find(*key); it != m_charges.end()) {
        if (it->second.record.status == payproto::ChargeStatus::Voided)
            return error(404, "not_found", "no charge under this key (fenced)");
        return answer(200, payproto::encodeChargeRecord(it->second.record));
    }
    if (m_charges.size() >= m_limits.chargesMax)
        return error(503, "ledger_full", "cannot fence the key: the fake ledger is full");
    // Fence the key so that "not found" stays true: a charge still on its way can never land.
    payproto::ChargeRecord tombstone;
    tombstone.idempotencyKey = *key;
    tombstone.status = payproto::ChargeStatus::Voided;
    m_charges.emplace(*key, ChargeEntry { std::move(tombstone), 0 });
    ++m_counters.fencedKeys;
    return error(404, "not_found", "no charge under this key; the key is now fenced");
}

FakeResponse FakeGatewayLedger::handleRefund(const FakeRequest& request)
{
    if (!request.hasIdempotencyKey || !payproto::isValidIdempotencyKey(request.idempotencyKey))
        return error(400, "bad_idempotency_key", "Idempotency-Key header missing or malformed");
    const auto body = payproto::decodeRefundBody(request.body);
    if (!body)
        return error(400, "bad_request", "malformed refund body");
    if (auto it = m_refunds.find(request.idempotencyKey); it != m_refunds.end()) {
        if (it->second.paymentId != body->paymentId || it->second.amountMinor != body->amountMinor)
            return error(409, "key_conflict", "idempotency key reused with another refund");
        ++m_counters.replays;
        FakeResponse response = answer(200, payproto::encodeRefundRecord(it->second));
        response.replayed = true;
        return response;
    }
    const auto keyIt = m_keyById.find(body->paymentId);
    if (keyIt == m_keyById.end())
        return error(404, "not_found", "no such payment");
    payproto::ChargeRecord& charge = m_charges.at(keyIt->second).record;
    if (charge.status != payproto::ChargeStatus::Approved)
        return error(409, "not_refundable", "the charge was not approved");
    if (body->amountMinor > charge.amountMinor - charge.refundedMinor)
        return error(409, "refund_exceeds", "refund exceeds the amount left on the charge");
    if (m_refunds.size() >= m_limits.refundsMax)
        return error(503, "ledger_full", "the fake ledger is full; nothing recorded");
    charge.refundedMinor += body->amountMinor;
    m_counters.capturedMinor -= body->amountMinor;
    ++m_counters.refunds;
    payproto::RefundRecord refund { formatId("re", m_nextRefundId++), request.idempotencyKey, body->paymentId,
                                    body->amountMinor };
    FakeResponse response = answer(200, payproto::encodeRefundRecord(refund));
    m_refunds.emplace(request.idempotencyKey, std::move(refund));
    return response;
}

FakeResponse FakeGatewayLedger::handleControl(const FakeRequest& request)
{
    if (request.target == "/control" && request.method == "GET")
        return controlState();
    if (request.target == "/control" && request.method == "POST")
        return applyControl(request.body);
    if (request.target == "/control/ledger" && request.method == "GET")
        return controlLedger();
    if (request.target == "/control/reset" && request.method == "POST") {
        const FakeFaults faults = m_faults;
        *this = FakeGatewayLedger(faults, m_seed, m_limits);
        return controlState();
    }
    return error(404, "no_route", "no such control route");
}

FakeResponse FakeGatewayLedger::controlState() const
{
    QJsonObject counters;
    counters.insert(QLatin1String("requests"), static_cast<double>(m_counters.requests));
    counters.insert(QLatin1String("rateLimited"), static_cast<double>(m_counters.rateLimited));
    counters.insert(QLatin1String("injectedErrors"), static_cast<double>(m_counters.injectedErrors));
    counters.insert(QLatin1String("injectedTimeouts"), static_cast<double>(m_counters.injectedTimeouts));
    counters.insert(QLatin1String("injectedHangs"), static_cast<double>(m_counters.injectedHangs));
    counters.insert(QLatin1String("chargeRequests"), static_cast<double>(m_counters.chargeRequests));
    counters.insert(QLatin1String("chargesApproved"), static_cast<double>(m_counters.chargesApproved));
    counters.insert(QLatin1String("chargesDeclined"), static_cast<double>(m_counters.chargesDeclined));
    counters.insert(QLatin1String("replays"), static_cast<double>(m_counters.replays));
    counters.insert(QLatin1String("lookups"), static_cast<double>(m_counters.lookups));
    counters.insert(QLatin1String("fencedKeys"), static_cast<double>(m_counters.fencedKeys));
    counters.insert(QLatin1String("refunds"), static_cast<double>(m_counters.refunds));
    counters.insert(QLatin1String("capturedMinor"), static_cast<double>(m_counters.capturedMinor));
    QJsonObject object;
    object.insert(QLatin1String("faults"), faultsJson(m_faults));
    object.insert(QLatin1String("seed"), QString::number(m_seed));
    object.insert(QLatin1String("failNext"), static_cast<double>(m_failNext));
    object.insert(QLatin1String("counters"), counters);
    return answer(200, serialize(object));
}

FakeResponse FakeGatewayLedger::controlLedger() const
{
    QJsonArray charges;
    for (const auto& [key, entry] : m_charges) {
        if (static_cast<std::size_t>(charges.size()) >= m_limits.ledgerListMax)
            break;
        charges.append(chargeJson(entry.record, entry.requests));
    }
    QJsonArray refunds;
    for (const auto& [key, refund] : m_refunds) {
        if (static_cast<std::size_t>(refunds.size()) >= m_limits.ledgerListMax)
            break;
        refunds.append(
            QJsonDocument::fromJson(QByteArray::fromStdString(payproto::encodeRefundRecord(refund))).object());
    }
    QJsonObject object;
    object.insert(QLatin1String("charges"), charges);
    object.insert(QLatin1String("refunds"), refunds);
    object.insert(QLatin1String("truncated"),
                  m_charges.size() > m_limits.ledgerListMax || m_refunds.size() > m_limits.ledgerListMax);
    return answer(200, serialize(object));
}

FakeResponse FakeGatewayLedger::applyControl(const std::string& body)
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(body), &parseError);
    if (body.size() > 64 * 1024 || parseError.error != QJsonParseError::NoError || !document.isObject())
        return error(400, "bad_request", "expected a JSON object");
    const QJsonObject object = document.object();
    FakeFaults faults = m_faults;
    bool ok = true;
    const auto readRate = [&](const char* name, double& target) {
        const QJsonValue value = object.value(QLatin1String(name));
        if (value.isUndefined())
            return;
        ok = ok && value.isDouble();
        target = value.toDouble(-1);
    };
    const auto readMs = [&](const char* name, std::int64_t& target) {
        const QJsonValue value = object.value(QLatin1String(name));
        if (value.isUndefined())
            return;
        const double number = value.toDouble(-1);
        ok = ok && value.isDouble() && number == std::floor(number) && number >= 0 && number <= kDurationMsMax;
        target = static_cast<std::int64_t>(std::clamp(number, 0.0, static_cast<double>(kDurationMsMax)));
    };
    readMs("latencyMs", faults.latencyMs);
    readRate("declineRate", faults.declineRate);
    readRate("errorRate", faults.errorRate);
    readRate("timeoutRate", faults.timeoutRate);
    readRate("hangRate", faults.hangRate);
    readRate("rateLimitPerSecond", faults.rateLimitPerSecond);
    readMs("timeoutDelayMs", faults.timeoutDelayMs);
    readMs("hangMs", faults.hangMs);
    std::int64_t failNext = m_failNext;
    if (const QJsonValue value = object.value(QLatin1String("failNext")); !value.isUndefined()) {
        const double number = value.toDouble(-1);
        ok = ok && value.isDouble() && number >= 0 && number == std::floor(number) && number <= 1'000'000;
        failNext = static_cast<std::int64_t>(std::clamp(number, 0.0, 1'000'000.0));
    }
    std::uint64_t seed = m_seed;
    if (const QJsonValue value = object.value(QLatin1String("seed")); !value.isUndefined()) {
        const double number = value.toDouble(-1);
        ok = ok && value.isDouble() && number >= 0 && number == std::floor(number) && number < 0x1.0p53;
        seed = static_cast<std::uint64_t>(std::max(0.0, number));
    }
    if (!ok || !validFaults(faults))
        return error(400, "bad_request", "a fault value is malformed or out of range");
    if (faults.rateLimitPerSecond != m_faults.rateLimitPerSecond)
        m_tokensStarted = false; // a new limit starts with a full bucket
    m_faults = faults;
    m_failNext = failNext;
    if (seed != m_seed || object.contains(QLatin1String("seed"))) {
        m_seed = seed;
        m_random.seed(seed);
    }
    return controlState();
}

} // namespace usher
