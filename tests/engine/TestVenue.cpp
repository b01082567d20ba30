// Venues: the JSON format (round trip, every validation path), the CSV import, the generator and
// the seat-id lookups.

#include "core/Limits.h"
#include "core/Random.h"
#include "venue/JsonScan.h"
#include "venue/Venue.h"
#include "venue/VenueCsv.h"
#include "venue/VenueGenerator.h"
#include "venue/VenueJson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <cstring>
#include <functional>
#include <set>

using namespace usher;

namespace {

QString q(const std::string& text)
{
    return QString::fromStdString(text);
}

QByteArray bytes(const char* text)
{
    return QByteArray(text, qsizetype(std::strlen(text)));
}

// Every optional feature once: flags, rotation, an explicit rank, a section without outline,
// non-contiguous ids, an area. Each substring the error table replaces occurs exactly once.
constexpr const char* kLittleHall = R"({"format": "usher-venue", "version": 1, "name": "Little hall",
 "categories": [{"key": "A", "name": "Front", "color": "#ff0000"}, {"key": "B", "name": "Back", "color": "#0000ff"}],
 "stage": {"label": "Stage", "outline": [[0, 0], [10, 0], [10, 2], [0, 2]]},
 "sections": [
  {"name": "Stalls", "outline": [[0, 3], [10, 3], [10, 8], [0, 8]], "rows": [
    {"name": "A", "seats": [
      {"id": 1, "number": "1", "x": 1, "y": 4, "category": "A", "flags": ["aisle", "wheelchair"]},
      {"id": 2, "number": "2", "x": 2, "y": 4, "category": "A"},
      {"id": 3, "number": "3", "x": 3, "y": 4, "rotation": 5, "category": "A", "rank": 0}]},
    {"name": "B", "seats": [
      {"id": 4, "number": "1", "x": 1, "y": 5.2, "category": "B"},
      {"id": 5, "number": "2", "x": 2.5, "y": 5.2, "category": "B"}]}]},
  {"name": "Balcony", "rows": [
    {"name": "A", "seats": [
      {"id": 10, "number": "1", "x": 1, "y": 9, "category": "B"},
      {"id": 11, "number": "2", "x": 2, "y": 9, "category": "B", "flags": ["restricted"]}]}]}],
 "areas": [{"id": 1, "name": "Standing", "capacity": 200, "category": "B",
            "outline": [[0, 10], [10, 10], [10, 14], [0, 14]]}]
})";

std::shared_ptr<Venue> loadOrFail(const QByteArray& json)
{
    VenueError error;
    auto venue = venueFromJson(json, &error);
    if (!venue)
        qWarning("unexpected venue error: %s", error.message.c_str());
    return venue;
}

bool insidePolygon(const std::vector<Point>& polygon, double x, double y)
{
    bool inside = false;
    for (std::size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
        const Point& a = polygon[i];
        const Point& b = polygon[j];
        if ((a.y > y) != (b.y > y) && x < (b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x)
            inside = !inside;
    }
    return inside;
}

// Structure that finalize() promises, checked independently of it.
void checkVenueShape(const Venue& venue, bool checkOutlines)
{
    std::set<SeatId> ids;
    std::vector<bool> ranks(venue.seats.size(), false);
    for (SeatIndex i = 0; i < venue.seatCount(); ++i) {
        const VenueSeat& seat = venue.seats[i];
        QVERIFY(ids.insert(seat.id).second);
        QCOMPARE(venue.seatIndex(seat.id), i);
        QVERIFY(seat.rank < ranks.size() && !ranks[seat.rank]);
        ranks[seat.rank] = true;
        QVERIFY(seat.category < venue.categories.size());
        const VenueRow& row = venue.rows[seat.row];
        QVERIFY(i >= row.firstSeat && i < row.firstSeat + row.seatCount);
        if (checkOutlines && !insidePolygon(venue.sections[seat.section].outline, seat.x, seat.y))
            QFAIL(("outside its section outline: " + venue.seatLabel(i)).c_str());
    }
    for (const VenueArea& area : venue.areas)
        QVERIFY(area.outline.size() >= 3);
}

Venue threeSeatVenue(std::vector<SeatId> ids)
{
    Venue v;
    v.name = "Ids";
    v.categories = { { "A", "A", "" } };
    v.sections = { { "S", {}, 0, 1 } };
    v.rows = { { "R", 0, 0, static_cast<std::uint32_t>(ids.size()) } };
    for (std::size_t i = 0; i < ids.size(); ++i)
        v.seats.push_back(VenueSeat { ids[i], 0, 0, std::to_string(i + 1), float(i), 0, 0, 0, 0, 0 });
    return v;
}

// The fast path alone (JsonScan), without the reference path behind it.
std::shared_ptr<Venue> scanOnly(const QByteArray& json)
{
    JsonScan scan(json.constData(), json.constData() + json.size());
    auto venue = scanVenue(scan);
    return venue != nullptr && scan.atEnd() ? venue : nullptr;
}

// The reference path alone (QJsonDocument).
std::shared_ptr<Venue> referenceOnly(const QByteArray& json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    return document.isObject() ? venueFromJsonObject(document.object(), nullptr) : nullptr;
}

// Equal content, and floats equal bit for bit (sameContent() takes -0 for 0).
bool identical(const Venue& a, const Venue& b)
{
    if (!a.sameContent(b))
        return false;
    for (std::size_t i = 0; i < a.seats.size(); ++i) {
        for (const auto member : { &VenueSeat::x, &VenueSeat::y, &VenueSeat::rotation }) {
            if (std::memcmp(&(a.seats[i].*member), &(b.seats[i].*member), sizeof(float)) != 0)
                return false;
        }
    }
    return true;
}

// The fast path either gives up or reads exactly what the reference reads; it never accepts what
// the reference refuses. `mustScan`: the fast path has to handle this text itself.
void checkFastPath(const QByteArray& json, bool mustScan)
{
    const auto fast = scanOnly(json);
    const auto reference = referenceOnly(json);
    if (mustScan)
        QVERIFY2(fast != nullptr, json.left(300).constData());
    if (fast == nullptr)
        return;
    QVERIFY2(reference != nullptr, json.left(300).constData());
    QVERIFY2(identical(*fast, *reference), json.left(300).constData());
}

} // namespace

