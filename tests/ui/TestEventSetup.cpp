// Event setup (ui/promoter/EventSetup): validation next to the fields (empty name, offsale before
// onsale, no prices, a bad time zone, a bad amount), the capacity planner's suggested drain rate,
// and Save creating then updating the event, with allocations, in a real Engine on a temporary
// directory. Writes docs/screenshots/event-setup.png with USHER_UPDATE_SCREENSHOTS.

#include "SeatMapWidget.h"
#include "promoter/EventSetup.h"
#include "promoter/PromoterPublisher.h"
#include "runtime/Engine.h"
#include "support/TempDir.h"
#include "venue/SampleVenues.h"
#include "venue/VenueGenerator.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimeZone>

using namespace usher;
using namespace usher::ui;

namespace {

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
    spec.rowsPerSection = 6;
    spec.seatsPerRow = 12;
    spec.categories = 2;
    return generateVenue(spec);
}

// A form that passes: name, Europe/Zurich, prices for both categories.
void fillValidForm(EventSetup& setup)
{
    setup.nameEdit()->setText(QStringLiteral("Winter concert"));
    setup.timeZoneCombo()->setCurrentIndex(setup.timeZoneCombo()->findData(QStringLiteral("Europe/Zurich")));
    setup.startsEdit()->setDateTime(QDateTime(QDate(2031, 12, 20), QTime(19, 30)));
    setup.setChannelWindow(0, QDateTime(QDate(2031, 10, 1), QTime(10, 0)), QDateTime(QDate(2031, 12, 20), QTime(18, 0)));
    setup.setChannelWindow(1, QDateTime(QDate(2031, 10, 1), QTime(10, 0)), QDateTime(QDate(2031, 12, 20), QTime(20, 0)));
    setup.setPrice(0, 0, QStringLiteral("89.00"));
    setup.setPrice(0, 1, QStringLiteral("44.50"));
    setup.setPrice(1, 0, QStringLiteral("59"));
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

// A minimal HTTP/1.1 server on loopback standing in for usherd: answers each request by its method
// and path from `answers` ("POST /api/venues" -> status and body) and records what it got.
class FakeUsherd : public QObject {
public:
    struct Answer {
        int status;
        QByteArray body;
    };
    QMap<QByteArray, Answer> answers;
    QList<QByteArray> requests;   // "POST /api/venues"
    QList<QByteArray> bodies;
    QList<QByteArray> authorizations;

    FakeUsherd()
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }

private:
    void onData(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        qsizetype length = 0;
        QByteArray authorization;
        for (const QByteArray& line : lines) {
            const QByteArray lower = line.trimmed().toLower();
            if (lower.startsWith("content-length:"))
                length = lower.mid(15).trimmed().toLongLong();
            if (lower.startsWith("authorization:"))
                authorization = line.trimmed().mid(14).trimmed();
        }
        if (buffer.size() < end + 4 + length)
            return;
        const QList<QByteArray> first = lines.first().trimmed().split(' ');
        const QByteArray request = first.value(0) + ' ' + first.value(1);
        requests << request;
        bodies << buffer.mid(end + 4, length);
        authorizations << authorization;
        const Answer answer = answers.value(request, Answer { 404, R"({"error":{"code":"not_found","message":"no such route"}})" });
        socket->write("HTTP/1.1 " + QByteArray::number(answer.status) + " X\r\nContent-Type: application/json\r\nContent-Length: "
                      + QByteArray::number(answer.body.size()) + "\r\nConnection: close\r\n\r\n" + answer.body);
        socket->disconnectFromHost();
        m_buffers.remove(socket);
    }

    QTcpServer m_server;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

} // namespace

class TestEventSetup : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void validationMessages();
    void plannerSuggestsDrainRate();
    void saveCreatesAndUpdatesEvent();
    void publishBodies();
    void publishShowsServerErrors();
    void newEventAsksAboutUnsavedChanges();
    void screenshot();
};

