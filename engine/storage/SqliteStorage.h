#pragma once

// The embedded storage: one SQLite database in WAL mode, written through the sqlite3 C API.
//
// * commit() is one BEGIN IMMEDIATE ... COMMIT for every item; any failure rolls the whole
//   transaction back and leaves the connection ready for the next commit (a full disk that
//   clears, a transient I/O error, a writer that held the lock too long).
// * commit() answers InvalidArgument for an item that does not fit (a batch that fails
//   verifyBatch or disagrees with its JournalBatch, does not continue the stored journal of its
//   event, or changes orders/tickets that are not stored), EventNotFound for an unknown event, and
//   StorageFailed for every SQLite failure (disk full, I/O error, busy...), the cause in *error.
// * Statements are prepared once, at open, and reset after every use.
// * The WAL is checkpointed by commit() itself after a successful COMMIT, never inside it: SQLite's
//   automatic checkpoint reports its own I/O errors as the COMMIT's result, which would turn a
//   durable commit into a reported failure.

#include "storage/Storage.h"

#include <array>
#include <memory>
#include <string>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace usher {

struct SqliteStorageOptions {
    std::string path;
    bool synchronousFull = true; // false: synchronous=NORMAL (a power loss may lose the last commits)
    std::string vfs; // empty: SQLite's default VFS
    int busyTimeoutMs = 5000;
    // WAL pages after which commit() runs a passive checkpoint. A page written by many commits (the
    // index of the random ticket codes: a 1,000-sale commit dirties most of its leaves) is copied to
    // the database once per checkpoint, not once per commit: 8,000 pages (32 MiB of 4 KiB pages)
    // instead of SQLite's usual 1,000.
    int checkpointPagesMin = 8000;
    // The connection's page cache at the open, SQLite's default 2 MiB: every page read at a start
    // (the journal replay) reuses the same few pages. 64 MiB from the open (session 11): every page
    // read was a freshly allocated one, and a fresh page costs ~17 us on this VM: reading a 1M-event
    // journal took 117-196 ms instead of 36 ms (usher-bench engine --phases replay).
    int cacheKiB = 2048;
    // The page cache grows up to this after a commit that did not fit in it. A commit of many sales
    // dirties a page of every random-keyed index (ticket codes, seats) per ticket or so; when they
    // do not fit, SQLite spills dirty pages to the WAL and reads them back within the transaction
    // (16,384 confirms into 100,000 tickets with 2 MiB: ~15,000 spills and misses per commit, 16 us
    // of committer CPU per confirm instead of 10; usher-bench engine --phases durable, session 12).
    // Not grown ahead: a larger cache than needed costs a first touch per page (the sync upload,
    // whose commits fit in 2 MiB, lost 8 us per op with 64 MiB from its first sale).
    int cacheKiBMax = 65536;
};

class SqliteStorage final : public Storage {
public:
    // A version 1, 2 or 3 database is upgraded when opened (2 -> 3 copies the tickets once, 3 -> 4 the
    // orders and tickets; docs/design/storage-schema-4.md).
    static constexpr int kSchemaVersion = 4;

    // Opens or creates the database. Null with *error when it cannot be opened, is not a Usher
    // database, or has a newer schema than this build knows.
    static std::unique_ptr<SqliteStorage> open(const SqliteStorageOptions& options, std::string* error);
    ~SqliteStorage() override;
    SqliteStorage(const SqliteStorage&) = delete;
    SqliteStorage& operator=(const SqliteStorage&) = delete;

    Status createEvent(const EventSpec& spec, std::string* error) override;
    Status listEvents(std::vector<EventSpec>* events, std::string* error) override;
    Status commit(std::span<const CommitItem> items, std::string* error) override;
    Status loadSnapshot(EventId event, std::vector<std::uint8_t>* bytes, Seq* seq, std::string* error) override;
    // `visit` must not call back into this storage (the read statement is still running).
    Status readJournal(EventId event, Seq fromSeq, const std::function<bool(const BatchPtr&)>& visit,
                       std::string* error) override;
    Status readOutbox(std::int64_t afterId, std::size_t max, std::vector<OutboxRow>* rows, std::string* error) override;
    Status markOutboxPublished(std::int64_t upToId, std::string* error) override;
    Status outboxCursor(std::int64_t* id, std::string* error) override;
    Status findOrder(EventId event, OrderId order, StoredOrder* out, std::string* error) override;
    Status findTicketByCode(const std::string& code, StoredTicket* out, std::string* error) override;
    Status findOrdersByNumber(EventId event, OrderId order, std::size_t limit, std::vector<StoredOrder>* out,
                              std::string* error) override;
    Status findOrdersByBuyer(EventId event, const std::string& name, NameMatch match, std::size_t limit,
                             std::vector<StoredOrder>* out, std::string* error) override;
    Status findOrderBySeat(EventId event, SeatId seat, StoredOrder* out, std::string* error) override;
    Status findOrdersByPaymentRef(EventId event, const std::string& paymentRef, std::size_t limit,
                                  std::vector<StoredOrder>* out, std::string* error) override;

