// EventSpec: validation, the resolved price table, currencies, the JSON form and the demo event.

#include "core/Limits.h"
#include "event/EventSpec.h"
#include "event/EventSpecJson.h"
#include "venue/VenueGenerator.h"
#include "venue/VenueJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>
#include <limits>

using namespace usher;

namespace {

constexpr Timestamp kNow = 1'750'000'000'123; // 2025-06-15T15:06:40.123Z
constexpr Timestamp kDay = 24ll * 3600 * 1000;

QString q(const std::string& text)
{
    return QString::fromStdString(text);
}

VenuePtr smallVenue()
{
    static const VenuePtr venue = generateVenue(GeneratedVenueSpec { "Small", 2, 3, 4, 3, false, 1, 20, 0 });
    return venue;
}

EventSpec validSpec()
{
    EventSpec spec;
    spec.id = 7;
    spec.name = "Matinee";
    spec.startsAt = kNow + 10 * kDay;
    spec.timeZone = "Europe/Zurich";
    spec.currency = "CHF";
    spec.venue = smallVenue();
    spec.priceTypes = { { "adult", "Adult" }, { "child", "Child" } };
    spec.prices = { { "A", { 5000, 2500 } }, { "B", { 3000, kNotOffered } } };
    spec.channels = { { 1, "Web", ChannelKind::Online, kNow, kNow + 5 * kDay },
                      { 9, "Desk", ChannelKind::BoxOffice, kNow - kDay, kNow + 10 * kDay } };
    for (std::size_t i = 0; i < spec.ticketKey.size(); ++i)
        spec.ticketKey[i] = static_cast<std::uint8_t>(i * 7 + 1);
    return spec;
}

// Everything a spec holds, compared field by field (the venue by content).
void compareSpecs(const EventSpec& a, const EventSpec& b)
{
    QCOMPARE(a.id, b.id);
    QCOMPARE(q(a.name), q(b.name));
    QCOMPARE(a.startsAt, b.startsAt);
    QCOMPARE(q(a.timeZone), q(b.timeZone));
    QCOMPARE(q(a.currency), q(b.currency));
    QVERIFY(a.venue && b.venue && a.venue->sameContent(*b.venue));
    QCOMPARE(a.priceTypes.size(), b.priceTypes.size());
    for (std::size_t i = 0; i < a.priceTypes.size(); ++i) {
        QCOMPARE(q(a.priceTypes[i].key), q(b.priceTypes[i].key));
        QCOMPARE(q(a.priceTypes[i].name), q(b.priceTypes[i].name));
    }
    QCOMPARE(a.prices.size(), b.prices.size());
    for (std::size_t i = 0; i < a.prices.size(); ++i) {
        QCOMPARE(q(a.prices[i].category), q(b.prices[i].category));
        QCOMPARE(a.prices[i].amounts, b.prices[i].amounts);
    }
    QCOMPARE(a.channels.size(), b.channels.size());
    for (std::size_t i = 0; i < a.channels.size(); ++i) {
        QCOMPARE(a.channels[i].id, b.channels[i].id);
        QCOMPARE(q(a.channels[i].name), q(b.channels[i].name));
        QCOMPARE(a.channels[i].kind, b.channels[i].kind);
        QCOMPARE(a.channels[i].onsaleAt, b.channels[i].onsaleAt);
        QCOMPARE(a.channels[i].offsaleAt, b.channels[i].offsaleAt);
    }
    QCOMPARE(a.holdSeconds, b.holdSeconds);
    QCOMPARE(a.holdLifetimeSecondsMax, b.holdLifetimeSecondsMax);
    QCOMPARE(a.paymentSecondsMax, b.paymentSecondsMax);
    QCOMPARE(a.ticketsPerOrderMax, b.ticketsPerOrderMax);
    QVERIFY(a.ticketKey == b.ticketKey);
    QCOMPARE(a.priceTable, b.priceTable);
}

QJsonObject jsonOf(const EventSpec& spec)
{
    return QJsonDocument::fromJson(eventSpecToJson(spec)).object();
}

} // namespace

