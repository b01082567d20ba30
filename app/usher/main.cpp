// usher: the desktop app. Parses the command line, opens the engine and boxoffice.db on the data
// directory and shows the app shell: the box-office counter's sign-in first, then the workspaces
// of the signed-in role (ui/AppShell, ui/AppShellWorkspaces); the views live in ui/.

#include "AppShell.h"
#include "AppShellWorkspaces.h"
#include "DemoData.h"
#include "MainWindow.h"
#include "Translations.h"
#include "counter/CounterBackend.h"
#include "counter/CounterWindow.h"
#include "firstrun/FirstRun.h"
#include "firstrun/FirstRunWizard.h"
#include "help/AppIcon.h"
#include "runtime/Engine.h"
#include "settings/LanguageSettings.h"
#include "sync/SyncUi.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QPixmap>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QUrl>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>

namespace {

struct Options {
    QString dataDirectory;
    bool demo = false;
    QString screenshot; // grab the window to this PNG and quit
    int quitAfterMs = -1;
    QString terminal;     // "" none, "fake", or host:port
    usher::ChannelId channel = 2;
    bool channelSet = false; // --channel given: with sync it must be the enrolled device's
    QString printer;      // the ticket printer; empty: PDF files in <data>/tickets
    QString signIn;       // demo only: sign in as this demo account at start
    bool seatViewer = false;
    QString usherd;      // the central usherd (the dashboard's source); empty: the embedded engine only
    QByteArray usherdToken;
    QString workspace;   // with --sign-in: show this workspace
    int screenshotAfterMs = -1;
    bool interactive() const { return screenshot.isEmpty() && quitAfterMs < 0; }
};

// The screenshot waits this long after the window is shown, so that layouts and queued updates settle.
constexpr int kScreenshotSettleMs = 500;
// With --sign-in, the argon2id check and the shift lookup come first.
constexpr int kSignInSettleMs = 3000;

Options parseArguments(const QApplication& app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Usher box office and event ticketing."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption data(QStringLiteral("data"),
                                  QCoreApplication::translate("main", "Keep the database in <directory>."),
                                  QCoreApplication::translate("main", "directory"),
                                  QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QCoreApplication::translate("main", "Create demo events when there are no events."));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Save a picture of the window to <file> (PNG) and quit."),
        QCoreApplication::translate("main", "file"));
    const QCommandLineOption quitAfter(QStringLiteral("quit-after-ms"),
                                       QCoreApplication::translate("main", "Quit after <ms> milliseconds."),
                                       QCoreApplication::translate("main", "ms"));
    const QCommandLineOption terminal(
        QStringLiteral("terminal"),
        QCoreApplication::translate("main", "The card terminal at <host:port> (with --demo: a simulated terminal "
                                            "in the app unless this is given; \"none\" for no terminal)."),
        QCoreApplication::translate("main", "host:port"));
    const QCommandLineOption channel(QStringLiteral("channel"),
                                     QCoreApplication::translate("main", "This box office's sales channel (default 2)."),
                                     QCoreApplication::translate("main", "id"), QStringLiteral("2"));
    const QCommandLineOption printer(
        QStringLiteral("ticket-printer"),
        QCoreApplication::translate("main", "Print tickets on <printer>; without it they are saved as PDF files in "
                                            "the data directory's tickets folder."),
        QCoreApplication::translate("main", "printer"));
    const QCommandLineOption signIn(
        QStringLiteral("sign-in"),
        QCoreApplication::translate("main", "With --demo: sign in as the demo account <login> at start."),
        QCoreApplication::translate("main", "login"));
    const QCommandLineOption seatViewer(
        QStringLiteral("seat-viewer"),
        QCoreApplication::translate("main", "Show the seat viewer (all events, all channels) instead of the counter."));
    const QCommandLineOption usherd(
        QStringLiteral("usherd"),
        QCoreApplication::translate("main", "The central usherd at <url> (e.g. http://127.0.0.1:8080): the admin "
                                            "dashboard shows its live figures."),
        QCoreApplication::translate("main", "url"));
    const QCommandLineOption usherdToken(
        QStringLiteral("usherd-token"),
        QCoreApplication::translate("main", "A promoter or admin <token> of that usherd (default: the "
                                            "USHER_USHERD_TOKEN environment variable)."),
        QCoreApplication::translate("main", "token"));
    const QCommandLineOption workspace(
        QStringLiteral("workspace"),
        QCoreApplication::translate("main", "With --sign-in: show the workspace <id> (sales, dashboard, ...)."),
        QCoreApplication::translate("main", "id"));
    const QCommandLineOption screenshotAfter(
        QStringLiteral("screenshot-after-ms"),
        QCoreApplication::translate("main", "Take the --screenshot after <ms> milliseconds."),
        QCoreApplication::translate("main", "ms"));
    parser.addOptions({ data, demo, screenshot, quitAfter, terminal, channel, printer, signIn, seatViewer, usherd,
                        usherdToken, workspace, screenshotAfter });
    parser.process(app);

    Options options;
    options.dataDirectory = parser.value(data);
    options.demo = parser.isSet(demo);
    options.screenshot = parser.value(screenshot);
    options.terminal = parser.isSet(terminal) ? parser.value(terminal)
        : options.demo                        ? QStringLiteral("fake")
                                              : QString();
    if (options.terminal == QLatin1String("none"))
        options.terminal.clear();
    options.printer = parser.value(printer);
    options.signIn = parser.value(signIn);
    options.seatViewer = parser.isSet(seatViewer);
    options.usherd = parser.value(usherd);
    options.usherdToken = parser.isSet(usherdToken) ? parser.value(usherdToken).toUtf8()
                                                    : qgetenv("USHER_USHERD_TOKEN");
    options.workspace = parser.value(workspace);
    if (!options.usherd.isEmpty()) {
        const QUrl url(options.usherd, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
            || url.host().isEmpty()) {
            std::fprintf(stderr, "usher: %s\n",
                         qPrintable(QCoreApplication::translate("main", "--usherd takes a URL such as "
                                                                        "http://127.0.0.1:8080.")));
            std::exit(1);
        }
    }
    if (parser.isSet(screenshotAfter)) {
        bool ok = false;
        options.screenshotAfterMs = parser.value(screenshotAfter).toInt(&ok);
        if (!ok || options.screenshotAfterMs < 0)
            parser.showHelp(1);
    }
    bool channelOk = false;
    const uint channelId = parser.value(channel).toUInt(&channelOk);
    if (!channelOk || channelId == 0 || channelId > 65535)
        parser.showHelp(1);
    options.channel = usher::ChannelId(channelId);
    options.channelSet = parser.isSet(channel);
    if (!options.signIn.isEmpty() && !options.demo) {
        std::fprintf(stderr, "usher: %s\n",
                     qPrintable(QCoreApplication::translate("main", "--sign-in works only with --demo.")));
        std::exit(1);
    }
    if (parser.isSet(quitAfter)) {
        bool ok = false;
        options.quitAfterMs = parser.value(quitAfter).toInt(&ok);
        if (!ok || options.quitAfterMs < 0)
            parser.showHelp(1);
    }
    return options;
}

