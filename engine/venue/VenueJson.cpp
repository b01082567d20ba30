#include "venue/VenueJson.h"

#include "core/Assert.h"
#include "core/Limits.h"
#include "venue/JsonScan.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QSaveFile>
#include <QVariant>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <string_view>
#include <type_traits>
#include <unordered_map>

namespace usher {

namespace {

using std::to_string;

constexpr const char* kFormatName = "usher-venue";

struct SeatFlagName {
    std::uint8_t bit;
    const char* name;
};
constexpr SeatFlagName kFlagNames[] = {
    { SeatWheelchair, "wheelchair" },
    { SeatCompanion, "companion" },
    { SeatRestrictedView, "restricted" },
    { SeatAisle, "aisle" },
};

// ---- Reading ---------------------------------------------------------------------------------

// The first error wins; every reader returns false once it has set one.
struct Reader {
    std::string error;

    bool fail(const std::string& path, const std::string& message)
    {
        if (error.empty())
            error = path + ": " + message;
        return false;
    }
};

std::string join(const std::string& path, const char* key)
{
    return path.empty() ? std::string(key) : path + "." + key;
}

std::string indexed(const std::string& path, qsizetype index)
{
    return path + "[" + to_string(index) + "]";
}

const char* typeName(QJsonValue::Type type)
{
    switch (type) {
    case QJsonValue::Null: return "null";
    case QJsonValue::Bool: return "true/false";
    case QJsonValue::Double: return "a number";
    case QJsonValue::String: return "a string";
    case QJsonValue::Array: return "an array";
    case QJsonValue::Object: return "an object";
    case QJsonValue::Undefined: return "nothing";
    }
    return "something else";
}

bool wrongType(Reader& r, const std::string& path, QJsonValue::Type expected, const QJsonValue& found)
{
    return r.fail(path, std::string("expected ") + typeName(expected) + ", found " + typeName(found.type()));
}

// Looks `key` up and checks its type. True with *out undefined when an optional key is absent.
bool lookUp(Reader& r, const QJsonObject& object, const char* key, const std::string& path, QJsonValue::Type type,
            bool required, QJsonValue* out)
{
    *out = object.value(QLatin1String(key));
    if (out->isUndefined())
        return required ? r.fail(join(path, key), "missing") : true;
    return out->type() == type || wrongType(r, join(path, key), type, *out);
}

// Unknown keys are errors so that a misspelt optional field is not silently ignored. Keys starting
// with "x-" are left for tools to annotate files with.
bool checkKeys(Reader& r, const QJsonObject& object, const std::string& path, std::initializer_list<const char*> keys)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        if (key.startsWith(QLatin1String("x-")))
            continue;
        bool known = false;
        for (const char* allowed : keys)
            known = known || key == QLatin1String(allowed);
        if (!known)
            return r.fail(join(path, key.toStdString().c_str()), "unknown field");
    }
    return true;
}

bool readObject(Reader& r, const QJsonValue& value, const std::string& path, QJsonObject* out)
{
    if (!value.isObject())
        return wrongType(r, path, QJsonValue::Object, value);
    *out = value.toObject();
    return true;
}

bool readArray(Reader& r, const QJsonObject& object, const char* key, const std::string& path, bool required,
               QJsonArray* out)
{
    QJsonValue value;
    if (!lookUp(r, object, key, path, QJsonValue::Array, required, &value))
        return false;
    if (!value.isUndefined())
        *out = value.toArray();
    return true;
}

bool readString(Reader& r, const QJsonObject& object, const char* key, const std::string& path, bool required,
                std::string* out)
{
    QJsonValue value;
    if (!lookUp(r, object, key, path, QJsonValue::String, required, &value))
        return false;
    if (value.isUndefined())
        return true; // optional and absent: *out keeps its default
    *out = value.toString().toStdString();
    if (out->size() > limits::textBytesMax)
        return r.fail(join(path, key), "longer than " + to_string(limits::textBytesMax) + " bytes");
    return true;
}

// The checks of numbers, shared by the reference path and the fast one.
bool isWholeNumberIn(double d, std::uint64_t max)
{
    return d >= 0 && d <= double(max) && std::floor(d) == d;
}

bool isFloatInRange(double d)
{
    return std::fabs(d) <= double(std::numeric_limits<float>::max());
}

bool readUnsigned(Reader& r, const QJsonObject& object, const char* key, const std::string& path, bool required,
                  std::uint64_t max, std::uint64_t* out)
{
    QJsonValue value;
    if (!lookUp(r, object, key, path, QJsonValue::Double, required, &value))
        return false;
    if (value.isUndefined())
        return true; // optional and absent: *out keeps its default
    const double d = value.toDouble();
    if (!isWholeNumberIn(d, max))
        return r.fail(join(path, key),
                      value.toVariant().toString().toStdString() + " is not a whole number in 0.." + to_string(max));
    *out = static_cast<std::uint64_t>(d);
    return true;
}

