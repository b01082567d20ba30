#include "net/Metrics.h"

#include <cstdio>
#include <vector>

namespace usher::net {

void LatencyHistogram::observe(double seconds)
{
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) {
            m_counts[i].fetch_add(1, std::memory_order_relaxed);
            break;
        }
    }
    m_count.fetch_add(1, std::memory_order_relaxed);
    m_sumNs.fetch_add(std::uint64_t(seconds * 1e9), std::memory_order_relaxed);
}

void LatencyHistogram::render(std::string& out, std::string_view name, std::string_view labels) const
{
    const std::string bucket = std::string(name) + "_bucket";
    const std::string prefix = labels.empty() ? std::string() : std::string(labels) + ",";
    std::uint64_t cumulative = 0;
    char le[32];
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        cumulative += m_counts[i].load(std::memory_order_relaxed);
        std::snprintf(le, sizeof le, "%g", kBuckets[i]);
        appendMetric(out, bucket, prefix + "le=\"" + le + "\"", double(cumulative));
    }
    const std::uint64_t count = m_count.load(std::memory_order_relaxed);
    appendMetric(out, bucket, prefix + "le=\"+Inf\"", double(count));
    appendMetric(out, std::string(name) + "_sum", labels, double(m_sumNs.load(std::memory_order_relaxed)) / 1e9);
    appendMetric(out, std::string(name) + "_count", labels, double(count));
}

const char* routeName(Route route)
{
    switch (route) {
    case Route::Other: return "other";
    case Route::Healthz: return "/healthz";
    case Route::Readyz: return "/readyz";
    case Route::Metrics: return "/metrics";
    case Route::Sessions: return "/api/sessions";
    case Route::Venues: return "/api/venues";
    case Route::Events: return "/api/events";
    case Route::Event: return "/api/events/{id}";
    case Route::Availability: return "/api/events/{id}/availability";
    case Route::Holds: return "/api/events/{id}/holds";
    case Route::Block: return "/api/events/{id}/block";
    case Route::SeatHold: return "/api/events/{id}/seats/{seatId}/hold";
    case Route::Hold: return "/api/holds/{id}";
    case Route::Purchase: return "/api/holds/{id}/purchase";
    case Route::Order: return "/api/orders/{id}";
    case Route::Refund: return "/api/orders/{id}/refund";
    }
    return "other";
}

void Metrics::observeRequest(Route route, int status, double seconds)
{
    std::size_t slot = 0;
    while (slot + 1 < kStatuses.size() && kStatuses[slot] != status)
        ++slot;
    m_requests[std::size_t(route)][slot].observe(seconds);
}

void Metrics::addRevenue(std::string_view currency, std::int64_t minorUnits)
{
    std::lock_guard lock(m_revenueMutex);
    const auto found = m_revenue.find(currency);
    if (found != m_revenue.end())
        found->second += minorUnits;
    else
        m_revenue.emplace(std::string(currency), minorUnits);
}

void Metrics::renderRevenue(std::string& out) const
{
    appendHelp(out, "usherd_revenue_minor_total", "counter",
               "revenue of confirmed orders net of refunds, in minor units (cents) per currency");
    std::lock_guard lock(m_revenueMutex);
    for (const auto& [currency, minorUnits] : m_revenue)
        appendMetric(out, "usherd_revenue_minor_total", "currency=\"" + currency + "\"", double(minorUnits));
}

EventCounters& Metrics::event(std::uint64_t event, std::string_view currency)
{
    std::lock_guard lock(m_eventsMutex);
    EventEntry& entry = m_events[event];
    if (!entry.counters)
        entry.counters = std::make_unique<EventCounters>();
    if (!currency.empty() && entry.currency != currency)
        entry.currency = std::string(currency);
    return *entry.counters;
}

void Metrics::recordSale(EventCounters& event, std::string_view currency, std::size_t tickets, std::int64_t minorUnits)
{
    ++sales;
    soldTickets += tickets;
    addRevenue(currency, minorUnits);
    ++event.sales;
    event.soldTickets += tickets;
    event.revenueMinor += minorUnits;
}

