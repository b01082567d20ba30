#pragma once

// The admin's live onsale dashboard (issue 8): for the selected event, refreshed by its
// MetricsFeed once a second, tiles with the current figures, Qt Charts over a chosen time window
// (1, 5, 15 or 60 minutes), alerts (OnsaleDashboardAlerts), the connected box offices, and
// controls that pause or resume the waiting room and change its drain rate: each asks for
// confirmation first, then goes to usherd as PUT /api/events/{id}/waiting-room (usherd records
// the change in its audit log). See docs/design/admin-views.md.

#include "admin/MetricsFeed.h"
#include "admin/OnsaleDashboardAlerts.h"

#include <QHash>
#include <QWidget>

#include <deque>
#include <functional>
#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace usher::ui {

class DashboardChart;

class OnsaleDashboard final : public QWidget {
    Q_OBJECT

public:
    static constexpr qint64 kHistoryMs = 60 * 60 * 1000; // the longest window
    static constexpr std::size_t kHistorySamplesMax = 4000;

    // Takes `feed` as a child. The feed runs while the dashboard is visible.
    explicit OnsaleDashboard(MetricsFeed* feed, QWidget* parent = nullptr);
    ~OnsaleDashboard() override;

    MetricsFeed* feed() const { return m_feed; }
    // The confirmation seam: returns whether the admin confirmed (tests answer without a dialog).
    using Confirmation = std::function<bool(const QString& title, const QString& question)>;
    void setConfirmation(Confirmation confirmation) { m_confirm = std::move(confirmation); }

    // Minutes of history the charts show: 1, 5, 15 or 60.
    void setWindowMinutes(int minutes);
    int windowMinutes() const { return m_windowMinutes; }
    void setStallSeconds(int seconds) { m_alerts.setStallSeconds(seconds); }
    void selectEvent(quint64 event);

    const OnsaleDashboardAlerts& alerts() const { return m_alerts; }
    const std::optional<MetricsSample>& lastSample() const { return m_last; }
    // Exposed for tests and screenshots.
    DashboardChart* chart(const QString& objectName) const;
    QString tileText(const QString& key) const;
    QPushButton* pauseButton() const { return m_pauseButton; }
    QPushButton* drainButton() const { return m_drainButton; }
    QDoubleSpinBox* drainSpin() const { return m_drainSpin; }
    QComboBox* eventCombo() const { return m_eventCombo; }
    QComboBox* windowCombo() const { return m_windowCombo; }
    QLabel* alertBanner() const { return m_alertBanner; }
    QListWidget* alertList() const { return m_alertList; }
    QTableWidget* devicesTable() const { return m_devices; }
    QLabel* controlStatus() const { return m_controlStatus; }

    // The action the pause button takes now: pause or resume.
    void togglePause();
    void applyDrainRate();

Q_SIGNALS:
    void alertsChanged();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    QWidget* buildHeader();
    QWidget* buildTiles();
    QWidget* buildCharts();
    QWidget* buildSidePanel();
    QLabel* addTile(QGridLayout* grid, int row, int column, const QString& key, const QString& title);
    void addSample(const MetricsSample& sample);
    void showTiles(const MetricsSample& sample);
    void showAlerts();
    void showDevices(const MetricsSample& sample);
    void updateControls();
    void setEvents(const std::vector<EventChoice>& events);
    void controlFinished(bool ok, const QString& message);
    bool confirm(const QString& title, const QString& question);
    void rebuildCharts();
    QString eventName() const;

    MetricsFeed* m_feed = nullptr;
    Confirmation m_confirm;
    OnsaleDashboardAlerts m_alerts;
    std::deque<MetricsSample> m_history;
    std::optional<MetricsSample> m_last;
    int m_windowMinutes = 5;
    bool m_changeInFlight = false;
    double m_drainShown = -1;   // the setting last copied into the drain-rate box
    bool m_eventChosen = false; // by the admin: no more automatic choice of an event with a room

    QComboBox* m_eventCombo = nullptr;
    QComboBox* m_windowCombo = nullptr;
    QLabel* m_sourceLabel = nullptr;
    QLabel* m_updatedLabel = nullptr;
    QLabel* m_scopeLabel = nullptr;
    QLabel* m_alertBanner = nullptr;
    QListWidget* m_alertList = nullptr;
    QHash<QString, QLabel*> m_tiles;
    std::vector<DashboardChart*> m_charts;
    QPushButton* m_pauseButton = nullptr;
    QDoubleSpinBox* m_drainSpin = nullptr;
    QPushButton* m_drainButton = nullptr;
    QLabel* m_roomLabel = nullptr;
    QLabel* m_controlStatus = nullptr;
    QTableWidget* m_devices = nullptr;
    QLabel* m_devicesNote = nullptr;
};

} // namespace usher::ui