    // The connection's page cache now, in KiB (cacheKiB, grown after commits that did not fit).
    int cacheKiB() const { return m_cacheKiB; }

    // Every cached statement's text and SQLite's plan for it (EXPLAIN QUERY PLAN, one step per line),
    // for tests that check which keys the statements use. Empty when not connected.
    std::vector<std::pair<std::string, std::string>> queryPlans() const;

private:
    // The cached statements; kStatementSql in the .cpp holds their text in this order.
    enum Statement : int {
        Begin,
        Commit,
        Rollback,
        InsertEvent,
        SelectEvents,
        InsertJournal,
        SelectJournal,
        SelectJournalTail,
        InsertOutbox,
        SelectOutbox,
        UpdateOutboxCursor,
        DeleteOutbox,
        SelectOutboxCursor,
        UpsertSnapshot,
        SelectSnapshot,
        InsertOrder,
        RefundOrder,
        SelectOrder,
        InsertTicket,
        RefundTicket,
        ExchangeTicket,
        SelectOrderTickets,
        SelectTicketByCode,
        RetireTicketCode,
        ReissueTicket,
        SelectRetiredCode,
        SelectTicket,
        UpdateEvent,
        SelectOrdersByNumber,
        SelectOrdersByPaymentRef,
        SelectOrdersByBuyerPrefix,
        SelectOrdersByBuyerContains,
        SelectOrderBySeat,
        ExchangeOrder,
        StatementCount
    };

    explicit SqliteStorage(const SqliteStorageOptions& options);
    // The connection. A connection whose transaction could not be rolled back is closed (closing
    // discards the transaction) and reconnected by the next call.
    bool connect(std::string* error);
    void disconnect();
    bool ensureConnected(std::string* error);
    bool configure(std::string* error);
    bool checkSchema(std::string* error);
    bool prepareStatements(std::string* error);
    static int onWalCommit(void* self, sqlite3* db, const char* dbName, int pages);

    sqlite3_stmt* statement(Statement which) const;
    Status sqliteFailure(const char* context, int rc, std::string* error) const;
    Status stepDone(sqlite3_stmt* stmt, const char* context, std::string* error) const;
    Status rollback(Status status, std::string* error);
    Status runInTransaction(const char* context, const std::function<Status(std::string*)>& body, std::string* error);

    Status writeItem(const CommitItem& item, std::string* error);
    Status checkContinuity(EventId event, const JournalBatch& batch, std::string* error);
    Status writeBatch(EventId event, const JournalBatch& batch, std::string* error);
    Status projectBatch(EventId event, const JournalBatch& batch, std::string* error);
    Status projectRecord(EventId event, const RecordView& record, std::string* error);
    Status insertOrder(EventId event, const RecordHeader& header, const JournalEvent& e, std::string* error);
    Status insertTicket(EventId event, const JournalEvent& e, std::string* error);
    Status refundTicket(EventId event, const JournalEvent& e, std::string* error);
    Status replaceTicketCode(EventId event, Seq seq, const JournalEvent& e, std::string* error);
    Status writeSpec(const EventSpec& spec, std::string* error);
    Status selectOrderIds(Statement which, const std::function<int(sqlite3_stmt*)>& bind, std::size_t limit,
                          std::vector<StoredOrder>* out, std::string* error);
    Status writeSnapshot(const CommitItem& item, std::string* error);
    void growCacheIfSpilled();
    void checkpointIfDue();

    static Status readJournalRow(EventId event, sqlite3_stmt* row, Seq previousLast, BatchPtr* batch, Seq* lastSeq,
                                 std::string* error);
    static Status readOrderRow(sqlite3_stmt* row, StoredOrder* out, std::string* error);
    static bool readTicketRow(sqlite3_stmt* row, StoredTicket* out);

    const SqliteStorageOptions m_options;
    sqlite3* m_db = nullptr;
    std::array<sqlite3_stmt*, StatementCount> m_statements {};
    int m_walPages = 0; // frames in the WAL after the last commit (from the WAL hook)
    int m_cacheKiB = 0; // the connection's page cache now
};

} // namespace usher
