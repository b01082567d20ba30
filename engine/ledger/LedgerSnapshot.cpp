// Snapshots (the state at one seq, checksummed) and replay (journal batches applied through
// applyEvent, exactly as the live commands were).

#include "core/Assert.h"
#include "journal/ByteWriter.h"
#include "journal/Crc32c.h"
#include "ledger/Ledger.h"

#include <algorithm>
#include <cstring>
#include <string_view>
#include <type_traits>

namespace usher {

namespace {
constexpr std::uint32_t kSnapshotMagic = 0x31535355; // "USS1"
constexpr std::uint16_t kSnapshotVersion = 1;

// Counts the bytes a write pass would produce (the same calls as SpanWriter), so that the snapshot
// is sized once: no per-field vector growth, no reallocation and copy of megabytes.
class SizeCounter {
public:
    template <typename T> void put(T /*value*/)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        m_size += sizeof(T);
    }
    void putBytes(const void* /*data*/, std::size_t size) { m_size += size; }
    void putText(std::string_view text) { m_size += sizeof(std::uint16_t) + text.size(); }
    std::size_t size() const { return m_size; }

private:
    std::size_t m_size = 0;
};

} // namespace

std::vector<std::uint8_t> Ledger::snapshot() const
{
    // One pass counts, the second writes into the buffer sized by the first.
    auto write = [this](auto& w) {
        w.put(kSnapshotMagic), w.put(kSnapshotVersion), w.put(static_cast<std::uint16_t>(0));
        w.put(static_cast<EventId>(m_spec.id)), w.put(static_cast<Seq>(m_lastSeq));
        w.put(static_cast<Seq>(idempotencyFloorSeq()));
        w.put(static_cast<std::uint32_t>(m_seats.size()));
        w.put(static_cast<std::uint32_t>(m_areas.size()));
        w.put(static_cast<std::uint32_t>(m_holds.size()));
        w.put(static_cast<std::uint32_t>(m_holdSeatsStride));
        for (const SeatSlot& s : m_seats)
            w.put(static_cast<std::uint8_t>(s.status)), w.put(s.allocation), w.put(s.ref);
        w.put(static_cast<std::uint32_t>(m_blockReasons.size()));
        for (const std::string& reason : m_blockReasons)
            w.putText(reason);
        for (const auto& pools : m_areas) {
            w.put(static_cast<std::uint16_t>(pools.size()));
            for (const AreaPool& p : pools)
                w.put(p.channel), w.put(p.capacity), w.put(p.held), w.put(p.sold);
        }
        for (std::uint32_t slot = 0; slot < m_holds.size(); ++slot) {
            const HoldSlot& h = m_holds[slot];
            w.put(h.generation), w.put(h.id);
            if (h.id == 0)
                continue;
            w.put(static_cast<std::uint8_t>(h.holder.kind)), w.put(h.holder.id), w.put(h.channel), w.put(h.pool);
            w.put(static_cast<std::uint8_t>(h.paymentPending ? 1 : 0)), w.put(h.seatCount), w.put(h.area);
            w.put(h.live);
            w.put(h.createdAt), w.put(h.expiresAt), w.put(h.paymentAmount);
            for (std::uint32_t i = 0; i < h.seatCount; ++i)
                w.put(m_holdSeats[std::size_t(slot) * m_holdSeatsStride + i]);
        }
        w.put(static_cast<std::uint32_t>(m_freeHolds.size()));
        w.putBytes(m_freeHolds.data(), m_freeHolds.size() * sizeof(std::uint32_t));
        w.put(static_cast<std::uint64_t>(m_orders.size()));
        for (const Order& o : m_orders) {
            // The layout of the 208-byte Order (a 64-bit first ticket, a 32-bit count): unchanged.
            w.put(o.hold), w.put(static_cast<std::uint8_t>(o.actorKind)), w.put(o.actorId), w.put(o.channel);
            w.put(o.createdAt), w.put(o.amount), w.put(o.refunded), w.put(TicketId(o.firstTicket));
            w.put(std::uint32_t(o.ticketCount));
            const BuyerView buyer = o.buyer();
            w.putText(o.paymentRef()), w.putText(buyer.name), w.putText(buyer.email), w.putText(buyer.phone);
        }
        w.put(static_cast<std::uint64_t>(m_tickets.size()));
        for (const Ticket& t : m_tickets) {
            w.put(t.order), w.put(t.seat), w.put(t.area), w.put(t.pool), w.put(t.priceType);
            w.put(static_cast<std::uint8_t>(t.status)), w.put(t.generation), w.put(t.amount), w.put(t.refunded);
            w.putBytes(t.code.data(), t.code.size());
        }
    };
    SizeCounter counter;
    write(counter);
    const std::size_t body = counter.size();
    std::vector<std::uint8_t> out(body + sizeof(std::uint32_t));
    SpanWriter w(out.data(), out.size());
    write(w);
    USHER_ASSERT(w.size() == body);
    w.put(crc32c(out.data(), body));
    return out;
}

