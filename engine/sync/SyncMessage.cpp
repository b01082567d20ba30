#include "sync/SyncMessage.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <cmath>
#include <set>

namespace usher {

namespace {

constexpr std::size_t kNameBytesMax = 64;
constexpr std::size_t kTokenBytesMax = 256;
constexpr std::size_t kOpIdBytesMax = 128;

struct Names {
    SyncMessageType type;
    const char* name;
};
constexpr Names kTypeNames[] = {
    { SyncMessageType::Hello, "hello" }, { SyncMessageType::Welcome, "welcome" },
    { SyncMessageType::Ops, "ops" },     { SyncMessageType::Ack, "ack" },
    { SyncMessageType::Push, "push" },   { SyncMessageType::PushAck, "pushAck" },
    { SyncMessageType::Ping, "ping" },   { SyncMessageType::Pong, "pong" },
    { SyncMessageType::Error, "error" },
    { SyncMessageType::Online, "online" }, { SyncMessageType::OnlineReply, "onlineReply" },
};

const char* typeName(SyncMessageType type)
{
    for (const auto& n : kTypeNames)
        if (n.type == type)
            return n.name;
    return "?";
}

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QJsonValue num(std::uint64_t value)
{
    return QJsonValue(static_cast<double>(value));
}

QJsonValue snum(std::int64_t value)
{
    return QJsonValue(static_cast<double>(value));
}

template <typename T>
QJsonArray numbers(const std::vector<T>& values)
{
    QJsonArray out;
    for (T v : values)
        out.append(num(v));
    return out;
}

// Reads members of one JSON object; the first problem is kept in `error` and later reads are no-ops.
class Reader {
public:
    Reader(const QJsonObject& object, std::string* error, std::string where)
        : m_object(object)
        , m_error(error)
        , m_where(std::move(where))
    {
    }

    bool ok() const { return m_error->empty(); }
    bool fail(const std::string& what)
    {
        if (m_error->empty())
            *m_error = m_where + what;
        return false;
    }

    bool integer(const char* key, std::uint64_t min, std::uint64_t max, std::uint64_t* out)
    {
        double value = 0;
        if (!number(key, static_cast<double>(min), static_cast<double>(max), &value))
            return false;
        *out = static_cast<std::uint64_t>(value);
        return true;
    }

    bool signedInteger(const char* key, std::int64_t min, std::int64_t max, std::int64_t* out)
    {
        double value = 0;
        if (!number(key, static_cast<double>(min), static_cast<double>(max), &value))
            return false;
        *out = static_cast<std::int64_t>(value);
        return true;
    }

    bool text(const char* key, std::size_t minBytes, std::size_t maxBytes, std::string* out, bool optional = false)
    {
        if (!ok())
            return false;
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (optional && v.isUndefined()) {
            out->clear();
            return true;
        }
        if (!v.isString())
            return fail(std::string("\"") + key + "\" must be a string");
        const QByteArray bytes = v.toString().toUtf8();
        if (static_cast<std::size_t>(bytes.size()) < minBytes || static_cast<std::size_t>(bytes.size()) > maxBytes)
            return fail(std::string("\"") + key + "\" must have " + std::to_string(minBytes) + " to "
                        + std::to_string(maxBytes) + " bytes");
        out->assign(bytes.constData(), static_cast<std::size_t>(bytes.size()));
        return true;
    }

    template <typename T>
    bool integers(const char* key, std::size_t minCount, std::size_t maxCount, std::uint64_t maxValue,
                  std::vector<T>* out, bool unique)
    {
        if (!ok())
            return false;
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (!v.isArray())
            return fail(std::string("\"") + key + "\" must be a list");
        const QJsonArray array = v.toArray();
        const auto count = static_cast<std::size_t>(array.size());
        if (count < minCount || count > maxCount)
            return fail(std::string("\"") + key + "\" must have " + std::to_string(minCount) + " to "
                        + std::to_string(maxCount) + " entries");
        out->clear();
        std::set<std::uint64_t> seen;
        for (const QJsonValue item : array) {
            if (!isInteger(item, 0, static_cast<double>(maxValue)))
                return fail(std::string("\"") + key + "\" must hold integers from 0 to " + std::to_string(maxValue));
            const auto value = static_cast<std::uint64_t>(item.toDouble());
            if (unique && !seen.insert(value).second)
                return fail(std::string("\"") + key + "\" names " + std::to_string(value) + " twice");
            out->push_back(static_cast<T>(value));
        }
        return true;
    }

