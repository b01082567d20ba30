#include "search/SqliteEventSearch.h"

#include "core/Assert.h"
#include "search/SearchQueryParts.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <limits>
#include <optional>
#include <sqlite3.h>
#include <unordered_map>
#include <utility>

namespace usher::search {

namespace {

constexpr Timestamp kDayMs = kSearchDayMs;
constexpr std::uint32_t kNoSlot = 0xffffffffu;

// The facets, as bit numbers of a row's "failed filters" mask.
enum Dim : std::uint8_t { DimDate, DimVenue, DimCity, DimGenre, DimPrice, DimAvailability, DimChannel };

const char* const kPrefix[2] = { "cur", "arc" };
constexpr int kSchemaVersion = 2; // PRAGMA user_version

// Strings of one field (city, venue, genre) as small numbers; ids are never reused.
struct Dictionary {
    std::unordered_map<std::string, std::uint32_t> ids;
    std::vector<std::string> values;
    std::uint32_t intern(const std::string& value)
    {
        auto [it, added] = ids.emplace(value, std::uint32_t(values.size()));
        if (added)
            values.push_back(value);
        return it->second;
    }
};

// The slots of each value of a field (venue, city, genre), so that a query filtering on two of them
// visits the events that pass at least one instead of every event. A list may still hold slots that
// lost the value (an update, a removal or a move to the archive): the scan checks the columns, so a
// stale slot costs one visit, and rebuild() drops them after an archive run.
struct Postings {
    std::vector<std::vector<std::uint32_t>> slots; // by dictionary id, ascending once sorted
    std::vector<char> unsorted;

    void add(std::uint32_t value, std::uint32_t slot)
    {
        if (slots.size() <= value) {
            slots.resize(value + 1);
            unsorted.resize(value + 1, 0);
        }
        std::vector<std::uint32_t>& list = slots[value];
        if (!list.empty() && list.back() >= slot)
            unsorted[value] = 1;
        list.push_back(slot);
    }
    const std::vector<std::uint32_t>& sorted(std::uint32_t value)
    {
        static const std::vector<std::uint32_t> none;
        if (value >= slots.size())
            return none;
        std::vector<std::uint32_t>& list = slots[value];
        if (unsorted[value] != 0) {
            std::sort(list.begin(), list.end());
            list.erase(std::unique(list.begin(), list.end()), list.end());
            unsorted[value] = 0;
        }
        return list;
    }
};

// The filter and facet fields of one partition, by slot (the table's doc - 1).
struct Columns {
    std::vector<EventId> id; // 0: the slot is free (event removed or moved)
    std::vector<Timestamp> startsAt;
    std::vector<Amount> priceMin;
    std::vector<Amount> priceMax;
    std::vector<std::uint32_t> venue;
    std::vector<std::uint32_t> city;
    std::vector<std::uint32_t> genre;
    std::vector<std::uint8_t> channels;
    std::vector<std::uint8_t> availability;
    std::array<Postings, 3> postings; // venue, city, genre
    std::size_t live = 0;

    void rebuildPostings()
    {
        postings = {};
        for (std::uint32_t slot = 0; slot < id.size(); ++slot) {
            if (id[slot] == 0)
                continue;
            postings[0].add(venue[slot], slot);
            postings[1].add(city[slot], slot);
            postings[2].add(genre[slot], slot);
        }
    }

    std::uint32_t append()
    {
        const auto slot = std::uint32_t(id.size());
        id.push_back(0);
        startsAt.push_back(0);
        priceMin.push_back(0);
        priceMax.push_back(0);
        venue.push_back(0);
        city.push_back(0);
        genre.push_back(0);
        channels.push_back(0);
        availability.push_back(0);
        return slot;
    }
};

struct Location {
    std::uint8_t partition = 0;
    std::uint32_t slot = 0;
};

class Statement {
public:
    Statement() = default;
    Statement(sqlite3* db, const char* sql)
    {
        sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept
        : m_stmt(std::exchange(other.m_stmt, nullptr))
    {
    }
    Statement& operator=(Statement&& other) noexcept
    {
        std::swap(m_stmt, other.m_stmt);
        return *this;
    }
    sqlite3_stmt* get() const { return m_stmt; }
    explicit operator bool() const { return m_stmt != nullptr; }
    sqlite3_stmt* reset() const
    {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
        return m_stmt;
    }

private:
    sqlite3_stmt* m_stmt = nullptr;
};

void bindText(sqlite3_stmt* s, int index, const std::string& text)
{
    sqlite3_bind_text(s, index, text.data(), int(text.size()), SQLITE_TRANSIENT);
}

std::string columnText(sqlite3_stmt* s, int index)
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, index));
    return text ? std::string(text, std::size_t(sqlite3_column_bytes(s, index))) : std::string();
}

// The words of a query as FTS5 phrases, one token each, quoted (no query syntax reaches FTS5); the
// last is a prefix unless the text ends with a separator (search as you type). Words are split by
// isWordCharacter (SearchQueryParts.h): the tokenizer's tables are Unicode 6.1, a letter assigned
// later would split a word in two there, and a two-token phrase cannot be searched without
// positions (detail=none), so such characters separate words here too.
void ftsPhrases(const QueryWords& words, std::vector<std::string>* phrases)
{
    phrases->clear();
    for (std::size_t i = 0; i < words.words.size(); ++i) {
        std::string phrase = "\"" + words.words[i] + "\"";
        if (words.lastIsPrefix && i + 1 == words.words.size())
            phrase.push_back('*');
        phrases->push_back(std::move(phrase));
    }
}

