// Crash test: a child process sells under load on a real SQLite data directory and is killed with
// SIGKILL at a random moment; the parent reopens the directory, checks every invariant and that
// every sale the child saw acknowledged is there, retries some acknowledged commands to check they
// are answered from the journal, and starts the next child on the same directory. Repeat.
//
//   TestCrash                       20 kill cycles with seed 1 (CI)
//   TestCrash --cycles N --seed S   more, or another seed
//
// The child's protocol on stdout (one line per acknowledged operation, flushed at once):
//   SOLD <keyHi> <keyLo> <actorId> <hold> <order> <amount> <code> <code> ...
//   REFUNDED <order>

#include "core/Random.h"
#include "event/EventSpecJson.h"
#include "runtime/Engine.h"
#include "support/TempDir.h"
#include "support/TestEvents.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTest>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

using namespace usher;

namespace {

std::uint64_t g_seed = 1;
int g_cycles = 20;
constexpr EventId kEvent = 7;

EngineOptions engineOptions(const std::string& dir)
{
    EngineOptions options;
    options.dataDirectory = dir;
    options.shard.snapshotEveryRecords = 3000; // snapshots often, so kills land in them too
    options.shard.batchCommandsMax = 256;
    return options;
}

// ---- the child ------------------------------------------------------------------------------------

std::mutex g_printMutex;

void printLine(const std::string& line)
{
    std::lock_guard lock(g_printMutex);
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

// One buyer thread: hold a few seats, then buy (mostly) or walk away; sometimes a clerk refunds.
void sellLoop(EventShard* shard, std::uint64_t seed, int worker, std::atomic<bool>* stop)
{
    Prng rng(seed * 1000 + std::uint64_t(worker));
    const std::uint32_t seats = shard->spec().venue->seatCount();
    std::uint64_t n = 0;
    std::vector<OrderId> myOrders;
    while (!stop->load()) {
        const Actor buyer{ActorKind::Buyer, 1 + std::uint64_t(worker)};
        Command hold;
        hold.kind = CommandKind::HoldSeats;
        hold.key = IdempotencyKey{seed << 8 | std::uint64_t(worker), ++n};
        hold.actor = buyer;
        hold.channel = 1;
        for (auto count = 1 + rng.below(4); count > 0; --count)
            hold.seats.push_back(shard->spec().venue->seats[rng.below(seats)].id);
        const CommandResult held = shard->execute(hold);
        if (held.status == Status::Ok && rng.chance(85)) {
            Command confirm;
            confirm.kind = CommandKind::Confirm;
            confirm.key = IdempotencyKey{seed << 8 | std::uint64_t(worker), ++n};
            confirm.actor = buyer;
            confirm.channel = 1;
            confirm.hold = held.hold;
            confirm.text = "pay-" + std::to_string(confirm.key.lo);
            const CommandResult sold = shard->execute(confirm);
            if (sold.status == Status::Ok) {
                std::ostringstream line;
                line << "SOLD " << confirm.key.hi << ' ' << confirm.key.lo << ' ' << buyer.id << ' ' << held.hold << ' '
                     << sold.order << ' ' << sold.amount;
                for (const IssuedTicket& t : sold.tickets)
                    line << ' ' << ticketCodeText(t.code);
                printLine(line.str());
                myOrders.push_back(sold.order);
            }
        } else if (held.status == Status::Ok) {
            Command release;
            release.kind = CommandKind::Release;
            release.key = IdempotencyKey{seed << 8 | std::uint64_t(worker), ++n};
            release.actor = buyer;
            release.channel = 1;
            release.hold = held.hold;
            shard->execute(release);
        }
        if (!myOrders.empty() && rng.chance(15)) {
            Command refund;
            refund.kind = CommandKind::Refund;
            refund.key = IdempotencyKey{seed << 8 | std::uint64_t(worker), ++n};
            refund.actor = Actor{ActorKind::Clerk, 99};
            refund.order = myOrders[rng.below(myOrders.size())];
            refund.text = "customer request";
            if (shard->execute(refund).status == Status::Ok)
                printLine("REFUNDED " + std::to_string(refund.order));
        }
    }
}

int runChild(const std::string& dir, std::uint64_t seed)
{
    std::string error;
    auto engine = Engine::open(engineOptions(dir), &error);
    if (engine == nullptr) {
        std::fprintf(stderr, "child: %s\n", error.c_str());
        return 3;
    }
    if (engine->event(kEvent) == nullptr) {
        const Status status = engine->createEvent(test::makeTestEvent(kEvent, 4, 10, 25, 0), &error);
        if (status != Status::Ok) {
            std::fprintf(stderr, "child: createEvent: %s\n", error.c_str());
            return 3;
        }
    }
    printLine("READY");
    std::atomic<bool> stop{false};
    std::vector<std::thread> workers;
    for (int w = 0; w < 6; ++w)
        workers.emplace_back(sellLoop, engine->event(kEvent), seed, w, &stop);
    for (std::thread& t : workers)
        t.join(); // never: the parent kills us
    return 0;
}

// ---- the parent -----------------------------------------------------------------------------------

struct Sale {
    IdempotencyKey key;
    std::uint64_t buyer = 0;
    HoldId hold = 0;
    OrderId order = 0;
    Amount amount = 0;
    std::vector<std::string> codes;
};

void parseChildOutput(const QByteArray& output, std::map<OrderId, Sale>* sales, std::set<OrderId>* refunded)
{
    // Only complete lines count: a kill may cut the last one short, and that sale was never
    // acknowledged to anyone.
    const QList<QByteArray> lines = output.split('\n');
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        std::istringstream in(lines[i].toStdString());
        std::string word;
        in >> word;
        if (word == "SOLD") {
            Sale sale;
            in >> sale.key.hi >> sale.key.lo >> sale.buyer >> sale.hold >> sale.order >> sale.amount;
            for (std::string code; in >> code;)
                sale.codes.push_back(code);
            (*sales)[sale.order] = sale;
        } else if (word == "REFUNDED") {
            OrderId order = 0;
            in >> order;
            refunded->insert(order);
        }
    }
}

} // namespace

