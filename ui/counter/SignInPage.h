#pragma once

// The counter's first screen: login and password. The window checks them off the GUI thread and
// answers with showError() (a wrong password, a locked account) or moves on. On a fresh install
// (no account yet) the page asks for the first administrator instead: login, name and the password
// twice.

#include <QWidget>

class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace usher::ui {

class SignInPage final : public QWidget {
    Q_OBJECT

public:
    explicit SignInPage(QWidget* parent = nullptr);

    // Shown below the form only in demo mode: the demo accounts and their passwords.
    void setDemoHint(const QString& hint);
    // First run: the form creates the administrator account (and signs in with it).
    void setFirstRun(bool firstRun);
    bool firstRun() const { return m_firstRun; }
    void showError(const QString& message);
    void setBusy(bool busy);
    // Empties the password (and the error) and puts the cursor in the login field.
    void reset();

    QLineEdit* loginEdit() const { return m_login; }
    QLineEdit* passwordEdit() const { return m_password; }
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* confirmEdit() const { return m_confirm; }
    QLabel* errorLabel() const { return m_error; }

Q_SIGNALS:
    void signInRequested(const QString& login, const QString& password);
    void firstAdminRequested(const QString& login, const QString& name, const QString& password);

private:
    void submit();

    QGroupBox* m_box = nullptr;
    QFormLayout* m_form = nullptr;
    QLabel* m_firstRunHint = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_confirm = nullptr;
    bool m_firstRun = false;
    QLineEdit* m_login = nullptr;
    QLineEdit* m_password = nullptr;
    QPushButton* m_signIn = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_demoHint = nullptr;
};

} // namespace usher::ui
