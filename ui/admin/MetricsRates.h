#pragma once

// Rates and ratios from successive scrapes of usherd's /metrics (headless, Qt Core only).
// Counters give per-second rates between the last two scrapes; ratios (cache hits, abandonment,
// gateway latency) use a window of about ten seconds, so that one quiet second does not swing
// them. A counter that went down means usherd restarted: its new value is the increase since.

#include "admin/MetricsFeed.h"
#include "admin/PrometheusMetrics.h"

#include <deque>
#include <optional>

namespace usher::ui {

// The increase of a counter from `before` to `after`, allowing for a reset in between.
double counterIncrease(double before, double after);
// Per second over `ms`; nullopt when either reading is missing or ms <= 0.
std::optional<double> counterRate(std::optional<double> before, std::optional<double> after, qint64 ms);
// increase(numerator) / increase(denominator); nullopt when the denominator did not grow.
std::optional<double> counterRatio(std::optional<double> numBefore, std::optional<double> numAfter,
                                   std::optional<double> denBefore, std::optional<double> denAfter);

class UsherdSampler {
public:
    static constexpr qint64 kRatioWindowMs = 10'000;
    static constexpr std::size_t kScrapesMax = 64;

    // Adds a scrape taken at `atMs`; older scrapes beyond the window are dropped. Scrapes must come
    // in time order (a scrape not after the last one replaces it).
    void add(qint64 atMs, PrometheusSnapshot scrape);
    void clear() { m_scrapes.clear(); }
    std::size_t scrapes() const { return m_scrapes.size(); }

    // The sample for `event` at the last scrape: gauges from it, rates against the one before
    // (empty with a single scrape), ratios over the window. Waiting-room series are per event;
    // usherd's sales series are server-wide (sample.scope says so).
    MetricsSample sample(quint64 event) const;

private:
    struct Scrape {
        qint64 atMs = 0;
        PrometheusSnapshot metrics;
    };
    const Scrape& windowStart() const;

    std::deque<Scrape> m_scrapes;
};

} // namespace usher::ui
