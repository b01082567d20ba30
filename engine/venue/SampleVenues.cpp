#include "venue/SampleVenues.h"

#include "core/Assert.h"
#include "core/Limits.h"
#include "core/QtText.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <functional>
#include <numbers>
#include <optional>
#include <utility>

namespace usher {

namespace {

using std::to_string;

constexpr double kPi = std::numbers::pi;
constexpr double kSeatPitch = 1.0;         // seat centres along a row
constexpr double kRowPitch = 1.2;          // row to row
constexpr double kAisle = 1.6;             // extra space between the two seats either side of an aisle
constexpr double kMargin = 0.6;            // section outlines keep this far from seat centres
constexpr double kOutlineTolerance = 0.05; // simplifying an outline moves no edge more than this
constexpr double kCoordinateSteps = 100;   // positions are stored in hundredths of a unit

// Rank penalties: best-available takes restricted-view seats after all others and keeps wheelchair
// and companion places for last.
constexpr double kRestrictedPenalty = 1e6;
constexpr double kAccessiblePenalty = 2e6;

Point operator+(Point a, Point b)
{
    return Point { a.x + b.x, a.y + b.y };
}

Point operator-(Point a, Point b)
{
    return Point { a.x - b.x, a.y - b.y };
}

Point operator*(Point a, double k)
{
    return Point { a.x * k, a.y * k };
}

double length(Point a)
{
    return std::hypot(a.x, a.y);
}

Point unit(Point a)
{
    const double l = length(a);
    return l > 0 ? a * (1 / l) : Point { 0, -1 };
}

// `value` to the nearest multiple of 1/`perUnit`, as the double nearest to that decimal (so that it
// prints as "8.54", not "8.540000000000001").
double rounded(double value, double perUnit)
{
    const double r = std::round(value * perUnit) / perUnit;
    return r == 0 ? 0.0 : r; // no "-0"
}

// Rows "A".."Z" without I and O (they read as 1 and 0), then "AA", "BB"... as many venues do.
std::string rowLetters(std::uint32_t index)
{
    static constexpr std::string_view kLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    return std::string(index / kLetters.size() + 1, kLetters[index % kLetters.size()]);
}

// ---- Planning ------------------------------------------------------------------------------------

struct PlannedSeat {
    Point at;
    Point along;  // unit vector towards the next seat number
    Point front;  // unit vector towards the section's first row
    Point facing; // unit vector the seat looks along
    std::string number;
    std::uint8_t flags = 0;
    int category = -1; // -1: chosen by score
    double score = 0;  // lower is better; categories and ranks follow it
};

struct PlannedRow {
    std::string name;
    std::vector<PlannedSeat> seats; // in the order of their numbers, as a person walks the row
    int category = -1;              // of its seats chosen by score
};

struct PlannedSection {
    std::string name;
    std::vector<PlannedRow> rows;
};

// Douglas-Peucker on an open polyline: appends the kept points of `chain` but its last one.
void simplifyChain(const std::vector<Point>& chain, std::vector<Point>* out)
{
    if (chain.empty())
        return;
    std::vector<bool> keep(chain.size(), false);
    keep.front() = keep.back() = true;
    std::vector<std::pair<std::size_t, std::size_t>> stack { { 0, chain.size() - 1 } };
    while (!stack.empty()) {
        const auto [first, last] = stack.back();
        stack.pop_back();
        if (last <= first + 1)
            continue;
        const Point a = chain[first];
        const Point ab = chain[last] - a;
        const double abLength = length(ab);
        double worst = -1;
        std::size_t worstIndex = first;
        for (std::size_t i = first + 1; i < last; ++i) {
            const Point ap = chain[i] - a;
            const double distance = abLength > 0 ? std::fabs(ab.x * ap.y - ab.y * ap.x) / abLength : length(ap);
            if (distance > worst) {
                worst = distance;
                worstIndex = i;
            }
        }
        if (worst > kOutlineTolerance) {
            keep[worstIndex] = true;
            stack.push_back({ first, worstIndex });
            stack.push_back({ worstIndex, last });
        }
    }
    for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
        if (keep[i])
            out->push_back(chain[i]);
    }
}

// A polygon hugging the section's seats with kMargin to spare: along the front row, down the
// right-hand row ends, back along the last row and up the left-hand row ends.
static_assert(kRowPitch / 2 == kMargin);
std::vector<Point> sectionOutline(const PlannedSection& section)
{
    const std::vector<PlannedRow>& rows = section.rows;
    const PlannedRow& front = rows.front();
    const PlannedRow& back = rows.back();
    const auto corner = [](const PlannedSeat& seat, double side, double forward) {
        return seat.at + seat.along * (side * kMargin) + seat.front * (forward * kMargin);
    };
    std::vector<Point> frontChain { corner(front.seats.front(), -1, 1) };
    for (const PlannedSeat& seat : front.seats)
        frontChain.push_back(seat.at + seat.front * kMargin);
    frontChain.push_back(corner(front.seats.back(), 1, 1));

    // The row ends step with the rows: each row's end is passed at kMargin, half way to the next
    // row (kRowPitch / 2 == kMargin), so no seat comes nearer an edge than kMargin.
    std::vector<Point> rightChain;
    for (const PlannedRow& row : rows) {
        rightChain.push_back(corner(row.seats.back(), 1, 1));
        rightChain.push_back(corner(row.seats.back(), 1, -1));
    }

    std::vector<Point> backChain { rightChain.back() };
    for (auto it = back.seats.rbegin(); it != back.seats.rend(); ++it)
        backChain.push_back(it->at - it->front * kMargin);
    backChain.push_back(corner(back.seats.front(), -1, -1));

    std::vector<Point> leftChain;
    for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
        leftChain.push_back(corner(it->seats.front(), -1, -1));
        leftChain.push_back(corner(it->seats.front(), -1, 1));
    }

    std::vector<Point> outline;
    for (const auto* chain : { &frontChain, &rightChain, &backChain, &leftChain })
        simplifyChain(*chain, &outline);
    for (Point& p : outline)
        p = Point { rounded(p.x, kCoordinateSteps), rounded(p.y, kCoordinateSteps) };
    return outline;
}

std::vector<Point> roundedOutline(std::vector<Point> outline)
{
    for (Point& p : outline)
        p = Point { rounded(p.x, kCoordinateSteps), rounded(p.y, kCoordinateSteps) };
    return outline;
}

// Degrees clockwise from "facing the top of the plan", whole degrees in (-180, 180].
float rotationOf(Point facing)
{
    double degrees = std::round(std::atan2(facing.x, -facing.y) * 180 / kPi);
    if (degrees <= -180)
        degrees += 360;
    return degrees == 0 ? 0.0f : static_cast<float>(degrees);
}

struct CategoryPlan {
    std::string key;
    std::string name;
    std::string color;
    double share = 0; // of the seats whose category follows their score; 0: none
};

class SampleBuilder {
public:
    explicit SampleBuilder(std::string name) { m_venue->name = std::move(name); }

    int addCategory(std::string key, std::string name, std::string color, double share)
    {
        m_categories.push_back(CategoryPlan { std::move(key), std::move(name), std::move(color), share });
        return static_cast<int>(m_categories.size() - 1);
    }

