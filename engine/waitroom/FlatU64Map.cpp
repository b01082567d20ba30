#include "waitroom/FlatU64Map.h"

#include "core/Assert.h"
#include "core/Mix64.h"

#include <bit>

namespace usher {

FlatU64Map::FlatU64Map(std::size_t capacity)
{
    const std::size_t slots = std::bit_ceil(capacity < 16 ? std::size_t { 16 } : capacity);
    m_keys.assign(slots, 0);
    m_values.assign(slots, 0);
    m_mask = slots - 1;
}

std::size_t FlatU64Map::slotOf(std::uint64_t key) const
{
    return static_cast<std::size_t>(mix64(key)) & m_mask;
}

std::uint32_t* FlatU64Map::find(std::uint64_t key)
{
    return const_cast<std::uint32_t*>(static_cast<const FlatU64Map*>(this)->find(key));
}

const std::uint32_t* FlatU64Map::find(std::uint64_t key) const
{
    if (key == 0)
        return nullptr;
    for (std::size_t slot = slotOf(key);; slot = (slot + 1) & m_mask) {
        if (m_keys[slot] == key)
            return &m_values[slot];
        if (m_keys[slot] == 0)
            return nullptr;
    }
}

std::uint32_t* FlatU64Map::insert(std::uint64_t key, std::uint32_t value, bool* inserted)
{
    USHER_ASSERT(key != 0);
    if ((m_size + 1) * 2 > m_keys.size())
        grow();
    std::size_t slot = slotOf(key);
    for (; m_keys[slot] != 0; slot = (slot + 1) & m_mask) {
        if (m_keys[slot] == key) {
            *inserted = false;
            return &m_values[slot];
        }
    }
    m_keys[slot] = key;
    m_values[slot] = value;
    ++m_size;
    *inserted = true;
    return &m_values[slot];
}

bool FlatU64Map::erase(std::uint64_t key)
{
    if (key == 0)
        return false;
    std::size_t slot = slotOf(key);
    while (m_keys[slot] != key) {
        if (m_keys[slot] == 0)
            return false;
        slot = (slot + 1) & m_mask;
    }
    // Backward shift: pull every later entry of the probe run that may live in the hole.
    std::size_t hole = slot;
    for (std::size_t next = (hole + 1) & m_mask; m_keys[next] != 0; next = (next + 1) & m_mask) {
        const std::size_t home = slotOf(m_keys[next]);
        const bool movable = hole <= next ? (home <= hole || home > next) : (home <= hole && home > next);
        if (movable) {
            m_keys[hole] = m_keys[next];
            m_values[hole] = m_values[next];
            hole = next;
        }
    }
    m_keys[hole] = 0;
    m_values[hole] = 0;
    --m_size;
    return true;
}

void FlatU64Map::clear()
{
    std::fill(m_keys.begin(), m_keys.end(), 0);
    m_size = 0;
}

std::size_t FlatU64Map::memoryBytes() const
{
    return m_keys.capacity() * sizeof(std::uint64_t) + m_values.capacity() * sizeof(std::uint32_t);
}

void FlatU64Map::grow()
{
    std::vector<std::uint64_t> keys = std::move(m_keys);
    std::vector<std::uint32_t> values = std::move(m_values);
    m_keys.assign(keys.size() * 2, 0);
    m_values.assign(keys.size() * 2, 0);
    m_mask = m_keys.size() - 1;
    m_size = 0;
    bool inserted = false;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (keys[i] != 0)
            insert(keys[i], values[i], &inserted);
    }
}

} // namespace usher
