// Event search on PostgreSQL (PgEventSearch, issue 10): the conformance suite that the SQLite index
// passes (tests/support/EventSearchConformance, including another node's writes becoming visible),
// then what only a server brings: the schema beside the engine's tables, two nodes on one database,
// the sync interval, refused connections, schema versions and the upgrade from version 1.
//
// The test starts its own throw-away cluster (tests/support/PgCluster) and FAILS when it cannot;
// USHER_SKIP_PG=1 skips it instead.

#include <QTest>

#ifndef Q_MOC_RUN
#include "pgstore/PgEventSearch.h"
#include "pgstore/PgStorage.h"
#include "support/EventSearchConformance.h"
#include "support/PgCluster.h"
#endif

using namespace usher;
using namespace usher::search;
using namespace usher::test;

namespace {

std::unique_ptr<PgEventSearch> openSearch(const std::string& conninfo, std::string* error,
                                          std::int64_t syncIntervalMs = 0)
{
    PgEventSearchOptions options;
    options.conninfo = conninfo;
    options.connectTimeoutSeconds = 5;
    options.syncIntervalMs = syncIntervalMs;
    return PgEventSearch::open(options, error);
}

// The suite's view of PostgreSQL: a new database of the private cluster per store.
class PgSearch : public SearchUnderTest {
public:
    explicit PgSearch(PgCluster& cluster)
        : m_cluster(cluster)
    {
    }
    std::unique_ptr<EventSearchIndex> openFresh() override
    {
        static int counter = 0;
        m_database = "search_" + std::to_string(++counter);
        std::string error;
        if (!m_cluster.createDatabase(m_database, &error)) {
            qWarning("%s", error.c_str());
            return nullptr;
        }
        return reopen();
    }
    std::unique_ptr<EventSearchIndex> reopen() override
    {
        std::string error;
        std::unique_ptr<EventSearchIndex> index = openSearch(m_cluster.conninfo(m_database), &error);
        if (!index)
            qWarning("open failed: %s", error.c_str());
        return index;
    }
    bool shared() const override { return true; }
    const std::string& database() const { return m_database; }

private:
    PgCluster& m_cluster;
    std::string m_database;
};

} // namespace

class TestPgSearch : public SearchConformanceTests {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void besideTheEngineTables();
    void twoNodesShareTheCatalog();
    void badConnectionsFailClearly();
    void newerSchemaIsRefused();
    void archivePartitionHoldsArchivedRows();
    void syncIntervalBoundsStaleness();
    void upgradesAVersionOneCatalog();

protected:
    SearchUnderTest& store() override { return m_store; }

private:
    PgCluster m_cluster;
    PgSearch m_store { m_cluster };
};

void TestPgSearch::initTestCase()
{
    if (PgCluster::skipRequested())
        QSKIP("USHER_SKIP_PG=1: the PostgreSQL tests are skipped");
    std::string error;
    if (!m_cluster.start(&error, false))
        QFAIL(("cannot start a private PostgreSQL cluster (set USHER_SKIP_PG=1 to skip these tests): " + error).c_str());
}

// The search schema lives beside the engine's tables in the same database, in either order: the
// engine's storage still takes a database whose only tables are the search ones.
void TestPgSearch::besideTheEngineTables()
{
    std::string error;
    QVERIFY2(m_cluster.createDatabase("beside", &error), error.c_str());
    auto search = openSearch(m_cluster.conninfo("beside"), &error);
    QVERIFY2(search, error.c_str());
    PgStorageOptions options;
    options.conninfo = m_cluster.conninfo("beside");
    auto storage = PgStorage::open(options, &error);
    QVERIFY2(storage, error.c_str());
    QCOMPARE(search->upsert(searchDataSet(), &error), SearchStatus::Ok);
    std::string output;
    QVERIFY2(m_cluster.psql("beside", "SELECT count(*) FROM usher_search.event", &output), output.c_str());
    QCOMPARE(output.substr(0, output.find('\n')), std::string("10"));
}

