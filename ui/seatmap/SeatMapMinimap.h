#pragma once

// An overview of the whole venue with the seat map's visible area outlined. Click or drag to move
// the map there. The overview is painted into a cached image and refreshed at most a few times a
// second while seats change.

#include "SeatMapRenderer.h"

#include <QImage>
#include <QTimer>
#include <QWidget>

namespace usher::ui {

class SeatMapWidget;

class SeatMapMinimap final : public QWidget {
    Q_OBJECT

public:
    explicit SeatMapMinimap(SeatMapWidget* map, QWidget* parent = nullptr);

    QSize sizeHint() const override { return { 240, 170 }; }
    QSize minimumSizeHint() const override { return { 120, 90 }; }
    // The minimap's own view of the venue (fitted to the widget).
    SeatMapView overview() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    void centerMapAt(QPointF pos);

    SeatMapWidget* m_map;
    SeatMapRenderer m_renderer;
    QImage m_cache;
    bool m_cacheValid = false;
    QTimer m_refresh; // coalesces repaints of the overview while seats change
};

} // namespace usher::ui
