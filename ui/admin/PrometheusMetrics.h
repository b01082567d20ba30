#pragma once

// A parser for the Prometheus text exposition format (version 0.0.4), as usherd's GET /metrics
// writes it, and lookups over one scrape. Headless (Qt Core only), so the rate math of the onsale
// dashboard can be tested without widgets or sockets. See docs/design/admin-views.md.
//
// Tolerant by design: a scrape with a malformed line keeps every good line (the bad ones are
// counted and the first is described), because a dashboard that goes blank over one odd line
// helps nobody during an onsale.

#include <QByteArray>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace usher::ui {

struct PrometheusSample {
    QByteArray name;
    std::vector<std::pair<QByteArray, QString>> labels; // in the order written
    double value = 0;

    // The value of `label`, or null when the sample has no such label.
    const QString* label(const QByteArray& key) const;
};

// A label filter: every pair must match exactly.
using PrometheusLabels = std::vector<std::pair<QByteArray, QString>>;

class PrometheusSnapshot {
public:
    // Limits: a scrape larger than this, or with more samples, is cut off (and counted as bad).
    static constexpr qsizetype kTextBytesMax = 16 * 1024 * 1024;
    static constexpr std::size_t kSamplesMax = 200'000;

    static PrometheusSnapshot parse(const QByteArray& text);

    const std::vector<PrometheusSample>& samples() const { return m_samples; }
    bool isEmpty() const { return m_samples.empty(); }
    int badLines() const { return m_badLines; }
    const QString& firstError() const { return m_firstError; } // "line 12: ..." or empty

    // The first sample named `name` whose labels include `filter`; nullopt when there is none.
    std::optional<double> value(const QByteArray& name, const PrometheusLabels& filter = {}) const;
    // The sum over every sample named `name` matching `filter`; nullopt when there is none.
    std::optional<double> sum(const QByteArray& name, const PrometheusLabels& filter = {}) const;
    // The distinct values of `label` among samples named `name`, in order of first appearance.
    std::vector<QString> labelValues(const QByteArray& name, const QByteArray& label) const;

private:
    bool parseLine(const QByteArray& line, PrometheusSample* sample, QString* error) const;

    std::vector<PrometheusSample> m_samples;
    int m_badLines = 0;
    QString m_firstError;
};

// Parses a Prometheus float: decimal or exponent notation, NaN, +Inf, -Inf.
bool parsePrometheusValue(const QByteArray& text, double* value);

} // namespace usher::ui
