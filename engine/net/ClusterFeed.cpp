#include "net/ClusterFeed.h"

#include "core/Assert.h"
#include "net/Log.h"
#include "pgstore/PgNotify.h"
#include "pgstore/PgStorage.h"
#include "runtime/Engine.h"
#include "runtime/LedgerLoader.h"

#include <algorithm>
#include <chrono>
#include <pthread.h>

namespace usher::net {

namespace {

using Clock = std::chrono::steady_clock;
using AreaCounts = std::vector<std::array<std::uint32_t, 3>>;

} // namespace

// One followed event: the ledger rebuilt from the journal (feed thread) and the state the hub
// reads (under `mutex`).
struct ClusterFeed::Follower final : FollowedSource {
    EventId id = 0;
    std::shared_ptr<const EventSpec> eventSpec; // never replaced: the hub keeps the reference
    std::unique_ptr<Ledger> ledger;             // feed thread only; null until loaded (handedOver)
    bool active = true;                         // feed thread only
    bool behind = false;                        // feed thread only: notified of, or failed to read, more
    // Feed thread only: what the batches replayed since the last publication changed (Ledger::replay
    // says), when every one of them was counted; publishChanges() then looks at those seats and
    // areas only, not at every seat of the venue.
    bool changesKnown = false;
    std::vector<SeatIndex> changedSeats;
    std::vector<std::uint32_t> changedAreas;

    mutable std::mutex mutex;
    std::string states;
    AreaCounts areas;
    Seq seq = 0;

