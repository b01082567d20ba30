#include "ledger/IdempotencyIndex.h"

#include "core/Assert.h"
#include "core/Prefetch.h"

#include <algorithm>
#include <bit>

namespace usher {

namespace {
constexpr std::size_t kInitialSlots = 1024;
} // namespace

IdempotencyIndex::IdempotencyIndex(std::uint32_t keysMax) : m_keysMax(keysMax)
{
    USHER_ASSERT(keysMax > 0);
    clear();
}

std::uint64_t IdempotencyIndex::findStored(const IdempotencyKey& key, std::uint64_t hash) const
{
    const std::uint64_t tag = tagOf(hash);
    for (std::uint64_t slot = hash & m_mask;; slot = (slot + 1) & m_mask) {
        const std::uint64_t word = m_table[slot];
        if (word == 0)
            return 0;
        if ((word >> kTagShift) == tag && at((word & kNumberMask) - 1).key == key)
            return word;
    }
}

const IdempotencyIndex::Entry* IdempotencyIndex::find(const IdempotencyKey& key, std::uint64_t hash) const
{
    const std::uint64_t word = findStored(key, hash); // a wrong hash only makes the lookup miss
    return word == 0 ? nullptr : &at((word & kNumberMask) - 1);
}

IdempotencyIndex::Entry& IdempotencyIndex::insert(const IdempotencyKey& key)
{
    USHER_ASSERT(!key.isNull());
    const std::uint64_t hash = hashOf(key);
    if (const std::uint64_t word = findStored(key, hash); word != 0) {
        unlink((word & kNumberMask) - 1, hash);
        at((word & kNumberMask) - 1).dead = true;
    }
    return append(key, hash);
}

void IdempotencyIndex::evictSome(Timestamp cutoff)
{
    while (m_count > 0 && at(m_first).at < cutoff)
        popOldest();
}

void IdempotencyIndex::clear()
{
    // Allocated (and touched) in full up front: the index never grows on the hot path.
    m_ring.assign(std::bit_ceil(std::max<std::size_t>(m_keysMax, kInitialSlots / 2)), Entry{});
    m_ringMask = m_ring.size() - 1;
    m_first = 0;
    m_count = 0;
    m_table.assign(2 * m_ring.size(), 0);
    m_mask = m_table.size() - 1;
    USHER_ASSERT(m_table.size() <= kTableSlotsMax);
}

void IdempotencyIndex::popOldest()
{
    USHER_ASSERT(m_count > 0);
    Entry& oldest = at(m_first);
    if (!oldest.dead)
        unlink(m_first, hashOf(oldest.key));
    ++m_first;
    --m_count;
    // The next eviction will unlink the new oldest entry: start loading its slot now.
    if (m_count > 0)
        prefetchLine(&m_table[hashOf(at(m_first).key) & m_mask]);
}

void IdempotencyIndex::unlink(std::uint64_t number, std::uint64_t hash)
{
    std::uint64_t slot = hash & m_mask;
    while ((m_table[slot] & kNumberMask) != number + 1) {
        USHER_ASSERT(m_table[slot] != 0);
        slot = (slot + 1) & m_mask;
    }
    // Backward-shift deletion keeps every probe chain unbroken.
    std::uint64_t hole = slot;
    for (std::uint64_t next = (hole + 1) & m_mask; m_table[next] != 0; next = (next + 1) & m_mask) {
        const std::uint64_t home = (m_table[next] >> kTagShift) & m_mask;
        if (((next - home) & m_mask) >= ((next - hole) & m_mask)) {
            m_table[hole] = m_table[next];
            hole = next;
        }
    }
    m_table[hole] = 0;
}

std::size_t IdempotencyIndex::memoryBytes() const
{
    return m_ring.capacity() * sizeof(Entry) + m_table.capacity() * sizeof(std::uint64_t);
}

} // namespace usher
