#include "boxoffice/TcpCardTerminal.h"

#include "boxoffice/LineSocket.h"
#include "boxoffice/Money.h"
#include "boxoffice/TerminalProtocol.h"

namespace usher {

TcpCardTerminal::TcpCardTerminal(const TcpCardTerminalOptions& options)
    : m_options(options)
{
}

TerminalReply TcpCardTerminal::exchange(const std::string& requestLine, const std::string& reference, int timeoutMs)
{
    TerminalReply reply;
    reply.reference = reference;
    std::string error;
    LineSocket socket = LineSocket::connectTo(m_options.host, m_options.port, m_options.connectTimeoutMs, &error);
    if (!socket.isOpen()) {
        reply.outcome = TerminalOutcome::Unreachable;
        reply.detail = error;
        return reply;
    }
    if (!socket.sendAll(requestLine, m_options.requestTimeoutMs)) {
        // Nothing may have arrived, or all of it: the outcome is unknown.
        reply.outcome = TerminalOutcome::Disconnected;
        reply.detail = "connection lost while sending";
        return reply;
    }
    std::string line;
    switch (socket.readLine(&line, timeoutMs, kTerminalLineBytesMax)) {
    case LineRead::Line: break;
    case LineRead::TimedOut:
        reply.outcome = TerminalOutcome::TimedOut;
        reply.detail = "no answer within " + std::to_string(timeoutMs) + " ms";
        return reply;
    case LineRead::Closed:
    case LineRead::Error:
        reply.outcome = TerminalOutcome::Disconnected;
        reply.detail = "connection closed before the answer";
        return reply;
    case LineRead::TooLong:
        reply.outcome = TerminalOutcome::ProtocolError;
        reply.detail = "reply too long";
        return reply;
    }
    TerminalReply parsed;
    if (!parseTerminalReply(line, &parsed)) {
        reply.outcome = TerminalOutcome::ProtocolError;
        reply.detail = parsed.detail.empty() ? line : parsed.detail;
        return reply;
    }
    if (parsed.reference != reference) {
        reply.outcome = TerminalOutcome::ProtocolError;
        reply.detail = "answer for another reference: " + parsed.reference;
        return reply;
    }
    return parsed;
}

TerminalReply TcpCardTerminal::pay(const TerminalPayment& payment)
{
    if (!validTerminalReference(payment.reference) || payment.amount <= 0 || payment.amount > kTerminalAmountMax
        || !validCurrencyCode(payment.currency))
        return TerminalReply { TerminalOutcome::ProtocolError, payment.reference, "invalid payment request" };
    TerminalRequest request;
    request.verb = TerminalVerb::Pay;
    request.reference = payment.reference;
    request.amount = payment.amount;
    request.currency = payment.currency;
    return exchange(formatTerminalRequest(request), payment.reference, m_options.payTimeoutMs);
}

TerminalReply TcpCardTerminal::cancel(const std::string& reference)
{
    if (!validTerminalReference(reference))
        return TerminalReply { TerminalOutcome::ProtocolError, reference, "invalid reference" };
    return exchange("CANCEL " + reference + '\n', reference, m_options.requestTimeoutMs);
}

TerminalReply TcpCardTerminal::query(const std::string& reference)
{
    if (!validTerminalReference(reference))
        return TerminalReply { TerminalOutcome::ProtocolError, reference, "invalid reference" };
    return exchange("QUERY " + reference + '\n', reference, m_options.requestTimeoutMs);
}

TerminalReply TcpCardTerminal::reverse(const std::string& reference)
{
    if (!validTerminalReference(reference))
        return TerminalReply { TerminalOutcome::ProtocolError, reference, "invalid reference" };
    return exchange("REVERSE " + reference + '\n', reference, m_options.requestTimeoutMs);
}

TerminalReply TcpCardTerminal::refund(const TerminalRefund& refund)
{
    if (!validTerminalReference(refund.reference) || !validTerminalReference(refund.original) || refund.amount <= 0
        || refund.amount > kTerminalAmountMax || !validCurrencyCode(refund.currency))
        return TerminalReply { TerminalOutcome::ProtocolError, refund.reference, "invalid refund request" };
    TerminalRequest request;
    request.verb = TerminalVerb::Refund;
    request.reference = refund.reference;
    request.original = refund.original;
    request.amount = refund.amount;
    request.currency = refund.currency;
    return exchange(formatTerminalRequest(request), refund.reference, m_options.requestTimeoutMs);
}

} // namespace usher
