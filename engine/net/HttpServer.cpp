#include "net/HttpServer.h"

#include "net/Log.h"

// GCC 12 reports -Wnull-dereference from asio's scheduler after inlining, at locations inside the
// Boost headers that the SYSTEM include does not silence. Our own code is checked in every other
// translation unit.
#pragma GCC diagnostic ignored "-Wnull-dereference"

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <cctype>
#include <charconv>
#include <chrono>
#include <deque>
#include <exception>
#include <optional>
#include <thread>
#include <type_traits>
#include <vector>

namespace usher::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;
using BeastRequest = http::request<http::string_body>;

namespace {

std::int64_t steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::string errorBody(std::string_view code, std::string_view message)
{
    std::string body = R"({"error":{"code":")";
    body.append(code).append(R"(","message":")").append(message).append("\"}}");
    return body;
}

bool isHttpError(const beast::error_code& ec)
{
    return ec.category() == make_error_code(http::error::bad_method).category();
}

} // namespace

// One io_context's thread, as handlers see it (HttpTypes.h).
class ContextThread final : public NetworkThread {
public:
    explicit ContextThread(asio::io_context& context)
        : m_context(context)
    {
    }
    void post(std::function<void()> job) override { asio::post(m_context, std::move(job)); }
    void run()
    {
        setCurrent(this);
        for (;;) {
            try {
                m_context.run();
                break;
            } catch (const std::exception& e) {
                LogLine(LogLevel::Error, "exception in network thread").str("error", e.what());
            }
        }
        setCurrent(nullptr);
    }

private:
    asio::io_context& m_context;
};

struct HttpServer::Impl {
    Impl(const ServerOptions& o, HttpHandler& h, WsHandler& w)
        : options(o)
        , http(h)
        , ws(w)
    {
    }
    ~Impl();

    void doAccept();
    void onAccept(const beast::error_code& ec, tcp::socket socket, std::size_t context);
    void startSession(tcp::socket socket, std::size_t context);

    const ServerOptions options;
    HttpHandler& http;
    WsHandler& ws;
    WsHandler* sync = nullptr; // options.syncPath

    std::atomic<std::int64_t> connections { 0 };
    std::atomic<std::int64_t> wsClients { 0 };
    std::atomic<std::uint64_t> accepted { 0 };
    std::atomic<std::uint64_t> rejected { 0 };
    std::atomic<std::uint64_t> timeouts { 0 };
    std::atomic<std::uint64_t> badRequests { 0 };
    std::atomic<std::uint64_t> wsDropped { 0 };
    std::atomic<std::uint64_t> nextConnection { 1 };
    std::atomic<std::size_t> nextContext { 0 };

    std::unique_ptr<ssl::context> tlsContext;
    std::vector<std::unique_ptr<asio::io_context>> contexts;
    std::vector<std::unique_ptr<ContextThread>> contextThreads; // one per context
    std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards;
    std::vector<std::thread> threads;
    std::unique_ptr<tcp::acceptor> acceptor;
    std::unique_ptr<asio::steady_timer> acceptRetry;
    std::uint16_t boundPort = 0;
    bool started = false;
    bool stopped = false;
};

namespace {

HttpRequest toRequest(BeastRequest& message, std::uint64_t connection, const std::string& remote)
{
    HttpRequest request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    const std::size_t question = request.target.find('?');
    request.path = request.target.substr(0, question);
    if (question != std::string::npos)
        request.query = request.target.substr(question + 1);
    std::size_t fields = 0;
    for (auto it = message.begin(); it != message.end(); ++it)
        ++fields;
    request.headers.reserve(fields); // one allocation, not one per doubling
    for (const auto& field : message) {
        std::string name(field.name_string());
        for (char& c : name)
            c = char(std::tolower(static_cast<unsigned char>(c)));
        request.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    request.body = std::move(message.body());
    request.remote = remote;
    request.connection = connection;
    request.receivedNs = steadyNs();
    return request;
}

// "HTTP/1.1 200 OK\r\nServer: usherd\r\n", made once per status code (100 to 599; empty beyond).
std::string_view statusLines(unsigned status)
{
    static const std::vector<std::string> lines = [] {
        std::vector<std::string> all(600);
        for (unsigned code = 100; code < all.size(); ++code)
            all[code] = "HTTP/1.1 " + std::to_string(code) + " "
                + std::string(http::obsolete_reason(http::int_to_status(code))) + "\r\nServer: usherd\r\n";
        return all;
    }();
    return status < lines.size() ? std::string_view(lines[status]) : std::string_view();
}

void appendNumber(std::string& out, std::size_t value)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, std::size_t(end - digits));
}

