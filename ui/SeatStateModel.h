#pragma once

// One event's seat states as a table: one section at a time, a table row per venue row, a cell per
// seat (in the order a person walks along the row). It loads the state with EventShard::read() and
// then follows the shard's published deltas, so the view is live without polling.
//
// Threading: the shard calls the subscriber on an engine thread. The subscriber only copies the
// deltas into an inbox and posts one queued call per burst; everything else runs on the GUI thread.
// The destructor unsubscribes, which waits for a running subscriber call, so the subscriber never
// sees a destroyed model. The shard must outlive the model.

#include "EventCounts.h"
#include "SeatStateStyle.h"
#include "PublishedInbox.h"
#include "runtime/EventShard.h"

#include <QAbstractTableModel>
#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace usher::ui {

class SeatStateModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Role {
        SeatIndexRole = Qt::UserRole + 1, // SeatIndex (uint); absent for an empty cell
        SeatStatusRole, // int(SeatStatus)
        AllocationRole, // ChannelId of the allocation (0: open pool)
        DisplayStateRole, // int(SeatDisplayState)
    };

    // One standing area.
    struct AreaState {
        QString name;
        quint32 capacity = 0;
        quint32 available = 0; // free in the open pool
        quint32 held = 0;
        quint32 sold = 0;
    };

    // Pending deltas beyond this many seat and area changes collapse into a reload (a GUI thread
    // stalled during a flash sale must not grow the inbox without bound).
    static constexpr std::size_t kInboxDeltasMax = 1'000'000;

    explicit SeatStateModel(EventShard& shard, QObject* parent = nullptr);
    ~SeatStateModel() override;

    EventId eventId() const { return m_shard.id(); }
    const EventSpec& spec() const { return m_spec; }
    bool isLoaded() const { return m_loaded; } // false when the shard was stopped
    Seq lastSeq() const { return m_seq; }

    int sectionCount() const;
    QString sectionName(int section) const;
    int section() const { return m_section; }
    void setSection(int section);

    // The cell showing `seat`, or an invalid index when the seat is in another section.
    QModelIndex indexOfSeat(SeatIndex seat) const;
    SeatIndex seatAt(const QModelIndex& index) const; // kNoSeat for an empty cell
    SeatDisplayState seatState(SeatIndex seat) const;
    QString seatDescription(SeatIndex seat) const; // "Stalls, row F, seat 12 — Category A — 45.00 EUR — sold"

    const std::vector<AreaState>& areas() const { return m_areas; }
    const EventCounts& counts() const { return m_counts; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

Q_SIGNALS:
    void countsChanged();
    void areasChanged();
    void reloaded(); // after Published::reset (or an inbox overflow): everything was read again

private:
    void receive(const Published& published); // engine thread
    void drainInbox(); // GUI thread
    bool load();
    void reload();
    void apply(const Published& published, bool* seats, bool* areas); // sets what changed
    void applySeats(const std::vector<SeatDelta>& deltas);
    void applyAreas(const std::vector<AreaDelta>& deltas);
    void recount();
    int columnsOf(int section) const;
    SeatIndex seatAt(int row, int column) const;

    EventShard& m_shard;
    const EventSpec& m_spec; // owned by the shard
    const Venue& m_venue;

    // Per seat, indexed by SeatIndex.
    std::vector<SeatStatus> m_status;
    std::vector<ChannelId> m_allocation;
    std::vector<ChannelId> m_channel; // of the hold or sale
    std::vector<AreaState> m_areas;
    EventCounts m_counts;
    Seq m_seq = 0; // the state includes every batch up to this seq
    bool m_loaded = false;

    int m_section = 0;
    int m_columns = 0;

    std::shared_ptr<PublishedInbox> m_inbox;
    int m_subscription = 0;
};

} // namespace usher::ui
