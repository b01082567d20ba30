#pragma once

// usherd's waiting rooms: one engine/waitroom WaitingRoom per event that has one, the server key
// behind admission tokens and proof-of-work challenges, and the HTTP answers of the queue API
// (docs/api/openapi.yaml, "Waiting room"; docs/design/waiting-room.md).
//
// Every call is short (microseconds under the room's mutex), so the API runs them on the network
// thread. A timer calls tick() every 100 ms. Queue ids in the API are "<eventId>-<32 hex digits>".
// Rooms are created by putSettings() and never deleted while the service lives.
//
// WebSocket push (docs/api/websocket.md, "Waiting room"): a connection watches queue sessions;
// tick() sends each watcher the position and ETA when they change (checked once a second per
// watch), the admission within the tick that admits it, or how the session ended, and then forgets
// the watch. While watched, a session is heartbeated by the server.

#include "net/ApiService.h"
#include "net/HttpTypes.h"
#include "waitroom/AdmissionToken.h"
#include "waitroom/ProofOfWork.h"
#include "waitroom/WaitingRoom.h"

#include <atomic>
#include <condition_variable>
#include <map>
#include <unordered_map>
#include <vector>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <thread>

namespace usher::net {

class WaitingRoomService final : public AdmissionGate {
public:
    // The key lives in DIR/waitroom.key (32 random bytes, mode 0600), created on the first start, so
    // that tokens and challenges stay good across restarts. The rooms' settings live in
    // DIR/waiting-rooms.json (replaced atomically on every change) and are loaded here: a restart
    // keeps every room on with its parameters, and forgets who was queued. Null with *error when a
    // file cannot be read or written, or is damaged.
    static std::unique_ptr<WaitingRoomService> open(const std::string& dataDirectory, Timestamp now,
                                                    std::string* error);
    // Without files (tests): settings are not persisted.
    explicit WaitingRoomService(const AdmissionTokens::Key& key);

    // AdmissionGate: staff pass; a buyer needs a valid token for the event while its room is on.
    bool admits(EventId event, const Principal& principal, std::string_view admissionToken) const override;
    // Why a token is refused, for the 403's message (Ok when admits() would say yes).
    TokenCheck checkToken(EventId event, const Principal& principal, std::string_view admissionToken,
                          Timestamp now) const;
    bool enabled(EventId event) const;

    // GET and PUT /api/events/{id}/waiting-room (admin, promoter). PUT merges the fields given into
    // the current parameters (or the defaults) and may create, reconfigure, pause or resume.
    HttpResponse getSettings(EventId event) const;
    HttpResponse putSettings(EventId event, std::string_view body, Timestamp now);
    // GET /api/events/{id}/queue/challenge: a proof-of-work challenge and the difficulty.
    HttpResponse challenge(EventId event, Timestamp now);
    // POST /api/events/{id}/queue. `address` identifies the client (its IP address).
    HttpResponse join(EventId event, std::string_view body, std::string_view address, Timestamp now);
    // GET /api/queue/{queueId}: position and ETA, or the admission token. Also the heartbeat.
    HttpResponse poll(std::string_view queueId, Timestamp now);
    // DELETE /api/queue/{queueId}: leave the queue, or finish an admitted session.
    HttpResponse leave(std::string_view queueId, Timestamp now);

    // WebSocket push. watch() sends the session's state at once ("queue.position", "queue.admitted" or
    // "queue.ended"; an "error" for an unknown session or a limit) and keeps sending until the
    // session is admitted or ends, unwatch() or disconnected(). Thread-safe; never blocks on I/O.
    void watch(const WsConnectionPtr& connection, std::string_view queueId, Timestamp now);
    void unwatch(const WsConnectionPtr& connection, std::string_view queueId);
    void disconnected(const WsConnectionPtr& connection);
    static constexpr std::size_t kWatchesPerConnectionMax = 16;
    static constexpr std::size_t kWatchesMax = 1'000'000;
    // Position updates and server heartbeats: this often, or twice per heartbeat interval if sooner.
    static constexpr Timestamp kWatchRefreshMs = 1'000;
    std::size_t watchCount() const { return m_watchCount.load(); }

    // A purchase with this admission token completed: its session frees its active place.
    void finish(EventId event, std::string_view admissionToken, Timestamp now);

    void tick(Timestamp now);
    // A thread that calls tick() every `intervalMs` until stopTicking() or destruction.
    void startTicking(int intervalMs);
    void stopTicking();
    ~WaitingRoomService() override;
    // Prometheus text: usher_waiting_room_* gauges and counters per event.
    void appendMetrics(std::string* out) const;
    bool metrics(EventId event, WaitingRoomMetrics* metrics) const;

    const AdmissionTokens& tokens() const { return m_tokens; }

private:
    // One WebSocket watch of one queue session; `cancelled` is shared with the connection's list.
    struct Watch {
        QueueKey key;
        std::weak_ptr<WsConnection> connection; // the server owns the connection, never this list
        std::shared_ptr<std::atomic<bool>> cancelled;
        Timestamp nextRefreshAt = 0;
        std::uint64_t position = 0;
        std::int64_t etaSeconds = 0;
        QueueState state = QueueState::Waiting;
        bool paused = false;
    };
    struct Room {
        std::unique_ptr<WaitingRoom> room;
        mutable std::mutex mutex;
        std::vector<Watch> watches; // under `mutex`
    };
    struct ConnectionWatch {
        std::string queueId;
        std::shared_ptr<std::atomic<bool>> cancelled;
    };
    using Outgoing = std::vector<std::pair<WsConnectionPtr, std::shared_ptr<const std::string>>>;
    Room* find(EventId event) const;
    bool parseQueueId(std::string_view text, Room** room, QueueKey* key) const;
    std::string viewJson(EventId event, const QueueView& view, const WaitingRoomConfig& config) const;
    // The push message for `view`; *final when the watch ends with it. With the room's mutex held.
    std::string watchMessage(const Room& room, const QueueView& view, bool* final) const;
    void refreshWatches(Room& room, std::vector<QueueKey>& admitted, Timestamp now, Outgoing* out);
    bool loadSettings(Timestamp now, std::string* error);
    bool saveSettings(std::string* error) const; // with m_roomsMutex held

    AdmissionTokens m_tokens;
    mutable ProofOfWork m_pow;
    std::string m_settingsPath; // empty: not persisted
    mutable std::shared_mutex m_roomsMutex;
    std::map<EventId, std::unique_ptr<Room>> m_rooms;

    std::mutex m_watchMutex; // after a room's mutex when both are held
    std::unordered_map<std::uint64_t, std::vector<ConnectionWatch>> m_connectionWatches;
    std::atomic<std::size_t> m_watchCount { 0 };

    std::mutex m_tickMutex;
    std::condition_variable m_tickWake;
    bool m_tickStop = false;
    std::thread m_ticker;
};

std::string waitingRoomQueueId(EventId event, const QueueKey& key);
// The 403 message of a hold refused by the waiting room.
const char* waitingRoomRefusal(TokenCheck check);

} // namespace usher::net
