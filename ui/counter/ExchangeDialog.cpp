#include "counter/ExchangeDialog.h"

#include "counter/AfterSaleForm.h"
#include "counter/AfterSaleTask.h"
#include "counter/AfterSaleText.h"
#include "counter/CounterMoney.h"
#include "counter/ReprintOutput.h"
#include "sync/SyncUi.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>
#include <cstdlib>
#include <utility>

namespace usher::ui {

namespace {

QString checkText(ExchangeCheck check)
{
    switch (check) {
    case ExchangeCheck::Ok: return {};
    case ExchangeCheck::TicketNotFound: return ExchangeDialog::tr("the ticket is not part of the order");
    case ExchangeCheck::TicketNotValid: return ExchangeDialog::tr("the ticket is no longer valid");
    case ExchangeCheck::GeneralAdmission: return ExchangeDialog::tr("a standing ticket has no seat to exchange");
    case ExchangeCheck::SeatNotFound: return ExchangeDialog::tr("no such seat");
    case ExchangeCheck::SameSeat: return ExchangeDialog::tr("that is the ticket's own seat");
    case ExchangeCheck::SeatUnavailable: return ExchangeDialog::tr("the seat was taken in the meantime");
    case ExchangeCheck::PriceTypeNotOffered:
        return ExchangeDialog::tr("the ticket's price type is not sold in that seat's category");
    }
    return {};
}

// "+20.00 EUR", "−5.00 EUR", "same price".
QString signedMoney(Amount amount, const std::string& currency)
{
    if (amount == 0)
        return ExchangeDialog::tr("same price");
    return (amount > 0 ? QStringLiteral("+") : QString(QChar(0x2212))) + counterMoney(std::abs(amount), currency);
}

} // namespace

ExchangeDialog::ExchangeDialog(const CounterServices& services, const OrderDetails& order, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
    , m_order(order)
{
    setObjectName(QStringLiteral("exchangeDialog"));
    // A sale journaled in the sync outbox moves only within this box office's allocation, journaled.
    SyncClient* client = m_services.sync != nullptr ? m_services.sync->client() : nullptr;
    m_synced = client != nullptr && !client->saleOpOfLocalOrder(m_order.order).empty();
    setWindowTitle(tr("Exchange seats of order %1").arg(order.number));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Each free seat shows what it costs more (+) or less (−) for the ticket's price "
                                "type. The customer pays the difference, or gets it back, in cash or by card."),
                             this);
    intro->setObjectName(QStringLiteral("introLabel"));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* grid = new QGridLayout;
    auto* ticketsLabel = new QLabel(tr("&Tickets:"), this);
    m_tickets = new QListWidget(this);
    m_tickets->setObjectName(QStringLiteral("ticketsListWidget"));
    ticketsLabel->setBuddy(m_tickets);
    for (const OrderTicketInfo& t : order.tickets) {
        if (!t.valid || t.seat == 0)
            continue;
        auto* item = new QListWidgetItem(m_tickets);
        item->setData(Qt::UserRole, QVariant::fromValue<qulonglong>(t.id));
    }
    grid->addWidget(ticketsLabel, 0, 0);
    grid->addWidget(m_tickets, 1, 0, 2, 1);
    auto* filterLabel = new QLabel(tr("New &seat (type to filter):"), this);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("seatFilterEdit"));
    m_filter->setPlaceholderText(tr("e.g. row B 7"));
    filterLabel->setBuddy(m_filter);
    m_seats = new QListWidget(this);
    m_seats->setObjectName(QStringLiteral("seatsListWidget"));
    m_seats->setAccessibleName(tr("Free seats, with the difference in price"));
    grid->addWidget(filterLabel, 0, 1);
    grid->addWidget(m_filter, 1, 1);
    grid->addWidget(m_seats, 2, 1);
    layout->addLayout(grid, 1);
    auto* form = new QFormLayout;
    m_reason = addReasonRow(form, this, tr("Required, e.g. wants an aisle seat"), &m_outcome);
    m_output = new QComboBox(this);
    m_output->setObjectName(QStringLiteral("outputComboBox"));
    m_output->addItem(tr("Print the new tickets (thermal)"));
    m_output->addItem(tr("Save the new tickets as PDF (A4)"));
    auto* outputLabel = new QLabel(tr("&Output:"), this);
    outputLabel->setBuddy(m_output);
    form->addRow(outputLabel, m_output);
    m_differenceLabel = new QLabel(this);
    m_differenceLabel->setObjectName(QStringLiteral("differenceLabel"));
    form->addRow(tr("Difference:"), m_differenceLabel);
    m_method = new QComboBox(this);
    m_method->setObjectName(QStringLiteral("paymentMethodComboBox"));
    m_method->addItem(QString(), QVariant::fromValue(static_cast<int>(PaymentMethod::Cash)));
    m_method->addItem(QString(), QVariant::fromValue(static_cast<int>(PaymentMethod::Card)));
    auto* methodLabel = new QLabel(tr("Pa&yment:"), this);
    methodLabel->setBuddy(m_method);
    form->addRow(methodLabel, m_method);
    m_tendered = new QLineEdit(this);
    m_tendered->setObjectName(QStringLiteral("tenderedEdit"));
    auto* tenderedLabel = new QLabel(tr("Cash &handed over:"), this);
    tenderedLabel->setBuddy(m_tendered);
    m_change = new QLabel(this);
    m_change->setObjectName(QStringLiteral("changeLabel"));
    auto* tenderedRow = new QHBoxLayout;
    tenderedRow->addWidget(m_tendered);
    tenderedRow->addWidget(m_change, 1);
    form->addRow(tenderedLabel, tenderedRow);
    m_supervisor = addSupervisorRows(form, this, tr("Super&visor login:"));
    layout->addLayout(form);
    m_outcome = addOutcomeLabel(layout, this);
    auto* buttons = new QDialogButtonBox(this);
    m_choose = new QPushButton(tr("&Choose seat"), this);
    m_choose->setObjectName(QStringLiteral("chooseSeatButton"));
    buttons->addButton(m_choose, QDialogButtonBox::ActionRole);
    m_exchange = new QPushButton(tr("E&xchange"), this);
    m_exchange->setObjectName(QStringLiteral("exchangeButton"));
    buttons->addButton(m_exchange, QDialogButtonBox::ActionRole);
    m_print = new QPushButton(tr("&Print / save tickets"), this);
    m_print->setObjectName(QStringLiteral("printTicketsButton"));
    m_print->setEnabled(false);
    buttons->addButton(m_print, QDialogButtonBox::ActionRole);
    m_payCash = new QPushButton(tr("Pay in c&ash instead"), this);
    m_payCash->setObjectName(QStringLiteral("payCashInsteadButton"));
    m_payCash->hide(); // outside the button box, which shows its buttons when it lays them out
    layout->addWidget(m_payCash, 0, Qt::AlignRight);
    m_cancelCard = new QPushButton(tr("Cancel card payment (Esc)"), this);
    m_cancelCard->setObjectName(QStringLiteral("cancelCardButton"));
    m_cancelCard->setToolTip(tr("Asks the terminal to cancel while the customer is at the keypad. Nothing is "
                                "charged and no seat moves unless the customer had already paid."));
    m_cancelCard->hide();
    layout->addWidget(m_cancelCard, 0, Qt::AlignRight);
    auto* close = new QPushButton(tr("Close"), this);
    close->setObjectName(QStringLiteral("closeButton"));
    buttons->addButton(close, QDialogButtonBox::RejectRole);
    // Enter chooses a seat (in the filter and the seat list); it must never press a button as well.
    for (QPushButton* b : { m_choose, m_exchange, m_print, m_payCash, m_cancelCard, close }) {
        b->setAutoDefault(false);
        b->setDefault(false);
    }
    layout->addWidget(buttons);
    connect(m_tickets, &QListWidget::currentRowChanged, this, &ExchangeDialog::loadCandidates);
    connect(m_filter, &QLineEdit::textChanged, this, &ExchangeDialog::filterCandidates);
    connect(m_filter, &QLineEdit::returnPressed, this, &ExchangeDialog::chooseSeat);
    connect(m_seats, &QListWidget::itemActivated, this, &ExchangeDialog::chooseSeat);
    connect(m_choose, &QPushButton::clicked, this, &ExchangeDialog::chooseSeat);
    connect(m_exchange, &QPushButton::clicked, this, &ExchangeDialog::exchange);
    connect(m_print, &QPushButton::clicked, this, &ExchangeDialog::output);
    connect(m_payCash, &QPushButton::clicked, this, &ExchangeDialog::payCashInstead);
    connect(m_cancelCard, &QPushButton::clicked, this, &ExchangeDialog::cancelCardPayment);
    connect(m_method, &QComboBox::currentIndexChanged, this, &ExchangeDialog::updateDifference);
    connect(m_tendered, &QLineEdit::textChanged, this, &ExchangeDialog::updateChange);
    connect(m_tendered, &QLineEdit::returnPressed, this, &ExchangeDialog::exchange);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setTabOrder(m_tickets, m_filter);
    setTabOrder(m_filter, m_seats);
    setTabOrder(m_seats, m_reason);
    setTabOrder(m_reason, m_output);
    setTabOrder(m_output, m_method);
    setTabOrder(m_method, m_tendered);
    setTabOrder(m_tendered, m_supervisor.login);
    setTabOrder(m_supervisor.login, m_supervisor.password);
    setTabOrder(m_supervisor.password, m_exchange);
    refreshTicketTexts();
    updateDifference();
    if (m_tickets->count() == 0) {
        m_outcome->setText(tr("No valid seated ticket in this order to exchange."));
        m_exchange->setEnabled(false);
        m_choose->setEnabled(false);
    } else {
        m_tickets->setCurrentRow(0);
    }
    m_tickets->setFocus();
    resize(760, 600);
}

