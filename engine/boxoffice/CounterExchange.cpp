#include "boxoffice/CounterExchange.h"

#include "boxoffice/CounterRefund.h"
#include "boxoffice/Money.h"
#include "core/Random.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <thread>

namespace usher {

namespace {

bool sellable(const SeatView& view, ChannelId channel)
{
    return view.status == SeatStatus::Available && (view.allocation == kOpenPool || view.allocation == channel);
}

Amount priceAt(const Ledger& ledger, SeatIndex seat, std::uint8_t priceType)
{
    const EventSpec& spec = ledger.spec();
    return priceType < spec.priceTypes.size() ? spec.price(ledger.venue().seats[seat].category, priceType)
                                              : kNotOffered;
}

ExchangeQuoteMove check(const Ledger& ledger, ChannelId channel, OrderId order, const ExchangeMove& move)
{
    ExchangeQuoteMove q;
    const Ticket* ticket = ledger.ticket(move.ticket);
    const Venue& venue = ledger.venue();
    const SeatIndex seat = venue.seatIndex(move.seat);
    if (ticket == nullptr || ticket->order != order)
        q.check = ExchangeCheck::TicketNotFound;
    else if (ticket->status != TicketStatus::Valid)
        q.check = ExchangeCheck::TicketNotValid;
    else if (ticket->seat == kNoSeat)
        q.check = ExchangeCheck::GeneralAdmission;
    else if (seat == kNoSeat)
        q.check = ExchangeCheck::SeatNotFound;
    else if (seat == ticket->seat)
        q.check = ExchangeCheck::SameSeat;
    else if (!sellable(ledger.seat(seat), channel))
        q.check = ExchangeCheck::SeatUnavailable;
    else if ((q.price = priceAt(ledger, seat, ticket->priceType)) == kNotOffered)
        q.check = ExchangeCheck::PriceTypeNotOffered;
    if (q.check != ExchangeCheck::Ok)
        return q;
    q.oldAmount = ticket->amount;
    q.oldCategory = venue.categories[venue.seats[ticket->seat].category].key;
    q.newCategory = venue.categories[venue.seats[seat].category].key;
    return q;
}

void addLine(std::vector<DrawerCategoryLine>* lines, const std::string& category, Amount amount)
{
    auto line = std::find_if(lines->begin(), lines->end(),
                             [&](const DrawerCategoryLine& l) { return l.category == category; });
    if (line == lines->end())
        line = lines->insert(lines->end(), DrawerCategoryLine { category, 0, 0 });
    line->tickets += 1;
    line->amount += amount;
}

bool audit(const CounterSaleContext& context, Timestamp now, std::uint64_t clerk, const std::string& action,
           const std::string& detail)
{
    BoxOfficeDb::Transaction transaction(*context.db);
    return transaction.began() && context.db->audit(now, clerk, action, detail) && transaction.commit();
}

// PAY, then queries until it settles; one still pending is cancelled, and only the answer to that
// cancel settles it (as CounterSale does).
TerminalReply chargeCard(const CounterSaleContext& context, const TerminalPayment& payment)
{
    TerminalReply reply = context.terminal->pay(payment);
    if (reply.outcome == TerminalOutcome::Unreachable || terminalOutcomeIsFinal(reply.outcome))
        return reply;
    for (int i = 0; i < context.terminalQueriesMax && !terminalOutcomeIsFinal(reply.outcome); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(context.terminalQueryIntervalMs));
        reply = context.terminal->query(payment.reference);
    }
    if (!terminalOutcomeIsFinal(reply.outcome) || reply.outcome == TerminalOutcome::Unknown) {
        const TerminalReply cancelled = context.terminal->cancel(payment.reference);
        if (terminalOutcomeIsFinal(cancelled.outcome))
            reply = cancelled;
    }
    return reply;
}

// chargeCard() that the clerk may cancel from another thread through `cancel` (may be null).
TerminalReply chargeCardCancellable(const CounterSaleContext& context, const TerminalPayment& payment,
                                    CardPaymentCancel* cancel)
{
    if (cancel == nullptr)
        return chargeCard(context, payment);
    // Cancelled before the PAY left: the terminal never sees it, nothing can be charged.
    if (!cancel->begin(payment.reference))
        return TerminalReply { TerminalOutcome::Cancelled, payment.reference, "cancelled at the counter" };
    const TerminalReply reply = chargeCard(context, payment);
    cancel->end();
    return reply;
}

std::vector<CommandResult> sendMoves(const CounterSaleContext& context, const StaffAccount& clerk,
                                     const ExchangeRequest& request, const ExchangeQuote& quote,
                                     const std::string& keyBase)
{
    std::vector<Command> commands;
    for (std::size_t i = 0; i < request.moves.size(); ++i) {
        Command c;
        c.kind = CommandKind::Exchange;
        c.key = IdempotencyKey::fromString(keyBase + std::to_string(request.moves[i].ticket));
        c.actor = staffActor(clerk.id, clerk.role);
        c.channel = context.channel;
        c.order = request.order;
        c.tickets = { request.moves[i].ticket };
        c.seats = { request.moves[i].seat };
        c.amount = quote.moves[i].price; // a price changed since the quote: AmountMismatch, not moved
        c.text = request.reason;
        commands.push_back(std::move(c));
    }
    std::vector<CommandResult> answers;
    for (int attempt = 0; attempt < context.engineAttemptsMax; ++attempt) {
        answers = context.shard->execute(commands); // the same keys every time: never moved twice
        bool retry = false;
        for (const CommandResult& a : answers)
            retry = retry || a.status == Status::QueueFull || a.status == Status::StorageFailed
                || a.status == Status::StorageUnavailable;
        if (!retry)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(context.engineRetryDelayMs * (attempt + 1)));
    }
    return answers;
}

