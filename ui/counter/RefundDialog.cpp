#include "counter/RefundDialog.h"

#include "boxoffice/Money.h"
#include "counter/AfterSaleForm.h"
#include "counter/AfterSaleTask.h"
#include "counter/AfterSaleText.h"
#include "counter/CashAmount.h"
#include "sync/SyncUi.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace usher::ui {

namespace {

constexpr int kTicketRole = Qt::UserRole;
constexpr int kAmountRole = Qt::UserRole + 1;

} // namespace

RefundDialog::RefundDialog(const CounterServices& services, const OrderDetails& order, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
    , m_order(order)
{
    setObjectName(QStringLiteral("refundDialog"));
    setWindowTitle(tr("Refund order %1").arg(order.number));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("Order %1 · %2 · %3. Tick the tickets to refund (Space).")
            .arg(order.number, order.eventName, order.buyerName.isEmpty() ? tr("no buyer name") : order.buyerName),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_tickets = new QListWidget(this);
    m_tickets->setObjectName(QStringLiteral("ticketsListWidget"));
    m_tickets->setAccessibleName(tr("Tickets"));
    for (const OrderTicketInfo& t : order.tickets) {
        auto* item
            = new QListWidgetItem(tr("%1 · %2 · %3 · %4").arg(t.place, t.priceType, t.amountText, t.state), m_tickets);
        item->setData(kTicketRole, QVariant::fromValue<qulonglong>(t.id));
        item->setData(kAmountRole, QVariant::fromValue<qlonglong>(t.amount));
        item->setFlags(t.valid ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable : Qt::NoItemFlags);
        item->setCheckState(t.valid ? Qt::Checked : Qt::Unchecked);
    }
    m_tickets->setCurrentRow(0);
    layout->addWidget(m_tickets, 1);
    m_total = new QLabel(this);
    m_total->setObjectName(QStringLiteral("totalLabel"));
    layout->addWidget(m_total);

    auto* form = new QFormLayout;
    m_reason = addReasonRow(form, this, tr("Required, e.g. customer is ill"), &m_outcome);
    m_method = new QComboBox(this);
    m_method->setObjectName(QStringLiteral("methodComboBox"));
    m_method->addItem(tr("Cash from the drawer"), static_cast<int>(PaymentMethod::Cash));
    if (services.terminal != nullptr && order.hasCardPayment)
        m_method->addItem(tr("Back to the card"), static_cast<int>(PaymentMethod::Card));
    auto* methodLabel = new QLabel(tr("&Money back as:"), this);
    methodLabel->setBuddy(m_method);
    form->addRow(methodLabel, m_method);
    m_supervisor = addSupervisorRows(form, this, tr("Super&visor login:"));
    layout->addLayout(form);

    m_outcome = addOutcomeLabel(layout, this);
    auto* buttons = new QDialogButtonBox(this);
    m_refund = new QPushButton(tr("&Refund"), this);
    m_refund->setObjectName(QStringLiteral("refundButton"));
    m_refund->setDefault(true);
    buttons->addButton(m_refund, QDialogButtonBox::ActionRole);
    m_payCash = new QPushButton(tr("Pay in &cash instead"), this);
    m_payCash->setObjectName(QStringLiteral("payCashButton"));
    buttons->addButton(m_payCash, QDialogButtonBox::ActionRole);
    m_payCash->hide(); // after addButton(), which shows it
    m_askAgain = new QPushButton(tr("&Ask the terminal again"), this);
    m_askAgain->setObjectName(QStringLiteral("askTerminalButton"));
    buttons->addButton(m_askAgain, QDialogButtonBox::ActionRole);
    m_askAgain->hide();
    auto* close = new QPushButton(tr("Close"), this);
    close->setObjectName(QStringLiteral("closeButton"));
    buttons->addButton(close, QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);
    connect(m_refund, &QPushButton::clicked, this, &RefundDialog::refund);
    connect(m_payCash, &QPushButton::clicked, this, &RefundDialog::payCashInstead);
    connect(m_askAgain, &QPushButton::clicked, this, &RefundDialog::askTerminalAgain);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_tickets, &QListWidget::itemChanged, this, &RefundDialog::updateTotal);
    setTabOrder(m_tickets, m_reason);
    setTabOrder(m_reason, m_method);
    setTabOrder(m_method, m_supervisor.login);
    setTabOrder(m_supervisor.login, m_supervisor.password);
    setTabOrder(m_supervisor.password, m_refund);
    updateTotal();
    m_tickets->setFocus();
    resize(560, 520);
}

