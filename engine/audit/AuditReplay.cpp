#include "audit/AuditReplay.h"

#include "core/Assert.h"
#include "storage/SqliteStorage.h"

#include <cstring>

namespace usher::audit {

BatchPtr truncateBatch(const BatchBytes& batch, std::uint32_t records)
{
    BatchHeader header;
    if (!decodeBatchHeader(batch.data(), batch.size(), &header) || records == 0 || records > header.recordCount)
        return nullptr;
    std::size_t end = 0;
    std::uint32_t seen = 0;
    forEachRecord(batch, [&](const RecordView& record) {
        end = record.offset + record.header.length;
        return ++seen < records;
    });
    if (seen != records || end > batch.size())
        return nullptr;
    auto out = std::make_shared<BatchBytes>(batch.begin(), batch.begin() + std::ptrdiff_t(end));
    header.recordCount = records;
    header.bytes = std::uint32_t(end);
    header.crc = 0;
    encodeBatchHeader(out.get(), header);
    header.crc = batchChecksum(*out);
    encodeBatchHeader(out.get(), header);
    return out;
}

AuditReplay::AuditReplay(const AuditReplayOptions& options)
    : m_options(options)
{
    // Replay only needs the idempotency index to accept keys; a small one keeps every replay
    // ledger (and every checkpoint) small.
    if (m_options.ledger.idempotencyKeysMax == 0)
        m_options.ledger.idempotencyKeysMax = 1024;
    if (m_options.checkpointEveryRecords == 0)
        m_options.checkpointEveryRecords = 50'000;
    if (m_options.checkpointsMax < 2)
        m_options.checkpointsMax = 2;
}

AuditReplay::~AuditReplay() = default;

std::unique_ptr<AuditReplay> AuditReplay::open(const AuditReplayOptions& options, std::string* error)
{
    std::unique_ptr<AuditReplay> replay(new AuditReplay(options));
    SqliteStorageOptions storage;
    storage.path = options.journalPath;
    storage.synchronousFull = false; // reads only
    replay->m_journal = SqliteStorage::open(storage, error);
    if (replay->m_journal == nullptr)
        return nullptr;
    return replay;
}

void AuditReplay::clear()
{
    m_events.clear();
}

Status AuditReplay::eventState(EventId event, EventState** state, std::string* error)
{
    if (auto it = m_events.find(event); it != m_events.end()) {
        *state = &it->second;
        return Status::Ok;
    }
    std::vector<EventSpec> specs;
    if (const Status status = m_journal->listEvents(&specs, error); status != Status::Ok)
        return status;
    for (EventSpec& spec : specs) {
        if (spec.id != event)
            continue;
        if (const std::string why = spec.finalize(); !why.empty()) {
            *error = "event " + std::to_string(event) + ": " + why;
            return Status::StorageFailed;
        }
        EventState& s = m_events[event];
        s.spec = std::make_shared<const EventSpec>(std::move(spec));
        s.spacing = m_options.checkpointEveryRecords;
        *state = &s;
        return Status::Ok;
    }
    *error = "no event " + std::to_string(event) + " in the journal";
    return Status::EventNotFound;
}

Status AuditReplay::stateAt(EventId event, Seq seq, const std::function<void(const Ledger&)>& reader,
                            std::string* error, Seq* reached)
{
    m_stats = AuditReplayStats {};
    EventState* state = nullptr;
    if (const Status status = eventState(event, &state, error); status != Status::Ok)
        return status;
    if (const Status status = startFor(*state, seq, error); status != Status::Ok)
        return status;
    const Seq start = state->cursor->lastSeq();
    if (const Status status = replayTo(*state, seq, error); status != Status::Ok) {
        state->cursor.reset(); // a ledger that failed halfway is unusable
        return status;
    }
    m_stats.recordsReplayed = state->cursor->lastSeq() - start;
    m_stats.checkpoints = state->checkpoints.size();
    if (reached != nullptr)
        *reached = state->cursor->lastSeq();
    reader(*state->cursor);
    return Status::Ok;
}

// Where to replay from: the cursor when it is at or before `seq` and no checkpoint is much
// closer; else the nearest checkpoint at or before `seq`; else an empty ledger.
AuditReplay::Checkpoints::const_iterator AuditReplay::checkpointFor(const EventState& state, Seq seq) const
{
    const bool cursorUsable = state.cursor != nullptr && state.cursor->lastSeq() <= seq;
    const Seq cursorSeq = cursorUsable ? state.cursor->lastSeq() : 0;
    auto it = state.checkpoints.upper_bound(seq);
    if (it == state.checkpoints.begin())
        return state.checkpoints.end();
    --it;
    // Restoring costs about as much as replaying a few thousand records.
    return !cursorUsable || it->first > cursorSeq + state.spacing / 8 ? it : state.checkpoints.end();
}

Seq AuditReplay::startSeqFor(EventId event, Seq seq) const
{
    const auto found = m_events.find(event);
    if (found == m_events.end())
        return 0;
    const EventState& state = found->second;
    if (const auto it = checkpointFor(state, seq); it != state.checkpoints.end())
        return it->first;
    return state.cursor != nullptr && state.cursor->lastSeq() <= seq ? state.cursor->lastSeq() : 0;
}

Status AuditReplay::startFor(EventState& state, Seq seq, std::string* error)
{
    const bool cursorUsable = state.cursor != nullptr && state.cursor->lastSeq() <= seq;
    const auto it = checkpointFor(state, seq);
    if (it != state.checkpoints.end()) {
        state.cursor = Ledger::restore(*state.spec, m_options.ledger, *it->second, error);
        if (state.cursor == nullptr) {
            *error = "event " + std::to_string(state.spec->id) + ": a checkpoint does not restore: " + *error;
            return Status::StorageFailed;
        }
        m_stats.fromCheckpoint = true;
        return Status::Ok;
    }
    if (cursorUsable) {
        m_stats.fromCursor = true;
        return Status::Ok;
    }
    state.cursor = std::make_unique<Ledger>(*state.spec, m_options.ledger);
    return Status::Ok;
}

Status AuditReplay::replayTo(EventState& state, Seq seq, std::string* error)
{
    Ledger& ledger = *state.cursor;
    if (ledger.lastSeq() >= seq)
        return Status::Ok;
    bool replayed = true;
    const Status status = m_journal->readJournal(
        state.spec->id, ledger.lastSeq() + 1,
        [&](const BatchPtr& batch) {
            BatchHeader header;
            if (!decodeBatchHeader(batch->data(), batch->size(), &header)) {
                replayed = false;
                return false;
            }
            const Seq last = header.firstSeq + header.recordCount - 1;
            if (last <= seq) {
                replayed = ledger.replay(batch);
                if (replayed)
                    keepCheckpoint(state);
                return replayed && ledger.lastSeq() < seq;
            }
            const BatchPtr cut = truncateBatch(*batch, std::uint32_t(seq - header.firstSeq + 1));
            replayed = cut != nullptr && ledger.replay(cut);
            return false;
        },
        error);
    if (status != Status::Ok)
        return status;
    if (!replayed) {
        *error = "event " + std::to_string(state.spec->id) + ": the journal does not replay after seq "
            + std::to_string(ledger.lastSeq());
        return Status::StorageFailed;
    }
    return Status::Ok;
}

void AuditReplay::keepCheckpoint(EventState& state)
{
    const Seq at = state.cursor->lastSeq();
    auto it = state.checkpoints.upper_bound(at);
    const Seq previous = it == state.checkpoints.begin() ? 0 : std::prev(it)->first;
    const Seq next = it == state.checkpoints.end() ? ~Seq(0) : it->first;
    if (at - previous < state.spacing || (next != ~Seq(0) && next - at < state.spacing))
        return;
    state.checkpoints.emplace(at, std::make_shared<const std::vector<std::uint8_t>>(state.cursor->snapshot()));
    if (state.checkpoints.size() <= m_options.checkpointsMax)
        return;
    // Too many: keep every other one and space the next ones twice as far.
    bool drop = false;
    for (auto c = state.checkpoints.begin(); c != state.checkpoints.end();) {
        c = drop ? state.checkpoints.erase(c) : std::next(c);
        drop = !drop;
    }
    state.spacing *= 2;
}

} // namespace usher::audit
