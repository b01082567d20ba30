// Paints every sample venue (resources/venues/*.json) offscreen with a deterministic mix of seat
// states, fitted and zoomed into a section, and checks the pixels at known seats: each shows its
// state's colour, and zoomed-out sections their availability. The theatre and stadium pictures go
// to docs/screenshots/ when USHER_UPDATE_SCREENSHOTS is set.

#include "SeatMapLegend.h"
#include "SeatMapMinimap.h"
#include "SeatMapTestSupport.h"
#include "venue/VenueJson.h"

#include <QDir>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QImage>
#include <QTest>
#include <QVBoxLayout>

using namespace usher;
using namespace usher::ui;
using namespace usher::test;

namespace {

// A lived-in onsale: the best seats (low rank) mostly sold, some held and allocated, a few blocked.
std::vector<SeatDelta> onsaleStates(const Venue& venue)
{
    std::vector<SeatDelta> deltas;
    const double seats = std::max<double>(1, venue.seats.size());
    for (SeatIndex s = 0; s < venue.seats.size(); ++s) {
        const std::uint64_t h = (std::uint64_t(venue.seats[s].id) * 0x9e3779b97f4a7c15ull) >> 40;
        const double roll = double(h % 1000) / 1000.0;
        const double front = 1.0 - double(venue.seats[s].rank) / seats; // 1 for the best seat
        const double sold = 0.15 + 0.45 * front;
        if (roll < sold)
            deltas.push_back(seatState(s, SeatStatus::Sold));
        else if (roll < sold + 0.04)
            deltas.push_back(
                seatState(s, SeatStatus::Held, kOpenPool, Actor { ActorKind::Buyer, h }, 1'900'000'000'000));
        else if (roll < sold + 0.055)
            deltas.push_back(seatState(s, SeatStatus::Held, kOpenPool, counterClerk().actor, 1'900'000'000'000));
        else if (roll < sold + 0.065)
            deltas.push_back(seatState(s, SeatStatus::Blocked));
        else if (venue.seats[s].section % 5 == 2 && roll < sold + 0.25)
            deltas.push_back(seatState(s, SeatStatus::Available, kBoxOfficeChannel));
        else if (venue.seats[s].section % 7 == 3 && roll < sold + 0.2)
            deltas.push_back(seatState(s, SeatStatus::Available, kOnlineChannel));
    }
    return deltas;
}

QImage grabMap(const SeatMapWidget& map)
{
    return map.viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
}

bool near(const QColor& a, const QColor& b, int tolerance)
{
    return qAbs(a.red() - b.red()) <= tolerance && qAbs(a.green() - b.green()) <= tolerance
        && qAbs(a.blue() - b.blue()) <= tolerance;
}

// The colour a seat must show: its state's, or the selection's.
QColor expectedFill(const SeatMapWidget& map, SeatIndex seat)
{
    if (map.isSelected(seat))
        return map.seatPalette().selection;
    return map.seatPalette().stateFill(map.model().state(seat));
}

// Whether a seat shows `want` as its fill: some point of its body, off the mark, the number and the
// backrest (which sit differently by level of detail and rotation), has that colour. A seat drawn in
// the wrong state has the wrong colour at all of them.
bool seatShows(const SeatMapWidget& map, const QImage& image, SeatIndex seat, const QColor& want, QString* seen)
{
    const double px = map.layout().seatSize() * map.scale();
    const QPointF c = map.view().toView(map.layout().position(seat));
    const double a = qDegreesToRadians(double(map.layout().rotation(seat)));
    const QPointF probes[]
        = { { -0.38, 0 }, { 0.38, 0 }, { -0.36, -0.36 }, { 0.36, -0.36 }, { -0.38, 0.22 }, { 0.38, 0.22 } };
    for (const QPointF& local : probes) {
        const double lx = local.x() * px, ly = local.y() * px;
        const QPoint probe
            = (c + QPointF(lx * std::cos(a) - ly * std::sin(a), lx * std::sin(a) + ly * std::cos(a))).toPoint();
        const QColor got = image.pixelColor(probe);
        if (near(got, want, 24))
            return true;
        *seen += got.name() + QLatin1Char(' ');
    }
    return false;
}

// Checks every 7th seat inside the view at a zoom where seats are drawn; returns how many, or -1.
int checkSeatPixels(const SeatMapWidget& map, const QImage& image, QString* problem)
{
    const double px = map.layout().seatSize() * map.scale();
    const QRectF inner = QRectF(QPointF(0, 0), QSizeF(map.viewport()->size())).adjusted(px, px, -px, -px);
    int checked = 0;
    for (SeatIndex s = 0; s < map.model().seatCount(); s += 7) {
        if (!inner.contains(map.view().toView(map.layout().position(s))))
            continue;
        QString seen;
        const QColor want = expectedFill(map, s);
        if (!seatShows(map, image, s, want, &seen)) {
            *problem
                = QStringLiteral("seat %1 (%2): %3expected %4").arg(s).arg(map.seatDescription(s), seen, want.name());
            return -1;
        }
        ++checked;
    }
    return checked;
}

// Zoomed out: each visible section shows its availability colour at one of a few points inside it
// (seats away from its edges and from its label in the middle).
int checkSectionPixels(const SeatMapWidget& map, const QImage& image, QString* problem)
{
    int checked = 0;
    const Venue& venue = map.model().venue();
    for (std::uint32_t i = 0; i < venue.sections.size(); ++i) {
        const VenueSection& section = venue.sections[i];
        const SeatMapModel::SectionCounts& c = map.model().sectionCounts(i);
        const QColor want = map.seatPalette().availabilityFill(double(c.sellable) / c.seats);
        std::vector<SeatIndex> candidates;
        for (std::uint32_t r :
             { section.rowCount / 8, section.rowCount / 2, section.rowCount - 1 - section.rowCount / 8 }) {
            const VenueRow& row = venue.rows[section.firstRow + r];
            for (std::uint32_t n : { row.seatCount / 2, row.seatCount / 8, row.seatCount - 1 - row.seatCount / 8 })
                candidates.push_back(row.firstSeat + n);
        }
        bool visible = false;
        bool matched = false;
        QString seen;
        for (SeatIndex s : candidates) {
            const QPoint p = map.view().toView(map.layout().position(s)).toPoint();
            if (!image.rect().adjusted(2, 2, -2, -2).contains(p))
                continue;
            visible = true;
            const QColor got = image.pixelColor(p);
            matched = matched || near(got, want, 10);
            seen += got.name() + QLatin1Char(' ');
        }
        if (!visible)
            continue;
        if (!matched) {
            *problem
                = QStringLiteral("section %1: %2expected %3").arg(map.layout().sections()[i].name, seen, want.name());
            return -1;
        }
        ++checked;
    }
    return checked;
}

// The map with its minimap and legend beside it, as the documentation shows it.
QImage composedScreenshot(SeatMapWidget& map, QSize size)
{
    QWidget frame;
    frame.setObjectName(QStringLiteral("screenshotFrame"));
    auto* layout = new QHBoxLayout(&frame);
    auto* side = new QVBoxLayout;
    auto* minimap = new SeatMapMinimap(&map, &frame);
    minimap->setFixedSize(240, 170);
    auto* legendBox = new QGroupBox(QCoreApplication::translate("TestSeatMapRender", "Legend"), &frame);
    auto* legendLayout = new QVBoxLayout(legendBox);
    auto* legend = new SeatMapLegend(&map, legendBox);
    legend->setColumns(1);
    legendLayout->addWidget(legend);
    side->addWidget(minimap);
    side->addWidget(legendBox);
    side->addStretch(1);
    auto* oldParent = map.parentWidget();
    layout->addWidget(&map, 1);
    layout->addLayout(side);
    frame.resize(size);
    frame.show();
    QApplication::processEvents();
    const QImage image = frame.grab().toImage();
    map.setParent(oldParent);
    return image;
}

void saveScreenshot(const QImage& image, const QString& name)
{
    QVERIFY(image.save(name, "PNG")); // next to the test binary, always
    if (!qEnvironmentVariableIsSet("USHER_UPDATE_SCREENSHOTS"))
        return;
    const QString path = qEnvironmentVariable("USHER_SOURCE_DIR") + QStringLiteral("/docs/screenshots/") + name;
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QVERIFY2(image.save(path, "PNG"), qPrintable(path));
}

} // namespace

