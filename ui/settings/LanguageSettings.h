#pragma once

// The user's interface language (issue 11): "" follows the system, otherwise a language code with an
// embedded translation ("en", "de", "fr"). It lives in QSettings under "ui/language" and takes
// effect at the next start: the widgets build their texts once and do not retranslate live.

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;
class QSettings;

namespace usher::ui {

class LanguageSettings {
public:
    static QString key() { return QStringLiteral("ui/language"); }
    // The language codes Usher has a translation for (from the embedded .qm files), sorted.
    static QStringList available();
    // The stored choice; "" (the system's language) when none or an unknown one is stored.
    static QString stored(const QSettings& settings);
    static void store(QSettings& settings, const QString& language);
    // The locale the app runs in: the system's, or the chosen language (in the system's country when
    // the system already speaks it, so that a de_CH system choosing "de" keeps Swiss formats).
    static QLocale locale(const QString& language, const QLocale& system = QLocale::system());
    // A language's name in that language ("Deutsch", "Français"), for the chooser.
    static QString nativeName(const QString& language);
    // Switches the running app to `language` ("" the system's): replaces the translators installed on
    // `app` and the default locale. Widgets that handle QEvent::LanguageChange retranslate.
    static void apply(QCoreApplication& app, const QString& language);
};

} // namespace usher::ui
