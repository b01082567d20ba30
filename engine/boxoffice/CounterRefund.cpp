#include "boxoffice/CounterRefund.h"

#include "boxoffice/Money.h"
#include "core/Random.h"

#include <algorithm>
#include <chrono>
#include <thread>

namespace usher {

RefundPlan planRefund(EventShard& shard, OrderId orderId, const std::vector<TicketId>& named)
{
    RefundPlan p;
    shard.read([&](const Ledger& ledger) {
        const Order* order = ledger.order(orderId);
        if (order == nullptr) {
            p.status = Status::OrderNotFound;
            return;
        }
        std::vector<TicketId> ids = named;
        if (ids.empty()) {
            for (TicketId t = order->firstTicket; t < order->firstTicket + order->ticketCount; ++t)
                ids.push_back(t);
        }
        for (const TicketId id : ids) {
            const Ticket* ticket = ledger.ticket(id);
            if (ticket == nullptr || ticket->order != orderId) {
                p.status = Status::TicketNotFound;
                return;
            }
            if (ticket->status != TicketStatus::Valid) {
                if (!named.empty())
                    p.status = Status::TicketNotValid;
                continue;
            }
            const Venue& venue = ledger.venue();
            const std::uint16_t category
                = ticket->seat != kNoSeat ? venue.seats[ticket->seat].category : venue.areas[ticket->area].category;
            const std::string& key = venue.categories[category].key;
            auto line = std::find_if(p.lines.begin(), p.lines.end(),
                                     [&](const DrawerCategoryLine& l) { return l.category == key; });
            if (line == p.lines.end())
                line = p.lines.insert(p.lines.end(), DrawerCategoryLine { key, 0, 0 });
            line->tickets += 1;
            line->amount += ticket->amount;
            p.amount += ticket->amount;
            p.tickets.push_back(id);
        }
        if (p.status == Status::Ok && p.tickets.empty())
            p.status = Status::TicketNotValid;
    });
    return p;
}

CommandResult runEngineRefund(const CounterSaleContext& context, const StaffAccount& clerk, OrderId order,
                              const std::vector<TicketId>& tickets, const std::string& reason,
                              const std::string& keyPrefix)
{
    std::uint8_t nonce[8];
    secureRandom(nonce, sizeof nonce);
    Command c;
    c.kind = CommandKind::Refund;
    c.key = IdempotencyKey::fromString(keyPrefix + ':' + std::to_string(order) + ':'
                                       + std::string(reinterpret_cast<const char*>(nonce), sizeof nonce));
    c.actor = staffActor(clerk.id, clerk.role);
    c.channel = context.channel;
    c.order = order;
    c.tickets = tickets;
    c.amount = -1;
    c.text = reason;
    CommandResult result;
    for (int attempt = 0; attempt < context.engineAttemptsMax; ++attempt) {
        result = context.shard->execute(c); // the same key on every attempt: never refunded twice
        if (result.status != Status::QueueFull && result.status != Status::StorageFailed
            && result.status != Status::StorageUnavailable)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(context.engineRetryDelayMs * (attempt + 1)));
    }
    return result;
}

BoxOfficeStatus approveMoneyBack(const CounterSaleContext& context, Amount amount, const RefundOptions& options,
                                 const std::string& supervisorLogin, const std::string& supervisorPassword,
                                 Timestamp now, std::uint64_t* supervisor)
{
    *supervisor = 0;
    if (amount <= options.supervisorAboveAmount)
        return BoxOfficeStatus::Ok;
    if (context.accounts == nullptr || supervisorLogin.empty())
        return BoxOfficeStatus::SupervisorRequired;
    StaffAccount account;
    const BoxOfficeStatus status
        = context.accounts->authorizeSupervisor(supervisorLogin, supervisorPassword, now, &account);
    if (status == BoxOfficeStatus::Ok)
        *supervisor = account.id;
    return status;
}

std::string approvedBySuffix(std::uint64_t supervisor)
{
    return supervisor != 0 ? " approved by " + std::to_string(supervisor) : std::string();
}

bool findOrderCardPayment(BoxOfficeDb& db, EventId event, OrderId order, Amount amount, std::string* reference)
{
    BoxOfficeDb::Transaction transaction(db);
    SqlStatement select(db,
                        "SELECT t.terminal_ref FROM tenders t JOIN sales s ON t.sale = s.id "
                        "WHERE s.event = ? AND s.order_id = ? AND t.method = 2 AND t.state = 1 AND t.amount >= ? "
                        "ORDER BY t.amount DESC LIMIT 1");
    select.bind(1, static_cast<std::int64_t>(event)).bind(2, static_cast<std::int64_t>(order)).bind(3, amount);
    if (!transaction.began() || !select.next())
        return false;
    *reference = select.text(0);
    return true;
}

