// The confirm floor: the least memory work a confirm must do on this machine, measured without the
// ledger, so the table can say how far the real confirm is from it.
//
// Per confirm, on tables sized and pre-touched as the ledger's are for the same venue: look the
// idempotency key up (one table slot, a random line) and record it (the slot and an entry in a
// ring), check the hold (its slot), check and sell its seat (its slot, a random line; the seat's
// category sits in the slot, so no venue record is read), append an order and a ticket, append a
// journal record of the real record's size (158 bytes for a one-seat confirm with a 9-byte payment
// reference: header, ORDER_CREATED, SEAT_CONFIRMED) by copying a template and patching its fields,
// and CRC-32C the batch every 8,192 commands. With `withCode` it also derives the ticket's 128-bit
// code (AES-128, as the ledger does) and the command's fingerprint (commandFingerprint, as
// the ledger does); without, the code is the ticket number and there is no fingerprint, which
// leaves the memory work alone. Prefetching is the ledger's: the hold four commands ahead, the seat
// and the key's slot two ahead. No validation beyond what decides the outcome, no answer besides
// the ticket, no journal format, no deltas for the seat map: this is a bound, not an alternative.

#include "BenchSystem.h"
#include "EngineBenchPhases.h"
#include "core/Aes128.h"
#include "core/Assert.h"
#include "core/HugePageAllocator.h"
#include "core/Prefetch.h"
#include "journal/Crc32c.h"
#include "ledger/Command.h"

#include <bit>
#include <cstring>

