#include "boxoffice/StaffAccounts.h"

#include "core/Random.h"

#include <sodium.h>

namespace usher {

namespace {

constexpr std::size_t kLoginBytesMax = 64;
constexpr std::size_t kDisplayNameBytesMax = 128;

bool validLogin(const std::string& login)
{
    if (login.empty() || login.size() > kLoginBytesMax)
        return false;
    for (const char c : login) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
        if (!ok)
            return false;
    }
    return true;
}

bool validRole(std::int64_t value)
{
    return value >= 1 && value <= 4;
}

} // namespace

const char* staffRoleName(StaffRole role)
{
    switch (role) {
    case StaffRole::Clerk: return "clerk";
    case StaffRole::Supervisor: return "supervisor";
    case StaffRole::Promoter: return "promoter";
    case StaffRole::Admin: return "admin";
    }
    return "unknown";
}

bool staffRoleFromName(std::string_view name, StaffRole* role)
{
    for (const StaffRole r : { StaffRole::Clerk, StaffRole::Supervisor, StaffRole::Promoter, StaffRole::Admin }) {
        if (name == staffRoleName(r)) {
            *role = r;
            return true;
        }
    }
    return false;
}

Actor staffActor(std::uint64_t staffId, StaffRole role)
{
    switch (role) {
    case StaffRole::Promoter: return Actor { ActorKind::Promoter, staffId };
    case StaffRole::Admin: return Actor { ActorKind::Admin, staffId };
    case StaffRole::Clerk:
    case StaffRole::Supervisor: break;
    }
    return Actor { ActorKind::Clerk, staffId };
}

StaffAccounts::StaffAccounts(BoxOfficeDb& db, const StaffAccountOptions& options)
    : m_db(db)
    , m_options(options)
{
    initSodium();
}

BoxOfficeStatus StaffAccounts::validateNew(const std::string& login, const std::string& displayName,
                                           const std::string& password) const
{
    if (!validLogin(login) || displayName.empty() || displayName.size() > kDisplayNameBytesMax)
        return BoxOfficeStatus::InvalidArgument;
    if (password.size() < m_options.passwordBytesMin || password.size() > m_options.passwordBytesMax)
        return BoxOfficeStatus::InvalidArgument;
    return BoxOfficeStatus::Ok;
}

bool StaffAccounts::hashPassword(const std::string& password, std::string* hash) const
{
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), m_options.opsLimit, m_options.memLimitBytes,
                              crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return false; // out of memory, or limits outside libsodium's range
    *hash = out;
    return true;
}

BoxOfficeStatus StaffAccounts::createFirstAdmin(const std::string& login, const std::string& displayName,
                                                const std::string& password, Timestamp now, std::uint64_t* id)
{
    std::vector<StaffAccount> existing;
    if (const BoxOfficeStatus s = list(&existing); s != BoxOfficeStatus::Ok)
        return s;
    if (!existing.empty())
        return BoxOfficeStatus::Forbidden;
    return insert(0, login, displayName, StaffRole::Admin, password, now, id);
}

BoxOfficeStatus StaffAccounts::createAccount(const StaffAccount& admin, const std::string& login,
                                             const std::string& displayName, StaffRole role,
                                             const std::string& password, Timestamp now, std::uint64_t* id)
{
    if (admin.role != StaffRole::Admin || admin.disabled)
        return BoxOfficeStatus::Forbidden;
    if (!validRole(static_cast<std::int64_t>(role)))
        return BoxOfficeStatus::InvalidArgument;
    return insert(admin.id, login, displayName, role, password, now, id);
}