ExchangeDialog::~ExchangeDialog()
{
    for (QThread* thread : { m_cardThread, m_cancelThread }) {
        if (thread != nullptr) {
            thread->wait(); // bounded by the terminal's time limits; the jobs never touch the dialog
            delete thread;
        }
    }
}

void ExchangeDialog::setRefundOptions(const RefundOptions& options)
{
    m_options = options;
    updateDifference();
}

QString ExchangeDialog::outcomeText() const
{
    return m_outcome->text();
}

QString ExchangeDialog::cardReference() const
{
    return m_cardCancel != nullptr ? QString::fromStdString(m_cardCancel->inFlight()) : QString();
}

void ExchangeDialog::reject()
{
    if (m_cardWaiting) {
        cancelCardPayment(); // the customer is at the keypad: the dialog cannot go away now
        return;
    }
    QDialog::reject();
}

void ExchangeDialog::refreshTicketTexts()
{
    for (int i = 0; i < m_tickets->count(); ++i) {
        QListWidgetItem* item = m_tickets->item(i);
        const TicketId id = item->data(Qt::UserRole).toULongLong();
        for (const OrderTicketInfo& t : m_order.tickets) {
            if (t.id != id)
                continue;
            const auto move = m_moves.find(id);
            item->setText(move == m_moves.end()
                              ? tr("%1 · %2 · %3").arg(t.place, t.priceType, t.amountText)
                              //: %1 the old seat, %2 the new one, %3 the difference in price.
                              : tr("%1 → %2 (%3)")
                                    .arg(t.place, QString::fromStdString(move->second.label),
                                         signedMoney(move->second.difference, m_order.currency)));
        }
    }
}