class TestCrash : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void killNineAtRandomMoments()
    {
        test::TempDir dir;
        QVERIFY(dir.isValid());
        Prng rng(g_seed);
        std::map<OrderId, Sale> sales;
        std::set<OrderId> refunded;
        for (int cycle = 0; cycle < g_cycles; ++cycle) {
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(),
                        {QStringLiteral("--child"), QString::fromStdString(dir.path()),
                         QString::number(g_seed * 1000 + std::uint64_t(cycle))});
            QVERIFY2(child.waitForStarted(10'000), "child did not start");
            // Kill at a random moment: sometimes during start-up and replay, mostly under load.
            const int delayMs = rng.chance(15) ? int(rng.below(60)) : 100 + int(rng.below(700));
            QTest::qWait(delayMs);
            child.kill(); // SIGKILL
            QVERIFY(child.waitForFinished(10'000));
            const QByteArray errors = child.readAllStandardError();
            QVERIFY2(!errors.contains("assertion") && !errors.contains("invariant"), errors.constData());
            parseChildOutput(child.readAllStandardOutput(), &sales, &refunded);
            verifyAfterCrash(dir.path(), sales, refunded, cycle);
            if (QTest::currentTestFailed())
                return;
        }
        std::printf("%d kill cycles; %zu acknowledged sales and %zu refunds verified\n", g_cycles, sales.size(),
                    refunded.size());
        QVERIFY2(sales.size() > 50, "the children sold too little for the test to mean anything");
    }

private:
    void verifyAfterCrash(const std::string& dir, const std::map<OrderId, Sale>& sales,
                          const std::set<OrderId>& refunded, int cycle)
    {
        std::string error;
        auto engine = Engine::open(engineOptions(dir), &error);
        QVERIFY2(engine != nullptr, error.c_str());
        EventShard* shard = engine->event(kEvent);
        if (shard == nullptr) {
            QVERIFY2(sales.empty(), "acknowledged sales but no event after the crash");
            return;
        }
        std::string problem;
        shard->read([&](const Ledger& ledger) {
            problem = ledger.invariantViolation();
            for (const auto& [id, sale] : sales) {
                const Order* order = ledger.order(id);
                if (order == nullptr || order->amount != sale.amount || order->hold != sale.hold
                    || order->ticketCount != sale.codes.size()) {
                    problem = "acknowledged order " + std::to_string(id) + " is missing or different";
                    return;
                }
                for (std::uint32_t i = 0; i < order->ticketCount; ++i) {
                    const Ticket* t = ledger.ticket(order->firstTicket + i);
                    if (ticketCodeText(t->code) != sale.codes[i])
                        problem = "ticket code of order " + std::to_string(id) + " changed";
                    if (refunded.count(id) != 0 && t->status != TicketStatus::Refunded)
                        problem = "acknowledged refund of order " + std::to_string(id) + " is missing";
                }
            }
        });
        QVERIFY2(problem.empty(), ("cycle " + std::to_string(cycle) + ": " + problem).c_str());
        retryAcknowledged(shard, sales);
        checkProjection(*engine, sales);
    }

    // A retried purchase must get the recorded answer, not a second order.
    void retryAcknowledged(EventShard* shard, const std::map<OrderId, Sale>& sales)
    {
        int retried = 0;
        for (auto it = sales.rbegin(); it != sales.rend() && retried < 5; ++it, ++retried) {
            const Sale& sale = it->second;
            Command confirm;
            confirm.kind = CommandKind::Confirm;
            confirm.key = sale.key;
            confirm.actor = Actor{ActorKind::Buyer, sale.buyer};
            confirm.channel = 1;
            confirm.hold = sale.hold;
            confirm.text = "pay-" + std::to_string(sale.key.lo);
            const CommandResult again = shard->execute(confirm);
            QCOMPARE(statusName(again.status), statusName(Status::Ok));
            QVERIFY(again.replayed);
            QCOMPARE(again.order, sale.order);
        }
    }

    // The orders table (what the box office queries) agrees with the ledger for every sale.
    void checkProjection(Engine& engine, const std::map<OrderId, Sale>& sales)
    {
        std::string problem;
        engine.withStorage([&](Storage& storage) {
            for (const auto& [id, sale] : sales) {
                StoredOrder stored;
                std::string error;
                if (storage.findOrder(kEvent, id, &stored, &error) != Status::Ok || stored.amount != sale.amount
                    || stored.tickets.size() != sale.codes.size()) {
                    problem = "order " + std::to_string(id) + " missing from the orders table: " + error;
                    return;
                }
                for (std::size_t i = 0; i < stored.tickets.size(); ++i)
                    if (stored.tickets[i].code != sale.codes[i])
                        problem = "orders table has another code for order " + std::to_string(id);
            }
        });
        QVERIFY2(problem.empty(), problem.c_str());
    }
};

int main(int argc, char** argv)
{
    if (argc == 4 && std::strcmp(argv[1], "--child") == 0)
        return runChild(argv[2], std::strtoull(argv[3], nullptr, 10));
    std::vector<char*> rest;
    for (int i = 0; i < argc; ++i) {
        if (i + 1 < argc && std::strcmp(argv[i], "--seed") == 0)
            g_seed = std::strtoull(argv[++i], nullptr, 10);
        else if (i + 1 < argc && std::strcmp(argv[i], "--cycles") == 0)
            g_cycles = std::atoi(argv[++i]);
        else
            rest.push_back(argv[i]);
    }
    QCoreApplication app(argc, argv);
    TestCrash test;
    return QTest::qExec(&test, static_cast<int>(rest.size()), rest.data());
}

#include "TestCrash.moc"
