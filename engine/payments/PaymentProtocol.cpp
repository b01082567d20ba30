#include "payments/PaymentProtocol.h"

#include "core/PercentDecode.h"
#include "core/QtText.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <charconv>
#include <cmath>

namespace usher::payproto {

namespace {

std::string fromQ(const QString& text)
{
    return text.toStdString();
}

std::optional<QJsonObject> parseObject(std::string_view json)
{
    if (json.size() > 1'000'000)
        return std::nullopt;
    QJsonParseError error {};
    const QJsonDocument document
        = QJsonDocument::fromJson(QByteArray(json.data(), static_cast<qsizetype>(json.size())), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

std::string serialize(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

// An integral JSON number in [minimum, kAmountMinorMax], or nothing.
std::optional<std::int64_t> readInteger(const QJsonObject& object, const char* name, std::int64_t minimum)
{
    const QJsonValue value = object.value(QLatin1String(name));
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!std::isfinite(number) || number != std::floor(number) || number < static_cast<double>(minimum)
        || number > static_cast<double>(kAmountMinorMax))
        return std::nullopt;
    return static_cast<std::int64_t>(number);
}

// A string of at most kTextBytesMax bytes; a missing member reads as empty when `optional`.
std::optional<std::string> readText(const QJsonObject& object, const char* name, bool optional)
{
    const QJsonValue value = object.value(QLatin1String(name));
    if (value.isUndefined() && optional)
        return std::string();
    if (!value.isString())
        return std::nullopt;
    std::string text = fromQ(value.toString());
    if (text.size() > kTextBytesMax)
        return std::nullopt;
    return text;
}

} // namespace

bool isValidIdempotencyKey(std::string_view key)
{
    if (key.empty() || key.size() > kIdempotencyKeyBytesMax)
        return false;
    for (const char c : key) {
        if (c < 0x21 || c > 0x7e)
            return false;
    }
    return true;
}

std::string percentEncode(std::string_view text)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size() * 3);
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool unreserved = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z')
            || (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' || byte == '_' || byte == '~';
        if (unreserved) {
            out.push_back(c);
        } else {
            out.push_back('%');
            out.push_back(kHex[byte >> 4]);
            out.push_back(kHex[byte & 0xf]);
        }
    }
    return out;
}

std::optional<std::string> percentDecode(std::string_view text)
{
    return usher::percentDecode(text, usher::PlusSign::Plus);
}

const char* gatewayUrlStatusName(GatewayUrlStatus status)
{
    switch (status) {
    case GatewayUrlStatus::Ok: return "ok";
    case GatewayUrlStatus::BadScheme: return "bad_scheme";
    case GatewayUrlStatus::MissingHost: return "missing_host";
    case GatewayUrlStatus::BadPort: return "bad_port";
    case GatewayUrlStatus::UnsupportedPart: return "unsupported_part";
    }
    return "invalid";
}

GatewayUrlParse parseGatewayUrl(std::string_view url)
{
    GatewayUrlParse result;
    constexpr std::string_view kScheme = "http://";
    if (url.substr(0, kScheme.size()) != kScheme) {
        result.status = GatewayUrlStatus::BadScheme;
        return result;
    }
    std::string_view rest = url.substr(kScheme.size());
    if (rest.find_first_of("?#@") != std::string_view::npos) {
        result.status = GatewayUrlStatus::UnsupportedPart;
        return result;
    }
    const std::size_t slash = rest.find('/');
    std::string_view authority = rest.substr(0, slash);
    std::string_view path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
    while (!path.empty() && path.back() == '/')
        path.remove_suffix(1);

    std::string_view host = authority;
    std::string_view port;
    if (!authority.empty() && authority.front() == '[') { // [IPv6]:port
        const std::size_t close = authority.find(']');
        if (close == std::string_view::npos) {
            result.status = GatewayUrlStatus::MissingHost;
            return result;
        }
        host = authority.substr(1, close - 1);
        std::string_view after = authority.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':') {
                result.status = GatewayUrlStatus::BadPort;
                return result;
            }
            port = after.substr(1);
            if (port.empty()) {
                result.status = GatewayUrlStatus::BadPort;
                return result;
            }
        }
    } else if (const std::size_t colon = authority.rfind(':'); colon != std::string_view::npos) {
        host = authority.substr(0, colon);
        port = authority.substr(colon + 1);
        if (port.empty()) {
            result.status = GatewayUrlStatus::BadPort;
            return result;
        }
    }
    if (host.empty()) {
        result.status = GatewayUrlStatus::MissingHost;
        return result;
    }
    unsigned portNumber = 80;
    if (!port.empty()) {
        const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), portNumber);
        if (error != std::errc() || end != port.data() + port.size() || portNumber == 0 || portNumber > 65535) {
            result.status = GatewayUrlStatus::BadPort;
            return result;
        }
    }
    result.endpoint.host = std::string(host);
    result.endpoint.port = static_cast<std::uint16_t>(portNumber);
    result.endpoint.basePath = std::string(path);
    return result;
}

const char* chargeStatusName(ChargeStatus status)
{
    switch (status) {
    case ChargeStatus::Approved: return "approved";
    case ChargeStatus::Declined: return "declined";
    case ChargeStatus::Voided: return "voided";
    }
    return "invalid";
}

bool isValidCurrency(std::string_view currency)
{
    if (currency.size() != 3)
        return false;
    for (const char c : currency) {
        if (c < 'A' || c > 'Z')
            return false;
    }
    return true;
}

