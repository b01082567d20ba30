// The venue designer's headless model (engine/venue/VenueDesign): numbering and row names, row
// generation (straight, curved, rotated), edits, validation (labels, overlaps through the grid, on
// 50,000 seats too), conversion, import errors and the undo records.

#include "core/Limits.h"
#include "venue/VenueDesign.h"

#include <QElapsedTimer>
#include <QStringList>
#include <QTest>

#include <cmath>

using namespace usher;

namespace {

VenueDesign designWithCategories()
{
    VenueDesign design;
    design.meta.name = "Test hall";
    addCategory(&design, "A", "Category A");
    addCategory(&design, "B", "Category B");
    return design;
}

std::vector<SeatId> idsOfRow(const DesignRow& row)
{
    std::vector<SeatId> ids;
    for (const DesignSeat& s : row.seats)
        ids.push_back(s.id);
    return ids;
}

std::vector<std::string> numbersOfRow(const DesignRow& row)
{
    std::vector<std::string> numbers;
    for (const DesignSeat& s : row.seats)
        numbers.push_back(s.number);
    return numbers;
}

bool hasIssue(const std::vector<DesignIssue>& issues, DesignIssueKind kind)
{
    return std::any_of(issues.begin(), issues.end(), [kind](const DesignIssue& i) { return i.kind == kind; });
}

std::string firstIssue(const std::vector<DesignIssue>& issues)
{
    return issues.empty() ? std::string() : issues.front().message;
}

} // namespace

class TestVenueDesign : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void numbering_data();
    void numbering();
    void rowNaming();
    void straightRows();
    void curvedRows();
    void rotatedRows();
    void rowSpecValidation();
    void edits();
    void validationFindsDuplicatesAndOverlaps();
    void validationOnLargeVenue();
    void buildExportImportRoundTrip();
    void importErrors();
    void undoRecords();
};

void TestVenueDesign::numbering_data()
{
    QTest::addColumn<int>("scheme");
    QTest::addColumn<int>("start");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("expected");
    QTest::newRow("left to right") << int(Numbering::LeftToRight) << 1 << QString() << QStringLiteral("1 2 3 4 5");
    QTest::newRow("right to left, prefix") << int(Numbering::RightToLeft) << 1 << QStringLiteral("L")
                                           << QStringLiteral("L5 L4 L3 L2 L1");
    QTest::newRow("from 101") << int(Numbering::LeftToRight) << 101 << QString() << QStringLiteral("101 102 103 104 105");
    QTest::newRow("odd") << int(Numbering::OddLeftToRight) << 1 << QString() << QStringLiteral("1 3 5 7 9");
    QTest::newRow("odd from 2") << int(Numbering::OddLeftToRight) << 2 << QString() << QStringLiteral("3 5 7 9 11");
    QTest::newRow("even") << int(Numbering::EvenLeftToRight) << 1 << QString() << QStringLiteral("2 4 6 8 10");
    QTest::newRow("odd/even from centre") << int(Numbering::OddEvenFromCentre) << 1 << QStringLiteral("R")
                                          << QStringLiteral("R5 R3 R1 R2 R4");
}

void TestVenueDesign::numbering()
{
    QFETCH(int, scheme);
    QFETCH(int, start);
    QFETCH(QString, prefix);
    QFETCH(QString, expected);
    const auto numbers = seatNumbers(5, { Numbering(scheme), std::uint32_t(start), prefix.toStdString() });
    QStringList got;
    for (const std::string& n : numbers)
        got << QString::fromStdString(n);
    QCOMPARE(got.join(QLatin1Char(' ')), expected);
    QVERIFY(seatNumbers(0, {}).empty());
    // Six seats from the centre: three odd on the left, three even on the right.
    QCOMPARE(seatNumbers(6, { Numbering::OddEvenFromCentre, 1, {} }),
             (std::vector<std::string> { "5", "3", "1", "2", "4", "6" }));
}

void TestVenueDesign::rowNaming()
{
    QCOMPARE(rowNames("A", 3), (std::vector<std::string> { "A", "B", "C" }));
    QCOMPARE(rowNames("Y", 4), (std::vector<std::string> { "Y", "Z", "AA", "AB" }));
    QCOMPARE(rowNames("b", 2), (std::vector<std::string> { "b", "c" }));
    QCOMPARE(rowNames("1", 3), (std::vector<std::string> { "1", "2", "3" }));
    QCOMPARE(rowNames("L9", 2), (std::vector<std::string> { "L9", "L10" }));
    QCOMPARE(rowNames("Box", 3), (std::vector<std::string> { "Box", "Box 2", "Box 3" }));
}

