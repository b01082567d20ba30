// Event search (engine/search): text with diacritics folding and prefixes, relevance then date,
// filters and facet counts against a known data set, stable paging while events are added, the
// archive partition, persistence and refusals.

#include "event/EventSpec.h"
#include "event/EventSpecJson.h"
#include "search/SqliteEventSearch.h"
#include "venue/Venue.h"
#include "venue/VenueGenerator.h"
#include "venue/VenueJson.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <sqlite3.h>

using namespace usher;
using namespace usher::search;

namespace {

constexpr Timestamp kDay = 24ll * 3600 * 1000;
constexpr Timestamp kT0 = 1'800'000'000'000; // 2027-01-15 08:00 UTC; the queries take it as the start of "today"

CatalogEvent ev(EventId id, const char* name, const char* performer, const char* venue, const char* city,
                const char* genre, int day, Amount low, Amount high,
                std::uint8_t channels = ChannelOnline | ChannelBoxOffice)
{
    CatalogEvent e;
    e.id = id;
    e.name = name;
    e.performer = performer;
    e.venue = venue;
    e.city = city;
    e.genre = genre;
    e.startsAt = kT0 + day * kDay + 19 * 3600 * 1000;
    e.timeZone = "Europe/Zurich";
    e.currency = "CHF";
    e.priceMin = low;
    e.priceMax = high;
    e.channels = channels;
    return e;
}

// The known data set: 10 events in 4 cities.
std::vector<CatalogEvent> dataSet()
{
    return {
        ev(1, "Tosca", "Opernhaus Ensemble", "Opernhaus", "Zürich", "Opera", 3, 4000, 18000),
        ev(2, "Berlin Philharmonic on tour", "Berliner Philharmoniker", "Tonhalle", "Zürich", "Classical", 10, 6000,
           22000),
        ev(3, "Rock night", "Die Ärzte", "Hallenstadion", "Zürich", "Rock", 0, 5500, 9000, ChannelOnline),
        ev(4, "Jazz brunch", "Trio Grande", "Moods", "Zürich", "Jazz", 40, 1500, 1500, ChannelBoxOffice),
        ev(5, "Carmen", "Staatsoper Ensemble", "Staatsoper", "Berlin", "Opera", 5, 3000, 15000),
        ev(6, "Rock am Ring warm-up", "Die Toten Hosen", "Waldbühne", "Berlin", "Rock", 2, 4500, 7900),
        ev(7, "Zurich comes to Berlin", "Züri West", "Columbiahalle", "Berlin", "Rock", 20, 3900, 3900),
        ev(8, "Matinee", "Kammerorchester", "Gewandhaus", "Leipzig", "Classical", 1, 2500, 6000),
        ev(9, "Björk live", "Björk", "Hallenstadion", "Zürich", "Pop", 60, 8900, 25000, ChannelOnline),
        ev(10, "Köln calling", "Brings", "Lanxess Arena", "Köln", "Pop", 15, 4900, 12000),
    };
}

std::vector<EventId> ids(const SearchResult& r)
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

SearchQuery textQuery(const std::string& text)
{
    SearchQuery q;
    q.text = text;
    q.dayStart = kT0;
    q.limit = 100;
    return q;
}

} // namespace

class TestEventSearch : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void diacriticsFold();
    void prefixAsYouType();
    void relevanceThenDate();
    void facetCountsOfTheDataSet();
    void facetsCountOtherFilters();
    void filters();
    void availabilityFromTheCache();
    void pagingStaysStableWhileAdding();
    void offsetPaging();
    void archiveOnlyWhenAsked();
    void replaceAndRemove();
    void persistsAcrossReopen();
    void catalogFromSpec();
    void catalogFieldsRoundTrip();
    void refusesBadQueries();
    void wordsAcrossShowAndPlace();
    void wordsTheTokenizerWouldSplit();
    void twoFilterFacetsAgainstBruteForce();
    void upgradesAVersionOneIndex();

private:
    SearchResult run(const SearchQuery& q)
    {
        SearchResult r;
        std::string error;
        const SearchStatus status = m_index->search(q, &r, &error);
        if (status != SearchStatus::Ok)
            qWarning("search failed: %s", error.c_str());
        return r;
    }

    std::unique_ptr<SqliteEventSearch> m_index;
};