using Key = SearchKey;

struct Match {
    std::uint32_t doc = 0; // FTS5 rowid: slot + 1
    std::uint8_t relevance = 0;
};

struct Candidate {
    Key key;
    std::uint8_t partition = 0;
    std::uint32_t slot = 0;
};

// The query compiled against the dictionaries.
struct Filter {
    std::optional<Timestamp> from;
    std::optional<Timestamp> to;
    std::vector<char> venues, cities, genres; // allowed dictionary ids; empty: any
    std::optional<Amount> minPrice;
    std::optional<Amount> maxPrice;
    std::uint8_t availability = 0;
    std::uint8_t channels = 0;
    Timestamp dayStart = 0;
};

struct Counts {
    std::vector<std::uint64_t> venue, city, genre;
    std::array<std::uint64_t, kAvailabilityClasses> availability {};
    std::array<std::uint64_t, 2> channel {};
    std::array<std::uint64_t, kPriceBuckets.size()> price {};
    std::array<std::uint64_t, kDateBuckets.size()> date {};
};

std::size_t priceBucket(Amount price)
{
    std::size_t b = 0;
    while (b < kPriceBucketBounds.size() && price >= kPriceBucketBounds[b])
        ++b;
    return b;
}

std::size_t dateBucket(Timestamp startsAt, Timestamp dayStart)
{
    if (startsAt < dayStart)
        return 0;
    if (startsAt < dayStart + kDayMs)
        return 1;
    if (startsAt < dayStart + 7 * kDayMs)
        return 2;
    return startsAt < dayStart + 30 * kDayMs ? 3 : 4;
}

} // namespace

struct SqliteEventSearch::State {
    Dictionary venues;
    Dictionary cities;
    Dictionary genres;
    std::array<Columns, 2> columns;
    std::unordered_map<EventId, Location> where;

    std::array<Statement, 2> insertEvent, updateEvent, deleteEvent, selectEvent;
    // Two text indexes per partition: the show (name, performer) and the place (venue, city).
    std::array<Statement, 2> insertTitle, insertPlace, deleteTitle, deletePlace, matchTitle, matchPlace;
    std::string error;

    // Scratch space of search(), kept between queries: a fresh multi-megabyte vector per query
    // costs a page fault per 4 KiB on every query.
    std::vector<std::uint32_t> docs, titleDocs;
    std::vector<std::uint64_t> slotBits;
    std::vector<Candidate> candidates;
    std::vector<Match> matches, wordMatches;
};

