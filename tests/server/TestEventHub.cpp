// EventHub across an owner change (issue 9, net/Cluster): in process, a real engine shard (SQLite)
// and a scripted FollowedSource standing in for net/ClusterFeed. When the node hands an event over
// (EventHub::follow) or takes it (back) (addEvent), subscribers keep their seq: one delta of what
// differs, resumable, and GET availability goes on; only a state older than the subscribers' gets a
// snapshot, with "reason":"owner_changed".

#include "net/EventHub.h"
#include "runtime/Engine.h"
#include "support/TempDir.h"
#include "support/TestEvents.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <chrono>
#include <limits>
#include <mutex>
#include <thread>

using namespace usher;
using namespace usher::net;

namespace {

constexpr EventId kEvent = 7;

// A /ws client: keeps every message.
class Recorder : public WsConnection {
public:
    explicit Recorder(std::uint64_t id)
        : m_id(id)
    {
    }
    std::uint64_t id() const override { return m_id; }
    bool send(std::shared_ptr<const std::string> message) override
    {
        std::lock_guard lock(m_mutex);
        m_messages.push_back(QJsonDocument::fromJson(QByteArray::fromStdString(*message)).object());
        return true;
    }
    void close() override { }
    std::vector<QJsonObject> messages() const
    {
        std::lock_guard lock(m_mutex);
        return m_messages;
    }
    // Waits until at least `count` messages came; all of them.
    std::vector<QJsonObject> waitFor(std::size_t count, int timeoutMs = 5'000) const
    {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
        while (messages().size() < count && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        return messages();
    }

private:
    const std::uint64_t m_id;
    mutable std::mutex m_mutex;
    std::vector<QJsonObject> m_messages;
};

// What net/ClusterFeed gives the hub: the state the test sets, at the seq it sets.
class ScriptedSource : public FollowedSource {
public:
    explicit ScriptedSource(const EventSpec& spec)
        : m_spec(spec)
    {
    }
    const EventSpec& spec() const override { return m_spec; }
    bool readState(std::string* states, std::vector<std::array<std::uint32_t, 3>>* areas, Seq* seq) override
    {
        std::lock_guard lock(m_mutex);
        *states = m_states;
        *areas = m_areas;
        *seq = m_seq;
        return !m_states.empty();
    }
    void set(std::string states, std::vector<std::array<std::uint32_t, 3>> areas, Seq seq)
    {
        std::lock_guard lock(m_mutex);
        m_states = std::move(states);
        m_areas = std::move(areas);
        m_seq = seq;
    }

private:
    const EventSpec& m_spec;
    std::mutex m_mutex;
    std::string m_states;
    std::vector<std::array<std::uint32_t, 3>> m_areas;
    Seq m_seq = 0;
};

QString type(const QJsonObject& message)
{
    return message.value(QLatin1String("type")).toString();
}

qint64 seqOf(const QJsonObject& message, const char* key = "seq")
{
    return message.value(QLatin1String(key)).toInteger();
}

// The [seatId, state] pairs of a delta.
std::vector<std::pair<int, int>> seatsOf(const QJsonObject& delta)
{
    std::vector<std::pair<int, int>> out;
    for (const QJsonValue& seat : delta.value(QLatin1String("seats")).toArray())
        out.emplace_back(seat.toArray().at(0).toInt(), seat.toArray().at(1).toInt());
    return out;
}

} // namespace

class TestEventHub : public QObject {
    Q_OBJECT

private:
    test::TempDir m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<Metrics> m_metrics;
    std::unique_ptr<EventHub> m_hub;
    std::unique_ptr<ScriptedSource> m_source;
    std::uint64_t m_keys = 0;

    EventShard* shard() const { return m_engine->event(kEvent); }

