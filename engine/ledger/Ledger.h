#pragma once

// The per-event reservation ledger: a deterministic state machine.
//
// * One ledger per event, used by one thread at a time; no locks, no clock, no I/O.
// * execute() validates a whole command before it changes anything, then applies the command's
//   journal events through applyEvent(), the one place that mutates state. Replay goes through
//   applyEvent() too, so a replayed ledger equals the live one by construction.
// * Every keyed command appends one record to the open journal batch; the answer is decoded from
//   that record, so a live answer and a retried answer cannot differ.

#include "core/Aes128.h"
#include "core/Assert.h"
#include "core/HugePageAllocator.h"
#include "core/Limits.h"
#include "core/Status.h"
#include "core/Types.h"
#include "event/EventSpec.h"
#include "journal/JournalFormat.h"
#include "ledger/Command.h"
#include "ledger/CommandResult.h"
#include "ledger/IdempotencyIndex.h"
#include "ledger/OrderText.h"

#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace usher {

class ByteReader;

struct LedgerOptions {
    // 0: 4 per seat or GA place, at least 16,384 and at most 4M. The index is allocated and
    // touched when the ledger is created (pre-warm), so keep it proportionate to the event.
    std::uint32_t idempotencyKeysMax = 0;
    std::int64_t idempotencyRetentionMs = 24ll * 3600 * 1000;
    std::uint32_t holdsMax = 0; // 0: min(seats + GA capacity, 1M)
    bool verify = false;        // check every invariant after every command (tests, debug)
    // The journal arena: batch buffers allocated and touched by Ledger::warm(), so that no command
    // pays a first touch for the journal it writes. -1: automatic (640 bytes per seat or GA place,
    // in whole 2 MiB buffers; none below 3,277 units, at most 1 GiB); 0: none.
    std::int64_t journalArenaBytes = -1;
};

// What a seat looks like from outside.
struct SeatView {
    SeatStatus status = SeatStatus::Available;
    ChannelId allocation = kOpenPool;
    HoldId hold = 0;       // when held
    ChannelId channel = 0; // channel of the hold or sale
    Actor holder;          // when held
    Timestamp expiresAt = 0;
    OrderId order = 0;     // when sold
    TicketId ticket = 0;
    std::string_view blockReason;
};

struct HoldView {
    HoldId id = 0;
    Actor holder;
    ChannelId channel = 0;
    Timestamp createdAt = 0;
    Timestamp expiresAt = 0;
    bool paymentPending = false;
    Amount paymentAmount = 0;
    std::vector<SeatId> seats;
    AreaId area = 0;
    std::uint32_t quantity = 0;
    ChannelId pool = 0;
};

enum class TicketStatus : std::uint8_t { Valid = 1, Refunded = 2 };

struct Ticket {
    TicketId id = 0;
    OrderId order = 0;
    SeatIndex seat = kNoSeat;        // kNoSeat for general admission
    std::uint32_t area = kNoArea;    // area index for general admission
    ChannelId pool = 0;              // GA pool the unit came from
    std::uint8_t priceType = 0;
    TicketStatus status = TicketStatus::Valid;
    std::uint32_t generation = 0;    // bumped by every exchange and reissue; part of the code
    Amount amount = 0;
    Amount refunded = 0;
    TicketCode code{};
};
static_assert(sizeof(Ticket) == 64, "a ticket is one cache line");

// One cache line, which a confirm writes: its text (payment reference, buyer) is out of line in the
// ledger's OrderText arena (an order without text uses none of it), the actor is split around the
// padding. The views paymentRef() and buyer() return are valid while the ledger lives.
struct Order {
    OrderId id = 0;
    HoldId hold = 0;
    std::uint64_t actorId = 0;
    Timestamp createdAt = 0;
    Amount amount = 0;
    Amount refunded = 0;
    const char* text = nullptr;      // the order's block in the ledger's OrderText; null: no text
    std::uint32_t firstTicket = 0;   // a TicketId (a ledger holds fewer than 2^32 tickets)
    ChannelId channel = 0;
    ActorKind actorKind = ActorKind::None;
    std::uint8_t ticketCount = 0;    // at most limits::orderTicketsMax

    Actor actor() const { return Actor { actorKind, actorId }; }
    std::string_view paymentRef() const { return OrderText::field(text, OrderText::PaymentRef); }
    BuyerView buyer() const { return OrderText::buyer(text); }
    std::string_view buyerName() const { return OrderText::field(text, OrderText::BuyerName); } // without the rest
};
static_assert(sizeof(Order) == 64, "an order is one cache line");
static_assert(limits::orderTicketsMax <= 0xff, "Order::ticketCount has 8 bits");

