#pragma once

// Seat exchanges at the counter. The engine's Exchange moves one ticket to another seat and gives it
// a new code (the old code stops scanning; the old seat goes back on sale). The ledger keeps the
// ticket's amount as sold, so an exchange at the counter is restricted to a seat at the same price
// for the ticket's price type: no money changes hands, the drawer is untouched, and a later refund
// returns exactly what was paid. A seat at another price is refused before the engine is asked
// (`PriceDiffers`); the clerk refunds the ticket and sells the other seat instead.

#include "boxoffice/CounterSale.h"

#include <string>
#include <vector>

namespace usher {

struct ExchangeMove {
    TicketId ticket = 0;
    SeatId seat = 0; // the new seat (venue id)
};

// Stored as numbers in nothing; order of the checks.
enum class ExchangeCheck : std::uint8_t {
    Ok = 0,
    TicketNotFound = 1,
    TicketNotValid = 2,
    GeneralAdmission = 3,
    SeatNotFound = 4,
    SameSeat = 5,
    SeatUnavailable = 6,
    PriceDiffers = 7,
};

// Whether `move` is possible now (read from the ledger; the engine checks again).
ExchangeCheck checkExchange(EventShard& shard, ChannelId channel, OrderId order, const ExchangeMove& move);

// A seat the ticket may move to: available to the channel, same category price for its price type.
struct ExchangeSeat {
    SeatId seat = 0;
    std::string label;
};
std::vector<ExchangeSeat> exchangeCandidates(EventShard& shard, ChannelId channel, OrderId order, TicketId ticket,
                                             std::size_t max);

struct ExchangeRequest {
    OrderId order = 0;
    std::vector<ExchangeMove> moves; // at most ticketsPerOrderMax
    std::string reason;
};

struct ExchangeOutcome {
    ExchangeMove move;
    ExchangeCheck check = ExchangeCheck::Ok;
    Status engineStatus = Status::Ok;
    IssuedTicket ticket; // the moved ticket with its new seat and code (when Ok)
    bool ok() const { return check == ExchangeCheck::Ok && engineStatus == Status::Ok; }
};

struct ExchangeResult {
    BoxOfficeStatus status = BoxOfficeStatus::Ok; // Ok when every move was made
    std::vector<ExchangeOutcome> outcomes;        // one per move, in order
};

// Every move is checked first; when any check fails nothing is sent. The moves then go to the
// engine as one batch of Exchange commands; each is audited with the clerk's id.
ExchangeResult exchangeAtCounter(const CounterSaleContext& context, const StaffAccount& clerk, ShiftId shift,
                                 const ExchangeRequest& request);

} // namespace usher
