#include "counter/AfterSale.h"

#include "counter/AfterSaleText.h"
#include "counter/CashMovementDialog.h"
#include "counter/OrderDialog.h"
#include "counter/ShiftCloseDialog.h"
#include "counter/ShiftReportDialog.h"

#include <QMessageBox>

namespace usher::ui {

namespace {

QString staffName(const CounterServices& services, std::uint64_t id)
{
    if (id == services.clerk.id && id != 0)
        return QString::fromStdString(services.clerk.displayName);
    StaffAccount account;
    if (services.accounts != nullptr && services.accounts->find(id, &account) == BoxOfficeStatus::Ok)
        return QString::fromStdString(account.displayName);
    return QCoreApplication::translate("AfterSale", "staff %1").arg(id);
}

} // namespace

void AfterSale::findOrder(QWidget* parent, const CounterServices& services, const QString& query)
{
    OrderDialog dialog(services, parent);
    if (!query.trimmed().isEmpty())
        dialog.search(query);
    dialog.exec();
}

void AfterSale::showOrderForSeat(QWidget* parent, const CounterServices& services, EventId event, SeatId seat)
{
    const OrderId order = OrderSearch::orderOfSeat(services, event, seat);
    if (order == 0) {
        QMessageBox::information(
            parent, QCoreApplication::translate("AfterSale", "Seat not sold"),
            QCoreApplication::translate("AfterSale", "This seat is not sold: there is no order to show."));
        return;
    }
    OrderDialog dialog(services, parent);
    dialog.search(QString::number(event) + QLatin1Char('-') + QString::number(order));
    dialog.exec();
}

void AfterSale::cashMovement(QWidget* parent, const CounterServices& services)
{
    CashMovementDialog dialog(services, parent);
    dialog.exec();
}

void AfterSale::xReport(QWidget* parent, const CounterServices& services)
{
    ShiftReport report;
    const BoxOfficeStatus status
        = services.drawer->xReport(services.shift, services.clerk.id, services.clock(), &report);
    if (status != BoxOfficeStatus::Ok) {
        QMessageBox::warning(parent, QCoreApplication::translate("AfterSale", "X report"),
                             AfterSaleText::status(status));
        return;
    }
    ShiftReportDialog dialog(report, staffName(services, report.shift.clerk), staffName(services, report.producedBy),
                             parent);
    dialog.exec();
}

bool AfterSale::closeShift(QWidget* parent, const CounterServices& services)
{
    ShiftCloseDialog close(services, parent);
    if (close.exec() != QDialog::Accepted || !close.closed())
        return false;
    const ShiftReport& report = close.report();
    ShiftReportDialog dialog(report, staffName(services, report.shift.clerk), staffName(services, report.producedBy),
                             parent);
    dialog.exec();
    return true;
}

} // namespace usher::ui
