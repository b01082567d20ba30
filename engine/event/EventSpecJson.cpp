#include "event/EventSpecJson.h"

#include "core/Assert.h"
#include "core/Limits.h"
#include "core/Random.h"
#include "venue/JsonScan.h"
#include "venue/VenueJson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <initializer_list>
#include <limits>
#include <string_view>

namespace usher {

namespace {

using std::to_string;

constexpr const char* kFormatName = "usher-event";
constexpr int kFormatVersion = 1;
constexpr std::uint64_t kJsonIntegerMax = (1ull << 53) - 1; // beyond this JavaScript loses digits
constexpr Timestamp kDayMs = 24ll * 3600 * 1000;

// ---- Writing ---------------------------------------------------------------------------------

QJsonValue timeToJson(Timestamp ms)
{
    // ISO 8601 for every time people can mean; a plain number only where ISO has no four-digit year.
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    if (time.isValid() && time.date().year() >= 1 && time.date().year() <= 9999)
        return time.toString(Qt::ISODateWithMs);
    return QJsonValue(qint64(ms));
}

QString text(const std::string& value)
{
    return QString::fromStdString(value);
}

QJsonObject headerToJson(const EventSpec& spec)
{
    QJsonObject o;
    o.insert(QLatin1String("format"), QLatin1String(kFormatName));
    o.insert(QLatin1String("version"), kFormatVersion);
    if (spec.id <= kJsonIntegerMax)
        o.insert(QLatin1String("id"), qint64(spec.id));
    else
        o.insert(QLatin1String("id"), QString::number(spec.id));
    o.insert(QLatin1String("name"), text(spec.name));
    // Optional catalog fields: written only when set, so other events' files stay as they were.
    if (!spec.performer.empty())
        o.insert(QLatin1String("performer"), text(spec.performer));
    if (!spec.genre.empty())
        o.insert(QLatin1String("genre"), text(spec.genre));
    if (!spec.city.empty())
        o.insert(QLatin1String("city"), text(spec.city));
    o.insert(QLatin1String("startsAt"), timeToJson(spec.startsAt));
    o.insert(QLatin1String("timeZone"), text(spec.timeZone));
    o.insert(QLatin1String("currency"), text(spec.currency));
    o.insert(QLatin1String("holdSeconds"), qint64(spec.holdSeconds));
    o.insert(QLatin1String("holdLifetimeSecondsMax"), qint64(spec.holdLifetimeSecondsMax));
    o.insert(QLatin1String("paymentSecondsMax"), qint64(spec.paymentSecondsMax));
    o.insert(QLatin1String("ticketsPerOrderMax"), qint64(spec.ticketsPerOrderMax));
    // Written only once an event was changed while running, so the files of other events stay as
    // they were.
    if (spec.revision != 0)
        o.insert(QLatin1String("revision"), qint64(spec.revision));
    if (spec.ticketsPerOrderPeak > spec.ticketsPerOrderMax)
        o.insert(QLatin1String("ticketsPerOrderPeak"), qint64(spec.ticketsPerOrderPeak));
    const QByteArray key(reinterpret_cast<const char*>(spec.ticketKey.data()), qsizetype(spec.ticketKey.size()));
    o.insert(QLatin1String("ticketKey"), QString::fromLatin1(key.toBase64()));
    return o;
}

QJsonObject salesToJson(const EventSpec& spec, QJsonObject o)
{
    QJsonArray priceTypes;
    for (const PriceType& type : spec.priceTypes)
        priceTypes.append(
            QJsonObject { { QLatin1String("key"), text(type.key) }, { QLatin1String("name"), text(type.name) } });
    o.insert(QLatin1String("priceTypes"), priceTypes);
    QJsonArray prices;
    for (const CategoryPrices& entry : spec.prices) {
        QJsonArray amounts;
        for (const Amount amount : entry.amounts)
            amounts.append(amount == kNotOffered ? QJsonValue(QJsonValue::Null) : QJsonValue(qint64(amount)));
        prices.append(
            QJsonObject { { QLatin1String("category"), text(entry.category) }, { QLatin1String("amounts"), amounts } });
    }
    o.insert(QLatin1String("prices"), prices);
    QJsonArray channels;
    for (const SalesChannel& c : spec.channels) {
        channels.append(QJsonObject {
            { QLatin1String("id"), qint64(c.id) },
            { QLatin1String("name"), text(c.name) },
            { QLatin1String("kind"),
              c.kind == ChannelKind::BoxOffice ? QLatin1String("box_office") : QLatin1String("online") },
            { QLatin1String("onsaleAt"), timeToJson(c.onsaleAt) },
            { QLatin1String("offsaleAt"), timeToJson(c.offsaleAt) },
        });
    }
    o.insert(QLatin1String("channels"), channels);
    return o;
}

// ---- Reading ---------------------------------------------------------------------------------

struct Reader {
    std::string error;
    bool fail(const std::string& path, const std::string& message)
    {
        if (error.empty())
            error = path + ": " + message;
        return false;
    }
};

std::string join(const std::string& path, const char* key)
{
    return path.empty() ? std::string(key) : path + "." + key;
}

bool checkKeys(Reader& r, const QJsonObject& o, const std::string& path, std::initializer_list<const char*> keys)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        bool known = it.key().startsWith(QLatin1String("x-"));
        for (const char* key : keys)
            known = known || it.key() == QLatin1String(key);
        if (!known)
            return r.fail(join(path, it.key().toStdString().c_str()), "unknown field");
    }
    return true;
}

