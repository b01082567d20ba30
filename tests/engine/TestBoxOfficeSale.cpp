// The counter sale against a real Engine (temporary data directory) and the real
// usher-faketerminal process on loopback: cash with change, decline then cash, timeouts and
// disconnects settled by querying, split tender, complimentary with a supervisor, a refused
// confirm that reverses the card charge, and open sales after a restart.

#include "boxoffice/BoxOfficeDb.h"
#include "boxoffice/CashDrawer.h"
#include "boxoffice/CounterRefund.h"
#include "boxoffice/CounterSale.h"
#include "boxoffice/LineSocket.h"
#include "boxoffice/StaffAccounts.h"
#include "boxoffice/TcpCardTerminal.h"
#include "boxoffice/TerminalProtocol.h"
#include "runtime/Engine.h"
#include "support/TempDir.h"
#include "support/TestEvents.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

#include <atomic>
#include <sodium.h>

using namespace usher;

namespace {

constexpr EventId kEvent = 1;
constexpr ChannelId kBoxOffice = 2;

// usher-faketerminal, started on an ephemeral port and stopped with the test.
class FakeTerminalProcess {
public:
    bool start(QString* problem)
    {
        const QString program
            = QCoreApplication::applicationDirPath() + QStringLiteral("/../app/usher-faketerminal/usher-faketerminal");
        if (!QFileInfo::exists(program)) {
            *problem = QStringLiteral("build the usher-faketerminal target first: ") + program;
            return false;
        }
        m_process.start(program, { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0") });
        if (!m_process.waitForStarted(5000) || !m_process.waitForReadyRead(5000)) {
            *problem = QStringLiteral("usher-faketerminal did not start");
            return false;
        }
        bool ok = false;
        m_port = static_cast<std::uint16_t>(m_process.readLine().trimmed().toUInt(&ok));
        if (!ok || m_port == 0)
            *problem = QStringLiteral("usher-faketerminal printed no port");
        return ok && m_port != 0;
    }
    ~FakeTerminalProcess()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
    }
    std::uint16_t port() const { return m_port; }

    // Scripts the next new payment (SIMULATE); true when the terminal said OK.
    bool simulate(const char* answer, const char* outcome, int delayMs) const
    {
        std::string error;
        LineSocket socket = LineSocket::connectTo("127.0.0.1", m_port, 2000, &error);
        if (!socket.isOpen()
            || !socket.sendAll(std::string("SIMULATE ") + answer + ' ' + outcome + ' ' + std::to_string(delayMs) + '\n',
                               2000))
            return false;
        std::string line;
        return socket.readLine(&line, 2000, kTerminalLineBytesMax) == LineRead::Line && line == "OK";
    }

private:
    QProcess m_process;
    std::uint16_t m_port = 0;
};

struct Counter {
    test::TempDir dir;
    std::atomic<Timestamp> clock { 1'000'000 };
    std::unique_ptr<Engine> engine;
    std::unique_ptr<BoxOfficeDb> db;
    std::unique_ptr<StaffAccounts> accounts;
    std::unique_ptr<CashDrawer> drawer;
    std::unique_ptr<TcpCardTerminal> terminal;
    StaffAccount clerk;
    Shift shift;

    bool open(std::uint16_t terminalPort, std::string* error)
    {
        EngineOptions options;
        options.dataDirectory = dir.path();
        options.shard.clock = [this] { return clock.load(); };
        engine = Engine::open(options, error);
        if (!engine || engine->createEvent(test::makeTestEvent(kEvent), error) != Status::Ok)
            return false;
        db = BoxOfficeDb::open(dir.filePath("boxoffice.db"), error);
        if (!db)
            return false;
        StaffAccountOptions staffOptions;
        staffOptions.opsLimit = crypto_pwhash_OPSLIMIT_MIN;
        staffOptions.memLimitBytes = crypto_pwhash_MEMLIMIT_MIN;
        accounts = std::make_unique<StaffAccounts>(*db, staffOptions);
        drawer = std::make_unique<CashDrawer>(*db);
        StaffAccount admin;
        bool ok = accounts->createFirstAdmin("admin", "Admin", "admin-pass", 1, nullptr) == BoxOfficeStatus::Ok
            && accounts->signIn("admin", "admin-pass", 2, &admin) == BoxOfficeStatus::Ok
            && accounts->createAccount(admin, "ann", "Ann", StaffRole::Clerk, "ann-pass-1", 3, nullptr)
                == BoxOfficeStatus::Ok
            && accounts->createAccount(admin, "sam", "Sam", StaffRole::Supervisor, "sam-pass-1", 3, nullptr)
                == BoxOfficeStatus::Ok
            && accounts->signIn("ann", "ann-pass-1", 4, &clerk) == BoxOfficeStatus::Ok
            && drawer->openShift(clerk.id, "EUR", 10000, 5, &shift) == BoxOfficeStatus::Ok;
        TcpCardTerminalOptions terminalOptions;
        terminalOptions.port = terminalPort;
        terminalOptions.payTimeoutMs = 700;
        terminalOptions.requestTimeoutMs = 1000;
        terminal = std::make_unique<TcpCardTerminal>(terminalOptions);
        if (!ok)
            *error = "cannot set up accounts and the shift";
        return ok;
    }

