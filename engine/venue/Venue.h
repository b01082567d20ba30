#pragma once

#include "core/Prefetch.h"
#include "core/Types.h"

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace usher {

enum SeatFlag : std::uint8_t {
    SeatWheelchair = 1u << 0,
    SeatCompanion = 1u << 1,
    SeatRestrictedView = 1u << 2,
    SeatAisle = 1u << 3,
};
constexpr std::uint8_t kSeatFlagsAll = SeatWheelchair | SeatCompanion | SeatRestrictedView | SeatAisle;

struct Point {
    double x = 0;
    double y = 0;
    friend bool operator==(const Point&, const Point&) = default;
};

struct VenueCategory {
    std::string key;   // referenced by seats and by event prices, e.g. "A"
    std::string name;  // shown to people, e.g. "Category A"
    std::string color; // "#rrggbb", a hint for the seat map
    friend bool operator==(const VenueCategory&, const VenueCategory&) = default;
};

struct VenueSeat {
    SeatId id = 0;
    std::uint32_t section = 0; // index into Venue::sections
    std::uint32_t row = 0;     // index into Venue::rows
    std::string number;        // "12", "12A"
    float x = 0;
    float y = 0;
    float rotation = 0;        // degrees, clockwise
    std::uint16_t category = 0; // index into Venue::categories
    std::uint8_t flags = 0;     // SeatFlag bits
    std::uint32_t rank = 0;     // lower is better; best-available prefers low ranks
    friend bool operator==(const VenueSeat&, const VenueSeat&) = default;
};

// Seats of a row are contiguous in Venue::seats, in the order a person walks along the row.
// Neighbours in that order are adjacent for best-available.
struct VenueRow {
    std::string name; // "F"
    std::uint32_t section = 0;
    std::uint32_t firstSeat = 0;
    std::uint32_t seatCount = 0;
    friend bool operator==(const VenueRow&, const VenueRow&) = default;
};

struct VenueSection {
    std::string name;           // "Stalls"
    std::vector<Point> outline; // polygon; may be empty (the seat map derives one)
    std::uint32_t firstRow = 0; // rows of a section are contiguous in Venue::rows
    std::uint32_t rowCount = 0;
    friend bool operator==(const VenueSection&, const VenueSection&) = default;
};

// A general-admission area: capacity, no seats.
struct VenueArea {
    AreaId id = 0;
    std::string name;
    std::uint32_t capacity = 0;
    std::uint16_t category = 0;
    std::vector<Point> outline;
    friend bool operator==(const VenueArea&, const VenueArea&) = default;
};

struct VenueStage {
    std::string label;
    std::vector<Point> outline; // empty when the venue has no stage or focal point
    friend bool operator==(const VenueStage&, const VenueStage&) = default;
};

// An immutable venue snapshot. Events keep a shared_ptr to the snapshot they were created with,
// so editing a venue never changes an event that is on sale.
class Venue {
public:
    std::string name;
    std::string city; // optional: where the venue is, "Zürich"; events inherit it for search
    std::vector<VenueCategory> categories;
    std::vector<VenueSection> sections;
    std::vector<VenueRow> rows;
    std::vector<VenueSeat> seats;
    std::vector<VenueArea> areas;
    VenueStage stage;

    // Builds the id lookups and checks structure: unique seat and area ids, consistent
    // section/row/seat ranges, category indexes in range, limits. Returns an empty string when
    // the venue is valid, else a description of the first problem. Loaders call it last.
    std::string finalize();

    SeatIndex seatIndex(SeatId id) const; // kNoSeat when unknown
    // Starts loading seatIndex(id)'s lookup entry into the cache (the ledger's batch pipelining).
    void prefetchSeatIndex(SeatId id) const
    {
        if (id < m_seatIndexById.size())
            prefetchLine(&m_seatIndexById[id]);
    }
    std::uint32_t areaIndex(AreaId id) const; // kNoArea when unknown
    int categoryIndex(const std::string& key) const; // -1 when unknown

    std::string seatLabel(SeatIndex seat) const; // "Stalls, row F, seat 12"
    std::uint32_t seatCount() const { return static_cast<std::uint32_t>(seats.size()); }
    std::uint64_t areaCapacityTotal() const;

    // Equal in every public field (the lookups follow from them). For tests and round-trip checks.
    bool sameContent(const Venue& other) const;

private:
    std::vector<SeatIndex> m_seatIndexById;     // dense lookup when ids are compact
    std::unordered_map<SeatId, SeatIndex> m_seatIndexSparse; // otherwise
    std::unordered_map<AreaId, std::uint32_t> m_areaIndexById;
};

using VenuePtr = std::shared_ptr<const Venue>;

// A distinct "#rrggbb" colour for the category at `index` (the generator and the CSV import use it).
std::string defaultCategoryColor(std::uint32_t index);
// Sets every seat's rank to its place in order of distance from `focus` (0 nearest; ties by index).
void rankSeatsByDistance(Venue* venue, Point focus);

} // namespace usher
