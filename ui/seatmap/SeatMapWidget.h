#pragma once

// The interactive seat map: one event's venue with live seat states. A custom-painted widget over
// a spatial grid (see docs/design/seatmap.md for why not QGraphicsView):
//
// * Painting goes into a cached image of the viewport; paintEvent only blits it. A pan shifts the
//   cache and paints the strip that came into view; a live change repaints just the changed seats
//   into the cache and updates their rectangles, coalesced into the next frame.
// * Level of detail follows the seat size on screen (SeatMapRenderer).
// * Mouse: drag pans, the wheel and pinch zoom about the cursor, click toggles a seat, shift-click
//   selects a run within a row, shift-drag selects a rectangle, double-click a row; a context menu
//   selects rows and sections. Keyboard: arrows move the focus seat along rows (Ctrl+arrows pan),
//   Space/Enter toggle, Page Up/Down jump between sections, +/- zoom, 0 fits, R/S select the row or
//   section of the focus seat, Escape clears the selection.
// * Only sellable seats (available, or allocated to my channel) can be selected; a seat that stops
//   being sellable leaves the selection. selectionChanged() carries the selected seat ids.
// * QAccessible: every seat is a child (SeatMapAccessible); focus moves and selection changes are
//   reported to assistive technology.

#include "SeatMapLayout.h"
#include "SeatMapModel.h"
#include "SeatMapPalette.h"
#include "SeatMapRenderer.h"

#include <QAbstractScrollArea>
#include <QImage>
#include <QList>
#include <QPointer>

#include <cstdint>
#include <memory>
#include <vector>

class QGestureEvent;
class QMenu;

namespace usher::ui {

class SeatMapAccessible;

class SeatMapWidget final : public QAbstractScrollArea {
    Q_OBJECT

public:
    // The model must outlive the widget.
    explicit SeatMapWidget(SeatMapModel& model, QWidget* parent = nullptr);
    ~SeatMapWidget() override;

    const SeatMapModel& model() const { return m_model; }
    const SeatMapLayout& layout() const { return m_layout; }

    // ---- view
    SeatMapView view() const { return m_view; }
    double scale() const { return m_view.scale; }
    double fitScale() const;
    double minimumScale() const { return fitScale() * 0.5; }
    double maximumScale() const;
    SeatMapDetail detail() const { return m_renderer.detailAt(m_view.scale); }
    void setView(double scale, QPointF center);
    void fitToVenue();
    void zoomToSection(int section);
    void zoomBy(double factor, QPointF anchorInView);
    void panBy(QPointF deltaInView);
    // Pans (and zooms in when zoomed out) so that `seat` is visible at seat level.
    void ensureSeatVisible(SeatIndex seat);

    // ---- look
    void setPaletteKind(SeatMapPalette::Kind kind);
    SeatMapPalette::Kind paletteKind() const { return m_renderer.palette().kind; }
    const SeatMapPalette& seatPalette() const { return m_renderer.palette(); }
    void setColorMode(SeatMapRenderer::ColorMode mode);
    SeatMapRenderer::ColorMode colorMode() const { return m_renderer.colorMode(); }

    // ---- hit-testing
    SeatIndex seatAt(QPointF viewPos) const;
    QRectF seatRectInView(SeatIndex seat) const { return m_renderer.seatViewRect(m_view, seat); }
    QString toolTipAt(QPointF viewPos) const;

    // ---- selection (only sellable seats; each call emits selectionChanged() once when it changed)
    bool isSelected(SeatIndex seat) const { return m_selected[seat] != 0; }
    std::size_t selectedCount() const { return m_selectedCount; }
    std::vector<SeatIndex> selectedSeats() const;
    QList<quint32> selectedSeatIds() const;
    void toggleSeat(SeatIndex seat);
    void selectRun(SeatIndex from, SeatIndex to); // within one row; other seats of the row untouched
    void selectRow(std::uint32_t row);
    void selectSection(std::uint32_t section);
    void selectInRect(const QRectF& world);
    void clearSelection();
    // Replaces the selection with the sellable ones of `seats` (one selectionChanged when it changed).
    void setSelection(const std::vector<SeatIndex>& seats);

    // ---- keyboard focus seat (kNoSeat when none)
    SeatIndex focusSeat() const { return m_focusSeat; }
    void setFocusSeat(SeatIndex seat);

    // "Stalls, row F, seat 12, Category A, 45.00 EUR, available" (the accessible name).
    QString seatDescription(SeatIndex seat) const;

    // SeatMapAccessible registers itself, so that the seat interfaces go while the map is whole.
    void setAccessibleInterface(SeatMapAccessible* accessible) { m_accessible = accessible; }

Q_SIGNALS:
    void selectionChanged(const QList<quint32>& seatIds);
    void viewChanged();
    void focusSeatChanged(quint32 seat);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    enum class Drag { None, Pending, Pan, RubberBand };

    void onSeatsChanged(const std::vector<SeatIndex>& seats);
    void onModelReset();
    void invalidateCache();
    void prepareCache();
    void patchCache();
    void markSeatDirty(SeatIndex seat);
    void updateScrollBars();
    QPointF clampCenter(QPointF center, double scale) const;
    QSize viewportSize() const;

    // Selection helpers: change without signalling; commit once.
    bool setSelected(SeatIndex seat, bool selected);
    void commitSelection(const std::vector<SeatIndex>& added, const std::vector<SeatIndex>& removed);

    void moveFocus(int key);
    SeatIndex nearestInRow(std::uint32_t row, QPointF world) const;
    void jumpSection(int direction);
    bool handleZoomKeys(QKeyEvent* event);
    bool handleSelectionKeys(QKeyEvent* event);
    bool gestureEvent(QGestureEvent* event);
    QPointF cursorAnchor() const;
    QRectF rubberBandRect() const;
    void notifyFocus();

    SeatMapModel& m_model;
    SeatMapLayout m_layout;
    SeatMapRenderer m_renderer;
    SeatMapView m_view;
    bool m_fitted = true; // follows resizes with a fitted view until the user zooms or pans

    QImage m_cache;
    SeatMapView m_cacheView;
    bool m_cacheValid = false;
    std::vector<SeatIndex> m_dirty;
    std::vector<std::uint8_t> m_dirtyFlag; // per seat: queued in m_dirty
    bool m_dirtyAll = false;
    bool m_syncingScrollBars = false;

    std::vector<std::uint8_t> m_selected; // per seat
    std::size_t m_selectedCount = 0;
    SeatIndex m_focusSeat = kNoSeat;
    SeatIndex m_anchorSeat = kNoSeat; // of shift-click runs

    SeatMapAccessible* m_accessible = nullptr;
    Drag m_drag = Drag::None;
    QPointF m_pressPos;
    QPointF m_lastPos;
    Qt::KeyboardModifiers m_pressModifiers;
};

} // namespace usher::ui
