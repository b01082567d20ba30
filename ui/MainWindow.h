#pragma once

// The main window: the engine's events on the left; for the selected one, its seats section by
// section, a legend, the standing areas and the totals. Everything updates live from the engine.
// The engine must outlive the window (the models hold its shards).

#include <QMainWindow>

class QGroupBox;
class QLabel;
class QListView;
class QStackedWidget;
class QTabBar;
class QTableView;
class QTableWidget;

namespace usher {
class Engine;
} // namespace usher

namespace usher::ui {

class EventListModel;
class SeatStateModel;

class MainWindow final : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(Engine& engine, QWidget* parent = nullptr);
    ~MainWindow() override;

    EventListModel* eventModel() const { return m_events; }
    SeatStateModel* seatModel() const { return m_seats; } // null while no event is selected

private:
    QWidget* buildEventList();
    QWidget* buildEventPage();
    QWidget* buildLegend();
    QWidget* buildAreaPanel();
    void showEventAt(int row);
    void showSection(int section);
    void updateTotals();
    void updateAreas();
    void updateSeatDetails();

    EventListModel* m_events = nullptr;
    SeatStateModel* m_seats = nullptr;

    QListView* m_eventList = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_eventName = nullptr;
    QLabel* m_eventDetails = nullptr;
    QTabBar* m_sectionTabs = nullptr;
    QTableView* m_seatTable = nullptr;
    QLabel* m_seatDetails = nullptr;
    QGroupBox* m_areaPanel = nullptr;
    QTableWidget* m_areaTable = nullptr;
    QLabel* m_totals = nullptr;
};

} // namespace usher::ui
