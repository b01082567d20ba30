#pragma once

// The box-office counter: sign-in, the shift's cash float, open carts after a restart, then the
// sale screen, with menus and shortcuts for every action, including the after-sale and shift
// screens (AfterSale). The window borrows the services (CounterBackend owns them) and fills in who
// is signed in on which shift. See docs/design/counter-ui.md.

#include "counter/CounterServices.h"
#include "counter/TicketOutput.h"

#include <QDate>
#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <vector>

class QAction;
class QLabel;
class QStackedWidget;

namespace usher::ui {

class CounterWorker;
class MainWindow;
class OpenCartsPage;
class OpenShiftPage;
class SalePage;
class SignInPage;
class SyncSession;

struct CounterWindowOptions {
    QString demoHint;     // shown on the sign-in screen (demo mode only)
    TicketOutput tickets; // where completed sales' tickets go
    QDate today;          // invalid: the current date
};

class CounterWindow final : public QMainWindow {
    Q_OBJECT

public:
    CounterWindow(CounterServices& services, const CounterWindowOptions& options, QWidget* parent = nullptr);
    ~CounterWindow() override;

    // Fills in the sign-in form and submits it (scripted sign-in of the demo, tests).
    void signIn(const QString& login, const QString& password);
    // First run: creates the administrator account, then signs in with it.
    void createFirstAdmin(const QString& login, const QString& name, const QString& password);
    void signOut();

    const CounterServices& services() const { return m_services; }
    // The box office's link to usherd (installSyncUi sets it); it must outlive the window.
    void setSyncSession(SyncSession* session);
    CounterWorker* worker() const { return m_worker; }
    QStackedWidget* stack() const { return m_stack; }
    SignInPage* signInPage() const { return m_signIn; }
    OpenShiftPage* openShiftPage() const { return m_openShift; }
    OpenCartsPage* openCartsPage() const { return m_openCarts; }
    SalePage* salePage() const { return m_sale; } // null until someone signs in
    QLabel* drawerLabel() const { return m_drawerLabel; }
    QAction* action(const QString& objectName) const;

Q_SIGNALS:
    // For the app shell (AppShell): who signed in, and that nobody is signed in any more.
    void staffSignedIn(const usher::StaffAccount& account);
    void staffSignedOut();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    // usherd changed an event (SyncSession::eventUpdated): the sale page shows its new terms.
    void syncEventUpdated(quint64 event);
    void buildMenus();
    QAction* addWindowAction(QMenu* menu, const QString& name, const QString& text, const QKeySequence& key,
                       void (CounterWindow::*slot)());
    void signedIn(const StaffAccount& account, ShiftId shift, const std::vector<OpenSale>& open);
    void openShift(qint64 floatMinor, const QString& currency);
    void enterCounter(const std::vector<OpenSale>& open);
    void showOpenCarts(const std::vector<OpenSale>& open);
    void resumeCart(const QString& reference);
    void releaseCart(const QString& reference);
    void reloadOpenCarts(const QString& message);
    void showSalePage();
    void refreshDrawer();
    void updateActions();
    std::string defaultCurrency() const;
    EventShard* shardOf(EventId event) const;

    // Menu actions.
    void findOrder();
    void cashMovement();
    void xReport();
    void closeShift();
    void openSeatViewer();
    void openStaff();
    void showOpenCartsAction();
    void saleAction(void (SalePage::*slot)());

    CounterServices& m_services;
    CounterWindowOptions m_options;
    CounterWorker* m_worker = nullptr;
    QStackedWidget* m_stack = nullptr;
    SignInPage* m_signIn = nullptr;
    OpenShiftPage* m_openShift = nullptr;
    OpenCartsPage* m_openCarts = nullptr;
    SalePage* m_sale = nullptr;
    QLabel* m_clerkLabel = nullptr;
    QLabel* m_drawerLabel = nullptr;
    std::vector<QAction*> m_saleActions; // enabled on the sale screen only
    QAction* m_seatViewerAction = nullptr;
    QAction* m_staffAction = nullptr; // admins only
    QPointer<MainWindow> m_seatViewer;
    std::vector<OpenSale> m_pendingOpen; // shown once the shift is open
};

} // namespace usher::ui
