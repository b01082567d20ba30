// Core value types: status names, idempotency keys, the PRNG, ticket codes, command fingerprints.

#include "core/InlineVector.h"
#include "core/Limits.h"
#include "core/Random.h"
#include "core/Status.h"
#include "core/Types.h"
#include "ledger/Command.h"
#include "journal/Crc32c.h"
#include "journal/HotEvents.h"
#include "journal/JournalFormat.h"
#include "ledger/CommandResult.h"
#include "support/Crc32cReference.h"

#include <QTest>

#include <algorithm>
#include <cstring>
#include <functional>
#include <set>
#include <string>

using namespace usher;

namespace {

QString q(const std::string& text)
{
    return QString::fromStdString(text);
}

bool isSnakeCase(const char* name)
{
    if (name == nullptr || *name == 0)
        return false;
    for (const char* c = name; *c; ++c) {
        if (!((*c >= 'a' && *c <= 'z') || *c == '_'))
            return false;
    }
    return true;
}

// A command with every argument set to something other than its default.
Command fullCommand()
{
    Command c;
    c.kind = CommandKind::Confirm;
    c.key = IdempotencyKey::fromString("key-1");
    c.actor = Actor { ActorKind::Clerk, 77 };
    c.channel = 2;
    c.now = 1'700'000'000'000;
    c.seats = { 11, 12, 13 };
    c.best = BestAvailableRequest { 4, 1, false, true };
    c.area = 3;
    c.quantity = 5;
    c.hold = (std::uint64_t(9) << 32) | 4;
    c.order = 21;
    c.tickets = { 31, 32 };
    c.priceTypes = { 0, 1, 0 };
    c.amount = 12'345;
    c.seconds = 300;
    c.target = 6;
    c.text = "payment ref";
    c.buyer = Buyer { "Ada Lovelace", "ada@example.org", "+44 20 0000" };
    return c;
}

} // namespace

class TestCoreTypes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void statusNamesCoverEveryValue();
    void statusNamesAreStable();
    void seatStatusNames();
    void idempotencyKeyIsBlake2b128();
    void idempotencyKeysAreDistinct();
    void prngIsDeterministic();
    void prngBelowStaysInBounds();
    void prngBelowIsRoughlyUniform();
    void prngChance();
    void secureRandomFillsBytes();
    void ticketCodeKnownValues();
    void ticketCodeRoundTrip();
    void ticketCodeParseIsLenientWhereCrockfordIs();
    void ticketCodeParseRejects_data();
    void ticketCodeParseRejects();
    void commandKindNames();
    void fingerprintCoversEveryArgument();
    void fingerprintIgnoresUnusedArguments();
    void fingerprintIgnoresKeyAndNow();
    void fingerprintSeparatesFields();
    void sameAnswerComparesEverythingButReplayed();
    void inlineVectorStaysInlineThenGrows();
    void inlineVectorCopiesAndMoves();
    void inlineVectorEditsLikeStdVector();
    void commandResultListsConvertToStdVector();
    void crc32cKnownValues();
    void crc32cMatchesBitwiseReferenceAtEveryLength();
    void eventEncodedInPlaceEqualsAppended();
    void hotEventsEncodeAndFoldAsTheSwitch();
    void recordHeaderInlineEqualsOutOfLine();
};

void TestCoreTypes::statusNamesCoverEveryValue()
{
    // The enumerators of Status.h; the journal and protocols rely on exactly these numbers.
    const std::set<int> expected = { 0,  1,  2,  10, 11, 12, 13, 14, 15, 16, 17,  20,  21,  22,  30,  31, 32,
                                     40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 100, 101, 102, 103, 104, 105 };
    std::set<std::string> names;
    for (int value = 0; value <= 255; ++value) {
        const auto status = static_cast<Status>(value);
        const bool known = statusIsKnown(static_cast<std::uint8_t>(value));
        QVERIFY2(known == (expected.count(value) == 1), qPrintable(QString::number(value)));
        if (known) {
            QVERIFY2(isSnakeCase(statusName(status)), statusName(status));
            QVERIFY(names.insert(statusName(status)).second);
        } else {
            QCOMPARE(statusName(status), "unknown");
        }
    }
    QCOMPARE(names.size(), expected.size());
}

