#include "counter/CounterWindow.h"
#include "DisplayFormat.h"

#include "MainWindow.h"
#include "boxoffice/Money.h"
#include "core/Assert.h"
#include "counter/AfterSale.h"
#include "counter/CounterMoney.h"
#include "counter/CounterWorker.h"
#include "counter/EventPicker.h"
#include "counter/OpenCartsPage.h"
#include "counter/OpenShiftPage.h"
#include "counter/SalePage.h"
#include "counter/SignInPage.h"
#include "counter/StaffDialog.h"
#include "sync/SyncUi.h"

#include <QAction>
#include <QCloseEvent>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QLocale>

namespace usher::ui {

namespace {

QString roleText(StaffRole role)
{
    switch (role) {
    case StaffRole::Clerk:
        return CounterWindow::tr("clerk");
    case StaffRole::Supervisor:
        return CounterWindow::tr("supervisor");
    case StaffRole::Promoter:
        return CounterWindow::tr("promoter");
    case StaffRole::Admin:
        return CounterWindow::tr("admin");
    }
    return {};
}

bool mayOpenSeatViewer(StaffRole role)
{
    return role == StaffRole::Promoter || role == StaffRole::Admin;
}

} // namespace

CounterWindow::CounterWindow(CounterServices& services, const CounterWindowOptions& options, QWidget* parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_options(options)
{
    USHER_ASSERT(services.engine != nullptr && services.db != nullptr && services.accounts != nullptr
                 && services.drawer != nullptr);
    setObjectName(QStringLiteral("counterWindow"));
    setWindowTitle(tr("Usher box office"));
    if (!m_options.today.isValid())
        m_options.today = QDate::currentDate();
    m_worker = new CounterWorker(this);
    m_stack = new QStackedWidget(this);
    m_signIn = new SignInPage(m_stack);
    m_signIn->setDemoHint(options.demoHint);
    m_openShift = new OpenShiftPage(m_stack);
    m_openCarts = new OpenCartsPage(m_stack);
    m_stack->addWidget(m_signIn);
    m_stack->addWidget(m_openShift);
    m_stack->addWidget(m_openCarts);
    setCentralWidget(m_stack);
    m_clerkLabel = new QLabel(this);
    m_clerkLabel->setObjectName(QStringLiteral("clerkLabel"));
    m_drawerLabel = new QLabel(this);
    m_drawerLabel->setObjectName(QStringLiteral("drawerLabel"));
    statusBar()->addPermanentWidget(m_clerkLabel);
    statusBar()->addPermanentWidget(m_drawerLabel);
    buildMenus();

    connect(m_signIn, &SignInPage::signInRequested, this, &CounterWindow::signIn);
    connect(m_signIn, &SignInPage::firstAdminRequested, this, &CounterWindow::createFirstAdmin);
    connect(m_openShift, &OpenShiftPage::openRequested, this, &CounterWindow::openShift);
    connect(m_openCarts, &OpenCartsPage::resumeRequested, this, &CounterWindow::resumeCart);
    connect(m_openCarts, &OpenCartsPage::releaseRequested, this, &CounterWindow::releaseCart);
    connect(m_openCarts, &OpenCartsPage::doneRequested, this, &CounterWindow::showSalePage);
    connect(m_worker, &CounterWorker::busyChanged, this, [this](bool busy) {
        m_signIn->setBusy(busy);
        m_openShift->setBusy(busy);
        m_openCarts->setBusy(busy);
    });
    m_stack->setCurrentWidget(m_signIn);
    updateActions();
    resize(1360, 860);
    // A fresh install has no account: the first screen creates the administrator. (One indexed
    // read of boxoffice.db, once, before the window shows.)
    std::vector<StaffAccount> accounts;
    m_signIn->setFirstRun(m_services.accounts->list(&accounts) == BoxOfficeStatus::Ok && accounts.empty());
    m_signIn->reset();
}

void CounterWindow::createFirstAdmin(const QString& login, const QString& name, const QString& password)
{
    auto status = std::make_shared<BoxOfficeStatus>(BoxOfficeStatus::Ok);
    CounterServices* services = &m_services;
    const std::string loginText = login.toStdString();
    const std::string nameText = name.toStdString();
    const std::string passwordText = password.toStdString();
    m_worker->run(
        [services, status, loginText, nameText, passwordText] {
            std::uint64_t id = 0;
            *status = services->accounts->createFirstAdmin(loginText, nameText, passwordText, services->clock(), &id);
        },
        [this, status, login, password] {
            switch (*status) {
            case BoxOfficeStatus::Ok:
                m_signIn->setFirstRun(false);
                m_signIn->loginEdit()->setText(login);
                signIn(login, password);
                return;
            case BoxOfficeStatus::InvalidArgument:
                m_signIn->showError(tr("A login uses lower-case letters, digits, '.', '-' and '_' only; the password "
                                       "needs 8 to 256 bytes."));
                return;
            case BoxOfficeStatus::Forbidden:
                // Somebody created an account meanwhile (another window on the same data): sign in.
                m_signIn->setFirstRun(false);
                m_signIn->showError(tr("An account exists already. Sign in."));
                return;
            default:
                //: %1 says why, e.g. "the seat is no longer available".
                m_signIn->showError(tr("Creating the account failed: %1.")
                                        .arg(DisplayFormat::status(*status)));
                return;
            }
        });
}

void CounterWindow::setSyncSession(SyncSession* session)
{
    m_services.sync = session;
    if (session != nullptr)
        connect(session, &SyncSession::eventUpdated, this, &CounterWindow::syncEventUpdated, Qt::UniqueConnection);
    if (m_sale != nullptr)
        m_sale->attachCentralSeats();
}

void CounterWindow::syncEventUpdated(quint64 event)
{
    if (m_sale != nullptr)
        m_sale->eventSpecChanged(EventId(event));
}

CounterWindow::~CounterWindow()
{
    delete m_seatViewer;
    delete m_worker; // waits for a running job before the pages it answers to go
    m_worker = nullptr;
}

QAction* CounterWindow::action(const QString& objectName) const
{
    return findChild<QAction*>(objectName);
}

QAction* CounterWindow::addWindowAction(QMenu* menu, const QString& name, const QString& text, const QKeySequence& key,
                                  void (CounterWindow::*slot)())
{
    QAction* action = menu->addAction(text);
    action->setObjectName(name);
    action->setShortcut(key);
    connect(action, &QAction::triggered, this, slot);
    m_saleActions.push_back(action);
    return action;
}

void CounterWindow::saleAction(void (SalePage::*slot)())
{
    if (m_sale != nullptr && m_stack->currentWidget() == m_sale)
        (m_sale->*slot)();
}

void CounterWindow::buildMenus()
{
    auto sale = [this](QMenu* menu, const QString& name, const QString& text, const QKeySequence& key,
                       void (SalePage::*slot)()) {
        QAction* action = menu->addAction(text);
        action->setObjectName(name);
        action->setShortcut(key);
        connect(action, &QAction::triggered, this, [this, slot] { saleAction(slot); });
        m_saleActions.push_back(action);
    };
    QMenu* saleMenu = menuBar()->addMenu(tr("&Sale"));
    sale(saleMenu, QStringLiteral("bestAvailableAction"), tr("&Best available"), QKeySequence(Qt::Key_F2),
         &SalePage::focusQuickEntry);
    sale(saleMenu, QStringLiteral("holdSelectedAction"), tr("&Hold selected seats"), QKeySequence(tr("Ctrl+H")),
         &SalePage::holdSelectedSeats);
    sale(saleMenu, QStringLiteral("standingPlacesAction"), tr("Standing &places"), QKeySequence(tr("Ctrl+G")),
         &SalePage::focusPlaces);
    sale(saleMenu, QStringLiteral("amountAction"), tr("&Amount"), QKeySequence(Qt::Key_F7), &SalePage::focusAmount);
    sale(saleMenu, QStringLiteral("payCashAction"), tr("Pay &cash"), QKeySequence(Qt::Key_F8), &SalePage::payCash);
    sale(saleMenu, QStringLiteral("payCardAction"), tr("Pay by c&ard"), QKeySequence(Qt::Key_F9), &SalePage::payCard);
    sale(saleMenu, QStringLiteral("payComplimentaryAction"), tr("C&omplimentary (supervisor)"),
         QKeySequence(Qt::Key_F10), &SalePage::payComplimentary);
    sale(saleMenu, QStringLiteral("clearCartAction"), tr("C&lear cart"), QKeySequence(tr("Ctrl+Del")),
         &SalePage::clearCart);
    saleMenu->addSeparator();
    sale(saleMenu, QStringLiteral("printTicketsAction"), tr("&Print tickets of the last sale…"),
         QKeySequence(QKeySequence::Print), &SalePage::printLastWithDialog);
    sale(saleMenu, QStringLiteral("saveTicketsAction"), tr("&Save tickets of the last sale as PDF…"),
         QKeySequence(tr("Ctrl+Shift+S")), &SalePage::saveLastAsPdf);
    saleMenu->addSeparator();
    addWindowAction(saleMenu, QStringLiteral("openCartsAction"), tr("Open ca&rts…"), QKeySequence(tr("Ctrl+Shift+U")),
              &CounterWindow::showOpenCartsAction);

    QMenu* orders = menuBar()->addMenu(tr("&Orders"));
    addWindowAction(orders, QStringLiteral("findOrderAction"), tr("&Find order…"), QKeySequence(QKeySequence::Find),
              &CounterWindow::findOrder);
    sale(orders, QStringLiteral("orderOfSeatAction"), tr("Order of the &focus seat…"), QKeySequence(tr("Ctrl+I")),
         &SalePage::showOrderOfFocusSeat);
    sale(orders, QStringLiteral("customerOrdersAction"), tr("&Customer's previous orders…"),
         QKeySequence(tr("Ctrl+Shift+F")), &SalePage::lookUpCustomer);

    QMenu* shift = menuBar()->addMenu(tr("S&hift"));
    addWindowAction(shift, QStringLiteral("cashMovementAction"), tr("Cash &in or out…"), QKeySequence(tr("Ctrl+Shift+M")),
              &CounterWindow::cashMovement);
    addWindowAction(shift, QStringLiteral("xReportAction"), tr("&X report…"), QKeySequence(tr("Ctrl+Shift+X")),
              &CounterWindow::xReport);
    addWindowAction(shift, QStringLiteral("closeShiftAction"), tr("&Close shift (Z report)…"),
              QKeySequence(tr("Ctrl+Shift+Z")), &CounterWindow::closeShift);
    shift->addSeparator();
    QAction* signOut = shift->addAction(tr("Sign &out"));
    signOut->setObjectName(QStringLiteral("signOutAction"));
    signOut->setShortcut(QKeySequence(tr("Ctrl+Shift+L")));
    connect(signOut, &QAction::triggered, this, &CounterWindow::signOut);
    m_saleActions.push_back(signOut);
    QAction* quit = shift->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    sale(view, QStringLiteral("focusEventsAction"), tr("&Events"), QKeySequence(tr("Ctrl+E")), &SalePage::focusEvents);
    sale(view, QStringLiteral("focusMapAction"), tr("Seat &map"), QKeySequence(tr("Ctrl+M")), &SalePage::focusMap);
    sale(view, QStringLiteral("focusCustomerAction"), tr("&Customer"), QKeySequence(tr("Ctrl+K")),
         &SalePage::focusCustomer);
    view->addSeparator();
    m_seatViewerAction = view->addAction(tr("Seat &viewer (all seats, all channels)"));
    m_seatViewerAction->setObjectName(QStringLiteral("seatViewerAction"));
    m_seatViewerAction->setShortcut(QKeySequence(tr("Ctrl+Shift+V")));
    connect(m_seatViewerAction, &QAction::triggered, this, &CounterWindow::openSeatViewer);
    m_staffAction = view->addAction(tr("Staff &accounts…"));
    m_staffAction->setObjectName(QStringLiteral("staffAction"));
    m_staffAction->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
    connect(m_staffAction, &QAction::triggered, this, &CounterWindow::openStaff);
}

void CounterWindow::openStaff()
{
    if (m_services.clerk.id == 0 || m_services.clerk.role != StaffRole::Admin)
        return;
    StaffDialog dialog(m_services, this);
    dialog.exec();
}

void CounterWindow::updateActions()
{
    const bool onSale = m_sale != nullptr && m_stack->currentWidget() == m_sale;
    const bool signedIn = m_services.clerk.id != 0;
    for (QAction* action : m_saleActions)
        action->setEnabled(action->objectName() == QLatin1String("signOutAction") ? signedIn : onSale);
    m_seatViewerAction->setEnabled(signedIn && mayOpenSeatViewer(m_services.clerk.role));
    m_staffAction->setEnabled(signedIn && m_services.clerk.role == StaffRole::Admin);
    m_clerkLabel->setText(signedIn ? tr("%1 (%2)").arg(QString::fromStdString(m_services.clerk.displayName),
                                                       roleText(m_services.clerk.role))
                                   : tr("Nobody signed in"));
    if (!signedIn)
        m_drawerLabel->clear();
}

// ---- sign-in and the shift

void CounterWindow::signIn(const QString& login, const QString& password)
{
    if (m_signIn->loginEdit()->text() != login)
        m_signIn->loginEdit()->setText(login);
    struct Answer {
        BoxOfficeStatus status = BoxOfficeStatus::Ok;
        StaffAccount account;
        Shift shift;
        std::vector<OpenSale> open;
        Timestamp lockedUntil = 0;
    };
    auto answer = std::make_shared<Answer>();
    CounterServices* services = &m_services;
    const std::string loginText = login.toStdString();
    const std::string passwordText = password.toStdString();
    m_worker->run(
        [services, answer, loginText, passwordText] {
            answer->status
                = services->accounts->signIn(loginText, passwordText, services->clock(), &answer->account);
            if (answer->status == BoxOfficeStatus::AccountLocked) {
                StaffAccount locked;
                if (services->accounts->findByLogin(loginText, &locked) == BoxOfficeStatus::Ok)
                    answer->lockedUntil = locked.lockedUntil;
                return;
            }
            if (answer->status != BoxOfficeStatus::Ok)
                return;
            if (services->drawer->openShiftOf(answer->account.id, &answer->shift) != BoxOfficeStatus::Ok)
                answer->shift = Shift {};
            std::vector<OpenSale> all;
            if (listOpenSales(*services->db, &all) == BoxOfficeStatus::Ok)
                for (const OpenSale& sale : all)
                    if (sale.clerk == answer->account.id)
                        answer->open.push_back(sale);
        },
        [this, answer] {
            switch (answer->status) {
            case BoxOfficeStatus::Ok:
                signedIn(answer->account, answer->shift.id, answer->open);
                return;
            case BoxOfficeStatus::AccountLocked:
                //: %1 is a time of day.
                m_signIn->showError(
                    tr("This account is locked after too many failed sign-ins. Try again after %1, or ask an "
                       "admin to unlock it.")
                        .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(answer->lockedUntil).time(),
                                                QLocale::ShortFormat)));
                return;
            case BoxOfficeStatus::AccountDisabled:
                m_signIn->showError(tr("This account is disabled. Ask an admin."));
                return;
            case BoxOfficeStatus::InvalidCredentials:
                m_signIn->showError(tr("The login or the password is wrong. After %n failed attempt(s) in a row "
                                       "the account is locked for a while.",
                                       nullptr, 5));
                return;
            default:
                //: %1 says why, e.g. "the seat is no longer available".
                m_signIn->showError(tr("Signing in failed: %1.")
                                        .arg(DisplayFormat::status(answer->status)));
                return;
            }
        });
}

