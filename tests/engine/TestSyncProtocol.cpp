// The sync protocol's parts one by one (docs/sync-protocol.md): the message codec against
// malformed input, the outbox across a reopen, a box office crashing between journaling and
// applying an op, the handshake's refusals, fail-closed routing, backoff, and a box office and
// central talking in-process (upload, dedup across a central restart, two-phase take-back).

#include "core/Random.h"
#include "support/SimLedger.h"
#include "support/TempDir.h"
#include "support/TestEvents.h"
#include "sync/SyncBackoff.h"
#include "sync/SyncBoxOffice.h"
#include "sync/SyncCentral.h"

#include <QFile>
#include <QTest>

#include <limits>

using namespace usher;

namespace {

constexpr EventId kEvent = 7;
constexpr ChannelId kBox = 2;
constexpr AreaId kArea = 1; // the test event's standing area, 20 places
const char* const kToken = "a-token-of-at-least-16-characters";

struct Crash { };

SyncOp saleOp(std::uint64_t seq)
{
    SyncOp op;
    op.seq = seq;
    op.id = "abc:" + std::to_string(seq);
    op.kind = SyncOpKind::Sale;
    op.event = kEvent;
    op.at = 1'700'000'000'000;
    op.clerk = 3;
    op.seats = { 1, 2 };
    op.priceTypes = { 0, 1 };
    op.amount = 8500;
    op.buyer = Buyer { "Zoë Ünal", "z@example.org", "+44 1" };
    return op;
}

std::vector<SyncMessage> sampleMessages()
{
    std::vector<SyncMessage> all;
    SyncMessage m;
    m.type = SyncMessageType::Hello, m.device = "box-1", m.token = kToken, m.outbox = "0123abcd", m.received = 5;
    all.push_back(m);
    m = SyncMessage {};
    m.type = SyncMessageType::Welcome, m.device = "box-1", m.channel = 2, m.applied = 9;
    all.push_back(m);
    m.features = { kSyncFeatureOnlineArea }; // GA places sold online (protocol 2, session 11)
    all.push_back(m);
    m = SyncMessage {};
    m.type = SyncMessageType::Online, m.online.id = "r-1", m.online.action = SyncOnlineAction::HoldArea;
    m.online.event = kEvent, m.online.clerk = 5, m.online.area = kArea, m.online.quantity = 64;
    all.push_back(m);
    m = SyncMessage {};
    m.type = SyncMessageType::Ops;
    m.ops.push_back(saleOp(4));
    SyncOp refund;
    refund.seq = 5, refund.id = "abc:5", refund.kind = SyncOpKind::Refund, refund.event = kEvent, refund.sale = "abc:4";
    refund.tickets = { 1 }, refund.amount = -1, refund.reason = "ill";
    m.ops.push_back(refund);
    SyncOp exchange;
    exchange.seq = 6, exchange.id = "abc:6", exchange.kind = SyncOpKind::Exchange, exchange.event = kEvent;
    exchange.sale = "abc:4", exchange.tickets = { 0 }, exchange.seats = { 9 };
    m.ops.push_back(exchange);
    SyncOp back;
    back.seq = 7, back.id = "abc:7", back.kind = SyncOpKind::TakeBack, back.event = kEvent, back.takeBack = 3;
    back.seats = { 4, 5 }, back.kept = { 6 };
    m.ops.push_back(back);
    SyncOp nothing;
    nothing.seq = 8, nothing.id = "abc:8", nothing.kind = SyncOpKind::Void, nothing.event = kEvent;
    m.ops.push_back(nothing);
    SyncOp places = saleOp(9); // GA places (protocol 2)
    places.id = "abc:9", places.seats.clear(), places.area = kArea, places.quantity = 2;
    m.ops.push_back(places);
    SyncOp placesBack;
    placesBack.seq = 10, placesBack.id = "abc:10", placesBack.kind = SyncOpKind::TakeBackArea;
    placesBack.event = kEvent, placesBack.takeBack = 4, placesBack.area = kArea, placesBack.quantity = 0;
    m.ops.push_back(placesBack);
    all.push_back(m);
    m = SyncMessage {};
    m.type = SyncMessageType::Ack, m.upTo = 8, m.results = { { 7, Status::Ok }, { 8, Status::SeatUnavailable } };
    all.push_back(m);
    m = SyncMessage {};
    m.type = SyncMessageType::Push, m.push = SyncPush { 3, SyncPushKind::TakeBack, 12, kEvent, { 1, 2, 3 } };
    all.push_back(m);
    m.push = SyncPush { 4, SyncPushKind::GrantArea, 13, kEvent, {}, kArea, 150 };
    all.push_back(m);
    m.push = SyncPush { 5, SyncPushKind::TakeBackArea, 14, kEvent, {}, kArea, 4294967295u };
    all.push_back(m);
    m = SyncMessage {};
    m.type = SyncMessageType::PushAck, m.upTo = 3;
    all.push_back(m);
    m = SyncMessage {};
    m.type = SyncMessageType::Ping;
    all.push_back(m);
    all.push_back(syncError("invalid_message", "what was wrong"));
    return all;
}

EventSpec event()
{
    return test::makeTestEvent(kEvent, 1, 2, 5, 20); // seats 1..10, GA area 1 with 20 places
}

// A box office and central in one process, over a perfect in-memory "connection".
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
        startOffice();
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
        m_connected = false;
    }

    // Stops central, lets `change` touch its files, and starts it again.
    void restartCentral(const std::function<void()>& change)
    {
        m_central.reset();
        m_centralLedger.reset();
        change();
        std::string error;
        m_centralLedger = test::SimLedger::open(m_dir.filePath("central.db"), event(), {}, &error);
        QVERIFY2(m_centralLedger != nullptr, error.c_str());
        startCentral();
    }

    void startOffice(std::function<void(const char*)> crashPoint = {})
    {
        m_office.reset();
        SyncBoxOfficeOptions options;
        options.device = "box-1";
        options.token = kToken;
        options.channel = kBox;
        options.outboxPath = m_dir.filePath("outbox.db");
        options.durability = SyncDurability::Off;
        options.seed = 42;
        options.crashPoint = std::move(crashPoint);
        std::string error;
        m_office = SyncBoxOffice::open(options, *m_officeLedger, now, &error);
        QVERIFY2(m_office != nullptr, error.c_str());
        m_connected = false;
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

    // Passes messages both ways until both sides are quiet.
    void run()
    {
        for (int round = 0; round < 100; ++round) {
            now += 10;
            m_office->tick(now);
            m_central->tick(now);
            std::vector<std::string> up = m_office->takeOutgoing();
            std::vector<SyncOutgoing> down = m_central->takeOutgoing();
            if (up.empty() && down.empty())
                return;
            for (const std::string& text : up) {
                if (m_connected)
                    m_central->received(m_connection, text, now);
            }
            for (const SyncOutgoing& out : down)
                if (m_connected && out.connection == m_connection && !out.text.empty())
                    m_office->received(out.text, now);
        }
    }

    // Sends an online request and returns central's answer (an empty id when none came).
    SyncOnlineReply ask(const SyncOnlineRequest& request)
    {
        if (!m_office->sendOnline(request))
            return {};
        run();
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
    ChannelId centralAllocation(SeatId id) const
    {
        const Ledger& l = m_centralLedger->ledger();
        return l.seat(l.venue().seatIndex(id)).allocation;
    }
    ChannelId officeAllocation(SeatId id) const
    {
        const Ledger& l = m_officeLedger->ledger();
        return l.seat(l.venue().seatIndex(id)).allocation;
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

SyncSaleRequest sale(std::vector<SeatId> seats)
{
    SyncSaleRequest r;
    r.event = kEvent;
    r.seats = std::move(seats);
    r.buyer = Buyer { "Ada", "", "" };
    r.clerk = 5;
    return r;
}

SyncSaleRequest places(std::uint32_t quantity)
{
    SyncSaleRequest r;
    r.event = kEvent;
    r.area = kArea;
    r.quantity = quantity;
    r.buyer = Buyer { "Ada", "", "" };
    r.clerk = 5;
    return r;
}

AreaPool centralPool(Pair& pair, ChannelId channel)
{
    return syncAreaPool(*pair.m_centralLedger, kEvent, kArea, channel);
}

AreaPool officePool(Pair& pair)
{
    return syncAreaPool(*pair.m_officeLedger, kEvent, kArea, kBox);
}

} // namespace

class TestSyncProtocol : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyMessageRoundTrips()
    {
        for (const SyncMessage& m : sampleMessages()) {
            const std::string text = encodeSyncMessage(m);
            SyncMessage back;
            std::string error;
            QVERIFY2(decodeSyncMessage(text, &back, &error), (text + ": " + error).c_str());
            QVERIFY2(back == m, text.c_str());
        }
        SyncOp op = saleOp(1);
        SyncOp back;
        std::string error;
        QVERIFY2(decodeSyncOp(encodeSyncOp(op), &back, &error), error.c_str());
        QCOMPARE(back, op);
    }

    void malformedMessagesAreRefused_data()
    {
        QTest::addColumn<QString>("text");
        const auto row = [](const char* name, const char* text) { QTest::newRow(name) << QString::fromUtf8(text); };
        row("empty", "");
        row("not JSON", "hello");
        row("array", "[1,2]");
        row("no type", "{}");
        row("type not a string", "{\"type\":3}");
        row("unknown type", "{\"type\":\"shutdown\"}");
        row("hello without token",
            "{\"type\":\"hello\",\"protocol\":1,\"device\":\"b\",\"outbox\":\"x\",\"received\":0}");
        row("fractional protocol",
            "{\"type\":\"hello\",\"protocol\":1.5,\"device\":\"b\",\"token\":\"t\",\"outbox\":\"x\",\"received\":0}");
        row("negative received",
            "{\"type\":\"hello\",\"protocol\":1,\"device\":\"b\",\"token\":\"t\",\"outbox\":\"x\",\"received\":-1}");
        row("huge received",
            "{\"type\":\"hello\",\"protocol\":1,\"device\":\"b\",\"token\":\"t\",\"outbox\":\"x\",\"received\":1e300}");
        row("device with a space",
            "{\"type\":\"hello\",\"protocol\":1,\"device\":\"b 1\",\"token\":\"t\",\"outbox\":\"x\",\"received\":0}");
        row("no ops", "{\"type\":\"ops\",\"ops\":[]}");
        row("op not an object", "{\"type\":\"ops\",\"ops\":[7]}");
        row("unknown op kind",
            "{\"type\":\"ops\",\"ops\":[{\"seq\":1,\"id\":\"a:1\",\"kind\":\"steal\",\"event\":7,\"at\":0,\"clerk\":0}]"
            "}");
        row("seqs not dense",
            "{\"type\":\"ops\",\"ops\":[{\"seq\":1,\"id\":\"a:1\",\"kind\":\"void\",\"event\":7,\"at\":0,\"clerk\":0},"
            "{\"seq\":3,\"id\":\"a:3\",\"kind\":\"void\",\"event\":7,\"at\":0,\"clerk\":0}]}");
        row("sale without seats",
            "{\"type\":\"ops\",\"ops\":[{\"seq\":1,\"id\":\"a:1\",\"kind\":\"sale\",\"event\":7,\"at\":0,\"clerk\":0,"
            "\"seats\":[],\"priceTypes\":[],\"amount\":-1,\"buyer\":{\"name\":\"\",\"email\":\"\",\"phone\":\"\"}}]}");
        row("seat twice",
            "{\"type\":\"ops\",\"ops\":[{\"seq\":1,\"id\":\"a:1\",\"kind\":\"sale\",\"event\":7,\"at\":0,\"clerk\":0,"
            "\"seats\":[4,4],\"priceTypes\":[],\"amount\":-1,\"buyer\":{\"name\":\"\",\"email\":\"\",\"phone\":\"\"}}]"
            "}");
        row("price types mismatch",
            "{\"type\":\"ops\",\"ops\":[{\"seq\":1,\"id\":\"a:1\",\"kind\":\"sale\",\"event\":7,\"at\":0,"
            "\"clerk\":0,\"seats\":[4,5],\"priceTypes\":[0],\"amount\":-1,"
            "\"buyer\":{\"name\":\"\",\"email\":\"\",\"phone\":\"\"}}]}");
        row("buyer not an object",
            "{\"type\":\"ops\",\"ops\":[{\"seq\":1,\"id\":\"a:1\",\"kind\":\"sale\",\"event\":7,\"at\":0,"
            "\"clerk\":0,\"seats\":[4],\"priceTypes\":[],\"amount\":-1,\"buyer\":\"Ada\"}]}");
        row("seat released and kept",
            "{\"type\":\"ops\",\"ops\":[{\"seq\":1,\"id\":\"a:1\",\"kind\":\"takeBack\",\"event\":7,\"at\":0,"
            "\"clerk\":0,\"takeBack\":2,\"seats\":[1],\"kept\":[1]}]}");
        row("exchange of two tickets",
            "{\"type\":\"ops\",\"ops\":[{\"seq\":1,\"id\":\"a:1\",\"kind\":\"exchange\",\"event\":7,\"at\":0,"
            "\"clerk\":0,\"sale\":\"a:0\",\"tickets\":[0,1],\"seats\":[3]}]}");
        row("unknown status", "{\"type\":\"ack\",\"upTo\":3,\"results\":[{\"seq\":3,\"status\":77}]}");
        row("push kind", "{\"type\":\"push\",\"seq\":1,\"kind\":\"gift\",\"id\":1,\"event\":7,\"seats\":[1]}");
        row("seat id too big",
            "{\"type\":\"push\",\"seq\":1,\"kind\":\"grant\",\"id\":1,\"event\":7,\"seats\":[4294967296]}");
        row("event zero", "{\"type\":\"push\",\"seq\":1,\"kind\":\"grant\",\"id\":1,\"event\":0,\"seats\":[1]}");
        row("string for number", "{\"type\":\"pushAck\",\"upTo\":\"3\"}");
        // GA allocations (protocol 2).
        const std::string op = R"({"seq":1,"id":"a:1","event":7,"at":0,"clerk":0,)";
        const std::string buyer = R"("priceTypes":[],"amount":-1,"buyer":{"name":"","email":"","phone":""})";
        static std::vector<std::string> texts; // rows keep pointers to them
        texts = {
            R"({"type":"ops","ops":[)" + op + R"("kind":"sale","seats":[1],"area":1,"quantity":1,)" + buyer + "}]}",
            R"({"type":"ops","ops":[)" + op + R"("kind":"sale","area":1,"quantity":0,)" + buyer + "}]}",
            R"({"type":"ops","ops":[)" + op + R"("kind":"sale","area":1,"quantity":65,)" + buyer + "}]}",
            R"({"type":"ops","ops":[)" + op + R"("kind":"sale","area":0,"quantity":1,)" + buyer + "}]}",
            R"({"type":"ops","ops":[)" + op + R"("kind":"sale","area":1,"quantity":2,"priceTypes":[0],)"
                + R"("amount":-1,"buyer":{"name":"","email":"","phone":""}}]})",
            R"({"type":"ops","ops":[)" + op + R"("kind":"takeBackArea","takeBack":3,"quantity":1}]})",
            R"({"type":"ops","ops":[)" + op + R"("kind":"takeBackArea","takeBack":0,"area":1,"quantity":1}]})",
            R"({"type":"push","seq":1,"kind":"grantArea","id":1,"event":7,"area":1})",
            R"({"type":"push","seq":1,"kind":"grantArea","id":1,"event":7,"area":1,"quantity":0})",
            R"({"type":"push","seq":1,"kind":"takeBackArea","id":1,"event":7,"seats":[1]})",
            R"({"type":"push","seq":1,"kind":"grantArea","id":1,"event":7,"area":1,"quantity":4294967296})",
        };
        const char* const names[] = { "GA sale with seats too", "GA sale of 0 places", "GA sale of 65 places",
                                      "GA sale of area 0", "GA price types short", "GA take-back without area",
                                      "GA take-back without push", "grantArea without quantity",
                                      "grantArea of 0", "takeBackArea with seats", "grantArea too big" };
        for (std::size_t k = 0; k < texts.size(); ++k)
            row(names[k], texts[k].c_str());
        // GA places held online (the online action holdArea).
        static std::vector<std::string> online;
        const std::string request = R"({"type":"online","id":"r-1","action":"holdArea","event":7,"clerk":0)";
        online = {
            request + "}",
            request + R"(,"area":1})",
            request + R"(,"quantity":2})",
            request + R"(,"area":1,"quantity":0})",
            request + R"(,"area":1,"quantity":65})",
            request + R"(,"area":0,"quantity":1})",
            request + R"(,"area":4294967296,"quantity":1})",
            request + R"(,"area":1,"quantity":1.5})",
            request + R"(,"area":"1","quantity":1})",
            request + R"(,"seats":[1,2]})",
            R"({"type":"online","id":"r 1","action":"holdArea","event":7,"clerk":0,"area":1,"quantity":1})",
            R"({"type":"online","id":"r-1","action":"holdPlaces","event":7,"clerk":0,"area":1,"quantity":1})",
            R"({"type":"welcome","protocol":2,"device":"b","channel":2,"applied":0,"features":"onlineArea"})",
            R"({"type":"welcome","protocol":2,"device":"b","channel":2,"applied":0,"features":[""]})",
        };
        const char* const onlineNames[] = { "holdArea without area and quantity", "holdArea without quantity",
                                            "holdArea without area", "holdArea of 0 places",
                                            "holdArea of 65 places", "holdArea of area 0", "holdArea area too big",
                                            "holdArea fractional quantity", "holdArea area as string",
                                            "holdArea of seats", "holdArea id with a space",
                                            "unknown online action", "welcome features not a list",
                                            "welcome empty feature" };
        for (std::size_t k = 0; k < online.size(); ++k)
            row(onlineNames[k], online[k].c_str());
        row("error without code", "{\"type\":\"error\",\"message\":\"x\"}");
    }

    void malformedMessagesAreRefused()
    {
        QFETCH(QString, text);
        const std::string bytes = text.toStdString();
        SyncMessage m;
        std::string error;
        QVERIFY(!decodeSyncMessage(bytes, &m, &error));
        QVERIFY(!error.empty());
    }

    void oversizedAndMangledInputNeverCrashes()
    {
        SyncMessage m;
        std::string error;
        const std::string big
            = "{\"type\":\"error\",\"code\":\"x\",\"message\":\"" + std::string(kSyncMessageBytesMax, 'a') + "\"}";
        QVERIFY(!decodeSyncMessage(big, &m, &error));
        QVERIFY(error.find("bytes") != std::string::npos);
        // Every valid message, cut short and with bytes flipped: refused or decoded, never a crash,
        // and whatever decodes encodes again to something that decodes to the same message.
        Prng rng(1234);
        for (const SyncMessage& sample : sampleMessages()) {
            const std::string text = encodeSyncMessage(sample);
            for (int i = 0; i < 400; ++i) {
                std::string mangled = text;
                if (rng.chance(30))
                    mangled.resize(rng.below(mangled.size()));
                for (auto flips = rng.below(4); flips > 0 && !mangled.empty(); --flips)
                    mangled[rng.below(mangled.size())] = static_cast<char>(rng.below(256));
                SyncMessage decoded;
                if (!decodeSyncMessage(mangled, &decoded, &error))
                    continue;
                SyncMessage again;
                QVERIFY2(decodeSyncMessage(encodeSyncMessage(decoded), &again, &error), error.c_str());
                QVERIFY(again == decoded);
            }
        }
    }

    void outboxKeepsEverythingAcrossReopen()
    {
        test::TempDir dir;
        const std::string path = dir.filePath("outbox.db");
        std::string error;
        std::string name;
        {
            auto outbox = SyncOutbox::open(
                path, SyncDurability::Full, [] { return std::string("feedface"); }, &error);
            QVERIFY2(outbox != nullptr, error.c_str());
            name = outbox->name();
            QCOMPARE(name, std::string("feedface"));
            for (int i = 0; i < 5; ++i) {
                SyncOp op = saleOp(0);
                QVERIFY2(outbox->append(&op, 1000 + i, i == 4 ? 3 : 0, &error), error.c_str());
                QCOMPARE(op.seq, std::uint64_t(i + 1));
                QCOMPARE(op.id, "feedface:" + std::to_string(i + 1));
            }
            QVERIFY(outbox->setLocal(1, SyncLocalState::Done, 11, &error));
            QVERIFY(outbox->setLocal(2, SyncLocalState::Void, 0, &error));
            QVERIFY(outbox->setLocal(3, SyncLocalState::Done, 12, &error));
            QVERIFY(outbox->acknowledge(2, { { 1, Status::Ok }, { 2, Status::SeatUnavailable } }, &error));
            QCOMPARE(outbox->pending(), std::uint64_t(3));
        } // closed here as a crash would leave it: every change was its own committed transaction
        auto outbox = SyncOutbox::open(
            path, SyncDurability::Full, [] { return std::string("other"); }, &error);
        QVERIFY2(outbox != nullptr, error.c_str());
        QCOMPARE(outbox->name(), name);
        QCOMPARE(outbox->lastSeq(), std::uint64_t(5));
        QCOMPARE(outbox->ackedSeq(), std::uint64_t(2));
        QCOMPARE(outbox->receivedPush(), std::uint64_t(3));
        QCOMPARE(outbox->rejected(), std::uint64_t(1));
        QCOMPARE(*outbox->oldestPendingAt(&error), Timestamp(1002));
        std::vector<SyncOutboxEntry> entries;
        QVERIFY(outbox->list(1, 10, &entries, &error));
        QCOMPARE(entries.size(), std::size_t(5));
        QCOMPARE(entries[0].localOrder, OrderId(11));
        QVERIFY(entries[0].acked && entries[0].central == Status::Ok);
        QVERIFY(entries[1].local == SyncLocalState::Void && entries[1].central == Status::SeatUnavailable);
        QVERIFY(!entries[2].acked && !entries[2].central.has_value());
        QCOMPARE(entries[4].op.buyer.name, std::string("Zoë Ünal"));
        std::vector<SyncOutboxEntry> intents;
        QVERIFY(outbox->intents(&intents, &error));
        QCOMPARE(intents.size(), std::size_t(2)); // 4 and 5 were never applied locally
        QCOMPARE(intents[0].op.seq, std::uint64_t(4));
        // An acknowledgement beyond what exists acknowledges what exists, no more.
        QVERIFY(outbox->acknowledge(99, {}, &error));
        QCOMPARE(outbox->ackedSeq(), std::uint64_t(5));
    }

    void aCrashBetweenJournalAndLedgerIsRepairedOnOpen()
    {
        test::TempDir dir;
        Pair pair(dir);
        std::uint64_t grant = 0;
        QCOMPARE(pair.m_central->grant("box-1", kEvent, { 1, 2, 3 }, pair.now, &grant), Status::Ok);
        pair.connect();
        QCOMPARE(pair.officeAllocation(2), kBox);
        pair.disconnect();
        bool armed = true;
        pair.startOffice([&](const char* point) {
            if (armed && std::string(point) == "box office: op journaled, not applied")
                throw Crash {};
        });
        bool crashed = false;
        try {
            pair.m_office->sell(sale({ 1, 2 }), pair.now);
        } catch (const Crash&) {
            crashed = true;
        }
        QVERIFY(crashed);
        QCOMPARE(pair.m_officeLedger->ledger().counts().orders, std::uint64_t(0));
        armed = false;
        pair.startOffice(); // the reopen applies the journaled sale
        QCOMPARE(pair.m_officeLedger->ledger().counts().orders, std::uint64_t(1));
        QCOMPARE(pair.m_office->outbox().pending(), std::uint64_t(1));
        pair.connect();
        QCOMPARE(pair.m_office->outbox().pending(), std::uint64_t(0));
        QCOMPARE(pair.centralSeat(1), SeatStatus::Sold);
        QCOMPARE(pair.centralSeat(2), SeatStatus::Sold);
        QCOMPARE(pair.m_centralLedger->ledger().counts().orders, std::uint64_t(1));
    }

    // The counter's own sales and refunds (CounterSale, refundAtCounter) run on the local ledger
    // themselves; the op is journaled first and settled from the ledger, also across a crash at
    // any point (docs/design/sync.md, "The counter's sales").
    void theCountersOwnOpsSettleFromTheLedgerAcrossCrashes()
    {
        test::TempDir dir;
        Pair pair(dir);
        std::uint64_t grant = 0;
        QCOMPARE(pair.m_central->grant("box-1", kEvent, { 1, 2, 3, 4, 5 }, pair.now, &grant), Status::Ok);
        pair.connect();
        QCOMPARE(pair.officeAllocation(5), kBox);
        pair.disconnect();
        int step = 0;
        const auto run = [&](Command c) {
            c.actor = Actor { ActorKind::Clerk, 5 };
            c.channel = kBox;
            c.now = pair.now;
            return applySyncCommand(*pair.m_officeLedger, kEvent, std::move(c), "test/counter",
                                    std::to_string(++step));
        };
        const auto hold = [&](std::vector<SeatId> seats) {
            Command c;
            c.kind = CommandKind::HoldSeats;
            c.seats = std::move(seats);
            const CommandResult r = run(c);
            if (!r.ok())
                qWarning("hold refused: %s", statusName(r.status));
            return r.hold;
        };
        const auto confirm = [&](HoldId h) {
            Command c;
            c.kind = CommandKind::Confirm;
            c.hold = h;
            c.text = "counter-sale";
            return run(c);
        };

        // 1. Journaled, then the app dies before the confirm: the intent waits for the hold (later
        //    ops wait behind it), and settles once the counter's recovery confirms it.
        const HoldId first = hold({ 1, 2 });
        QVERIFY(first != 0);
        const SyncLocalResult begun = pair.m_office->beginExternalSale(sale({ 1, 2 }), first, pair.now);
        QVERIFY2(begun.ok(), begun.message.c_str());
        // A payment tried again journals nothing new.
        QCOMPARE(pair.m_office->beginExternalSale(sale({ 1, 2 }), first, pair.now).opId, begun.opId);
        QCOMPARE(pair.m_office->outbox().lastSeq(), std::uint64_t(1));
        pair.startOffice(); // the crash
        QCOMPARE(pair.m_office->outbox().pending(), std::uint64_t(1));
        QCOMPARE(pair.m_office->sell(sale({ 5 }), pair.now).status, Status::StorageUnavailable);
        const CommandResult confirmed = confirm(first);
        QVERIFY(confirmed.ok());
        pair.m_office->tick(pair.now);
        SyncOutboxEntry entry;
        std::string error;
        QVERIFY(pair.m_office->outbox().find(begun.opId, &entry, &error));
        QCOMPARE(entry.local, SyncLocalState::Done);
        QCOMPARE(entry.localOrder, confirmed.order);
        QCOMPARE(pair.m_office->saleOpOfLocalOrder(confirmed.order), begun.opId);

        // 2. Journaled, and the cart was released instead: void.
        const HoldId second = hold({ 3 });
        const SyncLocalResult released = pair.m_office->beginExternalSale(sale({ 3 }), second, pair.now);
        QVERIFY(released.ok());
        Command release;
        release.kind = CommandKind::Release;
        release.hold = second;
        QVERIFY(run(release).ok());
        QCOMPARE(pair.m_office->finishExternal(released.opId, pair.now).status, Status::HoldNotFound);

        // 3. Confirmed, and the app dies before it is told: done when the outbox opens again.
        const HoldId third = hold({ 4 });
        const SyncLocalResult late = pair.m_office->beginExternalSale(sale({ 4 }), third, pair.now);
        QVERIFY(late.ok());
        // The local step is running: tick() leaves it alone.
        pair.m_office->tick(pair.now);
        QVERIFY(pair.m_office->outbox().find(late.opId, &entry, &error));
        QCOMPARE(entry.local, SyncLocalState::Intent);
        QVERIFY(confirm(third).ok());
        pair.startOffice();
        QVERIFY(pair.m_office->outbox().find(late.opId, &entry, &error));
        QCOMPARE(entry.local, SyncLocalState::Done);

        // 4. A refund of seat 2's ticket, journaled then refunded here; and one journaled whose
        //    refund never ran (the app died): void.
        TicketId seat2 = 0;
        pair.m_officeLedger->read(kEvent, [&](const Ledger& l) { seat2 = l.seat(l.venue().seatIndex(2)).ticket; });
        const SyncLocalResult refund
            = pair.m_office->beginExternalRefund(confirmed.order, { seat2 }, "customer is ill", 5, pair.now);
        QVERIFY2(refund.ok(), refund.message.c_str());
        Command c;
        c.kind = CommandKind::Refund;
        c.order = confirmed.order;
        c.tickets = { seat2 };
        c.amount = -1;
        c.text = "customer is ill";
        QVERIFY(run(c).ok());
        QCOMPARE(pair.m_office->finishExternal(refund.opId, pair.now).status, Status::Ok);
        TicketId seat1 = 0;
        pair.m_officeLedger->read(kEvent, [&](const Ledger& l) { seat1 = l.seat(l.venue().seatIndex(1)).ticket; });
        const SyncLocalResult dropped
            = pair.m_office->beginExternalRefund(confirmed.order, { seat1 }, "never ran", 5, pair.now);
        QVERIFY(dropped.ok());
        QCOMPARE(pair.m_office->beginExternalRefund(confirmed.order, { seat2 }, "twice", 5, pair.now).status,
                 Status::StorageUnavailable); // behind the one in progress
        pair.startOffice();
        QVERIFY(pair.m_office->outbox().find(dropped.opId, &entry, &error));
        QCOMPARE(entry.local, SyncLocalState::Void);
        // An order the outbox did not sell has no sync refund.
        QCOMPARE(pair.m_office->beginExternalRefund(confirmed.order + 100, { seat1 }, "x", 5, pair.now).status,
                 Status::OrderNotFound);

        // Central gets it all, in order: seat 1 and 4 sold, 2 refunded, 3 never sold.
        pair.connect();
        QCOMPARE(pair.m_office->outbox().pending(), std::uint64_t(0));
        QCOMPARE(pair.m_office->outbox().rejected(), std::uint64_t(0));
        QCOMPARE(pair.centralSeat(1), SeatStatus::Sold);
        QCOMPARE(pair.centralSeat(2), SeatStatus::Available);
        QCOMPARE(pair.centralSeat(3), SeatStatus::Available);
        QCOMPARE(pair.centralSeat(4), SeatStatus::Sold);
        QCOMPARE(pair.m_centralLedger->ledger().counts().orders, std::uint64_t(2));
        QCOMPARE(pair.centralAllocation(3), kBox);
    }

    // The counter's exchanges of a synced sale (ExchangeDialog, exchangeAtCounter): journaled as
    // exchange ops around the local Exchange commands, settled from the ledger, applied once on
    // central (the old seat freed, the new one sold, the same ticket moved), also across crashes.
    void theCountersExchangesOfSyncedSalesReachCentral()
    {
        test::TempDir dir;
        Pair pair(dir);
        std::uint64_t grant = 0;
        QCOMPARE(pair.m_central->grant("box-1", kEvent, { 1, 2, 3, 4, 5, 6, 7 }, pair.now, &grant), Status::Ok);
        pair.connect();
        QCOMPARE(pair.officeAllocation(7), kBox);
        pair.disconnect();
        int step = 0;
        const auto run = [&](Command c) {
            c.actor = Actor { ActorKind::Clerk, 5 };
            c.channel = kBox;
            c.now = pair.now;
            return applySyncCommand(*pair.m_officeLedger, kEvent, std::move(c), "test/counter",
                                    std::to_string(++step));
        };
        const auto exchange = [&](OrderId order, TicketId ticket, SeatId seat) {
            Command c;
            c.kind = CommandKind::Exchange;
            c.order = order;
            c.tickets = { ticket };
            c.seats = { seat };
            c.text = "a better view";
            return run(c);
        };
        const auto ticketAt = [&](SeatId seat) {
            TicketId t = 0;
            pair.m_officeLedger->read(kEvent, [&](const Ledger& l) { t = l.seat(l.venue().seatIndex(seat)).ticket; });
            return t;
        };
        // A counter sale of seats 1 and 2, listed by the clerk in another order than the hold's.
        Command hold;
        hold.kind = CommandKind::HoldSeats;
        hold.seats = { 1, 2 };
        const HoldId cart = run(hold).hold;
        QVERIFY(cart != 0);
        const SyncLocalResult sold = pair.m_office->beginExternalSale(sale({ 2, 1 }), cart, pair.now);
        QVERIFY2(sold.ok(), sold.message.c_str());
        Command confirm;
        confirm.kind = CommandKind::Confirm;
        confirm.hold = cart;
        confirm.text = "counter-sale";
        const CommandResult order = run(confirm);
        QVERIFY(order.ok());
        QVERIFY(pair.m_office->finishExternal(sold.opId, pair.now).ok());
        const TicketId first = ticketAt(1);
        const TicketId second = ticketAt(2);

        // Refused before anything is journaled: a seat not allocated here, a taken seat, a ticket
        // of no synced order, the same seat twice.
        const std::uint64_t before = pair.m_office->outbox().lastSeq();
        QCOMPARE(pair.m_office->beginExternalExchange(order.order, { { first, 9 } }, 5, pair.now).status,
                 Status::SeatNotAllocated);
        QCOMPARE(pair.m_office->beginExternalExchange(order.order, { { first, 2 } }, 5, pair.now).status,
                 Status::SeatUnavailable);
        QCOMPARE(pair.m_office->beginExternalExchange(order.order + 9, { { first, 3 } }, 5, pair.now).status,
                 Status::OrderNotFound);
        QCOMPARE(pair.m_office->beginExternalExchange(order.order, { { first, 3 }, { second, 3 } }, 5, pair.now)
                     .status,
                 Status::InvalidArgument);
        QCOMPARE(pair.m_office->beginExternalExchange(order.order, { { first, 3 }, { first, 4 } }, 5, pair.now)
                     .status,
                 Status::TicketNotFound);
        QCOMPARE(pair.m_office->outbox().lastSeq(), before);

        // 1. Seat 1's ticket moves to seat 3: done.
        const SyncLocalResult moved = pair.m_office->beginExternalExchange(order.order, { { first, 3 } }, 5, pair.now);
        QVERIFY2(moved.ok(), moved.message.c_str());
        QCOMPARE(moved.ops.size(), std::size_t(1));
        QVERIFY(exchange(order.order, first, 3).ok());
        QCOMPARE(pair.m_office->finishExternal(moved.ops[0], pair.now).status, Status::Ok);

        // 2. Two moves journaled; the first is made, then the app dies: done and void on reopen.
        const SyncLocalResult two
            = pair.m_office->beginExternalExchange(order.order, { { second, 4 }, { first, 5 } }, 5, pair.now);
        QVERIFY2(two.ok(), two.message.c_str());
        QCOMPARE(two.ops.size(), std::size_t(2));
        QVERIFY(exchange(order.order, second, 4).ok());
        pair.startOffice(); // the crash
        SyncOutboxEntry entry;
        std::string error;
        QVERIFY(pair.m_office->outbox().find(two.ops[0], &entry, &error));
        QCOMPARE(entry.local, SyncLocalState::Done);
        QVERIFY(pair.m_office->outbox().find(two.ops[1], &entry, &error));
        QCOMPARE(entry.local, SyncLocalState::Void);

        // 3. The moved ticket (now on seat 3) moves again, to 6, then is refunded by ticket.
        const SyncLocalResult again = pair.m_office->beginExternalExchange(order.order, { { first, 6 } }, 5, pair.now);
        QVERIFY(again.ok());
        QVERIFY(exchange(order.order, first, 6).ok());
        QVERIFY(pair.m_office->finishExternal(again.opId, pair.now).ok());
        const SyncLocalResult refund
            = pair.m_office->beginExternalRefund(order.order, { first }, "changed plans", 5, pair.now);
        QVERIFY2(refund.ok(), refund.message.c_str());
        Command r;
        r.kind = CommandKind::Refund;
        r.order = order.order;
        r.tickets = { first };
        r.amount = -1;
        r.text = "changed plans";
        QVERIFY(run(r).ok());
        QVERIFY(pair.m_office->finishExternal(refund.opId, pair.now).ok());

        // Central gets every step once, in order: seat 4 sold (seat 2's ticket moved there), the
        // other ticket refunded on seat 6, seats 1, 2, 3 and 5 free again and still the box office's.
        pair.connect();
        QCOMPARE(pair.m_office->outbox().pending(), std::uint64_t(0));
        QCOMPARE(pair.m_office->outbox().rejected(), std::uint64_t(0));
        for (SeatId free : { 1, 2, 3, 5, 6 }) {
            QCOMPARE(pair.centralSeat(SeatId(free)), SeatStatus::Available);
            QCOMPARE(pair.centralAllocation(SeatId(free)), kBox);
        }
        QCOMPARE(pair.centralSeat(4), SeatStatus::Sold);
        const Ledger& central = pair.m_centralLedger->ledger();
        QCOMPARE(central.counts().orders, std::uint64_t(1));
        const Order* remote = central.order(1);
        QCOMPARE(std::string(remote->paymentRef()), syncPaymentRef(sold.opId));
        const Ledger& local = pair.m_officeLedger->ledger();
        const Order* mine = local.order(order.order);
        QCOMPARE(remote->amount, mine->amount);
        QCOMPARE(remote->refunded, mine->refunded);
        for (std::uint32_t i = 0; i < 2; ++i) {
            const Ticket* a = local.ticket(mine->firstTicket + i);
            const Ticket* b = central.ticket(remote->firstTicket + i);
            QCOMPARE(a->seat, b->seat);
            QCOMPARE(a->status, b->status);
            QCOMPARE(a->generation, b->generation);
        }
        // Uploading again (a lost ack) changes nothing: central answers from its records.
        pair.startCentral();
        pair.connect();
        QCOMPARE(central.counts().orders, std::uint64_t(1));
        QCOMPARE(pair.centralSeat(4), SeatStatus::Sold);
    }

    void handshakeRefusesVersionsTokensAndStrangers()
    {
        test::TempDir dir;
        Pair pair(dir);
        SyncCentral& central = *pair.m_central;
        const auto answer = [&](SyncConnectionId c, const std::string& text) {
            central.opened(c);
            central.received(c, text, pair.now);
            std::vector<SyncOutgoing> out = central.takeOutgoing();
            SyncMessage m;
            std::string error;
            if (out.empty() || !decodeSyncMessage(out.front().text, &m, &error))
                return std::make_pair(SyncMessage {}, false);
            return std::make_pair(m, out.front().close);
        };
        SyncMessage hello;
        hello.type = SyncMessageType::Hello, hello.device = "box-1", hello.token = kToken, hello.outbox = "o1";
        hello.protocol = kSyncProtocolVersion + 1;
        auto [refused, closed] = answer(101, encodeSyncMessage(hello));
        QCOMPARE(refused.code, std::string("version_unsupported"));
        QVERIFY(refused.message.find("protocol " + std::to_string(kSyncProtocolVersion)) != std::string::npos);
        QVERIFY(refused.message.find("speaks " + std::to_string(kSyncProtocolVersion + 1)) != std::string::npos);
        QVERIFY(closed);
        // A box office of protocol 1 (before GA allocations) is told to update.
        hello.protocol = 1;
        std::tie(refused, closed) = answer(105, encodeSyncMessage(hello));
        QCOMPARE(refused.code, std::string("version_unsupported"));
        QVERIFY(refused.message.find("update the box office") != std::string::npos);
        hello.protocol = kSyncProtocolVersion;
        hello.token = "a-wrong-token-of-some-length";
        std::tie(refused, closed) = answer(102, encodeSyncMessage(hello));
        QCOMPARE(refused.code, std::string("unauthorized"));
        QVERIFY(closed);
        SyncMessage ops;
        ops.type = SyncMessageType::Ops;
        ops.ops.push_back(saleOp(1));
        std::tie(refused, closed) = answer(103, encodeSyncMessage(ops));
        QCOMPARE(refused.code, std::string("not_authenticated"));
        QVERIFY(!closed);
        // Garbage is answered, and a connection that keeps sending it is closed.
        central.opened(104);
        for (int i = 0; i < 20; ++i)
            central.received(104, "\x01\x02garbage", pair.now);
        std::vector<SyncOutgoing> out = central.takeOutgoing();
        QCOMPARE(out.size(), std::size_t(20));
        QVERIFY(!out[15].close);
        QVERIFY(out[16].close);
        QVERIFY(central.invalidMessages() >= 20);
        // The right token: welcome.
        hello.token = kToken;
        std::tie(refused, closed) = answer(105, encodeSyncMessage(hello));
        QCOMPARE(int(refused.type), int(SyncMessageType::Welcome));
        QCOMPARE(refused.channel, kBox);
        // The same device with another outbox (a reinstall) is refused.
        hello.outbox = "o2";
        std::tie(refused, closed) = answer(106, encodeSyncMessage(hello));
        QCOMPARE(refused.code, std::string("outbox_mismatch"));
    }

    void theBoxOfficeShowsCentralsRefusal()
    {
        test::TempDir dir;
        Pair pair(dir);
        pair.m_office->connecting(pair.now);
        pair.m_office->opened(pair.now);
        QCOMPARE(pair.m_office->state(), SyncState::Connecting);
        pair.m_office->takeOutgoing();
        pair.m_office->received(encodeSyncMessage(syncError("unauthorized", "unknown device or wrong token")),
                                pair.now);
        QVERIFY(pair.m_office->takeCloseRequest());
        pair.m_office->closed(pair.now);
        const SyncStatus status = pair.m_office->status(pair.now);
        QCOMPARE(status.state, SyncState::Offline);
        QVERIFY(status.refusal.find("wrong token") != std::string::npos);
        QCOMPARE(status.failures, 1u);
        // No answer to hello: the box office gives up after the handshake timeout.
        pair.now += 60'000;
        QVERIFY(pair.m_office->shouldConnect(pair.now));
        pair.m_office->connecting(pair.now);
        pair.m_office->opened(pair.now);
        pair.m_office->tick(pair.now + 9'000);
        QVERIFY(!pair.m_office->takeCloseRequest());
        pair.m_office->tick(pair.now + 10'000);
        QVERIFY(pair.m_office->takeCloseRequest());
    }

    void sellingOutsideTheAllocationFailsClosed()
    {
        test::TempDir dir;
        Pair pair(dir);
        std::uint64_t grant = 0;
        QCOMPARE(pair.m_central->grant("box-1", kEvent, { 1, 2 }, pair.now, &grant), Status::Ok);
        pair.connect();
        std::string why;
        QCOMPARE(pair.m_office->route(kEvent, { 1, 2 }, &why), SyncRoute::Local);
        QCOMPARE(pair.m_office->route(kEvent, { 5 }, &why), SyncRoute::Online);
        QCOMPARE(pair.m_office->route(kEvent, { 1, 5 }, &why), SyncRoute::Refused);
        QVERIFY(why.find("mix") != std::string::npos);
        pair.disconnect();
        why.clear();
        QCOMPARE(pair.m_office->route(kEvent, { 5 }, &why), SyncRoute::Refused);
        QVERIFY(why.find("unreachable") != std::string::npos);
        const SyncLocalResult refused = pair.m_office->sell(sale({ 5 }), pair.now);
        QCOMPARE(refused.status, Status::SeatNotAllocated);
        QVERIFY(refused.opId.empty());
        QCOMPARE(pair.m_office->outbox().lastSeq(), std::uint64_t(0));
        const SyncLocalResult sold = pair.m_office->sell(sale({ 1 }), pair.now);
        QCOMPARE(sold.status, Status::Ok);
        QCOMPARE(pair.m_office->status(pair.now + 5000).pending, std::uint64_t(1));
        QCOMPARE(pair.m_office->status(pair.now + 5000).oldestPendingAgeMs, std::int64_t(5000));
        // A seat sold here cannot be sold here again.
        QCOMPARE(pair.m_office->sell(sale({ 1 }), pair.now).status, Status::SeatUnavailable);
    }

    // Whatever reaches the outbox must be readable by central: anything it would refuse to read is
    // refused before it is journaled, so the upload can never get stuck on it.
    void opsCentralCouldNotReadAreNeverJournaled()
    {
        test::TempDir dir;
        Pair pair(dir);
        std::uint64_t grant = 0;
        QCOMPARE(pair.m_central->grant("box-1", kEvent, { 1, 2 }, pair.now, &grant), Status::Ok);
        pair.connect();
        SyncSaleRequest longName = sale({ 1 });
        longName.buyer.name = std::string(kSyncTextBytesMax + 1, 'n');
        const SyncLocalResult refused = pair.m_office->sell(longName, pair.now);
        QCOMPARE(refused.status, Status::InvalidArgument);
        QVERIFY(refused.opId.empty());
        QCOMPARE(pair.m_office->sell(sale({ 1, 1 }), pair.now).status, Status::InvalidArgument);
        const SyncLocalResult sold = pair.m_office->sell(sale({ 1 }), pair.now);
        QVERIFY(sold.ok());
        QCOMPARE(pair.m_office->refund(sold.opId, {}, -1, "", 5, pair.now).status, Status::InvalidArgument);
        QCOMPARE(pair.m_office->outbox().lastSeq(), std::uint64_t(1));
        pair.run();
        QCOMPARE(pair.m_office->outbox().pending(), std::uint64_t(0));
        QCOMPARE(pair.centralSeat(1), SeatStatus::Sold);
    }

    void backoffGrowsWithJitterAndResets()
    {
        SyncBackoff backoff(500, 30'000, 7);
        std::int64_t ceiling = 500;
        for (int i = 0; i < 12; ++i) {
            const std::int64_t delay = backoff.failed();
            QVERIFY2(delay >= ceiling / 2 && delay <= ceiling, std::to_string(delay).c_str());
            ceiling = std::min<std::int64_t>(ceiling * 2, 30'000);
        }
        backoff.succeeded();
        QVERIFY(backoff.failed() <= 500);
        // Two box offices with other seeds do not retry in lockstep.
        SyncBackoff a(500, 30'000, 1), b(500, 30'000, 2);
        int same = 0;
        for (int i = 0; i < 8; ++i)
            same += a.failed() == b.failed() ? 1 : 0;
        QVERIFY(same < 8);
    }

    void uploadIsAppliedOnceEvenAcrossACentralRestart()
    {
        test::TempDir dir;
        Pair pair(dir);
        std::uint64_t grant = 0;
        QCOMPARE(pair.m_central->grant("box-1", kEvent, { 1, 2, 3, 4 }, pair.now, &grant), Status::Ok);
        pair.connect();
        pair.disconnect();
        const SyncLocalResult first = pair.m_office->sell(sale({ 1, 2 }), pair.now);
        const SyncLocalResult second = pair.m_office->sell(sale({ 3 }), pair.now);
        QVERIFY(first.ok() && second.ok());
        QVERIFY(pair.m_office->refund(first.opId, { 1 }, -1, "changed plans", 5, pair.now).ok());
        // Upload by hand, then replay the same message after central restarts.
        std::vector<SyncOutboxEntry> entries;
        std::string error;
        QVERIFY(pair.m_office->outbox().list(1, 10, &entries, &error));
        SyncMessage ops;
        ops.type = SyncMessageType::Ops;
        for (auto& e : entries)
            ops.ops.push_back(e.op);
        SyncMessage hello;
        hello.type = SyncMessageType::Hello, hello.device = "box-1", hello.token = kToken;
        hello.outbox = pair.m_office->outbox().name(), hello.received = 1;
        for (int round = 0; round < 2; ++round) {
            pair.m_central->opened(900 + round);
            pair.m_central->received(900 + round, encodeSyncMessage(hello), pair.now);
            pair.m_central->received(900 + round, encodeSyncMessage(ops), pair.now);
            pair.m_central->received(900 + round, encodeSyncMessage(ops), pair.now); // a duplicate
            pair.m_central->takeOutgoing();
            pair.startCentral();
        }
        const Ledger& central = pair.m_centralLedger->ledger();
        QCOMPARE(central.counts().orders, std::uint64_t(2));
        QCOMPARE(central.counts().sold, 2u); // seat 2 was refunded
        QCOMPARE(pair.centralSeat(2), SeatStatus::Available);
        QCOMPARE(pair.m_central->device("box-1")->applied, std::uint64_t(3));
        // The box office learns it from welcome and has nothing left to send.
        pair.connect();
        QCOMPARE(pair.m_office->outbox().pending(), std::uint64_t(0));
        QCOMPARE(pair.m_office->state(), SyncState::Online);
        QCOMPARE(pair.m_office->outbox().rejected(), std::uint64_t(0));
    }

    // A batch of queued `ops` messages (up to kSyncOpsPerBatchMax ops) with more refusals than one
    // ack holds: they go in several acks, in order, that together name every refusal; a hello that
    // lost them all hears them again, a page at a time.
    void refusalsBeyondOneAckGoInSeveral()
    {
        test::TempDir dir;
        Pair pair(dir);
        pair.connect();
        const std::string outbox = pair.m_office->outbox().name();
        static constexpr std::uint64_t kOps = 2550;
        std::vector<std::string> texts;
        for (std::uint64_t seq = 1; seq <= kOps;) {
            SyncMessage ops;
            ops.type = SyncMessageType::Ops;
            for (int k = 0; k < 850; ++k, ++seq) {
                SyncOp op = saleOp(seq);
                op.id = outbox + ":" + std::to_string(seq);
                op.seats = { SeatId(1 + seq % 10) }; // none is the device's: refused
                op.priceTypes.clear(), op.amount = -1;
                ops.ops.push_back(op);
            }
            texts.push_back(encodeSyncMessage(ops));
        }
        const auto collect = [&pair](std::vector<SyncOpResult>* all) {
            std::uint64_t upTo = 0;
            for (const SyncOutgoing& out : pair.m_central->takeOutgoing()) {
                if (out.text.empty())
                    continue; // a close (the older connection, replaced by the new hello)
                SyncMessage m;
                std::string error;
                QVERIFY2(decodeSyncMessage(out.text, &m, &error), error.c_str());
                if (m.type != SyncMessageType::Ack)
                    continue;
                QVERIFY(m.results.size() <= kSyncOpsPerMessageMax);
                QVERIFY(m.upTo >= upTo);
                upTo = m.upTo;
                for (const SyncOpResult& r : m.results) {
                    QVERIFY(r.seq <= m.upTo);
                    all->push_back(r);
                }
            }
            QCOMPARE(upTo, kOps);
        };
        const auto check = [](const std::vector<SyncOpResult>& all) {
            QCOMPARE(all.size(), std::size_t(kOps));
            for (std::size_t i = 0; i < all.size(); ++i) {
                QCOMPARE(all[i].seq, std::uint64_t(i + 1));
                QCOMPARE(all[i].status, Status::SeatNotAllocated);
            }
        };
        pair.m_central->received(pair.m_connection, texts, pair.now);
        std::vector<SyncOpResult> all;
        collect(&all);
        check(all);
        QCOMPARE(pair.m_central->device("box-1")->applied, kOps);

        SyncMessage hello; // the acks were lost: a new connection's hello says nothing is acknowledged
        hello.type = SyncMessageType::Hello, hello.device = "box-1", hello.token = kToken, hello.outbox = outbox;
        pair.m_central->opened(900);
        pair.m_central->received(900, encodeSyncMessage(hello), pair.now);
        all.clear();
        collect(&all);
        check(all);
    }

    // Central refuses a sale of seats that are not the device's; when that answer is lost with its
    // connection, the next handshake tells the box office again.
    void refusalsLostWithAConnectionAreToldAgain()
    {
        test::TempDir dir;
        Pair pair(dir);
        std::uint64_t grant = 0;
        QCOMPARE(pair.m_central->grant("box-1", kEvent, { 1 }, pair.now, &grant), Status::Ok);
        pair.connect();
        pair.disconnect();
        QVERIFY(pair.m_office->sell(sale({ 1 }), pair.now).ok());
        std::vector<SyncOutboxEntry> entries;
        std::string error;
        QVERIFY(pair.m_office->outbox().list(1, 1, &entries, &error));
        SyncMessage ops;
        ops.type = SyncMessageType::Ops;
        ops.ops.push_back(entries.front().op);
        ops.ops.front().seats = { 9 }; // forged: seat 9 is in the open pool
        SyncMessage hello;
        hello.type = SyncMessageType::Hello, hello.device = "box-1", hello.token = kToken;
        hello.outbox = pair.m_office->outbox().name(), hello.received = 1;
        pair.m_central->opened(500);
        pair.m_central->received(500, encodeSyncMessage(hello), pair.now);
        pair.m_central->received(500, encodeSyncMessage(ops), pair.now);
        std::vector<SyncOutgoing> out = pair.m_central->takeOutgoing(); // lost
        SyncMessage ack;
        QVERIFY(decodeSyncMessage(out.back().text, &ack, &error));
        QCOMPARE(ack.results, (std::vector<SyncOpResult> { { 1, Status::SeatNotAllocated } }));
        QCOMPARE(pair.centralSeat(9), SeatStatus::Available);
        pair.m_central->closed(500);
        pair.connect();
        QCOMPARE(pair.m_office->outbox().pending(), std::uint64_t(0));
        QCOMPARE(pair.m_office->status(pair.now).rejected, std::uint64_t(1));
        QVERIFY(pair.m_office->outbox().list(1, 1, &entries, &error));
        QCOMPARE(entries.front().central, std::optional<Status>(Status::SeatNotAllocated));
    }

    // Central restored from a backup older than its last acknowledgements: the box office uploads
    // what central no longer has instead of losing it.
    void aCentralRestoredFromABackupGetsItsOpsAgain()
    {
        test::TempDir dir;
        Pair pair(dir);
        std::uint64_t grant = 0;
        QCOMPARE(pair.m_central->grant("box-1", kEvent, { 1, 2 }, pair.now, &grant), Status::Ok);
        pair.connect();
        pair.disconnect();
        const std::vector<std::string> files = { "central.db", "central-sync.db" };
        pair.restartCentral([&] { // the backup
            for (const std::string& f : files)
                QVERIFY(QFile::copy(QString::fromStdString(dir.filePath(f)),
                                    QString::fromStdString(dir.filePath(f + ".bak"))));
        });
        QVERIFY(pair.m_office->sell(sale({ 1 }), pair.now).ok());
        pair.connect();
        QCOMPARE(pair.m_office->outbox().ackedSeq(), std::uint64_t(1));
        QCOMPARE(pair.centralSeat(1), SeatStatus::Sold);
        pair.disconnect();
        pair.restartCentral([&] { // the restore
            for (const std::string& f : files) {
                const QString path = QString::fromStdString(dir.filePath(f));
                QVERIFY(QFile::remove(path));
                QFile::remove(path + QStringLiteral("-wal"));
                QFile::remove(path + QStringLiteral("-shm"));
                QVERIFY(QFile::copy(path + QStringLiteral(".bak"), path));
            }
        });
        QCOMPARE(pair.centralSeat(1), SeatStatus::Available);
        pair.connect();
        QCOMPARE(pair.centralSeat(1), SeatStatus::Sold);
        QCOMPARE(pair.m_office->outbox().pending(), std::uint64_t(0));
        QCOMPARE(pair.m_central->device("box-1")->applied, std::uint64_t(1));
    }

    void takeBackWaitsForTheBoxOfficeAndKeepsItsSales()
    {
        test::TempDir dir;
        Pair pair(dir);
        std::uint64_t grant = 0;
        QCOMPARE(pair.m_central->grant("box-1", kEvent, { 1, 2, 3, 4 }, pair.now, &grant), Status::Ok);
        pair.connect();
        pair.disconnect(); // the network splits
        std::uint64_t takeBack = 0;
        QCOMPARE(pair.m_central->takeBack("box-1", kEvent, { 2, 3 }, pair.now, &takeBack), Status::Ok);
        QCOMPARE(pair.m_central->takeBack("box-1", kEvent, { 3 }, pair.now, &grant), Status::SeatUnavailable);
        QCOMPARE(pair.m_central->takeBack("box-1", kEvent, { 7 }, pair.now, &grant), Status::SeatNotAllocated);
        // Phase one: nothing moves on central while the box office has not answered.
        SyncPushRecord push;
        QVERIFY(pair.m_central->push(takeBack, &push));
        QCOMPARE(push.state, SyncPushState::Ready);
        QCOMPARE(pair.centralAllocation(2), kBox);
        // Offline, the box office still owns seat 3 and sells it.
        QVERIFY(pair.m_office->sell(sale({ 3 }), pair.now).ok());
        pair.connect();
        QVERIFY(pair.m_central->push(takeBack, &push));
        QCOMPARE(push.state, SyncPushState::Completed);
        QCOMPARE(push.released, std::vector<SeatId> { 2 });
        QCOMPARE(push.kept, std::vector<SeatId> { 3 });
        QCOMPARE(pair.centralAllocation(2), kOpenPool);
        QCOMPARE(pair.officeAllocation(2), kOpenPool);
        QCOMPARE(pair.centralAllocation(3), kBox);
        QCOMPARE(pair.centralSeat(3), SeatStatus::Sold);
        // The box office can no longer sell what it gave back.
        std::string why;
        QCOMPARE(pair.m_office->route(kEvent, { 2 }, &why), SyncRoute::Online);
        QCOMPARE(pair.m_office->outbox().rejected(), std::uint64_t(0));
    }

    // GA places beyond the box office's pool (session 11): held through central from the area's open
    // pool only (never a channel's pool, the device's included), then sold or released like an
    // online seat hold; a retry with the same id gets the first outcome and changes nothing twice.
    void gaPlacesBeyondThePoolAreHeldOnlineFromTheOpenPool()
    {
        test::TempDir dir;
        Pair pair(dir);
        std::uint64_t grant = 0;
        QCOMPARE(pair.m_central->grantArea("box-1", kEvent, kArea, 12, pair.now, &grant), Status::Ok); // open: 8
        std::string why;
        QCOMPARE(pair.m_office->routeArea(kEvent, kArea, 13, &why), SyncRoute::Refused); // offline: fail closed
        QVERIFY(!why.empty());
        SyncOnlineRequest hold;
        hold.id = "ga-1", hold.action = SyncOnlineAction::HoldArea, hold.event = kEvent, hold.clerk = 5;
        hold.area = kArea, hold.quantity = 9;
        QVERIFY(!pair.m_office->sendOnline(hold)); // nothing is sent while not connected
        pair.connect();
        QCOMPARE(pair.m_office->routeArea(kEvent, kArea, 12, &why), SyncRoute::Local);
        QCOMPARE(pair.m_office->routeArea(kEvent, kArea, 13, &why), SyncRoute::Online);

        // 9 > the open pool's 8: refused, though the device's own pool has 12 free places.
        QCOMPARE(pair.ask(hold).status, Status::CapacityUnavailable);
        QCOMPARE(centralPool(pair, kOpenPool).held, 0u);
        hold.id = "ga-2", hold.quantity = 5;
        const SyncOnlineReply held = pair.ask(hold);
        QCOMPARE(held.status, Status::Ok);
        QVERIFY(held.hold != 0 && held.expiresAt > pair.now);
        QCOMPARE(centralPool(pair, kOpenPool).held, 5u);
        QCOMPARE(centralPool(pair, kBox).held, 0u);
        // A retry (its answer was lost) gets the same hold and holds nothing more.
        const SyncOnlineReply again = pair.ask(hold);
        QCOMPARE(again.status, Status::Ok);
        QCOMPARE(again.hold, held.hold);
        QCOMPARE(centralPool(pair, kOpenPool).held, 5u);
        hold.id = "ga-3", hold.quantity = 4; // 3 left in the open pool
        QCOMPARE(pair.ask(hold).status, Status::CapacityUnavailable);

        // Sold like an online seat hold: priced by the area's category, paid at the counter.
        const EventSpec spec = ::event();
        const Amount price = spec.price(spec.venue->areas[spec.venue->areaIndex(kArea)].category, 0);
        SyncOnlineRequest sell;
        sell.id = "ga-4", sell.action = SyncOnlineAction::Sell, sell.event = kEvent, sell.clerk = 5;
        sell.hold = held.hold, sell.priceTypes.assign(5, 0), sell.amount = 5 * price - 1, sell.payment = "cash";
        sell.buyer = Buyer { "Ada", "", "" };
        QCOMPARE(pair.ask(sell).status, Status::AmountMismatch); // central checks the counter's total
        sell.id = "ga-5", sell.amount = 5 * price;
        const SyncOnlineReply sold = pair.ask(sell);
        QCOMPARE(sold.status, Status::Ok);
        QCOMPARE(sold.amount, 5 * price);
        QCOMPARE(sold.tickets.size(), std::size_t(5));
        QCOMPARE(sold.codes.size(), std::size_t(5));
        const SyncOnlineReply soldAgain = pair.ask(sell);
        QCOMPARE(soldAgain.order, sold.order);
        QCOMPARE(soldAgain.tickets, sold.tickets);
        QCOMPARE(centralPool(pair, kOpenPool).sold, 5u);
        QCOMPARE(centralPool(pair, kOpenPool).held, 0u);
        const Order* order = pair.m_centralLedger->ledger().order(sold.order);
        QVERIFY(order != nullptr);
        QCOMPARE(std::string(order->paymentRef()), syncCounterPaymentRef("box-1", "ga-5", "cash"));

        // Released like one.
        hold.id = "ga-6", hold.quantity = 3;
        const SyncOnlineReply last = pair.ask(hold);
        QCOMPARE(last.status, Status::Ok);
        QCOMPARE(centralPool(pair, kOpenPool).held, 3u);
        SyncOnlineRequest release;
        release.id = "ga-7", release.action = SyncOnlineAction::Release, release.event = kEvent;
        release.hold = last.hold;
        QCOMPARE(pair.ask(release).status, Status::Ok);
        QCOMPARE(centralPool(pair, kOpenPool).held, 0u);
        // The device's pool never moved, on either side, and nothing was journaled at the box office.
        QCOMPARE(centralPool(pair, kBox).sold + centralPool(pair, kBox).held, 0u);
        QCOMPARE(officePool(pair).sold + officePool(pair).held, 0u);
        QCOMPARE(pair.m_office->outbox().lastSeq(), std::uint64_t(0));
    }

    // A usherd that does not sell places online (its welcome lists no feature) is never asked: the
    // counter fails closed with the reason. A central that does not know an online action answers
    // `invalid_message` naming it, and applies nothing.
    void placesOnlineNeedACentralThatSellsThem()
    {
        test::TempDir dir;
        Pair pair(dir);
        pair.m_office->connecting(pair.now);
        pair.m_office->opened(pair.now);
        QCOMPARE(pair.m_office->takeOutgoing().size(), std::size_t(1)); // the hello
        SyncMessage welcome; // an older usherd's: no features
        welcome.type = SyncMessageType::Welcome, welcome.device = "box-1", welcome.channel = kBox;
        pair.m_office->received(encodeSyncMessage(welcome), pair.now);
        QCOMPARE(pair.m_office->state(), SyncState::Online);
        std::string why;
        QCOMPARE(pair.m_office->routeArea(kEvent, kArea, 1, &why), SyncRoute::Refused);
        QVERIFY2(why.find("too old") != std::string::npos, why.c_str());
        QCOMPARE(pair.m_office->route(kEvent, { 1 }, &why), SyncRoute::Online); // seats still sell online
        pair.m_office->closed(pair.now);

        pair.connect();
        QCOMPARE(pair.m_office->routeArea(kEvent, kArea, 1, &why), SyncRoute::Online);
        pair.m_central->received(pair.m_connection,
                                 R"({"type":"online","id":"r-1","action":"holdMany","event":7,"clerk":0,)"
                                 R"("area":1,"quantity":1})",
                                 pair.now);
        const std::vector<SyncOutgoing> out = pair.m_central->takeOutgoing();
        QCOMPARE(out.size(), std::size_t(1));
        SyncMessage error;
        std::string decodeError;
        QVERIFY(decodeSyncMessage(out.front().text, &error, &decodeError));
        QCOMPARE(error.type, SyncMessageType::Error);
        QCOMPARE(error.code, std::string("invalid_message"));
        QVERIFY2(error.message.find("unknown online action \"holdMany\"") != std::string::npos, error.message.c_str());
        QCOMPARE(centralPool(pair, kOpenPool).held, 0u);
    }

    // GA capacity (protocol 2): central grants places of the area to the device's pool, the box
    // office sells and refunds them offline, central's other channels can never touch the pool, and
    // a take-back returns only what the box office has neither sold nor held.
    void gaPlacesAreGrantedSoldOfflineAndTakenBackUnsold()
    {
        test::TempDir dir;
        Pair pair(dir);
        std::uint64_t grant = 0;
        QCOMPARE(pair.m_central->grantArea("box-1", kEvent, kArea, 10, pair.now, &grant), Status::Ok);
        QCOMPARE(pair.m_central->grantArea("box-1", kEvent, kArea, 11, pair.now, &grant), Status::CapacityUnavailable);
        QCOMPARE(pair.m_central->grantArea("box-9", kEvent, kArea, 1, pair.now, &grant), Status::InvalidArgument);
        QCOMPARE(centralPool(pair, kBox).capacity, 10u);
        QCOMPARE(officePool(pair).capacity, 0u); // not pushed yet: the box office cannot sell them
        std::string why;
        QCOMPARE(pair.m_office->routeArea(kEvent, kArea, 1, &why), SyncRoute::Refused);
        QVERIFY(!why.empty());
        pair.connect();
        QCOMPARE(officePool(pair).capacity, 10u);
        pair.disconnect(); // the network splits

        // Offline: places of the pool sell, more than the pool does not.
        const SyncLocalResult three = pair.m_office->sell(places(3), pair.now);
        QVERIFY2(three.ok(), three.message.c_str());
        QCOMPARE(three.tickets.size(), std::size_t(3));
        QVERIFY(pair.m_office->sell(places(2), pair.now).ok());
        QCOMPARE(pair.m_office->routeArea(kEvent, kArea, 6, &why), SyncRoute::Refused);
        QCOMPARE(pair.m_office->sell(places(6), pair.now).status, Status::SeatNotAllocated);
        QVERIFY(pair.m_office->refund(three.opId, { 1 }, -1, "one fewer", 5, pair.now).ok());
        QCOMPARE(officePool(pair).sold, 4u);
        // A cart at the counter holds one place of the pool.
        Command hold;
        hold.kind = CommandKind::HoldArea, hold.actor = Actor { ActorKind::Clerk, 5 }, hold.channel = kBox;
        hold.now = pair.now, hold.area = kArea, hold.quantity = 1;
        const CommandResult cart = applySyncCommand(*pair.m_officeLedger, kEvent, hold, "test", "cart");
        QVERIFY(cart.ok());
        QCOMPARE(officePool(pair).held, 1u);

        // Central: nobody else sells the pool; the take-back changes nothing until the device answers.
        Command online;
        online.kind = CommandKind::HoldArea, online.actor = Actor { ActorKind::Buyer, 77 }, online.channel = 1;
        online.now = pair.now, online.area = kArea, online.quantity = 10;
        QVERIFY(applySyncCommand(*pair.m_centralLedger, kEvent, online, "test", "buyer").ok()); // the open pool
        online.quantity = 1;
        QCOMPARE(applySyncCommand(*pair.m_centralLedger, kEvent, online, "test", "buyer2").status,
                 Status::CapacityUnavailable);
        std::uint64_t takeBack = 0;
        QCOMPARE(pair.m_central->takeBackArea("box-1", kEvent, kArea, 11, pair.now, &takeBack),
                 Status::CapacityUnavailable);
        QCOMPARE(pair.m_central->takeBackArea("box-1", kEvent, kArea, 8, pair.now, &takeBack), Status::Ok);
        SyncPushRecord push;
        QVERIFY(pair.m_central->push(takeBack, &push));
        QCOMPARE(push.state, SyncPushState::Ready);
        QCOMPARE(centralPool(pair, kBox).capacity, 10u);

        // Reconnect: the sales go up first, then the answer: 10 - 4 sold - 1 held = 5 released.
        pair.connect();
        QVERIFY(pair.m_central->push(takeBack, &push));
        QCOMPARE(push.state, SyncPushState::Completed);
        QCOMPARE(push.releasedQuantity, 5u);
        QCOMPARE(officePool(pair).capacity, 5u);
        QCOMPARE(centralPool(pair, kBox).capacity, 5u);
        QCOMPARE(centralPool(pair, kBox).sold, 4u);
        QCOMPARE(centralPool(pair, kOpenPool).capacity, 15u);
        // Every place sold offline is on central, by its op's payment reference.
        const Ledger& central = pair.m_centralLedger->ledger();
        QCOMPARE(central.counts().areaSold, std::uint64_t(4));
        QCOMPARE(pair.m_office->outbox().rejected(), std::uint64_t(0));
        QCOMPARE(pair.m_office->outbox().pending(), std::uint64_t(0));
        // The held place is still the box office's: its cart completes from the pool.
        Command confirm;
        confirm.kind = CommandKind::Confirm, confirm.actor = hold.actor, confirm.channel = kBox, confirm.now = pair.now;
        confirm.hold = cart.hold, confirm.text = "cash";
        QVERIFY(applySyncCommand(*pair.m_officeLedger, kEvent, confirm, "test", "confirm").ok());
        QCOMPARE(officePool(pair).sold, 5u);
    }

    // Duplicated pushes and ops, and a central restart in the middle: nothing is granted, sold or
    // released twice.
    void gaPushesAndOpsAreAppliedOnce()
    {
        test::TempDir dir;
        Pair pair(dir);
        std::uint64_t grant = 0;
        QCOMPARE(pair.m_central->grantArea("box-1", kEvent, kArea, 6, pair.now, &grant), Status::Ok);
        pair.connect();
        // The same push again (a retransmit that crossed the ack): acknowledged, not applied twice.
        SyncMessage again;
        again.type = SyncMessageType::Push;
        again.push = SyncPush { 1, SyncPushKind::GrantArea, grant, kEvent, {}, kArea, 6 };
        pair.m_office->received(encodeSyncMessage(again), pair.now);
        QCOMPARE(officePool(pair).capacity, 6u);
        pair.disconnect();
        const SyncLocalResult first = pair.m_office->sell(places(2), pair.now);
        const SyncLocalResult second = pair.m_office->sell(places(1), pair.now);
        QVERIFY(first.ok() && second.ok());
        std::uint64_t takeBack = 0;
        QCOMPARE(pair.m_central->takeBackArea("box-1", kEvent, kArea, 6, pair.now, &takeBack), Status::Ok);
        pair.connect(); // the take-back's answer (3 released) goes up behind the sales
        std::vector<SyncOutboxEntry> entries;
        std::string error;
        QVERIFY(pair.m_office->outbox().list(1, 10, &entries, &error));
        QCOMPARE(entries.size(), std::size_t(3));
        QCOMPARE(entries[2].op.kind, SyncOpKind::TakeBackArea);
        QCOMPARE(entries[2].op.quantity, 3u);
        // The whole upload again, twice, across a central restart.
        SyncMessage ops;
        ops.type = SyncMessageType::Ops;
        for (auto& e : entries)
            ops.ops.push_back(e.op);
        SyncMessage hello;
        hello.type = SyncMessageType::Hello, hello.device = "box-1", hello.token = kToken;
        hello.outbox = pair.m_office->outbox().name(), hello.received = 2;
        pair.disconnect();
        for (int round = 0; round < 2; ++round) {
            pair.m_central->opened(900 + round);
            pair.m_central->received(900 + round, encodeSyncMessage(hello), pair.now);
            pair.m_central->received(900 + round, encodeSyncMessage(ops), pair.now);
            pair.m_central->takeOutgoing();
            pair.startCentral();
        }
        QCOMPARE(centralPool(pair, kBox).capacity, 3u);
        QCOMPARE(centralPool(pair, kBox).sold, 3u);
        QCOMPARE(pair.m_centralLedger->ledger().counts().orders, std::uint64_t(2));
        QCOMPARE(centralPool(pair, kOpenPool).capacity, 17u);
        // Central replays a crash window: the engine's keys answer the first outcome.
        pair.restartCentral([] { });
        QCOMPARE(centralPool(pair, kBox).sold, 3u);
        pair.connect();
        QCOMPARE(pair.m_office->outbox().pending(), std::uint64_t(0));
        QCOMPARE(pair.m_office->outbox().rejected(), std::uint64_t(0));
        // A GA sale that names places the device's pool does not have is refused on central, and
        // does not take them from the open pool.
        SyncOp rogue = entries[0].op;
        rogue.seq = 4, rogue.id = pair.m_office->outbox().name() + ":4", rogue.quantity = 5;
        ops.ops = { rogue };
        pair.m_central->received(pair.m_connection, encodeSyncMessage(ops), pair.now);
        SyncMessage ack;
        for (const SyncOutgoing& out : pair.m_central->takeOutgoing())
            QVERIFY(decodeSyncMessage(out.text, &ack, &error));
        QCOMPARE(ack.type, SyncMessageType::Ack);
        QCOMPARE(ack.results.size(), std::size_t(1));
        QCOMPARE(ack.results[0].status, Status::SeatNotAllocated);
        QCOMPARE(centralPool(pair, kOpenPool).sold, 0u);
        QCOMPARE(centralPool(pair, kOpenPool).held, 0u);
    }
};

QTEST_GUILESS_MAIN(TestSyncProtocol)
#include "TestSyncProtocol.moc"
