#include "pgstore/PgNotify.h"

#include "core/Assert.h"
#include "pgstore/PgStorage.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <poll.h>

namespace usher {

namespace {

std::string trimmed(const char* text)
{
    std::string s = text ? text : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}

bool parseNumber(std::string_view text, std::uint64_t* out)
{
    if (text.empty())
        return false;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
    return ec == std::errc() && end == text.data() + text.size();
}

int hexDigit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// Lower-case hex; null when malformed.
BatchPtr batchFromHex(std::string_view hex)
{
    if (hex.empty() || hex.size() % 2 != 0)
        return nullptr;
    auto bytes = std::make_shared<BatchBytes>(hex.size() / 2);
    for (std::size_t i = 0; i < bytes->size(); ++i) {
        const int high = hexDigit(hex[2 * i]);
        const int low = hexDigit(hex[2 * i + 1]);
        if (high < 0 || low < 0)
            return nullptr;
        (*bytes)[i] = std::uint8_t(high * 16 + low);
    }
    return bytes;
}

} // namespace

std::vector<std::string> encodeChangePayloads(const std::vector<EventChange>& changes)
{
    std::vector<std::string> payloads;
    std::string current;
    static constexpr char kHex[] = "0123456789abcdef";
    for (const EventChange& change : changes) {
        std::string pair = std::to_string(change.event) + ":" + std::to_string(change.lastSeq);
        if (change.batch != nullptr && !change.batch->empty()
            && pair.size() + 1 + 2 * change.batch->size() <= kNotifyPayloadBytesMax) {
            pair.reserve(pair.size() + 1 + 2 * change.batch->size());
            pair.push_back(':');
            for (const std::uint8_t byte : *change.batch) {
                pair.push_back(kHex[byte >> 4]);
                pair.push_back(kHex[byte & 15]);
            }
        }
        if (!current.empty() && current.size() + 1 + pair.size() > kNotifyPayloadBytesMax) {
            payloads.push_back(std::move(current));
            current.clear();
        }
        if (!current.empty())
            current.push_back(',');
        current += pair;
    }
    if (!current.empty())
        payloads.push_back(std::move(current));
    return payloads;
}

bool decodeChangePayload(std::string_view payload, std::vector<EventChange>* out)
{
    USHER_ASSERT(out != nullptr);
    std::vector<EventChange> changes;
    while (!payload.empty()) {
        const std::size_t comma = payload.find(',');
        const std::string_view pair = payload.substr(0, comma);
        const std::size_t colon = pair.find(':');
        const std::size_t second = colon == std::string_view::npos ? colon : pair.find(':', colon + 1);
        EventChange change;
        if (colon == std::string_view::npos || !parseNumber(pair.substr(0, colon), &change.event)
            || !parseNumber(pair.substr(colon + 1, second == std::string_view::npos ? second : second - colon - 1),
                            &change.lastSeq)
            || change.event == 0)
            return false;
        if (second != std::string_view::npos) {
            change.batch = batchFromHex(pair.substr(second + 1));
            if (change.batch == nullptr)
                return false;
        }
        changes.push_back(change);
        payload = comma == std::string_view::npos ? std::string_view() : payload.substr(comma + 1);
        if (comma != std::string_view::npos && payload.empty())
            return false; // a trailing comma
    }
    if (changes.empty())
        return false;
    out->insert(out->end(), changes.begin(), changes.end());
    return true;
}

PgListener::PgListener(const PgListenerOptions& options)
    : m_options(options)
{
}

PgListener::~PgListener()
{
    disconnect();
}

void PgListener::disconnect()
{
    if (m_conn != nullptr)
        PQfinish(m_conn);
    m_conn = nullptr;
    m_pid = 0;
}

bool PgListener::connect(std::string* error)
{
    USHER_ASSERT(m_conn == nullptr);
    m_conn = PgStorage::open(m_options.conninfo, m_options.applicationName, m_options.connectTimeoutSeconds);
    if (m_conn == nullptr || PQstatus(m_conn) != CONNECTION_OK) {
        *error = "listen: cannot connect: " + (m_conn ? trimmed(PQerrorMessage(m_conn)) : std::string("out of memory"));
        disconnect();
        return false;
    }
    char* channel = PQescapeIdentifier(m_conn, m_options.channel.c_str(), m_options.channel.size());
    if (channel == nullptr) {
        *error = "listen: bad channel name: " + trimmed(PQerrorMessage(m_conn));
        disconnect();
        return false;
    }
    const std::string sql = std::string("LISTEN ") + channel;
    PQfreemem(channel);
    PGresult* result = PQexec(m_conn, sql.c_str());
    const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
    PQclear(result);
    if (!ok) {
        *error = "listen: " + trimmed(PQerrorMessage(m_conn));
        disconnect();
        return false;
    }
    m_pid = PQbackendPID(m_conn);
    return true;
}

PgListener::Wait PgListener::wait(int timeoutMs, std::vector<EventChange>* changes, std::string* error)
{
    USHER_ASSERT(changes != nullptr && error != nullptr && timeoutMs >= 0);
    if (m_conn == nullptr)
        return connect(error) ? Wait::Reconnected : Wait::Down;
    pollfd fd { PQsocket(m_conn), POLLIN, 0 };
    const int ready = ::poll(&fd, 1, timeoutMs);
    if (ready < 0 && errno != EINTR) {
        *error = "listen: poll failed";
        disconnect();
        return Wait::Down;
    }
    if (ready > 0 && (PQconsumeInput(m_conn) == 0 || PQstatus(m_conn) != CONNECTION_OK)) {
        *error = "listen: connection to PostgreSQL lost: " + trimmed(PQerrorMessage(m_conn));
        disconnect();
        return Wait::Down;
    }
    while (PGnotify* notify = PQnotifies(m_conn)) {
        if (m_options.channel == notify->relname)
            decodeChangePayload(notify->extra != nullptr ? std::string_view(notify->extra) : std::string_view(),
                                changes); // a payload that is not ours is ignored
        PQfreemem(notify);
    }
    return Wait::Notified;
}

} // namespace usher