    void setStage(std::string label, std::vector<Point> outline)
    {
        m_venue->stage = VenueStage { std::move(label), roundedOutline(std::move(outline)) };
    }

    PlannedSection& addSection(std::string name)
    {
        m_sections.push_back(PlannedSection { std::move(name), {} });
        return m_sections.back();
    }

    void addArea(std::string name, std::uint32_t capacity, int category, std::vector<Point> outline)
    {
        const auto id = static_cast<AreaId>(m_venue->areas.size() + 1);
        m_venue->areas.push_back(VenueArea { id, std::move(name), capacity, static_cast<std::uint16_t>(category),
                                             roundedOutline(std::move(outline)) });
    }

    std::vector<PlannedSection>& sections() { return m_sections; }

    template <typename F>
    void forEachSeat(F&& f)
    {
        for (PlannedSection& section : m_sections) {
            for (PlannedRow& row : section.rows) {
                for (PlannedSeat& seat : row.seats)
                    f(seat);
            }
        }
    }

    // Categories by score, restricted-view seats to `restrictedCategory` (-1: keep), then the
    // venue with ids 1..N in file order and ranks by score. Null when finalize() fails.
    std::shared_ptr<Venue> finish(int restrictedCategory, std::string* error = nullptr)
    {
        dropEmpty();
        assignCategoriesByScore();
        if (restrictedCategory >= 0) {
            forEachSeat([&](PlannedSeat& seat) {
                if (seat.flags & SeatRestrictedView)
                    seat.category = restrictedCategory;
            });
        }
        Venue& v = *m_venue;
        for (const CategoryPlan& c : m_categories)
            v.categories.push_back(VenueCategory { c.key, c.name, c.color });
        std::vector<double> rankKeys;
        for (const PlannedSection& section : m_sections) {
            const auto sectionIndex = static_cast<std::uint32_t>(v.sections.size());
            v.sections.push_back(VenueSection { section.name, sectionOutline(section),
                                                static_cast<std::uint32_t>(v.rows.size()),
                                                static_cast<std::uint32_t>(section.rows.size()) });
            for (const PlannedRow& row : section.rows) {
                v.rows.push_back(
                    VenueRow { row.name, sectionIndex, v.seatCount(), static_cast<std::uint32_t>(row.seats.size()) });
                for (const PlannedSeat& planned : row.seats) {
                    VenueSeat seat;
                    seat.id = v.seatCount() + 1;
                    seat.section = sectionIndex;
                    seat.row = static_cast<std::uint32_t>(v.rows.size() - 1);
                    seat.number = planned.number;
                    seat.x = static_cast<float>(rounded(planned.at.x, kCoordinateSteps));
                    seat.y = static_cast<float>(rounded(planned.at.y, kCoordinateSteps));
                    seat.rotation = rotationOf(planned.facing);
                    seat.category = static_cast<std::uint16_t>(std::max(planned.category, 0));
                    seat.flags = planned.flags;
                    v.seats.push_back(std::move(seat));
                    double key = planned.score;
                    if (planned.flags & SeatRestrictedView)
                        key += kRestrictedPenalty;
                    if (planned.flags & (SeatWheelchair | SeatCompanion))
                        key += kAccessiblePenalty;
                    rankKeys.push_back(key);
                }
            }
        }
        std::vector<std::uint32_t> order(rankKeys.size());
        for (std::uint32_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::stable_sort(order.begin(), order.end(),
                         [&](std::uint32_t a, std::uint32_t b) { return rankKeys[a] < rankKeys[b]; });
        for (std::uint32_t rank = 0; rank < order.size(); ++rank)
            v.seats[order[rank]].rank = rank;
        if (std::string problem = v.finalize(); !problem.empty()) {
            if (error)
                *error = problem;
            return nullptr;
        }
        return m_venue;
    }

private:
    void dropEmpty()
    {
        for (PlannedSection& section : m_sections) {
            std::erase_if(section.rows, [](const PlannedRow& row) { return row.seats.empty(); });
        }
        std::erase_if(m_sections, [](const PlannedSection& section) { return section.rows.empty(); });
    }

    // Each row of a section gets one category, from the median score of its seats: the rows are
    // sorted by it and cut into the categories' shares, best category first.
    void assignCategoriesByScore()
    {
        struct Group {
            double score;
            std::size_t order;
            PlannedRow* row;
            std::size_t seats;
        };
        std::vector<Group> groups;
        std::size_t total = 0;
        for (PlannedSection& section : m_sections) {
            for (PlannedRow& row : section.rows) {
                std::vector<double> scores;
                for (const PlannedSeat& seat : row.seats) {
                    if (seat.category < 0)
                        scores.push_back(seat.score);
                }
                if (scores.empty())
                    continue;
                std::nth_element(scores.begin(), scores.begin() + std::ptrdiff_t(scores.size() / 2), scores.end());
                groups.push_back(Group { scores[scores.size() / 2], groups.size(), &row, scores.size() });
                total += scores.size();
            }
        }
        std::sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
            return a.score < b.score || (a.score == b.score && a.order < b.order);
        });
        std::vector<std::pair<double, int>> bounds; // cumulative share, category
        double cumulative = 0;
        for (std::size_t c = 0; c < m_categories.size(); ++c) {
            if (m_categories[c].share > 0) {
                cumulative += m_categories[c].share;
                bounds.push_back({ cumulative, static_cast<int>(c) });
            }
        }
        USHER_ASSERT(total == 0 || !bounds.empty());
        // Rows of (nearly) the same score, mirror images of each other, share a category: the
        // category of the middle of their run.
        std::size_t done = 0;
        for (std::size_t first = 0; first < groups.size();) {
            std::size_t last = first;
            std::size_t seats = 0;
            while (last < groups.size() && groups[last].score - groups[first].score < 1e-6)
                seats += groups[last++].seats;
            const double middle = (double(done) + double(seats) / 2) / double(total) * cumulative;
            int category = bounds.back().second;
            for (const auto& [bound, index] : bounds) {
                if (middle < bound) {
                    category = index;
                    break;
                }
            }
            for (std::size_t g = first; g < last; ++g)
                groups[g].row->category = category;
            done += seats;
            first = last;
        }
        // A row is never in a better category than the row in front of it in its section.
        for (PlannedSection& section : m_sections) {
            int previous = -1;
            for (PlannedRow& row : section.rows) {
                row.category = std::max(row.category, previous);
                previous = row.category;
                for (PlannedSeat& seat : row.seats) {
                    if (seat.category < 0)
                        seat.category = row.category;
                }
            }
        }
    }

    std::shared_ptr<Venue> m_venue = std::make_shared<Venue>();
    std::vector<CategoryPlan> m_categories;
    std::vector<PlannedSection> m_sections;
};

// Distance from the stage's front centre, worse the further off the stage's axis (+y) a seat is.
double stageScore(Point seat, Point stageFront, double offAxisWeight)
{
    const Point d = seat - stageFront;
    const double offAxis = std::atan2(std::fabs(d.x), d.y); // 0 straight ahead, pi/2 beside the stage
    return length(d) * (1 + offAxisWeight * offAxis * offAxis);
}