class TestEventSpec : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void validSpecFinalizes();
    void finalizeRejects_data();
    void finalizeRejects();
    void priceTable();
    void channelLookup();
    void currencies();
    void jsonRoundTrip();
    void jsonRoundTripOfExtremes();
    void jsonShape();
    void jsonAcceptsOffsetsAndMilliseconds();
    void jsonGeneratesMissingTicketKey();
    void jsonErrors_data();
    void jsonErrors();
    void jsonErrorLeavesOutputUntouched();
    void jsonMembersInAnyOrder();
    void demoEvent();
};

void TestEventSpec::validSpecFinalizes()
{
    EventSpec spec = validSpec();
    QCOMPARE(q(spec.finalize()), QString());
    QCOMPARE(q(spec.finalize()), QString()); // idempotent
    QCOMPARE(spec.priceTable.size(), std::size_t(3 * 2));
}

void TestEventSpec::finalizeRejects_data()
{
    QTest::addColumn<int>("mutation");
    QTest::addColumn<QString>("expected");
    const char* expectations[] = {
        "id: must not be 0",
        "name: must not be empty",
        "venue: missing",
        "currency: unknown ISO 4217 code \"XXX\"",
        "currency: unknown ISO 4217 code \"chf\"",
        "timeZone: must not be empty",
        "priceTypes: 0 price types, expected 1..16",
        "priceTypes: 17 price types, expected 1..16",
        "priceTypes[1].key: duplicate price type \"adult\"",
        "priceTypes[0].key: must not be empty",
        "prices[1].category: the venue has no category \"Z\"",
        "prices[1].category: category \"A\" is priced twice",
        "prices[0].amounts: 3 amounts, expected one per price type (2)",
        "prices[0].amounts[1]: -2 is not in 0..1000000000000000 (or not offered)",
        "prices[1].amounts[0]: 1000000000000001 is not in 0..1000000000000000 (or not offered)",
        "channels: 0 channels, expected 1..1000",
        "channels: 1001 channels, expected 1..1000",
        "channels[0].id: must not be 0 (0 is the open pool)",
        "channels[1].id: duplicate channel id 1",
        "channels[0]: onsaleAt must be before offsaleAt",
        "channels[1].kind: unknown channel kind 7",
        "holdSeconds: 0 is not in 1..86400",
        "holdSeconds: 86401 is not in 1..86400",
        "holdLifetimeSecondsMax: 599 is less than holdSeconds (600)",
        "paymentSecondsMax: must be at least 1",
        "ticketsPerOrderMax: 0 is not in 1..64",
        "ticketsPerOrderMax: 65 is not in 1..64",
        "name: longer than 1024 bytes",
    };
    for (int i = 0; i < int(std::size(expectations)); ++i)
        QTest::newRow(expectations[i]) << i << QString::fromUtf8(expectations[i]);
}

