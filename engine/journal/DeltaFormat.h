#pragma once

// The outbox payload: the seat and area deltas of one batch, as the publisher sends them on.
//
//   u8 version (1) | u32 seat count | u32 area count | seat delta... | area delta...
//
//   seat delta: u32 seat index | u8 status (bit 7: a holder follows) | u16 allocation | u16 channel
//               [| u8 actor kind | u64 actor id]
//   area delta: u32 area index | u32 available | u32 held | u32 sold
//
// Little-endian, fixed width. The holder is omitted when it is {None, 0} (every seat that is not
// held), which keeps a sold-out batch at 9 bytes a seat.

#include "ledger/Ledger.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace usher {

constexpr std::uint8_t kDeltaFormatVersion = 1;

std::vector<std::uint8_t> encodeDeltas(const std::vector<SeatDelta>& seats, const std::vector<AreaDelta>& areas);

// False when the bytes are not exactly one payload of a known version (truncated, trailing bytes,
// unknown seat status or actor kind, non-canonical holder); *seats and *areas are untouched then.
bool decodeDeltas(const std::uint8_t* data, std::size_t size, std::vector<SeatDelta>* seats,
                  std::vector<AreaDelta>* areas);

} // namespace usher
