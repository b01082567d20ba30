#include "sync/SyncLedger.h"

#include "runtime/Engine.h"

namespace usher {

std::vector<CommandResult> EngineSyncLedger::execute(EventId event, std::vector<Command> commands)
{
    EventShard* shard = m_engine.event(event);
    if (shard == nullptr) {
        std::vector<CommandResult> results(commands.size());
        for (std::size_t i = 0; i < commands.size(); ++i)
            results[i].status = Status::EventNotFound, results[i].kind = commands[i].kind;
        return results;
    }
    return shard->execute(std::move(commands));
}

bool EngineSyncLedger::read(EventId event, const std::function<void(const Ledger&)>& reader)
{
    EventShard* shard = m_engine.event(event);
    return shard != nullptr && shard->read(reader);
}

bool syncStatusIsTransient(Status status)
{
    return status == Status::QueueFull || status == Status::StorageFailed || status == Status::StorageUnavailable
        || status == Status::ShuttingDown;
}

} // namespace usher
