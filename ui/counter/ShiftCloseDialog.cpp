#include "counter/ShiftCloseDialog.h"

#include "counter/AfterSaleTask.h"
#include "counter/AfterSaleText.h"
#include "counter/CashAmount.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace usher::ui {

ShiftCloseDialog::ShiftCloseDialog(const CounterServices& services, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
{
    setObjectName(QStringLiteral("shiftCloseDialog"));
    setWindowTitle(tr("Close the shift"));
    const BoxOfficeStatus loaded = m_services.drawer->shift(m_services.shift, &m_shift);
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("Count every note and coin in the drawer, float included, and enter the total. The Z report then "
           "shows what the drawer should hold and the difference. Closing cannot be undone: the shift takes no "
           "more sales."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    m_counted = new QLineEdit(this);
    m_counted->setObjectName(QStringLiteral("countedCashEdit"));
    m_counted->setPlaceholderText(tr("e.g. 250.00"));
    auto* countedLabel = new QLabel(tr("&Counted cash (%1):").arg(QString::fromStdString(m_shift.currency)), this);
    countedLabel->setBuddy(m_counted);
    form->addRow(countedLabel, m_counted);
    layout->addLayout(form);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("closeErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(this);
    m_close = buttons->addButton(tr("Close &shift"), QDialogButtonBox::AcceptRole);
    m_close->setObjectName(QStringLiteral("closeShiftButton"));
    m_close->setDefault(true);
    auto* cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    buttons->addButton(cancel, QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);
    connect(m_close, &QPushButton::clicked, this, &ShiftCloseDialog::closeShift);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (loaded != BoxOfficeStatus::Ok || !m_shift.isOpen()) {
        m_error->setText(AfterSaleText::status(loaded != BoxOfficeStatus::Ok ? loaded : BoxOfficeStatus::ShiftClosed));
        m_close->setEnabled(false);
    }
    m_counted->setFocus();
}

QString ShiftCloseDialog::errorText() const
{
    return m_error->text();
}

void ShiftCloseDialog::closeShift()
{
    Amount counted = 0;
    if (!CashAmount::parse(m_counted->text(), m_shift.currency, &counted)) {
        m_error->setText(tr("Enter the counted cash as an amount, e.g. 250.00."));
        m_counted->setFocus();
        m_counted->selectAll();
        return;
    }
    if (!AfterSaleHooks::confirm(this, tr("Close the shift"),
                                 tr("Close the shift with %1 counted? This cannot be undone.")
                                     .arg(CashAmount::format(counted, m_shift.currency))))
        return;
    const CounterServices& s = m_services;
    const Timestamp now = s.clock();
    ShiftReport report;
    const BoxOfficeStatus status = runOffUiThread<BoxOfficeStatus>(
        this, [&] { return s.drawer->closeShift(s.shift, s.clerk.id, counted, now, &report); });
    if (status != BoxOfficeStatus::Ok) {
        m_error->setText(AfterSaleText::status(status));
        return;
    }
    m_report = report;
    m_closed = true;
    accept();
}

} // namespace usher::ui
