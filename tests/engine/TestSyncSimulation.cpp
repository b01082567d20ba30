// Seeded simulation of box office ↔ central sync (issue 6, docs/sync-protocol.md): one central node
// and three box offices over a network that drops, duplicates, delays, reorders and cuts; nodes
// crash at random moments (also between two durable steps of one operation) and restart from their
// SQLite files; clerks sell, refund and exchange offline and online, online buyers buy, promoters
// grant and take back allocations, of seats and of GA places (a standing area of 30). Then the network heals and every node must converge, with:
//   * no seat sold twice anywhere (each ledger's invariants, and every box office's sales matching
//     central's ticket by ticket),
//   * no GA area oversold (every pool's sold + held within its capacity on every node, the pools
//     adding up to the area) and each box office's GA pool equal to central's pool for its channel,
//   * every sale acknowledged to a clerk or a buyer present on central, GA places included,
//   * the journals agreeing: the same orders, tickets, refunds and allocations on both sides.
// A failure prints its seed; replay it with
//
//   TestSyncSimulation --seed <seed> [--steps <n>]
//
// and sweep other seeds with --first <seed> --seeds <count>.
// The default run is 1,000 seeds (200 under the sanitizers) of 120 steps each. The nodes' files
// go to /dev/shm when it exists (the run is then bound by the CPU, not by the disk).

#include "core/Random.h"
#include "support/SimLedger.h"
#include "support/SimNetwork.h"
#include "support/TestEvents.h"
#include "sync/SyncBoxOffice.h"
#include "sync/SyncCentral.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <set>

using namespace usher;

namespace {

std::uint64_t g_seed = 0; // 0: run g_seeds seeds from g_first
std::uint64_t g_first = 1;
#if defined(__SANITIZE_ADDRESS__)
std::uint64_t g_seeds = 200; // the sanitizer build looks for memory errors; the normal build runs 1,000 seeds
#else
std::uint64_t g_seeds = 1000;
#endif
std::uint64_t g_steps = 120;

constexpr int kOffices = 3;
constexpr ChannelId kOnline = 1;
constexpr EventId kEvent = 7;
constexpr AreaId kArea = 1;
constexpr std::uint32_t kAreaCapacity = 30;

struct SimCrash {
    int node;
};

EventSpec syncEvent()
{
    EventSpec spec = test::makeTestEvent(kEvent, 2, 3, 8, kAreaCapacity); // 48 seats and a standing area
    constexpr Timestamp offsale = std::numeric_limits<Timestamp>::max() / 2;
    spec.channels = { { kOnline, "Online", ChannelKind::Online, 0, offsale } };
    for (int i = 0; i < kOffices; ++i)
        spec.channels.push_back({ static_cast<ChannelId>(2 + i), "Box office " + std::to_string(i + 1),
                                  ChannelKind::BoxOffice, 0, offsale });
    const std::string problem = spec.finalize();
    if (!problem.empty())
        qFatal("sync simulation event is invalid: %s", problem.c_str());
    return spec;
}

struct Stats {
    std::uint64_t localSales = 0, onlineSales = 0, buyerSales = 0, refunds = 0, exchanges = 0, grants = 0,
                  takeBacks = 0, crashes = 0, cuts = 0, failClosed = 0, convergeMs = 0, counterSales = 0,
                  counterRefunds = 0, counterExchanges = 0, openCarts = 0, gaSales = 0, gaCounterSales = 0,
                  gaBuyerSales = 0, gaGrants = 0, gaTakeBacks = 0, gaPlacesReleased = 0;
} g_stats;

class SyncSimulation {
public:
    SyncSimulation(std::uint64_t seed, const EventSpec& spec)
        : m_seed(seed)
        , m_rng(seed)
        , m_net(seed * 0x9e3779b97f4a7c15ull + 1)
        , m_spec(spec)
    {
    }

    std::string run(std::uint64_t steps)
    {
        if (std::string problem = setUp(); !problem.empty())
            return fail(problem);
        m_net.setFaults(test::SimFaults { 5, 3, 1, 400 });
        m_crashes = true;
        for (m_step = 0; m_step < steps; ++m_step) {
            m_now += 1 + static_cast<Timestamp>(m_rng.below(300));
            deliver();
            if (!m_problem.empty())
                return fail(m_problem);
            act();
            drive();
            restartDue();
        }
        if (std::string problem = converge(); !problem.empty())
            return fail(problem);
        if (std::string problem = check(); !problem.empty())
            return fail(problem);
        return {};
    }

private:
    struct Node {
        std::unique_ptr<test::SimLedger> ledger;
        bool up = false;
        Timestamp restartAt = 0;
    };
    struct Office : Node {
        int index = 0;
        std::string device;
        std::string token;
        ChannelId channel = 0;
        std::unique_ptr<SyncBoxOffice> sync;
        std::uint64_t connection = 0;
        std::vector<std::string> sales; // sale op ids acknowledged to a clerk
        // Restarted: the counter's open-cart recovery confirms or releases the carts a crash left.
        bool recoverCarts = false;
        // The counter's GA holds, as commands: a GA hold has no seat to find it by, and a crash right
        // after its commit leaves no hold id; run again (same key) the ledger answers it.
        std::vector<Command> gaCarts;
    };
    struct Central : Node {
        std::unique_ptr<SyncCentral> sync;
    };
    struct OnlineSale {
        OrderId order = 0;
        std::size_t seats = 0;
    };

    std::string fail(const std::string& what) const
    {
        return "seed " + std::to_string(m_seed) + ", step " + std::to_string(m_step) + ", t=" + std::to_string(m_now)
            + ": " + what;
    }

    std::string path(const std::string& name) const
    {
        return m_dir.filePath(QString::fromStdString(name)).toStdString();
    }

    static QString tempTemplate()
    {
        const QFileInfo shm(QStringLiteral("/dev/shm"));
        const QString base = shm.isDir() && shm.isWritable() ? shm.filePath() : QDir::tempPath();
        return base + QStringLiteral("/usher-sync-sim-XXXXXX");
    }

    std::function<void(const char*)> crashHook(int node)
    {
        return [this, node](const char*) {
            if (m_crashes && m_rng.below(1000) < 4)
                throw SimCrash { node };
        };
    }

    template <typename F>
    bool guard(F&& f)
    {
        try {
            f();
            return true;
        } catch (const SimCrash& crash) {
            crashNode(crash.node);
            return false;
        }
    }

    // ---- nodes ----

