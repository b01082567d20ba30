#pragma once

// The live view of every event that usherd serves: seat states kept up to date from the shards'
// durable publications, the availability cache built from them, and the WebSocket fan-out.
//
// One hub thread does all of the ordering-sensitive work: it applies publications, answers
// subscriptions (snapshot or resume) and sends deltas, so a subscriber always sees its snapshot
// followed by exactly the deltas after it, in order. Shards only copy a publication into the
// hub's bounded queue; when the queue is full the event is marked for a resync (a fresh read of
// the ledger and a snapshot to its subscribers) instead of blocking the committer.
//
// The availability cache keeps its own copy of each event's seat states, kept current by the
// publications as they become durable: for an event of this node, in the shard's subscriber on the
// committer thread, before any answer of that batch goes out; for a followed event, on the hub
// thread. So a GET sent after an answer was received never sees a seq older than that answer's
// change. While the body is being read (a GET in the last few seconds), each publication also
// rebuilds the body right there (one build per commit, whatever the number of GETs), so GETs during
// a sale always find it built (hits). An event nobody reads only drops it; the next GET builds it (a
// miss) and the ones after share it. The ETag is "event-generation-seq".
//
// On a cluster (net/Cluster) an event changes owner: addEvent() of a followed event (taken over)
// switches its view to the shard, follow() of this node's event (handed over) to the feed. Either way
// subscribers keep their seq (one delta of what differs) and GETs their cache; see warmView().

#include "core/Types.h"
#include "net/HttpTypes.h"
#include "net/Metrics.h"
#include "runtime/EventShard.h"

#include <array>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace usher::net {

struct HubOptions {
    std::size_t queueMax = 65'536;      // publications and subscription requests waiting
    std::size_t ringSeatsMax = 200'000; // seat changes kept per event for resuming
    std::size_t ringEntriesMax = 16'384;
    std::size_t subscriptionsPerClientMax = 64;
};

struct AvailabilityBody {
    std::shared_ptr<const std::string> body; // JSON, see docs/api/openapi.yaml
    std::string etag;                        // quoted
    Seq seq = 0;
};

// What the hub shows of a ledger: one character per venue seat ('0' + SeatStatus) and, per area,
// the open pool's free count and the held and sold counts of all its pools.
void hubStateOf(const Ledger& ledger, std::string* states, std::vector<std::array<std::uint32_t, 3>>* areas);
// One area of hubStateOf(): {available, held, sold}.
std::array<std::uint32_t, 3> hubAreaCountsOf(const Ledger& ledger, std::uint32_t area);

// A view of an event that another node owns (net/ClusterFeed, issue 9): no shard on this node; the
// feed supplies the state (read on the hub thread, to warm and to resync) and the publications.
class FollowedSource {
public:
    virtual ~FollowedSource() = default;
    // The spec (for the venue); the reference stays valid for the source's life.
    virtual const EventSpec& spec() const = 0;
    // The current state: one char per venue seat ('0' + SeatStatus), per area {available, held,
    // sold}, and its seq. False when unavailable now (stopping, say): the view stays cold until a
    // `reset` publication.
    virtual bool readState(std::string* states, std::vector<std::array<std::uint32_t, 3>>* areas, Seq* seq) = 0;
};

class EventHub {
public:
    EventHub(const HubOptions& options, Metrics& metrics);
    ~EventHub();
    EventHub(const EventHub&) = delete;
    EventHub& operator=(const EventHub&) = delete;

    // Fan-out goes through `broadcaster` when set (one post per network thread); set it before
    // the first subscription and keep it alive until stop().
    void setBroadcaster(WsBroadcaster* broadcaster) { m_broadcaster = broadcaster; }
    // Subscribes to the shard's publications and warms the event's view on the hub thread. For an
    // event followed so far (addFollowed), the view switches to the shard (this node took the event
    // over): subscribers get a fresh snapshot from the ledger.
    void addEvent(EventShard* shard);
    // Adds a view fed by `source`, kept until stop() (no-op when the event already has a view).
    // Serves GET availability and /ws like an event of this node's.
    void addFollowed(EventId event, FollowedSource* source);
    // This node handed the event over (net/Cluster, once the shard's last batch is durable): the
    // view stops taking the shard's publications and follows `source` from here, as addFollowed()
    // views do (GET availability and /ws go on). Subscribers keep their seq: see warmView(). `source`
    // must stay valid until stop(). No-op for an unknown or already followed event. The way back is
    // addEvent() with the shard.
    void follow(EventId event, FollowedSource* source);
    // A publication of a followed view, with a shard's rules (queued; lastSeq only grows; `reset`
    // re-reads the state; a full queue means a resync). Ignored for an event without a followed view.
    void publishFollowed(const Published& published);
    // The cached availability of an event; false when unknown or not loaded yet. Never older than
    // a change whose answer went out before the call.
    bool availability(EventId event, AvailabilityBody* out);
    bool warm() const; // every event's view is loaded
    std::size_t events() const;

