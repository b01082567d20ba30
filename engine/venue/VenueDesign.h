#pragma once

// The venue designer's model, headless (docs/design/promoter.md). A VenueDesign is an editable
// venue: sections own their rows, rows own their seats, so inserting or deleting never reindexes
// the whole venue. buildVenue() turns it into an immutable Venue (the file format's structure,
// finalize()d); designFromVenue() goes the other way. Every edit is a plain function on a design;
// the UI's undo commands hold DesignChange records (the sections and the metadata that differ).
//
// Geometry follows docs/venue-format.md: about one unit per metre, y grows away from the stage,
// rotation in degrees clockwise (0 faces the top of the plan).

#include "venue/VenueJson.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace usher {

struct DesignSeat {
    SeatId id = 0;
    std::string number;
    float x = 0;
    float y = 0;
    float rotation = 0;
    std::uint16_t category = 0;
    std::uint8_t flags = 0;
    friend bool operator==(const DesignSeat&, const DesignSeat&) = default;
};

struct DesignRow {
    std::string name;
    std::vector<DesignSeat> seats; // in the order a person walks along the row
    friend bool operator==(const DesignRow&, const DesignRow&) = default;
};

struct DesignSection {
    std::string name;
    std::vector<Point> outline; // may be empty (the seat map derives one)
    std::vector<DesignRow> rows;
    friend bool operator==(const DesignSection&, const DesignSection&) = default;
};

// Everything but the sections: small, copied whole by undo records.
struct DesignMeta {
    std::string name = "New venue";
    std::string city;
    std::vector<VenueCategory> categories;
    std::vector<VenueArea> areas;
    VenueStage stage;
    SeatId nextSeatId = 1; // ids are never reused within a design, so tickets keep meaning
    AreaId nextAreaId = 1;
    friend bool operator==(const DesignMeta&, const DesignMeta&) = default;
};

struct VenueDesign {
    DesignMeta meta;
    std::vector<DesignSection> sections;

    std::size_t seatCount() const;
    friend bool operator==(const VenueDesign&, const VenueDesign&) = default;
};

// Where a seat sits in a design.
struct SeatRef {
    std::uint32_t section = 0;
    std::uint32_t row = 0;
    std::uint32_t seat = 0;
};

// ---- rows ----------------------------------------------------------------------------------------

// How the seats of a row are numbered, in walking order (left to right as seen from the stage
// side of the plan, i.e. increasing x for an unrotated row).
enum class Numbering : std::uint8_t {
    LeftToRight = 0,    // 1 2 3 4
    RightToLeft = 1,    // 4 3 2 1
    OddLeftToRight = 2, // 1 3 5 7
    EvenLeftToRight = 3,// 2 4 6 8
    OddEvenFromCentre = 4, // 7 5 3 1 2 4 6 8: odd numbers to the left of the centre, even to the right
};

struct NumberingSpec {
    Numbering scheme = Numbering::LeftToRight;
    std::uint32_t start = 1;  // the first number (LeftToRight/RightToLeft); odd/even start at 1 or 2
    std::string prefix;       // "L" gives "L1", "L2"...
};

// The numbers of `count` seats in walking order. count 0 gives none.
std::vector<std::string> seatNumbers(std::uint32_t count, const NumberingSpec& numbering);

// Row names for `count` rows from `first`: letters continue alphabetically ("A".."Z", "AA", "AB"...),
// numbers count up ("1", "2"...), anything else gets a counter appended ("Box" -> "Box 1", "Box 2").
std::vector<std::string> rowNames(const std::string& first, std::uint32_t count);

struct RowSpec {
    std::uint32_t rows = 1;          // how many rows, one behind the other
    std::uint32_t seatsPerRow = 10;  // 1..limits::rowSeatsMax
    double seatSpacing = 1.0;        // centre to centre along the row, > 0
    double rowSpacing = 1.2;         // centre to centre between rows, > 0
    double curvature = 0;            // degrees of arc the first row spans (0: straight, up to 300);
                                     // later rows are concentric, so they bend around the same centre
    double rotation = 0;             // degrees clockwise, the whole block turned about `origin`
    Point origin;                    // the middle of the first row
    std::string firstRowName = "A";
    NumberingSpec numbering;
    std::uint16_t category = 0;
};

// Empty when the spec can generate seats; else what is wrong (English; the UI shows its own text).
std::string validateRowSpec(const RowSpec& spec, std::size_t categoryCount);
// The rows the spec generates, with ids from `firstId` on. The spec must be valid.
std::vector<DesignRow> generateRows(const RowSpec& spec, SeatId firstId);

// ---- edits (each returns false and changes nothing when its arguments are bad) ---------------------

std::uint32_t addSection(VenueDesign* design, const std::string& name); // returns its index
bool renameSection(VenueDesign* design, std::uint32_t section, const std::string& name);
bool deleteSection(VenueDesign* design, std::uint32_t section);
// Appends the rows of `spec` to `section` (new ids from meta.nextSeatId).
bool addRows(VenueDesign* design, std::uint32_t section, const RowSpec& spec);
bool renameRow(VenueDesign* design, std::uint32_t section, std::uint32_t row, const std::string& name);
// Renumbers every row that has a seat in `seats` (whole rows, in walking order).
std::size_t renumberRows(VenueDesign* design, const std::vector<SeatId>& seats, const NumberingSpec& numbering);
// Removes the seats; rows left empty go too (sections stay, even empty). Returns how many went.
std::size_t deleteSeats(VenueDesign* design, const std::vector<SeatId>& seats);
// Sets (on) or clears the `flags` bits of the seats. Returns how many seats changed.
std::size_t setSeatFlags(VenueDesign* design, const std::vector<SeatId>& seats, std::uint8_t flags, bool on);
// Paints the seats with category `category` (an index). Returns how many changed.
std::size_t paintCategory(VenueDesign* design, const std::vector<SeatId>& seats, std::uint16_t category);
// Adds a category with a unique key and a default colour; returns its index, -1 at the limit.
int addCategory(VenueDesign* design, const std::string& key, const std::string& name);
// Adds a standing area (a rectangle when no outline is given). Returns its index.
std::uint32_t addArea(VenueDesign* design, const std::string& name, std::uint32_t capacity, std::uint16_t category,
                      std::vector<Point> outline);
