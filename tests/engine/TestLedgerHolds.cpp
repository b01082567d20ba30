// Ledger unit tests, part 2: holds (seats, best-available, GA), release, extend, expiry and payment,
// against docs/engine-commands.md.

#include <QTest>

// moc (Qt 6.4) cannot parse the C++20 standard headers; it needs nothing from the engine.
#ifndef Q_MOC_RUN
#include "engine/LedgerTestKit.h"

#include <cstdlib>
#endif

using namespace usher;
using namespace usher::ledgertest;

namespace {

// One row of a hand-made venue: a rank per seat, and optionally a category ('A' or 'B') and flags
// per seat.
struct RowSpec {
    RowSpec(std::vector<std::uint32_t> seatRanks, std::string seatCategories = {},
            std::vector<std::uint8_t> seatFlags = {})
        : ranks(std::move(seatRanks))
        , categories(std::move(seatCategories))
        , flags(std::move(seatFlags))
    {
    }
    std::vector<std::uint32_t> ranks;
    std::string categories; // empty: all 'A'
    std::vector<std::uint8_t> flags; // empty: none
};

// Ranks that grow from the front row and from the row centre.
std::vector<std::uint32_t> centreRanks(std::uint32_t seats, std::uint32_t row)
{
    std::vector<std::uint32_t> ranks;
    for (std::uint32_t i = 0; i < seats; ++i)
        ranks.push_back(row * 100 + static_cast<std::uint32_t>(std::abs(int(2 * i) - int(seats - 1))));
    return ranks;
}

// An event on a one-section venue of `rows` (seat ids 1.. in row order) plus GA area 1 (capacity
// 50): price types adult and concession, both categories priced, channels 1 (online), 2 and 3 (box
// office) on sale from 0 to 1e15.
EventSpec makeRowsEvent(const std::vector<RowSpec>& rows)
{
    auto venue = std::make_shared<Venue>();
    venue->name = "Rows";
    venue->categories = { { "A", "Category A", "#1f77b4" }, { "B", "Category B", "#ff7f0e" } };
    VenueSection section;
    section.name = "Stalls";
    section.firstRow = 0;
    section.rowCount = static_cast<std::uint32_t>(rows.size());
    for (std::uint32_t r = 0; r < rows.size(); ++r) {
        VenueRow row;
        row.name = std::string(1, char('A' + r));
        row.section = 0;
        row.firstSeat = static_cast<std::uint32_t>(venue->seats.size());
        row.seatCount = static_cast<std::uint32_t>(rows[r].ranks.size());
        for (std::uint32_t i = 0; i < row.seatCount; ++i) {
            VenueSeat seat;
            seat.id = static_cast<SeatId>(venue->seats.size() + 1);
            seat.section = 0;
            seat.row = r;
            seat.number = std::to_string(i + 1);
            seat.x = float(i);
            seat.y = float(r);
            seat.category = rows[r].categories.empty() || rows[r].categories[i] == 'A' ? kCatA : kCatB;
            seat.flags = rows[r].flags.empty() ? 0 : rows[r].flags[i];
            seat.rank = rows[r].ranks[i];
            venue->seats.push_back(seat);
        }
        venue->rows.push_back(row);
    }
    venue->sections.push_back(section);
    VenueArea area;
    area.id = kArea;
    area.name = "Standing";
    area.capacity = kAreaCapacity;
    area.category = kCatA;
    venue->areas.push_back(area);
    const std::string venueProblem = venue->finalize();
    USHER_ASSERT(venueProblem.empty());

    EventSpec spec;
    spec.id = kEventId;
    spec.name = "Rows event";
    spec.venue = venue;
    spec.priceTypes = { { "adult", "Adult" }, { "concession", "Concession" } };
    spec.prices = { { "A", { kPriceA, kPriceAConcession } }, { "B", { kPriceB, kPriceBConcession } } };
    spec.channels = { { kOnline, "Online", ChannelKind::Online, 0, kOffsale },
                      { kBox, "Box office", ChannelKind::BoxOffice, 0, kOffsale },
                      { kBox2, "Box office 2", ChannelKind::BoxOffice, 0, kOffsale } };
    spec.ticketKey.fill(7);
    const std::string problem = spec.finalize();
    USHER_ASSERT(problem.empty());
    return spec;
}

EventSpec specWith(std::uint32_t holdSeconds)
{
    EventSpec spec = makeSpec();
    spec.holdSeconds = holdSeconds;
    const std::string problem = spec.finalize();
    USHER_ASSERT(problem.empty());
    return spec;
}

// Channel 3 sells only from kT0 + 1 s (inclusive) to kT0 + 2 s (exclusive).
EventSpec specWithWindow()
{
    EventSpec spec = makeSpec();
    for (SalesChannel& channel : spec.channels) {
        if (channel.id == kBox2) {
            channel.onsaleAt = kT0 + kSecond;
            channel.offsaleAt = kT0 + 2 * kSecond;
        }
    }
    const std::string problem = spec.finalize();
    USHER_ASSERT(problem.empty());
    return spec;
}

LedgerOptions withHoldsMax(std::uint32_t holdsMax)
{
    LedgerOptions options = verifying();
    options.holdsMax = holdsMax;
    return options;
}

} // namespace

class TestLedgerHolds : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // HoldSeats.
    void holdSeatsHoldsEverySeat();
    void holdExpiryFollowsHoldSeconds();
    void holdSeatsIsAllOrNothing();
    void holdSeatsNamesTheFirstUnavailableSeat();
    void holdSeatsSeatListChecks();
    void holdSeatsTicketLimit();
    void holdTableFull();
    void onsaleWindowBoundaries();
    void onsaleWindowOnlyGuardsNewHolds();
    void allocatedSeatsOnlySellableByTheirChannel();
    void staleHoldIdIsNotFound();

    // Best-available.
    void bestAvailableChecks();
    void bestAvailablePicksBestRanks();
    void bestAvailableTiesGoLeftmost();
    void bestAvailableAvoidsOrphans();
    void bestAvailableOrphanBesideUnavailableSeat();
    void bestAvailableAcceptsOrphanWhenNoOtherChoice();
    void bestAvailablePrefersRowWithBetterBestRank();
    void bestAvailablePrefersFirstRowOnFullTie();
    void bestAvailableNoSeatsTogether();
    void bestAvailableSplitTakesLargestBlocksFirst();
    void bestAvailableSplitFailsWhenTooFewSeats();
    void bestAvailableAccessible();
    void bestAvailableRespectsAllocationAndBlocks();
    void bestAvailableCategories();

    // Release.
    void releaseFreesTheSeats();
    void releaseChecks();
    void releaseByStaffAndManagers();
    void releaseRefusedWhilePaymentPending();
    void releaseOfDueHoldBeforeExpire();

    // Extend.
    void extendArguments();
    void extendHoldChecks();
    void extendKeepsLaterExpiry();
    void extendMovesExpiry();
    void extendLifetimeCap();
    void extendExpiredHold();
    void extendWhilePaymentPending();

    // Expire.
    void expireReleasesDueHoldsEarliestFirst();
    void expireReasonIsExpired();
    void expireReleasesAreaHolds();
    void expireIsBoundedPerCommand();

    // Payment.
    void initiatePaymentArguments();
    void initiatePaymentHoldChecks();
    void initiatePaymentExtendsExpiry();
    void initiatePaymentOnExpiredHold();
    void initiatePaymentTwice();
    void failPayment();
    void failPaymentChecks();
    void expireOfPendingHoldIsPaymentTimeout();

    // General admission.
    void holdAreaChecks();
    void holdAreaAccounting();
    void holdAreaPrefersChannelPool();
    void holdAreaNeverSpansPools();
};