class TestVenue : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void jsonLoadsEveryField();
    void jsonDefaults();
    void jsonRoundTripIsExact();
    void jsonRoundTripKeepsOddFloats();
    void jsonErrors_data();
    void jsonErrors();
    void jsonSyntaxErrorHasLineAndColumn();
    void jsonRejectsNonObjects();
    void jsonRowLimit();
    void jsonExtensionFieldsAreIgnored();
    void jsonFastPathReadsAsTheReference();
    void jsonFastPathNumbers();
    void jsonFastPathGivesUpOnTheUnusual_data();
    void jsonFastPathGivesUpOnTheUnusual();
    void finalizeErrors_data();
    void finalizeErrors();
    void finalizeClearsLookupsOfInvalidVenue();
    void seatIndexDenseAndSparse();
    void lookupsAndLabels();
    void defaultCategoryColorsAreDistinct();
    void csvHappyPath();
    void csvWithoutHeaderOrFlags();
    void csvErrors_data();
    void csvErrors();
    void csvTooManyCategories();
    void generatorSizes_data();
    void generatorSizes();
    void generatorLargest();
    void generatorSpec_data();
    void generatorSpec();
    void generatorRejectsImpossibleSpecs();
    void demoHall();
};

void TestVenue::jsonLoadsEveryField()
{
    const auto venue = loadOrFail(bytes(kLittleHall));
    QVERIFY(venue);
    QCOMPARE(q(venue->name), QStringLiteral("Little hall"));
    QCOMPARE(venue->categories.size(), std::size_t(2));
    QCOMPARE(q(venue->categories[1].name), QStringLiteral("Back"));
    QCOMPARE(q(venue->categories[1].color), QStringLiteral("#0000ff"));
    QCOMPARE(q(venue->stage.label), QStringLiteral("Stage"));
    QCOMPARE(venue->stage.outline.size(), std::size_t(4));
    QCOMPARE(venue->sections.size(), std::size_t(2));
    QCOMPARE(venue->rows.size(), std::size_t(3));
    QCOMPARE(venue->seatCount(), 7u);
    QVERIFY(venue->sections[1].outline.empty());
    QCOMPARE(venue->sections[1].firstRow, 2u);
    QCOMPARE(venue->rows[1].firstSeat, 3u);
    QCOMPARE(venue->rows[2].section, 1u);

    const VenueSeat& first = venue->seats[0];
    QCOMPARE(first.flags, std::uint8_t(SeatAisle | SeatWheelchair));
    QCOMPARE(first.rank, 0u); // order of appearance
    const VenueSeat& third = venue->seats[2];
    QCOMPARE(third.rotation, 5.0f);
    QCOMPARE(third.rank, 0u); // explicit
    QCOMPARE(venue->seats[4].x, 2.5f);
    QCOMPARE(venue->seats[4].y, 5.2f);
    QCOMPARE(venue->seats[4].category, std::uint16_t(1));
    QCOMPARE(venue->seats[4].rank, 4u);
    QCOMPARE(venue->seats[6].flags, std::uint8_t(SeatRestrictedView));
    QCOMPARE(venue->seats[6].id, 11u);
    QCOMPARE(venue->seats[6].row, 2u);
    QCOMPARE(venue->areas.size(), std::size_t(1));
    QCOMPARE(venue->areas[0].capacity, 200u);
    QCOMPARE(venue->areas[0].category, std::uint16_t(1));
}

void TestVenue::jsonDefaults()
{
    const QByteArray json = bytes(R"({"format": "usher-venue", "version": 1, "name": "",
        "categories": [{"key": "A"}],
        "sections": [{"name": "S", "rows": [{"name": "1", "seats": [
            {"id": 7, "number": 12, "x": 0, "y": 0, "category": "A"},
            {"id": 8, "number": "12A", "x": 1, "y": 0, "category": "A"}]}]}]})");
    const auto venue = loadOrFail(json);
    QVERIFY(venue);
    QCOMPARE(q(venue->categories[0].name), QStringLiteral("A"));
    QVERIFY(venue->categories[0].color.empty());
    QVERIFY(venue->stage.label.empty() && venue->stage.outline.empty());
    QVERIFY(venue->areas.empty());
    QCOMPARE(q(venue->seats[0].number), QStringLiteral("12"));
    QCOMPARE(q(venue->seats[1].number), QStringLiteral("12A"));
    QCOMPARE(venue->seats[1].rotation, 0.0f);
    QCOMPARE(venue->seats[1].flags, std::uint8_t(0));
    QCOMPARE(venue->seats[1].rank, 1u);
}

void TestVenue::jsonRoundTripIsExact()
{
    for (const auto& venue : { loadOrFail(bytes(kLittleHall)), generateDemoHall(),
                               generateVenue(GeneratedVenueSpec { "Curved", 3, 8, 12, 3, true, 2, 150, 4 }) }) {
        QVERIFY(venue);
        const QByteArray saved = venueToJson(*venue);
        const auto loaded = loadOrFail(saved);
        QVERIFY(loaded);
        QVERIFY(loaded->sameContent(*venue));
        QCOMPARE(venueToJson(*loaded), saved);
    }
}

void TestVenue::jsonRoundTripKeepsOddFloats()
{
    // Random bit patterns cover floats whose shortest decimal form is long or tiny.
    auto venue = std::make_shared<Venue>(threeSeatVenue({ 1, 2, 3 }));
    Prng prng(2024);
    for (int round = 0; round < 200; ++round) {
        for (VenueSeat& seat : venue->seats) {
            for (float* value : { &seat.x, &seat.y, &seat.rotation }) {
                do {
                    const auto bits = static_cast<std::uint32_t>(prng.next());
                    std::memcpy(value, &bits, sizeof bits);
                } while (!std::isfinite(*value));
            }
        }
        venue->sections[0].outline = { { prng.next() * 1e-300, -double(prng.next()) / 3 }, { 0.1, 1.0 / 3 } };
        QVERIFY(venue->finalize().empty());
        const auto loaded = loadOrFail(venueToJson(*venue));
        QVERIFY(loaded);
        QVERIFY2(loaded->sameContent(*venue), venueToJson(*venue).constData());
    }
}