void ExchangeDialog::loadCandidates()
{
    const QListWidgetItem* item = m_tickets->currentItem();
    EventShard* shard = m_services.engine->event(m_order.event);
    m_candidates.clear();
    if (item != nullptr && shard != nullptr)
        m_candidates = exchangeCandidates(*shard, m_services.channel, m_order.order,
                                          item->data(Qt::UserRole).toULongLong(), kCandidatesMax, m_synced);
    filterCandidates();
}

void ExchangeDialog::filterCandidates()
{
    static const QRegularExpression separators(QStringLiteral("[^\\w]+"));
    const QStringList wanted = m_filter->text().toLower().split(separators, Qt::SkipEmptyParts);
    m_seats->clear();
    for (const ExchangeSeat& seat : m_candidates) {
        const QString label = QString::fromStdString(seat.label);
        const QStringList have = label.toLower().split(separators, Qt::SkipEmptyParts);
        bool match = true;
        for (const QString& w : wanted)
            match = match && have.contains(w);
        bool taken = false;
        for (const auto& [ticket, chosen] : m_moves)
            taken = taken || chosen.seat == seat.seat;
        if (!match || taken)
            continue;
        //: %1 is a seat, %2 the difference in price (+12.00 EUR, −5.00 EUR or ±0).
        auto* seatItem = new QListWidgetItem(tr("%1 · %2").arg(label, signedMoney(seat.difference, m_order.currency)),
                                             m_seats);
        seatItem->setData(Qt::UserRole, QVariant::fromValue<qulonglong>(seat.seat));
    }
    m_seats->setCurrentRow(0);
}

