#include "SettingsDialog.h"

#include "LanguageSettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

#include <algorithm>

namespace usher::ui {

SettingsDialog::SettingsDialog(QSettings& settings, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("settingsDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageBox"));
    m_language->addItem(QString(), QString()); // the system's; its text comes from retranslate()
    // Each language in its own name, so that somebody who cannot read the current one finds theirs.
    for (const QString& code : LanguageSettings::available())
        m_language->addItem(LanguageSettings::nativeName(code), code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(LanguageSettings::stored(settings))));
    m_languageLabel = new QLabel(this);
    m_languageLabel->setBuddy(m_language);
    form->addRow(m_languageLabel, m_language);
    layout->addLayout(form);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("languageNoteLabel"));
    m_note->setWordWrap(true);
    layout->addWidget(m_note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    layout->addWidget(buttons);
    retranslate();
}

void SettingsDialog::retranslate()
{
    setWindowTitle(tr("Settings"));
    //: %1 is the system's language in that language, e.g. "Deutsch".
    m_language->setItemText(0, tr("System default (%1)").arg(LanguageSettings::nativeName(QLocale::system().name())));
    m_languageLabel->setText(tr("&Language:"));
    m_note->setText(tr("A new language takes effect when Usher starts again."));
}

void SettingsDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

QString SettingsDialog::chosenLanguage() const
{
    return m_language->currentData().toString();
}

void SettingsDialog::accept()
{
    LanguageSettings::store(m_settings, chosenLanguage());
    QDialog::accept();
}

} // namespace usher::ui
