#pragma once

// A uniform grid over seat centres: hit-testing and "which seats are in this rectangle" in time
// proportional to the seats near the query, not to the venue. Seats never move, so the grid is
// built once, as two flat arrays (compressed rows: cell -> range of seat indexes), about 4 bytes
// per seat plus 4 per cell.

#include "core/Types.h"

#include <QRectF>

#include <cstdint>
#include <span>
#include <vector>

namespace usher::ui {

class SeatGridIndex {
public:
    // `x`, `y`: seat centres by SeatIndex. `cellSize` in world units (a few seat pitches).
    void build(std::span<const float> x, std::span<const float> y, const QRectF& bounds, double cellSize);

    // Calls f(SeatIndex) for every seat whose centre lies in a cell touching `rect` (a superset of
    // the seats whose centre is in `rect`; callers that need exactness check the position).
    template <typename F>
    void forEachInRect(const QRectF& rect, F&& f) const
    {
        if (m_columns == 0)
            return;
        const int c0 = column(rect.left()), c1 = column(rect.right());
        const int r0 = row(rect.top()), r1 = row(rect.bottom());
        for (int r = r0; r <= r1; ++r) {
            const std::size_t base = std::size_t(r) * std::size_t(m_columns);
            const std::uint32_t begin = m_cellStart[base + std::size_t(c0)];
            const std::uint32_t end = m_cellStart[base + std::size_t(c1) + 1];
            for (std::uint32_t i = begin; i < end; ++i)
                f(SeatIndex(m_seats[i]));
        }
    }

    double cellSize() const { return m_cellSize; }
    int columns() const { return m_columns; }
    int rows() const { return m_rows; }
    std::size_t memoryBytes() const { return (m_cellStart.capacity() + m_seats.capacity()) * sizeof(std::uint32_t); }

private:
    int column(double x) const;
    int row(double y) const;

    QRectF m_bounds;
    double m_cellSize = 1;
    int m_columns = 0;
    int m_rows = 0;
    std::vector<std::uint32_t> m_cellStart; // cells + 1 entries, row-major
    std::vector<std::uint32_t> m_seats;     // seat indexes, grouped by cell
};

} // namespace usher::ui
