// The venue designer (ui/promoter/VenueDesigner): sections, straight and curved rows through the
// form with its live preview, numbering right to left with a prefix, painting, flags, delete, undo
// back to the start and redo, validation (duplicate label, overlapping seats, clickable), export and
// import. Writes docs/screenshots/venue-designer.png with USHER_UPDATE_SCREENSHOTS.

#include "SeatMapWidget.h"
#include "promoter/VenueDesigner.h"
#include "support/TempDir.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <QUndoStack>

using namespace usher;
using namespace usher::ui;

namespace {

std::vector<std::string> rowNumbers(const DesignRow& row)
{
    std::vector<std::string> numbers;
    for (const DesignSeat& s : row.seats)
        numbers.push_back(s.number);
    return numbers;
}

std::vector<SeatId> rowIds(const DesignRow& row)
{
    std::vector<SeatId> ids;
    for (const DesignSeat& s : row.seats)
        ids.push_back(s.id);
    return ids;
}

void saveScreenshot(QWidget* widget, const QString& name)
{
    const QPixmap shot = widget->grab();
    QVERIFY(shot.save(name, "PNG"));
    const QString sourceDir = qEnvironmentVariable("USHER_SOURCE_DIR");
    if (!qEnvironmentVariableIsSet("USHER_UPDATE_SCREENSHOTS") || sourceDir.isEmpty())
        return;
    const QString path = sourceDir + QStringLiteral("/docs/screenshots/") + name;
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QVERIFY(shot.save(path, "PNG"));
}

} // namespace

class TestVenueDesigner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void editUndoRedo();
    void renumberRenameAreasStageUndo();
    void livePreview();
    void validationListsProblems();
    void exportImportRoundTrip();
    void importShowsErrors();
    void screenshot();
};

