#include "counter/OpenShiftPage.h"

#include "boxoffice/Money.h"
#include "counter/CounterMoney.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace usher::ui {

OpenShiftPage::OpenShiftPage(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("openShiftPage"));
    auto* box = new QGroupBox(tr("Open your shift"), this);
    m_title = new QLabel(box);
    m_title->setWordWrap(true);
    m_float = new QLineEdit(box);
    m_float->setObjectName(QStringLiteral("floatLineEdit"));
    m_float->setPlaceholderText(tr("e.g. 150.00"));
    m_currencyEdit = new QLineEdit(box);
    m_currencyEdit->setObjectName(QStringLiteral("currencyLineEdit"));
    m_currencyEdit->setMaxLength(3);
    m_open = new QPushButton(tr("&Open shift"), box);
    m_open->setObjectName(QStringLiteral("openShiftButton"));
    m_open->setDefault(true);
    m_error = new QLabel(box);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
    m_error->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("Cash &float in the drawer:"), m_float);
    form->addRow(tr("C&urrency:"), m_currencyEdit);
    auto* boxLayout = new QVBoxLayout(box);
    boxLayout->addWidget(m_title);
    boxLayout->addLayout(form);
    boxLayout->addWidget(m_open, 0, Qt::AlignRight);
    boxLayout->addWidget(m_error);
    box->setMinimumWidth(380);
    box->setMaximumWidth(480);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(box, 0, Qt::AlignHCenter);
    layout->addStretch(2);

    setTabOrder(m_float, m_currencyEdit);
    setTabOrder(m_currencyEdit, m_open);
    connect(m_float, &QLineEdit::returnPressed, this, &OpenShiftPage::submit);
    connect(m_currencyEdit, &QLineEdit::returnPressed, this, &OpenShiftPage::submit);
    connect(m_open, &QPushButton::clicked, this, &OpenShiftPage::submit);
}

void OpenShiftPage::prepare(const QString& clerkName, const std::string& currency)
{
    m_currency = currency;
    //: %1 is the clerk's name.
    m_title->setText(tr("Welcome, %1. Count the cash float into the drawer and enter it.").arg(clerkName));
    m_currencyEdit->setText(QString::fromStdString(currency));
    m_float->clear();
    m_error->hide();
    m_float->setFocus();
}

void OpenShiftPage::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    m_float->setFocus();
    m_float->selectAll();
}

void OpenShiftPage::setBusy(bool busy)
{
    m_open->setEnabled(!busy);
}

void OpenShiftPage::submit()
{
    if (!m_open->isEnabled())
        return;
    const std::string currency = m_currencyEdit->text().trimmed().toUpper().toStdString();
    if (!validCurrencyCode(currency)) {
        showError(tr("The currency is a three-letter code such as EUR."));
        return;
    }
    Amount minor = 0;
    if (!parseCounterMoney(m_float->text(), currency, &minor)) {
        showError(tr("Enter the float as an amount such as 150.00."));
        return;
    }
    Q_EMIT openRequested(minor, QString::fromStdString(currency));
}

} // namespace usher::ui