void markRowEnds(PlannedRow& row, std::uint8_t endFlags, std::uint8_t nextFlags)
{
    std::vector<PlannedSeat>& seats = row.seats;
    if (seats.size() < 4)
        return;
    seats.front().flags |= endFlags;
    seats.back().flags |= endFlags;
    seats[1].flags |= nextFlags;
    seats[seats.size() - 2].flags |= nextFlags;
}

// ---- Curved tiers: theatre and concert hall ---------------------------------------------------

// Rows as arcs around `centre`, split by two aisles into a left, a centre and a right block
// (sections "<name> Left", "<name> Centre", "<name> Right").
struct CurvedTierPlan {
    std::string name;
    Point centre;
    double radius = 20; // of the first row
    std::uint32_t rows = 10;
    std::uint32_t firstRowName = 0; // index for rowLetters()
    std::function<std::uint32_t(std::uint32_t)> centreSeats;
    std::function<std::uint32_t(std::uint32_t)> sideSeats;
    bool oddEven = false; // left block odd numbers, centre 101.., right block even numbers
    Point focus;          // seats face it
};

void addCurvedTier(SampleBuilder& b, const CurvedTierPlan& plan)
{
    PlannedSection left { plan.name + " Left", {} };
    PlannedSection centre { plan.name + " Centre", {} };
    PlannedSection right { plan.name + " Right", {} };
    for (std::uint32_t r = 0; r < plan.rows; ++r) {
        const double radius = plan.radius + kRowPitch * r;
        const std::uint32_t c = plan.centreSeats(r);
        const std::uint32_t s = plan.sideSeats(r);
        const std::string name = rowLetters(plan.firstRowName + r);
        const auto seatAt = [&](double arc, std::string number) {
            const double theta = arc / radius;
            PlannedSeat seat;
            seat.at = plan.centre + Point { std::sin(theta), std::cos(theta) } * radius;
            seat.along = Point { std::cos(theta), -std::sin(theta) };
            seat.front = Point { -std::sin(theta), -std::cos(theta) };
            seat.facing = unit(plan.focus - seat.at);
            seat.number = std::move(number);
            return seat;
        };
        const double centreHalf = (c - 1) / 2.0 * kSeatPitch;
        const double sideStart = centreHalf + kSeatPitch + kAisle;
        PlannedRow leftRow { name, {} };
        PlannedRow centreRow { name, {} };
        PlannedRow rightRow { name, {} };
        for (std::uint32_t j = 0; j < s; ++j) { // leftmost first
            const std::uint32_t fromAisle = s - 1 - j;
            leftRow.seats.push_back(
                seatAt(-(sideStart + fromAisle * kSeatPitch), to_string(plan.oddEven ? 2 * fromAisle + 1 : j + 1)));
        }
        for (std::uint32_t k = 0; k < c; ++k)
            centreRow.seats.push_back(seatAt(k * kSeatPitch - centreHalf, to_string(plan.oddEven ? 101 + k : k + 1)));
        for (std::uint32_t j = 0; j < s; ++j)
            rightRow.seats.push_back(seatAt(sideStart + j * kSeatPitch, to_string(plan.oddEven ? 2 * j + 2 : j + 1)));
        for (PlannedRow* row : { &leftRow, &centreRow, &rightRow }) {
            row->seats.front().flags |= SeatAisle;
            row->seats.back().flags |= SeatAisle;
        }
        left.rows.push_back(std::move(leftRow));
        centre.rows.push_back(std::move(centreRow));
        right.rows.push_back(std::move(rightRow));
    }
    b.sections().push_back(std::move(left));
    b.sections().push_back(std::move(centre));
    b.sections().push_back(std::move(right));
}

// Straight rows of `seats` seats each, the first row through `firstRowCentre`, further rows
// behind it (away from `front`); seat 1 at the spectator's left.
struct StraightBlockPlan {
    std::string name;
    Point firstRowCentre;
    Point along;                      // towards higher seat numbers
    Point front;                      // towards the first row
    std::vector<std::uint32_t> seats; // per row
    std::uint32_t firstRowName = 0;
    bool numericRows = false;
    std::optional<Point> focus;  // seats face it; else they face `front`
    std::optional<Point> facing; // a fixed direction instead
};

PlannedSection& addStraightBlock(SampleBuilder& b, const StraightBlockPlan& plan)
{
    PlannedSection& section = b.addSection(plan.name);
    for (std::uint32_t r = 0; r < plan.seats.size(); ++r) {
        const std::uint32_t n = plan.seats[r];
        const Point rowCentre = plan.firstRowCentre - plan.front * (kRowPitch * r);
        PlannedRow row { plan.numericRows ? to_string(plan.firstRowName + r + 1) : rowLetters(plan.firstRowName + r),
                         {} };
        for (std::uint32_t k = 0; k < n; ++k) {
            PlannedSeat seat;
            seat.at = rowCentre + plan.along * ((k - (n - 1) / 2.0) * kSeatPitch);
            seat.along = plan.along;
            seat.front = plan.front;
            seat.facing = plan.facing ? *plan.facing : plan.focus ? unit(*plan.focus - seat.at) : plan.front;
            seat.number = to_string(k + 1);
            row.seats.push_back(std::move(seat));
        }
        row.seats.front().flags |= SeatAisle;
        row.seats.back().flags |= SeatAisle;
        section.rows.push_back(std::move(row));
    }
    return section;
}

// An arc of `steps` segments around `centre`, from angle `from` to `to` (radians; 0 points down
// the plan, +y, and positive angles go to +x).
void appendArc(std::vector<Point>* points, Point centre, double radius, double from, double to, int steps)
{
    for (int i = 0; i <= steps; ++i) {
        const double theta = from + (to - from) * i / steps;
        points->push_back(centre + Point { std::sin(theta), std::cos(theta) } * radius);
    }
}

// ---- Bowls: arena, stadium, large venues ---------------------------------------------------------

// The inner edge of a bowl: a rectangle with rounded corners centred on the origin. The stands
// run around it in eight pieces, clockwise from the top side: 0 top, 1 top-right corner,
// 2 right, 3 bottom-right corner, 4 bottom, 5 bottom-left corner, 6 left, 7 top-left corner.
struct BowlShape {
    double halfWidth = 0;
    double halfHeight = 0;
    double cornerRadius = 0;

    bool isCorner(int piece) const { return piece % 2 == 1; }

    // A straight piece: where it starts (clockwise), its direction and outward normal, its length.
    void side(int piece, Point* start, Point* direction, Point* normal, double* sideLength) const
    {
        const double ix = halfWidth - cornerRadius;
        const double iy = halfHeight - cornerRadius;
        switch (piece) {
        case 0: *start = { -ix, -halfHeight }, *direction = { 1, 0 }, *normal = { 0, -1 }, *sideLength = 2 * ix; break;
        case 2: *start = { halfWidth, -iy }, *direction = { 0, 1 }, *normal = { 1, 0 }, *sideLength = 2 * iy; break;
        case 4: *start = { ix, halfHeight }, *direction = { -1, 0 }, *normal = { 0, 1 }, *sideLength = 2 * ix; break;
        default: *start = { -halfWidth, iy }, *direction = { 0, -1 }, *normal = { -1, 0 }, *sideLength = 2 * iy; break;
        }
    }

