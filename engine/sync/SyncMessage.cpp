#include "sync/SyncMessage.h"

#include "sync/SyncJson.h"

#include <algorithm>
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

using JsonNode = SyncJson::Node;
using JsonType = SyncJson::Type;

// Reads members of one JSON object; the first problem is kept in `error` and later reads are no-ops.
// `where` prefixes the problem ("op 3: "); it is built only when something is wrong.
class Reader {
public:
    Reader(const SyncJson& json, const JsonNode& object, std::string* error, const char* where = "",
           std::size_t index = kNoIndex)
        : m_json(json)
        , m_object(object)
        , m_error(error)
        , m_where(where)
        , m_index(index)
    {
    }

    bool ok() const { return m_error->empty(); }
    bool fail(const std::string& what)
    {
        if (m_error->empty())
            *m_error = (m_index == kNoIndex ? std::string(m_where) : m_where + std::to_string(m_index) + ": ") + what;
        return false;
    }
    const SyncJson& json() const { return m_json; }
    bool has(const char* key) const { return m_json.member(m_object, key) != nullptr; }

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

    bool text(const char* key, std::size_t minBytes, std::size_t maxBytes, std::string* out)
    {
        if (!ok())
            return false;
        const JsonNode* v = m_json.member(m_object, key);
        if (v == nullptr || v->type != JsonType::String)
            return fail(std::string("\"") + key + "\" must be a string");
        if (v->text.size() < minBytes || v->text.size() > maxBytes)
            return fail(std::string("\"") + key + "\" must have " + std::to_string(minBytes) + " to "
                        + std::to_string(maxBytes) + " bytes");
        out->assign(v->text);
        return true;
    }

    template <typename T>
    bool integers(const char* key, std::size_t minCount, std::size_t maxCount, std::uint64_t maxValue,
                  std::vector<T>* out, bool unique)
    {
        const JsonNode* list = array(key, minCount, maxCount);
        if (list == nullptr)
            return false;
        out->clear();
        out->reserve(list->count);
        for (std::uint32_t i = list->first; i != 0; i = m_json.node(i).next) {
            const JsonNode& item = m_json.node(i);
            if (!isInteger(&item, 0, static_cast<double>(maxValue)))
                return fail(std::string("\"") + key + "\" must hold integers from 0 to " + std::to_string(maxValue));
            out->push_back(static_cast<T>(item.number));
        }
        if (unique) {
            std::uint64_t twice = 0;
            if (hasDuplicate(*out, &twice))
                return fail(std::string("\"") + key + "\" names " + std::to_string(twice) + " twice");
        }
        return true;
    }

    // An optional list of strings (absent: empty).
    bool optionalTexts(const char* key, std::size_t maxCount, std::size_t maxBytes, std::vector<std::string>* out)
    {
        out->clear();
        if (!ok() || m_json.member(m_object, key) == nullptr)
            return ok();
        const JsonNode* list = array(key, 0, maxCount);
        if (list == nullptr)
            return false;
        for (std::uint32_t i = list->first; i != 0; i = m_json.node(i).next) {
            const JsonNode& item = m_json.node(i);
            if (item.type != JsonType::String || item.text.empty() || item.text.size() > maxBytes)
                return fail(std::string("\"") + key + "\" must hold strings of 1 to " + std::to_string(maxBytes)
                            + " bytes");
            out->emplace_back(item.text);
        }
        return true;
    }

    const JsonNode* object(const char* key)
    {
        if (!ok())
            return nullptr;
        const JsonNode* v = m_json.member(m_object, key);
        if (v == nullptr || v->type != JsonType::Object) {
            fail(std::string("\"") + key + "\" must be an object");
            return nullptr;
        }
        return v;
    }

    const JsonNode* array(const char* key, std::size_t minCount, std::size_t maxCount)
    {
        if (!ok())
            return nullptr;
        const JsonNode* v = m_json.member(m_object, key);
        if (v == nullptr || v->type != JsonType::Array) {
            fail(std::string("\"") + key + "\" must be a list");
            return nullptr;
        }
        if (v->count < minCount || v->count > maxCount) {
            fail(std::string("\"") + key + "\" must have " + std::to_string(minCount) + " to "
                 + std::to_string(maxCount) + " entries");
            return nullptr;
        }
        return v;
    }