// The float nearest to the decimal text the number was written as. Casting the parsed double to
// float rounds twice and can miss it; going through the shortest decimal form of the double cannot.
float nearestFloat(double d)
{
    const auto direct = static_cast<float>(d);
    if (static_cast<double>(direct) == d)
        return direct;
    char text[32];
    const auto printed = std::to_chars(text, text + sizeof text, d);
    float parsed = direct;
    const auto scanned = std::from_chars(text, printed.ptr, parsed);
    return scanned.ec == std::errc() ? parsed : direct;
}

bool readFloat(Reader& r, const QJsonObject& object, const char* key, const std::string& path, bool required,
               float* out)
{
    QJsonValue value;
    if (!lookUp(r, object, key, path, QJsonValue::Double, required, &value))
        return false;
    if (value.isUndefined())
        return true; // optional and absent: *out keeps its default
    const double d = value.toDouble();
    if (!isFloatInRange(d))
        return r.fail(join(path, key), "number out of range");
    *out = nearestFloat(d);
    return true;
}

bool readPoints(Reader& r, const QJsonObject& object, const char* key, const std::string& path, std::vector<Point>* out)
{
    QJsonArray points;
    if (!readArray(r, object, key, path, false, &points))
        return false;
    out->clear();
    out->reserve(std::size_t(points.size()));
    for (qsizetype i = 0; i < points.size(); ++i) {
        const QJsonValue point = points.at(i);
        const std::string pointPath = indexed(join(path, key), i);
        const QJsonArray pair = point.toArray();
        if (!point.isArray() || pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isDouble())
            return r.fail(pointPath, "expected a point [x, y]");
        out->push_back(Point { pair.at(0).toDouble(), pair.at(1).toDouble() });
    }
    return true;
}

using CategoryKeys = std::unordered_map<std::string, std::uint16_t>;

bool readCategoryRef(Reader& r, const QJsonObject& object, const std::string& path, const CategoryKeys& keys,
                     std::uint16_t* out)
{
    std::string key;
    if (!readString(r, object, "category", path, true, &key))
        return false;
    const auto it = keys.find(key);
    if (it == keys.end())
        return r.fail(join(path, "category"), "unknown category \"" + key + "\"");
    *out = it->second;
    return true;
}

bool readFlags(Reader& r, const QJsonObject& object, const std::string& path, std::uint8_t* out)
{
    QJsonArray flags;
    if (!readArray(r, object, "flags", path, false, &flags))
        return false;
    for (qsizetype i = 0; i < flags.size(); ++i) {
        const std::string flagPath = indexed(join(path, "flags"), i);
        const QJsonValue flag = flags.at(i);
        if (!flag.isString())
            return wrongType(r, flagPath, QJsonValue::String, flag);
        std::uint8_t bit = 0;
        for (const SeatFlagName& known : kFlagNames) {
            if (flag.toString() == QLatin1String(known.name))
                bit = known.bit;
        }
        if (bit == 0)
            return r.fail(flagPath,
                          "unknown flag \"" + flag.toString().toStdString()
                              + "\" (known: wheelchair, companion, restricted, aisle)");
        *out |= bit;
    }
    return true;
}

bool readSeatNumber(Reader& r, const QJsonObject& object, const std::string& path, std::string* out)
{
    // Seat numbers are text ("12A"); a plain JSON number is accepted for hand-written files.
    const QJsonValue value = object.value(QLatin1String("number"));
    if (value.isDouble()) {
        std::uint64_t number = 0;
        if (!readUnsigned(r, object, "number", path, true, 999'999'999, &number))
            return false;
        *out = to_string(number);
        return true;
    }
    return readString(r, object, "number", path, true, out);
}

bool readSeat(Reader& r, const QJsonValue& value, const std::string& path, const CategoryKeys& keys, VenueSeat* seat)
{
    QJsonObject o;
    if (!readObject(r, value, path, &o)
        || !checkKeys(r, o, path, { "id", "number", "x", "y", "rotation", "category", "flags", "rank" }))
        return false;
    std::uint64_t id = 0;
    std::uint64_t rank = seat->rank; // the caller preset the default: order of appearance
    if (!readUnsigned(r, o, "id", path, true, std::numeric_limits<SeatId>::max(), &id)
        || !readSeatNumber(r, o, path, &seat->number) || !readFloat(r, o, "x", path, true, &seat->x)
        || !readFloat(r, o, "y", path, true, &seat->y) || !readFloat(r, o, "rotation", path, false, &seat->rotation)
        || !readCategoryRef(r, o, path, keys, &seat->category) || !readFlags(r, o, path, &seat->flags)
        || !readUnsigned(r, o, "rank", path, false, std::numeric_limits<std::uint32_t>::max(), &rank))
        return false;
    seat->id = static_cast<SeatId>(id);
    seat->rank = static_cast<std::uint32_t>(rank);
    return true;
}

