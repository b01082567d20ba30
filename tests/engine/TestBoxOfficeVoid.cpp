// Voids, exchanges and reprints at the counter against a real Engine, a real boxoffice.db and the
// in-process fake terminal: what a void may cancel (this shift's whole counter sales only), that
// the money goes back the way it came (also when a card reversal fails), exchanges at the same and at
// another price (cash and card), and reprints that retire old codes.

#include "boxoffice/BoxOfficeDb.h"
#include "boxoffice/CashDrawer.h"
#include "boxoffice/CounterExchange.h"
#include "boxoffice/CounterReprint.h"
#include "boxoffice/CounterVoid.h"
#include "boxoffice/FakeTerminalServer.h"
#include "boxoffice/LineSocket.h"
#include "boxoffice/StaffAccounts.h"
#include "boxoffice/TcpCardTerminal.h"
#include "boxoffice/TerminalProtocol.h"
#include "runtime/Engine.h"
#include "storage/Storage.h"
#include "support/TempDir.h"
#include "support/TestEvents.h"

#include <QTest>

#include <algorithm>

#include <sodium.h>

using namespace usher;

namespace {

constexpr EventId kEvent = 1;
constexpr ChannelId kBoxOffice = 2;

struct Counter {
    test::TempDir dir;
    std::unique_ptr<Engine> engine;
    std::unique_ptr<BoxOfficeDb> db;
    std::unique_ptr<StaffAccounts> accounts;
    std::unique_ptr<CashDrawer> drawer;
    std::unique_ptr<FakeTerminalServer> fake;
    std::unique_ptr<TcpCardTerminal> terminal;
    StaffAccount clerk;
    StaffAccount other;
    Shift shift;

    bool open(std::string* error)
    {
        EngineOptions options;
        options.dataDirectory = dir.path();
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
        fake = std::make_unique<FakeTerminalServer>(FakeTerminalOptions {});
        const bool ok = accounts->createFirstAdmin("admin", "Admin", "admin-pass", 1, nullptr) == BoxOfficeStatus::Ok
            && accounts->signIn("admin", "admin-pass", 2, &admin) == BoxOfficeStatus::Ok
            && accounts->createAccount(admin, "ann", "Ann", StaffRole::Clerk, "ann-pass-1", 3, nullptr)
                == BoxOfficeStatus::Ok
            && accounts->createAccount(admin, "bea", "Bea", StaffRole::Clerk, "bea-pass-1", 3, nullptr)
                == BoxOfficeStatus::Ok
            && accounts->signIn("ann", "ann-pass-1", 4, &clerk) == BoxOfficeStatus::Ok
            && accounts->signIn("bea", "bea-pass-1", 4, &other) == BoxOfficeStatus::Ok
            && drawer->openShift(clerk.id, "EUR", 10000, 5, &shift) == BoxOfficeStatus::Ok && fake->start(error);
        TcpCardTerminalOptions terminalOptions;
        terminalOptions.port = fake->port();
        terminal = std::make_unique<TcpCardTerminal>(terminalOptions);
        return ok;
    }

    ~Counter()
    {
        terminal.reset();
        if (fake)
            fake->stop();
        if (engine)
            engine->close();
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
        return c;
    }

    OrderId sell(const std::vector<SeatId>& seats, PaymentMethod method, std::vector<IssuedTicket>* tickets,
                 const StaffAccount& who, ShiftId in)
    {
        CounterSale sale(context(), who, in);
        if (sale.holdSeats(seats) != BoxOfficeStatus::Ok)
            return 0;
        const TenderResult paid
            = method == PaymentMethod::Card ? sale.payCard(sale.total()) : sale.payCash(sale.total());
        if (paid.status != BoxOfficeStatus::Ok || sale.complete(tickets) != BoxOfficeStatus::Ok)
            return 0;
        return sale.order();
    }

    SeatStatus seatStatus(SeatId seat)
    {
        SeatStatus status = SeatStatus::Available;
        engine->event(kEvent)->read(
            [&](const Ledger& ledger) { status = ledger.seatStatus(ledger.venue().seatIndex(seat)); });
        return status;
    }

    // Queues a SIMULATE line on the fake terminal (the next new PAY behaves so).
    void script(const std::string& line)
    {
        std::string error;
        LineSocket socket = LineSocket::connectTo("127.0.0.1", fake->port(), 2000, &error);
        std::string reply;
        if (!socket.isOpen() || !socket.sendAll(line, 2000)
            || socket.readLine(&reply, 2000, kTerminalLineBytesMax) != LineRead::Line || reply != "OK")
            QFAIL("the fake terminal did not take the script");
    }

