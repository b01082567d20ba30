#include "counter/OrderDialog.h"

#include "counter/AfterSaleTask.h"
#include "counter/CashAmount.h"
#include "counter/ExchangeDialog.h"
#include "counter/RefundDialog.h"
#include "counter/ReprintDialog.h"
#include "counter/VoidDialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace usher::ui {

namespace {

QTreeWidget* makeTree(QWidget* parent, const QString& name, const QStringList& headers)
{
    auto* tree = new QTreeWidget(parent);
    tree->setObjectName(name);
    tree->setHeaderLabels(headers);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setAllColumnsShowFocus(true);
    tree->header()->setStretchLastSection(false);
    tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return tree;
}

} // namespace

OrderDialog::OrderDialog(const CounterServices& services, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
{
    setObjectName(QStringLiteral("orderDialog"));
    setWindowTitle(tr("Find an order"));
    auto* layout = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    auto* findLabel = new QLabel(tr("&Find:"), this);
    m_query = new QLineEdit(this);
    m_query->setObjectName(QStringLiteral("queryEdit"));
    m_query->setPlaceholderText(tr("Order number, ticket code, buyer name, seat or payment reference"));
    m_query->setClearButtonEnabled(true);
    m_query->installEventFilter(this);
    findLabel->setBuddy(m_query);
    auto* go = new QPushButton(tr("&Search"), this);
    go->setObjectName(QStringLiteral("searchButton"));
    go->setAutoDefault(false);
    row->addWidget(findLabel);
    row->addWidget(m_query, 1);
    row->addWidget(go);
    layout->addLayout(row);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_results = makeTree(splitter, QStringLiteral("resultsTreeWidget"),
                         { tr("Order"), tr("Event"), tr("Buyer"), tr("Tickets"), tr("Amount"), tr("Found by") });
    m_results->setAccessibleName(tr("Orders found"));
    auto* details = new QWidget(splitter);
    auto* detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    m_header = new QLabel(details);
    m_header->setObjectName(QStringLiteral("orderHeaderLabel"));
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detailsLayout->addWidget(m_header);
    m_tickets = makeTree(details, QStringLiteral("ticketsTreeWidget"),
                         { tr("Seat"), tr("Category"), tr("Price type"), tr("Amount"), tr("Code"), tr("State") });
    m_tickets->setAccessibleName(tr("Tickets of the order"));
    detailsLayout->addWidget(m_tickets, 2);
    m_payments = makeTree(details, QStringLiteral("paymentsTreeWidget"),
                          { tr("Payment"), tr("Amount"), tr("Reference"), tr("State") });
    m_payments->setAccessibleName(tr("Payments of the order"));
    detailsLayout->addWidget(m_payments, 1);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    auto* buttons = new QDialogButtonBox(this);
    m_refund = new QPushButton(tr("&Refund…"), this);
    m_refund->setObjectName(QStringLiteral("refundButton"));
    m_exchange = new QPushButton(tr("E&xchange…"), this);
    m_exchange->setObjectName(QStringLiteral("exchangeButton"));
    m_void = new QPushButton(tr("&Void…"), this);
    m_void->setObjectName(QStringLiteral("voidButton"));
    m_reprint = new QPushButton(tr("Re&print…"), this);
    m_reprint->setObjectName(QStringLiteral("reprintButton"));
    auto* close = new QPushButton(tr("Close"), this);
    close->setObjectName(QStringLiteral("closeButton"));
    for (QPushButton* b : { m_refund, m_exchange, m_void, m_reprint }) {
        b->setAutoDefault(false);
        buttons->addButton(b, QDialogButtonBox::ActionRole);
    }
    close->setAutoDefault(false);
    buttons->addButton(close, QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);

    connect(go, &QPushButton::clicked, this, &OrderDialog::runSearch);
    connect(m_query, &QLineEdit::returnPressed, this, &OrderDialog::runSearch);
    connect(m_results, &QTreeWidget::currentItemChanged, this, &OrderDialog::selectHit);
    connect(m_refund, &QPushButton::clicked, this, &OrderDialog::refund);
    connect(m_exchange, &QPushButton::clicked, this, &OrderDialog::exchange);
    connect(m_void, &QPushButton::clicked, this, &OrderDialog::voidOrder);
    connect(m_reprint, &QPushButton::clicked, this, &OrderDialog::reprint);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setTabOrder(m_query, go);
    setTabOrder(go, m_results);
    setTabOrder(m_results, m_tickets);
    setTabOrder(m_tickets, m_payments);
    setTabOrder(m_payments, m_refund);
    setTabOrder(m_refund, m_exchange);
    setTabOrder(m_exchange, m_void);
    setTabOrder(m_void, m_reprint);
    setTabOrder(m_reprint, close);
    fillDetails();
    m_query->setFocus();
    resize(900, 640);
}

QString OrderDialog::messageText() const
{
    return m_message->text();
}

bool OrderDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_query && event->type() == QEvent::KeyPress && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Down
        && m_results->topLevelItemCount() > 0) {
        m_results->setFocus();
        if (m_results->currentItem() == nullptr)
            m_results->setCurrentItem(m_results->topLevelItem(0));
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

void OrderDialog::search(const QString& query)
{
    m_query->setText(query);
    runSearch();
}

void OrderDialog::runSearch()
{
    const QString query = m_query->text().trimmed();
    if (query.isEmpty()) {
        m_message->setText(tr("Type an order number, a ticket code, a name, a seat or a payment reference."));
        return;
    }
    const CounterServices& services = m_services;
    m_hits = runOffUiThread<std::vector<OrderHit>>(this,
                                                   [&services, query] { return OrderSearch::find(services, query); });
    m_results->clear();
    for (const OrderHit& hit : m_hits) {
        auto* item = new QTreeWidgetItem(
            m_results,
            { hit.number, hit.eventName, hit.buyer, QLocale().toString(hit.tickets), hit.amount, hit.matchedBy });
        item->setTextAlignment(3, Qt::AlignRight);
        item->setTextAlignment(4, Qt::AlignRight);
    }
    if (m_hits.empty()) {
        m_message->setText(tr("No order found for “%1”.").arg(query));
        m_details = OrderDetails {};
        fillDetails();
        return;
    }
    m_message->setText(m_hits.size() >= OrderSearch::kHitsMax
                           ? tr("The first %n orders found; type more to narrow the search.", nullptr,
                                int(m_hits.size()))
                           : tr("%n order(s) found. Down: to the list.", nullptr, static_cast<int>(m_hits.size())));
    m_results->setCurrentItem(m_results->topLevelItem(0));
    if (m_hits.size() == 1)
        m_results->setFocus();
}

void OrderDialog::selectHit()
{
    const int row = m_results->indexOfTopLevelItem(m_results->currentItem());
    if (row < 0 || static_cast<std::size_t>(row) >= m_hits.size())
        return;
    showOrder(m_hits[static_cast<std::size_t>(row)].event, m_hits[static_cast<std::size_t>(row)].order);
}

void OrderDialog::showOrder(EventId event, OrderId order)
{
    const CounterServices& services = m_services;
    m_details = runOffUiThread<OrderDetails>(
        this, [&services, event, order] { return OrderSearch::details(services, event, order); });
    fillDetails();
}

void OrderDialog::reload()
{
    if (m_details.found)
        showOrder(m_details.event, m_details.order);
}

void OrderDialog::fillDetails()
{
    const OrderDetails& d = m_details;
    m_tickets->clear();
    m_payments->clear();
    for (QPushButton* b : { m_refund, m_exchange, m_void, m_reprint })
        b->setEnabled(d.found && d.validTickets() > 0 && m_services.shift != 0);
    if (!d.found) {
        m_header->setText(tr("No order selected."));
        return;
    }
    QString header = tr("<b>Order %1</b> · %2 · %3 · sold %4 through %5")
                         .arg(d.number.toHtmlEscaped(), d.eventName.toHtmlEscaped(),
                              d.buyerName.isEmpty() ? tr("no buyer name") : d.buyerName.toHtmlEscaped(),
                              d.created.toHtmlEscaped(), d.channel.toHtmlEscaped());
    if (!d.buyerEmail.isEmpty() || !d.buyerPhone.isEmpty())
        header += QStringLiteral("<br>")
            + QStringList({ d.buyerEmail, d.buyerPhone }).join(QStringLiteral("  ")).toHtmlEscaped();
    header += QStringLiteral("<br>")
        + tr("Total %1 · refunded %2 · %3 of %n ticket(s) valid", nullptr, static_cast<int>(d.tickets.size()))
              .arg(CashAmount::format(d.amount, d.currency), CashAmount::format(d.refunded, d.currency))
              .arg(d.validTickets());
    m_header->setText(header);
    for (const OrderTicketInfo& t : d.tickets) {
        auto* item
            = new QTreeWidgetItem(m_tickets, { t.place, t.category, t.priceType, t.amountText, t.code, t.state });
        item->setTextAlignment(3, Qt::AlignRight);
        if (!t.valid)
            item->setForeground(5, QColor(0xb0, 0x00, 0x20));
    }
    for (const OrderPaymentInfo& p : d.payments) {
        auto* item = new QTreeWidgetItem(m_payments, { p.method, p.amount, p.reference, p.state });
        item->setTextAlignment(1, Qt::AlignRight);
    }
    if (d.payments.isEmpty())
        new QTreeWidgetItem(m_payments, { tr("No payment recorded here") });
    if (m_services.shift == 0)
        m_message->setText(tr("Open a shift to refund, exchange, void or reprint."));
}

void OrderDialog::refund()
{
    if (!m_details.found)
        return;
    RefundDialog dialog(m_services, m_details, this);
    dialog.exec();
    reload();
}

void OrderDialog::exchange()
{
    if (!m_details.found)
        return;
    ExchangeDialog dialog(m_services, m_details, this);
    dialog.exec();
    reload();
}

void OrderDialog::voidOrder()
{
    if (!m_details.found)
        return;
    VoidDialog dialog(m_services, m_details, this);
    dialog.exec();
    reload();
}

void OrderDialog::reprint()
{
    if (!m_details.found)
        return;
    ReprintDialog dialog(m_services, m_details, this);
    dialog.exec();
    reload();
}

} // namespace usher::ui
