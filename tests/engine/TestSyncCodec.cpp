// The sync codec's own JSON reader and writer (engine/sync/SyncJson.*, used by SyncMessage): what
// it writes is JSON that QJsonDocument reads to the same values, what it reads round-trips, and
// strict RFC 8259 input rules hold (UTF-8, escapes, numbers, duplicate keys, nesting), with no
// crash on any prefix or random mutation of a valid message. Also the outbox's acknowledgement of
// ranges (SyncOutbox::acknowledge with runs of Ok results and refusals in between), the ops
// message built from the outbox's stored op texts, and central's store of applied ops.

#include "core/Random.h"
#include "support/TempDir.h"
#include "sync/SyncCentralStore.h"
#include "sync/SyncJson.h"
#include "sync/SyncMessage.h"
#include "sync/SyncOutbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace usher;
using usher::test::TempDir;

namespace {

SyncOp sale(std::uint64_t seq, std::string name)
{
    SyncOp op;
    op.seq = seq;
    op.id = "0123abcd:" + std::to_string(seq);
    op.kind = SyncOpKind::Sale;
    op.event = 7;
    op.at = 1'700'000'000'123;
    op.clerk = 3;
    op.seats = { 11, 12 };
    op.priceTypes = { 0, 2 };
    op.amount = 8500;
    op.buyer = Buyer { std::move(name), "z@example.org", "+44 1" };
    return op;
}

SyncMessage opsMessage()
{
    SyncMessage m;
    m.type = SyncMessageType::Ops;
    m.ops.push_back(sale(4, "Zoë \"Z\" Ünal \\ \n\t\x01 😀"));
    SyncOp refund;
    refund.seq = 5, refund.id = "0123abcd:5", refund.kind = SyncOpKind::Refund, refund.event = 7;
    refund.sale = "0123abcd:4", refund.tickets = { 1 }, refund.amount = -1, refund.reason = "ill / late";
    m.ops.push_back(refund);
    SyncOp takeBack;
    takeBack.seq = 6, takeBack.id = "0123abcd:6", takeBack.kind = SyncOpKind::TakeBack, takeBack.event = 7;
    takeBack.takeBack = 9, takeBack.seats = { 4294967295u, 1 }, takeBack.kept = { 2 };
    m.ops.push_back(takeBack);
    return m;
}

bool decodes(std::string_view text)
{
    SyncMessage m;
    std::string error;
    return decodeSyncMessage(text, &m, &error);
}

// Outside the test macros: moc's preprocessor misreads raw strings in macro arguments.
const char* const kEscapes = R"( {"v" : "a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"} )";
const char* const kBadJson[] = { R"({"v":"\ud83d"})", R"({"v":"\ude00"})", R"({"v":"\ud83dx"})", R"({"v":"\x"})",
                                 R"({"v":"\u12"})", "{\"v\":\"\x01\"}", "{\"v\":\"\xc3\"}", "{\"v\":\"\xed\xa0\x80\"}",
                                 "{\"v\":\"\xc0\xaf\"}", R"({"v":"a","v":"b"})", R"({"v":"a"} x)", R"({"v":"a")",
                                 R"({"v" "a"})", R"({v:"a"})", "", " ", R"({"v":"a",})", R"([1,])", "nul", "{\"v\":'a'}" };

} // namespace