struct AreaPool {
    ChannelId channel = kOpenPool;
    std::uint32_t capacity = 0; // for the open pool: area capacity minus all allocations
    std::uint32_t held = 0;
    std::uint32_t sold = 0;
    std::uint32_t free() const { return capacity - held - sold; }
};

struct LedgerCounts {
    std::uint32_t available = 0;
    std::uint32_t held = 0;
    std::uint32_t sold = 0;
    std::uint32_t blocked = 0;
    std::uint32_t allocated = 0;   // seats allocated to some channel (any status)
    std::uint64_t areaHeld = 0;
    std::uint64_t areaSold = 0;
    std::uint32_t activeHolds = 0;
    std::uint64_t orders = 0;
    std::uint64_t tickets = 0;
};

// A seat whose published state changed within a batch (coalesced: the last state wins).
struct SeatDelta {
    SeatIndex seat = 0;
    SeatStatus status = SeatStatus::Available;
    ChannelId allocation = kOpenPool;
    ChannelId channel = 0; // of the hold or sale
    Actor holder;          // of the hold
    Timestamp expiresAt = 0; // of the hold (for the seat map's tooltips; not in the delta journal format)
};

// A GA area whose counts changed within a batch.
struct AreaDelta {
    std::uint32_t area = 0;
    std::uint32_t available = 0; // free in the open pool
    std::uint32_t held = 0;      // all pools
    std::uint32_t sold = 0;      // all pools
};

// One of a ledger's large tables, for diagnostics: usher-bench reports which pages back each.
struct LedgerTable {
    const char* name = "";
    const void* data = nullptr;
    std::size_t bytes = 0; // allocated (capacity), not only used
};

struct JournalBatch {
    BatchPtr bytes;            // null when the batch is empty
    Seq firstSeq = 0;
    Seq lastSeq = 0;
    std::uint32_t records = 0;
    std::vector<SeatDelta> seatDeltas;
    std::vector<AreaDelta> areaDeltas;
    bool empty() const { return records == 0; }
};

class Ledger {
public:
    // `spec` must have passed finalize().
    Ledger(const EventSpec& spec, const LedgerOptions& options);
    ~Ledger();
    Ledger(const Ledger&) = delete;
    Ledger& operator=(const Ledger&) = delete;

    CommandResult execute(const Command& command);
    // Touches the memory that commands write as an event sells (the journal arena, the room reserved
    // past the orders, tickets and hold expiries), so that no command pays a first touch for it
    // (10-25 us per 4 KiB page on this project's VMs). Creating and replaying a ledger do not: a cold
    // start pays only for what the journal fills. The owner calls it once the event serves, between
    // batches: each call touches about max(bytesMax, 2 MiB) bytes and returns true once
    // everything is warm. State, journal and answers do not change.
    bool warm(std::size_t bytesMax = ~std::size_t(0));
    // Hints that `command` comes soon, so that what it looks up is in the cache by then. A caller
    // holding a batch calls prefetchEarly for the command four ahead and prefetch for the one two
    // ahead of the one it executes: the first loads the seat-id lookups, the second the seat and
    // idempotency slots those lead to.
    void prefetchEarly(const Command& command) const;
    void prefetch(const Command& command) const;

    // The journal. Records accumulate in the open batch until takeBatch() closes it.
    JournalBatch takeBatch();
    std::size_t openBatchRecords() const { return m_openRecords; }

    // Rebuilding. A ledger is restored from a snapshot (or starts empty), then batches are fed in
    // seq order. Records with seq <= lastSeq() only refill the idempotency index; later ones are
    // applied. Returns false when the batch is corrupt or out of order (the ledger is then
    // unusable and must be discarded). changedSeats/changedAreas (when given) receive the seats and
    // GA areas whose state the batch's applied records touched (records at or below lastSeq()
    // touch nothing), each once, in no particular order: a follower publishes those, not a diff.
    bool replay(const BatchPtr& batch, std::vector<SeatIndex>* changedSeats = nullptr,
                std::vector<std::uint32_t>* changedAreas = nullptr);
    std::vector<std::uint8_t> snapshot() const;
    // Returns null and sets *error when the snapshot is corrupt or belongs to another venue.
    static std::unique_ptr<Ledger> restore(const EventSpec& spec, const LedgerOptions& options,
                                           const std::vector<std::uint8_t>& snapshot, std::string* error);
    // The oldest seq whose record must be replayed to rebuild the idempotency index.
    Seq idempotencyFloorSeq() const;
    // After restore(): where replay must start (the snapshot's idempotency floor); 1 otherwise.
    Seq replayFromSeq() const { return m_snapshotFloorSeq; }

