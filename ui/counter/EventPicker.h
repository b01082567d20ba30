#pragma once

// The counter's event picker: a search field, filter chips with counts (the search's facets), the
// events with today's first, and the availability of the chosen event per price category.
//
// Searching as you type goes through the engine's event search (search::SqliteEventSearch, an
// in-memory index of the engine's events): words of the name, performer, venue and city, the last
// one a prefix, accents ignored ("Zurich" finds "Zürich"); a date ("24.12.", "2026-12-24",
// "today") shows that day's events. Availability for the chips comes from the event list's cached
// counts, never from the seat tables.
//
// Keyboard: type to search; Up/Down move through the list without leaving the search field; Enter
// takes the event; Tab reaches the chips, Space toggles one.
//
// The same widget is the promoter's event list (EventSetup's "Open event…"): with
// Options::todayFirst off it ranks by relevance, then start; with Options::offerArchive the events
// that started before today go to the index's archive partition and a "Past events" chip brings
// them back (the search's Partition::All).

#include "core/Types.h"
#include "search/EventCatalog.h"

#include <QDate>
#include <QWidget>

#include <memory>
#include <set>
#include <utility>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QToolButton;

namespace usher {
class Engine;
namespace search {
class SqliteEventSearch;
}
} // namespace usher

namespace usher::ui {

class EventListModel;

class EventPicker final : public QWidget {
    Q_OBJECT

public:
    struct Options {
        bool todayFirst = true;     // the counter: today's events first
        bool offerArchive = false;  // the promoter: past events archived, a "Past events" chip
        bool showAvailability = true; // the per-category availability line under the list
    };

    // `today` decides which events come first (the tests pin it).
    EventPicker(Engine& engine, QDate today, QWidget* parent = nullptr);
    EventPicker(Engine& engine, QDate today, const Options& options, QWidget* parent = nullptr);
    ~EventPicker() override;

    EventId currentEvent() const; // 0 when none
    bool selectEvent(EventId event);
    void selectFirst();
    // One line per category: "Category A: 120 of 400 available".
    void setCategoryAvailability(const QString& text);
    // Events whose start matches `today` come first; both parts sorted by relevance, then start.
    void setToday(QDate today);
    // The events' terms changed (a name, a time): the search index and the list read them again.
    void refreshEvents();

    QLineEdit* searchEdit() const { return m_search; }
    QListView* listView() const { return m_list; }
    EventListModel* model() const { return m_model; }
    int visibleCount() const;
    // The filter chips shown now (object names "filterChip"), in order; for tests.
    QList<QToolButton*> chips() const;
    // Options::offerArchive: the "Past events" chip (object name "pastEventsChip"), else null.
    QToolButton* pastEventsChip() const { return m_pastChip; }
    bool showingPast() const { return m_showPast; }
    void setShowingPast(bool on);

Q_SIGNALS:
    void eventChanged(usher::EventId event);
    void eventActivated(usher::EventId event); // Enter: the clerk wants to sell for it now

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // A chip: the facet ("city", "category", "availability", "date") and its value.
    using Chip = std::pair<QString, QString>;

    void indexEvents();
    void syncAvailability(int firstRow, int lastRow);
    void runSearch();
    void rebuildChips(const search::SearchFacets& facets);
    void addChip(const QString& facet, const QString& value, const QString& label, quint64 count);

    EventListModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QLineEdit* m_search = nullptr;
    QWidget* m_chipBar = nullptr;
    QHBoxLayout* m_chipLayout = nullptr;
    QListView* m_list = nullptr;
    QLabel* m_categories = nullptr;
    QToolButton* m_pastChip = nullptr;
    Options m_options;
    bool m_showPast = false;
    quint64 m_pastCount = 0;
    std::unique_ptr<search::SqliteEventSearch> m_index;
    std::set<Chip> m_chosen;
    QDate m_today;
};

} // namespace usher::ui
