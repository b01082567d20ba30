#pragma once

// The first-run wizard (issue 11; the rule for when it appears is in FirstRun.h): the language, then
// stand-alone or connected to usherd, then the first admin account, then whether to load the demo
// venues and events. The language applies at once, so the next pages (and everything after the
// wizard) come up in it. The wizard stores nothing itself: main() carries the answers out
// (FirstRun::apply) and stores them (FirstRun::store) once that worked.

#include "FirstRun.h"

#include <QWizard>
#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QRadioButton;

namespace usher::ui {

class FirstRunLanguagePage final : public QWizardPage {
    Q_OBJECT

public:
    FirstRunLanguagePage(const QString& dataDirectory, QWidget* parent = nullptr);
    QComboBox* languageBox() const { return m_language; }
    QString language() const; // "" for the system's

Q_SIGNALS:
    void languageChosen(const QString& language);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QString m_dataDirectory;
    QLabel* m_intro = nullptr;
    QLabel* m_languageLabel = nullptr;
    QComboBox* m_language = nullptr;
    QLabel* m_dataLabel = nullptr;
};

class FirstRunServerPage final : public QWizardPage {
    Q_OBJECT

public:
    explicit FirstRunServerPage(QWidget* parent = nullptr);
    QRadioButton* standaloneButton() const { return m_standalone; }
    QRadioButton* connectedButton() const { return m_connected; }
    QLineEdit* urlEdit() const { return m_url; }
    QPushButton* testButton() const { return m_test; }
    QLabel* messageLabel() const { return m_message; }
    bool connected() const;
    QUrl url() const; // empty unless connected with a valid address

    bool isComplete() const override;
    bool validatePage() override;

    // Asks usherd's /healthz (at most kTestTimeoutMs); the answer shows under the field.
    void testConnection();
    static constexpr int kTestTimeoutMs = 5000;

Q_SIGNALS:
    void connectionTested(bool reached);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void refresh();

    QRadioButton* m_standalone = nullptr;
    QRadioButton* m_connected = nullptr;
    QLabel* m_urlLabel = nullptr;
    QLineEdit* m_url = nullptr;
    QPushButton* m_test = nullptr;
    QLabel* m_message = nullptr;
    QNetworkAccessManager* m_network = nullptr;
};

class FirstRunAdminPage final : public QWizardPage {
    Q_OBJECT

public:
    explicit FirstRunAdminPage(QWidget* parent = nullptr);
    QLineEdit* loginEdit() const { return m_login; }
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* passwordEdit() const { return m_password; }
    QLineEdit* confirmEdit() const { return m_confirm; }
    QLabel* messageLabel() const { return m_message; }
    QString problem() const; // "" when the account can be created

    bool isComplete() const override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void refresh();

    QLabel* m_intro = nullptr;
    QLabel* m_loginLabel = nullptr;
    QLabel* m_nameLabel = nullptr;
    QLabel* m_passwordLabel = nullptr;
    QLabel* m_confirmLabel = nullptr;
    QLineEdit* m_login = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_confirm = nullptr;
    QLabel* m_message = nullptr;
};

class FirstRunDemoPage final : public QWizardPage {
    Q_OBJECT

public:
    explicit FirstRunDemoPage(QWidget* parent = nullptr);
    QCheckBox* demoBox() const { return m_demo; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QLabel* m_intro = nullptr;
    QCheckBox* m_demo = nullptr;
    QLabel* m_after = nullptr;
};

class FirstRunWizard final : public QWizard {
    Q_OBJECT

public:
    enum PageId { LanguagePageId, ServerPageId, AdminPageId, DemoPageId };

    // `dataDirectory` is shown on the first page. With `applyLanguage`, choosing a language switches
    // the whole app to it at once (LanguageSettings::apply).
    explicit FirstRunWizard(const QString& dataDirectory, bool applyLanguage = true, QWidget* parent = nullptr);

    FirstRunChoices choices() const;

    FirstRunLanguagePage* languagePage() const { return m_languagePage; }
    FirstRunServerPage* serverPage() const { return m_serverPage; }
    FirstRunAdminPage* adminPage() const { return m_adminPage; }
    FirstRunDemoPage* demoPage() const { return m_demoPage; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    FirstRunLanguagePage* m_languagePage = nullptr;
    FirstRunServerPage* m_serverPage = nullptr;
    FirstRunAdminPage* m_adminPage = nullptr;
    FirstRunDemoPage* m_demoPage = nullptr;
};

} // namespace usher::ui
