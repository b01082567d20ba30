#include <QTest>

// moc (Qt 6.4) cannot parse the C++20 standard headers (<compare> brings in <concepts>); it needs
// nothing from the engine to see the test slots.
#ifndef Q_MOC_RUN
#include "journal/DeltaFormat.h"

#include <cstring>
#include <random>
#endif

using namespace usher;

namespace {

bool sameSeat(const SeatDelta& a, const SeatDelta& b)
{
    return a.seat == b.seat && a.status == b.status && a.allocation == b.allocation && a.channel == b.channel
        && a.holder == b.holder;
}

bool sameArea(const AreaDelta& a, const AreaDelta& b)
{
    return a.area == b.area && a.available == b.available && a.held == b.held && a.sold == b.sold;
}

std::vector<SeatDelta> sampleSeats()
{
    std::vector<SeatDelta> seats;
    seats.push_back({ 0, SeatStatus::Available, kOpenPool, 0, {} });
    seats.push_back({ 1, SeatStatus::Held, kOpenPool, 1, { ActorKind::Buyer, 0x1234567890abcdefull } });
    seats.push_back({ 77, SeatStatus::Sold, 2, 2, {} });
    seats.push_back({ 0xfffffffeu, SeatStatus::Blocked, 0xffff, 0, {} });
    seats.push_back({ 5, SeatStatus::Sold, 3, 3, { ActorKind::Clerk, 0 } }); // a holder kept after the sale
    seats.push_back({ 6, SeatStatus::Held, 0, 1, { ActorKind::None, 9 } });
    return seats;
}

std::vector<AreaDelta> sampleAreas()
{
    return { { 0, 100, 5, 7 }, { 3, 0, 0xffffffffu, 1 } };
}

// Decoding into vectors that hold a sentinel: a refused payload must leave them untouched.
bool decodeLeavesUntouched(const std::vector<std::uint8_t>& bytes)
{
    std::vector<SeatDelta> seats { { 42, SeatStatus::Blocked, 1, 1, {} } };
    std::vector<AreaDelta> areas { { 42, 1, 2, 3 } };
    const bool ok = decodeDeltas(bytes.data(), bytes.size(), &seats, &areas);
    return !ok && seats.size() == 1 && seats[0].seat == 42 && areas.size() == 1 && areas[0].area == 42;
}

} // namespace

class TestDeltaFormat : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void emptyRoundTrip();
    void sizeIsCompact();
    void truncationAtEveryLengthIsRejected();
    void trailingBytesAreRejected();
    void unknownVersionIsRejected();
    void unknownSeatStatusIsRejected();
    void unknownActorKindIsRejected();
    void nonCanonicalHolderIsRejected();
    void hugeCountsAreRejectedWithoutAllocating();
    void garbageIsRejectedOrCanonical();
};

void TestDeltaFormat::roundTrip()
{
    const std::vector<SeatDelta> seats = sampleSeats();
    const std::vector<AreaDelta> areas = sampleAreas();
    const std::vector<std::uint8_t> bytes = encodeDeltas(seats, areas);
    QCOMPARE(bytes.front(), kDeltaFormatVersion);
    std::vector<SeatDelta> seatsOut;
    std::vector<AreaDelta> areasOut;
    QVERIFY(decodeDeltas(bytes.data(), bytes.size(), &seatsOut, &areasOut));
    QCOMPARE(seatsOut.size(), seats.size());
    QCOMPARE(areasOut.size(), areas.size());
    for (std::size_t i = 0; i < seats.size(); ++i)
        QVERIFY2(sameSeat(seatsOut[i], seats[i]), qPrintable(QStringLiteral("seat delta %1").arg(i)));
    for (std::size_t i = 0; i < areas.size(); ++i)
        QVERIFY(sameArea(areasOut[i], areas[i]));
    QCOMPARE(encodeDeltas(seatsOut, areasOut), bytes);
}

void TestDeltaFormat::emptyRoundTrip()
{
    const std::vector<std::uint8_t> bytes = encodeDeltas({}, {});
    QCOMPARE(bytes.size(), std::size_t(9));
    std::vector<SeatDelta> seats { { 1, SeatStatus::Held, 0, 0, {} } };
    std::vector<AreaDelta> areas { { 1, 1, 1, 1 } };
    QVERIFY(decodeDeltas(bytes.data(), bytes.size(), &seats, &areas));
    QVERIFY(seats.empty());
    QVERIFY(areas.empty());
}

void TestDeltaFormat::sizeIsCompact()
{
    std::vector<SeatDelta> seats(1000, SeatDelta { 0, SeatStatus::Sold, 0, 1, {} });
    QCOMPARE(encodeDeltas(seats, {}).size(), std::size_t(9 + 1000 * 9));
    seats.assign(1000, SeatDelta { 0, SeatStatus::Held, 0, 1, { ActorKind::Buyer, 1 } });
    QCOMPARE(encodeDeltas(seats, {}).size(), std::size_t(9 + 1000 * 18));
}

