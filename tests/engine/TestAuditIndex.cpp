// The audit index, its queries and time travel, against a journal written by a real Engine.
//
// Every expectation comes from the commands the test issues (their seqs, actors, times and the
// seats they name), never from the index itself; the seat states of the time travel come from a
// reference the test keeps by hand as it issues the commands.

#include "audit/AuditIndex.h"
#include "audit/AuditQuery.h"
#include "audit/AuditReplay.h"
#include "audit/AuditSql.h"
#include "runtime/Engine.h"
#include "support/TempDir.h"
#include "support/TestEvents.h"

#include <QTest>

#include <atomic>
#include <filesystem>
#include <map>
#include <set>

using namespace usher;
using namespace usher::audit;

namespace {

constexpr EventId kEvent = 1;
constexpr EventId kOtherEvent = 2;
constexpr Actor kClerk { ActorKind::Clerk, 7 };
constexpr Actor kAdmin { ActorKind::Admin, 3 };
Actor buyer(std::uint64_t id)
{
    return Actor { ActorKind::Buyer, id };
}

class ManualClock {
public:
    Timestamp now() const { return m_now.load(); }
    void set(Timestamp ms) { m_now = ms; }

private:
    std::atomic<Timestamp> m_now { 1'000'000 };
};

// A command as the test issues it, and what it expects of the index.
struct Issued {
    EventId event = 0;
    Seq seq = 0;
    Timestamp at = 0;
    CommandKind kind = CommandKind::Expire;
    bool ok = true;
    Actor actor;
    std::set<SeatId> seats;
    OrderId order = 0;
    std::string words;
};

class Harness {
public:
    explicit Harness(ManualClock& clock, const std::string& dir)
        : m_clock(clock)
        , m_dir(dir)
    {
    }

    bool open()
    {
        EngineOptions options;
        options.dataDirectory = m_dir;
        options.synchronousFull = false;
        options.shard.clock = [this] { return m_clock.now(); };
        options.shard.tickMs = 1'000'000'000; // no background expiry rounds
        std::string error;
        engine = Engine::open(options, &error);
        if (engine == nullptr)
            qWarning("%s", error.c_str());
        return engine != nullptr;
    }

    // The engine with both test events.
    bool openWithEvents() { return open() && create(kEvent) == Status::Ok && create(kOtherEvent) == Status::Ok; }

    Status create(EventId event)
    {
        std::string error;
        const Status status = engine->createEvent(test::makeTestEvent(event), &error);
        if (status != Status::Ok)
            qWarning("%s", error.c_str());
        return status;
    }

    CommandResult run(EventId event, Timestamp at, Command c, std::set<SeatId> seats, std::string words = {})
    {
        m_clock.set(at);
        static std::uint64_t keys = 0; // unique across restarts of the engine
        c.key = IdempotencyKey { 99, ++keys };
        if (c.channel == 0)
            c.channel = c.actor.kind == ActorKind::Buyer ? 1 : 2;
        CommandResult r = engine->event(event)->execute(c);
        issued.push_back(
            Issued { event, r.seq, at, c.kind, r.ok(), c.actor, std::move(seats), r.order, std::move(words) });
        return r;
    }

    std::unique_ptr<Engine> engine;
    std::vector<Issued> issued;

private:
    ManualClock& m_clock;
    std::string m_dir;
};

Command holdSeats(Actor actor, std::vector<SeatId> seats)
{
    Command c;
    c.kind = CommandKind::HoldSeats;
    c.actor = actor;
    c.seats = std::move(seats);
    return c;
}

Command onHold(CommandKind kind, Actor actor, HoldId hold)
{
    Command c;
    c.kind = kind;
    c.actor = actor;
    c.hold = hold;
    if (kind == CommandKind::Confirm) {
        c.text = "pay-ref-1";
        c.buyer = Buyer { "Jane Doe", "jane@example.org", "+41 79 000 00 00" };
    }
    return c;
}

// The seat states the test expects, by seat id, as of a seq of kEvent.
using Reference = std::map<SeatId, SeatStatus>;

std::set<Seq> seqsOf(const std::vector<AuditRow>& rows)
{
    std::set<Seq> seqs;
    for (const AuditRow& r : rows)
        seqs.insert(r.seq);
    return seqs;
}

} // namespace

class TestAuditIndex : public QObject {
    Q_OBJECT

private:
    // Issues the known journal of kEvent (and a little of kOtherEvent); fills m_reference.
    void writeKnownJournal(Harness& h);
    std::vector<AuditRow> all(AuditQuery& query, const AuditFilter& filter);
    std::set<Seq> expected(const std::function<bool(const Issued&)>& match, EventId event = kEvent) const;

    std::vector<Issued> m_issued;
    std::map<Seq, Reference> m_reference; // after each seq of kEvent that changed seats
    HoldId m_paidHold = 0;
    OrderId m_order = 0;

private Q_SLOTS:
    void filters();
    void pagingBothWays();
    void liveTailAndRestart();
    void rebuildsAfterDeletion();
    void replayMatchesReference();
    void truncatedBatchVerifies();
    void upgradesVersion1InPlace();
    void clerkTypeTimeIsOneIndexRange();
    void checkpointsKeptAcrossSessions();
    void restoreOrReplayByCost();
};

