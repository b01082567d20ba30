// The counter enrolled with a real usherd sells the seats of its own allocation offline, and those
// sales reach central (issue 6, docs/design/sync.md "The counter's sales"):
// * usherd grants seats to the box office, then goes down;
// * the clerk sells two allocated seats through the GUI (cash): the sale is journaled in the sync
//   outbox before the local confirm, its op id shows on the completion;
// * a refund of one of its tickets, made offline through the refund dialog, is journaled too;
// * the app's sync stops (the outbox file stays) and starts again with usherd back up: both ops
//   are uploaded and acknowledged; central has the sale exactly once (payment reference
//   "sync:<op id>") with the same seats, and the refunded ticket refunded;
// * an exchange of the other ticket to another granted seat, offline, through the exchange dialog,
//   is journaled and reaches central as a move of the same ticket (old seat free, new seat sold).
//
// usherd is the build's own binary: USHERD_PATH, or app/usherd/usherd in this build tree.

#include "CounterCentralSupport.h"
#include "CounterTestSupport.h"
#include "SeatMapModel.h"
#include "SeatMapWidget.h"
#include "counter/AfterSaleText.h"
#include "counter/EventPicker.h"
#include "counter/ExchangeDialog.h"
#include "counter/OpenShiftPage.h"
#include "counter/OrderSearch.h"
#include "counter/RefundDialog.h"
#include "event/EventSpecJson.h"
#include "storage/Storage.h"
#include "sync/SyncApply.h"
#include "sync/SyncUi.h"

#include <QApplication>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QPushButton>
#include <QTableWidget>

#include <algorithm>
#include <csignal>
#include <set>

using namespace usher;
using namespace usher::test;
using namespace usher::ui;

namespace {

constexpr ChannelId kBoxOffice = 2;
constexpr EventId kDemoNight = 1; // the demo's first event (ensureDemoData)

bool allocatedHere(CounterFixture& f, EventId event, const std::vector<SeatIndex>& seats)
{
    bool all = true;
    f.engine->event(event)->read([&](const Ledger& l) {
        for (SeatIndex i : seats)
            all = all && l.seat(i).allocation == kBoxOffice;
    });
    return all;
}

std::vector<SyncOutboxEntry> outbox(SyncSession& session)
{
    std::vector<SyncOutboxEntry> entries;
    std::string error;
    if (session.client() == nullptr || !session.client()->listOutbox(1, 100, &entries, &error))
        entries.clear();
    return entries;
}

} // namespace

class TestCounterOfflineUpload : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void offlineSaleRefundAndExchangeReachCentral();
};

