#include "admin/UsherdMetricsFeed.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <algorithm>

namespace usher::ui {

namespace {

QString errorMessage(const QByteArray& body, int status)
{
    const QJsonObject error = QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject();
    const QString message = error.value(QStringLiteral("message")).toString();
    //: %1 is an HTTP status code, %2 the server's explanation.
    return message.isEmpty() ? UsherdMetricsFeed::tr("usherd answered %1.").arg(status)
                             : UsherdMetricsFeed::tr("usherd answered %1: %2").arg(status).arg(message);
}

std::optional<double> number(const QJsonObject& object, const char* key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (!value.isDouble())
        return std::nullopt;
    return value.toDouble();
}

} // namespace

std::vector<DeviceStatus> parseDevices(const QByteArray& json, qint64 nowMs, bool* ok)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    std::vector<DeviceStatus> devices;
    *ok = parseError.error == QJsonParseError::NoError
        && (document.isArray() || document.object().value(QStringLiteral("devices")).isArray());
    if (!*ok)
        return devices;
    const QJsonArray list
        = document.isArray() ? document.array() : document.object().value(QStringLiteral("devices")).toArray();
    for (const QJsonValue& value : list) {
        const QJsonObject o = value.toObject();
        DeviceStatus d;
        const QJsonValue id = o.value(QStringLiteral("id"));
        d.name = o.value(QStringLiteral("name")).toString();
        d.id = id.isString() ? id.toString() : id.isDouble() ? QString::number(id.toInteger()) : d.name;
        if (d.name.isEmpty())
            d.name = o.value(QStringLiteral("label")).toString(d.id);
        const QString state = o.value(QStringLiteral("state")).toString();
        d.connected = o.value(QStringLiteral("connected"))
                          .toBool(state == QLatin1String("connected") || state == QLatin1String("online"));
        if (const std::optional<double> ms = number(o, "syncLagMs"))
            d.syncLagSeconds = *ms / 1000.0;
        else if (const std::optional<double> s = number(o, "syncLagSeconds"))
            d.syncLagSeconds = *s;
        else if (const QString seen = o.value(QStringLiteral("lastSeen")).toString(); !seen.isEmpty()) {
            // usherd's device list: the time of the device's last message.
            const QDateTime at = QDateTime::fromString(seen, Qt::ISODateWithMs);
            if (at.isValid())
                d.syncLagSeconds = double(std::max<qint64>(0, nowMs - at.toMSecsSinceEpoch())) / 1000.0;
        }
        if (const std::optional<double> pending = number(o, "pendingOperations"))
            d.pendingOperations = qint64(*pending);
        else if (const std::optional<double> p = number(o, "pendingPushes"))
            d.pendingOperations = qint64(*p); // grants and take-backs the box office has not confirmed
        else if (const std::optional<double> q = number(o, "pending"))
            d.pendingOperations = qint64(*q);
        devices.push_back(d);
    }
    return devices;
}

UsherdMetricsFeed::UsherdMetricsFeed(const QUrl& base, const QByteArray& token, QObject* parent)
    : MetricsFeed(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_timer(new QTimer(this))
    , m_base(base)
    , m_token(token)
{
    m_timer->setInterval(kIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &UsherdMetricsFeed::sampleNow);
}

UsherdMetricsFeed::~UsherdMetricsFeed() = default;

QString UsherdMetricsFeed::sourceName() const
{
    //: %1 is host:port.
    return tr("usherd %1").arg(m_base.authority());
}

void UsherdMetricsFeed::setEvent(quint64 event)
{
    if (event != m_event) {
        m_sales.reset();
        m_availabilityTag.clear();
    }
    m_event = event;
}

void UsherdMetricsFeed::setIntervalMs(int ms)
{
    m_timer->setInterval(ms);
}

void UsherdMetricsFeed::start()
{
    if (m_timer->isActive())
        return;
    m_ticks = 0;
    requestEvents();
    m_timer->start();
    sampleNow();
}

void UsherdMetricsFeed::stop()
{
    m_timer->stop();
    m_sampler.clear(); // a gap: rates start again from the next two scrapes
    m_sales.clearHistory();
}

bool UsherdMetricsFeed::isRunning() const
{
    return m_timer->isActive();
}

QNetworkReply* UsherdMetricsFeed::get(const QString& path)
{
    QUrl url = m_base;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setTransferTimeout(kRequestTimeoutMs);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token);
    return m_network->get(request);
}

