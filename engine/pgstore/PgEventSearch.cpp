#include "pgstore/PgEventSearch.h"

#include "pgstore/PgStorage.h"
#include "search/SearchQueryParts.h"

#include <libpq-fe.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <optional>
#include <unordered_set>
#include <utility>

namespace usher::search {

// Text parameters of one statement ("$1", "$2"... in the order added).
struct PgParams {
    std::vector<std::string> values;
    std::string add(std::string value)
    {
        values.push_back(std::move(value));
        return "$" + std::to_string(values.size());
    }
    std::string add(std::int64_t value) { return add(std::to_string(value)) + "::bigint"; }
};

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

using Params = PgParams;

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
    m_conn = PgStorage::open(m_options.conninfo, m_options.applicationName, m_options.connectTimeoutSeconds);
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
    std::lock_guard lock(index->m_mutex);
    if (!index->ensureConnected(error) || !index->createSchema(error) || !index->catchUp(true, error))
        return nullptr;
    return index;
}

bool PgEventSearch::createSchema(std::string* error)
{
    static const char* const kSchema = R"sql(
CREATE SCHEMA IF NOT EXISTS usher_search;
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA usher_search;
CREATE TABLE IF NOT EXISTS usher_search.meta(key text PRIMARY KEY, value bigint NOT NULL);
INSERT INTO usher_search.meta(key, value) VALUES ('schema_version', 2), ('revision', 0) ON CONFLICT (key) DO NOTHING;
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
-- Version 2: the change counter; the facets moved into memory, so no filter needs an index.
ALTER TABLE usher_search.event ADD COLUMN IF NOT EXISTS revision bigint NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS event_revision ON usher_search.event (revision);
CREATE TABLE IF NOT EXISTS usher_search.removed(id bigint PRIMARY KEY, revision bigint NOT NULL);
DROP INDEX IF EXISTS usher_search.event_venue, usher_search.event_city, usher_search.event_genre;
UPDATE usher_search.meta SET value = 2 WHERE key = 'schema_version' AND value = 1;
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
    std::string ignored;
    catchUp(false, &ignored); // on failure: the count as of the last catch-up
    if (partition == Partition::All)
        return m_columns.live(0) + m_columns.live(1);
    return m_columns.live(partition == Partition::Archive ? 1 : 0);
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
    const std::string revision = params.add(std::string()) + "::bigint"; // set by writeChange
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
          "revived AS (DELETE FROM usher_search.removed r USING prepared p WHERE r.id = p.id), "
          "updated AS (UPDATE usher_search.event e SET name = p.name, performer = p.performer, venue = p.venue, "
          "city = p.city, genre = p.genre, starts_at = p.starts_at, time_zone = p.time_zone, currency = "
          "p.currency, price_min = p.price_min, price_max = p.price_max, channels = p.channels, words = p.words, "
          "revision = " + revision + " FROM prepared p WHERE e.id = p.id RETURNING e.id) "
          "INSERT INTO usher_search.event(id, archived, name, performer, venue, city, genre, starts_at, time_zone, "
          "currency, price_min, price_max, channels, words, revision) SELECT id, false, name, performer, venue, "
          "city, genre, starts_at, time_zone, currency, price_min, price_max, channels, words, " + revision
        + " FROM prepared WHERE id NOT IN (SELECT id FROM updated) ON CONFLICT (id, archived) DO UPDATE SET name = "
          "EXCLUDED.name, performer = EXCLUDED.performer, venue = EXCLUDED.venue, city = EXCLUDED.city, genre = "
          "EXCLUDED.genre, starts_at = EXCLUDED.starts_at, time_zone = EXCLUDED.time_zone, currency = "
          "EXCLUDED.currency, price_min = EXCLUDED.price_min, price_max = EXCLUDED.price_max, channels = "
          "EXCLUDED.channels, words = EXCLUDED.words, revision = EXCLUDED.revision";
    std::lock_guard lock(m_mutex);
    std::string problem;
    std::uint64_t rows = 0;
    // An INSERT reports only the rows it inserted; the updated ones count as a change too.
    if (!writeChange(sql, params, &rows, &problem, true)) {
        if (error)
            *error = problem;
        return SearchStatus::StorageError;
    }
    return SearchStatus::Ok;
}

