#include "counter/OnlineCart.h"
#include "DisplayFormat.h"

#include "boxoffice/CardTerminal.h"
#include "core/Assert.h"
#include "core/Random.h"
#include "runtime/Clock.h"

#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <thread>

namespace usher::ui {

OnlineCart::OnlineCart(const CounterSaleContext& context, SyncClient& client, const StaffAccount& clerk, ShiftId shift)
    : m_context(context)
    , m_client(client)
    , m_clerk(clerk)
    , m_shift(shift)
{
    USHER_ASSERT(context.shard != nullptr && context.drawer != nullptr);
    m_currency = context.shard->spec().currency;
}

SyncOnlineRequest OnlineCart::request(SyncOnlineAction action) const
{
    SyncOnlineRequest r;
    r.action = action;
    r.event = m_context.shard->id();
    r.clerk = m_clerk.id;
    r.hold = m_hold;
    return r;
}

SyncOnlineResult OnlineCart::hold(const std::vector<SeatId>& seats)
{
    USHER_ASSERT(m_hold == 0);
    const EventSpec& spec = m_context.shard->spec();
    const Venue& venue = *spec.venue;
    std::vector<CartLine> lines;
    for (const SeatId id : seats) {
        const SeatIndex index = venue.seatIndex(id);
        if (index == kNoSeat) {
            SyncOnlineResult unknown;
            unknown.outcome = SyncOnlineOutcome::Answered;
            unknown.reply.status = Status::SeatNotFound;
            return unknown;
        }
        const VenueSeat& seat = venue.seats[index];
        lines.push_back(CartLine { id, venue.seatLabel(index), venue.categories[seat.category].key, 0,
                                   spec.price(seat.category, 0) });
    }
    SyncOnlineRequest r = request(SyncOnlineAction::Hold);
    r.seats = seats;
    return holdWith(std::move(r), std::move(lines));
}

SyncOnlineResult OnlineCart::holdArea(AreaId area, std::uint32_t quantity)
{
    USHER_ASSERT(m_hold == 0);
    const EventSpec& spec = m_context.shard->spec();
    const std::uint32_t index = spec.venue->areaIndex(area);
    if (index == kNoArea || quantity == 0) {
        SyncOnlineResult unknown;
        unknown.outcome = SyncOnlineOutcome::Answered;
        unknown.reply.status = index == kNoArea ? Status::AreaNotFound : Status::InvalidArgument;
        return unknown;
    }
    const VenueArea& a = spec.venue->areas[index];
    std::vector<CartLine> lines(quantity, CartLine { 0, a.name, spec.venue->categories[a.category].key, 0,
                                                     spec.price(a.category, 0), area });
    SyncOnlineRequest r = request(SyncOnlineAction::HoldArea);
    r.area = area;
    r.quantity = quantity;
    return holdWith(std::move(r), std::move(lines));
}

SyncOnlineResult OnlineCart::holdWith(SyncOnlineRequest r, std::vector<CartLine> lines)
{
    r.id = newSyncOnlineRequestId();
    const SyncOnlineResult result = m_client.onlineNow(r);
    if (result.ok()) {
        m_hold = result.reply.hold;
        m_expiresAt = result.reply.expiresAt;
        m_lines = std::move(lines);
    }
    // No answer: the hold may exist on central; nobody confirms it, so it runs out by itself.
    return result;
}

Amount OnlineCart::linePrice(std::size_t line, std::uint8_t priceType) const
{
    USHER_ASSERT(line < m_lines.size());
    const EventSpec& spec = m_context.shard->spec();
    const Venue& venue = *spec.venue;
    const CartLine& l = m_lines[line];
    if (l.area != 0) {
        const std::uint32_t index = venue.areaIndex(l.area);
        return index == kNoArea ? kNotOffered : spec.price(venue.areas[index].category, priceType);
    }
    const SeatIndex index = venue.seatIndex(l.seat);
    return index == kNoSeat ? kNotOffered : spec.price(venue.seats[index].category, priceType);
}

Amount OnlineCart::total(const std::vector<std::uint8_t>& priceTypes) const
{
    Amount sum = 0;
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        const Amount price = linePrice(i, i < priceTypes.size() ? priceTypes[i] : 0);
        if (price == kNotOffered)
            return kNotOffered;
        sum += price;
    }
    return sum;
}