bool readRow(Reader& r, const QJsonValue& value, const std::string& path, const CategoryKeys& keys, Venue* venue)
{
    QJsonObject o;
    QJsonArray seats;
    VenueRow row;
    if (!readObject(r, value, path, &o) || !checkKeys(r, o, path, { "name", "seats" })
        || !readString(r, o, "name", path, true, &row.name) || !readArray(r, o, "seats", path, true, &seats))
        return false;
    if (std::uint64_t(seats.size()) > limits::rowSeatsMax)
        return r.fail(join(path, "seats"),
                      to_string(seats.size()) + " seats, more than " + to_string(limits::rowSeatsMax) + " in one row");
    if (venue->seats.size() + std::uint64_t(seats.size()) > limits::venueSeatsMax)
        return r.fail(join(path, "seats"), "more than " + to_string(limits::venueSeatsMax) + " seats in the venue");
    row.section = static_cast<std::uint32_t>(venue->sections.size() - 1);
    row.firstSeat = venue->seatCount();
    row.seatCount = static_cast<std::uint32_t>(seats.size());
    for (qsizetype i = 0; i < seats.size(); ++i) {
        VenueSeat seat;
        seat.section = row.section;
        seat.row = static_cast<std::uint32_t>(venue->rows.size());
        seat.rank = venue->seatCount();
        if (!readSeat(r, seats.at(i), indexed(join(path, "seats"), i), keys, &seat))
            return false;
        venue->seats.push_back(std::move(seat));
    }
    venue->rows.push_back(std::move(row));
    return true;
}

bool readSection(Reader& r, const QJsonValue& value, const std::string& path, const CategoryKeys& keys, Venue* venue)
{
    QJsonObject o;
    QJsonArray rows;
    VenueSection section;
    if (!readObject(r, value, path, &o) || !checkKeys(r, o, path, { "name", "outline", "rows" })
        || !readString(r, o, "name", path, true, &section.name) || !readPoints(r, o, "outline", path, &section.outline)
        || !readArray(r, o, "rows", path, true, &rows))
        return false;
    section.firstRow = static_cast<std::uint32_t>(venue->rows.size());
    section.rowCount = static_cast<std::uint32_t>(rows.size());
    venue->sections.push_back(std::move(section));
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (!readRow(r, rows.at(i), indexed(join(path, "rows"), i), keys, venue))
            return false;
    }
    return true;
}

bool readArea(Reader& r, const QJsonValue& value, const std::string& path, const CategoryKeys& keys, VenueArea* area)
{
    QJsonObject o;
    std::uint64_t id = 0;
    std::uint64_t capacity = 0;
    if (!readObject(r, value, path, &o) || !checkKeys(r, o, path, { "id", "name", "capacity", "category", "outline" })
        || !readUnsigned(r, o, "id", path, true, std::numeric_limits<AreaId>::max(), &id)
        || !readString(r, o, "name", path, true, &area->name)
        || !readUnsigned(r, o, "capacity", path, true, limits::areaCapacityMax, &capacity)
        || !readCategoryRef(r, o, path, keys, &area->category) || !readPoints(r, o, "outline", path, &area->outline))
        return false;
    area->id = static_cast<AreaId>(id);
    area->capacity = static_cast<std::uint32_t>(capacity);
    return true;
}

bool readCategories(Reader& r, const QJsonObject& top, Venue* venue, CategoryKeys* keys)
{
    QJsonArray categories;
    if (!readArray(r, top, "categories", {}, true, &categories))
        return false;
    if (std::uint64_t(categories.size()) > limits::venueCategoriesMax)
        return r.fail("categories", "more than " + to_string(limits::venueCategoriesMax) + " categories");
    for (qsizetype i = 0; i < categories.size(); ++i) {
        const std::string path = indexed("categories", i);
        QJsonObject o;
        VenueCategory category;
        if (!readObject(r, categories.at(i), path, &o) || !checkKeys(r, o, path, { "key", "name", "color" })
            || !readString(r, o, "key", path, true, &category.key))
            return false;
        category.name = category.key;
        if (!readString(r, o, "name", path, false, &category.name)
            || !readString(r, o, "color", path, false, &category.color))
            return false;
        if (category.key.empty())
            return r.fail(path + ".key", "must not be empty");
        if (!keys->emplace(category.key, static_cast<std::uint16_t>(i)).second)
            return r.fail(path + ".key", "duplicate category key \"" + category.key + "\"");
        venue->categories.push_back(std::move(category));
    }
    return true;
}

