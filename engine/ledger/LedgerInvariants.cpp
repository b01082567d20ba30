// The ledger's invariants, checked by scanning everything. Tests run them after every command;
// restore runs them on every snapshot it loads.

#include "core/Assert.h"
#include "ledger/Ledger.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace usher {

namespace {
std::string describe(const char* what, std::uint64_t where)
{
    return std::string(what) + " (at " + std::to_string(where) + ")";
}
} // namespace

void Ledger::checkInvariants() const
{
    const std::string problem = invariantViolation();
    if (!problem.empty()) {
        std::fprintf(stderr, "usher: ledger invariant violated for event %llu: %s\n",
                     static_cast<unsigned long long>(m_spec.id), problem.c_str());
        std::abort();
    }
}

std::string Ledger::invariantViolation() const
{
    std::string problem = seatInvariantViolation();
    if (problem.empty())
        problem = holdInvariantViolation();
    if (problem.empty())
        problem = orderInvariantViolation();
    return problem;
}

// Per-state counts add up; a held seat is in exactly the hold its slot names; a sold seat is the
// seat of exactly the ticket it names.
std::string Ledger::seatInvariantViolation() const
{
    LedgerCounts counted;
    std::vector<std::uint32_t> rowAvailable(m_rowAvailable.size(), 0);
    for (SeatIndex s = 0; s < m_seats.size(); ++s) {
        const SeatSlot& slot = m_seats[s];
        if (slot.id != venue().seats[s].id || slot.row != venue().seats[s].row
            || slot.category != venue().seats[s].category)
            return describe("seat slot disagrees with the venue", s);
        counted.allocated += slot.allocation != kOpenPool;
        switch (slot.status) {
        case SeatStatus::Available:
            ++counted.available, ++rowAvailable[m_seats[s].row];
            break;
        case SeatStatus::Held: {
            ++counted.held;
            if (slot.ref >= m_holds.size() || m_holds[slot.ref].id == 0 || m_holds[slot.ref].area != kNoArea)
                return describe("held seat without a live seat hold", s);
            const HoldSlot& h = m_holds[slot.ref];
            const SeatIndex* seats = &m_holdSeats[std::size_t(slot.ref) * m_holdSeatsStride];
            if (std::find(seats, seats + h.seatCount, s) == seats + h.seatCount)
                return describe("held seat missing from its hold", s);
            if (slot.allocation != kOpenPool && slot.allocation != h.channel)
                return describe("seat held through a channel it is not allocated to", s);
            break;
        }
        case SeatStatus::Sold:
            ++counted.sold;
            if (slot.ref >= m_tickets.size() || m_tickets[slot.ref].seat != s
                || m_tickets[slot.ref].status != TicketStatus::Valid)
                return describe("sold seat without its valid ticket", s);
            break;
        case SeatStatus::Blocked:
            ++counted.blocked;
            if (slot.ref >= m_blockReasons.size())
                return describe("blocked seat without a reason", s);
            break;
        }
    }
    if (counted.available != m_counts.available || counted.held != m_counts.held || counted.sold != m_counts.sold
        || counted.blocked != m_counts.blocked || counted.allocated != m_counts.allocated)
        return "seat state counts do not add up";
    if (counted.available + counted.held + counted.sold + counted.blocked != m_seats.size())
        return "seat states do not cover every seat";
    if (rowAvailable != m_rowAvailable)
        return "per-row availability is wrong";
    for (std::uint32_t r = 0; r < m_rowSummary.size(); ++r)
        if (m_rowSummary[r].longestRun != kRunUnknown && !(m_rowSummary[r] == summarizeRow(r)))
            return "cached best-available summary of row " + std::to_string(r) + " is stale";
    for (std::size_t at = 0; at < m_categoryCursor.size(); ++at) {
        const std::size_t c = at / (kBlockSizesCached + 1);
        const std::size_t least = at % (kBlockSizesCached + 1);
        for (std::uint32_t i = 0; i < m_categoryCursor[at]; ++i)
            if (m_rowAvailable[m_rowsByCategory[c][i].second] >= least)
                return "best-available passes over row " + std::to_string(m_rowsByCategory[c][i].second)
                    + ", which has " + std::to_string(least) + " or more available seats";
    }
    for (std::size_t c = 0; c < m_categoryRowBlocks.size(); ++c)
        for (std::size_t i = 0; i < m_categoryRowBlocks[c].size(); ++i) {
            const CategoryRowBlocks& cached = m_categoryRowBlocks[c][i];
            const std::uint32_t row = m_rowsByCategory[c][i].second;
            // Valid only while the row's summary is too: a change makes the summary unknown first.
            if (cached.epoch == m_rowEpoch[row] && m_rowSummary[row].longestRun != kRunUnknown
                && !(cached == summarizeCategoryRow(static_cast<std::uint16_t>(c), row)))
                return "cached best-available blocks of row " + std::to_string(row) + " are stale";
        }
    return {};
}

