#include "counter/AfterSaleForm.h"

#include "counter/CashAmount.h"

#include <QBoxLayout>
#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace usher::ui {

SupervisorRows addSupervisorRows(QFormLayout* form, QWidget* parent, const QString& loginLabel)
{
    SupervisorRows rows;
    rows.note = new QLabel(parent);
    rows.note->setWordWrap(true);
    form->addRow(rows.note);
    rows.login = new QLineEdit(parent);
    rows.login->setObjectName(QStringLiteral("supervisorLoginEdit"));
    auto* login = new QLabel(loginLabel, parent);
    login->setBuddy(rows.login);
    form->addRow(login, rows.login);
    rows.password = new QLineEdit(parent);
    rows.password->setObjectName(QStringLiteral("supervisorPasswordEdit"));
    rows.password->setEchoMode(QLineEdit::Password);
    auto* password = new QLabel(QCoreApplication::translate("AfterSaleForm", "Supervisor pass&word:"), parent);
    password->setBuddy(rows.password);
    form->addRow(password, rows.password);
    return rows;
}

void showSupervisorNeed(const SupervisorRows& rows, Amount amount, Amount limit, const std::string& currency)
{
    const bool needed = amount > limit;
    const QString limitText = CashAmount::format(limit, currency);
    rows.note->setText(
        needed ? QCoreApplication::translate("AfterSaleForm", "Above %1: a supervisor must sign in to approve.")
                     .arg(limitText)
               : QCoreApplication::translate("AfterSaleForm", "No supervisor needed up to %1.").arg(limitText));
    rows.login->setEnabled(needed);
    rows.password->setEnabled(needed);
}

void takeSupervisorCredentials(const SupervisorRows& rows, std::string* login, std::string* password)
{
    const bool needed = rows.login->isEnabled();
    *login = needed ? rows.login->text().trimmed().toStdString() : std::string();
    *password = needed ? rows.password->text().toStdString() : std::string();
    rows.password->clear();
}

bool focusSupervisorAfter(const SupervisorRows& rows, BoxOfficeStatus status)
{
    if (status != BoxOfficeStatus::SupervisorRequired && status != BoxOfficeStatus::InvalidCredentials
        && status != BoxOfficeStatus::AccountLocked)
        return false;
    rows.login->setFocus();
    rows.login->selectAll();
    return true;
}

QLineEdit* addReasonRow(QFormLayout* form, QWidget* parent, const QString& placeholder, QLabel* const* outcome)
{
    auto* reason = new QLineEdit(parent);
    reason->setObjectName(QStringLiteral("reasonEdit"));
    reason->setMaxLength(200);
    reason->setPlaceholderText(placeholder);
    QObject::connect(reason, &QLineEdit::textEdited, parent, [outcome] {
        if (*outcome != nullptr && (*outcome)->text() == reasonRequiredText())
            (*outcome)->clear(); // the complaint is answered
    });
    auto* label = new QLabel(QCoreApplication::translate("AfterSaleForm", "R&eason:"), parent);
    label->setBuddy(reason);
    form->addRow(label, reason);
    return reason;
}

QString reasonRequiredText()
{
    return QCoreApplication::translate("AfterSaleForm", "A reason is required.");
}

QLabel* addOutcomeLabel(QBoxLayout* layout, QWidget* parent)
{
    auto* outcome = new QLabel(parent);
    outcome->setObjectName(QStringLiteral("outcomeLabel"));
    outcome->setWordWrap(true);
    outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(outcome);
    return outcome;
}

} // namespace usher::ui
