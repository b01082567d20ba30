#pragma once

// Fan-out across nodes (issue 9; docs/design/cluster-fanout.md): on a node of a cluster, a
// read-only view of every event that another node owns, so that WebSocket subscribers and
// availability GETs on any node see every seat change, in order and with bounded lag.
//
// * The owner's commit sends pg_notify("usher_changes", "E:S,...") inside its transaction
//   (PgStorageOptions::notifyChannel): a notification exists if and only if the batch committed.
// * The feed thread LISTENs on its own connection (pgstore/PgNotify). For each notified event it
//   replays the batch the notification carries when it is the next one, else reads the journal
//   after the last seq it has (the primary key: one index range), replays the batches into its
//   follower ledger, and hands the hub one publication with the seats and areas that changed
//   (EventHub::publishFollowed). The hub then does what it does for owned events:
//   snapshot, ordered deltas, resume by seq, availability cache and ETag.
// * Nothing is missed: after every (re)connect of the LISTEN session, and every catchUpMs anyway,
//   every followed event is read again from its last seq. A read that fails is retried on the next
//   round; a journal that does not replay reloads the event (snapshot + journal) and resets the view.
// * What is followed: every stored event that this node does not own. Events it never loaded are
//   found by a rescan (every rescanMs). An event it stops owning (handed over on a drain or a ring
//   change, or lost with its ownership session) is followed at once: ClusterNode calls handedOver()
//   right after suspending the shard, which starts the follower from the shard's last state and
//   switches the hub's view to it (EventHub::follow), so its subscribers get the new owner's changes
//   as deltas that chain on the shard's (no gap, no snapshot) and its availability GETs go on. The
//   feed thread then loads the event from PostgreSQL and publishes whatever differs. When the node
//   takes an event (back), the engine's shard replaces the follower (EventHub::addEvent) and the
//   follower stops at the next rescan.
// * Threads: one feed thread; followed() from any thread; handedOver() from the cluster's poller
//   (the same thread that hands events back to the hub on a take-over, so the hub sees both in order).

#include "ledger/Ledger.h"
#include "net/EventHub.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <string>
#include <thread>
#include <vector>

namespace usher {
class Engine;
class EventShard;
class PgStorage;
class PgListener;
} // namespace usher

namespace usher::net {

struct ClusterFeedOptions {
    std::string conninfo;
    std::string nodeId;
    std::int64_t rescanMs = 1'000;  // new events, and events this node took over
    std::int64_t catchUpMs = 5'000; // every followed event is re-read at least this often
    std::int64_t waitMs = 100;      // longest wait for a notification (stop latency)
    LedgerOptions ledger;
};

struct ClusterFeedStats {
    std::uint64_t notifications = 0; // event changes notified
    std::uint64_t publications = 0;  // handed to the hub
    std::uint64_t batches = 0;       // journal batches replayed
    std::uint64_t carried = 0;       // of which carried by the notification (no journal read)
    std::uint64_t reconnects = 0;    // LISTEN sessions (re)opened, each followed by a full re-read
    std::uint64_t reloads = 0;       // events loaded again (snapshot + journal)
    std::size_t followed = 0;
};

class ClusterFeed {
public:
    // `owned`: the events this node owns now (ClusterNode::owned). Null with *error when the
    // database cannot be reached.
    static std::unique_ptr<ClusterFeed> open(const ClusterFeedOptions& options, Engine& engine, EventHub& hub,
                                             std::function<std::vector<EventId>()> owned, std::string* error);
    ~ClusterFeed();
    ClusterFeed(const ClusterFeed&) = delete;
    ClusterFeed& operator=(const ClusterFeed&) = delete;

    void start();
    // Joins the thread. The followed views stay valid (the hub reads them) until this object is
    // destroyed: destroy it only after EventHub::stop().
    void stop();

    // This node stopped owning the event (see the top); `shard` is suspended and stays alive. Reads
    // its last state (shard.read) and hands the hub a follower that starts there. Poller thread.
    void handedOver(EventId event, EventShard& shard);
    // This node serves a read-only view of the event (GET availability, /ws).
    bool followed(EventId event) const;
    ClusterFeedStats stats() const;
    // Tests: drops the LISTEN session as if the connection broke.
    void dropListenSession();

private:
    struct Follower;
    ClusterFeed(const ClusterFeedOptions& options, Engine& engine, EventHub& hub,
                std::function<std::vector<EventId>()> owned);
    void run();
    void rescan();
    bool follow(EventId event);
    void adoptHanded();
    bool loadLedger(Follower& follower, std::string* error);
    bool load(Follower& follower, std::string* error);
    void catchUp(Follower& follower);
    void catchUpAll();
    bool replay(Follower& follower, const BatchPtr& batch);
    void publishChanges(Follower& follower);
    bool publishKnownChanges(Follower& follower);
    void send(const Published& published);

    const ClusterFeedOptions m_options;
    Engine& m_engine;
    EventHub& m_hub;
    const std::function<std::vector<EventId>()> m_owned;
    std::unique_ptr<PgStorage> m_storage; // the feed thread's reads
    std::unique_ptr<PgListener> m_listener;

    std::map<EventId, std::unique_ptr<Follower>> m_followers; // feed thread; kept until destruction
    std::vector<SeatIndex> m_seatScratch;                     // feed thread: Ledger::replay's out-parameters
    std::vector<std::uint32_t> m_areaScratch;
    std::set<EventId> m_refused;                              // unreadable, or owned here: not followed by rescan
    std::vector<std::unique_ptr<Follower>> m_retired;         // replaced by a newer follower; the hub may hold them

    std::mutex m_handedMutex;
    std::vector<std::unique_ptr<Follower>> m_handed; // from handedOver(), adopted by the feed thread

    mutable std::shared_mutex m_followedMutex;
    std::set<EventId> m_followed; // active followers, for followed()

    mutable std::mutex m_statsMutex;
    ClusterFeedStats m_stats;

    std::mutex m_stopMutex;
    std::condition_variable m_stopWake;
    bool m_stopping = false;
    std::atomic<bool> m_dropListen { false };
    std::thread m_thread;
};

} // namespace usher::net
