#pragma once

#include "core/Types.h"

#include <cstdint>
#include <deque>
#include <vector>

namespace usher {

// Maps idempotency keys to the journal record that answered them, for a bounded window:
// at most `keysMax` keys, none older than the retention. Oldest keys go first (FIFO), so the
// entries live in a deque and the hash table holds entry numbers (open addressing, linear
// probing, backward-shift deletion: no tombstones).
class IdempotencyIndex {
public:
    struct Entry {
        IdempotencyKey key;
        std::uint64_t fingerprint = 0;
        Timestamp at = 0;
        Seq seq = 0;
        std::uint32_t batch = 0;  // serial of the batch holding the record
        std::uint32_t offset = 0; // offset of the record in that batch
    };

    explicit IdempotencyIndex(std::uint32_t keysMax);

    const Entry* find(const IdempotencyKey& key) const;
    void insert(const Entry& entry); // the key must not be present
    // Drops entries older than `cutoff`, and the oldest ones beyond keysMax.
    void evict(Timestamp cutoff);
    void clear();

    std::size_t size() const { return m_entries.size(); }
    const Entry* oldest() const { return m_entries.empty() ? nullptr : &m_entries.front(); }
    std::size_t memoryBytes() const;

private:
    std::uint64_t slotFor(const IdempotencyKey& key) const;
    void grow();
    void popOldest();

    std::uint32_t m_keysMax;
    std::deque<Entry> m_entries;
    std::uint64_t m_firstNumber = 0;   // entry number of m_entries.front()
    std::vector<std::uint64_t> m_table; // entry number + 1; 0 = empty
    std::uint64_t m_mask = 0;
};

} // namespace usher
