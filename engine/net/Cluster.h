#pragma once

// usherd as one node of several on one PostgreSQL database (issue 9; docs/postgresql.md).
//
// * Ownership: a node owns an event while its ownership session (pgstore/PgOwnership) holds
//   pg_try_advisory_lock(event id). It loads (rebuilds from PostgreSQL) only the events it owns
//   and serves only those; for the others, route() says where the owner is (307) or that there is
//   none right now (503).
// * Placement: the live nodes that are not draining form a consistent-hash ring (HashRing, two
//   virtual shards per node). Each event has a preferred owner on it. A node takes the orphaned
//   events that prefer it at once, and any orphan after three polls (so an event is never left
//   unowned when its preferred node is stuck). It hands an event it owns over to the preferred
//   owner once that node has been live for two polls: redirect, finish the batches in flight,
//   suspend the shard, unlock. The new owner, which knows it is next, polls every 50 ms and parks
//   the requests for the event (admit(), park()) instead of bouncing them back.
// * Redirects (net/ClusterGate.h): a node redirects a request that was not redirected yet to the
//   owner it knows of (or, for an orphan, to the preferred node). A redirected request is forwarded
//   again only to where this node handed the event itself, or to a holder seen by a survey taken
//   after the request arrived; otherwise it is parked until then (the poller polls fast meanwhile).
//   Parked requests are answered by the parking thread, at the latest kParkMs after they arrived.
// * Drain: an admin sets usher_nodes.draining (usherd --drain, or SQL); the node leaves the ring
//   and, one poll later (so that every node has seen it), hands every event over as above.
// * An event this node stops owning (handed over, or lost) is followed at once (ClusterFeed::
//   handedOver, right after the shard is suspended): its /ws subscribers and availability GETs here
//   go on with the new owner's changes. An event taken back is served by its resumed shard again.
// * The poller, every pollMs (failover timeout / 4, at most 1 s): heartbeat; terminate the sessions
//   of nodes whose heartbeat is older than the failover timeout (a hung node); survey the events,
//   their lock holders and the live nodes; take, load and serve; hand over.
//   A dead node's events are served again within about one poll plus the load time (its session
//   is gone, so it leaves the ring at once), a hung node's within the failover timeout plus that.
//   Taken events are loaded in parallel, each on its own storage connection.
// * A node whose ownership session fails (any error on it) closes it, so that its locks are
//   released, and stops serving every event it owned (their shards are suspended). It opens a new
//   session and may take events again; a suspended shard is rebuilt from PostgreSQL when taken
//   back.
// * Thread-safety: route(), admit(), park(), followed() and owned() from any thread; the rest from
//   the thread that made it, except the poller's callback, which runs on the poller thread, and
//   the parked requests' answers, which run on the parking thread.

#include "net/ClusterGate.h"
#include "runtime/Engine.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

namespace usher {
class PgOwnership;
class PgStorage;
struct Survey;
}

namespace usher::net {

class ClusterFeed;

// Consistent hashing of event ids onto node ids: every node puts kVirtualShardsPerNode points
// (hashes of "<node id>#<i>") on a 64-bit ring, and an event belongs to the first point at or after
// its own hash. Adding or removing a node moves only the events of the arcs it takes or leaves,
// about 1/N of them. Deterministic across processes and builds (FNV-1a, then a 64-bit mix).
class HashRing {
public:
    static constexpr int kVirtualShardsPerNode = 2; // "twice as many virtual shards as nodes" (issue 9)

    explicit HashRing(const std::vector<std::string>& nodes);
    // The preferred owner; empty when the ring has no node.
    const std::string& owner(EventId event) const;
    bool empty() const { return m_points.empty(); }
    static std::uint64_t hash(std::string_view text);

private:
    std::vector<std::pair<std::uint64_t, std::string>> m_points; // sorted by hash
};

struct ClusterOptions {
    std::string conninfo;     // the engine's PostgreSQL database
    std::string nodeId;       // unique per node
    std::string advertiseUrl; // where the other nodes send this node's clients; may be set later
    std::int64_t failoverTimeoutMs = 10'000;
    int loadersMax = 3; // events loaded at once on a take-over, each on its own connection
};

class ClusterNode final : public OwnershipGate {
public:
    // Opens the ownership session and registers the node. Null with *error.
    static std::unique_ptr<ClusterNode> open(const ClusterOptions& options, Engine& engine, std::string* error);
    ~ClusterNode() override;
    ClusterNode(const ClusterNode&) = delete;
    ClusterNode& operator=(const ClusterNode&) = delete;

    // Start-up, before serving: takes every event nobody owns and loads it into the engine.
    // *storedEvents gets how many events the database holds. False with *error when the session
    // fails.
    bool claimOrphans(std::size_t* storedEvents, std::string* error);
    // The URL in redirects to this node (known once the server listens); sent at once.
    void setAdvertiseUrl(const std::string& url);
    // Starts the poller. `loaded` gets every event it takes over, or takes back (on the poller
    // thread).
    void start(std::function<void(EventShard*)> loaded);
    // Stops the poller (no more take-overs); the locks stay held.
    void stopPolling();
    // Ends the ownership session: every lock is released and the other nodes take the events.
    // Call it after Engine::close(), once nothing can commit for these events any more.
    void release();