    static constexpr std::size_t kNoIndex = ~std::size_t(0);

private:
    // An integer in [min, max] (a JSON number without a fraction).
    bool number(const char* key, double min, double max, double* out)
    {
        if (!ok())
            return false;
        const JsonNode* v = m_json.member(m_object, key);
        if (!isInteger(v, min, max))
            return fail(std::string("\"") + key + "\" must be an integer from " + std::to_string(std::int64_t(min))
                        + " to " + std::to_string(std::uint64_t(max)));
        *out = v->number;
        return true;
    }

    static bool isInteger(const JsonNode* v, double min, double max)
    {
        if (v == nullptr || v->type != JsonType::Number)
            return false;
        const double d = v->number;
        return std::isfinite(d) && d == std::floor(d) && d >= min && d <= max;
    }

    // Lists here are short (a sale's seats) or at most a few thousand (a take-back's).
    template <typename T>
    static bool hasDuplicate(const std::vector<T>& values, std::uint64_t* twice)
    {
        if (values.size() <= 16) {
            for (std::size_t i = 0; i < values.size(); ++i)
                for (std::size_t j = 0; j < i; ++j)
                    if (values[i] == values[j]) {
                        *twice = values[i];
                        return true;
                    }
            return false;
        }
        std::vector<T> sorted(values);
        std::sort(sorted.begin(), sorted.end());
        const auto it = std::adjacent_find(sorted.begin(), sorted.end());
        if (it == sorted.end())
            return false;
        *twice = *it;
        return true;
    }

    const SyncJson& m_json;
    const JsonNode& m_object;
    std::string* m_error;
    std::string m_where;
    std::size_t m_index;
};

bool validName(const std::string& name)
{
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
              || c == '.' || c == ':'))
            return false;
    return !name.empty();
}

void writeBuyer(SyncJsonWriter& w, const Buyer& buyer)
{
    w.beginObject("buyer").string("name", buyer.name).string("email", buyer.email).string("phone", buyer.phone);
    w.endObject();
}

void writeOp(SyncJsonWriter& w, const SyncOp& op)
{
    w.beginObject();
    w.unsignedNumber("seq", op.seq).string("id", op.id).string("kind", syncOpKindName(op.kind));
    w.unsignedNumber("event", op.event).number("at", op.at).unsignedNumber("clerk", op.clerk);
    switch (op.kind) {
    case SyncOpKind::Sale:
        if (op.area != 0)
            w.unsignedNumber("area", op.area).unsignedNumber("quantity", op.quantity);
        else
            w.numbers("seats", op.seats);
        w.numbers("priceTypes", op.priceTypes).number("amount", op.amount);
        writeBuyer(w, op.buyer);
        break;
    case SyncOpKind::Refund:
        w.string("sale", op.sale).numbers("tickets", op.tickets).number("amount", op.amount);
        w.string("reason", op.reason);
        break;
    case SyncOpKind::Exchange: w.string("sale", op.sale).numbers("tickets", op.tickets).numbers("seats", op.seats); break;
    case SyncOpKind::TakeBack:
        w.unsignedNumber("takeBack", op.takeBack).numbers("seats", op.seats).numbers("kept", op.kept);
        break;
    case SyncOpKind::TakeBackArea:
        w.unsignedNumber("takeBack", op.takeBack).unsignedNumber("area", op.area).unsignedNumber("quantity", op.quantity);
        break;
    case SyncOpKind::Void: break;
    }
    w.endObject();
}

bool opKindFromName(const std::string& name, SyncOpKind* kind)
{
    for (auto k :
         { SyncOpKind::Sale, SyncOpKind::Refund, SyncOpKind::Exchange, SyncOpKind::TakeBack, SyncOpKind::Void,
           SyncOpKind::TakeBackArea })
        if (name == syncOpKindName(k)) {
            *kind = k;
            return true;
        }
    return false;
}

