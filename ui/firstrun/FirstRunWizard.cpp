#include "FirstRunWizard.h"

#include "settings/LanguageSettings.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <algorithm>

namespace usher::ui {

namespace {

QLabel* wrappingLabel(QWidget* parent, const char* name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setWordWrap(true);
    return label;
}

void showProblem(QLabel* label, const QString& text)
{
    label->setText(text);
    label->setStyleSheet(text.isEmpty() ? QString() : QStringLiteral("color: #b00020;"));
}

} // namespace

// ---- language ------------------------------------------------------------------------------------

FirstRunLanguagePage::FirstRunLanguagePage(const QString& dataDirectory, QWidget* parent)
    : QWizardPage(parent)
    , m_dataDirectory(dataDirectory)
{
    setObjectName(QStringLiteral("firstRunLanguagePage"));
    auto* layout = new QVBoxLayout(this);
    m_intro = wrappingLabel(this, "firstRunIntroLabel");
    layout->addWidget(m_intro);
    auto* form = new QFormLayout;
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("firstRunLanguageBox"));
    m_language->addItem(QString(), QString()); // the system's; its text comes from retranslate()
    // Each language in its own name, so that somebody who cannot read the current one finds theirs.
    for (const QString& code : LanguageSettings::available())
        m_language->addItem(LanguageSettings::nativeName(code), code);
    m_languageLabel = new QLabel(this);
    m_languageLabel->setBuddy(m_language);
    form->addRow(m_languageLabel, m_language);
    layout->addLayout(form);
    m_dataLabel = wrappingLabel(this, "firstRunDataLabel");
    m_dataLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_dataLabel);
    layout->addStretch(1);
    connect(m_language, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT languageChosen(language()); });
    retranslate();
}

QString FirstRunLanguagePage::language() const
{
    return m_language->currentData().toString();
}

void FirstRunLanguagePage::retranslate()
{
    setTitle(tr("Welcome to Usher"));
    setSubTitle(tr("A few questions before the box office opens. You can change the language later in the "
                   "settings."));
    m_intro->setText(tr("Choose the language of Usher's windows, tickets and reports."));
    m_languageLabel->setText(tr("&Language:"));
    //: %1 is the system's language in that language, e.g. "Deutsch".
    m_language->setItemText(0, tr("System default (%1)").arg(LanguageSettings::nativeName(QLocale::system().name())));
    //: %1 is a folder.
    m_dataLabel->setText(tr("Usher keeps its data in %1. To use another folder, start it with --data FOLDER.")
                             .arg(QDir::toNativeSeparators(m_dataDirectory)));
}

void FirstRunLanguagePage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

// ---- server --------------------------------------------------------------------------------------

FirstRunServerPage::FirstRunServerPage(QWidget* parent)
    : QWizardPage(parent)
{
    setObjectName(QStringLiteral("firstRunServerPage"));
    auto* layout = new QVBoxLayout(this);
    m_standalone = new QRadioButton(this);
    m_standalone->setObjectName(QStringLiteral("firstRunStandaloneButton"));
    m_standalone->setChecked(true);
    m_connected = new QRadioButton(this);
    m_connected->setObjectName(QStringLiteral("firstRunConnectedButton"));
    auto* group = new QButtonGroup(this);
    group->addButton(m_standalone);
    group->addButton(m_connected);
    layout->addWidget(m_standalone);
    layout->addWidget(m_connected);
    auto* row = new QHBoxLayout;
    row->setContentsMargins(24, 0, 0, 0);
    m_urlLabel = new QLabel(this);
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("firstRunUrlEdit"));
    m_url->setPlaceholderText(QStringLiteral("https://tickets.example.org:8443"));
    m_urlLabel->setBuddy(m_url);
    m_test = new QPushButton(this);
    m_test->setObjectName(QStringLiteral("firstRunTestButton"));
    row->addWidget(m_urlLabel);
    row->addWidget(m_url, 1);
    row->addWidget(m_test);
    layout->addLayout(row);
    m_message = wrappingLabel(this, "firstRunServerMessageLabel");
    m_message->setContentsMargins(24, 0, 0, 0);
    layout->addWidget(m_message);
    layout->addStretch(1);
    m_network = new QNetworkAccessManager(this);

    connect(m_standalone, &QRadioButton::toggled, this, &FirstRunServerPage::refresh);
    connect(m_url, &QLineEdit::textChanged, this, &FirstRunServerPage::refresh);
    connect(m_test, &QPushButton::clicked, this, &FirstRunServerPage::testConnection);
    retranslate();
    refresh();
}

