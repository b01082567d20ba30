#include "net/SyncEndpoint.h"

#include "core/Assert.h"
#include "core/QtText.h"
#include "net/Log.h"
#include "net/Metrics.h"
#include "net/TokenStore.h"
#include "runtime/Clock.h"
#include "runtime/Engine.h"
#include "sync/SyncLedger.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <chrono>
#include <set>

namespace usher::net {

namespace {

// A JSON string literal (quotes included) of `text`.
std::string jsonText(std::string_view text)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray { toQString(text) })
                                 .toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1)
        .toStdString();
}

// A Prometheus label value: backslash, quote and newline escaped.
std::string labelValue(std::string_view text)
{
    std::string out;
    for (char c : text) {
        if (c == '\\' || c == '"')
            out += '\\', out += c;
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

std::string seatList(const std::vector<SeatId>& seats)
{
    std::string out = "[";
    for (std::size_t i = 0; i < seats.size(); ++i)
        out += (i ? "," : "") + std::to_string(seats[i]);
    return out + "]";
}

const char* pushStateName(SyncPushKind kind, SyncPushState state)
{
    switch (state) {
    case SyncPushState::Intent: return "intent";
    case SyncPushState::Ready:
        return kind == SyncPushKind::TakeBack || kind == SyncPushKind::TakeBackArea ? "pending" : "ready";
    case SyncPushState::Refused: return "refused";
    case SyncPushState::Completed: return "completed";
    case SyncPushState::Failed: return "failed";
    }
    return "unknown";
}

std::string pushBody(const SyncPushRecord& p)
{
    std::string body = "{\"id\":" + std::to_string(p.id) + ",\"device\":" + jsonText(p.device)
        + ",\"event\":" + std::to_string(p.event) + ",\"kind\":\"" + syncPushKindName(p.kind) + "\",\"state\":\""
        + pushStateName(p.kind, p.state) + "\",\"seq\":" + std::to_string(p.seq);
    if (syncPushIsArea(p.kind))
        body += ",\"area\":" + std::to_string(p.area) + ",\"quantity\":" + std::to_string(p.quantity);
    else
        body += ",\"seats\":" + seatList(p.seats);
    if (p.kind == SyncPushKind::TakeBack)
        body += ",\"released\":" + seatList(p.released) + ",\"kept\":" + seatList(p.kept);
    if (p.kind == SyncPushKind::TakeBackArea)
        body += ",\"released\":" + std::to_string(p.releasedQuantity);
    return body + "}";
}

bool parseSeats(const QJsonValue& value, std::vector<SeatId>* seats)
{
    if (!value.isArray())
        return false;
    const QJsonArray array = value.toArray();
    if (array.isEmpty() || std::size_t(array.size()) > kSyncSeatsPerPushMax)
        return false;
    for (const QJsonValue& v : array) {
        const double d = v.toDouble(-1);
        if (d < 1 || d > 0xffffffffu || d != double(std::uint64_t(d)))
            return false;
        seats->push_back(SeatId(d));
    }
    return std::set<SeatId>(seats->begin(), seats->end()).size() == seats->size();
}

// {"area":A,"quantity":N}, both integers from 1 to 4294967295.
bool parseAreaQuantity(const QJsonValue& value, AreaId* area, std::uint32_t* quantity)
{
    const QJsonObject object = value.toObject();
    if (!value.isObject() || object.size() != 2)
        return false;
    const double a = object.value(QLatin1String("area")).toDouble(-1);
    const double q = object.value(QLatin1String("quantity")).toDouble(-1);
    const auto valid = [](double d) { return d >= 1 && d <= 0xffffffffu && d == double(std::uint64_t(d)); };
    if (!valid(a) || !valid(q))
        return false;
    *area = AreaId(a);
    *quantity = std::uint32_t(q);
    return true;
}

} // namespace

SyncEndpoint::SyncEndpoint(const SyncEndpointOptions& options, Engine& engine, TokenStore& tokens)
    : m_options(options)
    , m_engine(engine)
    , m_tokens(tokens)
    , m_ledger(std::make_unique<EngineSyncLedger>(engine))
{
}

SyncEndpoint::~SyncEndpoint()
{
    stop();
}

bool SyncEndpoint::start(std::string* error)
{
    SyncCentralOptions options;
    options.storePath = m_options.storePath;
    options.durability = m_options.synchronousFull ? SyncDurability::Full : SyncDurability::Normal;
    m_central = SyncCentral::open(options, *m_ledger, systemClockNow(), error);
    if (!m_central) {
        if (error->find("locked") != std::string::npos)
            *error += " (is another usherd running on this data directory?)";
        return false;
    }
    refreshSnapshot();
    m_thread = std::thread([this] { loop(); });
    return true;
}

void SyncEndpoint::stop()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return;
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    for (auto& [id, socket] : m_sockets)
        socket->close();
    m_sockets.clear();
    std::lock_guard lock(m_mutex);
    m_queue.clear(); // unanswered requests answer 500 through their Reply's destructor
}

