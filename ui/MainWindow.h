#pragma once

// The main window: the engine's events on the left; for the selected one, the interactive seat map
// (with its minimap, legend and selection) and, on a second tab, the seats as a table section by
// section; below them the standing areas, and the totals in the status bar. Everything updates live
// from the engine. The engine must outlive the window (the models hold its shards).

#include <QMainWindow>

class QGroupBox;
class QLabel;
class QListView;
class QStackedWidget;
class QCheckBox;
class QComboBox;
class QPushButton;
class QTabBar;
class QTabWidget;
class QTableView;
class QTableWidget;

namespace usher {
class Engine;
class EventShard;
} // namespace usher

namespace usher::ui {

class EventListModel;
class SeatMapFeed;
class SeatMapLegend;
class SeatMapMinimap;
class SeatMapModel;
class SeatMapWidget;
class SeatStateModel;

class MainWindow final : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(Engine& engine, QWidget* parent = nullptr);
    ~MainWindow() override;

    EventListModel* eventModel() const { return m_events; }
    SeatStateModel* seatModel() const { return m_seats; } // null while no event is selected
    SeatMapWidget* seatMap() const { return m_seatMap; }  // null while no event is selected

private:
    QWidget* buildEventList();
    QWidget* buildEventPage();
    QWidget* buildSeatMapPage();
    QWidget* buildSeatListPage();
    QWidget* buildLegend();
    void showSeatMap(EventShard* shard);
    void updateSelection();
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
    QTabWidget* m_viewTabs = nullptr;
    QWidget* m_mapPage = nullptr;
    QWidget* m_mapHost = nullptr;     // holds the seat map of the shown event
    QWidget* m_mapSideHost = nullptr; // holds its minimap and legend
    QComboBox* m_colorBy = nullptr;
    QCheckBox* m_highContrast = nullptr;
    QLabel* m_selectionLabel = nullptr;
    QPushButton* m_clearSelection = nullptr;
    SeatMapModel* m_mapModel = nullptr;
    SeatMapFeed* m_mapFeed = nullptr;
    SeatMapWidget* m_seatMap = nullptr;
    SeatMapMinimap* m_minimap = nullptr;
    SeatMapLegend* m_mapLegend = nullptr;
    QTabBar* m_sectionTabs = nullptr;
    QTableView* m_seatTable = nullptr;
    QLabel* m_seatDetails = nullptr;
    QGroupBox* m_areaPanel = nullptr;
    QTableWidget* m_areaTable = nullptr;
    QLabel* m_totals = nullptr;
};

} // namespace usher::ui
