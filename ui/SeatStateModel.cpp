#include "SeatStateModel.h"

#include "DisplayFormat.h"
#include "core/Assert.h"

#include <QBrush>
#include <QMetaObject>

#include <algorithm>

namespace usher::ui {

SeatStateModel::SeatStateModel(EventShard& shard, QObject* parent)
    : QAbstractTableModel(parent)
    , m_shard(shard)
    , m_spec(shard.spec())
    , m_venue(*shard.spec().venue)
    , m_inbox(std::make_shared<PublishedInbox>(kInboxDeltasMax))
{
    // Subscribe first, then read: a delta published in between is either already in the state we
    // read (its seq is not newer, so apply() skips it) or newer, and then it is applied.
    m_subscription = m_shard.subscribe([this](const Published& published) { receive(published); });
    load();
    m_columns = columnsOf(m_section);
}

SeatStateModel::~SeatStateModel()
{
    m_shard.unsubscribe(m_subscription);
}

// ---- engine thread -------------------------------------------------------------------------------

void SeatStateModel::receive(const Published& published)
{
    // `this` is alive: the destructor's unsubscribe() waits for this call to return, and a queued
    // call to a deleted object is dropped by Qt.
    if (m_inbox->push(published))
        QMetaObject::invokeMethod(this, &SeatStateModel::drainInbox, Qt::QueuedConnection);
}

// ---- GUI thread ----------------------------------------------------------------------------------

void SeatStateModel::drainInbox()
{
    PublishedInbox::Taken taken = m_inbox->take();
    if (taken.reload)
        reload();
    // Signal the totals once per drain, not once per batch: a busy onsale publishes many batches.
    bool seats = false;
    bool areas = false;
    for (const Published& batch : taken.batches)
        apply(batch, &seats, &areas);
    if (areas)
        Q_EMIT areasChanged();
    if (seats || areas)
        Q_EMIT countsChanged();
}

bool SeatStateModel::load()
{
    const std::size_t seats = m_venue.seats.size();
    m_status.assign(seats, SeatStatus::Available);
    m_allocation.assign(seats, kOpenPool);
    m_channel.assign(seats, 0);
    m_areas.assign(m_venue.areas.size(), AreaState {});
    for (std::size_t a = 0; a < m_venue.areas.size(); ++a) {
        m_areas[a].name = DisplayFormat::text(m_venue.areas[a].name);
        m_areas[a].capacity = m_venue.areas[a].capacity;
    }
    m_loaded = m_shard.read([this, seats](const Ledger& ledger) {
        for (SeatIndex s = 0; s < seats; ++s) {
            const SeatView view = ledger.seat(s);
            m_status[s] = view.status;
            m_allocation[s] = view.allocation;
            m_channel[s] = view.channel;
        }
        for (std::uint32_t a = 0; a < m_areas.size(); ++a) {
            AreaState& area = m_areas[a];
            const std::vector<AreaPool>& pools = ledger.areaPools(a);
            USHER_ASSERT(!pools.empty() && pools.front().channel == kOpenPool);
            area.available = pools.front().free();
            for (const AreaPool& pool : pools)
                area.held += pool.held, area.sold += pool.sold;
        }
        m_seq = ledger.lastSeq();
    });
    recount();
    return m_loaded;
}

void SeatStateModel::reload()
{
    beginResetModel();
    load();
    m_columns = columnsOf(m_section);
    endResetModel();
    Q_EMIT areasChanged();
    Q_EMIT countsChanged();
    Q_EMIT reloaded();
}

void SeatStateModel::apply(const Published& published, bool* seats, bool* areas)
{
    USHER_ASSERT(published.event == m_shard.id());
    if (!m_loaded)
        return; // the shard stopped before we could read it: nothing to update
    // Already part of what we read (subscribe-then-read, or a reload that overtook the queue).
    if (published.lastSeq <= m_seq)
        return;
    m_seq = published.lastSeq;
    if (!published.seats.empty())
        applySeats(published.seats), *seats = true;
    if (!published.areas.empty())
        applyAreas(published.areas), *areas = true;
}

void SeatStateModel::applySeats(const std::vector<SeatDelta>& deltas)
{
    // Changed cells of the shown section, as (row, column); one dataChanged per row span.
    std::vector<std::pair<int, int>> changed;
    const VenueSection& shown = m_venue.sections[std::size_t(m_section)];
    for (const SeatDelta& delta : deltas) {
        USHER_ASSERT(delta.seat < m_status.size());
        const SeatIndex s = delta.seat;
        const SeatDisplayState before = SeatStateStyle::displayState(m_status[s], m_allocation[s]);
        const SeatDisplayState after = SeatStateStyle::displayState(delta.status, delta.allocation);
        --m_counts[before];
        ++m_counts[after];
        m_status[s] = delta.status;
        m_allocation[s] = delta.allocation;
        m_channel[s] = delta.channel;
        const VenueSeat& seat = m_venue.seats[s];
        if (seat.section == std::uint32_t(m_section)) {
            const VenueRow& row = m_venue.rows[seat.row];
            changed.emplace_back(int(seat.row - shown.firstRow), int(s - row.firstSeat));
        }
    }
    std::sort(changed.begin(), changed.end());
    for (std::size_t i = 0; i < changed.size();) {
        std::size_t j = i;
        while (j + 1 < changed.size() && changed[j + 1].first == changed[i].first)
            ++j;
        Q_EMIT dataChanged(index(changed[i].first, changed[i].second), index(changed[j].first, changed[j].second),
                           { Qt::DisplayRole, Qt::BackgroundRole, Qt::ForegroundRole, Qt::ToolTipRole,
                             Qt::AccessibleTextRole, SeatStatusRole, AllocationRole, DisplayStateRole });
        i = j + 1;
    }
}

void SeatStateModel::applyAreas(const std::vector<AreaDelta>& deltas)
{
    for (const AreaDelta& delta : deltas) {
        USHER_ASSERT(delta.area < m_areas.size());
        AreaState& area = m_areas[delta.area];
        m_counts.standingHeld += delta.held;
        m_counts.standingHeld -= area.held;
        m_counts.standingSold += delta.sold;
        m_counts.standingSold -= area.sold;
        area.available = delta.available;
        area.held = delta.held;
        area.sold = delta.sold;
    }
}

void SeatStateModel::recount()
{
    m_counts = EventCounts {};
    for (std::size_t s = 0; s < m_status.size(); ++s)
        ++m_counts[SeatStateStyle::displayState(m_status[s], m_allocation[s])];
    for (const AreaState& area : m_areas) {
        m_counts.standingCapacity += area.capacity;
        m_counts.standingHeld += area.held;
        m_counts.standingSold += area.sold;
    }
}

// ---- sections and cells --------------------------------------------------------------------------

int SeatStateModel::sectionCount() const
{
    return int(m_venue.sections.size());
}

QString SeatStateModel::sectionName(int section) const
{
    USHER_ASSERT(section >= 0 && section < sectionCount());
    const std::string& name = m_venue.sections[std::size_t(section)].name;
    return name.empty() ? tr("Section %1").arg(section + 1) : DisplayFormat::text(name);
}

void SeatStateModel::setSection(int section)
{
    USHER_ASSERT(section >= 0 && (section < sectionCount() || sectionCount() == 0));
    if (section == m_section)
        return;
    beginResetModel();
    m_section = section;
    m_columns = columnsOf(section);
    endResetModel();
}

int SeatStateModel::columnsOf(int section) const
{
    if (section >= sectionCount())
        return 0;
    const VenueSection& s = m_venue.sections[std::size_t(section)];
    std::uint32_t widest = 0;
    for (std::uint32_t r = s.firstRow; r < s.firstRow + s.rowCount; ++r)
        widest = std::max(widest, m_venue.rows[r].seatCount);
    return int(widest);
}

SeatIndex SeatStateModel::seatAt(int row, int column) const
{
    if (m_section >= sectionCount() || row < 0 || column < 0)
        return kNoSeat;
    const VenueSection& s = m_venue.sections[std::size_t(m_section)];
    if (std::uint32_t(row) >= s.rowCount)
        return kNoSeat;
    const VenueRow& r = m_venue.rows[s.firstRow + std::uint32_t(row)];
    return std::uint32_t(column) < r.seatCount ? r.firstSeat + std::uint32_t(column) : kNoSeat;
}

SeatIndex SeatStateModel::seatAt(const QModelIndex& index) const
{
    return index.isValid() && index.model() == this ? seatAt(index.row(), index.column()) : kNoSeat;
}

QModelIndex SeatStateModel::indexOfSeat(SeatIndex seat) const
{
    if (seat >= m_venue.seats.size())
        return {};
    const VenueSeat& s = m_venue.seats[seat];
    if (s.section != std::uint32_t(m_section))
        return {};
    const VenueRow& row = m_venue.rows[s.row];
    return index(int(s.row - m_venue.sections[s.section].firstRow), int(seat - row.firstSeat));
}

SeatDisplayState SeatStateModel::seatState(SeatIndex seat) const
{
    USHER_ASSERT(seat < m_status.size());
    return SeatStateStyle::displayState(m_status[seat], m_allocation[seat]);
}

QString SeatStateModel::seatDescription(SeatIndex seat) const
{
    USHER_ASSERT(seat < m_status.size());
    const VenueSeat& s = m_venue.seats[seat];
    const QString where = tr("%1, row %2, seat %3")
                              .arg(sectionName(int(s.section)), DisplayFormat::text(m_venue.rows[s.row].name),
                                   DisplayFormat::text(s.number));
    const QString category = DisplayFormat::text(m_venue.categories[s.category].name);
    const Amount price = m_spec.priceTypes.empty() ? kNotOffered : m_spec.price(s.category, 0);
    const QString priceText = price == kNotOffered ? tr("not for sale") : DisplayFormat::money(price, m_spec);
    const SeatDisplayState state = seatState(seat);
    QString stateText = SeatStateStyle::name(state);
    if (state == SeatDisplayState::Allocated)
        stateText = tr("allocated to %1").arg(DisplayFormat::channelName(m_spec, m_allocation[seat]));
    else if ((state == SeatDisplayState::Held || state == SeatDisplayState::Sold) && m_channel[seat] != 0)
        //: A seat state and the sales channel, e.g. "sold via Box office 1".
        stateText = tr("%1 via %2").arg(stateText, DisplayFormat::channelName(m_spec, m_channel[seat]));
    //: Seat tooltip: where the seat is, its category, its price, its state.
    return tr("%1 — %2 — %3 — %4").arg(where, category, priceText, stateText);
}

// ---- QAbstractItemModel --------------------------------------------------------------------------

int SeatStateModel::rowCount(const QModelIndex& parent) const
{
    // Without a successful read we know nothing; showing every seat as available would mislead.
    if (parent.isValid() || !m_loaded || m_section >= sectionCount())
        return 0;
    return int(m_venue.sections[std::size_t(m_section)].rowCount);
}

int SeatStateModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_loaded ? 0 : m_columns;
}

