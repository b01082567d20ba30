// Online requests of the sync protocol (docs/sync-online-sales.md), in process: the codec of
// `online` / `onlineReply` (round trips, malformed input refused), and a box office and central
// over a perfect in-memory connection: a hold and a sale of open-pool seats, a refusal of allocated
// seats, fail closed while not connected, and a sale whose answer is lost (and central restarted)
// sent again with the same id: the first outcome, one order.

#include "support/SimLedger.h"
#include "support/TempDir.h"
#include "support/TestEvents.h"
#include "sync/SyncApply.h"
#include "sync/SyncBoxOffice.h"
#include "sync/SyncCentral.h"

#include <QTest>

using namespace usher;

namespace {

constexpr EventId kEvent = 7;
constexpr ChannelId kBox = 2;
const char* const kToken = "a-token-of-at-least-16-characters";

EventSpec event()
{
    return test::makeTestEvent(kEvent, 1, 2, 5, 0); // seats 1..10
}

SyncOnlineRequest holdRequest(std::string id, std::vector<SeatId> seats)
{
    SyncOnlineRequest r;
    r.id = std::move(id);
    r.action = SyncOnlineAction::Hold;
    r.event = kEvent;
    r.clerk = 5;
    r.seats = std::move(seats);
    return r;
}

SyncOnlineRequest sellRequest(std::string id, HoldId hold, std::size_t seats)
{
    SyncOnlineRequest r;
    r.id = std::move(id);
    r.action = SyncOnlineAction::Sell;
    r.event = kEvent;
    r.clerk = 5;
    r.hold = hold;
    r.priceTypes.assign(seats, 0);
    r.buyer = Buyer { "Zoë", "z@example.org", "" };
    r.payment = "cash";
    return r;
}

class Pair {
public:
    explicit Pair(const test::TempDir& dir)
        : m_dir(dir)
    {
        std::string error;
        m_centralLedger = test::SimLedger::open(dir.filePath("central.db"), event(), {}, &error);
        QVERIFY2(m_centralLedger != nullptr, error.c_str());
        startCentral();
        QVERIFY2(m_central->enrol("box-1", kToken, kBox, &error), error.c_str());
        m_officeLedger = test::SimLedger::open(dir.filePath("office.db"), event(), {}, &error);
        QVERIFY2(m_officeLedger != nullptr, error.c_str());
        SyncBoxOfficeOptions options;
        options.device = "box-1";
        options.token = kToken;
        options.channel = kBox;
        options.outboxPath = dir.filePath("outbox.db");
        options.durability = SyncDurability::Off;
        options.seed = 42;
        m_office = SyncBoxOffice::open(options, *m_officeLedger, now, &error);
        QVERIFY2(m_office != nullptr, error.c_str());
    }

    void startCentral()
    {
        m_central.reset();
        SyncCentralOptions options;
        options.storePath = m_dir.filePath("central-sync.db");
        options.durability = SyncDurability::Off;
        std::string error;
        m_central = SyncCentral::open(options, *m_centralLedger, now, &error);
        QVERIFY2(m_central != nullptr, error.c_str());
    }

    void restartCentral()
    {
        m_central.reset();
        m_centralLedger.reset();
        std::string error;
        m_centralLedger = test::SimLedger::open(m_dir.filePath("central.db"), event(), {}, &error);
        QVERIFY2(m_centralLedger != nullptr, error.c_str());
        startCentral();
    }

    void connect()
    {
        m_central->opened(++m_connection);
        m_office->connecting(now);
        m_office->opened(now);
        m_connected = true;
        run();
    }

    void disconnect()
    {
        m_central->closed(m_connection);
        m_office->closed(now);
        m_connected = false;
    }

    // Passes messages both ways until both sides are quiet; `dropDown` loses central's answers.
    void run(bool dropDown = false)
    {
        for (int round = 0; round < 100; ++round) {
            now += 10;
            m_office->tick(now);
            m_central->tick(now);
            const std::vector<std::string> up = m_office->takeOutgoing();
            const std::vector<SyncOutgoing> down = m_central->takeOutgoing();
            if (up.empty() && down.empty())
                return;
            for (const std::string& text : up)
                if (m_connected)
                    m_central->received(m_connection, text, now);
            for (const SyncOutgoing& out : down)
                if (m_connected && !dropDown && out.connection == m_connection && !out.text.empty())
                    m_office->received(out.text, now);
        }
    }

    // Sends `request` and returns central's answer (empty id when none came).
    SyncOnlineReply ask(const SyncOnlineRequest& request, bool dropAnswer = false)
    {
        if (!m_office->sendOnline(request))
            return {};
        run(dropAnswer);
        for (SyncOnlineReply& reply : m_office->takeOnlineReplies())
            if (reply.id == request.id)
                return reply;
        return {};
    }

