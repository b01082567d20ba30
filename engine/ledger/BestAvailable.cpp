// Best-available: N adjacent seats in one row of a category, best rank first, never leaving a
// single orphan seat beside the block when another choice exists. A group is split only when the
// request allows it, and then into as few blocks as possible.

#include "core/Assert.h"
#include "ledger/Ledger.h"

#include <algorithm>

namespace usher {

bool Ledger::seatEligible(SeatIndex seat, const BestAvailableRequest& request, ChannelId channel,
                          const std::vector<SeatIndex>& taken) const
{
    if (!seatSellableBy(seat, channel))
        return false;
    const VenueSeat& s = m_spec.venue->seats[seat];
    if (s.category != request.category)
        return false;
    if (request.accessible && (s.flags & (SeatWheelchair | SeatCompanion)) == 0)
        return false;
    return std::find(taken.begin(), taken.end(), seat) == taken.end();
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

const Ledger::RowSummary& Ledger::rowSummary(std::uint32_t row) const
{
    if (m_rowSummary[row].longestRun == kRunUnknown)
        m_rowSummary[row] = summarizeRow(row);
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
    for (const auto& [rowRank, row] : m_rowsByCategory[request.category]) {
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
        const SeatIndex end = r.firstSeat + r.seatCount;
        for (SeatIndex s = r.firstSeat; s < end;) {
            if (!seatEligible(s, request, channel, taken)) {
                ++s;
                continue;
            }
            const SeatIndex runStart = s;
            while (s < end && seatEligible(s, request, channel, taken))
                ++s;
            const SeatIndex runEnd = s;
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
    seats->clear();
    SeatIndex first = 0;
    std::uint32_t longest = 0;
    if (request.together) {
        if (!findBlock(request, c.channel, request.quantity, *seats, &first, &longest))
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
        if (!findBlock(request, c.channel, size, *seats, &first, &longest)) {
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
