// The first-run wizard (issue 11): when it appears (an empty data directory, nothing answered yet),
// each page's checks, the language switching at once, the connection test against a loopback
// server, and what finishing does: the answers in QSettings (never the password), the demo loaded
// or not, and an administrator who signs in at the real counter afterwards.
// Writes docs/screenshots/first-run-*.png with USHER_UPDATE_SCREENSHOTS.

#include "AppShell.h"
#include "DisplayFormat.h"
#include "CounterTestSupport.h"
#include "counter/CounterBackend.h"
#include "counter/CounterWindow.h"
#include "firstrun/FirstRun.h"
#include "firstrun/FirstRunWizard.h"
#include "runtime/Engine.h"
#include "settings/LanguageSettings.h"
#include "support/TempDir.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <sodium.h>

using namespace usher;
using namespace usher::ui;

namespace {

// A stand-in for usherd's /healthz on loopback: answers every request with 200 and usherd's body.
class FakeHealth : public QTcpServer {
public:
    int requests = 0;
    FakeHealth()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    if (!socket->readAll().contains("\r\n\r\n"))
                        return;
                    ++requests;
                    const QByteArray body = "{\"status\":\"alive\"}";
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                                  "Content-Length: "
                                  + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
};

struct Opened {
    std::unique_ptr<Engine> engine;
    std::unique_ptr<CounterBackend> backend;
    ~Opened()
    {
        backend.reset();
        if (engine)
            engine->close();
    }
};

bool openData(const QString& directory, Opened* opened, QString* error)
{
    EngineOptions options;
    options.dataDirectory = directory.toStdString();
    options.synchronousFull = false;
    std::string problem;
    opened->engine = Engine::open(options, &problem);
    if (opened->engine == nullptr) {
        *error = QString::fromStdString(problem);
        return false;
    }
    CounterBackendOptions backendOptions;
    backendOptions.dataDirectory = options.dataDirectory;
    backendOptions.accounts.opsLimit = crypto_pwhash_OPSLIMIT_MIN;
    backendOptions.accounts.memLimitBytes = crypto_pwhash_MEMLIMIT_MIN;
    opened->backend = std::make_unique<CounterBackend>();
    return opened->backend->open(*opened->engine, backendOptions, error);
}

void fillAdmin(FirstRunAdminPage* page, const QString& login, const QString& name, const QString& password,
               const QString& confirmation)
{
    page->loginEdit()->setText(login);
    page->nameEdit()->setText(name);
    page->passwordEdit()->setText(password);
    page->confirmEdit()->setText(confirmation);
}

QAbstractButton* nextButton(QWizard& wizard)
{
    return wizard.button(QWizard::NextButton);
}

} // namespace

class TestFirstRun : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void asksOnlyOnAnEmptyDataDirectoryBeforeAnyAnswer();
    void languagePageSwitchesTheLanguageAtOnce();
    void serverPageChecksTheAddress();
    void serverPageTestsTheConnection();
    void adminPageChecksTheAccount();
    void finishingStoresTheChoicesAndTheAdminSignsIn();
    void finishingWithoutTheDemoLeavesNoEvents();
    void storedUsherdIsCheckedAgain();
};

void TestFirstRun::initTestCase()
{
    // QSettings() and the data location of a default start go to ~/.qttest, never the user's own.
    QStandardPaths::setTestModeEnabled(true);
}

void TestFirstRun::cleanup()
{
    LanguageSettings::apply(*QCoreApplication::instance(), QStringLiteral("en"));
}

