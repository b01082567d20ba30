#include "boxoffice/CardTerminal.h"

namespace usher {

const char* terminalOutcomeName(TerminalOutcome outcome)
{
    switch (outcome) {
    case TerminalOutcome::Approved: return "APPROVED";
    case TerminalOutcome::Declined: return "DECLINED";
    case TerminalOutcome::Cancelled: return "CANCELLED";
    case TerminalOutcome::Pending: return "PENDING";
    case TerminalOutcome::Unknown: return "UNKNOWN";
    case TerminalOutcome::Reversed: return "REVERSED";
    case TerminalOutcome::TimedOut: return "TIMED_OUT";
    case TerminalOutcome::Disconnected: return "DISCONNECTED";
    case TerminalOutcome::Unreachable: return "UNREACHABLE";
    case TerminalOutcome::ProtocolError: return "PROTOCOL_ERROR";
    }
    return "PROTOCOL_ERROR";
}

bool terminalOutcomeIsFinal(TerminalOutcome outcome)
{
    switch (outcome) {
    case TerminalOutcome::Approved:
    case TerminalOutcome::Declined:
    case TerminalOutcome::Cancelled:
    case TerminalOutcome::Unknown:
    case TerminalOutcome::Reversed: return true;
    default: return false;
    }
}

} // namespace usher