bool updateArea(VenueDesign* design, std::uint32_t area, const std::string& name, std::uint32_t capacity,
                std::uint16_t category);
bool deleteArea(VenueDesign* design, std::uint32_t area);
// The stage or focal point: a rectangle of `width` x `depth` centred on `centre`'s x, its front
// edge at `centre`'s y. Width or depth 0 removes it.
void setStage(VenueDesign* design, const std::string& label, Point centre, double width, double depth);

// A map from seat id to where it is, for a batch of lookups (O(seats) to build).
std::vector<SeatRef> locateSeats(const VenueDesign& design, const std::vector<SeatId>& seats);

// ---- validation -----------------------------------------------------------------------------------

// Stable numbers.
enum class DesignIssueKind : std::uint8_t {
    NothingToSell = 0,    // no seats and no areas
    EmptyName = 1,        // venue, section, row, area or category name/key missing
    DuplicateLabel = 2,   // two seats with the same section, row and number
    DuplicateRow = 3,     // two rows of a section with the same name
    DuplicateSection = 4, // two sections with the same name
    OverlappingSeats = 5, // seat centres closer than the minimum distance
    EmptySection = 6,     // a section without seats
    BadCategory = 7,      // a seat or area refers to a category that does not exist
    BadArea = 8,          // capacity 0 or over the limit
    OverLimit = 9,        // seats per row, seats, areas or categories over the limits
    TextTooLong = 10,
    DuplicateCategory = 11, // two categories with the same key
};

struct DesignIssue {
    DesignIssueKind kind = DesignIssueKind::NothingToSell;
    std::string message;       // English, names the element: `Stalls, row A: seat "12" appears twice`
    std::vector<SeatId> seats; // the seats concerned (for the UI to select), may be empty
};

struct ValidationOptions {
    double overlapDistance = 0.5; // seat centres closer than this overlap
    std::size_t issuesMax = 200;  // stop collecting beyond this many
};

// Every problem that would stop the design from being saved, or that a promoter should see first
// (overlaps). O(seats) expected: labels through a hash, overlaps through a uniform grid whose cells
// are overlapDistance wide (each seat compares with the seats of its own and the 8 neighbouring cells).
std::vector<DesignIssue> validateDesign(const VenueDesign& design, const ValidationOptions& options = {});

// ---- conversion, import, export ------------------------------------------------------------------

VenueDesign designFromVenue(const Venue& venue);
// The immutable venue: ranks by distance from the stage's front centre (or the front middle of
// the seats without a stage), then finalize(). Null with *error when it does not finalize.
std::shared_ptr<Venue> buildVenue(const VenueDesign& design, std::string* error);
// What the designer's map shows while the design is not valid yet: empty sections and rows left
// out, a placeholder category when there is none, seats of unknown categories in the first one.
// finalize() is attempted (its lookups are empty when it fails); never null.
std::shared_ptr<Venue> buildPreviewVenue(const VenueDesign& design);
// venueToJson(buildVenue(design)). Empty with *error when the design does not build.
QByteArray exportDesignJson(const VenueDesign& design, std::string* error);

enum class ImportFormat : std::uint8_t { Json = 0, Csv = 1 };
// Parses with VenueJson/VenueCsv (all their checks), then converts. False with *error, a message
// with the line and column when the parser knew them, e.g. "line 12, column 4 (x): ...".
bool importDesign(const QByteArray& data, ImportFormat format, const std::string& venueName, VenueDesign* out,
                  std::string* error);
// By the file's suffix (.csv is CSV, anything else JSON); the venue name from the file's base name
// for CSV. A file that cannot be read is an error naming it.
bool importDesignFile(const QString& path, VenueDesign* out, std::string* error);

// ---- undo records ---------------------------------------------------------------------------------

// What an edit changed: the metadata when it differs, and the sections that differ (by index).
struct DesignChange {
    bool metaChanged = false;
    DesignMeta metaBefore;
    DesignMeta metaAfter;
    std::size_t sectionCountBefore = 0;
    std::size_t sectionCountAfter = 0;
    std::vector<std::uint32_t> sectionIndexesBefore; // sections that differ, as they were
    std::vector<DesignSection> sectionsBefore;
    std::vector<std::uint32_t> sectionIndexesAfter;  // ...and as they are
    std::vector<DesignSection> sectionsAfter;

    bool empty() const { return !metaChanged && sectionIndexesBefore.empty() && sectionIndexesAfter.empty()
                                && sectionCountBefore == sectionCountAfter; }
};
DesignChange diffDesigns(const VenueDesign& before, const VenueDesign& after);
// Applies the change forwards (redo) or backwards (undo).
void applyChange(VenueDesign* design, const DesignChange& change, bool forward);

} // namespace usher
