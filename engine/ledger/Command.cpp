#include "ledger/Command.h"

#include "core/Assert.h"

#include <bit>
#include <cstring>
#include <type_traits>

namespace usher {

const char* commandKindName(CommandKind kind)
{
    switch (kind) {
    case CommandKind::HoldSeats: return "hold_seats";
    case CommandKind::HoldBestAvailable: return "hold_best_available";
    case CommandKind::HoldArea: return "hold_area";
    case CommandKind::Release: return "release";
    case CommandKind::Extend: return "extend";
    case CommandKind::InitiatePayment: return "initiate_payment";
    case CommandKind::FailPayment: return "fail_payment";
    case CommandKind::Confirm: return "confirm";
    case CommandKind::Refund: return "refund";
    case CommandKind::Exchange: return "exchange";
    case CommandKind::Block: return "block";
    case CommandKind::Unblock: return "unblock";
    case CommandKind::AllocateSeats: return "allocate_seats";
    case CommandKind::DeallocateSeats: return "deallocate_seats";
    case CommandKind::AllocateArea: return "allocate_area";
    case CommandKind::DeallocateArea: return "deallocate_area";
    case CommandKind::Expire: return "expire";
    case CommandKind::Reissue: return "reissue";
    case CommandKind::UpdateEvent: return "update_event";
    }
    return "unknown";
}

namespace {

// A word-at-a-time hash over a canonical encoding: every scalar widened to 64 bits, every vector
// and string prefixed with its length, so that no two different argument lists encode alike. It
// runs once per command on the ledger's hot path, hence 64-bit words rather than bytes. The
// fingerprint is stored in the journal, so the encoding must never change.
class Fingerprint {
public:
    template <typename T>
    void add(T value)
    {
        static_assert(std::is_integral_v<T> || std::is_enum_v<T>);
        mix(static_cast<std::uint64_t>(value));
    }
    template <typename T>
    void addAll(const std::vector<T>& values)
    {
        mix(values.size());
        for (const T& value : values)
            mix(static_cast<std::uint64_t>(value));
    }
    void addText(const std::string& text)
    {
        const std::size_t size = text.size();
        const char* data = text.data();
        mix(size);
        std::size_t i = 0;
        for (; i + 8 <= size; i += 8)
            mix(load<std::uint64_t>(data + i));
        mix(tailWord(data + i, size - i));
    }
    // Version 2's packing (fingerprintV2): two 32-bit values in one word; 32-bit values two to a
    // word and bytes eight to a word, the last word zero-padded, with no length (the caller has
    // mixed every length before the content it sizes).
    void addPair(std::uint64_t low, std::uint64_t high) { mix((low & 0xffffffffu) | (high << 32)); }
    template <typename T>
    void addNarrow(const T* values, std::size_t count)
    {
        static_assert(sizeof(T) == 4);
        std::size_t i = 0;
        for (; i + 2 <= count; i += 2)
            addPair(values[i], values[i + 1]);
        if (i < count)
            add(values[i]);
    }
    [[gnu::always_inline]] void addBytes(const void* data, std::size_t size)
    {
        if (size == 0) // most texts
            return;
        const auto* at = static_cast<const char*>(data);
        std::size_t i = 0;
        for (; i + 8 <= size; i += 8)
            mix(load<std::uint64_t>(at + i));
        if (i < size)
            mix(tailWord(at + i, size - i));
    }
    std::uint64_t value() const
    {
        // Final avalanche (murmur3 fmix64) so that every input bit reaches every output bit.
        std::uint64_t h = m_hash;
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdull;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53ull;
        h ^= h >> 33;
        return h;
    }

private:
    template <typename T>
    static std::uint64_t load(const char* at)
    {
        T word;
        std::memcpy(&word, at, sizeof(T));
        return word;
    }
    // The last `n` (0-8) bytes of a text as a little-endian word. On a little-endian host two
    // overlapping fixed-size loads (equal bytes where they overlap, so OR is exact) instead of a
    // byte loop: no byte past the text is read, and a fixed-size memcpy is a single load.
    static std::uint64_t tailWord(const char* at, std::size_t n)
    {
        if (n == 0) // most texts: empty ones, and those of a multiple of 8 bytes
            return 0;
        if constexpr (std::endian::native == std::endian::little) {
            if (n >= 4)
                return load<std::uint32_t>(at) | (load<std::uint32_t>(at + n - 4) << (8 * (n - 4)));
            if (n >= 2)
                return load<std::uint16_t>(at) | (load<std::uint16_t>(at + n - 2) << (8 * (n - 2)));
            return static_cast<unsigned char>(at[0]);
        } else {
            std::uint64_t tail = 0;
            for (std::size_t j = n; j > 0; --j)
                tail = (tail << 8) | static_cast<unsigned char>(at[j - 1]);
            return tail;
        }
    }