// Every live hold's seats are held by it (so a seat is in at most one hold); GA pools never exceed
// their capacity and add up to the area's; free and live slots partition the table.
std::string Ledger::holdInvariantViolation() const
{
    std::vector<std::uint8_t> isFree(m_holds.size(), 0);
    for (std::uint32_t slot : m_freeHolds) {
        if (slot >= m_holds.size() || isFree[slot] || m_holds[slot].id != 0)
            return describe("free list is corrupt", slot);
        isFree[slot] = 1;
    }
    std::vector<std::vector<std::uint64_t>> heldByPool(m_areas.size());
    for (std::uint32_t slot = 0; slot < m_holds.size(); ++slot) {
        const HoldSlot& h = m_holds[slot];
        if ((h.id == 0) != (isFree[slot] != 0))
            return describe("hold slot neither free nor live", slot);
        if (h.id == 0)
            continue;
        if ((h.id & 0xffffffffu) != slot || (h.id >> 32) != h.generation || h.live == 0)
            return describe("hold id does not match its slot", slot);
        if (h.area != kNoArea) {
            if (h.seatCount != 0 || h.area >= m_areas.size() || findPool(h.area, h.pool) == nullptr)
                return describe("GA hold is malformed", slot);
            heldByPool[h.area].push_back((std::uint64_t(h.pool) << 32) | h.live);
            continue;
        }
        if (h.live != h.seatCount)
            return describe("seat hold is partly released", slot);
        for (std::uint32_t i = 0; i < h.seatCount; ++i) {
            const SeatIndex s = m_holdSeats[std::size_t(slot) * m_holdSeatsStride + i];
            if (s >= m_seats.size() || m_seats[s].status != SeatStatus::Held || m_seats[s].ref != slot)
                return describe("hold names a seat it does not hold", slot);
        }
    }
    return areaInvariantViolation(heldByPool);
}

std::string Ledger::areaInvariantViolation(const std::vector<std::vector<std::uint64_t>>& heldByPool) const
{
    std::uint64_t held = 0, sold = 0;
    for (std::uint32_t a = 0; a < m_areas.size(); ++a) {
        std::uint64_t capacity = 0;
        for (const AreaPool& p : m_areas[a]) {
            if (std::uint64_t(p.held) + p.sold > p.capacity)
                return describe("GA pool over capacity", a);
            capacity += p.capacity;
            std::uint64_t holdsHere = 0;
            for (std::uint64_t entry : heldByPool[a])
                if ((entry >> 32) == p.channel)
                    holdsHere += entry & 0xffffffffu;
            if (holdsHere != p.held)
                return describe("GA pool held count differs from its holds", a);
            held += p.held, sold += p.sold;
        }
        if (capacity != m_spec.venue->areas[a].capacity || m_areas[a].empty() || m_areas[a][0].channel != kOpenPool)
            return describe("GA pools do not add up to the area's capacity", a);
    }
    if (held != m_counts.areaHeld || sold != m_counts.areaSold)
        return "GA counts do not add up";
    return {};
}

// Orders add up to their tickets; each valid seated ticket is its seat's one sale; GA tickets add
// up to the pools' sold counts.
std::string Ledger::orderInvariantViolation() const
{
    std::vector<std::vector<std::uint32_t>> soldByPool(m_areas.size());
    for (const Order& o : m_orders) {
        // Written to survive a corrupt snapshot: no addition that could wrap.
        if (o.firstTicket < 1 || o.firstTicket > m_tickets.size() || o.ticketCount > m_tickets.size() - (o.firstTicket - 1))
            return describe("order names tickets that do not exist", o.id);
        Amount amount = 0, refunded = 0;
        for (TicketId t = o.firstTicket; t < o.firstTicket + o.ticketCount; ++t) {
            const Ticket& ticket = m_tickets[t - 1];
            if (ticket.order != o.id)
                return describe("ticket belongs to another order", t);
            amount += ticket.amount, refunded += ticket.refunded;
        }
        if (amount != o.amount || refunded != o.refunded || o.refunded > o.amount)
            return describe("order totals differ from its tickets", o.id);
    }
    std::vector<std::uint64_t> gaSold(m_areas.size(), 0);
    for (const Ticket& t : m_tickets) {
        if (t.status != TicketStatus::Valid)
            continue;
        if (t.seat != kNoSeat) {
            if (m_seats[t.seat].status != SeatStatus::Sold || m_seats[t.seat].ref != t.id - 1)
                return describe("valid ticket whose seat is not sold to it", t.id);
        } else {
            ++gaSold[t.area];
        }
    }
    for (std::uint32_t a = 0; a < m_areas.size(); ++a) {
        std::uint64_t sold = 0;
        for (const AreaPool& p : m_areas[a])
            sold += p.sold;
        if (sold != gaSold[a])
            return describe("GA sold count differs from valid GA tickets", a);
    }
    return {};
}

} // namespace usher