bool Ledger::readSnapshot(ByteReader& r, Seq* floorSeq, std::string* error)
{
    const auto magic = r.get<std::uint32_t>();
    const auto version = r.get<std::uint16_t>();
    r.skip(2);
    const auto event = r.get<EventId>();
    m_lastSeq = r.get<Seq>();
    *floorSeq = r.get<Seq>();
    const auto seats = r.get<std::uint32_t>(), areas = r.get<std::uint32_t>();
    const auto holds = r.get<std::uint32_t>(), stride = r.get<std::uint32_t>();
    if (!r.ok() || magic != kSnapshotMagic || version != kSnapshotVersion || event != m_spec.id) {
        *error = "snapshot header is not for this event or version";
        return false;
    }
    // A snapshot taken before ticketsPerOrderMax was raised has a smaller stride: fine, each hold's
    // seat count is checked against ours.
    if (seats != m_seats.size() || areas != m_areas.size() || holds != m_holds.size() || stride == 0) {
        *error = "snapshot does not match the event's venue or limits";
        return false;
    }
    for (SeatSlot& s : m_seats) {
        const auto status = r.get<std::uint8_t>();
        s.allocation = r.get<ChannelId>(), s.ref = r.get<std::uint32_t>();
        if (status > static_cast<std::uint8_t>(SeatStatus::Blocked))
            r.fail();
        s.status = static_cast<SeatStatus>(status);
    }
    const auto reasons = r.get<std::uint32_t>();
    for (std::uint32_t i = 0; i < reasons && r.ok(); ++i)
        m_blockReasons.emplace_back(r.getText());
    for (auto& pools : m_areas) {
        pools.resize(r.get<std::uint16_t>());
        for (AreaPool& p : pools)
            p.channel = r.get<ChannelId>(), p.capacity = r.get<std::uint32_t>(), p.held = r.get<std::uint32_t>(),
            p.sold = r.get<std::uint32_t>();
    }
    return r.ok() && readSnapshotHolds(r) && readSnapshotOrders(r);
}

bool Ledger::readSnapshotHolds(ByteReader& r)
{
    for (std::uint32_t slot = 0; slot < m_holds.size() && r.ok(); ++slot) {
        HoldSlot& h = m_holds[slot];
        h.generation = r.get<std::uint32_t>(), h.id = r.get<HoldId>();
        if (h.id == 0)
            continue;
        const auto kind = r.get<std::uint8_t>();
        h.holder = Actor{static_cast<ActorKind>(kind), r.get<std::uint64_t>()};
        h.channel = r.get<ChannelId>(), h.pool = r.get<ChannelId>();
        h.paymentPending = r.get<std::uint8_t>() != 0;
        h.seatCount = r.get<std::uint16_t>(), h.area = r.get<std::uint32_t>(), h.live = r.get<std::uint32_t>();
        h.createdAt = r.get<Timestamp>(), h.expiresAt = r.get<Timestamp>(), h.paymentAmount = r.get<Amount>();
        if (h.seatCount > m_holdSeatsStride || kind > 6 || (h.id & 0xffffffffu) != slot)
            return false;
        for (std::uint32_t i = 0; i < h.seatCount; ++i) {
            const auto seat = r.get<SeatIndex>();
            if (seat >= m_seats.size())
                return false;
            m_holdSeats[std::size_t(slot) * m_holdSeatsStride + i] = seat;
        }
    }
    const auto free = r.get<std::uint32_t>();
    if (!r.ok() || free > m_holds.size())
        return false;
    m_freeHolds.resize(free);
    r.getBytes(m_freeHolds.data(), free * sizeof(std::uint32_t));
    for (std::uint32_t slot : m_freeHolds)
        if (slot >= m_holds.size() || m_holds[slot].id != 0)
            return false;
    return r.ok();
}

