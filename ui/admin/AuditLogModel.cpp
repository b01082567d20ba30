#include "AuditLogModel.h"

#include "DisplayFormat.h"

#include <QDateTime>
#include <QTimeZone>

namespace usher::ui {

using audit::AuditDirection;
using audit::AuditRow;

AuditLogModel::AuditLogModel(audit::AuditQuery& query, QObject* parent)
    : QAbstractTableModel(parent)
    , m_query(query)
{
}

void AuditLogModel::setEvents(std::map<EventId, std::shared_ptr<const EventSpec>> specs)
{
    m_specs = std::move(specs);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void AuditLogModel::setFilter(const audit::AuditFilter& filter)
{
    m_filter = filter;
    reload();
}

void AuditLogModel::reload()
{
    beginResetModel();
    m_rows.clear();
    std::vector<AuditRow> rows;
    const int limit = m_filter.text.empty() ? kPageRows : kFirstTextPageRows;
    const bool ok = fetch(AuditDirection::Backward, audit::kAuditKeyMax, &rows, limit);
    m_hasOlder = ok && rows.size() == std::size_t(limit);
    m_hasNewer = false;
    m_rows.assign(std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
    endResetModel();
}

bool AuditLogModel::fetch(AuditDirection direction, audit::AuditKey from, std::vector<AuditRow>* rows, int limit)
{
    std::string error;
    if (m_query.page(m_filter, direction, from, std::size_t(limit), rows, &error) == Status::Ok) {
        m_error.clear();
        return true;
    }
    m_error = tr("The audit index cannot be read: %1").arg(QString::fromStdString(error));
    Q_EMIT failed(m_error);
    rows->clear();
    return false;
}

int AuditLogModel::rowOfKey(audit::AuditKey key) const
{
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), key,
                                     [](const AuditRow& r, audit::AuditKey k) { return r.key < k; });
    return it != m_rows.end() && it->key == key ? int(it - m_rows.begin()) : -1;
}

int AuditLogModel::fetchOlder()
{
    if (!m_hasOlder || m_rows.empty())
        return 0;
    std::vector<AuditRow> rows;
    if (!fetch(AuditDirection::Backward, m_rows.front().key, &rows))
        return 0;
    m_hasOlder = rows.size() == std::size_t(kPageRows);
    if (rows.empty())
        return 0;
    beginInsertRows({}, 0, int(rows.size()) - 1);
    m_rows.insert(m_rows.begin(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
    endInsertRows();
    // Over the limit: the newest rows go (fetchMore brings them back).
    if (const int excess = rowCount() - kWindowRowsMax; excess > 0) {
        beginRemoveRows({}, rowCount() - excess, rowCount() - 1);
        m_rows.erase(m_rows.end() - excess, m_rows.end());
        endRemoveRows();
        m_hasNewer = true;
    }
    return int(rows.size());
}

bool AuditLogModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_hasNewer;
}

void AuditLogModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid() || !m_hasNewer || m_rows.empty())
        return;
    std::vector<AuditRow> rows;
    if (!fetch(AuditDirection::Forward, m_rows.back().key, &rows))
        return;
    m_hasNewer = rows.size() == std::size_t(kPageRows);
    append(std::move(rows));
}

int AuditLogModel::pollTail()
{
    if (m_hasNewer)
        return 0; // the window does not reach the newest rows: nothing to follow
    int added = 0;
    for (;;) {
        std::vector<AuditRow> rows;
        if (!fetch(AuditDirection::Forward, m_rows.empty() ? audit::kAuditKeyMin : m_rows.back().key, &rows))
            return added;
        const int n = int(rows.size());
        append(std::move(rows));
        added += n;
        if (n < kPageRows)
            return added;
    }
}

void AuditLogModel::append(std::vector<AuditRow>&& rows)
{
    if (rows.empty())
        return;
    beginInsertRows({}, rowCount(), rowCount() + int(rows.size()) - 1);
    m_rows.insert(m_rows.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
    endInsertRows();
    trimFront();
}

void AuditLogModel::trimFront()
{
    const int excess = rowCount() - kWindowRowsMax;
    if (excess <= 0)
        return;
    beginRemoveRows({}, 0, excess - 1);
    m_rows.erase(m_rows.begin(), m_rows.begin() + excess);
    endRemoveRows();
    m_hasOlder = true;
}

int AuditLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case EventColumn: return tr("Event");
    case SeqColumn: return tr("Seq");
    case TypeColumn: return tr("Type");
    case OutcomeColumn: return tr("Outcome");
    case ActorColumn: return tr("Clerk or user");
    case ChannelColumn: return tr("Channel");
    case SeatsColumn: return tr("Seats");
    case OrderColumn: return tr("Order");
    case AmountColumn: return tr("Amount");
    case TextColumn: return tr("Details");
    default: return {};
    }
}

QVariant AuditLogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const AuditRow& row = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole: return cellText(row, index.column());
    case Qt::ToolTipRole: return index.column() == TextColumn ? QString::fromStdString(row.text) : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == SeqColumn || index.column() == OrderColumn || index.column() == AmountColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::UserRole: return QVariant::fromValue(qint64(row.key));
    default: return {};
    }
}

