#include "audit/AuditReplay.h"

#include "core/Assert.h"
#include "storage/SqliteStorage.h"

#include <QByteArray>

#include <algorithm>
#include <cstring>

namespace usher::audit {
namespace {

// A checkpoint body, in memory and in audit.db: the ledger snapshot deflated (zlib level 1, through
// Qt Core) behind a 4-byte tag. A snapshot of a long onsale is mostly its order and ticket tables
// (small integers, repeated names and e-mail domains), which deflate several times over; that is
// less to read from a cold audit.db and less to keep in memory, for ~0.1 s of inflating per
// restore. A body without the tag is a plain snapshot stored by an earlier version: used as is.
constexpr std::uint8_t kPackedTag[4] = { 'U', 'C', 'Z', '1' };
constexpr int kPackLevel = 1;

std::shared_ptr<const std::vector<std::uint8_t>> packSnapshot(const std::vector<std::uint8_t>& snapshot)
{
    const QByteArray packed = qCompress(snapshot.data(), qsizetype(snapshot.size()), kPackLevel);
    auto body = std::make_shared<std::vector<std::uint8_t>>(sizeof kPackedTag + std::size_t(packed.size()));
    std::memcpy(body->data(), kPackedTag, sizeof kPackedTag);
    std::memcpy(body->data() + sizeof kPackedTag, packed.constData(), std::size_t(packed.size()));
    return body;
}

// The snapshot of a body; false when it does not inflate (a damaged page: the caller replays).
bool unpackSnapshot(const std::vector<std::uint8_t>& body, std::vector<std::uint8_t>* snapshot)
{
    if (body.size() < sizeof kPackedTag || std::memcmp(body.data(), kPackedTag, sizeof kPackedTag) != 0) {
        *snapshot = body;
        return true;
    }
    const QByteArray raw = qUncompress(body.data() + sizeof kPackedTag, qsizetype(body.size() - sizeof kPackedTag));
    if (raw.isEmpty())
        return false;
    snapshot->resize(std::size_t(raw.size()));
    std::memcpy(snapshot->data(), raw.constData(), std::size_t(raw.size()));
    return true;
}

} // namespace

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
    if (!options.checkpointPath.empty()) {
        // Without it time travel still works, only slower to start: not an error.
        std::string why;
        replay->m_checkpointDb = AuditDb::open(options.checkpointPath, false, &why);
        if (replay->m_checkpointDb != nullptr) {
            AuditStmt probe(*replay->m_checkpointDb, "SELECT 1 FROM replay_checkpoint LIMIT 1");
            if (!probe.ok())
                replay->m_checkpointDb.reset(); // an index of schema 1, not upgraded yet
        }
    }
    return replay;
}

void AuditReplay::clear()
{
    m_events.clear();
    if (m_checkpointDb != nullptr) {
        std::string ignored;
        m_checkpointDb->exec("DELETE FROM replay_checkpoint", &ignored);
    }
}

void AuditReplay::loadStoredCheckpoints(EventState& state)
{
    if (m_checkpointDb == nullptr)
        return;
    // Positions and sizes only (length() reads a blob's size from its row header, not the blob
    // and its overflow pages): a body is read when it is restored; its size prices the restore.
    AuditStmt stmt(*m_checkpointDb,
                   "SELECT seq, length(snapshot) FROM replay_checkpoint WHERE event_id = ?1 ORDER BY seq");
    if (!stmt.ok())
        return;
    stmt.bind(1, std::int64_t(state.spec->id));
    while (stmt.step()) {
        const Seq seq = Seq(stmt.integer(0));
        state.checkpoints.emplace(seq,
                                  Checkpoint { nullptr, std::uint64_t(std::max<std::int64_t>(0, stmt.integer(1))) });
        state.loaded.insert(seq);
    }
    while (state.checkpoints.size() > m_options.checkpointsMax)
        thinCheckpoints(state);
}

std::shared_ptr<const std::vector<std::uint8_t>> AuditReplay::readStoredCheckpoint(EventId event, Seq seq)
{
    if (m_checkpointDb == nullptr)
        return nullptr;
    AuditStmt stmt(*m_checkpointDb, "SELECT snapshot FROM replay_checkpoint WHERE event_id = ?1 AND seq = ?2");
    if (!stmt.ok())
        return nullptr;
    stmt.bind(1, std::int64_t(event)).bind(2, std::int64_t(seq));
    if (!stmt.step())
        return nullptr;
    ++m_bodiesReadTotal;
    return std::make_shared<const std::vector<std::uint8_t>>(stmt.blob(0));
}

