#include "net/Cluster.h"

#include "net/ApiSupport.h"
#include "net/ClusterFeed.h"
#include "net/Log.h"
#include "core/Mix64.h"
#include "pgstore/PgOwnership.h"
#include "pgstore/PgStorage.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <pthread.h>
#include <thread>

namespace usher::net {

namespace {

constexpr std::int64_t kFastPollMs = 50;
constexpr int kOrphanPollsAnyNode = 3; // regular polls; then any node takes an orphan, preferred or not
constexpr int kLivePollsBeforeHandOver = 2;
// A request redirected this many times is not redirected again before its deadline: it waits.
constexpr int kHopsRedirectMax = 3;
// The parking thread looks at the parked requests at least this often.
constexpr std::int64_t kParkTickMs = 100;

} // namespace

std::uint64_t HashRing::hash(std::string_view text)
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : text) {
        h ^= std::uint8_t(c);
        h *= 0x100000001b3ULL;
    }
    return mix64(h);
}

HashRing::HashRing(const std::vector<std::string>& nodes)
{
    for (const std::string& node : nodes)
        for (int i = 0; i < kVirtualShardsPerNode; ++i)
            m_points.emplace_back(hash(node + "#" + std::to_string(i)), node);
    std::sort(m_points.begin(), m_points.end());
}

const std::string& HashRing::owner(EventId event) const
{
    static const std::string none;
    if (m_points.empty())
        return none;
    const std::uint64_t h = mix64(std::uint64_t(event) ^ 0x9e3779b97f4a7c15ULL);
    auto it = std::lower_bound(m_points.begin(), m_points.end(), h,
                               [](const auto& point, std::uint64_t value) { return point.first < value; });
    if (it == m_points.end())
        it = m_points.begin();
    return it->second;
}

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
    {
        std::lock_guard lock(m_parkMutex);
        m_parkRunning = true;
    }
    m_parkThread = std::thread([this] { runParking(); });
    m_thread = std::thread([this] { run(); });
}

void ClusterNode::stopPolling()
{
    stopParking();
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
    {
        std::unique_lock lock(m_mutex);
        for (auto& [id, entry] : m_entries) {
            entry.mine = false;
            entry.incoming = false;
        }
    }
    wakeParked();
}

OwnerRoute ClusterNode::route(EventId event, std::string* ownerUrl) const
{
    const std::int64_t receivedNs = steadyNowNs();
    std::shared_lock lock(m_mutex);
    OwnerRoute route = decideLocked(event, 0, receivedNs, ownerUrl);
    if (route != OwnerRoute::Wait)
        return route;
    m_served.wait_for(lock, std::chrono::milliseconds(kIncomingWaitMs),
                      [&] { return decideLocked(event, 0, receivedNs, ownerUrl) != OwnerRoute::Wait; });
    route = decideLocked(event, 0, receivedNs, ownerUrl);
    if (route == OwnerRoute::Wait)
        return ownerUrl->empty() ? OwnerRoute::Unavailable : OwnerRoute::Redirect;
    return route;
}

OwnerRoute ClusterNode::admit(EventId event, int hops, std::int64_t receivedNs, std::string* ownerUrl) const
{
    std::shared_lock lock(m_mutex);
    return decideLocked(event, hops, receivedNs, ownerUrl);
}

// The rules at the top of this file. *ownerUrl gets the best URL known, even for Wait.
OwnerRoute ClusterNode::decideLocked(EventId event, int hops, std::int64_t receivedNs, std::string* ownerUrl) const
{
    const auto it = m_entries.find(event);
    if (it == m_entries.end() || it->second.mine)
        return OwnerRoute::Serve;
    const Entry& entry = it->second;
    *ownerUrl = entry.url;
    if (entry.incoming)
        return OwnerRoute::Wait;
    if (entry.url.empty())
        return OwnerRoute::Unavailable; // lost, or no live node at all
    if (hops >= kHopsRedirectMax)
        return OwnerRoute::Wait;
    switch (entry.from) {
    case UrlFrom::HandOver:
        return OwnerRoute::Redirect;
    case UrlFrom::Holder:
        return hops == 0 || m_surveyNs > receivedNs ? OwnerRoute::Redirect : OwnerRoute::Wait;
    case UrlFrom::Preferred:
    case UrlFrom::None:
        break;
    }
    return hops == 0 ? OwnerRoute::Redirect : OwnerRoute::Wait;
}