// One HTTP/1.1 response, as Beast's prepare_payload() would frame it: Content-Length except for
// 1xx, 204 and 304 (which carry no body), "Connection: close" when the connection ends after it.
// Header lines with CR or LF are left out (never a split response).
// A shared body (HttpResponse::sharedBody) is not appended: the caller sends it from the cache.
void appendResponse(std::string& out, const HttpResponse& response, bool close)
{
    const auto status = static_cast<unsigned>(response.status);
    const bool bodyless = status < 200 || status == 204 || status == 304;
    const std::string& body = response.sharedBody ? *response.sharedBody : response.body;
    // One pass per text (find_first_of("\r\n") was a memchr per character: 5 % of a cached GET).
    const auto safe = [](std::string_view text) {
        for (const char c : text)
            if (c == '\r' || c == '\n')
                return false;
        return true;
    };
    const std::string_view statusLine = statusLines(status);
    if (!statusLine.empty()) {
        out.append(statusLine);
    } else {
        out.append("HTTP/1.1 ").append(std::to_string(status)).push_back(' ');
        out.append(http::obsolete_reason(http::int_to_status(status))).append("\r\nServer: usherd\r\n");
    }
    if (response.contentType && *response.contentType && !body.empty() && !bodyless)
        out.append("Content-Type: ").append(response.contentType).append("\r\n");
    for (const auto& [name, value] : response.headers)
        if (safe(name) && safe(value))
            out.append(name).append(": ").append(value).append("\r\n");
    out.append(response.headerLines);
    if (!bodyless) {
        out.append("Content-Length: ");
        appendNumber(out, body.size());
        out.append("\r\n");
    }
    if (close)
        out.append("Connection: close\r\n");
    out.append("\r\n");
    if (!bodyless && !response.sharedBody)
        out.append(response.body);
}

// A connection's two deadlines (reading, writing) on one timer. Setting or clearing a deadline
// touches no timer: the timer never waits longer than the shortest of the timeouts, so a deadline
// set later is never before its expiry. On expiry it reports a deadline that has passed, or waits
// again for the nearest one (or not at all when none is set). Per request that is no timer
// operation at all, where re-arming two timers cost three to five (each cancel also runs a
// handler); an idle connection pays one wake-up per shortest timeout.
class Deadlines {
public:
    using Clock = std::chrono::steady_clock;
    enum Kind : std::size_t { Read = 0, Write = 1 };

    Deadlines(const asio::any_io_executor& executor, std::uint32_t shortestMs)
        : m_timer(executor)
        , m_shortest(std::chrono::milliseconds(std::max<std::uint32_t>(1, shortestMs)))
    {
    }
    // Sets one deadline `ms` from now. `makeHandler()` gives the timer's completion handler, which
    // calls expired() when the wait ends without an error.
    template <typename MakeHandler>
    void set(Kind kind, std::uint32_t ms, MakeHandler makeHandler)
    {
        const Clock::time_point now = Clock::now();
        m_at[kind] = now + std::chrono::milliseconds(ms);
        if (!m_waiting)
            wait(std::min(m_at[kind], now + m_shortest), makeHandler());
    }
    void clear(Kind kind) { m_at[kind] = Clock::time_point::max(); }
    void cancel()
    {
        clear(Read);
        clear(Write);
        m_timer.cancel();
    }
    // From the expiry handler: true when a deadline has passed; else waits again if one is set.
    template <typename MakeHandler>
    bool expired(MakeHandler makeHandler)
    {
        m_waiting = false;
        const Clock::time_point next = std::min(m_at[Read], m_at[Write]);
        if (next == Clock::time_point::max())
            return false;
        const Clock::time_point now = Clock::now();
        if (next <= now)
            return true;
        wait(std::min(next, now + m_shortest), makeHandler());
        return false;
    }

private:
    template <typename OnExpiry>
    void wait(Clock::time_point at, OnExpiry onExpiry)
    {
        m_waiting = true;
        m_timer.expires_at(at);
        m_timer.async_wait(std::move(onExpiry));
    }

    asio::steady_timer m_timer;
    const Clock::duration m_shortest;
    Clock::time_point m_at[2] = { Clock::time_point::max(), Clock::time_point::max() };
    bool m_waiting = false;
};

// A final, unmasked text frame's header for `size` bytes (RFC 6455 5.2); returns its length.
std::size_t wsFrameHeader(std::size_t size, std::uint8_t* out)
{
    out[0] = 0x81; // FIN, text
    if (size < 126) {
        out[1] = std::uint8_t(size);
        return 2;
    }
    if (size <= 0xffff) {
        out[1] = 126;
        out[2] = std::uint8_t(size >> 8);
        out[3] = std::uint8_t(size);
        return 4;
    }
    out[1] = 127;
    for (int i = 0; i < 8; ++i)
        out[2 + i] = std::uint8_t(std::uint64_t(size) >> (56 - 8 * i));
    return 10;
}