void TestVenue::jsonErrors_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char* name, const char* from, const char* to, const char* expected) {
        QTest::newRow(name) << QString::fromUtf8(from) << QString::fromUtf8(to) << QString::fromUtf8(expected);
    };
    row("format missing", R"("format": "usher-venue", )", "",
        R"(format: missing; a venue file starts with "format": "usher-venue")");
    row("format wrong", R"("format": "usher-venue")", R"("format": "usher-event")",
        R"(format: not a venue file (expected "usher-venue"))");
    row("version missing", R"("version": 1, )", "", "version: missing");
    row("version newer", R"("version": 1)", R"("version": 2)",
        "version: version 2 is not supported (this Usher reads version 1)");
    row("unknown top field", R"("name": "Little hall")", R"("name": "Little hall", "seats": [])",
        "seats: unknown field");
    row("name type", R"("name": "Little hall")", R"("name": 5)", "name: expected a string, found a number");
    row("categories missing",
        R"("categories": [{"key": "A", "name": "Front", "color": "#ff0000"}, )"
        R"({"key": "B", "name": "Back", "color": "#0000ff"}],)",
        "", "categories: missing");
    row("category key empty", R"({"key": "A", "name": "Front")", R"({"key": "", "name": "Front")",
        "categories[0].key: must not be empty");
    row("category key duplicate", R"({"key": "B", "name": "Back")", R"({"key": "A", "name": "Back")",
        R"(categories[1].key: duplicate category key "A")");
    row("category colour", R"("#ff0000")", R"("red")", R"(categories[0].color: "red" is not a colour like "#1f77b4")");
    row("stage outline", R"([[0, 0], [10, 0],)", R"([[0, 0], [10, "0"],)", "stage.outline[1]: expected a point [x, y]");
    row("section outline", R"([[0, 3], [10, 3],)", R"([[0, 3], [10],)",
        "sections[0].outline[1]: expected a point [x, y]");
    row("sections missing", R"("sections": [)", R"("sectionz": [)", "sectionz: unknown field");
    row("section without rows", R"({"name": "Balcony",)", R"({"name": "Empty", "rows": []}, {"name": "Balcony",)",
        "sections[1].rows: a section needs at least one row");
    row("row without seats", R"({"name": "B", "seats": [)", R"({"name": "Z", "seats": []}, {"name": "B", "seats": [)",
        "sections[0].rows[1].seats: a row needs at least one seat");
    row("row name missing", R"({"name": "B", "seats": [)", R"({"seats": [)", "sections[0].rows[1].name: missing");
    row("seat id duplicate", R"({"id": 5,)", R"({"id": 2,)", "sections[0].rows[1].seats[1].id: duplicate seat id 2");
    row("seat id duplicate across sections", R"({"id": 10,)", R"({"id": 1,)",
        "sections[1].rows[0].seats[0].id: duplicate seat id 1");
    row("seat id zero", R"({"id": 4,)", R"({"id": 0,)", "sections[0].rows[1].seats[0].id: seat ids start at 1");
    row("seat id negative", R"({"id": 4,)", R"({"id": -4,)",
        "sections[0].rows[1].seats[0].id: -4 is not a whole number in 0..4294967295");
    row("seat id fraction", R"({"id": 4,)", R"({"id": 4.5,)",
        "sections[0].rows[1].seats[0].id: 4.5 is not a whole number in 0..4294967295");
    row("seat id too big", R"({"id": 4,)", R"({"id": 4294967296,)",
        "sections[0].rows[1].seats[0].id: 4294967296 is not a whole number in 0..4294967295");
    row("seat id string", R"({"id": 4,)", R"({"id": "4",)",
        "sections[0].rows[1].seats[0].id: expected a number, found a string");
    row("seat number missing", R"({"id": 4, "number": "1", )", R"({"id": 4, )",
        "sections[0].rows[1].seats[0].number: missing");
    row("seat number empty", R"({"id": 4, "number": "1")", R"({"id": 4, "number": "")",
        "sections[0].rows[1].seats[0].number: must not be empty");
    row("seat x missing", R"("x": 2.5, )", "", "sections[0].rows[1].seats[1].x: missing");
    row("seat y null", R"("x": 2.5, "y": 5.2)", R"("x": 2.5, "y": null)",
        "sections[0].rows[1].seats[1].y: expected a number, found null");
    row("seat x huge", R"("x": 1, "y": 9)", R"("x": 1e300, "y": 9)",
        "sections[1].rows[0].seats[0].x: number out of range");
    row("seat rotation type", R"("rotation": 5)", R"("rotation": "5")",
        "sections[0].rows[0].seats[2].rotation: expected a number, found a string");
    row("seat unknown field", R"("rotation": 5)", R"("rotaton": 5)",
        "sections[0].rows[0].seats[2].rotaton: unknown field");
    row("seat category unknown", R"("x": 2.5, "y": 5.2, "category": "B")", R"("x": 2.5, "y": 5.2, "category": "Z")",
        R"(sections[0].rows[1].seats[1].category: unknown category "Z")");
    row("seat flag unknown", R"(["restricted"])", R"(["restricted", "vip"])",
        R"(sections[1].rows[0].seats[1].flags[1]: unknown flag "vip" )"
        R"((known: wheelchair, companion, restricted, aisle))");
    row("seat flags type", R"(["restricted"])", R"("restricted")",
        "sections[1].rows[0].seats[1].flags: expected an array, found a string");
    row("seat rank negative", R"("rank": 0)", R"("rank": -1)",
        "sections[0].rows[0].seats[2].rank: -1 is not a whole number in 0..4294967295");
    row("area id zero", R"("areas": [{"id": 1,)", R"("areas": [{"id": 0,)", "areas[0].id: area ids start at 1");
    row("area id duplicate", R"("areas": [{"id": 1,)",
        R"("areas": [{"id": 1, "name": "Pit", "capacity": 5, "category": "A"}, {"id": 1,)",
        "areas[1].id: duplicate area id 1");
    row("area capacity zero", R"("capacity": 200)", R"("capacity": 0)", "areas[0].capacity: 0 is not in 1..1000000");
    row("area capacity over limit", R"("capacity": 200)", R"("capacity": 1000001)",
        "areas[0].capacity: 1000001 is not a whole number in 0..1000000");
    row("area category", R"("capacity": 200, "category": "B")", R"("capacity": 200, "category": "C")",
        R"(areas[0].category: unknown category "C")");
    row("area name missing", R"("name": "Standing", )", "", "areas[0].name: missing");
    row("area outline", R"([[0, 10], [10, 10],)", R"([[0, 10], 7,)", "areas[0].outline[1]: expected a point [x, y]");
}

void TestVenue::jsonErrors()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, expected);
    QString json = QString::fromUtf8(kLittleHall);
    QCOMPARE(json.count(from), qsizetype(1)); // the table must name one place
    json.replace(from, to);
    VenueError error;
    const auto venue = venueFromJson(json.toUtf8(), &error);
    QVERIFY(!venue);
    QCOMPARE(q(error.message), expected);
    QCOMPARE(error.line, 0);
    QVERIFY(!scanOnly(json.toUtf8())); // the fast path never accepts what the reference refuses
}