// ---- HoldSeats -----------------------------------------------------------------------------------

void TestLedgerHolds::holdSeatsHoldsEverySeat()
{
    Harness h;
    const CommandResult r = h.holdSeats({ 3, 1, 2 });
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(int(r.kind), int(CommandKind::HoldSeats));
    QCOMPARE(r.seq, Seq { 1 });
    QVERIFY(r.hold != 0);
    QCOMPARE(r.expiresAt, kT0 + 600 * kSecond);
    QCOMPARE(list(r.seats), (QList<SeatId> { 3, 1, 2 }));

    const SeatView seat = h.seat(1);
    QCOMPARE(seat.status, SeatStatus::Held);
    QCOMPARE(seat.hold, r.hold);
    QCOMPARE(seat.channel, kOnline);
    QVERIFY(seat.holder == kBuyer);
    QCOMPARE(seat.expiresAt, r.expiresAt);
    QCOMPARE(seat.allocation, kOpenPool);
    QCOMPARE(seat.order, OrderId { 0 });
    QCOMPARE(h.status(4), SeatStatus::Available);

    const std::optional<HoldView> hold = h.ledger->hold(r.hold);
    QVERIFY(hold.has_value());
    QCOMPARE(hold->id, r.hold);
    QVERIFY(hold->holder == kBuyer);
    QCOMPARE(hold->channel, kOnline);
    QCOMPARE(hold->createdAt, kT0);
    QCOMPARE(hold->expiresAt, r.expiresAt);
    QVERIFY(!hold->paymentPending);
    QCOMPARE(list(hold->seats), (QList<SeatId> { 3, 1, 2 }));
    QCOMPARE(hold->area, AreaId { 0 });

    const LedgerCounts counts = h.ledger->counts();
    QCOMPARE(counts.held, 3u);
    QCOMPARE(counts.available, kSeatCount - 3);
    QCOMPARE(counts.activeHolds, 1u);
}

void TestLedgerHolds::holdExpiryFollowsHoldSeconds()
{
    Harness h(specWith(90));
    h.now = kT0 + 7;
    QCOMPARE(h.holdSeats({ 1 }).expiresAt, kT0 + 7 + 90 * kSecond);
    QCOMPARE(h.holdBest(2, kCatB).expiresAt, kT0 + 7 + 90 * kSecond);
    QCOMPARE(h.holdArea(2).expiresAt, kT0 + 7 + 90 * kSecond);
}

void TestLedgerHolds::holdSeatsIsAllOrNothing()
{
    Harness h;
    QVERIFY(h.holdSeats({ 5 }, kOtherBuyer).ok());
    const CommandResult r = h.holdSeats({ 4, 5, 6 });
    QCOMPARE(r.status, Status::SeatUnavailable);
    QCOMPARE(list(r.seats), (QList<SeatId> { 5 }));
    QCOMPARE(r.hold, HoldId { 0 });
    QCOMPARE(h.status(4), SeatStatus::Available);
    QCOMPARE(h.status(6), SeatStatus::Available);
    QCOMPARE(h.seat(5).holder, kOtherBuyer);
    QCOMPARE(h.ledger->counts().held, 1u);
    QCOMPARE(h.ledger->counts().activeHolds, 1u);
}

void TestLedgerHolds::holdSeatsNamesTheFirstUnavailableSeat()
{
    Harness h;
    QVERIFY(h.holdSeats({ 5, 7 }, kOtherBuyer).ok());
    QCOMPARE(list(h.holdSeats({ 4, 7, 5 }).seats), (QList<SeatId> { 7 }));
    QCOMPARE(list(h.holdSeats({ 4, 5, 7 }).seats), (QList<SeatId> { 5 }));
    QCOMPARE(h.sell({ 20 }), OrderId { 1 });
    QVERIFY(h.block({ 30 }).ok());
    const CommandResult sold = h.holdSeats({ 1, 20 });
    QCOMPARE(sold.status, Status::SeatUnavailable);
    QCOMPARE(list(sold.seats), (QList<SeatId> { 20 }));
    const CommandResult blocked = h.holdSeats({ 30, 1 });
    QCOMPARE(blocked.status, Status::SeatUnavailable);
    QCOMPARE(list(blocked.seats), (QList<SeatId> { 30 }));
    // Held by the same buyer is still unavailable.
    QCOMPARE(h.holdSeats({ 5 }, kOtherBuyer).status, Status::SeatUnavailable);
    QCOMPARE(h.status(1), SeatStatus::Available);
}

void TestLedgerHolds::holdSeatsSeatListChecks()
{
    Harness h;
    QVERIFY(h.holdSeats({ 5 }, kOtherBuyer).ok());
    QCOMPARE(h.holdSeats({}).status, Status::InvalidArgument);
    QCOMPARE(h.holdSeats({ 1, 1 }).status, Status::InvalidArgument);
    QCOMPARE(h.holdSeats({ 999 }).status, Status::SeatNotFound);
    QCOMPARE(h.holdSeats({ 0 }).status, Status::SeatNotFound);
    QCOMPARE(h.holdSeats({ 1, 999 }).status, Status::SeatNotFound);
    // A repeat wins over an unknown seat, wherever they are.
    QCOMPARE(h.holdSeats({ 999, 1, 1 }).status, Status::InvalidArgument);
    QCOMPARE(h.holdSeats({ 1, 999, 1 }).status, Status::InvalidArgument);
    QCOMPARE(h.holdSeats({ 1, 1, 999 }).status, Status::InvalidArgument);
    // The seat list comes before availability.
    QCOMPARE(h.holdSeats({ 5, 999 }).status, Status::SeatNotFound);
    QCOMPARE(h.holdSeats({ 5, 2, 2 }).status, Status::InvalidArgument);
    QCOMPARE(h.ledger->counts().held, 1u);
}

void TestLedgerHolds::holdSeatsTicketLimit()
{
    Harness h;
    const std::vector<SeatId> eleven = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
    QCOMPARE(h.holdSeats(eleven).status, Status::LimitExceeded);
    QCOMPARE(h.ledger->counts().held, 0u);
    // Earlier checks win.
    std::vector<SeatId> repeated = eleven;
    repeated.back() = 1;
    QCOMPARE(h.holdSeats(repeated).status, Status::InvalidArgument);
    std::vector<SeatId> unknown = eleven;
    unknown.back() = 999;
    QCOMPARE(h.holdSeats(unknown).status, Status::SeatNotFound);
    // LimitExceeded wins over later checks.
    QVERIFY(h.holdSeats({ 11 }, kOtherBuyer).ok());
    QCOMPARE(h.holdSeats(eleven).status, Status::LimitExceeded);
    h.now = kOffsale;
    QCOMPARE(h.holdSeats(eleven).status, Status::LimitExceeded);
    h.now = kT0;
    const CommandResult ten = h.holdSeats({ 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 });
    QCOMPARE(ten.status, Status::Ok);
    QCOMPARE(ten.seats.size(), std::size_t { 10 });
}

