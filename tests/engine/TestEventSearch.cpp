// Event search (engine/search) on SQLite FTS5: the shared conformance suite
// (tests/support/EventSearchConformance: text with diacritics folding and prefixes, relevance then
// date, filters and facet counts against a known data set, stable paging while events are added,
// the archive partition, persistence and refusals), then what is SQLite's own: the catalog fields
// and the upgrade of a version 1 index file.

#include "event/EventSpec.h"
#include "event/EventSpecJson.h"
#include "search/SqliteEventSearch.h"
#include "support/EventSearchConformance.h"
#include "venue/Venue.h"
#include "venue/VenueGenerator.h"
#include "venue/VenueJson.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace usher;
using namespace usher::search;
using namespace usher::test;

namespace {

// The suite's view of SQLite: a new index file per store, in a temporary directory.
class SqliteSearch : public SearchUnderTest {
public:
    std::unique_ptr<EventSearchIndex> openFresh() override
    {
        static int counter = 0;
        m_path = (m_dir.path() + QStringLiteral("/search-%1.db").arg(++counter)).toStdString();
        return reopen();
    }
    std::unique_ptr<EventSearchIndex> reopen() override
    {
        std::string error;
        std::unique_ptr<EventSearchIndex> index = SqliteEventSearch::open(m_path, &error);
        if (!index)
            qWarning("open failed: %s", error.c_str());
        return index;
    }

private:
    QTemporaryDir m_dir;
    std::string m_path;
};

} // namespace

class TestEventSearch : public SearchConformanceTests {
    Q_OBJECT

private Q_SLOTS:
    void catalogFromSpec();
    void catalogFieldsRoundTrip();
    void upgradesAVersionOneIndex();

protected:
    SearchUnderTest& store() override { return m_store; }

private:
    SqliteSearch m_store;
};

void TestEventSearch::catalogFromSpec()
{
    auto venue = std::make_shared<Venue>();
    venue->name = "Tonhalle";
    venue->city = "Zürich";
    EventSpec spec;
    spec.id = 77;
    spec.name = "Gala";
    spec.performer = "Tonhalle-Orchester";
    spec.genre = "Classical";
    spec.venue = venue;
    spec.prices = { { "A", { 9000, kNotOffered, 4500 } }, { "B", { 6000, 5000, kNotOffered } } };
    spec.channels = { { 1, "Web", ChannelKind::Online, 0, 1 }, { 2, "Counter", ChannelKind::BoxOffice, 0, 1 } };
    CatalogEvent e = catalogEventFromSpec(spec);
    QCOMPARE(e.city, std::string("Zürich"));
    QCOMPARE(e.priceMin, Amount(4500));
    QCOMPARE(e.priceMax, Amount(9000));
    QCOMPARE(e.channels, std::uint8_t(ChannelOnline | ChannelBoxOffice));
    spec.city = "Winterthur"; // the event's own city wins
    QCOMPARE(catalogEventFromSpec(spec).city, std::string("Winterthur"));
}

