#include "LoadClient.h"

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <thread>
#include <time.h>
#include <unistd.h>

namespace usher::bench {

namespace {

int connectTo(Endpoint endpoint)
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(endpoint.port);
    address.sin_addr.s_addr = htonl(endpoint.address);
    if (connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        close(fd);
        return -1;
    }
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

void setNonBlocking(int fd)
{
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

bool writeAll(int fd, const std::string& data)
{
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = send(fd, data.data() + done, data.size() - done, MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        done += std::size_t(n);
    }
    return true;
}

// Parses one response at the front of `in`; returns its length (0: incomplete).
std::size_t parseResponse(const std::string& in, int* status, std::string* body)
{
    const std::size_t end = in.find("\r\n\r\n");
    if (end == std::string::npos || in.size() < 12)
        return 0;
    *status = std::atoi(in.c_str() + 9);
    std::size_t length = 0;
    const std::size_t at = in.find("Content-Length: ");
    if (at != std::string::npos && at < end)
        length = std::size_t(std::atoll(in.c_str() + at + 16));
    if (in.size() < end + 4 + length)
        return 0;
    if (body)
        body->assign(in, end + 4, length);
    return end + 4 + length;
}

} // namespace

std::int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

Percentiles percentiles(std::vector<std::int64_t> ns)
{
    Percentiles p;
    if (ns.empty())
        return p;
    std::sort(ns.begin(), ns.end());
    p.p50Ms = double(ns[ns.size() / 2]) / 1e6;
    p.p99Ms = double(ns[std::min(ns.size() - 1, ns.size() * 99 / 100)]) / 1e6;
    p.maxMs = double(ns.back()) / 1e6;
    return p;
}

std::string httpRequest(const std::string& method, const std::string& path, const std::string& body,
                        const std::string& extraHeaders)
{
    std::string request = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders;
    if (!body.empty() || method == "POST")
        request += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
    request += "\r\n" + body;
    return request;
}

bool parseEndpoint(const std::string& text, Endpoint* endpoint)
{
    const std::size_t colon = text.rfind(':');
    if (colon == std::string::npos)
        return false;
    in_addr address {};
    if (inet_pton(AF_INET, text.substr(0, colon).c_str(), &address) != 1)
        return false;
    const std::string portText = text.substr(colon + 1);
    char* end = nullptr;
    const unsigned long port = std::strtoul(portText.c_str(), &end, 10);
    if (portText.empty() || *end != '\0' || port == 0 || port > 65535)
        return false;
    *endpoint = Endpoint(ntohl(address.s_addr), std::uint16_t(port));
    return true;
}

BlockingConnection::BlockingConnection(Endpoint endpoint)
    : m_fd(connectTo(endpoint))
{
}

BlockingConnection::~BlockingConnection()
{
    if (m_fd >= 0)
        close(m_fd);
}

SimpleResponse BlockingConnection::request(const std::string& raw)
{
    SimpleResponse response;
    if (m_fd < 0 || !writeAll(m_fd, raw))
        return response;
    char chunk[65536];
    for (;;) {
        if (const std::size_t used = parseResponse(m_buffer, &response.status, &response.body)) {
            m_buffer.erase(0, used);
            return response;
        }
        const ssize_t n = recv(m_fd, chunk, sizeof chunk, 0);
        if (n <= 0) {
            response.status = 0;
            return response;
        }
        m_buffer.append(chunk, std::size_t(n));
    }
}

LoadResult runClosedLoop(Endpoint endpoint, std::size_t connections, double seconds,
                         const std::function<std::string(std::size_t, std::uint64_t)>& make)
{
    struct Conn {
        int fd = -1;
        std::string in;
        std::int64_t sentNs = 0;
        std::uint64_t n = 0;
        bool alive = false;
    };
    LoadResult result;
    std::vector<Conn> conns(connections);
    const int epoll = epoll_create1(0);
    for (std::size_t i = 0; i < connections; ++i) {
        conns[i].fd = connectTo(endpoint);
        if (conns[i].fd < 0) {
            ++result.failedConnections;
            continue;
        }
        setNonBlocking(conns[i].fd);
        epoll_event event {};
        event.events = EPOLLIN;
        event.data.u64 = i;
        epoll_ctl(epoll, EPOLL_CTL_ADD, conns[i].fd, &event);
        conns[i].alive = true;
    }
    const std::int64_t start = nowNs();
    const std::int64_t end = start + std::int64_t(seconds * 1e9);
    result.latenciesNs.reserve(1 << 20);
    auto sendNext = [&](std::size_t i) {
        Conn& c = conns[i];
        c.sentNs = nowNs();
        if (!writeAll(c.fd, make(i, c.n++)))
            c.alive = false;
    };
    for (std::size_t i = 0; i < connections; ++i)
        if (conns[i].alive)
            sendNext(i);
    std::vector<epoll_event> events(1024);
    char chunk[65536];
    std::size_t outstanding = connections - result.failedConnections;
    while (outstanding > 0) {
        const int ready = epoll_wait(epoll, events.data(), int(events.size()), 100);
        const std::int64_t now = nowNs();
        if (now > end + 5'000'000'000)
            break; // answers that never come
        for (int e = 0; e < ready; ++e) {
            Conn& c = conns[events[std::size_t(e)].data.u64];
            const ssize_t n = recv(c.fd, chunk, sizeof chunk, 0);
            if (n <= 0) {
                if (n < 0 && errno == EAGAIN)
                    continue;
                c.alive = false;
                epoll_ctl(epoll, EPOLL_CTL_DEL, c.fd, nullptr);
                --outstanding;
                continue;
            }
            c.in.append(chunk, std::size_t(n));
            int status = 0;
            while (const std::size_t used = parseResponse(c.in, &status, nullptr)) {
                c.in.erase(0, used);
                const std::int64_t done = nowNs();
                ++result.requests;
                ++result.statuses[status];
                result.latenciesNs.push_back(done - c.sentNs);
                if (done < end) {
                    sendNext(std::size_t(events[std::size_t(e)].data.u64));
                } else {
                    epoll_ctl(epoll, EPOLL_CTL_DEL, c.fd, nullptr);
                    --outstanding;
                }
            }
        }
    }
    result.seconds = double(std::min(nowNs(), end) - start) / 1e9;
    for (Conn& c : conns)
        if (c.fd >= 0)
            close(c.fd);
    close(epoll);
    return result;
}

namespace {

std::string maskedTextFrame(const std::string& payload)
{
    std::string frame;
    frame.push_back(char(0x81));
    if (payload.size() < 126) {
        frame.push_back(char(0x80 | payload.size()));
    } else {
        frame.push_back(char(0x80 | 126));
        frame.push_back(char(payload.size() >> 8));
        frame.push_back(char(payload.size() & 0xff));
    }
    const char mask[4] = { 0x11, 0x22, 0x33, 0x44 };
    frame.append(mask, 4);
    for (std::size_t i = 0; i < payload.size(); ++i)
        frame.push_back(char(payload[i] ^ mask[i % 4]));
    return frame;
}

// One unmasked server frame at the front of `in`: its length (0: incomplete), payload view.
std::size_t parseFrame(const std::string& in, std::size_t offset, std::size_t* payloadAt, std::size_t* payloadSize)
{
    if (in.size() - offset < 2)
        return 0;
    const auto* p = reinterpret_cast<const unsigned char*>(in.data() + offset);
    std::size_t header = 2;
    std::uint64_t length = p[1] & 0x7f;
    if (length == 126) {
        if (in.size() - offset < 4)
            return 0;
        length = (std::uint64_t(p[2]) << 8) | p[3];
        header = 4;
    } else if (length == 127) {
        if (in.size() - offset < 10)
            return 0;
        length = 0;
        for (int i = 0; i < 8; ++i)
            length = (length << 8) | p[2 + i];
        header = 10;
    }
    if (in.size() - offset < header + length)
        return 0;
    *payloadAt = offset + header;
    *payloadSize = std::size_t(length);
    return header + std::size_t(length);
}

std::int64_t realtimeNs()
{
    timespec now {};
    clock_gettime(CLOCK_REALTIME, &now);
    return std::int64_t(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// recv() that also gives the arrival time of what it read: with `kernelTimestamp`, the receive
// timestamp of the latest segment read (SO_TIMESTAMPNS, CLOCK_REALTIME; for several frames in one
// read an upper bound of the earlier ones' arrival, never an earlier time); else nowNs() after the read.
ssize_t receive(int fd, char* buffer, std::size_t size, bool kernelTimestamp, std::int64_t* arrivedNs)
{
    if (!kernelTimestamp) {
        const ssize_t n = recv(fd, buffer, size, 0);
        *arrivedNs = nowNs();
        return n;
    }
    iovec data { buffer, size };
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(timespec))];
    msghdr message {};
    message.msg_iov = &data;
    message.msg_iovlen = 1;
    message.msg_control = control;
    message.msg_controllen = sizeof control;
    const ssize_t n = recvmsg(fd, &message, 0);
    *arrivedNs = 0;
    for (cmsghdr* c = CMSG_FIRSTHDR(&message); n > 0 && c != nullptr; c = CMSG_NXTHDR(&message, c)) {
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_TIMESTAMPNS) {
            timespec at {};
            std::memcpy(&at, CMSG_DATA(c), sizeof at);
            *arrivedNs = std::int64_t(at.tv_sec) * 1'000'000'000 + at.tv_nsec;
        }
    }
    if (n > 0 && *arrivedNs == 0)
        *arrivedNs = realtimeNs(); // no timestamp (should not happen): the later time, never an earlier one
    return n;
}

} // namespace

FanoutResult runFanout(Endpoint endpoint, std::size_t subscribers, std::uint64_t event, std::size_t changes,
                       int intervalMs, std::uint32_t firstSeat, const std::function<void(std::uint32_t)>& change,
                       const std::function<void(bool)>& phase, const FanoutClock& clock)
{
    FanoutResult result;
    result.subscribers = subscribers;
    struct Sub {
        int fd = -1;
        std::string in;
        bool snapshot = false;
    };
    std::vector<Sub> subs(subscribers);
    const int epoll = epoll_create1(0);
    const std::string subscribe
        = maskedTextFrame("{\"type\":\"subscribe\",\"events\":[" + std::to_string(event) + "]}");
    const std::int64_t connectStart = nowNs();
    for (std::size_t i = 0; i < subscribers; ++i) {
        Sub& s = subs[i];
        s.fd = connectTo(endpoint);
        if (s.fd < 0)
            continue;
        const std::string upgrade
            = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        // A client must wait for the 101 before sending frames (RFC 6455, 4.1).
        bool upgraded = writeAll(s.fd, upgrade);
        char buffer[4096];
        while (upgraded && s.in.find("\r\n\r\n") == std::string::npos) {
            const ssize_t n = recv(s.fd, buffer, sizeof buffer, 0);
            if (n <= 0)
                upgraded = false;
            else
                s.in.append(buffer, std::size_t(n));
        }
        if (!upgraded || s.in.compare(0, 12, "HTTP/1.1 101") != 0 || !writeAll(s.fd, subscribe)) {
            close(s.fd);
            s.fd = -1;
            continue;
        }
        s.in.erase(0, s.in.find("\r\n\r\n") + 4);
        if (clock.kernelTimestamps) {
            const int one = 1;
            setsockopt(s.fd, SOL_SOCKET, SO_TIMESTAMPNS, &one, sizeof one);
        }
        setNonBlocking(s.fd);
        epoll_event e {};
        e.events = EPOLLIN;
        e.data.u64 = i;
        epoll_ctl(epoll, EPOLL_CTL_ADD, s.fd, &e);
        ++result.connected;
    }

    // Kernel timestamps are CLOCK_REALTIME: the start of each change is taken on the same clock.
    const auto changeClockNs = [&clock] { return clock.kernelTimestamps ? realtimeNs() : nowNs(); };
    std::vector<std::atomic<std::int64_t>> startNs(changes);
    std::vector<std::atomic<std::int64_t>> answerNs(changes);
    std::vector<std::int64_t> firstNs(changes, std::numeric_limits<std::int64_t>::max());
    std::vector<std::size_t> arrivals(changes, 0);
    std::vector<std::int64_t> lastNs(changes, 0);
    std::size_t snapshots = 0;
    std::vector<epoll_event> events(4096);
    char chunk[65536];
    std::thread driver;
    // The driver's change() waits for the hold's answer, which a busy server may give late: the
    // wait for arrivals runs from the last change, not from a schedule (a fixed deadline counted
    // late changes as never delivered).
    std::atomic<std::int64_t> driverDoneNs { 0 };
    std::size_t complete = 0;
    const std::int64_t snapshotDeadline = nowNs() + 60'000'000'000; // until every subscriber has its snapshot
    bool driving = false;
    for (;;) {
        const std::int64_t now = nowNs();
        if (!driving && now > snapshotDeadline)
            break;
        const std::int64_t done = driverDoneNs.load();
        if (driving && (complete == changes || (done && now > done + 3'000'000'000)))
            break;
        if (!driving && (snapshots == result.connected || now - connectStart > 60'000'000'000)) {
            driving = true;
            result.connectSeconds = double(now - connectStart) / 1e9;
            if (phase)
                phase(true);
            driver = std::thread([&] {
                for (std::size_t k = 0; k < changes; ++k) {
                    startNs[k] = changeClockNs();
                    change(firstSeat + std::uint32_t(k));
                    answerNs[k] = changeClockNs();
                    std::this_thread::sleep_for(std::chrono::milliseconds(intervalMs));
                }
                driverDoneNs = nowNs();
            });
        }
        const int ready = epoll_wait(epoll, events.data(), int(events.size()), clock.kernelTimestamps ? 0 : 20);
        if (clock.kernelTimestamps && ready < int(events.size()))
            std::this_thread::sleep_for(std::chrono::microseconds(std::max(1, clock.pollIntervalUs)));
        for (int e = 0; e < ready; ++e) {
            Sub& s = subs[events[std::size_t(e)].data.u64];
            std::int64_t arrivedNs = 0;
            const ssize_t n = receive(s.fd, chunk, sizeof chunk, clock.kernelTimestamps, &arrivedNs);
            if (n <= 0) {
                if (n < 0 && errno == EAGAIN)
                    continue;
                epoll_ctl(epoll, EPOLL_CTL_DEL, s.fd, nullptr);
                continue;
            }
            s.in.append(chunk, std::size_t(n));
            std::size_t offset = 0;
            std::size_t at = 0;
            std::size_t size = 0;
            while (const std::size_t used = parseFrame(s.in, offset, &at, &size)) {
                const std::string_view payload(s.in.data() + at, size);
                offset += used;
                if (!s.snapshot && payload.find("\"type\":\"snapshot\"") != std::string_view::npos) {
                    s.snapshot = true;
                    ++snapshots;
                } else if (payload.find("\"type\":\"delta\"") != std::string_view::npos) {
                    // Every seat of the delta counts: one delta may carry several changes.
                    // "seats":[[id,state],[id,state]]
                    std::size_t pos = payload.find("\"seats\":[");
                    if (pos != std::string_view::npos)
                        pos += 9;
                    while (pos < payload.size() && payload[pos] == '[') {
                        const auto seat = std::uint32_t(std::atoll(payload.data() + pos + 1));
                        if (seat >= firstSeat && seat - firstSeat < changes) {
                            // The latest arrival: with kernel timestamps, reading order is not arrival order.
                            std::int64_t& last = lastNs[seat - firstSeat];
                            last = std::max(last, arrivedNs);
                            firstNs[seat - firstSeat] = std::min(firstNs[seat - firstSeat], arrivedNs);
                            if (++arrivals[seat - firstSeat] == result.connected)
                                ++complete;
                        }
                        pos = payload.find(']', pos);
                        if (pos == std::string_view::npos)
                            break;
                        ++pos;
                        if (pos < payload.size() && payload[pos] == ',')
                            ++pos;
                    }
                }
            }
            s.in.erase(0, offset);
        }
    }
    if (driver.joinable())
        driver.join();
    if (driving && phase)
        phase(false);
    for (std::size_t k = 0; k < changes; ++k) {
        if (arrivals[k] >= result.connected && startNs[k] > 0) {
            result.lastArrivalNs.push_back(lastNs[k] - startNs[k]);
            result.answeredNs.push_back(answerNs[k] - startNs[k]);
            result.firstArrivalNs.push_back(firstNs[k] - startNs[k]);
        } else
            ++result.incomplete;
    }
    for (Sub& s : subs)
        if (s.fd >= 0)
            close(s.fd);
    close(epoll);
    return result;
}

} // namespace usher::bench