void TestLedgerHolds::holdTableFull()
{
    Harness h(makeSpec(), withHoldsMax(2));
    const CommandResult first = h.holdSeats({ 1 });
    QVERIFY(first.ok());
    QVERIFY(h.holdArea(2).ok());
    QCOMPARE(h.ledger->counts().activeHolds, 2u);
    QCOMPARE(h.holdSeats({ 2 }).status, Status::LimitExceeded);
    QCOMPARE(h.holdBest(1, kCatA).status, Status::LimitExceeded);
    QCOMPARE(h.holdArea(1).status, Status::LimitExceeded);
    // After NotOnSale and SeatUnavailable: a buyer asking for a taken seat of a fully held event
    // hears that it is taken (409 over HTTP), not that a limit was exceeded.
    QCOMPARE(h.holdSeats({ 1 }).status, Status::SeatUnavailable);
    h.now = kOffsale;
    QCOMPARE(h.holdSeats({ 2 }).status, Status::NotOnSale);
    QCOMPARE(h.holdArea(1).status, Status::NotOnSale);
    h.now = kT0;
    QCOMPARE(h.status(2), SeatStatus::Available);
    // A released hold frees its slot; so does a confirmed one.
    QVERIFY(h.release(first.hold).ok());
    const CommandResult again = h.holdSeats({ 2 });
    QVERIFY(again.ok());
    QVERIFY(h.confirm(again.hold).ok());
    QVERIFY(h.holdSeats({ 3 }).ok());
}

void TestLedgerHolds::onsaleWindowBoundaries()
{
    Harness h(specWithWindow());
    h.now = kT0 + kSecond - 1;
    QCOMPARE(h.holdSeats({ 1 }, kBuyer, kBox2).status, Status::NotOnSale);
    QCOMPARE(h.holdBest(1, kCatA, true, false, kBuyer, kBox2).status, Status::NotOnSale);
    QCOMPARE(h.holdArea(1, kArea, kBuyer, kBox2).status, Status::NotOnSale);
    h.now = kT0 + kSecond;
    QCOMPARE(h.holdSeats({ 1 }, kBuyer, kBox2).status, Status::Ok);
    h.now = kT0 + 2 * kSecond - 1;
    QCOMPARE(h.holdSeats({ 2 }, kBuyer, kBox2).status, Status::Ok);
    QCOMPARE(h.holdBest(1, kCatA, true, false, kBuyer, kBox2).status, Status::Ok);
    QCOMPARE(h.holdArea(1, kArea, kBuyer, kBox2).status, Status::Ok);
    h.now = kT0 + 2 * kSecond;
    QCOMPARE(h.holdSeats({ 4 }, kBuyer, kBox2).status, Status::NotOnSale);
    QCOMPARE(h.holdBest(1, kCatA, true, false, kBuyer, kBox2).status, Status::NotOnSale);
    QCOMPARE(h.holdArea(1, kArea, kBuyer, kBox2).status, Status::NotOnSale);
    // NotOnSale comes before SeatUnavailable / NoSeatsTogether / CapacityUnavailable.
    QCOMPARE(h.holdSeats({ 1 }, kBuyer, kBox2).status, Status::NotOnSale);
    QCOMPARE(h.holdBest(10, kCatA, true, false, kBuyer, kBox2).status, Status::NotOnSale);
    QCOMPARE(h.holdArea(10, kArea, kBuyer, kBox2).status, Status::NotOnSale);
    // Other channels have their own windows.
    QCOMPARE(h.holdSeats({ 4 }, kBuyer, kOnline).status, Status::Ok);
}

void TestLedgerHolds::onsaleWindowOnlyGuardsNewHolds()
{
    Harness h(specWithWindow());
    h.now = kT0 + kSecond;
    const CommandResult a = h.holdSeats({ 1 }, kBuyer, kBox2);
    const CommandResult b = h.holdSeats({ 2 }, kBuyer, kBox2);
    QVERIFY(a.ok() && b.ok());
    h.now = kT0 + 10 * kSecond; // past offsaleAt
    QCOMPARE(h.extend(a.hold, 60, kBuyer, kBox2).status, Status::Ok);
    QCOMPARE(h.initiatePayment(a.hold, 0, "psp", kBuyer, kBox2).status, Status::Ok);
    QCOMPARE(h.confirm(a.hold, {}, -1, kBuyer, kBox2).status, Status::Ok);
    QCOMPARE(h.release(b.hold, kBuyer, kBox2).status, Status::Ok);
}

void TestLedgerHolds::allocatedSeatsOnlySellableByTheirChannel()
{
    Harness h;
    QVERIFY(h.allocateSeats({ 1, 2 }, kBox).ok());
    const CommandResult online = h.holdSeats({ 3, 1 }, kBuyer, kOnline);
    QCOMPARE(online.status, Status::SeatUnavailable);
    QCOMPARE(list(online.seats), (QList<SeatId> { 1 }));
    QCOMPARE(h.holdSeats({ 2 }, kBuyer, kBox2).status, Status::SeatUnavailable);
    QCOMPARE(h.holdSeats({ 2 }, kAdmin, kBox2).status, Status::SeatUnavailable);
    const CommandResult box = h.holdSeats({ 1, 2, 3 }, kClerk, kBox);
    QCOMPARE(box.status, Status::Ok);
    QCOMPARE(h.seat(1).allocation, kBox);
    QCOMPARE(h.seat(3).allocation, kOpenPool);
}

void TestLedgerHolds::staleHoldIdIsNotFound()
{
    Harness h(makeSpec(), withHoldsMax(1));
    const CommandResult first = h.holdSeats({ 1 });
    QVERIFY(first.ok());
    QVERIFY(h.release(first.hold).ok());
    const CommandResult second = h.holdSeats({ 2 });
    QVERIFY(second.ok());
    // The one slot is reused, with a new generation.
    QVERIFY(second.hold != first.hold);
    QCOMPARE(second.hold & 0xffffffffu, first.hold & 0xffffffffu);
    QVERIFY(!h.ledger->hold(first.hold).has_value());
    QVERIFY(h.ledger->hold(second.hold).has_value());
    QCOMPARE(h.release(first.hold).status, Status::HoldNotFound);
    QCOMPARE(h.extend(first.hold, 60).status, Status::HoldNotFound);
    QCOMPARE(h.initiatePayment(first.hold).status, Status::HoldNotFound);
    QCOMPARE(h.failPayment(first.hold).status, Status::HoldNotFound);
    QCOMPARE(h.confirm(first.hold).status, Status::HoldNotFound);
    QCOMPARE(h.release(0).status, Status::HoldNotFound);
    QCOMPARE(h.release(0xffffffffull).status, Status::HoldNotFound);
    QCOMPARE(h.release(second.hold + (1ull << 32)).status, Status::HoldNotFound);
    QCOMPARE(h.status(2), SeatStatus::Held);
}

// ---- best-available ------------------------------------------------------------------------------

void TestLedgerHolds::bestAvailableChecks()
{
    Harness h;
    QCOMPARE(h.holdBest(0, kCatA).status, Status::InvalidArgument);
    QCOMPARE(h.holdBest(0, 9).status, Status::InvalidArgument);
    QCOMPARE(h.holdBest(1, 3).status, Status::CategoryNotFound);
    QCOMPARE(h.holdBest(11, 3).status, Status::CategoryNotFound);
    QCOMPARE(h.holdBest(11, kCatA).status, Status::LimitExceeded);
    h.now = kOffsale;
    QCOMPARE(h.holdBest(11, kCatA).status, Status::LimitExceeded);
    QCOMPARE(h.holdBest(1, kCatA).status, Status::NotOnSale);
    QCOMPARE(h.holdBest(1, kCatGA).status, Status::NotOnSale);
    QCOMPARE(h.ledger->counts().held, 0u);
    h.now = kT0;
    const CommandResult ten = h.holdBest(10, kCatA);
    QCOMPARE(ten.status, Status::Ok);
    QCOMPARE(ten.seats.size(), std::size_t { 10 });
    QCOMPARE(ten.expiresAt, kT0 + 600 * kSecond);
    QCOMPARE(h.ledger->hold(ten.hold)->seats, ten.seats);
}

