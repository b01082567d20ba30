#include "net/WaitingRoomAudit.h"

#include "core/QtText.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace usher::net {

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

bool writeAll(int fd, const std::string& bytes)
{
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += std::size_t(n);
    }
    return true;
}

} // namespace

std::string WaitingRoomAudit::lineOf(const WaitingRoomChange& c)
{
    QJsonObject o;
    o.insert(QStringLiteral("seq"), qint64(c.seq));
    o.insert(QStringLiteral("at"), qint64(c.at));
    o.insert(QStringLiteral("event"), qint64(c.event));
    o.insert(QStringLiteral("actorRole"), qs(c.actorRole));
    o.insert(QStringLiteral("actorId"), qint64(c.actorId));
    o.insert(QStringLiteral("actorName"), qs(c.actorName));
    o.insert(QStringLiteral("remote"), qs(c.remote));
    // The change as sent: the object itself when it is JSON, else the text.
    const QJsonDocument body = QJsonDocument::fromJson(QByteArray::fromStdString(c.change));
    if (body.isObject())
        o.insert(QStringLiteral("change"), body.object());
    else
        o.insert(QStringLiteral("change"), toQString(c.change));
    o.insert(QStringLiteral("status"), c.status);
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

bool WaitingRoomAudit::parseLine(const std::string& line, WaitingRoomChange* c)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(line), &error);
    if (!document.isObject())
        return false;
    const QJsonObject o = document.object();
    const qint64 seq = o.value(QStringLiteral("seq")).toInteger(-1);
    if (seq <= 0 || !o.value(QStringLiteral("event")).isDouble())
        return false;
    c->seq = std::uint64_t(seq);
    c->at = o.value(QStringLiteral("at")).toInteger();
    c->event = std::uint64_t(o.value(QStringLiteral("event")).toInteger());
    c->actorRole = o.value(QStringLiteral("actorRole")).toString().toStdString();
    c->actorId = std::uint64_t(o.value(QStringLiteral("actorId")).toInteger());
    c->actorName = o.value(QStringLiteral("actorName")).toString().toStdString();
    c->remote = o.value(QStringLiteral("remote")).toString().toStdString();
    const QJsonValue change = o.value(QStringLiteral("change"));
    c->change = change.isObject() ? QJsonDocument(change.toObject()).toJson(QJsonDocument::Compact).toStdString()
                                  : change.toString().toStdString();
    c->status = o.value(QStringLiteral("status")).toInt();
    return true;
}

std::string WaitingRoomAudit::pageJson(const std::vector<WaitingRoomChange>& changes, std::uint64_t last)
{
    std::string out = "{\"changes\":[";
    for (std::size_t i = 0; i < changes.size(); ++i) {
        if (i != 0)
            out += ',';
        out += lineOf(changes[i]);
    }
    out += "],\"last\":" + std::to_string(last) + "}";
    return out;
}

std::unique_ptr<WaitingRoomAudit> WaitingRoomAudit::open(const std::string& path, std::string* error)
{
    std::unique_ptr<WaitingRoomAudit> audit(new WaitingRoomAudit);
    audit->m_path = path;
    if (path.empty())
        return audit;
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0640);
    if (fd < 0) {
        *error = path + ": " + std::strerror(errno);
        return nullptr;
    }
    audit->m_fd = fd;
    // Read it back; keep the length of the whole lines, cut a torn last one.
    std::string bytes;
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *error = path + ": " + std::strerror(errno);
            return nullptr;
        }
        if (n == 0)
            break;
        bytes.append(buffer, std::size_t(n));
    }
    std::size_t start = 0;
    std::size_t good = 0;
    while (start < bytes.size()) {
        const std::size_t end = bytes.find('\n', start);
        if (end == std::string::npos)
            break; // torn: never acknowledged
        WaitingRoomChange change;
        if (parseLine(bytes.substr(start, end - start), &change) && change.seq > audit->lastSeqLocked())
            audit->m_changes.push_back(std::move(change));
        start = end + 1;
        good = start;
    }
    if (good != bytes.size() && ::ftruncate(fd, off_t(good)) != 0) {
        *error = path + ": " + std::strerror(errno);
        return nullptr;
    }
    if (::lseek(fd, 0, SEEK_END) < 0) {
        *error = path + ": " + std::strerror(errno);
        return nullptr;
    }
    return audit;
}

WaitingRoomAudit::~WaitingRoomAudit()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

std::uint64_t WaitingRoomAudit::lastSeqLocked() const
{
    return m_changes.empty() ? 0 : m_changes.back().seq;
}

std::uint64_t WaitingRoomAudit::lastSeq() const
{
    std::lock_guard lock(m_mutex);
    return lastSeqLocked();
}

bool WaitingRoomAudit::append(WaitingRoomChange change, std::string* error)
{
    std::lock_guard lock(m_mutex);
    if (change.change.size() > changeBytesMax)
        change.change.resize(changeBytesMax);
    change.seq = lastSeqLocked() + 1;
    const std::string line = lineOf(change) + '\n';
    m_changes.push_back(std::move(change));
    if (m_fd < 0)
        return true;
    const off_t before = ::lseek(m_fd, 0, SEEK_END);
    if (before < 0 || !writeAll(m_fd, line) || ::fdatasync(m_fd) != 0) {
        *error = m_path + ": " + std::strerror(errno);
        // No half line for the next change to run into.
        if (before >= 0 && ::ftruncate(m_fd, before) == 0)
            ::lseek(m_fd, before, SEEK_SET);
        return false;
    }
    return true;
}

std::vector<WaitingRoomChange> WaitingRoomAudit::after(std::uint64_t after, std::uint64_t event, std::size_t limit,
                                                       std::uint64_t* last) const
{
    std::lock_guard lock(m_mutex);
    limit = std::min(limit, pageMax);
    std::vector<WaitingRoomChange> out;
    *last = std::max(after, lastSeqLocked());
    auto it = std::upper_bound(m_changes.begin(), m_changes.end(), after,
                               [](std::uint64_t seq, const WaitingRoomChange& c) { return seq < c.seq; });
    for (; it != m_changes.end(); ++it) {
        if (event != 0 && it->event != event)
            continue;
        if (out.size() == limit) {
            *last = out.back().seq; // more to come: the next page starts after this one
            break;
        }
        out.push_back(*it);
    }
    return out;
}

} // namespace usher::net
