#include "sync/CentralSeatOverlay.h"

#include "SeatMapModel.h"
#include "syncclient/CentralSeatFeed.h"

#include <optional>
#include <utility>
#include <vector>

namespace usher::ui {

namespace {

// CentralSeatFeed's digits ('0' available, '1' held, '2' sold, '3' blocked, '?' unknown). An
// available or unknown seat shows what the local ledger says.
std::optional<SeatMapState> overlayOf(char state)
{
    switch (state) {
    case '1': return SeatMapState::HeldByOthers;
    case '2': return SeatMapState::Sold;
    case '3': return SeatMapState::Blocked;
    default: return std::nullopt;
    }
}

} // namespace

CentralSeatOverlay::CentralSeatOverlay(CentralSeatFeed& feed, SeatMapModel& model, EventId event, QObject* parent)
    : QObject(parent)
    , m_feed(&feed)
    , m_model(&model)
    , m_event(event)
{
    connect(&feed, &CentralSeatFeed::snapshotReceived, this, &CentralSeatOverlay::snapshot);
    connect(&feed, &CentralSeatFeed::seatsChanged, this, &CentralSeatOverlay::changed);
    feed.subscribe(event, model.spec().venue);
    if (!feed.states(event).empty())
        snapshot(event, feed.seq(event));
}

void CentralSeatOverlay::snapshot(quint64 event, quint64 seq)
{
    CentralSeatFeed* feed = m_feed.data();
    SeatMapModel* model = m_model.data();
    if (event != m_event || feed == nullptr || model == nullptr)
        return;
    const std::string& states = feed->states(m_event);
    const quint32 count = model->seatCount();
    std::vector<std::pair<SeatIndex, std::optional<SeatMapState>>> seats;
    seats.reserve(count);
    for (SeatIndex s = 0; s < count; ++s)
        seats.emplace_back(s, overlayOf(s < states.size() ? states[s] : '?'));
    model->setOverlay(seats);
    m_applied += count;
    Q_EMIT overlayApplied(seq);
}

void CentralSeatOverlay::changed(quint64 event, quint64 seq, const QList<quint32>& ids)
{
    CentralSeatFeed* feed = m_feed.data();
    SeatMapModel* model = m_model.data();
    if (event != m_event || feed == nullptr || model == nullptr)
        return;
    const Venue& venue = model->venue();
    std::vector<std::pair<SeatIndex, std::optional<SeatMapState>>> seats;
    seats.reserve(std::size_t(ids.size()));
    for (const quint32 id : ids) {
        const SeatIndex index = venue.seatIndex(SeatId(id));
        if (index == kNoSeat || index >= model->seatCount())
            continue;
        seats.emplace_back(index, overlayOf(feed->state(m_event, SeatId(id))));
    }
    model->setOverlay(seats);
    m_applied += seats.size();
    Q_EMIT overlayApplied(seq);
}

} // namespace usher::ui