    bool object(const char* key, QJsonObject* out)
    {
        if (!ok())
            return false;
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (!v.isObject())
            return fail(std::string("\"") + key + "\" must be an object");
        *out = v.toObject();
        return true;
    }

    bool array(const char* key, std::size_t minCount, std::size_t maxCount, QJsonArray* out)
    {
        if (!ok())
            return false;
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (!v.isArray())
            return fail(std::string("\"") + key + "\" must be a list");
        *out = v.toArray();
        const auto count = static_cast<std::size_t>(out->size());
        if (count < minCount || count > maxCount)
            return fail(std::string("\"") + key + "\" must have " + std::to_string(minCount) + " to "
                        + std::to_string(maxCount) + " entries");
        return true;
    }

private:
    // An integer in [min, max] (a JSON number without a fraction).
    bool number(const char* key, double min, double max, double* out)
    {
        if (!ok())
            return false;
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (!isInteger(v, min, max))
            return fail(std::string("\"") + key + "\" must be an integer from " + std::to_string(std::int64_t(min))
                        + " to " + std::to_string(std::uint64_t(max)));
        *out = v.toDouble();
        return true;
    }

    static bool isInteger(const QJsonValue& v, double min, double max)
    {
        if (!v.isDouble())
            return false;
        const double d = v.toDouble();
        return std::isfinite(d) && d == std::floor(d) && d >= min && d <= max;
    }

    const QJsonObject& m_object;
    std::string* m_error;
    std::string m_where;
};

bool validName(const std::string& name)
{
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
              || c == '.' || c == ':'))
            return false;
    return !name.empty();
}

QJsonObject opObject(const SyncOp& op)
{
    QJsonObject o;
    o.insert(QLatin1String("seq"), num(op.seq));
    o.insert(QLatin1String("id"), qs(op.id));
    o.insert(QLatin1String("kind"), QLatin1String(syncOpKindName(op.kind)));
    o.insert(QLatin1String("event"), num(op.event));
    o.insert(QLatin1String("at"), snum(op.at));
    o.insert(QLatin1String("clerk"), num(op.clerk));
    switch (op.kind) {
    case SyncOpKind::Sale: {
        o.insert(QLatin1String("seats"), numbers(op.seats));
        o.insert(QLatin1String("priceTypes"), numbers(op.priceTypes));
        o.insert(QLatin1String("amount"), snum(op.amount));
        QJsonObject buyer;
        buyer.insert(QLatin1String("name"), qs(op.buyer.name));
        buyer.insert(QLatin1String("email"), qs(op.buyer.email));
        buyer.insert(QLatin1String("phone"), qs(op.buyer.phone));
        o.insert(QLatin1String("buyer"), buyer);
        break;
    }
    case SyncOpKind::Refund:
        o.insert(QLatin1String("sale"), qs(op.sale));
        o.insert(QLatin1String("tickets"), numbers(op.tickets));
        o.insert(QLatin1String("amount"), snum(op.amount));
        o.insert(QLatin1String("reason"), qs(op.reason));
        break;
    case SyncOpKind::Exchange:
        o.insert(QLatin1String("sale"), qs(op.sale));
        o.insert(QLatin1String("tickets"), numbers(op.tickets));
        o.insert(QLatin1String("seats"), numbers(op.seats));
        break;
    case SyncOpKind::TakeBack:
        o.insert(QLatin1String("takeBack"), num(op.takeBack));
        o.insert(QLatin1String("seats"), numbers(op.seats));
        o.insert(QLatin1String("kept"), numbers(op.kept));
        break;
    case SyncOpKind::Void: break;
    }
    return o;
}

bool opKindFromName(const std::string& name, SyncOpKind* kind)
{
    for (auto k :
         { SyncOpKind::Sale, SyncOpKind::Refund, SyncOpKind::Exchange, SyncOpKind::TakeBack, SyncOpKind::Void })
        if (name == syncOpKindName(k)) {
            *kind = k;
            return true;
        }
    return false;
}

