#include "CeilingServer.h"

// As in engine/net/HttpServer.cpp: GCC 12 reports -Wnull-dereference from asio's scheduler after
// inlining, at locations inside the Boost headers (a false positive).
#pragma GCC diagnostic ignored "-Wnull-dereference"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <csignal>
#include <cstdio>
#include <memory>
#include <string>
#include <sys/prctl.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace usher::bench {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

struct Answers {
    std::string ok;          // 200, availability-sized body
    std::string notModified; // 304
    std::string created;     // 201, hold-sized body
};

std::string response(const char* statusLine, const std::string& headers, const std::string& body)
{
    std::string out = statusLine;
    out.append("\r\nServer: usherd\r\nContent-Type: application/json\r\n").append(headers);
    out.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n\r\n").append(body);
    return out;
}

Answers makeAnswers()
{
    // {"event":1,"seq":1,"seats":"000...","areas":[]} padded to kCeilingBodyBytes.
    std::string body = "{\"event\":1,\"seq\":1,\"seats\":\"";
    const std::string tail = "\",\"areas\":[]}";
    body.append(kCeilingBodyBytes - body.size() - tail.size(), '0').append(tail);
    const std::string cache = "ETag: \"1-1-1\"\r\nCache-Control: public, max-age=1\r\n";
    Answers a;
    a.ok = response("HTTP/1.1 200 OK", cache, body);
    a.notModified = "HTTP/1.1 304 Not Modified\r\nServer: usherd\r\n" + cache + "\r\n";
    a.created = response("HTTP/1.1 201 Created", "",
                         "{\"holdId\":\"h-0000000000000001\",\"seats\":[12345],\"seq\":1,"
                         "\"expiresAt\":\"2026-11-29T08:10:00.000Z\",\"expiresAtMs\":1796544600000}");
    return a;
}

// One keep-alive connection: read a request with Beast's parser, write the prebuilt answer, repeat.
class Session : public std::enable_shared_from_this<Session> {
public:
    Session(tcp::socket socket, const Answers& answers)
        : m_socket(std::move(socket))
        , m_answers(answers)
    {
    }
    asio::any_io_executor get_executor() { return m_socket.get_executor(); }
    void read()
    {
        m_request = {};
        http::async_read(m_socket, m_buffer, m_request, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec)
                return;
            self->answer();
        });
    }

private:
    void answer()
    {
        const std::string* out = &m_answers.created;
        if (m_request.method() == http::verb::get)
            out = m_request.find(http::field::if_none_match) != m_request.end() ? &m_answers.notModified
                                                                                : &m_answers.ok;
        asio::async_write(m_socket, asio::buffer(*out), [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (!ec)
                self->read();
        });
    }

    tcp::socket m_socket;
    const Answers& m_answers;
    beast::flat_buffer m_buffer;
    http::request<http::string_body> m_request;
};

class Acceptor {
public:
    Acceptor(std::vector<std::unique_ptr<asio::io_context>>& contexts, const Answers& answers)
        : m_contexts(contexts)
        , m_answers(answers)
        , m_acceptor(*contexts[0], tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0))
    {
        m_acceptor.listen(asio::socket_base::max_listen_connections);
    }
    std::uint16_t port() const { return m_acceptor.local_endpoint().port(); }
    void accept()
    {
        asio::io_context& context = *m_contexts[m_next++ % m_contexts.size()];
        m_acceptor.async_accept(context, [this](beast::error_code ec, tcp::socket socket) {
            if (!ec) {
                socket.set_option(tcp::no_delay(true), ec);
                auto session = std::make_shared<Session>(std::move(socket), m_answers);
                asio::post(session->get_executor(), [session] { session->read(); });
            }
            accept();
        });
    }

private:
    std::vector<std::unique_ptr<asio::io_context>>& m_contexts;
    const Answers& m_answers;
    tcp::acceptor m_acceptor;
    std::size_t m_next = 0;
};

[[noreturn]] void serve(int threads, int portPipe)
{
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    const Answers answers = makeAnswers();
    std::vector<std::unique_ptr<asio::io_context>> contexts;
    for (int i = 0; i < threads; ++i)
        contexts.push_back(std::make_unique<asio::io_context>(1));
    Acceptor acceptor(contexts, answers);
    acceptor.accept();
    const std::uint16_t port = acceptor.port();
    if (write(portPipe, &port, sizeof port) != sizeof port)
        _exit(1);
    close(portPipe);
    std::vector<std::thread> workers;
    for (int i = 1; i < threads; ++i) {
        workers.emplace_back([&contexts, i] {
            auto guard = asio::make_work_guard(*contexts[std::size_t(i)]);
            contexts[std::size_t(i)]->run();
        });
    }
    auto guard = asio::make_work_guard(*contexts[0]);
    contexts[0]->run(); // until SIGTERM ends the process
    _exit(0);
}

} // namespace

bool startCeilingServer(int threads, pid_t* pid, std::uint16_t* port)
{
    int fds[2];
    if (pipe(fds) != 0)
        return false;
    std::fflush(nullptr);
    const pid_t child = fork();
    if (child < 0) {
        close(fds[0]);
        close(fds[1]);
        return false;
    }
    if (child == 0) {
        close(fds[0]);
        try {
            serve(threads, fds[1]);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "usher-bench: ceiling server: %s\n", e.what());
            _exit(1);
        }
    }
    close(fds[1]);
    std::uint16_t bound = 0;
    const bool ok = read(fds[0], &bound, sizeof bound) == sizeof bound && bound != 0;
    close(fds[0]);
    *pid = child;
    *port = bound;
    return ok;
}

} // namespace usher::bench
