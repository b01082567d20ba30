#pragma once

// The CardTerminal that speaks the line protocol over TCP (docs/design/card-terminal.md), one
// connection per request.

#include "boxoffice/CardTerminal.h"

#include <cstdint>
#include <string>

namespace usher {

struct TcpCardTerminalOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;
    int connectTimeoutMs = 2000;
    int payTimeoutMs = 60'000;   // the customer is at the keypad: PIN entry, contactless retries
    int requestTimeoutMs = 3000; // cancel, query, reverse
};

class TcpCardTerminal final : public CardTerminal {
public:
    explicit TcpCardTerminal(const TcpCardTerminalOptions& options);

    TerminalReply pay(const TerminalPayment& payment) override;
    TerminalReply cancel(const std::string& reference) override;
    TerminalReply query(const std::string& reference) override;
    TerminalReply reverse(const std::string& reference) override;
    TerminalReply refund(const TerminalRefund& refund) override;

private:
    TerminalReply exchange(const std::string& requestLine, const std::string& reference, int timeoutMs);

    const TcpCardTerminalOptions m_options;
};

} // namespace usher
