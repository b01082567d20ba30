#include "syncclient/CentralSeatFeed.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QWebSocket>

namespace usher {

namespace {

const std::string kEmpty;

QString compact(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

CentralSeatFeed::CentralSeatFeed(QUrl url, QObject* parent)
    : QObject(parent)
    , m_url(std::move(url))
{
    m_reconnect.setSingleShot(true);
    m_reconnect.setInterval(500);
    connect(&m_reconnect, &QTimer::timeout, this, &CentralSeatFeed::open);
}

CentralSeatFeed::~CentralSeatFeed()
{
    stop();
}

void CentralSeatFeed::subscribe(EventId event, VenuePtr venue)
{
    Followed& f = m_events[event];
    f.venue = std::move(venue);
    if (m_connected)
        sendSubscribe(event);
}

void CentralSeatFeed::start()
{
    m_running = true;
    if (m_socket == nullptr)
        open();
}

void CentralSeatFeed::stop()
{
    m_running = false;
    m_reconnect.stop();
    if (m_socket != nullptr) {
        QWebSocket* socket = std::exchange(m_socket, nullptr);
        disconnect(socket, nullptr, this, nullptr);
        socket->abort();
        socket->deleteLater();
    }
    if (m_connected) {
        m_connected = false;
        Q_EMIT connectedChanged(false);
    }
}

bool CentralSeatFeed::isConnected() const
{
    return m_connected;
}

void CentralSeatFeed::open()
{
    if (!m_running)
        return;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    if (!m_caPem.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromData(m_caPem, QSsl::Pem));
        m_socket->setSslConfiguration(tls);
    }
    connect(m_socket, &QWebSocket::connected, this, &CentralSeatFeed::opened);
    connect(m_socket, &QWebSocket::disconnected, this, &CentralSeatFeed::closed);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &CentralSeatFeed::received);
    m_socket->open(m_url);
}

void CentralSeatFeed::opened()
{
    m_connected = true;
    Q_EMIT connectedChanged(true);
    for (const auto& [event, followed] : m_events)
        sendSubscribe(event);
}

void CentralSeatFeed::closed()
{
    if (m_socket != nullptr) {
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    if (m_connected) {
        m_connected = false;
        Q_EMIT connectedChanged(false);
    }
    if (m_running)
        m_reconnect.start();
}

void CentralSeatFeed::sendSubscribe(EventId event)
{
    const Followed& f = m_events[event];
    QJsonObject o { { QStringLiteral("type"), QStringLiteral("subscribe") },
                    { QStringLiteral("event"), qint64(event) } };
    if (f.loaded)
        o.insert(QStringLiteral("fromSeq"), qint64(f.seq));
    m_socket->sendTextMessage(compact(o));
}

void CentralSeatFeed::received(const QString& text)
{
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = o.value(QLatin1String("type")).toString();
    const EventId event = EventId(o.value(QLatin1String("event")).toInteger());
    auto it = m_events.find(event);
    if (it == m_events.end())
        return; // hello, pong, errors, events nobody follows
    Followed& f = it->second;
    if (type == QLatin1String("event")) {
        const qint64 revision = o.value(QLatin1String("revision")).toInteger(-1);
        if (revision >= 0)
            Q_EMIT eventChanged(event, quint64(revision));
        return;
    }
    const Seq seq = Seq(o.value(QLatin1String("seq")).toInteger());
    if (type == QLatin1String("snapshot")) {
        f.states = o.value(QLatin1String("seats")).toString().toStdString();
        f.seq = seq;
        f.loaded = true;
        Q_EMIT snapshotReceived(event, seq);
    } else if (type == QLatin1String("delta")) {
        if (!f.loaded || Seq(o.value(QLatin1String("prevSeq")).toInteger()) != f.seq) {
            ++m_gaps; // missed something: resume from what we have
            sendSubscribe(event);
            return;
        }
        QList<quint32> changed;
        for (const QJsonValue& pair : o.value(QLatin1String("seats")).toArray()) {
            const QJsonArray a = pair.toArray();
            const SeatId seat = SeatId(a.at(0).toInteger());
            const int state = int(a.at(1).toInteger());
            changed.push_back(seat);
            const SeatIndex index = f.venue ? f.venue->seatIndex(seat) : kNoSeat;
            if (index != kNoSeat && index < f.states.size() && state >= 0 && state <= 9)
                f.states[index] = char('0' + state);
        }
        f.seq = seq;
        if (!changed.isEmpty())
            Q_EMIT seatsChanged(event, seq, changed);
    }
}

const std::string& CentralSeatFeed::states(EventId event) const
{
    auto it = m_events.find(event);
    return it == m_events.end() ? kEmpty : it->second.states;
}

char CentralSeatFeed::state(EventId event, SeatId seat) const
{
    auto it = m_events.find(event);
    if (it == m_events.end() || !it->second.venue)
        return '?';
    const SeatIndex index = it->second.venue->seatIndex(seat);
    return index != kNoSeat && index < it->second.states.size() ? it->second.states[index] : '?';
}

Seq CentralSeatFeed::seq(EventId event) const
{
    auto it = m_events.find(event);
    return it == m_events.end() ? 0 : it->second.seq;
}

} // namespace usher
