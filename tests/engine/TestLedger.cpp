// Ledger unit tests, part 1: the checks common to every command, idempotency, the journal batches
// and rebuilding (snapshot, restore, replay). Holds, orders and inventory are in
// TestLedgerHolds.cpp, TestLedgerOrders.cpp and TestLedgerInventory.cpp. The spec is
// docs/engine-commands.md.

#include <QTest>

// moc (Qt 6.4) cannot parse the C++20 standard headers; it needs nothing from the engine.
#ifndef Q_MOC_RUN
#include "engine/LedgerTestKit.h"
#include "journal/Crc32c.h"
#include "support/Crc32cReference.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <random>
#endif

using namespace usher;
using namespace usher::ledgertest;

namespace {

const CommandKind kKeyedKinds[] = {
    CommandKind::HoldSeats,     CommandKind::HoldBestAvailable, CommandKind::HoldArea,     CommandKind::Release,
    CommandKind::Extend,        CommandKind::InitiatePayment,   CommandKind::FailPayment,  CommandKind::Confirm,
    CommandKind::Refund,        CommandKind::Exchange,          CommandKind::Block,        CommandKind::Unblock,
    CommandKind::AllocateSeats, CommandKind::DeallocateSeats,   CommandKind::AllocateArea, CommandKind::DeallocateArea,
};

const CommandKind kSellingKinds[] = {
    CommandKind::HoldSeats, CommandKind::HoldBestAvailable, CommandKind::HoldArea,    CommandKind::Release,
    CommandKind::Extend,    CommandKind::InitiatePayment,   CommandKind::FailPayment, CommandKind::Confirm,
    CommandKind::Exchange,
};

// A command that would otherwise pass its own checks far enough to show a ChannelNotFound: every
// field set so that the kind's first specific check does not fire.
Command sellingCommand(Harness& h, CommandKind kind, ChannelId channel)
{
    Command c = h.command(kind, kBuyer, channel);
    c.seats = { 1 };
    c.best = BestAvailableRequest { 1, kCatA, true, false };
    c.area = kArea;
    c.quantity = 1;
    c.seconds = 60;
    c.amount = 0;
    c.text = "ref";
    c.tickets = { 1 };
    c.order = 1;
    return c;
}

std::vector<std::uint8_t> withValidCrc(std::vector<std::uint8_t> bytes)
{
    const std::uint32_t crc = crc32c(bytes.data(), bytes.size() - 4);
    std::memcpy(bytes.data() + bytes.size() - 4, &crc, 4);
    return bytes;
}

// A deterministic mix of every command kind (with retries, expiries and failures), used to build up
// non-trivial state for the snapshot and replay tests.
class Scenario {
public:
    Scenario(Harness& harness, std::uint32_t seed)
        : m_h(harness)
        , m_rng(seed)
    {
    }

    void run(std::uint32_t steps, std::vector<JournalBatch>* batches)
    {
        for (std::uint32_t i = 0; i < steps; ++i) {
            step();
            if (m_rng() % 8 == 0)
                take(batches);
        }
    }
    void take(std::vector<JournalBatch>* batches)
    {
        JournalBatch batch = m_h.ledger->takeBatch();
        if (!batch.empty())
            batches->push_back(std::move(batch));
    }

    std::vector<HoldId> holds;
    std::uint32_t ok = 0;
    std::vector<Command> commands; // keyed commands executed, for retries

private:
    struct HoldRef {
        HoldId id;
        Actor actor;
        ChannelId channel;
    };

    std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(m_rng() % n); }
    Actor buyer() { return Actor { ActorKind::Buyer, 1 + below(3) }; }
    ChannelId channel() { return static_cast<ChannelId>(1 + below(3)); }

    CommandResult exec(const Command& c)
    {
        const CommandResult r = m_h.run(c);
        if (!c.key.isNull())
            commands.push_back(c);
        if (r.ok())
            ++ok;
        return r;
    }

    void noteHold(const CommandResult& r, const Command& c)
    {
        if (r.ok() && r.hold != 0 && !r.replayed) {
            holds.push_back(r.hold);
            m_live.push_back({ r.hold, c.actor, c.channel });
        }
    }

    HoldRef someHold()
    {
        if (m_live.empty())
            return { 0, buyer(), channel() };
        return m_live[below(static_cast<std::uint32_t>(m_live.size()))];
    }

    void step()
    {
        m_h.now += kSecond * below(25);
        const std::uint32_t pick = below(100);
        if (pick < 22) {
            Command c = m_h.command(CommandKind::HoldSeats, buyer(), channel());
            for (std::uint32_t n = 1 + below(4); n > 0; --n)
                c.seats.push_back(1 + below(kSeatCount));
            noteHold(exec(c), c);
        } else if (pick < 32) {
            Command c = m_h.holdBestCommand(1 + below(4), static_cast<std::uint16_t>(below(2)), below(3) != 0, false,
                                            buyer(), channel());
            noteHold(exec(c), c);
        } else if (pick < 40) {
            Command c = m_h.holdAreaCommand(1 + below(6), kArea, buyer(), channel());
            noteHold(exec(c), c);
        } else if (pick < 46) {
            const HoldRef hold = someHold();
            Command c = m_h.command(CommandKind::Release, hold.actor, hold.channel);
            c.hold = hold.id;
            exec(c);
        } else if (pick < 50) {
            const HoldRef hold = someHold();
            Command c = m_h.command(CommandKind::Extend, hold.actor, hold.channel);
            c.hold = hold.id;
            c.seconds = 60 + below(400);
            exec(c);
        } else if (pick < 55) {
            const HoldRef hold = someHold();
            Command c = m_h.command(CommandKind::InitiatePayment, hold.actor, hold.channel);
            c.hold = hold.id;
            c.amount = below(10'000);
            c.text = "psp-" + std::to_string(below(1000));
            exec(c);
        } else if (pick < 58) {
            const HoldRef hold = someHold();
            Command c = m_h.command(CommandKind::FailPayment, hold.actor, hold.channel);
            c.hold = hold.id;
            c.text = "declined";
            exec(c);
        } else if (pick < 70) {
            const HoldRef hold = someHold();
            Command c = m_h.confirmCommand(hold.id, {}, -1, hold.actor, hold.channel);
            if (const std::optional<HoldView> view = m_h.ledger->hold(hold.id); view && below(2) == 0) {
                const std::size_t units = view->area != 0 ? view->quantity : view->seats.size();
                for (std::size_t i = 0; i < units; ++i)
                    c.priceTypes.push_back(static_cast<std::uint8_t>(below(2)));
            }
            c.buyer.name = "Buyer " + std::to_string(below(100));
            exec(c);
        } else if (pick < 77) {
            const LedgerCounts counts = m_h.ledger->counts();
            if (counts.orders == 0)
                return;
            const OrderId order = 1 + m_rng() % counts.orders;
            const Order* o = m_h.ledger->order(order);
            Command c = m_h.refundCommand(order, {}, below(2) == 0 ? -1 : below(4000));
            if (below(2) == 0)
                c.tickets.push_back(o->firstTicket + below(o->ticketCount));
            const CommandResult r = exec(c);
            if (r.status == Status::AmountExceedsPaid)
                exec(m_h.refundCommand(order, c.tickets, -1));
        } else if (pick < 82) {
            const LedgerCounts counts = m_h.ledger->counts();
            if (counts.tickets == 0)
                return;
            const TicketId ticket = 1 + m_rng() % counts.tickets;
            exec(m_h.exchangeCommand(m_h.ledger->ticket(ticket)->order, ticket, 1 + below(kSeatCount), kClerk,
                                     channel()));
        } else if (pick < 86) {
            Command c = m_h.command(below(2) == 0 ? CommandKind::Block : CommandKind::Unblock, kClerk, kBox);
            c.seats = { 1 + below(kSeatCount) };
            c.text = below(2) == 0 ? "house" : "camera";
            exec(c);
        } else if (pick < 91) {
            m_h.allocateSeats({ 1 + below(kSeatCount) }, static_cast<ChannelId>(2 + below(2)), kPromoter,
                              below(2) == 0 ? CommandKind::AllocateSeats : CommandKind::DeallocateSeats);
        } else if (pick < 94) {
            m_h.allocateArea(1 + below(8), static_cast<ChannelId>(2 + below(2)), kArea, kAdmin,
                             below(2) == 0 ? CommandKind::AllocateArea : CommandKind::DeallocateArea);
        } else if (pick < 97) {
            m_h.now += kSecond * below(400);
            exec(m_h.command(CommandKind::Expire, kSystem, 0));
            Command keyless = m_h.command(CommandKind::Expire, kSystem, 0);
            keyless.key = IdempotencyKey {};
            exec(keyless);
        } else if (!commands.empty()) {
            Command retry = commands[below(static_cast<std::uint32_t>(commands.size()))];
            retry.now = m_h.now;
            const CommandResult r = m_h.run(retry);
            // Evicted keys execute again; everything else must come back from the index.
            if (!r.replayed)
                ++ok;
        }
    }

    Harness& m_h;
    std::mt19937 m_rng;
    std::vector<HoldRef> m_live;
};

// Commands run on two ledgers that must stay identical: the same answers, the same state.
std::string sameFuture(Harness& a, Ledger& b, const std::vector<HoldId>& holds)
{
    std::vector<Command> next;
    next.push_back(a.holdBestCommand(2, kCatA));
    next.push_back(a.holdBestCommand(3, kCatB, false));
    next.push_back(a.holdAreaCommand(2));
    next.push_back(a.command(CommandKind::Expire, kSystem, 0));
    next.back().now += 3600 * kSecond;
    next.push_back(a.holdSeatsCommand({ 1, 2, 3 }, kOtherBuyer, kBox));
    next.back().now += 3600 * kSecond;
    for (const Command& c : next) {
        const CommandResult x = a.run(c);
        const CommandResult y = b.execute(c);
        if (!x.sameAnswer(y) || x.replayed != y.replayed)
            return "command kind " + std::to_string(int(c.kind)) + ": answers differ (" + statusName(x.status) + " vs "
                + statusName(y.status) + ")";
    }
    return ledgerDifference(*a.ledger, b, holds);
}

} // namespace

