// Ledger unit tests, part 3: Confirm (orders, tickets, prices, codes), Refund and Exchange, against
// docs/engine-commands.md.

#include <QTest>

// moc (Qt 6.4) cannot parse the C++20 standard headers; it needs nothing from the engine.
#ifndef Q_MOC_RUN
#include "engine/LedgerTestKit.h"

#include "core/Aes128.h"
#include "core/Random.h"

#include <algorithm>
#include <cstring>
#include <set>
#endif

using namespace usher;
using namespace usher::ledgertest;

namespace {

// The test event with concession not offered in category B.
EventSpec specWithoutBConcession()
{
    EventSpec spec = makeSpec();
    for (CategoryPrices& prices : spec.prices)
        if (prices.category == "B")
            prices.amounts[kConcession] = kNotOffered;
    const std::string problem = spec.finalize();
    USHER_ASSERT(problem.empty());
    return spec;
}

// Sells seats 1 (A adult), 2 (A concession) and 51 (B adult): 5,000 + 3,500 + 3,000 = 11,500.
OrderId sellThree(Harness& h)
{
    return h.sell({ 1, 2, 51 }, { kAdult, kConcession, kAdult });
}

QList<Amount> amounts(const std::vector<IssuedTicket>& tickets)
{
    QList<Amount> out;
    for (const IssuedTicket& t : tickets)
        out.push_back(t.amount);
    return out;
}

// The code a ticket must carry: AES-128 of event id (8 bytes) | ticket id (4) | generation (4),
// little-endian, under the last 16 bytes of the event's ticket key, from the portable implementation
// (checked against FIPS-197 below), while the ledger takes the AES-NI path where the CPU has it.
TicketCode expectedTicketCode(const EventSpec& spec, TicketId ticket, std::uint32_t generation)
{
    AesBlock block{};
    const auto id = static_cast<std::uint32_t>(ticket);
    std::memcpy(block.data(), &spec.id, 8);
    std::memcpy(block.data() + 8, &id, 4);
    std::memcpy(block.data() + 12, &generation, 4);
    return aes128EncryptPortable(spec.ticketKey.data() + 16, block);
}

AesBlock hexBlock(const char* hex)
{
    AesBlock out{};
    const QByteArray bytes = QByteArray::fromHex(hex);
    USHER_ASSERT(bytes.size() == 16);
    std::memcpy(out.data(), bytes.constData(), 16);
    return out;
}

QList<TicketId> ids(const std::vector<IssuedTicket>& tickets)
{
    QList<TicketId> out;
    for (const IssuedTicket& t : tickets)
        out.push_back(t.id);
    return out;
}


// AES-128 known answers: FIPS-197 appendix C.1 and three blocks of NIST SP 800-38A F.1.1 (ECB).
struct AesVector {
    const char* key;
    const char* plain;
    const char* cipher;
};
constexpr AesVector kAesVectors[] = {
    { "000102030405060708090a0b0c0d0e0f", "00112233445566778899aabbccddeeff", "69c4e0d86a7b0430d8cdb78070b4c55a" },
    { "2b7e151628aed2a6abf7158809cf4f3c", "6bc1bee22e409f96e93d7e117393172a", "3ad77bb40d7a3660a89ecaf32466ef97" },
    { "2b7e151628aed2a6abf7158809cf4f3c", "ae2d8a571e03ac9c9eb76fac45af8e51", "f5d3d58503b9699de785895a96fdbaaf" },
    { "2b7e151628aed2a6abf7158809cf4f3c", "30c81c46a35ce411e5fbc1191a0a52ef", "43b1cd7f598ece23881b00e3ed030688" },
};

} // namespace

class TestLedgerOrders : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Confirm.
    void confirmCreatesOrderAndTickets();
    void aesKnownAnswers();
    void ticketCodesAreAes128();
    void aesExpandedKeyEqualsOneShot();
    void confirmDefaultsToFirstPriceType();
    void orderAndTicketIdsAreSequential();
    void confirmExpectedAmount();
    void confirmPriceTypeChecks();
    void confirmPriceTypeNotOffered();
    void confirmHoldChecks();
    void confirmExpiredHold();
    void confirmAfterPayment();
    void confirmAreaHold();
    void confirmAreaHoldFromChannelPool();
    void ticketCodesAreDistinctAndKeyed();

    // Refund.
    void refundInFull();
    void refundSharesOutPartialAmount();
    void refundNamedTickets();
    void refundTwiceIsTicketNotValid();
    void refundChecks();
    void refundTicketListChecks();
    void refundAmountExceedsPaid();
    void refundReturnsAreaCapacity();

    // Exchange.
    void exchangeMovesTicket();
    void refundAfterExchangeFreesNewSeat();
    void exchangeChecks();
    void exchangeTicketChecks();
    void exchangeNeedsSellableSeat();
    void exchangeRepricesUpAndDown();
    void exchangeExpectedAmount();
    void exchangePriceTypeNotOfferedAtNewSeat();
    void exchangeRepricedReplaysAndRetries();
    void exchangeFirstFormJournalStillReplays();

    // Reissue.
    void reissueGivesNewCodes();
    void reissueNamedTickets();
    void reissueChecks();
    void reissueIsIdempotentAndReplays();
};

// ---- confirm -------------------------------------------------------------------------------------

void TestLedgerOrders::confirmCreatesOrderAndTickets()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1, 51 });
    h.now = kT0 + 30 * kSecond;
    const CommandResult r = h.confirm(held.hold, { kConcession, kAdult });
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(int(r.kind), int(CommandKind::Confirm));
    QCOMPARE(r.seq, Seq { 2 });
    QCOMPARE(r.order, OrderId { 1 });
    QCOMPARE(r.hold, held.hold);
    QCOMPARE(r.amount, kPriceAConcession + kPriceB);
    QCOMPARE(r.tickets.size(), std::size_t { 2 });
    QCOMPARE(r.tickets[0].id, TicketId { 1 });
    QCOMPARE(r.tickets[0].seat, SeatId { 1 });
    QCOMPARE(r.tickets[0].area, AreaId { 0 });
    QCOMPARE(int(r.tickets[0].priceType), int(kConcession));
    QCOMPARE(r.tickets[0].amount, kPriceAConcession);
    QCOMPARE(r.tickets[1].id, TicketId { 2 });
    QCOMPARE(r.tickets[1].seat, SeatId { 51 });
    QCOMPARE(int(r.tickets[1].priceType), int(kAdult));
    QCOMPARE(r.tickets[1].amount, kPriceB);
    QVERIFY(!isZero(r.tickets[0].code));
    QVERIFY(r.tickets[0].code != r.tickets[1].code);

    const SeatView seat = h.seat(51);
    QCOMPARE(seat.status, SeatStatus::Sold);
    QCOMPARE(seat.order, OrderId { 1 });
    QCOMPARE(seat.ticket, TicketId { 2 });
    QCOMPARE(seat.channel, kOnline);
    QCOMPARE(seat.hold, HoldId { 0 });

    const Order* order = h.ledger->order(1);
    QVERIFY(order != nullptr);
    QCOMPARE(order->id, OrderId { 1 });
    QCOMPARE(order->hold, held.hold);
    QVERIFY(order->actor() == kBuyer);
    QCOMPARE(order->channel, kOnline);
    QCOMPARE(order->createdAt, kT0 + 30 * kSecond);
    QCOMPARE(order->amount, kPriceAConcession + kPriceB);
    QCOMPARE(order->refunded, Amount { 0 });
    QCOMPARE(order->paymentRef(), std::string_view("pay-ref-1"));
    QVERIFY(order->buyer().toBuyer() == (Buyer { "Ada Lovelace", "ada@example.org", "+44 20 7946 0000" }));
    QCOMPARE(order->firstTicket, TicketId { 1 });
    QCOMPARE(order->ticketCount, 2u);
    QVERIFY(h.ledger->order(2) == nullptr);
    QVERIFY(h.ledger->order(0) == nullptr);

    const Ticket* ticket = h.ledger->ticket(1);
    QVERIFY(ticket != nullptr);
    QCOMPARE(ticket->order, OrderId { 1 });
    QCOMPARE(ticket->seat, h.index(1));
    QCOMPARE(int(ticket->priceType), int(kConcession));
    QVERIFY(ticket->status == TicketStatus::Valid);
    QCOMPARE(ticket->generation, 0u);
    QCOMPARE(ticket->amount, kPriceAConcession);
    QCOMPARE(ticket->refunded, Amount { 0 });
    QVERIFY(ticket->code == r.tickets[0].code);
    QVERIFY(h.ledger->ticket(3) == nullptr);

    QVERIFY(!h.ledger->hold(held.hold).has_value());
    const LedgerCounts counts = h.ledger->counts();
    QCOMPARE(counts.sold, 2u);
    QCOMPARE(counts.held, 0u);
    QCOMPARE(counts.activeHolds, 0u);
    QCOMPARE(counts.orders, std::uint64_t { 1 });
    QCOMPARE(counts.tickets, std::uint64_t { 2 });
    // The hold is gone: confirming it again finds nothing.
    QCOMPARE(h.confirm(held.hold).status, Status::HoldNotFound);
}

