#pragma once

// usherd's side of the box office sync (docs/sync-protocol.md): the /sync WebSocket endpoint, the
// device, grant and take-back routes, and the sync metrics, around one SyncCentral.
//
// Threads: SyncCentral blocks until its ledger commands are durable, so it lives on a thread of
// its own. The network threads (WsHandler callbacks, route()) only queue work for it and never
// wait; the sync thread answers HTTP requests through their Reply and sends protocol messages
// through WsConnection::send (both thread-safe). A timer on the same thread calls tick().
// Status for GET /api/devices and /metrics is a snapshot the sync thread refreshes, so reading it
// never waits for a batch of ops being applied.

#include "net/ApiSupport.h"
#include "net/HttpTypes.h"
#include "sync/SyncCentral.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace usher {
class Engine;
}

namespace usher::net {

class TokenStore;
struct Principal;
enum class Role : std::uint8_t;

struct SyncEndpointOptions {
    std::string storePath; // <data>/usherd-sync.db
    bool synchronousFull = true;
    std::int64_t tickMs = 100;               // SyncCentral::tick() (push retransmits, grant retries)
    std::size_t queueBytesMax = 64u << 20;   // received and not yet applied, all devices; beyond: closed
    // Queued ops messages of one connection handed to SyncCentral together; it applies them in batches
    // of up to kSyncOpsPerBatchMax ops (40 messages of the box office's 200 ops: one full batch).
    std::size_t opsMessagesPerBatchMax = 40;
};

class SyncEndpoint final : public WsHandler {
public:
    SyncEndpoint(const SyncEndpointOptions& options, Engine& engine, TokenStore& tokens);
    ~SyncEndpoint() override;
    SyncEndpoint(const SyncEndpoint&) = delete;
    SyncEndpoint& operator=(const SyncEndpoint&) = delete;

    // Opens the sync store and SyncCentral (re-running unsettled grants), starts the thread.
    bool start(std::string* error);
    // Closes a connection once what was queued for it is sent (HttpServer::closeWhenSent).
    void setGracefulClose(std::function<void(const WsConnectionPtr&)> close) { m_gracefulClose = std::move(close); }
    // Finishes the work item in progress, drops the rest (unacknowledged: the devices send it
    // again), closes the connections and joins. Call before Engine::close().
    void stop();

    // WsHandler (network threads; never blocks).
    void opened(const WsConnectionPtr& connection, const HttpRequest& upgrade) override;
    void message(const WsConnectionPtr& connection, std::string&& text) override;
    void closed(const WsConnectionPtr& connection) override;

    // /api/devices... and /api/events/{id}/allocations/{device}; false when the path is not one of
    // them (the caller answers 404). Network thread; the answer comes from the sync thread.
    static bool isRoute(const std::vector<std::string_view>& segments);
    void route(const HttpRequest& request, const std::vector<std::string_view>& segments, const ApiReply& reply);
    // Appends the usherd_sync_* metrics (Prometheus text).
    void renderMetrics(std::string& out) const;

private:
    struct Item {
        enum class Kind : std::uint8_t { Opened, Closed, Message, Job } kind = Kind::Job;
        SyncConnectionId connection = 0;
        WsConnectionPtr socket; // Opened
        std::string text;       // Message
        std::function<void(SyncCentral&)> job;
    };
    struct Snapshot {
        std::vector<SyncDeviceStatus> devices;
        std::map<std::string, Timestamp> lastSeen;
        std::uint64_t opsApplied = 0;
        std::uint64_t opsRefused = 0;
        std::uint64_t invalidMessages = 0;
    };

    void loop();
    void process(std::deque<Item>& items);
    void processMessages(std::deque<Item>& items);
    void flush();
    void refreshSnapshot();
    bool post(Item&& item);
    bool authorize(const HttpRequest& request, const ApiReply& reply, std::initializer_list<Role> roles,
                   Principal* principal);
    void postDevice(const HttpRequest& request, const ApiReply& reply);
    void getDevices(const ApiReply& reply);
    void postAllocation(const HttpRequest& request, std::string_view event, std::string_view device,
                        const ApiReply& reply);
    void getPush(std::string_view device, std::string_view id, const ApiReply& reply);
    void getOp(std::string_view device, std::string_view id, const ApiReply& reply);

    const SyncEndpointOptions m_options;
    Engine& m_engine;
    TokenStore& m_tokens;
    std::unique_ptr<SyncLedger> m_ledger;
    std::unique_ptr<SyncCentral> m_central; // the sync thread only, once started
    std::function<void(const WsConnectionPtr&)> m_gracefulClose;

    std::mutex m_mutex; // the queue
    std::condition_variable m_wake;
    std::deque<Item> m_queue;
    std::size_t m_queuedBytes = 0;
    bool m_stopping = false;
    std::thread m_thread;

    std::map<SyncConnectionId, WsConnectionPtr> m_sockets; // the sync thread only
    std::map<std::string, Timestamp> m_lastSeen;           // the sync thread only

    mutable std::mutex m_snapshotMutex;
    Snapshot m_snapshot;
};

} // namespace usher::net