class TestLedger : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Common checks.
    void keylessCommandIsInvalidArgumentAndNotJournaled_data();
    void keylessCommandIsInvalidArgumentAndNotJournaled();
    void keylessExpireReleasingNothingLeavesNoRecord();
    void keylessExpireThatReleasesIsJournaled();
    void keyedExpireIsJournaledEvenWhenIdle();
    void missingActorIsInvalidArgument_data();
    void missingActorIsInvalidArgument();
    void missingActorBeforeOtherChecks();
    void expireWithoutActorIsInvalidArgument();
    void overlongTextIsInvalidArgument();
    void tooManySeatsIsInvalidArgument();
    void tooManyTicketsOrPriceTypesIsInvalidArgument();
    void commonInvalidArgumentIsJournaled();
    void unknownChannelForSellingCommands_data();
    void unknownChannelForSellingCommands();
    void channelIsNotCheckedForOtherCommands();

    // Idempotency.
    void retryReplaysWithoutStateChange();
    void retryOfConfirmReturnsTheSameTickets();
    void confirmTextsOfEveryLengthRoundTrip();
    void retryIgnoresNow();
    void sameKeyOtherArgumentsIsKeyReused();
    void refusalIsRememberedEvenWhenStateChanges();
    void keyEvictedByCountExecutesAgain();
    void keyEvictedByAgeExecutesAgain();
    void keyOlderThanRetentionIsForgottenWithoutOtherTraffic();
    void keyRingWrapsLiveAndInReplay();

    // Journal batches.
    void batchCountsRecordsAndSeqRange();
    void batchRecordsCarryTheCommand();
    void refusedCommandIsRecordedWithoutEvents();
    void emptyBatch();
    void seatDeltasCoalesceToTheLastState();
    void areaDeltasCarryTheCounts();
    void retryLeavesNoDelta();

    // Snapshot, restore, replay.
    void snapshotRestoreEqualsOriginal();
    void replayOfAllBatchesEqualsOriginal();
    void journalArenaBatchesKeepTheirBytes();
    void warmFillsTheArenaInSteps();
    void tablePagesChangeNoByteOfTheJournal();
    void restorePlusLaterBatchesEqualsOriginal();
    void restoreFromSnapshotTakenMidBatch();
    void oldKeyStillReplaysAfterRestore();
    void fingerprintVersion1JournalStillRetries();
    void unknownFingerprintVersionIsCorrupt();
    void batchChecksumOfLongBatchesMatchesBitwise();
    void corruptSnapshotIsRefused();
    void truncatedSnapshotIsRefused();
    void snapshotOfAnotherEventIsRefused();
    void structurallyCorruptSnapshotNeverYieldsABrokenLedger();
    void snapshotWithOverflowingAmountsIsRefused();
    void replayLeavesNoDeltas();
    void replayReportsWhatItChanged();
    void replayRejectsAGap();
    void replayRejectsAnotherEvent();
    void replayRejectsCorruptBytes();
};

// ---- common checks -------------------------------------------------------------------------------

void TestLedger::keylessCommandIsInvalidArgumentAndNotJournaled_data()
{
    QTest::addColumn<int>("kind");
    for (CommandKind kind : kKeyedKinds)
        QTest::newRow(commandKindName(kind)) << int(kind);
}

void TestLedger::keylessCommandIsInvalidArgumentAndNotJournaled()
{
    QFETCH(int, kind);
    Harness h;
    QVERIFY(h.holdSeats({ 1 }).ok()); // one record already in the open batch
    Command c = sellingCommand(h, static_cast<CommandKind>(kind), kOnline);
    c.actor = kAdmin;
    c.key = IdempotencyKey {};
    const CommandResult r = h.run(c);
    QCOMPARE(r.status, Status::InvalidArgument);
    QCOMPARE(r.seq, Seq { 0 });
    QCOMPARE(h.ledger->lastSeq(), Seq { 1 });
    QCOMPARE(h.ledger->openBatchRecords(), std::size_t { 1 });
    QCOMPARE(h.ledger->counts().held, 1u);
}

void TestLedger::keylessExpireReleasingNothingLeavesNoRecord()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1 });
    QVERIFY(held.ok());
    h.now = held.expiresAt - 1;
    const CommandResult r = h.expire();
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.seq, Seq { 0 });
    QCOMPARE(r.count, 0u);
    QCOMPARE(h.ledger->lastSeq(), Seq { 1 });
    QCOMPARE(h.ledger->openBatchRecords(), std::size_t { 1 });
    QCOMPARE(h.status(1), SeatStatus::Held);
    const JournalBatch batch = h.ledger->takeBatch();
    QCOMPARE(batch.records, 1u);
    QCOMPARE(batch.lastSeq, Seq { 1 });
}

void TestLedger::keylessExpireThatReleasesIsJournaled()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1, 2 });
    QVERIFY(held.ok());
    h.now = held.expiresAt;
    const CommandResult r = h.expire();
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.seq, Seq { 2 });
    QCOMPARE(r.count, 1u);
    QCOMPARE(h.ledger->openBatchRecords(), std::size_t { 2 });
    QCOMPARE(h.status(1), SeatStatus::Available);
    QCOMPARE(h.status(2), SeatStatus::Available);
}

void TestLedger::keyedExpireIsJournaledEvenWhenIdle()
{
    Harness h;
    const CommandResult r = h.expire(true);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.seq, Seq { 1 });
    QCOMPARE(r.count, 0u);
    QCOMPARE(h.ledger->openBatchRecords(), std::size_t { 1 });
}

void TestLedger::missingActorIsInvalidArgument_data()
{
    QTest::addColumn<int>("kind");
    for (CommandKind kind : kKeyedKinds)
        QTest::newRow(commandKindName(kind)) << int(kind);
}

void TestLedger::missingActorIsInvalidArgument()
{
    QFETCH(int, kind);
    Harness h;
    const CommandResult held = h.holdSeats({ 1 });
    Command c = sellingCommand(h, static_cast<CommandKind>(kind), kOnline);
    c.hold = held.hold;
    c.actor = Actor {};
    const CommandResult r = h.run(c);
    QCOMPARE(r.status, Status::InvalidArgument);
    QCOMPARE(r.seq, Seq { 2 }); // past step 2: journaled
    QCOMPARE(h.ledger->counts().held, 1u);
    c.key = h.nextKey();
    c.actor = Actor { ActorKind::None, 77 };
    QCOMPARE(h.run(c).status, Status::InvalidArgument);
}

void TestLedger::missingActorBeforeOtherChecks()
{
    Harness h;
    Command hold = h.holdSeatsCommand({ 1 }, Actor {});
    QCOMPARE(h.run(hold).status, Status::InvalidArgument);
    // Step 3 (the actor) comes before step 4 (the channel).
    Command both = h.holdSeatsCommand({ 1 }, Actor { ActorKind::None, 5 }, kNoSuchChannel);
    QCOMPARE(h.run(both).status, Status::InvalidArgument);
    Command block = h.command(CommandKind::Block, Actor {}, kBox);
    block.seats = { 1 };
    block.text = "house";
    QCOMPARE(h.run(block).status, Status::InvalidArgument);
    QCOMPARE(h.status(1), SeatStatus::Available);
    // The same commands with an actor succeed.
    QCOMPARE(h.holdSeats({ 1 }).status, Status::Ok);
}

void TestLedger::expireWithoutActorIsInvalidArgument()
{
    // "Common to all commands", step 3: no actor is InvalidArgument. Expire is exempt from the key
    // requirement only (step 1); its own table lists no further checks.
    Harness h;
    const CommandResult held = h.holdSeats({ 1 });
    h.now = held.expiresAt;
    Command keyed = h.command(CommandKind::Expire, Actor {}, 0);
    const CommandResult r = h.run(keyed);
    QCOMPARE(r.status, Status::InvalidArgument);
    QCOMPARE(r.count, 0u);
    QCOMPARE(h.status(1), SeatStatus::Held);
    Command keyless = h.command(CommandKind::Expire, Actor {}, 0);
    keyless.key = IdempotencyKey {};
    QCOMPARE(h.run(keyless).status, Status::InvalidArgument);
    QCOMPARE(h.status(1), SeatStatus::Held);
    // With an actor, the same Expire releases the hold.
    QCOMPARE(h.expire().count, 1u);
}

void TestLedger::overlongTextIsInvalidArgument()
{
    Harness h;
    const std::string longest(1024, 'x');
    const std::string tooLong(1025, 'x');
    QCOMPARE(h.block({ 1 }, tooLong).status, Status::InvalidArgument);
    QCOMPARE(h.status(1), SeatStatus::Available);
    QCOMPARE(h.block({ 1 }, longest).status, Status::Ok);
    QCOMPARE(h.seat(1).blockReason, std::string_view(longest));

    const CommandResult held = h.holdSeats({ 2 });
    QVERIFY(held.ok());
    QCOMPARE(h.initiatePayment(held.hold, 0, tooLong).status, Status::InvalidArgument);
    // Text before channel.
    QCOMPARE(h.initiatePayment(held.hold, 0, tooLong, kBuyer, kNoSuchChannel).status, Status::InvalidArgument);
    Command fail = h.command(CommandKind::FailPayment);
    fail.hold = held.hold;
    fail.text = tooLong;
    QCOMPARE(h.run(fail).status, Status::InvalidArgument);
    // Common checks come before Forbidden.
    Command refund = h.refundCommand(99, {}, -1, kBuyer);
    refund.text = tooLong;
    QCOMPARE(h.run(refund).status, Status::InvalidArgument);
    for (int field = 0; field < 3; ++field) {
        Command c = h.confirmCommand(held.hold);
        (field == 0 ? c.buyer.name : field == 1 ? c.buyer.email : c.buyer.phone) = tooLong;
        QCOMPARE(h.run(c).status, Status::InvalidArgument);
    }
    QCOMPARE(h.status(2), SeatStatus::Held);
    Command fits = h.confirmCommand(held.hold);
    fits.buyer.name = longest;
    fits.buyer.email = longest;
    fits.buyer.phone = longest;
    fits.text = longest;
    QCOMPARE(h.run(fits).status, Status::Ok);
}

void TestLedger::tooManySeatsIsInvalidArgument()
{
    Harness h;
    std::vector<SeatId> seats(4097);
    for (SeatId i = 0; i < seats.size(); ++i)
        seats[i] = i + 1;
    QCOMPARE(h.block(seats).status, Status::InvalidArgument);
    QCOMPARE(h.ledger->counts().blocked, 0u);
    // 4,096 seats pass the common check; ids above 100 are unknown.
    seats.pop_back();
    QCOMPARE(h.block(seats).status, Status::SeatNotFound);
    QCOMPARE(h.allocateSeats(seats, kBox).status, Status::SeatNotFound);
}

