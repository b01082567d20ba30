// Changing a running event's spec: Ledger::updateSpec (what may change, what is refused, replay and
// snapshots across a change) and Engine::updateEventSpec (ordered, durable, survives a restart).

#include "journal/JournalFormat.h"
#include "ledger/Ledger.h"
#include "runtime/Engine.h"
#include "storage/SqliteStorage.h"
#include "support/TempDir.h"
#include "support/TestEvents.h"

#include <QTest>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

using namespace usher;

namespace usher {
inline char* toString(const Status& status)
{
    return qstrdup(statusName(status));
}
} // namespace usher

namespace {

constexpr EventId kEvent = 21;
constexpr Actor kBuyer { ActorKind::Buyer, 1 };
constexpr Actor kPromoter { ActorKind::Promoter, 9 };
constexpr Timestamp kNow = 1'700'000'000'000;

EventSpec finalized(EventSpec spec)
{
    const std::string problem = spec.finalize();
    if (!problem.empty())
        qFatal("spec does not finalize: %s", problem.c_str());
    return spec;
}

class Harness {
public:
    explicit Harness(const EventSpec& spec = test::makeTestEvent(kEvent))
        : ledger(std::make_unique<Ledger>(spec, verifying()))
    {
    }
    static LedgerOptions verifying()
    {
        LedgerOptions options;
        options.verify = true;
        return options;
    }
    CommandResult run(Command c)
    {
        c.key = IdempotencyKey { 0xe0, ++keys };
        c.now = kNow;
        if (c.channel == 0)
            c.channel = 1;
        if (c.actor.kind == ActorKind::None)
            c.actor = kBuyer;
        return ledger->execute(c);
    }
    CommandResult hold(std::vector<SeatId> seats)
    {
        Command c;
        c.kind = CommandKind::HoldSeats, c.seats = std::move(seats);
        return run(c);
    }
    CommandResult confirm(HoldId hold, std::vector<std::uint8_t> priceTypes = {})
    {
        Command c;
        c.kind = CommandKind::Confirm, c.hold = hold, c.text = "pay", c.priceTypes = std::move(priceTypes);
        return run(c);
    }
    Status update(const EventSpec& spec, std::string* error = nullptr)
    {
        std::string ignored;
        return ledger->updateSpec(finalized(spec), kPromoter, kNow, error != nullptr ? error : &ignored).status;
    }
    std::unique_ptr<Ledger> ledger;
    std::uint64_t keys = 0;
};

std::vector<EventType> eventTypes(const JournalBatch& batch)
{
    std::vector<EventType> types;
    forEachRecord(*batch.bytes, [&](const RecordView& record) {
        EventCursor cursor = record.events();
        JournalEvent e;
        while (cursor.next(&e))
            types.push_back(e.type);
        return true;
    });
    return types;
}

} // namespace

class TestEventUpdate : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pricesNamesAndLimitsChange();
    void unchangedSpecJournalsNothing();
    void venueIdKeyAndCurrencyAreRefused();
    void priceTypesInUseAreKept();
    void channelsInUseAreKept();
    void heldCategoriesKeepAPrice();
    void raisedOrderLimitReplaysAndRestores();
    void engineUpdateSurvivesRestart();
    void engineRefusalChangesNothing();
};

void TestEventUpdate::pricesNamesAndLimitsChange()
{
    Harness h;
    const CommandResult held = h.hold({ 1 });
    QVERIFY(held.ok());
    EventSpec next = h.ledger->spec();
    next.name = "Renamed";
    next.prices[0].amounts[0] = 7777; // category A adult
    next.holdSeconds = 60;
    next.ticketsPerOrderMax = 2;
    next.channels[1].onsaleAt = kNow + 1000; // box office not on sale yet
    std::string error;
    const CommandResult r = h.ledger->updateSpec(finalized(next), kPromoter, kNow, &error);
    QCOMPARE(r.status, Status::Ok);
    QVERIFY(r.seq > held.seq);
    QCOMPARE(r.count, 1u); // the revision
    QCOMPARE(h.ledger->spec().name, std::string("Renamed"));
    QCOMPARE(h.ledger->spec().revision, 1u);
    QCOMPARE(h.ledger->spec().ticketsPerOrderPeak, 10u); // kept at its highest
    // The existing hold confirms at the new price; new holds follow the new limits.
    QCOMPARE(h.confirm(held.hold).amount, Amount(7777));
    const CommandResult short_ = h.hold({ 2 });
    QCOMPARE(short_.expiresAt, kNow + 60 * 1000);
    QCOMPARE(h.hold({ 3, 4, 5 }).status, Status::LimitExceeded);
    Command box;
    box.kind = CommandKind::HoldSeats, box.seats = { 6 }, box.channel = 2;
    QCOMPARE(h.run(box).status, Status::NotOnSale);
    const auto types = eventTypes(h.ledger->takeBatch());
    QVERIFY(std::find(types.begin(), types.end(), EventType::EventUpdated) != types.end());
}

