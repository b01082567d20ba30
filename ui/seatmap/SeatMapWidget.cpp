#include "SeatMapWidget.h"

#include "DisplayFormat.h"
#include "SeatMapAccessible.h"
#include "core/Assert.h"

#include <QAccessible>
#include <QDateTime>
#include <QLocale>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <QtMath>

#include <algorithm>
#include <cmath>

namespace usher::ui {

namespace {
// Beyond this many changed seats in one frame, one full repaint is cheaper than patching each.
constexpr std::size_t kPatchSeatsMax = 20'000;
// Beyond this many rectangles, one update of the whole viewport is cheaper than a region.
constexpr std::size_t kUpdateRectsMax = 64;
constexpr double kFitMargin = 0.96;
constexpr double kSeatPxMax = 96; // the closest zoom: a seat this wide
} // namespace

SeatMapWidget::SeatMapWidget(SeatMapModel& model, QWidget* parent)
    : QAbstractScrollArea(parent)
    , m_model(model)
    , m_layout(model.venue())
    , m_renderer(m_layout, model)
    , m_dirtyFlag(model.seatCount(), 0)
    , m_selected(model.seatCount(), 0)
{
    installSeatMapAccessibility();
    setObjectName(QStringLiteral("seatMap"));
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    viewport()->setMouseTracking(false);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    viewport()->setAttribute(Qt::WA_AcceptTouchEvents);
    viewport()->grabGesture(Qt::PinchGesture);
    m_renderer.setSelection(&m_selected);
    setAccessibleName(tr("Seat map"));
    connect(&m_model, &SeatMapModel::seatsChanged, this, &SeatMapWidget::onSeatsChanged);
    connect(&m_model, &SeatMapModel::areasChanged, this, [this] {
        invalidateCache(); // standing areas are few and large: repaint the lot
    });
    connect(&m_model, &SeatMapModel::reset, this, &SeatMapWidget::onModelReset);
    m_view.viewport = viewportSize();
    m_view.scale = fitScale();
    m_view.center = m_layout.bounds().center();
}

SeatMapWidget::~SeatMapWidget()
{
    if (m_accessible != nullptr)
        m_accessible->releaseSeats();
}

QSize SeatMapWidget::viewportSize() const
{
    return viewport()->size().isEmpty() ? QSize(640, 480) : viewport()->size();
}

// ---- view ----------------------------------------------------------------------------------------

double SeatMapWidget::fitScale() const
{
    const QRectF b = m_layout.bounds();
    const QSize v = viewportSize();
    return std::max(1e-6, kFitMargin * std::min(v.width() / b.width(), v.height() / b.height()));
}

double SeatMapWidget::maximumScale() const
{
    return std::max(fitScale(), kSeatPxMax / double(m_layout.seatSize()));
}

QPointF SeatMapWidget::clampCenter(QPointF center, double scale) const
{
    // Zoomed in, the view stays within the venue; zoomed out so far that the venue is smaller than
    // the view, the venue stays whole inside it (and can sit off-centre, under the cursor it was
    // zoomed at).
    const QRectF b = m_layout.bounds();
    const QSize v = viewportSize();
    auto clampAxis = [](double c, double low, double high, double half) {
        if (high - low >= 2 * half)
            return std::clamp(c, low + half, high - half);
        const double slack = half - (high - low) / 2;
        const double middle = (low + high) / 2;
        return std::clamp(c, middle - slack, middle + slack);
    };
    return { clampAxis(center.x(), b.left(), b.right(), v.width() / 2.0 / scale),
             clampAxis(center.y(), b.top(), b.bottom(), v.height() / 2.0 / scale) };
}

void SeatMapWidget::setView(double scale, QPointF center)
{
    m_fitted = false;
    scale = std::clamp(scale, minimumScale(), maximumScale());
    SeatMapView next = m_view;
    next.viewport = viewportSize();
    next.scale = scale;
    next.center = clampCenter(center, scale);
    if (next == m_view)
        return;
    m_view = next;
    updateScrollBars();
    viewport()->update();
    Q_EMIT viewChanged();
}

void SeatMapWidget::fitToVenue()
{
    setView(fitScale(), m_layout.bounds().center());
    m_fitted = true;
}

void SeatMapWidget::zoomToSection(int section)
{
    if (section < 0 || std::size_t(section) >= m_layout.sections().size())
        return;
    m_fitted = false;
    const QRectF b = m_layout.sections()[std::size_t(section)].bounds.adjusted(-2, -3, 2, 2);
    const QSize v = viewportSize();
    setView(0.95 * std::min(v.width() / b.width(), v.height() / b.height()), b.center());
}

void SeatMapWidget::zoomBy(double factor, QPointF anchorInView)
{
    m_fitted = false;
    const QPointF world = m_view.toWorld(anchorInView);
    const double scale = std::clamp(m_view.scale * factor, minimumScale(), maximumScale());
    // Keep the world point under the anchor where it is.
    const QPointF offset = anchorInView - QPointF(m_view.viewport.width() / 2, m_view.viewport.height() / 2);
    setView(scale, world - offset / scale);
}

void SeatMapWidget::panBy(QPointF deltaInView)
{
    m_fitted = false;
    setView(m_view.scale, m_view.center - deltaInView / m_view.scale);
}

void SeatMapWidget::ensureSeatVisible(SeatIndex seat)
{
    if (seat >= m_model.seatCount())
        return;
    if (detail() < SeatMapDetail::Marks) {
        // Zoomed out: seats are not distinguishable. Zoom to where marks show, around the seat.
        m_fitted = false;
        setView(SeatMapRenderer::kMarksFromPx * 1.6 / double(m_layout.seatSize()), m_layout.position(seat));
        return;
    }
    const QRectF r = seatRectInView(seat);
    const QRectF visible = QRectF(QPointF(0, 0), QSizeF(viewportSize())).adjusted(40, 40, -40, -40);
    if (visible.contains(r))
        return;
    QPointF delta;
    if (r.left() < visible.left())
        delta.rx() = visible.left() - r.left();
    else if (r.right() > visible.right())
        delta.rx() = visible.right() - r.right();
    if (r.top() < visible.top())
        delta.ry() = visible.top() - r.top();
    else if (r.bottom() > visible.bottom())
        delta.ry() = visible.bottom() - r.bottom();
    panBy(QPointF(std::round(delta.x()), std::round(delta.y())));
}

void SeatMapWidget::updateScrollBars()
{
    m_syncingScrollBars = true;
    const QRectF b = m_layout.bounds();
    const QSize v = viewportSize();
    const int contentW = int(std::ceil(b.width() * m_view.scale)), contentH = int(std::ceil(b.height() * m_view.scale));
    horizontalScrollBar()->setRange(0, std::max(0, contentW - v.width()));
    verticalScrollBar()->setRange(0, std::max(0, contentH - v.height()));
    horizontalScrollBar()->setPageStep(v.width());
    verticalScrollBar()->setPageStep(v.height());
    horizontalScrollBar()->setSingleStep(std::max(1, v.width() / 20));
    verticalScrollBar()->setSingleStep(std::max(1, v.height() / 20));
    horizontalScrollBar()->setValue(int(std::lround((m_view.center.x() - b.left()) * m_view.scale - v.width() / 2.0)));
    verticalScrollBar()->setValue(int(std::lround((m_view.center.y() - b.top()) * m_view.scale - v.height() / 2.0)));
    m_syncingScrollBars = false;
}

void SeatMapWidget::scrollContentsBy(int dx, int dy)
{
    if (m_syncingScrollBars)
        return;
    panBy(QPointF(dx, dy));
}

void SeatMapWidget::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    const bool fitted = m_fitted;
    m_view.viewport = viewportSize();
    if (fitted)
        fitToVenue();
    else
        setView(m_view.scale, m_view.center);
    updateScrollBars();
    invalidateCache();
}

