// Ledger unit tests, part 4: inventory commands (Block, Unblock, AllocateSeats, DeallocateSeats,
// AllocateArea, DeallocateArea), against docs/engine-commands.md.

#include <QTest>

// moc (Qt 6.4) cannot parse the C++20 standard headers; it needs nothing from the engine.
#ifndef Q_MOC_RUN
#include "engine/LedgerTestKit.h"
#endif

using namespace usher;
using namespace usher::ledgertest;

class TestLedgerInventory : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Block / Unblock.
    void blockSeats();
    void blockKeepsEachSeatsReason();
    void blockByStaffOnly();
    void blockChecks();
    void blockNeedsAvailableSeats();
    void blockedSeatIsNotSellable();
    void unblockSeats();
    void unblockChecks();

    // AllocateSeats / DeallocateSeats.
    void allocateSeats();
    void allocateByManagersOnly();
    void allocateChecks();
    void allocateNeedsAvailableUnallocatedSeats();
    void deallocateSeats();
    void deallocateChecks();
    void deallocateSoldAndBlockedSeats();
    void openPoolOnlyHoldsSkipTheAllocation();

    // AllocateArea / DeallocateArea.
    void allocateArea();
    void allocateAreaChecks();
    void allocateAreaNeedsFreeOpenCapacity();
    void deallocateArea();
    void deallocateAreaChecks();
};

// ---- block / unblock -----------------------------------------------------------------------------

void TestLedgerInventory::blockSeats()
{
    Harness h;
    const CommandResult r = h.block({ 2, 1 }, "house seat");
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(int(r.kind), int(CommandKind::Block));
    QCOMPARE(list(r.seats), (QList<SeatId> { 2, 1 }));
    const SeatView seat = h.seat(1);
    QCOMPARE(seat.status, SeatStatus::Blocked);
    QCOMPARE(seat.blockReason, std::string_view("house seat"));
    QCOMPARE(seat.hold, HoldId { 0 });
    QCOMPARE(seat.order, OrderId { 0 });
    QCOMPARE(h.seat(3).blockReason, std::string_view());
    const LedgerCounts counts = h.ledger->counts();
    QCOMPARE(counts.blocked, 2u);
    QCOMPARE(counts.available, kSeatCount - 2);
}

void TestLedgerInventory::blockKeepsEachSeatsReason()
{
    Harness h;
    QVERIFY(h.block({ 1 }, "house seat").ok());
    QVERIFY(h.block({ 3 }, "camera").ok());
    QVERIFY(h.block({ 4, 5 }, "house seat").ok());
    QVERIFY(h.block({ 6 }, "sound desk").ok());
    QCOMPARE(h.seat(1).blockReason, std::string_view("house seat"));
    QCOMPARE(h.seat(3).blockReason, std::string_view("camera"));
    QCOMPARE(h.seat(4).blockReason, std::string_view("house seat"));
    QCOMPARE(h.seat(5).blockReason, std::string_view("house seat"));
    QCOMPARE(h.seat(6).blockReason, std::string_view("sound desk"));
    QVERIFY(h.unblock({ 3 }).ok());
    QVERIFY(h.block({ 3 }, "press").ok());
    QCOMPARE(h.seat(3).blockReason, std::string_view("press"));
    QCOMPARE(h.seat(1).blockReason, std::string_view("house seat"));
}

void TestLedgerInventory::blockByStaffOnly()
{
    Harness h;
    QCOMPARE(h.block({ 1 }, "house", kBuyer).status, Status::Forbidden);
    QCOMPARE(h.status(1), SeatStatus::Available);
    QCOMPARE(h.block({ 1 }, "house", kClerk).status, Status::Ok);
    QCOMPARE(h.block({ 2 }, "house", kDevice).status, Status::Ok);
    QCOMPARE(h.block({ 3 }, "house", kPromoter).status, Status::Ok);
    QCOMPARE(h.block({ 4 }, "house", kAdmin).status, Status::Ok);
    QCOMPARE(h.block({ 5 }, "house", kSystem).status, Status::Ok);
    QCOMPARE(h.unblock({ 1 }, kBuyer).status, Status::Forbidden);
    QCOMPARE(h.unblock({ 1 }, kDevice).status, Status::Ok);
    QCOMPARE(h.unblock({ 2 }, kPromoter).status, Status::Ok);
}

