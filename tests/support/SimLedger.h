#pragma once

// A SyncLedger for simulations: one event's Ledger whose batches are committed to SQLite
// synchronously after every execute(), so that a node is deterministic and restarts from its file
// as a real one would (snapshot-less: the journal replays). A crash point sits between applying
// and committing, and after committing.

#include "ledger/Ledger.h"
#include "storage/SqliteStorage.h"
#include "sync/SyncLedger.h"

#include <functional>
#include <memory>
#include <string>

namespace usher::test {

class SimLedger final : public SyncLedger {
public:
    // Opens (or creates, with `spec`) the database at `path`. Null with *error on failure.
    static std::unique_ptr<SimLedger> open(const std::string& path, const EventSpec& spec,
                                           std::function<void(const char*)> crashPoint, std::string* error);

    std::vector<CommandResult> execute(EventId event, std::vector<Command> commands) override;
    bool read(EventId event, const std::function<void(const Ledger&)>& reader) override;

    const Ledger& ledger() const { return *m_ledger; }
    Storage& storage() { return *m_storage; }

private:
    SimLedger() = default;

    std::unique_ptr<SqliteStorage> m_storage;
    std::unique_ptr<Ledger> m_ledger;
    EventSpec m_spec;
    LedgerOptions m_options;
    std::function<void(const char*)> m_crashPoint;
};

} // namespace usher::test
