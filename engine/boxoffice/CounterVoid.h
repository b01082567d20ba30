#pragma once

// Voiding an order at the counter.
//
// A void cancels a whole counter sale within the shift that made it: the order must have been sold
// by this box office in the clerk's open shift (its `sales` row names that shift and is completed),
// and every one of its tickets must still be valid (nothing refunded or exchanged since: use a
// refund then). All tickets are refunded in the engine (reason "void: <reason>", so the codes stop
// scanning and the seats go back on sale), and the money goes back exactly the way it came in:
// cash tenders are paid out of the drawer, card tenders are reversed on the terminal (the same-day
// void of the payment, not a refund), complimentary tenders simply lapse. The drawer records the
// void as a refund per method and category, so X and Z reports net it out. A reason is required;
// above the refund limit a supervisor signs in. Money never leaves before the tickets are void.

#include "boxoffice/CounterRefund.h"

#include <string>
#include <vector>

namespace usher {

struct VoidTender {
    PaymentMethod method = PaymentMethod::Cash;
    Amount amount = 0;
    std::string terminalReference; // card tenders
};

// What a void of an order would do, read from boxoffice.db and the ledger.
struct VoidPlan {
    BoxOfficeStatus status = BoxOfficeStatus::Ok;
    Status engineStatus = Status::Ok; // when status is EngineRefused
    std::string saleReference;
    std::vector<VoidTender> tenders; // the sale's applied tenders
    RefundPlan refund;               // every ticket of the order
};
VoidPlan planVoid(const CounterSaleContext& context, const StaffAccount& clerk, ShiftId shift, OrderId order);

struct VoidRequest {
    OrderId order = 0;
    std::string reason;
    std::string supervisorLogin; // needed above the limit
    std::string supervisorPassword;
};

struct VoidResult {
    BoxOfficeStatus status = BoxOfficeStatus::Ok;
    Status engineStatus = Status::Ok;
    Amount cashReturned = 0;
    Amount cardReversed = 0;
    Amount cardOutstanding = 0; // card money the terminal did not give back (declined or uncertain)
    std::vector<TicketId> tickets;
    std::vector<std::string> failedCardReferences;
};

VoidResult voidAtCounter(const CounterSaleContext& context, const StaffAccount& clerk, ShiftId shift,
                         const VoidRequest& request, const RefundOptions& options = {});

} // namespace usher
