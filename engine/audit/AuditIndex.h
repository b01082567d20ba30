#pragma once

// The audit index: every journal record of every event as one row of its own SQLite file
// (<data>/audit.db), derived from the engine's journal and rebuildable from it at any time.
//
// * Rows are keyed by AuditKey (time, then arrival): the browse order is the primary key, every
//   filter index ends with it, and paging is a keyset on one integer.
// * Seats go to a side table (a hold of four seats, an expiry of hundreds); text goes to an FTS5
//   table (unicode61, prefix indexes) whose rowid is the key.
// * catchUp() reads the journal (Storage::readJournal on its own connection to usher.db) from the
//   last indexed seq of each event and appends what is new, in transactions of at most
//   kCatchUpTransactionRecords. Only durable records are in the journal, so the index never shows
//   a record the engine could still lose. Progress is stored with the rows, so a crash or restart
//   resumes where the last transaction ended.
// * An index that disagrees with the journal (a journal shorter than what was indexed, another
//   schema) is dropped and rebuilt; so is a deleted one.
//
// One thread at a time (a worker calls catchUp); readers use AuditQuery on their own connection.
// See docs/design/admin-views.md, "Audit log".

#include "audit/AuditRecord.h"
#include "audit/AuditSql.h"
#include "storage/Storage.h"

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace usher::audit {

struct AuditIndexOptions {
    std::string journalPath; // the engine's usher.db
    std::string indexPath;   // audit.db (created when missing)
    // Events are listed again (to find new ones) at most this often; catchUp(true) forces it.
    std::chrono::milliseconds eventListInterval { 2000 };
    // Called now and then while a schema-1 index is upgraded in place (minutes on a large one);
    // returning false cancels the upgrade (open() fails, the file stays as it was).
    std::function<bool()> upgradeContinue;
};

struct AuditCatchUp {
    std::uint64_t records = 0; // rows added
    std::uint64_t batches = 0; // journal batches read
    bool more = false;         // stopped at recordsMax: call again
};

class AuditIndex {
public:
    static constexpr int kSchemaVersion = 2; // 2: (actor, type) index, replay checkpoints; 1 is upgraded in place
    static constexpr std::uint64_t kCatchUpTransactionRecords = 50'000;

    // The usual file names in a data directory.
    static AuditIndexOptions optionsFor(const std::string& dataDirectory);
    // The schema version of the index file at `indexPath` (0: no file, or not an audit index), and
    // the rows it holds. open() upgrades version 1 in place, which takes long on a large index:
    // a caller on a GUI thread checks first and opens on a worker.
    static int storedSchemaVersion(const std::string& indexPath, std::uint64_t* rows = nullptr);

    // Opens (creating or rebuilding as needed) the index. Does not read the journal yet: call
    // catchUp(). Null with *error when either file cannot be opened.
    static std::unique_ptr<AuditIndex> open(const AuditIndexOptions& options, std::string* error);
    ~AuditIndex();
    AuditIndex(const AuditIndex&) = delete;
    AuditIndex& operator=(const AuditIndex&) = delete;

    // Appends every record the journal has beyond the index, at most `recordsMax` of them.
    Status catchUp(AuditCatchUp* result, std::string* error, bool listEvents = false,
                   std::uint64_t recordsMax = ~std::uint64_t(0));
    // Drops the index file and starts again (the next catchUp reads the whole journal).
    Status rebuild(std::string* error);

    // The last seq indexed of `event` (0: none), and the rows of every event.
    Seq indexedSeq(EventId event) const;
    std::uint64_t rowCount() const;
    const std::string& indexPath() const { return m_options.indexPath; }
    std::vector<EventId> events() const;
    // True when the index was created (or rebuilt) by this open.
    bool created() const { return m_created; }

    // For the benchmark's generator: indexes one batch of `event` as catchUp would (the batch must
    // continue the indexed journal). Runs inside the current catch-up transaction when one is open.
    Status indexBatch(EventId event, const BatchPtr& batch, std::string* error);
    Status beginBulk(std::string* error);
    Status endBulk(std::string* error);

private:
    struct Progress {
        Seq lastSeq = 0;
        Timestamp lastMs = 0; // the clamped time of the last row
        std::uint64_t rows = 0;
    };

    explicit AuditIndex(const AuditIndexOptions& options);
    bool openIndex(std::string* error);
    bool prepare(std::string* error);
    bool loadProgress(std::string* error);
    Status checkAgainstJournal(std::string* error);
    Status refreshEvents(std::string* error);
    Status catchUpEvent(EventId event, std::uint64_t recordsMax, AuditCatchUp* result, std::string* error);
    Status indexRecord(EventId event, Seq batchSeq, const RecordView& record, std::string* error);
    AuditKey nextKey(Progress& progress, Timestamp at, std::string* error);
    Status saveProgress(EventId event, std::string* error);
    Status fail(const std::string& what, std::string* error) const;

    const AuditIndexOptions m_options;
    std::unique_ptr<Storage> m_journal;
    std::unique_ptr<AuditDb> m_db;
    bool m_created = false;
    bool m_inTransaction = false;
    std::uint64_t m_transactionRecords = 0;
    std::map<EventId, Progress> m_progress;
    std::vector<EventId> m_events;
    std::chrono::steady_clock::time_point m_eventsListedAt;
    bool m_eventsListed = false;

    // The millisecond whose keys were handed out last, and the last key in it.
    Timestamp m_keyMs = -1;
    AuditKey m_lastKey = 0;

    AuditStmt m_insertRow;
    AuditStmt m_insertSeat;
    AuditStmt m_insertText;
    AuditStmt m_linkOrder;
    AuditStmt m_maxKeyInMs;
    AuditStmt m_saveProgress;

    AuditRow m_row;              // scratch
    std::vector<SeatId> m_seats; // scratch
};

} // namespace usher::audit
