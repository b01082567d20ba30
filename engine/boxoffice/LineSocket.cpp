#include "boxoffice/LineSocket.h"

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace usher {

namespace {

using SteadyClock = std::chrono::steady_clock;

int remainingMs(SteadyClock::time_point deadline)
{
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - SteadyClock::now()).count();
    return left <= 0 ? 0 : static_cast<int>(left);
}

// Waits for `events` until the deadline. 1: ready; 0: timed out; -1: error.
int waitFor(int fd, short events, SteadyClock::time_point deadline)
{
    for (;;) {
        pollfd p { fd, events, 0 };
        const int rc = ::poll(&p, 1, remainingMs(deadline));
        if (rc > 0)
            return 1;
        if (rc == 0)
            return 0;
        if (errno != EINTR)
            return -1;
    }
}

} // namespace

LineSocket::~LineSocket()
{
    close();
}

LineSocket::LineSocket(LineSocket&& other) noexcept
    : m_fd(other.m_fd)
    , m_buffer(std::move(other.m_buffer))
{
    other.m_fd = -1;
}

LineSocket& LineSocket::operator=(LineSocket&& other) noexcept
{
    if (this != &other) {
        close();
        m_fd = other.m_fd;
        m_buffer = std::move(other.m_buffer);
        other.m_fd = -1;
    }
    return *this;
}

void LineSocket::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

void LineSocket::shutdownBoth()
{
    if (m_fd >= 0)
        ::shutdown(m_fd, SHUT_RDWR);
}

LineSocket LineSocket::connectTo(const std::string& host, std::uint16_t port, int timeoutMs, std::string* error)
{
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    if (::inet_pton(AF_INET, host.c_str(), &address.sin_addr) != 1) {
        *error = "not an IPv4 address: " + host;
        return LineSocket();
    }
    LineSocket socket(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    if (!socket.isOpen()) {
        *error = std::string("socket: ") + std::strerror(errno);
        return socket;
    }
    const int one = 1;
    ::setsockopt(socket.m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    const auto deadline = SteadyClock::now() + std::chrono::milliseconds(timeoutMs);
    if (::connect(socket.m_fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        if (errno != EINPROGRESS) {
            *error = std::string("connect: ") + std::strerror(errno);
            return LineSocket();
        }
        if (waitFor(socket.m_fd, POLLOUT, deadline) != 1) {
            *error = "connect: timed out";
            return LineSocket();
        }
        int soError = 0;
        socklen_t length = sizeof soError;
        ::getsockopt(socket.m_fd, SOL_SOCKET, SO_ERROR, &soError, &length);
        if (soError != 0) {
            *error = std::string("connect: ") + std::strerror(soError);
            return LineSocket();
        }
    }
    return socket;
}

bool LineSocket::sendAll(const std::string& data, int timeoutMs)
{
    const auto deadline = SteadyClock::now() + std::chrono::milliseconds(timeoutMs);
    std::size_t sent = 0;
    while (sent < data.size()) {
        const ssize_t n = ::send(m_fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
        if (n > 0) {
            sent += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && waitFor(m_fd, POLLOUT, deadline) == 1)
            continue;
        return false;
    }
    return true;
}

LineRead LineSocket::readLine(std::string* line, int timeoutMs, std::size_t bytesMax)
{
    const auto deadline = SteadyClock::now() + std::chrono::milliseconds(timeoutMs);
    for (;;) {
        const std::size_t newline = m_buffer.find('\n');
        if (newline != std::string::npos) {
            *line = m_buffer.substr(0, newline);
            m_buffer.erase(0, newline + 1);
            if (!line->empty() && line->back() == '\r')
                line->pop_back();
            return LineRead::Line;
        }
        if (m_buffer.size() >= bytesMax)
            return LineRead::TooLong;
        const int ready = waitFor(m_fd, POLLIN, deadline);
        if (ready == 0)
            return LineRead::TimedOut;
        if (ready < 0)
            return LineRead::Error;
        char chunk[512];
        const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, MSG_DONTWAIT);
        if (n == 0)
            return LineRead::Closed;
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)
                continue;
            return errno == ECONNRESET ? LineRead::Closed : LineRead::Error;
        }
        m_buffer.append(chunk, static_cast<std::size_t>(n));
    }
}

bool parseHostPort(const std::string& text, std::string* host, std::uint16_t* port, bool allowZero)
{
    const std::size_t colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 >= text.size() || text.size() - colon - 1 > 5)
        return false;
    unsigned value = 0;
    for (std::size_t i = colon + 1; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9')
            return false;
        value = value * 10 + static_cast<unsigned>(text[i] - '0');
    }
    if (value > 65535 || (value == 0 && !allowZero))
        return false;
    in_addr probe {};
    if (::inet_pton(AF_INET, text.substr(0, colon).c_str(), &probe) != 1)
        return false;
    *host = text.substr(0, colon);
    *port = static_cast<std::uint16_t>(value);
    return true;
}

} // namespace usher
