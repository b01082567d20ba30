#pragma once

#include "core/Status.h"
#include "journal/JournalFormat.h"
#include "ledger/CommandResult.h"
#include "ledger/Ledger.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace usher {

// Called with a request's results once they may be acknowledged (their batch is durable) or have
// failed. Runs on an engine thread: keep it short and hand work to your own thread.
using Completion = std::function<void(std::vector<CommandResult>&&)>;

struct PendingRequest {
    std::vector<CommandResult> results;
    Completion done;
};

class CommitListener;

// One shard's batch on its way to storage.
struct CommitWork {
    CommitListener* shard = nullptr;
    std::uint64_t epoch = 0;
    EventId event = 0;
    JournalBatch batch;
    std::shared_ptr<const std::vector<std::uint8_t>> snapshot;
    Seq snapshotSeq = 0;
    std::shared_ptr<const EventSpec> spec; // a spec update journaled in this batch
    std::vector<PendingRequest> requests;
    std::int64_t enqueuedNs = 0;
};

class CommitListener {
public:
    virtual ~CommitListener() = default;
    virtual void committed(CommitWork&& work) = 0;
    virtual void commitFailed(CommitWork&& work, Status status, const std::string& error) = 0;
    // True when an earlier batch of this epoch failed: later ones must not be written.
    virtual bool epochFailed(std::uint64_t epoch) const = 0;
};

} // namespace usher
