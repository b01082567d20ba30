#pragma once

// The promoter's event setup: name, start in a time zone, venue, currency, price types and prices
// per category, hold and order limits, sales channels with their onsale windows, seat allocations
// to box offices painted on the seat map, and the waiting room with the capacity planner's
// suggested drain rate (R = 0.8 × C / T). Problems are shown next to their fields. Save creates or
// updates the event in the local engine; "Publish to usherd" sends venue, event and waiting room to
// the central service when a URL and token are set. See docs/design/promoter.md.
//
// "Open event…" (Ctrl+O) lists every event of the engine with the counter's search picker (search
// as you type, facet chips, keyboard only; past events on request from the archive) and loads the
// chosen one into the form; saving it then updates it. An event this app published to usherd is
// remembered with usherd's id (setPublishedEventsFile: per server URL), so publishing it again
// sends its changes with PATCH /api/events/{id} instead of creating a second event. "New event"
// (Ctrl+N) starts an empty form again, asking first when the form has unsaved changes.

#include "event/EventSpec.h"
#include "waitroom/WaitingRoom.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QUrl>
#include <QWidget>

#include <functional>
#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialog;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;
class QVBoxLayout;

namespace usher {
class Engine;
}

namespace usher::ui {

class PromoterPublisher;
class SeatMapWidget;

class EventSetup final : public QWidget {
    Q_OBJECT

public:
    // `engine` must outlive the widget.
    explicit EventSetup(Engine& engine, QWidget* parent = nullptr);
    ~EventSetup() override;

    // Enables "Publish to usherd": base URL such as http://127.0.0.1:8080, a staff bearer token.
    void setServer(const QUrl& baseUrl, const QString& bearerToken);
    // The venue of a new event (an event that exists keeps its venue).
    void setVenue(std::shared_ptr<const usher::Venue> venue);
    // Loads an event of the engine for editing; false when unknown.
    bool loadEvent(EventId id);
    EventId eventId() const { return m_eventId; }
    // "Open event…": a window-modal dialog (object name "openEventDialog") with the event list; Enter
    // or "Open" loads the chosen event. Returns the dialog, already open.
    QDialog* openEventDialog();
    QPushButton* openButton() const { return m_openButton; }
    // "New event" (Ctrl+N): an empty form for a new event in the venue handed over last (or the open
    // event's venue). With unsaved changes it asks first; false when the answer was no.
    bool newEvent();
    QPushButton* newButton() const { return m_newButton; }
    // The form differs from what was loaded, saved or started last.
    bool hasUnsavedChanges() const;
    // Seam for tests: answers "discard the changes?" instead of a message box.
    void setConfirmation(std::function<bool(const QString& title, const QString& question)> confirm)
    {
        m_confirm = std::move(confirm);
    }
    // The day the event list takes as today (past events before it are archived); default: today.
    void setToday(QDate today) { m_today = today; }

    // Where the usherd ids of published events are kept (JSON, written atomically); empty: only
    // for this session. Read at once.
    void setPublishedEventsFile(const QString& path);
    // usherd's id of a local event published to the current server; 0 when not published there.
    qint64 serverEventId(EventId local) const;

    // ---- the form, for tests and scripted setups
    QLineEdit* nameEdit() const { return m_name; }
    QComboBox* timeZoneCombo() const { return m_timeZone; }
    QDateTimeEdit* startsEdit() const { return m_starts; }
    QComboBox* currencyCombo() const { return m_currency; }
    QTableWidget* priceTypeTable() const { return m_priceTypes; }
    QTableWidget* priceTable() const { return m_prices; }
    QTableWidget* channelTable() const { return m_channels; }
    QSpinBox* concurrentSessionsSpin() const { return m_sessions; }
    QSpinBox* purchaseSecondsSpin() const { return m_purchaseSeconds; }
    QDoubleSpinBox* drainRateSpin() const { return m_drainRate; }
    QTabWidget* tabs() const { return m_tabs; }
    SeatMapWidget* map() const { return m_map; }
    // Sets a channel's sale window, in the event's time zone (local date and time there).
    void setChannelWindow(int channel, const QDateTime& onsale, const QDateTime& offsale);
    void setPrice(int category, int priceType, const QString& amount); // "45.00"; empty: not offered

    // R = 0.8 × C / T from the planner's fields.
    double suggestedDrainRate() const;
    QString suggestionText() const;