    std::string setUp()
    {
        if (!m_dir.isValid())
            return "no temporary directory";
        m_offices.resize(kOffices);
        for (int i = 0; i < kOffices; ++i) {
            Office& o = m_offices[static_cast<std::size_t>(i)];
            o.index = i + 1;
            o.device = "box-" + std::to_string(i + 1);
            o.token = "token-of-box-office-" + std::to_string(i + 1) + "-" + std::to_string(m_seed);
            o.channel = static_cast<ChannelId>(2 + i);
        }
        if (!startCentral())
            return "central does not start: " + m_error;
        for (Office& o : m_offices) {
            if (!m_central.sync->enrol(o.device, o.token, o.channel, &m_error))
                return "cannot enrol: " + m_error;
            if (!startOffice(o))
                return "a box office does not start: " + m_error;
            std::vector<SeatId> seats = centralSeats(
                [](const SeatView& v) { return v.status == SeatStatus::Available && v.allocation == kOpenPool; }, 6);
            std::uint64_t id = 0;
            if (m_central.sync->grant(o.device, kEvent, seats, m_now, &id) != Status::Ok)
                return "the first grant failed";
            if (m_central.sync->grantArea(o.device, kEvent, kArea, 3, m_now, &id) != Status::Ok)
                return "the first grant of places failed";
        }
        return {};
    }

    bool startCentral()
    {
        m_central.ledger = test::SimLedger::open(path("central.db"), m_spec, crashHook(0), &m_error);
        if (m_central.ledger == nullptr)
            return false;
        SyncCentralOptions options;
        options.storePath = path("central-sync.db");
        options.durability = SyncDurability::Off;
        options.retransmitMs = 1000;
        options.crashPoint = crashHook(0);
        m_central.sync = SyncCentral::open(options, *m_central.ledger, m_now, &m_error);
        if (m_central.sync == nullptr)
            return false;
        m_central.up = true;
        return true;
    }

    bool startOffice(Office& o)
    {
        o.ledger = test::SimLedger::open(path(o.device + ".db"), m_spec, crashHook(o.index), &m_error);
        if (o.ledger == nullptr)
            return false;
        SyncBoxOfficeOptions options;
        options.device = o.device;
        options.token = o.token;
        options.channel = o.channel;
        options.outboxPath = path(o.device + "-outbox.db");
        options.durability = SyncDurability::Off;
        options.backoffBaseMs = 200;
        options.backoffMaxMs = 5000;
        options.retransmitMs = 1000;
        options.handshakeTimeoutMs = 3000;
        options.opsPerMessageMax = 1 + static_cast<std::size_t>(m_rng.below(8));
        options.opsInFlightMax = 8;
        options.seed = m_seed * 31 + static_cast<std::uint64_t>(o.index);
        options.crashPoint = crashHook(o.index);
        o.sync = SyncBoxOffice::open(options, *o.ledger, m_now, &m_error);
        if (o.sync == nullptr)
            return false;
        o.up = true;
        o.recoverCarts = true;
        o.connection = 0;
        return true;
    }

    void crashNode(int node)
    {
        ++g_stats.crashes;
        Node* n = &m_central;
        if (node == 0) {
            m_central.sync.reset();
        } else {
            Office& o = m_offices[static_cast<std::size_t>(node - 1)];
            o.sync.reset();
            o.connection = 0;
            n = &o;
        }
        n->ledger.reset();
        n->up = false;
        n->restartAt = m_now + 50 + static_cast<Timestamp>(m_rng.below(5000));
        m_net.crash(node, m_now);
    }

    void restartDue()
    {
        if (!m_central.up && m_now >= m_central.restartAt) {
            bool started = false;
            if (guard([&] { started = startCentral(); }) && !started)
                m_problem = "central does not restart: " + m_error;
        }
        for (Office& o : m_offices) {
            if (o.up || m_now < o.restartAt)
                continue;
            bool started = false;
            if (guard([&] { started = startOffice(o); }) && !started)
                m_problem = o.device + " does not restart: " + m_error;
        }
    }

    Office& office(int index) { return m_offices[static_cast<std::size_t>(index - 1)]; }

    // ---- the network ----

    void deliver()
    {
        for (test::SimDelivery& d : m_net.due(m_now)) {
            if (d.to == 0)
                deliverToCentral(d);
            else
                deliverToOffice(office(d.to), d);
        }
    }

    void deliverToCentral(const test::SimDelivery& d)
    {
        if (!m_central.up)
            return;
        guard([&] {
            if (d.kind == test::SimDelivery::Kind::Opened)
                m_central.sync->opened(d.connection);
            else if (d.kind == test::SimDelivery::Kind::Closed)
                m_central.sync->closed(d.connection);
            else
                m_central.sync->received(d.connection, d.text, m_now);
        });
        flushCentral();
    }

    void deliverToOffice(Office& o, const test::SimDelivery& d)
    {
        if (!o.up || d.connection != o.connection)
            return; // a crashed node, or a connection it gave up
        guard([&] {
            if (d.kind == test::SimDelivery::Kind::Opened) {
                o.sync->opened(m_now);
            } else if (d.kind == test::SimDelivery::Kind::Closed) {
                o.connection = 0;
                o.sync->closed(m_now);
            } else {
                o.sync->received(d.text, m_now);
            }
        });
        flushOffice(o);
    }

    void flushCentral()
    {
        if (!m_central.up)
            return;
        for (SyncOutgoing& out : m_central.sync->takeOutgoing()) {
            if (!out.text.empty())
                m_net.send(out.connection, 0, std::move(out.text), m_now);
            if (out.close) {
                m_net.close(out.connection, 0, m_now);
                m_central.sync->closed(out.connection);
            }
        }
    }

    void flushOffice(Office& o)
    {
        if (!o.up)
            return;
        for (std::string& text : o.sync->takeOutgoing())
            m_net.send(o.connection, o.index, std::move(text), m_now);
        if (o.sync->takeCloseRequest()) {
            m_net.close(o.connection, o.index, m_now);
            o.connection = 0;
            o.sync->closed(m_now);
        }
    }

    void drive()
    {
        if (m_central.up) {
            guard([&] { m_central.sync->tick(m_now); });
            flushCentral();
        }
        for (Office& o : m_offices) {
            if (!o.up)
                continue;
            recoverOpenCarts(o);
            if (!o.up)
                continue;
            guard([&] {
                if (o.connection == 0 && o.sync->shouldConnect(m_now)) {
                    o.connection = m_net.connect(o.index, m_now);
                    o.sync->connecting(m_now);
                }
                o.sync->tick(m_now);
            });
            flushOffice(o);
        }
    }

    // ---- what people do ----

