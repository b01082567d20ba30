// The seat-map widget without an engine: hit-testing at several zoom levels, level-of-detail
// switching, the selection rules, keyboard navigation, live updates (patched repaints must equal a
// full repaint) and the shard feed on a real engine.

#include "SeatMapFeed.h"
#include "SeatMapTestSupport.h"
#include "runtime/Engine.h"
#include "support/TempDir.h"
#include "venue/VenueGenerator.h"

#include <QImage>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using namespace usher;
using namespace usher::ui;
using namespace usher::test;

namespace {

// Two sections of 5 rows of 10 seats (x = 0..9 and 14..23, rows 1.0 apart) and a standing area.
EventSpec smallEvent()
{
    return makeTestEvent(1, 2, 5, 10, 50);
}

SeatIndex seatOf(const Venue& venue, std::uint32_t section, std::uint32_t row, std::uint32_t n)
{
    return venue.rows[venue.sections[section].firstRow + row].firstSeat + n;
}

QImage renderMap(const SeatMapWidget& map)
{
    return map.viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
}

} // namespace

class TestSeatMapWidget : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void gridIndexFindsEverySeat();
    void hitTestAtZoomLevels();
    void hitTestZoomedOut();
    void hitTestRotatedSeats();
    void levelOfDetailSwitches();
    void zoomKeepsPointUnderCursor();
    void clickTogglesOnlySellableSeats();
    void shiftClickSelectsRunWithinRow();
    void rubberBandRowAndSection();
    void seatTakenElsewhereLeavesSelection();
    void keyboardNavigation();
    void pageKeysJumpSections();
    void arrowKeysWithControlPan();
    void patchedRepaintEqualsFullRepaint();
    void tenThousandChangesApplyQuickly();
    void tooltipsDescribeSeatAreaAndSection();
    void feedFollowsEngine();
};

