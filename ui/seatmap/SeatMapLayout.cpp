#include "SeatMapLayout.h"

#include "core/Assert.h"

#include <QLineF>
#include <QtMath>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace usher::ui {

namespace {

QPolygonF toPolygon(const std::vector<Point>& points)
{
    QPolygonF polygon;
    polygon.reserve(qsizetype(points.size()) + 1);
    for (const Point& p : points)
        polygon << QPointF(p.x, p.y);
    if (!polygon.isEmpty() && polygon.first() != polygon.last())
        polygon << polygon.first();
    return polygon;
}

double cross(QPointF o, QPointF a, QPointF b)
{
    return (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x());
}

// Andrew's monotone chain; returns a closed polygon.
QPolygonF convexHull(std::vector<QPointF> points)
{
    std::sort(points.begin(), points.end(),
              [](QPointF a, QPointF b) { return a.x() != b.x() ? a.x() < b.x() : a.y() < b.y(); });
    points.erase(std::unique(points.begin(), points.end()), points.end());
    if (points.size() < 3)
        return QPolygonF(QList<QPointF>(points.begin(), points.end()));
    std::vector<QPointF> hull(2 * points.size());
    std::size_t k = 0;
    for (const QPointF& p : points) {
        while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0)
            --k;
        hull[k++] = p;
    }
    for (std::size_t i = points.size() - 1, lower = k + 1; i > 0; --i) {
        const QPointF& p = points[i - 1];
        while (k >= lower && cross(hull[k - 2], hull[k - 1], p) <= 0)
            --k;
        hull[k++] = p;
    }
    hull.resize(k); // the last point repeats the first: closed
    return QPolygonF(QList<QPointF>(hull.begin(), hull.end()));
}

} // namespace

SeatMapLayout::SeatMapLayout(const Venue& venue)
    : m_venue(venue)
{
    buildSeats();
    buildSections();
    buildRowLabels();
    m_stage = toPolygon(venue.stage.outline);
    for (const VenueArea& area : venue.areas)
        m_areas.push_back(toPolygon(area.outline));
    QRectF bounds;
    for (const Section& s : m_sections)
        bounds = bounds.united(s.bounds);
    for (const QPolygonF& a : m_areas)
        bounds = bounds.united(a.boundingRect());
    bounds = bounds.united(m_stage.boundingRect());
    if (bounds.isEmpty())
        bounds = QRectF(-5, -5, 10, 10);
    m_bounds = bounds.adjusted(-m_pitch * 2, -m_pitch * 2, m_pitch * 2, m_pitch * 2);
    m_grid.build(m_x, m_y, m_bounds, std::max(m_pitch * 3.0, 1e-3));
    thinRowLabels();
    placeSectionLabels();
}

void SeatMapLayout::thinRowLabels()
{
    // Where two sections meet at an aisle, the end label of one row and the start label of the
    // next section's row would sit side by side: keep the first, and none on top of seats.
    const double near = m_pitch * 1.6;
    const double cell = std::max(near, 1e-3);
    std::unordered_map<std::int64_t, std::vector<QPointF>> kept;
    auto key = [cell](double x, double y) {
        return (std::int64_t(std::floor(x / cell)) << 32) ^ (std::int64_t(std::floor(y / cell)) & 0xffffffff);
    };
    auto crowded = [&](QPointF p, std::uint32_t row) {
        for (int dx = -1; dx <= 1; ++dx)
            for (int dy = -1; dy <= 1; ++dy)
                if (auto it = kept.find(key(p.x() + dx * cell, p.y() + dy * cell)); it != kept.end())
                    for (const QPointF& q : it->second)
                        if (std::hypot(q.x() - p.x(), q.y() - p.y()) < near)
                            return true;
        bool onSeats = false;
        const double r = m_pitch * 0.8;
        m_grid.forEachInRect(QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r), [&](SeatIndex s) {
            onSeats = onSeats || (m_venue.seats[s].row != row && std::hypot(m_x[s] - p.x(), m_y[s] - p.y()) < r);
        });
        return onSeats;
    };
    for (std::uint32_t r = 0; r < m_rowLabels.size(); ++r) {
        RowLabel& label = m_rowLabels[r];
        label.showStart = !crowded(label.start, r);
        if (label.showStart)
            kept[key(label.start.x(), label.start.y())].push_back(label.start);
        label.showEnd = !crowded(label.end, r);
        if (label.showEnd)
            kept[key(label.end.x(), label.end.y())].push_back(label.end);
    }
}

