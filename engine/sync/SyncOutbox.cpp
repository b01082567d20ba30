#include "sync/SyncOutbox.h"

#include "core/Assert.h"

#include <algorithm>

namespace usher {

namespace {

const char* const kSchema = R"(
CREATE TABLE IF NOT EXISTS sync_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sync_ops (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    payload TEXT NOT NULL,
    local_state INTEGER NOT NULL,
    local_order INTEGER NOT NULL DEFAULT 0,
    acked INTEGER NOT NULL DEFAULT 0,
    central_status INTEGER,
    external INTEGER NOT NULL DEFAULT 0,
    local_hold INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS sync_ops_intent ON sync_ops (local_state) WHERE local_state = 0;
)";

// Added after the first outbox files: created on an older file when it is opened.
const char* const kSchemaLocalOrderIndex
    = "CREATE INDEX IF NOT EXISTS sync_ops_local_order ON sync_ops (local_order)";

// `acked` (column 3) is no longer written: the acknowledged seq is sync_meta's ackedSeq (a file
// written before it has none: load() takes it from the column once). Kept for older files.
const char* const kColumns
    = "payload, local_state, local_order, acked, central_status, created_at, external, local_hold, seq";

bool fail(SyncSql& db, const char* what, std::string* error)
{
    *error = std::string(what) + ": " + db.lastError();
    return false;
}

bool setMeta(SyncSql& db, const char* key, const std::string& value)
{
    SyncSql::Stmt s(db,
                    "INSERT INTO sync_meta (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    return s.bind(1, std::string_view(key)).bind(2, value).run();
}

} // namespace

std::unique_ptr<SyncOutbox> SyncOutbox::open(const std::string& path, SyncDurability durability,
                                             const std::function<std::string()>& newName, std::string* error)
{
    std::unique_ptr<SyncOutbox> outbox(new SyncOutbox);
    outbox->m_db = SyncSql::open(path, durability, error);
    if (outbox->m_db == nullptr || !outbox->load(newName, error))
        return nullptr;
    return outbox;
}

bool SyncOutbox::load(const std::function<std::string()>& newName, std::string* error)
{
    SyncSql& db = *m_db;
    if (!db.exec(kSchema))
        return fail(db, "cannot create the outbox schema", error);
    {
        // An outbox written before the counter's own sales were journaled has neither column.
        bool hasExternal = false;
        SyncSql::Stmt columns(db, "SELECT name FROM pragma_table_info('sync_ops')");
        while (columns.next())
            hasExternal = hasExternal || columns.text(0) == "external";
        if (columns.failed())
            return fail(db, "cannot read the outbox schema", error);
        if (!hasExternal
            && !db.exec("ALTER TABLE sync_ops ADD COLUMN external INTEGER NOT NULL DEFAULT 0;"
                        "ALTER TABLE sync_ops ADD COLUMN local_hold INTEGER NOT NULL DEFAULT 0;"))
            return fail(db, "cannot upgrade the outbox schema", error);
        if (!db.exec(kSchemaLocalOrderIndex))
            return fail(db, "cannot upgrade the outbox schema", error);
    }
    {
        SyncSql::Stmt s(db, "SELECT key, value FROM sync_meta");
        while (s.next()) {
            if (s.text(0) == "name")
                m_name = s.text(1);
            else if (s.text(0) == "receivedPush")
                m_receivedPush = std::stoull(s.text(1));
        }
        if (s.failed())
            return fail(db, "cannot read the outbox", error);
    }
    if (m_name.empty()) {
        SyncSql::Tx tx(db);
        m_name = newName();
        if (!tx.began() || !setMeta(db, "name", m_name) || !setMeta(db, "receivedPush", "0")
            || !setMeta(db, "ackedSeq", "0") || !tx.commit())
            return fail(db, "cannot name the outbox", error);
    }
    std::optional<std::uint64_t> acked;
    {
        SyncSql::Stmt a(db, "SELECT value FROM sync_meta WHERE key = 'ackedSeq'");
        if (a.next())
            acked = std::stoull(a.text(0));
        else if (a.failed())
            return fail(db, "cannot read the outbox", error);
    }
    SyncSql::Stmt s(db,
                    "SELECT COALESCE(MAX(seq), 0), "
                    "COALESCE((SELECT MIN(seq) - 1 FROM sync_ops WHERE acked = 0), COALESCE(MAX(seq), 0)) "
                    "FROM sync_ops");
    if (!s.next())
        return fail(db, "cannot read the outbox", error);
    m_lastSeq = static_cast<std::uint64_t>(s.integer(0));
    if (!acked) {
        // Written before ackedSeq was kept: the per-row flags say it, once.
        acked = static_cast<std::uint64_t>(s.integer(1));
        if (!setMeta(db, "ackedSeq", std::to_string(*acked)))
            return fail(db, "cannot upgrade the outbox", error);
    }
    m_ackedSeq = std::min(*acked, m_lastSeq);
    SyncSql::Stmt r(db, "SELECT COUNT(*) FROM sync_ops WHERE seq <= ? AND central_status IS NOT NULL "
                        "AND central_status != 0");
    if (!r.bind(1, static_cast<std::int64_t>(m_ackedSeq)).next())
        return fail(db, "cannot read the outbox", error);
    m_rejected = static_cast<std::uint64_t>(r.integer(0));
    return true;
}

bool SyncOutbox::append(SyncOp* op, Timestamp now, std::uint64_t receivedPush, std::string* error)
{
    return insert(op, now, receivedPush, false, 0, error);
}

bool SyncOutbox::appendExternal(SyncOp* op, Timestamp now, HoldId localHold, std::string* error)
{
    return insert(op, now, 0, true, localHold, error);
}

bool SyncOutbox::insert(SyncOp* op, Timestamp now, std::uint64_t receivedPush, bool external, HoldId localHold,
                        std::string* error)
{
    SyncSql& db = *m_db;
    op->seq = m_lastSeq + 1;
    op->id = m_name + ":" + std::to_string(op->seq);
    SyncSql::Tx tx(db);
    if (!tx.began())
        return fail(db, "cannot journal the operation", error);
    SyncSql::Stmt s(db,
                    "INSERT INTO sync_ops (seq, id, kind, created_at, payload, local_state, external, local_hold) "
                    "VALUES (?, ?, ?, ?, ?, 0, ?, ?)");
    s.bind(1, static_cast<std::int64_t>(op->seq)).bind(2, op->id).bind(3, static_cast<std::int64_t>(op->kind));
    s.bind(4, now).bind(5, encodeSyncOp(*op)).bind(6, static_cast<std::int64_t>(external ? 1 : 0));
    s.bind(7, static_cast<std::int64_t>(localHold));
    if (!s.run())
        return fail(db, "cannot journal the operation", error);
    if (receivedPush != 0 && !setMeta(db, "receivedPush", std::to_string(receivedPush)))
        return fail(db, "cannot journal the operation", error);
    if (!tx.commit())
        return fail(db, "cannot journal the operation", error);
    m_lastSeq = op->seq;
    if (receivedPush != 0)
        m_receivedPush = receivedPush;
    return true;
}

bool SyncOutbox::setLocal(std::uint64_t seq, SyncLocalState state, OrderId localOrder, std::string* error)
{
    SyncSql::Stmt s(*m_db, "UPDATE sync_ops SET local_state = ?, local_order = ? WHERE seq = ?");
    s.bind(1, static_cast<std::int64_t>(state)).bind(2, static_cast<std::int64_t>(localOrder));
    s.bind(3, static_cast<std::int64_t>(seq));
    return s.run() || fail(*m_db, "cannot update the outbox", error);
}

// One ack covers up to a thousand ops. A clean upload writes one sync_meta row per ack (the
// acknowledged seq) instead of rewriting every row it covers; a refusal is one row's status.
bool SyncOutbox::acknowledge(std::uint64_t upTo, const std::vector<SyncOpResult>& results, std::string* error)
{
    upTo = std::min(upTo, m_lastSeq);
    const bool refusals = std::any_of(results.begin(), results.end(), [upTo](const SyncOpResult& r) {
        return r.status != Status::Ok && r.seq != 0 && r.seq <= upTo;
    });
    if (upTo <= m_ackedSeq && !refusals)
        return true;
    SyncSql& db = *m_db;
    SyncSql::Tx tx(db);
    if (!tx.began())
        return fail(db, "cannot acknowledge", error);
    std::uint64_t rejected = 0;
    if (refusals) {
        // The first answer stands (a result repeated later changes nothing).
        SyncSql::Stmt s(db, "UPDATE sync_ops SET central_status = ? WHERE seq = ? AND central_status IS NULL");
        for (const SyncOpResult& r : results) {
            if (r.status == Status::Ok || r.seq == 0 || r.seq > upTo)
                continue;
            s.reset().bind(1, static_cast<std::int64_t>(r.status)).bind(2, static_cast<std::int64_t>(r.seq));
            if (!s.run())
                return fail(db, "cannot acknowledge", error);
            rejected += db.changes() > 0 ? 1 : 0;
        }
    }
    const std::uint64_t acked = std::max(m_ackedSeq, upTo);
    if ((acked != m_ackedSeq && !setMeta(db, "ackedSeq", std::to_string(acked))) || !tx.commit())
        return fail(db, "cannot acknowledge", error);
    m_ackedSeq = acked;
    m_rejected += rejected;
    return true;
}

bool SyncOutbox::unacknowledgeAfter(std::uint64_t seq, std::string* error)
{
    SyncSql& db = *m_db;
    SyncSql::Tx tx(db);
    SyncSql::Stmt count(db, "SELECT COUNT(*) FROM sync_ops WHERE seq > ? AND central_status != 0");
    if (!tx.began() || !count.bind(1, static_cast<std::int64_t>(seq)).next())
        return fail(db, "cannot read the outbox", error);
    SyncSql::Stmt s(db, "UPDATE sync_ops SET acked = 0, central_status = NULL WHERE seq > ?");
    const std::uint64_t acked = std::min(m_ackedSeq, seq);
    if (!s.bind(1, static_cast<std::int64_t>(seq)).run() || !setMeta(db, "ackedSeq", std::to_string(acked))
        || !tx.commit())
        return fail(db, "cannot update the outbox", error);
    m_ackedSeq = acked;
    m_rejected -= std::min(m_rejected, static_cast<std::uint64_t>(count.integer(0)));
    return true;
}

bool SyncOutbox::setReceivedPush(std::uint64_t seq, std::string* error)
{
    if (!setMeta(*m_db, "receivedPush", std::to_string(seq)))
        return fail(*m_db, "cannot record the push", error);
    m_receivedPush = seq;
    return true;
}

bool SyncOutbox::readEntries(SyncSql::Stmt& s, std::vector<SyncOutboxEntry>* out, std::string* error)
{
    while (s.next()) {
        SyncOutboxEntry e;
        if (!decodeSyncOp(s.text(0), &e.op, error)) {
            *error = "the outbox holds an unreadable operation: " + *error;
            return false;
        }
        e.local = static_cast<SyncLocalState>(s.integer(1));
        e.localOrder = static_cast<OrderId>(s.integer(2));
        e.acked = static_cast<std::uint64_t>(s.integer(8)) <= m_ackedSeq;
        if (!s.isNull(4))
            e.central = static_cast<Status>(s.integer(4));
        else if (e.acked)
            e.central = Status::Ok;
        e.createdAt = s.integer(5);
        e.external = s.integer(6) != 0;
        e.localHold = static_cast<HoldId>(s.integer(7));
        out->push_back(std::move(e));
    }
    return !s.failed() || fail(*m_db, "cannot read the outbox", error);
}

bool SyncOutbox::list(std::uint64_t fromSeq, std::size_t max, std::vector<SyncOutboxEntry>* out, std::string* error)
{
    out->clear();
    SyncSql::Stmt s(*m_db, (std::string("SELECT ") + kColumns + " FROM sync_ops WHERE seq >= ? ORDER BY seq LIMIT ?").c_str());
    s.bind(1, static_cast<std::int64_t>(fromSeq)).bind(2, static_cast<std::int64_t>(max));
    return readEntries(s, out, error);
}

bool SyncOutbox::opsMessage(std::uint64_t fromSeq, std::size_t max, std::string* text, std::uint64_t* lastSeq,
                            std::string* error)
{
    // The codec's own envelope around the ops: {"type":"ops","ops":[ ... ]}.
    static const std::string envelope = [] {
        SyncMessage m;
        m.type = SyncMessageType::Ops;
        return encodeSyncMessage(m);
    }();
    static const std::size_t split = envelope.rfind("[]") + 1;
    USHER_ASSERT(split != 0);
    *lastSeq = 0;
    text->assign(envelope, 0, split);
    SyncSql::Stmt s(*m_db, "SELECT seq, local_state, payload FROM sync_ops WHERE seq >= ? ORDER BY seq LIMIT ?");
    s.bind(1, static_cast<std::int64_t>(fromSeq)).bind(2, static_cast<std::int64_t>(max));
    while (s.next()) {
        const auto seq = static_cast<std::uint64_t>(s.integer(0));
        const auto local = static_cast<SyncLocalState>(s.integer(1));
        if (local == SyncLocalState::Intent)
            break;
        if (*lastSeq != 0)
            *text += ',';
        const std::string_view payload = s.textView(2);
        const std::string prefix = "{\"seq\":" + std::to_string(seq) + ",";
        if (local == SyncLocalState::Done && payload.substr(0, prefix.size()) == prefix) {
            text->append(payload);
        } else {
            // Refused here: uploaded as `void`, no effect anywhere. (Or a row whose text does not
            // start with its own seq: decoded, so that a damaged row is an error, not a bad upload.)
            SyncOp op;
            if (!decodeSyncOp(payload, &op, error) || op.seq != seq) {
                *error = "the outbox holds an unreadable operation at seq " + std::to_string(seq) + ": "
                    + (error->empty() ? "its text has another seq" : *error);
                return false;
            }
            if (local == SyncLocalState::Void)
                op = syncVoidOf(op);
            *text += encodeSyncOp(op);
        }
        *lastSeq = seq;
    }
    if (s.failed())
        return fail(*m_db, "cannot read the outbox", error);
    text->append(envelope, split);
    return true;
}

bool SyncOutbox::find(const std::string& id, SyncOutboxEntry* out, std::string* error)
{
    std::vector<SyncOutboxEntry> found;
    SyncSql::Stmt s(*m_db, (std::string("SELECT ") + kColumns + " FROM sync_ops WHERE id = ?").c_str());
    s.bind(1, id);
    if (!readEntries(s, &found, error))
        return false;
    if (found.empty()) {
        *error = "no operation " + id;
        return false;
    }
    *out = std::move(found.front());
    return true;
}

bool SyncOutbox::findSaleByLocalOrder(OrderId order, SyncOutboxEntry* out, std::string* error)
{
    std::vector<SyncOutboxEntry> found;
    const std::string sql = std::string("SELECT ") + kColumns
                            + " FROM sync_ops WHERE local_order = ? AND local_state = 1 AND kind = ? LIMIT 1";
    SyncSql::Stmt s(*m_db, sql.c_str());
    s.bind(1, static_cast<std::int64_t>(order)).bind(2, static_cast<std::int64_t>(SyncOpKind::Sale));
    if (!readEntries(s, &found, error))
        return false;
    if (found.empty()) {
        *error = "no sale op for the local order " + std::to_string(order);
        return false;
    }
    *out = std::move(found.front());
    return true;
}

bool SyncOutbox::intents(std::vector<SyncOutboxEntry>* out, std::string* error)
{
    out->clear();
    SyncSql::Stmt s(*m_db, (std::string("SELECT ") + kColumns + " FROM sync_ops WHERE local_state = 0 ORDER BY seq").c_str());
    return readEntries(s, out, error);
}

std::optional<Timestamp> SyncOutbox::oldestPendingAt(std::string* error)
{
    if (pending() == 0)
        return std::nullopt;
    SyncSql::Stmt s(*m_db, "SELECT created_at FROM sync_ops WHERE seq = ?");
    s.bind(1, static_cast<std::int64_t>(m_ackedSeq + 1));
    if (!s.next()) {
        fail(*m_db, "cannot read the outbox", error);
        return std::nullopt;
    }
    return s.integer(0);
}

} // namespace usher