void TestLedger::tooManyTicketsOrPriceTypesIsInvalidArgument()
{
    Harness h;
    std::vector<TicketId> tickets(65);
    for (TicketId i = 0; i < tickets.size(); ++i)
        tickets[i] = i + 1;
    QCOMPARE(h.refund(99, tickets).status, Status::InvalidArgument);
    tickets.pop_back();
    QCOMPARE(h.refund(99, tickets).status, Status::OrderNotFound);

    const std::vector<std::uint8_t> types(65, 0);
    QCOMPARE(h.confirm(12345, types).status, Status::InvalidArgument);
    QCOMPARE(h.confirm(12345, std::vector<std::uint8_t>(64, 0)).status, Status::HoldNotFound);
}

void TestLedger::commonInvalidArgumentIsJournaled()
{
    Harness h;
    Command c = h.holdSeatsCommand({ 1 }, Actor {});
    const CommandResult r = h.run(c);
    QCOMPARE(r.status, Status::InvalidArgument);
    QCOMPARE(r.seq, Seq { 1 });
    QCOMPARE(h.ledger->openBatchRecords(), std::size_t { 1 });
    // ...and so it is remembered.
    const CommandResult retry = h.run(c);
    QVERIFY(retry.replayed);
    QVERIFY(retry.sameAnswer(r));
}

void TestLedger::unknownChannelForSellingCommands_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("channel");
    for (CommandKind kind : kSellingKinds) {
        QTest::addRow("%s-0", commandKindName(kind)) << int(kind) << 0;
        QTest::addRow("%s-99", commandKindName(kind)) << int(kind) << int(kNoSuchChannel);
    }
}

void TestLedger::unknownChannelForSellingCommands()
{
    QFETCH(int, kind);
    QFETCH(int, channel);
    Harness h;
    const CommandResult held = h.holdSeats({ 1 });
    QVERIFY(held.ok());
    Command c = sellingCommand(h, static_cast<CommandKind>(kind), static_cast<ChannelId>(channel));
    c.hold = held.hold;
    c.actor = kAdmin; // may do anything on any channel: only the channel check can refuse
    QCOMPARE(h.run(c).status, Status::ChannelNotFound);
    // A second failing check later in the list does not change the answer.
    c.key = h.nextKey();
    c.seats = {};
    c.best.quantity = 0;
    c.quantity = 0;
    c.seconds = 0;
    c.hold = 0;
    c.order = 0;
    c.tickets = {};
    c.actor = kBuyer; // not staff: Exchange's Forbidden comes after the channel
    QCOMPARE(h.run(c).status, Status::ChannelNotFound);
    QCOMPARE(h.ledger->counts().held, 1u);
    QCOMPARE(h.ledger->openBatchRecords(), std::size_t { 3 });
}

void TestLedger::channelIsNotCheckedForOtherCommands()
{
    Harness h;
    const OrderId order = h.sell({ 5 });
    QCOMPARE(order, OrderId { 1 });
    Command block = h.command(CommandKind::Block, kClerk, kNoSuchChannel);
    block.seats = { 1 };
    block.text = "house";
    QCOMPARE(h.run(block).status, Status::Ok);
    Command unblock = h.command(CommandKind::Unblock, kClerk, 0);
    unblock.seats = { 1 };
    QCOMPARE(h.run(unblock).status, Status::Ok);
    Command refund = h.refundCommand(order);
    refund.channel = kNoSuchChannel;
    QCOMPARE(h.run(refund).status, Status::Ok);
    Command allocate = h.command(CommandKind::AllocateSeats, kPromoter, kNoSuchChannel);
    allocate.seats = { 2 };
    allocate.target = kBox;
    QCOMPARE(h.run(allocate).status, Status::Ok);
    Command area = h.command(CommandKind::AllocateArea, kPromoter, kNoSuchChannel);
    area.area = kArea;
    area.quantity = 5;
    area.target = kBox;
    QCOMPARE(h.run(area).status, Status::Ok);
    Command expire = h.command(CommandKind::Expire, kSystem, kNoSuchChannel);
    QCOMPARE(h.run(expire).status, Status::Ok);
}

// ---- idempotency ---------------------------------------------------------------------------------

void TestLedger::retryReplaysWithoutStateChange()
{
    Harness h;
    const Command hold = h.holdSeatsCommand({ 3, 1, 2 });
    const CommandResult first = h.run(hold);
    QVERIFY(first.ok());
    QVERIFY(!first.replayed);
    QCOMPARE(first.seq, Seq { 1 });
    const LedgerCounts before = h.ledger->counts();

    const CommandResult again = h.run(hold);
    QVERIFY(again.replayed);
    QVERIFY(again.sameAnswer(first));
    QCOMPARE(again.status, Status::Ok);
    QCOMPARE(again.seq, Seq { 1 });
    QCOMPARE(again.hold, first.hold);
    QCOMPARE(list(again.seats), (QList<SeatId> { 3, 1, 2 }));
    QCOMPARE(h.ledger->lastSeq(), Seq { 1 });
    QCOMPARE(h.ledger->openBatchRecords(), std::size_t { 1 });
    const LedgerCounts after = h.ledger->counts();
    QCOMPARE(after.held, before.held);
    QCOMPARE(after.available, before.available);
    QCOMPARE(after.activeHolds, 1u);
    for (SeatId s = 1; s <= 4; ++s)
        QCOMPARE(h.seat(s).hold, s <= 3 ? first.hold : HoldId { 0 });

    // A retry after later commands still answers the same, and moves nothing.
    QVERIFY(h.holdSeats({ 10 }).ok());
    const CommandResult late = h.run(hold);
    QVERIFY(late.replayed);
    QVERIFY(late.sameAnswer(first));
    QCOMPARE(h.ledger->lastSeq(), Seq { 2 });
    QCOMPARE(h.ledger->counts().activeHolds, 2u);
}

void TestLedger::retryOfConfirmReturnsTheSameTickets()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1, 2 });
    const Command confirm = h.confirmCommand(held.hold, { kAdult, kConcession });
    const CommandResult first = h.run(confirm);
    QVERIFY(first.ok());
    QCOMPARE(first.tickets.size(), std::size_t { 2 });
    const CommandResult again = h.run(confirm);
    QVERIFY(again.replayed);
    QVERIFY(again.sameAnswer(first));
    QVERIFY(again.tickets == first.tickets);
    QCOMPARE(h.ledger->counts().orders, std::uint64_t { 1 });
    QCOMPARE(h.ledger->counts().tickets, std::uint64_t { 2 });
    QCOMPARE(h.ledger->lastSeq(), Seq { 2 });
}

// The payment reference and the buyer's fields at every length around the fingerprint's 8-byte
// words and the journal's small-text copies (0-40 bytes, bytes of every range): stored as given,
// journalled and replayed alike, retried as the same command. The fingerprints of both versions are
// pinned: they are in the journal, so a faster implementation must give the same values.
void TestLedger::confirmTextsOfEveryLengthRoundTrip()
{
    Harness h;
    const std::string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789\xe4\xf6\xfc\x01\xff";
    std::vector<Command> confirms;
    std::vector<HoldId> holds;
    std::uint64_t pinned = 0;   // version 1: the journals written before version 2 hold these
    std::uint64_t pinnedV2 = 0;
    for (std::size_t length = 0; length <= 40; ++length) {
        const CommandResult held = h.holdSeats({ SeatId(length + 1) });
        QVERIFY(held.ok());
        holds.push_back(held.hold);
        Command c = h.confirmCommand(held.hold);
        c.text = alphabet.substr(0, length);
        c.buyer = Buyer { alphabet.substr(1, length / 2), alphabet.substr(3, length % 9),
                          alphabet.substr(5, (length * 7) % 17) };
        const CommandResult result = h.run(c);
        QVERIFY(result.ok());
        const Order* order = h.ledger->order(result.order);
        QVERIFY(order != nullptr);
        QCOMPARE(order->paymentRef(), std::string_view(c.text));
        QVERIFY(order->buyer().toBuyer() == c.buyer);
        confirms.push_back(c);

        Command unkeyed = c; // the generator's command: no actor, channel, key or amount
        unkeyed.actor = Actor {};
        unkeyed.channel = 0;
        unkeyed.hold = 7;
        unkeyed.amount = -1;
        pinned = pinned * 31 + commandFingerprint(unkeyed, 1);
        pinnedV2 = pinnedV2 * 31 + commandFingerprint(unkeyed);
    }
    QCOMPARE(pinned, std::uint64_t { 0x5f46da30444e591bull });
    QCOMPARE(pinnedV2, std::uint64_t { 0x4156c631927045ddull });

    const JournalBatch batch = h.ledger->takeBatch();
    Ledger fresh(makeSpec(), verifying());
    QVERIFY(fresh.replay(batch.bytes));
    const std::string diff = ledgerDifference(*h.ledger, fresh, holds);
    QVERIFY2(diff.empty(), diff.c_str());
    for (const Command& c : confirms) {
        const CommandResult x = h.run(c);
        const CommandResult y = fresh.execute(c);
        QVERIFY(x.replayed && y.replayed);
        QVERIFY(x.sameAnswer(y));
        const Order* order = fresh.order(y.order);
        QVERIFY(order != nullptr);
        QCOMPARE(order->paymentRef(), std::string_view(c.text));
        QVERIFY(order->buyer().toBuyer() == c.buyer);
    }
}

void TestLedger::retryIgnoresNow()
{
    Harness h;
    Command hold = h.holdSeatsCommand({ 1 });
    const CommandResult first = h.run(hold);
    hold.now += 120 * kSecond;
    const CommandResult later = h.run(hold);
    QVERIFY(later.replayed);
    QVERIFY(later.sameAnswer(first));
    QCOMPARE(later.expiresAt, first.expiresAt);
}

