#pragma once

// The event search conformance suite: what every EventSearchIndex must answer for a known data set
// (relevance, facet counts, filters, diacritics, prefixes, paging while events are added, the
// archive, refusals), written once against the interface and run by TestEventSearch (SQLite FTS5)
// and TestPgSearch (PostgreSQL). Each check is a plain function using QVERIFY/QCOMPARE: call it
// from a test slot, or derive the test from SearchConformanceTests, which has a slot for each.

#include "search/EventCatalog.h"

#include <QObject>

#include <memory>
#include <string>
#include <vector>

namespace usher::test {

class SearchUnderTest {
public:
    virtual ~SearchUnderTest() = default;
    // A new, empty index; null (with a warning) on failure.
    virtual std::unique_ptr<search::EventSearchIndex> openFresh() = 0;
    // The index of the last openFresh() opened again (a restart); null (with a warning) on failure.
    virtual std::unique_ptr<search::EventSearchIndex> reopen() = 0;
    // Whether several processes can share the store (PostgreSQL: several usherd nodes); then
    // reopen() is another node beside the open one, and each sees the other's writes.
    virtual bool shared() const { return false; }
};

constexpr Timestamp kSearchDay = 24ll * 3600 * 1000;
constexpr Timestamp kSearchT0 = 1'800'000'000'000; // 2027-01-15 08:00 UTC; the queries take it as the start of "today"

// An event of the data sets: at kSearchT0 + day days, 19:00.
search::CatalogEvent searchEvent(EventId id, const char* name, const char* performer, const char* venue,
                                 const char* city, const char* genre, int day, Amount low, Amount high,
                                 std::uint8_t channels = search::ChannelOnline | search::ChannelBoxOffice);
// The known data set: 10 events in 4 cities.
std::vector<search::CatalogEvent> searchDataSet();
// A fresh index holding searchDataSet(); null (with a warning) on failure.
std::unique_ptr<search::EventSearchIndex> withDataSet(SearchUnderTest& store);
// The query for `text`, today = kSearchT0, 100 per page.
search::SearchQuery searchTextQuery(const std::string& text);
// The result of a query that must succeed (a warning and an empty result otherwise).
search::SearchResult runQuery(search::EventSearchIndex& index, const search::SearchQuery& query);
std::vector<EventId> resultIds(const search::SearchResult& result);
std::uint64_t facetCount(const std::vector<search::FacetValue>& facet, const std::string& value);

// The checks.
namespace searchconformance {
void diacriticsFold(SearchUnderTest& store);
void prefixAsYouType(SearchUnderTest& store);
void relevanceThenDate(SearchUnderTest& store);
void facetCountsOfTheDataSet(SearchUnderTest& store);
void facetsCountOtherFilters(SearchUnderTest& store);
void filters(SearchUnderTest& store);
void availabilityFromTheCache(SearchUnderTest& store);
void pagingStaysStableWhileAdding(SearchUnderTest& store);
void offsetPaging(SearchUnderTest& store);
void archiveOnlyWhenAsked(SearchUnderTest& store);
void replaceAndRemove(SearchUnderTest& store);
void persistsAcrossReopen(SearchUnderTest& store);
void refusesBadQueries(SearchUnderTest& store);
void wordsAcrossShowAndPlace(SearchUnderTest& store);
void wordsTheTokenizerWouldSplit(SearchUnderTest& store);
void twoFilterFacetsAgainstBruteForce(SearchUnderTest& store);
void otherNodesWritesBecomeVisible(SearchUnderTest& store);
} // namespace searchconformance

// A test of an index: a private slot runs each check above on store(); the test's own slots follow.
class SearchConformanceTests : public QObject {
    Q_OBJECT

protected:
    virtual SearchUnderTest& store() = 0;

private Q_SLOTS:
    void diacriticsFold() { searchconformance::diacriticsFold(store()); }
    void prefixAsYouType() { searchconformance::prefixAsYouType(store()); }
    void relevanceThenDate() { searchconformance::relevanceThenDate(store()); }
    void facetCountsOfTheDataSet() { searchconformance::facetCountsOfTheDataSet(store()); }
    void facetsCountOtherFilters() { searchconformance::facetsCountOtherFilters(store()); }
    void filters() { searchconformance::filters(store()); }
    void availabilityFromTheCache() { searchconformance::availabilityFromTheCache(store()); }
    void pagingStaysStableWhileAdding() { searchconformance::pagingStaysStableWhileAdding(store()); }
    void offsetPaging() { searchconformance::offsetPaging(store()); }
    void archiveOnlyWhenAsked() { searchconformance::archiveOnlyWhenAsked(store()); }
    void replaceAndRemove() { searchconformance::replaceAndRemove(store()); }
    void persistsAcrossReopen() { searchconformance::persistsAcrossReopen(store()); }
    void refusesBadQueries() { searchconformance::refusesBadQueries(store()); }
    void wordsAcrossShowAndPlace() { searchconformance::wordsAcrossShowAndPlace(store()); }
    void wordsTheTokenizerWouldSplit() { searchconformance::wordsTheTokenizerWouldSplit(store()); }
    void twoFilterFacetsAgainstBruteForce() { searchconformance::twoFilterFacetsAgainstBruteForce(store()); }
    void otherNodesWritesBecomeVisible() { searchconformance::otherNodesWritesBecomeVisible(store()); }
};

} // namespace usher::test