void TestVenueDesign::straightRows()
{
    RowSpec spec;
    spec.rows = 2;
    spec.seatsPerRow = 5;
    spec.seatSpacing = 1.0;
    spec.rowSpacing = 1.5;
    spec.origin = { 10, 20 };
    const auto rows = generateRows(spec, 100);
    QCOMPARE(rows.size(), std::size_t(2));
    QCOMPARE(rows[0].name, std::string("A"));
    QCOMPARE(rows[1].name, std::string("B"));
    QCOMPARE(rows[0].seats.front().id, SeatId(100));
    QCOMPARE(rows[1].seats.back().id, SeatId(109));
    // The origin is the middle of the first row; seats run left to right, one spacing apart.
    QCOMPARE(rows[0].seats[2].x, 10.0f);
    QCOMPARE(rows[0].seats[2].y, 20.0f);
    QCOMPARE(rows[0].seats[0].x, 8.0f);
    QCOMPARE(rows[0].seats[4].x, 12.0f);
    QCOMPARE(rows[1].seats[0].y, 21.5f); // behind, away from the stage
    for (const DesignSeat& s : rows[0].seats)
        QCOMPARE(s.rotation, 0.0f);
}

void TestVenueDesign::curvedRows()
{
    RowSpec spec;
    spec.rows = 3;
    spec.seatsPerRow = 21;
    spec.seatSpacing = 1.0;
    spec.rowSpacing = 1.2;
    spec.curvature = 60;
    const auto rows = generateRows(spec, 1);
    // The first row spans 60 degrees: radius = length / angle; the centre is towards the stage.
    const double radius0 = 20.0 / (60 * M_PI / 180);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const double radius = radius0 + r * 1.2;
        for (std::size_t i = 0; i < rows[r].seats.size(); ++i) {
            const DesignSeat& s = rows[r].seats[i];
            QVERIFY2(std::abs(std::hypot(s.x, s.y + radius0) - radius) < 1e-3, "every seat on its arc");
            if (i > 0) {
                const DesignSeat& p = rows[r].seats[i - 1];
                QVERIFY(std::abs(std::hypot(s.x - p.x, s.y - p.y) - 1.0) < 0.01); // chord ~ spacing
                QVERIFY(s.x > p.x);
            }
        }
        // The ends come forward (towards the stage) and face the centre.
        QVERIFY(rows[r].seats.front().y < rows[r].seats[10].y);
        QVERIFY(rows[r].seats.front().rotation > 0);
        QVERIFY(rows[r].seats.back().rotation < 0);
        QCOMPARE(rows[r].seats[10].rotation, 0.0f);
    }
    QCOMPARE(rows[0].seats.front().rotation, rows[0].seats.back().rotation * -1);
    QVERIFY(std::abs(rows[0].seats.front().rotation - 30) < 0.01);
}

void TestVenueDesign::rotatedRows()
{
    RowSpec spec;
    spec.seatsPerRow = 3;
    spec.rotation = 90; // clockwise: the row now runs top to bottom
    spec.origin = { 5, 5 };
    const auto rows = generateRows(spec, 1);
    QVERIFY(std::abs(rows[0].seats[0].x - 5) < 1e-5);
    QVERIFY(std::abs(rows[0].seats[0].y - 4) < 1e-5);
    QVERIFY(std::abs(rows[0].seats[2].y - 6) < 1e-5);
    QCOMPARE(rows[0].seats[1].rotation, 90.0f);
}

void TestVenueDesign::rowSpecValidation()
{
    RowSpec spec;
    QVERIFY(validateRowSpec(spec, 1).empty());
    RowSpec bad = spec;
    bad.seatsPerRow = 0;
    QVERIFY(!validateRowSpec(bad, 1).empty());
    bad = spec;
    bad.seatsPerRow = limits::rowSeatsMax + 1;
    QVERIFY(!validateRowSpec(bad, 1).empty());
    bad = spec;
    bad.seatSpacing = 0;
    QVERIFY(!validateRowSpec(bad, 1).empty());
    bad = spec;
    bad.curvature = std::nan("");
    QVERIFY(!validateRowSpec(bad, 1).empty());
    bad = spec;
    bad.category = 3;
    QVERIFY(!validateRowSpec(bad, 2).empty());
    VenueDesign design = designWithCategories();
    addSection(&design, "Stalls");
    QVERIFY(!addRows(&design, 0, bad));
    QVERIFY(!addRows(&design, 5, spec));
    QCOMPARE(design.seatCount(), std::size_t(0));
}

