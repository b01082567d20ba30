#include "net/EventHub.h"

#include "core/Assert.h"
#include "net/Log.h"

#include <algorithm>
#include <chrono>
#include <limits>

namespace usher::net {

struct EventHub::View {
    // One of the two: this node's shard, or the feed of an event another node owns. Switched from
    // followed to shard (takeOver) on the hub thread.
    EventShard* shard = nullptr;
    FollowedSource* followed = nullptr;
    EventId id = 0;
    EventCounters* counters = nullptr; // usherd_event_seats_released_total
    int subscription = 0;
    std::atomic<bool> warm { false };
    std::atomic<bool> needsResync { false };

    // The availability cache's state (see EventHub.h), guarded by cacheMutex (taken before `mutex`):
    // written by the shard's subscriber (committer thread) or, for a followed event, the hub thread,
    // and by the read that loads the view; read by a GET that has to build the body.
    std::mutex cacheMutex;
    bool cacheLive = false; // loaded: publications are applied as they come (before: dropped, the read covers them)
    VenuePtr cacheVenue;
    std::string cacheStates; // one character per venue seat: '0' + SeatStatus
    std::vector<std::array<std::uint32_t, 3>> cacheAreas; // per area index: available, held, sold
    Seq cacheSeq = 0;
    std::uint64_t generation = 0; // bumped by every load and spec change: part of the ETag
    // When a GET last read the body (steady clock, ms): a publication rebuilds it only for an event
    // being read.
    std::atomic<std::int64_t> servedAtMs { std::numeric_limits<std::int64_t>::min() / 2 };

    // Guarded by mutex: the body GETs are served from (null: the next GET builds it).
    std::mutex mutex;
    std::shared_ptr<const AvailabilityBody> cached;

