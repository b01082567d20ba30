// The counter enrolled with a real usherd on loopback (issue 6):
// * a seat sold online on central turns sold on the clerk's seat map within a second (central's
//   states over /ws, overlaid on the map for the seats this box office does not own);
// * a seat outside the box office's allocation is held and sold through usherd from the counter
//   (cash), and counts once usherd confirmed it;
// * another one with a chosen ticket type is paid by card (charged first, then sold by usherd) and
//   central's ticket, with central's code, is printed at the counter;
// * a promoter renames the event on usherd: the counter downloads it again and shows it;
// * standing places beyond the box office's pool of the area are held and sold through usherd
//   (Ctrl+G, the quantity, Enter), from the area's open pool on central;
// * with usherd down, such a seat (or such places) is refused with the reason and nothing is held or sold.
// Screenshots: docs/screenshots/counter-central-sale.png, counter-central-places.png and
// counter-offline-refused.png with USHER_UPDATE_SCREENSHOTS.
//
// usherd is the build's own binary: USHERD_PATH, or app/usherd/usherd in this build tree.

#include "CounterCentralSupport.h"
#include "CounterTestSupport.h"
#include "SeatMapModel.h"
#include "SeatMapWidget.h"
#include "counter/EventPicker.h"
#include "counter/OnlineCart.h"
#include "counter/OpenShiftPage.h"
#include "event/EventSpecJson.h"
#include "storage/Storage.h"
#include "sync/SyncUi.h"
#include "syncclient/CentralSeatFeed.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QTableWidget>
#include <QTimer>

#include <csignal>

using namespace usher;
using namespace usher::test;
using namespace usher::ui;

namespace {

constexpr ChannelId kBoxOffice = 2;
constexpr EventId kDemoNight = 1; // the demo's first event (ensureDemoData)

} // namespace

class TestCounterCentral : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void centralSalesOnTheMapAndOnlineSales();
};

