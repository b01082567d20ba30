#include "counter/StaffDialog.h"

#include "counter/AfterSaleForm.h"
#include "counter/AfterSaleText.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace usher::ui {

namespace {

QString roleName(StaffRole role)
{
    switch (role) {
    case StaffRole::Clerk:
        return StaffDialog::tr("Clerk");
    case StaffRole::Supervisor:
        return StaffDialog::tr("Supervisor");
    case StaffRole::Promoter:
        return StaffDialog::tr("Promoter");
    case StaffRole::Admin:
        return StaffDialog::tr("Admin");
    }
    return {};
}

QLineEdit* newPasswordField(QWidget* parent, const char* name)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(QString::fromLatin1(name));
    edit->setEchoMode(QLineEdit::Password);
    edit->setMaxLength(256);
    return edit;
}

} // namespace

StaffDialog::StaffDialog(const CounterServices& services, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
{
    setObjectName(QStringLiteral("staffDialog"));
    setWindowTitle(tr("Staff accounts"));
    auto* layout = new QVBoxLayout(this);
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("staffTable"));
    m_table->setHorizontalHeaderLabels({ tr("Login"), tr("Name"), tr("Role"), tr("State") });
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table);

    auto* selectedBox = new QGroupBox(tr("Selected account"), this);
    auto* selectedForm = new QFormLayout(selectedBox);
    m_newPassword = newPasswordField(selectedBox, "newPasswordEdit");
    auto* newPasswordLabel = new QLabel(tr("New pass&word:"), selectedBox);
    newPasswordLabel->setBuddy(m_newPassword);
    selectedForm->addRow(newPasswordLabel, m_newPassword);
    m_setPassword = new QPushButton(tr("Set password and &unlock"), selectedBox);
    m_setPassword->setObjectName(QStringLiteral("setPasswordButton"));
    m_disable = new QPushButton(tr("&Disable"), selectedBox);
    m_disable->setObjectName(QStringLiteral("disableButton"));
    auto* selectedButtons = new QHBoxLayout;
    selectedButtons->addWidget(m_setPassword);
    selectedButtons->addWidget(m_disable);
    selectedForm->addRow(selectedButtons);
    layout->addWidget(selectedBox);

    auto* newBox = new QGroupBox(tr("New account"), this);
    auto* form = new QFormLayout(newBox);
    m_login = new QLineEdit(newBox);
    m_login->setObjectName(QStringLiteral("newLoginEdit"));
    m_login->setMaxLength(64);
    m_login->setPlaceholderText(tr("lower-case letters, digits, . - _"));
    m_name = new QLineEdit(newBox);
    m_name->setObjectName(QStringLiteral("newNameEdit"));
    m_name->setMaxLength(128);
    m_role = new QComboBox(newBox);
    m_role->setObjectName(QStringLiteral("roleComboBox"));
    for (const StaffRole role : { StaffRole::Clerk, StaffRole::Supervisor, StaffRole::Promoter, StaffRole::Admin })
        m_role->addItem(roleName(role), int(role));
    m_password = newPasswordField(newBox, "newAccountPasswordEdit");
    m_repeat = newPasswordField(newBox, "newAccountRepeatEdit");
    form->addRow(tr("&Login:"), m_login);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("R&ole:"), m_role);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("&Repeat the password:"), m_repeat);
    m_create = new QPushButton(tr("&Create account"), newBox);
    m_create->setObjectName(QStringLiteral("createAccountButton"));
    form->addRow(m_create);
    layout->addWidget(newBox);

    m_outcome = addOutcomeLabel(layout, this);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_create, &QPushButton::clicked, this, &StaffDialog::createAccount);
    connect(m_repeat, &QLineEdit::returnPressed, this, &StaffDialog::createAccount);
    connect(m_disable, &QPushButton::clicked, this, &StaffDialog::toggleDisabled);
    connect(m_setPassword, &QPushButton::clicked, this, &StaffDialog::setPassword);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &StaffDialog::updateButtons);
    resize(640, 620);
    reload();
}

