#include "counter/VoidDialog.h"

#include "counter/AfterSaleForm.h"
#include "counter/AfterSaleTask.h"
#include "counter/AfterSaleText.h"
#include "counter/CashAmount.h"
#include "counter/ReportDocument.h"
#include "sync/SyncUi.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace usher::ui {

VoidDialog::VoidDialog(const CounterServices& services, const OrderDetails& order, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
    , m_order(order)
{
    setObjectName(QStringLiteral("voidDialog"));
    setWindowTitle(tr("Void order %1").arg(order.number));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("A void cancels the whole order sold in this shift: every ticket stops being valid "
                                "and the money goes back exactly as it was paid (cash from the drawer, card "
                                "payments reversed on the terminal)."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_planLabel = new QLabel(this);
    m_planLabel->setObjectName(QStringLiteral("planLabel"));
    m_planLabel->setWordWrap(true);
    m_planLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_planLabel);
    auto* form = new QFormLayout;
    m_reason = addReasonRow(form, this, tr("Required, e.g. wrong date sold"), &m_outcome);
    m_supervisor = addSupervisorRows(form, this, tr("Supervisor lo&gin:"));
    layout->addLayout(form);
    m_outcome = addOutcomeLabel(layout, this);
    auto* buttons = new QDialogButtonBox(this);
    m_void = new QPushButton(tr("&Void order"), this);
    m_void->setObjectName(QStringLiteral("voidButton"));
    m_void->setDefault(true);
    buttons->addButton(m_void, QDialogButtonBox::ActionRole);
    auto* close = new QPushButton(tr("Close"), this);
    close->setObjectName(QStringLiteral("closeButton"));
    buttons->addButton(close, QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);
    connect(m_void, &QPushButton::clicked, this, &VoidDialog::voidOrder);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setTabOrder(m_reason, m_supervisor.login);
    setTabOrder(m_supervisor.login, m_supervisor.password);
    setTabOrder(m_supervisor.password, m_void);
    loadPlan();
    m_reason->setFocus();
    resize(520, 400);
}

void VoidDialog::setRefundOptions(const RefundOptions& options)
{
    m_options = options;
    loadPlan();
}

QString VoidDialog::planText() const
{
    return m_planLabel->text();
}

QString VoidDialog::outcomeText() const
{
    return m_outcome->text();
}

void VoidDialog::showOutcome(const QString& text, bool error)
{
    m_outcome->setText(text);
    m_outcome->setStyleSheet(error ? QStringLiteral("color: #b00020") : QStringLiteral("color: #1b5e20"));
}

void VoidDialog::loadPlan()
{
    EventShard* shard = m_services.engine->event(m_order.event);
    if (shard == nullptr) {
        m_planLabel->setText(AfterSaleText::engine(Status::EventNotFound));
        m_void->setEnabled(false);
        return;
    }
    m_plan = planVoid(m_services.saleContext(shard), m_services.clerk, m_services.shift, m_order.order);
    showSupervisorNeed(m_supervisor, m_plan.refund.amount, m_options.supervisorAboveAmount, m_order.currency);
    if (m_plan.status == BoxOfficeStatus::WrongState) {
        m_planLabel->setText(tr("This order cannot be voided: only an order sold at this counter in your open shift, "
                                "with every ticket still valid, can be. Refund it instead."));
        m_void->setEnabled(false);
        return;
    }
    if (m_plan.status != BoxOfficeStatus::Ok) {
        m_planLabel->setText(AfterSaleText::status(m_plan.status, m_plan.engineStatus));
        m_void->setEnabled(false);
        return;
    }
    QStringList lines;
    lines << tr("%n ticket(s), %1 in all, sale %2.", nullptr, static_cast<int>(m_plan.refund.tickets.size()))
                 .arg(CashAmount::format(m_plan.refund.amount, m_order.currency),
                      QString::fromStdString(m_plan.saleReference));
    for (const VoidTender& tender : m_plan.tenders) {
        const QString money = CashAmount::format(tender.amount, m_order.currency);
        if (tender.method == PaymentMethod::Cash)
            lines << tr("Cash: hand %1 back from the drawer.").arg(money);
        else if (tender.method == PaymentMethod::Card)
            lines << tr("Card: %1 reversed on the terminal (payment %2).")
                         .arg(money, QString::fromStdString(tender.terminalReference));
        else
            lines << tr("%1: %2 written back.").arg(ReportDocument::methodName(tender.method), money);
    }
    m_planLabel->setText(lines.join(QLatin1Char('\n')));
    m_void->setEnabled(!m_done);
}

void VoidDialog::voidOrder()
{
    VoidRequest request;
    request.order = m_order.order;
    request.reason = m_reason->text().trimmed().toStdString();
    if (request.reason.empty()) {
        showOutcome(reasonRequiredText(), true);
        m_reason->setFocus();
        return;
    }
    if (!AfterSaleHooks::confirm(this, tr("Void order %1").arg(m_order.number),
                                 tr("Void the whole order %1? This cannot be undone.").arg(m_order.number)))
        return;
    EventShard* shard = m_services.engine->event(m_order.event);
    takeSupervisorCredentials(m_supervisor, &request.supervisorLogin, &request.supervisorPassword);
    const CounterSaleContext context = m_services.saleContext(shard);
    const StaffAccount clerk = m_services.clerk;
    const ShiftId shift = m_services.shift;
    const RefundOptions options = m_options;
    // A sale journaled in the sync outbox: the void (a refund of every ticket) is journaled too,
    // before the engine refunds here, so that it reaches central (docs/design/sync.md).
    SyncClient* client = m_services.sync != nullptr ? m_services.sync->client() : nullptr;
    QString syncProblem;
    m_result = runOffUiThread<VoidResult>(this, [&] {
        SyncClient* journal = nullptr;
        std::vector<TicketId> tickets;
        if (client != nullptr && shard != nullptr && !client->saleOpOfLocalOrder(request.order).empty()) {
            bool allValid = true;
            shard->read([&](const Ledger& ledger) {
                const Order* order = ledger.order(request.order);
                for (std::uint32_t i = 0; order != nullptr && i < order->ticketCount; ++i) {
                    const Ticket* ticket = ledger.ticket(order->firstTicket + i);
                    allValid = allValid && ticket != nullptr && ticket->status == TicketStatus::Valid;
                    tickets.push_back(order->firstTicket + i);
                }
            });
            // Not every ticket valid: voidAtCounter refuses it with its own reason, nothing to journal.
            if (allValid && !tickets.empty())
                journal = client;
        }
        VoidResult result;
        if (!runJournaledRefund(journal, request.order, std::move(tickets), "void: " + request.reason, clerk.id,
                                &syncProblem, [&] { result = voidAtCounter(context, clerk, shift, request, options); }))
            result.status = BoxOfficeStatus::StorageFailed;
        return result;
    });
    if (!syncProblem.isEmpty()) {
        //: %1 why the sync outbox could not journal the void.
        showOutcome(tr("Nothing was voided: the void could not be journaled for usherd: %1").arg(syncProblem), true);
        return;
    }
    const bool ticketsVoid = !m_result.tickets.empty();
    if (ticketsVoid) {
        m_done = true;
        m_void->setEnabled(false);
    }
    if (m_result.status == BoxOfficeStatus::Ok) {
        QString text
            = tr("Order %1 is void: %n ticket(s) no longer valid.", nullptr, static_cast<int>(m_result.tickets.size()))
                  .arg(m_order.number);
        if (m_result.cashReturned > 0)
            text += QLatin1Char(' ')
                + tr("Hand %1 in cash to the customer.")
                      .arg(CashAmount::format(m_result.cashReturned, m_order.currency));
        if (m_result.cardReversed > 0)
            text += QLatin1Char(' ')
                + tr("%1 reversed on the card.").arg(CashAmount::format(m_result.cardReversed, m_order.currency));
        showOutcome(text, false);
        return;
    }
    if (ticketsVoid && m_result.cardOutstanding > 0) {
        showOutcome(tr("The tickets are void, but the terminal did not reverse %1 (payment %2). Refund it on the "
                       "terminal by hand or pay it in cash (Cash out, with the payment reference as the note).")
                        .arg(CashAmount::format(m_result.cardOutstanding, m_order.currency),
                             QString::fromStdString(m_result.failedCardReferences.empty()
                                                        ? std::string()
                                                        : m_result.failedCardReferences.front())),
                    true);
        return;
    }
    showOutcome(AfterSaleText::status(m_result.status, m_result.engineStatus), true);
    focusSupervisorAfter(m_supervisor, m_result.status);
}

} // namespace usher::ui
