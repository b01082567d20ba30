// The after-sale screens driven with QTest keys against a real engine, a real boxoffice.db and the
// in-process fake card terminal: finding an order (number, name, seat, ticket code), a refund in
// cash with a supervisor above the limit, a card refund the terminal declines then paid in cash, a
// reprint that voids the old code, exchanges at the same price and at another price (an upgrade
// paid in cash with change, a downgrade paid back from the drawer, a downgrade above the refund
// limit that needs a supervisor, an upgrade by card cancelled with Esc at the keypad or paid before
// the cancel), and voids paid in cash and by card.

#include "TestCounterAfterSaleFixture.h"
#include "counter/AfterSaleText.h"
#include "counter/ExchangeDialog.h"
#include "counter/OrderDialog.h"
#include "counter/RefundDialog.h"
#include "counter/ReprintDialog.h"
#include "counter/VoidDialog.h"
#include "storage/Storage.h"

#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTreeWidget>

#include <algorithm>
#include <memory>

using namespace aftersale_test;
using namespace usher;

namespace {

void activate(QWidget* widget)
{
    widget->show();
    QApplication::setActiveWindow(widget);
    QVERIFY(QTest::qWaitForWindowActive(widget));
}

// In an exchange dialog: Alt+S, the seat's label in the filter, Enter chooses it.
void chooseSeatByKeys(ui::ExchangeDialog* dialog, const Counter& counter, SeatId seat)
{
    QTest::keyClick(dialog, Qt::Key_S, Qt::AltModifier);
    QTest::keyClicks(QApplication::focusWidget(), QString::fromStdString(counter.seatLabel(seat)));
    QCOMPARE(dialog->findChild<QListWidget*>(QStringLiteral("seatsListWidget"))->count(), 1);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
}

bool anyContains(const std::vector<std::string>& texts, const std::string& part)
{
    return std::any_of(texts.begin(), texts.end(),
                       [&part](const std::string& t) { return t.find(part) != std::string::npos; });
}

// Sells seat 60 (B, 30.00) in cash and opens the exchange dialog on it with the move to seat 5 (A,
// 50.00: +20.00) chosen, a reason typed and Card picked under Payment, all with keys.
std::unique_ptr<ui::ExchangeDialog> cardUpgradeDialog(Counter& counter)
{
    const SoldOrder sold = counter.sell({ 60 }, PaymentMethod::Cash, "Jo");
    if (sold.order == 0)
        return nullptr;
    auto dialog = std::make_unique<ui::ExchangeDialog>(counter.services,
                                                       ui::OrderSearch::details(counter.services, kEvent, sold.order));
    activate(dialog.get());
    chooseSeatByKeys(dialog.get(), counter, 5);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("better view")); // the reason
    QTest::keyClick(dialog.get(), Qt::Key_Y, Qt::AltModifier);                    // Payment
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);                   // Card
    auto* method = dialog->findChild<QComboBox*>(QStringLiteral("paymentMethodComboBox"));
    return method->currentData().toInt() == static_cast<int>(PaymentMethod::Card) ? std::move(dialog) : nullptr;
}

Status codeStatus(Counter& counter, const TicketCode& code, StoredTicket* ticket)
{
    Status status = Status::Ok;
    std::string error;
    counter.engine->withStorage(
        [&](Storage& storage) { status = storage.findTicketByCode(ticketCodeText(code), ticket, &error); });
    return status;
}

} // namespace

