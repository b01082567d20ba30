#include "promoter/PromoterPublisher.h"

#include "event/EventSpecJson.h"
#include "venue/VenueJson.h"

#include <QDateTime>

#include <algorithm>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace usher::ui {

namespace {
constexpr int kTimeoutMs = 30'000;
constexpr qint64 kReplyBytesMax = 1 << 20;
} // namespace

PromoterPublisher::PromoterPublisher(const QUrl& baseUrl, const QString& bearerToken, QObject* parent)
    : QObject(parent)
    , m_base(baseUrl)
    , m_token(bearerToken)
    , m_network(new QNetworkAccessManager(this))
{
    connect(m_network, &QNetworkAccessManager::finished, this, &PromoterPublisher::onReply);
}

bool PromoterPublisher::publish(const EventSpec& spec, const WaitingRoomConfig& room, qint64 existingEventId)
{
    if (busy() || spec.venue == nullptr)
        return false;
    m_spec = spec;
    m_room = room;
    m_eventId = std::max<qint64>(0, existingEventId);
    m_changing = m_eventId > 0;
    if (m_changing) {
        m_step = Step::Patch;
        send("PATCH", QStringLiteral("/api/events/%1").arg(m_eventId), patchBody(spec));
        return true;
    }
    m_step = Step::Venue;
    send("POST", QStringLiteral("/api/venues"), venueToJson(*spec.venue, VenueJsonStyle::Compact));
    return true;
}

QByteArray PromoterPublisher::eventBody(const EventSpec& spec, qint64 venueId)
{
    QJsonObject event = QJsonDocument::fromJson(eventSpecToJson(spec)).object();
    event.remove(QStringLiteral("venue"));
    event.remove(QStringLiteral("id")); // usherd picks the next free id
    event.remove(QStringLiteral("revision"));
    event.remove(QStringLiteral("ticketsPerOrderPeak"));
    event.insert(QStringLiteral("venueId"), venueId);
    return QJsonDocument(event).toJson(QJsonDocument::Compact);
}

QByteArray PromoterPublisher::patchBody(const EventSpec& spec)
{
    // What PATCH /api/events/{id} accepts; anything else (venue, id, ticketKey...) it refuses.
    static const char* const kChangeable[] = { "name",     "performer",       "genre",       "city",
                                               "startsAt", "timeZone",        "priceTypes",  "prices",
                                               "channels", "holdSeconds",     "currency",    "holdLifetimeSecondsMax",
                                               "paymentSecondsMax", "ticketsPerOrderMax" };
    const QJsonObject event = QJsonDocument::fromJson(eventSpecToJson(spec)).object();
    QJsonObject patch;
    for (const char* field : kChangeable) {
        const QString key = QString::fromLatin1(field);
        if (event.contains(key) && !event.value(key).isNull())
            patch.insert(key, event.value(key));
    }
    return QJsonDocument(patch).toJson(QJsonDocument::Compact);
}

QByteArray PromoterPublisher::waitingRoomBody(const WaitingRoomConfig& room)
{
    QJsonObject o;
    o.insert(QStringLiteral("enabled"), room.enabled);
    o.insert(QStringLiteral("onsaleAt"), QDateTime::fromMSecsSinceEpoch(room.onsaleAt, Qt::UTC).toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("drainRatePerSecond"), room.drainRatePerSecond);
    o.insert(QStringLiteral("batchIntervalMs"), qint64(room.batchIntervalMs));
    o.insert(QStringLiteral("activeAdmittedMax"), qint64(room.activeAdmittedMax));
    o.insert(QStringLiteral("heartbeatIntervalMs"), qint64(room.heartbeatIntervalMs));
    o.insert(QStringLiteral("queueTtlMs"), qint64(room.queueTtlMs));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString PromoterPublisher::errorText(int httpStatus, const QByteArray& body, const QString& networkError)
{
    const QJsonObject error = QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject();
    QString message = error.value(QStringLiteral("message")).toString();
    if (message.isEmpty())
        message = QString::fromUtf8(body.left(300)).trimmed();
    if (message.isEmpty())
        message = networkError;
    return httpStatus > 0 ? tr("HTTP %1: %2").arg(httpStatus).arg(message) : message;
}

void PromoterPublisher::send(const QByteArray& verb, const QString& path, const QByteArray& body)
{
    QUrl url = m_base;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(kTimeoutMs);
    m_network->sendCustomRequest(request, verb, body);
}

void PromoterPublisher::onReply(QNetworkReply* reply)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->read(kReplyBytesMax);
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    const bool ok = reply->error() == QNetworkReply::NoError && status >= 200 && status < 300;
    switch (m_step) {
    case Step::Idle: return;
    case Step::Venue: {
        const qint64 venueId = answer.value(QStringLiteral("venueId")).toInteger();
        if (!ok || venueId <= 0)
            return fail(tr("Storing the venue failed: %1").arg(errorText(status, body, reply->errorString())));
        m_step = Step::Event;
        send("POST", QStringLiteral("/api/events"), eventBody(m_spec, venueId));
        return;
    }
    case Step::Patch:
        if (status == 404) {
            // usherd no longer has it (a new data directory?): publish it as a new event.
            m_eventId = 0;
            m_changing = false;
            m_step = Step::Venue;
            send("POST", QStringLiteral("/api/venues"), venueToJson(*m_spec.venue, VenueJsonStyle::Compact));
            return;
        }
        if (!ok)
            return fail(tr("Changing event %1 on usherd failed: %2").arg(m_eventId).arg(errorText(status, body, reply->errorString())));
        m_step = Step::WaitingRoom;
        send("PUT", QStringLiteral("/api/events/%1/waiting-room").arg(m_eventId), waitingRoomBody(m_room));
        return;
    case Step::Event:
        m_eventId = answer.value(QStringLiteral("id")).toInteger();
        if (!ok || m_eventId <= 0)
            return fail(tr("Creating the event failed: %1").arg(errorText(status, body, reply->errorString())));
        m_step = Step::WaitingRoom;
        send("PUT", QStringLiteral("/api/events/%1/waiting-room").arg(m_eventId), waitingRoomBody(m_room));
        return;
    case Step::WaitingRoom:
        if (!ok)
            return fail((m_changing ? tr("Event %1 was changed, but setting its waiting room failed: %2")
                                    : tr("Event %1 was created, but setting its waiting room failed: %2"))
                            .arg(m_eventId)
                            .arg(errorText(status, body, reply->errorString())));
        m_step = Step::Idle;
        Q_EMIT finished(true, m_eventId,
                        m_changing ? tr("Published the changes to event %1 on usherd.").arg(m_eventId)
                                   : tr("Published as event %1 on usherd.").arg(m_eventId));
        return;
    }
}

void PromoterPublisher::fail(const QString& message)
{
    m_step = Step::Idle;
    Q_EMIT finished(false, m_eventId, message);
}

} // namespace usher::ui