    void mix(std::uint64_t word)
    {
        m_hash = (m_hash ^ word) * 0x9e3779b97f4a7c15ull;
        m_hash ^= m_hash >> 29;
    }

    std::uint64_t m_hash = 0xcbf29ce484222325ull;
};

} // namespace

// Only the fields the kind uses (see Command.h), so a retry that differs in an unused field is
// still the same command. Version 1: one word per scalar, length and element; the journals written
// before version 2 hold these values.
[[gnu::noinline]] static std::uint64_t fingerprintV1(const Command& c)
{
    Fingerprint h;
    h.add(c.kind);
    h.add(c.actor.kind);
    h.add(c.actor.id);
    h.add(c.channel);
    switch (c.kind) {
    case CommandKind::HoldSeats:
    case CommandKind::Block:
    case CommandKind::Unblock:
        h.addAll(c.seats);
        h.addText(c.text);
        if (c.openPoolOnly) // only when set: the fingerprints of every other command stay as they were
            h.add(1u);
        break;
    case CommandKind::HoldBestAvailable:
        if (c.openPoolOnly)
            h.add(1u);
        h.add(c.best.quantity);
        h.add(c.best.category);
        h.add(std::uint8_t(c.best.together));
        h.add(std::uint8_t(c.best.accessible));
        break;
    case CommandKind::HoldArea:
        h.add(c.area);
        h.add(c.quantity);
        if (c.openPoolOnly)
            h.add(1u);
        break;
    case CommandKind::Release:
        h.add(c.hold);
        break;
    case CommandKind::Extend:
        h.add(c.hold);
        h.add(c.seconds);
        break;
    case CommandKind::InitiatePayment:
        h.add(c.hold);
        h.add(c.amount);
        h.addText(c.text);
        break;
    case CommandKind::FailPayment:
        h.add(c.hold);
        h.addText(c.text);
        break;
    case CommandKind::Confirm:
        h.add(c.hold);
        h.addAll(c.priceTypes);
        h.add(c.amount);
        h.addText(c.text);
        h.addText(c.buyer.name);
        h.addText(c.buyer.email);
        h.addText(c.buyer.phone);
        break;
    case CommandKind::Refund:
    case CommandKind::Exchange:
        h.add(c.order);
        h.addAll(c.tickets);
        h.addAll(c.seats);
        h.add(c.amount);
        h.addText(c.text);
        break;
    case CommandKind::AllocateSeats:
    case CommandKind::DeallocateSeats:
        h.addAll(c.seats);
        h.add(c.target);
        break;
    case CommandKind::AllocateArea:
    case CommandKind::DeallocateArea:
        h.add(c.area);
        h.add(c.quantity);
        h.add(c.target);
        break;
    case CommandKind::Reissue:
        h.add(c.order);
        h.addAll(c.tickets);
        h.addText(c.text);
        break;
    case CommandKind::Expire:
    case CommandKind::UpdateEvent:
        break;
    }
    return h.value();
}

// Version 2: the same fields as version 1, each length before the content it sizes, packed
// densely: kind, actor kind and channel in one word; lengths, seat ids and other 32-bit values two
// to a word; price types and text bytes eight to a word, after all the lengths; the open-pool flag
// of a hold a word of its own, only when set. A confirm of the bench mixes 8 words where version 1
// mixed 16, a one-seat hold 4 where it mixed 8: the mixing is a chain of dependent multiplies on
// every command's path. Lengths are below 2^32 (texts are capped at limits::textBytesMax, requests
// far below 4 GiB).
static std::uint64_t fingerprintV2(const Command& c)
{
    Fingerprint h;
    h.add(std::uint64_t(c.kind) | std::uint64_t(c.actor.kind) << 8 | std::uint64_t(c.channel) << 32);
    h.add(c.actor.id);
    switch (c.kind) {
    case CommandKind::HoldSeats:
    case CommandKind::Block:
    case CommandKind::Unblock:
        h.addPair(c.seats.size(), c.text.size());
        h.addNarrow(c.seats.data(), c.seats.size());
        h.addBytes(c.text.data(), c.text.size());
        if (c.openPoolOnly)
            h.add(1u);
        break;
    case CommandKind::HoldBestAvailable:
        h.addPair(c.best.quantity,
                  std::uint64_t(c.best.category) | std::uint64_t(c.best.together) << 16
                      | std::uint64_t(c.best.accessible) << 24 | std::uint64_t(c.openPoolOnly) << 25);
        break;
    case CommandKind::HoldArea:
        h.addPair(c.area, c.quantity);
        if (c.openPoolOnly)
            h.add(1u);
        break;
    case CommandKind::AllocateArea:
    case CommandKind::DeallocateArea:
        h.addPair(c.area, c.quantity);
        h.add(c.target);
        break;
    case CommandKind::Release:
        h.add(c.hold);
        break;
    case CommandKind::Extend:
        h.add(c.hold);
        h.add(c.seconds);
        break;
    case CommandKind::InitiatePayment:
    case CommandKind::FailPayment:
        h.add(c.hold);
        if (c.kind == CommandKind::InitiatePayment)
            h.add(c.amount);
        h.add(c.text.size());
        h.addBytes(c.text.data(), c.text.size());
        break;
    case CommandKind::Confirm:
        h.add(c.hold);
        h.add(c.amount);
        h.addPair(c.text.size(), c.buyer.name.size());
        h.addPair(c.buyer.email.size(), c.buyer.phone.size());
        h.add(c.priceTypes.size());
        h.addBytes(c.priceTypes.data(), c.priceTypes.size());
        h.addBytes(c.text.data(), c.text.size());
        h.addBytes(c.buyer.name.data(), c.buyer.name.size());
        h.addBytes(c.buyer.email.data(), c.buyer.email.size());
        h.addBytes(c.buyer.phone.data(), c.buyer.phone.size());
        break;
    case CommandKind::Refund:
    case CommandKind::Exchange:
        h.add(c.order);
        h.add(c.amount);
        h.addPair(c.tickets.size(), c.seats.size());
        h.add(c.text.size());
        for (TicketId ticket : c.tickets)
            h.add(ticket);
        h.addNarrow(c.seats.data(), c.seats.size());
        h.addBytes(c.text.data(), c.text.size());
        break;
    case CommandKind::Reissue:
        h.add(c.order);
        h.addPair(c.tickets.size(), c.text.size());
        for (TicketId ticket : c.tickets)
            h.add(ticket);
        h.addBytes(c.text.data(), c.text.size());
        break;
    case CommandKind::AllocateSeats:
    case CommandKind::DeallocateSeats:
        h.addPair(c.seats.size(), c.target);
        h.addNarrow(c.seats.data(), c.seats.size());
        break;
    case CommandKind::Expire:
    case CommandKind::UpdateEvent:
        break;
    }
    return h.value();
}

std::uint64_t commandFingerprint(const Command& c, std::uint8_t version)
{
    if (version == kFingerprintVersion) [[likely]]
        return fingerprintV2(c);
    USHER_ASSERT(version == 1);
    return fingerprintV1(c);
}

} // namespace usher
