#include "counter/AfterSaleTask.h"
#include "DisplayFormat.h"

#include "boxoffice/CounterExchange.h"
#include "syncclient/SyncClient.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>

#include <memory>

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

void journalExchangeWith(SyncClient* client, std::uint64_t clerk, ExchangeRequest* request)
{
    if (client == nullptr)
        return;
    auto ops = std::make_shared<std::vector<std::string>>();
    const OrderId order = request->order;
    request->journal = [client, clerk, order, ops](const std::vector<ExchangeMove>& moves, std::string* why) {
        std::vector<SyncExchangeMove> journaled;
        for (const ExchangeMove& m : moves)
            journaled.push_back(SyncExchangeMove { m.ticket, m.seat });
        const SyncLocalResult begun = client->officeNow([&](SyncBoxOffice& office, Timestamp now) {
            return office.beginExternalExchange(order, journaled, clerk, now);
        });
        if (!begun.ok()) {
            *why = begun.message.empty() ? DisplayFormat::status(begun.status).toStdString() : begun.message;
            return false;
        }
        *ops = begun.ops;
        return true;
    };
    request->settle = [client, ops] {
        for (const std::string& op : *ops)
            client->finishExternalNow(op); // done when the ticket is on its new seat, void otherwise
    };
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