void TestLedgerHolds::bestAvailablePicksBestRanks()
{
    // makeTestEvent ranks seats by index: front row, left first.
    Harness h;
    QCOMPARE(list(h.holdBest(3, kCatA).seats), (QList<SeatId> { 1, 2, 3 }));
    QCOMPARE(list(h.holdBest(2, kCatB).seats), (QList<SeatId> { 51, 52 }));

    // Ranks from the row centre: the middle of the front row first, then the next row.
    Harness c(makeRowsEvent({ { centreRanks(10, 0) }, { centreRanks(10, 1) } }));
    QCOMPARE(list(c.holdBest(2, kCatA).seats), (QList<SeatId> { 5, 6 }));
    // Front-row leftovers (ranks 9 7 5 3 | 3 5 7 9) still beat the second row's centre.
    QCOMPARE(list(c.holdBest(4, kCatA).seats), (QList<SeatId> { 1, 2, 3, 4 }));
    QCOMPARE(list(c.holdBest(4, kCatA).seats), (QList<SeatId> { 7, 8, 9, 10 }));
    QCOMPARE(list(c.holdBest(4, kCatA).seats), (QList<SeatId> { 14, 15, 16, 17 }));
    // Second row, 109 107 105 | 105 107 109 left: every pair strands one seat; lowest sum, leftmost.
    QCOMPARE(list(c.holdBest(2, kCatA).seats), (QList<SeatId> { 12, 13 }));
    QCOMPARE(c.status(11), SeatStatus::Available);
}

void TestLedgerHolds::bestAvailableTiesGoLeftmost()
{
    // Row ranks 9 7 5 3 1 1 3 5 7 9, the middle four taken: every pair left leaves one orphan, the
    // best sums (5 + 7) are seats 2-3 and 8-9; the leftmost wins.
    Harness h(makeRowsEvent({ { centreRanks(10, 0) } }));
    QVERIFY(h.holdSeats({ 4, 5, 6, 7 }, kOtherBuyer).ok());
    QCOMPARE(list(h.holdBest(2, kCatA).seats), (QList<SeatId> { 2, 3 }));
    // Single row [1 5 5 1]: seats 1-2 and 3-4 tie; leftmost.
    Harness t(makeRowsEvent({ { { 1, 5, 5, 1 } } }));
    QCOMPARE(list(t.holdBest(2, kCatA).seats), (QList<SeatId> { 1, 2 }));
}

void TestLedgerHolds::bestAvailableAvoidsOrphans()
{
    // Row of six, ranks 5 0 1 2 3 4. Four seats from seat 2 have the lowest sum (6) but would strand
    // seat 1 and seat 6; seats 1-4 (sum 8) strand nothing and win over seats 3-6 (sum 10).
    Harness h(makeRowsEvent({ { { 5, 0, 1, 2, 3, 4 } } }));
    const CommandResult r = h.holdBest(4, kCatA);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(list(r.seats), (QList<SeatId> { 1, 2, 3, 4 }));
    QCOMPARE(h.status(5), SeatStatus::Available);
    QCOMPARE(h.status(6), SeatStatus::Available);
}

void TestLedgerHolds::bestAvailableOrphanBesideUnavailableSeat()
{
    // Row of seven, ranks 4 3 0 1 2 9 9. Three seats: 3-5 (sum 3) leave runs of two on both sides.
    const EventSpec spec = makeRowsEvent({ { { 4, 3, 0, 1, 2, 9, 9 } } });
    Harness open(spec);
    QCOMPARE(list(open.holdBest(3, kCatA).seats), (QList<SeatId> { 3, 4, 5 }));
    // With seat 1 taken, seats 3-5 would strand seat 2 against it; seats 2-4 (sum 4) strand nothing.
    Harness h(spec);
    QVERIFY(h.holdSeats({ 1 }, kOtherBuyer).ok());
    QCOMPARE(list(h.holdBest(3, kCatA).seats), (QList<SeatId> { 2, 3, 4 }));
    // The same when seat 1 is blocked, sold or allocated to another channel.
    Harness b(spec);
    QVERIFY(b.block({ 1 }).ok());
    QCOMPARE(list(b.holdBest(3, kCatA).seats), (QList<SeatId> { 2, 3, 4 }));
    Harness a(spec);
    QVERIFY(a.allocateSeats({ 1 }, kBox).ok());
    QCOMPARE(list(a.holdBest(3, kCatA).seats), (QList<SeatId> { 2, 3, 4 }));
}

void TestLedgerHolds::bestAvailableAcceptsOrphanWhenNoOtherChoice()
{
    // Row of five, four wanted: any block strands one seat. The lower sum wins.
    Harness h(makeRowsEvent({ { { 0, 1, 2, 3, 4 } } }));
    const CommandResult r = h.holdBest(4, kCatA);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(list(r.seats), (QList<SeatId> { 1, 2, 3, 4 }));
    // With a worse row of exactly four behind it, that row wins: no orphan beats better ranks.
    Harness two(makeRowsEvent({ { { 0, 1, 2, 3, 4 } }, { { 10, 11, 12, 13 } } }));
    QCOMPARE(list(two.holdBest(4, kCatA).seats), (QList<SeatId> { 6, 7, 8, 9 }));
    // Then the only block left strands a seat, and is taken.
    QCOMPARE(list(two.holdBest(4, kCatA).seats), (QList<SeatId> { 1, 2, 3, 4 }));
}

void TestLedgerHolds::bestAvailablePrefersRowWithBetterBestRank()
{
    // Row A: 2 2 2 2; row B: 1 3 9 9. A pair costs 4 in both rows (no orphans); row B has the better
    // best rank, so it wins although it comes second.
    Harness h(makeRowsEvent({ { { 2, 2, 2, 2 } }, { { 1, 3, 9, 9 } } }));
    QCOMPARE(list(h.holdBest(2, kCatA).seats), (QList<SeatId> { 5, 6 }));
}

void TestLedgerHolds::bestAvailablePrefersFirstRowOnFullTie()
{
    Harness h(makeRowsEvent({ { { 3, 3, 9, 9 } }, { { 3, 3, 9, 9 } } }));
    QCOMPARE(list(h.holdBest(2, kCatA).seats), (QList<SeatId> { 1, 2 }));
    QCOMPARE(list(h.holdBest(2, kCatA).seats), (QList<SeatId> { 5, 6 }));
}

void TestLedgerHolds::bestAvailableNoSeatsTogether()
{
    // Row of six with seats 3 and 5 taken: runs of 2, 1 and 1.
    Harness h(makeRowsEvent({ { { 0, 1, 2, 3, 4, 5 } } }));
    QVERIFY(h.holdSeats({ 3, 5 }, kOtherBuyer).ok());
    const CommandResult r = h.holdBest(3, kCatA);
    QCOMPARE(r.status, Status::NoSeatsTogether);
    QCOMPARE(r.hold, HoldId { 0 });
    QCOMPARE(h.ledger->counts().held, 2u);
    QCOMPARE(h.ledger->counts().activeHolds, 1u);
    // Split, the largest block first (seats 1-2), then the best single seat (4).
    const CommandResult split = h.holdBest(3, kCatA, false);
    QCOMPARE(split.status, Status::Ok);
    QCOMPARE(list(split.seats), (QList<SeatId> { 1, 2, 4 }));
    QCOMPARE(h.status(6), SeatStatus::Available);
}