void TestLedgerInventory::blockChecks()
{
    Harness h;
    QVERIFY(h.holdSeats({ 9 }).ok());
    // Forbidden first, then the reason, then the seat list.
    QCOMPARE(h.block({ 1 }, "", kBuyer).status, Status::Forbidden);
    QCOMPARE(h.block({}, "house", kBuyer).status, Status::Forbidden);
    QCOMPARE(h.block({ 999 }, "house", kBuyer).status, Status::Forbidden);
    QCOMPARE(h.block({ 1 }, "").status, Status::InvalidArgument);
    QCOMPARE(h.block({ 999 }, "").status, Status::InvalidArgument);
    QCOMPARE(h.block({ 9 }, "").status, Status::InvalidArgument);
    QCOMPARE(h.block({}).status, Status::InvalidArgument);
    QCOMPARE(h.block({ 1, 1 }).status, Status::InvalidArgument);
    QCOMPARE(h.block({ 999, 1, 1 }).status, Status::InvalidArgument);
    QCOMPARE(h.block({ 1, 999 }).status, Status::SeatNotFound);
    QCOMPARE(h.block({ 9, 999 }).status, Status::SeatNotFound);
    // Long lists find duplicates another way (per-seat marks, not pairwise): same answers.
    std::vector<SeatId> many;
    for (SeatId id = 20; id < 60; ++id)
        many.push_back(id);
    std::vector<SeatId> repeated = many;
    repeated.push_back(41);
    QCOMPARE(h.block(repeated).status, Status::InvalidArgument);
    repeated.insert(repeated.begin(), 999);
    QCOMPARE(h.block(repeated).status, Status::InvalidArgument);
    std::vector<SeatId> unknown = many;
    unknown.push_back(999);
    QCOMPARE(h.block(unknown).status, Status::SeatNotFound);
    QCOMPARE(h.ledger->counts().blocked, 0u);
    QVERIFY(h.block(many).ok()); // the marks of the refused lists do not linger
    QCOMPARE(h.ledger->counts().blocked, std::uint32_t(many.size()));
}

void TestLedgerInventory::blockNeedsAvailableSeats()
{
    Harness h;
    QVERIFY(h.holdSeats({ 9 }).ok());
    QVERIFY(h.sell({ 10 }) != 0);
    QVERIFY(h.block({ 11 }).ok());
    for (SeatId seat : { 9u, 10u, 11u }) {
        const CommandResult r = h.block({ 1, seat, 2 });
        QCOMPARE(r.status, Status::SeatUnavailable);
        QCOMPARE(list(r.seats), (QList<SeatId> { seat }));
    }
    // All or nothing.
    QCOMPARE(h.status(1), SeatStatus::Available);
    QCOMPARE(h.status(2), SeatStatus::Available);
    QCOMPARE(h.status(9), SeatStatus::Held);
    QCOMPARE(h.status(10), SeatStatus::Sold);
    QCOMPARE(h.ledger->counts().blocked, 1u);
    // An allocated seat that is available can be blocked, and keeps its allocation.
    QVERIFY(h.allocateSeats({ 12 }, kBox).ok());
    QVERIFY(h.block({ 12 }).ok());
    QCOMPARE(h.seat(12).allocation, kBox);
    QCOMPARE(h.seat(12).status, SeatStatus::Blocked);
}

void TestLedgerInventory::blockedSeatIsNotSellable()
{
    Harness h;
    QVERIFY(h.block({ 1 }).ok());
    const CommandResult r = h.holdSeats({ 2, 1 }, kAdmin, kBox);
    QCOMPARE(r.status, Status::SeatUnavailable);
    QCOMPARE(list(r.seats), (QList<SeatId> { 1 }));
    QCOMPARE(list(h.holdBest(1, kCatA).seats), (QList<SeatId> { 2 }));
    QVERIFY(h.unblock({ 1 }).ok());
    QVERIFY(h.holdSeats({ 1 }).ok());
}