namespace {

bool exec(sqlite3* db, const char* sql, std::string* error)
{
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    if (error)
        *error = std::string("search index: ") + (message ? message : sqlite3_errmsg(db));
    sqlite3_free(message);
    return false;
}

// A text index over some columns of an event table. detail=none: the index keeps which documents
// hold a word, not where or in which column (the smallest and fastest FTS5 form; every query word
// is one token, so no phrase needs positions). Marks are token characters, so a word typed with
// combining accents stays one token; remove_diacritics 2 folds them away on both sides.
std::string ftsTable(const std::string& name, const char* columns, const std::string& content)
{
    return "CREATE VIRTUAL TABLE IF NOT EXISTS " + name + " USING fts5(" + columns + ", content='" + content
        + "', content_rowid='doc', tokenize=\"unicode61 remove_diacritics 2 categories 'L* N* Co M*'\", "
          "prefix='2 3', detail=none);";
}

bool createSchema(sqlite3* db, std::string* error)
{
    for (const char* p : kPrefix) {
        const std::string prefix(p);
        const std::string sql = "CREATE TABLE IF NOT EXISTS " + prefix
            + "_event(doc INTEGER PRIMARY KEY, id INTEGER NOT NULL UNIQUE, name TEXT NOT NULL, performer TEXT NOT "
              "NULL, venue TEXT NOT NULL, city TEXT NOT NULL, genre TEXT NOT NULL, starts_at INTEGER NOT NULL, "
              "time_zone TEXT NOT NULL, currency TEXT NOT NULL, price_min INTEGER NOT NULL, price_max INTEGER NOT "
              "NULL, channels INTEGER NOT NULL);"
              "CREATE INDEX IF NOT EXISTS "
            + prefix + "_event_starts ON " + prefix
            + "_event(starts_at);"
            + ftsTable(prefix + "_title", "name, performer", prefix + "_event")
            + ftsTable(prefix + "_place", "venue, city", prefix + "_event");
        if (!exec(db, sql.c_str(), error))
            return false;
    }
    return true;
}

// Version 1 had one text index per partition over all four fields, with positions; version 2 has
// two without (see ftsTable). The event tables are the same, so an upgrade rebuilds the text
// indexes from them, in one transaction.
bool upgradeSchema(sqlite3* db, std::string* error)
{
    int found = 0;
    {
        Statement version(db, "PRAGMA user_version");
        if (!version || sqlite3_step(version.get()) != SQLITE_ROW) {
            *error = std::string("search index: ") + sqlite3_errmsg(db);
            return false;
        }
        found = sqlite3_column_int(version.get(), 0);
    }
    if (found > kSchemaVersion) {
        *error = "search index: written by a newer Usher (schema " + std::to_string(found) + ")";
        return false;
    }
    if (found == kSchemaVersion)
        return true;
    std::string sql = "BEGIN IMMEDIATE;";
    for (const char* p : kPrefix)
        for (const char* table : { "_fts", "_title", "_place" })
            sql += "DROP TABLE IF EXISTS " + std::string(p) + table + ";";
    if (!exec(db, sql.c_str(), error))
        return false;
    if (!createSchema(db, error)) {
        exec(db, "ROLLBACK", nullptr);
        return false;
    }
    sql.clear();
    for (const char* p : kPrefix)
        for (const char* table : { "_title", "_place" })
            sql += "INSERT INTO " + std::string(p) + table + "(" + p + table + ") VALUES('rebuild');";
    sql += "PRAGMA user_version=" + std::to_string(kSchemaVersion) + ";COMMIT;";
    if (!exec(db, sql.c_str(), error)) {
        exec(db, "ROLLBACK", nullptr);
        return false;
    }
    return true;
}

bool prepare(sqlite3* db, SqliteEventSearch::State& s, std::string* error)
{
    for (int p = 0; p < 2; ++p) {
        const std::string t(kPrefix[p]);
        const std::string cols = "name, performer, venue, city, genre, starts_at, time_zone, currency, price_min, "
                                 "price_max, channels";
        s.insertEvent[p] = Statement(
            db, ("INSERT INTO " + t + "_event(doc, id, " + cols + ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)").c_str());
        s.updateEvent[p] = Statement(db,
                                     ("UPDATE " + t
                                      + "_event SET name=?3, performer=?4, venue=?5, city=?6, genre=?7, "
                                        "starts_at=?8, time_zone=?9, currency=?10, price_min=?11, price_max=?12, "
                                        "channels=?13 WHERE doc=?1 AND id=?2")
                                         .c_str());
        s.deleteEvent[p] = Statement(db, ("DELETE FROM " + t + "_event WHERE doc=?").c_str());
        s.selectEvent[p] = Statement(db, ("SELECT id, " + cols + " FROM " + t + "_event WHERE doc=?").c_str());
        const std::string title = t + "_title";
        const std::string place = t + "_place";
        s.insertTitle[p] = Statement(db, ("INSERT INTO " + title + "(rowid, name, performer) VALUES(?,?,?)").c_str());
        s.insertPlace[p] = Statement(db, ("INSERT INTO " + place + "(rowid, venue, city) VALUES(?,?,?)").c_str());
        s.deleteTitle[p] = Statement(
            db, ("INSERT INTO " + title + "(" + title + ", rowid, name, performer) VALUES('delete',?,?,?)").c_str());
        s.deletePlace[p] = Statement(
            db, ("INSERT INTO " + place + "(" + place + ", rowid, venue, city) VALUES('delete',?,?,?)").c_str());
        s.matchTitle[p] = Statement(db, ("SELECT rowid FROM " + title + " WHERE " + title + " MATCH ?").c_str());
        s.matchPlace[p] = Statement(db, ("SELECT rowid FROM " + place + " WHERE " + place + " MATCH ?").c_str());
        for (const auto* st : { &s.insertEvent[p], &s.updateEvent[p], &s.deleteEvent[p], &s.selectEvent[p],
                                &s.insertTitle[p], &s.insertPlace[p], &s.deleteTitle[p], &s.deletePlace[p],
                                &s.matchTitle[p], &s.matchPlace[p] }) {
            if (!*st) {
                *error = std::string("search index: ") + sqlite3_errmsg(db);
                return false;
            }
        }
    }
    return true;
}

// Binds the event's columns 3..13 (the statements' shared layout).
void bindEvent(sqlite3_stmt* st, const CatalogEvent& e)
{
    bindText(st, 3, e.name);
    bindText(st, 4, e.performer);
    bindText(st, 5, e.venue);
    bindText(st, 6, e.city);
    bindText(st, 7, e.genre);
    sqlite3_bind_int64(st, 8, e.startsAt);
    bindText(st, 9, e.timeZone);
    bindText(st, 10, e.currency);
    sqlite3_bind_int64(st, 11, e.priceMin);
    sqlite3_bind_int64(st, 12, e.priceMax);
    sqlite3_bind_int(st, 13, e.channels);
}

// Reads a row of SELECT id, name... (selectEvent's layout).
CatalogEvent readEvent(sqlite3_stmt* st)
{
    CatalogEvent e;
    e.id = EventId(sqlite3_column_int64(st, 0));
    e.name = columnText(st, 1);
    e.performer = columnText(st, 2);
    e.venue = columnText(st, 3);
    e.city = columnText(st, 4);
    e.genre = columnText(st, 5);
    e.startsAt = sqlite3_column_int64(st, 6);
    e.timeZone = columnText(st, 7);
    e.currency = columnText(st, 8);
    e.priceMin = sqlite3_column_int64(st, 9);
    e.priceMax = sqlite3_column_int64(st, 10);
    e.channels = std::uint8_t(sqlite3_column_int(st, 11));
    return e;
}

bool stepDone(sqlite3* db, sqlite3_stmt* st, std::string* error)
{
    if (sqlite3_step(st) == SQLITE_DONE)
        return true;
    *error = std::string("search index: ") + sqlite3_errmsg(db);
    return false;
}

// Writes (or, with the 'delete' statements, removes) the event's words in both text indexes.
bool ftsWrite(sqlite3* db, const Statement& title, const Statement& place, std::uint32_t slot, const CatalogEvent& e,
              std::string* error)
{
    sqlite3_stmt* st = title.reset();
    sqlite3_bind_int64(st, 1, std::int64_t(slot) + 1);
    bindText(st, 2, e.name);
    bindText(st, 3, e.performer);
    if (!stepDone(db, st, error))
        return false;
    st = place.reset();
    sqlite3_bind_int64(st, 1, std::int64_t(slot) + 1);
    bindText(st, 2, e.venue);
    bindText(st, 3, e.city);
    return stepDone(db, st, error);
}

bool readSlot(const Statement& statement, std::uint32_t slot, CatalogEvent* out)
{
    sqlite3_stmt* st = statement.reset();
    sqlite3_bind_int64(st, 1, std::int64_t(slot) + 1);
    const bool found = sqlite3_step(st) == SQLITE_ROW;
    if (found)
        *out = readEvent(st);
    sqlite3_reset(st); // no read left open
    return found;
}

void setColumns(SqliteEventSearch::State& s, int partition, std::uint32_t slot, const CatalogEvent& e)
{
    Columns& c = s.columns[std::size_t(partition)];
    const bool fresh = c.id[slot] == 0;
    if (fresh)
        ++c.live;
    c.id[slot] = e.id;
    c.startsAt[slot] = e.startsAt;
    c.priceMin[slot] = e.priceMin;
    c.priceMax[slot] = e.priceMax;
    const std::array<std::uint32_t, 3> values { s.venues.intern(e.venue), s.cities.intern(e.city),
                                                s.genres.intern(e.genre) };
    const std::array<std::uint32_t*, 3> fields { &c.venue[slot], &c.city[slot], &c.genre[slot] };
    for (std::size_t f = 0; f < values.size(); ++f) {
        if (fresh || *fields[f] != values[f])
            c.postings[f].add(values[f], slot);
        *fields[f] = values[f];
    }
    c.channels[slot] = e.channels;
    s.where[e.id] = Location { std::uint8_t(partition), slot };
}

void clearSlot(SqliteEventSearch::State& s, int partition, std::uint32_t slot)
{
    Columns& c = s.columns[std::size_t(partition)];
    USHER_ASSERT(c.id[slot] != 0);
    s.where.erase(c.id[slot]);
    c.id[slot] = 0;
    --c.live;
}

bool loadAll(sqlite3* db, SqliteEventSearch::State& s, std::string* error)
{
    std::unordered_map<EventId, std::uint8_t> availability; // kept across a reload
    for (const auto& [id, at] : s.where)
        availability[id] = s.columns[at.partition].availability[at.slot];
    s.columns = {};
    s.where.clear();
    for (int p = 0; p < 2; ++p) {
        Statement all(db,
                      ("SELECT doc, id, name, performer, venue, city, genre, starts_at, time_zone, currency, "
                       "price_min, price_max, channels FROM "
                       + std::string(kPrefix[p]) + "_event ORDER BY doc")
                          .c_str());
        if (!all) {
            *error = std::string("search index: ") + sqlite3_errmsg(db);
            return false;
        }
        while (sqlite3_step(all.get()) == SQLITE_ROW) {
            const auto slot = std::uint32_t(sqlite3_column_int64(all.get(), 0) - 1);
            Columns& c = s.columns[std::size_t(p)];
            while (c.id.size() <= slot)
                c.append();
            CatalogEvent e;
            e.id = EventId(sqlite3_column_int64(all.get(), 1));
            e.venue = columnText(all.get(), 4);
            e.city = columnText(all.get(), 5);
            e.genre = columnText(all.get(), 6);
            e.startsAt = sqlite3_column_int64(all.get(), 7);
            e.priceMin = sqlite3_column_int64(all.get(), 10);
            e.priceMax = sqlite3_column_int64(all.get(), 11);
            e.channels = std::uint8_t(sqlite3_column_int(all.get(), 12));
            setColumns(s, p, slot, e);
            const auto known = availability.find(e.id);
            c.availability[slot] = known == availability.end() ? 0 : known->second;
        }
    }
    return true;
}

} // namespace

std::unique_ptr<SqliteEventSearch> SqliteEventSearch::open(const std::string& path, std::string* error)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr)
        != SQLITE_OK) {
        *error = "cannot open the search index " + path + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return nullptr;
    }
    std::unique_ptr<SqliteEventSearch> index(new SqliteEventSearch(db));
    if (!exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;", error)
        || !upgradeSchema(db, error) || !createSchema(db, error) || !prepare(db, *index->m_state, error) || !loadAll(db, *index->m_state, error))
        return nullptr;
    return index;
}

