#include "waitroom/AdmissionToken.h"

#include "core/Assert.h"
#include "core/Random.h"

#include <sodium.h>

#include <cstring>

namespace usher {

namespace {

constexpr std::string_view kPrefix = "v1.";
constexpr std::size_t kPayloadBytes = 8 + 16 + 8;
constexpr std::size_t kMacBytes = crypto_auth_hmacsha256_BYTES;
static_assert(AdmissionTokens::kKeyBytes == crypto_auth_hmacsha256_KEYBYTES);

using Payload = std::array<std::uint8_t, kPayloadBytes>;

void putU64(std::uint8_t* out, std::uint64_t value)
{
    for (int i = 0; i < 8; ++i)
        out[i] = static_cast<std::uint8_t>(value >> (8 * i));
}

std::uint64_t getU64(const std::uint8_t* in)
{
    std::uint64_t value = 0;
    for (int i = 7; i >= 0; --i)
        value = (value << 8) | in[i];
    return value;
}

Payload encodePayload(const AdmissionClaims& claims)
{
    Payload payload {};
    putU64(payload.data(), claims.event);
    putU64(payload.data() + 8, claims.session.hi);
    putU64(payload.data() + 16, claims.session.lo);
    putU64(payload.data() + 24, static_cast<std::uint64_t>(claims.expiresAt));
    return payload;
}

std::string base64(const std::uint8_t* bytes, std::size_t size)
{
    constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
    std::string text(sodium_base64_ENCODED_LEN(size, kVariant), '\0');
    sodium_bin2base64(text.data(), text.size(), bytes, size, kVariant);
    text.resize(std::strlen(text.c_str()));
    return text;
}

// Exactly `size` bytes, or false.
bool unbase64(std::string_view text, std::uint8_t* out, std::size_t size)
{
    std::size_t written = 0;
    const char* end = nullptr;
    if (sodium_base642bin(out, size, text.data(), text.size(), nullptr, &written, &end,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING)
        != 0)
        return false;
    return written == size && end == text.data() + text.size();
}

} // namespace

const char* tokenCheckName(TokenCheck check)
{
    switch (check) {
    case TokenCheck::Ok:
        return "ok";
    case TokenCheck::Malformed:
        return "malformed";
    case TokenCheck::Forged:
        return "forged";
    case TokenCheck::WrongEvent:
        return "wrong_event";
    case TokenCheck::Expired:
        return "expired";
    }
    return "unknown";
}

AdmissionTokens::AdmissionTokens(const Key& key)
    : m_key(key)
{
    initSodium();
}

AdmissionTokens::Key AdmissionTokens::randomKey()
{
    Key key;
    secureRandom(key.data(), key.size());
    return key;
}

std::string AdmissionTokens::issue(const AdmissionClaims& claims) const
{
    USHER_ASSERT(!claims.session.isNull());
    const Payload payload = encodePayload(claims);
    std::array<std::uint8_t, kMacBytes> mac {};
    crypto_auth_hmacsha256(mac.data(), payload.data(), payload.size(), m_key.data());
    std::string token(kPrefix);
    token += base64(payload.data(), payload.size());
    token += '.';
    token += base64(mac.data(), mac.size());
    return token;
}

TokenCheck AdmissionTokens::check(std::string_view token, EventId event, Timestamp now, AdmissionClaims* claims) const
{
    if (token.size() > 256 || !token.starts_with(kPrefix))
        return TokenCheck::Malformed;
    token.remove_prefix(kPrefix.size());
    const std::size_t dot = token.find('.');
    if (dot == std::string_view::npos)
        return TokenCheck::Malformed;
    Payload payload {};
    std::array<std::uint8_t, kMacBytes> mac {};
    if (!unbase64(token.substr(0, dot), payload.data(), payload.size())
        || !unbase64(token.substr(dot + 1), mac.data(), mac.size()))
        return TokenCheck::Malformed;
    if (crypto_auth_hmacsha256_verify(mac.data(), payload.data(), payload.size(), m_key.data()) != 0)
        return TokenCheck::Forged;
    AdmissionClaims decoded;
    decoded.event = getU64(payload.data());
    decoded.session.hi = getU64(payload.data() + 8);
    decoded.session.lo = getU64(payload.data() + 16);
    decoded.expiresAt = static_cast<Timestamp>(getU64(payload.data() + 24));
    if (claims != nullptr)
        *claims = decoded;
    if (decoded.event != event)
        return TokenCheck::WrongEvent;
    if (now >= decoded.expiresAt)
        return TokenCheck::Expired;
    return TokenCheck::Ok;
}

} // namespace usher