void TestCounterCentral::centralSalesOnTheMapAndOnlineSales()
{
    QVERIFY2(!usherdPath().isEmpty(), "usherd not found: build it, or set USHERD_PATH");
    TempDir centralDir;
    const QString data = QString::fromStdString(centralDir.path());
    Usherd usherd(data);
    const QByteArray admin = usherd.token(QStringLiteral("admin"));
    QVERIFY(!admin.isEmpty());
    QVERIFY(usherd.start());
    const quint16 port = usherd.port();

    CounterFixture f;
    QString error;
    QVERIFY2(f.open(&error), qPrintable(error));
    // The demo night, as this box office has it, goes to central (same id, same venue).
    const EventId night = kDemoNight;
    const Reply created = request(port, "POST", QStringLiteral("/api/events"),
                                  eventSpecToJson(f.engine->event(night)->spec()), admin);
    QVERIFY2(created.status == 201, created.body.constData());
    const Reply enrolled
        = request(port, "POST", QStringLiteral("/api/devices"),
                  R"({"name":"counter-1","channel":2})", admin);
    QVERIFY2(enrolled.status == 201, enrolled.body.constData());

    SyncSession session(*f.engine, QString::fromStdString(f.dir->path()));
    DeviceCredentials credentials { QStringLiteral("http://127.0.0.1:%1").arg(port).toStdString(), "counter-1",
                                    enrolled.json.value(QLatin1String("token")).toString().toStdString(),
                                    kBoxOffice };
    QString problem;
    QVERIFY2(session.start(credentials, &problem), qPrintable(problem));
    installSyncUi(*f.window, session);
    QVERIFY(signInAndOpenShift(f));
    QCOMPARE(f.sale()->picker()->currentEvent(), night);
    QTRY_COMPARE_WITH_TIMEOUT(session.status().sync.state, SyncState::Online, 20'000);
    QVERIFY(f.sale()->centralOverlay() != nullptr);
    CentralSeatFeed* feed = session.centralSeats();
    QVERIFY(feed != nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(!feed->states(night).empty(), 20'000);

    const std::vector<SeatIndex> open = openPoolSeats(f, night, 4);
    QCOMPARE(open.size(), std::size_t(4));
    SeatMapModel* model = f.sale()->seatModel();
    const Venue& venue = model->venue();
    for (SeatIndex s : open)
        QCOMPARE(model->state(s), SeatMapState::Available);

    // 1. A buyer buys a seat online on central: the clerk's map shows it sold within a second.
    const Reply session1 = request(port, "POST", QStringLiteral("/api/sessions"));
    const QByteArray buyer = session1.json.value(QLatin1String("token")).toString().toUtf8();
    QVERIFY(!buyer.isEmpty());
    const Reply held
        = request(port, "POST",
                  QStringLiteral("/api/events/%1/seats/%2/hold").arg(night).arg(venue.seats[open[0]].id), {}, buyer,
                  "counter-central-1");
    QVERIFY2(held.status == 201, held.body.constData());
    const QString holdId = held.json.value(QLatin1String("holdId")).toString();
    QTRY_COMPARE_WITH_TIMEOUT(model->state(open[0]), SeatMapState::HeldByOthers, 1000);
    const Reply bought = request(port, "POST", QStringLiteral("/api/holds/%1/purchase").arg(holdId),
                                 R"({"payment":{"token":"tok_ok"},"buyer":{"name":"Ada"}})", buyer);
    QVERIFY2(bought.status == 200, bought.body.constData());
    QElapsedTimer shown;
    shown.start();
    QTRY_COMPARE_WITH_TIMEOUT(model->state(open[0]), SeatMapState::Sold, 1000);
    QVERIFY(shown.elapsed() < 1000);
    QVERIFY(!model->isSellable(open[0]));
    QCOMPARE(f.seatStatus(night, venue.seats[open[0]].id), SeatStatus::Available); // the local ledger: untouched

    // 2. The clerk sells a seat of the open pool: held and sold through usherd, paid in cash here.
    Amount cashBefore = -1;
    f.backend->drawer().expectedCash(f.window->services().shift, &cashBefore);
    f.sale()->seatMap()->setSelection({ open[1] });
    f.sale()->holdSelectedSeats();
    QTRY_VERIFY_WITH_TIMEOUT(f.sale()->onlineCart() != nullptr && f.idle(), 10'000);
    QVERIFY(f.sale()->onlineCart()->isHeld());
    QCOMPARE(f.sale()->cartTable()->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(model->state(open[1]), SeatMapState::HeldByOthers, 1000);
    QVERIFY(f.sale()->amountEdit()->hasFocus());
    const QString due = f.sale()->amountEdit()->text();
    f.press(Qt::Key_Return); // cash, the amount due
    QTRY_VERIFY_WITH_TIMEOUT(!f.sale()->hasCart() && f.idle(), 10'000);
    QVERIFY2(f.sale()->completionLabel()->text().contains(QLatin1String("Sold through usherd")),
             qPrintable(f.sale()->completionLabel()->text() + f.sale()->paymentMessage()->text()));
    QTRY_COMPARE_WITH_TIMEOUT(model->state(open[1]), SeatMapState::Sold, 1000);
    Amount cashAfter = -1;
    f.backend->drawer().expectedCash(f.window->services().shift, &cashAfter);
    QVERIFY2(cashAfter > cashBefore, qPrintable(due));
    f.sale()->seatMap()->setSelection({ open[2] });
    QVERIFY(saveScreenshot(f.window.get(), QStringLiteral("counter-central-sale.png")));

    // 2b. Another seat of the open pool with another ticket type (Right on the cart line), paid by
    //     card: the terminal is charged, then usherd sells it with that type, and the counter prints
    //     central's ticket (its code is central's).
    f.sale()->holdSelectedSeats();
    QTRY_VERIFY_WITH_TIMEOUT(f.sale()->onlineCart() != nullptr && f.idle(), 10'000);
    const QString firstType = f.sale()->cartTable()->item(0, 1)->text();
    f.sale()->cartTable()->setFocus();
    f.sale()->cartTable()->setCurrentCell(0, 0);
    QTest::keyClick(f.sale()->cartTable(), Qt::Key_Right);
    const QString chosenType = f.sale()->cartTable()->item(0, 1)->text();
    QVERIFY2(chosenType != firstType, qPrintable(chosenType));
    auto* card = f.sale()->findChild<QPushButton*>(QStringLiteral("payCardButton"));
    QVERIFY(card != nullptr && card->isEnabled());
    card->click();
    QTRY_VERIFY_WITH_TIMEOUT(!f.sale()->hasCart() && f.idle(), 15'000);
    QVERIFY2(f.sale()->completionLabel()->text().contains(QLatin1String("Paid by card")),
             qPrintable(f.sale()->completionLabel()->text() + f.sale()->paymentMessage()->text()));
    QVERIFY(f.sale()->lastSale().has_value());
    const IssuedSale cardSale = *f.sale()->lastSale();
    QCOMPARE(cardSale.tickets.size(), std::size_t(1));
    QCOMPARE(cardSale.tickets[0].seat, venue.seats[open[2]].id);
    QCOMPARE(QString::fromStdString(f.engine->event(night)->spec().priceTypes[cardSale.tickets[0].priceType].name),
             chosenType);
    QVERIFY(cardSale.tickets[0].code != TicketCode {});
    QTRY_COMPARE_WITH_TIMEOUT(model->state(open[2]), SeatMapState::Sold, 1000);

    // 2c. A promoter renames the event on usherd: the counter downloads it again and shows it.
    const Reply renamed = request(port, "PATCH", QStringLiteral("/api/events/%1").arg(night),
                                  R"j({"name":"Demo night (moved)"})j", admin);
    QVERIFY2(renamed.status == 200, renamed.body.constData());
    QTRY_COMPARE_WITH_TIMEOUT(f.engine->event(night)->spec().name, std::string("Demo night (moved)"), 10'000);
    QTRY_VERIFY_WITH_TIMEOUT(f.sale()->paymentMessage()->text().contains(QLatin1String("usherd changed this event")),
                             5000);
    QVERIFY(session.eventRefreshError().isEmpty());
    QCOMPARE(f.sale()->picker()->currentEvent(), night);
    QVERIFY(f.sale()->seatModel() != nullptr);

    // 2d. Standing places beyond this box office's pool of the area (or with no pool): Ctrl+G, the
    //     quantity, Enter holds them on usherd from the area's open pool; Enter pays them in cash.
    const VenueArea standing = f.engine->event(night)->spec().venue->areas.front();
    const auto localPool = [&f, night, &standing] {
        AreaPool mine;
        f.engine->event(night)->read([&](const Ledger& l) {
            for (const AreaPool& p : l.areaPools(l.venue().areaIndex(standing.id)))
                if (p.channel == kBoxOffice)
                    mine = p;
        });
        return mine;
    };
    const AreaPool poolBefore = localPool();
    const int beyond = int(poolBefore.free()) + 2;
    QVERIFY(beyond <= 64);
    auto* places = f.window->findChild<QSpinBox*>(QStringLiteral("placesSpinBox"));
    QVERIFY(places != nullptr && places->isVisible());
    f.press(Qt::Key_G, Qt::ControlModifier);
    QVERIFY(places->hasFocus());
    f.type(QString::number(beyond));
    f.press(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(f.sale()->onlineCart() != nullptr && f.idle(), 10'000);
    QVERIFY2(f.sale()->onlineCart()->isPlaces(), qPrintable(f.sale()->paymentMessage()->text()));
    QCOMPARE(f.sale()->cartTable()->rowCount(), beyond);
    QCOMPARE(f.sale()->cartTable()->item(0, 0)->text(), QString::fromStdString(standing.name));
    const Amount placePrice = f.engine->event(night)->spec().price(standing.category, 0);
    QCOMPARE(f.sale()->onlineCart()->total({}), Amount(beyond) * placePrice);
    QVERIFY(f.sale()->amountEdit()->hasFocus());
    QVERIFY(saveScreenshot(f.window.get(), QStringLiteral("counter-central-places.png")));
    f.backend->drawer().expectedCash(f.window->services().shift, &cashBefore);
    f.press(Qt::Key_Return); // cash, the amount due
    QTRY_VERIFY_WITH_TIMEOUT(!f.sale()->hasCart() && f.idle(), 10'000);
    QVERIFY2(f.sale()->completionLabel()->text().contains(QLatin1String("Sold through usherd")),
             qPrintable(f.sale()->completionLabel()->text() + f.sale()->paymentMessage()->text()));
    QVERIFY(f.sale()->lastSale().has_value());
    const IssuedSale placesSale = *f.sale()->lastSale();
    QCOMPARE(placesSale.tickets.size(), std::size_t(beyond));
    for (const IssuedTicket& t : placesSale.tickets) {
        QCOMPARE(t.area, standing.id);
        QCOMPARE(t.seat, SeatId(0));
        QVERIFY(t.code != TicketCode {});
    }
    f.backend->drawer().expectedCash(f.window->services().shift, &cashAfter);
    QCOMPARE(cashAfter, cashBefore + Amount(beyond) * placePrice);
    const AreaPool poolAfter = localPool(); // the local ledger and its pool: untouched
    QCOMPARE(poolAfter.sold, poolBefore.sold);
    QCOMPARE(poolAfter.held, poolBefore.held);

    // 3. usherd down: the seat is refused with the reason; nothing is held or sold.
    QVERIFY(usherd.stop());
    QTRY_VERIFY_WITH_TIMEOUT(session.status().sync.state != SyncState::Online
                                 && session.status().sync.state != SyncState::Syncing,
                             20'000);
    SeatMapModel* redrawn = f.sale()->seatModel(); // drawn again with the new terms
    f.sale()->seatMap()->setSelection({ open[3] });
    f.sale()->holdSelectedSeats();
    QTRY_VERIFY_WITH_TIMEOUT(f.idle() && f.sale()->paymentMessage()->text().contains(QLatin1String("unreachable")),
                             10'000);
    QVERIFY(!f.sale()->hasCart());
    QCOMPARE(f.seatStatus(night, venue.seats[open[3]].id), SeatStatus::Available);
    QCOMPARE(redrawn->state(open[3]), SeatMapState::Available);
    QVERIFY(saveScreenshot(f.window.get(), QStringLiteral("counter-offline-refused.png")));
    // So are standing places beyond the pool (fail closed).
    f.sale()->paymentMessage()->clear();
    f.press(Qt::Key_G, Qt::ControlModifier);
    QVERIFY(places->hasFocus());
    f.type(QString::number(beyond));
    f.press(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(f.idle() && f.sale()->paymentMessage()->text().contains(QLatin1String("unreachable")),
                             10'000);
    QVERIFY(!f.sale()->hasCart());
    QCOMPARE(localPool().held, poolBefore.held);

    f.window.reset(); // the window first: its seat map lets go of the session's feed
    session.stop();   // then the sync, before the engine it syncs
    f.close();

    // Central has the card sale's ticket under the printed code, with the chosen type.
    EngineOptions options;
    options.dataDirectory = centralDir.path();
    options.synchronousFull = false;
    std::string engineError;
    std::unique_ptr<Engine> central = Engine::open(options, &engineError);
    QVERIFY2(central != nullptr, engineError.c_str());
    StoredTicket stored;
    Status found = Status::Ok;
    central->withStorage([&](Storage& storage) {
        found = storage.findTicketByCode(ticketCodeText(cardSale.tickets[0].code), &stored, &engineError);
    });
    QCOMPARE(found, Status::Ok);
    QCOMPARE(stored.seat, cardSale.tickets[0].seat);
    QCOMPARE(stored.priceType, cardSale.tickets[0].priceType);
    // And the standing places sold through usherd, from the area's open pool.
    central->event(night)->read([&](const Ledger& l) {
        std::uint32_t openSold = 0;
        for (const AreaPool& p : l.areaPools(l.venue().areaIndex(standing.id))) {
            QCOMPARE(p.held, 0u);
            if (p.channel == kOpenPool)
                openSold = p.sold;
        }
        QCOMPARE(openSold, std::uint32_t(beyond));
    });
    central->close();
}

QTEST_MAIN(TestCounterCentral)
#include "TestCounterCentral.moc"