bool SyncEndpoint::post(Item&& item)
{
    const std::size_t bytes = item.text.size();
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || (item.kind == Item::Kind::Message && m_queuedBytes + bytes > m_options.queueBytesMax))
            return false;
        m_queuedBytes += bytes;
        m_queue.push_back(std::move(item));
    }
    m_wake.notify_one();
    return true;
}

void SyncEndpoint::opened(const WsConnectionPtr& connection, const HttpRequest&)
{
    Item item;
    item.kind = Item::Kind::Opened;
    item.connection = connection->id();
    item.socket = connection;
    if (!post(std::move(item)))
        connection->close();
}

void SyncEndpoint::message(const WsConnectionPtr& connection, std::string&& text)
{
    Item item;
    item.kind = Item::Kind::Message;
    item.connection = connection->id();
    item.text = std::move(text);
    if (!post(std::move(item))) {
        LogLine(LogLevel::Warn, "sync: too much unapplied input, connection closed")
            .num("connection", std::int64_t(connection->id()));
        connection->close();
    }
}

void SyncEndpoint::closed(const WsConnectionPtr& connection)
{
    Item item;
    item.kind = Item::Kind::Closed;
    item.connection = connection->id();
    post(std::move(item));
}

void SyncEndpoint::loop()
{
    auto nextTick = std::chrono::steady_clock::now();
    for (;;) {
        std::deque<Item> items;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_until(lock, nextTick, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping)
                return;
            items.swap(m_queue);
            m_queuedBytes = 0;
        }
        process(items);
        if (std::chrono::steady_clock::now() >= nextTick) {
            m_central->tick(systemClockNow());
            flush();
            nextTick = std::chrono::steady_clock::now() + std::chrono::milliseconds(m_options.tickMs);
        }
        refreshSnapshot();
    }
}

void SyncEndpoint::process(std::deque<Item>& items)
{
    while (!items.empty()) {
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping)
                return;
        }
        Item& item = items.front();
        switch (item.kind) {
        case Item::Kind::Opened:
            m_sockets[item.connection] = item.socket;
            m_central->opened(item.connection);
            break;
        case Item::Kind::Closed:
            m_central->closed(item.connection);
            m_sockets.erase(item.connection);
            break;
        case Item::Kind::Message: processMessages(items); continue;
        case Item::Kind::Job: item.job(*m_central); break;
        }
        items.pop_front();
        flush();
    }
}

