// usher-faketerminal --listen 127.0.0.1:PORT [--decline] [--answer answer|silent|disconnect]
//                    [--delay-ms N]
// Prints the port it listens on as the first line of stdout, then serves until SIGINT or SIGTERM.
// The protocol and the SIMULATE verb are in docs/design/card-terminal.md.

#include "boxoffice/FakeTerminalServer.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

int usage(const char* message)
{
    std::fprintf(stderr,
                 "usher-faketerminal: %s\n"
                 "usage: usher-faketerminal --listen HOST:PORT [--decline] [--answer answer|silent|disconnect] "
                 "[--delay-ms N]\n",
                 message);
    return 2;
}

bool parseArguments(int argc, char** argv, usher::FakeTerminalOptions* options, std::string* problem)
{
    bool listen = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--listen" && hasValue) {
            if (!usher::parseHostPort(argv[++i], &options->host, &options->port, true)) {
                *problem = "--listen wants IPV4:PORT";
                return false;
            }
            listen = true;
        } else if (arg == "--decline") {
            options->defaultApprove = false;
        } else if (arg == "--answer" && hasValue) {
            const std::string value = argv[++i];
            if (value == "answer")
                options->defaultAnswer = usher::SimulatedAnswer::Answer;
            else if (value == "silent")
                options->defaultAnswer = usher::SimulatedAnswer::Silent;
            else if (value == "disconnect")
                options->defaultAnswer = usher::SimulatedAnswer::Disconnect;
            else {
                *problem = "--answer wants answer, silent or disconnect";
                return false;
            }
        } else if (arg == "--delay-ms" && hasValue) {
            char* end = nullptr;
            const long value = std::strtol(argv[++i], &end, 10);
            if (*end != '\0' || value < 0 || value > usher::kTerminalDelayMsMax) {
                *problem = "--delay-ms wants 0..600000";
                return false;
            }
            options->defaultDelayMs = static_cast<int>(value);
        } else {
            *problem = "unknown or incomplete argument: " + arg;
            return false;
        }
    }
    if (!listen)
        *problem = "--listen is required";
    return listen;
}

} // namespace

int main(int argc, char** argv)
{
    usher::FakeTerminalOptions options;
    std::string problem;
    if (!parseArguments(argc, argv, &options, &problem))
        return usage(problem.c_str());

    // Block the stop signals before any thread starts, then wait for one of them here.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    usher::FakeTerminalServer server(options);
    std::string error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "usher-faketerminal: %s\n", error.c_str());
        return 1;
    }
    std::printf("%u\n", static_cast<unsigned>(server.port()));
    std::fflush(stdout);
    int received = 0;
    sigwait(&stopSignals, &received);
    server.stop();
    return 0;
}