    // Hub thread only: the state WebSocket snapshots and deltas are made of.
    std::string states;
    std::vector<std::array<std::uint32_t, 3>> areas;
    Seq seq = 0;
    struct RingEntry {
        Seq prevSeq = 0;
        Seq seq = 0;
        std::size_t seats = 0;
        // The delta message; built when the change comes only if someone subscribes then, else on
        // the first resume that needs it (from the seats and areas kept here).
        std::shared_ptr<const std::string> message;
        std::vector<std::pair<SeatIndex, SeatStatus>> seatChanges;
        std::vector<AreaDelta> areaChanges;
    };
    std::deque<RingEntry> ring;
    std::size_t ringSeats = 0;
    std::vector<WsConnectionPtr> subscribers;
};

namespace {

void appendAreas(std::string& out, const Venue& venue, const std::vector<std::array<std::uint32_t, 3>>& areas)
{
    out.append("[");
    for (std::size_t i = 0; i < areas.size(); ++i) {
        if (i)
            out.push_back(',');
        out.append("{\"id\":").append(std::to_string(venue.areas[i].id));
        out.append(",\"available\":").append(std::to_string(areas[i][0]));
        out.append(",\"held\":").append(std::to_string(areas[i][1]));
        out.append(",\"sold\":").append(std::to_string(areas[i][2])).append("}");
    }
    out.append("]");
}

// {"event":E,"seq":S,"seats":"0120...","areas":[...]} with an optional "type" first and "reason" last.
std::string stateJson(const char* type, EventId event, Seq seq, const std::string& states, const Venue& venue,
                      const std::vector<std::array<std::uint32_t, 3>>& areas, const char* reason = nullptr)
{
    std::string out;
    out.reserve(states.size() + 128 + areas.size() * 64);
    out.append("{");
    if (type)
        out.append("\"type\":\"").append(type).append("\",");
    out.append("\"event\":").append(std::to_string(event));
    out.append(",\"seq\":").append(std::to_string(seq));
    out.append(",\"seats\":\"").append(states).append("\",\"areas\":");
    appendAreas(out, venue, areas);
    if (reason)
        out.append(",\"reason\":\"").append(reason).append("\"");
    out.append("}");
    return out;
}

} // namespace

EventHub::EventHub(const HubOptions& options, Metrics& metrics)
    : m_options(options)
    , m_metrics(metrics)
    , m_thread([this] { loop(); })
{
}

EventHub::~EventHub()
{
    stop();
}

void EventHub::stop()
{
    {
        std::lock_guard lock(m_queueMutex);
        if (m_stopping)
            return;
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
    std::lock_guard lock(m_viewsMutex);
    for (auto& [id, view] : m_views) {
        if (view->subscription)
            view->shard->unsubscribe(view->subscription);
        view->subscription = 0;
        view->subscribers.clear();
    }
    m_queue.clear();
    m_clientEvents.clear();
}

bool EventHub::push(Task&& task)
{
    {
        std::lock_guard lock(m_queueMutex);
        if (m_stopping || m_queue.size() >= m_options.queueMax)
            return false;
        m_queue.push_back(std::move(task));
    }
    m_wake.notify_one();
    return true;
}

void EventHub::addEvent(EventShard* shard)
{
    USHER_ASSERT(shard != nullptr);
    auto view = std::make_unique<View>();
    view->shard = shard;
    view->id = shard->id();
    view->counters = &m_metrics.event(shard->id());
    View* raw = view.get();
    bool known = false;
    {
        std::lock_guard lock(m_viewsMutex);
        known = !m_views.emplace(shard->id(), std::move(view)).second;
    }
    if (known) {
        // Followed until now: the hub thread switches the view (it ignores an event that already has
        // its shard). Never lost, or the view would stay on the feed.
        Task takeover;
        takeover.kind = Task::Kind::Takeover;
        takeover.event = shard->id();
        takeover.shard = shard;
        pushWaiting(std::move(takeover));
        return;
    }
    subscribeShard(raw);
    Task add;
    add.kind = Task::Kind::Add;
    add.event = raw->id;
    if (!push(std::move(add)))
        raw->needsResync = true;
}

// Subscribe before reading the ledger (EventShard::subscribe explains why); publications that the
// read already covers are skipped by sequence number.
void EventHub::subscribeShard(View* view)
{
    view->subscription = view->shard->subscribe([this, view](const Published& published) {
        cacheApply(*view, published); // before the batch's answers go out
        Task task;
        task.kind = Task::Kind::Publish;
        task.event = view->id;
        task.published = published;
        if (!push(std::move(task))) {
            view->needsResync = true;
            ++m_dropped;
            m_wake.notify_one();
        }
    });
}

void EventHub::addFollowed(EventId event, FollowedSource* source)
{
    USHER_ASSERT(source != nullptr);
    auto view = std::make_unique<View>();
    view->followed = source;
    view->id = event;
    view->counters = &m_metrics.event(event);
    View* raw = view.get();
    {
        std::lock_guard lock(m_viewsMutex);
        if (m_views.count(event))
            return;
        m_views.emplace(event, std::move(view));
    }
    Task add;
    add.kind = Task::Kind::Add;
    add.event = raw->id;
    if (!push(std::move(add)))
        raw->needsResync = true;
}

void EventHub::publishFollowed(const Published& published)
{
    View* view = find(published.event);
    if (view == nullptr)
        return;
    Task task;
    task.kind = Task::Kind::Publish;
    task.event = published.event;
    task.followed = true;
    task.published = published;
    if (!push(std::move(task))) {
        view->needsResync = true;
        ++m_dropped;
        m_wake.notify_one();
    }
}

void EventHub::follow(EventId event, FollowedSource* source)
{
    USHER_ASSERT(source != nullptr);
    Task task;
    task.kind = Task::Kind::Handover;
    task.event = event;
    task.source = source;
    pushWaiting(std::move(task)); // never lost: the view would stay on a suspended shard
}

// Hub thread: this node now owns the event. The ledger is the state from here on.
void EventHub::takeOver(View& view, EventShard* shard)
{
    if (view.followed == nullptr)
        return; // already this node's
    view.followed = nullptr;
    view.shard = shard;
    {
        // The shard's publications apply from its read on (warmView below); GETs keep the last body.
        std::lock_guard lock(view.cacheMutex);
        view.cacheLive = false;
    }
    subscribeShard(&view);
    warmView(view, "owner_changed");
}

// Hub thread: another node owns the event now. The shard's publications were queued before this
// task (the shard's last batch was durable before follow() was called), so the view has them all;
// its cache stays live at that seq and takes the source's publications after it.
void EventHub::handOver(View& view, FollowedSource* source)
{
    if (view.followed != nullptr)
        return; // followed already
    if (view.subscription)
        view.shard->unsubscribe(view.subscription); // waits for a callback that is running
    view.subscription = 0;
    view.shard = nullptr;
    view.followed = source;
    warmView(view, "owner_changed");
}

const Venue& EventHub::venueOf(const View& view)
{
    return view.shard != nullptr ? *view.shard->spec().venue : *view.followed->spec().venue;
}

EventHub::View* EventHub::find(EventId event) const
{
    std::lock_guard lock(m_viewsMutex);
    auto it = m_views.find(event);
    return it == m_views.end() ? nullptr : it->second.get();
}

bool EventHub::warm() const
{
    std::lock_guard lock(m_viewsMutex);
    return std::all_of(m_views.begin(), m_views.end(), [](const auto& entry) { return entry.second->warm.load(); });
}

std::size_t EventHub::events() const
{
    std::lock_guard lock(m_viewsMutex);
    return m_views.size();
}

namespace {

// The availability body of a state, with its ETag.
std::shared_ptr<const AvailabilityBody> availabilityBody(EventId event, Seq seq, std::uint64_t generation,
                                                         const std::string& states, const Venue& venue,
                                                         const std::vector<std::array<std::uint32_t, 3>>& areas)
{
    auto body = std::make_shared<AvailabilityBody>();
    body->seq = seq;
    body->etag = "\"" + std::to_string(event) + "-" + std::to_string(generation) + "-" + std::to_string(seq) + "\"";
    body->body = std::make_shared<const std::string>(stateJson(nullptr, event, seq, states, venue, areas));
    return body;
}

std::int64_t steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// A body read within this long is rebuilt by every change (kept warm for the next GET).
constexpr std::int64_t kKeepWarmMs = 5'000;

} // namespace

bool EventHub::availability(EventId event, AvailabilityBody* out)
{
    View* view = find(event);
    if (!view)
        return false;
    view->servedAtMs.store(steadyMs(), std::memory_order_relaxed);
    {
        std::lock_guard lock(view->mutex);
        if (view->cached) {
            ++m_metrics.cacheHits[std::size_t(CacheKind::Availability)];
            *out = *view->cached;
            return true;
        }
    }
    // Not built: this GET builds it from the cache's state (a miss), unless another got there first.
    std::lock_guard state(view->cacheMutex);
    if (!view->cacheLive)
        return false;
    std::lock_guard lock(view->mutex);
    if (view->cached) {
        ++m_metrics.cacheHits[std::size_t(CacheKind::Availability)];
    } else {
        ++m_metrics.cacheMisses[std::size_t(CacheKind::Availability)];
        view->cached = availabilityBody(view->id, view->cacheSeq, view->generation, view->cacheStates,
                                        *view->cacheVenue, view->cacheAreas);
    }
    *out = *view->cached;
    return true;
}

namespace {

// The caller holds view.cacheMutex: the body of the cache's current state when the event is being
// read (built here, outside `mutex`, so GETs never wait for it), else none (the next GET builds it).
template <class View>
void renewBody(View& view, EventId event)
{
    std::shared_ptr<const AvailabilityBody> body;
    if (steadyMs() - view.servedAtMs.load(std::memory_order_relaxed) <= kKeepWarmMs)
        body = availabilityBody(event, view.cacheSeq, view.generation, view.cacheStates, *view.cacheVenue,
                                view.cacheAreas);
    std::lock_guard lock(view.mutex);
    view.cached = std::move(body);
}

} // namespace

// A durable publication into the availability cache. For this node's events it runs in the shard's
// subscriber (committer thread) before the batch's answers are released; publications before the
// view's first read are dropped (that read, made on the shard thread between batches, covers them).
void EventHub::cacheApply(View& view, const Published& published)
{
    std::lock_guard lock(view.cacheMutex);
    if (published.reset) {
        // The shard rebuilt its state: GETs wait (503) for the hub's fresh read rather than be served a
        // body that may miss the changes until then.
        view.cacheLive = false;
        std::lock_guard body(view.mutex);
        view.cached.reset();
        return;
    }
    if (!view.cacheLive || published.lastSeq <= view.cacheSeq)
        return;
    const bool fits = std::all_of(published.seats.begin(), published.seats.end(),
                                  [&view](const SeatDelta& d) { return d.seat < view.cacheStates.size(); })
        && std::all_of(published.areas.begin(), published.areas.end(),
                       [&view](const AreaDelta& d) { return d.area < view.cacheAreas.size(); });
    if (!fits) { // a feed's publication that does not fit the venue: the hub reads the state again
        view.cacheLive = false;
        std::lock_guard body(view.mutex);
        view.cached.reset();
        return;
    }
    for (const SeatDelta& delta : published.seats)
        view.cacheStates[delta.seat] = char('0' + int(delta.status));
    for (const AreaDelta& delta : published.areas)
        view.cacheAreas[delta.area] = { delta.available, delta.held, delta.sold };
    view.cacheSeq = published.lastSeq;
    renewBody(view, view.id);
}

// The state a read of the ledger (on the shard thread) or of the feed (hub thread) gave. A cache that
// is live and already as new keeps its state (it has every durable change up to its seq).
void EventHub::cacheSet(View& view, const std::string& states, const std::vector<std::array<std::uint32_t, 3>>& areas,
                        Seq seq, VenuePtr venue)
{
    std::lock_guard lock(view.cacheMutex);
    if (view.cacheLive && seq <= view.cacheSeq)
        return;
    view.cacheStates = states;
    view.cacheAreas = areas;
    view.cacheSeq = seq;
    view.cacheVenue = std::move(venue);
    ++view.generation;
    view.cacheLive = true;
    // Pre-warmed: built once at load even when nobody has read it yet.
    std::shared_ptr<const AvailabilityBody> body = availabilityBody(view.id, seq, view.generation, view.cacheStates,
                                                                    *view.cacheVenue, view.cacheAreas);
    std::lock_guard guard(view.mutex);
    view.cached = std::move(body);
}

void EventHub::subscribe(const WsConnectionPtr& connection, EventId event, std::optional<Seq> fromSeq)
{
    Task task;
    task.kind = Task::Kind::Subscribe;
    task.connection = connection;
    task.event = event;
    task.fromSeq = fromSeq;
    if (!push(std::move(task)))
        connection->close(); // overloaded: the client reconnects and resumes
}

void EventHub::unsubscribe(const WsConnectionPtr& connection, EventId event)
{
    Task task;
    task.kind = Task::Kind::Unsubscribe;
    task.connection = connection;
    task.event = event;
    if (!push(std::move(task)))
        connection->close();
}

void EventHub::eventChanged(EventId event, std::uint64_t revision)
{
    if (View* view = find(event)) { // the cache at once: the next GET must not serve the old ETag
        std::lock_guard lock(view->cacheMutex);
        ++view->generation;
        if (view->cacheLive) {
            renewBody(*view, event);
        } else {
            std::lock_guard body(view->mutex);
            view->cached.reset();
        }
    }
    Task task;
    task.kind = Task::Kind::Changed;
    task.event = event;
    task.revision = revision;
    if (!push(std::move(task)))
        LogLine(LogLevel::Warn, "hub queue full: subscribers not told of an event change")
            .num("event", std::int64_t(event));
}

void EventHub::disconnected(const WsConnectionPtr& connection)
{
    Task task;
    task.kind = Task::Kind::Disconnect;
    task.connection = connection;
    pushWaiting(std::move(task)); // must not be lost, or the hub would keep the connection
}

// For the tasks that must not be lost: waits for room (beyond queueMax, so never behind publications).
void EventHub::pushWaiting(Task&& task)
{
    for (;;) {
        {
            std::lock_guard lock(m_queueMutex);
            if (m_stopping)
                return;
            if (m_queue.size() < m_options.queueMax + 1024) {
                m_queue.push_back(std::move(task));
                break;
            }
        }
        std::this_thread::yield();
    }
    m_wake.notify_one();
}

void EventHub::loop()
{
    for (;;) {
        std::deque<Task> work;
        {
            std::unique_lock lock(m_queueMutex);
            m_wake.wait_for(lock, std::chrono::milliseconds(200), [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping)
                return;
            work.swap(m_queue);
        }
        for (Task& task : work)
            run(task);
        std::vector<View*> resync;
        {
            std::lock_guard lock(m_viewsMutex);
            for (auto& [id, view] : m_views)
                if (view->needsResync.exchange(false))
                    resync.push_back(view.get());
        }
        for (View* view : resync) {
            ++m_resyncs;
            warmView(*view, "resync");
        }
    }
}

void EventHub::run(Task& task)
{
    if (task.kind == Task::Kind::Disconnect) {
        auto it = m_clientEvents.find(task.connection->id());
        if (it == m_clientEvents.end())
            return;
        for (EventId event : it->second) {
            if (View* view = find(event))
                std::erase(view->subscribers, task.connection);
        }
        m_clientEvents.erase(it);
        return;
    }
    View* view = find(task.event);
    switch (task.kind) {
    case Task::Kind::Add:
        if (view)
            warmView(*view, "resync");
        return;
    case Task::Kind::Publish:
        // A followed view takes only its feed's publications (none once taken over); a reset
        // re-reads even a cold view (its source may have been unavailable at the first read).
        if (view && task.followed == (view->followed != nullptr) && (view->warm.load() || task.published.reset))
            applyPublication(*view, task.published);
        return;
    case Task::Kind::Takeover:
        if (view)
            takeOver(*view, task.shard);
        return;
    case Task::Kind::Handover:
        if (view)
            handOver(*view, task.source);
        return;
    case Task::Kind::Subscribe:
        if (!view) {
            task.connection->send(std::make_shared<const std::string>(
                "{\"type\":\"error\",\"event\":" + std::to_string(task.event)
                + ",\"error\":{\"code\":\"event_not_found\",\"message\":\"no such event\"}}"));
            return;
        }
        doSubscribe(*view, task.connection, task.fromSeq);
        return;
    case Task::Kind::Unsubscribe:
        if (view) {
            std::erase(view->subscribers, task.connection);
            auto it = m_clientEvents.find(task.connection->id());
            if (it != m_clientEvents.end())
                std::erase(it->second, task.event);
        }
        return;
    case Task::Kind::Changed:
        if (view && m_broadcaster && !view->subscribers.empty())
            m_messagesSent += m_broadcaster->broadcast(
                view->subscribers,
                std::make_shared<const std::string>("{\"type\":\"event\",\"event\":" + std::to_string(task.event)
                                                    + ",\"revision\":" + std::to_string(task.revision) + "}"));
        return;
    case Task::Kind::Disconnect: return;
    }
}

// The view's state from the ledger (or, for a followed event, from its feed); false when it cannot
// be read now (shutting down, or the feed gave a state that does not fit the venue).
void hubStateOf(const Ledger& ledger, std::string* states, std::vector<std::array<std::uint32_t, 3>>* areas)
{
    const Venue& venue = ledger.venue();
    states->assign(venue.seats.size(), '0');
    for (std::size_t i = 0; i < states->size(); ++i)
        (*states)[i] = char('0' + int(ledger.seatStatus(SeatIndex(i))));
    areas->assign(venue.areas.size(), {});
    for (std::size_t a = 0; a < areas->size(); ++a)
        (*areas)[a] = hubAreaCountsOf(ledger, std::uint32_t(a));
}

std::array<std::uint32_t, 3> hubAreaCountsOf(const Ledger& ledger, std::uint32_t area)
{
    const auto& pools = ledger.areaPools(area);
    std::uint32_t held = 0;
    std::uint32_t sold = 0;
    for (const AreaPool& pool : pools) {
        held += pool.held;
        sold += pool.sold;
    }
    return { pools.empty() ? 0 : pools[0].free(), held, sold };
}

bool EventHub::readState(View& view, std::string* states, std::vector<std::array<std::uint32_t, 3>>* areas, Seq* seq)
{
    const Venue& venue = venueOf(view);
    if (view.followed != nullptr) {
        if (!view.followed->readState(states, areas, seq))
            return false;
        if (states->size() == venue.seats.size() && areas->size() == venue.areas.size()) {
            cacheSet(view, *states, *areas, *seq, view.followed->spec().venue);
            return true;
        }
        LogLine(LogLevel::Warn, "followed event state does not fit its venue: view left cold")
            .num("event", std::int64_t(view.id))
            .num("seats", std::int64_t(states->size()))
            .num("venueSeats", std::int64_t(venue.seats.size()));
        return false;
    }
    // The cache is loaded inside the read, on the shard thread between batches: every publication
    // after this point has a larger seq and applies to it, every one before is in the state.
    return view.shard->read([&](const Ledger& ledger) {
        hubStateOf(ledger, states, areas);
        *seq = ledger.lastSeq();
        cacheSet(view, *states, *areas, *seq, view.shard->spec().venue);
    });
}

void EventHub::warmView(View& view, const char* reason, bool replace)
{
    std::string states;
    std::vector<std::array<std::uint32_t, 3>> areas;
    Seq seq = 0;
    if (!readState(view, &states, &areas, &seq))
        return; // the shard stopped (we are shutting down), or the feed cannot say yet
    const bool loaded = view.warm.load();
    if (loaded && states.size() == view.states.size() && areas.size() == view.areas.size()) {
        if (seq < view.seq && view.followed != nullptr && !replace) {
            LogLine(LogLevel::Debug, "followed event behind its view: waiting for the feed")
                .num("event", std::int64_t(view.id))
                .num("seq", std::int64_t(seq))
                .num("viewSeq", std::int64_t(view.seq));
            return;
        }
        Published diff;
        diff.event = view.id;
        diff.lastSeq = seq;
        for (std::size_t i = 0; i < states.size(); ++i)
            if (states[i] != view.states[i]) {
                SeatDelta delta;
                delta.seat = SeatIndex(i);
                delta.status = SeatStatus(states[i] - '0');
                diff.seats.push_back(delta);
            }
        for (std::size_t a = 0; a < areas.size(); ++a)
            if (areas[a] != view.areas[a])
                diff.areas.push_back(AreaDelta { std::uint32_t(a), areas[a][0], areas[a][1], areas[a][2] });
        if (seq > view.seq) {
            sendDelta(view, diff);
            return;
        }
        if (seq == view.seq && diff.seats.empty() && diff.areas.empty())
            return; // nothing changed
        // Older than what the subscribers have, or different at the same seq: they start again.
    }
    view.states = std::move(states);
    view.areas = std::move(areas);
    view.seq = seq;
    view.ring.clear();
    view.ringSeats = 0;
    view.warm = true;
    for (const WsConnectionPtr& connection : view.subscribers)
        sendSnapshot(view, connection, loaded ? reason : nullptr);
    LogLine(LogLevel::Debug, "event view loaded").num("event", std::int64_t(view.id)).num("seq", std::int64_t(seq));
}

void EventHub::applyPublication(View& view, const Published& published)
{
    if (published.reset) {
        if (view.followed != nullptr)
            cacheApply(view, published); // a shard's reset was applied by its subscriber
        warmView(view, "resync", true);
        return;
    }
    const Venue& venue = venueOf(view);
    const bool fits = std::all_of(published.seats.begin(), published.seats.end(),
                                  [&venue](const SeatDelta& d) { return d.seat < venue.seats.size(); })
        && std::all_of(published.areas.begin(), published.areas.end(),
                       [&venue](const AreaDelta& d) { return d.area < venue.areas.size(); });
    if (!fits) { // a feed's publication that does not fit the venue: read the whole state again
        LogLine(LogLevel::Warn, "publication does not fit the venue: view read again")
            .num("event", std::int64_t(view.id));
        ++m_resyncs;
        warmView(view, "resync");
        return;
    }
    if (published.lastSeq <= view.seq)
        return; // already in the state read by warmView()
    if (view.followed != nullptr)
        cacheApply(view, published); // this node's events: already applied by the shard's subscriber
    sendDelta(view, published);
}

namespace {

// {"type":"delta","event":E,"seq":S,"prevSeq":P,"seats":[[id,state],...],"areas":[[id,available,held,sold],...]}
template <class RingEntry>
std::shared_ptr<const std::string> deltaMessage(EventId event, const Venue& venue, const RingEntry& entry)
{
    std::string message;
    message.reserve(64 + entry.seatChanges.size() * 16 + entry.areaChanges.size() * 32);
    message.append("{\"type\":\"delta\",\"event\":").append(std::to_string(event));
    message.append(",\"seq\":").append(std::to_string(entry.seq));
    message.append(",\"prevSeq\":").append(std::to_string(entry.prevSeq)).append(",\"seats\":[");
    for (std::size_t i = 0; i < entry.seatChanges.size(); ++i) {
        const auto& [seat, status] = entry.seatChanges[i];
        if (i)
            message.push_back(',');
        message.append("[").append(std::to_string(venue.seats[seat].id)).append(",");
        message.push_back(char('0' + int(status)));
        message.append("]");
    }
    message.append("],\"areas\":[");
    for (std::size_t i = 0; i < entry.areaChanges.size(); ++i) {
        const AreaDelta& delta = entry.areaChanges[i];
        if (i)
            message.push_back(',');
        message.append("[").append(std::to_string(venue.areas[delta.area].id)).append(",");
        message.append(std::to_string(delta.available)).append(",").append(std::to_string(delta.held));
        message.append(",").append(std::to_string(delta.sold)).append("]");
    }
    message.append("]}");
    return std::make_shared<const std::string>(std::move(message));
}

} // namespace

// Applies a publication that fits the venue and is newer than the view to the hub's state, and sends
// the delta to the subscribers (and keeps it for resuming).
void EventHub::sendDelta(View& view, const Published& published)
{
    const Venue& venue = venueOf(view);
    const Seq prevSeq = view.seq;
    std::uint64_t releasedSeats = 0;
    for (const SeatDelta& delta : published.seats) {
        if (delta.seat >= view.states.size())
            continue; // a view still cold (empty), never a bad index: checked above
        if (view.states[delta.seat] == '1' && delta.status == SeatStatus::Available)
            ++releasedSeats;
        view.states[delta.seat] = char('0' + int(delta.status));
    }
    for (const AreaDelta& delta : published.areas)
        if (delta.area < view.areas.size())
            view.areas[delta.area] = { delta.available, delta.held, delta.sold };
    view.seq = published.lastSeq;
    if (releasedSeats > 0) {
        m_metrics.seatsReleasedToAvailable += releasedSeats;
        view.counters->seatsReleased += releasedSeats;
    }

    View::RingEntry entry;
    entry.prevSeq = prevSeq;
    entry.seq = published.lastSeq;
    entry.seats = published.seats.size() + published.areas.size();
    entry.seatChanges.reserve(published.seats.size());
    for (const SeatDelta& delta : published.seats)
        entry.seatChanges.emplace_back(delta.seat, delta.status);
    entry.areaChanges = published.areas;
    std::shared_ptr<const std::string> shared;
    if (!view.subscribers.empty()) { // else nobody needs it now (a holds-only load): built on resume
        shared = deltaMessage(view.id, venue, entry);
        entry.message = shared; // for resumes too
        entry.seatChanges = {};
        entry.areaChanges = {};
    }
    view.ringSeats += entry.seats;
    view.ring.push_back(std::move(entry));
    while (!view.ring.empty()
           && (view.ringSeats > m_options.ringSeatsMax || view.ring.size() > m_options.ringEntriesMax)) {
        view.ringSeats -= view.ring.front().seats;
        view.ring.pop_front();
    }
    if (!shared)
        return;
    if (m_broadcaster) {
        m_messagesSent += m_broadcaster->broadcast(view.subscribers, shared);
        return;
    }
    for (const WsConnectionPtr& connection : view.subscribers)
        if (connection->send(shared))
            ++m_messagesSent;
}

void EventHub::sendSnapshot(View& view, const WsConnectionPtr& connection, const char* reason)
{
    std::string snapshot = stateJson("snapshot", view.id, view.seq, view.states, venueOf(view), view.areas, reason);
    if (connection->send(std::make_shared<const std::string>(std::move(snapshot))))
        ++m_messagesSent;
}

void EventHub::doSubscribe(View& view, const WsConnectionPtr& connection, std::optional<Seq> fromSeq)
{
    auto& events = m_clientEvents[connection->id()];
    if (std::find(events.begin(), events.end(), view.id) == events.end()) {
        if (events.size() >= m_options.subscriptionsPerClientMax) {
            connection->send(std::make_shared<const std::string>(
                "{\"type\":\"error\",\"event\":" + std::to_string(view.id)
                + ",\"error\":{\"code\":\"limit_exceeded\",\"message\":\"too many subscriptions\"}}"));
            return;
        }
        events.push_back(view.id);
        view.subscribers.push_back(connection);
    }
    if (!view.warm.load())
        return; // warmView() sends the snapshot once loaded
    const Seq current = view.seq;
    // Resume: every change after fromSeq is still in the ring.
    if (fromSeq && *fromSeq <= current
        && (*fromSeq == current || (!view.ring.empty() && view.ring.front().prevSeq <= *fromSeq))) {
        std::string resumed = "{\"type\":\"resumed\",\"event\":" + std::to_string(view.id)
            + ",\"fromSeq\":" + std::to_string(*fromSeq) + ",\"seq\":" + std::to_string(current) + "}";
        connection->send(std::make_shared<const std::string>(std::move(resumed)));
        for (View::RingEntry& entry : view.ring) {
            if (entry.seq <= *fromSeq)
                continue;
            if (!entry.message) { // built once, for every later resume too
                entry.message = deltaMessage(view.id, venueOf(view), entry);
                entry.seatChanges = {};
                entry.areaChanges = {};
            }
            if (connection->send(entry.message))
                ++m_messagesSent;
        }
        return;
    }
    sendSnapshot(view, connection);
}

} // namespace usher::net
