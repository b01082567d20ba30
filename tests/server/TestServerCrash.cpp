// SIGKILL usherd under load and restart it: every purchase that got a 200 is still there, and no
// seat was sold twice.

#include "ServerTestSupport.h"
#include "support/TempDir.h"

#include <QTest>

using namespace usher::test;

class TestServerCrash : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void killUnderLoadLosesNoSale();
};

void TestServerCrash::killUnderLoadLosesNoSale()
{
    TempDir dir;
    const QString data = QString::fromStdString(dir.path());
    std::vector<AcknowledgedSale> sales;
    for (int round = 0; round < 2; ++round) {
        UsherdProcess usherd(data);
        QVERIFY2(usherd.start({ QStringLiteral("--demo"), QStringLiteral("--rate-limit"), QStringLiteral("0") }),
                 usherd.log().constData());
        QVERIFY(buyUntilKilled(usherd, round, &sales) > 50);
    }
    QVERIFY2(sales.size() > 20, QByteArray::number(qsizetype(sales.size())).constData());

    // Restart: every acknowledged sale is there, with its seats, and no seat was sold twice.
    UsherdProcess usherd(data);
    QVERIFY2(usherd.start(), usherd.log().constData());
    const QByteArray problem = checkSalesSurvived(usherd.port(), sales);
    QVERIFY2(problem.isEmpty(), problem.constData());
    QVERIFY(usherd.terminate());
}

QTEST_GUILESS_MAIN(TestServerCrash)
#include "TestServerCrash.moc"
