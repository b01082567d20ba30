#include "sync/SyncApply.h"

namespace usher {

namespace {

Command releaseOf(const Actor& actor, ChannelId channel, Timestamp now, HoldId hold)
{
    Command release;
    release.kind = CommandKind::Release;
    release.actor = actor;
    release.channel = channel;
    release.now = now;
    release.hold = hold;
    return release;
}

// A GA hold came from `channel`'s own pool, or is gone already (confirmed by an earlier run of the
// same op, whose keys answer the rest).
bool heldFromOwnPool(SyncLedger& ledger, EventId event, HoldId hold, ChannelId channel)
{
    bool own = true;
    ledger.read(event, [&](const Ledger& l) {
        const std::optional<HoldView> h = l.hold(hold);
        own = !h.has_value() || h->pool == channel;
    });
    return own;
}

} // namespace

IdempotencyKey syncKey(const std::string& keyPrefix, std::string_view step)
{
    std::string text = "sync/";
    text += keyPrefix;
    text += '/';
    text += step;
    return IdempotencyKey::fromString(text);
}

std::string syncPaymentRef(const std::string& opId)
{
    return "sync:" + opId;
}

std::string syncCounterPaymentRef(const std::string& device, const std::string& requestId, const std::string& payment)
{
    return "counter:" + device + "/" + requestId + ";" + payment;
}

CommandResult applySyncCommand(SyncLedger& ledger, EventId event, Command command, const std::string& keyPrefix,
                               std::string_view step)
{
    command.key = syncKey(keyPrefix, step);
    std::vector<Command> commands;
    commands.push_back(std::move(command));
    std::vector<CommandResult> results = ledger.execute(event, std::move(commands));
    if (results.size() != 1) {
        CommandResult failed;
        failed.status = Status::StorageFailed;
        return failed;
    }
    return std::move(results.front());
}

CommandResult applySyncAllocation(SyncLedger& ledger, EventId event, CommandKind kind, std::vector<SeatId> seats,
                                  ChannelId channel, Timestamp now, const std::string& keyPrefix, std::string_view step)
{
    Command c;
    c.kind = kind;
    c.actor = Actor { ActorKind::System, 0 };
    c.now = now;
    c.target = channel;
    c.seats = std::move(seats);
    return applySyncCommand(ledger, event, std::move(c), keyPrefix, step);
}

CommandResult applySyncAreaAllocation(SyncLedger& ledger, EventId event, CommandKind kind, AreaId area,
                                      std::uint32_t quantity, ChannelId channel, Timestamp now,
                                      const std::string& keyPrefix, std::string_view step)
{
    Command c;
    c.kind = kind;
    c.actor = Actor { ActorKind::System, 0 };
    c.now = now;
    c.target = channel;
    c.area = area;
    c.quantity = quantity;
    return applySyncCommand(ledger, event, std::move(c), keyPrefix, step);
}

AreaPool syncAreaPool(SyncLedger& ledger, EventId event, AreaId area, ChannelId channel, bool* read)
{
    AreaPool pool;
    pool.channel = channel;
    bool known = false;
    ledger.read(event, [&](const Ledger& l) {
        const std::uint32_t index = l.venue().areaIndex(area);
        known = index != kNoArea;
        if (!known)
            return;
        for (const AreaPool& p : l.areaPools(index))
            if (p.channel == channel)
                pool = p;
    });
    if (read != nullptr)
        *read = known;
    return pool;
}

std::vector<SeatId> syncSeatsAllocatedTo(SyncLedger& ledger, EventId event, const std::vector<SeatId>& seats,
                                         ChannelId channel, bool* read)
{
    std::vector<SeatId> mine;
    const bool found = ledger.read(event, [&](const Ledger& l) {
        for (SeatId s : seats) {
            const SeatIndex index = l.venue().seatIndex(s);
            if (index != kNoSeat && l.seat(index).allocation == channel)
                mine.push_back(s);
        }
    });
    if (read != nullptr)
        *read = found;
    return mine;
}

SyncSaleOutcome applySyncSale(SyncLedger& ledger, const SyncOp& op, const std::string& keyPrefix, const Actor& actor,
                              ChannelId channel, Timestamp now)
{
    SyncSaleOutcome outcome;
    for (int attempt = 0; attempt < 3; ++attempt) {
        const std::string n = std::to_string(attempt);
        Command hold;
        hold.kind = op.area != 0 ? CommandKind::HoldArea : CommandKind::HoldSeats;
        hold.actor = actor;
        hold.channel = channel;
        hold.now = now;
        hold.seats = op.seats;
        hold.area = op.area;
        hold.quantity = op.quantity;
        const CommandResult held = applySyncCommand(ledger, op.event, hold, keyPrefix, "hold" + n);
        if (!held.ok()) {
            // No place left in the device's pool and none in the open pool either: still "not its".
            outcome.status = op.area != 0 && held.status == Status::CapacityUnavailable ? Status::SeatNotAllocated
                                                                                        : held.status;
            return outcome;
        }
        if (op.area != 0 && !heldFromOwnPool(ledger, op.event, held.hold, channel)) {
            const CommandResult released = applySyncCommand(ledger, op.event, releaseOf(actor, channel, now, held.hold),
                                                            keyPrefix, "release" + n);
            outcome.status = syncStatusIsTransient(released.status) ? released.status : Status::SeatNotAllocated;
            return outcome;
        }
        Command confirm;
        confirm.kind = CommandKind::Confirm;
        confirm.actor = actor;
        confirm.channel = channel;
        confirm.now = now;
        confirm.hold = held.hold;
        confirm.text = syncPaymentRef(op.id);
        confirm.buyer = op.buyer;
        confirm.priceTypes = op.priceTypes;
        confirm.amount = op.amount;
        const CommandResult confirmed = applySyncCommand(ledger, op.event, confirm, keyPrefix, "confirm" + n);
        if (confirmed.ok()) {
            outcome.status = Status::Ok;
            outcome.order = confirmed.order;
            for (const IssuedTicket& t : confirmed.tickets)
                outcome.tickets.push_back(t.id);
            return outcome;
        }
        outcome.status = confirmed.status;
        if (syncStatusIsTransient(confirmed.status))
            return outcome;
        if (confirmed.status == Status::HoldNotFound)
            continue; // the hold lapsed (and expired) between a crash and this retry: take it again
        const CommandResult released
            = applySyncCommand(ledger, op.event, releaseOf(actor, channel, now, held.hold), keyPrefix, "release" + n);
        if (syncStatusIsTransient(released.status)) {
            outcome.status = released.status;
            return outcome;
        }
        if (confirmed.status != Status::HoldExpired)
            return outcome;
        // The hold lapsed between a crash and this retry but is still there: released, take it again.
    }
    return outcome;
}

} // namespace usher