void TestEventSetup::validationMessages()
{
    test::TempDir dir;
    auto engine = openEngine(dir);
    QVERIFY(engine != nullptr);
    EventSetup setup(*engine);
    setup.show();

    // Nothing filled in: name and venue are missing; nothing is saved.
    QVERIFY(!setup.save());
    QCOMPARE(setup.fieldError(QStringLiteral("name")), QStringLiteral("Enter the event's name."));
    QVERIFY(!setup.fieldError(QStringLiteral("venue")).isEmpty());
    QVERIFY(setup.findChild<QLabel*>(QStringLiteral("nameError"))->isVisibleTo(&setup));
    QVERIFY(engine->events().empty());

    setup.setVenue(smallVenue());
    fillValidForm(setup);
    QVERIFY(setup.validate());
    QVERIFY(!setup.findChild<QLabel*>(QStringLiteral("nameError"))->isVisibleTo(&setup));

    // Offsale before onsale, next to the channels, and the Channels tab comes forward.
    setup.setChannelWindow(1, QDateTime(QDate(2031, 10, 1), QTime(10, 0)), QDateTime(QDate(2031, 9, 1), QTime(10, 0)));
    QVERIFY(!setup.validate());
    QCOMPARE(setup.fieldError(QStringLiteral("channels")), QStringLiteral("Box office 1: the offsale must be after the onsale."));
    QCOMPARE(setup.tabs()->currentIndex(), 2);
    setup.setChannelWindow(1, QDateTime(QDate(2031, 10, 1), QTime(10, 0)), QDateTime(QDate(2031, 12, 20), QTime(20, 0)));

    // No prices at all.
    for (int r = 0; r < 2; ++r)
        for (int c = 0; c < 2; ++c)
            setup.setPrice(r, c, QString());
    QVERIFY(!setup.validate());
    QVERIFY(setup.fieldError(QStringLiteral("prices")).startsWith(QStringLiteral("Enter at least one price")));
    setup.setPrice(0, 0, QStringLiteral("12.345")); // three decimals in EUR
    QVERIFY(!setup.validate());
    QVERIFY2(setup.fieldError(QStringLiteral("prices")).contains(QStringLiteral("\"12.345\" is not an amount")),
             qPrintable(setup.fieldError(QStringLiteral("prices"))));
    setup.setPrice(0, 0, QStringLiteral("12.30"));

    // A time zone that does not exist.
    setup.timeZoneCombo()->setEditText(QStringLiteral("Mars/Olympus_Mons"));
    QVERIFY(!setup.validate());
    QCOMPARE(setup.fieldError(QStringLiteral("timeZone")), QStringLiteral("Unknown time zone \"Mars/Olympus_Mons\": pick one from the list."));
    QCOMPARE(setup.tabs()->currentIndex(), 0);
    setup.timeZoneCombo()->setCurrentIndex(setup.timeZoneCombo()->findData(QStringLiteral("Europe/Zurich")));

    // A currency that does not exist; an empty name once more.
    setup.currencyCombo()->setEditText(QStringLiteral("XYZ"));
    setup.nameEdit()->clear();
    QVERIFY(!setup.validate());
    QVERIFY(!setup.fieldError(QStringLiteral("currency")).isEmpty());
    QVERIFY(!setup.fieldError(QStringLiteral("name")).isEmpty());
    setup.currencyCombo()->setEditText(QStringLiteral("EUR"));
    setup.nameEdit()->setText(QStringLiteral("Winter concert"));
    QVERIFY(setup.validate());
    QVERIFY(engine->events().empty());
    engine->close();
}

