#pragma once

// The counter as the after-sale and shift tests need it: a real Engine on a temporary data
// directory, a real boxoffice.db, staff accounts (clerk ann, supervisor sam), an open shift with a
// 100.00 EUR float, and the in-process FakeTerminalServer behind a TcpCardTerminal. Sales are made
// through CounterSale, as the counter window makes them.

#include "boxoffice/BoxOfficeDb.h"
#include "boxoffice/CashDrawer.h"
#include "boxoffice/CounterSale.h"
#include "boxoffice/FakeTerminalServer.h"
#include "boxoffice/LineSocket.h"
#include "boxoffice/StaffAccounts.h"
#include "boxoffice/TcpCardTerminal.h"
#include "counter/AfterSaleTask.h"
#include "counter/CounterServices.h"
#include "runtime/Engine.h"
#include "support/TempDir.h"
#include "support/TestEvents.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QPixmap>
#include <QTest>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>
#include <sodium.h>

// QtGui's switch for Alt+letter mnemonics ("&Refund"). The offscreen platform leaves them off; the
// desktop platforms (xcb, wayland, windows) turn them on, so the tests turn them on as the app has them.
Q_GUI_EXPORT void qt_set_sequence_auto_mnemonic(bool enable);

namespace aftersale_test {

using namespace usher;

constexpr EventId kEvent = 1;
constexpr ChannelId kBoxOffice = 2;

struct SoldOrder {
    OrderId order = 0;
    std::vector<IssuedTicket> tickets;
    std::string reference;
};

struct Counter {
    test::TempDir dir;
    std::unique_ptr<Engine> engine;
    std::unique_ptr<BoxOfficeDb> db;
    std::unique_ptr<StaffAccounts> accounts;
    std::unique_ptr<CashDrawer> drawer;
    std::unique_ptr<FakeTerminalServer> fake;
    std::unique_ptr<TcpCardTerminal> terminal;
    StaffAccount clerk;
    std::uint64_t supervisorId = 0; // sam
    Shift shift;
    ui::CounterServices services;
    int payTimeoutMs = 2000; // how long a PAY waits for the terminal's answer (set before open())

    bool open(std::string* error)
    {
        EngineOptions options;
        options.dataDirectory = dir.path();
        engine = Engine::open(options, error);
        if (!engine || engine->createEvent(test::makeTestEvent(kEvent), error) != Status::Ok)
            return false;
        db = BoxOfficeDb::open(dir.filePath("boxoffice.db"), error);
        if (!db)
            return false;
        StaffAccountOptions staffOptions;
        staffOptions.opsLimit = crypto_pwhash_OPSLIMIT_MIN;
        staffOptions.memLimitBytes = crypto_pwhash_MEMLIMIT_MIN;
        accounts = std::make_unique<StaffAccounts>(*db, staffOptions);
        drawer = std::make_unique<CashDrawer>(*db);
        StaffAccount admin;
        const bool ok = accounts->createFirstAdmin("admin", "Admin", "admin-pass", 1, nullptr) == BoxOfficeStatus::Ok
            && accounts->signIn("admin", "admin-pass", 2, &admin) == BoxOfficeStatus::Ok
            && accounts->createAccount(admin, "ann", "Ann Clerk", StaffRole::Clerk, "ann-pass-1", 3, nullptr)
                == BoxOfficeStatus::Ok
            && accounts->createAccount(admin, "sam", "Sam Supervisor", StaffRole::Supervisor, "sam-pass-1", 3,
                                       &supervisorId)
                == BoxOfficeStatus::Ok
            && accounts->signIn("ann", "ann-pass-1", 4, &clerk) == BoxOfficeStatus::Ok
            && drawer->openShift(clerk.id, "EUR", 10000, systemClockNow(), &shift) == BoxOfficeStatus::Ok;
        if (!ok) {
            *error = "cannot set up accounts and the shift";
            return false;
        }
        fake = std::make_unique<FakeTerminalServer>(FakeTerminalOptions {});
        if (!fake->start(error))
            return false;
        TcpCardTerminalOptions terminalOptions;
        terminalOptions.port = fake->port();
        terminalOptions.payTimeoutMs = payTimeoutMs;
        terminalOptions.requestTimeoutMs = 1000;
        terminal = std::make_unique<TcpCardTerminal>(terminalOptions);
        services.engine = engine.get();
        services.db = db.get();
        services.drawer = drawer.get();
        services.accounts = accounts.get();
        services.terminal = terminal.get();
        services.channel = kBoxOffice;
        services.clerk = clerk;
        services.shift = shift.id;
        return true;
    }

    ~Counter()
    {
        ui::AfterSaleHooks::reset();
        terminal.reset();
        if (fake)
            fake->stop();
        if (engine)
            engine->close();
    }

