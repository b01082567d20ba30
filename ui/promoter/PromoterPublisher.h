#pragma once

// Publishes an event to usherd in three requests, each only after the previous one succeeded:
// POST /api/venues (the venue file), POST /api/events (the event with "venueId" instead of the
// embedded venue; usherd picks the id), PUT /api/events/{id}/waiting-room. A failure stops the chain
// and reports the step with the server's own error message ({"error":{"message":...}}).
// An event usherd already has (its id given) is changed instead: PATCH /api/events/{id} with the
// members usherd lets change (a JSON merge patch; the venue stays), then the waiting room's PUT.

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
    // `existingEventId` > 0: usherd's id of the event, which is changed rather than created.
    bool publish(const EventSpec& spec, const WaitingRoomConfig& room, qint64 existingEventId = 0);
    bool busy() const { return m_step != Step::Idle; }

    // The bodies sent (also for tests).
    static QByteArray eventBody(const EventSpec& spec, qint64 venueId);
    // The PATCH body: the changeable members of the event file form (see docs/api/openapi.yaml).
    static QByteArray patchBody(const EventSpec& spec);
    static QByteArray waitingRoomBody(const WaitingRoomConfig& room);
    // "HTTP 400: channels[1].id: duplicate channel id 1" from a reply's status and body.
    static QString errorText(int httpStatus, const QByteArray& body, const QString& networkError);

Q_SIGNALS:
    // ok: the server's event id; otherwise a message naming the failed step (eventId > 0 when the
    // event exists on usherd all the same, e.g. created but its waiting room refused).
    void finished(bool ok, qint64 eventId, const QString& message);

private:
    enum class Step { Idle, Venue, Event, Patch, WaitingRoom };
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
    bool m_changing = false; // PATCH of an event usherd has, not a new one
};

} // namespace usher::ui
