#include "LanguageSettings.h"

#include "Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QTranslator>

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
    if (QLocale(language).language() == QLocale::C) // the "C" locale of a bare system speaks English
        return QLocale(QLocale::English).nativeLanguageName();
    QString name = QLocale(language).nativeLanguageName();
    if (!name.isEmpty())
        name[0] = name[0].toUpper(); // "français" as a list entry
    return name.isEmpty() ? language : name;
}

void LanguageSettings::apply(QCoreApplication& app, const QString& language)
{
    // installTranslations() parents its translators to the app.
    for (QTranslator* translator : app.findChildren<QTranslator*>(QString(), Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    const QLocale chosen = locale(language);
    QLocale::setDefault(chosen);
    installTranslations(app, chosen);
}

} // namespace usher::ui