    // A corner piece: its centre and its angles (screen angles: 0 is +x, pi/2 is +y), clockwise.
    void corner(int piece, Point* centre, double* from) const
    {
        const double ix = halfWidth - cornerRadius;
        const double iy = halfHeight - cornerRadius;
        switch (piece) {
        case 1: *centre = { ix, -iy }, *from = -kPi / 2; break;
        case 3: *centre = { ix, iy }, *from = 0; break;
        case 5: *centre = { -ix, iy }, *from = kPi / 2; break;
        default: *centre = { -ix, -iy }, *from = kPi; break;
        }
    }

    // The length of a piece at `offset` outside the inner edge.
    double pieceLength(int piece, double offset) const
    {
        if (isCorner(piece))
            return (cornerRadius + offset) * kPi / 2;
        Point start, direction, normal;
        double sideLength = 0;
        side(piece, &start, &direction, &normal, &sideLength);
        return sideLength;
    }
};

// One section of a tier: the part [from, to] (fractions) of a piece, and the seats of each row
// (0 where the row has none; corner sections are narrow at the front).
struct BowlSectionPlan {
    std::string name;
    int piece = 0;
    double from = 0;
    double to = 1;
    double offset = 0; // inner edge to the first row
    std::vector<std::uint32_t> seats;
};

// The usable length of a section's row `r` and how many seats fit.
double bowlRowLength(const BowlShape& shape, const BowlSectionPlan& s, std::uint32_t r)
{
    const double offset = s.offset + kRowPitch * r;
    return shape.pieceLength(s.piece, offset) * (s.to - s.from) - kAisle;
}

std::uint32_t bowlRowCapacity(const BowlShape& shape, const BowlSectionPlan& s, std::uint32_t r)
{
    const double usable = bowlRowLength(shape, s, r);
    return usable < kSeatPitch ? 0 : static_cast<std::uint32_t>(std::floor(usable / kSeatPitch + 1e-9));
}

// Splits each piece into `counts[piece]` sections (0: no seats there) of `rows` rows each.
std::vector<BowlSectionPlan> planBowlTier(const BowlShape& shape, double offset, std::uint32_t rows,
                                          const std::array<std::uint32_t, 8>& counts)
{
    std::vector<BowlSectionPlan> plans;
    for (int piece = 0; piece < 8; ++piece) {
        for (std::uint32_t i = 0; i < counts[std::size_t(piece)]; ++i) {
            BowlSectionPlan s;
            s.piece = piece;
            s.from = double(i) / counts[std::size_t(piece)];
            s.to = double(i + 1) / counts[std::size_t(piece)];
            s.offset = offset;
            for (std::uint32_t r = 0; r < rows; ++r)
                s.seats.push_back(bowlRowCapacity(shape, s, r));
            plans.push_back(std::move(s));
        }
    }
    return plans;
}

struct BowlStyle {
    bool numericRows = false;
    std::optional<Point> focus; // seats face it; else they face the inside of the bowl
};

// Places a planned section's seats: rows parallel to the inner edge, each row centred in its part
// of the piece, seat 1 at the spectator's left (counter-clockwise end), aisles at both ends.
PlannedSection& placeBowlSection(SampleBuilder& b, const BowlShape& shape, const BowlSectionPlan& s,
                                 const BowlStyle& style)
{
    PlannedSection& section = b.addSection(s.name);
    for (std::uint32_t r = 0; r < s.seats.size(); ++r) {
        const std::uint32_t n = s.seats[r];
        PlannedRow row { style.numericRows ? to_string(r + 1) : rowLetters(r), {} };
        const double offset = s.offset + kRowPitch * r;
        const double span = shape.pieceLength(s.piece, offset) * (s.to - s.from);
        const double firstCentre = shape.pieceLength(s.piece, offset) * s.from + (span - n * kSeatPitch) / 2
            + kSeatPitch / 2; // along the piece, clockwise
        for (std::uint32_t k = 0; k < n; ++k) {
            const double along = firstCentre + k * kSeatPitch;
            PlannedSeat seat;
            if (shape.isCorner(s.piece)) {
                Point centre;
                double from = 0;
                shape.corner(s.piece, &centre, &from);
                const double radius = shape.cornerRadius + offset;
                const double angle = from + along / radius;
                const Point outward { std::cos(angle), std::sin(angle) };
                seat.at = centre + outward * radius;
                seat.along = Point { std::sin(angle), -std::cos(angle) }; // counter-clockwise
                seat.front = outward * -1;
            } else {
                Point start, direction, normal;
                double sideLength = 0;
                shape.side(s.piece, &start, &direction, &normal, &sideLength);
                seat.at = start + direction * along + normal * offset;
                seat.along = direction * -1;
                seat.front = normal * -1;
            }
            seat.facing = style.focus ? unit(*style.focus - seat.at) : seat.front;
            row.seats.push_back(std::move(seat));
        }
        std::reverse(row.seats.begin(), row.seats.end());
        for (std::uint32_t k = 0; k < row.seats.size(); ++k)
            row.seats[k].number = to_string(k + 1);
        if (!row.seats.empty()) {
            row.seats.front().flags |= SeatAisle;
            row.seats.back().flags |= SeatAisle;
        }
        section.rows.push_back(std::move(row));
    }
    return section;
}

std::vector<Point> rectangle(double left, double top, double right, double bottom)
{
    return { { left, top }, { right, top }, { right, bottom }, { left, bottom } };
}

} // namespace

// ---- The theatre -----------------------------------------------------------------------------------