    std::vector<SeatId> pick(std::vector<SeatId> all, std::uint64_t most)
    {
        std::vector<SeatId> picked;
        for (std::uint64_t n = 1 + m_rng.below(most); n > 0 && !all.empty(); --n) {
            const auto i = m_rng.below(all.size());
            picked.push_back(all[i]);
            all.erase(all.begin() + static_cast<std::ptrdiff_t>(i));
        }
        return picked;
    }

    std::vector<SeatId> seatsWhere(const Ledger& ledger, const std::function<bool(const SeatView&)>& match,
                                   std::uint64_t most)
    {
        std::vector<SeatId> all;
        for (SeatIndex s = 0; s < m_spec.venue->seats.size(); ++s)
            if (match(ledger.seat(s)))
                all.push_back(m_spec.venue->seats[s].id);
        return pick(std::move(all), most);
    }

    std::vector<SeatId> centralSeats(const std::function<bool(const SeatView&)>& match, std::uint64_t most)
    {
        return seatsWhere(m_central.ledger->ledger(), match, most);
    }

    void act()
    {
        const auto roll = m_rng.below(100);
        Office& o = office(1 + static_cast<int>(m_rng.below(kOffices)));
        if (roll < 14)
            localSale(o);
        else if (roll < 25)
            counterSale(o);
        else if (roll < 33)
            onlineClerkSale(o);
        else if (roll < 45)
            buyerSale();
        else if (roll < 49)
            localRefund(o);
        else if (roll < 53)
            counterRefund(o);
        else if (roll < 56)
            localExchange(o);
        else if (roll < 59)
            counterExchange(o);
        else if (roll < 62)
            centralRefund();
        else if (roll < 68)
            grant(o);
        else if (roll < 73)
            takeBack(o);
        else if (roll < 75)
            crashNode(static_cast<int>(m_rng.below(kOffices + 1)));
        else if (roll < 78)
            cut(o);
        else if (roll < 84)
            localGaSale(o);
        else if (roll < 88)
            counterGaSale(o);
        else if (roll < 91)
            buyerGaSale();
        else if (roll < 94)
            grantArea(o);
        else if (roll < 97)
            takeBackArea(o);
    }

    // ---- GA places (protocol 2) ----

    static AreaPool poolOf(const Ledger& ledger, ChannelId channel)
    {
        for (const AreaPool& p : ledger.areaPools(ledger.venue().areaIndex(kArea)))
            if (p.channel == channel)
                return p;
        return AreaPool { channel, 0, 0, 0 };
    }

    SyncSaleRequest placesRequest(const Office& o, std::uint32_t quantity)
    {
        SyncSaleRequest request;
        request.event = kEvent;
        request.area = kArea;
        request.quantity = quantity;
        if (m_rng.chance(50))
            for (std::uint32_t i = 0; i < quantity; ++i)
                request.priceTypes.push_back(static_cast<std::uint8_t>(m_rng.below(2)));
        request.buyer = Buyer { "Standing " + std::to_string(m_rng.below(50)), "", "" };
        request.clerk = 10 + static_cast<std::uint64_t>(o.index);
        return request;
    }

    // Places of the box office's pool, offline or not: they must sell while the pool has them.
    void localGaSale(Office& o)
    {
        if (!o.up)
            return;
        const std::uint32_t quantity = 1 + static_cast<std::uint32_t>(m_rng.below(3));
        const bool enough = poolOf(o.ledger->ledger(), o.channel).free() >= quantity;
        SyncLocalResult result;
        if (!guard([&] { result = o.sync->sell(placesRequest(o, quantity), m_now); }))
            return;
        if (result.status == Status::StorageUnavailable)
            return; // behind a counter cart a crash left open
        if (result.ok() != enough) {
            m_problem = o.device + (enough ? " refused a sale of places of its pool: " : " sold places it lacks: ")
                + statusName(result.status);
            return;
        }
        if (!result.ok())
            return;
        o.sales.push_back(result.opId);
        m_ackedLocal.emplace_back(o.index, result.opId);
        ++g_stats.gaSales;
    }

    // The counter's cart of places: HoldArea on the local ledger, journaled, confirmed, settled.
    void counterGaSale(Office& o)
    {
        if (!o.up)
            return;
        const std::uint32_t quantity = 1 + static_cast<std::uint32_t>(m_rng.below(2));
        if (poolOf(o.ledger->ledger(), o.channel).free() < quantity)
            return;
        guard([&] {
            Command hold;
            hold.kind = CommandKind::HoldArea;
            hold.key = IdempotencyKey { m_seed, ++m_keys };
            hold.actor = counterActor(o);
            hold.channel = o.channel;
            hold.now = m_now;
            hold.area = kArea;
            hold.quantity = quantity;
            o.gaCarts.push_back(hold);
            const CommandResult held = o.ledger->execute(kEvent, { hold }).front();
            if (!held.ok())
                return;
            const SyncSaleRequest request = placesRequest(o, quantity);
            const SyncLocalResult begun = o.sync->beginExternalSale(request, held.hold, m_now);
            if (begun.status == Status::StorageUnavailable) {
                Command release;
                release.kind = CommandKind::Release;
                release.hold = held.hold;
                counterCommand(o, release);
                return;
            }
            if (!begun.ok()) {
                m_problem = o.device + " refused to journal a counter sale of places: " + statusName(begun.status);
                return;
            }
            if (m_crashes && m_rng.chance(10)) {
                ++g_stats.openCarts;
                crashNode(o.index);
                return;
            }
            Command confirm;
            confirm.kind = CommandKind::Confirm;
            confirm.hold = held.hold;
            confirm.text = "counter-" + std::to_string(m_keys);
            confirm.buyer = request.buyer;
            confirm.priceTypes = request.priceTypes;
            if (!counterCommand(o, confirm).ok()) {
                m_problem = o.device + ": a counter confirm of a fresh GA hold failed";
                return;
            }
            if (appDies(o, 5))
                return;
            const SyncLocalResult finished = o.sync->finishExternal(begun.opId, m_now);
            saleTold(o, finished, begun.opId);
            g_stats.gaCounterSales += finished.ok() ? 1 : 0;
        });
    }

