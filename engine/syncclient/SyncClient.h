#pragma once

// The box office's link to usherd: drives a SyncBoxOffice (engine/sync, docs/sync-protocol.md)
// over one QWebSocket to ws(s)://host:port/sync.
//
// Everything of the sync runs on a worker thread the client owns: the socket, the timers and the
// SyncBoxOffice, whose calls block on local durability (the outbox's fsync and the engine's
// commit). The clerk's operations reach it as queued calls and answer on the caller's thread, so
// the GUI never waits for a disk; status changes come back as the statusChanged signal.
// docs/design/sync.md ("Desktop client") says why.

#include "runtime/Clock.h"
#include "sync/SyncBoxOffice.h"
#include "syncclient/DeviceCredentials.h"

#include <QByteArray>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

class QThread;

namespace usher {

class Engine;
class SyncClientWorker;

struct SyncClientOptions {
    DeviceCredentials credentials;
    std::string outboxPath; // <data>/sync-outbox.db
    SyncDurability durability = SyncDurability::Full;
    // PEM certificates to trust for wss:// instead of the system's (a self-signed usherd); empty:
    // the system's. Certificate errors are never ignored.
    QByteArray caCertificatesPem;
    std::int64_t backoffBaseMs = 500;
    std::int64_t backoffMaxMs = 30'000;
    std::int64_t retransmitMs = 2000;
    std::int64_t handshakeTimeoutMs = 10'000;
    std::size_t opsPerMessageMax = 200;
    std::size_t opsInFlightMax = 16000; // as SyncBoxOfficeOptions
    int tickMs = 50;          // timeouts, retransmits and reconnect attempts are checked this often
    int statusPeriodMs = 500; // the pending age is refreshed this often while ops are pending
    std::uint64_t seed = 0;   // 0: random (jitter, the outbox's name)
    Clock clock = systemClockNow;
    // When set, after every welcome the events this engine lacks are downloaded from usherd's HTTP
    // API (EventDownload) on the worker thread, so that grants for them can apply.
    Engine* downloadInto = nullptr;
};

struct SyncClientStatus {
    SyncStatus sync;
    bool running = false;       // start()ed and not stopped
    bool enabled = true;        // connecting is allowed (setConnectionEnabled)
    std::string server;         // the sync endpoint URL
    std::string transportError; // the last connection failure (refused, TLS, handshake timeout), translated
    std::uint64_t anomalies = 0;
    std::uint64_t eventsDownloaded = 0; // created here from usherd's catalogue since start
    std::string downloadError;          // the last download's failure, translated; empty when it worked
};

const char* syncRouteName(SyncRoute route);

// How an online request (a hold, sale or release of seats outside the allocation, decided by
// usherd; docs/sync-online-sales.md) ended for the clerk. The numbers never change.
enum class SyncOnlineOutcome : std::uint8_t {
    Answered = 1,    // usherd answered: reply.status says how (Ok: it counts)
    Unreachable = 2, // not connected: nothing was sent and nothing happened (fail closed)
    NoAnswer = 3,    // sent, then no answer (timeout, disconnect): unknown; retry with the same id
};

struct SyncOnlineResult {
    SyncOnlineOutcome outcome = SyncOnlineOutcome::Unreachable;
    SyncOnlineReply reply;
    std::string message; // why, when not answered (translated)
    bool ok() const { return outcome == SyncOnlineOutcome::Answered && reply.status == Status::Ok; }
};

// A new id for an online request: 128 random bits in hex, from the system's secure source.
std::string newSyncOnlineRequestId();

class SyncClient final : public QObject {
    Q_OBJECT

public:
    // `ledger` is the box office's engine (EngineSyncLedger); it must outlive the client.
    SyncClient(SyncLedger& ledger, SyncClientOptions options, QObject* parent = nullptr);
    ~SyncClient() override;
    SyncClient(const SyncClient&) = delete;
    SyncClient& operator=(const SyncClient&) = delete;

