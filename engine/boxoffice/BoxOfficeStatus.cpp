#include "boxoffice/BoxOfficeStatus.h"

namespace usher {

const char* boxOfficeStatusName(BoxOfficeStatus status)
{
    switch (status) {
    case BoxOfficeStatus::Ok: return "Ok";
    case BoxOfficeStatus::InvalidArgument: return "InvalidArgument";
    case BoxOfficeStatus::InvalidCredentials: return "InvalidCredentials";
    case BoxOfficeStatus::AccountLocked: return "AccountLocked";
    case BoxOfficeStatus::AccountDisabled: return "AccountDisabled";
    case BoxOfficeStatus::AccountExists: return "AccountExists";
    case BoxOfficeStatus::AccountNotFound: return "AccountNotFound";
    case BoxOfficeStatus::Forbidden: return "Forbidden";
    case BoxOfficeStatus::SupervisorRequired: return "SupervisorRequired";
    case BoxOfficeStatus::ShiftNotFound: return "ShiftNotFound";
    case BoxOfficeStatus::ShiftAlreadyOpen: return "ShiftAlreadyOpen";
    case BoxOfficeStatus::ShiftClosed: return "ShiftClosed";
    case BoxOfficeStatus::CurrencyMismatch: return "CurrencyMismatch";
    case BoxOfficeStatus::InsufficientCash: return "InsufficientCash";
    case BoxOfficeStatus::WrongState: return "WrongState";
    case BoxOfficeStatus::Underpaid: return "Underpaid";
    case BoxOfficeStatus::Overpaid: return "Overpaid";
    case BoxOfficeStatus::PaymentDeclined: return "PaymentDeclined";
    case BoxOfficeStatus::PaymentUncertain: return "PaymentUncertain";
    case BoxOfficeStatus::EngineRefused: return "EngineRefused";
    case BoxOfficeStatus::TerminalUnavailable: return "TerminalUnavailable";
    case BoxOfficeStatus::StorageFailed: return "StorageFailed";
    }
    return "Unknown";
}

} // namespace usher
