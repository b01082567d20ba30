// The counter enrolled with a real usherd on loopback (issue 6):
// * a seat sold online on central turns sold on the clerk's seat map within a second (central's
//   states over /ws, overlaid on the map for the seats this box office does not own);
// * a seat outside the box office's allocation is held and sold through usherd from the counter
//   (cash), and counts once usherd confirmed it;
// * with usherd down, such a seat is refused with the reason and nothing is held or sold.
// Screenshots: docs/screenshots/counter-central-sale.png and counter-offline-refused.png with
// USHER_UPDATE_SCREENSHOTS.
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
#include "sync/SyncUi.h"
#include "syncclient/CentralSeatFeed.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
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

    const std::vector<SeatIndex> open = openPoolSeats(f, night, 3);
    QCOMPARE(open.size(), std::size_t(3));
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

    // 3. usherd down: the seat is refused with the reason; nothing is held or sold.
    QVERIFY(usherd.stop());
    QTRY_VERIFY_WITH_TIMEOUT(session.status().sync.state != SyncState::Online
                                 && session.status().sync.state != SyncState::Syncing,
                             20'000);
    f.sale()->seatMap()->setSelection({ open[2] });
    f.sale()->holdSelectedSeats();
    QTRY_VERIFY_WITH_TIMEOUT(f.idle() && !f.sale()->paymentMessage()->text().isEmpty(), 10'000);
    QVERIFY(!f.sale()->hasCart());
    QVERIFY2(f.sale()->paymentMessage()->text().contains(QLatin1String("unreachable")),
             qPrintable(f.sale()->paymentMessage()->text()));
    QCOMPARE(f.seatStatus(night, venue.seats[open[2]].id), SeatStatus::Available);
    QCOMPARE(model->state(open[2]), SeatMapState::Available);
    QVERIFY(saveScreenshot(f.window.get(), QStringLiteral("counter-offline-refused.png")));

    f.window.reset(); // the window first: its seat map lets go of the session's feed
    session.stop();   // then the sync, before the engine it syncs
    f.close();
}

QTEST_MAIN(TestCounterCentral)
#include "TestCounterCentral.moc"