void TestVenueDesign::edits()
{
    VenueDesign design = designWithCategories();
    const std::uint32_t stalls = addSection(&design, "Stalls");
    RowSpec spec;
    spec.rows = 3;
    spec.seatsPerRow = 4;
    QVERIFY(addRows(&design, stalls, spec));
    QCOMPARE(design.seatCount(), std::size_t(12));
    QCOMPARE(design.meta.nextSeatId, SeatId(13));

    QVERIFY(renameRow(&design, stalls, 1, "BB"));
    QVERIFY(!renameRow(&design, stalls, 1, "BB")); // no change
    QVERIFY(renameSection(&design, stalls, "Parterre"));

    // Renumbering takes whole rows: one seat of row A renumbers all of A, right to left with a prefix.
    const SeatId firstOfA = design.sections[0].rows[0].seats[0].id;
    QCOMPARE(renumberRows(&design, { firstOfA }, { Numbering::RightToLeft, 1, "P" }), std::size_t(4));
    QCOMPARE(numbersOfRow(design.sections[0].rows[0]), (std::vector<std::string> { "P4", "P3", "P2", "P1" }));
    QCOMPARE(numbersOfRow(design.sections[0].rows[1]), (std::vector<std::string> { "1", "2", "3", "4" }));

    const auto rowB = idsOfRow(design.sections[0].rows[1]);
    QCOMPARE(setSeatFlags(&design, { rowB[0], rowB[1] }, SeatWheelchair | SeatAisle, true), std::size_t(2));
    QCOMPARE(design.sections[0].rows[1].seats[0].flags, std::uint8_t(SeatWheelchair | SeatAisle));
    QCOMPARE(setSeatFlags(&design, { rowB[0] }, SeatAisle, false), std::size_t(1));
    QCOMPARE(design.sections[0].rows[1].seats[0].flags, std::uint8_t(SeatWheelchair));
    QCOMPARE(paintCategory(&design, rowB, 1), std::size_t(4));
    QCOMPARE(paintCategory(&design, rowB, 1), std::size_t(0));
    QCOMPARE(paintCategory(&design, rowB, 9), std::size_t(0)); // no such category

    // Deleting every seat of a row removes the row; the section stays.
    QCOMPARE(deleteSeats(&design, rowB), std::size_t(4));
    QCOMPARE(design.sections[0].rows.size(), std::size_t(2));
    QCOMPARE(design.sections[0].rows[1].name, std::string("C"));
    // New seats never reuse ids.
    QVERIFY(addRows(&design, stalls, spec));
    QCOMPARE(design.sections[0].rows[2].seats[0].id, SeatId(13));

    const std::uint32_t standing = addArea(&design, "Standing", 300, 1, {});
    QCOMPARE(design.meta.areas[standing].id, AreaId(1));
    QVERIFY(updateArea(&design, standing, "Floor", 250, 0));
    QCOMPARE(design.meta.areas[standing].capacity, 250u);
    setStage(&design, "Stage", { 0, -2 }, 12, 4);
    QCOMPARE(design.meta.stage.outline.size(), std::size_t(4));
    setStage(&design, "", {}, 0, 0);
    QVERIFY(design.meta.stage.outline.empty());
    QVERIFY(deleteArea(&design, standing));
    QVERIFY(!deleteArea(&design, standing));
    QCOMPARE(addCategory(&design, "A", "Again"), 2);
    QCOMPARE(design.meta.categories[2].key, std::string("A2")); // keys stay unique
    QVERIFY(deleteSection(&design, stalls));
    QCOMPARE(design.seatCount(), std::size_t(0));
}