SqliteEventSearch::SqliteEventSearch(sqlite3* db)
    : m_db(db)
    , m_state(std::make_unique<State>())
{
}

SqliteEventSearch::~SqliteEventSearch()
{
    m_state.reset(); // statements before the connection
    sqlite3_close(m_db);
}

std::size_t SqliteEventSearch::size(Partition partition) const
{
    std::lock_guard lock(m_mutex);
    if (partition == Partition::All)
        return m_state->columns[0].live + m_state->columns[1].live;
    return m_state->columns[partition == Partition::Archive ? 1 : 0].live;
}

namespace {

bool upsertOne(sqlite3* db, SqliteEventSearch::State& s, const CatalogEvent& e, std::string* error)
{
    const auto found = s.where.find(e.id);
    if (found == s.where.end()) {
        const std::uint32_t slot = s.columns[0].append();
        sqlite3_stmt* st = s.insertEvent[0].reset();
        sqlite3_bind_int64(st, 1, std::int64_t(slot) + 1);
        sqlite3_bind_int64(st, 2, std::int64_t(e.id));
        bindEvent(st, e);
        if (!stepDone(db, st, error) || !ftsWrite(db, s.insertTitle[0], s.insertPlace[0], slot, e, error))
            return false;
        setColumns(s, 0, slot, e);
        return true;
    }
    const Location at = found->second;
    CatalogEvent old;
    if (!readSlot(s.selectEvent[at.partition], at.slot, &old)) {
        *error = "search index: a row went missing";
        return false;
    }
    if (!ftsWrite(db, s.deleteTitle[at.partition], s.deletePlace[at.partition], at.slot, old, error))
        return false;
    sqlite3_stmt* st = s.updateEvent[at.partition].reset();
    sqlite3_bind_int64(st, 1, std::int64_t(at.slot) + 1);
    sqlite3_bind_int64(st, 2, std::int64_t(e.id));
    bindEvent(st, e);
    if (!stepDone(db, st, error) || !ftsWrite(db, s.insertTitle[at.partition], s.insertPlace[at.partition], at.slot, e, error))
        return false;
    setColumns(s, at.partition, at.slot, e);
    return true;
}

} // namespace

