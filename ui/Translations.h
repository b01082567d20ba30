#pragma once

#include <QLocale>

class QCoreApplication;

namespace usher::ui {

// Installs Qt's own translations (qtbase_<lang>.qm from the Qt installation, when present) and
// Usher's (usher_<lang>.qm, embedded under :/i18n) for `locale`. A locale Usher has no translation
// for gets the English one, which carries the plural forms ("1 seat", "2 seats"). Returns false
// when not even that loaded.
bool installTranslations(QCoreApplication& app, const QLocale& locale = QLocale());

} // namespace usher::ui