void SeatMapLayout::placeSectionLabels()
{
    // In front of the section, unless the stage or another section is there: then behind it when
    // that is free (of sections and of other labels); never over seats.
    auto blocked = [this](QPointF p, std::size_t self) {
        const QRectF box(p.x() - m_pitch * 2, p.y() - m_pitch * 0.5, m_pitch * 4, m_pitch);
        if (m_stage.size() >= 3 && m_stage.boundingRect().intersects(box))
            return true;
        for (std::size_t i = 0; i < m_sections.size(); ++i)
            if (i != self && m_sections[i].outline.boundingRect().intersects(box)
                && !m_sections[i].outline.intersected(QPolygonF(box)).isEmpty())
                return true;
        return false;
    };
    auto nearLabel = [this](QPointF p, std::size_t self) {
        for (std::size_t i = 0; i < m_sections.size(); ++i)
            if (i != self && std::abs(m_sections[i].labelAnchor.y() - p.y()) < m_pitch * 1.5
                && std::abs(m_sections[i].labelAnchor.x() - p.x()) < m_pitch * 8)
                return true;
        return false;
    };
    for (std::size_t i = 0; i < m_sections.size(); ++i) {
        Section& s = m_sections[i];
        if (!blocked(s.labelAnchor, i))
            continue;
        const QPointF behind(s.bounds.center().x(), s.bounds.bottom() + m_pitch * 0.9);
        if (!blocked(behind, i) && !nearLabel(behind, i))
            s.labelAnchor = behind; // else it stays in front: over the stage's edge rather than over seats
    }
}

void SeatMapLayout::buildSeats()
{
    const std::size_t n = m_venue.seats.size();
    m_x.resize(n);
    m_y.resize(n);
    m_rotation.resize(n);
    for (std::size_t s = 0; s < n; ++s) {
        m_x[s] = m_venue.seats[s].x;
        m_y[s] = m_venue.seats[s].y;
        m_rotation[s] = m_venue.seats[s].rotation;
    }
    // The median distance between neighbours in a row sets the seat size: robust against aisles.
    std::vector<float> gaps;
    for (const VenueRow& row : m_venue.rows) {
        for (std::uint32_t i = 1; i < row.seatCount && gaps.size() < 200'000; ++i) {
            const SeatIndex a = row.firstSeat + i - 1, b = row.firstSeat + i;
            const float d = std::hypot(m_x[b] - m_x[a], m_y[b] - m_y[a]);
            if (d > 1e-4f)
                gaps.push_back(d);
        }
    }
    if (!gaps.empty()) {
        std::nth_element(gaps.begin(), gaps.begin() + std::ptrdiff_t(gaps.size() / 2), gaps.end());
        m_pitch = gaps[gaps.size() / 2];
    }
    m_seatSize = m_pitch * 0.78f;
}

void SeatMapLayout::buildSections()
{
    const double pad = m_pitch * 0.8;
    m_sections.resize(m_venue.sections.size());
    for (std::size_t i = 0; i < m_venue.sections.size(); ++i) {
        const VenueSection& vs = m_venue.sections[i];
        Section& s = m_sections[i];
        s.name = QString::fromStdString(vs.name);
        if (vs.outline.size() >= 3) {
            s.outline = toPolygon(vs.outline);
        } else {
            std::vector<QPointF> corners;
            for (std::uint32_t r = vs.firstRow; r < vs.firstRow + vs.rowCount; ++r) {
                const VenueRow& row = m_venue.rows[r];
                for (SeatIndex seat = row.firstSeat; seat < row.firstSeat + row.seatCount; ++seat) {
                    const double x = m_x[seat], y = m_y[seat];
                    corners.insert(
                        corners.end(),
                        { { x - pad, y - pad }, { x + pad, y - pad }, { x - pad, y + pad }, { x + pad, y + pad } });
                }
            }
            s.outline = convexHull(std::move(corners));
        }
        s.bounds = s.outline.boundingRect();
        // Labels go in front of the section (towards the stage, smaller y) when there is room.
        s.labelAnchor = QPointF(s.bounds.center().x(), s.bounds.top() - m_pitch * 0.9);
    }
}

