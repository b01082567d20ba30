#pragma once

// Paints a venue and its seat states for one view (scale and centre), by level of detail:
//
//   seat side on screen  what is drawn
//   < 4 px               sections as filled shapes, coloured by the share of seats I can sell
//   >= 4 px              every seat as a square, batched by colour; sections as light outlines
//   >= 9 px              + a mark per state (colour is never the only cue), row letters
//   >= 13 px             + rotated seat shapes, backrests, anti-aliased marks
//   >= 20 px             + seat numbers
//
// Stateless between calls apart from reusable scratch buffers; the widget, the minimap, the tests
// and the benchmark all paint through it.

#include "SeatMapLayout.h"
#include "SeatMapModel.h"
#include "SeatMapPalette.h"

#include <QFont>
#include <QLineF>
#include <QPainterPath>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QTransform>

#include <array>
#include <cstdint>
#include <span>
#include <vector>

class QPainter;

namespace usher::ui {

enum class SeatMapDetail : std::uint8_t { Sections = 0, Seats = 1, Marks = 2, Shapes = 3, Numbers = 4 };

struct SeatMapView {
    double scale = 1; // logical pixels per world unit
    QPointF center;   // world point at the middle of the viewport
    QSizeF viewport;  // logical pixels

    QTransform worldToView() const;
    QPointF toView(QPointF world) const
    {
        return { (world.x() - center.x()) * scale + viewport.width() / 2,
                 (world.y() - center.y()) * scale + viewport.height() / 2 };
    }
    QPointF toWorld(QPointF view) const
    {
        return { (view.x() - viewport.width() / 2) / scale + center.x(),
                 (view.y() - viewport.height() / 2) / scale + center.y() };
    }
    QRectF worldRect(const QRectF& viewRect) const
    {
        return QRectF(toWorld(viewRect.topLeft()), toWorld(viewRect.bottomRight()));
    }
    QRectF viewRect(const QRectF& worldRect) const
    {
        return QRectF(toView(worldRect.topLeft()), toView(worldRect.bottomRight()));
    }
    friend bool operator==(const SeatMapView&, const SeatMapView&) = default;
};

class SeatMapRenderer {
public:
    enum class ColorMode { State, Category };
    static constexpr double kSeatsFromPx = 4;
    static constexpr double kMarksFromPx = 9;
    static constexpr double kShapesFromPx = 13;
    static constexpr double kNumbersFromPx = 20;

    SeatMapRenderer(const SeatMapLayout& layout, const SeatMapModel& model);

    void setPalette(const SeatMapPalette& palette) { m_palette = palette; }
    const SeatMapPalette& palette() const { return m_palette; }
    void setColorMode(ColorMode mode) { m_colorMode = mode; }
    ColorMode colorMode() const { return m_colorMode; }
    // Per seat, non-zero when selected (owned by the caller; may be null).
    void setSelection(const std::vector<std::uint8_t>* selected) { m_selected = selected; }

    SeatMapDetail detailAt(double scale) const;

    // Paints everything in `clip` (view coordinates) on a painter whose coordinates are the view's.
    void render(QPainter& painter, const SeatMapView& view, const QRectF& clip);
    // Repaints just these seats over what render() drew (same view): clears each seat's footprint
    // to the section background and draws it again. Only valid at SeatMapDetail::Seats and above.
    void renderSeats(QPainter& painter, const SeatMapView& view, std::span<const SeatIndex> seats);
    // The view rectangle a seat occupies (with its mark, selection and anti-aliasing), for updates.
    QRectF seatViewRect(const SeatMapView& view, SeatIndex seat) const;

    // A seat in `state` drawn into `rect` exactly as the map draws it (for the legend).
    static void drawSwatch(QPainter& painter, const QRectF& rect, SeatMapState state, const SeatMapPalette& palette,
                           bool selected = false);

private:
    struct Batch {
        std::vector<QRectF> rects;
        std::vector<QLineF> lines;
    };

    void renderBackground(QPainter& painter, const SeatMapView& view, const QRectF& worldClip, SeatMapDetail detail);
    void renderSectionsZoomedOut(QPainter& painter, const SeatMapView& view, const QRectF& worldClip);
    void renderSeatsIn(QPainter& painter, const SeatMapView& view, const QRectF& worldClip, SeatMapDetail detail);
    void renderRowLabels(QPainter& painter, const SeatMapView& view, const QRectF& worldClip);
    void renderSectionLabels(QPainter& painter, const SeatMapView& view, const QRectF& worldClip, SeatMapDetail detail);
    void renderAreas(QPainter& painter, const SeatMapView& view, const QRectF& worldClip, SeatMapDetail detail);
    void collectSeat(SeatIndex seat, const SeatMapView& view, SeatMapDetail detail);
    void flush(QPainter& painter, const SeatMapView& view, SeatMapDetail detail);
    int fillSlot(SeatIndex seat) const;
    QColor slotColor(int slot) const;

    const SeatMapLayout& m_layout;
    const SeatMapModel& m_model;
    SeatMapPalette m_palette = SeatMapPalette::standard();
    ColorMode m_colorMode = ColorMode::State;
    const std::vector<std::uint8_t>* m_selected = nullptr;

    // Scratch, reused between frames: one batch per fill colour (states, then selection, then
    // categories) and one per mark colour.
    std::vector<Batch> m_fills;
    std::array<std::vector<QLineF>, kSeatMapStateCount + 1> m_marks;
    std::vector<QLineF> m_backrests;
    std::vector<QPainterPath> m_shapes; // per fill slot: rotated seats
    std::vector<SeatIndex> m_numbered;
};

} // namespace usher::ui