void TestLedger::sameKeyOtherArgumentsIsKeyReused()
{
    Harness h;
    const Command hold = h.holdSeatsCommand({ 1 });
    QVERIFY(h.run(hold).ok());
    const std::size_t records = h.ledger->openBatchRecords();

    Command otherSeat = hold;
    otherSeat.seats = { 2 };
    Command otherActor = hold;
    otherActor.actor = kOtherBuyer;
    Command otherChannel = hold;
    otherChannel.channel = kBox;
    Command otherKind = hold;
    otherKind.kind = CommandKind::Block;
    otherKind.actor = kClerk;
    otherKind.text = "house";
    for (const Command& c : { otherSeat, otherActor, otherChannel, otherKind }) {
        const CommandResult r = h.run(c);
        QCOMPARE(r.status, Status::IdempotencyKeyReused);
        QVERIFY(!r.replayed);
        QCOMPARE(r.seq, Seq { 0 });
    }
    QCOMPARE(h.status(2), SeatStatus::Available);
    QCOMPARE(h.ledger->counts().held, 1u);
    QCOMPARE(h.ledger->counts().blocked, 0u);
    QCOMPARE(h.ledger->lastSeq(), Seq { 1 });
    QCOMPARE(h.ledger->openBatchRecords(), records);
    // The original arguments still replay.
    QVERIFY(h.run(hold).replayed);
}

void TestLedger::refusalIsRememberedEvenWhenStateChanges()
{
    Harness h;
    const CommandResult other = h.holdSeats({ 5 }, kOtherBuyer);
    QVERIFY(other.ok());
    const Command mine = h.holdSeatsCommand({ 4, 5 });
    const CommandResult refused = h.run(mine);
    QCOMPARE(refused.status, Status::SeatUnavailable);
    QCOMPARE(list(refused.seats), (QList<SeatId> { 5 }));
    QVERIFY(h.release(other.hold, kOtherBuyer).ok());
    QCOMPARE(h.status(5), SeatStatus::Available);

    const CommandResult retry = h.run(mine);
    QCOMPARE(retry.status, Status::SeatUnavailable);
    QVERIFY(retry.replayed);
    QVERIFY(retry.sameAnswer(refused));
    QCOMPARE(h.status(4), SeatStatus::Available);
    QCOMPARE(h.status(5), SeatStatus::Available);
    // A new key succeeds.
    Command fresh = mine;
    fresh.key = h.nextKey();
    QCOMPARE(h.run(fresh).status, Status::Ok);
}

void TestLedger::keyEvictedByCountExecutesAgain()
{
    LedgerOptions options = verifying();
    options.idempotencyKeysMax = 2;
    Harness h(makeSpec(), options);
    const Command first = h.holdSeatsCommand({ 1 });
    QVERIFY(h.run(first).ok());
    const Command second = h.holdSeatsCommand({ 2 });
    QVERIFY(h.run(second).ok());
    QVERIFY(h.run(first).replayed); // still remembered: two keys fit
    const Command third = h.holdSeatsCommand({ 3 });
    QVERIFY(h.run(third).ok());
    QCOMPARE(h.ledger->idempotencyKeys(), std::size_t { 2 });

    // `first` was forgotten: it runs again, and seat 1 is now held by its own earlier hold.
    const CommandResult again = h.run(first);
    QVERIFY(!again.replayed);
    QCOMPARE(again.status, Status::SeatUnavailable);
    QCOMPARE(again.seq, Seq { 4 });
    QCOMPARE(h.ledger->lastSeq(), Seq { 4 });
    // `third` is still remembered.
    const CommandResult thirdAgain = h.run(third);
    QVERIFY(thirdAgain.replayed);
    QCOMPARE(thirdAgain.status, Status::Ok);
}

void TestLedger::keyEvictedByAgeExecutesAgain()
{
    LedgerOptions options = verifying();
    options.idempotencyRetentionMs = 60 * kSecond;
    Harness h(makeSpec(), options);
    const Command first = h.holdSeatsCommand({ 1 });
    QVERIFY(h.run(first).ok());

    // Inside the window (another command has run, so eviction had its chance): replayed.
    h.now = kT0 + 59 * kSecond;
    QVERIFY(h.holdSeats({ 2 }).ok());
    Command retry = first;
    retry.now = h.now;
    QVERIFY(h.run(retry).replayed);

    // Past the window: forgotten, so it executes again.
    h.now = kT0 + 61 * kSecond;
    QVERIFY(h.holdSeats({ 3 }).ok());
    retry.now = h.now;
    const CommandResult again = h.run(retry);
    QVERIFY(!again.replayed);
    QCOMPARE(again.status, Status::SeatUnavailable);
    QCOMPARE(again.seq, Seq { 4 });
}

void TestLedger::keyOlderThanRetentionIsForgottenWithoutOtherTraffic()
{
    // Keys are remembered for the retention window: a retry after it executes again, whether or not
    // other commands ran in between.
    LedgerOptions options = verifying();
    options.idempotencyRetentionMs = 60 * kSecond;
    Harness h(makeSpec(), options);
    Command first = h.holdSeatsCommand({ 1 });
    QVERIFY(h.run(first).ok());
    first.now = kT0 + 61 * kSecond;
    const CommandResult again = h.run(first);
    QVERIFY(!again.replayed);
    QCOMPARE(again.status, Status::SeatUnavailable);
    QCOMPARE(again.seq, Seq { 2 });
}

void TestLedger::keyRingWrapsLiveAndInReplay()
{
    // 512 keys fill the index's smallest ring exactly: 1,300 records wrap it twice live. A key reused
    // after the live index forgot it is journalled twice: a replay that remembers 1,024 keys meets it
    // while it still holds the first record (which the second supersedes), and wraps its ring over
    // that entry's slot.
    LedgerOptions options = verifying();
    options.idempotencyKeysMax = 512;
    Harness h(makeSpec(), options);
    std::vector<Command> commands;
    std::vector<CommandResult> answers;
    std::vector<JournalBatch> batches;
    for (int i = 0; i < 1300; ++i) {
        // The first holds seat 1; the others are refused (still records, each with its key).
        const Command c = i == 600 ? commands[0] : h.holdSeatsCommand({ 1 });
        commands.push_back(c);
        answers.push_back(h.run(c));
        QVERIFY(!answers.back().replayed);
        QCOMPARE(answers.back().seq, Seq(i + 1));
        if (i % 100 == 99)
            batches.push_back(h.ledger->takeBatch());
    }
    QCOMPARE(answers[600].status, Status::SeatUnavailable); // the first key again: forgotten, runs anew
    QCOMPARE(h.ledger->idempotencyKeys(), std::size_t { 512 });

    LedgerOptions wider = verifying();
    wider.idempotencyKeysMax = 1024;
    Ledger fresh(makeSpec(), wider);
    for (const JournalBatch& batch : batches)
        QVERIFY(fresh.replay(batch.bytes));
    QCOMPARE(fresh.lastSeq(), Seq { 1300 });
    QCOMPARE(fresh.idempotencyKeys(), std::size_t { 1024 });

    // Both remember the last 512 keys and answer them as the first time.
    for (std::size_t i = 1300 - 512; i < 1300; ++i) {
        const CommandResult x = h.run(commands[i]);
        const CommandResult y = fresh.execute(commands[i]);
        QVERIFY(x.replayed);
        QVERIFY(y.replayed);
        QVERIFY(x.sameAnswer(answers[i]));
        QVERIFY(y.sameAnswer(answers[i]));
    }
    // Commands 276 to 787 only the replay remembers (the first key's second record among them).
    for (std::size_t i : { std::size_t { 600 }, std::size_t { 700 }, std::size_t { 787 } }) {
        const CommandResult y = fresh.execute(commands[i]);
        QVERIFY(y.replayed);
        QVERIFY(y.sameAnswer(answers[i]));
    }
    const CommandResult forgotten = h.run(commands[700]);
    QVERIFY(!forgotten.replayed);
    QCOMPARE(forgotten.seq, Seq { 1301 });
    QCOMPARE(fresh.invariantViolation(), std::string());
}

// ---- journal batches -----------------------------------------------------------------------------

void TestLedger::batchCountsRecordsAndSeqRange()
{
    Harness h;
    QVERIFY(h.holdSeats({ 1 }).ok());
    QCOMPARE(h.holdSeats({ 1 }).status, Status::SeatUnavailable); // refused: still a record
    QVERIFY(h.holdArea(3).ok());
    QCOMPARE(h.expire().seq, Seq { 0 }); // keyless, released nothing: no record
    Command noKey = h.holdSeatsCommand({ 2 });
    noKey.key = IdempotencyKey {};
    QCOMPARE(h.run(noKey).status, Status::InvalidArgument); // keyless: no record
    QCOMPARE(h.ledger->openBatchRecords(), std::size_t { 3 });

    const JournalBatch first = h.ledger->takeBatch();
    QVERIFY(!first.empty());
    QVERIFY(first.bytes != nullptr);
    QCOMPARE(first.records, 3u);
    QCOMPARE(first.firstSeq, Seq { 1 });
    QCOMPARE(first.lastSeq, Seq { 3 });
    QCOMPARE(h.ledger->openBatchRecords(), std::size_t { 0 });
    BatchHeader header;
    QVERIFY(verifyBatch(*first.bytes, kEventId, &header));
    QCOMPARE(header.firstSeq, Seq { 1 });
    QCOMPARE(header.recordCount, 3u);
    QCOMPARE(header.event, kEventId);
    QCOMPARE(std::size_t(header.bytes), first.bytes->size());
    QVERIFY(!verifyBatch(*first.bytes, kEventId + 1, &header));

    QVERIFY(h.holdSeats({ 4 }).ok());
    QVERIFY(h.holdSeats({ 5 }).ok());
    const JournalBatch second = h.ledger->takeBatch();
    QCOMPARE(second.records, 2u);
    QCOMPARE(second.firstSeq, Seq { 4 });
    QCOMPARE(second.lastSeq, Seq { 5 });
    QVERIFY(verifyBatch(*second.bytes, kEventId, &header));
    QCOMPARE(header.firstSeq, Seq { 4 });
    // The first batch's bytes are not touched by later commands.
    QVERIFY(verifyBatch(*first.bytes, kEventId, &header));
    QCOMPARE(header.recordCount, 3u);
}

