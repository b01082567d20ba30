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
        bool dead = false;        // superseded by a newer record of the same key (replay only)
    };

    explicit IdempotencyIndex(std::uint32_t keysMax);

    const Entry* find(const IdempotencyKey& key) const;
    // Adds a key. When the key is present already (possible only in replay, for a key that the live
    // index had evicted and then saw again) the newer record supersedes the older one.
    void insert(const Entry& entry);
    // Drops entries older than `cutoff`, and the oldest ones beyond keysMax.
    void evict(Timestamp cutoff);
    void clear();

    std::size_t size() const { return m_entries.size(); }
    const Entry* oldest() const { return m_entries.empty() ? nullptr : &m_entries.front(); }
    std::size_t memoryBytes() const;

private:
    std::uint64_t slotFor(const IdempotencyKey& key) const;
    std::uint64_t findStored(const IdempotencyKey& key) const; // entry number + 1, or 0
    void grow();
    void popOldest();
    void unlink(std::uint64_t number);

    std::uint32_t m_keysMax;
    std::deque<Entry> m_entries;
    std::uint64_t m_firstNumber = 0;   // entry number of m_entries.front()
    std::vector<std::uint64_t> m_table; // entry number + 1; 0 = empty
    std::uint64_t m_mask = 0;
};

} // namespace usher