    // Replaces the event's spec by a new revision of it (Engine::updateEventSpec): name, times,
    // time zone, price types, prices, channels and their sale windows, hold durations, order
    // limit. `next` must have passed finalize(). Refused, with nothing changed and nothing
    // journaled, when the change would break what exists (the first failing check decides):
    //   InvalidArgument    another id, venue or ticket key; the currency once anything was held or
    //                      sold; a price type used by a ticket renamed (its key) or removed
    //   ChannelNotFound    a channel that a hold, an order or an allocation uses is missing
    //   PriceTypeNotFound  a category with held seats or GA units offers no price type any more
    // *error says which. Ok: revision + 1, ticketsPerOrderPeak kept at its highest, and one
    // keyless record (UpdateEvent, EVENT_UPDATED {revision, name}) whose result is returned.
    // A spec equal to the current one is Ok and journals nothing.
    CommandResult updateSpec(EventSpec next, const Actor& actor, Timestamp now, std::string* error);

    // Queries.
    const EventSpec& spec() const { return m_spec; }
    const Venue& venue() const { return *m_spec.venue; }
    Seq lastSeq() const { return m_lastSeq; }
    SeatView seat(SeatIndex seat) const;
    SeatStatus seatStatus(SeatIndex seat) const { return m_seats[seat].status; }
    std::optional<HoldView> hold(HoldId id) const;
    const Order* order(OrderId id) const;
    const Ticket* ticket(TicketId id) const;
    const std::vector<AreaPool>& areaPools(std::uint32_t areaIndex) const { return m_areas[areaIndex]; }
    LedgerCounts counts() const;
    std::size_t memoryBytes() const;
    // The tables of 1 MiB or more (BigVector: their own mappings, see HugePageAllocator.h) and the
    // journal arena's buffers, for diagnostics.
    std::vector<LedgerTable> tables() const;
    std::size_t idempotencyKeys() const { return m_idempotency.size(); }

    // Asserts every invariant (scans everything; O(seats + holds + tickets)).
    void checkInvariants() const;
    // The first violated invariant, or an empty string.
    std::string invariantViolation() const;

private:
    // Per row, for best-available: the longest run of adjacent Available seats and the best rank
    // among them; `longestRun` is kRunUnknown after a seat of the row changed. Both are bounds (an
    // eligible run is a run of available seats), computed again only when a search visits a row
    // that changed: one store per seat change, not a scan.
    static constexpr std::uint32_t kRunUnknown = 0xffffffffu;
    struct RowSummary {
        std::uint32_t longestRun = kRunUnknown;
        std::uint32_t bestRank = 0;
        friend bool operator==(const RowSummary&, const RowSummary&) = default;
    };
    // Per row and category (parallel to m_rowsByCategory), for each block size up to
    // kBlockSizesCached: the block findBlock() would choose there for a plain request (not
    // accessible-only, no allocated seats in the row), so a search costs a few loads per row it
    // visits instead of a scan of the row. Valid while `epoch` equals the row's m_rowEpoch, which
    // rowSummary() advances whenever it recomputes a changed row.
    static constexpr std::uint32_t kBlockSizesCached = 8;
    struct RowBlock {
        std::uint32_t rankSum = 0; // ranks are below limits::venueSeatsMax: 8 of them fit
        std::uint16_t offset = 0;  // the block's first seat, from the row's first (rowSeatsMax fits)
        std::uint8_t orphans = 0;  // single seats it strands beside it (0..2)
        std::uint8_t found = 0;
        friend bool operator==(const RowBlock&, const RowBlock&) = default;
    };
    static constexpr std::uint64_t kNoEpoch = ~0ull;
    struct CategoryRowBlocks {
        std::uint64_t epoch = kNoEpoch;
        std::uint32_t longestRun = 0; // of available seats of the category
        std::array<RowBlock, kBlockSizesCached> blocks {};
        friend bool operator==(const CategoryRowBlocks&, const CategoryRowBlocks&) = default;
    };
    // Everything a command needs about a seat, in 16 bytes: one cache line holds four seats.
    struct SeatSlot {
        SeatStatus status = SeatStatus::Available;
        std::uint8_t dirty : 1 = 0;    // in m_dirtySeats (here, not in an array apart: one cache line less per change)
        std::uint8_t category : 7 = 0; // the venue's (copied, as `id` and `row`: a confirm prices the seat from its slot)
        ChannelId allocation = kOpenPool;
        std::uint32_t ref = 0; // hold slot, ticket index or block reason index
        SeatId id = 0;         // the venue's seat id (copied: a VenueSeat is 64 bytes)
        std::uint32_t row = 0; // the venue's row index
    };
    static_assert(limits::venueCategoriesMax <= 128, "SeatSlot::category has 7 bits");
    struct HoldSlot {
        HoldId id = 0; // 0: free
        Actor holder;
        ChannelId channel = 0;
        ChannelId pool = 0;
        bool paymentPending = false;
        std::uint16_t seatCount = 0; // seats in m_holdSeats (0 for a GA hold)
        std::uint32_t area = kNoArea;
        std::uint32_t live = 0;      // seats or GA units still held; the slot is freed at 0
        std::uint32_t generation = 0;
        Timestamp createdAt = 0;
        Timestamp expiresAt = 0;
        Amount paymentAmount = 0;
    };
    struct Expiry {
        Timestamp at;
        HoldId hold;
    };
    struct ExpiryLater { // std heap comparator: the earliest (at, hold) on top
        bool operator()(const Expiry& a, const Expiry& b) const
        {
            return a.at != b.at ? a.at > b.at : a.hold > b.hold;
        }
    };
    struct Emitter;

