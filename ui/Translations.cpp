#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace usher::ui {

bool installTranslations(QCoreApplication& app, const QLocale& locale)
{
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    auto* usher = new QTranslator(&app);
    if (usher->load(locale, QStringLiteral("usher"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || usher->load(QStringLiteral("usher_en"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(usher);
        return true;
    }
    delete usher;
    return false;
}

} // namespace usher::ui