void TestLedgerInventory::unblockSeats()
{
    Harness h;
    QVERIFY(h.block({ 1, 2, 3 }).ok());
    const CommandResult r = h.unblock({ 3, 1 });
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(list(r.seats), (QList<SeatId> { 3, 1 }));
    QCOMPARE(h.status(1), SeatStatus::Available);
    QCOMPARE(h.status(3), SeatStatus::Available);
    QCOMPARE(h.status(2), SeatStatus::Blocked);
    QCOMPARE(h.seat(1).blockReason, std::string_view());
    QCOMPARE(h.ledger->counts().blocked, 1u);
    QCOMPARE(h.ledger->counts().available, kSeatCount - 1);
}

void TestLedgerInventory::unblockChecks()
{
    Harness h;
    QVERIFY(h.block({ 1, 2 }).ok());
    QVERIFY(h.holdSeats({ 9 }).ok());
    QCOMPARE(h.unblock({}, kBuyer).status, Status::Forbidden);
    QCOMPARE(h.unblock({ 1 }, kBuyer).status, Status::Forbidden);
    QCOMPARE(h.unblock({}).status, Status::InvalidArgument);
    QCOMPARE(h.unblock({ 1, 1 }).status, Status::InvalidArgument);
    QCOMPARE(h.unblock({ 999 }).status, Status::SeatNotFound);
    QCOMPARE(h.unblock({ 3, 999 }).status, Status::SeatNotFound);
    QCOMPARE(h.unblock({ 1, 3 }).status, Status::SeatNotBlocked);
    QCOMPARE(h.unblock({ 9 }).status, Status::SeatNotBlocked);
    QCOMPARE(h.unblock({ 2, 1, 9 }).status, Status::SeatNotBlocked);
    QCOMPARE(h.status(1), SeatStatus::Blocked);
    QCOMPARE(h.status(2), SeatStatus::Blocked);
    QCOMPARE(h.ledger->counts().blocked, 2u);
}

// ---- allocate / deallocate seats -----------------------------------------------------------------

void TestLedgerInventory::allocateSeats()
{
    Harness h;
    const CommandResult r = h.allocateSeats({ 2, 1 }, kBox);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(list(r.seats), (QList<SeatId> { 2, 1 }));
    QCOMPARE(h.seat(1).allocation, kBox);
    QCOMPARE(h.seat(2).allocation, kBox);
    QCOMPARE(h.seat(3).allocation, kOpenPool);
    QCOMPARE(h.seat(1).status, SeatStatus::Available);
    const LedgerCounts counts = h.ledger->counts();
    QCOMPARE(counts.allocated, 2u);
    QCOMPARE(counts.available, kSeatCount);
    // The allocation outlives a sale through its channel.
    QVERIFY(h.sell({ 1 }, {}, kClerk, kBox) != 0);
    QCOMPARE(h.seat(1).allocation, kBox);
    QCOMPARE(h.ledger->counts().allocated, 2u);
}