void TestAuditIndex::writeKnownJournal(Harness& h)
{
    Reference seats;
    for (SeatId s = 1; s <= 100; ++s)
        seats[s] = SeatStatus::Available;
    auto after = [&](const CommandResult& r) {
        QVERIFY(r.seq > 0);
        m_reference[r.seq] = seats;
    };
    // A clerk holds 1 and 2; a buyer holds 3; another buyer is refused seat 1.
    const CommandResult h1 = h.run(kEvent, 10'000, holdSeats(kClerk, { 1, 2 }), { 1, 2 });
    QVERIFY(h1.ok());
    seats[1] = seats[2] = SeatStatus::Held;
    after(h1);
    const CommandResult h2 = h.run(kEvent, 20'000, holdSeats(buyer(100), { 3 }), { 3 });
    QVERIFY(h2.ok());
    seats[3] = SeatStatus::Held;
    after(h2);
    const CommandResult refused = h.run(kEvent, 30'000, holdSeats(buyer(101), { 4, 1 }), { 1 });
    QCOMPARE(refused.status, Status::SeatUnavailable);
    after(refused);
    // The clerk sells the hold to Jane Doe; the buyer lets seat 3 go.
    const CommandResult sale = h.run(kEvent, 40'000, onHold(CommandKind::Confirm, kClerk, h1.hold), { 1, 2 }, "jane");
    QVERIFY(sale.ok());
    seats[1] = seats[2] = SeatStatus::Sold;
    after(sale);
    m_paidHold = h1.hold;
    m_order = sale.order;
    const CommandResult release = h.run(kEvent, 50'000, onHold(CommandKind::Release, buyer(100), h2.hold), { 3 });
    QVERIFY(release.ok());
    seats[3] = SeatStatus::Available;
    after(release);
    // An admin blocks seat 10; the clerk refunds the whole order.
    Command block;
    block.kind = CommandKind::Block;
    block.actor = kAdmin;
    block.seats = { 10 };
    block.text = "broken armrest";
    const CommandResult blocked = h.run(kEvent, 60'000, block, { 10 }, "armrest");
    QVERIFY(blocked.ok());
    seats[10] = SeatStatus::Blocked;
    after(blocked);
    Command refund;
    refund.kind = CommandKind::Refund;
    refund.actor = kClerk;
    refund.order = m_order;
    refund.text = "customer ill";
    const CommandResult refunded = h.run(kEvent, 70'000, refund, { 1, 2 }, "ill");
    QVERIFY(refunded.ok());
    seats[1] = seats[2] = SeatStatus::Available;
    after(refunded);
    // One submission of several commands: they share a journal batch (time travel cuts it).
    std::vector<Command> burst;
    for (SeatId s = 20; s < 26; ++s)
        burst.push_back(holdSeats(buyer(200 + s), { s }));
    for (std::size_t i = 0; i < burst.size(); ++i)
        burst[i].key = IdempotencyKey { 98, i + 1 }, burst[i].channel = 1;
    const std::vector<CommandResult> results = h.engine->event(kEvent)->execute(burst);
    QCOMPARE(results.size(), burst.size());
    for (std::size_t i = 0; i < results.size(); ++i) {
        QVERIFY(results[i].ok());
        const SeatId s = burst[i].seats.front();
        seats[s] = SeatStatus::Held;
        h.issued.push_back(
            Issued { kEvent, results[i].seq, 70'000, CommandKind::HoldSeats, true, burst[i].actor, { s }, 0, {} });
        after(results[i]);
    }
    // The other event: a hold by the same clerk.
    QVERIFY(h.run(kOtherEvent, 80'000, holdSeats(kClerk, { 5 }), { 5 }).ok());
    m_issued = h.issued;
}

std::vector<AuditRow> TestAuditIndex::all(AuditQuery& query, const AuditFilter& filter)
{
    std::vector<AuditRow> rows;
    std::string error;
    const Status status
        = query.page(filter, AuditDirection::Forward, kAuditKeyMin, AuditQuery::kPageRowsMax, &rows, &error);
    if (status != Status::Ok)
        qWarning("%s", error.c_str());
    return rows;
}

std::set<Seq> TestAuditIndex::expected(const std::function<bool(const Issued&)>& match, EventId event) const
{
    std::set<Seq> seqs;
    for (const Issued& i : m_issued)
        if (i.event == event && match(i))
            seqs.insert(i.seq);
    return seqs;
}

void TestAuditIndex::filters()
{
    test::TempDir dir;
    ManualClock clock;
    Harness h(clock, dir.path());
    QVERIFY(h.openWithEvents());
    writeKnownJournal(h);
    std::string error;
    auto index = AuditIndex::open(AuditIndex::optionsFor(dir.path()), &error);
    QVERIFY2(index != nullptr, error.c_str());
    AuditCatchUp caught;
    QCOMPARE(index->catchUp(&caught, &error), Status::Ok);
    auto query = AuditQuery::open(index->indexPath(), &error);
    QVERIFY2(query != nullptr, error.c_str());

    // Every record of the event is there, in seq order, with what the command said.
    AuditFilter f;
    f.event = kEvent;
    const std::vector<AuditRow> rows = all(*query, f);
    QCOMPARE(seqsOf(rows), expected([](const Issued&) { return true; }));
    QCOMPARE(rows.size(), seqsOf(rows).size());
    for (std::size_t i = 1; i < rows.size(); ++i)
        QVERIFY(rows[i - 1].seq < rows[i].seq && rows[i - 1].key < rows[i].key);
    for (const AuditRow& r : rows) {
        const auto it = std::find_if(m_issued.begin(), m_issued.end(),
                                     [&](const Issued& i) { return i.event == kEvent && i.seq == r.seq; });
        QVERIFY(it != m_issued.end());
        QCOMPARE(r.kind, it->kind);
        QCOMPARE(r.at, it->at);
        QCOMPARE(r.actor, it->actor);
        QCOMPARE(r.status == Status::Ok, it->ok);
    }
    std::uint64_t n = 0;
    bool capped = true;
    QCOMPARE(query->count(f, 1000, &n, &capped, &error), Status::Ok);
    QCOMPARE(n, std::uint64_t(rows.size()));
    QVERIFY(!capped);

    // Each filter against the commands issued.
    auto check = [&](AuditFilter filter, const std::set<Seq>& want) {
        const std::set<Seq> got = seqsOf(all(*query, filter));
        if (got != want)
            qWarning("filter mismatch: got %zu rows, want %zu", got.size(), want.size());
        QCOMPARE(got, want);
        std::uint64_t count = 0;
        bool over = true;
        QCOMPARE(query->count(filter, 1000, &count, &over, &error), Status::Ok);
        QCOMPARE(count, std::uint64_t(want.size()));
    };
    AuditFilter seat = f;
    seat.seat = 1;
    check(seat, expected([](const Issued& i) { return i.seats.count(1) != 0; }));
    AuditFilter order = f;
    order.order = m_order;
    // The order's story: its hold, the sale and the refund.
    check(order, expected([&](const Issued& i) {
              return i.order == m_order || (i.kind == CommandKind::HoldSeats && i.actor == kClerk)
                  || (i.kind == CommandKind::Refund);
          }));
    AuditFilter clerk = f;
    clerk.actorKind = ActorKind::Clerk;
    clerk.actorId = 7;
    check(clerk, expected([](const Issued& i) { return i.actor == kClerk; }));
    AuditFilter anyBuyer = f;
    anyBuyer.actorKind = ActorKind::Buyer;
    check(anyBuyer, expected([](const Issued& i) { return i.actor.kind == ActorKind::Buyer; }));
    AuditFilter kind = f;
    kind.kind = CommandKind::HoldSeats;
    check(kind, expected([](const Issued& i) { return i.kind == CommandKind::HoldSeats; }));
    AuditFilter rejected = f;
    rejected.outcome = AuditOutcome::Rejected;
    check(rejected, expected([](const Issued& i) { return !i.ok; }));
    AuditFilter window = f;
    window.from = 20'000;
    window.to = 50'000;
    check(window, expected([](const Issued& i) { return i.at >= 20'000 && i.at < 50'000; }));
    for (const char* word : { "jane", "armrest", "ill" }) {
        AuditFilter text = f;
        text.text = word;
        check(text, expected([&](const Issued& i) { return i.words == word; }));
    }
    for (const char* word : { "jane", "armrest" }) {
        // Text alone (counted in the full-text index only) and text with a time range.
        AuditFilter text;
        text.text = word;
        std::uint64_t count = 0;
        bool over = true;
        QCOMPARE(query->count(text, 1000, &count, &over, &error), Status::Ok);
        QCOMPARE(count, std::uint64_t(all(*query, text).size()));
        QVERIFY(count > 0);
        text.from = 20'000;
        text.to = 50'000;
        QCOMPARE(query->count(text, 1000, &count, &over, &error), Status::Ok);
        QCOMPARE(count, std::uint64_t(all(*query, text).size()));
        QCOMPARE(query->count(text, 0, &count, &over, &error), Status::Ok);
        QCOMPARE(over, all(*query, text).size() > 0);
    }
    AuditFilter prefix = f;
    prefix.text = "JAN exam"; // prefixes, case-insensitive, all words
    check(prefix, expected([](const Issued& i) { return i.words == "jane"; }));
    AuditFilter combined = f;
    combined.actorKind = ActorKind::Clerk;
    combined.actorId = 7;
    combined.seat = 2;
    combined.kind = CommandKind::Confirm;
    check(combined, expected([](const Issued& i) { return i.actor == kClerk && i.kind == CommandKind::Confirm; }));
    // Across events: the clerk's records of both, in time order.
    AuditFilter everywhere;
    everywhere.actorKind = ActorKind::Clerk;
    everywhere.actorId = 7;
    const std::vector<AuditRow> both = all(*query, everywhere);
    QCOMPARE(both.size(), expected([](const Issued& i) { return i.actor == kClerk; }).size() + 1);
    QCOMPARE(both.back().event, kOtherEvent);
    // A seat without an event is refused, not guessed.
    AuditFilter noEvent;
    noEvent.seat = 1;
    std::vector<AuditRow> none;
    QCOMPARE(query->page(noEvent, AuditDirection::Forward, kAuditKeyMin, 10, &none, &error), Status::InvalidArgument);

    // The detail read from the journal agrees with the row.
    const AuditRow& saleRow
        = *std::find_if(rows.begin(), rows.end(), [](const AuditRow& r) { return r.kind == CommandKind::Confirm; });
    AuditRecord record;
    AuditReplayOptions replayOptions;
    replayOptions.journalPath = dir.filePath("usher.db");
    auto replay = AuditReplay::open(replayOptions, &error);
    QVERIFY2(replay != nullptr, error.c_str());
    QCOMPARE(readAuditRecord(replay->journal(), kEvent, saleRow.seq, &record, &error), Status::Ok);
    QCOMPARE(record.header.seq, saleRow.seq);
    QCOMPARE(record.batchSeq, saleRow.batchSeq);
    QCOMPARE(record.offset, saleRow.offset);
    const auto created = std::find_if(record.events.begin(), record.events.end(),
                                      [](const AuditEvent& e) { return e.event.type == EventType::OrderCreated; });
    QVERIFY(created != record.events.end());
    QCOMPARE(created->buyerName, std::string("Jane Doe"));
    QCOMPARE(created->event.order, m_order);
    QCOMPARE(readAuditRecord(replay->journal(), kEvent, 9999, &record, &error), Status::InvalidArgument);
}

void TestAuditIndex::pagingBothWays()
{
    test::TempDir dir;
    ManualClock clock;
    Harness h(clock, dir.path());
    QVERIFY(h.openWithEvents());
    // Rounds of holds and releases on both events, several records per millisecond.
    for (int round = 0; round < 4; ++round) {
        for (EventId event : { kEvent, kOtherEvent }) {
            clock.set(100'000 + round * 10);
            std::vector<Command> holds;
            for (SeatId s = 1; s <= 40; ++s) {
                holds.push_back(holdSeats(buyer(s), { s }));
                holds.back().key = IdempotencyKey { event * 1000 + round, s };
                holds.back().channel = 1;
            }
            std::vector<Command> releases;
            for (const CommandResult& r : h.engine->event(event)->execute(holds)) {
                QVERIFY(r.ok());
                releases.push_back(onHold(CommandKind::Release, buyer(r.seats.front()), r.hold));
                releases.back().key = IdempotencyKey { event * 1000 + round + 500, r.seats.front() };
                releases.back().channel = 1;
            }
            for (const CommandResult& r : h.engine->event(event)->execute(releases))
                QVERIFY(r.ok());
        }
    }
    std::string error;
    auto index = AuditIndex::open(AuditIndex::optionsFor(dir.path()), &error);
    QVERIFY2(index != nullptr, error.c_str());
    AuditCatchUp caught;
    QCOMPARE(index->catchUp(&caught, &error), Status::Ok);
    QCOMPARE(caught.records, std::uint64_t(4 * 2 * 80));
    auto query = AuditQuery::open(index->indexPath(), &error);
    QVERIFY(query != nullptr);

    AuditFilter otherEvent;
    otherEvent.event = kOtherEvent;
    AuditFilter releases;
    releases.kind = CommandKind::Release;
    for (const AuditFilter& filter : { AuditFilter {}, otherEvent, releases }) {
        const std::vector<AuditRow> whole = all(*query, filter);
        QVERIFY(whole.size() >= 160);
        // Forward in pages of 37, then backward in pages of 23: the same rows, in the same order.
        std::vector<AuditKey> forward;
        std::vector<AuditRow> page;
        AuditKey at = kAuditKeyMin;
        do {
            QCOMPARE(query->page(filter, AuditDirection::Forward, at, 37, &page, &error), Status::Ok);
            for (const AuditRow& r : page)
                forward.push_back(r.key);
            if (!page.empty())
                at = page.back().key;
        } while (page.size() == 37);
        std::vector<AuditKey> backward;
        at = kAuditKeyMax;
        do {
            QCOMPARE(query->page(filter, AuditDirection::Backward, at, 23, &page, &error), Status::Ok);
            backward.insert(backward.begin(), page.size(), 0);
            for (std::size_t i = 0; i < page.size(); ++i)
                backward[i] = page[i].key;
            if (!page.empty())
                at = page.front().key;
        } while (page.size() == 23);
        QCOMPARE(forward, backward);
        QCOMPARE(forward.size(), whole.size());
        for (std::size_t i = 0; i < whole.size(); ++i)
            QCOMPARE(forward[i], whole[i].key);
        QVERIFY(std::is_sorted(forward.begin(), forward.end()));
        QVERIFY(std::adjacent_find(forward.begin(), forward.end()) == forward.end());
    }
    // Within an event, key order is seq order even with many records per millisecond.
    AuditFilter one;
    one.event = kEvent;
    const std::vector<AuditRow> rows = all(*query, one);
    for (std::size_t i = 0; i < rows.size(); ++i)
        QCOMPARE(rows[i].seq, Seq(i + 1));
    std::uint64_t n = 0;
    bool capped = false;
    QCOMPARE(query->count(releases, 100, &n, &capped, &error), Status::Ok);
    QCOMPARE(n, std::uint64_t(100));
    QVERIFY(capped);
}

void TestAuditIndex::liveTailAndRestart()
{
    test::TempDir dir;
    ManualClock clock;
    std::string error;
    AuditKey lastKey = 0;
    Seq lastSeq = 0;
    {
        Harness h(clock, dir.path());
        QVERIFY(h.open());
        QCOMPARE(h.create(kEvent), Status::Ok);
        QVERIFY(h.run(kEvent, 10'000, holdSeats(kClerk, { 1 }), { 1 }).ok());
        auto index = AuditIndex::open(AuditIndex::optionsFor(dir.path()), &error);
        QVERIFY(index != nullptr);
        AuditCatchUp caught;
        QCOMPARE(index->catchUp(&caught, &error), Status::Ok);
        QCOMPARE(caught.records, std::uint64_t(1));
        auto query = AuditQuery::open(index->indexPath(), &error);
        std::vector<AuditRow> rows;
        QCOMPARE(query->page({}, AuditDirection::Backward, kAuditKeyMax, 10, &rows, &error), Status::Ok);
        QCOMPARE(rows.size(), std::size_t(1));
        lastKey = rows.back().key;
        // Nothing new: the tail is empty. A new record: the tail has exactly it.
        QCOMPARE(index->catchUp(&caught, &error), Status::Ok);
        QCOMPARE(caught.records, std::uint64_t(0));
        const CommandResult next = h.run(kEvent, 11'000, holdSeats(buyer(5), { 2 }), { 2 });
        QVERIFY(next.ok());
        QCOMPARE(index->catchUp(&caught, &error), Status::Ok);
        QCOMPARE(caught.records, std::uint64_t(1));
        QCOMPARE(query->page({}, AuditDirection::Forward, lastKey, 10, &rows, &error), Status::Ok);
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows.front().seq, next.seq);
        QCOMPARE(rows.front().actor, buyer(5));
        lastKey = rows.front().key;
        lastSeq = next.seq;
        // Stop while the engine goes on: the next open catches up from where it stopped.
    }
    Harness h(clock, dir.path());
    QVERIFY(h.open());
    const CommandResult later = h.run(kEvent, 12'000, holdSeats(buyer(6), { 3 }), { 3 });
    QVERIFY(later.ok());
    auto index = AuditIndex::open(AuditIndex::optionsFor(dir.path()), &error);
    QVERIFY(index != nullptr);
    QVERIFY(!index->created());
    QCOMPARE(index->indexedSeq(kEvent), lastSeq);
    AuditCatchUp caught;
    QCOMPARE(index->catchUp(&caught, &error), Status::Ok);
    QCOMPARE(index->indexedSeq(kEvent), later.seq);
    QCOMPARE(caught.records, std::uint64_t(later.seq - lastSeq)); // only what is new (a final snapshot adds none)
    auto query = AuditQuery::open(index->indexPath(), &error);
    std::vector<AuditRow> rows;
    QCOMPARE(query->page({}, AuditDirection::Forward, lastKey, 10, &rows, &error), Status::Ok);
    QCOMPARE(rows.back().seq, later.seq);
    QCOMPARE(rows.back().actor, buyer(6));
}

void TestAuditIndex::rebuildsAfterDeletion()
{
    test::TempDir dir;
    ManualClock clock;
    Harness h(clock, dir.path());
    QVERIFY(h.openWithEvents());
    writeKnownJournal(h);
    std::string error;
    auto rowsOf = [&](bool* created) {
        auto index = AuditIndex::open(AuditIndex::optionsFor(dir.path()), &error);
        std::vector<std::tuple<EventId, Seq, int, int, std::uint64_t, OrderId, std::string>> rows;
        if (index == nullptr)
            return rows;
        *created = index->created();
        AuditCatchUp caught;
        index->catchUp(&caught, &error);
        auto query = AuditQuery::open(index->indexPath(), &error);
        for (const AuditRow& r : all(*query, {}))
            rows.emplace_back(r.event, r.seq, int(r.kind), int(r.status), r.actor.id, r.order, r.text);
        return rows;
    };
    bool created = false;
    const auto before = rowsOf(&created);
    QVERIFY(created);
    QCOMPARE(before.size(), m_issued.size());
    QVERIFY(std::filesystem::remove(dir.filePath("audit.db")));
    std::filesystem::remove(dir.filePath("audit.db-wal"));
    std::filesystem::remove(dir.filePath("audit.db-shm"));
    const auto after = rowsOf(&created);
    QVERIFY(created);
    QCOMPARE(after, before);
    // A file that is not an index (or of another version) is replaced too.
    {
        std::FILE* junk = std::fopen(dir.filePath("audit.db").c_str(), "wb");
        QVERIFY(junk != nullptr);
        std::fputs("not a database", junk);
        std::fclose(junk);
        std::filesystem::remove(dir.filePath("audit.db-wal"));
        std::filesystem::remove(dir.filePath("audit.db-shm"));
    }
    const auto again = rowsOf(&created);
    QCOMPARE(again, before);
}

void TestAuditIndex::replayMatchesReference()
{
    test::TempDir dir;
    ManualClock clock;
    Harness h(clock, dir.path());
    QVERIFY(h.openWithEvents());
    writeKnownJournal(h);
    std::string error;
    AuditReplayOptions options;
    options.journalPath = dir.filePath("usher.db");
    options.checkpointEveryRecords = 2; // many checkpoints, and thinning, on a short journal
    options.checkpointsMax = 3;
    auto replay = AuditReplay::open(options, &error);
    QVERIFY2(replay != nullptr, error.c_str());
    const EventSpec spec = test::makeTestEvent(kEvent);
    const Venue& venue = *spec.venue;
    auto compare = [&](Seq seq) {
        // The reference as of `seq`: the last entry at or before it.
        auto it = m_reference.upper_bound(seq);
        Reference want;
        if (it == m_reference.begin()) {
            for (SeatId s = 1; s <= 100; ++s)
                want[s] = SeatStatus::Available;
        } else {
            want = std::prev(it)->second;
        }
        Reference got;
        Seq reached = 0;
        const Status status = replay->stateAt(
            kEvent, seq,
            [&](const Ledger& ledger) {
                for (SeatId s = 1; s <= 100; ++s)
                    got[s] = ledger.seat(venue.seatIndex(s)).status;
                QCOMPARE(ledger.lastSeq(), seq);
            },
            &error, &reached);
        QVERIFY2(status == Status::Ok, error.c_str());
        QCOMPARE(reached, seq);
        QCOMPARE(got, want);
    };
    const Seq last = m_reference.rbegin()->first;
    // Forward through everything, then jumps back and forth (checkpoints and the cursor), and
    // seqs in the middle of the burst's batch.
    for (Seq s = 0; s <= last; ++s)
        compare(s);
    QVERIFY(replay->lastStats().checkpoints > 0);
    // Where the next replay would start: the cursor for a later seq, a checkpoint (or the start)
    // for an earlier one, never after the target.
    QCOMPARE(replay->startSeqFor(kEvent, last + 5), last);
    for (Seq s = 0; s < last; ++s)
        QVERIFY(replay->startSeqFor(kEvent, s) <= s);
    QCOMPARE(replay->startSeqFor(77, 5), Seq(0));
    for (Seq s : { last, Seq(2), last - 2, Seq(0), Seq(5), last - 4, Seq(1), last - 1, last })
        compare(s);
    // Beyond the journal: the newest state.
    Seq reached = 0;
    QCOMPARE(replay->stateAt(
                 kEvent, last + 100, [](const Ledger&) {}, &error, &reached),
             Status::Ok);
    QCOMPARE(reached, last);
    QCOMPARE(replay->stateAt(
                 77, 1, [](const Ledger&) {}, &error),
             Status::EventNotFound);
    // The live engine agrees with the newest replayed state.
    Reference live;
    h.engine->event(kEvent)->read([&](const Ledger& ledger) {
        for (SeatId s = 1; s <= 100; ++s)
            live[s] = ledger.seat(venue.seatIndex(s)).status;
    });
    QCOMPARE(live, m_reference.rbegin()->second);
}

void TestAuditIndex::truncatedBatchVerifies()
{
    const EventSpec spec = test::makeTestEvent(kEvent);
    std::vector<test::TestRecord> records;
    for (Seq s = 1; s <= 3; ++s)
        records.push_back(
            test::makeTestRecord(s, CommandKind::HoldSeats, 1000, { test::seatHeldEvent(SeatId(s), HoldId(s), 9000) }));
    const JournalBatch batch = test::makeTestBatch(kEvent, records);
    for (std::uint32_t n = 1; n <= 3; ++n) {
        const BatchPtr cut = truncateBatch(*batch.bytes, n);
        QVERIFY(cut != nullptr);
        BatchHeader header;
        QVERIFY(verifyBatch(*cut, kEvent, &header));
        QCOMPARE(header.recordCount, n);
    }
    QVERIFY(truncateBatch(*batch.bytes, 0) == nullptr);
    QVERIFY(truncateBatch(*batch.bytes, 4) == nullptr);
    Q_UNUSED(spec);
}

namespace {

std::int64_t scalar(AuditDb& db, const char* sql)
{
    AuditStmt stmt(db, sql);
    return stmt.ok() && stmt.step() ? stmt.integer(0) : -1;
}

std::string queryPlan(AuditDb& db, const std::string& sql)
{
    AuditStmt stmt(db, "EXPLAIN QUERY PLAN " + sql);
    std::string plan;
    while (stmt.step())
        plan += stmt.text(3) + "\n";
    return plan;
}

} // namespace

void TestAuditIndex::upgradesVersion1InPlace()
{
    test::TempDir dir;
    ManualClock clock;
    Harness h(clock, dir.path());
    QVERIFY(h.openWithEvents());
    writeKnownJournal(h);
    std::string error;
    const AuditIndexOptions options = AuditIndex::optionsFor(dir.path());
    {
        auto index = AuditIndex::open(options, &error);
        QVERIFY2(index != nullptr, error.c_str());
        AuditCatchUp caught;
        QCOMPARE(index->catchUp(&caught, &error), Status::Ok);
        QCOMPARE(index->rowCount(), std::uint64_t(m_issued.size()));
    }
    {
        // Make it what session 6 wrote: schema 1, the (actor) index, no checkpoint table.
        auto db = AuditDb::open(options.indexPath, false, &error);
        QVERIFY2(db != nullptr, error.c_str());
        QVERIFY2(db->exec("DROP INDEX audit_by_actor_kind;"
                          " DROP TABLE replay_checkpoint; UPDATE meta SET value = 1 WHERE key = 'schema_version';",
                          &error),
                 error.c_str());
    }
    std::uint64_t storedRows = 0;
    QCOMPARE(AuditIndex::storedSchemaVersion(options.indexPath, &storedRows), 1);
    QCOMPARE(storedRows, std::uint64_t(m_issued.size()));
    QCOMPARE(AuditIndex::storedSchemaVersion(dir.filePath("no-such.db")), 0);
    {
        // Cancelled halfway (the browser closed during the upgrade): an error, and the file is
        // still schema 1 with every row, not rebuilt.
        AuditIndexOptions cancelling = options;
        int calls = 0;
        cancelling.upgradeContinue = [&calls] { return ++calls < 1; };
        QVERIFY(AuditIndex::open(cancelling, &error) == nullptr);
        QVERIFY2(error.find("cancelled") != std::string::npos, error.c_str());
        QCOMPARE(AuditIndex::storedSchemaVersion(options.indexPath, &storedRows), 1);
        QCOMPARE(storedRows, std::uint64_t(m_issued.size()));
    }
    int progressCalls = 0;
    AuditIndexOptions watched = options;
    watched.upgradeContinue = [&progressCalls] { return ++progressCalls > 0; };
    auto index = AuditIndex::open(watched, &error);
    QVERIFY2(index != nullptr, error.c_str());
    QVERIFY(progressCalls > 0);
    QCOMPARE(AuditIndex::storedSchemaVersion(options.indexPath), AuditIndex::kSchemaVersion);
    QVERIFY(!index->created()); // upgraded, not rebuilt
    QCOMPARE(index->rowCount(), std::uint64_t(m_issued.size()));
    auto db = AuditDb::open(options.indexPath, false, &error);
    QCOMPARE(scalar(*db, "SELECT value FROM meta WHERE key = 'schema_version'"),
             std::int64_t(AuditIndex::kSchemaVersion));
    QCOMPARE(scalar(*db, "SELECT count(*) FROM sqlite_master WHERE name = 'audit_by_actor_kind'"), std::int64_t(1));
    // (actor) stays: a clerk alone pages in key order through it.
    QCOMPARE(scalar(*db, "SELECT count(*) FROM sqlite_master WHERE name = 'audit_by_actor'"), std::int64_t(1));
    QCOMPARE(scalar(*db, "SELECT count(*) FROM replay_checkpoint"), std::int64_t(0));
    auto query = AuditQuery::open(options.indexPath, &error);
    QVERIFY2(query != nullptr, error.c_str());
    AuditFilter clerk;
    clerk.actorKind = kClerk.kind;
    clerk.actorId = kClerk.id;
    QCOMPARE(seqsOf(all(*query, clerk)), expected([](const Issued& i) { return i.actor == kClerk; }));
}

void TestAuditIndex::clerkTypeTimeIsOneIndexRange()
{
    test::TempDir dir;
    ManualClock clock;
    Harness h(clock, dir.path());
    QVERIFY(h.openWithEvents());
    writeKnownJournal(h);
    std::string error;
    const AuditIndexOptions options = AuditIndex::optionsFor(dir.path());
    auto index = AuditIndex::open(options, &error);
    QVERIFY2(index != nullptr, error.c_str());
    AuditCatchUp caught;
    QCOMPARE(index->catchUp(&caught, &error), Status::Ok);
    // What AuditQuery asks for a clerk's sales in a time range walks (actor, type, key): the
    // rows it reads are exactly the answer, however many sales others made in that minute.
    auto db = AuditDb::open(options.indexPath, false, &error);
    QVERIFY2(db != nullptr, error.c_str());
    const std::string plan
        = queryPlan(*db,
                    "SELECT a.key FROM audit a WHERE 1 AND a.actor_kind = 2 AND a.actor_id = 7 AND a.kind = 8"
                    " AND a.key >= 1000 AND a.key < 99999999999 AND a.key < 9223372036854775807"
                    " ORDER BY a.key DESC LIMIT 200");
    QVERIFY2(plan.find("audit_by_actor_kind (actor_kind=? AND actor_id=? AND kind=? AND rowid>? AND rowid<?)")
                 != std::string::npos,
             plan.c_str());
    // And the answer is right.
    auto query = AuditQuery::open(options.indexPath, &error);
    AuditFilter f;
    f.actorKind = kClerk.kind;
    f.actorId = kClerk.id;
    f.kind = CommandKind::Confirm;
    QCOMPARE(seqsOf(all(*query, f)),
             expected([](const Issued& i) { return i.actor == kClerk && i.kind == CommandKind::Confirm; }));
    QVERIFY(!seqsOf(all(*query, f)).empty());
}

void TestAuditIndex::checkpointsKeptAcrossSessions()
{
    test::TempDir dir;
    ManualClock clock;
    Harness h(clock, dir.path());
    QVERIFY(h.openWithEvents());
    writeKnownJournal(h);
    std::string error;
    const AuditIndexOptions indexOptions = AuditIndex::optionsFor(dir.path());
    auto index = AuditIndex::open(indexOptions, &error);
    QVERIFY2(index != nullptr, error.c_str());
    AuditCatchUp caught;
    QCOMPARE(index->catchUp(&caught, &error), Status::Ok);

    AuditReplayOptions options;
    options.journalPath = dir.filePath("usher.db");
    options.checkpointPath = indexOptions.indexPath;
    options.checkpointEveryRecords = 3;
    options.checkpointsMax = 4;
    // Restores cost nothing here, so every checkpoint ahead of the cursor is used: this test is
    // about storing and reading them (restoreOrReplayByCost is about when).
    options.restoreCostRecords = 0;
    options.restoreBodyBytesPerRecord = 0;
    const Seq last = m_reference.rbegin()->first;
    const EventSpec spec = test::makeTestEvent(kEvent);
    const Venue& venue = *spec.venue;
    auto statesOf = [&](AuditReplay& replay, Seq seq) {
        Reference got;
        const Status status = replay.stateAt(
            kEvent, seq,
            [&](const Ledger& ledger) {
                for (SeatId s = 1; s <= 100; ++s)
                    got[s] = ledger.seat(venue.seatIndex(s)).status;
            },
            &error);
        if (status != Status::Ok)
            qWarning("%s", error.c_str());
        return got;
    };
    auto reference = [&](Seq seq) {
        auto it = m_reference.upper_bound(seq);
        Reference want;
        if (it == m_reference.begin())
            for (SeatId s = 1; s <= 100; ++s)
                want[s] = SeatStatus::Available;
        else
            want = std::prev(it)->second;
        return want;
    };

    // Session 1: warm up in steps to the end; the checkpoints go into audit.db.
    {
        auto replay = AuditReplay::open(options, &error);
        QVERIFY2(replay != nullptr, error.c_str());
        bool done = false;
        int steps = 0;
        while (!done && steps < 1000) {
            QCOMPARE(replay->warm(kEvent, 2, &done, &error), Status::Ok);
            ++steps;
        }
        QVERIFY(done);
        QVERIFY(steps > 2); // in steps, not at once
        QCOMPARE(replay->startSeqFor(kEvent, last + 1), last);
        QVERIFY(replay->lastStats().checkpoints > 0);
        QVERIFY(replay->lastStats().checkpoints <= options.checkpointsMax);
    }
    auto db = AuditDb::open(indexOptions.indexPath, false, &error);
    QVERIFY2(db != nullptr, error.c_str());
    const std::int64_t stored = scalar(*db, "SELECT count(*) FROM replay_checkpoint WHERE event_id = 1");
    QVERIFY(stored > 0);
    QVERIFY(stored <= std::int64_t(options.checkpointsMax)); // thinned ones are deleted too

    // Session 2: the first request restores a stored checkpoint, and its state is right.
    {
        auto replay = AuditReplay::open(options, &error);
        QVERIFY2(replay != nullptr, error.c_str());
        QCOMPARE(statesOf(*replay, last), reference(last));
        QVERIFY(replay->lastStats().fromStoredCheckpoint);
        QVERIFY(replay->lastStats().recordsReplayed < last);
        // Only the body of the checkpoint restored was read, not every stored one.
        QCOMPARE(replay->lastStats().checkpointBodiesRead, std::size_t(1));
        std::size_t bodies = 1;
        for (Seq s : { Seq(1), last / 2, Seq(0), last - 1, last }) {
            QCOMPARE(statesOf(*replay, s), reference(s));
            bodies += replay->lastStats().checkpointBodiesRead;
        }
        QVERIFY(bodies <= std::size_t(stored));
        QCOMPARE(statesOf(*replay, last), reference(last));
        QCOMPARE(replay->lastStats().checkpointBodiesRead, std::size_t(0)); // kept once read
    }
    // Session 3: after the first request, readAhead() reads the other stored bodies one per call
    // (the worker calls it between requests); a request in between is answered, and right; then
    // every later jump finds its checkpoint in memory, as when all were read up front.
    {
        const auto storedNow = std::size_t(scalar(*db, "SELECT count(*) FROM replay_checkpoint WHERE event_id = 1"));
        QVERIFY(storedNow >= 3); // the first request's, and at least two read ahead
        auto replay = AuditReplay::open(options, &error);
        QVERIFY2(replay != nullptr, error.c_str());
        QCOMPARE(replay->unreadCheckpoints(kEvent), std::size_t(0)); // nothing before the first request
        QCOMPARE(statesOf(*replay, last / 2), reference(last / 2));
        QVERIFY(replay->lastStats().fromStoredCheckpoint);
        QCOMPARE(replay->checkpointBodiesReadTotal(), std::size_t(1));
        QCOMPARE(replay->unreadCheckpoints(kEvent), storedNow - 1);
        bool done = false;
        int steps = 0;
        bool answeredBetween = false;
        while (!done && steps < 100) {
            const std::size_t before = replay->checkpointBodiesReadTotal();
            const std::size_t unread = replay->unreadCheckpoints(kEvent);
            QCOMPARE(replay->readAhead(kEvent, &done, &error), Status::Ok);
            QCOMPARE(replay->checkpointBodiesReadTotal(), before + 1); // one body per call
            QCOMPARE(replay->unreadCheckpoints(kEvent), unread - 1);
            QCOMPARE(done, unread == 1);
            ++steps;
            if (!done && !answeredBetween) {
                // A user request between two read-ahead steps: answered at once, and right.
                QCOMPARE(statesOf(*replay, 1), reference(1));
                answeredBetween = true;
            }
        }
        QVERIFY(done);
        QVERIFY(answeredBetween);
        QCOMPARE(replay->checkpointBodiesReadTotal(), storedNow);
        QCOMPARE(replay->unreadCheckpoints(kEvent), std::size_t(0));
        QCOMPARE(replay->readAhead(kEvent, &done, &error), Status::Ok); // nothing left: done, no read
        QVERIFY(done);
        for (Seq s : { last - 1, Seq(2), last / 3, Seq(0), last, last / 2 + 1 }) {
            QCOMPARE(statesOf(*replay, s), reference(s));
            QCOMPARE(replay->lastStats().checkpointBodiesRead, std::size_t(0)); // all warm
        }
        QCOMPARE(replay->checkpointBodiesReadTotal(), storedNow);
    }
    // Bodies are deflated snapshots behind the tag "UCZ1"; a plain snapshot (what an earlier
    // version stored) still restores, and a deflated body that does not inflate is dropped.
    {
        QCOMPARE(
            scalar(*db, "SELECT count(*) FROM replay_checkpoint WHERE substr(snapshot, 1, 4) = CAST('UCZ1' AS BLOB)"),
            stored);
        const Seq top = Seq(scalar(*db, "SELECT max(seq) FROM replay_checkpoint WHERE event_id = 1"));
        QVERIFY(top > 0 && top <= last);
        auto replay = AuditReplay::open(options, &error);
        QVERIFY2(replay != nullptr, error.c_str());
        std::vector<std::uint8_t> plain;
        QCOMPARE(replay->stateAt(
                     kEvent, top, [&](const Ledger& ledger) { plain = ledger.snapshot(); }, &error),
                 Status::Ok);
        const std::string length
            = "SELECT length(snapshot) FROM replay_checkpoint WHERE event_id = 1 AND seq = " + std::to_string(top);
        QVERIFY(std::int64_t(plain.size()) > scalar(*db, length.c_str()));
        AuditStmt update(*db, "UPDATE replay_checkpoint SET snapshot = ?1 WHERE event_id = 1 AND seq = ?2");
        QVERIFY(update.bindBlob(1, plain).bind(2, std::int64_t(top)).run());
        auto later = AuditReplay::open(options, &error);
        QVERIFY2(later != nullptr, error.c_str());
        QCOMPARE(statesOf(*later, top), reference(top));
        QVERIFY(later->lastStats().fromStoredCheckpoint);
        QCOMPARE(later->lastStats().recordsReplayed, std::uint64_t(0));
        QVERIFY(later->checkpointBytes(kEvent) >= plain.size());
        QVERIFY(db->exec("UPDATE replay_checkpoint SET snapshot = x'55435A310000001000010203'", &error));
        auto damaged = AuditReplay::open(options, &error);
        QVERIFY2(damaged != nullptr, error.c_str());
        QCOMPARE(statesOf(*damaged, top), reference(top));
        QVERIFY(!damaged->lastStats().fromStoredCheckpoint);
    }
    // A damaged stored checkpoint is dropped and replayed around, never shown.
    QVERIFY(db->exec("UPDATE replay_checkpoint SET snapshot = x'00010203'", &error));
    {
        auto replay = AuditReplay::open(options, &error);
        QVERIFY2(replay != nullptr, error.c_str());
        QCOMPARE(statesOf(*replay, last), reference(last));
        QVERIFY(!replay->lastStats().fromStoredCheckpoint);
        QCOMPARE(statesOf(*replay, last / 2), reference(last / 2));
        replay->clear();
    }
    QCOMPARE(scalar(*db, "SELECT count(*) FROM replay_checkpoint"), std::int64_t(0));
    // Without the table (an index not upgraded), checkpoints stay in memory only.
    AuditReplayOptions memoryOnly = options;
    memoryOnly.checkpointPath = dir.filePath("no-such-audit.db");
    auto replay = AuditReplay::open(memoryOnly, &error);
    QVERIFY2(replay != nullptr, error.c_str());
    QCOMPARE(statesOf(*replay, last), reference(last));
}

// Restore or replay, by estimated cost: stepping forward (a slider) replays from the cursor even
// across checkpoints; a jump further than a restore costs restores; a seq before the cursor never
// replays backwards; and a body's bytes count in the cost.
void TestAuditIndex::restoreOrReplayByCost()
{
    test::TempDir dir;
    ManualClock clock;
    Harness h(clock, dir.path());
    QVERIFY(h.openWithEvents());
    writeKnownJournal(h);
    std::string error;
    const EventSpec spec = test::makeTestEvent(kEvent);
    const Venue& venue = *spec.venue;
    const Seq last = m_reference.rbegin()->first;
    QVERIFY(last >= 12);
    auto reference = [&](Seq seq) {
        auto it = m_reference.upper_bound(seq);
        Reference want;
        if (it == m_reference.begin())
            for (SeatId s = 1; s <= 100; ++s)
                want[s] = SeatStatus::Available;
        else
            want = std::prev(it)->second;
        return want;
    };
    auto check = [&](AuditReplay& replay, Seq seq) {
        Reference got;
        Seq reached = 0;
        const Status status = replay.stateAt(
            kEvent, seq,
            [&](const Ledger& ledger) {
                for (SeatId s = 1; s <= 100; ++s)
                    got[s] = ledger.seat(venue.seatIndex(s)).status;
            },
            &error, &reached);
        if (status != Status::Ok)
            qWarning("%s", error.c_str());
        return status == Status::Ok && reached == seq && got == reference(seq);
    };

    AuditReplayOptions options;
    options.journalPath = dir.filePath("usher.db");
    options.checkpointEveryRecords = 2; // a checkpoint at nearly every batch
    options.checkpointsMax = 100;
    options.restoreCostRecords = 4; // a restore costs as much as replaying 4 records
    options.restoreBodyBytesPerRecord = 0;
    auto replay = AuditReplay::open(options, &error);
    QVERIFY2(replay != nullptr, error.c_str());
    // The slider stepped forward through the whole journal, twice (the second time with every
    // checkpoint already there): one record at a time from the cursor, never a restore.
    for (int pass = 0; pass < 2; ++pass) {
        QVERIFY(check(*replay, 0));
        for (Seq s = 1; s <= last; ++s) {
            QVERIFY2(check(*replay, s), qPrintable(QStringLiteral("seq %1, pass %2").arg(s).arg(pass)));
            QVERIFY(replay->lastStats().fromCursor);
            QCOMPARE(replay->lastStats().recordsReplayed, std::uint64_t(1));
        }
    }
    QCOMPARE(replay->restoresTotal(), std::size_t(0));
    QVERIFY(replay->lastStats().checkpoints >= 4);
    // Steps shorter than a restore cross checkpoints and still replay.
    QVERIFY(check(*replay, 1));
    for (Seq s = 4; s <= last; s += 3) {
        QVERIFY(check(*replay, s));
        QVERIFY(replay->lastStats().fromCursor);
    }
    QCOMPARE(replay->restoresTotal(), std::size_t(0));
    // A jump forward further than a restore costs: restored, and the estimate is reported.
    QVERIFY(check(*replay, 1));
    QCOMPARE(replay->restoresTotal(), std::size_t(0)); // back to the start: nothing to restore
    QVERIFY(check(*replay, last));
    QVERIFY(replay->lastStats().fromCheckpoint);
    QCOMPARE(replay->lastStats().restoreCostRecords, std::uint64_t(4));
    QVERIFY(replay->lastStats().recordsReplayed + 4 < last - 1);
    QCOMPARE(replay->restoresTotal(), std::size_t(1));
    // Backwards: never by replay from the cursor; a checkpoint when it saves more than it costs.
    for (Seq s : { last - 1, last - 3, Seq(5), Seq(2) }) {
        const std::size_t before = replay->restoresTotal();
        QVERIFY(check(*replay, s));
        QVERIFY(!replay->lastStats().fromCursor);
        QVERIFY(replay->startSeqFor(kEvent, s) <= s);
        QCOMPARE(replay->restoresTotal() - before, std::size_t(replay->lastStats().fromCheckpoint ? 1 : 0));
        if (replay->lastStats().fromCheckpoint)
            QVERIFY(replay->lastStats().recordsReplayed + 4 < s);
        else
            QCOMPARE(replay->lastStats().recordsReplayed, std::uint64_t(s)); // from the start
    }
    QVERIFY(check(*replay, last)); // from seq 2 forward, 10+ records: the last checkpoint is cheaper
    QVERIFY(replay->lastStats().fromCheckpoint);

    // The body's bytes count: at one record per byte, a checkpoint (hundreds of bytes) costs more
    // than replaying this whole journal, so even a jump back replays from the start.
    options.restoreCostRecords = 0;
    options.restoreBodyBytesPerRecord = 1;
    auto costly = AuditReplay::open(options, &error);
    QVERIFY2(costly != nullptr, error.c_str());
    QVERIFY(check(*costly, last));
    QVERIFY(costly->restoreCostAt(kEvent, last) > last);
    QVERIFY(costly->restoreCostAt(kEvent, last) <= costly->checkpointBytes(kEvent)); // one body's bytes
    QVERIFY(check(*costly, last - 1));
    QVERIFY(!costly->lastStats().fromCheckpoint);
    QCOMPARE(costly->lastStats().recordsReplayed, std::uint64_t(last - 1));
    QCOMPARE(costly->restoresTotal(), std::size_t(0));
}

QTEST_GUILESS_MAIN(TestAuditIndex)
#include "TestAuditIndex.moc"