bool FirstRunServerPage::connected() const
{
    return m_connected->isChecked();
}

QUrl FirstRunServerPage::url() const
{
    QUrl url;
    if (!connected() || !FirstRun::checkUsherdUrl(m_url->text(), &url).isEmpty())
        return QUrl();
    return url;
}

bool FirstRunServerPage::isComplete() const
{
    return !connected() || FirstRun::checkUsherdUrl(m_url->text()).isEmpty();
}

bool FirstRunServerPage::validatePage()
{
    const QString problem = connected() ? FirstRun::checkUsherdUrl(m_url->text()) : QString();
    showProblem(m_message, problem);
    return problem.isEmpty();
}

void FirstRunServerPage::refresh()
{
    m_url->setEnabled(connected());
    m_test->setEnabled(connected() && FirstRun::checkUsherdUrl(m_url->text()).isEmpty());
    // A problem shows once something is typed; an empty field just keeps Next disabled.
    showProblem(m_message,
                connected() && !m_url->text().trimmed().isEmpty() ? FirstRun::checkUsherdUrl(m_url->text()) : QString());
    Q_EMIT completeChanged();
}

void FirstRunServerPage::testConnection()
{
    const QUrl base = url();
    if (base.isEmpty())
        return;
    QNetworkRequest request(base.resolved(QUrl(QStringLiteral("/healthz"))));
    request.setTransferTimeout(kTestTimeoutMs);
    m_test->setEnabled(false);
    m_message->setStyleSheet(QString());
    //: %1 is an address.
    m_message->setText(tr("Asking %1…").arg(base.toString()));
    QNetworkReply* reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, base] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool reached = reply->error() == QNetworkReply::NoError && status == 200;
        m_test->setEnabled(connected());
        if (reached) {
            m_message->setStyleSheet(QStringLiteral("color: #1b5e20;"));
            //: %1 is an address.
            m_message->setText(tr("usherd answers at %1.").arg(base.toString()));
        } else {
            //: %1 is an address, %2 the error.
            showProblem(m_message, tr("No answer from usherd at %1: %2. You can go on and connect later.")
                                       .arg(base.toString(), reply->errorString()));
        }
        Q_EMIT connectionTested(reached);
    });
}

void FirstRunServerPage::retranslate()
{
    setTitle(tr("Stand-alone or connected"));
    setSubTitle(tr("Usher sells on its own, or together with the central usherd service of your organisation."));
    m_standalone->setText(tr("&Stand-alone: this computer is the whole box office"));
    m_connected->setText(tr("&Connected to usherd (online sales, other box offices, the live dashboard)"));
    m_urlLabel->setText(tr("&Address:"));
    m_test->setText(tr("&Test connection"));
    if (isVisible())
        refresh();
}

void FirstRunServerPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

// ---- admin ---------------------------------------------------------------------------------------

FirstRunAdminPage::FirstRunAdminPage(QWidget* parent)
    : QWizardPage(parent)
{
    setObjectName(QStringLiteral("firstRunAdminPage"));
    auto* layout = new QVBoxLayout(this);
    m_intro = wrappingLabel(this, "firstRunAdminIntroLabel");
    layout->addWidget(m_intro);
    auto* form = new QFormLayout;
    const auto field = [this, form](const char* name, QLabel** label, QLineEdit** edit) {
        *edit = new QLineEdit(this);
        (*edit)->setObjectName(QString::fromLatin1(name));
        *label = new QLabel(this);
        (*label)->setBuddy(*edit);
        form->addRow(*label, *edit);
        connect(*edit, &QLineEdit::textChanged, this, &FirstRunAdminPage::refresh);
    };
    field("firstRunLoginEdit", &m_loginLabel, &m_login);
    field("firstRunNameEdit", &m_nameLabel, &m_name);
    field("firstRunPasswordEdit", &m_passwordLabel, &m_password);
    field("firstRunConfirmEdit", &m_confirmLabel, &m_confirm);
    m_password->setEchoMode(QLineEdit::Password);
    m_confirm->setEchoMode(QLineEdit::Password);
    layout->addLayout(form);
    m_message = wrappingLabel(this, "firstRunAdminMessageLabel");
    layout->addWidget(m_message);
    m_login->setText(QStringLiteral("admin")); // a suggestion
    layout->addStretch(1);
    retranslate();
}

QString FirstRunAdminPage::problem() const
{
    return FirstRun::checkAdmin(m_login->text().trimmed(), m_name->text(), m_password->text(), m_confirm->text());
}

