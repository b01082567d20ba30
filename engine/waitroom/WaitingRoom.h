#pragma once

// The virtual waiting room of one event's onsale (docs/design/waiting-room.md).
//
// * Before the onsale time, arrivals wait in a pre-queue without a position. When the onsale
//   starts, the pre-queue is shuffled (uniformly, Fisher-Yates) into the first positions; later
//   arrivals queue behind in arrival order.
// * A drain lets users through at `drainRatePerSecond`, in batches every `batchIntervalMs`, while
//   fewer than `activeAdmittedMax` admitted sessions are unfinished. It can be paused, and every
//   parameter changed while the queue is live.
// * Positions form bands of `bandSize`; within the band at the head, sessions with a better
//   quality score go first (a verified account, a payment method on file, no bot signals).
// * A queued session heartbeats (poll) every `heartbeatIntervalMs`; one not seen for
//   `heartbeatsMissedMax` intervals, or queued longer than `queueTtlMs`, loses its place.
// * Bots: a join may have to carry a proof of work; too many live sessions from one address are
//   refused; rate-limit violations and late heartbeats lower the score, and enough of them block.
// * An admitted session gets an admission token (AdmissionTokens) bound to it and to the event,
//   valid for `admissionTtlMs`; it counts as active until finish() or that expiry.
//
// Like the ledger, a WaitingRoom is a plain single-threaded object and time is an input: every call
// takes `now`, and tick() runs the clock (onsale start, drain batches, expiry). The caller
// serialises calls (usherd: one mutex per room) and calls tick() often (every 50-100 ms).

#include "core/Random.h"
#include "core/Types.h"
#include "waitroom/AdmissionToken.h"
#include "waitroom/FlatU64Map.h"
#include "waitroom/ProofOfWork.h"
#include "waitroom/QueueKey.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace usher {

struct WaitingRoomConfig {
    bool enabled = true;
    Timestamp onsaleAt = 0;            // before it: pre-queue
    double drainRatePerSecond = 13.3;  // R = 0.8 × C / T for C = 5,000 and T = 300 s
    std::uint32_t batchIntervalMs = 1'000;
    std::uint32_t activeAdmittedMax = 5'000;
    std::uint32_t heartbeatIntervalMs = 20'000;
    std::uint32_t heartbeatsMissedMax = 3;
    std::uint32_t queueTtlMs = 3 * 3'600'000;
    std::uint32_t admissionTtlMs = 15 * 60'000;
    std::uint32_t bandSize = 500;
    std::uint32_t sessionsPerAddressMax = 8;
    std::uint32_t sessionsMax = 2'000'000; // every session the room remembers, of any state
    std::uint32_t powDifficultyBits = 0;   // 0: no proof of work
    std::uint32_t rateViolationsMax = 5;   // then the session is blocked
    std::uint32_t botSignalsMax = 3;       // a join with this many bot signals is blocked
    std::uint32_t pollIntervalMinMs = 1'000; // polls closer together count as rate-limit violations; 0: off
    bool paused = false;
};
// Empty when valid; otherwise what is wrong (English, for logs and the API's message).
std::string validateWaitingRoomConfig(const WaitingRoomConfig& config);

// What the edge knows about a session when it joins.
struct SessionSignals {
    bool verifiedAccount = false;
    bool paymentMethodOnFile = false;
    std::uint32_t botSignals = 0; // independent bot signals (headless browser, datacentre address, ...)
};

struct JoinRequest {
    std::uint64_t address = 0; // the client's address (any stable hash of it)
    SessionSignals signals;
    std::string_view powChallenge; // when the room asks for a proof of work
    std::uint64_t powNonce = 0;
};

// Stable numbers.
enum class QueueState : std::uint8_t {
    PreQueue = 0,
    Waiting = 1,
    Admitted = 2,
    Finished = 3, // admitted, then done (finish() or the admission expired)
    Expired = 4,  // lost its place: missed heartbeats or the queue TTL
    Left = 5,     // left the queue itself (abandoned)
    Blocked = 6,  // bot signals
};
const char* queueStateName(QueueState state);