void TestCoreTypes::statusNamesAreStable()
{
    QCOMPARE(statusName(Status::Ok), "ok");
    QCOMPARE(statusName(Status::InvalidArgument), "invalid_argument");
    QCOMPARE(statusName(Status::IdempotencyKeyReused), "idempotency_key_reused");
    QCOMPARE(statusName(Status::SeatUnavailable), "seat_unavailable");
    QCOMPARE(statusName(Status::NoSeatsTogether), "no_seats_together");
    QCOMPARE(statusName(Status::QueueFull), "queue_full");
    QCOMPARE(statusName(Status::EventExists), "event_exists");
}

void TestCoreTypes::seatStatusNames()
{
    QCOMPARE(seatStatusName(SeatStatus::Available), "available");
    QCOMPARE(seatStatusName(SeatStatus::Held), "held");
    QCOMPARE(seatStatusName(SeatStatus::Sold), "sold");
    QCOMPARE(seatStatusName(SeatStatus::Blocked), "blocked");
    QCOMPARE(seatStatusName(static_cast<SeatStatus>(200)), "unknown");
}

void TestCoreTypes::idempotencyKeyIsBlake2b128()
{
    // Reference values from Python's hashlib.blake2b(data, digest_size=16): bytes 0..7 little-endian
    // form `hi`, bytes 8..15 `lo`. Keys are stored in journals, so this must never change.
    const IdempotencyKey abc = IdempotencyKey::fromString("abc");
    QCOMPARE(abc.hi, 0x2b8d2bc691b74acfull);
    QCOMPARE(abc.lo, 0x1678287502c90921ull);
    const IdempotencyKey empty = IdempotencyKey::fromString("");
    QCOMPARE(empty.hi, 0x40bdefd94169e6caull);
    QCOMPARE(empty.lo, 0x7076a68e75884d4eull);
    QVERIFY(!empty.isNull());
    QVERIFY(IdempotencyKey::fromString("abc") == abc);
}

void TestCoreTypes::idempotencyKeysAreDistinct()
{
    std::set<IdempotencyKey> keys;
    for (int i = 0; i < 20'000; ++i) {
        const IdempotencyKey key = IdempotencyKey::fromString("order-" + std::to_string(i));
        QVERIFY(!key.isNull());
        QVERIFY(keys.insert(key).second);
    }
    QVERIFY(IdempotencyKey::fromString("a") != IdempotencyKey::fromString("A"));
    QVERIFY(IdempotencyKey::fromString(std::string_view("a\0b", 3)) != IdempotencyKey::fromString("a"));
}

void TestCoreTypes::prngIsDeterministic()
{
    // Reference outputs of xoshiro256** seeded by splitmix64: a seed replays a simulation exactly.
    Prng zero(0);
    QCOMPARE(zero.next(), 0x99ec5f36cb75f2b4ull);
    QCOMPARE(zero.next(), 0xbf6e1f784956452aull);
    QCOMPARE(zero.next(), 0x1a5f849d4933e6e0ull);
    Prng a(42);
    QCOMPARE(a.next(), 0x15780b2e0c2ec716ull);
    Prng b(42);
    Prng c(43);
    b.next();
    bool differs = false;
    for (int i = 0; i < 100; ++i) {
        const std::uint64_t x = a.next();
        QCOMPARE(b.next(), x);
        differs = differs || c.next() != x;
    }
    QVERIFY(differs);
}

