// The audit-log browser against a journal written through a real Engine: the filter bar narrows
// the rows as the commands issued say, text search, the detail pane, CSV export, the live tail,
// and the time-travel map (seat states at chosen rows and slider positions, against a reference
// kept by hand as the commands are issued).

#include "DemoData.h"
#include "SeatMapModel.h"
#include "Translations.h"
#include "admin/AuditCsvExport.h"
#include "admin/AuditLogModel.h"
#include "admin/AuditLogWidget.h"
#include "audit/AuditIndex.h"
#include "runtime/Engine.h"
#include "support/TempDir.h"
#include "support/TestEvents.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSlider>
#include <QSplitter>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

#include <atomic>
#include <map>
#include <set>

using namespace usher;
using namespace usher::ui;

namespace {

constexpr EventId kEvent = 1;
constexpr EventId kOtherEvent = 2;
constexpr Actor kClerk { ActorKind::Clerk, 7 };
constexpr Actor kAdmin { ActorKind::Admin, 3 };
Actor buyer(std::uint64_t id)
{
    return Actor { ActorKind::Buyer, id };
}

using Reference = std::map<SeatId, SeatStatus>; // kEvent's seats 1..100

struct Issued {
    Seq seq = 0;
    Timestamp at = 0;
    CommandKind kind = CommandKind::Expire;
    bool ok = true;
    Actor actor;
    std::set<SeatId> seats;
};

} // namespace

class TestAuditBrowser : public QObject {
    Q_OBJECT

private:
    CommandResult run(EventId event, Timestamp at, Command c, std::set<SeatId> seats);
    std::set<Seq> expected(const std::function<bool(const Issued&)>& match) const;
    std::set<Seq> shownSeqs() const; // of kEvent rows in the model
    Reference referenceAt(Seq seq) const;
    Reference mapStates() const;
    void waitForMap(Seq seq);
    int rowOfSeq(Seq seq) const;

    std::unique_ptr<test::TempDir> m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<AuditLogWidget> m_widget;
    std::atomic<Timestamp> m_now { 0 };
    std::uint64_t m_keys = 0;
    std::vector<Issued> m_issued;
    std::map<Seq, Reference> m_reference;
    Reference m_seats;
    OrderId m_order = 0;

private Q_SLOTS:
    void init();
    void cleanup();
    void filtersNarrowTheRows();
    void textSearchAndDetail();
    void textFirstPageIsShortAndCountsAside();
    void csvExport();
    void liveTailFollows();
    void timeTravelMap();
    void sliderStepsReplayForward();
    void upgradesOldIndexInBackground();
    void opensAtTheNewestRecords();
    void screenshot();
};

CommandResult TestAuditBrowser::run(EventId event, Timestamp at, Command c, std::set<SeatId> seats)
{
    m_now = at;
    c.key = IdempotencyKey { 55, ++m_keys };
    c.channel = c.actor.kind == ActorKind::Buyer ? 1 : 2;
    const CommandResult r = m_engine->event(event)->execute(c);
    if (event == kEvent)
        m_issued.push_back(Issued { r.seq, at, c.kind, r.ok(), c.actor, std::move(seats) });
    return r;
}

