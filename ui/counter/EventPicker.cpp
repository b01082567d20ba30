#include "counter/EventPicker.h"

#include "EventListModel.h"
#include "runtime/EventShard.h"
#include "search/SqliteEventSearch.h"

#include <QHBoxLayout>
#include <QHash>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <QSet>
#include <QToolButton>
#include <QVBoxLayout>

namespace usher::ui {

namespace {

constexpr Timestamp kDayMs = 24ll * 3600 * 1000;
constexpr int kChipsPerFacet = 4;
constexpr int kPagesMax = 20; // 2,000 events: far more than a counter sells for

// The search's answer as a filter: only the events it found, today's first (the counter), then by
// relevance, then by start; archived events last, the latest first.
class EventFilter final : public QSortFilterProxyModel {
public:
    EventFilter(QDate today, bool todayFirst, QObject* parent)
        : QSortFilterProxyModel(parent)
        , m_today(today)
        , m_todayFirst(todayFirst)
    {
    }

    void setToday(QDate today)
    {
        m_today = today;
        invalidate();
    }

    void setFound(QHash<EventId, int> found, QSet<EventId> archived)
    {
        m_found = std::move(found);
        m_archived = std::move(archived);
        invalidate();
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& parent) const override
    {
        const QModelIndex index = sourceModel()->index(sourceRow, 0, parent);
        return m_found.contains(EventId(index.data(EventListModel::EventIdRole).toULongLong()));
    }

    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override
    {
        const QDateTime a = startOf(left);
        const QDateTime b = startOf(right);
        const EventId ea = EventId(left.data(EventListModel::EventIdRole).toULongLong());
        const EventId eb = EventId(right.data(EventListModel::EventIdRole).toULongLong());
        const bool aArchived = m_archived.contains(ea);
        const bool bArchived = m_archived.contains(eb);
        if (aArchived != bArchived)
            return bArchived;
        const bool aToday = m_todayFirst && a.date() == m_today;
        const bool bToday = m_todayFirst && b.date() == m_today;
        if (aToday != bToday)
            return aToday;
        const int ra = m_found.value(ea);
        const int rb = m_found.value(eb);
        if (ra != rb)
            return ra > rb;
        return aArchived ? b < a : a < b;
    }

private:
    static QDateTime startOf(const QModelIndex& index)
    {
        return index.data(EventListModel::StartsAtRole).toDateTime().toLocalTime();
    }

    QDate m_today;
    bool m_todayFirst = true;
    QHash<EventId, int> m_found; // event -> relevance
    QSet<EventId> m_archived;
};

// 2026-12-24, 24.12.2026, 24/12/2026, 24.12. (this year) or "today"; invalid when none.
QDate parseDate(const QString& text, QDate today)
{
    if (text.compare(EventPicker::tr("today"), Qt::CaseInsensitive) == 0)
        return today;
    for (const char* format : { "yyyy-MM-dd", "d.M.yyyy", "d/M/yyyy", "d.M.yy" }) {
        const QDate date = QDate::fromString(text, QLatin1String(format));
        if (date.isValid())
            return date;
    }
    const QDate partial = QDate::fromString(text + QString::number(today.year()), QStringLiteral("d.M.yyyy"));
    return text.endsWith(QLatin1Char('.')) ? partial : QDate();
}

Timestamp startOfDay(QDate date)
{
    return date.startOfDay().toMSecsSinceEpoch();
}

QString facetLabel(const QString& facet, const QString& value)
{
    if (facet == QLatin1String("availability")) {
        if (value == QLatin1String("on_sale"))
            return EventPicker::tr("On sale");
        return value == QLatin1String("few_left") ? EventPicker::tr("Few left") : EventPicker::tr("Sold out");
    }
    if (facet == QLatin1String("date"))
        return value == QLatin1String("today") ? EventPicker::tr("Today") : EventPicker::tr("Next 7 days");
    return value;
}

} // namespace

EventPicker::EventPicker(Engine& engine, QDate today, QWidget* parent)
    : EventPicker(engine, today, Options(), parent)
{
}

EventPicker::EventPicker(Engine& engine, QDate today, const Options& options, QWidget* parent)
    : QWidget(parent)
    , m_options(options)
    , m_today(today)
{
    setObjectName(QStringLiteral("eventPicker"));
    m_model = new EventListModel(engine, this);
    auto* filter = new EventFilter(today, options.todayFirst, this);
    filter->setSourceModel(m_model);
    filter->sort(0);
    m_proxy = filter;

    auto* title = new QLabel(tr("&Events"), this);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("eventSearchLineEdit"));
    m_search->setPlaceholderText(tr("Search name, performer, venue, city or date (Ctrl+E)"));
    m_search->setClearButtonEnabled(true);
    title->setBuddy(m_search);
    m_chipBar = new QWidget(this);
    m_chipBar->setObjectName(QStringLiteral("filterChipBar"));
    m_chipLayout = new QHBoxLayout(m_chipBar);
    m_chipLayout->setContentsMargins(0, 0, 0, 0);
    m_chipLayout->setSpacing(4);
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("eventListView"));
    m_list->setModel(m_proxy);
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(false);
    m_categories = new QLabel(this);
    m_categories->setObjectName(QStringLiteral("categoryAvailabilityLabel"));
    m_categories->setWordWrap(true);
    m_categories->setTextFormat(Qt::RichText);
    m_categories->setVisible(options.showAvailability);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_search);
    layout->addWidget(m_chipBar);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_categories);

    std::string error;
    m_index = search::SqliteEventSearch::open(":memory:", &error);
    Q_ASSERT(m_index); // in memory: fails only without memory
    indexEvents();
    runSearch();

    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::textChanged, this, [this] {
        runSearch();
        if (!m_list->currentIndex().isValid())
            selectFirst();
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (currentEvent() != 0)
            Q_EMIT eventActivated(currentEvent());
    });
    connect(m_list, &QListView::activated, this, [this] {
        if (currentEvent() != 0)
            Q_EMIT eventActivated(currentEvent());
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { Q_EMIT eventChanged(currentEvent()); });
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& first, const QModelIndex& last) { syncAvailability(first.row(), last.row()); });
}