void TestLedgerOrders::confirmDefaultsToFirstPriceType()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 2, 3, 52 });
    const CommandResult r = h.confirm(held.hold);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.amount, 2 * kPriceA + kPriceB);
    QCOMPARE(amounts(r.tickets), (QList<Amount> { kPriceA, kPriceA, kPriceB }));
    for (const IssuedTicket& t : r.tickets)
        QCOMPARE(int(t.priceType), int(kAdult));
    // Tickets follow the hold's seat order.
    QCOMPARE(r.tickets[2].seat, SeatId { 52 });
}

void TestLedgerOrders::orderAndTicketIdsAreSequential()
{
    Harness h;
    const CommandResult a = h.confirm(h.holdSeats({ 1, 2 }).hold);
    QCOMPARE(a.order, OrderId { 1 });
    QCOMPARE(ids(a.tickets), (QList<TicketId> { 1, 2 }));
    // A refused confirm uses no ids.
    const CommandResult pending = h.holdArea(3);
    QCOMPARE(h.confirm(pending.hold, {}, 1).status, Status::AmountMismatch);
    const CommandResult b = h.confirm(pending.hold);
    QCOMPARE(b.order, OrderId { 2 });
    QCOMPARE(ids(b.tickets), (QList<TicketId> { 3, 4, 5 }));
    const CommandResult c = h.confirm(h.holdSeats({ 60 }).hold);
    QCOMPARE(c.order, OrderId { 3 });
    QCOMPARE(ids(c.tickets), (QList<TicketId> { 6 }));
    QCOMPARE(h.ledger->order(3)->firstTicket, TicketId { 6 });
    QCOMPARE(h.ledger->counts().tickets, std::uint64_t { 6 });
}

void TestLedgerOrders::confirmExpectedAmount()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1, 51 });
    const Amount total = kPriceA + kPriceB;
    QCOMPARE(h.confirm(held.hold, {}, total + 1).status, Status::AmountMismatch);
    QCOMPARE(h.confirm(held.hold, {}, total - 1).status, Status::AmountMismatch);
    QCOMPARE(h.confirm(held.hold, {}, 0).status, Status::AmountMismatch);
    QCOMPARE(h.confirm(held.hold, { kConcession, kAdult }, total).status, Status::AmountMismatch);
    QCOMPARE(h.status(1), SeatStatus::Held);
    QVERIFY(h.ledger->hold(held.hold).has_value());
    QCOMPARE(h.ledger->counts().orders, std::uint64_t { 0 });
    const CommandResult r = h.confirm(held.hold, {}, total);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.amount, total);
    // Negative expected amounts are not checked.
    QCOMPARE(h.confirm(h.holdSeats({ 2 }).hold, {}, -1).status, Status::Ok);
    QCOMPARE(h.confirm(h.holdSeats({ 3 }).hold, {}, -5).status, Status::Ok);
}

void TestLedgerOrders::confirmPriceTypeChecks()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1, 51 });
    QCOMPARE(h.confirm(held.hold, { kAdult, 2 }).status, Status::PriceTypeNotFound);
    QCOMPARE(h.confirm(held.hold, { 255, kAdult }).status, Status::PriceTypeNotFound);
    QCOMPARE(h.confirm(held.hold, { kAdult }).status, Status::InvalidArgument);
    QCOMPARE(h.confirm(held.hold, { kAdult, kAdult, kAdult }).status, Status::InvalidArgument);
    // A count mismatch comes before an unknown type; an unknown type before the amount.
    QCOMPARE(h.confirm(held.hold, { 9 }).status, Status::InvalidArgument);
    QCOMPARE(h.confirm(held.hold, { kAdult, 9 }, 1).status, Status::PriceTypeNotFound);
    QCOMPARE(h.ledger->counts().orders, std::uint64_t { 0 });
    QCOMPARE(h.status(51), SeatStatus::Held);
    QCOMPARE(h.confirm(held.hold, { kConcession, kConcession }).amount, kPriceAConcession + kPriceBConcession);
}

void TestLedgerOrders::confirmPriceTypeNotOffered()
{
    Harness h(specWithoutBConcession());
    const CommandResult held = h.holdSeats({ 1, 51 });
    QCOMPARE(h.confirm(held.hold, { kConcession, kConcession }).status, Status::PriceTypeNotFound);
    QCOMPARE(h.confirm(held.hold, { kAdult, kConcession }).status, Status::PriceTypeNotFound);
    const CommandResult r = h.confirm(held.hold, { kConcession, kAdult });
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.amount, kPriceAConcession + kPriceB);
}

void TestLedgerOrders::confirmHoldChecks()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1 });
    QCOMPARE(h.confirm(held.hold + 1).status, Status::HoldNotFound);
    QCOMPARE(h.confirm(0).status, Status::HoldNotFound);
    QCOMPARE(h.confirm(held.hold, {}, -1, kOtherBuyer).status, Status::NotHolder);
    QCOMPARE(h.confirm(held.hold, {}, -1, kBuyer, kBox).status, Status::WrongChannel);
    QCOMPARE(h.confirm(held.hold, {}, -1, kClerk, kBox).status, Status::WrongChannel);
    // Hold checks come before the price checks.
    QCOMPARE(h.confirm(held.hold, { 7, 7 }, -1, kOtherBuyer).status, Status::NotHolder);
    QCOMPARE(h.status(1), SeatStatus::Held);
    const CommandResult byClerk = h.confirm(held.hold, {}, -1, kClerk, kOnline);
    QCOMPARE(byClerk.status, Status::Ok);
    QVERIFY(h.ledger->order(byClerk.order)->actor() == kClerk);
    const CommandResult other = h.holdSeats({ 2 });
    QCOMPARE(h.confirm(other.hold, {}, -1, kAdmin, kBox2).status, Status::Ok);
}

