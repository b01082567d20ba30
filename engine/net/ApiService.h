#pragma once

// usherd's HTTP API and WebSocket protocol on top of the engine. See docs/api/openapi.yaml,
// docs/api/websocket.md and docs/design/usherd.md.
//
// Threads: handle() runs on a network thread and never blocks. Commands go to the event's shard
// with EventShard::submit(); their results come back on the committer thread once durable and
// are sent from there (Reply::send posts to the connection's thread). Work that has to wait (a
// ledger read, a storage query, a file write) goes to a small WorkerPool. Payment results come
// back on the gateway's threads.

#include "net/EventHub.h"
#include "net/HttpTypes.h"
#include "net/Metrics.h"
#include "net/PurchaseStore.h"
#include "net/RateLimiter.h"
#include "net/TokenStore.h"
#include "net/WorkerPool.h"
#include "payments/PaymentGateway.h"
#include "runtime/Engine.h"
#include "storage/Storage.h"
#include "net/WaitingRoomAudit.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>

namespace usher::net {

class ApiReply;
class OwnershipGate;
class SearchService;
class SyncEndpoint;
class WaitingRoomService;
struct ServerStats;

struct ApiOptions {
    std::uint32_t availabilityMaxAgeSeconds = 1; // Cache-Control on availability
    double buyerRatePerSecond = 10;              // token bucket per buyer on holds; 0 disables
    double buyerBurst = 20;
    std::int64_t sessionSeconds = 24 * 3600;
    std::size_t workerThreads = 2;
    std::size_t workerQueueMax = 4096;
    std::int64_t paymentLookupIntervalMs = 2000; // unknown payment outcomes are looked up this often...
    std::uint32_t paymentLookupsMax = 300;       // ...at most this many times, then logged for reconciliation
    std::size_t paymentsUnresolvedMax = 10'000;
    std::size_t completedPurchasesMax = 100'000; // answers kept for purchase retries
    std::string dataDirectory;                   // venues/ lives here
};

// The waiting room's hook: when set and it says no, a hold gets 403. Off (null) by default.
class AdmissionGate {
public:
    virtual ~AdmissionGate() = default;
    virtual bool admits(EventId event, const Principal& principal, std::string_view admissionToken) const = 0;
};

class ApiService final : public HttpHandler, public WsHandler {
public:
    ApiService(const ApiOptions& options, Engine& engine, EventHub& hub, TokenStore& tokens, Metrics& metrics,
               PaymentGateway* gateway);
    ~ApiService() override;
    ApiService(const ApiService&) = delete;
    ApiService& operator=(const ApiService&) = delete;

    // Serves an event: its JSON caches and its live view. Called for every event at start-up and
    // by POST /api/events.
    void addEvent(EventShard* shard);
    bool loadVenues(std::string* error);
    // Opens <data>/usherd-purchases.db (PurchaseStore.h); usherd does not start without it.
    bool openPurchaseStore(bool synchronousFull, std::string* error);
    // After addEvent() for every event: the purchases a crash left unfinished go to the resolver,
    // which looks each up at the gateway and confirms or fails it.
    void recoverPurchases();
    void setServerStats(std::function<ServerStats()> stats) { m_serverStats = std::move(stats); }
    void setAdmissionGate(const AdmissionGate* gate) { m_gate = gate; }
    // usherd on several nodes (net/Cluster.h): requests for events owned elsewhere get 307 to the
    // owner, or 503 while nobody owns them (net/ClusterGate.h). Null (one node) by default.
    void setOwnership(const OwnershipGate* ownership) { m_ownership = ownership; }
    // The waiting rooms: their routes, and the admission gate on holds (ApiWaitingRoom.cpp).
    void setWaitingRooms(WaitingRoomService* rooms);
    // Event search on GET /api/events with parameters (SearchService.h); addEvent() keeps it current.
    void setSearch(SearchService* search) { m_search = search; }
    // The box office sync: its routes (/api/devices..., /api/events/{id}/allocations/{device}) and
    // metrics (SyncEndpoint.h). Without it those routes answer 404.
    void setSync(SyncEndpoint* sync) { m_sync = sync; }
    bool ready() const;
    // usherd's reload on SIGHUP (UsherdReload.h): the options that may change while serving.
    void setReloadable(double buyerRatePerSecond, double buyerBurst, std::uint32_t availabilityMaxAgeSeconds);