    // An online buyer on central: the open pool only, whatever the box offices hold.
    void buyerGaSale()
    {
        if (!m_central.up)
            return;
        const std::uint32_t quantity = 1 + static_cast<std::uint32_t>(m_rng.below(3));
        guard([&] {
            Command hold;
            hold.kind = CommandKind::HoldArea;
            hold.key = IdempotencyKey { m_seed, ++m_keys };
            hold.actor = Actor { ActorKind::Buyer, 1 + m_rng.below(100) };
            hold.channel = kOnline;
            hold.now = m_now;
            hold.area = kArea;
            hold.quantity = quantity;
            const AreaPool open = poolOf(m_central.ledger->ledger(), kOpenPool);
            const CommandResult held = m_central.ledger->execute(kEvent, { hold }).front();
            if (held.ok() != (open.free() >= quantity)) {
                m_problem = std::string("an online GA hold answered ") + statusName(held.status) + " with "
                    + std::to_string(open.free()) + " places free in the open pool";
                return;
            }
            if (!held.ok())
                return;
            Command confirm = hold;
            confirm.kind = CommandKind::Confirm;
            confirm.key = IdempotencyKey { m_seed, ++m_keys };
            confirm.hold = held.hold;
            confirm.text = "card-" + std::to_string(m_keys);
            const CommandResult sold = m_central.ledger->execute(kEvent, { confirm }).front();
            if (!sold.ok()) {
                m_problem = std::string("a confirm of a fresh GA hold failed: ") + statusName(sold.status);
                return;
            }
            m_ackedOnline.push_back(OnlineSale { sold.order, quantity });
            ++g_stats.gaBuyerSales;
        });
    }

    void grantArea(Office& o)
    {
        if (!m_central.up)
            return;
        const std::uint32_t quantity = 1 + static_cast<std::uint32_t>(m_rng.below(4));
        std::uint64_t id = 0;
        Status status = Status::Ok;
        if (guard([&] { status = m_central.sync->grantArea(o.device, kEvent, kArea, quantity, m_now, &id); })
            && status == Status::Ok)
            ++g_stats.gaGrants;
        flushCentral();
    }

    void takeBackArea(Office& o)
    {
        if (!m_central.up)
            return;
        const std::uint32_t capacity = poolOf(m_central.ledger->ledger(), o.channel).capacity;
        if (capacity == 0)
            return;
        const std::uint32_t quantity = 1 + static_cast<std::uint32_t>(m_rng.below(capacity));
        std::uint64_t id = 0;
        Status status = Status::Ok;
        if (guard([&] { status = m_central.sync->takeBackArea(o.device, kEvent, kArea, quantity, m_now, &id); })
            && status == Status::Ok) {
            m_takeBacks.push_back(id);
            ++g_stats.gaTakeBacks;
        }
        flushCentral();
    }

    void localSale(Office& o)
    {
        if (!o.up)
            return;
        const ChannelId channel = o.channel;
        SyncSaleRequest request;
        request.event = kEvent;
        request.seats = seatsWhere(
            o.ledger->ledger(),
            [&](const SeatView& v) { return v.status == SeatStatus::Available && v.allocation == channel; }, 3);
        if (request.seats.empty())
            return;
        if (m_rng.chance(50))
            for (std::size_t i = 0; i < request.seats.size(); ++i)
                request.priceTypes.push_back(static_cast<std::uint8_t>(m_rng.below(2)));
        request.buyer = Buyer { "Buyer " + std::to_string(m_rng.below(50)), "", "" };
        request.clerk = 10 + static_cast<std::uint64_t>(o.index);
        SyncLocalResult result;
        if (!guard([&] { result = o.sync->sell(request, m_now); }))
            return;
        if (result.status == Status::StorageUnavailable)
            return; // behind a counter cart a crash left open: the counter settles it first
        if (!result.ok()) {
            m_problem = o.device + " refused a sale of its own available seats: " + statusName(result.status);
            return;
        }
        o.sales.push_back(result.opId);
        m_ackedLocal.emplace_back(o.index, result.opId);
        ++g_stats.localSales;
    }

    // A clerk sells seats outside the allocation: only through usherd, only while connected.
    void onlineClerkSale(Office& o)
    {
        if (!o.up || !m_central.up)
            return;
        const std::vector<SeatId> seats = centralSeats(
            [](const SeatView& v) { return v.status == SeatStatus::Available && v.allocation == kOpenPool; }, 2);
        if (seats.empty())
            return;
        std::string why;
        const SyncRoute route = o.sync->route(kEvent, seats, &why);
        const SyncState state = o.sync->state();
        const bool connected = state == SyncState::Online || state == SyncState::Syncing;
        if (route == SyncRoute::Online && !connected)
            m_problem = o.device + " offered an online sale while " + syncStateName(state);
        if (route != SyncRoute::Online) {
            g_stats.failClosed += route == SyncRoute::Refused && !connected ? 1 : 0;
            return;
        }
        sellOnCentral(seats, Actor { ActorKind::Clerk, 10 + static_cast<std::uint64_t>(o.index) }, o.channel);
    }

    void buyerSale()
    {
        if (!m_central.up)
            return;
        const std::vector<SeatId> seats = centralSeats(
            [](const SeatView& v) { return v.status == SeatStatus::Available && v.allocation == kOpenPool; }, 3);
        if (!seats.empty())
            sellOnCentral(seats, Actor { ActorKind::Buyer, 1 + m_rng.below(100) }, kOnline);
    }

    // usherd's HTTP path: hold then confirm, acknowledged once durable. A box office channel may
    // only sell open-pool seats this way (its allocated seats go through its outbox).
    void sellOnCentral(const std::vector<SeatId>& seats, const Actor& actor, ChannelId channel)
    {
        guard([&] {
            Command hold;
            hold.kind = CommandKind::HoldSeats;
            hold.key = IdempotencyKey { m_seed, ++m_keys };
            hold.actor = actor;
            hold.channel = channel;
            hold.now = m_now;
            hold.seats = seats;
            const CommandResult held = m_central.ledger->execute(kEvent, { hold }).front();
            if (!held.ok())
                return;
            Command confirm = hold;
            confirm.kind = CommandKind::Confirm;
            confirm.key = IdempotencyKey { m_seed, ++m_keys };
            confirm.hold = held.hold;
            confirm.seats.clear();
            confirm.text = "card-" + std::to_string(m_keys);
            const CommandResult sold = m_central.ledger->execute(kEvent, { confirm }).front();
            if (!sold.ok()) {
                m_problem = std::string("a confirm of a fresh hold failed: ") + statusName(sold.status);
                return;
            }
            m_ackedOnline.push_back(OnlineSale { sold.order, seats.size() });
            ++(channel == kOnline ? g_stats.buyerSales : g_stats.onlineSales);
        });
    }

    void localRefund(Office& o)
    {
        if (!o.up || o.sales.empty())
            return;
        const std::string sale = o.sales[m_rng.below(o.sales.size())];
        std::vector<std::uint32_t> positions;
        if (m_rng.chance(50))
            positions.push_back(static_cast<std::uint32_t>(m_rng.below(2)));
        SyncLocalResult result;
        if (guard([&] { result = o.sync->refund(sale, positions, -1, "changed plans", 10, m_now); }) && result.ok())
            ++g_stats.refunds;
    }