BoxOfficeStatus StaffAccounts::insert(std::uint64_t actor, const std::string& login, const std::string& displayName,
                                      StaffRole role, const std::string& password, Timestamp now, std::uint64_t* id)
{
    if (const BoxOfficeStatus s = validateNew(login, displayName, password); s != BoxOfficeStatus::Ok)
        return s;
    std::string hash;
    if (!hashPassword(password, &hash))
        return BoxOfficeStatus::InvalidArgument;
    BoxOfficeDb::Transaction transaction(m_db);
    if (!transaction.began())
        return BoxOfficeStatus::StorageFailed;
    SqlStatement exists(m_db, "SELECT 1 FROM staff WHERE login = ?");
    exists.bind(1, login);
    if (exists.next())
        return BoxOfficeStatus::AccountExists;
    SqlStatement add(m_db,
                     "INSERT INTO staff(login, display_name, role, password_hash, created_at) "
                     "VALUES(?, ?, ?, ?, ?)");
    add.bind(1, login).bind(2, displayName).bind(3, static_cast<std::int64_t>(role)).bind(4, hash).bind(5, now);
    if (exists.failed() || !add.run())
        return BoxOfficeStatus::StorageFailed;
    const auto newId = static_cast<std::uint64_t>(m_db.lastInsertId());
    if (!m_db.audit(now, actor, "staff.create", login + " " + staffRoleName(role)) || !transaction.commit())
        return BoxOfficeStatus::StorageFailed;
    if (id)
        *id = newId;
    return BoxOfficeStatus::Ok;
}

BoxOfficeStatus StaffAccounts::setDisabled(const StaffAccount& admin, std::uint64_t id, bool disabled, Timestamp now)
{
    if (admin.role != StaffRole::Admin || admin.disabled)
        return BoxOfficeStatus::Forbidden;
    if (admin.id == id && disabled)
        return BoxOfficeStatus::InvalidArgument; // the last door out: an admin cannot lock themselves out
    BoxOfficeDb::Transaction transaction(m_db);
    if (!transaction.began())
        return BoxOfficeStatus::StorageFailed;
    SqlStatement update(m_db, "UPDATE staff SET disabled = ? WHERE id = ?");
    if (!update.bind(1, disabled ? 1 : 0).bind(2, static_cast<std::int64_t>(id)).run())
        return BoxOfficeStatus::StorageFailed;
    if (m_db.changes() == 0)
        return BoxOfficeStatus::AccountNotFound;
    if (!m_db.audit(now, admin.id, disabled ? "staff.disable" : "staff.enable", std::to_string(id))
        || !transaction.commit())
        return BoxOfficeStatus::StorageFailed;
    return BoxOfficeStatus::Ok;
}

BoxOfficeStatus StaffAccounts::storePassword(std::uint64_t actor, std::uint64_t id, const std::string& password,
                                             Timestamp now, const char* action)
{
    if (password.size() < m_options.passwordBytesMin || password.size() > m_options.passwordBytesMax)
        return BoxOfficeStatus::InvalidArgument;
    std::string hash;
    if (!hashPassword(password, &hash))
        return BoxOfficeStatus::InvalidArgument;
    BoxOfficeDb::Transaction transaction(m_db);
    if (!transaction.began())
        return BoxOfficeStatus::StorageFailed;
    SqlStatement update(m_db, "UPDATE staff SET password_hash = ?, failed_attempts = 0, locked_until = 0 WHERE id = ?");
    if (!update.bind(1, hash).bind(2, static_cast<std::int64_t>(id)).run())
        return BoxOfficeStatus::StorageFailed;
    if (m_db.changes() == 0)
        return BoxOfficeStatus::AccountNotFound;
    if (!m_db.audit(now, actor, action, std::to_string(id)) || !transaction.commit())
        return BoxOfficeStatus::StorageFailed;
    return BoxOfficeStatus::Ok;
}

BoxOfficeStatus StaffAccounts::changePassword(std::uint64_t id, const std::string& oldPassword,
                                              const std::string& newPassword, Timestamp now)
{
    StaffAccount account;
    if (const BoxOfficeStatus s = find(id, &account); s != BoxOfficeStatus::Ok)
        return s;
    StaffAccount signedIn;
    if (const BoxOfficeStatus s = signIn(account.login, oldPassword, now, &signedIn); s != BoxOfficeStatus::Ok)
        return s;
    return storePassword(id, id, newPassword, now, "staff.password.change");
}