bool ClusterNode::park(EventId event, int hops, std::int64_t receivedNs, ParkedAnswer answer) const
{
    {
        std::lock_guard lock(m_parkMutex);
        if (!m_parkRunning || m_parked.size() >= kParkedMax)
            return false;
        m_parked.push_back(Parked { event, hops, receivedNs, std::move(answer) });
        m_parkChanged = true; // the entry may have changed since admit()
    }
    m_parkWake.notify_one();
    return true;
}

bool ClusterNode::followed(EventId event) const
{
    return m_feed != nullptr && m_feed->followed(event);
}

void ClusterNode::wakeParked() const
{
    {
        std::lock_guard lock(m_parkMutex);
        m_parkChanged = true;
    }
    m_parkWake.notify_one();
}

// The parking thread: answers each parked request once its route is no longer Wait, or at its
// deadline (then 307 to the owner known, or 503). Answers run here, outside every lock: a Serve
// dispatches the request again (ApiService), which only submits to the shard.
void ClusterNode::runParking()
{
    pthread_setname_np(pthread_self(), "usher-park");
    std::unique_lock lock(m_parkMutex);
    for (;;) {
        if (!m_parkChanged && !m_parkStopping) {
            std::int64_t waitNs = kParkTickMs * 1'000'000;
            const std::int64_t now = steadyNowNs();
            for (const Parked& parked : m_parked)
                waitNs = std::min(waitNs, std::max<std::int64_t>(0, parked.receivedNs + kParkMs * 1'000'000 - now));
            m_parkWake.wait_for(lock, std::chrono::nanoseconds(waitNs), [this] { return m_parkChanged || m_parkStopping; });
        }
        const bool stopping = m_parkStopping;
        m_parkChanged = false;
        std::deque<Parked> looking;
        looking.swap(m_parked);
        lock.unlock();
        std::vector<std::pair<Parked, std::pair<OwnerRoute, std::string>>> answers;
        std::deque<Parked> waiting;
        {
            const std::int64_t now = steadyNowNs();
            std::shared_lock entries(m_mutex);
            for (Parked& parked : looking) {
                std::string url;
                OwnerRoute route = decideLocked(parked.event, parked.hops, parked.receivedNs, &url);
                if (route == OwnerRoute::Wait && (stopping || now >= parked.receivedNs + kParkMs * 1'000'000))
                    route = url.empty() ? OwnerRoute::Unavailable : OwnerRoute::Redirect;
                if (route == OwnerRoute::Wait)
                    waiting.push_back(std::move(parked));
                else
                    answers.emplace_back(std::move(parked), std::make_pair(route, std::move(url)));
            }
        }
        for (auto& [parked, answer] : answers)
            parked.answer(answer.first, answer.second);
        lock.lock();
        for (Parked& parked : waiting)
            m_parked.push_back(std::move(parked));
        if (stopping && m_parked.empty())
            return;
    }
}

