#include "venue/VenueGenerator.h"

#include "core/Assert.h"
#include "core/Limits.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace usher {

namespace {

// Layout units are metres, roughly: seats 1.0 apart within a row, rows 1.2 apart.
constexpr double kSeatPitch = 1.0;
constexpr double kRowPitch = 1.2;
constexpr double kSectionGap = 2.0;
constexpr double kOutlineMargin = 0.6;
constexpr double kStandingSquareMetresPerPerson = 0.5;

// "A".."Z", "AA".."AZ", "BA"... (bijective base 26), for rows and category keys.
std::string letters(std::uint32_t index)
{
    std::string text;
    for (std::uint64_t n = std::uint64_t(index) + 1; n > 0; n = (n - 1) / 26)
        text.insert(text.begin(), static_cast<char>('A' + (n - 1) % 26));
    return text;
}

std::vector<Point> rectangle(double left, double top, double right, double bottom)
{
    return { { left, top }, { right, top }, { right, bottom }, { left, bottom } };
}

struct SectionPlan {
    std::string name;
    std::uint32_t rows = 0;
    std::uint32_t seatsPerRow = 0;
    std::vector<std::uint16_t> rowCategory; // per row
    std::uint32_t wheelchairEveryRows = 0;
};

// Builds the venue section by section; every section is appended with its rows and seats, so the
// structure finalize() checks holds by construction.
class Builder {
public:
    explicit Builder(const std::string& name)
        : m_venue(std::make_shared<Venue>())
    {
        m_venue->name = name;
    }

    Venue& venue() { return *m_venue; }

    void addCategories(std::uint32_t count)
    {
        for (std::uint32_t i = 0; i < count; ++i) {
            const std::string key = letters(i);
            m_venue->categories.push_back(VenueCategory { key, "Category " + key, defaultCategoryColor(i) });
        }
    }

    void setStage(double left, double top, double right, double bottom)
    {
        m_venue->stage = VenueStage { "Stage", rectangle(left, top, right, bottom) };
        m_focus = Point { (left + right) / 2, (top + bottom) / 2 };
    }

    // Straight rows, front row at y = front, seats numbered left to right.
    void addStraightSection(const SectionPlan& plan, double left, double front)
    {
        beginSection(plan);
        for (std::uint32_t r = 0; r < plan.rows; ++r) {
            beginRow(plan, r);
            for (std::uint32_t k = 0; k < plan.seatsPerRow; ++k)
                addSeat(plan, r, k, left + kSeatPitch * (k + 0.5), front + kRowPitch * r, 0);
        }
        // Seat centres run from left + pitch/2 to right - pitch/2; the outline keeps a margin around them.
        const double firstX = left + kSeatPitch / 2;
        const double lastX = left + kSeatPitch * (plan.seatsPerRow - 0.5);
        const double back = front + kRowPitch * (plan.rows - 1);
        m_venue->sections.back().outline
            = rectangle(firstX - kOutlineMargin, front - kOutlineMargin, lastX + kOutlineMargin, back + kOutlineMargin);
    }

    // Rows as arcs around the stage centre. `angle` is the section's middle direction in radians
    // (0 points away from the stage, positive to the right); `radius` that of the front row.
    void addCurvedSection(const SectionPlan& plan, double angle, double radius)
    {
        beginSection(plan);
        for (std::uint32_t r = 0; r < plan.rows; ++r) {
            beginRow(plan, r);
            const double rowRadius = radius + kRowPitch * r;
            for (std::uint32_t k = 0; k < plan.seatsPerRow; ++k) {
                const double theta = angle + kSeatPitch * (k - (plan.seatsPerRow - 1) / 2.0) / rowRadius;
                addSeat(plan, r, k, m_focus.x + rowRadius * std::sin(theta), m_focus.y + rowRadius * std::cos(theta),
                        -theta * 180 / std::numbers::pi);
            }
        }
        // The front row spans the widest angle; the margin keeps every seat strictly inside.
        const double half = (kSeatPitch * plan.seatsPerRow / 2 + kOutlineMargin) / radius;
        m_venue->sections.back().outline = arcBand(m_focus, angle - half, angle + half, radius - kOutlineMargin,
                                                   radius + kRowPitch * (plan.rows - 1) + kOutlineMargin);
    }

