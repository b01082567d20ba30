// GET /api/events with search parameters on a real usherd (the four demo events: a theatre in
// Zürich, a concert hall in München, an arena in Köln, a stadium in Berlin): results, facets,
// paging, ETag/304, the catalog following POST, and 400s for bad parameters.

#include "ServerTestSupport.h"
#include "support/TempDir.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace usher::test;

namespace {

QStringList names(const QJsonObject& answer)
{
    QStringList out;
    for (const QJsonValue& event : answer.value(QLatin1String("events")).toArray())
        out.append(event.toObject().value(QLatin1String("name")).toString());
    return out;
}

qint64 facetCount(const QJsonObject& answer, const char* facet, const QString& value)
{
    const QJsonArray values = answer.value(QLatin1String("facets")).toObject().value(QLatin1String(facet)).toArray();
    for (const QJsonValue& v : values)
        if (v.toObject().value(QLatin1String("value")).toString() == value)
            return v.toObject().value(QLatin1String("count")).toInteger();
    return 0;
}

} // namespace

class TestServerSearch : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void plainListIsUnchanged();
    void textSearchFoldsDiacritics();
    void facetsAndFilters();
    void pagingFollowsNextPage();
    void etagGives304();
    void newEventsAreFound();
    void pastEventsAreArchived();
    void badParametersGet400();

private:
    HttpResult get(const QByteArray& path, const std::vector<std::pair<QByteArray, QByteArray>>& headers = {});

    std::unique_ptr<TempDir> m_dir;
    std::unique_ptr<UsherdProcess> m_usherd;
    QByteArray m_admin;
};

void TestServerSearch::initTestCase()
{
    m_dir = std::make_unique<TempDir>();
    const QString data = QString::fromStdString(m_dir->path());
    m_admin = UsherdProcess::createToken(data, QStringLiteral("admin"));
    QVERIFY(m_admin.startsWith("ust_"));
    m_usherd = std::make_unique<UsherdProcess>(data);
    QVERIFY2(m_usherd->start({ QStringLiteral("--demo"), QStringLiteral("--no-fsync") }), m_usherd->log().constData());
}

void TestServerSearch::cleanupTestCase()
{
    if (m_usherd)
        QVERIFY2(m_usherd->terminate(), m_usherd->log().constData());
}

HttpResult TestServerSearch::get(const QByteArray& path, const std::vector<std::pair<QByteArray, QByteArray>>& headers)
{
    HttpClient client(m_usherd->port());
    if (!client.connect())
        return {};
    return client.request("GET", path, {}, headers);
}

void TestServerSearch::plainListIsUnchanged()
{
    const HttpResult list = get("/api/events");
    QCOMPARE(list.status, 200);
    QCOMPARE(list.json().value(QLatin1String("events")).toArray().size(), 4);
    QVERIFY(!list.json().contains(QLatin1String("facets"))); // the list as before, no search
    QVERIFY(list.json().value(QLatin1String("events")).toArray().at(0).toObject().contains(QLatin1String("seats")));
}

void TestServerSearch::textSearchFoldsDiacritics()
{
    const HttpResult zurich = get("/api/events?q=zurich");
    QCOMPARE(zurich.status, 200);
    QCOMPARE(names(zurich.json()), QStringList { QStringLiteral("Demo: Usher Theatre") });
    const QJsonObject event = zurich.json().value(QLatin1String("events")).toArray().at(0).toObject();
    QCOMPARE(event.value(QLatin1String("city")).toString(), QStringLiteral("Zürich"));
    QCOMPARE(event.value(QLatin1String("category")).toString(), QStringLiteral("Theatre"));
    QCOMPARE(event.value(QLatin1String("availability")).toString(), QStringLiteral("on_sale"));
    // The cheapest ticket of the event's price table.
    qint64 cheapest = -1;
    for (const QJsonValue& prices : get("/api/events/1").json().value(QLatin1String("prices")).toArray())
        for (const QJsonValue& amount : prices.toObject().value(QLatin1String("amounts")).toArray())
            if (!amount.isNull() && (cheapest < 0 || amount.toInteger() < cheapest))
                cheapest = amount.toInteger();
    QVERIFY(cheapest > 0);
    QCOMPARE(event.value(QLatin1String("priceMin")).toInteger(), cheapest);
    // A prefix as typed, and a performer with an umlaut typed without.
    QCOMPARE(get("/api/events?q=Mun").json().value(QLatin1String("total")).toInteger(), 1);
    QCOMPARE(names(get("/api/events?q=bjork").json()).size(), 1);
    QCOMPARE(get("/api/events?q=nothing+like+this").json().value(QLatin1String("total")).toInteger(), 0);
}

