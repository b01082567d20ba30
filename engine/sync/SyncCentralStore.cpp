#include "sync/SyncCentralStore.h"

#include <charconv>

namespace usher {

namespace {

const char* const kSchema = R"(
CREATE TABLE IF NOT EXISTS sync_devices (
    number INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    token_hash BLOB NOT NULL,
    channel INTEGER NOT NULL,
    outbox TEXT NOT NULL DEFAULT '',
    applied INTEGER NOT NULL DEFAULT 0,
    push_seq INTEGER NOT NULL DEFAULT 0,
    push_acked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS sync_applied (
    device TEXT NOT NULL,
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    kind INTEGER NOT NULL,
    status INTEGER NOT NULL,
    order_id INTEGER NOT NULL,
    tickets BLOB NOT NULL,
    PRIMARY KEY (device, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sync_pushes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    device TEXT NOT NULL,
    kind INTEGER NOT NULL,
    event INTEGER NOT NULL,
    seats BLOB NOT NULL,
    state INTEGER NOT NULL,
    seq INTEGER,
    released BLOB,
    kept BLOB,
    area INTEGER NOT NULL DEFAULT 0,
    quantity INTEGER NOT NULL DEFAULT 0,
    released_quantity INTEGER NOT NULL DEFAULT 0,
    UNIQUE (device, seq)
);
)";

// sync_applied is one B-tree keyed by (device, seq): an op's id is "<outbox>:<seq>" (SyncCentral
// refuses any other), so findOp() needs no index of its own. A file of session 9 or before has a
// rowid table with a UNIQUE (device, id) index besides: it works the same, with two more inserts per op.

const char* const kPushColumns = "SELECT id, device, kind, event, seats, state, seq, released, kept, area, quantity, released_quantity "
                                  "FROM sync_pushes ";

} // namespace

bool SyncCentralStore::fail(const char* what, std::string* error)
{
    *error = std::string(what) + ": " + m_db->lastError();
    return false;
}

std::unique_ptr<SyncCentralStore> SyncCentralStore::open(const std::string& path, SyncDurability durability,
                                                         std::string* error)
{
    std::unique_ptr<SyncCentralStore> store(new SyncCentralStore);
    store->m_db = SyncSql::open(path, durability, error);
    if (store->m_db == nullptr)
        return nullptr;
    if (!store->m_db->exec(kSchema)) {
        store->fail("cannot create the sync schema", error);
        return nullptr;
    }
    // A store written before GA allocations: add their columns (SQLite has no ADD COLUMN IF NOT EXISTS).
    {
        SyncSql::Stmt probe(*store->m_db, "SELECT 1 FROM pragma_table_info('sync_pushes') WHERE name = 'area'");
        if (!probe.next()
            && (probe.failed()
                || !store->m_db->exec("ALTER TABLE sync_pushes ADD COLUMN area INTEGER NOT NULL DEFAULT 0;"
                                      "ALTER TABLE sync_pushes ADD COLUMN quantity INTEGER NOT NULL DEFAULT 0;"
                                      "ALTER TABLE sync_pushes ADD COLUMN released_quantity INTEGER NOT NULL "
                                      "DEFAULT 0;"))) {
            store->fail("cannot upgrade the sync schema", error);
            return nullptr;
        }
    }
    return store;
}

bool SyncCentralStore::loadDevices(std::vector<SyncDeviceRecord>* out, std::string* error)
{
    out->clear();
    SyncSql::Stmt s(*m_db,
                    "SELECT number, name, token_hash, channel, outbox, applied, push_seq, push_acked "
                    "FROM sync_devices ORDER BY number");
    while (s.next()) {
        SyncDeviceRecord d;
        d.number = static_cast<std::uint64_t>(s.integer(0));
        d.name = s.text(1);
        d.tokenHash = s.blob(2);
        d.channel = static_cast<ChannelId>(s.integer(3));
        d.outbox = s.text(4);
        d.applied = static_cast<std::uint64_t>(s.integer(5));
        d.pushSeq = static_cast<std::uint64_t>(s.integer(6));
        d.pushAcked = static_cast<std::uint64_t>(s.integer(7));
        out->push_back(std::move(d));
    }
    return !s.failed() || fail("cannot read the devices", error);
}

bool SyncCentralStore::addDevice(SyncDeviceRecord* device, std::string* error)
{
    SyncSql::Stmt s(*m_db, "INSERT INTO sync_devices (name, token_hash, channel) VALUES (?, ?, ?)");
    s.bind(1, device->name).bindBlob(2, device->tokenHash).bind(3, static_cast<std::int64_t>(device->channel));
    if (!s.run())
        return fail("cannot enrol the device", error);
    SyncSql::Stmt n(*m_db, "SELECT number FROM sync_devices WHERE name = ?");
    n.bind(1, device->name);
    if (!n.next())
        return fail("cannot enrol the device", error);
    device->number = static_cast<std::uint64_t>(n.integer(0));
    return true;
}

bool SyncCentralStore::setOutbox(const std::string& device, const std::string& outbox, std::string* error)
{
    SyncSql::Stmt s(*m_db, "UPDATE sync_devices SET outbox = ? WHERE name = ?");
    return s.bind(1, outbox).bind(2, device).run() || fail("cannot record the outbox", error);
}

// A batch of up to a thousand ops: each statement is prepared once and run per row.
bool SyncCentralStore::recordApplied(const std::string& device, const std::vector<SyncAppliedOp>& ops,
                                     std::uint64_t applied, std::string* error)
{
    SyncSql::Tx tx(*m_db);
    if (!tx.began())
        return fail("cannot record applied operations", error);
    SyncSql::Stmt s(*m_db,
                    "INSERT INTO sync_applied (device, seq, id, kind, status, order_id, tickets) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, device);
    std::vector<std::uint32_t> tickets;
    for (const SyncAppliedOp& op : ops) {
        tickets.assign(op.tickets.begin(), op.tickets.end());
        s.reset().bind(2, static_cast<std::int64_t>(op.seq)).bind(3, op.id);
        s.bind(4, static_cast<std::int64_t>(op.kind)).bind(5, static_cast<std::int64_t>(op.status));
        s.bind(6, static_cast<std::int64_t>(op.order)).bindBlob(7, packU32(tickets));
        if (!s.run())
            return fail("cannot record applied operations", error);
        if ((op.kind != SyncOpKind::TakeBack && op.kind != SyncOpKind::TakeBackArea) || op.takeBack == 0)
            continue;
        SyncSql::Stmt t(*m_db,
                        "UPDATE sync_pushes SET state = ?, released = ?, kept = ?, released_quantity = ? "
                        "WHERE id = ? AND state = 1");
        t.bind(1, static_cast<std::int64_t>(op.takeBackState)).bindBlob(2, packU32(op.released));
        t.bindBlob(3, packU32(op.kept)).bind(4, static_cast<std::int64_t>(op.releasedQuantity));
        t.bind(5, static_cast<std::int64_t>(op.takeBack));
        if (!t.run())
            return fail("cannot record applied operations", error);
    }
    SyncSql::Stmt d(*m_db, "UPDATE sync_devices SET applied = ? WHERE name = ?");
    if (!d.bind(1, static_cast<std::int64_t>(applied)).bind(2, device).run() || !tx.commit())
        return fail("cannot record applied operations", error);
    return true;
}

bool SyncCentralStore::findOp(const std::string& device, const std::string& id, SyncAppliedOp* out, std::string* error)
{
    error->clear();
    const std::size_t colon = id.rfind(':');
    std::uint64_t seq = 0;
    if (colon == std::string::npos || colon + 1 == id.size()) // not an op id: there is no such op
        return false;
    const auto [end, ec] = std::from_chars(id.data() + colon + 1, id.data() + id.size(), seq);
    if (ec != std::errc() || end != id.data() + id.size() || seq > kSyncIntegerMax)
        return false;
    SyncSql::Stmt s(*m_db, "SELECT seq, kind, status, order_id, tickets, id FROM sync_applied WHERE device = ? AND seq = ?");
    s.bind(1, device).bind(2, static_cast<std::int64_t>(seq));
    if (!s.next())
        return s.failed() ? fail("cannot read applied operations", error) : false;
    if (s.textView(5) != id)
        return false;
    out->seq = static_cast<std::uint64_t>(s.integer(0));
    out->id = id;
    out->kind = static_cast<SyncOpKind>(s.integer(1));
    out->status = static_cast<Status>(s.integer(2));
    out->order = static_cast<OrderId>(s.integer(3));
    std::vector<std::uint32_t> tickets;
    if (!unpackU32(s.blob(4), &tickets)) {
        *error = "a corrupt applied operation";
        return false;
    }
    out->tickets.assign(tickets.begin(), tickets.end());
    return true;
}

bool SyncCentralStore::issue(std::uint64_t id, SyncPushState state, std::uint64_t* deviceSeq)
{
    if (state == SyncPushState::Ready) {
        SyncSql::Stmt s(*m_db,
                        "UPDATE sync_devices SET push_seq = push_seq + 1 "
                        "WHERE name = (SELECT device FROM sync_pushes WHERE id = ?)");
        SyncSql::Stmt q(*m_db,
                        "SELECT push_seq FROM sync_devices WHERE name = (SELECT device FROM sync_pushes WHERE id = ?)");
        if (!s.bind(1, static_cast<std::int64_t>(id)).run() || !q.bind(1, static_cast<std::int64_t>(id)).next())
            return false;
        *deviceSeq = static_cast<std::uint64_t>(q.integer(0));
    }
    SyncSql::Stmt u(*m_db, "UPDATE sync_pushes SET state = ?, seq = COALESCE(?, seq) WHERE id = ?");
    u.bind(1, static_cast<std::int64_t>(state));
    if (state == SyncPushState::Ready)
        u.bind(2, static_cast<std::int64_t>(*deviceSeq));
    u.bind(3, static_cast<std::int64_t>(id));
    return u.run();
}

bool SyncCentralStore::refusedOps(const std::string& device, std::uint64_t afterSeq, std::uint64_t upTo,
                                  std::size_t max, std::vector<SyncOpResult>* out, std::string* error)
{
    out->clear();
    SyncSql::Stmt s(*m_db,
                    "SELECT seq, status FROM sync_applied WHERE device = ? AND seq > ? AND seq <= ? "
                    "AND status != 0 ORDER BY seq LIMIT ?");
    s.bind(1, device).bind(2, static_cast<std::int64_t>(afterSeq)).bind(3, static_cast<std::int64_t>(upTo));
    s.bind(4, static_cast<std::int64_t>(max));
    while (s.next())
        out->push_back(SyncOpResult { static_cast<std::uint64_t>(s.integer(0)), static_cast<Status>(s.integer(1)) });
    return !s.failed() || fail("cannot read applied operations", error);
}

bool SyncCentralStore::addPush(SyncPushRecord* push, std::uint64_t* deviceSeq, std::string* error)
{
    SyncSql::Tx tx(*m_db);
    if (!tx.began())
        return fail("cannot record the push", error);
    SyncSql::Stmt s(*m_db,
                    "INSERT INTO sync_pushes (device, kind, event, seats, state, area, quantity) "
                    "VALUES (?, ?, ?, ?, 0, ?, ?)");
    s.bind(1, push->device).bind(2, static_cast<std::int64_t>(push->kind));
    s.bind(3, static_cast<std::int64_t>(push->event)).bindBlob(4, packU32(push->seats));
    s.bind(5, static_cast<std::int64_t>(push->area)).bind(6, static_cast<std::int64_t>(push->quantity));
    if (!s.run())
        return fail("cannot record the push", error);
    SyncSql::Stmt id(*m_db, "SELECT last_insert_rowid()");
    if (!id.next())
        return fail("cannot record the push", error);
    push->id = static_cast<std::uint64_t>(id.integer(0));
    if (push->state != SyncPushState::Intent && !issue(push->id, push->state, deviceSeq))
        return fail("cannot record the push", error);
    if (!tx.commit())
        return fail("cannot record the push", error);
    if (push->state == SyncPushState::Ready)
        push->seq = *deviceSeq;
    return true;
}

bool SyncCentralStore::setPushState(std::uint64_t id, SyncPushState state, std::uint64_t* deviceSeq, std::string* error)
{
    SyncSql::Tx tx(*m_db);
    if (!tx.began() || !issue(id, state, deviceSeq) || !tx.commit())
        return fail("cannot update the push", error);
    return true;
}

bool SyncCentralStore::setPushAcked(const std::string& device, std::uint64_t upTo, std::string* error)
{
    SyncSql::Stmt s(*m_db, "UPDATE sync_devices SET push_acked = MAX(push_acked, MIN(?, push_seq)) WHERE name = ?");
    return s.bind(1, static_cast<std::int64_t>(upTo)).bind(2, device).run()
        || fail("cannot record the push ack", error);
}

bool SyncCentralStore::readPushes(SyncSql::Stmt& s, std::vector<SyncPushRecord>* out, std::string* error)
{
    out->clear();
    while (s.next()) {
        SyncPushRecord p;
        p.id = static_cast<std::uint64_t>(s.integer(0));
        p.device = s.text(1);
        p.kind = static_cast<SyncPushKind>(s.integer(2));
        p.event = static_cast<EventId>(s.integer(3));
        p.state = static_cast<SyncPushState>(s.integer(5));
        p.seq = s.isNull(6) ? 0 : static_cast<std::uint64_t>(s.integer(6));
        p.area = static_cast<AreaId>(s.integer(9));
        p.quantity = static_cast<std::uint32_t>(s.integer(10));
        p.releasedQuantity = static_cast<std::uint32_t>(s.integer(11));
        if (!unpackU32(s.blob(4), &p.seats) || !unpackU32(s.blob(7), &p.released) || !unpackU32(s.blob(8), &p.kept)) {
            *error = "a corrupt push record";
            return false;
        }
        out->push_back(std::move(p));
    }
    return !s.failed() || fail("cannot read the pushes", error);
}

bool SyncCentralStore::pushes(const std::string& device, std::uint64_t afterSeq, std::size_t max,
                              std::vector<SyncPushRecord>* out, std::string* error)
{
    SyncSql::Stmt s(*m_db, (std::string(kPushColumns) + "WHERE device = ? AND seq > ? ORDER BY seq LIMIT ?").c_str());
    s.bind(1, device).bind(2, static_cast<std::int64_t>(afterSeq)).bind(3, static_cast<std::int64_t>(max));
    return readPushes(s, out, error);
}

bool SyncCentralStore::findPush(std::uint64_t id, SyncPushRecord* out, std::string* error)
{
    std::vector<SyncPushRecord> found;
    SyncSql::Stmt s(*m_db, (std::string(kPushColumns) + "WHERE id = ?").c_str());
    s.bind(1, static_cast<std::int64_t>(id));
    if (!readPushes(s, &found, error))
        return false;
    if (found.empty()) {
        *error = "no push " + std::to_string(id);
        return false;
    }
    *out = std::move(found.front());
    return true;
}

bool SyncCentralStore::pushesInState(SyncPushState state, std::vector<SyncPushRecord>* out, std::string* error)
{
    SyncSql::Stmt s(*m_db, (std::string(kPushColumns) + "WHERE state = ? ORDER BY id").c_str());
    s.bind(1, static_cast<std::int64_t>(state));
    return readPushes(s, out, error);
}

} // namespace usher
