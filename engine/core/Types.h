#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace usher {

using SeatId = std::uint32_t;    // stable id from the venue file
using SeatIndex = std::uint32_t; // dense position inside one venue snapshot
using AreaId = std::uint32_t;    // general-admission area id from the venue file
using ChannelId = std::uint16_t; // 0 means "no channel" (for allocations: the open pool)
using EventId = std::uint64_t;
using HoldId = std::uint64_t;    // (generation << 32) | slot; 0 is never a valid hold
using OrderId = std::uint64_t;   // 1-based, dense per event
using TicketId = std::uint64_t;  // 1-based, dense per event
using Seq = std::uint64_t;       // journal record sequence number, 1-based, dense per event
using Timestamp = std::int64_t;  // milliseconds since the Unix epoch, UTC
using Amount = std::int64_t;     // money in integer minor units of the event's currency

constexpr SeatIndex kNoSeat = 0xffffffffu;
constexpr std::uint32_t kNoArea = 0xffffffffu; // "no area" where an area index is expected
constexpr ChannelId kOpenPool = 0;

// Who acted. The ledger uses the kind for defence-in-depth role checks; usherd and the app map
// their sessions and accounts onto it.
enum class ActorKind : std::uint8_t {
    None = 0,
    Buyer = 1,
    Clerk = 2,
    Device = 3,
    Promoter = 4,
    Admin = 5,
    System = 6,
};

struct Actor {
    ActorKind kind = ActorKind::None;
    std::uint64_t id = 0;

    bool isStaff() const { return kind == ActorKind::Clerk || kind == ActorKind::Device || isManager(); }
    bool isManager() const
    {
        return kind == ActorKind::Promoter || kind == ActorKind::Admin || kind == ActorKind::System;
    }
    friend bool operator==(const Actor&, const Actor&) = default;
};

// 128-bit idempotency key. Clients send strings; fromString hashes them (BLAKE2b-128).
struct IdempotencyKey {
    std::uint64_t hi = 0;
    std::uint64_t lo = 0;

    bool isNull() const { return hi == 0 && lo == 0; }
    static IdempotencyKey fromString(std::string_view text);
    friend bool operator==(const IdempotencyKey&, const IdempotencyKey&) = default;
    // No <=>: Qt 6.4's moc cannot parse <compare> in files it scans (tests with Q_OBJECT).
    friend bool operator<(const IdempotencyKey& a, const IdempotencyKey& b)
    {
        return a.hi != b.hi ? a.hi < b.hi : a.lo < b.lo;
    }
};

// The state a seat is in. Allocation to a channel is orthogonal (see SeatView::allocation).
enum class SeatStatus : std::uint8_t {
    Available = 0,
    Held = 1,
    Sold = 2,
    Blocked = 3,
};

const char* seatStatusName(SeatStatus status);

} // namespace usher