    void localExchange(Office& o)
    {
        if (!o.up || o.sales.empty())
            return;
        const ChannelId channel = o.channel;
        const std::vector<SeatId> seat = seatsWhere(
            o.ledger->ledger(),
            [&](const SeatView& v) { return v.status == SeatStatus::Available && v.allocation == channel; }, 1);
        if (seat.empty())
            return;
        const std::string sale = o.sales[m_rng.below(o.sales.size())];
        const auto position = static_cast<std::uint32_t>(m_rng.below(2));
        SyncLocalResult result;
        if (guard([&] { result = o.sync->exchange(sale, position, seat.front(), 10, m_now); }) && result.ok())
            ++g_stats.exchanges;
    }

    // ---- the counter (docs/design/sync.md, "The counter's sales"): its own commands on the local
    // ledger, journaled around them as external ops; the app may die between any two steps ----

    // Not the clerk id of the outbox's own sales: the recovery tells the counter's carts apart.
    static Actor counterActor(const Office& o) { return Actor { ActorKind::Clerk, 100 + static_cast<std::uint64_t>(o.index) }; }

    CommandResult counterCommand(Office& o, Command c)
    {
        c.key = IdempotencyKey { m_seed, ++m_keys };
        c.actor = counterActor(o);
        c.channel = o.channel;
        c.now = m_now;
        return o.ledger->execute(kEvent, { c }).front();
    }

    // The app dies here (outside the engine and the outbox): the node restarts from its files.
    bool appDies(Office& o, std::uint64_t percent)
    {
        if (!m_crashes || !m_rng.chance(percent))
            return false;
        crashNode(o.index);
        return true;
    }

    void saleTold(Office& o, const SyncLocalResult& finished, const std::string& op)
    {
        if (finished.status == Status::Ok) {
            o.sales.push_back(op);
            m_ackedLocal.emplace_back(o.index, op);
            ++g_stats.counterSales;
        } else if (finished.status != Status::HoldNotFound && finished.status != Status::StorageUnavailable) {
            m_problem = o.device + ": a confirmed counter sale settled " + statusName(finished.status);
        }
    }

    void counterSale(Office& o)
    {
        if (!o.up)
            return;
        const ChannelId channel = o.channel;
        std::vector<SeatId> seats = seatsWhere(
            o.ledger->ledger(),
            [&](const SeatView& v) { return v.status == SeatStatus::Available && v.allocation == channel; }, 3);
        if (seats.empty())
            return;
        guard([&] {
            Command hold;
            hold.kind = CommandKind::HoldSeats;
            hold.seats = seats;
            const CommandResult held = counterCommand(o, hold);
            if (!held.ok())
                return;
            // The counter's cart lines (and their ticket types) are in the hold's order; the clerk's
            // request lists them the other way round: the op must follow the hold's order.
            const std::vector<SeatId> holdOrder = o.ledger->ledger().hold(held.hold)->seats;
            std::vector<std::uint8_t> types;
            if (m_rng.chance(50))
                for (std::size_t i = 0; i < holdOrder.size(); ++i)
                    types.push_back(static_cast<std::uint8_t>(m_rng.below(2)));
            SyncSaleRequest request;
            request.event = kEvent;
            request.seats.assign(holdOrder.rbegin(), holdOrder.rend());
            request.priceTypes.assign(types.rbegin(), types.rend());
            request.buyer = Buyer { "Counter buyer", "", "" };
            request.clerk = 10 + static_cast<std::uint64_t>(o.index);
            const SyncLocalResult begun = o.sync->beginExternalSale(request, held.hold, m_now);
            if (begun.status == Status::StorageUnavailable) { // behind a cart a crash left open
                Command release;
                release.kind = CommandKind::Release;
                release.hold = held.hold;
                counterCommand(o, release);
                return;
            }
            if (!begun.ok()) {
                m_problem = o.device + " refused to journal a counter sale: " + statusName(begun.status);
                return;
            }
            if (m_crashes && m_rng.chance(10)) { // the app dies before the confirm: the cart stays open
                ++g_stats.openCarts;
                crashNode(o.index);
                return;
            }
            Command confirm;
            confirm.kind = CommandKind::Confirm;
            confirm.hold = held.hold;
            confirm.text = "counter-" + std::to_string(m_keys);
            confirm.buyer = request.buyer;
            confirm.priceTypes = types;
            if (!counterCommand(o, confirm).ok()) {
                m_problem = o.device + ": a counter confirm of a fresh hold failed";
                return;
            }
            if (appDies(o, 5))
                return; // confirmed, the clerk never told: settles when the outbox opens
            saleTold(o, o.sync->finishExternal(begun.opId, m_now), begun.opId);
        });
    }

    // After a restart the counter finds its open carts (holds of its own in the ledger, journaled
    // or not) and confirms (journaled first, as a payment tried again) or releases each.
    void recoverOpenCarts(Office& o)
    {
        if (!o.up || !o.recoverCarts)
            return;
        std::vector<HoldView> carts;
        std::set<HoldId> seen;
        const Ledger& l = o.ledger->ledger();
        for (SeatIndex s = 0; s < m_spec.venue->seats.size(); ++s) {
            const SeatView v = l.seat(s);
            if (v.status != SeatStatus::Held || !seen.insert(v.hold).second)
                continue;
            const std::optional<HoldView> h = l.hold(v.hold);
            if (h.has_value() && h->holder == counterActor(o))
                carts.push_back(*h);
        }
        for (const Command& hold : o.gaCarts) {
            CommandResult held;
            if (!guard([&] { held = o.ledger->execute(kEvent, { hold }).front(); }))
                return; // crashed again: the next restart recovers
            const std::optional<HoldView> h = held.ok() ? l.hold(held.hold) : std::nullopt;
            if (h.has_value() && h->holder == counterActor(o) && seen.insert(h->id).second)
                carts.push_back(*h);
        }
        for (const HoldView& cart : carts) {
            const bool done = guard([&] {
                if (m_rng.chance(50)) { // the customer pays after all
                    SyncSaleRequest request;
                    request.event = kEvent;
                    request.seats = cart.seats;
                    if (cart.seats.empty())
                        request.area = cart.area, request.quantity = cart.quantity;
                    request.buyer = Buyer { "Counter buyer", "", "" };
                    request.clerk = 10 + static_cast<std::uint64_t>(o.index);
                    const SyncLocalResult begun = o.sync->beginExternalSale(request, cart.id, m_now);
                    Command confirm;
                    confirm.kind = CommandKind::Confirm;
                    confirm.hold = cart.id;
                    confirm.text = "counter-recovered";
                    // A cart journaled before the crash keeps its ticket types (CounterSale::restore).
                    SyncOutboxEntry journaled;
                    std::string error;
                    if (begun.ok() && o.sync->outbox().find(begun.opId, &journaled, &error))
                        confirm.priceTypes = journaled.op.priceTypes;
                    if (begun.ok() && counterCommand(o, confirm).ok()) {
                        saleTold(o, o.sync->finishExternal(begun.opId, m_now), begun.opId);
                        return;
                    }
                }
                Command release;
                release.kind = CommandKind::Release;
                release.hold = cart.id;
                counterCommand(o, release);
                o.sync->tick(m_now); // a journaled one settles void
            });
            if (!done)
                return; // crashed again: the next restart recovers
        }
        o.recoverCarts = false;
        o.gaCarts.clear();
    }

