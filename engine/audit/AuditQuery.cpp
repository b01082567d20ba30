#include "audit/AuditQuery.h"

#include "audit/AuditIndex.h"

#include <algorithm>
#include <cctype>
#include <sqlite3.h>
#include <variant>

namespace usher::audit {
namespace {

constexpr const char* kColumns
    = "a.key, a.event_id, a.seq, a.at, a.kind, a.status, a.channel, a.actor_kind, a.actor_id, a.hold_id, a.order_id,"
      " a.seat_count, a.first_seat, a.area_id, a.quantity, a.amount, a.event_mask, a.detail, a.batch_seq,"
      " a.batch_offset, a.text";

void readRow(const AuditStmt& s, AuditRow* r)
{
    r->key = s.integer(0);
    r->event = EventId(s.integer(1));
    r->seq = Seq(s.integer(2));
    r->at = s.integer(3);
    r->kind = CommandKind(s.integer(4));
    r->status = Status(s.integer(5));
    r->channel = ChannelId(s.integer(6));
    r->actor = Actor { ActorKind(s.integer(7)), std::uint64_t(s.integer(8)) };
    r->hold = HoldId(s.integer(9));
    r->order = OrderId(s.integer(10));
    r->seatCount = std::uint32_t(s.integer(11));
    r->firstSeat = SeatId(s.integer(12));
    r->area = AreaId(s.integer(13));
    r->quantity = std::uint32_t(s.integer(14));
    r->amount = s.integer(15);
    r->eventMask = std::uint32_t(s.integer(16));
    r->detail = std::uint32_t(s.integer(17));
    r->batchSeq = Seq(s.integer(18));
    r->offset = std::uint32_t(s.integer(19));
    r->text = s.text(20);
}

// A query under construction: SQL text and its parameters, in order.
struct Sql {
    std::string text;
    std::vector<std::variant<std::int64_t, std::string>> params;

    Sql& add(std::string_view part)
    {
        text.append(part);
        return *this;
    }
    Sql& param(std::int64_t value)
    {
        text.push_back('?');
        params.emplace_back(value);
        return *this;
    }
    Sql& param(std::string value)
    {
        text.push_back('?');
        params.emplace_back(std::move(value));
        return *this;
    }
    bool bindTo(AuditStmt& stmt) const
    {
        for (std::size_t i = 0; i < params.size(); ++i) {
            if (const auto* n = std::get_if<std::int64_t>(&params[i]))
                stmt.bind(int(i + 1), *n);
            else
                stmt.bindText(int(i + 1), std::get<std::string>(params[i]));
        }
        return !stmt.failed();
    }
};

// FROM and WHERE of a filter, without the keyset bound; `driver` is the key column the rows come
// out in order of (the index the query walks).
std::string buildFrom(const AuditFilter& f, Sql* sql)
{
    std::string driver;
    if (!f.text.empty()) {
        sql->add(" FROM audit_fts CROSS JOIN audit a ON a.key = audit_fts.rowid WHERE audit_fts MATCH ");
        sql->param(AuditQuery::ftsQuery(f.text));
        driver = "audit_fts.rowid";
        if (f.seat != 0) {
            sql->add(" AND a.key IN (SELECT key FROM audit_seat WHERE event_id = ").param(std::int64_t(f.event));
            sql->add(" AND seat_id = ").param(std::int64_t(f.seat)).add(")");
        }
    } else if (f.seat != 0) {
        sql->add(" FROM audit_seat s CROSS JOIN audit a ON a.key = s.key WHERE s.event_id = ")
            .param(std::int64_t(f.event));
        sql->add(" AND s.seat_id = ").param(std::int64_t(f.seat));
        driver = "s.key";
    } else {
        sql->add(" FROM audit a WHERE 1");
        driver = "a.key";
    }
    if (f.event != 0)
        sql->add(" AND a.event_id = ").param(std::int64_t(f.event));
    if (f.order != 0)
        sql->add(" AND a.order_id = ").param(std::int64_t(f.order));
    if (f.actorKind != ActorKind::None) {
        sql->add(" AND a.actor_kind = ").param(std::int64_t(f.actorKind));
        if (f.actorId != 0)
            sql->add(" AND a.actor_id = ").param(std::int64_t(f.actorId));
    }
    if (f.hasKind())
        sql->add(" AND a.kind = ").param(std::int64_t(f.kind));
    if (f.outcome == AuditOutcome::Ok)
        sql->add(" AND a.status = 0");
    else if (f.outcome == AuditOutcome::Rejected)
        sql->add(" AND a.status <> 0");
    if (f.from != 0)
        sql->add(" AND ").add(driver).add(" >= ").param(auditKeyAt(f.from));
    if (f.to != 0)
        sql->add(" AND ").add(driver).add(" < ").param(auditKeyAt(f.to));
    return driver;
}

} // namespace

AuditQuery::AuditQuery(std::unique_ptr<AuditDb> db)
    : m_db(std::move(db))
{
}

AuditQuery::~AuditQuery() = default;

std::unique_ptr<AuditQuery> AuditQuery::open(const std::string& indexPath, std::string* error)
{
    auto db = AuditDb::open(indexPath, false, error);
    if (db == nullptr)
        return nullptr;
    AuditStmt version(*db, "SELECT value FROM meta WHERE key = 'schema_version'");
    if (!version.ok() || !version.step() || version.integer(0) != AuditIndex::kSchemaVersion) {
        *error = indexPath + " is not an audit index of this version";
        return nullptr;
    }
    return std::unique_ptr<AuditQuery>(new AuditQuery(std::move(db)));
}

Status AuditQuery::fail(const char* what, std::string* error) const
{
    *error = std::string("audit index: ") + what + ": " + m_db->lastError();
    return Status::StorageFailed;
}

std::uint64_t AuditQuery::pagesRead() const
{
    int current = 0;
    int highwater = 0;
    sqlite3_db_status(m_db->handle(), SQLITE_DBSTATUS_CACHE_MISS, &current, &highwater, 0);
    return std::uint64_t(std::max(current, 0));
}

std::string AuditQuery::ftsQuery(const std::string& text)
{
    std::string query;
    std::string word;
    auto flush = [&] {
        if (word.empty())
            return;
        if (!query.empty())
            query.push_back(' ');
        query += '"' + word + "\"*";
        word.clear();
    };
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        // Separators as the unicode61 tokenizer sees them (ASCII punctuation and space); anything
        // else, UTF-8 included, belongs to a word. A quote cannot break out of the quoted word.
        if (u < 0x80 && !std::isalnum(u))
            flush();
        else
            word.push_back(c);
    }
    flush();
    return query;
}