void TestEventUpdate::unchangedSpecJournalsNothing()
{
    Harness h;
    const Seq before = h.ledger->lastSeq();
    QCOMPARE(h.update(h.ledger->spec()), Status::Ok);
    QCOMPARE(h.ledger->lastSeq(), before);
    QCOMPARE(h.ledger->spec().revision, 0u);
}

void TestEventUpdate::venueIdKeyAndCurrencyAreRefused()
{
    Harness h;
    std::string error;
    EventSpec other = h.ledger->spec();
    other.venue = test::makeTestVenue(2, 5, 11); // one more seat per row
    QCOMPARE(h.update(other, &error), Status::InvalidArgument);
    QVERIFY2(error.find("venue") != std::string::npos, error.c_str());
    // An equal copy of the venue is the same venue.
    EventSpec copy = h.ledger->spec();
    copy.venue = test::makeTestVenue();
    copy.name = "Same venue";
    QCOMPARE(h.update(copy, &error), Status::Ok);
    EventSpec id = h.ledger->spec();
    id.id = kEvent + 1;
    QCOMPARE(h.update(id, &error), Status::InvalidArgument);
    EventSpec key = h.ledger->spec();
    key.ticketKey[0] ^= 1;
    QCOMPARE(h.update(key, &error), Status::InvalidArgument);
    // The currency may change until something is held or sold.
    EventSpec pounds = h.ledger->spec();
    pounds.currency = "GBP";
    QCOMPARE(h.update(pounds, &error), Status::Ok);
    QVERIFY(h.hold({ 1 }).ok());
    EventSpec euros = h.ledger->spec();
    euros.currency = "EUR";
    QCOMPARE(h.update(euros, &error), Status::InvalidArgument);
    QVERIFY2(error.find("currency") != std::string::npos, error.c_str());
    QCOMPARE(h.ledger->spec().currency, std::string("GBP"));
    QCOMPARE(h.ledger->spec().name, std::string("Same venue"));
}

void TestEventUpdate::priceTypesInUseAreKept()
{
    Harness h;
    QVERIFY(h.confirm(h.hold({ 1 }).hold, { 1 }).ok()); // a concession ticket
    std::string error;
    EventSpec fewer = h.ledger->spec();
    fewer.priceTypes.pop_back();
    for (CategoryPrices& p : fewer.prices)
        p.amounts.pop_back();
    QCOMPARE(h.update(fewer, &error), Status::InvalidArgument);
    QVERIFY2(error.find("price type 1") != std::string::npos, error.c_str());
    EventSpec rekeyed = h.ledger->spec();
    rekeyed.priceTypes[1].key = "student";
    QCOMPARE(h.update(rekeyed, &error), Status::InvalidArgument);
    // Renaming (not rekeying) and adding a type are fine.
    EventSpec more = h.ledger->spec();
    more.priceTypes[1].name = "Reduced";
    more.priceTypes.push_back(PriceType { "child", "Child" });
    for (CategoryPrices& p : more.prices)
        p.amounts.push_back(100);
    QCOMPARE(h.update(more, &error), Status::Ok);
    QCOMPARE(h.confirm(h.hold({ 2 }).hold, { 2 }).amount, Amount(100));
}

void TestEventUpdate::channelsInUseAreKept()
{
    Harness h;
    std::string error;
    EventSpec noBox = h.ledger->spec();
    noBox.channels.pop_back(); // channel 2
    Command box;
    box.kind = CommandKind::HoldSeats, box.seats = { 6 }, box.channel = 2, box.actor = Actor { ActorKind::Clerk, 3 };
    const CommandResult held = h.run(box);
    QVERIFY(held.ok());
    QCOMPARE(h.update(noBox, &error), Status::ChannelNotFound);
    QVERIFY2(error.find("channel 2 has holds") != std::string::npos, error.c_str());
    Command release;
    release.kind = CommandKind::Release, release.hold = held.hold, release.channel = 2, release.actor = box.actor;
    QVERIFY(h.run(release).ok());
    Command allocate;
    allocate.kind = CommandKind::AllocateSeats, allocate.seats = { 9 }, allocate.target = 2;
    allocate.actor = kPromoter;
    QVERIFY(h.run(allocate).ok());
    QCOMPARE(h.update(noBox, &error), Status::ChannelNotFound);
    QVERIFY2(error.find("allocated") != std::string::npos, error.c_str());
    Command deallocate = allocate;
    deallocate.kind = CommandKind::DeallocateSeats;
    QVERIFY(h.run(deallocate).ok());
    QCOMPARE(h.update(noBox, &error), Status::Ok);
    QCOMPARE(h.run(box).status, Status::ChannelNotFound);
}

