// (c) Contention: 1,000 logical buyers fight over 100 hot seats through the durable engine. Each
// buyer has one command in flight at a time, as a person at a browser has: it tries to hold 1-4
// random hot seats; with a hold it confirms, or releases it (20%, abandonment). When the hot seats
// are (nearly) sold out, the next 100 seats of the venue become the hot set, so the fight goes on
// for the whole run. Afterwards every sale is audited twice: against the answers the buyers got,
// and against the ledger's tickets.

#include "BenchSystem.h"
#include "EngineBenchPhases.h"
#include "core/Assert.h"
#include "core/Random.h"
#include "runtime/Engine.h"

#include <QString>

#include <algorithm>
#include <condition_variable>
#include <mutex>

namespace usher::bench {

namespace {

constexpr ChannelId kOnline = 1;
constexpr std::uint32_t kAbandonPercent = 20;
constexpr std::uint32_t kSeatsPerHoldMax = 4;
constexpr std::size_t kRequestCommandsMax = 256;
constexpr std::uint64_t kCommandsMax = 50'000'000; // a bound on the run whatever --seconds says

struct Buyer {
    HoldId hold = 0;
};

struct Answered {
    std::size_t group = 0;
    std::int64_t completedNs = 0;
    std::vector<CommandResult> results;
};

// Completions arrive on the committer thread; the driver thread owns all buyer state.
struct Inbox {
    std::mutex mutex;
    std::condition_variable arrived;
    std::vector<Answered> answered;
};

struct Group {
    std::vector<std::uint32_t> buyers;
    std::int64_t submittedNs = 0;
};

class Driver {
public:
    Driver(EventShard& shard, const Venue& venue, std::uint64_t seed)
        : m_shard(shard)
        , m_venue(venue)
        , m_seed(seed)
        , m_rng(seed)
        , m_buyers(kContentionBuyers)
        , m_clientSold(venue.seatCount(), 0)
        , m_windowSold(venue.seatCount() / kContentionHotSeats + 1, 0)
    {
    }

    void run(double seconds, ContentionRun* out);
    const std::vector<std::uint8_t>& clientSold() const { return m_clientSold; }
    std::uint32_t windowsTouched() const { return m_window + 1; }

private:
    Command next(std::uint32_t buyer);
    void submitReady();
    void settle(Answered& answered, ContentionRun* out);
    void apply(std::uint32_t buyer, const CommandResult& r, ContentionRun* out);
    bool windowsLeft() const { return (m_window + 1) * kContentionHotSeats <= m_venue.seatCount(); }

