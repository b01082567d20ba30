// Seeded simulation: random commands (with retries, reused keys, expiries, refunds, exchanges,
// blocks, allocations and restarts from snapshot + journal) against the ledger and an independent
// reference model, compared after every step. A failure prints the seed; replay it with
//
//   TestSimulation --seed <seed> [--steps <n>]
//
// The default run is 200 seeds x 5,000 steps = 1,000,000 steps.

#include "core/Random.h"
#include "ledger/Ledger.h"
#include "support/ReferenceModel.h"

#include <QTest>

#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <sstream>

using namespace usher;

namespace {

std::uint64_t g_seed = 0; // 0: run the default seeds
std::uint64_t g_runs = 200;
std::uint64_t g_steps = 5000;
// Coverage: how often each command kind got each status, over all seeds.
std::map<std::pair<int, int>, std::uint64_t> g_outcomes;
// Exchanges that went through at a higher (index 0) or lower (index 1) price, over all seeds.
std::uint64_t g_repricedExchanges[2] = {};

// longRows: rows of 60..149 seats instead of 5..8, so that best-available's row bitmaps cross
// 64-bit words inside a row.
VenuePtr simVenue(bool longRows)
{
    auto v = std::make_shared<Venue>();
    v->name = "Simulation hall";
    v->categories = { { "A", "Category A", "#aa0000" }, { "B", "Category B", "#0000aa" } };
    SeatId id = 1;
    for (std::uint32_t sec = 0; sec < 3; ++sec) {
        VenueSection section;
        section.name = "Section " + std::to_string(sec + 1);
        section.firstRow = static_cast<std::uint32_t>(v->rows.size());
        for (std::uint32_t r = 0; r < 4; ++r) {
            VenueRow row;
            row.name = std::string(1, char('A' + r));
            row.section = sec;
            row.firstSeat = static_cast<std::uint32_t>(v->seats.size());
            const std::uint32_t count = longRows ? 60 + (sec * 37 + r * 23) % 90 : 5 + (sec + r) % 4;
            for (std::uint32_t n = 0; n < count; ++n) {
                VenueSeat seat;
                seat.id = id++;
                seat.section = sec;
                seat.row = static_cast<std::uint32_t>(v->rows.size());
                seat.number = std::to_string(n + 1);
                seat.x = float(sec * 12 + n);
                seat.y = float(r);
                seat.category = r < 2 ? 0 : 1;
                // A mid-row seat in the front row switches category, to break runs.
                if ((r == 0 && n == 3 && sec == 1) || (longRows && r == 1 && n % 29 == 7))
                    seat.category = 1;
                seat.flags = (r == 3 && n < 2) ? (n == 0 ? SeatWheelchair : SeatCompanion) : 0;
                if (longRows && r == 3 && n % 31 < 3)
                    seat.flags = n % 31 == 0 ? SeatWheelchair : SeatCompanion;
                seat.rank = r * 100 + (n > count / 2 ? n - count / 2 : count / 2 - n) + sec;
                v->seats.push_back(seat);
            }
            row.seatCount = count;
            v->rows.push_back(row);
        }
        section.rowCount = 4;
        v->sections.push_back(section);
    }
    v->areas.push_back(VenueArea { 1, "Standing left", 20, 1, {} });
    v->areas.push_back(VenueArea { 2, "Standing right", 30, 0, {} });
    const std::string problem = v->finalize();
    if (!problem.empty())
        qFatal("simulation venue is invalid: %s", problem.c_str());
    return v;
}

EventSpec simEvent(bool longRows = false)
{
    EventSpec spec;
    spec.id = 42;
    spec.name = "Simulation";
    spec.currency = "EUR";
    spec.venue = simVenue(longRows);
    spec.priceTypes = { { "adult", "Adult" }, { "concession", "Concession" }, { "child", "Child" } };
    spec.prices = { { "A", { 4500, 3500, kNotOffered } }, { "B", { 2500, 2000, 1000 } } };
    spec.channels = { { 1, "Online", ChannelKind::Online, 0, 4'000'000'000'000 },
                      { 2, "Box office 1", ChannelKind::BoxOffice, 0, 4'000'000'000'000 },
                      { 3, "Box office 2", ChannelKind::BoxOffice, 600'000, 3'000'000 } };
    spec.holdSeconds = 60;
    spec.holdLifetimeSecondsMax = 180;
    spec.paymentSecondsMax = 30;
    spec.ticketsPerOrderMax = 6;
    for (std::size_t i = 0; i < spec.ticketKey.size(); ++i)
        spec.ticketKey[i] = static_cast<std::uint8_t>(i * 7 + 1);
    const std::string problem = spec.finalize();
    if (!problem.empty())
        qFatal("simulation event is invalid: %s", problem.c_str());
    return spec;
}

std::string describe(const CommandResult& r)
{
    std::ostringstream out;
    out << "{status " << statusName(r.status) << " seq " << r.seq << (r.replayed ? " replayed" : "") << " hold "
        << r.hold << " order " << r.order << " expires " << r.expiresAt << " seats [";
    for (SeatId s : r.seats)
        out << s << ' ';
    out << "] area " << r.area << " qty " << r.quantity << " amount " << r.amount << " count " << r.count << " tickets "
        << r.tickets.size() << "}";
    return out.str();
}

class Simulation {
public:
    Simulation(std::uint64_t seed, const EventSpec& spec)
        : m_seed(seed)
        , m_rng(seed)
        , m_spec(spec)
        , m_model(spec, kHoldsMax, kRetentionMs)
    {
        m_options.verify = true;
        m_options.idempotencyRetentionMs = kRetentionMs;
        m_options.idempotencyKeysMax = 16'384; // more than a run uses: only the retention forgets
        m_options.holdsMax = kHoldsMax;
        m_ledger = std::make_unique<Ledger>(m_spec, m_options);
    }

    // Returns an empty string on success, else what diverged.
    std::string run(std::uint64_t steps)
    {
        for (m_step = 0; m_step < steps; ++m_step) {
            // Mostly whole seconds, so that `now` often lands exactly on an expiry or sale boundary.
            m_now += static_cast<Timestamp>(m_rng.chance(80) ? 1000 * m_rng.below(12) : m_rng.below(12'000));
            const Command command = nextCommand();
            const CommandResult actual = m_ledger->execute(command);
            const CommandResult expected = m_model.execute(command, actual);
            if (!actual.sameAnswer(expected) || actual.replayed != expected.replayed)
                return fail("answer to " + std::string(commandKindName(command.kind)) + ": ledger " + describe(actual)
                            + " model " + describe(expected));
            ++g_outcomes[{ static_cast<int>(command.kind), actual.replayed ? -1 : static_cast<int>(actual.status) }];
            if (command.kind == CommandKind::Exchange && actual.ok() && !actual.replayed && actual.amount != 0)
                ++g_repricedExchanges[actual.amount > 0 ? 0 : 1];
            if (!command.key.isNull() && !actual.replayed && actual.status != Status::IdempotencyKeyReused)
                m_history.push_back(command);
            if (std::string problem = compareState(); !problem.empty())
                return fail(problem);
            if (m_rng.chance(8))
                takeBatch();
            if (m_rng.chance(1))
                if (std::string problem = restart(); !problem.empty())
                    return fail(problem);
        }
        return {};
    }

private:
    static constexpr std::uint32_t kHoldsMax = 24;
    static constexpr std::int64_t kRetentionMs = 3 * 3600 * 1000; // runs last ~7 h of simulated time

    std::string fail(const std::string& what) const
    {
        return "seed " + std::to_string(m_seed) + ", step " + std::to_string(m_step) + ": " + what;
    }

    // ---- command generation ----

    Actor randomActor()
    {
        const auto roll = m_rng.below(100);
        if (roll < 70)
            return Actor { ActorKind::Buyer, 1 + m_rng.below(6) };
        if (roll < 85)
            return Actor { ActorKind::Clerk, 100 };
        if (roll < 92)
            return Actor { ActorKind::Admin, 200 };
        if (roll < 98)
            return Actor { ActorKind::Promoter, 300 };
        return Actor {}; // no actor: InvalidArgument
    }

    ChannelId randomChannel()
    {
        const auto roll = m_rng.below(100);
        return roll < 70 ? 1 : roll < 85 ? 2 : roll < 96 ? 3 : 9;
    }

    SeatId randomSeatId()
    {
        if (m_rng.chance(3))
            return 9999;
        return m_spec.venue->seats[m_rng.below(m_spec.venue->seats.size())].id;
    }

    std::vector<SeatId> randomSeats(std::uint64_t most)
    {
        std::vector<SeatId> seats;
        const auto count = m_rng.below(most) + (m_rng.chance(2) ? 0 : 1);
        for (std::uint64_t i = 0; i < count; ++i)
            seats.push_back(randomSeatId());
        if (!seats.empty() && m_rng.chance(3))
            seats.push_back(seats.front()); // duplicate
        return seats;
    }

    // Seats the model has in a state (or allocated), to aim commands where they can succeed.
    std::vector<SeatId> seatsWhere(const std::function<bool(const test::ReferenceModel::Seat&)>& match)
    {
        std::vector<SeatId> all;
        for (SeatIndex s = 0; s < m_model.seats().size(); ++s)
            if (match(m_model.seats()[s]))
                all.push_back(m_spec.venue->seats[s].id);
        std::vector<SeatId> picked;
        for (std::uint64_t n = 1 + m_rng.below(3); n > 0 && !all.empty(); --n) {
            const auto i = m_rng.below(all.size());
            picked.push_back(all[i]);
            all.erase(all.begin() + static_cast<std::ptrdiff_t>(i));
        }
        return picked;
    }

    Actor staffActor()
    {
        const auto roll = m_rng.below(100);
        return roll < 10 ? Actor{ActorKind::Buyer, 1} : roll < 60 ? Actor{ActorKind::Clerk, 100}
               : roll < 85                                    ? Actor{ActorKind::Admin, 200}
                                                              : Actor{ActorKind::Promoter, 300};
    }

    // Mostly act on a hold as its holder, through its channel.
    void actAsHolder(Command* c)
    {
        auto it = m_model.holds().find(c->hold);
        if (it != m_model.holds().end() && m_rng.chance(75))
            c->actor = it->second.holder, c->channel = it->second.channel;
    }

    HoldId randomHold()
    {
        const auto& holds = m_model.holds();
        if (!holds.empty() && m_rng.chance(80)) {
            auto it = holds.begin();
            std::advance(it, static_cast<std::ptrdiff_t>(m_rng.below(holds.size())));
            return it->first;
        }
        if (!m_history.empty() && m_rng.chance(70))
            return m_history[m_rng.below(m_history.size())].hold;
        return m_rng.chance(50) ? 0 : (std::uint64_t(m_rng.below(3)) << 32) | m_rng.below(30);
    }

    OrderId randomOrder()
    {
        const auto orders = m_model.orders().size();
        if (orders > 0 && m_rng.chance(90))
            return 1 + m_rng.below(orders);
        return m_rng.below(orders + 3);
    }

    std::vector<TicketId> randomTickets(OrderId order)
    {
        std::vector<TicketId> tickets;
        const auto& orders = m_model.orders();
        if (order >= 1 && order <= orders.size() && m_rng.chance(80)) {
            for (TicketId t : orders[order - 1].tickets)
                if (m_rng.chance(50))
                    tickets.push_back(t);
        }
        if (m_rng.chance(5))
            tickets.push_back(1 + m_rng.below(m_model.tickets().size() + 2));
        return tickets;
    }

    std::string randomText()
    {
        if (m_rng.chance(5))
            return {};
        if (m_rng.chance(1))
            return std::string(1025, 'x'); // too long
        return "text-" + std::to_string(m_rng.below(5));
    }

    Command nextCommand()
    {
        Command c;
        if (!m_history.empty() && m_rng.chance(6)) {
            c = m_history[m_rng.below(m_history.size())];
            c.now = m_now;
            if (m_rng.chance(30))
                c.actor.id += 1; // same key, other arguments (the actor is always part of them)
            return c;
        }
        c.key = IdempotencyKey { m_seed, ++m_keys };
        c.actor = randomActor();
        c.channel = randomChannel();
        c.now = m_now;
        fillArguments(&c);
        if (m_rng.chance(1) && c.kind != CommandKind::Expire)
            c.key = IdempotencyKey {}; // keyless: refused
        return c;
    }

    void fillArguments(Command* c)
    {
        const auto roll = m_rng.below(1000);
        if (roll < 200) {
            c->kind = CommandKind::HoldSeats, c->seats = randomSeats(4);
        } else if (roll < 300) {
            c->kind = CommandKind::HoldBestAvailable;
            c->best = BestAvailableRequest{static_cast<std::uint32_t>(m_rng.below(8)),
                                           static_cast<std::uint16_t>(m_rng.below(3)), m_rng.chance(75),
                                           m_rng.chance(10)};
        } else if (roll < 360) {
            c->kind = CommandKind::HoldArea, c->area = static_cast<AreaId>(m_rng.below(4));
            c->quantity = static_cast<std::uint32_t>(m_rng.below(8));
        } else if (roll < 550) {
            fillHoldCommand(c, roll);
        } else if (roll < 690) {
            fillConfirm(c);
        } else if (roll < 780) {
            fillOrderCommand(c, roll);
        } else if (roll < 910) {
            fillInventory(c, roll);
        } else {
            c->kind = CommandKind::Expire;
            c->actor = Actor{ActorKind::System, 0};
            if (m_rng.chance(80))
                c->key = IdempotencyKey{};
        }
    }

    void fillHoldCommand(Command* c, std::uint64_t roll)
    {
        if (roll < 430) {
            c->kind = CommandKind::Release;
        } else if (roll < 470) {
            c->kind = CommandKind::Extend, c->seconds = static_cast<std::uint32_t>(m_rng.below(200));
        } else if (roll < 520) {
            c->kind = CommandKind::InitiatePayment, c->text = randomText();
            c->amount = static_cast<Amount>(m_rng.below(20000)) - 100;
        } else {
            c->kind = CommandKind::FailPayment, c->text = randomText();
        }
        c->hold = randomHold();
        if (c->kind == CommandKind::FailPayment && m_rng.chance(50))
            for (const auto& [id, h] : m_model.holds())
                if (h.paymentPending)
                    c->hold = id;
        actAsHolder(c);
    }

    void fillOrderCommand(Command* c, std::uint64_t roll)
    {
        c->actor = staffActor();
        c->order = randomOrder();
        c->tickets = randomTickets(c->order);
        if (roll >= 760) {
            c->kind = CommandKind::Reissue;
            c->text = m_rng.chance(90) ? "reprint" : std::string();
            return;
        }
        if (roll < 730) {
            c->kind = CommandKind::Refund;
            c->amount = m_rng.chance(50) ? -1 : static_cast<Amount>(m_rng.below(9000)) - 1;
            c->text = randomText();
            return;
        }
        c->kind = CommandKind::Exchange;
        if (!c->tickets.empty() && m_rng.chance(70))
            c->tickets.resize(1);
        c->seats = m_rng.chance(70) ? seatsWhere([](const auto& s) { return s.status == SeatStatus::Available; })
                                    : randomSeats(2);
        if (c->seats.size() > 1 && m_rng.chance(80))
            c->seats.resize(1);
        // The expected price at the new seat: often right (the ticket's price type there), sometimes
        // unchecked (-1), wrong or invalid (below -1).
        const std::uint64_t pick = m_rng.below(100);
        c->amount = pick < 40 ? -1 : pick < 90 ? expectedExchangePrice(*c) : static_cast<Amount>(m_rng.below(6000)) - 2;
    }

    Amount expectedExchangePrice(const Command& c) const
    {
        if (c.tickets.size() != 1 || c.seats.size() != 1 || c.tickets[0] == 0
            || c.tickets[0] > m_model.tickets().size())
            return -1;
        const SeatIndex to = m_spec.venue->seatIndex(c.seats[0]);
        const std::uint8_t type = m_model.tickets()[c.tickets[0] - 1].priceType;
        if (to == kNoSeat || type >= m_spec.priceTypes.size())
            return -1;
        const Amount price = m_spec.price(m_spec.venue->seats[to].category, type);
        return price == kNotOffered ? -1 : price;
    }

    void fillInventory(Command* c, std::uint64_t roll)
    {
        c->actor = staffActor();
        c->target = static_cast<ChannelId>(m_rng.below(5));
        if (roll < 830) {
            c->kind = m_rng.chance(50) ? CommandKind::Block : CommandKind::Unblock;
            c->text = randomText();
            const SeatStatus wanted = c->kind == CommandKind::Block ? SeatStatus::Available : SeatStatus::Blocked;
            c->seats = m_rng.chance(60) ? seatsWhere([&](const auto& s) { return s.status == wanted; })
                                        : randomSeats(3);
        } else if (roll < 880) {
            c->kind = m_rng.chance(50) ? CommandKind::AllocateSeats : CommandKind::DeallocateSeats;
            const ChannelId target = c->target;
            if (c->kind == CommandKind::DeallocateSeats && m_rng.chance(60))
                c->seats = seatsWhere([&](const auto& s) { return s.allocation == target && target != 0; });
            else
                c->seats = randomSeats(3);
        } else {
            c->kind = m_rng.chance(50) ? CommandKind::AllocateArea : CommandKind::DeallocateArea;
            c->area = static_cast<AreaId>(m_rng.below(4)), c->quantity = static_cast<std::uint32_t>(m_rng.below(12));
        }
    }

    void fillConfirm(Command* c)
    {
        c->kind = CommandKind::Confirm;
        c->hold = randomHold();
        actAsHolder(c);
        c->text = randomText();
        c->buyer = Buyer { "Buyer " + std::to_string(m_rng.below(4)), m_rng.chance(50) ? "b@example.org" : "", "" };
        c->amount = -1;
        auto it = m_model.holds().find(c->hold);
        if (it != m_model.holds().end() && m_rng.chance(70)) {
            const auto units = it->second.area >= 0 ? it->second.quantity : it->second.seats.size();
            for (std::size_t i = 0; i < units; ++i)
                c->priceTypes.push_back(static_cast<std::uint8_t>(m_rng.below(m_rng.chance(90) ? 2 : 4)));
        }
        if (m_rng.chance(20))
            c->amount = static_cast<Amount>(m_rng.below(30000));
    }

    // ---- checking ----

    std::string compareState() const
    {
        const auto& seats = m_model.seats();
        for (SeatIndex s = 0; s < seats.size(); ++s) {
            const SeatView v = m_ledger->seat(s);
            const auto& m = seats[s];
            const bool same = v.status == m.status && v.allocation == m.allocation && v.hold == m.hold
                && v.ticket == m.ticket && std::string(v.blockReason) == m.reason;
            if (!same)
                return "seat " + std::to_string(s) + " differs: ledger status " + seatStatusName(v.status) + " model "
                    + seatStatusName(m.status);
        }
        if (m_ledger->counts().activeHolds != m_model.holds().size())
            return "active hold count differs";
        for (const auto& [id, h] : m_model.holds()) {
            const auto view = m_ledger->hold(id);
            if (!view || view->expiresAt != h.expiresAt || view->paymentPending != h.paymentPending
                || view->channel != h.channel || !(view->holder == h.holder))
                return "hold " + std::to_string(id) + " differs";
        }
        return compareOrders();
    }

    std::string compareOrders() const
    {
        if (m_ledger->counts().orders != m_model.orders().size()
            || m_ledger->counts().tickets != m_model.tickets().size())
            return "order or ticket count differs";
        for (const auto& o : m_model.orders()) {
            const Order* lo = m_ledger->order(o.id);
            if (lo == nullptr || lo->amount != o.amount || lo->refunded != o.refunded
                || lo->ticketCount != o.tickets.size())
                return "order " + std::to_string(o.id) + " differs";
        }
        for (const auto& t : m_model.tickets()) {
            const Ticket* lt = m_ledger->ticket(t.id);
            const SeatIndex seat = t.seat >= 0 ? static_cast<SeatIndex>(t.seat) : kNoSeat;
            if (lt == nullptr || lt->seat != seat || (lt->status == TicketStatus::Valid) != t.valid
                || lt->refunded != t.refunded || lt->code != t.code || lt->amount != t.amount
                || lt->priceType != t.priceType)
                return "ticket " + std::to_string(t.id) + " differs";
        }
        for (std::uint32_t a = 0; a < m_model.pools().size(); ++a) {
            for (const auto& [channel, pool] : m_model.pools()[a]) {
                const AreaPool* lp = nullptr;
                for (const AreaPool& p : m_ledger->areaPools(a))
                    if (p.channel == channel)
                        lp = &p;
                const bool empty = pool.capacity == 0 && pool.held == 0 && pool.sold == 0;
                if (lp == nullptr ? !empty
                                  : (lp->capacity != pool.capacity || lp->held != pool.held || lp->sold != pool.sold))
                    return "GA pool " + std::to_string(a) + "/" + std::to_string(channel) + " differs";
            }
        }
        return {};
    }

    void takeBatch()
    {
        JournalBatch batch = m_ledger->takeBatch();
        if (!batch.empty())
            m_journal.push_back(batch.bytes);
    }

    // Rebuilds the ledger from the journal (and sometimes a snapshot), as a restart would, and
    // goes on with the rebuilt one.
    std::string restart()
    {
        takeBatch();
        std::unique_ptr<Ledger> rebuilt;
        if (m_snapshot.empty() || m_rng.chance(30)) {
            rebuilt = std::make_unique<Ledger>(m_spec, m_options);
        } else {
            std::string error;
            rebuilt = Ledger::restore(m_spec, m_options, m_snapshot, &error);
            if (rebuilt == nullptr)
                return "restore failed: " + error;
        }
        for (const BatchPtr& batch : m_journal) {
            BatchHeader header;
            decodeBatchHeader(batch->data(), batch->size(), &header);
            if (header.firstSeq + header.recordCount <= rebuilt->replayFromSeq())
                continue;
            if (!rebuilt->replay(batch))
                return "replay failed at seq " + std::to_string(header.firstSeq);
        }
        if (rebuilt->lastSeq() != m_ledger->lastSeq())
            return "rebuilt ledger stops at seq " + std::to_string(rebuilt->lastSeq());
        m_ledger = std::move(rebuilt);
        if (m_rng.chance(60))
            m_snapshot = m_ledger->snapshot();
        return compareState();
    }

    std::uint64_t m_seed;
    Prng m_rng;
    EventSpec m_spec;
    LedgerOptions m_options;
    std::unique_ptr<Ledger> m_ledger;
    test::ReferenceModel m_model;
    std::vector<Command> m_history;
    std::vector<BatchPtr> m_journal;
    std::vector<std::uint8_t> m_snapshot;
    Timestamp m_now = 0;
    std::uint64_t m_keys = 0;
    std::uint64_t m_step = 0;
};

} // namespace

class TestSimulation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void randomCommandsAgainstReferenceModel()
    {
        const EventSpec spec = simEvent();
        const std::uint64_t first = g_seed != 0 ? g_seed : 1;
        const std::uint64_t runs = g_seed != 0 ? 1 : g_runs;
        for (std::uint64_t seed = first; seed < first + runs; ++seed) {
            Simulation simulation(seed, spec);
            const std::string problem = simulation.run(g_steps);
            if (!problem.empty()) {
                std::fprintf(stderr, "Replay with: TestSimulation --seed %llu --steps %llu\n",
                             static_cast<unsigned long long>(seed), static_cast<unsigned long long>(g_steps));
                QFAIL(problem.c_str());
            }
        }
        std::printf("simulated %llu seeds x %llu steps; outcomes (command: status count):\n",
                    static_cast<unsigned long long>(runs), static_cast<unsigned long long>(g_steps));
        int kind = -1;
        for (const auto& [key, count] : g_outcomes) {
            if (key.first != kind)
                std::printf("%s%s:", kind == -1 ? "" : "\n", commandKindName(static_cast<CommandKind>(key.first)));
            kind = key.first;
            std::printf(" %s %llu", key.second < 0 ? "replayed" : statusName(static_cast<Status>(key.second)),
                        static_cast<unsigned long long>(count));
        }
        std::printf("\n");
        // Every kind must have succeeded sometimes, or the simulation is not testing it.
        for (int k = 1; k <= kCommandKindMax; ++k)
            if (k != int(CommandKind::UpdateEvent)) // not a command: Ledger::updateSpec (TestEventUpdate)
                QVERIFY2((g_outcomes[std::make_pair(k, 0)] > 0), commandKindName(static_cast<CommandKind>(k)));
        // Exchanges re-price: both an upgrade and a downgrade must have happened, and the checks
        // that guard the price must have refused some.
        std::printf("exchanges at another price: %llu up, %llu down\n",
                    static_cast<unsigned long long>(g_repricedExchanges[0]),
                    static_cast<unsigned long long>(g_repricedExchanges[1]));
        QVERIFY(g_repricedExchanges[0] > 0 && g_repricedExchanges[1] > 0);
        const int exchange = int(CommandKind::Exchange);
        QVERIFY(g_outcomes[std::make_pair(exchange, int(Status::AmountMismatch))] > 0);
        QVERIFY(g_outcomes[std::make_pair(exchange, int(Status::PriceTypeNotFound))] > 0);
    }

    // Best-available on long rows (its bitmaps span several words per row) against the model.
    void longRowsAgainstReferenceModel()
    {
        const EventSpec spec = simEvent(true);
        const std::uint64_t first = g_seed != 0 ? g_seed : 1;
        const std::uint64_t runs = g_seed != 0 ? 1 : std::max<std::uint64_t>(1, g_runs / 10);
        for (std::uint64_t seed = first; seed < first + runs; ++seed) {
            Simulation simulation(seed, spec);
            const std::string problem = simulation.run(g_steps);
            if (!problem.empty()) {
                std::fprintf(stderr, "Replay with: TestSimulation --seed %llu --steps %llu"
                             " longRowsAgainstReferenceModel\n",
                             static_cast<unsigned long long>(seed),
                             static_cast<unsigned long long>(g_steps));
                QFAIL(problem.c_str());
            }
        }
    }
};

int main(int argc, char** argv)
{
    // Our options first; the rest goes to Qt Test.
    std::vector<char*> rest;
    for (int i = 0; i < argc; ++i) {
        if (i + 1 < argc && std::strcmp(argv[i], "--seed") == 0)
            g_seed = std::strtoull(argv[++i], nullptr, 10);
        else if (i + 1 < argc && std::strcmp(argv[i], "--steps") == 0)
            g_steps = std::strtoull(argv[++i], nullptr, 10);
        else if (i + 1 < argc && std::strcmp(argv[i], "--runs") == 0)
            g_runs = std::strtoull(argv[++i], nullptr, 10);
        else
            rest.push_back(argv[i]);
    }
    TestSimulation test;
    return QTest::qExec(&test, static_cast<int>(rest.size()), rest.data());
}

#include "TestSimulation.moc"
