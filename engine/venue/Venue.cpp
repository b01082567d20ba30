#include "venue/Venue.h"

#include "core/Assert.h"
#include "core/Limits.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_set>

namespace usher {

namespace {

using std::to_string;

std::string quoted(const std::string& text)
{
    return "\"" + text + "\"";
}

// What is wrong with `text`, without its path; empty when nothing.
std::string textProblem(const std::string& text, bool required)
{
    if (required && text.empty())
        return "must not be empty";
    if (text.size() > limits::textBytesMax)
        return "longer than " + to_string(limits::textBytesMax) + " bytes";
    return {};
}

std::string checkText(const std::string& text, const std::string& path, bool required)
{
    std::string problem = textProblem(text, required);
    return problem.empty() ? problem : path + ": " + problem;
}

bool isColor(const std::string& color)
{
    if (color.size() != 7 || color[0] != '#')
        return false;
    for (std::size_t i = 1; i < color.size(); ++i) {
        if (!std::isxdigit(static_cast<unsigned char>(color[i])))
            return false;
    }
    return true;
}

std::string checkOutline(const std::vector<Point>& outline, const std::string& path)
{
    for (std::size_t i = 0; i < outline.size(); ++i) {
        if (!std::isfinite(outline[i].x) || !std::isfinite(outline[i].y))
            return path + "[" + to_string(i) + "]: coordinates must be finite numbers";
    }
    return {};
}

std::string checkCounts(const Venue& v)
{
    if (v.seats.size() > limits::venueSeatsMax)
        return "seats: " + to_string(v.seats.size()) + " seats, more than " + to_string(limits::venueSeatsMax);
    if (v.areas.size() > limits::venueAreasMax)
        return "areas: " + to_string(v.areas.size()) + " areas, more than " + to_string(limits::venueAreasMax);
    if (v.categories.size() > limits::venueCategoriesMax)
        return "categories: " + to_string(v.categories.size()) + " categories, more than "
            + to_string(limits::venueCategoriesMax);
    if (v.seats.empty() && v.areas.empty())
        return "sections: the venue has neither seats nor areas";
    return checkText(v.name, "name", false);
}

std::string checkCategories(const Venue& v)
{
    std::unordered_set<std::string> keys;
    for (std::size_t i = 0; i < v.categories.size(); ++i) {
        const VenueCategory& c = v.categories[i];
        const std::string path = "categories[" + to_string(i) + "]";
        if (auto e = checkText(c.key, path + ".key", true); !e.empty())
            return e;
        if (!keys.insert(c.key).second)
            return path + ".key: duplicate category key " + quoted(c.key);
        if (auto e = checkText(c.name, path + ".name", false); !e.empty())
            return e;
        if (!c.color.empty() && !isColor(c.color))
            return path + ".color: " + quoted(c.color) + " is not a colour like \"#1f77b4\"";
    }
    return {};
}

// Sections own contiguous row ranges and rows own contiguous seat ranges, in order, covering all.
std::string checkStructure(const Venue& v)
{
    std::uint32_t nextRow = 0;
    for (std::size_t s = 0; s < v.sections.size(); ++s) {
        const VenueSection& section = v.sections[s];
        const std::string path = "sections[" + to_string(s) + "]";
        if (auto e = checkText(section.name, path + ".name", false); !e.empty())
            return e;
        if (auto e = checkOutline(section.outline, path + ".outline"); !e.empty())
            return e;
        if (section.rowCount == 0)
            return path + ".rows: a section needs at least one row";
        if (section.firstRow != nextRow)
            return path + ".firstRow: rows of sections must be contiguous (expected " + to_string(nextRow) + ", found "
                + to_string(section.firstRow) + ")";
        if (section.rowCount > v.rows.size() - nextRow)
            return path + ".rowCount: " + to_string(section.rowCount) + " rows, past the end of the rows";
        nextRow += section.rowCount;
    }
    if (nextRow != v.rows.size())
        return "rows: " + to_string(v.rows.size() - nextRow) + " rows belong to no section";

    std::uint32_t nextSeat = 0;
    for (std::size_t s = 0; s < v.sections.size(); ++s) {
        const VenueSection& section = v.sections[s];
        for (std::uint32_t r = section.firstRow; r < section.firstRow + section.rowCount; ++r) {
            const VenueRow& row = v.rows[r];
            const auto path = [&] { // built only for a problem
                return "sections[" + to_string(s) + "].rows[" + to_string(r - section.firstRow) + "]";
            };
            if (auto e = textProblem(row.name, false); !e.empty())
                return path() + ".name: " + e;
            if (row.section != s)
                return path() + ".section: is " + to_string(row.section) + ", expected " + to_string(s);
            if (row.seatCount == 0)
                return path() + ".seats: a row needs at least one seat";
            if (row.seatCount > limits::rowSeatsMax)
                return path() + ".seats: " + to_string(row.seatCount) + " seats, more than "
                    + to_string(limits::rowSeatsMax);
            if (row.firstSeat != nextSeat)
                return path() + ".firstSeat: seats of rows must be contiguous (expected " + to_string(nextSeat)
                    + ", found " + to_string(row.firstSeat) + ")";
            if (row.seatCount > v.seats.size() - nextSeat)
                return path() + ".seatCount: " + to_string(row.seatCount) + " seats, past the end of the seats";
            nextSeat += row.seatCount;
        }
    }
    if (nextSeat != v.seats.size())
        return "seats: " + to_string(v.seats.size() - nextSeat) + " seats belong to no row";
    return {};
}

// The path of a seat as it appears in the venue file; valid once checkStructure() passed.
std::string seatPath(const Venue& v, std::uint32_t rowIndex, std::uint32_t seat)
{
    const VenueRow& row = v.rows[rowIndex];
    const VenueSection& section = v.sections[row.section];
    return "sections[" + to_string(row.section) + "].rows[" + to_string(rowIndex - section.firstRow) + "].seats["
        + to_string(seat - row.firstSeat) + "]";
}

std::string checkSeat(const Venue& v, std::uint32_t rowIndex, std::uint32_t i)
{
    const VenueSeat& seat = v.seats[i];
    const VenueRow& row = v.rows[rowIndex];
    if (seat.section != row.section || seat.row != rowIndex)
        return seatPath(v, rowIndex, i) + ": section/row is " + to_string(seat.section) + "/" + to_string(seat.row)
            + ", expected " + to_string(row.section) + "/" + to_string(rowIndex);
    if (seat.id == 0)
        return seatPath(v, rowIndex, i) + ".id: seat ids start at 1";
    // Every seat of every venue passes here at each start: the path is built only for a problem.
    if (auto e = textProblem(seat.number, true); !e.empty())
        return seatPath(v, rowIndex, i) + ".number: " + e;
    if (!std::isfinite(seat.x) || !std::isfinite(seat.y) || !std::isfinite(seat.rotation))
        return seatPath(v, rowIndex, i) + ": x, y and rotation must be finite numbers";
    if (seat.category >= v.categories.size())
        return seatPath(v, rowIndex, i) + ".category: index " + to_string(seat.category) + " out of range ("
            + to_string(v.categories.size()) + " categories)";
    if ((seat.flags & ~kSeatFlagsAll) != 0)
        return seatPath(v, rowIndex, i) + ".flags: unknown flag bits " + to_string(seat.flags & ~kSeatFlagsAll);
    return {};
}

std::string checkSeats(const Venue& v)
{
    for (std::uint32_t r = 0; r < v.rows.size(); ++r) {
        const VenueRow& row = v.rows[r];
        for (std::uint32_t i = row.firstSeat; i < row.firstSeat + row.seatCount; ++i) {
            if (auto e = checkSeat(v, r, i); !e.empty())
                return e;
        }
    }
    return {};
}

// Fills exactly one of the two lookups. The dense table costs 4 bytes per possible id, so it is
// used only while that stays within a small multiple of the seat count.
std::string buildSeatLookup(const Venue& v, std::vector<SeatIndex>* dense,
                            std::unordered_map<SeatId, SeatIndex>* sparse)
{
    dense->clear();
    sparse->clear();
    SeatId maxId = 0;
    for (const VenueSeat& seat : v.seats)
        maxId = std::max(maxId, seat.id);
    const bool useDense = std::uint64_t(maxId) <= 4 * std::uint64_t(v.seats.size()) + 1024;
    if (useDense)
        dense->assign(std::size_t(maxId) + 1, kNoSeat);
    else
        sparse->reserve(v.seats.size());
    for (std::uint32_t r = 0; r < v.rows.size(); ++r) {
        const VenueRow& row = v.rows[r];
        for (SeatIndex i = row.firstSeat; i < row.firstSeat + row.seatCount; ++i) {
            const SeatId id = v.seats[i].id;
            const bool fresh = useDense ? (*dense)[id] == kNoSeat : sparse->emplace(id, i).second;
            if (!fresh)
                return seatPath(v, r, i) + ".id: duplicate seat id " + to_string(id);
            if (useDense)
                (*dense)[id] = i;
        }
    }
    return {};
}

std::string checkAreas(const Venue& v, std::unordered_map<AreaId, std::uint32_t>* index)
{
    index->clear();
    for (std::uint32_t i = 0; i < v.areas.size(); ++i) {
        const VenueArea& area = v.areas[i];
        const std::string path = "areas[" + to_string(i) + "]";
        if (area.id == 0)
            return path + ".id: area ids start at 1";
        if (!index->emplace(area.id, i).second)
            return path + ".id: duplicate area id " + to_string(area.id);
        if (auto e = checkText(area.name, path + ".name", false); !e.empty())
            return e;
        if (area.capacity == 0 || area.capacity > limits::areaCapacityMax)
            return path + ".capacity: " + to_string(area.capacity) + " is not in 1.."
                + to_string(limits::areaCapacityMax);
        if (area.category >= v.categories.size())
            return path + ".category: index " + to_string(area.category) + " out of range ("
                + to_string(v.categories.size()) + " categories)";
        if (auto e = checkOutline(area.outline, path + ".outline"); !e.empty())
            return e;
    }
    return {};
}

} // namespace

std::string Venue::finalize()
{
    std::string error = checkCounts(*this);
    if (error.empty())
        error = checkCategories(*this);
    if (error.empty())
        error = checkText(stage.label, "stage.label", false);
    if (error.empty())
        error = checkOutline(stage.outline, "stage.outline");
    if (error.empty())
        error = checkStructure(*this);
    if (error.empty())
        error = checkSeats(*this);
    if (error.empty())
        error = buildSeatLookup(*this, &m_seatIndexById, &m_seatIndexSparse);
    if (error.empty())
        error = checkAreas(*this, &m_areaIndexById);
    if (!error.empty()) {
        // An invalid venue answers no lookups, rather than half-built ones.
        m_seatIndexById.clear();
        m_seatIndexSparse.clear();
        m_areaIndexById.clear();
    }
    return error;
}

SeatIndex Venue::seatIndex(SeatId id) const
{
    if (!m_seatIndexById.empty())
        return id < m_seatIndexById.size() ? m_seatIndexById[id] : kNoSeat;
    const auto it = m_seatIndexSparse.find(id);
    return it == m_seatIndexSparse.end() ? kNoSeat : it->second;
}

std::uint32_t Venue::areaIndex(AreaId id) const
{
    const auto it = m_areaIndexById.find(id);
    return it == m_areaIndexById.end() ? kNoArea : it->second;
}

int Venue::categoryIndex(const std::string& key) const
{
    for (std::size_t i = 0; i < categories.size(); ++i) {
        if (categories[i].key == key)
            return static_cast<int>(i);
    }
    return -1;
}

std::string Venue::seatLabel(SeatIndex seat) const
{
    USHER_ASSERT(seat < seats.size());
    const VenueSeat& s = seats[seat];
    USHER_ASSERT(s.section < sections.size() && s.row < rows.size());
    std::string label;
    if (!sections[s.section].name.empty())
        label = sections[s.section].name + ", ";
    if (!rows[s.row].name.empty())
        label += "row " + rows[s.row].name + ", ";
    return label + "seat " + s.number;
}

std::uint64_t Venue::areaCapacityTotal() const
{
    std::uint64_t total = 0;
    for (const VenueArea& area : areas)
        total += area.capacity;
    return total;
}

bool Venue::sameContent(const Venue& other) const
{
    return name == other.name && city == other.city && categories == other.categories && sections == other.sections
        && rows == other.rows && seats == other.seats && areas == other.areas && stage == other.stage;
}

void rankSeatsByDistance(Venue* venue, Point focus)
{
    // Sorting (distance, index) pairs by value keeps the sort cache-friendly for millions of seats;
    // squared distances order the same as distances.
    struct Key {
        double distanceSquared;
        std::uint32_t seat;
    };
    std::vector<Key> keys(venue->seats.size());
    for (std::uint32_t i = 0; i < keys.size(); ++i) {
        const double dx = venue->seats[i].x - focus.x;
        const double dy = venue->seats[i].y - focus.y;
        keys[i] = Key { dx * dx + dy * dy, i };
    }
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        return a.distanceSquared < b.distanceSquared || (a.distanceSquared == b.distanceSquared && a.seat < b.seat);
    });
    for (std::uint32_t rank = 0; rank < keys.size(); ++rank)
        venue->seats[keys[rank].seat].rank = rank;
}