namespace usher::bench {

namespace {

constexpr std::size_t kFloorBatchCommands = 8192;
constexpr std::size_t kFloorRecordBytes = 158;
constexpr std::uint8_t kFloorTicketKey[16] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };

struct FloorSeat { // 16 bytes, like the ledger's seat slot
    std::uint8_t status = 0; // 1 held, 2 sold
    std::uint8_t dirty = 0;
    std::uint16_t category = 0;
    std::uint32_t ref = 0; // hold slot or ticket index
    std::uint32_t id = 0;
    std::uint32_t row = 0;
};

struct FloorHold { // 64 bytes, one line: what a confirm checks, and the seats
    HoldId id = 0;
    std::uint64_t holder = 0;
    Timestamp expiresAt = 0;
    std::uint16_t channel = 0;
    std::uint16_t seatCount = 0;
    std::uint32_t seats[9] {};
};
static_assert(sizeof(FloorHold) == 64);

struct FloorEntry { // the idempotency ring: key, fingerprint, time, record position
    IdempotencyKey key;
    std::uint64_t fingerprint = 0;
    Timestamp at = 0;
    std::uint64_t position = 0;
};

struct FloorOrder {
    OrderId id = 0;
    HoldId hold = 0;
    std::uint64_t buyer = 0;
    Timestamp createdAt = 0;
    Amount amount = 0;
    TicketId firstTicket = 0;
    std::uint32_t ticketCount = 0;
    std::uint16_t channel = 0;
};

struct FloorTicket {
    OrderId order = 0;
    std::uint32_t seat = 0;
    std::uint32_t generation = 0;
    Amount amount = 0;
    std::uint8_t code[16] {};
};

std::uint64_t keyHash(const IdempotencyKey& key) // the ledger's (IdempotencyIndex::hashOf)
{
    std::uint64_t h = key.lo ^ (key.hi * 0x9e3779b97f4a7c15ull);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

// The ledger's ticket code: AES-128 (AES-NI) of (event, ticket, generation) under a key expanded
// once, as the ledger's own (engine/core/Aes128.h, Aes128Key).
void ticketCode(const Aes128Key& cipher, std::uint64_t event, std::uint32_t ticket, std::uint32_t generation,
                std::uint8_t* out)
{
    const AesBlock code = cipher.encrypt(event, std::uint64_t(ticket) | std::uint64_t(generation) << 32);
    std::memcpy(out, code.data(), code.size());
}

template <typename T>
void put(std::uint8_t* at, std::size_t offset, T value)
{
    std::memcpy(at + offset, &value, sizeof(T));
}

class ConfirmFloor {
public:
    ConfirmFloor(const Venue& venue, const std::vector<SeatIndex>& order, const std::vector<Command>& confirms)
        : m_confirms(confirms)
    {
        const std::size_t seats = venue.seatCount();
        m_seats.resize(seats);
        for (SeatIndex s = 0; s < seats; ++s)
            m_seats[s] = FloorSeat { 0, 0, venue.seats[s].category, 0, venue.seats[s].id, venue.seats[s].row };
        // Hold i holds seat order[i] (slot i), as the ledger's holds do when made in that order.
        m_holds.resize(seats);
        for (std::size_t i = 0; i < order.size(); ++i) {
            const Command& c = confirms[i];
            USHER_ASSERT((c.hold & 0xffffffffu) == i);
            m_holds[i] = FloorHold { c.hold, c.actor.id, c.now + 600'000, c.channel, 1, { order[i] } };
            m_seats[order[i]].status = 1, m_seats[order[i]].ref = std::uint32_t(i);
        }
        // The ledger's idempotency window for this venue (4 keys per seat), touched now.
        const std::size_t keys = std::bit_ceil(std::max<std::size_t>(4 * seats, 16'384));
        m_ring.assign(keys, FloorEntry {});
        m_table.assign(2 * keys, 0);
        m_mask = m_table.size() - 1;
        m_orders.resize(seats + 16), m_orders.clear();
        m_tickets.resize(seats), m_tickets.clear();
        m_journal.assign(seats * kFloorRecordBytes + kFloorRecordBytes, 0);
    }

    template <bool withCode>
    [[gnu::noinline, gnu::no_icf]] Throughput run()
    {
        const std::size_t n = m_confirms.size();
        std::uint64_t ok = 0;
        std::uint64_t codeBits = 0; // every code is used, so none is optimized away
        const std::int64_t started = monotonicNs();
        std::size_t batchStart = 0;
        const ThreadCpu cpuBefore = threadCpu();
        for (std::size_t i = 0; i < n; ++i) {
            if (i + 8 < n)
                prefetchCommand(m_confirms[i + 8]);
            if (i + 4 < n)
                prefetchLine(&m_holds[m_confirms[i + 4].hold & 0xffffffffu]);
            if (i + 2 < n) {
                const Command& ahead = m_confirms[i + 2];
                prefetchLine(&m_table[keyHash(ahead.key) & m_mask]);
                const FloorHold& h = m_holds[ahead.hold & 0xffffffffu];
                prefetchLine(&m_seats[h.seats[0]]);
            }
            ok += confirm<withCode>(m_confirms[i], &codeBits) ? 1 : 0;
            if ((i + 1) % kFloorBatchCommands == 0 || i + 1 == n) {
                m_crc ^= crc32c(m_journal.data() + batchStart, m_journalSize - batchStart);
                batchStart = m_journalSize;
            }
        }
        const std::int64_t finished = monotonicNs();
        const ThreadCpu cpuAfter = threadCpu();
        USHER_ASSERT(codeBits != 0 || ok == 0);
        Throughput t;
        t.cpuSeconds = cpuAfter.total - cpuBefore.total;
        t.systemSeconds = cpuAfter.system - cpuBefore.system;
        t.commands = ok;
        t.seconds = double(finished - started) / 1e9;
        return t;
    }

    std::string problem(std::size_t expected) const
    {
        if (m_tickets.size() != expected || m_orders.size() != expected)
            return "confirm floor: " + std::to_string(m_tickets.size()) + " tickets, expected "
                + std::to_string(expected);
        for (const FloorTicket& t : m_tickets)
            if (m_seats[t.seat].status != 2)
                return "confirm floor: a ticket's seat is not sold";
        return {};
    }

private:
    template <bool withCode>
    bool confirm(const Command& c, std::uint64_t* codeBits)
    {
        // The key: absent (a first attempt), so its empty slot is where it goes.
        const std::uint64_t hash = keyHash(c.key);
        std::uint64_t slot = hash & m_mask;
        for (; m_table[slot] != 0; slot = (slot + 1) & m_mask)
            if ((m_table[slot] >> 40) == (hash & 0xffffff) && m_ring[(m_table[slot] & 0xffffffffffull) - 1].key == c.key)
                return false; // a retry: the real ledger answers from the journal
        const std::uint32_t holdSlot = static_cast<std::uint32_t>(c.hold & 0xffffffffu);
        FloorHold& h = m_holds[holdSlot];
        if (h.id != c.hold || h.holder != c.actor.id || h.channel != c.channel || c.now >= h.expiresAt)
            return false;
        const SeatIndex seat = h.seats[0];
        FloorSeat& s = m_seats[seat];
        if (s.status != 1 || s.ref != holdSlot)
            return false;
        const Amount price = 1000 + s.category; // a price table lookup in the ledger

        const OrderId order = m_orders.size() + 1;
        const TicketId ticket = m_tickets.size() + 1;
        m_orders.push_back(FloorOrder { order, c.hold, c.actor.id, c.now, price, ticket, 1, c.channel });
        FloorTicket& t = m_tickets.emplace_back();
        t.order = order, t.seat = seat, t.amount = price;
        std::uint64_t fingerprint = 0;
        if constexpr (withCode) {
            ticketCode(m_ticketCipher, 1, std::uint32_t(ticket), 0, t.code);
            fingerprint = commandFingerprint(c);
        } else {
            std::memcpy(t.code, &ticket, sizeof(ticket));
        }
        std::uint64_t firstCodeWord;
        std::memcpy(&firstCodeWord, t.code, 8);
        *codeBits |= firstCodeWord;
        s.status = 2, s.ref = std::uint32_t(ticket - 1);
        h.id = 0;

        // The journal record: a template of the right size with its fields patched in.
        std::uint8_t* r = m_journal.data() + m_journalSize;
        std::memcpy(r, m_template, kFloorRecordBytes);
        put(r, 0, std::uint32_t(kFloorRecordBytes)), put(r, 4, ++m_seq), put(r, 17, c.actor.id), put(r, 25, c.now);
        put(r, 33, c.key.hi), put(r, 41, c.key.lo), put(r, 49, fingerprint);
        put(r, 69, order), put(r, 77, c.hold), put(r, 85, price);
        const std::size_t text = std::min<std::size_t>(c.text.size(), 9);
        put(r, 93, std::uint16_t(text)), std::memcpy(r + 95, c.text.data(), text);
        put(r, 113, seat), put(r, 117, order), put(r, 125, ticket), put(r, 134, price);
        std::memcpy(r + 142, t.code, 16);

        const std::uint64_t number = m_seq - 1;
        m_ring[number & (m_ring.size() - 1)] = FloorEntry { c.key, fingerprint, c.now, m_journalSize };
        m_table[slot] = ((hash & 0xffffff) << 40) | (number + 1);
        m_journalSize += kFloorRecordBytes;
        return true;
    }

    const std::vector<Command>& m_confirms;
    const Aes128Key m_ticketCipher { kFloorTicketKey };
    BigVector<FloorSeat> m_seats;
    BigVector<FloorHold> m_holds;
    BigVector<FloorEntry> m_ring;
    BigVector<std::uint64_t> m_table;
    std::uint64_t m_mask = 0;
    BigVector<FloorOrder> m_orders;
    BigVector<FloorTicket> m_tickets;
    BigVector<std::uint8_t> m_journal;
    std::size_t m_journalSize = 0;
    std::uint8_t m_template[kFloorRecordBytes] {};
    Seq m_seq = 0;
    std::uint32_t m_crc = 0;
};

} // namespace

ConfirmFloorRun runConfirmFloor(const Venue& venue, const std::vector<SeatIndex>& order,
                                const std::vector<Command>& confirms)
{
    ConfirmFloorRun result;
    {
        ConfirmFloor floor(venue, order, confirms);
        result.withCode = floor.run<true>();
        result.failure = floor.problem(order.size());
    }
    ConfirmFloor floor(venue, order, confirms);
    result.memoryOnly = floor.run<false>();
    if (result.failure.empty())
        result.failure = floor.problem(order.size());
    return result;
}

} // namespace usher::bench