BoxOfficeStatus StaffAccounts::resetPassword(const StaffAccount& admin, std::uint64_t id,
                                             const std::string& newPassword, Timestamp now)
{
    if (admin.role != StaffRole::Admin || admin.disabled)
        return BoxOfficeStatus::Forbidden;
    return storePassword(admin.id, id, newPassword, now, "staff.password.reset");
}

bool StaffAccounts::loadByLogin(const std::string& login, StaffAccount* account, std::string* hash)
{
    SqlStatement select(m_db,
                        "SELECT id, login, display_name, role, disabled, failed_attempts, locked_until, "
                        "password_hash FROM staff WHERE login = ?");
    select.bind(1, login);
    if (!select.next())
        return false;
    account->id = static_cast<std::uint64_t>(select.integer(0));
    account->login = select.text(1);
    account->displayName = select.text(2);
    account->role = static_cast<StaffRole>(select.integer(3));
    account->disabled = select.integer(4) != 0;
    account->failedAttempts = static_cast<std::uint32_t>(select.integer(5));
    account->lockedUntil = select.integer(6);
    if (hash)
        *hash = select.text(7);
    return true;
}

BoxOfficeStatus StaffAccounts::recordFailure(const StaffAccount& account, Timestamp now)
{
    BoxOfficeDb::Transaction transaction(m_db);
    if (!transaction.began())
        return BoxOfficeStatus::StorageFailed;
    // Counted in SQL so that two counters signing in at once cannot lose a failure.
    SqlStatement bump(m_db,
                      "UPDATE staff SET failed_attempts = failed_attempts + 1 WHERE id = ? "
                      "RETURNING failed_attempts");
    bump.bind(1, static_cast<std::int64_t>(account.id));
    if (!bump.next())
        return BoxOfficeStatus::StorageFailed;
    const std::int64_t failures = bump.integer(0);
    bump.run();
    bool locked = false;
    if (failures >= static_cast<std::int64_t>(m_options.failedSignInsMax)) {
        SqlStatement lock(m_db, "UPDATE staff SET failed_attempts = 0, locked_until = ? WHERE id = ?");
        if (!lock.bind(1, now + m_options.lockoutMs).bind(2, static_cast<std::int64_t>(account.id)).run())
            return BoxOfficeStatus::StorageFailed;
        locked = true;
    }
    if (!m_db.audit(now, account.id, locked ? "staff.signin.locked" : "staff.signin.failed", std::to_string(failures))
        || !transaction.commit())
        return BoxOfficeStatus::StorageFailed;
    return locked ? BoxOfficeStatus::AccountLocked : BoxOfficeStatus::InvalidCredentials;
}