// usherd's online path for a box office's channel holds only seats of the open pool: the box office
// sells its own allocation through its sync outbox (docs/sync-protocol.md, "Selling").
void TestLedgerInventory::openPoolOnlyHoldsSkipTheAllocation()
{
    Harness h;
    // Row 1 of category A (seats 1-10, the best ranked) belongs to box office kBox.
    QCOMPARE(h.allocateSeats({ 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, kBox).status, Status::Ok);
    Command c = h.holdSeatsCommand({ 11, 2 }, kClerk, kBox);
    c.openPoolOnly = true;
    CommandResult r = h.run(c);
    QCOMPARE(r.status, Status::SeatUnavailable);
    QCOMPARE(h.seat(11).status, SeatStatus::Available);
    c = h.holdSeatsCommand({ 11 }, kClerk, kBox);
    c.openPoolOnly = true;
    QCOMPARE(h.run(c).status, Status::Ok);
    // The same channel without the flag may hold its own allocation.
    QCOMPARE(h.holdSeats({ 2 }, kClerk, kBox).status, Status::Ok);

    // Best available skips the allocated row, even though its seats rank best...
    c = h.holdBestCommand(4, kCatA, true, false, kClerk, kBox);
    c.openPoolOnly = true;
    r = h.run(c);
    QCOMPARE(r.status, Status::Ok);
    for (SeatId seat : r.seats)
        QCOMPARE(h.seat(seat).allocation, kOpenPool);
    // ...split or together, while without the flag the channel gets its own best seats.
    c = h.holdBestCommand(3, kCatA, false, false, kClerk, kBox);
    c.openPoolOnly = true;
    r = h.run(c);
    QCOMPARE(r.status, Status::Ok);
    for (SeatId seat : r.seats)
        QCOMPARE(h.seat(seat).allocation, kOpenPool);
    r = h.holdBest(3, kCatA, true, false, kClerk, kBox);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(h.seat(r.seats[0]).allocation, kBox);

    // The flag is part of the command: the same key with and without it is a different command.
    Command once = h.holdSeatsCommand({ 30 }, kClerk, kBox);
    Command twice = once;
    twice.openPoolOnly = true;
    QVERIFY(commandFingerprint(once) != commandFingerprint(twice));

    // GA: the channel's own places are skipped, the open pool serves the hold.
    QCOMPARE(h.allocateArea(10, kBox).status, Status::Ok);
    c = h.holdAreaCommand(4, kArea, kClerk, kBox);
    c.openPoolOnly = true;
    r = h.run(c);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(h.ledger->hold(r.hold)->pool, kOpenPool);
    QCOMPARE(h.pool(kOpenPool).held, 4u);
    QCOMPARE(h.pool(kBox).held, 0u);
    // When the open pool runs out it is refused, though the allocation could serve it.
    while (h.pool(kOpenPool).free() >= 10)
        QCOMPARE(h.holdArea(10).status, Status::Ok);
    c = h.holdAreaCommand(h.pool(kOpenPool).free() + 1, kArea, kClerk, kBox);
    c.openPoolOnly = true;
    QCOMPARE(h.run(c).status, Status::CapacityUnavailable);
    QCOMPARE(h.pool(kBox).held, 0u);
    // Without the flag the channel takes its own places first.
    r = h.holdArea(3, kArea, kClerk, kBox);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(h.ledger->hold(r.hold)->pool, kBox);
    Command gaOnce = h.holdAreaCommand(2, kArea, kClerk, kBox);
    Command gaTwice = gaOnce;
    gaTwice.openPoolOnly = true;
    QVERIFY(commandFingerprint(gaOnce) != commandFingerprint(gaTwice));
}

void TestLedgerInventory::allocateByManagersOnly()
{
    Harness h;
    QCOMPARE(h.allocateSeats({ 1 }, kBox, kBuyer).status, Status::Forbidden);
    QCOMPARE(h.allocateSeats({ 1 }, kBox, kClerk).status, Status::Forbidden);
    QCOMPARE(h.allocateSeats({ 1 }, kBox, kDevice).status, Status::Forbidden);
    QCOMPARE(h.seat(1).allocation, kOpenPool);
    QCOMPARE(h.allocateSeats({ 1 }, kBox, kPromoter).status, Status::Ok);
    QCOMPARE(h.allocateSeats({ 2 }, kBox, kAdmin).status, Status::Ok);
    QCOMPARE(h.allocateSeats({ 3 }, kBox, kSystem).status, Status::Ok);
    QCOMPARE(h.deallocateSeats({ 1 }, kBox, kClerk).status, Status::Forbidden);
    QCOMPARE(h.deallocateSeats({ 1 }, kBox, kDevice).status, Status::Forbidden);
    QCOMPARE(h.deallocateSeats({ 1 }, kBox, kSystem).status, Status::Ok);
}

void TestLedgerInventory::allocateChecks()
{
    Harness h;
    QCOMPARE(h.allocateSeats({ 1 }, 0, kClerk).status, Status::Forbidden);
    QCOMPARE(h.allocateSeats({}, kNoSuchChannel, kClerk).status, Status::Forbidden);
    QCOMPARE(h.allocateSeats({ 1 }, 0).status, Status::InvalidArgument);
    QCOMPARE(h.allocateSeats({ 999 }, 0).status, Status::InvalidArgument);
    QCOMPARE(h.allocateSeats({ 1 }, kNoSuchChannel).status, Status::ChannelNotFound);
    QCOMPARE(h.allocateSeats({}, kNoSuchChannel).status, Status::ChannelNotFound);
    QCOMPARE(h.allocateSeats({ 999 }, kNoSuchChannel).status, Status::ChannelNotFound);
    QCOMPARE(h.allocateSeats({}, kBox).status, Status::InvalidArgument);
    QCOMPARE(h.allocateSeats({ 1, 1 }, kBox).status, Status::InvalidArgument);
    QCOMPARE(h.allocateSeats({ 1, 999 }, kBox).status, Status::SeatNotFound);
    QVERIFY(h.holdSeats({ 9 }).ok());
    QCOMPARE(h.allocateSeats({ 9, 999 }, kBox).status, Status::SeatNotFound);
    QCOMPARE(h.ledger->counts().allocated, 0u);
}

void TestLedgerInventory::allocateNeedsAvailableUnallocatedSeats()
{
    Harness h;
    QVERIFY(h.holdSeats({ 9 }).ok());
    QVERIFY(h.sell({ 10 }) != 0);
    QVERIFY(h.block({ 11 }).ok());
    QVERIFY(h.allocateSeats({ 12 }, kBox).ok());
    QVERIFY(h.allocateSeats({ 13 }, kBox2).ok());
    for (SeatId seat : { 9u, 10u, 11u, 12u, 13u }) {
        const CommandResult r = h.allocateSeats({ 1, seat }, kBox);
        QCOMPARE(r.status, Status::SeatUnavailable);
        QCOMPARE(list(r.seats), (QList<SeatId> { seat }));
    }
    QCOMPARE(h.seat(1).allocation, kOpenPool);
    QCOMPARE(h.seat(13).allocation, kBox2);
    QCOMPARE(h.ledger->counts().allocated, 2u);
}

void TestLedgerInventory::deallocateSeats()
{
    Harness h;
    QVERIFY(h.allocateSeats({ 1, 2, 3 }, kBox).ok());
    const CommandResult r = h.deallocateSeats({ 2, 1 }, kBox);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(list(r.seats), (QList<SeatId> { 2, 1 }));
    QCOMPARE(h.seat(1).allocation, kOpenPool);
    QCOMPARE(h.seat(2).allocation, kOpenPool);
    QCOMPARE(h.seat(3).allocation, kBox);
    QCOMPARE(h.ledger->counts().allocated, 1u);
    QVERIFY(h.holdSeats({ 1, 2 }).ok()); // online may sell them again
}

void TestLedgerInventory::deallocateChecks()
{
    Harness h;
    QVERIFY(h.allocateSeats({ 1, 2 }, kBox).ok());
    QVERIFY(h.allocateSeats({ 3 }, kBox2).ok());
    QVERIFY(h.holdSeats({ 2 }, kClerk, kBox).ok());
    QCOMPARE(h.deallocateSeats({ 1 }, 0, kClerk).status, Status::Forbidden);
    QCOMPARE(h.deallocateSeats({ 1 }, 0).status, Status::InvalidArgument);
    QCOMPARE(h.deallocateSeats({ 1 }, kNoSuchChannel).status, Status::ChannelNotFound);
    QCOMPARE(h.deallocateSeats({}, kNoSuchChannel).status, Status::ChannelNotFound);
    QCOMPARE(h.deallocateSeats({}, kBox).status, Status::InvalidArgument);
    QCOMPARE(h.deallocateSeats({ 1, 1 }, kBox).status, Status::InvalidArgument);
    QCOMPARE(h.deallocateSeats({ 3, 999 }, kBox).status, Status::SeatNotFound);
    QCOMPARE(h.deallocateSeats({ 4 }, kBox).status, Status::SeatNotAllocated);
    QCOMPARE(h.deallocateSeats({ 1, 3 }, kBox).status, Status::SeatNotAllocated);
    // Not allocated comes before held.
    QCOMPARE(h.deallocateSeats({ 2, 3 }, kBox).status, Status::SeatNotAllocated);
    const CommandResult held = h.deallocateSeats({ 1, 2 }, kBox);
    QCOMPARE(held.status, Status::SeatUnavailable);
    QCOMPARE(list(held.seats), (QList<SeatId> { 2 }));
    QCOMPARE(h.seat(1).allocation, kBox);
    QCOMPARE(h.seat(2).allocation, kBox);
    QCOMPARE(h.seat(3).allocation, kBox2);
    QCOMPARE(h.ledger->counts().allocated, 3u);
}

void TestLedgerInventory::deallocateSoldAndBlockedSeats()
{
    Harness h;
    QVERIFY(h.allocateSeats({ 1, 2 }, kBox).ok());
    const OrderId order = h.sell({ 1 }, {}, kClerk, kBox);
    QVERIFY(order != 0);
    QVERIFY(h.block({ 2 }).ok());
    QCOMPARE(h.deallocateSeats({ 1, 2 }, kBox).status, Status::Ok);
    QCOMPARE(h.seat(1).allocation, kOpenPool);
    QCOMPARE(h.seat(1).status, SeatStatus::Sold);
    QCOMPARE(h.seat(2).status, SeatStatus::Blocked);
    QCOMPARE(h.ledger->counts().allocated, 0u);
    // Refunded, the seat is back in the open pool.
    QVERIFY(h.refund(order).ok());
    QVERIFY(h.holdSeats({ 1 }, kBuyer, kOnline).ok());
}

// ---- allocate / deallocate area ------------------------------------------------------------------

void TestLedgerInventory::allocateArea()
{
    Harness h;
    const CommandResult r = h.allocateArea(20, kBox);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.area, kArea);
    QCOMPARE(r.quantity, 20u);
    QCOMPARE(h.pool(kOpenPool).capacity, 30u);
    QCOMPARE(h.pool(kBox).capacity, 20u);
    QCOMPARE(h.pool(kBox).free(), 20u);
    QVERIFY(h.allocateArea(5, kBox).ok());
    QCOMPARE(h.pool(kBox).capacity, 25u);
    QVERIFY(h.allocateArea(5, kBox2).ok());
    QCOMPARE(h.pool(kBox2).capacity, 5u);
    QCOMPARE(h.pool(kOpenPool).capacity, 20u);
}

