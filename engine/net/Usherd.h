#pragma once

// usherd as one object: opens the engine and the token store, loads the demo data when asked,
// starts the network edge and the API, waits for SIGTERM or SIGINT and shuts down in order.
// app/usherd/main.cpp parses arguments into UsherdOptions and calls run().

#include "net/ApiService.h"
#include "net/HttpServer.h"
#include "net/Log.h"
#include "payments/PaymentGateway.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

namespace usher::net {

struct UsherdOptions {
    std::string dataDirectory;
    // --store: empty for the embedded SQLite in dataDirectory; "postgresql://..." for PostgreSQL
    // (the engine's journal, state, orders and outbox; tokens, sync, audit and search stay in
    // dataDirectory).
    std::string store;
    // Several nodes on one PostgreSQL (net/Cluster.h): set --node-id to run as one. Each event is
    // owned by one node; the others redirect (307) to `advertiseUrl` of its owner (default
    // http://<listen host>:<bound port>). A dead node's events are taken over within about two
    // polls; a hung node's (stale heartbeat) within failoverTimeoutMs.
    std::string nodeId;
    std::string advertiseUrl;
    std::int64_t failoverTimeoutMs = 10'000;
    bool synchronousFull = true;      // fsync every commit
    bool demo = false;                // sample venues with events on sale, when the data has no events
    std::uint32_t demoLargeSeats = 0; // also a generated event with this many seats (benchmarks)
    std::string portFile;             // the bound port is written here once listening (tests, scripts)
    ServerOptions server;
    ApiOptions api;
    std::int64_t drainMs = 10'000; // at shutdown: how long purchases in flight may take
    LogLevel logLevel = LogLevel::Info;

    // Reload on SIGHUP (docs/man/usherd.8): `settings` holds every option as given, name without
    // "--" -> value ("true" for a flag), the config file's first and the command line's over them.
    // `reload` (set by main()) parses the config file and the command line again into a fresh
    // UsherdOptions; false with *error keeps the running configuration. runUsherd() applies the
    // settings that can change while running and logs every other changed one as needing a restart.
    std::map<std::string, std::string> settings;
    std::function<bool(UsherdOptions* fresh, std::string* error)> reload;
};

// Blocks SIGTERM, SIGINT and SIGHUP and ignores SIGPIPE in the calling thread; call first thing in
// main(), before any thread exists, so that every thread inherits the mask and run() can wait.
void blockTerminationSignals();

// Runs until SIGTERM or SIGINT; SIGHUP reloads (see `reload` above). Under systemd (Type=notify,
// $NOTIFY_SOCKET) it sends READY=1 once it accepts connections, RELOADING=1 and READY=1 around a
// reload and STOPPING=1 at shutdown (net/SystemdNotify.h).
// `gateway` may be null (purchases answer 503); it must outlive run().
// Returns the process exit status: 0 after a clean shutdown, 1 when start-up failed.
int runUsherd(const UsherdOptions& options, PaymentGateway* gateway);

// `usherd token create`: prints a new token on stdout. Returns the exit status.
int createToken(const std::string& dataDirectory, const std::string& role, const std::string& name);
// `usherd token create --role device --name N --channel C`: a device token that is also enrolled
// for the box office sync (<data>/usherd-sync.db). Refuses, clearly, while an usherd runs on the
// data directory (it holds the sync store): POST /api/devices enrols through the running server.
int enrolDevice(const std::string& dataDirectory, const std::string& name, std::uint32_t channel);

} // namespace usher::net
