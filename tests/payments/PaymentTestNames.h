#pragma once

// Readable QCOMPARE failures for the payment enums (found by argument-dependent lookup).

#include "payments/PaymentGateway.h"

#include <QByteArray>

namespace usher {

inline char* toString(const PaymentOutcome& outcome)
{
    return qstrdup(paymentOutcomeName(outcome));
}

inline char* toString(const CircuitState& state)
{
    return qstrdup(circuitStateName(state));
}

} // namespace usher