std::shared_ptr<Venue> sampleTheatre()
{
    SampleBuilder b("Usher Theatre");
    b.addCategory("P", "Premium", "#6a1b9a", 0.14);
    b.addCategory("A", "Category A", "#c62828", 0.30);
    b.addCategory("B", "Category B", "#ef6c00", 0.30);
    const int c = b.addCategory("C", "Category C", "#2e7d32", 0.26);

    // The rows are arcs around a point behind the stage; the apron follows the same curve.
    const Point centre { 0, -16 };
    const Point stageFront { 0, 1.5 };
    const Point stageMiddle { 0, -6 };
    std::vector<Point> stage { { -11, -12 }, { 11, -12 } };
    const double apron = 17.5;
    const double apronHalf = std::asin(11 / apron);
    appendArc(&stage, centre, apron, apronHalf, -apronHalf, 16);
    b.setStage("Stage", stage);

    // Stalls: 12 rows A-M, the centre block widening every 4 rows, the side blocks every 2.
    addCurvedTier(b,
                  CurvedTierPlan { "Stalls", centre, 20, 12, 0, [](std::uint32_t r) { return 12 + 2 * (r / 4); },
                                   [](std::uint32_t r) { return 4 + r / 2; }, true, centre });
    const std::size_t stalls = b.sections().size() - 3;
    // Balcony: 5 rows A-E behind the stalls, wider at the sides.
    addCurvedTier(b,
                  CurvedTierPlan { "Balcony", centre, 38, 5, 0, [](std::uint32_t r) { return 14 + 2 * (r / 2); },
                                   [](std::uint32_t r) { return 8 + (r + 1) / 2; }, true, centre });
    const std::size_t balcony = b.sections().size() - 3;

    // Boxes on the side walls beside the stage: 2 rows of 2, side-on to the stage.
    const std::array<std::pair<const char*, Point>, 4> boxes { { { "Box A", { -15.5, -3.5 } },
                                                                 { "Box B", { -16.5, 1.5 } },
                                                                 { "Box C", { 15.5, -3.5 } },
                                                                 { "Box D", { 16.5, 1.5 } } } };
    for (const auto& [name, middle] : boxes) {
        const Point facing = unit(stageMiddle - middle);
        StraightBlockPlan box { name,
                                middle + facing * (kRowPitch / 2),
                                Point { -facing.y, facing.x },
                                facing,
                                { 2, 2 },
                                0,
                                false,
                                std::nullopt,
                                facing };
        PlannedSection& section = addStraightBlock(b, box);
        for (PlannedRow& row : section.rows) {
            for (PlannedSeat& seat : row.seats)
                seat.flags |= SeatRestrictedView;
        }
    }

    std::vector<PlannedSection>& sections = b.sections();
    // Wheelchair places at the aisle ends of the back row of the stalls, companions beside them.
    for (std::size_t s = stalls; s < stalls + 3; ++s) {
        PlannedRow& back = sections[s].rows.back();
        if (s != stalls) {
            back.seats.front().flags |= SeatWheelchair;
            back.seats[1].flags |= SeatCompanion;
        }
        if (s != stalls + 2) {
            back.seats.back().flags |= SeatWheelchair;
            back.seats[back.seats.size() - 2].flags |= SeatCompanion;
        }
    }
    // Under the balcony's overhang the two seats by the side walls of the last two stalls rows
    // lose the top of the stage; at the back of the balcony two pillars hide part of it.
    for (std::size_t rowIndex : { std::size_t(10), std::size_t(11) }) {
        for (std::size_t k : { 0, 1 })
            sections[stalls].rows[rowIndex].seats[k].flags |= SeatRestrictedView;
        std::vector<PlannedSeat>& right = sections[stalls + 2].rows[rowIndex].seats;
        right[right.size() - 1].flags |= SeatRestrictedView;
        right[right.size() - 2].flags |= SeatRestrictedView;
    }
    for (std::size_t k : { 0, 1 })
        sections[balcony].rows.back().seats[k].flags |= SeatRestrictedView;
    std::vector<PlannedSeat>& balconyRight = sections[balcony + 2].rows.back().seats;
    balconyRight[balconyRight.size() - 1].flags |= SeatRestrictedView;
    balconyRight[balconyRight.size() - 2].flags |= SeatRestrictedView;

    b.forEachSeat([&](PlannedSeat& seat) { seat.score = stageScore(seat.at, stageFront, 0.8); });
    auto venue = b.finish(c);
    USHER_ASSERT(venue != nullptr);
    return venue;
}

// ---- The concert hall ------------------------------------------------------------------------------

std::shared_ptr<Venue> sampleConcertHall()
{
    SampleBuilder b("Usher Concert Hall");
    b.addCategory("P", "Premium", "#6a1b9a", 0.12);
    b.addCategory("A", "Category A", "#c62828", 0.25);
    b.addCategory("B", "Category B", "#ef6c00", 0.28);
    b.addCategory("C", "Category C", "#f9a825", 0.20);
    const int d = b.addCategory("D", "Category D", "#2e7d32", 0.15);
    const int standing = b.addCategory("S", "Standing", "#00838f", 0);

    // The platform with its chamfered back corners; the choir sits behind it facing the audience.
    b.setStage("Stage", { { -12, -16 }, { 12, -16 }, { 15, -13 }, { 15, 0 }, { -15, 0 }, { -15, -13 } });
    const Point stageFront { 0, 0 };
    std::vector<std::uint32_t> choirRows;
    for (std::uint32_t r = 0; r < 5; ++r)
        choirRows.push_back(28 + 2 * r);
    PlannedSection& choir = addStraightBlock(
        b, StraightBlockPlan { "Choir", { 0, -18.5 }, { -1, 0 }, { 0, 1 }, choirRows, 0, false, std::nullopt, {} });
    for (PlannedRow& row : choir.rows) {
        for (PlannedSeat& seat : row.seats)
            seat.category = d; // behind the orchestra: cheapest
    }

    // A promenade between the platform and the stalls.
    b.addArea("Promenade", 400, standing, rectangle(-15, 2, 15, 10));

    // Stalls: 22 gently curved rows A-X; balcony and gallery behind them on the same curve.
    const Point centre { 0, -50 };
    addCurvedTier(b,
                  CurvedTierPlan { "Stalls", centre, 63, 22, 0, [](std::uint32_t) { return 22u; },
                                   [](std::uint32_t r) { return 10 + r / 4; }, false, centre });
    const std::size_t stalls = b.sections().size() - 3;

    // Terraces along the side walls: 4 rows of 36, turned 30 degrees towards the platform.
    const double turn = kPi / 6;
    std::vector<std::uint32_t> terraceRows(4, 36);
    addStraightBlock(b,
                     StraightBlockPlan { "Left Terrace",
                                         { -31, 19.5 },
                                         { 0, 1 },
                                         { 1, 0 },
                                         terraceRows,
                                         0,
                                         false,
                                         std::nullopt,
                                         Point { std::cos(turn), -std::sin(turn) } });
    addStraightBlock(b,
                     StraightBlockPlan { "Right Terrace",
                                         { 31, 19.5 },
                                         { 0, -1 },
                                         { -1, 0 },
                                         terraceRows,
                                         0,
                                         false,
                                         std::nullopt,
                                         Point { -std::cos(turn), -std::sin(turn) } });
    for (std::size_t t = b.sections().size() - 2; t < b.sections().size(); ++t) {
        for (PlannedRow& row : b.sections()[t].rows) {
            for (PlannedSeat& seat : row.seats) {
                if (seat.at.y < 5) // beside the platform: side-on view
                    seat.flags |= SeatRestrictedView;
            }
        }
    }

    addCurvedTier(b,
                  CurvedTierPlan { "Balcony", centre, 95, 10, 0, [](std::uint32_t) { return 24u; },
                                   [](std::uint32_t r) { return 16 + r / 2; }, false, centre });
    addCurvedTier(b,
                  CurvedTierPlan { "Gallery", centre, 112, 7, 0, [](std::uint32_t) { return 26u; },
                                   [](std::uint32_t r) { return 20 + r / 2; }, false, centre });
    const std::size_t gallery = b.sections().size() - 3;

    std::vector<PlannedSection>& sections = b.sections();
    for (std::size_t s = stalls; s < stalls + 3; ++s)
        markRowEnds(sections[s].rows.back(), SeatWheelchair, SeatCompanion);
    for (std::size_t k = 0; k < 3; ++k) {
        sections[gallery].rows.back().seats[k].flags |= SeatRestrictedView;
        std::vector<PlannedSeat>& right = sections[gallery + 2].rows.back().seats;
        right[right.size() - 1 - k].flags |= SeatRestrictedView;
    }

    b.forEachSeat([&](PlannedSeat& seat) {
        seat.score = stageScore(seat.at, stageFront, 0.8) + (seat.at.y < 0 ? 200 : 0); // the choir last
    });
    auto venue = b.finish(d);
    USHER_ASSERT(venue != nullptr);
    return venue;
}

