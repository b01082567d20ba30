#include "counter/CashMovementDialog.h"

#include "counter/AfterSaleText.h"
#include "counter/CashAmount.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace usher::ui {

CashMovementDialog::CashMovementDialog(const CounterServices& services, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
{
    setObjectName(QStringLiteral("cashMovementDialog"));
    setWindowTitle(tr("Cash in or out"));
    const BoxOfficeStatus loaded = m_services.drawer->shift(m_services.shift, &m_shift);
    auto* layout = new QVBoxLayout(this);
    auto* kinds = new QHBoxLayout;
    m_in = new QRadioButton(tr("Cash &in"), this);
    m_in->setObjectName(QStringLiteral("cashInRadioButton"));
    m_out = new QRadioButton(tr("Cash &out"), this);
    m_out->setObjectName(QStringLiteral("cashOutRadioButton"));
    m_in->setChecked(true);
    auto* group = new QButtonGroup(this);
    group->addButton(m_in);
    group->addButton(m_out);
    kinds->addWidget(m_in);
    kinds->addWidget(m_out);
    kinds->addStretch();
    layout->addLayout(kinds);
    auto* form = new QFormLayout;
    m_amount = new QLineEdit(this);
    m_amount->setObjectName(QStringLiteral("amountEdit"));
    m_amount->setPlaceholderText(tr("e.g. 50.00"));
    auto* amountLabel = new QLabel(tr("&Amount (%1):").arg(QString::fromStdString(m_shift.currency)), this);
    amountLabel->setBuddy(m_amount);
    form->addRow(amountLabel, m_amount);
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("noteEdit"));
    m_note->setMaxLength(200);
    m_note->setPlaceholderText(tr("Why: safe drop, change from the bank…"));
    auto* noteLabel = new QLabel(tr("&Note:"), this);
    noteLabel->setBuddy(m_note);
    form->addRow(noteLabel, m_note);
    m_drawer = new QLabel(this);
    m_drawer->setObjectName(QStringLiteral("drawerLabel"));
    form->addRow(tr("In the drawer:"), m_drawer);
    layout->addLayout(form);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("cashErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(this);
    m_record = buttons->addButton(tr("&Record"), QDialogButtonBox::AcceptRole);
    m_record->setObjectName(QStringLiteral("recordButton"));
    m_record->setDefault(true);
    auto* cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    buttons->addButton(cancel, QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);
    connect(m_record, &QPushButton::clicked, this, &CashMovementDialog::record);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setTabOrder(m_in, m_out);
    setTabOrder(m_out, m_amount);
    setTabOrder(m_amount, m_note);
    setTabOrder(m_note, m_record);
    if (loaded != BoxOfficeStatus::Ok || !m_shift.isOpen()) {
        m_error->setText(AfterSaleText::status(loaded != BoxOfficeStatus::Ok ? loaded : BoxOfficeStatus::ShiftClosed));
        m_record->setEnabled(false);
    }
    refreshDrawer();
    m_amount->setFocus();
}

QString CashMovementDialog::errorText() const
{
    return m_error->text();
}

void CashMovementDialog::refreshDrawer()
{
    Amount expected = 0;
    if (m_services.drawer->expectedCash(m_services.shift, &expected) == BoxOfficeStatus::Ok)
        m_drawer->setText(CashAmount::format(expected, m_shift.currency));
}

void CashMovementDialog::record()
{
    Amount amount = 0;
    if (!CashAmount::parse(m_amount->text(), m_shift.currency, &amount) || amount <= 0) {
        m_error->setText(tr("Enter an amount above zero, e.g. 50.00."));
        m_amount->setFocus();
        m_amount->selectAll();
        return;
    }
    const std::string note = m_note->text().trimmed().toStdString();
    if (note.empty()) {
        m_error->setText(tr("A note is required: say why the cash moves."));
        m_note->setFocus();
        return;
    }
    const CounterServices& s = m_services;
    const BoxOfficeStatus status = m_in->isChecked() ? s.drawer->cashIn(s.shift, s.clerk.id, amount, note, s.clock())
                                                     : s.drawer->cashOut(s.shift, s.clerk.id, amount, note, s.clock());
    if (status != BoxOfficeStatus::Ok) {
        m_error->setText(AfterSaleText::status(status));
        refreshDrawer();
        return;
    }
    accept();
}

} // namespace usher::ui
