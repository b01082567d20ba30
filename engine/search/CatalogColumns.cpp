#include "search/CatalogColumns.h"

#include "core/Assert.h"

#include <algorithm>
#include <bit>

namespace usher::search {

namespace {

constexpr Timestamp kDayMs = kSearchDayMs;

// The facets, as bit numbers of a row's "failed filters" mask.
enum Dim : std::uint8_t { DimDate, DimVenue, DimCity, DimGenre, DimPrice, DimAvailability, DimChannel };

// Strings of one field (city, venue, genre) as small numbers; ids are never reused.
struct Dictionary {
    std::unordered_map<std::string, std::uint32_t> ids;
    std::vector<std::string> values;
    std::uint32_t intern(const std::string& value)
    {
        auto [it, added] = ids.emplace(value, std::uint32_t(values.size()));
        if (added)
            values.push_back(value);
        return it->second;
    }
};

// The slots of each value of a field (venue, city, genre), so that a query filtering on two of them
// visits the events that pass at least one instead of every event. A list may still hold slots that
// lost the value (an update, a removal or a move to the archive): the scan checks the columns, so a
// stale slot costs one visit, and rebuild() drops them after an archive run.
struct Postings {
    std::vector<std::vector<std::uint32_t>> slots; // by dictionary id, ascending once sorted
    std::vector<char> unsorted;

    void add(std::uint32_t value, std::uint32_t slot)
    {
        if (slots.size() <= value) {
            slots.resize(value + 1);
            unsorted.resize(value + 1, 0);
        }
        std::vector<std::uint32_t>& list = slots[value];
        if (!list.empty() && list.back() >= slot)
            unsorted[value] = 1;
        list.push_back(slot);
    }
    const std::vector<std::uint32_t>& sorted(std::uint32_t value)
    {
        static const std::vector<std::uint32_t> none;
        if (value >= slots.size())
            return none;
        std::vector<std::uint32_t>& list = slots[value];
        if (unsorted[value] != 0) {
            std::sort(list.begin(), list.end());
            list.erase(std::unique(list.begin(), list.end()), list.end());
            unsorted[value] = 0;
        }
        return list;
    }
};

// The filter and facet fields of one partition, by slot.
struct Columns {
    std::vector<EventId> id; // 0: the slot is free (event removed or moved)
    std::vector<Timestamp> startsAt;
    std::vector<Amount> priceMin;
    std::vector<Amount> priceMax;
    std::vector<std::uint32_t> venue;
    std::vector<std::uint32_t> city;
    std::vector<std::uint32_t> genre;
    std::vector<std::uint8_t> channels;
    std::vector<std::uint8_t> availability;
    std::array<Postings, 3> postings; // venue, city, genre
    std::size_t live = 0;

    void rebuildPostings()
    {
        postings = {};
        for (std::uint32_t slot = 0; slot < id.size(); ++slot) {
            if (id[slot] == 0)
                continue;
            postings[0].add(venue[slot], slot);
            postings[1].add(city[slot], slot);
            postings[2].add(genre[slot], slot);
        }
    }

