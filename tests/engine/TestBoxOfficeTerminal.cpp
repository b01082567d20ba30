// The card-terminal line protocol, the TCP client and the simulated terminal in process: parsing,
// idempotent references, cancel while paying (also from the counter sale, and racing an approval),
// reversal, and every limit of the simulator.

#include "boxoffice/BoxOfficeDb.h"
#include "boxoffice/CashDrawer.h"
#include "boxoffice/CounterSale.h"
#include "boxoffice/FakeTerminalServer.h"
#include "boxoffice/LineSocket.h"
#include "boxoffice/TcpCardTerminal.h"
#include "boxoffice/StaffAccounts.h"
#include "boxoffice/TerminalProtocol.h"
#include "runtime/Engine.h"
#include "support/TempDir.h"
#include "support/TestEvents.h"

#include <QElapsedTimer>
#include <QTest>

#include <sodium.h>

#include <thread>

using namespace usher;

namespace {

std::string exchange(std::uint16_t port, const std::string& line)
{
    std::string error;
    LineSocket socket = LineSocket::connectTo("127.0.0.1", port, 2000, &error);
    if (!socket.isOpen() || !socket.sendAll(line, 2000))
        return "<no connection>";
    std::string reply;
    const LineRead read = socket.readLine(&reply, 2000, kTerminalLineBytesMax);
    return read == LineRead::Line ? reply : read == LineRead::Closed ? "<closed>" : "<timeout>";
}

TcpCardTerminal client(std::uint16_t port, int payTimeoutMs = 2000)
{
    TcpCardTerminalOptions options;
    options.port = port;
    options.payTimeoutMs = payTimeoutMs;
    options.requestTimeoutMs = 2000;
    return TcpCardTerminal(options);
}

} // namespace

