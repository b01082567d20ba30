#pragma once

// usherd's network edge: HTTP/1.1 and WebSocket on one port, optionally over TLS, on Boost.Beast.
// This header keeps Beast out of its users; HttpServer.cpp is the only translation unit that
// includes it (one Beast TU costs ~8 s to compile here).
//
// Threads: `threads` io_contexts, each run by one thread; the listener hands each accepted socket
// to the next context, so a connection lives on one thread and needs no strand. Replies and
// WebSocket sends from other threads are posted to the connection's context.
//
// Pipelining: a connection keeps reading while earlier requests are being answered (up to
// `pipelineMax` outstanding) and writes the responses strictly in request order.

#include "net/HttpTypes.h"

#include <cstdint>
#include <memory>
#include <string>

namespace usher::net {

struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080; // 0: any free port (see HttpServer::port())
    unsigned threads = 2;

    std::size_t connectionsMax = 20'000;    // beyond: 503 and close
    std::size_t headerBytesMax = 16 * 1024; // beyond: 431
    std::size_t bodyBytesMax = 1 << 20;     // beyond: 413
    std::uint32_t headerTimeoutMs = 10'000; // from the first byte of a request to its last header
    std::uint32_t idleTimeoutMs = 60'000;   // keep-alive connection with nothing outstanding
    std::uint32_t bodyTimeoutMs = 30'000;   // reading a body
    std::uint32_t writeTimeoutMs = 30'000;  // writing one response (a client that stops reading)
    std::size_t pipelineMax = 16;           // requests read ahead of their responses

    std::string wsPath = "/ws";
    std::size_t wsMessageBytesMax = 64 * 1024; // incoming message
    std::size_t wsQueueBytesMax = 8u << 20;    // outgoing buffer per client; full: dropped
    std::size_t wsQueueMessagesMax = 16'384;

    // The box office sync endpoint (docs/sync-protocol.md), served when setSyncHandler() was called.
    std::string syncPath = "/sync";
    std::size_t syncMessageBytesMax = 1 << 20; // kSyncMessageBytesMax

    std::string tlsCertificateFile; // PEM chain; with tlsKeyFile enables https/wss on the port
    std::string tlsKeyFile;
};

struct ServerStats {
    std::int64_t connections = 0; // open HTTP and WebSocket connections
    std::int64_t wsClients = 0;
    std::uint64_t accepted = 0;
    std::uint64_t rejected = 0;    // over connectionsMax
    std::uint64_t timeouts = 0;    // closed by a header, body, idle or write timeout
    std::uint64_t badRequests = 0; // unparsable, too large
    std::uint64_t wsDropped = 0;   // slow WebSocket consumers dropped
};

class HttpServer final : public WsBroadcaster {
public:
    HttpServer(const ServerOptions& options, HttpHandler& http, WsHandler& ws);
    ~HttpServer() override;
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // The handler of WebSocket upgrades on options.syncPath; call before start().
    void setSyncHandler(WsHandler* handler);
    // Closes a WebSocket connection of this server once every message queued for it is sent (a
    // protocol error, then the close). Thread-safe.
    void closeWhenSent(const WsConnectionPtr& connection);
    // Binds, listens and starts the threads. False with *error (address in use, bad certificate).
    bool start(std::string* error);
    std::uint16_t port() const; // the bound port, once started
    bool tls() const;
    // Stops accepting; open connections go on.
    void stopAccepting();
    // Stops the threads. Replies still held elsewhere are dropped when sent. Call after everything
    // that might send has stopped (the engine, the payment client); the contexts live on until
    // the destructor, so late replies are safe.
    void stop();
    ServerStats stats() const;
    // WsBroadcaster: thread-safe; `to` must hold connections of this server only.
    std::size_t broadcast(const std::vector<WsConnectionPtr>& to,
                          const std::shared_ptr<const std::string>& message) override;

    struct Impl; // HttpServer.cpp only; public so that its session classes can name it

private:
    std::unique_ptr<Impl> m_impl;
};

} // namespace usher::net
