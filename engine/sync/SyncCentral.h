#pragma once

// Central's side of the sync protocol (docs/sync-protocol.md): authenticates devices, applies their
// uploaded ops in order exactly once (durable deduplication in SyncCentralStore, engine
// idempotency keys for the crash window), and owns allocation grants and two-phase take-backs.
// Transport-agnostic and single-threaded: the transport calls opened/closed/received/tick with
// the time and sends what takeOutgoing() returns. Ops run on the ledger through SyncLedger, which
// blocks until durable: in usherd, call this from a worker thread, never from a Completion.

#include "sync/SyncCentralStore.h"
#include "sync/SyncLedger.h"
#include "sync/SyncMessage.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace usher {

// Ops of consecutive queued `ops` messages applied as one batch (one hold and one confirm commit);
// its refusals go in as many `ack`s as they need (at most kSyncOpsPerMessageMax results each).
constexpr std::size_t kSyncOpsPerBatchMax = 8000;

using SyncConnectionId = std::uint64_t;

struct SyncOutgoing {
    SyncConnectionId connection = 0;
    std::string text;   // empty with close: just close
    bool close = false; // close the connection after sending `text`
};

// One device as the operator sees it (GET /api/devices, /metrics).
struct SyncDeviceStatus {
    std::string name;
    ChannelId channel = 0;
    std::string outbox;
    bool connected = false;
    std::uint64_t applied = 0;
    std::uint64_t pushSeq = 0;
    std::uint64_t pushAcked = 0;
};

struct SyncCentralOptions {
    std::string storePath; // e.g. <data>/usherd-sync.db
    SyncDurability durability = SyncDurability::Full;
    std::int64_t retransmitMs = 2000; // unacknowledged pushes go again after this
    std::size_t pushesPerBurst = 256; // pushes sent per burst (the rest follow the acks)
    int invalidMessagesMax = 16;      // per connection, then it is closed
    // Called between durable steps; the simulation throws from it to crash the node there.
    std::function<void(const char* point)> crashPoint;
};

class SyncCentral {
public:
    static std::unique_ptr<SyncCentral> open(const SyncCentralOptions& options, SyncLedger& ledger, Timestamp now,
                                             std::string* error);
    SyncCentral(const SyncCentral&) = delete;
    SyncCentral& operator=(const SyncCentral&) = delete;

    // Enrols a box office: its name, its secret token (only a hash is kept) and its channel.
    bool enrol(const std::string& device, const std::string& token, ChannelId channel, std::string* error);

    // The transport.
    void opened(SyncConnectionId connection);
    void closed(SyncConnectionId connection);
    void received(SyncConnectionId connection, std::string_view text, Timestamp now);
    // Several messages of one connection, in order, as received() one by one would, except that
    // consecutive `ops` messages (up to kSyncOpsPerBatchMax ops in all) are applied as one batch
    // and answered with one `ack`: a transport that has several queued pays the durability wait once.
    void received(SyncConnectionId connection, const std::vector<std::string>& texts, Timestamp now);
    void tick(Timestamp now);
    std::vector<SyncOutgoing> takeOutgoing();

    // The promoter. grant() allocates the seats to the device's channel in the ledger, then pushes
    // them; takeBack() starts a two-phase take-back (the seats must be allocated to the device and
    // not already being taken back). *id names the push. Statuses: InvalidArgument (unknown
    // device, no seats or too many), SeatNotAllocated, SeatUnavailable (already being taken
    // back), the ledger's refusal of the allocation, StorageFailed.
    Status grant(const std::string& device, EventId event, std::vector<SeatId> seats, Timestamp now, std::uint64_t* id);
    Status takeBack(const std::string& device, EventId event, std::vector<SeatId> seats, Timestamp now,
                    std::uint64_t* id);
    // The same for GA capacity (protocol 2): grantArea() moves `quantity` places of `area` from the
    // open pool to the device's pool (AllocateArea), then pushes; takeBackArea() asks the device for
    // up to `quantity` places of its pool back (two-phase: it releases what it has not sold or held
    // and answers how many). Statuses: InvalidArgument (unknown device, area 0, quantity 0),
    // SeatNotAllocated (the device has no pool there), CapacityUnavailable (more than its pool),
    // the ledger's refusal of the allocation, StorageFailed.
    Status grantArea(const std::string& device, EventId event, AreaId area, std::uint32_t quantity, Timestamp now,
                     std::uint64_t* id);
    Status takeBackArea(const std::string& device, EventId event, AreaId area, std::uint32_t quantity, Timestamp now,
                        std::uint64_t* id);

