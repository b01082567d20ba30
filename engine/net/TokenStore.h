#pragma once

// Bearer tokens for usherd.
//
// * Staff and device tokens ("ust_" + 32 random bytes, base32) are provisioned by an admin with
//   `usherd token create`. Only their BLAKE2b-256 hash is stored, in <data>/usherd-tokens.db
//   (SQLite, separate from the engine's usher.db so the committer thread never sees it).
// * Buyer sessions ("usb_...") are stateless: buyer id, expiry and a keyed BLAKE2b MAC under a
//   secret kept in the same file. POST /api/sessions issues them; nothing is stored per buyer,
//   so a flood of sessions costs no storage.

#include "core/Types.h"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;

namespace usher::net {

enum class Role : std::uint8_t { Buyer = 1, Clerk = 2, Device = 3, Promoter = 4, Admin = 5 };
const char* roleName(Role role);
bool parseRole(std::string_view text, Role* role);
ActorKind actorKind(Role role);

struct Principal {
    Role role = Role::Buyer;
    std::uint64_t id = 0; // buyer id, or the token's row id for staff
    std::string name;
    Actor actor() const { return Actor { actorKind(role), id }; }
};

class TokenStore {
public:
    // Opens or creates <dataDirectory>/usherd-tokens.db. Null with *error on failure.
    static std::unique_ptr<TokenStore> open(const std::string& dataDirectory, std::string* error);
    ~TokenStore();
    TokenStore(const TokenStore&) = delete;
    TokenStore& operator=(const TokenStore&) = delete;

    // A new staff or device token; the clear text is returned once and never stored.
    bool createToken(Role role, const std::string& name, std::string* token, std::string* error);
    // A new buyer session valid for `seconds`.
    std::string createSession(Timestamp now, std::int64_t seconds, std::uint64_t* buyerId, Timestamp* expiresAt);
    // Who the bearer token belongs to, or nullopt. Thread-safe; staff tokens created by another
    // process are seen within about a second.
    std::optional<Principal> authenticate(std::string_view token, Timestamp now);
    // The buyer and expiry written in a buyer session token (`usb_<buyer>_<expiry>_<MAC>`), or nullopt
    // when it is not one. Parsing only: the MAC is not checked.
    struct SessionFields {
        std::uint64_t buyer = 0;
        Timestamp expiresAt = 0;
        std::string_view mac; // into the token
    };
    static std::optional<SessionFields> parseSession(std::string_view token);

private:
    explicit TokenStore(sqlite3* db);
    bool load(std::string* error);
    std::string sessionMac(std::uint64_t buyerId, Timestamp expiresAt) const;

    sqlite3* m_db;
    std::mutex m_mutex;
    std::map<std::string, Principal, std::less<>> m_staff; // by token hash
    Timestamp m_lastReloadMs = 0;
    std::string m_sessionKey; // 32 bytes
};

} // namespace usher::net
