// The main window on a real engine with the demo data: the event list, keyboard selection, the seat
// table against the ledger, live updates through the shard's subscription, the reload after a
// storage failure, both models under QAbstractItemModelTester, the translations, and the
// screenshot for the user guide.

#include "DemoData.h"
#include "EventListModel.h"
#include "MainWindow.h"
#include "SeatMapWidget.h"
#include "SeatStateModel.h"
#include "SeatStateStyle.h"
#include "Translations.h"
#include "core/Assert.h"
#include "runtime/Engine.h"
#include "support/FaultVfs.h"
#include "support/TempDir.h"
#include "support/TestEvents.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QPixmap>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTranslator>

#include <memory>
#include <optional>
#include <string>
#include <vector>

using namespace usher;
using namespace usher::ui;

namespace {

constexpr EventId kDemoNight = 1;
constexpr EventId kStudio = 2;

struct SeatState {
    SeatStatus status = SeatStatus::Available;
    ChannelId allocation = kOpenPool;
};

std::vector<SeatState> readSeats(EventShard& shard)
{
    std::vector<SeatState> seats;
    shard.read([&seats](const Ledger& ledger) {
        for (SeatIndex s = 0; s < ledger.venue().seatCount(); ++s) {
            const SeatView view = ledger.seat(s);
            seats.push_back({ view.status, view.allocation });
        }
    });
    return seats;
}

Command holdCommand(const std::string& key, std::vector<SeatId> seats)
{
    Command c;
    c.kind = CommandKind::HoldSeats;
    c.key = IdempotencyKey::fromString(key);
    c.actor = Actor { ActorKind::Buyer, 77 };
    c.channel = 1;
    c.seats = std::move(seats);
    return c;
}

Command releaseCommand(const std::string& key, HoldId hold)
{
    Command c;
    c.kind = CommandKind::Release;
    c.key = IdempotencyKey::fromString(key);
    c.actor = Actor { ActorKind::Buyer, 77 };
    c.channel = 1;
    c.hold = hold;
    return c;
}

// The first row of the shown section with `count` adjacent seats that are available in the open pool.
std::optional<std::pair<int, int>> findAvailableRun(const SeatStateModel& model, int count)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        int run = 0;
        for (int column = 0; column < model.columnCount(); ++column) {
            const QModelIndex cell = model.index(row, column);
            const bool free = cell.data(SeatStateModel::DisplayStateRole).toInt() == int(SeatDisplayState::Available);
            run = free ? run + 1 : 0;
            if (run == count)
                return std::make_pair(row, column - count + 1);
        }
    }
    return std::nullopt;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void demoDataIsLivedIn();
    void demoDataIsCreatedOnce();
    void eventListShowsEvents();
    void keyboardSelectsEventAndSection();
    void seatTableMatchesEngine();
    void liveUpdates();
    void otherEventsRefreshOnTimer();
    void resetReloadsEverything();
    void translationsAreComplete();
    void screenshot();

private:
    MainWindow& window();
    EventShard& shard(EventId id);

    std::unique_ptr<test::TempDir> m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(installTranslations(*qApp, QLocale())); // English plural forms
    m_dir = std::make_unique<test::TempDir>();
    EngineOptions options;
    options.dataDirectory = m_dir->path();
    options.synchronousFull = false;
    std::string error;
    m_engine = Engine::open(options, &error);
    QVERIFY2(m_engine != nullptr, error.c_str());
    QString demoError;
    QVERIFY2(ensureDemoData(*m_engine, &demoError), qPrintable(demoError));
}

void TestMainWindow::cleanupTestCase()
{
    m_window.reset(); // before the engine: the models hold its shards
    if (m_engine != nullptr)
        m_engine->close();
}

MainWindow& TestMainWindow::window()
{
    if (m_window == nullptr) {
        m_window = std::make_unique<MainWindow>(*m_engine);
        m_window->show();
        m_window->activateWindow();
        if (!QTest::qWaitForWindowActive(m_window.get()))
            qWarning("the window did not become active; keyboard focus checks may fail");
    }
    return *m_window;
}

EventShard& TestMainWindow::shard(EventId id)
{
    EventShard* found = m_engine->event(id);
    USHER_ASSERT(found != nullptr);
    return *found;
}

