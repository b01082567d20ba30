// The box-office counter driven like a clerk drives it: QTest key (and mouse) events on the
// offscreen platform, a real engine with the demo events on a temporary data directory, a real
// boxoffice.db, the simulated card terminal on loopback, and a clock the test moves. Covers: a cash
// sale of 2 best-available seats with change in 6 key presses, a declined card then cash, a hold
// that expires in the cart, the sign-in lockout, resuming and releasing an open cart after a
// restart, and the screenshots of every counter screen for the user guide.

#include "CounterCentralSupport.h"
#include "CounterTestSupport.h"
#include "EventListModel.h"
#include "SeatMapModel.h"
#include "SeatMapWidget.h"
#include "counter/EventPicker.h"
#include "counter/OpenCartsPage.h"
#include "counter/OpenShiftPage.h"
#include "counter/SignInPage.h"
#include "counter/StaffDialog.h"
#include "event/EventSpecJson.h"
#include "venue/VenueGenerator.h"

#include <QSpinBox>
#include <QComboBox>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimer>
#include <QTableWidget>
#include <QToolButton>

using namespace usher;
using namespace usher::ui;
using usher::test::CounterFixture;
using usher::test::saveScreenshot;
using usher::test::signInAndOpenShift;

namespace {

constexpr EventId kDemoNight = 1;
constexpr Amount kAdultA = 8900; // the demo hall's category A adult price (makeDemoEvent)

Amount expectedCash(CounterFixture& f)
{
    Amount cash = -1;
    f.backend->drawer().expectedCash(f.window->services().shift, &cash);
    return cash;
}

} // namespace

class TestCounterSale : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cashSaleOfTwoBestAvailableWithChangeInSixKeys();
    void standingPlacesAreSoldFromTheKeyboard();
    void cardDeclineThenCash();
    void escCancelsTheCardPaymentAtTheKeypad();
    void holdExpiresInTheCart();
    void signInLockout();
    void firstRunCreatesTheAdministrator();
    void adminManagesStaffAccounts();
    void openCartAfterRestartIsResumedOrReleased();
    void soldSeatClickAsksForItsOrder();
    void eventPickerSearchesAsYouTypeWithChips();
};

