#pragma once

// The audit-log browser (admins): every journal record of every event, from the audit index
// (engine/audit) in <data>/audit.db, kept next to the engine's usher.db.
//
// * A filter bar (event, seat, order, clerk or user, type, outcome, from/to) and text search; the
//   table is a lazy keyset model (AuditLogModel): it holds a window of rows and fetches pages as
//   the view scrolls, never the whole log.
// * A live tail: a worker thread catches the index up with the journal every tailIntervalMs; new
//   rows appear at the bottom, and the view follows them while it is scrolled to the end.
// * A detail pane with every field of the selected record, read from the journal itself.
// * The time-travel map: the seat map (read-only) as it was right after the selected record,
//   replayed by the ledger (AuditReplay) on the worker thread; a slider runs through the whole
//   journal of the event.
// * CSV export of what the filters select, streamed page by page on a worker thread, with
//   progress and cancel.
//
// * Connected to usherd (setServer): a "Waiting room" tab lists the waiting-room changes usherd
//   recorded (pause, resume, drain rate; not journal records), live, under the same filters.
//
// The engine may run in the same process: the browser reads usher.db on connections of its own
// and never writes to it.

#include "audit/AuditQuery.h"
#include "audit/AuditReplay.h"
#include "event/EventSpec.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QString>
#include <QUrl>
#include <QWidget>

#include <atomic>
#include <map>
#include <memory>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QProgressDialog;
class QPushButton;
class QSlider;
class QSplitter;
class QTabWidget;
class QTableView;
class QThread;
class QTimer;
class QTreeWidget;

namespace usher {
class Storage;
}
namespace usher::audit {
class AuditIndex;
struct AuditIndexOptions;
} // namespace usher::audit

namespace usher::ui {

class AuditCounter;
class AuditCsvExport;
class AuditLogModel;
class AuditWorker;
struct AuditMapState;
class SeatMapModel;
class SeatMapWidget;
class WaitingRoomChanges;

class AuditLogWidget final : public QWidget {
    Q_OBJECT

public:
    // Opens (creating when missing) <dataDirectory>/audit.db and starts catching it up with
    // <dataDirectory>/usher.db. When that fails, isOpen() is false and the widget says why.
    explicit AuditLogWidget(const QString& dataDirectory, QWidget* parent = nullptr);
    // Time travel tuned (checkpoint spacing, restore costs; the paths are the widget's): tests
    // that need checkpoints on a short journal.
    AuditLogWidget(const QString& dataDirectory, const audit::AuditReplayOptions& replay, QWidget* parent = nullptr);
    ~AuditLogWidget() override;

    bool isOpen() const { return m_query != nullptr; }
    // An index of the old format is being upgraded on a thread of its own (the widget shows a busy
    // page); opened() follows.
    bool isUpgrading() const { return m_upgradeThread != nullptr; }
    QString errorText() const { return m_error; }

    // ---- filters (the bar edits them too)
    audit::AuditFilter filter() const { return m_filter; }
    void setFilter(const audit::AuditFilter& filter); // updates the bar and reloads
    AuditLogModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }

    // ---- usherd: its recorded waiting-room changes in a tab of their own (an admin's token)
    void setServer(const QUrl& baseUrl, const QByteArray& bearerToken);
    WaitingRoomChanges* waitingRoomChanges() const { return m_roomChanges; }
    QTabWidget* views() const { return m_views; }

    // ---- live tail
    void setTailInterval(int ms);
    int tailInterval() const;
    // Caught up (and the view's window refreshed) once the worker has read everything durable.
    bool isCaughtUp() const { return m_caughtUp; }
    void catchUpNow();

    // ---- selection, detail and time travel
    void selectRow(int row);
    QTreeWidget* detailPane() const { return m_detail; }
    QSlider* timeSlider() const { return m_slider; }
    // The map's event and the seq it shows (0, 0 before the first replay).
    EventId mapEvent() const { return m_mapEvent; }
    Seq mapSeq() const { return m_mapSeq; }
    const SeatMapModel* mapModel() const { return m_mapModel; }
    // Checkpoints restored for the maps shown so far (a slider stepped forward replays instead).
    std::size_t mapRestores() const { return m_mapRestores; }
    // Replays `event` to right after `seq` and shows it (asynchronous: mapShown() when done).
    void showStateAt(EventId event, Seq seq);