void CounterWindow::signedIn(const StaffAccount& account, ShiftId shift, const std::vector<OpenSale>& open)
{
    m_services.clerk = account;
    m_services.shift = shift;
    delete m_sale;
    m_sale = new SalePage(m_services, *m_worker, m_options.tickets, m_options.today, m_stack);
    m_stack->addWidget(m_sale);
    connect(m_sale, &SalePage::statusMessage, this, [this](const QString& text) { statusBar()->showMessage(text, 15000); });
    connect(m_sale, &SalePage::saleCompleted, this, &CounterWindow::refreshDrawer);
    connect(m_sale, &SalePage::orderOfSeatRequested, this, [this](EventId event, SeatId seat) {
        AfterSale::showOrderForSeat(this, m_services, event, seat);
    });
    connect(m_sale, &SalePage::customerOrdersRequested, this,
            [this](const QString& name) { AfterSale::findOrder(this, m_services, name); });
    updateActions();
    Q_EMIT staffSignedIn(account);
    if (shift == 0) {
        m_openShift->prepare(QString::fromStdString(account.displayName), defaultCurrency());
        m_stack->setCurrentWidget(m_openShift);
        m_openShift->floatEdit()->setFocus();
        m_pendingOpen = open;
        return;
    }
    statusBar()->showMessage(tr("Welcome back, %1: your shift is still open.")
                                 .arg(QString::fromStdString(account.displayName)),
                             10000);
    enterCounter(open);
}

