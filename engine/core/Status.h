#pragma once

#include <cstdint>

namespace usher {

// The outcome of every engine command. The numbers are part of the journal format and of the
// HTTP and sync protocols: they never change and are never reused. Within a command, checks run
// in the order of these numbers, so the first failing check decides the status; the exception is
// Forbidden, checked before any lookup so that a refusal does not reveal what exists.
enum class Status : std::uint8_t {
    Ok = 0,

    // The command itself is malformed.
    InvalidArgument = 1,
    IdempotencyKeyReused = 2, // same key, different arguments

    // Something the command names does not exist.
    ChannelNotFound = 10,
    SeatNotFound = 11,
    AreaNotFound = 12,
    CategoryNotFound = 13,
    PriceTypeNotFound = 14,
    HoldNotFound = 15,
    OrderNotFound = 16,
    TicketNotFound = 17,

    // The actor may not do this.
    Forbidden = 20,
    NotHolder = 21,
    WrongChannel = 22,

    // Limits and sale windows.
    LimitExceeded = 30,
    NotOnSale = 31,
    HoldExpired = 32,

    // Inventory conflicts.
    SeatUnavailable = 40,
    CapacityUnavailable = 41,
    NoSeatsTogether = 42,
    SeatNotBlocked = 43,
    SeatNotAllocated = 44,
    PaymentPending = 45,
    PaymentNotPending = 46,
    TicketNotValid = 47, // already refunded or exchanged
    AmountExceedsPaid = 48,
    AmountMismatch = 49, // the confirm's expected total differs from the prices

    // The runtime, not the ledger.
    QueueFull = 100,
    StorageFailed = 101,
    StorageUnavailable = 102,
    EventNotFound = 103,
    ShuttingDown = 104,
    EventExists = 105,
};

const char* statusName(Status status);
bool statusIsKnown(std::uint8_t value);

} // namespace usher
