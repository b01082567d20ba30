#include "boxoffice/Money.h"

#include "event/EventSpec.h"

namespace usher {

std::string formatMinorUnits(Amount minor, const std::string& currency)
{
    int exponent = currencyExponent(currency);
    if (exponent < 0)
        exponent = 2;
    const bool negative = minor < 0;
    // Work on the unsigned magnitude so that INT64_MIN does not overflow.
    std::uint64_t magnitude = negative ? ~static_cast<std::uint64_t>(minor) + 1 : static_cast<std::uint64_t>(minor);
    std::uint64_t scale = 1;
    for (int i = 0; i < exponent; ++i)
        scale *= 10;
    std::string text = std::to_string(magnitude / scale);
    if (exponent > 0) {
        std::string fraction = std::to_string(magnitude % scale);
        text += '.' + std::string(static_cast<std::size_t>(exponent) - fraction.size(), '0') + fraction;
    }
    return negative ? '-' + text : text;
}

std::string formatMoney(Amount minor, const std::string& currency)
{
    return formatMinorUnits(minor, currency) + ' ' + currency;
}

bool validCurrencyCode(const std::string& currency)
{
    if (currency.size() != 3)
        return false;
    for (const char c : currency) {
        if (c < 'A' || c > 'Z')
            return false;
    }
    return true;
}

} // namespace usher
