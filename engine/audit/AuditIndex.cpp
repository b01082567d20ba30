#include "audit/AuditIndex.h"

#include "core/Assert.h"
#include "storage/SqliteStorage.h"

#include <sqlite3.h>

#include <filesystem>
#include <system_error>

namespace usher::audit {
namespace {

// Every filter has an index that ends with the key (the rowid), so a filtered page is an index
// range read in browse order. Seats live in a WITHOUT ROWID side table keyed the same way.
constexpr const char* kSchemaSql = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value NOT NULL);
CREATE TABLE progress(event_id INTEGER PRIMARY KEY, last_seq INTEGER NOT NULL, last_ms INTEGER NOT NULL,
    rows INTEGER NOT NULL);
CREATE TABLE audit(key INTEGER PRIMARY KEY, event_id INTEGER NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL,
    kind INTEGER NOT NULL, status INTEGER NOT NULL, channel INTEGER NOT NULL, actor_kind INTEGER NOT NULL,
    actor_id INTEGER NOT NULL, hold_id INTEGER NOT NULL, order_id INTEGER NOT NULL, seat_count INTEGER NOT NULL,
    first_seat INTEGER NOT NULL, area_id INTEGER NOT NULL, quantity INTEGER NOT NULL, amount INTEGER NOT NULL,
    event_mask INTEGER NOT NULL, detail INTEGER NOT NULL, batch_seq INTEGER NOT NULL, batch_offset INTEGER NOT NULL,
    text TEXT NOT NULL);
CREATE INDEX audit_by_event ON audit(event_id);
CREATE UNIQUE INDEX audit_by_event_seq ON audit(event_id, seq);
CREATE INDEX audit_by_event_kind ON audit(event_id, kind);
CREATE INDEX audit_by_kind ON audit(kind);
CREATE INDEX audit_by_actor ON audit(actor_kind, actor_id);
CREATE INDEX audit_by_actor_kind ON audit(actor_kind, actor_id, kind);
CREATE INDEX audit_by_order ON audit(order_id);
CREATE INDEX audit_by_hold ON audit(event_id, hold_id);
CREATE TABLE audit_seat(event_id INTEGER NOT NULL, seat_id INTEGER NOT NULL, key INTEGER NOT NULL,
    PRIMARY KEY(event_id, seat_id, key)) WITHOUT ROWID;
CREATE VIRTUAL TABLE audit_fts USING fts5(text, content='audit', content_rowid='key',
    tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE TABLE replay_checkpoint(event_id INTEGER NOT NULL, seq INTEGER NOT NULL, snapshot BLOB NOT NULL,
    PRIMARY KEY(event_id, seq));
INSERT INTO meta(key, value) VALUES ('schema_version', 2);
)sql";

// Version 1 to 2 in place (a rebuild of 10M rows takes minutes; this, one index build):
// clerk + type + time range becomes one index range (actor_kind, actor_id, kind, key), and time
// travel keeps its checkpoints (AuditReplay) across sessions.
constexpr const char* kUpgrade1To2Sql = R"sql(
BEGIN;
CREATE INDEX IF NOT EXISTS audit_by_actor_kind ON audit(actor_kind, actor_id, kind);
CREATE INDEX IF NOT EXISTS audit_by_actor ON audit(actor_kind, actor_id);
CREATE TABLE IF NOT EXISTS replay_checkpoint(event_id INTEGER NOT NULL, seq INTEGER NOT NULL, snapshot BLOB NOT NULL,
    PRIMARY KEY(event_id, seq));
UPDATE meta SET value = 2 WHERE key = 'schema_version';
COMMIT;
)sql";

constexpr const char* kInsertRowSql
    = "INSERT INTO audit(key, event_id, seq, at, kind, status, channel, actor_kind, actor_id, hold_id, order_id,"
      " seat_count, first_seat, area_id, quantity, amount, event_mask, detail, batch_seq, batch_offset, text)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)";
// A hold that became an order: its earlier records (hold, extend, payment) get the order too, so
// that filtering by order shows the whole story.
constexpr const char* kLinkOrderSql
    = "UPDATE audit SET order_id = ?3 WHERE event_id = ?1 AND hold_id = ?2 AND order_id = 0 AND key < ?4";

bool fileExists(const std::string& path)
{
    std::error_code ec;
    return std::filesystem::exists(path, ec);
}