void CounterWindow::openShift(qint64 floatMinor, const QString& currency)
{
    auto status = std::make_shared<BoxOfficeStatus>(BoxOfficeStatus::Ok);
    auto shift = std::make_shared<Shift>();
    CounterServices* services = &m_services;
    const std::string code = currency.toStdString();
    m_worker->run(
        [services, status, shift, floatMinor, code] {
            *status = services->drawer->openShift(services->clerk.id, code, floatMinor, services->clock(), shift.get());
        },
        [this, status, shift] {
            if (*status != BoxOfficeStatus::Ok) {
                //: %1 says why, e.g. "the seat is no longer available".
                m_openShift->showError(
                    tr("The shift could not be opened: %1.").arg(DisplayFormat::status(*status)));
                return;
            }
            m_services.shift = shift->id;
            statusBar()->showMessage(tr("Shift opened with a float of %1.")
                                         .arg(counterMoney(shift->floatAmount, shift->currency)),
                                     10000);
            enterCounter(m_pendingOpen);
            m_pendingOpen.clear();
        });
}

void CounterWindow::enterCounter(const std::vector<OpenSale>& open)
{
    refreshDrawer();
    if (!open.empty()) {
        showOpenCarts(open);
        return;
    }
    showSalePage();
}

void CounterWindow::showSalePage()
{
    if (m_sale == nullptr)
        return;
    m_stack->setCurrentWidget(m_sale);
    updateActions();
    m_sale->focusQuickEntry();
}

