#include "net/SearchService.h"

#include "core/Assert.h"
#include "core/PercentDecode.h"
#include "event/EventSpec.h"
#include "ledger/Ledger.h"
#include "net/Log.h"
#include "runtime/Clock.h"
#include "runtime/EventShard.h"
#include "pgstore/PgEventSearch.h"
#include "pgstore/PgStorage.h"
#include "search/SqliteEventSearch.h"

#include <QDateTime>

#include <charconv>

namespace usher::net {

namespace {

using namespace usher::search;

constexpr Timestamp kDayMs = 24ll * 3600 * 1000;
constexpr Amount kPriceMax = 1'000'000'000'000'000;
constexpr const char* kKnown = "q, from, to, city, venue, category, minPrice, maxPrice, availability, channel, page, "
                               "limit, archived";


// application/x-www-form-urlencoded: %XX and '+' for a space.
bool urlDecode(std::string_view in, std::string* out)
{
    std::optional<std::string> decoded = percentDecode(in, PlusSign::Space);
    if (!decoded)
        return false;
    *out = std::move(*decoded);
    return true;
}

// An ISO 8601 time with a zone, or a date (midnight UTC; for `to` the end of that day).
bool parseTime(const std::string& text, bool endOfDay, Timestamp* out)
{
    const QString value = QString::fromStdString(text);
    const QDate date = QDate::fromString(value, Qt::ISODate);
    if (date.isValid() && value.size() == 10) {
        *out = QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() + (endOfDay ? kDayMs : 0);
        return true;
    }
    const QDateTime time = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!time.isValid() || time.timeSpec() == Qt::LocalTime)
        return false;
    *out = time.toMSecsSinceEpoch();
    return true;
}

bool parseAmount(const std::string& text, Amount* out)
{
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
    return ec == std::errc() && end == text.data() + text.size() && *out >= 0 && *out <= kPriceMax;
}

struct Parser {
    SearchQuery& q;
    std::string& error;
    std::set<std::string> seen;
    std::string page;
    std::uint32_t limit = 20;

    bool fail(const std::string& key, const std::string& message)
    {
        error = key + ": " + message;
        return false;
    }

    bool scalar(const std::string& key) { return seen.insert(key).second || fail(key, "given more than once"); }

    bool listValue(const std::string& key, const std::string& value, std::vector<std::string>* list)
    {
        if (value.empty())
            return fail(key, "must not be empty");
        list->push_back(value);
        return list->size() <= searchlimits::filterValuesMax
            || fail(key, "more than " + std::to_string(searchlimits::filterValuesMax) + " values");
    }

    bool parameter(const std::string& key, const std::string& value)
    {
        if (key == "q")
            return scalar(key) && (q.text = value, true);
        if (key == "from" || key == "to") {
            Timestamp at = 0;
            if (!scalar(key) || !parseTime(value, key == "to", &at))
                return error.empty() ? fail(key,
                                            "expected a date (2026-12-24) or a time with a zone "
                                            "(2026-12-24T19:30:00Z)")
                                     : false;
            (key == "from" ? q.from : q.to) = at;
            return true;
        }
        if (key == "city")
            return listValue(key, value, &q.cities);
        if (key == "venue")
            return listValue(key, value, &q.venues);
        if (key == "category")
            return listValue(key, value, &q.genres);
        if (key == "minPrice" || key == "maxPrice") {
            Amount amount = 0;
            if (!scalar(key))
                return false;
            if (!parseAmount(value, &amount))
                return fail(key, "expected a whole amount in minor units, 0..1000000000000000");
            (key == "minPrice" ? q.minPrice : q.maxPrice) = amount;
            return true;
        }
        return other(key, value);
    }

