#pragma once

// The box office's side of the sync protocol (docs/sync-protocol.md). It owns the durable outbox
// and decides how a sale goes: seats of this box office's allocation are sold in the local ledger
// (with or without a network) and queued as ops; other seats only through usherd while it is
// reachable (fail closed). It uploads the outbox in order, applies central's grants and
// take-backs, and reconnects with backoff and jitter.
//
// Transport-agnostic and single-threaded: the transport asks shouldConnect(now), reports
// connecting/opened/closed/received, calls tick(now), sends what takeOutgoing() returns and closes
// the connection when takeCloseRequest() says so. Time is always an argument.

#include "sync/SyncApply.h"
#include "sync/SyncBackoff.h"
#include "sync/SyncLedger.h"
#include "sync/SyncOutbox.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace usher {

// The numbers never change (the UI and the logs show them).
enum class SyncState : std::uint8_t {
    Offline = 0,
    Connecting = 1,
    Online = 2,  // connected, nothing pending
    Syncing = 3, // connected, ops not yet acknowledged
};
const char* syncStateName(SyncState state);

struct SyncStatus {
    SyncState state = SyncState::Offline;
    std::uint64_t pending = 0;           // ops not acknowledged by central
    std::int64_t oldestPendingAgeMs = 0; // 0 when nothing is pending
    std::uint64_t rejected = 0;          // ops central acknowledged with a refusal
    std::uint32_t failures = 0;          // connection attempts failed in a row
    std::string refusal;                 // why central refused us (version, token), translated
};

struct SyncBoxOfficeOptions {
    std::string device;
    std::string token;
    ChannelId channel = 0; // the box office's channel (from its enrolment)
    std::string outboxPath;
    SyncDurability durability = SyncDurability::Full;
    std::int64_t backoffBaseMs = 500;
    std::int64_t backoffMaxMs = 30'000;
    std::int64_t retransmitMs = 2000;
    std::int64_t handshakeTimeoutMs = 10'000;
    std::size_t opsPerMessageMax = 200;
    std::size_t opsInFlightMax = 16000; // two of central's 8,000-op batches (kSyncOpsPerBatchMax)
    std::uint64_t seed = 0; // jitter and the outbox name; 0: from the system's secure random source
    std::function<void(const char* point)> crashPoint;
};

enum class SyncRoute : std::uint8_t {
    Local = 1,   // every seat is this box office's: sell here (sell())
    Online = 2,  // no seat is, and usherd is reachable: sell through usherd
    Refused = 3, // fail closed: usherd unreachable, or a mix of both kinds of seats
};

struct SyncSaleRequest {
    EventId event = 0;
    std::vector<SeatId> seats;            // or, for GA places, none and:
    AreaId area = 0;                      // the GA area
    std::uint32_t quantity = 0;           // places of it (1..64)
    std::vector<std::uint8_t> priceTypes; // one per seat or place, or empty
    Amount amount = -1;                   // expected total, -1: not checked
    Buyer buyer;
    std::uint64_t clerk = 0;
};

struct SyncLocalResult {
    Status status = Status::Ok;
    SyncRoute route = SyncRoute::Local;
    std::string opId;  // the op journaled (also when the local ledger refused it: a void op)
    OrderId order = 0; // the local order (sale)
    std::vector<TicketId> tickets;
    std::string message;          // why, when refused before anything was journaled (translated)
    std::vector<std::string> ops; // beginExternalExchange: one op per move, in order
    bool ok() const { return status == Status::Ok; }
};

// One ticket of a local order moved to another seat at the counter (beginExternalExchange).
struct SyncExchangeMove {
    TicketId ticket = 0; // in the local ledger
    SeatId seat = 0;     // the new seat
};

class SyncBoxOffice {
public:
    // Opens the outbox and applies every op a crash left journaled but not applied locally.
    static std::unique_ptr<SyncBoxOffice> open(const SyncBoxOfficeOptions& options, SyncLedger& local, Timestamp now,
                                               std::string* error);
    SyncBoxOffice(const SyncBoxOffice&) = delete;
    SyncBoxOffice& operator=(const SyncBoxOffice&) = delete;

    // The transport.
    bool shouldConnect(Timestamp now) const;
    void connecting(Timestamp now);
    void opened(Timestamp now);
    void closed(Timestamp now);
    void received(std::string_view text, Timestamp now);
    void tick(Timestamp now);
    std::vector<std::string> takeOutgoing();
    bool takeCloseRequest();

    // The clerk.
    SyncRoute route(EventId event, const std::vector<SeatId>& seats, std::string* why) const;
    // GA places: Local when this box office's pool of the area has `quantity` places free here;
    // Online when not and usherd is reachable and sells places online (its welcome said so).
    SyncRoute routeArea(EventId event, AreaId area, std::uint32_t quantity, std::string* why) const;
    SyncLocalResult sell(const SyncSaleRequest& request, Timestamp now);
    // Refund or exchange of a sale made here (`saleOp` its op id); positions index its seats.
    SyncLocalResult refund(const std::string& saleOp, std::vector<std::uint32_t> positions, Amount amount,
                           std::string reason, std::uint64_t clerk, Timestamp now);
    SyncLocalResult exchange(const std::string& saleOp, std::uint32_t position, SeatId newSeat, std::uint64_t clerk,
                             Timestamp now);