// Checks the request, the shift, the quote and (paying back above the limit) the supervisor; Ok
// when the moves may be sent.
BoxOfficeStatus prepare(const CounterSaleContext& context, const StaffAccount& clerk, ShiftId shiftId,
                        const ExchangeRequest& request, const RefundOptions& options, Timestamp now,
                        ExchangeResult* result, ExchangeQuote* quote)
{
    if (request.order == 0 || request.moves.empty() || request.moves.size() > context.shard->spec().ticketsPerOrderMax
        || request.reason.empty() || request.reason.size() > 1024 || request.tendered < 0
        || (request.method != PaymentMethod::Cash && request.method != PaymentMethod::Card))
        return BoxOfficeStatus::InvalidArgument;
    Shift shift;
    if (const BoxOfficeStatus s = context.drawer->shift(shiftId, &shift); s != BoxOfficeStatus::Ok)
        return s;
    if (shift.clerk != clerk.id)
        return BoxOfficeStatus::Forbidden;
    if (!shift.isOpen())
        return BoxOfficeStatus::ShiftClosed;
    if (shift.currency != context.shard->spec().currency)
        return BoxOfficeStatus::CurrencyMismatch;
    *quote = quoteExchange(*context.shard, context.channel, request.order, request.moves);
    for (std::size_t i = 0; i < request.moves.size(); ++i) {
        ExchangeOutcome outcome;
        outcome.move = request.moves[i];
        outcome.check = quote->moves[i].check;
        result->outcomes.push_back(outcome);
    }
    if (!quote->ok())
        return BoxOfficeStatus::InvalidArgument;
    if (quote->difference != request.expectedDifference)
        return BoxOfficeStatus::WrongState; // a price changed since the customer was told
    const Amount due = quote->difference;
    if (due > 0 && request.method == PaymentMethod::Cash && request.tendered != 0 && request.tendered < due)
        return BoxOfficeStatus::Underpaid;
    if (due < 0) {
        const BoxOfficeStatus approved = approveMoneyBack(context, -due, options, request.supervisorLogin,
                                                          request.supervisorPassword, now, &result->approvedBy);
        if (approved != BoxOfficeStatus::Ok)
            return approved;
    }
    if (due != 0 && request.method == PaymentMethod::Card && context.terminal == nullptr)
        return BoxOfficeStatus::TerminalUnavailable;
    if (due < 0 && request.method == PaymentMethod::Cash) {
        Amount inDrawer = 0;
        if (const BoxOfficeStatus s = context.drawer->expectedCash(shiftId, &inDrawer); s != BoxOfficeStatus::Ok)
            return s;
        if (inDrawer < -due)
            return BoxOfficeStatus::InsufficientCash;
    }
    if (due < 0 && request.method == PaymentMethod::Card) {
        std::string original;
        if (!findOrderCardPayment(*context.db, context.shard->id(), request.order, -due, &original))
            return BoxOfficeStatus::InvalidArgument; // no card payment of this order to refund to
    }
    return BoxOfficeStatus::Ok;
}

