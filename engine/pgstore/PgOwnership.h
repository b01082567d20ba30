#pragma once

// Event ownership for several usherd nodes on one PostgreSQL database (issue 9).
//
// * Each node keeps one dedicated connection: its *ownership session*. Owning an event means
//   holding the session-level advisory lock pg_try_advisory_lock(event_id) on that session. When
//   the session ends (the node dies, its connection breaks, or another node terminates it) the
//   server releases every lock it held, and the events are orphaned.
// * The nodes register in the table usher_nodes: node id, advertised URL, the backend pid of the
//   ownership session, and a heartbeat (the server's now()). The owner of an event is the node
//   whose session holds its lock (pg_locks), so the table never has to be kept in step with
//   ownership; it only names the holder and says where to redirect.
// * Not thread-safe: one thread (net/Cluster's poller) uses it.
//
// The storage (PgStorage) runs on other connections, named "usherd/<node id>" (application_name):
// fenceStale() terminates those of a node whose heartbeat is stale, together with its ownership
// session, so a node that hangs loses its events and cannot write to them any more.

#include "core/Types.h"
#include "event/EventSpec.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

struct pg_conn;

namespace usher {

struct PgOwnershipOptions {
    std::string conninfo;     // the same database as the storage
    std::string nodeId;       // unique per node: [A-Za-z0-9._-], 1 to 63 characters
    std::string advertiseUrl; // where the other nodes redirect clients to: "http://10.0.0.5:8080"
    int connectTimeoutSeconds = 5;
};

struct EventHolder {
    std::string nodeId;
    std::string url;
    bool mine = false; // held by this node's ownership session
};

// A node whose ownership session is connected and whose heartbeat is fresh.
struct NodeMember {
    std::string nodeId;
    std::string url;
    bool draining = false; // an admin asked it to hand its events over (usher_nodes.draining)
};

struct Survey {
    std::vector<EventId> events;              // every stored event, ascending
    std::map<EventId, EventHolder> holders;   // the holder of every locked one
    std::vector<NodeMember> members;          // the live nodes (this one included), by id
    bool selfDraining = false;
};

class PgOwnership {
public:
    // Connects, creates usher_nodes when missing and registers this node. Null with *error.
    // Call it after the storage has created its schema (PgStorage refuses a database that has
    // tables but no usher_meta).
    static std::unique_ptr<PgOwnership> open(const PgOwnershipOptions& options, std::string* error);
    ~PgOwnership();
    PgOwnership(const PgOwnership&) = delete;
    PgOwnership& operator=(const PgOwnership&) = delete;

    static bool validNodeId(const std::string& id);

    // False once the session broke (its locks are gone); reconnect() opens a new one.
    bool connected() const;
    bool reconnect(std::string* error);
    // Ends the session: every lock this node holds is released at once.
    void close();

    // Updates this node's heartbeat and pid. False when the session is gone.
    bool heartbeat(std::string* error);
    // pg_try_advisory_lock(event): *acquired true when this session holds it now (again).
    bool tryLock(EventId event, bool* acquired, std::string* error);
    // pg_advisory_unlock(event) (drain, hand-over).
    bool unlock(EventId event, std::string* error);
    // Every event id, the holder of every locked one, and the nodes alive in the last `liveSeconds`.
    bool survey(double liveSeconds, Survey* out, std::string* error);
    // The stored specs of these events (one query; missing ids are left out).
    bool readSpecs(const std::vector<EventId>& ids, std::vector<EventSpec>* specs, std::string* error);
    // Sets this node's drain flag (usher_nodes.draining).
    bool setDraining(bool draining, std::string* error);
    // For an admin (usherd --drain): sets or clears node `nodeId`'s drain flag on its own connection;
    // *ownedEvents gets how many events the node still owns. False with *error (unknown node...).
    static bool requestDrain(const std::string& conninfo, const std::string& nodeId, bool draining,
                             std::int64_t* ownedEvents, std::string* error);
    // Terminates the ownership session and storage connections of every other node whose heartbeat
    // is older than `staleSeconds`; *fenced gets their ids.
    bool fenceStale(double staleSeconds, std::vector<std::string>* fenced, std::string* error);
    // Removes this node's row (clean shutdown); the locks go with close().
    bool deregister(std::string* error);

    // Sent with the next heartbeat.
    void setAdvertiseUrl(const std::string& url) { m_options.advertiseUrl = url; }
    int backendPid() const { return m_pid; }
    const PgOwnershipOptions& options() const { return m_options; }

private:
    explicit PgOwnership(const PgOwnershipOptions& options);
    bool connect(std::string* error);
    bool fail(const char* context, std::string* error);

    PgOwnershipOptions m_options;
    pg_conn* m_conn = nullptr;
    int m_pid = 0;
};

} // namespace usher
