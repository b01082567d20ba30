// Box-office staff accounts: argon2id hashes, roles, lockout (persisted across a reopen), rehash.

#include "boxoffice/BoxOfficeDb.h"
#include "boxoffice/StaffAccounts.h"
#include "support/TempDir.h"

#include <QTest>

#include <sodium.h>

using namespace usher;

namespace {

StaffAccountOptions fastOptions()
{
    StaffAccountOptions options;
    options.opsLimit = crypto_pwhash_OPSLIMIT_MIN;
    options.memLimitBytes = crypto_pwhash_MEMLIMIT_MIN;
    options.failedSignInsMax = 3;
    options.lockoutMs = 60'000;
    return options;
}

std::unique_ptr<BoxOfficeDb> openDb(const test::TempDir& dir)
{
    std::string error;
    auto db = BoxOfficeDb::open(dir.filePath("boxoffice.db"), &error);
    if (!db)
        qWarning("%s", error.c_str());
    return db;
}

} // namespace

class TestBoxOfficeAccounts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hashesWithArgon2idAndVerifies()
    {
        test::TempDir dir;
        auto db = openDb(dir);
        QVERIFY(db);
        StaffAccounts accounts(*db, fastOptions());
        std::uint64_t adminId = 0;
        QCOMPARE(accounts.createFirstAdmin("root", "Root", "correct horse", 1000, &adminId), BoxOfficeStatus::Ok);
        QVERIFY(adminId != 0);
        const std::string hash = accounts.storedHash(adminId);
        QVERIFY2(hash.rfind("$argon2id$", 0) == 0, hash.c_str());
        QVERIFY(hash.find("correct horse") == std::string::npos);
        StaffAccount signedIn;
        QCOMPARE(accounts.signIn("root", "correct horse", 2000, &signedIn), BoxOfficeStatus::Ok);
        QCOMPARE(signedIn.id, adminId);
        QCOMPARE(signedIn.role, StaffRole::Admin);
        QCOMPARE(accounts.signIn("root", "correct horsE", 3000, nullptr), BoxOfficeStatus::InvalidCredentials);
        QCOMPARE(accounts.signIn("nobody", "correct horse", 3000, nullptr), BoxOfficeStatus::InvalidCredentials);
        // Only one first admin.
        QCOMPARE(accounts.createFirstAdmin("root2", "Root 2", "correct horse", 1000, nullptr),
                 BoxOfficeStatus::Forbidden);
    }

    void rolesAndAdministration()
    {
        test::TempDir dir;
        auto db = openDb(dir);
        QVERIFY(db);
        StaffAccounts accounts(*db, fastOptions());
        std::uint64_t adminId = 0;
        QCOMPARE(accounts.createFirstAdmin("admin", "Admin", "admin-pass", 1, &adminId), BoxOfficeStatus::Ok);
        StaffAccount admin;
        QCOMPARE(accounts.signIn("admin", "admin-pass", 2, &admin), BoxOfficeStatus::Ok);
        std::uint64_t clerkId = 0;
        std::uint64_t supervisorId = 0;
        QCOMPARE(accounts.createAccount(admin, "ann", "Ann", StaffRole::Clerk, "ann-pass-1", 3, &clerkId),
                 BoxOfficeStatus::Ok);
        QCOMPARE(accounts.createAccount(admin, "sam", "Sam", StaffRole::Supervisor, "sam-pass-1", 3, &supervisorId),
                 BoxOfficeStatus::Ok);
        QCOMPARE(accounts.createAccount(admin, "ann", "Ann 2", StaffRole::Clerk, "ann-pass-1", 3, nullptr),
                 BoxOfficeStatus::AccountExists);
        QCOMPARE(accounts.createAccount(admin, "Bad Login", "B", StaffRole::Clerk, "long-enough", 3, nullptr),
                 BoxOfficeStatus::InvalidArgument);
        QCOMPARE(accounts.createAccount(admin, "shorty", "S", StaffRole::Clerk, "short", 3, nullptr),
                 BoxOfficeStatus::InvalidArgument);

        StaffAccount clerk;
        QCOMPARE(accounts.signIn("ann", "ann-pass-1", 4, &clerk), BoxOfficeStatus::Ok);
        QCOMPARE(clerk.role, StaffRole::Clerk);
        // A clerk administers nothing and approves nothing.
        QCOMPARE(accounts.createAccount(clerk, "eve", "Eve", StaffRole::Admin, "eve-pass-1", 5, nullptr),
                 BoxOfficeStatus::Forbidden);
        QCOMPARE(accounts.setDisabled(clerk, supervisorId, true, 5), BoxOfficeStatus::Forbidden);
        QCOMPARE(accounts.authorizeSupervisor("ann", "ann-pass-1", 5, nullptr), BoxOfficeStatus::SupervisorRequired);
        StaffAccount supervisor;
        QCOMPARE(accounts.authorizeSupervisor("sam", "sam-pass-1", 5, &supervisor), BoxOfficeStatus::Ok);
        QCOMPARE(supervisor.id, supervisorId);
        QCOMPARE(staffActor(clerk.id, clerk.role).kind, ActorKind::Clerk);
        QCOMPARE(staffActor(admin.id, admin.role).kind, ActorKind::Admin);

        // Disable, then the right password is refused; enable again.
        QCOMPARE(accounts.setDisabled(admin, clerkId, true, 6), BoxOfficeStatus::Ok);
        QCOMPARE(accounts.signIn("ann", "ann-pass-1", 7, nullptr), BoxOfficeStatus::AccountDisabled);
        QCOMPARE(accounts.setDisabled(admin, clerkId, false, 8), BoxOfficeStatus::Ok);
        QCOMPARE(accounts.signIn("ann", "ann-pass-1", 9, nullptr), BoxOfficeStatus::Ok);
        QCOMPARE(accounts.setDisabled(admin, 9999, true, 8), BoxOfficeStatus::AccountNotFound);
        QCOMPARE(accounts.setDisabled(admin, admin.id, true, 8), BoxOfficeStatus::InvalidArgument);

        // Password change needs the old password; the new one works and the old one stops working.
        QCOMPARE(accounts.changePassword(clerkId, "wrong-old-1", "ann-pass-2", 10),
                 BoxOfficeStatus::InvalidCredentials);
        QCOMPARE(accounts.changePassword(clerkId, "ann-pass-1", "ann-pass-2", 11), BoxOfficeStatus::Ok);
        QCOMPARE(accounts.signIn("ann", "ann-pass-1", 12, nullptr), BoxOfficeStatus::InvalidCredentials);
        QCOMPARE(accounts.signIn("ann", "ann-pass-2", 13, nullptr), BoxOfficeStatus::Ok);

        std::vector<StaffAccount> all;
        QCOMPARE(accounts.list(&all), BoxOfficeStatus::Ok);
        QCOMPARE(all.size(), std::size_t(3));
        StaffRole parsed {};
        QVERIFY(staffRoleFromName("promoter", &parsed));
        QCOMPARE(parsed, StaffRole::Promoter);
        QVERIFY(!staffRoleFromName("king", &parsed));
    }

    void lockoutSurvivesReopen()
    {
        test::TempDir dir;
        std::uint64_t clerkId = 0;
        {
            auto db = openDb(dir);
            QVERIFY(db);
            StaffAccounts accounts(*db, fastOptions());
            QCOMPARE(accounts.createFirstAdmin("admin", "Admin", "admin-pass", 1, nullptr), BoxOfficeStatus::Ok);
            StaffAccount admin;
            QCOMPARE(accounts.signIn("admin", "admin-pass", 2, &admin), BoxOfficeStatus::Ok);
            QCOMPARE(accounts.createAccount(admin, "ann", "Ann", StaffRole::Clerk, "ann-pass-1", 3, &clerkId),
                     BoxOfficeStatus::Ok);
            // Two failures, then the "app" goes away.
            QCOMPARE(accounts.signIn("ann", "nope-nope", 10, nullptr), BoxOfficeStatus::InvalidCredentials);
            QCOMPARE(accounts.signIn("ann", "nope-nope", 11, nullptr), BoxOfficeStatus::InvalidCredentials);
        }
        auto db = openDb(dir);
        QVERIFY(db);
        StaffAccounts accounts(*db, fastOptions());
        StaffAccount ann;
        QCOMPARE(accounts.find(clerkId, &ann), BoxOfficeStatus::Ok);
        QCOMPARE(ann.failedAttempts, 2u);
        // The third failure after the restart locks the account.
        QCOMPARE(accounts.signIn("ann", "nope-nope", 20, nullptr), BoxOfficeStatus::AccountLocked);
        // Locked: even the right password is refused, without counting.
        QCOMPARE(accounts.signIn("ann", "ann-pass-1", 30, nullptr), BoxOfficeStatus::AccountLocked);
        db.reset();
        auto reopened = openDb(dir);
        QVERIFY(reopened);
        StaffAccounts again(*reopened, fastOptions());
        QCOMPARE(again.signIn("ann", "ann-pass-1", 20 + 59'999, nullptr), BoxOfficeStatus::AccountLocked);
        // After the lockout period the right password works and clears the counter.
        StaffAccount signedIn;
        QCOMPARE(again.signIn("ann", "ann-pass-1", 20 + 60'000, &signedIn), BoxOfficeStatus::Ok);
        QCOMPARE(again.find(clerkId, &ann), BoxOfficeStatus::Ok);
        QCOMPARE(ann.failedAttempts, 0u);
        QCOMPARE(ann.lockedUntil, Timestamp(0));
    }

    void rehashesWhenParametersChange()
    {
        test::TempDir dir;
        auto db = openDb(dir);
        QVERIFY(db);
        std::uint64_t id = 0;
        {
            StaffAccounts weak(*db, fastOptions());
            QCOMPARE(weak.createFirstAdmin("admin", "Admin", "admin-pass", 1, &id), BoxOfficeStatus::Ok);
        }
        StaffAccountOptions stronger = fastOptions();
        stronger.opsLimit = crypto_pwhash_OPSLIMIT_MIN + 1;
        StaffAccounts accounts(*db, stronger);
        const std::string before = accounts.storedHash(id);
        QVERIFY(crypto_pwhash_str_needs_rehash(before.c_str(), stronger.opsLimit, stronger.memLimitBytes) != 0);
        QCOMPARE(accounts.signIn("admin", "admin-pass", 2, nullptr), BoxOfficeStatus::Ok);
        const std::string after = accounts.storedHash(id);
        QVERIFY(after != before);
        QCOMPARE(crypto_pwhash_str_needs_rehash(after.c_str(), stronger.opsLimit, stronger.memLimitBytes), 0);
        QCOMPARE(accounts.signIn("admin", "admin-pass", 3, nullptr), BoxOfficeStatus::Ok);
    }

    void signInsAreAudited()
    {
        test::TempDir dir;
        auto db = openDb(dir);
        QVERIFY(db);
        StaffAccounts accounts(*db, fastOptions());
        std::uint64_t id = 0;
        QCOMPARE(accounts.createFirstAdmin("admin", "Admin", "admin-pass", 1, &id), BoxOfficeStatus::Ok);
        QCOMPARE(accounts.signIn("admin", "wrong-pass", 2, nullptr), BoxOfficeStatus::InvalidCredentials);
        QCOMPARE(accounts.signIn("admin", "admin-pass", 3, nullptr), BoxOfficeStatus::Ok);
        SqlStatement select(*db, "SELECT action, staff FROM audit ORDER BY id");
        std::vector<std::string> actions;
        while (select.next()) {
            actions.push_back(select.text(0));
            if (select.text(0) != "staff.create")
                QCOMPARE(std::uint64_t(select.integer(1)), id);
        }
        QCOMPARE(actions, (std::vector<std::string> { "staff.create", "staff.signin.failed", "staff.signin" }));
    }
};

QTEST_GUILESS_MAIN(TestBoxOfficeAccounts)
#include "TestBoxOfficeAccounts.moc"
