#include "counter/OpenCartsPage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>

namespace usher::ui {

namespace {

QString stateText(SaleState state)
{
    switch (state) {
    case SaleState::Held:
        return OpenCartsPage::tr("seats held, not paid");
    case SaleState::Paying:
        return OpenCartsPage::tr("payment started");
    case SaleState::Confirming:
        return OpenCartsPage::tr("paid, tickets being issued");
    default:
        return OpenCartsPage::tr("open");
    }
}

} // namespace

OpenCartsPage::OpenCartsPage(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("openCartsPage"));
    auto* title = new QLabel(tr("<h2>Open carts</h2>"
                                "These sales were not finished when Usher last stopped. Their seats are still "
                                "held for you. Resume a cart to finish the sale, or release it: money taken is "
                                "given back (a card payment is reversed) and the seats go back on sale."),
                             this);
    title->setWordWrap(true);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("openCartsMessageLabel"));
    m_message->setWordWrap(true);
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("openCartsTable"));
    m_table->setHorizontalHeaderLabels({ tr("Sale"), tr("Event"), tr("State"), tr("Amount") });
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_resume = new QPushButton(tr("&Resume (Enter)"), this);
    m_resume->setObjectName(QStringLiteral("resumeCartButton"));
    m_release = new QPushButton(tr("Re&lease (Del)"), this);
    m_release->setObjectName(QStringLiteral("releaseCartButton"));
    m_done = new QPushButton(tr("&Go to the counter (Esc)"), this);
    m_done->setObjectName(QStringLiteral("openCartsDoneButton"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_resume);
    buttons->addWidget(m_release);
    buttons->addStretch(1);
    buttons->addWidget(m_done);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (!currentReference().isEmpty())
            Q_EMIT resumeRequested(currentReference());
    });
    connect(m_release, &QPushButton::clicked, this, [this] {
        if (!currentReference().isEmpty())
            Q_EMIT releaseRequested(currentReference());
    });
    connect(m_done, &QPushButton::clicked, this, &OpenCartsPage::doneRequested);
    connect(m_table, &QTableWidget::cellActivated, m_resume, [this] { m_resume->click(); });
    m_table->installEventFilter(this);
    auto* done = new QShortcut(QKeySequence(Qt::Key_Escape), this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(done, &QShortcut::activated, m_done, &QPushButton::click);
}

void OpenCartsPage::setSales(const std::vector<OpenSale>& sales,
                             const std::function<QStringList(const OpenSale&)>& describe)
{
    m_sales = sales;
    m_table->setRowCount(int(sales.size()));
    for (int row = 0; row < int(sales.size()); ++row) {
        const OpenSale& sale = sales[std::size_t(row)];
        m_table->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(sale.reference)));
        const QStringList texts = describe(sale);
        m_table->setItem(row, 1, new QTableWidgetItem(texts.value(0)));
        m_table->setItem(row, 2, new QTableWidgetItem(stateText(sale.state)));
        m_table->setItem(row, 3, new QTableWidgetItem(texts.value(1)));
    }
    m_table->resizeColumnsToContents();
    if (!sales.empty())
        m_table->selectRow(0);
    focusList();
}

void OpenCartsPage::focusList()
{
    if (!m_sales.empty())
        m_table->setFocus();
    else
        m_done->setFocus();
}

bool OpenCartsPage::eventFilter(QObject* watched, QEvent* event)
{
    // Del releases the selected cart (the table would otherwise take the key).
    if (watched == m_table && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Delete) {
        m_release->click();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void OpenCartsPage::showMessage(const QString& message)
{
    m_message->setText(message);
}

void OpenCartsPage::setBusy(bool busy)
{
    m_resume->setEnabled(!busy && !m_sales.empty());
    m_release->setEnabled(!busy && !m_sales.empty());
    m_done->setEnabled(!busy);
}

QString OpenCartsPage::currentReference() const
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= int(m_sales.size()))
        return {};
    return QString::fromStdString(m_sales[std::size_t(row)].reference);
}

} // namespace usher::ui
