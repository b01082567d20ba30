#pragma once

// Staff accounts, for an administrator: the list (role, disabled, locked), a new account (login,
// name, role, the password twice), disabling and enabling, and a new password for an account
// (which also lifts a lockout). Every change goes through StaffAccounts and is audited with the
// administrator's id. Hashing a password (argon2id) takes a fraction of a second; the dialog shows
// the busy cursor meanwhile.

#include "counter/CounterServices.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace usher::ui {

class StaffDialog final : public QDialog {
    Q_OBJECT

public:
    StaffDialog(const CounterServices& services, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QLineEdit* loginEdit() const { return m_login; }
    QLineEdit* nameEdit() const { return m_name; }
    QComboBox* roleCombo() const { return m_role; }
    QLineEdit* passwordEdit() const { return m_password; }
    QLineEdit* repeatEdit() const { return m_repeat; }
    QPushButton* createButton() const { return m_create; }
    QPushButton* disableButton() const { return m_disable; }
    QLineEdit* newPasswordEdit() const { return m_newPassword; }
    QPushButton* setPasswordButton() const { return m_setPassword; }
    QLabel* outcomeLabel() const { return m_outcome; }

private:
    void reload();
    void createAccount();
    void toggleDisabled();
    void setPassword();
    void updateButtons();
    bool selected(StaffAccount* account) const;
    void report(BoxOfficeStatus status, const QString& done);

    const CounterServices& m_services;
    std::vector<StaffAccount> m_accounts;
    QTableWidget* m_table = nullptr;
    QLineEdit* m_login = nullptr;
    QLineEdit* m_name = nullptr;
    QComboBox* m_role = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_repeat = nullptr;
    QPushButton* m_create = nullptr;
    QPushButton* m_disable = nullptr;
    QLineEdit* m_newPassword = nullptr;
    QPushButton* m_setPassword = nullptr;
    QLabel* m_outcome = nullptr;
};

} // namespace usher::ui
