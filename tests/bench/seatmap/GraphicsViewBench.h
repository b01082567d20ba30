#pragma once

// The alternative the seat map was measured against: the same venue as a QGraphicsScene with one
// item per seat (BSP index, as the Qt chip demo does it) in a QGraphicsView. Adds its figures to
// `table`; returns false when a correctness check failed.

#include "BenchTable.h"

#include <cstdint>

namespace usher::bench {

bool runGraphicsViewBench(std::uint32_t seats, int frames, int width, int height, BenchTable& table);

} // namespace usher::bench