void TestEventSpec::finalizeRejects()
{
    QFETCH(int, mutation);
    QFETCH(QString, expected);
    const std::vector<std::function<void(EventSpec&)>> mutations = {
        [](EventSpec& s) { s.id = 0; },
        [](EventSpec& s) { s.name.clear(); },
        [](EventSpec& s) { s.venue = nullptr; },
        [](EventSpec& s) { s.currency = "XXX"; },
        [](EventSpec& s) { s.currency = "chf"; },
        [](EventSpec& s) { s.timeZone.clear(); },
        [](EventSpec& s) { s.priceTypes.clear(); },
        [](EventSpec& s) {
            s.priceTypes.resize(17, PriceType { "x", "" });
        },
        [](EventSpec& s) { s.priceTypes[1].key = "adult"; },
        [](EventSpec& s) { s.priceTypes[0].key.clear(); },
        [](EventSpec& s) { s.prices[1].category = "Z"; },
        [](EventSpec& s) { s.prices[1].category = "A"; },
        [](EventSpec& s) { s.prices[0].amounts.push_back(1); },
        [](EventSpec& s) { s.prices[0].amounts[1] = -2; },
        [](EventSpec& s) { s.prices[1].amounts[0] = kAmountMax + 1; },
        [](EventSpec& s) { s.channels.clear(); },
        [](EventSpec& s) {
            s.channels.clear();
            for (ChannelId id = 1; id <= 1001; ++id)
                s.channels.push_back(SalesChannel { id, "c", ChannelKind::Online, 0, 1 });
        },
        [](EventSpec& s) { s.channels[0].id = 0; },
        [](EventSpec& s) { s.channels[1].id = 1; },
        [](EventSpec& s) { s.channels[0].offsaleAt = s.channels[0].onsaleAt; },
        [](EventSpec& s) { s.channels[1].kind = static_cast<ChannelKind>(7); },
        [](EventSpec& s) { s.holdSeconds = 0; },
        [](EventSpec& s) { s.holdSeconds = 86'401; },
        [](EventSpec& s) { s.holdLifetimeSecondsMax = 599; },
        [](EventSpec& s) { s.paymentSecondsMax = 0; },
        [](EventSpec& s) { s.ticketsPerOrderMax = 0; },
        [](EventSpec& s) { s.ticketsPerOrderMax = 65; },
        [](EventSpec& s) { s.name = std::string(1025, 'n'); },
    };
    QCOMPARE(mutations.size(), std::size_t(28));
    EventSpec spec = validSpec();
    mutations[std::size_t(mutation)](spec);
    QCOMPARE(q(spec.finalize()), expected);
    QVERIFY(spec.priceTable.empty()); // no half-built table for an invalid spec
}

void TestEventSpec::priceTable()
{
    EventSpec spec = validSpec();
    spec.priceTypes.push_back({ "vip", "VIP" });
    spec.prices = { { "B", { 3000, kNotOffered, 0 } }, { "A", { 5000, 2500, 9900 } } };
    QVERIFY(spec.finalize().empty());
    QCOMPARE(spec.priceTable.size(), std::size_t(3 * 3));
    QCOMPARE(spec.price(0, 0), Amount(5000));
    QCOMPARE(spec.price(0, 1), Amount(2500));
    QCOMPARE(spec.price(0, 2), Amount(9900));
    QCOMPARE(spec.price(1, 0), Amount(3000));
    QCOMPARE(spec.price(1, 1), kNotOffered);
    QCOMPARE(spec.price(1, 2), Amount(0)); // free is a price
    for (std::uint32_t type = 0; type < 3; ++type)
        QCOMPARE(spec.price(2, type), kNotOffered); // category C has no prices entry
    QCOMPARE(spec.price(0, 3), kNotOffered);
    QCOMPARE(spec.price(3, 0), kNotOffered);
    QCOMPARE(spec.price(0xffff, 0xffffffff), kNotOffered);
}

void TestEventSpec::channelLookup()
{
    EventSpec spec = validSpec();
    QVERIFY(spec.finalize().empty());
    QVERIFY(spec.channel(1));
    QCOMPARE(q(spec.channel(9)->name), QStringLiteral("Desk"));
    QCOMPARE(spec.channel(9)->kind, ChannelKind::BoxOffice);
    QVERIFY(!spec.channel(0));
    QVERIFY(!spec.channel(2));
}

void TestEventSpec::currencies()
{
    QCOMPARE(currencyExponent("EUR"), 2);
    QCOMPARE(currencyExponent("USD"), 2);
    QCOMPARE(currencyExponent("JPY"), 0);
    QCOMPARE(currencyExponent("KRW"), 0);
    QCOMPARE(currencyExponent("ISK"), 0);
    QCOMPARE(currencyExponent("BHD"), 3);
    QCOMPARE(currencyExponent("KWD"), 3);
    QCOMPARE(currencyExponent("HUF"), 2);
    QCOMPARE(currencyExponent("XYZ"), -1);
    QCOMPARE(currencyExponent(""), -1);
    QCOMPARE(currencyExponent("EURO"), -1);
    int known = 0;
    for (const char* code : { "EUR", "USD", "GBP", "CHF", "JPY", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "CAD",
                              "AUD", "NZD", "KRW", "BHD", "KWD", "OMR", "JOD", "TND", "ISK", "CLP", "VND", "BRL",
                              "MXN", "INR", "CNY", "HKD", "SGD", "ZAR", "TRY", "ILS", "RON", "BGN", "AED" })
        known += currencyExponent(code) >= 0 ? 1 : 0;
    QCOMPARE(known, 35);
    EventSpec spec = validSpec();
    spec.currency = "JPY";
    QCOMPARE(spec.currencyExponent(), 0);
}

void TestEventSpec::jsonRoundTrip()
{
    EventSpec spec = validSpec();
    spec.holdSeconds = 321;
    spec.holdLifetimeSecondsMax = 999;
    spec.paymentSecondsMax = 45;
    spec.ticketsPerOrderMax = 64;
    QVERIFY(spec.finalize().empty());
    const QByteArray json = eventSpecToJson(spec);
    EventSpec loaded;
    std::string error;
    QVERIFY2(eventSpecFromJson(json, &loaded, &error), error.c_str());
    compareSpecs(loaded, spec);
    QCOMPARE(eventSpecToJson(loaded), json);
}

void TestEventSpec::jsonRoundTripOfExtremes()
{
    // Times outside years 1..9999 fall back to numbers; ids beyond 2^53 to strings.
    EventSpec spec = validSpec();
    spec.id = std::numeric_limits<EventId>::max();
    spec.startsAt = -1;
    spec.channels[0].onsaleAt = std::numeric_limits<Timestamp>::min();
    spec.channels[0].offsaleAt = std::numeric_limits<Timestamp>::max();
    spec.channels[1].onsaleAt = 0;
    spec.channels[1].offsaleAt = std::numeric_limits<Timestamp>::max() / 2;
    spec.name = "Ünïcödé \"quoted\" \\ name";
    spec.prices[0].amounts = { kAmountMax, 0 };
    QVERIFY(spec.finalize().empty());
    EventSpec loaded;
    std::string error;
    QVERIFY2(eventSpecFromJson(eventSpecToJson(spec), &loaded, &error), error.c_str());
    compareSpecs(loaded, spec);
    const QJsonObject o = jsonOf(spec);
    QCOMPARE(o.value(QStringLiteral("id")).toString(), QStringLiteral("18446744073709551615"));
    QCOMPARE(o.value(QStringLiteral("startsAt")).toString(), QStringLiteral("1969-12-31T23:59:59.999Z"));
}

void TestEventSpec::jsonShape()
{
    EventSpec spec = validSpec();
    QVERIFY(spec.finalize().empty());
    const QJsonObject o = jsonOf(spec);
    QCOMPARE(o.value(QStringLiteral("format")).toString(), QStringLiteral("usher-event"));
    QCOMPARE(o.value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(o.value(QStringLiteral("id")).toInteger(), 7);
    QCOMPARE(o.value(QStringLiteral("startsAt")).toString(), QStringLiteral("2025-06-25T15:06:40.123Z"));
    QCOMPARE(o.value(QStringLiteral("currency")).toString(), QStringLiteral("CHF"));
    const QJsonArray amounts
        = o.value(QStringLiteral("prices")).toArray().at(1).toObject().value(QStringLiteral("amounts")).toArray();
    QCOMPARE(amounts.at(0).toInteger(), 3000);
    QVERIFY(amounts.at(1).isNull()); // not offered
    const QJsonObject desk = o.value(QStringLiteral("channels")).toArray().at(1).toObject();
    QCOMPARE(desk.value(QStringLiteral("kind")).toString(), QStringLiteral("box_office"));
    QCOMPARE(desk.value(QStringLiteral("onsaleAt")).toString(), QStringLiteral("2025-06-14T15:06:40.123Z"));
    const QString key = o.value(QStringLiteral("ticketKey")).toString();
    QCOMPARE(QByteArray::fromBase64(key.toLatin1()).size(), qsizetype(32));
    QCOMPARE(o.value(QStringLiteral("venue")).toObject().value(QStringLiteral("format")).toString(),
             QStringLiteral("usher-venue"));
}

void TestEventSpec::jsonAcceptsOffsetsAndMilliseconds()
{
    EventSpec spec = validSpec();
    QVERIFY(spec.finalize().empty());
    QByteArray json = eventSpecToJson(spec);
    json.replace("\"2025-06-25T15:06:40.123Z\"", "\"2025-06-25T17:06:40.123+02:00\"");
    json.replace("\"2025-06-14T15:06:40.123Z\"", "\"2025-06-14T15:06:40Z\"");
    EventSpec loaded;
    std::string error;
    QVERIFY2(eventSpecFromJson(json, &loaded, &error), error.c_str());
    QCOMPARE(loaded.startsAt, spec.startsAt);
    QCOMPARE(loaded.channels[1].onsaleAt, spec.channels[1].onsaleAt - 123);
}

void TestEventSpec::jsonGeneratesMissingTicketKey()
{
    EventSpec spec = validSpec();
    QVERIFY(spec.finalize().empty());
    QJsonObject o = jsonOf(spec);
    o.remove(QStringLiteral("ticketKey"));
    const QByteArray json = QJsonDocument(o).toJson();
    EventSpec a;
    EventSpec b;
    std::string error;
    QVERIFY2(eventSpecFromJson(json, &a, &error), error.c_str());
    QVERIFY(eventSpecFromJson(json, &b, &error));
    QVERIFY(a.ticketKey != b.ticketKey); // a fresh secret each time
    QVERIFY(a.ticketKey != (std::array<std::uint8_t, 32> {}));
}

void TestEventSpec::jsonErrors_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value"); // JSON text; empty removes the field
    QTest::addColumn<QString>("expected");
    const auto row = [](const char* field, const char* value, const char* expected) {
        const QByteArray tag = QByteArray(field) + " = " + value;
        QTest::newRow(tag.constData()) << QString::fromUtf8(field) << QString::fromUtf8(value)
                                       << QString::fromUtf8(expected);
    };
    row("format", "\"usher-venue\"", "format: not an event (expected \"usher-event\")");
    row("version", "2", "version: version 2 is not supported (this Usher reads version 1)");
    row("version", "", "version: missing");
    row("id", "-1", "id: expected a whole number in 0..9223372036854775807");
    row("id", "\"12x\"", "id: expected a whole number");
    row("id", "0", "id: must not be 0");
    row("name", "", "name: missing");
    row("name", "[]", "name: expected a string, found an array");
    row("startsAt", "\"tomorrow\"", "startsAt: \"tomorrow\" is not an ISO 8601 time");
    row("startsAt", "\"2025-06-01T19:30:00\"",
        "startsAt: the time needs a zone: end it with Z or an offset such as +02:00");
    row("startsAt", "1.5", "startsAt: expected a whole number in -9223372036854775808..9223372036854775807");
    row("startsAt", "true", "startsAt: expected an ISO 8601 time such as \"2025-06-01T19:30:00.000Z\"");
    row("currency", "\"ABC\"", "currency: unknown ISO 4217 code \"ABC\"");
    row("holdSeconds", "-5", "holdSeconds: expected a whole number in 0..4294967295");
    row("holdSeconds", "0", "holdSeconds: 0 is not in 1..86400");
    row("ticketsPerOrderMax", "\"10\"", "ticketsPerOrderMax: expected a number, found a string");
    row("ticketKey", "\"AAAA\"", "ticketKey: expected 32 bytes in base64");
    row("ticketKey", "\"not base64!\"", "ticketKey: expected 32 bytes in base64");
    row("priceTypes", "{}", "priceTypes: expected an array, found an object");
    row("priceTypes", "[{\"key\": \"adult\", \"label\": \"x\"}]", "priceTypes[0].label: unknown field");
    row("priceTypes", "[5]", "priceTypes[0]: expected an object");
    row("prices", "[{\"category\": \"A\", \"amounts\": [100, -1]}]",
        "prices[0].amounts[1]: expected a whole number in 0..1000000000000000");
    row("prices", "[{\"category\": \"A\", \"amounts\": [100, 2.5]}]",
        "prices[0].amounts[1]: expected a whole number in 0..1000000000000000");
    row("prices", "[{\"category\": \"A\"}]", "prices[0].amounts: missing");
    row("channels", "[{\"id\": 1, \"name\": \"W\", \"kind\": \"phone\", \"onsaleAt\": 0, \"offsaleAt\": 1}]",
        "channels[0].kind: \"phone\" is not \"online\" or \"box_office\"");
    row("channels", "[{\"id\": 70000, \"kind\": \"online\", \"onsaleAt\": 0, \"offsaleAt\": 1}]",
        "channels[0].id: expected a whole number in 0..65535");
    row("channels", "[{\"id\": 1, \"kind\": \"online\", \"onsaleAt\": 0}]", "channels[0].offsaleAt: missing");
    row("channels", "[{\"id\": 1, \"kind\": \"online\", \"onsaleAt\": 5, \"offsaleAt\": 5}]",
        "channels[0]: onsaleAt must be before offsaleAt");
    row("venue", "", "venue: missing");
    row("venue", "{\"format\": \"usher-venue\", \"version\": 1}", "venue.name: missing");
    row("colour", "\"red\"", "colour: unknown field");
}

void TestEventSpec::jsonErrors()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    EventSpec spec = validSpec();
    QVERIFY(spec.finalize().empty());
    QJsonObject o = jsonOf(spec);
    if (value.isEmpty()) {
        QVERIFY(o.contains(field));
        o.remove(field);
    } else {
        const QJsonDocument parsed = QJsonDocument::fromJson(QStringLiteral("[%1]").arg(value).toUtf8());
        QVERIFY(parsed.isArray());
        o.insert(field, parsed.array().at(0));
    }
    EventSpec loaded;
    std::string error;
    QVERIFY(!eventSpecFromJson(QJsonDocument(o).toJson(), &loaded, &error));
    QCOMPARE(q(error), expected);
}

