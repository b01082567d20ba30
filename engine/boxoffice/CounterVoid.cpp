#include "boxoffice/CounterVoid.h"

#include "boxoffice/Money.h"
#include "core/Assert.h"

#include <algorithm>

#include <chrono>
#include <thread>

namespace usher {

namespace {

constexpr std::int64_t kSaleCompleted = static_cast<std::int64_t>(SaleState::Completed);
constexpr std::int64_t kTenderApplied = static_cast<std::int64_t>(TenderState::Applied);

// The sale that created the order, with its applied tenders.
BoxOfficeStatus loadSale(BoxOfficeDb& db, EventId event, OrderId order, ShiftId shift, VoidPlan* plan)
{
    BoxOfficeDb::Transaction transaction(db);
    if (!transaction.began())
        return BoxOfficeStatus::StorageFailed;
    SqlStatement sale(db, "SELECT id, reference, shift, state FROM sales WHERE event = ? AND order_id = ?");
    sale.bind(1, static_cast<std::int64_t>(event)).bind(2, static_cast<std::int64_t>(order));
    if (!sale.next())
        return sale.failed() ? BoxOfficeStatus::StorageFailed : BoxOfficeStatus::WrongState; // not a counter sale
    if (static_cast<ShiftId>(sale.integer(2)) != shift || sale.integer(3) != kSaleCompleted)
        return BoxOfficeStatus::WrongState; // another shift's sale: refund it instead
    plan->saleReference = sale.text(1);
    SqlStatement tenders(db,
                         "SELECT method, amount, terminal_ref FROM tenders WHERE sale = ? AND state = ? ORDER BY id");
    tenders.bind(1, sale.integer(0)).bind(2, kTenderApplied);
    while (tenders.next()) {
        const auto method = static_cast<PaymentMethod>(tenders.integer(0));
        if (tenders.integer(1) > 0)
            plan->tenders.push_back(VoidTender { method, tenders.integer(1), tenders.text(2) });
    }
    return tenders.failed() ? BoxOfficeStatus::StorageFailed : BoxOfficeStatus::Ok;
}

Amount sumOf(const std::vector<VoidTender>& tenders, PaymentMethod method)
{
    Amount sum = 0;
    for (const VoidTender& tender : tenders)
        sum += tender.method == method ? tender.amount : 0;
    return sum;
}

// Reverses one approved card payment; true when the money went back (or never stood).
TerminalReply reverseCard(const CounterSaleContext& context, const std::string& reference)
{
    TerminalReply reply;
    for (int i = 0; i < context.terminalQueriesMax; ++i) {
        reply = context.terminal->reverse(reference);
        if (terminalOutcomeIsFinal(reply.outcome))
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(context.terminalQueryIntervalMs));
    }
    return reply;
}

// The category lines of a void whose money went out only in part (a card reversal failed): each
// line's amount in proportion to `part` of `total` (largest remainders first, so they add up to
// `part` exactly); the ticket counts stay, since every ticket was refunded in the engine.
std::vector<DrawerCategoryLine> shareLines(std::vector<DrawerCategoryLine> lines, Amount total, Amount part)
{
    USHER_ASSERT(total > 0 && part >= 0 && part <= total);
    __extension__ typedef unsigned __int128 Wide; // amount × amount may not fit in 64 bits
    std::vector<std::pair<Amount, std::size_t>> remainders;
    Amount given = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Wide scaled = Wide(static_cast<std::uint64_t>(lines[i].amount)) * static_cast<std::uint64_t>(part);
        lines[i].amount = static_cast<Amount>(scaled / static_cast<std::uint64_t>(total));
        remainders.emplace_back(static_cast<Amount>(scaled % static_cast<std::uint64_t>(total)), i);
        given += lines[i].amount;
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = 0; given < part && i < remainders.size(); ++i, ++given)
        lines[remainders[i].second].amount += 1;
    return lines;
}

bool audit(const CounterSaleContext& context, Timestamp now, std::uint64_t clerk, const std::string& action,
           const std::string& detail)
{
    BoxOfficeDb::Transaction transaction(*context.db);
    return transaction.began() && context.db->audit(now, clerk, action, detail) && transaction.commit();
}

} // namespace