class TestSyncCodec : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void writtenJsonIsReadByQt()
    {
        const SyncMessage m = opsMessage();
        const std::string text = encodeSyncMessage(m);
        QJsonParseError parse {};
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &parse);
        QCOMPARE(parse.error, QJsonParseError::NoError);
        const QJsonArray ops = doc.object().value(QLatin1String("ops")).toArray();
        QCOMPARE(ops.size(), 3);
        const QJsonObject first = ops.at(0).toObject();
        QCOMPARE(first.value(QLatin1String("buyer")).toObject().value(QLatin1String("name")).toString().toStdString(),
                 m.ops[0].buyer.name);
        QCOMPARE(first.value(QLatin1String("at")).toDouble(), 1'700'000'000'123.0);
        QCOMPARE(first.value(QLatin1String("amount")).toDouble(), 8500.0);
        QCOMPARE(ops.at(1).toObject().value(QLatin1String("amount")).toDouble(), -1.0);
        QCOMPARE(ops.at(2).toObject().value(QLatin1String("seats")).toArray().at(0).toDouble(), 4294967295.0);
        // And what Qt writes, the codec reads.
        SyncMessage back;
        std::string error;
        QVERIFY2(decodeSyncMessage(doc.toJson(QJsonDocument::Indented).toStdString(), &back, &error), error.c_str());
        QCOMPARE(back, m);
    }

    void roundTrips()
    {
        SyncMessage m = opsMessage();
        SyncMessage back;
        std::string error;
        QVERIFY2(decodeSyncMessage(encodeSyncMessage(m), &back, &error), error.c_str());
        QCOMPARE(back, m);
        SyncOp op;
        QVERIFY2(decodeSyncOp(encodeSyncOp(m.ops[0]), &op, &error), error.c_str());
        QCOMPARE(op, m.ops[0]);
        SyncMessage ack;
        ack.type = SyncMessageType::Ack;
        ack.upTo = 9;
        ack.results = { { 8, Status::Ok }, { 9, Status::SeatUnavailable } };
        QVERIFY2(decodeSyncMessage(encodeSyncMessage(ack), &back, &error), error.c_str());
        QCOMPARE(back, ack);
        SyncMessage reply;
        reply.type = SyncMessageType::OnlineReply;
        reply.onlineReply.id = "r1", reply.onlineReply.order = 4, reply.onlineReply.amount = 100;
        reply.onlineReply.tickets = { 8, 9 }, reply.onlineReply.codes = { "AB-12", "CD-34" };
        QVERIFY2(decodeSyncMessage(encodeSyncMessage(reply), &back, &error), error.c_str());
        QCOMPARE(back, reply);
        // An older usherd sends no codes; a code must be a string of 1 to 64 bytes.
        QVERIFY(decodes(R"({"type":"onlineReply","id":"r","status":0,"hold":0,"expiresAt":0,"order":0,"amount":0,"tickets":[]})"));
        QVERIFY(!decodes(R"({"type":"onlineReply","id":"r","status":0,"hold":0,"expiresAt":0,"order":0,"amount":0,"tickets":[],"codes":[""]})"));
        QVERIFY(!decodes(R"({"type":"onlineReply","id":"r","status":0,"hold":0,"expiresAt":0,"order":0,"amount":0,"tickets":[],"codes":[1]})"));
    }

    void invalidUtf8IsWrittenAsReplacement()
    {
        const SyncOp op = sale(1, std::string("a\xff" "b\xc3", 4));
        SyncOp back;
        std::string error;
        QVERIFY2(decodeSyncOp(encodeSyncOp(op), &back, &error), error.c_str());
        QCOMPARE(back.buyer.name, std::string("a\xEF\xBF\xBD" "b\xEF\xBF\xBD"));
    }

    void readsJson()
    {
        const auto text = [](std::string_view json) {
            SyncJson doc;
            std::string error;
            if (!doc.parse(json, &error))
                return std::string("refused: ") + error;
            const SyncJson::Node* v = doc.member(doc.root(), "v");
            return v == nullptr ? std::string("none") : std::string(v->text);
        };
        QCOMPARE(text(kEscapes), std::string("a\"\\/\b\f\n\r\té😀"));
        QCOMPARE(text("{\"v\":\"\xc3\xa9\"}"), std::string("é"));
        for (const char* bad : kBadJson)
            QVERIFY2(text(bad).rfind("refused", 0) == 0, bad);
        std::string deep;
        for (std::size_t i = 0; i < kSyncJsonDepthMax + 1; ++i)
            deep += '[';
        QVERIFY(text(deep + std::string(kSyncJsonDepthMax + 1, ']')).rfind("refused", 0) == 0);
        QCOMPARE(text(std::string(kSyncJsonDepthMax - 1, '[') + std::string(kSyncJsonDepthMax - 1, ']')),
                 std::string("none"));
    }

    void readsNumbers()
    {
        const auto number = [](std::string_view json, double* out) {
            SyncJson doc;
            std::string error;
            if (!doc.parse(json, &error) || doc.root().type != SyncJson::Type::Number)
                return false;
            *out = doc.root().number;
            return true;
        };
        double d = 0;
        QVERIFY(number("0", &d) && d == 0);
        QVERIFY(number("-0", &d) && d == 0);
        QVERIFY(number("9007199254740991", &d) && d == 9007199254740991.0);
        QVERIFY(number("123456789012345678901234567890", &d) && d > 1.2e29 && d < 1.3e29);
        QVERIFY(number("-1.5e3", &d) && d == -1500);
        QVERIFY(number("1E+2", &d) && d == 100);
        QVERIFY(number("1e400", &d) && std::isinf(d));
        for (const char* bad : { "01", "1.", ".5", "-", "+1", "1e", "1e+", "0x10", "--1", "1.e3", "Infinity", "NaN" })
            QVERIFY2(!number(bad, &d), bad);
        // The protocol's integer rules on top: 1.0 and 1e0 are 1, 1.5 and 1e300 are refused.
        QVERIFY(decodes(R"({"type":"pushAck","upTo":1.0})"));
        QVERIFY(decodes(R"({"type":"pushAck","upTo":1e0})"));
        QVERIFY(!decodes(R"({"type":"pushAck","upTo":1.5})"));
        QVERIFY(!decodes(R"({"type":"pushAck","upTo":1e300})"));
        QVERIFY(!decodes(R"({"type":"pushAck","upTo":9007199254740992})"));
        QVERIFY(!decodes(R"({"type":"pushAck","upTo":-1})"));
    }

    void refusesEveryPrefix()
    {
        const std::string text = encodeSyncMessage(opsMessage());
        for (std::size_t n = 0; n < text.size(); ++n)
            QVERIFY2(!decodes(std::string_view(text).substr(0, n)), std::to_string(n).c_str());
        QVERIFY(decodes(text));
    }

    // Random byte changes: never a crash; what is accepted is stable through another round trip.
    void survivesMutations()
    {
        const std::string text = encodeSyncMessage(opsMessage());
        Prng random(42);
        int accepted = 0;
        for (int round = 0; round < 20'000; ++round) {
            std::string mutated = text;
            const int changes = 1 + int(random.below(4));
            for (int c = 0; c < changes; ++c) {
                const std::size_t at = random.below(mutated.size());
                switch (random.below(3)) {
                case 0: mutated[at] = char(random.below(256)); break;
                case 1: mutated.erase(at, 1); break;
                default: mutated.insert(at, 1, "{}[],:\"\\0123456789e.-"[random.below(21)]); break;
                }
            }
            SyncMessage m;
            std::string error;
            if (!decodeSyncMessage(mutated, &m, &error)) {
                QVERIFY(!error.empty());
                continue;
            }
            ++accepted;
            SyncMessage again;
            QVERIFY2(decodeSyncMessage(encodeSyncMessage(m), &again, &error), error.c_str());
            QCOMPARE(again, m);
        }
        QVERIFY(accepted > 0); // some changes keep the message valid (a digit of a seat, a letter of a name)
    }

    void acknowledgesRanges()
    {
        TempDir dir;
        std::string error;
        auto outbox = SyncOutbox::open(dir.filePath("outbox.db"), SyncDurability::Off, [] { return std::string("0123abcd"); },
                                       &error);
        QVERIFY2(outbox, error.c_str());
        for (int i = 0; i < 10; ++i) {
            SyncOp op = sale(0, "b");
            QVERIFY2(outbox->append(&op, 1000 + i, 0, &error), error.c_str());
        }
        // Up to 6: 1..3 Ok, 4 refused, 5 Ok, 6 without a result (an acknowledged op without a
        // refusal is Ok), 7 beyond upTo.
        QVERIFY2(outbox->acknowledge(6,
                                     { { 5, Status::Ok },
                                       { 1, Status::Ok },
                                       { 2, Status::Ok },
                                       { 3, Status::Ok },
                                       { 4, Status::SeatUnavailable },
                                       { 7, Status::Ok } },
                                     &error),
                 error.c_str());
        QCOMPARE(outbox->ackedSeq(), std::uint64_t(6));
        QCOMPARE(outbox->rejected(), std::uint64_t(1));
        std::vector<SyncOutboxEntry> entries;
        QVERIFY(outbox->list(1, 100, &entries, &error));
        QCOMPARE(entries.size(), std::size_t(10));
        const std::vector<std::optional<Status>> central
            = { Status::Ok,   Status::Ok,   Status::Ok,   Status::SeatUnavailable, Status::Ok, Status::Ok,
                std::nullopt, std::nullopt, std::nullopt, std::nullopt };
        for (std::size_t i = 0; i < entries.size(); ++i) {
            QCOMPARE(entries[i].central, central[i]);
            QCOMPARE(entries[i].acked, i < 6);
        }
        // A result repeated later changes nothing; the rest of the range follows.
        QVERIFY(outbox->acknowledge(10, { { 4, Status::Ok }, { 8, Status::Ok }, { 9, Status::Ok } }, &error));
        QCOMPARE(outbox->ackedSeq(), std::uint64_t(10));
        QCOMPARE(outbox->rejected(), std::uint64_t(1));
        QVERIFY(outbox->list(1, 100, &entries, &error));
        QCOMPARE(entries[3].central, std::optional<Status>(Status::SeatUnavailable));
        QCOMPARE(entries[6].central, std::optional<Status>(Status::Ok));
        QCOMPARE(entries[7].central, std::optional<Status>(Status::Ok));
        QVERIFY(entries[9].acked);
        // Reopened: the same counts.
        outbox.reset();
        outbox = SyncOutbox::open(dir.filePath("outbox.db"), SyncDurability::Off, [] { return std::string("x"); }, &error);
        QVERIFY2(outbox, error.c_str());
        QCOMPARE(outbox->ackedSeq(), std::uint64_t(10));
        QCOMPARE(outbox->rejected(), std::uint64_t(1));
        QVERIFY(outbox->list(1, 100, &entries, &error));
        QVERIFY(entries[9].acked && entries[3].central == Status::SeatUnavailable);
        // Central restored from a backup that has ops up to 2 only: 3.. are pending again, durably.
        QVERIFY2(outbox->unacknowledgeAfter(2, &error), error.c_str());
        QCOMPARE(outbox->ackedSeq(), std::uint64_t(2));
        QCOMPARE(outbox->rejected(), std::uint64_t(0));
        outbox.reset();
        outbox = SyncOutbox::open(dir.filePath("outbox.db"), SyncDurability::Off, [] { return std::string("x"); }, &error);
        QVERIFY2(outbox, error.c_str());
        QCOMPARE(outbox->ackedSeq(), std::uint64_t(2));
        QCOMPARE(outbox->pending(), std::uint64_t(8));
        QVERIFY(outbox->list(1, 100, &entries, &error));
        QVERIFY(entries[1].acked && entries[1].central == Status::Ok);
        QVERIFY(!entries[2].acked && !entries[3].central.has_value());
    }

    // An outbox of session 9 (acknowledgements in the per-row flag, no ackedSeq in sync_meta) opens
    // with the same acknowledged seq.
    void readsOlderAcknowledgements()
    {
        TempDir dir;
        std::string error;
        auto outbox = SyncOutbox::open(dir.filePath("outbox.db"), SyncDurability::Off, [] { return std::string("0123abcd"); },
                                       &error);
        QVERIFY2(outbox, error.c_str());
        for (int i = 0; i < 5; ++i) {
            SyncOp op = sale(0, "b");
            QVERIFY2(outbox->append(&op, 1000 + i, 0, &error), error.c_str());
        }
        outbox.reset();
        {
            auto db = SyncSql::open(dir.filePath("outbox.db"), SyncDurability::Off, &error);
            QVERIFY2(db, error.c_str());
            QVERIFY(db->exec("UPDATE sync_ops SET acked = 1 WHERE seq <= 3; UPDATE sync_ops SET central_status = 6 "
                             "WHERE seq = 2; DELETE FROM sync_meta WHERE key = 'ackedSeq'"));
        }
        outbox = SyncOutbox::open(dir.filePath("outbox.db"), SyncDurability::Off, [] { return std::string("x"); }, &error);
        QVERIFY2(outbox, error.c_str());
        QCOMPARE(outbox->ackedSeq(), std::uint64_t(3));
        QCOMPARE(outbox->rejected(), std::uint64_t(1));
        QCOMPARE(outbox->pending(), std::uint64_t(2));
    }

    // The ops message from the stored op texts is exactly what encodeSyncMessage writes for the
    // decoded ops: refused ones as `void`, nothing from the first op not applied locally on.
    void buildsOpsMessagesFromStoredText()
    {
        TempDir dir;
        std::string error;
        auto outbox = SyncOutbox::open(dir.filePath("outbox.db"), SyncDurability::Off, [] { return std::string("0123abcd"); },
                                       &error);
        QVERIFY2(outbox, error.c_str());
        std::vector<SyncOp> ops;
        for (int i = 0; i < 6; ++i) {
            SyncOp op = sale(0, i == 1 ? "Zoë \"Z\" \\ 😀" : "b");
            QVERIFY2(outbox->append(&op, 1000 + i, 0, &error), error.c_str());
            if (i < 5)
                QVERIFY(outbox->setLocal(op.seq, i == 3 ? SyncLocalState::Void : SyncLocalState::Done, 0, &error));
            ops.push_back(op);
        }
        SyncMessage expected;
        expected.type = SyncMessageType::Ops;
        for (int i = 0; i < 5; ++i) {
            SyncOp op = ops[std::size_t(i)];
            if (i == 3) {
                SyncOp v;
                v.seq = op.seq, v.id = op.id, v.kind = SyncOpKind::Void, v.event = op.event, v.at = op.at;
                v.clerk = op.clerk;
                op = v;
            }
            expected.ops.push_back(op);
        }
        std::string text;
        std::uint64_t last = 0;
        QVERIFY2(outbox->opsMessage(1, 100, &text, &last, &error), error.c_str());
        QCOMPARE(last, std::uint64_t(5)); // 6 is an intent
        QCOMPARE(text, encodeSyncMessage(expected));
        SyncMessage decoded;
        QVERIFY2(decodeSyncMessage(text, &decoded, &error), error.c_str());
        QCOMPARE(decoded, expected);
        QVERIFY(outbox->opsMessage(2, 2, &text, &last, &error));
        QCOMPARE(last, std::uint64_t(3));
        QVERIFY(decodeSyncMessage(text, &decoded, &error) && decoded.ops.size() == 2 && decoded.ops[0].seq == 2);
        QVERIFY(outbox->opsMessage(6, 100, &text, &last, &error));
        QCOMPARE(last, std::uint64_t(0));
        // A row whose text is another op's: an error, never a wrong upload.
        outbox.reset();
        {
            auto db = SyncSql::open(dir.filePath("outbox.db"), SyncDurability::Off, &error);
            QVERIFY2(db, error.c_str());
            SyncSql::Stmt damage(*db, "UPDATE sync_ops SET payload = ? WHERE seq = 5");
            QVERIFY(damage.bind(1, encodeSyncOp(sale(9, "b"))).run());
        }
        outbox = SyncOutbox::open(dir.filePath("outbox.db"), SyncDurability::Off, [] { return std::string("x"); }, &error);
        QVERIFY2(outbox, error.c_str());
        QVERIFY(!outbox->opsMessage(1, 100, &text, &last, &error));
        QVERIFY2(error.find("seq 5") != std::string::npos, error.c_str());
    }

    // Central's record of applied ops: found by id (the seq in it), kept across a restart.
    void centralStoreFindsOpsBySeq()
    {
        TempDir dir;
        std::string error;
        auto store = SyncCentralStore::open(dir.filePath("sync.db"), SyncDurability::Off, &error);
        QVERIFY2(store, error.c_str());
        SyncDeviceRecord device;
        device.name = "box-1";
        device.tokenHash = std::vector<std::uint8_t>(32, 1);
        device.channel = 2;
        QVERIFY2(store->addDevice(&device, &error), error.c_str());
        std::vector<SyncAppliedOp> ops(3);
        for (std::size_t i = 0; i < ops.size(); ++i) {
            ops[i].seq = i + 1;
            ops[i].id = "0123abcd:" + std::to_string(i + 1);
            ops[i].kind = SyncOpKind::Sale;
            ops[i].status = i == 1 ? Status::SeatUnavailable : Status::Ok;
            ops[i].order = OrderId(100 + i);
            ops[i].tickets = { TicketId(7 + i) };
        }
        QVERIFY2(store->recordApplied("box-1", ops, 3, &error), error.c_str());
        QVERIFY(!store->recordApplied("box-1", { ops[0] }, 3, &error)); // a seq is recorded once
        store.reset();
        store = SyncCentralStore::open(dir.filePath("sync.db"), SyncDurability::Off, &error);
        QVERIFY2(store, error.c_str());
        std::vector<SyncDeviceRecord> devices;
        QVERIFY(store->loadDevices(&devices, &error) && devices.size() == 1 && devices[0].applied == 3);
        SyncAppliedOp found;
        QVERIFY2(store->findOp("box-1", "0123abcd:3", &found, &error), error.c_str());
        QCOMPARE(found.seq, std::uint64_t(3));
        QCOMPARE(found.order, OrderId(102));
        QCOMPARE(found.tickets, std::vector<TicketId>({ 9 }));
        for (const char* id : { "0123abcd:4", "ffff0000:3", "0123abcd:", "0123abcd:3x", "3", "", "a:99999999999999999999" }) {
            QVERIFY2(!store->findOp("box-1", id, &found, &error), id);
            QVERIFY2(error.empty(), id);
        }
        QVERIFY(!store->findOp("box-2", "0123abcd:3", &found, &error) && error.empty());
        std::vector<SyncOpResult> refused;
        QVERIFY(store->refusedOps("box-1", 0, 3, 10, &refused, &error));
        QCOMPARE(refused, std::vector<SyncOpResult>({ { 2, Status::SeatUnavailable } }));
    }
};

QTEST_GUILESS_MAIN(TestSyncCodec)
#include "TestSyncCodec.moc"