bool FirstRunAdminPage::isComplete() const
{
    return problem().isEmpty();
}

void FirstRunAdminPage::refresh()
{
    // Say what is missing only once the password fields are reached, not while the form is blank.
    const bool started = !m_name->text().isEmpty() || !m_password->text().isEmpty();
    showProblem(m_message, started ? problem() : QString());
    Q_EMIT completeChanged();
}

void FirstRunAdminPage::retranslate()
{
    setTitle(tr("The administrator"));
    setSubTitle(tr("The first account of this box office. It creates the clerks', supervisors' and promoters' "
                   "accounts."));
    m_intro->setText(tr("A login uses lower-case letters, digits, '.', '-' and '_'; the password needs at least 8 "
                        "characters. Keep it safe: nobody can read it back."));
    m_loginLabel->setText(tr("L&ogin:"));
    m_nameLabel->setText(tr("Na&me:")); // Alt+N is Next
    m_passwordLabel->setText(tr("&Password:"));
    m_confirmLabel->setText(tr("&Repeat the password:"));
    refresh();
}

void FirstRunAdminPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

// ---- demo ----------------------------------------------------------------------------------------

FirstRunDemoPage::FirstRunDemoPage(QWidget* parent)
    : QWizardPage(parent)
{
    setObjectName(QStringLiteral("firstRunDemoPage"));
    auto* layout = new QVBoxLayout(this);
    m_intro = wrappingLabel(this, "firstRunDemoIntroLabel");
    layout->addWidget(m_intro);
    m_demo = new QCheckBox(this);
    m_demo->setObjectName(QStringLiteral("firstRunDemoBox"));
    layout->addWidget(m_demo);
    m_after = wrappingLabel(this, "firstRunAfterLabel");
    layout->addWidget(m_after);
    layout->addStretch(1);
    setFinalPage(true);
    retranslate();
}

void FirstRunDemoPage::retranslate()
{
    setTitle(tr("Demo venues and events"));
    setSubTitle(tr("Try Usher out on sample data, or start with an empty box office."));
    m_intro->setText(tr("The demo adds a concert hall and a studio with two events: the first already has seats "
                        "allocated to the box office, house seats blocked and about a quarter of its tickets "
                        "sold. Every change goes through the engine, so the audit log tells the same story."));
    m_demo->setText(tr("&Load the demo venues and events"));
    m_after->setText(tr("Finish creates the administrator's account and signs you in. The user guide is under "
                        "Help (F1)."));
}

void FirstRunDemoPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

// ---- wizard --------------------------------------------------------------------------------------

FirstRunWizard::FirstRunWizard(const QString& dataDirectory, bool applyLanguage, QWidget* parent)
    : QWizard(parent)
{
    setObjectName(QStringLiteral("firstRunWizard"));
    setWizardStyle(QWizard::ClassicStyle); // the same on every platform, and in the screenshots
    setOption(QWizard::NoBackButtonOnStartPage);
    m_languagePage = new FirstRunLanguagePage(dataDirectory, this);
    m_serverPage = new FirstRunServerPage(this);
    m_adminPage = new FirstRunAdminPage(this);
    m_demoPage = new FirstRunDemoPage(this);
    setPage(LanguagePageId, m_languagePage);
    setPage(ServerPageId, m_serverPage);
    setPage(AdminPageId, m_adminPage);
    setPage(DemoPageId, m_demoPage);
    if (applyLanguage)
        connect(m_languagePage, &FirstRunLanguagePage::languageChosen, this,
                [](const QString& language) { LanguageSettings::apply(*QCoreApplication::instance(), language); });
    retranslate();
    resize(std::max(640, sizeHint().width()), std::max(460, sizeHint().height()));
}

FirstRunChoices FirstRunWizard::choices() const
{
    FirstRunChoices choices;
    choices.language = m_languagePage->language();
    choices.connected = m_serverPage->connected();
    choices.usherdUrl = m_serverPage->url();
    choices.adminLogin = m_adminPage->loginEdit()->text().trimmed();
    choices.adminName = m_adminPage->nameEdit()->text().trimmed();
    choices.adminPassword = m_adminPage->passwordEdit()->text();
    choices.loadDemo = m_demoPage->demoBox()->isChecked();
    return choices;
}

void FirstRunWizard::retranslate()
{
    setWindowTitle(tr("Usher: first start"));
    // Set here rather than left to QWizard, so that they follow a language chosen on the first page.
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::FinishButton, tr("&Finish"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
}

void FirstRunWizard::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizard::changeEvent(event);
}

} // namespace usher::ui