    // Holds one seat (id) on the shard; its seq, or 0.
    Seq hold(SeatId seat)
    {
        Command command;
        command.kind = CommandKind::HoldSeats;
        command.actor = Actor { ActorKind::Buyer, 1 };
        command.channel = 1;
        command.key = IdempotencyKey { 42, ++m_keys };
        command.seats = { seat };
        const CommandResult result = shard()->execute(command);
        return result.status == Status::Ok ? result.seq : 0;
    }

    // The ledger's state as the hub shows it (read on the shard thread; works while suspended too).
    Seq ledgerState(std::string* states, std::vector<std::array<std::uint32_t, 3>>* areas)
    {
        Seq seq = 0;
        shard()->read([&](const Ledger& ledger) {
            hubStateOf(ledger, states, areas);
            seq = ledger.lastSeq();
        });
        return seq;
    }

    // Seq of GET availability's body, and the state of one seat index in it (no seq that a ledger can
    // have when the view is not loaded yet).
    std::pair<Seq, char> availability(std::size_t seatIndex)
    {
        AvailabilityBody body;
        if (!m_hub->availability(kEvent, &body))
            return { std::numeric_limits<Seq>::max(), '?' };
        const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromStdString(*body.body)).object();
        const QString seats = json.value(QLatin1String("seats")).toString();
        return { body.seq, char(seats.at(qsizetype(seatIndex)).unicode()) };
    }

