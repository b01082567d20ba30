// The orders' text out of line (ledger/OrderText.h): the arena keeps every block in place as it
// grows, an order reads its text back through it, and the snapshot keeps the order records' bytes
// of the layout with the text in line (version 1), so snapshots written before still restore.

#include <QTest>

// moc (Qt 6.4) cannot parse the C++20 standard headers; it needs nothing from the engine.
#ifndef Q_MOC_RUN
#include "engine/LedgerTestKit.h"

#include "journal/ByteWriter.h"
#include "journal/Crc32c.h"
#include "ledger/OrderText.h"

#include <algorithm>
#include <cstring>
#include <string>
#endif

using namespace usher;
using namespace usher::ledgertest;

namespace {

// The text of block i: sizes from 0 to limits::textBytesMax, so that blocks straddle chunk ends.
std::string fieldText(int block, int field)
{
    const std::size_t size = std::size_t(block * 37 + field * 101) % (limits::textBytesMax + 1);
    return std::string(size, static_cast<char>('a' + (block + field) % 26));
}

// One order record as snapshot version 1 writes it (Ledger.cpp before the text moved out of line:
// the fields of the 208-byte Order in order, a 64-bit first ticket and a 32-bit ticket count).
std::vector<std::uint8_t> versionOneOrderRecord(HoldId hold, const Actor& actor, ChannelId channel, Timestamp createdAt,
                                                Amount amount, Amount refunded, TicketId firstTicket,
                                                std::uint32_t ticketCount, const std::string& paymentRef,
                                                const Buyer& buyer)
{
    std::vector<std::uint8_t> out;
    ByteWriter w(&out);
    w.put(hold), w.put(static_cast<std::uint8_t>(actor.kind)), w.put(actor.id), w.put(channel);
    w.put(createdAt), w.put(amount), w.put(refunded), w.put(firstTicket), w.put(ticketCount);
    w.putText(paymentRef), w.putText(buyer.name), w.putText(buyer.email), w.putText(buyer.phone);
    return out;
}

std::size_t find(const std::vector<std::uint8_t>& haystack, const std::vector<std::uint8_t>& needle)
{
    const auto at = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end());
    return at == haystack.end() ? std::string::npos : std::size_t(at - haystack.begin());
}

void resealSnapshot(std::vector<std::uint8_t>* snapshot)
{
    const std::size_t body = snapshot->size() - sizeof(std::uint32_t);
    const std::uint32_t crc = crc32c(snapshot->data(), body);
    std::memcpy(snapshot->data() + body, &crc, sizeof(crc));
}

} // namespace

class TestOrderText : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void emptyTextTakesNoBlock();
    void blocksStayInPlaceAsTheArenaGrows();
    void blockBytesForEveryShortLength();
    void ordersReadTheirTextBack();
    void replayAndRestoreKeepTheText();
    void snapshotKeepsTheVersionOneOrderRecord();
    void snapshotWithImpossibleTicketCountIsRefused();
};

void TestOrderText::emptyTextTakesNoBlock()
{
    OrderText arena;
    arena.reserve(4);
    QCOMPARE(arena.firstChunkBytes(), 4 * OrderText::kReservedBytesPerOrder);
    QVERIFY(arena.add({}, {}, {}, {}) == nullptr);
    QCOMPARE(arena.usedBytes(), std::size_t(0));
    QCOMPARE(OrderText::field(nullptr, OrderText::PaymentRef), std::string_view());
    QVERIFY(OrderText::buyer(nullptr).empty());
    // One non-empty field is enough for a block; the others read back empty.
    const char* block = arena.add({}, {}, {}, "+41 44 000 00 00");
    QVERIFY(block != nullptr);
    QCOMPARE(OrderText::field(block, OrderText::PaymentRef), std::string_view());
    QCOMPARE(OrderText::buyer(block).phone, std::string_view("+41 44 000 00 00"));
    QCOMPARE(OrderText::buyer(block).name, std::string_view());
    QCOMPARE(arena.usedBytes(), OrderText::kHeaderBytes + 16);
}