void removeIndexFiles(const std::string& path)
{
    std::error_code ec;
    for (const char* suffix : { "", "-wal", "-shm" })
        std::filesystem::remove(path + suffix, ec);
}

} // namespace

AuditIndexOptions AuditIndex::optionsFor(const std::string& dataDirectory)
{
    AuditIndexOptions options;
    options.journalPath = (std::filesystem::path(dataDirectory) / "usher.db").string();
    options.indexPath = (std::filesystem::path(dataDirectory) / "audit.db").string();
    return options;
}

int AuditIndex::storedSchemaVersion(const std::string& indexPath, std::uint64_t* rows)
{
    if (rows != nullptr)
        *rows = 0;
    if (!fileExists(indexPath))
        return 0;
    std::string ignored;
    auto db = AuditDb::open(indexPath, false, &ignored);
    if (db == nullptr)
        return 0;
    AuditStmt version(*db, "SELECT value FROM meta WHERE key = 'schema_version'");
    const int found = version.ok() && version.step() ? int(version.integer(0)) : 0;
    if (rows != nullptr && found != 0) {
        AuditStmt count(*db, "SELECT coalesce(sum(rows), 0) FROM progress");
        *rows = count.ok() && count.step() ? std::uint64_t(count.integer(0)) : 0;
    }
    return found;
}

AuditIndex::AuditIndex(const AuditIndexOptions& options)
    : m_options(options)
{
}

AuditIndex::~AuditIndex()
{
    if (m_inTransaction && m_db != nullptr) {
        std::string ignored;
        m_db->exec("COMMIT", &ignored);
    }
}

std::unique_ptr<AuditIndex> AuditIndex::open(const AuditIndexOptions& options, std::string* error)
{
    if (!fileExists(options.journalPath)) {
        *error = "no journal at " + options.journalPath;
        return nullptr;
    }
    std::unique_ptr<AuditIndex> index(new AuditIndex(options));
    SqliteStorageOptions storage;
    storage.path = options.journalPath;
    storage.synchronousFull = false; // this connection only reads
    index->m_journal = SqliteStorage::open(storage, error);
    if (index->m_journal == nullptr)
        return nullptr;
    if (!index->openIndex(error))
        return nullptr;
    if (index->checkAgainstJournal(error) != Status::Ok)
        return nullptr;
    return index;
}

bool AuditIndex::openIndex(std::string* error)
{
    m_created = !fileExists(m_options.indexPath);
    m_db = AuditDb::open(m_options.indexPath, true, error);
    if (m_db == nullptr && !m_created) {
        // Not a database at all: it is derived data, start again.
        removeIndexFiles(m_options.indexPath);
        m_db = AuditDb::open(m_options.indexPath, true, error);
    }
    if (m_db == nullptr)
        return false;
    AuditStmt version(*m_db, "SELECT value FROM meta WHERE key = 'schema_version'");
    const std::int64_t found = version.ok() && version.step() ? version.integer(0) : 0;
    version = AuditStmt();
    bool upgraded = false;
    if (found == 1) {
        std::string why;
        bool cancelled = false;
        struct Watch {
            const std::function<bool()>* keepGoing;
            bool* cancelled;
        } watch { &m_options.upgradeContinue, &cancelled };
        if (m_options.upgradeContinue)
            sqlite3_progress_handler(
                m_db->handle(), 100, // VM steps between calls: well under a microsecond of checking each
                [](void* context) {
                    auto* w = static_cast<Watch*>(context);
                    if ((*w->keepGoing)())
                        return 0;
                    *w->cancelled = true;
                    return 1; // interrupts the statement
                },
                &watch);
        upgraded = m_db->exec(kUpgrade1To2Sql, &why);
        sqlite3_progress_handler(m_db->handle(), 0, nullptr, nullptr);
        if (!upgraded) {
            std::string ignored;
            m_db->exec("ROLLBACK", &ignored); // and rebuild below: it is derived data
        }
        if (cancelled) {
            *error = m_options.indexPath + ": the upgrade of the audit index was cancelled";
            return false;
        }
    }
    const bool known = found == kSchemaVersion || upgraded;
    if (!known) {
        // Not ours or another version: it is derived data, start again.
        m_db.reset();
        removeIndexFiles(m_options.indexPath);
        m_db = AuditDb::open(m_options.indexPath, true, error);
        if (m_db == nullptr || !m_db->exec(kSchemaSql, error)) {
            *error = m_options.indexPath + ": cannot create the audit index: " + *error;
            return false;
        }
        m_created = true;
    }
    return prepare(error) && loadProgress(error);
}