void TestServerSearch::facetsAndFilters()
{
    const QJsonObject all = get("/api/events?q=").json();
    QCOMPARE(all.value(QLatin1String("total")).toInteger(), 4);
    for (const char* city : { "Zürich", "München", "Köln", "Berlin" })
        QCOMPARE(facetCount(all, "city", QString::fromUtf8(city)), 1);
    QCOMPARE(facetCount(all, "availability", QStringLiteral("on_sale")), 4);
    QCOMPARE(facetCount(all, "channel", QStringLiteral("box_office")), 4);
    QCOMPARE(facetCount(all, "date", QStringLiteral("next_30_days")) + facetCount(all, "date", QStringLiteral("later")),
             4); // the demo events start in 30 days
    // A city chosen: the city facet still counts the others, the results are Berlin's.
    const QJsonObject berlin = get("/api/events?city=Berlin").json();
    QCOMPARE(names(berlin), QStringList { QStringLiteral("Demo: Usher Stadium") });
    QCOMPARE(facetCount(berlin, "city", QStringLiteral("Köln")), 1);
    QCOMPARE(facetCount(berlin, "category", QStringLiteral("Pop")), 0);
    // Two values of one facet: either.
    QCOMPARE(get("/api/events?city=Berlin&city=K%C3%B6ln").json().value(QLatin1String("total")).toInteger(), 2);
    QCOMPARE(names(get("/api/events?category=Classical").json()),
             QStringList { QStringLiteral("Demo: Usher Concert Hall") });
    QCOMPARE(get("/api/events?availability=sold_out").json().value(QLatin1String("total")).toInteger(), 0);
    QCOMPARE(get("/api/events?minPrice=1000000").json().value(QLatin1String("total")).toInteger(), 0);
    QCOMPARE(get("/api/events?from=2000-01-01&channel=online").json().value(QLatin1String("total")).toInteger(), 4);
    QCOMPARE(get("/api/events?to=2000-01-01").json().value(QLatin1String("total")).toInteger(), 0);
    QCOMPARE(get("/api/events?archived=only").json().value(QLatin1String("total")).toInteger(), 0);
}

void TestServerSearch::pagingFollowsNextPage()
{
    QStringList seen;
    QByteArray path = "/api/events?limit=3";
    for (int page = 0; page < 5; ++page) {
        const QJsonObject answer = get(path).json();
        seen += names(answer);
        const QJsonValue next = answer.value(QLatin1String("nextPage"));
        if (next.isNull())
            break;
        path = "/api/events?limit=3&page=" + next.toString().toUtf8();
    }
    QCOMPARE(seen.size(), 4);
    QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 4);
    QCOMPARE(names(get("/api/events?limit=3&page=2").json()).size(), 1);
}

void TestServerSearch::etagGives304()
{
    const HttpResult first = get("/api/events?city=Berlin");
    QCOMPARE(first.status, 200);
    const QByteArray etag = first.header("etag");
    QVERIFY(etag.startsWith("\"search-"));
    QVERIFY(first.header("cache-control").startsWith("public, max-age="));
    const HttpResult again = get("/api/events?city=Berlin", { { "If-None-Match", etag } });
    QCOMPARE(again.status, 304);
    QVERIFY(again.body.isEmpty());
    QCOMPARE(get("/api/events?city=Berlin", { { "If-None-Match", "\"other\"" } }).status, 200);
    // The cached answer is the same bytes.
    QCOMPARE(get("/api/events?city=Berlin").body, first.body);
}

