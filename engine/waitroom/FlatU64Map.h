#pragma once

// An open-addressing hash map from a non-zero 64-bit key to a 32-bit value (linear probing,
// backward-shift deletion, power-of-two capacity, at most half full). 12 bytes a slot: the
// waiting room keeps a million sessions in a few tens of megabytes with it, where
// std::unordered_map would need about 50 bytes an entry plus an allocation each.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace usher {

class FlatU64Map {
public:
    explicit FlatU64Map(std::size_t capacity = 1024);

    // Null when absent. The pointer is valid until the next insert or erase.
    std::uint32_t* find(std::uint64_t key);
    const std::uint32_t* find(std::uint64_t key) const;
    // Inserts (key, value) unless the key is present; returns the value's slot and whether it was
    // inserted. `key` must not be 0.
    std::uint32_t* insert(std::uint64_t key, std::uint32_t value, bool* inserted);
    bool erase(std::uint64_t key);
    void clear();

    std::size_t size() const { return m_size; }
    std::size_t memoryBytes() const;

private:
    std::size_t slotOf(std::uint64_t key) const;
    void grow();

    std::vector<std::uint64_t> m_keys; // 0: empty
    std::vector<std::uint32_t> m_values;
    std::size_t m_mask = 0;
    std::size_t m_size = 0;
};

} // namespace usher
