// The promoter and admin views against a real usherd on loopback: an event published from Event
// setup, reopened, changed and published again goes out as PATCH /api/events/{id} (one event on
// usherd, its new revision); the dashboard's waiting-room changes show in the audit browser's
// "Waiting room" tab, survive a restart of usherd, and obey the browser's filters.

#include "ServerTestSupport.h"
#include "admin/AuditLogWidget.h"
#include "admin/UsherdMetricsFeed.h"
#include "admin/WaitingRoomChanges.h"
#include "promoter/EventSetup.h"
#include "runtime/Engine.h"
#include "support/TempDir.h"
#include "venue/VenueGenerator.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace usher;
using namespace usher::ui;

namespace {

std::unique_ptr<Engine> openEngine(const QString& directory)
{
    EngineOptions options;
    options.dataDirectory = directory.toStdString();
    options.synchronousFull = false;
    std::string error;
    auto engine = Engine::open(options, &error);
    if (engine == nullptr)
        qWarning("engine: %s", error.c_str());
    return engine;
}

void fillForm(EventSetup& setup)
{
    GeneratedVenueSpec spec;
    spec.name = "Small hall";
    spec.sections = 2;
    spec.rowsPerSection = 4;
    spec.seatsPerRow = 10;
    spec.categories = 2;
    setup.setVenue(generateVenue(spec));
    setup.nameEdit()->setText(QStringLiteral("Spring gala"));
    setup.timeZoneCombo()->setCurrentIndex(setup.timeZoneCombo()->findData(QStringLiteral("Europe/Zurich")));
    setup.startsEdit()->setDateTime(QDateTime(QDate(2031, 12, 20), QTime(19, 30)));
    setup.setChannelWindow(0, QDateTime(QDate(2031, 10, 1), QTime(10, 0)), QDateTime(QDate(2031, 12, 20), QTime(18, 0)));
    setup.setChannelWindow(1, QDateTime(QDate(2031, 10, 1), QTime(10, 0)), QDateTime(QDate(2031, 12, 20), QTime(20, 0)));
    setup.setPrice(0, 0, QStringLiteral("89.00"));
    setup.setPrice(0, 1, QStringLiteral("44.50"));
    setup.setPrice(1, 0, QStringLiteral("59.00"));
}

bool publishAndWait(EventSetup& setup, QString* message)
{
    QSignalSpy published(&setup, &EventSetup::published);
    if (!setup.publish())
        return false;
    if (!published.wait(20'000) && published.isEmpty())
        return false;
    *message = published.at(0).at(1).toString();
    return published.at(0).at(0).toBool();
}

QJsonObject getJson(quint16 port, const QByteArray& token, const QByteArray& path, int* status = nullptr)
{
    test::HttpClient client(port);
    client.bearer = token;
    const test::HttpResult result = client.request("GET", path);
    if (status != nullptr)
        *status = result.status;
    return result.json();
}

} // namespace

class TestPromoterServer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void publishExistingEventPatchesIt();
    void waitingRoomChangesInAuditBrowser();
};

void TestPromoterServer::publishExistingEventPatchesIt()
{
    test::TempDir dir;
    const QString serverData = QString::fromStdString(dir.filePath("usherd"));
    QVERIFY(QDir().mkpath(serverData));
    const QByteArray token = test::UsherdProcess::createToken(serverData, QStringLiteral("promoter"));
    QVERIFY(!token.isEmpty());
    test::UsherdProcess usherd(serverData);
    QVERIFY2(usherd.start(), usherd.log().constData());
    const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(usherd.port()));
    const QString idsFile = QString::fromStdString(dir.filePath("published-events.json"));

