#pragma once

// Money, dates and names of engine data, formatted for people in the user's locale.

#include "boxoffice/BoxOfficeStatus.h"
#include "core/Status.h"
#include "core/Types.h"
#include "event/EventSpec.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>

namespace usher::ui {

class DisplayFormat {
    Q_DECLARE_TR_FUNCTIONS(DisplayFormat)

public:
    // "45.00 EUR" (exact: integer minor units, never through a double).
    static QString money(Amount amount, const EventSpec& spec, const QLocale& locale = QLocale());
    enum class Length { Long, Short };
    // When the event starts, in its own time zone: "Saturday, 27 December 2025, 20:00" (Long) or
    // "Sat, 27 Dec 2025, 20:00" (Short, for lists).
    static QString eventStart(const EventSpec& spec, Length length, const QLocale& locale = QLocale());
    static QString channelName(const EventSpec& spec, ChannelId channel);
    // What an engine status means, for people: "the seat is no longer available" (lower case, no
    // full stop, to sit inside a sentence). Never the enum's name.
    static QString status(Status status);
    static QString status(BoxOfficeStatus status);
    // A QDateTimeEdit / QDateTime format in the locale's own order ("dd.MM.yyyy HH:mm",
    // "M/d/yyyy h:mm AP"): the short date with a four-digit year and the short time, with seconds
    // or milliseconds when asked.
    enum class Precision { Minutes, Seconds, Milliseconds };
    static QString dateTimeFormat(Precision precision, const QLocale& locale = QLocale());
    static QString text(const std::string& utf8) { return QString::fromStdString(utf8); }
};

} // namespace usher::ui