void TestEventSearch::init()
{
    std::string error;
    m_index = SqliteEventSearch::open(":memory:", &error);
    QVERIFY2(m_index, error.c_str());
    QCOMPARE(m_index->upsert(dataSet(), &error), SearchStatus::Ok);
    QCOMPARE(m_index->size(Partition::Current), std::size_t(10));
}

void TestEventSearch::diacriticsFold()
{
    // "Zurich" finds "Zürich" (city) and "Zurich" (a name); "Zürich" finds both as well.
    const std::vector<EventId> plain = ids(run(textQuery("Zurich ")));
    const std::vector<EventId> accented = ids(run(textQuery("Zürich ")));
    QCOMPARE(plain.size(), std::size_t(6)); // 5 events in Zürich and "Zurich comes to Berlin"
    QCOMPARE(std::set<EventId>(plain.begin(), plain.end()), std::set<EventId>(accented.begin(), accented.end()));
    QCOMPARE(ids(run(textQuery("bjork"))), std::vector<EventId>({ 9 }));
    QCOMPARE(ids(run(textQuery("KOLN"))), std::vector<EventId>({ 10 }));
    QCOMPARE(ids(run(textQuery("aerzte"))).size(), std::size_t(0)); // folding, not transliteration
}

void TestEventSearch::prefixAsYouType()
{
    QCOMPARE(ids(run(textQuery("to"))).size(), std::size_t(4)); // Tosca, tour, Tonhalle, Toten Hosen...
    QCOMPARE(ids(run(textQuery("Tos"))), std::vector<EventId>({ 1 }));
    QCOMPARE(ids(run(textQuery("hallens"))), std::vector<EventId>({ 3, 9 }));
    // A finished word (followed by a space) is no prefix any more.
    QCOMPARE(ids(run(textQuery("Tos "))).size(), std::size_t(0));
    // Every word must match, in any of name, performer, venue and city.
    QCOMPARE(ids(run(textQuery("rock zur"))), std::vector<EventId>({ 3 }));
    QCOMPARE(ids(run(textQuery("zuri west"))), std::vector<EventId>({ 7 }));
    // Query syntax is text: quotes, stars and column filters cannot reach FTS5.
    QCOMPARE(ids(run(textQuery("\"name\":* OR NOT {city}"))).size(), std::size_t(0));
}

void TestEventSearch::relevanceThenDate()
{
    // "berlin": the names/performers with Berlin (2, 7) first, by date; then the events in Berlin
    // (5, 6) by date.
    QCOMPARE(ids(run(textQuery("berlin "))), std::vector<EventId>({ 2, 7, 6, 5 }));
    const SearchResult r = run(textQuery("berlin "));
    QCOMPARE(r.hits[0].relevance, 2);
    QCOMPARE(r.hits[3].relevance, 1);
    // Without text: by date only.
    QCOMPARE(ids(run(textQuery(""))), std::vector<EventId>({ 3, 8, 6, 1, 5, 2, 10, 7, 4, 9 }));
}