void AuditReplay::storeCheckpoint(EventId event, Seq seq, const std::vector<std::uint8_t>& snapshot)
{
    if (m_checkpointDb == nullptr)
        return;
    AuditStmt stmt(*m_checkpointDb,
                   "INSERT OR REPLACE INTO replay_checkpoint(event_id, seq, snapshot) VALUES (?1, ?2, ?3)");
    stmt.bind(1, std::int64_t(event)).bind(2, std::int64_t(seq)).bindBlob(3, snapshot);
    stmt.run(); // a busy or full disk costs only the next session's speed
}

void AuditReplay::forgetStoredCheckpoint(EventId event, Seq seq)
{
    if (m_checkpointDb == nullptr)
        return;
    AuditStmt stmt(*m_checkpointDb, "DELETE FROM replay_checkpoint WHERE event_id = ?1 AND seq = ?2");
    stmt.bind(1, std::int64_t(event)).bind(2, std::int64_t(seq));
    stmt.run();
}

Status AuditReplay::warm(EventId event, std::uint64_t records, bool* done, std::string* error)
{
    *done = false;
    EventState* state = nullptr;
    if (const Status status = eventState(event, &state, error); status != Status::Ok)
        return status;
    Seq from = state->checkpoints.empty() ? 0 : state->checkpoints.rbegin()->first;
    if (state->cursor != nullptr)
        from = std::max(from, state->cursor->lastSeq());
    Seq reached = 0;
    const Status status = stateAt(
        event, from + std::max<std::uint64_t>(1, records), [](const Ledger&) {}, error, &reached);
    if (status != Status::Ok)
        return status;
    *done = reached < from + std::max<std::uint64_t>(1, records); // the journal ended
    return Status::Ok;
}

Status AuditReplay::readAhead(EventId event, bool* done, std::string* error)
{
    *done = true;
    EventState* state = nullptr;
    if (const Status status = eventState(event, &state, error); status != Status::Ok)
        return status;
    // The unread one nearest to the cursor: the user is most likely to jump near where they are.
    const Seq at = state->cursor != nullptr ? state->cursor->lastSeq() : 0;
    auto nearest = state->checkpoints.end();
    Seq nearestDistance = ~Seq(0);
    for (auto c = state->checkpoints.begin(); c != state->checkpoints.end(); ++c) {
        if (c->second.body != nullptr)
            continue;
        const Seq distance = c->first > at ? c->first - at : at - c->first;
        if (distance < nearestDistance)
            nearest = c, nearestDistance = distance;
    }
    if (nearest == state->checkpoints.end())
        return Status::Ok;
    nearest->second.body = readStoredCheckpoint(event, nearest->first);
    if (nearest->second.body != nullptr) {
        nearest->second.bytes = nearest->second.body->size();
    } else {
        // Gone from the audit index meanwhile (or unreadable): replayed around instead, as
        // startFor would.
        state->loaded.erase(nearest->first);
        state->checkpoints.erase(nearest);
    }
    *done = unreadCheckpoints(event) == 0;
    return Status::Ok;
}

std::uint64_t AuditReplay::checkpointBytes(EventId event) const
{
    const auto found = m_events.find(event);
    std::uint64_t bytes = 0;
    if (found != m_events.end())
        for (const auto& c : found->second.checkpoints)
            bytes += c.second.body != nullptr ? c.second.body->size() : 0;
    return bytes;
}

std::vector<std::pair<Seq, std::uint64_t>> AuditReplay::checkpointPositions(EventId event) const
{
    std::vector<std::pair<Seq, std::uint64_t>> positions;
    if (const auto found = m_events.find(event); found != m_events.end())
        for (const auto& [seq, checkpoint] : found->second.checkpoints)
            positions.emplace_back(seq, checkpoint.bytes);
    return positions;
}