    EventShard& m_shard;
    const Venue& m_venue;
    const std::uint64_t m_seed;
    Prng m_rng;
    std::vector<Buyer> m_buyers;
    std::vector<std::uint32_t> m_ready;
    std::vector<Group> m_groups;
    std::size_t m_inflight = 0;
    std::uint64_t m_serial = 0;
    std::uint32_t m_window = 0;
    std::vector<std::uint8_t> m_clientSold; // per seat index: confirmed to how many buyers
    std::vector<std::uint32_t> m_windowSold; // per hot set: seats confirmed
    std::vector<double> m_latencies;
    Inbox m_inbox;
};

Command Driver::next(std::uint32_t buyer)
{
    Command c;
    c.key = benchKey(m_seed, m_serial++);
    c.actor = Actor { ActorKind::Buyer, std::uint64_t(buyer) + 1 };
    c.channel = kOnline;
    const Buyer& b = m_buyers[buyer];
    if (b.hold != 0) {
        c.kind = m_rng.chance(kAbandonPercent) ? CommandKind::Release : CommandKind::Confirm;
        c.hold = b.hold;
        if (c.kind == CommandKind::Confirm)
            c.text = "psp-" + std::to_string(m_serial);
        return c;
    }
    c.kind = CommandKind::HoldSeats;
    const auto quantity = static_cast<std::uint32_t>(1 + m_rng.below(kSeatsPerHoldMax));
    const std::uint32_t first = m_window * kContentionHotSeats;
    while (c.seats.size() < quantity) {
        const SeatId id = m_venue.seats[first + m_rng.below(kContentionHotSeats)].id;
        if (std::find(c.seats.begin(), c.seats.end(), id) == c.seats.end())
            c.seats.push_back(id);
    }
    return c;
}

void Driver::submitReady()
{
    for (std::size_t begin = 0; begin < m_ready.size(); begin += kRequestCommandsMax) {
        const std::size_t end = std::min(m_ready.size(), begin + kRequestCommandsMax);
        Group group;
        std::vector<Command> commands;
        for (std::size_t i = begin; i < end; ++i) {
            group.buyers.push_back(m_ready[i]);
            commands.push_back(next(m_ready[i]));
        }
        const std::size_t index = m_groups.size();
        group.submittedNs = monotonicNs();
        m_groups.push_back(std::move(group));
        Inbox* inbox = &m_inbox;
        const Status status = m_shard.submit(std::move(commands), [inbox, index](std::vector<CommandResult>&& r) {
            Answered answered { index, monotonicNs(), std::move(r) };
            std::lock_guard lock(inbox->mutex);
            inbox->answered.push_back(std::move(answered));
            inbox->arrived.notify_one();
        });
        // At most kContentionBuyers commands are ever queued, far below the queue's bound.
        USHER_ASSERT(status == Status::Ok);
        ++m_inflight;
    }
    m_ready.clear();
}

void Driver::apply(std::uint32_t buyer, const CommandResult& r, ContentionRun* out)
{
    Buyer& b = m_buyers[buyer];
    ++out->all.commands;
    if (r.kind == CommandKind::HoldSeats && r.ok()) {
        b.hold = r.hold;
        ++out->holdsOk;
    } else if (r.kind == CommandKind::HoldSeats && r.status == Status::SeatUnavailable) {
        ++out->conflicts;
    } else if (r.kind == CommandKind::Confirm && r.ok()) {
        ++out->confirms;
        b.hold = 0;
        for (const IssuedTicket& ticket : r.tickets) {
            const SeatIndex seat = m_venue.seatIndex(ticket.seat);
            USHER_ASSERT(seat != kNoSeat);
            if (m_clientSold[seat]++ != 0)
                ++out->oversells; // two buyers were told they bought this seat
            ++m_windowSold[seat / kContentionHotSeats];
            ++out->seatsSold;
        }
    } else if (r.kind == CommandKind::Release && r.ok()) {
        ++out->releases;
        b.hold = 0;
    } else if (out->failure.empty()) {
        out->failure
            = std::string("contention: unexpected ") + statusName(r.status) + " for " + commandKindName(r.kind);
    }
}

void Driver::settle(Answered& answered, ContentionRun* out)
{
    const Group& group = m_groups[answered.group];
    USHER_ASSERT(group.buyers.size() == answered.results.size());
    m_latencies.push_back(double(answered.completedNs - group.submittedNs));
    for (std::size_t i = 0; i < answered.results.size(); ++i) {
        apply(group.buyers[i], answered.results[i], out);
        m_ready.push_back(group.buyers[i]);
    }
    --m_inflight;
    // Nearly sold out: fewer seats left than one buyer may ask for. The next hot set opens.
    while (windowsLeft() && m_windowSold[m_window] + kSeatsPerHoldMax > kContentionHotSeats) {
        ++m_window;
        ++out->windows;
    }
}

void Driver::run(double seconds, ContentionRun* out)
{
    for (std::uint32_t b = 0; b < kContentionBuyers; ++b)
        m_ready.push_back(b);
    const std::int64_t started = monotonicNs();
    const auto deadline = started + static_cast<std::int64_t>(seconds * 1e9);
    std::int64_t finished = started;
    bool stopping = false;
    for (;;) {
        stopping = stopping || monotonicNs() >= deadline || out->all.commands >= kCommandsMax || !windowsLeft();
        if (stopping)
            m_ready.clear();
        else
            submitReady();
        if (m_inflight == 0)
            break;
        std::vector<Answered> answered;
        {
            std::unique_lock lock(m_inbox.mutex);
            m_inbox.arrived.wait(lock, [&] { return !m_inbox.answered.empty(); });
            answered.swap(m_inbox.answered);
        }
        for (Answered& a : answered) {
            finished = std::max(finished, a.completedNs);
            settle(a, out);
        }
    }
    out->all.seconds = double(finished - started) / 1e9;
    out->all.p50Ns = percentile(m_latencies, 0.50);
    out->all.p99Ns = percentile(m_latencies, 0.99);
}

// Every sold seat has exactly one valid ticket, every valid ticket is on a sold seat, the tickets
// on the hot seats add up to the seats sold, and the ledger agrees with what the buyers were told.
void audit(EventShard& shard, const std::vector<std::uint8_t>& clientSold, std::uint32_t hotSeats, ContentionRun* out)
{
    shard.read([&](const Ledger& ledger) {
        const std::uint32_t seats = ledger.venue().seatCount();
        std::vector<std::uint32_t> valid(seats, 0);
        const LedgerCounts counts = ledger.counts();
        for (TicketId id = 1; id <= counts.tickets; ++id) {
            const Ticket* ticket = ledger.ticket(id);
            if (ticket != nullptr && ticket->status == TicketStatus::Valid && ticket->seat != kNoSeat)
                ++valid[ticket->seat];
        }
        std::uint64_t sold = 0;
        std::uint64_t hotTickets = 0;
        std::uint64_t mismatches = 0;
        for (SeatIndex s = 0; s < seats; ++s) {
            const bool isSold = ledger.seatStatus(s) == SeatStatus::Sold;
            sold += isSold ? 1 : 0;
            hotTickets += s < hotSeats ? valid[s] : 0;
            if (valid[s] > 1)
                ++out->oversells;
            if (isSold != (valid[s] == 1) || (isSold ? 1u : 0u) != clientSold[s])
                ++mismatches;
            const Ticket* ticket = isSold ? ledger.ticket(ledger.seat(s).ticket) : nullptr;
            if (isSold && (ticket == nullptr || ticket->seat != s))
                ++mismatches;
        }
        std::string problem;
        if (hotTickets != sold || sold != out->seatsSold || mismatches != 0)
            problem = "contention audit: " + std::to_string(sold) + " seats sold, " + std::to_string(hotTickets)
                + " valid tickets on hot seats, buyers told " + std::to_string(out->seatsSold) + ", "
                + std::to_string(mismatches) + " seats disagree";
        else
            problem = ledger.invariantViolation();
        if (!problem.empty() && out->failure.empty())
            out->failure = problem;
    });
    if (out->oversells != 0 && out->failure.empty())
        out->failure = "contention: " + std::to_string(out->oversells) + " seats oversold";
}

} // namespace

ContentionRun runContentionPhase(const VenuePtr& venue, double seconds, const std::string& baseDirectory,
                                 std::uint64_t seed)
{
    ContentionRun run;
    BenchEngine bench;
    run.failure = openBenchEngine(venue, baseDirectory, "contention", true, &bench);
    if (!run.failure.empty())
        return run;
    Engine* engine = bench.engine.get();
    EventShard* shard = bench.shard;
    Driver driver(*shard, *venue, seed);
    driver.run(seconds, &run);
    const std::uint32_t hotSeats = std::min(venue->seatCount(), driver.windowsTouched() * kContentionHotSeats);
    audit(*shard, driver.clientSold(), hotSeats, &run);
    engine->close();
    return run;
}

} // namespace usher::bench
