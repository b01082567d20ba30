#pragma once

// The engine as the programs use it: a data directory with its storage, one Committer, and one
// EventShard per event. The desktop app embeds it; usherd runs it behind its network edge.

#include "event/EventSpec.h"
#include "runtime/Committer.h"
#include "runtime/EventShard.h"

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace usher {

struct EngineOptions {
    std::string dataDirectory;      // created when missing; holds usher.db
    bool synchronousFull = true;    // fsync every commit (power-loss safe); false: WAL NORMAL
    std::string sqliteVfs;          // tests inject faults through a VFS
    // When set, open() takes its storage from here (PostgreSQL: usherd --store) instead of
    // <dataDirectory>/usher.db; null with *error when it cannot. The data directory is still created.
    std::function<std::unique_ptr<Storage>(std::string* error)> storageFactory;
    // False: open() loads no event; loadEvent() loads each one later (usherd on several nodes loads
    // only the events it owns, net/Cluster.h).
    bool loadEventsAtOpen = true;
    ShardOptions shard;
};

struct EngineStartup {
    std::size_t events = 0;
    std::uint64_t recordsReplayed = 0;
    std::uint64_t bytesReplayed = 0;
    double seconds = 0;
};

class Engine {
public:
    // Opens (or creates) the data directory and loads every event. Null with *error on failure.
    static std::unique_ptr<Engine> open(const EngineOptions& options, std::string* error);
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // Stores a new event and starts its shard. The spec is finalized here.
    Status createEvent(EventSpec spec, std::string* error);
    // Changes a running event's name, times, price types, prices, channels and sale windows, hold
    // durations or order limit; never its venue, id or ticket key. The spec is finalized here.
    // Ordered with the event's commands, journaled (EVENT_UPDATED) and stored in one transaction;
    // returns once durable. Refusals (nothing changed, *error says why): InvalidArgument (the spec
    // does not finalize, or changes the venue, id, key, or the currency after sales, or removes a
    // price type sold tickets use), ChannelNotFound (a channel in use is missing),
    // PriceTypeNotFound (a category with held or sold seats loses every price), EventNotFound,
    // ShuttingDown, StorageUnavailable/StorageFailed (outcome unknown: read back or repeat).
    Status updateEventSpec(EventId id, EventSpec spec, std::string* error, Actor actor = Actor{ActorKind::System, 0});
    // Loads one stored event (its snapshot and journal) and starts its shard; *shard gets it. Ok
    // with the shard already running when it is loaded; EventNotFound when storage has no such
    // event. For a node that has just taken the event over from another.
    Status loadEvent(EventId id, EventShard** shard, std::string* error);
    // The same from `spec` (as stored), rebuilt on the calling thread from `storage`, a connection
    // of the caller's rather than the committer's: several loads run at once, and none waits behind
    // the group commits (net/Cluster loads the events it takes over this way).
    Status loadEvent(const EventSpec& spec, Storage& storage, EventShard** shard, std::string* error);
    std::vector<EventId> events() const;
    EventShard* event(EventId id) const; // null when unknown

    // Runs `job` on the storage thread (queries on orders and tickets, for example).
    void withStorage(const std::function<void(Storage&)>& job);

    // Stops every shard (finishing their work), then the committer. EventShard pointers die here:
    // whatever holds one (views, subscriptions) must be gone first.
    void close();
    const EngineStartup& startup() const { return m_startup; }
    CommitterStats committerStats() const { return m_committer->stats(); }

private:
    Engine(const EngineOptions& options, std::unique_ptr<Committer> committer);
    Status loadEvents(std::string* error);
    // Ok with *shard when the event runs already; ShuttingDown; EventNotFound: load it.
    Status loaded(EventId id, EventShard** shard) const;
    // Starts the shard of a rebuilt ledger, or hands back the one already running.
    Status install(std::unique_ptr<Ledger> ledger, EventShard** shard);

    const EngineOptions m_options;
    std::unique_ptr<Committer> m_committer;
    mutable std::mutex m_mutex;
    std::map<EventId, std::unique_ptr<EventShard>> m_shards;
    EngineStartup m_startup;
    bool m_closed = false;
};

} // namespace usher