void TestEventSearch::catalogFieldsRoundTrip()
{
    auto venue = generateVenueWithSeats(100);
    QVERIFY(venue);
    // Without the optional fields nothing new is written (older files keep their bytes).
    const QByteArray plainVenue = venueToJson(*venue);
    QVERIFY(!plainVenue.contains("\"city\""));
    EventSpec spec = makeDemoEvent(5, "Gala", venue, kSearchT0);
    QByteArray json = eventSpecToJson(spec);
    for (const char* key : { "\"performer\"", "\"genre\"", "\"city\"" })
        QVERIFY2(!json.contains(key), key);
    // With them: read back field for field, written again byte for byte.
    venue->city = "Zürich";
    spec = makeDemoEvent(5, "Gala", venue, kSearchT0);
    spec.performer = "Tonhalle-Orchester";
    spec.genre = "Classical";
    spec.city = "Winterthur";
    json = eventSpecToJson(spec);
    EventSpec back;
    std::string error;
    QVERIFY2(eventSpecFromJson(json, &back, &error), error.c_str());
    QCOMPARE(back.performer, spec.performer);
    QCOMPARE(back.genre, spec.genre);
    QCOMPARE(back.city, spec.city);
    QCOMPARE(back.venue->city, std::string("Zürich"));
    QVERIFY(back.venue->sameContent(*venue));
    QCOMPARE(eventSpecToJson(back), json);
    VenueError venueError;
    const auto venueBack = venueFromJson(venueToJson(*venue), &venueError);
    QVERIFY2(venueBack, venueError.message.c_str());
    QCOMPARE(venueBack->city, std::string("Zürich"));
    // Wrong types are named.
    QByteArray bad = json;
    bad.replace("\"performer\": \"Tonhalle-Orchester\"", "\"performer\": 5");
    QVERIFY(!eventSpecFromJson(bad, &back, &error));
    QVERIFY2(error.find("performer") != std::string::npos, error.c_str());
    spec.genre = std::string(2000, 'x');
    QVERIFY(spec.finalize().find("genre") != std::string::npos);
}

// An index written by schema version 1 (one text table per partition, with positions) is rebuilt
// in place on open, and its events are found.
void TestEventSearch::upgradesAVersionOneIndex()
{
    QTemporaryDir dir;
    const std::string path = (dir.path() + QStringLiteral("/old.db")).toStdString();
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    std::string sql;
    for (const char* p : { "cur", "arc" }) {
        const std::string t(p);
        sql += "CREATE TABLE " + t
            + "_event(doc INTEGER PRIMARY KEY, id INTEGER NOT NULL UNIQUE, name TEXT NOT NULL, performer TEXT NOT "
              "NULL, venue TEXT NOT NULL, city TEXT NOT NULL, genre TEXT NOT NULL, starts_at INTEGER NOT NULL, "
              "time_zone TEXT NOT NULL, currency TEXT NOT NULL, price_min INTEGER NOT NULL, price_max INTEGER NOT "
              "NULL, channels INTEGER NOT NULL);"
              "CREATE VIRTUAL TABLE "
            + t + "_fts USING fts5(name, performer, venue, city, content='" + t
            + "_event', content_rowid='doc', tokenize='unicode61 remove_diacritics 2', prefix='2 3');";
    }
    sql += "INSERT INTO cur_event VALUES(1, 77, 'Tosca', 'Opernhaus Ensemble', 'Opernhaus', 'Zürich', 'Opera', "
        + std::to_string(kSearchT0 + kSearchDay) + ", 'Europe/Zurich', 'CHF', 4000, 18000, 3);"
        + "INSERT INTO cur_fts(rowid, name, performer, venue, city) VALUES(1, 'Tosca', 'Opernhaus Ensemble', "
          "'Opernhaus', 'Zürich');";
    char* message = nullptr;
    QVERIFY2(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK, message);
    sqlite3_close(db);

    std::string error;
    auto index = SqliteEventSearch::open(path, &error);
    QVERIFY2(index, error.c_str());
    SearchResult r;
    QCOMPARE(index->search(searchTextQuery("zurich tos"), &r, &error), SearchStatus::Ok);
    QCOMPARE(resultIds(r), std::vector<EventId>({ 77 }));
    QCOMPARE(r.hits[0].relevance, 1);
    index.reset();
    index = SqliteEventSearch::open(path, &error); // opens as version 2 now
    QVERIFY2(index, error.c_str());
    QCOMPARE(index->search(searchTextQuery("opernhaus"), &r, &error), SearchStatus::Ok);
    QCOMPARE(resultIds(r), std::vector<EventId>({ 77 }));
    QCOMPARE(r.hits[0].relevance, 2);
}

QTEST_GUILESS_MAIN(TestEventSearch)
#include "TestEventSearch.moc"