void TestFirstRun::asksOnlyOnAnEmptyDataDirectoryBeforeAnyAnswer()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings settings(dir.filePath(QStringLiteral("usher.conf")), QSettings::IniFormat);
    const QString data = dir.filePath(QStringLiteral("data"));
    QVERIFY(FirstRun::needed(settings, data)); // missing: it will be created
    QVERIFY(QDir().mkpath(data));
    QVERIFY(FirstRun::needed(settings, data)); // empty
    {
        QFile file(data + QStringLiteral("/usher.db"));
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QVERIFY(!FirstRun::needed(settings, data)); // an existing data directory
    QVERIFY(QFile::remove(data + QStringLiteral("/usher.db")));
    QVERIFY(FirstRun::needed(settings, data));
    {
        QFile file(data + QStringLiteral("/.hidden"));
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QVERIFY(!FirstRun::needed(settings, data)); // hidden files count too
    QVERIFY(!FirstRun::needed(settings, data + QStringLiteral("/.hidden"))); // a file, not a directory

    // Once answered, an empty directory (e.g. --data somewhere new) does not ask again.
    FirstRunChoices choices;
    FirstRun::store(settings, choices);
    QVERIFY(!FirstRun::needed(settings, dir.filePath(QStringLiteral("elsewhere"))));

    // The default location follows QStandardPaths (test mode here).
    const QString standard = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QVERIFY2(standard.contains(QStringLiteral(".qttest")), qPrintable(standard));
}

void TestFirstRun::languagePageSwitchesTheLanguageAtOnce()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    FirstRunWizard wizard(dir.path());
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::LanguagePageId));
    QComboBox* box = wizard.languagePage()->languageBox();
    QCOMPARE(box->currentIndex(), 0); // the system's language by default
    QCOMPARE(wizard.choices().language, QString());
    auto* dataLabel = wizard.findChild<QLabel*>(QStringLiteral("firstRunDataLabel"));
    QVERIFY(dataLabel != nullptr);
    QVERIFY2(dataLabel->text().contains(QDir::toNativeSeparators(dir.path())), qPrintable(dataLabel->text()));
    test::saveScreenshot(&wizard, QStringLiteral("first-run-language.png"));

    box->setCurrentIndex(box->findData(QStringLiteral("de")));
    QCOMPARE(wizard.choices().language, QStringLiteral("de"));
    QCOMPARE(QLocale().language(), QLocale::German);
    // Every page retranslates, the wizard's own buttons too.
    QTRY_COMPARE(wizard.serverPage()->title(), QStringLiteral("Eigenständig oder verbunden"));
    QCOMPARE(nextButton(wizard)->text(), QStringLiteral("&Weiter >"));
    QCOMPARE(wizard.demoPage()->demoBox()->text(), QStringLiteral("&Demo-Spielstätten und -Veranstaltungen laden"));
    box->setCurrentIndex(box->findData(QStringLiteral("fr")));
    QTRY_COMPARE(wizard.adminPage()->title(), QStringLiteral("L'administrateur"));
    box->setCurrentIndex(box->findData(QStringLiteral("en")));
    QTRY_COMPARE(wizard.serverPage()->title(), QStringLiteral("Stand-alone or connected"));
}

void TestFirstRun::serverPageChecksTheAddress()
{
    FirstRunWizard wizard(QDir::tempPath(), false);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::ServerPageId));
    FirstRunServerPage* page = wizard.serverPage();
    QVERIFY(page->standaloneButton()->isChecked()); // stand-alone by default
    QVERIFY(page->isComplete());
    QVERIFY(!page->urlEdit()->isEnabled());

    page->connectedButton()->click();
    QVERIFY(page->urlEdit()->isEnabled());
    QVERIFY(!page->isComplete()); // an address is needed now
    QVERIFY(!nextButton(wizard)->isEnabled());
    QVERIFY(page->messageLabel()->text().isEmpty()); // nothing typed yet: no scolding

    const struct {
        const char* text;
        const char* says;
    } refused[] = {
        { "ftp://tickets.example.org", "http://" },
        { "tickets.example.org:8443", "" },
        { "http://", "" },
        { "https://tickets.example.org/api/events", "path" },
        { "https://user@tickets.example.org", "path" },
        { "http://exa mple.org", "" },
    };
    for (const auto& r : refused) {
        page->urlEdit()->setText(QString::fromLatin1(r.text));
        QVERIFY2(!page->isComplete(), r.text);
        QVERIFY2(!nextButton(wizard)->isEnabled(), r.text);
        QVERIFY2(!page->testButton()->isEnabled(), r.text);
        QVERIFY2(!page->messageLabel()->text().isEmpty(), r.text);
        QVERIFY2(page->messageLabel()->text().contains(QString::fromLatin1(r.says)),
                 qPrintable(page->messageLabel()->text()));
        QVERIFY(page->url().isEmpty());
    }
    page->urlEdit()->setText(QStringLiteral("  https://Tickets.Example.org:8443/ "));
    QVERIFY(page->isComplete());
    QVERIFY(nextButton(wizard)->isEnabled());
    QVERIFY(page->testButton()->isEnabled());
    QVERIFY(page->messageLabel()->text().isEmpty());
    QCOMPARE(page->url(), QUrl(QStringLiteral("https://tickets.example.org:8443")));
    test::saveScreenshot(&wizard, QStringLiteral("first-run-server.png"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::AdminPageId));
    QCOMPARE(wizard.choices().usherdUrl, QUrl(QStringLiteral("https://tickets.example.org:8443")));
    QVERIFY(wizard.choices().connected);

    wizard.back();
    page->standaloneButton()->click(); // stand-alone again: the address no longer matters
    QVERIFY(page->isComplete());
    QVERIFY(!wizard.choices().connected);
    QVERIFY(wizard.choices().usherdUrl.isEmpty());
}

