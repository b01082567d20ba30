// The counter enrolled with a real usherd sells the seats of its own allocation offline, and those
// sales reach central (issue 6, docs/design/sync.md "The counter's sales"):
// * usherd grants seats to the box office, then goes down;
// * the clerk sells two allocated seats through the GUI (cash): the sale is journaled in the sync
//   outbox before the local confirm, its op id shows on the completion;
// * a refund of one of its tickets, made offline through the refund dialog, is journaled too;
// * the app's sync stops (the outbox file stays) and starts again with usherd back up: both ops
//   are uploaded and acknowledged; central has the sale exactly once (payment reference
//   "sync:<op id>") with the same seats, and the refunded ticket refunded.
//
// usherd is the build's own binary: USHERD_PATH, or app/usherd/usherd in this build tree.

#include "CounterTestSupport.h"
#include "SeatMapModel.h"
#include "SeatMapWidget.h"
#include "counter/AfterSaleText.h"
#include "counter/EventPicker.h"
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

// The helpers below are those of TestCounterCentral.cpp.

QString usherdPath()
{
    const QString env = qEnvironmentVariable("USHERD_PATH");
    if (!env.isEmpty())
        return env;
    QDir dir(QCoreApplication::applicationDirPath());
    for (int up = 0; up < 4; ++up) {
        const QString candidate = dir.filePath(QStringLiteral("app/usherd/usherd"));
        if (QFileInfo(candidate).isExecutable())
            return candidate;
        if (!dir.cdUp())
            break;
    }
    return {};
}

struct Reply {
    int status = 0;
    QJsonObject json;
    QByteArray body;
};

// One blocking HTTP request (the event loop runs meanwhile, so the GUI keeps working).
Reply request(quint16 port, const QByteArray& method, const QString& path, const QByteArray& body = {},
              const QByteArray& bearer = {}, const QByteArray& idempotencyKey = {})
{
    static QNetworkAccessManager* manager = new QNetworkAccessManager(QCoreApplication::instance());
    QNetworkRequest r(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
    r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    if (!bearer.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + bearer);
    if (!idempotencyKey.isEmpty())
        r.setRawHeader("Idempotency-Key", idempotencyKey);
    r.setTransferTimeout(10'000);
    QNetworkReply* reply = manager->sendCustomRequest(r, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.json = QJsonDocument::fromJson(out.body).object();
    reply->deleteLater();
    return out;
}

class Usherd {
public:
    explicit Usherd(QString data)
        : m_data(std::move(data))
    {
    }
    ~Usherd() { stop(); }

    QByteArray token(const QString& role)
    {
        QProcess p;
        p.start(usherdPath(), { QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--role"), role,
                                QStringLiteral("--data"), m_data });
        if (!p.waitForFinished(10'000) || p.exitCode() != 0)
            return {};
        return p.readAllStandardOutput().trimmed();
    }

    bool start()
    {
        const QString portFile = m_data + QStringLiteral("/usherd.port");
        QFile::remove(portFile);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(usherdPath(), { QStringLiteral("--data"), m_data, QStringLiteral("--listen"),
                                        QStringLiteral("127.0.0.1:0"), QStringLiteral("--port-file"), portFile,
                                        QStringLiteral("--no-fsync"), QStringLiteral("--rate-limit"),
                                        QStringLiteral("0"), QStringLiteral("--payment-gateway"),
                                        QStringLiteral("demo") });
        if (!m_process.waitForStarted(5000))
            return false;
        const bool listening = QTest::qWaitFor(
            [&] {
                QFile file(portFile);
                if (file.open(QIODevice::ReadOnly))
                    m_port = quint16(file.readAll().trimmed().toUInt());
                return m_port != 0 || m_process.state() == QProcess::NotRunning;
            },
            30'000);
        return listening && m_port != 0
            && QTest::qWaitFor([&] { return request(m_port, "GET", QStringLiteral("/readyz")).status == 200; },
                               30'000);
    }

    bool stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return true;
        ::kill(pid_t(m_process.processId()), SIGTERM);
        return m_process.waitForFinished(20'000);
    }

    quint16 port() const { return m_port; }

private:
    QString m_data;
    QProcess m_process;
    quint16 m_port = 0;
};

bool signInAndOpenShift(CounterFixture& f)
{
    f.typeSignIn(QStringLiteral("clerk"), QStringLiteral("clerk-demo"));
    if (!QTest::qWaitFor([&] { return f.window->stack()->currentWidget() != f.window->signInPage(); }, 10000))
        return false;
    if (f.window->stack()->currentWidget() == f.window->openShiftPage()) {
        f.type(QStringLiteral("100"));
        f.press(Qt::Key_Return);
    }
    return QTest::qWaitFor(
        [&] { return f.sale() != nullptr && f.window->stack()->currentWidget() == f.sale() && f.idle(); }, 10000);
}

// Available seats of the open pool, in venue order.
std::vector<SeatIndex> openPoolSeats(CounterFixture& f, EventId event, std::size_t count)
{
    std::vector<SeatIndex> seats;
    f.engine->event(event)->read([&](const Ledger& l) {
        for (SeatIndex i = 0; i < l.venue().seats.size() && seats.size() < count; ++i)
            if (l.seatStatus(i) == SeatStatus::Available && l.seat(i).allocation == kOpenPool)
                seats.push_back(i);
    });
    return seats;
}

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
    void offlineSaleAndRefundReachCentral();
};

void TestCounterOfflineUpload::offlineSaleAndRefundReachCentral()
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
    QTRY_COMPARE_WITH_TIMEOUT(session.status().sync.pending, std::uint64_t(2), 5000);

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
    std::set<SeatId> centralSeats;
    for (const StoredTicket& t : orders[0].tickets)
        centralSeats.insert(t.seat);
    QCOMPARE(centralSeats, std::set<SeatId>(sold.begin(), sold.end()));
    for (const StoredTicket& t : orders[0].tickets)
        QCOMPARE(t.status, t.seat == refundedSeat ? TicketStatus::Refunded : TicketStatus::Valid);
    central->event(night)->read([&](const Ledger& l) {
        QCOMPARE(l.seatStatus(l.venue().seatIndex(keptSeat)), SeatStatus::Sold);
        QCOMPARE(l.seatStatus(l.venue().seatIndex(refundedSeat)), SeatStatus::Available);
        QCOMPARE(l.seat(l.venue().seatIndex(refundedSeat)).allocation, kBoxOffice); // still this box office's
    });
    central->close();
    f.close();
}

QTEST_MAIN(TestCounterOfflineUpload)
#include "TestCounterOfflineUpload.moc"
