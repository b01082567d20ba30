#include "counter/ExchangeDialog.h"

#include "counter/AfterSaleForm.h"
#include "counter/AfterSaleTask.h"
#include "counter/AfterSaleText.h"
#include "counter/ReprintOutput.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QVBoxLayout>

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
    case ExchangeCheck::PriceDiffers: return ExchangeDialog::tr("the seat has another price");
    }
    return {};
}

} // namespace

ExchangeDialog::ExchangeDialog(const CounterServices& services, const OrderDetails& order, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
    , m_order(order)
{
    setObjectName(QStringLiteral("exchangeDialog"));
    setWindowTitle(tr("Exchange seats of order %1").arg(order.number));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Only free seats at the same price are offered: an exchange never takes or gives "
                                "money. For a seat at another price, refund the ticket and sell the new seat."),
                             this);
    intro->setObjectName(QStringLiteral("samePriceLabel"));
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
    m_seats->setAccessibleName(tr("Free seats at the same price"));
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
    auto* close = new QPushButton(tr("Close"), this);
    close->setObjectName(QStringLiteral("closeButton"));
    buttons->addButton(close, QDialogButtonBox::RejectRole);
    // Enter chooses a seat (in the filter and the seat list); it must never press a button as well.
    for (QPushButton* b : { m_choose, m_exchange, m_print, close }) {
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
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setTabOrder(m_tickets, m_filter);
    setTabOrder(m_filter, m_seats);
    setTabOrder(m_seats, m_reason);
    setTabOrder(m_reason, m_output);
    setTabOrder(m_output, m_exchange);
    refreshTicketTexts();
    if (m_tickets->count() == 0) {
        m_outcome->setText(tr("No valid seated ticket in this order to exchange."));
        m_exchange->setEnabled(false);
        m_choose->setEnabled(false);
    } else {
        m_tickets->setCurrentRow(0);
    }
    m_tickets->setFocus();
    resize(760, 520);
}

QString ExchangeDialog::outcomeText() const
{
    return m_outcome->text();
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
                              : tr("%1 → %2").arg(t.place, QString::fromStdString(move->second.label)));
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
                                          item->data(Qt::UserRole).toULongLong(), kCandidatesMax);
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
        auto* seatItem = new QListWidgetItem(label, m_seats);
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
    m_moves[ticket->data(Qt::UserRole).toULongLong()]
        = ExchangeSeat { static_cast<SeatId>(seat->data(Qt::UserRole).toULongLong()), seat->text().toStdString() };
    refreshTicketTexts();
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
    EventShard* shard = m_services.engine->event(m_order.event);
    const CounterSaleContext context = m_services.saleContext(shard);
    const StaffAccount clerk = m_services.clerk;
    const ShiftId shift = m_services.shift;
    m_result = runOffUiThread<ExchangeResult>(this, [&] { return exchangeAtCounter(context, clerk, shift, request); });
    std::vector<IssuedTicket> moved;
    QStringList problems;
    for (const ExchangeOutcome& outcome : m_result.outcomes) {
        if (outcome.ok()) {
            moved.push_back(outcome.ticket);
            continue;
        }
        const auto chosen = m_moves.find(outcome.move.ticket);
        const QString seat = chosen == m_moves.end() ? QString() : QString::fromStdString(chosen->second.label);
        problems << tr("%1: %2").arg(seat,
                                     outcome.check != ExchangeCheck::Ok ? checkText(outcome.check)
                                                                        : AfterSaleText::engine(outcome.engineStatus));
    }
    if (m_result.outcomes.empty()) {
        m_outcome->setText(AfterSaleText::status(m_result.status));
        return;
    }
    if (!moved.empty()) {
        m_done = true;
        m_exchange->setEnabled(false);
        m_choose->setEnabled(false);
        m_contents = ReprintOutput::contents(shard->spec(), moved, m_order.order);
        m_print->setEnabled(true);
    }
    QString text = moved.empty() ? tr("Nothing was exchanged.")
                                 : tr("%n ticket(s) moved, with new codes: print or save them (Alt+P).", nullptr,
                                      static_cast<int>(moved.size()));
    if (!problems.isEmpty())
        text += QLatin1Char(' ') + tr("Not possible: %1.").arg(problems.join(QStringLiteral("; ")));
    m_outcome->setText(text);
    if (!moved.empty())
        m_print->setFocus();
    else
        loadCandidates();
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
