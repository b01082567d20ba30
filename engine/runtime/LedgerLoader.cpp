#include "runtime/LedgerLoader.h"

namespace usher {

Status loadLedger(Storage& storage, const EventSpec& spec, const LedgerOptions& options,
                  std::unique_ptr<Ledger>* out, LoadStats* stats, std::string* error)
{
    *stats = LoadStats{};
    std::vector<std::uint8_t> snapshot;
    Seq snapshotSeq = 0;
    if (const Status status = storage.loadSnapshot(spec.id, &snapshot, &snapshotSeq, error); status != Status::Ok)
        return status;
    std::unique_ptr<Ledger> ledger;
    if (snapshot.empty()) {
        ledger = std::make_unique<Ledger>(spec, options);
    } else {
        ledger = Ledger::restore(spec, options, snapshot, error);
        if (ledger == nullptr) {
            *error = "event " + std::to_string(spec.id) + ": " + *error;
            return Status::StorageFailed;
        }
        if (ledger->lastSeq() != snapshotSeq) {
            *error = "event " + std::to_string(spec.id) + ": snapshot row and content disagree on the seq";
            return Status::StorageFailed;
        }
    }
    stats->snapshotSeq = snapshotSeq;
    bool replayed = true;
    const Status status = storage.readJournal(
        spec.id, ledger->replayFromSeq(),
        [&](const BatchPtr& batch) {
            replayed = ledger->replay(batch);
            ++stats->batches;
            stats->bytes += batch->size();
            return replayed;
        },
        error);
    if (status != Status::Ok)
        return status;
    if (!replayed) {
        *error = "event " + std::to_string(spec.id) + ": journal does not replay after seq "
                 + std::to_string(ledger->lastSeq());
        return Status::StorageFailed;
    }
    stats->records = ledger->lastSeq() - snapshotSeq;
    *out = std::move(ledger);
    return Status::Ok;
}

} // namespace usher