void TestEventSpec::jsonErrorLeavesOutputUntouched()
{
    EventSpec spec = validSpec();
    QVERIFY(spec.finalize().empty());
    QByteArray json = eventSpecToJson(spec);
    EventSpec out;
    out.name = "untouched";
    std::string error;
    QVERIFY(!eventSpecFromJson(json.left(json.size() / 2), &out, &error));
    QVERIFY2(QString::fromStdString(error).startsWith(QStringLiteral("line ")), error.c_str());
    QCOMPARE(q(out.name), QStringLiteral("untouched"));
    QVERIFY(!out.venue);
    json.replace("\"id\": 1,", "\"id\": 0,"); // the first seat id in the embedded venue
    QVERIFY(!eventSpecFromJson(json, &out, &error));
    QCOMPARE(q(error), QStringLiteral("venue.sections[0].rows[0].seats[0].id: seat ids start at 1"));
    QCOMPARE(q(out.name), QStringLiteral("untouched"));
    QVERIFY(!eventSpecFromJson(json, &out, nullptr));
}

void TestEventSpec::jsonMembersInAnyOrder()
{
    // The fast path reads the venue in place and the other members apart (docs/design/cold-start.md):
    // the venue first, in the middle or last, with extension fields, as Qt writes it or compactly.
    EventSpec spec = validSpec();
    QVERIFY(spec.finalize().empty());
    const QByteArray json = eventSpecToJson(spec);
    const qsizetype venueAt = json.indexOf(",\n    \"venue\": ");
    QVERIFY(venueAt > 0);
    const QByteArray head = json.mid(1, venueAt - 1); // the members before the venue, without '{'
    const QByteArray venue = json.mid(venueAt + 1, json.size() - venueAt - 4); // "venue": {...}
    QVERIFY(venue.trimmed().startsWith("\"venue\"") && venue.trimmed().endsWith('}'));
    const qsizetype split = head.indexOf("\"channels\"");
    QVERIFY(split > 0);
    const QList<QByteArray> variants = {
        json,
        "{" + venue + "," + head + "}",
        "{" + head.left(split) + venue + ",\n" + head.mid(split) + "}",
        "{\"x-note\": [1, {\"a\": null}]," + head + "," + venue + "}",
        QJsonDocument::fromJson(json).toJson(QJsonDocument::Compact),
    };
    for (const QByteArray& variant : variants) {
        EventSpec loaded;
        std::string error;
        QVERIFY2(eventSpecFromJson(variant, &loaded, &error), (error + "\n" + variant.left(400).toStdString()).c_str());
        compareSpecs(loaded, spec);
    }
}