bool readStage(Reader& r, const QJsonObject& top, Venue* venue)
{
    const QJsonValue value = top.value(QLatin1String("stage"));
    if (value.isUndefined())
        return true;
    QJsonObject o;
    return readObject(r, value, "stage", &o) && checkKeys(r, o, "stage", { "label", "outline" })
        && readString(r, o, "label", "stage", false, &venue->stage.label)
        && readPoints(r, o, "outline", "stage", &venue->stage.outline);
}

bool readHeader(Reader& r, const QJsonObject& top)
{
    const QJsonValue format = top.value(QLatin1String("format"));
    if (format.isUndefined())
        return r.fail("format", std::string("missing; a venue file starts with \"format\": \"") + kFormatName + "\"");
    if (format.toString() != QLatin1String(kFormatName))
        return r.fail("format", std::string("not a venue file (expected \"") + kFormatName + "\")");
    std::uint64_t version = 0;
    if (!readUnsigned(r, top, "version", {}, true, 1'000'000, &version))
        return false;
    if (version != kVenueFormatVersion)
        return r.fail("version",
                      "version " + to_string(version) + " is not supported (this Usher reads version "
                          + to_string(kVenueFormatVersion) + ")");
    return checkKeys(r, top, {}, { "format", "version", "name", "city", "categories", "stage", "sections", "areas" });
}

// Everything of the venue object but its sections and areas.
bool readVenueHead(Reader& r, const QJsonObject& top, Venue* venue, CategoryKeys* keys)
{
    return readHeader(r, top) && readString(r, top, "name", {}, true, &venue->name)
        && readString(r, top, "city", {}, false, &venue->city) && readCategories(r, top, venue, keys)
        && readStage(r, top, venue);
}

bool readAreas(Reader& r, const QJsonArray& areas, const CategoryKeys& keys, Venue* venue)
{
    if (std::uint64_t(areas.size()) > limits::venueAreasMax)
        return r.fail("areas", "more than " + to_string(limits::venueAreasMax) + " areas");
    venue->areas.resize(std::size_t(areas.size()));
    for (qsizetype i = 0; i < areas.size(); ++i) {
        if (!readArea(r, areas.at(i), indexed("areas", i), keys, &venue->areas[std::size_t(i)]))
            return false;
    }
    return true;
}

bool readVenue(Reader& r, const QJsonObject& top, Venue* venue)
{
    CategoryKeys keys;
    QJsonArray sections;
    QJsonArray areas;
    if (!readVenueHead(r, top, venue, &keys) || !readArray(r, top, "sections", {}, true, &sections)
        || !readArray(r, top, "areas", {}, false, &areas))
        return false;
    for (qsizetype i = 0; i < sections.size(); ++i) {
        if (!readSection(r, sections.at(i), indexed("sections", i), keys, venue))
            return false;
    }
    return readAreas(r, areas, keys, venue);
}

// ---- Reading fast (JsonScan) -------------------------------------------------------------------

// The readers below mirror the ones above for the sections, rows and seats (nearly all of a large
// venue's bytes) and give up wherever those would fail or might read otherwise: an unknown or
// repeated key, a wrong type, a value out of range. The caller then runs the reference path.

// The category keys named by seats, each distinct key once: JSON members have no order, so the
// categories may come after the sections. Resolved once the whole venue is read.
class CategoryNames {
public:
    bool intern(std::string_view key, std::uint16_t* index)
    {
        if (m_last < m_names.size() && m_names[m_last] == key) { // seats of a row share a category
            *index = m_last;
            return true;
        }
        for (std::uint16_t i = 0; i < m_names.size(); ++i) {
            if (m_names[i] == key) {
                *index = m_last = i;
                return true;
            }
        }
        if (m_names.size() >= limits::venueCategoriesMax) // an unknown key: the reference reports it
            return false;
        m_names.push_back(key);
        *index = m_last = static_cast<std::uint16_t>(m_names.size() - 1);
        return true;
    }
    // Turns every seat's name index into the category index; false for a key the venue lacks.
    bool resolve(const CategoryKeys& keys, Venue* venue) const
    {
        std::vector<std::uint16_t> category(m_names.size());
        for (std::size_t i = 0; i < m_names.size(); ++i) {
            const auto it = keys.find(std::string(m_names[i]));
            if (it == keys.end())
                return false;
            category[i] = it->second;
        }
        for (VenueSeat& seat : venue->seats)
            seat.category = category[seat.category];
        return true;
    }

private:
    std::vector<std::string_view> m_names;
    std::uint16_t m_last = 0;
};

// A member key of one of the fixed objects: its bit, 0 for "x-..." (skipped), -1 when unknown.
int keyBit(std::string_view key, std::initializer_list<std::string_view> keys)
{
    int bit = 1;
    for (const std::string_view known : keys) {
        if (key == known)
            return bit;
        bit <<= 1;
    }
    return key.starts_with("x-") ? 0 : -1;
}