class TestSeatMapRender : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void renderSampleVenue_data();
    void renderSampleVenue();
    void highContrastAndCategoryColours();
};

void TestSeatMapRender::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    if (qEnvironmentVariableIsEmpty("USHER_SOURCE_DIR"))
        QSKIP("USHER_SOURCE_DIR is not set (ctest sets it)");
}

void TestSeatMapRender::renderSampleVenue_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(qEnvironmentVariable("USHER_SOURCE_DIR") + QStringLiteral("/resources/venues"));
    const QStringList files = dir.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 4, qPrintable(dir.path()));
    for (const QString& file : files)
        QTest::newRow(qPrintable(QFileInfo(file).baseName())) << dir.filePath(file);
}

void TestSeatMapRender::renderSampleVenue()
{
    QFETCH(QString, path);
    VenueError error;
    std::shared_ptr<Venue> venue = venueFromJsonFile(path, &error);
    QVERIFY2(venue != nullptr, qPrintable(path));
    MapFixture f(makeSpecFor(venue), QSize(1200, 800));
    setStates(*f.model, onsaleStates(*venue));
    // A few selected seats, so that the selection shows in the pictures too.
    int picked = 0;
    for (SeatIndex s = SeatIndex(venue->seats.size() / 3); s < venue->seats.size() && picked < 4; ++s)
        if (f.model->isSellable(s) && ++picked > 0)
            f.map->toggleSeat(s);
    QCOMPARE(f.map->selectedCount(), std::size_t(4));

    // Fitted: sections or seats, depending on the venue's size.
    f.map->fitToVenue();
    QImage fitted = grabMap(*f.map);
    const QString name = QFileInfo(path).baseName();
    QVERIFY(fitted.save(QStringLiteral("seatmap-%1-fitted.png").arg(name), "PNG"));
    QString problem;
    const int fittedChecked = f.map->detail() == SeatMapDetail::Sections ? checkSectionPixels(*f.map, fitted, &problem)
                                                                         : checkSeatPixels(*f.map, fitted, &problem);
    QVERIFY2(fittedChecked > 0, qPrintable(problem));

    // Zoomed into the section of the first selected seat: seats with marks.
    const SeatIndex focus = f.map->selectedSeats().front();
    f.map->zoomToSection(int(venue->seats[focus].section));
    if (f.map->detail() < SeatMapDetail::Marks)
        f.zoomSeatPx(14, focus);
    QVERIFY(f.map->detail() >= SeatMapDetail::Marks);
    const QImage zoomed = grabMap(*f.map);
    QVERIFY(zoomed.save(QStringLiteral("seatmap-%1-section.png").arg(name), "PNG"));
    const int zoomedChecked = checkSeatPixels(*f.map, zoomed, &problem);
    QVERIFY2(zoomedChecked > 5, qPrintable(problem));

    if (name == QStringLiteral("theatre") || name == QStringLiteral("stadium")) {
        f.map->fitToVenue();
        saveScreenshot(composedScreenshot(*f.map, QSize(1280, 800)), QStringLiteral("seatmap-%1.png").arg(name));
        f.map->resize(1200, 800);
        f.map->zoomToSection(int(venue->seats[focus].section));
        if (name == QStringLiteral("stadium"))
            saveScreenshot(grabMap(*f.map), QStringLiteral("seatmap-%1-zoomed.png").arg(name));
    }
}