bool readKindFields(Reader& r, std::string* error, SyncOp* op)
{
    switch (op->kind) {
    case SyncOpKind::Sale: {
        r.integers("seats", 1, kSyncSeatsPerOpMax, 0xffffffffu, &op->seats, true);
        r.integers("priceTypes", 0, kSyncSeatsPerOpMax, 255, &op->priceTypes, false);
        r.signedInteger("amount", -1, static_cast<std::int64_t>(kSyncIntegerMax), &op->amount);
        QJsonObject buyer;
        if (r.object("buyer", &buyer)) {
            Reader b(buyer, error, "buyer: ");
            b.text("name", 0, kSyncTextBytesMax, &op->buyer.name);
            b.text("email", 0, kSyncTextBytesMax, &op->buyer.email);
            b.text("phone", 0, kSyncTextBytesMax, &op->buyer.phone);
        }
        if (!r.ok())
            return false;
        if (!op->priceTypes.empty() && op->priceTypes.size() != op->seats.size())
            return r.fail("\"priceTypes\" must be empty or have one entry per seat");
        return true;
    }
    case SyncOpKind::Refund:
        r.text("sale", 1, kOpIdBytesMax, &op->sale);
        r.integers("tickets", 0, kSyncSeatsPerOpMax, 0xffffffffu, &op->tickets, true);
        r.signedInteger("amount", -1, static_cast<std::int64_t>(kSyncIntegerMax), &op->amount);
        r.text("reason", 1, kSyncTextBytesMax, &op->reason);
        return r.ok();
    case SyncOpKind::Exchange:
        r.text("sale", 1, kOpIdBytesMax, &op->sale);
        r.integers("tickets", 1, 1, 0xffffffffu, &op->tickets, true);
        r.integers("seats", 1, 1, 0xffffffffu, &op->seats, true);
        return r.ok();
    case SyncOpKind::TakeBack: {
        r.integer("takeBack", 1, kSyncIntegerMax, &op->takeBack);
        r.integers("seats", 0, kSyncSeatsPerPushMax, 0xffffffffu, &op->seats, true);
        r.integers("kept", 0, kSyncSeatsPerPushMax, 0xffffffffu, &op->kept, true);
        if (!r.ok())
            return false;
        const std::set<SeatId> released(op->seats.begin(), op->seats.end());
        for (SeatId s : op->kept)
            if (released.count(s) != 0)
                return r.fail("seat " + std::to_string(s) + " is both released and kept");
        if (op->seats.size() + op->kept.size() == 0)
            return r.fail("a take-back names no seat");
        return true;
    }
    case SyncOpKind::Void: return true;
    }
    return r.fail("unknown op kind");
}

bool readOp(const QJsonValue& value, std::size_t index, std::string* error, SyncOp* op)
{
    if (!value.isObject()) {
        *error = "op " + std::to_string(index) + " is not an object";
        return false;
    }
    const QJsonObject object = value.toObject();
    Reader r(object, error, "op " + std::to_string(index) + ": ");
    std::string kind;
    r.integer("seq", 1, kSyncIntegerMax, &op->seq);
    r.text("id", 1, kOpIdBytesMax, &op->id);
    r.text("kind", 1, 16, &kind);
    r.integer("event", 1, kSyncIntegerMax, &op->event);
    r.signedInteger("at", 0, static_cast<std::int64_t>(kSyncIntegerMax), &op->at);
    r.integer("clerk", 0, kSyncIntegerMax, &op->clerk);
    if (!r.ok())
        return false;
    if (!validName(op->id))
        return r.fail("\"id\" has characters other than letters, digits and -_.:");
    if (!opKindFromName(kind, &op->kind))
        return r.fail("unknown op kind \"" + kind + "\"");
    return readKindFields(r, error, op);
}

bool readPush(Reader& r, SyncPush* push)
{
    std::string kind;
    r.integer("seq", 1, kSyncIntegerMax, &push->seq);
    r.text("kind", 1, 16, &kind);
    r.integer("id", 1, kSyncIntegerMax, &push->id);
    r.integer("event", 1, kSyncIntegerMax, &push->event);
    r.integers("seats", 1, kSyncSeatsPerPushMax, 0xffffffffu, &push->seats, true);
    if (!r.ok())
        return false;
    if (kind == "grant")
        push->kind = SyncPushKind::Grant;
    else if (kind == "takeBack")
        push->kind = SyncPushKind::TakeBack;
    else
        return r.fail("unknown push kind \"" + kind + "\"");
    return true;
}

bool readOps(Reader& r, std::string* error, SyncMessage* m)
{
    QJsonArray ops;
    if (!r.array("ops", 1, kSyncOpsPerMessageMax, &ops))
        return false;
    m->ops.resize(static_cast<std::size_t>(ops.size()));
    for (std::size_t i = 0; i < m->ops.size(); ++i) {
        if (!readOp(ops.at(static_cast<qsizetype>(i)), i, error, &m->ops[i]))
            return false;
        if (i > 0 && m->ops[i].seq != m->ops[i - 1].seq + 1)
            return r.fail("op seqs must be consecutive and ascending");
    }
    return true;
}

