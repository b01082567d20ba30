#include "SeatMapPalette.h"

#include "core/Assert.h"

#include <algorithm>

namespace usher::ui {

namespace {
QColor mix(const QColor& a, const QColor& b, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

std::size_t at(SeatMapState state)
{
    return std::size_t(state);
}
} // namespace

SeatMapPalette SeatMapPalette::standard()
{
    SeatMapPalette p;
    p.kind = Kind::Standard;
    p.background = QColor(0xf4, 0xf3, 0xef);
    p.sectionFill = QColor(0xe6, 0xe4, 0xdc);
    p.sectionOutline = QColor(0x9a, 0x96, 0x8a);
    p.sectionSoldOut = QColor(0xd5, 0x5e, 0x00);   // vermilion
    p.sectionAvailable = QColor(0x00, 0x9e, 0x73); // bluish green
    p.stage = QColor(0x3a, 0x3a, 0x46);
    p.stageText = QColor(Qt::white);
    p.areaFill = QColor(0xd8, 0xe6, 0xf0);
    p.areaOutline = QColor(0x56, 0x7a, 0x94);
    p.text = QColor(0x2a, 0x2a, 0x2a);
    p.selection = QColor(0x7b, 0x2f, 0xbe); // purple: no state uses it
    p.selectionMark = QColor(Qt::white);
    p.focus = QColor(0x10, 0x10, 0x10);
    p.seatOutline = QColor(0, 0, 0, 0);
    p.fill[at(SeatMapState::Available)] = QColor(0x00, 0x9e, 0x73);
    p.fill[at(SeatMapState::AllocatedToMe)] = QColor(0x56, 0xb4, 0xe9);
    p.fill[at(SeatMapState::AllocatedToOthers)] = QColor(0xb8, 0xc4, 0xcc);
    p.fill[at(SeatMapState::HeldByMe)] = QColor(0xf0, 0xe4, 0x42);
    p.fill[at(SeatMapState::HeldByOthers)] = QColor(0xe6, 0x9f, 0x00);
    p.fill[at(SeatMapState::Sold)] = QColor(0x8c, 0x8c, 0x8c);
    p.fill[at(SeatMapState::Blocked)] = QColor(0x3c, 0x3c, 0x3c);
    p.mark[at(SeatMapState::Available)] = QColor(Qt::white);
    p.mark[at(SeatMapState::AllocatedToMe)] = QColor(0x0b, 0x2e, 0x4a);
    p.mark[at(SeatMapState::AllocatedToOthers)] = QColor(0x2f, 0x3b, 0x44);
    p.mark[at(SeatMapState::HeldByMe)] = QColor(0x20, 0x20, 0x20);
    p.mark[at(SeatMapState::HeldByOthers)] = QColor(0x20, 0x20, 0x20);
    p.mark[at(SeatMapState::Sold)] = QColor(Qt::white);
    p.mark[at(SeatMapState::Blocked)] = QColor(Qt::white);
    return p;
}

SeatMapPalette SeatMapPalette::highContrast()
{
    SeatMapPalette p;
    p.kind = Kind::HighContrast;
    p.background = QColor(Qt::black);
    p.sectionFill = QColor(0x1a, 0x1a, 0x1a);
    p.sectionOutline = QColor(Qt::white);
    p.sectionSoldOut = QColor(0x40, 0x40, 0x40);
    p.sectionAvailable = QColor(0x00, 0xff, 0x66);
    p.stage = QColor(Qt::white);
    p.stageText = QColor(Qt::black);
    p.areaFill = QColor(0x00, 0x33, 0x66);
    p.areaOutline = QColor(Qt::white);
    p.text = QColor(Qt::white);
    p.selection = QColor(0xff, 0x00, 0xff);
    p.selectionMark = QColor(Qt::black);
    p.focus = QColor(0xff, 0xff, 0x00);
    p.seatOutline = QColor(Qt::white);
    p.fill[at(SeatMapState::Available)] = QColor(0x00, 0xff, 0x66);
    p.fill[at(SeatMapState::AllocatedToMe)] = QColor(0x00, 0xcc, 0xff);
    p.fill[at(SeatMapState::AllocatedToOthers)] = QColor(0x55, 0x55, 0x77);
    p.fill[at(SeatMapState::HeldByMe)] = QColor(0xff, 0xff, 0x00);
    p.fill[at(SeatMapState::HeldByOthers)] = QColor(0xff, 0x99, 0x00);
    p.fill[at(SeatMapState::Sold)] = QColor(Qt::black);
    p.fill[at(SeatMapState::Blocked)] = QColor(0xcc, 0x00, 0x00);
    p.mark[at(SeatMapState::Available)] = QColor(Qt::black);
    p.mark[at(SeatMapState::AllocatedToMe)] = QColor(Qt::black);
    p.mark[at(SeatMapState::AllocatedToOthers)] = QColor(Qt::white);
    p.mark[at(SeatMapState::HeldByMe)] = QColor(Qt::black);
    p.mark[at(SeatMapState::HeldByOthers)] = QColor(Qt::black);
    p.mark[at(SeatMapState::Sold)] = QColor(Qt::white);
    p.mark[at(SeatMapState::Blocked)] = QColor(Qt::white);
    return p;
}

QColor SeatMapPalette::availabilityFill(double fraction) const
{
    return mix(sectionSoldOut, sectionAvailable, fraction);
}

QString SeatMapPalette::stateName(SeatMapState state)
{
    switch (state) {
    case SeatMapState::Available: return tr("available");
    case SeatMapState::AllocatedToMe: return tr("allocated to this box office");
    case SeatMapState::AllocatedToOthers: return tr("allocated to another channel");
    case SeatMapState::HeldByMe: return tr("held by me");
    case SeatMapState::HeldByOthers: return tr("held by someone else");
    case SeatMapState::Sold: return tr("sold");
    case SeatMapState::Blocked: return tr("blocked");
    }
    USHER_ASSERT(false);
    return {};
}

} // namespace usher::ui
