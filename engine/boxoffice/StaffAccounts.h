#pragma once

// Box-office staff: accounts with a role, argon2id password hashes (libsodium), and a lockout after
// repeated failed sign-ins whose counter lives in the database, so a restart does not reset it.
// Time is an input (`now`, ms since the epoch), as in the engine.

#include "boxoffice/BoxOfficeDb.h"
#include "boxoffice/BoxOfficeStatus.h"
#include "core/Types.h"

#include <cstdint>
#include <string>
#include <vector>

namespace usher {

// Stored as numbers: never renumber.
enum class StaffRole : std::uint8_t { Clerk = 1, Supervisor = 2, Promoter = 3, Admin = 4 };
const char* staffRoleName(StaffRole role);
bool staffRoleFromName(std::string_view name, StaffRole* role);
// The engine actor a staff member acts as.
Actor staffActor(std::uint64_t staffId, StaffRole role);
// Supervisors and admins may approve complimentary tickets and large refunds.
inline bool canApprove(StaffRole role)
{
    return role == StaffRole::Supervisor || role == StaffRole::Admin;
}

struct StaffAccountOptions {
    std::uint32_t failedSignInsMax = 5;      // this many failures in a row lock the account...
    std::int64_t lockoutMs = 15 * 60 * 1000; // ...for this long
    // argon2id cost. Defaults are libsodium's "interactive" figures (2 passes, 64 MiB); tests may
    // lower them to the minimum. A stored hash with other parameters is rehashed at sign-in.
    std::uint64_t opsLimit = 2;
    std::size_t memLimitBytes = 64u * 1024 * 1024;
    std::size_t passwordBytesMin = 8;
    std::size_t passwordBytesMax = 256;
};

struct StaffAccount {
    std::uint64_t id = 0;
    std::string login;
    std::string displayName;
    StaffRole role = StaffRole::Clerk;
    bool disabled = false;
    std::uint32_t failedAttempts = 0;
    Timestamp lockedUntil = 0;
};

class StaffAccounts {
public:
    StaffAccounts(BoxOfficeDb& db, const StaffAccountOptions& options = {});

    // The first admin of an empty database (no actor exists yet). Forbidden once any account exists.
    BoxOfficeStatus createFirstAdmin(const std::string& login, const std::string& displayName,
                                     const std::string& password, Timestamp now, std::uint64_t* id);
    // Admins create and disable accounts.
    BoxOfficeStatus createAccount(const StaffAccount& admin, const std::string& login, const std::string& displayName,
                                  StaffRole role, const std::string& password, Timestamp now, std::uint64_t* id);
    BoxOfficeStatus setDisabled(const StaffAccount& admin, std::uint64_t id, bool disabled, Timestamp now);
    // Anybody changes their own password with the old one; an admin resets anybody's (and unlocks).
    BoxOfficeStatus changePassword(std::uint64_t id, const std::string& oldPassword, const std::string& newPassword,
                                   Timestamp now);
    BoxOfficeStatus resetPassword(const StaffAccount& admin, std::uint64_t id, const std::string& newPassword,
                                  Timestamp now);

    // Checks the password. Ok fills *account. Failures count towards the lockout (persisted before
    // returning); a locked account is refused without looking at the password.
    BoxOfficeStatus signIn(const std::string& login, const std::string& password, Timestamp now, StaffAccount* account);
    // A supervisor's (or admin's) approval at the counter: signIn plus the role check.
    BoxOfficeStatus authorizeSupervisor(const std::string& login, const std::string& password, Timestamp now,
                                        StaffAccount* supervisor);

    BoxOfficeStatus find(std::uint64_t id, StaffAccount* account);
    BoxOfficeStatus findByLogin(const std::string& login, StaffAccount* account);
    BoxOfficeStatus list(std::vector<StaffAccount>* accounts);

    // The stored hash (tests check the format and the rehash).
    std::string storedHash(std::uint64_t id);

private:
    BoxOfficeStatus validateNew(const std::string& login, const std::string& displayName,
                                const std::string& password) const;
    BoxOfficeStatus insert(std::uint64_t actor, const std::string& login, const std::string& displayName,
                           StaffRole role, const std::string& password, Timestamp now, std::uint64_t* id);
    bool hashPassword(const std::string& password, std::string* hash) const;
    bool loadByLogin(const std::string& login, StaffAccount* account, std::string* hash);
    BoxOfficeStatus recordFailure(const StaffAccount& account, Timestamp now);
    BoxOfficeStatus storePassword(std::uint64_t actor, std::uint64_t id, const std::string& password, Timestamp now,
                                  const char* action);

    BoxOfficeDb& m_db;
    const StaffAccountOptions m_options;
};

} // namespace usher
