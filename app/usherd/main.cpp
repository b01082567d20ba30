// usherd: the central service. main() parses the arguments (and the config file) and wires the
// payment gateway; engine/net/Usherd.cpp runs the rest.
//
//   usherd --data DIR [--listen HOST:PORT] [--config FILE] [--demo] [options]
//   usherd token create --role admin|promoter|clerk|device [--name N] --data DIR
//   usherd token create --role device --name N --channel C --data DIR   (also enrols it for sync)
//   usherd drain --store URI --node ID [--undo] [--wait S]               (a cluster node's maintenance)

#include "net/Cluster.h"
#include "net/DemoPaymentGateway.h"
#include "net/Log.h"
#include "net/Usherd.h"
#include "payments/HttpPaymentGateway.h"

#include <charconv>
#include <cstdio>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using usher::net::UsherdOptions;

constexpr int kExitUsage = 2;

void printUsage(std::FILE* out)
{
    std::fprintf(out,
                 "usage: usherd --data DIR [--listen HOST:PORT] [--config FILE] [--demo] [options]\n"
                 "       usherd token create --role admin|promoter|clerk|device [--name NAME] --data DIR\n"
                 "       usherd token create --role device --name NAME --channel C --data DIR\n"
                 "                             (a box office: also enrolled for the sync on channel C;\n"
                 "                             refused while usherd runs there: use POST /api/devices)\n"
                 "       usherd drain --store URI --node ID [--undo] [--wait S]\n"
                 "                             a cluster node hands its events to the others (before\n"
                 "                             maintenance); waits up to S s (default 60) until it owns\n"
                 "                             none; --undo takes it back\n\n"
                 "  --data DIR                 the data directory (created when missing)\n"
                 "  --store URL                the engine's storage on PostgreSQL (postgresql://user@host/db);\n"
                 "                             default: SQLite in the data directory, which keeps the other stores\n"
                 "  --node-id ID               with --store: one node of several on that database; each event\n"
                 "                             is served by the node that owns it, the others redirect (307)\n"
                 "  --advertise URL            with --node-id: this node's URL in those redirects\n"
                 "                             (default http://<listen host>:<port>)\n"
                 "  --failover-timeout S       with --node-id: a node whose heartbeat is older loses its\n"
                 "                             events to the others (default 10)\n"
                 "  --listen HOST:PORT         default 127.0.0.1:8080; port 0 picks a free one\n"
                 "  --config FILE              'key = value' lines, keys as the long options without '--';\n"
                 "                             SIGHUP re-reads it: the log level, rate limits and\n"
                 "                             availability max-age apply at once (man usherd)\n"
                 "  --demo                     sample venues with events on sale (when the data has no events)\n"
                 "  --demo-large N             with --demo, also an event of N generated seats (id 100)\n"
                 "  --threads N                network threads (default 2)\n"
                 "  --tls-cert FILE            PEM certificate chain: serve https and wss\n"
                 "  --tls-key FILE             PEM private key (default: in the certificate file)\n"
                 "  --payment-gateway URL      http://host:port of the payment gateway, or 'demo' (in-process,\n"
                 "                             the default with --demo); without one, purchases answer 503\n"
                 "  --rate-limit R             holds per second per buyer (default 10; 0 disables)\n"
                 "  --rate-burst B             token bucket size (default 20)\n"
                 "  --availability-max-age S   Cache-Control max-age of availability (default 1)\n"
                 "  --max-connections N        default 20000\n"
                 "  --max-body-bytes N         default 1048576\n"
                 "  --max-header-bytes N       default 16384\n"
                 "  --header-timeout-ms N      default 10000\n"
                 "  --idle-timeout-ms N        default 60000\n"
                 "  --ws-queue-bytes N         WebSocket send buffer per client; a client over it is dropped\n"
                 "                             (default 8388608)\n"
                 "  --no-fsync                 commit without fsync (WAL NORMAL): faster, not power-loss safe\n"
                 "  --port-file FILE           write the bound port there once listening\n"
                 "  --log-level L              debug, info (default), warn, error\n");
}

template <typename Number>
bool parseNumber(std::string_view text, Number* value)
{
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
    return ec == std::errc() && end == text.data() + text.size();
}

struct Parsed {
    UsherdOptions options;
    std::string gateway;
};

