// The runtime around the ledger: shards, the committer, restarts, subscribers, limits.

#include "runtime/Engine.h"
#include "support/TempDir.h"
#include "support/TestEvents.h"

#include <QTest>

#include <atomic>
#include <mutex>

using namespace usher;

namespace {

Command holdSeats(std::uint64_t key, std::vector<SeatId> seats, std::uint64_t buyer = 1)
{
    Command c;
    c.kind = CommandKind::HoldSeats;
    c.key = IdempotencyKey{77, key};
    c.actor = Actor{ActorKind::Buyer, buyer};
    c.channel = 1;
    c.seats = std::move(seats);
    return c;
}

Command confirm(std::uint64_t key, HoldId hold, std::uint64_t buyer = 1)
{
    Command c;
    c.kind = CommandKind::Confirm;
    c.key = IdempotencyKey{77, key};
    c.actor = Actor{ActorKind::Buyer, buyer};
    c.channel = 1;
    c.hold = hold;
    c.text = "card-ok";
    return c;
}

// Every seat's view, for comparing a ledger before and after a restart.
std::vector<std::tuple<int, int, HoldId, OrderId, TicketId>> seatStates(EventShard* shard)
{
    std::vector<std::tuple<int, int, HoldId, OrderId, TicketId>> states;
    shard->read([&](const Ledger& ledger) {
        for (SeatIndex s = 0; s < ledger.venue().seatCount(); ++s) {
            const SeatView v = ledger.seat(s);
            states.emplace_back(int(v.status), int(v.allocation), v.hold, v.order, v.ticket);
        }
    });
    return states;
}

class ManualClock {
public:
    Timestamp now() const { return m_now.load(); }
    void advance(Timestamp ms) { m_now += ms; }

private:
    std::atomic<Timestamp> m_now{1'000'000};
};

} // namespace