// What broadcast() needs of a WebSocket session, whatever its stream type.
class WsSessionBase : public WsConnection {
public:
    explicit WsSessionBase(std::size_t contextIndex)
        : context(contextIndex)
    {
    }
    // The counting half of send(), on any thread: false when the client is (now) dropped.
    virtual bool reserve(std::size_t bytes) = 0;
    // The queuing half, on the session's own thread. `frame`, when not null, is the same message
    // already framed (a broadcast frames it once for every subscriber): plain connections write it
    // as it is.
    virtual void enqueueLocal(const std::shared_ptr<const std::string>& message,
                              const std::shared_ptr<const std::string>& frame)
        = 0;
    // Closes (WebSocket close frame) once the queue is written; any thread.
    virtual void closeWhenSent() = 0;
    const std::size_t context;
};

template <class Stream>
class WsSession final : public WsSessionBase, public std::enable_shared_from_this<WsSession<Stream>> {
public:
    WsSession(HttpServer::Impl& server, Stream&& stream, std::uint64_t id, std::size_t contextIndex,
              WsHandler& handler, std::size_t messageBytesMax)
        : WsSessionBase(contextIndex)
        , m_server(server)
        , m_handler(handler)
        , m_messageBytesMax(messageBytesMax)
        , m_ws(std::move(stream))
        , m_id(id)
    {
        ++m_server.wsClients;
    }
    ~WsSession() override
    {
        --m_server.wsClients;
        --m_server.connections;
    }

    std::uint64_t id() const override { return m_id; }

    void accept(BeastRequest&& upgrade, HttpRequest&& info)
    {
        m_upgrade = std::move(upgrade);
        m_ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
        m_ws.set_option(websocket::stream_base::decorator(
            [](websocket::response_type& response) { response.set(http::field::server, "usherd"); }));
        m_ws.read_message_max(m_messageBytesMax);
        m_ws.async_accept(m_upgrade, [self = this->shared_from_this(), info = std::move(info)](beast::error_code ec) {
            if (ec)
                return;
            self->m_open = true;
            if constexpr (kDirect) {
                beast::error_code ignored;
                beast::get_lowest_layer(self->m_ws).socket().non_blocking(true, ignored); // writeDirect()
            }
            self->m_handler.opened(self, info);
            self->readNext();
            self->writeNext();
        });
    }

    bool send(std::shared_ptr<const std::string> message) override
    {
        if (!reserve(message->size()))
            return false;
        asio::post(m_ws.get_executor(),
                   [self = this->shared_from_this(), message = std::move(message)] { self->enqueueLocal(message, {}); });
        return true;
    }

    bool reserve(std::size_t size) override
    {
        if (m_dropped.load(std::memory_order_relaxed))
            return false;
        const std::size_t bytes = m_queuedBytes.fetch_add(size) + size;
        const std::size_t count = m_queuedMessages.fetch_add(1) + 1;
        if (bytes <= m_server.options.wsQueueBytesMax && count <= m_server.options.wsQueueMessagesMax)
            return true;
        m_queuedBytes -= size;
        --m_queuedMessages;
        if (!m_dropped.exchange(true)) {
            ++m_server.wsDropped;
            LogLine(LogLevel::Warn, "websocket client too slow, dropped")
                .num("connection", std::int64_t(m_id))
                .num("queuedBytes", std::int64_t(bytes));
            close();
        }
        return false;
    }

    void enqueueLocal(const std::shared_ptr<const std::string>& message,
                      const std::shared_ptr<const std::string>& frame) override
    {
        if (kDirect && frame != nullptr)
            m_queue.push_back({ frame, message->size(), true });
        else
            m_queue.push_back({ message, message->size(), false });
        writeNext();
    }

    void close() override
    {
        asio::post(m_ws.get_executor(), [self = this->shared_from_this()] {
            beast::error_code ec;
            auto& socket = beast::get_lowest_layer(self->m_ws).socket();
            socket.shutdown(tcp::socket::shutdown_both, ec);
            socket.close(ec);
        });
    }

