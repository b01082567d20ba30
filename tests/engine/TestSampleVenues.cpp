// The sample venues of resources/venues and the large-venue generator: the committed files load,
// match their generator byte for byte and round-trip; the geometry is sane (outlines around their
// seats, no overlaps, aisles, a stage); flags, categories and ranks are where a real venue has
// them; and usher-venues reports bad input clearly.

#include "core/QtText.h"
#include "venue/SampleVenues.h"
#include "venue/Venue.h"
#include "venue/VenueJson.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>
#include <set>
#include <string>
#include <unordered_map>

using namespace usher;

namespace {

QString venuesDir()
{
    const QString source = qEnvironmentVariable("USHER_SOURCE_DIR");
    return source.isEmpty() ? sampleVenueDirectory() : source + QStringLiteral("/resources/venues");
}

QByteArray committedFile(std::string_view fileName)
{
    QFile file(venuesDir() + QLatin1Char('/') + toQString(fileName));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct Expected {
    std::uint32_t seatsMin;
    std::uint32_t seatsMax;
    bool standing; // has general-admission areas
};

const std::map<std::string_view, Expected>& expectations()
{
    static const std::map<std::string_view, Expected> kExpected {
        { "theatre", { 450, 550, false } },
        { "concert-hall", { 2'300, 2'700, true } },
        { "arena", { 18'000, 22'000, true } },
        { "stadium", { 55'000, 65'000, false } },
    };
    return kExpected;
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

double distanceToEdges(const std::vector<Point>& polygon, double x, double y)
{
    double best = INFINITY;
    for (std::size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
        const Point& a = polygon[j];
        const Point& b = polygon[i];
        const double dx = b.x - a.x;
        const double dy = b.y - a.y;
        const double lengthSquared = dx * dx + dy * dy;
        const double t
            = lengthSquared > 0 ? std::clamp(((x - a.x) * dx + (y - a.y) * dy) / lengthSquared, 0.0, 1.0) : 0;
        best = std::min(best, std::hypot(x - (a.x + t * dx), y - (a.y + t * dy)));
    }
    return best;
}

struct Box {
    double left = INFINITY, top = INFINITY, right = -INFINITY, bottom = -INFINITY;
    bool contains(double x, double y) const { return x >= left && x <= right && y >= top && y <= bottom; }
};

Box boxOf(const std::vector<Point>& polygon)
{
    Box box;
    for (const Point& p : polygon) {
        box.left = std::min(box.left, p.x);
        box.right = std::max(box.right, p.x);
        box.top = std::min(box.top, p.y);
        box.bottom = std::max(box.bottom, p.y);
    }
    return box;
}

Point centreOf(const std::vector<Point>& polygon)
{
    const Box box = boxOf(polygon);
    return Point { (box.left + box.right) / 2, (box.top + box.bottom) / 2 };
}

// The point of the stage nearest the audience's middle: the front centre of an end stage, the
// centre spot of a pitch.
Point stageFocus(const Venue& venue)
{
    const Box stage = boxOf(venue.stage.outline);
    const Point centre = centreOf(venue.stage.outline);
    double sumY = 0;
    for (const VenueSeat& seat : venue.seats)
        sumY += seat.y;
    const double meanY = sumY / venue.seats.size();
    return meanY > stage.bottom ? Point { centre.x, stage.bottom } : centre;
}

double distance(const VenueSeat& seat, Point p)
{
    return std::hypot(seat.x - p.x, seat.y - p.y);
}

// Everything a sample or generated venue promises about its geometry and data.
void checkVenue(const Venue& venue, bool checkEverySeatAgainstOtherSections)
{
    QVERIFY(!venue.name.empty());
    QVERIFY(venue.seatCount() > 0);
    // Ids 1..N, ranks a permutation of 0..N-1.
    std::vector<bool> rankSeen(venue.seats.size(), false);
    for (SeatIndex i = 0; i < venue.seatCount(); ++i) {
        const VenueSeat& seat = venue.seats[i];
        QCOMPARE(seat.id, SeatId(i + 1));
        QCOMPARE(venue.seatIndex(seat.id), i);
        QVERIFY(seat.rank < rankSeen.size() && !rankSeen[seat.rank]);
        rankSeen[seat.rank] = true;
        QVERIFY(std::isfinite(seat.rotation) && seat.rotation > -180.0f && seat.rotation <= 180.0f);
    }
    // Names: sections unique, rows unique in their section, seat numbers unique in their row.
    std::set<std::string> sectionNames;
    for (const VenueSection& section : venue.sections) {
        QVERIFY2(sectionNames.insert(section.name).second, section.name.c_str());
        std::set<std::string> rowNames;
        for (std::uint32_t r = section.firstRow; r < section.firstRow + section.rowCount; ++r) {
            const VenueRow& row = venue.rows[r];
            QVERIFY2(rowNames.insert(row.name).second, (section.name + " row " + row.name).c_str());
            std::set<std::string> numbers;
            for (std::uint32_t s = row.firstSeat; s < row.firstSeat + row.seatCount; ++s)
                QVERIFY2(numbers.insert(venue.seats[s].number).second, venue.seatLabel(s).c_str());
            // Row ends are aisle seats.
            QVERIFY2(venue.seats[row.firstSeat].flags & SeatAisle, venue.seatLabel(row.firstSeat).c_str());
            QVERIFY2(venue.seats[row.firstSeat + row.seatCount - 1].flags & SeatAisle,
                     venue.seatLabel(row.firstSeat + row.seatCount - 1).c_str());
        }
    }
    // A stage or pitch, and no seat on it.
    QVERIFY(!venue.stage.label.empty());
    QVERIFY(venue.stage.outline.size() >= 4);
    // Outlines: every seat inside its own section with room around it, and in no other section,
    // no standing area and not on the stage.
    std::vector<Box> boxes;
    for (const VenueSection& section : venue.sections) {
        QVERIFY2(section.outline.size() >= 4, section.name.c_str());
        boxes.push_back(boxOf(section.outline));
    }
    for (SeatIndex i = 0; i < venue.seatCount(); ++i) {
        const VenueSeat& seat = venue.seats[i];
        const std::vector<Point>& outline = venue.sections[seat.section].outline;
        QVERIFY2(insidePolygon(outline, seat.x, seat.y), venue.seatLabel(i).c_str());
        QVERIFY2(distanceToEdges(outline, seat.x, seat.y) >= 0.45, venue.seatLabel(i).c_str());
        QVERIFY2(!insidePolygon(venue.stage.outline, seat.x, seat.y), venue.seatLabel(i).c_str());
        for (const VenueArea& area : venue.areas)
            QVERIFY2(!insidePolygon(area.outline, seat.x, seat.y), venue.seatLabel(i).c_str());
        if (!checkEverySeatAgainstOtherSections && i % 7 != 0)
            continue;
        for (std::uint32_t s = 0; s < venue.sections.size(); ++s) {
            if (s != seat.section && boxes[s].contains(seat.x, seat.y))
                QVERIFY2(!insidePolygon(venue.sections[s].outline, seat.x, seat.y),
                         (venue.seatLabel(i) + " is inside " + venue.sections[s].name).c_str());
        }
    }
    // No two seats closer than 0.9 (seats are 1.0 apart in a row, rows 1.2 apart).
    std::unordered_map<std::int64_t, std::vector<SeatIndex>> grid;
    const auto cell = [](double v) { return static_cast<std::int64_t>(std::floor(v)); };
    const auto key = [](std::int64_t cx, std::int64_t cy) { return cx * 1'000'003 + cy; };
    for (SeatIndex i = 0; i < venue.seatCount(); ++i)
        grid[key(cell(venue.seats[i].x), cell(venue.seats[i].y))].push_back(i);
    for (SeatIndex i = 0; i < venue.seatCount(); ++i) {
        const VenueSeat& a = venue.seats[i];
        for (std::int64_t dx = -1; dx <= 1; ++dx) {
            for (std::int64_t dy = -1; dy <= 1; ++dy) {
                const auto it = grid.find(key(cell(a.x) + dx, cell(a.y) + dy));
                if (it == grid.end())
                    continue;
                for (SeatIndex j : it->second) {
                    if (j != i && std::hypot(a.x - venue.seats[j].x, a.y - venue.seats[j].y) < 0.9)
                        QFAIL((venue.seatLabel(i) + " overlaps " + venue.seatLabel(j)).c_str());
                }
            }
        }
    }
    // Every wheelchair place has a companion seat beside it in its row.
    std::size_t wheelchairs = 0;
    for (SeatIndex i = 0; i < venue.seatCount(); ++i) {
        if (!(venue.seats[i].flags & SeatWheelchair))
            continue;
        ++wheelchairs;
        const VenueRow& row = venue.rows[venue.seats[i].row];
        const bool left = i > row.firstSeat && (venue.seats[i - 1].flags & SeatCompanion);
        const bool right = i + 1 < row.firstSeat + row.seatCount && (venue.seats[i + 1].flags & SeatCompanion);
        QVERIFY2(left || right, venue.seatLabel(i).c_str());
    }
    QVERIFY(wheelchairs > 0);
    // Categories: colours, all distinct, every category sold somewhere.
    std::set<std::string> colours;
    std::vector<std::size_t> used(venue.categories.size(), 0);
    for (const VenueSeat& seat : venue.seats)
        ++used[seat.category];
    for (const VenueArea& area : venue.areas)
        ++used[area.category];
    QVERIFY(venue.categories.size() >= 4);
    for (std::size_t c = 0; c < venue.categories.size(); ++c) {
        QVERIFY2(colours.insert(venue.categories[c].color).second, venue.categories[c].key.c_str());
        QVERIFY2(venue.categories[c].color.size() == 7, venue.categories[c].key.c_str());
        QVERIFY2(used[c] > 0, venue.categories[c].key.c_str());
    }
    for (const VenueArea& area : venue.areas)
        QVERIFY(area.outline.size() >= 4 && area.capacity > 0);
}

// Best-available takes low ranks first: the best ranks must be unrestricted seats near the
// stage, and seats get worse, on average, as they get further from it.
void checkRanks(const Venue& venue)
{
    std::vector<SeatIndex> byRank(venue.seats.size());
    for (SeatIndex i = 0; i < venue.seatCount(); ++i)
        byRank[venue.seats[i].rank] = i;
    const Point focus = stageFocus(venue);
    std::vector<double> distances;
    for (const VenueSeat& seat : venue.seats)
        distances.push_back(distance(seat, focus));
    std::vector<double> sorted = distances;
    std::sort(sorted.begin(), sorted.end());
    const double nearTenth = sorted[sorted.size() / 10];

    const VenueSeat& best = venue.seats[byRank[0]];
    QVERIFY2((best.flags & (SeatRestrictedView | SeatWheelchair | SeatCompanion)) == 0,
             venue.seatLabel(byRank[0]).c_str());
    QVERIFY2(distance(best, focus) <= nearTenth, venue.seatLabel(byRank[0]).c_str());

    // Mean distance by rank decile grows from the first decile to the last.
    constexpr int deciles = 10;
    double mean[deciles] = {};
    std::size_t count[deciles] = {};
    for (std::uint32_t rank = 0; rank < byRank.size(); ++rank) {
        const int d = static_cast<int>(std::uint64_t(rank) * deciles / byRank.size());
        mean[d] += distances[byRank[rank]];
        ++count[d];
    }
    for (int d = 0; d < deciles; ++d)
        mean[d] /= double(count[d]);
    QVERIFY2(
        mean[0] < mean[deciles / 2] && mean[deciles / 2] < mean[deciles - 2],
        qPrintable(QStringLiteral("decile means %1 %2 %3").arg(mean[0]).arg(mean[deciles / 2]).arg(mean[deciles - 2])));
    // Restricted-view, wheelchair and companion seats come after all others.
    std::uint32_t worstPlain = 0;
    std::uint32_t bestSpecial = std::numeric_limits<std::uint32_t>::max();
    for (const VenueSeat& seat : venue.seats) {
        if (seat.flags & (SeatRestrictedView | SeatWheelchair | SeatCompanion))
            bestSpecial = std::min(bestSpecial, seat.rank);
        else
            worstPlain = std::max(worstPlain, seat.rank);
    }
    QVERIFY(worstPlain < bestSpecial);
}

// Categories are graded: by mean rank, each seated category is worse than the one before.
void checkCategoriesGraded(const Venue& venue)
{
    std::vector<double> rankSum(venue.categories.size(), 0);
    std::vector<std::size_t> count(venue.categories.size(), 0);
    for (const VenueSeat& seat : venue.seats) {
        if (seat.flags & (SeatRestrictedView | SeatWheelchair | SeatCompanion))
            continue;
        rankSum[seat.category] += seat.rank;
        ++count[seat.category];
    }
    double previous = -1;
    for (std::size_t c = 0; c < venue.categories.size(); ++c) {
        if (count[c] == 0)
            continue;
        const double mean = rankSum[c] / double(count[c]);
        QVERIFY2(mean > previous, venue.categories[c].key.c_str());
        previous = mean;
    }
}

QString toolPath()
{
    const QString overridden = qEnvironmentVariable("USHER_VENUES_TOOL");
    if (!overridden.isEmpty())
        return overridden;
    return QDir::cleanPath(QCoreApplication::applicationDirPath()
                           + QStringLiteral("/../app/usher-venues/usher-venues"));
}

struct ToolRun {
    int exitCode = -1;
    QString out;
    QString err;
};

ToolRun runTool(const QStringList& arguments)
{
    QProcess process;
    process.start(toolPath(), arguments);
    ToolRun run;
    if (!process.waitForStarted(10'000) || !process.waitForFinished(300'000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestSampleVenues : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void catalogue();
    void committedFiles_data();
    void committedFiles();
    void theatreLooksLikeATheatre();
    void bestSeatsAreCentreFront();
    void seatsFaceTheStage();
    void loadSampleVenueFindsTheFiles();
    void jsonWriterOmitsDefaults();
    void largeVenue_data();
    void largeVenue();
    void largeVenueSections();
    void largeVenueRejectsBadSpecs();
    void cliRejectsBadInput_data();
    void cliRejectsBadInput();
    void cliChecksAndRegenerates();
};

void TestSampleVenues::catalogue()
{
    QCOMPARE(sampleVenues().size(), std::size_t(4));
    for (const SampleVenueInfo& info : sampleVenues()) {
        QVERIFY(findSampleVenue(info.key) == &info);
        QVERIFY(expectations().count(info.key));
        QCOMPARE(toQString(info.fileName), toQString(info.key) + QStringLiteral(".json"));
    }
    QVERIFY(!findSampleVenue("opera"));
}

void TestSampleVenues::committedFiles_data()
{
    QTest::addColumn<QString>("key");
    for (const SampleVenueInfo& info : sampleVenues())
        QTest::newRow(info.fileName.data()) << toQString(info.key);
}

// The committed file loads, is what the generator writes today (so nobody edits it by hand without
// regenerating), survives write -> read -> write unchanged, and passes every geometry check.
void TestSampleVenues::committedFiles()
{
    QFETCH(QString, key);
    const SampleVenueInfo* info = findSampleVenue(key.toStdString());
    QVERIFY(info);
    const QByteArray committed = committedFile(info->fileName);
    QVERIFY2(!committed.isEmpty(),
             qPrintable(venuesDir() + QLatin1Char('/') + toQString(info->fileName) + QStringLiteral(" is missing")));

    VenueError error;
    const auto loaded = venueFromJson(committed, &error);
    QVERIFY2(loaded, error.message.c_str());
    const Expected expected = expectations().at(info->key);
    QVERIFY2(loaded->seatCount() >= expected.seatsMin && loaded->seatCount() <= expected.seatsMax,
             qPrintable(QString::number(loaded->seatCount())));
    QCOMPARE(!loaded->areas.empty(), expected.standing);

    const auto built = info->build();
    QVERIFY(built);
    const QByteArray generated = venueToJson(*built, VenueJsonStyle::Compact);
    if (generated != committed) {
        const QList<QByteArray> a = generated.split('\n');
        const QList<QByteArray> b = committed.split('\n');
        qsizetype line = 0;
        while (line < a.size() && line < b.size() && a[line] == b[line])
            ++line;
        QFAIL(qPrintable(QStringLiteral("resources/venues/%1 differs from the generator at line %2; regenerate it "
                                        "with: usher-venues sample all --out-dir resources/venues")
                             .arg(toQString(info->fileName))
                             .arg(line + 1)));
    }
    QVERIFY(loaded->sameContent(*built));
    QCOMPARE(venueToJson(*loaded, VenueJsonStyle::Compact), committed);
    QVERIFY2(committed.size() < 8 * 1024 * 1024, "sample files stay a few MB at most");

    checkVenue(*loaded, loaded->seatCount() < 30'000);
    if (QTest::currentTestFailed())
        return;
    checkRanks(*loaded);
    checkCategoriesGraded(*loaded);
}

void TestSampleVenues::theatreLooksLikeATheatre()
{
    const auto theatre = sampleTheatre();
    std::set<std::string> names;
    for (const VenueSection& section : theatre->sections)
        names.insert(section.name);
    for (const char* name : { "Stalls Left", "Stalls Centre", "Stalls Right", "Balcony Left", "Balcony Centre",
                              "Balcony Right", "Box A", "Box D" })
        QVERIFY2(names.count(name), name);
    // Rows A.. without I; centre seats 101.. left to right; odd numbers on the left, even on the right.
    const VenueSection& stallsLeft = theatre->sections[0];
    QCOMPARE(toQString(theatre->rows[stallsLeft.firstRow].name), QStringLiteral("A"));
    std::set<std::string> rowNames;
    for (std::uint32_t r = stallsLeft.firstRow; r < stallsLeft.firstRow + stallsLeft.rowCount; ++r)
        rowNames.insert(theatre->rows[r].name);
    QVERIFY(!rowNames.count("I"));
    QVERIFY(rowNames.count("M"));
    const VenueRow& leftA = theatre->rows[stallsLeft.firstRow];
    QCOMPARE(toQString(theatre->seats[leftA.firstSeat + leftA.seatCount - 1].number), QStringLiteral("1")); // by the aisle
    QCOMPARE(std::stoi(theatre->seats[leftA.firstSeat].number) % 2, 1);
    const VenueRow& centreA = theatre->rows[theatre->sections[1].firstRow];
    QCOMPARE(toQString(theatre->seats[centreA.firstSeat].number), QStringLiteral("101"));
    QVERIFY(theatre->seats[centreA.firstSeat].x < theatre->seats[centreA.firstSeat + 1].x);
    const VenueRow& rightA = theatre->rows[theatre->sections[2].firstRow];
    QCOMPARE(toQString(theatre->seats[rightA.firstSeat].number), QStringLiteral("2"));
    // Curved rows: the middle of row A is further from the stage than its ends, and the seats
    // turn towards the middle.
    const VenueSeat& first = theatre->seats[centreA.firstSeat];
    const VenueSeat& middle = theatre->seats[centreA.firstSeat + centreA.seatCount / 2];
    QVERIFY(middle.y > first.y + 0.1);
    QVERIFY(first.rotation > 0 && theatre->seats[centreA.firstSeat + centreA.seatCount - 1].rotation < 0);
    // The balcony is behind the stalls.
    const VenueSection& balcony = theatre->sections[4];
    QCOMPARE(toQString(balcony.name), QStringLiteral("Balcony Centre"));
    QVERIFY(boxOf(balcony.outline).top > boxOf(theatre->sections[1].outline).bottom);
}

// The best few seats of each venue are where a box office would sell its dearest tickets.
void TestSampleVenues::bestSeatsAreCentreFront()
{
    const auto bestSeats = [](const Venue& venue, std::uint32_t count) {
        std::vector<SeatIndex> best;
        for (SeatIndex i = 0; i < venue.seatCount(); ++i) {
            if (venue.seats[i].rank < count)
                best.push_back(i);
        }
        return best;
    };
    const auto rowIndexInSection = [](const Venue& venue, SeatIndex seat) {
        return venue.seats[seat].row - venue.sections[venue.seats[seat].section].firstRow;
    };

    const auto theatre = sampleTheatre();
    for (SeatIndex i : bestSeats(*theatre, 20)) {
        QVERIFY2(theatre->sections[theatre->seats[i].section].name == "Stalls Centre", theatre->seatLabel(i).c_str());
        QVERIFY2(rowIndexInSection(*theatre, i) < 4, theatre->seatLabel(i).c_str());
        QVERIFY2(std::fabs(theatre->seats[i].x) < 6, theatre->seatLabel(i).c_str());
    }
    const auto hall = sampleConcertHall();
    for (SeatIndex i : bestSeats(*hall, 40)) {
        QVERIFY2(hall->sections[hall->seats[i].section].name == "Stalls Centre", hall->seatLabel(i).c_str());
        QVERIFY2(rowIndexInSection(*hall, i) < 4, hall->seatLabel(i).c_str());
    }
    const auto arena = sampleArena();
    for (SeatIndex i : bestSeats(*arena, 200)) {
        const std::string& name = arena->sections[arena->seats[i].section].name;
        QVERIFY2(name.starts_with("Section 1"), arena->seatLabel(i).c_str()); // the lower tier
        QVERIFY2(rowIndexInSection(*arena, i) < 8, arena->seatLabel(i).c_str());
    }
    const auto stadium = sampleStadium();
    for (SeatIndex i : bestSeats(*stadium, 300)) {
        const std::string& name = stadium->sections[stadium->seats[i].section].name;
        QVERIFY2(name.starts_with("Block 1"), stadium->seatLabel(i).c_str());
        QVERIFY2(std::fabs(stadium->seats[i].x) < 40, stadium->seatLabel(i).c_str()); // by the halfway line
        QVERIFY2(rowIndexInSection(*stadium, i) < 6, stadium->seatLabel(i).c_str());
    }
    // The categories follow: the best seats are in the first category.
    for (const auto* venue : { theatre.get(), hall.get(), arena.get(), stadium.get() }) {
        for (SeatIndex i : bestSeats(*venue, 10))
            QCOMPARE(venue->seats[i].category, std::uint16_t(0));
    }
}

// Rotation 0 faces the top of the plan, clockwise: every seat looks towards the stage (the
// choir behind the concert platform too), and the arena's seats straight at the middle of its stage.
void TestSampleVenues::seatsFaceTheStage()
{
    for (const SampleVenueInfo& info : sampleVenues()) {
        const auto venue = info.build();
        const Point middle = centreOf(venue->stage.outline);
        for (SeatIndex i = 0; i < venue->seatCount(); ++i) {
            const VenueSeat& seat = venue->seats[i];
            const double radians = seat.rotation * std::numbers::pi / 180;
            const double fx = std::sin(radians);
            const double fy = -std::cos(radians);
            const double tx = middle.x - seat.x;
            const double ty = middle.y - seat.y;
            const double cosine = (fx * tx + fy * ty) / std::hypot(tx, ty);
            QVERIFY2(cosine > 0.2, venue->seatLabel(i).c_str());
            if (info.key == "arena")
                QVERIFY2(cosine > std::cos(3 * std::numbers::pi / 180), venue->seatLabel(i).c_str());
        }
    }
}

void TestSampleVenues::loadSampleVenueFindsTheFiles()
{
    qputenv("USHER_VENUES_DIR", venuesDir().toUtf8());
    VenueError error;
    const auto theatre = loadSampleVenue("theatre", &error);
    QVERIFY2(theatre, error.message.c_str());
    QVERIFY(theatre->sameContent(*sampleTheatre()));
    QVERIFY(!loadSampleVenue("opera", &error));
    QVERIFY2(error.message.find("unknown sample venue \"opera\"") != std::string::npos, error.message.c_str());

    QTemporaryDir empty;
    qputenv("USHER_VENUES_DIR", empty.path().toUtf8());
    QVERIFY(!loadSampleVenue("stadium", &error));
    QVERIFY2(error.message.find("stadium.json") != std::string::npos, error.message.c_str());
    qunsetenv("USHER_VENUES_DIR");

    // venueFromJsonFile names the file it could not read.
    QVERIFY(!venueFromJsonFile(empty.path() + QStringLiteral("/none.json"), &error));
    QVERIFY2(error.message.find("none.json: cannot read") != std::string::npos, error.message.c_str());
}

void TestSampleVenues::jsonWriterOmitsDefaults()
{
    Venue venue;
    venue.name = "Plain";
    venue.categories = { { "A", "A", "" } };
    venue.sections = { { "S", {}, 0, 1 } };
    venue.rows = { { "1", 0, 0, 1 } };
    VenueSeat seat;
    seat.id = 1;
    seat.number = "1";
    seat.x = 1.5f;
    venue.seats = { seat };
    QVERIFY(venue.finalize().empty());
    for (const VenueJsonStyle style : { VenueJsonStyle::Spaced, VenueJsonStyle::Compact }) {
        const QByteArray json = venueToJson(venue, style);
        QVERIFY2(!json.contains("\"color\"") && !json.contains("\"stage\"") && !json.contains("\"outline\"")
                     && !json.contains("\"areas\"") && !json.contains("\"rotation\"") && !json.contains("\"flags\"")
                     && !json.contains("{\"key\": \"A\", \"name\""),
                 json.constData());
        QVERIFY2(json.contains(
                     style == VenueJsonStyle::Compact
                         ? "{\"id\":1,\"number\":\"1\",\"x\":1.5,\"y\":0,\"category\":\"A\",\"rank\":0}"
                         : "{\"id\": 1, \"number\": \"1\", \"x\": 1.5, \"y\": 0, \"category\": \"A\", \"rank\": 0}"),
                 json.constData());
        VenueError error;
        const auto loaded = venueFromJson(json, &error);
        QVERIFY2(loaded, error.message.c_str());
        QVERIFY(loaded->sameContent(venue));
        QCOMPARE(venueToJson(*loaded, style), json);
    }
}

void TestSampleVenues::largeVenue_data()
{
    QTest::addColumn<std::uint32_t>("seats");
    QTest::newRow("100,000") << 100'000u;
    QTest::newRow("250,000") << 250'000u;
}

void TestSampleVenues::largeVenue()
{
    QFETCH(std::uint32_t, seats);
    std::string error;
    const auto venue = generateLargeVenue(LargeVenueSpec { seats, 0 }, &error);
    QVERIFY2(venue, error.c_str());
    QCOMPARE(venue->seatCount(), seats);
    QVERIFY(venue->sections.size() > 100);
    checkVenue(*venue, false);
    if (QTest::currentTestFailed())
        return;
    checkRanks(*venue);
    checkCategoriesGraded(*venue);
    // Deterministic, and the file round-trips.
    const QByteArray json = venueToJson(*venue, VenueJsonStyle::Compact);
    QCOMPARE(venueToJson(*generateLargeVenue(LargeVenueSpec { seats, 0 }), VenueJsonStyle::Compact), json);
    VenueError loadError;
    const auto loaded = venueFromJson(json, &loadError);
    QVERIFY2(loaded, loadError.message.c_str());
    QVERIFY(loaded->sameContent(*venue));
    QCOMPARE(venueToJson(*loaded, VenueJsonStyle::Compact), json);
}

void TestSampleVenues::largeVenueSections()
{
    for (std::uint32_t sections : { 24u, 40u, 64u, 500u }) {
        std::string error;
        const auto venue = generateLargeVenue(LargeVenueSpec { 100'000, sections }, &error);
        QVERIFY2(venue, error.c_str());
        QCOMPARE(venue->seatCount(), 100'000u);
        QCOMPARE(venue->sections.size(), std::size_t(sections));
    }
    const auto small = generateLargeVenue(LargeVenueSpec { kLargeVenueSeatsMin, 8 });
    QVERIFY(small);
    QCOMPARE(small->seatCount(), kLargeVenueSeatsMin);
}

void TestSampleVenues::largeVenueRejectsBadSpecs()
{
    const auto rejected = [](LargeVenueSpec spec, const char* expected) {
        std::string error;
        const bool refused = !generateLargeVenue(spec, &error);
        if (!refused || error.find(expected) == std::string::npos)
            qWarning("seats %u sections %u: \"%s\"", spec.seats, spec.sections, error.c_str());
        return refused && error.find(expected) != std::string::npos;
    };
    QVERIFY(rejected({ kLargeVenueSeatsMin - 1, 0 }, "seats: 999 is not in 1000..2000000"));
    QVERIFY(rejected({ 2'000'001, 0 }, "seats: 2000001 is not in"));
    QVERIFY(rejected({ 100'000, 7 }, "sections: 7 is too few"));
    QVERIFY(rejected({ 100'000, 5'001 }, "sections: 5001 is too many"));
}

void TestSampleVenues::cliRejectsBadInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const auto row = [](const char* name, QStringList arguments, int exitCode, const char* message) {
        QTest::newRow(name) << arguments << exitCode << QString::fromUtf8(message);
    };
    const QString out = QStringLiteral("--out");
    const QString file = QStringLiteral("unused.json");
    row("no command", {}, 2, "usher-venues: name a command: sample, generate or check");
    row("unknown command", { QStringLiteral("build") }, 2, "unknown command \"build\"");
    row("unknown venue", { QStringLiteral("sample"), QStringLiteral("opera"), out, file }, 2,
        "sample: unknown venue \"opera\"");
    row("sample without --out", { QStringLiteral("sample"), QStringLiteral("theatre") }, 2, "sample: give --out FILE");
    row("option without value", { QStringLiteral("sample"), QStringLiteral("theatre"), out }, 2,
        "option --out needs a value");
    row("unknown option", { QStringLiteral("generate"), QStringLiteral("--seat"), QStringLiteral("5") }, 2,
        "generate: unknown option --seat");
    row("seats not a number",
        { QStringLiteral("generate"), QStringLiteral("--seats"), QStringLiteral("lots"), out, file }, 2,
        "--seats \"lots\" is not a whole number");
    row("seats negative", { QStringLiteral("generate"), QStringLiteral("--seats"), QStringLiteral("-5"), out, file }, 2,
        "--seats \"-5\" is not a whole number");
    row("seats too few", { QStringLiteral("generate"), QStringLiteral("--seats"), QStringLiteral("10"), out, file }, 2,
        "seats: 10 is not in 1000..2000000");
    row("sections too few",
        { QStringLiteral("generate"), QStringLiteral("--seats"), QStringLiteral("100000"), QStringLiteral("--sections"),
          QStringLiteral("3"), out, file },
        2, "sections: 3 is too few");
    row("sections zero",
        { QStringLiteral("generate"), QStringLiteral("--seats"), QStringLiteral("100000"), QStringLiteral("--sections"),
          QStringLiteral("0"), out, file },
        2, "--sections \"0\" is not a positive whole number");
    row("check nothing", { QStringLiteral("check") }, 2, "check: name at least one venue file");
    row("check missing file", { QStringLiteral("check"), QStringLiteral("/nonexistent/venue.json") }, 1,
        "/nonexistent/venue.json: cannot read");
    row("write to a missing folder",
        { QStringLiteral("sample"), QStringLiteral("theatre"), out, QStringLiteral("/nonexistent/theatre.json") }, 1,
        "/nonexistent/theatre.json: cannot write");
}

void TestSampleVenues::cliRejectsBadInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QVERIFY2(QFileInfo(toolPath()).isExecutable(), qPrintable(toolPath() + QStringLiteral(" is not built")));
    const ToolRun run = runTool(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestSampleVenues::cliChecksAndRegenerates()
{
    QVERIFY2(QFileInfo(toolPath()).isExecutable(), qPrintable(toolPath() + QStringLiteral(" is not built")));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    // A broken file: the message names the file, the line and the column.
    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    {
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\": \"usher-venue\",\n \"version\": 1,\n \"name\": }\n");
    }
    ToolRun run = runTool({ QStringLiteral("check"), broken });
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(broken + QStringLiteral(": line 3, column "))
                 && run.err.contains(QStringLiteral("JSON syntax error")),
             qPrintable(run.err));

    // A valid file: a summary with the counts.
    const QString theatre = venuesDir() + QStringLiteral("/theatre.json");
    run = runTool({ QStringLiteral("check"), theatre });
    QCOMPARE(run.exitCode, 0);
    const auto venue = sampleTheatre();
    for (const QString& expected :
         { theatre + QStringLiteral(": valid"), QStringLiteral("seats: %1 (").arg(venue->seatCount()),
           QStringLiteral("sections: %1\n").arg(venue->sections.size()),
           QStringLiteral("rows: %1\n").arg(venue->rows.size()), QStringLiteral("areas: 0"),
           QStringLiteral("categories: 4\n"), QStringLiteral("P Premium #6a1b9a: ") })
        QVERIFY2(run.out.contains(expected), qPrintable(run.out));

    // Regenerating every sample gives the committed files byte for byte.
    run = runTool({ QStringLiteral("sample"), QStringLiteral("all"), QStringLiteral("--out-dir"), dir.path() });
    QCOMPARE(run.exitCode, 0);
    for (const SampleVenueInfo& info : sampleVenues()) {
        QFile file(dir.filePath(toQString(info.fileName)));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(file.readAll() == committedFile(info.fileName), info.fileName.data());
    }

    // generate writes exactly the seats asked for.
    const QString large = dir.filePath(QStringLiteral("large.json"));
    run = runTool({ QStringLiteral("generate"), QStringLiteral("--seats"), QStringLiteral("100000"),
                    QStringLiteral("--sections"), QStringLiteral("48"), QStringLiteral("--out"), large });
    QCOMPARE(run.exitCode, 0);
    VenueError error;
    const auto loaded = venueFromJsonFile(large, &error);
    QVERIFY2(loaded, error.message.c_str());
    QCOMPARE(loaded->seatCount(), 100'000u);
    QCOMPARE(loaded->sections.size(), std::size_t(48));
}

QTEST_GUILESS_MAIN(TestSampleVenues)
#include "TestSampleVenues.moc"