class TestCounterAfterSale : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qt_set_sequence_auto_mnemonic(true); }

    void findsOrdersByNumberNameSeatAndCode()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(&error), error.c_str());
        const SoldOrder ada = counter.sell({ 3, 4 }, PaymentMethod::Cash, "Ada Lovelace");
        const SoldOrder bob = counter.sell({ 60 }, PaymentMethod::Card, "Bob Byron");
        QVERIFY(ada.order != 0 && bob.order != 0);
        ui::OrderDialog dialog(counter.services);
        activate(&dialog);
        auto* query = dialog.findChild<QLineEdit*>(QStringLiteral("queryEdit"));
        QCOMPARE(QApplication::focusWidget(), query);
        QTest::keyClicks(query, QStringLiteral("lovelace"));
        QTest::keyClick(query, Qt::Key_Return);
        QCOMPARE(dialog.hits().size(), std::size_t(1));
        QCOMPARE(dialog.hits()[0].order, ada.order);
        QCOMPARE(dialog.details().order, ada.order);
        QCOMPARE(dialog.details().tickets.size(), 2);
        QCOMPARE(dialog.details().tickets[0].code, QString::fromStdString(ticketCodeText(ada.tickets[0].code)));
        QCOMPARE(dialog.details().payments.size(), 1);
        QCOMPARE(dialog.details().payments[0].amount, QStringLiteral("100.00 EUR"));
        QCOMPARE(dialog.findChild<QTreeWidget*>(QStringLiteral("ticketsTreeWidget"))->topLevelItemCount(), 2);
        QVERIFY(saveScreenshot(&dialog, QStringLiteral("aftersale-find-order.png")));

        query->setFocus();
        query->clear();
        QTest::keyClicks(query, QStringLiteral("1-%1").arg(bob.order));
        QTest::keyClick(query, Qt::Key_Return);
        QCOMPARE(dialog.hits().size(), std::size_t(1));
        QCOMPARE(dialog.details().buyerName, QStringLiteral("Bob Byron"));
        QVERIFY(dialog.details().hasCardPayment);

        dialog.search(QString::fromStdString(counter.seatLabel(4)));
        QCOMPARE(dialog.hits().size(), std::size_t(1));
        QCOMPARE(dialog.hits()[0].order, ada.order);
        dialog.search(QString::fromStdString(ticketCodeText(bob.tickets[0].code)).toLower());
        QCOMPARE(dialog.hits().size(), std::size_t(1));
        QCOMPARE(dialog.hits()[0].order, bob.order);
        dialog.search(QString::fromStdString(bob.reference));
        QCOMPARE(dialog.hits().size(), std::size_t(1));
        QCOMPARE(dialog.hits()[0].order, bob.order);
        dialog.search(QStringLiteral("nobody at all"));
        QVERIFY(dialog.hits().empty());
        QVERIFY(dialog.messageText().contains(QStringLiteral("No order found")));
        QCOMPARE(ui::OrderSearch::orderOfSeat(counter.services, kEvent, 60), bob.order);
        QCOMPARE(ui::OrderSearch::orderOfSeat(counter.services, kEvent, 61), OrderId(0));
    }

    void refundsPartOfAnOrderWithASupervisor()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(&error), error.c_str());
        const SoldOrder sold = counter.sell({ 81, 82, 83 }, PaymentMethod::Cash, "Carla"); // B: 30.00 each
        QVERIFY(sold.order != 0);
        ui::RefundDialog dialog(counter.services, ui::OrderSearch::details(counter.services, kEvent, sold.order));
        RefundOptions options;
        options.supervisorAboveAmount = 5000; // 50.00
        dialog.setRefundOptions(options);
        activate(&dialog);
        auto* tickets = dialog.findChild<QListWidget*>(QStringLiteral("ticketsListWidget"));
        QCOMPARE(QApplication::focusWidget(), tickets);
        // Keep the first ticket: Space unticks it; two (60.00) remain, above the 50.00 limit.
        QTest::keyClick(tickets, Qt::Key_Space);
        QCOMPARE(tickets->item(0)->checkState(), Qt::Unchecked);
        auto* login = dialog.findChild<QLineEdit*>(QStringLiteral("supervisorLoginEdit"));
        QVERIFY(login->isEnabled());
        QTest::keyClick(tickets, Qt::Key_Tab);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("customer is ill"));
        // A mnemonic "clicks" its button through animateClick(): the click lands a moment later.
        QTest::keyClick(&dialog, Qt::Key_R, Qt::AltModifier);
        QTRY_COMPARE(dialog.outcomeText(), ui::AfterSaleText::status(BoxOfficeStatus::SupervisorRequired));
        QCOMPARE(counter.seatStatus(82), SeatStatus::Sold);
        login->setFocus();
        QTest::keyClicks(login, QStringLiteral("sam"));
        QTest::keyClick(login, Qt::Key_Tab);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("sam-pass-1"));
        QVERIFY(saveScreenshot(&dialog, QStringLiteral("aftersale-refund.png")));
        QTest::keyClick(&dialog, Qt::Key_R, Qt::AltModifier);
        QTRY_VERIFY2(dialog.refunded(), qPrintable(dialog.outcomeText()));
        QVERIFY(dialog.outcomeText().contains(QStringLiteral("60.00 EUR")));
        QCOMPARE(counter.seatStatus(81), SeatStatus::Sold);
        QCOMPARE(counter.seatStatus(82), SeatStatus::Available);
        QCOMPARE(counter.seatStatus(83), SeatStatus::Available);
        const ShiftReport x = counter.xReport();
        QCOMPARE(x.methods[0].refunds, Amount(6000));
        QCOMPARE(x.expectedCash, Amount(10000 + 9000 - 6000));
        QCOMPARE(counter.auditRows("refund"), 1);
        const ui::OrderDetails after = ui::OrderSearch::details(counter.services, kEvent, sold.order);
        QCOMPARE(after.validTickets(), 1);
        QCOMPARE(after.refunded, Amount(6000));
    }

    void cardRefundDeclinedThenPaidInCash()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(&error), error.c_str());
        const SoldOrder sold = counter.sell({ 71 }, PaymentMethod::Card, "Dora");
        QVERIFY(sold.order != 0);
        const ui::OrderDetails details = ui::OrderSearch::details(counter.services, kEvent, sold.order);
        QVERIFY(details.hasCardPayment);
        // The payment was reversed on the terminal behind our back: the terminal declines a refund.
        std::string cardReference;
        {
            SqlStatement select(*counter.db, "SELECT terminal_ref FROM tenders WHERE method = 2");
            QVERIFY(select.next());
            cardReference = select.text(0);
        }
        QCOMPARE(counter.terminal->reverse(cardReference).outcome, TerminalOutcome::Reversed);
        ui::RefundDialog dialog(counter.services, details);
        activate(&dialog);
        auto* method = dialog.findChild<QComboBox*>(QStringLiteral("methodComboBox"));
        QCOMPARE(method->count(), 2);
        method->setCurrentIndex(1);
        dialog.findChild<QLineEdit*>(QStringLiteral("reasonEdit"))->setText(QStringLiteral("show cancelled"));
        QTest::keyClick(&dialog, Qt::Key_R, Qt::AltModifier);
        QTRY_COMPARE(dialog.result().status, BoxOfficeStatus::PaymentDeclined);
        QVERIFY2(dialog.outcomeText().contains(QStringLiteral("declined")), qPrintable(dialog.outcomeText()));
        QCOMPARE(counter.seatStatus(71), SeatStatus::Available); // the ticket is void already
        auto* payCash = dialog.findChild<QPushButton*>(QStringLiteral("payCashButton"));
        QVERIFY(payCash->isVisible());
        QVERIFY(saveScreenshot(&dialog, QStringLiteral("aftersale-refund-card-declined.png")));
        QCOMPARE(counter.xReport().methods[0].refunds, Amount(0));
        QTest::keyClick(&dialog, Qt::Key_C, Qt::AltModifier);
        QTRY_VERIFY(!payCash->isVisible());
        QCOMPARE(counter.xReport().methods[0].refunds, Amount(3000));
        // The cash paid instead is in the report's categories too, as a refund of the seat's category.
        Amount byCategory = 0;
        for (const CategoryTotal& category : counter.xReport().categories)
            byCategory += category.refunds;
        QCOMPARE(byCategory, Amount(3000));
        QCOMPARE(counter.auditRows("refund.card.failed"), 1);
        QCOMPARE(counter.auditRows("refund.card_paid_in_cash"), 1);
    }

    void reprintVoidsTheOldCode()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(&error), error.c_str());
        const SoldOrder sold = counter.sell({ 10, 11 }, PaymentMethod::Cash, "Eve");
        QVERIFY(sold.order != 0);
        const QString pdf = QString::fromStdString(counter.dir.filePath("reprint.pdf"));
        ui::AfterSaleHooks::savePath = [&pdf](QWidget*, const QString&, const QString&, const QString&) { return pdf; };
        ui::ReprintDialog dialog(counter.services, ui::OrderSearch::details(counter.services, kEvent, sold.order));
        activate(&dialog);
        auto* tickets = dialog.findChild<QListWidget*>(QStringLiteral("ticketsListWidget"));
        QTest::keyClick(tickets, Qt::Key_Down);
        QTest::keyClick(tickets, Qt::Key_Space); // only the first ticket
        QTest::keyClick(tickets, Qt::Key_Tab);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("ticket lost"));
        dialog.findChild<QComboBox*>(QStringLiteral("layoutComboBox"))->setCurrentIndex(1); // A4
        dialog.findChild<QComboBox*>(QStringLiteral("outputComboBox"))->setCurrentIndex(1); // PDF
        QTest::keyClick(&dialog, Qt::Key_R, Qt::AltModifier);
        QTRY_COMPARE(dialog.reissued().size(), std::size_t(1));
        QVERIFY2(dialog.outcomeText().contains(QStringLiteral("saved to")), qPrintable(dialog.outcomeText()));
        QVERIFY(saveScreenshot(&dialog, QStringLiteral("aftersale-reprint.png")));
        const IssuedTicket& reissued = dialog.reissued()[0];
        QCOMPARE(reissued.id, sold.tickets[0].id);
        QVERIFY(reissued.code != sold.tickets[0].code);
        StoredTicket old;
        QCOMPARE(codeStatus(counter, sold.tickets[0].code, &old), Status::TicketNotValid);
        QCOMPARE(old.codeState, TicketCodeState::Reissued);
        StoredTicket current;
        QCOMPARE(codeStatus(counter, reissued.code, &current), Status::Ok);
        QCOMPARE(current.ticket, sold.tickets[0].id);
        StoredTicket untouched;
        QCOMPARE(codeStatus(counter, sold.tickets[1].code, &untouched), Status::Ok);
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().startsWith("%PDF-"));
        QCOMPARE(counter.auditRows("reprint"), 1);
        // The order screen shows the new code; the old one still finds the order and says why.
        const ui::OrderDetails after = ui::OrderSearch::details(counter.services, kEvent, sold.order);
        QCOMPARE(after.tickets[0].code, QString::fromStdString(ticketCodeText(reissued.code)));
        const auto hits
            = ui::OrderSearch::find(counter.services, QString::fromStdString(ticketCodeText(sold.tickets[0].code)));
        QCOMPARE(hits.size(), std::size_t(1));
        QVERIFY(hits[0].matchedBy.contains(QStringLiteral("reissued")));
    }

    void exchangesToASeatAtTheSamePrice()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(&error), error.c_str());
        const SoldOrder sold = counter.sell({ 20 }, PaymentMethod::Cash, "Finn"); // category A
        QVERIFY(sold.order != 0);
        const QString pdf = QString::fromStdString(counter.dir.filePath("exchange.pdf"));
        ui::AfterSaleHooks::savePath = [&pdf](QWidget*, const QString&, const QString&, const QString&) { return pdf; };
        ui::ExchangeDialog dialog(counter.services, ui::OrderSearch::details(counter.services, kEvent, sold.order));
        activate(&dialog);
        auto* seats = dialog.findChild<QListWidget*>(QStringLiteral("seatsListWidget"));
        QCOMPARE(seats->count(), 99); // every other seat, at any price, each with its difference
        int samePrice = 0;
        for (int i = 0; i < seats->count(); ++i)
            samePrice += seats->item(i)->text().endsWith(QStringLiteral("same price")) ? 1 : 0;
        QCOMPARE(samePrice, 49); // the rest of category A
        const QString target = QString::fromStdString(counter.seatLabel(25));
        QTest::keyClick(&dialog, Qt::Key_S, Qt::AltModifier); // a label's buddy: focus moves at once
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("seatFilterEdit"));
        QTest::keyClicks(QApplication::focusWidget(), target);
        QCOMPARE(seats->count(), 1);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); // choose it (and nothing else)
        QVERIFY(dialog.outcomeText().contains(QStringLiteral("1 ticket(s) to move")));
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("differenceLabel"))->text().contains(QStringLiteral("same")));
        QVERIFY(!dialog.findChild<QComboBox*>(QStringLiteral("paymentMethodComboBox"))->isEnabled());
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("reasonEdit"));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("wants an aisle seat"));
        dialog.findChild<QComboBox*>(QStringLiteral("outputComboBox"))->setCurrentIndex(1);
        QVERIFY(saveScreenshot(&dialog, QStringLiteral("aftersale-exchange.png")));
        QTest::keyClick(&dialog, Qt::Key_X, Qt::AltModifier);
        QTRY_VERIFY2(dialog.exchanged(), qPrintable(dialog.outcomeText()));
        QCOMPARE(counter.seatStatus(20), SeatStatus::Available);
        QCOMPARE(counter.seatStatus(25), SeatStatus::Sold);
        const IssuedTicket moved = dialog.result().outcomes[0].ticket;
        QCOMPARE(moved.seat, SeatId(25));
        QVERIFY(moved.code != sold.tickets[0].code);
        StoredTicket old;
        QCOMPARE(codeStatus(counter, sold.tickets[0].code, &old), Status::TicketNotValid);
        QTest::keyClick(&dialog, Qt::Key_P, Qt::AltModifier);
        QTRY_VERIFY(QFileInfo::exists(pdf));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().startsWith("%PDF-"));
        QCOMPARE(counter.auditRows("exchange"), 1);
        QCOMPARE(counter.xReport().expectedCash, Amount(10000 + 5000)); // no money moved
    }

    // An upgrade (B 30.00 to A 50.00) paid in cash with change, then a downgrade back to B paid
    // back from the drawer, both through the dialog with keys; the X report's totals follow.
    void exchangesUpInCashAndDownWithMoneyBack()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(&error), error.c_str());
        const SoldOrder sold = counter.sell({ 60 }, PaymentMethod::Cash, "Gail"); // category B, 30.00
        QVERIFY(sold.order != 0);
        {
            ui::ExchangeDialog dialog(counter.services,
                                      ui::OrderSearch::details(counter.services, kEvent, sold.order));
            activate(&dialog);
            QTest::keyClick(&dialog, Qt::Key_S, Qt::AltModifier);
            QTest::keyClicks(QApplication::focusWidget(), QString::fromStdString(counter.seatLabel(5)));
            auto* seats = dialog.findChild<QListWidget*>(QStringLiteral("seatsListWidget"));
            QCOMPARE(seats->count(), 1);
            QVERIFY2(seats->item(0)->text().endsWith(QStringLiteral("+20.00 EUR")), qPrintable(seats->item(0)->text()));
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
            auto* difference = dialog.findChild<QLabel*>(QStringLiteral("differenceLabel"));
            QVERIFY2(difference->text().contains(QStringLiteral("pays 20.00 EUR more")),
                     qPrintable(difference->text()));
            QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("better view")); // the reason
            QTest::keyClick(&dialog, Qt::Key_H, Qt::AltModifier); // cash handed over
            auto* tendered = dialog.findChild<QLineEdit*>(QStringLiteral("tenderedEdit"));
            QCOMPARE(QApplication::focusWidget(), tendered);
            QTest::keyClicks(tendered, QStringLiteral("50"));
            QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("changeLabel"))->text(),
                     QStringLiteral("Change: 30.00 EUR"));
            QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("payCashInsteadButton"))->isVisible());
            QVERIFY(saveScreenshot(&dialog, QStringLiteral("aftersale-exchange-upgrade.png")));
            QTest::keyClick(tendered, Qt::Key_Return); // exchanges
            QTRY_VERIFY2(dialog.exchanged(), qPrintable(dialog.outcomeText()));
            QVERIFY2(dialog.outcomeText().contains(QStringLiteral("Change due: 30.00 EUR")),
                     qPrintable(dialog.outcomeText()));
            QCOMPARE(dialog.result().difference, Amount(2000));
        }
        QCOMPARE(counter.seatStatus(5), SeatStatus::Sold);
        ShiftReport x = counter.xReport();
        QCOMPARE(x.methods[0].sales, Amount(3000 + 2000));
        QCOMPARE(x.expectedCash, Amount(10000 + 5000));

        {
            ui::ExchangeDialog dialog(counter.services,
                                      ui::OrderSearch::details(counter.services, kEvent, sold.order));
            activate(&dialog);
            QTest::keyClick(&dialog, Qt::Key_S, Qt::AltModifier);
            QTest::keyClicks(QApplication::focusWidget(), QString::fromStdString(counter.seatLabel(68)));
            QCOMPARE(dialog.findChild<QListWidget*>(QStringLiteral("seatsListWidget"))->count(), 1);
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
            QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("differenceLabel"))
                        ->text()
                        .contains(QStringLiteral("gets 20.00 EUR back")));
            QVERIFY(!dialog.findChild<QLineEdit*>(QStringLiteral("tenderedEdit"))->isEnabled());
            QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("too dear after all"));
            QVERIFY(saveScreenshot(&dialog, QStringLiteral("aftersale-exchange-downgrade.png")));
            QTest::keyClick(&dialog, Qt::Key_X, Qt::AltModifier);
            QTRY_VERIFY2(dialog.exchanged(), qPrintable(dialog.outcomeText()));
            QVERIFY2(dialog.outcomeText().contains(QStringLiteral("Hand 20.00 EUR to the customer")),
                     qPrintable(dialog.outcomeText()));
        }
        QCOMPARE(counter.seatStatus(68), SeatStatus::Sold);
        QCOMPARE(counter.seatStatus(5), SeatStatus::Available);
        x = counter.xReport();
        QCOMPARE(x.methods[0].sales, Amount(5000));
        QCOMPARE(x.methods[0].refunds, Amount(2000));
        QCOMPARE(x.expectedCash, Amount(10000 + 3000));
        // Categories: B sold 30.00 + 30.00 and gave 30.00 back; A took 50.00 and gave 50.00 back.
        QCOMPARE(x.categories.size(), std::size_t(2));
        QCOMPARE(x.categories[0].category, std::string("A"));
        QCOMPARE(x.categories[0].sales, Amount(5000));
        QCOMPARE(x.categories[0].refunds, Amount(5000));
        QCOMPARE(x.categories[1].sales, Amount(6000));
        QCOMPARE(x.categories[1].refunds, Amount(3000));
        QCOMPARE(counter.auditRows("exchange"), 2);
        QCOMPARE(counter.auditRows("exchange.money"), 2);

        // A refund now gives back the 30.00 the ticket is worth after both exchanges.
        RefundRequest refund;
        refund.order = sold.order;
        refund.reason = "cannot come";
        const RefundResult refunded
            = refundAtCounter(counter.services.saleContext(counter.shard()), counter.clerk, counter.shift.id, refund);
        QCOMPARE(refunded.status, BoxOfficeStatus::Ok);
        QCOMPARE(refunded.refunded, Amount(3000));
        QCOMPARE(counter.xReport().expectedCash, Amount(10000));
    }

    // A downgrade paying back more than the refund limit follows the refund's rule: refused without
    // a supervisor (and with a wrong password), made once the supervisor signs in, audited with
    // the supervisor's id.
    void downgradeAboveTheLimitNeedsASupervisor()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(&error), error.c_str());
        const SoldOrder sold = counter.sell({ 5 }, PaymentMethod::Cash, "Ivy"); // category A, 50.00
        QVERIFY(sold.order != 0);
        ui::ExchangeDialog dialog(counter.services, ui::OrderSearch::details(counter.services, kEvent, sold.order));
        RefundOptions options;
        options.supervisorAboveAmount = 1500; // 15.00: the 20.00 back is above it
        dialog.setRefundOptions(options);
        activate(&dialog);
        auto* login = dialog.findChild<QLineEdit*>(QStringLiteral("supervisorLoginEdit"));
        auto* password = dialog.findChild<QLineEdit*>(QStringLiteral("supervisorPasswordEdit"));
        QVERIFY(!login->isEnabled());           // nothing chosen yet: nothing to pay back
        chooseSeatByKeys(&dialog, counter, 68); // category B, 30.00
        QVERIFY(login->isEnabled() && password->isEnabled());
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("reasonEdit"));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("too far from the stage"));
        QTest::keyClick(&dialog, Qt::Key_X, Qt::AltModifier);
        QTRY_COMPARE(dialog.outcomeText(), ui::AfterSaleText::status(BoxOfficeStatus::SupervisorRequired));
        QVERIFY(!dialog.exchanged());
        QCOMPARE(counter.seatStatus(5), SeatStatus::Sold);
        QCOMPARE(counter.seatStatus(68), SeatStatus::Available);
        QCOMPARE(QApplication::focusWidget(), login);

        QTest::keyClicks(login, QStringLiteral("sam"));
        QTest::keyClick(login, Qt::Key_Tab);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("not-sams-password"));
        QTest::keyClick(&dialog, Qt::Key_X, Qt::AltModifier);
        QTRY_COMPARE(dialog.outcomeText(), ui::AfterSaleText::status(BoxOfficeStatus::InvalidCredentials));
        QVERIFY(!dialog.exchanged());
        QVERIFY(password->text().isEmpty()); // never kept after an attempt
        QCOMPARE(counter.seatStatus(68), SeatStatus::Available);

        QTest::keyClick(&dialog, Qt::Key_V, Qt::AltModifier); // the login's buddy
        QCOMPARE(QApplication::focusWidget(), login);
        QCOMPARE(login->text(), QStringLiteral("sam"));
        QTest::keyClick(login, Qt::Key_Tab);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("sam-pass-1"));
        QTest::keyClick(&dialog, Qt::Key_X, Qt::AltModifier);
        QTRY_VERIFY2(dialog.exchanged(), qPrintable(dialog.outcomeText()));
        QVERIFY2(dialog.outcomeText().contains(QStringLiteral("Hand 20.00 EUR to the customer")),
                 qPrintable(dialog.outcomeText()));
        QCOMPARE(dialog.result().approvedBy, counter.supervisorId);
        QCOMPARE(counter.seatStatus(5), SeatStatus::Available);
        QCOMPARE(counter.seatStatus(68), SeatStatus::Sold);
        const ShiftReport x = counter.xReport();
        QCOMPARE(x.methods[0].refunds, Amount(2000));
        QCOMPARE(x.expectedCash, Amount(10000 + 5000 - 2000));
        const std::vector<std::string> money = counter.auditDetails("exchange.money");
        QCOMPARE(money.size(), std::size_t(1));
        QVERIFY2(anyContains(money, " approved by " + std::to_string(counter.supervisorId)), money[0].c_str());
        QCOMPARE(counter.auditRows("exchange"), 1);
    }

    // The customer is at the keypad (the fake terminal waits a minute): Esc asks the terminal to
    // cancel, nothing is charged and nothing moves, the dialog stays; the upgrade then goes on in cash.
    void escCancelsAnUpgradeByCardAtTheKeypad()
    {
        Counter counter;
        counter.payTimeoutMs = 20000; // the PAY waits for the terminal's answer to it
        std::string error;
        QVERIFY2(counter.open(&error), error.c_str());
        const std::unique_ptr<ui::ExchangeDialog> dialog = cardUpgradeDialog(counter);
        QVERIFY(dialog != nullptr);
        auto* cancel = dialog->findChild<QPushButton*>(QStringLiteral("cancelCardButton"));
        QVERIFY(!cancel->isVisible());
        QCOMPARE(counter.terminalLine("SIMULATE answer approve 60000"), std::string("OK"));
        QTest::keyClick(dialog.get(), Qt::Key_X, Qt::AltModifier);
        QTRY_VERIFY(dialog->cardWaiting());
        QVERIFY(cancel->isVisible() && cancel->isEnabled());
        QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("exchangeButton"))->isEnabled());
        QTRY_VERIFY(!dialog->cardReference().isEmpty());
        const std::string reference = dialog->cardReference().toStdString();
        QTRY_COMPARE_WITH_TIMEOUT(counter.terminalLine("QUERY " + reference), "PENDING " + reference, 5000);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->cardWaiting(), 15000);
        QVERIFY(dialog->isVisible()); // Esc cancelled the payment, not the dialog
        QVERIFY2(dialog->outcomeText().contains(QStringLiteral("Card payment cancelled")),
                 qPrintable(dialog->outcomeText()));
        QVERIFY(!cancel->isVisible());
        QCOMPARE(counter.terminalLine("QUERY " + reference), "CANCELLED " + reference);
        QVERIFY(!dialog->exchanged());
        QCOMPARE(counter.seatStatus(60), SeatStatus::Sold);
        QCOMPARE(counter.seatStatus(5), SeatStatus::Available);
        ShiftReport x = counter.xReport();
        QCOMPARE(x.methods[1].sales, Amount(0));
        QCOMPARE(counter.auditRows("exchange"), 0);
        QVERIFY(anyContains(counter.auditDetails("exchange.card"), "CANCELLED"));

        // The dialog is live again: the customer pays in cash instead.
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("paymentMethodComboBox"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Up); // Cash (with change)
        QTest::keyClick(dialog.get(), Qt::Key_X, Qt::AltModifier);
        QTRY_VERIFY2(dialog->exchanged(), qPrintable(dialog->outcomeText()));
        QCOMPARE(counter.seatStatus(5), SeatStatus::Sold);
        x = counter.xReport();
        QCOMPARE(x.methods[1].sales, Amount(0));
        QCOMPARE(x.expectedCash, Amount(10000 + 3000 + 2000));
        // Esc with no card payment waiting closes the dialog as usual.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!dialog->isVisible());
    }

    // The customer paid before the clerk's Esc reached the terminal (the fake terminal approves at
    // once but its answer to the PAY never comes): the terminal's final answer is approved, so the
    // exchange completes and the dialog says it was too late to cancel.
    void escTooLateWhenTheCustomerHadPaid()
    {
        Counter counter;
        counter.payTimeoutMs = 4000; // then the exchange asks the terminal, which says approved
        std::string error;
        QVERIFY2(counter.open(&error), error.c_str());
        const std::unique_ptr<ui::ExchangeDialog> dialog = cardUpgradeDialog(counter);
        QVERIFY(dialog != nullptr);
        QCOMPARE(counter.terminalLine("SIMULATE silent approve 0"), std::string("OK"));
        QTest::keyClick(dialog.get(), Qt::Key_X, Qt::AltModifier);
        QTRY_VERIFY(!dialog->cardReference().isEmpty());
        const std::string reference = dialog->cardReference().toStdString();
        const std::string approved = "APPROVED " + reference;
        QTRY_VERIFY_WITH_TIMEOUT(counter.terminalLine("QUERY " + reference).rfind(approved, 0) == 0, 3000);
        QVERIFY(dialog->cardWaiting());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->cardWaiting(), 15000);
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->exchanged(), qPrintable(dialog->outcomeText()));
        QVERIFY2(dialog->outcomeText().contains(QStringLiteral("Too late to cancel")),
                 qPrintable(dialog->outcomeText()));
        QCOMPARE(dialog->result().terminal, TerminalOutcome::Approved);
        QCOMPARE(counter.seatStatus(60), SeatStatus::Available);
        QCOMPARE(counter.seatStatus(5), SeatStatus::Sold);
        const ShiftReport x = counter.xReport();
        QCOMPARE(x.methods[1].sales, Amount(2000));
        QCOMPARE(x.expectedCash, Amount(10000 + 3000));
        QCOMPARE(counter.auditRows("exchange"), 1);
    }

    void voidsACashOrderAndACardOrderOfTheShift()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(&error), error.c_str());
        const SoldOrder cash = counter.sell({ 30, 31 }, PaymentMethod::Cash, "Gus");
        const SoldOrder card = counter.sell({ 91 }, PaymentMethod::Card, "Hal");
        QVERIFY(cash.order != 0 && card.order != 0);
        int confirmations = 0;
        ui::AfterSaleHooks::confirm = [&confirmations](QWidget*, const QString&, const QString&) {
            ++confirmations;
            return true;
        };
        {
            ui::VoidDialog dialog(counter.services, ui::OrderSearch::details(counter.services, kEvent, cash.order));
            activate(&dialog);
            QVERIFY2(dialog.planText().contains(QStringLiteral("hand 100.00 EUR back")), qPrintable(dialog.planText()));
            QTest::keyClick(&dialog, Qt::Key_V, Qt::AltModifier); // no reason yet
            QTRY_COMPARE(dialog.outcomeText(), QStringLiteral("A reason is required."));
            QVERIFY(!dialog.voided());
            QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("reasonEdit")), QStringLiteral("wrong date"));
            QVERIFY(saveScreenshot(&dialog, QStringLiteral("aftersale-void.png")));
            QTest::keyClick(&dialog, Qt::Key_V, Qt::AltModifier);
            QTRY_VERIFY2(dialog.voided(), qPrintable(dialog.outcomeText()));
            QCOMPARE(dialog.result().cashReturned, Amount(10000));
            QVERIFY(dialog.outcomeText().contains(QStringLiteral("Hand 100.00 EUR in cash")));
        }
        QCOMPARE(counter.seatStatus(30), SeatStatus::Available);
        QCOMPARE(counter.seatStatus(31), SeatStatus::Available);
        {
            ui::VoidDialog dialog(counter.services, ui::OrderSearch::details(counter.services, kEvent, card.order));
            activate(&dialog);
            QVERIFY(dialog.planText().contains(QStringLiteral("reversed on the terminal")));
            QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("reasonEdit")), QStringLiteral("wrong event"));
            QTest::keyClick(&dialog, Qt::Key_V, Qt::AltModifier);
            QTRY_VERIFY2(dialog.voided(), qPrintable(dialog.outcomeText()));
            QCOMPARE(dialog.result().cardReversed, Amount(3000));
        }
        QCOMPARE(confirmations, 2);
        const ShiftReport x = counter.xReport();
        QCOMPARE(x.methods[0].refunds, Amount(10000));
        QCOMPARE(x.methods[1].refunds, Amount(3000));
        QCOMPARE(x.ticketsRefunded, 3u);
        QCOMPARE(x.expectedCash, Amount(10000)); // the float
        QCOMPARE(counter.auditRows("void"), 2);
        // A voided order cannot be voided again; nor can one that was partly refunded.
        ui::VoidDialog again(counter.services, ui::OrderSearch::details(counter.services, kEvent, cash.order));
        QVERIFY(!again.findChild<QPushButton*>(QStringLiteral("voidButton"))->isEnabled());
    }
};

QTEST_MAIN(TestCounterAfterSale)
#include "TestCounterAfterSale.moc"