SearchStatus PgEventSearch::remove(EventId id, std::string* error)
{
    std::lock_guard lock(m_mutex);
    std::string problem;
    Params params;
    const std::string revision = params.add(std::string()) + "::bigint";
    const std::string sql = "WITH gone AS (DELETE FROM usher_search.event WHERE id = " + params.add(std::int64_t(id))
        + " RETURNING id) INSERT INTO usher_search.removed(id, revision) SELECT DISTINCT id, " + revision
        + " FROM gone ON CONFLICT (id) DO UPDATE SET revision = EXCLUDED.revision";
    std::uint64_t rows = 0;
    if (!writeChange(sql, params, &rows, &problem)) {
        if (error)
            *error = problem;
        return SearchStatus::StorageError;
    }
    return SearchStatus::Ok;
}

void PgEventSearch::setAvailability(EventId id, std::uint64_t available, std::uint64_t capacity)
{
    const auto cls = std::uint8_t(availabilityOf(available, capacity));
    std::lock_guard lock(m_mutex);
    const CatalogSlot* at = m_columns.find(id);
    if (at == nullptr || m_columns.availability(*at) == cls)
        return; // unknown here, or the class the database has (as of the last catch-up)
    Params params;
    const std::string revision = params.add(std::string()) + "::bigint";
    const std::string value = params.add(std::int64_t(cls));
    const std::string sql = "UPDATE usher_search.event SET availability = " + value + ", revision = " + revision
        + " WHERE id = " + params.add(std::int64_t(id)) + " AND availability <> " + value;
    std::uint64_t rows = 0;
    std::string problem;
    if (!writeChange(sql, params, &rows, &problem))
        return; // the columns keep the old class, so the next change of this event writes again
    if (rows == 0) {
        // The database had that class already (another node wrote it, not read here yet): follow
        // it until the next catch-up reads the row.
        const CatalogSlot* now = m_columns.find(id);
        if (now != nullptr && m_columns.setAvailability(*now, Availability(cls)))
            ++m_generation;
    }
}

SearchStatus PgEventSearch::archiveBefore(Timestamp cutoff, std::size_t* moved, std::string* error)
{
    std::lock_guard lock(m_mutex);
    std::string problem;
    Params params;
    const std::string revision = params.add(std::string()) + "::bigint";
    const std::string sql = "UPDATE usher_search.event SET archived = true, revision = " + revision
        + " WHERE NOT archived AND starts_at < " + params.add(cutoff);
    std::uint64_t rows = 0;
    if (!writeChange(sql, params, &rows, &problem)) {
        if (error)
            *error = problem;
        return SearchStatus::StorageError;
    }
    if (moved)
        *moved = std::size_t(rows);
    return SearchStatus::Ok;
}

SearchStatus PgEventSearch::refresh(std::string* error)
{
    std::lock_guard lock(m_mutex);
    std::string problem;
    if (!ensureConnected(&problem) || !catchUp(true, &problem)) {
        if (error)
            *error = problem;
        return SearchStatus::StorageError;
    }
    return SearchStatus::Ok;
}

// ---- The change counter ---------------------------------------------------------------------------

