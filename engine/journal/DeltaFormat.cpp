#include "journal/DeltaFormat.h"

#include "core/Assert.h"
#include "journal/ByteWriter.h"

namespace usher {
namespace {

constexpr std::uint8_t kHolderFlag = 0x80;
constexpr std::uint8_t kSeatStatusMax = static_cast<std::uint8_t>(SeatStatus::Blocked);
constexpr std::uint8_t kActorKindMax = static_cast<std::uint8_t>(ActorKind::System);
constexpr std::size_t kSeatDeltaBytesMin = 4 + 1 + 2 + 2;
constexpr std::size_t kHolderBytes = 1 + 8;
constexpr std::size_t kAreaDeltaBytes = 4 * 4;

bool hasHolder(const Actor& holder)
{
    return holder.kind != ActorKind::None || holder.id != 0;
}

void encodeSeat(ByteWriter& w, const SeatDelta& d)
{
    const auto status = static_cast<std::uint8_t>(d.status);
    USHER_ASSERT(status <= kSeatStatusMax);
    USHER_ASSERT(static_cast<std::uint8_t>(d.holder.kind) <= kActorKindMax);
    const bool holder = hasHolder(d.holder);
    w.put<std::uint32_t>(d.seat);
    w.put<std::uint8_t>(holder ? std::uint8_t(status | kHolderFlag) : status);
    w.put<ChannelId>(d.allocation);
    w.put<ChannelId>(d.channel);
    if (holder) {
        w.put<std::uint8_t>(static_cast<std::uint8_t>(d.holder.kind));
        w.put<std::uint64_t>(d.holder.id);
    }
}

bool decodeSeat(ByteReader& r, SeatDelta* d)
{
    d->seat = r.get<std::uint32_t>();
    const auto status = r.get<std::uint8_t>();
    d->allocation = r.get<ChannelId>();
    d->channel = r.get<ChannelId>();
    if ((status & ~kHolderFlag) > kSeatStatusMax)
        return false;
    d->status = static_cast<SeatStatus>(status & ~kHolderFlag);
    d->holder = Actor {};
    if ((status & kHolderFlag) != 0) {
        const auto kind = r.get<std::uint8_t>();
        d->holder.id = r.get<std::uint64_t>();
        if (kind > kActorKindMax)
            return false;
        d->holder.kind = static_cast<ActorKind>(kind);
        if (!hasHolder(d->holder))
            return false; // a {None, 0} holder is always omitted
    }
    return r.ok();
}

} // namespace

std::vector<std::uint8_t> encodeDeltas(const std::vector<SeatDelta>& seats, const std::vector<AreaDelta>& areas)
{
    USHER_ASSERT(seats.size() <= 0xffffffffu && areas.size() <= 0xffffffffu);
    std::vector<std::uint8_t> out;
    out.reserve(1 + 4 + 4 + seats.size() * (kSeatDeltaBytesMin + kHolderBytes) + areas.size() * kAreaDeltaBytes);
    ByteWriter w(&out);
    w.put<std::uint8_t>(kDeltaFormatVersion);
    w.put<std::uint32_t>(static_cast<std::uint32_t>(seats.size()));
    w.put<std::uint32_t>(static_cast<std::uint32_t>(areas.size()));
    for (const SeatDelta& d : seats)
        encodeSeat(w, d);
    for (const AreaDelta& d : areas) {
        w.put<std::uint32_t>(d.area);
        w.put<std::uint32_t>(d.available);
        w.put<std::uint32_t>(d.held);
        w.put<std::uint32_t>(d.sold);
    }
    return out;
}

bool decodeDeltas(const std::uint8_t* data, std::size_t size, std::vector<SeatDelta>* seats,
                  std::vector<AreaDelta>* areas)
{
    USHER_ASSERT(data != nullptr || size == 0);
    USHER_ASSERT(seats != nullptr && areas != nullptr);
    ByteReader r(data, size);
    const auto version = r.get<std::uint8_t>();
    const auto seatCount = r.get<std::uint32_t>();
    const auto areaCount = r.get<std::uint32_t>();
    if (!r.ok() || version != kDeltaFormatVersion)
        return false;
    // The counts come from the input: bound them by the bytes left before allocating anything.
    const std::size_t bytesMin = std::size_t(seatCount) * kSeatDeltaBytesMin + std::size_t(areaCount) * kAreaDeltaBytes;
    if (bytesMin > r.remaining())
        return false;
    std::vector<SeatDelta> seatOut(seatCount);
    for (SeatDelta& d : seatOut) {
        if (!decodeSeat(r, &d))
            return false;
    }
    std::vector<AreaDelta> areaOut(areaCount);
    for (AreaDelta& d : areaOut) {
        d.area = r.get<std::uint32_t>();
        d.available = r.get<std::uint32_t>();
        d.held = r.get<std::uint32_t>();
        d.sold = r.get<std::uint32_t>();
    }
    if (!r.ok() || !r.atEnd())
        return false;
    seats->swap(seatOut);
    areas->swap(areaOut);
    return true;
}

} // namespace usher