// The consecutive messages of one connection at the front go to SyncCentral together, so that
// the ops of several queued `ops` messages are applied as one batch (one wait for durability).
void SyncEndpoint::processMessages(std::deque<Item>& items)
{
    const SyncConnectionId connection = items.front().connection;
    std::vector<std::string> texts;
    while (!items.empty() && items.front().kind == Item::Kind::Message && items.front().connection == connection
           && texts.size() < m_options.opsMessagesPerBatchMax) {
        texts.push_back(std::move(items.front().text));
        items.pop_front();
    }
    const auto start = std::chrono::steady_clock::now();
    const std::uint64_t appliedBefore = m_central->opsApplied();
    m_central->received(connection, texts, systemClockNow());
    if (m_central->opsApplied() != appliedBefore)
        LogLine(LogLevel::Debug, "sync: ops applied")
            .num("connection", std::int64_t(connection))
            .num("messages", std::int64_t(texts.size()))
            .num("ops", std::int64_t(m_central->opsApplied() - appliedBefore))
            .real("ms", std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    const std::string device = m_central->deviceOf(connection);
    if (!device.empty())
        m_lastSeen[device] = systemClockNow();
    flush();
}

void SyncEndpoint::flush()
{
    for (SyncOutgoing& out : m_central->takeOutgoing()) {
        auto it = m_sockets.find(out.connection);
        if (it == m_sockets.end())
            continue;
        if (!out.text.empty())
            it->second->send(std::make_shared<const std::string>(std::move(out.text)));
        if (out.close) {
            if (m_gracefulClose)
                m_gracefulClose(it->second);
            else
                it->second->close();
        }
    }
}

void SyncEndpoint::refreshSnapshot()
{
    Snapshot s;
    s.devices = m_central->devices();
    s.lastSeen = m_lastSeen;
    s.opsApplied = m_central->opsApplied();
    s.opsRefused = m_central->opsRefused();
    s.invalidMessages = m_central->invalidMessages();
    std::lock_guard lock(m_snapshotMutex);
    m_snapshot = std::move(s);
}

// ---- HTTP routes -----------------------------------------------------------------------------

bool SyncEndpoint::isRoute(const std::vector<std::string_view>& s)
{
    const std::size_t n = s.size();
    if (n < 2 || s[0] != "api")
        return false;
    if (s[1] == "devices")
        return n == 2 || (n == 5 && (s[3] == "pushes" || s[3] == "ops"));
    return s[1] == "events" && n == 5 && s[3] == "allocations";
}

bool SyncEndpoint::authorize(const HttpRequest& request, const ApiReply& reply, std::initializer_list<Role> roles,
                             Principal* principal)
{
    return authorizeBearer(m_tokens, request, reply, roles, principal);
}

void SyncEndpoint::route(const HttpRequest& request, const std::vector<std::string_view>& s, const ApiReply& reply)
{
    const std::string& m = request.method;
    const auto methodNotAllowed
        = [&] { reply.send(errorResponse(405, "method_not_allowed", "method not allowed here")); };
    Principal principal;
    const bool create = s[1] == "devices" && s.size() == 2 && m == "POST";
    if (!authorize(request, reply,
                   create ? std::initializer_list<Role> { Role::Admin }
                          : std::initializer_list<Role> { Role::Promoter, Role::Admin },
                   &principal))
        return;
    if (s[1] == "devices" && s.size() == 2)
        return m == "GET" ? getDevices(reply) : m == "POST" ? postDevice(request, reply) : methodNotAllowed();
    if (s[1] == "devices")
        return m != "GET"      ? methodNotAllowed()
            : s[3] == "pushes" ? getPush(s[2], s[4], reply)
                               : getOp(s[2], s[4], reply);
    return m == "POST" ? postAllocation(request, s[2], s[4], reply) : methodNotAllowed();
}

void SyncEndpoint::postDevice(const HttpRequest& request, const ApiReply& reply)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(request.body));
    const QJsonObject object = document.object();
    const std::string name = object.value(QLatin1String("name")).toString().toStdString();
    const double channel = object.value(QLatin1String("channel")).toDouble(0);
    if (!document.isObject() || name.empty() || name.size() > kSyncTextBytesMax || channel < 1 || channel > 0xffff
        || channel != double(int(channel)))
        return reply.send(errorResponse(400, "invalid_argument",
                                        "expected {\"name\":\"box-1\",\"channel\":N} (a channel id from 1 to 65535)"));
    Item item;
    item.job = [this, name, channel = ChannelId(channel), reply](SyncCentral& central) {
        if (central.device(name) != nullptr)
            return reply.send(errorResponse(409, "device_exists", "device " + name + " is already enrolled"));
        std::string token;
        std::string error;
        if (!m_tokens.createToken(Role::Device, name, &token, &error) || !central.enrol(name, token, channel, &error))
            return reply.send(errorResponse(400, "invalid_argument", error));
        LogLine(LogLevel::Info, "sync: device enrolled").str("device", name).num("channel", channel);
        reply.send(jsonResponse(201,
                                "{\"device\":" + jsonText(name) + ",\"channel\":" + std::to_string(channel)
                                    + ",\"token\":\"" + token + "\"}"));
    };
    if (!post(std::move(item)))
        reply.send(errorResponse(503, "shutting_down", "the server is shutting down"));
}

