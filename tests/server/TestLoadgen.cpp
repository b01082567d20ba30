// usher-loadgen against its own usherd: a flash crowd of 10,000 users (70 % bots) ends within its
// bound, sells seats through the waiting room without an oversell (every order read back), admits
// mostly real users, roughly in arrival order; it refuses to aim at anything but loopback. Also the
// rank statistics of its summary.

#include "LoadStats.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using usher::loadgen::spearman;

class TestLoadgen : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void spearmanRanks()
    {
        QCOMPARE(spearman({ 1, 2, 3, 4 }, { 10, 20, 30, 40 }), 1.0);
        QCOMPARE(spearman({ 1, 2, 3, 4 }, { 4, 3, 2, 1 }), -1.0);
        // Ties share their average rank: admissions of one batch have the same time.
        const double tied = spearman({ 1, 2, 3, 4, 5, 6 }, { 7, 7, 7, 9, 9, 9 });
        QVERIFY(tied > 0.8 && tied < 1.0);
        QCOMPARE(spearman({ 1, 2, 3 }, { 5, 5, 5 }), 0.0);
        QCOMPARE(spearman({ 1 }, { 1 }), 0.0);
        // A known value: d = (0, 0, 1, -1, 0) gives 1 - 6 * 2 / (5 * 24) = 0.9.
        QVERIFY(qAbs(spearman({ 1, 2, 3, 4, 5 }, { 1, 2, 4, 3, 5 }) - 0.9) < 1e-12);
    }

    void refusesNonLoopbackTargets()
    {
        QProcess process;
        process.start(QStringLiteral(USHER_LOADGEN_PATH),
                      { QStringLiteral("--target"), QStringLiteral("192.0.2.1:8080"), QStringLiteral("--admin-token"),
                        QStringLiteral("x"), QStringLiteral("--event"), QStringLiteral("1") });
        QVERIFY(process.waitForFinished(10'000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardError().contains("loopback"));
    }

    void flashCrowdOfTenThousandNeverOversells()
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::SeparateChannels);
        QElapsedTimer timer;
        timer.start();
        // 10,000 users over 4 s, 1,500 seats, the onsale 0.3 s in, a drain of 100 users/s, 1 s
        // heartbeats (bots that skip them lose their place after 2 s), priority bands of 100.
        process.start(QStringLiteral(USHER_LOADGEN_PATH),
                      { QStringLiteral("--spawn-usherd"),
                        QStringLiteral(USHERD_PATH),
                        QStringLiteral("--users"),
                        QStringLiteral("10000"),
                        QStringLiteral("--seats"),
                        QStringLiteral("1500"),
                        QStringLiteral("--ramp-ms"),
                        QStringLiteral("4000"),
                        QStringLiteral("--onsale-after-ms"),
                        QStringLiteral("300"),
                        QStringLiteral("--drain-rate"),
                        QStringLiteral("100"),
                        QStringLiteral("--heartbeat-ms"),
                        QStringLiteral("1000"),
                        QStringLiteral("--think-ms"),
                        QStringLiteral("200"),
                        QStringLiteral("--duration-max-ms"),
                        QStringLiteral("45000"),
                        QStringLiteral("--band-size"),
                        QStringLiteral("100"),
                        QStringLiteral("--seed"),
                        QStringLiteral("7"),
                        QStringLiteral("--json") });
        QVERIFY(process.waitForStarted(10'000));
        QVERIFY2(process.waitForFinished(120'000), "usher-loadgen did not end within 120 s");
        const QByteArray out = process.readAllStandardOutput();
        const QByteArray err = process.readAllStandardError();
        const QList<QByteArray> lines = out.trimmed().split('\n');
        const QJsonObject summary = QJsonDocument::fromJson(lines.last()).object();
        QVERIFY2(!summary.isEmpty(), (out + err).right(3000).constData());
        qInfo("%s", lines.last().constData());
        QVERIFY2(process.exitCode() == 0, (lines.last() + "\n" + err.right(2000)).constData());

        QCOMPARE(summary.value(QStringLiteral("users")).toInt(), 10'000);
        QCOMPARE(summary.value(QStringLiteral("oversells")).toInt(), 0);
        QCOMPARE(summary.value(QStringLiteral("protocolErrors")).toInt(), 0);
        QCOMPARE(summary.value(QStringLiteral("countMismatches")).toInt(), 0);
        // Every order was read back, and the seat map agrees with them.
        const int sales = summary.value(QStringLiteral("sales")).toInt();
        QVERIFY(sales > 0);
        QCOMPARE(summary.value(QStringLiteral("ordersChecked")).toInt(), sales);
        QCOMPARE(summary.value(QStringLiteral("availabilitySold")).toInt(),
                 summary.value(QStringLiteral("seatsInOrders")).toInt());
        // Admissions happened, and went mostly to real users: bots are 70 % of the crowd and get 10 to
        // 16 % of the admissions here (those admitted before their missed heartbeats catch up with
        // them, most of them from the first seconds' pre-queue).
        QVERIFY(summary.value(QStringLiteral("admittedReal")).toInt() > 500);
        QVERIFY2(summary.value(QStringLiteral("botAdmissionShare")).toDouble() < 0.25, lines.last().constData());
        // After the onsale, first come first served: priority bands (100 places here) put verified
        // buyers first only within a band. A random order would give about 0.
        QVERIFY(summary.value(QStringLiteral("fairnessSample")).toInt() > 100);
        QVERIFY2(summary.value(QStringLiteral("fairnessSpearman")).toDouble() > 0.9, lines.last().constData());
        // Bounded in time: the run ends by itself (every user done) well before its cap.
        QCOMPARE(summary.value(QStringLiteral("finished")).toBool(), true);
        QVERIFY(summary.value(QStringLiteral("elapsedMs")).toDouble() < 45'000);
        QVERIFY(timer.elapsed() < 110'000);
    }
};

QTEST_GUILESS_MAIN(TestLoadgen)
#include "TestLoadgen.moc"
