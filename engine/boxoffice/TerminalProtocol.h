#pragma once

// The card-terminal line protocol (docs/design/card-terminal.md): one request line, one reply
// line, ASCII, '\n'-terminated, at most kTerminalLineBytesMax bytes including the newline.

#include "boxoffice/CardTerminal.h"

#include <string>
#include <string_view>

namespace usher {

constexpr std::size_t kTerminalLineBytesMax = 512;
constexpr std::size_t kTerminalReferenceBytesMax = 64;
constexpr Amount kTerminalAmountMax = 1'000'000'000'000;
constexpr int kTerminalDelayMsMax = 600'000;

enum class TerminalVerb : std::uint8_t { Pay, Cancel, Query, Reverse, Refund, Simulate, Ping };

// SIMULATE: how the fake terminal handles the next new payment.
enum class SimulatedAnswer : std::uint8_t { Answer, Silent, Disconnect };

struct TerminalRequest {
    TerminalVerb verb = TerminalVerb::Ping;
    std::string reference;                            // PAY, CANCEL, QUERY, REVERSE, REFUND
    std::string original;                             // REFUND: the payment refunded
    Amount amount = 0;                                // PAY, REFUND
    std::string currency;                             // PAY, REFUND
    SimulatedAnswer answer = SimulatedAnswer::Answer; // SIMULATE
    bool approve = true;                              // SIMULATE
    int delayMs = 0;                                  // SIMULATE
};

bool validTerminalReference(std::string_view reference);
// `line` without its newline. False with *error (one line of text) when malformed.
bool parseTerminalRequest(std::string_view line, TerminalRequest* request, std::string* error);
std::string formatTerminalRequest(const TerminalRequest& request); // with the newline
// Accepts only the six answers; ERROR lines and anything else give false (*reply gets the text).
bool parseTerminalReply(std::string_view line, TerminalReply* reply);
std::string formatTerminalReply(const TerminalReply& reply); // with the newline
std::string formatTerminalError(std::string_view message);   // "ERROR <message>\n"

} // namespace usher
