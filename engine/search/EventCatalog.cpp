#include "search/EventCatalog.h"

#include "event/EventSpec.h"

#include <algorithm>
#include <limits>

namespace usher::search {

const char* availabilityName(Availability availability)
{
    switch (availability) {
    case Availability::OnSale: return "on_sale";
    case Availability::FewLeft: return "few_left";
    case Availability::SoldOut: return "sold_out";
    }
    return "on_sale";
}

bool parseAvailability(std::string_view text, Availability* out)
{
    for (const Availability a : { Availability::OnSale, Availability::FewLeft, Availability::SoldOut }) {
        if (text == availabilityName(a)) {
            *out = a;
            return true;
        }
    }
    return false;
}

Availability availabilityOf(std::uint64_t available, std::uint64_t capacity)
{
    if (available == 0)
        return Availability::SoldOut;
    if (available * 10 <= capacity)
        return Availability::FewLeft;
    return Availability::OnSale;
}

const char* channelName(ChannelBit bit)
{
    return bit == ChannelBoxOffice ? "box_office" : "online";
}

bool parseChannel(std::string_view text, ChannelBit* out)
{
    if (text == "online" || text == "box_office") {
        *out = text == "online" ? ChannelOnline : ChannelBoxOffice;
        return true;
    }
    return false;
}

CatalogEvent catalogEventFromSpec(const EventSpec& spec)
{
    CatalogEvent e;
    e.id = spec.id;
    e.name = spec.name;
    e.performer = spec.performer;
    e.venue = spec.venue ? spec.venue->name : std::string();
    e.city = spec.effectiveCity();
    e.genre = spec.genre;
    e.startsAt = spec.startsAt;
    e.timeZone = spec.timeZone;
    e.currency = spec.currency;
    Amount low = std::numeric_limits<Amount>::max();
    Amount high = 0;
    for (const CategoryPrices& prices : spec.prices) {
        for (const Amount amount : prices.amounts) {
            if (amount == kNotOffered)
                continue;
            low = std::min(low, amount);
            high = std::max(high, amount);
        }
    }
    e.priceMin = low == std::numeric_limits<Amount>::max() ? 0 : low;
    e.priceMax = high;
    for (const SalesChannel& channel : spec.channels)
        e.channels |= channel.kind == ChannelKind::BoxOffice ? ChannelBoxOffice : ChannelOnline;
    return e;
}

} // namespace usher::search