void TestMainWindow::demoDataIsLivedIn()
{
    QCOMPARE(m_engine->events(), (std::vector<EventId> { kDemoNight, kStudio }));
    LedgerCounts night;
    LedgerCounts studio;
    QVERIFY(shard(kDemoNight).read([&night](const Ledger& ledger) { night = ledger.counts(); }));
    QVERIFY(shard(kStudio).read([&studio](const Ledger& ledger) { studio = ledger.counts(); }));
    const std::uint32_t seats = shard(kDemoNight).spec().venue->seatCount();
    QCOMPARE(night.allocated, 40u);
    QCOMPARE(night.blocked, 10u);
    QCOMPARE(night.held, 15u);
    QVERIFY2(night.sold >= seats / 4 && night.sold <= seats / 4 + 12, qPrintable(QString::number(night.sold)));
    QVERIFY(night.areaSold >= 75 && night.areaHeld == 4);
    QCOMPARE(shard(kDemoNight).spec().name, std::string("Usher Demo Night"));
    QCOMPARE(studio.sold + studio.held + studio.blocked, 0u); // the second event is fresh
}

void TestMainWindow::demoDataIsCreatedOnce()
{
    Seq before = 0;
    shard(kDemoNight).read([&before](const Ledger& ledger) { before = ledger.lastSeq(); });
    QString error;
    QVERIFY(ensureDemoData(*m_engine, &error));
    Seq after = 0;
    shard(kDemoNight).read([&after](const Ledger& ledger) { after = ledger.lastSeq(); });
    QCOMPARE(after, before);
    QCOMPARE(m_engine->events().size(), std::size_t(2));
}

void TestMainWindow::eventListShowsEvents()
{
    MainWindow& w = window();
    auto* list = w.findChild<QListView*>(QStringLiteral("eventList"));
    QVERIFY(list != nullptr);
    EventListModel* events = w.eventModel();
    QAbstractItemModelTester tester(events, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(list->model(), events);
    QCOMPARE(events->rowCount(), 2);
    // Sorted by start: the demo night (in 30 days) before the studio (in 45).
    QCOMPARE(events->index(0).data(EventListModel::NameRole).toString(), QStringLiteral("Usher Demo Night"));
    QCOMPARE(events->index(1).data(EventListModel::NameRole).toString(), QStringLiteral("Late Jazz in the Studio"));
    QCOMPARE(events->index(0).data(EventListModel::VenueRole).toString(), QStringLiteral("Usher Concert Hall"));
    for (int row = 0; row < 2; ++row) {
        const QModelIndex index = events->index(row);
        EventShard& s = shard(index.data(EventListModel::EventIdRole).toULongLong());
        LedgerCounts counts;
        s.read([&counts](const Ledger& ledger) { counts = ledger.counts(); });
        const Venue& venue = *s.spec().venue;
        const quint64 capacity = venue.seatCount() + venue.areaCapacityTotal();
        const quint64 available = counts.available + venue.areaCapacityTotal() - counts.areaHeld - counts.areaSold;
        QCOMPARE(index.data(EventListModel::CapacityRole).toULongLong(), capacity);
        QCOMPARE(index.data(EventListModel::AvailableRole).toULongLong(), available);
        const QString text = index.data().toString();
        QVERIFY2(text.contains(QStringLiteral("%1 of %2 places available")
                                   .arg(QLocale().toString(available), QLocale().toString(capacity))),
                 qPrintable(text));
    }
    QCOMPARE(list->currentIndex().row(), 0); // the first event is shown from the start
    QCOMPARE(w.windowTitle(), QStringLiteral("Usher — Usher Demo Night"));
}

void TestMainWindow::keyboardSelectsEventAndSection()
{
    MainWindow& w = window();
    auto* list = w.findChild<QListView*>(QStringLiteral("eventList"));
    auto* tabs = w.findChild<QTabBar*>(QStringLiteral("sectionTabBar"));
    auto* table = w.findChild<QTableView*>(QStringLiteral("seatTable"));
    QVERIFY(list != nullptr && tabs != nullptr && table != nullptr);

    list->setFocus();
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(list->currentIndex().row(), 1);
    QCOMPARE(w.windowTitle(), QStringLiteral("Usher — Late Jazz in the Studio"));
    QVERIFY(w.seatModel() != nullptr);
    QCOMPARE(w.seatModel()->eventId(), kStudio);
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(tabs->tabText(0), QStringLiteral("Section 1"));

    QTest::keyClick(list, Qt::Key_Up);
    QCOMPARE(w.seatModel()->eventId(), kDemoNight);
    QCOMPARE(tabs->count(), 4);
    QCOMPARE(tabs->tabText(0), QStringLiteral("Stalls"));

    // Tab moves from the list to the seat views' tabs, then into the seat map; on the seat list tab,
    // from the sections into the seats.
    auto* views = w.findChild<QTabWidget*>(QStringLiteral("seatViewTabs"));
    QVERIFY(views != nullptr && w.seatMap() != nullptr);
    QCOMPARE(views->currentIndex(), 0); // the map comes first
    if (QApplication::activeWindow() == &w) {
        QTest::keyClick(list, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), views->tabBar());
        QTest::keyClick(views->tabBar(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), w.seatMap());
        QTest::keyClick(views->tabBar(), Qt::Key_Right);
        QCOMPARE(views->currentIndex(), 1);
        tabs->setFocus(Qt::TabFocusReason);
        QCOMPARE(QApplication::focusWidget(), tabs);
        QTest::keyClick(tabs, Qt::Key_Right);
        QCOMPARE(tabs->currentIndex(), 1);
        QCOMPARE(w.seatModel()->section(), 1);
        QCOMPARE(w.seatModel()->rowCount(), 16); // "Left block": 16 rows of 10
        QCOMPARE(w.seatModel()->columnCount(), 10);
        QTest::keyClick(tabs, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), table);
        QTest::keyClick(table, Qt::Key_Right); // the seat details follow the current cell
        auto* details = w.findChild<QLabel*>(QStringLiteral("seatDetailsLabel"));
        QVERIFY(details->text().startsWith(QStringLiteral("Left block, row ")));
        QTest::keyClick(tabs, Qt::Key_Left);
        views->setCurrentIndex(0);
    } else {
        QSKIP("no active window on this platform: focus chain not testable");
    }
    QCOMPARE(w.seatModel()->section(), 0);
}

