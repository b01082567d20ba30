#pragma once

// Money in the box office: integer minor units plus an ISO 4217 currency, never floating point.

#include "core/Types.h"

#include <string>

namespace usher {

// "1234.50 EUR" for (123450, "EUR"); "-3.00 EUR"; "500 JPY". Currencies unknown to
// currencyExponent() are shown with two decimals.
std::string formatMoney(Amount minor, const std::string& currency);
// The amount without the currency ("1234.50"), for CSV columns.
std::string formatMinorUnits(Amount minor, const std::string& currency);
// ISO 4217 codes are three upper-case letters.
bool validCurrencyCode(const std::string& currency);

} // namespace usher