void TestOrderText::blocksStayInPlaceAsTheArenaGrows()
{
    // Room for 8 orders reserved, then far more text: further chunks, the first never moves.
    OrderText arena;
    arena.reserve(8);
    const char* first = arena.firstChunk();
    std::vector<const char*> blocks;
    std::size_t used = 0;
    for (int i = 0; i < 400; ++i) {
        const std::string f[4] = { fieldText(i, 0), fieldText(i, 1), fieldText(i, 2), fieldText(i, 3) };
        blocks.push_back(arena.add(f[0], f[1], f[2], f[3]));
        used += OrderText::kHeaderBytes + f[0].size() + f[1].size() + f[2].size() + f[3].size();
    }
    // As pointers: QCOMPARE would compare two const char* as C strings.
    QCOMPARE(static_cast<const void*>(arena.firstChunk()), static_cast<const void*>(first));
    QCOMPARE(arena.usedBytes(), used);
    QVERIFY(arena.capacityBytes() >= used);
    for (int i = 0; i < 400; ++i) {
        QCOMPARE(OrderText::field(blocks[i], OrderText::PaymentRef), std::string_view(fieldText(i, 0)));
        const BuyerView buyer = OrderText::buyer(blocks[i]);
        QCOMPARE(buyer.name, std::string_view(fieldText(i, 1)));
        QCOMPARE(buyer.email, std::string_view(fieldText(i, 2)));
        QCOMPARE(buyer.phone, std::string_view(fieldText(i, 3)));
    }
    // The longest block there is fits any chunk, even one with nothing reserved before it.
    OrderText unreserved;
    const std::string longest(limits::textBytesMax, 'z');
    const char* block = unreserved.add(longest, longest, longest, longest);
    QCOMPARE(OrderText::buyer(block).phone, std::string_view(longest));
    QCOMPARE(unreserved.usedBytes(), OrderText::kBlockBytesMax);
}

void TestOrderText::blockBytesForEveryShortLength()
{
    // add() copies texts of up to 16 bytes as overlapping fixed-size copies and writes the four
    // lengths in one store: every length around those sizes, in every field, gives exactly the
    // block a u16[4] header and four plain copies give, back to back with its neighbours intact.
    OrderText arena;
    arena.reserve(16);
    struct Added {
        const char* block;
        std::string expected;
    };
    std::vector<Added> added;
    std::size_t used = 0;
    for (std::size_t field = 0; field < OrderText::kFields; ++field) {
        for (std::size_t size = 0; size <= 40; ++size) {
            std::string f[OrderText::kFields];
            for (std::size_t i = 0; i < OrderText::kFields; ++i) {
                const std::size_t n = i == field ? size : (size * 7 + i * 3) % 19;
                for (std::size_t b = 0; b < n; ++b)
                    f[i].push_back(static_cast<char>('A' + (field * 41 + size + i * 13 + b) % 57));
            }
            const std::uint16_t sizes[OrderText::kFields] = { std::uint16_t(f[0].size()), std::uint16_t(f[1].size()),
                                                              std::uint16_t(f[2].size()), std::uint16_t(f[3].size()) };
            std::string expected(reinterpret_cast<const char*>(sizes), sizeof(sizes));
            expected += f[0] + f[1] + f[2] + f[3];
            const char* block = arena.add(f[0], f[1], f[2], f[3]);
            if (expected.size() == OrderText::kHeaderBytes) {
                QVERIFY(block == nullptr);
                continue;
            }
            QVERIFY(block != nullptr);
            added.push_back({ block, expected });
            used += expected.size();
            QCOMPARE(OrderText::field(block, OrderText::Field(field)), std::string_view(f[field]));
        }
    }
    // Every block as written, after all the others (no copy ran past its block's end).
    QCOMPARE(arena.usedBytes(), used);
    for (const Added& a : added)
        QCOMPARE(std::string(a.block, a.expected.size()), a.expected);
}

void TestOrderText::ordersReadTheirTextBack()
{
    Harness h;
    const OrderId withText = h.sell({ 1, 2 }); // the harness's confirm carries a reference and a buyer
    QVERIFY(withText != 0);
    const CommandResult held = h.holdSeats({ 3 }, kClerk, kBox);
    Command bare = h.confirmCommand(held.hold, {}, -1, kClerk, kBox);
    bare.text.clear();
    bare.buyer = Buyer {};
    const CommandResult sold = h.run(bare);
    QVERIFY(sold.ok());

    const Order* o = h.ledger->order(withText);
    QVERIFY(o != nullptr);
    QCOMPARE(o->paymentRef(), std::string_view("pay-ref-1"));
    QVERIFY(o->buyer() == (BuyerView { "Ada Lovelace", "ada@example.org", "+44 20 7946 0000" }));
    QVERIFY(o->buyer().toBuyer() == (Buyer { "Ada Lovelace", "ada@example.org", "+44 20 7946 0000" }));
    QVERIFY(o->actor() == kBuyer);
    QCOMPARE(o->ticketCount, std::uint8_t(2));
    QCOMPARE(o->firstTicket, 1u);

    const Order* none = h.ledger->order(sold.order);
    QVERIFY(none->text == nullptr);
    QVERIFY(none->paymentRef().empty() && none->buyer().empty());
    QVERIFY(none->actor() == kClerk);
    QCOMPARE(none->channel, kBox);
    QCOMPARE(none->firstTicket, 3u);
}

