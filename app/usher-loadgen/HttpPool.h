#pragma once

// A bounded pool of keep-alive HTTP/1.1 connections to one server, driven by the Qt event loop of
// the calling thread (no thread per connection, none per request). Calls wait in two FIFO queues:
// `Priority::High` first (real users: their heartbeats must not wait behind a bot flood), then
// `Priority::Low`, which is bounded (a full low queue sheds the call, answered with status -1 at
// once). A free connection takes the next call; one call per connection at a time. A connection
// that drops re-sends its call (at most twice) on a fresh connection.

#include <QByteArray>
#include <QHostAddress>
#include <QObject>

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

class QTcpSocket;

namespace usher::loadgen {

struct HttpCall {
    QByteArray method;
    QByteArray path;
    QByteArray headers; // extra header lines, each "Name: value\r\n"
    QByteArray body;
    std::uint32_t user = 0; // who asked (the caller's own index)
    std::uint8_t step = 0;  // what for (the caller's own code)
    std::uint8_t resends = 0;
};

struct HttpAnswer {
    int status = 0; // 0: no answer (the connection failed); -1: shed (the low queue was full)
    QByteArray body;
};

class HttpPool {
public:
    enum class Priority : std::uint8_t { High = 0, Low = 1 };
    using Done = std::function<void(const HttpCall& call, HttpAnswer&& answer)>;

    HttpPool(const QHostAddress& host, quint16 port, int connections, std::size_t lowQueueMax, Done done);
    ~HttpPool();
    HttpPool(const HttpPool&) = delete;
    HttpPool& operator=(const HttpPool&) = delete;

    void send(HttpCall call, Priority priority);
    std::size_t queued() const { return m_high.size() + m_low.size(); }
    std::size_t busy() const { return m_busy; }
    std::uint64_t requests() const { return m_requests; }
    std::uint64_t reconnects() const { return m_reconnects; }
    std::uint64_t shed() const { return m_shed; }

private:
    struct Connection;
    void connect(Connection& c);
    void pump();
    void write(Connection& c);
    void readable(Connection& c);
    void lost(Connection& c);
    void finish(Connection& c, HttpAnswer&& answer, bool closeAfter);

    QObject m_context; // owns the reconnect timers
    QHostAddress m_host;
    quint16 m_port;
    std::size_t m_lowQueueMax;
    Done m_done;
    std::vector<std::unique_ptr<Connection>> m_connections;
    std::deque<HttpCall> m_high;
    std::deque<HttpCall> m_low;
    std::size_t m_busy = 0;
    std::uint64_t m_requests = 0;
    std::uint64_t m_reconnects = 0;
    std::uint64_t m_shed = 0;
};

} // namespace usher::loadgen