    // Shutdown, in two steps. drain(): new writes get 503; waits (bounded) for purchases in
    // flight, so that a charge always gets its ticket or its refund. close(): nothing touches the
    // engine any more; call it before Engine::close().
    void drain(std::int64_t waitMs);
    void close();

    // HttpHandler
    void handle(HttpRequest&& request, Reply reply) override;
    // WsHandler
    void opened(const WsConnectionPtr& connection, const HttpRequest& upgrade) override;
    void message(const WsConnectionPtr& connection, std::string&& text) override;
    void closed(const WsConnectionPtr& connection) override;

    struct Purchase;
    struct Unresolved;

private:
    struct EventInfo {
        EventShard* shard = nullptr;
        EventCounters* counters = nullptr;         // the event's /metrics series
        std::shared_ptr<const std::string> detail; // GET /api/events/{id}
        std::string summary;                       // one entry of GET /api/events
    };

    void dispatch(HttpRequest& request, const ApiReply& reply, const std::vector<std::string_view>& segments);
    bool authenticate(const HttpRequest& request, const ApiReply& reply, std::initializer_list<Role> roles,
                      Principal* principal);
    // The event's shard (and its counters when `counters` is set), or null after answering 404.
    EventShard* findEvent(std::string_view idText, const ApiReply& reply, EventCounters** counters = nullptr);
    // Authenticates, then finds the event of an "E-N" id (hold, order) and sets *number to N.
    // Answers 401/403/404 itself and returns null when it cannot.
    EventShard* findComposite(const HttpRequest& request, std::string_view id, const ApiReply& reply,
                              std::initializer_list<Role> roles, const char* notFoundCode, Principal* principal,
                              std::uint64_t* number);
    ChannelId channelFor(const EventSpec& spec, const Principal& principal, const HttpRequest& request) const;
    // Submits one command; `then` gets its result on the committer thread (or at once on a
    // runtime refusal such as QueueFull).
    void submit(EventShard* shard, Command command, std::function<void(CommandResult&&)> then);
    // submit() for the hold routes (ApiHolds.cpp): on a network thread the commands of one round
    // go to each shard as one batch, and `then` runs back on that network thread; elsewhere it is
    // submit().
    void submitBatched(EventShard* shard, Command command, std::function<void(CommandResult&&)> then);
    void flushRound(); // the network thread's batches, at the end of its round
    bool engineOpen() const { return !m_closed.load(); }

    // Routes (ApiService.cpp, ApiHolds.cpp, ApiPurchase.cpp).
    void waitingRoomRoute(HttpRequest& request, const std::vector<std::string_view>& segments,
                          const ApiReply& reply);
    // WebSocket "queue.watch" and "queue.unwatch" (ApiWaitingRoom.cpp); false for another type.
    bool waitingRoomMessage(const WsConnectionPtr& connection, std::string_view type, std::string_view queueId);
    // Waiting-room changes kept for the audit browser (ApiWaitingRoomAudit.cpp): one is recorded
    // after each PUT .../waiting-room; GET /api/audit/waiting-room lists them (admin).
    void recordWaitingRoomChange(std::uint64_t event, const Principal& principal, const HttpRequest& request,
                                 int status, Timestamp now);
    void getWaitingRoomAudit(const HttpRequest& request, const ApiReply& reply);
    WaitingRoomAudit& waitingRoomAudit(); // <data>/waiting-room-audit.jsonl, opened on first use
    void getHealth(const ApiReply& reply);
    void getReady(const ApiReply& reply);
    void getMetrics(const ApiReply& reply);
    void postSession(const ApiReply& reply);
    void getEvents(const ApiReply& reply);
    void searchEvents(const HttpRequest& request, const ApiReply& reply); // ApiSearch.cpp
    void getEvent(std::string_view id, const ApiReply& reply);
    void getAvailability(const HttpRequest& request, std::string_view id, const ApiReply& reply);
    void postVenue(HttpRequest& request, const ApiReply& reply);
    void postEvent(HttpRequest& request, const ApiReply& reply);
    void patchEvent(HttpRequest& request, std::string_view id, const ApiReply& reply);
    void postBlock(HttpRequest& request, std::string_view id, const ApiReply& reply);
    void postSeatHold(HttpRequest& request, std::string_view id, std::string_view seat, const ApiReply& reply);
    void postHolds(HttpRequest& request, std::string_view id, const ApiReply& reply);
    void startHold(HttpRequest& request, EventShard* shard, EventCounters& counters, const Principal& principal,
                   Command command, const ApiReply& reply);
    // A 409 for a hold, naming the seat when there is one: {"error":{...},"seat":N}.
    static HttpResponse conflictResponse(Status status, SeatId seat);
    // A box-office hold the ledger refused on `seat`: seat_allocated when the seat belongs to a
    // channel's allocation, else the plain conflict. Runs on a worker (it reads the ledger).
    void answerUnavailableSeat(EventShard* shard, SeatId seat, const ApiReply& reply);
    void deleteHold(HttpRequest& request, std::string_view id, const ApiReply& reply);
    void postPurchase(HttpRequest& request, std::string_view id, const ApiReply& reply);
    Status findStoredOrder(EventId event, OrderId order, StoredOrder* stored); // worker thread
    void getOrder(HttpRequest& request, std::string_view id, const ApiReply& reply);
    void postRefund(HttpRequest& request, std::string_view id, const ApiReply& reply);
    bool admitWrite(const Principal& principal, const HttpRequest& request, const ApiReply& reply, EventId event);

