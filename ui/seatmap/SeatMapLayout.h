#pragma once

// The venue's geometry as the seat map needs it, computed once per venue: compact seat positions,
// the seat size, section outlines (given, or derived from the seats), label anchors for sections
// and rows, the bounds, and the grid index for hit-testing. World units are the venue's (about a
// metre; y grows away from the stage).

#include "SeatGridIndex.h"
#include "venue/Venue.h"

#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QString>

#include <vector>

namespace usher::ui {

class SeatMapLayout {
public:
    struct Section {
        QPolygonF outline;   // closed polygon
        QRectF bounds;       // of the outline
        QPointF labelAnchor; // centre of the label, just in front of the section
        QString name;
    };
    struct RowLabel {
        QPointF start;         // before the first seat, along the row
        QPointF end;           // after the last seat
        bool showStart = true; // false where the label would crowd another row's label or seats
        bool showEnd = true;
    };

    explicit SeatMapLayout(const Venue& venue);

    const Venue& venue() const { return m_venue; }
    QRectF bounds() const { return m_bounds; }
    float seatSize() const { return m_seatSize; } // side of a seat's square
    float pitch() const { return m_pitch; }       // typical distance between neighbours in a row
    float x(SeatIndex s) const { return m_x[s]; }
    float y(SeatIndex s) const { return m_y[s]; }
    float rotation(SeatIndex s) const { return m_rotation[s]; } // degrees clockwise
    QPointF position(SeatIndex s) const { return { m_x[s], m_y[s] }; }
    QRectF seatRect(SeatIndex s) const; // axis-aligned square around the seat (ignores rotation)
    const std::vector<Section>& sections() const { return m_sections; }
    const std::vector<QPolygonF>& areaOutlines() const { return m_areas; }
    const QPolygonF& stageOutline() const { return m_stage; }
    const RowLabel& rowLabel(std::uint32_t row) const { return m_rowLabels[row]; }
    const SeatGridIndex& grid() const { return m_grid; }

    // The seat under `world`, or kNoSeat. A seat is its (rotated) square.
    SeatIndex seatAt(QPointF world) const;
    // The section whose outline contains `world`, or -1; the same for standing areas.
    int sectionAt(QPointF world) const;
    int areaAt(QPointF world) const;
    // Seats whose centre lies in `world`, in SeatIndex order.
    std::vector<SeatIndex> seatsIn(const QRectF& world) const;

    std::size_t memoryBytes() const;

private:
    void buildSeats();
    void buildSections();
    void buildRowLabels();
    void thinRowLabels();
    void placeSectionLabels();

    const Venue& m_venue;
    std::vector<float> m_x;
    std::vector<float> m_y;
    std::vector<float> m_rotation;
    float m_pitch = 1;
    float m_seatSize = 0.8f;
    std::vector<Section> m_sections;
    std::vector<QPolygonF> m_areas;
    QPolygonF m_stage;
    std::vector<RowLabel> m_rowLabels;
    QRectF m_bounds;
    SeatGridIndex m_grid;
};

} // namespace usher::ui