void TestAuditBrowser::init()
{
    m_dir = std::make_unique<test::TempDir>();
    m_issued.clear();
    m_reference.clear();
    EngineOptions options;
    options.dataDirectory = m_dir->path();
    options.synchronousFull = false;
    options.shard.clock = [this] { return m_now.load(); };
    options.shard.tickMs = 1'000'000'000;
    std::string error;
    m_engine = Engine::open(options, &error);
    QVERIFY2(m_engine != nullptr, error.c_str());
    for (EventId id : { kEvent, kOtherEvent }) {
        EventSpec spec = test::makeTestEvent(id);
        spec.name = id == kEvent ? "Spring Gala" : "Matinee";
        QCOMPARE(m_engine->createEvent(spec, &error), Status::Ok);
    }
    m_seats.clear();
    for (SeatId s = 1; s <= 100; ++s)
        m_seats[s] = SeatStatus::Available;
    auto hold = [](Actor actor, std::vector<SeatId> seats) {
        Command c;
        c.kind = CommandKind::HoldSeats;
        c.actor = actor;
        c.seats = std::move(seats);
        return c;
    };
    auto note = [this](const CommandResult& r) { m_reference[r.seq] = m_seats; };
    const Timestamp t0 = 1'767'225'600'000; // 2026-01-01 00:00 UTC
    const CommandResult h1 = run(kEvent, t0 + 10'000, hold(kClerk, { 1, 2 }), { 1, 2 });
    QVERIFY(h1.ok());
    m_seats[1] = m_seats[2] = SeatStatus::Held;
    note(h1);
    const CommandResult h2 = run(kEvent, t0 + 20'000, hold(buyer(100), { 3 }), { 3 });
    QVERIFY(h2.ok());
    m_seats[3] = SeatStatus::Held;
    note(h2);
    const CommandResult refused = run(kEvent, t0 + 30'000, hold(buyer(101), { 4, 1 }), { 1 });
    QCOMPARE(refused.status, Status::SeatUnavailable);
    note(refused);
    Command sale;
    sale.kind = CommandKind::Confirm;
    sale.actor = kClerk;
    sale.hold = h1.hold;
    sale.text = "card-4242";
    sale.buyer = Buyer { "Jane Doe", "jane@example.org", "" };
    const CommandResult sold = run(kEvent, t0 + 40'000, sale, { 1, 2 });
    QVERIFY(sold.ok());
    m_order = sold.order;
    m_seats[1] = m_seats[2] = SeatStatus::Sold;
    note(sold);
    Command release;
    release.kind = CommandKind::Release;
    release.actor = buyer(100);
    release.hold = h2.hold;
    const CommandResult released = run(kEvent, t0 + 50'000, release, { 3 });
    QVERIFY(released.ok());
    m_seats[3] = SeatStatus::Available;
    note(released);
    Command block;
    block.kind = CommandKind::Block;
    block.actor = kAdmin;
    block.seats = { 10 };
    block.text = "broken armrest";
    const CommandResult blocked = run(kEvent, t0 + 60'000, block, { 10 });
    QVERIFY(blocked.ok());
    m_seats[10] = SeatStatus::Blocked;
    note(blocked);
    QVERIFY(run(kOtherEvent, t0 + 70'000, hold(kClerk, { 5 }), { 5 }).ok());

    m_widget = std::make_unique<AuditLogWidget>(QString::fromStdString(m_dir->path()));
    QVERIFY2(m_widget->isOpen(), qPrintable(m_widget->errorText()));
    m_widget->setTailInterval(50);
    m_widget->resize(1400, 860);
    m_widget->show();
    QTRY_VERIFY(m_widget->isCaughtUp());
    QTRY_COMPARE(m_widget->model()->rowCount(), int(m_issued.size()) + 1);
}

void TestAuditBrowser::cleanup()
{
    m_widget.reset();
    if (m_engine != nullptr)
        m_engine->close();
    m_engine.reset();
    m_dir.reset();
}

std::set<Seq> TestAuditBrowser::expected(const std::function<bool(const Issued&)>& match) const
{
    std::set<Seq> seqs;
    for (const Issued& i : m_issued)
        if (match(i))
            seqs.insert(i.seq);
    return seqs;
}

std::set<Seq> TestAuditBrowser::shownSeqs() const
{
    std::set<Seq> seqs;
    AuditLogModel* model = m_widget->model();
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->rowAt(r).event == kEvent)
            seqs.insert(model->rowAt(r).seq);
    return seqs;
}

int TestAuditBrowser::rowOfSeq(Seq seq) const
{
    AuditLogModel* model = m_widget->model();
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->rowAt(r).event == kEvent && model->rowAt(r).seq == seq)
            return r;
    return -1;
}

void TestAuditBrowser::filtersNarrowTheRows()
{
    QAbstractItemModelTester tester(m_widget->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Through the bar, as a person would: the event, then a seat of it.
    auto* events = m_widget->findChild<QComboBox*>(QStringLiteral("auditEventCombo"));
    QVERIFY(events != nullptr);
    events->setCurrentIndex(events->findText(QStringLiteral("Spring Gala")));
    QTRY_COMPARE(m_widget->model()->rowCount(), int(m_issued.size()));
    QCOMPARE(shownSeqs(), expected([](const Issued&) { return true; }));
    auto* seat = m_widget->findChild<QLineEdit*>(QStringLiteral("auditSeatEdit"));
    QVERIFY(seat->isEnabled());
    QTest::keyClicks(seat, QStringLiteral("1"));
    const std::set<Seq> seat1 = expected([](const Issued& i) { return i.seats.count(1) != 0; });
    QTRY_COMPARE(shownSeqs(), seat1);
    QCOMPARE(m_widget->model()->rowCount(), int(seat1.size()));
    // The label of the seat finds the same rows.
    seat->setText(QString::fromStdString(test::makeTestEvent(kEvent).venue->seatLabel(0)));
    QTRY_COMPARE(shownSeqs(), seat1);
    seat->clear();
    auto* kinds = m_widget->findChild<QComboBox*>(QStringLiteral("auditKindCombo"));
    kinds->setCurrentIndex(kinds->findData(int(CommandKind::HoldSeats)));
    QTRY_COMPARE(shownSeqs(), expected([](const Issued& i) { return i.kind == CommandKind::HoldSeats; }));
    auto* outcome = m_widget->findChild<QComboBox*>(QStringLiteral("auditOutcomeCombo"));
    outcome->setCurrentIndex(outcome->findData(int(audit::AuditOutcome::Rejected)));
    QTRY_COMPARE(shownSeqs(), expected([](const Issued& i) { return i.kind == CommandKind::HoldSeats && !i.ok; }));
    kinds->setCurrentIndex(0);
    outcome->setCurrentIndex(0);
    QTRY_COMPARE(m_widget->model()->rowCount(), int(m_issued.size()));

    // Through the API: clerk, order, time range.
    audit::AuditFilter f;
    f.event = kEvent;
    f.actorKind = ActorKind::Clerk;
    f.actorId = 7;
    m_widget->setFilter(f);
    QCOMPARE(shownSeqs(), expected([](const Issued& i) { return i.actor == kClerk; }));
    QCOMPARE(m_widget->findChild<QComboBox*>(QStringLiteral("auditActorKindCombo"))->currentData().toInt(),
             int(ActorKind::Clerk));
    f = {};
    f.event = kEvent;
    f.order = m_order;
    m_widget->setFilter(f);
    // The sale, and the hold it came from.
    QCOMPARE(shownSeqs(), expected([](const Issued& i) { return i.actor == kClerk; }));
    f = {};
    f.event = kEvent;
    f.from = m_issued[1].at;
    f.to = m_issued[4].at;
    m_widget->setFilter(f);
    QCOMPARE(shownSeqs(), expected([&](const Issued& i) { return i.at >= m_issued[1].at && i.at < m_issued[4].at; }));
    // Every event: the other event's row is there too, in time order.
    m_widget->setFilter({});
    QCOMPARE(m_widget->model()->rowCount(), int(m_issued.size()) + 1);
    QCOMPARE(m_widget->model()->rowAt(m_widget->model()->rowCount() - 1).event, kOtherEvent);
    QCOMPARE(m_widget->model()->data(m_widget->model()->index(0, AuditLogModel::EventColumn)).toString(),
             QStringLiteral("Spring Gala"));
}

void TestAuditBrowser::textSearchAndDetail()
{
    auto* search = m_widget->findChild<QLineEdit*>(QStringLiteral("auditSearchEdit"));
    QTest::keyClicks(search, QStringLiteral("jan"));
    const std::set<Seq> sale = expected([](const Issued& i) { return i.kind == CommandKind::Confirm; });
    QTRY_COMPARE(shownSeqs(), sale);
    search->setText(QStringLiteral("armrest"));
    QTRY_COMPARE(shownSeqs(), expected([](const Issued& i) { return i.kind == CommandKind::Block; }));
    search->setText(QStringLiteral("nobody-has-this"));
    QTRY_COMPARE(m_widget->model()->rowCount(), 0);
    search->clear();
    QTRY_COMPARE(m_widget->model()->rowCount(), int(m_issued.size()) + 1);

    // The detail pane shows every field of the sale, read from the journal.
    m_widget->selectRow(rowOfSeq(*sale.begin()));
    QTreeWidget* detail = m_widget->detailPane();
    QVERIFY(detail->topLevelItemCount() >= 2);
    auto find = [&](const QString& name) -> QString {
        for (QTreeWidgetItem* item : detail->findItems(name, Qt::MatchExactly | Qt::MatchRecursive, 0))
            return item->text(1);
        return QStringLiteral("<missing>");
    };
    QCOMPARE(find(QStringLiteral("Seq")), QString::number(*sale.begin()));
    QCOMPARE(find(QStringLiteral("Type")), QStringLiteral("Sale (confirm)"));
    QCOMPARE(find(QStringLiteral("Clerk or user")), QStringLiteral("Clerk 7"));
    QCOMPARE(find(QStringLiteral("Buyer")), QStringLiteral("Jane Doe"));
    QCOMPARE(find(QStringLiteral("E-mail")), QStringLiteral("jane@example.org"));
    QCOMPARE(find(QStringLiteral("Text")), QStringLiteral("card-4242"));
    QCOMPARE(find(QStringLiteral("Order")), QString::number(m_order));
    const QList<QTreeWidgetItem*> types
        = detail->findItems(QStringLiteral("SEAT_CONFIRMED"), Qt::MatchExactly | Qt::MatchRecursive, 1);
    QCOMPARE(types.size(), 2); // seats 1 and 2
    QVERIFY(!detail->findItems(QStringLiteral("ORDER_CREATED"), Qt::MatchExactly | Qt::MatchRecursive, 1).isEmpty());
}

void TestAuditBrowser::textFirstPageIsShortAndCountsAside()
{
    // More matches than the first page of a text filter holds: 89 blocks with the same reason.
    const Timestamp t1 = 1'767'225'600'000 + 100'000;
    for (SeatId s = 11; s <= 99; ++s) {
        Command block;
        block.kind = CommandKind::Block;
        block.actor = kAdmin;
        block.seats = { s };
        block.text = "wobbly seat";
        QVERIFY(run(kEvent, t1 + Timestamp(s) * 1000, block, { s }).ok());
    }
    const int all = int(m_issued.size()) + 1;
    QTRY_COMPARE(m_widget->model()->rowCount(), all);
    auto* count = m_widget->findChild<QLabel*>(QStringLiteral("auditCountLabel"));
    QVERIFY(count != nullptr);
    QTRY_VERIFY2(count->text().contains(QLocale().toString(all)), qPrintable(count->text()));

    auto* search = m_widget->findChild<QLineEdit*>(QStringLiteral("auditSearchEdit"));
    search->setText(QStringLiteral("wobbly"));
    // The newest 64 first (one random row read each on a cold file), the count from its own thread.
    QTRY_COMPARE(m_widget->model()->rowCount(), AuditLogModel::kFirstTextPageRows);
    QVERIFY(m_widget->model()->canFetchOlder());
    QCOMPARE(m_widget->model()->rowAt(AuditLogModel::kFirstTextPageRows - 1).seq, m_issued.back().seq);
    QTRY_VERIFY2(count->text().contains(QStringLiteral("89")), qPrintable(count->text()));
    // Scrolling to the top brings the rest.
    m_widget->table()->scrollToTop();
    QTRY_COMPARE(m_widget->model()->rowCount(), 89);
    QVERIFY(!m_widget->model()->canFetchOlder());
    // Another filter's count replaces it; nothing matches: 0.
    search->setText(QStringLiteral("nobody-has-this"));
    QTRY_COMPARE(m_widget->model()->rowCount(), 0);
    QTRY_VERIFY2(count->text().startsWith(QLocale().toString(0)), qPrintable(count->text()));
}

void TestAuditBrowser::csvExport()
{
    QCOMPARE(AuditCsvExport::csvField(QStringLiteral("plain")), QStringLiteral("plain"));
    QCOMPARE(AuditCsvExport::csvField(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
    QCOMPARE(AuditCsvExport::csvField(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
    QCOMPARE(AuditCsvExport::csvField(QStringLiteral("=HYPERLINK(1)")), QStringLiteral("\"'=HYPERLINK(1)\""));

    audit::AuditFilter f;
    f.event = kEvent;
    m_widget->setFilter(f);
    const QString path = QString::fromStdString(m_dir->filePath("export.csv"));
    QSignalSpy done(m_widget.get(), &AuditLogWidget::exportFinished);
    m_widget->setNextExportPath(path);
    m_widget->exportCsv();
    QTRY_COMPARE(done.count(), 1);
    QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(2).toString()));
    QCOMPARE(done.first().at(1).toLongLong(), qint64(m_issued.size()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), int(m_issued.size()) + 1);
    QVERIFY(lines.front().startsWith(QStringLiteral("Time,Event,Seq,Type,Outcome")));
    // One line per record, in seq order, each with its seq and type.
    for (std::size_t i = 0; i < m_issued.size(); ++i) {
        const QStringList cells = lines[int(i) + 1].split(QLatin1Char(','));
        QCOMPARE(cells.at(1), QStringLiteral("Spring Gala"));
        QCOMPARE(cells.at(2), QString::number(m_issued[i].seq));
        QCOMPARE(cells.at(3), AuditLogModel::kindText(m_issued[i].kind));
    }
    QVERIFY(lines.join(QLatin1Char('\n')).contains(QStringLiteral("Jane Doe")));
    QVERIFY(!m_widget->isExporting());
}

void TestAuditBrowser::liveTailFollows()
{
    QTableView* table = m_widget->table();
    table->scrollToBottom();
    const int before = m_widget->model()->rowCount();
    // New records arrive while the browser is open: they appear at the bottom, and the view follows.
    std::vector<Seq> added;
    for (SeatId s = 30; s < 70; ++s) {
        Command c;
        c.kind = CommandKind::HoldSeats;
        c.actor = buyer(s);
        c.seats = { s };
        const CommandResult r = run(kEvent, m_now.load() + 1000, c, { s });
        QVERIFY(r.ok());
        added.push_back(r.seq);
    }
    QTRY_COMPARE(m_widget->model()->rowCount(), before + int(added.size()));
    const AuditLogModel* model = m_widget->model();
    QCOMPARE(model->rowAt(model->rowCount() - 1).seq, added.back());
    QCOMPARE(model->rowAt(model->rowCount() - 1).actor, buyer(69));
    QTRY_COMPARE(table->verticalScrollBar()->value(), table->verticalScrollBar()->maximum());
    QVERIFY(table->verticalScrollBar()->maximum() > 0);
    // Scrolled away from the end, the view stays put while rows keep arriving.
    table->verticalScrollBar()->setValue(0);
    Command c;
    c.kind = CommandKind::HoldSeats;
    c.actor = buyer(99);
    c.seats = { 99 };
    QVERIFY(run(kEvent, m_now.load() + 1000, c, { 99 }).ok());
    QTRY_COMPARE(m_widget->model()->rowCount(), before + int(added.size()) + 1);
    QCOMPARE(table->verticalScrollBar()->value(), 0);
}

Reference TestAuditBrowser::referenceAt(Seq seq) const
{
    auto it = m_reference.upper_bound(seq);
    if (it != m_reference.begin())
        return std::prev(it)->second;
    Reference empty;
    for (SeatId s = 1; s <= 100; ++s)
        empty[s] = SeatStatus::Available;
    return empty;
}

Reference TestAuditBrowser::mapStates() const
{
    Reference states;
    const SeatMapModel* map = m_widget->mapModel();
    for (SeatId s = 1; s <= 100; ++s)
        states[s] = map->info(map->venue().seatIndex(s)).status;
    return states;
}

void TestAuditBrowser::waitForMap(Seq seq)
{
    QTRY_VERIFY(m_widget->mapModel() != nullptr && m_widget->mapEvent() == kEvent && m_widget->mapSeq() == seq);
}

void TestAuditBrowser::timeTravelMap()
{
    // Selecting a row shows the seats right after it.
    for (const Issued& i : m_issued) {
        QSignalSpy shown(m_widget.get(), &AuditLogWidget::mapShown);
        m_widget->selectRow(rowOfSeq(i.seq));
        QTRY_VERIFY(!shown.isEmpty() && shown.last().at(1).toULongLong() == i.seq);
        waitForMap(i.seq);
        QCOMPARE(mapStates(), referenceAt(i.seq));
    }
    // The slider runs through the whole journal of the event, backwards too.
    QSlider* slider = m_widget->timeSlider();
    QVERIFY(slider->isEnabled());
    QCOMPARE(slider->maximum(), int(m_issued.back().seq));
    for (int position : { 0, int(m_issued.back().seq), 2, 1, 4, 3 }) {
        slider->setValue(position);
        waitForMap(Seq(position));
        QCOMPARE(mapStates(), referenceAt(Seq(position)));
    }
    // Dragging: only the last position counts.
    for (int position = 0; position <= slider->maximum(); ++position)
        slider->setValue(position);
    slider->setValue(2);
    waitForMap(2);
    QCOMPARE(mapStates(), referenceAt(2));
    QCOMPARE(m_widget->mapModel()->info(m_widget->mapModel()->venue().seatIndex(3)).status, SeatStatus::Held);
}

// The slider stepped forward replays from the map shown (the cursor), even across checkpoints;
// only a jump further than a restore costs restores one; every map matches the known journal.
// Checkpoints every 2 records and a restore priced at 3 records make that visible on a short
// journal (the defaults: every 50,000 records, a restore ~ the measured cost at 10M records).
void TestAuditBrowser::sliderStepsReplayForward()
{
    m_widget.reset();
    // Twelve more records of kEvent, one batch each: holds of seats 30..41 by one buyer each.
    const Timestamp t1 = 1'767'225'600'000 + 100'000;
    for (SeatId s = 30; s < 42; ++s) {
        Command c;
        c.kind = CommandKind::HoldSeats;
        c.actor = buyer(300 + s);
        c.seats = { s };
        const CommandResult r = run(kEvent, t1 + Timestamp(s) * 1000, c, { s });
        QVERIFY(r.ok());
        m_seats[s] = SeatStatus::Held;
        m_reference[r.seq] = m_seats;
    }
    const Seq last = m_issued.back().seq;
    QVERIFY(last >= 18);
    audit::AuditReplayOptions tuning;
    tuning.checkpointEveryRecords = 2;
    tuning.restoreCostRecords = 3;
    tuning.restoreBodyBytesPerRecord = 0;
    m_widget = std::make_unique<AuditLogWidget>(QString::fromStdString(m_dir->path()), tuning);
    QVERIFY2(m_widget->isOpen(), qPrintable(m_widget->errorText()));
    m_widget->resize(1400, 860);
    m_widget->show();
    QTRY_VERIFY(m_widget->isCaughtUp());
    // The background warm-up replays the whole event once (checkpoints every 2 records) before
    // this first request, which is queued behind it on the worker.
    m_widget->showStateAt(kEvent, 0);
    waitForMap(0);
    QCOMPARE(mapStates(), referenceAt(0));
    QSlider* slider = m_widget->timeSlider();
    QCOMPARE(slider->maximum(), int(last));
    const std::size_t restoresBefore = m_widget->mapRestores();
    for (int position = 1; position <= slider->maximum(); ++position) {
        slider->setValue(position);
        waitForMap(Seq(position));
        QCOMPARE(mapStates(), referenceAt(Seq(position)));
    }
    QCOMPARE(m_widget->mapRestores(), restoresBefore); // stepped forward: replayed, never restored
    // Steps of two cross a checkpoint each time: still replayed.
    slider->setValue(1);
    waitForMap(1);
    for (int position = 3; position <= slider->maximum(); position += 2) {
        slider->setValue(position);
        waitForMap(Seq(position));
        QCOMPARE(mapStates(), referenceAt(Seq(position)));
    }
    const std::size_t afterSteps = m_widget->mapRestores();
    QCOMPARE(afterSteps, restoresBefore); // back to 1: no checkpoint before it, from the start
    // A jump from the start to the end restores the last checkpoint instead of replaying it all.
    slider->setValue(0);
    waitForMap(0);
    slider->setValue(int(last));
    waitForMap(last);
    QCOMPARE(mapStates(), referenceAt(last));
    QCOMPARE(m_widget->mapRestores(), afterSteps + 1);
}

// An index of schema 1 (session 6) is upgraded on a thread of its own: the widget shows a busy
// page meanwhile, then the browser with every row; nothing is rebuilt.
void TestAuditBrowser::upgradesOldIndexInBackground()
{
    m_widget.reset();
    const audit::AuditIndexOptions options = audit::AuditIndex::optionsFor(m_dir->path());
    std::string error;
    {
        auto db = audit::AuditDb::open(options.indexPath, false, &error);
        QVERIFY2(db != nullptr, error.c_str());
        QVERIFY2(db->exec("DROP INDEX audit_by_actor_kind; DROP TABLE replay_checkpoint;"
                          " UPDATE meta SET value = 1 WHERE key = 'schema_version';",
                          &error),
                 error.c_str());
    }
    QCOMPARE(audit::AuditIndex::storedSchemaVersion(options.indexPath), 1);
    AuditLogWidget widget(QString::fromStdString(m_dir->path()));
    QSignalSpy opened(&widget, &AuditLogWidget::opened);
    QVERIFY(widget.isUpgrading());
    QVERIFY(!widget.isOpen());
    QVERIFY(widget.findChild<QWidget*>(QStringLiteral("auditUpgradePage")) != nullptr);
    widget.setServer(QUrl(QStringLiteral("http://127.0.0.1:1")), "ust_admin"); // kept until open
    widget.show();
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 30'000);
    QCOMPARE(opened.at(0).at(0).toBool(), true);
    QVERIFY2(widget.isOpen(), qPrintable(widget.errorText()));
    QVERIFY(!widget.isUpgrading());
    QVERIFY(widget.findChild<QWidget*>(QStringLiteral("auditUpgradePage")) == nullptr);
    QVERIFY(widget.waitingRoomChanges() != nullptr);
    QCOMPARE(audit::AuditIndex::storedSchemaVersion(options.indexPath), audit::AuditIndex::kSchemaVersion);
    QTRY_VERIFY(widget.isCaughtUp());
    QTRY_COMPARE(widget.model()->rowCount(), int(m_issued.size()) + 1);
}

// Opened on an index that already has more records than fit (the demo data, indexed by an earlier
// session), the list shows the newest ones at the bottom, as when it indexes them while you watch.
void TestAuditBrowser::opensAtTheNewestRecords()
{
    m_widget.reset();
    m_engine->close();
    m_engine.reset();
    test::TempDir demo;
    EngineOptions options;
    options.dataDirectory = demo.path();
    options.synchronousFull = false;
    std::string error;
    auto engine = Engine::open(options, &error);
    QVERIFY2(engine != nullptr, error.c_str());
    QString why;
    QVERIFY2(ensureDemoData(*engine, &why), qPrintable(why));
    for (int session = 0; session < 2; ++session) { // the first indexes, the second reopens
        AuditLogWidget w(QString::fromStdString(demo.path()));
        QVERIFY(w.isOpen());
        w.resize(1200, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY(w.isCaughtUp());
        QVERIFY(w.model()->rowCount() > 100);
        QScrollBar* bar = w.table()->verticalScrollBar();
        QVERIFY(bar->maximum() > 0);
        QTRY_COMPARE(bar->value(), bar->maximum());
        const int lastShown = w.table()->rowAt(w.table()->viewport()->height() - 2);
        QVERIFY2(lastShown == -1 || lastShown == w.model()->rowCount() - 1, qPrintable(QString::number(lastShown)));
    }
    engine->close();
}

void TestAuditBrowser::screenshot()
{
    const QString sourceDir = qEnvironmentVariable("USHER_SOURCE_DIR");
    if (sourceDir.isEmpty())
        QSKIP("USHER_SOURCE_DIR is not set (ctest sets it)");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(installTranslations(*qApp, QLocale())); // English plural forms ("203 records")
    // The demo data (a lived-in concert hall) on a data directory of its own, plus a refused hold.
    m_widget.reset();
    m_engine->close();
    m_engine.reset();
    test::TempDir demo;
    EngineOptions options;
    options.dataDirectory = demo.path();
    options.synchronousFull = false;
    std::string error;
    auto engine = Engine::open(options, &error);
    QVERIFY2(engine != nullptr, error.c_str());
    QString why;
    QVERIFY2(ensureDemoData(*engine, &why), qPrintable(why));
    AuditLogWidget w(QString::fromStdString(demo.path()));
    QVERIFY(w.isOpen());
    w.resize(1440, 860);
    w.show();
    QTRY_VERIFY(w.isCaughtUp());
    audit::AuditFilter f;
    f.event = engine->events().front();
    w.setFilter(f);
    QVERIFY(w.model()->rowCount() > 10);
    // A sale in the middle of the onsale, its detail and the map as it was then.
    int saleRow = -1;
    for (int r = w.model()->rowCount() / 2; r >= 0 && saleRow < 0; --r)
        if (w.model()->rowAt(r).kind == CommandKind::Confirm)
            saleRow = r;
    QVERIFY(saleRow >= 0);
    QSignalSpy shown(&w, &AuditLogWidget::mapShown);
    w.selectRow(saleRow);
    QTRY_VERIFY(!shown.isEmpty() && shown.last().at(1).toULongLong() == w.model()->rowAt(saleRow).seq);
    w.table()->scrollTo(w.model()->index(saleRow, 0), QAbstractItemView::PositionAtCenter);
    auto* count = w.findChild<QLabel*>(QStringLiteral("auditCountLabel"));
    QTRY_VERIFY2(count->text().endsWith(QStringLiteral("records")), qPrintable(count->text()));
    QCoreApplication::processEvents(); // let the map paint its cache once
    const QPixmap shot = w.grab();
    QVERIFY(shot.save(QStringLiteral("audit-log.png"), "PNG"));
    if (qEnvironmentVariableIsSet("USHER_UPDATE_SCREENSHOTS")) {
        const QString path = sourceDir + QStringLiteral("/docs/screenshots/audit-log.png");
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QVERIFY2(shot.save(path, "PNG"), qPrintable(path));
    }
    engine->close();
}

QTEST_MAIN(TestAuditBrowser)
#include "TestAuditBrowser.moc"
