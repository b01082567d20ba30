#pragma once

// Reprints at the counter. A reprint never hands out a second copy of a live code: the engine's
// Reissue gives the tickets new codes and the old codes stop scanning (storage answers
// TicketNotValid for them), then the new tickets are printed. Audited with the clerk's id.

#include "boxoffice/CounterSale.h"

#include <string>
#include <vector>

namespace usher {

struct ReprintRequest {
    OrderId order = 0;
    std::vector<TicketId> tickets; // empty: every valid ticket of the order
    std::string reason;            // required ("ticket lost", "printer jam")
};

struct ReprintResult {
    BoxOfficeStatus status = BoxOfficeStatus::Ok;
    Status engineStatus = Status::Ok;  // when status is EngineRefused
    std::vector<IssuedTicket> tickets; // with their new codes
};

ReprintResult reprintAtCounter(const CounterSaleContext& context, const StaffAccount& clerk, ShiftId shift,
                               const ReprintRequest& request);

} // namespace usher
