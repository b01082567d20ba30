#include "counter/AfterSaleText.h"
#include "DisplayFormat.h"

namespace usher::ui {

QString AfterSaleText::status(BoxOfficeStatus status, Status engineStatus)
{
    switch (status) {
    case BoxOfficeStatus::Ok: return tr("Done.");
    case BoxOfficeStatus::InvalidArgument: return tr("Some of the details are missing or not valid.");
    case BoxOfficeStatus::InvalidCredentials: return tr("The supervisor's login or password is wrong.");
    case BoxOfficeStatus::AccountLocked:
        return tr("The supervisor's account is locked after too many failed sign-ins.");
    case BoxOfficeStatus::AccountDisabled: return tr("The supervisor's account is disabled.");
    case BoxOfficeStatus::AccountExists: return tr("The account exists already.");
    case BoxOfficeStatus::AccountNotFound: return tr("No such account.");
    case BoxOfficeStatus::Forbidden: return tr("Your account may not do this.");
    case BoxOfficeStatus::SupervisorRequired: return tr("A supervisor must sign in to approve this.");
    case BoxOfficeStatus::ShiftNotFound: return tr("No shift is open.");
    case BoxOfficeStatus::ShiftAlreadyOpen: return tr("A shift is open already.");
    case BoxOfficeStatus::ShiftClosed: return tr("The shift is closed.");
    case BoxOfficeStatus::CurrencyMismatch: return tr("The event is sold in another currency than the shift's.");
    case BoxOfficeStatus::InsufficientCash: return tr("The drawer does not hold that much cash.");
    case BoxOfficeStatus::WrongState: return tr("This is not possible in the order's current state.");
    case BoxOfficeStatus::Underpaid: return tr("Not paid in full yet.");
    case BoxOfficeStatus::Overpaid: return tr("More than is due.");
    case BoxOfficeStatus::PaymentDeclined: return tr("The card terminal declined.");
    case BoxOfficeStatus::PaymentUncertain: return tr("The card terminal's answer is not known.");
    case BoxOfficeStatus::EngineRefused: return engine(engineStatus);
    case BoxOfficeStatus::TerminalUnavailable: return tr("No card terminal can be reached.");
    case BoxOfficeStatus::StorageFailed:
        return tr("The change could not be saved (storage failure). Nothing was done; try again.");
    }
    return tr("Unexpected error %1.").arg(static_cast<int>(status));
}

QString AfterSaleText::engine(Status status)
{
    switch (status) {
    case Status::Ok: return tr("Done.");
    case Status::OrderNotFound: return tr("The order does not exist.");
    case Status::TicketNotFound: return tr("The ticket is not part of the order.");
    case Status::TicketNotValid: return tr("The ticket is no longer valid (refunded, voided or reissued).");
    case Status::SeatUnavailable: return tr("The seat is not available any more.");
    case Status::SeatNotFound: return tr("No such seat.");
    case Status::Forbidden: return tr("Your account may not do this.");
    case Status::QueueFull: return tr("The event is busy; try again in a moment.");
    case Status::StorageFailed:
    case Status::StorageUnavailable: return tr("The engine could not save the change; try again.");
    default: break;
    }
    return tr("The engine refused: %1.").arg(DisplayFormat::status(status));
}

QString AfterSaleText::terminal(TerminalOutcome outcome)
{
    switch (outcome) {
    case TerminalOutcome::Approved: return tr("approved");
    case TerminalOutcome::Declined: return tr("declined");
    case TerminalOutcome::Cancelled: return tr("cancelled");
    case TerminalOutcome::Pending: return tr("still pending");
    case TerminalOutcome::Unknown: return tr("unknown to the terminal");
    case TerminalOutcome::Reversed: return tr("reversed");
    case TerminalOutcome::TimedOut: return tr("timed out");
    case TerminalOutcome::Disconnected: return tr("disconnected");
    case TerminalOutcome::Unreachable: return tr("unreachable");
    case TerminalOutcome::ProtocolError: return tr("garbled answer");
    }
    return tr("unknown");
}

} // namespace usher::ui
