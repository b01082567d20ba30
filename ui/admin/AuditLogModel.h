#pragma once

// The audit browser's table: a window of at most kWindowRowsMax rows of the audit index, fetched
// by keyset pages (AuditQuery) as the view scrolls. It starts at the newest rows; fetchMore()
// extends the window downwards (newer), fetchOlder() upwards, and the far end is trimmed so the
// window never grows past its limit, however long the log. pollTail() appends rows that arrived
// since, when the window already reaches the newest row. GUI thread only.

#include "audit/AuditQuery.h"
#include "event/EventSpec.h"

#include <QAbstractTableModel>

#include <deque>
#include <map>
#include <memory>

namespace usher::ui {

class AuditLogModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        EventColumn,
        SeqColumn,
        TypeColumn,
        OutcomeColumn,
        ActorColumn,
        ChannelColumn,
        SeatsColumn,
        OrderColumn,
        AmountColumn,
        TextColumn,
        ColumnCount
    };
    static constexpr int kPageRows = 200;
    // The first page of a text filter: more than a tall view shows, far fewer than kPageRows. Its
    // rows are scattered over the whole log (one random row read each, 3-5 ms apiece when the
    // file is cold), so it is what the first paint after typing waits for; scrolling up fetches
    // full pages.
    static constexpr int kFirstTextPageRows = 64;
    static constexpr int kWindowRowsMax = 3000;

    explicit AuditLogModel(audit::AuditQuery& query, QObject* parent = nullptr);

    // Specs by event id, for names, seat labels, channels and money.
    void setEvents(std::map<EventId, std::shared_ptr<const EventSpec>> specs);
    // Replaces the filter and reloads the newest page.
    void setFilter(const audit::AuditFilter& filter);
    const audit::AuditFilter& filter() const { return m_filter; }
    void reload();

    const audit::AuditRow& rowAt(int row) const { return m_rows[std::size_t(row)]; }
    int rowOfKey(audit::AuditKey key) const; // -1 when not in the window
    bool canFetchOlder() const { return m_hasOlder; }
    int fetchOlder(); // rows inserted at the top
    bool reachesNewest() const { return !m_hasNewer; }
    int pollTail(); // rows appended at the bottom
    QString lastError() const { return m_error; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    // Shared with the detail pane and the CSV export.
    static QString kindText(CommandKind kind);
    static QString outcomeText(Status status);
    static QString actorText(const Actor& actor);
    QString timeText(Timestamp at) const;
    QString eventText(EventId event) const;
    QString channelText(const audit::AuditRow& row) const;
    QString seatsText(const audit::AuditRow& row) const;
    QString amountText(const audit::AuditRow& row) const;
    QString seatLabel(EventId event, SeatId seat) const;
    const EventSpec* spec(EventId event) const;
    QString cellText(const audit::AuditRow& row, int column) const;

Q_SIGNALS:
    void failed(const QString& message);

private:
    bool fetch(audit::AuditDirection direction, audit::AuditKey from, std::vector<audit::AuditRow>* rows,
               int limit = kPageRows);
    void append(std::vector<audit::AuditRow>&& rows);
    void trimFront();

    audit::AuditQuery& m_query;
    audit::AuditFilter m_filter;
    std::map<EventId, std::shared_ptr<const EventSpec>> m_specs;
    std::deque<audit::AuditRow> m_rows;
    bool m_hasOlder = false;
    bool m_hasNewer = false;
    QString m_error;
};

} // namespace usher::ui
