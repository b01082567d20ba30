#pragma once

// `usher-bench pg`: the durable engine on PostgreSQL (issue 9). Single-seat holds, then confirms
// of those holds, through EventShard::submit into the group-committing Committer and PgStorage
// (one transaction per group, one libpq pipeline), the same shape as the durable phase of
// `usher-bench engine`: two submitters, requests of 256 commands, 64 requests in flight each.
// The server is a private throw-away cluster (tests/support/PgCluster, fsync on) unless --store
// names one. Compared with the PostgreSQL baselines measured on the design machine
// (../shared/DESIGN.md): SELECT ... FOR UPDATE 3.4K TPS, optimistic UPDATE 9-11K TPS; the target is
// 10x the optimistic baseline, 100K/s.

#include <string_view>
#include <vector>

namespace usher::bench {

int runPgBenchCommand(const std::vector<std::string_view>& arguments);

} // namespace usher::bench