    auto engine = openEngine(QString::fromStdString(dir.filePath("app")));
    QVERIFY(engine != nullptr);
    EventId local = 0;
    qint64 remote = 0;
    {
        EventSetup setup(*engine);
        setup.setServer(url, QString::fromUtf8(token));
        setup.setPublishedEventsFile(idsFile);
        fillForm(setup);
        QString error;
        QVERIFY2(setup.save(&error), qPrintable(error));
        local = setup.eventId();
        QString message;
        QVERIFY2(publishAndWait(setup, &message), qPrintable(message));
        remote = setup.serverEventId(local);
        QVERIFY(remote > 0);
        QCOMPARE(message, QStringLiteral("Published as event %1 on usherd.").arg(remote));
    }
    const QByteArray path = "/api/events/" + QByteArray::number(remote);
    QJsonObject event = getJson(usherd.port(), {}, path);
    QCOMPARE(event.value(QStringLiteral("holdSeconds")).toInt(), 600);
    const qint64 revision = event.value(QStringLiteral("revision")).toInteger();
    const int eventsBefore = getJson(usherd.port(), {}, "/api/events").value(QStringLiteral("events")).toArray().size();
    QVERIFY(eventsBefore >= 1);

    // Another session (the ids come from the file): open the event, change a price and the hold,
    // save, publish. usherd gets a PATCH of the same event, not a second event.
    EventSetup setup(*engine);
    setup.setServer(url, QString::fromUtf8(token));
    setup.setPublishedEventsFile(idsFile);
    QCOMPARE(setup.serverEventId(local), remote);
    QVERIFY(setup.loadEvent(local));
    setup.setPrice(0, 0, QStringLiteral("95.50"));
    setup.findChild<QSpinBox*>(QStringLiteral("holdMinutesSpin"))->setValue(7);
    setup.nameEdit()->setText(QStringLiteral("Spring gala (new cast)"));
    QString error;
    QVERIFY2(setup.save(&error), qPrintable(error));
    QString message;
    QVERIFY2(publishAndWait(setup, &message), qPrintable(message));
    QCOMPARE(message, QStringLiteral("Published the changes to event %1 on usherd.").arg(remote));

    event = getJson(usherd.port(), {}, path);
    QCOMPARE(event.value(QStringLiteral("holdSeconds")).toInt(), 420);
    QCOMPARE(event.value(QStringLiteral("name")).toString(), QStringLiteral("Spring gala (new cast)"));
    QVERIFY(event.value(QStringLiteral("revision")).toInteger() > revision);
    bool priceSeen = false;
    for (const QJsonValue& p : event.value(QStringLiteral("prices")).toArray())
        for (const QJsonValue& amount : p.toObject().value(QStringLiteral("amounts")).toArray())
            priceSeen = priceSeen || amount.toInteger() == 9550;
    QVERIFY2(priceSeen, QJsonDocument(event).toJson().constData());
    QCOMPARE(getJson(usherd.port(), {}, "/api/events").value(QStringLiteral("events")).toArray().size(), eventsBefore);

    // A form that does not validate is not sent.
    setup.timeZoneCombo()->setEditText(QStringLiteral("Mars/Olympus"));
    QVERIFY(!setup.publish()); // the form refuses it before sending
    QVERIFY(!setup.fieldError(QStringLiteral("timeZone")).isEmpty());

    // usherd without the event (a new data directory): publishing creates it again.
    QVERIFY(usherd.terminate());
    test::TempDir fresh;
    const QString freshData = QString::fromStdString(fresh.filePath("usherd"));
    QVERIFY(QDir().mkpath(freshData));
    const QByteArray freshToken = test::UsherdProcess::createToken(freshData, QStringLiteral("promoter"));
    test::UsherdProcess second(freshData);
    QVERIFY2(second.start(), second.log().constData());
    const QUrl secondUrl(QStringLiteral("http://127.0.0.1:%1").arg(second.port()));
    setup.setServer(secondUrl, QString::fromUtf8(freshToken));
    setup.timeZoneCombo()->setCurrentIndex(setup.timeZoneCombo()->findData(QStringLiteral("Europe/Zurich")));
    QCOMPARE(setup.serverEventId(local), qint64(0)); // ids are per server
    QVERIFY2(publishAndWait(setup, &message), qPrintable(message));
    QVERIFY(setup.serverEventId(local) > 0);
    QCOMPARE(getJson(second.port(), {}, "/api/events/" + QByteArray::number(setup.serverEventId(local)))
                 .value(QStringLiteral("holdSeconds"))
                 .toInt(),
             420);
    engine->close();
}