void TestVenueDesigner::editUndoRedo()
{
    VenueDesigner designer;
    designer.resize(1200, 760);
    designer.show();
    QApplication::setActiveWindow(&designer);
    QVERIFY(QTest::qWaitForWindowActive(&designer));
    const VenueDesign start = designer.design();

    // Add a section through the form.
    designer.findChild<QLineEdit*>(QStringLiteral("sectionNameEdit"))->setText(QStringLiteral("Stalls"));
    QTest::mouseClick(designer.findChild<QPushButton*>(QStringLiteral("addSectionButton")), Qt::LeftButton);
    QCOMPARE(designer.design().sections.size(), std::size_t(1));
    QCOMPARE(designer.design().sections[0].name, std::string("Stalls"));

    // Straight rows, right to left with a prefix, through the Rows form and its button.
    designer.tabs()->setCurrentIndex(1);
    RowSpec straight;
    straight.rows = 3;
    straight.seatsPerRow = 10;
    straight.origin = { 0, 4 };
    straight.numbering = { Numbering::RightToLeft, 1, "S" };
    designer.setRowForm(straight);
    QTest::mouseClick(designer.findChild<QPushButton*>(QStringLiteral("generateRowsButton")), Qt::LeftButton);
    QCOMPARE(designer.design().seatCount(), std::size_t(30));
    QCOMPARE(rowNumbers(designer.design().sections[0].rows[0]).front(), std::string("S10"));
    QCOMPARE(rowNumbers(designer.design().sections[0].rows[0]).back(), std::string("S1"));
    // The new seats are selected on the map, ready for painting.
    QCOMPARE(designer.selection().size(), std::size_t(30));
    QCOMPARE(designer.map()->selectedCount(), std::size_t(30));

    // A curved block in a second section.
    QVERIFY(designer.addSection(QStringLiteral("Balcony")));
    RowSpec curved;
    curved.rows = 2;
    curved.seatsPerRow = 12;
    curved.curvature = 50;
    curved.origin = { 0, 12 };
    curved.firstRowName = "K";
    QVERIFY(designer.generateRows(curved, 1));
    QCOMPARE(designer.design().seatCount(), std::size_t(54));
    const DesignRow& k = designer.design().sections[1].rows[0];
    QCOMPARE(k.name, std::string("K"));
    QVERIFY(k.seats.front().y < k.seats[6].y); // curved: the ends come forward
    QVERIFY(k.seats.front().rotation > 0);

    // Paint row K in category B with the Seats tab.
    designer.selectSeats(rowIds(k));
    QCOMPARE(designer.selection().size(), std::size_t(12));
    designer.tabs()->setCurrentIndex(2);
    designer.findChild<QComboBox*>(QStringLiteral("paintCategoryCombo"))->setCurrentIndex(1);
    QTest::mouseClick(designer.findChild<QPushButton*>(QStringLiteral("paintButton")), Qt::LeftButton);
    for (const DesignSeat& s : designer.design().sections[1].rows[0].seats)
        QCOMPARE(s.category, std::uint16_t(1));

    // A wheelchair flag on the first two seats of row A, by clicking them on the map.
    const DesignRow& a = designer.design().sections[0].rows[0];
    designer.map()->clearSelection();
    designer.map()->fitToVenue();
    QApplication::processEvents();
    for (int i = 0; i < 2; ++i) {
        SeatIndex index = kNoSeat;
        for (SeatIndex s = 0; s < designer.map()->model().seatCount(); ++s)
            if (designer.map()->model().venue().seats[s].id == a.seats[std::size_t(i)].id)
                index = s;
        QVERIFY(index != kNoSeat);
        designer.map()->ensureSeatVisible(index);
        QTest::mouseClick(designer.map()->viewport(), Qt::LeftButton, {},
                          designer.map()->seatRectInView(index).center().toPoint());
    }
    QCOMPARE(designer.selection().size(), std::size_t(2));
    designer.findChild<QCheckBox*>(QStringLiteral("flagCheck%1").arg(int(SeatWheelchair)))->setChecked(true);
    QTest::mouseClick(designer.findChild<QPushButton*>(QStringLiteral("setFlagsButton")), Qt::LeftButton);
    QCOMPARE(designer.design().sections[0].rows[0].seats[0].flags, std::uint8_t(SeatWheelchair));
    QCOMPARE(designer.design().sections[0].rows[0].seats[1].flags, std::uint8_t(SeatWheelchair));
    QCOMPARE(designer.design().sections[0].rows[0].seats[2].flags, std::uint8_t(0));

    // Delete them with the Delete key.
    designer.map()->setFocus();
    QTest::keyClick(designer.map(), Qt::Key_Delete);
    QCOMPARE(designer.design().seatCount(), std::size_t(52));
    QVERIFY(designer.selection().empty());

    // Undo everything back to the start, with Ctrl+Z; redo it all with the action.
    const VenueDesign end = designer.design();
    const int steps = designer.undoStack()->count();
    QCOMPARE(steps, 7); // section, rows, section, rows, paint, flags, delete
    for (int i = 0; i < steps; ++i)
        QTest::keyClick(designer.map(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(designer.design() == start);
    QVERIFY(!designer.action(QStringLiteral("undoAction"))->isEnabled());
    for (int i = 0; i < steps; ++i)
        designer.action(QStringLiteral("redoAction"))->trigger();
    QVERIFY(designer.design() == end);
    QCOMPARE(designer.map()->model().seatCount(), 52u);
}

// The rest of the designer's edits, each one undo step: a rotated block, renumbering odd/even
// from the centre with a prefix, renaming the row, the other three seat flags (set and cleared),
// a standing area with its capacity and the stage. Undone to the start and redone to the end.
void TestVenueDesigner::renumberRenameAreasStageUndo()
{
    VenueDesigner designer;
    designer.resize(1200, 760);
    designer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&designer));
    const VenueDesign start = designer.design();
    QVERIFY(designer.addSection(QStringLiteral("Stalls")));
    RowSpec spec;
    spec.rows = 2;
    spec.seatsPerRow = 8;
    spec.rotation = 30;
    spec.origin = { 0, 6 };
    QVERIFY(designer.generateRows(spec, 0));
    const DesignRow& a = designer.design().sections[0].rows[0];
    QVERIFY(a.seats.front().rotation > 29 && a.seats.front().rotation < 31); // the block is turned
    QVERIFY(a.seats.front().y != a.seats.back().y);

    designer.selectSeats(rowIds(a));
    QVERIFY(designer.renumberSelected(NumberingSpec { Numbering::OddEvenFromCentre, 1, "P" }));
    QCOMPARE(rowNumbers(designer.design().sections[0].rows[0]),
             (std::vector<std::string> { "P7", "P5", "P3", "P1", "P2", "P4", "P6", "P8" }));
    QCOMPARE(rowNumbers(designer.design().sections[0].rows[1]).front(), std::string("1")); // untouched
    QVERIFY(designer.renameSelectedRow(QStringLiteral("AA")));
    QCOMPARE(designer.design().sections[0].rows[0].name, std::string("AA"));

    const std::uint8_t three = SeatCompanion | SeatRestrictedView | SeatAisle;
    QVERIFY(designer.setSelectedFlags(three, true));
    QVERIFY(designer.setSelectedFlags(SeatRestrictedView, false));
    for (const DesignSeat& seat : designer.design().sections[0].rows[0].seats)
        QCOMPARE(seat.flags, std::uint8_t(SeatCompanion | SeatAisle));
    QVERIFY(!designer.setSelectedFlags(SeatRestrictedView, false)); // nothing changes: no undo step

    QVERIFY(designer.addArea(QStringLiteral("Standing"), 400, 0));
    QCOMPARE(designer.design().meta.areas.size(), std::size_t(1));
    QCOMPARE(designer.design().meta.areas[0].capacity, 400u);
    QVERIFY(designer.setStage(QStringLiteral("Stage"), Point { 0, 0 }, 12, 4));
    QCOMPARE(designer.design().meta.stage.label, std::string("Stage"));
    QVERIFY(!designer.design().meta.stage.outline.empty());
    QVERIFY2(designer.validate(),
             designer.issues().empty() ? "" : designer.issues().front().message.c_str()); // it builds
    QVERIFY(designer.savedVenue() != nullptr);

    const VenueDesign end = designer.design();
    const int steps = designer.undoStack()->count();
    QCOMPARE(steps, 8); // section, rows, renumber, rename, flags on, flag off, area, stage
    for (int i = 0; i < steps; ++i)
        designer.undoStack()->undo();
    QVERIFY(designer.design() == start);
    for (int i = 0; i < steps; ++i)
        designer.undoStack()->redo();
    QVERIFY(designer.design() == end);
}