void StaffDialog::reload()
{
    m_accounts.clear();
    if (const BoxOfficeStatus status = m_services.accounts->list(&m_accounts); status != BoxOfficeStatus::Ok)
        report(status, {});
    const Timestamp now = m_services.clock();
    m_table->setRowCount(int(m_accounts.size()));
    for (int row = 0; row < int(m_accounts.size()); ++row) {
        const StaffAccount& a = m_accounts[std::size_t(row)];
        QString state = a.disabled ? tr("disabled") : tr("active");
        if (!a.disabled && a.lockedUntil > now)
            //: %1 is a time of day.
            state = tr("locked until %1")
                        .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(a.lockedUntil).time(), QLocale::ShortFormat));
        const QStringList cells = { QString::fromStdString(a.login), QString::fromStdString(a.displayName),
                                    roleName(a.role), state };
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells[column]));
    }
    m_table->resizeColumnsToContents();
    updateButtons();
}

bool StaffDialog::selected(StaffAccount* account) const
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= int(m_accounts.size()) || m_table->selectedItems().isEmpty())
        return false;
    *account = m_accounts[std::size_t(row)];
    return true;
}

void StaffDialog::updateButtons()
{
    StaffAccount account;
    const bool any = selected(&account);
    const bool self = any && account.id == m_services.clerk.id;
    m_disable->setEnabled(any && !self); // an administrator does not lock themselves out
    m_disable->setText(any && account.disabled ? tr("&Enable") : tr("&Disable"));
    m_setPassword->setEnabled(any);
}

void StaffDialog::report(BoxOfficeStatus status, const QString& done)
{
    if (status == BoxOfficeStatus::Ok) {
        m_outcome->setText(done);
        return;
    }
    if (status == BoxOfficeStatus::InvalidArgument)
        m_outcome->setText(tr("A login uses lower-case letters, digits, '.', '-' and '_' only, a name is required, "
                              "and a password needs 8 to 256 bytes."));
    else
        m_outcome->setText(AfterSaleText::status(status));
}

void StaffDialog::createAccount()
{
    if (m_password->text() != m_repeat->text()) {
        m_repeat->clear();
        m_repeat->setFocus();
        m_outcome->setText(tr("The two passwords differ. Type the password again."));
        return;
    }
    std::uint64_t id = 0;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const BoxOfficeStatus status = m_services.accounts->createAccount(
        m_services.clerk, m_login->text().trimmed().toStdString(), m_name->text().trimmed().toStdString(),
        StaffRole(m_role->currentData().toInt()), m_password->text().toStdString(), m_services.clock(), &id);
    QApplication::restoreOverrideCursor();
    //: %1 is a login.
    report(status, tr("Account %1 created.").arg(m_login->text().trimmed()));
    if (status != BoxOfficeStatus::Ok)
        return;
    m_login->clear();
    m_name->clear();
    m_password->clear();
    m_repeat->clear();
    reload();
    m_login->setFocus();
}

void StaffDialog::toggleDisabled()
{
    StaffAccount account;
    if (!selected(&account))
        return;
    const BoxOfficeStatus status
        = m_services.accounts->setDisabled(m_services.clerk, account.id, !account.disabled, m_services.clock());
    const QString login = QString::fromStdString(account.login);
    report(status, account.disabled ? tr("Account %1 enabled.").arg(login) : tr("Account %1 disabled.").arg(login));
    const int row = m_table->currentRow();
    reload();
    m_table->selectRow(row);
}

void StaffDialog::setPassword()
{
    StaffAccount account;
    if (!selected(&account))
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const BoxOfficeStatus status = m_services.accounts->resetPassword(
        m_services.clerk, account.id, m_newPassword->text().toStdString(), m_services.clock());
    QApplication::restoreOverrideCursor();
    report(status, tr("New password set for %1; the account is unlocked.").arg(QString::fromStdString(account.login)));
    if (status == BoxOfficeStatus::Ok)
        m_newPassword->clear();
    const int row = m_table->currentRow();
    reload();
    m_table->selectRow(row);
}

} // namespace usher::ui