void CounterWindow::signOut()
{
    if (m_sale != nullptr && m_sale->hasCart()) {
        statusBar()->showMessage(tr("Finish or clear the cart before you sign out."), 10000);
        return;
    }
    if (m_worker->isBusy())
        return;
    delete m_seatViewer;
    m_stack->setCurrentWidget(m_signIn);
    delete m_sale;
    m_sale = nullptr;
    m_services.clerk = StaffAccount {};
    m_services.shift = 0;
    updateActions();
    m_signIn->reset();
    Q_EMIT staffSignedOut();
}

void CounterWindow::refreshDrawer()
{
    if (m_services.shift == 0) {
        m_drawerLabel->clear();
        return;
    }
    struct Answer {
        Amount cash = 0;
        Shift shift;
        bool ok = false;
    };
    auto answer = std::make_shared<Answer>();
    CounterServices* services = &m_services;
    const ShiftId id = m_services.shift;
    const auto job = [services, answer, id] {
        answer->ok = services->drawer->expectedCash(id, &answer->cash) == BoxOfficeStatus::Ok
            && services->drawer->shift(id, &answer->shift) == BoxOfficeStatus::Ok;
    };
    const auto done = [this, answer] {
        //: %1 is an amount of money.
        m_drawerLabel->setText(answer->ok ? tr("Drawer: %1").arg(counterMoney(answer->cash, answer->shift.currency))
                                          : tr("Drawer: unknown"));
    };
    if (!m_worker->run(job, done)) {
        // Busy (a sale just ended and something else runs): ask again shortly.
        QTimer::singleShot(200, this, &CounterWindow::refreshDrawer);
    }
}