// Folds the engine's answers into the outcomes and the drawer's category lines.
void applyAnswers(const std::vector<CommandResult>& answers, const ExchangeQuote& quote, ExchangeResult* result)
{
    for (std::size_t i = 0; i < result->outcomes.size(); ++i) {
        ExchangeOutcome& outcome = result->outcomes[i];
        outcome.sent = true;
        outcome.engineStatus = i < answers.size() ? answers[i].status : Status::ShuttingDown;
        if (outcome.engineStatus != Status::Ok) {
            result->status = BoxOfficeStatus::EngineRefused;
            continue;
        }
        if (!answers[i].tickets.empty())
            outcome.ticket = answers[i].tickets.front();
        outcome.difference = answers[i].amount;
        result->difference += outcome.difference;
        addLine(&result->drawer.sold, quote.moves[i].newCategory, quote.moves[i].price);
        addLine(&result->drawer.returned, quote.moves[i].oldCategory, quote.moves[i].oldAmount);
    }
}

// After a card charge of `charged`: the moves made are worth result->difference. Gives back what
// was charged and not used (reverse when nothing moved, else a refund to the card).
void settleCharge(const CounterSaleContext& context, Amount charged, const std::string& currency,
                  ExchangeResult* result)
{
    const Amount unused = charged - std::max<Amount>(result->difference, 0);
    if (result->difference > charged)
        result->stillDue = result->difference - charged; // a move that lowered it was refused
    const Amount kept = charged - unused;
    if (unused > 0) {
        const bool nothingKept = kept == 0;
        const TerminalReply reply = nothingKept
            ? context.terminal->reverse(result->terminalReference)
            : refundToCard(
                context,
                TerminalRefund { result->terminalReference + "-R", result->terminalReference, unused, currency });
        const bool back = reply.outcome == (nothingKept ? TerminalOutcome::Reversed : TerminalOutcome::Approved);
        if (!back) {
            result->outstanding += unused;
            result->status = terminalOutcomeIsFinal(reply.outcome) ? BoxOfficeStatus::PaymentDeclined
                                                                   : BoxOfficeStatus::PaymentUncertain;
        }
    }
    if (result->difference < 0)
        result->outstanding += -result->difference; // owed on top: pay it in cash (settleExchangeInCash)
    if (kept > 0)
        result->drawer.tenders.push_back(DrawerTender { PaymentMethod::Card, kept });
}