bool readResults(Reader& r, std::string* error, SyncMessage* m)
{
    QJsonArray results;
    if (!r.array("results", 0, kSyncOpsPerMessageMax, &results))
        return false;
    for (qsizetype i = 0; i < results.size(); ++i) {
        if (!results.at(i).isObject())
            return r.fail("result " + std::to_string(i) + " is not an object");
        const QJsonObject object = results.at(i).toObject();
        Reader rr(object, error, "result " + std::to_string(i) + ": ");
        SyncOpResult result;
        std::uint64_t status = 0;
        rr.integer("seq", 1, kSyncIntegerMax, &result.seq);
        rr.integer("status", 0, 255, &status);
        if (!rr.ok())
            return false;
        if (!statusIsKnown(static_cast<std::uint8_t>(status)))
            return rr.fail("unknown status " + std::to_string(status));
        result.status = static_cast<Status>(status);
        m->results.push_back(result);
    }
    return true;
}

bool readBuyer(Reader& r, std::string* error, Buyer* out)
{
    QJsonObject buyer;
    if (!r.object("buyer", &buyer))
        return false;
    Reader b(buyer, error, "buyer: ");
    b.text("name", 0, kSyncTextBytesMax, &out->name);
    b.text("email", 0, kSyncTextBytesMax, &out->email);
    b.text("phone", 0, kSyncTextBytesMax, &out->phone);
    return b.ok();
}

bool readOnline(Reader& r, std::string* error, SyncOnlineRequest* q)
{
    std::string action;
    r.text("id", 1, kOpIdBytesMax, &q->id);
    r.text("action", 1, 16, &action);
    r.integer("event", 1, kSyncIntegerMax, &q->event);
    r.integer("clerk", 0, kSyncIntegerMax, &q->clerk);
    if (!r.ok())
        return false;
    if (!validName(q->id))
        return r.fail("\"id\" has characters other than letters, digits and -_.:");
    if (action == "hold") {
        q->action = SyncOnlineAction::Hold;
        return r.integers("seats", 1, kSyncSeatsPerOpMax, 0xffffffffu, &q->seats, true);
    }
    if (action == "release") {
        q->action = SyncOnlineAction::Release;
        return r.integer("hold", 1, kSyncIntegerMax, &q->hold);
    }
    if (action != "sell")
        return r.fail("unknown online action \"" + action + "\"");
    q->action = SyncOnlineAction::Sell;
    r.integer("hold", 1, kSyncIntegerMax, &q->hold);
    r.integers("priceTypes", 0, kSyncSeatsPerOpMax, 255, &q->priceTypes, false);
    r.signedInteger("amount", -1, static_cast<std::int64_t>(kSyncIntegerMax), &q->amount);
    r.text("payment", 1, kSyncTextBytesMax, &q->payment);
    return r.ok() && readBuyer(r, error, &q->buyer);
}

bool readOnlineReply(Reader& r, SyncOnlineReply* a)
{
    std::uint64_t status = 0;
    r.text("id", 1, kOpIdBytesMax, &a->id);
    r.integer("status", 0, 255, &status);
    r.integer("hold", 0, kSyncIntegerMax, &a->hold);
    r.signedInteger("expiresAt", 0, static_cast<std::int64_t>(kSyncIntegerMax), &a->expiresAt);
    r.integer("order", 0, kSyncIntegerMax, &a->order);
    r.signedInteger("amount", 0, static_cast<std::int64_t>(kSyncIntegerMax), &a->amount);
    r.integers("tickets", 0, kSyncSeatsPerOpMax, kSyncIntegerMax, &a->tickets, false);
    if (!r.ok())
        return false;
    if (!statusIsKnown(static_cast<std::uint8_t>(status)))
        return r.fail("unknown status " + std::to_string(status));
    a->status = static_cast<Status>(status);
    return true;
}