std::string CounterWindow::defaultCurrency() const
{
    for (EventId id : m_services.engine->events())
        if (EventShard* shard = m_services.engine->event(id))
            return shard->spec().currency;
    return "EUR";
}

EventShard* CounterWindow::shardOf(EventId event) const
{
    return m_services.engine->event(event);
}

// ---- open carts

void CounterWindow::showOpenCarts(const std::vector<OpenSale>& open)
{
    m_openCarts->setSales(open, [this](const OpenSale& sale) {
        EventShard* shard = shardOf(sale.event);
        const QString event = shard != nullptr ? QString::fromStdString(shard->spec().name) : QString::number(sale.event);
        const QString amount = shard != nullptr && sale.amount > 0 ? counterMoney(sale.amount, shard->spec().currency)
                                                                    : QString();
        return QStringList { event, amount };
    });
    m_openCarts->setBusy(m_worker->isBusy());
    m_stack->setCurrentWidget(m_openCarts);
    m_openCarts->focusList();
    updateActions();
}

void CounterWindow::showOpenCartsAction()
{
    if (m_sale != nullptr && m_sale->hasCart()) {
        statusBar()->showMessage(tr("Finish or clear the cart first."), 10000);
        return;
    }
    reloadOpenCarts(QString());
}

void CounterWindow::reloadOpenCarts(const QString& message)
{
    auto open = std::make_shared<std::vector<OpenSale>>();
    CounterServices* services = &m_services;
    const std::uint64_t clerk = m_services.clerk.id;
    const auto job = [services, open, clerk] {
        std::vector<OpenSale> all;
        if (listOpenSales(*services->db, &all) == BoxOfficeStatus::Ok)
            for (const OpenSale& sale : all)
                if (sale.clerk == clerk)
                    open->push_back(sale);
    };
    m_worker->run(job, [this, open, message] {
        showOpenCarts(*open);
        m_openCarts->showMessage(open->empty() && message.isEmpty() ? tr("No open carts.") : message);
    });
}