void TestEventSearch::facetCountsOfTheDataSet()
{
    const SearchResult r = run(textQuery(""));
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

void TestEventSearch::facetsCountOtherFilters()
{
    SearchQuery q = textQuery("");
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
    q = textQuery("rock");
    q.cities = { "Berlin" };
    QCOMPARE(ids(run(q)), std::vector<EventId>({ 6 }));
    QCOMPARE(facetCount(run(q).facets.city, "Zürich"), std::uint64_t(1));
}

void TestEventSearch::filters()
{
    SearchQuery q = textQuery("");
    q.from = kT0 + 5 * kDay;
    q.to = kT0 + 16 * kDay;
    QCOMPARE(ids(run(q)), std::vector<EventId>({ 5, 2, 10 }));
    q = textQuery("");
    q.minPrice = 20000; // overlaps the price range
    QCOMPARE(ids(run(q)), std::vector<EventId>({ 2, 9 }));
    q.minPrice = 1000;
    q.maxPrice = 2000;
    QCOMPARE(ids(run(q)), std::vector<EventId>({ 4 }));
    q = textQuery("");
    q.channels = ChannelBoxOffice;
    QCOMPARE(run(q).total, std::uint64_t(8));
    q.genres = { "Pop" };
    QCOMPARE(ids(run(q)), std::vector<EventId>({ 10 }));
    q = textQuery("");
    q.venues = { "Nowhere" }; // an unknown value matches nothing
    QCOMPARE(run(q).total, std::uint64_t(0));
}

void TestEventSearch::availabilityFromTheCache()
{
    const std::uint64_t generation = m_index->generation();
    m_index->setAvailability(3, 0, 500);   // sold out
    m_index->setAvailability(9, 40, 1000); // few left
    m_index->setAvailability(1, 900, 1000);
    QVERIFY(m_index->generation() > generation);
    const std::uint64_t after = m_index->generation();
    m_index->setAvailability(1, 800, 1000); // same class: answers cannot change
    QCOMPARE(m_index->generation(), after);
    SearchQuery q = textQuery("hallenstadion");
    const SearchResult r = run(q);
    QCOMPARE(facetCount(r.facets.availability, "sold_out"), std::uint64_t(1));
    QCOMPARE(facetCount(r.facets.availability, "few_left"), std::uint64_t(1));
    q.availability = 1u << std::uint8_t(Availability::OnSale) | 1u << std::uint8_t(Availability::FewLeft);
    QCOMPARE(ids(run(q)), std::vector<EventId>({ 9 }));
    QCOMPARE(run(q).hits[0].availability, Availability::FewLeft);
}

void TestEventSearch::pagingStaysStableWhileAdding()
{
    SearchQuery q = textQuery("");
    q.limit = 3;
    std::vector<EventId> seen;
    EventId next = 100;
    for (int page = 0; page < 10; ++page) {
        const SearchResult r = run(q);
        for (const SearchHit& hit : r.hits)
            seen.push_back(hit.event.id);
        // Events arrive between pages: some sort before everything seen, some after.
        std::string error;
        QCOMPARE(m_index->upsert({ ev(next++, "Early bird", "x", "v", "Basel", "Pop", -1, 100, 100),
                                   ev(next++, "Very late", "y", "v", "Basel", "Pop", 400 + page, 100, 100) },
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

void TestEventSearch::offsetPaging()
{
    SearchQuery q = textQuery("");
    q.limit = 4;
    q.offset = 4;
    QCOMPARE(ids(run(q)), std::vector<EventId>({ 5, 2, 10, 7 }));
    q.offset = 8;
    const SearchResult last = run(q);
    QCOMPARE(ids(last), std::vector<EventId>({ 4, 9 }));
    QVERIFY(last.nextCursor.empty());
}

void TestEventSearch::archiveOnlyWhenAsked()
{
    std::size_t moved = 0;
    std::string error;
    const std::uint64_t generation = m_index->generation();
    QCOMPARE(m_index->archiveBefore(kT0 + 3 * kDay, &moved, &error), SearchStatus::Ok);
    QCOMPARE(moved, std::size_t(3)); // days 0, 1 and 2
    QVERIFY(m_index->generation() > generation);
    QCOMPARE(m_index->size(Partition::Current), std::size_t(7));
    QCOMPARE(m_index->size(Partition::Archive), std::size_t(3));
    QCOMPARE(ids(run(textQuery("hallenstadion"))), std::vector<EventId>({ 9 }));
    QCOMPARE(run(textQuery("")).total, std::uint64_t(7));
    SearchQuery q = textQuery("hallenstadion");
    q.partition = Partition::Archive;
    const SearchResult archived = run(q);
    QCOMPARE(ids(archived), std::vector<EventId>({ 3 }));
    QVERIFY(archived.hits[0].archived);
    q.partition = Partition::All;
    QCOMPARE(ids(run(q)), std::vector<EventId>({ 3, 9 }));
    QVERIFY(!run(q).hits[1].archived);
    // An archived event that is updated stays archived.
    QCOMPARE(
        m_index->upsert({ ev(3, "Rock night (moved)", "Die Ärzte", "Hallenstadion", "Zürich", "Rock", 0, 5500, 9000) },
                        &error),
        SearchStatus::Ok);
    QCOMPARE(m_index->size(Partition::Archive), std::size_t(3));
    QCOMPARE(ids(run(textQuery("moved"))).size(), std::size_t(0));
    q = textQuery("moved");
    q.partition = Partition::Archive;
    QCOMPARE(ids(run(q)), std::vector<EventId>({ 3 }));
}

void TestEventSearch::replaceAndRemove()
{
    std::string error;
    CatalogEvent tosca = dataSet()[0];
    tosca.name = "La Bohème";
    QCOMPARE(m_index->upsert({ tosca }, &error), SearchStatus::Ok);
    QCOMPARE(ids(run(textQuery("tosca"))).size(), std::size_t(0));
    QCOMPARE(ids(run(textQuery("boheme"))), std::vector<EventId>({ 1 }));
    QCOMPARE(m_index->size(Partition::Current), std::size_t(10));
    QCOMPARE(m_index->remove(1, &error), SearchStatus::Ok);
    QCOMPARE(ids(run(textQuery("boheme"))).size(), std::size_t(0));
    QCOMPARE(run(textQuery("")).total, std::uint64_t(9));
    QCOMPARE(facetCount(run(textQuery("")).facets.genre, "Opera"), std::uint64_t(1));
}

void TestEventSearch::persistsAcrossReopen()
{
    QTemporaryDir dir;
    const std::string path = (dir.path() + QStringLiteral("/search.db")).toStdString();
    std::string error;
    {
        auto index = SqliteEventSearch::open(path, &error);
        QVERIFY2(index, error.c_str());
        QCOMPARE(index->upsert(dataSet(), &error), SearchStatus::Ok);
        std::size_t moved = 0;
        QCOMPARE(index->archiveBefore(kT0 + kDay, &moved, &error), SearchStatus::Ok);
        QCOMPARE(moved, std::size_t(1));
    }
    auto index = SqliteEventSearch::open(path, &error);
    QVERIFY2(index, error.c_str());
    QCOMPARE(index->size(Partition::Current), std::size_t(9));
    QCOMPARE(index->size(Partition::Archive), std::size_t(1));
    SearchResult r;
    QCOMPARE(index->search(textQuery("zuri"), &r, &error), SearchStatus::Ok);
    QCOMPARE(r.total, std::uint64_t(5)); // the rock night (day 0) is archived
    QCOMPARE(facetCount(r.facets.city, "Zürich"), std::uint64_t(4));
}

void TestEventSearch::catalogFromSpec()
{
    auto venue = std::make_shared<Venue>();
    venue->name = "Tonhalle";
    venue->city = "Zürich";
    EventSpec spec;
    spec.id = 77;
    spec.name = "Gala";
    spec.performer = "Tonhalle-Orchester";
    spec.genre = "Classical";
    spec.venue = venue;
    spec.prices = { { "A", { 9000, kNotOffered, 4500 } }, { "B", { 6000, 5000, kNotOffered } } };
    spec.channels = { { 1, "Web", ChannelKind::Online, 0, 1 }, { 2, "Counter", ChannelKind::BoxOffice, 0, 1 } };
    CatalogEvent e = catalogEventFromSpec(spec);
    QCOMPARE(e.city, std::string("Zürich"));
    QCOMPARE(e.priceMin, Amount(4500));
    QCOMPARE(e.priceMax, Amount(9000));
    QCOMPARE(e.channels, std::uint8_t(ChannelOnline | ChannelBoxOffice));
    spec.city = "Winterthur"; // the event's own city wins
    QCOMPARE(catalogEventFromSpec(spec).city, std::string("Winterthur"));
}

void TestEventSearch::catalogFieldsRoundTrip()
{
    auto venue = generateVenueWithSeats(100);
    QVERIFY(venue);
    // Without the optional fields nothing new is written (older files keep their bytes).
    const QByteArray plainVenue = venueToJson(*venue);
    QVERIFY(!plainVenue.contains("\"city\""));
    EventSpec spec = makeDemoEvent(5, "Gala", venue, kT0);
    QByteArray json = eventSpecToJson(spec);
    for (const char* key : { "\"performer\"", "\"genre\"", "\"city\"" })
        QVERIFY2(!json.contains(key), key);
    // With them: read back field for field, written again byte for byte.
    venue->city = "Zürich";
    spec = makeDemoEvent(5, "Gala", venue, kT0);
    spec.performer = "Tonhalle-Orchester";
    spec.genre = "Classical";
    spec.city = "Winterthur";
    json = eventSpecToJson(spec);
    EventSpec back;
    std::string error;
    QVERIFY2(eventSpecFromJson(json, &back, &error), error.c_str());
    QCOMPARE(back.performer, spec.performer);
    QCOMPARE(back.genre, spec.genre);
    QCOMPARE(back.city, spec.city);
    QCOMPARE(back.venue->city, std::string("Zürich"));
    QVERIFY(back.venue->sameContent(*venue));
    QCOMPARE(eventSpecToJson(back), json);
    VenueError venueError;
    const auto venueBack = venueFromJson(venueToJson(*venue), &venueError);
    QVERIFY2(venueBack, venueError.message.c_str());
    QCOMPARE(venueBack->city, std::string("Zürich"));
    // Wrong types are named.
    QByteArray bad = json;
    bad.replace("\"performer\": \"Tonhalle-Orchester\"", "\"performer\": 5");
    QVERIFY(!eventSpecFromJson(bad, &back, &error));
    QVERIFY2(error.find("performer") != std::string::npos, error.c_str());
    spec.genre = std::string(2000, 'x');
    QVERIFY(spec.finalize().find("genre") != std::string::npos);
}

void TestEventSearch::refusesBadQueries()
{
    SearchResult r;
    std::string error;
    SearchQuery q = textQuery("x");
    q.after = "garbage";
    QCOMPARE(m_index->search(q, &r, &error), SearchStatus::InvalidQuery);
    QVERIFY(error.find("page") != std::string::npos);
    q = textQuery("a b c d e f g h i j k l m n o p q");
    QCOMPARE(m_index->search(q, &r, &error), SearchStatus::InvalidQuery);
    q = textQuery(std::string(300, 'a'));
    QCOMPARE(m_index->search(q, &r, &error), SearchStatus::InvalidQuery);
    q = textQuery("");
    q.limit = 0;
    QCOMPARE(m_index->search(q, &r, &error), SearchStatus::InvalidQuery);
    q = textQuery("");
    q.from = kT0 + kDay;
    q.to = kT0;
    QCOMPARE(m_index->search(q, &r, &error), SearchStatus::InvalidQuery);
    q = textQuery("");
    q.minPrice = 10;
    q.maxPrice = 5;
    QCOMPARE(m_index->search(q, &r, &error), SearchStatus::InvalidQuery);
    CatalogEvent bad = dataSet()[0];
    bad.id = 0;
    QCOMPARE(m_index->upsert({ bad }, &error), SearchStatus::InvalidQuery);
}

// Every word must match somewhere; the relevance is 2 only when every word is in the show's text.
void TestEventSearch::wordsAcrossShowAndPlace()
{
    SearchResult r = run(textQuery("rock berlin "));
    QCOMPARE(ids(r), std::vector<EventId>({ 6 })); // "Rock am Ring warm-up" in Berlin
    QCOMPARE(r.hits[0].relevance, 1);
    r = run(textQuery("zurich berlin "));
    // "Zurich comes to Berlin" has both words in its name; the Berliner Philharmoniker play in Zürich.
    QCOMPARE(ids(r), std::vector<EventId>({ 7, 2 }));
    QCOMPARE(r.hits[0].relevance, 2);
    QCOMPARE(r.hits[1].relevance, 1);
    r = run(textQuery("berlin"));
    // The Berliner Philharmoniker (show) first, then the Berlin venues by date.
    QCOMPARE(ids(r), std::vector<EventId>({ 2, 7, 6, 5 }));
    QCOMPARE(r.hits[0].relevance, 2);
    QCOMPARE(r.hits[1].relevance, 2);
    QCOMPARE(r.hits[2].relevance, 1);
    QCOMPARE(run(textQuery("tosca berlin ")).total, std::uint64_t(0));
}

// Combining accents typed separately fold like precomposed ones; a letter the tokenizer's Unicode
// tables do not know separates words instead of failing the query.
void TestEventSearch::wordsTheTokenizerWouldSplit()
{
    SearchResult r = run(textQuery(QStringLiteral("Zu\u0308rich ").toStdString())); // u + combining diaeresis
    QCOMPARE(r.total, std::uint64_t(6));
    std::string error;
    // U+0860 SYRIAC LETTER MALAYALAM NGA (Unicode 10): a letter for Qt, unknown to the tokenizer.
    SearchResult odd;
    QCOMPARE(m_index->search(textQuery(QStringLiteral("rock\u0860night").toStdString()), &odd, &error),
             SearchStatus::Ok);
    QCOMPARE(ids(odd), std::vector<EventId>({ 3 }));
    QCOMPARE(m_index->search(textQuery(QStringLiteral("\u0860\u0861").toStdString()), &odd, &error),
             SearchStatus::Ok);
    QCOMPARE(odd.total, std::uint64_t(10)); // no word left: every event
}

// Filter-only queries on two or more of venue, city and genre visit a union of posting lists
// instead of every event; the totals and facets must be what a scan of every event gives, also
// after updates that move events between cities, removals and an archive run.
void TestEventSearch::twoFilterFacetsAgainstBruteForce()
{
    std::mt19937_64 random(20261128);
    const std::vector<std::string> cities { "Basel", "Bern", "Genève", "Lugano", "Zürich" };
    const std::vector<std::string> genres { "Jazz", "Opera", "Pop", "Rock" };
    const std::vector<std::string> venues { "Halle 1", "Halle 2", "Kaserne", "Stadion", "Theater", "Volkshaus" };
    const auto pick = [&random](const std::vector<std::string>& from) { return from[random() % from.size()]; };
    std::string error;
    auto index = SqliteEventSearch::open(":memory:", &error);
    QVERIFY2(index, error.c_str());
    std::map<EventId, CatalogEvent> known;
    const auto make = [&](EventId id) {
        CatalogEvent e = ev(id, "Show", "Artist", "", "", "", int(random() % 60) - 20, Amount(random() % 8000),
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
            QCOMPARE(index->archiveBefore(kT0, &moved, &error), SearchStatus::Ok);
            QVERIFY(moved > 0);
            std::erase_if(known, [](const auto& entry) { return entry.second.startsAt < kT0; });
        }
        for (int q = 0; q < 60; ++q) {
            SearchQuery query = textQuery("");
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

// An index written by schema version 1 (one text table per partition, with positions) is rebuilt
// in place on open, and its events are found.
void TestEventSearch::upgradesAVersionOneIndex()
{
    QTemporaryDir dir;
    const std::string path = (dir.path() + QStringLiteral("/old.db")).toStdString();
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    std::string sql;
    for (const char* p : { "cur", "arc" }) {
        const std::string t(p);
        sql += "CREATE TABLE " + t
            + "_event(doc INTEGER PRIMARY KEY, id INTEGER NOT NULL UNIQUE, name TEXT NOT NULL, performer TEXT NOT "
              "NULL, venue TEXT NOT NULL, city TEXT NOT NULL, genre TEXT NOT NULL, starts_at INTEGER NOT NULL, "
              "time_zone TEXT NOT NULL, currency TEXT NOT NULL, price_min INTEGER NOT NULL, price_max INTEGER NOT "
              "NULL, channels INTEGER NOT NULL);"
              "CREATE VIRTUAL TABLE "
            + t + "_fts USING fts5(name, performer, venue, city, content='" + t
            + "_event', content_rowid='doc', tokenize='unicode61 remove_diacritics 2', prefix='2 3');";
    }
    sql += "INSERT INTO cur_event VALUES(1, 77, 'Tosca', 'Opernhaus Ensemble', 'Opernhaus', 'Zürich', 'Opera', "
        + std::to_string(kT0 + kDay) + ", 'Europe/Zurich', 'CHF', 4000, 18000, 3);"
        + "INSERT INTO cur_fts(rowid, name, performer, venue, city) VALUES(1, 'Tosca', 'Opernhaus Ensemble', "
          "'Opernhaus', 'Zürich');";
    char* message = nullptr;
    QVERIFY2(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK, message);
    sqlite3_close(db);

    std::string error;
    auto index = SqliteEventSearch::open(path, &error);
    QVERIFY2(index, error.c_str());
    SearchResult r;
    QCOMPARE(index->search(textQuery("zurich tos"), &r, &error), SearchStatus::Ok);
    QCOMPARE(ids(r), std::vector<EventId>({ 77 }));
    QCOMPARE(r.hits[0].relevance, 1);
    index.reset();
    index = SqliteEventSearch::open(path, &error); // opens as version 2 now
    QVERIFY2(index, error.c_str());
    QCOMPARE(index->search(textQuery("opernhaus"), &r, &error), SearchStatus::Ok);
    QCOMPARE(ids(r), std::vector<EventId>({ 77 }));
    QCOMPARE(r.hits[0].relevance, 2);
}

QTEST_GUILESS_MAIN(TestEventSearch)
#include "TestEventSearch.moc"