void TestPromoterServer::waitingRoomChangesInAuditBrowser()
{
    test::TempDir dir;
    const QString serverData = QString::fromStdString(dir.filePath("usherd"));
    QVERIFY(QDir().mkpath(serverData));
    const QByteArray admin = test::UsherdProcess::createToken(serverData, QStringLiteral("admin"));
    const QByteArray promoter = test::UsherdProcess::createToken(serverData, QStringLiteral("promoter"));
    QVERIFY(!admin.isEmpty() && !promoter.isEmpty());
    test::UsherdProcess usherd(serverData);
    QVERIFY2(usherd.start(), usherd.log().constData());
    QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(usherd.port()));

    const QString appData = QString::fromStdString(dir.filePath("app"));
    auto engine = openEngine(appData);
    QVERIFY(engine != nullptr);
    qint64 remote = 0;
    {
        EventSetup setup(*engine);
        setup.setServer(url, QString::fromUtf8(promoter));
        fillForm(setup);
        QString message;
        QVERIFY2(publishAndWait(setup, &message), qPrintable(message));
        remote = message.section(QLatin1Char(' '), 3, 3).toLongLong();
        QVERIFY2(remote > 0, qPrintable(message));
    }

    // The dashboard's controls: pause, then a drain rate, then a refused change.
    UsherdMetricsFeed feed(url, admin);
    feed.setEvent(quint64(remote));
    QVERIFY(feed.canControl());
    QSignalSpy controlled(&feed, &MetricsFeed::controlFinished);
    feed.changeWaitingRoom(QJsonObject { { QStringLiteral("paused"), true } });
    QTRY_COMPARE_WITH_TIMEOUT(controlled.count(), 1, 10'000);
    QVERIFY2(controlled.at(0).at(0).toBool(), qPrintable(controlled.at(0).at(1).toString()));
    feed.changeWaitingRoom(QJsonObject { { QStringLiteral("drainRatePerSecond"), 40 } });
    QTRY_COMPARE_WITH_TIMEOUT(controlled.count(), 2, 10'000);
    QVERIFY(controlled.at(1).at(0).toBool());
    feed.changeWaitingRoom(QJsonObject { { QStringLiteral("drainRatePerSecond"), -5 } });
    QTRY_COMPARE_WITH_TIMEOUT(controlled.count(), 3, 10'000);
    QVERIFY(!controlled.at(2).at(0).toBool());

    // Only admins read them; bad parameters get a 400.
    int status = 0;
    getJson(usherd.port(), promoter, "/api/audit/waiting-room", &status);
    QCOMPARE(status, 403);
    getJson(usherd.port(), admin, "/api/audit/waiting-room?after=x", &status);
    QCOMPARE(status, 400);
    getJson(usherd.port(), admin, "/api/audit/waiting-room?limit=0", &status);
    QCOMPARE(status, 400);
    // Paging: one at a time, "last" is where the next page starts.
    QJsonObject page = getJson(usherd.port(), admin, "/api/audit/waiting-room?limit=1", &status);
    QCOMPARE(status, 200);
    QCOMPARE(page.value(QStringLiteral("changes")).toArray().size(), 1);
    QCOMPARE(page.value(QStringLiteral("last")).toInteger(), 1);
    // (1 is the promoter's publish, which set the room up; then the dashboard's three.)
    page = getJson(usherd.port(), admin, "/api/audit/waiting-room?after=1", &status);
    QCOMPARE(page.value(QStringLiteral("changes")).toArray().size(), 3);
    QCOMPARE(page.value(QStringLiteral("last")).toInteger(), 4);

    // The audit browser, connected: a "Waiting room" tab with the four changes, live.
    AuditLogWidget browser(appData);
    QVERIFY2(browser.isOpen(), qPrintable(browser.errorText()));
    browser.resize(1400, 800);
    browser.show();
    browser.setServer(url, admin);
    WaitingRoomChanges* changes = browser.waitingRoomChanges();
    QVERIFY(changes != nullptr);
    QCOMPARE(browser.views()->count(), 2);
    changes->setPollInterval(100);
    QTRY_COMPARE_WITH_TIMEOUT(changes->table()->rowCount(), 4, 10'000);
    QTableWidget* table = changes->table();
    QVERIFY(table->item(0, WaitingRoomChanges::ActorColumn)->text().startsWith(QStringLiteral("promoter ")));
    QCOMPARE(table->item(1, WaitingRoomChanges::ChangeColumn)->text(), QStringLiteral("Paused"));
    QCOMPARE(table->item(2, WaitingRoomChanges::ChangeColumn)->text(), QStringLiteral("Drain rate 40/s"));
    QCOMPARE(table->item(1, WaitingRoomChanges::EventColumn)->text(), QString::number(remote));
    QVERIFY(table->item(1, WaitingRoomChanges::ActorColumn)->text().startsWith(QStringLiteral("admin ")));
    QCOMPARE(table->item(1, WaitingRoomChanges::ResultColumn)->text(), QStringLiteral("Applied"));
    QVERIFY(table->item(3, WaitingRoomChanges::ResultColumn)->text().startsWith(QStringLiteral("Refused")));

    // A new change appears without asking (the live tail).
    feed.changeWaitingRoom(QJsonObject { { QStringLiteral("paused"), false } });
    QTRY_COMPARE_WITH_TIMEOUT(controlled.count(), 4, 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 5, 10'000);
    QCOMPARE(table->item(4, WaitingRoomChanges::ChangeColumn)->text(), QStringLiteral("Resumed"));

    // The browser's filters apply.
    audit::AuditFilter filter;
    filter.text = "drain";
    browser.setFilter(filter);
    QCOMPARE(changes->visibleRows(), 3); // the publish's rate, the applied and the refused one
    filter.outcome = audit::AuditOutcome::Rejected;
    browser.setFilter(filter);
    QCOMPARE(changes->visibleRows(), 1);
    filter = {};
    filter.event = EventId(remote + 1);
    browser.setFilter(filter);
    QCOMPARE(changes->visibleRows(), 0);
    filter.event = EventId(remote);
    browser.setFilter(filter);
    QCOMPARE(changes->visibleRows(), 5);
    filter.actorKind = ActorKind::Clerk;
    browser.setFilter(filter);
    QCOMPARE(changes->visibleRows(), 0);
    filter.actorKind = ActorKind::Admin;
    browser.setFilter(filter);
    QCOMPARE(changes->visibleRows(), 4); // not the promoter's

    // Durable: after a restart of usherd a new browser sees all five.
    QVERIFY(usherd.terminate());
    QVERIFY2(usherd.start(), usherd.log().constData());
    url.setPort(usherd.port());
    AuditLogWidget after(appData);
    after.setServer(url, admin);
    QTRY_COMPARE_WITH_TIMEOUT(after.waitingRoomChanges()->table()->rowCount(), 5, 10'000);
    QCOMPARE(after.waitingRoomChanges()->lastSeq(), quint64(5));

    // An unreachable usherd is said so, in the tab.
    QVERIFY(usherd.terminate());
    after.waitingRoomChanges()->pollNow();
    QTRY_VERIFY_WITH_TIMEOUT(after.waitingRoomChanges()->statusText().contains(QStringLiteral("not available")), 10'000);
    engine->close();
}

QTEST_MAIN(TestPromoterServer)
#include "TestPromoterServer.moc"