void TestLedgerInventory::allocateAreaChecks()
{
    Harness h;
    QCOMPARE(h.allocateArea(5, kBox, kArea, kClerk).status, Status::Forbidden);
    QCOMPARE(h.allocateArea(0, 0, 9, kDevice).status, Status::Forbidden);
    QCOMPARE(h.allocateArea(5, 0).status, Status::InvalidArgument);
    QCOMPARE(h.allocateArea(0, kBox).status, Status::InvalidArgument);
    QCOMPARE(h.allocateArea(0, kNoSuchChannel).status, Status::InvalidArgument);
    QCOMPARE(h.allocateArea(5, kNoSuchChannel).status, Status::ChannelNotFound);
    QCOMPARE(h.allocateArea(5, kNoSuchChannel, 9).status, Status::ChannelNotFound);
    QCOMPARE(h.allocateArea(5, kBox, 9).status, Status::AreaNotFound);
    QCOMPARE(h.allocateArea(1000, kBox, 9).status, Status::AreaNotFound);
    QCOMPARE(h.allocateArea(kAreaCapacity + 1, kBox).status, Status::CapacityUnavailable);
    QCOMPARE(h.pool(kOpenPool).capacity, kAreaCapacity);
    QCOMPARE(h.pool(kBox).capacity, 0u);
    QCOMPARE(h.allocateArea(kAreaCapacity, kBox).status, Status::Ok);
    QCOMPARE(h.pool(kOpenPool).capacity, 0u);
}

