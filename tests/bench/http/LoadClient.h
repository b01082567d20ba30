#pragma once

// Minimal HTTP/1.1 and WebSocket clients on epoll, for `usher-bench http`. They parse just enough
// (status line, Content-Length, unmasked server frames) to be cheap: on loopback the client shares
// the machine's two cores with the server it measures.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace usher::bench {

std::int64_t nowNs();

// Where the server listens: an IPv4 address and a port; loopback unless said otherwise (a port alone
// converts, as every loopback caller has only a port).
struct Endpoint {
    Endpoint(std::uint16_t p) // implicit: a port alone means loopback
        : port(p)
    {
    }
    Endpoint(std::uint32_t ipv4HostOrder, std::uint16_t p)
        : address(ipv4HostOrder)
        , port(p)
    {
    }
    std::uint32_t address = 0x7F000001; // 127.0.0.1, host byte order
    std::uint16_t port = 0;
};

// "A.B.C.D:PORT" -> an endpoint; false for anything else (no names: the benchmark resolves nothing).
bool parseEndpoint(const std::string& text, Endpoint* endpoint);

struct Percentiles {
    double p50Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
};
Percentiles percentiles(std::vector<std::int64_t> ns);

struct SimpleResponse {
    int status = 0;
    std::string body;
};

// A blocking keep-alive connection for set-up work (sessions, single requests).
class BlockingConnection {
public:
    explicit BlockingConnection(Endpoint endpoint);
    ~BlockingConnection();
    BlockingConnection(const BlockingConnection&) = delete;
    BlockingConnection& operator=(const BlockingConnection&) = delete;
    bool ok() const { return m_fd >= 0; }
    SimpleResponse request(const std::string& raw);

private:
    int m_fd = -1;
    std::string m_buffer;
};

std::string httpRequest(const std::string& method, const std::string& path, const std::string& body,
                        const std::string& extraHeaders);

struct LoadResult {
    std::uint64_t requests = 0;
    std::uint64_t failedConnections = 0;
    std::map<int, std::uint64_t> statuses;
    std::vector<std::int64_t> latenciesNs;
    double seconds = 0;
};

// Closed loop: every connection sends make(connection, n), waits for the answer, sends the next,
// until `seconds` have passed.
LoadResult runClosedLoop(Endpoint endpoint, std::size_t connections, double seconds,
                         const std::function<std::string(std::size_t, std::uint64_t)>& make);

struct FanoutResult {
    std::size_t subscribers = 0;
    std::size_t connected = 0;
    std::vector<std::int64_t> lastArrivalNs; // per change that reached every subscriber
    // For the same changes, where the time went: the hold's answer (HTTP round trip with the commit)
    // and the first subscriber's arrival; last - first is the spread of the sends.
    std::vector<std::int64_t> answeredNs;
    std::vector<std::int64_t> firstArrivalNs;
    std::size_t incomplete = 0;              // changes some subscriber never got
    double connectSeconds = 0;
};

// How runFanout() takes a delta's arrival time at a subscriber.
struct FanoutClock {
    // true: the kernel's receive timestamp of the data (SO_TIMESTAMPNS, the time the delta reached the
    // subscriber's socket), so the client may read late without adding to the figure, and it then
    // reads every `pollIntervalUs` (epoll without blocking in between: fewer wake-ups for usherd's
    // sends to pay, as real subscribers on other machines would not cost it). false: the time this
    // client parsed the delta, reading as soon as epoll reports it (the figure includes the client's
    // own scheduling on the shared cores).
    bool kernelTimestamps = false;
    int pollIntervalUs = 1000;
};

// Connects `subscribers` WebSocket clients subscribed to `event`, then calls change(seat) for seats
// firstSeat, firstSeat + 1, ... (`changes` of them) every intervalMs from another thread. Measures
// the time from just before each change(seat) to the arrival of the delta naming that seat at the
// last subscriber (the latest arrival over all subscribers, see FanoutClock). `phase(true)` is
// called when every subscriber has its snapshot, just before the first change; `phase(false)` once
// the deltas are counted, before the subscribers disconnect (the benchmark reads usherd's CPU time
// there: the deltas alone, without connects and snapshots).
FanoutResult runFanout(Endpoint endpoint, std::size_t subscribers, std::uint64_t event, std::size_t changes,
                       int intervalMs, std::uint32_t firstSeat, const std::function<void(std::uint32_t)>& change,
                       const std::function<void(bool)>& phase = {}, const FanoutClock& clock = {});

} // namespace usher::bench