bool PgEventSearch::writeChange(const std::string& sql, PgParams& params, std::uint64_t* rows, std::string* error,
                                bool alwaysChanges)
{
    if (!ensureConnected(error))
        return false;
    // The counter row's lock is held to the commit, so revisions commit in order: a node that
    // reads counter value R sees every row stamped R or lower.
    Result bumped = run(m_conn,
                        "BEGIN; UPDATE usher_search.meta SET value = value + 1 WHERE key = 'revision' RETURNING value",
                        PGRES_TUPLES_OK, error);
    if (!bumped || PQntuples(bumped.get()) != 1) {
        run(m_conn, "ROLLBACK", PGRES_COMMAND_OK, nullptr);
        if (bumped && error)
            *error = "search index (PostgreSQL): the change counter is missing";
        return false;
    }
    params.values[0] = text(bumped.get(), 0, 0);
    Result r = run(m_conn, sql, params, PGRES_COMMAND_OK, error);
    if (!r) {
        run(m_conn, "ROLLBACK", PGRES_COMMAND_OK, nullptr);
        return false;
    }
    *rows = affected(r);
    if (*rows == 0 && !alwaysChanges)
        return bool(run(m_conn, "ROLLBACK", PGRES_COMMAND_OK, error));
    if (!run(m_conn, "COMMIT", PGRES_COMMAND_OK, error))
        return false;
    std::string ignored;
    catchUp(true, &ignored); // on failure the next query or refresh() reads it
    return true;
}

bool PgEventSearch::catchUp(bool force, std::string* error) const
{
    const std::int64_t nowNs = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                   std::chrono::steady_clock::now().time_since_epoch())
                                   .count();
    if (!force && m_revision >= 0 && nowNs - m_checkedNs < m_options.syncIntervalMs * 1'000'000)
        return true;
    if (!ensureConnected(error))
        return false;
    Result counter = run(m_conn, "SELECT value FROM usher_search.meta WHERE key = 'revision'", PGRES_TUPLES_OK, error);
    if (!counter || PQntuples(counter.get()) != 1) {
        if (counter && error)
            *error = "search index (PostgreSQL): the change counter is missing";
        return false;
    }
    m_checkedNs = nowNs;
    const std::int64_t revision = integer(counter.get(), 0, 0);
    return revision == m_revision || loadChanges(error);
}

namespace {

constexpr int kLoadBatchRows = 50'000; // rows per FETCH: bounds the client's memory while loading

// Rows of SELECT id, archived, venue, city, genre, starts_at, price_min, price_max, channels,
// availability into the columns; how many left the current partition.
std::size_t applyRows(CatalogColumns& columns, const PGresult* rows)
{
    std::size_t movedOut = 0;
    for (int row = 0; row < PQntuples(rows); ++row) {
        CatalogEvent e;
        e.id = EventId(integer(rows, row, 0));
        const std::uint8_t partition = std::strcmp(PQgetvalue(rows, row, 1), "t") == 0 ? 1 : 0;
        e.venue = text(rows, row, 2);
        e.city = text(rows, row, 3);
        e.genre = text(rows, row, 4);
        e.startsAt = integer(rows, row, 5);
        e.priceMin = integer(rows, row, 6);
        e.priceMax = integer(rows, row, 7);
        e.channels = std::uint8_t(integer(rows, row, 8));
        const std::int64_t cls = integer(rows, row, 9);
        const CatalogSlot* before = columns.find(e.id);
        movedOut += before && before->partition == 0 && partition == 1 ? 1 : 0;
        const CatalogSlot at = columns.place(e, partition);
        columns.setAvailability(at, Availability(cls >= 0 && cls < std::int64_t(kAvailabilityClasses) ? cls : 0));
    }
    return movedOut;
}

} // namespace