    // Checks the form: every problem is shown next to its field; true when there is none.
    bool validate();
    // The message next to `field` ("name", "timeZone", "venue", "currency", "priceTypes",
    // "prices", "channels", "waitingRoom", "event"), empty when it is fine.
    QString fieldError(const QString& field) const;
    // The spec the form describes (validate() first).
    EventSpec specFromForm() const;
    WaitingRoomConfig waitingRoomFromForm() const;

    // ---- allocations: the selected seats go to a box-office channel (0: back to the open pool)
    bool allocateSelected(ChannelId channel);
    ChannelId allocation(SeatId seat) const;

    // Validates, then creates or updates the event in the engine and applies the allocations.
    bool save(QString* error = nullptr);
    bool publish();
    QLabel* statusLabel() const { return m_status; }

Q_SIGNALS:
    void eventSaved(quint64 eventId);
    void published(bool ok, const QString& message);

private:
    QWidget* buildEventTab();
    QWidget* buildPricesTab();
    QWidget* buildChannelsTab();
    QWidget* buildWaitingRoomTab();
    QWidget* buildAllocationPane();
    QLabel* errorLabel(const QString& field);
    void addChannelRow(const SalesChannel& channel, const QTimeZone& zone);
    void addPriceTypeRow(const QString& key, const QString& name);
    void rebuildPriceTable();
    void rebuildMap();
    void refreshAllocationSummary();
    void updatePlanner();
    void setFieldError(const QString& field, const QString& message);
    QTimeZone zone() const;
    Timestamp toTimestamp(const QDateTime& local) const;
    QDateTime fromTimestamp(Timestamp at) const;
    void fillTimeZones();
    bool applyAllocations(QString* error);
    void loadPublishedEvents();
    void resetForm();
    QByteArray formState() const;
    void markClean() { m_cleanState = formState(); }
    QString rememberPublished(EventId local, qint64 server); // the problem writing the file, or empty

    Engine& m_engine;
    EventId m_eventId = 0;
    std::shared_ptr<const Venue> m_venue;
    EventSpec m_loaded; // the stored spec of a loaded event (its key, revision)
    std::vector<ChannelId> m_allocation; // per seat index: the channel, or kOpenPool
    QUrl m_serverUrl;
    QString m_token;
    PromoterPublisher* m_publisher = nullptr;
    EventId m_publishing = 0; // the local event being published
    QString m_publishedFile;
    QHash<QString, QHash<EventId, qint64>> m_serverIds; // server URL -> local id -> usherd id
    QDate m_today;
    QPushButton* m_openButton = nullptr;
    QPushButton* m_newButton = nullptr;
    std::shared_ptr<const Venue> m_newVenue; // the venue setVenue() was given last
    QByteArray m_cleanState;
    std::function<bool(const QString&, const QString&)> m_confirm;

    QTabWidget* m_tabs = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_performer = nullptr;
    QDateTimeEdit* m_starts = nullptr;
    QComboBox* m_timeZone = nullptr;
    QLabel* m_venueLabel = nullptr;
    QComboBox* m_currency = nullptr;
    QSpinBox* m_holdMinutes = nullptr;
    QSpinBox* m_ticketsMax = nullptr;
    QTableWidget* m_priceTypes = nullptr;
    QTableWidget* m_prices = nullptr;
    QTableWidget* m_channels = nullptr;
    QCheckBox* m_roomEnabled = nullptr;
    QSpinBox* m_sessions = nullptr;
    QSpinBox* m_purchaseSeconds = nullptr;
    QLabel* m_suggestion = nullptr;
    QDoubleSpinBox* m_drainRate = nullptr;
    QSpinBox* m_batchMs = nullptr;
    QSpinBox* m_activeMax = nullptr;
    QSpinBox* m_heartbeatSeconds = nullptr;
    QSpinBox* m_queueTtlMinutes = nullptr;
    QVBoxLayout* m_mapLayout = nullptr;
    QLabel* m_noVenueLabel = nullptr; // in the map's place while there is no venue
    SeatMapWidget* m_map = nullptr;
    QComboBox* m_allocationChannel = nullptr;
    QLabel* m_allocationSummary = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_publishButton = nullptr;
    QHash<QString, QLabel*> m_errors;
};

} // namespace usher::ui