void TestLedger::batchRecordsCarryTheCommand()
{
    Harness h;
    h.now = kT0 + 42;
    const Command hold = h.holdSeatsCommand({ 7, 8 }, kOtherBuyer, kBox);
    const CommandResult r = h.run(hold);
    QVERIFY(r.ok());
    const JournalBatch batch = h.ledger->takeBatch();
    std::vector<RecordHeader> headers;
    std::vector<CommandResult> decoded;
    QVERIFY(forEachRecord(*batch.bytes, [&](const RecordView& record) {
        headers.push_back(record.header);
        decoded.emplace_back();
        return resultFromRecord(record.data, record.header.length, &decoded.back());
    }));
    QCOMPARE(headers.size(), std::size_t { 1 });
    const RecordHeader& hd = headers[0];
    QCOMPARE(hd.seq, Seq { 1 });
    QCOMPARE(int(hd.kind), int(CommandKind::HoldSeats));
    QCOMPARE(hd.status, Status::Ok);
    QCOMPARE(hd.channel, kBox);
    QVERIFY(hd.actor == kOtherBuyer);
    QCOMPARE(hd.now, kT0 + 42);
    QVERIFY(hd.key == hold.key);
    QCOMPARE(hd.fingerprint, commandFingerprint(hold));
    QCOMPARE(int(hd.eventCount), 2);
    QVERIFY(decoded[0].sameAnswer(r));
    const std::vector<DecodedEvent> events = decodeEvents(batch);
    QCOMPARE(events.size(), std::size_t { 2 });
    QCOMPARE(int(events[0].type), int(EventType::SeatHeld));
    QCOMPARE(events[0].seat, SeatId { 7 });
    QCOMPARE(events[1].seat, SeatId { 8 });
    QCOMPARE(events[1].hold, r.hold);
}

void TestLedger::refusedCommandIsRecordedWithoutEvents()
{
    Harness h;
    QVERIFY(h.holdSeats({ 9 }, kOtherBuyer).ok());
    const CommandResult refused = h.holdSeats({ 8, 9 });
    QCOMPARE(refused.status, Status::SeatUnavailable);
    const JournalBatch batch = h.ledger->takeBatch();
    std::vector<RecordHeader> headers;
    QVERIFY(forEachRecord(*batch.bytes, [&](const RecordView& record) {
        headers.push_back(record.header);
        return true;
    }));
    QCOMPARE(headers.size(), std::size_t { 2 });
    QCOMPARE(headers[1].status, Status::SeatUnavailable);
    QCOMPARE(headers[1].detail, 9u);
    QCOMPARE(int(headers[1].eventCount), 0);
    QCOMPARE(headers[1].seq, refused.seq);
}

void TestLedger::emptyBatch()
{
    Harness h;
    const JournalBatch none = h.ledger->takeBatch();
    QVERIFY(none.empty());
    QVERIFY(none.bytes == nullptr);
    QCOMPARE(none.records, 0u);
    QVERIFY(none.seatDeltas.empty());
    QVERIFY(h.holdSeats({ 1 }).ok());
    QCOMPARE(h.ledger->takeBatch().records, 1u);
    QVERIFY(h.ledger->takeBatch().empty());
}

void TestLedger::seatDeltasCoalesceToTheLastState()
{
    Harness h;
    const CommandResult first = h.holdSeats({ 1, 2 });
    QVERIFY(h.release(first.hold).ok());
    const CommandResult second = h.holdSeats({ 1 }, kOtherBuyer, kBox);
    QVERIFY(second.ok());
    QVERIFY(h.block({ 3 }).ok());
    QVERIFY(h.unblock({ 3 }).ok());
    QVERIFY(h.allocateSeats({ 4 }, kBox2).ok());
    const JournalBatch batch = h.ledger->takeBatch();
    QCOMPARE(batch.records, 6u);
    QCOMPARE(batch.seatDeltas.size(), std::size_t { 4 });
    std::vector<int> seen(kSeatCount, 0);
    for (const SeatDelta& d : batch.seatDeltas) {
        QVERIFY(d.seat < kSeatCount);
        QCOMPARE(++seen[d.seat], 1);
    }
    for (const SeatDelta& d : batch.seatDeltas) {
        if (d.seat == h.index(1)) {
            QCOMPARE(d.status, SeatStatus::Held);
            QCOMPARE(d.channel, kBox);
            QVERIFY(d.holder == kOtherBuyer);
        } else if (d.seat == h.index(2) || d.seat == h.index(3)) {
            QCOMPARE(d.status, SeatStatus::Available);
        } else {
            QCOMPARE(d.seat, h.index(4));
            QCOMPARE(d.status, SeatStatus::Available);
            QCOMPARE(d.allocation, kBox2);
        }
    }
    // Deltas are per batch.
    QVERIFY(h.holdSeats({ 2 }).ok());
    const JournalBatch next = h.ledger->takeBatch();
    QCOMPARE(next.seatDeltas.size(), std::size_t { 1 });
    QCOMPARE(next.seatDeltas[0].seat, h.index(2));
    QCOMPARE(next.seatDeltas[0].status, SeatStatus::Held);
}

void TestLedger::areaDeltasCarryTheCounts()
{
    Harness h;
    const CommandResult a = h.holdArea(5);
    QVERIFY(a.ok());
    const CommandResult b = h.holdArea(3);
    QVERIFY(h.confirm(b.hold).ok());
    const JournalBatch batch = h.ledger->takeBatch();
    QCOMPARE(batch.areaDeltas.size(), std::size_t { 1 });
    QCOMPARE(batch.areaDeltas[0].area, 0u);
    QCOMPARE(batch.areaDeltas[0].available, kAreaCapacity - 8);
    QCOMPARE(batch.areaDeltas[0].held, 5u);
    QCOMPARE(batch.areaDeltas[0].sold, 3u);
    QVERIFY(batch.seatDeltas.empty());
}

void TestLedger::retryLeavesNoDelta()
{
    Harness h;
    const Command hold = h.holdSeatsCommand({ 1 });
    QVERIFY(h.run(hold).ok());
    h.ledger->takeBatch();
    QVERIFY(h.run(hold).replayed);
    const JournalBatch batch = h.ledger->takeBatch();
    QVERIFY(batch.empty());
    QVERIFY(batch.seatDeltas.empty());
}

// ---- snapshot, restore, replay -------------------------------------------------------------------

void TestLedger::snapshotRestoreEqualsOriginal()
{
    Harness h;
    Scenario scenario(h, 11);
    std::vector<JournalBatch> batches;
    scenario.run(400, &batches);
    const LedgerCounts counts = h.ledger->counts();
    QVERIFY2(counts.orders > 3 && counts.activeHolds > 0 && counts.areaSold > 0, "scenario too thin");
    QVERIFY(scenario.ok > 100);

    const std::vector<std::uint8_t> snapshot = h.ledger->snapshot();
    std::string error;
    const std::unique_ptr<Ledger> restored = Ledger::restore(makeSpec(), verifying(), snapshot, &error);
    QVERIFY2(restored != nullptr, error.c_str());
    QVERIFY(error.empty());
    QCOMPARE(restored->invariantViolation(), std::string());
    QCOMPARE(restored->lastSeq(), h.ledger->lastSeq());
    std::string diff = ledgerDifference(*h.ledger, *restored, scenario.holds);
    QVERIFY2(diff.empty(), diff.c_str());
    // A snapshot of the restored ledger is the same bytes, except for the idempotency floor that
    // is not part of the state (the restored index is empty until the journal is replayed).
    std::vector<std::uint8_t> again = restored->snapshot();
    QCOMPARE(again.size(), snapshot.size());
    constexpr std::size_t kFloorOffset = 24; // magic, version, reserved, event, lastSeq
    std::memcpy(again.data() + kFloorOffset, snapshot.data() + kFloorOffset, 8);
    QVERIFY(std::equal(again.begin(), again.end() - 4, snapshot.begin()));
    diff = sameFuture(h, *restored, scenario.holds);
    QVERIFY2(diff.empty(), diff.c_str());
}

// The journal arena (LedgerOptions::journalArenaBytes): large batches written into arena buffers,
// then into buffers recycled from retired batches, then into new memory, and small batches handed
// out as copies (their buffer stays open) all keep the bytes they had when taken; retries read them
// back; replaying them gives the same ledger.
// Creating a ledger touches no arena; warm() builds it a buffer or more per call, within its
// budget, then reports it done and does nothing more. What the ledger does is the same either way.
void TestLedger::warmFillsTheArenaInSteps()
{
    LedgerOptions options = verifying();
    options.journalArenaBytes = 6 << 20; // three 2 MiB buffers
    Harness h(makeSpec(), options);
    const std::size_t created = h.ledger->memoryBytes();
    QVERIFY(!h.ledger->warm(1)); // at least one buffer per call
    // The (empty) open batch moved into it, from its own 64 KiB.
    QCOMPARE(h.ledger->memoryBytes(), created + (2u << 20) - (64u << 10));
    QVERIFY(h.holdSeats({ 1 }).ok()); // commands in between
    h.ledger->takeBatch();
    const std::size_t between = h.ledger->memoryBytes(); // with the batch kept for its keys
    QVERIFY(h.ledger->warm(4u << 20));
    QCOMPARE(h.ledger->memoryBytes(), between + (4u << 20));
    QVERIFY(h.ledger->warm());
    QCOMPARE(h.ledger->memoryBytes(), between + (4u << 20));
    QVERIFY(h.holdSeats({ 2 }).ok());
    QCOMPARE(h.ledger->invariantViolation(), std::string());

    options.journalArenaBytes = 0; // nothing to build: warm at once
    Harness none(makeSpec(), options);
    QVERIFY(none.ledger->warm(0));
}

// How the tables are backed (their own huge-page mappings, 4 KiB pages only, or session 12's heap
// tables) changes where they live, never what the ledger does: the same commands give the same
// journal, byte for byte. Tables of 1 MiB or more are 2 MiB-aligned mappings of their own.
void TestLedger::tablePagesChangeNoByteOfTheJournal()
{
    QCOMPARE(tablePages(), TablePages::Huge); // the default
    LedgerOptions options = verifying();
    options.idempotencyKeysMax = 100'000; // ring 7 MiB, table 2 MiB: tables of their own
    options.journalArenaBytes = 4 << 20;
    std::vector<std::vector<BatchBytes>> journals;
    for (TablePages pages : { TablePages::Huge, TablePages::Small, TablePages::Heap }) {
        setTablePages(pages);
        {
            Harness h(makeSpec(), options);
            const std::vector<LedgerTable> tables = h.ledger->tables();
            QVERIFY(std::count_if(tables.begin(), tables.end(),
                                  [](const LedgerTable& t) { return std::string(t.name) != "journal"; })
                    >= 2);
            for (const LedgerTable& t : tables) {
                QVERIFY(t.bytes >= kTableBytesMin);
                if (std::string(t.name) != "journal" && (pages != TablePages::Heap || t.bytes >= (2u << 20)))
                    QCOMPARE(reinterpret_cast<std::uintptr_t>(t.data) % (2u << 20), std::uintptr_t { 0 });
            }
            QVERIFY(h.ledger->warm());
            Scenario scenario(h, 47);
            std::vector<JournalBatch> batches;
            scenario.run(400, &batches);
            scenario.take(&batches);
            QCOMPARE(h.ledger->invariantViolation(), std::string());
            std::vector<BatchBytes> journal;
            for (const JournalBatch& b : batches)
                if (!b.empty())
                    journal.push_back(*b.bytes);
            QVERIFY(journal.size() > 1);
            journals.push_back(std::move(journal));
        }
    }
    setTablePages(TablePages::Huge);
    QVERIFY(journals[1] == journals[0]);
    QVERIFY(journals[2] == journals[0]);

    // The allocator itself: aligned, whole 2 MiB writable, freed.
    auto* p = static_cast<std::uint8_t*>(allocateTable(3u << 20));
    QCOMPARE(reinterpret_cast<std::uintptr_t>(p) % (2u << 20), std::uintptr_t { 0 });
    std::memset(p, 0xab, 4u << 20); // rounded up to whole huge pages
    QCOMPARE(p[(4u << 20) - 1], std::uint8_t { 0xab });
    freeTable(p, 3u << 20);
}

