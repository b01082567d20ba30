#pragma once

// CSV import: one seat per line, columns section,row,seat,x,y,category,flags. A header line is
// optional. flags is a list separated by '|' or ';' of wheelchair, companion, restricted, aisle.
// Seat ids are assigned 1..N in file order; ranks come from the distance to the stage (or to the
// front row when there is none). Documented in docs/venue-format.md.

#include "venue/VenueJson.h"

namespace usher {

// All or nothing: on the first bad line returns null with the line and column named.
std::shared_ptr<Venue> venueFromCsv(const QByteArray& csv, const std::string& venueName, VenueError* error);

} // namespace usher
