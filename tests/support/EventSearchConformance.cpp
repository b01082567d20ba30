#include "support/EventSearchConformance.h"

#include <QTest>

#include <algorithm>
#include <map>
#include <random>
#include <set>

namespace usher::test {

using namespace usher::search;

CatalogEvent searchEvent(EventId id, const char* name, const char* performer, const char* venue, const char* city,
                         const char* genre, int day, Amount low, Amount high, std::uint8_t channels)
{
    CatalogEvent e;
    e.id = id;
    e.name = name;
    e.performer = performer;
    e.venue = venue;
    e.city = city;
    e.genre = genre;
    e.startsAt = kSearchT0 + day * kSearchDay + 19 * 3600 * 1000;
    e.timeZone = "Europe/Zurich";
    e.currency = "CHF";
    e.priceMin = low;
    e.priceMax = high;
    e.channels = channels;
    return e;
}

std::vector<CatalogEvent> searchDataSet()
{
    return {
        searchEvent(1, "Tosca", "Opernhaus Ensemble", "Opernhaus", "Zürich", "Opera", 3, 4000, 18000),
        searchEvent(2, "Berlin Philharmonic on tour", "Berliner Philharmoniker", "Tonhalle", "Zürich", "Classical", 10,
                    6000, 22000),
        searchEvent(3, "Rock night", "Die Ärzte", "Hallenstadion", "Zürich", "Rock", 0, 5500, 9000, ChannelOnline),
        searchEvent(4, "Jazz brunch", "Trio Grande", "Moods", "Zürich", "Jazz", 40, 1500, 1500, ChannelBoxOffice),
        searchEvent(5, "Carmen", "Staatsoper Ensemble", "Staatsoper", "Berlin", "Opera", 5, 3000, 15000),
        searchEvent(6, "Rock am Ring warm-up", "Die Toten Hosen", "Waldbühne", "Berlin", "Rock", 2, 4500, 7900),
        searchEvent(7, "Zurich comes to Berlin", "Züri West", "Columbiahalle", "Berlin", "Rock", 20, 3900, 3900),
        searchEvent(8, "Matinee", "Kammerorchester", "Gewandhaus", "Leipzig", "Classical", 1, 2500, 6000),
        searchEvent(9, "Björk live", "Björk", "Hallenstadion", "Zürich", "Pop", 60, 8900, 25000, ChannelOnline),
        searchEvent(10, "Köln calling", "Brings", "Lanxess Arena", "Köln", "Pop", 15, 4900, 12000),
    };
}

std::unique_ptr<EventSearchIndex> withDataSet(SearchUnderTest& store)
{
    std::unique_ptr<EventSearchIndex> index = store.openFresh();
    if (!index)
        return nullptr;
    std::string error;
    if (index->upsert(searchDataSet(), &error) != SearchStatus::Ok) {
        qWarning("upsert failed: %s", error.c_str());
        return nullptr;
    }
    if (index->size(Partition::Current) != 10) {
        qWarning("the data set is not all there: %zu events", index->size(Partition::Current));
        return nullptr;
    }
    return index;
}

SearchQuery searchTextQuery(const std::string& text)
{
    SearchQuery q;
    q.text = text;
    q.dayStart = kSearchT0;
    q.limit = 100;
    return q;
}

SearchResult runQuery(EventSearchIndex& index, const SearchQuery& query)
{
    SearchResult r;
    std::string error;
    if (index.search(query, &r, &error) != SearchStatus::Ok)
        qWarning("search failed: %s", error.c_str());
    return r;
}

std::vector<EventId> resultIds(const SearchResult& r)
{
    std::vector<EventId> out;
    for (const SearchHit& hit : r.hits)
        out.push_back(hit.event.id);
    return out;
}

std::uint64_t facetCount(const std::vector<FacetValue>& facet, const std::string& value)
{
    for (const FacetValue& v : facet)
        if (v.value == value)
            return v.count;
    return 0;
}

namespace searchconformance {

void diacriticsFold(SearchUnderTest& store)
{
    const auto index = withDataSet(store);
    QVERIFY(index);
    const auto run = [&index](const SearchQuery& q) { return runQuery(*index, q); };
    // "Zurich" finds "Zürich" (city) and "Zurich" (a name); "Zürich" finds both as well.
    const std::vector<EventId> plain = resultIds(run(searchTextQuery("Zurich ")));
    const std::vector<EventId> accented = resultIds(run(searchTextQuery("Zürich ")));
    QCOMPARE(plain.size(), std::size_t(6)); // 5 events in Zürich and "Zurich comes to Berlin"
    QCOMPARE(std::set<EventId>(plain.begin(), plain.end()), std::set<EventId>(accented.begin(), accented.end()));
    QCOMPARE(resultIds(run(searchTextQuery("bjork"))), std::vector<EventId>({ 9 }));
    QCOMPARE(resultIds(run(searchTextQuery("KOLN"))), std::vector<EventId>({ 10 }));
    QCOMPARE(resultIds(run(searchTextQuery("aerzte"))).size(), std::size_t(0)); // folding, not transliteration
}

void prefixAsYouType(SearchUnderTest& store)
{
    const auto index = withDataSet(store);
    QVERIFY(index);
    const auto run = [&index](const SearchQuery& q) { return runQuery(*index, q); };
    QCOMPARE(resultIds(run(searchTextQuery("to"))).size(), std::size_t(4)); // Tosca, tour, Tonhalle, Toten Hosen...
    QCOMPARE(resultIds(run(searchTextQuery("Tos"))), std::vector<EventId>({ 1 }));
    QCOMPARE(resultIds(run(searchTextQuery("hallens"))), std::vector<EventId>({ 3, 9 }));
    // A finished word (followed by a space) is no prefix any more.
    QCOMPARE(resultIds(run(searchTextQuery("Tos "))).size(), std::size_t(0));
    // Every word must match, in any of name, performer, venue and city.
    QCOMPARE(resultIds(run(searchTextQuery("rock zur"))), std::vector<EventId>({ 3 }));
    QCOMPARE(resultIds(run(searchTextQuery("zuri west"))), std::vector<EventId>({ 7 }));
    // Query syntax is text: quotes, stars and column filters cannot reach FTS5.
    QCOMPARE(resultIds(run(searchTextQuery("\"name\":* OR NOT {city}"))).size(), std::size_t(0));
}

void relevanceThenDate(SearchUnderTest& store)
{
    const auto index = withDataSet(store);
    QVERIFY(index);
    const auto run = [&index](const SearchQuery& q) { return runQuery(*index, q); };
    // "berlin": the names/performers with Berlin (2, 7) first, by date; then the events in Berlin
    // (5, 6) by date.
    QCOMPARE(resultIds(run(searchTextQuery("berlin "))), std::vector<EventId>({ 2, 7, 6, 5 }));
    const SearchResult r = run(searchTextQuery("berlin "));
    QCOMPARE(r.hits[0].relevance, 2);
    QCOMPARE(r.hits[3].relevance, 1);
    // Without text: by date only.
    QCOMPARE(resultIds(run(searchTextQuery(""))), std::vector<EventId>({ 3, 8, 6, 1, 5, 2, 10, 7, 4, 9 }));
}

void facetCountsOfTheDataSet(SearchUnderTest& store)
{
    const auto index = withDataSet(store);
    QVERIFY(index);
    const auto run = [&index](const SearchQuery& q) { return runQuery(*index, q); };
    const SearchResult r = run(searchTextQuery(""));
    QCOMPARE(r.total, std::uint64_t(10));
    QCOMPARE(facetCount(r.facets.city, "Zürich"), std::uint64_t(5));
    QCOMPARE(facetCount(r.facets.city, "Berlin"), std::uint64_t(3));
    QCOMPARE(facetCount(r.facets.city, "Leipzig"), std::uint64_t(1));
    QCOMPARE(r.facets.city.front().value, std::string("Zürich")); // by count
    QCOMPARE(facetCount(r.facets.genre, "Rock"), std::uint64_t(3));
    QCOMPARE(facetCount(r.facets.venue, "Hallenstadion"), std::uint64_t(2));
    QCOMPARE(facetCount(r.facets.channel, "online"), std::uint64_t(9));
    QCOMPARE(facetCount(r.facets.channel, "box_office"), std::uint64_t(8));
    QCOMPARE(facetCount(r.facets.availability, "on_sale"), std::uint64_t(10));
    // Price buckets by the cheapest ticket: 1500 | 2500 | 3000 3900 4000 4500 4900 | 5500 6000 8900.
    QCOMPARE(facetCount(r.facets.price, "0-2000"), std::uint64_t(1));
    QCOMPARE(facetCount(r.facets.price, "2000-5000"), std::uint64_t(6));
    QCOMPARE(facetCount(r.facets.price, "5000-10000"), std::uint64_t(3));
    QCOMPARE(facetCount(r.facets.price, "10000+"), std::uint64_t(0));
    // Days 0 | 1 2 3 5 | 10 15 20 | 40 60.
    QCOMPARE(facetCount(r.facets.date, "today"), std::uint64_t(1));
    QCOMPARE(facetCount(r.facets.date, "next_7_days"), std::uint64_t(4));
    QCOMPARE(facetCount(r.facets.date, "next_30_days"), std::uint64_t(3));
    QCOMPARE(facetCount(r.facets.date, "later"), std::uint64_t(2));
}

void facetsCountOtherFilters(SearchUnderTest& store)
{
    const auto index = withDataSet(store);
    QVERIFY(index);
    const auto run = [&index](const SearchQuery& q) { return runQuery(*index, q); };
    SearchQuery q = searchTextQuery("");
    q.cities = { "Berlin" };
    const SearchResult r = run(q);
    QCOMPARE(r.total, std::uint64_t(3));
    // The city facet ignores the city filter (so the chips say what choosing them gives)...
    QCOMPARE(facetCount(r.facets.city, "Zürich"), std::uint64_t(5));
    // ...every other facet counts within Berlin.
    QCOMPARE(facetCount(r.facets.genre, "Rock"), std::uint64_t(2));
    QCOMPARE(facetCount(r.facets.genre, "Opera"), std::uint64_t(1));
    QCOMPARE(facetCount(r.facets.genre, "Pop"), std::uint64_t(0));
    // Two cities: either.
    q.cities = { "Berlin", "Leipzig" };
    QCOMPARE(run(q).total, std::uint64_t(4));
    // With text: "rock" in Berlin.
    q = searchTextQuery("rock");
    q.cities = { "Berlin" };
    QCOMPARE(resultIds(run(q)), std::vector<EventId>({ 6 }));
    QCOMPARE(facetCount(run(q).facets.city, "Zürich"), std::uint64_t(1));
}

void filters(SearchUnderTest& store)
{
    const auto index = withDataSet(store);
    QVERIFY(index);
    const auto run = [&index](const SearchQuery& q) { return runQuery(*index, q); };
    SearchQuery q = searchTextQuery("");
    q.from = kSearchT0 + 5 * kSearchDay;
    q.to = kSearchT0 + 16 * kSearchDay;
    QCOMPARE(resultIds(run(q)), std::vector<EventId>({ 5, 2, 10 }));
    q = searchTextQuery("");
    q.minPrice = 20000; // overlaps the price range
    QCOMPARE(resultIds(run(q)), std::vector<EventId>({ 2, 9 }));
    q.minPrice = 1000;
    q.maxPrice = 2000;
    QCOMPARE(resultIds(run(q)), std::vector<EventId>({ 4 }));
    q = searchTextQuery("");
    q.channels = ChannelBoxOffice;
    QCOMPARE(run(q).total, std::uint64_t(8));
    q.genres = { "Pop" };
    QCOMPARE(resultIds(run(q)), std::vector<EventId>({ 10 }));
    q = searchTextQuery("");
    q.venues = { "Nowhere" }; // an unknown value matches nothing
    QCOMPARE(run(q).total, std::uint64_t(0));
}

void availabilityFromTheCache(SearchUnderTest& store)
{
    const auto index = withDataSet(store);
    QVERIFY(index);
    const auto run = [&index](const SearchQuery& q) { return runQuery(*index, q); };
    const std::uint64_t generation = index->generation();
    index->setAvailability(3, 0, 500);   // sold out
    index->setAvailability(9, 40, 1000); // few left
    index->setAvailability(1, 900, 1000);
    QVERIFY(index->generation() > generation);
    const std::uint64_t after = index->generation();
    index->setAvailability(1, 800, 1000); // same class: answers cannot change
    QCOMPARE(index->generation(), after);
    SearchQuery q = searchTextQuery("hallenstadion");
    const SearchResult r = run(q);
    QCOMPARE(facetCount(r.facets.availability, "sold_out"), std::uint64_t(1));
    QCOMPARE(facetCount(r.facets.availability, "few_left"), std::uint64_t(1));
    q.availability = 1u << std::uint8_t(Availability::OnSale) | 1u << std::uint8_t(Availability::FewLeft);
    QCOMPARE(resultIds(run(q)), std::vector<EventId>({ 9 }));
    QCOMPARE(run(q).hits[0].availability, Availability::FewLeft);
}

void pagingStaysStableWhileAdding(SearchUnderTest& store)
{
    const auto index = withDataSet(store);
    QVERIFY(index);
    const auto run = [&index](const SearchQuery& q) { return runQuery(*index, q); };
    SearchQuery q = searchTextQuery("");
    q.limit = 3;
    std::vector<EventId> seen;
    EventId next = 100;
    for (int page = 0; page < 10; ++page) {
        const SearchResult r = run(q);
        for (const SearchHit& hit : r.hits)
            seen.push_back(hit.event.id);
        // Events arrive between pages: some sort before everything seen, some after.
        std::string error;
        QCOMPARE(index->upsert({ searchEvent(next++, "Early bird", "x", "v", "Basel", "Pop", -1, 100, 100),
                                   searchEvent(next++, "Very late", "y", "v", "Basel", "Pop", 400 + page, 100, 100) },
                                 &error),
                 SearchStatus::Ok);
        if (r.nextCursor.empty())
            break;
        q.after = r.nextCursor;
    }
    // Every event of the data set exactly once, in order, and no early bird (they sort before the cursor).
    std::vector<EventId> original;
    for (const EventId id : seen)
        if (id <= 10)
            original.push_back(id);
    QCOMPARE(original, std::vector<EventId>({ 3, 8, 6, 1, 5, 2, 10, 7, 4, 9 }));
    QCOMPARE(std::set<EventId>(seen.begin(), seen.end()).size(), seen.size());
    for (const EventId id : seen)
        QVERIFY(id <= 10 || id % 2 == 1); // the late ones (odd ids) may follow; early (even) never
}

void offsetPaging(SearchUnderTest& store)
{
    const auto index = withDataSet(store);
    QVERIFY(index);
    const auto run = [&index](const SearchQuery& q) { return runQuery(*index, q); };
    SearchQuery q = searchTextQuery("");
    q.limit = 4;
    q.offset = 4;
    QCOMPARE(resultIds(run(q)), std::vector<EventId>({ 5, 2, 10, 7 }));
    q.offset = 8;
    const SearchResult last = run(q);
    QCOMPARE(resultIds(last), std::vector<EventId>({ 4, 9 }));
    QVERIFY(last.nextCursor.empty());
}

void archiveOnlyWhenAsked(SearchUnderTest& store)
{
    const auto index = withDataSet(store);
    QVERIFY(index);
    const auto run = [&index](const SearchQuery& q) { return runQuery(*index, q); };
    std::size_t moved = 0;
    std::string error;
    const std::uint64_t generation = index->generation();
    QCOMPARE(index->archiveBefore(kSearchT0 + 3 * kSearchDay, &moved, &error), SearchStatus::Ok);
    QCOMPARE(moved, std::size_t(3)); // days 0, 1 and 2
    QVERIFY(index->generation() > generation);
    QCOMPARE(index->size(Partition::Current), std::size_t(7));
    QCOMPARE(index->size(Partition::Archive), std::size_t(3));
    QCOMPARE(resultIds(run(searchTextQuery("hallenstadion"))), std::vector<EventId>({ 9 }));
    QCOMPARE(run(searchTextQuery("")).total, std::uint64_t(7));
    SearchQuery q = searchTextQuery("hallenstadion");
    q.partition = Partition::Archive;
    const SearchResult archived = run(q);
    QCOMPARE(resultIds(archived), std::vector<EventId>({ 3 }));
    QVERIFY(archived.hits[0].archived);
    q.partition = Partition::All;
    QCOMPARE(resultIds(run(q)), std::vector<EventId>({ 3, 9 }));
    QVERIFY(!run(q).hits[1].archived);
    // An archived event that is updated stays archived.
    QCOMPARE(
        index->upsert({ searchEvent(3, "Rock night (moved)", "Die Ärzte", "Hallenstadion", "Zürich", "Rock", 0, 5500, 9000) },
                        &error),
        SearchStatus::Ok);
    QCOMPARE(index->size(Partition::Archive), std::size_t(3));
    QCOMPARE(resultIds(run(searchTextQuery("moved"))).size(), std::size_t(0));
    q = searchTextQuery("moved");
    q.partition = Partition::Archive;
    QCOMPARE(resultIds(run(q)), std::vector<EventId>({ 3 }));
}

void replaceAndRemove(SearchUnderTest& store)
{
    const auto index = withDataSet(store);
    QVERIFY(index);
    const auto run = [&index](const SearchQuery& q) { return runQuery(*index, q); };
    std::string error;
    CatalogEvent tosca = searchDataSet()[0];
    tosca.name = "La Bohème";
    QCOMPARE(index->upsert({ tosca }, &error), SearchStatus::Ok);
    QCOMPARE(resultIds(run(searchTextQuery("tosca"))).size(), std::size_t(0));
    QCOMPARE(resultIds(run(searchTextQuery("boheme"))), std::vector<EventId>({ 1 }));
    QCOMPARE(index->size(Partition::Current), std::size_t(10));
    QCOMPARE(index->remove(1, &error), SearchStatus::Ok);
    QCOMPARE(resultIds(run(searchTextQuery("boheme"))).size(), std::size_t(0));
    QCOMPARE(run(searchTextQuery("")).total, std::uint64_t(9));
    QCOMPARE(facetCount(run(searchTextQuery("")).facets.genre, "Opera"), std::uint64_t(1));
}

// What was written is there after a restart: events, the archive, the facets.
void persistsAcrossReopen(SearchUnderTest& store)
{
    std::string error;
    {
        const auto index = withDataSet(store);
        QVERIFY(index);
        std::size_t moved = 0;
        QCOMPARE(index->archiveBefore(kSearchT0 + kSearchDay, &moved, &error), SearchStatus::Ok);
        QCOMPARE(moved, std::size_t(1));
    }
    const auto index = store.reopen();
    QVERIFY(index);
    QCOMPARE(index->size(Partition::Current), std::size_t(9));
    QCOMPARE(index->size(Partition::Archive), std::size_t(1));
    SearchResult r;
    QCOMPARE(index->search(searchTextQuery("zuri"), &r, &error), SearchStatus::Ok);
    QCOMPARE(r.total, std::uint64_t(5)); // the rock night (day 0) is archived
    QCOMPARE(facetCount(r.facets.city, "Zürich"), std::uint64_t(4));
}

void refusesBadQueries(SearchUnderTest& store)
{
    const auto index = withDataSet(store);
    QVERIFY(index);
    SearchResult r;
    std::string error;
    SearchQuery q = searchTextQuery("x");
    q.after = "garbage";
    QCOMPARE(index->search(q, &r, &error), SearchStatus::InvalidQuery);
    QVERIFY(error.find("page") != std::string::npos);
    q = searchTextQuery("a b c d e f g h i j k l m n o p q");
    QCOMPARE(index->search(q, &r, &error), SearchStatus::InvalidQuery);
    q = searchTextQuery(std::string(300, 'a'));
    QCOMPARE(index->search(q, &r, &error), SearchStatus::InvalidQuery);
    q = searchTextQuery("");
    q.limit = 0;
    QCOMPARE(index->search(q, &r, &error), SearchStatus::InvalidQuery);
    q = searchTextQuery("");
    q.from = kSearchT0 + kSearchDay;
    q.to = kSearchT0;
    QCOMPARE(index->search(q, &r, &error), SearchStatus::InvalidQuery);
    q = searchTextQuery("");
    q.minPrice = 10;
    q.maxPrice = 5;
    QCOMPARE(index->search(q, &r, &error), SearchStatus::InvalidQuery);
    CatalogEvent bad = searchDataSet()[0];
    bad.id = 0;
    QCOMPARE(index->upsert({ bad }, &error), SearchStatus::InvalidQuery);
}

// Every word must match somewhere; the relevance is 2 only when every word is in the show's text.
void wordsAcrossShowAndPlace(SearchUnderTest& store)
{
    const auto index = withDataSet(store);
    QVERIFY(index);
    const auto run = [&index](const SearchQuery& q) { return runQuery(*index, q); };
    SearchResult r = run(searchTextQuery("rock berlin "));
    QCOMPARE(resultIds(r), std::vector<EventId>({ 6 })); // "Rock am Ring warm-up" in Berlin
    QCOMPARE(r.hits[0].relevance, 1);
    r = run(searchTextQuery("zurich berlin "));
    // "Zurich comes to Berlin" has both words in its name; the Berliner Philharmoniker play in Zürich.
    QCOMPARE(resultIds(r), std::vector<EventId>({ 7, 2 }));
    QCOMPARE(r.hits[0].relevance, 2);
    QCOMPARE(r.hits[1].relevance, 1);
    r = run(searchTextQuery("berlin"));
    // The Berliner Philharmoniker (show) first, then the Berlin venues by date.
    QCOMPARE(resultIds(r), std::vector<EventId>({ 2, 7, 6, 5 }));
    QCOMPARE(r.hits[0].relevance, 2);
    QCOMPARE(r.hits[1].relevance, 2);
    QCOMPARE(r.hits[2].relevance, 1);
    QCOMPARE(run(searchTextQuery("tosca berlin ")).total, std::uint64_t(0));
}

// Combining accents typed separately fold like precomposed ones; a letter the tokenizer's Unicode
// tables do not know separates words instead of failing the query.
void wordsTheTokenizerWouldSplit(SearchUnderTest& store)
{
    const auto index = withDataSet(store);
    QVERIFY(index);
    const auto run = [&index](const SearchQuery& q) { return runQuery(*index, q); };
    SearchResult r = run(searchTextQuery(QStringLiteral("Zu\u0308rich ").toStdString())); // u + combining diaeresis
    QCOMPARE(r.total, std::uint64_t(6));
    std::string error;
    // U+0860 SYRIAC LETTER MALAYALAM NGA (Unicode 10): a letter for Qt, unknown to the tokenizer.
    SearchResult odd;
    QCOMPARE(index->search(searchTextQuery(QStringLiteral("rock\u0860night").toStdString()), &odd, &error),
             SearchStatus::Ok);
    QCOMPARE(resultIds(odd), std::vector<EventId>({ 3 }));
    QCOMPARE(index->search(searchTextQuery(QStringLiteral("\u0860\u0861").toStdString()), &odd, &error),
             SearchStatus::Ok);
    QCOMPARE(odd.total, std::uint64_t(10)); // no word left: every event
}

// Filter-only queries on two or more of venue, city and genre visit a union of posting lists
// instead of every event; the totals and facets must be what a scan of every event gives, also
// after updates that move events between cities, removals and an archive run.
void twoFilterFacetsAgainstBruteForce(SearchUnderTest& store)
{
    std::mt19937_64 random(20261128);
    const std::vector<std::string> cities { "Basel", "Bern", "Genève", "Lugano", "Zürich" };
    const std::vector<std::string> genres { "Jazz", "Opera", "Pop", "Rock" };
    const std::vector<std::string> venues { "Halle 1", "Halle 2", "Kaserne", "Stadion", "Theater", "Volkshaus" };
    const auto pick = [&random](const std::vector<std::string>& from) { return from[random() % from.size()]; };
    std::string error;
    const auto index = store.openFresh();
    QVERIFY(index);
    std::map<EventId, CatalogEvent> known;
    const auto make = [&](EventId id) {
        CatalogEvent e = searchEvent(id, "Show", "Artist", "", "", "", int(random() % 60) - 20, Amount(random() % 8000),
                            Amount(8000 + random() % 8000), std::uint8_t(1 + random() % 3));
        e.venue = pick(venues);
        e.city = pick(cities);
        e.genre = pick(genres);
        return e;
    };
    std::vector<CatalogEvent> batch;
    for (EventId id = 1; id <= 600; ++id)
        batch.push_back(known[id] = make(id));
    QCOMPARE(index->upsert(batch, &error), SearchStatus::Ok);
    for (int round = 0; round < 3; ++round) {
        batch.clear();
        for (int i = 0; i < 100; ++i) { // updates: new city, genre, venue (stale posting entries)
            const EventId id = 1 + random() % 600;
            if (known.count(id) != 0)
                batch.push_back(known[id] = make(id));
        }
        QCOMPARE(index->upsert(batch, &error), SearchStatus::Ok);
        for (int i = 0; i < 20; ++i) {
            const EventId id = 1 + random() % 600;
            if (known.erase(id) != 0)
                QCOMPARE(index->remove(id, &error), SearchStatus::Ok);
        }
        if (round == 1) {
            std::size_t moved = 0;
            QCOMPARE(index->archiveBefore(kSearchT0, &moved, &error), SearchStatus::Ok);
            QVERIFY(moved > 0);
            std::erase_if(known, [](const auto& entry) { return entry.second.startsAt < kSearchT0; });
        }
        for (int q = 0; q < 60; ++q) {
            SearchQuery query = searchTextQuery("");
            query.cities = { pick(cities) };
            if (q % 2 == 0)
                query.cities.push_back(pick(cities));
            query.genres = { pick(genres) };
            if (q % 3 == 0)
                query.venues = { pick(venues) };
            if (q % 4 == 0)
                query.maxPrice = 4000;
            const auto in = [](const std::vector<std::string>& set, const std::string& v) {
                return set.empty() || std::find(set.begin(), set.end(), v) != set.end();
            };
            std::uint64_t total = 0;
            std::map<std::string, std::uint64_t> cityFacet, genreFacet;
            for (const auto& [id, e] : known) {
                const bool city = in(query.cities, e.city);
                const bool genre = in(query.genres, e.genre);
                const bool venue = in(query.venues, e.venue);
                const bool price = !query.maxPrice || e.priceMin <= *query.maxPrice;
                total += city && genre && venue && price ? 1 : 0;
                if (genre && venue && price)
                    ++cityFacet[e.city];
                if (city && venue && price)
                    ++genreFacet[e.genre];
            }
            SearchResult r;
            QCOMPARE(index->search(query, &r, &error), SearchStatus::Ok);
            QCOMPARE(r.total, total);
            for (const std::string& c : cities)
                QCOMPARE(facetCount(r.facets.city, c), cityFacet[c]);
            for (const std::string& g : genres)
                QCOMPARE(facetCount(r.facets.genre, g), genreFacet[g]);
        }
    }
}

// Two nodes on one shared store (PostgreSQL): every kind of write on one shows in the other's
// results, facet counts, sizes and generation without a restart, in both directions. The facets
// are counted from each node's own copy of the columns, so that copy must follow the writes.
void otherNodesWritesBecomeVisible(SearchUnderTest& store)
{
    if (!store.shared())
        QSKIP("this store belongs to one process");
    const auto first = withDataSet(store);
    QVERIFY(first);
    const auto second = store.reopen();
    QVERIFY(second);
    std::string error;
    const auto inZurich = [](EventSearchIndex& index) {
        SearchQuery q = searchTextQuery("");
        q.cities = { "Zürich" };
        return runQuery(index, q);
    };
    QCOMPARE(inZurich(*second).total, std::uint64_t(5));

    // A new event, and Tosca moved to Basel.
    const std::uint64_t before = second->generation();
    const std::vector<CatalogEvent> changes {
        searchEvent(11, "Zauberflöte", "Opernhaus Ensemble", "Opernhaus", "Zürich", "Opera", 4, 3000, 16000),
        searchEvent(1, "Tosca", "Opernhaus Ensemble", "Theater Basel", "Basel", "Opera", 3, 4000, 18000),
    };
    QCOMPARE(first->upsert(changes, &error), SearchStatus::Ok);
    QCOMPARE(resultIds(runQuery(*second, searchTextQuery("zauber"))), std::vector<EventId>({ 11 }));
    const SearchResult zurich = inZurich(*second);
    QCOMPARE(zurich.total, std::uint64_t(5)); // Tosca left, the Zauberflöte came
    QCOMPARE(facetCount(zurich.facets.city, "Basel"), std::uint64_t(1));
    QCOMPARE(facetCount(zurich.facets.genre, "Opera"), std::uint64_t(1));
    QVERIFY(second->generation() != before);
    QCOMPARE(second->size(Partition::Current), std::size_t(11));

    // An availability class, written by the node that sells the event.
    first->setAvailability(11, 0, 100);
    SearchQuery sold = searchTextQuery("");
    sold.availability = 1u << std::uint8_t(Availability::SoldOut);
    QCOMPARE(resultIds(runQuery(*second, sold)), std::vector<EventId>({ 11 }));
    QCOMPARE(facetCount(runQuery(*second, searchTextQuery("")).facets.availability, "sold_out"), std::uint64_t(1));

    // A removal and an archive run.
    QCOMPARE(first->remove(2, &error), SearchStatus::Ok);
    QCOMPARE(runQuery(*second, searchTextQuery("philharmoniker")).total, std::uint64_t(0));
    std::size_t moved = 0;
    QCOMPARE(first->archiveBefore(kSearchT0 + 3 * kSearchDay, &moved, &error), SearchStatus::Ok);
    QCOMPARE(moved, std::size_t(3));
    SearchQuery archived = searchTextQuery("");
    archived.partition = Partition::Archive;
    QCOMPARE(resultIds(runQuery(*second, archived)), std::vector<EventId>({ 3, 8, 6 }));
    QCOMPARE(runQuery(*second, searchTextQuery("rock")).total, std::uint64_t(0)); // 3 and 6 are archived
    QCOMPARE(second->size(Partition::Current), std::size_t(7));
    QCOMPARE(second->size(Partition::Archive), std::size_t(3));

    // The other way round: the removed event written again by the second node comes back.
    QCOMPARE(second->upsert({ searchDataSet()[1] }, &error), SearchStatus::Ok);
    QCOMPARE(resultIds(runQuery(*first, searchTextQuery("philharmoniker"))), std::vector<EventId>({ 2 }));
    QCOMPARE(first->size(Partition::Current), std::size_t(8));
    QCOMPARE(second->refresh(&error), SearchStatus::Ok);
    QCOMPARE(first->refresh(&error), SearchStatus::Ok);
    QCOMPARE(runQuery(*first, searchTextQuery("")).total, runQuery(*second, searchTextQuery("")).total);
}

} // namespace searchconformance

} // namespace usher::test