    // ---- export
    // Test seam: the next export writes here without asking.
    void setNextExportPath(const QString& path) { m_nextExportPath = path; }
    void exportCsv();
    bool isExporting() const { return m_export != nullptr; }
    void cancelExport();

Q_SIGNALS:
    void mapShown(quint64 event, quint64 seq);
    void caughtUp();
    void exportFinished(bool ok, qint64 rows, const QString& message);
    // After an upgrade in the background: the browser is ready (or errorText() says why not).
    void opened(bool ok);

private:
    void buildUi();
    void upgradeInBackground(const audit::AuditIndexOptions& options, std::uint64_t rows);
    void finishOpening(std::unique_ptr<audit::AuditIndex> index, std::string error);
    QWidget* buildFilterBar();
    QWidget* buildMapPane();
    void loadEvents();
    void readFilterBar();
    void writeFilterBar();
    void applyFilter();
    void updateCount(bool filterChanged);
    void onCounted(quint64 ticket, quint64 count, bool capped, bool ok, const QString& error);
    void onEventChosen();
    void onRowChanged();
    void showDetail(const audit::AuditRow& row);
    void onSlider(int value);
    void onStateReady(const std::shared_ptr<const AuditMapState>& state);
    void setMapEvent(EventId event);
    void updateSliderRange();
    void updateSliderLabel();
    void updateMapCounts();
    void onCaughtUp(quint64 records, bool more, const QString& error);
    void pollTail();
    void maybeFetchOlder();
    SeatId parseSeat(const QString& text) const;
    QString eventName(EventId event) const;

    QString m_dataDirectory;
    audit::AuditReplayOptions m_replayOptions;
    QString m_error;
    QThread* m_upgradeThread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancelUpgrade = std::make_shared<std::atomic<bool>>(false);
    QElapsedTimer m_upgradeClock;
    QWidget* m_busyPage = nullptr;
    QLabel* m_busyLabel = nullptr;
    QUrl m_pendingServer;
    QByteArray m_pendingToken;
    std::map<EventId, std::shared_ptr<const EventSpec>> m_specs;
    std::unique_ptr<Storage> m_journal; // GUI thread: specs and the detail pane's records
    std::unique_ptr<audit::AuditQuery> m_query;
    audit::AuditFilter m_filter;
    AuditLogModel* m_model = nullptr;

    QThread* m_thread = nullptr;
    AuditWorker* m_worker = nullptr;
    QThread* m_countThread = nullptr;
    AuditCounter* m_counter = nullptr;
    quint64 m_countTicket = 0;   // the newest count asked for
    quint64 m_countAnswered = 0; // the newest count shown
    QTimer* m_tailTimer = nullptr;
    QTimer* m_filterTimer = nullptr;
    bool m_catchUpRunning = false;
    bool m_caughtUp = false;
    bool m_warmStarted = false;
    quint64 m_replayTicket = 0;

    // filter bar
    QComboBox* m_eventBox = nullptr;
    QLineEdit* m_seatEdit = nullptr;
    QLineEdit* m_orderEdit = nullptr;
    QComboBox* m_actorKindBox = nullptr;
    QLineEdit* m_actorIdEdit = nullptr;
    QComboBox* m_kindBox = nullptr;
    QComboBox* m_outcomeBox = nullptr;
    QCheckBox* m_fromCheck = nullptr;
    QDateTimeEdit* m_fromEdit = nullptr;
    QCheckBox* m_toCheck = nullptr;
    QDateTimeEdit* m_toEdit = nullptr;
    QLineEdit* m_searchEdit = nullptr;
    QLabel* m_countLabel = nullptr;
    QLabel* m_statusLabel = nullptr;
    QCheckBox* m_followCheck = nullptr;
    QPushButton* m_exportButton = nullptr;

    QTableView* m_table = nullptr;
    QTabWidget* m_views = nullptr;
    WaitingRoomChanges* m_roomChanges = nullptr;
    QTreeWidget* m_detail = nullptr;
    QWidget* m_mapHost = nullptr;
    QLabel* m_mapTitle = nullptr;
    QSlider* m_slider = nullptr;
    QLabel* m_sliderLabel = nullptr;
    QLabel* m_mapCounts = nullptr;
    SeatMapModel* m_mapModel = nullptr;
    SeatMapWidget* m_map = nullptr;
    EventId m_mapEvent = 0;
    Seq m_mapSeq = 0;
    std::size_t m_mapRestores = 0;
    Seq m_sliderFirstSeq = 0;
    Seq m_sliderLastSeq = 0;

    AuditCsvExport* m_export = nullptr;
    QProgressDialog* m_exportProgress = nullptr;
    QString m_nextExportPath;
};

} // namespace usher::ui