// No card charged beforehand: collect (cash) or give back (cash or card) the difference of the
// moves made.
void settleAfter(const CounterSaleContext& context, const ExchangeRequest& request, const std::string& reference,
                 const std::string& currency, ExchangeResult* result)
{
    const Amount due = result->difference;
    if (due > 0) {
        const Amount tendered = request.tendered == 0 ? due : request.tendered;
        if (request.method != PaymentMethod::Cash || tendered < due) {
            result->stillDue = due; // only when a move that lowered the difference was refused
            return;
        }
        result->change = tendered - due;
        result->drawer.tenders.push_back(DrawerTender { PaymentMethod::Cash, due });
    } else if (due < 0 && request.method == PaymentMethod::Cash) {
        result->drawer.tenders.push_back(DrawerTender { PaymentMethod::Cash, -due });
    } else if (due < 0) {
        std::string original;
        result->terminalReference = reference + "-R";
        if (!findOrderCardPayment(*context.db, context.shard->id(), request.order, -due, &original)) {
            result->outstanding = -due; // checked before the moves; gone since: pay it in cash
            result->status = BoxOfficeStatus::PaymentDeclined;
            return;
        }
        const TerminalReply reply
            = refundToCard(context, TerminalRefund { result->terminalReference, original, -due, currency });
        result->terminal = reply.outcome;
        if (reply.outcome != TerminalOutcome::Approved) {
            result->outstanding = -due;
            result->status = terminalOutcomeIsFinal(reply.outcome) ? BoxOfficeStatus::PaymentDeclined
                                                                   : BoxOfficeStatus::PaymentUncertain;
            return;
        }
        result->drawer.tenders.push_back(DrawerTender { PaymentMethod::Card, -due });
    }
}

// Writes the money that moved, with the categories when it is exactly the difference.
BoxOfficeStatus recordMoney(const CounterSaleContext& context, const StaffAccount& clerk, ShiftId shift,
                            const ExchangeResult& result, Timestamp now)
{
    if (result.drawer.sold.empty())
        return BoxOfficeStatus::Ok; // nothing moved
    Amount moved = 0;
    for (const DrawerTender& t : result.drawer.tenders)
        moved += t.amount;
    if (result.outstanding == 0 && result.stillDue == 0 && moved == std::abs(result.difference))
        return context.drawer->recordExchange(shift, clerk.id, result.drawer, now);
    if (moved == 0)
        return BoxOfficeStatus::Ok; // recorded when it is settled (settleExchangeInCash)
    // The money and the moves no longer match (a refused move, a failed card refund): keep the
    // money right, skip the split. Only a card charge kept in part gets here: money taken in.
    const DrawerSale money { result.drawer.reference, result.drawer.currency, result.drawer.tenders, {} };
    return context.drawer->recordSale(shift, clerk.id, money, now);
}

} // namespace

TerminalReply CardPaymentCancel::cancel(CardTerminal* terminal)
{
    std::string reference;
    {
        const std::lock_guard lock(m_mutex);
        m_requested = true;
        reference = m_inFlight;
    }
    if (reference.empty() || terminal == nullptr)
        return TerminalReply { TerminalOutcome::Unknown, {}, {} };
    return terminal->cancel(reference); // its own connection: the PAY in flight gets the answer to it
}

bool CardPaymentCancel::requested() const
{
    const std::lock_guard lock(m_mutex);
    return m_requested;
}

std::string CardPaymentCancel::inFlight() const
{
    const std::lock_guard lock(m_mutex);
    return m_inFlight;
}

bool CardPaymentCancel::begin(const std::string& reference)
{
    const std::lock_guard lock(m_mutex);
    if (m_requested)
        return false;
    m_inFlight = reference;
    return true;
}

void CardPaymentCancel::end()
{
    const std::lock_guard lock(m_mutex);
    m_inFlight.clear();
}

bool ExchangeQuote::ok() const
{
    return std::all_of(moves.begin(), moves.end(),
                       [](const ExchangeQuoteMove& m) { return m.check == ExchangeCheck::Ok; });
}

ExchangeCheck checkExchange(EventShard& shard, ChannelId channel, OrderId order, const ExchangeMove& move)
{
    ExchangeCheck result = ExchangeCheck::TicketNotFound;
    shard.read([&](const Ledger& ledger) { result = check(ledger, channel, order, move).check; });
    return result;
}

