#include "EventListModel.h"

#include "DisplayFormat.h"
#include "core/Assert.h"
#include "runtime/Engine.h"

#include <QLocale>
#include <QMetaObject>
#include <QTimeZone>

#include <algorithm>

namespace usher::ui {

EventListModel::EventListModel(Engine& engine, QObject* parent)
    : QAbstractListModel(parent)
{
    m_pool.setMaxThreadCount(1);
    for (EventId id : engine.events()) {
        EventShard* shard = engine.event(id);
        if (shard == nullptr)
            continue; // removed meanwhile
        const EventSpec& spec = shard->spec();
        Entry entry;
        entry.shard = shard;
        entry.event = id;
        entry.name = DisplayFormat::text(spec.name);
        entry.venue = DisplayFormat::text(spec.venue->name);
        entry.start = DisplayFormat::eventStart(spec, DisplayFormat::Length::Short);
        entry.startsAt = QDateTime::fromMSecsSinceEpoch(spec.startsAt, QTimeZone::utc());
        entry.changed = std::make_shared<std::atomic<bool>>(false);
        // Runs on an engine thread: raise the flag, nothing else.
        entry.subscription = shard->subscribe([changed = entry.changed](const Published&) { changed->store(true); });
        // The first read happens here, on the GUI thread, so the list is complete when it is shown.
        Availability availability;
        availability.capacity = spec.venue->seatCount() + spec.venue->areaCapacityTotal();
        shard->read([&availability](const Ledger& ledger) { availability = availabilityOf(ledger); });
        entry.available = availability.available;
        entry.capacity = availability.capacity;
        m_entries.push_back(std::move(entry));
    }
    std::stable_sort(m_entries.begin(), m_entries.end(),
                     [](const Entry& a, const Entry& b) { return a.startsAt < b.startsAt; });
    m_timer.setInterval(kRefreshMs);
    connect(&m_timer, &QTimer::timeout, this, &EventListModel::refresh);
    m_timer.start();
}

EventListModel::~EventListModel()
{
    m_timer.stop();
    m_pool.waitForDone(); // a running refresh uses the shards and `this`
    for (const Entry& entry : m_entries)
        entry.shard->unsubscribe(entry.subscription);
}

EventListModel::Availability EventListModel::availabilityOf(const Ledger& ledger)
{
    const LedgerCounts counts = ledger.counts();
    const Venue& venue = ledger.venue();
    const quint64 standing = venue.areaCapacityTotal();
    USHER_ASSERT(counts.areaHeld + counts.areaSold <= standing);
    Availability a;
    a.event = ledger.spec().id;
    a.available = counts.available + (standing - counts.areaHeld - counts.areaSold);
    a.capacity = venue.seatCount() + standing;
    return a;
}

void EventListModel::refresh()
{
    if (m_refreshing)
        return;
    std::vector<EventShard*> changed;
    for (const Entry& entry : m_entries)
        if (entry.changed->exchange(false))
            changed.push_back(entry.shard);
    if (changed.empty())
        return;
    m_refreshing = true;
    m_pool.start([this, changed] {
        std::vector<Availability> answers;
        for (EventShard* shard : changed) {
            Availability a;
            if (shard->read([&a](const Ledger& ledger) { a = availabilityOf(ledger); }))
                answers.push_back(a);
        }
        // `this` is alive: the destructor waits for this task; a queued call to a deleted object is dropped.
        QMetaObject::invokeMethod(
            this,
            [this, answers] {
                m_refreshing = false;
                applyAvailability(answers);
                Q_EMIT refreshed();
            },
            Qt::QueuedConnection);
    });
}

void EventListModel::applyAvailability(const std::vector<Availability>& answers)
{
    for (const Availability& a : answers)
        setAvailability(a.event, a.available, a.capacity);
}

void EventListModel::setAvailability(EventId event, quint64 available, quint64 capacity)
{
    const int row = rowOfEvent(event);
    if (row < 0)
        return;
    Entry& entry = m_entries[std::size_t(row)];
    if (entry.available == available && entry.capacity == capacity)
        return;
    entry.available = available;
    entry.capacity = capacity;
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed,
                       { Qt::DisplayRole, Qt::ToolTipRole, Qt::AccessibleTextRole, AvailableRole, CapacityRole });
}

int EventListModel::rowOfEvent(EventId event) const
{
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].event == event)
            return int(i);
    return -1;
}

EventShard* EventListModel::shardAt(int row) const
{
    return row >= 0 && std::size_t(row) < m_entries.size() ? m_entries[std::size_t(row)].shard : nullptr;
}

QString EventListModel::displayText(const Entry& entry) const
{
    //: %1 is the number of available places; %Ln the capacity.
    const QString availability
        = tr("%1 of %Ln place(s) available", nullptr, int(entry.capacity)).arg(QLocale().toString(entry.available));
    return entry.name + QLatin1Char('\n') + entry.start + QLatin1Char('\n') + entry.venue + QLatin1Char('\n')
        + availability;
}

int EventListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant EventListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& entry = m_entries[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole: return displayText(entry);
    case EventIdRole: return qulonglong(entry.event);
    case NameRole: return entry.name;
    case VenueRole: return entry.venue;
    case StartsAtRole: return entry.startsAt;
    case AvailableRole: return qulonglong(entry.available);
    case CapacityRole: return qulonglong(entry.capacity);
    default: return {};
    }
}

} // namespace usher::ui
