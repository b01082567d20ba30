#pragma once

// The onsale dashboard's alert rules, headless so that their thresholds are testable:
//   - a cache's hit ratio below 90 % (the design brief's floor during an onsale)
//   - the drain stalled: people queue (depth > 0) and nobody was admitted for N seconds, while the
//     room is not paused (a paused room is a warning of its own: someone chose it)
//   - the payment gateway's circuit open (critical) or half-open (warning)
//   - the source unreachable
// An alert is raised by the first sample that meets its condition and cleared by the first that
// does not; `sinceMs` keeps the time it was raised.

#include "admin/MetricsFeed.h"

#include <QString>

#include <vector>

namespace usher::ui {

enum class AlertSeverity : std::uint8_t { Warning = 1, Critical = 2 };

struct DashboardAlert {
    QString id; // stable: "cache.availability", "drain.stalled", "drain.paused", "gateway.open", ...
    AlertSeverity severity = AlertSeverity::Warning;
    QString text;
    qint64 sinceMs = 0;
};

class OnsaleDashboardAlerts {
public:
    static constexpr double kHitRatioMin = 0.90;
    static constexpr int kStallSecondsDefault = 10;

    void setStallSeconds(int seconds) { m_stallSeconds = seconds; }
    int stallSeconds() const { return m_stallSeconds; }
    // Applies a sample; true when an alert was raised or cleared or its text changed.
    bool update(const MetricsSample& sample);
    void clear();
    const std::vector<DashboardAlert>& active() const { return m_active; }
    const DashboardAlert* find(const QString& id) const;
    // The highest severity among the active alerts (Warning when none).
    AlertSeverity worst() const;

private:
    void evaluate(const MetricsSample& sample, std::vector<DashboardAlert>* next);

    int m_stallSeconds = kStallSecondsDefault;
    qint64 m_stallSinceMs = -1;
    std::vector<DashboardAlert> m_active;
};

} // namespace usher::ui