void TestVenueDesign::validationFindsDuplicatesAndOverlaps()
{
    VenueDesign design = designWithCategories();
    QVERIFY(hasIssue(validateDesign(design), DesignIssueKind::NothingToSell));
    addSection(&design, "Stalls");
    RowSpec spec;
    spec.rows = 2;
    spec.seatsPerRow = 6;
    QVERIFY(addRows(&design, 0, spec));
    QCOMPARE(firstIssue(validateDesign(design)), std::string());

    // A second, empty section is reported.
    addSection(&design, "Balcony");
    auto issues = validateDesign(design);
    QCOMPARE(issues.size(), std::size_t(1));
    QCOMPARE(issues[0].kind, DesignIssueKind::EmptySection);
    QVERIFY(deleteSection(&design, 1));

    // A duplicate label: two seats "3" in row A.
    design.sections[0].rows[0].seats[3].number = "3";
    issues = validateDesign(design);
    QCOMPARE(issues.size(), std::size_t(1));
    QCOMPARE(issues[0].kind, DesignIssueKind::DuplicateLabel);
    QCOMPARE(QString::fromStdString(issues[0].message), QStringLiteral("Stalls, row A, seat 3: the label appears 2 times"));
    QCOMPARE(issues[0].seats, (std::vector<SeatId> { design.sections[0].rows[0].seats[2].id, design.sections[0].rows[0].seats[3].id }));
    design.sections[0].rows[0].seats[3].number = "4";

    // The same rows generated again on top: every seat overlaps, and the row names clash.
    QVERIFY(addRows(&design, 0, spec));
    issues = validateDesign(design);
    QVERIFY(hasIssue(issues, DesignIssueKind::DuplicateRow));
    QVERIFY(hasIssue(issues, DesignIssueKind::DuplicateLabel));
    std::size_t overlaps = 0;
    for (const DesignIssue& issue : issues) {
        if (issue.kind != DesignIssueKind::OverlappingSeats)
            continue;
        ++overlaps;
        QCOMPARE(issue.seats.size(), std::size_t(2));
        QVERIFY(issue.message.find(" overlaps ") != std::string::npos);
    }
    QCOMPARE(overlaps, std::size_t(12));

    // Just under the distance overlaps, just over does not.
    VenueDesign two = designWithCategories();
    addSection(&two, "S");
    spec.rows = 1;
    spec.seatsPerRow = 2;
    spec.seatSpacing = 0.49;
    QVERIFY(addRows(&two, 0, spec));
    QVERIFY(hasIssue(validateDesign(two), DesignIssueKind::OverlappingSeats));
    two.sections[0].rows[0].seats[1].x = two.sections[0].rows[0].seats[0].x + 0.51f;
    QVERIFY(validateDesign(two).empty());

    // Issues stop at the limit, with a last line counting the rest.
    ValidationOptions few;
    few.issuesMax = 3;
    issues = validateDesign(design, few);
    QCOMPARE(issues.size(), std::size_t(4));
    QVERIFY(issues.back().message.find("more problems") != std::string::npos);
}