// Reads the members of the object at the cursor: read(bit) for each known key, at most once each.
// `required` are the bits that must have come.
template <typename Read>
bool scanMembers(JsonScan& s, std::initializer_list<std::string_view> keys, int required, Read read)
{
    bool first = true;
    std::string_view key;
    int seen = 0;
    if (!s.take('{'))
        return false;
    while (s.nextMember(&first, &key)) {
        const int bit = keyBit(key, keys);
        if (bit < 0 || (seen & bit) != 0)
            return s.fail();
        seen |= bit;
        if (bit == 0 ? !s.skipValue() : !read(bit))
            return false;
    }
    return !s.failed() && (seen & required) == required;
}

bool scanText(JsonScan& s, std::string* out)
{
    std::string_view text;
    if (!s.string(&text) || text.size() > limits::textBytesMax)
        return s.fail();
    out->assign(text);
    return true;
}

bool scanUnsigned(JsonScan& s, std::uint64_t max, std::uint64_t* out)
{
    double d = 0;
    if (!s.number(&d) || !isWholeNumberIn(d, max))
        return s.fail();
    *out = static_cast<std::uint64_t>(d);
    return true;
}

// Significant digits of a number's text (from the first non-zero digit to the exponent).
std::size_t significantDigits(std::string_view text)
{
    std::size_t digits = 0;
    for (const char c : text) {
        if (c == 'e' || c == 'E')
            break;
        if ((c >= '1' && c <= '9') || (c == '0' && digits > 0))
            ++digits;
    }
    return digits;
}

bool scanFloat(JsonScan& s, float* out)
{
    std::string_view text;
    bool integer = false;
    if (!s.numberText(&text, &integer))
        return false;
    // Short cut: with at most 15 significant digits (DBL_DIG) the text is the shortest form of its
    // double, so the float nearest to it is what nearestFloat() derives from the double. Zero,
    // subnormals and the edge of the range take the long way.
    if (significantDigits(text) <= 15) {
        float f = 0;
        const auto result = std::from_chars(text.data(), text.data() + text.size(), f);
        if (result.ec == std::errc() && result.ptr == text.data() + text.size() && std::isnormal(f)
            && std::fabs(f) < std::numeric_limits<float>::max()) {
            *out = f;
            return true;
        }
    }
    double d = 0;
    if (!JsonScan::toDouble(text, integer, &d) || !isFloatInRange(d))
        return s.fail();
    *out = nearestFloat(d);
    return true;
}

bool scanPoints(JsonScan& s, std::vector<Point>* out)
{
    bool first = true;
    out->clear();
    if (!s.take('['))
        return false;
    while (s.nextElement(&first)) {
        Point point;
        if (!s.take('[') || !s.number(&point.x) || !s.take(',') || !s.number(&point.y) || !s.take(']'))
            return false;
        out->push_back(point);
    }
    return !s.failed();
}

bool scanFlags(JsonScan& s, std::uint8_t* out)
{
    bool first = true;
    if (!s.take('['))
        return false;
    while (s.nextElement(&first)) {
        std::string_view name;
        if (!s.string(&name))
            return false;
        std::uint8_t bit = 0;
        for (const SeatFlagName& known : kFlagNames) {
            if (name == known.name)
                bit = known.bit;
        }
        if (bit == 0)
            return s.fail();
        *out |= bit;
    }
    return !s.failed();
}

bool scanSeatNumber(JsonScan& s, std::string* out)
{
    if (s.peek() == '"')
        return scanText(s, out);
    std::uint64_t number = 0;
    if (!scanUnsigned(s, 999'999'999, &number))
        return false;
    char text[16];
    const auto printed = std::to_chars(text, text + sizeof text, number);
    out->assign(text, printed.ptr);
    return true;
}

bool scanSeat(JsonScan& s, CategoryNames& names, VenueSeat* seat)
{
    enum { Id = 1, Number = 2, X = 4, Y = 8, Rotation = 16, Category = 32, Flags = 64, Rank = 128 };
    std::uint64_t id = 0;
    std::uint64_t rank = seat->rank;
    std::string_view category;
    const auto member = [&](int bit) {
        switch (bit) {
        case Id: return scanUnsigned(s, std::numeric_limits<SeatId>::max(), &id);
        case Number: return scanSeatNumber(s, &seat->number);
        case X: return scanFloat(s, &seat->x);
        case Y: return scanFloat(s, &seat->y);
        case Rotation: return scanFloat(s, &seat->rotation);
        case Category:
            return s.string(&category) && category.size() <= limits::textBytesMax
                && names.intern(category, &seat->category);
        case Flags: return scanFlags(s, &seat->flags);
        default: return scanUnsigned(s, std::numeric_limits<std::uint32_t>::max(), &rank);
        }
    };
    const bool read = scanMembers(s, { "id", "number", "x", "y", "rotation", "category", "flags", "rank" },
                                  Id | Number | X | Y | Category, member);
    seat->id = static_cast<SeatId>(id);
    seat->rank = static_cast<std::uint32_t>(rank);
    return read;
}

