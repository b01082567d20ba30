#pragma once

// The embedded search store: SQLite FTS5 for the words, plus a column copy of the filter and facet
// fields in memory (with posting lists for venue, city and genre). See docs/design/search.md for
// why the facets are counted in memory.
//
// Two partitions, cur_* for current events and arc_* for archived ones (archiveBefore moves rows
// in one transaction), so the text indexes that every query reads hold only current events. Each
// partition has an event table and two FTS5 indexes over it: <p>_title (name, performer) and
// <p>_place (venue, city), detail=none, tokenizer unicode61 with remove_diacritics 2 ("Zurich"
// finds "Zürich") and prefix indexes for 2 and 3 characters (search as you type). Schema version 2
// (PRAGMA user_version); a version 1 file is upgraded on open.
//
// Thread-safe: one mutex around everything, so queries run one at a time (usherd caches answers).

#include "search/EventCatalog.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

struct sqlite3;

namespace usher::search {

class SqliteEventSearch final : public EventSearchIndex {
public:
    // `path`: a database file (created when missing) or ":memory:". Null with *error on failure.
    static std::unique_ptr<SqliteEventSearch> open(const std::string& path, std::string* error);
    ~SqliteEventSearch() override;
    SqliteEventSearch(const SqliteEventSearch&) = delete;
    SqliteEventSearch& operator=(const SqliteEventSearch&) = delete;

    SearchStatus upsert(const std::vector<CatalogEvent>& events, std::string* error) override;
    SearchStatus remove(EventId id, std::string* error) override;
    void setAvailability(EventId id, std::uint64_t available, std::uint64_t capacity) override;
    SearchStatus archiveBefore(Timestamp cutoff, std::size_t* moved, std::string* error) override;
    SearchStatus search(const SearchQuery& query, SearchResult* result, std::string* error) override;
    std::uint64_t generation() const override { return m_generation.load(); }
    std::size_t size(Partition partition) const override;

    // Bytes of the database (pages in use), for the benchmark.
    std::uint64_t databaseBytes();
    // Merges the FTS b-trees (after a bulk load).
    SearchStatus optimize(std::string* error);

    struct State;

private:
    explicit SqliteEventSearch(sqlite3* db);

    sqlite3* m_db = nullptr;
    std::unique_ptr<State> m_state;
    mutable std::mutex m_mutex;
    std::atomic<std::uint64_t> m_generation { 1 };
};

} // namespace usher::search