void ExchangeDialog::chooseSeat()
{
    const QListWidgetItem* ticket = m_tickets->currentItem();
    const QListWidgetItem* seat = m_seats->currentItem();
    if (ticket == nullptr || seat == nullptr) {
        m_outcome->setText(tr("Pick a ticket and a free seat first."));
        return;
    }
    const auto chosen = static_cast<SeatId>(seat->data(Qt::UserRole).toULongLong());
    const auto candidate = std::find_if(m_candidates.begin(), m_candidates.end(),
                                        [chosen](const ExchangeSeat& c) { return c.seat == chosen; });
    if (candidate == m_candidates.end())
        return;
    m_moves[ticket->data(Qt::UserRole).toULongLong()] = *candidate;
    refreshTicketTexts();
    updateDifference();
    m_outcome->setText(tr("%n ticket(s) to move. Give a reason and press Exchange (Alt+X).", nullptr,
                          static_cast<int>(m_moves.size())));
    m_filter->clear();
    if (m_tickets->currentRow() + 1 < m_tickets->count()) {
        m_tickets->setCurrentRow(m_tickets->currentRow() + 1);
        m_tickets->setFocus();
    } else {
        m_reason->setFocus();
    }
}

void ExchangeDialog::updateDifference()
{
    std::vector<ExchangeMove> moves;
    for (const auto& [ticket, seat] : m_moves)
        moves.push_back(ExchangeMove { ticket, seat.seat });
    EventShard* shard = m_services.engine->event(m_order.event);
    m_difference = 0;
    if (!moves.empty() && shard != nullptr)
        m_difference = quoteExchange(*shard, m_services.channel, m_order.order, moves).difference;
    const QString amount = counterMoney(std::abs(m_difference), m_order.currency);
    if (m_difference > 0) {
        m_differenceLabel->setText(tr("The customer pays %1 more.").arg(amount));
        m_method->setItemText(0, tr("Cash (with change)"));
        m_method->setItemText(1, tr("Card"));
    } else if (m_difference < 0) {
        m_differenceLabel->setText(tr("The customer gets %1 back.").arg(amount));
        m_method->setItemText(0, tr("Cash from the drawer"));
        m_method->setItemText(1, tr("Back to the card of the sale"));
    } else {
        m_differenceLabel->setText(moves.empty() ? QString() : tr("The same price: no money changes hands."));
        m_method->setItemText(0, tr("Cash"));
        m_method->setItemText(1, tr("Card"));
    }
    m_method->setEnabled(m_difference != 0);
    const bool cashIn = m_difference > 0 && m_method->currentIndex() == 0;
    m_tendered->setEnabled(cashIn);
    m_tendered->setPlaceholderText(cashIn ? counterMoneyPlain(m_difference, m_order.currency) : QString());
    if (!cashIn)
        m_tendered->clear();
    showSupervisorNeed(m_supervisor, m_difference < 0 ? -m_difference : 0, m_options.supervisorAboveAmount,
                       m_order.currency);
    updateChange();
}

