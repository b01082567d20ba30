#pragma once

// One chart of the onsale dashboard: line series over wall-clock time, each fed by a function of
// the MetricsSample, an optional threshold line (the 90 % hit-ratio line), and "dynamic" lines
// whose names come from the samples (one per cache). The x axis always spans the chosen window
// and the y axis grows with the data.

#include "admin/MetricsFeed.h"

#include <QChartView>
#include <QColor>

#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <vector>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace usher::ui {

class DashboardChart final : public QChartView {
    Q_OBJECT

public:
    using Value = std::function<std::optional<double>(const MetricsSample&)>;
    using NamedValues = std::function<std::vector<std::pair<QString, std::optional<double>>>(const MetricsSample&)>;

    DashboardChart(const QString& title, const QString& unit, QWidget* parent = nullptr);

    QLineSeries* addLine(const QString& name, const QColor& color, Value value, Qt::PenStyle style = Qt::SolidLine);
    void setDynamicLines(NamedValues values);
    // A horizontal line at `y` across the window (e.g. the 90 % floor); the y axis stays within
    // [floorMin, ceiling] as long as the data does.
    void setThreshold(const QString& name, double y, const QColor& color);
    void setPercent(bool percent) { m_percent = percent; }

    void append(const MetricsSample& sample, qint64 startMs, qint64 endMs);
    void rebuild(const std::deque<MetricsSample>& history, qint64 startMs, qint64 endMs);

    QLineSeries* line(const QString& name) const;
    QLineSeries* threshold() const { return m_threshold; }
    double thresholdValue() const { return m_thresholdY; }
    QValueAxis* yAxis() const { return m_y; }
    QDateTimeAxis* xAxis() const { return m_x; }

private:
    struct Line {
        QLineSeries* series = nullptr;
        Value value;
    };
    QLineSeries* makeSeries(const QString& name, const QColor& color, Qt::PenStyle style);
    void addPoints(const MetricsSample& sample);
    void trim(qint64 startMs);
    void setRange(qint64 startMs, qint64 endMs);

    QDateTimeAxis* m_x = nullptr;
    QValueAxis* m_y = nullptr;
    std::vector<Line> m_lines;
    NamedValues m_dynamic;
    std::map<QString, QLineSeries*> m_dynamicLines;
    QLineSeries* m_threshold = nullptr;
    double m_thresholdY = 0;
    bool m_percent = false;
    int m_nextColor = 0;
};

} // namespace usher::ui