void TestLedger::journalArenaBatchesKeepTheirBytes()
{
    LedgerOptions options = verifying();
    options.journalArenaBytes = 4 << 20; // two 2 MiB buffers
    options.idempotencyKeysMax = 3000;   // large batches retire, and their buffers come back
    Harness h(makeSpec(), options);
    LedgerOptions noArena = options;
    noArena.journalArenaBytes = 0;
    // The arena is made by warm(), not on creation. Then the open batch's buffer is one of the
    // arena's (its own 64 KiB are let go), the other is spare.
    QCOMPARE(h.ledger->memoryBytes(), Ledger(makeSpec(), noArena).memoryBytes());
    QVERIFY(h.ledger->warm());
    QCOMPARE(h.ledger->memoryBytes(), Ledger(makeSpec(), noArena).memoryBytes() + (4u << 20) - (64u << 10));

    // The same commands on `harness`: small batches, large ones (each over 64 KiB), small ones.
    // Keeps a copy of each batch's bytes when it is taken and lets the ledger's pointers go (so that
    // retired buffers are recycled), except the last one's and two it returns, checked at the end.
    struct Run {
        std::vector<BatchBytes> taken;
        std::vector<JournalBatch> batches;
        BatchPtr smallKept, largeKept;
        std::size_t smallIndex = 0, largeIndex = 0, large = 0;
    };
    const auto drive = [](Harness& harness, Scenario& scenario, Run& run) {
        const auto copyNew = [&] {
            for (std::size_t i = run.taken.size(); i < run.batches.size(); ++i)
                run.taken.push_back(*run.batches[i].bytes);
            for (std::size_t i = 0; i + 1 < run.batches.size(); ++i)
                run.batches[i].bytes.reset();
        };
        scenario.run(300, &run.batches);
        copyNew();
        run.smallKept = run.batches.back().bytes;
        run.smallIndex = run.taken.size() - 1;
        for (int b = 0; b < 7; ++b) {
            for (int round = 0; round < 10; ++round) {
                std::vector<HoldId> held;
                for (SeatId seat = 1; seat <= kSeatCount; ++seat) {
                    const CommandResult r = harness.holdSeats({ seat });
                    if (r.ok())
                        held.push_back(r.hold), scenario.holds.push_back(r.hold);
                }
                for (HoldId hold : held)
                    harness.release(hold);
            }
            scenario.take(&run.batches);
            run.large += run.batches.back().bytes->size() >= 64 * 1024 ? 1 : 0;
            copyNew();
        }
        run.largeKept = run.batches.back().bytes;
        run.largeIndex = run.taken.size() - 1;
        scenario.run(300, &run.batches);
        scenario.take(&run.batches);
        copyNew();
    };
    Scenario scenario(h, 31);
    Run run;
    drive(h, scenario, run);
    QCOMPARE(run.large, std::size_t { 7 });
    const std::vector<BatchBytes>& taken = run.taken;
    // Without an arena the journal is the same, byte for byte.
    {
        Harness plain(makeSpec(), noArena);
        Scenario same(plain, 31);
        Run plainRun;
        drive(plain, same, plainRun);
        QCOMPARE(plainRun.taken.size(), taken.size());
        for (std::size_t i = 0; i < taken.size(); ++i)
            QVERIFY(plainRun.taken[i] == taken[i]);
    }
    QVERIFY(taken.size() > 30);
    // What the ledger handed out did not change afterwards.
    QVERIFY(*run.smallKept == taken[run.smallIndex]);
    QVERIFY(*run.largeKept == taken[run.largeIndex]);
    QVERIFY(*run.batches.back().bytes == taken.back());

    Ledger fresh(makeSpec(), options);
    for (const BatchBytes& bytes : taken)
        QVERIFY(fresh.replay(std::make_shared<const BatchBytes>(bytes)));
    QCOMPARE(fresh.lastSeq(), h.ledger->lastSeq());
    QCOMPARE(fresh.invariantViolation(), std::string());
    std::string diff = ledgerDifference(*h.ledger, fresh, scenario.holds);
    QVERIFY2(diff.empty(), diff.c_str());
    // The last commands' keys are still remembered: their retries are answered from the batches.
    QVERIFY(scenario.commands.size() > 200);
    for (std::size_t i = scenario.commands.size() - 200; i < scenario.commands.size(); ++i) {
        const CommandResult x = h.run(scenario.commands[i]);
        const CommandResult y = fresh.execute(scenario.commands[i]);
        QVERIFY(x.replayed);
        QVERIFY(y.replayed);
        QVERIFY(x.sameAnswer(y));
    }
    diff = sameFuture(h, fresh, scenario.holds);
    QVERIFY2(diff.empty(), diff.c_str());
}

void TestLedger::replayOfAllBatchesEqualsOriginal()
{
    Harness h;
    Scenario scenario(h, 23);
    std::vector<JournalBatch> batches;
    scenario.run(400, &batches);
    scenario.take(&batches);
    QVERIFY(batches.size() > 10);

    Ledger fresh(makeSpec(), verifying());
    Seq expected = 1;
    for (const JournalBatch& batch : batches) {
        QCOMPARE(batch.firstSeq, expected);
        QVERIFY(fresh.replay(batch.bytes));
        QCOMPARE(fresh.lastSeq(), batch.lastSeq);
        expected = batch.lastSeq + 1;
    }
    QCOMPARE(fresh.invariantViolation(), std::string());
    std::string diff = ledgerDifference(*h.ledger, fresh, scenario.holds);
    QVERIFY2(diff.empty(), diff.c_str());
    diff = sameFuture(h, fresh, scenario.holds);
    QVERIFY2(diff.empty(), diff.c_str());
    // The replayed ledger remembers the keys: every retry answers as the original does.
    for (std::size_t i = 0; i < scenario.commands.size(); i += 7) {
        const CommandResult x = h.run(scenario.commands[i]);
        const CommandResult y = fresh.execute(scenario.commands[i]);
        QVERIFY(x.replayed);
        QVERIFY(y.replayed);
        QVERIFY(x.sameAnswer(y));
    }
}

void TestLedger::restorePlusLaterBatchesEqualsOriginal()
{
    Harness h;
    Scenario scenario(h, 37);
    std::vector<JournalBatch> before;
    scenario.run(200, &before);
    scenario.take(&before);
    const std::vector<std::uint8_t> snapshot = h.ledger->snapshot();
    const Seq snapshotSeq = h.ledger->lastSeq();
    std::vector<JournalBatch> after;
    scenario.run(200, &after);
    scenario.take(&after);
    QVERIFY(!after.empty());
    QCOMPARE(after.front().firstSeq, snapshotSeq + 1);

    std::string error;
    const std::unique_ptr<Ledger> restored = Ledger::restore(makeSpec(), verifying(), snapshot, &error);
    QVERIFY2(restored != nullptr, error.c_str());
    QCOMPARE(restored->lastSeq(), snapshotSeq);
    for (const JournalBatch& batch : after)
        QVERIFY(restored->replay(batch.bytes));
    std::string diff = ledgerDifference(*h.ledger, *restored, scenario.holds);
    QVERIFY2(diff.empty(), diff.c_str());
    diff = sameFuture(h, *restored, scenario.holds);
    QVERIFY2(diff.empty(), diff.c_str());
}

void TestLedger::restoreFromSnapshotTakenMidBatch()
{
    Harness h;
    Scenario scenario(h, 41);
    std::vector<JournalBatch> batches;
    scenario.run(150, &batches);
    scenario.take(&batches);
    // Records after the last batch: the snapshot includes them, the batch taken later as well.
    QVERIFY(h.expire(true).ok());
    QVERIFY(h.expire(true).ok());
    const std::vector<std::uint8_t> snapshot = h.ledger->snapshot();
    const Seq snapshotSeq = h.ledger->lastSeq();
    scenario.run(60, &batches);
    scenario.take(&batches);

    std::string error;
    const std::unique_ptr<Ledger> restored = Ledger::restore(makeSpec(), verifying(), snapshot, &error);
    QVERIFY2(restored != nullptr, error.c_str());
    bool straddled = false;
    for (const JournalBatch& batch : batches) {
        if (batch.lastSeq <= snapshotSeq - 2)
            continue;
        straddled = straddled || batch.firstSeq <= snapshotSeq;
        QVERIFY(restored->replay(batch.bytes));
    }
    QVERIFY(straddled);
    const std::string diff = ledgerDifference(*h.ledger, *restored, scenario.holds);
    QVERIFY2(diff.empty(), diff.c_str());
}