    void addArea(const std::string& name, std::uint32_t capacity, std::uint16_t category, double left, double top,
                 double right, double bottom)
    {
        const auto id = static_cast<AreaId>(m_venue->areas.size() + 1);
        m_venue->areas.push_back(VenueArea { id, name, capacity, category, rectangle(left, top, right, bottom) });
    }

    // Lower ranks nearer the stage centre (or the origin when there is no stage).
    void assignRanksByDistance() { rankSeatsByDistance(m_venue.get(), m_focus); }

    std::shared_ptr<Venue> finish()
    {
        const std::string problem = m_venue->finalize();
        return problem.empty() ? m_venue : nullptr;
    }

private:
    // A ring segment around `centre`. Segments of at most 2 units keep each chord of the outer
    // arc within the margin of the seats behind it.
    static std::vector<Point> arcBand(Point centre, double from, double to, double inner, double outer)
    {
        const auto segments = static_cast<std::uint32_t>(std::max(4.0, std::ceil((to - from) * outer / 2)));
        std::vector<Point> outline;
        outline.reserve(2 * (segments + 1));
        for (std::uint32_t i = 0; i <= segments; ++i) {
            const double theta = from + (to - from) * i / segments;
            outline.push_back(Point { centre.x + inner * std::sin(theta), centre.y + inner * std::cos(theta) });
        }
        for (std::uint32_t i = segments + 1; i-- > 0;) {
            const double theta = from + (to - from) * i / segments;
            outline.push_back(Point { centre.x + outer * std::sin(theta), centre.y + outer * std::cos(theta) });
        }
        return outline;
    }

    void beginSection(const SectionPlan& plan)
    {
        USHER_ASSERT(plan.rowCategory.size() == plan.rows);
        m_venue->sections.push_back(
            VenueSection { plan.name, {}, static_cast<std::uint32_t>(m_venue->rows.size()), plan.rows });
    }

    void beginRow(const SectionPlan& plan, std::uint32_t r)
    {
        const auto section = static_cast<std::uint32_t>(m_venue->sections.size() - 1);
        m_venue->rows.push_back(VenueRow { letters(r), section, m_venue->seatCount(), plan.seatsPerRow });
    }

    void addSeat(const SectionPlan& plan, std::uint32_t r, std::uint32_t k, double x, double y, double rotation)
    {
        VenueSeat seat;
        seat.id = m_venue->seatCount() + 1;
        seat.section = static_cast<std::uint32_t>(m_venue->sections.size() - 1);
        seat.row = static_cast<std::uint32_t>(m_venue->rows.size() - 1);
        seat.number = std::to_string(k + 1);
        seat.x = static_cast<float>(x);
        seat.y = static_cast<float>(y);
        seat.rotation = static_cast<float>(rotation);
        seat.category = plan.rowCategory[r];
        seat.flags = seatFlags(plan, r, k);
        m_venue->seats.push_back(std::move(seat));
    }

    static std::uint8_t seatFlags(const SectionPlan& plan, std::uint32_t r, std::uint32_t k)
    {
        const std::uint32_t fromEnd = std::min(k, plan.seatsPerRow - 1 - k);
        std::uint8_t flags = fromEnd == 0 ? SeatAisle : 0;
        const bool accessibleRow = plan.wheelchairEveryRows != 0 && (r + 1) % plan.wheelchairEveryRows == 0;
        // Wheelchair places at both ends, each with a companion seat beside it (rows of 4 or more).
        if (accessibleRow && plan.seatsPerRow >= 4) {
            if (fromEnd == 0)
                flags |= SeatWheelchair;
            else if (fromEnd == 1)
                flags |= SeatCompanion;
        }
        return flags;
    }