void SeatMapLayout::buildRowLabels()
{
    m_rowLabels.resize(m_venue.rows.size());
    for (std::size_t r = 0; r < m_venue.rows.size(); ++r) {
        const VenueRow& row = m_venue.rows[r];
        const SeatIndex first = row.firstSeat, last = row.firstSeat + row.seatCount - 1;
        QPointF a = position(first), b = position(last);
        QPointF direction(1, 0);
        if (row.seatCount > 1) {
            const QPointF next = position(first + 1), previous = position(last - 1);
            const QPointF d1 = a - next, d2 = b - previous;
            const double l1 = std::hypot(d1.x(), d1.y()), l2 = std::hypot(d2.x(), d2.y());
            m_rowLabels[r].start = l1 > 0 ? a + d1 / l1 * double(m_pitch) * 1.1 : a - direction * double(m_pitch);
            m_rowLabels[r].end = l2 > 0 ? b + d2 / l2 * double(m_pitch) * 1.1 : b + direction * double(m_pitch);
        } else {
            const double angle = qDegreesToRadians(double(m_rotation[first]));
            direction = QPointF(std::cos(angle), std::sin(angle));
            m_rowLabels[r].start = a - direction * double(m_pitch) * 1.1;
            m_rowLabels[r].end = b + direction * double(m_pitch) * 1.1;
        }
    }
}

QRectF SeatMapLayout::seatRect(SeatIndex s) const
{
    const double h = m_seatSize / 2.0;
    return { m_x[s] - h, m_y[s] - h, 2 * h, 2 * h };
}

SeatIndex SeatMapLayout::seatAt(QPointF world) const
{
    const double h = m_seatSize / 2.0;
    const double reach = h * 1.42; // a rotated square's corner
    SeatIndex found = kNoSeat;
    double best = 0;
    m_grid.forEachInRect(QRectF(world.x() - reach, world.y() - reach, 2 * reach, 2 * reach), [&](SeatIndex s) {
        const double dx = world.x() - m_x[s], dy = world.y() - m_y[s];
        if (std::abs(dx) > reach || std::abs(dy) > reach)
            return;
        double lx = dx, ly = dy;
        if (m_rotation[s] != 0.0f) {
            const double a = -qDegreesToRadians(double(m_rotation[s]));
            lx = dx * std::cos(a) - dy * std::sin(a);
            ly = dx * std::sin(a) + dy * std::cos(a);
        }
        if (std::abs(lx) > h || std::abs(ly) > h)
            return;
        const double d = dx * dx + dy * dy;
        if (found == kNoSeat || d < best)
            found = s, best = d;
    });
    return found;
}

int SeatMapLayout::sectionAt(QPointF world) const
{
    for (std::size_t i = 0; i < m_sections.size(); ++i)
        if (m_sections[i].bounds.contains(world) && m_sections[i].outline.containsPoint(world, Qt::OddEvenFill))
            return int(i);
    return -1;
}

int SeatMapLayout::areaAt(QPointF world) const
{
    for (std::size_t i = 0; i < m_areas.size(); ++i)
        if (m_areas[i].containsPoint(world, Qt::OddEvenFill))
            return int(i);
    return -1;
}

std::vector<SeatIndex> SeatMapLayout::seatsIn(const QRectF& world) const
{
    std::vector<SeatIndex> seats;
    const QRectF r = world.normalized();
    m_grid.forEachInRect(r, [&](SeatIndex s) {
        if (r.contains(m_x[s], m_y[s]))
            seats.push_back(s);
    });
    std::sort(seats.begin(), seats.end());
    return seats;
}

std::size_t SeatMapLayout::memoryBytes() const
{
    std::size_t bytes = (m_x.capacity() + m_y.capacity() + m_rotation.capacity()) * sizeof(float);
    bytes += m_rowLabels.capacity() * sizeof(RowLabel) + m_grid.memoryBytes();
    for (const Section& s : m_sections)
        bytes += sizeof(Section) + std::size_t(s.outline.capacity()) * sizeof(QPointF);
    return bytes;
}

} // namespace usher::ui
