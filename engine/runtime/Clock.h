#pragma once

#include "core/Types.h"

#include <functional>

namespace usher {

// The runtime's source of time. The ledger never reads a clock; the shard stamps each batch with
// one reading, so tests and simulations inject their own.
using Clock = std::function<Timestamp()>;
Timestamp systemClockNow();

} // namespace usher