std::string encodeChargeBody(const ChargeBody& body)
{
    QJsonObject object;
    object.insert(QLatin1String("amountMinor"), static_cast<double>(body.amountMinor));
    object.insert(QLatin1String("currency"), toQString(body.currency));
    object.insert(QLatin1String("paymentToken"), toQString(body.paymentToken));
    object.insert(QLatin1String("description"), toQString(body.description));
    return serialize(object);
}

std::optional<ChargeBody> decodeChargeBody(std::string_view json)
{
    const auto object = parseObject(json);
    if (!object)
        return std::nullopt;
    const auto amount = readInteger(*object, "amountMinor", 1);
    const auto currency = readText(*object, "currency", false);
    const auto token = readText(*object, "paymentToken", true);
    const auto description = readText(*object, "description", true);
    if (!amount || !currency || !token || !description || !isValidCurrency(*currency))
        return std::nullopt;
    return ChargeBody { *amount, *currency, *token, *description };
}

std::string encodeChargeRecord(const ChargeRecord& record)
{
    QJsonObject object;
    object.insert(QLatin1String("id"), toQString(record.id));
    object.insert(QLatin1String("idempotencyKey"), toQString(record.idempotencyKey));
    object.insert(QLatin1String("status"), QLatin1String(chargeStatusName(record.status)));
    object.insert(QLatin1String("amountMinor"), static_cast<double>(record.amountMinor));
    object.insert(QLatin1String("currency"), toQString(record.currency));
    object.insert(QLatin1String("refundedMinor"), static_cast<double>(record.refundedMinor));
    if (!record.declineReason.empty())
        object.insert(QLatin1String("declineReason"), toQString(record.declineReason));
    return serialize(object);
}

std::optional<ChargeRecord> decodeChargeRecord(std::string_view json)
{
    const auto object = parseObject(json);
    if (!object)
        return std::nullopt;
    const auto id = readText(*object, "id", false);
    const auto key = readText(*object, "idempotencyKey", false);
    const auto status = readText(*object, "status", false);
    const auto amount = readInteger(*object, "amountMinor", 0);
    const auto currency = readText(*object, "currency", false);
    const auto refunded = readInteger(*object, "refundedMinor", 0);
    const auto reason = readText(*object, "declineReason", true);
    if (!id || !key || !status || !amount || !currency || !refunded || !reason)
        return std::nullopt;
    ChargeRecord record { *id, *key, ChargeStatus::Declined, *amount, *currency, *refunded, *reason };
    if (*status == "approved")
        record.status = ChargeStatus::Approved;
    else if (*status == "declined")
        record.status = ChargeStatus::Declined;
    else if (*status == "voided")
        record.status = ChargeStatus::Voided;
    else
        return std::nullopt;
    return record;
}

std::string encodeRefundBody(const RefundBody& body)
{
    QJsonObject object;
    object.insert(QLatin1String("paymentId"), toQString(body.paymentId));
    object.insert(QLatin1String("amountMinor"), static_cast<double>(body.amountMinor));
    return serialize(object);
}

std::optional<RefundBody> decodeRefundBody(std::string_view json)
{
    const auto object = parseObject(json);
    if (!object)
        return std::nullopt;
    const auto paymentId = readText(*object, "paymentId", false);
    const auto amount = readInteger(*object, "amountMinor", 1);
    if (!paymentId || paymentId->empty() || !amount)
        return std::nullopt;
    return RefundBody { *paymentId, *amount };
}

std::string encodeRefundRecord(const RefundRecord& record)
{
    QJsonObject object;
    object.insert(QLatin1String("id"), toQString(record.id));
    object.insert(QLatin1String("idempotencyKey"), toQString(record.idempotencyKey));
    object.insert(QLatin1String("paymentId"), toQString(record.paymentId));
    object.insert(QLatin1String("status"), QLatin1String("refunded"));
    object.insert(QLatin1String("amountMinor"), static_cast<double>(record.amountMinor));
    return serialize(object);
}

std::optional<RefundRecord> decodeRefundRecord(std::string_view json)
{
    const auto object = parseObject(json);
    if (!object)
        return std::nullopt;
    const auto id = readText(*object, "id", false);
    const auto key = readText(*object, "idempotencyKey", false);
    const auto paymentId = readText(*object, "paymentId", false);
    const auto status = readText(*object, "status", false);
    const auto amount = readInteger(*object, "amountMinor", 1);
    if (!id || !key || !paymentId || !status || *status != "refunded" || !amount)
        return std::nullopt;
    return RefundRecord { *id, *key, *paymentId, *amount };
}

std::string encodeErrorBody(const ErrorBody& error)
{
    QJsonObject inner;
    inner.insert(QLatin1String("code"), toQString(error.code));
    inner.insert(QLatin1String("message"), toQString(error.message));
    if (error.retryAfterMs >= 0)
        inner.insert(QLatin1String("retryAfterMs"), static_cast<double>(error.retryAfterMs));
    QJsonObject object;
    object.insert(QLatin1String("error"), inner);
    return serialize(object);
}

std::optional<ErrorBody> decodeErrorBody(std::string_view json)
{
    const auto object = parseObject(json);
    if (!object)
        return std::nullopt;
    const QJsonValue innerValue = object->value(QLatin1String("error"));
    if (!innerValue.isObject())
        return std::nullopt;
    const QJsonObject inner = innerValue.toObject();
    const auto code = readText(inner, "code", false);
    const auto message = readText(inner, "message", true);
    if (!code || !message)
        return std::nullopt;
    ErrorBody error { *code, *message, -1 };
    if (inner.contains(QLatin1String("retryAfterMs"))) {
        const auto retryAfter = readInteger(inner, "retryAfterMs", 0);
        if (retryAfter)
            error.retryAfterMs = *retryAfter;
    }
    return error;
}

} // namespace usher::payproto
