#pragma once

// The first start of `usher` (issue 11): what the first-run wizard asks, where the answers are kept,
// and when the wizard appears at all.
//
// The rule: the wizard appears only when nobody has answered it yet (QSettings has no
// "firstRun/completed") AND the data directory is missing or empty AND the start is interactive:
// not --demo, not --seat-viewer, not --screenshot / --quit-after-ms. So `./scripts/run-demo`
// (--demo), the tests and every existing data directory never see it. A data directory that gets
// no wizard and has no account yet still gets the counter's own "create the administrator" screen.
//
// The answers stay in QSettings: the language (ui/language, as the settings dialog stores it),
// "usherd/mode" ("standalone" or "connected") and "usherd/url", "firstRun/demo" and
// "firstRun/completed". The admin's password is never stored there: it goes into boxoffice.db as an
// argon2id hash, like every account.

#include "core/Types.h"

#include <QString>
#include <QUrl>

class QSettings;

namespace usher {
class Engine;
class StaffAccounts;
} // namespace usher

namespace usher::ui {

struct FirstRunChoices {
    QString language;  // "" follows the system
    bool connected = false;
    QUrl usherdUrl;    // when connected: http(s)://host[:port]
    QString adminLogin;
    QString adminName;
    QString adminPassword;
    bool loadDemo = false;
};

class FirstRun {
public:
    static QString completedKey() { return QStringLiteral("firstRun/completed"); }
    static QString modeKey() { return QStringLiteral("usherd/mode"); }
    static QString urlKey() { return QStringLiteral("usherd/url"); }
    static QString demoKey() { return QStringLiteral("firstRun/demo"); }

    // Whether an interactive start on `dataDirectory` asks the first-run questions (the rule above;
    // the caller leaves out the scripted starts).
    static bool needed(const QSettings& settings, const QString& dataDirectory);
    static bool isEmptyDirectory(const QString& directory);

    // Stores every answer except the password, and marks the first run done.
    static void store(QSettings& settings, const FirstRunChoices& choices);
    // The usherd the app is connected to, from the stored answers ("" when stand-alone).
    static QString storedUsherd(const QSettings& settings);

    // The checks the wizard's pages make; each returns "" when fine, else the message to show.
    static QString checkUsherdUrl(const QString& text, QUrl* url = nullptr);
    static QString checkAdmin(const QString& login, const QString& name, const QString& password,
                              const QString& confirmation);

    // Carries the answers out on the opened engine and boxoffice.db: the demo venues and events when
    // asked for, then the first admin. False with a message in *error (nothing half-done is left
    // that a second start cannot finish: the counter asks for the admin when there is none).
    static bool apply(const FirstRunChoices& choices, Engine& engine, StaffAccounts& accounts, Timestamp now,
                      QString* error);
};

} // namespace usher::ui