// Answers every parked request (307 or 503) and ends the parking thread; park() refuses from here.
void ClusterNode::stopParking()
{
    {
        std::lock_guard lock(m_parkMutex);
        m_parkRunning = false;
        m_parkStopping = true;
    }
    m_parkWake.notify_one();
    if (m_parkThread.joinable())
        m_parkThread.join();
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

bool ClusterNode::setDraining(bool draining, std::string* error)
{
    return m_db->setDraining(draining, error);
}

std::int64_t ClusterNode::nextWaitMs() const
{
    bool parked = false;
    {
        std::lock_guard lock(m_parkMutex);
        parked = !m_parked.empty(); // some wait for a survey newer than themselves
    }
    return m_fastPoll.load() || parked ? std::min(kFastPollMs, m_pollMs) : m_pollMs;
}

void ClusterNode::run()
{
    pthread_setname_np(pthread_self(), "usher-cluster");
    openLoaders(std::size_t(std::max(1, m_options.loadersMax)));
    std::int64_t failingSinceMs = 0;
    for (;;) {
        {
            std::unique_lock lock(m_stopMutex);
            if (m_stopWake.wait_for(lock, std::chrono::milliseconds(nextWaitMs()), [this] { return m_stopping; }))
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

// The shard refuses commands from here on, and the hub's view of the event follows the new owner.
void ClusterNode::stopServing(EventId id, EventShard& shard)
{
    shard.suspend();
    if (m_feed != nullptr)
        m_feed->handedOver(id, shard);
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
            entry.incoming = false;
            if (!entry.mine)
                continue;
            entry.mine = false;
            entry.url.clear();
            entry.from = UrlFrom::None;
            lost.push_back(id);
        }
    }
    m_served.notify_all();
    wakeParked();
    for (EventId id : lost)
        if (EventShard* shard = m_engine.event(id))
            stopServing(id, *shard);
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
    const double staleSeconds = double(m_options.failoverTimeoutMs) / 1000.0;
    if (!m_db->fenceStale(staleSeconds, &fenced, error)) {
        loseAll(*error);
        return false;
    }
    for (const std::string& node : fenced)
        LogLine(LogLevel::Warn, "cluster: terminated the sessions of a node whose heartbeat is stale")
            .str("node", node);
    Survey survey;
    const std::int64_t surveyNs = steadyNowNs();
    if (!m_db->survey(staleSeconds, &survey, error)) {
        loseAll(*error);
        return false;
    }
    const Plan todo = plan(survey, surveyNs);
    for (EventId id : todo.lostNow) {
        if (EventShard* shard = m_engine.event(id))
            stopServing(id, *shard);
        LogLine(LogLevel::Error, "cluster: lost an event; this node stops serving it").num("event", std::int64_t(id));
    }
    if (!todo.take.empty() && !takeAll(todo.take, startup, error)) {
        loseAll(*error);
        return false;
    }
    if (!todo.handOver.empty() && !handOver(todo.handOver, error)) {
        loseAll(*error);
        return false;
    }
    return true;
}

// Decides, from one survey, what to take, what to hand over and what was lost; updates the entries
// (owners' URLs, incoming flags) and the membership counters.
ClusterNode::Plan ClusterNode::plan(const Survey& survey, std::int64_t surveyNs)
{
    const std::int64_t nowNs = steadyNowNs();
    const bool drainingNow = survey.selfDraining;
    if (drainingNow && m_drainSeenNs == 0) {
        m_drainSeenNs = nowNs;
        LogLine(LogLevel::Info, "cluster: draining: handing every event over").str("node", m_options.nodeId);
    } else if (!drainingNow && m_drainSeenNs != 0) {
        m_drainSeenNs = 0;
        LogLine(LogLevel::Info, "cluster: no longer draining").str("node", m_options.nodeId);
    }
    m_draining.store(drainingNow);
    // Hand over only once every node has polled since the drain began (so they expect the events).
    const bool drainDue = drainingNow && nowNs - m_drainSeenNs > (m_pollMs + 100) * 1'000'000;

    std::map<std::string, int> livePolls;
    std::map<std::string, std::string> urls;
    std::vector<std::string> ring;
    for (const NodeMember& member : survey.members) {
        urls[member.nodeId] = member.url;
        if (member.nodeId == m_options.nodeId ? drainingNow : (member.draining || member.url.empty()))
            continue;
        ring.push_back(member.nodeId);
        // Polls in a row that saw the node ready for events: the hand-over waits for two, so that
        // the node has polled too (and expects them) before its events come.
        const auto before = m_livePolls.find(member.nodeId);
        livePolls[member.nodeId] = (before == m_livePolls.end() ? 0 : before->second) + 1;
    }
    m_livePolls = std::move(livePolls);
    const HashRing hashRing(ring);

    Plan todo;
    bool expecting = false;
    std::unique_lock lock(m_mutex);
    m_storedEvents = survey.events.size();
    m_surveyNs = surveyNs;
    for (EventId id : survey.events) {
        const bool seenBefore = m_entries.find(id) != m_entries.end();
        Entry& entry = m_entries[id];
        const std::string& preferred = hashRing.owner(id);
        const bool preferredHere = preferred == m_options.nodeId;
        const auto holder = survey.holders.find(id);
        const bool heldHere = holder != survey.holders.end() && holder->second.mine;
        entry.incoming = preferredHere && !heldHere;
        expecting = expecting || entry.incoming;
        if (heldHere) {
            entry.orphanSinceNs = 0;
            if (!entry.mine) {
                todo.take.push_back(id); // locked but not loaded yet (a load that failed)
                continue;
            }
            const bool preferredReady = !preferred.empty() && !preferredHere
                && m_livePolls[preferred] >= kLivePollsBeforeHandOver && !urls[preferred].empty();
            if (entry.mine && preferredReady && (!drainingNow || drainDue))
                todo.handOver.emplace_back(id, urls[preferred]);
            continue;
        }
        if (entry.mine) { // believed ours, but the session does not hold it
            entry.mine = false;
            entry.from = UrlFrom::None;
            todo.lostNow.push_back(id);
        }
        if (holder != survey.holders.end()) {
            entry.url = holder->second.url;
            entry.from = entry.url.empty() ? UrlFrom::None : UrlFrom::Holder;
            entry.orphanSinceNs = 0;
            continue;
        }
        if (entry.orphanSinceNs == 0)
            entry.orphanSinceNs = nowNs;
        const bool orphanLong = nowNs - entry.orphanSinceNs >= kOrphanPollsAnyNode * m_pollMs * 1'000'000;
        // Just handed over by this node: the new owner is about to take it; until then (or until
        // the orphan is old) requests still go there. Otherwise the ring's guess.
        if (entry.from != UrlFrom::HandOver || entry.url.empty() || orphanLong) {
            entry.url = preferred.empty() || preferredHere ? std::string() : urls[preferred];
            entry.from = entry.url.empty() ? UrlFrom::None : UrlFrom::Preferred;
        }
        if (drainingNow)
            continue;
        // Orphans that prefer this node are taken at once, and so are events it has just created
        // (POST /api/events: handed over later if they prefer another node); any orphan once it has
        // stayed one for a few polls, whoever it prefers.
        const bool createdHere = !seenBefore && m_engine.event(id) != nullptr;
        if (preferredHere || orphanLong || createdHere)
            todo.take.push_back(id);
    }
    m_fastPoll.store(expecting || (drainingNow && !drainDue));
    lock.unlock();
    m_served.notify_all();
    wakeParked(); // some wait for a survey newer than themselves
    return todo;
}

// The loaders' storage connections, opened ahead (the poller opens them when it starts): a
// take-over does not wait for a connection and its prepared statements.
void ClusterNode::openLoaders(std::size_t count)
{
    while (m_loaders.size() < count) {
        PgStorageOptions pg;
        pg.conninfo = m_options.conninfo;
        pg.applicationName = "usherd/" + m_options.nodeId; // fenced with the node (PgOwnership::fenceStale)
        std::string why;
        std::unique_ptr<PgStorage> storage = PgStorage::open(pg, &why);
        if (!storage) {
            LogLine(LogLevel::Warn, "cluster: cannot open a loader connection").str("error", why);
            return;
        }
        m_loaders.push_back(std::move(storage));
    }
}

// Locks what it can of `ids`, reads their specs in one query, loads them in parallel and serves them.
bool ClusterNode::takeAll(const std::vector<EventId>& ids, bool startup, std::string* error)
{
    std::vector<EventId> locked;
    for (EventId id : ids) {
        bool acquired = false;
        if (!m_db->tryLock(id, &acquired, error))
            return false;
        if (acquired)
            locked.push_back(id); // else another node was quicker
    }
    if (locked.empty())
        return true;
    const std::int64_t started = steadyNowNs();
    std::vector<EventSpec> specs;
    if (!m_db->readSpecs(locked, &specs, error))
        return false;
    std::map<EventId, EventShard*> loaded;
    if (!loadParallel(specs, &loaded, error))
        return false;
    const double seconds = double(steadyNowNs() - started) / 1e9;
    for (EventId id : locked) {
        const auto shard = loaded.find(id);
        if (shard == loaded.end()) {
            if (!m_db->unlock(id, error))
                return false;
            continue;
        }
        serve(id, shard->second, startup, seconds);
    }
    return true;
}

// Loads every spec, up to loadersMax at once, each loader on its own storage connection (opened on
// the first take-over and kept). Heartbeats while it waits: a long load must not make this node
// look hung to the others. *loaded gets the events that loaded (the others are logged).
bool ClusterNode::loadParallel(const std::vector<EventSpec>& specs, std::map<EventId, EventShard*>* loaded,
                               std::string* error)
{
    const std::size_t loaders = std::min<std::size_t>(std::size_t(std::max(1, m_options.loadersMax)), specs.size());
    openLoaders(loaders);
    struct Outcome {
        EventShard* shard = nullptr;
        Status status = Status::Ok;
        std::string error;
    };
    std::vector<Outcome> outcomes(specs.size());
    std::atomic<std::size_t> next { 0 };
    const auto work = [&](Storage* storage) {
        for (std::size_t i = next++; i < specs.size(); i = next++) {
            Outcome& outcome = outcomes[i];
            if (EventShard* running = m_engine.event(specs[i].id)) {
                running->resume(); // handed away earlier: rebuilt from storage before its next batch
                outcome.shard = running;
            } else if (storage != nullptr) {
                outcome.status = m_engine.loadEvent(specs[i], *storage, &outcome.shard, &outcome.error);
            } else {
                outcome.status = m_engine.loadEvent(specs[i].id, &outcome.shard, &outcome.error);
            }
        }
    };
    std::vector<std::future<void>> running;
    if (m_loaders.empty())
        running.push_back(std::async(std::launch::async, work, nullptr));
    for (std::size_t i = 0; i < std::min(loaders, m_loaders.size()); ++i)
        running.push_back(std::async(std::launch::async, work, m_loaders[i].get()));
    bool sessionOk = true;
    for (std::future<void>& done : running)
        while (done.wait_for(std::chrono::milliseconds(m_pollMs)) != std::future_status::ready)
            if (sessionOk && !m_db->heartbeat(error))
                sessionOk = false;
    if (!sessionOk)
        return false;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        if (outcomes[i].status == Status::Ok) {
            (*loaded)[specs[i].id] = outcomes[i].shard;
            continue;
        }
        LogLine(LogLevel::Error, "cluster: cannot load an event it owns; releasing it")
            .num("event", std::int64_t(specs[i].id))
            .str("error", outcomes[i].error);
        if (outcomes[i].status != Status::ShuttingDown)
            m_loaders.clear(); // maybe a broken connection: open fresh ones next time
    }
    return true;
}

void ClusterNode::serve(EventId id, EventShard* shard, bool startup, double seconds)
{
    // The API serves it from here; for an event taken back, the hub's view leaves the feed for the
    // shard (after the follow of its hand-over: both on this thread, so in that order).
    if (!startup && m_loaded)
        m_loaded(shard);
    {
        std::unique_lock lock(m_mutex);
        Entry& entry = m_entries[id];
        entry.mine = true;
        entry.incoming = false;
        entry.orphanSinceNs = 0;
        entry.url.clear();
        entry.from = UrlFrom::None;
    }
    m_served.notify_all();
    wakeParked();
    LogLine(LogLevel::Info, startup ? "cluster: owns event" : "cluster: took over event")
        .num("event", std::int64_t(id))
        .real("loadSeconds", seconds);
}

// Hands events this node owns to their preferred owners: redirect their requests there, let the
// requests already admitted reach the shard, wait until every batch before is durable, suspend the
// shard, and release the lock. The new owner polls fast and takes the events at once.
bool ClusterNode::handOver(const std::vector<std::pair<EventId, std::string>>& events, std::string* error)
{
    {
        std::unique_lock lock(m_mutex);
        for (const auto& [id, url] : events) {
            Entry& entry = m_entries[id];
            entry.mine = false;
            entry.url = url;
            entry.from = UrlFrom::HandOver;
        }
    }
    wakeParked(); // parked requests for them go to the new owner
    // A request that passed the gate just before has not reached the shard yet.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    for (const auto& [id, url] : events) {
        EventShard* shard = m_engine.event(id);
        if (shard == nullptr)
            continue;
        // A command that changes nothing: its answer comes once every batch before it is durable.
        Command barrier;
        barrier.kind = CommandKind::Release;
        barrier.hold = 0;
        shard->execute(std::move(barrier));
        shard->suspend();
        if (!m_db->unlock(id, error))
            return false;
        if (m_feed != nullptr)
            m_feed->handedOver(id, *shard);
        LogLine(LogLevel::Info, "cluster: handed an event over").num("event", std::int64_t(id)).str("to", url);
    }
    return true;
}

