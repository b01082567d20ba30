#pragma once

// A connected TCP socket with deadlines, for line protocols (the card terminal and its fake).
// Plain POSIX: the engine links Qt Core only, and a blocking call with a deadline is what the
// counter sale needs (it runs off the UI thread). Every wait has a limit.

#include <cstdint>
#include <string>

namespace usher {

enum class LineRead : std::uint8_t { Line, TimedOut, Closed, TooLong, Error };

class LineSocket {
public:
    LineSocket() = default;
    explicit LineSocket(int fd)
        : m_fd(fd)
    {
    }
    ~LineSocket();
    LineSocket(LineSocket&& other) noexcept;
    LineSocket& operator=(LineSocket&& other) noexcept;
    LineSocket(const LineSocket&) = delete;
    LineSocket& operator=(const LineSocket&) = delete;

    // Connects to an IPv4 address ("127.0.0.1") within timeoutMs.
    static LineSocket connectTo(const std::string& host, std::uint16_t port, int timeoutMs, std::string* error);

    bool isOpen() const { return m_fd >= 0; }
    int fd() const { return m_fd; }
    bool sendAll(const std::string& data, int timeoutMs);
    // Reads one line (without its '\n'; a trailing '\r' is dropped) within timeoutMs.
    LineRead readLine(std::string* line, int timeoutMs, std::size_t bytesMax);
    void shutdownBoth(); // wakes a thread blocked on this socket (used when stopping a server)
    void close();

private:
    int m_fd = -1;
    std::string m_buffer;
};

// "127.0.0.1:8080" → host and port (port 0 allowed when allowZero).
bool parseHostPort(const std::string& text, std::string* host, std::uint16_t* port, bool allowZero);

} // namespace usher
