#pragma once

// `usher-bench http --ceiling`: what loopback HTTP/1.1 allows on this machine, whatever usherd does.
// A child process serves a trivial keep-alive handler with Boost.Beast on the same threading as
// usherd (one io_context per network thread, connections spread round robin), answering from
// prebuilt bytes: no routing, no JSON, no engine. The benchmark drives it with the same clients and
// requests as usherd, so the difference between the two is usherd's own work.

#include <cstddef>
#include <cstdint>
#include <sys/types.h>

namespace usher::bench {

// What the trivial handler answers (each a complete response with the headers usherd sends):
// GET with If-None-Match -> 304; GET -> 200 with a JSON body of kCeilingBodyBytes (the size of the
// demo theatre's availability body); POST -> 201 with a hold-sized JSON body.
constexpr std::size_t kCeilingBodyBytes = 680;

// Forks the server with `threads` network threads on 127.0.0.1, a free port. Returns false when it
// did not start. The child runs until SIGTERM (or its parent dies).
bool startCeilingServer(int threads, pid_t* pid, std::uint16_t* port);

} // namespace usher::bench
