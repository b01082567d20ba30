// usher: the desktop app. Parses the command line, opens the engine on the data directory and
// shows the main window; the views live in ui/.

#include "DemoData.h"
#include "MainWindow.h"
#include "Translations.h"
#include "runtime/Engine.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QPixmap>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

struct Options {
    QString dataDirectory;
    bool demo = false;
    QString screenshot; // grab the window to this PNG and quit
    int quitAfterMs = -1;
    bool interactive() const { return screenshot.isEmpty() && quitAfterMs < 0; }
};

// The screenshot waits this long after the window is shown, so that layouts and queued updates settle.
constexpr int kScreenshotSettleMs = 500;

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
    parser.addOptions({ data, demo, screenshot, quitAfter });
    parser.process(app);

    Options options;
    options.dataDirectory = parser.value(data);
    options.demo = parser.isSet(demo);
    options.screenshot = parser.value(screenshot);
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

void scheduleScreenshot(QApplication& app, QWidget& window, const QString& file)
{
    QTimer::singleShot(kScreenshotSettleMs, &window, [&app, &window, file] {
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
    usher::ui::installTranslations(app);
    const Options options = parseArguments(app);

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

    int status = 0;
    {
        usher::ui::MainWindow window(*engine);
        window.show();
        if (!options.screenshot.isEmpty())
            scheduleScreenshot(app, window, options.screenshot);
        if (options.quitAfterMs >= 0)
            QTimer::singleShot(options.quitAfterMs, &app, &QCoreApplication::quit);
        status = QApplication::exec();
    } // the window (and its engine subscriptions) goes before the engine
    engine->close();
    return status;
}
