#include "venue/VenueDesign.h"

#include "core/Assert.h"
#include "core/Limits.h"
#include "venue/VenueCsv.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <unordered_map>
#include <string_view>
#include <unordered_set>

namespace usher {

namespace {

using std::to_string;

constexpr double kCurvatureMaxDegrees = 300;
constexpr double kCoordinateMax = 1e6;

double radians(double degrees) { return degrees * std::numbers::pi / 180.0; }

bool isUpperLetters(const std::string& s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}
bool isLowerLetters(const std::string& s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Bijective base 26: "A" is 1, "Z" 26, "AA" 27.
std::uint64_t lettersToNumber(const std::string& s, char base)
{
    std::uint64_t n = 0;
    for (char c : s)
        n = std::min<std::uint64_t>(n * 26 + std::uint64_t(c - base + 1), 1ull << 40);
    return n;
}
std::string numberToLetters(std::uint64_t n, char base)
{
    std::string s;
    while (n > 0) {
        --n;
        s.insert(s.begin(), char(base + char(n % 26)));
        n /= 26;
    }
    return s;
}

std::string seatName(const DesignSection& section, const DesignRow& row, const DesignSeat& seat)
{
    std::string label = section.name.empty() ? std::string("(unnamed section)") : section.name;
    label += ", row " + (row.name.empty() ? std::string("(unnamed)") : row.name);
    return label + ", seat " + seat.number;
}

template <typename F>
void forEachSeat(VenueDesign* design, F&& f)
{
    for (DesignSection& section : design->sections)
        for (DesignRow& row : section.rows)
            for (DesignSeat& seat : row.seats)
                f(seat);
}

std::unordered_set<SeatId> idSet(const std::vector<SeatId>& seats)
{
    return std::unordered_set<SeatId>(seats.begin(), seats.end());
}

} // namespace

std::size_t VenueDesign::seatCount() const
{
    std::size_t n = 0;
    for (const DesignSection& section : sections)
        for (const DesignRow& row : section.rows)
            n += row.seats.size();
    return n;
}

// ---- rows -------------------------------------------------------------------------------------------

std::vector<std::string> seatNumbers(std::uint32_t count, const NumberingSpec& numbering)
{
    std::vector<std::string> numbers(count);
    const std::uint64_t start = numbering.start;
    const std::uint64_t firstOdd = start % 2 == 1 ? start : start + 1;
    const std::uint64_t firstEven = start % 2 == 0 ? std::max<std::uint64_t>(start, 2) : start + 1;
    const std::uint32_t left = (count + 1) / 2; // OddEvenFromCentre: odd numbers on the left half
    for (std::uint32_t i = 0; i < count; ++i) {
        std::uint64_t n = 0;
        switch (numbering.scheme) {
        case Numbering::LeftToRight: n = start + i; break;
        case Numbering::RightToLeft: n = start + (count - 1 - i); break;
        case Numbering::OddLeftToRight: n = firstOdd + 2ull * i; break;
        case Numbering::EvenLeftToRight: n = firstEven + 2ull * i; break;
        case Numbering::OddEvenFromCentre: n = i < left ? 2ull * (left - 1 - i) + 1 : 2ull * (i - left + 1); break;
        }
        numbers[i] = numbering.prefix + to_string(n);
    }
    return numbers;
}

std::vector<std::string> rowNames(const std::string& first, std::uint32_t count)
{
    std::vector<std::string> names;
    names.reserve(count);
    const bool upper = isUpperLetters(first), lower = isLowerLetters(first);
    std::size_t digits = 0; // trailing digits: "L1" -> "L2"
    while (digits < first.size() && digits < 9 && std::isdigit(static_cast<unsigned char>(first[first.size() - 1 - digits])))
        ++digits;
    for (std::uint32_t i = 0; i < count; ++i) {
        if (upper || lower) {
            const char base = upper ? 'A' : 'a';
            names.push_back(numberToLetters(lettersToNumber(first, base) + i, base));
        } else if (digits > 0) {
            const std::string stem = first.substr(0, first.size() - digits);
            names.push_back(stem + to_string(std::stoull(first.substr(first.size() - digits)) + i));
        } else {
            names.push_back(i == 0 ? first : first + " " + to_string(i + 1));
        }
    }
    return names;
}

std::string validateRowSpec(const RowSpec& spec, std::size_t categoryCount)
{
    auto finite = [](double v) { return std::isfinite(v) && std::abs(v) <= kCoordinateMax; };
    if (spec.rows < 1 || spec.rows > 1000)
        return "rows: expected 1 to 1000";
    if (spec.seatsPerRow < 1 || spec.seatsPerRow > limits::rowSeatsMax)
        return "seats per row: expected 1 to " + to_string(limits::rowSeatsMax);
    if (!finite(spec.seatSpacing) || spec.seatSpacing <= 0)
        return "seat spacing: expected a number above 0";
    if (!finite(spec.rowSpacing) || spec.rowSpacing <= 0)
        return "row spacing: expected a number above 0";
    if (!std::isfinite(spec.curvature) || spec.curvature < 0 || spec.curvature > kCurvatureMaxDegrees)
        return "curvature: expected 0 to 300 degrees";
    if (!std::isfinite(spec.rotation) || std::abs(spec.rotation) > 360)
        return "rotation: expected -360 to 360 degrees";
    if (!finite(spec.origin.x) || !finite(spec.origin.y))
        return "origin: expected finite coordinates";
    if (spec.firstRowName.empty() || spec.firstRowName.size() > limits::textBytesMax)
        return "first row name: expected 1 to 1024 bytes";
    if (spec.numbering.prefix.size() > 64)
        return "prefix: at most 64 bytes";
    if (spec.category >= categoryCount)
        return "category: no such category";
    return {};
}

std::vector<DesignRow> generateRows(const RowSpec& spec, SeatId firstId)
{
    USHER_ASSERT(validateRowSpec(spec, std::size_t(spec.category) + 1).empty());
    const std::vector<std::string> names = rowNames(spec.firstRowName, spec.rows);
    const std::vector<std::string> numbers = seatNumbers(spec.seatsPerRow, spec.numbering);
    const double n = spec.seatsPerRow;
    const double arc = radians(spec.curvature);
    const bool curved = arc > 1e-9 && spec.seatsPerRow > 1;
    // Curved rows: the first row's arc spans `curvature` degrees, so its radius is its length over
    // that angle; the centre lies towards the stage and later rows are concentric, one row spacing
    // further out, with the same seat spacing along each arc.
    const double radius0 = curved ? spec.seatSpacing * (n - 1) / arc : 0;
    const double turn = radians(spec.rotation);
    const double cosT = std::cos(turn), sinT = std::sin(turn);
    std::vector<DesignRow> rows(spec.rows);
    SeatId id = firstId;
    for (std::uint32_t r = 0; r < spec.rows; ++r) {
        DesignRow& row = rows[r];
        row.name = names[r];
        row.seats.resize(spec.seatsPerRow);
        const double radius = radius0 + r * spec.rowSpacing;
        for (std::uint32_t i = 0; i < spec.seatsPerRow; ++i) {
            const double offset = (i - (n - 1) / 2) * spec.seatSpacing;
            double x = offset, y = r * spec.rowSpacing, facing = 0;
            if (curved) {
                const double theta = offset / radius;
                x = radius * std::sin(theta);
                y = radius * std::cos(theta) - radius0;
                facing = -theta; // faces the centre of the arc; the row's ends come forward
            }
            DesignSeat& seat = row.seats[i];
            seat.id = id++;
            seat.number = numbers[i];
            seat.x = float(spec.origin.x + x * cosT - y * sinT);
            seat.y = float(spec.origin.y + x * sinT + y * cosT);
            seat.rotation = float(std::remainder(facing * 180.0 / std::numbers::pi + spec.rotation, 360.0));
            seat.category = spec.category;
        }
    }
    return rows;
}

// ---- edits ----------------------------------------------------------------------------------------

std::uint32_t addSection(VenueDesign* design, const std::string& name)
{
    DesignSection section;
    section.name = name;
    design->sections.push_back(std::move(section));
    return std::uint32_t(design->sections.size() - 1);
}

bool renameSection(VenueDesign* design, std::uint32_t section, const std::string& name)
{
    if (section >= design->sections.size() || design->sections[section].name == name)
        return false;
    design->sections[section].name = name;
    return true;
}

bool deleteSection(VenueDesign* design, std::uint32_t section)
{
    if (section >= design->sections.size())
        return false;
    design->sections.erase(design->sections.begin() + section);
    return true;
}

bool addRows(VenueDesign* design, std::uint32_t section, const RowSpec& spec)
{
    if (section >= design->sections.size() || !validateRowSpec(spec, design->meta.categories.size()).empty())
        return false;
    const std::uint64_t total = design->seatCount() + std::uint64_t(spec.rows) * spec.seatsPerRow;
    if (total > limits::venueSeatsMax || design->meta.nextSeatId > 0xffffffffull - std::uint64_t(spec.rows) * spec.seatsPerRow)
        return false;
    std::vector<DesignRow> rows = generateRows(spec, design->meta.nextSeatId);
    design->meta.nextSeatId += SeatId(spec.rows) * spec.seatsPerRow;
    auto& target = design->sections[section].rows;
    target.insert(target.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
    return true;
}

bool renameRow(VenueDesign* design, std::uint32_t section, std::uint32_t row, const std::string& name)
{
    if (section >= design->sections.size() || row >= design->sections[section].rows.size())
        return false;
    std::string& current = design->sections[section].rows[row].name;
    if (current == name)
        return false;
    current = name;
    return true;
}

std::size_t renumberRows(VenueDesign* design, const std::vector<SeatId>& seats, const NumberingSpec& numbering)
{
    const auto wanted = idSet(seats);
    std::size_t changed = 0;
    for (DesignSection& section : design->sections) {
        for (DesignRow& row : section.rows) {
            if (std::none_of(row.seats.begin(), row.seats.end(), [&](const DesignSeat& s) { return wanted.contains(s.id); }))
                continue;
            const std::vector<std::string> numbers = seatNumbers(std::uint32_t(row.seats.size()), numbering);
            for (std::size_t i = 0; i < row.seats.size(); ++i) {
                changed += row.seats[i].number != numbers[i] ? 1 : 0;
                row.seats[i].number = numbers[i];
            }
        }
    }
    return changed;
}

std::size_t deleteSeats(VenueDesign* design, const std::vector<SeatId>& seats)
{
    const auto doomed = idSet(seats);
    std::size_t removed = 0;
    for (DesignSection& section : design->sections) {
        for (DesignRow& row : section.rows)
            removed += std::erase_if(row.seats, [&](const DesignSeat& s) { return doomed.contains(s.id); });
        std::erase_if(section.rows, [](const DesignRow& row) { return row.seats.empty(); });
    }
    return removed;
}

std::size_t setSeatFlags(VenueDesign* design, const std::vector<SeatId>& seats, std::uint8_t flags, bool on)
{
    const auto wanted = idSet(seats);
    std::size_t changed = 0;
    forEachSeat(design, [&](DesignSeat& seat) {
        if (!wanted.contains(seat.id))
            return;
        const std::uint8_t next = on ? std::uint8_t(seat.flags | flags) : std::uint8_t(seat.flags & ~flags);
        changed += next != seat.flags ? 1 : 0;
        seat.flags = next;
    });
    return changed;
}

std::size_t paintCategory(VenueDesign* design, const std::vector<SeatId>& seats, std::uint16_t category)
{
    if (category >= design->meta.categories.size())
        return 0;
    const auto wanted = idSet(seats);
    std::size_t changed = 0;
    forEachSeat(design, [&](DesignSeat& seat) {
        if (!wanted.contains(seat.id) || seat.category == category)
            return;
        seat.category = category;
        ++changed;
    });
    return changed;
}

int addCategory(VenueDesign* design, const std::string& key, const std::string& name)
{
    auto& categories = design->meta.categories;
    if (categories.size() >= limits::venueCategoriesMax)
        return -1;
    std::string unique = key.empty() ? std::string("C") : key;
    for (int n = 2; std::any_of(categories.begin(), categories.end(), [&](const VenueCategory& c) { return c.key == unique; }); ++n)
        unique = (key.empty() ? std::string("C") : key) + to_string(n);
    categories.push_back({ unique, name.empty() ? unique : name, defaultCategoryColor(std::uint32_t(categories.size())) });
    return int(categories.size() - 1);
}

std::uint32_t addArea(VenueDesign* design, const std::string& name, std::uint32_t capacity, std::uint16_t category,
                      std::vector<Point> outline)
{
    VenueArea area;
    area.id = design->meta.nextAreaId++;
    area.name = name;
    area.capacity = capacity;
    area.category = category;
    area.outline = std::move(outline);
    design->meta.areas.push_back(std::move(area));
    return std::uint32_t(design->meta.areas.size() - 1);
}

bool updateArea(VenueDesign* design, std::uint32_t area, const std::string& name, std::uint32_t capacity,
                std::uint16_t category)
{
    if (area >= design->meta.areas.size())
        return false;
    VenueArea& a = design->meta.areas[area];
    a.name = name;
    a.capacity = capacity;
    a.category = category;
    return true;
}

bool deleteArea(VenueDesign* design, std::uint32_t area)
{
    if (area >= design->meta.areas.size())
        return false;
    design->meta.areas.erase(design->meta.areas.begin() + area);
    return true;
}

void setStage(VenueDesign* design, const std::string& label, Point centre, double width, double depth)
{
    VenueStage& stage = design->meta.stage;
    stage.label = label;
    stage.outline.clear();
    if (!(width > 0) || !(depth > 0))
        return;
    const double l = centre.x - width / 2, r = centre.x + width / 2;
    stage.outline = { { l, centre.y - depth }, { r, centre.y - depth }, { r, centre.y }, { l, centre.y } };
}

std::vector<SeatRef> locateSeats(const VenueDesign& design, const std::vector<SeatId>& seats)
{
    std::unordered_map<SeatId, std::size_t> position;
    position.reserve(seats.size());
    for (std::size_t i = 0; i < seats.size(); ++i)
        position.emplace(seats[i], i);
    std::vector<SeatRef> refs(seats.size(), SeatRef { 0xffffffffu, 0, 0 });
    for (std::uint32_t s = 0; s < design.sections.size(); ++s)
        for (std::uint32_t r = 0; r < design.sections[s].rows.size(); ++r) {
            const auto& row = design.sections[s].rows[r];
            for (std::uint32_t i = 0; i < row.seats.size(); ++i)
                if (auto it = position.find(row.seats[i].id); it != position.end())
                    refs[it->second] = SeatRef { s, r, i };
        }
    return refs;
}

// ---- conversion ------------------------------------------------------------------------------------

VenueDesign designFromVenue(const Venue& venue)
{
    VenueDesign design;
    design.meta.name = venue.name;
    design.meta.city = venue.city;
    design.meta.categories = venue.categories;
    design.meta.areas = venue.areas;
    design.meta.stage = venue.stage;
    SeatId maxSeat = 0;
    AreaId maxArea = 0;
    for (const VenueArea& area : venue.areas)
        maxArea = std::max(maxArea, area.id);
    design.sections.reserve(venue.sections.size());
    for (const VenueSection& vs : venue.sections) {
        DesignSection& section = design.sections.emplace_back();
        section.name = vs.name;
        section.outline = vs.outline;
        for (std::uint32_t r = vs.firstRow; r < vs.firstRow + vs.rowCount; ++r) {
            const VenueRow& vr = venue.rows[r];
            DesignRow& row = section.rows.emplace_back();
            row.name = vr.name;
            row.seats.reserve(vr.seatCount);
            for (std::uint32_t i = vr.firstSeat; i < vr.firstSeat + vr.seatCount; ++i) {
                const VenueSeat& s = venue.seats[i];
                row.seats.push_back({ s.id, s.number, s.x, s.y, s.rotation, s.category, s.flags });
                maxSeat = std::max(maxSeat, s.id);
            }
        }
    }
    design.meta.nextSeatId = maxSeat + 1;
    design.meta.nextAreaId = maxArea + 1;
    return design;
}

namespace {

std::shared_ptr<Venue> buildVenueUnchecked(const VenueDesign& design)
{
    auto venue = std::make_shared<Venue>();
    venue->name = design.meta.name;
    venue->city = design.meta.city;
    venue->categories = design.meta.categories;
    venue->areas = design.meta.areas;
    venue->stage = design.meta.stage;
    venue->seats.reserve(design.seatCount());
    for (const DesignSection& ds : design.sections) {
        VenueSection& section = venue->sections.emplace_back();
        section.name = ds.name;
        section.outline = ds.outline;
        section.firstRow = std::uint32_t(venue->rows.size());
        section.rowCount = std::uint32_t(ds.rows.size());
        const auto sectionIndex = std::uint32_t(venue->sections.size() - 1);
        for (const DesignRow& dr : ds.rows) {
            const auto rowIndex = std::uint32_t(venue->rows.size());
            venue->rows.push_back({ dr.name, sectionIndex, std::uint32_t(venue->seats.size()), std::uint32_t(dr.seats.size()) });
            for (const DesignSeat& s : dr.seats)
                venue->seats.push_back({ s.id, sectionIndex, rowIndex, s.number, s.x, s.y, s.rotation, s.category, s.flags, 0 });
        }
    }
    // Ranks: nearest the stage's front centre first (best-available takes low ranks); without a
    // stage, nearest the middle of the front edge of the seats.
    Point focus;
    if (!venue->stage.outline.empty()) {
        double minX = venue->stage.outline[0].x, maxX = minX, maxY = venue->stage.outline[0].y;
        for (const Point& p : venue->stage.outline) {
            minX = std::min(minX, p.x);
            maxX = std::max(maxX, p.x);
            maxY = std::max(maxY, p.y);
        }
        focus = { (minX + maxX) / 2, maxY };
    } else if (!venue->seats.empty()) {
        float minX = venue->seats[0].x, maxX = minX, minY = venue->seats[0].y;
        for (const VenueSeat& s : venue->seats) {
            minX = std::min(minX, s.x);
            maxX = std::max(maxX, s.x);
            minY = std::min(minY, s.y);
        }
        focus = { (double(minX) + maxX) / 2, double(minY) };
    }
    rankSeatsByDistance(venue.get(), focus);
    return venue;
}

} // namespace

std::shared_ptr<Venue> buildVenue(const VenueDesign& design, std::string* error)
{
    auto venue = buildVenueUnchecked(design);
    const std::string problem = venue->finalize();
    if (!problem.empty()) {
        if (error != nullptr)
            *error = problem;
        return nullptr;
    }
    return venue;
}

std::shared_ptr<Venue> buildPreviewVenue(const VenueDesign& design)
{
    VenueDesign shown;
    shown.meta = design.meta;
    if (shown.meta.categories.empty())
        shown.meta.categories.push_back({ "-", "-", defaultCategoryColor(0) });
    const auto categories = std::uint16_t(shown.meta.categories.size());
    for (const DesignSection& section : design.sections) {
        if (section.rows.empty())
            continue;
        DesignSection& copy = shown.sections.emplace_back();
        copy.name = section.name;
        copy.outline = section.outline;
        for (const DesignRow& row : section.rows)
            if (!row.seats.empty())
                copy.rows.push_back(row);
        for (DesignRow& row : copy.rows)
            for (DesignSeat& seat : row.seats)
                seat.category = seat.category < categories ? seat.category : 0;
    }
    for (VenueArea& area : shown.meta.areas)
        area.category = area.category < categories ? area.category : 0;
    std::string ignored;
    if (auto venue = buildVenue(shown, &ignored))
        return venue;
    // Not valid (duplicates, limits): the same structure without the lookups, which the map does
    // not need.
    return buildVenueUnchecked(shown);
}

QByteArray exportDesignJson(const VenueDesign& design, std::string* error)
{
    const auto venue = buildVenue(design, error);
    return venue == nullptr ? QByteArray() : venueToJson(*venue);
}

bool importDesign(const QByteArray& data, ImportFormat format, const std::string& venueName, VenueDesign* out,
                  std::string* error)
{
    VenueError problem;
    const auto venue = format == ImportFormat::Csv ? venueFromCsv(data, venueName, &problem) : venueFromJson(data, &problem);
    if (venue == nullptr) {
        *error = problem.message;
        return false;
    }
    *out = designFromVenue(*venue);
    return true;
}

bool importDesignFile(const QString& path, VenueDesign* out, std::string* error)
{
    QFile file(path);
    const QFileInfo info(path);
    if (info.size() > qint64(limits::venueFileBytesMax)) {
        *error = path.toStdString() + ": larger than the limit of " + to_string(limits::venueFileBytesMax) + " bytes";
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path.toStdString() + ": cannot read: " + file.errorString().toStdString();
        return false;
    }
    const QByteArray data = file.readAll();
    const bool csv = info.suffix().compare(QStringLiteral("csv"), Qt::CaseInsensitive) == 0;
    std::string problem;
    if (importDesign(data, csv ? ImportFormat::Csv : ImportFormat::Json, info.completeBaseName().toStdString(), out, &problem))
        return true;
    *error = info.fileName().toStdString() + ": " + problem;
    return false;
}

// ---- undo records --------------------------------------------------------------------------------

DesignChange diffDesigns(const VenueDesign& before, const VenueDesign& after)
{
    DesignChange change;
    change.metaChanged = !(before.meta == after.meta);
    if (change.metaChanged) {
        change.metaBefore = before.meta;
        change.metaAfter = after.meta;
    }
    change.sectionCountBefore = before.sections.size();
    change.sectionCountAfter = after.sections.size();
    const std::size_t common = std::min(before.sections.size(), after.sections.size());
    for (std::size_t s = 0; s < std::max(before.sections.size(), after.sections.size()); ++s) {
        if (s < common && before.sections[s] == after.sections[s])
            continue;
        if (s < before.sections.size()) {
            change.sectionIndexesBefore.push_back(std::uint32_t(s));
            change.sectionsBefore.push_back(before.sections[s]);
        }
        if (s < after.sections.size()) {
            change.sectionIndexesAfter.push_back(std::uint32_t(s));
            change.sectionsAfter.push_back(after.sections[s]);
        }
    }
    return change;
}

void applyChange(VenueDesign* design, const DesignChange& change, bool forward)
{
    if (change.metaChanged)
        design->meta = forward ? change.metaAfter : change.metaBefore;
    design->sections.resize(forward ? change.sectionCountAfter : change.sectionCountBefore);
    const auto& indexes = forward ? change.sectionIndexesAfter : change.sectionIndexesBefore;
    const auto& sections = forward ? change.sectionsAfter : change.sectionsBefore;
    for (std::size_t i = 0; i < indexes.size(); ++i) {
        USHER_ASSERT(indexes[i] < design->sections.size());
        design->sections[indexes[i]] = sections[i];
    }
}


// ---- validation ------------------------------------------------------------------------------------

namespace {

class IssueList {
public:
    explicit IssueList(std::size_t max) : m_max(max) {}
    bool full() const { return m_issues.size() >= m_max; }
    void add(DesignIssueKind kind, std::string message, std::vector<SeatId> seats = {})
    {
        if (full()) {
            ++m_dropped;
            return;
        }
        m_issues.push_back({ kind, std::move(message), std::move(seats) });
    }
    std::vector<DesignIssue> take()
    {
        if (m_dropped > 0)
            m_issues.push_back({ DesignIssueKind::OverLimit, "and " + to_string(m_dropped) + " more problems", {} });
        return std::move(m_issues);
    }

private:
    std::size_t m_max;
    std::size_t m_dropped = 0;
    std::vector<DesignIssue> m_issues;
};

void checkText(IssueList& issues, const std::string& text, const std::string& what)
{
    if (text.empty())
        issues.add(DesignIssueKind::EmptyName, what + " has no name");
    else if (text.size() > limits::textBytesMax)
        issues.add(DesignIssueKind::TextTooLong, what + " is longer than " + to_string(limits::textBytesMax) + " bytes");
}

void checkMeta(IssueList& issues, const VenueDesign& design)
{
    const DesignMeta& meta = design.meta;
    checkText(issues, meta.name, "The venue");
    if (design.seatCount() == 0 && meta.areas.empty())
        issues.add(DesignIssueKind::NothingToSell, "The venue has no seats and no standing areas");
    if (meta.categories.empty())
        issues.add(DesignIssueKind::BadCategory, "The venue has no price categories");
    if (meta.categories.size() > limits::venueCategoriesMax)
        issues.add(DesignIssueKind::OverLimit, "More than " + to_string(limits::venueCategoriesMax) + " categories");
    std::unordered_set<std::string> keys;
    for (std::size_t c = 0; c < meta.categories.size(); ++c) {
        const std::string& key = meta.categories[c].key;
        checkText(issues, key, "Category " + to_string(c + 1));
        if (!key.empty() && !keys.insert(key).second)
            issues.add(DesignIssueKind::DuplicateCategory, "Category key \"" + key + "\" appears twice");
    }
    if (meta.areas.size() > limits::venueAreasMax)
        issues.add(DesignIssueKind::OverLimit, "More than " + to_string(limits::venueAreasMax) + " standing areas");
    for (std::size_t a = 0; a < meta.areas.size(); ++a) {
        const VenueArea& area = meta.areas[a];
        const std::string what = area.name.empty() ? "Standing area " + to_string(a + 1) : "Standing area \"" + area.name + "\"";
        checkText(issues, area.name, what);
        if (area.capacity == 0 || area.capacity > limits::areaCapacityMax)
            issues.add(DesignIssueKind::BadArea, what + ": capacity must be 1 to " + to_string(limits::areaCapacityMax));
        if (area.category >= meta.categories.size())
            issues.add(DesignIssueKind::BadCategory, what + ": no such category");
    }
}

std::vector<SeatId> idsOf(const DesignRow& row)
{
    std::vector<SeatId> ids;
    ids.reserve(row.seats.size());
    for (const DesignSeat& seat : row.seats)
        ids.push_back(seat.id);
    return ids;
}

// Seats with the same number in rows of the same section and row name.
void checkLabels(IssueList& issues, const DesignSection* section, const std::vector<const DesignRow*>& rows)
{
    std::size_t seats = 0;
    for (const DesignRow* row : rows)
        seats += row->seats.size();
    std::unordered_map<std::string_view, std::vector<SeatId>> numbers;
    numbers.reserve(seats);
    for (const DesignRow* row : rows)
        for (const DesignSeat& seat : row->seats)
            numbers[seat.number].push_back(seat.id);
    if (numbers.size() == seats)
        return; // the usual case: no duplicate
    for (const DesignRow* row : rows)
        for (const DesignSeat& seat : row->seats) {
            auto it = numbers.find(seat.number);
            if (it == numbers.end() || it->second.size() < 2)
                continue;
            const std::size_t count = it->second.size();
            issues.add(DesignIssueKind::DuplicateLabel,
                       seatName(*section, *row, seat) + ": the label appears " + to_string(count) + " times",
                       std::move(it->second));
            numbers.erase(it);
        }
}

void checkStructure(IssueList& issues, const VenueDesign& design)
{
    if (design.seatCount() > limits::venueSeatsMax)
        issues.add(DesignIssueKind::OverLimit, "More than " + to_string(limits::venueSeatsMax) + " seats");
    std::unordered_set<std::string> sectionNames;
    // Labels: rows grouped by section and row name (two rows may share both), then seat numbers
    // hashed within each group, so a venue costs one short hash per seat.
    struct Group {
        const DesignSection* section;
        std::vector<const DesignRow*> rows;
    };
    std::vector<Group> groups;
    std::unordered_map<std::string, std::size_t> groupIndex;
    for (std::size_t s = 0; s < design.sections.size(); ++s) {
        const DesignSection& section = design.sections[s];
        const std::string what = section.name.empty() ? "Section " + to_string(s + 1) : "Section \"" + section.name + "\"";
        checkText(issues, section.name, what);
        if (!section.name.empty() && !sectionNames.insert(section.name).second)
            issues.add(DesignIssueKind::DuplicateSection, what + " appears twice");
        if (section.rows.empty())
            issues.add(DesignIssueKind::EmptySection, what + " has no seats");
        std::unordered_set<std::string> rowNamesSeen;
        for (const DesignRow& row : section.rows) {
            checkText(issues, row.name, what + ", a row");
            if (!row.name.empty() && !rowNamesSeen.insert(row.name).second)
                issues.add(DesignIssueKind::DuplicateRow, what + ": row \"" + row.name + "\" appears twice", idsOf(row));
            if (row.seats.size() > limits::rowSeatsMax)
                issues.add(DesignIssueKind::OverLimit,
                           what + ", row " + row.name + ": more than " + to_string(limits::rowSeatsMax) + " seats", idsOf(row));
            for (const DesignSeat& seat : row.seats) {
                if (seat.number.empty() || seat.number.size() > limits::textBytesMax)
                    issues.add(DesignIssueKind::EmptyName, seatName(section, row, seat) + ": the seat number must be 1 to 1024 bytes", { seat.id });
                if (seat.category >= design.meta.categories.size())
                    issues.add(DesignIssueKind::BadCategory, seatName(section, row, seat) + ": no such category", { seat.id });
            }
            const auto [it, added] = groupIndex.emplace(section.name + '\x1f' + row.name, groups.size());
            if (added)
                groups.push_back({ &section, {} });
            groups[it->second].rows.push_back(&row);
        }
    }
    for (const Group& group : groups)
        checkLabels(issues, group.section, group.rows);
}

// Overlaps through a uniform grid of cells `distance` wide: two seats closer than `distance` lie
// in the same or neighbouring cells. Cells are sorted once (O(n log n)) and found by binary search.
void checkOverlaps(IssueList& issues, const VenueDesign& design, double distance)
{
    struct Entry {
        std::int64_t cx;
        std::int64_t cy;
        std::uint32_t index;
    };
    struct Where {
        const DesignSection* section;
        const DesignRow* row;
        const DesignSeat* seat;
    };
    std::vector<Where> seats;
    seats.reserve(design.seatCount());
    for (const DesignSection& section : design.sections)
        for (const DesignRow& row : section.rows)
            for (const DesignSeat& seat : row.seats)
                seats.push_back({ &section, &row, &seat });
    if (!(distance > 0) || seats.size() < 2)
        return;
    std::vector<Entry> cells(seats.size());
    for (std::uint32_t i = 0; i < seats.size(); ++i)
        cells[i] = { std::int64_t(std::floor(seats[i].seat->x / distance)), std::int64_t(std::floor(seats[i].seat->y / distance)), i };
    auto less = [](const Entry& a, const Entry& b) {
        return a.cx != b.cx ? a.cx < b.cx : (a.cy != b.cy ? a.cy < b.cy : a.index < b.index);
    };
    std::sort(cells.begin(), cells.end(), less);
    const double limit = distance * distance;
    for (const Entry& e : cells) {
        if (issues.full())
            break;
        const DesignSeat& a = *seats[e.index].seat;
        std::vector<SeatId> overlapping;
        std::uint32_t firstOther = 0;
        for (std::int64_t dx = -1; dx <= 1; ++dx) {
            // Sorted by column, then row: the three neighbouring cells of a column are contiguous.
            const Entry key { e.cx + dx, e.cy - 1, 0 };
            for (auto it = std::lower_bound(cells.begin(), cells.end(), key, less);
                 it != cells.end() && it->cx == key.cx && it->cy <= e.cy + 1; ++it) {
                if (it->index <= e.index)
                    continue; // each pair once, reported at its first seat
                const DesignSeat& b = *seats[it->index].seat;
                const double ddx = double(a.x) - b.x, ddy = double(a.y) - b.y;
                if (ddx * ddx + ddy * ddy < limit) {
                    firstOther = overlapping.empty() ? it->index : firstOther;
                    overlapping.push_back(b.id);
                }
            }
        }
        if (overlapping.empty())
            continue;
        const Where& w = seats[e.index];
        const Where& o = seats[firstOther];
        std::string message = seatName(*w.section, *w.row, a) + " overlaps " + seatName(*o.section, *o.row, *o.seat);
        if (overlapping.size() > 1)
            message += " and " + to_string(overlapping.size() - 1) + " more";
        overlapping.insert(overlapping.begin(), a.id);
        issues.add(DesignIssueKind::OverlappingSeats, std::move(message), std::move(overlapping));
    }
}

} // namespace

std::vector<DesignIssue> validateDesign(const VenueDesign& design, const ValidationOptions& options)
{
    IssueList issues(options.issuesMax);
    checkMeta(issues, design);
    checkStructure(issues, design);
    checkOverlaps(issues, design, options.overlapDistance);
    return issues.take();
}

} // namespace usher
