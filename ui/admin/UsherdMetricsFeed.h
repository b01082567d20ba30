#pragma once

// The onsale dashboard's figures from a running usherd: once a second GET /metrics (rates from
// successive scrapes, UsherdSampler), GET /api/events/{id}/waiting-room and GET /api/devices (when
// usherd has it), with a staff bearer token; the event list from GET /api/events every 30 s. A
// round still in flight when the next second starts is not doubled: that second is skipped.
// When /metrics has no per-event sales series (usherd_event_*), the event's own holds, tickets,
// expiries, sales and revenue come from its availability and its orders (EventSalesTracker).

#include "admin/EventSalesTracker.h"
#include "admin/MetricsFeed.h"
#include "admin/MetricsRates.h"

#include <QByteArray>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace usher::ui {

class UsherdMetricsFeed final : public MetricsFeed {
    Q_OBJECT

public:
    static constexpr int kIntervalMs = 1000;
    static constexpr int kRequestTimeoutMs = 3000;
    static constexpr int kEventListEveryTicks = 30;
    static constexpr qint64 kBodyBytesMax = 16 * 1024 * 1024;

    // `base` is e.g. http://127.0.0.1:8080; `token` a promoter or admin token (may be empty:
    // figures only, no waiting-room settings or controls).
    UsherdMetricsFeed(const QUrl& base, const QByteArray& token, QObject* parent = nullptr);
    ~UsherdMetricsFeed() override;

    QString sourceName() const override;
    void setEvent(quint64 event) override;
    quint64 event() const override { return m_event; }
    void start() override;
    void stop() override;
    bool isRunning() const override;
    bool canControl() const override { return !m_token.isEmpty(); }
    void changeWaitingRoom(const QJsonObject& change) override;

    // One sampling round now (tests; start() runs one a second).
    void sampleNow();
    void setIntervalMs(int ms);

private:
    QNetworkReply* get(const QString& path);
    void send(QNetworkReply* reply, std::function<void(int status, const QByteArray& body, const QString& error)> done);
    void finishRound();
    void requestEvents();
    void requestEventSales();
    void finishEventSales(MetricsSample& sample);

    QNetworkAccessManager* m_network = nullptr;
    QTimer* m_timer = nullptr;
    QUrl m_base;
    QByteArray m_token;
    quint64 m_event = 0;
    UsherdSampler m_sampler;
    int m_ticks = 0;
    int m_pending = 0;             // requests of the current round still open
    bool m_devicesMissing = false; // usherd answered 404: ask again only with the event list
    struct RoundState {
        QByteArray metrics;
        QString metricsError;
        QJsonObject room;
        bool roomOk = false;
        std::optional<std::vector<DeviceStatus>> devices;
        qint64 atMs = 0;
        bool availabilityAsked = false;
        QByteArray availability; // empty: not changed (304) or not read
        int ordersAsked = 0;
        std::vector<std::optional<std::pair<qint64, QString>>> orders; // by offset from nextOrder()
    } m_round;
    EventSalesTracker m_sales;
    QByteArray m_availabilityTag;
    bool m_perEventSeries = false; // the last scrape had usherd_event_* series
};

// Parses GET /api/devices: {"devices":[{"name","channel","connected","lastSeen","pendingPushes",...}]}
// (usherd's form; the lag is the time since lastSeen, at `nowMs`), also accepting a bare array, an
// "id", state "connected"/"online", syncLagMs or syncLagSeconds, pendingOperations.
std::vector<DeviceStatus> parseDevices(const QByteArray& json, qint64 nowMs, bool* ok);

} // namespace usher::ui
