#pragma once

// The gateway wire protocol of docs/design/payments.md, shared by the client (HttpPaymentGateway)
// and the fake gateway (usher-fakepay): paths, JSON bodies, idempotency-key rules and the
// `--payment-gateway URL` parser. Qt Core JSON only; no networking here.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace usher::payproto {

inline constexpr std::string_view kChargesPath = "/v1/charges";
inline constexpr std::string_view kChargeByKeyPrefix = "/v1/charges/by-key/";
inline constexpr std::string_view kRefundsPath = "/v1/refunds";
inline constexpr std::string_view kIdempotencyHeader = "Idempotency-Key";
inline constexpr std::string_view kReplayedHeader = "Idempotent-Replayed";

inline constexpr std::size_t kIdempotencyKeyBytesMax = 255;
inline constexpr std::int64_t kAmountMinorMax = 1'000'000'000'000; // 10^12 minor units
inline constexpr std::size_t kTextBytesMax = 1'024;                // token, description

// 1..255 bytes of visible ASCII (0x21..0x7e): safe in a header and, percent-encoded, in a path.
bool isValidIdempotencyKey(std::string_view key);
std::string percentEncode(std::string_view text);
// Nothing on a malformed escape.
std::optional<std::string> percentDecode(std::string_view text);

// --- --payment-gateway URL ------------------------------------------------------------------------

enum class GatewayUrlStatus : std::uint8_t {
    Ok = 0,
    BadScheme = 1, // not http:// (https:// is not supported yet, see payments.md)
    MissingHost = 2,
    BadPort = 3,
    UnsupportedPart = 4, // user info, query or fragment
};

const char* gatewayUrlStatusName(GatewayUrlStatus status);

struct GatewayEndpoint {
    std::string host; // name or IPv4 literal; an IPv6 literal without its brackets
    std::uint16_t port = 80;
    std::string basePath; // prefix of every request path, no trailing '/', often empty
};

struct GatewayUrlParse {
    GatewayUrlStatus status = GatewayUrlStatus::Ok;
    GatewayEndpoint endpoint;
};

// "http://host[:port][/base]" → endpoint.
GatewayUrlParse parseGatewayUrl(std::string_view url);

// --- Bodies ---------------------------------------------------------------------------------------

enum class ChargeStatus : std::uint8_t { Approved = 1, Declined = 2, Voided = 3 };

const char* chargeStatusName(ChargeStatus status);

struct ChargeBody { // POST /v1/charges
    std::int64_t amountMinor = 0;
    std::string currency;
    std::string paymentToken;
    std::string description;
};

struct ChargeRecord { // the answer to a charge or lookup
    std::string id;
    std::string idempotencyKey;
    ChargeStatus status = ChargeStatus::Declined;
    std::int64_t amountMinor = 0;
    std::string currency;
    std::int64_t refundedMinor = 0;
    std::string declineReason;
};

struct RefundBody { // POST /v1/refunds
    std::string paymentId;
    std::int64_t amountMinor = 0;
};

struct RefundRecord {
    std::string id;
    std::string idempotencyKey;
    std::string paymentId;
    std::int64_t amountMinor = 0;
};

struct ErrorBody { // every non-2xx answer: {"error": {"code", "message", "retryAfterMs"?}}
    std::string code;
    std::string message;
    std::int64_t retryAfterMs = -1; // 429 only: a finer Retry-After than the header's seconds
};

bool isValidCurrency(std::string_view currency); // three upper-case letters

std::string encodeChargeBody(const ChargeBody& body);
std::optional<ChargeBody> decodeChargeBody(std::string_view json); // nothing if malformed or out of range
std::string encodeChargeRecord(const ChargeRecord& record);
std::optional<ChargeRecord> decodeChargeRecord(std::string_view json);
std::string encodeRefundBody(const RefundBody& body);
std::optional<RefundBody> decodeRefundBody(std::string_view json);
std::string encodeRefundRecord(const RefundRecord& record);
std::optional<RefundRecord> decodeRefundRecord(std::string_view json);
std::string encodeErrorBody(const ErrorBody& error);
std::optional<ErrorBody> decodeErrorBody(std::string_view json);

} // namespace usher::payproto
