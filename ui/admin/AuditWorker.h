#pragma once

// The audit browser's worker thread: keeps the audit index caught up with the journal, and
// replays the journal for the time-travel map. Its slots run on its own thread (it is moved to
// one by AuditLogWidget); results come back as queued signals.

#include "SeatMapModel.h"
#include "audit/AuditIndex.h"
#include "audit/AuditReplay.h"

#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

namespace usher::ui {

// The seat map's state right after `seq` of `event`, as replayed.
struct AuditMapState {
    EventId event = 0;
    Seq seq = 0;        // the seq reached (the journal may end before the one asked for)
    quint64 ticket = 0; // the request it answers
    std::vector<SeatMapModel::SeatInfo> seats;
    std::vector<SeatMapModel::AreaInfo> areas;
    QString error;            // not empty: the replay failed
    std::size_t restores = 0; // checkpoints restored to answer it (0: replayed from the cursor or the start)
};
using AuditMapStatePtr = std::shared_ptr<const AuditMapState>;

class AuditWorker final : public QObject {
    Q_OBJECT

public:
    // Records indexed per catch-up step: a step ends at a batch boundary past this, so a long
    // first catch-up lets replays in between and never holds a read snapshot of usher.db for long.
    static constexpr std::uint64_t kCatchUpStepRecords = 100'000;
    // A replay longer than this goes in steps, and stops between two when a newer position was
    // asked for: a slider stays responsive even before the checkpoints of a long journal exist.
    static constexpr std::uint64_t kReplayStepRecords = 250'000;
    // The background warm-up of time travel's checkpoints goes in steps this long, so a catch-up
    // or a replay asked for meanwhile waits at most one step.
    static constexpr std::uint64_t kWarmStepRecords = 100'000;

    AuditWorker(std::unique_ptr<audit::AuditIndex> index, const audit::AuditReplayOptions& replay);
    ~AuditWorker() override;

    // Thread-safe: the newest replay ticket; older requests still queued are skipped.
    void setLatestTicket(quint64 ticket) { m_latestTicket.store(ticket); }

public Q_SLOTS:
    void catchUp();
    void replay(quint64 event, quint64 seq, quint64 ticket);
    // Replays each event to its end in steps, keeping checkpoints (persisted in audit.db).
    void warm(const QList<quint64>& events);
    // Stops the warm-up and the read-ahead of checkpoint bodies (thread-safe).
    void stopWarming() { m_stopWarming.store(true); }

Q_SIGNALS:
    void caughtUp(quint64 records, bool more, const QString& error);
    void stateReady(const usher::ui::AuditMapStatePtr& state);
    void warmed(quint64 event); // the event's journal is replayed to its end once

private:
    // After an event's first answer, the bodies of its stored checkpoints are read one per idle
    // slice (a zero timer on this thread), so a later jump never waits for a cold read and a
    // request waits at most one body read; another event's request stops it for the old one.
    void scheduleReadAhead(EventId event);
    void readAheadStep();

    std::unique_ptr<audit::AuditIndex> m_index;
    audit::AuditReplayOptions m_replayOptions;
    std::unique_ptr<audit::AuditReplay> m_replay;
    std::atomic<quint64> m_latestTicket { 0 };
    std::atomic<bool> m_stopWarming { false };
    quint64 m_answeredTicket = 0;   // the last replay request answered
    EventId m_readAheadEvent = 0;   // 0: no read-ahead
    bool m_readAheadQueued = false; // a step is on this thread's queue
};

} // namespace usher::ui

Q_DECLARE_METATYPE(usher::ui::AuditMapStatePtr)
