#pragma once

// The onsale dashboard's figures without usherd: the embedded engine alone. It subscribes to the
// selected event's durable seat changes (held and released seats, by comparing with the last known
// status of each seat) and once a second reads the ledger's counts and new orders (sales, tickets,
// gross revenue). Waiting room, caches, gateway and box offices are usherd's: they stay empty.

#include "admin/MetricsFeed.h"

#include <deque>
#include <memory>
#include <mutex>
#include <vector>

class QTimer;

namespace usher {
class Engine;
class EventShard;
struct Published;
} // namespace usher

namespace usher::ui {

class LocalMetricsFeed final : public MetricsFeed {
    Q_OBJECT

public:
    static constexpr int kIntervalMs = 1000;
    static constexpr qint64 kRatioWindowMs = 10'000;
    static constexpr std::uint64_t kOrdersPerTickMax = 1'000'000; // revenue catches up over ticks

    explicit LocalMetricsFeed(Engine& engine, QObject* parent = nullptr);
    ~LocalMetricsFeed() override;

    QString sourceName() const override;
    void setEvent(quint64 event) override;
    quint64 event() const override { return m_event; }
    void start() override;
    void stop() override;
    bool isRunning() const override;

    // One sample now (tests; start() takes one a second). `atMs` 0: the wall clock.
    void sampleNow(qint64 atMs = 0);
    void setIntervalMs(int ms);
    // The event list again (after an event was created).
    void refreshEvents();

private:
    struct Seats; // shared with the engine's committer thread
    struct Totals {
        qint64 atMs = 0;
        std::uint64_t heldSeats = 0;
        std::uint64_t releasedSeats = 0;
        std::uint64_t orders = 0;
        std::uint64_t tickets = 0;
    };
    void unsubscribe();

    Engine& m_engine;
    QTimer* m_timer = nullptr;
    quint64 m_event = 0;
    EventShard* m_shard = nullptr;
    int m_subscription = -1;
    std::shared_ptr<Seats> m_seats;
    std::uint64_t m_ordersSeen = 0;
    qint64 m_revenueMinor = 0;
    std::deque<Totals> m_history; // for rates (last two) and ratios (the window)
};

} // namespace usher::ui