    std::uint32_t append()
    {
        const auto slot = std::uint32_t(id.size());
        id.push_back(0);
        startsAt.push_back(0);
        priceMin.push_back(0);
        priceMax.push_back(0);
        venue.push_back(0);
        city.push_back(0);
        genre.push_back(0);
        channels.push_back(0);
        availability.push_back(0);
        return slot;
    }
};

// The query compiled against the dictionaries.
struct Filter {
    std::optional<Timestamp> from;
    std::optional<Timestamp> to;
    std::vector<char> venues, cities, genres; // allowed dictionary ids; empty: any
    std::optional<Amount> minPrice;
    std::optional<Amount> maxPrice;
    std::uint8_t availability = 0;
    std::uint8_t channels = 0;
    Timestamp dayStart = 0;
};

struct Counts {
    std::vector<std::uint64_t> venue, city, genre;
    std::array<std::uint64_t, kAvailabilityClasses> availability {};
    std::array<std::uint64_t, 2> channel {};
    std::array<std::uint64_t, kPriceBuckets.size()> price {};
    std::array<std::uint64_t, kDateBuckets.size()> date {};
};

std::size_t priceBucket(Amount price)
{
    std::size_t b = 0;
    while (b < kPriceBucketBounds.size() && price >= kPriceBucketBounds[b])
        ++b;
    return b;
}

std::size_t dateBucket(Timestamp startsAt, Timestamp dayStart)
{
    if (startsAt < dayStart)
        return 0;
    if (startsAt < dayStart + kDayMs)
        return 1;
    if (startsAt < dayStart + 7 * kDayMs)
        return 2;
    return startsAt < dayStart + 30 * kDayMs ? 3 : 4;
}

bool compileValues(const std::vector<std::string>& values, const Dictionary& dictionary, const char* name,
                   std::vector<char>* allowed, std::string* error)
{
    allowed->clear();
    if (values.size() > searchlimits::filterValuesMax) {
        *error = std::string(name) + ": more than " + std::to_string(searchlimits::filterValuesMax) + " values";
        return false;
    }
    if (values.empty())
        return true;
    allowed->assign(dictionary.values.size() + 1, 0);
    allowed->back() = 1; // marks the filter as set even when no value is known
    for (const std::string& value : values) {
        const auto found = dictionary.ids.find(value);
        if (found != dictionary.ids.end())
            (*allowed)[found->second] = 1;
    }
    return true;
}

// The filters a slot fails, as Dim bits.
std::uint32_t failures(const Filter& f, const Columns& c, std::uint32_t slot)
{
    std::uint32_t failed = 0;
    const Timestamp at = c.startsAt[slot];
    if ((f.from && at < *f.from) || (f.to && at >= *f.to))
        failed |= 1u << DimDate;
    if (!f.venues.empty() && !f.venues[c.venue[slot]])
        failed |= 1u << DimVenue;
    if (!f.cities.empty() && !f.cities[c.city[slot]])
        failed |= 1u << DimCity;
    if (!f.genres.empty() && !f.genres[c.genre[slot]])
        failed |= 1u << DimGenre;
    if ((f.minPrice && c.priceMax[slot] < *f.minPrice) || (f.maxPrice && c.priceMin[slot] > *f.maxPrice))
        failed |= 1u << DimPrice;
    if (f.availability != 0 && (f.availability & (1u << c.availability[slot])) == 0)
        failed |= 1u << DimAvailability;
    if (f.channels != 0 && (f.channels & c.channels[slot]) == 0)
        failed |= 1u << DimChannel;
    return failed;
}

void count(Counts& n, const Columns& c, std::uint32_t slot, std::uint32_t dims, Timestamp dayStart)
{
    const auto on = [dims](Dim d) { return (dims & (1u << d)) != 0; };
    if (on(DimDate))
        ++n.date[dateBucket(c.startsAt[slot], dayStart)];
    if (on(DimVenue))
        ++n.venue[c.venue[slot]];
    if (on(DimCity))
        ++n.city[c.city[slot]];
    if (on(DimGenre))
        ++n.genre[c.genre[slot]];
    if (on(DimPrice))
        ++n.price[priceBucket(c.priceMin[slot])];
    if (on(DimAvailability))
        ++n.availability[c.availability[slot]];
    if (on(DimChannel)) {
        n.channel[0] += (c.channels[slot] & ChannelOnline) ? 1 : 0;
        n.channel[1] += (c.channels[slot] & ChannelBoxOffice) ? 1 : 0;
    }
}

// The order of the page: a candidate that sorts first is "less".
bool sortsFirst(const PageSlot& a, const PageSlot& b)
{
    return a.key.before(b.key);
}

// The slots a filter-only query must visit, ascending, when it filters on two or more of venue,
// city and genre: an event counts (in the results or in one facet) only if it fails at most one
// filter, so it passes at least one of those, and the union of their posting lists covers it.
// False when a full scan is needed (fewer than two such filters).
bool postingUnion(const Filter& f, Columns& c, std::vector<std::uint64_t>& bits, std::vector<std::uint32_t>& out)
{
    const std::array<const std::vector<char>*, 3> allowed { &f.venues, &f.cities, &f.genres };
    int set = 0;
    for (const std::vector<char>* a : allowed)
        set += a->empty() ? 0 : 1;
    if (set < 2)
        return false;
    bits.assign((c.id.size() + 63) / 64, 0);
    for (std::size_t d = 0; d < allowed.size(); ++d) {
        const std::vector<char>& a = *allowed[d];
        for (std::uint32_t value = 0; value + 1 < a.size(); ++value) { // the last entry only marks "set"
            if (a[value] == 0)
                continue;
            for (const std::uint32_t slot : c.postings[d].sorted(value))
                bits[slot / 64] |= std::uint64_t(1) << (slot % 64);
        }
    }
    out.clear();
    for (std::size_t w = 0; w < bits.size(); ++w)
        for (std::uint64_t word = bits[w]; word != 0; word &= word - 1)
            out.push_back(std::uint32_t(w * 64 + std::size_t(std::countr_zero(word))));
    return true;
}

std::vector<FacetValue> topValues(const std::vector<std::uint64_t>& counts, const Dictionary& dictionary)
{
    std::vector<FacetValue> out;
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (counts[i] != 0)
            out.push_back(FacetValue { dictionary.values[i], counts[i] });
    return topFacetValues(std::move(out));
}

template <std::size_t N>
std::vector<FacetValue> fixedValues(const std::array<std::uint64_t, N>& counts, const std::array<const char*, N>& names)
{
    std::vector<FacetValue> out;
    for (std::size_t i = 0; i < N; ++i)
        out.push_back(FacetValue { names[i], counts[i] });
    return out;
}

} // namespace

bool searchesPartition(Partition partition, std::uint8_t p)
{
    return partition == Partition::All || (p == 0) == (partition == Partition::Current);
}

struct CatalogColumns::State {
    Dictionary venues;
    Dictionary cities;
    Dictionary genres;
    std::array<Columns, 2> columns;
    std::unordered_map<EventId, CatalogSlot> where;

