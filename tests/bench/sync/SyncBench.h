#pragma once

// `usher-bench sync`: a box office's offline backlog uploaded to central (issue 6). Starts a real
// usherd on loopback with a generated event, enrols a device, grants it the seats, lets a
// SyncBoxOffice (real SQLite outbox, local engine) sell them one sale per seat while offline, then
// connects over a QWebSocket to /sync and measures the time until central has acknowledged every
// op. Prints ops/s per run and the median.

#include <string_view>
#include <vector>

namespace usher::bench {

int runSyncBenchCommand(const std::vector<std::string_view>& arguments);

} // namespace usher::bench
