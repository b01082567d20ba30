#include "LanguageSettings.h"

#include <QDir>
#include <QSettings>

namespace usher::ui {

QStringList LanguageSettings::available()
{
    QStringList languages;
    const QStringList files = QDir(QStringLiteral(":/i18n")).entryList({ QStringLiteral("usher_*.qm") }, QDir::Files);
    for (const QString& file : files)
        languages << file.mid(6, file.size() - 6 - 3); // usher_<code>.qm
    languages.sort();
    return languages;
}

QString LanguageSettings::stored(const QSettings& settings)
{
    const QString language = settings.value(key()).toString();
    return available().contains(language) ? language : QString();
}

void LanguageSettings::store(QSettings& settings, const QString& language)
{
    Q_ASSERT(language.isEmpty() || available().contains(language));
    if (language.isEmpty())
        settings.remove(key());
    else
        settings.setValue(key(), language);
    settings.sync();
}

QLocale LanguageSettings::locale(const QString& language, const QLocale& system)
{
    if (language.isEmpty())
        return system;
    const QLocale chosen(language);
    return chosen.language() == system.language() ? system : chosen;
}

QString LanguageSettings::nativeName(const QString& language)
{
    QString name = QLocale(language).nativeLanguageName();
    if (!name.isEmpty())
        name[0] = name[0].toUpper(); // "français" as a list entry
    return name.isEmpty() ? language : name;
}

} // namespace usher::ui