bool Ledger::readSnapshotOrders(ByteReader& r)
{
    const auto orders = r.get<std::uint64_t>();
    if (!r.ok() || orders > r.remaining())
        return false;
    m_orders.resize(orders);
    for (std::uint64_t i = 0; i < orders && r.ok(); ++i) {
        Order& o = m_orders[i];
        o.id = i + 1;
        o.hold = r.get<HoldId>();
        o.actorKind = static_cast<ActorKind>(r.get<std::uint8_t>());
        o.actorId = r.get<std::uint64_t>();
        o.channel = r.get<ChannelId>(), o.createdAt = r.get<Timestamp>(), o.amount = r.get<Amount>();
        o.refunded = r.get<Amount>();
        const auto firstTicket = r.get<TicketId>();
        const auto ticketCount = r.get<std::uint32_t>();
        const std::string_view paymentRef = r.getText(), name = r.getText(), email = r.getText();
        const std::string_view phone = r.getText();
        // Bounded amounts keep every sum the invariant check makes far from overflow.
        if (o.amount < 0 || o.amount > kAmountMax || o.refunded < 0 || o.refunded > o.amount)
            return false;
        // Ticket numbers an Order cannot hold: no ledger wrote them (the invariant check finds the rest).
        if (firstTicket > 0xffffffffu || ticketCount > limits::orderTicketsMax || !r.ok())
            return false;
        for (std::string_view text : { paymentRef, name, email, phone })
            if (text.size() > limits::textBytesMax)
                return false;
        o.firstTicket = static_cast<std::uint32_t>(firstTicket), o.ticketCount = static_cast<std::uint8_t>(ticketCount);
        o.text = m_orderText.add(paymentRef, name, email, phone);
    }
    const auto tickets = r.get<std::uint64_t>();
    if (!r.ok() || tickets > r.remaining())
        return false;
    m_tickets.resize(tickets);
    for (std::uint64_t i = 0; i < tickets && r.ok(); ++i) {
        Ticket& t = m_tickets[i];
        t.id = i + 1;
        t.order = r.get<OrderId>(), t.seat = r.get<SeatIndex>(), t.area = r.get<std::uint32_t>();
        t.pool = r.get<ChannelId>(), t.priceType = r.get<std::uint8_t>();
        const auto status = r.get<std::uint8_t>();
        t.status = static_cast<TicketStatus>(status);
        t.generation = r.get<std::uint32_t>(), t.amount = r.get<Amount>(), t.refunded = r.get<Amount>();
        r.getBytes(t.code.data(), t.code.size());
        if (status < 1 || status > 2 || t.order == 0 || t.order > orders)
            return false;
        if (t.amount < 0 || t.amount > kAmountMax || t.refunded < 0 || t.refunded > t.amount)
            return false;
        if ((t.seat != kNoSeat && t.seat >= m_seats.size()) || (t.seat == kNoSeat && t.area >= m_areas.size()))
            return false;
    }
    return r.ok();
}