void TestEventSetup::plannerSuggestsDrainRate()
{
    test::TempDir dir;
    auto engine = openEngine(dir);
    QVERIFY(engine != nullptr);
    EventSetup setup(*engine);
    // DESIGN.md: C = 5,000 sessions, T = 300 s give R = 0.8 × 5000 / 300 ≈ 13.3/s.
    QVERIFY(std::abs(setup.suggestedDrainRate() - 13.333) < 0.01);
    QVERIFY2(setup.suggestionText().contains(QStringLiteral("13.3 users/s")), qPrintable(setup.suggestionText()));
    setup.concurrentSessionsSpin()->setValue(20'000);
    setup.purchaseSecondsSpin()->setValue(160);
    QVERIFY(std::abs(setup.suggestedDrainRate() - 100.0) < 1e-9);
    QVERIFY(setup.suggestionText().contains(QStringLiteral("100.0 users/s")));
    QTest::mouseClick(setup.findChild<QPushButton*>(QStringLiteral("useSuggestionButton")), Qt::LeftButton);
    QCOMPARE(setup.drainRateSpin()->value(), 100.0);
    QCOMPARE(setup.waitingRoomFromForm().drainRatePerSecond, 100.0);
    engine->close();
}

void TestEventSetup::saveCreatesAndUpdatesEvent()
{
    test::TempDir dir;
    auto engine = openEngine(dir);
    QVERIFY(engine != nullptr);
    auto venue = smallVenue();
    EventSetup setup(*engine);
    setup.resize(1200, 760);
    setup.show();
    setup.setVenue(venue);
    fillValidForm(setup);

    // Allocate the first row to the box office (channel 2) on the map.
    QVERIFY(setup.map() != nullptr);
    setup.map()->selectRow(0);
    const std::size_t rowSeats = setup.map()->selectedCount();
    QCOMPARE(rowSeats, std::size_t(12));
    QVERIFY(setup.allocateSelected(2));
    QCOMPARE(setup.allocation(venue->seats[0].id), ChannelId(2));

    QSignalSpy saved(&setup, &EventSetup::eventSaved);
    QString error;
    QVERIFY2(setup.save(&error), qPrintable(error));
    QCOMPARE(saved.count(), 1);
    QCOMPARE(engine->events().size(), std::size_t(1));
    const EventId id = engine->events().front();
    QCOMPARE(setup.eventId(), id);
    const EventSpec& stored = engine->event(id)->spec();
    QCOMPARE(stored.name, std::string("Winter concert"));
    QCOMPARE(stored.timeZone, std::string("Europe/Zurich"));
    // 19:30 in Zürich in December is 18:30 UTC.
    QCOMPARE(stored.startsAt, QDateTime(QDate(2031, 12, 20), QTime(18, 30), Qt::UTC).toMSecsSinceEpoch());
    QCOMPARE(stored.price(0, 0), Amount(8900));
    QCOMPARE(stored.price(0, 1), Amount(4450));
    QCOMPARE(stored.price(1, 0), Amount(5900));
    QCOMPARE(stored.price(1, 1), kNotOffered);
    QCOMPARE(stored.channels.size(), std::size_t(2));
    QCOMPARE(stored.channels[1].kind, ChannelKind::BoxOffice);
    std::size_t allocated = 0;
    engine->event(id)->read([&](const Ledger& ledger) {
        for (SeatIndex s = 0; s < ledger.venue().seatCount(); ++s)
            allocated += ledger.seat(s).allocation == 2 ? 1 : 0;
    });
    QCOMPARE(allocated, rowSeats);

    // Change the name and the hold, return half the row: an update of the same event.
    setup.nameEdit()->setText(QStringLiteral("Winter concert (extra date)"));
    setup.findChild<QSpinBox*>(QStringLiteral("holdMinutesSpin"))->setValue(5);
    setup.map()->clearSelection();
    for (SeatIndex s = 0; s < 6; ++s)
        setup.map()->toggleSeat(s);
    QVERIFY(setup.allocateSelected(kOpenPool));
    QVERIFY2(setup.save(&error), qPrintable(error));
    QCOMPARE(engine->events().size(), std::size_t(1));
    QCOMPARE(engine->event(id)->spec().name, std::string("Winter concert (extra date)"));
    QCOMPARE(engine->event(id)->spec().holdSeconds, 300u);
    QCOMPARE(engine->event(id)->spec().revision, 1u);
    allocated = 0;
    engine->event(id)->read([&](const Ledger& ledger) {
        for (SeatIndex s = 0; s < ledger.venue().seatCount(); ++s)
            allocated += ledger.seat(s).allocation == 2 ? 1 : 0;
    });
    QCOMPARE(allocated, std::size_t(6));

    // A second form loads the stored event as it is.
    EventSetup again(*engine);
    QVERIFY(again.loadEvent(id));
    QCOMPARE(again.nameEdit()->text(), QStringLiteral("Winter concert (extra date)"));
    QCOMPARE(again.priceTable()->item(0, 1)->text(), QStringLiteral("44.50"));
    QCOMPARE(again.allocation(venue->seats[11].id), ChannelId(2));
    QVERIFY(again.validate());
    engine->close();
}

void TestEventSetup::publishBodies()
{
    // What goes to usherd: the event without its venue (named by venueId) and without an id.
    EventSpec spec;
    spec.id = 9;
    spec.name = "Gala";
    spec.venue = smallVenue();
    spec.priceTypes = { { "adult", "Adult" } };
    spec.prices = { { "A", { 1000 } } };
    spec.channels = { { 1, "Online", ChannelKind::Online, 0, 1'000'000 } };
    QVERIFY(spec.finalize().empty());
    const QJsonObject event = QJsonDocument::fromJson(PromoterPublisher::eventBody(spec, 42)).object();
    QCOMPARE(event.value(QStringLiteral("venueId")).toInteger(), 42);
    QVERIFY(!event.contains(QStringLiteral("venue")));
    QVERIFY(!event.contains(QStringLiteral("id")));
    QCOMPARE(event.value(QStringLiteral("name")).toString(), QStringLiteral("Gala"));
    WaitingRoomConfig room;
    room.drainRatePerSecond = 50;
    room.onsaleAt = 1'000;
    const QJsonObject roomJson = QJsonDocument::fromJson(PromoterPublisher::waitingRoomBody(room)).object();
    QCOMPARE(roomJson.value(QStringLiteral("drainRatePerSecond")).toDouble(), 50.0);
    QCOMPARE(roomJson.value(QStringLiteral("onsaleAt")).toString(), QStringLiteral("1970-01-01T00:00:01.000Z"));
    // The server's own message is shown.
    QCOMPARE(PromoterPublisher::errorText(422, R"({"error":{"code":"invalid_event","message":"channels[0].id: duplicate"}})", {}),
             QStringLiteral("HTTP 422: channels[0].id: duplicate"));
    QCOMPARE(PromoterPublisher::errorText(0, {}, QStringLiteral("Connection refused")), QStringLiteral("Connection refused"));
}

void TestEventSetup::publishShowsServerErrors()
{
    test::TempDir dir;
    auto engine = openEngine(dir);
    QVERIFY(engine != nullptr);
    FakeUsherd server;
    server.answers.insert("POST /api/venues", { 201, R"({"venueId":5,"seats":144,"areas":0})" });
    server.answers.insert("POST /api/events", { 422, R"({"error":{"code":"invalid_event","message":"channels[1].offsaleAt: before onsaleAt"}})" });
    EventSetup setup(*engine);
    auto* publish = setup.findChild<QPushButton*>(QStringLiteral("publishButton"));
    QVERIFY(!publish->isEnabled()); // no server yet
    setup.setServer(server.url(), QStringLiteral("ust_promoter"));
    QVERIFY(publish->isEnabled());
    setup.setVenue(smallVenue());
    fillValidForm(setup);

    // The event is refused: the chain stops and the server's own message is shown.
    QSignalSpy published(&setup, &EventSetup::published);
    QVERIFY(setup.publish());
    QTRY_COMPARE_WITH_TIMEOUT(published.count(), 1, 10'000);
    QCOMPARE(published.at(0).at(0).toBool(), false);
    QCOMPARE(setup.statusLabel()->text(), QStringLiteral("Creating the event failed: HTTP 422: channels[1].offsaleAt: before onsaleAt"));
    QCOMPARE(server.requests, (QList<QByteArray> { "POST /api/venues", "POST /api/events" }));
    QCOMPARE(server.authorizations.at(0), QByteArray("Bearer ust_promoter"));
    const QJsonObject event = QJsonDocument::fromJson(server.bodies.at(1)).object();
    QCOMPARE(event.value(QStringLiteral("venueId")).toInteger(), 5);
    QCOMPARE(event.value(QStringLiteral("name")).toString(), QStringLiteral("Winter concert"));
    QVERIFY(publish->isEnabled());

    // Accepted: venue, event, then the waiting room with the form's drain rate.
    server.answers.insert("POST /api/events", { 201, R"({"id":17})" });
    server.answers.insert("PUT /api/events/17/waiting-room", { 200, R"({"enabled":true})" });
    setup.drainRateSpin()->setValue(42);
    QVERIFY(setup.publish());
    QTRY_COMPARE_WITH_TIMEOUT(published.count(), 2, 10'000);
    QCOMPARE(published.at(1).at(0).toBool(), true);
    QCOMPARE(setup.statusLabel()->text(), QStringLiteral("Published as event 17 on usherd."));
    QCOMPARE(server.requests.size(), 5);
    QCOMPARE(server.requests.at(4), QByteArray("PUT /api/events/17/waiting-room"));
    QCOMPARE(QJsonDocument::fromJson(server.bodies.at(4)).object().value(QStringLiteral("drainRatePerSecond")).toDouble(), 42.0);
    // Publishing never touches the local engine.
    QVERIFY(engine->events().empty());
    engine->close();
}

void TestEventSetup::newEventAsksAboutUnsavedChanges()
{
    test::TempDir dir;
    auto engine = openEngine(dir);
    QVERIFY(engine != nullptr);
    auto venue = smallVenue();
    EventSetup setup(*engine);
    QStringList questions;
    bool answer = false;
    setup.setConfirmation([&](const QString&, const QString& question) {
        questions << question;
        return answer;
    });
    setup.resize(1200, 760);
    setup.show();
    QVERIFY(QTest::qWaitForWindowExposed(&setup));
    QVERIFY(!setup.hasUnsavedChanges());
    setup.setVenue(venue);
    fillValidForm(setup);
    QString error;
    QVERIFY2(setup.save(&error), qPrintable(error));
    const EventId first = setup.eventId();
    QVERIFY(first != 0);
    QVERIFY(!setup.hasUnsavedChanges());

    // Saved: Ctrl+N starts an empty form at once, in the same venue.
    QVERIFY(setup.newButton()->isVisible());
    QCOMPARE(setup.newButton()->shortcut(), QKeySequence(QKeySequence::New)); // Ctrl+N
    QTest::mouseClick(setup.newButton(), Qt::LeftButton);
    QVERIFY(questions.isEmpty());
    QCOMPARE(setup.eventId(), EventId(0));
    QVERIFY(setup.nameEdit()->text().isEmpty());
    QCOMPARE(setup.priceTable()->rowCount(), int(venue->categories.size()));
    QVERIFY(setup.priceTable()->item(0, 0)->text().isEmpty()); // no prices carried over
    QCOMPARE(setup.channelTable()->rowCount(), 2);
    QVERIFY(!setup.hasUnsavedChanges());

    // A loaded event with a change: asks; "no" keeps everything.
    QVERIFY(setup.loadEvent(first));
    QVERIFY(!setup.hasUnsavedChanges());
    setup.nameEdit()->setText(QStringLiteral("Winter concert (typo fixed)"));
    QVERIFY(setup.hasUnsavedChanges());
    QTest::mouseClick(setup.newButton(), Qt::LeftButton);
    QCOMPARE(questions.size(), 1);
    QVERIFY(questions.front().contains(QStringLiteral("not saved")));
    QCOMPARE(setup.eventId(), first);
    QCOMPARE(setup.nameEdit()->text(), QStringLiteral("Winter concert (typo fixed)"));

    // An allocation alone is a change too.
    setup.nameEdit()->setText(QStringLiteral("Winter concert"));
    QVERIFY(!setup.hasUnsavedChanges());
    setup.map()->selectRow(3);
    QVERIFY(setup.allocateSelected(2));
    QVERIFY(setup.hasUnsavedChanges());

    // "Yes": a new event; saving it creates a second event, the first is untouched.
    answer = true;
    QVERIFY(setup.newEvent());
    QCOMPARE(questions.size(), 2);
    QCOMPARE(setup.eventId(), EventId(0));
    fillValidForm(setup);
    setup.nameEdit()->setText(QStringLiteral("Spring concert"));
    QVERIFY2(setup.save(&error), qPrintable(error));
    QCOMPARE(engine->events().size(), std::size_t(2));
    QVERIFY(setup.eventId() != first);
    QCOMPARE(engine->event(first)->spec().name, std::string("Winter concert"));
    QCOMPARE(engine->event(setup.eventId())->spec().name, std::string("Spring concert"));
    engine->close();
}

void TestEventSetup::screenshot()
{
    test::TempDir dir;
    auto engine = openEngine(dir);
    QVERIFY(engine != nullptr);
    EventSetup setup(*engine);
    setup.resize(1280, 780);
    setup.show();
    setup.setServer(QUrl(QStringLiteral("http://127.0.0.1:8080")), QStringLiteral("ust_example"));
    setup.setVenue(sampleTheatre());
    setup.nameEdit()->setText(QStringLiteral("The Marriage of Figaro"));
    setup.findChild<QLineEdit*>(QStringLiteral("performerEdit"))->setText(QStringLiteral("Ensemble Usher"));
    setup.timeZoneCombo()->setCurrentIndex(setup.timeZoneCombo()->findData(QStringLiteral("Europe/Zurich")));
    setup.currencyCombo()->setCurrentText(QStringLiteral("CHF"));
    setup.startsEdit()->setDateTime(QDateTime(QDate(2031, 12, 20), QTime(19, 30)));
    for (int r = 0; r < setup.priceTable()->rowCount(); ++r) {
        setup.setPrice(r, 0, QString::number(120 - 25 * r) + QStringLiteral(".00"));
        setup.setPrice(r, 1, QString::number(60 - 10 * r) + QStringLiteral(".00"));
    }
    // The two front rows of the centre stalls to the box office.
    const Venue& theatre = setup.map()->model().venue();
    for (std::uint32_t s = 0; s < theatre.sections.size(); ++s)
        if (theatre.sections[s].name == "Stalls Centre")
            for (std::uint32_t r = 0; r < 2; ++r)
                setup.map()->selectRow(theatre.sections[s].firstRow + r);
    QVERIFY(setup.allocateSelected(2));
    QVERIFY(setup.validate());
    setup.tabs()->setCurrentIndex(1);
    QApplication::processEvents();
    saveScreenshot(&setup, QStringLiteral("event-setup.png"));
    engine->close();
}

QTEST_MAIN(TestEventSetup)
#include "TestEventSetup.moc"
