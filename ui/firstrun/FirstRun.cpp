#include "FirstRun.h"
#include "DisplayFormat.h"

#include "DemoData.h"
#include "boxoffice/StaffAccounts.h"
#include "core/Assert.h"
#include "runtime/Engine.h"
#include "settings/LanguageSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace usher::ui {

namespace {

// The limits StaffAccounts enforces (engine/boxoffice/StaffAccounts.cpp), checked here first so that
// the page can say which field is wrong.
constexpr qsizetype kLoginBytesMax = 64;
constexpr qsizetype kNameBytesMax = 128;
constexpr qsizetype kPasswordBytesMin = 8;
constexpr qsizetype kPasswordBytesMax = 256;

QString tr(const char* text)
{
    return QCoreApplication::translate("usher::ui::FirstRun", text);
}

bool validLogin(const QString& login)
{
    if (login.isEmpty() || login.size() > kLoginBytesMax)
        return false;
    for (const QChar c : login) {
        const char16_t u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '.' || u == '-' || u == '_'))
            return false;
    }
    return true;
}

} // namespace

bool FirstRun::isEmptyDirectory(const QString& directory)
{
    const QFileInfo info(directory);
    if (!info.exists())
        return true;
    if (!info.isDir())
        return false; // a file in the way: not ours to set up (opening it reports the problem)
    return QDir(directory).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot).isEmpty();
}

bool FirstRun::needed(const QSettings& settings, const QString& dataDirectory)
{
    return !settings.value(completedKey(), false).toBool() && isEmptyDirectory(dataDirectory);
}

void FirstRun::store(QSettings& settings, const FirstRunChoices& choices)
{
    LanguageSettings::store(settings, choices.language);
    settings.setValue(modeKey(), choices.connected ? QStringLiteral("connected") : QStringLiteral("standalone"));
    if (choices.connected)
        settings.setValue(urlKey(), choices.usherdUrl.toString());
    else
        settings.remove(urlKey());
    settings.setValue(demoKey(), choices.loadDemo);
    settings.setValue(completedKey(), true);
    settings.sync();
}

QString FirstRun::storedUsherd(const QSettings& settings)
{
    if (settings.value(modeKey()).toString() != QLatin1String("connected"))
        return QString();
    QUrl url;
    return checkUsherdUrl(settings.value(urlKey()).toString(), &url).isEmpty() ? url.toString() : QString();
}

QString FirstRun::checkUsherdUrl(const QString& text, QUrl* url)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter the address of usherd, e.g. https://tickets.example.org:8443.");
    const QUrl parsed(trimmed, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.isRelative())
        return tr("This is not a valid address. Write it as http://host:port or https://host:port.");
    if (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https"))
        return tr("The address starts with http:// or https://.");
    if (parsed.host().isEmpty())
        return tr("The address names no host.");
    if (!parsed.userInfo().isEmpty() || parsed.hasQuery() || parsed.hasFragment()
        || (!parsed.path().isEmpty() && parsed.path() != QLatin1String("/")))
        return tr("Give usherd's address only (scheme, host and port), without a path, user or query.");
    if (url != nullptr) {
        QUrl clean;
        clean.setScheme(parsed.scheme());
        clean.setHost(parsed.host());
        clean.setPort(parsed.port());
        *url = clean;
    }
    return QString();
}

QString FirstRun::checkAdmin(const QString& login, const QString& name, const QString& password,
                             const QString& confirmation)
{
    if (login.isEmpty())
        return tr("Choose a login for the administrator.");
    if (!validLogin(login))
        return tr("A login has at most 64 characters: lower-case letters, digits, '.', '-' and '_'.");
    if (name.trimmed().isEmpty())
        return tr("Enter the administrator's name.");
    if (name.trimmed().toUtf8().size() > kNameBytesMax)
        return tr("The name is too long.");
    const qsizetype bytes = password.toUtf8().size();
    if (bytes < kPasswordBytesMin)
        return tr("The password needs at least 8 characters.");
    if (bytes > kPasswordBytesMax)
        return tr("The password is too long (at most 256 bytes).");
    if (password != confirmation)
        return tr("The two passwords differ.");
    return QString();
}

bool FirstRun::apply(const FirstRunChoices& choices, Engine& engine, StaffAccounts& accounts, Timestamp now,
                     QString* error)
{
    USHER_ASSERT(error != nullptr);
    const QString problem
        = checkAdmin(choices.adminLogin, choices.adminName, choices.adminPassword, choices.adminPassword);
    if (!problem.isEmpty()) {
        *error = problem;
        return false;
    }
    if (choices.loadDemo && !ensureDemoData(engine, error))
        return false;
    const BoxOfficeStatus status
        = accounts.createFirstAdmin(choices.adminLogin.toStdString(), choices.adminName.trimmed().toStdString(),
                                    choices.adminPassword.toStdString(), now, nullptr);
    if (status == BoxOfficeStatus::Ok)
        return true;
    //: %1 says why, e.g. "the seat is no longer available".
    *error = tr("Creating the administrator's account failed: %1.").arg(DisplayFormat::status(status));
    return false;
}

} // namespace usher::ui