void ExchangeDialog::updateChange()
{
    Amount tendered = 0;
    if (!m_tendered->isEnabled() || m_tendered->text().trimmed().isEmpty()
        || !parseCounterMoney(m_tendered->text(), m_order.currency, &tendered) || tendered < m_difference) {
        m_change->clear();
        return;
    }
    //: %1 is an amount of money.
    m_change->setText(tr("Change: %1").arg(counterMoney(tendered - m_difference, m_order.currency)));
}

void ExchangeDialog::exchange()
{
    ExchangeRequest request;
    request.order = m_order.order;
    request.reason = m_reason->text().trimmed().toStdString();
    for (const auto& [ticket, seat] : m_moves)
        request.moves.push_back(ExchangeMove { ticket, seat.seat });
    if (request.moves.empty()) {
        m_outcome->setText(tr("Choose a new seat for at least one ticket first."));
        m_tickets->setFocus();
        return;
    }
    if (request.reason.empty()) {
        m_outcome->setText(reasonRequiredText());
        m_reason->setFocus();
        return;
    }
    request.method = static_cast<PaymentMethod>(m_method->currentData().toInt());
    request.expectedDifference = m_difference;
    if (m_tendered->isEnabled() && !m_tendered->text().trimmed().isEmpty()
        && (!parseCounterMoney(m_tendered->text(), m_order.currency, &request.tendered)
            || request.tendered < m_difference)) {
        m_outcome->setText(tr("The cash handed over must cover the difference, %1.")
                               .arg(counterMoney(m_difference, m_order.currency)));
        m_tendered->setFocus();
        m_tendered->selectAll();
        return;
    }
    takeSupervisorCredentials(m_supervisor, &request.supervisorLogin, &request.supervisorPassword);
    // A sale journaled in the sync outbox: its moves are journaled there too, right before the
    // engine makes them, so that they reach usherd (docs/design/sync.md, "The counter's sales").
    if (m_synced)
        journalExchangeWith(m_services.sync->client(), m_services.clerk.id, &request);
    if (m_difference > 0 && request.method == PaymentMethod::Card) {
        startCardExchange(request); // the clerk may cancel it: the dialog keeps taking keys
        return;
    }
    EventShard* shard = m_services.engine->event(m_order.event);
    const CounterSaleContext context = m_services.saleContext(shard);
    const StaffAccount clerk = m_services.clerk;
    const ShiftId shift = m_services.shift;
    const RefundOptions options = m_options;
    m_result = runOffUiThread<ExchangeResult>(
        this, [&] { return exchangeAtCounter(context, clerk, shift, request, options); });
    afterExchange();
}

void ExchangeDialog::startCardExchange(const ExchangeRequest& request)
{
    const CounterSaleContext context = m_services.saleContext(m_services.engine->event(m_order.event));
    const StaffAccount clerk = m_services.clerk;
    const ShiftId shift = m_services.shift;
    const RefundOptions options = m_options;
    m_cardCancel = std::make_shared<CardPaymentCancel>(); // one per attempt
    m_cardResult = std::make_shared<ExchangeResult>();
    m_cardDone = false;
    m_cancelDone = false;
    // The job owns copies of everything it uses, never the dialog.
    m_cardThread
        = QThread::create([context, clerk, shift, request, options, cancel = m_cardCancel, result = m_cardResult] {
              *result = exchangeAtCounter(context, clerk, shift, request, options, cancel.get());
          });
    connect(m_cardThread, &QThread::finished, this, [this] {
        m_cardDone = true;
        finishCardExchange();
    });
    setCardWaiting(true);
    m_outcome->setText(tr("Waiting for the card terminal: the customer pays there… (Esc cancels)"));
    m_cardThread->start();
}