VoidPlan planVoid(const CounterSaleContext& context, const StaffAccount& clerk, ShiftId shiftId, OrderId order)
{
    VoidPlan plan;
    Shift shift;
    if ((plan.status = context.drawer->shift(shiftId, &shift)) != BoxOfficeStatus::Ok)
        return plan;
    if (shift.clerk != clerk.id || !shift.isOpen()) {
        plan.status = shift.clerk != clerk.id ? BoxOfficeStatus::Forbidden : BoxOfficeStatus::ShiftClosed;
        return plan;
    }
    if ((plan.status = loadSale(*context.db, context.shard->id(), order, shiftId, &plan)) != BoxOfficeStatus::Ok)
        return plan;
    plan.refund = planRefund(*context.shard, order, {});
    bool whole = plan.refund.status == Status::Ok;
    if (whole) {
        context.shard->read([&](const Ledger& ledger) {
            const Order* o = ledger.order(order);
            whole = o != nullptr && o->refunded == 0 && plan.refund.tickets.size() == o->ticketCount
                && plan.refund.amount == o->amount;
        });
        // Exchanged at another price since: the sale's tenders no longer pay for the tickets.
        Amount tendered = 0;
        for (const VoidTender& tender : plan.tenders)
            tendered += tender.amount;
        whole = whole && tendered == plan.refund.amount;
    }
    if (plan.refund.status != Status::Ok) {
        plan.status = BoxOfficeStatus::EngineRefused;
        plan.engineStatus = plan.refund.status;
    } else if (!whole) {
        plan.status = BoxOfficeStatus::WrongState; // partly refunded or exchanged: refund the rest instead
    }
    return plan;
}

VoidResult voidAtCounter(const CounterSaleContext& context, const StaffAccount& clerk, ShiftId shiftId,
                         const VoidRequest& request, const RefundOptions& options)
{
    VoidResult result;
    const Timestamp now = context.clock ? context.clock() : systemClockNow();
    if (request.order == 0 || request.reason.empty() || request.reason.size() > 1024) {
        result.status = BoxOfficeStatus::InvalidArgument;
        return result;
    }
    const VoidPlan plan = planVoid(context, clerk, shiftId, request.order);
    if ((result.status = plan.status) != BoxOfficeStatus::Ok) {
        result.engineStatus = plan.engineStatus;
        return result;
    }
    std::uint64_t supervisor = 0; // above the limit a supervisor approves, as for a refund
    if ((result.status = approveMoneyBack(context, plan.refund.amount, options, request.supervisorLogin,
                                          request.supervisorPassword, now, &supervisor))
        != BoxOfficeStatus::Ok)
        return result;
    const Amount cash = sumOf(plan.tenders, PaymentMethod::Cash);
    if (sumOf(plan.tenders, PaymentMethod::Card) > 0 && context.terminal == nullptr) {
        result.status = BoxOfficeStatus::TerminalUnavailable;
        return result;
    }
    Amount inDrawer = 0;
    if ((result.status = context.drawer->expectedCash(shiftId, &inDrawer)) != BoxOfficeStatus::Ok)
        return result;
    if (inDrawer < cash) {
        result.status = BoxOfficeStatus::InsufficientCash;
        return result;
    }
    const CommandResult refunded
        = runEngineRefund(context, clerk, request.order, plan.refund.tickets, "void: " + request.reason, "void");
    if (!refunded.ok()) {
        result.status = refunded.status == Status::StorageFailed ? BoxOfficeStatus::StorageFailed
                                                                 : BoxOfficeStatus::EngineRefused;
        result.engineStatus = refunded.status;
        return result;
    }
    result.tickets = plan.refund.tickets;
    const std::string& currency = context.shard->spec().currency;
    DrawerSale record { "V" + plan.saleReference, currency, {}, plan.refund.lines };
    for (const VoidTender& tender : plan.tenders) {
        if (tender.method == PaymentMethod::Card) {
            const TerminalReply reply = reverseCard(context, tender.terminalReference);
            if (reply.outcome != TerminalOutcome::Reversed) {
                result.cardOutstanding += tender.amount;
                result.failedCardReferences.push_back(tender.terminalReference);
                audit(context, now, clerk.id, "void.card.failed",
                      tender.terminalReference + ' ' + terminalOutcomeName(reply.outcome));
                continue;
            }
            result.cardReversed += tender.amount;
        } else if (tender.method == PaymentMethod::Cash) {
            result.cashReturned += tender.amount;
        }
        record.tenders.push_back(DrawerTender { tender.method, tender.amount });
    }
    if (refunded.amount != plan.refund.amount) {
        record.lines.clear(); // the ledger changed in between: keep the money right, skip the split
    } else if (result.cardOutstanding > 0 && !record.lines.empty()) {
        // Only part of the money went out: the categories share it, so the reports stay split.
        Amount out = 0;
        for (const DrawerTender& tender : record.tenders)
            out += tender.amount;
        record.lines = shareLines(std::move(record.lines), plan.refund.amount, out);
    }
    if (!record.tenders.empty())
        result.status = context.drawer->recordRefund(shiftId, clerk.id, record, now);
    if (result.status == BoxOfficeStatus::Ok && result.cardOutstanding > 0)
        result.status = BoxOfficeStatus::PaymentUncertain;
    audit(context, now, clerk.id, "void",
          plan.saleReference + " order " + std::to_string(request.order) + ' '
              + formatMoney(plan.refund.amount, currency) + " reason: " + request.reason
              + approvedBySuffix(supervisor));
    return result;
}

} // namespace usher