void TestMainWindow::seatTableMatchesEngine()
{
    MainWindow& w = window();
    auto* tabs = w.findChild<QTabBar*>(QStringLiteral("sectionTabBar"));
    SeatStateModel* model = w.seatModel();
    QVERIFY(model != nullptr && model->eventId() == kDemoNight);
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Venue& venue = *shard(kDemoNight).spec().venue;
    const std::vector<SeatState> seats = readSeats(shard(kDemoNight));
    for (int section = 0; section < tabs->count(); ++section) {
        tabs->setCurrentIndex(section);
        const VenueSection& s = venue.sections[std::size_t(section)];
        QCOMPARE(model->rowCount(), int(s.rowCount));
        for (std::uint32_t r = 0; r < s.rowCount; ++r) {
            const VenueRow& row = venue.rows[s.firstRow + r];
            QCOMPARE(model->headerData(int(r), Qt::Vertical).toString(), QString::fromStdString(row.name));
            for (std::uint32_t k = 0; k < row.seatCount; ++k) {
                const SeatIndex seat = row.firstSeat + k;
                const QModelIndex cell = model->index(int(r), int(k));
                QCOMPARE(model->indexOfSeat(seat), cell);
                QCOMPARE(cell.data(SeatStateModel::SeatIndexRole).toUInt(), seat);
                QCOMPARE(cell.data(SeatStateModel::SeatStatusRole).toInt(), int(seats[seat].status));
                QCOMPARE(cell.data(SeatStateModel::AllocationRole).toUInt(), uint(seats[seat].allocation));
                const SeatDisplayState state = SeatStateStyle::displayState(seats[seat].status, seats[seat].allocation);
                QCOMPARE(cell.data().toString(),
                         SeatStateStyle::cellText(QString::fromStdString(venue.seats[seat].number), state));
            }
            for (int k = int(row.seatCount); k < model->columnCount(); ++k)
                QCOMPARE(model->flags(model->index(int(r), k)), Qt::NoItemFlags);
        }
    }
    tabs->setCurrentIndex(0);

    // The house seats: row K of the stalls, seats 11 to 20, blocked, with a glyph and words.
    const QModelIndex house = model->index(10, 10);
    QCOMPARE(house.data().toString(), QStringLiteral("11\u2715"));
    const VenueSeat& houseSeat = venue.seats[model->seatAt(house)];
    const Amount housePrice = shard(kDemoNight).spec().price(houseSeat.category, 0);
    QCOMPARE(house.data(Qt::ToolTipRole).toString(),
             QStringLiteral("Stalls, row K, seat 11 — %1 — %2.%3 EUR — blocked")
                 .arg(QString::fromStdString(venue.categories[houseSeat.category].name))
                 .arg(housePrice / 100)
                 .arg(housePrice % 100, 2, 10, QLatin1Char('0')));
    QCOMPARE(house.data(Qt::BackgroundRole).value<QBrush>().color(),
             SeatStateStyle::background(SeatDisplayState::Blocked));
    // The box office's allocation: the front rows of the left block.
    tabs->setCurrentIndex(1);
    bool sawAllocated = false;
    for (int column = 0; column < model->columnCount(); ++column) {
        const QModelIndex cell = model->index(0, column);
        QCOMPARE(cell.data(SeatStateModel::AllocationRole).toUInt(), 2u);
        if (cell.data(SeatStateModel::DisplayStateRole).toInt() == int(SeatDisplayState::Allocated)) {
            sawAllocated = true;
            QVERIFY(cell.data(Qt::ToolTipRole).toString().endsWith(QStringLiteral("allocated to Box office 1")));
        }
    }
    QVERIFY(sawAllocated);
    tabs->setCurrentIndex(0);
}