SyncOnlineResult OnlineCart::sellCash(Amount cash, const Buyer& buyer, const std::vector<std::uint8_t>& priceTypes,
                                      BoxOfficeStatus* drawer)
{
    USHER_ASSERT(m_hold != 0 && m_order == 0);
    *drawer = BoxOfficeStatus::Ok;
    const Amount due = total(priceTypes);
    if (due == kNotOffered || cash < due) {
        SyncOnlineResult refused;
        refused.outcome = SyncOnlineOutcome::Answered;
        refused.reply.status = due == kNotOffered ? Status::PriceTypeNotFound : Status::AmountMismatch;
        return refused;
    }
    return sell(buyer, priceTypes, "cash", PaymentMethod::Cash, drawer);
}

SyncOnlineResult OnlineCart::sell(const Buyer& buyer, const std::vector<std::uint8_t>& priceTypes,
                                  const std::string& payment, PaymentMethod method, BoxOfficeStatus* drawer)
{
    SyncOnlineRequest r = request(SyncOnlineAction::Sell);
    if (m_sellId.empty())
        m_sellId = newSyncOnlineRequestId();
    r.id = m_sellId;
    r.priceTypes = priceTypes;
    r.amount = total(priceTypes);
    r.buyer = buyer;
    r.payment = payment;
    const SyncOnlineResult result = m_client.onlineNow(r);
    if (result.outcome != SyncOnlineOutcome::Answered)
        return result; // unknown: keep the id, the clerk tries again
    m_sellId.clear();
    if (!result.ok())
        return result;
    m_order = result.reply.order;
    m_paid = result.reply.amount;
    m_tickets = result.reply.tickets;
    m_codes = result.reply.codes;
    DrawerSale sale;
    sale.reference = "usherd:" + std::to_string(m_order) + ":" + r.id; // central's order, the request
    sale.currency = m_currency;
    sale.tenders.push_back(DrawerTender { method, m_paid });
    for (const CartLine& line : m_lines) {
        auto it = std::find_if(sale.lines.begin(), sale.lines.end(),
                               [&](const DrawerCategoryLine& l) { return l.category == line.category; });
        if (it == sale.lines.end())
            it = sale.lines.insert(sale.lines.end(), DrawerCategoryLine { line.category, 0, 0 });
        it->tickets += 1;
    }
    if (!sale.lines.empty())
        sale.lines.front().amount = m_paid; // per-category split is central's; the drawer needs the sum
    const Timestamp now = m_context.clock ? m_context.clock() : systemClockNow();
    *drawer = m_context.drawer->recordSale(m_shift, m_clerk.id, sale, now);
    return result;
}

// One charge; a timeout or a dropped connection is settled by querying the terminal.
TerminalReply OnlineCart::charge(Amount amount)
{
    std::uint8_t nonce[6];
    secureRandom(nonce, sizeof nonce);
    std::string reference = "U" + std::to_string(m_context.shard->id()) + "-" + std::to_string(m_hold) + "-";
    for (const std::uint8_t b : nonce) {
        reference += "0123456789abcdef"[b >> 4];
        reference += "0123456789abcdef"[b & 15];
    }
    TerminalReply reply = m_context.terminal->pay(TerminalPayment { reference, amount, m_currency });
    for (int i = 0; i < m_context.terminalQueriesMax && !terminalOutcomeIsFinal(reply.outcome)
         && reply.outcome != TerminalOutcome::Unreachable;
         ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(m_context.terminalQueryIntervalMs));
        reply = m_context.terminal->query(reference);
    }
    reply.reference = reference;
    return reply;
}