void TestServerSearch::newEventsAreFound()
{
    const QByteArray before = get("/api/events?q=zurich").header("etag");
    // A copy of the theatre's event with catalog fields of its own.
    QJsonObject event = get("/api/events/1").json();
    QVERIFY(event.contains(QLatin1String("venue")));
    event.remove(QLatin1String("id"));
    event.insert(QLatin1String("name"), QStringLiteral("Wilhelm Tell"));
    event.insert(QLatin1String("performer"), QStringLiteral("Schauspielhaus Ensemble"));
    event.insert(QLatin1String("genre"), QStringLiteral("Drama"));
    event.insert(QLatin1String("city"), QStringLiteral("Zürich"));
    HttpClient client(m_usherd->port());
    QVERIFY(client.connect());
    client.bearer = m_admin;
    const HttpResult created = client.request("POST", "/api/events", QJsonDocument(event).toJson());
    QCOMPARE(created.status, 201);
    QTRY_COMPARE(get("/api/events?q=schauspielhaus").json().value(QLatin1String("total")).toInteger(), 1);
    QCOMPARE(names(get("/api/events?q=zurich").json()),
             (QStringList { QStringLiteral("Demo: Usher Theatre"), QStringLiteral("Wilhelm Tell") }));
    QVERIFY(get("/api/events?q=zurich").header("etag") != before);
    QCOMPARE(facetCount(get("/api/events?q=zurich").json(), "category", QStringLiteral("Drama")), 1);
}

void TestServerSearch::pastEventsAreArchived()
{
    // An event that started 30 days ago goes to the archive partition at once (not at the next
    // hourly pass): found with archived=true or only, never in the current list.
    QJsonObject event = get("/api/events/1").json();
    event.remove(QLatin1String("id"));
    event.insert(QLatin1String("name"), QStringLiteral("Nabucco Revival"));
    event.insert(QLatin1String("performer"), QStringLiteral("Chor Vergangenheit"));
    event.insert(QLatin1String("startsAt"),
                 QDateTime::currentDateTimeUtc().addDays(-30).toString(Qt::ISODateWithMs));
    HttpClient client(m_usherd->port());
    QVERIFY(client.connect());
    client.bearer = m_admin;
    const HttpResult created = client.request("POST", "/api/events", QJsonDocument(event).toJson());
    QVERIFY2(created.status == 201, created.body.constData());
    QTRY_COMPARE(get("/api/events?q=vergangenheit&archived=only").json().value(QLatin1String("total")).toInteger(), 1);
    const QJsonObject both = get("/api/events?q=vergangenheit&archived=true").json();
    QCOMPARE(names(both), QStringList { QStringLiteral("Nabucco Revival") });
    QCOMPARE(both.value(QLatin1String("events")).toArray().at(0).toObject().value(QLatin1String("archived")).toBool(), true);
    QCOMPARE(get("/api/events?q=vergangenheit").json().value(QLatin1String("total")).toInteger(), 0);
}

void TestServerSearch::badParametersGet400()
{
    const std::pair<const char*, const char*> cases[] = {
        { "minPrice=abc", "minPrice" },
        { "minPrice=500&maxPrice=100", "minPrice" },
        { "availability=maybe", "availability" },
        { "channel=fax", "channel" },
        { "from=yesterday", "from" },
        { "from=2026-12-24T19:30:00", "from" }, // no zone
        { "from=2027-01-02&to=2027-01-01", "from" },
        { "limit=0", "limit" },
        { "limit=101", "limit" },
        { "page=0", "page" },
        { "page=9_9_x", "page" },
        { "q=a&q=b", "q" },
        { "colour=red", "colour" },
        { "q=%ZZ", "escape" },
        { "city=", "city" },
    };
    for (const auto& [query, mention] : cases) {
        const HttpResult r = get(QByteArray("/api/events?") + query);
        QVERIFY2(r.status == 400, query);
        const QJsonObject error = r.json().value(QLatin1String("error")).toObject();
        QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("invalid_parameter"));
        QVERIFY2(error.value(QLatin1String("message")).toString().contains(QLatin1String(mention)),
                 qPrintable(error.value(QLatin1String("message")).toString()));
    }
    QCOMPARE(get("/api/events?q=" + QByteArray(300, 'a')).status, 400);
}

QTEST_GUILESS_MAIN(TestServerSearch)
#include "TestServerSearch.moc"
