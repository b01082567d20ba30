#include "syncclient/EventDownload.h"

#include "event/EventSpecJson.h"
#include "runtime/Engine.h"

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
        const qint64 id = value.toObject().value(QLatin1String("id")).toInteger(0);
        if (id <= 0)
            continue;
        if (engine.event(EventId(id)) != nullptr) {
            ++result->existing;
            continue;
        }
        QUrl eventUrl = base;
        eventUrl.setPath(QStringLiteral("/api/events/%1").arg(id));
        QString problem;
        EventSpec spec;
        std::string why;
        if (!get(network, eventUrl, caCertificatesPem, timeoutMs, &body, &problem)) {
            result->refused.push_back(std::to_string(id) + ": " + problem.toStdString());
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
