#pragma once

// What the sync classes need from an engine: run commands on an event's ledger and get their
// results once they are durable, and read the ledger. usherd and the desktop app pass
// EngineSyncLedger (the real Engine, one EventShard per event); the simulation passes a ledger
// committed synchronously to SQLite, so that it is deterministic.

#include "ledger/Ledger.h"

#include <functional>
#include <vector>

namespace usher {

class Engine;

class SyncLedger {
public:
    virtual ~SyncLedger() = default;
    // One result per command, in order, each durable before this returns. Runtime failures come
    // back as the result's status (EventNotFound, QueueFull, StorageFailed...).
    virtual std::vector<CommandResult> execute(EventId event, std::vector<Command> commands) = 0;
    // Runs `reader` on the event's ledger; false when the event is unknown or stopped.
    virtual bool read(EventId event, const std::function<void(const Ledger&)>& reader) = 0;
};

// Blocks on the shard: never call it from a Completion or a Subscriber.
class EngineSyncLedger final : public SyncLedger {
public:
    explicit EngineSyncLedger(Engine& engine)
        : m_engine(engine)
    {
    }
    std::vector<CommandResult> execute(EventId event, std::vector<Command> commands) override;
    bool read(EventId event, const std::function<void(const Ledger&)>& reader) override;

private:
    Engine& m_engine;
};

// True for the statuses that say nothing about the command (it may or may not have happened):
// retry it later with the same key.
bool syncStatusIsTransient(Status status);

} // namespace usher
