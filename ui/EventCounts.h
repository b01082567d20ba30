#pragma once

#include "SeatStateStyle.h"

#include <QtGlobal>

#include <array>
#include <cstddef>

namespace usher::ui {

// One event's seats by what they look like, and its standing places. Views show these totals.
struct EventCounts {
    std::array<quint32, kSeatDisplayStates.size()> seats {}; // indexed by SeatDisplayState
    quint64 standingCapacity = 0;
    quint64 standingHeld = 0;
    quint64 standingSold = 0;

    quint32& operator[](SeatDisplayState state) { return seats[std::size_t(state)]; }
    quint32 operator[](SeatDisplayState state) const { return seats[std::size_t(state)]; }
    quint64 seatTotal() const
    {
        quint64 total = 0;
        for (quint32 n : seats)
            total += n;
        return total;
    }
    quint64 standingAvailable() const { return standingCapacity - standingHeld - standingSold; }
    // Seats anyone may still buy (allocated ones through their channel) plus free standing places.
    quint64 placesAvailable() const
    {
        return quint64((*this)[SeatDisplayState::Available]) + (*this)[SeatDisplayState::Allocated]
            + standingAvailable();
    }
    quint64 placesTotal() const { return seatTotal() + standingCapacity; }
};

} // namespace usher::ui
