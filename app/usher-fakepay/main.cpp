// usher-fakepay: a fake card payment gateway with fault injection, for tests and demos. Serves the
// protocol of docs/design/payments.md; faults are set here by flags and changed at runtime with
// POST /control. The first line on stdout is the port it listens on (useful with port 0).

#include "payments/FakeGatewayServer.h"

#include <charconv>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

namespace {

constexpr const char* kUsage = R"(usage: usher-fakepay [options]
  --listen HOST:PORT        listen address (default 127.0.0.1:0; port 0 picks a free port)
  --seed N                  random seed for fault injection (default 1)
  --latency-ms MS           delay before every answer
  --decline-rate R          fraction of new charges declined (0..1); token "tok_decline" always is
  --error-rate R            fraction of requests answered 500, nothing recorded
  --timeout-rate R          fraction recorded but answered only after --timeout-delay-ms
  --hang-rate R             fraction read but never recorded nor answered
  --rate-limit N            requests per second before 429 + Retry-After (0 = off)
  --timeout-delay-ms MS     how late a "timeout" answer comes (default 10000)
  --hang-ms MS              how long a hung request keeps its connection (default 30000)
The first stdout line is the listening port. Change faults at runtime: POST /control {"errorRate": 0.5}.
)";

template <typename T>
bool parseNumber(std::string_view text, T& out)
{
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

bool parseListen(std::string_view text, usher::FakeGatewayServerOptions& options)
{
    const std::size_t colon = text.rfind(':');
    if (colon == std::string_view::npos || colon == 0)
        return false;
    unsigned port = 0;
    if (!parseNumber(text.substr(colon + 1), port) || port > 65535)
        return false;
    std::string_view host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    options.host = std::string(host);
    options.port = static_cast<std::uint16_t>(port);
    return true;
}

// Applies one "--flag value" pair; false on an unknown flag or a bad value.
bool applyFlag(std::string_view flag, std::string_view value, usher::FakeGatewayServerOptions& options)
{
    usher::FakeFaults& faults = options.faults;
    if (flag == "--listen")
        return parseListen(value, options);
    if (flag == "--seed")
        return parseNumber(value, options.seed);
    if (flag == "--latency-ms")
        return parseNumber(value, faults.latencyMs);
    if (flag == "--decline-rate")
        return parseNumber(value, faults.declineRate);
    if (flag == "--error-rate")
        return parseNumber(value, faults.errorRate);
    if (flag == "--timeout-rate")
        return parseNumber(value, faults.timeoutRate);
    if (flag == "--hang-rate")
        return parseNumber(value, faults.hangRate);
    if (flag == "--rate-limit")
        return parseNumber(value, faults.rateLimitPerSecond);
    if (flag == "--timeout-delay-ms")
        return parseNumber(value, faults.timeoutDelayMs);
    if (flag == "--hang-ms")
        return parseNumber(value, faults.hangMs);
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    usher::FakeGatewayServerOptions options;
    options.handleSignals = true;
    for (int i = 1; i < argc; ++i) {
        const std::string_view flag = argv[i];
        if (flag == "--help" || flag == "-h") {
            std::fputs(kUsage, stdout);
            return 0;
        }
        if (i + 1 >= argc || !applyFlag(flag, argv[i + 1], options)) {
            std::fprintf(stderr, "usher-fakepay: bad or incomplete option %s\n%s", argv[i], kUsage);
            return 2;
        }
        ++i;
    }
    if (!usher::FakeGatewayLedger::validFaults(options.faults)) {
        std::fprintf(stderr, "usher-fakepay: a fault value is out of range (rates 0..1, durations 0..600000 ms)\n");
        return 2;
    }
    usher::FakeGatewayServer server(options);
    if (const auto status = server.listen(); status != usher::FakeServerStatus::Ok) {
        std::fprintf(stderr, "usher-fakepay: cannot listen on %s:%u: %s\n", options.host.c_str(),
                     static_cast<unsigned>(options.port), usher::fakeServerStatusName(status));
        return 1;
    }
    std::printf("%u\n", static_cast<unsigned>(server.port()));
    std::fflush(stdout);
    std::fprintf(stderr, "usher-fakepay: listening on %s:%u (seed %llu)\n", options.host.c_str(),
                 static_cast<unsigned>(server.port()), static_cast<unsigned long long>(options.seed));
    server.run();
    return 0;
}
