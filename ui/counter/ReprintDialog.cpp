#include "counter/ReprintDialog.h"

#include "boxoffice/CounterReprint.h"
#include "counter/AfterSaleForm.h"
#include "counter/AfterSaleTask.h"
#include "counter/AfterSaleText.h"
#include "counter/ReprintOutput.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace usher::ui {

ReprintDialog::ReprintDialog(const CounterServices& services, const OrderDetails& order, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
    , m_order(order)
{
    setObjectName(QStringLiteral("reprintDialog"));
    setWindowTitle(tr("Reprint tickets of order %1").arg(order.number));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Each reprinted ticket gets a new code; its old code stops scanning. Tick the "
                                "tickets to reprint (Space)."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_tickets = new QListWidget(this);
    m_tickets->setObjectName(QStringLiteral("ticketsListWidget"));
    m_tickets->setAccessibleName(tr("Tickets"));
    for (const OrderTicketInfo& t : order.tickets) {
        auto* item
            = new QListWidgetItem(tr("%1 · %2 · code %3 · %4").arg(t.place, t.priceType, t.code, t.state), m_tickets);
        item->setData(Qt::UserRole, QVariant::fromValue<qulonglong>(t.id));
        item->setFlags(t.valid ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable : Qt::NoItemFlags);
        item->setCheckState(t.valid ? Qt::Checked : Qt::Unchecked);
    }
    m_tickets->setCurrentRow(0);
    layout->addWidget(m_tickets, 1);
    auto* form = new QFormLayout;
    m_reason = addReasonRow(form, this, tr("Required, e.g. ticket lost, printer jam"), &m_outcome);
    m_layout = new QComboBox(this);
    m_layout->setObjectName(QStringLiteral("layoutComboBox"));
    m_layout->addItem(tr("Thermal ticket (2 × 5.5 in)"), static_cast<int>(TicketLayout::Thermal));
    m_layout->addItem(tr("A4 page"), static_cast<int>(TicketLayout::A4));
    m_layout->addItem(tr("US Letter page"), static_cast<int>(TicketLayout::Letter));
    auto* layoutLabel = new QLabel(tr("&Layout:"), this);
    layoutLabel->setBuddy(m_layout);
    form->addRow(layoutLabel, m_layout);
    m_output = new QComboBox(this);
    m_output->setObjectName(QStringLiteral("outputComboBox"));
    m_output->addItem(tr("Print"));
    m_output->addItem(tr("Save as PDF"));
    auto* outputLabel = new QLabel(tr("&Output:"), this);
    outputLabel->setBuddy(m_output);
    form->addRow(outputLabel, m_output);
    layout->addLayout(form);
    m_outcome = addOutcomeLabel(layout, this);
    auto* buttons = new QDialogButtonBox(this);
    m_reprint = new QPushButton(tr("&Reprint"), this);
    m_reprint->setObjectName(QStringLiteral("reprintButton"));
    m_reprint->setDefault(true);
    buttons->addButton(m_reprint, QDialogButtonBox::ActionRole);
    m_again = new QPushButton(tr("Output &again"), this);
    m_again->setObjectName(QStringLiteral("outputAgainButton"));
    m_again->setToolTip(tr("Print or save the new tickets again (no new codes)"));
    m_again->setEnabled(false);
    buttons->addButton(m_again, QDialogButtonBox::ActionRole);
    auto* close = new QPushButton(tr("Close"), this);
    close->setObjectName(QStringLiteral("closeButton"));
    buttons->addButton(close, QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);
    connect(m_reprint, &QPushButton::clicked, this, &ReprintDialog::reprint);
    connect(m_again, &QPushButton::clicked, this, [this] { output(m_output->currentIndex() == 1); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setTabOrder(m_tickets, m_reason);
    setTabOrder(m_reason, m_layout);
    setTabOrder(m_layout, m_output);
    setTabOrder(m_output, m_reprint);
    m_tickets->setFocus();
    resize(600, 460);
}

QString ReprintDialog::outcomeText() const
{
    return m_outcome->text();
}

void ReprintDialog::reprint()
{
    ReprintRequest request;
    request.order = m_order.order;
    request.reason = m_reason->text().trimmed().toStdString();
    for (int i = 0; i < m_tickets->count(); ++i) {
        const QListWidgetItem* item = m_tickets->item(i);
        if (item->checkState() == Qt::Checked && (item->flags() & Qt::ItemIsEnabled))
            request.tickets.push_back(item->data(Qt::UserRole).toULongLong());
    }
    if (request.tickets.empty()) {
        m_outcome->setText(tr("Tick at least one valid ticket."));
        m_tickets->setFocus();
        return;
    }
    if (request.reason.empty()) {
        m_outcome->setText(reasonRequiredText());
        m_reason->setFocus();
        return;
    }
    EventShard* shard = m_services.engine->event(m_order.event);
    if (shard == nullptr) {
        m_outcome->setText(AfterSaleText::engine(Status::EventNotFound));
        return;
    }
    const CounterSaleContext context = m_services.saleContext(shard);
    const StaffAccount clerk = m_services.clerk;
    const ShiftId shift = m_services.shift;
    const ReprintResult result
        = runOffUiThread<ReprintResult>(this, [&] { return reprintAtCounter(context, clerk, shift, request); });
    if (result.status != BoxOfficeStatus::Ok) {
        m_outcome->setText(AfterSaleText::status(result.status, result.engineStatus));
        return;
    }
    m_reissued = result.tickets;
    for (const IssuedTicket& t : m_reissued) { // show the new codes
        for (int i = 0; i < m_tickets->count(); ++i) {
            QListWidgetItem* item = m_tickets->item(i);
            const OrderTicketInfo* info = nullptr;
            for (const OrderTicketInfo& o : m_order.tickets)
                info = o.id == t.id ? &o : info;
            if (item->data(Qt::UserRole).toULongLong() == t.id && info != nullptr)
                item->setText(tr("%1 · %2 · new code %3")
                                  .arg(info->place, info->priceType, QString::fromStdString(ticketCodeText(t.code))));
        }
    }
    m_contents = ReprintOutput::contents(shard->spec(), m_reissued, m_order.order);
    m_reprint->setEnabled(false);
    m_again->setEnabled(true);
    output(m_output->currentIndex() == 1);
}

void ReprintDialog::output(bool pdf)
{
    const auto layout = static_cast<TicketLayout>(m_layout->currentData().toInt());
    bool ok = false;
    QString text = pdf
        ? ReprintOutput::savePdf(this, m_contents, layout, QStringLiteral("tickets-%1.pdf").arg(m_order.number), &ok)
        : ReprintOutput::print(this, m_contents, layout, &ok);
    const QString issued = tr("%n ticket(s) reissued with new codes; the old codes no longer scan.", nullptr,
                              static_cast<int>(m_reissued.size()));
    if (text.isEmpty())
        text = tr("Not printed yet: use Output again.");
    m_outcome->setText(issued + QLatin1Char(' ') + text);
    m_again->setFocus();
}

} // namespace usher::ui
