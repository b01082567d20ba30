#pragma once

// The venue file format ("usher-venue", versioned). Documented in docs/venue-format.md.

#include "venue/Venue.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

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
// How seat lines are written: Spaced as {"id": 1, "number": "1", ...}; Compact without the spaces
// after ':' and ',' (about 13 bytes less per seat: the sample stadium's file is 0.8 MB smaller).
// Both read back the same.
enum class VenueJsonStyle { Spaced, Compact };

// The file format of docs/venue-format.md: keys in the documented order, one seat per line,
// optional fields left out when they hold their default, floats in their shortest exact form.
// Deterministic: the same venue always gives the same bytes.
QByteArray venueToJson(const Venue& venue, VenueJsonStyle style = VenueJsonStyle::Spaced);

// Reads and parses a venue file. A file that cannot be read gives an error naming the path.
std::shared_ptr<Venue> venueFromJsonFile(const QString& path, VenueError* error);
// Writes venueToJson(venue, style) to `path`, atomically (a crash leaves the old file or the new
// one). False with *error set when the file cannot be written.
bool writeVenueJsonFile(const Venue& venue, const QString& path, std::string* error,
                        VenueJsonStyle style = VenueJsonStyle::Compact);

// The 1-based line and column (in characters) of byte `offset`, e.g. of a QJsonParseError.
void jsonLineColumn(const QByteArray& json, qsizetype offset, int* line, int* column);

} // namespace usher
