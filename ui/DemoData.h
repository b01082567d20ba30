#pragma once

#include "boxoffice/StaffAccounts.h"

#include <QString>

#include <vector>

namespace usher {
class Engine;
} // namespace usher

namespace usher::ui {

// When the engine has no events: creates two demo events, "Usher Demo Night" (id 1, the demo
// concert hall) and a smaller one (id 2), and makes the first look lived-in: seats allocated to
// the box office, house seats blocked, about a quarter sold, a few held. Everything goes through
// engine commands, so the journal tells the same story as the seat view. Returns false with a
// message in *error when anything fails; does nothing when events exist.
bool ensureDemoData(Engine& engine, QString* error);

// The demo's staff, with their passwords (also in docs/user-guide.md and the sign-in screen's demo
// hint). Demo passwords are public: never use them on a real box office.
struct DemoAccount {
    const char* login;
    const char* password;
    const char* displayName;
    StaffRole role;
};
const std::vector<DemoAccount>& demoAccounts();

// When boxoffice.db has no accounts: creates the demo admin (first admin), then the other demo
// accounts. Does nothing when any account exists. False with a message in *error.
bool ensureDemoStaff(StaffAccounts& accounts, Timestamp now, QString* error);

} // namespace usher::ui