void TestVenue::jsonSyntaxErrorHasLineAndColumn()
{
    // Qt reports the offset just past the offending quote (column 15). Line 3 has a two-byte
    // character before it, so a byte count would say column 17.
    const QByteArray json
        = QStringLiteral("{\n  \"format\": \"usher-venue\",\n  \"name\": \"Ä\" \"version\": 1\n}").toUtf8();
    VenueError error;
    QVERIFY(!venueFromJson(json, &error));
    QCOMPARE(error.line, 3);
    QCOMPARE(error.column, 16);
    QVERIFY2(QString::fromStdString(error.message).startsWith(QStringLiteral("line 3, column 16: JSON syntax error")),
             error.message.c_str());

    QVERIFY(!venueFromJson("{\"format\": [1, 2,", &error));
    QCOMPARE(error.line, 1);
    QVERIFY(error.column > 1);
    QVERIFY(!venueFromJson(QByteArray(), &error));
    QCOMPARE(error.line, 1);
}

void TestVenue::jsonRejectsNonObjects()
{
    VenueError error;
    QVERIFY(!venueFromJson("[1, 2]", &error));
    QCOMPARE(q(error.message), QStringLiteral("the file is not a JSON object"));
    QVERIFY(!venueFromJson("{\"format\": \"usher-venue\", \"version\": 1, \"name\": \"x\", \"categories\": [], "
                           "\"sections\": []}",
                           &error));
    QCOMPARE(q(error.message), QStringLiteral("sections: the venue has neither seats nor areas"));
    QVERIFY(!venueFromJson("[]", nullptr)); // a null error pointer is allowed
}

void TestVenue::jsonRowLimit()
{
    QByteArray json = R"({"format": "usher-venue", "version": 1, "name": "Long", "categories": [{"key": "A"}],
        "sections": [{"name": "S", "rows": [{"name": "A", "seats": [)";
    for (std::uint32_t i = 1; i <= limits::rowSeatsMax + 1; ++i) {
        json += i > 1 ? "," : "";
        json += "{\"id\": " + QByteArray::number(i) + ", \"number\": \"1\", \"x\": 0, \"y\": 0, \"category\": \"A\"}";
    }
    json += "]}]}]}";
    VenueError error;
    QVERIFY(!venueFromJson(json, &error));
    QCOMPARE(q(error.message), QStringLiteral("sections[0].rows[0].seats: 10001 seats, more than 10000 in one row"));
}

void TestVenue::jsonExtensionFieldsAreIgnored()
{
    QString json = QString::fromUtf8(kLittleHall);
    json.replace(QStringLiteral("\"rotation\": 5"), QStringLiteral("\"rotation\": 5, \"x-pillar\": true"));
    json.replace(QStringLiteral("\"name\": \"Little hall\""),
                 QStringLiteral("\"name\": \"Little hall\", \"x-editor\": {\"zoom\": 2}"));
    const auto venue = loadOrFail(json.toUtf8());
    QVERIFY(venue);
    QVERIFY(venue->sameContent(*loadOrFail(bytes(kLittleHall))));
}

void TestVenue::jsonFastPathReadsAsTheReference()
{
    QString extended = QString::fromUtf8(kLittleHall);
    extended.replace(QStringLiteral("\"rotation\": 5"),
                     QStringLiteral("\"rotation\": 5, \"x-pillar\": [true, null, {}]"));
    extended.replace(QStringLiteral("\"Balcony\""), QStringLiteral("\"Empore Süd\""));
    for (const QByteArray& json :
         { bytes(kLittleHall), extended.toUtf8(), venueToJson(*generateDemoHall()),
           venueToJson(*generateDemoHall(), VenueJsonStyle::Compact),
           venueToJson(*generateVenue(GeneratedVenueSpec { "Curved", 3, 8, 12, 3, true, 2, 150, 4 })) })
        checkFastPath(json, true);

    // JSON members have no order: categories after the sections, the header last.
    const QByteArray reordered = R"({"sections": [{"rows": [{"seats": [
        {"category": "B", "rank": 1, "y": -0.5, "x": 1e1, "number": 7, "id": 2.0},
        {"flags": [], "category": "A", "y": 0, "x": 0.1, "number": "8", "id": 1e0}], "name": "R"}], "name": "S"}],
        "categories": [{"key": "A"}, {"key": "B", "name": "Back"}], "name": "Odd order", "version": 1,
        "format": "usher-venue"})";
    checkFastPath(reordered, true);
    const auto venue = scanOnly(reordered);
    QVERIFY(venue);
    QCOMPARE(venue->seats[0].category, std::uint16_t(1));
    QCOMPARE(venue->seats[0].x, 10.0f);
    QCOMPARE(q(venue->seats[0].number), QStringLiteral("7"));
    QCOMPARE(venue->seats[1].id, 1u);
    QCOMPARE(venue->seats[1].rank, 1u);
}

