#pragma once

// How a seat's state looks in every view: its name, its glyph and its colours. The glyph keeps a
// state readable without colour; the legend and the seat table share these so they cannot drift.

#include "core/Types.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

#include <array>

namespace usher::ui {

// What a person sees. Allocation is orthogonal to the status in the engine; only an available seat
// shows it, because a held, sold or blocked seat cannot be sold by anyone whatever its channel.
enum class SeatDisplayState : std::uint8_t {
    Available = 0,
    Allocated = 1, // available, but only to the channel it is allocated to
    Held = 2,
    Sold = 3,
    Blocked = 4,
};
constexpr std::array<SeatDisplayState, 5> kSeatDisplayStates
    = { SeatDisplayState::Available, SeatDisplayState::Allocated, SeatDisplayState::Held, SeatDisplayState::Sold,
        SeatDisplayState::Blocked };

class SeatStateStyle {
    Q_DECLARE_TR_FUNCTIONS(SeatStateStyle)

public:
    static SeatDisplayState displayState(SeatStatus status, ChannelId allocation);
    static QString name(SeatDisplayState state); // "sold"
    static QString glyph(SeatDisplayState state); // empty for available seats
    static QString cellText(const QString& seatNumber, SeatDisplayState state); // "12●"
    static QColor background(SeatDisplayState state);
    static QColor foreground(SeatDisplayState state);
};

} // namespace usher::ui
