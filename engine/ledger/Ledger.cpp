#include "ledger/Ledger.h"

#include "core/Aes128.h"
#include "core/Assert.h"
#include "core/Limits.h"
#include "core/Prefetch.h"
#include "ledger/LedgerEmitter.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstring>

namespace usher {

namespace {

constexpr std::size_t kBatchReserveBytes = 64 * 1024;
constexpr std::size_t kSpareBatchesMax = 4; // without a journal arena

// The journal arena (LedgerOptions::journalArenaBytes): buffers for new batches, allocated and
// touched by Ledger::warm(). A batch is kept for the idempotency window, so in an onsale
// nearly every journal byte is new memory: touched as the records are written, it cost a page fault
// per 4 KiB (10-25 us on this project's VMs, about 2.5 us per one-seat confirm). 640 bytes per
// seat or place hold the records of a hold and a confirm of every seat (~105 + 158 bytes) in
// buffers that 8,192-command batches fill to two thirds.
constexpr std::size_t kArenaBufferBytes = 2u << 20;
constexpr std::uint64_t kArenaBytesPerUnit = 640;
constexpr std::uint64_t kArenaBytesMax = 1u << 30;
// A batch smaller than this goes out as an exact copy and leaves its buffer open for the next
// batch: a quiet event commits a few commands at a time and must not keep a buffer for each.
// (The copy comes from the heap below glibc's mmap threshold, memory the process reuses.)
constexpr std::size_t kCopyBatchBelowBytes = 64 * 1024;

std::uint64_t unitsOf(const EventSpec& spec)
{
    return std::uint64_t(spec.venue->seatCount()) + spec.venue->areaCapacityTotal();
}

std::uint32_t defaultHoldsMax(const EventSpec& spec)
{
    return static_cast<std::uint32_t>(std::clamp<std::uint64_t>(unitsOf(spec), 1, 1'000'000));
}

std::size_t journalArenaBytes(const EventSpec& spec, const LedgerOptions& options)
{
    const std::uint64_t wanted = options.journalArenaBytes >= 0 ? std::uint64_t(options.journalArenaBytes)
                                                                : unitsOf(spec) * kArenaBytesPerUnit;
    return std::min(wanted, kArenaBytesMax) / kArenaBufferBytes * kArenaBufferBytes;
}

std::uint32_t idempotencyKeysMax(const EventSpec& spec, const LedgerOptions& options)
{
    if (options.idempotencyKeysMax != 0)
        return std::min<std::uint32_t>(options.idempotencyKeysMax, 4'000'000);
    return static_cast<std::uint32_t>(std::clamp<std::uint64_t>(4 * unitsOf(spec), 16'384, 4'000'000));
}

// Starts loading `lines` cache lines from `offset` bytes past `base` for writing: the next entries of
// a table that grows at the end. The address may lie past the table's capacity near its end (a
// prefetch never faults), hence integer arithmetic rather than pointer arithmetic.
void prefetchForWrite(const void* base, std::size_t offset, std::size_t lines)
{
    const std::uintptr_t at = reinterpret_cast<std::uintptr_t>(base) + offset;
    for (std::size_t i = 0; i < lines; ++i)
        prefetchLine(reinterpret_cast<const void*>(at + 64 * i)); // for a write: x86 loads the line the same way
}

// The journal's memory is mapped ahead of the writer in chunks of this size. Touched page by
// page, new batch memory took a page fault per 4 KiB of journal, 10-15 us each on this project's
// VMs (a one-seat confirm writes 158 bytes: about 400 ns of faults per confirm, most of its time).
// MADV_POPULATE_WRITE (Linux 5.14) maps a chunk in one call, at a fraction of that; a chunk is
// small enough to be still in the cache when the records are written into it, and a batch never
// maps more than 64 KiB past what it uses.
constexpr std::uintptr_t kJournalChunkBytes = 64 * 1024;

// Maps the pages of [from, to) (advice: an older kernel refuses it and the pages fault as before).
void populate(std::uintptr_t from, std::uintptr_t to)
{
    constexpr std::uintptr_t kPage = 4096;
    from = (from + kPage - 1) & ~(kPage - 1); // whole pages: a partly used first one is mapped or faults once
    to &= ~(kPage - 1);
    if (to > from)
        ::madvise(reinterpret_cast<void*>(from), to - from, MADV_POPULATE_WRITE);
}

// Maps every page that holds a byte of [p, p + bytes) (pages partly outside it too: populating
// writes nothing, it only maps; advice: an older kernel refuses it), then writes a zero byte to each
// of those pages from user space, inside [p, p + bytes) only (room no entry uses yet). The store is
// needed on this project's VMs (shadow page tables, `pvm` on the kernel command line): populating
// makes the guest's page-table entry, but the first user access of each 4 KiB page still exits to
// the host, 13-30 us, as much as a fault (measured: 208-byte records written into 20 MiB that was
// only populated took 650-1,550 ns each, 7 ns after a write per page; huge pages: 8.6 ns).
// A confirm writes an order and a ticket into such room: it paid that for every 20 orders.
void populateAll(void* p, std::size_t bytes)
{
    constexpr std::uintptr_t kPage = 4096;
    const auto begin = reinterpret_cast<std::uintptr_t>(p);
    const std::uintptr_t from = begin & ~(kPage - 1);
    const std::uintptr_t to = (begin + bytes + kPage - 1) & ~(kPage - 1);
    ::madvise(reinterpret_cast<void*>(from), to - from, MADV_POPULATE_WRITE);
    for (std::uintptr_t page = from; page < begin + bytes; page += kPage)
        *reinterpret_cast<volatile std::uint8_t*>(std::max(page, begin)) = 0;
}

// Before the batch's bytes [size, next) are written: when they enter a new chunk, maps it (only up
// to the capacity: past it the vector moves, and the copy maps the new memory).
void populateAhead(const BatchBytes& batch, std::size_t size, std::size_t next)
{
    const auto base = reinterpret_cast<std::uintptr_t>(batch.data());
    const std::uintptr_t chunk = (base + next) & ~(kJournalChunkBytes - 1);
    if (size == 0 || base + size <= chunk)
        populate(std::max(base + size, chunk), std::min(chunk + kJournalChunkBytes, base + batch.capacity()));
}

} // namespace

Ledger::Ledger(const EventSpec& spec, const LedgerOptions& options)
    : m_spec(spec)
    , m_options(options)
    , m_holdSeatsStride(std::max(spec.ticketsPerOrderMax, spec.ticketsPerOrderPeak))
    , m_idempotency(idempotencyKeysMax(spec, options))
{
    USHER_ASSERT(m_spec.venue != nullptr);
    USHER_ASSERT(!m_spec.priceTable.empty() || m_spec.venue->categories.empty());
    USHER_ASSERT(m_holdSeatsStride >= 1 && m_holdSeatsStride <= limits::orderTicketsMax);
    initTables();
    m_arenaBytes = journalArenaBytes(m_spec, m_options);
    openBatch();
}

Ledger::~Ledger() = default;

void Ledger::initTables()
{
    const Venue& venue = *m_spec.venue;
    m_seats.assign(venue.seatCount(), SeatSlot{});
    for (SeatIndex s = 0; s < venue.seatCount(); ++s)
        m_seats[s].id = venue.seats[s].id, m_seats[s].row = venue.seats[s].row,
        m_seats[s].category = venue.seats[s].category & 0x7f;
    m_seatMark.assign(venue.seatCount(), 0);
    m_rowAvailable.resize(venue.rows.size());
    for (std::size_t r = 0; r < venue.rows.size(); ++r)
        m_rowAvailable[r] = venue.rows[r].seatCount;
    m_rowSummary.assign(venue.rows.size(), RowSummary{});
    m_counts.available = venue.seatCount();
    initSeatBits();

    // Rows that hold seats of each category, best (lowest) rank first, for best-available.
    auto& ranked = m_rowsByCategory;
    ranked.assign(venue.categories.size(), {});
    for (std::uint32_t r = 0; r < venue.rows.size(); ++r) {
        std::vector<std::uint32_t> best(venue.categories.size(), 0xffffffffu);
        const VenueRow& row = venue.rows[r];
        for (std::uint32_t s = row.firstSeat; s < row.firstSeat + row.seatCount; ++s)
            best[venue.seats[s].category] = std::min(best[venue.seats[s].category], venue.seats[s].rank);
        for (std::size_t c = 0; c < best.size(); ++c)
            if (best[c] != 0xffffffffu)
                ranked[c].emplace_back(best[c], r);
    }
    for (auto& rows : ranked)
        std::sort(rows.begin(), rows.end());
    m_rowEpoch.assign(venue.rows.size(), 0);
    m_categoryCursor.assign(ranked.size() * (kBlockSizesCached + 1), 0);
    m_categoryRowBlocks.assign(ranked.size(), {});
    for (std::size_t c = 0; c < ranked.size(); ++c)
        m_categoryRowBlocks[c].assign(ranked[c].size(), CategoryRowBlocks{});

    m_areas.assign(venue.areas.size(), {});
    for (std::size_t a = 0; a < venue.areas.size(); ++a)
        m_areas[a].push_back(AreaPool{kOpenPool, venue.areas[a].capacity, 0, 0});
    m_areaDirty.assign(venue.areas.size(), 0);

    const std::uint32_t holdsMax = m_options.holdsMax != 0 ? m_options.holdsMax : defaultHoldsMax(m_spec);
    m_holds.assign(holdsMax, HoldSlot{});
    m_holdSeats.assign(std::size_t(holdsMax) * m_holdSeatsStride, kNoSeat);
    m_freeHolds.resize(holdsMax);
    // Slot 0 goes first: the stack's back() is the next slot.
    for (std::uint32_t i = 0; i < holdsMax; ++i)
        m_freeHolds[i] = holdsMax - 1 - i;
    // Reserve what grows with traffic, sized for a sell-out: one expiry per hold (the heap is
    // rebuilt at twice the live holds), one ticket per seat or place, and room for one order per
    // seat or place (a sell-out of single tickets never moves the table, which would copy every
    // order and fault in a new table mid-onsale). Reserved, not touched: warm() touches the room
    // (faulted in as the orders filled, the kernel's clearing of the pages was a fifth of a
    // confirm's time), after a cold start's replay, which fills only what the journal needs.
    m_expiries.reserve(2 * std::size_t(holdsMax) + 8192);
    m_tickets.reserve(std::min<std::uint64_t>(unitsOf(m_spec), 4'000'000));
    m_orders.reserve(std::min<std::uint64_t>(unitsOf(m_spec) + 16, 4'000'000));
    m_orderText.reserve(m_orders.capacity()); // mapped, not touched: warm() touches it
    m_scratchSeats.reserve(limits::commandSeatsMax);
}

bool Ledger::warm(std::size_t bytesMax)
{
    // The tables' room past their entries first (mapped, and one byte per page written where no entry
    // is yet: populateAll), then the arena's buffers, one 2 MiB buffer at least per call.
    std::size_t budget = std::max(bytesMax, kArenaBufferBytes); // every call makes progress
    const auto warmRoom = [&budget](void* data, std::size_t used, std::size_t capacity, std::size_t* done) {
        const std::size_t from = std::min(std::max(*done, used), capacity); // tables never shrink: safety
        const std::size_t to = capacity - from <= budget ? capacity : from + budget;
        if (to > from) {
            populateAll(static_cast<std::uint8_t*>(data) + from, to - from);
            budget -= to - from;
        }
        *done = std::max(*done, to);
        return *done >= capacity;
    };
    bool tables = warmRoom(m_orders.data(), m_orders.size() * sizeof(Order), m_orders.capacity() * sizeof(Order),
                           &m_warmTables[0]);
    tables = warmRoom(m_tickets.data(), m_tickets.size() * sizeof(Ticket), m_tickets.capacity() * sizeof(Ticket),
                      &m_warmTables[1]) && tables;
    tables = warmRoom(m_expiries.data(), m_expiries.size() * sizeof(Expiry), m_expiries.capacity() * sizeof(Expiry),
                      &m_warmTables[2]) && tables;
    tables = warmRoom(m_orderText.firstChunk(), m_orderText.firstChunkUsed(), m_orderText.firstChunkBytes(),
                      &m_warmTables[3]) && tables;
    if (!tables)
        return false;
    for (bool first = true; m_arenaFilled < m_arenaBytes && (first || budget >= kArenaBufferBytes); first = false) {
        if (m_spareBytes + kArenaBufferBytes > m_arenaBytes) {
            m_arenaFilled = m_arenaBytes; // batches retired before warm() filled the spares already
            break;
        }
        auto buffer = std::make_shared<BatchBytes>();
        buffer->reserve(kArenaBufferBytes);
        populateAll(buffer->data(), buffer->capacity()); // mapped in one call (advice: else the fill faults)
        // Sized to its capacity now, so that records are written into it with no zero-filling on
        // the way (openBatch keeps a spare buffer's size).
        buffer->resize(buffer->capacity());
        m_arenaFilled += buffer->capacity();
        budget -= std::min(budget, buffer->capacity());
        m_spareBytes += buffer->capacity();
        m_spareBatches.push_back(std::move(buffer));
    }
    // An open batch with nothing in it yet moves into an arena buffer: the small one it was opened
    // with (on creation, before the arena) would grow as it fills, into fresh memory.
    if (m_openRecords == 0 && m_open->capacity() < kArenaBufferBytes && !m_spareBatches.empty()) {
        USHER_ASSERT(m_batches.back() == m_open && m_openSize == kBatchHeaderBytes);
        m_batches.pop_back();
        m_open.reset();
        openBatch();
    }
    return m_arenaFilled >= m_arenaBytes;
}

void Ledger::openBatch()
{
    // Reuse a buffer of the arena or a retired one when there is one: fresh memory costs a page
    // fault per 4 KiB on first touch, which is a large share of a command's cost.
    // A spare buffer keeps its size and bytes: records overwrite them (every byte of a record and of
    // the batch header is written), takeBatch trims the batch to what was written, and only room past
    // the old size is zero-filled, as it is needed: memory is not written twice.
    std::shared_ptr<BatchBytes> batch;
    if (!m_spareBatches.empty()) {
        batch = std::move(m_spareBatches.back());
        m_spareBatches.pop_back();
        m_spareBytes -= batch->capacity();
    } else {
        batch = std::make_shared<BatchBytes>();
    }
    // Size for a batch like the last one, so it rarely reallocates while filling.
    const std::size_t wanted = std::max(kBatchReserveBytes, m_lastBatchBytes + m_lastBatchBytes / 4);
    if (batch->capacity() < wanted) {
        batch->clear(); // nothing to copy
        batch->reserve(wanted);
    }
    if (batch->size() < kBatchHeaderBytes) {
        populateAhead(*batch, 0, kBatchHeaderBytes);
        batch->resize(kBatchHeaderBytes, 0);
    }
    m_open = batch;
    m_openSize = kBatchHeaderBytes;
    m_batches.push_back(batch);
    m_openRecords = 0;
    m_openFirstSeq = m_lastSeq + 1;
}

void Ledger::growOpenBatch(std::size_t bytes)
{
    // Zero-filled room in steps, inside the reserved capacity while it lasts (the vector doubles
    // past it), so a batch of one command never pays for filling the whole reservation. Steps
    // stay below glibc's `rep stosb` threshold (2 KiB): the fill is a short vector loop that stays
    // in L1, and valgrind does not count it a byte at a time.
    constexpr std::size_t kStepBytes = 1024;
    const std::size_t size = std::max(m_openSize + bytes, m_open->size() + kStepBytes);
    populateAhead(*m_open, m_open->size(), size);
    m_open->resize(size);
}

CommandResult Ledger::execute(const Command& c)
{
    // Every path returns `result`, so it is built in the caller's slot (no copy or move of the
    // answer; its seats and tickets are stored inline).
    CommandResult result;
    if (c.key.isNull() && c.kind != CommandKind::Expire) {
        result.status = Status::InvalidArgument;
        result.kind = c.kind;
        return result;
    }
    const std::uint64_t fingerprint = c.key.isNull() ? 0 : commandFingerprint(c);
    const std::uint64_t keyHash = c.key.isNull() ? 0 : IdempotencyIndex::hashOf(c.key); // for find and insert
    if (!c.key.isNull()) {
        // Forget keys past the retention first, even when no new key arrives to push them out.
        m_idempotency.evict(c.now - m_options.idempotencyRetentionMs);
        if (const IdempotencyIndex::Entry* entry = m_idempotency.find(c.key, keyHash)) {
            replayedResult(c, *entry, fingerprint, &result);
            return result;
        }
    }

    RecordHeader header;
    header.seq = m_lastSeq + 1;
    header.kind = c.kind;
    header.channel = c.channel;
    header.actor = c.actor;
    header.now = c.now;
    header.key = c.key;
    header.fingerprint = fingerprint;
    Emitter out(*this, header, beginJournalRecord(header), &result);
    out.status = dispatch(c, out);

    if (c.key.isNull() && out.events == 0) {
        // A keyless expire that released nothing (or was refused) leaves no trace in the journal.
        m_openSize = out.recordOffset;
        result = CommandResult{};
        result.status = out.status;
        result.kind = c.kind;
        return result;
    }
    endJournalRecord(out.recordOffset, out.status, out.detail, out.events);
    m_lastSeq = header.seq;
    ++m_openRecords;
    const auto serial = static_cast<std::uint32_t>(m_batchBase + m_batches.size() - 1);
    registerKey(header, serial, static_cast<std::uint32_t>(out.recordOffset), keyHash);

    header.status = out.status;
    header.detail = out.detail;
    foldRecordHeader(&result, header);
    if (m_options.verify) {
        // The answer a retry would get, decoded from the journal, must be this one.
        CommandResult decoded;
        USHER_ASSERT(resultFromRecord(m_open->data() + out.recordOffset, m_openSize - out.recordOffset, &decoded));
        USHER_ASSERT(decoded.sameAnswer(result));
        checkInvariants();
    }
    return result;
}

void Ledger::prefetchEarly(const Command& c) const
{
    for (std::size_t i = 0; i < c.seats.size() && i < 4; ++i)
        m_spec.venue->prefetchSeatIndex(c.seats[i]);
    const auto slot = static_cast<std::uint32_t>(c.hold & 0xffffffffu);
    if (c.hold != 0 && slot < m_holds.size()) {
        prefetchLine(&m_holds[slot]);
        prefetchLine(&m_holdSeats[std::size_t(slot) * m_holdSeatsStride]);
    }
}

void Ledger::prefetch(const Command& c) const
{
    if (!c.key.isNull())
        m_idempotency.prefetch(c.key);
    // The journal lines the records two commands from now go to (a one-seat confirm writes 158 bytes,
    // a hold about 100): the batch's memory was touched long before (the arena), so it is no longer
    // in the cache, and a store that misses stalls the command.
    prefetchForWrite(m_open->data(), m_openSize + 256, 3);
    // The seats it names: their state slots, which a random onsale touches all over the table.
    for (std::size_t i = 0; i < c.seats.size() && i < 4; ++i) {
        const SeatIndex s = m_spec.venue->seatIndex(c.seats[i]);
        if (s != kNoSeat)
            prefetchLine(&m_seats[s]);
    }
    // A command on a hold (release, confirm...) touches the hold's seats (a confirm prices each one
    // from its slot's category).
    const auto slot = static_cast<std::uint32_t>(c.hold & 0xffffffffu);
    if (c.hold != 0 && slot < m_holds.size() && m_holds[slot].id == c.hold) {
        if (c.kind == CommandKind::Confirm) {
            // The order and ticket it appends, two commands from now (the tables are reserved for
            // a sell-out, so the addresses are inside them; an Order spans four lines).
            prefetchForWrite(m_orders.data(), (m_orders.size() + 2) * sizeof(Order), (sizeof(Order) + 63) / 64);
            prefetchForWrite(m_tickets.data(), (m_tickets.size() + m_holds[slot].seatCount) * sizeof(Ticket), 1);
        }
        for (std::uint32_t i = 0; i < m_holds[slot].seatCount && i < 4; ++i) {
            const SeatIndex s = m_holdSeats[std::size_t(slot) * m_holdSeatsStride + i];
            prefetchLine(&m_seats[s]);
        }
    }
}

void Ledger::replayedResult(const Command& c, const IdempotencyIndex::Entry& entry, std::uint64_t fingerprint,
                            CommandResult* result) const
{
    *result = CommandResult{};
    // A key journalled before the fingerprint's version 2 is compared under its own version.
    if (entry.fingerprintVersion != kFingerprintVersion)
        fingerprint = commandFingerprint(c, entry.fingerprintVersion);
    if (entry.fingerprint != fingerprint) {
        result->status = Status::IdempotencyKeyReused;
        result->kind = c.kind;
        return;
    }
    std::size_t size = 0;
    const std::uint8_t* record = recordBytes(entry, &size);
    const bool decoded = resultFromRecord(record, size, result);
    USHER_ASSERT(decoded);
    USHER_ASSERT(result->seq == entry.seq);
    result->replayed = true;
}

void Ledger::registerKey(const RecordHeader& header, std::uint32_t batchSerial, std::uint32_t offset,
                         std::uint64_t keyHash)
{
    if (header.key.isNull())
        return;
    // A live command's key was looked up (after the same eviction) by execute(); replay comes here
    // directly.
    IdempotencyIndex::Entry* entry = nullptr;
    if (m_replaying) [[unlikely]] {
        m_idempotency.evict(header.now - m_options.idempotencyRetentionMs);
        entry = &m_idempotency.insert(header.key);
    } else {
        entry = &m_idempotency.insertAbsent(header.key, keyHash);
    }
    // Written in place (the ring slot): every field of the record.
    entry->fingerprint = header.fingerprint;
    entry->fingerprintVersion = header.fingerprintVersion;
    entry->at = header.now;
    entry->seq = header.seq;
    entry->batch = batchSerial;
    entry->offset = offset;
    // Batches older than the oldest remembered key are no longer needed (the open one always is).
    // The cheap test first: usually the oldest key is still in the oldest batch.
    const IdempotencyIndex::Entry* oldest = m_idempotency.oldest();
    while (oldest != nullptr && m_batchBase < oldest->batch && m_batches.size() > 1)
        retireOldestBatch();
}

void Ledger::retireOldestBatch()
{
    BatchPtr oldest = std::move(m_batches.front());
    m_batches.pop_front();
    ++m_batchBase;
    // Nobody else holds it (the storage is done with it): keep its memory for a future batch. The
    // buffer was created non-const by openBatch or takeBatch, so casting the const away is sound.
    if (oldest.use_count() != 1)
        return;
    const bool keep = m_arenaBytes != 0 ? m_spareBytes + oldest->capacity() <= m_arenaBytes
                                        : m_spareBatches.size() < kSpareBatchesMax;
    if (keep) {
        m_spareBytes += oldest->capacity();
        m_spareBatches.push_back(std::const_pointer_cast<BatchBytes>(std::move(oldest)));
    }
}

const std::uint8_t* Ledger::recordBytes(const IdempotencyIndex::Entry& entry, std::size_t* size) const
{
    USHER_ASSERT(entry.batch >= m_batchBase && entry.batch - m_batchBase < m_batches.size());
    const BatchBytes& batch = *m_batches[entry.batch - m_batchBase];
    USHER_ASSERT(entry.offset + kRecordHeaderBytes <= batch.size());
    *size = batch.size() - entry.offset;
    return batch.data() + entry.offset;
}

Seq Ledger::idempotencyFloorSeq() const
{
    const IdempotencyIndex::Entry* oldest = m_idempotency.oldest();
    return oldest != nullptr ? oldest->seq : m_lastSeq + 1;
}

JournalBatch Ledger::takeBatch()
{
    JournalBatch batch;
    batch.seatDeltas.reserve(m_dirtySeats.size());
    // The dirty seats are all over the table, and a held or sold one leads to its hold or ticket:
    // load them ahead, in two stages, as the command loop does.
    const std::size_t dirty = m_dirtySeats.size();
    for (std::size_t i = 0; i < dirty; ++i) {
        if (i + 8 < dirty)
            prefetchLine(&m_seats[m_dirtySeats[i + 8]]);
        if (i + 4 < dirty) {
            const SeatSlot& ahead = m_seats[m_dirtySeats[i + 4]];
            if (ahead.status == SeatStatus::Held)
                prefetchLine(&m_holds[ahead.ref]);
            else if (ahead.status == SeatStatus::Sold)
                prefetchLine(&m_tickets[ahead.ref]);
        }
        // What seat(s) would answer, only the fields a delta keeps (no SeatView of 80 bytes).
        const SeatIndex s = m_dirtySeats[i];
        SeatSlot& slot = m_seats[s];
        SeatDelta& delta = batch.seatDeltas.emplace_back();
        delta.seat = s;
        delta.status = slot.status;
        delta.allocation = slot.allocation;
        if (slot.status == SeatStatus::Held) {
            const HoldSlot& hold = m_holds[slot.ref];
            delta.channel = hold.channel, delta.holder = hold.holder, delta.expiresAt = hold.expiresAt;
        } else if (slot.status == SeatStatus::Sold) {
            delta.channel = m_orders[m_tickets[slot.ref].order - 1].channel;
        }
        slot.dirty = 0;
    }
    m_dirtySeats.clear();
    for (std::uint32_t a : m_dirtyAreas) {
        AreaDelta delta{a, m_areas[a][0].free(), 0, 0};
        for (const AreaPool& p : m_areas[a])
            delta.held += p.held, delta.sold += p.sold;
        batch.areaDeltas.push_back(delta);
        m_areaDirty[a] = 0;
    }
    m_dirtyAreas.clear();
    if (m_openRecords == 0)
        return batch;

    // A small batch goes out as an exact copy, kept in its place for the idempotency index, and its
    // buffer (touched, and sized past the write position already) is the next open batch.
    const bool copy = m_openSize < kCopyBatchBelowBytes;
    std::shared_ptr<BatchBytes> bytes;
    if (copy) {
        bytes = std::make_shared<BatchBytes>(m_open->begin(), m_open->begin() + std::ptrdiff_t(m_openSize));
        m_batches.back() = bytes;
    } else {
        m_open->resize(m_openSize); // the spare room past the write position is not part of the batch
        bytes = m_open;
    }
    BatchHeader header;
    header.event = m_spec.id;
    header.firstSeq = m_openFirstSeq;
    header.recordCount = static_cast<std::uint32_t>(m_openRecords);
    header.bytes = static_cast<std::uint32_t>(bytes->size());
    encodeBatchHeader(bytes.get(), header);
    header.crc = batchChecksum(*bytes);
    encodeBatchHeader(bytes.get(), header);
    batch.bytes = bytes;
    batch.firstSeq = m_openFirstSeq;
    batch.lastSeq = m_lastSeq;
    batch.records = header.recordCount;
    USHER_ASSERT(batch.lastSeq - batch.firstSeq + 1 == batch.records);
    m_lastBatchBytes = m_openSize;
    if (copy) {
        m_spareBytes += m_open->capacity();
        m_spareBatches.push_back(std::move(m_open));
    }
    openBatch();
    return batch;
}

SeatView Ledger::seat(SeatIndex index) const
{
    USHER_ASSERT(index < m_seats.size());
    const SeatSlot& slot = m_seats[index];
    SeatView view;
    view.status = slot.status;
    view.allocation = slot.allocation;
    if (slot.status == SeatStatus::Held) {
        const HoldSlot& hold = m_holds[slot.ref];
        view.hold = hold.id, view.channel = hold.channel, view.holder = hold.holder, view.expiresAt = hold.expiresAt;
    } else if (slot.status == SeatStatus::Sold) {
        const Ticket& ticket = m_tickets[slot.ref];
        view.order = ticket.order, view.ticket = ticket.id, view.channel = m_orders[ticket.order - 1].channel;
    } else if (slot.status == SeatStatus::Blocked) {
        view.blockReason = m_blockReasons[slot.ref];
    }
    return view;
}

std::optional<HoldView> Ledger::hold(HoldId id) const
{
    const auto slot = static_cast<std::uint32_t>(id & 0xffffffffu);
    if (id == 0 || slot >= m_holds.size() || m_holds[slot].id != id)
        return std::nullopt;
    const HoldSlot& h = m_holds[slot];
    HoldView view;
    view.id = h.id, view.holder = h.holder, view.channel = h.channel;
    view.createdAt = h.createdAt, view.expiresAt = h.expiresAt;
    view.paymentPending = h.paymentPending, view.paymentAmount = h.paymentAmount;
    for (std::uint32_t i = 0; i < h.seatCount; ++i)
        view.seats.push_back(m_seats[m_holdSeats[std::size_t(slot) * m_holdSeatsStride + i]].id);
    if (h.area != kNoArea)
        view.area = m_spec.venue->areas[h.area].id, view.quantity = h.live, view.pool = h.pool;
    return view;
}

const Order* Ledger::order(OrderId id) const
{
    return id >= 1 && id <= m_orders.size() ? &m_orders[id - 1] : nullptr;
}

const Ticket* Ledger::ticket(TicketId id) const
{
    return id >= 1 && id <= m_tickets.size() ? &m_tickets[id - 1] : nullptr;
}

LedgerCounts Ledger::counts() const
{
    LedgerCounts c = m_counts;
    c.activeHolds = static_cast<std::uint32_t>(m_holds.size() - m_freeHolds.size());
    c.orders = m_orders.size();
    c.tickets = m_tickets.size();
    return c;
}

std::size_t Ledger::memoryBytes() const
{
    std::size_t bytes = sizeof(*this);
    bytes += m_seats.capacity() * sizeof(SeatSlot) + m_seatMark.capacity() * 4;
    bytes += m_rowAvailable.capacity() * 4 + m_rowSummary.capacity() * sizeof(RowSummary);
    bytes += m_rowAllocated.capacity() * 4 + m_rowEpoch.capacity() * 8 + m_categoryCursor.capacity() * 4;
    for (const auto& blocks : m_categoryRowBlocks)
        bytes += blocks.capacity() * sizeof(CategoryRowBlocks);
    bytes += (m_availableBits.capacity() + m_allocatedBits.capacity() + m_accessibleBits.capacity()) * 8;
    for (const auto& bits : m_categoryBits)
        bytes += bits.capacity() * 8;
    for (const auto& rows : m_rowsByCategory)
        bytes += rows.capacity() * 8;
    bytes += m_holds.capacity() * sizeof(HoldSlot) + m_holdSeats.capacity() * sizeof(SeatIndex);
    bytes += m_freeHolds.capacity() * 4 + m_expiries.capacity() * sizeof(Expiry);
    bytes += m_orders.capacity() * sizeof(Order) + m_tickets.capacity() * sizeof(Ticket);
    bytes += m_orderText.capacityBytes();
    bytes += m_idempotency.memoryBytes();
    for (const BatchPtr& b : m_batches)
        bytes += b->capacity();
    return bytes + m_spareBytes;
}

std::vector<LedgerTable> Ledger::tables() const
{
    std::vector<LedgerTable> out;
    const auto add = [&out](const char* name, const void* data, std::size_t bytes) {
        if (bytes >= kTableBytesMin)
            out.push_back(LedgerTable { name, data, bytes });
    };
    add("seats", m_seats.data(), m_seats.capacity() * sizeof(SeatSlot));
    add("holds", m_holds.data(), m_holds.capacity() * sizeof(HoldSlot));
    add("hold seats", m_holdSeats.data(), m_holdSeats.capacity() * sizeof(SeatIndex));
    add("free holds", m_freeHolds.data(), m_freeHolds.capacity() * sizeof(std::uint32_t));
    add("expiries", m_expiries.data(), m_expiries.capacity() * sizeof(Expiry));
    add("orders", m_orders.data(), m_orders.capacity() * sizeof(Order));
    add("tickets", m_tickets.data(), m_tickets.capacity() * sizeof(Ticket));
    add("order text", m_orderText.firstChunk(), m_orderText.firstChunkBytes());
    add("idempotency ring", m_idempotency.ringData(), m_idempotency.ringBytes());
    add("idempotency table", m_idempotency.tableData(), m_idempotency.tableBytes());
    for (const BatchPtr& b : m_batches)
        add("journal", b->data(), b->capacity());
    for (const auto& b : m_spareBatches)
        add("journal", b->data(), b->capacity());
    return out;
}

} // namespace usher