    // A sale of `o` (either kind) and its valid tickets in the local ledger.
    bool pickSale(Office& o, OrderId* order, std::vector<TicketId>* tickets)
    {
        if (o.sales.empty())
            return false;
        SyncOutboxEntry sale;
        std::string error;
        if (!o.sync->outbox().find(o.sales[m_rng.below(o.sales.size())], &sale, &error)
            || sale.local != SyncLocalState::Done)
            return false;
        *order = sale.localOrder;
        const Ledger& l = o.ledger->ledger();
        const Order* found = l.order(sale.localOrder);
        for (std::uint32_t i = 0; found != nullptr && i < found->ticketCount; ++i)
            if (l.ticket(found->firstTicket + i)->status == TicketStatus::Valid)
                tickets->push_back(found->firstTicket + i);
        while (tickets->size() > 1 && m_rng.chance(50))
            tickets->erase(tickets->begin() + static_cast<std::ptrdiff_t>(m_rng.below(tickets->size())));
        return !tickets->empty();
    }

    void counterRefund(Office& o)
    {
        OrderId order = 0;
        std::vector<TicketId> tickets;
        if (!o.up || !pickSale(o, &order, &tickets))
            return;
        guard([&] {
            const SyncLocalResult begun = o.sync->beginExternalRefund(order, tickets, "counter refund", 10, m_now);
            if (!begun.ok())
                return; // behind an open cart
            if (appDies(o, 5))
                return; // journaled, never refunded: void
            Command c;
            c.kind = CommandKind::Refund;
            c.order = order;
            c.tickets = tickets;
            c.amount = -1;
            c.text = "counter refund";
            const bool refunded = counterCommand(o, c).ok();
            if (o.sync->finishExternal(begun.opId, m_now).ok() != refunded)
                m_problem = o.device + ": a counter refund settled unlike the ledger";
            g_stats.counterRefunds += refunded ? 1 : 0;
        });
    }

    void counterExchange(Office& o)
    {
        OrderId order = 0;
        std::vector<TicketId> tickets;
        if (!o.up || !pickSale(o, &order, &tickets))
            return;
        const ChannelId channel = o.channel;
        const std::vector<SeatId> seats = seatsWhere(
            o.ledger->ledger(),
            [&](const SeatView& v) { return v.status == SeatStatus::Available && v.allocation == channel; },
            tickets.size());
        tickets.resize(std::min(tickets.size(), seats.size()));
        if (tickets.empty())
            return;
        std::vector<SyncExchangeMove> moves;
        for (std::size_t i = 0; i < tickets.size(); ++i)
            moves.push_back(SyncExchangeMove { tickets[i], seats[i] });
        guard([&] {
            const SyncLocalResult begun = o.sync->beginExternalExchange(order, moves, 10, m_now);
            if (!begun.ok())
                return;
            if (begun.ops.size() != moves.size()) {
                m_problem = o.device + ": an exchange of " + std::to_string(moves.size()) + " moves journaled "
                    + std::to_string(begun.ops.size()) + " ops";
                return;
            }
            for (std::size_t i = 0; i < moves.size(); ++i) {
                if (appDies(o, 3))
                    return; // the moves not made yet settle void, the ones made done
                Command c;
                c.kind = CommandKind::Exchange;
                c.order = order;
                c.tickets = { moves[i].ticket };
                c.seats = { moves[i].seat };
                c.text = "counter exchange";
                const bool moved = counterCommand(o, c).ok();
                if (o.sync->finishExternal(begun.ops[i], m_now).ok() != moved)
                    m_problem = o.device + ": a counter exchange settled unlike the ledger";
                g_stats.counterExchanges += moved ? 1 : 0;
            }
        });
    }

    void centralRefund()
    {
        if (!m_central.up || m_ackedOnline.empty())
            return;
        const OnlineSale sale = m_ackedOnline[m_rng.below(m_ackedOnline.size())];
        guard([&] {
            Command refund;
            refund.kind = CommandKind::Refund;
            refund.key = IdempotencyKey { m_seed, ++m_keys };
            refund.actor = Actor { ActorKind::Admin, 1 };
            refund.now = m_now;
            refund.order = sale.order;
            refund.amount = -1;
            refund.text = "cancelled";
            m_central.ledger->execute(kEvent, { refund });
        });
    }

    void grant(Office& o)
    {
        if (!m_central.up)
            return;
        std::vector<SeatId> seats = centralSeats(
            [](const SeatView& v) { return v.status == SeatStatus::Available && v.allocation == kOpenPool; }, 4);
        if (seats.empty())
            return;
        std::uint64_t id = 0;
        Status status = Status::Ok;
        if (guard([&] { status = m_central.sync->grant(o.device, kEvent, seats, m_now, &id); }) && status == Status::Ok)
            ++g_stats.grants;
        flushCentral();
    }

    void takeBack(Office& o)
    {
        if (!m_central.up)
            return;
        const ChannelId channel = o.channel;
        std::vector<SeatId> seats = centralSeats([&](const SeatView& v) { return v.allocation == channel; }, 4);
        if (seats.empty())
            return;
        std::uint64_t id = 0;
        Status status = Status::Ok;
        if (guard([&] { status = m_central.sync->takeBack(o.device, kEvent, seats, m_now, &id); })
            && status == Status::Ok) {
            m_takeBacks.push_back(id);
            ++g_stats.takeBacks;
        }
        flushCentral();
    }