void TestEventSpec::demoEvent()
{
    const VenuePtr hall = generateDemoHall();
    const EventSpec a = makeDemoEvent(42, "Demo night", hall, kNow);
    const EventSpec b = makeDemoEvent(43, "Demo night 2", hall, kNow);
    EventSpec copy = a;
    QCOMPARE(q(copy.finalize()), QString());
    QCOMPARE(a.id, EventId(42));
    QCOMPARE(q(a.name), QStringLiteral("Demo night"));
    QCOMPARE(a.venue, hall);
    QCOMPARE(a.startsAt, kNow + 30 * kDay);
    QCOMPARE(a.priceTypes.size(), std::size_t(3));
    QCOMPARE(q(a.priceTypes[0].key), QStringLiteral("adult"));
    QCOMPARE(q(a.priceTypes[1].key), QStringLiteral("concession"));
    QCOMPARE(q(a.priceTypes[2].key), QStringLiteral("child"));
    for (std::uint16_t c = 0; c < hall->categories.size(); ++c) {
        QVERIFY(a.price(c, 0) > 0);
        QVERIFY(a.price(c, 1) > 0 && a.price(c, 1) < a.price(c, 0));
        QVERIFY(a.price(c, 2) > 0 && a.price(c, 2) < a.price(c, 1));
        if (c > 0)
            QVERIFY(a.price(c, 0) <= a.price(c - 1, 0));
    }
    QCOMPARE(a.channels.size(), std::size_t(2));
    QCOMPARE(a.channels[0].kind, ChannelKind::Online);
    QCOMPARE(q(a.channels[1].name), QStringLiteral("Box office 1"));
    QCOMPARE(a.channels[1].id, ChannelId(2));
    QCOMPARE(a.channels[1].kind, ChannelKind::BoxOffice);
    for (const SalesChannel& channel : a.channels) {
        QCOMPARE(channel.onsaleAt, kNow);
        QCOMPARE(channel.offsaleAt, a.startsAt); // sales close when the show starts
    }
    QVERIFY(a.ticketKey != b.ticketKey);
    QVERIFY(a.ticketKey != (std::array<std::uint8_t, 32> {}));
    EventSpec loaded;
    std::string error;
    QVERIFY2(eventSpecFromJson(eventSpecToJson(a), &loaded, &error), error.c_str());
    compareSpecs(loaded, a);
}

QTEST_APPLESS_MAIN(TestEventSpec)
#include "TestEventSpec.moc"
