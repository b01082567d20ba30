// Best-available: N adjacent seats in one row of a category, best rank first, never leaving a
// single orphan seat beside the block when another choice exists. A group is split only when the
// request allows it, and then into as few blocks as possible.

#include "core/Assert.h"
#include "ledger/Ledger.h"
#include "ledger/SeatBits.h"

#include <algorithm>

namespace usher {

namespace {

// 64 bits of `bits` starting at bit `pos` (the vector has a spare word at the end).
std::uint64_t bitsAt(const std::vector<std::uint64_t>& bits, std::size_t pos)
{
    const std::size_t word = pos >> 6;
    const unsigned offset = pos & 63;
    return offset == 0 ? bits[word] : (bits[word] >> offset) | (bits[word + 1] << (64 - offset));
}

// The first set (or, with `invert`, clear) bit at or after `from`, or `end`. Bits past `end` are 0.
std::uint32_t nextBit(const std::vector<std::uint64_t>& bits, std::uint32_t from, std::uint32_t end, bool invert)
{
    if (from >= end)
        return end;
    std::size_t word = from >> 6;
    const std::uint64_t flip = invert ? ~0ull : 0;
    std::uint64_t w = (bits[word] ^ flip) & (~0ull << (from & 63));
    while (w == 0) {
        if (++word * 64 >= end)
            return end;
        w = bits[word] ^ flip;
    }
    return std::min<std::uint32_t>(end, static_cast<std::uint32_t>(word * 64 + std::size_t(__builtin_ctzll(w))));
}

} // namespace

void Ledger::initSeatBits()
{
    const Venue& venue = *m_spec.venue;
    const std::size_t words = (std::size_t(venue.seatCount()) + 63) / 64 + 1;
    m_availableBits.assign(words, 0);
    m_allocatedBits.assign(words, 0);
    m_accessibleBits.assign(words, 0);
    m_categoryBits.assign(venue.categories.size(), std::vector<std::uint64_t>(words, 0));
    m_rowAllocated.assign(venue.rows.size(), 0);
    for (SeatIndex s = 0; s < venue.seatCount(); ++s) {
        const VenueSeat& seat = venue.seats[s];
        setSeatBit(m_availableBits, s, m_seats[s].status == SeatStatus::Available);
        setSeatBit(m_allocatedBits, s, m_seats[s].allocation != kOpenPool);
        setSeatBit(m_accessibleBits, s, (seat.flags & (SeatWheelchair | SeatCompanion)) != 0);
        setSeatBit(m_categoryBits[seat.category], s, true);
        m_rowAllocated[seat.row] += m_seats[s].allocation != kOpenPool;
    }
    std::uint32_t longestRow = 0;
    for (const VenueRow& row : venue.rows)
        longestRow = std::max(longestRow, row.seatCount);
    m_rowBits.assign((std::size_t(longestRow) + 63) / 64 + 1, 0);
}

void Ledger::setSeatBit(std::vector<std::uint64_t>& bits, SeatIndex seat, bool on)
{
    setSeatBitIn(bits, seat, on);
}

void Ledger::eligibleRowBits(std::uint32_t row, const BestAvailableRequest& request, ChannelId channel,
                             const std::vector<SeatIndex>& taken) const
{
    const VenueRow& r = m_spec.venue->rows[row];
    const std::vector<std::uint64_t>& category = m_categoryBits[request.category];
    const std::size_t words = (std::size_t(r.seatCount) + 63) / 64;
    for (std::size_t i = 0; i < words; ++i) {
        const std::size_t pos = r.firstSeat + i * 64;
        std::uint64_t e = bitsAt(m_availableBits, pos) & bitsAt(category, pos);
        if (request.accessible)
            e &= bitsAt(m_accessibleBits, pos);
        if (m_rowAllocated[row] != 0) {
            // Allocated seats are sellable only by their own channel (rare: look at each).
            std::uint64_t allocated = bitsAt(m_allocatedBits, pos) & e;
            e &= ~allocated;
            for (; allocated != 0; allocated &= allocated - 1) {
                const int b = __builtin_ctzll(allocated);
                if (m_seats[pos + std::size_t(b)].allocation == channel)
                    e |= 1ull << b;
            }
        }
        const std::size_t left = r.seatCount - i * 64;
        if (left < 64)
            e &= (1ull << left) - 1;
        m_rowBits[i] = e;
    }
    for (SeatIndex t : taken)
        if (t >= r.firstSeat && t < r.firstSeat + r.seatCount)
            m_rowBits[(t - r.firstSeat) >> 6] &= ~(1ull << ((t - r.firstSeat) & 63));
}

Ledger::RowSummary Ledger::summarizeRow(std::uint32_t row) const
{
    const Venue& venue = *m_spec.venue;
    const VenueRow& r = venue.rows[row];
    RowSummary summary{0, 0xffffffffu};
    std::uint32_t run = 0;
    for (SeatIndex s = r.firstSeat; s < r.firstSeat + r.seatCount; ++s) {
        if (m_seats[s].status != SeatStatus::Available) {
            run = 0;
            continue;
        }
        summary.longestRun = std::max(summary.longestRun, ++run);
        summary.bestRank = std::min(summary.bestRank, venue.seats[s].rank);
    }
    return summary;
}

Ledger::CategoryRowBlocks Ledger::summarizeCategoryRow(std::uint16_t category, std::uint32_t row) const
{
    const Venue& venue = *m_spec.venue;
    const VenueRow& r = venue.rows[row];
    CategoryRowBlocks summary;
    summary.epoch = m_rowEpoch[row];
    auto eligible = [&](SeatIndex s) {
        return m_seats[s].status == SeatStatus::Available && venue.seats[s].category == category;
    };
    const SeatIndex end = r.firstSeat + r.seatCount;
    for (SeatIndex runStart = r.firstSeat; runStart < end;) {
        if (!eligible(runStart)) {
            ++runStart;
            continue;
        }
        SeatIndex runEnd = runStart + 1;
        while (runEnd < end && eligible(runEnd))
            ++runEnd;
        const std::uint32_t length = runEnd - runStart;
        summary.longestRun = std::max(summary.longestRun, length);
        // The blocks of each size in this run, left to right as findBlock() visits them: a block
        // replaces the best only when strictly better, so the first of equals stays.
        for (std::uint32_t size = 1; size <= std::min(length, kBlockSizesCached); ++size) {
            RowBlock& best = summary.blocks[size - 1];
            std::uint32_t sum = 0;
            for (SeatIndex k = runStart; k < runStart + size; ++k)
                sum += venue.seats[k].rank;
            for (SeatIndex w = runStart;; ++w) {
                const auto orphans = static_cast<std::uint8_t>((w - runStart == 1) + (runEnd - (w + size) == 1));
                if (!best.found || orphans < best.orphans || (orphans == best.orphans && sum < best.rankSum))
                    best = RowBlock{sum, static_cast<std::uint16_t>(w - r.firstSeat), orphans, 1};
                if (w + size >= runEnd)
                    break;
                sum += venue.seats[w + size].rank - venue.seats[w].rank;
            }
        }
        runStart = runEnd;
    }
    return summary;
}

const Ledger::CategoryRowBlocks& Ledger::categoryRowBlocks(std::uint16_t category, std::size_t index) const
{
    CategoryRowBlocks& cached = m_categoryRowBlocks[category][index];
    const std::uint32_t row = m_rowsByCategory[category][index].second;
    if (cached.epoch != m_rowEpoch[row])
        cached = summarizeCategoryRow(category, row);
    return cached;
}

const Ledger::RowSummary& Ledger::rowSummary(std::uint32_t row) const
{
    if (m_rowSummary[row].longestRun == kRunUnknown) {
        m_rowSummary[row] = summarizeRow(row);
        ++m_rowEpoch[row]; // the row changed: its per-category blocks are stale
    }
    return m_rowSummary[row];
}

namespace {

struct Candidate {
    bool found = false;
    std::uint32_t orphans = 0; // single seats the block would strand beside it (0..2)
    std::uint64_t rankSum = 0;
    SeatIndex first = 0;