// Stable numbers, in the order the checks of a join run.
enum class WaitStatus : std::uint8_t {
    Ok = 0,
    Closed = 1,          // the waiting room is off
    QueueFull = 2,       // sessionsMax reached
    ProofOfWorkRequired = 3,
    ProofOfWorkInvalid = 4,
    Blocked = 5,         // too many bot signals
    TooManySessionsFromAddress = 6,
    NotFound = 7,        // poll/leave/finish of an unknown key
    PolledTooOften = 8,  // a poll within pollIntervalMinMs of the last one (counted as a violation)
};
const char* waitStatusName(WaitStatus status);

// What a buyer is told (join and poll).
struct QueueView {
    WaitStatus status = WaitStatus::Ok;
    QueueKey key;
    QueueState state = QueueState::Waiting;
    std::uint64_t position = 0; // 1 = next; 0 in the pre-queue and once out of the queue
    std::int64_t etaSeconds = -1; // -1: unknown (paused); in the pre-queue: seconds to the onsale
    Timestamp onsaleAt = 0;
    std::string admissionToken; // when Admitted
    Timestamp admissionExpiresAt = 0;
    PowCheck powCheck = PowCheck::Ok; // why a proof of work was refused
};

struct WaitingRoomMetrics {
    std::uint64_t depth = 0;     // waiting with a position
    std::uint64_t prequeued = 0; // waiting for the onsale
    std::uint64_t joined = 0;    // inflow, since creation
    std::uint64_t admitted = 0;  // outflow
    std::uint64_t active = 0;    // admitted, not finished
    std::uint64_t finished = 0;
    std::uint64_t abandoned = 0; // left the queue
    std::uint64_t expiredHeartbeat = 0;
    std::uint64_t expiredTtl = 0;
    std::uint64_t admissionsExpired = 0; // admitted sessions that never finished
    std::uint64_t botsBlocked = 0;       // joins refused or sessions blocked for bot signals
    std::uint64_t joinsRefused = 0;      // every refused join, bots included
    double drainRatePerSecond = 0;
    bool paused = false;
    bool onsaleStarted = false;
    // ETA accuracy over admitted sessions: |admitted at - predicted at| (the prediction made at the
    // join, or at the onsale for the pre-queue).
    std::uint64_t etaSamples = 0;
    double etaMeanAbsErrorSeconds = 0;
    double etaWithin10PercentShare = 0; // share of samples off by at most 10 % of the wait (or 5 s)
};

class WaitingRoom {
public:
    // `tokens` and `pow` must outlive the room (usherd shares one of each across rooms).
    WaitingRoom(EventId event, const WaitingRoomConfig& config, const AdmissionTokens* tokens, ProofOfWork* pow,
                std::uint64_t shuffleSeed, Timestamp now);
    WaitingRoom(const WaitingRoom&) = delete;
    WaitingRoom& operator=(const WaitingRoom&) = delete;

    EventId event() const { return m_event; }
    const WaitingRoomConfig& config() const { return m_config; }
    // Changes the parameters while live; credit earned so far is kept at the old rate. The onsale
    // time can move only until the onsale has started. Empty when applied, else why not.
    std::string reconfigure(const WaitingRoomConfig& config, Timestamp now);
    void setPaused(bool paused, Timestamp now);

    QueueView join(const JoinRequest& request, Timestamp now);
    QueueView poll(const QueueKey& key, Timestamp now); // also the heartbeat
    // A heartbeat from a push subscription (usherd's WebSocket queue.watch): poll() without the
    // minimum poll interval, since the server, not the client, chooses when it runs.
    QueueView watch(const QueueKey& key, Timestamp now);
    // The session's state as it stands (no heartbeat, no expiry check); false when unknown.
    bool stateOf(const QueueKey& key, QueueState* state) const;
    WaitStatus leave(const QueueKey& key, Timestamp now);
    WaitStatus finish(const QueueKey& key, Timestamp now); // an admitted session is done
    WaitStatus reportRateLimitViolation(const QueueKey& key, Timestamp now);

    // Runs the clock: starts the onsale, lets a batch through, expires sessions. Returns how many
    // were admitted; their keys are appended to *admitted when it is not null (push notifications).
    std::size_t tick(Timestamp now, std::vector<QueueKey>* admitted = nullptr);

