#pragma once

// Money as the counter shows and reads it: integer minor units of a currency, never a double.

#include "core/Types.h"

#include <QString>

#include <string>

namespace usher::ui {

// "45.00 EUR".
QString counterMoney(Amount minor, const std::string& currency);
// "45.00" (no currency), for an input field.
QString counterMoneyPlain(Amount minor, const std::string& currency);
// Reads "45", "45.5", "45.50", "45,50" (and an optional currency code) in the currency's minor
// units. False for anything else: a negative amount, too many decimals, more than 13 digits.
bool parseCounterMoney(const QString& text, const std::string& currency, Amount* minor);

} // namespace usher::ui