void TestCounterOfflineUpload::offlineSaleRefundAndExchangeReachCentral()
{
    QVERIFY2(!usherdPath().isEmpty(), "usherd not found: build it, or set USHERD_PATH");
    TempDir centralDir;
    const QString data = QString::fromStdString(centralDir.path());
    auto usherd = std::make_unique<Usherd>(data);
    const QByteArray admin = usherd->token(QStringLiteral("admin"));
    QVERIFY(!admin.isEmpty());
    QVERIFY(usherd->start());
    quint16 port = usherd->port();

    CounterFixture f;
    QString error;
    QVERIFY2(f.open(&error), qPrintable(error));
    const EventId night = kDemoNight;
    const Reply created = request(port, "POST", QStringLiteral("/api/events"),
                                  eventSpecToJson(f.engine->event(night)->spec()), admin);
    QVERIFY2(created.status == 201, created.body.constData());
    const Reply enrolled
        = request(port, "POST", QStringLiteral("/api/devices"), R"({"name":"counter-1","channel":2})", admin);
    QVERIFY2(enrolled.status == 201, enrolled.body.constData());
    const std::string token = enrolled.json.value(QLatin1String("token")).toString().toStdString();

    SyncSession session(*f.engine, QString::fromStdString(f.dir->path()));
    const auto credentials = [&](quint16 p) {
        return DeviceCredentials { QStringLiteral("http://127.0.0.1:%1").arg(p).toStdString(), "counter-1", token,
                                   kBoxOffice };
    };
    QString problem;
    QVERIFY2(session.start(credentials(port), &problem), qPrintable(problem));
    QCOMPARE(session.channel(), kBoxOffice);
    installSyncUi(*f.window, session);
    QVERIFY(signInAndOpenShift(f));
    QTRY_COMPARE_WITH_TIMEOUT(session.status().sync.state, SyncState::Online, 20'000);

    // usherd grants four seats of the open pool to this box office.
    const std::vector<SeatIndex> seats = openPoolSeats(f, night, 4);
    QCOMPARE(seats.size(), std::size_t(4));
    const Venue& venue = f.sale()->seatModel()->venue();
    QJsonArray grant;
    for (SeatIndex i : seats)
        grant.append(qint64(venue.seats[i].id));
    const Reply granted = request(port, "POST", QStringLiteral("/api/events/%1/allocations/counter-1").arg(night),
                                  QJsonDocument(QJsonObject { { QStringLiteral("grant"), grant } }).toJson(), admin);
    QVERIFY2(granted.status == 200 || granted.status == 201, granted.body.constData());
    QTRY_VERIFY_WITH_TIMEOUT(allocatedHere(f, night, seats), 20'000);

    // usherd goes down.
    QVERIFY(usherd->stop());
    QTRY_VERIFY_WITH_TIMEOUT(session.status().sync.state == SyncState::Offline
                                 || session.status().sync.state == SyncState::Connecting,
                             20'000);

    // The clerk sells two allocated seats through the GUI, offline, in cash.
    const std::vector<SeatId> sold { venue.seats[seats[0]].id, venue.seats[seats[1]].id };
    f.sale()->seatMap()->setSelection({ seats[0], seats[1] });
    f.sale()->holdSelectedSeats();
    QTRY_VERIFY_WITH_TIMEOUT(f.sale()->sale() != nullptr && f.idle(), 10'000);
    QCOMPARE(f.sale()->cartTable()->rowCount(), 2);
    f.press(Qt::Key_Return); // cash, the amount due
    QTRY_VERIFY_WITH_TIMEOUT(!f.sale()->hasCart() && f.idle(), 10'000);
    QVERIFY2(f.sale()->completionLabel()->text().contains(QLatin1String("Sync operation")),
             qPrintable(f.sale()->completionLabel()->text() + f.sale()->paymentMessage()->text()));
    const std::string saleOp = f.sale()->lastSyncOp();
    QVERIFY(!saleOp.empty());
    QVERIFY(f.sale()->completionLabel()->text().contains(QString::fromStdString(saleOp)));
    QVERIFY(f.sale()->lastSale().has_value());
    const OrderId localOrder = f.sale()->lastSale()->order;
    QCOMPARE(f.seatStatus(night, sold[0]), SeatStatus::Sold);
    QCOMPARE(session.client()->saleOpOfLocalOrder(localOrder), saleOp);
    {
        const std::vector<SyncOutboxEntry> entries = outbox(session);
        QCOMPARE(entries.size(), std::size_t(1));
        QCOMPARE(entries[0].op.id, saleOp);
        QCOMPARE(entries[0].local, SyncLocalState::Done);
        QCOMPARE(entries[0].localOrder, localOrder);
        QVERIFY(!entries[0].acked);
        QCOMPARE(std::set<SeatId>(entries[0].op.seats.begin(), entries[0].op.seats.end()),
                 std::set<SeatId>(sold.begin(), sold.end()));
    }

    // A refund of the second ticket, offline, through the refund dialog.
    {
        RefundDialog dialog(f.window->services(), OrderSearch::details(f.window->services(), night, localOrder));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* tickets = dialog.findChild<QListWidget*>(QStringLiteral("ticketsListWidget"));
        QVERIFY(tickets != nullptr);
        QCOMPARE(tickets->count(), 2);
        tickets->item(0)->setCheckState(Qt::Unchecked);
        auto* reason = dialog.findChild<QLineEdit*>(QStringLiteral("reasonEdit"));
        QVERIFY(reason != nullptr);
        reason->setText(QStringLiteral("customer is ill"));
        auto* refund = dialog.findChild<QPushButton*>(QStringLiteral("refundButton"));
        QVERIFY(refund != nullptr);
        refund->click();
        QTRY_VERIFY2(dialog.refunded(), qPrintable(dialog.outcomeText()));
    }
    // The dialog lists the tickets by position: the second one was refunded.
    SeatId refundedSeat = 0;
    f.engine->event(night)->read([&](const Ledger& l) {
        const Order* order = l.order(localOrder);
        const Ticket* second = order != nullptr && order->ticketCount == 2 ? l.ticket(order->firstTicket + 1) : nullptr;
        if (second != nullptr && second->status == TicketStatus::Refunded)
            refundedSeat = l.venue().seats[second->seat].id;
    });
    QVERIFY(refundedSeat == sold[0] || refundedSeat == sold[1]);
    const SeatId keptSeat = refundedSeat == sold[0] ? sold[1] : sold[0];
    QCOMPARE(f.seatStatus(night, keptSeat), SeatStatus::Sold);
    QCOMPARE(f.seatStatus(night, refundedSeat), SeatStatus::Available);
    std::string refundOp;
    {
        const std::vector<SyncOutboxEntry> entries = outbox(session);
        QCOMPARE(entries.size(), std::size_t(2));
        QCOMPARE(entries[1].op.kind, SyncOpKind::Refund);
        QCOMPARE(entries[1].op.sale, saleOp);
        // Positions are in the sale op's seat order (central's order lists its tickets that way).
        const auto at = std::find(entries[0].op.seats.begin(), entries[0].op.seats.end(), refundedSeat);
        QVERIFY(at != entries[0].op.seats.end());
        QCOMPARE(entries[1].op.tickets,
                 std::vector<std::uint32_t> { std::uint32_t(at - entries[0].op.seats.begin()) });
        QCOMPARE(entries[1].local, SyncLocalState::Done);
        refundOp = entries[1].op.id;
    }

    // The kept ticket moves to the third granted seat, offline, through the exchange dialog: it
    // offers only the seats of this box office's allocation (the open pool is usherd's), and the
    // move is journaled as an exchange op before the engine makes it.
    const SeatId newSeat = venue.seats[seats[2]].id;
    {
        ExchangeDialog dialog(f.window->services(), OrderSearch::details(f.window->services(), night, localOrder));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* tickets = dialog.findChild<QListWidget*>(QStringLiteral("ticketsListWidget"));
        QVERIFY(tickets != nullptr);
        QCOMPARE(tickets->count(), 1); // the refunded ticket cannot move
        tickets->setCurrentRow(0);
        auto* candidates = dialog.findChild<QListWidget*>(QStringLiteral("seatsListWidget"));
        QVERIFY(candidates != nullptr);
        // Only free seats of this box office's allocation: the two granted seats still free and the
        // refunded one (plus any the demo allocated to this channel), never the open pool's.
        int allocatedFree = 0;
        f.engine->event(night)->read([&](const Ledger& l) {
            for (SeatIndex i = 0; i < l.venue().seats.size(); ++i)
                allocatedFree += l.seatStatus(i) == SeatStatus::Available && l.seat(i).allocation == kBoxOffice ? 1 : 0;
        });
        QVERIFY(allocatedFree >= 3);
        QCOMPARE(candidates->count(), allocatedFree);
        auto* filter = dialog.findChild<QLineEdit*>(QStringLiteral("seatFilterEdit"));
        filter->setText(QString::fromStdString(venue.seatLabel(seats[2])));
        QCOMPARE(candidates->count(), 1);
        candidates->setCurrentRow(0);
        dialog.findChild<QPushButton*>(QStringLiteral("chooseSeatButton"))->click();
        dialog.findChild<QLineEdit*>(QStringLiteral("reasonEdit"))->setText(QStringLiteral("a better view"));
        dialog.findChild<QPushButton*>(QStringLiteral("exchangeButton"))->click();
        QTRY_VERIFY2(dialog.exchanged(), qPrintable(dialog.outcomeText()));
    }
    QCOMPARE(f.seatStatus(night, newSeat), SeatStatus::Sold);
    QCOMPARE(f.seatStatus(night, keptSeat), SeatStatus::Available);
    {
        const std::vector<SyncOutboxEntry> entries = outbox(session);
        QCOMPARE(entries.size(), std::size_t(3));
        QCOMPARE(entries[2].op.kind, SyncOpKind::Exchange);
        QCOMPARE(entries[2].op.sale, saleOp);
        QCOMPARE(entries[2].op.seats, std::vector<SeatId> { newSeat });
        const auto at = std::find(entries[0].op.seats.begin(), entries[0].op.seats.end(), keptSeat);
        QCOMPARE(entries[2].op.tickets,
                 std::vector<std::uint32_t> { std::uint32_t(at - entries[0].op.seats.begin()) });
        QCOMPARE(entries[2].local, SyncLocalState::Done);
    }
    QTRY_COMPARE_WITH_TIMEOUT(session.status().sync.pending, std::uint64_t(3), 5000);

    // The app's sync stops here (the outbox is a file); usherd comes back and the sync starts again.
    session.stop();
    usherd = std::make_unique<Usherd>(data);
    QVERIFY(usherd->start());
    port = usherd->port();
    QVERIFY2(session.start(credentials(port), &problem), qPrintable(problem));
    QTRY_VERIFY_WITH_TIMEOUT(session.status().sync.state == SyncState::Online && session.status().sync.pending == 0,
                             20'000);
    for (const SyncOutboxEntry& e : outbox(session)) {
        QVERIFY(e.acked);
        QVERIFY(e.central.has_value());
        QCOMPARE(*e.central, Status::Ok);
    }
    const Reply applied = request(port, "GET",
                                  QStringLiteral("/api/devices/counter-1/ops/%1").arg(QString::fromStdString(saleOp)),
                                  {}, admin);
    QVERIFY2(applied.status == 200, applied.body.constData());

    f.window.reset();
    session.stop();
    QVERIFY(usherd->stop());

    // Central's journal: the sale exactly once, same seats, the second ticket refunded.
    EngineOptions options;
    options.dataDirectory = centralDir.path();
    options.synchronousFull = false;
    std::string engineError;
    std::unique_ptr<Engine> central = Engine::open(options, &engineError);
    QVERIFY2(central != nullptr, engineError.c_str());
    std::vector<StoredOrder> orders;
    Status lookup = Status::Ok;
    central->withStorage([&](Storage& storage) {
        lookup = storage.findOrdersByPaymentRef(night, syncPaymentRef(saleOp), 10, &orders, &engineError);
    });
    QCOMPARE(lookup, Status::Ok);
    QCOMPARE(orders.size(), std::size_t(1));
    QCOMPARE(orders[0].channel, kBoxOffice);
    QCOMPARE(orders[0].tickets.size(), std::size_t(2));
    // The kept ticket moved to the new seat (the same ticket: exchanged, not sold again).
    std::set<SeatId> centralSeats;
    for (const StoredTicket& t : orders[0].tickets)
        centralSeats.insert(t.seat);
    QCOMPARE(centralSeats, (std::set<SeatId> { refundedSeat, newSeat }));
    for (const StoredTicket& t : orders[0].tickets)
        QCOMPARE(t.status, t.seat == refundedSeat ? TicketStatus::Refunded : TicketStatus::Valid);
    central->event(night)->read([&](const Ledger& l) {
        QCOMPARE(l.seatStatus(l.venue().seatIndex(newSeat)), SeatStatus::Sold);
        QCOMPARE(l.seatStatus(l.venue().seatIndex(keptSeat)), SeatStatus::Available);
        QCOMPARE(l.seat(l.venue().seatIndex(keptSeat)).allocation, kBoxOffice);
        QCOMPARE(l.counts().orders, std::uint64_t(1));
        QCOMPARE(l.seatStatus(l.venue().seatIndex(refundedSeat)), SeatStatus::Available);
        QCOMPARE(l.seat(l.venue().seatIndex(refundedSeat)).allocation, kBoxOffice); // still this box office's
    });
    central->close();
    f.close();
}

QTEST_MAIN(TestCounterOfflineUpload)
#include "TestCounterOfflineUpload.moc"