void SyncEndpoint::getDevices(const ApiReply& reply)
{
    std::string body = "{\"devices\":[";
    {
        std::lock_guard lock(m_snapshotMutex);
        bool first = true;
        for (const SyncDeviceStatus& d : m_snapshot.devices) {
            body += first ? "" : ",";
            first = false;
            auto seen = m_snapshot.lastSeen.find(d.name);
            body += "{\"name\":" + jsonText(d.name) + ",\"channel\":" + std::to_string(d.channel)
                + ",\"connected\":" + (d.connected ? "true" : "false") + ",\"outbox\":" + jsonText(d.outbox)
                + ",\"appliedSeq\":" + std::to_string(d.applied) + ",\"pushSeq\":" + std::to_string(d.pushSeq)
                + ",\"pushAcked\":" + std::to_string(d.pushAcked)
                + ",\"pendingPushes\":" + std::to_string(d.pushSeq - d.pushAcked) + ",\"lastSeen\":"
                + (seen == m_snapshot.lastSeen.end() ? std::string("null") : "\"" + isoTime(seen->second) + "\"") + "}";
        }
    }
    reply.send(jsonResponse(200, body + "]}"));
}

void SyncEndpoint::postAllocation(const HttpRequest& request, std::string_view eventText, std::string_view device,
                                  const ApiReply& reply)
{
    std::uint64_t event = 0;
    if (!parseUnsigned(eventText, &event) || m_engine.event(EventId(event)) == nullptr)
        return reply.send(errorResponse(404, "event_not_found", "no such event"));
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(request.body));
    const QJsonObject object = document.object();
    // Exactly one of the four keys: seats granted or taken back, or GA places of one area.
    enum class Action : std::uint8_t { Grant, TakeBack, GrantArea, TakeBackArea };
    static const char* const kKeys[] = { "grant", "takeBack", "grantArea", "takeBackArea" };
    Action action = Action::Grant;
    int found = 0;
    for (int k = 0; k < 4; ++k)
        if (object.contains(QLatin1String(kKeys[k])))
            action = Action(k), ++found;
    const QJsonValue value = object.value(QLatin1String(kKeys[int(action)]));
    const bool area = action == Action::GrantArea || action == Action::TakeBackArea;
    std::vector<SeatId> seats;
    AreaId areaId = 0;
    std::uint32_t quantity = 0;
    if (!document.isObject() || found != 1 || object.size() != 1
        || !(area ? parseAreaQuantity(value, &areaId, &quantity) : parseSeats(value, &seats)))
        return reply.send(errorResponse(
            400, "invalid_argument",
            "expected {\"grant\":[seat ids]} or {\"takeBack\":[seat ids]}: 1 to 4096 distinct seat ids, or "
            "{\"grantArea\":{\"area\":id,\"quantity\":n}} / {\"takeBackArea\":{\"area\":id,\"quantity\":n}}"));
    Item item;
    item.job = [name = std::string(device), event = EventId(event), action, seats = std::move(seats), areaId, quantity,
                reply](SyncCentral& central) mutable {
        if (central.device(name) == nullptr)
            return reply.send(errorResponse(404, "device_not_found", "no device " + name + " is enrolled"));
        std::uint64_t id = 0;
        const Timestamp now = systemClockNow();
        const bool grant = action == Action::Grant || action == Action::GrantArea;
        Status status = Status::Ok;
        switch (action) {
        case Action::Grant: status = central.grant(name, event, std::move(seats), now, &id); break;
        case Action::TakeBack: status = central.takeBack(name, event, std::move(seats), now, &id); break;
        case Action::GrantArea: status = central.grantArea(name, event, areaId, quantity, now, &id); break;
        case Action::TakeBackArea: status = central.takeBackArea(name, event, areaId, quantity, now, &id); break;
        }
        SyncPushRecord push;
        if (id == 0 || !central.push(id, &push))
            return reply.send(statusResponse(status, grant ? "the grant was refused" : "the take-back was refused"));
        if (status != Status::Ok) {
            HttpResponse response = statusResponse(status, "the grant was refused by the ledger");
            response.body.pop_back(); // ..."}} -> ..."},"push":{...}}
            response.body += ",\"push\":" + pushBody(push) + "}";
            return reply.send(std::move(response));
        }
        static const char* const kLogs[]
            = { "sync: seats granted", "sync: take-back started", "sync: places granted",
                "sync: take-back of places started" };
        {
            LogLine line(LogLevel::Info, kLogs[int(action)]);
            line.str("device", name).num("event", std::int64_t(event));
            if (syncPushIsArea(push.kind))
                line.num("area", std::int64_t(push.area)).num("quantity", std::int64_t(push.quantity));
            else
                line.num("seats", std::int64_t(push.seats.size()));
        }
        reply.send(jsonResponse(201, pushBody(push)));
    };
    if (!post(std::move(item)))
        reply.send(errorResponse(503, "shutting_down", "the server is shutting down"));
}

