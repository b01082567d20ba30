#include "counter/AfterSaleTask.h"
#include "DisplayFormat.h"

#include "syncclient/SyncClient.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>

namespace usher::ui {

namespace {

QString defaultSavePath(QWidget* parent, const QString& caption, const QString& suggested, const QString& filter)
{
    return QFileDialog::getSaveFileName(parent, caption, suggested, filter);
}

bool defaultSetUpPrinter(QWidget* parent, QPrinter* printer)
{
    QPrintDialog dialog(printer, parent);
    return dialog.exec() == QDialog::Accepted;
}

bool defaultConfirm(QWidget* parent, const QString& title, const QString& text)
{
    return QMessageBox::question(parent, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        == QMessageBox::Yes;
}

} // namespace

bool runJournaledRefund(SyncClient* client, OrderId order, std::vector<TicketId> tickets, std::string reason,
                        std::uint64_t clerk, QString* problem, const std::function<void()>& local)
{
    std::string op;
    if (client != nullptr) {
        const SyncLocalResult begun
            = client->beginExternalRefundNow(order, std::move(tickets), std::move(reason), clerk);
        if (!begun.ok()) {
            *problem = begun.message.empty() ? DisplayFormat::status(begun.status)
                                             : QString::fromStdString(begun.message);
            return false;
        }
        op = begun.opId;
    }
    local();
    if (!op.empty())
        client->finishExternalNow(op);
    return true;
}

std::function<QString(QWidget*, const QString&, const QString&, const QString&)> AfterSaleHooks::savePath
    = defaultSavePath;
std::function<bool(QWidget*, QPrinter*)> AfterSaleHooks::setUpPrinter = defaultSetUpPrinter;
std::function<bool(QWidget*, const QString&, const QString&)> AfterSaleHooks::confirm = defaultConfirm;

void AfterSaleHooks::reset()
{
    savePath = defaultSavePath;
    setUpPrinter = defaultSetUpPrinter;
    confirm = defaultConfirm;
}

} // namespace usher::ui
