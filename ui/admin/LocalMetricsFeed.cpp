#include "admin/LocalMetricsFeed.h"

#include "core/Assert.h"
#include "ledger/Ledger.h"
#include "runtime/Engine.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>

namespace usher::ui {

struct LocalMetricsFeed::Seats {
    std::mutex mutex;
    bool ready = false;
    Seq baseSeq = 0;
    std::vector<SeatStatus> status;
    std::uint64_t heldSeats = 0;
    std::uint64_t releasedSeats = 0;
    bool reset = false;

    void apply(const Published& published)
    {
        std::lock_guard lock(mutex);
        if (!ready || published.lastSeq <= baseSeq)
            return;
        if (published.reset) {
            reset = true; // the next sample reads every seat again
            return;
        }
        for (const SeatDelta& delta : published.seats) {
            if (delta.seat >= status.size())
                continue;
            const SeatStatus before = status[delta.seat];
            if (delta.status == SeatStatus::Held && before != SeatStatus::Held)
                ++heldSeats;
            else if (delta.status == SeatStatus::Available && before == SeatStatus::Held)
                ++releasedSeats;
            status[delta.seat] = delta.status;
        }
    }
};

LocalMetricsFeed::LocalMetricsFeed(Engine& engine, QObject* parent)
    : MetricsFeed(parent)
    , m_engine(engine)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(kIntervalMs);
    connect(m_timer, &QTimer::timeout, this, [this] { sampleNow(); });
}

LocalMetricsFeed::~LocalMetricsFeed()
{
    unsubscribe();
}

QString LocalMetricsFeed::sourceName() const
{
    return tr("this computer (no usherd)");
}

void LocalMetricsFeed::unsubscribe()
{
    if (m_shard != nullptr && m_subscription >= 0)
        m_shard->unsubscribe(m_subscription); // waits for a running callback
    m_subscription = -1;
    m_shard = nullptr;
    m_seats.reset();
}

void LocalMetricsFeed::setEvent(quint64 event)
{
    if (event == m_event && m_shard != nullptr)
        return;
    unsubscribe();
    m_event = event;
    m_history.clear();
    m_ordersSeen = 0;
    m_revenueMinor = 0;
    m_shard = m_engine.event(EventId(event));
    if (m_shard == nullptr)
        return;
    m_seats = std::make_shared<Seats>();
    std::weak_ptr<Seats> seats = m_seats;
    m_subscription = m_shard->subscribe([seats](const Published& published) {
        if (std::shared_ptr<Seats> s = seats.lock())
            s->apply(published);
    });
}

void LocalMetricsFeed::refreshEvents()
{
    std::vector<EventChoice> events;
    for (EventId id : m_engine.events())
        if (EventShard* shard = m_engine.event(id))
            events.push_back(EventChoice { quint64(id), QString::fromStdString(shard->spec().name) });
    Q_EMIT eventsChanged(events);
}

void LocalMetricsFeed::start()
{
    if (m_timer->isActive())
        return;
    refreshEvents();
    m_timer->start();
    sampleNow();
}

void LocalMetricsFeed::stop()
{
    m_timer->stop();
    m_history.clear();
}

bool LocalMetricsFeed::isRunning() const
{
    return m_timer->isActive();
}

void LocalMetricsFeed::setIntervalMs(int ms)
{
    m_timer->setInterval(ms);
}

void LocalMetricsFeed::sampleNow(qint64 atMs)
{
    MetricsSample sample;
    sample.event = m_event;
    sample.atMs = atMs != 0 ? atMs : QDateTime::currentMSecsSinceEpoch();
    sample.scope = tr("this computer");
    if (m_shard == nullptr || m_seats == nullptr) {
        Q_EMIT sampled(sample);
        return;
    }
    sample.currency = QString::fromStdString(m_shard->spec().currency);
    LedgerCounts counts;
    std::shared_ptr<Seats> seats = m_seats;
    std::uint64_t ordersSeen = m_ordersSeen;
    qint64 revenue = m_revenueMinor;
    const bool read = m_shard->read([&](const Ledger& ledger) {
        counts = ledger.counts();
        for (std::uint64_t n = 0; n < kOrdersPerTickMax; ++n) {
            const Order* order = ledger.order(OrderId(ordersSeen + 1));
            if (order == nullptr)
                break;
            revenue += order->amount;
            ++ordersSeen;
        }
        std::lock_guard lock(seats->mutex);
        if (seats->ready && !seats->reset)
            return;
        // First read, or after a reset: every seat's status, then count from here on.
        const std::size_t n = ledger.venue().seats.size();
        seats->status.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            seats->status[i] = ledger.seatStatus(SeatIndex(i));
        seats->baseSeq = ledger.lastSeq();
        seats->ready = true;
        seats->reset = false;
    });
    if (!read) {
        sample.sourceError = tr("The event's engine has stopped.");
        Q_EMIT sampled(sample);
        return;
    }
    m_ordersSeen = ordersSeen;
    m_revenueMinor = revenue;
    Totals totals;
    totals.atMs = sample.atMs;
    totals.orders = counts.orders;
    totals.tickets = counts.tickets;
    {
        std::lock_guard lock(seats->mutex);
        totals.heldSeats = seats->heldSeats;
        totals.releasedSeats = seats->releasedSeats;
    }
    if (!m_history.empty() && totals.atMs <= m_history.back().atMs)
        m_history.pop_back();
    m_history.push_back(totals);
    while (m_history.size() > 2 && m_history[1].atMs <= totals.atMs - kRatioWindowMs)
        m_history.pop_front();

    sample.revenueMinor = m_revenueMinor;
    if (m_history.size() >= 2) {
        const Totals& before = m_history[m_history.size() - 2];
        const double seconds = double(totals.atMs - before.atMs) / 1000.0;
        sample.holdsPerSecond = double(totals.heldSeats - before.heldSeats) / seconds;
        sample.salesPerSecond = double(totals.orders - before.orders) / seconds;
        sample.ticketsPerSecond = double(totals.tickets - before.tickets) / seconds;
        sample.expiriesPerSecond = double(totals.releasedSeats - before.releasedSeats) / seconds;
        const Totals& window = m_history.front();
        const std::uint64_t held = totals.heldSeats - window.heldSeats;
        if (held > 0)
            sample.abandonmentRatio = std::min(1.0, double(totals.releasedSeats - window.releasedSeats) / double(held));
    }
    Q_EMIT sampled(sample);
}

} // namespace usher::ui
