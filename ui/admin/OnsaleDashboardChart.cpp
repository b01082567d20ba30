#include "admin/OnsaleDashboardChart.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace usher::ui {

namespace {

// Colours for dynamic lines (caches), distinguishable and calm.
const QColor kPalette[] = { QColor(0x1f, 0x77, 0xb4), QColor(0x2c, 0xa0, 0x2c), QColor(0x94, 0x67, 0xbd),
                            QColor(0x8c, 0x56, 0x4b), QColor(0x17, 0xbe, 0xcf), QColor(0x7f, 0x7f, 0x7f) };

// The smallest "nice" number (1, 2, 2.5, 5 times a power of ten) at or above `value`.
double niceCeiling(double value)
{
    if (value <= 0)
        return 1;
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : { 1.0, 2.0, 2.5, 5.0, 10.0 })
        if (step * power >= value)
            return step * power;
    return 10 * power;
}

} // namespace

DashboardChart::DashboardChart(const QString& title, const QString& unit, QWidget* parent)
    : QChartView(parent)
{
    // The view's own chart: a chart given to setChart() after its axes were added drew no x axis
    // (Qt 6.4).
    QChart* chart = this->chart();
    chart->setTitle(title);
    QFont titleFont = chart->titleFont();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 0.95);
    chart->setTitleFont(titleFont);
    chart->setMargins(QMargins(4, 2, 4, 2));
    chart->setBackgroundRoundness(4);
    chart->legend()->setAlignment(Qt::AlignBottom);
    QFont legendFont = chart->legend()->font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85);
    chart->legend()->setFont(legendFont);
    chart->setAnimationOptions(QChart::NoAnimation);
    m_x = new QDateTimeAxis;
    m_x->setFormat(QStringLiteral("HH:mm:ss"));
    m_x->setTickCount(5);
    m_x->setLabelsFont(legendFont);
    m_y = new QValueAxis;
    m_y->setTitleText(unit);
    m_y->setLabelFormat(QStringLiteral("%g"));
    m_y->setLabelsFont(legendFont);
    QFont unitFont = legendFont;
    m_y->setTitleFont(unitFont);
    m_y->setRange(0, 1);
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(260, 190);
}

QLineSeries* DashboardChart::makeSeries(const QString& name, const QColor& color, Qt::PenStyle style)
{
    auto* series = new QLineSeries(this);
    series->setName(name);
    QPen pen(color);
    pen.setWidthF(style == Qt::SolidLine ? 2.0 : 1.5);
    pen.setStyle(style);
    series->setPen(pen);
    series->setUseOpenGL(false);
    chart()->addSeries(series);
    series->attachAxis(m_x);
    series->attachAxis(m_y);
    return series;
}

QLineSeries* DashboardChart::addLine(const QString& name, const QColor& color, Value value, Qt::PenStyle style)
{
    QLineSeries* series = makeSeries(name, color, style);
    m_lines.push_back(Line { series, std::move(value) });
    return series;
}

void DashboardChart::setDynamicLines(NamedValues values)
{
    m_dynamic = std::move(values);
}

void DashboardChart::setThreshold(const QString& name, double y, const QColor& color)
{
    m_thresholdY = y;
    m_threshold = makeSeries(name, color, Qt::DashLine);
}

QLineSeries* DashboardChart::line(const QString& name) const
{
    for (const Line& line : m_lines)
        if (line.series->name() == name)
            return line.series;
    const auto it = m_dynamicLines.find(name);
    return it != m_dynamicLines.end() ? it->second : nullptr;
}

void DashboardChart::addPoints(const MetricsSample& sample)
{
    const double x = double(sample.atMs);
    for (const Line& line : m_lines)
        if (const std::optional<double> y = line.value(sample); y && std::isfinite(*y))
            line.series->append(x, *y);
    if (!m_dynamic)
        return;
    for (const auto& [name, value] : m_dynamic(sample)) {
        auto it = m_dynamicLines.find(name);
        if (it == m_dynamicLines.end()) {
            const QColor color = kPalette[m_nextColor++ % std::size(kPalette)];
            it = m_dynamicLines.emplace(name, makeSeries(name, color, Qt::SolidLine)).first;
        }
        if (value && std::isfinite(*value))
            it->second->append(x, *value);
    }
}

void DashboardChart::trim(qint64 startMs)
{
    const auto trimSeries = [startMs](QLineSeries* series) {
        int stale = 0;
        while (stale < series->count() && series->at(stale).x() < double(startMs))
            ++stale;
        if (stale > 0)
            series->removePoints(0, stale);
    };
    for (const Line& line : m_lines)
        trimSeries(line.series);
    for (const auto& [name, series] : m_dynamicLines)
        trimSeries(series);
}

void DashboardChart::setRange(qint64 startMs, qint64 endMs)
{
    m_x->setRange(QDateTime::fromMSecsSinceEpoch(startMs), QDateTime::fromMSecsSinceEpoch(endMs));
    double low = std::numeric_limits<double>::infinity();
    double high = 0;
    const auto scan = [&](QLineSeries* series) {
        for (const QPointF& point : series->points()) {
            low = std::min(low, point.y());
            high = std::max(high, point.y());
        }
    };
    for (const Line& line : m_lines)
        scan(line.series);
    for (const auto& [name, series] : m_dynamicLines)
        scan(series);
    if (m_threshold != nullptr) {
        m_threshold->replace(
            QList<QPointF> { QPointF(double(startMs), m_thresholdY), QPointF(double(endMs), m_thresholdY) });
    }
    if (m_percent) {
        // Percentages: 0..100 when anything is far down, else zoomed so that the 90 % line shows.
        const double floor = std::isfinite(low) ? std::min(low, m_thresholdY - 10) : m_thresholdY - 10;
        const double bottom = std::max(0.0, std::floor(floor / 10) * 10);
        m_y->setRange(bottom, 100);
        m_y->setTickType(QValueAxis::TicksDynamic);
        m_y->setTickAnchor(0);
        m_y->setTickInterval(100 - bottom > 50 ? 20 : 5);
        return;
    }
    m_y->setRange(0, niceCeiling(std::max(high * 1.1, 1.0)));
    m_y->applyNiceNumbers(); // round ticks: 0, 50, 100, ... rather than 62.5
}

void DashboardChart::append(const MetricsSample& sample, qint64 startMs, qint64 endMs)
{
    addPoints(sample);
    trim(startMs);
    setRange(startMs, endMs);
}

void DashboardChart::rebuild(const std::deque<MetricsSample>& history, qint64 startMs, qint64 endMs)
{
    for (const Line& line : m_lines)
        line.series->clear();
    for (const auto& [name, series] : m_dynamicLines)
        series->clear();
    for (const MetricsSample& sample : history)
        if (sample.atMs >= startMs)
            addPoints(sample);
    setRange(startMs, endMs);
}

} // namespace usher::ui