void TestMainWindow::liveUpdates()
{
    MainWindow& w = window();
    SeatStateModel* model = w.seatModel();
    QVERIFY(model != nullptr && model->eventId() == kDemoNight && model->section() == 0);
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    EventShard& night = shard(kDemoNight);
    const auto run = findAvailableRun(*model, 4);
    QVERIFY(run.has_value());
    std::vector<SeatId> ids;
    for (int k = 0; k < 4; ++k)
        ids.push_back(night.spec().venue->seats[model->seatAt(model->index(run->first, run->second + k))].id);
    const QModelIndex first = model->index(run->first, run->second);
    const QString number = QString::fromStdString(night.spec().venue->seats[model->seatAt(first)].number);
    const quint64 availableBefore = w.eventModel()->index(0).data(EventListModel::AvailableRole).toULongLong();
    const quint32 heldBefore = model->counts()[SeatDisplayState::Held];

    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    const CommandResult held = night.execute(holdCommand("ui-test-live-hold", ids));
    QCOMPARE(held.status, Status::Ok);
    QTRY_COMPARE(first.data(SeatStateModel::DisplayStateRole).toInt(), int(SeatDisplayState::Held));
    QCOMPARE(first.data().toString(), SeatStateStyle::cellText(number, SeatDisplayState::Held));
    QVERIFY(first.data(Qt::ToolTipRole).toString().endsWith(QStringLiteral("held via Online")));
    // One batch, one row: one dataChanged covering exactly the four seats.
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), first);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), model->index(run->first, run->second + 3));
    QCOMPARE(model->counts()[SeatDisplayState::Held], heldBefore + 4);
    QTRY_COMPARE(w.eventModel()->index(0).data(EventListModel::AvailableRole).toULongLong(), availableBefore - 4);
    auto* totals = w.findChild<QLabel*>(QStringLiteral("totalsLabel"));
    QVERIFY2(totals->text().contains(QStringLiteral("%1 held").arg(heldBefore + 4)), qPrintable(totals->text()));

    // A change in a section that is not shown moves the totals, not the cells.
    changed.clear();
    const VenueRow& balconyRow = night.spec().venue->rows[night.spec().venue->sections[3].firstRow];
    const std::vector<SeatState> states = readSeats(night);
    SeatIndex balconySeat = balconyRow.firstSeat;
    while (balconySeat < balconyRow.firstSeat + balconyRow.seatCount
           && (states[balconySeat].status != SeatStatus::Available || states[balconySeat].allocation != kOpenPool))
        ++balconySeat;
    QVERIFY(balconySeat < balconyRow.firstSeat + balconyRow.seatCount);
    const CommandResult other
        = night.execute(holdCommand("ui-test-live-balcony", { night.spec().venue->seats[balconySeat].id }));
    QCOMPARE(other.status, Status::Ok);
    QTRY_COMPARE(model->counts()[SeatDisplayState::Held], heldBefore + 5);
    QCOMPARE(changed.count(), 0);

    QCOMPARE(night.execute(releaseCommand("ui-test-live-release", held.hold)).status, Status::Ok);
    QCOMPARE(night.execute(releaseCommand("ui-test-live-release-balcony", other.hold)).status, Status::Ok);
    QTRY_COMPARE(first.data(SeatStateModel::DisplayStateRole).toInt(), int(SeatDisplayState::Available));
    QCOMPARE(first.data().toString(), number);
    QTRY_COMPARE(model->counts()[SeatDisplayState::Held], heldBefore);
    QTRY_COMPARE(w.eventModel()->index(0).data(EventListModel::AvailableRole).toULongLong(), availableBefore);
}