SearchStatus SqliteEventSearch::upsert(const std::vector<CatalogEvent>& events, std::string* error)
{
    std::string problem;
    for (const CatalogEvent& e : events) {
        if (e.id == 0 || e.id > EventId(std::numeric_limits<std::int64_t>::max())) {
            if (error)
                *error = "event id " + std::to_string(e.id) + " is out of range";
            return SearchStatus::InvalidQuery;
        }
    }
    std::lock_guard lock(m_mutex);
    if (!exec(m_db, "BEGIN IMMEDIATE", &problem)) {
        if (error)
            *error = problem;
        return SearchStatus::StorageError;
    }
    for (const CatalogEvent& e : events) {
        if (!upsertOne(m_db, *m_state, e, &problem)) {
            exec(m_db, "ROLLBACK", nullptr);
            std::string reload;
            loadAll(m_db, *m_state, &reload); // the columns follow the rollback
            if (error)
                *error = problem;
            return SearchStatus::StorageError;
        }
    }
    if (!exec(m_db, "COMMIT", &problem)) {
        exec(m_db, "ROLLBACK", nullptr);
        std::string reload;
        loadAll(m_db, *m_state, &reload);
        if (error)
            *error = problem;
        return SearchStatus::StorageError;
    }
    ++m_generation;
    return SearchStatus::Ok;
}

SearchStatus SqliteEventSearch::remove(EventId id, std::string* error)
{
    std::lock_guard lock(m_mutex);
    State& s = *m_state;
    const auto found = s.where.find(id);
    if (found == s.where.end())
        return SearchStatus::Ok;
    const Location at = found->second;
    CatalogEvent old;
    std::string problem;
    if (!readSlot(s.selectEvent[at.partition], at.slot, &old) || !exec(m_db, "BEGIN IMMEDIATE", &problem)) {
        if (error)
            *error = problem.empty() ? "search index: a row went missing" : problem;
        return SearchStatus::StorageError;
    }
    sqlite3_stmt* st = s.deleteEvent[at.partition].reset();
    sqlite3_bind_int64(st, 1, std::int64_t(at.slot) + 1);
    if (!ftsWrite(m_db, s.deleteTitle[at.partition], s.deletePlace[at.partition], at.slot, old, &problem) || !stepDone(m_db, st, &problem)
        || !exec(m_db, "COMMIT", &problem)) {
        exec(m_db, "ROLLBACK", nullptr);
        if (error)
            *error = problem;
        return SearchStatus::StorageError;
    }
    clearSlot(s, at.partition, at.slot);
    ++m_generation;
    return SearchStatus::Ok;
}

void SqliteEventSearch::setAvailability(EventId id, std::uint64_t available, std::uint64_t capacity)
{
    std::lock_guard lock(m_mutex);
    const auto found = m_state->where.find(id);
    if (found == m_state->where.end())
        return;
    const auto cls = std::uint8_t(availabilityOf(available, capacity));
    std::uint8_t& stored = m_state->columns[found->second.partition].availability[found->second.slot];
    if (stored != cls) {
        stored = cls;
        ++m_generation;
    }
}

namespace {

bool moveToArchive(sqlite3* db, SqliteEventSearch::State& s, std::uint32_t slot, std::string* error)
{
    CatalogEvent e;
    if (!readSlot(s.selectEvent[0], slot, &e)) {
        *error = "search index: a row went missing";
        return false;
    }
    const std::uint8_t availability = s.columns[0].availability[slot];
    sqlite3_stmt* del = s.deleteEvent[0].reset();
    sqlite3_bind_int64(del, 1, std::int64_t(slot) + 1);
    if (!ftsWrite(db, s.deleteTitle[0], s.deletePlace[0], slot, e, error) || !stepDone(db, del, error))
        return false;
    const std::uint32_t to = s.columns[1].append();
    sqlite3_stmt* st = s.insertEvent[1].reset();
    sqlite3_bind_int64(st, 1, std::int64_t(to) + 1);
    sqlite3_bind_int64(st, 2, std::int64_t(e.id));
    bindEvent(st, e);
    if (!stepDone(db, st, error) || !ftsWrite(db, s.insertTitle[1], s.insertPlace[1], to, e, error))
        return false;
    clearSlot(s, 0, slot);
    setColumns(s, 1, to, e);
    s.columns[1].availability[to] = availability;
    return true;
}

} // namespace

