#include "storage/CommitChecks.h"

namespace usher {

namespace {

Status fail(Status status, std::string* error, std::string text)
{
    *error = std::move(text);
    return status;
}

} // namespace

bool verifyStoredBatch(const BatchBytes& bytes, EventId event, BatchHeader* header)
{
    return verifyBatch(bytes, event, header) && header->reserved == 0 && header->reserved2 == 0;
}

Status checkCommitItem(const CommitItem& item, std::string* error)
{
    const std::string where = "commit: event " + std::to_string(item.event);
    if (item.event == 0)
        return fail(Status::InvalidArgument, error, "commit: an item has no event id");
    const JournalBatch* batch = item.batch;
    if (batch != nullptr && !batch->empty()) {
        BatchHeader header;
        if (batch->bytes == nullptr || !verifyStoredBatch(*batch->bytes, item.event, &header))
            return fail(Status::InvalidArgument, error,
                        where + ": batch at seq " + std::to_string(batch->firstSeq)
                            + " fails verification (magic, version, size, event id or CRC)");
        if (header.firstSeq != batch->firstSeq || header.recordCount != batch->records
            || batch->lastSeq != batch->firstSeq + batch->records - 1)
            return fail(Status::InvalidArgument, error,
                        where + ": batch at seq " + std::to_string(batch->firstSeq)
                            + " disagrees with its header (first seq, last seq or record count)");
    }
    if (item.spec != nullptr && item.spec->id != item.event)
        return fail(Status::InvalidArgument, error, where + ": the spec is another event's");
    if (item.snapshot != nullptr) {
        if (item.snapshotSeq == 0)
            return fail(Status::InvalidArgument, error, where + ": a snapshot needs its seq");
        if (batch != nullptr && !batch->empty() && item.snapshotSeq > batch->lastSeq)
            return fail(Status::InvalidArgument, error, where + ": the snapshot is newer than the batch it follows");
    }
    return Status::Ok;
}

bool isProjectedKind(CommandKind kind)
{
    return kind == CommandKind::Confirm || kind == CommandKind::Refund || kind == CommandKind::Exchange
        || kind == CommandKind::Reissue;
}

} // namespace usher