    // The query under way (begin .. finish), and scratch space kept between queries: a fresh
    // multi-megabyte vector per query costs a page fault per 4 KiB on every query.
    Filter filter;
    Counts counts;
    std::optional<SearchKey> after;
    // The first `keep` candidates in page order, as a max-heap (the last of them on top): a query
    // matching 500,000 events keeps a page's worth, not 500,000.
    std::vector<PageSlot> candidates;
    std::size_t keep = 0;
    std::uint32_t offset = 0;
    std::uint32_t limit = 0;
    std::uint64_t total = 0;
    std::vector<std::uint64_t> slotBits;
    std::vector<std::uint32_t> slotList;
};

CatalogColumns::CatalogColumns()
    : m_state(std::make_unique<State>())
{
}

CatalogColumns::~CatalogColumns() = default;

const CatalogSlot* CatalogColumns::find(EventId id) const
{
    const auto found = m_state->where.find(id);
    return found == m_state->where.end() ? nullptr : &found->second;
}

std::uint32_t CatalogColumns::append(std::uint8_t partition)
{
    USHER_ASSERT(partition < 2);
    return m_state->columns[partition].append();
}

void CatalogColumns::set(CatalogSlot at, const CatalogEvent& e)
{
    State& s = *m_state;
    USHER_ASSERT(at.partition < 2 && at.slot < s.columns[at.partition].id.size() && e.id != 0);
    Columns& c = s.columns[at.partition];
    const bool fresh = c.id[at.slot] == 0;
    if (fresh)
        ++c.live;
    c.id[at.slot] = e.id;
    c.startsAt[at.slot] = e.startsAt;
    c.priceMin[at.slot] = e.priceMin;
    c.priceMax[at.slot] = e.priceMax;
    const std::array<std::uint32_t, 3> values { s.venues.intern(e.venue), s.cities.intern(e.city),
                                                s.genres.intern(e.genre) };
    const std::array<std::uint32_t*, 3> fields { &c.venue[at.slot], &c.city[at.slot], &c.genre[at.slot] };
    for (std::size_t f = 0; f < values.size(); ++f) {
        if (fresh || *fields[f] != values[f])
            c.postings[f].add(values[f], at.slot);
        *fields[f] = values[f];
    }
    c.channels[at.slot] = e.channels;
    s.where[e.id] = at;
}

void CatalogColumns::clear(CatalogSlot at)
{
    Columns& c = m_state->columns[at.partition];
    USHER_ASSERT(at.slot < c.id.size() && c.id[at.slot] != 0);
    m_state->where.erase(c.id[at.slot]);
    c.id[at.slot] = 0;
    c.availability[at.slot] = 0;
    --c.live;
}

CatalogSlot CatalogColumns::place(const CatalogEvent& event, std::uint8_t partition)
{
    USHER_ASSERT(partition < 2);
    const CatalogSlot* known = find(event.id);
    if (known && known->partition == partition) {
        const CatalogSlot at = *known;
        set(at, event);
        return at;
    }
    std::uint8_t availability = 0;
    if (known) {
        availability = this->availability(*known);
        clear(*known);
    }
    const CatalogSlot at { partition, append(partition) };
    set(at, event);
    m_state->columns[partition].availability[at.slot] = availability;
    return at;
}

void CatalogColumns::reset()
{
    State& s = *m_state;
    s.columns = {};
    s.where.clear();
}

std::uint8_t CatalogColumns::availability(CatalogSlot at) const
{
    return m_state->columns[at.partition].availability[at.slot];
}

bool CatalogColumns::setAvailability(CatalogSlot at, Availability availability)
{
    std::uint8_t& stored = m_state->columns[at.partition].availability[at.slot];
    if (stored == std::uint8_t(availability))
        return false;
    stored = std::uint8_t(availability);
    return true;
}

std::size_t CatalogColumns::live(std::uint8_t partition) const
{
    return m_state->columns[partition].live;
}

std::size_t CatalogColumns::slots(std::uint8_t partition) const
{
    return m_state->columns[partition].id.size();
}

EventId CatalogColumns::id(CatalogSlot at) const
{
    return m_state->columns[at.partition].id[at.slot];
}

Timestamp CatalogColumns::startsAt(CatalogSlot at) const
{
    return m_state->columns[at.partition].startsAt[at.slot];
}

void CatalogColumns::rebuildPostings(std::uint8_t partition)
{
    m_state->columns[partition].rebuildPostings();
}

bool CatalogColumns::begin(const SearchQuery& q, const std::optional<SearchKey>& after, std::string* error)
{
    State& s = *m_state;
    Filter& f = s.filter;
    f.from = q.from;
    f.to = q.to;
    f.minPrice = q.minPrice;
    f.maxPrice = q.maxPrice;
    f.availability = q.availability;
    f.channels = q.channels;
    f.dayStart = q.dayStart;
    if (!compileValues(q.venues, s.venues, "venue", &f.venues, error)
        || !compileValues(q.cities, s.cities, "city", &f.cities, error)
        || !compileValues(q.genres, s.genres, "category", &f.genres, error))
        return false;
    s.counts = Counts {};
    s.counts.venue.assign(s.venues.values.size(), 0);
    s.counts.city.assign(s.cities.values.size(), 0);
    s.counts.genre.assign(s.genres.values.size(), 0);
    s.after = after;
    s.candidates.clear();
    s.offset = q.offset;
    s.limit = q.limit;
    s.keep = std::size_t(q.offset) + q.limit + 1; // one more than the page: is there a next page?
    s.total = 0;
    return true;
}

void CatalogColumns::visit(CatalogSlot at, std::uint8_t relevance)
{
    State& s = *m_state;
    const Columns& columns = s.columns[at.partition];
    const std::uint32_t slot = at.slot;
    if (slot >= columns.id.size() || columns.id[slot] == 0)
        return;
    constexpr std::uint32_t kAll = (1u << (DimChannel + 1)) - 1;
    const std::uint32_t failed = failures(s.filter, columns, slot);
    if (failed != 0) {
        if (std::has_single_bit(failed))
            count(s.counts, columns, slot, failed, s.filter.dayStart);
        return;
    }
    count(s.counts, columns, slot, kAll, s.filter.dayStart);
    ++s.total;
    const PageSlot candidate { SearchKey { relevance, columns.startsAt[slot], columns.id[slot] }, at };
    if (s.after && !s.after->before(candidate.key))
        return;
    std::vector<PageSlot>& candidates = s.candidates;
    if (candidates.size() < s.keep) {
        candidates.push_back(candidate);
        std::push_heap(candidates.begin(), candidates.end(), sortsFirst);
    } else if (sortsFirst(candidate, candidates.front())) {
        std::pop_heap(candidates.begin(), candidates.end(), sortsFirst);
        candidates.back() = candidate;
        std::push_heap(candidates.begin(), candidates.end(), sortsFirst);
    }
}

void CatalogColumns::visitAll(std::uint8_t partition)
{
    State& s = *m_state;
    Columns& c = s.columns[partition];
    if (postingUnion(s.filter, c, s.slotBits, s.slotList)) {
        for (const std::uint32_t slot : s.slotList)
            visit(CatalogSlot { partition, slot }, 0);
        return;
    }
    const auto slots = std::uint32_t(c.id.size());
    for (std::uint32_t slot = 0; slot < slots; ++slot)
        visit(CatalogSlot { partition, slot }, 0);
}

void CatalogColumns::finish(SearchResult* result, std::vector<PageSlot>* page)
{
    State& s = *m_state;
    std::vector<PageSlot>& candidates = s.candidates;
    std::sort_heap(candidates.begin(), candidates.end(), sortsFirst); // page order
    const Counts& n = s.counts;
    SearchFacets& f = result->facets;
    f.venue = topValues(n.venue, s.venues);
    f.city = topValues(n.city, s.cities);
    f.genre = topValues(n.genre, s.genres);
    f.availability.clear();
    for (std::size_t a = 0; a < kAvailabilityClasses; ++a)
        f.availability.push_back(FacetValue { availabilityName(Availability(a)), n.availability[a] });
    f.channel = { { channelName(ChannelOnline), n.channel[0] }, { channelName(ChannelBoxOffice), n.channel[1] } };
    f.price = fixedValues(n.price, kPriceBuckets);
    f.date = fixedValues(n.date, kDateBuckets);
    result->total = s.total;
    result->hits.clear();
    const std::size_t end = std::min<std::size_t>(candidates.size(), std::size_t(s.offset) + s.limit);
    page->clear();
    for (std::size_t i = s.offset; i < end; ++i)
        page->push_back(candidates[i]);
    result->nextCursor.clear();
    if (candidates.size() > end && end > s.offset)
        result->nextCursor = encodeCursor(candidates[end - 1].key);
}

} // namespace usher::search
