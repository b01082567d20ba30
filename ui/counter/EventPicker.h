#pragma once

// The counter's event picker: a search field (name or date), the events with today's first, and
// the availability of the chosen event per price category. Keyboard: type to search, Up/Down move
// through the list without leaving the search field, Enter takes the event.

#include "core/Types.h"

#include <QDate>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;

namespace usher {
class Engine;
} // namespace usher

namespace usher::ui {

class EventListModel;

class EventPicker final : public QWidget {
    Q_OBJECT

public:
    // `today` decides which events come first (the tests pin it).
    EventPicker(Engine& engine, QDate today, QWidget* parent = nullptr);
    ~EventPicker() override;

    EventId currentEvent() const; // 0 when none
    bool selectEvent(EventId event);
    void selectFirst();
    // One line per category: "Category A: 120 of 400 available".
    void setCategoryAvailability(const QString& text);
    // Events whose start matches `today` come first; both parts sorted by start.
    void setToday(QDate today);

    QLineEdit* searchEdit() const { return m_search; }
    QListView* listView() const { return m_list; }
    EventListModel* model() const { return m_model; }
    int visibleCount() const;

Q_SIGNALS:
    void eventChanged(usher::EventId event);
    void eventActivated(usher::EventId event); // Enter: the clerk wants to sell for it now

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    EventListModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QLineEdit* m_search = nullptr;
    QListView* m_list = nullptr;
    QLabel* m_categories = nullptr;
};

} // namespace usher::ui