bool readBody(Reader& r, std::string* error, SyncMessage* m)
{
    std::uint64_t value = 0;
    switch (m->type) {
    case SyncMessageType::Hello:
        r.integer("protocol", 1, 65535, &value);
        m->protocol = static_cast<int>(value);
        r.text("device", 1, kNameBytesMax, &m->device);
        r.text("token", 1, kTokenBytesMax, &m->token);
        r.text("outbox", 1, kNameBytesMax, &m->outbox);
        r.integer("received", 0, kSyncIntegerMax, &m->received);
        r.integer("acked", 0, kSyncIntegerMax, &m->acked);
        if (r.ok() && (!validName(m->device) || !validName(m->outbox)))
            return r.fail("\"device\" and \"outbox\" may hold letters, digits and -_.: only");
        return r.ok();
    case SyncMessageType::Welcome:
        r.integer("protocol", 1, 65535, &value);
        m->protocol = static_cast<int>(value);
        r.text("device", 1, kNameBytesMax, &m->device);
        r.integer("channel", 1, 65535, &value);
        m->channel = static_cast<ChannelId>(value);
        r.integer("applied", 0, kSyncIntegerMax, &m->applied);
        return r.ok();
    case SyncMessageType::Ops: return readOps(r, error, m);
    case SyncMessageType::Ack: r.integer("upTo", 0, kSyncIntegerMax, &m->upTo); return readResults(r, error, m);
    case SyncMessageType::Push: return readPush(r, &m->push);
    case SyncMessageType::PushAck: return r.integer("upTo", 0, kSyncIntegerMax, &m->upTo);
    case SyncMessageType::Ping:
    case SyncMessageType::Pong: return true;
    case SyncMessageType::Error:
        r.text("code", 1, kNameBytesMax, &m->code);
        r.text("message", 0, kSyncTextBytesMax, &m->message);
        return r.ok();
    case SyncMessageType::Online: return readOnline(r, error, &m->online);
    case SyncMessageType::OnlineReply: return readOnlineReply(r, &m->onlineReply);
    }
    return r.fail("unknown type");
}

} // namespace

const char* syncOpKindName(SyncOpKind kind)
{
    switch (kind) {
    case SyncOpKind::Sale: return "sale";
    case SyncOpKind::Refund: return "refund";
    case SyncOpKind::Exchange: return "exchange";
    case SyncOpKind::TakeBack: return "takeBack";
    case SyncOpKind::Void: return "void";
    }
    return "?";
}

const char* syncOnlineActionName(SyncOnlineAction action)
{
    switch (action) {
    case SyncOnlineAction::Hold: return "hold";
    case SyncOnlineAction::Sell: return "sell";
    case SyncOnlineAction::Release: return "release";
    }
    return "?";
}

const char* syncPushKindName(SyncPushKind kind)
{
    return kind == SyncPushKind::Grant ? "grant" : kind == SyncPushKind::TakeBack ? "takeBack" : "?";
}

SyncMessage syncError(std::string code, std::string message)
{
    SyncMessage m;
    m.type = SyncMessageType::Error;
    m.code = std::move(code);
    m.message = std::move(message);
    return m;
}

} // namespace usher