    void closeWhenSent() override
    {
        asio::post(m_ws.get_executor(), [self = this->shared_from_this()] {
            self->m_closeWhenSent = true;
            self->writeNext();
        });
    }

private:
    void readNext()
    {
        m_ws.async_read(m_readBuffer, [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) {
                self->finish();
                return;
            }
            std::string text = beast::buffers_to_string(self->m_readBuffer.data());
            self->m_readBuffer.consume(self->m_readBuffer.size());
            self->m_handler.message(self, std::move(text));
            self->readNext();
        });
    }

    void writeNext()
    {
        if (!m_open || m_writing || m_finished)
            return;
        if (m_queue.empty()) {
            if (m_closeWhenSent && !m_closing) {
                m_closing = true;
                m_ws.async_close(websocket::close_code::normal,
                                 [self = this->shared_from_this()](beast::error_code) { self->finish(); });
            }
            return;
        }
        if constexpr (kDirect) {
            writeDirect();
            return;
        }
        m_writing = true;
        m_ws.text(true);
        m_ws.async_write(asio::buffer(*m_queue.front().bytes), // never framed here (not kDirect)
                         [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                             self->m_writing = false;
                             self->m_queuedBytes -= self->m_queue.front().textSize;
                             --self->m_queuedMessages;
                             self->m_queue.pop_front();
                             if (ec) {
                                 self->finish();
                                 return;
                             }
                             self->writeNext();
                         });
    }

    // Plain connections: the queued messages go out as WebSocket frames written straight to the
    // socket (server frames are unmasked: a 2 to 10 byte header, then the text), several in one
    // sendmsg, instead of one composed Beast write (and two handlers) each. A delta to 10,000
    // subscribers is then 10,000 non-blocking sends from the broadcast job and nothing else. What
    // the socket does not take at once is finished by one async_write. Beast still reads; it
    // writes only the close handshake (after the queue is empty) and pongs, which a client
    // pinging while its buffer is full could see interleaved (it is about to be dropped anyway).
    void writeDirect()
    {
        auto& socket = beast::get_lowest_layer(m_ws).socket();
        while (!m_queue.empty() && !m_writing && !m_finished) {
            const std::size_t count = std::min(m_queue.size(), kGatherMessages);
            m_frameHeaders.resize(count);
            m_directBuffers.clear();
            std::size_t total = 0;
            for (std::size_t i = 0; i < count; ++i) {
                const Queued& queued = m_queue[i];
                const std::string& bytes = *queued.bytes;
                if (!queued.framed) {
                    const std::size_t headerSize = wsFrameHeader(bytes.size(), m_frameHeaders[i].data());
                    m_directBuffers.emplace_back(m_frameHeaders[i].data(), headerSize);
                    total += headerSize;
                }
                m_directBuffers.emplace_back(bytes.data(), bytes.size());
                total += bytes.size();
            }
            beast::error_code ec;
            std::size_t written = socket.write_some(m_directBuffers, ec);
            if (ec == asio::error::would_block || ec == asio::error::try_again) {
                ec = {};
                written = 0;
            }
            if (ec) {
                finish();
                return;
            }
            if (written == total) {
                popSent(count);
                continue;
            }
            // The rest when the socket takes it; m_frameHeaders and the queued strings stay put.
            std::vector<asio::const_buffer> rest;
            for (const asio::const_buffer& buffer : m_directBuffers) {
                if (written >= buffer.size()) {
                    written -= buffer.size();
                    continue;
                }
                rest.push_back(buffer + written);
                written = 0;
            }
            m_writing = true;
            asio::async_write(socket, std::move(rest),
                              [self = this->shared_from_this(), count](beast::error_code e, std::size_t) {
                                  self->m_writing = false;
                                  self->popSent(count);
                                  if (e) {
                                      self->finish();
                                      return;
                                  }
                                  self->writeNext();
                              });
            return;
        }
        if (m_queue.empty() && !m_writing && !m_finished && m_closeWhenSent)
            writeNext(); // the close handshake
    }

    void popSent(std::size_t count)
    {
        for (std::size_t i = 0; i < count && !m_queue.empty(); ++i) {
            m_queuedBytes -= m_queue.front().textSize;
            --m_queuedMessages;
            m_queue.pop_front();
        }
    }

    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        if (m_open)
            m_handler.closed(this->shared_from_this());
        beast::error_code ec;
        beast::get_lowest_layer(m_ws).socket().close(ec);
    }

    HttpServer::Impl& m_server;
    WsHandler& m_handler;
    const std::size_t m_messageBytesMax;
    websocket::stream<Stream> m_ws;
    const std::uint64_t m_id;
    BeastRequest m_upgrade;
    beast::flat_buffer m_readBuffer;
    static constexpr bool kDirect = std::is_same_v<Stream, PlainStream>; // writeDirect()
    static constexpr std::size_t kGatherMessages = 32; // 64 buffers: asio's most per sendmsg
    struct Queued {
        std::shared_ptr<const std::string> bytes; // the text, or (framed) the whole frame
        std::size_t textSize = 0;                 // what reserve() counted
        bool framed = false;
    };
    std::deque<Queued> m_queue; // own thread only
    std::vector<std::array<std::uint8_t, 10>> m_frameHeaders;  // writeDirect(): one per message written
    std::vector<asio::const_buffer> m_directBuffers;
    std::atomic<std::size_t> m_queuedBytes { 0 };
    std::atomic<std::size_t> m_queuedMessages { 0 };
    std::atomic<bool> m_dropped { false };
    bool m_open = false;
    bool m_writing = false;
    bool m_finished = false;
    bool m_closeWhenSent = false;
    bool m_closing = false;
};

template <class Stream>
class HttpSession final : public ReplySink, public std::enable_shared_from_this<HttpSession<Stream>> {
public:
    static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;
    static constexpr std::size_t kFirstReadBytes = 4096;
    static constexpr std::size_t kOutKeepBytes = 64 * 1024; // output buffer kept between writes