SearchStatus SqliteEventSearch::archiveBefore(Timestamp cutoff, std::size_t* moved, std::string* error)
{
    std::lock_guard lock(m_mutex);
    State& s = *m_state;
    std::string problem;
    std::size_t count = 0;
    if (!exec(m_db, "BEGIN IMMEDIATE", &problem)) {
        if (error)
            *error = problem;
        return SearchStatus::StorageError;
    }
    const Columns& current = s.columns[0];
    bool ok = true;
    for (std::uint32_t slot = 0; ok && slot < current.id.size(); ++slot) {
        if (current.id[slot] != 0 && current.startsAt[slot] < cutoff) {
            ok = moveToArchive(m_db, s, slot, &problem);
            count += ok ? 1 : 0;
        }
    }
    if (!ok || !exec(m_db, "COMMIT", &problem)) {
        exec(m_db, "ROLLBACK", nullptr);
        std::string reload;
        loadAll(m_db, s, &reload);
        if (error)
            *error = problem;
        return SearchStatus::StorageError;
    }
    if (moved)
        *moved = count;
    if (count > 0) {
        s.columns[0].rebuildPostings(); // drop the slots that moved
        ++m_generation;
    }
    return SearchStatus::Ok;
}

SearchStatus SqliteEventSearch::optimize(std::string* error)
{
    std::lock_guard lock(m_mutex);
    for (const char* p : kPrefix) {
        for (const char* table : { "_title", "_place" }) {
            const std::string sql
                = "INSERT INTO " + std::string(p) + table + "(" + p + table + ") VALUES('optimize')";
            if (!exec(m_db, sql.c_str(), error))
                return SearchStatus::StorageError;
        }
    }
    return SearchStatus::Ok;
}

std::uint64_t SqliteEventSearch::databaseBytes()
{
    std::lock_guard lock(m_mutex);
    Statement pages(m_db,
                    "SELECT (SELECT page_count FROM pragma_page_count) * (SELECT page_size FROM pragma_page_size)");
    return pages && sqlite3_step(pages.get()) == SQLITE_ROW ? std::uint64_t(sqlite3_column_int64(pages.get(), 0)) : 0;
}

// ---- Searching -------------------------------------------------------------------------------------