// ---- look ----------------------------------------------------------------------------------------

void SeatMapWidget::setPaletteKind(SeatMapPalette::Kind kind)
{
    if (kind == paletteKind())
        return;
    m_renderer.setPalette(SeatMapPalette::forKind(kind));
    invalidateCache();
    Q_EMIT viewChanged();
}

void SeatMapWidget::setColorMode(SeatMapRenderer::ColorMode mode)
{
    if (mode == colorMode())
        return;
    m_renderer.setColorMode(mode);
    invalidateCache();
    Q_EMIT viewChanged();
}

// ---- painting ------------------------------------------------------------------------------------

void SeatMapWidget::invalidateCache()
{
    m_cacheValid = false;
    viewport()->update();
}

void SeatMapWidget::onModelReset()
{
    std::vector<SeatIndex> removed;
    for (SeatIndex s = 0; s < m_selected.size(); ++s)
        if (m_selected[s] != 0 && !m_model.isSellable(s))
            removed.push_back(s);
    for (SeatIndex s : removed)
        setSelected(s, false);
    commitSelection({}, removed);
    invalidateCache();
}

void SeatMapWidget::markSeatDirty(SeatIndex seat)
{
    if (m_dirtyAll || m_dirtyFlag[seat] != 0)
        return;
    if (m_dirty.size() >= kPatchSeatsMax) {
        m_dirtyAll = true;
        return;
    }
    m_dirtyFlag[seat] = 1;
    m_dirty.push_back(seat);
}

