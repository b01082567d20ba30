#pragma once

// Builds venues programmatically: the demo data, the benchmarks (100,000 seats and more) and the
// simulation tests. Every generated venue passes Venue::finalize().

#include "venue/Venue.h"

#include <cstdint>
#include <memory>

namespace usher {

struct GeneratedVenueSpec {
    std::string name = "Generated hall";
    std::uint32_t sections = 4;
    std::uint32_t rowsPerSection = 20;
    std::uint32_t seatsPerRow = 30;
    std::uint32_t categories = 3;       // rows are split front to back into this many categories
    bool curved = false;                // rows as arcs around the stage
    std::uint32_t gaAreas = 0;          // standing areas
    std::uint32_t gaCapacity = 0;       // capacity of each standing area
    std::uint32_t wheelchairEveryRows = 10; // every Nth row gets wheelchair + companion seats at its ends (0: none)
};

// Null when the spec is impossible (over the limits of core/Limits.h, no categories, nothing at all).
std::shared_ptr<Venue> generateVenue(const GeneratedVenueSpec& spec);
// A venue with about `seats` seats (rounded to whole rows), for benchmarks.
std::shared_ptr<Venue> generateVenueWithSeats(std::uint32_t seats, std::uint32_t gaAreas = 0,
                                              std::uint32_t gaCapacity = 0);
// The demo concert hall: about 1,200 seats in stalls, two side blocks and a curved balcony, plus a
// standing area of 300.
std::shared_ptr<Venue> generateDemoHall();

} // namespace usher
