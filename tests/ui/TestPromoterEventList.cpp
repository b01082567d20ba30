// The promoter's event list: Event setup's "Open event…" (the counter's search picker, all events,
// past ones from the archive on request), driven by the keyboard; opening, changing, saving and
// reopening an event.

#include "SeatMapWidget.h"
#include "counter/EventPicker.h"
#include "promoter/EventSetup.h"
#include "runtime/Engine.h"
#include "support/TempDir.h"
#include "venue/VenueGenerator.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

using namespace usher;
using namespace usher::ui;

namespace {

const QDate kToday(2031, 6, 10);

std::unique_ptr<Engine> openEngine(const test::TempDir& dir)
{
    EngineOptions options;
    options.dataDirectory = dir.filePath("data");
    options.synchronousFull = false;
    std::string error;
    auto engine = Engine::open(options, &error);
    if (engine == nullptr)
        qWarning("engine: %s", error.c_str());
    return engine;
}

std::shared_ptr<Venue> smallVenue()
{
    GeneratedVenueSpec spec;
    spec.name = "Small hall";
    spec.sections = 2;
    spec.rowsPerSection = 4;
    spec.seatsPerRow = 10;
    spec.categories = 2;
    return generateVenue(spec);
}

// Creates an event through the form, as a promoter would; its id, or 0.
EventId createEvent(Engine& engine, const QString& name, const QString& performer, QDate day)
{
    EventSetup setup(engine);
    setup.setVenue(smallVenue());
    setup.nameEdit()->setText(name);
    setup.findChild<QLineEdit*>(QStringLiteral("performerEdit"))->setText(performer);
    setup.timeZoneCombo()->setCurrentIndex(setup.timeZoneCombo()->findData(QStringLiteral("Europe/Zurich")));
    setup.startsEdit()->setDateTime(QDateTime(day, QTime(19, 30)));
    const QDateTime onsale(day.addDays(-60), QTime(10, 0));
    setup.setChannelWindow(0, onsale, QDateTime(day, QTime(18, 0)));
    setup.setChannelWindow(1, onsale, QDateTime(day, QTime(20, 0)));
    setup.setPrice(0, 0, QStringLiteral("89.00"));
    setup.setPrice(0, 1, QStringLiteral("44.50"));
    setup.setPrice(1, 0, QStringLiteral("59.00"));
    QString error;
    if (!setup.save(&error)) {
        qWarning("save: %s", qPrintable(error));
        return 0;
    }
    return setup.eventId();
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

QStringList shownNames(EventPicker* picker)
{
    QStringList names;
    QAbstractItemModel* model = picker->listView()->model();
    for (int r = 0; r < model->rowCount(); ++r)
        names << model->index(r, 0).data().toString().section(QLatin1Char('\n'), 0, 0);
    return names;
}

// The event lists (closed dialogs, deleted later) follow the engine's events: gone before it closes.
void closeEngine(Engine& engine)
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    engine.close();
}

// The button has Ctrl+O (checked); the offscreen platform does not route shortcuts from QTest, so
// the keys are Tab's result: the focused button and Space.
void openByKeyboard(EventSetup& setup)
{
    QCOMPARE(setup.openButton()->shortcut(), QKeySequence(QKeySequence::Open));
    setup.openButton()->setFocus(Qt::TabFocusReason);
    QTest::keyClick(setup.openButton(), Qt::Key_Space);
}

QDialog* dialogOf(EventSetup& setup)
{
    for (QDialog* dialog : setup.findChildren<QDialog*>(QStringLiteral("openEventDialog")))
        if (dialog->isVisible())
            return dialog;
    return nullptr;
}

} // namespace

class TestPromoterEventList : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void openByKeyboardChangeSaveReopen();
    void pastEventsOnRequest();
    void escapeOpensNothing();
    void screenshot();
};