    // Opens the outbox (applying what a crash left half done) on the worker thread and starts
    // connecting. False with *error (translated) when the outbox cannot be opened.
    bool start(QString* error);
    // Closes the connection and the outbox and ends the worker thread. Idempotent.
    void stop();
    bool isRunning() const;

    // Off: closes the connection and stays offline (selling goes on locally); on: connects again.
    void setConnectionEnabled(bool enabled);

    // The last status the worker published (any thread).
    SyncClientStatus status() const;

    // The clerk, asynchronous: `done` runs on `context`'s thread (dropped if `context` is gone).
    void sell(const SyncSaleRequest& request, QObject* context, std::function<void(const SyncLocalResult&)> done);
    void refund(const std::string& saleOp, std::vector<std::uint32_t> positions, Amount amount, std::string reason,
                std::uint64_t clerk, QObject* context, std::function<void(const SyncLocalResult&)> done);

    // Blocking versions for tests, tools and dialogs: they wait for the worker, so never call them
    // from a Completion or a subscriber of the engine.
    SyncLocalResult sellNow(const SyncSaleRequest& request);
    SyncLocalResult exchangeNow(const std::string& saleOp, std::uint32_t position, SeatId newSeat, std::uint64_t clerk);
    // The counter's own sales and refunds, run by CounterSale / refundAtCounter on the local ledger
    // and journaled around that step (SyncBoxOffice::beginExternalSale, docs/design/sync.md).
    // Blocking: call them from the counter's worker.
    SyncLocalResult beginExternalSaleNow(const SyncSaleRequest& request, HoldId localHold);
    SyncLocalResult beginExternalRefundNow(OrderId localOrder, std::vector<TicketId> tickets, std::string reason,
                                           std::uint64_t clerk);
    SyncLocalResult finishExternalNow(const std::string& opId);
    // Runs `job` with the box office and the clock's now on the worker thread, then flushes (sends
    // what it queued, publishes the status). Blocking: call it from a worker, never from an engine
    // Completion. ShuttingDown when the client is not running.
    SyncLocalResult officeNow(const std::function<SyncLocalResult(SyncBoxOffice& office, Timestamp now)>& job);
    // The op id of the outbox's sale of a local order; empty when it was not sold through the outbox.
    std::string saleOpOfLocalOrder(OrderId order);
    SyncRoute route(EventId event, const std::vector<SeatId>& seats, QString* why);
    // An online request; waits up to `timeoutMs` for usherd's answer. Blocking: call it from a
    // worker (the counter's CounterWorker), never from this client's thread.
    SyncOnlineResult onlineNow(const SyncOnlineRequest& request, int timeoutMs = 10'000);
    bool listOutbox(std::uint64_t fromSeq, std::size_t max, std::vector<SyncOutboxEntry>* out, std::string* error);
    // Every op of the outbox as CSV (the pending view's export): a header line, then one op a line.
    bool outboxCsv(QByteArray* out, std::string* error);

Q_SIGNALS:
    void statusChanged(const usher::SyncClientStatus& status);

private:
    friend class SyncClientWorker;
    void publish(const SyncClientStatus& status); // worker thread
    template <typename F>
    void onWorker(F&& job);

    SyncLedger& m_ledger;
    const SyncClientOptions m_options;
    std::unique_ptr<QThread> m_thread;
    SyncClientWorker* m_worker = nullptr; // lives on m_thread
    mutable std::mutex m_statusMutex;
    SyncClientStatus m_status;
};

// The outbox as CSV: seq, id, kind, event, seats, created (UTC, ISO 8601), local, acknowledged,
// central status. Quoted per RFC 4180. The pending view and its export share it.
QByteArray syncOutboxCsvHeader();
QByteArray syncOutboxCsvLine(const SyncOutboxEntry& entry);
const char* syncLocalStateName(SyncLocalState state);

} // namespace usher

Q_DECLARE_METATYPE(usher::SyncClientStatus)