void TestLedgerOrders::confirmExpiredHold()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1, 2 });
    h.now = held.expiresAt;
    QCOMPARE(h.confirm(held.hold).status, Status::HoldExpired);
    // Before the price checks.
    QCOMPARE(h.confirm(held.hold, { kAdult }).status, Status::HoldExpired);
    QCOMPARE(h.confirm(held.hold, { 9, 9 }, 1).status, Status::HoldExpired);
    QCOMPARE(h.ledger->counts().orders, std::uint64_t { 0 });
    h.now = held.expiresAt - 1;
    QCOMPARE(h.confirm(held.hold).status, Status::Ok);
}

void TestLedgerOrders::confirmAfterPayment()
{
    Harness h;
    const CommandResult held = h.holdSeats({ 1 });
    QVERIFY(h.initiatePayment(held.hold, kPriceA).ok());
    const CommandResult r = h.confirm(held.hold, {}, kPriceA);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(h.failPayment(held.hold).status, Status::HoldNotFound);
    QCOMPARE(h.ledger->counts().activeHolds, 0u);
}

void TestLedgerOrders::confirmAreaHold()
{
    Harness h;
    const CommandResult held = h.holdArea(3);
    const CommandResult r = h.confirm(held.hold, { kAdult, kConcession, kAdult });
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.amount, 2 * kPriceGA + kPriceGAConcession);
    QCOMPARE(r.tickets.size(), std::size_t { 3 });
    for (const IssuedTicket& t : r.tickets) {
        QCOMPARE(t.seat, SeatId { 0 });
        QCOMPARE(t.area, kArea);
    }
    QCOMPARE(amounts(r.tickets), (QList<Amount> { kPriceGA, kPriceGAConcession, kPriceGA }));
    QCOMPARE(h.pool(kOpenPool).held, 0u);
    QCOMPARE(h.pool(kOpenPool).sold, 3u);
    QCOMPARE(h.pool(kOpenPool).free(), kAreaCapacity - 3);
    QCOMPARE(h.ledger->counts().areaSold, std::uint64_t { 3 });
    QCOMPARE(h.ledger->counts().areaHeld, std::uint64_t { 0 });
    const Ticket* ticket = h.ledger->ticket(2);
    QCOMPARE(ticket->seat, kNoSeat);
    QCOMPARE(ticket->area, 0u);
    QCOMPARE(ticket->pool, kOpenPool);
    QCOMPARE(h.confirm(h.holdArea(2).hold, { kAdult }).status, Status::InvalidArgument);
}

void TestLedgerOrders::confirmAreaHoldFromChannelPool()
{
    Harness h;
    QVERIFY(h.allocateArea(10, kBox).ok());
    const CommandResult held = h.holdArea(4, kArea, kClerk, kBox);
    QVERIFY(h.confirm(held.hold, {}, 4 * kPriceGA, kClerk, kBox).ok());
    QCOMPARE(h.pool(kBox).sold, 4u);
    QCOMPARE(h.pool(kBox).free(), 6u);
    QCOMPARE(h.pool(kOpenPool).sold, 0u);
    QCOMPARE(h.ledger->ticket(1)->pool, kBox);
}

void TestLedgerOrders::ticketCodesAreDistinctAndKeyed()
{
    auto sellSome = [](Harness& h) {
        std::vector<TicketCode> codes;
        for (const std::vector<SeatId>& seats :
             { std::vector<SeatId> { 1, 2, 3, 4, 5 }, std::vector<SeatId> { 51, 52 }, std::vector<SeatId> { 11 } }) {
            const CommandResult r = h.confirm(h.holdSeats(seats).hold);
            for (const IssuedTicket& t : r.tickets)
                codes.push_back(t.code);
        }
        for (const IssuedTicket& t : h.confirm(h.holdArea(4).hold).tickets)
            codes.push_back(t.code);
        return codes;
    };
    Harness h;
    const std::vector<TicketCode> codes = sellSome(h);
    QCOMPARE(codes.size(), std::size_t { 12 });
    std::set<TicketCode> distinct(codes.begin(), codes.end());
    QCOMPARE(distinct.size(), codes.size());
    for (std::size_t i = 0; i < codes.size(); ++i) {
        QVERIFY(!isZero(codes[i]));
        QVERIFY(h.ledger->ticket(i + 1)->code == codes[i]);
        const std::string text = ticketCodeText(codes[i]);
        QCOMPARE(text.size(), std::size_t { 26 });
        TicketCode parsed {};
        QVERIFY(parseTicketCode(text, &parsed));
        QVERIFY(parsed == codes[i]);
    }
    // Deterministic: the same event and commands give the same codes.
    Harness same;
    QVERIFY(sellSome(same) == codes);
    // Keyed: another secret or another event gives other codes. (The key's last 16 bytes are
    // AES's; the first 16 keyed the SipHash codes issued before session 11.)
    EventSpec otherKey = makeSpec();
    otherKey.ticketKey[16] ^= 1;
    Harness keyed(otherKey);
    const std::vector<TicketCode> keyedCodes = sellSome(keyed);
    EventSpec otherEvent = makeSpec(kEventId + 1);
    otherEvent.ticketKey = makeSpec().ticketKey;
    Harness event(otherEvent);
    const std::vector<TicketCode> eventCodes = sellSome(event);
    for (std::size_t i = 0; i < codes.size(); ++i) {
        QVERIFY(keyedCodes[i] != codes[i]);
        QVERIFY(eventCodes[i] != codes[i]);
    }
}

// ---- refund --------------------------------------------------------------------------------------

void TestLedgerOrders::refundInFull()
{
    Harness h;
    const OrderId order = h.sell({ 1, 2 }, { kAdult, kConcession });
    QCOMPARE(order, OrderId { 1 });
    const CommandResult r = h.refund(order);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.order, order);
    QCOMPARE(r.amount, kPriceA + kPriceAConcession);
    QCOMPARE(ids(r.tickets), (QList<TicketId> { 1, 2 }));
    QCOMPARE(amounts(r.tickets), (QList<Amount> { kPriceA, kPriceAConcession }));
    QCOMPARE(r.tickets[1].seat, SeatId { 2 });
    QCOMPARE(h.status(1), SeatStatus::Available);
    QCOMPARE(h.status(2), SeatStatus::Available);
    QCOMPARE(h.seat(1).order, OrderId { 0 });
    QCOMPARE(h.ledger->order(order)->refunded, kPriceA + kPriceAConcession);
    QCOMPARE(h.ledger->order(order)->amount, kPriceA + kPriceAConcession);
    QVERIFY(h.ledger->ticket(1)->status == TicketStatus::Refunded);
    QCOMPARE(h.ledger->ticket(2)->refunded, kPriceAConcession);
    QCOMPARE(h.ledger->counts().sold, 0u);
    QCOMPARE(h.ledger->counts().available, kSeatCount);
    QCOMPARE(h.ledger->counts().tickets, std::uint64_t { 2 }); // tickets stay, refunded
    // The seats are back on sale.
    QVERIFY(h.holdSeats({ 1, 2 }, kOtherBuyer).ok());
}

