#pragma once

// `usher-bench seatmap`: the seat-map widget at 1920x1080 with 100,000 seats, fitted and zoomed in:
// repaint time (median and p99), a full re-render after a zoom, a pan frame, hit-test time, the time
// to apply and paint 10,000 state changes, memory per seat; then the same scene as a QGraphicsView
// (one item per seat, BSP index) for comparison. Prints a table; exit 1 when a correctness check
// fails (a hit-test answers the wrong seat, a changed seat is not painted in its new colour).

#include <cstdio>
#include <string>
#include <vector>

namespace usher::bench {

// `arguments` are the ones after "seatmap". Returns the process exit status.
int runSeatMapBench(const std::vector<std::string>& arguments, std::FILE* out, std::FILE* err);

} // namespace usher::bench