void TestCoreTypes::prngBelowStaysInBounds()
{
    Prng prng(7);
    for (const std::uint64_t bound : { 1ull, 2ull, 3ull, 7ull, 1000ull, (1ull << 63) + 1, ~0ull }) {
        for (int i = 0; i < 2'000; ++i)
            QVERIFY(prng.below(bound) < bound);
    }
    for (int i = 0; i < 100; ++i)
        QCOMPARE(prng.below(1), 0ull);
    // A bound just above 2^63 rejects almost half the raw values; the results must still cover both halves.
    bool high = false;
    bool low = false;
    for (int i = 0; i < 200; ++i) {
        const std::uint64_t x = prng.below((1ull << 63) + 1);
        high = high || x >= (1ull << 62);
        low = low || x < (1ull << 62);
    }
    QVERIFY(high && low);
}

void TestCoreTypes::prngBelowIsRoughlyUniform()
{
    Prng prng(12345);
    int counts[6] = {};
    constexpr int draws = 60'000;
    for (int i = 0; i < draws; ++i)
        ++counts[prng.below(6)];
    for (const int count : counts) // expected 10,000 each; 5 sigma is about 450
        QVERIFY2(count > 9'500 && count < 10'500, qPrintable(QString::number(count)));
}

void TestCoreTypes::prngChance()
{
    Prng prng(3);
    int hits = 0;
    for (int i = 0; i < 1'000; ++i) {
        QVERIFY(!prng.chance(0));
        QVERIFY(prng.chance(100));
        hits += prng.chance(50) ? 1 : 0;
    }
    QVERIFY(hits > 400 && hits < 600);
}

void TestCoreTypes::secureRandomFillsBytes()
{
    std::array<std::uint8_t, 32> a {};
    std::array<std::uint8_t, 32> b {};
    secureRandom(a.data(), a.size());
    secureRandom(b.data(), b.size());
    QVERIFY(a != b);
    QVERIFY((a != std::array<std::uint8_t, 32> {}));
    secureRandom(nullptr, 0); // allowed, and does nothing
}

void TestCoreTypes::ticketCodeKnownValues()
{
    TicketCode code {};
    QCOMPARE(q(ticketCodeText(code)), QStringLiteral("00000000000000000000000000"));
    code.fill(0xff);
    QCOMPARE(q(ticketCodeText(code)), QStringLiteral("7ZZZZZZZZZZZZZZZZZZZZZZZZZ"));
    for (std::size_t i = 0; i < code.size(); ++i)
        code[i] = static_cast<std::uint8_t>(i);
    QCOMPARE(q(ticketCodeText(code)), QStringLiteral("00041061050R3GG28A1C60T3GF"));
}

void TestCoreTypes::ticketCodeRoundTrip()
{
    Prng prng(99);
    for (int i = 0; i < 1'000; ++i) {
        TicketCode code;
        for (auto& byte : code)
            byte = static_cast<std::uint8_t>(prng.below(256));
        const std::string text = ticketCodeText(code);
        QCOMPARE(text.size(), std::size_t(26));
        QVERIFY(text[0] >= '0' && text[0] <= '7');
        TicketCode parsed {};
        QVERIFY(parseTicketCode(text, &parsed));
        QVERIFY(parsed == code);
    }
}

void TestCoreTypes::ticketCodeParseIsLenientWhereCrockfordIs()
{
    TicketCode expected;
    for (std::size_t i = 0; i < expected.size(); ++i)
        expected[i] = static_cast<std::uint8_t>(i);
    TicketCode parsed {};
    QVERIFY(parseTicketCode("00041061050r3gg28a1c60t3gf", &parsed));
    QVERIFY(parsed == expected);
    // O reads as 0, I and L as 1, in either case.
    parsed = {};
    QVERIFY(parseTicketCode("oO04106lO5Or3GG28AiC6OT3GF", &parsed));
    QVERIFY(parsed == expected);
}

void TestCoreTypes::ticketCodeParseRejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("25 chars") << QStringLiteral("0004106105OR3GG28A1C60T3G");
    QTest::newRow("27 chars") << QStringLiteral("00041061050R3GG28A1C60T3GF0");
    QTest::newRow("U") << QStringLiteral("00041061050R3GG28A1C60T3GU");
    QTest::newRow("hyphen") << QStringLiteral("0004106105-R3GG28A1C60T3GF");
    QTest::newRow("space") << QStringLiteral("0004106105 R3GG28A1C60T3GF");
    QTest::newRow("overflow") << QStringLiteral("8ZZZZZZZZZZZZZZZZZZZZZZZZZ");
    QTest::newRow("non-ascii") << QStringLiteral("0004106105\u00c9R3GG28A1C60T3G");
}

void TestCoreTypes::ticketCodeParseRejects()
{
    QFETCH(QString, text);
    TicketCode code;
    code.fill(0xab);
    QVERIFY(!parseTicketCode(text.toStdString(), &code));
    TicketCode untouched;
    untouched.fill(0xab);
    QVERIFY(code == untouched);
}

void TestCoreTypes::commandKindNames()
{
    std::set<std::string> names;
    for (int kind = 1; kind <= kCommandKindMax; ++kind) {
        const char* name = commandKindName(static_cast<CommandKind>(kind));
        QVERIFY2(isSnakeCase(name) && std::string(name) != "unknown", name);
        QVERIFY(names.insert(name).second);
    }
    QCOMPARE(commandKindName(CommandKind::HoldSeats), "hold_seats");
    QCOMPARE(commandKindName(CommandKind::HoldBestAvailable), "hold_best_available");
    QCOMPARE(commandKindName(CommandKind::Expire), "expire");
    QCOMPARE(commandKindName(static_cast<CommandKind>(0)), "unknown");
    QCOMPARE(commandKindName(static_cast<CommandKind>(kCommandKindMax + 1)), "unknown");
}

