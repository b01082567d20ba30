#pragma once

// The seat map's colours and state names. Two palettes: the standard one (colour-blind safe hues,
// after Okabe and Ito) and a high-contrast one (black, white and saturated primaries, every seat
// outlined). Colour is never the only cue: SeatMapRenderer adds a mark per state.

#include "SeatMapModel.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

#include <array>

namespace usher::ui {

struct SeatMapPalette {
    Q_DECLARE_TR_FUNCTIONS(SeatMapPalette)

public:
    enum class Kind { Standard, HighContrast };

    Kind kind = Kind::Standard;
    QColor background;  // the canvas
    QColor sectionFill; // behind the seats when zoomed in
    QColor sectionOutline;
    QColor sectionSoldOut;   // zoomed out: a section with nothing to sell...
    QColor sectionAvailable; // ...and one with every seat to sell (mixed in between)
    QColor stage;
    QColor stageText;
    QColor areaFill;
    QColor areaOutline;
    QColor text;      // labels on the canvas
    QColor selection; // fill of a selected seat
    QColor selectionMark;
    QColor focus;       // the keyboard focus ring
    QColor seatOutline; // transparent in the standard palette
    std::array<QColor, kSeatMapStateCount> fill;
    std::array<QColor, kSeatMapStateCount> mark;

    static SeatMapPalette standard();
    static SeatMapPalette highContrast();
    static SeatMapPalette forKind(Kind kind) { return kind == Kind::HighContrast ? highContrast() : standard(); }

    QColor stateFill(SeatMapState state) const { return fill[std::size_t(state)]; }
    QColor stateMark(SeatMapState state) const { return mark[std::size_t(state)]; }
    // From sold out (0) to all available (1).
    QColor availabilityFill(double fraction) const;

    static QString stateName(SeatMapState state); // "held by another buyer"
};

} // namespace usher::ui
