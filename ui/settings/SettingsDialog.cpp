#include "SettingsDialog.h"

#include "LanguageSettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
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
    setWindowTitle(tr("Settings"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageBox"));
    //: %1 is the system's language in that language, e.g. "Deutsch".
    m_language->addItem(tr("System default (%1)").arg(LanguageSettings::nativeName(QLocale::system().name())),
                        QString());
    // Each language in its own name, so that somebody who cannot read the current one finds theirs.
    for (const QString& code : LanguageSettings::available())
        m_language->addItem(LanguageSettings::nativeName(code), code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(LanguageSettings::stored(settings))));
    form->addRow(tr("&Language:"), m_language);
    layout->addLayout(form);
    auto* note = new QLabel(tr("A new language takes effect when Usher starts again."), this);
    note->setObjectName(QStringLiteral("languageNoteLabel"));
    note->setWordWrap(true);
    layout->addWidget(note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    layout->addWidget(buttons);
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