    bool other(const std::string& key, const std::string& value)
    {
        if (key == "availability") {
            Availability a = Availability::OnSale;
            if (!parseAvailability(value, &a))
                return fail(key, "\"" + value + "\" is not on_sale, few_left or sold_out");
            q.availability |= std::uint8_t(1u << std::uint8_t(a));
            return true;
        }
        if (key == "channel") {
            ChannelBit bit = ChannelOnline;
            if (!parseChannel(value, &bit))
                return fail(key, "\"" + value + "\" is not online or box_office");
            q.channels |= bit;
            return true;
        }
        if (key == "page")
            return scalar(key) && (page = value, true);
        if (key == "limit") {
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), limit);
            if (!scalar(key))
                return false;
            if (ec != std::errc() || end != value.data() + value.size() || limit == 0
                || limit > searchlimits::pageSizeMax)
                return fail(key, "expected a number 1.." + std::to_string(searchlimits::pageSizeMax));
            return true;
        }
        if (key == "archived") {
            if (!scalar(key))
                return false;
            if (value != "false" && value != "true" && value != "only")
                return fail(key, "expected false, true (current and archived) or only");
            q.partition = value == "false" ? Partition::Current : value == "true" ? Partition::All : Partition::Archive;
            return true;
        }
        return fail(key, std::string("unknown parameter (known: ") + kKnown + ")");
    }

    // page: a page number (1, 2...) or the nextPage cursor of an earlier answer.
    bool finish()
    {
        q.limit = limit;
        if (page.empty())
            return true;
        if (page.find('_') != std::string::npos) {
            q.after = page;
            return true;
        }
        std::uint32_t number = 0;
        const auto [end, ec] = std::from_chars(page.data(), page.data() + page.size(), number);
        if (ec != std::errc() || end != page.data() + page.size() || number == 0)
            return fail("page", "expected a page number from 1 or the nextPage value of an earlier answer");
        const std::uint64_t offset = std::uint64_t(number - 1) * limit;
        if (offset > searchlimits::offsetMax)
            return fail("page",
                        "beyond the first " + std::to_string(searchlimits::offsetMax)
                            + " results; narrow the search or follow nextPage");
        q.offset = std::uint32_t(offset);
        return true;
    }
};

void appendString(std::string& out, const char* key, const std::string& value)
{
    out.append("\"").append(key).append("\":\"");
    appendJsonEscaped(out, value);
    out.append("\"");
}

void appendHit(std::string& out, const SearchHit& hit)
{
    const CatalogEvent& e = hit.event;
    out.append("{\"id\":").append(std::to_string(e.id)).append(",");
    appendString(out, "name", e.name);
    out.append(",");
    appendString(out, "performer", e.performer);
    out.append(",");
    appendString(out, "venue", e.venue);
    out.append(",");
    appendString(out, "city", e.city);
    out.append(",");
    appendString(out, "category", e.genre);
    out.append(",\"startsAt\":\"").append(isoTime(e.startsAt)).append("\",");
    appendString(out, "timeZone", e.timeZone);
    out.append(",");
    appendString(out, "currency", e.currency);
    out.append(",\"priceMin\":").append(std::to_string(e.priceMin));
    out.append(",\"priceMax\":").append(std::to_string(e.priceMax));
    out.append(",\"channels\":[");
    if (e.channels & ChannelOnline)
        out.append("\"online\"").append((e.channels & ChannelBoxOffice) ? "," : "");
    if (e.channels & ChannelBoxOffice)
        out.append("\"box_office\"");
    out.append("],\"availability\":\"").append(availabilityName(hit.availability));
    out.append("\",\"archived\":").append(hit.archived ? "true" : "false");
    out.append(",\"relevance\":").append(std::to_string(hit.relevance)).append("}");
}

void appendFacet(std::string& out, const char* name, const std::vector<FacetValue>& values, bool first = false)
{
    out.append(first ? "\"" : ",\"").append(name).append("\":[");
    for (std::size_t i = 0; i < values.size(); ++i) {
        out.append(i ? ",{" : "{");
        appendString(out, "value", values[i].value);
        out.append(",\"count\":").append(std::to_string(values[i].count)).append("}");
    }
    out.append("]");
}

std::string resultJson(const SearchResult& r)
{
    std::string out = "{\"events\":[";
    for (std::size_t i = 0; i < r.hits.size(); ++i) {
        if (i)
            out.push_back(',');
        appendHit(out, r.hits[i]);
    }
    out.append("],\"total\":").append(std::to_string(r.total)).append(",\"nextPage\":");
    out.append(r.nextCursor.empty() ? "null" : "\"" + r.nextCursor + "\"");
    out.append(",\"facets\":{");
    appendFacet(out, "date", r.facets.date, true);
    appendFacet(out, "city", r.facets.city);
    appendFacet(out, "venue", r.facets.venue);
    appendFacet(out, "category", r.facets.genre);
    appendFacet(out, "price", r.facets.price);
    appendFacet(out, "availability", r.facets.availability);
    appendFacet(out, "channel", r.facets.channel);
    out.append("}}");
    return out;
}

} // namespace