std::unique_ptr<Ledger> Ledger::restore(const EventSpec& spec, const LedgerOptions& options,
                                        const std::vector<std::uint8_t>& snapshot, std::string* error)
{
    if (snapshot.size() < 4 || crc32c(snapshot.data(), snapshot.size() - 4) != [&] {
            std::uint32_t crc = 0;
            std::memcpy(&crc, snapshot.data() + snapshot.size() - 4, 4);
            return crc;
        }()) {
        *error = "snapshot checksum mismatch";
        return nullptr;
    }
    auto ledger = std::make_unique<Ledger>(spec, options);
    ByteReader r(snapshot.data(), snapshot.size() - 4);
    Seq floor = 0;
    if (!ledger->readSnapshot(r, &floor, error) || !r.atEnd()) {
        if (error->empty())
            *error = "snapshot is malformed";
        return nullptr;
    }
    if (!ledger->rebuildDerived(error))
        return nullptr;
    ledger->m_snapshotFloorSeq = floor;
    ledger->m_openFirstSeq = ledger->m_lastSeq + 1;
    return ledger;
}

// Recomputes what the snapshot does not store (counters, row availability, the expiry heap) and
// cross-checks the stored tables against each other before anything runs on them.
bool Ledger::rebuildDerived(std::string* error)
{
    m_counts = LedgerCounts{};
    for (std::size_t r = 0; r < m_rowAvailable.size(); ++r)
        m_rowAvailable[r] = 0, m_rowSummary[r].longestRun = kRunUnknown;
    std::fill(m_categoryCursor.begin(), m_categoryCursor.end(), 0);
    for (SeatIndex s = 0; s < m_seats.size(); ++s) {
        const SeatSlot& slot = m_seats[s];
        switch (slot.status) {
        case SeatStatus::Available:
            ++m_counts.available, ++m_rowAvailable[m_seats[s].row];
            break;
        case SeatStatus::Held: ++m_counts.held; break;
        case SeatStatus::Sold: ++m_counts.sold; break;
        case SeatStatus::Blocked: ++m_counts.blocked; break;
        }
        m_counts.allocated += slot.allocation != kOpenPool;
    }
    for (const auto& pools : m_areas)
        for (const AreaPool& p : pools)
            m_counts.areaHeld += p.held, m_counts.areaSold += p.sold;
    initSeatBits();
    rebuildExpiries();
    const std::string problem = invariantViolation();
    if (!problem.empty()) {
        *error = "snapshot is inconsistent: " + problem;
        return false;
    }
    return true;
}

bool Ledger::replay(const BatchPtr& batch, std::vector<SeatIndex>* changedSeats, std::vector<std::uint32_t>* changedAreas)
{
    USHER_ASSERT(batch != nullptr && m_openRecords == 0);
    BatchHeader header;
    if (!verifyBatch(*batch, m_spec.id, &header))
        return false;
    // Keep the replayed batch for the idempotency index, in front of the (empty) open batch.
    m_batches.pop_back();
    m_batches.push_back(batch);
    const auto serial = static_cast<std::uint32_t>(m_batchBase + m_batches.size() - 1);
    m_replaying = true;
    const bool ok = forEachRecord(*batch, [&](const RecordView& record) {
        if (record.header.seq > m_lastSeq + 1)
            return false; // a gap in the journal
        if (record.header.seq == m_lastSeq + 1) {
            EventCursor cursor = record.events();
            JournalEvent event;
            while (cursor.next(&event))
                applyEvent(record.header, event);
            if (!cursor.ok())
                return false;
            m_lastSeq = record.header.seq;
        }
        registerKey(record.header, serial, static_cast<std::uint32_t>(record.offset), 0); // replay: insert() hashes
        return true;
    });
    m_replaying = false;
    m_batches.push_back(m_open);
    m_openFirstSeq = m_lastSeq + 1;
    if (changedSeats != nullptr)
        changedSeats->assign(m_dirtySeats.begin(), m_dirtySeats.end());
    if (changedAreas != nullptr)
        changedAreas->assign(m_dirtyAreas.begin(), m_dirtyAreas.end());
    clearDirty();
    return ok;
}

void Ledger::clearDirty()
{
    for (SeatIndex s : m_dirtySeats)
        m_seats[s].dirty = 0;
    m_dirtySeats.clear();
    for (std::uint32_t a : m_dirtyAreas)
        m_areaDirty[a] = 0;
    m_dirtyAreas.clear();
}

} // namespace usher
