#pragma once

// Applying sync ops to a ledger, shared by the box office (its local ledger) and central. Every
// command's idempotency key derives from `keyPrefix` (unique per op and side) and the step, so
// running an op again after a crash answers what the first run did and changes nothing twice.

#include "sync/SyncLedger.h"
#include "sync/SyncMessage.h"

#include <string>
#include <vector>

namespace usher {

IdempotencyKey syncKey(const std::string& keyPrefix, std::string_view step);

// The payment reference of a synced sale's order: central and the box office both use it, so the
// two journals can be matched order by order.
std::string syncPaymentRef(const std::string& opId);
// The payment reference of an order a box office sold through central while online, paid at its
// counter: "counter:<device>/<request id>;<payment>" (docs/sync-online-sales.md).
std::string syncCounterPaymentRef(const std::string& device, const std::string& requestId, const std::string& payment);

struct SyncSaleOutcome {
    Status status = Status::Ok;
    OrderId order = 0;
    std::vector<TicketId> tickets; // by position: the ticket of op.seats[i]
};

// HoldSeats (or HoldArea for a sale of GA places) then Confirm (a refused confirm releases the hold again).
// GA places are sold only from `channel`'s own pool: a hold the ledger took from the open pool
// (the pool had too few places) is released and the sale refused with SeatNotAllocated. A hold that expired between
// a crash and the retry is taken again under new keys (at most 3 attempts), so a sale is never
// lost to a slow restart. A transient status (syncStatusIsTransient) means: run it again later.
SyncSaleOutcome applySyncSale(SyncLedger& ledger, const SyncOp& op, const std::string& keyPrefix, const Actor& actor,
                              ChannelId channel, Timestamp now);

// AllocateSeats or DeallocateSeats of `seats` for `channel`, by the system, keyed `keyPrefix/step`.
CommandResult applySyncAllocation(SyncLedger& ledger, EventId event, CommandKind kind, std::vector<SeatId> seats,
                                  ChannelId channel, Timestamp now, const std::string& keyPrefix,
                                  std::string_view step);

// AllocateArea or DeallocateArea of `quantity` places of `area` for `channel`, by the system.
CommandResult applySyncAreaAllocation(SyncLedger& ledger, EventId event, CommandKind kind, AreaId area,
                                      std::uint32_t quantity, ChannelId channel, Timestamp now,
                                      const std::string& keyPrefix, std::string_view step);

// `channel`'s GA pool of `area` (all zero when it has none); *read false when the event or the
// area is unknown.
AreaPool syncAreaPool(SyncLedger& ledger, EventId event, AreaId area, ChannelId channel, bool* read = nullptr);

// The seats of `seats` that are allocated to `channel` (unknown seats are not); *read false when the
// event is unknown.
std::vector<SeatId> syncSeatsAllocatedTo(SyncLedger& ledger, EventId event, const std::vector<SeatId>& seats,
                                         ChannelId channel, bool* read = nullptr);

// One command, keyed `keyPrefix/step`.
CommandResult applySyncCommand(SyncLedger& ledger, EventId event, Command command, const std::string& keyPrefix,
                               std::string_view step);

} // namespace usher