std::size_t AuditReplay::unreadCheckpoints(EventId event) const
{
    const auto found = m_events.find(event);
    if (found == m_events.end())
        return 0;
    std::size_t unread = 0;
    for (const auto& c : found->second.checkpoints)
        unread += c.second.body == nullptr ? 1 : 0;
    return unread;
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
        loadStoredCheckpoints(s);
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

std::uint64_t AuditReplay::restoreCost(const Checkpoint& checkpoint) const
{
    const std::uint64_t perRecord = m_options.restoreBodyBytesPerRecord;
    return m_options.restoreCostRecords + (perRecord != 0 ? checkpoint.bytes / perRecord : 0);
}

std::uint64_t AuditReplay::restoreCostAt(EventId event, Seq at) const
{
    const auto found = m_events.find(event);
    if (found == m_events.end())
        return 0;
    auto it = found->second.checkpoints.upper_bound(at);
    return it == found->second.checkpoints.begin() ? 0 : restoreCost(std::prev(it)->second);
}

// Where to replay from, by estimated cost in records: the cursor, when at or before `seq` (a
// ledger never goes backwards), costs the records between; a checkpoint at or before `seq` costs
// its restore plus the records after it; an empty ledger costs `seq`. The cheapest wins, ties to
// the cursor: a slider stepped forward replays, a jump further than a restore costs restores.
AuditReplay::Checkpoints::const_iterator AuditReplay::checkpointFor(const EventState& state, Seq seq) const
{
    const bool cursorUsable = state.cursor != nullptr && state.cursor->lastSeq() <= seq;
    const Seq base = cursorUsable ? state.cursor->lastSeq() : 0;
    std::uint64_t best = seq - base;
    auto chosen = state.checkpoints.end();
    // A checkpoint at or before the cursor never beats it.
    for (auto it = state.checkpoints.upper_bound(base); it != state.checkpoints.end() && it->first <= seq; ++it) {
        const std::uint64_t cost = restoreCost(it->second) + (seq - it->first);
        if (cost < best)
            best = cost, chosen = it;
    }
    return chosen;
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
    const auto found = checkpointFor(state, seq);
    if (found != state.checkpoints.end()) {
        const auto it = state.checkpoints.find(found->first);
        if (it->second.body == nullptr) {
            it->second.body = readStoredCheckpoint(state.spec->id, it->first); // stored by an earlier session
            if (it->second.body != nullptr) {
                ++m_stats.checkpointBodiesRead;
                it->second.bytes = it->second.body->size();
            }
        }
        std::string why = "its body is not in the audit index";
        std::vector<std::uint8_t> snapshot;
        if (it->second.body != nullptr && !unpackSnapshot(*it->second.body, &snapshot))
            why = "its body does not inflate";
        state.cursor = !snapshot.empty() ? Ledger::restore(*state.spec, m_options.ledger, snapshot, &why) : nullptr;
        if (state.cursor == nullptr) {
            if (state.loaded.count(it->first) != 0) {
                // Read back from the audit index (another version, a damaged page): drop it and
                // replay instead.
                forgetStoredCheckpoint(state.spec->id, it->first);
                state.loaded.erase(it->first);
                state.checkpoints.erase(it);
                return startFor(state, seq, error);
            }
            *error = "event " + std::to_string(state.spec->id) + ": a checkpoint does not restore: " + why;
            return Status::StorageFailed;
        }
        m_stats.fromCheckpoint = true;
        m_stats.fromStoredCheckpoint = state.loaded.count(it->first) != 0;
        m_stats.restoreCostRecords = restoreCost(it->second);
        ++m_restoresTotal;
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
    auto body = packSnapshot(state.cursor->snapshot());
    storeCheckpoint(state.spec->id, at, *body);
    const std::uint64_t bytes = body->size();
    state.checkpoints.emplace(at, Checkpoint { std::move(body), bytes });
    if (state.checkpoints.size() > m_options.checkpointsMax)
        thinCheckpoints(state);
}

// Too many: keep every other one and space the next ones twice as far.
void AuditReplay::thinCheckpoints(EventState& state)
{
    bool drop = false;
    for (auto c = state.checkpoints.begin(); c != state.checkpoints.end();) {
        if (drop) {
            state.loaded.erase(c->first);
            forgetStoredCheckpoint(state.spec->id, c->first);
            c = state.checkpoints.erase(c);
        } else {
            c = std::next(c);
        }
        drop = !drop;
    }
    state.spacing *= 2;
}

} // namespace usher::audit
