#pragma once

// usherd as one node of several on one PostgreSQL database (issue 9; docs/postgresql.md).
//
// * Ownership: a node owns an event while its ownership session (pgstore/PgOwnership) holds
//   pg_try_advisory_lock(event id). It loads (rebuilds from PostgreSQL) only the events it owns
//   and serves only those; for the others, route() says where the owner is (307) or that there is
//   none right now (503).
// * The poller, every pollMs (failover timeout / 4, at most 1 s): heartbeat; terminate the sessions
//   of nodes whose heartbeat is older than the failover timeout (a hung node); survey the events
//   and their lock holders; take every event that has been orphaned for two polls in a row (its
//   owner died: the server released its locks with its session), load it and serve it.
//   A dead node's events are therefore served again within about 2 polls plus the load time,
//   a hung node's within the failover timeout plus that.
// * A node whose ownership session fails (any error on it) closes it, so that its locks are
//   released, and stops serving every event it owned. It never takes those back in this process
//   (its copy of them is stale); it opens a new session and may take other orphaned events.
//   Restart it to have it serve them again.
// * Thread-safety: route() and owned() from any thread; the rest from the thread that made it,
//   except the poller's callback, which runs on the poller thread.

#include "net/ClusterGate.h"
#include "runtime/Engine.h"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace usher {
class PgOwnership;
}

namespace usher::net {

struct ClusterOptions {
    std::string conninfo;     // the engine's PostgreSQL database
    std::string nodeId;       // unique per node
    std::string advertiseUrl; // where the other nodes send this node's clients; may be set later
    std::int64_t failoverTimeoutMs = 10'000;
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
    // Starts the poller. `loaded` gets every event it takes over (on the poller thread).
    void start(std::function<void(EventShard*)> loaded);
    // Stops the poller (no more take-overs); the locks stay held.
    void stopPolling();
    // Ends the ownership session: every lock is released and the other nodes take the events.
    // Call it after Engine::close(), once nothing can commit for these events any more.
    void release();

    OwnerRoute route(EventId event, std::string* ownerUrl) const override;
    std::vector<EventId> owned() const;
    std::int64_t pollMs() const { return m_pollMs; }
    const std::string& nodeId() const { return m_options.nodeId; }

private:
    struct Entry {
        bool mine = false;
        bool lost = false; // owned once in this process, then lost: never served here again
        int orphanPolls = 0;
        std::string url;   // the owner's, when another node owns it
    };

    ClusterNode(const ClusterOptions& options, Engine& engine, std::unique_ptr<PgOwnership> db);
    void run();
    bool pollOnce(bool startup, std::string* error);
    void take(EventId event, bool startup);
    void loseAll(const std::string& reason);

    const ClusterOptions m_options;
    Engine& m_engine;
    std::unique_ptr<PgOwnership> m_db; // the poller's (or, before start(), the caller's)
    const std::int64_t m_pollMs;
    std::function<void(EventShard*)> m_loaded;

    mutable std::shared_mutex m_mutex;
    std::unordered_map<EventId, Entry> m_entries;
    std::size_t m_storedEvents = 0;

    std::mutex m_stopMutex;
    std::condition_variable m_stopWake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace usher::net
