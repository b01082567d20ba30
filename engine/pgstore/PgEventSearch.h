#pragma once

// Event search on PostgreSQL (issue 10): the same EventSearchIndex as SqliteEventSearch, for usherd
// started with --store postgresql://... See docs/design/search.md ("PostgreSQL").
//
// * Schema `usher_search` in the engine's database (its own schema, so PgStorage's "a database of
//   its own" check on the public schema is not disturbed): `event`, partitioned by list on
//   `archived` into `event_current` and `event_archive` (archiveBefore is one UPDATE that moves the
//   rows), a `words` tsvector with a GIN index, and the shared change counter (`meta` row
//   'revision', with a `revision` column on every row and a `removed` table of deleted ids).
// * Words: both sides are split by the same rule as on SQLite (SearchQueryParts), NFC and case
//   folded here, then `to_tsvector('simple', unaccent(...))`: the 'simple' configuration (no
//   stemming, no stop words: names are not prose) and contrib's unaccent for diacritics ("Zurich"
//   finds "Zürich"). Name and performer carry weight A, venue and city weight B: relevance 2 when
//   the query also matches with every word restricted to A. The last word is a prefix (`:*`)
//   unless the text ends with a separator. The server answers the ids that hold the words.
// * Filters, facets and the page: in memory, by the same CatalogColumns as SqliteEventSearch
//   (engine/search), loaded at open; a query without words sends no SQL but the counter check.
//   The page's rows are read back by id.
// * Keeping the columns current: every write (upsert, remove, archive, an availability class)
//   bumps the counter row in its transaction (the row lock orders the writers) and stamps the rows
//   it touches; then this node reads what changed. Other nodes' writes: a query (and refresh())
//   reads the counter (one tiny SELECT), at most every syncIntervalMs, and when it moved reads the
//   rows stamped since. So a write on one node shows on another within syncIntervalMs of it
//   committing (0: on the next query).
// * Availability is a column written by setAvailability only when an event's class changes
//   (compared with the columns first, so an unchanged class costs nothing); a query never reads
//   seats.
//
// Thread-safe: one connection behind a mutex, queries one at a time (usherd caches answers). A
// broken connection is reopened by the next call.

#include "search/CatalogColumns.h"
#include "search/EventCatalog.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

struct pg_conn;

namespace usher::search {

struct PgParams;

struct PgEventSearchOptions {
    std::string conninfo; // a libpq connection string or postgresql:// URI
    int connectTimeoutSeconds = 10;
    std::string applicationName = "usher-search";
    // How often a query checks the shared change counter for other nodes' writes; 0: every query
    // (one tiny SELECT). refresh() checks regardless.
    std::int64_t syncIntervalMs = 0;
};

class PgEventSearch final : public EventSearchIndex {
public:
    static constexpr int kSchemaVersion = 2; // 2: the change counter

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
    SearchStatus refresh(std::string* error) override;

    // Bytes of the tables and their indexes, for the benchmark.
    std::uint64_t databaseBytes();
    // VACUUM ANALYZE after a bulk load (planner statistics, visibility map for index-only reads).
    SearchStatus vacuumAnalyze(std::string* error);
    // The server process of the connection (the benchmark reads its CPU time); 0 when not connected.
    int backendPid() const;

private:
    explicit PgEventSearch(const PgEventSearchOptions& options);
    bool ensureConnected(std::string* error) const;
    bool createSchema(std::string* error);
    // Reads the change counter (when `force` or syncIntervalMs has passed) and, when it moved, the
    // rows changed since into the columns. Under m_mutex.
    bool catchUp(bool force, std::string* error) const;
    bool loadChanges(std::string* error) const;
    // Runs `sql` in a transaction that bumps the change counter first; params[0] is set to the new
    // revision. A statement that touched no row is rolled back (the counter stays) unless
    // `alwaysChanges` (an INSERT's count leaves out rows its CTE updated). Then reads the changes.
    // Under m_mutex.
    bool writeChange(const std::string& sql, PgParams& params, std::uint64_t* rows, std::string* error,
                     bool alwaysChanges = false);

    bool visitWords(const QueryWords& words, Partition partition, std::string* error);
    bool readPage(SearchResult* out, std::string* error);

    const PgEventSearchOptions m_options;
    mutable pg_conn* m_conn = nullptr;
    std::string m_unaccent; // "<schema>.unaccent('<schema>.unaccent'::regdictionary, "
    mutable std::mutex m_mutex;
    // The columns as of change counter m_revision (-1: not loaded), checked at m_checkedNs; mutable
    // because size() catches up too.
    mutable CatalogColumns m_columns;
    mutable std::int64_t m_revision = -1;
    mutable std::int64_t m_checkedNs = 0;
    std::vector<PageSlot> m_page;
    mutable std::atomic<std::uint64_t> m_generation { 1 };
};

} // namespace usher::search