bool AuditIndex::prepare(std::string* error)
{
    m_insertRow = AuditStmt(*m_db, kInsertRowSql);
    m_insertSeat = AuditStmt(*m_db, "INSERT INTO audit_seat(event_id, seat_id, key) VALUES (?1, ?2, ?3)");
    m_insertText = AuditStmt(*m_db, "INSERT INTO audit_fts(rowid, text) VALUES (?1, ?2)");
    m_linkOrder = AuditStmt(*m_db, kLinkOrderSql);
    m_maxKeyInMs = AuditStmt(*m_db, "SELECT max(key) FROM audit WHERE key >= ?1 AND key < ?2");
    m_saveProgress = AuditStmt(*m_db,
                               "INSERT INTO progress(event_id, last_seq, last_ms, rows) VALUES (?1, ?2, ?3, ?4)"
                               " ON CONFLICT(event_id) DO UPDATE SET last_seq = excluded.last_seq,"
                               " last_ms = excluded.last_ms, rows = excluded.rows");
    for (const AuditStmt* stmt :
         { &m_insertRow, &m_insertSeat, &m_insertText, &m_linkOrder, &m_maxKeyInMs, &m_saveProgress }) {
        if (!stmt->ok()) {
            *error = m_options.indexPath + ": " + m_db->lastError();
            return false;
        }
    }
    return true;
}

bool AuditIndex::loadProgress(std::string* error)
{
    m_progress.clear();
    AuditStmt select(*m_db, "SELECT event_id, last_seq, last_ms, rows FROM progress");
    while (select.step())
        m_progress[EventId(select.integer(0))]
            = Progress { Seq(select.integer(1)), Timestamp(select.integer(2)), std::uint64_t(select.integer(3)) };
    if (select.failed()) {
        *error = m_options.indexPath + ": reading progress: " + m_db->lastError();
        return false;
    }
    return true;
}

// The journal must still hold the last record indexed of every event; a journal that was replaced
// or restored from an older copy makes the whole index stale.
Status AuditIndex::checkAgainstJournal(std::string* error)
{
    for (const auto& [event, progress] : m_progress) {
        if (progress.lastSeq == 0)
            continue;
        bool holds = false;
        const Status status = m_journal->readJournal(
            event, progress.lastSeq,
            [&](const BatchPtr& batch) {
                BatchHeader header;
                holds = decodeBatchHeader(batch->data(), batch->size(), &header) && header.firstSeq <= progress.lastSeq
                    && header.firstSeq + header.recordCount > progress.lastSeq;
                return false;
            },
            error);
        if (status != Status::Ok)
            return status;
        if (!holds)
            return rebuild(error);
    }
    return Status::Ok;
}

Status AuditIndex::rebuild(std::string* error)
{
    if (m_inTransaction)
        endBulk(error);
    m_insertRow = AuditStmt();
    m_insertSeat = AuditStmt();
    m_insertText = AuditStmt();
    m_linkOrder = AuditStmt();
    m_maxKeyInMs = AuditStmt();
    m_saveProgress = AuditStmt();
    m_db.reset();
    removeIndexFiles(m_options.indexPath);
    m_keyMs = -1;
    m_lastKey = 0;
    if (!openIndex(error))
        return Status::StorageFailed;
    m_created = true;
    return Status::Ok;
}

Status AuditIndex::fail(const std::string& what, std::string* error) const
{
    *error = m_options.indexPath + ": " + what + ": " + m_db->lastError();
    return Status::StorageFailed;
}

Seq AuditIndex::indexedSeq(EventId event) const
{
    const auto it = m_progress.find(event);
    return it != m_progress.end() ? it->second.lastSeq : 0;
}

std::uint64_t AuditIndex::rowCount() const
{
    std::uint64_t rows = 0;
    for (const auto& entry : m_progress)
        rows += entry.second.rows;
    return rows;
}

std::vector<EventId> AuditIndex::events() const
{
    return m_events;
}

