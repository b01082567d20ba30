#pragma once

// Where the onsale dashboard's figures come from: a MetricsFeed produces one MetricsSample per
// second for the selected event. UsherdMetricsFeed scrapes a running usherd, LocalMetricsFeed
// watches the embedded engine alone, ScriptedMetricsFeed replays samples a test pushes. The
// dashboard only knows this interface. See docs/design/admin-views.md.

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace usher::ui {

// One application cache's hit ratio over the last few seconds (nullopt: no traffic then).
struct CacheRatio {
    QString name;
    std::optional<double> ratio; // 0..1
};

// A box office as usherd sees it (GET /api/devices).
struct DeviceStatus {
    QString id;
    QString name;
    bool connected = false;
    std::optional<double> syncLagSeconds;
    std::optional<qint64> pendingOperations;
};

enum class CircuitState : std::int8_t { Unknown = -1, Closed = 0, Open = 1, HalfOpen = 2 };

// Every figure is optional: a source that cannot know it leaves it empty and the dashboard shows a
// dash. Rates are per second over the last sampling interval; ratios are 0..1.
struct MetricsSample {
    qint64 atMs = 0; // wall clock, ms since the epoch
    quint64 event = 0;

    // Waiting room (of the selected event).
    bool waitingRoom = false; // the event has a waiting room
    std::optional<double> queueDepth;
    std::optional<double> inflowPerSecond;  // joins
    std::optional<double> outflowPerSecond; // admissions (the drain)
    std::optional<double> activeSessions;   // admitted, not finished
    std::optional<double> drainRateSetting; // users/s as configured
    std::optional<bool> paused;
    std::optional<double> queueAbandonedPerSecond; // left the queue or missed heartbeats

    // Sales.
    std::optional<double> holdsPerSecond;
    std::optional<double> salesPerSecond; // orders confirmed
    std::optional<double> ticketsPerSecond;
    std::optional<qint64> revenueMinor; // total so far, minor units
    QString currency;
    std::optional<double> conflictsPerSecond;   // 409 answers to holds
    std::optional<double> rateLimitedPerSecond; // 429 answers
    std::optional<double> expiriesPerSecond;    // held seats that went back to available
    std::optional<double> holdExpiriesPerSecond; // of those, holds that ran out (usherd's per-event counter)
    std::optional<double> abandonmentRatio;     // of the seats held lately, the share released

    std::vector<CacheRatio> caches;

    // Payment gateway.
    std::optional<double> paymentLatencyMs; // mean over the last few seconds
    std::optional<double> paymentErrorsPerSecond;
    CircuitState circuit = CircuitState::Unknown;

    // Box offices; nullopt: the source has no device list.
    std::optional<std::vector<DeviceStatus>> devices;

    // Events whose waiting room the source reports (the dashboard starts on one of them).
    std::vector<quint64> eventsWithRoom;

    bool salesPerEvent = false; // holds, sales, revenue... are the selected event's alone
    QString scope;              // where the sales figures come from, e.g. "server-wide"
    QString sourceError; // empty when the last sampling worked
};

struct EventChoice {
    quint64 id = 0;
    QString name;
};

class MetricsFeed : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    ~MetricsFeed() override = default;

    // A short description for the toolbar, e.g. "usherd 127.0.0.1:8080" or "this computer".
    virtual QString sourceName() const = 0;
    virtual void setEvent(quint64 event) = 0;
    virtual quint64 event() const = 0;
    // Starts or stops the one-second sampling (the dashboard runs it only while visible).
    virtual void start() = 0;
    virtual void stop() = 0;
    virtual bool isRunning() const = 0;
    // Whether changeWaitingRoom() can work (a usherd with a promoter or admin token).
    virtual bool canControl() const { return false; }
    // Sends PUT /api/events/{event}/waiting-room with `change`; answers with controlFinished().
    virtual void changeWaitingRoom(const QJsonObject& change);

Q_SIGNALS:
    void sampled(const usher::ui::MetricsSample& sample);
    void eventsChanged(const std::vector<usher::ui::EventChoice>& events);
    // ok: the change is in force; message: what happened (the server's error message on failure).
    void controlFinished(bool ok, const QString& message);
};

} // namespace usher::ui