// Looks `key` up; false (with an error) when it is missing but required or has the wrong type.
bool lookUp(Reader& r, const QJsonObject& o, const char* key, const std::string& path, QJsonValue::Type type,
            bool required, QJsonValue* out)
{
    static constexpr const char* kTypeNames[]
        = { "null", "true/false", "a number", "a string", "an array", "an object" };
    *out = o.value(QLatin1String(key));
    if (out->isUndefined())
        return required ? r.fail(join(path, key), "missing") : true;
    if (out->type() != type)
        return r.fail(join(path, key),
                      std::string("expected ") + kTypeNames[type] + ", found " + kTypeNames[out->type()]);
    return true;
}

bool readString(Reader& r, const QJsonObject& o, const char* key, const std::string& path, bool required,
                std::string* out)
{
    QJsonValue value;
    if (!lookUp(r, o, key, path, QJsonValue::String, required, &value))
        return false;
    if (!value.isUndefined())
        *out = value.toString().toStdString();
    return true;
}

bool readInteger(Reader& r, const QJsonValue& value, const std::string& path, std::int64_t min, std::int64_t max,
                 std::int64_t* out)
{
    // Qt keeps integers that fit in 64 bits exact; toInteger() answers the default for anything else.
    const std::int64_t n = value.toInteger(0);
    if (!value.isDouble() || double(n) != value.toDouble() || n < min || n > max)
        return r.fail(path, "expected a whole number in " + to_string(min) + ".." + to_string(max));
    *out = n;
    return true;
}

template <typename T>
bool readUnsigned(Reader& r, const QJsonObject& o, const char* key, const std::string& path, T* out)
{
    QJsonValue value;
    std::int64_t n = 0;
    constexpr auto max = std::int64_t(
        std::min<std::uint64_t>(std::numeric_limits<T>::max(), std::numeric_limits<std::int64_t>::max()));
    if (!lookUp(r, o, key, path, QJsonValue::Double, true, &value)
        || !readInteger(r, value, join(path, key), 0, max, &n))
        return false;
    *out = static_cast<T>(n);
    return true;
}

// As readUnsigned, but a missing key leaves *out as it is.
template <typename T>
bool readOptionalUnsigned(Reader& r, const QJsonObject& o, const char* key, T* out)
{
    return o.value(QLatin1String(key)).isUndefined() || readUnsigned(r, o, key, {}, out);
}

