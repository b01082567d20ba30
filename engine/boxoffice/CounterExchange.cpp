#include "boxoffice/CounterExchange.h"

#include "core/Random.h"

#include <chrono>
#include <thread>

namespace usher {

namespace {

bool sellable(const SeatView& view, ChannelId channel)
{
    return view.status == SeatStatus::Available && (view.allocation == kOpenPool || view.allocation == channel);
}

ExchangeCheck check(const Ledger& ledger, ChannelId channel, OrderId order, const ExchangeMove& move)
{
    const Ticket* ticket = ledger.ticket(move.ticket);
    if (ticket == nullptr || ticket->order != order)
        return ExchangeCheck::TicketNotFound;
    if (ticket->status != TicketStatus::Valid)
        return ExchangeCheck::TicketNotValid;
    if (ticket->seat == kNoSeat)
        return ExchangeCheck::GeneralAdmission;
    const Venue& venue = ledger.venue();
    const SeatIndex seat = venue.seatIndex(move.seat);
    if (seat == kNoSeat)
        return ExchangeCheck::SeatNotFound;
    if (seat == ticket->seat)
        return ExchangeCheck::SameSeat;
    if (!sellable(ledger.seat(seat), channel))
        return ExchangeCheck::SeatUnavailable;
    if (ledger.spec().price(venue.seats[seat].category, ticket->priceType) != ticket->amount)
        return ExchangeCheck::PriceDiffers;
    return ExchangeCheck::Ok;
}

} // namespace

ExchangeCheck checkExchange(EventShard& shard, ChannelId channel, OrderId order, const ExchangeMove& move)
{
    ExchangeCheck result = ExchangeCheck::TicketNotFound;
    shard.read([&](const Ledger& ledger) { result = check(ledger, channel, order, move); });
    return result;
}

std::vector<ExchangeSeat> exchangeCandidates(EventShard& shard, ChannelId channel, OrderId order, TicketId ticketId,
                                             std::size_t max)
{
    std::vector<ExchangeSeat> seats;
    shard.read([&](const Ledger& ledger) {
        const Ticket* ticket = ledger.ticket(ticketId);
        if (ticket == nullptr || ticket->order != order || ticket->status != TicketStatus::Valid
            || ticket->seat == kNoSeat)
            return;
        const Venue& venue = ledger.venue();
        for (SeatIndex s = 0; s < venue.seatCount() && seats.size() < max; ++s) {
            if (s == ticket->seat || !sellable(ledger.seat(s), channel))
                continue;
            if (ledger.spec().price(venue.seats[s].category, ticket->priceType) != ticket->amount)
                continue;
            seats.push_back(ExchangeSeat { venue.seats[s].id, venue.seatLabel(s) });
        }
    });
    return seats;
}

ExchangeResult exchangeAtCounter(const CounterSaleContext& context, const StaffAccount& clerk, ShiftId shiftId,
                                 const ExchangeRequest& request)
{
    ExchangeResult result;
    const Timestamp now = context.clock ? context.clock() : systemClockNow();
    if (request.order == 0 || request.moves.empty() || request.moves.size() > context.shard->spec().ticketsPerOrderMax
        || request.reason.empty() || request.reason.size() > 1024) {
        result.status = BoxOfficeStatus::InvalidArgument;
        return result;
    }
    Shift shift;
    if ((result.status = context.drawer->shift(shiftId, &shift)) != BoxOfficeStatus::Ok)
        return result;
    if (shift.clerk != clerk.id || !shift.isOpen()) {
        result.status = shift.clerk != clerk.id ? BoxOfficeStatus::Forbidden : BoxOfficeStatus::ShiftClosed;
        return result;
    }
    bool allOk = true;
    context.shard->read([&](const Ledger& ledger) {
        for (std::size_t i = 0; i < request.moves.size(); ++i) {
            ExchangeOutcome outcome;
            outcome.move = request.moves[i];
            outcome.check = check(ledger, context.channel, request.order, outcome.move);
            for (std::size_t j = 0; j < i; ++j) { // one ticket once, one seat once
                if (request.moves[j].ticket == outcome.move.ticket || request.moves[j].seat == outcome.move.seat)
                    outcome.check = ExchangeCheck::SeatUnavailable;
            }
            allOk = allOk && outcome.check == ExchangeCheck::Ok;
            result.outcomes.push_back(outcome);
        }
    });
    if (!allOk) {
        result.status = BoxOfficeStatus::InvalidArgument;
        return result;
    }
    std::uint8_t nonce[8];
    secureRandom(nonce, sizeof nonce);
    const std::string keyBase = "exchange:" + std::to_string(request.order) + ':'
        + std::string(reinterpret_cast<const char*>(nonce), sizeof nonce) + ':';
    std::vector<Command> commands;
    for (const ExchangeMove& move : request.moves) {
        Command c;
        c.kind = CommandKind::Exchange;
        c.key = IdempotencyKey::fromString(keyBase + std::to_string(move.ticket));
        c.actor = staffActor(clerk.id, clerk.role);
        c.channel = context.channel;
        c.order = request.order;
        c.tickets = { move.ticket };
        c.seats = { move.seat };
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
    BoxOfficeDb::Transaction transaction(*context.db);
    for (std::size_t i = 0; i < result.outcomes.size(); ++i) {
        ExchangeOutcome& outcome = result.outcomes[i];
        outcome.engineStatus = i < answers.size() ? answers[i].status : Status::ShuttingDown;
        if (outcome.engineStatus == Status::Ok && !answers[i].tickets.empty())
            outcome.ticket = answers[i].tickets.front();
        if (outcome.engineStatus != Status::Ok)
            result.status = BoxOfficeStatus::EngineRefused;
        if (transaction.began())
            context.db->audit(now, clerk.id, outcome.ok() ? "exchange" : "exchange.failed",
                              "order " + std::to_string(request.order) + " ticket "
                                  + std::to_string(outcome.move.ticket) + " to seat "
                                  + std::to_string(outcome.move.seat) + ' ' + statusName(outcome.engineStatus)
                                  + " reason: " + request.reason);
    }
    if (!transaction.commit() && result.status == BoxOfficeStatus::Ok)
        result.status = BoxOfficeStatus::StorageFailed;
    return result;
}

} // namespace usher
