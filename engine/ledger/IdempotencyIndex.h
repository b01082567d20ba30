#pragma once

#include "core/Types.h"

#include <cstdint>
#include <vector>

namespace usher {

// Maps idempotency keys to the journal record that answered them, for a bounded window:
// at most `keysMax` keys, none older than the retention. Oldest keys go first (FIFO).
//
// Entries live in a ring allocated for keysMax when the index is created, so it allocates nothing
// afterwards (the growth paths remain for safety but are not taken). The hash table holds entry numbers with a 24-bit tag of the key's hash in the
// high bits: a probe only touches an entry whose tag matches. Open addressing, linear probing,
// backward-shift deletion (no tombstones), load factor at most 1/2.
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

    std::size_t size() const { return m_count; }
    const Entry* oldest() const { return m_count == 0 ? nullptr : &at(m_first); }
    std::size_t memoryBytes() const;

private:
    static constexpr unsigned kTagShift = 40; // entry number + 1 in the low 40 bits
    static constexpr std::uint64_t kNumberMask = (std::uint64_t(1) << kTagShift) - 1;

    static std::uint64_t hashOf(const IdempotencyKey& key);
    std::uint64_t findStored(const IdempotencyKey& key, std::uint64_t hash) const; // table word, or 0
    Entry& at(std::uint64_t number) { return m_ring[number & (m_ring.size() - 1)]; }
    const Entry& at(std::uint64_t number) const { return m_ring[number & (m_ring.size() - 1)]; }
    void growRing();
    void growTable();
    void place(std::uint64_t word, std::uint64_t hash);
    void popOldest();
    void unlink(std::uint64_t number, std::uint64_t hash);

    std::uint32_t m_keysMax;
    std::vector<Entry> m_ring;   // size is a power of two
    std::uint64_t m_first = 0;   // number of the oldest entry
    std::uint64_t m_count = 0;
    std::vector<std::uint64_t> m_table; // (tag << 40) | (number + 1); 0 = empty
    std::uint64_t m_mask = 0;
};

} // namespace usher