    CounterSaleContext context()
    {
        CounterSaleContext c;
        c.shard = engine->event(kEvent);
        c.db = db.get();
        c.drawer = drawer.get();
        c.accounts = accounts.get();
        c.terminal = terminal.get();
        c.channel = kBoxOffice;
        c.clock = [this] { return clock.load(); };
        c.terminalQueriesMax = 10;
        c.terminalQueryIntervalMs = 300;
        return c;
    }

    SeatStatus seatStatus(SeatId seat)
    {
        SeatStatus status = SeatStatus::Available;
        engine->event(kEvent)->read(
            [&](const Ledger& ledger) { status = ledger.seatStatus(ledger.venue().seatIndex(seat)); });
        return status;
    }

    ShiftReport report()
    {
        ShiftReport x;
        drawer->xReport(shift.id, clerk.id, clock.load(), &x);
        return x;
    }
};

Amount methodSales(const ShiftReport& report, PaymentMethod method)
{
    return report.methods[static_cast<std::size_t>(method) - 1].sales;
}

} // namespace

class TestBoxOfficeSale : public QObject {
    Q_OBJECT

private:
    FakeTerminalProcess m_fake;

private Q_SLOTS:
    void initTestCase()
    {
        QString problem;
        QVERIFY2(m_fake.start(&problem), qPrintable(problem));
    }