Status AuditIndex::refreshEvents(std::string* error)
{
    std::vector<EventSpec> specs;
    if (const Status status = m_journal->listEvents(&specs, error); status != Status::Ok)
        return status;
    m_events.clear();
    for (const EventSpec& spec : specs)
        m_events.push_back(spec.id);
    m_eventsListedAt = std::chrono::steady_clock::now();
    m_eventsListed = true;
    return Status::Ok;
}

Status AuditIndex::beginBulk(std::string* error)
{
    if (m_inTransaction)
        return Status::Ok;
    if (!m_db->exec("BEGIN IMMEDIATE", error))
        return fail("begin", error);
    m_inTransaction = true;
    m_transactionRecords = 0;
    return Status::Ok;
}

Status AuditIndex::endBulk(std::string* error)
{
    if (!m_inTransaction)
        return Status::Ok;
    m_inTransaction = false;
    for (const auto& entry : m_progress) {
        if (const Status status = saveProgress(entry.first, error); status != Status::Ok) {
            std::string ignored;
            m_db->exec("ROLLBACK", &ignored);
            loadProgress(&ignored);
            m_keyMs = -1;
            return status;
        }
    }
    if (!m_db->exec("COMMIT", error)) {
        std::string ignored;
        m_db->exec("ROLLBACK", &ignored);
        loadProgress(&ignored);
        m_keyMs = -1;
        return fail("commit", error);
    }
    return Status::Ok;
}

Status AuditIndex::saveProgress(EventId event, std::string* error)
{
    const Progress& p = m_progress[event];
    m_saveProgress.reset().bind(1, std::int64_t(event)).bind(2, std::int64_t(p.lastSeq)).bind(3, p.lastMs);
    m_saveProgress.bind(4, std::int64_t(p.rows));
    if (!m_saveProgress.run())
        return fail("saving progress", error);
    return Status::Ok;
}

Status AuditIndex::catchUp(AuditCatchUp* result, std::string* error, bool listEvents, std::uint64_t recordsMax)
{
    *result = AuditCatchUp {};
    const bool due
        = !m_eventsListed || std::chrono::steady_clock::now() - m_eventsListedAt >= m_options.eventListInterval;
    if (listEvents || due) {
        if (const Status status = refreshEvents(error); status != Status::Ok)
            return status;
    }
    for (EventId event : m_events) {
        if (result->records >= recordsMax) {
            result->more = true;
            break;
        }
        if (const Status status = catchUpEvent(event, recordsMax - result->records, result, error);
            status != Status::Ok) {
            std::string ignored;
            endBulk(&ignored);
            return status;
        }
    }
    return endBulk(error);
}

Status AuditIndex::catchUpEvent(EventId event, std::uint64_t recordsMax, AuditCatchUp* result, std::string* error)
{
    Status inner = Status::Ok;
    const Seq from = indexedSeq(event) + 1;
    std::uint64_t added = 0;
    const Status status = m_journal->readJournal(
        event, from,
        [&](const BatchPtr& batch) {
            ++result->batches;
            if (inner = beginBulk(error); inner != Status::Ok)
                return false;
            BatchHeader header;
            decodeBatchHeader(batch->data(), batch->size(), &header);
            const bool whole = forEachRecord(*batch, [&](const RecordView& record) {
                if (record.header.seq < from || record.header.seq <= indexedSeq(event))
                    return true;
                inner = indexRecord(event, header.firstSeq, record, error);
                ++added;
                return inner == Status::Ok;
            });
            if (inner == Status::Ok && !whole) {
                *error = "event " + std::to_string(event) + ": a journal batch at seq "
                    + std::to_string(header.firstSeq) + " does not decode";
                inner = Status::StorageFailed;
            }
            if (inner == Status::Ok && m_transactionRecords >= kCatchUpTransactionRecords)
                inner = endBulk(error);
            // Stop at a batch boundary once enough was read; the next call goes on from there.
            return inner == Status::Ok && added < recordsMax;
        },
        error);
    result->records += added;
    if (added >= recordsMax)
        result->more = true;
    return status != Status::Ok ? status : inner;
}

