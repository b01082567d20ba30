#include "SeatMapFeed.h"

#include "core/Assert.h"

#include <QMetaObject>

namespace usher::ui {

SeatMapFeed::SeatMapFeed(EventShard& shard, SeatMapModel& model, QObject* parent)
    : QObject(parent)
    , m_shard(shard)
    , m_model(model)
    , m_inbox(std::make_shared<PublishedInbox>(kInboxDeltasMax))
{
    USHER_ASSERT(shard.spec().venue == model.spec().venue);
    // Subscribe, then read: a delta published in between is either in what we read (not newer, so
    // drain() skips it) or newer, and then it is applied.
    m_subscription = m_shard.subscribe([this](const Published& published) { receive(published); });
    load();
}

SeatMapFeed::~SeatMapFeed()
{
    m_shard.unsubscribe(m_subscription); // waits for a running receive()
}

void SeatMapFeed::receive(const Published& published)
{
    if (m_inbox->push(published))
        QMetaObject::invokeMethod(this, &SeatMapFeed::drain, Qt::QueuedConnection);
}

void SeatMapFeed::drain()
{
    PublishedInbox::Taken taken = m_inbox->take();
    if (taken.reload)
        load();
    if (!m_loaded)
        return;
    // One apply (so one seatsChanged, one repaint) per drain, however many batches arrived.
    std::vector<SeatDelta> seats;
    std::vector<AreaDelta> areas;
    for (auto it = taken.batches.begin(); it != taken.batches.end(); ++it) {
        if (it->lastSeq <= m_seq)
            continue;
        m_seq = it->lastSeq;
        seats.insert(seats.end(), it->seats.begin(), it->seats.end());
        areas.insert(areas.end(), it->areas.begin(), it->areas.end());
    }
    if (!seats.empty() || !areas.empty())
        m_model.applyDeltas(seats, areas);
}

bool SeatMapFeed::load()
{
    const Venue& venue = m_model.venue();
    std::vector<SeatMapModel::SeatInfo> seats(venue.seats.size());
    std::vector<SeatMapModel::AreaInfo> areas(venue.areas.size());
    m_loaded = m_shard.read([&](const Ledger& ledger) {
        for (SeatIndex s = 0; s < seats.size(); ++s) {
            const SeatView view = ledger.seat(s);
            seats[s] = { view.status, view.allocation, view.channel, view.holder, view.expiresAt };
        }
        for (std::uint32_t a = 0; a < areas.size(); ++a) {
            areas[a].capacity = venue.areas[a].capacity;
            for (const AreaPool& pool : ledger.areaPools(a))
                areas[a].held += pool.held, areas[a].sold += pool.sold;
        }
        m_seq = ledger.lastSeq();
    });
    if (m_loaded)
        m_model.resetStates(std::move(seats), std::move(areas));
    return m_loaded;
}

} // namespace usher::ui