QString AuditLogModel::cellText(const AuditRow& row, int column) const
{
    switch (column) {
    case TimeColumn: return timeText(row.at);
    case EventColumn: return eventText(row.event);
    case SeqColumn: return QString::number(row.seq);
    case TypeColumn: return kindText(row.kind);
    case OutcomeColumn: return outcomeText(row.status);
    case ActorColumn: return actorText(row.actor);
    case ChannelColumn: return channelText(row);
    case SeatsColumn: return seatsText(row);
    case OrderColumn: return row.order != 0 ? QString::number(row.order) : QString();
    case AmountColumn: return amountText(row);
    case TextColumn: return QString::fromStdString(row.text);
    default: return {};
    }
}

const EventSpec* AuditLogModel::spec(EventId event) const
{
    const auto it = m_specs.find(event);
    return it != m_specs.end() ? it->second.get() : nullptr;
}

QString AuditLogModel::timeText(Timestamp at) const
{
    const QDateTime utc = QDateTime::fromMSecsSinceEpoch(at, QTimeZone::utc());
    return QLocale().toString(utc, DisplayFormat::dateTimeFormat(DisplayFormat::Precision::Milliseconds));
}

QString AuditLogModel::eventText(EventId event) const
{
    const EventSpec* s = spec(event);
    return s != nullptr ? QString::fromStdString(s->name) : tr("Event %1").arg(event);
}

QString AuditLogModel::channelText(const AuditRow& row) const
{
    if (row.channel == 0)
        return {};
    const EventSpec* s = spec(row.event);
    return s != nullptr ? DisplayFormat::channelName(*s, row.channel) : QString::number(row.channel);
}

QString AuditLogModel::seatLabel(EventId event, SeatId seat) const
{
    const EventSpec* s = spec(event);
    if (s == nullptr || s->venue == nullptr)
        return tr("seat %1").arg(seat);
    const SeatIndex index = s->venue->seatIndex(seat);
    return index == kNoSeat ? tr("seat %1").arg(seat) : QString::fromStdString(s->venue->seatLabel(index));
}

QString AuditLogModel::seatsText(const AuditRow& row) const
{
    if (row.seatCount == 0)
        return row.quantity != 0 ? tr("%n GA place(s)", nullptr, int(row.quantity)) : QString();
    const QString first = seatLabel(row.event, row.firstSeat);
    return row.seatCount == 1 ? first : tr("%1 and %n more", nullptr, int(row.seatCount - 1)).arg(first);
}

QString AuditLogModel::amountText(const AuditRow& row) const
{
    if (row.amount == 0)
        return {};
    const EventSpec* s = spec(row.event);
    return s != nullptr ? DisplayFormat::money(row.amount, *s) : QString::number(row.amount);
}

QString AuditLogModel::kindText(CommandKind kind)
{
    switch (kind) {
    case CommandKind::HoldSeats: return tr("Hold seats");
    case CommandKind::HoldBestAvailable: return tr("Hold best available");
    case CommandKind::HoldArea: return tr("Hold GA places");
    case CommandKind::Release: return tr("Release");
    case CommandKind::Extend: return tr("Extend hold");
    case CommandKind::InitiatePayment: return tr("Payment started");
    case CommandKind::FailPayment: return tr("Payment failed");
    case CommandKind::Confirm: return tr("Sale");
    case CommandKind::Refund: return tr("Refund");
    case CommandKind::Exchange: return tr("Exchange");
    case CommandKind::Block: return tr("Block");
    case CommandKind::Unblock: return tr("Unblock");
    case CommandKind::AllocateSeats: return tr("Allocate seats");
    case CommandKind::DeallocateSeats: return tr("Take seats back");
    case CommandKind::AllocateArea: return tr("Allocate GA places");
    case CommandKind::DeallocateArea: return tr("Take GA places back");
    case CommandKind::Expire: return tr("Expiry");
    case CommandKind::Reissue: return tr("Reissue");
    case CommandKind::UpdateEvent: return tr("Event changed");
    }
    return tr("Command %1").arg(int(kind));
}

QString AuditLogModel::outcomeText(Status status)
{
    return status == Status::Ok ? tr("OK") : tr("Refused: %1").arg(DisplayFormat::status(status));
}

QString AuditLogModel::actorText(const Actor& actor)
{
    switch (actor.kind) {
    case ActorKind::None: return tr("Nobody");
    case ActorKind::Buyer: return tr("Buyer %1").arg(actor.id);
    case ActorKind::Clerk: return tr("Clerk %1").arg(actor.id);
    case ActorKind::Device: return tr("Device %1").arg(actor.id);
    case ActorKind::Promoter: return tr("Promoter %1").arg(actor.id);
    case ActorKind::Admin: return tr("Admin %1").arg(actor.id);
    case ActorKind::System: return tr("System");
    }
    return tr("Actor %1").arg(actor.id);
}

} // namespace usher::ui