    // The purchase flow (ApiPurchase.cpp).
    void purchasePrice(const std::shared_ptr<Purchase>& purchase);
    void purchaseCharge(const std::shared_ptr<Purchase>& purchase);
    void purchaseCharged(const std::shared_ptr<Purchase>& purchase, const PaymentResult& result);
    void purchaseConfirmed(const std::shared_ptr<Purchase>& purchase, CommandResult&& result);
    void refundUnconfirmed(EventShard* shard, EventId event, HoldId hold, const std::string& paymentId, Amount amount);
    void refundCharge(EventId event, HoldId hold, const std::string& paymentId, Amount amount);
    static PendingPurchase pendingPurchase(const Purchase& purchase);
    void forgetPurchase(EventId event, HoldId hold);
    // Worker thread: the answer of the purchase that sold `hold`, from the ledger; false when the
    // hold has no order (or, for a buyer `actor`, not theirs).
    bool soldHoldAnswer(EventShard* shard, HoldId hold, const Actor& actor, std::string* body);
    void addUnresolved(const Purchase& purchase);
    void resolverLoop();
    void resolve(const std::shared_ptr<Unresolved>& item);
    void rememberPurchase(EventId event, HoldId hold, const std::string& body);
    bool completedPurchase(EventId event, HoldId hold, std::string* body);

    void rebuildEventList();

    const ApiOptions m_options;
    Engine& m_engine;
    EventHub& m_hub;
    TokenStore& m_tokens;
    Metrics& m_metrics;
    PaymentGateway* m_gateway;
    const AdmissionGate* m_gate = nullptr;
    const OwnershipGate* m_ownership = nullptr;
    WaitingRoomService* m_waitingRooms = nullptr;
    SearchService* m_search = nullptr;
    SyncEndpoint* m_sync = nullptr;
    std::once_flag m_waitingRoomAuditOnce;
    std::unique_ptr<WaitingRoomAudit> m_waitingRoomAudit;
    std::function<ServerStats()> m_serverStats;
    std::unique_ptr<PurchaseStore> m_purchaseStore; // before the workers: they use it until they stop
    RateLimiter m_limiter;
    std::atomic<std::uint32_t> m_availabilityMaxAgeSeconds; // options.availabilityMaxAgeSeconds, reloadable
    WorkerPool m_workers;

    mutable std::mutex m_eventsMutex;
    std::map<EventId, EventInfo> m_events;
    std::shared_ptr<const std::string> m_eventList;
    std::map<std::uint64_t, std::string> m_venues; // id -> venue JSON
    std::uint64_t m_nextVenue = 1;

    std::mutex m_patchMutex; // one PATCH at a time: read, merge and update must not interleave
    std::atomic<bool> m_draining { false };
    std::atomic<bool> m_closed { false };
    std::shared_mutex m_engineGuard; // shared while a handler uses a shard pointer; unique in close()
    std::atomic<std::int64_t> m_purchasesInFlight { 0 };

    std::mutex m_completedMutex;
    std::map<std::pair<EventId, HoldId>, std::string> m_completed;
    std::deque<std::pair<EventId, HoldId>> m_completedOrder;

    std::mutex m_unresolvedMutex;
    std::condition_variable m_unresolvedWake;
    std::deque<std::shared_ptr<Unresolved>> m_unresolved;
    bool m_resolverStopping = false;
    std::thread m_resolver;
};

} // namespace usher::net