// In one snapshot: the removed ids, then the rows stamped after m_revision (through a cursor, so
// 1M rows at open never sit in one result), then the counter's value in that snapshot.
bool PgEventSearch::loadChanges(std::string* error) const
{
    const std::string last = std::to_string(m_revision);
    const auto failed = [this] {
        run(m_conn, "ROLLBACK", PGRES_COMMAND_OK, nullptr);
        return false;
    };
    Result counter = run(m_conn,
                         "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SELECT value FROM usher_search.meta WHERE "
                         "key = 'revision'",
                         PGRES_TUPLES_OK, error);
    if (!counter || PQntuples(counter.get()) != 1)
        return failed();
    const std::int64_t revision = integer(counter.get(), 0, 0);
    Result removed = run(m_conn, "SELECT id FROM usher_search.removed WHERE revision > " + last, PGRES_TUPLES_OK, error);
    if (!removed || !run(m_conn,
                         "DECLARE changed NO SCROLL CURSOR FOR SELECT id, archived, venue, city, genre, starts_at, "
                         "price_min, price_max, channels, availability FROM usher_search.event WHERE revision > "
                             + last,
                         PGRES_COMMAND_OK, error))
        return failed();
    std::size_t changes = 0;
    std::size_t movedOut = 0;
    for (int row = 0; row < PQntuples(removed.get()); ++row) {
        const CatalogSlot* at = m_columns.find(EventId(integer(removed.get(), row, 0)));
        if (at != nullptr) {
            movedOut += at->partition == 0 ? 1 : 0;
            m_columns.clear(*at);
            ++changes;
        }
    }
    const std::string fetch = "FETCH " + std::to_string(kLoadBatchRows) + " FROM changed";
    for (;;) {
        Result rows = run(m_conn, fetch, PGRES_TUPLES_OK, error);
        if (!rows)
            return failed();
        const int n = PQntuples(rows.get());
        movedOut += applyRows(m_columns, rows.get());
        changes += std::size_t(n);
        if (n < kLoadBatchRows)
            break;
    }
    if (!run(m_conn, "COMMIT", PGRES_COMMAND_OK, error))
        return failed();
    if (movedOut > 0)
        m_columns.rebuildPostings(0); // drop the slots that moved or went
    m_revision = revision;
    if (changes > 0)
        ++m_generation;
    return true;
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

int PgEventSearch::backendPid() const
{
    std::lock_guard lock(m_mutex);
    return m_conn ? PQbackendPID(m_conn) : 0;
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

// The words as a tsquery text: every word ('w1' & 'w2':*, the last a prefix as typed), or every
// word restricted to weight A (name, performer) when `titleOnly`.
std::string tsqueryText(const QueryWords& words, bool titleOnly)
{
    std::string out;
    for (std::size_t i = 0; i < words.words.size(); ++i) {
        const bool prefix = words.lastIsPrefix && i + 1 == words.words.size();
        out += (i ? " & " : "") + tsqueryTerm(foldedWord(words.words[i]), prefix, titleOnly);
    }
    return out;
}

void readHit(const PGresult* r, int row, CatalogEvent* e)
{
    e->id = EventId(integer(r, row, 0));
    e->name = text(r, row, 1);
    e->performer = text(r, row, 2);
    e->venue = text(r, row, 3);
    e->city = text(r, row, 4);
    e->genre = text(r, row, 5);
    e->startsAt = integer(r, row, 6);
    e->timeZone = text(r, row, 7);
    e->currency = text(r, row, 8);
    e->priceMin = integer(r, row, 9);
    e->priceMax = integer(r, row, 10);
    e->channels = std::uint8_t(integer(r, row, 11));
}

} // namespace

// The words as two tsqueries, normalized by the server first (unaccent; a word that leaves no
// lexeme drops out, and no lexeme at all means no text condition); then the ids holding every
// word from the GIN index, with whether the name or performer holds them all (relevance 2), each
// visited in the columns. A row the columns do not have yet (written after the last catch-up) is
// left out, as is one that moved partition since.
bool PgEventSearch::visitWords(const QueryWords& words, Partition partition, std::string* error)
{
    Params normalize;
    const std::string sql = "SELECT to_tsquery('simple', " + m_unaccent + normalize.add(tsqueryText(words, false))
        + "))::text, to_tsquery('simple', " + m_unaccent + normalize.add(tsqueryText(words, true)) + "))::text";
    Result queries = run(m_conn, sql, normalize, PGRES_TUPLES_OK, error);
    if (!queries)
        return false;
    const std::string match = text(queries.get(), 0, 0);
    if (match.empty()) {
        for (std::uint8_t p = 0; p < 2; ++p)
            if (searchesPartition(partition, p))
                m_columns.visitAll(p);
        return true;
    }
    Params params;
    const char* where = partition == Partition::Current ? "NOT archived AND "
        : partition == Partition::Archive               ? "archived AND "
                                                        : "";
    const std::string title = params.add(text(queries.get(), 0, 1));
    Result r = run(m_conn,
                   "SELECT id, words @@ " + title + "::tsquery FROM usher_search.event WHERE " + where + "words @@ "
                       + params.add(match) + "::tsquery",
                   params, PGRES_TUPLES_OK, error);
    if (!r)
        return false;
    for (int row = 0; row < PQntuples(r.get()); ++row) {
        const CatalogSlot* at = m_columns.find(EventId(integer(r.get(), row, 0)));
        if (at != nullptr && searchesPartition(partition, at->partition))
            m_columns.visit(*at, *PQgetvalue(r.get(), row, 1) == 't' ? 2 : 1);
    }
    return true;
}

// The rows of m_page (at most a page) by id, into out->hits in page order; the availability class
// is the columns' (the one the facets counted).
bool PgEventSearch::readPage(SearchResult* out, std::string* error)
{
    if (m_page.empty())
        return true;
    std::vector<std::string> ids;
    for (const PageSlot& slot : m_page)
        ids.push_back(std::to_string(std::int64_t(slot.key.id)));
    Params params;
    const std::string sql = "SELECT id, name, performer, venue, city, genre, starts_at, time_zone, currency, "
                            "price_min, price_max, channels FROM usher_search.event WHERE id = ANY("
        + params.add(arrayLiteral(ids)) + "::bigint[])";
    Result r = run(m_conn, sql, params, PGRES_TUPLES_OK, error);
    if (!r)
        return false;
    std::unordered_map<EventId, int> rows;
    for (int row = 0; row < PQntuples(r.get()); ++row)
        rows[EventId(integer(r.get(), row, 0))] = row;
    for (const PageSlot& slot : m_page) {
        const auto found = rows.find(slot.key.id);
        if (found == rows.end())
            continue; // removed by another node since the last catch-up
        SearchHit hit;
        readHit(r.get(), found->second, &hit.event);
        hit.availability = Availability(m_columns.availability(slot.at));
        hit.relevance = slot.key.relevance;
        hit.archived = slot.at.partition == 1;
        out->hits.push_back(std::move(hit));
    }
    return true;
}

// The filters, facets and the page's order come from the columns; the server answers the words
// and the page's rows. A query without words sends no SQL but the counter check and the page.
SearchStatus PgEventSearch::search(const SearchQuery& query, SearchResult* result, std::string* error)
{
    std::string problem;
    const auto fail = [&](SearchStatus status) {
        if (error)
            *error = problem;
        return status;
    };
    QueryWords words;
    std::optional<SearchKey> after;
    if (!checkQuery(query, &words, &after, &problem))
        return fail(SearchStatus::InvalidQuery);

    std::lock_guard lock(m_mutex);
    if (!ensureConnected(&problem) || !catchUp(false, &problem))
        return fail(SearchStatus::StorageError);
    if (!m_columns.begin(query, after, &problem))
        return fail(SearchStatus::InvalidQuery);
    if (words.words.empty()) {
        for (std::uint8_t p = 0; p < 2; ++p)
            if (searchesPartition(query.partition, p))
                m_columns.visitAll(p);
    } else if (!visitWords(words, query.partition, &problem)) {
        return fail(SearchStatus::StorageError);
    }
    SearchResult out;
    m_columns.finish(&out, &m_page);
    if (!readPage(&out, &problem))
        return fail(SearchStatus::StorageError);
    *result = std::move(out);
    return SearchStatus::Ok;
}

} // namespace usher::search