void TestLedgerInventory::allocateAreaNeedsFreeOpenCapacity()
{
    Harness h;
    QVERIFY(h.holdArea(10).ok());
    QVERIFY(h.confirm(h.holdArea(10).hold).ok());
    QCOMPARE(h.pool(kOpenPool).free(), 30u);
    QCOMPARE(h.allocateArea(31, kBox).status, Status::CapacityUnavailable);
    QCOMPARE(h.allocateArea(30, kBox).status, Status::Ok);
    QCOMPARE(h.pool(kOpenPool).capacity, 20u);
    QCOMPARE(h.pool(kOpenPool).free(), 0u);
    QCOMPARE(h.allocateArea(1, kBox2).status, Status::CapacityUnavailable);
}

void TestLedgerInventory::deallocateArea()
{
    Harness h;
    QVERIFY(h.allocateArea(20, kBox).ok());
    const CommandResult r = h.deallocateArea(5, kBox);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.area, kArea);
    QCOMPARE(r.quantity, 5u);
    QCOMPARE(h.pool(kBox).capacity, 15u);
    QCOMPARE(h.pool(kOpenPool).capacity, 35u);
    QVERIFY(h.deallocateArea(15, kBox).ok());
    QCOMPARE(h.pool(kOpenPool).capacity, kAreaCapacity);
    QCOMPARE(h.pool(kBox).capacity, 0u);
    // Nothing left to give back.
    QCOMPARE(h.deallocateArea(1, kBox).status, Status::SeatNotAllocated);
}