    bool worseThan(std::uint32_t o, std::uint64_t sum) const
    {
        return !found || o < orphans || (o == orphans && sum < rankSum);
    }
};

} // namespace

// Finds the best block of `size` eligible seats. Rows are visited best first; once a block without
// orphans is known, a row whose best seat cannot beat it ends the search. When nothing is found
// every row was scanned, and *longestRun is the longest eligible run anywhere.
bool Ledger::findBlock(const BestAvailableRequest& request, ChannelId channel, std::uint32_t size,
                       const std::vector<SeatIndex>& taken, SeatIndex* first, std::uint32_t* longestRun) const
{
    USHER_ASSERT(size > 0);
    const Venue& venue = *m_spec.venue;
    Candidate best;
    *longestRun = 0;
    const auto& rows = m_rowsByCategory[request.category];
    // Rows at the top with too few seats left are passed once, not on every search (setSeat()
    // resets the cursor when one of them gains a seat). A split also needs the longest run of any
    // row, so it skips only rows without a seat.
    const std::uint32_t least = request.together ? std::min(size, kBlockSizesCached) : 1;
    std::uint32_t& cursor = m_categoryCursor[std::size_t(request.category) * (kBlockSizesCached + 1) + least];
    while (cursor < rows.size() && m_rowAvailable[rows[cursor].second] < least)
        ++cursor;
    for (std::size_t index = cursor; index < rows.size(); ++index) {
        const auto [rowRank, row] = rows[index];
        if (best.found && best.orphans == 0 && std::uint64_t(size) * rowRank >= best.rankSum)
            break;
        // Neither a block nor a longer run can come from a row whose available seats are fewer,
        // or whose longest run of available seats is shorter (eligible seats are available).
        const std::uint32_t useful = std::min(size, *longestRun + 1);
        if (m_rowAvailable[row] < useful)
            continue;
        const RowSummary& summary = rowSummary(row);
        if (summary.longestRun < useful)
            continue;
        // Nor a better block from a row whose best available seat cannot beat a block without
        // orphans already found; but it may still hold the longest run the split needs.
        if (best.found && best.orphans == 0 && std::uint64_t(size) * summary.bestRank >= best.rankSum
            && summary.longestRun <= *longestRun)
            continue;
        const VenueRow& r = venue.rows[row];
        if (size <= kBlockSizesCached && !request.accessible && m_rowAllocated[row] == 0
            && std::none_of(taken.begin(), taken.end(),
                            [&r](SeatIndex t) { return t >= r.firstSeat && t < r.firstSeat + r.seatCount; })) {
            // Every available seat of the category is eligible: the cached blocks are the answer.
            const CategoryRowBlocks& cached = categoryRowBlocks(request.category, index);
            *longestRun = std::max(*longestRun, cached.longestRun);
            const RowBlock& block = cached.blocks[size - 1];
            if (block.found && best.worseThan(block.orphans, block.rankSum))
                best = Candidate{true, block.orphans, block.rankSum, r.firstSeat + block.offset};
            continue;
        }
        eligibleRowBits(row, request, channel, taken);
        for (std::uint32_t at = 0;;) {
            const std::uint32_t start = nextBit(m_rowBits, at, r.seatCount, false);
            if (start == r.seatCount)
                break;
            at = nextBit(m_rowBits, start, r.seatCount, true);
            const SeatIndex runStart = r.firstSeat + start;
            const SeatIndex runEnd = r.firstSeat + at;
            *longestRun = std::max(*longestRun, runEnd - runStart);
            if (runEnd - runStart < size)
                continue;
            std::uint64_t sum = 0;
            std::uint32_t wheelchairs = 0;
            for (SeatIndex k = runStart; k < runStart + size; ++k)
                sum += venue.seats[k].rank, wheelchairs += (venue.seats[k].flags & SeatWheelchair) != 0;
            for (SeatIndex w = runStart;; ++w) {
                const std::uint32_t orphans = (w - runStart == 1) + (runEnd - (w + size) == 1);
                if ((!request.accessible || wheelchairs > 0) && best.worseThan(orphans, sum))
                    best = Candidate{true, orphans, sum, w};
                if (w + size >= runEnd)
                    break;
                sum += venue.seats[w + size].rank - std::uint64_t(venue.seats[w].rank);
                wheelchairs += (venue.seats[w + size].flags & SeatWheelchair) != 0;
                wheelchairs -= (venue.seats[w].flags & SeatWheelchair) != 0;
            }
        }
    }
    *first = best.first;
    return best.found;
}

Status Ledger::findBestAvailable(const Command& c, std::vector<SeatIndex>* seats) const
{
    const BestAvailableRequest& request = c.best;
    const ChannelId pool = c.openPoolOnly ? kOpenPool : c.channel; // whose allocated seats are eligible
    seats->clear();
    SeatIndex first = 0;
    std::uint32_t longest = 0;
    if (request.together) {
        if (!findBlock(request, pool, request.quantity, *seats, &first, &longest))
            return Status::NoSeatsTogether;
        for (std::uint32_t i = 0; i < request.quantity; ++i)
            seats->push_back(first + i);
        return Status::Ok;
    }
    // Split: the largest block that fits, then the largest for the rest, and so on.
    std::uint32_t remaining = request.quantity;
    std::uint32_t size = remaining;
    while (remaining > 0) {
        size = std::min(size, remaining);
        if (size == 0) {
            seats->clear();
            return Status::SeatUnavailable;
        }
        if (!findBlock(request, pool, size, *seats, &first, &longest)) {
            size = std::min(size - 1, longest);
            continue;
        }
        for (std::uint32_t i = 0; i < size; ++i)
            seats->push_back(first + i);
        remaining -= size;
    }
    return Status::Ok;
}

} // namespace usher
