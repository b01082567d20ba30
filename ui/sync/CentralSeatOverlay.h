#pragma once

// Central's seat states on the counter's seat map (issue 6, "every seat change on central shows on
// the clerk's seat map within a second"). The box office's own ledger knows only the seats it sold;
// a seat sold online, or by another box office, is sold only on central. CentralSeatFeed follows
// usherd's /ws; this puts its states onto a SeatMapModel as an overlay (SeatMapModel::setOverlay),
// which the model shows only for seats this box office does not own (its allocation and its own
// sales stay the local ledger's). A delta is a few seats: applied on the GUI thread as it arrives.

#include "core/Types.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace usher {
class CentralSeatFeed;
}

namespace usher::ui {

class SeatMapModel;

class CentralSeatOverlay final : public QObject {
    Q_OBJECT

public:
    // Subscribes `feed` to the model's event (with the model's venue) and keeps the overlay current.
    // The feed and the model must outlive the overlay, or be its parents' children.
    CentralSeatOverlay(CentralSeatFeed& feed, SeatMapModel& model, EventId event, QObject* parent = nullptr);

    EventId event() const { return m_event; }
    // Seats changed on central and shown (for tests and the latency bench).
    quint64 applied() const { return m_applied; }

Q_SIGNALS:
    // The overlay changed after central's update `seq`.
    void overlayApplied(quint64 seq);

private:
    void snapshot(quint64 event, quint64 seq);
    void changed(quint64 event, quint64 seq, const QList<quint32>& seats);

    QPointer<CentralSeatFeed> m_feed;
    QPointer<SeatMapModel> m_model;
    const EventId m_event;
    quint64 m_applied = 0;
};

} // namespace usher::ui