Status AuditQuery::page(const AuditFilter& filter, AuditDirection direction, AuditKey from, std::size_t limit,
                        std::vector<AuditRow>* rows, std::string* error)
{
    rows->clear();
    if (filter.seat != 0 && filter.event == 0) {
        *error = "a seat filter needs an event";
        return Status::InvalidArgument;
    }
    if (limit == 0 || limit > kPageRowsMax) {
        *error = "a page holds 1 to " + std::to_string(kPageRowsMax) + " rows";
        return Status::InvalidArgument;
    }
    if (!filter.text.empty() && ftsQuery(filter.text).empty())
        return Status::Ok; // only separators: nothing can match
    Sql sql;
    sql.add("SELECT ").add(kColumns);
    const std::string driver = buildFrom(filter, &sql);
    const bool forward = direction == AuditDirection::Forward;
    sql.add(" AND ").add(driver).add(forward ? " > " : " < ").param(from);
    sql.add(" ORDER BY ").add(driver).add(forward ? " ASC" : " DESC").add(" LIMIT ").param(std::int64_t(limit));
    AuditStmt stmt(*m_db, sql.text);
    if (!stmt.ok() || !sql.bindTo(stmt))
        return fail("preparing a page", error);
    rows->reserve(limit);
    while (stmt.step()) {
        rows->emplace_back();
        readRow(stmt, &rows->back());
    }
    if (stmt.failed())
        return fail("reading a page", error);
    if (!forward)
        std::reverse(rows->begin(), rows->end());
    return Status::Ok;
}