    HttpSession(HttpServer::Impl& server, Stream&& stream, std::size_t context)
        : m_server(server)
        , m_context(context)
        , m_stream(std::move(stream))
        , m_buffer(server.options.headerBytesMax + 128 * 1024)
        , m_deadlines(m_stream.get_executor(),
                      std::min({ server.options.headerTimeoutMs, server.options.idleTimeoutMs,
                                 server.options.bodyTimeoutMs, server.options.writeTimeoutMs }))
        , m_id(server.nextConnection++)
    {
        beast::error_code ec;
        const auto endpoint = beast::get_lowest_layer(m_stream).socket().remote_endpoint(ec);
        if (!ec)
            m_remote = endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
    }
    ~HttpSession() override
    {
        if (!m_upgraded)
            --m_server.connections;
    }

    void start()
    {
        if constexpr (kTls) {
            armRead(m_server.options.headerTimeoutMs);
            m_stream.async_handshake(ssl::stream_base::server, [self = this->shared_from_this()](beast::error_code ec) {
                self->m_deadlines.clear(Deadlines::Read);
                if (ec) {
                    self->closeNow();
                    return;
                }
                self->readNext();
            });
        } else {
            readNext();
        }
    }

    void deliver(std::uint32_t slot, HttpResponse&& response) override
    {
        // Answered on the connection's own thread (a cached GET, a batch of holds handed back by
        // the API): write it now instead of queuing one more handler.
        if (m_server.contexts[m_context]->get_executor().running_in_this_thread()) {
            onReply(slot, std::move(response));
            return;
        }
        asio::post(m_stream.get_executor(),
                   [self = this->shared_from_this(), slot, response = std::move(response)]() mutable {
                       self->onReply(slot, std::move(response));
                   });
    }

private:
    struct Slot {
        bool ready = false;
        bool close = false;
        HttpResponse response;
    };

    void armRead(std::uint32_t ms)
    {
        m_deadlines.set(Deadlines::Read, ms, [this] { return expiryHandler(); });
    }
    void armWrite()
    {
        m_deadlines.set(Deadlines::Write, m_server.options.writeTimeoutMs, [this] { return expiryHandler(); });
    }

    struct ExpiryHandler {
        std::weak_ptr<HttpSession> session;
        void operator()(const beast::error_code& ec) const
        {
            auto self = session.lock();
            if (ec || !self || self->m_closed)
                return;
            if (self->m_deadlines.expired([&self] { return self->expiryHandler(); })) {
                ++self->m_server.timeouts;
                self->closeNow();
            }
        }
    };
    ExpiryHandler expiryHandler() { return ExpiryHandler{ this->weak_from_this() }; }

    void closeNow()
    {
        if (m_closed)
            return;
        m_closed = true;
        m_deadlines.cancel();
        beast::error_code ec;
        auto& socket = beast::get_lowest_layer(m_stream).socket();
        socket.shutdown(tcp::socket::shutdown_both, ec);
        socket.close(ec);
    }

    void readNext()
    {
        if (m_closed || m_reading || m_readDone || m_slots.size() >= m_server.options.pipelineMax)
            return;
        m_parser.emplace();
        m_parser->header_limit(std::uint32_t(m_server.options.headerBytesMax));
        m_parser->body_limit(m_server.options.bodyBytesMax);
        m_reading = true;
        if (m_buffer.size() == 0) {
            // Nothing buffered: the client has not begun its next request (it may be waiting for
            // answers still pending). Wait for its first byte under the idle timeout; from that
            // byte on, the header timeout runs.
            armRead(m_server.options.idleTimeoutMs);
            if constexpr (kTls) {
                // OpenSSL may hold decrypted bytes the socket no longer shows, so TLS cannot wait on
                // the socket: it reads the first decrypted bytes instead.
                m_stream.async_read_some(m_buffer.prepare(kFirstReadBytes),
                                         [self = this->shared_from_this()](const beast::error_code& ec, std::size_t n) {
                                             if (ec) {
                                                 self->onReadError(ec);
                                                 return;
                                             }
                                             self->m_buffer.commit(n);
                                             self->readHeader(self->m_server.options.headerTimeoutMs);
                                         });
            } else {
                beast::get_lowest_layer(m_stream).socket().async_wait(
                    tcp::socket::wait_read, [self = this->shared_from_this()](const beast::error_code& ec) {
                        if (ec) {
                            self->onReadError(ec);
                            return;
                        }
                        self->readHeader(self->m_server.options.headerTimeoutMs);
                    });
            }
            return;
        }
        readHeader(m_server.options.headerTimeoutMs);
    }

    void readHeader(std::uint32_t timeoutMs)
    {
        if (m_closed)
            return;
        armRead(timeoutMs);
        http::async_read_header(
            m_stream, m_buffer, *m_parser,
            [self = this->shared_from_this()](beast::error_code ec, std::size_t) { self->onHeader(ec); });
    }

