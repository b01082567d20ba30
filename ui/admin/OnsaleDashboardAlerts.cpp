#include "admin/OnsaleDashboardAlerts.h"

#include <QCoreApplication>
#include <QLocale>

namespace usher::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("usher::ui::OnsaleDashboardAlerts", text); // lupdate's context
}

QString percent(double ratio)
{
    return QLocale().toString(ratio * 100.0, 'f', 1) + QLatin1String(" %");
}

} // namespace

void OnsaleDashboardAlerts::clear()
{
    m_active.clear();
    m_stallSinceMs = -1;
}

const DashboardAlert* OnsaleDashboardAlerts::find(const QString& id) const
{
    for (const DashboardAlert& alert : m_active)
        if (alert.id == id)
            return &alert;
    return nullptr;
}

AlertSeverity OnsaleDashboardAlerts::worst() const
{
    for (const DashboardAlert& alert : m_active)
        if (alert.severity == AlertSeverity::Critical)
            return AlertSeverity::Critical;
    return AlertSeverity::Warning;
}

void OnsaleDashboardAlerts::evaluate(const MetricsSample& s, std::vector<DashboardAlert>* next)
{
    const auto raise = [&](const QString& id, AlertSeverity severity, const QString& text) {
        next->push_back(DashboardAlert { id, severity, text, s.atMs });
    };
    if (!s.sourceError.isEmpty())
        raise(QStringLiteral("source"), AlertSeverity::Critical, s.sourceError);
    for (const CacheRatio& cache : s.caches)
        if (cache.ratio && *cache.ratio < kHitRatioMin)
            //: %1 is a cache's name, %2 and %3 percentages.
            raise(QStringLiteral("cache.") + cache.name, AlertSeverity::Warning,
                  tr("Cache \"%1\": hit ratio %2, below %3.")
                      .arg(cache.name, percent(*cache.ratio), percent(kHitRatioMin)));

    const bool queueing = s.queueDepth && *s.queueDepth > 0;
    const bool paused = s.paused.value_or(false);
    if (queueing && paused)
        //: %1 is a number of people.
        raise(QStringLiteral("drain.paused"), AlertSeverity::Warning,
              tr("The queue is paused with %1 waiting.").arg(QLocale().toString(qint64(*s.queueDepth))));
    const bool stalled = queueing && !paused && s.outflowPerSecond && *s.outflowPerSecond <= 0;
    if (!stalled)
        m_stallSinceMs = -1;
    else if (m_stallSinceMs < 0)
        m_stallSinceMs = s.atMs;
    if (stalled && s.atMs - m_stallSinceMs >= qint64(m_stallSeconds) * 1000)
        //: %1 is a number of people, %2 of seconds.
        raise(QStringLiteral("drain.stalled"), AlertSeverity::Critical,
              tr("The drain has stalled: %1 waiting, nobody admitted for %2 s.")
                  .arg(QLocale().toString(qint64(*s.queueDepth)))
                  .arg((s.atMs - m_stallSinceMs) / 1000));

    if (s.circuit == CircuitState::Open)
        raise(QStringLiteral("gateway.open"), AlertSeverity::Critical,
              tr("The payment gateway's circuit is open: purchases fail fast."));
    else if (s.circuit == CircuitState::HalfOpen)
        raise(QStringLiteral("gateway.halfopen"), AlertSeverity::Warning,
              tr("The payment gateway's circuit is half-open: probing the gateway."));
}

bool OnsaleDashboardAlerts::update(const MetricsSample& sample)
{
    std::vector<DashboardAlert> next;
    evaluate(sample, &next);
    bool changed = next.size() != m_active.size();
    for (DashboardAlert& alert : next) {
        if (const DashboardAlert* before = find(alert.id)) {
            alert.sinceMs = before->sinceMs;
            changed = changed || before->text != alert.text || before->severity != alert.severity;
        } else {
            changed = true;
        }
    }
    m_active = std::move(next);
    return changed;
}

} // namespace usher::ui