// Greys out the dialog but for the cancel button and the outcome while the terminal waits.
void ExchangeDialog::setCardWaiting(bool waiting)
{
    m_cardWaiting = waiting;
    if (waiting) {
        m_disabledWhileWaiting.clear();
        for (QWidget* w : findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
            if (w != m_cancelCard && w != m_outcome && w->isEnabled()) {
                w->setEnabled(false);
                m_disabledWhileWaiting << w;
            }
        }
        m_cancelCard->setEnabled(true);
        m_cancelCard->show();
        m_cancelCard->setFocus();
        return;
    }
    m_cancelCard->hide();
    for (QWidget* w : std::as_const(m_disabledWhileWaiting))
        w->setEnabled(true);
    m_disabledWhileWaiting.clear();
}

void ExchangeDialog::cancelCardPayment()
{
    if (!m_cardWaiting || m_cancelThread != nullptr)
        return;
    m_cancelCard->setEnabled(false);
    m_outcome->setText(tr("Cancelling the card payment: waiting for the terminal's answer…"));
    // The charge waits on the terminal; the cancel goes out beside it. Whatever the terminal answers,
    // the exchange ends with the charge's final state.
    CardTerminal* terminal = m_services.terminal;
    m_cancelThread = QThread::create([cancel = m_cardCancel, terminal] { cancel->cancel(terminal); });
    connect(m_cancelThread, &QThread::finished, this, [this] {
        m_cancelDone = true;
        finishCardExchange();
    });
    m_cancelThread->start();
}

// Once the charge (and a cancel sent beside it) are over: the outcome, as for any exchange.
void ExchangeDialog::finishCardExchange()
{
    if (!m_cardDone || (m_cancelThread != nullptr && !m_cancelDone))
        return;
    for (QThread** thread : { &m_cardThread, &m_cancelThread }) {
        if (*thread != nullptr) {
            (*thread)->wait();
            delete *thread;
            *thread = nullptr;
        }
    }
    const bool cancelRequested = m_cardCancel->requested();
    m_result = *m_cardResult;
    setCardWaiting(false);
    afterExchange();
    if (!m_done)
        m_method->setFocus(); // take cash, or try the card again
    if (cancelRequested && m_result.terminal == TerminalOutcome::Cancelled)
        m_outcome->setText(tr("Card payment cancelled: nothing was charged and no seat moved. Take cash or try "
                              "the card again."));
    else if (cancelRequested && m_result.terminal == TerminalOutcome::Approved)
        m_outcome->setText(tr("Too late to cancel: the customer had already paid by card.") + QLatin1Char(' ')
                           + m_outcome->text());
}

void ExchangeDialog::afterExchange()
{
    EventShard* shard = m_services.engine->event(m_order.event);
    std::vector<IssuedTicket> moved;
    QStringList problems;
    for (const ExchangeOutcome& outcome : m_result.outcomes) {
        if (outcome.ok()) {
            moved.push_back(outcome.ticket);
            continue;
        }
        const auto chosen = m_moves.find(outcome.move.ticket);
        const QString seat = chosen == m_moves.end() ? QString() : QString::fromStdString(chosen->second.label);
        if (outcome.check != ExchangeCheck::Ok || outcome.engineStatus != Status::Ok)
            problems << tr("%1: %2").arg(seat, outcome.check != ExchangeCheck::Ok
                                                   ? checkText(outcome.check)
                                                   : AfterSaleText::engine(outcome.engineStatus));
    }
    if (moved.empty() && !m_result.journalProblem.empty()) {
        //: %1 why the sync outbox could not journal the exchange.
        m_outcome->setText(tr("Nothing was moved: the exchange could not be journaled for usherd: %1")
                               .arg(QString::fromStdString(m_result.journalProblem)));
        return;
    }
    if (moved.empty()) {
        QString text = m_result.status == BoxOfficeStatus::WrongState
            ? tr("A price changed since the difference was shown: check it and exchange again.")
            : m_result.terminal != TerminalOutcome::Unknown && m_result.status != BoxOfficeStatus::Ok
            ? tr("The card payment did not go through (%1): nothing was moved. Take cash or another card.")
                  .arg(AfterSaleText::terminal(m_result.terminal))
            : AfterSaleText::status(m_result.status);
        if (!problems.isEmpty())
            text += QLatin1Char(' ') + tr("Not possible: %1.").arg(problems.join(QStringLiteral("; ")));
        m_outcome->setText(text);
        loadCandidates();
        updateDifference();
        focusSupervisorAfter(m_supervisor, m_result.status);
        return;
    }
    m_done = true;
    m_exchange->setEnabled(false);
    m_choose->setEnabled(false);
    m_method->setEnabled(false);
    m_tendered->setEnabled(false);
    m_contents = ReprintOutput::contents(shard->spec(), moved, m_order.order);
    m_print->setEnabled(true);
    QString text = tr("%n ticket(s) moved, with new codes: print or save them (Alt+P).", nullptr,
                      static_cast<int>(moved.size()));
    if (!problems.isEmpty())
        text += QLatin1Char(' ') + tr("Not possible: %1.").arg(problems.join(QStringLiteral("; ")));
    m_outcome->setText(text + QLatin1Char(' ') + moneyText());
    m_payCash->setVisible(m_result.outstanding > 0 && m_result.status == BoxOfficeStatus::PaymentDeclined);
    if (m_payCash->isVisible())
        m_payCash->setFocus();
    else
        m_print->setFocus();
}

