#include "pgstore/PgOwnership.h"

#include "event/EventSpecJson.h"
#include "pgstore/PgStorage.h"

#include <libpq-fe.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

namespace usher {

namespace {

// Serialises the creation of usher_nodes between nodes that start at the same time (PgStorage's
// schema lock is 127978942686578).
constexpr const char* kCreateSql = "BEGIN;"
                                   "SELECT pg_advisory_xact_lock(127978942686579);"
                                   "CREATE TABLE IF NOT EXISTS usher_nodes ("
                                   " node_id text PRIMARY KEY,"
                                   " url text NOT NULL,"
                                   " lock_pid integer NOT NULL,"
                                   " started timestamptz NOT NULL DEFAULT now(),"
                                   " heartbeat timestamptz NOT NULL DEFAULT now());"
                                   "ALTER TABLE usher_nodes ADD COLUMN IF NOT EXISTS draining boolean NOT NULL DEFAULT false;"
                                   "ALTER TABLE usher_nodes ADD COLUMN IF NOT EXISTS life text NOT NULL DEFAULT '';"
                                   "COMMIT";

constexpr const char* kUpsertSql
    = "INSERT INTO usher_nodes (node_id, url, lock_pid, life) VALUES ($1, $2, pg_backend_pid(), $3)"
      " ON CONFLICT (node_id) DO UPDATE SET url = excluded.url,"
      " lock_pid = excluded.lock_pid, life = excluded.life, heartbeat = now()";

// Is another live session registered under this node id?
constexpr const char* kInUseSql = "SELECT 1 FROM usher_nodes n JOIN pg_stat_activity a ON a.pid = n.lock_pid"
                                  " WHERE n.node_id = $1 AND a.pid <> pg_backend_pid()";

// Advisory locks on one bigint show in pg_locks as classid = high 32 bits, objid = low 32 bits,
// objsubid = 1. A lock held by a session that is not a registered node still counts as held.
constexpr const char* kHoldersSql
    = "SELECT ((l.classid::bigint << 32) | l.objid::bigint)::text, coalesce(n.node_id, ''), coalesce(n.url, ''),"
      " (l.pid = pg_backend_pid())::text"
      " FROM pg_locks l LEFT JOIN usher_nodes n ON n.lock_pid = l.pid"
      " WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.granted"
      " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";

// The live nodes: registered, with their ownership session still connected and a fresh heartbeat.
constexpr const char* kMembersSql
    = "SELECT n.node_id, n.url, n.draining::text, (n.lock_pid = pg_backend_pid())::text FROM usher_nodes n"
      " JOIN pg_stat_activity a ON a.pid = n.lock_pid"
      " WHERE n.heartbeat >= now() - make_interval(secs => $1::float8) ORDER BY n.node_id";

constexpr const char* kFenceSql
    = "SELECT DISTINCT n.node_id, pg_terminate_backend(a.pid)::text FROM usher_nodes n"
      " JOIN pg_stat_activity a ON (a.pid = n.lock_pid OR a.application_name = 'usherd/' || n.node_id || '/' || n.life"
      "                             OR (n.life = '' AND a.application_name = 'usherd/' || n.node_id))"
      " WHERE n.node_id <> $1 AND n.heartbeat < now() - make_interval(secs => $2::float8)"
      " AND a.pid <> pg_backend_pid()";

std::string trimmed(const char* text)
{
    std::string s = text ? text : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}

struct Result {
    PGresult* result = nullptr;
    ~Result() { PQclear(result); }
    explicit operator bool() const
    {
        const ExecStatusType status = PQresultStatus(result);
        return result != nullptr && (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK);
    }
};

} // namespace

PgOwnership::PgOwnership(const PgOwnershipOptions& options)
    : m_options(options)
{
}

PgOwnership::~PgOwnership()
{
    close();
}

bool PgOwnership::validNodeId(const std::string& id)
{
    if (id.empty() || id.size() > 63)
        return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
            || c == '-';
    });
}

