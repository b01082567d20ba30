#pragma once

// The counter window on a real engine (temporary data directory, the demo events), a real
// boxoffice.db with the demo staff (argon2id at its minimum cost), the simulated card terminal in
// process on loopback, and an injected clock shared by the engine and the counter, so that a hold
// expires when the test says so. Keys go to whatever has the focus, as a clerk's keyboard would.

#include "DemoData.h"
#include "boxoffice/LineSocket.h"
#include "boxoffice/TerminalProtocol.h"
#include "counter/CounterBackend.h"
#include "counter/CounterWindow.h"
#include "counter/CounterWorker.h"
#include "counter/SalePage.h"
#include "counter/SignInPage.h"
#include "runtime/Engine.h"
#include "support/TempDir.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QPixmap>
#include <QStackedWidget>
#include <QTest>

#include <atomic>
#include <memory>
#include <sodium.h>
#include <string>

namespace usher::test {

class CounterFixture {
public:
    std::unique_ptr<TempDir> dir = std::make_unique<TempDir>();
    // A minute ahead of the wall clock: the demo events go on sale at the wall clock's now.
    std::atomic<Timestamp> now { systemClockNow() + 60'000 };
    std::unique_ptr<Engine> engine;
    std::unique_ptr<ui::CounterBackend> backend;
    std::unique_ptr<ui::CounterWindow> window;
    int keys = 0; // key presses sent with press()
    bool demoStaff = true; // false: a fresh boxoffice.db without any account (the first run)

    Clock clock()
    {
        return [this] { return now.load(); };
    }

    // Opens (or reopens, after close()) everything on the same data directory.
    bool open(QString* error)
    {
        EngineOptions options;
        options.dataDirectory = dir->path();
        options.synchronousFull = false;
        options.shard.clock = clock();
        options.shard.tickMs = 50;
        std::string problem;
        engine = Engine::open(options, &problem);
        if (engine == nullptr) {
            *error = QString::fromStdString(problem);
            return false;
        }
        if (!ui::ensureDemoData(*engine, error))
            return false;
        ui::CounterBackendOptions backendOptions;
        backendOptions.dataDirectory = dir->path();
        backendOptions.accounts.opsLimit = crypto_pwhash_OPSLIMIT_MIN;
        backendOptions.accounts.memLimitBytes = crypto_pwhash_MEMLIMIT_MIN;
        backendOptions.terminal = QStringLiteral("fake");
        backendOptions.terminalPayTimeoutMs = 1500;
        backendOptions.terminalRequestTimeoutMs = 1000;
        backendOptions.clock = clock();
        backend = std::make_unique<ui::CounterBackend>();
        if (!backend->open(*engine, backendOptions, error))
            return false;
        if (demoStaff && !ui::ensureDemoStaff(backend->accounts(), now.load(), error))
            return false;
        ui::CounterWindowOptions windowOptions;
        if (demoStaff)
            windowOptions.demoHint = QStringLiteral("<b>Demo accounts</b> (login / password):<br>clerk / clerk-demo");
        windowOptions.tickets.pdfDirectory = QString::fromStdString(dir->filePath("tickets"));
        windowOptions.tickets.receiptHeader = QStringLiteral("Usher box office");
        windowOptions.today = QDateTime::fromMSecsSinceEpoch(now.load()).date();
        window = std::make_unique<ui::CounterWindow>(backend->services(), windowOptions);
        window->resize(1360, 860);
        window->show();
        window->activateWindow();
        return QTest::qWaitForWindowExposed(window.get());
    }

    // Like quitting (or crashing): nothing is cancelled or released on the way out.
    void close()
    {
        window.reset();
        backend.reset();
        if (engine)
            engine->close();
        engine.reset();
    }

    ~CounterFixture() { close(); }

    ui::SalePage* sale() const { return window->salePage(); }

    // One key press to the focused widget, counted.
    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QWidget* target = QApplication::focusWidget();
        QTest::keyClick(target != nullptr ? target : window.get(), Qt::Key(key), modifiers);
        ++keys;
    }
    void type(const QString& text)
    {
        for (QChar c : text) {
            QWidget* target = QApplication::focusWidget();
            QTest::keyClick(target != nullptr ? target : window.get(), c.toLatin1());
            ++keys;
        }
    }

    // Signs in through the keyboard; the sign-in screen has the focus in the login field.
    void typeSignIn(const QString& login, const QString& password)
    {
        type(login);
        press(Qt::Key_Tab);
        type(password);
        press(Qt::Key_Return);
    }

    bool idle() const { return !window->worker()->isBusy(); }

    // Scripts the simulated terminal's next payment (SIMULATE answer outcome delay).
    bool simulateTerminal(const char* answer, const char* outcome, int delayMs = 0)
    {
        std::string error;
        LineSocket socket = LineSocket::connectTo("127.0.0.1", backend->fakeTerminalPort(), 2000, &error);
        if (!socket.isOpen()
            || !socket.sendAll(std::string("SIMULATE ") + answer + ' ' + outcome + ' ' + std::to_string(delayMs) + '\n',
                               2000))
            return false;
        std::string line;
        return socket.readLine(&line, 2000, kTerminalLineBytesMax) == LineRead::Line && line == "OK";
    }

    // One request line to the simulated terminal (e.g. "QUERY <ref>"); its reply line, or "".
    std::string terminalLine(const std::string& request)
    {
        std::string error;
        LineSocket socket = LineSocket::connectTo("127.0.0.1", backend->fakeTerminalPort(), 2000, &error);
        std::string line;
        if (!socket.isOpen() || !socket.sendAll(request + '\n', 2000)
            || socket.readLine(&line, 2000, kTerminalLineBytesMax) != LineRead::Line)
            return {};
        return line;
    }

    SeatStatus seatStatus(EventId event, SeatId seat)
    {
        SeatStatus status = SeatStatus::Available;
        engine->event(event)->read(
            [&](const Ledger& ledger) { status = ledger.seatStatus(ledger.venue().seatIndex(seat)); });
        return status;
    }
};

// Saves `widget` next to the test binary and, with USHER_UPDATE_SCREENSHOTS, into docs/screenshots.
inline bool saveScreenshot(QWidget* widget, const QString& name)
{
    const QPixmap shot = widget->grab();
    if (!shot.save(name, "PNG"))
        return false;
    const QString sourceDir = qEnvironmentVariable("USHER_SOURCE_DIR");
    if (!qEnvironmentVariableIsSet("USHER_UPDATE_SCREENSHOTS") || sourceDir.isEmpty())
        return true;
    const QString path = sourceDir + QStringLiteral("/docs/screenshots/") + name;
    return QDir().mkpath(QFileInfo(path).absolutePath()) && shot.save(path, "PNG");
}

} // namespace usher::test
