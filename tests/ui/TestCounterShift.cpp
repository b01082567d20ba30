// The shift screens driven with QTest keys: cash in and out with a note, an X report and a Z report
// with known totals (sales made through CounterSale, a refund through refundAtCounter), the numbers
// the dialogs show, and the CSV, PDF and printed files they write.

#include "TestCounterAfterSaleFixture.h"
#include "boxoffice/CounterRefund.h"
#include "counter/AfterSale.h"
#include "counter/AfterSaleText.h"
#include "counter/CashMovementDialog.h"
#include "counter/ShiftCloseDialog.h"
#include "counter/ShiftReportDialog.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPrinter>
#include <QPushButton>
#include <QRadioButton>
#include <QTextBrowser>

using namespace aftersale_test;
using namespace usher;

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Cash 2 x A (100.00), card 1 x B (30.00), one A ticket refunded in cash (50.00), cash in 20.00,
// cash out 10.00. Expected cash: 100.00 float + 100.00 - 50.00 + 20.00 - 10.00 = 160.00.
bool knownShift(Counter& counter)
{
    const SoldOrder cash = counter.sell({ 1, 2 }, PaymentMethod::Cash);
    const SoldOrder card = counter.sell({ 51 }, PaymentMethod::Card);
    if (cash.order == 0 || card.order == 0) {
        qWarning("sale failed: cash order %llu, card order %llu", static_cast<unsigned long long>(cash.order),
                 static_cast<unsigned long long>(card.order));
        return false;
    }
    RefundRequest refund;
    refund.order = cash.order;
    refund.tickets = { cash.tickets[0].id };
    refund.reason = "customer is ill";
    const RefundResult refunded
        = refundAtCounter(counter.services.saleContext(counter.shard()), counter.clerk, counter.shift.id, refund);
    if (refunded.status != BoxOfficeStatus::Ok)
        qWarning("refund failed: %s", boxOfficeStatusName(refunded.status));
    return refunded.status == BoxOfficeStatus::Ok
        && counter.drawer->cashIn(counter.shift.id, counter.clerk.id, 2000, "change from the bank", systemClockNow())
        == BoxOfficeStatus::Ok
        && counter.drawer->cashOut(counter.shift.id, counter.clerk.id, 1000, "safe drop", systemClockNow())
        == BoxOfficeStatus::Ok;
}

const QByteArray kKnownCsvRows[] = {
    "method,cash,1,100.00,1,50.00\r\n",
    "method,card,1,30.00,0,0.00\r\n",
    "category,A,2,100.00,1,50.00\r\n",
    "category,B,1,30.00,0,0.00\r\n",
    "tickets,issued,3,,1,\r\n",
    "cash,in,,20.00,,\r\n",
    "cash,out,,10.00,,\r\n",
    "cash,expected,,160.00,,\r\n",
};

} // namespace