// Applies one option; false on a bad name or value.
bool applyOption(Parsed& parsed, std::string_view name, std::string_view value, std::string* error)
{
    UsherdOptions& o = parsed.options;
    auto number = [&](auto* target) {
        if (parseNumber(value, target))
            return true;
        *error = "--" + std::string(name) + ": expected a number, got '" + std::string(value) + "'";
        return false;
    };
    if (name == "data")
        o.dataDirectory = value;
    else if (name == "store")
        o.store = value;
    else if (name == "node-id")
        o.nodeId = value;
    else if (name == "advertise")
        o.advertiseUrl = value;
    else if (name == "failover-timeout") {
        double seconds = 0;
        if (!parseNumber(value, &seconds) || seconds < 0.4 || seconds > 3600) {
            *error = "--failover-timeout: expected seconds from 0.4 to 3600, got '" + std::string(value) + "'";
            return false;
        }
        o.failoverTimeoutMs = std::int64_t(seconds * 1000);
    }
    else if (name == "listen") {
        const std::size_t colon = value.rfind(':');
        if (colon == std::string_view::npos || !parseNumber(value.substr(colon + 1), &o.server.port)) {
            *error = "--listen: expected HOST:PORT";
            return false;
        }
        o.server.host = value.substr(0, colon);
    } else if (name == "threads")
        return number(&o.server.threads);
    else if (name == "demo-large")
        return number(&o.demoLargeSeats);
    else if (name == "tls-cert")
        o.server.tlsCertificateFile = value;
    else if (name == "tls-key")
        o.server.tlsKeyFile = value;
    else if (name == "payment-gateway")
        parsed.gateway = value;
    else if (name == "rate-limit")
        return number(&o.api.buyerRatePerSecond);
    else if (name == "rate-burst")
        return number(&o.api.buyerBurst);
    else if (name == "availability-max-age")
        return number(&o.api.availabilityMaxAgeSeconds);
    else if (name == "max-connections")
        return number(&o.server.connectionsMax);
    else if (name == "max-body-bytes")
        return number(&o.server.bodyBytesMax);
    else if (name == "max-header-bytes")
        return number(&o.server.headerBytesMax);
    else if (name == "header-timeout-ms")
        return number(&o.server.headerTimeoutMs);
    else if (name == "idle-timeout-ms")
        return number(&o.server.idleTimeoutMs);
    else if (name == "ws-queue-bytes")
        return number(&o.server.wsQueueBytesMax);
    else if (name == "port-file")
        o.portFile = value;
    else if (name == "log-level") {
        if (!usher::net::parseLogLevel(value, &o.logLevel)) {
            *error = "--log-level: debug, info, warn or error";
            return false;
        }
    } else {
        *error = "unknown option --" + std::string(name);
        return false;
    }
    return true;
}

bool isFlag(std::string_view name)
{
    return name == "demo" || name == "no-fsync";
}

bool applyFlag(Parsed& parsed, std::string_view name)
{
    if (name == "demo")
        parsed.options.demo = true;
    else if (name == "no-fsync")
        parsed.options.synchronousFull = false;
    else
        return false;
    return true;
}

bool readConfig(Parsed& parsed, const std::string& path, std::string* error)
{
    std::ifstream file(path);
    if (!file) {
        *error = "cannot read the config file " + path;
        return false;
    }
    std::string line;
    int number = 0;
    while (std::getline(file, line)) {
        ++number;
        auto trim = [](std::string_view s) {
            while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
                s.remove_prefix(1);
            while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
                s.remove_suffix(1);
            return s;
        };
        const std::string_view text = trim(line);
        if (text.empty() || text.front() == '#')
            continue;
        const std::size_t eq = text.find('=');
        const std::string_view key = trim(text.substr(0, eq));
        const std::string_view value = eq == std::string_view::npos ? std::string_view {} : trim(text.substr(eq + 1));
        const bool ok = eq == std::string_view::npos || (isFlag(key) && (value == "true" || value == "false"))
            ? (value == "false" || applyFlag(parsed, key))
            : applyOption(parsed, key, value, error);
        if (!ok) {
            *error = path + ":" + std::to_string(number) + ": " + (error->empty() ? "bad line" : *error);
            return false;
        }
        if (value == "false")
            parsed.options.settings.erase(std::string(key)); // a flag set to false is the default
        else
            parsed.options.settings[std::string(key)] = value.empty() ? "true" : std::string(value);
    }
    return true;
}