// Two usherd nodes on one database see each other's events and availability classes (each keeps
// the facet columns in memory and reads the other's writes through the change counter; the
// conformance check otherNodesWritesBecomeVisible goes through every kind of write).
void TestPgSearch::twoNodesShareTheCatalog()
{
    const auto first = m_store.openFresh();
    QVERIFY(first);
    std::string error;
    const auto second = openSearch(m_cluster.conninfo(m_store.database()), &error);
    QVERIFY2(second, error.c_str());
    QCOMPARE(first->upsert(searchDataSet(), &error), SearchStatus::Ok);
    QCOMPARE(resultIds(runQuery(*second, searchTextQuery("bjork"))), std::vector<EventId>({ 9 }));
    first->setAvailability(9, 0, 100);
    SearchQuery q = searchTextQuery("bjork");
    q.availability = 1u << std::uint8_t(Availability::SoldOut);
    QCOMPARE(resultIds(runQuery(*second, q)), std::vector<EventId>({ 9 }));
    // The same event upserted by both nodes at once stays one row.
    QCOMPARE(second->upsert({ searchDataSet()[8] }, &error), SearchStatus::Ok);
    QCOMPARE(first->size(Partition::All), std::size_t(10));
}

void TestPgSearch::badConnectionsFailClearly()
{
    std::string error;
    QVERIFY(openSearch("host=127.0.0.1 port=1 dbname=x user=postgres", &error) == nullptr);
    QVERIFY2(error.find("cannot connect to PostgreSQL") != std::string::npos, error.c_str());
    QVERIFY(openSearch(m_cluster.conninfo("no_such_database"), &error) == nullptr);
    QVERIFY2(error.find("no_such_database") != std::string::npos, error.c_str());
    QVERIFY(openSearch("", &error) == nullptr);
    QVERIFY2(error.find("no PostgreSQL connection string") != std::string::npos, error.c_str());
}

void TestPgSearch::newerSchemaIsRefused()
{
    QVERIFY(m_store.openFresh());
    std::string output;
    QVERIFY2(m_cluster.psql(m_store.database(),
                            "UPDATE usher_search.meta SET value = 99 WHERE key = 'schema_version'", &output),
             output.c_str());
    std::string error;
    QVERIFY(openSearch(m_cluster.conninfo(m_store.database()), &error) == nullptr);
    QVERIFY2(error.find("newer") != std::string::npos, error.c_str());
}

// archiveBefore moves the rows into the archive partition (a default query reads only the current
// one) and keeps their cached availability.
void TestPgSearch::archivePartitionHoldsArchivedRows()
{
    const auto index = withDataSet(m_store);
    QVERIFY(index);
    index->setAvailability(3, 0, 100);
    std::size_t moved = 0;
    std::string error;
    QCOMPARE(index->archiveBefore(kSearchT0 + 3 * kSearchDay, &moved, &error), SearchStatus::Ok);
    QCOMPARE(moved, std::size_t(3));
    std::string output;
    QVERIFY2(m_cluster.psql(m_store.database(),
                            "SELECT (SELECT count(*) FROM usher_search.event_current) || ' ' || (SELECT count(*) FROM "
                            "usher_search.event_archive)",
                            &output),
             output.c_str());
    QCOMPARE(output.substr(0, output.find('\n')), std::string("7 3"));
    SearchQuery q = searchTextQuery("");
    q.partition = Partition::Archive;
    q.availability = 1u << std::uint8_t(Availability::SoldOut);
    QCOMPARE(resultIds(runQuery(*index, q)), std::vector<EventId>({ 3 }));
}

// A node checks the shared change counter at most every syncIntervalMs: within the interval it
// answers from its columns as they were (no round trip), refresh() reads the change at once.
void TestPgSearch::syncIntervalBoundsStaleness()
{
    const auto writer = withDataSet(m_store);
    QVERIFY(writer);
    std::string error;
    const auto reader = openSearch(m_cluster.conninfo(m_store.database()), &error, 3'600'000);
    QVERIFY2(reader, error.c_str());
    QCOMPARE(runQuery(*reader, searchTextQuery("")).total, std::uint64_t(10));
    QCOMPARE(writer->upsert({ searchEvent(11, "Nabucco", "Chor", "Arena", "Verona", "Opera", 8, 2000, 9000) }, &error),
             SearchStatus::Ok);
    const std::uint64_t before = reader->generation();
    QCOMPARE(runQuery(*reader, searchTextQuery("")).total, std::uint64_t(10)); // not checked yet
    QCOMPARE(reader->refresh(&error), SearchStatus::Ok);
    QVERIFY(reader->generation() != before);
    QCOMPARE(resultIds(runQuery(*reader, searchTextQuery("nabucco"))), std::vector<EventId>({ 11 }));
    SearchQuery verona = searchTextQuery("");
    verona.cities = { "Verona" };
    QCOMPARE(resultIds(runQuery(*reader, verona)), std::vector<EventId>({ 11 }));
    // Nothing changed: a refresh reads the counter only and leaves the generation alone.
    const std::uint64_t settled = reader->generation();
    QCOMPARE(reader->refresh(&error), SearchStatus::Ok);
    QCOMPARE(reader->generation(), settled);
}