bool readTime(Reader& r, const QJsonObject& o, const char* key, const std::string& path, Timestamp* out)
{
    const QJsonValue value = o.value(QLatin1String(key));
    if (value.isUndefined())
        return r.fail(join(path, key), "missing");
    if (value.isDouble()) // milliseconds since the epoch: the writer's fallback outside years 1..9999
        return readInteger(r, value, join(path, key), std::numeric_limits<Timestamp>::min(),
                           std::numeric_limits<Timestamp>::max(), out);
    if (!value.isString())
        return r.fail(join(path, key), "expected an ISO 8601 time such as \"2025-06-01T19:30:00.000Z\"");
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!time.isValid())
        return r.fail(join(path, key), "\"" + value.toString().toStdString() + "\" is not an ISO 8601 time");
    if (time.timeSpec() == Qt::LocalTime)
        return r.fail(join(path, key), "the time needs a zone: end it with Z or an offset such as +02:00");
    *out = time.toMSecsSinceEpoch();
    return true;
}

bool readId(Reader& r, const QJsonObject& o, EventId* out)
{
    const QJsonValue value = o.value(QLatin1String("id"));
    if (value.isString()) { // ids past 2^53 are written as decimal strings
        bool ok = false;
        *out = value.toString().toULongLong(&ok);
        return ok ? true : r.fail("id", "expected a whole number");
    }
    return readUnsigned(r, o, "id", {}, out);
}

bool readTicketKey(Reader& r, const QJsonObject& o, EventSpec* spec)
{
    QJsonValue value;
    if (!lookUp(r, o, "ticketKey", {}, QJsonValue::String, false, &value))
        return false;
    if (value.isUndefined()) { // a new event: it gets a fresh secret
        secureRandom(spec->ticketKey.data(), spec->ticketKey.size());
        return true;
    }
    const auto decoded
        = QByteArray::fromBase64Encoding(value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != qsizetype(spec->ticketKey.size()))
        return r.fail("ticketKey", "expected " + to_string(spec->ticketKey.size()) + " bytes in base64");
    std::copy(decoded.decoded.begin(), decoded.decoded.end(), spec->ticketKey.begin());
    return true;
}

bool readHeader(Reader& r, const QJsonObject& o, EventSpec* spec)
{
    if (o.value(QLatin1String("format")).toString() != QLatin1String(kFormatName))
        return r.fail("format", std::string("not an event (expected \"") + kFormatName + "\")");
    int version = 0;
    if (!readUnsigned(r, o, "version", {}, &version))
        return false;
    if (version != kFormatVersion)
        return r.fail("version",
                      "version " + to_string(version) + " is not supported (this Usher reads version "
                          + to_string(kFormatVersion) + ")");
    return checkKeys(r, o, {},
                     { "format", "version", "id", "name", "startsAt", "timeZone", "currency", "priceTypes", "prices",
                       "channels", "holdSeconds", "holdLifetimeSecondsMax", "paymentSecondsMax", "ticketsPerOrderMax",
                       "ticketKey", "venue", "revision", "ticketsPerOrderPeak", "performer", "genre", "city" })
        && readId(r, o, &spec->id) && readString(r, o, "name", {}, true, &spec->name)
        && readString(r, o, "performer", {}, false, &spec->performer)
        && readString(r, o, "genre", {}, false, &spec->genre) && readString(r, o, "city", {}, false, &spec->city)
        && readTime(r, o, "startsAt", {}, &spec->startsAt) && readString(r, o, "timeZone", {}, false, &spec->timeZone)
        && readString(r, o, "currency", {}, true, &spec->currency)
        && readUnsigned(r, o, "holdSeconds", {}, &spec->holdSeconds)
        && readUnsigned(r, o, "holdLifetimeSecondsMax", {}, &spec->holdLifetimeSecondsMax)
        && readUnsigned(r, o, "paymentSecondsMax", {}, &spec->paymentSecondsMax)
        && readUnsigned(r, o, "ticketsPerOrderMax", {}, &spec->ticketsPerOrderMax)
        && readOptionalUnsigned(r, o, "revision", &spec->revision)
        && readOptionalUnsigned(r, o, "ticketsPerOrderPeak", &spec->ticketsPerOrderPeak) && readTicketKey(r, o, spec);
}

