#include "support/SimLedger.h"

#include "runtime/LedgerLoader.h"

namespace usher::test {

std::unique_ptr<SimLedger> SimLedger::open(const std::string& path, const EventSpec& spec,
                                           std::function<void(const char*)> crashPoint, std::string* error)
{
    std::unique_ptr<SimLedger> node(new SimLedger);
    SqliteStorageOptions options;
    options.path = path;
    options.synchronousFull = false; // a killed process loses nothing; power cuts are not simulated
    node->m_storage = SqliteStorage::open(options, error);
    if (node->m_storage == nullptr)
        return nullptr;
    std::vector<EventSpec> events;
    if (node->m_storage->listEvents(&events, error) != Status::Ok)
        return nullptr;
    if (events.empty() && node->m_storage->createEvent(spec, error) != Status::Ok)
        return nullptr;
    node->m_spec = spec;
    node->m_options.verify = true;
    node->m_options.idempotencyKeysMax = 4096; // far more than a simulated run uses; cheap to allocate per restart
    LoadStats stats;
    if (loadLedger(*node->m_storage, spec, node->m_options, &node->m_ledger, &stats, error) != Status::Ok)
        return nullptr;
    node->m_crashPoint = std::move(crashPoint);
    return node;
}

std::vector<CommandResult> SimLedger::execute(EventId event, std::vector<Command> commands)
{
    std::vector<CommandResult> results;
    if (event != m_spec.id) {
        results.resize(commands.size());
        for (auto& r : results)
            r.status = Status::EventNotFound;
        return results;
    }
    for (const Command& c : commands)
        results.push_back(m_ledger->execute(c));
    if (m_crashPoint)
        m_crashPoint("ledger: applied, not durable");
    JournalBatch batch = m_ledger->takeBatch();
    if (!batch.empty()) {
        const CommitItem item { m_spec.id, &batch, nullptr, 0, nullptr };
        std::string error;
        if (m_storage->commit(std::span<const CommitItem>(&item, 1), &error) != Status::Ok) {
            // As the runtime does: the outcome is unknown, the ledger is rebuilt from storage.
            LoadStats stats;
            std::unique_ptr<Ledger> rebuilt;
            if (loadLedger(*m_storage, m_spec, m_options, &rebuilt, &stats, &error) == Status::Ok)
                m_ledger = std::move(rebuilt);
            for (auto& r : results)
                r.status = Status::StorageFailed;
            return results;
        }
    }
    if (m_crashPoint)
        m_crashPoint("ledger: durable");
    return results;
}

bool SimLedger::read(EventId event, const std::function<void(const Ledger&)>& reader)
{
    if (event != m_spec.id)
        return false;
    reader(*m_ledger);
    return true;
}

} // namespace usher::test
