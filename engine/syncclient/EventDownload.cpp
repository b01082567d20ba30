#include "syncclient/EventDownload.h"

#include "event/EventSpecJson.h"
#include "runtime/Engine.h"
#include "runtime/EventShard.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>

namespace usher {

namespace {

constexpr qint64 kBodyBytesMax = 64 << 20; // a 100,000-seat venue is a few MiB

// lupdate files this namespace's tr() calls under "usher".
QString tr(const char* text)
{
    return QCoreApplication::translate("usher", text);
}

// One GET; the body, or false with *error.
bool get(QNetworkAccessManager& network, const QUrl& url, const QByteArray& caPem, int timeoutMs, QByteArray* body,
         QString* error)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    if (!caPem.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromData(caPem, QSsl::Pem));
        request.setSslConfiguration(tls);
    }
    QNetworkReply* reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kBodyBytesMax)
            reply->abort();
    });
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    *body = reply->readAll();
    const bool ok = reply->error() == QNetworkReply::NoError && status == 200;
    if (!ok)
        //: %1 is a URL, %2 the reason.
        *error = tr("GET %1 failed: %2").arg(url.toString(), reply->errorString());
    reply->deleteLater();
    return ok;
}

} // namespace

namespace {

QUrl eventUrl(const QUrl& base, EventId id)
{
    QUrl url = base;
    url.setPath(QStringLiteral("/api/events/%1").arg(id));
    return url;
}

// Applies a downloaded event to the engine's copy when it is a newer revision. The venue and the
// ticket key stay the engine's (the key is secret and never downloaded; the venue cannot change).
bool updateFrom(Engine& engine, EventId id, const QByteArray& body, bool* updated, std::string* why)
{
    *updated = false;
    EventShard* shard = engine.event(id);
    EventSpec spec;
    if (shard == nullptr || !eventSpecFromJson(body, &spec, why))
        return false;
    if (spec.id != id) {
        *why = "another event's id";
        return false;
    }
    const EventSpec& mine = shard->spec();
    if (spec.revision <= mine.revision)
        return true; // this one is as new, or newer (usherd answered from before the change)
    if (spec.venue == nullptr || !spec.venue->sameContent(*mine.venue)) {
        *why = "usherd has another venue for it";
        return false;
    }
    spec.venue = mine.venue;
    spec.ticketKey = mine.ticketKey;
    // The engine counts its own revisions, one per change: usherd's may be ahead (changed twice
    // while this box office was offline), and the next check then downloads the event again and
    // finds nothing new to apply. Only the terms matter.
    const std::uint32_t before = mine.revision;
    if (const Status s = engine.updateEventSpec(id, std::move(spec), why); s != Status::Ok) {
        if (why->empty())
            *why = statusName(s);
        return false;
    }
    *updated = shard->spec().revision != before;
    return true;
}

} // namespace

bool refreshEvent(const QUrl& base, Engine& engine, EventId id, bool* updated, QString* error,
                  const QByteArray& caCertificatesPem, int timeoutMs)
{
    *updated = false;
    QNetworkAccessManager network;
    QByteArray body;
    if (!get(network, eventUrl(base, id), caCertificatesPem, timeoutMs, &body, error))
        return false;
    std::string why;
    if (!updateFrom(engine, id, body, updated, &why)) {
        //: %1 is an event id, %2 the reason.
        *error = tr("Event %1 could not be updated: %2").arg(id).arg(QString::fromStdString(why));
        return false;
    }
    return true;
}

bool downloadEvents(const QUrl& base, Engine& engine, EventDownloadResult* result, QString* error,
                    const QByteArray& caCertificatesPem, int timeoutMs)
{
    QNetworkAccessManager network;
    QUrl listUrl = base;
    listUrl.setPath(QStringLiteral("/api/events"));
    QByteArray body;
    if (!get(network, listUrl, caCertificatesPem, timeoutMs, &body, error))
        return false;
    const QJsonValue events = QJsonDocument::fromJson(body).object().value(QLatin1String("events"));
    if (!events.isArray()) {
        //: %1 is a URL.
        *error = tr("%1 did not answer a list of events.").arg(listUrl.toString());
        return false;
    }
    for (const QJsonValue& value : events.toArray()) {
        const QJsonObject summary = value.toObject();
        const qint64 id = summary.value(QLatin1String("id")).toInteger(0);
        if (id <= 0)
            continue;
        const EventShard* shard = engine.event(EventId(id));
        // A list with revisions tells which events changed; without, each event itself does.
        const QJsonValue revision = summary.value(QLatin1String("revision"));
        if (shard != nullptr && revision.isDouble() && revision.toInteger() <= qint64(shard->spec().revision)) {
            ++result->existing;
            continue;
        }
        QString problem;
        EventSpec spec;
        std::string why;
        if (!get(network, eventUrl(base, EventId(id)), caCertificatesPem, timeoutMs, &body, &problem)) {
            result->refused.push_back(std::to_string(id) + ": " + problem.toStdString());
            continue;
        }
        if (shard != nullptr) {
            bool updated = false;
            if (!updateFrom(engine, EventId(id), body, &updated, &why))
                result->refused.push_back(std::to_string(id) + ": " + why);
            else
                ++(updated ? result->updated : result->existing);
            continue;
        }
        if (!eventSpecFromJson(body, &spec, &why) || EventId(id) != spec.id
            || engine.createEvent(std::move(spec), &why) != Status::Ok) {
            result->refused.push_back(std::to_string(id) + ": " + why);
            continue;
        }
        ++result->created;
    }
    return true;
}

} // namespace usher