void TestOrderText::replayAndRestoreKeepTheText()
{
    Harness h;
    std::vector<HoldId> holds;
    for (SeatId seat = 1; seat <= 40; seat += 2) {
        const CommandResult held = h.holdSeats({ seat, seat + 1 });
        QVERIFY(held.ok());
        holds.push_back(held.hold);
        Command c = h.confirmCommand(held.hold);
        c.text = "ref-" + std::to_string(seat);
        c.buyer.name = seat % 3 == 0 ? std::string() : std::string(seat * 20, 'n');
        QVERIFY(h.run(c).ok());
    }
    QVERIFY(h.refund(3).ok());
    const JournalBatch batch = h.ledger->takeBatch();
    Ledger replayed(makeSpec(), verifying());
    QVERIFY(replayed.replay(batch.bytes));
    const std::vector<std::uint8_t> snapshot = h.ledger->snapshot();
    std::string error;
    const auto restored = Ledger::restore(makeSpec(), verifying(), snapshot, &error);
    QVERIFY2(restored != nullptr, error.c_str());
    for (const Ledger* l : { &replayed, restored.get() }) {
        const std::string difference = ledgerDifference(*h.ledger, *l, holds);
        QVERIFY2(difference.empty(), difference.c_str());
        QCOMPARE(l->order(4)->paymentRef(), std::string_view("ref-7"));
        QCOMPARE(l->order(4)->buyer().name, std::string_view(std::string(140, 'n')));
        QVERIFY(l->order(5)->buyer().name.empty());
    }
    // The text lives in each ledger's own arena.
    QVERIFY(restored->order(4)->text != h.ledger->order(4)->text);
    // Byte for byte, once the restored ledger has its idempotency index back (the snapshot's floor).
    QVERIFY(restored->replay(batch.bytes));
    QVERIFY(restored->snapshot() == snapshot);
    QVERIFY(replayed.snapshot() == snapshot);
}

void TestOrderText::snapshotKeepsTheVersionOneOrderRecord()
{
    Harness h;
    h.now = kT0 + 42 * kSecond;
    const CommandResult held = h.holdSeats({ 7, 8, 9 }, kClerk, kBox);
    QVERIFY(held.ok());
    Command c = h.confirmCommand(held.hold, {}, -1, kClerk, kBox);
    c.text = "psp-0042";
    c.buyer = Buyer { "Grace Hopper", "grace@example.org", "" };
    const CommandResult sold = h.run(c);
    QVERIFY(sold.ok());
    QVERIFY(h.refund(sold.order, { sold.tickets[0].id }).ok());
    const Order& o = *h.ledger->order(sold.order);
    QCOMPARE(o.refunded, kPriceA);

    const std::vector<std::uint8_t> record
        = versionOneOrderRecord(held.hold, kClerk, kBox, kT0 + 42 * kSecond, 3 * kPriceA, kPriceA, 1, 3, "psp-0042",
                                Buyer { "Grace Hopper", "grace@example.org", "" });
    const std::vector<std::uint8_t> snapshot = h.ledger->snapshot();
    const std::size_t at = find(snapshot, record);
    QVERIFY(at != std::string::npos);
    // The record sits right after the order count: the whole section is the version 1 layout.
    std::uint64_t orders = 0;
    std::memcpy(&orders, snapshot.data() + at - sizeof(orders), sizeof(orders));
    QCOMPARE(orders, std::uint64_t(1));
    QCOMPARE(snapshot[4], std::uint8_t(1)); // the snapshot version, after the magic: unchanged
}

void TestOrderText::snapshotWithImpossibleTicketCountIsRefused()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1 });
    QVERIFY(held.ok());
    Command c = h.confirmCommand(held.hold);
    c.text = "psp-1";
    c.buyer = Buyer { "Ada", "", "" };
    QVERIFY(h.run(c).ok());
    std::vector<std::uint8_t> snapshot = h.ledger->snapshot();
    const std::vector<std::uint8_t> record = versionOneOrderRecord(
        held.hold, kBuyer, kOnline, kT0, kPriceA, 0, 1, 1, "psp-1", Buyer { "Ada", "", "" });
    const std::size_t at = find(snapshot, record);
    QVERIFY(at != std::string::npos);
    const std::size_t countAt = at + 8 + 1 + 8 + 2 + 8 + 8 + 8 + 8;
    std::string error;
    for (std::uint32_t count : { std::uint32_t(limits::orderTicketsMax + 1), std::uint32_t(256), ~0u }) {
        std::vector<std::uint8_t> corrupt = snapshot;
        std::memcpy(corrupt.data() + countAt, &count, sizeof(count));
        resealSnapshot(&corrupt);
        QVERIFY(Ledger::restore(makeSpec(), verifying(), corrupt, &error) == nullptr);
    }
    // A first ticket past 32 bits.
    std::vector<std::uint8_t> corrupt = snapshot;
    const TicketId first = TicketId(1) << 32 | 1;
    std::memcpy(corrupt.data() + countAt - sizeof(TicketId), &first, sizeof(first));
    resealSnapshot(&corrupt);
    QVERIFY(Ledger::restore(makeSpec(), verifying(), corrupt, &error) == nullptr);
    // Unchanged, resealed: restores (the patching above is what made them corrupt).
    resealSnapshot(&snapshot);
    QVERIFY(Ledger::restore(makeSpec(), verifying(), snapshot, &error) != nullptr);
}

QTEST_GUILESS_MAIN(TestOrderText)
#include "TestOrderText.moc"