void TestLedgerHolds::bestAvailableSplitTakesLargestBlocksFirst()
{
    // Row A (better): 0 1 2 3 with seat 3 taken: runs of 2 and 1. Row B (worse): three seats.
    Harness h(makeRowsEvent({ { { 0, 1, 2, 3 } }, { { 10, 11, 12 } } }));
    QVERIFY(h.holdSeats({ 3 }, kOtherBuyer).ok());
    const CommandResult r = h.holdBest(5, kCatA, false);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(list(r.seats), (QList<SeatId> { 5, 6, 7, 1, 2 }));
    QCOMPARE(h.status(4), SeatStatus::Available);
    QCOMPARE(list(h.ledger->hold(r.hold)->seats), (QList<SeatId> { 5, 6, 7, 1, 2 }));
    // A split request that fits in one block takes the block a together request would take.
    Harness one(makeRowsEvent({ { { 0, 1, 2, 3 } }, { { 10, 11, 12 } } }));
    QCOMPARE(list(one.holdBest(3, kCatA, false).seats), (QList<SeatId> { 5, 6, 7 }));
}

void TestLedgerHolds::bestAvailableSplitFailsWhenTooFewSeats()
{
    Harness h(makeRowsEvent({ { { 0, 1, 2, 3 } }, { { 10, 11, 12 } } }));
    QVERIFY(h.holdSeats({ 3 }, kOtherBuyer).ok());
    const CommandResult r = h.holdBest(7, kCatA, false);
    QCOMPARE(r.status, Status::SeatUnavailable);
    QCOMPARE(r.hold, HoldId { 0 });
    QCOMPARE(h.ledger->counts().held, 1u);
    QCOMPARE(h.holdBest(7, kCatA, true).status, Status::NoSeatsTogether);
    QCOMPARE(h.holdBest(6, kCatA, false).status, Status::Ok);
}

void TestLedgerHolds::bestAvailableAccessible()
{
    // Row: W C - - C C (W wheelchair, C companion), ranks 5 4 0 1 2 3.
    const std::uint8_t w = SeatWheelchair;
    const std::uint8_t c = SeatCompanion;
    const EventSpec spec = makeRowsEvent({ { { 5, 4, 0, 1, 2, 3 }, "", { w, c, 0, 0, c, c } } });
    Harness h(spec);
    QCOMPARE(list(h.holdBest(2, kCatA, true, true).seats), (QList<SeatId> { 1, 2 }));
    // Seats 5-6 are companion seats only: no block with a wheelchair seat is left.
    QCOMPARE(h.holdBest(2, kCatA, true, true).status, Status::NoSeatsTogether);
    QCOMPARE(h.holdBest(1, kCatA, true, true).status, Status::NoSeatsTogether);
    // A plain request takes the best plain pair.
    Harness p(spec);
    QCOMPARE(list(p.holdBest(2, kCatA).seats), (QList<SeatId> { 3, 4 }));
    // An accessible request never takes plain seats.
    Harness q(spec);
    QCOMPARE(q.holdBest(3, kCatA, true, true).status, Status::NoSeatsTogether);
    QCOMPARE(list(q.holdBest(1, kCatA, true, true).seats), (QList<SeatId> { 1 }));
}

void TestLedgerHolds::bestAvailableRespectsAllocationAndBlocks()
{
    Harness h;
    QVERIFY(h.allocateSeats({ 1, 2 }, kBox).ok());
    QVERIFY(h.block({ 3 }).ok());
    // Online: seats 1-2 belong to channel 2 and 3 is blocked.
    QCOMPARE(list(h.holdBest(2, kCatA).seats), (QList<SeatId> { 4, 5 }));
    // Channel 2 may use its own seats and the open pool.
    QCOMPARE(list(h.holdBest(2, kCatA, true, false, kClerk, kBox).seats), (QList<SeatId> { 1, 2 }));
    QCOMPARE(h.seat(1).channel, kBox);
}

void TestLedgerHolds::bestAvailableCategories()
{
    Harness h(makeRowsEvent({ { { 0, 1, 2, 3, 4, 5 }, "AABBAA" } }));
    QCOMPARE(list(h.holdBest(2, kCatB).seats), (QList<SeatId> { 3, 4 }));
    QCOMPARE(h.holdBest(1, kCatB).status, Status::NoSeatsTogether);
    // A pair of A seats never spans the B seats.
    QCOMPARE(list(h.holdBest(2, kCatA).seats), (QList<SeatId> { 1, 2 }));
    QCOMPARE(list(h.holdBest(2, kCatA).seats), (QList<SeatId> { 5, 6 }));
    QCOMPARE(h.holdBest(1, kCatA).status, Status::NoSeatsTogether);
    // makeTestEvent's GA category has no seats at all.
    Harness g;
    QCOMPARE(g.holdBest(1, kCatGA).status, Status::NoSeatsTogether);
    QCOMPARE(g.holdBest(1, kCatGA, false).status, Status::SeatUnavailable);
}

// ---- release -------------------------------------------------------------------------------------

void TestLedgerHolds::releaseFreesTheSeats()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1, 2 });
    h.ledger->takeBatch();
    const CommandResult r = h.release(held.hold);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.hold, held.hold);
    QCOMPARE(h.status(1), SeatStatus::Available);
    QCOMPARE(h.status(2), SeatStatus::Available);
    QCOMPARE(h.seat(1).hold, HoldId { 0 });
    QVERIFY(!h.ledger->hold(held.hold).has_value());
    QCOMPARE(h.ledger->counts().activeHolds, 0u);
    QCOMPARE(h.ledger->counts().available, kSeatCount);
    const JournalBatch batch = h.ledger->takeBatch();
    QCOMPARE(releaseReasons(batch), (QList<int> { int(ReleaseReason::Released), int(ReleaseReason::Released) }));
    QCOMPARE(h.release(held.hold).status, Status::HoldNotFound);
    QVERIFY(h.holdSeats({ 1, 2 }, kOtherBuyer).ok());
}

void TestLedgerHolds::releaseChecks()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1 }, kBuyer, kOnline);
    QCOMPARE(h.release(held.hold + 1).status, Status::HoldNotFound);
    QCOMPARE(h.release(held.hold, kOtherBuyer, kOnline).status, Status::NotHolder);
    QCOMPARE(h.release(held.hold, kOtherBuyer, kBox).status, Status::NotHolder);
    QCOMPARE(h.release(held.hold, kBuyer, kBox).status, Status::WrongChannel);
    QCOMPARE(h.release(held.hold, kClerk, kBox).status, Status::WrongChannel);
    QCOMPARE(h.release(held.hold, kDevice, kBox2).status, Status::WrongChannel);
    QCOMPARE(h.status(1), SeatStatus::Held);
    QCOMPARE(h.release(held.hold, kBuyer, kOnline).status, Status::Ok);
}

void TestLedgerHolds::releaseByStaffAndManagers()
{
    Harness h;
    const CommandResult a = h.holdSeats({ 1 });
    QCOMPARE(h.release(a.hold, kClerk, kOnline).status, Status::Ok);
    const CommandResult b = h.holdSeats({ 2 });
    QCOMPARE(h.release(b.hold, kDevice, kOnline).status, Status::Ok);
    const CommandResult c = h.holdSeats({ 3 });
    QCOMPARE(h.release(c.hold, kPromoter, kBox).status, Status::Ok);
    const CommandResult d = h.holdSeats({ 4 });
    QCOMPARE(h.release(d.hold, kAdmin, kBox2).status, Status::Ok);
    const CommandResult e = h.holdSeats({ 5 });
    QCOMPARE(h.release(e.hold, kSystem, kBox).status, Status::Ok);
    QCOMPARE(h.ledger->counts().held, 0u);
}

