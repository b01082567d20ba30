#pragma once

// A card payment terminal, as the counter sale sees it. Every call blocks until the terminal answers
// or the call's time limit passes; each call uses its own connection, so cancel() and query() may
// run on another thread while pay() waits (the UI runs pay() off its thread and offers Cancel).
// A pay() that ends in TimedOut or Disconnected has an unknown outcome: the caller must query()
// the reference before it treats the payment as failed (CounterSale does).

#include "core/Types.h"

#include <cstdint>
#include <string>

namespace usher {

// The numbers appear in logs and in the audit trail: never renumber.
enum class TerminalOutcome : std::uint8_t {
    // Answers from the terminal.
    Approved = 0,
    Declined = 1,
    Cancelled = 2,
    Pending = 3,  // still being processed (query while the customer is at the keypad)
    Unknown = 4,  // the terminal has never seen the reference
    Reversed = 5, // an approved payment was reversed (voided) on the terminal
    // No answer: the outcome is not known.
    TimedOut = 20,
    Disconnected = 21,
    Unreachable = 22, // no connection could be made
    ProtocolError = 23,
};
const char* terminalOutcomeName(TerminalOutcome outcome);
// True for answers that settle the payment: Approved, Declined, Cancelled, Unknown, Reversed.
bool terminalOutcomeIsFinal(TerminalOutcome outcome);

struct TerminalPayment {
    std::string reference; // unique per payment attempt; 1..64 of [A-Za-z0-9._-]
    Amount amount = 0;     // minor units, > 0
    std::string currency;  // ISO 4217
};

// Money back to the card of an approved payment (several partial refunds may follow one payment).
struct TerminalRefund {
    std::string reference; // of this refund; same rules as a payment reference
    std::string original;  // the payment's reference
    Amount amount = 0;
    std::string currency;
};

struct TerminalReply {
    TerminalOutcome outcome = TerminalOutcome::ProtocolError;
    std::string reference;
    std::string detail; // the authorisation code when approved, the reason when declined, an error text
};

class CardTerminal {
public:
    virtual ~CardTerminal() = default;
    virtual TerminalReply pay(const TerminalPayment& payment) = 0;
    virtual TerminalReply cancel(const std::string& reference) = 0;
    virtual TerminalReply query(const std::string& reference) = 0;
    // Voids an approved payment (used when the tickets could not be issued).
    virtual TerminalReply reverse(const std::string& reference) = 0;
    // Approved, or Declined when the original is unknown, not approved, or already refunded that far.
    virtual TerminalReply refund(const TerminalRefund& refund) = 0;
};

} // namespace usher