    void initTables();
    void openBatch();
    // Room for `bytes` at the open batch's write position.
    std::uint8_t* journalRoom(std::size_t bytes)
    {
        if (m_open->size() - m_openSize < bytes) [[unlikely]]
            growOpenBatch(bytes);
        return m_open->data() + m_openSize;
    }
    void growOpenBatch(std::size_t bytes);
    // A record's header at the write position (returns the record's offset), and its length,
    // outcome and event count once the command has run. Inline in LedgerEmitter.h.
    std::size_t beginJournalRecord(const RecordHeader& header);
    void endJournalRecord(std::size_t offset, Status status, std::uint32_t detail, std::uint16_t events);
    Status dispatch(const Command& c, Emitter& out);
    void replayedResult(const Command& c, const IdempotencyIndex::Entry& entry, std::uint64_t fingerprint,
                        CommandResult* result) const;
    Status validateCommon(const Command& c) const;

    Status doHoldSeats(const Command& c, Emitter& out);
    Status doHoldBest(const Command& c, Emitter& out);
    Status doHoldArea(const Command& c, Emitter& out);
    Status doRelease(const Command& c, Emitter& out);
    Status doExtend(const Command& c, Emitter& out);
    Status doInitiatePayment(const Command& c, Emitter& out);
    Status doFailPayment(const Command& c, Emitter& out);
    Status doConfirm(const Command& c, Emitter& out);
    Status doRefund(const Command& c, Emitter& out);
    Status doExchange(const Command& c, Emitter& out);
    Status doBlock(const Command& c, Emitter& out);
    Status doUnblock(const Command& c, Emitter& out);
    Status doAllocateSeats(const Command& c, Emitter& out);
    Status doDeallocateSeats(const Command& c, Emitter& out);
    Status doMoveAreaCapacity(const Command& c, Emitter& out, EventType type);
    Status doExpire(const Command& c, Emitter& out);
    Status doReissue(const Command& c, Emitter& out);