// ---- The arena -----------------------------------------------------------------------------------

std::shared_ptr<Venue> sampleArena()
{
    SampleBuilder b("Usher Arena");
    b.addCategory("A", "Category A", "#c62828", 0.15);
    b.addCategory("B", "Category B", "#ef6c00", 0.25);
    b.addCategory("C", "Category C", "#f9a825", 0.30);
    const int d = b.addCategory("D", "Category D", "#2e7d32", 0.30);
    const int golden = b.addCategory("GC", "Golden Circle", "#6a1b9a", 0);
    const int floor = b.addCategory("FL", "Floor standing", "#00838f", 0);

    // Concert layout: the stage at the top end of the floor, standing on the floor, two tiers of
    // seats around the other three sides and beside the stage; nothing behind it.
    const BowlShape shape { 36, 62, 20 };
    b.setStage(
        "Stage",
        { { -16, -61 }, { 16, -61 }, { 26, -56 }, { 28, -44 }, { 12, -40 }, { -12, -40 }, { -28, -44 }, { -26, -56 } });
    const Point stageFront { 0, -40 };
    const Point stageMiddle { 0, -50 };
    b.addArea("Golden Circle", 1800, golden, rectangle(-30, -36, 30, -14));
    b.addArea("Floor", 4200, floor, rectangle(-30, -10, 30, 52));

    const BowlStyle style { false, stageMiddle };
    struct Tier {
        std::uint32_t number;
        double offset;
        std::uint32_t rows;
        std::array<std::uint32_t, 8> counts;
        std::uint32_t keepBeside; // sections of each top corner kept, those nearest the sides
    };
    const double lowerOffset = 2.5;
    const std::uint32_t lowerRows = 23;
    const std::array<Tier, 2> tiers { {
        { 101, lowerOffset, lowerRows, { 2, 3, 3, 3, 2, 3, 3, 3 }, 1 },
        { 201, lowerOffset + kRowPitch * (lowerRows - 1) + 7, 30, { 2, 4, 4, 4, 2, 4, 4, 4 }, 1 },
    } };
    for (std::uint32_t t = 0; t < tiers.size(); ++t) {
        const Tier& tier = tiers[t];
        std::uint32_t number = tier.number;
        const std::vector<BowlSectionPlan> plans = planBowlTier(shape, tier.offset, tier.rows, tier.counts);
        std::uint32_t indexInPiece = 0;
        for (std::size_t i = 0; i < plans.size(); ++i) {
            BowlSectionPlan plan = plans[i];
            indexInPiece = (i > 0 && plans[i - 1].piece == plan.piece) ? indexInPiece + 1 : 0;
            const std::uint32_t inPiece = tier.counts[std::size_t(plan.piece)];
            const bool behindStage = plan.piece == 0 || (plan.piece == 1 && indexInPiece + tier.keepBeside < inPiece)
                || (plan.piece == 7 && indexInPiece >= tier.keepBeside);
            if (behindStage)
                continue;
            plan.name = "Section " + to_string(number++);
            PlannedSection& section = placeBowlSection(b, shape, plan, style);
            // Wheelchair platforms at the back of the lower tier, reached from the concourse.
            if (t == 0)
                markRowEnds(section.rows.back(), SeatWheelchair, SeatCompanion);
            for (PlannedRow& row : section.rows) {
                for (PlannedSeat& seat : row.seats) {
                    if (seat.at.y < stageMiddle.y) // level with the set: side view, part of the stage hidden
                        seat.flags |= SeatRestrictedView;
                }
            }
        }
    }
    b.forEachSeat([&](PlannedSeat& seat) { seat.score = stageScore(seat.at, stageFront, 0.3); });
    auto venue = b.finish(d);
    USHER_ASSERT(venue != nullptr);
    return venue;
}

// ---- The stadium -----------------------------------------------------------------------------------

namespace {

// A football pitch of 105 x 68 m, drawn at two units per metre so that the stands (one unit per
// seat) keep their real proportions to it.
constexpr double kPitchHalfWidth = 105;
constexpr double kPitchHalfHeight = 68;
const BowlShape kStadiumBowl { 117, 80, 30 };

void setPitch(SampleBuilder& b)
{
    b.setStage("Pitch", rectangle(-kPitchHalfWidth, -kPitchHalfHeight, kPitchHalfWidth, kPitchHalfHeight));
}

// Rows further from the centre spot are worse; the long sides are nearer than the ends.
double pitchScore(Point seat)
{
    return length(seat);
}

} // namespace

std::shared_ptr<Venue> sampleStadium()
{
    SampleBuilder b("Usher Stadium");
    b.addCategory("A", "Category 1", "#c62828", 0.10);
    b.addCategory("B", "Category 2", "#ef6c00", 0.20);
    b.addCategory("C", "Category 3", "#f9a825", 0.25);
    b.addCategory("D", "Category 4", "#2e7d32", 0.25);
    const int e = b.addCategory("E", "Category 5", "#1565c0", 0.20);
    setPitch(b);

    const BowlStyle style { true, std::nullopt };
    const double lowerOffset = 3;
    const std::uint32_t lowerRows = 29;
    const double upperOffset = lowerOffset + kRowPitch * (lowerRows - 1) + 8;
    const std::uint32_t upperRows = 35;
    const std::array<std::uint32_t, 8> lowerCounts { 6, 3, 4, 3, 6, 3, 4, 3 };
    const std::array<std::uint32_t, 8> upperCounts { 6, 4, 4, 4, 6, 4, 4, 4 };
    for (std::uint32_t t = 0; t < 2; ++t) {
        std::uint32_t number = t == 0 ? 101 : 201;
        for (BowlSectionPlan plan : t == 0 ? planBowlTier(kStadiumBowl, lowerOffset, lowerRows, lowerCounts)
                                           : planBowlTier(kStadiumBowl, upperOffset, upperRows, upperCounts)) {
            plan.name = "Block " + to_string(number++);
            PlannedSection& section = placeBowlSection(b, kStadiumBowl, plan, style);
            if (t == 0) {
                // Wheelchair platforms at the back of the lower tier.
                markRowEnds(section.rows.back(), SeatWheelchair, SeatCompanion);
            } else if (kStadiumBowl.isCorner(plan.piece)) {
                // The roof's columns stand in the back rows of the upper corners.
                for (std::size_t r = section.rows.size() - 2; r < section.rows.size(); ++r) {
                    for (PlannedSeat& seat : section.rows[r].seats)
                        seat.flags |= SeatRestrictedView;
                }
            }
        }
    }
    b.forEachSeat([&](PlannedSeat& seat) { seat.score = pitchScore(seat.at); });
    auto venue = b.finish(e);
    USHER_ASSERT(venue != nullptr);
    return venue;
}

// ---- Large venues ------------------------------------------------------------------------------------