void UsherdMetricsFeed::send(QNetworkReply* reply,
                             std::function<void(int status, const QByteArray& body, const QString& error)> done)
{
    reply->setReadBufferSize(kBodyBytesMax);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        const QString error = status == 0 ? reply->errorString() : QString();
        done(status, body, error);
    });
}

void UsherdMetricsFeed::requestEvents()
{
    send(get(QStringLiteral("/api/events")), [this](int status, const QByteArray& body, const QString&) {
        if (status != 200)
            return;
        std::vector<EventChoice> events;
        const QJsonArray list = QJsonDocument::fromJson(body).object().value(QStringLiteral("events")).toArray();
        for (const QJsonValue& value : list) {
            const QJsonObject o = value.toObject();
            events.push_back(EventChoice { quint64(o.value(QStringLiteral("id")).toInteger()),
                                           o.value(QStringLiteral("name")).toString() });
        }
        Q_EMIT eventsChanged(events);
    });
    m_devicesMissing = false;
}

void UsherdMetricsFeed::sampleNow()
{
    if (m_pending > 0)
        return; // the last round is still open (usherd slow): skip this second
    if (++m_ticks % kEventListEveryTicks == 0)
        requestEvents();
    m_round = RoundState {};
    m_round.atMs = QDateTime::currentMSecsSinceEpoch();
    m_pending = 1;
    send(get(QStringLiteral("/metrics")), [this](int status, const QByteArray& body, const QString& error) {
        if (status == 200)
            m_round.metrics = body;
        else
            m_round.metricsError = status == 0 ? error : errorMessage(body, status);
        finishRound();
    });
    if (m_event != 0 && !m_token.isEmpty()) {
        ++m_pending;
        send(get(QStringLiteral("/api/events/%1/waiting-room").arg(m_event)),
             [this](int status, const QByteArray& body, const QString&) {
                 m_round.roomOk = status == 200;
                 if (m_round.roomOk)
                     m_round.room = QJsonDocument::fromJson(body).object();
                 finishRound();
             });
    }
    if (m_event != 0 && !m_perEventSeries)
        requestEventSales();
    if (!m_devicesMissing && !m_token.isEmpty()) {
        ++m_pending;
        send(get(QStringLiteral("/api/devices")), [this](int status, const QByteArray& body, const QString&) {
            bool ok = false;
            if (status == 200) {
                std::vector<DeviceStatus> devices = parseDevices(body, QDateTime::currentMSecsSinceEpoch(), &ok);
                if (ok)
                    m_round.devices = std::move(devices);
            } else if (status == 404 || status == 405) {
                m_devicesMissing = true; // this usherd has no device list
            }
            finishRound();
        });
    }
}

void UsherdMetricsFeed::requestEventSales()
{
    // The seats (public; 304 when nothing changed since the last round).
    ++m_pending;
    m_round.availabilityAsked = true;
    QNetworkReply* reply = nullptr;
    {
        QUrl url = m_base;
        url.setPath(QStringLiteral("/api/events/%1/availability").arg(m_event));
        QNetworkRequest request(url);
        request.setTransferTimeout(kRequestTimeoutMs);
        if (!m_availabilityTag.isEmpty() && m_sales.hasAvailability())
            request.setRawHeader("If-None-Match", m_availabilityTag);
        reply = m_network->get(request);
    }
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200) {
            m_round.availability = reply->readAll();
            m_availabilityTag = reply->rawHeader("ETag");
        }
    });
    send(reply, [this](int, const QByteArray&, const QString&) { finishRound(); });
    if (m_token.isEmpty())
        return; // orders need a staff token
    // The event's next orders, "event-n", all at once; only the contiguous answers count.
    const int probes = m_sales.probes();
    const quint64 first = m_sales.nextOrder();
    m_round.ordersAsked = probes;
    m_round.orders.assign(std::size_t(probes), std::nullopt);
    for (int i = 0; i < probes; ++i) {
        ++m_pending;
        send(get(QStringLiteral("/api/orders/%1-%2").arg(m_event).arg(first + quint64(i))),
             [this, i](int status, const QByteArray& body, const QString&) {
                 if (status == 200 && std::size_t(i) < m_round.orders.size()) {
                     const QJsonObject order = QJsonDocument::fromJson(body).object();
                     const qint64 amount = order.value(QStringLiteral("amount")).toInteger()
                         - order.value(QStringLiteral("refunded")).toInteger();
                     m_round.orders[std::size_t(i)]
                         = std::make_pair(amount, order.value(QStringLiteral("currency")).toString());
                 }
                 finishRound();
             });
    }
}