bool parseSearchParameters(std::string_view query, Timestamp now, SearchQuery* out, std::string* error)
{
    SearchQuery q;
    q.dayStart = now - ((now % kDayMs) + kDayMs) % kDayMs; // UTC midnight
    std::string problem;
    Parser parser { q, problem, {}, {}, 20 };
    std::string key;
    std::string value;
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query.remove_prefix(amp == std::string_view::npos ? query.size() : amp + 1);
        if (pair.empty())
            continue;
        const std::size_t eq = pair.find('=');
        if (!urlDecode(pair.substr(0, eq), &key)
            || !urlDecode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1), &value)) {
            *error = "the query string has a bad %-escape";
            return false;
        }
        if (!parser.parameter(key, value)) {
            *error = problem;
            return false;
        }
    }
    if (!parser.finish()) {
        *error = problem;
        return false;
    }
    *out = std::move(q);
    return true;
}

std::unique_ptr<SearchService> SearchService::open(const SearchOptions& options, std::string* error)
{
    std::unique_ptr<EventSearchIndex> index;
    if (!options.store.empty()) {
        if (!PgStorage::isPostgresUri(options.store)) {
            *error = "search index: unknown store (expected postgresql://...)";
            return nullptr;
        }
        PgEventSearchOptions pg;
        pg.conninfo = options.store;
        pg.applicationName = "usherd-search";
        // Queries check the shared change counter as often as the refresh loop reads it.
        pg.syncIntervalMs = options.refreshIntervalMs;
        index = PgEventSearch::open(pg, error);
    } else {
        index = SqliteEventSearch::open(options.indexPath, error);
    }
    if (!index)
        return nullptr;
    return std::unique_ptr<SearchService>(new SearchService(options, std::move(index)));
}

SearchService::SearchService(const SearchOptions& options, std::unique_ptr<EventSearchIndex> index)
    : m_options(options)
    , m_index(std::move(index))
    , m_workers(1, options.workerQueueMax)
    , m_refresher([this] { refreshLoop(); })
{
}

SearchService::~SearchService()
{
    stop();
}

void SearchService::stop()
{
    std::map<EventId, std::pair<EventShard*, int>> shards;
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return;
        m_stopping = true;
        shards.swap(m_shards);
    }
    m_wake.notify_all();
    m_refresher.join();
    for (const auto& [id, entry] : shards)
        entry.first->unsubscribe(entry.second);
    m_workers.stop();
}

void SearchService::addEvent(EventShard* shard)
{
    USHER_ASSERT(shard != nullptr);
    std::string error;
    if (m_index->upsert({ catalogEventFromSpec(shard->spec()) }, &error) != SearchStatus::Ok)
        LogLine(LogLevel::Error, "cannot index the event for search")
            .num("event", std::int64_t(shard->id()))
            .str("error", error);
    const EventId id = shard->id();
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || m_shards.count(id) != 0) {
            m_dirty.insert(id);
            return;
        }
    }
    const int subscription = shard->subscribe([this, id](const Published&) {
        std::lock_guard lock(m_mutex);
        m_dirty.insert(id);
    });
    std::lock_guard lock(m_mutex);
    m_shards[id] = { shard, subscription };
    m_dirty.insert(id);
    m_archiveDue = true; // an event added at start may already be past: archive it now, not in 60 s
    m_wake.notify_all();
}

void SearchService::refresh(EventShard* shard)
{
    LedgerCounts counts;
    if (!shard->read([&counts](const Ledger& ledger) { counts = ledger.counts(); }))
        return;
    const Venue& venue = *shard->spec().venue;
    const std::uint64_t areas = venue.areaCapacityTotal();
    const std::uint64_t areaTaken = std::min<std::uint64_t>(areas, counts.areaHeld + counts.areaSold);
    m_index->setAvailability(shard->id(), std::uint64_t(counts.available) + areas - areaTaken,
                             venue.seats.size() + areas);
}