SyncOnlineResult OnlineCart::sellCard(const Buyer& buyer, const std::vector<std::uint8_t>& priceTypes,
                                      BoxOfficeStatus* drawer, OnlineCardOutcome* card)
{
    USHER_ASSERT(m_hold != 0 && m_order == 0 && m_context.terminal != nullptr);
    *drawer = BoxOfficeStatus::Ok;
    SyncOnlineResult refused;
    refused.outcome = SyncOnlineOutcome::Answered;
    const Amount due = total(priceTypes);
    if (due == kNotOffered || (isCardCharged() && due != m_cardAmount)) {
        refused.reply.status = due == kNotOffered ? Status::PriceTypeNotFound : Status::AmountMismatch;
        return refused;
    }
    if (!isCardCharged()) {
        const TerminalReply reply = charge(due);
        card->terminal = reply.outcome;
        card->reference = reply.reference;
        if (reply.outcome != TerminalOutcome::Approved) {
            // Not charged (declined, cancelled, unreachable), or not known after every query:
            // reversing makes sure nothing stays charged for seats that were not sold.
            if (!terminalOutcomeIsFinal(reply.outcome) && reply.outcome != TerminalOutcome::Unreachable)
                card->reversalFailed = m_context.terminal->reverse(reply.reference).outcome != TerminalOutcome::Reversed;
            refused.outcome = SyncOnlineOutcome::Unreachable; // nothing was sent to usherd
            refused.message = QCoreApplication::translate("OnlineCart", "The card payment did not go through (%1): "
                                                                        "nothing was sold.")
                                  .arg(QString::fromLatin1(terminalOutcomeName(reply.outcome)))
                                  .toStdString();
            return refused;
        }
        m_cardReference = reply.reference;
        m_cardAuth = reply.detail;
        m_cardAmount = due;
    }
    card->reference = m_cardReference;
    card->authCode = m_cardAuth;
    card->terminal = TerminalOutcome::Approved;
    card->charged = true;
    const SyncOnlineResult result = sell(buyer, priceTypes, "card " + m_cardReference, PaymentMethod::Card, drawer);
    if (result.outcome != SyncOnlineOutcome::Answered)
        return result; // keep the charge: asking again never charges twice
    if (!result.ok()) {
        // usherd refused: nothing was sold, the money goes back to the card.
        card->charged = false;
        card->reversed = m_context.terminal->reverse(m_cardReference).outcome == TerminalOutcome::Reversed;
        card->reversalFailed = !card->reversed;
    }
    m_cardReference.clear();
    m_cardAuth.clear();
    m_cardAmount = 0;
    return result;
}

SyncOnlineResult OnlineCart::release()
{
    if (isCardCharged()) {
        SyncOnlineResult waiting;
        waiting.outcome = SyncOnlineOutcome::NoAnswer;
        waiting.message = QCoreApplication::translate("OnlineCart", "The card is charged and usherd has not answered "
                                                                    "the sale yet: pay again to ask usherd again.")
                              .toStdString();
        return waiting;
    }
    SyncOnlineRequest r = request(SyncOnlineAction::Release);
    r.id = newSyncOnlineRequestId();
    const SyncOnlineResult result = m_client.onlineNow(r);
    if (result.ok())
        m_hold = 0;
    return result;
}

QString OnlineCart::describe(const SyncOnlineResult& result)
{
    if (result.outcome != SyncOnlineOutcome::Answered)
        return QString::fromStdString(result.message);
    //: %1 is the reason code usherd gave (e.g. SeatUnavailable).
    return QCoreApplication::translate("OnlineCart", "usherd refused: %1. Nothing was sold.")
        .arg(DisplayFormat::status(result.reply.status));
}

} // namespace usher::ui