ExchangeQuote quoteExchange(EventShard& shard, ChannelId channel, OrderId order, const std::vector<ExchangeMove>& moves)
{
    ExchangeQuote quote;
    shard.read([&](const Ledger& ledger) {
        for (std::size_t i = 0; i < moves.size(); ++i) {
            ExchangeQuoteMove q = check(ledger, channel, order, moves[i]);
            for (std::size_t j = 0; j < i; ++j) { // one ticket once, one seat once
                if (moves[j].ticket == moves[i].ticket || moves[j].seat == moves[i].seat)
                    q.check = ExchangeCheck::SeatUnavailable;
            }
            if (q.check == ExchangeCheck::Ok)
                quote.difference += q.price - q.oldAmount;
            quote.moves.push_back(std::move(q));
        }
    });
    return quote;
}

std::vector<ExchangeSeat> exchangeCandidates(EventShard& shard, ChannelId channel, OrderId order, TicketId ticketId,
                                             std::size_t max, bool allocatedOnly)
{
    std::vector<ExchangeSeat> seats;
    shard.read([&](const Ledger& ledger) {
        const Ticket* ticket = ledger.ticket(ticketId);
        if (ticket == nullptr || ticket->order != order || ticket->status != TicketStatus::Valid
            || ticket->seat == kNoSeat)
            return;
        const Venue& venue = ledger.venue();
        for (SeatIndex s = 0; s < venue.seatCount() && seats.size() < max; ++s) {
            if (s == ticket->seat || !sellable(ledger.seat(s), channel)
                || (allocatedOnly && ledger.seat(s).allocation != channel))
                continue;
            const Amount price = priceAt(ledger, s, ticket->priceType);
            if (price == kNotOffered)
                continue;
            seats.push_back(ExchangeSeat { venue.seats[s].id, venue.seatLabel(s), price, price - ticket->amount });
        }
    });
    return seats;
}