// The config file first, so that options on the command line override it. SIGHUP runs this again.
bool parseArguments(const std::vector<std::string_view>& args, Parsed& parsed, std::string* error)
{
    for (std::size_t i = 0; i + 1 < args.size(); ++i)
        if (args[i] == "--config" && !readConfig(parsed, std::string(args[i + 1]), error))
            return false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (!args[i].starts_with("--")) {
            *error = "unexpected argument " + std::string(args[i]);
            return false;
        }
        const std::string_view name = args[i].substr(2);
        if (isFlag(name)) {
            applyFlag(parsed, name);
            parsed.options.settings[std::string(name)] = "true";
            continue;
        }
        if (i + 1 >= args.size()) {
            *error = "missing value for --" + std::string(name);
            return false;
        }
        const std::string_view value = args[++i];
        if (name == "config")
            continue;
        if (!applyOption(parsed, name, value, error))
            return false;
        parsed.options.settings[std::string(name)] = value;
    }
    if (parsed.options.dataDirectory.empty()) {
        *error = "--data DIR is required";
        return false;
    }
    return true;
}

int usage(const std::string& message)
{
    std::fprintf(stderr, "usherd: %s\n\n", message.c_str());
    printUsage(stderr);
    return kExitUsage;
}

int tokenCommand(const std::vector<std::string_view>& args)
{
    if (args.size() < 2 || args[1] != "create")
        return usage("expected 'token create'");
    std::string role;
    std::string name;
    std::string data;
    std::string channel;
    for (std::size_t i = 2; i < args.size(); ++i) {
        if (i + 1 >= args.size())
            return usage("missing value for " + std::string(args[i]));
        if (args[i] == "--role")
            role = args[++i];
        else if (args[i] == "--name")
            name = args[++i];
        else if (args[i] == "--data")
            data = args[++i];
        else if (args[i] == "--channel")
            channel = args[++i];
        else
            return usage("unknown option " + std::string(args[i]));
    }
    if (role.empty() || data.empty())
        return usage("token create needs --role and --data");
    if (!channel.empty()) {
        std::uint32_t number = 0;
        if (role != "device" || !parseNumber(std::string_view(channel), &number))
            return usage("--channel N goes with --role device (a box office's sales channel id)");
        return usher::net::enrolDevice(data, name, number);
    }
    return usher::net::createToken(data, role, name);
}

} // namespace

int main(int argc, char** argv)
{
    usher::net::blockTerminationSignals(); // before any thread exists
    std::vector<std::string_view> args(argv + 1, argv + argc);
    if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
        printUsage(stdout);
        return 0;
    }
    if (!args.empty() && args[0] == "token")
        return tokenCommand(args);
    if (!args.empty() && args[0] == "drain")
        return usher::net::drainCommand(std::vector<std::string_view>(args.begin() + 1, args.end()));

    Parsed parsed;
    std::string error;
    if (!parseArguments(args, parsed, &error))
        return usage(error);
    usher::net::setLogLevel(parsed.options.logLevel);
    // SIGHUP: the config file and the command line again; runUsherd() applies what it can.
    parsed.options.reload = [args](UsherdOptions* fresh, std::string* reloadError) {
        Parsed again;
        if (!parseArguments(args, again, reloadError))
            return false;
        *fresh = std::move(again.options);
        return true;
    };

    std::unique_ptr<usher::PaymentGateway> gateway;
    if (parsed.gateway == "demo" || (parsed.gateway.empty() && parsed.options.demo)) {
        gateway = std::make_unique<usher::net::DemoPaymentGateway>();
    } else if (!parsed.gateway.empty()) {
        const auto url = usher::payproto::parseGatewayUrl(parsed.gateway);
        if (url.status != usher::payproto::GatewayUrlStatus::Ok)
            return usage("--payment-gateway: " + std::string(usher::payproto::gatewayUrlStatusName(url.status)));
        usher::HttpPaymentGatewayOptions options;
        options.endpoint = url.endpoint;
        gateway = std::make_unique<usher::HttpPaymentGateway>(options);
    }
    return usher::net::runUsherd(parsed.options, gateway.get());
}