void TestLedgerInventory::deallocateAreaChecks()
{
    Harness h;
    QVERIFY(h.allocateArea(20, kBox).ok());
    QCOMPARE(h.deallocateArea(5, kBox, kArea, kClerk).status, Status::Forbidden);
    QCOMPARE(h.deallocateArea(0, 0, 9, kBuyer).status, Status::Forbidden);
    QCOMPARE(h.deallocateArea(5, 0).status, Status::InvalidArgument);
    QCOMPARE(h.deallocateArea(0, kBox).status, Status::InvalidArgument);
    QCOMPARE(h.deallocateArea(0, kNoSuchChannel).status, Status::InvalidArgument);
    QCOMPARE(h.deallocateArea(5, kNoSuchChannel).status, Status::ChannelNotFound);
    QCOMPARE(h.deallocateArea(5, kNoSuchChannel, 9).status, Status::ChannelNotFound);
    QCOMPARE(h.deallocateArea(5, kBox, 9).status, Status::AreaNotFound);
    QCOMPARE(h.deallocateArea(5, kBox2).status, Status::SeatNotAllocated);
    QCOMPARE(h.deallocateArea(1000, kBox2).status, Status::SeatNotAllocated);
    QCOMPARE(h.deallocateArea(21, kBox).status, Status::CapacityUnavailable);
    // Held and sold units of the allocation are not free.
    QVERIFY(h.holdArea(10, kArea, kClerk, kBox).ok());
    QVERIFY(h.confirm(h.holdArea(5, kArea, kClerk, kBox).hold, {}, -1, kClerk, kBox).ok());
    QCOMPARE(h.pool(kBox).free(), 5u);
    QCOMPARE(h.deallocateArea(6, kBox).status, Status::CapacityUnavailable);
    QCOMPARE(h.pool(kBox).capacity, 20u);
    QCOMPARE(h.deallocateArea(5, kBox).status, Status::Ok);
    QCOMPARE(h.pool(kBox).capacity, 15u);
    QCOMPARE(h.pool(kOpenPool).capacity, 35u);
}

QTEST_APPLESS_MAIN(TestLedgerInventory)
#include "TestLedgerInventory.moc"