void TestCounterSale::cashSaleOfTwoBestAvailableWithChangeInSixKeys()
{
    CounterFixture f;
    QString error;
    QVERIFY2(f.open(&error), qPrintable(error));
    QVERIFY(f.window->signInPage()->loginEdit()->hasFocus());
    QVERIFY(signInAndOpenShift(f));
    QCOMPARE(expectedCash(f), Amount(10000));
    QCOMPARE(f.sale()->picker()->currentEvent(), kDemoNight);
    QVERIFY(f.sale()->quickEntry()->hasFocus());

    // The counted sequence: 2 Enter (hold the 2 best seats), 2 0 0 (tendered), Enter (cash).
    f.keys = 0;
    f.press(Qt::Key_2);
    f.press(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(f.sale()->hasCart() && f.idle(), 10000);
    QCOMPARE(f.sale()->cartTable()->rowCount(), 2);
    QVERIFY(f.sale()->amountEdit()->hasFocus());
    QCOMPARE(f.sale()->amountEdit()->text(), QStringLiteral("178.00"));
    const std::vector<CartLine> lines = f.sale()->sale()->lines();
    QCOMPARE(lines.size(), std::size_t(2));
    QCOMPARE(f.seatStatus(kDemoNight, lines[0].seat), SeatStatus::Held);
    saveScreenshot(f.window.get(), QStringLiteral("counter-cart.png"));
    f.type(QStringLiteral("200"));
    f.press(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!f.sale()->hasCart() && f.idle(), 10000);
    QCOMPARE(f.keys, 6);

    QVERIFY(f.sale()->lastSale().has_value());
    const IssuedSale& issued = *f.sale()->lastSale();
    QCOMPARE(issued.tickets.size(), std::size_t(2));
    QCOMPARE(f.seatStatus(kDemoNight, lines[0].seat), SeatStatus::Sold);
    QCOMPARE(f.seatStatus(kDemoNight, lines[1].seat), SeatStatus::Sold);
    QVERIFY2(f.sale()->completionLabel()->text().contains(QStringLiteral("Change due: 22.00 EUR")),
             qPrintable(f.sale()->completionLabel()->text()));
    QCOMPARE(expectedCash(f), Amount(10000 + 2 * kAdultA));
    QTRY_COMPARE(f.window->drawerLabel()->text(), QStringLiteral("Drawer: 278.00 EUR"));
    const QString pdf = QString::fromStdString(f.dir->filePath("tickets")) + QLatin1Char('/') + issued.orderNumber();
    QVERIFY(QFileInfo(pdf + QStringLiteral("-tickets.pdf")).size() > 1000);
    QVERIFY(QFileInfo(pdf + QStringLiteral("-receipt.pdf")).size() > 500);
    // The next sale starts where this one did.
    QVERIFY(f.sale()->quickEntry()->hasFocus());
    saveScreenshot(f.window.get(), QStringLiteral("counter-sale-complete.png"));
}

// The demo hall's standing pit: Ctrl+G, 3, Enter puts three places in the cart, priced by the
// area's category; Enter pays them in cash; the tickets are GA tickets of that area.
void TestCounterSale::standingPlacesAreSoldFromTheKeyboard()
{
    CounterFixture f;
    QString error;
    QVERIFY2(f.open(&error), qPrintable(error));
    QVERIFY(signInAndOpenShift(f));
    auto* places = f.window->findChild<QSpinBox*>(QStringLiteral("placesSpinBox"));
    auto* area = f.window->findChild<QComboBox*>(QStringLiteral("standingAreaComboBox"));
    QVERIFY(places != nullptr && area != nullptr);
    QVERIFY(places->isVisible());
    QCOMPARE(area->currentText(), QStringLiteral("Standing"));
    const EventSpec& spec = f.engine->event(kDemoNight)->spec();
    const VenueArea& standing = spec.venue->areas.front();
    const Amount price = spec.price(standing.category, 0);
    const auto soldInArea = [&f, &standing] {
        std::uint32_t sold = 0;
        f.engine->event(kDemoNight)->read([&](const Ledger& l) {
            for (const AreaPool& p : l.areaPools(l.venue().areaIndex(standing.id)))
                sold += p.sold;
        });
        return sold;
    };
    const std::uint32_t before = soldInArea();

    f.keys = 0;
    f.press(Qt::Key_G, Qt::ControlModifier);
    QVERIFY(places->hasFocus());
    f.press(Qt::Key_3);
    f.press(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(f.sale()->hasCart() && f.idle(), 10000);
    QCOMPARE(f.sale()->cartTable()->rowCount(), 3);
    const std::vector<CartLine> lines = f.sale()->sale()->lines();
    QCOMPARE(lines.size(), std::size_t(3));
    for (const CartLine& line : lines) {
        QCOMPARE(line.area, standing.id);
        QCOMPARE(line.price, price);
    }
    QCOMPARE(f.sale()->cartTable()->item(0, 0)->text(), QStringLiteral("Standing"));
    QVERIFY(f.sale()->amountEdit()->hasFocus());
    f.press(Qt::Key_Return); // cash, the amount due
    QTRY_VERIFY_WITH_TIMEOUT(!f.sale()->hasCart() && f.idle(), 10000);
    QCOMPARE(f.keys, 4);
    QVERIFY(f.sale()->lastSale().has_value());
    const IssuedSale& issued = *f.sale()->lastSale();
    QCOMPARE(issued.tickets.size(), std::size_t(3));
    for (const IssuedTicket& t : issued.tickets) {
        QCOMPARE(t.area, standing.id);
        QCOMPARE(t.seat, SeatId(0));
    }
    QCOMPARE(soldInArea(), before + 3);
    QCOMPARE(expectedCash(f), Amount(10000 + 3 * price));
}

void TestCounterSale::cardDeclineThenCash()
{
    CounterFixture f;
    QString error;
    QVERIFY2(f.open(&error), qPrintable(error));
    QVERIFY(signInAndOpenShift(f));
    f.type(QStringLiteral("2"));
    f.press(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(f.sale()->hasCart() && f.idle(), 10000);
    QVERIFY(f.simulateTerminal("answer", "decline"));
    f.press(Qt::Key_F9);
    QVERIFY(!f.idle()); // the terminal call runs off the GUI thread...
    f.press(Qt::Key_F9); // ...and a second press while it runs pays nothing twice
    QTRY_VERIFY_WITH_TIMEOUT(f.idle(), 10000);
    QVERIFY2(f.sale()->paymentMessage()->text().contains(QStringLiteral("DECLINED")),
             qPrintable(f.sale()->paymentMessage()->text()));
    QVERIFY(f.sale()->hasCart());
    QCOMPARE(f.sale()->sale()->paid(), Amount(0));
    QCOMPARE(f.sale()->sale()->tenders().size(), std::size_t(1));
    QCOMPARE(f.sale()->sale()->tenders()[0].state, TenderState::Declined);
    saveScreenshot(f.window.get(), QStringLiteral("counter-card-declined.png"));

    // Exact cash: the amount field holds what is due.
    QVERIFY(f.sale()->amountEdit()->hasFocus());
    f.press(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!f.sale()->hasCart() && f.idle(), 10000);
    QCOMPARE(f.sale()->lastSale()->tickets.size(), std::size_t(2));
    QCOMPARE(expectedCash(f), Amount(10000 + 2 * kAdultA));
    ShiftReport report;
    QCOMPARE(f.backend->drawer().xReport(f.window->services().shift, f.window->services().clerk.id, f.now.load(),
                                         &report),
             BoxOfficeStatus::Ok);
    QCOMPARE(report.methods[std::size_t(PaymentMethod::Card) - 1].sales, Amount(0));
    QCOMPARE(report.methods[std::size_t(PaymentMethod::Cash) - 1].sales, Amount(2 * kAdultA));

    // A split tender: 50.00 by card (approved), the rest in cash.
    f.type(QStringLiteral("1"));
    f.press(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(f.sale()->hasCart() && f.idle(), 10000);
    f.type(QStringLiteral("50"));
    f.press(Qt::Key_F9);
    QTRY_VERIFY_WITH_TIMEOUT(f.idle(), 10000);
    QVERIFY2(f.sale()->hasCart() && f.sale()->sale()->paid() == 5000, qPrintable(f.sale()->paymentMessage()->text()));
    QCOMPARE(f.sale()->amountEdit()->text(), QStringLiteral("39.00"));
    f.press(Qt::Key_F8);
    QTRY_VERIFY_WITH_TIMEOUT(!f.sale()->hasCart() && f.idle(), 10000);
    QCOMPARE(expectedCash(f), Amount(10000 + 3 * kAdultA - 5000));
}

// The customer is at the keypad (the simulated terminal waits a minute); Esc asks the terminal to
// cancel: nothing is charged, the cart and the hold stay, and the sale goes on in cash.
void TestCounterSale::escCancelsTheCardPaymentAtTheKeypad()
{
    CounterFixture f;
    QString error;
    QVERIFY2(f.open(&error), qPrintable(error));
    QVERIFY(signInAndOpenShift(f));
    f.type(QStringLiteral("2"));
    f.press(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(f.sale()->hasCart() && f.idle(), 10000);
    QVERIFY(f.simulateTerminal("answer", "approve", 60000));
    auto* cancel = f.sale()->findChild<QPushButton*>(QStringLiteral("cancelCardButton"));
    QVERIFY(cancel != nullptr && !cancel->isVisible());
    f.press(Qt::Key_F9);
    QVERIFY(!f.idle());
    QVERIFY(cancel->isVisible() && cancel->isEnabled());
    const std::string reference = f.sale()->sale()->reference() + "-C1";
    QTRY_COMPARE_WITH_TIMEOUT(f.terminalLine("QUERY " + reference), "PENDING " + reference, 5000);
    saveScreenshot(f.window.get(), QStringLiteral("counter-card-waiting.png"));
    f.press(Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(f.idle(), 10000);
    QVERIFY2(f.sale()->paymentMessage()->text().contains(QStringLiteral("Card payment cancelled")),
             qPrintable(f.sale()->paymentMessage()->text()));
    QVERIFY(!cancel->isVisible());
    QCOMPARE(f.terminalLine("QUERY " + reference), "CANCELLED " + reference);
    QVERIFY(f.sale()->hasCart());
    QCOMPARE(f.sale()->sale()->paid(), Amount(0));
    QCOMPARE(f.sale()->sale()->tenders().back().state, TenderState::Declined);
    for (const CartLine& line : f.sale()->sale()->lines())
        QCOMPARE(f.seatStatus(kDemoNight, line.seat), SeatStatus::Held);
    ShiftReport report;
    QCOMPARE(f.backend->drawer().xReport(f.window->services().shift, f.window->services().clerk.id, f.now.load(),
                                         &report),
             BoxOfficeStatus::Ok);
    QCOMPARE(report.methods[std::size_t(PaymentMethod::Card) - 1].sales, Amount(0));

    // Esc with no card payment waiting does nothing to the cart; the sale then goes on in cash.
    f.press(Qt::Key_Escape);
    QVERIFY(f.sale()->hasCart() && f.idle());
    QVERIFY(f.sale()->amountEdit()->hasFocus());
    f.press(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!f.sale()->hasCart() && f.idle(), 10000);
    QCOMPARE(expectedCash(f), Amount(10000 + 2 * kAdultA));
}

void TestCounterSale::holdExpiresInTheCart()
{
    CounterFixture f;
    QString error;
    QVERIFY2(f.open(&error), qPrintable(error));
    QVERIFY(signInAndOpenShift(f));
    f.type(QStringLiteral("2"));
    f.press(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(f.sale()->hasCart() && f.idle(), 10000);
    const SeatId seat = f.sale()->sale()->lines()[0].seat;
    const Timestamp expiresAt = f.sale()->sale()->expiresAt();
    f.sale()->refreshCountdown();
    QCOMPARE(f.sale()->countdownLabel()->text(), QStringLiteral("Hold: 10:00"));
    QVERIFY(f.sale()->cartMessage()->text().isEmpty());

    f.now = expiresAt - 45'000; // 45 s left: the clerk is warned
    f.sale()->refreshCountdown();
    QCOMPARE(f.sale()->countdownLabel()->text(), QStringLiteral("Hold: 0:45"));
    QVERIFY2(f.sale()->cartMessage()->text().contains(QStringLiteral("runs out")),
             qPrintable(f.sale()->cartMessage()->text()));
    saveScreenshot(f.window.get(), QStringLiteral("counter-hold-warning.png"));

    f.now = expiresAt + 1000;
    QTRY_VERIFY_WITH_TIMEOUT(!f.sale()->hasCart(), 5000); // the cart's own timer notices
    QVERIFY(f.sale()->cartMessage()->text().contains(QStringLiteral("expired")));
    QCOMPARE(f.sale()->cartTable()->rowCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(f.seatStatus(kDemoNight, seat), SeatStatus::Available, 5000); // the engine's expiry
    QTRY_VERIFY_WITH_TIMEOUT(f.idle(), 5000);
    std::vector<OpenSale> open;
    QCOMPARE(listOpenSales(f.backend->db(), &open), BoxOfficeStatus::Ok);
    QVERIFY(open.empty());
    // Paying for it now is refused with a clear message, not a crash.
    f.press(Qt::Key_F8);
    QVERIFY(f.sale()->paymentMessage()->text().contains(QStringLiteral("empty")));
}

void TestCounterSale::signInLockout()
{
    CounterFixture f;
    QString error;
    QVERIFY2(f.open(&error), qPrintable(error));
    saveScreenshot(f.window.get(), QStringLiteral("counter-sign-in.png"));
    QLabel* errorLabel = f.window->signInPage()->errorLabel();
    for (int attempt = 1; attempt <= 5; ++attempt) {
        f.window->signInPage()->loginEdit()->setFocus();
        f.window->signInPage()->loginEdit()->clear();
        f.typeSignIn(QStringLiteral("clerk"), QStringLiteral("wrong-password"));
        QTRY_VERIFY_WITH_TIMEOUT(f.idle() && !errorLabel->isHidden(), 10000);
        // The fifth failure in a row locks the account, and the answer to it says so.
        const QString expected = attempt < 5 ? QStringLiteral("wrong") : QStringLiteral("locked");
        QVERIFY2(errorLabel->text().contains(expected), qPrintable(errorLabel->text()));
        errorLabel->clear();
        errorLabel->hide();
    }
    // The sixth try, with the right password: still locked, and it says so.
    f.window->signInPage()->loginEdit()->setFocus();
    f.window->signInPage()->loginEdit()->clear();
    f.typeSignIn(QStringLiteral("clerk"), QStringLiteral("clerk-demo"));
    QTRY_VERIFY_WITH_TIMEOUT(f.idle() && !errorLabel->isHidden(), 10000);
    QVERIFY2(errorLabel->text().contains(QStringLiteral("locked")), qPrintable(errorLabel->text()));
    QCOMPARE(f.window->stack()->currentWidget(), f.window->signInPage());
    QVERIFY(f.window->signInPage()->passwordEdit()->text().isEmpty());
    saveScreenshot(f.window.get(), QStringLiteral("counter-sign-in-locked.png"));
    // Another account is not affected; after the lockout time the clerk gets in again.
    f.now = f.now.load() + 16 * 60 * 1000;
    f.window->signInPage()->loginEdit()->setFocus();
    f.window->signInPage()->loginEdit()->clear();
    QVERIFY(signInAndOpenShift(f));
}

// A fresh install has no account: the first screen creates the administrator (login, name, the
// password twice) and signs in with it; after a restart it is an ordinary sign-in.
void TestCounterSale::firstRunCreatesTheAdministrator()
{
    CounterFixture f;
    f.demoStaff = false;
    QString error;
    QVERIFY2(f.open(&error), qPrintable(error));
    SignInPage* page = f.window->signInPage();
    QVERIFY(page->firstRun());
    QVERIFY(page->nameEdit()->isVisible() && page->confirmEdit()->isVisible());
    QCOMPARE(QApplication::focusWidget(), page->loginEdit());
    saveScreenshot(f.window.get(), QStringLiteral("counter-first-run.png"));

    f.type(QStringLiteral("boss"));
    f.press(Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget(), page->nameEdit());
    f.type(QStringLiteral("Ada Admin"));
    f.press(Qt::Key_Return);
    f.type(QStringLiteral("short"));
    f.press(Qt::Key_Return);
    f.type(QStringLiteral("short"));
    f.press(Qt::Key_Return);
    QVERIFY2(page->errorLabel()->text().contains(QStringLiteral("8 characters")), qPrintable(page->errorLabel()->text()));
    page->passwordEdit()->clear();
    page->confirmEdit()->clear();
    page->passwordEdit()->setFocus();
    f.type(QStringLiteral("admin-pass-1"));
    f.press(Qt::Key_Return);
    f.type(QStringLiteral("admin-pass-2"));
    f.press(Qt::Key_Return);
    QVERIFY2(page->errorLabel()->text().contains(QStringLiteral("differ")), qPrintable(page->errorLabel()->text()));
    QCOMPARE(QApplication::focusWidget(), page->confirmEdit());
    f.type(QStringLiteral("admin-pass-1"));
    f.press(Qt::Key_Return);
    // Created and signed in: an admin without a shift is asked for the float.
    QTRY_COMPARE_WITH_TIMEOUT(f.window->stack()->currentWidget(), static_cast<QWidget*>(f.window->openShiftPage()),
                              10000);
    StaffAccount admin;
    QCOMPARE(f.backend->accounts().findByLogin("boss", &admin), BoxOfficeStatus::Ok);
    QCOMPARE(admin.role, StaffRole::Admin);
    QCOMPARE(admin.displayName, std::string("Ada Admin"));

    f.close();
    QVERIFY2(f.open(&error), qPrintable(error));
    QVERIFY(!f.window->signInPage()->firstRun());
    QVERIFY(!f.window->signInPage()->nameEdit()->isVisible());
    f.typeSignIn(QStringLiteral("boss"), QStringLiteral("admin-pass-1"));
    QTRY_COMPARE_WITH_TIMEOUT(f.window->stack()->currentWidget(), static_cast<QWidget*>(f.window->openShiftPage()),
                              10000);
}

// The administrator creates a clerk, who signs in; disabled, the clerk no longer can; a new password
// lifts a lockout. Only an administrator has the menu entry.
void TestCounterSale::adminManagesStaffAccounts()
{
    CounterFixture f;
    QString error;
    QVERIFY2(f.open(&error), qPrintable(error));
    QVERIFY(signInAndOpenShift(f, "clerk", "clerk-demo"));
    QVERIFY(!f.window->action(QStringLiteral("staffAction"))->isEnabled());
    f.press(Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier); // sign out
    QTRY_COMPARE_WITH_TIMEOUT(f.window->stack()->currentWidget(), static_cast<QWidget*>(f.window->signInPage()), 5000);
    QVERIFY(signInAndOpenShift(f, "admin", "admin-demo"));
    QVERIFY(f.window->action(QStringLiteral("staffAction"))->isEnabled());

    StaffDialog dialog(f.window->services(), f.window.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const int before = dialog.table()->rowCount();
    QVERIFY(before >= 4);
    dialog.loginEdit()->setFocus();
    QTest::keyClicks(dialog.loginEdit(), QStringLiteral("anna"));
    QTest::keyClicks(dialog.nameEdit(), QStringLiteral("Anna Clerk"));
    QTest::keyClicks(dialog.passwordEdit(), QStringLiteral("anna-pass-1"));
    QTest::keyClicks(dialog.repeatEdit(), QStringLiteral("anna-pass-1"));
    QTest::keyClick(dialog.repeatEdit(), Qt::Key_Return);
    QCOMPARE(dialog.table()->rowCount(), before + 1);
    QVERIFY2(dialog.outcomeLabel()->text().contains(QStringLiteral("anna")), qPrintable(dialog.outcomeLabel()->text()));
    StaffAccount anna;
    QCOMPARE(f.backend->accounts().signIn("anna", "anna-pass-1", f.now.load(), &anna), BoxOfficeStatus::Ok);
    QCOMPARE(anna.role, StaffRole::Clerk);
    saveScreenshot(&dialog, QStringLiteral("counter-staff.png"));

    int row = -1;
    for (int r = 0; r < dialog.table()->rowCount(); ++r)
        if (dialog.table()->item(r, 0)->text() == QStringLiteral("anna"))
            row = r;
    QVERIFY(row >= 0);
    dialog.table()->selectRow(row);
    QVERIFY(dialog.disableButton()->isEnabled());
    QTest::mouseClick(dialog.disableButton(), Qt::LeftButton);
    StaffAccount refused;
    QCOMPARE(f.backend->accounts().signIn("anna", "anna-pass-1", f.now.load(), &refused),
             BoxOfficeStatus::AccountDisabled);
    QCOMPARE(dialog.table()->item(row, 3)->text(), QStringLiteral("disabled"));
    QTest::mouseClick(dialog.disableButton(), Qt::LeftButton); // enable again
    QCOMPARE(dialog.table()->item(row, 3)->text(), QStringLiteral("active"));
    // Locked by five wrong passwords; a new password unlocks.
    for (int i = 0; i < 5; ++i)
        f.backend->accounts().signIn("anna", "wrong-password", f.now.load(), &refused);
    QCOMPARE(f.backend->accounts().signIn("anna", "anna-pass-1", f.now.load(), &refused), BoxOfficeStatus::AccountLocked);
    dialog.table()->selectRow(row);
    QTest::keyClicks(dialog.newPasswordEdit(), QStringLiteral("anna-pass-2"));
    QTest::mouseClick(dialog.setPasswordButton(), Qt::LeftButton);
    QCOMPARE(f.backend->accounts().signIn("anna", "anna-pass-2", f.now.load(), &anna), BoxOfficeStatus::Ok);
    // The administrator cannot disable themselves.
    for (int r = 0; r < dialog.table()->rowCount(); ++r)
        if (dialog.table()->item(r, 0)->text() == QStringLiteral("admin"))
            dialog.table()->selectRow(r);
    QVERIFY(!dialog.disableButton()->isEnabled());
}

void TestCounterSale::openCartAfterRestartIsResumedOrReleased()
{
    CounterFixture f;
    QString error;
    QVERIFY2(f.open(&error), qPrintable(error));
    QVERIFY(f.window->stack()->currentWidget() == f.window->signInPage());
    saveScreenshot(f.window.get(), QStringLiteral("counter-sign-in.png"));
    f.typeSignIn(QStringLiteral("clerk"), QStringLiteral("clerk-demo"));
    QTRY_VERIFY_WITH_TIMEOUT(f.window->stack()->currentWidget() == f.window->openShiftPage(), 10000);
    saveScreenshot(f.window.get(), QStringLiteral("counter-open-shift.png"));
    f.type(QStringLiteral("100"));
    f.press(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(f.sale() != nullptr && f.window->stack()->currentWidget() == f.sale() && f.idle(), 10000);
    // Two carts left open: one sale holding 2 seats, then (after that one is paid for in part)...
    f.type(QStringLiteral("2"));
    f.press(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(f.sale()->hasCart() && f.idle(), 10000);
    const std::vector<CartLine> first = f.sale()->sale()->lines();
    f.type(QStringLiteral("20"));
    f.press(Qt::Key_Return); // 20.00 cash of 178.00: the payment has started
    QTRY_VERIFY_WITH_TIMEOUT(f.idle() && f.sale()->sale()->paid() == 2000, 10000);
    f.close(); // the app goes away mid-sale

    QVERIFY2(f.open(&error), qPrintable(error));
    f.typeSignIn(QStringLiteral("clerk"), QStringLiteral("clerk-demo"));
    QTRY_VERIFY_WITH_TIMEOUT(f.window->stack()->currentWidget() == f.window->openCartsPage(), 10000);
    QCOMPARE(f.window->openCartsPage()->table()->rowCount(), 1);
    QCOMPARE(f.seatStatus(kDemoNight, first[0].seat), SeatStatus::Held);
    QTRY_VERIFY_WITH_TIMEOUT(f.idle(), 10000);
    saveScreenshot(f.window.get(), QStringLiteral("counter-open-carts.png"));
    f.press(Qt::Key_Return); // resume
    QTRY_VERIFY_WITH_TIMEOUT(f.window->stack()->currentWidget() == f.sale() && f.sale()->hasCart(), 10000);
    QCOMPARE(f.sale()->cartTable()->rowCount(), 2);
    QCOMPARE(f.sale()->sale()->paid(), Amount(2000));
    QCOMPARE(f.sale()->amountEdit()->text(), QStringLiteral("158.00"));
    f.press(Qt::Key_Return); // the rest in cash
    QTRY_VERIFY_WITH_TIMEOUT(!f.sale()->hasCart() && f.idle(), 10000);
    QCOMPARE(f.seatStatus(kDemoNight, first[0].seat), SeatStatus::Sold);
    QCOMPARE(expectedCash(f), Amount(10000 + 2 * kAdultA));

    // A second open cart, released after the next restart: the seats go back, the cash is handed back.
    f.type(QStringLiteral("3"));
    f.press(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(f.sale()->hasCart() && f.idle(), 10000);
    const SeatId held = f.sale()->sale()->lines()[0].seat;
    f.type(QStringLiteral("10"));
    f.press(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(f.idle() && f.sale()->sale()->paid() == 1000, 10000);
    f.close();
    QVERIFY2(f.open(&error), qPrintable(error));
    f.typeSignIn(QStringLiteral("clerk"), QStringLiteral("clerk-demo"));
    QTRY_VERIFY_WITH_TIMEOUT(f.window->stack()->currentWidget() == f.window->openCartsPage(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(f.idle(), 10000); // the drawer total is read first
    f.press(Qt::Key_Delete); // release
    QTRY_VERIFY2_WITH_TIMEOUT(f.idle() && f.window->openCartsPage()->table()->rowCount() == 0,
                              qPrintable(f.window->openCartsPage()->findChild<QLabel*>(
                                  QStringLiteral("openCartsMessageLabel"))->text()),
                              10000);
    QCOMPARE(f.seatStatus(kDemoNight, held), SeatStatus::Available);
    std::vector<OpenSale> open;
    QCOMPARE(listOpenSales(f.backend->db(), &open), BoxOfficeStatus::Ok);
    QVERIFY(open.empty());
    QCOMPARE(expectedCash(f), Amount(10000 + 2 * kAdultA));
    f.press(Qt::Key_Escape);
    QTRY_VERIFY(f.window->stack()->currentWidget() == f.sale());
    QVERIFY(f.sale()->quickEntry()->hasFocus());
}

void TestCounterSale::soldSeatClickAsksForItsOrder()
{
    CounterFixture f;
    QString error;
    QVERIFY2(f.open(&error), qPrintable(error));
    QVERIFY(signInAndOpenShift(f));
    QSignalSpy spy(f.sale(), &SalePage::orderOfSeatRequested);
    SeatMapWidget* map = f.sale()->seatMap();
    QVERIFY(map != nullptr);
    QTRY_VERIFY(map->isVisible() && map->viewport()->width() > 100);
    SeatIndex sold = kNoSeat;
    for (SeatIndex s = 0; s < map->model().seatCount() && sold == kNoSeat; ++s)
        if (map->model().state(s) == SeatMapState::Sold)
            sold = s;
    QVERIFY(sold != kNoSeat);
    map->ensureSeatVisible(sold);
    const QPoint at = map->seatRectInView(sold).center().toPoint();
    QCOMPARE(map->seatAt(at), sold);
    // The after-sale dialog for the seat's order opens modally: note it and close it.
    QString shown;
    QTimer closer;
    closer.setInterval(50);
    connect(&closer, &QTimer::timeout, &closer, [&shown] {
        if (QWidget* modal = QApplication::activeModalWidget()) {
            shown = QString::fromLatin1(modal->metaObject()->className());
            modal->close();
        }
    });
    closer.start();
    QTest::mouseClick(map->viewport(), Qt::LeftButton, Qt::NoModifier, at);
    closer.stop();
    QVERIFY(!shown.isEmpty());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(EventId(spy.at(0).at(0).toULongLong()), kDemoNight);
    QCOMPARE(SeatId(spy.at(0).at(1).toULongLong()), map->model().venue().seats[sold].id);
}

// The picker on its own engine with catalog fields: words with accents ignored, today's events
// first, facet chips with counts toggled from the keyboard.
void TestCounterSale::eventPickerSearchesAsYouTypeWithChips()
{
    usher::test::TempDir dir;
    EngineOptions options;
    options.dataDirectory = dir.path();
    options.synchronousFull = false;
    std::string error;
    auto engine = Engine::open(options, &error);
    QVERIFY2(engine, error.c_str());
    const QDate today = QDate::currentDate();
    const Timestamp noon = today.startOfDay().toMSecsSinceEpoch() + 12 * 3600 * 1000;
    struct Show {
        const char* name;
        const char* performer;
        const char* genre;
        const char* city;
        int day;
    };
    const Show shows[] = {
        { "Tosca", "Opernhaus Ensemble", "Opera", "Zürich", 3 },
        { "Wilhelm Tell", "Schauspielhaus", "Theatre", "Zürich", 0 },
        { "Björk live", "Björk", "Pop", "Zürich", 12 },
        { "Jazz brunch", "Trio Grande", "Jazz", "Zürich", 1 },
        { "Carmen", "Staatsoper Ensemble", "Opera", "Berlin", 0 },
        { "Rock night", "Die Ärzte", "Rock", "Berlin", 5 },
        { "Matinée", "Kammerorchester", "Classical", "Leipzig", 2 },
        { "Köln calling", "Brings", "Pop", "Köln", 9 },
    };
    EventId id = 1;
    for (const Show& show : shows) {
        auto venue = generateVenueWithSeats(120);
        QVERIFY(venue);
        venue->name = std::string(show.city) + " Halle";
        venue->city = show.city;
        EventSpec spec = makeDemoEvent(id++, show.name, std::move(venue), noon - 3600 * 1000);
        spec.startsAt = noon + show.day * 24ll * 3600 * 1000 + 7 * 3600 * 1000;
        spec.performer = show.performer;
        spec.genre = show.genre;
        QCOMPARE(engine->createEvent(std::move(spec), &error), Status::Ok);
    }

    EventPicker picker(*engine, today);
    picker.resize(440, 620);
    picker.show();
    QVERIFY(QTest::qWaitForWindowExposed(&picker));
    picker.selectFirst();
    QCOMPARE(picker.visibleCount(), 8);
    const auto todayFirst = picker.listView()->model()->index(0, 0).data(EventListModel::NameRole).toString();
    QVERIFY2(todayFirst == QStringLiteral("Wilhelm Tell") || todayFirst == QStringLiteral("Carmen"),
             qPrintable(todayFirst));

    picker.searchEdit()->setFocus();
    QTest::keyClicks(picker.searchEdit(), QStringLiteral("zur"));
    QCOMPARE(picker.visibleCount(), 4); // "Zürich" typed without the umlaut, as a prefix
    QCOMPARE(picker.listView()->model()->index(0, 0).data(EventListModel::NameRole).toString(),
             QStringLiteral("Wilhelm Tell")); // today's first
    QCOMPARE(picker.currentEvent(), EventId(2));
    saveScreenshot(&picker, QStringLiteral("counter-event-search.png"));
    // Chips: the facets of "zur" with counts; the Opera chip from the keyboard (Tab, Space).
    QToolButton* opera = nullptr;
    for (QToolButton* chip : picker.chips())
        if (chip->property("value").toString() == QStringLiteral("Opera"))
            opera = chip;
    QVERIFY(opera);
    QCOMPARE(opera->text(), QStringLiteral("Opera (1)"));
    opera->setFocus(Qt::TabFocusReason);
    QTest::keyClick(opera, Qt::Key_Space);
    QTRY_COMPARE(picker.visibleCount(), 1);
    QTRY_VERIFY(QApplication::focusWidget()
                && QApplication::focusWidget()->objectName() == QStringLiteral("filterChip"));
    QCOMPARE(picker.currentEvent(), EventId(1));
    // Space again takes the chip off; words that match nothing leave the list empty.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QTRY_COMPARE(picker.visibleCount(), 4);
    picker.searchEdit()->setText(QStringLiteral("nothing like this"));
    QCOMPARE(picker.visibleCount(), 0);
    picker.searchEdit()->setText(QStringLiteral("bjork"));
    QCOMPARE(picker.visibleCount(), 1);
}

QTEST_MAIN(TestCounterSale)
#include "TestCounterSale.moc"
