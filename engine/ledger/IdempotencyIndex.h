#pragma once

#include "core/HugePageAllocator.h"
#include "core/Types.h"
#include "ledger/Command.h"

#include <cstdint>
#include <vector>

namespace usher {

// Maps idempotency keys to the journal record that answered them, for a bounded window:
// at most `keysMax` keys, none older than the retention. Oldest keys go first (FIFO).
//
// Entries live in a ring allocated for keysMax when the index is created, so it allocates nothing
// afterwards (the growth paths remain for safety but are not taken). Each table word holds an
// entry number and the low 24 bits of the key's hash, which is both a tag (a probe reads an entry
// only when they match) and the home slot (deletion shifts words without reading entries; tables
// stay below 2^24 slots). Open addressing, linear probing, backward-shift deletion, load <= 1/2.
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
        std::uint8_t fingerprintVersion = kFingerprintVersion; // the record's (RecordHeader)
    };

    explicit IdempotencyIndex(std::uint32_t keysMax);

    // The key's hash. The live path computes it once and passes it to find() and insertAbsent().
    static std::uint64_t hashOf(const IdempotencyKey& key);

    const Entry* find(const IdempotencyKey& key) const { return find(key, hashOf(key)); }
    const Entry* find(const IdempotencyKey& key, std::uint64_t hash) const;
    // Starts loading the key's table slot into the cache, for a find() a little later.
    void prefetch(const IdempotencyKey& key) const { __builtin_prefetch(&m_table[hashOf(key) & m_mask]); }
    // Adds a key. When the key is present already (possible only in replay, for a key that the live
    // index had evicted and then saw again) the newer record supersedes the older one.
    void insert(const Entry& entry);
    // Adds a key that find() has just reported absent (the live path): one probe fewer. `hash` is
    // hashOf(entry.key).
    void insertAbsent(const Entry& entry, std::uint64_t hash);
    // Drops entries older than `cutoff`, and the oldest ones beyond keysMax. Inline: every command
    // calls it, and it almost never has anything to do.
    void evict(Timestamp cutoff)
    {
        if (m_count > 0 && (at(m_first).at < cutoff || m_count > m_keysMax)) [[unlikely]]
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
    Entry& at(std::uint64_t number) { return m_ring[number & (m_ring.size() - 1)]; }
    const Entry& at(std::uint64_t number) const { return m_ring[number & (m_ring.size() - 1)]; }
    void growRing();
    void growTable();
    void place(std::uint64_t word);
    void append(const Entry& entry, std::uint64_t hash);
    void popOldest();
    void unlink(std::uint64_t number, std::uint64_t hash);
    static std::uint64_t tagOf(std::uint64_t hash) { return hash & kTagMask; }

    std::uint32_t m_keysMax;
    BigVector<Entry> m_ring;   // size is a power of two
    std::uint64_t m_first = 0;   // number of the oldest entry
    std::uint64_t m_count = 0;
    BigVector<std::uint64_t> m_table; // (tag << 40) | (number + 1); 0 = empty
    std::uint64_t m_mask = 0;
};

} // namespace usher