void TestPromoterEventList::openByKeyboardChangeSaveReopen()
{
    test::TempDir dir;
    auto engine = openEngine(dir);
    QVERIFY(engine != nullptr);
    const EventId winter = createEvent(*engine, QStringLiteral("Winter concert"), QStringLiteral("Orchestra Usher"), kToday.addDays(190));
    const EventId spring = createEvent(*engine, QStringLiteral("Spring gala"), QStringLiteral("Ensemble Zürich"), kToday.addDays(20));
    const EventId jazz = createEvent(*engine, QStringLiteral("Jazz night"), QStringLiteral("Trio Bern"), kToday.addDays(3));
    QVERIFY(winter != 0 && spring != 0 && jazz != 0);

    EventSetup setup(*engine);
    setup.setToday(kToday);
    setup.resize(1200, 760);
    setup.show();
    QApplication::setActiveWindow(&setup);
    QVERIFY(QTest::qWaitForWindowActive(&setup));
    QCOMPARE(setup.eventId(), EventId(0));
    setup.nameEdit()->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(setup.nameEdit()));

    // "Open event…" opens the list, the search field has the focus, every event is listed by start.
    openByKeyboard(setup);
    QDialog* dialog = dialogOf(setup);
    QVERIFY(dialog != nullptr);
    auto* picker = dialog->findChild<EventPicker*>();
    QVERIFY(picker != nullptr);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(picker->searchEdit()));
    QCOMPARE(shownNames(picker), (QStringList { QStringLiteral("Jazz night"), QStringLiteral("Spring gala"), QStringLiteral("Winter concert") }));
    QVERIFY(picker->pastEventsChip() == nullptr); // nothing in the past

    // Type a performer's city without its accent, as a prefix: only the gala is left.
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("zuri"));
    QCOMPARE(picker->visibleCount(), 1);
    QCOMPARE(picker->currentEvent(), spring);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(setup.eventId(), spring);
    QCOMPARE(setup.nameEdit()->text(), QStringLiteral("Spring gala"));
    QCOMPARE(setup.priceTable()->item(0, 0)->text(), QStringLiteral("89.00"));

    // Change a price and the hold duration, save: the same event, updated.
    auto* hold = setup.findChild<QSpinBox*>(QStringLiteral("holdMinutesSpin"));
    QVERIFY(hold != nullptr);
    setup.setPrice(0, 0, QStringLiteral("95.50"));
    hold->setValue(7);
    setup.findChild<QPushButton*>(QStringLiteral("saveButton"))->click();
    QVERIFY2(setup.statusLabel()->text().startsWith(QStringLiteral("Saved event")), qPrintable(setup.statusLabel()->text()));
    QCOMPARE(engine->events().size(), std::size_t(3));
    QCOMPARE(engine->event(spring)->spec().price(0, 0), Amount(9550));
    QCOMPARE(engine->event(spring)->spec().holdSeconds, 420u);
    QCOMPARE(engine->event(spring)->spec().revision, 1u);
    QCOMPARE(engine->event(winter)->spec().price(0, 0), Amount(8900)); // the others unchanged
    QCOMPARE(engine->event(winter)->spec().holdSeconds, 600u);

    // Open another event with Down and Enter, then the changed one again: the change is there.
    openByKeyboard(setup);
    dialog = dialogOf(setup);
    QVERIFY(dialog != nullptr);
    picker = dialog->findChild<EventPicker*>();
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(picker->searchEdit()));
    QCOMPARE(picker->currentEvent(), jazz); // the first, the soonest
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
    QCOMPARE(picker->currentEvent(), winter);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(setup.eventId(), winter);
    QCOMPARE(setup.nameEdit()->text(), QStringLiteral("Winter concert"));

    openByKeyboard(setup);
    dialog = dialogOf(setup);
    QVERIFY(dialog != nullptr);
    picker = dialog->findChild<EventPicker*>();
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(picker->searchEdit()));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("gala"));
    QCOMPARE(picker->currentEvent(), spring);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(setup.eventId(), spring);
    QCOMPARE(setup.priceTable()->item(0, 0)->text(), QStringLiteral("95.50"));
    QCOMPARE(hold->value(), 7);
    QVERIFY(setup.validate());

    // And after a restart of the engine (from the journal).
    closeEngine(*engine);
    engine.reset();
    engine = openEngine(dir);
    QVERIFY(engine != nullptr);
    EventSetup reopened(*engine);
    QVERIFY(reopened.loadEvent(spring));
    QCOMPARE(reopened.priceTable()->item(0, 0)->text(), QStringLiteral("95.50"));
    QCOMPARE(reopened.findChild<QSpinBox*>(QStringLiteral("holdMinutesSpin"))->value(), 7);
    closeEngine(*engine);
}

