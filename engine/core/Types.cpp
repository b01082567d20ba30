#include "core/Types.h"

#include "core/Assert.h"
#include "core/Random.h"

#include <sodium.h>

namespace usher {

IdempotencyKey IdempotencyKey::fromString(std::string_view text)
{
    initSodium();
    std::uint8_t digest[16];
    const int rc = crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(text.data()),
                                      text.size(), nullptr, 0);
    USHER_ASSERT(rc == 0);
    // Bytes 0..7 are `hi`, 8..15 are `lo`, each little-endian: the key is stable across machines.
    IdempotencyKey key;
    for (int i = 7; i >= 0; --i) {
        key.hi = (key.hi << 8) | digest[i];
        key.lo = (key.lo << 8) | digest[8 + i];
    }
    return key;
}

const char* seatStatusName(SeatStatus status)
{
    switch (status) {
    case SeatStatus::Available: return "available";
    case SeatStatus::Held: return "held";
    case SeatStatus::Sold: return "sold";
    case SeatStatus::Blocked: return "blocked";
    }
    return "unknown";
}

} // namespace usher
