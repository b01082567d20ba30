#include "pgstore/PgEventSearch.h"

#include "pgstore/PgStorage.h"
#include "search/SearchQueryParts.h"

#include <libpq-fe.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <optional>
#include <tuple>
#include <unordered_set>

namespace usher::search {

namespace {

// Held while the schema is created (several nodes may open the same database at once).
constexpr const char* kSchemaLockSql = "SELECT pg_advisory_xact_lock(7262010)";

struct ResultDeleter {
    void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

std::string trimmed(const char* message)
{
    std::string text = message ? message : "";
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}

void ignoreNotice(void*, const char*) { }

// Text parameters of one statement ("$1", "$2"... in the order added).
struct Params {
    std::vector<std::string> values;
    std::string add(std::string value)
    {
        values.push_back(std::move(value));
        return "$" + std::to_string(values.size());
    }
    std::string add(std::int64_t value) { return add(std::to_string(value)) + "::bigint"; }
};

// Runs `sql` with text parameters; null with *error when the result is not `expect`.
Result run(pg_conn* conn, const std::string& sql, const Params& params, ExecStatusType expect, std::string* error)
{
    std::vector<const char*> values;
    values.reserve(params.values.size());
    for (const std::string& v : params.values)
        values.push_back(v.c_str());
    Result result(PQexecParams(conn, sql.c_str(), int(values.size()), nullptr, values.data(), nullptr, nullptr, 0));
    if (!result || PQresultStatus(result.get()) != expect) {
        if (error)
            *error = "search index (PostgreSQL): "
                + trimmed(result ? PQresultErrorMessage(result.get()) : PQerrorMessage(conn));
        return nullptr;
    }
    return result;
}

// Without parameters: the simple protocol, so `sql` may hold several statements.
Result run(pg_conn* conn, const std::string& sql, ExecStatusType expect, std::string* error)
{
    Result result(PQexec(conn, sql.c_str()));
    if (!result || PQresultStatus(result.get()) != expect) {
        if (error)
            *error = "search index (PostgreSQL): "
                + trimmed(result ? PQresultErrorMessage(result.get()) : PQerrorMessage(conn));
        return nullptr;
    }
    return result;
}

std::uint64_t affected(const Result& result)
{
    return std::strtoull(PQcmdTuples(result.get()), nullptr, 10);
}

// A PostgreSQL array literal of text values: {"a","b \"c\""}.
std::string arrayLiteral(const std::vector<std::string>& values)
{
    std::string out = "{";
    for (std::size_t i = 0; i < values.size(); ++i) {
        out += i ? ",\"" : "\"";
        for (const char c : values[i]) {
            if (c == '"' || c == '\\')
                out.push_back('\\');
            out.push_back(c);
        }
        out.push_back('"');
    }
    return out + "}";
}

// A lexeme of a tsquery, quoted: '...' with ' doubled and \ escaped.
std::string tsqueryTerm(const std::string& word, bool prefix, bool titleOnly)
{
    std::string out = "'";
    for (const char c : word) {
        if (c == '\'' || c == '\\')
            out.push_back(c == '\'' ? '\'' : '\\');
        out.push_back(c);
    }
    out += "'";
    if (prefix || titleOnly)
        out += std::string(":") + (prefix ? "*" : "") + (titleOnly ? "A" : "");
    return out;
}

std::int64_t integer(const PGresult* r, int row, int column)
{
    return std::strtoll(PQgetvalue(r, row, column), nullptr, 10);
}

std::string text(const PGresult* r, int row, int column)
{
    return std::string(PQgetvalue(r, row, column), std::size_t(PQgetlength(r, row, column)));
}

// The facets, as bit numbers of a row's "failed filters" mask (the same as SqliteEventSearch).
enum Dim : std::uint8_t { DimDate, DimVenue, DimCity, DimGenre, DimPrice, DimAvailability, DimChannel };

// Rows of the search statement: kind 0..8 are facet counts, 9 the page.
enum Kind : int {
    KindTotal = 0,
    KindVenue = 1,
    KindCity = 2,
    KindGenre = 3,
    KindDate = 4,
    KindPrice = 5,
    KindAvailability = 6,
    KindOnline = 7,
    KindBoxOffice = 8,
    KindPage = 9,
};

} // namespace

PgEventSearch::PgEventSearch(const PgEventSearchOptions& options)
    : m_options(options)
{
}

PgEventSearch::~PgEventSearch()
{
    if (m_conn)
        PQfinish(m_conn);
}

bool PgEventSearch::ensureConnected(std::string* error) const
{
    if (m_conn && PQstatus(m_conn) == CONNECTION_OK)
        return true;
    if (m_conn) {
        PQfinish(m_conn);
        m_conn = nullptr;
    }
    const std::string timeout = std::to_string(std::max(1, m_options.connectTimeoutSeconds));
    // Later entries win: the caller's connection string overrides the defaults before it.
    const char* keywords[] = { "connect_timeout", "application_name", "client_encoding", "dbname", nullptr };
    const char* values[]
        = { timeout.c_str(), m_options.applicationName.c_str(), "UTF8", m_options.conninfo.c_str(), nullptr };
    m_conn = PQconnectdbParams(keywords, values, 1);
    if (m_conn == nullptr || PQstatus(m_conn) != CONNECTION_OK) {
        if (error)
            *error = "search index: cannot connect to PostgreSQL " + PgStorage::redacted(m_options.conninfo) + ": "
                + (m_conn ? trimmed(PQerrorMessage(m_conn)) : std::string("out of memory"));
        if (m_conn)
            PQfinish(m_conn);
        m_conn = nullptr;
        return false;
    }
    // to_tsquery tells about words that leave no lexeme; the query goes on without them.
    PQsetNoticeProcessor(m_conn, ignoreNotice, nullptr);
    return true;
}

std::unique_ptr<PgEventSearch> PgEventSearch::open(const PgEventSearchOptions& options, std::string* error)
{
    if (options.conninfo.empty()) {
        *error = "search index: no PostgreSQL connection string";
        return nullptr;
    }
    std::unique_ptr<PgEventSearch> index(new PgEventSearch(options));
    if (!index->ensureConnected(error) || !index->createSchema(error))
        return nullptr;
    return index;
}

bool PgEventSearch::createSchema(std::string* error)
{
    static const char* const kSchema = R"sql(
CREATE SCHEMA IF NOT EXISTS usher_search;
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA usher_search;
CREATE TABLE IF NOT EXISTS usher_search.meta(key text PRIMARY KEY, value bigint NOT NULL);
INSERT INTO usher_search.meta(key, value) VALUES ('schema_version', 1) ON CONFLICT (key) DO NOTHING;
CREATE TABLE IF NOT EXISTS usher_search.event(
    id bigint NOT NULL,
    archived boolean NOT NULL,
    name text NOT NULL,
    performer text NOT NULL,
    venue text NOT NULL,
    city text NOT NULL,
    genre text NOT NULL,
    starts_at bigint NOT NULL,
    time_zone text NOT NULL,
    currency text NOT NULL,
    price_min bigint NOT NULL,
    price_max bigint NOT NULL,
    channels smallint NOT NULL,
    availability smallint NOT NULL DEFAULT 0,
    words tsvector NOT NULL,
    PRIMARY KEY (id, archived)
) PARTITION BY LIST (archived);
CREATE TABLE IF NOT EXISTS usher_search.event_current PARTITION OF usher_search.event FOR VALUES IN (false);
CREATE TABLE IF NOT EXISTS usher_search.event_archive PARTITION OF usher_search.event FOR VALUES IN (true);
CREATE INDEX IF NOT EXISTS event_words ON usher_search.event USING gin (words);
CREATE INDEX IF NOT EXISTS event_id ON usher_search.event (id);
CREATE INDEX IF NOT EXISTS event_venue ON usher_search.event (venue);
CREATE INDEX IF NOT EXISTS event_city ON usher_search.event (city);
CREATE INDEX IF NOT EXISTS event_genre ON usher_search.event (genre);
)sql";
    std::string problem;
    if (!run(m_conn, "BEGIN", PGRES_COMMAND_OK, &problem) || !run(m_conn, kSchemaLockSql, PGRES_TUPLES_OK, &problem)
        || !run(m_conn, kSchema, PGRES_COMMAND_OK, &problem)) {
        run(m_conn, "ROLLBACK", PGRES_COMMAND_OK, nullptr);
        *error = problem;
        return false;
    }
    Result version = run(m_conn, "SELECT value FROM usher_search.meta WHERE key = 'schema_version'",
                         PGRES_TUPLES_OK, &problem);
    Result schema = version ? run(m_conn,
                                  "SELECT quote_ident(n.nspname) FROM pg_extension e JOIN pg_namespace n ON n.oid "
                                  "= e.extnamespace WHERE e.extname = 'unaccent'",
                                  PGRES_TUPLES_OK, &problem)
                            : nullptr;
    if (!version || !schema || PQntuples(version.get()) != 1 || PQntuples(schema.get()) != 1) {
        run(m_conn, "ROLLBACK", PGRES_COMMAND_OK, nullptr);
        *error = problem.empty() ? "search index (PostgreSQL): the schema is incomplete" : problem;
        return false;
    }
    const std::int64_t found = integer(version.get(), 0, 0);
    if (found > kSchemaVersion) {
        run(m_conn, "ROLLBACK", PGRES_COMMAND_OK, nullptr);
        *error = "search index (PostgreSQL): schema version " + std::to_string(found)
            + " was written by a newer Usher; upgrade Usher";
        return false;
    }
    const std::string where = text(schema.get(), 0, 0);
    // The two-argument form: the one-argument unaccent finds its dictionary through search_path.
    m_unaccent = where + ".unaccent('" + where + ".unaccent'::regdictionary, ";
    if (!run(m_conn, "COMMIT", PGRES_COMMAND_OK, &problem)) {
        *error = problem;
        return false;
    }
    return true;
}

std::size_t PgEventSearch::size(Partition partition) const
{
    std::lock_guard lock(m_mutex);
    if (!ensureConnected(nullptr))
        return 0;
    const char* where = partition == Partition::All ? "" : partition == Partition::Archive ? " WHERE archived" : " WHERE NOT archived";
    Result r = run(m_conn, std::string("SELECT count(*) FROM usher_search.event") + where, PGRES_TUPLES_OK, nullptr);
    return r ? std::size_t(integer(r.get(), 0, 0)) : 0;
}

SearchStatus PgEventSearch::upsert(const std::vector<CatalogEvent>& events, std::string* error)
{
    for (const CatalogEvent& e : events) {
        if (e.id == 0 || e.id > EventId(std::numeric_limits<std::int64_t>::max())) {
            if (error)
                *error = "event id " + std::to_string(e.id) + " is out of range";
            return SearchStatus::InvalidQuery;
        }
    }
    if (events.empty())
        return SearchStatus::Ok;
    // The last of several with the same id wins (as when they are written one after another).
    std::vector<const CatalogEvent*> unique;
    {
        std::unordered_set<EventId> seen;
        for (auto it = events.rbegin(); it != events.rend(); ++it)
            if (seen.insert(it->id).second)
                unique.push_back(&*it);
    }
    std::array<std::vector<std::string>, 14> columns;
    for (const CatalogEvent* e : unique) {
        const std::array<std::string, 14> row {
            std::to_string(std::int64_t(e->id)),
            e->name,
            e->performer,
            e->venue,
            e->city,
            e->genre,
            std::to_string(e->startsAt),
            e->timeZone,
            e->currency,
            std::to_string(e->priceMin),
            std::to_string(e->priceMax),
            std::to_string(int(e->channels)),
            foldedWords(e->name) + " " + foldedWords(e->performer),
            foldedWords(e->venue) + " " + foldedWords(e->city),
        };
        for (std::size_t c = 0; c < row.size(); ++c)
            columns[c].push_back(row[c]);
    }
    Params params;
    std::vector<std::string> p;
    for (const std::vector<std::string>& column : columns)
        p.push_back(params.add(arrayLiteral(column)));
    const std::string& u = m_unaccent;
    const std::string sql = "WITH input AS (SELECT * FROM unnest(" + p[0] + "::bigint[], " + p[1] + "::text[], "
        + p[2] + "::text[], " + p[3] + "::text[], " + p[4] + "::text[], " + p[5] + "::text[], " + p[6]
        + "::bigint[], " + p[7] + "::text[], " + p[8] + "::text[], " + p[9] + "::bigint[], " + p[10]
        + "::bigint[], " + p[11] + "::smallint[], " + p[12] + "::text[], " + p[13]
        + "::text[]) AS t(id, name, performer, venue, city, genre, starts_at, time_zone, currency, price_min, "
          "price_max, channels, title_words, place_words)), "
          "prepared AS (SELECT id, name, performer, venue, city, genre, starts_at, time_zone, currency, price_min, "
          "price_max, channels, setweight(to_tsvector('simple', "
        + u + "title_words)), 'A') || setweight(to_tsvector('simple', " + u
        + "place_words)), 'B') AS words FROM input), "
          "updated AS (UPDATE usher_search.event e SET name = p.name, performer = p.performer, venue = p.venue, "
          "city = p.city, genre = p.genre, starts_at = p.starts_at, time_zone = p.time_zone, currency = "
          "p.currency, price_min = p.price_min, price_max = p.price_max, channels = p.channels, words = p.words "
          "FROM prepared p WHERE e.id = p.id RETURNING e.id) "
          "INSERT INTO usher_search.event(id, archived, name, performer, venue, city, genre, starts_at, time_zone, "
          "currency, price_min, price_max, channels, words) SELECT id, false, name, performer, venue, city, genre, "
          "starts_at, time_zone, currency, price_min, price_max, channels, words FROM prepared WHERE id NOT IN "
          "(SELECT id FROM updated) ON CONFLICT (id, archived) DO UPDATE SET name = EXCLUDED.name, performer = "
          "EXCLUDED.performer, venue = EXCLUDED.venue, city = EXCLUDED.city, genre = EXCLUDED.genre, starts_at = "
          "EXCLUDED.starts_at, time_zone = EXCLUDED.time_zone, currency = EXCLUDED.currency, price_min = "
          "EXCLUDED.price_min, price_max = EXCLUDED.price_max, channels = EXCLUDED.channels, words = "
          "EXCLUDED.words";
    std::lock_guard lock(m_mutex);
    std::string problem;
    if (!ensureConnected(&problem) || !run(m_conn, sql, params, PGRES_COMMAND_OK, &problem)) {
        if (error)
            *error = problem;
        return SearchStatus::StorageError;
    }
    for (const CatalogEvent* e : unique)
        m_availability.erase(e->id); // a new row starts on sale; the next setAvailability writes
    ++m_generation;
    return SearchStatus::Ok;
}

SearchStatus PgEventSearch::remove(EventId id, std::string* error)
{
    std::lock_guard lock(m_mutex);
    std::string problem;
    Params params;
    const std::string sql = "DELETE FROM usher_search.event WHERE id = " + params.add(std::int64_t(id));
    Result r;
    if (!ensureConnected(&problem) || !(r = run(m_conn, sql, params, PGRES_COMMAND_OK, &problem))) {
        if (error)
            *error = problem;
        return SearchStatus::StorageError;
    }
    m_availability.erase(id);
    if (affected(r) > 0)
        ++m_generation;
    return SearchStatus::Ok;
}

void PgEventSearch::setAvailability(EventId id, std::uint64_t available, std::uint64_t capacity)
{
    const auto cls = std::uint8_t(availabilityOf(available, capacity));
    std::lock_guard lock(m_mutex);
    const auto known = m_availability.find(id);
    if (known != m_availability.end() && known->second == cls)
        return;
    Params params;
    const std::string value = params.add(std::int64_t(cls));
    const std::string sql = "UPDATE usher_search.event SET availability = " + value
        + " WHERE id = " + params.add(std::int64_t(id)) + " AND availability <> " + value;
    Result r;
    if (!ensureConnected(nullptr) || !(r = run(m_conn, sql, params, PGRES_COMMAND_OK, nullptr))) {
        m_availability.erase(id); // tried again on the next change
        return;
    }
    m_availability[id] = cls;
    if (affected(r) > 0)
        ++m_generation;
}

SearchStatus PgEventSearch::archiveBefore(Timestamp cutoff, std::size_t* moved, std::string* error)
{
    std::lock_guard lock(m_mutex);
    std::string problem;
    Params params;
    const std::string sql
        = "UPDATE usher_search.event SET archived = true WHERE NOT archived AND starts_at < " + params.add(cutoff);
    Result r;
    if (!ensureConnected(&problem) || !(r = run(m_conn, sql, params, PGRES_COMMAND_OK, &problem))) {
        if (error)
            *error = problem;
        return SearchStatus::StorageError;
    }
    const std::uint64_t count = affected(r);
    if (moved)
        *moved = std::size_t(count);
    if (count > 0)
        ++m_generation;
    return SearchStatus::Ok;
}

std::uint64_t PgEventSearch::databaseBytes()
{
    std::lock_guard lock(m_mutex);
    if (!ensureConnected(nullptr))
        return 0;
    Result r = run(m_conn,
                   "SELECT pg_total_relation_size('usher_search.event_current') + "
                   "pg_total_relation_size('usher_search.event_archive')",
                   PGRES_TUPLES_OK, nullptr);
    return r ? std::uint64_t(integer(r.get(), 0, 0)) : 0;
}

SearchStatus PgEventSearch::vacuumAnalyze(std::string* error)
{
    std::lock_guard lock(m_mutex);
    std::string problem;
    if (!ensureConnected(&problem) || !run(m_conn, "VACUUM ANALYZE usher_search.event", PGRES_COMMAND_OK, &problem)) {
        if (error)
            *error = problem;
        return SearchStatus::StorageError;
    }
    return SearchStatus::Ok;
}

// ---- Searching -------------------------------------------------------------------------------------

namespace {

std::string valueList(Params& params, const std::vector<std::string>& values)
{
    std::string out;
    for (const std::string& v : values)
        out += (out.empty() ? "" : ", ") + params.add(v);
    return out;
}

} // namespace

SearchStatus PgEventSearch::search(const SearchQuery& query, SearchResult* result, std::string* error)
{
    std::string problem;
    QueryWords words;
    std::optional<SearchKey> after;
    if (!checkQuery(query, &words, &after, &problem)) {
        if (error)
            *error = problem;
        return SearchStatus::InvalidQuery;
    }
    const auto failed = [&](std::string why) {
        if (error)
            *error = std::move(why);
        return SearchStatus::StorageError;
    };

    std::lock_guard lock(m_mutex);
    if (!ensureConnected(&problem))
        return failed(problem);

    // The words as two tsqueries, normalized by the server first (one round trip): every word,
    // and every word in the name or performer (weight A) for relevance 2.
    std::string match;
    std::string titleMatch;
    if (!words.words.empty()) {
        std::string all;
        std::string title;
        for (std::size_t i = 0; i < words.words.size(); ++i) {
            const bool prefix = words.lastIsPrefix && i + 1 == words.words.size();
            const std::string word = foldedWord(words.words[i]);
            all += (i ? " & " : "") + tsqueryTerm(word, prefix, false);
            title += (i ? " & " : "") + tsqueryTerm(word, prefix, true);
        }
        Params params;
        const std::string sql = "SELECT to_tsquery('simple', " + m_unaccent + params.add(all)
            + "))::text, to_tsquery('simple', " + m_unaccent + params.add(title) + "))::text";
        Result r = run(m_conn, sql, params, PGRES_TUPLES_OK, &problem);
        if (!r)
            return failed(problem);
        match = text(r.get(), 0, 0);
        titleMatch = text(r.get(), 0, 1);
    }

    Params params;
    std::string where = query.partition == Partition::Current ? "NOT archived"
        : query.partition == Partition::Archive               ? "archived"
                                                              : "true";
    std::string relevance = "0";
    if (!match.empty()) {
        where += " AND words @@ " + params.add(match) + "::tsquery";
        relevance = "CASE WHEN words @@ " + params.add(titleMatch) + "::tsquery THEN 2 ELSE 1 END";
    }
    // The filters a row fails, as Dim bits.
    std::string mask;
    const auto fails = [&mask](const std::string& passes, Dim dim) {
        mask += " + CASE WHEN " + passes + " THEN 0 ELSE " + std::to_string(1u << dim) + " END";
    };
    if (query.from || query.to) {
        std::string passes;
        if (query.from)
            passes = "starts_at >= " + params.add(*query.from);
        if (query.to)
            passes += (passes.empty() ? "" : " AND ") + std::string("starts_at < ") + params.add(*query.to);
        fails(passes, DimDate);
    }
    std::vector<std::string> postings; // venue, city, genre filters: at least one passes (see below)
    for (const auto& [values, column, dim] :
         { std::tuple { &query.venues, "venue", DimVenue }, std::tuple { &query.cities, "city", DimCity },
           std::tuple { &query.genres, "genre", DimGenre } }) {
        if (values->empty())
            continue;
        const std::string passes = std::string(column) + " IN (" + valueList(params, *values) + ")";
        fails(passes, dim);
        postings.push_back(passes);
    }
    if (query.minPrice || query.maxPrice) {
        std::string passes;
        if (query.minPrice)
            passes = "price_max >= " + params.add(*query.minPrice);
        if (query.maxPrice)
            passes += (passes.empty() ? "" : " AND ") + std::string("price_min <= ") + params.add(*query.maxPrice);
        fails(passes, DimPrice);
    }
    if (query.availability != 0)
        fails("((" + params.add(std::int64_t(query.availability)) + " >> availability) & 1) = 1", DimAvailability);
    if (query.channels != 0)
        fails("(channels & " + params.add(std::int64_t(query.channels)) + ") <> 0", DimChannel);
    // A row counts (in the results or in one facet) only if it fails at most one filter: with two
    // or more of venue, city and genre filtered it passes at least one of them, so their indexes
    // give every row that can count.
    if (postings.size() >= 2) {
        std::string any;
        for (const std::string& p : postings)
            any += (any.empty() ? "(" : " OR ") + p;
        where += " AND " + any + ")";
    }
    const std::string day = params.add(query.dayStart);
    const std::string date = "CASE WHEN starts_at < " + day + " THEN 0 WHEN starts_at < " + day + " + "
        + std::to_string(kSearchDayMs) + " THEN 1 WHEN starts_at < " + day + " + " + std::to_string(7 * kSearchDayMs)
        + " THEN 2 WHEN starts_at < " + day + " + " + std::to_string(30 * kSearchDayMs) + " THEN 3 ELSE 4 END";
    std::string price = "CASE";
    for (std::size_t b = 0; b < kPriceBucketBounds.size(); ++b)
        price += " WHEN price_min < " + std::to_string(kPriceBucketBounds[b]) + " THEN " + std::to_string(b);
    price += " ELSE " + std::to_string(kPriceBucketBounds.size()) + " END";

    std::string keyset = "true";
    if (after) {
        const std::string r = params.add(std::int64_t(after->relevance));
        const std::string s = params.add(after->startsAt);
        const std::string i = params.add(std::int64_t(after->id));
        keyset = "(relevance < " + r + " OR (relevance = " + r + " AND (starts_at > " + s + " OR (starts_at = " + s
            + " AND id > " + i + "))))";
    }
    const std::string offset = params.add(std::int64_t(query.offset));
    const std::string limit = params.add(std::int64_t(query.limit) + 1); // one more: is there a next page?

    const auto facet = [](Kind kind, const std::string& value, Dim dim, const std::string& extra = {}) {
        return "SELECT " + std::to_string(kind) + ", " + value + ", count(*), NULL::bigint, NULL::boolean, NULL::int, "
            "NULL::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::bigint, NULL::text, NULL::text, "
            "NULL::bigint, NULL::bigint, NULL::smallint, NULL::smallint FROM m WHERE failed & "
            + std::to_string(~(1u << dim) & 0x7fu) + " = 0" + extra
            + (value.find("'") == std::string::npos ? " GROUP BY 2" : "");
    };
    const std::string sql = "WITH m AS MATERIALIZED (SELECT * FROM (SELECT id, archived, starts_at, venue, city, genre, "
                            "channels, availability, "
        + date + " AS date_bucket, " + price + " AS price_bucket, " + relevance + " AS relevance, 0" + mask
        + " AS failed FROM usher_search.event WHERE " + where
        + ") s WHERE failed & (failed - 1) = 0), "
          "page AS (SELECT id, archived, relevance, row_number() OVER (ORDER BY relevance DESC, starts_at, id) AS n "
          "FROM m WHERE failed = 0 AND "
        + keyset + " ORDER BY relevance DESC, starts_at, id OFFSET " + offset + " LIMIT " + limit
        + ") "
          "SELECT " + std::to_string(KindTotal) + ", NULL::text, count(*), NULL::bigint, NULL::boolean, NULL::int, "
          "NULL::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::bigint, NULL::text, NULL::text, "
          "NULL::bigint, NULL::bigint, NULL::smallint, NULL::smallint FROM m WHERE failed = 0"
        + " UNION ALL " + facet(KindVenue, "venue", DimVenue) + " UNION ALL " + facet(KindCity, "city", DimCity)
        + " UNION ALL " + facet(KindGenre, "genre", DimGenre) + " UNION ALL "
        + facet(KindDate, "date_bucket::text", DimDate) + " UNION ALL "
        + facet(KindPrice, "price_bucket::text", DimPrice) + " UNION ALL "
        + facet(KindAvailability, "availability::text", DimAvailability) + " UNION ALL "
        + facet(KindOnline, "'online'", DimChannel, " AND (channels & 1) <> 0") + " UNION ALL "
        + facet(KindBoxOffice, "'box_office'", DimChannel, " AND (channels & 2) <> 0")
        + " UNION ALL SELECT " + std::to_string(KindPage)
        + ", NULL::text, p.n, e.id, e.archived, p.relevance, e.name, e.performer, e.venue, e.city, e.genre, "
          "e.starts_at, e.time_zone, e.currency, e.price_min, e.price_max, e.channels, e.availability FROM page p "
          "JOIN usher_search.event e ON e.id = p.id AND e.archived = p.archived";
    Result r = run(m_conn, sql, params, PGRES_TUPLES_OK, &problem);
    if (!r)
        return failed(problem);

    SearchResult out;
    std::array<std::vector<FacetValue>, 3> named; // venue, city, genre
    std::array<std::uint64_t, kDateBuckets.size()> dates {};
    std::array<std::uint64_t, kPriceBuckets.size()> prices {};
    std::array<std::uint64_t, kAvailabilityClasses> classes {};
    std::array<std::uint64_t, 2> channels {};
    std::vector<std::pair<std::int64_t, SearchHit>> page;
    for (int row = 0; row < PQntuples(r.get()); ++row) {
        const auto kind = Kind(integer(r.get(), row, 0));
        const std::string value = text(r.get(), row, 1);
        const auto n = std::uint64_t(integer(r.get(), row, 2));
        const auto bucket = std::size_t(std::strtoull(value.c_str(), nullptr, 10));
        switch (kind) {
        case KindTotal: out.total = n; break;
        case KindVenue:
        case KindCity:
        case KindGenre: named[std::size_t(kind) - 1].push_back(FacetValue { value, n }); break;
        case KindDate:
            if (bucket < dates.size())
                dates[bucket] = n;
            break;
        case KindPrice:
            if (bucket < prices.size())
                prices[bucket] = n;
            break;
        case KindAvailability:
            if (bucket < classes.size())
                classes[bucket] = n;
            break;
        case KindOnline: channels[0] = n; break;
        case KindBoxOffice: channels[1] = n; break;
        case KindPage: {
            SearchHit hit;
            CatalogEvent& e = hit.event;
            e.id = EventId(integer(r.get(), row, 3));
            hit.archived = std::strcmp(PQgetvalue(r.get(), row, 4), "t") == 0;
            hit.relevance = int(integer(r.get(), row, 5));
            e.name = text(r.get(), row, 6);
            e.performer = text(r.get(), row, 7);
            e.venue = text(r.get(), row, 8);
            e.city = text(r.get(), row, 9);
            e.genre = text(r.get(), row, 10);
            e.startsAt = integer(r.get(), row, 11);
            e.timeZone = text(r.get(), row, 12);
            e.currency = text(r.get(), row, 13);
            e.priceMin = integer(r.get(), row, 14);
            e.priceMax = integer(r.get(), row, 15);
            e.channels = std::uint8_t(integer(r.get(), row, 16));
            const auto cls = integer(r.get(), row, 17);
            hit.availability = Availability(cls >= 0 && cls < std::int64_t(kAvailabilityClasses) ? cls : 0);
            page.emplace_back(std::int64_t(n), std::move(hit));
            break;
        }
        }
    }
    std::sort(page.begin(), page.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    const bool more = page.size() > query.limit;
    if (more)
        page.resize(query.limit);
    for (auto& [n, hit] : page)
        out.hits.push_back(std::move(hit));
    if (more && !out.hits.empty()) {
        const SearchHit& last = out.hits.back();
        out.nextCursor
            = encodeCursor(SearchKey { std::uint8_t(last.relevance), last.event.startsAt, last.event.id });
    }
    out.facets.venue = topFacetValues(std::move(named[0]));
    out.facets.city = topFacetValues(std::move(named[1]));
    out.facets.genre = topFacetValues(std::move(named[2]));
    for (std::size_t a = 0; a < kAvailabilityClasses; ++a)
        out.facets.availability.push_back(FacetValue { availabilityName(Availability(a)), classes[a] });
    out.facets.channel = { { channelName(ChannelOnline), channels[0] }, { channelName(ChannelBoxOffice), channels[1] } };
    for (std::size_t b = 0; b < kPriceBuckets.size(); ++b)
        out.facets.price.push_back(FacetValue { kPriceBuckets[b], prices[b] });
    for (std::size_t b = 0; b < kDateBuckets.size(); ++b)
        out.facets.date.push_back(FacetValue { kDateBuckets[b], dates[b] });
    *result = std::move(out);
    return SearchStatus::Ok;
}

} // namespace usher::search