bool scanRowSeats(JsonScan& s, CategoryNames& names, Venue* venue, VenueRow* row)
{
    bool first = true;
    const auto rowIndex = static_cast<std::uint32_t>(venue->rows.size());
    row->firstSeat = venue->seatCount();
    if (!s.take('['))
        return false;
    while (s.nextElement(&first)) {
        if (venue->seats.size() - row->firstSeat >= limits::rowSeatsMax || venue->seats.size() >= limits::venueSeatsMax)
            return s.fail();
        VenueSeat& seat = venue->seats.emplace_back();
        seat.section = row->section;
        seat.row = rowIndex;
        seat.rank = static_cast<std::uint32_t>(venue->seats.size() - 1); // default: order of appearance
        if (!scanSeat(s, names, &seat))
            return false;
    }
    row->seatCount = venue->seatCount() - row->firstSeat;
    return !s.failed();
}

bool scanRow(JsonScan& s, CategoryNames& names, Venue* venue)
{
    enum { Name = 1, Seats = 2 };
    VenueRow row;
    row.section = static_cast<std::uint32_t>(venue->sections.size() - 1);
    if (!scanMembers(s, { "name", "seats" }, Name | Seats, [&](int bit) {
            return bit == Name ? scanText(s, &row.name) : scanRowSeats(s, names, venue, &row);
        }))
        return false;
    venue->rows.push_back(std::move(row));
    return true;
}

bool scanSectionRows(JsonScan& s, CategoryNames& names, Venue* venue)
{
    bool first = true;
    venue->sections.back().firstRow = static_cast<std::uint32_t>(venue->rows.size());
    if (!s.take('['))
        return false;
    while (s.nextElement(&first)) {
        if (!scanRow(s, names, venue))
            return false;
    }
    venue->sections.back().rowCount = static_cast<std::uint32_t>(venue->rows.size()) - venue->sections.back().firstRow;
    return !s.failed();
}

bool scanSections(JsonScan& s, CategoryNames& names, Venue* venue)
{
    enum { Name = 1, Outline = 2, Rows = 4 };
    bool first = true;
    if (!s.take('['))
        return false;
    while (s.nextElement(&first)) {
        venue->sections.emplace_back();
        if (!scanMembers(s, { "name", "outline", "rows" }, Name | Rows, [&](int bit) {
                VenueSection& section = venue->sections.back();
                return bit == Name   ? scanText(s, &section.name)
                    : bit == Outline ? scanPoints(s, &section.outline)
                                     : scanSectionRows(s, names, venue);
            }))
            return false;
    }
    return !s.failed();
}

void setError(VenueError* error, std::string message, int line = 0, int column = 0)
{
    if (error)
        *error = VenueError { std::move(message), line, column };
}

// ---- Writing ---------------------------------------------------------------------------------

// Written by hand rather than through QJsonObject: the keys stay in a readable order and floats are
// written in their shortest form ("12.3", not "12.300000190734863").
class Writer {
public:
    std::string out;
    bool compact = false;

    void raw(const char* text) { out += text; }
    void string(const std::string& text)
    {
        out += '"';
        for (const char c : text) {
            const auto byte = static_cast<unsigned char>(c);
            if (c == '"' || c == '\\') {
                out += '\\';
                out += c;
            } else if (byte < 0x20) {
                static constexpr char kHex[] = "0123456789abcdef";
                out += "\\u00";
                out += kHex[byte >> 4];
                out += kHex[byte & 15];
            } else {
                out += c;
            }
        }
        out += '"';
    }
    template <typename T>
    void number(T value)
    {
        if constexpr (std::is_floating_point_v<T>) {
            if (!std::isfinite(value)) {
                out += "null"; // unreadable on purpose: finalize() never lets this through
                return;
            }
        }
        char text[32];
        const auto result = std::to_chars(text, text + sizeof text, value);
        USHER_ASSERT(result.ec == std::errc());
        out.append(text, result.ptr);
    }
    void points(const std::vector<Point>& outline)
    {
        out += '[';
        for (std::size_t i = 0; i < outline.size(); ++i) {
            out += i ? ", [" : "[";
            number(outline[i].x);
            out += ", ";
            number(outline[i].y);
            out += ']';
        }
        out += ']';
    }
};