void TestLedger::oldKeyStillReplaysAfterRestore()
{
    Harness h;
    const Command oldHold = h.holdSeatsCommand({ 1, 2 });
    const CommandResult original = h.run(oldHold);
    QVERIFY(original.ok());
    const Command oldRefusal = h.holdSeatsCommand({ 2 }, kOtherBuyer);
    const CommandResult refusal = h.run(oldRefusal);
    QCOMPARE(refusal.status, Status::SeatUnavailable);
    std::vector<JournalBatch> batches;
    batches.push_back(h.ledger->takeBatch());
    QVERIFY(h.holdSeats({ 3 }).ok());
    QVERIFY(h.release(original.hold).ok()); // the state no longer matches the first answer
    batches.push_back(h.ledger->takeBatch());
    const std::vector<std::uint8_t> snapshot = h.ledger->snapshot();
    QCOMPARE(h.ledger->idempotencyFloorSeq(), Seq { 1 });

    std::string error;
    const std::unique_ptr<Ledger> restored = Ledger::restore(makeSpec(), verifying(), snapshot, &error);
    QVERIFY2(restored != nullptr, error.c_str());
    QCOMPARE(restored->replayFromSeq(), Seq { 1 });
    for (const JournalBatch& batch : batches)
        QVERIFY(restored->replay(batch.bytes));
    QCOMPARE(restored->lastSeq(), Seq { 4 });
    QCOMPARE(restored->seatStatus(h.index(1)), SeatStatus::Available);

    Command retry = oldHold;
    retry.now = h.now + 5 * kSecond;
    const CommandResult replayed = restored->execute(retry);
    QVERIFY(replayed.replayed);
    QVERIFY(replayed.sameAnswer(original));
    const CommandResult refusedAgain = restored->execute(oldRefusal);
    QVERIFY(refusedAgain.replayed);
    QVERIFY(refusedAgain.sameAnswer(refusal));
    QCOMPARE(restored->lastSeq(), Seq { 4 });
    QCOMPARE(restored->seatStatus(h.index(1)), SeatStatus::Available);
    Command reused = oldHold;
    reused.seats = { 9 };
    QCOMPARE(restored->execute(reused).status, Status::IdempotencyKeyReused);
}

namespace {

// Offsets in a record header (JournalFormat.h): the fingerprint, and its version byte after the
// detail and the event count.
constexpr std::size_t kFingerprintAt = 4 + 8 + 1 + 1 + 2 + 1 + 8 + 8 + 16;
constexpr std::size_t kFingerprintVersionAt = kFingerprintAt + 8 + 4 + 2;

// `batch` as a binary of before the fingerprint's version 2 wrote it: every record's fingerprint
// computed under version 1 from its command (`commands`, in record order), the version byte 0
// (then reserved), the batch checksum over the result.
BatchPtr asFingerprintVersion1(const BatchBytes& batch, const std::vector<Command>& commands)
{
    auto old = std::make_shared<BatchBytes>(batch);
    std::size_t index = 0;
    const bool walked = forEachRecord(batch, [&](const RecordView& r) {
        if (index >= commands.size() || r.header.fingerprintVersion != kFingerprintVersion
            || r.header.fingerprint != commandFingerprint(commands[index]))
            return false;
        const std::uint64_t v1 = commandFingerprint(commands[index++], 1);
        std::memcpy(old->data() + r.offset + kFingerprintAt, &v1, 8);
        (*old)[r.offset + kFingerprintVersionAt] = 0;
        return true;
    });
    if (!walked || index != commands.size())
        return nullptr;
    BatchHeader header;
    if (!decodeBatchHeader(old->data(), old->size(), &header))
        return nullptr;
    header.crc = batchChecksum(*old);
    encodeBatchHeader(old.get(), header);
    return old;
}

} // namespace

using test::crc32cBitwise;

// A journal written before the fingerprint's version 2 holds version-1 fingerprints: a ledger that
// replays it still answers a retry of its commands from their records and still refuses their keys
// with other arguments; what it journals afterwards carries version 2.
void TestLedger::fingerprintVersion1JournalStillRetries()
{
    Harness h;
    const Command hold = h.holdSeatsCommand({ 1, 2 });
    const CommandResult held = h.run(hold);
    QVERIFY(held.ok());
    Command confirm = h.confirmCommand(held.hold);
    confirm.text = "psp-77";
    confirm.buyer = Buyer { "Ada", "ada@example.org", "+44 20 0001" };
    const CommandResult confirmed = h.run(confirm);
    QVERIFY(confirmed.ok());
    const Command refused = h.holdSeatsCommand({ 1 }, kOtherBuyer);
    const CommandResult refusal = h.run(refused);
    QCOMPARE(refusal.status, Status::SeatUnavailable);
    const std::vector<Command> commands = { hold, confirm, refused };
    for (const Command& c : commands)
        QVERIFY(commandFingerprint(c, 1) != commandFingerprint(c));

    const JournalBatch batch = h.ledger->takeBatch();
    const BatchPtr old = asFingerprintVersion1(*batch.bytes, commands);
    QVERIFY(old != nullptr);
    std::vector<std::uint8_t> versions;
    QVERIFY(forEachRecord(*old, [&](const RecordView& r) {
        versions.push_back(r.header.fingerprintVersion);
        return true;
    }));
    QCOMPARE(versions, (std::vector<std::uint8_t> { 1, 1, 1 }));

    Ledger fresh(makeSpec(), verifying());
    QVERIFY(fresh.replay(old));
    QCOMPARE(fresh.lastSeq(), Seq { 3 });
    for (std::size_t i = 0; i < commands.size(); ++i) {
        Command retry = commands[i];
        retry.now += kSecond;
        const CommandResult replayed = fresh.execute(retry);
        QVERIFY(replayed.replayed);
        QVERIFY(replayed.sameAnswer(i == 0 ? held : i == 1 ? confirmed : refusal));
    }
    Command reused = confirm;
    reused.buyer.name = "Bea";
    QCOMPARE(fresh.execute(reused).status, Status::IdempotencyKeyReused);
    QCOMPARE(fresh.lastSeq(), Seq { 3 });

    // New commands: version 2, in the journal and for their retries.
    Command next = h.holdSeatsCommand({ 3 });
    next.key = IdempotencyKey::fromString("after the upgrade");
    QVERIFY(fresh.execute(next).ok());
    QVERIFY(fresh.execute(next).replayed);
    const JournalBatch later = fresh.takeBatch();
    std::vector<RecordHeader> headers;
    QVERIFY(forEachRecord(*later.bytes, [&](const RecordView& r) {
        headers.push_back(r.header);
        return true;
    }));
    QCOMPARE(headers.size(), std::size_t { 1 });
    QCOMPARE(headers[0].fingerprintVersion, kFingerprintVersion);
    QCOMPARE(headers[0].fingerprint, commandFingerprint(next));
    QCOMPARE(later.bytes->at(kBatchHeaderBytes + kFingerprintVersionAt), kFingerprintVersion);

    // Replayed in turn (the old batch, then the new one), both kinds of key still answer.
    Ledger third(makeSpec(), verifying());
    QVERIFY(third.replay(old));
    QVERIFY(third.replay(later.bytes));
    QVERIFY(third.execute(confirm).sameAnswer(confirmed));
    QVERIFY(third.execute(next).replayed);
    Command nextReused = next;
    nextReused.seats = { 4 };
    QCOMPARE(third.execute(nextReused).status, Status::IdempotencyKeyReused);
}

// A record whose fingerprint version this reader does not know makes its batch corrupt: it could
// not tell a retry from a reused key.
void TestLedger::unknownFingerprintVersionIsCorrupt()
{
    Harness h;
    QVERIFY(h.holdSeats({ 1 }).ok());
    const JournalBatch batch = h.ledger->takeBatch();
    auto bytes = std::make_shared<BatchBytes>(*batch.bytes);
    (*bytes)[kBatchHeaderBytes + kFingerprintVersionAt] = kFingerprintVersion + 1;
    BatchHeader header;
    QVERIFY(decodeBatchHeader(bytes->data(), bytes->size(), &header));
    header.crc = batchChecksum(*bytes);
    encodeBatchHeader(bytes.get(), header);
    RecordHeader record;
    QVERIFY(!decodeRecordHeader(bytes->data() + kBatchHeaderBytes, bytes->size() - kBatchHeaderBytes, &record));
    Ledger fresh(makeSpec(), verifying());
    QVERIFY(!fresh.replay(bytes));
    QCOMPARE(fresh.lastSeq(), Seq { 0 });
    // The version byte as written: the current version; 0 (older journals) reads as 1.
    (*bytes)[kBatchHeaderBytes + kFingerprintVersionAt] = 0;
    QVERIFY(decodeRecordHeader(bytes->data() + kBatchHeaderBytes, bytes->size() - kBatchHeaderBytes, &record));
    QCOMPARE(record.fingerprintVersion, std::uint8_t { 1 });
}

// The checksum of a long batch runs in three lanes (blocks of 3 x 4 KiB, then 3 x 256 bytes):
// the value of one lane, at every boundary around the blocks and at odd offsets.
void TestLedger::batchChecksumOfLongBatchesMatchesBitwise()
{
    std::mt19937_64 rng(11);
    std::vector<std::uint8_t> bytes(3 * 4096 * 3 + 3 * 256 * 2 + 64);
    for (auto& b : bytes)
        b = static_cast<std::uint8_t>(rng());
    for (std::size_t offset : { 0, 1, 5 }) {
        for (std::size_t base : { std::size_t { 3 * 256 }, std::size_t { 3 * 4096 }, std::size_t { 2 * 3 * 4096 },
                                  std::size_t { 3 * 4096 + 3 * 256 }, std::size_t { 3 * 3 * 4096 + 3 * 256 } }) {
            for (std::size_t n = base - 9; n <= base + 9 && n + offset <= bytes.size(); ++n) {
                const std::uint8_t* p = bytes.data() + offset;
                QCOMPARE(crc32c(p, n), crc32cBitwise(p, n));
                const std::size_t cut = n / 3 + 1; // chained, as batchChecksum does around its crc field
                QCOMPARE(crc32c(p + cut, n - cut, crc32c(p, cut)), crc32cBitwise(p, n));
            }
        }
    }
    // A whole batch of a few hundred commands, as verifyBatch checks it on every read: the CRC of
    // every byte but the crc field (at 32).
    Harness h;
    for (int round = 0; round < 120; ++round) {
        const CommandResult held = h.holdSeats({ SeatId(round % 50 + 1) });
        QVERIFY(held.ok());
        QVERIFY(h.release(held.hold).ok());
    }
    const JournalBatch batch = h.ledger->takeBatch();
    QVERIFY(batch.bytes->size() > 3 * 4096 + 3 * 256);
    BatchHeader header;
    QVERIFY(verifyBatch(*batch.bytes, makeSpec().id, &header));
    BatchBytes joined(batch.bytes->begin(), batch.bytes->begin() + 32);
    joined.insert(joined.end(), batch.bytes->begin() + 36, batch.bytes->end());
    QCOMPARE(header.crc, crc32cBitwise(joined.data(), joined.size()));
}

