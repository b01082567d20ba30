#include "boxoffice/CounterVoid.h"

#include "boxoffice/Money.h"

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
    std::uint64_t supervisor = 0;
    if (plan.refund.amount > options.supervisorAboveAmount) {
        if (context.accounts == nullptr || request.supervisorLogin.empty()) {
            result.status = BoxOfficeStatus::SupervisorRequired;
            return result;
        }
        StaffAccount account;
        result.status
            = context.accounts->authorizeSupervisor(request.supervisorLogin, request.supervisorPassword, now, &account);
        if (result.status != BoxOfficeStatus::Ok)
            return result;
        supervisor = account.id;
    }
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
    if (result.cardOutstanding > 0 || refunded.amount != plan.refund.amount)
        record.lines.clear(); // the money that went out no longer matches the lines: keep the money right
    if (!record.tenders.empty())
        result.status = context.drawer->recordRefund(shiftId, clerk.id, record, now);
    if (result.status == BoxOfficeStatus::Ok && result.cardOutstanding > 0)
        result.status = BoxOfficeStatus::PaymentUncertain;
    audit(context, now, clerk.id, "void",
          plan.saleReference + " order " + std::to_string(request.order) + ' '
              + formatMoney(plan.refund.amount, currency) + " reason: " + request.reason
              + (supervisor ? " approved by " + std::to_string(supervisor) : std::string()));
    return result;
}

} // namespace usher
