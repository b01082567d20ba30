// Shifts and the cash drawer: arithmetic, X and Z reports with known totals, CSV, limits, and a
// kill -9 in the middle of recording sales.

#include "boxoffice/BoxOfficeDb.h"
#include "boxoffice/CashDrawer.h"
#include "boxoffice/Money.h"
#include "support/TempDir.h"

#include <QTest>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace usher;

namespace {

constexpr std::uint64_t kClerk = 7;

DrawerSale sale(const std::string& reference, std::vector<DrawerTender> tenders, std::vector<DrawerCategoryLine> lines,
                const std::string& currency = "EUR")
{
    return DrawerSale { reference, currency, std::move(tenders), std::move(lines) };
}

const MethodTotal& method(const ShiftReport& report, PaymentMethod m)
{
    return report.methods[static_cast<std::size_t>(m) - 1];
}

} // namespace

class TestBoxOfficeDrawer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void formatsMoney()
    {
        QCOMPARE(formatMoney(123450, "EUR"), std::string("1234.50 EUR"));
        QCOMPARE(formatMoney(-305, "EUR"), std::string("-3.05 EUR"));
        QCOMPARE(formatMoney(5, "EUR"), std::string("0.05 EUR"));
        QCOMPARE(formatMoney(500, "JPY"), std::string("500 JPY"));
        QCOMPARE(formatMinorUnits(1, "BHD"), std::string("0.001"));
        QVERIFY(validCurrencyCode("EUR"));
        QVERIFY(!validCurrencyCode("eur"));
        QVERIFY(!validCurrencyCode("EURO"));
    }

    void reportsHaveKnownTotals()
    {
        test::TempDir dir;
        std::string error;
        auto db = BoxOfficeDb::open(dir.filePath("boxoffice.db"), &error);
        QVERIFY2(db, error.c_str());
        CashDrawer drawer(*db);
        Shift shift;
        QCOMPARE(drawer.openShift(kClerk, "EUR", 10000, 1000, &shift), BoxOfficeStatus::Ok);
        QCOMPARE(drawer.openShift(kClerk, "EUR", 10000, 1000, nullptr), BoxOfficeStatus::ShiftAlreadyOpen);
        QCOMPARE(drawer.openShift(8, "euro", 10000, 1000, nullptr), BoxOfficeStatus::InvalidArgument);
        QCOMPARE(drawer.openShift(8, "EUR", -1, 1000, nullptr), BoxOfficeStatus::InvalidArgument);
        Shift found;
        QCOMPARE(drawer.openShiftOf(kClerk, &found), BoxOfficeStatus::Ok);
        QCOMPARE(found.id, shift.id);

        const ShiftId id = shift.id;
        QCOMPARE(
            drawer.recordSale(id, kClerk, sale("S1", { { PaymentMethod::Cash, 10000 } }, { { "A", 2, 10000 } }), 2000),
            BoxOfficeStatus::Ok);
        QCOMPARE(
            drawer.recordSale(id, kClerk, sale("S2", { { PaymentMethod::Card, 3000 } }, { { "B", 1, 3000 } }), 2100),
            BoxOfficeStatus::Ok);
        QCOMPARE(drawer.recordSale(id, kClerk,
                                   sale("S3", { { PaymentMethod::Cash, 2000 }, { PaymentMethod::Card, 6000 } },
                                        { { "A", 1, 5000 }, { "B", 1, 3000 } }),
                                   2200),
                 BoxOfficeStatus::Ok);
        QCOMPARE(drawer.recordSale(id, kClerk,
                                   sale("S4", { { PaymentMethod::Complimentary, 3000 } }, { { "B", 1, 3000 } }), 2300),
                 BoxOfficeStatus::Ok);
        QCOMPARE(drawer.cashIn(id, kClerk, 5000, "float top-up", 2400), BoxOfficeStatus::Ok);
        QCOMPARE(drawer.cashOut(id, kClerk, 2000, "bank drop", 2500), BoxOfficeStatus::Ok);
        QCOMPARE(
            drawer.recordRefund(id, kClerk, sale("S1", { { PaymentMethod::Cash, 5000 } }, { { "A", 1, 5000 } }), 2600),
            BoxOfficeStatus::Ok);

        // Refusals change nothing.
        QCOMPARE(drawer.cashOut(id, kClerk, 20001, "too much", 2700), BoxOfficeStatus::InsufficientCash);
        QCOMPARE(drawer.cashOut(id, kClerk, 100, "", 2700), BoxOfficeStatus::InvalidArgument);
        QCOMPARE(drawer.cashIn(id, 99, 100, "not my drawer", 2700), BoxOfficeStatus::Forbidden);
        QCOMPARE(drawer.recordSale(id, kClerk, sale("S5", { { PaymentMethod::Cash, 100 } }, { { "A", 1, 200 } }), 2700),
                 BoxOfficeStatus::InvalidArgument);
        QCOMPARE(drawer.recordSale(id, kClerk, sale("S6", { { PaymentMethod::Cash, 100 } }, { { "A", 1, 100 } }, "USD"),
                                   2700),
                 BoxOfficeStatus::CurrencyMismatch);
        QCOMPARE(drawer.recordRefund(id, kClerk, sale("S7", { { PaymentMethod::Cash, 20001 } }, { { "A", 1, 20001 } }),
                                     2700),
                 BoxOfficeStatus::InsufficientCash);
        QCOMPARE(drawer.recordSale(id, kClerk, sale("", { { PaymentMethod::Cash, 100 } }, {}), 2700),
                 BoxOfficeStatus::InvalidArgument);

        Amount expected = 0;
        QCOMPARE(drawer.expectedCash(id, &expected), BoxOfficeStatus::Ok);
        QCOMPARE(expected, Amount(20000)); // 100 + 100 + 20 - 50 + 50 - 20 EUR

        ShiftReport x;
        QCOMPARE(drawer.xReport(id, 99, 2800, &x), BoxOfficeStatus::Forbidden);
        QCOMPARE(drawer.xReport(id, kClerk, 2800, &x), BoxOfficeStatus::Ok);
        QVERIFY(!x.final);
        QCOMPARE(x.expectedCash, Amount(20000));
        QCOMPARE(method(x, PaymentMethod::Cash).sales, Amount(12000));
        QCOMPARE(method(x, PaymentMethod::Cash).salesCount, 2u);
        QCOMPARE(method(x, PaymentMethod::Cash).refunds, Amount(5000));
        QCOMPARE(method(x, PaymentMethod::Card).sales, Amount(9000));
        QCOMPARE(method(x, PaymentMethod::Card).salesCount, 2u);
        QCOMPARE(method(x, PaymentMethod::Complimentary).sales, Amount(3000));
        QCOMPARE(x.cashIn, Amount(5000));
        QCOMPARE(x.cashOut, Amount(2000));
        QCOMPARE(x.ticketsIssued, 6u);
        QCOMPARE(x.ticketsRefunded, 1u);
        QCOMPARE(x.categories.size(), std::size_t(2));
        QCOMPARE(x.categories[0].category, std::string("A"));
        QCOMPARE(x.categories[0].ticketsSold, 3u);
        QCOMPARE(x.categories[0].sales, Amount(15000));
        QCOMPARE(x.categories[0].ticketsRefunded, 1u);
        QCOMPARE(x.categories[0].refunds, Amount(5000));
        QCOMPARE(x.categories[1].category, std::string("B"));
        QCOMPARE(x.categories[1].ticketsSold, 3u);
        QCOMPARE(x.categories[1].sales, Amount(9000));

        ShiftReport z;
        QCOMPARE(drawer.closeShift(id, kClerk, 19950, 3000, &z), BoxOfficeStatus::Ok);
        QVERIFY(z.final);
        QCOMPARE(z.expectedCash, Amount(20000));
        QCOMPARE(z.countedCash, Amount(19950));
        QCOMPARE(z.variance, Amount(-50));
        QCOMPARE(drawer.closeShift(id, kClerk, 19950, 3100, nullptr), BoxOfficeStatus::ShiftClosed);
        QCOMPARE(drawer.cashIn(id, kClerk, 100, "late", 3100), BoxOfficeStatus::ShiftClosed);
        QCOMPARE(drawer.xReport(id, kClerk, 3100, &x), BoxOfficeStatus::ShiftClosed);
        ShiftReport again;
        QCOMPARE(drawer.zReport(id, &again), BoxOfficeStatus::Ok);
        QCOMPARE(again.variance, Amount(-50));
        QCOMPARE(again.ticketsIssued, 6u);
        QCOMPARE(drawer.openShiftOf(kClerk, &found), BoxOfficeStatus::ShiftNotFound);

        const std::string csv = shiftReportCsv(z);
        QVERIFY2(csv.find("report,Z,,,,\r\n") != std::string::npos, csv.c_str());
        QVERIFY2(csv.find("method,cash,2,120.00,1,50.00\r\n") != std::string::npos, csv.c_str());
        QVERIFY2(csv.find("method,card,2,90.00,0,0.00\r\n") != std::string::npos, csv.c_str());
        QVERIFY2(csv.find("method,complimentary,1,30.00,0,0.00\r\n") != std::string::npos, csv.c_str());
        QVERIFY2(csv.find("category,A,3,150.00,1,50.00\r\n") != std::string::npos, csv.c_str());
        QVERIFY2(csv.find("cash,expected,,200.00,,\r\n") != std::string::npos, csv.c_str());
        QVERIFY2(csv.find("cash,counted,,199.50,,\r\n") != std::string::npos, csv.c_str());
        QVERIFY2(csv.find("cash,variance,,-0.50,,\r\n") != std::string::npos, csv.c_str());
        QVERIFY(shiftReportCsv(x).find("variance") == std::string::npos);

        // A new shift starts from its own float.
        Shift second;
        QCOMPARE(drawer.openShift(kClerk, "EUR", 5000, 4000, &second), BoxOfficeStatus::Ok);
        QCOMPARE(drawer.expectedCash(second.id, &expected), BoxOfficeStatus::Ok);
        QCOMPARE(expected, Amount(5000));
    }

    // A child process records sales in a loop and is killed with SIGKILL; every sale must be whole
    // (both tenders, both category lines and its audit row) or absent.
    void killNineKeepsSalesWhole()
    {
        test::TempDir dir;
        const std::string path = dir.filePath("boxoffice.db");
        ShiftId shiftId = 0;
        {
            std::string error;
            auto db = BoxOfficeDb::open(path, &error);
            QVERIFY2(db, error.c_str());
            CashDrawer drawer(*db);
            Shift shift;
            QCOMPARE(drawer.openShift(kClerk, "EUR", 0, 1, &shift), BoxOfficeStatus::Ok);
            shiftId = shift.id;
        }
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            std::string error;
            auto db = BoxOfficeDb::open(path, &error);
            if (!db)
                _exit(3);
            CashDrawer drawer(*db);
            for (int i = 0; i < 1'000'000; ++i) {
                const DrawerSale s
                    = sale("K" + std::to_string(i), { { PaymentMethod::Cash, 700 }, { PaymentMethod::Card, 300 } },
                           { { "A", 1, 600 }, { "B", 1, 400 } });
                if (drawer.recordSale(shiftId, kClerk, s, 10 + i) != BoxOfficeStatus::Ok)
                    _exit(4);
            }
            _exit(0);
        }
        QTest::qWait(400);
        QCOMPARE(::kill(child, SIGKILL), 0);
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY2(WIFSIGNALED(status), "the child finished or failed before it was killed");

        std::string error;
        auto db = BoxOfficeDb::open(path, &error);
        QVERIFY2(db, error.c_str());
        SqlStatement integrity(*db, "PRAGMA integrity_check");
        QVERIFY(integrity.next());
        QCOMPARE(integrity.text(0), std::string("ok"));
        auto count = [&](const char* sql) {
            SqlStatement select(*db, sql);
            return select.next() ? select.integer(0) : -1;
        };
        const std::int64_t sales = count("SELECT COUNT(DISTINCT reference) FROM drawer_entries");
        QVERIFY2(sales > 0, "no sale was recorded before the kill");
        QCOMPARE(count("SELECT COUNT(*) FROM drawer_entries"), 2 * sales);
        QCOMPARE(count("SELECT COUNT(*) FROM sale_lines"), 2 * sales);
        QCOMPARE(count("SELECT COUNT(*) FROM audit WHERE action = 'drawer.sale'"), sales);
        CashDrawer drawer(*db);
        ShiftReport x;
        QCOMPARE(drawer.xReport(shiftId, kClerk, 5, &x), BoxOfficeStatus::Ok);
        QCOMPARE(x.expectedCash, Amount(700 * sales));
        QCOMPARE(x.ticketsIssued, std::uint32_t(2 * sales));
        qInfo("%lld sales survived the kill whole", static_cast<long long>(sales));
    }
};

QTEST_GUILESS_MAIN(TestBoxOfficeDrawer)
#include "TestBoxOfficeDrawer.moc"