void TestSeatMapRender::highContrastAndCategoryColours()
{
    const QString path = qEnvironmentVariable("USHER_SOURCE_DIR") + QStringLiteral("/resources/venues/theatre.json");
    VenueError error;
    std::shared_ptr<Venue> venue = venueFromJsonFile(path, &error);
    QVERIFY2(venue != nullptr, qPrintable(path));
    MapFixture f(makeSpecFor(venue), QSize(1000, 700));
    setStates(*f.model, onsaleStates(*venue));
    f.map->setPaletteKind(SeatMapPalette::Kind::HighContrast);
    f.zoomSeatPx(16, SeatIndex(venue->seats.size() / 2));
    QImage image = grabMap(*f.map);
    QString problem;
    QVERIFY2(checkSeatPixels(*f.map, image, &problem) > 5, qPrintable(problem));
    QCOMPARE(image.pixelColor(2, 2), f.map->seatPalette().background); // black
    // By category: sellable seats take their category's colour, the rest keep their state's.
    f.map->setPaletteKind(SeatMapPalette::Kind::Standard);
    f.map->setColorMode(SeatMapRenderer::ColorMode::Category);
    image = grabMap(*f.map);
    int checked = 0;
    const double px = f.map->layout().seatSize() * f.map->scale();
    const QRectF inner = QRectF(QPointF(0, 0), QSizeF(f.map->viewport()->size())).adjusted(px, px, -px, -px);
    for (SeatIndex s = 0; s < venue->seats.size(); ++s) {
        if (!inner.contains(f.map->view().toView(f.map->layout().position(s))))
            continue;
        const QColor want = f.model->isSellable(s)
            ? QColor(QString::fromStdString(venue->categories[venue->seats[s].category].color))
            : f.map->seatPalette().stateFill(f.model->state(s));
        QString seen;
        QVERIFY2(seatShows(*f.map, image, s, want, &seen),
                 qPrintable(QStringLiteral("%1: %2vs %3").arg(s).arg(seen, want.name())));
        ++checked;
    }
    QVERIFY(checked > 20);
}

QTEST_MAIN(TestSeatMapRender)
#include "TestSeatMapRender.moc"