// Errors go to stderr always, and into a message box when someone is watching.
int fail(const Options& options, const QString& message)
{
    std::fprintf(stderr, "usher: %s\n", qPrintable(message));
    if (options.interactive())
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Usher"), message);
    return 1;
}

// The demo accounts and their passwords, for the sign-in screen of the demo.
QString demoHint()
{
    QString hint = QCoreApplication::translate("main", "<b>Demo accounts</b> (login / password):");
    for (const usher::ui::DemoAccount& account : usher::ui::demoAccounts())
        hint += QStringLiteral("<br>%1 / %2").arg(QString::fromLatin1(account.login),
                                                   QString::fromLatin1(account.password));
    return hint;
}

const char* demoPassword(const QString& login)
{
    for (const usher::ui::DemoAccount& account : usher::ui::demoAccounts())
        if (login == QLatin1String(account.login))
            return account.password;
    return nullptr;
}

void scheduleScreenshot(QApplication& app, QWidget& window, const QString& file, int settleMs)
{
    QTimer::singleShot(settleMs, &window, [&app, &window, file] {
        if (window.grab().save(file, "PNG")) {
            app.exit(0);
            return;
        }
        std::fprintf(stderr, "usher: %s\n",
                     qPrintable(QCoreApplication::translate("main", "Could not write the screenshot %1.").arg(file)));
        app.exit(1);
    });
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Usher"));
    QApplication::setOrganizationDomain(QStringLiteral("usher.org"));
    QApplication::setApplicationName(QStringLiteral("usher"));
    QApplication::setApplicationVersion(QStringLiteral(USHER_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral(USHER_APP_ID));
    QApplication::setWindowIcon(usher::ui::appIcon());
    {
        // The language chosen in the settings, else the system's (ui/settings/LanguageSettings).
        const QSettings settings;
        const QLocale locale = usher::ui::LanguageSettings::locale(usher::ui::LanguageSettings::stored(settings));
        QLocale::setDefault(locale);
        usher::ui::installTranslations(app, locale);
    }
    Options options = parseArguments(app);

    // First run (the rule is in ui/firstrun/FirstRun.h): an interactive start without --demo on an
    // empty data directory, before anybody answered the wizard. Cancelling it creates nothing.
    std::optional<usher::ui::FirstRunChoices> firstRun;
    {
        const QSettings settings;
        if (options.interactive() && !options.demo && !options.seatViewer
            && usher::ui::FirstRun::needed(settings, options.dataDirectory)) {
            usher::ui::FirstRunWizard wizard(QDir(options.dataDirectory).absolutePath());
            if (wizard.exec() != QDialog::Accepted)
                return 0;
            firstRun = wizard.choices();
        }
        if (options.usherd.isEmpty()) // the usherd chosen at the first run, unless --usherd names one
            options.usherd = firstRun ? firstRun->usherdUrl.toString() : usher::ui::FirstRun::storedUsherd(settings);
    }

    usher::EngineOptions engineOptions;
    engineOptions.dataDirectory = QDir(options.dataDirectory).absolutePath().toStdString();
    std::string error;
    std::unique_ptr<usher::Engine> engine = usher::Engine::open(engineOptions, &error);
    if (engine == nullptr) {
        //: %1 is a directory, %2 the reason.
        return fail(options,
                    QCoreApplication::translate("main", "Could not open the data directory %1: %2")
                        .arg(QDir::toNativeSeparators(options.dataDirectory), QString::fromStdString(error)));
    }
    QString demoError;
    if (options.demo && !usher::ui::ensureDemoData(*engine, &demoError))
        return fail(options, demoError);

    usher::ui::CounterBackendOptions backendOptions;
    backendOptions.dataDirectory = engineOptions.dataDirectory;
    backendOptions.terminal = options.terminal;
    backendOptions.channel = options.channel;
    QString backendError;
    auto backend = std::make_unique<usher::ui::CounterBackend>();
    if (!backend->open(*engine, backendOptions, &backendError))
        return fail(options, backendError);
    if (firstRun) { // the demo when asked for, the admin; then the answers are stored
        if (!usher::ui::FirstRun::apply(*firstRun, *engine, backend->accounts(), usher::systemClockNow(),
                                        &backendError))
            return fail(options, backendError);
        QSettings settings;
        usher::ui::FirstRun::store(settings, *firstRun);
    }
    if (options.demo && !usher::ui::ensureDemoStaff(backend->accounts(), usher::systemClockNow(), &backendError))
        return fail(options, backendError);
    if (!options.signIn.isEmpty() && demoPassword(options.signIn) == nullptr)
        return fail(options, QCoreApplication::translate("main", "--sign-in takes a demo account: %1").arg(options.signIn));

    // Sync with usherd (docs/design/sync.md, "Desktop client"): enrolled (<data>/sync-device.json),
    // a SyncClient uploads this box office's operations and receives its allocations; otherwise the
    // counter's Sync menu offers the enrolment, prefilled with --usherd. A device file that cannot
    // be used is reported and the counter runs without sync.
    usher::ui::SyncSession sync(*engine, QString::fromStdString(engineOptions.dataDirectory));
    sync.setDefaultServer(options.usherd);
    QString syncMessage;
    const bool syncOk = sync.startIfEnrolled(&syncMessage);
    if (!syncMessage.isEmpty())
        std::fprintf(stderr, "usher: %s\n", qPrintable(syncMessage));
    if (!syncOk && options.interactive())
        QMessageBox::warning(nullptr, QCoreApplication::translate("main", "Usher"), syncMessage);
    // The counter sells on the device's channel: its allocation is allocated to that channel on
    // central, and the outbox's sales are applied there (docs/design/sync.md, "The counter's sales").
    if (sync.client() != nullptr) {
        if (options.channelSet && sync.channel() != options.channel) {
            sync.stop();
            return fail(options,
                        //: %1 the --channel given, %2 the channel usherd enrolled this box office on.
                        QCoreApplication::translate("main",
                                                    "--channel %1 differs from this box office's enrolment (channel "
                                                    "%2). Start without --channel, or enrol the box office again.")
                            .arg(options.channel)
                            .arg(sync.channel()));
        }
        backend->services().channel = sync.channel();
    }
    // Enrolled while running: the next carts sell on the new device's channel.
    QObject::connect(&sync, &usher::ui::SyncSession::clientChanged, &sync,
                     [&sync, &backend](usher::SyncClient* client) {
                         if (client != nullptr && backend != nullptr)
                             backend->services().channel = sync.channel();
                     });

    int status = 0;
    {
        usher::ui::CounterWindowOptions counterOptions;
        counterOptions.demoHint = options.demo ? demoHint() : QString();
        counterOptions.tickets.printerName = options.printer;
        counterOptions.tickets.pdfDirectory = QDir(options.dataDirectory).absoluteFilePath(QStringLiteral("tickets"));
        counterOptions.tickets.receiptHeader = QCoreApplication::translate("main", "Usher box office");
        std::unique_ptr<QMainWindow> window;
        if (options.seatViewer) {
            window = std::make_unique<usher::ui::MainWindow>(*engine);
        } else {
            auto* counter = new usher::ui::CounterWindow(backend->services(), counterOptions);
            usher::ui::installSyncUi(*counter, sync);
            auto shell = std::make_unique<usher::ui::AppShell>(counter); // owns the counter
            usher::ui::WorkspaceSources sources;
            sources.dataDirectory = QString::fromStdString(engineOptions.dataDirectory);
            sources.usherd = options.usherd;
            sources.usherdToken = options.usherdToken;
            usher::ui::addStandardWorkspaces(*shell, *engine, backend->services(), sources);
            if (!options.workspace.isEmpty()) {
                usher::ui::AppShell* target = shell.get();
                const QString id = options.workspace;
                QObject::connect(counter, &usher::ui::CounterWindow::staffSignedIn, target, [target, id] {
                    QTimer::singleShot(0, target, [target, id] { target->showWorkspace(id); });
                });
            }
            if (!options.signIn.isEmpty())
                counter->signIn(options.signIn, QString::fromLatin1(demoPassword(options.signIn)));
            if (firstRun) { // the new admin goes straight in
                counter->signIn(firstRun->adminLogin, firstRun->adminPassword);
                firstRun->adminPassword.clear();
            }
            window = std::move(shell);
        }
        window->show();
        if (!options.screenshot.isEmpty())
            scheduleScreenshot(app, *window, options.screenshot,
                               options.screenshotAfterMs >= 0 ? options.screenshotAfterMs
                                   : options.signIn.isEmpty()  ? kScreenshotSettleMs
                                                               : kSignInSettleMs);
        if (options.quitAfterMs >= 0)
            QTimer::singleShot(options.quitAfterMs, &app, &QCoreApplication::quit);
        status = QApplication::exec();
    } // the windows (and their engine subscriptions) go before the engine
    sync.stop(); // before the engine it syncs
    backend.reset();
    engine->close();
    return status;
}