void TestLedgerHolds::releaseRefusedWhilePaymentPending()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1 });
    QVERIFY(h.initiatePayment(held.hold, 5000).ok());
    QCOMPARE(h.release(held.hold).status, Status::PaymentPending);
    QCOMPARE(h.release(held.hold, kAdmin, kBox).status, Status::PaymentPending);
    // Earlier checks win.
    QCOMPARE(h.release(held.hold, kBuyer, kBox).status, Status::WrongChannel);
    QCOMPARE(h.release(held.hold, kOtherBuyer, kOnline).status, Status::NotHolder);
    QCOMPARE(h.status(1), SeatStatus::Held);
}

void TestLedgerHolds::releaseOfDueHoldBeforeExpire()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1 });
    h.now = held.expiresAt + 5 * kSecond;
    QCOMPARE(h.status(1), SeatStatus::Held); // nothing expires without Expire
    QCOMPARE(h.release(held.hold).status, Status::Ok);
    QCOMPARE(h.expire().count, 0u);
}

// ---- extend --------------------------------------------------------------------------------------

void TestLedgerHolds::extendArguments()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1 });
    QCOMPARE(h.extend(held.hold, 0).status, Status::InvalidArgument);
    QCOMPARE(h.extend(held.hold, 86'401).status, Status::InvalidArgument);
    QCOMPARE(h.extend(0, 0).status, Status::InvalidArgument);
    QCOMPARE(h.extend(held.hold, 0, kOtherBuyer, kBox).status, Status::InvalidArgument);
    // A day is allowed as an argument; here it runs into the hold lifetime.
    QCOMPARE(h.extend(held.hold, 86'400).status, Status::LimitExceeded);
    QCOMPARE(h.seat(1).expiresAt, held.expiresAt);
}

void TestLedgerHolds::extendHoldChecks()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1 });
    QCOMPARE(h.extend(held.hold ^ (1ull << 40), 60).status, Status::HoldNotFound);
    QCOMPARE(h.extend(held.hold, 60, kOtherBuyer).status, Status::NotHolder);
    QCOMPARE(h.extend(held.hold, 60, kBuyer, kBox).status, Status::WrongChannel);
    // The hold checks come before the lifetime check.
    QCOMPARE(h.extend(held.hold, 5000, kOtherBuyer).status, Status::NotHolder);
    QCOMPARE(h.extend(held.hold, 5000, kClerk, kBox).status, Status::WrongChannel);
    h.now = kT0 + 100 * kSecond;
    QCOMPARE(h.extend(held.hold, 600, kAdmin, kBox).status, Status::Ok);
}

void TestLedgerHolds::extendKeepsLaterExpiry()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1 });
    const CommandResult r = h.extend(held.hold, 60);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.hold, held.hold);
    QCOMPARE(r.expiresAt, kT0 + 600 * kSecond);
    QCOMPARE(h.ledger->hold(held.hold)->expiresAt, kT0 + 600 * kSecond);
}

void TestLedgerHolds::extendMovesExpiry()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1, 2 });
    h.now = kT0 + 100 * kSecond;
    const CommandResult r = h.extend(held.hold, 600);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.expiresAt, kT0 + 700 * kSecond);
    QCOMPARE(h.seat(2).expiresAt, kT0 + 700 * kSecond);
    QCOMPARE(h.ledger->hold(held.hold)->expiresAt, kT0 + 700 * kSecond);
    QCOMPARE(h.ledger->hold(held.hold)->createdAt, kT0);
    h.now = kT0 + 600 * kSecond;
    QCOMPARE(h.expire().count, 0u);
    QCOMPARE(h.status(1), SeatStatus::Held);
    h.now = kT0 + 700 * kSecond - 1;
    QCOMPARE(h.expire().count, 0u);
    h.now = kT0 + 700 * kSecond;
    QCOMPARE(h.expire().count, 1u);
    QCOMPARE(h.status(1), SeatStatus::Available);
}

void TestLedgerHolds::extendLifetimeCap()
{
    // holdLifetimeSecondsMax is 1,800 s from creation.
    Harness h;
    const CommandResult held = h.holdSeats({ 1 });
    QCOMPARE(h.extend(held.hold, 1801).status, Status::LimitExceeded);
    QCOMPARE(h.extend(held.hold, 1800).expiresAt, kT0 + 1800 * kSecond);
    h.now = kT0 + 100 * kSecond;
    QCOMPARE(h.extend(held.hold, 1701).status, Status::LimitExceeded);
    QCOMPARE(h.extend(held.hold, 1700).status, Status::Ok);
    QCOMPARE(h.ledger->hold(held.hold)->expiresAt, kT0 + 1800 * kSecond);
}

void TestLedgerHolds::extendExpiredHold()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1 });
    h.now = held.expiresAt;
    QCOMPARE(h.extend(held.hold, 60).status, Status::HoldExpired);
    // The lifetime check comes first: now + 1,200 s is past createdAt + 1,800 s.
    h.now = kT0 + 700 * kSecond;
    QCOMPARE(h.extend(held.hold, 1200).status, Status::LimitExceeded);
    QCOMPARE(h.extend(held.hold, 1100).status, Status::HoldExpired);
    h.now = held.expiresAt - 1;
    QCOMPARE(h.extend(held.hold, 60).status, Status::Ok);
}

void TestLedgerHolds::extendWhilePaymentPending()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1 });
    QVERIFY(h.initiatePayment(held.hold).ok());
    QCOMPARE(h.extend(held.hold, 60).status, Status::PaymentPending);
    QCOMPARE(h.extend(held.hold, 1801).status, Status::LimitExceeded);
    h.now = held.expiresAt;
    QCOMPARE(h.extend(held.hold, 60).status, Status::HoldExpired);
    QCOMPARE(h.ledger->hold(held.hold)->expiresAt, held.expiresAt);
}

// ---- expire --------------------------------------------------------------------------------------

void TestLedgerHolds::expireReleasesDueHoldsEarliestFirst()
{
    Harness h;
    const CommandResult a = h.holdSeats({ 1 });
    h.now = kT0 + 10 * kSecond;
    const CommandResult b = h.holdSeats({ 2 });
    h.now = kT0 + 5 * kSecond;
    const CommandResult c = h.holdSeats({ 3, 4 });
    h.ledger->takeBatch();

    h.now = kT0 + 605 * kSecond - 1;
    QCOMPARE(h.expire().count, 1u);
    QCOMPARE(h.status(1), SeatStatus::Available);
    QCOMPARE(h.status(3), SeatStatus::Held);
    h.now = kT0 + 610 * kSecond;
    const CommandResult r = h.expire();
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.count, 2u);
    QVERIFY(r.seq != 0);
    QCOMPARE(h.ledger->counts().held, 0u);
    QCOMPARE(h.ledger->counts().activeHolds, 0u);
    QVERIFY(!h.ledger->hold(a.hold) && !h.ledger->hold(b.hold) && !h.ledger->hold(c.hold));

    const JournalBatch batch = h.ledger->takeBatch();
    QList<SeatId> order;
    for (const DecodedEvent& e : decodeEvents(batch))
        if (e.type == EventType::SeatReleased && e.seq == r.seq)
            order.push_back(e.seat);
    QCOMPARE(order, (QList<SeatId> { 3, 4, 2 }));
}

void TestLedgerHolds::expireReasonIsExpired()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1, 2 });
    h.ledger->takeBatch();
    h.now = held.expiresAt;
    QCOMPARE(h.expire().count, 1u);
    const JournalBatch batch = h.ledger->takeBatch();
    QCOMPARE(releaseReasons(batch), (QList<int> { int(ReleaseReason::Expired), int(ReleaseReason::Expired) }));
}

