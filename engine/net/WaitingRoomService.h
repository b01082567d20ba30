#pragma once

// usherd's waiting rooms: one engine/waitroom WaitingRoom per event that has one, the server key
// behind admission tokens and proof-of-work challenges, and the HTTP answers of the queue API
// (docs/api/openapi.yaml, "Waiting room"; docs/design/waiting-room.md).
//
// Every call is short (microseconds under the room's mutex), so the API runs them on the network
// thread. A timer calls tick() every 100 ms. Queue ids in the API are "<eventId>-<32 hex digits>".
// Rooms are created by putSettings() and never deleted while the service lives.

#include "net/ApiService.h"
#include "net/HttpTypes.h"
#include "waitroom/AdmissionToken.h"
#include "waitroom/ProofOfWork.h"
#include "waitroom/WaitingRoom.h"

#include <condition_variable>
#include <map>
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
    struct Room {
        std::unique_ptr<WaitingRoom> room;
        mutable std::mutex mutex;
    };
    Room* find(EventId event) const;
    bool parseQueueId(std::string_view text, Room** room, QueueKey* key) const;
    std::string viewJson(EventId event, const QueueView& view, const WaitingRoomConfig& config) const;
    bool loadSettings(Timestamp now, std::string* error);
    bool saveSettings(std::string* error) const; // with m_roomsMutex held

    AdmissionTokens m_tokens;
    mutable ProofOfWork m_pow;
    std::string m_settingsPath; // empty: not persisted
    mutable std::shared_mutex m_roomsMutex;
    std::map<EventId, std::unique_ptr<Room>> m_rooms;

    std::mutex m_tickMutex;
    std::condition_variable m_tickWake;
    bool m_tickStop = false;
    std::thread m_ticker;
};

std::string waitingRoomQueueId(EventId event, const QueueKey& key);
// The 403 message of a hold refused by the waiting room.
const char* waitingRoomRefusal(TokenCheck check);

} // namespace usher::net