BoxOfficeStatus StaffAccounts::signIn(const std::string& login, const std::string& password, Timestamp now,
                                      StaffAccount* account)
{
    if (login.empty() || password.empty() || password.size() > m_options.passwordBytesMax)
        return BoxOfficeStatus::InvalidCredentials;
    StaffAccount found;
    std::string hash;
    {
        BoxOfficeDb::Transaction transaction(m_db);
        if (!transaction.began())
            return BoxOfficeStatus::StorageFailed;
        if (!loadByLogin(login, &found, &hash))
            return BoxOfficeStatus::InvalidCredentials;
    }
    if (found.lockedUntil > now)
        return BoxOfficeStatus::AccountLocked;
    // The slow part runs outside the transaction, so other counters are not blocked by it.
    if (crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) != 0)
        return recordFailure(found, now);
    if (found.disabled)
        return BoxOfficeStatus::AccountDisabled;
    const bool rehash = crypto_pwhash_str_needs_rehash(hash.c_str(), m_options.opsLimit, m_options.memLimitBytes) != 0;
    std::string newHash;
    if (rehash && !hashPassword(password, &newHash))
        return BoxOfficeStatus::StorageFailed;
    BoxOfficeDb::Transaction transaction(m_db);
    if (!transaction.began())
        return BoxOfficeStatus::StorageFailed;
    SqlStatement reset(m_db,
                       rehash ? "UPDATE staff SET failed_attempts = 0, locked_until = 0, password_hash = ? "
                                "WHERE id = ?"
                              : "UPDATE staff SET failed_attempts = 0, locked_until = 0 WHERE id = ?2");
    if (rehash)
        reset.bind(1, newHash);
    if (!reset.bind(2, static_cast<std::int64_t>(found.id)).run()
        || !m_db.audit(now, found.id, "staff.signin", rehash ? "rehashed" : "") || !transaction.commit())
        return BoxOfficeStatus::StorageFailed;
    found.failedAttempts = 0;
    found.lockedUntil = 0;
    if (account)
        *account = found;
    return BoxOfficeStatus::Ok;
}

BoxOfficeStatus StaffAccounts::authorizeSupervisor(const std::string& login, const std::string& password, Timestamp now,
                                                   StaffAccount* supervisor)
{
    StaffAccount account;
    if (const BoxOfficeStatus s = signIn(login, password, now, &account); s != BoxOfficeStatus::Ok)
        return s;
    if (!canApprove(account.role))
        return BoxOfficeStatus::SupervisorRequired;
    if (supervisor)
        *supervisor = account;
    return BoxOfficeStatus::Ok;
}

BoxOfficeStatus StaffAccounts::find(std::uint64_t id, StaffAccount* account)
{
    BoxOfficeDb::Transaction transaction(m_db);
    if (!transaction.began())
        return BoxOfficeStatus::StorageFailed;
    SqlStatement select(m_db, "SELECT login FROM staff WHERE id = ?");
    select.bind(1, static_cast<std::int64_t>(id));
    if (!select.next())
        return select.failed() ? BoxOfficeStatus::StorageFailed : BoxOfficeStatus::AccountNotFound;
    return loadByLogin(select.text(0), account, nullptr) ? BoxOfficeStatus::Ok : BoxOfficeStatus::StorageFailed;
}

BoxOfficeStatus StaffAccounts::findByLogin(const std::string& login, StaffAccount* account)
{
    BoxOfficeDb::Transaction transaction(m_db);
    if (!transaction.began())
        return BoxOfficeStatus::StorageFailed;
    return loadByLogin(login, account, nullptr) ? BoxOfficeStatus::Ok : BoxOfficeStatus::AccountNotFound;
}

BoxOfficeStatus StaffAccounts::list(std::vector<StaffAccount>* accounts)
{
    BoxOfficeDb::Transaction transaction(m_db);
    if (!transaction.began())
        return BoxOfficeStatus::StorageFailed;
    SqlStatement select(m_db, "SELECT login FROM staff ORDER BY id");
    std::vector<std::string> logins;
    while (select.next())
        logins.push_back(select.text(0));
    if (select.failed())
        return BoxOfficeStatus::StorageFailed;
    accounts->clear();
    for (const std::string& login : logins) {
        StaffAccount account;
        if (!loadByLogin(login, &account, nullptr))
            return BoxOfficeStatus::StorageFailed;
        accounts->push_back(account);
    }
    return BoxOfficeStatus::Ok;
}

std::string StaffAccounts::storedHash(std::uint64_t id)
{
    BoxOfficeDb::Transaction transaction(m_db);
    SqlStatement select(m_db, "SELECT password_hash FROM staff WHERE id = ?");
    select.bind(1, static_cast<std::int64_t>(id));
    return select.next() ? select.text(0) : std::string();
}

} // namespace usher