void TestLedgerHolds::expireReleasesAreaHolds()
{
    Harness h;
    const CommandResult held = h.holdArea(7);
    QCOMPARE(h.pool(kOpenPool).held, 7u);
    h.ledger->takeBatch();
    h.now = held.expiresAt;
    QCOMPARE(h.expire().count, 1u);
    QCOMPARE(h.pool(kOpenPool).held, 0u);
    QCOMPARE(h.pool(kOpenPool).free(), kAreaCapacity);
    QCOMPARE(h.ledger->counts().areaHeld, std::uint64_t { 0 });
    const JournalBatch batch = h.ledger->takeBatch();
    QCOMPARE(releaseReasons(batch), (QList<int> { int(ReleaseReason::Expired) }));
    QCOMPARE(decodeEvents(batch)[0].quantity, 7u);
}

void TestLedgerHolds::expireIsBoundedPerCommand()
{
    // 6,100 holds of 10 seats: 61,000 SEAT_RELEASED events, more than one Expire may carry.
    EventSpec spec = test::makeTestEvent(kEventId, 1, 61, 1000, 0);
    Harness h(spec, LedgerOptions {});
    constexpr std::uint32_t kHolds = 6100;
    for (std::uint32_t i = 0; i < kHolds; ++i) {
        std::vector<SeatId> seats;
        for (SeatId s = 1; s <= 10; ++s)
            seats.push_back(i * 10 + s);
        QVERIFY(h.holdSeats(seats).ok());
    }
    h.ledger->takeBatch();
    h.now = kT0 + 600 * kSecond;
    const CommandResult first = h.expire();
    QCOMPARE(first.status, Status::Ok);
    QVERIFY(first.count >= 5000 && first.count < kHolds);
    const JournalBatch batch = h.ledger->takeBatch();
    QVERIFY(decodeEvents(batch).size() <= 60'000);
    QCOMPARE(decodeEvents(batch).size(), std::size_t { first.count } * 10);
    const CommandResult second = h.expire();
    QCOMPARE(first.count + second.count, kHolds);
    QCOMPARE(h.expire().count, 0u);
    QCOMPARE(h.ledger->counts().held, 0u);
    QCOMPARE(h.ledger->invariantViolation(), std::string());
}

// ---- payment -------------------------------------------------------------------------------------

void TestLedgerHolds::initiatePaymentArguments()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1 });
    QCOMPARE(h.initiatePayment(held.hold, -1).status, Status::InvalidArgument);
    QCOMPARE(h.initiatePayment(held.hold, 100, "").status, Status::InvalidArgument);
    QCOMPARE(h.initiatePayment(0, -1).status, Status::InvalidArgument);
    QCOMPARE(h.initiatePayment(held.hold, -1, "psp", kOtherBuyer).status, Status::InvalidArgument);
    QVERIFY(!h.ledger->hold(held.hold)->paymentPending);
    QCOMPARE(h.initiatePayment(held.hold, 0).status, Status::Ok);
}

void TestLedgerHolds::initiatePaymentHoldChecks()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1 });
    QCOMPARE(h.initiatePayment(held.hold + 1).status, Status::HoldNotFound);
    QCOMPARE(h.initiatePayment(held.hold, 0, "psp", kOtherBuyer).status, Status::NotHolder);
    QCOMPARE(h.initiatePayment(held.hold, 0, "psp", kBuyer, kBox).status, Status::WrongChannel);
    QVERIFY(!h.ledger->hold(held.hold)->paymentPending);
}

void TestLedgerHolds::initiatePaymentExtendsExpiry()
{
    Harness h; // paymentSecondsMax = 120
    const CommandResult early = h.holdSeats({ 1 });
    const CommandResult r = h.initiatePayment(early.hold, 5000, "psp-early");
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.hold, early.hold);
    QCOMPARE(r.amount, Amount { 5000 });
    QCOMPARE(r.expiresAt, kT0 + 600 * kSecond); // already lives long enough
    const std::optional<HoldView> view = h.ledger->hold(early.hold);
    QVERIFY(view->paymentPending);
    QCOMPARE(view->paymentAmount, Amount { 5000 });

    const CommandResult late = h.holdSeats({ 2 });
    h.now = kT0 + 550 * kSecond;
    const CommandResult moved = h.initiatePayment(late.hold, 3000);
    QCOMPARE(moved.expiresAt, kT0 + 670 * kSecond);
    QCOMPARE(h.seat(2).expiresAt, kT0 + 670 * kSecond);
    // The original expiry passes without a release; the payment can still complete.
    h.now = kT0 + 600 * kSecond;
    QCOMPARE(h.expire().count, 1u); // the early hold only
    QCOMPARE(h.status(2), SeatStatus::Held);
    h.now = kT0 + 650 * kSecond;
    QCOMPARE(h.confirm(late.hold).status, Status::Ok);
}

void TestLedgerHolds::initiatePaymentOnExpiredHold()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1 });
    h.now = held.expiresAt;
    QCOMPARE(h.initiatePayment(held.hold).status, Status::HoldExpired);
    QVERIFY(!h.ledger->hold(held.hold)->paymentPending);
    // HoldExpired comes before PaymentPending.
    const CommandResult other = h.holdSeats({ 2 });
    QVERIFY(h.initiatePayment(other.hold).ok());
    h.now = h.ledger->hold(other.hold)->expiresAt;
    QCOMPARE(h.initiatePayment(other.hold).status, Status::HoldExpired);
}

void TestLedgerHolds::initiatePaymentTwice()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1 });
    QVERIFY(h.initiatePayment(held.hold, 100, "psp-1").ok());
    QCOMPARE(h.initiatePayment(held.hold, 100, "psp-2").status, Status::PaymentPending);
    QCOMPARE(h.ledger->hold(held.hold)->paymentAmount, Amount { 100 });
}

void TestLedgerHolds::failPayment()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1, 2 });
    QVERIFY(h.initiatePayment(held.hold).ok());
    h.ledger->takeBatch();
    const CommandResult r = h.failPayment(held.hold);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(h.status(1), SeatStatus::Available);
    QCOMPARE(h.status(2), SeatStatus::Available);
    QVERIFY(!h.ledger->hold(held.hold).has_value());
    const JournalBatch batch = h.ledger->takeBatch();
    QCOMPARE(releaseReasons(batch),
             (QList<int> { int(ReleaseReason::PaymentFailed), int(ReleaseReason::PaymentFailed) }));
    QCOMPARE(h.failPayment(held.hold).status, Status::HoldNotFound);

    // A failed payment past the hold's expiry (Expire has not run yet) still releases.
    const CommandResult late = h.holdArea(3);
    QVERIFY(h.initiatePayment(late.hold).ok());
    h.now = h.ledger->hold(late.hold)->expiresAt + kSecond;
    QCOMPARE(h.failPayment(late.hold).status, Status::Ok);
    QCOMPARE(h.pool(kOpenPool).held, 0u);
}

void TestLedgerHolds::failPaymentChecks()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1 });
    QCOMPARE(h.failPayment(held.hold).status, Status::PaymentNotPending);
    QCOMPARE(h.failPayment(held.hold + 1).status, Status::HoldNotFound);
    QCOMPARE(h.failPayment(held.hold, kOtherBuyer).status, Status::NotHolder);
    QCOMPARE(h.failPayment(held.hold, kBuyer, kBox).status, Status::WrongChannel);
    QVERIFY(h.initiatePayment(held.hold).ok());
    QCOMPARE(h.failPayment(held.hold, kOtherBuyer).status, Status::NotHolder);
    QCOMPARE(h.failPayment(held.hold, kClerk, kBox).status, Status::WrongChannel);
    QCOMPARE(h.status(1), SeatStatus::Held);
    QCOMPARE(h.failPayment(held.hold, kClerk, kOnline).status, Status::Ok);
}

