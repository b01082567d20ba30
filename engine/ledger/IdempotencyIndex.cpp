#include "ledger/IdempotencyIndex.h"

#include "core/Assert.h"

namespace usher {

namespace {
std::uint64_t mix(const IdempotencyKey& key)
{
    // Keys are usually BLAKE2b outputs already, but tests and callers may use small numbers.
    std::uint64_t h = key.lo ^ (key.hi * 0x9e3779b97f4a7c15ull);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}
} // namespace

IdempotencyIndex::IdempotencyIndex(std::uint32_t keysMax) : m_keysMax(keysMax)
{
    USHER_ASSERT(keysMax > 0);
    m_table.assign(1024, 0);
    m_mask = m_table.size() - 1;
}

std::uint64_t IdempotencyIndex::slotFor(const IdempotencyKey& key) const
{
    return mix(key) & m_mask;
}

std::uint64_t IdempotencyIndex::findStored(const IdempotencyKey& key) const
{
    for (std::uint64_t slot = slotFor(key);; slot = (slot + 1) & m_mask) {
        const std::uint64_t stored = m_table[slot];
        if (stored == 0 || m_entries[stored - 1 - m_firstNumber].key == key)
            return stored;
    }
}

const IdempotencyIndex::Entry* IdempotencyIndex::find(const IdempotencyKey& key) const
{
    const std::uint64_t stored = findStored(key);
    return stored == 0 ? nullptr : &m_entries[stored - 1 - m_firstNumber];
}

void IdempotencyIndex::insert(const Entry& entry)
{
    USHER_ASSERT(!entry.key.isNull());
    if (const std::uint64_t stored = findStored(entry.key); stored != 0) {
        unlink(stored - 1);
        m_entries[stored - 1 - m_firstNumber].dead = true;
    }
    if (m_entries.size() >= m_keysMax)
        popOldest();
    if ((m_entries.size() + 1) * 2 > m_table.size())
        grow();
    const std::uint64_t number = m_firstNumber + m_entries.size();
    m_entries.push_back(entry);
    std::uint64_t slot = slotFor(entry.key);
    while (m_table[slot] != 0)
        slot = (slot + 1) & m_mask;
    m_table[slot] = number + 1;
}

void IdempotencyIndex::evict(Timestamp cutoff)
{
    while (!m_entries.empty() && (m_entries.front().at < cutoff || m_entries.size() > m_keysMax))
        popOldest();
}

void IdempotencyIndex::clear()
{
    m_entries.clear();
    m_firstNumber = 0;
    m_table.assign(1024, 0);
    m_mask = m_table.size() - 1;
}

void IdempotencyIndex::grow()
{
    std::vector<std::uint64_t> old(m_table.size() * 2, 0);
    old.swap(m_table);
    m_mask = m_table.size() - 1;
    for (std::uint64_t stored : old) {
        if (stored == 0)
            continue;
        std::uint64_t slot = slotFor(m_entries[stored - 1 - m_firstNumber].key);
        while (m_table[slot] != 0)
            slot = (slot + 1) & m_mask;
        m_table[slot] = stored;
    }
}

void IdempotencyIndex::popOldest()
{
    USHER_ASSERT(!m_entries.empty());
    if (!m_entries.front().dead)
        unlink(m_firstNumber);
    m_entries.pop_front();
    ++m_firstNumber;
}

void IdempotencyIndex::unlink(std::uint64_t number)
{
    std::uint64_t slot = slotFor(m_entries[number - m_firstNumber].key);
    while (m_table[slot] != number + 1) {
        USHER_ASSERT(m_table[slot] != 0);
        slot = (slot + 1) & m_mask;
    }
    // Backward-shift deletion keeps every probe chain unbroken.
    std::uint64_t hole = slot;
    for (std::uint64_t next = (hole + 1) & m_mask; m_table[next] != 0; next = (next + 1) & m_mask) {
        const std::uint64_t home = slotFor(m_entries[m_table[next] - 1 - m_firstNumber].key);
        const bool movable = ((next - home) & m_mask) >= ((next - hole) & m_mask);
        if (movable) {
            m_table[hole] = m_table[next];
            hole = next;
        }
    }
    m_table[hole] = 0;
}

std::size_t IdempotencyIndex::memoryBytes() const
{
    return m_entries.size() * sizeof(Entry) + m_table.size() * sizeof(std::uint64_t);
}

} // namespace usher
