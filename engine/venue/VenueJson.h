#pragma once

// The venue file format ("usher-venue", versioned). Documented in docs/venue-format.md.

#include "venue/Venue.h"

#include <QByteArray>
#include <QJsonObject>

#include <memory>
#include <string>

namespace usher {

constexpr int kVenueFormatVersion = 1;

struct VenueError {
    std::string message; // names the offending element, e.g. "sections[2].rows[0].seats[5].id: duplicate id 17"
    int line = 0;        // 1-based where known (CSV always; JSON for syntax errors), else 0
    int column = 0;
};

// Parses and validates a venue (finalize() included). Returns null and fills *error on any problem;
// never returns a partial venue.
std::shared_ptr<Venue> venueFromJson(const QByteArray& json, VenueError* error);
// The same for a venue object inside an already parsed document (the event format embeds one).
std::shared_ptr<Venue> venueFromJsonObject(const QJsonObject& object, VenueError* error);
QByteArray venueToJson(const Venue& venue);

// The 1-based line and column (in characters) of byte `offset`, e.g. of a QJsonParseError.
void jsonLineColumn(const QByteArray& json, qsizetype offset, int* line, int* column);

} // namespace usher