    void onHeader(const beast::error_code& ec)
    {
        if (ec) {
            onReadError(ec);
            return;
        }
        BeastRequest& header = m_parser->get();
        const std::string_view target = header.target();
        const std::string_view path = target.substr(0, target.find('?'));
        if (websocket::is_upgrade(header) && path == m_server.options.wsPath) {
            upgrade(m_server.ws, m_server.options.wsMessageBytesMax);
            return;
        }
        if (websocket::is_upgrade(header) && m_server.sync != nullptr && path == m_server.options.syncPath) {
            upgrade(*m_server.sync, m_server.options.syncMessageBytesMax);
            return;
        }
        if (m_parser->is_done()) {
            onBody({});
            return;
        }
        armRead(m_server.options.bodyTimeoutMs);
        http::async_read(m_stream, m_buffer, *m_parser,
                         [self = this->shared_from_this()](beast::error_code e, std::size_t) { self->onBody(e); });
    }

    void onBody(const beast::error_code& ec)
    {
        m_reading = false;
        m_deadlines.clear(Deadlines::Read);
        if (ec) {
            onReadError(ec);
            return;
        }
        BeastRequest message = m_parser->release();
        const bool keepAlive = message.keep_alive();
        HttpRequest request = toRequest(message, m_id, m_remote);
        if (!keepAlive)
            m_readDone = true;
        const std::uint32_t slot = m_firstSlot + std::uint32_t(m_slots.size());
        m_slots.emplace_back();
        m_slots.back().close = !keepAlive;
        m_server.http.handle(std::move(request), Reply(this->shared_from_this(), slot));
        readNext();
    }

    void onReadError(const beast::error_code& ec)
    {
        m_reading = false;
        m_deadlines.clear(Deadlines::Read);
        m_readDone = true;
        if (ec == http::error::body_limit) {
            respondError(413, "body_too_large", "the request body is over the limit");
        } else if (ec == http::error::header_limit || ec == http::error::buffer_overflow) {
            respondError(431, "headers_too_large", "the request headers are over the limit");
        } else if (isHttpError(ec) && ec != http::error::end_of_stream && ec != http::error::partial_message) {
            respondError(400, "bad_request", "malformed HTTP request");
        } else if (m_slots.empty()) {
            closeNow(); // the client went away or timed out: nothing left to answer
        }
    }

    void respondError(int status, std::string_view code, std::string_view message)
    {
        ++m_server.badRequests;
        const std::uint32_t slot = m_firstSlot + std::uint32_t(m_slots.size());
        m_slots.emplace_back();
        HttpResponse response;
        response.status = status;
        response.body = errorBody(code, message);
        response.close = true;
        onReply(slot, std::move(response));
    }

    void upgrade(WsHandler& handler, std::size_t messageBytesMax)
    {
        m_reading = false;
        m_deadlines.clear(Deadlines::Read);
        if (!m_slots.empty()) {
            m_readDone = true;
            respondError(400, "bad_request", "a WebSocket upgrade must not be pipelined");
            return;
        }
        BeastRequest message = m_parser->release();
        HttpRequest info = toRequest(message, m_id, m_remote);
        m_upgraded = true;
        m_closed = true; // this object no longer owns the stream
        m_deadlines.clear(Deadlines::Write);
        auto session = std::make_shared<WsSession<Stream>>(m_server, std::move(m_stream), m_id, m_context, handler,
                                                           messageBytesMax);
        session->accept(std::move(message), std::move(info));
    }

    void onReply(std::uint32_t slot, HttpResponse&& response)
    {
        if (m_closed)
            return;
        const std::uint32_t index = slot - m_firstSlot;
        if (index >= m_slots.size() || m_slots[index].ready)
            return;
        Slot& s = m_slots[index];
        s.ready = true;
        s.close = s.close || response.close;
        s.response = std::move(response);
        writeNext();
    }

    // Writes every answer that is ready at the front, in order, with one write from one reusable
    // buffer: pipelined requests cost one send, and a response no allocation of its own.
    void writeNext()
    {
        if (m_closed || m_writing || m_slots.empty() || !m_slots.front().ready)
            return;
        m_out.clear();
        m_pieces.clear();
        m_writingSlots = 0;
        std::size_t from = 0; // start of the bytes of m_out not yet in a piece
        for (const Slot& slot : m_slots) {
            if (!slot.ready)
                break;
            appendResponse(m_out, slot.response, slot.close);
            const std::string* shared = slot.response.sharedBody.get();
            const auto status = slot.response.status;
            if (shared && !shared->empty() && status >= 200 && status != 204 && status != 304) {
                m_pieces.push_back({ from, m_out.size() - from, nullptr });
                m_pieces.push_back({ 0, shared->size(), shared }); // alive in its slot until written
                from = m_out.size();
            }
            ++m_writingSlots;
            if (slot.close)
                break;
        }
        if (from < m_out.size())
            m_pieces.push_back({ from, m_out.size() - from, nullptr });
        m_buffers.clear(); // m_out no longer grows: its addresses hold until the write ends
        for (const Piece& piece : m_pieces)
            m_buffers.emplace_back(piece.shared ? piece.shared->data() : m_out.data() + piece.offset, piece.size);
        m_writing = true;
        armWrite();
        asio::async_write(m_stream, m_buffers,
                          [self = this->shared_from_this()](beast::error_code ec, std::size_t) { self->onWrite(ec); });
    }

