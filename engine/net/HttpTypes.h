#pragma once

// The network edge's own request and response types. Only HttpServer.cpp sees Boost.Beast; the
// API layer works on these plain structs, so that it compiles quickly and can be unit-tested
// without sockets.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace usher::net {

struct HttpRequest {
    std::string method;                                       // "GET", "POST"...
    std::string target;                                       // as sent: path and query
    std::string path;                                         // target before '?'
    std::string query;                                        // target after '?', without it
    std::vector<std::pair<std::string, std::string>> headers; // names in lower case
    std::string body;
    std::string remote; // peer address, for logs
    std::uint64_t connection = 0;
    std::int64_t receivedNs = 0; // steady clock, for latency metrics

    // The first header named `lowerName`, or an empty view.
    std::string_view header(std::string_view lowerName) const
    {
        for (const auto& [name, value] : headers)
            if (name == lowerName)
                return value;
        return {};
    }
    // A query parameter's raw value (not percent-decoded), or an empty view.
    std::string_view queryParameter(std::string_view name) const;
};

struct HttpResponse {
    int status = 200;
    const char* contentType = "application/json"; // a literal (static storage); null or "" for none
    std::string body;
    // A body shared with a cache (availability, event JSON): when set it is sent instead of `body`,
    // straight from the cache, without a copy.
    std::shared_ptr<const std::string> sharedBody;
    std::vector<std::pair<std::string, std::string>> headers; // extra headers
    // Extra header lines already formatted ("Name: value\r\n" each), written as they are after
    // `headers`: for hot paths (availability: ETag, Cache-Control), one string instead of a vector
    // of pairs. The producer guarantees well-formed lines without a stray CR or LF.
    std::string headerLines;
    bool close = false; // close the connection after this response
};

// Delivers the response to one request. Thread-safe and callable from any thread, at most once;
// when the connection is gone by then, the response is dropped. A Reply that is destroyed without
// being sent answers 500 (a bug, logged), so that a pipelined connection never stalls.
class ReplySink {
public:
    virtual ~ReplySink() = default;
    virtual void deliver(std::uint32_t slot, HttpResponse&& response) = 0;
};

class Reply {
public:
    Reply() = default;
    Reply(std::shared_ptr<ReplySink> sink, std::uint32_t slot)
        : m_state(std::make_shared<State>(std::move(sink), slot))
    {
    }
    void send(HttpResponse&& response) const;
    bool valid() const { return m_state != nullptr; }

private:
    struct State {
        State(std::shared_ptr<ReplySink> s, std::uint32_t n)
            : sink(std::move(s))
            , slot(n)
        {
        }
        ~State();
        std::shared_ptr<ReplySink> sink;
        std::uint32_t slot;
        std::atomic<bool> sent { false };
    };
    std::shared_ptr<State> m_state;
};

// A network thread of HttpServer, for handlers that batch what one thread reads in one round:
// handle() runs on such a thread, and a job posted to it from that thread runs once the thread has
// handled every request that was ready (the end of its round). Valid until its HttpServer is
// destroyed.
class NetworkThread {
public:
    virtual ~NetworkThread() = default;
    // The calling thread's, or null when the calling thread is not a network thread.
    static NetworkThread* current();
    // Runs `job` on this thread after the handlers that are ready now. Thread-safe. Dropped
    // (destroyed without running) once the server has stopped.
    virtual void post(std::function<void()> job) = 0;

protected:
    static void setCurrent(NetworkThread* thread); // by the thread itself, before it runs
};

class HttpHandler {
public:
    virtual ~HttpHandler() = default;
    // Called on a network thread. Must not block: hand slow work elsewhere and send() later.
    virtual void handle(HttpRequest&& request, Reply reply) = 0;
};

// One WebSocket client, as the application sees it.
class WsConnection {
public:
    virtual ~WsConnection() = default;
    virtual std::uint64_t id() const = 0;
    // Queues a text message. Thread-safe, never blocks. Returns false (and closes the connection)
    // when the client's bounded send buffer is full: a slow consumer is dropped, never waited for.
    virtual bool send(std::shared_ptr<const std::string> message) = 0;
    virtual void close() = 0;
};
using WsConnectionPtr = std::shared_ptr<WsConnection>;

// Sends one message to many WebSocket clients, as send() would (a client over its buffer is
// dropped), with one hand-off per network thread instead of one per client: a delta to 10,000
// subscribers costs two posts, not 10,000.
class WsBroadcaster {
public:
    virtual ~WsBroadcaster() = default;
    // Returns how many clients took the message.
    virtual std::size_t broadcast(const std::vector<WsConnectionPtr>& to,
                                  const std::shared_ptr<const std::string>& message)
        = 0;
};

class WsHandler {
public:
    virtual ~WsHandler() = default;
    virtual void opened(const WsConnectionPtr& connection, const HttpRequest& upgrade) = 0;
    virtual void message(const WsConnectionPtr& connection, std::string&& text) = 0;
    virtual void closed(const WsConnectionPtr& connection) = 0;
};

} // namespace usher::net
