#pragma once

// Downloads events (their venue, prices and channels) from usherd's public HTTP API into the box
// office's engine: GET /api/events, then GET /api/events/{id} for every event the engine does not
// have, created locally with the same id (the ticket key is secret and never downloaded: the box
// office gets its own). Blocking, with a timeout per request; run it off the GUI thread.

#include "core/Types.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <cstddef>
#include <string>
#include <vector>

namespace usher {

class Engine;

struct EventDownloadResult {
    std::size_t created = 0;
    std::size_t updated = 0;          // already here, changed on usherd since: updated (a newer revision)
    std::size_t existing = 0;         // already here, unchanged
    std::vector<std::string> refused; // "<id>: why" for events that could not be created or updated here
};

// `base`: http(s)://host:port. False with *error (translated) when the list cannot be read; single
// events that fail are listed in result->refused and the others still come. An event the engine
// has is updated (Engine::updateEventSpec: name, times, prices, channels...) when usherd has a newer
// revision: the list's `revision` says so, or, from a usherd whose list has none, the event itself.
bool downloadEvents(const QUrl& base, Engine& engine, EventDownloadResult* result, QString* error,
                    const QByteArray& caCertificatesPem = {}, int timeoutMs = 10'000);

// Downloads one event the engine has and updates it when usherd's revision is newer than the
// engine's (its venue and ticket key stay the engine's). True when it is up to date afterwards
// (*updated says whether it changed); false with *error (translated).
bool refreshEvent(const QUrl& base, Engine& engine, EventId id, bool* updated, QString* error,
                  const QByteArray& caCertificatesPem = {}, int timeoutMs = 10'000);

} // namespace usher
