#include "payments/FakeGatewayServer.h"

#include "core/Assert.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <optional>

namespace usher {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

const char* fakeServerStatusName(FakeServerStatus status)
{
    switch (status) {
    case FakeServerStatus::Ok: return "ok";
    case FakeServerStatus::BadAddress: return "bad_address";
    case FakeServerStatus::ListenFailed: return "listen_failed";
    }
    return "invalid";
}

namespace {

// What sessions share; lives in Impl, which outlives every session (see ~Impl).
struct ServerCore {
    explicit ServerCore(FakeGatewayServerOptions serverOptions)
        : options(std::move(serverOptions))
        , ledger(options.faults, options.seed, options.ledgerLimits)
    {
    }

    FakeGatewayServerOptions options;
    FakeGatewayLedger ledger;
    std::size_t connections = 0;
};

} // namespace

struct FakeGatewayServer::Impl {
    explicit Impl(FakeGatewayServerOptions serverOptions)
        : core(std::move(serverOptions))
    {
    }
    ~Impl()
    {
        // The acceptor and signal set go first; the io_context (declared last, destroyed first)
        // then destroys the sessions' pending handlers while `core` is still alive.
        acceptor.reset();
        signals.reset();
    }

    void accept();

    ServerCore core;
    std::uint16_t boundPort = 0;
    std::optional<tcp::acceptor> acceptor;
    std::optional<asio::signal_set> signals;
    asio::io_context io { 1 };
};

namespace {

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(tcp::socket socket, ServerCore& server)
        : m_socket(std::move(socket))
        , m_timer(m_socket.get_executor())
        , m_server(server)
    {
        ++m_server.connections;
    }
    ~Session() { --m_server.connections; }

    void start() { readRequest(); }

private:
    void readRequest()
    {
        m_parser.emplace();
        m_parser->body_limit(m_server.options.bodyBytesMax);
        m_parser->header_limit(static_cast<std::uint32_t>(m_server.options.headerBytesMax));
        closeAfter(m_server.options.readTimeout);
        http::async_read(m_socket, m_buffer, *m_parser,
                         [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onRead(ec); });
    }

    // Closes the connection after `delay` unless the timer is re-armed or cancelled first.
    void closeAfter(std::chrono::milliseconds delay)
    {
        m_timer.expires_after(delay);
        m_timer.async_wait([self = shared_from_this()](beast::error_code ec) {
            if (!ec)
                self->close();
        });
    }

    void close()
    {
        beast::error_code ignored;
        m_socket.shutdown(tcp::socket::shutdown_both, ignored);
        m_socket.close(ignored);
    }

    void onRead(beast::error_code ec)
    {
        m_timer.cancel();
        if (ec == http::error::body_limit || ec == http::error::header_limit) {
            FakeResponse tooLarge;
            tooLarge.status = 413;
            tooLarge.body = payproto::encodeErrorBody({ "too_large", "request too large", -1 });
            write(tooLarge, false);
            return;
        }
        if (ec) {
            close();
            return;
        }
        const auto& message = m_parser->get();
        FakeRequest request;
        request.method = std::string(message.method_string());
        const std::string_view target = message.target();
        request.target = std::string(target.substr(0, target.find('?')));
        if (const auto it = message.find(payproto::kIdempotencyHeader); it != message.end()) {
            request.hasIdempotencyKey = true;
            request.idempotencyKey = std::string(it->value());
        }
        request.body = message.body();
        const bool keepAlive = message.keep_alive();
        FakeResponse response = m_server.ledger.handle(request, std::chrono::steady_clock::now());
        if (response.action == FakeAction::Hang) {
            closeAfter(response.delay); // never answered
            return;
        }
        if (response.delay.count() <= 0) {
            write(response, keepAlive);
            return;
        }
        m_timer.expires_after(response.delay);
        m_timer.async_wait(
            [self = shared_from_this(), delayed = std::move(response), keepAlive](beast::error_code waitEc) {
                if (!waitEc)
                    self->write(delayed, keepAlive);
            });
    }

    void write(const FakeResponse& response, bool keepAlive)
    {
        auto& out = m_response.emplace(static_cast<http::status>(response.status), 11);
        out.set(http::field::server, "usher-fakepay");
        out.set(http::field::content_type, "application/json");
        if (response.retryAfterSeconds >= 0)
            out.set(http::field::retry_after, std::to_string(response.retryAfterSeconds));
        if (response.replayed)
            out.set(payproto::kReplayedHeader, "true");
        out.body() = response.body;
        out.keep_alive(keepAlive);
        out.prepare_payload();
        closeAfter(m_server.options.readTimeout); // a client that does not read is dropped
        http::async_write(m_socket, out, [self = shared_from_this(), keepAlive](beast::error_code ec, std::size_t) {
            self->m_timer.cancel();
            if (ec || !keepAlive) {
                self->close();
                return;
            }
            self->readRequest();
        });
    }

    tcp::socket m_socket;
    asio::steady_timer m_timer;
    ServerCore& m_server;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    std::optional<http::response<http::string_body>> m_response;
};

} // namespace

void FakeGatewayServer::Impl::accept()
{
    acceptor->async_accept([this](beast::error_code ec, tcp::socket socket) {
        if (ec == asio::error::operation_aborted || !acceptor->is_open())
            return;
        if (!ec) {
            if (core.connections < core.options.connectionsMax) {
                std::make_shared<Session>(std::move(socket), core)->start();
            } else {
                beast::error_code ignored;
                socket.close(ignored);
            }
        }
        accept();
    });
}

FakeGatewayServer::FakeGatewayServer(FakeGatewayServerOptions options)
    : m_impl(std::make_unique<Impl>(std::move(options)))
{
}

FakeGatewayServer::~FakeGatewayServer() = default;

FakeServerStatus FakeGatewayServer::listen()
{
    beast::error_code ec;
    const auto address = asio::ip::make_address(m_impl->core.options.host, ec);
    if (ec)
        return FakeServerStatus::BadAddress;
    const tcp::endpoint endpoint(address, m_impl->core.options.port);
    auto& acceptor = m_impl->acceptor.emplace(m_impl->io);
    acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        acceptor.bind(endpoint, ec);
    if (!ec)
        acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        m_impl->acceptor.reset();
        return FakeServerStatus::ListenFailed;
    }
    m_impl->boundPort = acceptor.local_endpoint().port();
    return FakeServerStatus::Ok;
}

std::uint16_t FakeGatewayServer::port() const
{
    return m_impl->boundPort;
}

void FakeGatewayServer::run()
{
    USHER_ASSERT(m_impl->acceptor.has_value());
    if (m_impl->core.options.handleSignals) {
        m_impl->signals.emplace(m_impl->io, SIGINT, SIGTERM);
        m_impl->signals->async_wait([this](beast::error_code ec, int) {
            if (!ec)
                m_impl->io.stop();
        });
    }
    m_impl->accept();
    m_impl->io.run();
}

void FakeGatewayServer::stop()
{
    m_impl->io.stop();
}

} // namespace usher