void SyncEndpoint::getPush(std::string_view device, std::string_view idText, const ApiReply& reply)
{
    std::uint64_t id = 0;
    if (!parseUnsigned(idText, &id))
        return reply.send(errorResponse(404, "push_not_found", "no such grant or take-back"));
    Item item;
    item.job = [name = std::string(device), id, reply](SyncCentral& central) {
        SyncPushRecord push;
        if (!central.push(id, &push) || push.device != name)
            return reply.send(errorResponse(404, "push_not_found", "no such grant or take-back"));
        reply.send(jsonResponse(200, pushBody(push)));
    };
    if (!post(std::move(item)))
        reply.send(errorResponse(503, "shutting_down", "the server is shutting down"));
}

void SyncEndpoint::getOp(std::string_view device, std::string_view opId, const ApiReply& reply)
{
    Item item;
    item.job = [name = std::string(device), opId = std::string(opId), reply](SyncCentral& central) {
        SyncAppliedOp op;
        std::string error;
        if (!central.appliedOp(name, opId, &op, &error))
            return reply.send(error.empty() ? errorResponse(404, "op_not_found", "no such applied operation")
                                            : errorResponse(503, "storage_failed", error));
        std::string body = "{\"seq\":" + std::to_string(op.seq) + ",\"id\":" + jsonText(op.id) + ",\"kind\":\""
            + syncOpKindName(op.kind) + "\",\"status\":" + std::to_string(int(op.status)) + ",\"code\":\""
            + statusName(op.status) + "\",\"order\":" + std::to_string(op.order) + ",\"tickets\":[";
        for (std::size_t i = 0; i < op.tickets.size(); ++i)
            body += (i ? "," : "") + std::to_string(op.tickets[i]);
        reply.send(jsonResponse(200, body + "]}"));
    };
    if (!post(std::move(item)))
        reply.send(errorResponse(503, "shutting_down", "the server is shutting down"));
}

void SyncEndpoint::renderMetrics(std::string& out) const
{
    std::lock_guard lock(m_snapshotMutex);
    const Snapshot& s = m_snapshot;
    const Timestamp now = systemClockNow();
    std::size_t connected = 0;
    for (const SyncDeviceStatus& d : s.devices)
        connected += d.connected ? 1 : 0;
    appendHelp(out, "usherd_sync_devices", "gauge", "box office devices enrolled");
    appendMetric(out, "usherd_sync_devices", "", double(s.devices.size()));
    appendHelp(out, "usherd_sync_devices_connected", "gauge", "box office devices connected to /sync");
    appendMetric(out, "usherd_sync_devices_connected", "", double(connected));
    appendHelp(out, "usherd_sync_ops_applied_total", "counter", "box office operations applied (refusals included)");
    appendMetric(out, "usherd_sync_ops_applied_total", "", double(s.opsApplied));
    appendHelp(out, "usherd_sync_ops_refused_total", "counter", "box office operations central refused");
    appendMetric(out, "usherd_sync_ops_refused_total", "", double(s.opsRefused));
    appendHelp(out, "usherd_sync_invalid_messages_total", "counter", "malformed or unexpected sync messages");
    appendMetric(out, "usherd_sync_invalid_messages_total", "", double(s.invalidMessages));
    appendHelp(out, "usherd_sync_device_applied_seq", "gauge", "the last operation seq applied, per device");
    for (const SyncDeviceStatus& d : s.devices)
        appendMetric(out, "usherd_sync_device_applied_seq", "device=\"" + labelValue(d.name) + "\"", double(d.applied));
    appendHelp(out, "usherd_sync_device_pending_pushes", "gauge", "grants and take-backs not yet acknowledged");
    for (const SyncDeviceStatus& d : s.devices)
        appendMetric(out, "usherd_sync_device_pending_pushes", "device=\"" + labelValue(d.name) + "\"",
                     double(d.pushSeq - d.pushAcked));
    appendHelp(out, "usherd_sync_device_last_seen_seconds", "gauge", "seconds since the device's last message");
    for (const auto& [name, seen] : s.lastSeen)
        appendMetric(out, "usherd_sync_device_last_seen_seconds", "device=\"" + labelValue(name) + "\"",
                     double(now - seen) / 1000.0);
}

} // namespace usher::net
