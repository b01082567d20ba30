#include "SeatMapMinimap.h"

#include "SeatMapWidget.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace usher::ui {

namespace {
constexpr int kRefreshMs = 250;
}

SeatMapMinimap::SeatMapMinimap(SeatMapWidget* map, QWidget* parent)
    : QWidget(parent)
    , m_map(map)
    , m_renderer(map->layout(), map->model())
{
    setObjectName(QStringLiteral("seatMapMinimap"));
    setAccessibleName(tr("Overview of the venue"));
    setToolTip(tr("Overview: click or drag to move the seat map"));
    setFocusPolicy(Qt::NoFocus); // the map itself has keyboard navigation
    setCursor(Qt::PointingHandCursor);
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(kRefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        m_cacheValid = false;
        update();
    });
    connect(map, &SeatMapWidget::viewChanged, this, [this] {
        if (m_renderer.palette().kind != m_map->paletteKind() || m_renderer.colorMode() != m_map->colorMode())
            m_cacheValid = false;
        update();
    });
    connect(&map->model(), &SeatMapModel::seatsChanged, &m_refresh, [this] {
        if (!m_refresh.isActive())
            m_refresh.start();
    });
    connect(&map->model(), &SeatMapModel::areasChanged, &m_refresh, [this] {
        if (!m_refresh.isActive())
            m_refresh.start();
    });
    connect(&map->model(), &SeatMapModel::reset, this, [this] {
        m_cacheValid = false;
        update();
    });
}

SeatMapView SeatMapMinimap::overview() const
{
    const QRectF b = m_map->layout().bounds();
    SeatMapView view;
    view.viewport = QSizeF(size());
    view.scale = std::max(1e-6, std::min(width() / b.width(), height() / b.height()));
    view.center = b.center();
    return view;
}

void SeatMapMinimap::paintEvent(QPaintEvent*)
{
    const qreal dpr = devicePixelRatioF();
    if (!m_cacheValid || m_cache.size() != (QSizeF(size()) * dpr).toSize()) {
        m_renderer.setPalette(m_map->seatPalette());
        m_renderer.setColorMode(m_map->colorMode());
        m_cache = QImage((QSizeF(size()) * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
        m_cache.setDevicePixelRatio(dpr);
        QPainter painter(&m_cache);
        m_renderer.render(painter, overview(), QRectF(rect()));
        m_cacheValid = true;
    }
    QPainter painter(this);
    painter.drawImage(QPointF(0, 0), m_cache);
    // The map's visible area.
    const SeatMapView map = m_map->view();
    const QRectF visible = overview().viewRect(map.worldRect(QRectF(QPointF(0, 0), map.viewport)));
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(m_map->seatPalette().focus, 2));
    QColor shade = m_map->seatPalette().focus;
    shade.setAlpha(30);
    painter.setBrush(shade);
    painter.drawRect(visible.intersected(QRectF(rect()).adjusted(1, 1, -1, -1)));
    painter.setPen(QPen(palette().mid().color(), 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
}

void SeatMapMinimap::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_cacheValid = false;
}

void SeatMapMinimap::centerMapAt(QPointF pos)
{
    m_map->setView(m_map->scale(), overview().toWorld(pos));
}

void SeatMapMinimap::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        centerMapAt(event->position());
}

void SeatMapMinimap::mouseMoveEvent(QMouseEvent* event)
{
    if (event->buttons() & Qt::LeftButton)
        centerMapAt(event->position());
}

} // namespace usher::ui
