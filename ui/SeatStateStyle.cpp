#include "SeatStateStyle.h"

#include "core/Assert.h"

namespace usher::ui {

SeatDisplayState SeatStateStyle::displayState(SeatStatus status, ChannelId allocation)
{
    switch (status) {
    case SeatStatus::Available:
        return allocation == kOpenPool ? SeatDisplayState::Available : SeatDisplayState::Allocated;
    case SeatStatus::Held: return SeatDisplayState::Held;
    case SeatStatus::Sold: return SeatDisplayState::Sold;
    case SeatStatus::Blocked: return SeatDisplayState::Blocked;
    }
    USHER_ASSERT(false);
    return SeatDisplayState::Blocked;
}

QString SeatStateStyle::name(SeatDisplayState state)
{
    switch (state) {
    case SeatDisplayState::Available: return tr("available");
    case SeatDisplayState::Allocated: return tr("allocated to a channel");
    case SeatDisplayState::Held: return tr("held");
    case SeatDisplayState::Sold: return tr("sold");
    case SeatDisplayState::Blocked: return tr("blocked");
    }
    USHER_ASSERT(false);
    return {};
}

QString SeatStateStyle::glyph(SeatDisplayState state)
{
    // Geometric shapes from DejaVu Sans and every desktop's symbol font; no words, so nothing to translate.
    switch (state) {
    case SeatDisplayState::Available: return {};
    case SeatDisplayState::Allocated: return QStringLiteral("\u25C6"); // ◆
    case SeatDisplayState::Held: return QStringLiteral("\u25D0"); // ◐
    case SeatDisplayState::Sold: return QStringLiteral("\u25CF"); // ●
    case SeatDisplayState::Blocked: return QStringLiteral("\u2715"); // ✕
    }
    USHER_ASSERT(false);
    return {};
}

QString SeatStateStyle::cellText(const QString& seatNumber, SeatDisplayState state)
{
    const QString mark = glyph(state);
    // No space between number and glyph: it would cost three pixels a cell, and the 30 seats of
    // a typical row must fit across a 1280 pixel window.
    return seatNumber + mark;
}

QColor SeatStateStyle::background(SeatDisplayState state)
{
    // Light fills with black text, dark fills with white text: every pair has a contrast
    // of at least 4.5:1 (WCAG AA).
    switch (state) {
    case SeatDisplayState::Available: return QColor(0xa5, 0xd6, 0xa7); // green
    case SeatDisplayState::Allocated: return QColor(0x90, 0xca, 0xf9); // blue
    case SeatDisplayState::Held: return QColor(0xff, 0xcc, 0x80); // amber
    case SeatDisplayState::Sold: return QColor(0xc6, 0x28, 0x28); // red
    case SeatDisplayState::Blocked: return QColor(0x42, 0x42, 0x42); // dark grey
    }
    USHER_ASSERT(false);
    return {};
}

QColor SeatStateStyle::foreground(SeatDisplayState state)
{
    switch (state) {
    case SeatDisplayState::Sold:
    case SeatDisplayState::Blocked: return QColor(Qt::white);
    default: return QColor(Qt::black);
    }
}

} // namespace usher::ui