void TestVenue::jsonFastPathNumbers()
{
    // Coordinates written in every form: short and long mantissas, exponents, integers beyond
    // 2^53 and 2^64, the edges of the float range, zeros and subnormals.
    const char* fixed[] = { "0",
                            "-0",
                            "0.0",
                            "-0.0",
                            "1",
                            "-1",
                            "0.1",
                            "1.5e3",
                            "1E-3",
                            "-2.5e+2",
                            "123456789",
                            "9007199254740993",
                            "18446744073709551617",
                            "1.00000000000000011",
                            "3.4028234e38",
                            "3.40282356e38",
                            "3.4028236e38",
                            "-3.4028235e38",
                            "1e-38",
                            "1e-45",
                            "1e-320",
                            "4.9e-324",
                            "0.30000000000000004",
                            "16777217",
                            "1.0000000596046448" };
    std::vector<std::string> texts(std::begin(fixed), std::end(fixed));
    Prng prng(77);
    for (int i = 0; i < 3000; ++i) {
        std::string text = prng.next() % 4 == 0 ? "-" : "";
        const auto digits = 1 + prng.next() % 20;
        for (std::uint64_t d = 0; d < digits; ++d)
            text += char('0' + (d == 0 ? 1 + prng.next() % 9 : prng.next() % 10));
        if (prng.next() % 2 == 0)
            text.insert(text.size() - std::size_t(prng.next() % digits), ".");
        if (text.back() == '.')
            text += '5';
        if (prng.next() % 3 == 0)
            text += "e" + std::to_string(int(prng.next() % 90) - 45);
        texts.push_back(text);
    }
    std::size_t scanned = 0;
    for (std::size_t i = 0; i < texts.size(); i += 2) {
        const std::string& x = texts[i];
        const std::string& y = texts[std::min(i + 1, texts.size() - 1)];
        const std::string json = R"({"format": "usher-venue", "version": 1, "name": "N", "categories": [{"key": "A"}],
            "sections": [{"name": "S", "outline": [[)"
            + y + ", " + x + R"(]], "rows": [{"name": "R", "seats": [
            {"id": 1, "number": "1", "x": )"
            + x + ", \"y\": " + y + ", \"rotation\": " + x + R"(, "category": "A"}]}]}]})";
        checkFastPath(QByteArray::fromStdString(json), false);
        if (QTest::currentTestFailed())
            return;
        scanned += scanOnly(QByteArray::fromStdString(json)) != nullptr ? 1 : 0;
    }
    QVERIFY2(scanned > texts.size() / 4, std::to_string(scanned).c_str()); // the fast path did the most
}

void TestVenue::jsonFastPathGivesUpOnTheUnusual_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    const auto row = [](const char* name, const char* from, const char* to) {
        QTest::newRow(name) << QByteArray(from) << QByteArray(to);
    };
    row("escape in a seat number", R"("id": 5, "number": "2")", R"("id": 5, "number": "\u0032")");
    row("escape in a key", R"("id": 5, "number": "2")", R"("id": 5, "numb\u0065r": "2")");
    row("duplicate seat key", R"("id": 5, "number": "2")", R"("id": 5, "number": "2", "number": "3")");
    row("duplicate sections", R"("areas": [)", R"("sections": [], "areas": [)");
    row("byte order mark", R"({"format")", "\xEF\xBB\xBF{\"format\"");
    row("trailing comma", R"("x": 2.5, "y": 5.2, "category": "B"})", R"("x": 2.5, "y": 5.2, "category": "B",})");
    row("leading zero", R"("x": 2.5)", R"("x": 02.5)");
    row("bare fraction", R"("x": 2.5)", R"("x": .5)");
    row("invalid UTF-8", R"("Balcony")", "\"Balc\xC3ony\"");
    row("overlong UTF-8", R"("Balcony")", "\"Balc\xC0\xAFony\"");
    row("surrogate in UTF-8", R"("Balcony")", "\"Balc\xED\xA0\x80ony\"");
    row("control character", R"("Balcony")", "\"Balc\tony\"");
    row("garbage after the venue", "\n}", "\n} x");
    row("unterminated", "\n}", "\n");
}

void TestVenue::jsonFastPathGivesUpOnTheUnusual()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QByteArray json = bytes(kLittleHall);
    QCOMPARE(json.count(from), qsizetype(1));
    json.replace(from, to);
    QVERIFY(!scanOnly(json));
    // venueFromJson() still answers as the reference path does.
    VenueError error;
    const auto venue = venueFromJson(json, &error);
    const auto reference = referenceOnly(json);
    QCOMPARE(venue != nullptr, reference != nullptr);
    if (venue)
        QVERIFY(identical(*venue, *reference));
}

void TestVenue::finalizeErrors_data()
{
    QTest::addColumn<int>("mutation");
    QTest::addColumn<QString>("expected");
    const char* expectations[] = {
        "sections[0].rows[0].seats[1]: x, y and rotation must be finite numbers",
        "sections[0].rows[0].seats[2]: x, y and rotation must be finite numbers",
        "sections[0].rows[0].seats[0].category: index 3 out of range (1 categories)",
        "sections[0].rows[0].seats[1].flags: unknown flag bits 16",
        "sections[0].rows[0].seats[2]: section/row is 0/1, expected 0/0",
        "sections[0].rows[0].firstSeat: seats of rows must be contiguous (expected 0, found 1)",
        "seats: 1 seats belong to no row",
        "sections[0].rows[0].section: is 1, expected 0",
        "rows: 1 rows belong to no section",
        "sections[0].rowCount: 2 rows, past the end of the rows",
        "stage.outline[0]: coordinates must be finite numbers",
        "categories[0].key: must not be empty",
        "areas[0].outline[1]: coordinates must be finite numbers",
        "categories: 65 categories, more than 64",
        "name: longer than 1024 bytes",
        "sections[0].rows[0].seats[1].number: must not be empty",
        "areas[0].category: index 1 out of range (1 categories)",
    };
    for (int i = 0; i < int(std::size(expectations)); ++i)
        QTest::newRow(expectations[i]) << i << QString::fromUtf8(expectations[i]);
}

void TestVenue::finalizeErrors()
{
    QFETCH(int, mutation);
    QFETCH(QString, expected);
    Venue v = threeSeatVenue({ 1, 2, 3 });
    v.areas = { VenueArea { 1, "GA", 10, 0, { { 0, 0 }, { 1, 1 }, { 0, 1 } } } };
    QVERIFY(v.finalize().empty());
    const std::vector<std::function<void(Venue&)>> mutations = {
        [](Venue& x) { x.seats[1].y = std::numeric_limits<float>::quiet_NaN(); },
        [](Venue& x) { x.seats[2].rotation = std::numeric_limits<float>::infinity(); },
        [](Venue& x) { x.seats[0].category = 3; },
        [](Venue& x) { x.seats[1].flags = 16; },
        [](Venue& x) { x.seats[2].row = 1; },
        [](Venue& x) { x.rows[0].firstSeat = 1; },
        [](Venue& x) { x.rows[0].seatCount = 2; },
        [](Venue& x) { x.rows[0].section = 1; },
        [](Venue& x) { x.rows.push_back(x.rows[0]); },
        [](Venue& x) { x.sections[0].rowCount = 2; },
        [](Venue& x) {
            x.stage.outline = { { std::nan(""), 0 } };
        },
        [](Venue& x) { x.categories[0].key.clear(); },
        [](Venue& x) { x.areas[0].outline[1].x = INFINITY; },
        [](Venue& x) { x.categories.resize(65, x.categories[0]); },
        [](Venue& x) { x.name = std::string(1025, 'n'); },
        [](Venue& x) { x.seats[1].number.clear(); },
        [](Venue& x) { x.areas[0].category = 1; },
    };
    QCOMPARE(mutations.size(), std::size_t(17));
    mutations[std::size_t(mutation)](v);
    QCOMPARE(q(v.finalize()), expected);
}

void TestVenue::finalizeClearsLookupsOfInvalidVenue()
{
    Venue v = threeSeatVenue({ 5, 6, 7 });
    QVERIFY(v.finalize().empty());
    QVERIFY(v.finalize().empty()); // idempotent
    QCOMPARE(v.seatIndex(6), 1u);
    v.seats[2].id = 5;
    QCOMPARE(q(v.finalize()), QStringLiteral("sections[0].rows[0].seats[2].id: duplicate seat id 5"));
    QCOMPARE(v.seatIndex(6), kNoSeat);
}

void TestVenue::seatIndexDenseAndSparse()
{
    Venue dense = threeSeatVenue({ 3, 1, 2 });
    QVERIFY(dense.finalize().empty());
    QCOMPARE(dense.seatIndex(3), 0u);
    QCOMPARE(dense.seatIndex(1), 1u);
    QCOMPARE(dense.seatIndex(2), 2u);
    for (const SeatId unknown : { 0u, 4u, 1'000u, 0xffffffffu })
        QCOMPARE(dense.seatIndex(unknown), kNoSeat);

    // Ids far apart would make a dense table huge; the sparse map must answer the same way.
    Venue sparse = threeSeatVenue({ 4'000'000'000u, 1, 1'000'000 });
    QVERIFY(sparse.finalize().empty());
    QCOMPARE(sparse.seatIndex(4'000'000'000u), 0u);
    QCOMPARE(sparse.seatIndex(1), 1u);
    QCOMPARE(sparse.seatIndex(1'000'000), 2u);
    for (const SeatId unknown : { 0u, 2u, 999'999u, 0xffffffffu })
        QCOMPARE(sparse.seatIndex(unknown), kNoSeat);

    // Either side of the dense threshold (4 * count + 1024): the largest id must land in the last
    // slot of a dense table, or in the map.
    Venue edge = threeSeatVenue({ 1, 2, 4 * 3 + 1025 });
    QVERIFY(edge.finalize().empty());
    QCOMPARE(edge.seatIndex(1037), 2u);
    QCOMPARE(edge.seatIndex(1036), kNoSeat);
    Venue below = threeSeatVenue({ 1, 2, 4 * 3 + 1024 });
    QVERIFY(below.finalize().empty());
    QCOMPARE(below.seatIndex(1036), 2u);
    QCOMPARE(below.seatIndex(1037), kNoSeat);
    QCOMPARE(below.seatIndex(1035), kNoSeat);
}

void TestVenue::lookupsAndLabels()
{
    const auto venue = loadOrFail(bytes(kLittleHall));
    QVERIFY(venue);
    QCOMPARE(q(venue->seatLabel(venue->seatIndex(5))), QStringLiteral("Stalls, row B, seat 2"));
    QCOMPARE(q(venue->seatLabel(venue->seatIndex(10))), QStringLiteral("Balcony, row A, seat 1"));
    QCOMPARE(venue->areaIndex(1), 0u);
    QCOMPARE(venue->areaIndex(2), 0xffffffffu);
    QCOMPARE(venue->categoryIndex("B"), 1);
    QCOMPARE(venue->categoryIndex("b"), -1);
    QCOMPARE(venue->areaCapacityTotal(), std::uint64_t(200));
    auto demo = generateDemoHall();
    QCOMPARE(demo->areaCapacityTotal(), std::uint64_t(300));
}

void TestVenue::defaultCategoryColorsAreDistinct()
{
    std::set<std::string> colors;
    for (std::uint32_t i = 0; i < limits::venueCategoriesMax; ++i) {
        const std::string color = defaultCategoryColor(i);
        QCOMPARE(color.size(), std::size_t(7));
        QCOMPARE(color[0], '#');
        QVERIFY2(colors.insert(color).second, color.c_str());
        QCOMPARE(defaultCategoryColor(i), color);
    }
}

void TestVenue::csvHappyPath()
{
    // BOM, header, CRLF, blank lines, quoting, rows of one section interleaved in the file.
    const QByteArray csv = "\xEF\xBB\xBFsection,row,seat,x,y,category,flags\r\n"
                           "Stalls,A,1,-1,10,Gold,aisle|wheelchair\r\n"
                           "\r\n"
                           "Stalls,B,1,-1,11.2,Silver,\r\n"
                           "Stalls,A,2,0,10,Gold\r\n"
                           "  \"Box, left\" , \"1\"\"st\",  7 , +3, -5.5 ,Silver, companion ; restricted \r\n"
                           "Stalls,A,3,1,10,\"Gold\",aisle\r\n"
                           "   \r\n";
    VenueError error;
    const auto venue = venueFromCsv(csv, "Imported", &error);
    QVERIFY2(venue, error.message.c_str());
    QCOMPARE(q(venue->name), QStringLiteral("Imported"));
    QCOMPARE(venue->sections.size(), std::size_t(2));
    QCOMPARE(q(venue->sections[1].name), QStringLiteral("Box, left"));
    QCOMPARE(venue->rows.size(), std::size_t(3));
    QCOMPARE(q(venue->rows[0].name), QStringLiteral("A"));
    QCOMPARE(q(venue->rows[1].name), QStringLiteral("B"));
    QCOMPARE(q(venue->rows[2].name), QStringLiteral("1\"st"));
    QCOMPARE(venue->rows[0].seatCount, 3u);
    QCOMPARE(venue->seatCount(), 5u);

    // Ids follow file order; seats within a row keep file order.
    const std::vector<std::pair<SeatId, const char*>> order
        = { { 1, "1" }, { 3, "2" }, { 5, "3" }, { 2, "1" }, { 4, "7" } };
    for (std::size_t i = 0; i < order.size(); ++i) {
        QCOMPARE(venue->seats[i].id, order[i].first);
        QCOMPARE(q(venue->seats[i].number), QString::fromUtf8(order[i].second));
    }
    QCOMPARE(venue->categories.size(), std::size_t(2));
    QCOMPARE(q(venue->categories[0].key), QStringLiteral("Gold"));
    QCOMPARE(q(venue->categories[1].name), QStringLiteral("Silver"));
    QVERIFY(venue->categories[0].color != venue->categories[1].color);
    QCOMPARE(venue->seats[0].flags, std::uint8_t(SeatAisle | SeatWheelchair));
    QCOMPARE(venue->seats[4].flags, std::uint8_t(SeatCompanion | SeatRestrictedView));
    QCOMPARE(venue->seats[4].x, 3.0f);
    QCOMPARE(venue->seats[4].y, -5.5f);
    QCOMPARE(venue->seats[4].category, std::uint16_t(1));
    QCOMPARE(venue->seats[3].y, 11.2f);

    // Ranks: distance to the middle of the front edge, (1, -5.5): x spans -1..3, the box is in front.
    QCOMPARE(venue->seats[4].rank, 0u); // the box seat at (3, -5.5)
    QCOMPARE(venue->seats[2].rank, 1u); // A3 at (1, 10), in the middle
    QCOMPARE(venue->seats[1].rank, 2u); // A2 at (0, 10)
    QCOMPARE(venue->seats[0].rank, 3u); // A1 at (-1, 10)
    QCOMPARE(venue->seats[3].rank, 4u); // B1 at (-1, 11.2), a row further back
}

void TestVenue::csvWithoutHeaderOrFlags()
{
    const QByteArray csv = "Main,1,1,0,0,A\nMain,1,2,1,0,A\nMain,2,1,0,1.2,B";
    VenueError error;
    const auto venue = venueFromCsv(csv, "Plain", &error);
    QVERIFY2(venue, error.message.c_str());
    QCOMPARE(venue->seatCount(), 3u);
    QCOMPARE(venue->rows.size(), std::size_t(2));
    QCOMPARE(venue->seats[2].category, std::uint16_t(1));
    QCOMPARE(venue->seats[0].flags, std::uint8_t(0));
    QVERIFY(loadOrFail(venueToJson(*venue))->sameContent(*venue));
}

void TestVenue::csvErrors_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    const QByteArray good = "section,row,seat,x,y,category\nS,A,1,0,0,A\n";
    const auto row = [](const char* name, const QByteArray& csv, const char* expected, int line, int column) {
        QTest::newRow(name) << csv << QString::fromUtf8(expected) << line << column;
    };
    row("not a number", good + "S,A,2,abc,0,A\n", "line 3, column 4 (x): \"abc\" is not a number", 3, 4);
    row("trailing garbage", good + "S,A,2,1,2m,A\n", "line 3, column 5 (y): \"2m\" is not a number", 3, 5);
    row("nan", good + "S,A,2,nan,0,A\n", "line 3, column 4 (x): \"nan\" is not a number", 3, 4);
    row("empty number", good + "S,A,2,,0,A\n", "line 3, column 4 (x): \"\" is not a number", 3, 4);
    row("too few fields", good + "S,A,2,1,0\n", "line 3, column 6 (category): missing (expected 6 or 7 fields)", 3, 6);
    row("too many fields", good + "S,A,2,1,0,A,aisle,x\n",
        "line 3, column 8: unexpected extra field (expected at most 7 fields)", 3, 8);
    row("empty section", good + " ,A,2,1,0,A\n", "line 3, column 1 (section): must not be empty", 3, 1);
    row("empty category", good + "S,A,2,1,0,\"\"\n", "line 3, column 6 (category): must not be empty", 3, 6);
    row("unknown flag", good + "S,A,2,1,0,A,aisle|vip\n",
        "line 3, column 7 (flags): unknown flag \"vip\" (known: wheelchair, companion, restricted, aisle)", 3, 7);
    row("duplicate seat", good + "S,B,1,0,1,A\r\n\r\nS,A,1,5,5,B\n",
        "line 5, column 3 (seat): duplicate seat: section \"S\", row \"A\", seat \"1\" is already on line 2", 5, 3);
    row("open quote", good + "\"S,A,2,1,0,A\n",
        "line 3, column 1 (section): the quoted field is not closed on this line", 3, 1);
    row("text after quote", good + "\"S\"x,A,2,1,0,A\n",
        "line 3, column 1 (section): unexpected text after the closing quote", 3, 1);
    row("stray quote", good + "S,A\"2,2,1,0,A\n",
        "line 3, column 2 (row): a quote inside an unquoted field (quote the whole field)", 3, 2);
    row("invalid utf-8", good + "S,A,\xff,1,0,A\n", "line 3: not valid UTF-8 text", 3, 0);
    row("header only", "section,row,seat,x,y,category\n", "the file has no seats", 0, 0);
    row("empty file", "", "the file has no seats", 0, 0);
    row("last line bad", good + "S,A,2,1,0,A\nS,A,3,1,0,A\nS,A,4,1,0,A\nS,A,5,x,0,A",
        "line 6, column 4 (x): \"x\" is not a number", 6, 4);
}

void TestVenue::csvErrors()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, expected);
    QFETCH(int, line);
    QFETCH(int, column);
    VenueError error;
    QVERIFY(!venueFromCsv(csv, "Broken", &error)); // all or nothing: no venue at all
    QCOMPARE(q(error.message), expected);
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
    QVERIFY(!venueFromCsv(csv, "Broken", nullptr));
}

void TestVenue::csvTooManyCategories()
{
    QByteArray csv;
    for (std::uint32_t i = 0; i <= limits::venueCategoriesMax; ++i)
        csv += "S,A," + QByteArray::number(i + 1) + ",0,0,C" + QByteArray::number(i) + "\n";
    VenueError error;
    QVERIFY(!venueFromCsv(csv, "Many", &error));
    QCOMPARE(q(error.message), QStringLiteral("line 65, column 6 (category): more than 64 distinct categories"));
    csv.chop(csv.size() - csv.lastIndexOf("S,A,65"));
    QVERIFY(venueFromCsv(csv, "Many", &error));
}

void TestVenue::generatorSizes_data()
{
    QTest::addColumn<std::uint32_t>("seats");
    QTest::newRow("1") << 1u;
    QTest::newRow("39") << 39u;
    QTest::newRow("1000") << 1'000u;
    QTest::newRow("1001") << 1'001u;
    QTest::newRow("100000") << 100'000u;
}

void TestVenue::generatorSizes()
{
    QFETCH(std::uint32_t, seats);
    const auto venue = generateVenueWithSeats(seats, 2, 500);
    QVERIFY(venue);
    QVERIFY(venue->seatCount() >= seats);
    QVERIFY(venue->seatCount() < seats + 40); // rounded up to a whole row at most
    QVERIFY(venue->finalize().empty());
    QCOMPARE(venue->areas.size(), std::size_t(2));
    QCOMPARE(venue->areaCapacityTotal(), std::uint64_t(1'000));
    QVERIFY(!venue->stage.outline.empty());
    checkVenueShape(*venue, true);
    if (QTest::currentTestFailed())
        return;
    // The best seat is one of the seats nearest the stage.
    const auto best
        = std::find_if(venue->seats.begin(), venue->seats.end(), [](const VenueSeat& s) { return s.rank == 0; });
    QCOMPARE(venue->rows[best->row].name, std::string("A"));
    QVERIFY(!generateVenueWithSeats(0));
    QVERIFY(generateVenueWithSeats(0, 1, 10)); // standing only
}

void TestVenue::generatorLargest()
{
    const auto venue = generateVenueWithSeats(limits::venueSeatsMax);
    QVERIFY(venue);
    QCOMPARE(venue->seatCount(), limits::venueSeatsMax);
    QCOMPARE(venue->seatIndex(limits::venueSeatsMax), limits::venueSeatsMax - 1);
    QVERIFY(!generateVenueWithSeats(limits::venueSeatsMax + 1));
}

void TestVenue::generatorSpec_data()
{
    QTest::addColumn<bool>("curved");
    QTest::newRow("straight") << false;
    QTest::newRow("curved") << true;
}

void TestVenue::generatorSpec()
{
    QFETCH(bool, curved);
    GeneratedVenueSpec spec;
    spec.name = "Spec hall";
    spec.sections = 5;
    spec.rowsPerSection = 12;
    spec.seatsPerRow = 18;
    spec.categories = 4;
    spec.curved = curved;
    spec.gaAreas = 2;
    spec.gaCapacity = 400;
    spec.wheelchairEveryRows = 6;
    const auto venue = generateVenue(spec);
    QVERIFY(venue);
    QCOMPARE(q(venue->name), QStringLiteral("Spec hall"));
    QCOMPARE(venue->seatCount(), 5u * 12 * 18);
    QCOMPARE(venue->sections.size(), std::size_t(5));
    QCOMPARE(venue->categories.size(), std::size_t(4));
    QCOMPARE(q(venue->categories[2].key), QStringLiteral("C"));
    checkVenueShape(*venue, true);
    for (const VenueRow& row : venue->rows) {
        const std::uint32_t r = &row - venue->rows.data() - venue->sections[row.section].firstRow;
        const VenueSeat& first = venue->seats[row.firstSeat];
        const VenueSeat& second = venue->seats[row.firstSeat + 1];
        // Front rows are category A, back rows D; every 6th row has wheelchair places at its ends.
        QCOMPARE(first.category, std::uint16_t(r * 4 / 12));
        QVERIFY(first.flags & SeatAisle);
        QCOMPARE(bool(first.flags & SeatWheelchair), (r + 1) % 6 == 0);
        QCOMPARE(bool(second.flags & SeatCompanion), (r + 1) % 6 == 0);
        // Neighbours sit about one unit apart; rows move away from the stage.
        QVERIFY(std::abs(std::hypot(second.x - first.x, second.y - first.y) - 1.0) < 0.01);
        if (r > 0) {
            const VenueSeat& ahead = venue->seats[row.firstSeat - row.seatCount];
            const double stageY = 2.5;
            QVERIFY(std::hypot(first.x, first.y - stageY) > std::hypot(ahead.x, ahead.y - stageY));
        }
    }
    QCOMPARE(venue->areas.size(), std::size_t(2));
    QCOMPARE(venue->areas[1].capacity, 400u);
    QCOMPARE(venue->areas[1].id, 2u);
}

void TestVenue::generatorRejectsImpossibleSpecs()
{
    GeneratedVenueSpec spec;
    spec.categories = 0;
    QVERIFY(!generateVenue(spec));
    spec.categories = limits::venueCategoriesMax + 1;
    QVERIFY(!generateVenue(spec));
    spec = {};
    spec.seatsPerRow = limits::rowSeatsMax + 1;
    QVERIFY(!generateVenue(spec));
    spec = {};
    spec.sections = 1'000;
    spec.rowsPerSection = 1'000;
    QVERIFY(!generateVenue(spec)); // 30 million seats
    spec = {};
    spec.gaAreas = 1; // capacity 0
    QVERIFY(!generateVenue(spec));
    spec.gaCapacity = 10;
    spec.sections = 0;
    QVERIFY(generateVenue(spec)); // standing only is a venue
}

void TestVenue::demoHall()
{
    const auto hall = generateDemoHall();
    QVERIFY(hall);
    QVERIFY(hall->seatCount() >= 1'100 && hall->seatCount() <= 1'300);
    std::vector<std::string> names;
    for (const VenueSection& s : hall->sections) {
        names.push_back(s.name);
        QVERIFY(s.outline.size() >= 4);
    }
    QCOMPARE(names, (std::vector<std::string> { "Stalls", "Left block", "Right block", "Balcony" }));
    QCOMPARE(hall->sections[0].rowCount, 20u);
    QCOMPARE(hall->rows[hall->sections[0].firstRow].seatCount, 30u);
    QCOMPARE(hall->areas.size(), std::size_t(1));
    QCOMPARE(q(hall->areas[0].name), QStringLiteral("Standing"));
    QCOMPARE(hall->areas[0].capacity, 300u);
    QVERIFY(hall->stage.outline.size() >= 3);
    checkVenueShape(*hall, true);

    // The balcony is curved: its seats face the stage and the rotation varies along a row.
    const VenueRow& balconyRow = hall->rows[hall->sections[3].firstRow];
    QVERIFY(hall->seats[balconyRow.firstSeat].rotation > 10);
    QVERIFY(hall->seats[balconyRow.firstSeat + balconyRow.seatCount - 1].rotation < -10);

    // No two seats overlap, and the best seat is in the front row of the stalls.
    for (std::size_t i = 0; i < hall->seats.size(); ++i) {
        for (std::size_t j = i + 1; j < hall->seats.size(); ++j) {
            const double d = std::hypot(hall->seats[i].x - hall->seats[j].x, hall->seats[i].y - hall->seats[j].y);
            if (d <= 0.9) // not QVERIFY2: it would build the message for all 700,000 pairs
                QFAIL((hall->seatLabel(SeatIndex(i)) + " / " + hall->seatLabel(SeatIndex(j))).c_str());
        }
        if (hall->seats[i].rank == 0)
            QCOMPARE(q(hall->seatLabel(SeatIndex(i)).substr(0, 14)), QStringLiteral("Stalls, row A,"));
    }
    int wheelchairs = 0;
    int restricted = 0;
    for (const VenueSeat& seat : hall->seats) {
        wheelchairs += (seat.flags & SeatWheelchair) ? 1 : 0;
        restricted += (seat.flags & SeatRestrictedView) ? 1 : 0;
    }
    QVERIFY(wheelchairs >= 4);
    QCOMPARE(restricted, 4);
    std::set<std::string> colors;
    for (const VenueCategory& c : hall->categories)
        colors.insert(c.color);
    QCOMPARE(colors.size(), hall->categories.size());
}

QTEST_APPLESS_MAIN(TestVenue)
#include "TestVenue.moc"