    // WebSocket subscriptions. `fromSeq`: resume after that sequence number when possible.
    void subscribe(const WsConnectionPtr& connection, EventId event, std::optional<Seq> fromSeq);
    void unsubscribe(const WsConnectionPtr& connection, EventId event);
    // The event's spec changed (PATCH): the availability cache and its ETag are renewed and the
    // subscribers get {"type":"event","event":E,"revision":R} to re-read the event.
    void eventChanged(EventId event, std::uint64_t revision);
    void disconnected(const WsConnectionPtr& connection);

    std::uint64_t messagesSent() const { return m_messagesSent.load(); }
    std::uint64_t resyncs() const { return m_resyncs.load(); }
    std::uint64_t publicationsDropped() const { return m_dropped.load(); }

    // Unsubscribes from every shard, forgets every client and joins the thread. Call before the
    // engine closes.
    void stop();

private:
    struct View;
    struct Task {
        enum class Kind : std::uint8_t {
            Add,
            Publish,
            Subscribe,
            Unsubscribe,
            Disconnect,
            Changed,
            Takeover, // addEvent() of a followed event: `shard`
            Handover, // follow(): `source`
        } kind = Kind::Add;
        std::uint64_t revision = 0; // Changed
        bool followed = false;      // Publish: from publishFollowed()
        EventShard* shard = nullptr;
        FollowedSource* source = nullptr;
        EventId event = 0;
        Published published;
        WsConnectionPtr connection;
        std::optional<Seq> fromSeq;
    };

    bool push(Task&& task);
    void pushWaiting(Task&& task);
    void loop();
    void run(Task& task);
    // Reads the view's state. A view not loaded yet sends its subscribers their first snapshot. A
    // loaded one at seq S that reads S' >= S keeps its subscribers' seq: one delta (prevSeq S, seq S')
    // of the seats and areas that differ, kept for resuming; a followed one that reads S' < S (its
    // feed is behind: just handed over) stays at S until the feed's publications pass it; otherwise
    // every subscriber gets a snapshot with "reason" (`reason`).
    // `replace`: a reset publication, whose state stands even when its seq is below the view's (a
    // followed source that dropped batches which never became durable); otherwise a followed
    // source behind the view is waited for.
    void warmView(View& view, const char* reason, bool replace = false);
    void handOver(View& view, FollowedSource* source);
    void sendDelta(View& view, const Published& published);
    bool readState(View& view, std::string* states, std::vector<std::array<std::uint32_t, 3>>* areas, Seq* seq);
    void takeOver(View& view, EventShard* shard);
    void subscribeShard(View* view);
    static const Venue& venueOf(const View& view);
    void applyPublication(View& view, const Published& published);
    // The availability cache (View::cacheMutex): a publication applied, or the state a read gave.
    static void cacheApply(View& view, const Published& published);
    static void cacheSet(View& view, const std::string& states, const std::vector<std::array<std::uint32_t, 3>>& areas,
                         Seq seq, VenuePtr venue);
    void sendSnapshot(View& view, const WsConnectionPtr& connection, const char* reason = nullptr);
    void doSubscribe(View& view, const WsConnectionPtr& connection, std::optional<Seq> fromSeq);
    View* find(EventId event) const;

    const HubOptions m_options;
    Metrics& m_metrics;
    WsBroadcaster* m_broadcaster = nullptr;

    mutable std::mutex m_viewsMutex; // guards the map itself; views are never removed
    std::map<EventId, std::unique_ptr<View>> m_views;

    std::mutex m_queueMutex;
    std::condition_variable m_wake;
    std::deque<Task> m_queue;
    bool m_stopping = false;

    std::atomic<std::uint64_t> m_messagesSent { 0 };
    std::atomic<std::uint64_t> m_resyncs { 0 };
    std::atomic<std::uint64_t> m_dropped { 0 };
    std::map<std::uint64_t, std::vector<EventId>> m_clientEvents; // hub thread only
    std::thread m_thread;
};

} // namespace usher::net