void TestFirstRun::serverPageTestsTheConnection()
{
    FakeHealth server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    FirstRunWizard wizard(QDir::tempPath(), false);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    wizard.next();
    FirstRunServerPage* page = wizard.serverPage();
    page->connectedButton()->click();
    page->urlEdit()->setText(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()));
    QSignalSpy tested(page, &FirstRunServerPage::connectionTested);
    page->testButton()->click();
    QVERIFY(!page->testButton()->isEnabled()); // while asking
    QVERIFY(tested.wait(FirstRunServerPage::kTestTimeoutMs + 2000));
    QCOMPARE(tested.takeFirst().at(0).toBool(), true);
    QCOMPARE(server.requests, 1);
    QVERIFY2(page->messageLabel()->text().contains(QStringLiteral("answers")), qPrintable(page->messageLabel()->text()));
    QVERIFY(page->testButton()->isEnabled());

    // Nobody listening: the page says so, and one may still go on (usherd may come later).
    const quint16 port = server.serverPort();
    server.close();
    page->urlEdit()->setText(QStringLiteral("http://127.0.0.1:%1").arg(port));
    page->testButton()->click();
    QVERIFY(tested.wait(FirstRunServerPage::kTestTimeoutMs + 2000));
    QCOMPARE(tested.takeFirst().at(0).toBool(), false);
    QVERIFY2(page->messageLabel()->text().contains(QStringLiteral("No answer")),
             qPrintable(page->messageLabel()->text()));
    QVERIFY(page->isComplete());
}

void TestFirstRun::adminPageChecksTheAccount()
{
    FirstRunWizard wizard(QDir::tempPath(), false);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    wizard.next();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::AdminPageId));
    FirstRunAdminPage* page = wizard.adminPage();
    QCOMPARE(page->loginEdit()->text(), QStringLiteral("admin")); // a suggestion
    QVERIFY(!page->isComplete());
    QVERIFY(!nextButton(wizard)->isEnabled());

    const struct {
        const char* login;
        const char* name;
        const char* password;
        const char* confirmation;
        const char* says;
    } refused[] = {
        { "", "Ada Admin", "long enough", "long enough", "Choose a login" },
        { "Ada", "Ada Admin", "long enough", "long enough", "lower-case" },
        { "ada admin", "Ada Admin", "long enough", "long enough", "lower-case" },
        { "ada", "   ", "long enough", "long enough", "name" },
        { "ada", "Ada Admin", "short", "short", "at least 8" },
        { "ada", "Ada Admin", "long enough", "long enougH", "differ" },
    };
    for (const auto& r : refused) {
        fillAdmin(page, QString::fromLatin1(r.login), QString::fromLatin1(r.name), QString::fromLatin1(r.password),
                  QString::fromLatin1(r.confirmation));
        QVERIFY2(!page->isComplete(), r.login);
        QVERIFY2(!nextButton(wizard)->isEnabled(), r.login);
        QVERIFY2(page->messageLabel()->text().contains(QString::fromLatin1(r.says)),
                 qPrintable(page->messageLabel()->text()));
    }
    fillAdmin(page, QStringLiteral("ada"), QStringLiteral("Ada Admin"), QString(64, QLatin1Char('x')) + QString(200, u'é'),
              QString(64, QLatin1Char('x')) + QString(200, u'é')); // 464 bytes
    QVERIFY2(page->messageLabel()->text().contains(QStringLiteral("too long")), qPrintable(page->messageLabel()->text()));
    fillAdmin(page, QStringLiteral("ada.admin-1_x"), QStringLiteral("Ada Admin"), QStringLiteral("correct horse"),
              QStringLiteral("correct horse"));
    QVERIFY(page->isComplete());
    QVERIFY(nextButton(wizard)->isEnabled());
    QVERIFY(page->messageLabel()->text().isEmpty());
    QCOMPARE(page->passwordEdit()->echoMode(), QLineEdit::Password);
    test::saveScreenshot(&wizard, QStringLiteral("first-run-admin.png"));
}