void TestVenueDesign::validationOnLargeVenue()
{
    // 50,000 seats in 10 curved blocks: no problem, then one seat moved onto its neighbour is the
    // only overlap found. The grid keeps this linear (the test runs in a fraction of a second, also
    // under ASan); a quadratic check would take 1.25 billion comparisons.
    VenueDesign design = designWithCategories();
    for (int b = 0; b < 10; ++b) {
        addSection(&design, "Block " + std::to_string(b + 1));
        RowSpec spec;
        spec.rows = 50;
        spec.seatsPerRow = 100;
        spec.curvature = 40;
        spec.origin = { (b % 5) * 120.0, (b / 5) * 80.0 };
        QVERIFY(addRows(&design, std::uint32_t(b), spec));
    }
    QCOMPARE(design.seatCount(), std::size_t(50'000));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(validateDesign(design).empty());
    DesignSeat& moved = design.sections[7].rows[20].seats[50];
    moved.x = design.sections[7].rows[20].seats[51].x - 0.1f;
    moved.y = design.sections[7].rows[20].seats[51].y;
    const auto issues = validateDesign(design);
    qInfo("validating 50,000 seats twice: %lld ms", static_cast<long long>(timer.elapsed()));
    QCOMPARE(issues.size(), std::size_t(1));
    QCOMPARE(issues[0].kind, DesignIssueKind::OverlappingSeats);
    QCOMPARE(issues[0].seats.size(), std::size_t(2));
    QVERIFY(std::find(issues[0].seats.begin(), issues[0].seats.end(), moved.id) != issues[0].seats.end());
}

void TestVenueDesign::buildExportImportRoundTrip()
{
    VenueDesign design = designWithCategories();
    design.meta.city = "Zürich";
    addSection(&design, "Stalls");
    addSection(&design, "Balcony");
    RowSpec spec;
    spec.rows = 3;
    spec.seatsPerRow = 8;
    spec.curvature = 30;
    QVERIFY(addRows(&design, 0, spec));
    spec.origin = { 0, 12 };
    spec.category = 1;
    spec.numbering = { Numbering::OddEvenFromCentre, 1, "B" };
    QVERIFY(addRows(&design, 1, spec));
    setSeatFlags(&design, { 1, 2 }, SeatWheelchair, true);
    addArea(&design, "Standing", 200, 1, { { -5, 20 }, { 5, 20 }, { 5, 25 }, { -5, 25 } });
    setStage(&design, "Stage", { 0, -1 }, 10, 3);

    std::string error;
    const auto venue = buildVenue(design, &error);
    QVERIFY2(venue != nullptr, error.c_str());
    QCOMPARE(venue->seatCount(), 48u);
    QCOMPARE(venue->rows.size(), std::size_t(6));
    QCOMPARE(venue->seatLabel(venue->seatIndex(1)), std::string("Stalls, row A, seat 1"));
    // Ranks: the front middle of the stalls is best.
    const VenueSeat& best = *std::min_element(venue->seats.begin(), venue->seats.end(),
                                              [](const VenueSeat& a, const VenueSeat& b) { return a.rank < b.rank; });
    QCOMPARE(venue->rows[best.row].name, std::string("A"));
    QCOMPARE(venue->sections[best.section].name, std::string("Stalls"));

    const QByteArray json = exportDesignJson(design, &error);
    QVERIFY(!json.isEmpty());
    VenueDesign back;
    QVERIFY2(importDesign(json, ImportFormat::Json, {}, &back, &error), error.c_str());
    QVERIFY(back == design);
    QCOMPARE(exportDesignJson(back, &error), json);

    // A design that does not build says why.
    design.sections[0].rows[0].seats[0].category = 40;
    QVERIFY(buildVenue(design, &error) == nullptr);
    QVERIFY(error.find("category") != std::string::npos);
}

void TestVenueDesign::importErrors()
{
    VenueDesign design;
    std::string error;
    const QByteArray csv = "section,row,seat,x,y,category\nStalls,A,1,0,0,Gold\nStalls,A,2,abc,0,Gold\n";
    QVERIFY(!importDesign(csv, ImportFormat::Csv, "Hall", &design, &error));
    QCOMPARE(error, std::string("line 3, column 4 (x): \"abc\" is not a number"));
    QVERIFY(!importDesign("{\"format\": \"usher-venue\",\n \"version\": 1,\n \"name\": }", ImportFormat::Json, {}, &design, &error));
    QVERIFY2(error.rfind("line 3, column", 0) == 0, error.c_str());
    QVERIFY(importDesign("Stalls,A,1,0,0,Gold\nStalls,A,2,1,0,Silver\n", ImportFormat::Csv, "Hall", &design, &error));
    QCOMPARE(design.meta.name, std::string("Hall"));
    QCOMPARE(design.seatCount(), std::size_t(2));
    QCOMPARE(design.meta.categories.size(), std::size_t(2));
    QCOMPARE(design.meta.nextSeatId, SeatId(3));
    QVERIFY(!importDesignFile(QStringLiteral("/nonexistent/venue.json"), &design, &error));
    QVERIFY(error.find("/nonexistent/venue.json") != std::string::npos);
}

void TestVenueDesign::undoRecords()
{
    VenueDesign design = designWithCategories();
    addSection(&design, "A");
    addSection(&design, "B");
    addSection(&design, "C");
    RowSpec spec;
    for (std::uint32_t s = 0; s < 3; ++s)
        QVERIFY(addRows(&design, s, spec));
    const VenueDesign start = design;

    // Deleting a section in the middle changes the sections after it, and the count.
    VenueDesign next = design;
    QVERIFY(deleteSection(&next, 1));
    next.meta.name = "Renamed";
    const DesignChange change = diffDesigns(design, next);
    QVERIFY(change.metaChanged);
    QCOMPARE(change.sectionIndexesBefore, (std::vector<std::uint32_t> { 1, 2 }));
    QCOMPARE(change.sectionIndexesAfter, (std::vector<std::uint32_t> { 1 }));
    applyChange(&design, change, true);
    QVERIFY(design == next);
    applyChange(&design, change, false);
    QVERIFY(design == start);

    // A paint touches only its section.
    next = design;
    paintCategory(&next, idsOfRow(next.sections[2].rows[0]), 1);
    const DesignChange paint = diffDesigns(design, next);
    QVERIFY(!paint.metaChanged);
    QCOMPARE(paint.sectionIndexesAfter, (std::vector<std::uint32_t> { 2 }));
    applyChange(&design, paint, true);
    QVERIFY(design == next);
    applyChange(&design, paint, false);
    QVERIFY(design == start);
    QVERIFY(diffDesigns(design, design).empty());
}

QTEST_GUILESS_MAIN(TestVenueDesign)
#include "TestVenueDesign.moc"
