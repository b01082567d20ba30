#include "AuditBench.h"

#include "BenchSystem.h"
#include "BenchTable.h"
#include "EngineBenchPhases.h"
#include "audit/AuditIndex.h"
#include "audit/AuditQuery.h"
#include "audit/AuditReplay.h"
#include "event/EventSpecJson.h"
#include "ledger/Ledger.h"
#include "storage/SqliteStorage.h"
#include "venue/SampleVenues.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <unistd.h>

namespace usher::bench {

namespace {

using namespace usher::audit;

constexpr EventId kEvent = 1;
constexpr std::uint64_t kSeed = 0x0a0d17;
constexpr std::uint32_t kClerks = 12;
constexpr std::uint64_t kBuyers = 2'000'000;
constexpr std::size_t kRecordsPerBatch = 8192;
constexpr int kWorkloadVersion = 1;

constexpr std::array kFirstNames = { "Anna", "Lukas", "Zoë",    "Mia",  "Noah",   "Léa", "Elias", "Sofia", "Jonas",
                                     "Emma", "Luca",  "Hannah", "Finn", "Amélie", "Ben", "Clara", "Jan",   "Marta" };
constexpr std::array kLastNames = { "Müller",  "Meier",   "Schmid",  "Keller", "Weber",  "Huber",    "Schneider",
                                    "Fischer", "Brunner", "Baumann", "Gerber", "Frei",   "Moser",    "Zimmermann",
                                    "Dubois",  "Rossi",   "Novak",   "García", "Nguyen", "Kowalski", "O'Brien" };

struct Options {
    std::uint64_t records = 10'000'000;
    std::string dir = "/tmp/usher-audit-bench";
    int samples = 200;
    std::string only;             // "", "pages", "text" or "replay": measure that part alone
    bool keepCheckpoints = false; // replay: reuse the checkpoints an earlier run stored (no cold replay)
    bool dropCaches = false;      // cold text: drop the whole page cache before each sample (root)
};

double threadCpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e9 + double(ts.tv_nsec);
}

// Drops the file's clean pages from the OS page cache (no root needed), so the next read of it is
// cold: what the first query after opening the browser on a machine that has not read audit.db
// lately pays. With `everything` (root only), the whole page cache and the inode and dentry
// caches go too (echo 3 > /proc/sys/vm/drop_caches): the file system's own metadata is cold too.
bool evictFromPageCache(const std::string& path, bool everything, std::string* error)
{
    if (everything) {
        std::FILE* f = std::fopen("/proc/sys/vm/drop_caches", "w");
        const bool written = f != nullptr && std::fputs("3\n", f) >= 0;
        const bool closed = f != nullptr && std::fclose(f) == 0; // the kernel drops them on the write
        if (!written || !closed) {
            *error = "--drop-caches needs root (/proc/sys/vm/drop_caches is not writable)";
            return false;
        }
        return true;
    }
    for (const std::string& name : { path, path + "-wal" }) {
        const int fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            continue;
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        ::close(fd);
    }
    return true;
}

std::string buyerName(std::uint64_t buyer)
{
    return std::string(kFirstNames[buyer % kFirstNames.size()]) + " "
        + kLastNames[(buyer / kFirstNames.size()) % kLastNames.size()];
}

// ---- the onsale --------------------------------------------------------------------------------

class Onsale {
public:
    Onsale(Storage& storage, const EventSpec& spec)
        : m_storage(storage)
        , m_ledger(spec, LedgerOptions {})
        , m_rng(kSeed)
        , m_now(spec.channels.front().onsaleAt + 1000)
        , m_categories(std::uint16_t(spec.venue->categories.size()))
    {
    }

    bool run(std::uint64_t records, std::string* error)
    {
        Timestamp nextExpire = m_now + 1000;
        while (m_ledger.lastSeq() < records) {
            m_now += Timestamp(m_rng() % 3);
            if (m_now >= nextExpire) {
                Command expire;
                expire.kind = CommandKind::Expire;
                expire.actor = Actor { ActorKind::System, 0 };
                expire.now = m_now;
                m_ledger.execute(expire);
                nextExpire = m_now + 1000;
            }
            step();
            if (m_ledger.openBatchRecords() >= kRecordsPerBatch && !flush(error))
                return false;
            if (m_ledger.lastSeq() % 1'000'000 == 0)
                std::fprintf(stderr, "  journal: %llu records\n", static_cast<unsigned long long>(m_ledger.lastSeq()));
        }
        return flush(error);
    }

    std::uint64_t orders() const { return m_orders.size(); }

private:
    struct LiveHold {
        HoldId id;
        Actor actor;
        ChannelId channel;
    };

    Command command(CommandKind kind, Actor actor, ChannelId channel)
    {
        Command c;
        c.kind = kind;
        c.key = benchKey(kSeed, ++m_serial);
        c.actor = actor;
        c.channel = channel;
        c.now = m_now;
        return c;
    }

    void newActor(Actor* actor, ChannelId* channel)
    {
        if (m_rng() % 100 < 8) {
            *actor = Actor { ActorKind::Clerk, 1 + m_rng() % kClerks };
            *channel = 2;
        } else {
            *actor = Actor { ActorKind::Buyer, 1 + m_rng() % kBuyers };
            *channel = 1;
        }
    }