void Metrics::recordRefund(EventCounters& event, std::string_view currency, std::int64_t minorUnits)
{
    addRevenue(currency, -minorUnits);
    event.revenueMinor -= minorUnits;
}

void Metrics::renderEvents(std::string& out, const std::function<std::int64_t(std::uint64_t)>& expiredHolds) const
{
    struct Row {
        std::uint64_t id;
        const EventCounters* counters;
        std::string currency;
    };
    std::vector<Row> rows;
    {
        std::lock_guard lock(m_eventsMutex);
        rows.reserve(m_events.size());
        for (const auto& [id, entry] : m_events)
            rows.push_back({ id, entry.counters.get(), entry.currency });
    }
    const auto label = [](const Row& row) { return "event=\"" + std::to_string(row.id) + "\""; };
    const auto series = [&](const char* name, const char* help, auto value) {
        appendHelp(out, name, "counter", help);
        for (const Row& row : rows)
            appendMetric(out, name, label(row), double(value(*row.counters)));
    };
    series("usherd_event_holds_total", "holds created, per event",
           [](const EventCounters& c) { return c.holds.load(); });
    series("usherd_event_held_seats_total", "seats in holds created, per event",
           [](const EventCounters& c) { return c.heldSeats.load(); });
    series("usherd_event_hold_conflicts_total", "holds refused with 409, per event",
           [](const EventCounters& c) { return c.conflicts.load(); });
    series("usherd_event_sales_total", "orders confirmed, per event",
           [](const EventCounters& c) { return c.sales.load(); });
    series("usherd_event_tickets_sold_total", "tickets issued, per event",
           [](const EventCounters& c) { return c.soldTickets.load(); });
    series("usherd_event_seats_released_total",
           "seats that went from held to available (release, expiry, failed payment), per event",
           [](const EventCounters& c) { return c.seatsReleased.load(); });
    appendHelp(out, "usherd_event_revenue_minor_total", "counter",
               "revenue of confirmed orders net of refunds, in minor units (cents) of the event's currency");
    for (const Row& row : rows)
        appendMetric(out, "usherd_event_revenue_minor_total", label(row) + ",currency=\"" + row.currency + "\"",
                     double(row.counters->revenueMinor.load()));
    if (!expiredHolds)
        return;
    bool helped = false;
    for (const Row& row : rows) {
        const std::int64_t expired = expiredHolds(row.id);
        if (expired < 0)
            continue;
        if (!helped)
            appendHelp(out, "usherd_event_hold_expiries_total", "counter", "holds released by expiry, per event");
        helped = true;
        appendMetric(out, "usherd_event_hold_expiries_total", label(row), double(expired));
    }
}

void Metrics::renderRequests(std::string& out) const
{
    auto labels = [](std::size_t route, std::size_t slot) {
        return std::string("route=\"") + routeName(Route(route)) + "\",status=\""
            + (kStatuses[slot] ? std::to_string(kStatuses[slot]) : std::string("other")) + "\"";
    };
    appendHelp(out, "usherd_http_requests_total", "counter", "HTTP requests answered, by route and status");
    for (std::size_t r = 0; r < kRoutes; ++r)
        for (std::size_t s = 0; s < kStatuses.size(); ++s)
            if (const std::uint64_t n = m_requests[r][s].count())
                appendMetric(out, "usherd_http_requests_total", labels(r, s), double(n));
    appendHelp(out, "usherd_http_request_seconds", "histogram", "HTTP request latency, by route and status");
    for (std::size_t r = 0; r < kRoutes; ++r)
        for (std::size_t s = 0; s < kStatuses.size(); ++s)
            if (m_requests[r][s].count())
                m_requests[r][s].render(out, "usherd_http_request_seconds", labels(r, s));
}

void appendMetric(std::string& out, std::string_view name, std::string_view labels, double value)
{
    out.append(name);
    if (!labels.empty())
        out.append("{").append(labels).append("}");
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, " %.17g\n", value);
    out.append(buffer);
}

void appendHelp(std::string& out, std::string_view name, std::string_view type, std::string_view help)
{
    out.append("# HELP ").append(name).append(" ").append(help).append("\n");
    out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

} // namespace usher::net