void CounterWindow::resumeCart(const QString& reference)
{
    const OpenSale* found = nullptr;
    for (const OpenSale& sale : m_openCarts->sales())
        if (QString::fromStdString(sale.reference) == reference)
            found = &sale;
    EventShard* shard = found != nullptr ? shardOf(found->event) : nullptr;
    if (shard == nullptr || m_sale == nullptr)
        return;
    if (m_sale->hasCart()) {
        m_openCarts->showMessage(tr("The counter's cart is in use: finish it first."));
        return;
    }
    auto status = std::make_shared<BoxOfficeStatus>(BoxOfficeStatus::Ok);
    auto restored = std::make_shared<std::shared_ptr<CounterSale>>();
    const CounterSaleContext context = m_services.saleContext(shard);
    const StaffAccount clerk = m_services.clerk;
    const std::string ref = reference.toStdString();
    const EventId event = shard->id();
    m_worker->run(
        [context, clerk, ref, status, restored] {
            std::unique_ptr<CounterSale> sale = CounterSale::restore(context, clerk, ref, status.get());
            *restored = std::shared_ptr<CounterSale>(std::move(sale));
        },
        [this, status, restored, event] {
            if (*status != BoxOfficeStatus::Ok || *restored == nullptr) {
                //: %1 says why, e.g. "the seat is no longer available".
                m_openCarts->showMessage(
                    tr("The cart could not be resumed: %1.").arg(DisplayFormat::status(*status)));
                return;
            }
            m_sale->picker()->selectEvent(event);
            showSalePage();
            m_sale->adoptSale(*restored);
        });
}