void TestMainWindow::otherEventsRefreshOnTimer()
{
    MainWindow& w = window();
    EventListModel* events = w.eventModel();
    QAbstractItemModelTester tester(events, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(w.seatModel()->eventId(), kDemoNight); // the studio is not shown: only the timer updates it
    const int row = events->rowOfEvent(kStudio);
    const quint64 before = events->index(row).data(EventListModel::AvailableRole).toULongLong();
    EventShard& studio = shard(kStudio);
    const SeatId seat = studio.spec().venue->seats.front().id;
    const CommandResult held = studio.execute(holdCommand("ui-test-studio-hold", { seat }));
    QCOMPARE(held.status, Status::Ok);
    QTRY_COMPARE_WITH_TIMEOUT(events->index(row).data(EventListModel::AvailableRole).toULongLong(), before - 1,
                              EventListModel::kRefreshMs * 5);
    QCOMPARE(studio.execute(releaseCommand("ui-test-studio-release", held.hold)).status, Status::Ok);
    QTRY_COMPARE_WITH_TIMEOUT(events->index(row).data(EventListModel::AvailableRole).toULongLong(), before,
                              EventListModel::kRefreshMs * 5);
}

// Published::reset comes after a failed commit, when the shard rebuilds its state from storage.
// Fail one write through the fault VFS and check that the model reloads and shows durable state.
void TestMainWindow::resetReloadsEverything()
{
    test::TempDir dir;
    EngineOptions options;
    options.dataDirectory = dir.path();
    options.sqliteVfs = test::FaultVfs::instance().name();
    options.shard.tickMs = 20;
    std::string error;
    std::unique_ptr<Engine> engine = Engine::open(options, &error);
    QVERIFY2(engine != nullptr, error.c_str());
    QCOMPARE(engine->createEvent(test::makeTestEvent(9, 2, 5, 10, 50), &error), Status::Ok);
    EventShard* shard = engine->event(9);
    {
        SeatStateModel model(*shard);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.isLoaded());
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.columnCount(), 10);
        QCOMPARE(model.areas().size(), std::size_t(1));
        QSignalSpy reloaded(&model, &SeatStateModel::reloaded);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        QCOMPARE(shard->execute(holdCommand("ui-test-reset-ok", { 1, 2 })).status, Status::Ok);
        QTRY_COMPARE(model.index(0, 0).data(SeatStateModel::DisplayStateRole).toInt(), int(SeatDisplayState::Held));

        test::FaultVfs::instance().failWritesFrom(1, /*persistent=*/false);
        const Status failed = shard->execute(holdCommand("ui-test-reset-fails", { 3 })).status;
        test::FaultVfs::instance().disarm();
        QCOMPARE(failed, Status::StorageFailed);
        QTRY_VERIFY(reloaded.count() >= 1);
        QVERIFY(reset.count() >= 1);
        QCOMPARE(model.index(0, 0).data(SeatStateModel::DisplayStateRole).toInt(), int(SeatDisplayState::Held));
        QCOMPARE(model.index(0, 2).data(SeatStateModel::DisplayStateRole).toInt(), int(SeatDisplayState::Available));
        QCOMPARE(model.counts()[SeatDisplayState::Held], 2u);
        QCOMPARE(model.counts().standingCapacity, 50u);

        // And it goes on following the shard.
        QTRY_COMPARE(shard->execute(holdCommand("ui-test-reset-after", { 4 })).status, Status::Ok);
        QTRY_COMPARE(model.index(0, 3).data(SeatStateModel::DisplayStateRole).toInt(), int(SeatDisplayState::Held));
        QCOMPARE(model.counts()[SeatDisplayState::Held], 3u);
    }
    test::FaultVfs::instance().reset();
    engine->close();
}

