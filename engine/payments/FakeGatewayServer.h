#pragma once

// usher-fakepay's HTTP server: a small Boost.Beast server on one thread that serves the gateway
// protocol of docs/design/payments.md from a FakeGatewayLedger, with fault injection (latency,
// declines, 5xx, late answers, hangs, a rate limit) set at start and changed at runtime through
// POST /control. Limits: connections, header and body bytes, and a read timeout per request.

#include "payments/FakeGatewayLedger.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace usher {

struct FakeGatewayServerOptions {
    std::string host = "127.0.0.1"; // an IP literal
    std::uint16_t port = 0;         // 0: the system picks one; see port()
    FakeFaults faults;
    std::uint64_t seed = 1;
    FakeGatewayLimits ledgerLimits;
    std::size_t connectionsMax = 1'024; // more are accepted and closed at once
    std::size_t bodyBytesMax = 64 * 1'024;
    std::size_t headerBytesMax = 16 * 1'024;
    std::chrono::milliseconds readTimeout { 30'000 }; // idle keep-alive or a slow request: closed
    bool handleSignals = false;                       // SIGINT and SIGTERM stop run()
};

enum class FakeServerStatus : std::uint8_t { Ok = 0, BadAddress = 1, ListenFailed = 2 };

const char* fakeServerStatusName(FakeServerStatus status);

class FakeGatewayServer {
public:
    explicit FakeGatewayServer(FakeGatewayServerOptions options);
    ~FakeGatewayServer();
    FakeGatewayServer(const FakeGatewayServer&) = delete;
    FakeGatewayServer& operator=(const FakeGatewayServer&) = delete;

    // Binds and listens; the port is known afterwards.
    FakeServerStatus listen();
    std::uint16_t port() const;
    // Serves on the calling thread until stop() (from any thread) or a handled signal.
    void run();
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace usher
