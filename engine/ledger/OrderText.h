#pragma once

// The text orders carry (payment reference, buyer's name, email and phone), out of line: an order
// is then one cache line that a confirm writes, and an order without text uses none of the arena.
//
// An append-only arena of blocks, one per order with text: four 16-bit lengths (each field is at
// most limits::textBytesMax), then the four fields' bytes. A block never moves (chunks are only
// added, never grown), so an Order keeps a plain pointer to its block. The first chunk is reserved
// when the ledger is created (mapped, not touched) and touched by Ledger::warm() like the orders
// table; further chunks are allocated as they are needed.

#include "core/Assert.h"
#include "core/Limits.h"
#include "core/SmallCopy.h"
#include "ledger/Command.h"

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace usher {

// An order's buyer, read from its text block: valid while the ledger lives.
struct BuyerView {
    std::string_view name;
    std::string_view email;
    std::string_view phone;

    bool empty() const { return name.empty() && email.empty() && phone.empty(); }
    Buyer toBuyer() const { return Buyer { std::string(name), std::string(email), std::string(phone) }; }
    friend bool operator==(const BuyerView&, const BuyerView&) = default;
};

class OrderText {
public:
    enum Field : std::uint8_t { PaymentRef = 0, BuyerName = 1, BuyerEmail = 2, BuyerPhone = 3 };
    static constexpr std::size_t kFields = 4;
    static constexpr std::size_t kHeaderBytes = kFields * sizeof(std::uint16_t);
    static constexpr std::size_t kBlockBytesMax = kHeaderBytes + kFields * limits::textBytesMax;
    // Reserved per order the orders table has room for: a gateway reference and a short buyer (an
    // order is 64 bytes now, 208 with its strings in line: the two together still take less).
    static constexpr std::size_t kReservedBytesPerOrder = 64;
    static constexpr std::size_t kChunkBytesMin = 64 * 1024;

    OrderText() = default;
    ~OrderText();
    OrderText(const OrderText&) = delete;
    OrderText& operator=(const OrderText&) = delete;

    // The first chunk, room for `orders` orders' text: mapped, not touched. Before any add().
    void reserve(std::size_t orders);

    // The block holding these fields, or null when all four are empty (no memory used). Each field
    // is at most limits::textBytesMax (the ledger checks commands; the snapshot reader its input).
    const char* add(std::string_view paymentRef, std::string_view name, std::string_view email,
                    std::string_view phone)
    {
        // Exactly "each size fits its 16-bit length": what the block's layout needs.
        USHER_ASSERT(((paymentRef.size() | name.size() | email.size() | phone.size()) >> 16) == 0);
        const std::size_t bytes = kHeaderBytes + paymentRef.size() + name.size() + email.size() + phone.size();
        if (bytes == kHeaderBytes)
            return nullptr;
        if (static_cast<std::size_t>(m_end - m_at) < bytes) [[unlikely]]
            nextChunk(bytes);
        char* const block = m_at;
        m_at += bytes;
        // The four u16 lengths in one 64-bit store (the same bytes as a u16[4], little-endian).
        static_assert(std::endian::native == std::endian::little);
        const std::uint64_t sizes = std::uint64_t(paymentRef.size()) | std::uint64_t(name.size()) << 16
            | std::uint64_t(email.size()) << 32 | std::uint64_t(phone.size()) << 48;
        std::memcpy(block, &sizes, sizeof(sizes));
        char* at = block + kHeaderBytes;
        copySmall(at, paymentRef.data(), paymentRef.size()), at += paymentRef.size();
        copySmall(at, name.data(), name.size()), at += name.size();
        copySmall(at, email.data(), email.size()), at += email.size();
        copySmall(at, phone.data(), phone.size());
        return block;
    }

    static std::string_view field(const char* block, Field field)
    {
        if (block == nullptr)
            return {};
        std::uint16_t sizes[kFields];
        std::memcpy(sizes, block, sizeof(sizes));
        std::size_t offset = kHeaderBytes;
        for (std::size_t i = 0; i < field; ++i)
            offset += sizes[i];
        return std::string_view(block + offset, sizes[field]);
    }
    static BuyerView buyer(const char* block)
    {
        return BuyerView { field(block, BuyerName), field(block, BuyerEmail), field(block, BuyerPhone) };
    }

    // The reserved first chunk, for Ledger::warm() (which touches [used, bytes)) and Ledger::tables().
    const char* firstChunk() const { return m_chunks.empty() ? nullptr : m_chunks.front().data; }
    char* firstChunk() { return m_chunks.empty() ? nullptr : m_chunks.front().data; }
    std::size_t firstChunkUsed() const { return m_chunks.empty() ? 0 : usedOf(0); }
    std::size_t firstChunkBytes() const { return m_chunks.empty() ? 0 : m_chunks.front().bytes; }
    std::size_t capacityBytes() const;
    std::size_t usedBytes() const;

private:
    struct Chunk {
        char* data = nullptr;
        std::size_t bytes = 0;
        std::size_t used = 0; // kept when the next chunk starts; the last one's is m_at - data
    };
    void nextChunk(std::size_t bytes);
    void addChunk(std::size_t bytes);
    std::size_t usedOf(std::size_t chunk) const
    {
        return chunk + 1 == m_chunks.size() ? std::size_t(m_at - m_chunks[chunk].data) : m_chunks[chunk].used;
    }

    std::vector<Chunk> m_chunks; // back() is written, at m_at (up to m_end)
    char* m_at = nullptr;
    char* m_end = nullptr;
};

} // namespace usher