Status AuditQuery::count(const AuditFilter& filter, std::uint64_t cap, std::uint64_t* count, bool* capped,
                         std::string* error)
{
    *count = 0;
    *capped = false;
    AuditFilter onlyEvent;
    onlyEvent.event = filter.event;
    if (filter == onlyEvent) {
        Sql sql;
        sql.add("SELECT coalesce(sum(rows), 0) FROM progress");
        if (filter.event != 0)
            sql.add(" WHERE event_id = ").param(std::int64_t(filter.event));
        AuditStmt stmt(*m_db, sql.text);
        if (!stmt.ok() || !sql.bindTo(stmt) || !stmt.step())
            return fail("counting", error);
        *count = std::uint64_t(stmt.integer(0));
        return Status::Ok;
    }
    if (filter.seat != 0 && filter.event == 0) {
        *error = "a seat filter needs an event";
        return Status::InvalidArgument;
    }
    if (!filter.text.empty() && ftsQuery(filter.text).empty())
        return Status::Ok;
    Sql sql;
    sql.add("SELECT count(*) FROM (SELECT 1");
    AuditFilter textAndTime;
    textAndTime.text = filter.text;
    textAndTime.from = filter.from;
    textAndTime.to = filter.to;
    if (!filter.text.empty() && filter == textAndTime) {
        // Text (and time) alone: the full-text index answers without reading a single row of
        // `audit` (a common word matched thousands of rows, each a random read on a cold file).
        sql.add(" FROM audit_fts WHERE audit_fts MATCH ").param(ftsQuery(filter.text));
        if (filter.from != 0)
            sql.add(" AND rowid >= ").param(auditKeyAt(filter.from));
        if (filter.to != 0)
            sql.add(" AND rowid < ").param(auditKeyAt(filter.to));
    } else {
        buildFrom(filter, &sql);
    }
    sql.add(" LIMIT ").param(std::int64_t(std::min<std::uint64_t>(cap, std::uint64_t(kAuditKeyMax - 1)) + 1)).add(")");
    AuditStmt stmt(*m_db, sql.text);
    if (!stmt.ok() || !sql.bindTo(stmt) || !stmt.step())
        return fail("counting", error);
    const auto n = std::uint64_t(stmt.integer(0));
    *capped = n > cap;
    *count = std::min(n, cap);
    return Status::Ok;
}

Status AuditQuery::row(AuditKey key, AuditRow* row, std::string* error)
{
    AuditStmt stmt(*m_db, std::string("SELECT ") + kColumns + " FROM audit a WHERE a.key = ?1");
    if (!stmt.ok())
        return fail("preparing a row", error);
    stmt.bind(1, key);
    if (!stmt.step()) {
        if (stmt.failed())
            return fail("reading a row", error);
        *error = "no audit row " + std::to_string(key);
        return Status::InvalidArgument;
    }
    readRow(stmt, row);
    return Status::Ok;
}

Status AuditQuery::rowOfSeq(EventId event, Seq seq, AuditRow* row, std::string* error)
{
    AuditStmt stmt(*m_db, std::string("SELECT ") + kColumns + " FROM audit a WHERE a.event_id = ?1 AND a.seq = ?2");
    if (!stmt.ok())
        return fail("preparing a row", error);
    stmt.bind(1, std::int64_t(event)).bind(2, std::int64_t(seq));
    if (!stmt.step()) {
        if (stmt.failed())
            return fail("reading a row", error);
        *error = "event " + std::to_string(event) + " has no indexed record " + std::to_string(seq);
        return Status::InvalidArgument;
    }
    readRow(stmt, row);
    return Status::Ok;
}

Status AuditQuery::seqRange(EventId event, Seq* first, Seq* last, Timestamp* firstAt, Timestamp* lastAt,
                            std::string* error)
{
    *first = *last = 0;
    *firstAt = *lastAt = 0;
    for (const bool newest : { false, true }) {
        AuditStmt stmt(*m_db,
                       newest ? "SELECT seq, at FROM audit WHERE event_id = ?1 ORDER BY seq DESC LIMIT 1"
                              : "SELECT seq, at FROM audit WHERE event_id = ?1 ORDER BY seq LIMIT 1");
        if (!stmt.ok())
            return fail("preparing a range", error);
        stmt.bind(1, std::int64_t(event));
        if (stmt.step()) {
            (newest ? *last : *first) = Seq(stmt.integer(0));
            (newest ? *lastAt : *firstAt) = stmt.integer(1);
        } else if (stmt.failed()) {
            return fail("reading a range", error);
        }
    }
    return Status::Ok;
}

Status AuditQuery::events(std::vector<EventId>* events, std::string* error)
{
    events->clear();
    AuditStmt stmt(*m_db, "SELECT event_id FROM progress WHERE rows > 0 ORDER BY event_id");
    if (!stmt.ok())
        return fail("preparing the events", error);
    while (stmt.step())
        events->push_back(EventId(stmt.integer(0)));
    if (stmt.failed())
        return fail("reading the events", error);
    return Status::Ok;
}

} // namespace usher::audit
