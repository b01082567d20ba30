#pragma once

// `usher-bench http`: usherd over loopback. Starts an usherd child process with the demo events
// and a generated 100,000-seat event, then measures with its own epoll clients (no Beast: they
// must cost the server's two cores as little as possible):
//   * hold requests/s with p50/p99 latency, for 64 and 1,000 keep-alive clients
//   * cached availability GETs/s (200 with the body, and 304 with If-None-Match)
//   * WebSocket fan-out: time from a hold request to the delta's arrival at the last of N
//     subscribers, p50/p99 over a series of seat changes

#include <string_view>
#include <vector>

namespace usher::bench {

int runHttpBenchCommand(const std::vector<std::string_view>& arguments);

} // namespace usher::bench
