#pragma once

// `usher-bench pg --http`: HTTP hold requests/s through nginx in front of three usherd nodes on one
// PostgreSQL, compared with one usherd node on the same PostgreSQL alone (issue 9). Each phase has
// its own database on a private PostgreSQL (fsync on) and the demo events; the nodes of the
// cluster phase share one token store and place the events on the hash ring. nginx runs as a child
// process with the packaged config (packaging/nginx/usherd-cluster.conf; tests/support/PgClusterNginx),
// and follows the nodes' 307s to the owners itself. Keep-alive clients (tests/bench/http's epoll
// LoadClient) hold one random seat of a random demo event per request; an answer from the owner
// (201, or 409 for a seat already held) counts. Also: usherd's CPU time per request (all nodes).

#include <string>

namespace usher::bench {

struct PgHttpBenchOptions {
    double seconds = 10;
    std::size_t connections = 64;
    int runs = 3;
    std::string nginxConfig; // the packaged config
};

// Prints the table; 0 when measured, 1 on a failure.
int runPgHttpBench(const PgHttpBenchOptions& options);

} // namespace usher::bench