void RefundDialog::setRefundOptions(const RefundOptions& options)
{
    m_options = options;
    updateTotal();
}

QString RefundDialog::outcomeText() const
{
    return m_outcome->text();
}

std::vector<TicketId> RefundDialog::checkedTickets(Amount* amount) const
{
    std::vector<TicketId> ids;
    *amount = 0;
    for (int i = 0; i < m_tickets->count(); ++i) {
        const QListWidgetItem* item = m_tickets->item(i);
        if (item->checkState() != Qt::Checked || !(item->flags() & Qt::ItemIsEnabled))
            continue;
        ids.push_back(item->data(kTicketRole).toULongLong());
        *amount += item->data(kAmountRole).toLongLong();
    }
    return ids;
}

void RefundDialog::updateTotal()
{
    Amount amount = 0;
    const std::size_t count = checkedTickets(&amount).size();
    m_total->setText(tr("To refund: %1 for %n ticket(s).", nullptr, static_cast<int>(count))
                         .arg(CashAmount::format(amount, m_order.currency)));
    showSupervisorNeed(m_supervisor, amount, m_options.supervisorAboveAmount, m_order.currency);
}

void RefundDialog::showOutcome(const QString& text, bool error)
{
    m_outcome->setText(text);
    m_outcome->setStyleSheet(error ? QStringLiteral("color: #b00020") : QStringLiteral("color: #1b5e20"));
}

void RefundDialog::refund()
{
    RefundRequest request;
    request.order = m_order.order;
    Amount amount = 0;
    request.tickets = checkedTickets(&amount);
    request.reason = m_reason->text().trimmed().toStdString();
    request.method = static_cast<PaymentMethod>(m_method->currentData().toInt());
    if (request.tickets.empty()) {
        showOutcome(tr("Tick at least one valid ticket."), true);
        m_tickets->setFocus();
        return;
    }
    if (request.reason.empty()) {
        showOutcome(reasonRequiredText(), true);
        m_reason->setFocus();
        return;
    }
    EventShard* shard = m_services.engine->event(m_order.event);
    if (shard == nullptr) {
        showOutcome(AfterSaleText::engine(Status::EventNotFound), true);
        return;
    }
    takeSupervisorCredentials(m_supervisor, &request.supervisorLogin, &request.supervisorPassword);
    const CounterSaleContext context = m_services.saleContext(shard);
    const StaffAccount clerk = m_services.clerk;
    const ShiftId shift = m_services.shift;
    const RefundOptions options = m_options;
    // A sale journaled in the sync outbox (enrolled with usherd): its refund is journaled too,
    // before the engine refunds here, so that it reaches central (docs/design/sync.md).
    SyncClient* client = m_services.sync != nullptr ? m_services.sync->client() : nullptr;
    QString syncProblem;
    m_result = runOffUiThread<RefundResult>(this, [&] {
        SyncClient* journal
            = client != nullptr && !client->saleOpOfLocalOrder(request.order).empty() ? client : nullptr;
        RefundResult result;
        if (!runJournaledRefund(journal, request.order, request.tickets, request.reason, clerk.id, &syncProblem,
                                [&] { result = refundAtCounter(context, clerk, shift, request, options); }))
            result.status = BoxOfficeStatus::StorageFailed;
        return result;
    });
    if (!syncProblem.isEmpty()) {
        //: %1 why the sync outbox could not journal the refund.
        showOutcome(tr("Nothing was refunded: the refund could not be journaled for usherd: %1").arg(syncProblem),
                    true);
        return;
    }
    const QString money = CashAmount::format(m_result.refunded, m_order.currency);
    const int tickets = static_cast<int>(m_result.tickets.size());
    switch (m_result.status) {
    case BoxOfficeStatus::Ok:
        m_done = true;
        m_refund->setEnabled(false);
        showOutcome(
            request.method == PaymentMethod::Cash
                ? tr("Refunded %1 for %n ticket(s): hand %1 in cash to the customer.", nullptr, tickets).arg(money)
                : tr("Refunded %1 for %n ticket(s) back to the card (reference %2).", nullptr, tickets)
                      .arg(money, QString::fromStdString(m_result.terminalReference)),
            false);
        return;
    case BoxOfficeStatus::PaymentDeclined:
        m_done = true;
        m_refund->setEnabled(false);
        m_payCash->show();
        showOutcome(tr("The tickets are refunded, but the card terminal %1 the card refund of %2 (reference %3). "
                       "Pay it in cash instead, or refund it on the terminal by hand.")
                        .arg(AfterSaleText::terminal(m_result.terminal), money,
                             QString::fromStdString(m_result.terminalReference)),
                    true);
        m_payCash->setFocus();
        return;
    case BoxOfficeStatus::PaymentUncertain:
        m_done = true;
        m_refund->setEnabled(false);
        m_askAgain->show();
        showOutcome(tr("The tickets are refunded, but whether the card refund of %1 went through is not known "
                       "(terminal %2, reference %3). Do not pay cash yet: ask the terminal again.")
                        .arg(money, AfterSaleText::terminal(m_result.terminal),
                             QString::fromStdString(m_result.terminalReference)),
                    true);
        m_askAgain->setFocus();
        return;
    default: break;
    }
    showOutcome(AfterSaleText::status(m_result.status, m_result.engineStatus), true);
    focusSupervisorAfter(m_supervisor, m_result.status);
}