    LiveHold takeHold()
    {
        const std::size_t i = m_rng() % m_holds.size();
        const LiveHold hold = m_holds[i];
        m_holds[i] = m_holds.back();
        m_holds.pop_back();
        return hold;
    }

    void step()
    {
        const std::uint64_t r = m_rng() % 100;
        Actor actor;
        ChannelId channel = 0;
        newActor(&actor, &channel);
        if (r < 50 || r >= 94) {
            Command c = command(CommandKind::HoldBestAvailable, actor, channel);
            c.best.quantity = 1 + std::uint32_t(m_rng() % 4);
            c.best.category = std::uint16_t(m_rng() % m_categories);
            remember(m_ledger.execute(c), actor, channel);
        } else if (r < 65) {
            // Bots: two adjacent seats picked at random, most of them taken long ago.
            Command c = command(CommandKind::HoldSeats, actor, channel);
            const std::uint32_t seat = std::uint32_t(m_rng() % (m_ledger.venue().seatCount() - 1));
            c.seats = { m_ledger.venue().seats[seat].id, m_ledger.venue().seats[seat + 1].id };
            remember(m_ledger.execute(c), actor, channel);
        } else if (r < 80 && !m_holds.empty()) {
            const LiveHold hold = takeHold();
            Command c = command(CommandKind::Confirm, hold.actor, hold.channel);
            c.hold = hold.id;
            c.text = "psp-" + std::to_string(m_serial);
            const std::uint64_t who = hold.actor.kind == ActorKind::Buyer ? hold.actor.id : 1 + m_rng() % kBuyers;
            c.buyer.name = buyerName(who);
            c.buyer.email = "buyer" + std::to_string(who) + "@example.org";
            const CommandResult result = m_ledger.execute(c);
            if (result.ok())
                m_orders.push_back(result.order);
        } else if (r < 87 && !m_holds.empty()) {
            const LiveHold hold = takeHold();
            Command c = command(CommandKind::Release, hold.actor, hold.channel);
            c.hold = hold.id;
            m_ledger.execute(c);
        } else if (r < 92 && !m_holds.empty()) {
            const LiveHold& hold = m_holds[m_rng() % m_holds.size()];
            Command c = command(CommandKind::Extend, hold.actor, hold.channel);
            c.hold = hold.id;
            c.seconds = 120;
            m_ledger.execute(c);
        } else if (!m_orders.empty()) {
            Command c = command(CommandKind::Refund, Actor { ActorKind::Clerk, 1 + m_rng() % kClerks }, 2);
            c.order = m_orders[m_rng() % m_orders.size()];
            c.text = "customer request";
            m_ledger.execute(c);
        }
    }

