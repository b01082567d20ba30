#include "search/SqliteEventSearch.h"

#include "core/Assert.h"
#include "search/CatalogColumns.h"
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

const char* const kPrefix[2] = { "cur", "arc" };
constexpr int kSchemaVersion = 2; // PRAGMA user_version

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

struct Match {
    std::uint32_t doc = 0; // FTS5 rowid: slot + 1
    std::uint8_t relevance = 0;
};

} // namespace

struct SqliteEventSearch::State {
    CatalogColumns columns; // slot = the FTS5 rowid (the event table's doc) - 1

    std::array<Statement, 2> insertEvent, updateEvent, deleteEvent, selectEvent;
    // Two text indexes per partition: the show (name, performer) and the place (venue, city).
    std::array<Statement, 2> insertTitle, insertPlace, deleteTitle, deletePlace, matchTitle, matchPlace;
    std::string error;

    // Scratch space of search(), kept between queries: a fresh multi-megabyte vector per query
    // costs a page fault per 4 KiB on every query.
    std::vector<std::uint32_t> docs, titleDocs;
    std::vector<Match> matches, wordMatches;
    std::vector<PageSlot> page;
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

bool loadAll(sqlite3* db, SqliteEventSearch::State& s, std::string* error)
{
    std::unordered_map<EventId, std::uint8_t> availability; // kept across a reload
    for (std::uint8_t p = 0; p < 2; ++p) {
        for (std::uint32_t slot = 0; slot < s.columns.slots(p); ++slot) {
            const CatalogSlot at { p, slot };
            if (s.columns.id(at) != 0)
                availability[s.columns.id(at)] = s.columns.availability(at);
        }
    }
    s.columns.reset();
    for (std::uint8_t p = 0; p < 2; ++p) {
        Statement all(db,
                      ("SELECT doc, id, venue, city, genre, starts_at, price_min, price_max, channels FROM "
                       + std::string(kPrefix[p]) + "_event ORDER BY doc")
                          .c_str());
        if (!all) {
            *error = std::string("search index: ") + sqlite3_errmsg(db);
            return false;
        }
        while (sqlite3_step(all.get()) == SQLITE_ROW) {
            const CatalogSlot at { p, std::uint32_t(sqlite3_column_int64(all.get(), 0) - 1) };
            while (s.columns.slots(p) <= at.slot)
                s.columns.append(p);
            CatalogEvent e;
            e.id = EventId(sqlite3_column_int64(all.get(), 1));
            e.venue = columnText(all.get(), 2);
            e.city = columnText(all.get(), 3);
            e.genre = columnText(all.get(), 4);
            e.startsAt = sqlite3_column_int64(all.get(), 5);
            e.priceMin = sqlite3_column_int64(all.get(), 6);
            e.priceMax = sqlite3_column_int64(all.get(), 7);
            e.channels = std::uint8_t(sqlite3_column_int(all.get(), 8));
            s.columns.set(at, e);
            const auto known = availability.find(e.id);
            if (known != availability.end())
                s.columns.setAvailability(at, Availability(known->second));
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
        return m_state->columns.live(0) + m_state->columns.live(1);
    return m_state->columns.live(partition == Partition::Archive ? 1 : 0);
}

namespace {

bool upsertOne(sqlite3* db, SqliteEventSearch::State& s, const CatalogEvent& e, std::string* error)
{
    const CatalogSlot* found = s.columns.find(e.id);
    if (found == nullptr) {
        const CatalogSlot at { 0, s.columns.append(0) };
        sqlite3_stmt* st = s.insertEvent[0].reset();
        sqlite3_bind_int64(st, 1, std::int64_t(at.slot) + 1);
        sqlite3_bind_int64(st, 2, std::int64_t(e.id));
        bindEvent(st, e);
        if (!stepDone(db, st, error) || !ftsWrite(db, s.insertTitle[0], s.insertPlace[0], at.slot, e, error))
            return false;
        s.columns.set(at, e);
        return true;
    }
    const CatalogSlot at = *found;
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
    s.columns.set(at, e);
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
    const CatalogSlot* found = s.columns.find(id);
    if (found == nullptr)
        return SearchStatus::Ok;
    const CatalogSlot at = *found;
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
    s.columns.clear(at);
    ++m_generation;
    return SearchStatus::Ok;
}

void SqliteEventSearch::setAvailability(EventId id, std::uint64_t available, std::uint64_t capacity)
{
    std::lock_guard lock(m_mutex);
    const CatalogSlot* found = m_state->columns.find(id);
    if (found != nullptr && m_state->columns.setAvailability(*found, availabilityOf(available, capacity)))
        ++m_generation;
}

namespace {

bool moveToArchive(sqlite3* db, SqliteEventSearch::State& s, std::uint32_t slot, std::string* error)
{
    CatalogEvent e;
    if (!readSlot(s.selectEvent[0], slot, &e)) {
        *error = "search index: a row went missing";
        return false;
    }
    const CatalogSlot from { 0, slot };
    const std::uint8_t availability = s.columns.availability(from);
    sqlite3_stmt* del = s.deleteEvent[0].reset();
    sqlite3_bind_int64(del, 1, std::int64_t(slot) + 1);
    if (!ftsWrite(db, s.deleteTitle[0], s.deletePlace[0], slot, e, error) || !stepDone(db, del, error))
        return false;
    const std::uint32_t to = s.columns.append(1);
    sqlite3_stmt* st = s.insertEvent[1].reset();
    sqlite3_bind_int64(st, 1, std::int64_t(to) + 1);
    sqlite3_bind_int64(st, 2, std::int64_t(e.id));
    bindEvent(st, e);
    if (!stepDone(db, st, error) || !ftsWrite(db, s.insertTitle[1], s.insertPlace[1], to, e, error))
        return false;
    s.columns.clear(from);
    s.columns.set(CatalogSlot { 1, to }, e);
    s.columns.setAvailability(CatalogSlot { 1, to }, Availability(availability));
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
    bool ok = true;
    for (std::uint32_t slot = 0; ok && slot < s.columns.slots(0); ++slot) {
        const CatalogSlot at { 0, slot };
        if (s.columns.id(at) != 0 && s.columns.startsAt(at) < cutoff) {
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
        s.columns.rebuildPostings(0); // drop the slots that moved
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

} // namespace

SearchStatus SqliteEventSearch::search(const SearchQuery& query, SearchResult* result, std::string* error)
{
    std::string problem;
    std::vector<std::string> phrases;
    const auto fail = [&](SearchStatus status) {
        if (error)
            *error = problem;
        return status;
    };
    QueryWords words;
    std::optional<SearchKey> after;
    if (!checkQuery(query, &words, &after, &problem))
        return fail(SearchStatus::InvalidQuery);
    ftsPhrases(words, &phrases);

    std::lock_guard lock(m_mutex);
    State& s = *m_state;
    if (!s.columns.begin(query, after, &problem))
        return fail(SearchStatus::InvalidQuery);
    for (std::uint8_t p = 0; p < 2; ++p) {
        if (!searchesPartition(query.partition, p))
            continue;
        if (phrases.empty()) {
            s.columns.visitAll(p);
            continue;
        }
        if (!matchWords(m_db, s, p, phrases, &problem))
            return fail(SearchStatus::StorageError);
        for (const Match& m : s.matches)
            s.columns.visit(CatalogSlot { p, m.doc - 1 }, m.relevance);
    }
    SearchResult out;
    s.columns.finish(&out, &s.page);
    for (const PageSlot& c : s.page) {
        SearchHit hit;
        if (!readSlot(s.selectEvent[c.at.partition], c.at.slot, &hit.event)) {
            problem = "search index: a row went missing";
            return fail(SearchStatus::StorageError);
        }
        hit.availability = Availability(s.columns.availability(c.at));
        hit.relevance = c.key.relevance;
        hit.archived = c.at.partition == 1;
        out.hits.push_back(std::move(hit));
    }
    *result = std::move(out);
    return SearchStatus::Ok;
}

} // namespace usher::search