TerminalReply refundToCard(const CounterSaleContext& context, const TerminalRefund& refund)
{
    TerminalReply reply = context.terminal->refund(refund);
    for (int i = 0; i < context.terminalQueriesMax && !terminalOutcomeIsFinal(reply.outcome); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(context.terminalQueryIntervalMs));
        reply = reply.outcome == TerminalOutcome::Unreachable ? context.terminal->refund(refund)
                                                              : context.terminal->query(refund.reference);
    }
    return reply;
}

RefundResult refundAtCounter(const CounterSaleContext& context, const StaffAccount& clerk, ShiftId shiftId,
                             const RefundRequest& request, const RefundOptions& options)
{
    RefundResult result;
    const Timestamp now = context.clock ? context.clock() : systemClockNow();
    if (request.reason.empty() || request.reason.size() > 1024 || request.order == 0) {
        result.status = BoxOfficeStatus::InvalidArgument;
        return result;
    }
    const std::string& currency = context.shard->spec().currency;
    Shift shift;
    if ((result.status = context.drawer->shift(shiftId, &shift)) != BoxOfficeStatus::Ok)
        return result;
    if (shift.clerk != clerk.id || !shift.isOpen() || shift.currency != currency) {
        result.status = shift.clerk != clerk.id ? BoxOfficeStatus::Forbidden
            : !shift.isOpen()                   ? BoxOfficeStatus::ShiftClosed
                                                : BoxOfficeStatus::CurrencyMismatch;
        return result;
    }
    const RefundPlan p = planRefund(*context.shard, request.order, request.tickets);
    if (p.status != Status::Ok) {
        result.status = BoxOfficeStatus::EngineRefused;
        result.engineStatus = p.status;
        return result;
    }
    std::uint64_t supervisor = 0;
    if ((result.status = approveMoneyBack(context, p.amount, options, request.supervisorLogin,
                                          request.supervisorPassword, now, &supervisor))
        != BoxOfficeStatus::Ok)
        return result;
    std::string original;
    if (request.method == PaymentMethod::Card) {
        if (context.terminal == nullptr) {
            result.status = BoxOfficeStatus::TerminalUnavailable;
            return result;
        }
        if (!findOrderCardPayment(*context.db, context.shard->id(), request.order, p.amount, &original)) {
            result.status = BoxOfficeStatus::InvalidArgument; // no card payment of this order covers it
            return result;
        }
    } else if (request.method == PaymentMethod::Cash) {
        Amount inDrawer = 0;
        if ((result.status = context.drawer->expectedCash(shiftId, &inDrawer)) != BoxOfficeStatus::Ok)
            return result;
        if (inDrawer < p.amount) {
            result.status = BoxOfficeStatus::InsufficientCash;
            return result;
        }
    } else {
        result.status = BoxOfficeStatus::InvalidArgument;
        return result;
    }
    const CommandResult refunded = runEngineRefund(context, clerk, request.order, p.tickets, request.reason, "refund");
    if (!refunded.ok()) {
        result.status = refunded.status == Status::StorageFailed ? BoxOfficeStatus::StorageFailed
                                                                 : BoxOfficeStatus::EngineRefused;
        result.engineStatus = refunded.status;
        return result;
    }
    result.refunded = refunded.amount;
    result.tickets = p.tickets;
    if (refunded.amount == p.amount)
        result.lines = p.lines;
    const std::string reference = "R" + std::to_string(context.shard->id()) + '-' + std::to_string(request.order) + '-'
        + std::to_string(refunded.seq);
    if (request.method == PaymentMethod::Card) {
        const TerminalReply reply
            = refundToCard(context, TerminalRefund { reference, original, refunded.amount, currency });
        result.terminalReference = reference;
        result.terminal = reply.outcome;
        if (reply.outcome != TerminalOutcome::Approved) {
            result.status = terminalOutcomeIsFinal(reply.outcome) ? BoxOfficeStatus::PaymentDeclined
                                                                  : BoxOfficeStatus::PaymentUncertain;
            BoxOfficeDb::Transaction transaction(*context.db);
            if (transaction.began()
                && context.db->audit(now, clerk.id, "refund.card.failed",
                                     reference + ' ' + terminalOutcomeName(reply.outcome)))
                transaction.commit();
            return result;
        }
    }
    DrawerSale record { reference, currency, { DrawerTender { request.method, refunded.amount } }, p.lines };
    if (refunded.amount != p.amount)
        record.lines.clear(); // the ledger changed in between: keep the money right, skip the split
    result.status = context.drawer->recordRefund(shiftId, clerk.id, record, now);
    BoxOfficeDb::Transaction transaction(*context.db);
    if (transaction.began()
        && context.db->audit(now, clerk.id, "refund",
                             record.reference + ' ' + formatMoney(refunded.amount, currency)
                                 + " reason: " + request.reason + approvedBySuffix(supervisor)))
        transaction.commit();
    return result;
}

} // namespace usher