void TestEventUpdate::heldCategoriesKeepAPrice()
{
    Harness h;
    QVERIFY(h.hold({ 51 }).ok()); // category B
    std::string error;
    EventSpec noB = h.ledger->spec();
    for (CategoryPrices& p : noB.prices)
        if (p.category == "B")
            p.amounts.assign(p.amounts.size(), kNotOffered);
    QCOMPARE(h.update(noB, &error), Status::PriceTypeNotFound);
    QVERIFY2(error.find("category B") != std::string::npos, error.c_str());
    // Category A has nothing held or sold: it may stop selling.
    EventSpec noA = h.ledger->spec();
    for (CategoryPrices& p : noA.prices)
        if (p.category == "A")
            p.amounts.assign(p.amounts.size(), kNotOffered);
    QCOMPARE(h.update(noA, &error), Status::Ok);
}

void TestEventUpdate::raisedOrderLimitReplaysAndRestores()
{
    Harness h;
    const CommandResult small = h.hold({ 1, 2, 3 });
    QVERIFY(small.ok());
    const std::vector<std::uint8_t> before = h.ledger->snapshot();
    const JournalBatch first = h.ledger->takeBatch();
    EventSpec more = h.ledger->spec();
    more.ticketsPerOrderMax = 20;
    QCOMPARE(h.update(more), Status::Ok);
    std::vector<SeatId> twelve;
    for (SeatId s = 11; s <= 22; ++s)
        twelve.push_back(s);
    const CommandResult big = h.hold(twelve);
    QCOMPARE(big.status, Status::Ok);
    QCOMPARE(h.ledger->hold(small.hold)->seats, (std::vector<SeatId> { 1, 2, 3 })); // moved to the wider table
    // Lower it again: the peak (and the hold table) stays, the limit applies.
    EventSpec fewer = h.ledger->spec();
    fewer.ticketsPerOrderMax = 4;
    QCOMPARE(h.update(fewer), Status::Ok);
    QCOMPARE(h.ledger->spec().ticketsPerOrderPeak, 20u);
    QCOMPARE(h.hold({ 30, 31, 32, 33, 34 }).status, Status::LimitExceeded);
    const JournalBatch second = h.ledger->takeBatch();

    // What a restart does: the stored (newest) spec, the old snapshot, the journal after it.
    const EventSpec stored = h.ledger->spec();
    std::string error;
    auto restored = Ledger::restore(stored, Harness::verifying(), before, &error);
    QVERIFY2(restored != nullptr, error.c_str());
    QVERIFY(restored->replay(second.bytes));
    QCOMPARE(restored->hold(big.hold)->seats, twelve);
    Ledger replayed(stored, Harness::verifying());
    QVERIFY(replayed.replay(first.bytes));
    QVERIFY(replayed.replay(second.bytes));
    QCOMPARE(replayed.hold(small.hold)->seats, (std::vector<SeatId> { 1, 2, 3 }));
    QCOMPARE(replayed.counts().held, 15u);
    auto fromNew = Ledger::restore(stored, Harness::verifying(), h.ledger->snapshot(), &error);
    QVERIFY2(fromNew != nullptr, error.c_str());
    QCOMPARE(fromNew->counts().held, 15u);
}