// One seat per line. Compact leaves out the spaces after ':' and ',': a stadium has tens of
// thousands of these lines.
void writeSeat(Writer& w, const Venue& venue, const VenueSeat& seat)
{
    const auto field = [&](const char* name, bool first = false) {
        if (!first)
            w.raw(w.compact ? "," : ", ");
        w.string(name);
        w.raw(w.compact ? ":" : ": ");
    };
    w.raw("{");
    field("id", true);
    w.number(seat.id);
    field("number");
    w.string(seat.number);
    field("x");
    w.number(seat.x);
    field("y");
    w.number(seat.y);
    if (seat.rotation != 0) {
        field("rotation");
        w.number(seat.rotation);
    }
    field("category");
    w.string(seat.category < venue.categories.size() ? venue.categories[seat.category].key : std::string());
    if (seat.flags != 0) {
        field("flags");
        w.raw("[");
        bool first = true;
        for (const SeatFlagName& flag : kFlagNames) {
            if (seat.flags & flag.bit) {
                w.raw(first ? "" : w.compact ? "," : ", ");
                w.string(flag.name);
                first = false;
            }
        }
        w.raw("]");
    }
    field("rank");
    w.number(seat.rank);
    w.raw("}");
}

void writeSection(Writer& w, const Venue& venue, const VenueSection& section)
{
    w.raw("    {\n      \"name\": ");
    w.string(section.name);
    if (!section.outline.empty()) {
        w.raw(",\n      \"outline\": ");
        w.points(section.outline);
    }
    w.raw(",\n      \"rows\": [");
    for (std::uint32_t r = section.firstRow; r < section.firstRow + section.rowCount && r < venue.rows.size(); ++r) {
        const VenueRow& row = venue.rows[r];
        w.raw(r == section.firstRow ? "\n        {\"name\": " : ",\n        {\"name\": ");
        w.string(row.name);
        w.raw(", \"seats\": [");
        for (std::uint32_t i = row.firstSeat; i < row.firstSeat + row.seatCount && i < venue.seats.size(); ++i) {
            w.raw(i == row.firstSeat ? "\n          " : ",\n          ");
            writeSeat(w, venue, venue.seats[i]);
        }
        w.raw("\n        ]}");
    }
    w.raw("\n      ]\n    }");
}

void writeArea(Writer& w, const Venue& venue, const VenueArea& area)
{
    w.raw("    {\"id\": ");
    w.number(area.id);
    w.raw(", \"name\": ");
    w.string(area.name);
    w.raw(", \"capacity\": ");
    w.number(area.capacity);
    w.raw(", \"category\": ");
    w.string(area.category < venue.categories.size() ? venue.categories[area.category].key : std::string());
    if (!area.outline.empty()) {
        w.raw(", \"outline\": ");
        w.points(area.outline);
    }
    w.raw("}");
}

void writeHead(Writer& w, const Venue& venue)
{
    w.raw("{\n  \"format\": ");
    w.string(kFormatName);
    w.raw(",\n  \"version\": ");
    w.number(kVenueFormatVersion);
    w.raw(",\n  \"name\": ");
    w.string(venue.name);
    if (!venue.city.empty()) { // optional; absent keeps older files byte for byte
        w.raw(",\n  \"city\": ");
        w.string(venue.city);
    }
    w.raw(",\n  \"categories\": [");
    for (std::size_t i = 0; i < venue.categories.size(); ++i) {
        const VenueCategory& c = venue.categories[i];
        w.raw(i ? ",\n    {\"key\": " : "\n    {\"key\": ");
        w.string(c.key);
        if (c.name != c.key) {
            w.raw(", \"name\": ");
            w.string(c.name);
        }
        if (!c.color.empty()) {
            w.raw(", \"color\": ");
            w.string(c.color);
        }
        w.raw("}");
    }
    w.raw("\n  ]");
    if (venue.stage.label.empty() && venue.stage.outline.empty())
        return;
    w.raw(",\n  \"stage\": {");
    if (!venue.stage.label.empty()) {
        w.raw("\"label\": ");
        w.string(venue.stage.label);
    }
    if (!venue.stage.outline.empty()) {
        w.raw(venue.stage.label.empty() ? "\"outline\": " : ", \"outline\": ");
        w.points(venue.stage.outline);
    }
    w.raw("}");
}

} // namespace

void jsonLineColumn(const QByteArray& json, qsizetype offset, int* line, int* column)
{
    // Columns count characters, not bytes: UTF-8 continuation bytes do not advance them.
    *line = 1;
    *column = 1;
    for (qsizetype i = 0; i < offset && i < json.size(); ++i) {
        const auto byte = static_cast<unsigned char>(json[i]);
        if (byte == '\n') {
            ++*line;
            *column = 1;
        } else if ((byte & 0xc0) != 0x80) {
            ++*column;
        }
    }
}