void TestVenueDesigner::livePreview()
{
    VenueDesigner designer;
    designer.resize(1100, 700);
    designer.show();
    QVERIFY(designer.addSection(QStringLiteral("Stalls")));
    designer.tabs()->setCurrentIndex(1);
    auto* seats = designer.findChild<QSpinBox*>(QStringLiteral("seatsPerRowSpin"));
    auto* rows = designer.findChild<QSpinBox*>(QStringLiteral("rowCountSpin"));
    rows->setValue(2);
    seats->setValue(7);
    // The map shows the rows to be added (selected) before anything is added.
    QTRY_VERIFY(designer.previewActive());
    QTRY_COMPARE(designer.map()->model().seatCount(), 14u);
    QCOMPARE(designer.map()->selectedCount(), std::size_t(14));
    QCOMPARE(designer.design().seatCount(), std::size_t(0));
    QCOMPARE(designer.undoStack()->count(), 1);
    seats->setValue(9);
    QTRY_COMPARE(designer.map()->model().seatCount(), 18u);
    // Leaving the tab drops the preview.
    designer.tabs()->setCurrentIndex(0);
    QTRY_VERIFY(!designer.previewActive());
    QCOMPARE(designer.map()->model().seatCount(), 0u);
}

void TestVenueDesigner::validationListsProblems()
{
    VenueDesigner designer;
    designer.resize(1100, 700);
    designer.show();
    QVERIFY(designer.addSection(QStringLiteral("Stalls")));
    RowSpec spec;
    spec.seatsPerRow = 6;
    QVERIFY(designer.generateRows(spec, 0));
    QVERIFY(designer.validate());
    QCOMPARE(designer.issueList()->count(), 0);

    // The same row again, one row further back but named "A" again with the same numbers: duplicate
    // labels. Then a seat moved onto another: overlapping seats.
    spec.origin = { 0, 3 };
    QVERIFY(designer.generateRows(spec, 0));
    VenueDesign broken = designer.design();
    broken.sections[0].rows[1].seats[0].x = broken.sections[0].rows[0].seats[1].x;
    broken.sections[0].rows[1].seats[0].y = broken.sections[0].rows[0].seats[1].y;
    designer.setDesign(broken);
    // Export refuses and lists the problems.
    test::TempDir dir;
    QString error;
    QVERIFY(!designer.exportFile(QString::fromStdString(dir.filePath("broken.json")), &error));
    QVERIFY(!QFile::exists(QString::fromStdString(dir.filePath("broken.json"))));
    QCOMPARE(designer.tabs()->currentIndex(), 4);
    bool duplicate = false, overlap = false;
    int overlapRow = -1;
    for (int i = 0; i < int(designer.issues().size()); ++i) {
        const DesignIssue& issue = designer.issues()[std::size_t(i)];
        duplicate = duplicate || issue.kind == DesignIssueKind::DuplicateLabel;
        if (issue.kind == DesignIssueKind::OverlappingSeats) {
            overlap = true;
            overlapRow = i;
        }
    }
    QVERIFY(duplicate);
    QVERIFY(overlap);
    QCOMPARE(designer.issueList()->count(), int(designer.issues().size()));
    QVERIFY(designer.issueList()->item(overlapRow)->text().contains(QStringLiteral("overlaps")));
    // Clicking the problem selects its seats.
    const QRect itemRect = designer.issueList()->visualItemRect(designer.issueList()->item(overlapRow));
    QTest::mouseClick(designer.issueList()->viewport(), Qt::LeftButton, {}, itemRect.center());
    std::vector<SeatId> selected = designer.selection();
    std::sort(selected.begin(), selected.end());
    std::vector<SeatId> expected = designer.issues()[std::size_t(overlapRow)].seats;
    std::sort(expected.begin(), expected.end());
    QCOMPARE(selected, expected);
}