    std::shared_ptr<Venue> m_venue;
    Point m_focus;
};

std::vector<std::uint16_t> rowCategories(std::uint32_t rows, std::uint32_t categories, std::uint16_t first = 0)
{
    std::vector<std::uint16_t> result(rows);
    for (std::uint32_t r = 0; r < rows; ++r)
        result[r] = static_cast<std::uint16_t>(first + std::uint64_t(r) * categories / rows);
    return result;
}

bool specIsSane(const GeneratedVenueSpec& spec)
{
    const std::uint64_t seats = std::uint64_t(spec.sections) * spec.rowsPerSection * spec.seatsPerRow;
    if (seats > limits::venueSeatsMax || spec.seatsPerRow > limits::rowSeatsMax)
        return false;
    if (spec.gaAreas > limits::venueAreasMax || (spec.gaAreas > 0 && spec.gaCapacity == 0))
        return false;
    return spec.categories >= 1 && spec.categories <= limits::venueCategoriesMax && (seats > 0 || spec.gaAreas > 0);
}

// Standing areas side by side behind everything else, sized for ~0.5 m2 per person.
void addStandingAreas(Builder& b, std::uint32_t count, std::uint32_t capacity, std::uint16_t category)
{
    double back = b.venue().stage.outline.empty() ? 0 : b.venue().stage.outline[2].y;
    for (const VenueSeat& seat : b.venue().seats)
        back = std::max(back, double(seat.y));
    const double area = capacity * kStandingSquareMetresPerPerson;
    const double width = std::max(4.0, std::sqrt(area * 2));
    const double depth = std::max(2.0, area / width);
    const double total = count * width + (count - 1) * kSectionGap;
    for (std::uint32_t i = 0; i < count; ++i) {
        const double left = -total / 2 + i * (width + kSectionGap);
        const std::string name = count == 1 ? std::string("Standing") : "Standing " + std::to_string(i + 1);
        b.addArea(name, capacity, category, left, back + 3, left + width, back + 3 + depth);
    }
}

} // namespace

std::shared_ptr<Venue> generateVenue(const GeneratedVenueSpec& spec)
{
    if (!specIsSane(spec))
        return nullptr;
    Builder b(spec.name);
    b.venue().seats.reserve(std::size_t(spec.sections) * spec.rowsPerSection * spec.seatsPerRow);
    b.addCategories(spec.categories);
    const double sectionWidth = kSeatPitch * spec.seatsPerRow;
    const double totalWidth = spec.sections * sectionWidth + (spec.sections > 0 ? spec.sections - 1 : 0) * kSectionGap;
    const double stageHalf = std::clamp(totalWidth * 0.3, 4.0, 30.0);
    b.setStage(-stageHalf, 0, stageHalf, 5);

    // Curved: the front row's radius is chosen so that all sections fit in about 130 degrees.
    const double radius = std::max(8.0, totalWidth / (0.72 * std::numbers::pi));
    for (std::uint32_t s = 0; s < spec.sections; ++s) {
        SectionPlan plan { spec.sections == 1 ? std::string("Stalls") : "Section " + std::to_string(s + 1),
                           spec.rowsPerSection, spec.seatsPerRow, rowCategories(spec.rowsPerSection, spec.categories),
                           spec.wheelchairEveryRows };
        const double left = -totalWidth / 2 + s * (sectionWidth + kSectionGap);
        if (spec.curved)
            b.addCurvedSection(plan, (left + sectionWidth / 2) / radius, radius);
        else
            b.addStraightSection(plan, left, 8);
    }
    if (spec.gaAreas > 0)
        addStandingAreas(b, spec.gaAreas, spec.gaCapacity, static_cast<std::uint16_t>(spec.categories - 1));
    b.assignRanksByDistance();
    return b.finish();
}