namespace {

bool compileValues(const std::vector<std::string>& values, const Dictionary& dictionary, const char* name,
                   std::vector<char>* allowed, std::string* error)
{
    if (values.size() > searchlimits::filterValuesMax) {
        *error = std::string(name) + ": more than " + std::to_string(searchlimits::filterValuesMax) + " values";
        return false;
    }
    if (values.empty())
        return true;
    allowed->assign(dictionary.values.size() + 1, 0);
    allowed->back() = 1; // marks the filter as set even when no value is known
    for (const std::string& value : values) {
        const auto found = dictionary.ids.find(value);
        if (found != dictionary.ids.end())
            (*allowed)[found->second] = 1;
    }
    return true;
}

bool compile(const SearchQuery& q, const SqliteEventSearch::State& s, Filter* f, std::string* error)
{
    // checkQuery() has checked the limits.
    f->from = q.from;
    f->to = q.to;
    f->minPrice = q.minPrice;
    f->maxPrice = q.maxPrice;
    f->availability = q.availability;
    f->channels = q.channels;
    f->dayStart = q.dayStart;
    return compileValues(q.venues, s.venues, "venue", &f->venues, error)
        && compileValues(q.cities, s.cities, "city", &f->cities, error)
        && compileValues(q.genres, s.genres, "category", &f->genres, error);
}

// The filters a slot fails, as Dim bits.
std::uint32_t failures(const Filter& f, const Columns& c, std::uint32_t slot)
{
    std::uint32_t failed = 0;
    const Timestamp at = c.startsAt[slot];
    if ((f.from && at < *f.from) || (f.to && at >= *f.to))
        failed |= 1u << DimDate;
    if (!f.venues.empty() && !f.venues[c.venue[slot]])
        failed |= 1u << DimVenue;
    if (!f.cities.empty() && !f.cities[c.city[slot]])
        failed |= 1u << DimCity;
    if (!f.genres.empty() && !f.genres[c.genre[slot]])
        failed |= 1u << DimGenre;
    if ((f.minPrice && c.priceMax[slot] < *f.minPrice) || (f.maxPrice && c.priceMin[slot] > *f.maxPrice))
        failed |= 1u << DimPrice;
    if (f.availability != 0 && (f.availability & (1u << c.availability[slot])) == 0)
        failed |= 1u << DimAvailability;
    if (f.channels != 0 && (f.channels & c.channels[slot]) == 0)
        failed |= 1u << DimChannel;
    return failed;
}

void count(Counts& n, const Columns& c, std::uint32_t slot, std::uint32_t dims, Timestamp dayStart)
{
    const auto on = [dims](Dim d) { return (dims & (1u << d)) != 0; };
    if (on(DimDate))
        ++n.date[dateBucket(c.startsAt[slot], dayStart)];
    if (on(DimVenue))
        ++n.venue[c.venue[slot]];
    if (on(DimCity))
        ++n.city[c.city[slot]];
    if (on(DimGenre))
        ++n.genre[c.genre[slot]];
    if (on(DimPrice))
        ++n.price[priceBucket(c.priceMin[slot])];
    if (on(DimAvailability))
        ++n.availability[c.availability[slot]];
    if (on(DimChannel)) {
        n.channel[0] += (c.channels[slot] & ChannelOnline) ? 1 : 0;
        n.channel[1] += (c.channels[slot] & ChannelBoxOffice) ? 1 : 0;
    }
}

// FTS5 rowids (slot + 1) of `expression`, ascending.
bool matchDocs(sqlite3* db, const Statement& statement, const std::string& expression, std::vector<std::uint32_t>* docs,
               std::string* error)
{
    docs->clear();
    sqlite3_stmt* st = statement.reset();
    bindText(st, 1, expression);
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        docs->push_back(std::uint32_t(sqlite3_column_int64(st, 0)));
    if (rc != SQLITE_DONE) {
        *error = std::string("search index: ") + sqlite3_errmsg(db);
        return false;
    }
    std::sort(docs->begin(), docs->end()); // FTS5 gives rowid order already; cheap when sorted
    return true;
}

// The order of the page: a candidate that sorts first is "less".
bool sortsFirst(const Candidate& a, const Candidate& b)
{
    return a.key.before(b.key);
}

// The documents of partition p that hold every word, in the show's text (name, performer) or the
// place's (venue, city), ascending in s.matches, with their relevance: 2 when every word is in
// the show's text, else 1. Each word's document lists are read once from each index.
bool matchWords(sqlite3* db, SqliteEventSearch::State& s, std::size_t p, const std::vector<std::string>& phrases,
                std::string* error)
{
    std::vector<Match>& result = s.matches;
    std::vector<Match>& word = s.wordMatches;
    for (std::size_t i = 0; i < phrases.size(); ++i) {
        if (!matchDocs(db, s.matchTitle[p], phrases[i], &s.docs, error)
            || !matchDocs(db, s.matchPlace[p], phrases[i], &s.titleDocs, error))
            return false;
        // This word's documents: the union of both lists, 2 where the show's text has it.
        const std::vector<std::uint32_t>& title = s.docs;
        const std::vector<std::uint32_t>& place = s.titleDocs;
        word.clear();
        std::size_t t = 0;
        std::size_t q = 0;
        while (t < title.size() || q < place.size()) {
            if (q == place.size() || (t < title.size() && title[t] <= place[q])) {
                if (q < place.size() && place[q] == title[t])
                    ++q;
                word.push_back(Match { title[t++], 2 });
            } else {
                word.push_back(Match { place[q++], 1 });
            }
        }
        if (i == 0) {
            result.swap(word);
            continue;
        }
        // Every word must match: intersect, and the relevance is the lowest of the words.
        std::size_t out = 0;
        std::size_t w = 0;
        for (std::size_t r = 0; r < result.size(); ++r) {
            while (w < word.size() && word[w].doc < result[r].doc)
                ++w;
            if (w == word.size())
                break;
            if (word[w].doc == result[r].doc)
                result[out++] = Match { result[r].doc, std::min(result[r].relevance, word[w].relevance) };
        }
        result.resize(out);
        if (result.empty())
            break;
    }
    return true;
}

struct Scan {
    const Filter& filter;
    const Columns& columns;
    std::uint8_t partition;
    std::optional<Key> after;
    Counts& counts;
    // The first `keep` candidates in page order, as a max-heap (the last of them on top): a query
    // matching 500,000 events keeps a page's worth, not 500,000.
    std::vector<Candidate>& candidates;
    std::size_t keep;
    std::uint64_t& total;

