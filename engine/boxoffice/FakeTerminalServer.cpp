#include "boxoffice/FakeTerminalServer.h"

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace usher {

namespace {

constexpr int kAcceptPollMs = 100;

} // namespace

FakeTerminalServer::FakeTerminalServer(const FakeTerminalOptions& options)
    : m_options(options)
{
}

FakeTerminalServer::~FakeTerminalServer()
{
    stop();
}

bool FakeTerminalServer::start(std::string* error)
{
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(m_options.port);
    if (::inet_pton(AF_INET, m_options.host.c_str(), &address.sin_addr) != 1) {
        *error = "not an IPv4 address: " + m_options.host;
        return false;
    }
    m_listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int one = 1;
    ::setsockopt(m_listenFd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (m_listenFd < 0 || ::bind(m_listenFd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0
        || ::listen(m_listenFd, 64) != 0) {
        *error = std::string("cannot listen on ") + m_options.host + ':' + std::to_string(m_options.port) + ": "
            + std::strerror(errno);
        if (m_listenFd >= 0)
            ::close(m_listenFd);
        m_listenFd = -1;
        return false;
    }
    socklen_t length = sizeof address;
    ::getsockname(m_listenFd, reinterpret_cast<sockaddr*>(&address), &length);
    m_port = ntohs(address.sin_port);
    m_acceptThread = std::thread([this] { acceptLoop(); });
    return true;
}

void FakeTerminalServer::stop()
{
    if (m_stopping.exchange(true))
        return;
    {
        // Taking the lock orders the flag before any waiter's predicate check: no lost wake-up.
        std::lock_guard lock(m_mutex);
    }
    m_changed.notify_all();
    if (m_acceptThread.joinable())
        m_acceptThread.join();
    if (m_listenFd >= 0)
        ::close(m_listenFd);
    m_listenFd = -1;
    std::lock_guard lock(m_connectionsMutex);
    for (Connection& connection : m_connections)
        connection.socket.shutdownBoth();
    for (Connection& connection : m_connections) {
        if (connection.thread.joinable())
            connection.thread.join();
    }
    m_connections.clear();
}

void FakeTerminalServer::reapFinished()
{
    std::lock_guard lock(m_connectionsMutex);
    for (auto it = m_connections.begin(); it != m_connections.end();) {
        if (it->done.load()) {
            it->thread.join();
            it = m_connections.erase(it);
        } else {
            ++it;
        }
    }
}

void FakeTerminalServer::acceptLoop()
{
    while (!m_stopping.load()) {
        pollfd p { m_listenFd, POLLIN, 0 };
        if (::poll(&p, 1, kAcceptPollMs) <= 0)
            continue;
        const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0)
            continue;
        reapFinished();
        std::lock_guard lock(m_connectionsMutex);
        if (m_connections.size() >= m_options.connectionsMax) {
            LineSocket refused(fd);
            refused.sendAll(formatTerminalError("busy"), 1000);
            continue;
        }
        Connection& connection = m_connections.emplace_back();
        connection.socket = LineSocket(fd);
        connection.thread = std::thread([this, &connection] { serve(&connection); });
    }
}

void FakeTerminalServer::serve(Connection* connection)
{
    while (!m_stopping.load()) {
        std::string line;
        const LineRead read = connection->socket.readLine(&line, m_options.idleTimeoutMs, kTerminalLineBytesMax);
        if (read == LineRead::TooLong)
            connection->socket.sendAll(formatTerminalError("line too long"), 1000);
        if (read != LineRead::Line)
            break;
        TerminalRequest request;
        std::string error;
        std::string reply;
        bool keepOpen = true;
        if (!parseTerminalRequest(line, &request, &error))
            reply = formatTerminalError(error);
        else
            keepOpen = handle(request, &reply);
        if (!reply.empty() && !connection->socket.sendAll(reply, 5000))
            break;
        if (!keepOpen)
            break;
    }
    connection->socket.shutdownBoth();
    connection->done.store(true);
}

TerminalReply FakeTerminalServer::answerFor(const std::string& reference)
{
    const auto it = m_payments.find(reference);
    if (it == m_payments.end())
        return TerminalReply { TerminalOutcome::Unknown, reference, {} };
    switch (it->second.state) {
    case State::Pending: return TerminalReply { TerminalOutcome::Pending, reference, {} };
    case State::Approved: return TerminalReply { TerminalOutcome::Approved, reference, it->second.authCode };
    case State::Declined: return TerminalReply { TerminalOutcome::Declined, reference, "card declined" };
    case State::Cancelled: return TerminalReply { TerminalOutcome::Cancelled, reference, {} };
    case State::Reversed: return TerminalReply { TerminalOutcome::Reversed, reference, {} };
    }
    return TerminalReply { TerminalOutcome::Unknown, reference, {} };
}

bool FakeTerminalServer::handle(const TerminalRequest& request, std::string* reply)
{
    std::unique_lock lock(m_mutex);
    switch (request.verb) {
    case TerminalVerb::Ping: *reply = "PONG\n"; return true;
    case TerminalVerb::Simulate:
        if (m_script.size() >= m_options.scriptedMax) {
            *reply = formatTerminalError("script full");
            return true;
        }
        m_script.push_back(Script { request.answer, request.approve, request.delayMs });
        *reply = "OK\n";
        return true;
    case TerminalVerb::Query: *reply = formatTerminalReply(answerFor(request.reference)); return true;
    case TerminalVerb::Cancel: {
        const auto it = m_payments.find(request.reference);
        if (it != m_payments.end() && it->second.state == State::Pending) {
            it->second.state = State::Cancelled;
            m_changed.notify_all();
        } else if (it == m_payments.end() && m_payments.size() < m_options.paymentsMax) {
            // A tombstone: a PAY still on its way with this reference must not charge afterwards.
            m_payments[request.reference].state = State::Cancelled;
        }
        *reply = formatTerminalReply(answerFor(request.reference));
        return true;
    }
    case TerminalVerb::Reverse: {
        const auto it = m_payments.find(request.reference);
        if (it != m_payments.end() && it->second.state == State::Approved && it->second.refunded == 0)
            it->second.state = State::Reversed;
        *reply = formatTerminalReply(answerFor(request.reference));
        return true;
    }
    case TerminalVerb::Refund: *reply = handleRefund(request); return true;
    case TerminalVerb::Pay: lock.unlock(); return handlePay(request, reply);
    }
    return false;
}

std::string FakeTerminalServer::handleRefund(const TerminalRequest& request)
{
    const auto known = m_payments.find(request.reference);
    if (known != m_payments.end()) {
        const Payment& p = known->second;
        if (p.original != request.original || p.amount != request.amount || p.currency != request.currency)
            return formatTerminalError("reference used for another payment");
        return formatTerminalReply(answerFor(request.reference)); // a retried refund is not paid twice
    }
    if (m_payments.size() >= m_options.paymentsMax)
        return formatTerminalError("full");
    const auto original = m_payments.find(request.original);
    Payment refund;
    refund.amount = request.amount;
    refund.currency = request.currency;
    refund.original = request.original;
    refund.state = State::Declined;
    if (original != m_payments.end() && original->second.state == State::Approved && original->second.original.empty()
        && original->second.currency == request.currency
        && original->second.refunded + request.amount <= original->second.amount) {
        original->second.refunded += request.amount;
        refund.state = State::Approved;
        refund.authCode = "R" + std::to_string(m_nextAuthCode++);
    }
    m_payments[request.reference] = refund;
    return formatTerminalReply(answerFor(request.reference));
}

bool FakeTerminalServer::handlePay(const TerminalRequest& request, std::string* reply)
{
    std::unique_lock lock(m_mutex);
    const auto known = m_payments.find(request.reference);
    if (known != m_payments.end()) {
        // A retry of the same payment gets its state; the same reference for another amount is refused.
        if (known->second.state == State::Cancelled && known->second.amount == 0)
            *reply = formatTerminalReply(answerFor(request.reference)); // cancelled before it arrived
        else if (known->second.amount != request.amount || known->second.currency != request.currency)
            *reply = formatTerminalError("reference used for another payment");
        else
            *reply = formatTerminalReply(answerFor(request.reference));
        return true;
    }
    if (m_payments.size() >= m_options.paymentsMax) {
        *reply = formatTerminalError("full");
        return true;
    }
    Script script { m_options.defaultAnswer, m_options.defaultApprove, m_options.defaultDelayMs };
    if (!m_script.empty()) {
        script = m_script.front();
        m_script.pop_front();
    }
    Payment& payment = m_payments[request.reference];
    payment.amount = request.amount;
    payment.currency = request.currency;
    // The customer at the keypad: wait out the delay unless cancelled or stopping.
    m_changed.wait_for(lock, std::chrono::milliseconds(script.delayMs),
                       [&] { return m_stopping.load() || payment.state != State::Pending; });
    if (payment.state == State::Pending) {
        payment.state = script.approve ? State::Approved : State::Declined;
        if (script.approve)
            payment.authCode = "A" + std::to_string(m_nextAuthCode++);
    }
    switch (script.answer) {
    case SimulatedAnswer::Answer: *reply = formatTerminalReply(answerFor(request.reference)); return true;
    case SimulatedAnswer::Silent: return true; // the charge stands; the client hears nothing
    case SimulatedAnswer::Disconnect: return false;
    }
    return false;
}

} // namespace usher
