#pragma once

// Downloads events (their venue, prices and channels) from usherd's public HTTP API into the box
// office's engine: GET /api/events, then GET /api/events/{id} for every event the engine does not
// have, created locally with the same id (the ticket key is secret and never downloaded: the box
// office gets its own). Blocking, with a timeout per request; run it off the GUI thread.

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
    std::size_t existing = 0;         // already in the engine (not changed)
    std::vector<std::string> refused; // "<id>: why" for events that could not be created here
};

// `base`: http(s)://host:port. False with *error (translated) when the list cannot be read; single
// events that fail are listed in result->refused and the others still come.
bool downloadEvents(const QUrl& base, Engine& engine, EventDownloadResult* result, QString* error,
                    const QByteArray& caCertificatesPem = {}, int timeoutMs = 10'000);

} // namespace usher