QVariant SeatStateModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const SeatIndex seat = seatAt(index.row(), index.column());
    if (seat == kNoSeat)
        return {};
    const SeatDisplayState state = seatState(seat);
    switch (role) {
    case Qt::DisplayRole: return SeatStateStyle::cellText(DisplayFormat::text(m_venue.seats[seat].number), state);
    case Qt::BackgroundRole: return QBrush(SeatStateStyle::background(state));
    case Qt::ForegroundRole: return QBrush(SeatStateStyle::foreground(state));
    case Qt::TextAlignmentRole: return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole: return seatDescription(seat);
    case SeatIndexRole: return uint(seat);
    case SeatStatusRole: return int(m_status[seat]);
    case AllocationRole: return uint(m_allocation[seat]);
    case DisplayStateRole: return int(state);
    default: return {};
    }
}

QVariant SeatStateModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section < 0)
        return {};
    if (orientation == Qt::Horizontal) {
        if (section >= columnCount() || role != Qt::DisplayRole)
            return {};
        return QString::number(section + 1);
    }
    if (section >= rowCount())
        return {};
    const VenueSection& s = m_venue.sections[std::size_t(m_section)];
    const QString name = DisplayFormat::text(m_venue.rows[s.firstRow + std::uint32_t(section)].name);
    switch (role) {
    case Qt::DisplayRole: return name;
    case Qt::ToolTipRole: return tr("Row %1").arg(name);
    default: return {};
    }
}

Qt::ItemFlags SeatStateModel::flags(const QModelIndex& index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    if (seatAt(index.row(), index.column()) == kNoSeat)
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace usher::ui
