#pragma once

// The engine's storage on PostgreSQL (15 or later), through libpq. The scale-out storage of issue 9;
// SqliteStorage stays the embedded default.
//
// * open() connects, checks the server (UTF-8), and creates or migrates the schema in one
//   transaction under an advisory lock (several nodes may open the same database at once). The
//   schema version is in usher_meta; a newer one than this build knows is refused.
// * commit() is one transaction for every item: the journal batches, the orders and tickets they
//   project, the outbox rows and the snapshots (with notifyChannel set, one pg_notify for the group
//   too). BEGIN and the statements go out in one libpq pipeline (PQenterPipelineMode) with one sync,
//   then the orders and the tickets by one binary COPY each, then COMMIT (or ROLLBACK): four round
//   trips whatever the group's size (two without orders; a refund, exchange or reissue in the group
//   copies the rows before it and goes on in a new pipeline). Ok is answered only once the server
//   has acknowledged the COMMIT; a connection lost before that answer is StorageFailed ("outcome
//   unknown"), never Ok.
// * The same statuses as SqliteStorage: InvalidArgument for an item that does not fit what is
//   stored (a seq gap or duplicate, an order or ticket that is not stored, a constraint), EventNotFound
//   for an unknown event, StorageFailed for every server or connection failure, the cause in *error.
// * A connection that breaks is dropped and reopened by the next call (a server restart costs the
//   calls made while it is down, nothing else).
// * Ids and sequence numbers are unsigned in the engine and stored as their bigint bit pattern, as in
//   SqliteStorage.

#include "storage/Storage.h"

#include <memory>
#include <string>

struct pg_conn;
struct pg_result;

namespace usher {

struct PgStorageOptions {
    // A libpq connection string or URI: "postgresql://user@host:5432/usher", "host=/tmp port=5433
    // dbname=usher". Its parameters win over the defaults below.
    std::string conninfo;
    int connectTimeoutSeconds = 10;
    std::string applicationName = "usher";
    // When set, every commit also sends pg_notify(notifyChannel, "E:S,...") in its transaction:
    // the other nodes of a cluster follow the events they do not own (PgNotify.h).
    std::string notifyChannel;
};

class PgStorage final : public Storage {
public:
    static constexpr int kSchemaVersion = 3;

    // Null with *error when the server cannot be reached, refuses the login, is not UTF-8, the
    // database is not a Usher database, or its schema is newer than this build knows.
    static std::unique_ptr<PgStorage> open(const PgStorageOptions& options, std::string* error);
    ~PgStorage() override;
    PgStorage(const PgStorage&) = delete;
    PgStorage& operator=(const PgStorage&) = delete;

    // True for "postgresql://..." and "postgres://..." (what usherd --store takes as PostgreSQL).
    static bool isPostgresUri(const std::string& text);
    // The connection string without its password (for logs and error texts).
    static std::string redacted(const std::string& conninfo);
    // Opens a connection with Usher's defaults (connect timeout, application name, UTF-8); the
    // caller's connection string overrides them. Check PQstatus: the result may be a failed one,
    // or nullptr when out of memory.
    // An application name "usherd/<node id>" (a cluster node's storage sessions) gets
    // "/<processLife()>" appended: the node registers its life (PgOwnership), and the fence of a
    // stale node terminates that life's sessions, not those of the process that replaced it.
    static pg_conn* open(const std::string& conninfo, const std::string& applicationName, int connectTimeoutSeconds);
    // This process's life: "<pid>.<start time in ms, modulo 10^9>".
    static const std::string& processLife();

    Status createEvent(const EventSpec& spec, std::string* error) override;
    Status listEvents(std::vector<EventSpec>* events, std::string* error) override;
    Status commit(std::span<const CommitItem> items, std::string* error) override;
    // Cheaper than listEvents() when only the ids or one spec are needed (net/ClusterFeed).
    Status eventIds(std::vector<EventId>* ids, std::string* error);
    Status loadEventSpec(EventId event, EventSpec* spec, std::string* error); // EventNotFound
    Status loadSnapshot(EventId event, std::vector<std::uint8_t>* bytes, Seq* seq, std::string* error) override;
    // `visit` must not call back into this storage (the rows are still streaming in).
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

    // How many round trips the last successful commit() took (tests check that it stays small).
    int lastCommitRoundTrips() const { return m_lastRoundTrips; }

    struct Params;
    struct Pending;
    struct RowBuffers;

private:
    explicit PgStorage(const PgStorageOptions& options);
    bool connect(std::string* error);
    void disconnect();
    bool ensureConnected(std::string* error);
    bool checkServerAndSchema(std::string* error);
    bool prepareStatements(std::string* error);

    // Runs a prepared statement outside a pipeline; binary results. Null with *error on failure
    // (and the connection dropped when it broke).
    pg_result* exec(int statement, const Params& params, const char* context, Status* status, std::string* error);
    Status failure(const char* context, pg_result* result, std::string* error);
    Status runSimpleTransaction(const char* context, const std::function<Status(std::string*)>& body,
                                std::string* error);

    Status queueItem(const CommitItem& item, std::string* error);
    Status queueBatch(EventId event, const JournalBatch& batch, std::string* error);
    Status queueRecord(EventId event, const RecordView& record, std::string* error);
    void queueRows();
    void queueNotify(std::span<const CommitItem> items);
    Status sendQueued(int* roundTrips, std::string* error);
    Status sendPipeline(std::size_t first, std::size_t last, std::string* error);
    Status sendCopy(const Pending& p, std::string* error);
    static Status statementFailure(const Pending& p, const pg_result* result, std::string* error);
    bool flushPipeline(std::string* error);
    Status readPipelineResults(std::size_t first, std::size_t last, std::string* error);
    Status finishTransaction(Status status, std::string* error);

    Status selectOrderIds(int statement, const Params& params, std::size_t limit, std::vector<StoredOrder>* out,
                          std::string* error);

    const PgStorageOptions m_options;
    pg_conn* m_conn = nullptr;
    std::vector<Pending> m_pending; // the statements of the commit being built, in order
    std::unique_ptr<RowBuffers> m_rows; // orders and tickets not yet in m_pending
    int m_lastRoundTrips = 0;
};

} // namespace usher
