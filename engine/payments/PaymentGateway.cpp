#include "payments/PaymentGateway.h"

namespace usher {

const char* paymentOutcomeName(PaymentOutcome outcome)
{
    switch (outcome) {
    case PaymentOutcome::Approved: return "approved";
    case PaymentOutcome::Declined: return "declined";
    case PaymentOutcome::Unavailable: return "unavailable";
    case PaymentOutcome::Unknown: return "unknown";
    case PaymentOutcome::NotFound: return "not_found";
    }
    return "invalid";
}

const char* circuitStateName(CircuitState state)
{
    switch (state) {
    case CircuitState::Closed: return "closed";
    case CircuitState::Open: return "open";
    case CircuitState::HalfOpen: return "half_open";
    }
    return "invalid";
}

} // namespace usher
