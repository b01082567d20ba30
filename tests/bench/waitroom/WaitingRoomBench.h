#pragma once

// `usher-bench waitroom`: the waiting room in process. 1,000,000 queued sessions: memory, joins/s,
// the cost of a position query (a heartbeat) and of a tick; the drain's precision at 50, 200 and
// 1,000 users/s (in simulated time, and on the wall clock with usherd's ticker thread); the cost of
// admission tokens and proofs of work.

#include <string_view>
#include <vector>

namespace usher::bench {

int runWaitingRoomBenchCommand(const std::vector<std::string_view>& arguments);

} // namespace usher::bench