class TestBoxOfficeTerminal : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesRequests()
    {
        TerminalRequest r;
        std::string error;
        QVERIFY(parseTerminalRequest("PAY S1-C1 12345 EUR", &r, &error));
        QCOMPARE(r.verb, TerminalVerb::Pay);
        QCOMPARE(r.reference, std::string("S1-C1"));
        QCOMPARE(r.amount, Amount(12345));
        QCOMPARE(r.currency, std::string("EUR"));
        QCOMPARE(formatTerminalRequest(r), std::string("PAY S1-C1 12345 EUR\n"));
        QVERIFY(parseTerminalRequest("SIMULATE silent decline 250", &r, &error));
        QCOMPARE(r.answer, SimulatedAnswer::Silent);
        QVERIFY(!r.approve);
        QCOMPARE(r.delayMs, 250);
        QCOMPARE(formatTerminalRequest(r), std::string("SIMULATE silent decline 250\n"));
        QVERIFY(parseTerminalRequest("QUERY abc", &r, &error));
        QCOMPARE(r.verb, TerminalVerb::Query);

        for (const char* bad :
             { "", "PAY", "PAY r 0 EUR", "PAY r -5 EUR", "PAY r 1x EUR", "PAY r 1000000000001 EUR", "PAY r 100 eur",
               "PAY r 100 EURO", "PAY r?x 100 EUR", "PAY r 100 EUR extra", "CANCEL", "QUERY a b", "REFUND r",
               "SIMULATE loud approve 0", "SIMULATE answer maybe 0", "SIMULATE answer approve 600001", "PING now" }) {
            error.clear();
            QVERIFY2(!parseTerminalRequest(bad, &r, &error), bad);
            QVERIFY2(!error.empty(), bad);
        }
        QVERIFY(!parseTerminalRequest("QUERY " + std::string(65, 'a'), &r, &error));
        QVERIFY(parseTerminalRequest("QUERY " + std::string(64, 'a'), &r, &error));
        QVERIFY(!parseTerminalRequest(std::string(600, 'A'), &r, &error));
    }

    void parsesReplies()
    {
        TerminalReply reply;
        QVERIFY(parseTerminalReply("APPROVED S1-C1 A100001", &reply));
        QCOMPARE(reply.outcome, TerminalOutcome::Approved);
        QCOMPARE(reply.detail, std::string("A100001"));
        QVERIFY(parseTerminalReply("DECLINED S1-C1 card declined", &reply));
        QCOMPARE(reply.detail, std::string("card declined"));
        QCOMPARE(formatTerminalReply(reply), std::string("DECLINED S1-C1 card declined\n"));
        QVERIFY(!parseTerminalReply("ERROR busy", &reply));
        QCOMPARE(reply.detail, std::string("busy"));
        QVERIFY(!parseTerminalReply("APPROVED", &reply));
        QVERIFY(!parseTerminalReply("MAYBE S1", &reply));
        QCOMPARE(reply.outcome, TerminalOutcome::ProtocolError);
        QVERIFY(terminalOutcomeIsFinal(TerminalOutcome::Unknown));
        QVERIFY(!terminalOutcomeIsFinal(TerminalOutcome::Pending));
        QVERIFY(!terminalOutcomeIsFinal(TerminalOutcome::TimedOut));
        std::string host;
        std::uint16_t port = 1;
        QVERIFY(parseHostPort("127.0.0.1:0", &host, &port, true));
        QCOMPARE(port, std::uint16_t(0));
        QVERIFY(!parseHostPort("127.0.0.1:0", &host, &port, false));
        QVERIFY(!parseHostPort("localhost:80", &host, &port, true));
        QVERIFY(!parseHostPort("127.0.0.1:65536", &host, &port, true));
        QVERIFY(!parseHostPort("127.0.0.1", &host, &port, true));
    }

    void paysIdempotentlyAndReverses()
    {
        FakeTerminalServer server(FakeTerminalOptions {});
        std::string error;
        QVERIFY2(server.start(&error), error.c_str());
        TcpCardTerminal terminal = client(server.port());
        const TerminalReply first = terminal.pay({ "R1", 5000, "EUR" });
        QCOMPARE(first.outcome, TerminalOutcome::Approved);
        QVERIFY(!first.detail.empty());
        const TerminalReply again = terminal.pay({ "R1", 5000, "EUR" });
        QCOMPARE(again.outcome, TerminalOutcome::Approved);
        QCOMPARE(again.detail, first.detail); // the same payment, not a second charge
        QCOMPARE(terminal.pay({ "R1", 6000, "EUR" }).outcome, TerminalOutcome::ProtocolError);
        QCOMPARE(terminal.query("R1").outcome, TerminalOutcome::Approved);
        QCOMPARE(terminal.cancel("R1").outcome, TerminalOutcome::Approved); // too late to cancel
        QCOMPARE(terminal.reverse("R1").outcome, TerminalOutcome::Reversed);
        QCOMPARE(terminal.query("R1").outcome, TerminalOutcome::Reversed);
        QCOMPARE(terminal.query("NEVER").outcome, TerminalOutcome::Unknown);
        // Cancelling a reference the terminal has not seen yet stops a late PAY from charging.
        QCOMPARE(terminal.cancel("LATE").outcome, TerminalOutcome::Cancelled);
        QCOMPARE(terminal.pay({ "LATE", 100, "EUR" }).outcome, TerminalOutcome::Cancelled);
        QCOMPARE(terminal.reverse("NEVER").outcome, TerminalOutcome::Unknown);
        QCOMPARE(terminal.pay({ "bad ref", 5000, "EUR" }).outcome, TerminalOutcome::ProtocolError);
        QCOMPARE(terminal.pay({ "R2", 0, "EUR" }).outcome, TerminalOutcome::ProtocolError);
        QCOMPARE(exchange(server.port(), "PING\n"), std::string("PONG"));
    }

    void refundsToTheCard()
    {
        TerminalRequest r;
        std::string error;
        QVERIFY(parseTerminalRequest("REFUND F1 R1 300 EUR", &r, &error));
        QCOMPARE(r.verb, TerminalVerb::Refund);
        QCOMPARE(r.original, std::string("R1"));
        QCOMPARE(formatTerminalRequest(r), std::string("REFUND F1 R1 300 EUR\n"));
        QVERIFY(!parseTerminalRequest("REFUND F1 300 EUR", &r, &error));
        QVERIFY(!parseTerminalRequest("REFUND F1 R?1 300 EUR", &r, &error));

        FakeTerminalServer server(FakeTerminalOptions {});
        QVERIFY2(server.start(&error), error.c_str());
        TcpCardTerminal terminal = client(server.port());
        QCOMPARE(terminal.pay({ "R1", 5000, "EUR" }).outcome, TerminalOutcome::Approved);
        QCOMPARE(terminal.refund({ "F1", "R1", 3000, "EUR" }).outcome, TerminalOutcome::Approved);
        QCOMPARE(terminal.refund({ "F1", "R1", 3000, "EUR" }).outcome, TerminalOutcome::Approved); // a retry
        QCOMPARE(terminal.refund({ "F2", "R1", 2001, "EUR" }).outcome, TerminalOutcome::Declined); // beyond 50.00
        QCOMPARE(terminal.refund({ "F3", "R1", 2000, "EUR" }).outcome, TerminalOutcome::Approved);
        QCOMPARE(terminal.refund({ "F4", "NOPE", 100, "EUR" }).outcome, TerminalOutcome::Declined);
        QCOMPARE(terminal.refund({ "F1", "R1", 100, "EUR" }).outcome, TerminalOutcome::ProtocolError);
        QCOMPARE(terminal.reverse("R1").outcome, TerminalOutcome::Approved); // refunded: no longer reversible
        QCOMPARE(terminal.query("F3").outcome, TerminalOutcome::Approved);
    }

    void cancelWhilePaying()
    {
        FakeTerminalServer server(FakeTerminalOptions {});
        std::string error;
        QVERIFY2(server.start(&error), error.c_str());
        QCOMPARE(exchange(server.port(), "SIMULATE answer approve 10000\n"), std::string("OK"));
        TcpCardTerminal terminal = client(server.port(), 15'000);
        TerminalReply paid;
        QElapsedTimer timer;
        timer.start();
        std::thread payer([&] { paid = terminal.pay({ "R9", 100, "EUR" }); });
        QTRY_COMPARE(terminal.query("R9").outcome, TerminalOutcome::Pending);
        QCOMPARE(terminal.cancel("R9").outcome, TerminalOutcome::Cancelled);
        payer.join();
        QCOMPARE(paid.outcome, TerminalOutcome::Cancelled);
        QVERIFY(timer.elapsed() < 5000);
        QCOMPARE(terminal.query("R9").outcome, TerminalOutcome::Cancelled);
    }

    // A cancel that comes after the customer approved is too late: both the cancel and the PAY
    // answer APPROVED, so the counter keeps the payment and issues the tickets. A cancel that comes
    // before the PAY leaves a tombstone: the PAY then answers CANCELLED and never charges.
    void cancelRacingAnApprovalGetsTheFinalAnswer()
    {
        FakeTerminalServer server(FakeTerminalOptions {});
        std::string error;
        QVERIFY2(server.start(&error), error.c_str());
        TcpCardTerminal terminal = client(server.port());
        const TerminalReply paid = terminal.pay({ "RACE1", 700, "EUR" });
        QCOMPARE(paid.outcome, TerminalOutcome::Approved);
        QCOMPARE(terminal.cancel("RACE1").outcome, TerminalOutcome::Approved);
        QCOMPARE(terminal.query("RACE1").outcome, TerminalOutcome::Approved);
        QCOMPARE(terminal.cancel("RACE2").outcome, TerminalOutcome::Cancelled);
        QCOMPARE(terminal.pay({ "RACE2", 700, "EUR" }).outcome, TerminalOutcome::Cancelled);
        QCOMPARE(terminal.query("RACE2").outcome, TerminalOutcome::Cancelled);
    }

    // The counter's Esc during a card payment: CounterSale::cancelCardPayment() from another thread
    // while payCard() waits. Nothing is charged, the tender is declined, the hold stays, and the
    // sale can be paid in cash afterwards.
    void counterSaleCancelsTheCardPaymentInFlight()
    {
        test::TempDir dir;
        std::string error;
        EngineOptions engineOptions;
        engineOptions.dataDirectory = dir.path();
        std::unique_ptr<Engine> engine = Engine::open(engineOptions, &error);
        QVERIFY2(engine != nullptr, error.c_str());
        QCOMPARE(engine->createEvent(test::makeTestEvent(1), &error), Status::Ok);
        std::unique_ptr<BoxOfficeDb> db = BoxOfficeDb::open(dir.filePath("boxoffice.db"), &error);
        QVERIFY2(db != nullptr, error.c_str());
        StaffAccountOptions staffOptions;
        staffOptions.opsLimit = crypto_pwhash_OPSLIMIT_MIN;
        staffOptions.memLimitBytes = crypto_pwhash_MEMLIMIT_MIN;
        StaffAccounts accounts(*db, staffOptions);
        CashDrawer drawer(*db);
        StaffAccount clerk;
        Shift shift;
        QCOMPARE(accounts.createFirstAdmin("admin", "Admin", "admin-pass", 1, nullptr), BoxOfficeStatus::Ok);
        QCOMPARE(accounts.signIn("admin", "admin-pass", 2, &clerk), BoxOfficeStatus::Ok);
        QCOMPARE(drawer.openShift(clerk.id, "EUR", 0, 3, &shift), BoxOfficeStatus::Ok);
        FakeTerminalServer server(FakeTerminalOptions {});
        QVERIFY2(server.start(&error), error.c_str());
        QCOMPARE(exchange(server.port(), "SIMULATE answer approve 60000\n"), std::string("OK")); // at the keypad
        TcpCardTerminal terminal = client(server.port(), 90'000);
        CounterSaleContext context;
        context.shard = engine->event(1);
        context.db = db.get();
        context.drawer = &drawer;
        context.accounts = &accounts;
        context.terminal = &terminal;
        context.channel = 2;
        CounterSale sale(context, clerk, shift.id);
        QCOMPARE(sale.holdSeats({ 5, 6 }), BoxOfficeStatus::Ok);
        TenderResult paid;
        QElapsedTimer timer;
        timer.start();
        std::thread payer([&] { paid = sale.payCard(sale.total()); });
        QTRY_COMPARE(terminal.query(sale.reference() + "-C1").outcome, TerminalOutcome::Pending);
        const TerminalReply cancelled = sale.cancelCardPayment();
        payer.join();
        QCOMPARE(cancelled.outcome, TerminalOutcome::Cancelled);
        QCOMPARE(paid.status, BoxOfficeStatus::PaymentDeclined);
        QCOMPARE(paid.terminal, TerminalOutcome::Cancelled);
        QVERIFY(timer.elapsed() < 30'000); // not the minute at the keypad
        QCOMPARE(sale.paid(), Amount(0));
        QCOMPARE(sale.tenders().back().state, TenderState::Declined);
        QCOMPARE(terminal.query(sale.reference() + "-C1").outcome, TerminalOutcome::Cancelled);
        SeatStatus status = SeatStatus::Available;
        engine->event(1)->read([&](const Ledger& ledger) { status = ledger.seatStatus(ledger.venue().seatIndex(5)); });
        QCOMPARE(status, SeatStatus::Held);
        QCOMPARE(sale.state(), SaleState::Paying);
        // The customer pays cash instead.
        QCOMPARE(sale.payCash(sale.total()).status, BoxOfficeStatus::Ok);
        std::vector<IssuedTicket> tickets;
        QCOMPARE(sale.complete(&tickets), BoxOfficeStatus::Ok);
        QCOMPARE(tickets.size(), std::size_t(2));
        ShiftReport x;
        QCOMPARE(drawer.xReport(shift.id, clerk.id, 10, &x), BoxOfficeStatus::Ok);
        QCOMPARE(x.methods[1].sales, Amount(0));
        QCOMPARE(x.methods[0].sales, Amount(10000));
        server.stop();
        engine->close();
    }

    void timeoutAndDisconnectAreUnknownToTheClient()
    {
        FakeTerminalServer server(FakeTerminalOptions {});
        std::string error;
        QVERIFY2(server.start(&error), error.c_str());
        TcpCardTerminal terminal = client(server.port(), 300);
        QCOMPARE(exchange(server.port(), "SIMULATE silent approve 0\n"), std::string("OK"));
        QCOMPARE(terminal.pay({ "T1", 100, "EUR" }).outcome, TerminalOutcome::TimedOut);
        QCOMPARE(terminal.query("T1").outcome, TerminalOutcome::Approved);
        QCOMPARE(exchange(server.port(), "SIMULATE disconnect decline 0\n"), std::string("OK"));
        QCOMPARE(terminal.pay({ "T2", 100, "EUR" }).outcome, TerminalOutcome::Disconnected);
        QCOMPARE(terminal.query("T2").outcome, TerminalOutcome::Declined);
        server.stop();
        QCOMPARE(terminal.query("T1").outcome, TerminalOutcome::Unreachable);
    }

    void simulatorLimits()
    {
        FakeTerminalOptions options;
        options.scriptedMax = 2;
        options.paymentsMax = 1;
        FakeTerminalServer server(options);
        std::string error;
        QVERIFY2(server.start(&error), error.c_str());
        QCOMPARE(exchange(server.port(), "SIMULATE answer approve 0\n"), std::string("OK"));
        QCOMPARE(exchange(server.port(), "SIMULATE answer approve 0\n"), std::string("OK"));
        QCOMPARE(exchange(server.port(), "SIMULATE answer approve 0\n"), std::string("ERROR script full"));
        QCOMPARE(exchange(server.port(), "PAY P1 100 EUR\n"), std::string("APPROVED P1 A100001"));
        QCOMPARE(exchange(server.port(), "PAY P2 100 EUR\n"), std::string("ERROR full"));
        QCOMPARE(exchange(server.port(), "NONSENSE\n"), std::string("ERROR unknown verb"));
        QCOMPARE(exchange(server.port(), std::string(600, 'A')), std::string("ERROR line too long"));
    }

    void connectionLimit()
    {
        FakeTerminalOptions options;
        options.connectionsMax = 2;
        FakeTerminalServer server(options);
        std::string error;
        QVERIFY2(server.start(&error), error.c_str());
        // Two idle connections fill the server; the third is turned away.
        LineSocket a = LineSocket::connectTo("127.0.0.1", server.port(), 2000, &error);
        LineSocket b = LineSocket::connectTo("127.0.0.1", server.port(), 2000, &error);
        QVERIFY(a.sendAll("PING\n", 1000) && b.sendAll("PING\n", 1000));
        std::string line;
        QCOMPARE(a.readLine(&line, 2000, 512), LineRead::Line);
        QCOMPARE(line, std::string("PONG"));
        QCOMPARE(b.readLine(&line, 2000, 512), LineRead::Line);
        QCOMPARE(line, std::string("PONG"));
        QCOMPARE(exchange(server.port(), "PING\n"), std::string("ERROR busy"));
        // Stopping does not wait for idle clients.
        QElapsedTimer timer;
        timer.start();
        server.stop();
        QVERIFY(timer.elapsed() < 2000);
        QCOMPARE(a.readLine(&line, 2000, 512), LineRead::Closed);
    }
};

QTEST_GUILESS_MAIN(TestBoxOfficeTerminal)
#include "TestBoxOfficeTerminal.moc"
