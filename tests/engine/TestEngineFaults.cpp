// Storage faults through the whole engine, SQLite style: fail the Nth write (as a full disk
// would) for N = 1, 2, ... until an operation gets through untouched, and after every failure
// check that the batch failed cleanly, nothing acknowledged was lost, no command took effect twice,
// and the engine serves again once the fault clears. Then the same with failures that persist, and
// with failing fsyncs.

#include "runtime/Engine.h"
#include "support/FaultVfs.h"
#include "support/TempDir.h"
#include "support/TestEvents.h"

#include <QTest>

#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <thread>

using namespace usher;
using test::FaultVfs;

namespace {

constexpr EventId kEvent = 3;

EngineOptions faultyOptions(const std::string& dir)
{
    EngineOptions options;
    options.dataDirectory = dir;
    options.sqliteVfs = FaultVfs::instance().name();
    options.shard.tickMs = 20;
    return options;
}

struct Sale {
    OrderId order = 0;
    std::vector<SeatId> seats;
};

// Sells seats through the engine, retrying each command with its key until the engine answers
// something other than a storage status, and remembers what was acknowledged.
class Seller {
public:
    explicit Seller(EventShard* shard) : m_shard(shard) {}

    // Returns the statuses seen on the way (for the test to see that faults did hit).
    std::vector<Status> sell(std::vector<SeatId> seats)
    {
        std::vector<Status> seen;
        Command hold;
        hold.kind = CommandKind::HoldSeats;
        hold.key = IdempotencyKey{1, ++m_keys};
        hold.actor = Actor{ActorKind::Buyer, 5};
        hold.channel = 1;
        hold.seats = seats;
        const CommandResult held = retry(hold, &seen);
        if (held.status != Status::Ok)
            return seen;
        Command confirm;
        confirm.kind = CommandKind::Confirm;
        confirm.key = IdempotencyKey{1, ++m_keys};
        confirm.actor = hold.actor;
        confirm.channel = 1;
        confirm.hold = held.hold;
        confirm.text = "cash";
        const CommandResult sold = retry(confirm, &seen);
        if (sold.status == Status::Ok)
            m_sales[sold.order] = Sale{sold.order, seats};
        return seen;
    }

    const std::map<OrderId, Sale>& sales() const { return m_sales; }

private:
    CommandResult retry(const Command& command, std::vector<Status>* seen)
    {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        for (;;) {
            const CommandResult result = m_shard->execute(command);
            seen->push_back(result.status);
            const bool storage = result.status == Status::StorageFailed || result.status == Status::StorageUnavailable;
            if (!storage || std::chrono::steady_clock::now() > deadline)
                return result;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }

    EventShard* m_shard;
    std::map<OrderId, Sale> m_sales;
    std::uint64_t m_keys = 0;
};

// Every acknowledged sale is there, nothing else was sold, and the invariants hold.
std::string checkSales(EventShard* shard, const std::map<OrderId, Sale>& sales)
{
    std::string problem;
    shard->read([&](const Ledger& ledger) {
        problem = ledger.invariantViolation();
        if (!problem.empty())
            return;
        if (ledger.counts().orders != sales.size()) {
            problem = "the ledger has " + std::to_string(ledger.counts().orders) + " orders, "
                      + std::to_string(sales.size()) + " were acknowledged";
            return;
        }
        for (const auto& [id, sale] : sales) {
            const Order* order = ledger.order(id);
            if (order == nullptr || order->ticketCount != sale.seats.size()) {
                problem = "acknowledged order " + std::to_string(id) + " is missing";
                return;
            }
            for (SeatId seat : sale.seats)
                if (ledger.seat(ledger.venue().seatIndex(seat)).order != id)
                    problem = "seat " + std::to_string(seat) + " is not sold to order " + std::to_string(id);
        }
    });
    return problem;
}

bool contains(const std::vector<Status>& statuses, Status status)
{
    return std::find(statuses.begin(), statuses.end(), status) != statuses.end();
}

} // namespace

class TestEngineFaults : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { FaultVfs::instance().reset(); }
    void cleanup() { FaultVfs::instance().reset(); }