void CounterWindow::releaseCart(const QString& reference)
{
    const OpenSale* found = nullptr;
    for (const OpenSale& sale : m_openCarts->sales())
        if (QString::fromStdString(sale.reference) == reference)
            found = &sale;
    EventShard* shard = found != nullptr ? shardOf(found->event) : nullptr;
    if (shard == nullptr)
        return;
    struct Answer {
        BoxOfficeStatus status = BoxOfficeStatus::Ok;
        SaleState state = SaleState::Empty;
        OrderId order = 0;
    };
    auto answer = std::make_shared<Answer>();
    const CounterSaleContext context = m_services.saleContext(shard);
    const StaffAccount clerk = m_services.clerk;
    const std::string ref = reference.toStdString();
    m_worker->run(
        [context, clerk, ref, answer] {
            std::unique_ptr<CounterSale> sale = CounterSale::restore(context, clerk, ref, &answer->status);
            if (sale == nullptr)
                return;
            std::vector<IssuedTicket> tickets;
            answer->status = sale->recover(&tickets);
            answer->state = sale->state();
            answer->order = sale->order();
        },
        [this, answer, reference] {
            QString message;
            if (answer->status == BoxOfficeStatus::Ok && answer->state == SaleState::Completed)
                //: %1 is a sale reference, %2 an order id.
                message = tr("Sale %1 had been paid: it was confirmed as order %2. Reprint its tickets from Find "
                             "order (Ctrl+F).")
                              .arg(reference)
                              .arg(answer->order);
            else if (answer->status == BoxOfficeStatus::Ok)
                message = tr("Sale %1 was released: its seats are back on sale.").arg(reference);
            else
                //: %1 is a sale reference, %2 says why.
                message = tr("Sale %1 could not be released yet (%2): try again.")
                              .arg(reference, DisplayFormat::status(answer->status));
            reloadOpenCarts(message);
            refreshDrawer(); // after the reload: it waits while the worker is busy
        });
}

// ---- after the sale (AfterSale)

void CounterWindow::findOrder()
{
    AfterSale::findOrder(this, m_services, QString());
    refreshDrawer();
}

void CounterWindow::cashMovement()
{
    AfterSale::cashMovement(this, m_services);
    refreshDrawer();
}

void CounterWindow::xReport()
{
    AfterSale::xReport(this, m_services);
}

void CounterWindow::closeShift()
{
    if (m_sale != nullptr && m_sale->hasCart()) {
        statusBar()->showMessage(tr("Finish or clear the cart before you close the shift."), 10000);
        return;
    }
    if (!AfterSale::closeShift(this, m_services))
        return;
    m_services.shift = 0;
    signOut();
    statusBar()->showMessage(tr("The shift is closed. Goodbye."), 15000);
}

void CounterWindow::openSeatViewer()
{
    if (!mayOpenSeatViewer(m_services.clerk.role))
        return;
    if (m_seatViewer == nullptr) {
        m_seatViewer = new MainWindow(*m_services.engine);
        m_seatViewer->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_seatViewer->show();
    m_seatViewer->raise();
    m_seatViewer->activateWindow();
}

void CounterWindow::closeEvent(QCloseEvent* event)
{
    if (m_worker->isBusy()) {
        statusBar()->showMessage(tr("Wait for the current step to finish before you quit."), 10000);
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

} // namespace usher::ui
