#include "venue/VenueCsv.h"

#include "core/Assert.h"
#include "core/Limits.h"

#include <QByteArrayView>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>
#include <unordered_map>

namespace usher {

namespace {

using std::to_string;

enum Column { Section = 0, Row, Seat, X, Y, Category, Flags, ColumnCount };
constexpr const char* kColumnNames[ColumnCount] = { "section", "row", "seat", "x", "y", "category", "flags" };

struct CsvError {
    std::string message;
    int line = 0;
    int column = 0;
};

struct CsvRow {
    std::string name;
    std::vector<VenueSeat> seats;
    std::unordered_map<std::string, int> lineOfSeat; // seat number -> line, for duplicate reports
};

struct CsvSection {
    std::string name;
    std::vector<CsvRow> rows;
    std::unordered_map<std::string, std::uint32_t> rowIndex;
};

struct CsvVenue {
    std::vector<CsvSection> sections;
    std::unordered_map<std::string, std::uint32_t> sectionIndex;
    std::vector<VenueCategory> categories;
    std::uint32_t seats = 0;
};

bool fail(CsvError* error, int line, int column, const std::string& message)
{
    if (line == 0) {
        *error = CsvError { message, 0, 0 };
        return false;
    }
    std::string where = "line " + to_string(line);
    if (column > 0) {
        where += ", column " + to_string(column);
        if (column <= ColumnCount)
            where += std::string(" (") + kColumnNames[column - 1] + ")";
    }
    *error = CsvError { where + ": " + message, line, column };
    return false;
}

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

std::string quoted(std::string_view text)
{
    // Built by appending: GCC 12 at -O3 warns (-Wrestrict, a false positive) on "..." + string.
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    out += text;
    out += '"';
    return out;
}

// Reads one quoted field starting at line[*at] == '"'; leaves *at just past the closing quote.
bool readQuoted(std::string_view line, std::size_t* at, std::string* field)
{
    for (std::size_t i = *at + 1; i < line.size(); ++i) {
        if (line[i] != '"') {
            *field += line[i];
        } else if (i + 1 < line.size() && line[i + 1] == '"') {
            *field += '"'; // a doubled quote stands for one
            ++i;
        } else {
            *at = i + 1;
            return true;
        }
    }
    return false;
}

// Splits one line into fields (RFC 4180 quoting, but a quoted field cannot span lines).
bool splitFields(std::string_view line, int lineNumber, std::vector<std::string>* fields, CsvError* error)
{
    fields->clear();
    std::size_t at = 0;
    while (true) {
        const int column = static_cast<int>(fields->size()) + 1;
        while (at < line.size() && (line[at] == ' ' || line[at] == '\t'))
            ++at;
        std::string field;
        if (at < line.size() && line[at] == '"') {
            if (!readQuoted(line, &at, &field))
                return fail(error, lineNumber, column, "the quoted field is not closed on this line");
            while (at < line.size() && (line[at] == ' ' || line[at] == '\t'))
                ++at;
            if (at < line.size() && line[at] != ',')
                return fail(error, lineNumber, column, "unexpected text after the closing quote");
        } else {
            const std::size_t end = std::min(line.find(',', at), line.size());
            const std::string_view raw = trim(line.substr(at, end - at));
            if (raw.find('"') != std::string_view::npos)
                return fail(error, lineNumber, column, "a quote inside an unquoted field (quote the whole field)");
            field = std::string(raw);
            at = end;
        }
        fields->push_back(std::move(field));
        if (at >= line.size())
            return true;
        ++at; // the comma
    }
}

bool parseCoordinate(const std::string& text, int line, int column, float* out, CsvError* error)
{
    std::string_view digits = text;
    if (!digits.empty() && digits.front() == '+')
        digits.remove_prefix(1);
    float value = 0;
    const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || result.ec != std::errc() || result.ptr != digits.data() + digits.size()
        || !std::isfinite(value))
        return fail(error, line, column, quoted(text) + " is not a number");
    *out = value;
    return true;
}

bool parseFlags(const std::string& text, int line, std::uint8_t* out, CsvError* error)
{
    static constexpr std::pair<const char*, std::uint8_t> kFlags[] = { { "wheelchair", SeatWheelchair },
                                                                       { "companion", SeatCompanion },
                                                                       { "restricted", SeatRestrictedView },
                                                                       { "aisle", SeatAisle } };
    std::string_view rest = text;
    while (!rest.empty()) {
        const std::size_t end = std::min(rest.find_first_of("|;"), rest.size());
        const std::string_view name = trim(rest.substr(0, end));
        rest.remove_prefix(std::min(end + 1, rest.size()));
        if (name.empty())
            continue;
        std::uint8_t bit = 0;
        for (const auto& [known, flag] : kFlags)
            bit = name == known ? flag : bit;
        if (bit == 0)
            return fail(error, line, Flags + 1,
                        "unknown flag " + quoted(name) + " (known: wheelchair, companion, restricted, aisle)");
        *out |= bit;
    }
    return true;
}

bool categoryFor(const std::string& value, int line, CsvVenue* venue, std::uint16_t* out, CsvError* error)
{
    for (std::size_t i = 0; i < venue->categories.size(); ++i) {
        if (venue->categories[i].key == value) {
            *out = static_cast<std::uint16_t>(i);
            return true;
        }
    }
    if (venue->categories.size() >= limits::venueCategoriesMax)
        return fail(error, line, Category + 1,
                    "more than " + to_string(limits::venueCategoriesMax) + " distinct categories");
    const auto index = static_cast<std::uint32_t>(venue->categories.size());
    venue->categories.push_back(VenueCategory { value, value, defaultCategoryColor(index) });
    *out = static_cast<std::uint16_t>(index);
    return true;
}

bool checkFields(const std::vector<std::string>& fields, int line, CsvError* error)
{
    if (fields.size() < Flags)
        return fail(error, line, static_cast<int>(fields.size()) + 1,
                    "missing (expected " + to_string(Flags) + " or " + to_string(ColumnCount) + " fields)");
    if (fields.size() > ColumnCount)
        return fail(error, line, ColumnCount + 1,
                    "unexpected extra field (expected at most " + to_string(ColumnCount) + " fields)");
    for (int column : { Section, Row, Seat, Category }) {
        if (fields[std::size_t(column)].empty())
            return fail(error, line, column + 1, "must not be empty");
    }
    for (std::size_t column = 0; column < fields.size(); ++column) {
        if (fields[column].size() > limits::textBytesMax)
            return fail(error, line, static_cast<int>(column) + 1,
                        "longer than " + to_string(limits::textBytesMax) + " bytes");
    }
    return true;
}

CsvRow* rowFor(CsvVenue* venue, const std::string& sectionName, const std::string& rowName)
{
    auto [sectionIt, newSection] = venue->sectionIndex.emplace(sectionName, std::uint32_t(venue->sections.size()));
    if (newSection)
        venue->sections.push_back(CsvSection { sectionName, {}, {} });
    CsvSection& section = venue->sections[sectionIt->second];
    auto [rowIt, newRow] = section.rowIndex.emplace(rowName, std::uint32_t(section.rows.size()));
    if (newRow)
        section.rows.push_back(CsvRow { rowName, {}, {} });
    return &section.rows[rowIt->second];
}

bool addSeat(const std::vector<std::string>& fields, int line, CsvVenue* venue, CsvError* error)
{
    if (!checkFields(fields, line, error))
        return false;
    VenueSeat seat;
    seat.number = fields[Seat];
    if (!parseCoordinate(fields[X], line, X + 1, &seat.x, error)
        || !parseCoordinate(fields[Y], line, Y + 1, &seat.y, error)
        || !categoryFor(fields[Category], line, venue, &seat.category, error)
        || (fields.size() > Flags && !parseFlags(fields[Flags], line, &seat.flags, error)))
        return false;
    if (venue->seats >= limits::venueSeatsMax)
        return fail(error, line, 0, "more than " + to_string(limits::venueSeatsMax) + " seats");
    CsvRow* row = rowFor(venue, fields[Section], fields[Row]);
    const auto [it, fresh] = row->lineOfSeat.emplace(seat.number, line);
    if (!fresh)
        return fail(error, line, Seat + 1,
                    "duplicate seat: section " + quoted(fields[Section]) + ", row " + quoted(fields[Row]) + ", seat "
                        + quoted(seat.number) + " is already on line " + to_string(it->second));
    if (row->seats.size() >= limits::rowSeatsMax)
        return fail(error, line, Seat + 1, "more than " + to_string(limits::rowSeatsMax) + " seats in one row");
    seat.id = ++venue->seats; // ids follow file order
    row->seats.push_back(std::move(seat));
    return true;
}

bool parseLines(const QByteArray& csv, CsvVenue* venue, CsvError* error)
{
    std::string_view text(csv.constData(), std::size_t(csv.size()));
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    std::vector<std::string> fields;
    bool firstContentLine = true;
    int lineNumber = 0;
    while (!text.empty()) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        std::string_view line = text.substr(0, end);
        text.remove_prefix(std::min(end + 1, text.size()));
        ++lineNumber;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (trim(line).empty())
            continue;
        if (!QByteArrayView(line.data(), qsizetype(line.size())).isValidUtf8())
            return fail(error, lineNumber, 0, "not valid UTF-8 text");
        if (!splitFields(line, lineNumber, &fields, error))
            return false;
        const bool header = firstContentLine
            && QByteArrayView(fields[0].data(), qsizetype(fields[0].size())).compare("section", Qt::CaseInsensitive)
                == 0;
        firstContentLine = false;
        if (!header && !addSeat(fields, lineNumber, venue, error))
            return false;
    }
    if (venue->seats == 0)
        return fail(error, 0, 0, "the file has no seats");
    return true;
}

