#include "core/Status.h"

namespace usher {

namespace {
// nullptr for a value that is not an enumerator, so statusIsKnown() cannot drift from statusName().
const char* knownStatusName(Status status)
{
    switch (status) {
    case Status::Ok: return "ok";
    case Status::InvalidArgument: return "invalid_argument";
    case Status::IdempotencyKeyReused: return "idempotency_key_reused";
    case Status::ChannelNotFound: return "channel_not_found";
    case Status::SeatNotFound: return "seat_not_found";
    case Status::AreaNotFound: return "area_not_found";
    case Status::CategoryNotFound: return "category_not_found";
    case Status::PriceTypeNotFound: return "price_type_not_found";
    case Status::HoldNotFound: return "hold_not_found";
    case Status::OrderNotFound: return "order_not_found";
    case Status::TicketNotFound: return "ticket_not_found";
    case Status::Forbidden: return "forbidden";
    case Status::NotHolder: return "not_holder";
    case Status::WrongChannel: return "wrong_channel";
    case Status::LimitExceeded: return "limit_exceeded";
    case Status::NotOnSale: return "not_on_sale";
    case Status::HoldExpired: return "hold_expired";
    case Status::SeatUnavailable: return "seat_unavailable";
    case Status::CapacityUnavailable: return "capacity_unavailable";
    case Status::NoSeatsTogether: return "no_seats_together";
    case Status::SeatNotBlocked: return "seat_not_blocked";
    case Status::SeatNotAllocated: return "seat_not_allocated";
    case Status::PaymentPending: return "payment_pending";
    case Status::PaymentNotPending: return "payment_not_pending";
    case Status::TicketNotValid: return "ticket_not_valid";
    case Status::AmountExceedsPaid: return "amount_exceeds_paid";
    case Status::AmountMismatch: return "amount_mismatch";
    case Status::QueueFull: return "queue_full";
    case Status::StorageFailed: return "storage_failed";
    case Status::StorageUnavailable: return "storage_unavailable";
    case Status::EventNotFound: return "event_not_found";
    case Status::ShuttingDown: return "shutting_down";
    case Status::EventExists: return "event_exists";
    }
    return nullptr;
}
} // namespace

const char* statusName(Status status)
{
    const char* name = knownStatusName(status);
    return name ? name : "unknown";
}

bool statusIsKnown(std::uint8_t value)
{
    return knownStatusName(static_cast<Status>(value)) != nullptr;
}

} // namespace usher