void TestPromoterEventList::pastEventsOnRequest()
{
    test::TempDir dir;
    auto engine = openEngine(dir);
    QVERIFY(engine != nullptr);
    const EventId old = createEvent(*engine, QStringLiteral("Spring gala 2030"), QStringLiteral("Ensemble"), kToday.addDays(-400));
    const EventId last = createEvent(*engine, QStringLiteral("Spring gala (last year)"), QStringLiteral("Ensemble"), kToday.addDays(-30));
    const EventId next = createEvent(*engine, QStringLiteral("Spring gala"), QStringLiteral("Ensemble"), kToday.addDays(20));
    QVERIFY(old != 0 && last != 0 && next != 0);

    EventSetup setup(*engine);
    setup.setToday(kToday);
    setup.show();
    QApplication::setActiveWindow(&setup);
    QVERIFY(QTest::qWaitForWindowActive(&setup));
    setup.openButton()->click();
    QDialog* dialog = dialogOf(setup);
    QVERIFY(dialog != nullptr);
    auto* picker = dialog->findChild<EventPicker*>();
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(picker->searchEdit()));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("gala"));
    QCOMPARE(shownNames(picker), QStringList { QStringLiteral("Spring gala") }); // the past ones are archived

    // The chip says how many are in the past; Tab reaches it, Space turns it on.
    QToolButton* past = picker->pastEventsChip();
    QVERIFY(past != nullptr);
    QCOMPARE(past->text(), QStringLiteral("Past events (2)"));
    QVERIFY(!past->isChecked());
    for (int i = 0; i < 20 && QApplication::focusWidget() != past; ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(past));
    QTest::keyClick(past, Qt::Key_Space);
    QTRY_VERIFY(picker->showingPast());
    // Current events first, then the archive, the latest first.
    QCOMPARE(shownNames(picker), (QStringList { QStringLiteral("Spring gala"), QStringLiteral("Spring gala (last year)"),
                                                QStringLiteral("Spring gala 2030") }));
    QTRY_VERIFY(picker->pastEventsChip() != nullptr && picker->pastEventsChip()->hasFocus());
    QVERIFY(picker->pastEventsChip()->isChecked());

    // A past event opens like any other.
    QVERIFY(picker->selectEvent(old));
    QTest::keyClick(picker->listView(), Qt::Key_Return);
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(setup.eventId(), old);
    QCOMPARE(setup.nameEdit()->text(), QStringLiteral("Spring gala 2030"));

    // Space again hides them.
    setup.openButton()->click();
    dialog = dialogOf(setup);
    QVERIFY(dialog != nullptr);
    picker = dialog->findChild<EventPicker*>();
    QVERIFY(!picker->showingPast()); // a new list starts without them
    QCOMPARE(picker->visibleCount(), 1);
    picker->setShowingPast(true);
    QCOMPARE(picker->visibleCount(), 3);
    picker->setShowingPast(false);
    QCOMPARE(picker->visibleCount(), 1);
    dialog->reject();
    closeEngine(*engine);
}

void TestPromoterEventList::escapeOpensNothing()
{
    test::TempDir dir;
    auto engine = openEngine(dir);
    QVERIFY(engine != nullptr);
    const EventId a = createEvent(*engine, QStringLiteral("Jazz night"), QStringLiteral("Trio"), kToday.addDays(3));
    const EventId b = createEvent(*engine, QStringLiteral("Winter concert"), QStringLiteral("Orchestra"), kToday.addDays(30));
    QVERIFY(a != 0 && b != 0);
    EventSetup setup(*engine);
    setup.setToday(kToday);
    setup.show();
    QApplication::setActiveWindow(&setup);
    QVERIFY(QTest::qWaitForWindowActive(&setup));
    QVERIFY(setup.loadEvent(a));
    QDialog* dialog = setup.openEventDialog();
    auto* picker = dialog->findChild<EventPicker*>();
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(picker->searchEdit()));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("winter"));
    QCOMPARE(picker->currentEvent(), b);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(setup.eventId(), a); // unchanged
    QCOMPARE(setup.nameEdit()->text(), QStringLiteral("Jazz night"));

    // A search that finds nothing: Enter opens nothing, the Open button is off.
    dialog = setup.openEventDialog();
    picker = dialog->findChild<EventPicker*>();
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(picker->searchEdit()));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("nothing like this"));
    QCOMPARE(picker->visibleCount(), 0);
    QCOMPARE(picker->currentEvent(), EventId(0));
    auto* open = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Open);
    QVERIFY(!open->isEnabled());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QVERIFY(dialog->isVisible());
    dialog->reject();
    QCOMPARE(setup.eventId(), a);
    closeEngine(*engine);
}

void TestPromoterEventList::screenshot()
{
    test::TempDir dir;
    auto engine = openEngine(dir);
    QVERIFY(engine != nullptr);
    struct Show {
        const char* name;
        const char* performer;
        int day;
    };
    const Show shows[] = { { "Spring gala", "Ensemble Zürich", 20 },        { "Jazz night", "Trio Bern", 3 },
                           { "Winter concert", "Orchestra Usher", 190 },    { "The Marriage of Figaro", "Opera Usher", 45 },
                           { "Comedy evening", "Les Trois", 9 },            { "Spring gala (last year)", "Ensemble Zürich", -345 },
                           { "Summer open air", "Band of Usher", 60 } };
    for (const Show& s : shows)
        QVERIFY(createEvent(*engine, QString::fromUtf8(s.name), QString::fromUtf8(s.performer), kToday.addDays(s.day)) != 0);
    EventSetup setup(*engine);
    setup.setToday(kToday);
    setup.resize(1280, 780);
    setup.show();
    QApplication::setActiveWindow(&setup);
    QVERIFY(QTest::qWaitForWindowActive(&setup));
    QDialog* dialog = setup.openEventDialog();
    auto* picker = dialog->findChild<EventPicker*>();
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(picker->searchEdit()));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("spr"));
    QCOMPARE(picker->visibleCount(), 1);
    QApplication::processEvents();
    saveScreenshot(dialog, QStringLiteral("event-list.png"));
    dialog->reject();
    closeEngine(*engine);
}

QTEST_MAIN(TestPromoterEventList)
#include "TestPromoterEventList.moc"