void TestLedgerOrders::refundSharesOutPartialAmount()
{
    Harness h;
    const OrderId order = sellThree(h);
    const CommandResult r = h.refund(order, {}, 6000);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.amount, Amount { 6000 });
    QCOMPARE(ids(r.tickets), (QList<TicketId> { 1, 2, 3 }));
    QCOMPARE(amounts(r.tickets), (QList<Amount> { 5000, 1000, 0 }));
    QCOMPARE(h.ledger->ticket(1)->refunded, Amount { 5000 });
    QCOMPARE(h.ledger->ticket(2)->refunded, Amount { 1000 });
    QCOMPARE(h.ledger->ticket(3)->refunded, Amount { 0 });
    QCOMPARE(h.ledger->order(order)->refunded, Amount { 6000 });
    for (TicketId t = 1; t <= 3; ++t)
        QVERIFY(h.ledger->ticket(t)->status == TicketStatus::Refunded);
    for (SeatId s : { 1u, 2u, 51u })
        QCOMPARE(h.status(s), SeatStatus::Available);
    // A zero refund is allowed (tickets cancelled, nothing paid back).
    const OrderId free = h.sell({ 5 });
    const CommandResult zero = h.refund(free, {}, 0);
    QCOMPARE(zero.status, Status::Ok);
    QCOMPARE(zero.amount, Amount { 0 });
    QCOMPARE(h.status(5), SeatStatus::Available);
}

void TestLedgerOrders::refundNamedTickets()
{
    Harness h;
    const OrderId order = sellThree(h);
    const CommandResult one = h.refund(order, { 2 });
    QCOMPARE(one.status, Status::Ok);
    QCOMPARE(one.amount, kPriceAConcession);
    QCOMPARE(ids(one.tickets), (QList<TicketId> { 2 }));
    QCOMPARE(h.status(2), SeatStatus::Available);
    QCOMPARE(h.status(1), SeatStatus::Sold);
    QCOMPARE(h.status(51), SeatStatus::Sold);
    QVERIFY(h.ledger->ticket(1)->status == TicketStatus::Valid);
    QCOMPARE(h.ledger->counts().sold, 2u);

    const CommandResult two = h.refund(order, { 1, 3 }, 5500);
    QCOMPARE(two.status, Status::Ok);
    QCOMPARE(amounts(two.tickets), (QList<Amount> { 5000, 500 }));
    QCOMPARE(h.ledger->order(order)->refunded, kPriceAConcession + 5500);
    QCOMPARE(h.ledger->counts().sold, 0u);
}