    WaitingRoomMetrics metrics() const;
    std::size_t memoryBytes() const;
    std::size_t sessionCount() const { return m_sessions.size(); }
    // Admission order so far, as join order numbers (0-based), for fairness measurements.
    void setRecordAdmissions(bool record) { m_recordAdmissions = record; }
    const std::vector<std::uint32_t>& admissionOrder() const { return m_admissionOrder; }
    // Checks every internal invariant (counts, the position tree, the address table); empty when
    // they hold. O(sessions): for tests.
    std::string checkInvariants() const;

private:
    struct Session {
        QueueKey key;
        Timestamp lastSeen = 0;
        Timestamp joinedAt = 0;
        Timestamp admittedAt = 0;       // or the predicted admission while waiting
        std::uint64_t address = 0;
        std::uint32_t slot = 0;         // position order; kNoSlot in the pre-queue
        std::int16_t score = 0;
        std::uint8_t violations = 0;
        QueueState state = QueueState::PreQueue;
    };
    static constexpr std::uint32_t kNoSlot = 0xffffffffU;

    bool isLive(const Session& s) const;
    Session* find(const QueueKey& key, std::uint32_t* index);
    QueueView viewOf(std::uint32_t index, Timestamp now);
    QueueView pollSession(const QueueKey& key, Timestamp now, bool rateChecked);
    std::uint64_t positionOf(std::uint32_t index) const;
    std::int64_t etaFor(std::uint64_t position, Timestamp now) const;
    void startOnsale(Timestamp now);
    std::uint32_t appendSlot(std::uint32_t index);
    void accrue(Timestamp now);
    std::size_t drain(Timestamp now);
    bool nextCandidate(std::uint32_t* index);
    void admit(std::uint32_t index, Timestamp now);
    bool expireIfDue(std::uint32_t index, Timestamp now);
    void leaveQueue(std::uint32_t index, QueueState state);
    void sweep(Timestamp now);
    void expireAdmissions(Timestamp now);
    void releaseAddress(std::uint64_t address);
    void block(std::uint32_t index);
    void heartbeat(Session& s, Timestamp now);
    std::int16_t initialScore(const SessionSignals& signals) const;
    // The position tree: a Fenwick tree over slots, 1 while the slot's session waits.
    void treeAdd(std::uint32_t slot, int delta);
    std::uint64_t treePrefix(std::uint32_t slotsBefore) const; // waiting in slots [0, slotsBefore)
    std::uint32_t treeFindNth(std::uint64_t n) const;           // the slot of the n-th waiting (1-based)

    const EventId m_event;
    WaitingRoomConfig m_config;
    const AdmissionTokens* m_tokens;
    ProofOfWork* m_pow;
    Prng m_shuffle;

    std::vector<Session> m_sessions;
    FlatU64Map m_byKey;     // key.lo → session index
    FlatU64Map m_byAddress; // address → live sessions
    std::vector<std::uint32_t> m_prequeue;   // session indexes, join order
    std::vector<std::uint32_t> m_slotOwner;  // slot → session index
    std::vector<std::uint32_t> m_tree;       // Fenwick, 1-based (m_tree[0] unused)
    std::vector<std::uint32_t> m_admittedFifo; // admitted sessions in admission order
    std::size_t m_admittedHead = 0;
    std::vector<std::uint32_t> m_band;       // the head band's waiting sessions, best first
    std::size_t m_bandNext = 0;
    std::uint32_t m_bandLastSlot = 0; // every waiting session up to this slot is in the band

    bool m_onsaleStarted = false;
    double m_credit = 0;
    Timestamp m_creditAt = 0;
    Timestamp m_lastBatchAt = 0;
    Timestamp m_lastSweepAt = 0;
    std::size_t m_sweepCursor = 0;
    std::uint64_t m_waiting = 0;
    std::uint64_t m_active = 0;
    WaitingRoomMetrics m_counts;
    double m_etaErrorSum = 0;
    std::uint64_t m_etaWithin = 0;
    bool m_recordAdmissions = false;
    std::vector<std::uint32_t> m_admissionOrder;
    std::vector<QueueKey>* m_admittedKeys = nullptr; // set during tick() only
};

} // namespace usher
