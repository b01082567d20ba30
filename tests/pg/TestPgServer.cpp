// usherd on PostgreSQL (issue 9): SIGKILL usherd under load and restart it on the same database:
// every purchase that got a 200 is still there, and no seat was sold twice. The shape of
// tests/server/TestServerCrash, with `--store postgresql://...` on a private cluster.
//
// FAILS when PostgreSQL cannot be started; USHER_SKIP_PG=1 skips it.

#include "ServerTestSupport.h"
#include "support/PgCluster.h"
#include "support/TempDir.h"

#include <QFile>
#include <QTest>

using namespace usher::test;

class TestPgServer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void killUnderLoadLosesNoSale();
};

void TestPgServer::killUnderLoadLosesNoSale()
{
    if (PgCluster::skipRequested())
        QSKIP("USHER_SKIP_PG=1: the PostgreSQL tests are skipped");
    PgCluster cluster;
    std::string error;
    if (!cluster.start(&error, false))
        QFAIL(("cannot start a private PostgreSQL cluster (set USHER_SKIP_PG=1 to skip these tests): " + error).c_str());
    QVERIFY2(cluster.createDatabase("usherd", &error), error.c_str());
    const QString store = QString::fromStdString(cluster.uri("usherd"));
    TempDir dir;
    const QString data = QString::fromStdString(dir.path());
    std::vector<AcknowledgedSale> sales;
    for (int round = 0; round < 2; ++round) {
        UsherdProcess usherd(data);
        QVERIFY2(usherd.start({ QStringLiteral("--store"), store, QStringLiteral("--demo"), QStringLiteral("--rate-limit"),
                                QStringLiteral("0") }),
                 usherd.log().constData());
        QVERIFY(buyUntilKilled(usherd, round, &sales) > 50);
    }
    QVERIFY2(sales.size() > 20, QByteArray::number(qsizetype(sales.size())).constData());

    // Restart: every acknowledged sale is there, with its seats, and no seat was sold twice.
    UsherdProcess usherd(data);
    QVERIFY2(usherd.start({ QStringLiteral("--store"), store }), usherd.log().constData());
    QVERIFY2(usherd.log().contains("PostgreSQL"), usherd.log().constData());
    const QByteArray problem = checkSalesSurvived(usherd.port(), sales);
    QVERIFY2(problem.isEmpty(), problem.constData());
    QVERIFY(usherd.terminate());

    // The same, seen in PostgreSQL itself: the orders are there, and no seat has two valid tickets.
    const QByteArray pgProblem = checkPgSalesSurvived(cluster, sales.size());
    QVERIFY2(pgProblem.isEmpty(), pgProblem.constData());
    // And the SQLite store in the data directory was never created: the engine ran on PostgreSQL.
    QVERIFY(!QFile::exists(data + QStringLiteral("/usher.db")));
}

QTEST_GUILESS_MAIN(TestPgServer)
#include "TestPgServer.moc"