void TestFirstRun::finishingStoresTheChoicesAndTheAdminSignsIn()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString data = dir.filePath(QStringLiteral("data"));
    const QString settingsPath = dir.filePath(QStringLiteral("usher.conf"));
    FirstRunChoices choices;
    {
        FirstRunWizard wizard(data, false);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QComboBox* box = wizard.languagePage()->languageBox();
        box->setCurrentIndex(box->findData(QStringLiteral("fr")));
        nextButton(wizard)->click();
        wizard.serverPage()->connectedButton()->click();
        wizard.serverPage()->urlEdit()->setText(QStringLiteral("http://127.0.0.1:8080"));
        nextButton(wizard)->click();
        fillAdmin(wizard.adminPage(), QStringLiteral("ada"), QStringLiteral("Ada Admin"),
                  QStringLiteral("correct horse"), QStringLiteral("correct horse"));
        nextButton(wizard)->click();
        QCOMPARE(wizard.currentId(), int(FirstRunWizard::DemoPageId));
        QVERIFY(!wizard.demoPage()->demoBox()->isChecked()); // an empty box office unless asked
        wizard.demoPage()->demoBox()->click();
        QVERIFY(wizard.button(QWizard::FinishButton)->isVisible());
        test::saveScreenshot(&wizard, QStringLiteral("first-run-demo.png"));
        wizard.button(QWizard::FinishButton)->click();
        QCOMPARE(wizard.result(), int(QDialog::Accepted));
        choices = wizard.choices();
    }
    QCOMPARE(choices.language, QStringLiteral("fr"));
    QVERIFY(choices.connected);
    QCOMPARE(choices.usherdUrl, QUrl(QStringLiteral("http://127.0.0.1:8080")));
    QCOMPARE(choices.adminLogin, QStringLiteral("ada"));
    QVERIFY(choices.loadDemo);
    QVERIFY(FirstRun::needed(QSettings(settingsPath, QSettings::IniFormat), data)); // the wizard stores nothing

    // What main() does after the wizard: open the data, apply, store, sign in.
    Opened opened;
    QString error;
    QVERIFY2(openData(data, &opened, &error), qPrintable(error));
    QVERIFY2(FirstRun::apply(choices, *opened.engine, opened.backend->accounts(), systemClockNow(), &error),
             qPrintable(error));
    {
        QSettings settings(settingsPath, QSettings::IniFormat);
        FirstRun::store(settings, choices);
    }
    QCOMPARE(opened.engine->events().size(), std::size_t(2)); // the demo events on the demo venues
    QVERIFY(opened.engine->event(1) != nullptr);

    const QSettings stored(settingsPath, QSettings::IniFormat);
    QCOMPARE(LanguageSettings::stored(stored), QStringLiteral("fr"));
    QCOMPARE(stored.value(FirstRun::modeKey()).toString(), QStringLiteral("connected"));
    QCOMPARE(FirstRun::storedUsherd(stored), QStringLiteral("http://127.0.0.1:8080"));
    QCOMPARE(stored.value(FirstRun::demoKey()).toBool(), true);
    QVERIFY(!FirstRun::needed(stored, data));
    QFile file(settingsPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray contents = file.readAll();
    QVERIFY2(!contents.contains("correct horse") && !contents.contains("ada"), contents.constData());

    StaffAccount admin;
    QCOMPARE(opened.backend->accounts().signIn("ada", "correct horse", systemClockNow(), &admin),
             BoxOfficeStatus::Ok);
    QCOMPARE(admin.role, StaffRole::Admin);
    QCOMPARE(admin.displayName, std::string("Ada Admin"));
    // The only account: no demo staff came with the demo events.
    std::vector<StaffAccount> accounts;
    QCOMPARE(opened.backend->accounts().list(&accounts), BoxOfficeStatus::Ok);
    QCOMPARE(accounts.size(), std::size_t(1));

    // ...and through the real counter in the shell, as main() signs the new admin in.
    CounterWindowOptions windowOptions;
    windowOptions.tickets.pdfDirectory = dir.filePath(QStringLiteral("tickets"));
    auto* counter = new CounterWindow(opened.backend->services(), windowOptions);
    {
        AppShell shell(counter);
        shell.show();
        QVERIFY(QTest::qWaitForWindowExposed(&shell));
        bool signedIn = false;
        connect(counter, &CounterWindow::staffSignedIn, this, [&signedIn] { signedIn = true; });
        counter->signIn(choices.adminLogin, choices.adminPassword);
        QTRY_VERIFY_WITH_TIMEOUT(signedIn, 10000);
        QTRY_VERIFY(shell.visibleWorkspaces().contains(QStringLiteral("sales")));
    }
}