void TestDeltaFormat::truncationAtEveryLengthIsRejected()
{
    const std::vector<std::uint8_t> bytes = encodeDeltas(sampleSeats(), sampleAreas());
    for (std::size_t length = 0; length < bytes.size(); ++length) {
        const std::vector<std::uint8_t> prefix(bytes.begin(), bytes.begin() + std::ptrdiff_t(length));
        QVERIFY2(decodeLeavesUntouched(prefix), qPrintable(QStringLiteral("length %1").arg(length)));
    }
    std::vector<SeatDelta> seats;
    std::vector<AreaDelta> areas;
    QVERIFY(!decodeDeltas(nullptr, 0, &seats, &areas));
}

void TestDeltaFormat::trailingBytesAreRejected()
{
    std::vector<std::uint8_t> bytes = encodeDeltas(sampleSeats(), sampleAreas());
    bytes.push_back(0);
    QVERIFY(decodeLeavesUntouched(bytes));
}

void TestDeltaFormat::unknownVersionIsRejected()
{
    for (const std::uint8_t version : { std::uint8_t(0), std::uint8_t(2), std::uint8_t(0xff) }) {
        std::vector<std::uint8_t> bytes = encodeDeltas(sampleSeats(), sampleAreas());
        bytes[0] = version;
        QVERIFY(decodeLeavesUntouched(bytes));
    }
}

void TestDeltaFormat::unknownSeatStatusIsRejected()
{
    // The status byte of the first seat delta follows the 9-byte preamble and the 4-byte index.
    const std::vector<std::uint8_t> good = encodeDeltas({ SeatDelta { 3, SeatStatus::Sold, 0, 1, {} } }, {});
    constexpr std::size_t statusAt = 9 + 4;
    QCOMPARE(good[statusAt], std::uint8_t(SeatStatus::Sold));
    for (const std::uint8_t status : { std::uint8_t(4), std::uint8_t(0x7f), std::uint8_t(0x84) }) {
        std::vector<std::uint8_t> bytes = good;
        bytes[statusAt] = status;
        if (status & 0x80)
            bytes.insert(bytes.end(), { std::uint8_t(ActorKind::Buyer), 1, 0, 0, 0, 0, 0, 0, 0 });
        QVERIFY2(decodeLeavesUntouched(bytes), qPrintable(QStringLiteral("status %1").arg(status)));
    }
}

void TestDeltaFormat::unknownActorKindIsRejected()
{
    std::vector<std::uint8_t> bytes
        = encodeDeltas({ SeatDelta { 3, SeatStatus::Held, 0, 1, { ActorKind::Buyer, 5 } } }, {});
    constexpr std::size_t kindAt = 9 + 4 + 1 + 2 + 2;
    QCOMPARE(bytes[kindAt], std::uint8_t(ActorKind::Buyer));
    bytes[kindAt] = 7;
    QVERIFY(decodeLeavesUntouched(bytes));
}

void TestDeltaFormat::nonCanonicalHolderIsRejected()
{
    std::vector<std::uint8_t> bytes
        = encodeDeltas({ SeatDelta { 3, SeatStatus::Held, 0, 1, { ActorKind::Buyer, 5 } } }, {});
    constexpr std::size_t kindAt = 9 + 4 + 1 + 2 + 2;
    std::memset(bytes.data() + kindAt, 0, 9); // holder {None, 0} present although flagged
    QVERIFY(decodeLeavesUntouched(bytes));
}

void TestDeltaFormat::hugeCountsAreRejectedWithoutAllocating()
{
    std::vector<std::uint8_t> bytes = encodeDeltas({}, {});
    std::memset(bytes.data() + 1, 0xff, 8); // 4G seats and 4G areas, no bytes
    QVERIFY(decodeLeavesUntouched(bytes));
    bytes = encodeDeltas({}, sampleAreas());
    std::memset(bytes.data() + 5, 0xff, 4);
    QVERIFY(decodeLeavesUntouched(bytes));
}

void TestDeltaFormat::garbageIsRejectedOrCanonical()
{
    // Random bytes and random mutations of a valid payload: never a crash, and whatever decodes
    // re-encodes to the very same bytes (one payload, one encoding).
    std::mt19937_64 random(20240601);
    const std::vector<std::uint8_t> valid = encodeDeltas(sampleSeats(), sampleAreas());
    int decoded = 0;
    for (int round = 0; round < 20000; ++round) {
        std::vector<std::uint8_t> bytes;
        if (round % 2 == 0) {
            bytes.resize(random() % 64);
            for (std::uint8_t& b : bytes)
                b = std::uint8_t(random());
            if (!bytes.empty() && round % 4 == 0)
                bytes[0] = kDeltaFormatVersion;
        } else {
            bytes = valid;
            bytes[random() % bytes.size()] ^= std::uint8_t(1u << (random() % 8));
        }
        std::vector<SeatDelta> seats;
        std::vector<AreaDelta> areas;
        if (decodeDeltas(bytes.data(), bytes.size(), &seats, &areas)) {
            ++decoded;
            QCOMPARE(encodeDeltas(seats, areas), bytes);
        }
    }
    QVERIFY(decoded > 0); // mutations of counters, ids and area numbers still decode
}

QTEST_GUILESS_MAIN(TestDeltaFormat)
#include "TestDeltaFormat.moc"
