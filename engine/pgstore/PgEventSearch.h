#pragma once

// Event search on PostgreSQL (issue 10): the same EventSearchIndex as SqliteEventSearch, for usherd
// started with --store postgresql://... See docs/design/search.md ("PostgreSQL").
//
// * Schema `usher_search` in the engine's database (its own schema, so PgStorage's "a database of
//   its own" check on the public schema is not disturbed): `event`, partitioned by list on
//   `archived` into `event_current` and `event_archive` (archiveBefore is one UPDATE that moves the
//   rows; a default query prunes to the current partition), a `words` tsvector with a GIN index,
//   and btree indexes on venue, city and genre (a filter-only query on two of them reads their
//   union, like SQLite's posting lists).
// * Words: both sides are split by the same rule as on SQLite (SearchQueryParts), NFC and case
//   folded here, then `to_tsvector('simple', unaccent(...))`: the 'simple' configuration (no
//   stemming, no stop words: names are not prose) and contrib's unaccent for diacritics ("Zurich"
//   finds "Zürich"). Name and performer carry weight A, venue and city weight B: relevance 2 when
//   the query also matches with every word restricted to A. The last word is a prefix (`:*`)
//   unless the text ends with a separator.
// * Filters and facets: one statement. The matching rows with the filters each fails as a bit
//   mask (only rows failing at most one are kept), then one GROUP BY per facet over them and the
//   page (keyset on relevance, start, id: the same cursor as SQLite) joined back for its columns.
// * Availability is a column written by setAvailability only when an event's class changes (a
//   cache of the last class per event saves the round trip otherwise); a query never reads seats.
//
// Thread-safe: one connection behind a mutex, queries one at a time (usherd caches answers). A
// broken connection is reopened by the next call.

#include "search/EventCatalog.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

struct pg_conn;

namespace usher::search {

struct PgEventSearchOptions {
    std::string conninfo; // a libpq connection string or postgresql:// URI
    int connectTimeoutSeconds = 10;
    std::string applicationName = "usher-search";
};

class PgEventSearch final : public EventSearchIndex {
public:
    static constexpr int kSchemaVersion = 1;

    // Connects and creates the schema (and the unaccent extension) when missing. Null with *error.
    static std::unique_ptr<PgEventSearch> open(const PgEventSearchOptions& options, std::string* error);
    ~PgEventSearch() override;
    PgEventSearch(const PgEventSearch&) = delete;
    PgEventSearch& operator=(const PgEventSearch&) = delete;

    SearchStatus upsert(const std::vector<CatalogEvent>& events, std::string* error) override;
    SearchStatus remove(EventId id, std::string* error) override;
    void setAvailability(EventId id, std::uint64_t available, std::uint64_t capacity) override;
    SearchStatus archiveBefore(Timestamp cutoff, std::size_t* moved, std::string* error) override;
    SearchStatus search(const SearchQuery& query, SearchResult* result, std::string* error) override;
    std::uint64_t generation() const override { return m_generation.load(); }
    std::size_t size(Partition partition) const override;

    // Bytes of the tables and their indexes, for the benchmark.
    std::uint64_t databaseBytes();
    // VACUUM ANALYZE after a bulk load (planner statistics, visibility map for index-only reads).
    SearchStatus vacuumAnalyze(std::string* error);

private:
    explicit PgEventSearch(const PgEventSearchOptions& options);
    bool ensureConnected(std::string* error) const;
    bool createSchema(std::string* error);

    const PgEventSearchOptions m_options;
    mutable pg_conn* m_conn = nullptr;
    std::string m_unaccent; // "<schema>.unaccent('<schema>.unaccent'::regdictionary, "
    mutable std::mutex m_mutex;
    std::unordered_map<EventId, std::uint8_t> m_availability; // the last class written, by event
    std::atomic<std::uint64_t> m_generation { 1 };
};

} // namespace usher::search