void TestCoreTypes::fingerprintCoversEveryArgument()
{
    // Each argument changes the fingerprint of a kind that uses it (Command.h lists which).
    struct Change {
        const char* field;
        CommandKind kind;
        std::function<void(Command&)> change;
    };
    const std::vector<Change> changes = {
        { "kind", CommandKind::HoldSeats, [](Command& c) { c.kind = CommandKind::Block; } },
        { "actor.kind", CommandKind::HoldSeats, [](Command& c) { c.actor.kind = ActorKind::Promoter; } },
        { "actor.id", CommandKind::Release, [](Command& c) { c.actor.id = 78; } },
        { "channel", CommandKind::Expire, [](Command& c) { c.channel = 3; } },
        { "seats value", CommandKind::HoldSeats, [](Command& c) { c.seats[1] = 99; } },
        { "seats order", CommandKind::Block, [](Command& c) { std::swap(c.seats[0], c.seats[1]); } },
        { "seats length", CommandKind::AllocateSeats, [](Command& c) { c.seats.pop_back(); } },
        { "best.quantity", CommandKind::HoldBestAvailable, [](Command& c) { c.best.quantity = 5; } },
        { "best.category", CommandKind::HoldBestAvailable, [](Command& c) { c.best.category = 2; } },
        { "best.together", CommandKind::HoldBestAvailable, [](Command& c) { c.best.together = true; } },
        { "best.accessible", CommandKind::HoldBestAvailable, [](Command& c) { c.best.accessible = false; } },
        { "area", CommandKind::HoldArea, [](Command& c) { c.area = 4; } },
        { "quantity", CommandKind::AllocateArea, [](Command& c) { c.quantity = 6; } },
        { "hold", CommandKind::Confirm, [](Command& c) { c.hold += 1ull << 32; } },
        { "order", CommandKind::Refund, [](Command& c) { c.order = 22; } },
        { "tickets", CommandKind::Exchange, [](Command& c) { c.tickets.push_back(33); } },
        { "priceTypes", CommandKind::Confirm, [](Command& c) { c.priceTypes[2] = 1; } },
        { "amount", CommandKind::InitiatePayment, [](Command& c) { c.amount = -1; } },
        { "seconds", CommandKind::Extend, [](Command& c) { c.seconds = 301; } },
        { "target", CommandKind::DeallocateArea, [](Command& c) { c.target = 0; } },
        { "text", CommandKind::FailPayment, [](Command& c) { c.text += "."; } },
        { "buyer.name", CommandKind::Confirm, [](Command& c) { c.buyer.name = "Ada"; } },
        { "buyer.email", CommandKind::Confirm, [](Command& c) { c.buyer.email.clear(); } },
        { "buyer.phone", CommandKind::Confirm, [](Command& c) { c.buyer.phone = "+44 20 0001"; } },
    };
    for (const Change& change : changes) {
        Command c = fullCommand();
        c.kind = change.kind;
        const std::uint64_t base = commandFingerprint(c);
        change.change(c);
        QVERIFY2(commandFingerprint(c) != base, change.field);
    }
}

void TestCoreTypes::fingerprintIgnoresUnusedArguments()
{
    // A retry that differs only in a field its kind does not use is the same command.
    Command a = fullCommand();
    a.kind = CommandKind::Release;
    Command b = a;
    b.seats = { 1 };
    b.text = "other";
    b.buyer.name = "other";
    b.amount = 12345;
    b.target = 9;
    QCOMPARE(commandFingerprint(b), commandFingerprint(a));
    b.hold += 1;
    QVERIFY(commandFingerprint(b) != commandFingerprint(a));
}

void TestCoreTypes::fingerprintIgnoresKeyAndNow()
{
    Command c = fullCommand();
    const std::uint64_t base = commandFingerprint(c);
    c.key = IdempotencyKey::fromString("another key");
    c.now += 60'000;
    QCOMPARE(commandFingerprint(c), base);
    QCOMPARE(commandFingerprint(fullCommand()), base);
}

