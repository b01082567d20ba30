#include "admin/MetricsRates.h"

#include "core/Assert.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace usher::ui {

double counterIncrease(double before, double after)
{
    if (!std::isfinite(before) || !std::isfinite(after))
        return 0;
    return after >= before ? after - before : after; // went down: restarted from zero
}

std::optional<double> counterRate(std::optional<double> before, std::optional<double> after, qint64 ms)
{
    if (!before || !after || ms <= 0)
        return std::nullopt;
    return counterIncrease(*before, *after) * 1000.0 / double(ms);
}

std::optional<double> counterRatio(std::optional<double> numBefore, std::optional<double> numAfter,
                                   std::optional<double> denBefore, std::optional<double> denAfter)
{
    if (!numBefore || !numAfter || !denBefore || !denAfter)
        return std::nullopt;
    const double den = counterIncrease(*denBefore, *denAfter);
    if (den <= 0)
        return std::nullopt;
    return counterIncrease(*numBefore, *numAfter) / den;
}

void UsherdSampler::add(qint64 atMs, PrometheusSnapshot scrape)
{
    if (!m_scrapes.empty() && atMs <= m_scrapes.back().atMs)
        m_scrapes.pop_back();
    m_scrapes.push_back(Scrape { atMs, std::move(scrape) });
    // Keep one scrape at or before the window's start, so the window is always fully covered.
    while (m_scrapes.size() > 2 && (m_scrapes[1].atMs <= atMs - kRatioWindowMs || m_scrapes.size() > kScrapesMax))
        m_scrapes.pop_front();
}

const UsherdSampler::Scrape& UsherdSampler::windowStart() const
{
    USHER_ASSERT(!m_scrapes.empty());
    return m_scrapes.front();
}