    void visit(std::uint32_t slot, std::uint8_t relevance)
    {
        if (columns.id[slot] == 0)
            return;
        constexpr std::uint32_t kAll = (1u << (DimChannel + 1)) - 1;
        const std::uint32_t failed = failures(filter, columns, slot);
        if (failed != 0) {
            if (std::has_single_bit(failed))
                count(counts, columns, slot, failed, filter.dayStart);
            return;
        }
        count(counts, columns, slot, kAll, filter.dayStart);
        ++total;
        const Candidate candidate { Key { relevance, columns.startsAt[slot], columns.id[slot] }, partition, slot };
        if (after && !after->before(candidate.key))
            return;
        if (candidates.size() < keep) {
            candidates.push_back(candidate);
            std::push_heap(candidates.begin(), candidates.end(), sortsFirst);
        } else if (sortsFirst(candidate, candidates.front())) {
            std::pop_heap(candidates.begin(), candidates.end(), sortsFirst);
            candidates.back() = candidate;
            std::push_heap(candidates.begin(), candidates.end(), sortsFirst);
        }
    }
};

// The slots a filter-only query must visit, ascending, when it filters on two or more of venue,
// city and genre: an event counts (in the results or in one facet) only if it fails at most one
// filter, so it passes at least one of those, and the union of their posting lists covers it.
// False when a full scan is needed (fewer than two such filters).
bool postingUnion(const Filter& f, Columns& c, std::vector<std::uint64_t>& bits, std::vector<std::uint32_t>& out)
{
    const std::array<const std::vector<char>*, 3> allowed { &f.venues, &f.cities, &f.genres };
    int set = 0;
    for (const std::vector<char>* a : allowed)
        set += a->empty() ? 0 : 1;
    if (set < 2)
        return false;
    bits.assign((c.id.size() + 63) / 64, 0);
    for (std::size_t d = 0; d < allowed.size(); ++d) {
        const std::vector<char>& a = *allowed[d];
        for (std::uint32_t value = 0; value + 1 < a.size(); ++value) { // the last entry only marks "set"
            if (a[value] == 0)
                continue;
            for (const std::uint32_t slot : c.postings[d].sorted(value))
                bits[slot / 64] |= std::uint64_t(1) << (slot % 64);
        }
    }
    out.clear();
    for (std::size_t w = 0; w < bits.size(); ++w)
        for (std::uint64_t word = bits[w]; word != 0; word &= word - 1)
            out.push_back(std::uint32_t(w * 64 + std::size_t(std::countr_zero(word))));
    return true;
}

std::vector<FacetValue> topValues(const std::vector<std::uint64_t>& counts, const Dictionary& dictionary)
{
    std::vector<FacetValue> out;
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (counts[i] != 0 && !dictionary.values[i].empty())
            out.push_back(FacetValue { dictionary.values[i], counts[i] });
    std::sort(out.begin(), out.end(), [](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    if (out.size() > searchlimits::facetValuesMax)
        out.resize(searchlimits::facetValuesMax);
    return out;
}

template <std::size_t N>
std::vector<FacetValue> fixedValues(const std::array<std::uint64_t, N>& counts, const std::array<const char*, N>& names)
{
    std::vector<FacetValue> out;
    for (std::size_t i = 0; i < N; ++i)
        out.push_back(FacetValue { names[i], counts[i] });
    return out;
}

SearchFacets facets(const Counts& n, const SqliteEventSearch::State& s)
{
    SearchFacets f;
    f.venue = topValues(n.venue, s.venues);
    f.city = topValues(n.city, s.cities);
    f.genre = topValues(n.genre, s.genres);
    for (std::size_t a = 0; a < kAvailabilityClasses; ++a)
        f.availability.push_back(FacetValue { availabilityName(Availability(a)), n.availability[a] });
    f.channel = { { channelName(ChannelOnline), n.channel[0] }, { channelName(ChannelBoxOffice), n.channel[1] } };
    f.price = fixedValues(n.price, kPriceBuckets);
    f.date = fixedValues(n.date, kDateBuckets);
    return f;
}

} // namespace

SearchStatus SqliteEventSearch::search(const SearchQuery& query, SearchResult* result, std::string* error)
{
    std::string problem;
    std::vector<std::string> phrases;
    const auto invalid = [&] {
        if (error)
            *error = problem;
        return SearchStatus::InvalidQuery;
    };
    QueryWords words;
    std::optional<Key> after;
    if (!checkQuery(query, &words, &after, &problem))
        return invalid();
    ftsPhrases(words, &phrases);

    std::lock_guard lock(m_mutex);
    State& s = *m_state;
    Filter filter;
    if (!compile(query, s, &filter, &problem))
        return invalid();
    Counts counts;
    counts.venue.assign(s.venues.values.size(), 0);
    counts.city.assign(s.cities.values.size(), 0);
    counts.genre.assign(s.genres.values.size(), 0);
    std::vector<Candidate>& candidates = s.candidates;
    candidates.clear();
    // One more than the page, to know whether a next page exists.
    const std::size_t keep = std::size_t(query.offset) + query.limit + 1;
    std::uint64_t total = 0;
    for (std::uint8_t p = 0; p < 2; ++p) {
        if ((p == 0 && query.partition == Partition::Archive) || (p == 1 && query.partition == Partition::Current))
            continue;
        Scan scan { filter, s.columns[p], p, after, counts, candidates, keep, total };
        std::vector<std::uint32_t>& docs = s.docs;
        std::vector<std::uint32_t>& titleDocs = s.titleDocs;
        docs.clear();
        titleDocs.clear();
        if (phrases.empty()) {
            if (postingUnion(filter, s.columns[p], s.slotBits, docs)) {
                for (const std::uint32_t slot : docs)
                    scan.visit(slot, 0);
            } else {
                for (std::uint32_t slot = 0; slot < s.columns[p].id.size(); ++slot)
                    scan.visit(slot, 0);
            }
            continue;
        }
        if (!matchWords(m_db, s, p, phrases, &problem)) {
            if (error)
                *error = problem;
            return SearchStatus::StorageError;
        }
        for (const Match& m : s.matches)
            scan.visit(m.doc - 1, m.relevance);
    }

    std::sort_heap(candidates.begin(), candidates.end(), sortsFirst); // page order
    const std::size_t want = candidates.size();
    SearchResult out;
    out.total = total;
    out.facets = facets(counts, s);
    const std::size_t end = std::min<std::size_t>(want, std::size_t(query.offset) + query.limit);
    for (std::size_t i = query.offset; i < end; ++i) {
        SearchHit hit;
        const Candidate& c = candidates[i];
        if (!readSlot(s.selectEvent[c.partition], c.slot, &hit.event)) {
            if (error)
                *error = "search index: a row went missing";
            return SearchStatus::StorageError;
        }
        hit.availability = Availability(s.columns[c.partition].availability[c.slot]);
        hit.relevance = c.key.relevance;
        hit.archived = c.partition == 1;
        out.hits.push_back(std::move(hit));
    }
    if (want > end && end > query.offset)
        out.nextCursor = encodeCursor(candidates[end - 1].key);
    *result = std::move(out);
    return SearchStatus::Ok;
}

} // namespace usher::search
