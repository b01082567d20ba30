#pragma once

// One cart at the counter, driven through the engine:
//
//   hold (seats or best-available) → InitiatePayment → tenders → Confirm
//                                                    ↘ on failure: reverse card charges, FailPayment/Release
//
// The rule it keeps: no charge without tickets, no tickets without payment.
// * Confirm is sent only once the tenders cover the total and no card outcome is uncertain.
// * A card payment that times out or loses its connection is queried on the terminal (a bounded
//   number of times), then cancelled; only a definite answer settles it. Until then the sale is
//   stuck in PaymentUncertain: it can neither complete nor cancel (resolveUncertain() retries).
// * When Confirm is refused, every approved card tender is reversed on the terminal and the cash is
//   handed back (recorded as returned). A Confirm whose outcome is unknown (StorageFailed) is
//   retried with the same idempotency key, never reversed.
// * The sale, each tender (written before the terminal is asked) and every step are stored in
//   boxoffice.db, so after a crash the open sales and their holds can be listed (openSales()).
//
// Calls block (engine round trips, the terminal): the UI runs them off its thread. One CounterSale
// is used by one thread at a time; cancelCardPayment() is the exception (see CardTerminal).

#include "boxoffice/BoxOfficeDb.h"
#include "boxoffice/CardTerminal.h"
#include "boxoffice/CashDrawer.h"
#include "boxoffice/StaffAccounts.h"
#include "ledger/CommandResult.h"
#include "runtime/Clock.h"
#include "runtime/EventShard.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace usher {

struct CounterSaleContext {
    EventShard* shard = nullptr;
    BoxOfficeDb* db = nullptr;
    CashDrawer* drawer = nullptr;
    StaffAccounts* accounts = nullptr;
    CardTerminal* terminal = nullptr; // null: no card payments
    ChannelId channel = 0;            // the box office's sales channel
    Clock clock;                      // for boxoffice.db timestamps; default: the system clock
    int terminalQueriesMax = 10;      // after a timeout or disconnect
    int terminalQueryIntervalMs = 300;
    int engineAttemptsMax = 3; // for QueueFull / StorageFailed (same idempotency key)
    int engineRetryDelayMs = 100;
};

// Stored as numbers: never renumber.
// Confirming: Confirm was sent (its arguments are stored) and its outcome is not known yet.
enum class SaleState : std::uint8_t { Empty = 0, Held = 1, Paying = 2, Completed = 3, Cancelled = 4, Confirming = 5 };
enum class TenderState : std::uint8_t { Applied = 1, Uncertain = 2, Declined = 3, Returned = 4, Reversed = 5 };

struct CartLine {
    SeatId seat = 0;      // 0 for a place of a standing area
    std::string label;    // "Stalls, row F, seat 12", or the area's name for a GA place
    std::string category; // venue category key
    std::uint8_t priceType = 0;
    Amount price = 0;
    AreaId area = 0; // the standing area of a GA place (0 for a seat); last: lines are aggregate-initialized
};

struct SaleTender {
    std::int64_t id = 0;
    PaymentMethod method = PaymentMethod::Cash;
    TenderState state = TenderState::Applied;
    Amount amount = 0;   // what it pays of the total
    Amount tendered = 0; // cash: what the customer handed over
    Amount change = 0;   // cash: what went back
    std::string terminalReference;
    std::string authCode;
    std::uint64_t approvedBy = 0; // complimentary: the supervisor
};

struct TenderResult {
    BoxOfficeStatus status = BoxOfficeStatus::Ok;
    Amount applied = 0;
    Amount change = 0;
    TerminalOutcome terminal = TerminalOutcome::Unknown; // card tenders: the last terminal answer
    std::string detail;
};

// A sale found in boxoffice.db that never completed or was cancelled (after a crash, for example).
struct OpenSale {
    std::string reference;
    ShiftId shift = 0;
    std::uint64_t clerk = 0;
    EventId event = 0;
    HoldId hold = 0;
    SaleState state = SaleState::Empty;
    Amount amount = 0;
};
BoxOfficeStatus listOpenSales(BoxOfficeDb& db, std::vector<OpenSale>* sales);

class CounterSale {
public:
    CounterSale(const CounterSaleContext& context, const StaffAccount& clerk, ShiftId shift);
    // A sale from boxoffice.db (after a restart), with its cart, buyer and tenders, ready to go on
    // (more tenders, complete) or to recover(). Null with *status when it cannot be loaded.
    static std::unique_ptr<CounterSale> restore(const CounterSaleContext& context, const StaffAccount& clerk,
                                                const std::string& reference, BoxOfficeStatus* status);
    CounterSale(const CounterSale&) = delete;
    CounterSale& operator=(const CounterSale&) = delete;