void SeatMapWidget::onSeatsChanged(const std::vector<SeatIndex>& seats)
{
    // A selected seat that somebody else took leaves the selection.
    std::vector<SeatIndex> removed;
    for (SeatIndex s : seats) {
        if (m_selected[s] != 0 && !m_model.isSellable(s)) {
            setSelected(s, false);
            removed.push_back(s);
        }
        markSeatDirty(s);
    }
    commitSelection({}, removed);
    if (m_dirtyAll || detail() == SeatMapDetail::Sections || m_dirty.size() > kUpdateRectsMax) {
        viewport()->update();
        return;
    }
    for (SeatIndex s : seats)
        viewport()->update(seatRectInView(s).toAlignedRect());
}

void SeatMapWidget::prepareCache()
{
    const qreal dpr = viewport()->devicePixelRatioF();
    const QSize device = (QSizeF(m_view.viewport) * dpr).toSize();
    const bool sameGeometry = m_cache.size() == device && m_cache.devicePixelRatio() == dpr;
    if (m_cacheValid && sameGeometry && m_cacheView == m_view)
        return;
    if (m_cacheValid && sameGeometry && m_cacheView.scale == m_view.scale && m_cacheView.viewport == m_view.viewport) {
        // A pan: shift what is there by whole device pixels and paint the strips that came in.
        const QPointF shift = (m_cacheView.center - m_view.center) * m_view.scale;
        const QPointF deviceShift = shift * dpr;
        if (std::abs(deviceShift.x() - std::round(deviceShift.x())) < 1e-3
            && std::abs(deviceShift.y() - std::round(deviceShift.y())) < 1e-3
            && std::abs(shift.x()) < m_view.viewport.width() && std::abs(shift.y()) < m_view.viewport.height()) {
            QImage next(device, QImage::Format_ARGB32_Premultiplied);
            next.setDevicePixelRatio(dpr);
            QPainter painter(&next);
            const QPointF snapped(std::round(deviceShift.x()) / dpr, std::round(deviceShift.y()) / dpr);
            painter.drawImage(snapped, m_cache);
            QRegion exposed(QRect(QPoint(0, 0), m_view.viewport.toSize()));
            exposed -= QRectF(snapped, m_view.viewport).toAlignedRect().adjusted(1, 1, -1, -1);
            for (const QRect& r : exposed)
                m_renderer.render(painter, m_view, QRectF(r));
            painter.end();
            m_cache = std::move(next);
            m_cacheView = m_view;
            return;
        }
    }
    m_cache = QImage(device, QImage::Format_ARGB32_Premultiplied);
    m_cache.setDevicePixelRatio(dpr);
    QPainter painter(&m_cache);
    m_renderer.render(painter, m_view, QRectF(QPointF(0, 0), m_view.viewport));
    m_cacheView = m_view;
    m_cacheValid = true;
    // Everything is fresh: nothing left to patch.
    for (SeatIndex s : m_dirty)
        m_dirtyFlag[s] = 0;
    m_dirty.clear();
    m_dirtyAll = false;
}

void SeatMapWidget::patchCache()
{
    if (m_dirty.empty() && !m_dirtyAll)
        return;
    if (m_dirtyAll || detail() == SeatMapDetail::Sections) {
        // Zoomed out, a seat change recolours its whole section; sections are few, repaint all.
        QPainter painter(&m_cache);
        m_renderer.render(painter, m_view, QRectF(QPointF(0, 0), m_view.viewport));
    } else {
        QPainter painter(&m_cache);
        m_renderer.renderSeats(painter, m_view, m_dirty);
    }
    for (SeatIndex s : m_dirty)
        m_dirtyFlag[s] = 0;
    m_dirty.clear();
    m_dirtyAll = false;
}

void SeatMapWidget::paintEvent(QPaintEvent* event)
{
    m_view.viewport = viewportSize();
    prepareCache();
    patchCache();
    QPainter painter(viewport());
    const qreal dpr = m_cache.devicePixelRatio();
    for (const QRect& r : event->region()) {
        const QRectF source(QPointF(r.topLeft()) * dpr, QSizeF(r.size()) * dpr);
        painter.drawImage(QRectF(r), m_cache, source);
    }
    // Overlays that change without the seats: the focus ring and the rubber band.
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (m_focusSeat != kNoSeat && hasFocus() && detail() >= SeatMapDetail::Seats) {
        const QRectF r = seatRectInView(m_focusSeat).adjusted(-2.5, -2.5, 2.5, 2.5);
        painter.setPen(QPen(seatPalette().background, 4));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(r, 3, 3);
        painter.setPen(QPen(seatPalette().focus, 2));
        painter.drawRoundedRect(r, 3, 3);
    }
    if (m_drag == Drag::RubberBand) {
        QColor fill = seatPalette().selection;
        fill.setAlpha(50);
        painter.setPen(QPen(seatPalette().selection, 1, Qt::DashLine));
        painter.setBrush(fill);
        painter.drawRect(rubberBandRect());
    }
}