void TestCoreTypes::fingerprintSeparatesFields()
{
    // Moving content from one field to its neighbour must change the fingerprint.
    Command a = fullCommand();
    Command b = fullCommand();
    a.text = "ab";
    a.buyer.name = "c";
    b.text = "a";
    b.buyer.name = "bc";
    QVERIFY(commandFingerprint(a) != commandFingerprint(b));
    a = fullCommand();
    b = fullCommand();
    a.kind = b.kind = CommandKind::Exchange;
    a.tickets = { 1, 2 };
    a.seats = {};
    b.tickets = { 1 };
    b.seats = { 2 };
    QVERIFY(commandFingerprint(a) != commandFingerprint(b));
    QVERIFY(commandFingerprint(Command {}) != commandFingerprint(fullCommand()));
}

void TestCoreTypes::sameAnswerComparesEverythingButReplayed()
{
    CommandResult base;
    base.status = Status::Ok;
    base.kind = CommandKind::Confirm;
    base.seq = 10;
    base.hold = 5;
    base.order = 3;
    base.expiresAt = 1000;
    base.seats = { 1, 2 };
    base.area = 0;
    base.quantity = 0;
    base.amount = 9000;
    base.count = 0;
    base.tickets = { IssuedTicket { 1, 1, 0, 0, 4500, {} }, IssuedTicket { 2, 2, 0, 1, 4500, {} } };

    CommandResult replayed = base;
    replayed.replayed = true;
    QVERIFY(base.sameAnswer(replayed));
    QVERIFY(replayed.sameAnswer(base));

    const std::vector<std::pair<const char*, std::function<void(CommandResult&)>>> changes = {
        { "status", [](CommandResult& r) { r.status = Status::SeatUnavailable; } },
        { "kind", [](CommandResult& r) { r.kind = CommandKind::Refund; } },
        { "seq", [](CommandResult& r) { r.seq = 11; } },
        { "hold", [](CommandResult& r) { r.hold = 6; } },
        { "order", [](CommandResult& r) { r.order = 4; } },
        { "expiresAt", [](CommandResult& r) { r.expiresAt = 1001; } },
        { "seats", [](CommandResult& r) { r.seats.pop_back(); } },
        { "area", [](CommandResult& r) { r.area = 1; } },
        { "quantity", [](CommandResult& r) { r.quantity = 1; } },
        { "amount", [](CommandResult& r) { r.amount = 8999; } },
        { "count", [](CommandResult& r) { r.count = 1; } },
        { "ticket code", [](CommandResult& r) { r.tickets[1].code[15] = 1; } },
        { "ticket price type", [](CommandResult& r) { r.tickets[0].priceType = 1; } },
    };
    for (const auto& [field, change] : changes) {
        CommandResult other = base;
        change(other);
        QVERIFY2(!base.sameAnswer(other), field);
    }
}

void TestCoreTypes::inlineVectorStaysInlineThenGrows()
{
    InlineVector<std::uint32_t, 2> v;
    QVERIFY(v.empty());
    QCOMPARE(v.capacity(), std::size_t(2));
    const std::uint32_t* inlineData = v.data();
    v.push_back(1);
    v.push_back(2);
    QCOMPARE(v.data(), inlineData); // still inside the object
    v.push_back(3);
    QVERIFY(v.data() != inlineData); // on the heap now
    QVERIFY(v.capacity() >= 3);
    for (std::uint32_t i = 4; i <= 100; ++i)
        v.push_back(i);
    QCOMPARE(v.size(), std::size_t(100));
    for (std::uint32_t i = 0; i < 100; ++i)
        QCOMPARE(v[i], i + 1);
    QCOMPARE(v.front(), 1u);
    QCOMPARE(v.back(), 100u);
    // push_back of an element of the vector itself while it must grow.
    InlineVector<std::uint32_t, 1> w{7};
    w.push_back(w[0]);
    w.push_back(w[1]);
    QCOMPARE(w, (InlineVector<std::uint32_t, 1>{7, 7, 7}));
}

void TestCoreTypes::inlineVectorCopiesAndMoves()
{
    using V = InlineVector<std::uint64_t, 3>;
    for (std::size_t n : {0, 1, 3, 4, 50}) {
        V a;
        for (std::size_t i = 0; i < n; ++i)
            a.push_back(i * 11);
        V copy(a);
        QCOMPARE(copy, a);
        QCOMPARE(copy.size(), n);
        if (n > 0)
            QVERIFY(copy.data() != a.data());
        V moved(std::move(copy));
        QCOMPARE(moved, a);
        QVERIFY(copy.empty()); // NOLINT(bugprone-use-after-move): moved-from is empty and usable
        copy.push_back(5);
        QCOMPARE(copy.size(), std::size_t(1));
        V assigned{9, 9, 9, 9, 9};
        assigned = a;
        QCOMPARE(assigned, a);
        V moveAssigned{1};
        moveAssigned = std::move(assigned);
        QCOMPARE(moveAssigned, a);
        QVERIFY(assigned.empty()); // NOLINT(bugprone-use-after-move)
        moveAssigned = moveAssigned; // self-assignment keeps the contents
        QCOMPARE(moveAssigned, a);
        V swapped{4, 5};
        swapped.swap(moveAssigned);
        QCOMPARE(swapped, a);
        QCOMPARE(moveAssigned, (V{4, 5}));
    }
}