int drainCommand(const std::vector<std::string_view>& args)
{
    std::string store;
    std::string node;
    bool undo = false;
    double waitSeconds = 60;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--undo") {
            undo = true;
            continue;
        }
        if (i + 1 >= args.size()) {
            std::fprintf(stderr, "usherd drain: missing value for %s\n", std::string(args[i]).c_str());
            return 1;
        }
        const std::string value(args[++i]);
        if (args[i - 1] == "--store") {
            store = value;
        } else if (args[i - 1] == "--node") {
            node = value;
        } else if (args[i - 1] == "--wait") {
            char* end = nullptr;
            waitSeconds = std::strtod(value.c_str(), &end);
            if (end == value.c_str() || *end != '\0' || waitSeconds < 0 || waitSeconds > 3600) {
                std::fprintf(stderr, "usherd drain: --wait: expected seconds from 0 to 3600, got '%s'\n", value.c_str());
                return 1;
            }
        } else {
            std::fprintf(stderr, "usherd drain: unknown option %s\n", std::string(args[i - 1]).c_str());
            return 1;
        }
    }
    if (store.empty() || node.empty()) {
        std::fprintf(stderr, "usherd drain: expected --store postgresql://... --node ID [--undo] [--wait S]\n");
        return 1;
    }
    const std::int64_t deadlineNs = steadyNowNs() + std::int64_t(waitSeconds * 1e9);
    for (bool first = true;; first = false) {
        std::int64_t owned = 0;
        std::string error;
        // Setting the flag again each round is harmless, and the node may have restarted meanwhile.
        if (!PgOwnership::requestDrain(store, node, !undo, &owned, &error)) {
            std::fprintf(stderr, "usherd drain: %s\n", error.c_str());
            return 1;
        }
        if (first)
            std::printf(undo ? "node %s: drain cancelled; it takes its share of the events back\n"
                             : "node %s: draining\n",
                        node.c_str());
        if (undo || waitSeconds == 0)
            return 0;
        if (owned == 0) {
            std::printf("node %s: drained (it owns no event); stop it now\n", node.c_str());
            return 0;
        }
        if (steadyNowNs() > deadlineNs) {
            std::fprintf(stderr, "usherd drain: node %s still owns %lld events\n", node.c_str(), static_cast<long long>(owned));
            return 1;
        }
        std::fflush(stdout);
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
}

} // namespace usher::net