void TestMainWindow::translationsAreComplete()
{
    const QString sourceDir = qEnvironmentVariable("USHER_SOURCE_DIR");
    if (sourceDir.isEmpty())
        QSKIP("USHER_SOURCE_DIR is not set (ctest sets it)");
    for (const QString& language : { QStringLiteral("de"), QStringLiteral("fr"), QStringLiteral("en") }) {
        QFile ts(sourceDir + QStringLiteral("/translations/usher_%1.ts").arg(language));
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
        const QByteArray xml = ts.readAll();
        QVERIFY2(!xml.contains("type=\"unfinished\""), qPrintable(ts.fileName() + QStringLiteral(": unfinished")));
        QVERIFY2(!xml.contains("type=\"vanished\"") && !xml.contains("type=\"obsolete\""), qPrintable(ts.fileName()));
        QVERIFY(xml.contains("<message"));
    }
    // The embedded .qm files load and translate, plural forms included.
    QTranslator german;
    QVERIFY(
        german.load(QLocale(QLocale::German), QStringLiteral("usher"), QStringLiteral("_"), QStringLiteral(":/i18n")));
    QCOMPARE(german.translate("usher::ui::MainWindow", "Legend"), QStringLiteral("Legende"));
    QTranslator french;
    QVERIFY(
        french.load(QLocale(QLocale::French), QStringLiteral("usher"), QStringLiteral("_"), QStringLiteral(":/i18n")));
    QCOMPARE(french.translate("usher::ui::MainWindow", "%Ln sold", "seats", 1), QStringLiteral("%Ln vendue"));
    QCOMPARE(french.translate("usher::ui::MainWindow", "%Ln sold", "seats", 3), QStringLiteral("%Ln vendues"));
}

void TestMainWindow::screenshot()
{
    const QString sourceDir = qEnvironmentVariable("USHER_SOURCE_DIR");
    if (sourceDir.isEmpty())
        QSKIP("USHER_SOURCE_DIR is not set (ctest sets it)");
    MainWindow& w = window();
    w.resize(1280, 800);
    auto* list = w.findChild<QListView*>(QStringLiteral("eventList"));
    list->setCurrentIndex(w.eventModel()->index(0));
    auto* table = w.findChild<QTableView*>(QStringLiteral("seatTable"));
    // A sold seat as the current cell, so the details line shows what a tooltip would.
    SeatStateModel* model = w.seatModel();
    for (int column = 0; column < model->columnCount(); ++column) {
        const QModelIndex cell = model->index(0, column);
        if (cell.data(SeatStateModel::DisplayStateRole).toInt() == int(SeatDisplayState::Sold)) {
            table->setCurrentIndex(cell);
            break;
        }
    }
    // The seat map in front, with a few seats selected and the keyboard focus on the first.
    auto* views = w.findChild<QTabWidget*>(QStringLiteral("seatViewTabs"));
    views->setCurrentIndex(0);
    SeatMapWidget* map = w.seatMap();
    QVERIFY(map != nullptr);
    int picked = 0;
    for (SeatIndex s = map->model().seatCount() / 3; s < map->model().seatCount() && picked < 3; ++s)
        if (map->model().isSellable(s) && map->model().isSellable(s + 1) && map->model().isSellable(s + 2))
            picked = 3, map->selectRun(s, s + 2);
    QCOMPARE(map->selectedCount(), std::size_t(3));
    map->setFocus();
    QTest::qWait(200); // let layouts and queued updates settle
    // Always next to the test binary; into docs/ only when asked, since the demo's dates change
    // daily and would dirty the tree on every run.
    const QPixmap shot = w.grab();
    QVERIFY(shot.save(QStringLiteral("main-window.png"), "PNG"));
    if (qEnvironmentVariableIsSet("USHER_UPDATE_SCREENSHOTS")) {
        const QString path = sourceDir + QStringLiteral("/docs/screenshots/main-window.png");
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QVERIFY2(shot.save(path, "PNG"), qPrintable(path));
    }
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