void TestLedger::corruptSnapshotIsRefused()
{
    Harness h;
    Scenario scenario(h, 5);
    std::vector<JournalBatch> batches;
    scenario.run(120, &batches);
    const std::vector<std::uint8_t> snapshot = h.ledger->snapshot();
    const EventSpec spec = makeSpec();
    for (std::size_t i = 0; i < snapshot.size(); ++i) {
        std::vector<std::uint8_t> bad = snapshot;
        bad[i] ^= 0x5a;
        std::string error;
        const std::unique_ptr<Ledger> restored = Ledger::restore(spec, verifying(), bad, &error);
        QVERIFY2(restored == nullptr, qPrintable(QStringLiteral("byte %1 flipped").arg(i)));
        QVERIFY(!error.empty());
    }
}

void TestLedger::truncatedSnapshotIsRefused()
{
    Harness h;
    Scenario scenario(h, 6);
    std::vector<JournalBatch> batches;
    scenario.run(120, &batches);
    const std::vector<std::uint8_t> snapshot = h.ledger->snapshot();
    const EventSpec spec = makeSpec();
    for (std::size_t size : { std::size_t { 0 }, std::size_t { 1 }, std::size_t { 3 }, std::size_t { 4 },
                              std::size_t { 40 }, snapshot.size() / 2, snapshot.size() - 4, snapshot.size() - 1 }) {
        std::vector<std::uint8_t> cut(snapshot.begin(), snapshot.begin() + std::ptrdiff_t(size));
        std::string error;
        QVERIFY(Ledger::restore(spec, verifying(), cut, &error) == nullptr);
        QVERIFY(!error.empty());
        // The same, with a checksum that matches what is left.
        if (size >= 8) {
            error.clear();
            QVERIFY(Ledger::restore(spec, verifying(), withValidCrc(cut), &error) == nullptr);
            QVERIFY(!error.empty());
        }
    }
    std::vector<std::uint8_t> longer = snapshot;
    longer.insert(longer.end() - 4, 0);
    std::string error;
    QVERIFY(Ledger::restore(spec, verifying(), withValidCrc(longer), &error) == nullptr);
    QVERIFY(!error.empty());
}

void TestLedger::snapshotOfAnotherEventIsRefused()
{
    Harness h;
    QVERIFY(h.holdSeats({ 1 }).ok());
    const std::vector<std::uint8_t> snapshot = h.ledger->snapshot();
    std::string error;
    QVERIFY(Ledger::restore(makeSpec(kEventId + 1), verifying(), snapshot, &error) == nullptr);
    QVERIFY(!error.empty());
    // A venue of another size.
    EventSpec bigger = test::makeTestEvent(kEventId, 2, 5, 11);
    error.clear();
    QVERIFY(Ledger::restore(bigger, verifying(), snapshot, &error) == nullptr);
    QVERIFY(!error.empty());
    // The right event restores.
    error.clear();
    QVERIFY(Ledger::restore(makeSpec(), verifying(), snapshot, &error) != nullptr);
}

void TestLedger::structurallyCorruptSnapshotNeverYieldsABrokenLedger()
{
    // Flip bits everywhere and fix the checksum: restore must refuse, or give a ledger whose
    // invariants hold. It must never crash.
    Harness h;
    Scenario scenario(h, 8);
    std::vector<JournalBatch> batches;
    scenario.run(120, &batches);
    const std::vector<std::uint8_t> snapshot = h.ledger->snapshot();
    const EventSpec spec = makeSpec();
    int refused = 0;
    for (std::size_t i = 0; i + 4 < snapshot.size(); ++i) {
        for (std::uint8_t bit : { std::uint8_t { 0x01 }, std::uint8_t { 0x80 } }) {
            std::vector<std::uint8_t> bad = snapshot;
            bad[i] ^= bit;
            std::string error;
            const std::unique_ptr<Ledger> restored = Ledger::restore(spec, LedgerOptions {}, withValidCrc(bad), &error);
            if (restored == nullptr) {
                QVERIFY(!error.empty());
                ++refused;
                continue;
            }
            QVERIFY2(restored->invariantViolation().empty(), qPrintable(QStringLiteral("byte %1").arg(i)));
        }
    }
    QVERIFY(refused > 0);
}

void TestLedger::snapshotWithOverflowingAmountsIsRefused()
{
    // Ticket amounts that add up past INT64_MAX are corruption like any other: refused, without
    // signed overflow on the way (the sanitizer build aborts on it).
    Harness h;
    QCOMPARE(h.sell({ 1, 2 }), OrderId { 1 }); // two tickets of 5,000
    std::vector<std::uint8_t> snapshot = h.ledger->snapshot();
    std::uint8_t price[8];
    const Amount priceA = kPriceA;
    std::memcpy(price, &priceA, 8);
    std::vector<std::size_t> found;
    for (std::size_t i = 0; i + 8 + 4 <= snapshot.size(); ++i)
        if (std::memcmp(snapshot.data() + i, price, 8) == 0)
            found.push_back(i);
    QCOMPARE(found.size(), std::size_t { 2 }); // the two tickets' amounts
    const Amount huge = std::numeric_limits<Amount>::max();
    for (std::size_t i : found)
        std::memcpy(snapshot.data() + i, &huge, 8);
    std::string error;
    QVERIFY(Ledger::restore(makeSpec(), verifying(), withValidCrc(snapshot), &error) == nullptr);
    QVERIFY(!error.empty());
}

void TestLedger::replayLeavesNoDeltas()
{
    Harness h;
    QVERIFY(h.holdSeats({ 1, 2 }).ok());
    QVERIFY(h.holdArea(3).ok());
    const JournalBatch batch = h.ledger->takeBatch();
    Ledger fresh(makeSpec(), verifying());
    QVERIFY(fresh.replay(batch.bytes));
    const JournalBatch none = fresh.takeBatch();
    QVERIFY(none.empty());
    QVERIFY(none.seatDeltas.empty());
    QVERIFY(none.areaDeltas.empty());
    // The next batch publishes only what its own commands changed.
    Command hold = h.holdSeatsCommand({ 5 });
    QVERIFY(fresh.execute(hold).ok());
    const JournalBatch next = fresh.takeBatch();
    QCOMPARE(next.firstSeq, Seq { 3 });
    QCOMPARE(next.seatDeltas.size(), std::size_t { 1 });
    QCOMPARE(next.seatDeltas[0].seat, h.index(5));
    QVERIFY(next.areaDeltas.empty());
}

// replay() names the seats and GA areas its applied records touched, each once; records it has
// applied already (seq <= lastSeq) touch nothing.
void TestLedger::replayReportsWhatItChanged()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1, 2 });
    QVERIFY(held.ok());
    QVERIFY(h.release(held.hold).ok()); // seats 1 and 2 again, reported once each
    QVERIFY(h.holdSeats({ 4 }).ok());
    QVERIFY(h.holdArea(3).ok());
    const JournalBatch first = h.ledger->takeBatch();
    QVERIFY(h.holdSeats({ 6 }).ok());
    const JournalBatch second = h.ledger->takeBatch();

    Ledger fresh(makeSpec(), verifying());
    std::vector<SeatIndex> seats { 99 }; // replaced, not appended to
    std::vector<std::uint32_t> areas { 99 };
    QVERIFY(fresh.replay(first.bytes, &seats, &areas));
    std::sort(seats.begin(), seats.end());
    std::vector<SeatIndex> expected { h.index(1), h.index(2), h.index(4) };
    std::sort(expected.begin(), expected.end());
    QCOMPARE(seats, expected);
    QCOMPARE(areas, std::vector<std::uint32_t> { 0 });
    // The same batch again changes nothing; the next one only seat 6.
    QVERIFY(fresh.replay(first.bytes, &seats, &areas));
    QVERIFY(seats.empty() && areas.empty());
    QVERIFY(fresh.replay(second.bytes, &seats, nullptr));
    QCOMPARE(seats, std::vector<SeatIndex> { h.index(6) });
    // Nothing reported is left behind as a delta for the next live batch.
    QVERIFY(fresh.takeBatch().seatDeltas.empty());
}

void TestLedger::replayRejectsAGap()
{
    Harness h;
    QVERIFY(h.holdSeats({ 1 }).ok());
    const JournalBatch first = h.ledger->takeBatch();
    QVERIFY(h.holdSeats({ 2 }).ok());
    const JournalBatch second = h.ledger->takeBatch();
    QVERIFY(h.holdSeats({ 3 }).ok());
    const JournalBatch third = h.ledger->takeBatch();

    Ledger fresh(makeSpec(), verifying());
    QVERIFY(!fresh.replay(second.bytes));
    Ledger other(makeSpec(), verifying());
    QVERIFY(other.replay(first.bytes));
    QVERIFY(!other.replay(third.bytes));
}

void TestLedger::replayRejectsAnotherEvent()
{
    Harness h;
    QVERIFY(h.holdSeats({ 1 }).ok());
    const JournalBatch batch = h.ledger->takeBatch();
    Ledger other(makeSpec(kEventId + 1), verifying());
    QVERIFY(!other.replay(batch.bytes));
    QCOMPARE(other.lastSeq(), Seq { 0 });
}

void TestLedger::replayRejectsCorruptBytes()
{
    Harness h;
    QVERIFY(h.holdSeats({ 1, 2 }).ok());
    QVERIFY(h.holdArea(2).ok());
    const JournalBatch batch = h.ledger->takeBatch();
    // The body is covered by the CRC; of the header, the fields that identify and bound the batch.
    std::vector<std::size_t> offsets = { 0, 3, 4, 8, 15, 28, 31, 32, 35 };
    for (std::size_t i = kBatchHeaderBytes; i < batch.bytes->size(); i += 3)
        offsets.push_back(i);
    for (std::size_t i : offsets) {
        auto bad = std::make_shared<BatchBytes>(*batch.bytes);
        (*bad)[i] ^= 0x21;
        Ledger fresh(makeSpec(), verifying());
        QVERIFY2(!fresh.replay(bad), qPrintable(QStringLiteral("byte %1").arg(i)));
    }
    auto cut = std::make_shared<BatchBytes>(batch.bytes->begin(), batch.bytes->end() - 1);
    Ledger fresh(makeSpec(), verifying());
    QVERIFY(!fresh.replay(cut));
}

QTEST_APPLESS_MAIN(TestLedger)
#include "TestLedger.moc"