void TestLedgerOrders::refundTwiceIsTicketNotValid()
{
    Harness h;
    const OrderId order = sellThree(h);
    QVERIFY(h.refund(order, { 1 }).ok());
    QCOMPARE(h.refund(order, { 1 }).status, Status::TicketNotValid);
    QCOMPARE(h.refund(order, { 3, 1 }).status, Status::TicketNotValid);
    QCOMPARE(h.status(51), SeatStatus::Sold);
    // No tickets named: every still-valid ticket.
    const CommandResult rest = h.refund(order);
    QCOMPARE(rest.status, Status::Ok);
    QCOMPARE(ids(rest.tickets), (QList<TicketId> { 2, 3 }));
    QCOMPARE(rest.amount, kPriceAConcession + kPriceB);
    QCOMPARE(h.refund(order).status, Status::TicketNotValid);
    QCOMPARE(h.ledger->order(order)->refunded, Amount { 11'500 });
}

void TestLedgerOrders::refundChecks()
{
    Harness h;
    const OrderId order = sellThree(h);
    QCOMPARE(h.refund(order, {}, -1, kBuyer).status, Status::Forbidden);
    // Forbidden is checked before anything that could reveal what exists.
    Command c = h.refundCommand(99, { 1, 1 }, -7, kBuyer);
    c.text.clear();
    QCOMPARE(h.run(c).status, Status::Forbidden);
    Command noReason = h.refundCommand(order);
    noReason.text.clear();
    QCOMPARE(h.run(noReason).status, Status::InvalidArgument);
    QCOMPARE(h.refund(order, {}, -2).status, Status::InvalidArgument);
    QCOMPARE(h.refund(99, {}, -2).status, Status::InvalidArgument);
    QCOMPARE(h.refund(99).status, Status::OrderNotFound);
    QCOMPARE(h.refund(0).status, Status::OrderNotFound);
    QCOMPARE(h.refund(99, { 1 }, 999'999).status, Status::OrderNotFound);
    QCOMPARE(h.ledger->counts().sold, 3u);
    QCOMPARE(h.refund(order, { 1 }, -1, kDevice).status, Status::Ok);
    QCOMPARE(h.refund(order, { 2 }, -1, kPromoter).status, Status::Ok);
    QCOMPARE(h.refund(order, { 3 }, -1, kSystem).status, Status::Ok);
}

void TestLedgerOrders::refundTicketListChecks()
{
    Harness h;
    const OrderId order = sellThree(h); // tickets 1-3
    const OrderId other = h.sell({ 60 }); // ticket 4
    QCOMPARE(h.refund(order, { 1, 1 }).status, Status::InvalidArgument);
    QCOMPARE(h.refund(order, { 4 }).status, Status::TicketNotFound);
    QCOMPARE(h.refund(order, { 999 }).status, Status::TicketNotFound);
    QCOMPARE(h.refund(order, { 0 }).status, Status::TicketNotFound);
    QCOMPARE(h.refund(other, { 1 }).status, Status::TicketNotFound);
    // A repeat comes before a ticket of another order; another order's ticket before an invalid one.
    QCOMPARE(h.refund(order, { 2, 2, 4 }).status, Status::InvalidArgument);
    QVERIFY(h.refund(order, { 3 }).ok());
    QCOMPARE(h.refund(order, { 4, 3 }).status, Status::TicketNotFound);
    // TicketNotValid comes before the amount check.
    QCOMPARE(h.refund(order, { 3 }, 1'000'000).status, Status::TicketNotValid);
    QCOMPARE(h.status(1), SeatStatus::Sold);
    QCOMPARE(h.status(2), SeatStatus::Sold);
    QCOMPARE(h.status(60), SeatStatus::Sold);
}

void TestLedgerOrders::refundAmountExceedsPaid()
{
    Harness h;
    const OrderId order = sellThree(h);
    // Only the named tickets count.
    QCOMPARE(h.refund(order, { 2 }, kPriceAConcession + 1).status, Status::AmountExceedsPaid);
    QCOMPARE(h.refund(order, { 2 }, kPriceA).status, Status::AmountExceedsPaid);
    QCOMPARE(h.refund(order, {}, 11'501).status, Status::AmountExceedsPaid);
    QCOMPARE(h.ledger->order(order)->refunded, Amount { 0 });
    QCOMPARE(h.ledger->counts().sold, 3u);
    QCOMPARE(h.refund(order, { 2 }, kPriceAConcession).status, Status::Ok);
    // What is left to refund is what the remaining tickets cost.
    QCOMPARE(h.refund(order, {}, kPriceA + kPriceB + 1).status, Status::AmountExceedsPaid);
    QCOMPARE(h.refund(order, {}, kPriceA + kPriceB).status, Status::Ok);
}

void TestLedgerOrders::refundReturnsAreaCapacity()
{
    Harness h;
    QVERIFY(h.allocateArea(10, kBox).ok());
    const CommandResult open = h.confirm(h.holdArea(3).hold);
    const CommandResult box = h.confirm(h.holdArea(4, kArea, kClerk, kBox).hold, {}, -1, kClerk, kBox);
    QCOMPARE(h.pool(kOpenPool).free(), 37u);
    QCOMPARE(h.pool(kBox).free(), 6u);

    const CommandResult r = h.refund(open.order, { open.tickets[1].id });
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.amount, kPriceGA);
    QCOMPARE(r.tickets[0].area, kArea);
    QCOMPARE(h.pool(kOpenPool).sold, 2u);
    QCOMPARE(h.pool(kOpenPool).free(), 38u);
    QCOMPARE(h.ledger->counts().areaSold, std::uint64_t { 6 });
    // A ticket from a channel's allocation goes back to that allocation.
    QVERIFY(h.refund(box.order).ok());
    QCOMPARE(h.pool(kBox).sold, 0u);
    QCOMPARE(h.pool(kBox).free(), 10u);
    QCOMPARE(h.pool(kOpenPool).free(), 38u);
    QCOMPARE(h.ledger->counts().areaSold, std::uint64_t { 2 });
    QVERIFY(h.holdArea(10, kArea, kClerk, kBox).ok());
    QCOMPARE(h.ledger->hold(h.holdArea(10, kArea, kClerk, kBox).hold)->pool, kOpenPool);
}

// The known answers (kAesVectors) on both paths; then the hardware path against the portable one on
// random keys and blocks.
void TestLedgerOrders::aesKnownAnswers()
{
    for (const AesVector& v : kAesVectors) {
        const AesBlock key = hexBlock(v.key);
        QVERIFY(aes128EncryptPortable(key.data(), hexBlock(v.plain)) == hexBlock(v.cipher));
        QVERIFY(aes128Encrypt(key.data(), hexBlock(v.plain)) == hexBlock(v.cipher));
    }
    // Alternating keys: the hardware path's per-thread key schedule must follow the key.
    AesBlock keys[2];
    secureRandom(keys, sizeof(keys));
    for (int i = 0; i < 200; ++i) {
        AesBlock block;
        secureRandom(block.data(), block.size());
        const std::uint8_t* key = keys[i % 2 == 0 || i > 150 ? 0 : 1].data();
        QVERIFY(aes128Encrypt(key, block) == aes128EncryptPortable(key, block));
    }
    qInfo("AES-NI: %s", aes128Hardware() ? "yes" : "no (portable path only)");
}

// Aes128Key (the ledger's key, expanded once): the known answers (kAesVectors), then random keys and
// blocks against the one-shot functions, the block given as its two little-endian halves.
void TestLedgerOrders::aesExpandedKeyEqualsOneShot()
{
    auto halves = [](const AesBlock& block, std::uint64_t* lo, std::uint64_t* hi) {
        std::memcpy(lo, block.data(), 8);
        std::memcpy(hi, block.data() + 8, 8);
    };
    for (const AesVector& v : kAesVectors) {
        const AesBlock key = hexBlock(v.key);
        const Aes128Key expanded(key.data());
        std::uint64_t lo = 0, hi = 0;
        halves(hexBlock(v.plain), &lo, &hi);
        QVERIFY(expanded.encrypt(lo, hi) == hexBlock(v.cipher));
    }
    for (int k = 0; k < 20; ++k) {
        AesBlock key;
        secureRandom(key.data(), key.size());
        const Aes128Key expanded(key.data());
        for (int i = 0; i < 20; ++i) {
            AesBlock block;
            secureRandom(block.data(), block.size());
            std::uint64_t lo = 0, hi = 0;
            halves(block, &lo, &hi);
            QVERIFY(expanded.encrypt(lo, hi) == aes128EncryptPortable(key.data(), block));
            QVERIFY(expanded.encrypt(lo, hi) == aes128Encrypt(key.data(), block));
        }
    }
}

// The ledger's codes, for fresh tickets and for the new code of an exchange.
void TestLedgerOrders::ticketCodesAreAes128()
{
    Harness h;
    const CommandResult r = h.confirm(h.holdSeats({ 1, 2, 51 }).hold);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.tickets.size(), std::size_t { 3 });
    for (const IssuedTicket& t : r.tickets)
        QVERIFY(t.code == expectedTicketCode(h.ledger->spec(), t.id, 0));
    const CommandResult moved = h.exchange(r.order, r.tickets[1].id, 3);
    QCOMPARE(moved.status, Status::Ok);
    QVERIFY(moved.tickets[0].code == expectedTicketCode(h.ledger->spec(), r.tickets[1].id, 1));
    QVERIFY(h.ledger->ticket(r.tickets[1].id)->code == moved.tickets[0].code);
}

// ---- exchange ------------------------------------------------------------------------------------

void TestLedgerOrders::exchangeMovesTicket()
{
    Harness h;
    const CommandResult sold = h.confirm(h.holdSeats({ 1 }).hold);
    const TicketCode original = sold.tickets[0].code;
    const CommandResult r = h.exchange(sold.order, 1, 3);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.order, sold.order);
    QCOMPARE(r.tickets.size(), std::size_t { 1 });
    QCOMPARE(r.tickets[0].id, TicketId { 1 });
    QCOMPARE(r.tickets[0].seat, SeatId { 3 });
    QVERIFY(!isZero(r.tickets[0].code));
    QVERIFY(r.tickets[0].code != original);

    QCOMPARE(h.status(1), SeatStatus::Available);
    const SeatView seat = h.seat(3);
    QCOMPARE(seat.status, SeatStatus::Sold);
    QCOMPARE(seat.order, sold.order);
    QCOMPARE(seat.ticket, TicketId { 1 });
    const Ticket* ticket = h.ledger->ticket(1);
    QCOMPARE(ticket->seat, h.index(3));
    QCOMPARE(ticket->generation, 1u);
    QVERIFY(ticket->code == r.tickets[0].code);
    QVERIFY(ticket->status == TicketStatus::Valid);
    QCOMPARE(ticket->amount, kPriceA);
    QCOMPARE(h.ledger->counts().sold, 1u);
    QCOMPARE(h.ledger->counts().tickets, std::uint64_t { 1 });

    // Again: yet another code; the old seat can be sold to someone else.
    const CommandResult again = h.exchange(sold.order, 1, 4);
    QCOMPARE(again.status, Status::Ok);
    QVERIFY(again.tickets[0].code != r.tickets[0].code);
    QVERIFY(again.tickets[0].code != original);
    QCOMPARE(h.ledger->ticket(1)->generation, 2u);
    QVERIFY(h.holdSeats({ 1, 3 }, kOtherBuyer).ok());
}

void TestLedgerOrders::refundAfterExchangeFreesNewSeat()
{
    Harness h;
    const OrderId order = h.sell({ 1, 2 });
    QVERIFY(h.exchange(order, 2, 10).ok());
    const CommandResult r = h.refund(order, { 2 });
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.tickets[0].seat, SeatId { 10 });
    QCOMPARE(h.status(10), SeatStatus::Available);
    QCOMPARE(h.status(2), SeatStatus::Available);
    QCOMPARE(h.status(1), SeatStatus::Sold);
    QCOMPARE(h.exchange(order, 2, 11).status, Status::TicketNotValid);
}

void TestLedgerOrders::exchangeChecks()
{
    Harness h;
    const OrderId order = h.sell({ 1 });
    // The channel comes first (common), then Forbidden.
    QCOMPARE(h.exchange(order, 1, 3, kBuyer, kNoSuchChannel).status, Status::ChannelNotFound);
    QCOMPARE(h.exchange(order, 1, 3, kBuyer).status, Status::Forbidden);
    Command twoTickets = h.exchangeCommand(order, 1, 3, kBuyer);
    twoTickets.tickets = { 1, 2 };
    QCOMPARE(h.run(twoTickets).status, Status::Forbidden);
    // Exactly one ticket and one seat.
    for (int variant = 0; variant < 4; ++variant) {
        Command c = h.exchangeCommand(order, 1, 3);
        if (variant == 0)
            c.tickets.clear();
        if (variant == 1)
            c.tickets.push_back(1);
        if (variant == 2)
            c.seats.clear();
        if (variant == 3)
            c.seats.push_back(4);
        QCOMPARE(h.run(c).status, Status::InvalidArgument);
        c.key = h.nextKey();
        c.order = 99;
        QCOMPARE(h.run(c).status, Status::InvalidArgument);
    }
    QCOMPARE(h.exchange(99, 1, 3).status, Status::OrderNotFound);
    QCOMPARE(h.exchange(0, 1, 3).status, Status::OrderNotFound);
    QCOMPARE(h.exchange(99, 1, 999).status, Status::OrderNotFound);
    QCOMPARE(h.status(1), SeatStatus::Sold);
    QCOMPARE(h.status(3), SeatStatus::Available);
    QCOMPARE(h.exchange(order, 1, 3, kDevice).status, Status::Ok);
}

void TestLedgerOrders::exchangeTicketChecks()
{
    Harness h;
    const OrderId order = h.sell({ 1, 2 }); // tickets 1, 2
    const OrderId other = h.sell({ 5 }); // ticket 3
    const CommandResult ga = h.confirm(h.holdArea(2).hold); // tickets 4, 5
    QCOMPARE(h.exchange(order, 3, 7).status, Status::TicketNotFound);
    QCOMPARE(h.exchange(order, 999, 7).status, Status::TicketNotFound);
    QCOMPARE(h.exchange(other, 1, 7).status, Status::TicketNotFound);
    QCOMPARE(h.exchange(order, 3, 999).status, Status::TicketNotFound);
    // A GA ticket has no seat to move.
    QCOMPARE(h.exchange(ga.order, 4, 7).status, Status::InvalidArgument);
    QCOMPARE(h.exchange(ga.order, 4, 999).status, Status::InvalidArgument);
    QCOMPARE(h.exchange(order, 1, 999).status, Status::SeatNotFound);
    QCOMPARE(h.exchange(order, 1, 0).status, Status::SeatNotFound);
    QVERIFY(h.refund(order, { 2 }).ok());
    QCOMPARE(h.exchange(order, 2, 999).status, Status::SeatNotFound);
    QCOMPARE(h.exchange(order, 2, 7).status, Status::TicketNotValid);
    QCOMPARE(h.exchange(order, 2, 5).status, Status::TicketNotValid); // seat 5 is sold too
    QCOMPARE(h.status(7), SeatStatus::Available);
}

void TestLedgerOrders::exchangeNeedsSellableSeat()
{
    Harness h;
    const OrderId order = h.sell({ 1 });
    QVERIFY(h.holdSeats({ 7 }, kOtherBuyer).ok());
    QVERIFY(h.block({ 8 }).ok());
    QVERIFY(h.allocateSeats({ 9 }, kBox).ok());
    QVERIFY(h.sell({ 6 }) != 0);
    for (SeatId seat : { 7u, 8u, 9u, 6u, 1u }) {
        const CommandResult r = h.exchange(order, 1, seat);
        QCOMPARE(r.status, Status::SeatUnavailable);
        QCOMPARE(list(r.seats), (QList<SeatId> { seat }));
    }
    QCOMPARE(h.seat(1).ticket, TicketId { 1 });
    // Seat 9 is sellable through its channel.
    QCOMPARE(h.exchange(order, 1, 9, kClerk, kBox).status, Status::Ok);
    QCOMPARE(h.seat(9).ticket, TicketId { 1 });
    QCOMPARE(h.seat(9).allocation, kBox);
}

// An upgrade records what the buyer pays more, a downgrade what they get back; a later refund gives
// back the ticket's price at its current seat (what was paid for it, net).
void TestLedgerOrders::exchangeRepricesUpAndDown()
{
    Harness h;
    const OrderId order = h.sell({ 51, 52 }, { kAdult, kConcession }); // B: 3,000 + 2,000
    QCOMPARE(h.ledger->order(order)->amount, kPriceB + kPriceBConcession);

    const CommandResult up = h.exchange(order, 1, 3); // to A adult
    QCOMPARE(up.status, Status::Ok);
    QCOMPARE(up.amount, kPriceA - kPriceB);
    QCOMPARE(up.tickets[0].amount, kPriceA);
    QCOMPARE(up.tickets[0].priceType, kAdult);
    QCOMPARE(h.ledger->ticket(1)->amount, kPriceA);
    QCOMPARE(h.ledger->order(order)->amount, kPriceA + kPriceBConcession);

    const CommandResult concessionUp = h.exchange(order, 2, 4); // concession keeps its type: A 3,500
    QCOMPARE(concessionUp.amount, kPriceAConcession - kPriceBConcession);
    QCOMPARE(concessionUp.tickets[0].priceType, kConcession);
    QCOMPARE(h.ledger->order(order)->amount, kPriceA + kPriceAConcession);

    const CommandResult down = h.exchange(order, 1, 60); // back to B
    QCOMPARE(down.status, Status::Ok);
    QCOMPARE(down.amount, kPriceB - kPriceA);
    QCOMPARE(h.ledger->ticket(1)->amount, kPriceB);

    const CommandResult same = h.exchange(order, 1, 61);
    QCOMPARE(same.amount, Amount { 0 });

    // Refunds: ticket 1 was paid 3,000 + 2,000 - 2,000 = 3,000 net; ticket 2 2,000 + 1,500.
    const CommandResult refund = h.refund(order);
    QCOMPARE(refund.status, Status::Ok);
    QCOMPARE(amounts(refund.tickets), (QList<Amount> { kPriceB, kPriceAConcession }));
    QCOMPARE(refund.amount, kPriceB + kPriceAConcession);
    QCOMPARE(h.ledger->order(order)->refunded, h.ledger->order(order)->amount);
}

void TestLedgerOrders::exchangeExpectedAmount()
{
    Harness h;
    const OrderId order = h.sell({ 51 });
    Command wrong = h.exchangeCommand(order, 1, 3);
    wrong.amount = kPriceB; // the old price: the clerk was not told about the difference
    QCOMPARE(h.run(wrong).status, Status::AmountMismatch);
    Command invalid = h.exchangeCommand(order, 1, 3);
    invalid.amount = -2;
    QCOMPARE(h.run(invalid).status, Status::InvalidArgument);
    QCOMPARE(h.status(51), SeatStatus::Sold);
    QCOMPARE(h.ledger->ticket(1)->amount, kPriceB);
    // The amount check comes after the seat checks.
    Command unavailable = h.exchangeCommand(order, 1, 51);
    unavailable.amount = 1;
    QCOMPARE(h.run(unavailable).status, Status::SeatUnavailable);
    Command right = h.exchangeCommand(order, 1, 3);
    right.amount = kPriceA;
    const CommandResult r = h.run(right);
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(r.amount, kPriceA - kPriceB);
}

void TestLedgerOrders::exchangePriceTypeNotOfferedAtNewSeat()
{
    Harness h(specWithoutBConcession());
    const OrderId order = h.sell({ 2 }, { kConcession });
    const CommandResult r = h.exchange(order, 1, 51);
    QCOMPARE(r.status, Status::PriceTypeNotFound);
    QCOMPARE(h.status(2), SeatStatus::Sold);
    QCOMPARE(h.status(51), SeatStatus::Available);
    QCOMPARE(h.ledger->ticket(1)->generation, 0u);
    QCOMPARE(h.exchange(order, 1, 3).status, Status::Ok); // A offers it
}

void TestLedgerOrders::exchangeRepricedReplaysAndRetries()
{
    Harness h;
    const OrderId order = h.sell({ 51, 1 });
    const Command c = h.exchangeCommand(order, 1, 5);
    const CommandResult first = h.run(c);
    QCOMPARE(first.amount, kPriceA - kPriceB);
    const CommandResult retry = h.run(c);
    QVERIFY(retry.replayed);
    QVERIFY(retry.sameAnswer(first));
    QCOMPARE(h.ledger->order(order)->amount, 2 * kPriceA); // no second effect
    QVERIFY(h.exchange(order, 2, 70).ok()); // a downgrade too
    const JournalBatch batch = h.ledger->takeBatch();

    // The events carry the price type, the price and the difference.
    QList<Amount> journaled;
    QVERIFY(forEachRecord(*batch.bytes, [&](const RecordView& record) {
        EventCursor cursor = record.events();
        JournalEvent e;
        while (cursor.next(&e))
            if (e.type == EventType::TicketExchanged)
                journaled << e.priceType << e.amount << e.difference;
        return cursor.ok();
    }));
    QCOMPARE(journaled, (QList<Amount> { kAdult, kPriceA, kPriceA - kPriceB, kAdult, kPriceB, kPriceB - kPriceA }));

    Ledger fresh(makeSpec(), verifying());
    QVERIFY(fresh.replay(batch.bytes));
    std::string error;
    const auto restored = Ledger::restore(makeSpec(), verifying(), h.ledger->snapshot(), &error);
    QVERIFY2(restored != nullptr, error.c_str());
    for (const Ledger* l : { &fresh, restored.get() }) {
        QCOMPARE(l->ticket(1)->amount, kPriceA);
        QCOMPARE(l->ticket(2)->amount, kPriceB);
        QCOMPARE(l->order(order)->amount, kPriceA + kPriceB);
    }
}

namespace {

// Rewrites every TICKET_EXCHANGED event of a batch to the first form (no price type, amount or
// difference), as a journal written before exchanges re-priced holds them.
BatchBytes toFirstFormExchanges(const BatchBytes& batch)
{
    constexpr std::size_t kAddedBytes = 1 + 8 + 8;
    BatchHeader header;
    USHER_ASSERT(decodeBatchHeader(batch.data(), batch.size(), &header));
    BatchBytes out(batch.begin(), batch.begin() + kBatchHeaderBytes);
    std::size_t at = kBatchHeaderBytes;
    for (std::uint32_t i = 0; i < header.recordCount; ++i) {
        RecordHeader record;
        USHER_ASSERT(decodeRecordHeader(batch.data() + at, batch.size() - at, &record));
        const std::size_t recordStart = out.size();
        out.insert(out.end(), batch.begin() + std::ptrdiff_t(at),
                   batch.begin() + std::ptrdiff_t(at + kRecordHeaderBytes));
        std::size_t e = at + kRecordHeaderBytes;
        while (e < at + record.length) {
            const std::uint8_t type = batch[e];
            std::uint16_t length = 0;
            std::memcpy(&length, &batch[e + 1], 2);
            std::uint16_t kept = length;
            if (type == static_cast<std::uint8_t>(EventType::TicketExchanged))
                kept = static_cast<std::uint16_t>(length - kAddedBytes);
            out.push_back(type);
            out.insert(out.end(), reinterpret_cast<const std::uint8_t*>(&kept),
                       reinterpret_cast<const std::uint8_t*>(&kept) + 2);
            out.insert(out.end(), batch.begin() + std::ptrdiff_t(e + 3), batch.begin() + std::ptrdiff_t(e + 3 + kept));
            e += 3 + std::size_t(length);
        }
        const auto recordLength = static_cast<std::uint32_t>(out.size() - recordStart);
        std::memcpy(&out[recordStart], &recordLength, 4);
        at += record.length;
    }
    header.bytes = static_cast<std::uint32_t>(out.size());
    header.crc = 0;
    encodeBatchHeader(&out, header);
    header.crc = batchChecksum(out);
    encodeBatchHeader(&out, header);
    return out;
}

} // namespace

// Data directories written before exchanges re-priced still open: a first-form TICKET_EXCHANGED
// moves the ticket and keeps its amount, as it did then.
void TestLedgerOrders::exchangeFirstFormJournalStillReplays()
{
    Harness h;
    const OrderId order = h.sell({ 51 });
    QVERIFY(h.exchange(order, 1, 52).ok());
    const JournalBatch batch = h.ledger->takeBatch();
    const auto legacy = std::make_shared<const BatchBytes>(toFirstFormExchanges(*batch.bytes));
    QCOMPARE(legacy->size(), batch.bytes->size() - 17);
    BatchHeader header;
    QVERIFY(verifyBatch(*legacy, kEventId, &header));

    Ledger fresh(makeSpec(), verifying());
    QVERIFY(fresh.replay(legacy));
    QCOMPARE(fresh.ticket(1)->seat, h.index(52));
    QCOMPARE(fresh.ticket(1)->amount, kPriceB);
    QVERIFY(fresh.ticket(1)->code == h.ledger->ticket(1)->code);
    // Its answer, as recorded then, names the ticket with no price.
    bool found = false;
    forEachRecord(*legacy, [&](const RecordView& record) {
        if (record.header.kind != CommandKind::Exchange)
            return true;
        CommandResult r;
        USHER_ASSERT(resultFromRecord(record.data, record.header.length, &r));
        found = r.ok() && r.amount == 0 && r.tickets.size() == 1 && r.tickets[0].amount == 0
            && r.tickets[0].seat == 52;
        return true;
    });
    QVERIFY(found);
    // And a new exchange on the replayed ledger re-prices from the amount kept.
    QCOMPARE(fresh.execute(h.exchangeCommand(order, 1, 3)).amount, kPriceA - kPriceB);
}

// ---- reissue -------------------------------------------------------------------------------------

namespace {

Command reissueCommand(Harness& h, OrderId order, std::vector<TicketId> tickets = {}, Actor actor = kClerk,
                       std::string reason = "reprint")
{
    Command c = h.command(CommandKind::Reissue, actor, kBox);
    c.order = order;
    c.tickets = std::move(tickets);
    c.text = std::move(reason);
    return c;
}

} // namespace

void TestLedgerOrders::reissueGivesNewCodes()
{
    Harness h;
    const CommandResult sold = h.confirm(h.holdSeats({ 1, 51 }).hold, { kConcession, kAdult });
    const CommandResult ga = h.confirm(h.holdArea(1).hold);
    QVERIFY(sold.ok() && ga.ok());
    const CommandResult r = h.run(reissueCommand(h, sold.order));
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(int(r.kind), int(CommandKind::Reissue));
    QCOMPARE(r.order, sold.order);
    QCOMPARE(ids(r.tickets), (QList<TicketId> { 1, 2 }));
    for (std::size_t i = 0; i < 2; ++i) {
        // Same ticket, seat and price; a new code, the one the ledger now holds.
        QCOMPARE(r.tickets[i].seat, sold.tickets[i].seat);
        QCOMPARE(r.tickets[i].amount, sold.tickets[i].amount);
        QCOMPARE(int(r.tickets[i].priceType), int(sold.tickets[i].priceType));
        QVERIFY(r.tickets[i].code != sold.tickets[i].code);
        QVERIFY(!isZero(r.tickets[i].code));
        const Ticket* t = h.ledger->ticket(r.tickets[i].id);
        QVERIFY(t->code == r.tickets[i].code);
        QCOMPARE(t->generation, 1u);
        QVERIFY(t->status == TicketStatus::Valid);
    }
    QCOMPARE(h.status(1), SeatStatus::Sold);
    QCOMPARE(h.ledger->counts().sold, 2u);
    // The journal says what happened.
    const auto events = decodeEvents(h.ledger->takeBatch());
    QCOMPARE(int(events.back().type), int(EventType::TicketReissued));
    // A GA ticket is reissued too; the order is unchanged.
    const CommandResult again = h.run(reissueCommand(h, ga.order));
    QCOMPARE(again.status, Status::Ok);
    QCOMPARE(again.tickets[0].area, kArea);
    QVERIFY(again.tickets[0].code != ga.tickets[0].code);
    // Reissue then exchange: every code differs from every earlier one.
    const CommandResult moved = h.exchange(sold.order, 1, 3);
    QVERIFY(moved.ok());
    QVERIFY(moved.tickets[0].code != r.tickets[0].code && moved.tickets[0].code != sold.tickets[0].code);
    QCOMPARE(h.ledger->ticket(1)->generation, 2u);
}

void TestLedgerOrders::reissueNamedTickets()
{
    Harness h;
    const CommandResult sold = h.confirm(h.holdSeats({ 1, 2, 3 }).hold);
    const CommandResult r = h.run(reissueCommand(h, sold.order, { 3, 1 }));
    QCOMPARE(r.status, Status::Ok);
    QCOMPARE(ids(r.tickets), (QList<TicketId> { 3, 1 })); // in the order named
    QVERIFY(h.ledger->ticket(2)->code == sold.tickets[1].code);
    QCOMPARE(h.ledger->ticket(2)->generation, 0u);
    // A refunded ticket is skipped when none is named, refused when named.
    QVERIFY(h.refund(sold.order, { 2 }).ok());
    QCOMPARE(h.run(reissueCommand(h, sold.order, { 2 })).status, Status::TicketNotValid);
    const CommandResult all = h.run(reissueCommand(h, sold.order));
    QCOMPARE(ids(all.tickets), (QList<TicketId> { 1, 3 }));
    QVERIFY(h.refund(sold.order).ok());
    QCOMPARE(h.run(reissueCommand(h, sold.order)).status, Status::TicketNotValid);
}

void TestLedgerOrders::reissueChecks()
{
    Harness h;
    const OrderId order = h.sell({ 1, 2 });
    const OrderId other = h.sell({ 5 });
    const TicketCode before = h.ledger->ticket(1)->code;
    // Forbidden first (before any lookup), then the reason, then the order, then the tickets.
    QCOMPARE(h.run(reissueCommand(h, 99, {}, kBuyer)).status, Status::Forbidden);
    QCOMPARE(h.run(reissueCommand(h, 99, {}, kClerk, "")).status, Status::InvalidArgument);
    QCOMPARE(h.run(reissueCommand(h, 99)).status, Status::OrderNotFound);
    QCOMPARE(h.run(reissueCommand(h, 0)).status, Status::OrderNotFound);
    QCOMPARE(h.run(reissueCommand(h, order, { 1, 1 })).status, Status::InvalidArgument);
    QCOMPARE(h.run(reissueCommand(h, order, { 3 })).status, Status::TicketNotFound);
    QCOMPARE(h.run(reissueCommand(h, other, { 1 })).status, Status::TicketNotFound);
    QCOMPARE(h.run(reissueCommand(h, order, { 1, 99 })).status, Status::TicketNotFound);
    QVERIFY(h.ledger->ticket(1)->code == before);
    // Any staff member may reissue, through any channel.
    QCOMPARE(h.run(reissueCommand(h, order, { 1 }, kDevice)).status, Status::Ok);
    QVERIFY(h.ledger->ticket(1)->code != before);
}

void TestLedgerOrders::reissueIsIdempotentAndReplays()
{
    Harness h;
    const OrderId order = h.sell({ 1, 2 });
    const std::vector<std::uint8_t> snapshot = h.ledger->snapshot();
    const JournalBatch before = h.ledger->takeBatch();
    const Command c = reissueCommand(h, order);
    const CommandResult first = h.run(c);
    QVERIFY(first.ok());
    const CommandResult retry = h.run(c);
    QVERIFY(retry.replayed);
    QVERIFY(retry.sameAnswer(first));
    QCOMPARE(h.ledger->ticket(1)->generation, 1u); // no second effect
    Command changed = c;
    changed.tickets = { 1 };
    QCOMPARE(h.run(changed).status, Status::IdempotencyKeyReused);
    const JournalBatch batch = h.ledger->takeBatch();

    // Replayed from the journal, and restored from a snapshot taken after it: the same codes.
    Ledger fresh(makeSpec(), verifying());
    QVERIFY(fresh.replay(before.bytes));
    QVERIFY(fresh.replay(batch.bytes));
    std::string error;
    const auto restored = Ledger::restore(makeSpec(), verifying(), h.ledger->snapshot(), &error);
    QVERIFY2(restored != nullptr, error.c_str());
    const auto older = Ledger::restore(makeSpec(), verifying(), snapshot, &error);
    QVERIFY(older->replay(batch.bytes));
    for (const Ledger* l : { &fresh, restored.get(), older.get() }) {
        for (TicketId t : { 1, 2 }) {
            QVERIFY(l->ticket(t)->code == first.tickets[t - 1].code);
            QCOMPARE(l->ticket(t)->generation, 1u);
        }
    }
    // A retry after the rebuild still gets the first answer.
    const CommandResult late = fresh.execute(c);
    QVERIFY(late.replayed && late.sameAnswer(first));
}

QTEST_APPLESS_MAIN(TestLedgerOrders)
#include "TestLedgerOrders.moc"