void TestVenueDesigner::exportImportRoundTrip()
{
    VenueDesigner designer;
    designer.resize(1100, 700);
    QVERIFY(designer.renameVenue(QStringLiteral("Round trip hall")));
    QVERIFY(designer.addSection(QStringLiteral("Stalls")));
    RowSpec spec;
    spec.rows = 4;
    spec.seatsPerRow = 9;
    spec.curvature = 20;
    spec.numbering = { Numbering::OddEvenFromCentre, 1, "" };
    QVERIFY(designer.generateRows(spec, 0));
    QVERIFY(designer.addArea(QStringLiteral("Standing"), 250, 1));
    QVERIFY(designer.setStage(QStringLiteral("Stage"), { 0, 1 }, 12, 4));
    test::TempDir dir;
    const QString path = QString::fromStdString(dir.filePath("hall.json"));
    QString error;
    QVERIFY2(designer.exportFile(path, &error), qPrintable(error));
    const VenueDesign exported = designer.design();

    VenueDesigner other;
    QVERIFY2(other.importFile(path, &error), qPrintable(error));
    QVERIFY(other.design() == exported);
    QCOMPARE(other.undoStack()->count(), 0);
    QCOMPARE(other.map()->model().seatCount(), 36u);
    // Through the action and the file-name seam as well.
    VenueDesigner third;
    third.setNextFileName(path);
    third.action(QStringLiteral("importAction"))->trigger();
    QVERIFY(third.design() == exported);
}

