#pragma once

// usherd's event search: GET /api/events with query parameters (docs/api/openapi.yaml), on top of
// an EventSearchIndex: SqliteEventSearch (engine/search), or PgEventSearch (engine/pgstore) when
// usherd runs on PostgreSQL. See docs/design/search.md.
//
// * The catalog is filled by addEvent() (start-up, POST and PATCH of an event).
// * Availability comes from the read path: the service subscribes to each shard's durable
//   publications, which only mark the event dirty (committer thread, no work); its own thread
//   reads the ledger's counters (O(1), no seat scan) of dirty events at most every
//   refreshIntervalMs and hands them to the index. A query never looks at seats.
// * Answers are cached by query string until the index's generation changes; the ETag is the
//   generation, so If-None-Match is answered with 304 without a lookup. A miss runs on the
//   service's worker thread, never on a network thread.
// * Several nodes on one PostgreSQL catalog: the same thread calls index().refresh() every
//   refreshIntervalMs, which reads other nodes' changes and bumps the generation, so a change
//   written on one node shows in another's answers (and ETag) within refreshIntervalMs (plus the
//   edge's max-age for cached copies).

#include "net/ApiSupport.h"
#include "net/HttpTypes.h"
#include "net/WorkerPool.h"
#include "search/EventCatalog.h"

#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>

namespace usher {
class EventShard;
}

namespace usher::net {

struct SearchOptions {
    std::string indexPath = ":memory:"; // or a file: the catalog survives restarts
    // "postgresql://..." (usherd --store): the catalog in that database (PgEventSearch, schema
    // usher_search) instead of SQLite; indexPath is then unused. Empty: SQLite.
    std::string store;
    std::uint32_t maxAgeSeconds = 5;    // Cache-Control: public, max-age
    std::int64_t refreshIntervalMs = 500; // availability, and other nodes' catalog changes (PostgreSQL)
    std::size_t cachedAnswersMax = 10'000;
    std::size_t workerQueueMax = 1'024;
    std::int64_t archiveAfterMs = 7ll * 24 * 3600 * 1000; // events that started longer ago go to the archive
};

// The parsed query string of GET /api/events; false with a message for a 400.
bool parseSearchParameters(std::string_view query, Timestamp now, search::SearchQuery* out, std::string* error);

class SearchService {
public:
    static std::unique_ptr<SearchService> open(const SearchOptions& options, std::string* error);
    ~SearchService();
    SearchService(const SearchService&) = delete;
    SearchService& operator=(const SearchService&) = delete;

    // Adds the event to the catalog (or updates it after a PATCH) and follows its availability.
    void addEvent(EventShard* shard);
    void handle(const HttpRequest& request, const ApiReply& reply);
    // Unsubscribes from every shard and stops the threads; call before the engine closes.
    void stop();

    search::EventSearchIndex& index() { return *m_index; }
    std::uint64_t cacheHits() const { return m_hits.load(); }
    std::uint64_t cacheMisses() const { return m_misses.load(); }

private:
    SearchService(const SearchOptions& options, std::unique_ptr<search::EventSearchIndex> index);
    struct Answer {
        std::string tag; // the ETag it was made under
        std::shared_ptr<const std::string> body;
    };

    void refreshLoop();
    void refresh(EventShard* shard);
    void answer(const std::string& queryString, const search::SearchQuery& query, const std::string& tag,
                const ApiReply& reply);
    // 200 with the body, or 304 when it is null.
    HttpResponse response(const std::shared_ptr<const std::string>& body, const std::string& tag) const;
    std::string etag(std::uint64_t generation, Timestamp now) const;

    const SearchOptions m_options;
    std::unique_ptr<search::EventSearchIndex> m_index;

    std::mutex m_mutex;                                      // guards everything below but the atomics
    std::map<EventId, std::pair<EventShard*, int>> m_shards; // event -> shard, subscription
    std::set<EventId> m_dirty;
    std::unordered_map<std::string, Answer> m_answers;
    bool m_stopping = false;
    bool m_archiveDue = true; // an event was added: the next refresh round runs the archive pass
    std::condition_variable m_wake;

    std::atomic<std::uint64_t> m_hits { 0 };
    std::atomic<std::uint64_t> m_misses { 0 };
    WorkerPool m_workers;
    std::thread m_refresher;
};

} // namespace usher::net
