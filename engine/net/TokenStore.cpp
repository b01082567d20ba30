#include "net/TokenStore.h"

#include "core/Random.h"
#include "runtime/Clock.h"

#include <charconv>
#include <cstdio>
#include <cstring>
#include <sodium.h>
#include <sqlite3.h>

namespace usher::net {

namespace {

constexpr char kBase32[] = "abcdefghijklmnopqrstuvwxyz234567";

std::string base32(const unsigned char* bytes, std::size_t size)
{
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (std::size_t i = 0; i < size; ++i) {
        buffer = (buffer << 8) | bytes[i];
        bits += 8;
        while (bits >= 5) {
            out.push_back(kBase32[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
    }
    if (bits > 0)
        out.push_back(kBase32[(buffer << (5 - bits)) & 31]);
    return out;
}

std::string hashToken(std::string_view token)
{
    unsigned char hash[32];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                       0);
    return base32(hash, sizeof hash);
}

bool exec(sqlite3* db, const char* sql, std::string* error)
{
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    *error = message ? message : "sqlite error";
    sqlite3_free(message);
    return false;
}

template <typename Number>
bool parseHex(std::string_view text, Number* value)
{
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *value, 16);
    return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

} // namespace

const char* roleName(Role role)
{
    switch (role) {
    case Role::Buyer: return "buyer";
    case Role::Clerk: return "clerk";
    case Role::Device: return "device";
    case Role::Promoter: return "promoter";
    case Role::Admin: return "admin";
    }
    return "buyer";
}

bool parseRole(std::string_view text, Role* role)
{
    for (Role r : { Role::Buyer, Role::Clerk, Role::Device, Role::Promoter, Role::Admin }) {
        if (text == roleName(r)) {
            *role = r;
            return true;
        }
    }
    return false;
}

ActorKind actorKind(Role role)
{
    switch (role) {
    case Role::Buyer: return ActorKind::Buyer;
    case Role::Clerk: return ActorKind::Clerk;
    case Role::Device: return ActorKind::Device;
    case Role::Promoter: return ActorKind::Promoter;
    case Role::Admin: return ActorKind::Admin;
    }
    return ActorKind::None;
}

std::unique_ptr<TokenStore> TokenStore::open(const std::string& dataDirectory, std::string* error)
{
    if (sodium_init() < 0) {
        *error = "libsodium failed to initialize";
        return nullptr;
    }
    sqlite3* db = nullptr;
    const std::string path = dataDirectory + "/usherd-tokens.db";
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr)
        != SQLITE_OK) {
        *error = "cannot open " + path + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return nullptr;
    }
    sqlite3_busy_timeout(db, 2000);
    std::unique_ptr<TokenStore> store(new TokenStore(db));
    if (!exec(db,
              "PRAGMA journal_mode=WAL;"
              "CREATE TABLE IF NOT EXISTS tokens(id INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE, role TEXT NOT "
              "NULL, name TEXT NOT NULL, created_ms INTEGER NOT NULL);"
              "CREATE TABLE IF NOT EXISTS secrets(name TEXT PRIMARY KEY, value BLOB NOT NULL);",
              error)
        || !store->load(error))
        return nullptr;
    return store;
}

TokenStore::TokenStore(sqlite3* db)
    : m_db(db)
{
}

TokenStore::~TokenStore()
{
    sqlite3_close(m_db);
}

bool TokenStore::load(std::string* error)
{
    // The session secret: created once, kept across restarts so sessions survive them.
    unsigned char key[32];
    secureRandom(key, sizeof key);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(m_db, "INSERT OR IGNORE INTO secrets(name, value) VALUES('session', ?)", -1, &insert, nullptr);
    sqlite3_bind_blob(insert, 1, key, sizeof key, SQLITE_TRANSIENT);
    const int rc = sqlite3_step(insert);
    sqlite3_finalize(insert);
    if (rc != SQLITE_DONE) {
        *error = std::string("cannot store the session secret: ") + sqlite3_errmsg(m_db);
        return false;
    }
    sqlite3_stmt* select = nullptr;
    sqlite3_prepare_v2(m_db, "SELECT value FROM secrets WHERE name = 'session'", -1, &select, nullptr);
    if (sqlite3_step(select) == SQLITE_ROW && sqlite3_column_bytes(select, 0) == 32)
        m_sessionKey.assign(static_cast<const char*>(sqlite3_column_blob(select, 0)), 32);
    sqlite3_finalize(select);
    if (m_sessionKey.size() != 32) {
        *error = "the session secret is missing or corrupt";
        return false;
    }

    std::map<std::string, Principal, std::less<>> staff;
    sqlite3_stmt* tokens = nullptr;
    sqlite3_prepare_v2(m_db, "SELECT id, hash, role, name FROM tokens", -1, &tokens, nullptr);
    while (sqlite3_step(tokens) == SQLITE_ROW) {
        Principal p;
        p.id = std::uint64_t(sqlite3_column_int64(tokens, 0));
        const auto* hash = reinterpret_cast<const char*>(sqlite3_column_text(tokens, 1));
        const auto* role = reinterpret_cast<const char*>(sqlite3_column_text(tokens, 2));
        const auto* name = reinterpret_cast<const char*>(sqlite3_column_text(tokens, 3));
        if (!hash || !role || !parseRole(role, &p.role) || p.role == Role::Buyer)
            continue;
        p.name = name ? name : "";
        staff.emplace(hash, std::move(p));
    }
    sqlite3_finalize(tokens);
    m_staff = std::move(staff);
    return true;
}

bool TokenStore::createToken(Role role, const std::string& name, std::string* token, std::string* error)
{
    if (role == Role::Buyer) {
        *error = "buyer tokens are sessions: POST /api/sessions";
        return false;
    }
    unsigned char secret[32];
    secureRandom(secret, sizeof secret);
    const std::string clear = "ust_" + base32(secret, sizeof secret);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(m_db, "INSERT INTO tokens(hash, role, name, created_ms) VALUES(?, ?, ?, ?)", -1, &insert,
                       nullptr);
    const std::string hash = hashToken(clear);
    sqlite3_bind_text(insert, 1, hash.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 2, roleName(role), -1, SQLITE_STATIC);
    sqlite3_bind_text(insert, 3, name.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(insert, 4, systemClockNow());
    const int rc = sqlite3_step(insert);
    sqlite3_finalize(insert);
    if (rc != SQLITE_DONE) {
        *error = std::string("cannot store the token: ") + sqlite3_errmsg(m_db);
        return false;
    }
    std::lock_guard lock(m_mutex);
    if (!load(error))
        return false;
    *token = clear;
    return true;
}

std::string TokenStore::sessionMac(std::uint64_t buyerId, Timestamp expiresAt) const
{
    unsigned char message[16];
    std::memcpy(message, &buyerId, 8);
    std::memcpy(message + 8, &expiresAt, 8);
    unsigned char mac[20];
    crypto_generichash(mac, sizeof mac, message, sizeof message,
                       reinterpret_cast<const unsigned char*>(m_sessionKey.data()), m_sessionKey.size());
    return base32(mac, sizeof mac);
}

std::string TokenStore::createSession(Timestamp now, std::int64_t seconds, std::uint64_t* buyerId, Timestamp* expiresAt)
{
    std::uint64_t id = 0;
    while (id == 0) {
        secureRandom(&id, sizeof id);
        id >>= 1; // fits a JSON number's 53 bits comfortably when shown as a string, and an int64
    }
    const Timestamp expires = now + seconds * 1000;
    char head[48];
    std::snprintf(head, sizeof head, "usb_%llx_%llx_", static_cast<unsigned long long>(id),
                  static_cast<unsigned long long>(expires));
    *buyerId = id;
    *expiresAt = expires;
    return head + sessionMac(id, expires);
}

std::optional<TokenStore::SessionFields> TokenStore::parseSession(std::string_view token)
{
    if (!token.starts_with("usb_"))
        return std::nullopt;
    const std::string_view rest = token.substr(4);
    const std::size_t a = rest.find('_');
    if (a == std::string_view::npos)
        return std::nullopt;
    const std::size_t b = rest.find('_', a + 1);
    if (b == std::string_view::npos)
        return std::nullopt;
    std::uint64_t id = 0;
    std::uint64_t expires = 0;
    if (!parseHex(rest.substr(0, a), &id) || !parseHex(rest.substr(a + 1, b - a - 1), &expires))
        return std::nullopt;
    return SessionFields { id, Timestamp(expires), rest.substr(b + 1) };
}

std::optional<Principal> TokenStore::authenticate(std::string_view token, Timestamp now)
{
    if (token.starts_with("usb_")) {
        const auto session = parseSession(token);
        if (!session || session->expiresAt <= now)
            return std::nullopt;
        const std::string expected = sessionMac(session->buyer, session->expiresAt);
        const std::string_view mac = session->mac;
        if (mac.size() != expected.size() || sodium_memcmp(mac.data(), expected.data(), mac.size()) != 0)
            return std::nullopt;
        return Principal { Role::Buyer, session->buyer, {} };
    }
    if (!token.starts_with("ust_") || token.size() > 128)
        return std::nullopt;
    const std::string hash = hashToken(token);
    std::lock_guard lock(m_mutex);
    auto it = m_staff.find(hash);
    if (it == m_staff.end() && now - m_lastReloadMs >= 1000) {
        // Maybe created by `usherd token create` since we last looked; at most one reload a second.
        m_lastReloadMs = now;
        std::string error;
        load(&error);
        it = m_staff.find(hash);
    }
    if (it == m_staff.end())
        return std::nullopt;
    return it->second;
}

} // namespace usher::net