void TestLedgerHolds::expireOfPendingHoldIsPaymentTimeout()
{
    Harness h;
    const CommandResult pending = h.holdSeats({ 1 });
    const CommandResult plain = h.holdSeats({ 2 });
    const CommandResult area = h.holdArea(2);
    QVERIFY(h.initiatePayment(pending.hold).ok());
    QVERIFY(h.initiatePayment(area.hold).ok());
    h.ledger->takeBatch();
    h.now = kT0 + 600 * kSecond;
    QCOMPARE(h.expire().count, 3u);
    const JournalBatch batch = h.ledger->takeBatch();
    const std::vector<DecodedEvent> events = decodeEvents(batch);
    QCOMPARE(events.size(), std::size_t { 3 });
    for (const DecodedEvent& e : events) {
        QVERIFY(e.hold == pending.hold || e.hold == plain.hold || e.hold == area.hold);
        const ReleaseReason expected = e.hold == plain.hold ? ReleaseReason::Expired : ReleaseReason::PaymentTimeout;
        QCOMPARE(int(e.reason), int(expected));
    }
}

// ---- general admission ---------------------------------------------------------------------------

void TestLedgerHolds::holdAreaChecks()
{
    Harness h;
    QCOMPARE(h.holdArea(0).status, Status::InvalidArgument);
    QCOMPARE(h.holdArea(0, 9).status, Status::InvalidArgument);
    QCOMPARE(h.holdArea(1, 9).status, Status::AreaNotFound);
    QCOMPARE(h.holdArea(11, 9).status, Status::AreaNotFound);
    QCOMPARE(h.holdArea(11).status, Status::LimitExceeded);
    h.now = kOffsale;
    QCOMPARE(h.holdArea(11).status, Status::LimitExceeded);
    QCOMPARE(h.holdArea(1).status, Status::NotOnSale);
    h.now = kT0;
    for (int i = 0; i < 5; ++i)
        QVERIFY(h.holdArea(10).ok());
    h.now = kOffsale;
    QCOMPARE(h.holdArea(1).status, Status::NotOnSale);
    h.now = kT0;
    QCOMPARE(h.holdArea(1).status, Status::CapacityUnavailable);
}

void TestLedgerHolds::holdAreaAccounting()
{
    Harness h;
    const CommandResult r = h.holdArea(10);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.area, kArea);
    QCOMPARE(r.quantity, 10u);
    QVERIFY(r.hold != 0);
    QCOMPARE(r.expiresAt, kT0 + 600 * kSecond);
    QVERIFY(r.seats.empty());
    const std::optional<HoldView> view = h.ledger->hold(r.hold);
    QCOMPARE(view->area, kArea);
    QCOMPARE(view->quantity, 10u);
    QCOMPARE(view->pool, kOpenPool);
    QVERIFY(view->seats.empty());
    for (int i = 0; i < 3; ++i)
        QVERIFY(h.holdArea(10).ok());
    const CommandResult last = h.holdArea(9);
    QVERIFY(last.ok());
    QCOMPARE(h.pool(kOpenPool).capacity, kAreaCapacity);
    QCOMPARE(h.pool(kOpenPool).held, 49u);
    QCOMPARE(h.pool(kOpenPool).free(), 1u);
    QCOMPARE(h.ledger->counts().areaHeld, std::uint64_t { 49 });
    QCOMPARE(h.ledger->counts().held, 0u); // no seats involved
    QCOMPARE(h.holdArea(2).status, Status::CapacityUnavailable);
    QVERIFY(h.holdArea(1).ok());
    QCOMPARE(h.holdArea(1).status, Status::CapacityUnavailable);
    QVERIFY(h.release(last.hold).ok());
    QCOMPARE(h.pool(kOpenPool).free(), 9u);
    QCOMPARE(h.holdArea(10).status, Status::CapacityUnavailable);
    QVERIFY(h.holdArea(9).ok());
}

void TestLedgerHolds::holdAreaPrefersChannelPool()
{
    Harness h;
    QVERIFY(h.allocateArea(20, kBox).ok());
    QCOMPARE(h.pool(kOpenPool).capacity, 30u);

    const CommandResult own = h.holdArea(5, kArea, kClerk, kBox);
    QCOMPARE(h.ledger->hold(own.hold)->pool, kBox);
    QCOMPARE(h.pool(kBox).held, 5u);
    QCOMPARE(h.pool(kOpenPool).held, 0u);

    const CommandResult online = h.holdArea(5, kArea, kBuyer, kOnline);
    QCOMPARE(h.ledger->hold(online.hold)->pool, kOpenPool);
    QCOMPARE(h.pool(kOpenPool).held, 5u);

    const CommandResult more = h.holdArea(10, kArea, kClerk, kBox);
    QCOMPARE(h.ledger->hold(more.hold)->pool, kBox);
    QCOMPARE(h.pool(kBox).free(), 5u);

    // Channel 2 lacks room for 10: the open pool serves it.
    const CommandResult fallback = h.holdArea(10, kArea, kClerk, kBox);
    QCOMPARE(fallback.status, Status::Ok);
    QCOMPARE(h.ledger->hold(fallback.hold)->pool, kOpenPool);
    QCOMPARE(h.pool(kOpenPool).free(), 15u);
    QCOMPARE(h.pool(kBox).free(), 5u);

    // Channel 3 has no allocation and cannot use channel 2's.
    QVERIFY(h.holdArea(10, kArea, kClerk, kBox2).ok());
    QVERIFY(h.holdArea(5, kArea, kClerk, kBox2).ok());
    QCOMPARE(h.pool(kOpenPool).free(), 0u);
    QCOMPARE(h.holdArea(1, kArea, kClerk, kBox2).status, Status::CapacityUnavailable);
    QCOMPARE(h.holdArea(1, kArea, kBuyer, kOnline).status, Status::CapacityUnavailable);
    QCOMPARE(h.holdArea(5, kArea, kClerk, kBox).status, Status::Ok);
    QCOMPARE(h.pool(kBox).free(), 0u);
    QCOMPARE(h.ledger->counts().areaHeld, std::uint64_t { 50 });
}

void TestLedgerHolds::holdAreaNeverSpansPools()
{
    Harness h;
    QVERIFY(h.allocateArea(20, kBox).ok());
    QVERIFY(h.holdArea(10, kArea, kBuyer, kOnline).ok());
    QVERIFY(h.holdArea(10, kArea, kBuyer, kOnline).ok());
    QVERIFY(h.holdArea(5, kArea, kBuyer, kOnline).ok());
    QCOMPARE(h.holdArea(15, kArea, kClerk, kBox).status, Status::LimitExceeded);
    QVERIFY(h.holdArea(10, kArea, kClerk, kBox).ok());
    QVERIFY(h.holdArea(5, kArea, kClerk, kBox).ok());
    // Five free in each pool; eight fit in neither.
    QCOMPARE(h.pool(kOpenPool).free(), 5u);
    QCOMPARE(h.pool(kBox).free(), 5u);
    QCOMPARE(h.holdArea(8, kArea, kClerk, kBox).status, Status::CapacityUnavailable);
    QCOMPARE(h.pool(kOpenPool).held, 25u);
    QCOMPARE(h.holdArea(5, kArea, kClerk, kBox).status, Status::Ok);
    QCOMPARE(h.holdArea(5, kArea, kClerk, kBox).status, Status::Ok);
    QCOMPARE(h.holdArea(1, kArea, kClerk, kBox).status, Status::CapacityUnavailable);
}

QTEST_APPLESS_MAIN(TestLedgerHolds)
#include "TestLedgerHolds.moc"