    const EventSpec& spec() const override { return *eventSpec; }
    bool readState(std::string* outStates, std::vector<std::array<std::uint32_t, 3>>* outAreas, Seq* outSeq) override
    {
        std::lock_guard lock(mutex);
        *outStates = states;
        *outAreas = areas;
        *outSeq = seq;
        return true;
    }
};

std::unique_ptr<ClusterFeed> ClusterFeed::open(const ClusterFeedOptions& options, Engine& engine, EventHub& hub,
                                               std::function<std::vector<EventId>()> owned, std::string* error)
{
    USHER_ASSERT(error != nullptr && owned);
    std::unique_ptr<ClusterFeed> feed(new ClusterFeed(options, engine, hub, std::move(owned)));
    PgStorageOptions pg;
    pg.conninfo = options.conninfo;
    pg.applicationName = "usherd-feed/" + options.nodeId;
    feed->m_storage = PgStorage::open(pg, error);
    if (!feed->m_storage)
        return nullptr;
    PgListenerOptions listen;
    listen.conninfo = options.conninfo;
    listen.applicationName = "usherd-listen/" + options.nodeId;
    feed->m_listener = std::make_unique<PgListener>(listen);
    return feed;
}

ClusterFeed::ClusterFeed(const ClusterFeedOptions& options, Engine& engine, EventHub& hub,
                         std::function<std::vector<EventId>()> owned)
    : m_options(options)
    , m_engine(engine)
    , m_hub(hub)
    , m_owned(std::move(owned))
{
}

ClusterFeed::~ClusterFeed()
{
    stop();
}

void ClusterFeed::start()
{
    USHER_ASSERT(!m_thread.joinable());
    m_thread = std::thread([this] { run(); });
}

void ClusterFeed::stop()
{
    {
        std::lock_guard lock(m_stopMutex);
        m_stopping = true;
    }
    m_stopWake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void ClusterFeed::handedOver(EventId event, EventShard& shard)
{
    auto follower = std::make_unique<Follower>();
    follower->id = event;
    follower->eventSpec = std::make_shared<const EventSpec>(shard.spec());
    follower->behind = true; // its ledger is loaded by the feed thread
    // The suspended shard's last state: every batch of it is durable (ClusterNode::handOver waits).
    const bool read = shard.read([&follower](const Ledger& ledger) {
        hubStateOf(ledger, &follower->states, &follower->areas);
        follower->seq = ledger.lastSeq();
    });
    if (!read)
        return; // shutting down
    Follower* raw = follower.get();
    {
        std::lock_guard lock(m_handedMutex);
        m_handed.push_back(std::move(follower));
    }
    {
        std::unique_lock lock(m_followedMutex);
        m_followed.insert(event);
    }
    m_hub.follow(event, raw);
    LogLine(LogLevel::Info, "cluster feed: following an event this node handed over")
        .num("event", std::int64_t(event))
        .num("seq", std::int64_t(raw->seq));
}

bool ClusterFeed::followed(EventId event) const
{
    std::shared_lock lock(m_followedMutex);
    return m_followed.count(event) != 0;
}

ClusterFeedStats ClusterFeed::stats() const
{
    std::lock_guard lock(m_statsMutex);
    return m_stats;
}

void ClusterFeed::dropListenSession()
{
    m_dropListen = true;
}

void ClusterFeed::run()
{
    pthread_setname_np(pthread_self(), "usher-feed"); // per-thread CPU (usher-bench pg --http)
    Clock::time_point nextRescan = Clock::now();
    Clock::time_point nextCatchUp = Clock::now() + std::chrono::milliseconds(m_options.catchUpMs);
    bool downLogged = false;
    std::vector<EventChange> changes;
    for (;;) {
        {
            std::unique_lock lock(m_stopMutex);
            if (m_stopping)
                return;
        }
        const Clock::time_point now = Clock::now();
        if (now >= nextRescan) {
            rescan();
            nextRescan = now + std::chrono::milliseconds(m_options.rescanMs);
        }
        if (now >= nextCatchUp) {
            catchUpAll(); // belt and braces: a notification never goes missing unnoticed for long
            nextCatchUp = now + std::chrono::milliseconds(m_options.catchUpMs);
        }
        adoptHanded();
        if (m_dropListen.exchange(false))
            m_listener->disconnect();
        changes.clear();
        std::string error;
        switch (m_listener->wait(int(m_options.waitMs), &changes, &error)) {
        case PgListener::Wait::Down: {
            if (!downLogged)
                LogLine(LogLevel::Warn, "cluster feed: cannot listen for changes; retrying").str("error", error);
            downLogged = true;
            std::unique_lock lock(m_stopMutex);
            m_stopWake.wait_for(lock, std::chrono::milliseconds(500), [this] { return m_stopping; });
            continue;
        }
        case PgListener::Wait::Reconnected: {
            // Whatever was notified while the session was down is lost: read everything again.
            downLogged = false;
            {
                std::lock_guard lock(m_statsMutex);
                ++m_stats.reconnects;
            }
            catchUpAll();
            continue;
        }
        case PgListener::Wait::Notified: break;
        }
        {
            std::lock_guard lock(m_statsMutex);
            m_stats.notifications += changes.size();
        }
        // A batch the notification carries applies at once when it is the next one; anything else
        // is read from the journal.
        std::set<Follower*> applied;
        std::uint64_t direct = 0;
        for (const EventChange& change : changes) {
            auto it = m_followers.find(change.event);
            if (it == m_followers.end())
                continue;
            Follower& follower = *it->second;
            if (!follower.active || !follower.ledger || follower.behind) {
                follower.behind = true;
                continue;
            }
            if (change.lastSeq <= follower.ledger->lastSeq())
                continue;
            BatchHeader header;
            if (change.batch == nullptr || !verifyBatch(*change.batch, change.event, &header)
                || header.firstSeq != follower.ledger->lastSeq() + 1
                || header.firstSeq + header.recordCount - 1 != change.lastSeq) {
                follower.behind = true;
                continue;
            }
            if (!replay(follower, change.batch)) {
                follower.ledger.reset(); // unusable: loaded again, and the hub told what differs
                follower.behind = true;
                continue;
            }
            ++direct;
            applied.insert(&follower);
        }
        {
            std::lock_guard lock(m_statsMutex);
            m_stats.batches += direct;
            m_stats.carried += direct;
        }
        for (auto& [id, follower] : m_followers) {
            if (follower->behind)
                catchUp(*follower);
            else if (applied.count(follower.get()) != 0)
                publishChanges(*follower);
        }
    }
}

// Follows the events that appeared and stops following those this node took over.
void ClusterFeed::rescan()
{
    std::vector<EventId> ids;
    std::string error;
    if (m_storage->eventIds(&ids, &error) != Status::Ok) {
        LogLine(LogLevel::Warn, "cluster feed: cannot list the events").str("error", error);
        return;
    }
    const std::vector<EventId> ownedList = m_owned();
    const std::set<EventId> owned(ownedList.begin(), ownedList.end());
    for (auto& [id, follower] : m_followers)
        if (follower->active && owned.count(id) != 0)
            follower->active = false; // the engine's shard feeds the hub's view now
    for (EventId id : ids) {
        // An event in the engine that this node no longer owns is followed through handedOver().
        if (owned.count(id) != 0 || m_refused.count(id) != 0 || m_followers.count(id) != 0
            || m_engine.event(id) != nullptr)
            continue;
        follow(id);
    }
    // followed(): the active followers, and those handed over since adoptHanded().
    std::set<EventId> followedNow;
    for (const auto& [id, follower] : m_followers)
        if (follower->active)
            followedNow.insert(id);
    const std::size_t active = followedNow.size();
    {
        std::lock_guard handed(m_handedMutex);
        for (const auto& follower : m_handed)
            followedNow.insert(follower->id);
        std::unique_lock lock(m_followedMutex);
        m_followed.swap(followedNow);
    }
    std::lock_guard lock(m_statsMutex);
    m_stats.followed = active;
}

// The followers handedOver() made: each replaces the event's older one (kept alive: the hub may
// still hold it), then its ledger is loaded and what changed since the shard's state is published.
void ClusterFeed::adoptHanded()
{
    std::vector<std::unique_ptr<Follower>> handed;
    {
        std::lock_guard lock(m_handedMutex);
        handed.swap(m_handed);
    }
    for (std::unique_ptr<Follower>& follower : handed) {
        const EventId id = follower->id;
        if (auto old = m_followers.find(id); old != m_followers.end()) {
            old->second->active = false;
            old->second->ledger.reset();
            m_retired.push_back(std::move(old->second));
            m_followers.erase(old);
        }
        Follower& raw = *follower;
        m_followers.emplace(id, std::move(follower));
        catchUp(raw);
    }
}

bool ClusterFeed::follow(EventId event)
{
    auto follower = std::make_unique<Follower>();
    follower->id = event;
    auto spec = std::make_shared<EventSpec>();
    std::string error;
    const Status status = m_storage->loadEventSpec(event, spec.get(), &error);
    if (status != Status::Ok) {
        LogLine(LogLevel::Warn, "cluster feed: cannot read an event").num("event", std::int64_t(event)).str("error", error);
        if (status == Status::EventNotFound)
            m_refused.insert(event);
        return false;
    }
    follower->eventSpec = std::move(spec);
    if (!load(*follower, &error)) {
        LogLine(LogLevel::Warn, "cluster feed: cannot load an event").num("event", std::int64_t(event)).str("error", error);
        return false; // tried again on the next rescan
    }
    Follower* raw = follower.get();
    m_followers.emplace(event, std::move(follower));
    {
        std::unique_lock lock(m_followedMutex);
        m_followed.insert(event);
    }
    m_hub.addFollowed(event, raw);
    LogLine(LogLevel::Info, "cluster feed: following an event owned elsewhere")
        .num("event", std::int64_t(event))
        .num("seq", std::int64_t(raw->seq));
    return true;
}

// Rebuilds the follower's ledger from the snapshot and the journal; its state stays as it was.
bool ClusterFeed::loadLedger(Follower& follower, std::string* error)
{
    std::unique_ptr<Ledger> ledger;
    LoadStats stats;
    if (usher::loadLedger(*m_storage, *follower.eventSpec, m_options.ledger, &ledger, &stats, error) != Status::Ok)
        return false;
    follower.ledger = std::move(ledger);
    follower.changesKnown = false; // a new ledger: the next publication compares every seat
    follower.behind = false;
    return true;
}

// Rebuilds the follower's ledger, and its state from that.
bool ClusterFeed::load(Follower& follower, std::string* error)
{
    if (!loadLedger(follower, error))
        return false;
    std::string states;
    AreaCounts areas;
    hubStateOf(*follower.ledger, &states, &areas);
    std::lock_guard lock(follower.mutex);
    follower.states = std::move(states);
    follower.areas = std::move(areas);
    follower.seq = follower.ledger->lastSeq();
    return true;
}

void ClusterFeed::catchUpAll()
{
    for (auto& [id, follower] : m_followers)
        catchUp(*follower);
}

// Replays what the journal has after the follower's last seq, then publishes what changed.
void ClusterFeed::catchUp(Follower& follower)
{
    if (!follower.active)
        return;
    std::string error;
    // No ledger: handed over (the state is the shard's) or a carried batch did not replay. Load,
    // then publish what differs from the state the hub has.
    if (!follower.ledger) {
        if (!loadLedger(follower, &error)) {
            follower.behind = true;
            LogLine(LogLevel::Warn, "cluster feed: cannot load an event; retrying")
                .num("event", std::int64_t(follower.id))
                .str("error", error);
            return;
        }
        std::string states;
        AreaCounts areas;
        hubStateOf(*follower.ledger, &states, &areas);
        const Seq seq = follower.ledger->lastSeq();
        bool reset = false;
        {
            // The shard's state had a batch that never became durable (the event was lost, not
            // handed over): the durable state replaces it, and the hub reads it again.
            std::lock_guard lock(follower.mutex);
            reset = seq < follower.seq || (seq == follower.seq && (states != follower.states || areas != follower.areas));
            if (reset) {
                follower.states = std::move(states);
                follower.areas = std::move(areas);
                follower.seq = seq;
            }
        }
        if (!reset) {
            publishChanges(follower);
            return;
        }
        Published published;
        published.event = follower.id;
        published.lastSeq = seq;
        published.reset = true;
        m_hub.publishFollowed(published);
        return;
    }
    bool replayed = true;
    std::uint64_t batches = 0;
    const Status status = m_storage->readJournal(
        follower.id, follower.ledger->lastSeq() + 1,
        [&](const BatchPtr& batch) {
            replayed = replay(follower, batch);
            ++batches;
            return replayed;
        },
        &error);
    {
        std::lock_guard lock(m_statsMutex);
        m_stats.batches += batches;
    }
    if (status != Status::Ok) {
        follower.behind = true; // read again next round
        LogLine(LogLevel::Warn, "cluster feed: cannot read the journal")
            .num("event", std::int64_t(follower.id))
            .str("error", error);
        return;
    }
    if (!replayed) {
        // The ledger is unusable: load the event again and have the hub re-read everything.
        LogLine(LogLevel::Warn, "cluster feed: the journal does not replay; reloading the event")
            .num("event", std::int64_t(follower.id));
        {
            std::lock_guard lock(m_statsMutex);
            ++m_stats.reloads;
        }
        if (!load(follower, &error)) {
            follower.behind = true;
            LogLine(LogLevel::Warn, "cluster feed: cannot reload an event")
                .num("event", std::int64_t(follower.id))
                .str("error", error);
            return;
        }
        Published reset;
        reset.event = follower.id;
        reset.lastSeq = follower.seq;
        reset.reset = true;
        m_hub.publishFollowed(reset);
        return;
    }
    follower.behind = false;
    publishChanges(follower);
}

// Replays one batch on the follower's ledger and notes what it changed.
bool ClusterFeed::replay(Follower& follower, const BatchPtr& batch)
{
    if (!follower.ledger->replay(batch, &m_seatScratch, &m_areaScratch))
        return false;
    follower.changedSeats.insert(follower.changedSeats.end(), m_seatScratch.begin(), m_seatScratch.end());
    follower.changedAreas.insert(follower.changedAreas.end(), m_areaScratch.begin(), m_areaScratch.end());
    return true;
}

// The seats and areas whose state differs from what the hub has, as one publication: those the
// replayed batches changed when they are known, otherwise every seat and area compared.
void ClusterFeed::publishChanges(Follower& follower)
{
    if (publishKnownChanges(follower))
        return;
    follower.changesKnown = false;
    follower.changedSeats.clear();
    follower.changedAreas.clear();
    const Seq seq = follower.ledger->lastSeq();
    std::string states;
    AreaCounts areas;
    hubStateOf(*follower.ledger, &states, &areas);
    Published published;
    published.event = follower.id;
    published.lastSeq = seq;
    {
        std::lock_guard lock(follower.mutex);
        if (seq <= follower.seq)
            return;
        // A venue of another shape (a spec change): the hub reads the whole state again.
        published.reset = states.size() != follower.states.size() || areas.size() != follower.areas.size();
        for (std::size_t i = 0; !published.reset && i < states.size(); ++i) {
            if (states[i] == follower.states[i])
                continue;
            SeatDelta delta; // the hub shows the status only
            delta.seat = SeatIndex(i);
            delta.status = SeatStatus(states[i] - '0');
            published.seats.push_back(delta);
        }
        for (std::size_t a = 0; !published.reset && a < areas.size(); ++a)
            if (areas[a] != follower.areas[a])
                published.areas.push_back(AreaDelta { std::uint32_t(a), areas[a][0], areas[a][1], areas[a][2] });
        follower.states = std::move(states);
        follower.areas = std::move(areas);
        follower.seq = seq;
    }
    follower.changesKnown = true; // what the hub has is the ledger's state from here on
    send(published);
}

// publishChanges() from the seats and areas the replayed batches changed; false when they are not
// all known or the state does not fit the venue (a spec change): then every seat is compared.
bool ClusterFeed::publishKnownChanges(Follower& follower)
{
    const Ledger& ledger = *follower.ledger;
    const Seq seq = ledger.lastSeq();
    if (!follower.changesKnown)
        return false;
    Published published;
    published.event = follower.id;
    published.lastSeq = seq;
    {
        std::lock_guard lock(follower.mutex);
        if (seq <= follower.seq || follower.states.size() != ledger.venue().seats.size()
            || follower.areas.size() != ledger.venue().areas.size())
            return false;
        std::sort(follower.changedSeats.begin(), follower.changedSeats.end());
        for (std::size_t i = 0; i < follower.changedSeats.size(); ++i) {
            const SeatIndex s = follower.changedSeats[i];
            const char state = char('0' + int(ledger.seatStatus(s)));
            if ((i > 0 && follower.changedSeats[i - 1] == s) || follower.states[s] == state)
                continue;
            follower.states[s] = state;
            SeatDelta delta; // the hub shows the status only
            delta.seat = s;
            delta.status = SeatStatus(state - '0');
            published.seats.push_back(delta);
        }
        std::sort(follower.changedAreas.begin(), follower.changedAreas.end());
        for (std::size_t i = 0; i < follower.changedAreas.size(); ++i) {
            const std::uint32_t a = follower.changedAreas[i];
            const std::array<std::uint32_t, 3> counts = hubAreaCountsOf(ledger, a);
            if ((i > 0 && follower.changedAreas[i - 1] == a) || follower.areas[a] == counts)
                continue;
            follower.areas[a] = counts;
            published.areas.push_back(AreaDelta { a, counts[0], counts[1], counts[2] });
        }
        follower.seq = seq;
    }
    follower.changedSeats.clear();
    follower.changedAreas.clear();
    send(published);
    return true;
}

void ClusterFeed::send(const Published& published)
{
    if (!published.reset && published.seats.empty() && published.areas.empty())
        return; // as a shard: no publication without a change
    m_hub.publishFollowed(published);
    std::lock_guard lock(m_statsMutex);
    ++m_stats.publications;
}

} // namespace usher::net
