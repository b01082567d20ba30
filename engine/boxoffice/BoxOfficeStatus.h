#pragma once

#include <cstdint>

namespace usher {

// The outcome of every box-office operation (accounts, shifts, the drawer, counter sales). The
// numbers are stored in the audit trail and never change or get reused.
enum class BoxOfficeStatus : std::uint8_t {
    Ok = 0,

    InvalidArgument = 1,

    // Accounts and permissions.
    InvalidCredentials = 10, // unknown login or wrong password (deliberately indistinguishable)
    AccountLocked = 11,
    AccountDisabled = 12,
    AccountExists = 13,
    AccountNotFound = 14,
    Forbidden = 15, // the role may not do this
    SupervisorRequired = 16,

    // Shifts and the drawer.
    ShiftNotFound = 20,
    ShiftAlreadyOpen = 21,
    ShiftClosed = 22,
    CurrencyMismatch = 23,
    InsufficientCash = 24, // a cash-out or change larger than the drawer holds

    // Counter sales.
    WrongState = 30, // the sale is not in a state that allows this step
    Underpaid = 31,  // confirm asked for before the tenders cover the total
    Overpaid = 32,   // a non-cash tender larger than what is still due
    PaymentDeclined = 33,
    PaymentUncertain = 34, // the terminal's outcome is still unknown after every query
    EngineRefused = 35,    // the engine answered with a non-Ok status (see engineStatus)
    TerminalUnavailable = 36,

    // Storage.
    StorageFailed = 100,
};

const char* boxOfficeStatusName(BoxOfficeStatus status);

} // namespace usher
