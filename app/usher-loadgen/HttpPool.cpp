#include "HttpPool.h"

#include <QTcpSocket>
#include <QTimer>

namespace usher::loadgen {

struct HttpPool::Connection {
    std::unique_ptr<QTcpSocket> socket;
    bool connected = false;
    bool busy = false;
    HttpCall call;
    QByteArray in;
};

HttpPool::HttpPool(const QHostAddress& host, quint16 port, int connections, std::size_t lowQueueMax, Done done)
    : m_host(host)
    , m_port(port)
    , m_lowQueueMax(lowQueueMax)
    , m_done(std::move(done))
{
    for (int i = 0; i < connections; ++i) {
        m_connections.push_back(std::make_unique<Connection>());
        connect(*m_connections.back());
    }
}

HttpPool::~HttpPool()
{
    for (auto& c : m_connections)
        if (c->socket) {
            c->socket->disconnect();
            c->socket->abort();
        }
}

void HttpPool::connect(Connection& c)
{
    if (c.socket) {
        c.socket->disconnect();
        c.socket->abort();
        c.socket.release()->deleteLater(); // we may be inside one of its signals
    }
    c.connected = false;
    c.in.clear();
    c.socket = std::make_unique<QTcpSocket>();
    QTcpSocket* socket = c.socket.get();
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    QObject::connect(socket, &QTcpSocket::connected, socket, [this, &c] {
        c.connected = true;
        if (c.busy)
            write(c);
        else
            pump();
    });
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, &c] { readable(c); });
    QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, &c] { lost(c); });
    QObject::connect(socket, &QTcpSocket::errorOccurred, socket, [this, &c](QAbstractSocket::SocketError) {
        if (c.socket && c.socket->state() != QAbstractSocket::ConnectedState)
            lost(c);
    });
    socket->connectToHost(m_host, m_port);
}

void HttpPool::send(HttpCall call, Priority priority)
{
    if (priority == Priority::Low && m_low.size() >= m_lowQueueMax) {
        ++m_shed;
        m_done(call, HttpAnswer { -1, {} });
        return;
    }
    (priority == Priority::High ? m_high : m_low).push_back(std::move(call));
    pump();
}

void HttpPool::pump()
{
    for (auto& c : m_connections) {
        if (m_high.empty() && m_low.empty())
            return;
        if (c->busy || !c->connected)
            continue;
        std::deque<HttpCall>& from = m_high.empty() ? m_low : m_high;
        c->call = std::move(from.front());
        from.pop_front();
        c->busy = true;
        ++m_busy;
        write(*c);
    }
}

void HttpPool::write(Connection& c)
{
    const HttpCall& call = c.call;
    QByteArray text;
    text.reserve(160 + call.headers.size() + call.body.size());
    text += call.method + ' ' + call.path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + call.headers;
    if (!call.body.isEmpty() || call.method == "POST" || call.method == "PUT")
        text += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(call.body.size()) + "\r\n";
    text += "\r\n";
    text += call.body;
    ++m_requests;
    c.socket->write(text);
}

void HttpPool::readable(Connection& c)
{
    c.in += c.socket->readAll();
    if (!c.busy) {
        c.in.clear(); // nothing was asked: ignore (a 408 or similar before a close)
        return;
    }
    const qsizetype end = c.in.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    HttpAnswer answer;
    const qsizetype lineEnd = c.in.indexOf("\r\n");
    const qsizetype space = c.in.indexOf(' ');
    answer.status = space > 0 && space < lineEnd ? c.in.mid(space + 1, 3).toInt() : 0;
    qsizetype length = 0;
    bool closeAfter = false;
    for (qsizetype at = lineEnd + 2; at < end;) {
        qsizetype next = c.in.indexOf("\r\n", at);
        if (next < 0 || next > end)
            next = end;
        const QByteArray line = c.in.mid(at, next - at);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0) {
            const QByteArray name = line.left(colon).trimmed().toLower();
            if (name == "content-length")
                length = line.mid(colon + 1).trimmed().toLongLong();
            else if (name == "connection" && line.mid(colon + 1).trimmed().toLower() == "close")
                closeAfter = true;
        }
        at = next + 2;
    }
    if (c.in.size() < end + 4 + length)
        return;
    answer.body = c.in.mid(end + 4, length);
    c.in.remove(0, end + 4 + length);
    finish(c, std::move(answer), closeAfter);
}

void HttpPool::finish(Connection& c, HttpAnswer&& answer, bool closeAfter)
{
    const HttpCall call = std::move(c.call);
    c.busy = false;
    --m_busy;
    if (closeAfter)
        connect(c);
    m_done(call, std::move(answer));
    pump();
}

void HttpPool::lost(Connection& c)
{
    const bool wasBusy = c.busy;
    HttpCall call = std::move(c.call);
    if (wasBusy) {
        c.busy = false;
        --m_busy;
    }
    ++m_reconnects;
    if (c.connected) {
        connect(c);
    } else { // refused: do not spin, try again shortly
        c.socket->disconnect();
        c.socket.release()->deleteLater();
        QTimer::singleShot(100, &m_context, [this, &c] { connect(c); });
    }
    if (!wasBusy)
        return;
    if (call.resends < 2) {
        ++call.resends;
        m_high.push_front(std::move(call));
        return;
    }
    m_done(call, HttpAnswer { 0, {} });
}

} // namespace usher::loadgen