std::string defaultCategoryColor(std::uint32_t index)
{
    // Ten well-separated colours first (the usual case has a handful of categories), then hues on
    // the golden angle with alternating lightness so that up to venueCategoriesMax stay distinct.
    static constexpr const char* kPalette[] = { "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                                "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf" };
    constexpr std::uint32_t paletteSize = sizeof kPalette / sizeof kPalette[0];
    if (index < paletteSize)
        return kPalette[index];
    const double hue = std::fmod(index * 137.50776405, 360.0) / 60.0;
    const double value = (index % 2 == 0) ? 0.85 : 0.6;
    const double saturation = (index % 3 == 0) ? 0.55 : 0.8;
    const double chroma = value * saturation;
    const double x = chroma * (1 - std::fabs(std::fmod(hue, 2.0) - 1));
    const double m = value - chroma;
    double rgb[3] = { 0, 0, 0 };
    const int sector = static_cast<int>(hue) % 6;
    // Which channel gets the chroma and which the intermediate value, per 60 degree sector.
    const int order[6][2] = { { 0, 1 }, { 1, 0 }, { 1, 2 }, { 2, 1 }, { 2, 0 }, { 0, 2 } };
    rgb[order[sector][0]] = chroma;
    rgb[order[sector][1]] = x;
    static constexpr char kHex[] = "0123456789abcdef";
    std::string text = "#";
    for (double channel : rgb) {
        const auto byte = static_cast<unsigned>(std::clamp<long>(std::lround((channel + m) * 255), 0, 255));
        text += kHex[byte >> 4];
        text += kHex[byte & 15];
    }
    return text;
}

} // namespace usher