std::unique_ptr<PgOwnership> PgOwnership::open(const PgOwnershipOptions& options, std::string* error)
{
    if (!validNodeId(options.nodeId)) {
        *error = "invalid node id '" + options.nodeId + "' (1 to 63 of A-Z a-z 0-9 . _ -)";
        return nullptr;
    }
    std::unique_ptr<PgOwnership> ownership(new PgOwnership(options));
    if (!ownership->connect(error))
        return nullptr;
    return ownership;
}

bool PgOwnership::connect(std::string* error)
{
    close();
    const std::string timeout = std::to_string(std::max(1, m_options.connectTimeoutSeconds));
    const std::string name = "usherd-ownership/" + m_options.nodeId;
    // Keepalives: a server that vanishes from the network is noticed within seconds, not hours.
    const char* keywords[] = { "connect_timeout", "application_name", "keepalives", "keepalives_idle",
                               "keepalives_interval", "keepalives_count", "dbname", nullptr };
    const char* values[]
        = { timeout.c_str(), name.c_str(), "1", "5", "2", "2", m_options.conninfo.c_str(), nullptr };
    m_conn = PQconnectdbParams(keywords, values, 1);
    const std::string where = "PostgreSQL " + PgStorage::redacted(m_options.conninfo);
    if (m_conn == nullptr || PQstatus(m_conn) != CONNECTION_OK) {
        *error = "ownership session: cannot connect to " + where + ": "
            + (m_conn ? trimmed(PQerrorMessage(m_conn)) : std::string("out of memory"));
        close();
        return false;
    }
    m_pid = PQbackendPID(m_conn);
    {
        Result created { PQexec(m_conn, kCreateSql) };
        if (!created)
            return fail("cannot create usher_nodes", error);
    }
    {
        Result timeoutSet { PQexec(m_conn, "SET statement_timeout = 5000") };
        if (!timeoutSet)
            return fail("cannot set statement_timeout", error);
    }
    // A node restarted right after a SIGKILL: its old session may take a moment to end.
    const char* params[]
        = { m_options.nodeId.c_str(), m_options.advertiseUrl.c_str(), PgStorage::processLife().c_str() };
    for (int attempt = 0;; ++attempt) {
        Result inUse { PQexecParams(m_conn, kInUseSql, 1, nullptr, params, nullptr, nullptr, 0) };
        if (!inUse)
            return fail("cannot look up the node id", error);
        if (PQntuples(inUse.result) == 0)
            break;
        if (attempt == 50) {
            *error = "node id '" + m_options.nodeId + "' is in use by a running node";
            close();
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    Result registered { PQexecParams(m_conn, kUpsertSql, 3, nullptr, params, nullptr, nullptr, 0) };
    if (!registered)
        return fail("cannot register the node", error);
    return true;
}

bool PgOwnership::fail(const char* context, std::string* error)
{
    *error = std::string("ownership session: ") + context + ": " + trimmed(m_conn ? PQerrorMessage(m_conn) : "");
    if (m_conn != nullptr && PQstatus(m_conn) != CONNECTION_OK)
        close(); // the session is gone, and its locks with it
    return false;
}

bool PgOwnership::connected() const
{
    return m_conn != nullptr && PQstatus(m_conn) == CONNECTION_OK;
}

bool PgOwnership::reconnect(std::string* error)
{
    return connect(error);
}

void PgOwnership::close()
{
    if (m_conn != nullptr)
        PQfinish(m_conn);
    m_conn = nullptr;
    m_pid = 0;
}

bool PgOwnership::heartbeat(std::string* error)
{
    if (!connected()) {
        *error = "ownership session: not connected";
        return false;
    }
    const char* params[]
        = { m_options.nodeId.c_str(), m_options.advertiseUrl.c_str(), PgStorage::processLife().c_str() };
    Result result { PQexecParams(m_conn, kUpsertSql, 3, nullptr, params, nullptr, nullptr, 0) };
    if (!result)
        return fail("heartbeat failed", error);
    return true;
}

bool PgOwnership::tryLock(EventId event, bool* acquired, std::string* error)
{
    *acquired = false;
    if (!connected()) {
        *error = "ownership session: not connected";
        return false;
    }
    const std::string id = std::to_string(std::int64_t(event));
    const char* params[] = { id.c_str() };
    Result result { PQexecParams(m_conn, "SELECT pg_try_advisory_lock($1::bigint)::text", 1, nullptr, params, nullptr,
                                 nullptr, 0) };
    if (!result || PQntuples(result.result) != 1)
        return fail("pg_try_advisory_lock failed", error);
    *acquired = std::string(PQgetvalue(result.result, 0, 0)) == "true";
    return true;
}

bool PgOwnership::unlock(EventId event, std::string* error)
{
    if (!connected()) {
        *error = "ownership session: not connected";
        return false;
    }
    const std::string id = std::to_string(std::int64_t(event));
    const char* params[] = { id.c_str() };
    // A session may hold the same lock more than once (tryLock on a held lock): release them all.
    for (int i = 0; i < 64; ++i) {
        Result result { PQexecParams(m_conn, "SELECT pg_advisory_unlock($1::bigint)::text", 1, nullptr, params,
                                     nullptr, nullptr, 0) };
        if (!result || PQntuples(result.result) != 1)
            return fail("pg_advisory_unlock failed", error);
        if (std::string(PQgetvalue(result.result, 0, 0)) != "true")
            break;
    }
    return true;
}

bool PgOwnership::survey(double liveSeconds, Survey* out, std::string* error)
{
    *out = Survey {};
    std::vector<EventId>* events = &out->events;
    std::map<EventId, EventHolder>* holders = &out->holders;
    if (!connected()) {
        *error = "ownership session: not connected";
        return false;
    }
    {
        Result result { PQexec(m_conn, "SELECT id::text FROM events ORDER BY id") };
        if (!result)
            return fail("cannot list the events", error);
        for (int row = 0; row < PQntuples(result.result); ++row)
            events->push_back(EventId(std::stoll(PQgetvalue(result.result, row, 0))));
    }
    Result result { PQexec(m_conn, kHoldersSql) };
    if (!result)
        return fail("cannot read pg_locks", error);
    for (int row = 0; row < PQntuples(result.result); ++row) {
        EventHolder holder;
        holder.nodeId = PQgetvalue(result.result, row, 1);
        holder.url = PQgetvalue(result.result, row, 2);
        holder.mine = std::string(PQgetvalue(result.result, row, 3)) == "true";
        (*holders)[EventId(std::stoll(PQgetvalue(result.result, row, 0)))] = std::move(holder);
    }
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.3f", liveSeconds);
    const char* params[] = { seconds };
    Result members { PQexecParams(m_conn, kMembersSql, 1, nullptr, params, nullptr, nullptr, 0) };
    if (!members)
        return fail("cannot read the live nodes", error);
    for (int row = 0; row < PQntuples(members.result); ++row) {
        NodeMember member;
        member.nodeId = PQgetvalue(members.result, row, 0);
        member.url = PQgetvalue(members.result, row, 1);
        member.draining = std::string(PQgetvalue(members.result, row, 2)) == "true";
        if (std::string(PQgetvalue(members.result, row, 3)) == "true")
            out->selfDraining = member.draining;
        out->members.push_back(std::move(member));
    }
    return true;
}

bool PgOwnership::readSpecs(const std::vector<EventId>& ids, std::vector<EventSpec>* specs, std::string* error)
{
    specs->clear();
    if (!connected()) {
        *error = "ownership session: not connected";
        return false;
    }
    std::string array = "{";
    for (EventId id : ids)
        array += (array.size() > 1 ? "," : "") + std::to_string(std::int64_t(id));
    array += "}";
    const char* params[] = { array.c_str() };
    // The column PgStorage writes (its SelectEvents reads the same): one query for every event taken.
    Result result { PQexecParams(m_conn, "SELECT id::text, spec_json FROM events WHERE id = ANY($1::bigint[]) ORDER BY id",
                                 1, nullptr, params, nullptr, nullptr, 0) };
    if (!result)
        return fail("cannot read the event specs", error);
    for (int row = 0; row < PQntuples(result.result); ++row) {
        const EventId id = EventId(std::stoll(PQgetvalue(result.result, row, 0)));
        const char* json = PQgetvalue(result.result, row, 1);
        EventSpec spec;
        std::string why;
        if (!eventSpecFromJson(QByteArray::fromRawData(json, PQgetlength(result.result, row, 1)), &spec, &why) || spec.id != id) {
            *error = "the stored spec of event " + std::to_string(id) + " is corrupt: "
                + (why.empty() ? "it names event " + std::to_string(spec.id) : why);
            return false;
        }
        specs->push_back(std::move(spec));
    }
    return true;
}

bool PgOwnership::setDraining(bool draining, std::string* error)
{
    if (!connected()) {
        *error = "ownership session: not connected";
        return false;
    }
    const char* params[] = { m_options.nodeId.c_str(), draining ? "true" : "false" };
    Result result { PQexecParams(m_conn, "UPDATE usher_nodes SET draining = $2::boolean WHERE node_id = $1", 2, nullptr,
                                 params, nullptr, nullptr, 0) };
    if (!result)
        return fail("cannot set the drain flag", error);
    return true;
}

bool PgOwnership::requestDrain(const std::string& conninfo, const std::string& nodeId, bool draining,
                               std::int64_t* ownedEvents, std::string* error)
{
    *ownedEvents = -1;
    if (!validNodeId(nodeId)) {
        *error = "invalid node id '" + nodeId + "'";
        return false;
    }
    PGconn* conn = PQconnectdb(conninfo.c_str());
    const auto finish = [&conn] { PQfinish(conn); };
    if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) {
        *error = "cannot connect to PostgreSQL " + PgStorage::redacted(conninfo) + ": "
            + (conn ? trimmed(PQerrorMessage(conn)) : std::string("out of memory"));
        finish();
        return false;
    }
    const char* params[] = { nodeId.c_str(), draining ? "true" : "false" };
    Result updated { PQexecParams(conn, "UPDATE usher_nodes SET draining = $2::boolean WHERE node_id = $1", 2, nullptr,
                                  params, nullptr, nullptr, 0) };
    if (!updated || std::string(PQcmdTuples(updated.result)) != "1") {
        *error = updated ? "no node '" + nodeId + "' is registered" : trimmed(PQerrorMessage(conn));
        finish();
        return false;
    }
    Result owned { PQexecParams(conn,
                                "SELECT count(*)::text FROM pg_locks l JOIN usher_nodes n ON n.lock_pid = l.pid"
                                " WHERE n.node_id = $1 AND l.locktype = 'advisory' AND l.objsubid = 1 AND l.granted",
                                1, nullptr, params, nullptr, nullptr, 0) };
    if (!owned) {
        *error = trimmed(PQerrorMessage(conn));
        finish();
        return false;
    }
    *ownedEvents = std::stoll(PQgetvalue(owned.result, 0, 0));
    finish();
    return true;
}

bool PgOwnership::fenceStale(double staleSeconds, std::vector<std::string>* fenced, std::string* error)
{
    fenced->clear();
    if (!connected()) {
        *error = "ownership session: not connected";
        return false;
    }
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.3f", staleSeconds);
    const char* params[] = { m_options.nodeId.c_str(), seconds };
    Result result { PQexecParams(m_conn, kFenceSql, 2, nullptr, params, nullptr, nullptr, 0) };
    if (!result)
        return fail("cannot fence stale nodes", error);
    for (int row = 0; row < PQntuples(result.result); ++row) {
        const std::string node = PQgetvalue(result.result, row, 0);
        if (std::find(fenced->begin(), fenced->end(), node) == fenced->end())
            fenced->push_back(node);
    }
    return true;
}

bool PgOwnership::deregister(std::string* error)
{
    if (!connected())
        return true;
    const char* params[] = { m_options.nodeId.c_str() };
    Result result { PQexecParams(m_conn, "DELETE FROM usher_nodes WHERE node_id = $1 AND lock_pid = pg_backend_pid()", 1,
                                 nullptr, params, nullptr, nullptr, 0) };
    if (!result)
        return fail("cannot deregister", error);
    return true;
}

} // namespace usher