std::shared_ptr<Venue> scanVenue(JsonScan& s)
{
    auto venue = std::make_shared<Venue>();
    CategoryNames names;
    JsonRest rest;
    bool first = true;
    bool sections = false;
    std::string_view key;
    const char* member = nullptr;
    if (!s.take('{'))
        return nullptr;
    while (s.nextMember(&first, &key, &member)) {
        if (key == "sections") {
            // Room for every seat up front: growing the table by doubling would write twice its
            // size into fresh pages, and first touches are what a start pays most for. Every seat
            // is an object, so the braces that follow bound their number.
            const auto braces = std::size_t(std::count(s.position(), s.end(), '{'));
            venue->seats.reserve(std::min<std::size_t>(braces, limits::venueSeatsMax));
            if (sections || !scanSections(s, names, venue.get()))
                return nullptr;
            sections = true;
        } else {
            if (!s.skipValue())
                return nullptr;
            rest.add(member, s.position());
        }
    }
    Reader reader;
    CategoryKeys keys;
    QJsonObject top;
    QJsonArray areas;
    if (s.failed() || !sections || !rest.parse(&top) || !readVenueHead(reader, top, venue.get(), &keys)
        || !readArray(reader, top, "areas", {}, false, &areas) || !readAreas(reader, areas, keys, venue.get())
        || !names.resolve(keys, venue.get()) || !venue->finalize().empty())
        return nullptr;
    return venue;
}

std::shared_ptr<Venue> venueFromJson(const QByteArray& json, VenueError* error)
{
    if (std::size_t(json.size()) > limits::venueFileBytesMax) {
        setError(error,
                 "the file is " + to_string(json.size()) + " bytes, more than the limit of "
                     + to_string(limits::venueFileBytesMax));
        return nullptr;
    }
    JsonScan scan(json.constData(), json.constData() + json.size());
    if (auto venue = scanVenue(scan); venue != nullptr && scan.atEnd())
        return venue;
    // The reference path: anything the fast one gave up on, and every error message.
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        int line = 0;
        int column = 0;
        jsonLineColumn(json, parseError.offset, &line, &column);
        setError(error,
                 "line " + to_string(line) + ", column " + to_string(column)
                     + ": JSON syntax error: " + parseError.errorString().toStdString(),
                 line, column);
        return nullptr;
    }
    if (!document.isObject()) {
        setError(error, "the file is not a JSON object");
        return nullptr;
    }
    return venueFromJsonObject(document.object(), error);
}

std::shared_ptr<Venue> venueFromJsonObject(const QJsonObject& object, VenueError* error)
{
    Reader reader;
    auto venue = std::make_shared<Venue>();
    if (!readVenue(reader, object, venue.get())) {
        setError(error, reader.error);
        return nullptr;
    }
    if (std::string problem = venue->finalize(); !problem.empty()) {
        setError(error, problem);
        return nullptr;
    }
    return venue;
}

QByteArray venueToJson(const Venue& venue, VenueJsonStyle style)
{
    Writer w;
    w.compact = style == VenueJsonStyle::Compact;
    w.out.reserve(256 + venue.seats.size() * 110);
    writeHead(w, venue);
    w.raw(",\n  \"sections\": [");
    for (std::size_t s = 0; s < venue.sections.size(); ++s) {
        w.raw(s ? ",\n" : "\n");
        writeSection(w, venue, venue.sections[s]);
    }
    w.raw("\n  ]");
    if (!venue.areas.empty()) {
        w.raw(",\n  \"areas\": [");
        for (std::size_t a = 0; a < venue.areas.size(); ++a) {
            w.raw(a ? ",\n" : "\n");
            writeArea(w, venue, venue.areas[a]);
        }
        w.raw("\n  ]");
    }
    w.raw("\n}\n");
    return QByteArray(w.out.data(), qsizetype(w.out.size()));
}

std::shared_ptr<Venue> venueFromJsonFile(const QString& path, VenueError* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, path.toStdString() + ": cannot read: " + file.errorString().toStdString());
        return nullptr;
    }
    if (std::uint64_t(file.size()) > limits::venueFileBytesMax) {
        setError(error,
                 path.toStdString() + ": the file is " + to_string(file.size()) + " bytes, more than the limit of "
                     + to_string(limits::venueFileBytesMax));
        return nullptr;
    }
    return venueFromJson(file.readAll(), error);
}

bool writeVenueJsonFile(const Venue& venue, const QString& path, std::string* error, VenueJsonStyle style)
{
    const QByteArray json = venueToJson(venue, style);
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(json) == json.size() && file.commit())
        return true;
    if (error)
        *error = path.toStdString() + ": cannot write: " + file.errorString().toStdString();
    return false;
}

} // namespace usher
