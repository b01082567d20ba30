#include "SeatMapModel.h"

#include "core/Assert.h"

namespace usher::ui {

SeatMapModel::SeatMapModel(const EventSpec& spec, const SeatMapPerspective& perspective, QObject* parent)
    : QObject(parent)
    , m_spec(spec)
    , m_perspective(perspective)
{
    USHER_ASSERT(m_spec.venue != nullptr);
    const Venue& v = venue();
    m_state.assign(v.seats.size(), SeatMapState::Available);
    m_info.assign(v.seats.size(), SeatInfo {});
    m_areas.resize(v.areas.size());
    for (std::size_t a = 0; a < v.areas.size(); ++a)
        m_areas[a].capacity = v.areas[a].capacity;
    m_sections.assign(v.sections.size(), SectionCounts {});
    for (const VenueSeat& seat : v.seats) {
        ++m_sections[seat.section].seats;
        ++m_sections[seat.section].sellable;
    }
}

Amount SeatMapModel::price(SeatIndex seat) const
{
    if (m_spec.priceTypes.empty() || m_spec.priceTable.empty())
        return kNotOffered;
    return m_spec.price(venue().seats[seat].category, 0);
}

SeatMapState SeatMapModel::stateOf(const SeatInfo& seat) const
{
    switch (seat.status) {
    case SeatStatus::Available:
        if (seat.allocation == kOpenPool)
            return SeatMapState::Available;
        return seat.allocation == m_perspective.channel ? SeatMapState::AllocatedToMe : SeatMapState::AllocatedToOthers;
    case SeatStatus::Held:
        return seat.holder.kind == m_perspective.actor.kind && seat.holder.id == m_perspective.actor.id
                && seat.holder.kind != ActorKind::None
            ? SeatMapState::HeldByMe
            : SeatMapState::HeldByOthers;
    case SeatStatus::Sold: return SeatMapState::Sold;
    case SeatStatus::Blocked: return SeatMapState::Blocked;
    }
    USHER_ASSERT(false);
    return SeatMapState::Blocked;
}

void SeatMapModel::count(SeatIndex seat, int sign)
{
    if (isSellableState(m_state[seat]))
        m_sections[venue().seats[seat].section].sellable += quint32(sign);
}

SeatMapState SeatMapModel::shown(SeatIndex seat) const
{
    const SeatInfo& info = m_info[seat];
    if (!m_overlay.empty() && m_overlay[seat] != kNoOverlay && info.status == SeatStatus::Available
        && info.allocation != m_perspective.channel)
        return SeatMapState(m_overlay[seat]);
    return stateOf(info);
}

void SeatMapModel::show(SeatIndex seat, SeatMapState state)
{
    if (state == m_state[seat])
        return;
    count(seat, -1);
    m_state[seat] = state;
    count(seat, +1);
}

void SeatMapModel::setOverlay(std::span<const std::pair<SeatIndex, std::optional<SeatMapState>>> seats)
{
    if (m_overlay.empty())
        m_overlay.assign(m_state.size(), kNoOverlay);
    m_changed.clear();
    for (const auto& [seat, state] : seats) {
        USHER_ASSERT(seat < m_overlay.size());
        m_overlay[seat] = state ? std::uint8_t(*state) : kNoOverlay;
        const SeatMapState after = shown(seat);
        if (after != m_state[seat]) {
            show(seat, after);
            m_changed.push_back(seat);
        }
    }
    if (!m_changed.empty())
        Q_EMIT seatsChanged(m_changed);
}

void SeatMapModel::clearOverlay()
{
    if (m_overlay.empty())
        return;
    std::vector<std::pair<SeatIndex, std::optional<SeatMapState>>> all;
    for (SeatIndex s = 0; s < m_overlay.size(); ++s)
        if (m_overlay[s] != kNoOverlay)
            all.emplace_back(s, std::nullopt);
    setOverlay(all);
    m_overlay.clear();
}

std::optional<SeatMapState> SeatMapModel::overlay(SeatIndex seat) const
{
    if (m_overlay.empty() || m_overlay[seat] == kNoOverlay)
        return std::nullopt;
    return SeatMapState(m_overlay[seat]);
}

void SeatMapModel::resetStates(std::vector<SeatInfo> seats, std::vector<AreaInfo> areas)
{
    USHER_ASSERT(seats.size() == m_state.size() && areas.size() == m_areas.size());
    m_info = std::move(seats);
    m_areas = std::move(areas);
    for (SectionCounts& s : m_sections)
        s.sellable = 0;
    for (SeatIndex s = 0; s < m_info.size(); ++s) {
        m_state[s] = shown(s);
        count(s, +1);
    }
    Q_EMIT reset();
}

void SeatMapModel::applyDeltas(std::span<const SeatDelta> seats, std::span<const AreaDelta> areas)
{
    m_changed.clear();
    for (const SeatDelta& d : seats) {
        USHER_ASSERT(d.seat < m_info.size());
        SeatInfo& info = m_info[d.seat];
        info.status = d.status;
        info.allocation = d.allocation;
        info.channel = d.channel;
        info.holder = d.holder;
        info.expiresAt = d.expiresAt;
        show(d.seat, shown(d.seat));
        m_changed.push_back(d.seat); // details (expiry, channel) may change without the state
    }
    for (const AreaDelta& d : areas) {
        USHER_ASSERT(d.area < m_areas.size());
        m_areas[d.area].held = d.held;
        m_areas[d.area].sold = d.sold;
    }
    if (!m_changed.empty())
        Q_EMIT seatsChanged(m_changed);
    if (!areas.empty())
        Q_EMIT areasChanged();
}

} // namespace usher::ui