EventPicker::~EventPicker() = default;

void EventPicker::refreshEvents()
{
    indexEvents();
    runSearch();
    m_list->viewport()->update();
}

void EventPicker::indexEvents()
{
    std::vector<search::CatalogEvent> events;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (EventShard* shard = m_model->shardAt(row))
            events.push_back(search::catalogEventFromSpec(shard->spec()));
    }
    std::string error;
    if (m_index->upsert(events, &error) != search::SearchStatus::Ok)
        qWarning("event search: %s", error.c_str());
    if (m_options.offerArchive) {
        std::size_t moved = 0;
        if (m_index->archiveBefore(startOfDay(m_today), &moved, &error) != search::SearchStatus::Ok)
            qWarning("event search: %s", error.c_str());
        m_pastCount = moved;
    }
    syncAvailability(0, m_model->rowCount() - 1);
}

void EventPicker::syncAvailability(int firstRow, int lastRow)
{
    const std::uint64_t generation = m_index->generation();
    for (int row = std::max(0, firstRow); row <= lastRow && row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        const quint64 capacity = index.data(EventListModel::CapacityRole).toULongLong();
        if (capacity == 0)
            continue; // not counted yet
        m_index->setAvailability(EventId(index.data(EventListModel::EventIdRole).toULongLong()),
                                 index.data(EventListModel::AvailableRole).toULongLong(), capacity);
    }
    if (m_index->generation() != generation)
        runSearch(); // an availability class changed: the chips' counts did
}

void EventPicker::runSearch()
{
    if (!m_index)
        return;
    search::SearchQuery q;
    q.limit = search::searchlimits::pageSizeMax;
    q.dayStart = startOfDay(m_today);
    const QString text = m_search->text();
    const QDate date = parseDate(text.trimmed(), m_today);
    if (m_showPast || (date.isValid() && date < m_today)) // a past day typed: its events, archived or not
        q.partition = search::Partition::All;
    if (date.isValid()) {
        q.from = startOfDay(date);
        q.to = startOfDay(date.addDays(1));
    } else {
        q.text = text.left(int(search::searchlimits::textBytesMax / 4)).toStdString();
    }
    for (const auto& [facet, value] : m_chosen) {
        if (facet == QLatin1String("city"))
            q.cities.push_back(value.toStdString());
        else if (facet == QLatin1String("category"))
            q.genres.push_back(value.toStdString());
        else if (facet == QLatin1String("availability")) {
            search::Availability a = search::Availability::OnSale;
            if (search::parseAvailability(value.toStdString(), &a))
                q.availability |= std::uint8_t(1u << std::uint8_t(a));
        } else if (facet == QLatin1String("date") && !date.isValid()) {
            q.from = q.dayStart;
            q.to = q.dayStart + (value == QLatin1String("today") ? 1 : 7) * kDayMs;
        }
    }
    QHash<EventId, int> found;
    QSet<EventId> archived;
    search::SearchResult first;
    for (int page = 0; page < kPagesMax; ++page) {
        search::SearchResult result;
        std::string error;
        if (m_index->search(q, &result, &error) != search::SearchStatus::Ok)
            break; // too many words or too long: keep what was found
        for (const search::SearchHit& hit : result.hits) {
            found.insert(hit.event.id, hit.relevance);
            if (hit.archived)
                archived.insert(hit.event.id);
        }
        if (page == 0)
            first = result;
        if (result.nextCursor.empty())
            break;
        q.after = result.nextCursor;
    }
    static_cast<EventFilter*>(m_proxy)->setFound(std::move(found), std::move(archived));
    rebuildChips(first.facets);
}