    bool push(std::uint64_t id, SyncPushRecord* out);
    const SyncDeviceRecord* device(const std::string& name) const;
    std::uint64_t invalidMessages() const { return m_invalidMessages; }
    std::uint64_t opsApplied() const { return m_opsApplied; } // since open, refusals included
    std::uint64_t opsRefused() const { return m_opsRefused; }
    std::uint64_t onlineRequests() const { return m_onlineRequests; } // answered since open
    std::vector<SyncDeviceStatus> devices() const;
    // The recorded result of one applied op of `device` (its id "<outbox>:<seq>"); false when
    // there is none (*error empty) or the store failed (*error set).
    bool appliedOp(const std::string& device, const std::string& opId, SyncAppliedOp* out, std::string* error);
    // The device currently connected and authenticated on `connection`, or empty.
    std::string deviceOf(SyncConnectionId connection) const;

private:
    struct Session {
        std::string device; // empty until hello succeeded
        int invalid = 0;
        Timestamp lastPushProgress = 0; // when pushAcked last moved (or sending started from it)
        std::uint64_t pushSentUpTo = 0;
    };

    SyncCentral(const SyncCentralOptions& options, SyncLedger& ledger);
    void crashPoint(const char* point);
    void send(SyncConnectionId connection, const SyncMessage& message, bool close = false);
    // Every op up to `upTo` is applied; `refused` (ascending) are the refusals among them. More than
    // an ack holds go in several, in order, each one's upTo its last refusal.
    void sendAck(SyncConnectionId connection, std::uint64_t upTo, std::vector<SyncOpResult> refused);
    void refuse(SyncConnectionId connection, Session& session, const std::string& code, const std::string& message);
    void handleHello(SyncConnectionId connection, Session& session, const SyncMessage& message, Timestamp now);
    void handleOps(SyncConnectionId connection, Session& session, const SyncMessage& message, Timestamp now);
    void handlePushAck(Session& session, const SyncMessage& message, Timestamp now);
    // A hold, sale or release of seats outside the device's allocation (docs/sync-online-sales.md).
    void handleOnline(SyncConnectionId connection, const Session& session, const SyncOnlineRequest& request,
                      Timestamp now);
    // False when the op hit a transient failure (nothing to record; the device sends it again).
    // `batch`: the ops applied before it in this batch, ascending seqs (a refund's sale may be one).
    bool applyOp(const SyncDeviceRecord& device, const SyncOp& op, Timestamp now,
                 const std::vector<SyncAppliedOp>& batch, SyncAppliedOp* out);
    // A run of consecutive sale ops on disjoint seats, applied as one batch: every HoldSeats, one
    // wait, every Confirm, one wait. The results in op order, up to the first transient one.
    std::vector<SyncAppliedOp> applySales(const SyncDeviceRecord& device, const std::vector<const SyncOp*>& run,
                                          Timestamp now);
    Status applyRefundOrExchange(const SyncDeviceRecord& device, const SyncOp& op, Timestamp now,
                                 const std::vector<SyncAppliedOp>& batch);
    Status applyTakeBack(const SyncDeviceRecord& device, const SyncOp& op, Timestamp now, SyncAppliedOp* out);
    Status applyTakeBackArea(const SyncDeviceRecord& device, const SyncOp& op, Timestamp now, SyncAppliedOp* out);
    Status startGrant(SyncPushRecord& push, Timestamp now, std::uint64_t* id);
    Status startTakeBack(SyncPushRecord& push, Timestamp now, std::uint64_t* id);
    void sendPushes(SyncConnectionId connection, Session& session, Timestamp now, std::uint64_t after);
    Status runGrant(SyncPushRecord& push, Timestamp now);
    bool allocatedTo(EventId event, const std::vector<SeatId>& seats, ChannelId channel);

    const SyncCentralOptions m_options;
    SyncLedger& m_ledger;
    std::unique_ptr<SyncCentralStore> m_store;
    std::map<std::string, SyncDeviceRecord> m_devices;
    std::map<SyncConnectionId, Session> m_sessions;
    std::map<std::string, SyncConnectionId> m_deviceConnection;
    std::vector<SyncOutgoing> m_outgoing;
    std::uint64_t m_invalidMessages = 0;
    std::uint64_t m_opsApplied = 0;
    std::uint64_t m_opsRefused = 0;
    std::uint64_t m_onlineRequests = 0;
    bool m_grantsUnsettled = false; // a grant is still an intent (its allocation hit a transient failure)
};

std::vector<std::uint8_t> syncTokenHash(std::string_view token);

} // namespace usher