bool readBuyer(Reader& r, std::string* error, Buyer* out)
{
    const JsonNode* buyer = r.object("buyer");
    if (buyer == nullptr)
        return false;
    Reader b(r.json(), *buyer, error, "buyer: ");
    b.text("name", 0, kSyncTextBytesMax, &out->name);
    b.text("email", 0, kSyncTextBytesMax, &out->email);
    b.text("phone", 0, kSyncTextBytesMax, &out->phone);
    return b.ok();
}

// GA places: `area` (an area id) and `quantity` (minQuantity..maxQuantity).
bool readPlaces(Reader& r, std::uint64_t minQuantity, std::uint64_t maxQuantity, AreaId* area, std::uint32_t* quantity)
{
    std::uint64_t a = 0;
    std::uint64_t q = 0;
    r.integer("area", 1, 0xffffffffu, &a);
    r.integer("quantity", minQuantity, maxQuantity, &q);
    *area = static_cast<AreaId>(a);
    *quantity = static_cast<std::uint32_t>(q);
    return r.ok();
}

bool readKindFields(Reader& r, std::string* error, SyncOp* op)
{
    switch (op->kind) {
    case SyncOpKind::Sale: {
        // Seats, or places of one GA area (protocol 2): never both.
        std::size_t units = 0;
        if (r.has("area")) {
            if (r.has("seats"))
                return r.fail("a sale has \"seats\" or \"area\", not both");
            readPlaces(r, 1, kSyncSeatsPerOpMax, &op->area, &op->quantity);
            units = op->quantity;
        } else {
            r.integers("seats", 1, kSyncSeatsPerOpMax, 0xffffffffu, &op->seats, true);
            units = op->seats.size();
        }
        r.integers("priceTypes", 0, kSyncSeatsPerOpMax, 255, &op->priceTypes, false);
        r.signedInteger("amount", -1, static_cast<std::int64_t>(kSyncIntegerMax), &op->amount);
        if (r.ok() && !readBuyer(r, error, &op->buyer))
            return false;
        if (!r.ok())
            return false;
        if (!op->priceTypes.empty() && op->priceTypes.size() != units)
            return r.fail("\"priceTypes\" must be empty or have one entry per seat or place");
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
    case SyncOpKind::TakeBackArea:
        r.integer("takeBack", 1, kSyncIntegerMax, &op->takeBack);
        return readPlaces(r, 0, 0xffffffffu, &op->area, &op->quantity);
    case SyncOpKind::Void: return true;
    }
    return r.fail("unknown op kind");
}

bool readOp(const SyncJson& json, const JsonNode& value, std::size_t index, std::string* error, SyncOp* op)
{
    if (value.type != JsonType::Object) {
        *error = "op " + std::to_string(index) + " is not an object";
        return false;
    }
    Reader r(json, value, error, "op ", index);
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
    if (!r.ok())
        return false;
    if (kind == "grant")
        push->kind = SyncPushKind::Grant;
    else if (kind == "takeBack")
        push->kind = SyncPushKind::TakeBack;
    else if (kind == "grantArea")
        push->kind = SyncPushKind::GrantArea;
    else if (kind == "takeBackArea")
        push->kind = SyncPushKind::TakeBackArea;
    else
        return r.fail("unknown push kind \"" + kind + "\"");
    if (!syncPushIsArea(push->kind))
        return r.integers("seats", 1, kSyncSeatsPerPushMax, 0xffffffffu, &push->seats, true);
    return readPlaces(r, 1, 0xffffffffu, &push->area, &push->quantity);
}

bool readOps(Reader& r, std::string* error, SyncMessage* m)
{
    const JsonNode* ops = r.array("ops", 1, kSyncOpsPerMessageMax);
    if (ops == nullptr)
        return false;
    m->ops.resize(ops->count);
    std::size_t i = 0;
    for (std::uint32_t n = ops->first; n != 0; n = r.json().node(n).next, ++i) {
        if (!readOp(r.json(), r.json().node(n), i, error, &m->ops[i]))
            return false;
        if (i > 0 && m->ops[i].seq != m->ops[i - 1].seq + 1)
            return r.fail("op seqs must be consecutive and ascending");
    }
    return true;
}

bool readResults(Reader& r, std::string* error, SyncMessage* m)
{
    const JsonNode* results = r.array("results", 0, kSyncOpsPerMessageMax);
    if (results == nullptr)
        return false;
    m->results.reserve(results->count);
    std::size_t i = 0;
    for (std::uint32_t n = results->first; n != 0; n = r.json().node(n).next, ++i) {
        const JsonNode& object = r.json().node(n);
        if (object.type != JsonType::Object)
            return r.fail("result " + std::to_string(i) + " is not an object");
        Reader rr(r.json(), object, error, "result ", i);
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
    if (action == "holdArea") {
        q->action = SyncOnlineAction::HoldArea;
        return readPlaces(r, 1, kSyncSeatsPerOpMax, &q->area, &q->quantity);
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
    r.optionalTexts("codes", kSyncSeatsPerOpMax, 64, &a->codes); // absent from an older usherd
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
        r.optionalTexts("features", kSyncFeaturesMax, 32, &m->features); // absent from an older usherd
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
    case SyncOpKind::TakeBackArea: return "takeBackArea";
    }
    return "?";
}

const char* syncOnlineActionName(SyncOnlineAction action)
{
    switch (action) {
    case SyncOnlineAction::Hold: return "hold";
    case SyncOnlineAction::Sell: return "sell";
    case SyncOnlineAction::Release: return "release";
    case SyncOnlineAction::HoldArea: return "holdArea";
    }
    return "?";
}

const char* syncPushKindName(SyncPushKind kind)
{
    switch (kind) {
    case SyncPushKind::Grant: return "grant";
    case SyncPushKind::TakeBack: return "takeBack";
    case SyncPushKind::GrantArea: return "grantArea";
    case SyncPushKind::TakeBackArea: return "takeBackArea";
    }
    return "?";
}

SyncMessage syncError(std::string code, std::string message)
{
    SyncMessage m;
    m.type = SyncMessageType::Error;
    m.code = std::move(code);
    m.message = std::move(message);
    return m;
}

namespace {

// An optional list of strings: written only when it has any (an older peer never sees it).
void writeTexts(SyncJsonWriter& w, const char* key, const std::vector<std::string>& texts)
{
    if (texts.empty())
        return;
    w.beginArray(key);
    for (const std::string& text : texts)
        w.string(nullptr, text);
    w.endArray();
}

void writeOnline(SyncJsonWriter& w, const SyncOnlineRequest& q)
{
    w.string("id", q.id).string("action", syncOnlineActionName(q.action));
    w.unsignedNumber("event", q.event).unsignedNumber("clerk", q.clerk);
    switch (q.action) {
    case SyncOnlineAction::Hold: w.numbers("seats", q.seats); break;
    case SyncOnlineAction::Release: w.unsignedNumber("hold", q.hold); break;
    case SyncOnlineAction::HoldArea: w.unsignedNumber("area", q.area).unsignedNumber("quantity", q.quantity); break;
    case SyncOnlineAction::Sell:
        w.unsignedNumber("hold", q.hold).numbers("priceTypes", q.priceTypes).number("amount", q.amount);
        w.string("payment", q.payment);
        writeBuyer(w, q.buyer);
        break;
    }
}

void writeBody(SyncJsonWriter& w, const SyncMessage& m)
{
    switch (m.type) {
    case SyncMessageType::Hello:
        w.number("protocol", m.protocol).string("device", m.device).string("token", m.token);
        w.string("outbox", m.outbox).unsignedNumber("received", m.received).unsignedNumber("acked", m.acked);
        break;
    case SyncMessageType::Welcome:
        w.number("protocol", m.protocol).string("device", m.device).unsignedNumber("channel", m.channel);
        w.unsignedNumber("applied", m.applied);
        writeTexts(w, "features", m.features);
        break;
    case SyncMessageType::Ops:
        w.beginArray("ops");
        for (const SyncOp& op : m.ops)
            writeOp(w, op);
        w.endArray();
        break;
    case SyncMessageType::Ack:
        w.unsignedNumber("upTo", m.upTo).beginArray("results");
        for (const SyncOpResult& r : m.results) {
            w.beginObject().unsignedNumber("seq", r.seq).number("status", static_cast<int>(r.status));
            w.string("code", statusName(r.status)).endObject();
        }
        w.endArray();
        break;
    case SyncMessageType::Push:
        w.unsignedNumber("seq", m.push.seq).string("kind", syncPushKindName(m.push.kind));
        w.unsignedNumber("id", m.push.id).unsignedNumber("event", m.push.event);
        if (syncPushIsArea(m.push.kind))
            w.unsignedNumber("area", m.push.area).unsignedNumber("quantity", m.push.quantity);
        else
            w.numbers("seats", m.push.seats);
        break;
    case SyncMessageType::PushAck: w.unsignedNumber("upTo", m.upTo); break;
    case SyncMessageType::Ping:
    case SyncMessageType::Pong: break;
    case SyncMessageType::Error: w.string("code", m.code).string("message", m.message); break;
    case SyncMessageType::Online: writeOnline(w, m.online); break;
    case SyncMessageType::OnlineReply: {
        const SyncOnlineReply& a = m.onlineReply;
        w.string("id", a.id).number("status", static_cast<int>(a.status)).string("code", statusName(a.status));
        w.unsignedNumber("hold", a.hold).number("expiresAt", a.expiresAt).unsignedNumber("order", a.order);
        w.number("amount", a.amount).numbers("tickets", a.tickets);
        writeTexts(w, "codes", a.codes);
        break;
    }
    }
}

} // namespace

std::string encodeSyncOp(const SyncOp& op)
{
    std::string out;
    out.reserve(256);
    SyncJsonWriter w(out);
    writeOp(w, op);
    return out;
}

bool decodeSyncOp(std::string_view text, SyncOp* out, std::string* error)
{
    error->clear();
    SyncJson json;
    if (!json.parse(text, error)) {
        *error = "not JSON: " + *error;
        return false;
    }
    *out = SyncOp {};
    return readOp(json, json.root(), 0, error, out);
}

std::string encodeSyncMessage(const SyncMessage& m)
{
    std::string out;
    out.reserve(m.type == SyncMessageType::Ops ? 64 + 224 * m.ops.size() : 128 + 48 * m.results.size());
    SyncJsonWriter w(out);
    w.beginObject().string("type", typeName(m.type));
    writeBody(w, m);
    w.endObject();
    return out;
}

bool decodeSyncMessage(std::string_view text, SyncMessage* out, std::string* error)
{
    error->clear();
    if (text.size() > kSyncMessageBytesMax) {
        *error = "message over " + std::to_string(kSyncMessageBytesMax) + " bytes";
        return false;
    }
    SyncJson json;
    if (!json.parse(text, error)) {
        *error = "not JSON: " + *error;
        return false;
    }
    if (json.root().type != SyncJson::Type::Object) {
        *error = "not a JSON object";
        return false;
    }
    Reader r(json, json.root(), error);
    const SyncJson::Node* type = json.member(json.root(), "type");
    if (type == nullptr || type->type != SyncJson::Type::String || type->text.empty() || type->text.size() > 16) {
        r.fail("\"type\" must be a string of 1 to 16 bytes");
        return false;
    }
    *out = SyncMessage {};
    for (const auto& n : kTypeNames)
        if (type->text == n.name) {
            out->type = n.type;
            return readBody(r, error, out);
        }
    *error = "unknown message type \"" + std::string(type->text) + "\"";
    return false;
}

SyncOp syncVoidOf(const SyncOp& op)
{
    SyncOp v;
    v.seq = op.seq, v.id = op.id, v.kind = SyncOpKind::Void, v.event = op.event;
    v.at = op.at, v.clerk = op.clerk;
    return v;
}

} // namespace usher