    void failNthWriteOnce()
    {
        test::TempDir dir;
        std::string error;
        auto engine = Engine::open(faultyOptions(dir.path()), &error);
        QVERIFY2(engine != nullptr, error.c_str());
        QCOMPARE(engine->createEvent(test::makeTestEvent(kEvent, 2, 10, 20, 0), &error), Status::Ok);
        Seller seller(engine->event(kEvent));
        seller.sell({1, 2});
        int faultsHit = 0;
        SeatId next = 3;
        for (std::uint64_t n = 1;; ++n) {
            QVERIFY2(n < 200, "an operation never got through without hitting the fault");
            FaultVfs::instance().failWritesFrom(n, /*persistent=*/false);
            const std::vector<Status> seen = seller.sell({next, next + 1});
            next += 2;
            const bool hit = FaultVfs::instance().failures() > 0;
            FaultVfs::instance().disarm();
            faultsHit += hit ? 1 : 0;
            QVERIFY2(!hit || contains(seen, Status::StorageFailed), "a failed write was not reported");
            const std::string problem = checkSales(engine->event(kEvent), seller.sales());
            QVERIFY2(problem.empty(), ("after failing write " + std::to_string(n) + ": " + problem).c_str());
            if (!hit)
                break; // the whole operation needed fewer than n writes
        }
        std::printf("fault loop: failed write N for N = 1..%d, %d of them hit a commit\n", int(next - 3) / 2, faultsHit);
        QVERIFY2(faultsHit >= 2, "the fault loop never failed a write");
        QCOMPARE(seller.sales().size(), std::size_t(next - 3) / 2 + 1);

        // And everything is still there after a restart.
        engine.reset();
        engine = Engine::open(faultyOptions(dir.path()), &error);
        QVERIFY2(engine != nullptr, error.c_str());
        const std::string problem = checkSales(engine->event(kEvent), seller.sales());
        QVERIFY2(problem.empty(), problem.c_str());
    }

    void persistentFailureThenRecovery()
    {
        test::TempDir dir;
        std::string error;
        auto engine = Engine::open(faultyOptions(dir.path()), &error);
        QVERIFY2(engine != nullptr, error.c_str());
        QCOMPARE(engine->createEvent(test::makeTestEvent(kEvent, 2, 10, 20, 0), &error), Status::Ok);
        EventShard* shard = engine->event(kEvent);
        Seller seller(shard);
        seller.sell({1, 2, 3});

        FaultVfs::instance().failWritesFrom(1, /*persistent=*/true);
        Command hold;
        hold.kind = CommandKind::HoldSeats;
        hold.key = IdempotencyKey{9, 1};
        hold.actor = Actor{ActorKind::Buyer, 5};
        hold.channel = 1;
        hold.seats = {10};
        for (int attempt = 0; attempt < 20; ++attempt) {
            const Status status = shard->execute(hold).status;
            QVERIFY2(status == Status::StorageFailed || status == Status::StorageUnavailable, statusName(status));
        }
        SeatStatus seat10 = SeatStatus::Held;
        shard->read([&](const Ledger& ledger) { seat10 = ledger.seatStatus(ledger.venue().seatIndex(10)); });
        QCOMPARE(seat10, SeatStatus::Available); // nothing of a failed batch stays visible

        FaultVfs::instance().disarm();
        QTRY_COMPARE_WITH_TIMEOUT(shard->execute(hold).status, Status::Ok, 10'000);
        seller.sell({4, 5});
        const std::string problem = checkSales(shard, seller.sales());
        QVERIFY2(problem.empty(), problem.c_str());
        QVERIFY(shard->stats().recoveries >= 1);
    }

    void failingFsyncs()
    {
        test::TempDir dir;
        std::string error;
        auto engine = Engine::open(faultyOptions(dir.path()), &error);
        QVERIFY2(engine != nullptr, error.c_str());
        QCOMPARE(engine->createEvent(test::makeTestEvent(kEvent, 2, 10, 20, 0), &error), Status::Ok);
        Seller seller(engine->event(kEvent));
        SeatId next = 1;
        for (std::uint64_t n = 1; n <= 12; ++n) {
            FaultVfs::instance().failWritesFrom(n, false, SQLITE_IOERR_WRITE, FaultVfs::Write | FaultVfs::Sync);
            seller.sell({next, next + 1});
            next += 2;
            FaultVfs::instance().disarm();
            const std::string problem = checkSales(engine->event(kEvent), seller.sales());
            QVERIFY2(problem.empty(), ("after failing fsync " + std::to_string(n) + ": " + problem).c_str());
        }
        engine.reset();
        engine = Engine::open(faultyOptions(dir.path()), &error);
        QVERIFY2(engine != nullptr, error.c_str());
        const std::string problem = checkSales(engine->event(kEvent), seller.sales());
        QVERIFY2(problem.empty(), problem.c_str());
    }
};

QTEST_GUILESS_MAIN(TestEngineFaults)
#include "TestEngineFaults.moc"