std::shared_ptr<Venue> generateLargeVenue(const LargeVenueSpec& spec, std::string* error)
{
    const auto fail = [&](std::string message) -> std::shared_ptr<Venue> {
        if (error)
            *error = std::move(message);
        return nullptr;
    };
    if (spec.seats < kLargeVenueSeatsMin || spec.seats > limits::venueSeatsMax)
        return fail("seats: " + to_string(spec.seats) + " is not in " + to_string(kLargeVenueSeatsMin) + ".."
                    + to_string(limits::venueSeatsMax));

    // As few tiers of at most 30 rows as the seats need, all of the same depth, with an 8-unit
    // concourse between them. Sections are about 25 seats wide unless the caller asks for a number.
    constexpr std::uint32_t rowsPerTierMax = 30;
    constexpr double tierGap = 8;
    constexpr double sectionWidth = 27;
    const BowlShape& shape = kStadiumBowl;
    std::uint32_t rowsPerTier = rowsPerTierMax;
    const auto tierOffset = [&](std::uint32_t t) { return 3 + t * (kRowPitch * (rowsPerTier - 1) + tierGap); };
    const auto autoCounts = [&](std::uint32_t t) {
        std::array<std::uint32_t, 8> counts {};
        const double middle = tierOffset(t) + kRowPitch * rowsPerTier / 2;
        for (int piece = 0; piece < 8; ++piece) {
            counts[std::size_t(piece)] = std::max(
                1u, static_cast<std::uint32_t>(std::lround(shape.pieceLength(piece, middle) / sectionWidth)));
        }
        return counts;
    };
    const auto ringSeats = [&](const std::vector<BowlSectionPlan>& plans, std::uint32_t r) {
        std::uint64_t total = 0;
        for (const BowlSectionPlan& plan : plans)
            total += bowlRowCapacity(shape, plan, r);
        return total;
    };

    if (spec.sections > spec.seats / 20)
        return fail("sections: " + to_string(spec.sections) + " is too many for " + to_string(spec.seats)
                    + " seats (at most one per 20 seats)");

    // The sections of each of `tiers` tiers: automatic, or the requested total shared out by
    // length (largest remainder, every piece of every tier at least one).
    const auto sectionCounts = [&](std::uint32_t tiers) {
        std::vector<std::array<std::uint32_t, 8>> counts;
        for (std::uint32_t t = 0; t < tiers; ++t)
            counts.push_back(autoCounts(t));
        if (spec.sections == 0)
            return counts;
        std::vector<double> weights;
        double totalWeight = 0;
        for (std::uint32_t t = 0; t < tiers; ++t) {
            const double middle = tierOffset(t) + kRowPitch * rowsPerTier / 2;
            for (int piece = 0; piece < 8; ++piece) {
                weights.push_back(shape.pieceLength(piece, middle));
                totalWeight += weights.back();
            }
        }
        const std::uint32_t spare = spec.sections - 8 * tiers;
        std::vector<std::pair<double, std::size_t>> remainders;
        std::uint32_t given = 0;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            const double exact = spare * weights[i] / totalWeight;
            const auto whole = static_cast<std::uint32_t>(std::floor(exact));
            counts[i / 8][i % 8] = 1 + whole;
            given += whole;
            remainders.push_back({ -(exact - whole), i });
        }
        std::sort(remainders.begin(), remainders.end());
        for (std::size_t k = 0; given < spare; ++k, ++given)
            counts[remainders[k].second / 8][remainders[k].second % 8] += 1;
        return counts;
    };

    const auto capacityOf = [&](std::uint32_t tiers, const std::vector<std::array<std::uint32_t, 8>>& counts) {
        std::uint64_t capacity = 0;
        for (std::uint32_t t = 0; t < tiers; ++t) {
            const auto tierPlans = planBowlTier(shape, tierOffset(t), 1, counts[t]);
            for (std::uint32_t r = 0; r < rowsPerTier; ++r)
                capacity += ringSeats(tierPlans, r);
        }
        return capacity;
    };

    // As few full tiers as hold the seats, then the fewest rows per tier that still do.
    std::uint32_t tiers = 0;
    std::vector<std::array<std::uint32_t, 8>> counts;
    for (std::uint64_t capacity = 0; capacity < spec.seats;) {
        ++tiers;
        if (spec.sections != 0 && spec.sections < 8 * tiers)
            return fail("sections: " + to_string(spec.sections) + " is too few: " + to_string(spec.seats)
                        + " seats need at least " + to_string(tiers) + " tiers of at least 8 sections each (at least "
                        + to_string(8 * tiers) + ")");
        counts = sectionCounts(tiers);
        capacity = capacityOf(tiers, counts);
    }
    for (rowsPerTier = 1; rowsPerTier < rowsPerTierMax; ++rowsPerTier) {
        counts = sectionCounts(tiers);
        if (capacityOf(tiers, counts) >= spec.seats)
            break;
    }
    counts = sectionCounts(tiers);

    // Rows ring by ring until the seats fit. Should the last tier stay empty, the sections are
    // shared among the tiers used, the outermost growing past the others' depth as it must.
    std::vector<std::vector<BowlSectionPlan>> plans;
    std::uint64_t total = 0;
    for (;;) {
        plans.clear();
        total = 0;
        for (std::uint32_t t = 0; t < tiers && total < spec.seats; ++t) {
            plans.push_back(planBowlTier(shape, tierOffset(t), 0, counts[t]));
            const std::uint32_t depth = t + 1 == tiers ? 2 * rowsPerTierMax : rowsPerTier;
            for (std::uint32_t r = 0; total < spec.seats && r < depth; ++r) {
                for (BowlSectionPlan& plan : plans.back())
                    plan.seats.push_back(bowlRowCapacity(shape, plan, r));
                total += ringSeats(plans.back(), r);
            }
        }
        if (plans.size() == tiers || spec.sections == 0)
            break;
        tiers = static_cast<std::uint32_t>(plans.size());
        counts = sectionCounts(tiers);
    }
    if (plans.empty() || total < spec.seats)
        return fail("seats: " + to_string(spec.seats) + " do not fit"); // unreachable: the tiers were sized to fit
    // Too many seats in the last ring: take them off its rows in proportion, keeping each row
    // centred in its section.
    std::vector<BowlSectionPlan>& outer = plans.back();
    const std::uint64_t excess = total - spec.seats;
    if (excess > 0) {
        std::uint64_t ring = 0;
        for (const BowlSectionPlan& plan : outer)
            ring += plan.seats.back();
        std::uint64_t removed = 0;
        for (BowlSectionPlan& plan : outer) {
            const std::uint64_t cut = plan.seats.back() * excess / ring;
            plan.seats.back() -= static_cast<std::uint32_t>(cut);
            removed += cut;
        }
        for (std::size_t i = 0; removed < excess; i = (i + 1) % outer.size()) {
            if (outer[i].seats.back() > 0) {
                --outer[i].seats.back();
                ++removed;
            }
        }
    }

    std::uint32_t widest = 0;
    for (const auto& tierPlans : plans)
        widest = std::max(widest, static_cast<std::uint32_t>(tierPlans.size()));
    const std::uint32_t numbering = widest > 99 ? 1000 : 100;

    SampleBuilder b("Usher Mega Stadium (" + to_string(spec.seats) + " seats)");
    b.addCategory("A", "Category 1", "#c62828", 0.08);
    b.addCategory("B", "Category 2", "#ef6c00", 0.15);
    b.addCategory("C", "Category 3", "#f9a825", 0.20);
    b.addCategory("D", "Category 4", "#2e7d32", 0.22);
    b.addCategory("E", "Category 5", "#1565c0", 0.20);
    const int f = b.addCategory("F", "Category 6", "#5e35b1", 0.15);
    setPitch(b);
    const BowlStyle style { true, std::nullopt };
    for (std::uint32_t t = 0; t < plans.size(); ++t) {
        std::uint32_t number = (t + 1) * numbering + 1;
        for (BowlSectionPlan& plan : plans[t]) {
            plan.name = "Block " + to_string(number++);
            PlannedSection& section = placeBowlSection(b, shape, plan, style);
            std::erase_if(section.rows, [](const PlannedRow& row) { return row.seats.empty(); });
            if (!section.rows.empty())
                markRowEnds(section.rows.back(), SeatWheelchair, SeatCompanion);
        }
    }
    b.forEachSeat([&](PlannedSeat& seat) { seat.score = pitchScore(seat.at); });
    std::string problem;
    auto venue = b.finish(f, &problem);
    if (!venue)
        return fail(problem);
    if (venue->seatCount() != spec.seats)
        return fail("sections: " + to_string(spec.sections) + " is too many for " + to_string(spec.seats) + " seats");
    return venue;
}