void UsherdMetricsFeed::finishEventSales(MetricsSample& sample)
{
    if (!m_round.availabilityAsked)
        return;
    if (!m_round.availability.isEmpty())
        m_sales.addAvailability(m_round.availability);
    const bool withOrders = m_round.ordersAsked > 0;
    if (withOrders) {
        std::vector<std::pair<qint64, QString>> found;
        for (const std::optional<std::pair<qint64, QString>>& order : m_round.orders) {
            if (!order)
                break;
            found.push_back(*order);
        }
        m_sales.addOrders(found, m_round.ordersAsked);
    }
    if (!m_sales.hasAvailability())
        return; // no baseline yet: keep the server-wide figures, labelled as such
    m_sales.fill(sample, m_round.atMs, withOrders);
    sample.salesPerEvent = true;
    if (!withOrders)
        sample.scope = tr("this event's seats (sales and revenue need a staff token); 409s and 429s: server-wide");
    else if (m_sales.ordersBehind())
        //: %1 is a number of orders.
        sample.scope = tr("this event (reading its orders: %1 so far); 409s and 429s: server-wide")
                           .arg(QLocale().toString(m_sales.totals().orders));
    else
        sample.scope = tr("this event, from its seats and orders; 409s and 429s: server-wide");
}

void UsherdMetricsFeed::finishRound()
{
    if (--m_pending > 0)
        return;
    MetricsSample sample;
    if (m_round.metricsError.isEmpty()) {
        PrometheusSnapshot scrape = PrometheusSnapshot::parse(m_round.metrics);
        m_sampler.add(m_round.atMs, std::move(scrape));
        sample = m_sampler.sample(m_event);
        m_perEventSeries = sample.salesPerEvent;
        if (!m_perEventSeries)
            finishEventSales(sample);
    } else {
        sample.event = m_event;
        sample.atMs = m_round.atMs;
        //: %1 is the reason, e.g. "Connection refused".
        sample.sourceError = tr("usherd cannot be reached: %1").arg(m_round.metricsError);
    }
    if (m_round.roomOk) {
        const QJsonObject room = m_round.room;
        if (room.value(QStringLiteral("enabled")).toBool() && !sample.paused)
            sample.paused = room.value(QStringLiteral("paused")).toBool();
        if (!sample.drainRateSetting && room.value(QStringLiteral("drainRatePerSecond")).isDouble())
            sample.drainRateSetting = room.value(QStringLiteral("drainRatePerSecond")).toDouble();
        sample.waitingRoom = sample.waitingRoom || room.value(QStringLiteral("enabled")).toBool();
    }
    sample.devices = m_round.devices;
    Q_EMIT sampled(sample);
}

void UsherdMetricsFeed::changeWaitingRoom(const QJsonObject& change)
{
    if (m_event == 0 || m_token.isEmpty()) {
        MetricsFeed::changeWaitingRoom(change);
        return;
    }
    QUrl url = m_base;
    url.setPath(QStringLiteral("/api/events/%1/waiting-room").arg(m_event));
    QNetworkRequest request(url);
    request.setTransferTimeout(kRequestTimeoutMs);
    request.setRawHeader("Authorization", "Bearer " + m_token);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply* reply = m_network->put(request, QJsonDocument(change).toJson(QJsonDocument::Compact));
    send(reply, [this](int status, const QByteArray& body, const QString& error) {
        if (status == 200) {
            Q_EMIT controlFinished(true, tr("usherd applied the change."));
            return;
        }
        Q_EMIT controlFinished(
            false, status == 0 ? tr("usherd cannot be reached: %1").arg(error) : errorMessage(body, status));
    });
}

} // namespace usher::ui
