#include "event/EventSpec.h"

#include "core/Limits.h"

#include <algorithm>
#include <unordered_set>

namespace usher {

namespace {

using std::to_string;

struct Currency {
    const char* code;
    int exponent;
};

// ISO 4217 minor-unit exponents. Deliberately a table rather than ICU/QLocale: the exponent
// decides how integer amounts are shown and must not change with the system's locale data.
constexpr Currency kCurrencies[] = {
    { "AED", 2 }, { "ARS", 2 }, { "AUD", 2 }, { "BGN", 2 }, { "BHD", 3 }, { "BIF", 0 }, { "BRL", 2 }, { "CAD", 2 },
    { "CHF", 2 }, { "CLP", 0 }, { "CNY", 2 }, { "COP", 2 }, { "CZK", 2 }, { "DJF", 0 }, { "DKK", 2 }, { "EGP", 2 },
    { "EUR", 2 }, { "GBP", 2 }, { "GNF", 0 }, { "HKD", 2 }, { "HUF", 2 }, { "IDR", 2 }, { "ILS", 2 }, { "INR", 2 },
    { "IQD", 3 }, { "ISK", 0 }, { "JOD", 3 }, { "JPY", 0 }, { "KMF", 0 }, { "KRW", 0 }, { "KWD", 3 }, { "LYD", 3 },
    { "MAD", 2 }, { "MXN", 2 }, { "MYR", 2 }, { "NOK", 2 }, { "NZD", 2 }, { "OMR", 3 }, { "PHP", 2 }, { "PLN", 2 },
    { "PYG", 0 }, { "RON", 2 }, { "RSD", 2 }, { "RWF", 0 }, { "SAR", 2 }, { "SEK", 2 }, { "SGD", 2 }, { "THB", 2 },
    { "TND", 3 }, { "TRY", 2 }, { "TWD", 2 }, { "UAH", 2 }, { "UGX", 0 }, { "USD", 2 }, { "UYU", 2 }, { "VND", 0 },
    { "VUV", 0 }, { "XAF", 0 }, { "XOF", 0 }, { "XPF", 0 }, { "ZAR", 2 },
};

std::string checkText(const std::string& text, const std::string& path, bool required)
{
    if (required && text.empty())
        return path + ": must not be empty";
    if (text.size() > limits::textBytesMax)
        return path + ": longer than " + to_string(limits::textBytesMax) + " bytes";
    return {};
}

std::string checkBasics(const EventSpec& spec)
{
    if (spec.id == 0)
        return "id: must not be 0";
    if (auto e = checkText(spec.name, "name", true); !e.empty())
        return e;
    if (auto e = checkText(spec.timeZone, "timeZone", true); !e.empty())
        return e;
    for (const auto& [text, path] : { std::pair { &spec.performer, "performer" }, std::pair { &spec.genre, "genre" },
                                       std::pair { &spec.city, "city" } })
        if (auto e = checkText(*text, path, false); !e.empty())
            return e;
    if (!spec.venue)
        return "venue: missing";
    if (currencyExponent(spec.currency) < 0)
        return "currency: unknown ISO 4217 code \"" + spec.currency + "\"";
    return {};
}

std::string checkPriceTypes(const EventSpec& spec)
{
    if (spec.priceTypes.empty() || spec.priceTypes.size() > limits::priceTypesMax)
        return "priceTypes: " + to_string(spec.priceTypes.size()) + " price types, expected 1.."
            + to_string(limits::priceTypesMax);
    std::unordered_set<std::string> keys;
    for (std::size_t i = 0; i < spec.priceTypes.size(); ++i) {
        const std::string path = "priceTypes[" + to_string(i) + "]";
        if (auto e = checkText(spec.priceTypes[i].key, path + ".key", true); !e.empty())
            return e;
        if (!keys.insert(spec.priceTypes[i].key).second)
            return path + ".key: duplicate price type \"" + spec.priceTypes[i].key + "\"";
        if (auto e = checkText(spec.priceTypes[i].name, path + ".name", false); !e.empty())
            return e;
    }
    return {};
}

std::string checkPrices(const EventSpec& spec)
{
    std::unordered_set<std::string> seen;
    for (std::size_t i = 0; i < spec.prices.size(); ++i) {
        const CategoryPrices& prices = spec.prices[i];
        const std::string path = "prices[" + to_string(i) + "]";
        if (spec.venue->categoryIndex(prices.category) < 0)
            return path + ".category: the venue has no category \"" + prices.category + "\"";
        if (!seen.insert(prices.category).second)
            return path + ".category: category \"" + prices.category + "\" is priced twice";
        if (prices.amounts.size() != spec.priceTypes.size())
            return path + ".amounts: " + to_string(prices.amounts.size()) + " amounts, expected one per price type ("
                + to_string(spec.priceTypes.size()) + ")";
        for (std::size_t t = 0; t < prices.amounts.size(); ++t) {
            const Amount amount = prices.amounts[t];
            if (amount != kNotOffered && (amount < 0 || amount > kAmountMax))
                return path + ".amounts[" + to_string(t) + "]: " + to_string(amount) + " is not in 0.."
                    + to_string(kAmountMax) + " (or not offered)";
        }
    }
    return {};
}

std::string checkChannels(const EventSpec& spec)
{
    if (spec.channels.empty() || spec.channels.size() > limits::channelsMax)
        return "channels: " + to_string(spec.channels.size()) + " channels, expected 1.."
            + to_string(limits::channelsMax);
    std::unordered_set<ChannelId> ids;
    for (std::size_t i = 0; i < spec.channels.size(); ++i) {
        const SalesChannel& channel = spec.channels[i];
        const std::string path = "channels[" + to_string(i) + "]";
        if (channel.id == 0)
            return path + ".id: must not be 0 (0 is the open pool)";
        if (!ids.insert(channel.id).second)
            return path + ".id: duplicate channel id " + to_string(channel.id);
        if (auto e = checkText(channel.name, path + ".name", false); !e.empty())
            return e;
        if (channel.kind != ChannelKind::Online && channel.kind != ChannelKind::BoxOffice)
            return path + ".kind: unknown channel kind " + to_string(int(channel.kind));
        if (channel.onsaleAt >= channel.offsaleAt)
            return path + ": onsaleAt must be before offsaleAt";
    }
    return {};
}

std::string checkDurations(const EventSpec& spec)
{
    if (spec.holdSeconds < 1 || spec.holdSeconds > limits::holdSecondsMax)
        return "holdSeconds: " + to_string(spec.holdSeconds) + " is not in 1.." + to_string(limits::holdSecondsMax);
    if (spec.holdLifetimeSecondsMax < spec.holdSeconds)
        return "holdLifetimeSecondsMax: " + to_string(spec.holdLifetimeSecondsMax) + " is less than holdSeconds ("
            + to_string(spec.holdSeconds) + ")";
    if (spec.paymentSecondsMax < 1)
        return "paymentSecondsMax: must be at least 1";
    if (spec.ticketsPerOrderMax < 1 || spec.ticketsPerOrderMax > limits::orderTicketsMax)
        return "ticketsPerOrderMax: " + to_string(spec.ticketsPerOrderMax) + " is not in 1.."
            + to_string(limits::orderTicketsMax);
    if (spec.ticketsPerOrderPeak > limits::orderTicketsMax)
        return "ticketsPerOrderPeak: " + to_string(spec.ticketsPerOrderPeak) + " is over "
            + to_string(limits::orderTicketsMax);
    return {};
}

} // namespace

std::string EventSpec::finalize()
{
    priceTable.clear();
    for (auto check : { checkBasics, checkPriceTypes, checkPrices, checkChannels, checkDurations }) {
        if (std::string problem = check(*this); !problem.empty())
            return problem;
    }
    ticketsPerOrderPeak = std::max(ticketsPerOrderPeak, ticketsPerOrderMax);
    const std::size_t types = priceTypes.size();
    priceTable.assign(venue->categories.size() * types, kNotOffered);
    for (const CategoryPrices& entry : prices) {
        const auto category = static_cast<std::size_t>(venue->categoryIndex(entry.category));
        for (std::size_t t = 0; t < types; ++t)
            priceTable[category * types + t] = entry.amounts[t];
    }
    return {};
}

const SalesChannel* EventSpec::channel(ChannelId channelId) const
{
    for (const SalesChannel& c : channels) {
        if (c.id == channelId)
            return &c;
    }
    return nullptr;
}

const std::string& EventSpec::effectiveCity() const
{
    static const std::string kNone;
    return !city.empty() ? city : venue ? venue->city : kNone;
}

int EventSpec::currencyExponent() const
{
    return usher::currencyExponent(currency);
}

int currencyExponent(const std::string& isoCode)
{
    for (const Currency& c : kCurrencies) {
        if (isoCode == c.code)
            return c.exponent;
    }
    return -1;
}

} // namespace usher