std::shared_ptr<Venue> generateVenueWithSeats(std::uint32_t seats, std::uint32_t gaAreas, std::uint32_t gaCapacity)
{
    // Blocks of at most 25 rows of 40 seats, laid out in a square-ish grid so that even two million
    // seats make a plan one can look at. Categories split the seats by rank into thirds.
    constexpr std::uint32_t seatsPerRowMax = 40;
    constexpr std::uint32_t rowsPerSectionMax = 25;
    constexpr std::uint32_t categories = 3;
    if (seats > limits::venueSeatsMax || gaAreas > limits::venueAreasMax || (gaAreas > 0 && gaCapacity == 0))
        return nullptr;
    const std::uint32_t perRow = std::min(std::max(seats, 1u), seatsPerRowMax);
    const std::uint32_t rows = (seats + perRow - 1) / perRow;
    const std::uint32_t sections = (rows + rowsPerSectionMax - 1) / rowsPerSectionMax;
    const auto columns = std::max(1u, static_cast<std::uint32_t>(std::ceil(std::sqrt(double(sections)))));
    const double sectionWidth = kSeatPitch * perRow;
    const double totalWidth = std::min(columns, std::max(sections, 1u)) * (sectionWidth + kSectionGap) - kSectionGap;

    Builder b("Generated hall (" + std::to_string(rows * perRow) + " seats)");
    b.venue().seats.reserve(std::size_t(rows) * perRow);
    b.venue().rows.reserve(rows);
    b.addCategories(categories);
    const double stageHalf = std::clamp(totalWidth * 0.3, 4.0, 60.0);
    b.setStage(-stageHalf, 0, stageHalf, 5);
    for (std::uint32_t s = 0; s < sections; ++s) {
        const std::uint32_t sectionRows = std::min(rowsPerSectionMax, rows - s * rowsPerSectionMax);
        SectionPlan plan { "Block " + std::to_string(s + 1), sectionRows, perRow,
                           std::vector<std::uint16_t>(sectionRows, 0), 10 };
        const double left = -totalWidth / 2 + (s % columns) * (sectionWidth + kSectionGap);
        const double front = 8 + (s / columns) * (kRowPitch * rowsPerSectionMax + 3);
        b.addStraightSection(plan, left, front);
    }
    if (gaAreas > 0)
        addStandingAreas(b, gaAreas, gaCapacity, categories - 1);
    b.assignRanksByDistance();
    const auto total = static_cast<std::uint64_t>(b.venue().seats.size());
    for (VenueSeat& seat : b.venue().seats)
        seat.category = static_cast<std::uint16_t>(seat.rank * std::uint64_t(categories) / total);
    return b.finish();
}

std::shared_ptr<Venue> generateDemoHall()
{
    Builder b("Usher Concert Hall");
    b.addCategories(4); // A, B, C for seats; D for standing
    b.setStage(-12, 0, 12, 5);
    // A standing pit between the stage and the stalls: 24 x 6.25 m, about 0.5 m2 per person.
    b.addArea("Standing", 300, 3, -12, 6.5, 12, 12.75);

    std::vector<std::uint16_t> stalls = rowCategories(20, 2); // rows A-J: A, rows K-T: B
    b.addStraightSection(SectionPlan { "Stalls", 20, 30, stalls, 10 }, -15, 15);
    std::vector<std::uint16_t> side = rowCategories(16, 2, 1); // front half B, back half C
    b.addStraightSection(SectionPlan { "Left block", 16, 10, side, 16 }, -28, 15);
    b.addStraightSection(SectionPlan { "Right block", 16, 10, side, 16 }, 18, 15);
    const std::vector<std::uint16_t> balcony = { 1, 1, 2, 2, 2, 2 };
    b.addCurvedSection(SectionPlan { "Balcony", 6, 45, balcony, 0 }, 0, 42);

    // The two outermost seats at each end of the balcony's back row look past a pillar.
    Venue& venue = b.venue();
    const VenueRow& back = venue.rows[venue.sections.back().firstRow + 5];
    for (std::uint32_t k : { 0u, 1u, back.seatCount - 2, back.seatCount - 1 })
        venue.seats[back.firstSeat + k].flags |= SeatRestrictedView;
    b.assignRanksByDistance();
    auto hall = b.finish();
    USHER_ASSERT(hall != nullptr);
    return hall;
}

} // namespace usher