    SeatStatus centralSeat(SeatId id) const
    {
        const Ledger& l = m_centralLedger->ledger();
        return l.seat(l.venue().seatIndex(id)).status;
    }

    Timestamp now = 1'700'000'000'000;
    const test::TempDir& m_dir;
    std::unique_ptr<test::SimLedger> m_centralLedger;
    std::unique_ptr<test::SimLedger> m_officeLedger;
    std::unique_ptr<SyncCentral> m_central;
    std::unique_ptr<SyncBoxOffice> m_office;
    SyncConnectionId m_connection = 0;
    bool m_connected = false;
};

} // namespace

class TestSyncOnline : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void codecRoundTripsAndRefusesMalformed();
    void holdSellRelease();
    void failsClosedWhileNotConnected();
    void lostAnswerRetriedWithTheSameIdSellsOnce();
};

void TestSyncOnline::codecRoundTripsAndRefusesMalformed()
{
    std::vector<SyncMessage> messages;
    SyncMessage m;
    m.type = SyncMessageType::Online;
    m.online = holdRequest("r-1", { 3, 4 });
    messages.push_back(m);
    m.online = sellRequest("r-2", 77, 2);
    messages.push_back(m);
    m.online = SyncOnlineRequest {};
    m.online.id = "r-3", m.online.action = SyncOnlineAction::Release, m.online.event = kEvent, m.online.hold = 77;
    messages.push_back(m);
    SyncMessage reply;
    reply.type = SyncMessageType::OnlineReply;
    reply.onlineReply = SyncOnlineReply { "r-2", Status::Ok, 77, 1'700'000'000'000, 12, 8500, { 101, 102 } };
    messages.push_back(reply);
    reply.onlineReply = SyncOnlineReply { "r-1", Status::SeatUnavailable, 0, 0, 0, 0, {} };
    messages.push_back(reply);
    for (const SyncMessage& message : messages) {
        const std::string text = encodeSyncMessage(message);
        SyncMessage decoded;
        std::string error;
        QVERIFY2(decodeSyncMessage(text, &decoded, &error), (text + ": " + error).c_str());
        QVERIFY2(decoded == message, text.c_str());
    }
    const char* const malformed[] = {
        R"({"type":"online","id":"r","action":"steal","event":7,"clerk":1})",
        R"({"type":"online","id":"r","action":"hold","event":7,"clerk":1,"seats":[]})",
        R"({"type":"online","id":"r","action":"hold","event":7,"clerk":1,"seats":[1,1]})",
        R"({"type":"online","id":"r r","action":"hold","event":7,"clerk":1,"seats":[1]})",
        R"({"type":"online","id":"","action":"hold","event":7,"clerk":1,"seats":[1]})",
        R"({"type":"online","id":"r","action":"hold","event":0,"clerk":1,"seats":[1]})",
        R"({"type":"online","id":"r","action":"release","event":7,"clerk":1})",
        R"({"type":"online","id":"r","action":"sell","event":7,"clerk":1,"hold":3,"priceTypes":[],"amount":-1,"buyer":{"name":"","email":"","phone":""}})",
        R"({"type":"online","id":"r","action":"sell","event":7,"clerk":1,"hold":3,"priceTypes":[],"amount":-2,"payment":"cash","buyer":{"name":"","email":"","phone":""}})",
        R"({"type":"onlineReply","id":"r","status":250,"hold":0,"expiresAt":0,"order":0,"amount":0,"tickets":[]})",
        R"({"type":"onlineReply","id":"r","status":0,"hold":0,"expiresAt":0,"order":0,"amount":0})",
    };
    for (const char* text : malformed) {
        SyncMessage decoded;
        std::string error;
        QVERIFY2(!decodeSyncMessage(text, &decoded, &error), text);
        QVERIFY2(!error.empty(), text);
    }
}