void TestCoreTypes::inlineVectorEditsLikeStdVector()
{
    // Every edit applied to an InlineVector and a std::vector alike must leave them equal.
    Prng rng(42);
    InlineVector<std::uint32_t, 4> v;
    std::vector<std::uint32_t> reference;
    for (int step = 0; step < 5000; ++step) {
        const auto value = static_cast<std::uint32_t>(rng.below(1000));
        switch (rng.below(9)) {
        case 0:
        case 1:
            v.push_back(value), reference.push_back(value);
            break;
        case 2:
            if (!reference.empty())
                v.pop_back(), reference.pop_back();
            break;
        case 3: {
            const std::size_t at = rng.below(reference.size() + 1);
            v.insert(v.begin() + at, value);
            reference.insert(reference.begin() + static_cast<std::ptrdiff_t>(at), value);
            break;
        }
        case 4:
            if (!reference.empty()) {
                const std::size_t at = rng.below(reference.size());
                v.erase(v.begin() + at);
                reference.erase(reference.begin() + static_cast<std::ptrdiff_t>(at));
            }
            break;
        case 5: {
            const std::size_t size = rng.below(12);
            v.resize(size, value), reference.resize(size, value);
            break;
        }
        case 6:
            if (rng.below(10) == 0)
                v.clear(), reference.clear();
            break;
        case 7: {
            const std::size_t at = rng.below(reference.size() + 1);
            const std::uint32_t more[] = {value, value + 1, value + 2};
            v.insert(v.begin() + at, std::begin(more), std::end(more));
            reference.insert(reference.begin() + static_cast<std::ptrdiff_t>(at), std::begin(more), std::end(more));
            break;
        }
        default:
            if (reference.size() > 30)
                v.assign(reference.begin(), reference.begin() + 3), reference.resize(3);
            break;
        }
        QCOMPARE(v.size(), reference.size());
        QVERIFY(v == reference);
        QVERIFY(std::equal(v.rbegin(), v.rend(), reference.rbegin(), reference.rend()));
    }
}

void TestCoreTypes::commandResultListsConvertToStdVector()
{
    CommandResult r;
    const std::vector<SeatId> seats{3, 1, 2, 9, 8, 7}; // more than kInlineSeats
    r.seats = seats;
    QVERIFY(r.seats == seats);
    QVERIFY(seats == r.seats);
    const std::vector<SeatId> back = r.seats;
    QVERIFY(back == seats);
    std::sort(r.seats.begin(), r.seats.end());
    QCOMPARE(r.seats, (CommandResult::SeatList{1, 2, 3, 7, 8, 9}));
    IssuedTicket t;
    t.id = 5;
    r.tickets.push_back(t);
    t.id = 6;
    r.tickets.push_back(t); // past kInlineTickets
    const CommandResult copy = r;
    QVERIFY(copy.sameAnswer(r));
    CommandResult moved = std::move(r);
    QVERIFY(moved.sameAnswer(copy));
    QCOMPARE(moved.tickets.size(), std::size_t(2));
    QCOMPARE(moved.tickets[1].id, TicketId(6));
    std::vector<CommandResult> many(3, copy); // results travel in vectors (the shard's answers)
    many.push_back(std::move(moved));
    many.insert(many.begin(), copy);
    for (const CommandResult& each : many)
        QVERIFY(each.sameAnswer(copy));
}

using test::crc32cBitwise;

void TestCoreTypes::crc32cKnownValues()
{
    // RFC 3720 (iSCSI), appendix B.4, and the usual check value.
    const char check[] = "123456789";
    QCOMPARE(crc32c(check, 9), 0xe3069283u);
    std::uint8_t zeros[32] = {};
    QCOMPARE(crc32c(zeros, 32), 0x8a9136aau);
    std::uint8_t ones[32];
    std::memset(ones, 0xff, 32);
    QCOMPARE(crc32c(ones, 32), 0x62a8ab43u);
    std::uint8_t ascending[32];
    for (int i = 0; i < 32; ++i)
        ascending[i] = static_cast<std::uint8_t>(i);
    QCOMPARE(crc32c(ascending, 32), 0x46dd794eu);
}