    void onWrite(const beast::error_code& ec)
    {
        m_writing = false;
        m_deadlines.clear(Deadlines::Write);
        if (ec) {
            closeNow();
            return;
        }
        bool close = false;
        for (std::size_t i = 0; i < m_writingSlots; ++i) {
            close = close || m_slots.front().close;
            m_slots.pop_front();
            ++m_firstSlot;
        }
        m_writingSlots = 0;
        if (m_out.capacity() > kOutKeepBytes) // a large answer: give the memory back
            std::string().swap(m_out);
        if (close || (m_readDone && m_slots.empty() && !m_reading)) {
            closeNow();
            return;
        }
        writeNext();
        readNext();
    }

    HttpServer::Impl& m_server;
    const std::size_t m_context; // index of the io_context this connection lives on
    Stream m_stream;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    Deadlines m_deadlines;
    const std::uint64_t m_id;
    std::string m_remote;
    std::deque<Slot> m_slots; // outstanding requests, oldest first
    std::string m_out;        // the bytes being written: the first m_writingSlots answers
    struct Piece {
        std::size_t offset = 0; // in m_out, or
        std::size_t size = 0;
        const std::string* shared = nullptr; // a shared body, sent in place
    };
    std::vector<Piece> m_pieces;               // m_out and the shared bodies, in order
    std::vector<asio::const_buffer> m_buffers; // one gathered write
    std::size_t m_writingSlots = 0;
    std::uint32_t m_firstSlot = 0; // slot number of m_slots.front()
    bool m_reading = false;
    bool m_readDone = false; // no more requests will be read
    bool m_writing = false;
    bool m_closed = false;
    bool m_upgraded = false;
};

constexpr std::string_view kOverloadedBody
    = R"({"error":{"code":"overloaded","message":"too many connections, retry"}})";
const std::string kOverloaded
    = "HTTP/1.1 503 Service Unavailable\r\nServer: usherd\r\nContent-Type: application/json\r\n"
      "Retry-After: 1\r\nConnection: close\r\nContent-Length: "
    + std::to_string(kOverloadedBody.size()) + "\r\n\r\n" + std::string(kOverloadedBody);

} // namespace

HttpServer::Impl::~Impl()
{
    acceptRetry.reset();
    acceptor.reset();
    contexts.clear(); // destroys the sessions still queued in handlers, while the counters exist
    contextThreads.clear();
}

void HttpServer::Impl::doAccept()
{
    const std::size_t context = nextContext++ % contexts.size();
    const asio::any_io_executor executor = contexts[context]->get_executor();
    acceptor->async_accept(executor, [this, context](beast::error_code ec, tcp::socket socket) {
        onAccept(ec, std::move(socket), context);
    });
}

void HttpServer::Impl::onAccept(const beast::error_code& ec, tcp::socket socket, std::size_t context)
{
    if (ec == asio::error::operation_aborted || !acceptor->is_open())
        return;
    if (ec) {
        // Out of descriptors, typically: wait a little rather than spin.
        LogLine(LogLevel::Warn, "accept failed").str("error", ec.message());
        acceptRetry->expires_after(std::chrono::milliseconds(100));
        acceptRetry->async_wait([this](const beast::error_code& e) {
            if (!e && acceptor->is_open())
                doAccept();
        });
        return;
    }
    ++accepted;
    if (std::size_t(connections.load()) >= options.connectionsMax) {
        ++rejected;
        beast::error_code ignored;
        asio::write(socket, asio::buffer(kOverloaded.data(), kOverloaded.size()), ignored);
        socket.shutdown(tcp::socket::shutdown_both, ignored);
        socket.close(ignored);
    } else {
        ++connections;
        startSession(std::move(socket), context);
    }
    doAccept();
}

void HttpServer::Impl::startSession(tcp::socket socket, std::size_t context)
{
    beast::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    const auto executor = socket.get_executor();
    if (tlsContext) {
        auto session
            = std::make_shared<HttpSession<TlsStream>>(*this, TlsStream(std::move(socket), *tlsContext), context);
        asio::post(executor, [session] { session->start(); });
    } else {
        auto session = std::make_shared<HttpSession<PlainStream>>(*this, PlainStream(std::move(socket)), context);
        asio::post(executor, [session] { session->start(); });
    }
}

HttpServer::HttpServer(const ServerOptions& options, HttpHandler& http, WsHandler& ws)
    : m_impl(std::make_unique<Impl>(options, http, ws))
{
}

HttpServer::~HttpServer()
{
    stop();
}

