#pragma once

// Admission tokens of the waiting room: proof that a queued session was let through, for one event,
// until a moment. A token is "v1.<payload>.<mac>" (base64url without padding): the payload is the
// event id, the queue session's key and the expiry (little-endian, 40 bytes), the MAC is
// HMAC-SHA-256 of the payload under the server key. Tokens are stateless: any process with the key
// checks them, and they survive a restart.

#include "core/Types.h"
#include "waitroom/QueueKey.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace usher {

// Stable numbers, in the order the checks run.
enum class TokenCheck : std::uint8_t {
    Ok = 0,
    Malformed = 1,  // not a token of this format
    Forged = 2,     // the MAC does not match: not issued under this key, or altered
    WrongEvent = 3, // a genuine token for another event
    Expired = 4,
};
const char* tokenCheckName(TokenCheck check);

struct AdmissionClaims {
    EventId event = 0;
    QueueKey session;
    Timestamp expiresAt = 0;
};

class AdmissionTokens {
public:
    static constexpr std::size_t kKeyBytes = 32;
    using Key = std::array<std::uint8_t, kKeyBytes>;

    explicit AdmissionTokens(const Key& key);
    static Key randomKey();

    std::string issue(const AdmissionClaims& claims) const;
    // Checks the token for `event` at `now`; *claims (may be null) gets what it says when Ok (and
    // for WrongEvent and Expired, whose MAC is genuine).
    TokenCheck check(std::string_view token, EventId event, Timestamp now, AdmissionClaims* claims) const;

private:
    Key m_key;
};

} // namespace usher
