#pragma once

// What the seat map shows of one event: the venue (immutable) and every seat's state as seen from
// one sales point ("me": an actor on a channel). It is fed by SeatMapFeed from the engine's
// published deltas, or directly by tests and benchmarks. GUI thread only.

#include "event/EventSpec.h"
#include "ledger/Ledger.h"

#include <QObject>
#include <QString>

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace usher::ui {

// The states a seat can show on the map. The numbers index palettes; keep them dense.
enum class SeatMapState : std::uint8_t {
    Available = 0,
    AllocatedToMe = 1,     // available, allocated to my channel: only I may sell it
    AllocatedToOthers = 2, // available, but allocated to another channel: I may not sell it
    HeldByMe = 3,
    HeldByOthers = 4,
    Sold = 5,
    Blocked = 6,
};
constexpr std::size_t kSeatMapStateCount = 7;
constexpr std::array<SeatMapState, kSeatMapStateCount> kSeatMapStates
    = { SeatMapState::Available, SeatMapState::AllocatedToMe, SeatMapState::AllocatedToOthers,
        SeatMapState::HeldByMe,  SeatMapState::HeldByOthers,  SeatMapState::Sold,
        SeatMapState::Blocked };

// Who is looking: holds by `actor` are "mine", seats allocated to `channel` are "mine to sell".
struct SeatMapPerspective {
    Actor actor;
    ChannelId channel = 0;
};

class SeatMapModel final : public QObject {
    Q_OBJECT

public:
    struct SeatInfo {
        SeatStatus status = SeatStatus::Available;
        ChannelId allocation = kOpenPool;
        ChannelId channel = 0;
        Actor holder;
        Timestamp expiresAt = 0;
    };
    struct AreaInfo {
        quint32 capacity = 0;
        quint32 held = 0;
        quint32 sold = 0;
        quint32 remaining() const { return capacity - held - sold; }
    };
    // Seats a clerk at this perspective could sell, per section (for the zoomed-out fills).
    struct SectionCounts {
        quint32 seats = 0;
        quint32 sellable = 0;
    };

    SeatMapModel(const EventSpec& spec, const SeatMapPerspective& perspective, QObject* parent = nullptr);

    const EventSpec& spec() const { return m_spec; }
    const Venue& venue() const { return *m_spec.venue; }
    const SeatMapPerspective& perspective() const { return m_perspective; }
    quint32 seatCount() const { return quint32(m_state.size()); }

    SeatMapState state(SeatIndex seat) const { return m_state[seat]; }
    const SeatInfo& info(SeatIndex seat) const { return m_info[seat]; }
    // Only these may be selected: available, or allocated to my channel.
    bool isSellable(SeatIndex seat) const { return isSellableState(m_state[seat]); }
    static bool isSellableState(SeatMapState state)
    {
        return state == SeatMapState::Available || state == SeatMapState::AllocatedToMe;
    }
    const AreaInfo& area(std::uint32_t index) const { return m_areas[index]; }
    const SectionCounts& sectionCounts(std::uint32_t section) const { return m_sections[section]; }
    // The price of `seat` for the event's first price type, kNotOffered when it is not sold.
    Amount price(SeatIndex seat) const;

    // Replaces everything (a load or a reload); emits reset().
    void resetStates(std::vector<SeatInfo> seats, std::vector<AreaInfo> areas);
    // Applies published deltas; emits seatsChanged() with the seats whose shown state or details
    // changed and areasChanged() when an area moved.
    void applyDeltas(std::span<const SeatDelta> seats, std::span<const AreaDelta> areas);

    // The state a seat shows from this perspective.
    SeatMapState stateOf(const SeatInfo& seat) const;

    // Sync (ui/sync/CentralSeatOverlay): central's state for seats this sales point does not own.
    // While the local ledger has such a seat available and not allocated to my channel, the seat
    // shows `state` instead (a seat sold online turns sold); std::nullopt removes it. Emits
    // seatsChanged() for the seats whose shown state changed.
    void setOverlay(std::span<const std::pair<SeatIndex, std::optional<SeatMapState>>> seats);
    void clearOverlay();
    std::optional<SeatMapState> overlay(SeatIndex seat) const;

Q_SIGNALS:
    void seatsChanged(const std::vector<usher::SeatIndex>& seats);
    void areasChanged();
    void reset();

private:
    void count(SeatIndex seat, int sign);
    SeatMapState shown(SeatIndex seat) const;
    void show(SeatIndex seat, SeatMapState state);

    static constexpr std::uint8_t kNoOverlay = 0xFF;

    EventSpec m_spec;
    SeatMapPerspective m_perspective;
    std::vector<SeatMapState> m_state; // per seat, what it shows (hot: the painter reads it)
    std::vector<SeatInfo> m_info;      // per seat, details for tooltips and accessibility
    std::vector<AreaInfo> m_areas;
    std::vector<SectionCounts> m_sections;
    std::vector<SeatIndex> m_changed; // scratch for seatsChanged
    std::vector<std::uint8_t> m_overlay; // per seat, a SeatMapState or kNoOverlay; empty: none at all
};

} // namespace usher::ui