ExchangeResult exchangeAtCounter(const CounterSaleContext& context, const StaffAccount& clerk, ShiftId shiftId,
                                 const ExchangeRequest& request, const RefundOptions& options,
                                 CardPaymentCancel* cancel)
{
    ExchangeResult result;
    result.method = request.method;
    const Timestamp now = context.clock ? context.clock() : systemClockNow();
    ExchangeQuote quote;
    if ((result.status = prepare(context, clerk, shiftId, request, options, now, &result, &quote))
        != BoxOfficeStatus::Ok)
        return result;
    const std::string& currency = context.shard->spec().currency;
    std::uint8_t nonce[6];
    secureRandom(nonce, sizeof nonce);
    std::string tag;
    for (const std::uint8_t b : nonce) {
        tag += "0123456789abcdef"[b >> 4];
        tag += "0123456789abcdef"[b & 15];
    }
    const std::string reference
        = "X" + std::to_string(context.shard->id()) + '-' + std::to_string(request.order) + '-' + tag;
    result.drawer.reference = reference;
    result.drawer.currency = currency;
    // An upgrade by card is paid before anything moves.
    const Amount charged = quote.difference > 0 && request.method == PaymentMethod::Card ? quote.difference : 0;
    if (charged > 0) {
        result.terminalReference = reference + "-C";
        const TerminalReply reply
            = chargeCardCancellable(context, TerminalPayment { result.terminalReference, charged, currency }, cancel);
        result.terminal = reply.outcome;
        result.authCode = reply.detail;
        audit(context, now, clerk.id, "exchange.card",
              result.terminalReference + ' ' + formatMoney(charged, currency) + ' '
                  + terminalOutcomeName(reply.outcome));
        if (reply.outcome != TerminalOutcome::Approved) {
            result.status = reply.outcome == TerminalOutcome::Unreachable ? BoxOfficeStatus::TerminalUnavailable
                : terminalOutcomeIsFinal(reply.outcome)                   ? BoxOfficeStatus::PaymentDeclined
                                                                          : BoxOfficeStatus::PaymentUncertain;
            return result; // nothing sent: the tickets stay where they are
        }
    }
    std::vector<CommandResult> answers;
    if (request.journal && !request.journal(request.moves, &result.journalProblem)) {
        answers.resize(request.moves.size()); // nothing sent: every move refused, a charge given back
        for (CommandResult& a : answers)
            a.status = Status::StorageFailed;
        audit(context, now, clerk.id, "exchange.not_journaled", reference + ' ' + result.journalProblem);
    } else {
        answers = sendMoves(context, clerk, request, quote, "exchange:" + reference + ':');
        if (request.settle)
            request.settle();
    }
    applyAnswers(answers, quote, &result);
    const BoxOfficeStatus engine = result.status;
    result.status = BoxOfficeStatus::Ok;
    if (charged > 0)
        settleCharge(context, charged, currency, &result);
    else
        settleAfter(context, request, reference, currency, &result);
    const BoxOfficeStatus recorded = recordMoney(context, clerk, shiftId, result, now);
    if (result.status == BoxOfficeStatus::Ok)
        result.status = recorded != BoxOfficeStatus::Ok ? recorded
            : result.stillDue > 0                       ? BoxOfficeStatus::Underpaid
                                                        : engine;
    for (const ExchangeOutcome& outcome : result.outcomes)
        audit(context, now, clerk.id, outcome.ok() ? "exchange" : "exchange.failed",
              reference + " order " + std::to_string(request.order) + " ticket " + std::to_string(outcome.move.ticket)
                  + " to seat " + std::to_string(outcome.move.seat) + ' ' + statusName(outcome.engineStatus) + ' '
                  + formatMoney(outcome.difference, currency) + " reason: " + request.reason);
    if (result.difference != 0 || result.outstanding != 0)
        audit(context, now, clerk.id, "exchange.money",
              reference + ' ' + paymentMethodName(request.method) + ' ' + formatMoney(result.difference, currency)
                  + " change " + formatMoney(result.change, currency) + " outstanding "
                  + formatMoney(result.outstanding, currency) + ' ' + boxOfficeStatusName(result.status)
                  + approvedBySuffix(result.approvedBy));
    return result;
}

BoxOfficeStatus settleExchangeInCash(const CounterSaleContext& context, const StaffAccount& clerk, ShiftId shift,
                                     ExchangeResult* result)
{
    if (result->outstanding <= 0 || result->drawer.sold.empty())
        return BoxOfficeStatus::InvalidArgument;
    const Timestamp now = context.clock ? context.clock() : systemClockNow();
    DrawerExchange record = result->drawer;
    Amount moved = 0;
    for (const DrawerTender& t : record.tenders)
        moved += t.amount;
    BoxOfficeStatus status = BoxOfficeStatus::Ok;
    if (moved == 0 && result->outstanding == -result->difference) {
        // A downgrade whose card refund was declined: the whole difference in cash, with categories.
        record.tenders = { DrawerTender { PaymentMethod::Cash, result->outstanding } };
        status = context.drawer->recordExchange(shift, clerk.id, record, now);
    } else {
        status
            = context.drawer->recordRefund(shift, clerk.id,
                                           DrawerSale { record.reference + "-P",
                                                        record.currency,
                                                        { DrawerTender { PaymentMethod::Cash, result->outstanding } },
                                                        {} },
                                           now);
    }
    audit(context, now, clerk.id, "exchange.cash_instead",
          record.reference + ' ' + formatMoney(result->outstanding, record.currency) + ' '
              + boxOfficeStatusName(status));
    if (status == BoxOfficeStatus::Ok) {
        result->outstanding = 0;
        result->status = BoxOfficeStatus::Ok;
    }
    return status;
}

} // namespace usher