void SearchService::refreshLoop()
{
    std::int64_t nextArchiveNs = 0;
    bool refreshFailing = false;
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        std::vector<EventShard*> dirty;
        for (const EventId id : m_dirty) {
            const auto found = m_shards.find(id);
            if (found != m_shards.end())
                dirty.push_back(found->second.first);
        }
        m_dirty.clear();
        const bool archiveDue = m_archiveDue;
        m_archiveDue = false;
        lock.unlock();
        for (EventShard* shard : dirty)
            refresh(shard); // shard pointers stay valid until stop(), which joins this thread first
        // Other nodes' writes to a shared catalog (PostgreSQL); logged once per failing spell.
        std::string problem;
        const bool failing = m_index->refresh(&problem) != SearchStatus::Ok;
        if (failing && !refreshFailing)
            LogLine(LogLevel::Error, "cannot read other nodes' search catalog changes").str("error", problem);
        refreshFailing = failing;
        if (archiveDue || steadyNowNs() >= nextArchiveNs) {
            std::size_t moved = 0;
            std::string error;
            if (m_index->archiveBefore(systemClockNow() - m_options.archiveAfterMs, &moved, &error) != SearchStatus::Ok)
                LogLine(LogLevel::Error, "cannot archive old events in the search index").str("error", error);
            nextArchiveNs = steadyNowNs() + 60'000'000'000;
        }
        lock.lock();
        m_wake.wait_for(lock, std::chrono::milliseconds(m_options.refreshIntervalMs), [this] { return m_stopping; });
    }
}

std::string SearchService::etag(std::uint64_t generation, Timestamp now) const
{
    // The date facet's buckets move at midnight (UTC), so the day is part of the version.
    return "\"search-" + std::to_string(generation) + "-" + std::to_string(now / kDayMs) + "\"";
}

HttpResponse SearchService::response(const std::shared_ptr<const std::string>& body, const std::string& tag) const
{
    HttpResponse r;
    r.sharedBody = body;
    if (!body) {
        r.status = 304;
        r.contentType = nullptr;
    }
    r.headers.emplace_back("ETag", tag);
    r.headers.emplace_back("Cache-Control", "public, max-age=" + std::to_string(m_options.maxAgeSeconds));
    return r;
}

void SearchService::handle(const HttpRequest& request, const ApiReply& reply)
{
    const Timestamp now = systemClockNow();
    const std::uint64_t generation = m_index->generation();
    const std::string tag = etag(generation, now);
    if (request.header("if-none-match") == tag) {
        ++m_hits;
        return reply.send(response(nullptr, tag));
    }
    {
        std::lock_guard lock(m_mutex);
        const auto found = m_answers.find(request.query);
        if (found != m_answers.end() && found->second.tag == tag) {
            ++m_hits;
            return reply.send(response(found->second.body, tag));
        }
    }
    ++m_misses;
    SearchQuery query;
    std::string error;
    if (!parseSearchParameters(request.query, now, &query, &error))
        return reply.send(errorResponse(400, "invalid_parameter", error));
    std::string queryString = request.query;
    if (!m_workers.post(
            [this, queryString, query = std::move(query), tag, reply] { answer(queryString, query, tag, reply); }))
        reply.send(errorResponse(503, "overloaded", "too many searches waiting; retry shortly"));
}

void SearchService::answer(const std::string& queryString, const SearchQuery& query, const std::string& tag,
                           const ApiReply& reply)
{
    SearchResult result;
    std::string error;
    const SearchStatus status = m_index->search(query, &result, &error);
    if (status == SearchStatus::InvalidQuery)
        return reply.send(errorResponse(400, "invalid_parameter", error));
    if (status != SearchStatus::Ok) {
        LogLine(LogLevel::Error, "search failed").str("error", error);
        return reply.send(errorResponse(500, "search_failed", "the search index failed; see the server log"));
    }
    auto body = std::make_shared<const std::string>(resultJson(result));
    {
        std::lock_guard lock(m_mutex);
        if (m_answers.size() >= m_options.cachedAnswersMax)
            m_answers.clear(); // simple and bounded; the next queries fill it again
        m_answers[queryString] = Answer { tag, body };
    }
    reply.send(response(body, tag));
}

} // namespace usher::net
