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

} // namespace usher::ui