class TestCounterShift : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qt_set_sequence_auto_mnemonic(true); }

    void cashInAndOutWithANote()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(&error), error.c_str());
        ui::CashMovementDialog dialog(counter.services);
        dialog.show();
        QApplication::setActiveWindow(&dialog);
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto* amount = dialog.findChild<QLineEdit*>(QStringLiteral("amountEdit"));
        auto* note = dialog.findChild<QLineEdit*>(QStringLiteral("noteEdit"));
        QVERIFY(amount && note);
        QCOMPARE(QApplication::focusWidget(), amount);
        // Cash out more than the drawer holds: refused, nothing recorded.
        // A mnemonic "clicks" its button through animateClick(): the click lands a moment later.
        QTest::keyClick(&dialog, Qt::Key_O, Qt::AltModifier);
        QTRY_VERIFY(dialog.findChild<QRadioButton*>(QStringLiteral("cashOutRadioButton"))->isChecked());
        amount->setFocus();
        QTest::keyClicks(amount, QStringLiteral("500.00"));
        QTest::keyClick(amount, Qt::Key_Tab);
        QTest::keyClicks(note, QStringLiteral("safe drop"));
        QTest::keyClick(note, Qt::Key_Return);
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.errorText(), ui::AfterSaleText::status(BoxOfficeStatus::InsufficientCash));
        // Without a note: refused.
        note->clear();
        amount->clear();
        QTest::keyClicks(amount, QStringLiteral("40"));
        QTest::keyClick(amount, Qt::Key_Return);
        QVERIFY(dialog.errorText().contains(QStringLiteral("note")));
        QTest::keyClicks(note, QStringLiteral("safe drop"));
        QVERIFY(saveScreenshot(&dialog, QStringLiteral("shift-cash-movement.png")));
        QTest::keyClick(note, Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const ShiftReport x = counter.xReport();
        QCOMPARE(x.cashOut, Amount(4000));
        QCOMPARE(x.expectedCash, Amount(6000));
        QCOMPARE(counter.auditRows("drawer.cash_out"), 1);

        ui::CashMovementDialog in(counter.services);
        in.show();
        QApplication::setActiveWindow(&in);
        QVERIFY(QTest::qWaitForWindowActive(&in));
        QTest::keyClick(&in, Qt::Key_I, Qt::AltModifier);
        QTRY_VERIFY(in.findChild<QRadioButton*>(QStringLiteral("cashInRadioButton"))->isChecked());
        auto* inAmount = in.findChild<QLineEdit*>(QStringLiteral("amountEdit"));
        inAmount->setFocus();
        QTest::keyClicks(inAmount, QStringLiteral("12.505")); // more decimals than the euro has
        QTest::keyClick(inAmount, Qt::Key_Tab);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("coins"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QVERIFY(in.isVisible());
        inAmount->clear();
        QTest::keyClicks(inAmount, QStringLiteral("12.50"));
        QTest::keyClick(inAmount, Qt::Key_Return);
        QCOMPARE(in.result(), int(QDialog::Accepted));
        QCOMPARE(counter.xReport().cashIn, Amount(1250));
        QCOMPARE(counter.auditRows("drawer.cash_in"), 1);
    }

    void xReportWithKnownTotals()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(&error), error.c_str());
        QVERIFY(knownShift(counter));
        const QString csvPath = QString::fromStdString(counter.dir.filePath("x.csv"));
        const QString pdfPath = QString::fromStdString(counter.dir.filePath("x.pdf"));
        const QString printedPath = QString::fromStdString(counter.dir.filePath("x-printed.pdf"));
        QStringList answers { csvPath, pdfPath };
        ui::AfterSaleHooks::savePath = [&answers](QWidget*, const QString&, const QString&, const QString&) {
            return answers.isEmpty() ? QString() : answers.takeFirst();
        };
        ui::AfterSaleHooks::setUpPrinter = [&printedPath](QWidget*, QPrinter* printer) {
            printer->setOutputFormat(QPrinter::PdfFormat);
            printer->setOutputFileName(printedPath);
            return true;
        };
        QString shown;
        QStringList statuses;
        bool ran = false;
        whenModal(QStringLiteral("shiftReportDialog"), [&](QWidget* modal) {
            auto* dialog = qobject_cast<ui::ShiftReportDialog*>(modal);
            shown = modal->findChild<QTextBrowser*>(QStringLiteral("reportTextBrowser"))->toPlainText().simplified();
            saveScreenshot(modal, QStringLiteral("shift-x-report.png"));
            QTest::keyClick(modal, Qt::Key_C, Qt::AltModifier); // Save CSV
            if (!QTest::qWaitFor([&] { return !dialog->statusText().isEmpty(); }))
                qWarning("timed out waiting for the export");
            statuses << dialog->statusText();
            QTest::keyClick(modal, Qt::Key_D, Qt::AltModifier); // Save PDF
            if (!QTest::qWaitFor([&] { return dialog->statusText() != statuses.last(); }))
                qWarning("timed out waiting for the export");
            statuses << dialog->statusText();
            QTest::keyClick(modal, Qt::Key_P, Qt::ControlModifier); // Print (a QShortcut: at once)
            statuses << dialog->statusText();
            ran = true;
            QTest::keyClick(modal, Qt::Key_Escape);
        });
        ui::AfterSale::xReport(nullptr, counter.services);
        QVERIFY(ran);
        QVERIFY2(shown.contains(QStringLiteral("X report: shift")), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("Expected cash in the drawer 160.00 EUR")), qPrintable(shown));
        QVERIFY(shown.contains(QStringLiteral("Cash 1 100.00 EUR 1 50.00 EUR 50.00 EUR")));
        QVERIFY(shown.contains(QStringLiteral("Card 1 30.00 EUR 0 0.00 EUR 30.00 EUR")));
        QVERIFY(shown.contains(QStringLiteral("Tickets issued 3")));
        QVERIFY(!shown.contains(QStringLiteral("Counted cash")));
        QCOMPARE(statuses.size(), 3);
        QVERIFY2(statuses[0].startsWith(QStringLiteral("Saved")), qPrintable(statuses[0]));
        QVERIFY2(statuses[1].startsWith(QStringLiteral("Saved")), qPrintable(statuses[1]));
        QVERIFY2(statuses[2].startsWith(QStringLiteral("Sent to the printer")), qPrintable(statuses[2]));
        const QByteArray csv = readAll(csvPath);
        QVERIFY(csv.startsWith("section,key,count,amount,refunds_count,refunds_amount\r\nreport,X,"));
        for (const QByteArray& row : kKnownCsvRows)
            QVERIFY2(csv.contains(row), row.constData());
        QVERIFY(!csv.contains("cash,counted"));
        QVERIFY(readAll(pdfPath).startsWith("%PDF-"));
        QVERIFY(QFileInfo(pdfPath).size() > 2000);
        QVERIFY(readAll(printedPath).startsWith("%PDF-"));
        QCOMPARE(counter.auditRows("shift.x_report"), 1);
        Shift still;
        QCOMPARE(counter.drawer->shift(counter.shift.id, &still), BoxOfficeStatus::Ok);
        QVERIFY(still.isOpen());
    }

    void zReportAtClosingWithVariance()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(&error), error.c_str());
        QVERIFY(knownShift(counter));
        const QString csvPath = QString::fromStdString(counter.dir.filePath("z.csv"));
        const QString pdfPath = QString::fromStdString(counter.dir.filePath("z.pdf"));
        QStringList answers { csvPath, pdfPath };
        ui::AfterSaleHooks::savePath = [&answers](QWidget*, const QString&, const QString&, const QString&) {
            return answers.isEmpty() ? QString() : answers.takeFirst();
        };
        int confirmations = 0;
        ui::AfterSaleHooks::confirm = [&confirmations](QWidget*, const QString&, const QString&) {
            ++confirmations;
            return true;
        };
        QString closeError;
        QString shown;
        whenModal(QStringLiteral("shiftCloseDialog"), [&](QWidget* modal) {
            auto* counted = modal->findChild<QLineEdit*>(QStringLiteral("countedCashEdit"));
            QCOMPARE(QApplication::focusWidget(), counted);
            QTest::keyClicks(counted, QStringLiteral("a lot"));
            QTest::keyClick(counted, Qt::Key_Return);
            closeError = qobject_cast<ui::ShiftCloseDialog*>(modal)->errorText();
            counted->clear();
            QTest::keyClicks(counted, QStringLiteral("155.50"));
            saveScreenshot(modal, QStringLiteral("shift-close.png"));
            whenModal(QStringLiteral("shiftReportDialog"), [&](QWidget* report) {
                shown
                    = report->findChild<QTextBrowser*>(QStringLiteral("reportTextBrowser"))->toPlainText().simplified();
                saveScreenshot(report, QStringLiteral("shift-z-report.png"));
                QTest::keyClick(report, Qt::Key_C, Qt::AltModifier);
                if (!QTest::qWaitFor([&] { return QFileInfo::exists(csvPath); }))
                    qWarning("timed out waiting for the export");
                QTest::keyClick(report, Qt::Key_D, Qt::AltModifier);
                if (!QTest::qWaitFor([&] { return QFileInfo::exists(pdfPath); }))
                    qWarning("timed out waiting for the export");
                QTest::keyClick(report, Qt::Key_Escape);
            });
            QTest::keyClick(counted, Qt::Key_Return);
        });
        QVERIFY(ui::AfterSale::closeShift(nullptr, counter.services));
        QVERIFY2(closeError.contains(QStringLiteral("amount")), qPrintable(closeError));
        QCOMPARE(confirmations, 1);
        QVERIFY2(shown.contains(QStringLiteral("Z report: shift")), qPrintable(shown));
        QVERIFY(shown.contains(QStringLiteral("Expected cash in the drawer 160.00 EUR")));
        QVERIFY(shown.contains(QStringLiteral("Counted cash 155.50 EUR")));
        QVERIFY(shown.contains(QStringLiteral("Variance (short) -4.50 EUR")));
        const QByteArray csv = readAll(csvPath);
        QVERIFY(csv.contains("report,Z,"));
        for (const QByteArray& row : kKnownCsvRows)
            QVERIFY2(csv.contains(row), row.constData());
        QVERIFY(csv.contains("cash,counted,,155.50,,\r\n"));
        QVERIFY(csv.contains("cash,variance,,-4.50,,\r\n"));
        QVERIFY(readAll(pdfPath).startsWith("%PDF-"));
        Shift closed;
        QCOMPARE(counter.drawer->shift(counter.shift.id, &closed), BoxOfficeStatus::Ok);
        QVERIFY(!closed.isOpen());
        QCOMPARE(closed.countedCash, Amount(15550));
        QCOMPARE(counter.auditRows("shift.close"), 1);
        // A closed shift takes no more cash movements, and cannot be closed twice.
        ui::CashMovementDialog after(counter.services);
        QVERIFY(!after.findChild<QPushButton*>(QStringLiteral("recordButton"))->isEnabled());
        ui::ShiftCloseDialog again(counter.services);
        QVERIFY(!again.findChild<QPushButton*>(QStringLiteral("closeShiftButton"))->isEnabled());
    }
};

QTEST_MAIN(TestCounterShift)
#include "TestCounterShift.moc"