void EventPicker::addChip(const QString& facet, const QString& value, const QString& label, quint64 count)
{
    const Chip chip { facet, value };
    const bool chosen = m_chosen.count(chip) != 0;
    if (count == 0 && !chosen)
        return;
    auto* button = new QToolButton(m_chipBar);
    button->setObjectName(QStringLiteral("filterChip"));
    button->setProperty("facet", facet);
    button->setProperty("value", value);
    button->setCheckable(true);
    button->setChecked(chosen);
    button->setFocusPolicy(Qt::StrongFocus);
    button->setText(tr("%1 (%2)").arg(label).arg(count));
    button->setToolTip(chosen ? tr("Filter on; Space or click removes it") : tr("Show only these events"));
    connect(button, &QToolButton::toggled, this, [this, chip](bool on) {
        if (on)
            m_chosen.insert(chip);
        else
            m_chosen.erase(chip);
        // Deferred: the chips are rebuilt, this button included.
        QTimer::singleShot(0, this, [this, chip] {
            runSearch();
            for (QToolButton* b : chips())
                if (b->property("facet").toString() == chip.first && b->property("value").toString() == chip.second)
                    b->setFocus(Qt::TabFocusReason);
            if (!m_list->currentIndex().isValid())
                selectFirst();
        });
    });
    m_chipLayout->addWidget(button);
    button->show(); // now, not on the next event loop pass (a layout shows new children queued)
}

void EventPicker::rebuildChips(const search::SearchFacets& facets)
{
    while (QLayoutItem* item = m_chipLayout->takeAt(0)) {
        if (QWidget* widget = item->widget()) {
            widget->hide();
            widget->deleteLater();
        }
        delete item;
    }
    const auto add = [this](const char* facet, const std::vector<search::FacetValue>& values, int most) {
        int shown = 0;
        for (const search::FacetValue& v : values) {
            if (shown++ >= most)
                break;
            const QString value = QString::fromStdString(v.value);
            addChip(QLatin1String(facet), value, facetLabel(QLatin1String(facet), value), v.count);
        }
    };
    m_pastChip = nullptr;
    if (m_options.offerArchive && (m_pastCount > 0 || m_showPast)) {
        // Past events: the archive partition, on request only.
        auto* button = new QToolButton(m_chipBar);
        button->setObjectName(QStringLiteral("pastEventsChip"));
        button->setCheckable(true);
        button->setChecked(m_showPast);
        button->setFocusPolicy(Qt::StrongFocus);
        button->setText(tr("Past events (%1)").arg(m_pastCount));
        button->setToolTip(m_showPast ? tr("Past events shown; Space or click hides them")
                                      : tr("Also show events that started before today"));
        connect(button, &QToolButton::toggled, this, [this](bool on) {
            // Deferred: the chips are rebuilt, this button included.
            QTimer::singleShot(0, this, [this, on] {
                setShowingPast(on);
                if (m_pastChip != nullptr)
                    m_pastChip->setFocus(Qt::TabFocusReason);
            });
        });
        m_chipLayout->addWidget(button);
        button->show();
        m_pastChip = button;
    }
    for (const search::FacetValue& v : facets.date)
        if (v.value == "today" || v.value == "next_7_days")
            add("date", { v }, 1);
    add("availability", facets.availability, 3);
    add("city", facets.city, kChipsPerFacet);
    add("category", facets.genre, kChipsPerFacet);
    // A chosen chip whose value no longer has events stays, so it can be switched off.
    for (const auto& [facet, value] : m_chosen) {
        bool shown = false;
        for (QToolButton* b : chips())
            shown = shown || (b->property("facet").toString() == facet && b->property("value").toString() == value);
        if (!shown)
            addChip(facet, value, facetLabel(facet, value), 0);
    }
    m_chipLayout->addStretch(1);
}

QList<QToolButton*> EventPicker::chips() const
{
    QList<QToolButton*> out;
    for (int i = 0; i < m_chipLayout->count(); ++i)
        if (auto* button = qobject_cast<QToolButton*>(m_chipLayout->itemAt(i)->widget()))
            out.append(button);
    return out;
}

EventId EventPicker::currentEvent() const
{
    const QModelIndex index = m_list->currentIndex();
    return index.isValid() ? EventId(index.data(EventListModel::EventIdRole).toULongLong()) : 0;
}

bool EventPicker::selectEvent(EventId event)
{
    const int row = m_model->rowOfEvent(event);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_list->setCurrentIndex(index);
    return true;
}

void EventPicker::selectFirst()
{
    if (m_proxy->rowCount() > 0)
        m_list->setCurrentIndex(m_proxy->index(0, 0));
}

void EventPicker::setShowingPast(bool on)
{
    if (on == m_showPast)
        return;
    m_showPast = on;
    runSearch();
    if (!m_list->currentIndex().isValid())
        selectFirst();
}

void EventPicker::setCategoryAvailability(const QString& text)
{
    m_categories->setText(text);
}

void EventPicker::setToday(QDate today)
{
    m_today = today;
    static_cast<EventFilter*>(m_proxy)->setToday(today);
    runSearch();
}

int EventPicker::visibleCount() const
{
    return m_proxy->rowCount();
}

bool EventPicker::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Up || key == Qt::Key_Down) {
            const int rows = m_proxy->rowCount();
            if (rows > 0) {
                const int row = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
                const int next = std::clamp(row + (key == Qt::Key_Down ? 1 : -1), 0, rows - 1);
                m_list->setCurrentIndex(m_proxy->index(next, 0));
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace usher::ui