void TestSyncOnline::holdSellRelease()
{
    test::TempDir dir;
    Pair pair(dir);
    pair.connect();
    QCOMPARE(pair.m_office->state(), SyncState::Online);
    // Seats 1..5 belong to the box office; 6..10 are the open pool.
    std::uint64_t push = 0;
    QCOMPARE(pair.m_central->grant("box-1", kEvent, { 1, 2, 3, 4, 5 }, pair.now, &push), Status::Ok);
    pair.run();

    const SyncOnlineReply held = pair.ask(holdRequest("h-1", { 6, 7 }));
    QCOMPARE(held.id, std::string("h-1"));
    QCOMPARE(held.status, Status::Ok);
    QVERIFY(held.hold != 0 && held.expiresAt > pair.now);
    QCOMPARE(pair.centralSeat(6), SeatStatus::Held);
    const SyncOnlineReply sold = pair.ask(sellRequest("s-1", held.hold, 2));
    QCOMPARE(sold.status, Status::Ok);
    QVERIFY(sold.order != 0 && sold.amount > 0);
    QCOMPARE(sold.tickets.size(), std::size_t(2));
    QCOMPARE(pair.centralSeat(6), SeatStatus::Sold);
    QCOMPARE(pair.centralSeat(7), SeatStatus::Sold);
    QCOMPARE(syncCounterPaymentRef("box-1", "s-1", "cash"), std::string("counter:box-1/s-1;cash"));

    // Allocated seats (this box office's own) are never held online; nor are sold ones.
    QVERIFY(pair.ask(holdRequest("h-2", { 1 })).status != Status::Ok);
    QCOMPARE(pair.centralSeat(1), SeatStatus::Available);
    QCOMPARE(pair.ask(holdRequest("h-3", { 6 })).status, Status::SeatUnavailable);

    // Release.
    const SyncOnlineReply held2 = pair.ask(holdRequest("h-4", { 8 }));
    QCOMPARE(held2.status, Status::Ok);
    SyncOnlineRequest release;
    release.id = "x-1", release.action = SyncOnlineAction::Release, release.event = kEvent, release.hold = held2.hold;
    QCOMPARE(pair.ask(release).status, Status::Ok);
    QCOMPARE(pair.centralSeat(8), SeatStatus::Available);
    // Selling a hold that is gone is refused: nothing sold.
    QVERIFY(pair.ask(sellRequest("s-2", held2.hold, 1)).status != Status::Ok);
    QCOMPARE(pair.centralSeat(8), SeatStatus::Available);
    QCOMPARE(pair.m_central->onlineRequests(), std::uint64_t(7));
}

void TestSyncOnline::failsClosedWhileNotConnected()
{
    test::TempDir dir;
    Pair pair(dir);
    QVERIFY(!pair.m_office->sendOnline(holdRequest("h-1", { 6 })));
    QVERIFY(pair.m_office->takeOutgoing().empty());
    std::string why;
    QCOMPARE(pair.m_office->route(kEvent, { 6 }, &why), SyncRoute::Refused);
    QVERIFY2(why.find("unreachable") != std::string::npos, why.c_str());
    QCOMPARE(pair.centralSeat(6), SeatStatus::Available);
    // Before its hello, central refuses an online request of a connection.
    pair.m_central->opened(99);
    SyncMessage m;
    m.type = SyncMessageType::Online;
    m.online = holdRequest("h-2", { 6 });
    pair.m_central->received(99, encodeSyncMessage(m), pair.now);
    const std::vector<SyncOutgoing> out = pair.m_central->takeOutgoing();
    QCOMPARE(out.size(), std::size_t(1));
    QVERIFY2(out[0].text.find("not_authenticated") != std::string::npos, out[0].text.c_str());
    QCOMPARE(pair.centralSeat(6), SeatStatus::Available);
}

void TestSyncOnline::lostAnswerRetriedWithTheSameIdSellsOnce()
{
    test::TempDir dir;
    Pair pair(dir);
    pair.connect();
    const SyncOnlineReply held = pair.ask(holdRequest("h-1", { 9, 10 }));
    QCOMPARE(held.status, Status::Ok);
    // The sale reaches central, its answer is lost, the connection drops, central restarts.
    const SyncOnlineRequest sell = sellRequest("s-lost", held.hold, 2);
    QCOMPARE(pair.ask(sell, true).id, std::string());
    QCOMPARE(pair.centralSeat(9), SeatStatus::Sold);
    pair.disconnect();
    pair.restartCentral();
    pair.connect();
    // The clerk tries again with the same id: the first outcome, not a second sale.
    const SyncOnlineReply again = pair.ask(sell);
    QCOMPARE(again.status, Status::Ok);
    QVERIFY(again.order != 0);
    QCOMPARE(again.tickets.size(), std::size_t(2));
    const SyncOnlineReply third = pair.ask(sell);
    QCOMPARE(third.order, again.order);
    QCOMPARE(third.tickets, again.tickets);
    std::size_t sold = 0;
    const Ledger& l = pair.m_centralLedger->ledger();
    for (SeatIndex i = 0; i < l.venue().seats.size(); ++i)
        sold += l.seat(i).status == SeatStatus::Sold ? 1 : 0;
    QCOMPARE(sold, std::size_t(2));
    // A new id for the same hold: the hold is sold already, refused.
    QVERIFY(pair.ask(sellRequest("s-other", held.hold, 2)).status != Status::Ok);
}

QTEST_GUILESS_MAIN(TestSyncOnline)
#include "TestSyncOnline.moc"