void TestCoreTypes::crc32cMatchesBitwiseReferenceAtEveryLength()
{
    Prng rng(7);
    std::vector<std::uint8_t> bytes(300);
    for (auto& b : bytes)
        b = static_cast<std::uint8_t>(rng.below(256));
    for (std::size_t offset : {0, 1, 3}) {
        for (std::size_t n = 0; n + offset <= bytes.size(); ++n) {
            QCOMPARE(crc32c(bytes.data() + offset, n), crc32cBitwise(bytes.data() + offset, n));
            // Chained over two pieces, as batchChecksum does around the crc field.
            const std::size_t cut = n / 3;
            QCOMPARE(crc32c(bytes.data() + offset + cut, n - cut, crc32c(bytes.data() + offset, cut)),
                     crc32cBitwise(bytes.data() + offset, n));
        }
    }
}

void TestCoreTypes::eventEncodedInPlaceEqualsAppended()
{
    JournalEvent e;
    e.type = EventType::OrderCreated;
    e.order = 12, e.hold = 99, e.amount = 4500;
    e.text = "pay-1", e.buyerName = "Ada", e.buyerEmail = "ada@example.org", e.buyerPhone = "";
    BatchBytes appended;
    encodeEvent(&appended, e);
    std::vector<std::uint8_t> room(kEventBytesMax + 1, 0xcc);
    const std::size_t size = encodeEventAt(room.data(), eventBytesBound(e), e);
    QCOMPARE(size, appended.size());
    QVERIFY(size <= eventBytesBound(e));
    QVERIFY(std::equal(appended.begin(), appended.end(), room.begin()));
    QCOMPARE(room[size], std::uint8_t(0xcc)); // nothing written past the event
    // The largest event (four texts at the limit) fits its bound, and the bound kEventBytesMax.
    const std::string longest(limits::textBytesMax, 'x');
    e.text = e.buyerName = e.buyerEmail = e.buyerPhone = longest;
    QCOMPARE(eventBytesBound(e), kEventBytesMax);
    QVERIFY(encodeEventAt(room.data(), eventBytesBound(e), e) <= kEventBytesMax);
    QCOMPARE(room[kEventBytesMax], std::uint8_t(0xcc));
    // Every fixed-size event fits kEventFixedBytesMax (the bound without texts).
    for (std::uint8_t type = 1; type <= kEventTypeMax; ++type) {
        JournalEvent fixed;
        fixed.type = static_cast<EventType>(type);
        QVERIFY(encodeEventAt(room.data(), eventBytesBound(fixed), fixed) <= eventBytesBound(fixed));
    }
}

namespace {

// A hot event of type `Type` with every field set (the ones the type does not carry too: they must
// neither reach the bytes nor the answer), texts of `textLength` bytes.
JournalEvent hotEvent(EventType type, Prng& random, std::size_t textLength, std::vector<std::string>* texts)
{
    JournalEvent e;
    e.type = type;
    e.seat = SeatId(random.below(1u << 31)), e.toSeat = SeatId(random.next());
    e.area = AreaId(random.next()), e.channel = ChannelId(random.next());
    e.quantity = std::uint32_t(random.next()), e.hold = random.next(), e.order = random.next();
    e.ticket = random.next(), e.expiresAt = Timestamp(random.next() >> 1);
    e.amount = Amount(random.next() >> 2), e.difference = Amount(random.next() >> 2);
    e.reason = std::uint8_t(1 + random.below(4)), e.priceType = std::uint8_t(random.next());
    for (std::uint8_t& b : e.code)
        b = std::uint8_t(random.next());
    texts->clear();
    for (int i = 0; i < 4; ++i) {
        std::string text;
        for (std::size_t j = 0; j < textLength + std::size_t(i) * 3 % 7; ++j)
            text += char('a' + random.below(26));
        texts->push_back(text);
    }
    e.text = (*texts)[0], e.buyerName = (*texts)[1], e.buyerEmail = (*texts)[2], e.buyerPhone = (*texts)[3];
    return e;
}

template <EventType Type>
void checkHotEvent(Prng& random, std::size_t textLength)
{
    std::vector<std::string> texts;
    const JournalEvent e = hotEvent(Type, random, textLength, &texts);
    std::vector<std::uint8_t> viaSwitch(kEventBytesMax + 8, 0xcc);
    std::vector<std::uint8_t> typed(kEventBytesMax + 8, 0xcc);
    const std::size_t size = encodeEventAt(viaSwitch.data(), eventBytesBound(e), e);
    QVERIFY(eventBytesBoundOf<Type>(e) >= size);
    QCOMPARE(encodeEventOf<Type>(typed.data(), e), size);
    QVERIFY2(typed == viaSwitch, eventTypeName(Type)); // same bytes, nothing written past them
    // The typed fold gives the switch's answer, for the event as built and as decoded from the
    // bytes (whose fields the type does not carry are zero).
    EventCursor cursor(typed.data(), size, 1);
    JournalEvent back;
    QVERIFY(cursor.next(&back));
    QVERIFY(!cursor.next(&back) && cursor.ok());
    QCOMPARE(back.type, Type);
    const JournalEvent* const events[] = { &e, &back };
    for (const JournalEvent* event : events) {
        CommandResult viaSwitchAnswer, typedAnswer;
        viaSwitchAnswer.seats.push_back(7), typedAnswer.seats.push_back(7); // appends, not overwrites
        viaSwitchAnswer.tickets.push_back(IssuedTicket { 3, 4, 0, 1, 500, {} });
        typedAnswer.tickets.push_back(IssuedTicket { 3, 4, 0, 1, 500, {} });
        foldEvent(&viaSwitchAnswer, *event);
        foldEventOf<Type>(&typedAnswer, *event);
        QVERIFY2(viaSwitchAnswer.sameAnswer(typedAnswer), eventTypeName(Type));
    }
}

} // namespace