MetricsSample UsherdSampler::sample(quint64 event) const
{
    MetricsSample s;
    s.event = event;
    if (m_scrapes.empty())
        return s;
    const Scrape& now = m_scrapes.back();
    const Scrape* previous = m_scrapes.size() >= 2 ? &m_scrapes[m_scrapes.size() - 2] : nullptr;
    const Scrape& window = windowStart();
    const PrometheusSnapshot& m = now.metrics;
    s.atMs = now.atMs;

    const PrometheusLabels ev { { "event", QString::number(event) } };
    const auto rate = [&](const QByteArray& name, const PrometheusLabels& filter = {}) -> std::optional<double> {
        if (previous == nullptr)
            return std::nullopt;
        return counterRate(previous->metrics.sum(name, filter), m.sum(name, filter), now.atMs - previous->atMs);
    };
    const auto ratio = [&](const QByteArray& num, const QByteArray& den, const PrometheusLabels& filter = {}) {
        if (&window == &now)
            return std::optional<double>();
        return counterRatio(window.metrics.sum(num, filter), m.sum(num, filter), window.metrics.sum(den, filter),
                            m.sum(den, filter));
    };

    for (const QString& id : m.labelValues("usher_waiting_room_depth", "event"))
        if (const quint64 number = id.toULongLong())
            s.eventsWithRoom.push_back(number);
    s.queueDepth = m.value("usher_waiting_room_depth", ev);
    s.waitingRoom = s.queueDepth.has_value();
    s.activeSessions = m.value("usher_waiting_room_active", ev);
    s.drainRateSetting = m.value("usher_waiting_room_drain_rate", ev);
    if (const std::optional<double> paused = m.value("usher_waiting_room_paused", ev))
        s.paused = *paused != 0;
    s.inflowPerSecond = rate("usher_waiting_room_joined_total", ev);
    s.outflowPerSecond = rate("usher_waiting_room_admitted_total", ev);
    const std::optional<double> left = rate("usher_waiting_room_abandoned_total", ev);
    const std::optional<double> missed = rate("usher_waiting_room_expired_heartbeat_total", ev);
    if (left || missed)
        s.queueAbandonedPerSecond = left.value_or(0) + missed.value_or(0);

    // Sales: usherd's per-event series (usherd_event_*{event=…}) when it has them, else the
    // server-wide ones (UsherdMetricsFeed then derives the event's own from its seats and orders).
    s.salesPerEvent = m.sum("usherd_event_sales_total", ev).has_value();
    const QByteArray prefix = s.salesPerEvent ? QByteArrayLiteral("usherd_event_") : QByteArrayLiteral("usherd_");
    const PrometheusLabels scope = s.salesPerEvent ? ev : PrometheusLabels {};
    s.scope = s.salesPerEvent ? QCoreApplication::translate("UsherdSampler", "this event")
                              : QCoreApplication::translate("UsherdSampler", "server-wide");
    s.holdsPerSecond = rate(prefix + "holds_total", scope);
    s.salesPerSecond = rate(prefix + "sales_total", scope);
    s.ticketsPerSecond = rate(prefix + "tickets_sold_total", scope);
    if (const std::optional<double> revenue = m.sum(prefix + "revenue_minor_total", scope))
        s.revenueMinor = qint64(std::llround(*revenue));
    std::vector<QString> currencies = m.labelValues(prefix + "revenue_minor_total", "currency");
    if (s.salesPerEvent) {
        currencies.clear();
        for (const PrometheusSample& series : m.samples())
            if (const QString* e = series.label("event"); series.name == prefix + "revenue_minor_total" && e != nullptr
                && *e == ev.front().second)
                if (const QString* currency = series.label("currency"))
                    currencies.push_back(*currency);
    }
    if (currencies.size() == 1)
        s.currency = currencies.front();
    s.conflictsPerSecond = rate(prefix + "hold_conflicts_total", scope);
    // Every 429 usherd answered (buyer token buckets and waiting-room polls alike); older
    // usherds without the per-status series: the token-bucket counter.
    const PrometheusLabels tooMany { { "status", QStringLiteral("429") } };
    if (s.salesPerEvent && m.sum("usherd_event_rate_limited_total", ev))
        s.rateLimitedPerSecond = rate("usherd_event_rate_limited_total", ev);
    else
        s.rateLimitedPerSecond = m.sum("usherd_http_requests_total", tooMany) ? rate("usherd_http_requests_total", tooMany)
                                                                              : rate("usherd_rate_limited_total");
    s.expiriesPerSecond = rate(prefix + "seats_released_total", scope);
    if (s.salesPerEvent && m.sum("usherd_event_hold_expiries_total", ev))
        s.holdExpiriesPerSecond = rate("usherd_event_hold_expiries_total", ev);
    // Releases in the window may be of seats held before it: never above 100 %.
    if (const std::optional<double> released
        = ratio(prefix + "seats_released_total", prefix + "held_seats_total", scope))
        s.abandonmentRatio = std::min(1.0, *released);

    for (const QString& cache : m.labelValues("usherd_cache_hits_total", "cache")) {
        const PrometheusLabels which { { "cache", cache } };
        CacheRatio entry { cache, std::nullopt };
        if (&window != &now) {
            const auto hits = [&](const PrometheusSnapshot& p) { return p.sum("usherd_cache_hits_total", which); };
            const auto misses = [&](const PrometheusSnapshot& p) { return p.sum("usherd_cache_misses_total", which); };
            const std::optional<double> h0 = hits(window.metrics), h1 = hits(m);
            const std::optional<double> m0 = misses(window.metrics), m1 = misses(m);
            if (h0 && h1 && m0 && m1)
                entry.ratio = counterRatio(h0, h1, *h0 + *m0, *h1 + *m1);
        }
        s.caches.push_back(entry);
    }

    if (const std::optional<double> seconds = ratio("usherd_payment_seconds_sum", "usherd_payment_seconds_count"))
        s.paymentLatencyMs = *seconds * 1000.0;
    s.paymentErrorsPerSecond = rate("usherd_payment_errors_total");
    if (const std::optional<double> circuit = m.value("usherd_payment_circuit_state")) {
        const int state = int(*circuit);
        s.circuit = state >= 0 && state <= 2 ? CircuitState(state) : CircuitState::Unknown;
    }
    return s;
}

} // namespace usher::ui
