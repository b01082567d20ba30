#include "counter/SignInPage.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace usher::ui {

SignInPage::SignInPage(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("signInPage"));
    auto* box = new QGroupBox(tr("Sign in to the box office"), this);
    m_box = box;
    box->setObjectName(QStringLiteral("signInGroupBox"));
    m_firstRunHint = new QLabel(tr("This box office has no account yet. Create the administrator's account "
                                   "first; it can sell at the counter and open every view."),
                                box);
    m_firstRunHint->setObjectName(QStringLiteral("firstRunHintLabel"));
    m_firstRunHint->setWordWrap(true);
    m_firstRunHint->hide();
    m_name = new QLineEdit(box);
    m_name->setObjectName(QStringLiteral("nameLineEdit"));
    m_name->setMaxLength(128);
    m_confirm = new QLineEdit(box);
    m_confirm->setObjectName(QStringLiteral("confirmPasswordLineEdit"));
    m_confirm->setEchoMode(QLineEdit::Password);
    m_confirm->setMaxLength(256);
    m_login = new QLineEdit(box);
    m_login->setObjectName(QStringLiteral("loginLineEdit"));
    m_login->setMaxLength(64);
    m_password = new QLineEdit(box);
    m_password->setObjectName(QStringLiteral("passwordLineEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaxLength(256);
    m_signIn = new QPushButton(tr("&Sign in"), box);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    m_error = new QLabel(box);
    m_error->setObjectName(QStringLiteral("signInErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
    m_error->hide();
    m_demoHint = new QLabel(box);
    m_demoHint->setObjectName(QStringLiteral("demoHintLabel"));
    m_demoHint->setWordWrap(true);
    m_demoHint->setTextFormat(Qt::RichText);
    m_demoHint->hide();

    auto* form = new QFormLayout;
    m_form = form;
    form->addRow(tr("&Login:"), m_login);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("&Repeat the password:"), m_confirm);
    form->setRowVisible(m_name, false);
    form->setRowVisible(m_confirm, false);
    auto* boxLayout = new QVBoxLayout(box);
    boxLayout->addWidget(m_firstRunHint);
    boxLayout->addLayout(form);
    boxLayout->addWidget(m_signIn, 0, Qt::AlignRight);
    boxLayout->addWidget(m_error);
    boxLayout->addWidget(m_demoHint);
    box->setMinimumWidth(380);
    box->setMaximumWidth(480);

    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(box, 0, Qt::AlignHCenter);
    layout->addStretch(2);

    setTabOrder(m_login, m_name);
    setTabOrder(m_name, m_password);
    setTabOrder(m_password, m_confirm);
    setTabOrder(m_confirm, m_signIn);
    connect(m_login, &QLineEdit::returnPressed, this, [this] {
        (m_firstRun ? m_name : m_password)->setFocus();
    });
    connect(m_name, &QLineEdit::returnPressed, m_password, qOverload<>(&QWidget::setFocus));
    connect(m_password, &QLineEdit::returnPressed, this, [this] {
        if (m_firstRun)
            m_confirm->setFocus();
        else
            submit();
    });
    connect(m_confirm, &QLineEdit::returnPressed, this, &SignInPage::submit);
    connect(m_signIn, &QPushButton::clicked, this, &SignInPage::submit);
}

void SignInPage::setDemoHint(const QString& hint)
{
    m_demoHint->setText(hint);
    m_demoHint->setVisible(!hint.isEmpty());
}

void SignInPage::setFirstRun(bool firstRun)
{
    m_firstRun = firstRun;
    m_box->setTitle(firstRun ? tr("Create the administrator account") : tr("Sign in to the box office"));
    m_signIn->setText(firstRun ? tr("&Create and sign in") : tr("&Sign in"));
    m_firstRunHint->setVisible(firstRun);
    m_form->setRowVisible(m_name, firstRun);
    m_form->setRowVisible(m_confirm, firstRun);
    reset();
}

void SignInPage::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    m_password->clear();
    m_confirm->clear();
    m_password->setFocus();
}

void SignInPage::setBusy(bool busy)
{
    m_signIn->setEnabled(!busy);
    m_login->setReadOnly(busy);
    m_name->setReadOnly(busy);
    m_password->setReadOnly(busy);
    m_confirm->setReadOnly(busy);
}

void SignInPage::reset()
{
    m_password->clear();
    m_confirm->clear();
    m_error->clear();
    m_error->hide();
    m_login->setFocus();
    m_login->selectAll();
}

void SignInPage::submit()
{
    if (!m_signIn->isEnabled())
        return;
    if (m_login->text().trimmed().isEmpty()) {
        m_error->setText(tr("Enter your login."));
        m_error->show();
        m_login->setFocus();
        return;
    }
    if (!m_firstRun) {
        Q_EMIT signInRequested(m_login->text().trimmed(), m_password->text());
        return;
    }
    const auto refuse = [this](const QString& message, QLineEdit* focus) {
        m_error->setText(message);
        m_error->show();
        focus->setFocus();
    };
    if (m_name->text().trimmed().isEmpty())
        return refuse(tr("Enter the administrator's name."), m_name);
    if (m_password->text().toUtf8().size() < 8)
        return refuse(tr("The password needs at least 8 characters."), m_password);
    if (m_password->text() != m_confirm->text()) {
        m_confirm->clear();
        return refuse(tr("The two passwords differ. Type the password again."), m_confirm);
    }
    Q_EMIT firstAdminRequested(m_login->text().trimmed(), m_name->text().trimmed(), m_password->text());
}

} // namespace usher::ui