namespace usher {

namespace {

void onlineObject(const SyncOnlineRequest& q, QJsonObject* o)
{
    o->insert(QLatin1String("id"), qs(q.id));
    o->insert(QLatin1String("action"), QLatin1String(syncOnlineActionName(q.action)));
    o->insert(QLatin1String("event"), num(q.event));
    o->insert(QLatin1String("clerk"), num(q.clerk));
    switch (q.action) {
    case SyncOnlineAction::Hold: o->insert(QLatin1String("seats"), numbers(q.seats)); break;
    case SyncOnlineAction::Release: o->insert(QLatin1String("hold"), num(q.hold)); break;
    case SyncOnlineAction::Sell: {
        o->insert(QLatin1String("hold"), num(q.hold));
        o->insert(QLatin1String("priceTypes"), numbers(q.priceTypes));
        o->insert(QLatin1String("amount"), snum(q.amount));
        o->insert(QLatin1String("payment"), qs(q.payment));
        QJsonObject buyer;
        buyer.insert(QLatin1String("name"), qs(q.buyer.name));
        buyer.insert(QLatin1String("email"), qs(q.buyer.email));
        buyer.insert(QLatin1String("phone"), qs(q.buyer.phone));
        o->insert(QLatin1String("buyer"), buyer);
        break;
    }
    }
}

} // namespace

std::string encodeSyncOp(const SyncOp& op)
{
    return QJsonDocument(opObject(op)).toJson(QJsonDocument::Compact).toStdString();
}

bool decodeSyncOp(std::string_view text, SyncOp* out, std::string* error)
{
    error->clear();
    QJsonParseError parse {};
    const QJsonDocument doc
        = QJsonDocument::fromJson(QByteArray::fromRawData(text.data(), static_cast<qsizetype>(text.size())), &parse);
    if (parse.error != QJsonParseError::NoError) {
        *error = "not JSON: " + parse.errorString().toStdString();
        return false;
    }
    *out = SyncOp {};
    return readOp(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(), 0, error, out);
}

std::string encodeSyncMessage(const SyncMessage& m)
{
    QJsonObject o;
    o.insert(QLatin1String("type"), QLatin1String(typeName(m.type)));
    switch (m.type) {
    case SyncMessageType::Hello:
        o.insert(QLatin1String("protocol"), m.protocol);
        o.insert(QLatin1String("device"), qs(m.device));
        o.insert(QLatin1String("token"), qs(m.token));
        o.insert(QLatin1String("outbox"), qs(m.outbox));
        o.insert(QLatin1String("received"), num(m.received));
        o.insert(QLatin1String("acked"), num(m.acked));
        break;
    case SyncMessageType::Welcome:
        o.insert(QLatin1String("protocol"), m.protocol);
        o.insert(QLatin1String("device"), qs(m.device));
        o.insert(QLatin1String("channel"), num(m.channel));
        o.insert(QLatin1String("applied"), num(m.applied));
        break;
    case SyncMessageType::Ops: {
        QJsonArray ops;
        for (const SyncOp& op : m.ops)
            ops.append(opObject(op));
        o.insert(QLatin1String("ops"), ops);
        break;
    }
    case SyncMessageType::Ack: {
        o.insert(QLatin1String("upTo"), num(m.upTo));
        QJsonArray results;
        for (const SyncOpResult& r : m.results) {
            QJsonObject result;
            result.insert(QLatin1String("seq"), num(r.seq));
            result.insert(QLatin1String("status"), static_cast<int>(r.status));
            result.insert(QLatin1String("code"), QLatin1String(statusName(r.status)));
            results.append(result);
        }
        o.insert(QLatin1String("results"), results);
        break;
    }
    case SyncMessageType::Push:
        o.insert(QLatin1String("seq"), num(m.push.seq));
        o.insert(QLatin1String("kind"), QLatin1String(syncPushKindName(m.push.kind)));
        o.insert(QLatin1String("id"), num(m.push.id));
        o.insert(QLatin1String("event"), num(m.push.event));
        o.insert(QLatin1String("seats"), numbers(m.push.seats));
        break;
    case SyncMessageType::PushAck: o.insert(QLatin1String("upTo"), num(m.upTo)); break;
    case SyncMessageType::Ping:
    case SyncMessageType::Pong: break;
    case SyncMessageType::Error:
        o.insert(QLatin1String("code"), qs(m.code));
        o.insert(QLatin1String("message"), qs(m.message));
        break;
    case SyncMessageType::Online: onlineObject(m.online, &o); break;
    case SyncMessageType::OnlineReply: {
        const SyncOnlineReply& a = m.onlineReply;
        o.insert(QLatin1String("id"), qs(a.id));
        o.insert(QLatin1String("status"), static_cast<int>(a.status));
        o.insert(QLatin1String("code"), QLatin1String(statusName(a.status)));
        o.insert(QLatin1String("hold"), num(a.hold));
        o.insert(QLatin1String("expiresAt"), snum(a.expiresAt));
        o.insert(QLatin1String("order"), num(a.order));
        o.insert(QLatin1String("amount"), snum(a.amount));
        o.insert(QLatin1String("tickets"), numbers(a.tickets));
        break;
    }
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

bool decodeSyncMessage(std::string_view text, SyncMessage* out, std::string* error)
{
    error->clear();
    if (text.size() > kSyncMessageBytesMax) {
        *error = "message over " + std::to_string(kSyncMessageBytesMax) + " bytes";
        return false;
    }
    QJsonParseError parse {};
    const QJsonDocument doc
        = QJsonDocument::fromJson(QByteArray::fromRawData(text.data(), static_cast<qsizetype>(text.size())), &parse);
    if (parse.error != QJsonParseError::NoError) {
        *error = "not JSON: " + parse.errorString().toStdString();
        return false;
    }
    if (!doc.isObject()) {
        *error = "not a JSON object";
        return false;
    }
    const QJsonObject object = doc.object();
    Reader r(object, error, "");
    std::string type;
    if (!r.text("type", 1, 16, &type))
        return false;
    *out = SyncMessage {};
    bool known = false;
    for (const auto& n : kTypeNames)
        if (type == n.name) {
            out->type = n.type;
            known = true;
        }
    if (!known) {
        *error = "unknown message type \"" + type + "\"";
        return false;
    }
    return readBody(r, error, out);
}

} // namespace usher
