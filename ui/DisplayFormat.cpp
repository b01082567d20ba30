#include "DisplayFormat.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

namespace usher::ui {

QString DisplayFormat::money(Amount amount, const EventSpec& spec, const QLocale& locale)
{
    const QString currency = text(spec.currency);
    const int exponent = std::max(0, spec.currencyExponent());
    Amount scale = 1;
    for (int i = 0; i < exponent; ++i)
        scale *= 10;
    const Amount magnitude = amount < 0 ? -amount : amount;
    QString number = locale.toString(qlonglong(magnitude / scale));
    if (exponent > 0)
        number += locale.decimalPoint()
            + QStringLiteral("%1").arg(qlonglong(magnitude % scale), exponent, 10, QLatin1Char('0'));
    if (amount < 0)
        number.prepend(locale.negativeSign());
    //: An amount of money: %1 is the number, %2 the ISO 4217 currency code.
    return tr("%1 %2").arg(number, currency);
}

QString DisplayFormat::eventStart(const EventSpec& spec, Length length, const QLocale& locale)
{
    QTimeZone zone(QByteArray::fromStdString(spec.timeZone));
    if (!zone.isValid())
        zone = QTimeZone::utc();
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(spec.startsAt, zone);
    // Some locales' short time format has seconds (the C locale's "HH:mm:ss"); a start time never does.
    QString timeFormat = locale.timeFormat(QLocale::ShortFormat);
    timeFormat.remove(QStringLiteral(":ss"));
    QString dateFormat = locale.dateFormat(QLocale::LongFormat);
    if (length == Length::Short) // the locale's own order and punctuation, with abbreviated names
        dateFormat.replace(QStringLiteral("dddd"), QStringLiteral("ddd"))
            .replace(QStringLiteral("MMMM"), QStringLiteral("MMM"));
    //: When an event starts: %1 is the date, %2 the time of day.
    return tr("%1, %2").arg(locale.toString(start.date(), dateFormat), locale.toString(start.time(), timeFormat));
}

QString DisplayFormat::channelName(const EventSpec& spec, ChannelId channel)
{
    const SalesChannel* found = spec.channel(channel);
    return found != nullptr ? text(found->name) : tr("channel %1").arg(channel);
}

QString DisplayFormat::status(Status status)
{
    switch (status) {
    case Status::Ok: return tr("done");
    case Status::InvalidArgument: return tr("the request is not valid");
    case Status::IdempotencyKeyReused: return tr("the request id was already used for another request");
    case Status::ChannelNotFound: return tr("no such sales channel");
    case Status::SeatNotFound: return tr("no such seat");
    case Status::AreaNotFound: return tr("no such standing area");
    case Status::CategoryNotFound: return tr("no such price category");
    case Status::PriceTypeNotFound: return tr("no such price type");
    case Status::HoldNotFound: return tr("the reservation no longer exists");
    case Status::OrderNotFound: return tr("no such order");
    case Status::TicketNotFound: return tr("no such ticket");
    case Status::Forbidden: return tr("not allowed for this user");
    case Status::NotHolder: return tr("the reservation belongs to someone else");
    case Status::WrongChannel: return tr("not for sale on this channel");
    case Status::LimitExceeded: return tr("too many tickets for one order");
    case Status::NotOnSale: return tr("not on sale at this time");
    case Status::HoldExpired: return tr("the reservation has expired");
    case Status::SeatUnavailable: return tr("the seat is no longer available");
    case Status::CapacityUnavailable: return tr("not enough places left in the standing area");
    case Status::NoSeatsTogether: return tr("no seats together are left");
    case Status::SeatNotBlocked: return tr("the seat is not blocked");
    case Status::SeatNotAllocated: return tr("the seat is not allocated to this channel");
    case Status::PaymentPending: return tr("a payment is still pending");
    case Status::PaymentNotPending: return tr("no payment is pending");
    case Status::TicketNotValid: return tr("the ticket was already refunded or exchanged");
    case Status::AmountExceedsPaid: return tr("the amount is more than was paid");
    case Status::AmountMismatch: return tr("the amount differs from the prices");
    case Status::QueueFull: return tr("the engine is busy, try again");
    case Status::StorageFailed: return tr("the data could not be saved");
    case Status::StorageUnavailable: return tr("the data store is not available");
    case Status::EventNotFound: return tr("no such event");
    case Status::ShuttingDown: return tr("the engine is shutting down");
    case Status::EventExists: return tr("the event already exists");
    }
    //: An engine status this version does not know; %1 is its number.
    return tr("unknown status %1").arg(int(status));
}

QString DisplayFormat::status(BoxOfficeStatus status)
{
    switch (status) {
    case BoxOfficeStatus::Ok: return tr("done");
    case BoxOfficeStatus::InvalidArgument: return tr("the request is not valid");
    case BoxOfficeStatus::InvalidCredentials: return tr("the login or password is wrong");
    case BoxOfficeStatus::AccountLocked: return tr("the account is locked after too many failed sign-ins");
    case BoxOfficeStatus::AccountDisabled: return tr("the account is disabled");
    case BoxOfficeStatus::AccountExists: return tr("an account with that login already exists");
    case BoxOfficeStatus::AccountNotFound: return tr("no such account");
    case BoxOfficeStatus::Forbidden: return tr("not allowed for this user");
    case BoxOfficeStatus::SupervisorRequired: return tr("a supervisor must approve this");
    case BoxOfficeStatus::ShiftNotFound: return tr("no shift is open");
    case BoxOfficeStatus::ShiftAlreadyOpen: return tr("a shift is already open");
    case BoxOfficeStatus::ShiftClosed: return tr("the shift is closed");
    case BoxOfficeStatus::CurrencyMismatch: return tr("the currency differs from the drawer's");
    case BoxOfficeStatus::InsufficientCash: return tr("the drawer does not hold enough cash");
    case BoxOfficeStatus::WrongState: return tr("the sale cannot do that now");
    case BoxOfficeStatus::Underpaid: return tr("the payments do not cover the total yet");
    case BoxOfficeStatus::Overpaid: return tr("that is more than what is still due");
    case BoxOfficeStatus::PaymentDeclined: return tr("the payment was declined");
    case BoxOfficeStatus::PaymentUncertain: return tr("the card terminal's answer is still unknown");
    case BoxOfficeStatus::EngineRefused: return tr("the seats could not be sold");
    case BoxOfficeStatus::TerminalUnavailable: return tr("the card terminal is not available");
    case BoxOfficeStatus::StorageFailed: return tr("the data could not be saved");
    }
    return tr("unknown status %1").arg(int(status));
}

QString DisplayFormat::dateTimeFormat(Precision precision, const QLocale& locale)
{
    QString date = locale.dateFormat(QLocale::ShortFormat);
    if (!date.contains(QStringLiteral("yyyy")))
        date.replace(QStringLiteral("yy"), QStringLiteral("yyyy"));
    QString time = locale.timeFormat(QLocale::ShortFormat);
    time.remove(QStringLiteral(":ss")); // some short formats (the C locale's) carry seconds already
    const qsizetype minutes = time.indexOf(QStringLiteral("mm"));
    if (precision != Precision::Minutes && minutes >= 0)
        time.insert(minutes + 2, precision == Precision::Seconds ? QStringLiteral(":ss") : QStringLiteral(":ss.zzz"));
    return date + QLatin1Char(' ') + time;
}

} // namespace usher::ui