void TestEventUpdate::engineUpdateSurvivesRestart()
{
    test::TempDir dir;
    EngineOptions options;
    options.dataDirectory = dir.path();
    options.synchronousFull = false;
    std::string error;
    HoldId held = 0;
    {
        auto engine = Engine::open(options, &error);
        QVERIFY2(engine != nullptr, error.c_str());
        QCOMPARE(engine->createEvent(test::makeTestEvent(kEvent), &error), Status::Ok);
        EventShard* shard = engine->event(kEvent);
        const EventSpec& original = shard->spec();
        Command hold;
        hold.kind = CommandKind::HoldSeats, hold.key = IdempotencyKey { 1, 1 }, hold.actor = kBuyer;
        hold.channel = 1, hold.seats = { 1, 2 };
        held = shard->execute(hold).hold;
        QVERIFY(held != 0);

        EventSpec next = shard->spec();
        next.name = "Matinee";
        next.prices[0].amounts[0] = 4242;
        next.ticketsPerOrderMax = 12;
        QCOMPARE(engine->updateEventSpec(kEvent, next, &error, kPromoter), Status::Ok);
        // Durable and visible at once; a reference taken before still reads the old revision.
        QCOMPARE(shard->spec().name, std::string("Matinee"));
        QCOMPARE(shard->spec().revision, 1u);
        QCOMPARE(original.name, test::makeTestEvent(kEvent).name);
        std::vector<SeatId> twelve;
        for (SeatId s = 11; s <= 22; ++s)
            twelve.push_back(s);
        Command big = hold;
        big.key = IdempotencyKey { 1, 2 }, big.seats = twelve;
        QCOMPARE(shard->execute(big).status, Status::Ok);
    }
    auto engine = Engine::open(options, &error);
    QVERIFY2(engine != nullptr, error.c_str());
    EventShard* shard = engine->event(kEvent);
    QVERIFY(shard != nullptr);
    QCOMPARE(shard->spec().name, std::string("Matinee"));
    QCOMPARE(shard->spec().revision, 1u);
    QCOMPARE(shard->spec().ticketsPerOrderMax, 12u);
    std::uint32_t heldSeats = 0;
    shard->read([&](const Ledger& ledger) { heldSeats = ledger.counts().held; });
    QCOMPARE(heldSeats, 14u);
    Command confirm;
    confirm.kind = CommandKind::Confirm, confirm.key = IdempotencyKey { 1, 3 }, confirm.actor = kBuyer;
    confirm.channel = 1, confirm.hold = held, confirm.text = "pay";
    const CommandResult sold = shard->execute(confirm);
    QCOMPARE(sold.status, Status::Ok);
    QCOMPARE(sold.amount, Amount(4242 * 2));
    // The journal has the change, with who made it.
    bool found = false;
    engine->withStorage([&](Storage& storage) {
        storage.readJournal(
            kEvent, 1,
            [&](const BatchPtr& batch) {
                forEachRecord(*batch, [&](const RecordView& record) {
                    if (record.header.kind == CommandKind::UpdateEvent)
                        found = found || (record.header.actor == kPromoter && record.header.status == Status::Ok);
                    return true;
                });
                return true;
            },
            &error);
    });
    QVERIFY(found);
}

void TestEventUpdate::engineRefusalChangesNothing()
{
    test::TempDir dir;
    EngineOptions options;
    options.dataDirectory = dir.path();
    options.synchronousFull = false;
    std::string error;
    auto engine = Engine::open(options, &error);
    QVERIFY2(engine != nullptr, error.c_str());
    QCOMPARE(engine->createEvent(test::makeTestEvent(kEvent), &error), Status::Ok);
    EventShard* shard = engine->event(kEvent);
    Command hold;
    hold.kind = CommandKind::HoldSeats, hold.key = IdempotencyKey { 2, 1 }, hold.actor = kBuyer;
    hold.channel = 1, hold.seats = { 1 };
    QVERIFY(shard->execute(hold).ok());
    EventSpec next = shard->spec();
    next.currency = "USD";
    error.clear();
    QCOMPARE(engine->updateEventSpec(kEvent, next, &error), Status::InvalidArgument);
    QVERIFY2(error.find("currency") != std::string::npos, error.c_str());
    EventSpec broken = shard->spec();
    broken.holdSeconds = 0;
    QCOMPARE(engine->updateEventSpec(kEvent, broken, &error), Status::InvalidArgument);
    QVERIFY2(error.find("holdSeconds") != std::string::npos, error.c_str());
    QCOMPARE(engine->updateEventSpec(kEvent + 5, next, &error), Status::EventNotFound);
    QCOMPARE(shard->spec().currency, std::string("EUR"));
    QCOMPARE(shard->spec().revision, 0u);
    engine->close();
    auto reopened = Engine::open(options, &error);
    QVERIFY2(reopened != nullptr, error.c_str());
    QCOMPARE(reopened->event(kEvent)->spec().currency, std::string("EUR"));
}

QTEST_APPLESS_MAIN(TestEventUpdate)
#include "TestEventUpdate.moc"