// Calls read(object, path) for every element of the array `key`, each of which must be an object.
template <typename Read>
bool forEachObject(Reader& r, const QJsonObject& o, const char* key, Read read)
{
    QJsonValue value;
    if (!lookUp(r, o, key, {}, QJsonValue::Array, true, &value))
        return false;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const std::string path = std::string(key) + "[" + to_string(i) + "]";
        if (!array.at(i).isObject())
            return r.fail(path, "expected an object");
        if (!read(array.at(i).toObject(), path))
            return false;
    }
    return true;
}

bool readAmounts(Reader& r, const QJsonObject& o, const std::string& path, std::vector<Amount>* out)
{
    QJsonValue value;
    if (!lookUp(r, o, "amounts", path, QJsonValue::Array, true, &value))
        return false;
    const QJsonArray amounts = value.toArray();
    for (qsizetype i = 0; i < amounts.size() && i <= qsizetype(limits::priceTypesMax); ++i) {
        Amount amount = kNotOffered; // null: this price type is not sold in the category
        const std::string amountPath = path + ".amounts[" + to_string(i) + "]";
        if (!amounts.at(i).isNull() && !readInteger(r, amounts.at(i), amountPath, 0, kAmountMax, &amount))
            return false;
        out->push_back(amount);
    }
    return true;
}

bool readSales(Reader& r, const QJsonObject& o, EventSpec* spec)
{
    const auto readType = [&](const QJsonObject& e, const std::string& path) {
        PriceType type;
        if (!checkKeys(r, e, path, { "key", "name" }) || !readString(r, e, "key", path, true, &type.key)
            || !readString(r, e, "name", path, false, &type.name))
            return false;
        spec->priceTypes.push_back(std::move(type));
        return spec->priceTypes.size() <= limits::priceTypesMax || r.fail("priceTypes", "too many price types");
    };
    const auto readPrices = [&](const QJsonObject& e, const std::string& path) {
        CategoryPrices prices;
        if (!checkKeys(r, e, path, { "category", "amounts" })
            || !readString(r, e, "category", path, true, &prices.category) || !readAmounts(r, e, path, &prices.amounts))
            return false;
        spec->prices.push_back(std::move(prices));
        return true;
    };
    const auto readChannel = [&](const QJsonObject& e, const std::string& path) {
        SalesChannel channel;
        std::string kind;
        if (!checkKeys(r, e, path, { "id", "name", "kind", "onsaleAt", "offsaleAt" })
            || !readUnsigned(r, e, "id", path, &channel.id) || !readString(r, e, "name", path, false, &channel.name)
            || !readString(r, e, "kind", path, true, &kind) || !readTime(r, e, "onsaleAt", path, &channel.onsaleAt)
            || !readTime(r, e, "offsaleAt", path, &channel.offsaleAt))
            return false;
        if (kind != "online" && kind != "box_office")
            return r.fail(path + ".kind", "\"" + kind + "\" is not \"online\" or \"box_office\"");
        channel.kind = kind == "online" ? ChannelKind::Online : ChannelKind::BoxOffice;
        spec->channels.push_back(std::move(channel));
        return spec->channels.size() <= limits::channelsMax || r.fail("channels", "too many channels");
    };
    return forEachObject(r, o, "priceTypes", readType) && forEachObject(r, o, "prices", readPrices)
        && forEachObject(r, o, "channels", readChannel);
}

bool readVenue(Reader& r, const QJsonObject& o, EventSpec* spec)
{
    QJsonValue value;
    if (!lookUp(r, o, "venue", {}, QJsonValue::Object, true, &value))
        return false;
    VenueError venueError;
    spec->venue = venueFromJsonObject(value.toObject(), &venueError);
    if (!spec->venue && r.error.empty())
        r.error = "venue." + venueError.message; // venue messages start with their path
    return spec->venue != nullptr;
}

