#include "counter/EventPicker.h"

#include "EventListModel.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

namespace usher::ui {

namespace {

// Today's events first, then by start; filtered by a name fragment or a date.
class EventFilter final : public QSortFilterProxyModel {
public:
    explicit EventFilter(QDate today, QObject* parent)
        : QSortFilterProxyModel(parent)
        , m_today(today)
    {
    }

    void setToday(QDate today)
    {
        m_today = today;
        invalidate();
    }

    void setQuery(const QString& query)
    {
        m_query = query.trimmed();
        m_date = parseDate(m_query);
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& parent) const override
    {
        if (m_query.isEmpty())
            return true;
        const QModelIndex index = sourceModel()->index(sourceRow, 0, parent);
        if (m_date.isValid())
            return startOf(index).date() == m_date;
        return index.data(EventListModel::NameRole).toString().contains(m_query, Qt::CaseInsensitive)
            || index.data(Qt::DisplayRole).toString().contains(m_query, Qt::CaseInsensitive);
    }

    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override
    {
        const QDateTime a = startOf(left);
        const QDateTime b = startOf(right);
        const bool aToday = a.date() == m_today;
        const bool bToday = b.date() == m_today;
        if (aToday != bToday)
            return aToday;
        return a < b;
    }

private:
    static QDateTime startOf(const QModelIndex& index)
    {
        return index.data(EventListModel::StartsAtRole).toDateTime().toLocalTime();
    }

    // 2026-12-24, 24.12.2026, 24/12/2026, 24.12. (this year) or "today".
    QDate parseDate(const QString& text) const
    {
        if (text.compare(EventPicker::tr("today"), Qt::CaseInsensitive) == 0)
            return m_today;
        for (const char* format : { "yyyy-MM-dd", "d.M.yyyy", "d/M/yyyy", "d.M.yy" }) {
            const QDate date = QDate::fromString(text, QLatin1String(format));
            if (date.isValid())
                return date;
        }
        const QDate partial = QDate::fromString(text + QString::number(m_today.year()), QStringLiteral("d.M.yyyy"));
        return text.endsWith(QLatin1Char('.')) ? partial : QDate();
    }

    QDate m_today;
    QString m_query;
    QDate m_date;
};

} // namespace

EventPicker::EventPicker(Engine& engine, QDate today, QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("eventPicker"));
    m_model = new EventListModel(engine, this);
    auto* filter = new EventFilter(today, this);
    filter->setSourceModel(m_model);
    filter->sort(0);
    m_proxy = filter;

    auto* title = new QLabel(tr("&Events"), this);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("eventSearchLineEdit"));
    m_search->setPlaceholderText(tr("Search by name or date (Ctrl+E)"));
    m_search->setClearButtonEnabled(true);
    title->setBuddy(m_search);
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("eventListView"));
    m_list->setModel(m_proxy);
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(false);
    m_categories = new QLabel(this);
    m_categories->setObjectName(QStringLiteral("categoryAvailabilityLabel"));
    m_categories->setWordWrap(true);
    m_categories->setTextFormat(Qt::RichText);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_categories);

    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::textChanged, this, [this, filter](const QString& text) {
        filter->setQuery(text);
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
}

EventPicker::~EventPicker() = default;

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

void EventPicker::setCategoryAvailability(const QString& text)
{
    m_categories->setText(text);
}

void EventPicker::setToday(QDate today)
{
    static_cast<EventFilter*>(m_proxy)->setToday(today);
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