    void cut(Office& o)
    {
        m_net.cutLink(o.index, m_now, m_now + 500 + static_cast<Timestamp>(m_rng.below(20'000)));
        ++g_stats.cuts;
    }

    // ---- the end ----

    bool converged()
    {
        if (!m_central.up)
            return false;
        for (Office& o : m_offices) {
            if (!o.up || o.sync->state() != SyncState::Online || o.sync->outbox().pending() != 0)
                return false;
            const SyncDeviceRecord* d = m_central.sync->device(o.device);
            if (d == nullptr || d->pushAcked != d->pushSeq || o.sync->outbox().receivedPush() != d->pushSeq)
                return false;
        }
        for (std::uint64_t id : m_takeBacks) {
            SyncPushRecord p;
            if (!m_central.sync->push(id, &p) || p.state == SyncPushState::Ready)
                return false;
        }
        return true;
    }

    std::string converge()
    {
        m_crashes = false;
        m_net.setFaults(test::SimFaults { 0, 0, 1, 50 });
        for (Office& o : m_offices)
            m_net.cutLink(o.index, m_now, m_now);
        const Timestamp start = m_now;
        for (int i = 0; i < 20'000 && !converged(); ++i) {
            m_now += 50;
            for (Node* n : std::initializer_list<Node*> { &m_central, &m_offices[0], &m_offices[1], &m_offices[2] })
                n->restartAt = std::min(n->restartAt, m_now);
            restartDue();
            deliver();
            drive();
            if (!m_problem.empty())
                return m_problem;
        }
        if (!converged())
            return "the nodes did not converge within " + std::to_string((m_now - start) / 1000) + " s";
        g_stats.convergeMs += static_cast<std::uint64_t>(m_now - start);
        return {};
    }

    static std::string seatName(const EventSpec& spec, SeatIndex s)
    {
        return "seat " + std::to_string(spec.venue->seats[s].id);
    }

    std::string compareOrder(const Ledger& central, const Order& local, const Order& remote, const Ledger& mine)
    {
        if (local.amount != remote.amount || local.refunded != remote.refunded
            || local.ticketCount != remote.ticketCount)
            return "order " + std::string(remote.paymentRef()) + " differs: amount " + std::to_string(local.amount)
                + " here, " + std::to_string(remote.amount) + " on central; refunded "
                + std::to_string(local.refunded) + ", " + std::to_string(remote.refunded) + "; tickets "
                + std::to_string(local.ticketCount) + ", " + std::to_string(remote.ticketCount);
        for (std::uint32_t i = 0; i < local.ticketCount; ++i) {
            const Ticket* a = mine.ticket(local.firstTicket + i);
            const Ticket* b = central.ticket(remote.firstTicket + i);
            if (a == nullptr || b == nullptr || a->seat != b->seat || a->status != b->status
                || a->refunded != b->refunded || a->priceType != b->priceType || a->amount != b->amount)
                return "ticket " + std::to_string(i) + " of " + std::string(remote.paymentRef()) + " differs";
        }
        return {};
    }

    std::string checkOffice(Office& o, const Ledger& central, const std::map<std::string, const Order*>& centralByRef)
    {
        const Ledger& mine = o.ledger->ledger();
        if (std::string v = mine.invariantViolation(); !v.empty())
            return o.device + ": " + v;
        if (o.sync->outbox().rejected() != 0 || o.sync->anomalies() != 0)
            return o.device + ": central refused " + std::to_string(o.sync->outbox().rejected()) + " ops, "
                + std::to_string(o.sync->anomalies()) + " local anomalies";
        const std::string prefix = syncPaymentRef(o.sync->outbox().name() + ":");
        std::size_t centralCount = 0;
        for (const auto& [ref, order] : centralByRef)
            centralCount += ref.rfind(prefix, 0) == 0 ? 1 : 0;
        if (centralCount != mine.counts().orders)
            return o.device + " has " + std::to_string(mine.counts().orders) + " orders, central "
                + std::to_string(centralCount);
        for (OrderId id = 1; id <= mine.counts().orders; ++id) {
            const Order* local = mine.order(id);
            // The counter's own sales carry its payment reference here; the outbox names their op.
            const std::string op = o.sync->saleOpOfLocalOrder(id);
            const std::string ref = op.empty() ? std::string(local->paymentRef()) : syncPaymentRef(op);
            auto it = centralByRef.find(ref);
            if (it == centralByRef.end())
                return o.device + "'s order " + ref + " is missing on central";
            if (std::string problem = compareOrder(central, *local, *it->second, mine); !problem.empty())
                return o.device + ": " + problem;
        }
        // The GA pool: the same places here and on central, all sold or free, none held.
        const AreaPool here = poolOf(mine, o.channel);
        const AreaPool there = poolOf(central, o.channel);
        if (here.capacity != there.capacity || here.sold != there.sold || here.held != 0 || there.held != 0)
            return o.device + ": GA pool " + std::to_string(here.sold) + "/" + std::to_string(here.capacity)
                + " sold here (" + std::to_string(here.held) + " held), " + std::to_string(there.sold) + "/"
                + std::to_string(there.capacity) + " on central (" + std::to_string(there.held) + " held)";
        for (SeatIndex s = 0; s < m_spec.venue->seats.size(); ++s) {
            const SeatView a = mine.seat(s);
            const SeatView b = central.seat(s);
            if ((a.allocation == o.channel) != (b.allocation == o.channel))
                return o.device + ": " + seatName(m_spec, s) + " allocated differently";
            if (a.allocation == o.channel && a.status != b.status)
                return o.device + ": " + seatName(m_spec, s) + " is " + seatStatusName(a.status) + " here, "
                    + seatStatusName(b.status) + " on central";
            if (a.status == SeatStatus::Held)
                return o.device + ": " + seatName(m_spec, s) + " is still held";
        }
        return {};
    }

    std::string check()
    {
        const Ledger& central = m_central.ledger->ledger();
        if (std::string v = central.invariantViolation(); !v.empty())
            return "central: " + v;
        std::map<std::string, const Order*> centralByRef;
        for (OrderId id = 1; id <= central.counts().orders; ++id) {
            const Order* order = central.order(id);
            if (order->paymentRef().starts_with("sync:") && !centralByRef.emplace(order->paymentRef(), order).second)
                return "central has two orders for " + std::string(order->paymentRef());
        }
        for (Office& o : m_offices)
            if (std::string problem = checkOffice(o, central, centralByRef); !problem.empty())
                return problem;
        // No area oversold on central: every pool within its capacity, the pools adding up to the area.
        std::uint64_t capacity = 0;
        for (const AreaPool& p : central.areaPools(central.venue().areaIndex(kArea))) {
            if (p.sold + p.held > p.capacity)
                return "central's GA pool of channel " + std::to_string(p.channel) + " is oversold";
            capacity += p.capacity;
        }
        if (capacity != kAreaCapacity)
            return "central's GA pools add up to " + std::to_string(capacity) + " places";
        for (const auto& [index, op] : m_ackedLocal)
            if (centralByRef.count(syncPaymentRef(op)) == 0)
                return "the sale " + op + " acknowledged by box office " + std::to_string(index) + " is not on central";
        for (const OnlineSale& sale : m_ackedOnline) {
            const Order* order = central.order(sale.order);
            if (order == nullptr || order->ticketCount != sale.seats)
                return "the online order " + std::to_string(sale.order) + " is not on central";
        }
        for (std::uint64_t id : m_takeBacks) {
            SyncPushRecord p;
            if (!m_central.sync->push(id, &p) || p.state != SyncPushState::Completed)
                return "take-back " + std::to_string(id) + " did not complete";
            g_stats.gaPlacesReleased += p.releasedQuantity;
        }
        // Central's journal replays into the same state.
        std::string error;
        auto reread = test::SimLedger::open(path("central.db"), m_spec, {}, &error);
        if (reread == nullptr)
            return "central does not reload: " + error;
        if (reread->ledger().lastSeq() != central.lastSeq())
            return "central's journal ends at another seq";
        for (SeatIndex s = 0; s < m_spec.venue->seats.size(); ++s)
            if (reread->ledger().seat(s).status != central.seat(s).status)
                return "central's journal replays " + seatName(m_spec, s) + " differently";
        return {};
    }

    std::uint64_t m_seed;
    Prng m_rng;
    test::SimNetwork m_net;
    EventSpec m_spec;
    QTemporaryDir m_dir { tempTemplate() };
    std::string m_error;
    std::string m_problem;
    Central m_central;
    std::vector<Office> m_offices;
    std::vector<std::pair<int, std::string>> m_ackedLocal;
    std::vector<OnlineSale> m_ackedOnline;
    std::vector<std::uint64_t> m_takeBacks;
    Timestamp m_now = 1'700'000'000'000;
    std::uint64_t m_step = 0;
    std::uint64_t m_keys = 0;
    bool m_crashes = false;
};

} // namespace

class TestSyncSimulation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void centralAndThreeBoxOfficesConverge()
    {
        const EventSpec spec = syncEvent();
        const std::uint64_t first = g_seed != 0 ? g_seed : g_first;
        const std::uint64_t runs = g_seed != 0 ? 1 : g_seeds;
        for (std::uint64_t seed = first; seed < first + runs; ++seed) {
            SyncSimulation simulation(seed, spec);
            const std::string problem = simulation.run(g_steps);
            if (!problem.empty()) {
                std::fprintf(stderr, "Replay with: TestSyncSimulation --seed %llu --steps %llu\n",
                             static_cast<unsigned long long>(seed), static_cast<unsigned long long>(g_steps));
                QFAIL(problem.c_str());
            }
        }
        std::printf(
            "simulated %llu seeds x %llu steps: %llu offline sales, %llu online clerk sales, %llu buyer "
            "sales, %llu refunds, %llu exchanges, %llu grants, %llu take-backs, %llu crashes, %llu link cuts, "
            "%llu sales refused offline (fail closed), %.1f s simulated to converge per seed; at the counter: "
            "%llu sales, %llu refunds, %llu exchanges, %llu carts left open by a crash; GA: %llu offline sales, "
            "%llu counter sales, %llu buyer sales, %llu grants, %llu take-backs (%llu places released)\n",
            static_cast<unsigned long long>(runs), static_cast<unsigned long long>(g_steps),
            static_cast<unsigned long long>(g_stats.localSales), static_cast<unsigned long long>(g_stats.onlineSales),
            static_cast<unsigned long long>(g_stats.buyerSales), static_cast<unsigned long long>(g_stats.refunds),
            static_cast<unsigned long long>(g_stats.exchanges), static_cast<unsigned long long>(g_stats.grants),
            static_cast<unsigned long long>(g_stats.takeBacks), static_cast<unsigned long long>(g_stats.crashes),
            static_cast<unsigned long long>(g_stats.cuts), static_cast<unsigned long long>(g_stats.failClosed),
            double(g_stats.convergeMs) / 1000.0 / double(runs), static_cast<unsigned long long>(g_stats.counterSales),
            static_cast<unsigned long long>(g_stats.counterRefunds),
            static_cast<unsigned long long>(g_stats.counterExchanges),
            static_cast<unsigned long long>(g_stats.openCarts), static_cast<unsigned long long>(g_stats.gaSales),
            static_cast<unsigned long long>(g_stats.gaCounterSales),
            static_cast<unsigned long long>(g_stats.gaBuyerSales), static_cast<unsigned long long>(g_stats.gaGrants),
            static_cast<unsigned long long>(g_stats.gaTakeBacks),
            static_cast<unsigned long long>(g_stats.gaPlacesReleased));
        if (runs < 50)
            return; // a replay of one seed need not cover everything
        // The simulation must exercise what it claims to test.
        QVERIFY(g_stats.localSales > 0 && g_stats.refunds > 0 && g_stats.exchanges > 0 && g_stats.takeBacks > 0);
        QVERIFY(g_stats.crashes > 0 && g_stats.grants > 0 && g_stats.onlineSales + g_stats.buyerSales > 0);
        QVERIFY(g_stats.counterSales > 0 && g_stats.counterRefunds > 0 && g_stats.counterExchanges > 0
                && g_stats.openCarts > 0);
        QVERIFY(g_stats.gaSales > 0 && g_stats.gaCounterSales > 0 && g_stats.gaBuyerSales > 0 && g_stats.gaGrants > 0
                && g_stats.gaTakeBacks > 0 && g_stats.gaPlacesReleased > 0);
    }
};

int main(int argc, char** argv)
{
    std::vector<char*> rest;
    for (int i = 0; i < argc; ++i) {
        if (i + 1 < argc && std::strcmp(argv[i], "--seed") == 0)
            g_seed = std::strtoull(argv[++i], nullptr, 10);
        else if (i + 1 < argc && std::strcmp(argv[i], "--first") == 0)
            g_first = std::strtoull(argv[++i], nullptr, 10);
        else if (i + 1 < argc && std::strcmp(argv[i], "--seeds") == 0)
            g_seeds = std::strtoull(argv[++i], nullptr, 10);
        else if (i + 1 < argc && std::strcmp(argv[i], "--steps") == 0)
            g_steps = std::strtoull(argv[++i], nullptr, 10);
        else
            rest.push_back(argv[i]);
    }
    // Many seeds run in one test function: QtTest's 5-minute watchdog would cut a long sweep (ctest
    // has its own timeout).
    if (qEnvironmentVariableIsEmpty("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", QByteArray("86400000"));
    TestSyncSimulation test;
    return QTest::qExec(&test, static_cast<int>(rest.size()), rest.data());
}

#include "TestSyncSimulation.moc"