    void remember(const CommandResult& result, Actor actor, ChannelId channel)
    {
        if (result.ok())
            m_holds.push_back(LiveHold { result.hold, actor, channel });
        // Holds that expire stay in the list: confirming them later is refused, as in real life.
        if (m_holds.size() > 50'000)
            m_holds.erase(m_holds.begin(), m_holds.begin() + 10'000);
    }

    bool flush(std::string* error)
    {
        const JournalBatch batch = m_ledger.takeBatch();
        if (batch.empty())
            return true;
        const CommitItem items[] = { CommitItem { kEvent, &batch, nullptr, 0, nullptr } };
        return m_storage.commit(items, error) == Status::Ok;
    }

    Storage& m_storage;
    Ledger m_ledger;
    std::mt19937_64 m_rng;
    Timestamp m_now;
    std::uint16_t m_categories;
    std::uint64_t m_serial = 0;
    std::vector<LiveHold> m_holds;
    std::vector<OrderId> m_orders;
};

std::string workloadText(const Options& o)
{
    return "audit-bench v" + std::to_string(kWorkloadVersion) + " records " + std::to_string(o.records) + " seed "
        + std::to_string(kSeed) + "\n";
}

// Writes the journal and the index into o.dir, unless they are there already.
bool prepare(const Options& o, BenchTable* table, std::string* error)
{
    namespace fs = std::filesystem;
    const std::string marker = o.dir + "/workload.txt";
    {
        std::ifstream in(marker);
        std::string line;
        if (std::getline(in, line) && line + "\n" == workloadText(o)) {
            // Opening the index upgrades an older schema in place (timed: it builds an index).
            const std::int64_t t0 = monotonicNs();
            const double cpu0 = threadCpuNs();
            auto index = AuditIndex::open(AuditIndex::optionsFor(o.dir), error);
            if (index == nullptr)
                return false;
            table->add("setup", "journal and index",
                       "reused from " + o.dir + "; opened (upgrades included) in "
                           + formatSeconds(double(monotonicNs() - t0) / 1e9) + ", CPU "
                           + formatSeconds((threadCpuNs() - cpu0) / 1e9));
            return true;
        }
    }
    std::error_code ec;
    fs::remove_all(o.dir, ec);
    fs::create_directories(o.dir, ec);
    SqliteStorageOptions so;
    so.path = o.dir + "/usher.db";
    so.synchronousFull = false;
    auto storage = SqliteStorage::open(so, error);
    if (storage == nullptr)
        return false;
    std::shared_ptr<Venue> venue = sampleArena();
    EventSpec spec = makeDemoEvent(kEvent, "Arena onsale", venue, 1'767'225'600'000);
    if (storage->createEvent(spec, error) != Status::Ok)
        return false;
    const std::int64_t t0 = monotonicNs();
    Onsale onsale(*storage, spec);
    if (!onsale.run(o.records, error))
        return false;
    const double journalSeconds = double(monotonicNs() - t0) / 1e9;
    storage.reset();
    table->add("setup", "journal (Ledger + SqliteStorage)",
               formatCount(double(o.records)) + " records, " + formatCount(double(onsale.orders())) + " orders, "
                   + formatSeconds(journalSeconds));

    auto index = AuditIndex::open(AuditIndex::optionsFor(o.dir), error);
    if (index == nullptr)
        return false;
    const std::int64_t t1 = monotonicNs();
    const double cpu0 = threadCpuNs();
    AuditCatchUp step;
    do {
        if (index->catchUp(&step, error, false, 1'000'000) != Status::Ok)
            return false;
        std::fprintf(stderr, "  index: %llu records\n", static_cast<unsigned long long>(index->indexedSeq(kEvent)));
    } while (step.more);
    const double seconds = double(monotonicNs() - t1) / 1e9;
    const double cpu = (threadCpuNs() - cpu0) / 1e9;
    table->add("setup", "index catch-up",
               formatRate(double(o.records) / seconds) + " (" + formatSeconds(seconds) + ", CPU " + formatSeconds(cpu)
                   + ")");
    std::uintmax_t bytes = 0;
    for (const char* name : { "/usher.db", "/usher.db-wal", "/audit.db", "/audit.db-wal" }) {
        const std::uintmax_t size = fs::file_size(o.dir + name, ec);
        if (!ec && std::string(name).find("audit") != std::string::npos)
            bytes += size;
    }
    table->add("setup", "audit.db size",
               formatBytes(double(bytes)) + " (" + formatBytes(double(bytes) / double(o.records)) + " per record)");
    if (index->rowCount() != o.records) {
        *error
            = "the index has " + std::to_string(index->rowCount()) + " rows, the journal " + std::to_string(o.records);
        return false;
    }
    std::ofstream(marker) << workloadText(o);
    return true;
}

// ---- measuring ---------------------------------------------------------------------------------

struct Measured {
    double p50 = 0;
    double p99 = 0;
    double cpuMean = 0;
    std::uint64_t rows = 0;
};

Measured measure(int samples, const std::function<std::size_t(int)>& op)
{
    std::vector<double> wall;
    wall.reserve(std::size_t(samples));
    const double cpu0 = threadCpuNs();
    Measured m;
    for (int i = 0; i < samples; ++i) {
        const std::int64_t t0 = monotonicNs();
        m.rows += op(i);
        wall.push_back(double(monotonicNs() - t0));
    }
    m.cpuMean = (threadCpuNs() - cpu0) / samples;
    m.p50 = percentile(wall, 0.5);
    m.p99 = percentile(wall, 0.99);
    return m;
}

void report(BenchTable* table, const std::string& phase, const std::string& metric, const Measured& m,
            double p99TargetNs, int samples)
{
    const std::string value = "p50 " + formatNs(m.p50) + ", p99 " + formatNs(m.p99) + ", CPU " + formatNs(m.cpuMean)
        + " (" + formatCount(double(m.rows) / samples) + " rows)";
    table->add(phase, metric, value, "p99 < " + formatNs(p99TargetNs),
               m.p99 < p99TargetNs ? Verdict::Pass : Verdict::Miss);
}

// A text search as the browser runs it right after the user typed a word, on a cold file: audit.db
// evicted from the page cache (--drop-caches: the whole page cache) and a new connection before
// each sample. A common word (a surname, ~1 in 20 sales) and a rare one (a buyer's e-mail, a few
// records); the first page (AuditLogModel::kFirstTextPageRows = 64 rows; 200 before session 9)
// and the capped count, which the browser runs on a thread of its own. Pages: database pages read
// from the file.
bool measureColdText(const Options& o, BenchTable* table, std::string* error)
{
    const std::string path = AuditIndex::optionsFor(o.dir).indexPath;
    const int samples = std::clamp(o.samples / 10, 5, int(kLastNames.size()));
    struct Cold {
        const char* name;
        bool rare;
        std::size_t rows; // 0: the count
    };
    const char* how = o.dropCaches ? "drop_caches" : "fadvise";
    std::mt19937_64 rng(kSeed + 3);
    for (const Cold c : { Cold { "a surname (common), first page, 64 rows", false, 64 },
                          Cold { "a surname (common), first page, 200 rows (before)", false, 200 },
                          Cold { "a surname (common), count (capped at 100K)", false, 0 },
                          Cold { "an e-mail (rare), first page, 64 rows", true, 64 },
                          Cold { "an e-mail (rare), count (capped at 100K)", true, 0 } }) {
        std::uint64_t pages = 0;
        bool ok = true;
        const Measured m = measure(samples, [&](int i) {
            ok = ok && evictFromPageCache(path, o.dropCaches, error);
            auto cold = ok ? AuditQuery::open(path, error) : nullptr;
            if (cold == nullptr) {
                ok = false;
                return std::size_t(0);
            }
            AuditFilter f;
            f.text = c.rare ? "buyer" + std::to_string(1 + rng() % kBuyers)
                            : std::string(kLastNames[std::size_t(i * 5 + 3) % kLastNames.size()]);
            const std::uint64_t before = cold->pagesRead();
            std::size_t n = 0;
            if (c.rows != 0) {
                std::vector<AuditRow> rows;
                ok = ok && cold->page(f, AuditDirection::Backward, kAuditKeyMax, c.rows, &rows, error) == Status::Ok;
                n = rows.size();
            } else {
                std::uint64_t count = 0;
                bool capped = false;
                ok = ok && cold->count(f, 100'000, &count, &capped, error) == Status::Ok;
                n = std::size_t(count);
            }
            pages += cold->pagesRead() - before;
            return n;
        });
        if (!ok)
            return false;
        const std::string value = "p50 " + formatNs(m.p50) + ", p99 " + formatNs(m.p99) + ", CPU " + formatNs(m.cpuMean)
            + " (" + formatCount(double(m.rows) / samples) + " rows, " + formatCount(double(pages) / samples)
            + " pages read)";
        table->add(std::string("cold text (") + how + ")", c.name, value, "p50 < 500 ms",
                   c.rows == 200 ? Verdict::Info : (m.p50 < 500e6 ? Verdict::Pass : Verdict::Miss));
    }
    return true;
}

bool measurePages(const Options& o, AuditQuery& query, BenchTable* table, std::string* error)
{
    std::vector<AuditRow> rows;
    AuditFilter all;
    Seq first = 0, last = 0;
    Timestamp firstAt = 0, lastAt = 0;
    if (query.seqRange(kEvent, &first, &last, &firstAt, &lastAt, error) != Status::Ok)
        return false;
    const AuditKey lowKey = auditKeyAt(firstAt);
    const AuditKey highKey = auditKeyAt(lastAt + 1);
    std::mt19937_64 rng(kSeed + 1);
    auto randomKey = [&] { return lowKey + AuditKey(rng() % std::uint64_t(highKey - lowKey)); };
    const int n = o.samples;
    constexpr double kPageTargetNs = 16e6; // a frame: scrolling never waits for a page
    constexpr double kFilterTargetNs = 100e6;
    auto page = [&](const AuditFilter& f, AuditDirection d, AuditKey from) {
        query.page(f, d, from, 200, &rows, error);
        return rows.size();
    };
    const bool textOnly = o.only == "text";
    if (!textOnly) {
        report(table, "page", "newest 200 rows",
               measure(n, [&](int) { return page(all, AuditDirection::Backward, kAuditKeyMax); }), kPageTargetNs, n);
        report(table, "page", "200 rows forward from a random row",
               measure(n, [&](int) { return page(all, AuditDirection::Forward, randomKey()); }), kPageTargetNs, n);
        report(table, "page", "200 rows backward from a random row",
               measure(n, [&](int) { return page(all, AuditDirection::Backward, randomKey()); }), kPageTargetNs, n);
        report(table, "page", "live tail (nothing new)",
               measure(n, [&](int) { return page(all, AuditDirection::Forward, highKey); }), kPageTargetNs, n);
    }

    const std::shared_ptr<Venue> arena = sampleArena();
    const Venue& venue = *arena;
    struct Case {
        const char* name;
        std::function<AuditFilter()> make;
    };
    const Case cases[] = {
        { "event",
          [&] {
              AuditFilter f;
              f.event = kEvent;
              return f;
          } },
        { "seat",
          [&] {
              AuditFilter f;
              f.event = kEvent;
              f.seat = venue.seats[rng() % venue.seatCount()].id;
              return f;
          } },
        { "order",
          [&] {
              AuditFilter f;
              f.order = 1 + rng() % 5000;
              return f;
          } },
        { "clerk",
          [&] {
              AuditFilter f;
              f.actorKind = ActorKind::Clerk;
              f.actorId = 1 + rng() % kClerks;
              return f;
          } },
        { "buyer (rare)",
          [&] {
              AuditFilter f;
              f.actorKind = ActorKind::Buyer;
              f.actorId = 1 + rng() % kBuyers;
              return f;
          } },
        { "type: sales",
          [&] {
              AuditFilter f;
              f.kind = CommandKind::Confirm;
              return f;
          } },
        { "type: refunds",
          [&] {
              AuditFilter f;
              f.kind = CommandKind::Refund;
              return f;
          } },
        { "refused only",
          [&] {
              AuditFilter f;
              f.outcome = AuditOutcome::Rejected;
              return f;
          } },
        { "time: a random minute",
          [&] {
              AuditFilter f;
              f.from = firstAt + Timestamp(rng() % std::uint64_t(std::max<Timestamp>(1, lastAt - firstAt)));
              f.to = f.from + 60'000;
              return f;
          } },
        { "text: a surname",
          [&] {
              AuditFilter f;
              f.text = kLastNames[rng() % kLastNames.size()];
              return f;
          } },
        { "text: an e-mail",
          [&] {
              AuditFilter f;
              f.text = "buyer" + std::to_string(1 + rng() % kBuyers);
              return f;
          } },
        { "clerk + sales + a minute",
          [&] {
              AuditFilter f;
              f.actorKind = ActorKind::Clerk;
              f.actorId = 1 + rng() % kClerks;
              f.kind = CommandKind::Confirm;
              f.from = firstAt + Timestamp(rng() % std::uint64_t(std::max<Timestamp>(1, lastAt - firstAt)));
              f.to = f.from + 60'000;
              return f;
          } },
    };
    const int filterSamples = std::max(10, n / 4);
    for (const Case& c : cases) {
        if (textOnly && std::string_view(c.name).substr(0, 5) != "text:")
            continue;
        std::vector<AuditFilter> filters;
        for (int i = 0; i < filterSamples; ++i)
            filters.push_back(c.make());
        report(table, "filter", std::string(c.name) + ", newest page",
               measure(filterSamples,
                       [&](int i) { return page(filters[std::size_t(i)], AuditDirection::Backward, kAuditKeyMax); }),
               kFilterTargetNs, filterSamples);
        report(table, "filter", std::string(c.name) + ", next page back",
               measure(filterSamples,
                       [&](int i) {
                           const AuditFilter& f = filters[std::size_t(i)];
                           query.page(f, AuditDirection::Backward, kAuditKeyMax, 200, &rows, error);
                           return rows.empty() ? std::size_t(0) : page(f, AuditDirection::Backward, rows.front().key);
                       }),
               kFilterTargetNs * 2, filterSamples);
    }
    if (!measureColdText(o, table, error))
        return false;
    for (const Case& c : { cases[1], cases[3], cases[5], cases[9] }) {
        if (textOnly && std::string_view(c.name).substr(0, 5) != "text:")
            continue;
        std::vector<AuditFilter> filters;
        for (int i = 0; i < filterSamples; ++i)
            filters.push_back(c.make());
        report(table, "count", std::string(c.name) + " (capped at 100K)",
               measure(filterSamples,
                       [&](int i) {
                           std::uint64_t count = 0;
                           bool capped = false;
                           query.count(filters[std::size_t(i)], 100'000, &count, &capped, error);
                           return std::size_t(count);
                       }),
               kFilterTargetNs * 2, filterSamples);
    }
    return true;
}

// The checkpoints stored in audit.db, and every body read once (what AuditReplay used to do when
// a session opened an event).
bool storedCheckpoints(const std::string& path, std::uint64_t* count)
{
    std::string why;
    auto db = AuditDb::open(path, false, &why);
    if (db == nullptr)
        return false;
    AuditStmt stmt(*db, "SELECT count(*) FROM replay_checkpoint WHERE event_id = ?1");
    if (!stmt.ok())
        return false;
    stmt.bind(1, std::int64_t(kEvent));
    *count = stmt.step() ? std::uint64_t(stmt.integer(0)) : 0;
    return true;
}

bool readAllCheckpointBodies(const std::string& path, std::uint64_t* bytes)
{
    std::string why;
    auto db = AuditDb::open(path, false, &why);
    if (db == nullptr)
        return false;
    AuditStmt stmt(*db, "SELECT snapshot FROM replay_checkpoint WHERE event_id = ?1 ORDER BY seq");
    if (!stmt.ok())
        return false;
    stmt.bind(1, std::int64_t(kEvent));
    while (stmt.step())
        *bytes += stmt.blob(0).size();
    return true;
}

// What AuditWorker does once an event's first request is answered: read the stored checkpoint
// bodies not read yet, one per idle slice (AuditReplay::readAhead), so that later jumps restore
// from memory. Reports the slices (a request waits for at most one) and the memory they end in.
bool measureReadAhead(AuditReplay& replay, Seq last, std::mt19937_64& rng, BenchTable* table, std::string* error)
{
    if (replay.stateAt(
            kEvent, 1 + rng() % last, [](const Ledger&) {}, error)
        != Status::Ok)
        return false;
    const std::size_t unread = replay.unreadCheckpoints(kEvent);
    std::vector<double> slices;
    const std::int64_t t0 = monotonicNs();
    const double c0 = threadCpuNs();
    for (bool done = unread == 0; !done;) {
        const std::int64_t s0 = monotonicNs();
        if (replay.readAhead(kEvent, &done, error) != Status::Ok)
            return false;
        slices.push_back(double(monotonicNs() - s0));
    }
    const double wall = double(monotonicNs() - t0);
    const double cpu = threadCpuNs() - c0;
    table->add("replay", "read-ahead after the first request (idle worker, one body per slice)",
               std::to_string(slices.size()) + " bodies in " + formatSeconds(wall / 1e9) + " (CPU "
                   + formatSeconds(cpu / 1e9) + "); a slice p50 " + formatNs(percentile(slices, 0.5)) + ", max "
                   + formatNs(slices.empty() ? 0.0 : *std::max_element(slices.begin(), slices.end()))
                   + "; checkpoints in memory " + formatBytes(double(replay.checkpointBytes(kEvent))));
    if (replay.unreadCheckpoints(kEvent) != 0) {
        *error = "the read-ahead left " + std::to_string(replay.unreadCheckpoints(kEvent)) + " bodies unread";
        return false;
    }
    return true;
}

// Restore versus replay, the two costs AuditReplay's choice of start weighs (CPU time): restoring
// each of (a sample of) the stored checkpoints with its body in memory, against its deflated
// body's size (fitted as fixed + per byte), and replaying forward from a restored checkpoint, per
// record. Then a slider stepped forward in steps shorter than a restore: with the measured costs
// (the defaults) it replays from the cursor; pricing a restore at 0 (what the old rule amounted to
// once a checkpoint was 1/8 of the spacing ahead) restores at every checkpoint crossed.
bool measureRestoreVersusReplay(const Options& o, Seq last, BenchTable* table, std::string* error)
{
    AuditReplayOptions costFree;
    costFree.journalPath = o.dir + "/usher.db";
    costFree.checkpointPath = o.dir + "/audit.db";
    costFree.restoreCostRecords = 0; // every checkpoint ahead of the cursor is restored
    costFree.restoreBodyBytesPerRecord = 0;
    auto probe = AuditReplay::open(costFree, error);
    if (probe == nullptr
        || probe->stateAt(
               kEvent, last, [](const Ledger&) {}, error)
            != Status::Ok)
        return false;
    for (bool done = false; !done;)
        if (probe->readAhead(kEvent, &done, error) != Status::Ok)
            return false;
    const std::vector<std::pair<Seq, std::uint64_t>> stored = probe->checkpointPositions(kEvent); // seq, bytes
    if (stored.size() < 4) { // a short journal (--quick, the smoke test): nothing to weigh
        table->add("restore vs replay", "skipped",
                   std::to_string(stored.size()) + " checkpoints (one per 50,000 records; at least 4 needed)");
        return true;
    }
    // Restores, newest first so that the cursor is always after the target (no replay at all).
    const std::size_t every = std::max<std::size_t>(1, stored.size() / 24);
    std::vector<std::pair<double, double>> restores; // body bytes, CPU ns
    for (std::size_t i = stored.size(); i-- > 0;) {
        if (i % every != 0)
            continue;
        const double c0 = threadCpuNs();
        if (probe->stateAt(
                kEvent, stored[i].first, [](const Ledger&) {}, error)
            != Status::Ok)
            return false;
        const double cpu = threadCpuNs() - c0;
        if (probe->lastStats().fromCheckpoint && probe->lastStats().recordsReplayed == 0)
            restores.emplace_back(double(stored[i].second), cpu);
    }
    // Replaying forward from a restored checkpoint, half way to the next one.
    double replayCpu = 0, replayRecords = 0;
    for (std::size_t i = 1; i + 1 < stored.size(); i += std::max<std::size_t>(1, stored.size() / 10)) {
        if (probe->stateAt(
                kEvent, stored[i].first, [](const Ledger&) {}, error)
            != Status::Ok)
            return false;
        const Seq to = stored[i].first + (stored[i + 1].first - stored[i].first) / 2;
        const double c0 = threadCpuNs();
        if (probe->stateAt(
                kEvent, to, [](const Ledger&) {}, error)
            != Status::Ok)
            return false;
        if (probe->lastStats().fromCursor)
            replayCpu += threadCpuNs() - c0, replayRecords += double(probe->lastStats().recordsReplayed);
    }
    if (restores.size() < 2 || replayRecords == 0) {
        *error = "restore versus replay: nothing measured";
        return false;
    }
    // Least squares: restore CPU = a + b * body bytes.
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (const auto& [x, y] : restores)
        sx += x, sy += y, sxx += x * x, sxy += x * y;
    const double n = double(restores.size());
    const double b = std::max(0.0, (n * sxy - sx * sy) / std::max(1.0, n * sxx - sx * sx));
    const double a = std::max(0.0, (sy - b * sx) / n);
    const double perRecord = replayCpu / replayRecords;
    const auto [minBody, maxBody] = std::minmax_element(restores.begin(), restores.end());
    table->add("restore vs replay", "restore a checkpoint (body in memory: inflate + Ledger::restore)",
               "CPU " + formatNs(sy / n) + " mean over " + std::to_string(restores.size()) + " checkpoints (bodies "
                   + formatBytes(minBody->first) + " .. " + formatBytes(maxBody->first) + "); fit: " + formatNs(a)
                   + " + " + formatNs(b * 1e6) + " per MB of body");
    table->add("restore vs replay", "replay forward from a checkpoint",
               "CPU " + formatNs(perRecord) + " per record (" + formatCount(replayRecords) + " records)");
    const AuditReplayOptions defaults;
    table->add("restore vs replay", "a restore in records replayed (measured -> AuditReplayOptions)",
               formatCount(a / perRecord) + " + one per " + formatCount(perRecord / std::max(b, 1e-12))
                   + " body bytes (defaults: " + formatCount(double(defaults.restoreCostRecords)) + " + one per "
                   + formatCount(double(defaults.restoreBodyBytesPerRecord)) + "); the newest checkpoint: "
                   + formatCount((a + b * double(stored.back().second)) / perRecord) + " records");

    // A slider stepped forward from the middle, 40 steps of 25K records (a checkpoint crossed
    // every few steps), with the default costs and with restores priced at 0.
    AuditReplayOptions priced = costFree;
    priced.restoreCostRecords = defaults.restoreCostRecords;
    priced.restoreBodyBytesPerRecord = defaults.restoreBodyBytesPerRecord;
    for (const auto& [name, options] :
         { std::pair { "measured costs (the defaults)", priced }, std::pair { "restores priced at 0", costFree } }) {
        auto slider = AuditReplay::open(options, error);
        const Seq from = last / 2;
        if (slider == nullptr
            || slider->stateAt(
                   kEvent, from, [](const Ledger&) {}, error)
                != Status::Ok)
            return false;
        for (bool done = false; !done;)
            if (slider->readAhead(kEvent, &done, error) != Status::Ok)
                return false;
        const std::size_t before = slider->restoresTotal();
        const int steps = 40;
        bool ok = true;
        const Measured m = measure(steps, [&](int i) {
            ok = ok
                && slider->stateAt(
                       kEvent, std::min(last, from + Seq(i + 1) * 25'000), [](const Ledger&) {}, error)
                    == Status::Ok;
            return std::size_t(0);
        });
        if (!ok)
            return false;
        table->add("restore vs replay", std::string("slider, 40 steps of 25K records forward, ") + name,
                   "CPU " + formatNs(m.cpuMean) + " per step, p50 " + formatNs(m.p50) + ", p99 " + formatNs(m.p99)
                       + "; " + std::to_string(slider->restoresTotal() - before) + " restores");
    }
    return true;
}

bool measureReplay(const Options& o, AuditQuery& query, BenchTable* table, std::string* error)
{
    Seq first = 0, last = 0;
    Timestamp firstAt = 0, lastAt = 0;
    if (query.seqRange(kEvent, &first, &last, &firstAt, &lastAt, error) != Status::Ok)
        return false;
    AuditReplayOptions options;
    options.journalPath = o.dir + "/usher.db";
    options.checkpointPath = o.dir + "/audit.db"; // checkpoints kept across sessions
    auto replay = AuditReplay::open(options, error);
    if (replay == nullptr)
        return false;
    std::uint64_t stored = 0;
    if (!o.keepCheckpoints || !storedCheckpoints(options.checkpointPath, &stored) || stored == 0) {
        replay->clear(); // forget the checkpoints an earlier run stored: measure the very first replay
        const std::int64_t t0 = monotonicNs();
        const double c0 = threadCpuNs();
        if (replay->stateAt(
                kEvent, last, [](const Ledger&) {}, error)
            != Status::Ok)
            return false;
        const double cold = double(monotonicNs() - t0);
        const double coldCpu = threadCpuNs() - c0;
        table->add("replay", "cold: the whole journal, first request ever",
                   formatSeconds(cold / 1e9) + " (CPU " + formatSeconds(coldCpu / 1e9) + "; "
                       + formatRate(double(last) / (cold / 1e9)) + " records, "
                       + std::to_string(replay->lastStats().checkpoints) + " checkpoints kept and stored)");
    } else {
        table->add("replay", "cold: the whole journal, first request ever",
                   "skipped (--keep-checkpoints: " + std::to_string(stored) + " stored checkpoints reused)");
    }
    std::mt19937_64 rng(kSeed + 2);
    {
        // What a later session paid before checkpoint bodies were read lazily: every stored body.
        const std::int64_t t0 = monotonicNs();
        const double c0 = threadCpuNs();
        std::uint64_t bytes = 0;
        if (!readAllCheckpointBodies(options.checkpointPath, &bytes))
            return false;
        std::uint64_t count = 0;
        storedCheckpoints(options.checkpointPath, &count);
        table->add("replay", "every stored checkpoint body read (the old up-front load)",
                   formatSeconds(double(monotonicNs() - t0) / 1e9) + " (CPU "
                       + formatSeconds((threadCpuNs() - c0) / 1e9) + "; " + std::to_string(count) + " bodies, "
                       + formatBytes(double(bytes)) + ", "
                       + formatBytes(double(bytes) / double(std::max<std::uint64_t>(1, count))) + " each)");
    }
    {
        // A later session (the audit browser opened again): a new replay reads the stored
        // checkpoints; its first request restores the nearest one.
        const int sessions = 5;
        std::size_t bodies = 0;
        bool fromStored = true;
        bool sessionOk = true;
        const Measured later = measure(sessions, [&](int) {
            auto again = AuditReplay::open(options, error);
            sessionOk = sessionOk && again != nullptr
                && again->stateAt(
                       kEvent, 1 + rng() % last, [](const Ledger&) {}, error)
                    == Status::Ok;
            fromStored = fromStored && again != nullptr && again->lastStats().fromStoredCheckpoint;
            bodies += again != nullptr ? again->lastStats().checkpointBodiesRead : 0;
            return std::size_t(0);
        });
        if (!sessionOk)
            return false;
        report(table, "replay",
               std::string("later session, first request (random seq") + (fromStored ? ", stored checkpoint" : "")
                   + "; " + formatCount(double(bodies) / sessions) + " checkpoint bodies read)",
               later, 1e9, sessions);
    }
    if (!measureReadAhead(*replay, last, rng, table, error))
        return false;
    if (!measureRestoreVersusReplay(o, last, table, error))
        return false;
    const int n = std::max(10, o.samples / 5);
    std::vector<Seq> targets;
    for (int i = 0; i < n; ++i)
        targets.push_back(1 + rng() % last);
    bool ok = true;
    auto at = [&](Seq seq) {
        ok = ok
            && replay->stateAt(
                   kEvent, seq, [](const Ledger&) {}, error)
                == Status::Ok;
        return std::size_t(0);
    };
    const std::size_t bodiesBefore = replay->checkpointBodiesReadTotal();
    std::uint64_t replayed = 0;
    const Measured random = measure(n, [&](int i) {
        at(targets[std::size_t(i)]);
        replayed += replay->lastStats().recordsReplayed;
        return std::size_t(0);
    });
    report(table, "replay",
           "random seq after the read-ahead (" + std::to_string(replay->checkpointBodiesReadTotal() - bodiesBefore)
               + " bodies read; " + formatCount(double(replayed) / n) + " records replayed on average)",
           random, 1e9, n);
    // A slider dragged across the onsale, 200 positions forward.
    const int steps = 200;
    report(table, "replay", "slider drag, 200 steps forward",
           measure(steps, [&](int i) { return at(1 + Seq(i) * (last / steps)); }), 250e6, steps);
    return ok;
}

void printUsage(std::FILE* out)
{
    std::fprintf(out,
                 "usage: usher-bench audit [--quick] [--records N] [--samples N] [--dir PATH]\n"
                 "                         [--only pages|text|replay] [--keep-checkpoints] [--drop-caches]\n\n"
                 "  --records N  journal records to generate and index (default 10000000; --quick: 200000)\n"
                 "  --samples N  samples per page measurement (default 200; --quick: 40)\n"
                 "  --dir PATH   where usher.db and audit.db are kept and reused (default\n"
                 "               /tmp/usher-audit-bench; --quick: /tmp/usher-audit-bench-quick)\n"
                 "  --only X     measure one part: pages (pages, filters, counts), text (the text\n"
                 "               filters alone) or replay (time travel)\n"
                 "  --keep-checkpoints  replay: reuse the checkpoints an earlier run stored instead of\n"
                 "               replaying the whole journal first\n"
                 "  --drop-caches  cold text: drop the whole page cache before each sample (root:\n"
                 "               echo 3 > /proc/sys/vm/drop_caches), not only audit.db's pages\n");
}

} // namespace

int runAuditBenchCommand(const std::vector<std::string_view>& arguments)
{
    Options o;
    bool dirGiven = false;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string_view a = arguments[i];
        auto number = [&](std::uint64_t* out) {
            if (i + 1 >= arguments.size())
                return false;
            const std::string_view v = arguments[++i];
            return std::from_chars(v.data(), v.data() + v.size(), *out).ec == std::errc();
        };
        std::uint64_t value = 0;
        if (a == "--help") {
            printUsage(stdout);
            return 0;
        } else if (a == "--quick") {
            o.records = 200'000;
            o.samples = 40;
            if (!dirGiven)
                o.dir = "/tmp/usher-audit-bench-quick";
        } else if (a == "--records" && number(&value) && value >= 1000) {
            o.records = value;
        } else if (a == "--samples" && number(&value) && value >= 10 && value <= 100'000) {
            o.samples = int(value);
        } else if (a == "--only" && i + 1 < arguments.size()
                   && (arguments[i + 1] == "pages" || arguments[i + 1] == "text" || arguments[i + 1] == "replay")) {
            o.only = std::string(arguments[++i]);
        } else if (a == "--keep-checkpoints") {
            o.keepCheckpoints = true;
        } else if (a == "--drop-caches") {
            o.dropCaches = true;
        } else if (a == "--dir" && i + 1 < arguments.size()) {
            o.dir = std::string(arguments[++i]);
            dirGiven = true;
        } else {
            std::fprintf(stderr, "usher-bench audit: bad argument '%.*s'\n\n", int(a.size()), a.data());
            printUsage(stderr);
            return 2;
        }
    }
    BenchTable table;
    std::fprintf(stdout,
                 "usher-bench audit: %s records, %s, %u CPUs, load %.2f (a shared machine: compare CPU times)\n",
                 formatCount(double(o.records)).c_str(), cpuModel().c_str(), cpuCount(), loadAverage());
    std::string error;
    if (!prepare(o, &table, &error)) {
        std::fprintf(stderr, "usher-bench audit: %s\n", error.c_str());
        return 1;
    }
    auto query = AuditQuery::open(AuditIndex::optionsFor(o.dir).indexPath, &error);
    const bool pages = o.only.empty() || o.only == "pages" || o.only == "text";
    const bool replay = o.only.empty() || o.only == "replay";
    if (query == nullptr || (pages && !measurePages(o, *query, &table, &error))
        || (replay && !measureReplay(o, *query, &table, &error))) {
        std::fprintf(stderr, "usher-bench audit: %s\n", error.c_str());
        return 1;
    }
    table.print(stdout);
    return table.failed() ? 1 : 0;
}

} // namespace usher::bench