// The fast path (docs/design/cold-start.md): the venue, nearly all of a large event's bytes, is
// read by scanVenue(); the other members by the readers above, from an object of their own. False
// to give up, leaving *out as it was: eventSpecFromJson() then reads the whole text the reference
// way, which also words every error.
bool scanEventSpec(const QByteArray& json, EventSpec* out)
{
    JsonScan s(json.constData(), json.constData() + json.size());
    JsonRest rest;
    VenuePtr venue;
    bool first = true;
    std::string_view key;
    const char* member = nullptr;
    if (!s.take('{'))
        return false;
    while (s.nextMember(&first, &key, &member)) {
        if (key == "venue") {
            if (venue != nullptr || (venue = scanVenue(s)) == nullptr)
                return false;
        } else {
            if (!s.skipValue())
                return false;
            rest.add(member, s.position());
        }
    }
    Reader reader;
    EventSpec spec;
    QJsonObject o;
    if (s.failed() || !s.atEnd() || venue == nullptr || !rest.parse(&o) || !readHeader(reader, o, &spec)
        || !readSales(reader, o, &spec))
        return false;
    spec.venue = std::move(venue);
    if (!spec.finalize().empty())
        return false;
    *out = std::move(spec);
    return true;
}

} // namespace

QByteArray eventSpecToJson(const EventSpec& spec)
{
    // The venue is spliced in as its own text: it keeps its readable layout and shortest floats, and
    // a large venue is not built up a second time as a QJsonObject.
    QByteArray json = QJsonDocument(salesToJson(spec, headerToJson(spec))).toJson(QJsonDocument::Indented);
    USHER_ASSERT(json.endsWith("\n}\n"));
    json.chop(3);
    json += ",\n    \"venue\": ";
    json += spec.venue ? venueToJson(*spec.venue).trimmed() : QByteArray("null");
    json += "\n}\n";
    return json;
}

bool eventSpecFromJson(const QByteArray& json, EventSpec* out, std::string* error)
{
    const auto setError = [&](std::string message) {
        if (error)
            *error = std::move(message);
        return false;
    };
    if (std::size_t(json.size()) > limits::venueFileBytesMax + (1u << 20))
        return setError("the event is " + to_string(json.size()) + " bytes, more than the limit");
    if (scanEventSpec(json, out))
        return true;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        int line = 0;
        int column = 0;
        jsonLineColumn(json, parseError.offset, &line, &column);
        return setError("line " + to_string(line) + ", column " + to_string(column)
                        + ": JSON syntax error: " + parseError.errorString().toStdString());
    }
    if (!document.isObject())
        return setError("the event is not a JSON object");
    Reader reader;
    EventSpec spec;
    const QJsonObject o = document.object();
    if (!readHeader(reader, o, &spec) || !readSales(reader, o, &spec) || !readVenue(reader, o, &spec))
        return setError(reader.error);
    if (std::string problem = spec.finalize(); !problem.empty())
        return setError(problem);
    *out = std::move(spec);
    return true;
}

EventSpec makeDemoEvent(EventId id, const std::string& name, VenuePtr venue, Timestamp now)
{
    USHER_ASSERT(venue != nullptr);
    EventSpec spec;
    spec.id = id;
    spec.name = name;
    spec.startsAt = now + 30 * kDayMs;
    spec.timeZone = "Europe/Berlin";
    spec.currency = "EUR";
    spec.priceTypes = { { "adult", "Adult" }, { "concession", "Concession" }, { "child", "Child" } };
    // Category A costs most; each further category 15 EUR less, never below 15 EUR.
    for (std::size_t c = 0; c < venue->categories.size(); ++c) {
        const Amount adult = std::max<Amount>(1500, 8900 - 1500 * Amount(c));
        const Amount concession = adult * 8 / 10 / 50 * 50;
        const Amount child = adult / 2 / 50 * 50;
        spec.prices.push_back(CategoryPrices { venue->categories[c].key, { adult, concession, child } });
    }
    const Timestamp offsale = spec.startsAt; // sales close when the show starts
    spec.channels = { { 1, "Online", ChannelKind::Online, now, offsale },
                      { 2, "Box office 1", ChannelKind::BoxOffice, now, offsale } };
    spec.venue = std::move(venue);
    secureRandom(spec.ticketKey.data(), spec.ticketKey.size());
    const std::string problem = spec.finalize();
    USHER_ASSERT(problem.empty());
    return spec;
}

} // namespace usher
