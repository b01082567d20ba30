#pragma once

// `usher-bench pg --http`: HTTP hold requests/s through nginx in front of three usherd nodes on one
// PostgreSQL, compared with one usherd node on the same PostgreSQL alone (issue 9). Each phase has
// its own database on a private PostgreSQL (fsync on) and the demo events; the nodes of the
// cluster phase share one token store and place the events on the hash ring. nginx runs as a child
// process with the packaged config (packaging/nginx/usherd-cluster.conf; tests/support/PgClusterNginx),
// and follows the nodes' 307s to the owners itself. Keep-alive clients (tests/bench/http's epoll
// LoadClient) hold one random seat of a random demo event per request; an answer from the owner
// (201, or 409 for a seat already held) counts. Also: usherd's CPU time per request (all nodes).
// Then the failover phase: three nodes on their own database (no nginx); one client holds a fresh
// seat of one event every 5 ms through a node that does not own it (following the 307s); the
// owner is SIGKILLed; measured: the time from the kill (the process gone) to the first 201. Each
// run kills the owner again (restarted in between, placement settled); fails if no hold succeeds
// within 15 s of a kill.

#include <string>

namespace usher::bench {

struct PgHttpBenchOptions {
    double seconds = 10;
    std::size_t connections = 64;
    int runs = 3;
    std::string nginxConfig; // the packaged config
    bool failoverOnly = false; // just the failover phase
};

// Prints the table; 0 when measured, 1 on a failure.
int runPgHttpBench(const PgHttpBenchOptions& options);

} // namespace usher::bench
