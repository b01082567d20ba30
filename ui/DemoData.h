#pragma once

#include <QString>

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

} // namespace usher::ui