    // Validation helpers: they never change state.
    Status resolveSeats(const std::vector<SeatId>& ids, std::vector<SeatIndex>* out) const;
    Status checkOnSale(const Command& c) const;
    Status checkHoldable(const Command& c, const std::vector<SeatIndex>& seats, std::uint32_t* failedSeat) const;
    Status findHold(const Command& c, std::uint32_t* slot) const;
    Status findLiveHold(const Command& c, std::uint32_t* slot) const;
    Status priceUnits(const Command& c, std::uint32_t slot, Amount* prices, Amount* total) const;
    Status refundTickets(const Command& c, const Order& order, std::vector<TicketId>* tickets) const;
    Status findBestAvailable(const Command& c, std::vector<SeatIndex>* seats) const;
    bool findBlock(const BestAvailableRequest& request, ChannelId channel, std::uint32_t size,
                   const std::vector<SeatIndex>& taken, SeatIndex* first, std::uint32_t* longestRun) const;
    bool seatSellableBy(SeatIndex seat, ChannelId channel) const;
    const RowSummary& rowSummary(std::uint32_t row) const; // cached, recomputed when unknown
    RowSummary summarizeRow(std::uint32_t row) const;
    // The entry `index` of m_rowsByCategory[category]'s blocks, computed again when its row changed.
    const CategoryRowBlocks& categoryRowBlocks(std::uint16_t category, std::size_t index) const;
    CategoryRowBlocks summarizeCategoryRow(std::uint16_t category, std::uint32_t row) const;
    // The row's seats eligible for `request` through `channel`, one bit per seat from the row's
    // first seat, into m_rowBits (bits past the row's end are 0).
    void eligibleRowBits(std::uint32_t row, const BestAvailableRequest& request, ChannelId channel,
                         const std::vector<SeatIndex>& taken) const;
    void initSeatBits();
    void setSeatBit(std::vector<std::uint64_t>& bits, SeatIndex seat, bool on);
    HoldId nextHoldId(std::uint32_t slot) const;
    Timestamp holdExpiry(const Command& c) const;
    void emitHoldSeats(const Command& c, const std::vector<SeatIndex>& seats, Emitter& out);
    void emitRelease(std::uint32_t slot, ReleaseReason reason, Emitter& out);
    // A 128-bit keyed PRF of (event, ticket, exchange count): AES-128 under the last 16 bytes of
    // the event's ticket key (docs/design/ticket-codes.md), expanded once in m_ticketCipher.
    TicketCode makeTicketCode(TicketId id, std::uint32_t generation) const
    {
        static_assert(sizeof(TicketCode) == sizeof(AesBlock));
        USHER_ASSERT(id <= 0xffffffffu); // ticket ids are dense per event: far below 2^32
        return m_ticketCipher.encrypt(m_spec.id, id | std::uint64_t(generation) << 32);
    }
    Status checkSpecUpdate(const EventSpec& next, std::string* error) const;
    void restrideHolds(std::uint32_t stride);

    // The only mutations (LedgerApply.cpp).
    void applyEvent(const RecordHeader& header, const JournalEvent& event);
    std::uint32_t takeHoldSlot(const RecordHeader& header, const JournalEvent& e);
    void releaseHoldUnits(std::uint32_t slot, std::uint32_t units);
    void applySeatHeld(const RecordHeader& header, const JournalEvent& e);
    void applyAreaHeld(const RecordHeader& header, const JournalEvent& e);
    void applySeatReleased(const JournalEvent& e);
    void applyAreaReleased(const JournalEvent& e);
    void applyOrderCreated(const RecordHeader& header, const JournalEvent& e);
    Ticket& addTicket(const JournalEvent& e);
    void applySeatConfirmed(const JournalEvent& e);
    void applyAreaConfirmed(const JournalEvent& e);
    void applyRefunded(const JournalEvent& e);
    void applyExchanged(const JournalEvent& e);
    void applySeatInventory(const JournalEvent& e);
    void applyAreaInventory(const JournalEvent& e);
    void setSeat(SeatIndex seat, SeatStatus status, std::uint32_t ref);
    void markSeatDirty(SeatIndex seat);
    void markAreaDirty(std::uint32_t area);
    AreaPool& pool(std::uint32_t area, ChannelId channel);
    const AreaPool* findPool(std::uint32_t area, ChannelId channel) const;
    void pushExpiry(Timestamp at, HoldId hold);
    void rebuildExpiries();
    // `keyHash`: IdempotencyIndex::hashOf(header.key), computed once by execute() for the lookup
    // (unused in replay, which may meet a key twice and goes through insert()).
    void registerKey(const RecordHeader& header, std::uint32_t batchSerial, std::uint32_t offset,
                     std::uint64_t keyHash);
    const std::uint8_t* recordBytes(const IdempotencyIndex::Entry& entry, std::size_t* size) const;
    void clearDirty();
    void retireOldestBatch();
    bool readSnapshot(ByteReader& r, Seq* floorSeq, std::string* error);
    bool readSnapshotHolds(ByteReader& r);
    bool readSnapshotOrders(ByteReader& r);
    bool rebuildDerived(std::string* error);
    std::string seatInvariantViolation() const;
    std::string holdInvariantViolation() const;
    std::string areaInvariantViolation(const std::vector<std::vector<std::uint64_t>>& heldByPool) const;
    std::string orderInvariantViolation() const;

    EventSpec m_spec; // replaced only by updateSpec()
    // The ticket codes' key, expanded (its id and ticket key never change: checkSpecUpdate).
    const Aes128Key m_ticketCipher { m_spec.ticketKey.data() + 16 };
    const LedgerOptions m_options;
    std::uint32_t m_holdSeatsStride; // seats reserved per hold slot; grows with ticketsPerOrderPeak

