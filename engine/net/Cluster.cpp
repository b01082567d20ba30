#include "net/Cluster.h"

#include "net/Log.h"
#include "pgstore/PgOwnership.h"
#include "net/ApiSupport.h"

#include <algorithm>
#include <chrono>

namespace usher::net {

std::unique_ptr<ClusterNode> ClusterNode::open(const ClusterOptions& options, Engine& engine, std::string* error)
{
    if (options.failoverTimeoutMs < 400) {
        *error = "the failover timeout must be at least 0.4 s";
        return nullptr;
    }
    PgOwnershipOptions pg;
    pg.conninfo = options.conninfo;
    pg.nodeId = options.nodeId;
    pg.advertiseUrl = options.advertiseUrl;
    std::unique_ptr<PgOwnership> db = PgOwnership::open(pg, error);
    if (!db)
        return nullptr;
    return std::unique_ptr<ClusterNode>(new ClusterNode(options, engine, std::move(db)));
}

ClusterNode::ClusterNode(const ClusterOptions& options, Engine& engine, std::unique_ptr<PgOwnership> db)
    : m_options(options)
    , m_engine(engine)
    , m_db(std::move(db))
    , m_pollMs(std::clamp<std::int64_t>(options.failoverTimeoutMs / 4, 100, 1000))
{
}

ClusterNode::~ClusterNode()
{
    stopPolling();
    release();
}

bool ClusterNode::claimOrphans(std::size_t* storedEvents, std::string* error)
{
    const bool ok = pollOnce(true, error);
    std::shared_lock lock(m_mutex);
    *storedEvents = m_storedEvents;
    return ok;
}

void ClusterNode::setAdvertiseUrl(const std::string& url)
{
    m_db->setAdvertiseUrl(url);
    std::string error;
    if (!m_db->heartbeat(&error))
        loseAll(error);
}

void ClusterNode::start(std::function<void(EventShard*)> loaded)
{
    m_loaded = std::move(loaded);
    m_thread = std::thread([this] { run(); });
}

void ClusterNode::stopPolling()
{
    {
        std::lock_guard lock(m_stopMutex);
        m_stopping = true;
    }
    m_stopWake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void ClusterNode::release()
{
    if (!m_db)
        return;
    std::string error;
    if (!m_db->deregister(&error))
        LogLine(LogLevel::Warn, "cluster: cannot deregister the node").str("error", error);
    m_db->close();
    std::unique_lock lock(m_mutex);
    for (auto& [id, entry] : m_entries)
        if (entry.mine) {
            entry.mine = false;
            entry.lost = true;
        }
}

OwnerRoute ClusterNode::route(EventId event, std::string* ownerUrl) const
{
    std::shared_lock lock(m_mutex);
    const auto it = m_entries.find(event);
    if (it == m_entries.end() || it->second.mine)
        return OwnerRoute::Serve;
    if (it->second.url.empty())
        return OwnerRoute::Unavailable;
    *ownerUrl = it->second.url;
    return OwnerRoute::Redirect;
}

std::vector<EventId> ClusterNode::owned() const
{
    std::shared_lock lock(m_mutex);
    std::vector<EventId> ids;
    for (const auto& [id, entry] : m_entries)
        if (entry.mine)
            ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

void ClusterNode::run()
{
    std::int64_t failingSinceMs = 0;
    for (;;) {
        {
            std::unique_lock lock(m_stopMutex);
            if (m_stopWake.wait_for(lock, std::chrono::milliseconds(m_pollMs), [this] { return m_stopping; }))
                return;
        }
        std::string error;
        if (pollOnce(false, &error)) {
            failingSinceMs = 0;
            continue;
        }
        // Logged once per failure streak, then every 10 s.
        const std::int64_t now = steadyNowNs() / 1'000'000;
        if (failingSinceMs == 0 || now - failingSinceMs > 10'000) {
            LogLine(LogLevel::Error, "cluster: ownership session failed").str("error", error);
            failingSinceMs = now;
        }
    }
}

void ClusterNode::loseAll(const std::string& reason)
{
    // Closing the session releases whatever locks it still holds: the events are then either
    // served here or taken by another node, never held by a node that no longer serves them.
    m_db->close();
    std::vector<EventId> lost;
    {
        std::unique_lock lock(m_mutex);
        for (auto& [id, entry] : m_entries) {
            if (!entry.mine)
                continue;
            entry.mine = false;
            entry.lost = true;
            entry.url.clear();
            lost.push_back(id);
        }
    }
    if (!lost.empty())
        LogLine(LogLevel::Error, "cluster: the ownership session is gone; this node stops serving its events")
            .num("events", std::int64_t(lost.size()))
            .str("reason", reason);
}

bool ClusterNode::pollOnce(bool startup, std::string* error)
{
    if (!m_db->connected()) {
        if (!m_db->reconnect(error))
            return false;
        LogLine(LogLevel::Info, "cluster: ownership session reopened");
    }
    if (!m_db->heartbeat(error)) {
        loseAll(*error);
        return false;
    }
    std::vector<std::string> fenced;
    if (!m_db->fenceStale(double(m_options.failoverTimeoutMs) / 1000.0, &fenced, error)) {
        loseAll(*error);
        return false;
    }
    for (const std::string& node : fenced)
        LogLine(LogLevel::Warn, "cluster: terminated the sessions of a node whose heartbeat is stale")
            .str("node", node);
    std::vector<EventId> events;
    std::map<EventId, EventHolder> holders;
    if (!m_db->survey(&events, &holders, error)) {
        loseAll(*error);
        return false;
    }
    std::vector<EventId> toTake;
    std::vector<EventId> lostNow;
    {
        std::unique_lock lock(m_mutex);
        m_storedEvents = events.size();
        for (EventId id : events) {
            Entry& entry = m_entries[id];
            const auto holder = holders.find(id);
            const bool heldHere = holder != holders.end() && holder->second.mine;
            if (heldHere) {
                entry.orphanPolls = 0;
                if (!entry.mine && !entry.lost)
                    toTake.push_back(id); // locked but not loaded yet (a load that failed)
                continue;
            }
            if (entry.mine) { // believed ours, but the session does not hold it: never again here
                entry.mine = false;
                entry.lost = true;
                lostNow.push_back(id);
            }
            if (holder != holders.end()) {
                entry.url = holder->second.url;
                entry.orphanPolls = 0;
                continue;
            }
            entry.url.clear();
            if (entry.lost)
                continue;
            ++entry.orphanPolls;
            // An orphan seen twice in a row is taken; at start-up, and for an event this node has
            // just created (POST /api/events), at once.
            if (startup || entry.orphanPolls >= 2 || m_engine.event(id) != nullptr)
                toTake.push_back(id);
        }
    }
    for (EventId id : lostNow)
        LogLine(LogLevel::Error, "cluster: lost an event; this node stops serving it").num("event", std::int64_t(id));
    for (EventId id : toTake) {
        take(id, startup);
        // A heartbeat after each load: loading several events must not make this node look hung
        // to the others (they would fence it).
        if (!m_db->connected() || !m_db->heartbeat(error)) {
            *error = "the ownership session broke while taking events: " + *error;
            loseAll(*error);
            return false;
        }
    }
    return true;
}

void ClusterNode::take(EventId id, bool startup)
{
    std::string error;
    bool acquired = false;
    if (!m_db->tryLock(id, &acquired, &error) || !acquired)
        return; // another node was quicker (or the session broke: the caller sees it)
    const std::int64_t started = steadyNowNs();
    const bool wasLoaded = m_engine.event(id) != nullptr;
    EventShard* shard = nullptr;
    const Status status = m_engine.loadEvent(id, &shard, &error);
    if (status != Status::Ok) {
        LogLine(LogLevel::Error, "cluster: cannot load an event it owns; releasing it")
            .num("event", std::int64_t(id))
            .str("error", error);
        std::string unlockError;
        m_db->unlock(id, &unlockError);
        return;
    }
    if (!wasLoaded && !startup && m_loaded)
        m_loaded(shard); // the API serves it from here
    {
        std::unique_lock lock(m_mutex);
        Entry& entry = m_entries[id];
        entry.mine = true;
        entry.orphanPolls = 0;
        entry.url.clear();
    }
    LogLine(LogLevel::Info, startup ? "cluster: owns event" : "cluster: took over event")
        .num("event", std::int64_t(id))
        .real("loadSeconds", double(steadyNowNs() - started) / 1e9);
}

} // namespace usher::net
