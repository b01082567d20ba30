#pragma once

#include "core/Types.h"
#include "venue/Venue.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace usher {

enum class ChannelKind : std::uint8_t {
    Online = 1,
    BoxOffice = 2,
};

struct SalesChannel {
    ChannelId id = 0; // 1..65535, unique within the event
    std::string name;
    ChannelKind kind = ChannelKind::Online;
    Timestamp onsaleAt = 0;  // holds are accepted from this moment...
    Timestamp offsaleAt = 0; // ...until this one (exclusive)
};

struct PriceType {
    std::string key;  // "adult", "concession", "child"
    std::string name; // shown to people
};

// Prices of one venue category, one entry per event price type. kNotOffered marks a price type
// that is not sold in this category.
struct CategoryPrices {
    std::string category; // VenueCategory::key
    std::vector<Amount> amounts;
};
constexpr Amount kNotOffered = -1;
// The largest price finalize() accepts: 10^15 minor units, so that order totals cannot overflow.
constexpr Amount kAmountMax = 1'000'000'000'000'000;

// Everything the ledger needs to know about an event. Stored with the event. A running event's spec
// changes only through Engine::updateEventSpec, which journals a new revision (not its venue).
struct EventSpec {
    EventId id = 0;
    std::string name;
    // Optional catalog fields for search (empty when not given): who performs, the genre
    // ("Concert", "Theatre"...), and the city when it differs from the venue's (else the venue's).
    std::string performer;
    std::string genre;
    std::string city;
    Timestamp startsAt = 0;
    std::string timeZone = "UTC"; // IANA name, for display
    std::string currency = "EUR"; // ISO 4217
    VenuePtr venue;
    std::vector<PriceType> priceTypes;       // index = price type number in commands
    std::vector<CategoryPrices> prices;      // one per venue category that is sold
    std::vector<SalesChannel> channels;
    std::uint32_t holdSeconds = 600;         // a new hold lives this long
    std::uint32_t holdLifetimeSecondsMax = 1800; // extend never goes past createdAt + this
    std::uint32_t paymentSecondsMax = 120;   // a hold with a payment in flight lives at least this long
    std::uint32_t ticketsPerOrderMax = 10;
    // Changes while the event runs (Engine::updateEventSpec): the revision counts them (0 as
    // created), and the peak is the highest ticketsPerOrderMax the event ever had, which sizes the
    // ledger's hold table so that holds made under an older, higher limit still replay. finalize()
    // raises the peak to ticketsPerOrderMax.
    std::uint32_t revision = 0;
    std::uint32_t ticketsPerOrderPeak = 0;
    std::array<std::uint8_t, 32> ticketKey{}; // secret for ticket codes; generated at creation

    // Checks the spec and builds priceTable. Returns an empty string when valid, else the first
    // problem. Must succeed before a ledger is created from the spec.
    std::string finalize();

    const SalesChannel* channel(ChannelId channelId) const;
    // Where the event takes place for people and search: `city`, else the venue's city.
    const std::string& effectiveCity() const;
    // Price of a ticket of venue category `category` (index) and price type `priceType`;
    // kNotOffered when not sold. Inline: a confirm prices every ticket with it.
    Amount price(std::uint16_t category, std::uint32_t priceType) const
    {
        const std::size_t index = std::size_t(category) * priceTypes.size() + priceType;
        if (priceType >= priceTypes.size() || index >= priceTable.size())
            return kNotOffered;
        return priceTable[index];
    }
    int currencyExponent() const; // 2 for EUR, 0 for JPY...

    // Resolved prices: priceTable[category * priceTypes.size() + priceType]. Built by finalize().
    std::vector<Amount> priceTable;
};

int currencyExponent(const std::string& isoCode); // -1 when unknown

} // namespace usher