class TestEngineRuntime : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sellsAndSurvivesARestart()
    {
        test::TempDir dir;
        EngineOptions options;
        options.dataDirectory = dir.path();
        std::string error;
        std::vector<std::tuple<int, int, HoldId, OrderId, TicketId>> before;
        {
            auto engine = Engine::open(options, &error);
            QVERIFY2(engine != nullptr, error.c_str());
            QCOMPARE(engine->createEvent(test::makeTestEvent(5), &error), Status::Ok);
            EventShard* shard = engine->event(5);
            QVERIFY(shard != nullptr);
            const CommandResult held = shard->execute(holdSeats(1, {1, 2, 3}));
            QCOMPARE(held.status, Status::Ok);
            QCOMPARE(shard->execute(confirm(2, held.hold)).status, Status::Ok);
            QCOMPARE(shard->execute(holdSeats(3, {4})).status, Status::Ok);
            QCOMPARE(shard->execute(holdSeats(4, {3})).status, Status::SeatUnavailable);
            before = seatStates(shard);
        }
        auto engine = Engine::open(options, &error);
        QVERIFY2(engine != nullptr, error.c_str());
        QCOMPARE(engine->events(), std::vector<EventId>{5});
        EventShard* shard = engine->event(5);
        QVERIFY(seatStates(shard) == before);
        // The journal answers retries after the restart.
        const CommandResult again = shard->execute(holdSeats(1, {1, 2, 3}));
        QVERIFY(again.replayed);
        QCOMPARE(again.status, Status::Ok);
        StoredOrder order;
        engine->withStorage([&](Storage& storage) { storage.findOrder(5, 1, &order, &error); });
        QCOMPARE(order.tickets.size(), std::size_t(3));
    }

    void eventCatalogueErrors()
    {
        test::TempDir dir;
        EngineOptions options;
        options.dataDirectory = dir.path();
        std::string error;
        auto engine = Engine::open(options, &error);
        QVERIFY(engine != nullptr);
        QCOMPARE(engine->createEvent(test::makeTestEvent(5), &error), Status::Ok);
        QCOMPARE(engine->createEvent(test::makeTestEvent(5), &error), Status::EventExists);
        EventSpec broken = test::makeTestEvent(6);
        broken.currency = "XXX-NOT-A-CURRENCY";
        QCOMPARE(engine->createEvent(broken, &error), Status::InvalidArgument);
        QVERIFY(!error.empty());
        QVERIFY(engine->event(6) == nullptr);
    }

    void subscribersSeeDurableChanges()
    {
        test::TempDir dir;
        EngineOptions options;
        options.dataDirectory = dir.path();
        std::string error;
        auto engine = Engine::open(options, &error);
        QCOMPARE(engine->createEvent(test::makeTestEvent(5), &error), Status::Ok);
        EventShard* shard = engine->event(5);
        std::mutex mutex;
        std::vector<Published> seen;
        const int id = shard->subscribe([&](const Published& p) {
            std::lock_guard lock(mutex);
            seen.push_back(p);
        });
        const CommandResult held = shard->execute(holdSeats(1, {7, 8}));
        QCOMPARE(held.status, Status::Ok);
        // The completion comes after the commit and the publication happens in the same step,
        // so by now the change has been published.
        {
            std::lock_guard lock(mutex);
            QCOMPARE(seen.size(), std::size_t(1));
            QCOMPARE(seen[0].seats.size(), std::size_t(2));
            QCOMPARE(seen[0].seats[0].status, SeatStatus::Held);
            QCOMPARE(seen[0].seats[0].holder, (Actor{ActorKind::Buyer, 1}));
            QCOMPARE(seen[0].lastSeq, held.seq);
        }
        shard->unsubscribe(id);
        QCOMPARE(shard->execute(holdSeats(2, {9})).status, Status::Ok);
        std::lock_guard lock(mutex);
        QCOMPARE(seen.size(), std::size_t(1));
    }

    void expiryRunsOnTheShardsClock()
    {
        test::TempDir dir;
        ManualClock clock;
        EngineOptions options;
        options.dataDirectory = dir.path();
        options.shard.tickMs = 10;
        options.shard.clock = [&] { return clock.now(); };
        std::string error;
        auto engine = Engine::open(options, &error);
        EventSpec spec = test::makeTestEvent(5);
        spec.holdSeconds = 60;
        QCOMPARE(engine->createEvent(spec, &error), Status::Ok);
        EventShard* shard = engine->event(5);
        const CommandResult held = shard->execute(holdSeats(1, {1}));
        QCOMPARE(held.expiresAt, clock.now() + 60'000);
        clock.advance(59'999);
        QTest::qWait(50);
        auto status = [&] {
            SeatStatus s = SeatStatus::Available;
            shard->read([&](const Ledger& ledger) { s = ledger.seatStatus(0); });
            return s;
        };
        QCOMPARE(status(), SeatStatus::Held);
        clock.advance(1);
        QTRY_COMPARE(status(), SeatStatus::Available);
        QCOMPARE(shard->execute(confirm(2, held.hold)).status, Status::HoldNotFound);
    }

    void boundedQueueAndShutdown()
    {
        test::TempDir dir;
        EngineOptions options;
        options.dataDirectory = dir.path();
        options.shard.queueCommandsMax = 64;
        options.shard.batchCommandsMax = 16;
        std::string error;
        auto engine = Engine::open(options, &error);
        QCOMPARE(engine->createEvent(test::makeTestEvent(5), &error), Status::Ok);
        EventShard* shard = engine->event(5);
        std::vector<Command> tooMany;
        for (std::uint64_t i = 0; i < 65; ++i)
            tooMany.push_back(holdSeats(100 + i, {SeatId(1 + i % 100)}));
        bool called = false;
        QCOMPARE(shard->submit(tooMany, [&](std::vector<CommandResult>&&) { called = true; }), Status::QueueFull);
        QVERIFY(!called);
        QVERIFY(shard->stats().rejectedQueueFull >= 1);

        // Results come back in submission order, one per command.
        std::vector<Command> some(tooMany.begin(), tooMany.begin() + 40);
        const std::vector<CommandResult> results = shard->execute(some);
        QCOMPARE(results.size(), std::size_t(40));
        for (std::size_t i = 0; i < results.size(); ++i)
            QCOMPARE(results[i].seq, results[0].seq + i);

        shard->stop();
        QCOMPARE(shard->execute(holdSeats(999, {99})).status, Status::ShuttingDown);
    }

    void periodicSnapshotsFollowTheJournal()
    {
        // Due every record here, yet a snapshot waits until as many journal bytes followed the
        // previous one as it had itself (docs/design/cold-start.md).
        test::TempDir dir;
        EngineOptions options;
        options.dataDirectory = dir.path();
        options.shard.snapshotEveryRecords = 1;
        std::string error;
        auto engine = Engine::open(options, &error);
        QVERIFY2(engine != nullptr, error.c_str());
        QCOMPARE(engine->createEvent(test::makeTestEvent(5, 4, 10, 25), &error), Status::Ok);
        EventShard* shard = engine->event(5);
        const auto stored = [&](Seq* seq, std::size_t* bytes) {
            std::vector<std::uint8_t> snapshot;
            engine->withStorage([&](Storage& storage) { storage.loadSnapshot(5, &snapshot, seq, &error); });
            *bytes = snapshot.size();
        };
        const auto journalBytesAfter = [&](Seq seq) {
            std::uint64_t bytes = 0;
            engine->withStorage([&](Storage& storage) {
                storage.readJournal(5, seq + 1, [&](const BatchPtr& batch) { return bytes += batch->size(), true; },
                                    &error);
            });
            return bytes;
        };
        Seq lastSeq = 0;
        std::size_t lastBytes = 0;
        int snapshots = 0;
        for (std::uint64_t i = 0; i < 600; ++i) { // one command, one batch
            QCOMPARE(shard->execute(holdSeats(i + 1, {SeatId(1 + i)})).status, Status::Ok);
            Seq seq = 0;
            std::size_t bytes = 0;
            stored(&seq, &bytes);
            if (seq == lastSeq)
                continue;
            QVERIFY2(snapshots == 0 || journalBytesAfter(lastSeq) >= lastBytes,
                     ("snapshot at seq " + std::to_string(seq) + " after " + std::to_string(journalBytesAfter(lastSeq))
                      + " journal bytes, the previous one had " + std::to_string(lastBytes))
                         .c_str());
            ++snapshots;
            lastSeq = seq;
            lastBytes = bytes;
        }
        QCOMPARE(lastSeq > 0, true);
        QVERIFY2(snapshots >= 2 && snapshots < 300, std::to_string(snapshots).c_str()); // periodic, not per record
    }

    void groupCommitAcrossEvents()
    {
        test::TempDir dir;
        EngineOptions options;
        options.dataDirectory = dir.path();
        std::string error;
        auto engine = Engine::open(options, &error);
        QCOMPARE(engine->createEvent(test::makeTestEvent(5, 4, 10, 25), &error), Status::Ok);
        QCOMPARE(engine->createEvent(test::makeTestEvent(6, 4, 10, 25), &error), Status::Ok);
        std::atomic<int> outstanding{0};
        for (EventId event : {EventId(5), EventId(6)}) {
            for (std::uint64_t i = 0; i < 1000; ++i) {
                ++outstanding;
                const Status status = engine->event(event)->submit(
                    {holdSeats(i + 1, {SeatId(1 + i)})}, [&](std::vector<CommandResult>&&) { --outstanding; });
                QCOMPARE(status, Status::Ok);
            }
        }
        QTRY_COMPARE_WITH_TIMEOUT(outstanding.load(), 0, 20'000);
        const CommitterStats stats = engine->committerStats();
        QCOMPARE(stats.records, std::uint64_t(2000));
        // 2,000 commands, far fewer transactions: batches are grouped.
        QVERIFY2(stats.transactions < 500, std::to_string(stats.transactions).c_str());
    }
};

QTEST_GUILESS_MAIN(TestEngineRuntime)
#include "TestEngineRuntime.moc"
