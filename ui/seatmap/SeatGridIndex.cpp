#include "SeatGridIndex.h"

#include "core/Assert.h"

#include <algorithm>
#include <cmath>

namespace usher::ui {

namespace {
constexpr std::int64_t kCellsMax = 4'000'000; // 16 MB of cell starts at most, whatever the venue
}

void SeatGridIndex::build(std::span<const float> x, std::span<const float> y, const QRectF& bounds, double cellSize)
{
    USHER_ASSERT(x.size() == y.size() && cellSize > 0);
    m_bounds = bounds;
    m_cellSize = cellSize;
    auto cellsFor = [&bounds](double size) {
        return std::int64_t(std::ceil(bounds.width() / size) + 1) * std::int64_t(std::ceil(bounds.height() / size) + 1);
    };
    while (cellsFor(m_cellSize) > kCellsMax)
        m_cellSize *= 2;
    m_columns = std::max(1, int(std::ceil(bounds.width() / m_cellSize)) + 1);
    m_rows = std::max(1, int(std::ceil(bounds.height() / m_cellSize)) + 1);
    const std::size_t cells = std::size_t(m_columns) * std::size_t(m_rows);
    m_cellStart.assign(cells + 1, 0);
    std::vector<std::uint32_t> cellOf(x.size());
    for (std::size_t s = 0; s < x.size(); ++s) {
        cellOf[s] = std::uint32_t(row(y[s]) * m_columns + column(x[s]));
        ++m_cellStart[cellOf[s] + 1];
    }
    for (std::size_t c = 0; c < cells; ++c)
        m_cellStart[c + 1] += m_cellStart[c];
    m_seats.assign(x.size(), 0);
    std::vector<std::uint32_t> fill(m_cellStart.begin(), m_cellStart.end() - 1);
    for (std::size_t s = 0; s < x.size(); ++s)
        m_seats[fill[cellOf[s]]++] = std::uint32_t(s);
    m_seats.shrink_to_fit();
}

int SeatGridIndex::column(double x) const
{
    const double c = std::floor((x - m_bounds.left()) / m_cellSize);
    return int(std::clamp(c, 0.0, double(m_columns - 1)));
}

int SeatGridIndex::row(double y) const
{
    const double r = std::floor((y - m_bounds.top()) / m_cellSize);
    return int(std::clamp(r, 0.0, double(m_rows - 1)));
}

} // namespace usher::ui
