// Voids, exchanges and reprints at the counter against a real Engine, a real boxoffice.db and the
// in-process fake terminal: what a void may cancel (this shift's whole counter sales only), that
// the money goes back the way it came, same-price exchanges, and reprints that retire old codes.

#include "boxoffice/BoxOfficeDb.h"
#include "boxoffice/CashDrawer.h"
#include "boxoffice/CounterExchange.h"
#include "boxoffice/CounterReprint.h"
#include "boxoffice/CounterVoid.h"
#include "boxoffice/FakeTerminalServer.h"
#include "boxoffice/StaffAccounts.h"
#include "boxoffice/TcpCardTerminal.h"
#include "runtime/Engine.h"
#include "storage/Storage.h"
#include "support/TempDir.h"
#include "support/TestEvents.h"

#include <QTest>

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

    void exchangeKeepsThePriceAndReprintRetiresCodes()
    {
        Counter counter;
        std::string error;
        QVERIFY2(counter.open(&error), error.c_str());
        std::vector<IssuedTicket> tickets;
        const OrderId order = counter.sell({ 10, 11 }, PaymentMethod::Cash, &tickets, counter.clerk, counter.shift.id);
        QVERIFY(order != 0);
        EventShard& shard = *counter.engine->event(kEvent);
        QCOMPARE(checkExchange(shard, kBoxOffice, order, { tickets[0].id, 90 }), ExchangeCheck::PriceDiffers);
        QCOMPARE(checkExchange(shard, kBoxOffice, order, { tickets[0].id, 11 }), ExchangeCheck::SeatUnavailable);
        QCOMPARE(checkExchange(shard, kBoxOffice, order, { tickets[0].id, 10 }), ExchangeCheck::SameSeat);
        QCOMPARE(exchangeCandidates(shard, kBoxOffice, order, tickets[0].id, 1000).size(), std::size_t(48));
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
};

QTEST_GUILESS_MAIN(TestBoxOfficeVoid)
#include "TestBoxOfficeVoid.moc"
