#pragma once

// The box office's sync in the app: SyncSession owns the SyncClient of this data directory (started
// when <data>/sync-device.json exists, or after an enrolment), and installSyncUi() puts it into a
// main window: the status widget in the status bar and a "Sync" menu with the pending operations
// and the enrolment. The window itself does not need to know about sync (app/usher/main.cpp calls
// this for the counter).

#include "syncclient/SyncClient.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <map>
#include <memory>
#include <set>

class QThread;

class QMainWindow;

namespace usher {
class CentralSeatFeed;
class Engine;
class EngineSyncLedger;
} // namespace usher

namespace usher::ui {

class SyncStatusWidget;

class SyncSession final : public QObject {
    Q_OBJECT

public:
    SyncSession(Engine& engine, QString dataDirectory, QObject* parent = nullptr);
    ~SyncSession() override;

    // Prefills the enrolment (the app's --usherd).
    void setDefaultServer(const QString& url) { m_defaultServer = url; }
    const QString& defaultServer() const { return m_defaultServer; }
    QString credentialsPath() const;

    // Starts the client when the device file exists. False with *message when it exists but cannot
    // be used; *message may also carry a warning when it returns true (permissions repaired).
    bool startIfEnrolled(QString* message);
    // (Re)starts the client with these credentials.
    bool start(const DeviceCredentials& credentials, QString* error);
    // Stops the client; call before the engine closes.
    void stop();

    SyncClient* client() const;
    // The enrolled device's sales channel while the client runs (0: not syncing). The counter sells
    // on it: its own allocation is allocated to this channel on central.
    ChannelId channel() const { return m_client != nullptr ? m_channel : 0; }
    // Central's seat states (usherd's /ws at the enrolled server) while the client runs, else null.
    // The counter's seat map shows them for the seats this box office does not own
    // (CentralSeatOverlay). Changes with clientChanged.
    CentralSeatFeed* centralSeats() const { return m_centralSeats.get(); }
    // The client's status, or a stopped one with the reason sync is not running.
    SyncClientStatus status() const;

    // The last refresh of a changed event that failed (translated); empty when the last one worked.
    const QString& eventRefreshError() const { return m_refreshError; }

Q_SIGNALS:
    void statusChanged(const usher::SyncClientStatus& status);
    void clientChanged(usher::SyncClient* client);
    // An event of the engine changed (a newer revision from usherd: prices, times, channels...).
    void eventUpdated(quint64 event);

private:
    void setProblem(const QString& problem);
    // usherd announced a new revision of `event` (the seat feed): download it, one at a time.
    void eventChangedOnCentral(EventId event, std::uint64_t revision);
    void refreshNext();
    // Emits eventUpdated for every event whose revision moved since the last look (whatever changed
    // it: a refresh here, the client's download after a reconnect).
    void watchRevisions();

    Engine& m_engine;
    QString m_dataDirectory;
    QString m_defaultServer;
    std::unique_ptr<EngineSyncLedger> m_ledger;
    std::unique_ptr<SyncClient> m_client;
    std::unique_ptr<CentralSeatFeed> m_centralSeats;
    SyncClientStatus m_stopped;
    ChannelId m_channel = 0;
    DeviceCredentials m_credentials;
    std::set<EventId> m_toRefresh;
    QThread* m_refresh = nullptr;
    QString m_refreshError;
    QTimer m_revisionWatch;
    std::map<EventId, std::uint32_t> m_revisions;
};

// The widget is owned by the window's status bar; returns it. `session` must outlive the window's
// use of it.
SyncStatusWidget* installSyncUi(QMainWindow& window, SyncSession& session);

} // namespace usher::ui