    bool waitAvailability(Seq seq)
    {
        for (int i = 0; i < 500; ++i) {
            if (availability(0).first == seq)
                return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return false;
    }

    // Owned by this node from the start: a subscriber with its snapshot and two holds as deltas.
    // Returns the seq of the last hold.
    Seq ownAndHold(const std::shared_ptr<Recorder>& client)
    {
        m_hub->addEvent(shard());
        m_hub->subscribe(client, kEvent, std::nullopt);
        if (client->waitFor(1).empty())
            return 0;
        hold(1);
        const Seq seq = hold(2);
        const auto messages = client->waitFor(3);
        return messages.size() == 3 && seqOf(messages.back()) == qint64(seq) ? seq : 0;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        EngineOptions options;
        options.dataDirectory = m_dir.filePath("engine-" + std::to_string(++m_keys));
        options.synchronousFull = false;
        std::string error;
        m_engine = Engine::open(options, &error);
        QVERIFY2(m_engine != nullptr, error.c_str());
        QCOMPARE(m_engine->createEvent(test::makeTestEvent(kEvent), &error), Status::Ok);
        m_metrics = std::make_unique<Metrics>();
        m_hub = std::make_unique<EventHub>(HubOptions {}, *m_metrics);
        m_source = std::make_unique<ScriptedSource>(shard()->spec());
    }

    void cleanup()
    {
        m_hub->stop();
        m_hub.reset();
        m_engine->close();
        m_engine.reset();
        m_source.reset();
        m_metrics.reset();
    }

    // Handed over to a node that has made one more change: subscribers get it as a delta after the
    // last one they had, the feed's publications follow, a resume reaches back across the change,
    // and GETs follow the new owner's changes.
    void handOverContinuesTheSeq()
    {
        auto client = std::make_shared<Recorder>(1);
        const Seq held = ownAndHold(client);
        QVERIFY(held > 0);
        QVERIFY(waitAvailability(held));

        // The new owner's state: one more seat (index 4, id 5) held two seqs later.
        shard()->suspend();
        std::string states;
        std::vector<std::array<std::uint32_t, 3>> areas;
        QCOMPARE(ledgerState(&states, &areas), held);
        states[4] = '1';
        m_source->set(states, areas, held + 2);
        m_hub->follow(kEvent, m_source.get());

        auto messages = client->waitFor(4);
        QCOMPARE(messages.size(), std::size_t(4));
        QCOMPARE(type(messages[3]), QStringLiteral("delta"));
        QCOMPARE(seqOf(messages[3], "prevSeq"), qint64(held));
        QCOMPARE(seqOf(messages[3]), qint64(held + 2));
        QCOMPARE(seatsOf(messages[3]), (std::vector<std::pair<int, int>> { { 5, 1 } }));
        QVERIFY(waitAvailability(held + 2));
        QCOMPARE(availability(4).second, '1');

        // The feed's next publication: seat index 6 (id 7) sold.
        Published published;
        published.event = kEvent;
        published.lastSeq = held + 5;
        SeatDelta sold;
        sold.seat = 6;
        sold.status = SeatStatus::Sold;
        published.seats.push_back(sold);
        m_hub->publishFollowed(published);
        messages = client->waitFor(5);
        QCOMPARE(messages.size(), std::size_t(5));
        QCOMPARE(seqOf(messages[4], "prevSeq"), qint64(held + 2));
        QCOMPARE(seqOf(messages[4]), qint64(held + 5));
        QCOMPARE(seatsOf(messages[4]), (std::vector<std::pair<int, int>> { { 7, 2 } }));
        QVERIFY(waitAvailability(held + 5));
        QCOMPARE(availability(6).second, '2');

        // A client that had `held` resumes across the change of owner.
        auto late = std::make_shared<Recorder>(2);
        m_hub->subscribe(late, kEvent, Seq(held));
        const auto resumed = late->waitFor(3);
        QCOMPARE(resumed.size(), std::size_t(3));
        QCOMPARE(type(resumed[0]), QStringLiteral("resumed"));
        QCOMPARE(seqOf(resumed[1], "prevSeq"), qint64(held));
        QCOMPARE(seatsOf(resumed[1]), (std::vector<std::pair<int, int>> { { 5, 1 } }));
        QCOMPARE(seqOf(resumed[2]), qint64(held + 5));
        QCOMPARE(seatsOf(resumed[2]), (std::vector<std::pair<int, int>> { { 7, 2 } }));
        // From before the change of owner: the deltas built while `client` was subscribed.
        auto earlier = std::make_shared<Recorder>(3);
        m_hub->subscribe(earlier, kEvent, Seq(held - 1));
        const auto fromOwner = earlier->waitFor(4); // resumed, held, held + 2, held + 5
        QCOMPARE(fromOwner.size(), std::size_t(4));
        QCOMPARE(type(fromOwner[0]), QStringLiteral("resumed"));
        QCOMPARE(seqOf(fromOwner[1]), qint64(held));
        QCOMPARE(seatsOf(fromOwner[1]), (std::vector<std::pair<int, int>> { { 2, 1 } }));

        // Followed already: a second follow() changes nothing.
        m_hub->follow(kEvent, m_source.get());
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        QCOMPARE(client->messages().size(), std::size_t(5));
    }

    // Changes made while nobody subscribes are kept unbuilt; a resume from before them builds them.
    void resumeBuildsDeltasMadeWithoutSubscribers()
    {
        std::string states;
        std::vector<std::array<std::uint32_t, 3>> areas;
        const Seq start = ledgerState(&states, &areas);
        m_hub->addEvent(shard());
        QVERIFY(waitAvailability(start));
        const Seq first = hold(11);
        const Seq second = hold(12);
        QVERIFY(first > start && second > first);
        auto client = std::make_shared<Recorder>(1);
        m_hub->subscribe(client, kEvent, start);
        const auto messages = client->waitFor(3);
        QCOMPARE(messages.size(), std::size_t(3));
        QCOMPARE(type(messages[0]), QStringLiteral("resumed"));
        QCOMPARE(seqOf(messages[0]), qint64(second));
        QCOMPARE(seqOf(messages[1], "prevSeq"), qint64(start));
        QCOMPARE(seqOf(messages[1]), qint64(first));
        QCOMPARE(seatsOf(messages[1]), (std::vector<std::pair<int, int>> { { 11, 1 } }));
        QCOMPARE(seqOf(messages[2], "prevSeq"), qint64(first));
        QCOMPARE(seatsOf(messages[2]), (std::vector<std::pair<int, int>> { { 12, 1 } }));
        // A second resume gets the same messages (built once).
        auto again = std::make_shared<Recorder>(2);
        m_hub->subscribe(again, kEvent, first);
        const auto resumed = again->waitFor(2);
        QCOMPARE(resumed.size(), std::size_t(2));
        QCOMPARE(seatsOf(resumed[1]), (std::vector<std::pair<int, int>> { { 12, 1 } }));
    }

    // Handed over to a feed that has not caught up yet (older seq): nothing is sent and GETs keep
    // the view's state until the feed's publications pass it.
    void handOverToALaggingFeedWaits()
    {
        auto client = std::make_shared<Recorder>(1);
        const Seq held = ownAndHold(client);
        QVERIFY(held > 0);
        shard()->suspend();
        std::string states;
        std::vector<std::array<std::uint32_t, 3>> areas;
        ledgerState(&states, &areas);
        states[1] = '0'; // as it was before the last hold
        m_source->set(states, areas, held - 1);
        m_hub->follow(kEvent, m_source.get());
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        QCOMPARE(client->messages().size(), std::size_t(3));
        QCOMPARE(availability(1), std::make_pair(held, '1'));

        Published published; // the feed's catch-up: everything after held - 1
        published.event = kEvent;
        published.lastSeq = held + 1;
        SeatDelta seat;
        seat.seat = 1;
        seat.status = SeatStatus::Held;
        published.seats.push_back(seat);
        seat.seat = 9;
        published.seats.push_back(seat);
        m_hub->publishFollowed(published);
        const auto messages = client->waitFor(4);
        QCOMPARE(messages.size(), std::size_t(4));
        QCOMPARE(seqOf(messages[3], "prevSeq"), qint64(held));
        QCOMPARE(seqOf(messages[3]), qint64(held + 1));
        QVERIFY(waitAvailability(held + 1));
        QCOMPARE(availability(9).second, '1');
    }

    // The event was lost, not handed over: the shard had a batch that never became durable (the view
    // showed it). The feed's reset with the durable state, below the view's seq, is a snapshot for
    // the subscribers and the body of GET availability; the hub does not wait for the feed to pass
    // the lost seq (the seat would show its lost state until its next change).
    void lostEventResetSendsTheDurableState()
    {
        auto client = std::make_shared<Recorder>(1);
        const Seq held = ownAndHold(client);
        QVERIFY(held > 0);
        shard()->suspend();
        std::string states;
        std::vector<std::array<std::uint32_t, 3>> areas;
        ledgerState(&states, &areas);
        m_source->set(states, areas, held); // the feed starts from the shard's state (net/ClusterFeed)
        m_hub->follow(kEvent, m_source.get());
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        QCOMPARE(client->messages().size(), std::size_t(3));

        states[1] = '0'; // the durable state: the last hold never committed
        m_source->set(states, areas, held - 1);
        Published reset;
        reset.event = kEvent;
        reset.lastSeq = held - 1;
        reset.reset = true;
        m_hub->publishFollowed(reset);
        const auto messages = client->waitFor(4);
        QCOMPARE(messages.size(), std::size_t(4));
        QCOMPARE(type(messages[3]), QStringLiteral("snapshot"));
        QCOMPARE(seqOf(messages[3]), qint64(held - 1));
        QCOMPARE(messages[3].value(QLatin1String("seats")).toString().at(1), QLatin1Char('0'));
        QVERIFY(waitAvailability(held - 1));
        QCOMPARE(availability(1).second, '0');

        // From there the feed's publications chain on the durable seq.
        Published next;
        next.event = kEvent;
        next.lastSeq = held;
        SeatDelta seat;
        seat.seat = 4;
        seat.status = SeatStatus::Held;
        next.seats.push_back(seat);
        m_hub->publishFollowed(next);
        const auto more = client->waitFor(5);
        QCOMPARE(more.size(), std::size_t(5));
        QCOMPARE(seqOf(more[4], "prevSeq"), qint64(held - 1));
        QVERIFY(waitAvailability(held));
        QCOMPARE(availability(4).second, '1');
        QCOMPARE(availability(1).second, '0');
    }

    // Followed until this node takes the event: the ledger's changes since the feed's seq come as one
    // delta, then the shard's publications; the feed's are no longer taken.
    void takeOverContinuesTheSeq()
    {
        std::string states;
        std::vector<std::array<std::uint32_t, 3>> areas;
        const Seq start = ledgerState(&states, &areas);
        m_source->set(states, areas, start);
        m_hub->addFollowed(kEvent, m_source.get());
        auto client = std::make_shared<Recorder>(1);
        m_hub->subscribe(client, kEvent, std::nullopt);
        QCOMPARE(client->waitFor(1).size(), std::size_t(1));
        QCOMPARE(seqOf(client->messages()[0]), qint64(start));

        hold(3); // by the "other node": the hub does not see the shard yet
        const Seq held = hold(4);
        QVERIFY(held > start);
        m_hub->addEvent(shard());
        auto messages = client->waitFor(2);
        QCOMPARE(messages.size(), std::size_t(2));
        QCOMPARE(type(messages[1]), QStringLiteral("delta"));
        QCOMPARE(seqOf(messages[1], "prevSeq"), qint64(start));
        QCOMPARE(seqOf(messages[1]), qint64(held));
        QCOMPARE(seatsOf(messages[1]), (std::vector<std::pair<int, int>> { { 3, 1 }, { 4, 1 } }));
        QVERIFY(waitAvailability(held));

        Published stale; // from the feed, after the take-over: ignored
        stale.event = kEvent;
        stale.lastSeq = held + 10;
        m_hub->publishFollowed(stale);
        const Seq next = hold(8);
        messages = client->waitFor(3);
        QCOMPARE(messages.size(), std::size_t(3));
        QCOMPARE(seqOf(messages[2], "prevSeq"), qint64(held));
        QCOMPARE(seqOf(messages[2]), qint64(next));
        QCOMPARE(seatsOf(messages[2]), (std::vector<std::pair<int, int>> { { 8, 1 } }));
    }

    // Handed over and taken back, but the ledger (rebuilt from storage) is older than what the
    // subscribers have: they cannot continue and get a snapshot that says why.
    void takeBackOlderSendsASnapshotWithReason()
    {
        auto client = std::make_shared<Recorder>(1);
        const Seq held = ownAndHold(client);
        QVERIFY(held > 0);
        shard()->suspend();
        std::string states;
        std::vector<std::array<std::uint32_t, 3>> areas;
        ledgerState(&states, &areas);
        states[5] = '1';
        m_source->set(states, areas, held + 3); // a change this storage does not have
        m_hub->follow(kEvent, m_source.get());
        QCOMPARE(client->waitFor(4).size(), std::size_t(4));

        shard()->resume();
        m_hub->addEvent(shard());
        const auto messages = client->waitFor(5);
        QCOMPARE(messages.size(), std::size_t(5));
        QCOMPARE(type(messages[4]), QStringLiteral("snapshot"));
        QCOMPARE(messages[4].value(QLatin1String("reason")).toString(), QStringLiteral("owner_changed"));
        QCOMPARE(seqOf(messages[4]), qint64(held));
        QCOMPARE(messages[4].value(QLatin1String("seats")).toString().at(5), QLatin1Char('0'));
        QVERIFY(waitAvailability(held));
        // The shard's own reset after resume() re-reads the same state: nothing more is sent.
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        QCOMPARE(client->messages().size(), std::size_t(5));
    }
};

QTEST_GUILESS_MAIN(TestEventHub)
#include "TestEventHub.moc"
