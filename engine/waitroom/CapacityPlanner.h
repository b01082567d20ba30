#pragma once

// The capacity planner of DESIGN.md, shown in the admin UI with editable parameters:
//   worst-case write rate  W = U × r × (1 + a)
//   default drain rate     R = 0.8 × C / T
// U concurrent users, r the fraction of them attempting a write each second (about 5 %), a the
// abandonment rate (15-25 %); C the purchase sessions the reservation side serves at once, T the
// average purchase time in seconds.

#include <string>

namespace usher {

struct CapacityInputs {
    double concurrentUsers = 1'000'000;    // U
    double writeFractionPerSecond = 0.05;  // r
    double abandonmentRate = 0.25;         // a
    double concurrentPurchaseSessions = 5'000; // C
    double averagePurchaseSeconds = 300;   // T
};

struct CapacityPlan {
    double worstCaseWritesPerSecond = 0; // W
    double drainRatePerSecond = 0;       // R
    // The sales per second behind a queue draining at R when a share a of the admitted abandon:
    // R × (1 - a) (DESIGN.md: 50 users/s with 80 % converting give 40 writes/s).
    double writesPerSecondBehindQueue = 0;
};

inline constexpr double kDrainUtilisation = 0.8;

double worstCaseWriteRate(double users, double writeFraction, double abandonment);
double defaultDrainRate(double concurrentSessions, double averagePurchaseSeconds);

// Empty when the inputs are usable; otherwise what is wrong, in English, for logs and the API.
std::string validateCapacityInputs(const CapacityInputs& inputs);
CapacityPlan planCapacity(const CapacityInputs& inputs); // inputs must be valid

} // namespace usher
