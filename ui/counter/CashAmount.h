#pragma once

// Money typed by a clerk: "12.50", "12,50" (the locale's decimal separator), "12", in the
// currency's minor units, exactly (never through a double).

#include "core/Types.h"

#include <QLocale>
#include <QString>

#include <string>

namespace usher::ui {

class CashAmount {
public:
    // False when the text is not an amount >= 0 with at most the currency's decimals.
    static bool parse(const QString& text, const std::string& currency, Amount* amount,
                      const QLocale& locale = QLocale());
    static QString format(Amount amount, const std::string& currency); // "12.50 EUR"
};

} // namespace usher::ui
