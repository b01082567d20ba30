#pragma once

// Seat exchanges at the counter. The engine's Exchange moves one ticket to another seat, gives it a
// new code (the old code stops scanning; the old seat goes back on sale) and re-prices it: the
// ticket takes the new seat's price for its price type, and the difference is recorded on the order
// (docs/engine-commands.md), so a later refund returns what was paid for the ticket, net.
//
// The difference of all moves together changes hands here, through the same tenders as a sale:
//
// * upgrade (the customer pays): cash, with change, or card. A card is charged *before* the engine
//   is asked (the tickets must never move unpaid); if the engine then refuses a move, the charge is
//   reversed (nothing moved) or the part not used is refunded to the card. Cash is taken after the
//   moves are durable.
//   The clerk may cancel the charge while the customer is at the keypad (CardPaymentCancel): the
//   exchange then follows the terminal's final answer (cancelled: nothing charged, nothing moved;
//   approved because the customer was quicker: the exchange goes on).
// * downgrade (the customer gets money back): money leaves only after the moves are durable, in
//   cash from the drawer (checked first) or back to the card the sale was paid with. A card refund
//   the terminal declines is reported with its reference; settleExchangeInCash() pays it in cash.
//   Paying back more than the refund limit needs a supervisor, exactly as a refund does
//   (approveMoneyBack); nothing is sent without one.
//
// The drawer records the money with the categories: the new seats' categories as sold, the old
// ones as returned (CashDrawer::recordExchange). Every move and every payment is audited.

#include "boxoffice/CounterRefund.h"
#include "boxoffice/CounterSale.h"

#include <functional>
#include <mutex>
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
    PriceTypeNotOffered = 7, // the ticket's price type is not sold in the new seat's category
};

// Whether `move` is possible now (read from the ledger; the engine checks again).
ExchangeCheck checkExchange(EventShard& shard, ChannelId channel, OrderId order, const ExchangeMove& move);

// A seat the ticket may move to: sellable by the channel, its price type offered there.
struct ExchangeSeat {
    SeatId seat = 0;
    std::string label;
    Amount price = 0;      // the ticket's price at this seat
    Amount difference = 0; // price minus what the ticket is worth now: > 0 the customer pays
};
// `allocatedOnly`: only seats allocated to `channel` (a sale synced with usherd moves only within the
// box office's allocation; the open pool is usherd's).
std::vector<ExchangeSeat> exchangeCandidates(EventShard& shard, ChannelId channel, OrderId order, TicketId ticket,
                                             std::size_t max, bool allocatedOnly = false);

// What a set of moves costs, read from the ledger.
struct ExchangeQuoteMove {
    ExchangeCheck check = ExchangeCheck::Ok;
    Amount oldAmount = 0; // what the ticket is worth now
    Amount price = 0;     // its price at the new seat
    std::string oldCategory;
    std::string newCategory;
};
struct ExchangeQuote {
    std::vector<ExchangeQuoteMove> moves; // one per move, in order
    Amount difference = 0;                // of all moves: > 0 to collect, < 0 to give back
    bool ok() const;
};
ExchangeQuote quoteExchange(EventShard& shard, ChannelId channel, OrderId order,
                            const std::vector<ExchangeMove>& moves);

struct ExchangeRequest {
    OrderId order = 0;
    std::vector<ExchangeMove> moves; // at most ticketsPerOrderMax
    std::string reason;
    // How the difference changes hands: Cash or Card (ignored when there is none).
    PaymentMethod method = PaymentMethod::Cash;
    Amount tendered = 0; // cash upgrade: what the customer hands over (0: exactly the difference)
    // The difference the customer was told (quoteExchange); another one now is WrongState, and
    // nothing is sent or charged.
    Amount expectedDifference = 0;
    std::string supervisorLogin {}; // a downgrade paying back more than the refund limit
    std::string supervisorPassword {};
    // A sale synced with usherd (docs/design/sync.md, "The counter's sales"): `journal` runs after
    // every check and an upgrade's card charge, right before the moves are sent, and journals them
    // in the sync outbox; false (with *why, translated) sends nothing (a card charge is given back).
    // `settle` runs once the engine has answered.
    std::function<bool(const std::vector<ExchangeMove>& moves, std::string* why)> journal {};
    std::function<void()> settle {};
};

struct ExchangeOutcome {
    ExchangeMove move;
    ExchangeCheck check = ExchangeCheck::Ok;
    Status engineStatus = Status::Ok;
    IssuedTicket ticket;   // the moved ticket with its new seat, price and code (when Ok)
    Amount difference = 0; // of this move (when Ok)
    bool sent = false;     // false: stopped before the engine (a check, the supervisor, the card)
    bool ok() const { return sent && check == ExchangeCheck::Ok && engineStatus == Status::Ok; }
};

struct ExchangeResult {
    BoxOfficeStatus status = BoxOfficeStatus::Ok; // Ok when every move was made and the money settled
    std::vector<ExchangeOutcome> outcomes;        // one per move, in order
    Amount difference = 0;                        // of the moves made: > 0 the customer paid, < 0 they got it back
    PaymentMethod method = PaymentMethod::Cash;
    Amount change = 0; // cash upgrade: handed back from `tendered`
    std::string terminalReference;
    TerminalOutcome terminal = TerminalOutcome::Unknown;
    std::string authCode;
    Amount outstanding = 0;       // owed to the customer: the card refund failed (settleExchangeInCash)
    Amount stillDue = 0;          // owed by the customer: a move that lowered the difference was refused
    DrawerExchange drawer;        // the categories (and, once settled, the money) of the moves made
    std::uint64_t approvedBy = 0; // the supervisor who approved a downgrade above the limit
    std::string journalProblem;   // request.journal refused: nothing moved (translated)
};

// Lets the clerk cancel the card charge of an upgrade while exchangeAtCounter() waits for the
// terminal. cancel() is the one call that is safe from another thread while the exchange runs: it
// sends CANCEL for the charge in flight on its own connection (CardTerminal) or, when the PAY has
// not left yet, makes the exchange send none. One per exchange attempt.
class CardPaymentCancel {
public:
    // The terminal's reply to CANCEL (Unknown when no charge was in flight yet).
    TerminalReply cancel(CardTerminal* terminal);
    bool requested() const;
    std::string inFlight() const; // the reference being charged, or ""

    // For the charging side: false when cancelled before the PAY left (then send none).
    bool begin(const std::string& reference);
    void end();

private:
    mutable std::mutex m_mutex;
    std::string m_inFlight;
    bool m_requested = false;
};

// Every move is checked first, and a downgrade above `options.supervisorAboveAmount` approved; when
// anything fails nothing is sent. The moves then go to the engine as one batch of Exchange
// commands (each with the price it was quoted at) and the difference is settled as described above.
// `cancel` (may be null) lets another thread cancel an upgrade's card charge.
ExchangeResult exchangeAtCounter(const CounterSaleContext& context, const StaffAccount& clerk, ShiftId shift,
                                 const ExchangeRequest& request, const RefundOptions& options = {},
                                 CardPaymentCancel* cancel = nullptr);

// Pays `result->outstanding` (a card refund the terminal declined) in cash from the drawer and
// records it with its categories.
BoxOfficeStatus settleExchangeInCash(const CounterSaleContext& context, const StaffAccount& clerk, ShiftId shift,
                                     ExchangeResult* result);

} // namespace usher
