#pragma once

#include "ledger/Ledger.h"
#include "storage/Storage.h"

#include <memory>
#include <string>

namespace usher {

struct LoadStats {
    Seq snapshotSeq = 0;
    std::uint64_t batches = 0;
    std::uint64_t records = 0;
    std::uint64_t bytes = 0;
};

// Rebuilds an event's ledger from storage: its newest snapshot, then the journal from the
// snapshot's idempotency floor. StorageFailed when anything read is corrupt or missing.
Status loadLedger(Storage& storage, const EventSpec& spec, const LedgerOptions& options,
                  std::unique_ptr<Ledger>* out, LoadStats* stats, std::string* error);

} // namespace usher