    // For a request that was not redirected; waits up to kIncomingWaitMs (blocking) for an event
    // this node is about to take. ApiService uses admit() and park() instead.
    OwnerRoute route(EventId event, std::string* ownerUrl) const override;
    OwnerRoute admit(EventId event, int hops, std::int64_t receivedNs, std::string* ownerUrl) const override;
    bool park(EventId event, int hops, std::int64_t receivedNs, ParkedAnswer answer) const override;
    // Availability of events owned elsewhere is served from the feed's views (may be null).
    // An event this node stops owning (handed over, or lost) is followed at once
    // (ClusterFeed::handedOver). Set before start().
    void setFeed(ClusterFeed* feed) { m_feed = feed; }
    bool followed(EventId event) const override;
    std::vector<EventId> owned() const;
    // Sets or clears this node's drain flag; the poller hands the events over (see the top).
    bool setDraining(bool draining, std::string* error);
    bool draining() const { return m_draining.load(); }
    static constexpr std::int64_t kIncomingWaitMs = 2000;
    static constexpr std::int64_t kParkMs = 8000;        // longest wait of a parked request
    static constexpr std::size_t kParkedMax = 20'000;    // more are answered at once (307 or 503)
    std::int64_t pollMs() const { return m_pollMs; }
    const std::string& nodeId() const { return m_options.nodeId; }

private:
    enum class UrlFrom : std::uint8_t {
        None,
        Holder,    // a survey saw that node hold the lock (at m_surveyNs or before)
        HandOver,  // this node handed the event there
        Preferred, // an orphan: the node the ring prefers (a guess)
    };
    struct Entry {
        bool mine = false;
        bool incoming = false; // this node prefers it and is about to take it: requests wait
        UrlFrom from = UrlFrom::None;
        std::int64_t orphanSinceNs = 0; // steady clock; 0: not an orphan
        std::string url;       // the owner's (or, while handing it over, the new owner's)
    };
    struct Parked {
        EventId event = 0;
        int hops = 0;
        std::int64_t receivedNs = 0;
        ParkedAnswer answer;
    };
    struct Plan {
        std::vector<EventId> take;
        std::vector<std::pair<EventId, std::string>> handOver; // event, the new owner's URL
        std::vector<EventId> lostNow;
    };

    ClusterNode(const ClusterOptions& options, Engine& engine, std::unique_ptr<PgOwnership> db);
    void run();
    bool pollOnce(bool startup, std::string* error);
    Plan plan(const Survey& survey, std::int64_t surveyNs);
    bool takeAll(const std::vector<EventId>& ids, bool startup, std::string* error);
    void openLoaders(std::size_t count);
    bool loadParallel(const std::vector<EventSpec>& specs, std::map<EventId, EventShard*>* loaded, std::string* error);
    void serve(EventId id, EventShard* shard, bool startup, double seconds);
    bool handOver(const std::vector<std::pair<EventId, std::string>>& events, std::string* error);
    void loseAll(const std::string& reason);
    void stopServing(EventId id, EventShard& shard);
    std::int64_t nextWaitMs() const;
    OwnerRoute decideLocked(EventId event, int hops, std::int64_t receivedNs, std::string* ownerUrl) const;
    void wakeParked() const;
    void runParking();
    void stopParking();

    const ClusterOptions m_options;
    Engine& m_engine;
    std::unique_ptr<PgOwnership> m_db; // the poller's (or, before start(), the caller's)
    const std::int64_t m_pollMs;
    std::function<void(EventShard*)> m_loaded;

    mutable std::shared_mutex m_mutex;
    mutable std::condition_variable_any m_served; // an incoming event became this node's
    std::unordered_map<EventId, Entry> m_entries;
    std::int64_t m_surveyNs = 0; // steady clock: when the last survey began
    std::size_t m_storedEvents = 0;
    std::map<std::string, int> m_livePolls; // node id -> polls in a row it was seen live
    std::int64_t m_drainSeenNs = 0;         // when this poller first saw its own drain flag; 0: not draining
    std::atomic<bool> m_draining { false };
    std::atomic<bool> m_fastPoll { false };
    std::vector<std::unique_ptr<PgStorage>> m_loaders; // the poller's, opened on the first take-over

    ClusterFeed* m_feed = nullptr;

    // Parked requests (see the top), answered by the parking thread.
    mutable std::mutex m_parkMutex;
    mutable std::condition_variable m_parkWake;
    mutable std::deque<Parked> m_parked;
    mutable bool m_parkChanged = false; // an entry or the survey changed since the last look
    bool m_parkStopping = false;
    bool m_parkRunning = false;
    std::thread m_parkThread;

    std::mutex m_stopMutex;
    std::condition_variable m_stopWake;
    bool m_stopping = false;
    std::thread m_thread;
};

// `usherd drain --store URI --node ID [--undo] [--wait S]`: sets (or, with --undo, clears) the
// node's drain flag and, unless S is 0, waits up to S seconds until it owns no event. Prints what
// happens on stdout (errors on stderr); exit status 0 when done, 1 on error or when the wait ran out.
int drainCommand(const std::vector<std::string_view>& args);

} // namespace usher::net