    EventShard* shard() const { return engine->event(kEvent); }

    // A completed counter sale of `seats`, paid in cash (or by card), with a buyer name.
    SoldOrder sell(const std::vector<SeatId>& seats, PaymentMethod method, const std::string& buyer = {})
    {
        SoldOrder sold;
        CounterSale sale(services.saleContext(shard()), clerk, shift.id);
        if (sale.holdSeats(seats) != BoxOfficeStatus::Ok)
            return sold;
        if (!buyer.empty() && sale.setBuyer(Buyer { buyer, "", "" }) != BoxOfficeStatus::Ok)
            return sold;
        const TenderResult paid
            = method == PaymentMethod::Card ? sale.payCard(sale.total()) : sale.payCash(sale.total());
        if (paid.status != BoxOfficeStatus::Ok || sale.complete(&sold.tickets) != BoxOfficeStatus::Ok)
            return sold;
        sold.order = sale.order();
        sold.reference = sale.reference();
        return sold;
    }

    SeatStatus seatStatus(SeatId seat) const
    {
        SeatStatus status = SeatStatus::Available;
        shard()->read([&](const Ledger& ledger) { status = ledger.seatStatus(ledger.venue().seatIndex(seat)); });
        return status;
    }

    std::string seatLabel(SeatId seat) const
    {
        std::string label;
        shard()->read([&](const Ledger& ledger) { label = ledger.venue().seatLabel(ledger.venue().seatIndex(seat)); });
        return label;
    }

    ShiftReport xReport() const
    {
        ShiftReport report;
        drawer->xReport(shift.id, clerk.id, systemClockNow(), &report);
        return report;
    }

    // One request line to the fake terminal ("SIMULATE answer approve 60000", "QUERY <ref>"); its
    // reply line, or "".
    std::string terminalLine(const std::string& request) const
    {
        std::string error;
        LineSocket socket = LineSocket::connectTo("127.0.0.1", fake->port(), 2000, &error);
        std::string line;
        if (!socket.isOpen() || !socket.sendAll(request + '\n', 2000)
            || socket.readLine(&line, 2000, kTerminalLineBytesMax) != LineRead::Line)
            return {};
        return line;
    }

    // The details of the audit rows of `action` written with the clerk's id, oldest first.
    std::vector<std::string> auditDetails(const std::string& action) const
    {
        std::vector<std::string> details;
        SqlStatement select(*db, "SELECT detail FROM audit WHERE action = ? AND staff = ? ORDER BY id");
        select.bind(1, action).bind(2, static_cast<std::int64_t>(clerk.id));
        while (select.next())
            details.push_back(select.text(0));
        return details;
    }

    // Audit rows of `action` written with the clerk's id.
    int auditRows(const std::string& action) const
    {
        SqlStatement select(*db, "SELECT COUNT(*) FROM audit WHERE action = ? AND staff = ?");
        select.bind(1, action).bind(2, static_cast<std::int64_t>(clerk.id));
        return select.next() ? static_cast<int>(select.integer(0)) : -1;
    }
};

// Runs `step` on the modal dialog named `objectName` once it is showing (polls; never sleeps blind).
inline void whenModal(const QString& objectName, std::function<void(QWidget*)> step, int timeoutMs = 10000)
{
    auto* timer = new QTimer;
    auto started = std::make_shared<QElapsedTimer>();
    started->start();
    QObject::connect(timer, &QTimer::timeout, [timer, objectName, step, started, timeoutMs] {
        QWidget* modal = QApplication::activeModalWidget();
        if (modal != nullptr && modal->objectName() == objectName && modal->isVisible()) {
            timer->stop();
            timer->deleteLater();
            QApplication::setActiveWindow(modal);
            if (!QTest::qWaitForWindowActive(modal))
                qWarning("the dialog %s did not become active", qPrintable(objectName));
            step(modal);
        } else if (started->elapsed() > timeoutMs) {
            timer->stop();
            timer->deleteLater();
            if (modal != nullptr)
                modal->close(); // unblock the test; its checks then fail
        }
    });
    timer->start(20);
}

// Next to the test binary always; into docs/screenshots/ when USHER_UPDATE_SCREENSHOTS is set.
inline bool saveScreenshot(QWidget* widget, const QString& name)
{
    widget->show();
    QApplication::processEvents();
    const QImage image = widget->grab().toImage();
    if (image.isNull() || !image.save(name, "PNG"))
        return false;
    if (!qEnvironmentVariableIsSet("USHER_UPDATE_SCREENSHOTS"))
        return true;
    const QString path = qEnvironmentVariable("USHER_SOURCE_DIR") + QStringLiteral("/docs/screenshots/") + name;
    return QDir().mkpath(QFileInfo(path).absolutePath()) && image.save(path, "PNG");
}

} // namespace aftersale_test