    BoxOfficeStatus holdSeats(const std::vector<SeatId>& seats);
    BoxOfficeStatus holdBestAvailable(const BestAvailableRequest& request);
    // `quantity` places of a standing area (general admission): one cart line per place, priced by
    // the area's category. The ledger takes them from the box office channel's pool of the area
    // when it has enough, else from the open pool (see hold() in the engine's HoldView::pool).
    BoxOfficeStatus holdArea(AreaId area, std::uint32_t quantity);
    // One price type per cart line, before payment starts.
    BoxOfficeStatus setPriceTypes(const std::vector<std::uint8_t>& priceTypes);
    BoxOfficeStatus setBuyer(const Buyer& buyer);

    // Starts the payment on the engine (done by the first tender when not called).
    BoxOfficeStatus beginPayment();
    TenderResult payCash(Amount tendered);
    TenderResult payCard(Amount amount);
    // Pays what is still due as complimentary, with a supervisor's sign-in.
    TenderResult payComplimentary(const std::string& supervisorLogin, const std::string& supervisorPassword);
    // Asks the terminal again about uncertain card tenders.
    BoxOfficeStatus resolveUncertain();
    // The clerk cancels the card payment that payCard() is waiting for (the customer at the
    // keypad). The one call that is safe from another thread while payCard() runs: it sends CANCEL
    // for the reference in flight (or, when payCard() has not sent its PAY yet, makes it send none).
    // payCard() still ends with the terminal's final answer: Cancelled (nothing charged, the tender
    // declined, the hold kept) or Approved when the customer was quicker than the cancel. Returns
    // the terminal's reply to CANCEL (Unknown when no payment was in flight yet).
    TerminalReply cancelCardPayment();

    // Confirms on the engine and records the sale in the drawer. *tickets gets the issued tickets.
    BoxOfficeStatus complete(std::vector<IssuedTicket>* tickets);
    // Gives everything back (card reversals, cash returned) and releases the hold.
    BoxOfficeStatus cancel();
    // Settles a restored sale: uncertain card tenders are queried; a sale whose Confirm was sent is
    // confirmed again with the same key and arguments (the engine returns the recorded order if it
    // landed, and confirms now otherwise) and recorded in the drawer; anything else is cancelled.
    BoxOfficeStatus recover(std::vector<IssuedTicket>* tickets);

    SaleState state() const { return m_state; }
    const std::string& reference() const { return m_reference; }
    HoldId hold() const { return m_hold; }
    Timestamp expiresAt() const { return m_expiresAt; }
    OrderId order() const { return m_order; }
    const std::vector<CartLine>& lines() const { return m_lines; }
    const std::vector<SaleTender>& tenders() const { return m_tenders; }
    const std::string& currency() const { return m_currency; }
    Amount total() const;
    Amount paid() const; // applied tenders
    Amount due() const { return total() - paid(); }
    bool hasUncertainTender() const;
    Status engineStatus() const { return m_engineStatus; } // the last engine refusal

private:
    Command command(CommandKind kind, const char* step) const;
    CommandResult run(Command command);
    BoxOfficeStatus checkShift();
    BoxOfficeStatus afterHold(const CommandResult& result);
    bool loadLines(const std::vector<SeatId>& seats);
    bool loadAreaLines(AreaId area, std::uint32_t quantity);
    std::uint16_t lineCategory(const CartLine& line) const;
    BoxOfficeStatus ensurePaying();
    bool storeSale();
    bool loadSale(const std::string& reference);
    bool loadTenders();
    BoxOfficeStatus confirm(std::vector<IssuedTicket>* tickets);
    bool storeTender(SaleTender* tender);
    bool audit(const std::string& action, const std::string& detail);
    TerminalReply settleUnknown(const std::string& reference, TerminalReply last);
    BoxOfficeStatus giveBack();
    BoxOfficeStatus recordInDrawer();
    Timestamp now() const;

    const CounterSaleContext m_context;
    const StaffAccount m_clerk;
    const ShiftId m_shift;
    std::string m_reference;
    std::string m_currency;
    SaleState m_state = SaleState::Empty;
    HoldId m_hold = 0;
    Timestamp m_expiresAt = 0;
    OrderId m_order = 0;
    Buyer m_buyer;
    std::vector<CartLine> m_lines;
    std::vector<SaleTender> m_tenders;
    Status m_engineStatus = Status::Ok;
    std::int64_t m_saleRow = 0;
    int m_cardAttempts = 0;
    // Shared with cancelCardPayment() on another thread.
    std::mutex m_cardMutex;
    std::string m_cardInFlight;
    bool m_cardCancelRequested = false;
};

} // namespace usher