// A catalog written by schema version 1 (no change counter, facet indexes in SQL) is upgraded on
// open: its rows are loaded and searchable, and writes stamp them from then on.
void TestPgSearch::upgradesAVersionOneCatalog()
{
    std::string error;
    QVERIFY2(m_cluster.createDatabase("version_one", &error), error.c_str());
    const char* const versionOne
        = "CREATE SCHEMA usher_search; CREATE EXTENSION unaccent SCHEMA usher_search; "
          "CREATE TABLE usher_search.meta(key text PRIMARY KEY, value bigint NOT NULL); "
          "INSERT INTO usher_search.meta VALUES ('schema_version', 1); "
          "CREATE TABLE usher_search.event(id bigint NOT NULL, archived boolean NOT NULL, name text NOT NULL, "
          "performer text NOT NULL, venue text NOT NULL, city text NOT NULL, genre text NOT NULL, starts_at bigint "
          "NOT NULL, time_zone text NOT NULL, currency text NOT NULL, price_min bigint NOT NULL, price_max bigint NOT "
          "NULL, channels smallint NOT NULL, availability smallint NOT NULL DEFAULT 0, words tsvector NOT NULL, "
          "PRIMARY KEY (id, archived)) PARTITION BY LIST (archived); "
          "CREATE TABLE usher_search.event_current PARTITION OF usher_search.event FOR VALUES IN (false); "
          "CREATE TABLE usher_search.event_archive PARTITION OF usher_search.event FOR VALUES IN (true); "
          "CREATE INDEX event_words ON usher_search.event USING gin (words); "
          "CREATE INDEX event_city ON usher_search.event (city); "
          "INSERT INTO usher_search.event VALUES (5, false, 'Carmen', 'Staatsoper Ensemble', 'Staatsoper', "
          "'Berlin', 'Opera', 1800000000000, 'UTC', 'EUR', 3000, 15000, 3, 2, "
          "setweight(to_tsvector('simple', 'carmen staatsoper ensemble'), 'A') || "
          "setweight(to_tsvector('simple', 'staatsoper berlin'), 'B'))";
    std::string output;
    QVERIFY2(m_cluster.psql("version_one", versionOne, &output), output.c_str());
    const auto index = openSearch(m_cluster.conninfo("version_one"), &error);
    QVERIFY2(index, error.c_str());
    SearchQuery q = searchTextQuery("carm");
    q.availability = 1u << std::uint8_t(Availability::SoldOut);
    QCOMPARE(resultIds(runQuery(*index, q)), std::vector<EventId>({ 5 }));
    QVERIFY2(m_cluster.psql("version_one",
                            "SELECT value FROM usher_search.meta WHERE key = 'schema_version' UNION ALL SELECT "
                            "count(*) FROM pg_indexes WHERE indexname = 'event_city'",
                            &output),
             output.c_str());
    QCOMPARE(output.substr(0, output.find('\n')), std::string("2"));
    QVERIFY2(output.find("\n0") != std::string::npos, output.c_str());
    const auto other = openSearch(m_cluster.conninfo("version_one"), &error);
    QVERIFY2(other, error.c_str());
    QCOMPARE(index->upsert({ searchEvent(6, "Rigoletto", "Ensemble", "Staatsoper", "Berlin", "Opera", 2, 3000, 9000) },
                           &error),
             SearchStatus::Ok);
    SearchQuery berlin = searchTextQuery("");
    berlin.cities = { "Berlin" };
    QCOMPARE(runQuery(*other, berlin).total, std::uint64_t(2));
}

QTEST_GUILESS_MAIN(TestPgSearch)
#include "TestPgSearch.moc"