    void cashSaleOfTwoBestAvailableWithChange()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(m_fake.port(), &error), error.c_str());
        CounterSale sale(counter.context(), counter.clerk, counter.shift.id);
        QCOMPARE(sale.holdBestAvailable(BestAvailableRequest { 2, 0, true, false }), BoxOfficeStatus::Ok);
        QCOMPARE(sale.state(), SaleState::Held);
        QCOMPARE(sale.lines().size(), std::size_t(2));
        QCOMPARE(sale.total(), Amount(10000)); // 2 x 50.00 (category A, adult)
        QCOMPARE(sale.complete(nullptr), BoxOfficeStatus::Underpaid);
        const TenderResult first = sale.payCash(5000);
        QCOMPARE(first.status, BoxOfficeStatus::Ok);
        QCOMPARE(first.applied, Amount(5000));
        QCOMPARE(first.change, Amount(0));
        const TenderResult second = sale.payCash(10000);
        QCOMPARE(second.applied, Amount(5000));
        QCOMPARE(second.change, Amount(5000));
        QCOMPARE(sale.payCash(100).status, BoxOfficeStatus::Overpaid);
        std::vector<IssuedTicket> tickets;
        QCOMPARE(sale.complete(&tickets), BoxOfficeStatus::Ok);
        QCOMPARE(tickets.size(), std::size_t(2));
        QVERIFY(sale.order() != 0);
        for (const CartLine& line : sale.lines())
            QCOMPARE(counter.seatStatus(line.seat), SeatStatus::Sold);
        const ShiftReport x = counter.report();
        QCOMPARE(x.expectedCash, Amount(20000));
        QCOMPARE(methodSales(x, PaymentMethod::Cash), Amount(10000));
        QCOMPARE(x.ticketsIssued, 2u);
        QCOMPARE(sale.complete(nullptr), BoxOfficeStatus::WrongState);
        std::vector<OpenSale> open;
        QCOMPARE(listOpenSales(*counter.db, &open), BoxOfficeStatus::Ok);
        QVERIFY(open.empty());
    }

    void cardDeclinedThenCash()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(m_fake.port(), &error), error.c_str());
        CounterSale sale(counter.context(), counter.clerk, counter.shift.id);
        QCOMPARE(sale.holdSeats({ 11, 12 }), BoxOfficeStatus::Ok);
        QVERIFY(m_fake.simulate("answer", "decline", 0));
        const TenderResult card = sale.payCard(sale.total());
        QCOMPARE(card.status, BoxOfficeStatus::PaymentDeclined);
        QCOMPARE(card.terminal, TerminalOutcome::Declined);
        QCOMPARE(sale.due(), sale.total());
        QCOMPARE(counter.seatStatus(11), SeatStatus::Held);
        QCOMPARE(sale.payCash(sale.total()).status, BoxOfficeStatus::Ok);
        QCOMPARE(sale.complete(nullptr), BoxOfficeStatus::Ok);
        const ShiftReport x = counter.report();
        QCOMPARE(methodSales(x, PaymentMethod::Card), Amount(0));
        QCOMPARE(methodSales(x, PaymentMethod::Cash), sale.total());
        QCOMPARE(counter.terminal->query(sale.tenders()[0].terminalReference).outcome, TerminalOutcome::Declined);
    }

    void timeoutIsSettledByQuery()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(m_fake.port(), &error), error.c_str());
        CounterSale sale(counter.context(), counter.clerk, counter.shift.id);
        QCOMPARE(sale.holdSeats({ 21 }), BoxOfficeStatus::Ok);
        // The terminal charges the card but never answers: the query finds the approval.
        QVERIFY(m_fake.simulate("silent", "approve", 0));
        const TenderResult card = sale.payCard(sale.total());
        QCOMPARE(card.status, BoxOfficeStatus::Ok);
        QCOMPARE(card.terminal, TerminalOutcome::Approved);
        QCOMPARE(sale.due(), Amount(0));
        QCOMPARE(sale.complete(nullptr), BoxOfficeStatus::Ok);
        QCOMPARE(counter.seatStatus(21), SeatStatus::Sold);
        QCOMPARE(methodSales(counter.report(), PaymentMethod::Card), sale.total());
    }

    void slowAnswerIsAwaitedByQuerying()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(m_fake.port(), &error), error.c_str());
        CounterSale sale(counter.context(), counter.clerk, counter.shift.id);
        QCOMPARE(sale.holdSeats({ 22 }), BoxOfficeStatus::Ok);
        // Answers after 1.5 s; pay() gives up after 0.7 s, the queries see PENDING, then APPROVED.
        QVERIFY(m_fake.simulate("answer", "approve", 1500));
        const TenderResult card = sale.payCard(sale.total());
        QCOMPARE(card.status, BoxOfficeStatus::Ok);
        QCOMPARE(card.terminal, TerminalOutcome::Approved);
        QCOMPARE(sale.complete(nullptr), BoxOfficeStatus::Ok);
    }

    void paymentThatOutlastsTheQueriesIsCancelled()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(m_fake.port(), &error), error.c_str());
        CounterSale sale(counter.context(), counter.clerk, counter.shift.id);
        QCOMPARE(sale.holdSeats({ 23 }), BoxOfficeStatus::Ok);
        QVERIFY(m_fake.simulate("answer", "approve", 20'000));
        const TenderResult card = sale.payCard(sale.total());
        QCOMPARE(card.status, BoxOfficeStatus::PaymentDeclined);
        QCOMPARE(card.terminal, TerminalOutcome::Cancelled);
        QCOMPARE(sale.due(), sale.total());
        // Never charged afterwards.
        QCOMPARE(counter.terminal->query(sale.tenders()[0].terminalReference).outcome, TerminalOutcome::Cancelled);
        QCOMPARE(sale.cancel(), BoxOfficeStatus::Ok);
        QCOMPARE(counter.seatStatus(23), SeatStatus::Available);
    }

    void disconnectMidPayment()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(m_fake.port(), &error), error.c_str());
        CounterSale approved(counter.context(), counter.clerk, counter.shift.id);
        QCOMPARE(approved.holdSeats({ 31 }), BoxOfficeStatus::Ok);
        QVERIFY(m_fake.simulate("disconnect", "approve", 100));
        const TenderResult card = approved.payCard(approved.total());
        QCOMPARE(card.status, BoxOfficeStatus::Ok);
        QCOMPARE(card.terminal, TerminalOutcome::Approved);
        QCOMPARE(approved.complete(nullptr), BoxOfficeStatus::Ok);

        CounterSale declined(counter.context(), counter.clerk, counter.shift.id);
        QCOMPARE(declined.holdSeats({ 32 }), BoxOfficeStatus::Ok);
        QVERIFY(m_fake.simulate("disconnect", "decline", 100));
        QCOMPARE(declined.payCard(declined.total()).status, BoxOfficeStatus::PaymentDeclined);
        QCOMPARE(declined.cancel(), BoxOfficeStatus::Ok);
        QCOMPARE(declined.state(), SaleState::Cancelled);
        QCOMPARE(counter.seatStatus(32), SeatStatus::Available);
        QCOMPARE(methodSales(counter.report(), PaymentMethod::Card), approved.total());
    }

    void unreachableTerminalChargesNothing()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(1, &error), error.c_str()); // nothing listens on port 1
        CounterSale sale(counter.context(), counter.clerk, counter.shift.id);
        QCOMPARE(sale.holdSeats({ 33 }), BoxOfficeStatus::Ok);
        const TenderResult card = sale.payCard(sale.total());
        QCOMPARE(card.status, BoxOfficeStatus::TerminalUnavailable);
        QCOMPARE(sale.due(), sale.total());
        QCOMPARE(sale.payCash(sale.total()).status, BoxOfficeStatus::Ok);
        QCOMPARE(sale.complete(nullptr), BoxOfficeStatus::Ok);
    }

    void splitTenderWithPriceTypes()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(m_fake.port(), &error), error.c_str());
        CounterSale sale(counter.context(), counter.clerk, counter.shift.id);
        QCOMPARE(sale.holdSeats({ 41, 42 }), BoxOfficeStatus::Ok);
        QCOMPARE(sale.setPriceTypes({ 0 }), BoxOfficeStatus::InvalidArgument);
        QCOMPARE(sale.setPriceTypes({ 0, 7 }), BoxOfficeStatus::InvalidArgument);
        QCOMPARE(sale.setPriceTypes({ 0, 1 }), BoxOfficeStatus::Ok);
        QCOMPARE(sale.total(), Amount(8500)); // 50.00 adult + 35.00 concession
        QCOMPARE(sale.setBuyer(Buyer { "Grace Hopper", "grace@example.org", "" }), BoxOfficeStatus::Ok);
        QCOMPARE(sale.payCard(9000).status, BoxOfficeStatus::Overpaid);
        QCOMPARE(sale.payCard(5000).status, BoxOfficeStatus::Ok);
        QCOMPARE(sale.setPriceTypes({ 0, 0 }), BoxOfficeStatus::WrongState); // prices are fixed once paying
        const TenderResult cash = sale.payCash(4000);
        QCOMPARE(cash.applied, Amount(3500));
        QCOMPARE(cash.change, Amount(500));
        std::vector<IssuedTicket> tickets;
        QCOMPARE(sale.complete(&tickets), BoxOfficeStatus::Ok);
        QCOMPARE(tickets.size(), std::size_t(2));
        QCOMPARE(tickets[1].priceType, std::uint8_t(1));
        QCOMPARE(tickets[1].amount, Amount(3500));
        const ShiftReport x = counter.report();
        QCOMPARE(methodSales(x, PaymentMethod::Card), Amount(5000));
        QCOMPARE(methodSales(x, PaymentMethod::Cash), Amount(3500));
        QCOMPARE(x.expectedCash, Amount(13500));
        QCOMPARE(x.categories.size(), std::size_t(1));
        QCOMPARE(x.categories[0].sales, Amount(8500));
    }

    void complimentaryNeedsASupervisor()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(m_fake.port(), &error), error.c_str());
        CounterSale sale(counter.context(), counter.clerk, counter.shift.id);
        QCOMPARE(sale.holdSeats({ 51 }), BoxOfficeStatus::Ok);
        QCOMPARE(sale.payComplimentary("ann", "ann-pass-1").status, BoxOfficeStatus::SupervisorRequired);
        QCOMPARE(sale.payComplimentary("sam", "wrong-pass").status, BoxOfficeStatus::InvalidCredentials);
        QCOMPARE(sale.due(), sale.total());
        const TenderResult comp = sale.payComplimentary("sam", "sam-pass-1");
        QCOMPARE(comp.status, BoxOfficeStatus::Ok);
        QCOMPARE(comp.applied, sale.total());
        QVERIFY(sale.tenders().back().approvedBy != 0);
        QCOMPARE(sale.complete(nullptr), BoxOfficeStatus::Ok);
        const ShiftReport x = counter.report();
        QCOMPARE(methodSales(x, PaymentMethod::Complimentary), sale.total());
        QCOMPARE(x.expectedCash, Amount(10000));
        SqlStatement audit(*counter.db, "SELECT COUNT(*) FROM audit WHERE action = 'sale.comp.refused'");
        QVERIFY(audit.next());
        QCOMPARE(audit.integer(0), std::int64_t(2));
    }

    void refusedConfirmReversesTheCardCharge()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(m_fake.port(), &error), error.c_str());
        CounterSale sale(counter.context(), counter.clerk, counter.shift.id);
        QCOMPARE(sale.holdSeats({ 61, 62 }), BoxOfficeStatus::Ok);
        QCOMPARE(sale.payCard(sale.total()).status, BoxOfficeStatus::Ok);
        const std::string reference = sale.tenders()[0].terminalReference;
        QCOMPARE(counter.terminal->query(reference).outcome, TerminalOutcome::Approved);
        // The hold runs out before the confirm (a payment keeps it for paymentSecondsMax at least).
        counter.clock += 3'600'000;
        QTRY_COMPARE(counter.seatStatus(61), SeatStatus::Available);
        QCOMPARE(sale.complete(nullptr), BoxOfficeStatus::EngineRefused);
        QVERIFY(sale.engineStatus() == Status::HoldNotFound || sale.engineStatus() == Status::HoldExpired);
        QCOMPARE(sale.state(), SaleState::Cancelled);
        QCOMPARE(sale.tenders()[0].state, TenderState::Reversed);
        QCOMPARE(counter.terminal->query(reference).outcome, TerminalOutcome::Reversed);
        const ShiftReport x = counter.report();
        QCOMPARE(methodSales(x, PaymentMethod::Card), Amount(0));
        QCOMPARE(x.ticketsIssued, 0u);
    }

    void refundsPartThenAllOfAnOrder()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(m_fake.port(), &error), error.c_str());
        CounterSale sale(counter.context(), counter.clerk, counter.shift.id);
        QCOMPARE(sale.holdSeats({ 81, 82, 83 }), BoxOfficeStatus::Ok); // category B: 30.00 each
        QCOMPARE(sale.payCash(sale.total()).status, BoxOfficeStatus::Ok);
        std::vector<IssuedTicket> tickets;
        QCOMPARE(sale.complete(&tickets), BoxOfficeStatus::Ok);
        QCOMPARE(tickets.size(), std::size_t(3));

        RefundRequest request;
        request.order = sale.order();
        request.tickets = { tickets[0].id };
        RefundResult refund = refundAtCounter(counter.context(), counter.clerk, counter.shift.id, request);
        QCOMPARE(refund.status, BoxOfficeStatus::InvalidArgument); // no reason
        request.reason = "customer is ill";
        refund = refundAtCounter(counter.context(), counter.clerk, counter.shift.id, request);
        QCOMPARE(refund.status, BoxOfficeStatus::Ok);
        QCOMPARE(refund.refunded, Amount(3000));
        QCOMPARE(counter.seatStatus(81), SeatStatus::Available);
        QCOMPARE(counter.seatStatus(82), SeatStatus::Sold);
        refund = refundAtCounter(counter.context(), counter.clerk, counter.shift.id, request);
        QCOMPARE(refund.status, BoxOfficeStatus::EngineRefused);
        QCOMPARE(refund.engineStatus, Status::TicketNotValid);

        // The rest (60.00) is above a 50.00 limit: a supervisor must approve.
        RefundOptions options;
        options.supervisorAboveAmount = 5000;
        request.tickets.clear();
        refund = refundAtCounter(counter.context(), counter.clerk, counter.shift.id, request, options);
        QCOMPARE(refund.status, BoxOfficeStatus::SupervisorRequired);
        request.supervisorLogin = "ann";
        request.supervisorPassword = "ann-pass-1";
        refund = refundAtCounter(counter.context(), counter.clerk, counter.shift.id, request, options);
        QCOMPARE(refund.status, BoxOfficeStatus::SupervisorRequired);
        QCOMPARE(counter.seatStatus(82), SeatStatus::Sold);
        request.supervisorLogin = "sam";
        request.supervisorPassword = "sam-pass-1";
        refund = refundAtCounter(counter.context(), counter.clerk, counter.shift.id, request, options);
        QCOMPARE(refund.status, BoxOfficeStatus::Ok);
        QCOMPARE(refund.refunded, Amount(6000));
        QCOMPARE(refund.tickets.size(), std::size_t(2));
        QCOMPARE(counter.seatStatus(83), SeatStatus::Available);

        const ShiftReport x = counter.report();
        QCOMPARE(x.methods[0].refunds, Amount(9000));
        QCOMPARE(x.ticketsRefunded, 3u);
        QCOMPARE(x.expectedCash, Amount(10000)); // the float: sold and refunded in full
        request.order = 999;
        refund = refundAtCounter(counter.context(), counter.clerk, counter.shift.id, request, options);
        QCOMPARE(refund.engineStatus, Status::OrderNotFound);
    }

    void refundNeedsTheCashInTheDrawer()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(m_fake.port(), &error), error.c_str());
        CounterSale sale(counter.context(), counter.clerk, counter.shift.id);
        QCOMPARE(sale.holdSeats({ 91, 92, 93, 94 }), BoxOfficeStatus::Ok); // 4 x 30.00, by card
        QCOMPARE(sale.payCard(sale.total()).status, BoxOfficeStatus::Ok);
        QCOMPARE(sale.complete(nullptr), BoxOfficeStatus::Ok);
        RefundRequest request;
        request.order = sale.order();
        request.reason = "event moved";
        request.supervisorLogin = "sam";
        request.supervisorPassword = "sam-pass-1";
        // 120.00 back in cash, the drawer holds the 100.00 float only: refused before the engine.
        const RefundResult refund = refundAtCounter(counter.context(), counter.clerk, counter.shift.id, request);
        QCOMPARE(refund.status, BoxOfficeStatus::InsufficientCash);
        QCOMPARE(counter.seatStatus(91), SeatStatus::Sold);
    }

    void refundsToTheCardItWasPaidWith()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(m_fake.port(), &error), error.c_str());
        CounterSale sale(counter.context(), counter.clerk, counter.shift.id);
        QCOMPARE(sale.holdSeats({ 14, 15 }), BoxOfficeStatus::Ok); // 2 x 50.00
        QCOMPARE(sale.payCard(sale.total()).status, BoxOfficeStatus::Ok);
        std::vector<IssuedTicket> tickets;
        QCOMPARE(sale.complete(&tickets), BoxOfficeStatus::Ok);
        CounterSale cashSale(counter.context(), counter.clerk, counter.shift.id);
        QCOMPARE(cashSale.holdSeats({ 16 }), BoxOfficeStatus::Ok);
        QCOMPARE(cashSale.payCash(5000).status, BoxOfficeStatus::Ok);
        QCOMPARE(cashSale.complete(nullptr), BoxOfficeStatus::Ok);

        RefundRequest request;
        request.order = sale.order();
        request.tickets = { tickets[1].id };
        request.reason = "wrong date";
        request.method = PaymentMethod::Card;
        const RefundResult refund = refundAtCounter(counter.context(), counter.clerk, counter.shift.id, request);
        QCOMPARE(refund.status, BoxOfficeStatus::Ok);
        QCOMPARE(refund.refunded, Amount(5000));
        QCOMPARE(refund.terminal, TerminalOutcome::Approved);
        QCOMPARE(counter.terminal->query(refund.terminalReference).outcome, TerminalOutcome::Approved);
        QCOMPARE(counter.seatStatus(15), SeatStatus::Available);
        const ShiftReport x = counter.report();
        QCOMPARE(x.methods[1].refunds, Amount(5000));
        QCOMPARE(x.methods[0].refunds, Amount(0));
        QCOMPARE(x.expectedCash, Amount(15000)); // the float and the cash sale: the card refund took no cash

        // An order paid in cash cannot go back to a card; nothing happens.
        request.order = cashSale.order();
        request.tickets.clear();
        QCOMPARE(refundAtCounter(counter.context(), counter.clerk, counter.shift.id, request).status,
                 BoxOfficeStatus::InvalidArgument);
        QCOMPARE(counter.seatStatus(16), SeatStatus::Sold);
    }

    void restoredSaleGoesOn()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(m_fake.port(), &error), error.c_str());
        std::string reference;
        {
            CounterSale sale(counter.context(), counter.clerk, counter.shift.id);
            QCOMPARE(sale.holdSeats({ 4, 5 }), BoxOfficeStatus::Ok);
            QCOMPARE(sale.setPriceTypes({ 1, 0 }), BoxOfficeStatus::Ok);
            QCOMPARE(sale.setBuyer(Buyer { "Ada", "", "555" }), BoxOfficeStatus::Ok);
            QCOMPARE(sale.payCash(2000).status, BoxOfficeStatus::Ok);
            reference = sale.reference();
        } // the app dies with the sale half paid
        BoxOfficeStatus status = BoxOfficeStatus::Ok;
        StaffAccount other = counter.clerk;
        other.id += 100;
        QVERIFY(CounterSale::restore(counter.context(), other, reference, &status) == nullptr);
        QCOMPARE(status, BoxOfficeStatus::Forbidden);
        QVERIFY(CounterSale::restore(counter.context(), counter.clerk, "S-nope", &status) == nullptr);
        auto sale = CounterSale::restore(counter.context(), counter.clerk, reference, &status);
        QVERIFY(sale != nullptr);
        QCOMPARE(sale->state(), SaleState::Paying);
        QCOMPARE(sale->total(), Amount(8500));
        QCOMPARE(sale->due(), Amount(6500));
        QCOMPARE(sale->lines()[0].priceType, std::uint8_t(1));
        QCOMPARE(sale->payCash(6500).status, BoxOfficeStatus::Ok);
        std::vector<IssuedTicket> tickets;
        QCOMPARE(sale->complete(&tickets), BoxOfficeStatus::Ok);
        QCOMPARE(tickets.size(), std::size_t(2));
        QCOMPARE(counter.seatStatus(4), SeatStatus::Sold);
        QCOMPARE(counter.report().methods[0].sales, Amount(8500));
    }

    // Places of a standing area: one cart line each, priced by the area's category (GA 25.00 adult,
    // 15.00 concession), kept across a restart, sold as GA tickets of that area.
    void gaPlacesSellAndSurviveARestart()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(m_fake.port(), &error), error.c_str());
        {
            CounterSale refused(counter.context(), counter.clerk, counter.shift.id);
            QCOMPARE(refused.holdArea(99, 1), BoxOfficeStatus::InvalidArgument);
            QCOMPARE(refused.holdArea(1, 0), BoxOfficeStatus::InvalidArgument);
            QCOMPARE(refused.holdArea(1, 51), BoxOfficeStatus::EngineRefused); // 50 places
            QCOMPARE(refused.state(), SaleState::Empty);
        }
        std::string reference;
        {
            CounterSale sale(counter.context(), counter.clerk, counter.shift.id);
            QCOMPARE(sale.holdArea(1, 3), BoxOfficeStatus::Ok);
            QCOMPARE(sale.lines().size(), std::size_t(3));
            for (const CartLine& line : sale.lines()) {
                QCOMPARE(line.area, AreaId(1));
                QCOMPARE(line.seat, SeatId(0));
                QCOMPARE(line.category, std::string("GA"));
                QVERIFY(!line.label.empty());
            }
            QCOMPARE(sale.total(), Amount(7500));
            QCOMPARE(sale.setPriceTypes({ 0, 1, 1 }), BoxOfficeStatus::Ok);
            QCOMPARE(sale.total(), Amount(5500));
            QCOMPARE(sale.setPriceTypes({ 0, 9, 1 }), BoxOfficeStatus::InvalidArgument);
            QCOMPARE(sale.payCash(2000).status, BoxOfficeStatus::Ok);
            reference = sale.reference();
        } // the app dies with the sale half paid
        BoxOfficeStatus status = BoxOfficeStatus::Ok;
        auto sale = CounterSale::restore(counter.context(), counter.clerk, reference, &status);
        QVERIFY(sale != nullptr);
        QCOMPARE(sale->state(), SaleState::Paying);
        QCOMPARE(sale->lines().size(), std::size_t(3));
        QCOMPARE(sale->lines()[2].area, AreaId(1));
        QCOMPARE(sale->lines()[1].priceType, std::uint8_t(1));
        QCOMPARE(sale->total(), Amount(5500));
        QCOMPARE(sale->due(), Amount(3500));
        QCOMPARE(sale->payCash(3500).status, BoxOfficeStatus::Ok);
        std::vector<IssuedTicket> tickets;
        QCOMPARE(sale->complete(&tickets), BoxOfficeStatus::Ok);
        QCOMPARE(tickets.size(), std::size_t(3));
        Amount sum = 0;
        for (const IssuedTicket& t : tickets) {
            QCOMPARE(t.area, AreaId(1));
            QCOMPARE(t.seat, SeatId(0));
            sum += t.amount;
        }
        QCOMPARE(sum, Amount(5500));
        std::uint32_t sold = 0;
        counter.engine->event(kEvent)->read([&](const Ledger& l) { sold = l.areaPools(l.venue().areaIndex(1))[0].sold; });
        QCOMPARE(sold, 3u);
        QCOMPARE(counter.report().ticketsIssued, 3u);
    }

    // The crash hits after the engine made the Confirm durable but before the drawer recorded the
    // sale: recovery confirms again with the same key, gets the recorded order, records the money.
    void recoveryKeepsAConfirmThatLanded()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(m_fake.port(), &error), error.c_str());
        std::string reference;
        OrderId landed = 0;
        {
            CounterSale sale(counter.context(), counter.clerk, counter.shift.id);
            QCOMPARE(sale.holdSeats({ 6, 7 }), BoxOfficeStatus::Ok);
            QCOMPARE(sale.payCard(4000).status, BoxOfficeStatus::Ok);
            QCOMPARE(sale.payCash(6000).status, BoxOfficeStatus::Ok);
            reference = sale.reference();
            // What complete() does up to the crash: mark Confirming, then the engine's Confirm lands.
            SqlStatement mark(*counter.db, "UPDATE sales SET state = 5 WHERE reference = ?");
            QVERIFY(mark.bind(1, reference).run());
            Command c;
            c.kind = CommandKind::Confirm;
            c.key = IdempotencyKey::fromString(reference + ":confirm");
            c.actor = staffActor(counter.clerk.id, counter.clerk.role);
            c.channel = kBoxOffice;
            c.hold = sale.hold();
            c.text = reference;
            c.amount = 10000;
            c.priceTypes = { 0, 0 };
            const CommandResult confirmed = counter.engine->event(kEvent)->execute(c);
            QVERIFY(confirmed.ok());
            landed = confirmed.order;
        }
        QCOMPARE(counter.report().ticketsIssued, 0u); // the drawer never heard of it
        BoxOfficeStatus status = BoxOfficeStatus::Ok;
        auto sale = CounterSale::restore(counter.context(), counter.clerk, reference, &status);
        QVERIFY(sale != nullptr);
        QCOMPARE(sale->state(), SaleState::Confirming);
        QCOMPARE(sale->cancel(), BoxOfficeStatus::WrongState); // never give back an unknown confirm
        std::vector<IssuedTicket> tickets;
        QCOMPARE(sale->recover(&tickets), BoxOfficeStatus::Ok);
        QCOMPARE(sale->state(), SaleState::Completed);
        QCOMPARE(sale->order(), landed);
        QCOMPARE(tickets.size(), std::size_t(2));
        const ShiftReport x = counter.report();
        QCOMPARE(x.ticketsIssued, 2u);
        QCOMPARE(x.methods[0].sales, Amount(6000));
        QCOMPARE(x.methods[1].sales, Amount(4000));
        QCOMPARE(counter.terminal->query(sale->tenders()[0].terminalReference).outcome, TerminalOutcome::Approved);
        std::vector<OpenSale> open;
        QCOMPARE(listOpenSales(*counter.db, &open), BoxOfficeStatus::Ok);
        QVERIFY(open.empty());
    }

    void recoveryReleasesAnUnfinishedSale()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(m_fake.port(), &error), error.c_str());
        std::string reference;
        {
            CounterSale sale(counter.context(), counter.clerk, counter.shift.id);
            QCOMPARE(sale.holdSeats({ 8 }), BoxOfficeStatus::Ok);
            QCOMPARE(sale.payCard(2000).status, BoxOfficeStatus::Ok);
            reference = sale.reference();
        }
        BoxOfficeStatus status = BoxOfficeStatus::Ok;
        auto sale = CounterSale::restore(counter.context(), counter.clerk, reference, &status);
        QVERIFY(sale != nullptr);
        QCOMPARE(sale->recover(nullptr), BoxOfficeStatus::Ok);
        QCOMPARE(sale->state(), SaleState::Cancelled);
        QCOMPARE(counter.seatStatus(8), SeatStatus::Available);
        QCOMPARE(counter.terminal->query(sale->tenders()[0].terminalReference).outcome, TerminalOutcome::Reversed);
        QCOMPARE(counter.report().methods[1].sales, Amount(0));
    }

    void openSaleIsListedAfterARestart()
    {
        test::TempDir keep;
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(m_fake.port(), &error), error.c_str());
        std::string reference;
        HoldId hold = 0;
        {
            CounterSale sale(counter.context(), counter.clerk, counter.shift.id);
            QCOMPARE(sale.holdSeats({ 71, 72 }), BoxOfficeStatus::Ok);
            QCOMPARE(sale.payCash(1000).status, BoxOfficeStatus::Ok);
            reference = sale.reference();
            hold = sale.hold();
            // The app dies here: the sale object goes away without completing or cancelling.
        }
        counter.engine->close();
        counter.engine.reset();
        counter.db.reset();
        auto db = BoxOfficeDb::open(counter.dir.filePath("boxoffice.db"), &error);
        QVERIFY2(db, error.c_str());
        std::vector<OpenSale> open;
        QCOMPARE(listOpenSales(*db, &open), BoxOfficeStatus::Ok);
        QCOMPARE(open.size(), std::size_t(1));
        QCOMPARE(open[0].reference, reference);
        QCOMPARE(open[0].hold, hold);
        QCOMPARE(open[0].state, SaleState::Paying);
        SqlStatement tender(*db, "SELECT method, amount, state FROM tenders");
        QVERIFY(tender.next());
        QCOMPARE(tender.integer(0), std::int64_t(PaymentMethod::Cash));
        QCOMPARE(tender.integer(1), std::int64_t(1000));
        EngineOptions options;
        options.dataDirectory = counter.dir.path();
        options.shard.clock = [&counter] { return counter.clock.load(); };
        auto engine = Engine::open(options, &error);
        QVERIFY2(engine, error.c_str());
        std::optional<HoldView> view;
        engine->event(kEvent)->read([&](const Ledger& ledger) { view = ledger.hold(hold); });
        QVERIFY(view.has_value());
        QVERIFY(view->paymentPending);
        QCOMPARE(view->seats, (std::vector<SeatId> { 71, 72 }));
    }
};

QTEST_GUILESS_MAIN(TestBoxOfficeSale)
#include "TestBoxOfficeSale.moc"
