#include "SeatMapRenderer.h"

#include "core/Assert.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QtMath>

#include <algorithm>
#include <cmath>

namespace usher::ui {

namespace {

constexpr int kSelectedSlot = int(kSeatMapStateCount);
constexpr int kCategorySlot0 = kSelectedSlot + 1;

double seatPx(const SeatMapLayout& layout, double scale)
{
    return double(layout.seatSize()) * scale;
}

// The mark of a state, as lines around (cx, cy) with reach k. Marks are lines so that thousands of
// them go to the painter in one drawLines call.
void addMark(std::vector<QLineF>& lines, int kind, double cx, double cy, double k)
{
    switch (kind) {
    case int(SeatMapState::Available): return;
    case int(SeatMapState::AllocatedToMe): // diamond
        lines.emplace_back(cx, cy - k, cx + k, cy);
        lines.emplace_back(cx + k, cy, cx, cy + k);
        lines.emplace_back(cx, cy + k, cx - k, cy);
        lines.emplace_back(cx - k, cy, cx, cy - k);
        return;
    case int(SeatMapState::AllocatedToOthers): // slash
        lines.emplace_back(cx - k, cy + k, cx + k, cy - k);
        return;
    case int(SeatMapState::HeldByMe): // plus
        lines.emplace_back(cx - k, cy, cx + k, cy);
        lines.emplace_back(cx, cy - k, cx, cy + k);
        return;
    case int(SeatMapState::HeldByOthers): // pause bars
        lines.emplace_back(cx - k * 0.4, cy - k, cx - k * 0.4, cy + k);
        lines.emplace_back(cx + k * 0.4, cy - k, cx + k * 0.4, cy + k);
        return;
    case int(SeatMapState::Sold): // cross
        lines.emplace_back(cx - k, cy - k, cx + k, cy + k);
        lines.emplace_back(cx - k, cy + k, cx + k, cy - k);
        return;
    case int(SeatMapState::Blocked): // bar
        lines.emplace_back(cx - k, cy, cx + k, cy);
        return;
    case kSelectedSlot: // tick
        lines.emplace_back(cx - k, cy, cx - k * 0.3, cy + k * 0.7);
        lines.emplace_back(cx - k * 0.3, cy + k * 0.7, cx + k, cy - k * 0.7);
        return;
    default: USHER_ASSERT(false);
    }
}

QPolygonF toView(const QPolygonF& world, const SeatMapView& view)
{
    QPolygonF out;
    out.reserve(world.size());
    for (const QPointF& p : world)
        out << view.toView(p);
    return out;
}

QFont pixelFont(double px, bool bold = false)
{
    QFont font;
    font.setPixelSize(std::max(1, int(std::lround(px))));
    font.setBold(bold);
    return font;
}

} // namespace

QTransform SeatMapView::worldToView() const
{
    QTransform t;
    t.translate(viewport.width() / 2, viewport.height() / 2);
    t.scale(scale, scale);
    t.translate(-center.x(), -center.y());
    return t;
}

SeatMapRenderer::SeatMapRenderer(const SeatMapLayout& layout, const SeatMapModel& model)
    : m_layout(layout)
    , m_model(model)
{
    USHER_ASSERT(&layout.venue() == &model.venue());
}

SeatMapDetail SeatMapRenderer::detailAt(double scale) const
{
    const double px = seatPx(m_layout, scale);
    if (px >= kNumbersFromPx)
        return SeatMapDetail::Numbers;
    if (px >= kShapesFromPx)
        return SeatMapDetail::Shapes;
    if (px >= kMarksFromPx)
        return SeatMapDetail::Marks;
    if (px >= kSeatsFromPx)
        return SeatMapDetail::Seats;
    return SeatMapDetail::Sections;
}

void SeatMapRenderer::render(QPainter& painter, const SeatMapView& view, const QRectF& clip)
{
    const SeatMapDetail detail = detailAt(view.scale);
    const QRectF worldClip = view.worldRect(clip);
    painter.save();
    painter.setClipRect(clip);
    painter.fillRect(clip, m_palette.background);
    renderBackground(painter, view, worldClip, detail);
    if (detail == SeatMapDetail::Sections) {
        renderSectionsZoomedOut(painter, view, worldClip);
    } else {
        renderSeatsIn(painter, view, worldClip, detail);
        if (detail >= SeatMapDetail::Marks)
            renderRowLabels(painter, view, worldClip);
    }
    renderSectionLabels(painter, view, worldClip, detail);
    painter.restore();
}

void SeatMapRenderer::renderBackground(QPainter& painter, const SeatMapView& view, const QRectF& worldClip,
                                       SeatMapDetail detail)
{
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QPolygonF& stage = m_layout.stageOutline();
    if (stage.size() >= 3 && stage.boundingRect().intersects(worldClip)) {
        const QPolygonF shape = toView(stage, view);
        painter.setPen(Qt::NoPen);
        painter.setBrush(m_palette.stage);
        painter.drawPolygon(shape);
        const QString label = QString::fromStdString(m_layout.venue().stage.label);
        const QRectF box = shape.boundingRect();
        const double px = std::min(box.height() * 0.45, 22.0);
        if (!label.isEmpty() && px >= 7) {
            painter.setFont(pixelFont(px, true));
            painter.setPen(m_palette.stageText);
            if (QFontMetricsF(painter.font()).horizontalAdvance(label) < box.width())
                painter.drawText(box, Qt::AlignCenter, label);
        }
    }
    renderAreas(painter, view, worldClip, detail);
    if (detail == SeatMapDetail::Sections)
        return;
    painter.setBrush(m_palette.sectionFill);
    painter.setPen(QPen(m_palette.sectionOutline, 1));
    for (const SeatMapLayout::Section& s : m_layout.sections())
        if (s.bounds.intersects(worldClip))
            painter.drawPolygon(toView(s.outline, view));
}

void SeatMapRenderer::renderAreas(QPainter& painter, const SeatMapView& view, const QRectF& worldClip,
                                  SeatMapDetail detail)
{
    Q_UNUSED(detail);
    const std::vector<QPolygonF>& areas = m_layout.areaOutlines();
    for (std::size_t a = 0; a < areas.size(); ++a) {
        if (areas[a].size() < 3 || !areas[a].boundingRect().intersects(worldClip))
            continue;
        const QPolygonF shape = toView(areas[a], view);
        const SeatMapModel::AreaInfo& info = m_model.area(std::uint32_t(a));
        painter.setPen(QPen(m_palette.areaOutline, 1.5, Qt::DashLine));
        painter.setBrush(info.remaining() > 0 ? m_palette.areaFill : m_palette.sectionFill);
        painter.drawPolygon(shape);
        if (info.remaining() == 0) {
            painter.setBrush(QBrush(m_palette.areaOutline, Qt::BDiagPattern));
            painter.drawPolygon(shape);
        }
        const QRectF box = shape.boundingRect();
        const double px = std::clamp(box.height() / 5, 0.0, 16.0);
        if (px < 7)
            continue;
        const QString name = QString::fromStdString(m_layout.venue().areas[a].name);
        //: A standing area on the seat map: %1 places left of %2.
        const QString left = QCoreApplication::translate("usher::ui::SeatMapRenderer", "%1 of %2 left")
                                 .arg(QLocale().toString(info.remaining()), QLocale().toString(info.capacity));
        painter.setPen(m_palette.text);
        painter.setFont(pixelFont(px, true));
        const QFontMetricsF metrics(painter.font());
        if (metrics.horizontalAdvance(name) > box.width() || metrics.horizontalAdvance(left) > box.width())
            continue;
        painter.drawText(box.adjusted(0, 0, 0, -px * 0.7), Qt::AlignCenter, name);
        painter.setFont(pixelFont(px));
        painter.drawText(box.adjusted(0, px * 1.7, 0, 0), Qt::AlignCenter, left);
    }
}

void SeatMapRenderer::renderSectionsZoomedOut(QPainter& painter, const SeatMapView& view, const QRectF& worldClip)
{
    painter.setRenderHint(QPainter::Antialiasing, true);
    const std::vector<SeatMapLayout::Section>& sections = m_layout.sections();
    for (std::size_t i = 0; i < sections.size(); ++i) {
        if (!sections[i].bounds.intersects(worldClip))
            continue;
        const SeatMapModel::SectionCounts& c = m_model.sectionCounts(std::uint32_t(i));
        const double share = c.seats == 0 ? 0 : double(c.sellable) / c.seats;
        const QPolygonF shape = toView(sections[i].outline, view);
        painter.setPen(QPen(m_palette.sectionOutline, 1));
        painter.setBrush(m_palette.availabilityFill(share));
        painter.drawPolygon(shape);
        if (c.sellable == 0) { // sold out: hatched, so it does not rely on the hue
            painter.setBrush(QBrush(m_palette.background, Qt::BDiagPattern));
            painter.drawPolygon(shape);
        }
    }
}

int SeatMapRenderer::fillSlot(SeatIndex seat) const
{
    if (m_selected != nullptr && (*m_selected)[seat] != 0)
        return kSelectedSlot;
    const SeatMapState state = m_model.state(seat);
    if (m_colorMode == ColorMode::Category && SeatMapModel::isSellableState(state))
        return kCategorySlot0 + m_layout.venue().seats[seat].category;
    return int(state);
}

QColor SeatMapRenderer::slotColor(int slot) const
{
    if (slot < kSelectedSlot)
        return m_palette.fill[std::size_t(slot)];
    if (slot == kSelectedSlot)
        return m_palette.selection;
    const std::string& hint = m_layout.venue().categories[std::size_t(slot - kCategorySlot0)].color;
    const QColor color(QString::fromStdString(hint));
    return color.isValid() ? color : m_palette.fill[0];
}

void SeatMapRenderer::collectSeat(SeatIndex seat, const SeatMapView& view, SeatMapDetail detail)
{
    const double px = seatPx(m_layout, view.scale);
    const double h = px / 2;
    const QPointF c = view.toView(m_layout.position(seat));
    const int slot = fillSlot(seat);
    const float rotation = m_layout.rotation(seat);
    if (detail >= SeatMapDetail::Shapes && rotation != 0.0f) {
        QTransform t;
        t.translate(c.x(), c.y());
        t.rotate(double(rotation));
        m_shapes[std::size_t(slot)].addPolygon(t.map(QPolygonF(QRectF(-h, -h, px, px))));
        m_shapes[std::size_t(slot)].closeSubpath();
    } else {
        m_fills[std::size_t(slot)].rects.emplace_back(c.x() - h, c.y() - h, px, px);
    }
    if (detail < SeatMapDetail::Marks)
        return;
    const int mark = slot == kSelectedSlot ? kSelectedSlot : int(m_model.state(seat));
    if (detail >= SeatMapDetail::Numbers) {
        addMark(m_marks[std::size_t(mark)], mark, c.x(), c.y() - h * 0.42, h * 0.26);
        m_numbered.push_back(seat);
    } else {
        addMark(m_marks[std::size_t(mark)], mark, c.x(), c.y(), h * 0.42);
    }
    // The backrest: a bar across the rear of the seat shows which way it faces (once it is legible).
    if (detail < SeatMapDetail::Shapes)
        return;
    const double a = qDegreesToRadians(double(rotation));
    const double ca = std::cos(a), sa = std::sin(a);
    const double bx = -h * 0.78, by = h * 0.8;
    m_backrests.emplace_back(c.x() + bx * ca - by * sa, c.y() + bx * sa + by * ca, c.x() - bx * ca - by * sa,
                             c.y() - bx * sa + by * ca);
}

void SeatMapRenderer::flush(QPainter& painter, const SeatMapView& view, SeatMapDetail detail)
{
    const double px = seatPx(m_layout, view.scale);
    const bool outline = m_palette.seatOutline.alpha() > 0 && px >= 6;
    for (std::size_t slot = 0; slot < m_fills.size(); ++slot) {
        std::vector<QRectF>& rects = m_fills[slot].rects;
        QPainterPath& shapes = m_shapes[slot];
        if (rects.empty() && shapes.isEmpty())
            continue;
        const QColor color = slotColor(int(slot));
        painter.setBrush(color);
        const bool selected = int(slot) == kSelectedSlot;
        if (selected && px >= 6)
            painter.setPen(QPen(m_palette.focus, std::max(1.0, px * 0.12)));
        else
            painter.setPen(outline ? QPen(m_palette.seatOutline, 1) : QPen(Qt::NoPen));
        // Squares are axis-aligned: without anti-aliasing they fill whole pixels, several times faster.
        painter.setRenderHint(QPainter::Antialiasing, false);
        if (!rects.empty())
            painter.drawRects(rects.data(), int(rects.size()));
        painter.setRenderHint(QPainter::Antialiasing, true);
        if (!shapes.isEmpty())
            painter.drawPath(shapes);
        rects.clear();
        shapes.clear();
    }
    if (detail < SeatMapDetail::Marks)
        return;
    const double width = std::max(1.2, px * 0.1);
    // Small marks are a few pixels of straight lines: anti-aliasing would cost more than the seats.
    painter.setRenderHint(QPainter::Antialiasing, detail >= SeatMapDetail::Shapes);
    for (std::size_t kind = 0; kind < m_marks.size(); ++kind) {
        std::vector<QLineF>& lines = m_marks[kind];
        if (lines.empty())
            continue;
        const QColor color = int(kind) == kSelectedSlot ? m_palette.selectionMark : m_palette.mark[kind];
        painter.setPen(QPen(color, width, Qt::SolidLine, Qt::RoundCap));
        painter.drawLines(lines.data(), int(lines.size()));
        lines.clear();
    }
    if (!m_backrests.empty()) {
        painter.setPen(QPen(QColor(0, 0, 0, 110), std::max(1.0, px * 0.1), Qt::SolidLine, Qt::FlatCap));
        painter.drawLines(m_backrests.data(), int(m_backrests.size()));
        m_backrests.clear();
    }
    if (m_numbered.empty())
        return;
    painter.setFont(pixelFont(px * 0.36, true));
    const double h = px / 2;
    for (SeatIndex seat : m_numbered) {
        const QPointF c = view.toView(m_layout.position(seat));
        const int slot = fillSlot(seat);
        painter.setPen(slot == kSelectedSlot ? m_palette.selectionMark
                                             : m_palette.mark[std::size_t(m_model.state(seat))]);
        if (slot >= kCategorySlot0)
            painter.setPen(slotColor(slot).lightnessF() > 0.55 ? Qt::black : Qt::white);
        painter.drawText(QRectF(c.x() - h, c.y() - h * 0.05, px, h), Qt::AlignCenter,
                         QString::fromStdString(m_layout.venue().seats[seat].number));
    }
    m_numbered.clear();
}

void SeatMapRenderer::renderSeatsIn(QPainter& painter, const SeatMapView& view, const QRectF& worldClip,
                                    SeatMapDetail detail)
{
    const std::size_t slots = std::size_t(kCategorySlot0) + m_layout.venue().categories.size();
    m_fills.resize(slots);
    m_shapes.resize(slots);
    const double reach = m_layout.seatSize();
    const QRectF area = worldClip.adjusted(-reach, -reach, reach, reach);
    m_layout.grid().forEachInRect(area, [&](SeatIndex s) {
        if (area.contains(m_layout.x(s), m_layout.y(s)))
            collectSeat(s, view, detail);
    });
    flush(painter, view, detail);
}

void SeatMapRenderer::renderSeats(QPainter& painter, const SeatMapView& view, std::span<const SeatIndex> seats)
{
    const SeatMapDetail detail = detailAt(view.scale);
    USHER_ASSERT(detail != SeatMapDetail::Sections);
    const std::size_t slots = std::size_t(kCategorySlot0) + m_layout.venue().categories.size();
    m_fills.resize(slots);
    m_shapes.resize(slots);
    // Clear the footprints first (rotated seats: the square around the rotated one, which stays off
    // the neighbours because seats are at most 78% of the pitch), then draw the seats in one batch.
    std::vector<QRectF> clear;
    clear.reserve(seats.size());
    const QRectF visible(QPointF(0, 0), view.viewport);
    for (SeatIndex s : seats) {
        const QRectF r = seatViewRect(view, s);
        if (!r.intersects(visible))
            continue;
        clear.push_back(r);
        collectSeat(s, view, detail);
    }
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    painter.setBrush(m_palette.sectionFill);
    if (!clear.empty())
        painter.drawRects(clear.data(), int(clear.size()));
    flush(painter, view, detail);
    painter.restore();
}

QRectF SeatMapRenderer::seatViewRect(const SeatMapView& view, SeatIndex seat) const
{
    const double px = seatPx(m_layout, view.scale);
    const SeatMapDetail detail = detailAt(view.scale);
    double h = px / 2;
    if (detail >= SeatMapDetail::Shapes && m_layout.rotation(seat) != 0.0f) {
        const double a = qDegreesToRadians(double(m_layout.rotation(seat)));
        h *= std::abs(std::cos(a)) + std::abs(std::sin(a));
    }
    if (detail >= SeatMapDetail::Marks)
        h += 1; // anti-aliased edges and the selection frame; the gap between seats is wider
    const QPointF c = view.toView(m_layout.position(seat));
    return { c.x() - h, c.y() - h, 2 * h, 2 * h };
}

void SeatMapRenderer::renderRowLabels(QPainter& painter, const SeatMapView& view, const QRectF& worldClip)
{
    const double px = std::min(seatPx(m_layout, view.scale) * 0.6, 15.0);
    painter.setFont(pixelFont(px, true));
    painter.setPen(m_palette.text);
    const Venue& venue = m_layout.venue();
    const double w = px * 3;
    for (std::size_t i = 0; i < m_layout.sections().size(); ++i) {
        if (!m_layout.sections()[i].bounds.adjusted(-2, -2, 2, 2).intersects(worldClip))
            continue;
        const VenueSection& section = venue.sections[i];
        for (std::uint32_t r = section.firstRow; r < section.firstRow + section.rowCount; ++r) {
            const QString name = QString::fromStdString(venue.rows[r].name);
            const SeatMapLayout::RowLabel& label = m_layout.rowLabel(r);
            for (const auto& [anchor, show] :
                 { std::pair { label.start, label.showStart }, std::pair { label.end, label.showEnd } }) {
                if (!show || !worldClip.adjusted(-3, -3, 3, 3).contains(anchor))
                    continue;
                const QPointF c = view.toView(anchor);
                painter.drawText(QRectF(c.x() - w / 2, c.y() - px, w, 2 * px), Qt::AlignCenter, name);
            }
        }
    }
}

void SeatMapRenderer::renderSectionLabels(QPainter& painter, const SeatMapView& view, const QRectF& worldClip,
                                          SeatMapDetail detail)
{
    painter.setRenderHint(QPainter::Antialiasing, true);
    const std::vector<SeatMapLayout::Section>& sections = m_layout.sections();
    for (std::size_t i = 0; i < sections.size(); ++i) {
        const SeatMapLayout::Section& s = sections[i];
        if (!s.bounds.adjusted(-3, -3, 3, 3).intersects(worldClip))
            continue;
        const QRectF box = view.viewRect(s.bounds);
        if (detail == SeatMapDetail::Sections) {
            // Inside the filled shape: the name and what is left, when they fit.
            double px = std::clamp(box.height() / 4.5, 0.0, 18.0);
            if (px < 7)
                continue;
            const SeatMapModel::SectionCounts& c = m_model.sectionCounts(std::uint32_t(i));
            //: Zoomed-out seat map, inside a section: %1 seats I can sell of %2.
            const QString left = QCoreApplication::translate("usher::ui::SeatMapRenderer", "%1/%2 free")
                                     .arg(QLocale().toString(c.sellable), QLocale().toString(c.seats));
            // Narrow sections get a smaller font, down to the smallest legible size.
            const QFontMetricsF probe(pixelFont(px, true));
            const double widest = std::max(probe.horizontalAdvance(s.name), probe.horizontalAdvance(left));
            if (widest > box.width() * 0.75)
                px *= box.width() * 0.75 / widest;
            if (px < 9)
                continue;
            painter.setFont(pixelFont(px, true));
            const QFontMetricsF metrics(painter.font());
            const QRectF halo
                = QRectF(0, 0, std::max(metrics.horizontalAdvance(s.name), metrics.horizontalAdvance(left)) + px,
                         px * 2.9)
                      .translated(box.center() - QPointF(0, 0));
            QRectF plate = halo;
            plate.moveCenter(box.center());
            painter.setPen(Qt::NoPen);
            painter.setBrush(
                QColor(m_palette.background.red(), m_palette.background.green(), m_palette.background.blue(), 215));
            // A plain plate and one font for both lines: a hundred labels stay cheap to repaint.
            painter.setRenderHint(QPainter::Antialiasing, false);
            painter.drawRect(plate);
            painter.setPen(m_palette.text);
            painter.drawText(plate.adjusted(0, px * 0.2, 0, -px * 1.35), Qt::AlignCenter, s.name);
            painter.drawText(plate.adjusted(0, px * 1.4, 0, -px * 0.15), Qt::AlignCenter, left);
            painter.setRenderHint(QPainter::Antialiasing, true);
            continue;
        }
        const double px = std::clamp(double(m_layout.pitch()) * view.scale * 0.75, 0.0, 20.0);
        if (px < 7)
            continue;
        painter.setFont(pixelFont(px, true));
        const QPointF anchor = view.toView(s.labelAnchor);
        const double width = QFontMetricsF(painter.font()).horizontalAdvance(s.name) + px;
        const QRectF label(anchor.x() - width / 2, anchor.y() - px * 0.8, width, px * 1.6);
        // A plate, for labels that had to go over the seats (no room in front of or behind them).
        QColor plate = m_palette.background;
        plate.setAlpha(225);
        painter.setPen(Qt::NoPen);
        painter.setBrush(plate);
        painter.drawRoundedRect(label, px * 0.3, px * 0.3);
        painter.setPen(m_palette.text);
        painter.drawText(label, Qt::AlignCenter, s.name);
    }
}

void SeatMapRenderer::drawSwatch(QPainter& painter, const QRectF& rect, SeatMapState state,
                                 const SeatMapPalette& palette, bool selected)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const double px = std::min(rect.width(), rect.height());
    const QRectF square(rect.center().x() - px / 2, rect.center().y() - px / 2, px, px);
    painter.setBrush(selected ? palette.selection : palette.stateFill(state));
    if (selected)
        painter.setPen(QPen(palette.focus, std::max(1.0, px * 0.12)));
    else
        painter.setPen(palette.seatOutline.alpha() > 0 ? QPen(palette.seatOutline, 1) : QPen(QColor(0, 0, 0, 60), 1));
    painter.drawRect(square);
    std::vector<QLineF> lines;
    const int kind = selected ? kSelectedSlot : int(state);
    addMark(lines, kind, square.center().x(), square.center().y(), px * 0.25);
    painter.setPen(QPen(selected ? palette.selectionMark : palette.stateMark(state), std::max(1.2, px * 0.1),
                        Qt::SolidLine, Qt::RoundCap));
    if (!lines.empty())
        painter.drawLines(lines.data(), int(lines.size()));
    painter.restore();
}

} // namespace usher::ui