    ShiftReport x()
    {
        ShiftReport report;
        drawer->xReport(shift.id, clerk.id, 10, &report);
        return report;
    }
};

} // namespace

class TestBoxOfficeVoid : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void voidGivesTheMoneyBackTheWayItCame()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(&error), error.c_str());
        std::vector<IssuedTicket> tickets;
        const OrderId cash = counter.sell({ 1, 2 }, PaymentMethod::Cash, &tickets, counter.clerk, counter.shift.id);
        const OrderId card = counter.sell({ 60 }, PaymentMethod::Card, &tickets, counter.clerk, counter.shift.id);
        QVERIFY(cash != 0 && card != 0);

        VoidRequest request { cash, "", "", "" };
        QCOMPARE(voidAtCounter(counter.context(), counter.clerk, counter.shift.id, request).status,
                 BoxOfficeStatus::InvalidArgument); // no reason
        request.reason = "wrong date";
        QCOMPARE(voidAtCounter(counter.context(), counter.other, counter.shift.id, request).status,
                 BoxOfficeStatus::Forbidden); // not this clerk's shift
        RefundOptions strict;
        strict.supervisorAboveAmount = 5000;
        QCOMPARE(voidAtCounter(counter.context(), counter.clerk, counter.shift.id, request, strict).status,
                 BoxOfficeStatus::SupervisorRequired);
        const VoidResult voided = voidAtCounter(counter.context(), counter.clerk, counter.shift.id, request);
        QCOMPARE(voided.status, BoxOfficeStatus::Ok);
        QCOMPARE(voided.cashReturned, Amount(10000));
        QCOMPARE(voided.tickets.size(), std::size_t(2));
        QCOMPARE(counter.seatStatus(1), SeatStatus::Available);
        const VoidResult again = voidAtCounter(counter.context(), counter.clerk, counter.shift.id, request);
        QCOMPARE(again.status, BoxOfficeStatus::EngineRefused); // nothing left to void
        QCOMPARE(again.engineStatus, Status::TicketNotValid);

        request.order = card;
        const VoidResult cardVoid = voidAtCounter(counter.context(), counter.clerk, counter.shift.id, request);
        QCOMPARE(cardVoid.status, BoxOfficeStatus::Ok);
        QCOMPARE(cardVoid.cardReversed, Amount(3000));
        const ShiftReport x = counter.x();
        QCOMPARE(x.methods[0].refunds, Amount(10000));
        QCOMPARE(x.methods[1].refunds, Amount(3000));
        QCOMPARE(x.expectedCash, Amount(10000));
        QCOMPARE(x.ticketsRefunded, 3u);
    }

    void voidRefusesPartlyRefundedAndOtherShiftsOrders()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(&error), error.c_str());
        std::vector<IssuedTicket> tickets;
        const OrderId order = counter.sell({ 5, 6 }, PaymentMethod::Cash, &tickets, counter.clerk, counter.shift.id);
        QVERIFY(order != 0);
        RefundRequest refund;
        refund.order = order;
        refund.tickets = { tickets[0].id };
        refund.reason = "one went home";
        QCOMPARE(refundAtCounter(counter.context(), counter.clerk, counter.shift.id, refund).status,
                 BoxOfficeStatus::Ok);
        const VoidRequest request { order, "wrong date", "", "" };
        QCOMPARE(voidAtCounter(counter.context(), counter.clerk, counter.shift.id, request).status,
                 BoxOfficeStatus::WrongState);
        QCOMPARE(counter.seatStatus(6), SeatStatus::Sold);

        // Another clerk's shift sold this one: not voidable here.
        Shift beaShift;
        QCOMPARE(counter.drawer->openShift(counter.other.id, "EUR", 0, 6, &beaShift), BoxOfficeStatus::Ok);
        const OrderId theirs = counter.sell({ 7 }, PaymentMethod::Cash, &tickets, counter.other, beaShift.id);
        QVERIFY(theirs != 0);
        const VoidPlan plan = planVoid(counter.context(), counter.clerk, counter.shift.id, theirs);
        QCOMPARE(plan.status, BoxOfficeStatus::WrongState);
    }

    void exchangeAtTheSamePriceAndReprintRetiresCodes()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(&error), error.c_str());
        std::vector<IssuedTicket> tickets;
        const OrderId order = counter.sell({ 10, 11 }, PaymentMethod::Cash, &tickets, counter.clerk, counter.shift.id);
        QVERIFY(order != 0);
        EventShard& shard = *counter.engine->event(kEvent);
        QCOMPARE(checkExchange(shard, kBoxOffice, order, { tickets[0].id, 90 }), ExchangeCheck::Ok); // another price
        QCOMPARE(checkExchange(shard, kBoxOffice, order, { tickets[0].id, 11 }), ExchangeCheck::SeatUnavailable);
        QCOMPARE(checkExchange(shard, kBoxOffice, order, { tickets[0].id, 10 }), ExchangeCheck::SameSeat);
        // Every other seat is offered (48 more in A, 50 in B), each with its price and difference.
        const std::vector<ExchangeSeat> candidates = exchangeCandidates(shard, kBoxOffice, order, tickets[0].id, 1000);
        QCOMPARE(candidates.size(), std::size_t(98));
        const auto seat90 = std::find_if(candidates.begin(), candidates.end(),
                                         [](const ExchangeSeat& c) { return c.seat == 90; });
        QVERIFY(seat90 != candidates.end());
        QCOMPARE(seat90->price, Amount(3000));
        QCOMPARE(seat90->difference, Amount(-2000));
        ExchangeRequest request { order, { { tickets[0].id, 12 }, { tickets[1].id, 12 } }, "aisle" };
        ExchangeResult result = exchangeAtCounter(counter.context(), counter.clerk, counter.shift.id, request);
        QCOMPARE(result.status, BoxOfficeStatus::InvalidArgument); // one seat for two tickets: nothing sent
        QCOMPARE(counter.seatStatus(12), SeatStatus::Available);
        request.moves = { { tickets[0].id, 12 }, { tickets[1].id, 13 } };
        result = exchangeAtCounter(counter.context(), counter.clerk, counter.shift.id, request);
        QCOMPARE(result.status, BoxOfficeStatus::Ok);
        QCOMPARE(result.outcomes[1].ticket.seat, SeatId(13));
        QCOMPARE(counter.seatStatus(10), SeatStatus::Available);
        QCOMPARE(counter.seatStatus(13), SeatStatus::Sold);

        const ReprintResult reprinted = reprintAtCounter(counter.context(), counter.clerk, counter.shift.id,
                                                         ReprintRequest { order, { tickets[1].id }, "lost" });
        QCOMPARE(reprinted.status, BoxOfficeStatus::Ok);
        QCOMPARE(reprinted.tickets.size(), std::size_t(1));
        QVERIFY(reprinted.tickets[0].code != result.outcomes[1].ticket.code);
        Status oldStatus = Status::Ok;
        Status newStatus = Status::TicketNotFound;
        counter.engine->withStorage([&](Storage& storage) {
            StoredTicket t;
            std::string e;
            oldStatus = storage.findTicketByCode(ticketCodeText(result.outcomes[1].ticket.code), &t, &e);
            newStatus = storage.findTicketByCode(ticketCodeText(reprinted.tickets[0].code), &t, &e);
        });
        QCOMPARE(oldStatus, Status::TicketNotValid);
        QCOMPARE(newStatus, Status::Ok);
        QCOMPARE(reprintAtCounter(counter.context(), counter.clerk, counter.shift.id, ReprintRequest { order, {}, "" })
                     .status,
                 BoxOfficeStatus::InvalidArgument);
        QCOMPARE(counter.x().expectedCash, Amount(20000)); // exchanges and reprints move no money
    }

    // B (30.00) to A (50.00) paid in cash with change, then back to B paid back in cash; the X report
    // shows the money by method and the seats' move between categories; a refund gives back what
    // the ticket is worth after both moves.
    void exchangeAtAnotherPriceInCash()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(&error), error.c_str());
        std::vector<IssuedTicket> tickets;
        const OrderId order = counter.sell({ 51 }, PaymentMethod::Cash, &tickets, counter.clerk, counter.shift.id);
        QVERIFY(order != 0);
        EventShard& shard = *counter.engine->event(kEvent);
        const ExchangeQuote quote = quoteExchange(shard, kBoxOffice, order, { { tickets[0].id, 3 } });
        QVERIFY(quote.ok());
        QCOMPARE(quote.difference, Amount(2000));

        ExchangeRequest up { order, { { tickets[0].id, 3 } }, "better view", PaymentMethod::Cash, 5000, 1999 };
        ExchangeResult result = exchangeAtCounter(counter.context(), counter.clerk, counter.shift.id, up);
        QCOMPARE(result.status, BoxOfficeStatus::WrongState); // not the difference the customer was told
        QCOMPARE(counter.seatStatus(3), SeatStatus::Available);
        up.expectedDifference = 2000;
        up.tendered = 1500;
        QCOMPARE(exchangeAtCounter(counter.context(), counter.clerk, counter.shift.id, up).status,
                 BoxOfficeStatus::Underpaid);
        up.tendered = 5000;
        result = exchangeAtCounter(counter.context(), counter.clerk, counter.shift.id, up);
        QCOMPARE(result.status, BoxOfficeStatus::Ok);
        QCOMPARE(result.difference, Amount(2000));
        QCOMPARE(result.change, Amount(3000));
        QCOMPARE(result.outcomes[0].ticket.amount, Amount(5000));
        QCOMPARE(counter.seatStatus(3), SeatStatus::Sold);
        QCOMPARE(counter.seatStatus(51), SeatStatus::Available);
        ShiftReport x = counter.x();
        QCOMPARE(x.methods[0].sales, Amount(5000)); // 30.00 sale + 20.00 difference
        QCOMPARE(x.expectedCash, Amount(15000));
        QCOMPARE(x.categories.size(), std::size_t(2));
        QCOMPARE(x.categories[0].category, std::string("A"));
        QCOMPARE(x.categories[0].sales, Amount(5000));
        QCOMPARE(x.categories[1].sales - x.categories[1].refunds, Amount(0)); // B: sold, then moved out

        // Back to B: 20.00 paid back from the drawer.
        ExchangeRequest down { order, { { tickets[0].id, 52 } }, "too high", PaymentMethod::Cash, 0, -2000 };
        result = exchangeAtCounter(counter.context(), counter.clerk, counter.shift.id, down);
        QCOMPARE(result.status, BoxOfficeStatus::Ok);
        QCOMPARE(result.difference, Amount(-2000));
        x = counter.x();
        QCOMPARE(x.methods[0].refunds, Amount(2000));
        QCOMPARE(x.expectedCash, Amount(13000));
        QCOMPARE(x.categories[0].sales - x.categories[0].refunds, Amount(0));      // A: in and out again
        QCOMPARE(x.categories[1].sales - x.categories[1].refunds, Amount(3000));   // B: the seat it has now
        Amount net = 0;
        for (const CategoryTotal& c : x.categories)
            net += c.sales - c.refunds;
        QCOMPARE(net, x.methods[0].sales - x.methods[0].refunds);

        // The ticket is worth 30.00 again: a refund pays that back.
        RefundRequest refund;
        refund.order = order;
        refund.reason = "cannot come";
        const RefundResult refunded = refundAtCounter(counter.context(), counter.clerk, counter.shift.id, refund);
        QCOMPARE(refunded.status, BoxOfficeStatus::Ok);
        QCOMPARE(refunded.refunded, Amount(3000));
        QCOMPARE(counter.x().expectedCash, Amount(10000)); // the float: every cent went back
    }

    // By card: the upgrade is charged before the seat moves; a declined card moves nothing; the
    // downgrade goes back to the card of the sale; a declined card refund is paid in cash instead.
    void exchangeAtAnotherPriceByCard()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(&error), error.c_str());
        std::vector<IssuedTicket> tickets;
        const OrderId order = counter.sell({ 60 }, PaymentMethod::Card, &tickets, counter.clerk, counter.shift.id);
        QVERIFY(order != 0);
        counter.script("SIMULATE answer decline 0\n");
        ExchangeRequest up { order, { { tickets[0].id, 4 } }, "better view", PaymentMethod::Card, 0, 2000 };
        ExchangeResult result = exchangeAtCounter(counter.context(), counter.clerk, counter.shift.id, up);
        QCOMPARE(result.status, BoxOfficeStatus::PaymentDeclined);
        QCOMPARE(counter.seatStatus(4), SeatStatus::Available);
        QCOMPARE(counter.seatStatus(60), SeatStatus::Sold);
        result = exchangeAtCounter(counter.context(), counter.clerk, counter.shift.id, up);
        QCOMPARE(result.status, BoxOfficeStatus::Ok);
        QCOMPARE(result.terminal, TerminalOutcome::Approved);
        QCOMPARE(counter.terminal->query(result.terminalReference).outcome, TerminalOutcome::Approved);
        QCOMPARE(counter.seatStatus(4), SeatStatus::Sold);
        ShiftReport x = counter.x();
        QCOMPARE(x.methods[1].sales, Amount(5000));

        ExchangeRequest down { order, { { tickets[0].id, 61 } }, "too high", PaymentMethod::Card, 0, -2000 };
        result = exchangeAtCounter(counter.context(), counter.clerk, counter.shift.id, down);
        QCOMPARE(result.status, BoxOfficeStatus::Ok);
        QCOMPARE(result.terminal, TerminalOutcome::Approved);
        x = counter.x();
        QCOMPARE(x.methods[1].refunds, Amount(2000));

        // Up again and down again: the sale's card payment has 10.00 left to refund, so the terminal
        // declines a refund of 20.00 on it... after it was refunded 20.00 of 30.00 already.
        up.moves = { { tickets[0].id, 5 } };
        QCOMPARE(exchangeAtCounter(counter.context(), counter.clerk, counter.shift.id, up).status, BoxOfficeStatus::Ok);
        down.moves = { { tickets[0].id, 62 } };
        result = exchangeAtCounter(counter.context(), counter.clerk, counter.shift.id, down);
        QCOMPARE(result.status, BoxOfficeStatus::PaymentDeclined);
        QCOMPARE(result.outstanding, Amount(2000));
        QCOMPARE(counter.seatStatus(62), SeatStatus::Sold); // the seat moved; the money is owed
        QCOMPARE(counter.x().methods[1].refunds, Amount(2000));
        QCOMPARE(settleExchangeInCash(counter.context(), counter.clerk, counter.shift.id, &result),
                 BoxOfficeStatus::Ok);
        QCOMPARE(result.outstanding, Amount(0));
        x = counter.x();
        QCOMPARE(x.methods[0].refunds, Amount(2000));
        QCOMPARE(x.expectedCash, Amount(8000));
        Amount net = 0;
        for (const CategoryTotal& c : x.categories)
            net += c.sales - c.refunds;
        Amount money = 0;
        for (const MethodTotal& m : x.methods)
            money += m.sales - m.refunds;
        QCOMPARE(net, money);
    }

    // A split sale (cash and card) whose card reversal fails: the cash goes back, and the drawer
    // records it with the categories sharing it, so the X report stays split by category.
    void voidWithFailedReversalKeepsCategories()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(&error), error.c_str());
        CounterSale sale(counter.context(), counter.clerk, counter.shift.id);
        QCOMPARE(sale.holdSeats({ 20, 70 }), BoxOfficeStatus::Ok); // A 50.00 + B 30.00
        QCOMPARE(sale.payCash(3000).status, BoxOfficeStatus::Ok);
        QCOMPARE(sale.payCard(5000).status, BoxOfficeStatus::Ok);
        std::vector<IssuedTicket> tickets;
        QCOMPARE(sale.complete(&tickets), BoxOfficeStatus::Ok);
        counter.terminal.reset();
        counter.fake->stop(); // the terminal is gone: the reversal cannot be made
        TcpCardTerminalOptions gone;
        gone.port = counter.fake->port();
        gone.connectTimeoutMs = 200;
        counter.terminal = std::make_unique<TcpCardTerminal>(gone);
        CounterSaleContext context = counter.context();
        context.terminalQueriesMax = 1;
        context.terminalQueryIntervalMs = 10;
        const VoidResult voided
            = voidAtCounter(context, counter.clerk, counter.shift.id,
                            VoidRequest { sale.order(), "wrong day", "", "" });
        QCOMPARE(voided.status, BoxOfficeStatus::PaymentUncertain);
        QCOMPARE(voided.cashReturned, Amount(3000));
        QCOMPARE(voided.cardOutstanding, Amount(5000));
        const ShiftReport x = counter.x();
        QCOMPARE(x.methods[0].refunds, Amount(3000));
        QCOMPARE(x.ticketsRefunded, 2u);
        QCOMPARE(x.categories.size(), std::size_t(2));
        // 30.00 shared 50:30 between A and B: 18.75 and 11.25.
        QCOMPARE(x.categories[0].refunds, Amount(1875));
        QCOMPARE(x.categories[1].refunds, Amount(1125));
        QCOMPARE(x.categories[0].ticketsRefunded + x.categories[1].ticketsRefunded, 2u);
    }
};

QTEST_GUILESS_MAIN(TestBoxOfficeVoid)
#include "TestBoxOfficeVoid.moc"
