#pragma once

// Prometheus text-format metrics for usherd. Everything is an atomic: request metrics live in a
// fixed table indexed by (route, status), both small closed sets, so recording a request takes no
// lock (two network threads at 60,000 requests/s would otherwise meet on one mutex).

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace usher::net {

class LatencyHistogram {
public:
    static constexpr std::array<double, 14> kBuckets
        = { 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10 };

    void observe(double seconds);
    std::uint64_t count() const { return m_count.load(std::memory_order_relaxed); }
    // Appends `name`_bucket/_sum/_count lines; `labels` is "" or `key="value",...` without braces.
    void render(std::string& out, std::string_view name, std::string_view labels) const;

private:
    std::array<std::atomic<std::uint64_t>, kBuckets.size()> m_counts {};
    std::atomic<std::uint64_t> m_count { 0 };
    std::atomic<std::uint64_t> m_sumNs { 0 };
};

// The route templates metrics are kept for.
enum class Route : std::uint8_t {
    Other,
    Healthz,
    Readyz,
    Metrics,
    Sessions,
    Venues,
    Events,
    Event,
    Availability,
    Holds,
    Block,
    SeatHold,
    Hold,
    Purchase,
    Order,
    Refund,
};
constexpr std::size_t kRoutes = std::size_t(Route::Refund) + 1;
const char* routeName(Route route); // "/api/events/{id}/holds"

enum class CacheKind : std::uint8_t { Availability = 0, EventList = 1, EventDetail = 2 };
constexpr std::size_t kCacheKinds = 3;

// One event's counters (the admin dashboard's per-event figures, `usherd_event_*{event="E"}`).
// Created once per event and never removed, so the hot paths keep a pointer and only touch atomics.
struct EventCounters {
    std::atomic<std::uint64_t> holds { 0 }; // holds created (not replays)
    std::atomic<std::uint64_t> heldSeats { 0 };
    std::atomic<std::uint64_t> conflicts { 0 }; // 409 answers to holds
    std::atomic<std::uint64_t> sales { 0 };     // orders confirmed
    std::atomic<std::uint64_t> soldTickets { 0 };
    std::atomic<std::int64_t> revenueMinor { 0 };   // confirmed orders net of refunds, event's currency
    std::atomic<std::uint64_t> seatsReleased { 0 }; // held -> available, any reason (seat map)
};

struct Metrics {
    // The counters of `event`, created on first use; the reference stays valid as long as this.
    // `currency` (ISO 4217) labels the event's revenue; empty keeps the one already known.
    EventCounters& event(std::uint64_t event, std::string_view currency = {});
    // The per-event series, events in id order. `expiredHolds(event)` gives the event's expired holds
    // (usherd_event_hold_expiries_total), or a negative number to leave that series out.
    void renderEvents(std::string& out, const std::function<std::int64_t(std::uint64_t)>& expiredHolds) const;

    // One sale or refund, counted in both the global and the event's series. A refund is a negative amount
    // and no tickets.
    void recordSale(EventCounters& event, std::string_view currency, std::size_t tickets, std::int64_t minorUnits);
    void recordRefund(EventCounters& event, std::string_view currency, std::int64_t minorUnits);

    void observeRequest(Route route, int status, double seconds);
    void renderRequests(std::string& out) const;
    // Revenue of confirmed orders, in minor units of their currency (ISO 4217), net of refunds.
    void addRevenue(std::string_view currency, std::int64_t minorUnits);
    void renderRevenue(std::string& out) const;

    std::atomic<std::uint64_t> holds { 0 }; // holds created (not replays)
    std::atomic<std::uint64_t> heldSeats { 0 };
    std::atomic<std::uint64_t> holdReplays { 0 }; // idempotent retries answered from the journal
    std::atomic<std::uint64_t> conflicts { 0 };   // 409 answers to holds
    std::atomic<std::uint64_t> rateLimited { 0 }; // 429 answers
    std::atomic<std::uint64_t> waitingRoomRejected { 0 };
    std::atomic<std::uint64_t> releasedHolds { 0 }; // DELETE /api/holds
    std::atomic<std::uint64_t> sales { 0 };         // orders confirmed
    std::atomic<std::uint64_t> soldTickets { 0 };
    std::atomic<std::uint64_t> declined { 0 };
    std::atomic<std::uint64_t> paymentUnavailable { 0 };
    std::atomic<std::uint64_t> paymentUnknown { 0 };
    std::atomic<std::uint64_t> refunds { 0 };
    std::atomic<std::uint64_t> seatsReleasedToAvailable { 0 }; // held -> available, any reason (seat map)
    std::array<std::atomic<std::uint64_t>, kCacheKinds> cacheHits {};
    std::array<std::atomic<std::uint64_t>, kCacheKinds> cacheMisses {};

    // The statuses usherd answers with; anything else is counted under the last slot.
    // 307: a cluster node's redirect to the event's owner (net/ClusterGate), counted apart from
    // "other" so that the share of redirected requests can be read off /metrics.
    static constexpr std::array<int, 22> kStatuses
        = { 200, 201, 204, 304, 307, 400, 401, 402, 403, 404, 405, 409, 410, 413, 422, 429, 431, 500, 501, 503, 504, 0 };

private:
    std::array<std::array<LatencyHistogram, kStatuses.size()>, kRoutes> m_requests {};
    mutable std::mutex m_revenueMutex;
    std::map<std::string, std::int64_t, std::less<>> m_revenue; // a handful of currencies at most

    struct EventEntry {
        std::unique_ptr<EventCounters> counters;
        std::string currency;
    };
    mutable std::mutex m_eventsMutex; // the map; the counters themselves are atomics
    std::map<std::uint64_t, EventEntry> m_events;
};

// Appends one metric line: `name{labels} value`.
void appendMetric(std::string& out, std::string_view name, std::string_view labels, double value);
void appendHelp(std::string& out, std::string_view name, std::string_view type, std::string_view help);

} // namespace usher::net