void TestFirstRun::finishingWithoutTheDemoLeavesNoEvents()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    FirstRunChoices choices;
    choices.adminLogin = QStringLiteral("root");
    choices.adminName = QStringLiteral("Root");
    choices.adminPassword = QStringLiteral("12345678");
    Opened opened;
    QString error;
    QVERIFY2(openData(dir.path(), &opened, &error), qPrintable(error));

    FirstRunChoices bad = choices;
    bad.adminPassword = QStringLiteral("1234567"); // apply checks again: nothing is created
    bad.loadDemo = true;
    QVERIFY(!FirstRun::apply(bad, *opened.engine, opened.backend->accounts(), systemClockNow(), &error));
    QVERIFY2(error.contains(QStringLiteral("8 characters")), qPrintable(error));
    QVERIFY(opened.engine->events().empty());

    QVERIFY2(FirstRun::apply(choices, *opened.engine, opened.backend->accounts(), systemClockNow(), &error),
             qPrintable(error));
    QVERIFY(opened.engine->events().empty());
    StaffAccount admin;
    QCOMPARE(opened.backend->accounts().signIn("root", "12345678", systemClockNow(), &admin), BoxOfficeStatus::Ok);
    QCOMPARE(admin.role, StaffRole::Admin);

    // A second apply (another window got there first) is refused, not a second admin.
    choices.adminLogin = QStringLiteral("other");
    QVERIFY(!FirstRun::apply(choices, *opened.engine, opened.backend->accounts(), systemClockNow(), &error));
    QVERIFY2(error.contains(DisplayFormat::status(BoxOfficeStatus::Forbidden)), qPrintable(error));

    QSettings settings(dir.filePath(QStringLiteral("usher.conf")), QSettings::IniFormat);
    FirstRun::store(settings, FirstRunChoices {});
    QCOMPARE(settings.value(FirstRun::modeKey()).toString(), QStringLiteral("standalone"));
    QCOMPARE(FirstRun::storedUsherd(settings), QString());
    QCOMPARE(settings.value(FirstRun::demoKey()).toBool(), false);
    QCOMPARE(LanguageSettings::stored(settings), QString());
}

void TestFirstRun::storedUsherdIsCheckedAgain()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings settings(dir.filePath(QStringLiteral("usher.conf")), QSettings::IniFormat);
    settings.setValue(FirstRun::modeKey(), QStringLiteral("connected"));
    settings.setValue(FirstRun::urlKey(), QStringLiteral("javascript:alert(1)")); // edited by hand
    QCOMPARE(FirstRun::storedUsherd(settings), QString());
    settings.setValue(FirstRun::urlKey(), QStringLiteral("https://central.example.org:8443"));
    QCOMPARE(FirstRun::storedUsherd(settings), QStringLiteral("https://central.example.org:8443"));
    settings.setValue(FirstRun::modeKey(), QStringLiteral("standalone"));
    QCOMPARE(FirstRun::storedUsherd(settings), QString());
}

QTEST_MAIN(TestFirstRun)
#include "TestFirstRun.moc"
