#pragma once

#include "core/Assert.h"
#include "core/HugePageAllocator.h"
#include "core/Prefetch.h"
#include "core/Types.h"
#include "ledger/Command.h"

#include <cstdint>
#include <vector>

namespace usher {

// Maps idempotency keys to the journal record that answered them, for a bounded window:
// at most `keysMax` keys, none older than the retention. Oldest keys go first (FIFO).
//
// Entries live in a ring allocated for keysMax when the index is created (at least keysMax entries,
// a power of two) with a table of twice as many slots, so it never allocates afterwards and the
// table's load stays at most 1/2. Each table word holds an entry number and the low 24 bits of the
// key's hash, which is both a tag (a probe reads an entry only when they match) and the home slot
// (deletion shifts words without reading entries; tables stay below 2^24 slots). Open addressing,
// linear probing, backward-shift deletion.
class IdempotencyIndex {
public:
    // `key` and `dead` are the index's; the other fields describe the journal record and are set
    // by the caller of insert()/insertAbsent(), which return the entry with only the index's fields
    // set (an entry is a reused ring slot: the caller sets every record field).
    struct Entry {
        IdempotencyKey key;
        std::uint64_t fingerprint = 0;
        Timestamp at = 0;
        Seq seq = 0;
        std::uint32_t batch = 0;  // serial of the batch holding the record
        std::uint32_t offset = 0; // offset of the record in that batch
        bool dead = false;        // superseded by a newer record of the same key (replay only)
        std::uint8_t fingerprintVersion = kFingerprintVersion; // the record's (RecordHeader)
    };

    explicit IdempotencyIndex(std::uint32_t keysMax);

    // The key's hash. The live path computes it once per command for find() and insertAbsent().
    static std::uint64_t hashOf(const IdempotencyKey& key)
    {
        // Keys are usually BLAKE2b outputs already, but tests and callers may use small numbers.
        std::uint64_t h = key.lo ^ (key.hi * 0x9e3779b97f4a7c15ull);
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdull;
        h ^= h >> 33;
        return h;
    }

    const Entry* find(const IdempotencyKey& key) const { return find(key, hashOf(key)); }
    const Entry* find(const IdempotencyKey& key, std::uint64_t hash) const;
    // Starts loading the key's table slot into the cache, for a find() a little later.
    void prefetch(const IdempotencyKey& key) const { prefetchLine(&m_table[hashOf(key) & m_mask]); }
    // Adds a key and returns its entry for the caller to fill (see Entry). When the key is present
    // already (possible only in replay, for a key that the live index had evicted and then saw
    // again) the newer record supersedes the older one.
    Entry& insert(const IdempotencyKey& key);
    // The same for a key that find() has just reported absent (the live path): one probe fewer.
    // `hash` is hashOf(key). Inline: once per command that journals.
    Entry& insertAbsent(const IdempotencyKey& key, std::uint64_t hash) { return append(key, hash); }
    // Drops entries older than `cutoff`. Inline: every command calls it, and it almost never has
    // anything to do. (The count never exceeds keysMax: an insert past it drops the oldest key.)
    void evict(Timestamp cutoff)
    {
        if (m_count > 0 && at(m_first).at < cutoff) [[unlikely]]
            evictSome(cutoff);
    }
    void clear();

    std::size_t size() const { return m_count; }
    const Entry* oldest() const { return m_count == 0 ? nullptr : &at(m_first); }
    std::size_t memoryBytes() const;
    // The ring and the table, for diagnostics (Ledger::tables()).
    const void* ringData() const { return m_ring.data(); }
    std::size_t ringBytes() const { return m_ring.capacity() * sizeof(Entry); }
    const void* tableData() const { return m_table.data(); }
    std::size_t tableBytes() const { return m_table.capacity() * sizeof(std::uint64_t); }

private:
    static constexpr unsigned kTagShift = 40; // entry number + 1 in the low 40 bits
    static constexpr std::uint64_t kNumberMask = (std::uint64_t(1) << kTagShift) - 1;
    static constexpr std::uint64_t kTagMask = (std::uint64_t(1) << 24) - 1;
    static constexpr std::size_t kTableSlotsMax = std::size_t(1) << 24;

    void evictSome(Timestamp cutoff);
    std::uint64_t findStored(const IdempotencyKey& key, std::uint64_t hash) const; // table word, or 0
    Entry& at(std::uint64_t number) { return m_ring[number & m_ringMask]; }
    const Entry& at(std::uint64_t number) const { return m_ring[number & m_ringMask]; }
    // Adds the key as the newest entry. The ring holds at least keysMax entries and the table twice
    // as many slots (clear()), so once the oldest key is dropped at keysMax there is room in both.
    // The word's tag is the low 24 bits of the hash, so its home slot is hash & mask.
    Entry& append(const IdempotencyKey& key, std::uint64_t hash)
    {
        if (m_count >= m_keysMax) [[unlikely]]
            popOldest();
        const std::uint64_t number = m_first + m_count;
        USHER_ASSERT(number + 1 <= kNumberMask);
        Entry& entry = at(number);
        entry.key = key;
        entry.dead = false;
        ++m_count;
        std::uint64_t slot = hash & m_mask;
        while (m_table[slot] != 0)
            slot = (slot + 1) & m_mask;
        m_table[slot] = (tagOf(hash) << kTagShift) | (number + 1);
        return entry;
    }
    void popOldest();
    void unlink(std::uint64_t number, std::uint64_t hash);
    static std::uint64_t tagOf(std::uint64_t hash) { return hash & kTagMask; }

    std::uint32_t m_keysMax;
    BigVector<Entry> m_ring;   // size is a power of two, at least keysMax
    std::uint64_t m_ringMask = 0; // size - 1
    std::uint64_t m_first = 0;   // number of the oldest entry
    std::uint64_t m_count = 0;   // at most keysMax
    BigVector<std::uint64_t> m_table; // (tag << 40) | (number + 1); 0 = empty; twice the ring's size
    std::uint64_t m_mask = 0;
};

} // namespace usher
