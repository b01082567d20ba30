#pragma once

// The flash crowd of usher-loadgen (docs/design/waiting-room.md, "usher-loadgen"): N virtual users,
// each a small state machine, multiplexed over one HttpPool on the Qt event loop of the calling
// thread. Real users open a buyer session, solve the proof of work, join the waiting room, poll it
// (the heartbeat) until admitted, hold 2 to 4 seats (best available or picked from the availability
// map) with their admission token, then pay or abandon. Bots join (half of them without the proof
// of work), poll in bursts, try holds without a token and then skip heartbeats. At the end the
// room is paused, every session's fate is read, every order is read back and the seat map is
// compared with the orders.

#include "HttpPool.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonObject>
#include <QTimer>
#include <queue>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace usher::loadgen {

struct LoadOptions {
    std::uint32_t users = 100'000;
    double botShare = 0.7;
    double abandonShare = 0.2;
    double pickShare = 0.5;          // real users who pick seats on the map (the others: best available)
    std::int64_t rampMs = 30'000;    // arrivals spread evenly over this
    std::int64_t onsaleAfterMs = -1; // the onsale starts this long after the first arrival; -1: a quarter of the ramp
    std::int64_t durationMaxMs = 300'000;
    std::int64_t thinkMs = 1'000; // a real user's pause before holding and before paying (0.5x to 1.5x)
    int connections = 64;
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 0;
    QByteArray adminToken;
    std::uint64_t event = 0;
    std::uint64_t seed = 1;
    bool json = false;
    // The waiting room settings the run applies (PUT /api/events/{id}/waiting-room).
    double drainRatePerSecond = 500;
    std::uint32_t heartbeatIntervalMs = 5'000;
    std::uint32_t powDifficultyBits = 8;
    std::uint32_t activeAdmittedMax = 2'000;
    std::uint32_t bandSize = 500; // priority bands: a better score goes first within this many places
};

struct LoadSummary {
    std::uint32_t users = 0, bots = 0;
    std::int64_t elapsedMs = 0;
    bool finished = false; // every user was done before the duration cap
    std::uint64_t admittedServer = 0, admittedReal = 0, admittedBots = 0;
    double botAdmissionShare = 0;
    std::uint64_t sales = 0, seatsSold = 0, capacity = 0;
    bool soldOut = false;
    std::int64_t sellOutMs = -1; // from the onsale start
    double fairness = 0;         // Spearman: arrival vs admission, real users who joined after the onsale
    std::uint64_t fairnessSample = 0;
    std::uint64_t holds = 0, conflicts = 0, tooManyRequests = 0, abandoned = 0;
    std::uint64_t holdsLeftOpen = 0; // neither paid nor released when the run ended (they expire)
    std::uint64_t expiredReal = 0, blockedBots = 0, botsRefused = 0;
    std::uint64_t ordersChecked = 0, seatsInOrders = 0, availabilitySold = 0;
    std::uint64_t oversells = 0, countMismatches = 0, protocolErrors = 0;
    std::uint64_t requests = 0, shed = 0, reconnects = 0;
    // usherd's availability cache over the run (usherd_cache_hits_total / _misses_total{cache=
    // "availability"}, read from /metrics before and after): false when /metrics could not be read.
    bool cacheRead = false;
    std::uint64_t availabilityHits = 0, availabilityMisses = 0;
    double availabilityHitRatio() const
    {
        const std::uint64_t all = availabilityHits + availabilityMisses;
        return all == 0 ? 0.0 : double(availabilityHits) / double(all);
    }
    std::string firstProtocolError;
    QJsonObject toJson() const;
};

class LoadGenerator {
public:
    explicit LoadGenerator(const LoadOptions& options);
    ~LoadGenerator();
    // Applies the room settings and reads the event (blocking); false with *error when it cannot.
    bool prepare(std::string* error);
    // Runs the crowd on the current event loop; `done` is called once with the summary.
    void start(std::function<void(const LoadSummary&)> done);

    enum class Step : std::uint8_t;
    struct User;

private:
    void timerTick();
    void arrive(std::uint32_t index);
    void begin(std::uint32_t index);
    void onAnswer(const HttpCall& call, HttpAnswer&& answer);
    void realAnswer(User& u, std::uint32_t index, Step step, const HttpAnswer& a);
    void botAnswer(User& u, std::uint32_t index, Step step, const HttpAnswer& a);
    void finalAnswer(std::uint32_t index, Step step, const HttpAnswer& a);
    void request(std::uint32_t index, Step step, const QByteArray& method, const QByteArray& path,
                 const QByteArray& body = {}, const QByteArray& headers = {});
    void at(std::int64_t delayMs, std::uint32_t index, Step step);
    void run(std::uint32_t index, Step step);
    void join(std::uint32_t index, const QJsonObject& challenge);
    void polled(User& u, std::uint32_t index, const QJsonObject& view);
    void hold(User& u, std::uint32_t index);
    void holdFromMap(User& u, std::uint32_t index, const QByteArray& availability);
    void holdFailed(User& u, std::uint32_t index);
    void done(User& u);
    static const char* stepName(Step step);
    void protocolError(User* u, Step step, const HttpAnswer& a);
    bool retried(User& u, std::uint32_t index, Step step, const HttpAnswer& a);
    void soldOut();
    void report();
    void finishRun();
    void beginChecks();
    void checksAnswered();
    void summarize();
    // usherd's availability cache counters (hits, misses) from /metrics; false when unreadable.
    bool readCacheCounters(std::uint64_t* hits, std::uint64_t* misses);
    bool blocking(const QByteArray& method, const QByteArray& path, const QByteArray& body, int* status,
                  QByteArray* answer);
    std::int64_t nowMs() const { return m_clock.elapsed(); }
    // The room's minimum poll interval: a second, or a quarter of a short heartbeat interval.
    std::int64_t pollIntervalMinMs() const { return std::min<std::int64_t>(1'000, m_options.heartbeatIntervalMs / 4); }

    LoadOptions m_options;
    std::unique_ptr<HttpPool> m_pool;
    std::vector<User> m_users;
    std::mt19937_64 m_random;
    QElapsedTimer m_clock;
    QTimer m_timer;
    std::int64_t m_startWallMs = 0;
    std::int64_t m_onsaleMs = 0;                        // on m_clock
    using Due = std::pair<std::int64_t, std::uint64_t>; // when, (user << 8) | step
    std::priority_queue<Due, std::vector<Due>, std::greater<>> m_due;
    std::uint32_t m_nextArrival = 0;
    std::uint32_t m_active = 0;
    std::int64_t m_nextReportMs = 1'000;
    bool m_stopping = false;
    bool m_checking = false;
    std::size_t m_checksPending = 0;
    std::function<void(const LoadSummary&)> m_done;

    // The event.
    std::vector<std::uint32_t> m_seatIds; // venue order: character i of the availability map
    std::uint32_t m_categories = 1;
    QByteArray m_roomSettings;

    // Counting.
    LoadSummary m_summary;
    std::uint32_t m_joinOrder = 0;
    std::uint64_t m_holdsThisSecond = 0, m_holdsLastSecond = 0;
    QJsonObject m_roomMetrics;
    std::uint64_t m_cacheHitsAtStart = 0, m_cacheMissesAtStart = 0; // readCacheCounters() in prepare()
    bool m_cacheReadAtStart = false;
    struct Order {
        QByteArray id;
        std::vector<std::uint32_t> seats;
    };
    std::vector<Order> m_orders;
    std::vector<std::uint32_t> m_seatOwners; // by seat id: order index + 1, 0 if none
};

} // namespace usher::loadgen