void TestSeatMapWidget::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestSeatMapWidget::gridIndexFindsEverySeat()
{
    const std::shared_ptr<Venue> venue = generateVenueWithSeats(20'000);
    const SeatMapLayout layout(*venue);
    std::vector<int> found(venue->seats.size(), 0);
    layout.grid().forEachInRect(layout.bounds(), [&found](SeatIndex s) { ++found[s]; });
    QVERIFY(std::all_of(found.begin(), found.end(), [](int n) { return n == 1; }));
    for (SeatIndex s = 0; s < venue->seats.size(); s += 97)
        QCOMPARE(layout.seatAt(layout.position(s)), s);
    // A rectangle around one row's first three seats finds exactly those.
    const VenueRow& row = venue->rows[7];
    const QRectF r
        = QRectF(layout.position(row.firstSeat), layout.position(row.firstSeat + 2)).adjusted(-0.1, -0.1, 0.1, 0.1);
    QCOMPARE(layout.seatsIn(r), (std::vector<SeatIndex> { row.firstSeat, row.firstSeat + 1, row.firstSeat + 2 }));
}

void TestSeatMapWidget::hitTestAtZoomLevels()
{
    MapFixture f(smallEvent());
    const Venue& venue = *f.spec.venue;
    const SeatIndex probe = seatOf(venue, 1, 2, 4);
    for (double px : { 5.0, 12.0, 30.0, 80.0 }) {
        f.zoomSeatPx(px, probe);
        QVERIFY2(f.map->detail() >= SeatMapDetail::Seats, qPrintable(QString::number(px)));
        for (SeatIndex s : { probe, SeatIndex(probe + 1), seatOf(venue, 1, 1, 4), seatOf(venue, 1, 3, 5) }) {
            const QPointF c = f.seatPos(s);
            QCOMPARE(f.map->seatAt(c), s);
            // Just inside the seat's corner still hits; the gap to the neighbour does not.
            const double h = px / 2;
            QCOMPARE(f.map->seatAt(c + QPointF(h * 0.9, -h * 0.9)), s);
            QCOMPARE(f.map->seatAt(c + QPointF(f.map->scale() * 0.5, 0)), kNoSeat);
        }
    }
}

void TestSeatMapWidget::hitTestZoomedOut()
{
    // Zoomed out, seats are not targets: the click goes to the section.
    MapFixture f(makeSpecFor(generateVenueWithSeats(20'000)));
    f.map->fitToVenue();
    QCOMPARE(f.map->detail(), SeatMapDetail::Sections);
    const SeatIndex probe = 12'345;
    QCOMPARE(f.map->seatAt(f.seatPos(probe)), kNoSeat);
    const int section = int(f.spec.venue->seats[probe].section);
    QCOMPARE(f.map->layout().sectionAt(f.map->layout().position(probe)), section);
    // A click there zooms to that section.
    QTest::mouseClick(f.map->viewport(), Qt::LeftButton, Qt::NoModifier, f.seatPos(probe).toPoint());
    QVERIFY(f.map->detail() >= SeatMapDetail::Seats);
    QVERIFY(QRectF(QPointF(0, 0), QSizeF(f.map->viewport()->size())).contains(f.seatPos(probe)));
    QCOMPARE(f.map->seatAt(f.seatPos(probe)), probe);
}

void TestSeatMapWidget::hitTestRotatedSeats()
{
    GeneratedVenueSpec spec;
    spec.sections = 1;
    spec.rowsPerSection = 6;
    spec.seatsPerRow = 20;
    spec.curved = true;
    MapFixture f(makeSpecFor(generateVenue(spec)));
    const SeatMapLayout& layout = f.map->layout();
    SeatIndex rotated = kNoSeat;
    for (SeatIndex s = 0; s < f.model->seatCount() && rotated == kNoSeat; ++s)
        if (std::abs(layout.rotation(s)) > 15)
            rotated = s;
    QVERIFY(rotated != kNoSeat);
    f.zoomSeatPx(60, rotated);
    const double a = qDegreesToRadians(double(layout.rotation(rotated)));
    const QPointF c = f.seatPos(rotated);
    auto local = [&](double x, double y) { // seat-local offset in pixels -> view position
        return c + QPointF(x * std::cos(a) - y * std::sin(a), x * std::sin(a) + y * std::cos(a));
    };
    QCOMPARE(f.map->seatAt(local(27, 27)), rotated); // a corner of the rotated square
    QCOMPARE(f.map->seatAt(local(-27, 27)), rotated);
    // A corner of the unrotated square lies outside the rotated one: not this seat.
    bool triedOutside = false;
    for (const QPointF corner : { QPointF(28, 28), QPointF(-28, 28), QPointF(28, -28), QPointF(-28, -28) }) {
        const double lx = corner.x() * std::cos(-a) - corner.y() * std::sin(-a);
        const double ly = corner.x() * std::sin(-a) + corner.y() * std::cos(-a);
        if (std::abs(lx) < 31 && std::abs(ly) < 31)
            continue; // still inside the seat (rotated by less than it takes)
        triedOutside = true;
        QVERIFY(f.map->seatAt(c + corner) != rotated);
    }
    QVERIFY(triedOutside);
}

void TestSeatMapWidget::levelOfDetailSwitches()
{
    MapFixture f(makeSpecFor(generateVenueWithSeats(20'000)));
    const SeatIndex seat = seatOf(*f.spec.venue, 3, 2, 5);
    const SeatMapModel::SectionCounts counts = f.model->sectionCounts(3);
    setStates(*f.model, { seatState(seat, SeatStatus::Sold) });
    const struct {
        double px;
        SeatMapDetail detail;
    } levels[] = { { 2, SeatMapDetail::Sections },
                   { 5, SeatMapDetail::Seats },
                   { 10, SeatMapDetail::Marks },
                   { 15, SeatMapDetail::Shapes },
                   { 25, SeatMapDetail::Numbers } };
    const SeatMapPalette palette = f.map->seatPalette();
    for (const auto& level : levels) {
        f.zoomSeatPx(level.px, seat);
        QCOMPARE(f.map->detail(), level.detail);
        const QImage image = renderMap(*f.map);
        const QPoint c = f.seatPos(seat).toPoint();
        const QColor pixel = image.pixelColor(c + QPoint(-int(level.px * 0.37), 0)); // off the mark
        if (level.detail == SeatMapDetail::Sections) {
            // A filled section: one sold seat leaves it nearly all green.
            const QColor expected = palette.availabilityFill(double(counts.seats - 1) / counts.seats);
            QVERIFY2(qAbs(pixel.red() - expected.red()) < 8 && qAbs(pixel.green() - expected.green()) < 8,
                     qPrintable(pixel.name() + QStringLiteral(" vs ") + expected.name()));
        } else {
            QCOMPARE(pixel.name(), palette.stateFill(SeatMapState::Sold).name());
        }
    }
}

void TestSeatMapWidget::zoomKeepsPointUnderCursor()
{
    MapFixture f(smallEvent());
    // Zoomed in past the venue's size, so that the view can move freely around the point.
    const QPointF world = f.map->layout().bounds().center() + QPointF(2, 1);
    f.map->setView(30 / double(f.map->layout().seatSize()), f.map->layout().bounds().center());
    const QPointF before = f.map->view().toView(world);
    QWheelEvent wheel(before, f.map->viewport()->mapToGlobal(before), QPoint(), QPoint(0, 240), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(f.map->viewport(), &wheel);
    QVERIFY(f.map->scale() > 30 / double(f.map->layout().seatSize()) * 1.4);
    const QPointF after = f.map->view().toView(world);
    QVERIFY2(QLineF(before, after).length() < 1.0, qPrintable(QStringLiteral("%1,%2").arg(after.x()).arg(after.y())));
    // And back out, about the same point.
    QWheelEvent out(before, f.map->viewport()->mapToGlobal(before), QPoint(), QPoint(0, -120), Qt::NoButton,
                    Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(f.map->viewport(), &out);
    QVERIFY(QLineF(before, f.map->view().toView(world)).length() < 1.0);
}

void TestSeatMapWidget::clickTogglesOnlySellableSeats()
{
    MapFixture f(smallEvent());
    const Venue& venue = *f.spec.venue;
    const SeatIndex free = seatOf(venue, 0, 1, 1), sold = seatOf(venue, 0, 1, 2), mine = seatOf(venue, 0, 1, 3),
                    others = seatOf(venue, 0, 1, 4), held = seatOf(venue, 0, 1, 5);
    setStates(*f.model,
              { seatState(sold, SeatStatus::Sold), seatState(mine, SeatStatus::Available, kBoxOfficeChannel),
                seatState(others, SeatStatus::Available, kOnlineChannel),
                seatState(held, SeatStatus::Held, kOpenPool, Actor { ActorKind::Buyer, 3 }, 1000) });
    f.zoomSeatPx(20, free);
    QSignalSpy spy(f.map.get(), &SeatMapWidget::selectionChanged);
    QTest::mouseClick(f.map->viewport(), Qt::LeftButton, Qt::NoModifier, f.seatPos(free).toPoint());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.last().at(0).value<QList<quint32>>(), QList<quint32> { venue.seats[free].id });
    for (SeatIndex s : { sold, others, held })
        QTest::mouseClick(f.map->viewport(), Qt::LeftButton, Qt::NoModifier, f.seatPos(s).toPoint());
    QCOMPARE(spy.count(), 1); // none of them can be sold here
    QTest::mouseClick(f.map->viewport(), Qt::LeftButton, Qt::NoModifier, f.seatPos(mine).toPoint());
    QCOMPARE(spy.last().at(0).value<QList<quint32>>(), (QList<quint32> { venue.seats[free].id, venue.seats[mine].id }));
    QTest::mouseClick(f.map->viewport(), Qt::LeftButton, Qt::NoModifier, f.seatPos(free).toPoint()); // toggles off
    QCOMPARE(spy.last().at(0).value<QList<quint32>>(), QList<quint32> { venue.seats[mine].id });
    QCOMPARE(f.map->selectedCount(), std::size_t(1));
}

void TestSeatMapWidget::shiftClickSelectsRunWithinRow()
{
    MapFixture f(smallEvent());
    const Venue& venue = *f.spec.venue;
    const SeatIndex from = seatOf(venue, 0, 2, 1), to = seatOf(venue, 0, 2, 7), sold = seatOf(venue, 0, 2, 4);
    setStates(*f.model, { seatState(sold, SeatStatus::Sold) });
    f.zoomSeatPx(18, seatOf(venue, 0, 2, 4));
    QTest::mouseClick(f.map->viewport(), Qt::LeftButton, Qt::NoModifier, f.seatPos(from).toPoint());
    QTest::mouseClick(f.map->viewport(), Qt::LeftButton, Qt::ShiftModifier, f.seatPos(to).toPoint());
    std::vector<SeatIndex> expected;
    for (SeatIndex s = from; s <= to; ++s)
        if (s != sold)
            expected.push_back(s);
    QCOMPARE(f.map->selectedSeats(), expected);
    // Shift-click in another row does not run across rows: it toggles that one seat.
    const SeatIndex below = seatOf(venue, 0, 3, 2);
    QTest::mouseClick(f.map->viewport(), Qt::LeftButton, Qt::ShiftModifier, f.seatPos(below).toPoint());
    QCOMPARE(f.map->selectedCount(), expected.size() + 1);
    QVERIFY(f.map->isSelected(below));
}

void TestSeatMapWidget::rubberBandRowAndSection()
{
    MapFixture f(smallEvent());
    const Venue& venue = *f.spec.venue;
    const SeatIndex blocked = seatOf(venue, 0, 1, 1);
    setStates(*f.model, { seatState(blocked, SeatStatus::Blocked) });
    f.zoomSeatPx(16, seatOf(venue, 0, 2, 3));
    // Shift-drag from between seats (0,0)-(1,1) to between (2,2)-(3,3): a 3 x 3 block, minus the blocked one.
    const QPointF start = (f.seatPos(seatOf(venue, 0, 0, 0)) + f.seatPos(seatOf(venue, 0, 1, 1))) / 2;
    const QPointF end = (f.seatPos(seatOf(venue, 0, 3, 3)) + f.seatPos(seatOf(venue, 0, 4, 4))) / 2;
    QTest::mousePress(f.map->viewport(), Qt::LeftButton, Qt::ShiftModifier, start.toPoint());
    QTest::mouseMove(f.map->viewport(), ((start + end) / 2).toPoint());
    QTest::mouseMove(f.map->viewport(), end.toPoint());
    QTest::mouseRelease(f.map->viewport(), Qt::LeftButton, Qt::ShiftModifier, end.toPoint());
    std::vector<SeatIndex> expected;
    for (std::uint32_t r = 1; r <= 3; ++r)
        for (std::uint32_t n = 1; n <= 3; ++n)
            if (seatOf(venue, 0, r, n) != blocked)
                expected.push_back(seatOf(venue, 0, r, n));
    QCOMPARE(f.map->selectedSeats(), expected);

    f.map->clearSelection();
    QCOMPARE(f.map->selectedCount(), std::size_t(0));
    f.map->selectRow(venue.seats[blocked].row);
    QCOMPARE(f.map->selectedCount(), std::size_t(9)); // 10 seats, one blocked
    f.map->clearSelection();
    f.map->selectSection(1);
    QCOMPARE(f.map->selectedCount(), std::size_t(50));
    // A double-click selects the seat's row.
    f.map->clearSelection();
    QTest::mouseDClick(f.map->viewport(), Qt::LeftButton, Qt::NoModifier, f.seatPos(seatOf(venue, 0, 4, 4)).toPoint());
    QCOMPARE(f.map->selectedCount(), std::size_t(10));
}

void TestSeatMapWidget::seatTakenElsewhereLeavesSelection()
{
    MapFixture f(smallEvent());
    const SeatIndex a = seatOf(*f.spec.venue, 1, 0, 0), b = a + 1;
    f.map->toggleSeat(a);
    f.map->toggleSeat(b);
    QSignalSpy spy(f.map.get(), &SeatMapWidget::selectionChanged);
    setStates(*f.model, { seatState(a, SeatStatus::Held, kOpenPool, Actor { ActorKind::Buyer, 9 }) });
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.last().at(0).value<QList<quint32>>(), QList<quint32> { f.spec.venue->seats[b].id });
    QCOMPARE(f.model->state(a), SeatMapState::HeldByOthers);
    // My own hold is not selectable either, but is shown as mine.
    setStates(*f.model, { seatState(b, SeatStatus::Held, kOpenPool, counterClerk().actor) });
    QCOMPARE(f.model->state(b), SeatMapState::HeldByMe);
    QCOMPARE(f.map->selectedCount(), std::size_t(0));
}

void TestSeatMapWidget::keyboardNavigation()
{
    MapFixture f(smallEvent());
    const Venue& venue = *f.spec.venue;
    f.map->setFocus();
    const SeatIndex start = seatOf(venue, 0, 2, 8);
    f.map->setFocusSeat(start);
    QVERIFY(f.map->detail() >= SeatMapDetail::Marks); // focusing zoomed in far enough to see seats
    QTest::keyClick(f.map.get(), Qt::Key_Right);
    QCOMPARE(f.map->focusSeat(), start + 1);
    QTest::keyClick(f.map.get(), Qt::Key_Right); // the end of the row: stays
    QCOMPARE(f.map->focusSeat(), start + 1);
    QTest::keyClick(f.map.get(), Qt::Key_Home);
    QCOMPARE(f.map->focusSeat(), seatOf(venue, 0, 2, 0));
    QTest::keyClick(f.map.get(), Qt::Key_Down);
    QCOMPARE(f.map->focusSeat(), seatOf(venue, 0, 3, 0));
    QTest::keyClick(f.map.get(), Qt::Key_Up);
    QTest::keyClick(f.map.get(), Qt::Key_Up);
    QCOMPARE(f.map->focusSeat(), seatOf(venue, 0, 1, 0));
    QTest::keyClick(f.map.get(), Qt::Key_End);
    QCOMPARE(f.map->focusSeat(), seatOf(venue, 0, 1, 9));
    QSignalSpy spy(f.map.get(), &SeatMapWidget::selectionChanged);
    QTest::keyClick(f.map.get(), Qt::Key_Space);
    QVERIFY(f.map->isSelected(seatOf(venue, 0, 1, 9)));
    QTest::keyClick(f.map.get(), Qt::Key_Left);
    QTest::keyClick(f.map.get(), Qt::Key_Left);
    QTest::keyClick(f.map.get(), Qt::Key_Return, Qt::ShiftModifier); // a run from the last toggled seat
    QCOMPARE(f.map->selectedCount(), std::size_t(3));
    QTest::keyClick(f.map.get(), Qt::Key_Enter);
    QVERIFY(!f.map->isSelected(seatOf(venue, 0, 1, 7)));
    QTest::keyClick(f.map.get(), Qt::Key_Escape);
    QCOMPARE(f.map->selectedCount(), std::size_t(0));
    QCOMPARE(spy.count(), 4);
    QTest::keyClick(f.map.get(), Qt::Key_R);
    QCOMPARE(f.map->selectedCount(), std::size_t(10));
    // The focus seat is always on screen.
    const QRectF visible(QPointF(0, 0), QSizeF(f.map->viewport()->size()));
    QVERIFY(visible.contains(f.map->seatRectInView(f.map->focusSeat())));
    // Zoom keys.
    const double scale = f.map->scale();
    QTest::keyClick(f.map.get(), Qt::Key_Plus);
    QVERIFY(f.map->scale() > scale);
    QTest::keyClick(f.map.get(), Qt::Key_Minus);
    QTest::keyClick(f.map.get(), Qt::Key_Minus);
    QVERIFY(f.map->scale() < scale);
    QTest::keyClick(f.map.get(), Qt::Key_0);
    QCOMPARE(f.map->scale(), f.map->fitScale());
}

void TestSeatMapWidget::pageKeysJumpSections()
{
    MapFixture f(smallEvent());
    const Venue& venue = *f.spec.venue;
    f.map->setFocus();
    QTest::keyClick(f.map.get(), Qt::Key_PageDown);
    QCOMPARE(f.map->focusSeat(), seatOf(venue, 0, 0, 0));
    QTest::keyClick(f.map.get(), Qt::Key_PageDown);
    QCOMPARE(f.map->focusSeat(), seatOf(venue, 1, 0, 0));
    QVERIFY(f.map->detail() >= SeatMapDetail::Seats);
    QTest::keyClick(f.map.get(), Qt::Key_PageDown); // the last section: stays
    QCOMPARE(venue.seats[f.map->focusSeat()].section, 1u);
    QTest::keyClick(f.map.get(), Qt::Key_PageUp);
    QCOMPARE(f.map->focusSeat(), seatOf(venue, 0, 0, 0));
    QTest::keyClick(f.map.get(), Qt::Key_S);
    QCOMPARE(f.map->selectedCount(), std::size_t(50));
}

void TestSeatMapWidget::arrowKeysWithControlPan()
{
    MapFixture f(smallEvent());
    f.zoomSeatPx(30, seatOf(*f.spec.venue, 0, 2, 5));
    f.map->setFocus();
    const QPointF center = f.map->view().center;
    const int scroll = f.map->horizontalScrollBar()->value();
    QTest::keyClick(f.map.get(), Qt::Key_Right, Qt::ControlModifier);
    QVERIFY(f.map->view().center.x() > center.x());
    QVERIFY(f.map->horizontalScrollBar()->value() > scroll); // the scroll bar follows
    QCOMPARE(f.map->focusSeat(), kNoSeat);
    // And the scroll bar pans the map.
    const QPointF before = f.map->view().center;
    f.map->verticalScrollBar()->setValue(f.map->verticalScrollBar()->value() + 20);
    QVERIFY(f.map->view().center.y() > before.y());
    // A drag pans by exactly the distance dragged.
    const QPointF seatBefore = f.seatPos(seatOf(*f.spec.venue, 0, 2, 5));
    QTest::mousePress(f.map->viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(300, 200));
    QTest::mouseMove(f.map->viewport(), QPoint(320, 210));
    QTest::mouseMove(f.map->viewport(), QPoint(340, 220));
    QTest::mouseRelease(f.map->viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(340, 220));
    const QPointF moved = f.seatPos(seatOf(*f.spec.venue, 0, 2, 5)) - seatBefore;
    QVERIFY2(QLineF(moved, QPointF(40, 20)).length() < 0.5,
             qPrintable(QStringLiteral("%1,%2").arg(moved.x()).arg(moved.y())));
    QCOMPARE(f.map->selectedCount(), std::size_t(0)); // a drag is not a click
}

void TestSeatMapWidget::patchedRepaintEqualsFullRepaint()
{
    for (double px : { 6.0, 11.0, 24.0 }) {
        MapFixture f(smallEvent());
        const Venue& venue = *f.spec.venue;
        f.zoomSeatPx(px, seatOf(venue, 0, 2, 5));
        renderMap(*f.map); // fills the cache
        std::vector<SeatDelta> changes;
        for (std::uint32_t n = 0; n < 10; n += 2)
            changes.push_back(seatState(seatOf(venue, 0, 2, n), SeatStatus::Sold));
        changes.push_back(seatState(seatOf(venue, 0, 3, 3), SeatStatus::Blocked));
        setStates(*f.model, changes);
        f.map->toggleSeat(seatOf(venue, 0, 1, 1));
        const QImage patched = renderMap(*f.map);
        // A second widget on the same model paints everything from scratch.
        SeatMapWidget fresh(*f.model);
        fresh.resize(f.map->size());
        fresh.show();
        QApplication::processEvents();
        fresh.setView(f.map->scale(), f.map->view().center);
        fresh.toggleSeat(seatOf(venue, 0, 1, 1));
        const QImage full = renderMap(fresh);
        QCOMPARE(patched.size(), full.size());
        int different = 0;
        for (int y = 0; y < full.height(); ++y)
            for (int x = 0; x < full.width(); ++x)
                different += patched.pixel(x, y) != full.pixel(x, y) ? 1 : 0;
        QVERIFY2(different == 0, qPrintable(QStringLiteral("%1 pixels differ at %2 px").arg(different).arg(px)));
    }
}

void TestSeatMapWidget::tenThousandChangesApplyQuickly()
{
    MapFixture f(makeSpecFor(generateVenueWithSeats(100'000)), QSize(1280, 800));
    f.zoomSeatPx(6, SeatIndex(50'000));
    renderMap(*f.map);
    std::vector<SeatDelta> changes;
    for (SeatIndex s = 0; s < 100'000; s += 10)
        changes.push_back(seatState(s, SeatStatus::Sold));
    QElapsedTimer timer;
    timer.start();
    setStates(*f.model, changes);
    const QImage image = renderMap(*f.map);
    const qint64 ms = timer.elapsed();
    qInfo("10,000 changes applied and painted in %lld ms", ms);
    QVERIFY2(ms < 1000, "stalled"); // a hang guard only; usher-bench seatmap measures
    // Every changed seat in view shows as sold.
    const SeatMapPalette palette = f.map->seatPalette();
    int checked = 0;
    for (const SeatDelta& d : changes) {
        const QPointF c = f.seatPos(d.seat);
        if (!QRectF(10, 10, 1260, 780).contains(c))
            continue;
        QCOMPARE(image.pixelColor(c.toPoint()).name(), palette.stateFill(SeatMapState::Sold).name());
        ++checked;
    }
    QVERIFY(checked > 100);
}

void TestSeatMapWidget::tooltipsDescribeSeatAreaAndSection()
{
    MapFixture f(smallEvent());
    const Venue& venue = *f.spec.venue;
    const SeatIndex seat = seatOf(venue, 0, 1, 2);
    const Timestamp expiry = QDateTime(QDate(2030, 1, 1), QTime(20, 31)).toMSecsSinceEpoch();
    setStates(*f.model, { seatState(seat, SeatStatus::Held, kOpenPool, Actor { ActorKind::Buyer, 4 }, expiry) });
    f.zoomSeatPx(20, seat);
    const QString tip = f.map->toolTipAt(f.seatPos(seat));
    QVERIFY2(tip.contains(QStringLiteral("Section 1, row B, seat 3")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Category A · 50.00 EUR")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("held by someone else until 8:31")), qPrintable(tip));
    f.map->fitToVenue();
    const QPointF area = f.map->view().toView(f.map->layout().areaOutlines().front().boundingRect().center());
    QVERIFY2(f.map->toolTipAt(area).contains(QStringLiteral("standing: 50 of 50 places left")),
             qPrintable(f.map->toolTipAt(area)));
    // Between seats, the section.
    const QPointF between = f.map->view().toView(f.map->layout().position(seat) + QPointF(0.5, 0.5));
    const QString section = f.map->toolTipAt(between);
    QVERIFY2(section.contains(QStringLiteral("49 of 50 seats available")), qPrintable(section));
}

void TestSeatMapWidget::feedFollowsEngine()
{
    TempDir dir;
    EngineOptions options;
    options.dataDirectory = dir.path();
    options.synchronousFull = false;
    std::string error;
    std::unique_ptr<Engine> engine = Engine::open(options, &error);
    QVERIFY2(engine != nullptr, error.c_str());
    QCOMPARE(engine->createEvent(makeTestEvent(5, 2, 5, 10, 50), &error), Status::Ok);
    EventShard* shard = engine->event(5);
    QVERIFY(shard != nullptr);
    {
        SeatMapModel model(shard->spec(), counterClerk());
        SeatMapFeed feed(*shard, model);
        QVERIFY(feed.isLoaded());
        QSignalSpy changed(&model, &SeatMapModel::seatsChanged);
        Command hold;
        hold.kind = CommandKind::HoldSeats;
        hold.key = IdempotencyKey::fromString("seatmap-feed-hold");
        hold.actor = counterClerk().actor;
        hold.channel = kBoxOfficeChannel;
        hold.seats = { 3, 4 };
        const CommandResult held = shard->execute(hold);
        QCOMPARE(held.status, Status::Ok);
        QTRY_COMPARE(model.state(2), SeatMapState::HeldByMe);
        QCOMPARE(model.state(3), SeatMapState::HeldByMe);
        QVERIFY(model.info(2).expiresAt > 0);
        QCOMPARE(changed.count(), 1); // one batch, one signal
        QCOMPARE(model.sectionCounts(0).sellable, 48u);
    }
    engine->close();
}

QTEST_MAIN(TestSeatMapWidget)
#include "TestSeatMapWidget.moc"
