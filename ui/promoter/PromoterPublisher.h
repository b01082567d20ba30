#pragma once

// Publishes an event to usherd in three requests, each only after the previous one succeeded:
// POST /api/venues (the venue file), POST /api/events (the event with "venueId" instead of the
// embedded venue; usherd picks the id), PUT /api/events/{id}/waiting-room. A failure stops the chain
// and reports the step with the server's own error message ({"error":{"message":...}}).

#include "event/EventSpec.h"
#include "waitroom/WaitingRoom.h"

#include <QByteArray>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace usher::ui {

class PromoterPublisher final : public QObject {
    Q_OBJECT

public:
    PromoterPublisher(const QUrl& baseUrl, const QString& bearerToken, QObject* parent = nullptr);

    // Starts the chain; finished() follows once. False when one is already running.
    bool publish(const EventSpec& spec, const WaitingRoomConfig& room);
    bool busy() const { return m_step != Step::Idle; }

    // The bodies sent (also for tests).
    static QByteArray eventBody(const EventSpec& spec, qint64 venueId);
    static QByteArray waitingRoomBody(const WaitingRoomConfig& room);
    // "HTTP 400: channels[1].id: duplicate channel id 1" from a reply's status and body.
    static QString errorText(int httpStatus, const QByteArray& body, const QString& networkError);

Q_SIGNALS:
    // ok: the server's event id; otherwise a message naming the failed step.
    void finished(bool ok, qint64 eventId, const QString& message);

private:
    enum class Step { Idle, Venue, Event, WaitingRoom };
    void send(const QByteArray& verb, const QString& path, const QByteArray& body);
    void onReply(QNetworkReply* reply);
    void fail(const QString& message);

    QUrl m_base;
    QString m_token;
    QNetworkAccessManager* m_network = nullptr;
    Step m_step = Step::Idle;
    EventSpec m_spec;
    WaitingRoomConfig m_room;
    qint64 m_eventId = 0;
};

} // namespace usher::ui