Status AuditIndex::indexBatch(EventId event, const BatchPtr& batch, std::string* error)
{
    if (const Status status = beginBulk(error); status != Status::Ok)
        return status;
    BatchHeader header;
    if (!verifyBatch(*batch, event, &header)) {
        *error = "indexBatch: the batch does not verify";
        return Status::InvalidArgument;
    }
    Status inner = Status::Ok;
    const bool whole = forEachRecord(*batch, [&](const RecordView& record) {
        if (record.header.seq <= indexedSeq(event))
            return true;
        inner = indexRecord(event, header.firstSeq, record, error);
        return inner == Status::Ok;
    });
    if (inner == Status::Ok && !whole) {
        *error = "indexBatch: a record does not decode";
        return Status::InvalidArgument;
    }
    if (inner == Status::Ok && m_transactionRecords >= kCatchUpTransactionRecords) {
        if (inner = endBulk(error); inner == Status::Ok)
            inner = beginBulk(error);
    }
    return inner;
}

AuditKey AuditIndex::nextKey(Progress& progress, Timestamp at, std::string* error)
{
    const Timestamp ms = std::max(at, progress.lastMs); // monotonic per event: seq order = key order
    if (ms != m_keyMs) {
        m_maxKeyInMs.reset().bind(1, auditKeyAt(ms)).bind(2, auditKeyAt(ms + 1));
        const bool taken = m_maxKeyInMs.step() && !m_maxKeyInMs.isNull(0);
        m_lastKey = taken ? m_maxKeyInMs.integer(0) : auditKeyAt(ms) - 1;
        const bool failed = m_maxKeyInMs.failed();
        m_maxKeyInMs.reset();
        if (failed) {
            fail("reading keys", error);
            return -1;
        }
        m_keyMs = ms;
    }
    if (m_lastKey + 1 >= auditKeyAt(ms + 1)) {
        *error = m_options.indexPath + ": more than a million records in one millisecond";
        return -1;
    }
    progress.lastMs = ms;
    return ++m_lastKey;
}

Status AuditIndex::indexRecord(EventId event, Seq batchSeq, const RecordView& record, std::string* error)
{
    Progress& progress = m_progress[event];
    if (record.header.seq != progress.lastSeq + 1) {
        *error = "event " + std::to_string(event) + ": the journal jumps from seq " + std::to_string(progress.lastSeq)
            + " to " + std::to_string(record.header.seq);
        return Status::StorageFailed;
    }
    AuditRow& r = m_row;
    r = AuditRow {};
    if (!auditRowFromRecord(record, &r, &m_seats)) {
        *error = "event " + std::to_string(event) + ": journal record " + std::to_string(record.header.seq)
            + " does not decode";
        return Status::StorageFailed;
    }
    r.key = nextKey(progress, record.header.now, error);
    if (r.key < 0)
        return Status::StorageFailed;
    r.event = event;
    r.batchSeq = batchSeq;
    r.offset = std::uint32_t(record.offset);
    AuditStmt& s = m_insertRow;
    s.reset().bind(1, r.key).bind(2, std::int64_t(event)).bind(3, std::int64_t(r.seq)).bind(4, r.at);
    s.bind(5, int(r.kind)).bind(6, int(r.status)).bind(7, r.channel).bind(8, int(r.actor.kind));
    s.bind(9, std::int64_t(r.actor.id)).bind(10, std::int64_t(r.hold)).bind(11, std::int64_t(r.order));
    s.bind(12, r.seatCount).bind(13, r.firstSeat).bind(14, r.area).bind(15, r.quantity).bind(16, r.amount);
    s.bind(17, r.eventMask).bind(18, r.detail).bind(19, std::int64_t(batchSeq)).bind(20, r.offset);
    s.bindText(21, r.text);
    if (!s.run())
        return fail("inserting a row", error);
    for (SeatId seat : m_seats) {
        m_insertSeat.reset().bind(1, std::int64_t(event)).bind(2, seat).bind(3, r.key);
        if (!m_insertSeat.run())
            return fail("inserting a seat", error);
    }
    m_insertText.reset().bind(1, r.key).bindText(2, r.text);
    if (!m_insertText.run())
        return fail("indexing the text", error);
    if (r.kind == CommandKind::Confirm && r.status == Status::Ok && r.hold != 0 && r.order != 0) {
        m_linkOrder.reset().bind(1, std::int64_t(event)).bind(2, std::int64_t(r.hold));
        m_linkOrder.bind(3, std::int64_t(r.order)).bind(4, r.key);
        if (!m_linkOrder.run())
            return fail("linking a hold to its order", error);
    }
    progress.lastSeq = r.seq;
    ++progress.rows;
    ++m_transactionRecords;
    return Status::Ok;
}

} // namespace usher::audit