void TestVenueDesigner::importShowsErrors()
{
    VenueDesigner designer;
    test::TempDir dir;
    const QString path = QString::fromStdString(dir.filePath("seats.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("section,row,seat,x,y,category,flags\nStalls,A,1,0,0,A,\nStalls,A,2,1,0,A,vip\n");
    file.close();
    const VenueDesign before = designer.design();
    QString error;
    QVERIFY(!designer.importFile(path, &error));
    QVERIFY2(error.contains(QStringLiteral("line 3, column 7 (flags): unknown flag \"vip\"")), qPrintable(error));
    QVERIFY(designer.design() == before); // nothing lost
    QVERIFY(
        designer.findChild<QLabel*>(QStringLiteral("issueSummaryLabel"))->text().contains(QStringLiteral("line 3")));
}

void TestVenueDesigner::screenshot()
{
    VenueDesigner designer;
    designer.resize(1280, 780);
    designer.show();
    QVERIFY(designer.renameVenue(QStringLiteral("Stadtsaal")));
    designer.findChild<QLineEdit*>(QStringLiteral("categoryNameEdit"))->setText(QStringLiteral("Category C"));
    QTest::mouseClick(designer.findChild<QPushButton*>(QStringLiteral("addCategoryButton")), Qt::LeftButton);
    QVERIFY(designer.setStage(QStringLiteral("Stage"), { 0, -1 }, 16, 5));
    QVERIFY(designer.addSection(QStringLiteral("Stalls")));
    RowSpec stalls;
    stalls.rows = 12;
    stalls.seatsPerRow = 24;
    stalls.curvature = 40;
    stalls.origin = { 0, 5 };
    stalls.numbering = { Numbering::LeftToRight, 1, "" };
    QVERIFY(designer.generateRows(stalls, 0));
    for (int side = 0; side < 2; ++side) {
        QVERIFY(designer.addSection(side == 0 ? QStringLiteral("Left box") : QStringLiteral("Right box")));
        RowSpec box;
        box.rows = 3;
        box.seatsPerRow = 8;
        box.rotation = side == 0 ? 70 : -70;
        box.origin = { side == 0 ? -19.0 : 19.0, 8 };
        box.firstRowName = side == 0 ? "L1" : "R1";
        box.numbering = { Numbering::RightToLeft, 1, side == 0 ? "L" : "R" };
        box.category = 2;
        QVERIFY(designer.generateRows(box, int(designer.design().sections.size()) - 1));
    }
    // Back rows in category B, wheelchair places at the ends of row A.
    std::vector<SeatId> back;
    for (std::size_t r = 7; r < 12; ++r)
        for (const DesignSeat& s : designer.design().sections[0].rows[r].seats)
            back.push_back(s.id);
    designer.selectSeats(back);
    QVERIFY(designer.paintSelected(1));
    const DesignRow& a = designer.design().sections[0].rows[0];
    designer.selectSeats({ a.seats.front().id, a.seats.back().id });
    QVERIFY(designer.setSelectedFlags(SeatWheelchair, true));
    QVERIFY(designer.addArea(QStringLiteral("Standing"), 400, 1));
    // Show the row generator with a balcony being previewed.
    QVERIFY(designer.addSection(QStringLiteral("Balcony")));
    designer.tabs()->setCurrentIndex(1);
    RowSpec balcony;
    balcony.rows = 3;
    balcony.seatsPerRow = 30;
    balcony.curvature = 45;
    balcony.origin = { 0, 32 };
    balcony.firstRowName = "M";
    balcony.category = 0;
    designer.setRowForm(balcony);
    QTRY_VERIFY(designer.previewActive());
    designer.map()->fitToVenue();
    QApplication::processEvents();
    QVERIFY(designer.validate() == false); // the Balcony section has no seats yet
    saveScreenshot(&designer, QStringLiteral("venue-designer.png"));
}

QTEST_MAIN(TestVenueDesigner)
#include "TestVenueDesigner.moc"