bool HttpServer::start(std::string* error)
{
    Impl& d = *m_impl;
    if (d.started) {
        *error = "already started";
        return false;
    }
    beast::error_code ec;
    if (!d.options.tlsCertificateFile.empty()) {
        d.tlsContext = std::make_unique<ssl::context>(ssl::context::tls_server);
        d.tlsContext->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3
                                  | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
        d.tlsContext->use_certificate_chain_file(d.options.tlsCertificateFile, ec);
        if (!ec)
            d.tlsContext->use_private_key_file(d.options.tlsKeyFile.empty() ? d.options.tlsCertificateFile
                                                                            : d.options.tlsKeyFile,
                                               ssl::context::pem, ec);
        if (ec) {
            *error = "TLS certificate or key: " + ec.message();
            return false;
        }
    }
    const unsigned threads = std::max(1u, d.options.threads);
    for (unsigned i = 0; i < threads; ++i) {
        d.contexts.push_back(std::make_unique<asio::io_context>(1));
        d.guards.push_back(asio::make_work_guard(*d.contexts.back()));
    }
    const auto address = asio::ip::make_address(d.options.host, ec);
    if (ec) {
        *error = "bad listen address '" + d.options.host + "': " + ec.message();
        return false;
    }
    const tcp::endpoint endpoint(address, d.options.port);
    d.acceptor = std::make_unique<tcp::acceptor>(*d.contexts[0]);
    d.acceptRetry = std::make_unique<asio::steady_timer>(*d.contexts[0]);
    d.acceptor->open(endpoint.protocol(), ec);
    if (!ec)
        d.acceptor->set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        d.acceptor->bind(endpoint, ec);
    if (!ec)
        d.acceptor->listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        *error = "cannot listen on " + d.options.host + ":" + std::to_string(d.options.port) + ": " + ec.message();
        return false;
    }
    d.boundPort = d.acceptor->local_endpoint().port();
    d.started = true;
    d.doAccept();
    for (auto& context : d.contexts) {
        d.contextThreads.push_back(std::make_unique<ContextThread>(*context));
        d.threads.emplace_back([thread = d.contextThreads.back().get()] { thread->run(); });
    }
    return true;
}

void HttpServer::setSyncHandler(WsHandler* handler)
{
    m_impl->sync = handler;
}

void HttpServer::closeWhenSent(const WsConnectionPtr& connection)
{
    std::static_pointer_cast<WsSessionBase>(connection)->closeWhenSent();
}

std::uint16_t HttpServer::port() const
{
    return m_impl->boundPort;
}

bool HttpServer::tls() const
{
    return m_impl->tlsContext != nullptr;
}

void HttpServer::stopAccepting()
{
    Impl& d = *m_impl;
    if (!d.started || d.stopped)
        return;
    asio::post(*d.contexts[0], [&d] {
        beast::error_code ignored;
        d.acceptRetry->cancel();
        d.acceptor->close(ignored);
    });
}

void HttpServer::stop()
{
    Impl& d = *m_impl;
    if (!d.started || d.stopped)
        return;
    d.stopped = true;
    stopAccepting();
    d.guards.clear();
    for (auto& context : d.contexts)
        context->stop();
    for (auto& thread : d.threads)
        thread.join();
    d.threads.clear();
}

std::size_t HttpServer::broadcast(const std::vector<WsConnectionPtr>& to,
                                  const std::shared_ptr<const std::string>& message)
{
    Impl& d = *m_impl;
    if (!d.started || d.stopped)
        return 0;
    std::vector<std::vector<std::shared_ptr<WsSessionBase>>> groups(d.contexts.size());
    for (auto& group : groups)
        group.reserve(to.size() / groups.size() + 16); // round robin: about even
    std::size_t taken = 0;
    for (const WsConnectionPtr& connection : to) {
        auto session = std::static_pointer_cast<WsSessionBase>(connection);
        if (session->context < groups.size() && session->reserve(message->size())) {
            groups[session->context].push_back(std::move(session));
            ++taken;
        }
    }
    if (taken == 0)
        return 0;
    // Framed once for every subscriber: plain connections send these bytes as they are.
    std::uint8_t header[10];
    const std::size_t headerSize = wsFrameHeader(message->size(), header);
    auto frame = std::make_shared<std::string>();
    frame->reserve(headerSize + message->size());
    frame->append(reinterpret_cast<const char*>(header), headerSize).append(*message);
    std::shared_ptr<const std::string> shared = std::move(frame);
    for (std::size_t i = 0; i < groups.size(); ++i) {
        if (groups[i].empty())
            continue;
        asio::post(*d.contexts[i], [sessions = std::move(groups[i]), message, shared] {
            for (const auto& session : sessions)
                session->enqueueLocal(message, shared);
        });
    }
    return taken;
}

ServerStats HttpServer::stats() const
{
    const Impl& d = *m_impl;
    ServerStats s;
    s.connections = d.connections.load();
    s.wsClients = d.wsClients.load();
    s.accepted = d.accepted.load();
    s.rejected = d.rejected.load();
    s.timeouts = d.timeouts.load();
    s.badRequests = d.badRequests.load();
    s.wsDropped = d.wsDropped.load();
    return s;
}

} // namespace usher::net