bool RefundDialog::recordMoney(PaymentMethod method)
{
    DrawerSale record { m_result.terminalReference, m_order.currency,
                        { DrawerTender { method, m_result.refunded } }, m_result.lines };
    const BoxOfficeStatus status
        = m_services.drawer->recordRefund(m_services.shift, m_services.clerk.id, record, m_services.clock());
    if (status != BoxOfficeStatus::Ok) {
        showOutcome(AfterSaleText::status(status), true);
        return false;
    }
    return true;
}

void RefundDialog::payCashInstead()
{
    if (!recordMoney(PaymentMethod::Cash))
        return;
    m_payCash->hide();
    BoxOfficeDb::Transaction transaction(*m_services.db);
    if (transaction.began()
        && m_services.db->audit(m_services.clock(), m_services.clerk.id, "refund.card_paid_in_cash",
                                m_result.terminalReference + ' ' + formatMoney(m_result.refunded, m_order.currency)))
        transaction.commit();
    showOutcome(tr("Paid in cash instead: hand %1 to the customer.")
                    .arg(CashAmount::format(m_result.refunded, m_order.currency)),
                false);
}

void RefundDialog::askTerminalAgain()
{
    CardTerminal* terminal = m_services.terminal;
    const std::string reference = m_result.terminalReference;
    const TerminalReply reply
        = runOffUiThread<TerminalReply>(this, [terminal, reference] { return terminal->query(reference); });
    m_result.terminal = reply.outcome;
    if (reply.outcome == TerminalOutcome::Approved) {
        if (!recordMoney(PaymentMethod::Card))
            return;
        m_askAgain->hide();
        showOutcome(tr("The terminal confirms the card refund of %1.")
                        .arg(CashAmount::format(m_result.refunded, m_order.currency)),
                    false);
        return;
    }
    if (terminalOutcomeIsFinal(reply.outcome)) {
        m_askAgain->hide();
        m_payCash->show();
        m_payCash->setFocus();
        showOutcome(tr("The terminal says the card refund was %1: pay it in cash instead.")
                        .arg(AfterSaleText::terminal(reply.outcome)),
                    true);
        return;
    }
    showOutcome(tr("Still no answer from the terminal (%1). Try again in a moment.")
                    .arg(AfterSaleText::terminal(reply.outcome)),
                true);
}

} // namespace usher::ui
