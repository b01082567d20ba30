#include "AuditWorker.h"

#include <QTimer>

#include <algorithm>

namespace usher::ui {

AuditWorker::AuditWorker(std::unique_ptr<audit::AuditIndex> index, const audit::AuditReplayOptions& replay)
    : m_index(std::move(index))
    , m_replayOptions(replay)
{
}

AuditWorker::~AuditWorker() = default;

void AuditWorker::catchUp()
{
    audit::AuditCatchUp result;
    std::string error;
    const Status status = m_index->catchUp(&result, &error, false, kCatchUpStepRecords);
    Q_EMIT caughtUp(result.records, status == Status::Ok && result.more,
                    status == Status::Ok ? QString() : QString::fromStdString(error));
}

void AuditWorker::warm(const QList<quint64>& events)
{
    if (events.isEmpty() || m_stopWarming.load())
        return;
    std::string error;
    if (m_replay == nullptr)
        m_replay = audit::AuditReplay::open(m_replayOptions, &error);
    if (m_replay == nullptr)
        return; // the replay request that needs it reports the error
    bool done = false;
    if (m_replay->warm(EventId(events.front()), kWarmStepRecords, &done, &error) != Status::Ok)
        done = true; // the same error reaches whoever asks for that event's map
    QList<quint64> rest = events;
    if (done) {
        Q_EMIT warmed(rest.front());
        rest.removeFirst();
    }
    // Queued: anything asked for meanwhile (catch-up, a replay) runs first.
    if (!rest.isEmpty())
        QMetaObject::invokeMethod(
            this, [this, rest] { warm(rest); }, Qt::QueuedConnection);
}

void AuditWorker::replay(quint64 event, quint64 seq, quint64 ticket)
{
    if (ticket < m_latestTicket.load())
        return; // a newer position was asked for meanwhile (a slider being dragged)
    auto state = std::make_shared<AuditMapState>();
    state->event = event;
    state->ticket = ticket;
    std::string error;
    if (m_replay == nullptr)
        m_replay = audit::AuditReplay::open(m_replayOptions, &error);
    Status status = m_replay != nullptr ? Status::Ok : Status::StorageFailed;
    const std::size_t restoresBefore = m_replay != nullptr ? m_replay->restoresTotal() : 0;
    // A long way: in steps, giving up as soon as a newer position is wanted (the cursor and the
    // checkpoints made so far stay, so the next request starts from there).
    Seq from = status == Status::Ok ? m_replay->startSeqFor(event, seq) : seq;
    while (status == Status::Ok && seq > from + kReplayStepRecords) {
        status = m_replay->stateAt(
            event, from + kReplayStepRecords, [](const Ledger&) {}, &error);
        if (ticket < m_latestTicket.load())
            return;
        const Seq next = m_replay->startSeqFor(event, seq);
        if (next <= from)
            break; // the journal ended: the last step reaches it
        from = next;
    }
    if (status == Status::Ok) {
        Seq reached = 0;
        status = m_replay->stateAt(
            event, seq,
            [&](const Ledger& ledger) {
                const Venue& venue = ledger.venue();
                state->seats.resize(venue.seats.size());
                for (SeatIndex s = 0; s < venue.seats.size(); ++s) {
                    const SeatView view = ledger.seat(s);
                    state->seats[s] = { view.status, view.allocation, view.channel, view.holder, view.expiresAt };
                }
                state->areas.resize(venue.areas.size());
                for (std::uint32_t a = 0; a < venue.areas.size(); ++a) {
                    state->areas[a].capacity = venue.areas[a].capacity;
                    for (const AreaPool& pool : ledger.areaPools(a))
                        state->areas[a].held += pool.held, state->areas[a].sold += pool.sold;
                }
            },
            &error, &reached);
        state->seq = reached;
        state->restores = m_replay->restoresTotal() - restoresBefore;
    }
    if (status != Status::Ok)
        state->error = QString::fromStdString(error);
    m_answeredTicket = std::max(m_answeredTicket, ticket);
    Q_EMIT stateReady(state);
    if (status == Status::Ok)
        scheduleReadAhead(EventId(event));
}

void AuditWorker::scheduleReadAhead(EventId event)
{
    if (m_stopWarming.load() || m_replay == nullptr)
        return;
    // Another event's read-ahead stops here; this one's runs while it has bodies not read.
    m_readAheadEvent = m_replay->unreadCheckpoints(event) != 0 ? event : 0;
    if (m_readAheadEvent == 0)
        return;
    if (m_readAheadQueued)
        return;
    m_readAheadQueued = true;
    QTimer::singleShot(0, this, &AuditWorker::readAheadStep);
}

void AuditWorker::readAheadStep()
{
    m_readAheadQueued = false;
    if (m_stopWarming.load() || m_replay == nullptr || m_readAheadEvent == 0)
        return;
    if (m_latestTicket.load() > m_answeredTicket) {
        // A request is on its way: it goes first, and this step comes back after it.
        m_readAheadQueued = true;
        QTimer::singleShot(0, this, &AuditWorker::readAheadStep);
        return;
    }
    bool done = true;
    std::string error;
    if (m_replay->readAhead(m_readAheadEvent, &done, &error) != Status::Ok)
        done = true; // the request that needs this event reports the error
    if (done) {
        m_readAheadEvent = 0;
        return;
    }
    m_readAheadQueued = true;
    QTimer::singleShot(0, this, &AuditWorker::readAheadStep);
}

} // namespace usher::ui
