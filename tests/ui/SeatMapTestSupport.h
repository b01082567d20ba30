#pragma once

// Shared by the seat-map tests: an event on a small test venue, a map widget showing it from the
// counter clerk's perspective, and ways to set seat states without an engine.

#include "SeatMapModel.h"
#include "SeatMapWidget.h"
#include "core/Assert.h"
#include "support/TestEvents.h"

#include <QApplication>
#include <QTest>

#include <limits>
#include <memory>
#include <vector>

namespace usher::test {

constexpr ChannelId kOnlineChannel = 1;
constexpr ChannelId kBoxOfficeChannel = 2;

inline ui::SeatMapPerspective counterClerk()
{
    return { Actor { ActorKind::Clerk, 7 }, kBoxOfficeChannel };
}

// An EventSpec for any venue: one price type, category i costs 20.00 + 10.00 * i EUR, channels
// 1 Online and 2 Box office.
inline EventSpec makeSpecFor(std::shared_ptr<Venue> venue)
{
    EventSpec spec;
    spec.id = 1;
    spec.name = "Seat map test";
    spec.startsAt = 1'900'000'000'000;
    spec.venue = std::move(venue);
    spec.priceTypes = { { "adult", "Adult" } };
    for (std::size_t c = 0; c < spec.venue->categories.size(); ++c)
        spec.prices.push_back({ spec.venue->categories[c].key, { Amount(2000 + 1000 * c) } });
    constexpr Timestamp offsale = std::numeric_limits<Timestamp>::max() / 2;
    spec.channels = { { kOnlineChannel, "Online", ChannelKind::Online, 0, offsale },
                      { kBoxOfficeChannel, "Box office", ChannelKind::BoxOffice, 0, offsale } };
    const std::string problem = spec.finalize();
    USHER_ASSERT(problem.empty());
    return spec;
}

inline SeatDelta seatState(SeatIndex seat, SeatStatus status, ChannelId allocation = kOpenPool, Actor holder = Actor {},
                           Timestamp expiresAt = 0)
{
    SeatDelta d;
    d.seat = seat;
    d.status = status;
    d.allocation = allocation;
    d.channel = status == SeatStatus::Held || status == SeatStatus::Sold ? kOnlineChannel : 0;
    d.holder = holder;
    d.expiresAt = expiresAt;
    return d;
}

inline void setStates(ui::SeatMapModel& model, const std::vector<SeatDelta>& deltas)
{
    model.applyDeltas(deltas, {});
}

// A model and a shown widget of `size` on it.
struct MapFixture {
    EventSpec spec;
    std::unique_ptr<ui::SeatMapModel> model;
    std::unique_ptr<ui::SeatMapWidget> map;

    explicit MapFixture(EventSpec eventSpec, QSize size = QSize(800, 500))
        : spec(std::move(eventSpec))
        , model(std::make_unique<ui::SeatMapModel>(spec, counterClerk()))
        , map(std::make_unique<ui::SeatMapWidget>(*model))
    {
        map->resize(size);
        map->show();
        QApplication::processEvents();
    }
    ~MapFixture() { map.reset(); }
    MapFixture(const MapFixture&) = delete;
    MapFixture& operator=(const MapFixture&) = delete;

    QPointF seatPos(SeatIndex seat) const { return map->view().toView(map->layout().position(seat)); }
    // Zooms so that a seat is `px` logical pixels wide, centred on `seat`.
    void zoomSeatPx(double px, SeatIndex seat)
    {
        map->setView(px / double(map->layout().seatSize()), map->layout().position(seat));
    }
};

} // namespace usher::test