// The per-type inline encoders and folds (journal/HotEvents.h, the ledger's hot path) against
// encodeEventAt and foldEvent, whose switch they stand in for: byte for byte and answer for answer,
// with every field of the event set and texts of every short length and a long one.
void TestCoreTypes::hotEventsEncodeAndFoldAsTheSwitch()
{
    Prng random(15);
    for (std::size_t length : { 0, 1, 2, 3, 4, 7, 8, 9, 15, 16, 17, 40, 300 }) {
        checkHotEvent<EventType::SeatHeld>(random, length);
        checkHotEvent<EventType::SeatReleased>(random, length);
        checkHotEvent<EventType::OrderCreated>(random, length);
        checkHotEvent<EventType::SeatConfirmed>(random, length);
        checkHotEvent<EventType::AreaConfirmed>(random, length);
    }
}

void TestCoreTypes::recordHeaderInlineEqualsOutOfLine()
{
    RecordHeader h;
    h.seq = 0x0102030405060708ull, h.kind = CommandKind::Confirm, h.status = Status::Ok, h.channel = 0x0a0b;
    h.actor = Actor { ActorKind::Clerk, 0x1112131415161718ull }, h.now = 1'700'000'000'123;
    h.key = IdempotencyKey::fromString("header"), h.fingerprint = 0x2122232425262728ull, h.detail = 0x31323334;
    std::vector<std::uint8_t> inlined(kRecordHeaderBytes + 4, 0xcc), outOfLine(kRecordHeaderBytes + 4, 0xcc);
    encodeRecordHeaderInline(inlined.data(), h);
    encodeRecordHeaderAt(outOfLine.data(), h);
    QVERIFY(inlined == outOfLine);
    finishRecordInline(inlined.data(), kRecordHeaderBytes + 70000, Status::Ok, 0x41424344, 0x5152);
    finishRecordAt(outOfLine.data(), kRecordHeaderBytes + 70000, Status::Ok, 0x41424344, 0x5152);
    QVERIFY(inlined == outOfLine);
    RecordHeader back;
    QVERIFY(decodeRecordHeader(inlined.data(), kRecordHeaderBytes + 70000, &back));
    QCOMPARE(back.length, std::uint32_t(kRecordHeaderBytes + 70000));
    QCOMPARE(back.seq, h.seq);
    QCOMPARE(back.actor.id, h.actor.id);
    QCOMPARE(back.key.lo, h.key.lo);
    QCOMPARE(back.fingerprint, h.fingerprint);
    QCOMPARE(back.detail, std::uint32_t(0x41424344));
    QCOMPARE(back.eventCount, std::uint16_t(0x5152));
    QCOMPARE(back.fingerprintVersion, kFingerprintVersion);
}

QTEST_APPLESS_MAIN(TestCoreTypes)
#include "TestCoreTypes.moc"
