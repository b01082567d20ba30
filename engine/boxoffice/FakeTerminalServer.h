#pragma once

// A simulated card terminal that speaks the real line protocol over TCP, with fault injection
// (SIMULATE: approve or decline, answer / never answer / drop the connection, after a delay).
// usher-faketerminal wraps it in a program; tests run that program on loopback.

#include "boxoffice/LineSocket.h"
#include "boxoffice/TerminalProtocol.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <list>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace usher {

struct FakeTerminalOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;            // 0: the system picks one (see port())
    std::size_t connectionsMax = 32;   // beyond: "ERROR busy" and close
    std::size_t paymentsMax = 100'000; // remembered references; beyond: "ERROR full"
    std::size_t scriptedMax = 64;      // queued SIMULATE entries
    int idleTimeoutMs = 120'000;       // a connection silent this long is closed
    SimulatedAnswer defaultAnswer = SimulatedAnswer::Answer;
    bool defaultApprove = true;
    int defaultDelayMs = 0;
};

class FakeTerminalServer {
public:
    explicit FakeTerminalServer(const FakeTerminalOptions& options);
    ~FakeTerminalServer();
    FakeTerminalServer(const FakeTerminalServer&) = delete;
    FakeTerminalServer& operator=(const FakeTerminalServer&) = delete;

    bool start(std::string* error);
    void stop();
    std::uint16_t port() const { return m_port; }

private:
    enum class State : std::uint8_t { Pending, Approved, Declined, Cancelled, Reversed };
    struct Payment {
        Amount amount = 0;
        std::string currency;
        State state = State::Pending;
        std::string authCode;
        std::string original; // for a refund: the payment it refunds
        Amount refunded = 0;  // for a payment: refunded so far
    };
    struct Script {
        SimulatedAnswer answer = SimulatedAnswer::Answer;
        bool approve = true;
        int delayMs = 0;
    };
    struct Connection {
        LineSocket socket;
        std::thread thread;
        std::atomic<bool> done { false };
    };

    void acceptLoop();
    void serve(Connection* connection);
    // Returns false when the connection must close after `reply` is sent (or without a reply).
    bool handle(const TerminalRequest& request, std::string* reply);
    bool handlePay(const TerminalRequest& request, std::string* reply);
    std::string handleRefund(const TerminalRequest& request); // called with m_mutex held
    TerminalReply answerFor(const std::string& reference);
    void reapFinished();

    const FakeTerminalOptions m_options;
    int m_listenFd = -1;
    std::uint16_t m_port = 0;
    std::atomic<bool> m_stopping { false };
    std::thread m_acceptThread;

    std::mutex m_mutex;
    std::condition_variable m_changed; // a payment was cancelled, or the server stops
    std::map<std::string, Payment> m_payments;
    std::deque<Script> m_script;
    std::uint64_t m_nextAuthCode = 100'001;

    std::mutex m_connectionsMutex;
    std::list<Connection> m_connections;
};

} // namespace usher
