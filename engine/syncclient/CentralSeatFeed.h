#pragma once

// Central's seat states for the box office: a client of usherd's /ws stream (docs/api/websocket.md)
// that keeps, per subscribed event, the state of every seat as central has it (snapshot, then
// ordered deltas; a gap resubscribes from the last sequence number; a lost connection reconnects
// and resumes). The seat map shows these states for the seats outside this box office's
// allocation, which its own ledger does not know. Qt Core and WebSockets only; lives on the thread
// that creates it.

#include "core/Types.h"
#include "venue/Venue.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <map>
#include <string>

class QWebSocket;

namespace usher {

class CentralSeatFeed final : public QObject {
    Q_OBJECT

public:
    // `url`: ws(s)://host:port/ws.
    explicit CentralSeatFeed(QUrl url, QObject* parent = nullptr);
    ~CentralSeatFeed() override;

    void setCaCertificatesPem(const QByteArray& pem) { m_caPem = pem; }
    void setReconnectMs(int ms) { m_reconnect.setInterval(ms); }
    // Follows `event`; its venue maps seat ids to the snapshot's positions.
    void subscribe(EventId event, VenuePtr venue);
    void start();
    void stop();
    bool isConnected() const;

    // '0' available, '1' held, '2' sold, '3' blocked, by venue seat index; empty before the snapshot.
    const std::string& states(EventId event) const;
    // The state digit of one seat ('?' when unknown).
    char state(EventId event, SeatId seat) const;
    Seq seq(EventId event) const;
    std::uint64_t gaps() const { return m_gaps; }

Q_SIGNALS:
    void connectedChanged(bool connected);
    // A snapshot replaced every state of the event.
    void snapshotReceived(quint64 event, quint64 seq);
    // These seats changed (ids as in the venue).
    void seatsChanged(quint64 event, quint64 seq, const QList<quint32>& seats);
    // A promoter changed the followed event itself on usherd (prices, times...): `revision` is the new one.
    void eventChanged(quint64 event, quint64 revision);

private:
    struct Followed {
        VenuePtr venue;
        std::string states;
        Seq seq = 0;
        bool loaded = false;
    };
    void open();
    void opened();
    void closed();
    void received(const QString& text);
    void sendSubscribe(EventId event);

    const QUrl m_url;
    QByteArray m_caPem;
    QWebSocket* m_socket = nullptr;
    QTimer m_reconnect;
    bool m_running = false;
    bool m_connected = false;
    std::map<EventId, Followed> m_events;
    std::uint64_t m_gaps = 0;
};

} // namespace usher
