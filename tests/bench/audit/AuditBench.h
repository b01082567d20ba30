#pragma once

// `usher-bench audit`: the audit-log browser's engine side at 10,000,000 journal records.
//
// The journal is generated through the real engine path: a Ledger executes a seeded onsale
// (best-available and bot holds on a sold-out arena, sales by buyers and clerks, releases,
// payments, refunds, expiries: most late records are refusals, as in a real flash sale) and
// SqliteStorage commits its batches into usher.db. The AuditIndex then catches up with that
// journal as the app does. Both are kept in --dir and reused when they already hold the same
// workload. Then: page fetches (newest, random, backwards, live tail) and every filter of the
// browser (first page), capped counts, and time-travel replays, each as p50/p99 of wall time and
// the mean CPU time per operation (the machine may be shared: CPU time is the steadier figure).

#include <string_view>
#include <vector>

namespace usher::bench {

int runAuditBenchCommand(const std::vector<std::string_view>& arguments);

} // namespace usher::bench
