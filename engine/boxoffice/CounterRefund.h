#pragma once

// Refunds at the counter: all of an order or some of its tickets, in full, paid out in cash from the
// clerk's drawer or back to the card the sale was paid with. A reason is required; above
// `supervisorAboveAmount` a supervisor signs in. Money never leaves before the tickets are void:
// the engine's Refund is made durable first, then the card refund is sent (cash: the drawer is
// checked for the cash before the engine is asked). A card refund the terminal declines or leaves
// uncertain after the queries is reported with its terminal reference, to retry or pay in cash;
// the drawer records a refund (per category) only once its money went out.

#include "boxoffice/CounterSale.h"

#include <string>
#include <vector>

namespace usher {

struct RefundRequest {
    OrderId order = 0;
    std::vector<TicketId> tickets; // empty: every valid ticket of the order
    std::string reason;
    PaymentMethod method = PaymentMethod::Cash; // or Card: back to the sale's card payment
    std::string supervisorLogin;                // needed above the limit
    std::string supervisorPassword;
};

struct RefundOptions {
    Amount supervisorAboveAmount = 10'000; // minor units
};

struct RefundResult {
    BoxOfficeStatus status = BoxOfficeStatus::Ok;
    Status engineStatus = Status::Ok; // when status is EngineRefused
    Amount refunded = 0;
    std::vector<TicketId> tickets;
    std::string terminalReference; // card refunds
    TerminalOutcome terminal = TerminalOutcome::Unknown;
    // The refund per category (empty when the ledger changed between plan and refund), for the
    // drawer when a declined card refund is paid in cash instead.
    std::vector<DrawerCategoryLine> lines;
};

// What a refund of `tickets` (empty: every valid ticket) of `order` would return, read from the
// ledger; the engine re-checks everything. Shared by refunds, voids and the screens that preview them.
struct RefundPlan {
    Status status = Status::Ok;
    std::vector<TicketId> tickets;
    std::vector<DrawerCategoryLine> lines;
    Amount amount = 0;
};
RefundPlan planRefund(EventShard& shard, OrderId order, const std::vector<TicketId>& tickets);

// The engine's Refund of `tickets` in full, with bounded retries under one idempotency key (a
// retry never refunds twice). `keyPrefix` names the operation ("refund", "void").
CommandResult runEngineRefund(const CounterSaleContext& context, const StaffAccount& clerk, OrderId order,
                              const std::vector<TicketId>& tickets, const std::string& reason,
                              const std::string& keyPrefix);

// The supervisor rule of everything that pays money back (refunds, voids, exchange downgrades): up
// to `options.supervisorAboveAmount` the clerk alone; above it a supervisor's (or admin's) sign-in,
// SupervisorRequired without one. *supervisor gets the approver's id (0 when none was needed), to
// audit as approvedBySuffix() says.
BoxOfficeStatus approveMoneyBack(const CounterSaleContext& context, Amount amount, const RefundOptions& options,
                                 const std::string& supervisorLogin, const std::string& supervisorPassword,
                                 Timestamp now, std::uint64_t* supervisor);
std::string approvedBySuffix(std::uint64_t supervisor); // " approved by <id>", or "" for 0

// The approved card tender of the counter sale of `order` that can carry `amount` (the largest).
bool findOrderCardPayment(BoxOfficeDb& db, EventId event, OrderId order, Amount amount, std::string* reference);
// A REFUND on the terminal, then queries (bounded) until it settles.
TerminalReply refundToCard(const CounterSaleContext& context, const TerminalRefund& refund);

RefundResult refundAtCounter(const CounterSaleContext& context, const StaffAccount& clerk, ShiftId shift,
                             const RefundRequest& request, const RefundOptions& options = {});

} // namespace usher
