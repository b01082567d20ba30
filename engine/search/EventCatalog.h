#pragma once

// Event search and discovery (issue 10): the catalog record of an event, the query, the result
// with its facet counts, and the interface every search store implements. SqliteEventSearch
// (SQLite FTS5) is the embedded one; PgEventSearch (engine/pgstore: tsvector/GIN) the one on
// PostgreSQL. See docs/design/search.md.
//
// Availability is never read from seat tables during a query: the caller supplies cached counts
// (setAvailability) whenever they change, and the index keeps only their class.

#include "core/Types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace usher {
struct EventSpec;
}

namespace usher::search {

enum class Availability : std::uint8_t {
    OnSale = 0, // also the class of an event whose availability was never supplied
    FewLeft = 1,
    SoldOut = 2,
};
constexpr std::size_t kAvailabilityClasses = 3;
const char* availabilityName(Availability availability); // "on_sale", "few_left", "sold_out"
bool parseAvailability(std::string_view text, Availability* out);
// Sold out at 0; few left at 10% of capacity or less; else on sale.
Availability availabilityOf(std::uint64_t available, std::uint64_t capacity);

// Channel kinds an event sells through, as bits (EventSpec channels have per-event ids).
enum ChannelBit : std::uint8_t {
    ChannelOnline = 1u << 0,
    ChannelBoxOffice = 1u << 1,
};
const char* channelName(ChannelBit bit); // "online", "box_office"
bool parseChannel(std::string_view text, ChannelBit* out);

// What search knows about an event.
struct CatalogEvent {
    EventId id = 0;
    std::string name;
    std::string performer;
    std::string venue;
    std::string city;
    std::string genre;
    Timestamp startsAt = 0;
    std::string timeZone = "UTC";
    std::string currency = "EUR";
    Amount priceMin = 0; // the cheapest and dearest ticket offered, minor units
    Amount priceMax = 0;
    std::uint8_t channels = 0; // ChannelBit
};
CatalogEvent catalogEventFromSpec(const EventSpec& spec);

enum class Partition : std::uint8_t {
    Current = 0, // the default: events not archived
    Archive = 1, // only archived events
    All = 2,
};

// Limits on a query; SearchStatus::InvalidQuery beyond them.
namespace searchlimits {
constexpr std::size_t textBytesMax = 256;
constexpr std::size_t termsMax = 16;
constexpr std::size_t filterValuesMax = 32; // per facet
constexpr std::uint32_t pageSizeMax = 100;
constexpr std::uint32_t offsetMax = 10'000;
constexpr std::size_t facetValuesMax = 20; // values reported per facet, by count
} // namespace searchlimits

struct SearchQuery {
    std::string text; // words of name, performer, venue, city; the last one is a prefix unless followed by a space
    std::optional<Timestamp> from;   // startsAt >= from
    std::optional<Timestamp> to;     // startsAt < to
    std::vector<std::string> cities; // any of these (exact value, as the facets report it)
    std::vector<std::string> venues;
    std::vector<std::string> genres;
    std::optional<Amount> minPrice; // the event's price range overlaps [minPrice, maxPrice]
    std::optional<Amount> maxPrice;
    std::uint8_t availability = 0; // bits 1 << Availability; 0: any
    std::uint8_t channels = 0;     // ChannelBit; 0: any
    Partition partition = Partition::Current;
    std::uint32_t limit = 20;
    // Paging: either a cursor (the previous page's nextCursor: stable while events are added)
    // or an offset into the same deterministic order.
    std::string after;
    std::uint32_t offset = 0;
    Timestamp dayStart = 0; // start of "today" for the date facet, in the caller's zone
};

struct SearchHit {
    CatalogEvent event;
    Availability availability = Availability::OnSale;
    int relevance = 0; // 2: the name or performer matches, 1: venue or city only, 0: no text
    bool archived = false;
};

struct FacetValue {
    std::string value;
    std::uint64_t count = 0;
};

// Each facet counts the events that match every other filter (so a chip shows how many its
// filter would give); date and price are fixed buckets.
struct SearchFacets {
    std::vector<FacetValue> city;
    std::vector<FacetValue> venue;
    std::vector<FacetValue> genre;
    std::vector<FacetValue> availability; // on_sale, few_left, sold_out
    std::vector<FacetValue> channel;      // online, box_office
    std::vector<FacetValue> price;        // "0-2000", "2000-5000", "5000-10000", "10000+" (priceMin, minor units)
    std::vector<FacetValue> date;         // past, today, next_7_days, next_30_days, later
};

struct SearchResult {
    std::vector<SearchHit> hits;
    std::uint64_t total = 0;
    SearchFacets facets;
    std::string nextCursor; // empty on the last page
};

enum class SearchStatus : std::uint8_t {
    Ok = 0,
    InvalidQuery = 1,
    StorageError = 2,
};

class EventSearchIndex {
public:
    virtual ~EventSearchIndex() = default;

    // Adds or replaces events (by id), in one transaction. An archived event stays archived.
    virtual SearchStatus upsert(const std::vector<CatalogEvent>& events, std::string* error) = 0;
    virtual SearchStatus remove(EventId id, std::string* error) = 0;
    // Cached availability from the read path; cheap, call it on every change.
    virtual void setAvailability(EventId id, std::uint64_t available, std::uint64_t capacity) = 0;
    // Moves every current event starting before `cutoff` to the archive; *moved gets how many.
    virtual SearchStatus archiveBefore(Timestamp cutoff, std::size_t* moved, std::string* error) = 0;
    virtual SearchStatus search(const SearchQuery& query, SearchResult* result, std::string* error) = 0;

    // Reads what other processes wrote to a shared store (PgEventSearch: other usherd nodes on the
    // database) into this one's view; a store only this process writes has nothing to read. usherd
    // calls it every SearchOptions::refreshIntervalMs.
    virtual SearchStatus refresh(std::string* error)
    {
        (void)error;
        return SearchStatus::Ok;
    }

    // Changes whenever an answer could change (upsert, remove, archive, an availability class,
    // another process's change read by refresh() or a query).
    virtual std::uint64_t generation() const = 0;
    virtual std::size_t size(Partition partition) const = 0;
};

} // namespace usher::search
