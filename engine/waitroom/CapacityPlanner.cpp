#include "waitroom/CapacityPlanner.h"

#include "core/Assert.h"

#include <cmath>

namespace usher {

double worstCaseWriteRate(double users, double writeFraction, double abandonment)
{
    return users * writeFraction * (1.0 + abandonment);
}

double defaultDrainRate(double concurrentSessions, double averagePurchaseSeconds)
{
    USHER_ASSERT(averagePurchaseSeconds > 0);
    return kDrainUtilisation * concurrentSessions / averagePurchaseSeconds;
}

std::string validateCapacityInputs(const CapacityInputs& in)
{
    const auto finite = [](double v) { return std::isfinite(v); };
    if (!finite(in.concurrentUsers) || in.concurrentUsers < 0)
        return "concurrent users must be a number of at least 0";
    if (!finite(in.writeFractionPerSecond) || in.writeFractionPerSecond < 0 || in.writeFractionPerSecond > 1)
        return "the write fraction must be between 0 and 1";
    if (!finite(in.abandonmentRate) || in.abandonmentRate < 0 || in.abandonmentRate > 1)
        return "the abandonment rate must be between 0 and 1";
    if (!finite(in.concurrentPurchaseSessions) || in.concurrentPurchaseSessions < 1)
        return "concurrent purchase sessions must be at least 1";
    if (!finite(in.averagePurchaseSeconds) || in.averagePurchaseSeconds < 1)
        return "the average purchase time must be at least 1 second";
    return {};
}

CapacityPlan planCapacity(const CapacityInputs& in)
{
    USHER_ASSERT(validateCapacityInputs(in).empty());
    CapacityPlan plan;
    plan.worstCaseWritesPerSecond = worstCaseWriteRate(in.concurrentUsers, in.writeFractionPerSecond, in.abandonmentRate);
    plan.drainRatePerSecond = defaultDrainRate(in.concurrentPurchaseSessions, in.averagePurchaseSeconds);
    plan.writesPerSecondBehindQueue = plan.drainRatePerSecond * (1.0 - in.abandonmentRate);
    return plan;
}

} // namespace usher
