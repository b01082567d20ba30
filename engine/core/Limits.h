#pragma once

#include <cstddef>
#include <cstdint>

// Hard limits. Configurable limits (hold duration, tickets per order...) live in EventSpec and
// EngineOptions and are checked against these.
namespace usher::limits {

constexpr std::uint32_t venueSeatsMax = 2'000'000;
constexpr std::uint32_t venueAreasMax = 1'000;
constexpr std::uint32_t areaCapacityMax = 1'000'000;
constexpr std::uint32_t venueCategoriesMax = 64;
constexpr std::uint32_t rowSeatsMax = 10'000;
constexpr std::uint32_t orderTicketsMax = 64;       // upper bound for EventSpec::ticketsPerOrderMax
constexpr std::uint32_t priceTypesMax = 16;
constexpr std::uint32_t channelsMax = 1'000;
constexpr std::uint32_t commandSeatsMax = 4'096;    // block/allocate take many seats at once
constexpr std::size_t textBytesMax = 1'024;          // reasons, payment references, buyer fields
constexpr std::size_t venueFileBytesMax = 512u << 20;
constexpr std::int64_t holdSecondsMax = 24 * 3600;

} // namespace usher::limits