// ---- The catalogue and files -----------------------------------------------------------------------

std::span<const SampleVenueInfo> sampleVenues()
{
    static const SampleVenueInfo kSamples[] = {
        { "theatre", "theatre.json", "a theatre of about 500 seats: curved stalls, a balcony and four boxes",
          sampleTheatre, "Zürich", "Theatre", "Schauspielensemble Zürich" },
        { "concert-hall", "concert-hall.json",
          "a concert hall of about 2,500 seats: choir, stalls, side terraces, balcony, gallery and a promenade",
          sampleConcertHall, "München", "Classical", "Münchner Philharmoniker" },
        { "arena", "arena.json",
          "an arena of about 20,000 seats: an end stage, two tiers around the floor, floor standing", sampleArena,
          "Köln", "Pop", "Björk" },
        { "stadium", "stadium.json", "a stadium of about 60,000 seats: two tiers in a bowl around a pitch",
          sampleStadium, "Berlin", "Rock", "Die Ärzte" },
    };
    return kSamples;
}

const SampleVenueInfo* findSampleVenue(std::string_view key)
{
    for (const SampleVenueInfo& info : sampleVenues()) {
        if (info.key == key)
            return &info;
    }
    return nullptr;
}

QString sampleVenueDirectory()
{
    QStringList candidates;
    if (const QString dir = qEnvironmentVariable("USHER_VENUES_DIR"); !dir.isEmpty())
        candidates << dir;
    if (const QString source = qEnvironmentVariable("USHER_SOURCE_DIR"); !source.isEmpty())
        candidates << source + QStringLiteral("/resources/venues");
    if (QCoreApplication::instance())
        candidates << QCoreApplication::applicationDirPath() + QStringLiteral("/../share/usher/venues");
    // The source tree this file was compiled from: a developer's build finds the files anywhere.
    const QString thisFile = QString::fromUtf8(__FILE__);
    const QString suffix = QStringLiteral("engine/venue/SampleVenues.cpp");
    if (thisFile.endsWith(suffix))
        candidates << thisFile.left(thisFile.size() - suffix.size()) + QStringLiteral("resources/venues");
    for (const QString& candidate : candidates) {
        if (QFileInfo(candidate).isDir())
            return QDir::cleanPath(candidate);
    }
    return {};
}

std::shared_ptr<Venue> loadSampleVenue(std::string_view key, VenueError* error)
{
    const SampleVenueInfo* info = findSampleVenue(key);
    if (!info) {
        if (error)
            *error = VenueError {
                "unknown sample venue \"" + std::string(key) + "\" (known: theatre, concert-hall, arena, stadium)", 0, 0
            };
        return nullptr;
    }
    const QString dir = sampleVenueDirectory();
    if (dir.isEmpty()) {
        if (error)
            *error = VenueError { "no sample venue folder (resources/venues) found; set USHER_VENUES_DIR", 0, 0 };
        return nullptr;
    }
    const QString path
        = dir + QLatin1Char('/') + toQString(info->fileName);
    VenueError inner;
    auto venue = venueFromJsonFile(path, &inner);
    if (!venue && error) {
        *error = inner;
        if (!inner.message.starts_with(path.toStdString()))
            error->message = path.toStdString() + ": " + inner.message;
    }
    return venue;
}

std::string venueSummary(const Venue& venue)
{
    std::size_t flagCounts[4] = {};
    std::vector<std::size_t> perCategory(venue.categories.size());
    double minX = 0, maxX = 0, minY = 0, maxY = 0;
    bool first = true;
    const auto extend = [&](double x, double y) {
        minX = first ? x : std::min(minX, x);
        maxX = first ? x : std::max(maxX, x);
        minY = first ? y : std::min(minY, y);
        maxY = first ? y : std::max(maxY, y);
        first = false;
    };
    for (const VenueSeat& seat : venue.seats) {
        for (int bit = 0; bit < 4; ++bit)
            flagCounts[bit] += (seat.flags >> bit) & 1u;
        ++perCategory[seat.category];
        extend(seat.x, seat.y);
    }
    for (const Point& p : venue.stage.outline)
        extend(p.x, p.y);
    for (const VenueArea& area : venue.areas) {
        for (const Point& p : area.outline)
            extend(p.x, p.y);
    }
    std::string text = "name: " + venue.name + "\n";
    text += "seats: " + to_string(venue.seats.size()) + " (wheelchair " + to_string(flagCounts[0]) + ", companion "
        + to_string(flagCounts[1]) + ", restricted view " + to_string(flagCounts[2]) + ", aisle "
        + to_string(flagCounts[3]) + ")\n";
    text += "sections: " + to_string(venue.sections.size()) + "\n";
    text += "rows: " + to_string(venue.rows.size()) + "\n";
    text += "areas: " + to_string(venue.areas.size()) + " (standing capacity " + to_string(venue.areaCapacityTotal())
        + ")\n";
    text += "categories: " + to_string(venue.categories.size()) + "\n";
    for (std::size_t c = 0; c < venue.categories.size(); ++c) {
        const VenueCategory& category = venue.categories[c];
        std::uint64_t standing = 0;
        for (const VenueArea& area : venue.areas)
            standing += area.category == c ? area.capacity : 0;
        text += "  " + category.key + " " + category.name + (category.color.empty() ? "" : " " + category.color) + ": "
            + to_string(perCategory[c]) + " seats";
        if (standing > 0)
            text += ", " + to_string(standing) + " standing";
        text += "\n";
    }
    char extent[160];
    std::snprintf(extent, sizeof extent, "extent: x %.1f..%.1f, y %.1f..%.1f\n", minX, maxX, minY, maxY);
    text += extent;
    return text;
}

} // namespace usher