    // The counter's own sales and refunds (docs/design/sync.md, "The counter's sales"). The counter
    // runs them through its CounterSale / refundAtCounter (tenders, drawer, card terminal) on the
    // local ledger; the op is journaled first, as an external intent, and settled from the local
    // ledger: a sale is done once `localHold` is confirmed (void when the hold went away without
    // an order), a refund once its tickets are refunded (void otherwise). Begin, run the local
    // step, then finishExternal(); a crash in between leaves an intent that settles itself when
    // the outbox is opened again (or, for a hold still alive, once the counter confirms or
    // releases it). Ops behind an unsettled intent wait, as for any intent.
    // beginExternalSale for a hold that already has an intent answers that op (a retried payment).
    SyncLocalResult beginExternalSale(const SyncSaleRequest& request, HoldId localHold, Timestamp now);
    // Refund of tickets (in full) of the local order `localOrder`, which must be a sale op's.
    SyncLocalResult beginExternalRefund(OrderId localOrder, std::vector<TicketId> tickets, std::string reason,
                                        std::uint64_t clerk, Timestamp now);
    // Exchanges at the counter of tickets of the local order `localOrder` (a sale op's): one
    // exchange op per move (result.ops, in order), each settled from the ledger: done when the
    // ticket is on its new seat, void otherwise. Every new seat must be this box office's and
    // available, every ticket valid and named once; nothing is journaled otherwise.
    SyncLocalResult beginExternalExchange(OrderId localOrder, const std::vector<SyncExchangeMove>& moves,
                                          std::uint64_t clerk, Timestamp now);
    // Settles an external op after its local step: Ok (done: order and tickets filled in), a
    // refusal (void: the local step did not happen), or a transient status (the hold is still
    // alive: settled later, by tick()).
    SyncLocalResult finishExternal(const std::string& opId, Timestamp now);
    // The sale op of a local order (empty when the order was not sold through the outbox).
    std::string saleOpOfLocalOrder(OrderId order);

    // Online requests (docs/sync-online-sales.md): a hold, sale or release of seats outside the
    // allocation, decided by central. Sent only while connected: false (nothing sent, fail closed)
    // otherwise. Central's answers come back through takeOnlineReplies(); a request whose answer
    // never comes (the connection dropped) is sent again with the same id.
    bool sendOnline(const SyncOnlineRequest& request);
    std::vector<SyncOnlineReply> takeOnlineReplies() { return std::exchange(m_onlineReplies, {}); }
    bool isConnected() const { return connected(); }

    SyncStatus status(Timestamp now);
    SyncState state() const { return m_state; }
    SyncOutbox& outbox() { return *m_outbox; }
    // Grants the local ledger refused (never expected: a bug or a tampered file).
    std::uint64_t anomalies() const { return m_anomalies; }

private:
    SyncBoxOffice(const SyncBoxOfficeOptions& options, SyncLedger& local, std::uint64_t seed);
    void crashPoint(const char* point);
    void send(const SyncMessage& message);
    bool connected() const { return m_state == SyncState::Online || m_state == SyncState::Syncing; }
    void updateState();
    void pump(Timestamp now);
    SyncLocalResult journalAndApply(SyncOp op, Timestamp now, std::uint64_t receivedPush);
    // Applies a journaled op to the local ledger and records its local state; false on a transient failure.
    bool applyLocal(const SyncOp& op, Timestamp now, SyncLocalResult* result);
    bool applyLocal(const SyncOutboxEntry& entry, Timestamp now, SyncLocalResult* result);
    // An external op's local state, read from the ledger; false while it cannot be known yet.
    bool settleExternal(const SyncOutboxEntry& entry, SyncLocalResult* result);
    bool journalChecked(SyncOp* op, Timestamp now, bool external, HoldId localHold, std::uint64_t receivedPush,
                        SyncLocalResult* result);
    Status applyLocalOrderOp(const SyncOp& op, Timestamp now);
    bool settleIntents(Timestamp now);
    // The positions (in `sale`'s seats, which are its local order's tickets in order) of `tickets`,
    // each a valid ticket of that order; false when one is not.
    bool positionsInSale(const SyncOutboxEntry& sale, const std::vector<TicketId>& tickets,
                         std::vector<std::uint32_t>* positions);
    // Journals an external op (after the checks), marks it in flight; false with *result filled.
    bool journalExternal(SyncOp* op, HoldId localHold, Timestamp now, SyncLocalResult* result);
    void handleWelcome(const SyncMessage& message, Timestamp now);
    void handlePush(const SyncPush& push, Timestamp now);
    bool applyGrant(const SyncPush& push, Timestamp now);
    bool applyTakeBack(const SyncPush& push, Timestamp now);
    bool applyTakeBackArea(const SyncPush& push, Timestamp now);
    SyncRoute routeOf(const SyncSaleRequest& request, std::string* why) const;
    // A GA sale's local step, read from the ledger: the order of `hold` (0 while the hold lives or
    // when it went away without one).
    bool orderOfGaHold(const SyncOp& op, HoldId hold, bool* alive, OrderId* order, std::vector<TicketId>* tickets);
    void refuseCentral(const std::string& why);

    const SyncBoxOfficeOptions m_options;
    SyncLedger& m_local;
    std::unique_ptr<SyncOutbox> m_outbox;
    SyncBackoff m_backoff;
    SyncState m_state = SyncState::Offline;
    Timestamp m_nextAttemptAt = 0;
    Timestamp m_handshakeDeadline = 0;
    Timestamp m_lastProgress = 0; // when the acknowledged seq last moved (or sending started from it)
    std::uint64_t m_sentUpTo = 0; // the highest op seq sent on this connection
    bool m_intentsUnsettled = false;
    bool m_closeRequested = false;
    std::string m_refusal;
    std::vector<std::string> m_outgoing;
    std::vector<SyncOnlineReply> m_onlineReplies;
    bool m_centralSellsAreas = false; // this connection's welcome listed kSyncFeatureOnlineArea
    std::uint64_t m_anomalies = 0;
    std::set<std::uint64_t> m_externalInFlight; // external ops begun here whose local step runs now
};

} // namespace usher
