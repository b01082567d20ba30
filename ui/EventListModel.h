#pragma once

// The engine's events as a list: name, start, venue and how many places are still available.
//
// Availability stays current cheaply: a subscriber per event only raises a flag (on an engine
// thread), and once a second the flagged events are read on a worker thread, never on the GUI
// thread, which a busy shard could stall. The shown event's SeatStateModel also pushes its counts
// through setAvailability(), so the list and the seat view agree at once.

#include "core/Types.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <memory>
#include <vector>

namespace usher {
class Engine;
class EventShard;
class Ledger;
} // namespace usher

namespace usher::ui {

class EventListModel final : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        EventIdRole = Qt::UserRole + 1, // qulonglong
        NameRole, // QString
        VenueRole, // QString
        StartsAtRole, // QDateTime (UTC)
        AvailableRole, // qulonglong: seats and standing places anyone may still buy
        CapacityRole, // qulonglong: seats and standing places
    };
    static constexpr int kRefreshMs = 1000;

    // Lists the events the engine has now, sorted by start. The engine must outlive the model.
    explicit EventListModel(Engine& engine, QObject* parent = nullptr);
    ~EventListModel() override;

    int rowOfEvent(EventId event) const; // -1 when not listed
    EventShard* shardAt(int row) const;

    // Reads the availability of every event that changed since the last refresh, off the GUI
    // thread; the timer calls it. Emits refreshed() when the answers are in.
    void refresh();
    // Availability known from elsewhere (the shown event's seat model).
    void setAvailability(EventId event, quint64 available, quint64 capacity);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void refreshed();

private:
    struct Availability {
        EventId event = 0;
        quint64 available = 0;
        quint64 capacity = 0;
    };
    struct Entry {
        EventShard* shard = nullptr;
        EventId event = 0;
        QString name;
        QString venue;
        QString start;
        QDateTime startsAt;
        quint64 available = 0;
        quint64 capacity = 0;
        std::shared_ptr<std::atomic<bool>> changed; // set by the subscriber
        int subscription = 0;
    };

    static Availability availabilityOf(const Ledger& ledger);
    void applyAvailability(const std::vector<Availability>& answers);
    QString displayText(const Entry& entry) const;

    std::vector<Entry> m_entries;
    QTimer m_timer;
    QThreadPool m_pool; // one thread: refreshes never overlap
    bool m_refreshing = false;
};

} // namespace usher::ui