// What happened to the money, for the outcome label.
QString ExchangeDialog::moneyText() const
{
    const Amount difference = m_result.difference;
    const QString amount = counterMoney(std::abs(difference), m_order.currency);
    const QString reference = QString::fromStdString(m_result.terminalReference);
    if (m_result.outstanding > 0) {
        const QString owed = counterMoney(m_result.outstanding, m_order.currency);
        return m_result.status == BoxOfficeStatus::PaymentDeclined
            ? tr("The terminal declined giving %1 back to the card (reference %2): pay it in cash instead "
                 "(Alt+A).").arg(owed, reference)
            : tr("The terminal's answer about giving %1 back to the card is unknown (reference %2): do not pay "
                 "cash; check the terminal.").arg(owed, reference);
    }
    if (m_result.stillDue > 0)
        return tr("The customer still owes %1: a move that lowered the price was refused.")
            .arg(counterMoney(m_result.stillDue, m_order.currency));
    if (difference > 0 && m_result.method == PaymentMethod::Cash)
        return m_result.change > 0
            ? tr("%1 taken in cash. Change due: %2.").arg(amount, counterMoney(m_result.change, m_order.currency))
            : tr("%1 taken in cash.").arg(amount);
    if (difference > 0)
        //: %1 is an amount, %2 the terminal's authorisation code.
        return tr("Card approved: %1 (auth. %2).").arg(amount, QString::fromStdString(m_result.authCode));
    if (difference < 0 && m_result.method == PaymentMethod::Cash)
        return tr("Hand %1 to the customer from the drawer.").arg(amount);
    if (difference < 0)
        return tr("%1 refunded to the card.").arg(amount);
    return tr("No money changed hands.");
}

void ExchangeDialog::payCashInstead()
{
    const CounterSaleContext context = m_services.saleContext(m_services.engine->event(m_order.event));
    const Amount owed = m_result.outstanding;
    const BoxOfficeStatus status = settleExchangeInCash(context, m_services.clerk, m_services.shift, &m_result);
    if (status != BoxOfficeStatus::Ok) {
        m_outcome->setText(AfterSaleText::status(status));
        return;
    }
    m_payCash->hide();
    m_outcome->setText(tr("Paid in cash instead: hand %1 to the customer.")
                           .arg(counterMoney(owed, m_order.currency)));
    m_print->setFocus();
}

void ExchangeDialog::output()
{
    bool ok = false;
    const bool pdf = m_output->currentIndex() == 1;
    const QString text = pdf ? ReprintOutput::savePdf(this, m_contents, TicketLayout::A4,
                                                      QStringLiteral("tickets-%1.pdf").arg(m_order.number), &ok)
                             : ReprintOutput::print(this, m_contents, TicketLayout::Thermal, &ok);
    if (!text.isEmpty())
        m_outcome->setText(text);
}

} // namespace usher::ui
