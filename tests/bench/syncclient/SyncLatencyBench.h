#pragma once

// usher-bench sync-latency: how long a seat change on central takes to reach the box office's model
// of central's seats (CentralSeatFeed over usherd's /ws) and, when the GUI is built, the counter's
// seat map (CentralSeatOverlay -> SeatMapModel), measured on a real usherd over loopback.

#include <string_view>
#include <vector>

namespace usher::bench {

int runSyncLatencyBenchCommand(const std::vector<std::string_view>& arguments);

} // namespace usher::bench