    BigVector<SeatSlot> m_seats;
    std::vector<std::uint32_t> m_rowAvailable;            // available seats per row
    // Best-available's bitmaps, one bit per seat index (a spare word at the end, so that 64 bits
    // can be read from any position): available seats (setSeat keeps it), seats allocated to a
    // channel (the allocation events keep it), and fixed ones per category and for accessible
    // (wheelchair or companion) seats. A row's eligible seats are then a few word operations.
    std::vector<std::uint64_t> m_availableBits;
    std::vector<std::uint64_t> m_allocatedBits;
    std::vector<std::uint32_t> m_rowAllocated;            // allocated seats per row
    mutable std::vector<std::uint64_t> m_rowEpoch;        // advanced by rowSummary() on each recompute
    // Per category c and block size k (1..kBlockSizesCached), at c * (kBlockSizesCached + 1) + k:
    // the entries of m_rowsByCategory[c] before it are rows with fewer than k available seats.
    mutable std::vector<std::uint32_t> m_categoryCursor;
    mutable std::vector<std::vector<CategoryRowBlocks>> m_categoryRowBlocks; // see CategoryRowBlocks
    std::vector<std::vector<std::uint64_t>> m_categoryBits;
    std::vector<std::uint64_t> m_accessibleBits;
    mutable std::vector<std::uint64_t> m_rowBits;         // scratch of eligibleRowBits()
    mutable std::vector<RowSummary> m_rowSummary;           // see RowSummary
    // Per category: (best rank of the category in the row, row), best first; for best-available.
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> m_rowsByCategory;
    std::vector<std::vector<AreaPool>> m_areas;           // [0] is the open pool
    BigVector<HoldSlot> m_holds;
    BigVector<SeatIndex> m_holdSeats;                   // slot * stride
    BigVector<std::uint32_t> m_freeHolds;               // stack of free slots; back() goes next
    BigVector<Expiry> m_expiries;                       // min-heap on (at, hold); stale entries skipped
    BigVector<Order> m_orders;                            // [id - 1]
    OrderText m_orderText;                              // the orders' text (Order::text)
    BigVector<Ticket> m_tickets;                        // [id - 1]
    std::vector<std::string> m_blockReasons;
    LedgerCounts m_counts;

    Seq m_lastSeq = 0;
    Seq m_snapshotFloorSeq = 1;
    bool m_replaying = false; // replay may meet a key twice; live commands never do
    IdempotencyIndex m_idempotency;
    std::deque<BatchPtr> m_batches;     // retained for the idempotency index; back() may be open
    std::uint32_t m_batchBase = 0;      // serial of m_batches.front()
    std::shared_ptr<BatchBytes> m_open; // the open batch (also m_batches.back())
    // The open batch's write position: records are encoded in place at m_open->data() + m_openSize.
    // m_open->size() runs ahead of it (grown in steps by growOpenBatch), so an append checks one
    // bound and stores, with no per-record vector growth; takeBatch() trims the batch to it.
    std::size_t m_openSize = 0;
    // Buffers for new batches, touched already: the journal arena (fillJournalArena) and retired
    // batches. Kept while their capacity stays within m_arenaBytes (or up to 4 of them without an arena).
    std::vector<std::shared_ptr<BatchBytes>> m_spareBatches;
    std::size_t m_spareBytes = 0;  // capacity of m_spareBatches
    std::size_t m_arenaBytes = 0;  // the arena's size
    std::size_t m_arenaFilled = 0; // bytes of arena buffers warm() has made
    // How far warm() has touched the orders, tickets, expiries tables and the orders' text arena
    // (bytes from their start).
    std::array<std::size_t, 4> m_warmTables {};
    std::size_t m_lastBatchBytes = 0;
    std::size_t m_openRecords = 0;
    Seq m_openFirstSeq = 0;

    std::vector<SeatIndex> m_dirtySeats;
    std::vector<std::uint8_t> m_areaDirty;
    std::vector<std::uint32_t> m_dirtyAreas;

    // Scratch space reused across commands (the ledger allocates nothing per hold once warm).
    std::vector<SeatIndex> m_scratchSeats;
    mutable std::vector<std::uint32_t> m_seatMark; // duplicate detection: == m_markEpoch means seen
    mutable std::uint32_t m_markEpoch = 0;
};

} // namespace usher