// Without a stage, the middle of the front edge (smallest y, as the stage is at the top) stands in
// for it. Ties keep file order, so a file of straight rows ranks row by row.
void assignRanks(Venue* venue)
{
    float minX = venue->seats.front().x;
    float maxX = minX;
    float minY = venue->seats.front().y;
    for (const VenueSeat& seat : venue->seats) {
        minX = std::min(minX, seat.x);
        maxX = std::max(maxX, seat.x);
        minY = std::min(minY, seat.y);
    }
    rankSeatsByDistance(venue, Point { (double(minX) + double(maxX)) / 2, double(minY) });
}

std::shared_ptr<Venue> buildVenue(CsvVenue&& parsed, const std::string& name)
{
    auto venue = std::make_shared<Venue>();
    venue->name = name;
    venue->categories = std::move(parsed.categories);
    venue->seats.reserve(parsed.seats);
    for (CsvSection& csvSection : parsed.sections) {
        const auto sectionIndex = static_cast<std::uint32_t>(venue->sections.size());
        venue->sections.push_back(VenueSection { csvSection.name,
                                                 {},
                                                 static_cast<std::uint32_t>(venue->rows.size()),
                                                 static_cast<std::uint32_t>(csvSection.rows.size()) });
        for (CsvRow& csvRow : csvSection.rows) {
            const auto rowIndex = static_cast<std::uint32_t>(venue->rows.size());
            venue->rows.push_back(VenueRow { csvRow.name, sectionIndex, venue->seatCount(),
                                             static_cast<std::uint32_t>(csvRow.seats.size()) });
            for (VenueSeat& seat : csvRow.seats) {
                seat.section = sectionIndex;
                seat.row = rowIndex;
                venue->seats.push_back(std::move(seat));
            }
        }
    }
    assignRanks(venue.get());
    return venue;
}

} // namespace

std::shared_ptr<Venue> venueFromCsv(const QByteArray& csv, const std::string& venueName, VenueError* error)
{
    CsvError problem;
    if (std::size_t(csv.size()) > limits::venueFileBytesMax) {
        problem.message = "the file is " + to_string(csv.size()) + " bytes, more than the limit of "
            + to_string(limits::venueFileBytesMax);
    } else if (venueName.size() > limits::textBytesMax) {
        problem.message = "the venue name is longer than " + to_string(limits::textBytesMax) + " bytes";
    } else {
        CsvVenue parsed;
        if (parseLines(csv, &parsed, &problem)) {
            auto venue = buildVenue(std::move(parsed), venueName);
            problem.message = venue->finalize();
            if (problem.message.empty())
                return venue;
        }
    }
    if (error)
        *error = VenueError { problem.message, problem.line, problem.column };
    return nullptr;
}

} // namespace usher