// ---- hit-testing and descriptions ----------------------------------------------------------------

SeatIndex SeatMapWidget::seatAt(QPointF viewPos) const
{
    // Zoomed out, seats are too small to aim at: clicks go to sections instead.
    if (detail() == SeatMapDetail::Sections)
        return kNoSeat;
    return m_layout.seatAt(m_view.toWorld(viewPos));
}

QString SeatMapWidget::seatDescription(SeatIndex seat) const
{
    USHER_ASSERT(seat < m_model.seatCount());
    const Venue& venue = m_model.venue();
    const VenueSeat& s = venue.seats[seat];
    const Amount price = m_model.price(seat);
    const QString priceText = price == kNotOffered ? tr("not for sale") : DisplayFormat::money(price, m_model.spec());
    //: Accessible name of a seat: section, row, seat number, category, price, state.
    return tr("%1, row %2, seat %3, %4, %5, %6")
        .arg(m_layout.sections()[s.section].name, DisplayFormat::text(venue.rows[s.row].name),
             DisplayFormat::text(s.number), DisplayFormat::text(venue.categories[s.category].name), priceText,
             SeatMapPalette::stateName(m_model.state(seat)));
}

QString SeatMapWidget::toolTipAt(QPointF viewPos) const
{
    const QPointF world = m_view.toWorld(viewPos);
    const SeatIndex seat = seatAt(viewPos);
    const Venue& venue = m_model.venue();
    if (seat != kNoSeat) {
        const VenueSeat& s = venue.seats[seat];
        const Amount price = m_model.price(seat);
        //: Seat tooltip, first line: section, row, seat.
        QString text = tr("<b>%1, row %2, seat %3</b>")
                           .arg(m_layout.sections()[s.section].name.toHtmlEscaped(),
                                DisplayFormat::text(venue.rows[s.row].name).toHtmlEscaped(),
                                DisplayFormat::text(s.number).toHtmlEscaped());
        text += QStringLiteral("<br>") + DisplayFormat::text(venue.categories[s.category].name).toHtmlEscaped()
            + QStringLiteral(" · ")
            + (price == kNotOffered ? tr("not for sale") : DisplayFormat::money(price, m_model.spec()));
        QString state = SeatMapPalette::stateName(m_model.state(seat));
        const SeatMapModel::SeatInfo& info = m_model.info(seat);
        if (info.status == SeatStatus::Held && info.expiresAt > 0) {
            const QString until
                = QLocale().toString(QDateTime::fromMSecsSinceEpoch(info.expiresAt).time(), QLocale::ShortFormat);
            //: Seat tooltip: a hold's state and when it runs out, e.g. "held by someone else until 20:31".
            state = tr("%1 until %2").arg(state, until);
        }
        if (isSelected(seat))
            //: Seat tooltip: the seat's state, then that it is in the selection.
            state = tr("%1 (selected)").arg(state);
        return text + QStringLiteral("<br>") + state.toHtmlEscaped();
    }
    if (const int area = m_layout.areaAt(world); area >= 0) {
        const SeatMapModel::AreaInfo& info = m_model.area(std::uint32_t(area));
        //: Standing area tooltip: %1 the area, %2 places left, %3 the capacity.
        return tr("<b>%1</b><br>standing: %2 of %3 places left")
            .arg(DisplayFormat::text(venue.areas[std::size_t(area)].name).toHtmlEscaped(),
                 QLocale().toString(info.remaining()), QLocale().toString(info.capacity));
    }
    if (const int section = m_layout.sectionAt(world); section >= 0) {
        const SeatMapModel::SectionCounts& c = m_model.sectionCounts(std::uint32_t(section));
        //: Section tooltip: %1 the section, %2 seats available to sell, %3 seats in all.
        return tr("<b>%1</b><br>%2 of %3 seats available")
            .arg(m_layout.sections()[std::size_t(section)].name.toHtmlEscaped(), QLocale().toString(c.sellable),
                 QLocale().toString(c.seats));
    }
    return {};
}

} // namespace usher::ui
