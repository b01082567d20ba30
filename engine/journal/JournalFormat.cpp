#include "journal/JournalFormat.h"

#include "core/Assert.h"
#include "core/Limits.h"
#include "core/SmallCopy.h"
#include "journal/ByteWriter.h"
#include "journal/Crc32c.h"
#include "journal/HotEvents.h"

#include <cstring>
#include <string_view>
#include <type_traits>

namespace usher {

const char* eventTypeName(EventType type)
{
    switch (type) {
    case EventType::SeatHeld: return "SEAT_HELD";
    case EventType::SeatReleased: return "SEAT_RELEASED";
    case EventType::AreaHeld: return "GA_HELD";
    case EventType::AreaReleased: return "GA_RELEASED";
    case EventType::HoldExtended: return "HOLD_EXTENDED";
    case EventType::PaymentInitiated: return "PAYMENT_INITIATED";
    case EventType::OrderCreated: return "ORDER_CREATED";
    case EventType::SeatConfirmed: return "SEAT_CONFIRMED";
    case EventType::AreaConfirmed: return "GA_CONFIRMED";
    case EventType::SeatRefunded: return "SEAT_REFUNDED";
    case EventType::AreaRefunded: return "GA_REFUNDED";
    case EventType::TicketExchanged: return "TICKET_EXCHANGED";
    case EventType::SeatBlocked: return "SEAT_BLOCKED";
    case EventType::SeatUnblocked: return "SEAT_UNBLOCKED";
    case EventType::SeatAllocated: return "SEAT_ALLOCATED";
    case EventType::SeatDeallocated: return "SEAT_DEALLOCATED";
    case EventType::AreaAllocated: return "GA_ALLOCATED";
    case EventType::AreaDeallocated: return "GA_DEALLOCATED";
    case EventType::TicketReissued: return "TICKET_REISSUED";
    case EventType::EventUpdated: return "EVENT_UPDATED";
    }
    return "UNKNOWN";
}

const char* releaseReasonName(ReleaseReason reason)
{
    switch (reason) {
    case ReleaseReason::Released: return "released";
    case ReleaseReason::Expired: return "expired";
    case ReleaseReason::PaymentFailed: return "payment failed";
    case ReleaseReason::PaymentTimeout: return "payment timeout";
    }
    return "unknown";
}

void encodeBatchHeader(BatchBytes* out, const BatchHeader& h)
{
    USHER_ASSERT(out->size() >= kBatchHeaderBytes);
    ByteWriter w(out);
    std::size_t at = 0;
    auto put = [&](auto value) {
        w.patch(at, value);
        at += sizeof(value);
    };
    put(h.magic);
    put(h.version);
    put(h.reserved);
    put(h.event);
    put(h.firstSeq);
    put(h.recordCount);
    put(h.bytes);
    put(h.crc);
    put(h.reserved2);
    USHER_ASSERT(at == kBatchHeaderBytes);
}

bool decodeBatchHeader(const std::uint8_t* data, std::size_t size, BatchHeader* h)
{
    ByteReader r(data, size);
    h->magic = r.get<std::uint32_t>();
    h->version = r.get<std::uint16_t>();
    h->reserved = r.get<std::uint16_t>();
    h->event = r.get<EventId>();
    h->firstSeq = r.get<Seq>();
    h->recordCount = r.get<std::uint32_t>();
    h->bytes = r.get<std::uint32_t>();
    h->crc = r.get<std::uint32_t>();
    h->reserved2 = r.get<std::uint32_t>();
    return r.ok() && h->magic == kBatchMagic && h->version == kJournalVersion;
}

namespace {
constexpr std::size_t kBatchCrcOffset = 4 + 2 + 2 + 8 + 8 + 4 + 4;
} // namespace

std::uint32_t batchChecksum(const BatchBytes& batch)
{
    USHER_ASSERT(batch.size() >= kBatchHeaderBytes);
    const std::uint32_t head = crc32c(batch.data(), kBatchCrcOffset);
    return crc32c(batch.data() + kBatchCrcOffset + 4, batch.size() - kBatchCrcOffset - 4, head);
}

bool verifyBatch(const BatchBytes& batch, EventId expectedEvent, BatchHeader* header)
{
    if (!decodeBatchHeader(batch.data(), batch.size(), header))
        return false;
    if (header->bytes != batch.size() || header->event != expectedEvent || header->firstSeq == 0)
        return false;
    return batchChecksum(batch) == header->crc;
}

void encodeRecordHeaderAt(std::uint8_t* at, const RecordHeader& h)
{
    encodeRecordHeaderInline(at, h);
}

std::size_t beginRecord(BatchBytes* out, const RecordHeader& h)
{
    const std::size_t offset = out->size();
    out->resize(offset + kRecordHeaderBytes);
    encodeRecordHeaderAt(out->data() + offset, h);
    return offset;
}

void finishRecordAt(std::uint8_t* record, std::size_t length, Status status, std::uint32_t detail,
                    std::uint16_t eventCount)
{
    finishRecordInline(record, length, status, detail, eventCount);
}

void endRecord(BatchBytes* out, std::size_t recordOffset, Status status, std::uint32_t detail, std::uint16_t eventCount)
{
    USHER_ASSERT(recordOffset + kRecordHeaderBytes <= out->size());
    finishRecordAt(out->data() + recordOffset, out->size() - recordOffset, status, detail, eventCount);
}

bool decodeRecordHeader(const std::uint8_t* data, std::size_t size, RecordHeader* h)
{
    ByteReader r(data, size);
    h->length = r.get<std::uint32_t>();
    h->seq = r.get<Seq>();
    const auto kind = r.get<std::uint8_t>();
    const auto status = r.get<std::uint8_t>();
    h->channel = r.get<ChannelId>();
    const auto actorKind = r.get<std::uint8_t>();
    h->actor.id = r.get<std::uint64_t>();
    h->now = r.get<Timestamp>();
    h->key.hi = r.get<std::uint64_t>();
    h->key.lo = r.get<std::uint64_t>();
    h->fingerprint = r.get<std::uint64_t>();
    h->detail = r.get<std::uint32_t>();
    h->eventCount = r.get<std::uint16_t>();
    const auto fingerprintVersion = r.get<std::uint8_t>();
    r.skip(2);
    if (!r.ok() || h->length < kRecordHeaderBytes || h->length > size || h->seq == 0)
        return false;
    if (fingerprintVersion > kFingerprintVersion)
        return false;
    h->fingerprintVersion = fingerprintVersion == 0 ? 1 : fingerprintVersion;
    if (kind == 0 || kind > kCommandKindMax || !statusIsKnown(status) || actorKind > 6)
        return false;
    h->kind = static_cast<CommandKind>(kind);
    h->status = static_cast<Status>(status);
    h->actor.kind = static_cast<ActorKind>(actorKind);
    return true;
}

namespace {

void encodePayload(RawWriter& w, const JournalEvent& e)
{
    switch (e.type) {
    case EventType::SeatHeld:
        encodePayloadOf<EventType::SeatHeld>(w, e);
        return;
    case EventType::SeatReleased:
        encodePayloadOf<EventType::SeatReleased>(w, e);
        return;
    case EventType::AreaHeld:
        w.put(e.area), w.put(e.quantity), w.put(e.channel), w.put(e.hold), w.put(e.expiresAt);
        return;
    case EventType::AreaReleased:
        w.put(e.area), w.put(e.quantity), w.put(e.channel), w.put(e.hold), w.put(e.reason);
        return;
    case EventType::HoldExtended:
        w.put(e.hold), w.put(e.expiresAt);
        return;
    case EventType::PaymentInitiated:
        w.put(e.hold), w.put(e.amount), w.put(e.expiresAt), w.putText(e.text);
        return;
    case EventType::OrderCreated:
        encodePayloadOf<EventType::OrderCreated>(w, e);
        return;
    case EventType::SeatConfirmed:
        encodePayloadOf<EventType::SeatConfirmed>(w, e);
        return;
    case EventType::AreaConfirmed:
        encodePayloadOf<EventType::AreaConfirmed>(w, e);
        return;
    case EventType::SeatRefunded:
        w.put(e.seat), w.put(e.order), w.put(e.ticket), w.put(e.amount), w.putText(e.text);
        return;
    case EventType::AreaRefunded:
        w.put(e.area), w.put(e.channel), w.put(e.order), w.put(e.ticket), w.put(e.amount), w.putText(e.text);
        return;
    case EventType::TicketExchanged:
        USHER_ASSERT(e.amount >= 0); // the first form (kExchangeAmountAsSold) is read, never written
        w.put(e.order), w.put(e.ticket), w.put(e.seat), w.put(e.toSeat);
        w.putBytes(e.code.data(), e.code.size());
        w.put(e.priceType), w.put(e.amount), w.put(e.difference);
        return;
    case EventType::SeatBlocked:
        w.put(e.seat), w.putText(e.text);
        return;
    case EventType::SeatUnblocked:
        w.put(e.seat);
        return;
    case EventType::SeatAllocated:
    case EventType::SeatDeallocated:
        w.put(e.seat), w.put(e.channel);
        return;
    case EventType::AreaAllocated:
    case EventType::AreaDeallocated:
        w.put(e.area), w.put(e.channel), w.put(e.quantity);
        return;
    case EventType::TicketReissued:
        w.put(e.order), w.put(e.ticket), w.put(e.seat), w.put(e.area), w.put(e.priceType), w.put(e.amount);
        w.putBytes(e.code.data(), e.code.size());
        return;
    case EventType::EventUpdated:
        w.put(e.quantity), w.putText(e.text);
        return;
    }
    USHER_ASSERT(false && "unknown event type");
}

bool decodePayload(ByteReader& r, JournalEvent* e)
{
    switch (e->type) {
    case EventType::SeatHeld:
        e->seat = r.get<SeatId>(), e->hold = r.get<HoldId>(), e->expiresAt = r.get<Timestamp>();
        break;
    case EventType::SeatReleased:
        e->seat = r.get<SeatId>(), e->hold = r.get<HoldId>(), e->reason = r.get<std::uint8_t>();
        break;
    case EventType::AreaHeld:
        e->area = r.get<AreaId>(), e->quantity = r.get<std::uint32_t>(), e->channel = r.get<ChannelId>();
        e->hold = r.get<HoldId>(), e->expiresAt = r.get<Timestamp>();
        break;
    case EventType::AreaReleased:
        e->area = r.get<AreaId>(), e->quantity = r.get<std::uint32_t>(), e->channel = r.get<ChannelId>();
        e->hold = r.get<HoldId>(), e->reason = r.get<std::uint8_t>();
        break;
    case EventType::HoldExtended:
        e->hold = r.get<HoldId>(), e->expiresAt = r.get<Timestamp>();
        break;
    case EventType::PaymentInitiated:
        e->hold = r.get<HoldId>(), e->amount = r.get<Amount>(), e->expiresAt = r.get<Timestamp>();
        e->text = r.getText();
        break;
    case EventType::OrderCreated:
        e->order = r.get<OrderId>(), e->hold = r.get<HoldId>(), e->amount = r.get<Amount>();
        e->text = r.getText(), e->buyerName = r.getText(), e->buyerEmail = r.getText(), e->buyerPhone = r.getText();
        break;
    case EventType::SeatConfirmed:
        e->seat = r.get<SeatId>(), e->order = r.get<OrderId>(), e->ticket = r.get<TicketId>();
        e->priceType = r.get<std::uint8_t>(), e->amount = r.get<Amount>();
        r.getBytes(e->code.data(), e->code.size());
        break;
    case EventType::AreaConfirmed:
        e->area = r.get<AreaId>(), e->channel = r.get<ChannelId>(), e->order = r.get<OrderId>();
        e->ticket = r.get<TicketId>(), e->priceType = r.get<std::uint8_t>(), e->amount = r.get<Amount>();
        r.getBytes(e->code.data(), e->code.size());
        break;
    case EventType::SeatRefunded:
        e->seat = r.get<SeatId>(), e->order = r.get<OrderId>(), e->ticket = r.get<TicketId>();
        e->amount = r.get<Amount>(), e->text = r.getText();
        break;
    case EventType::AreaRefunded:
        e->area = r.get<AreaId>(), e->channel = r.get<ChannelId>(), e->order = r.get<OrderId>();
        e->ticket = r.get<TicketId>(), e->amount = r.get<Amount>(), e->text = r.getText();
        break;
    case EventType::TicketExchanged:
        e->order = r.get<OrderId>(), e->ticket = r.get<TicketId>(), e->seat = r.get<SeatId>();
        e->toSeat = r.get<SeatId>();
        r.getBytes(e->code.data(), e->code.size());
        if (r.ok() && r.atEnd()) { // the first form: the ticket kept its amount
            e->amount = kExchangeAmountAsSold;
            break;
        }
        e->priceType = r.get<std::uint8_t>(), e->amount = r.get<Amount>(), e->difference = r.get<Amount>();
        if (e->amount < 0)
            return false;
        break;
    case EventType::SeatBlocked:
        e->seat = r.get<SeatId>(), e->text = r.getText();
        break;
    case EventType::SeatUnblocked:
        e->seat = r.get<SeatId>();
        break;
    case EventType::SeatAllocated:
    case EventType::SeatDeallocated:
        e->seat = r.get<SeatId>(), e->channel = r.get<ChannelId>();
        break;
    case EventType::AreaAllocated:
    case EventType::AreaDeallocated:
        e->area = r.get<AreaId>(), e->channel = r.get<ChannelId>(), e->quantity = r.get<std::uint32_t>();
        break;
    case EventType::TicketReissued:
        e->order = r.get<OrderId>(), e->ticket = r.get<TicketId>(), e->seat = r.get<SeatId>();
        e->area = r.get<AreaId>(), e->priceType = r.get<std::uint8_t>(), e->amount = r.get<Amount>();
        r.getBytes(e->code.data(), e->code.size());
        break;
    case EventType::EventUpdated:
        e->quantity = r.get<std::uint32_t>(), e->text = r.getText();
        break;
    default:
        return false;
    }
    return r.ok() && r.atEnd();
}

} // namespace

static_assert(kEventBytesMax == 3 + 64 + 4 * (2 + limits::textBytesMax));

std::size_t encodeEventAt(std::uint8_t* at, std::size_t room, const JournalEvent& event)
{
    USHER_ASSERT(room >= eventBytesBound(event));
    RawWriter w(at);
    w.put<std::uint8_t>(static_cast<std::uint8_t>(event.type));
    w.put<std::uint16_t>(0);
    encodePayload(w, event);
    const std::size_t length = w.size() - 3;
    USHER_ASSERT(length <= 0xffff);
    const auto length16 = static_cast<std::uint16_t>(length);
    std::memcpy(at + 1, &length16, 2);
    return w.size();
}

void encodeEvent(BatchBytes* out, const JournalEvent& event)
{
    std::uint8_t buffer[kEventBytesMax];
    const std::size_t size = encodeEventAt(buffer, sizeof(buffer), event);
    out->insert(out->end(), buffer, buffer + size);
}

EventCursor::EventCursor(const std::uint8_t* data, std::size_t size, std::uint16_t count)
    : m_data(data), m_size(size), m_left(count)
{
}

bool EventCursor::next(JournalEvent* event)
{
    if (!m_ok || m_left == 0) {
        if (m_ok && m_at != m_size)
            m_ok = false; // trailing bytes after the last event
        return false;
    }
    ByteReader r(m_data + m_at, m_size - m_at);
    const auto type = r.get<std::uint8_t>();
    const auto length = r.get<std::uint16_t>();
    if (!r.ok() || type == 0 || type > kEventTypeMax || r.remaining() < length) {
        m_ok = false;
        return false;
    }
    *event = JournalEvent{};
    event->type = static_cast<EventType>(type);
    ByteReader payload(m_data + m_at + 3, length);
    if (!decodePayload(payload, event)) {
        m_ok = false;
        return false;
    }
    m_at += 3 + std::size_t(length);
    --m_left;
    return true;
}

EventCursor RecordView::events() const
{
    return EventCursor(data + kRecordHeaderBytes, header.length - kRecordHeaderBytes, header.eventCount);
}

bool forEachRecord(const BatchBytes& batch, const std::function<bool(const RecordView&)>& visit)
{
    BatchHeader batchHeader;
    if (!decodeBatchHeader(batch.data(), batch.size(), &batchHeader) || batchHeader.bytes != batch.size())
        return false;
    std::size_t at = kBatchHeaderBytes;
    Seq expectSeq = batchHeader.firstSeq;
    for (std::uint32_t i = 0; i < batchHeader.recordCount; ++i) {
        RecordView view;
        view.offset = at;
        view.data = batch.data() + at;
        if (!decodeRecordHeader(view.data, batch.size() - at, &view.header) || view.header.seq != expectSeq)
            return false;
        if (!visit(view))
            return false;
        at += view.header.length;
        ++expectSeq;
    }
    return at == batch.size();
}

namespace {

// Inline: every confirm's ticket comes through here, and the call cost more than the copy.
[[gnu::always_inline]] inline void addTicket(CommandResult* result, const JournalEvent& e)
{
    IssuedTicket t;
    t.id = e.ticket;
    t.seat = e.type == EventType::TicketExchanged ? e.toSeat : e.seat;
    t.area = e.area;
    t.priceType = e.priceType;
    t.amount = e.amount == kExchangeAmountAsSold && e.type == EventType::TicketExchanged ? 0 : e.amount;
    t.code = e.code;
    result->tickets.push_back(t);
}

} // namespace

void foldEvent(CommandResult* result, const JournalEvent& e)
{
    switch (e.type) {
    case EventType::SeatHeld:
        foldEventOf<EventType::SeatHeld>(result, e);
        break;
    case EventType::AreaHeld:
        result->hold = e.hold, result->expiresAt = e.expiresAt, result->area = e.area, result->quantity = e.quantity;
        break;
    case EventType::SeatReleased:
        foldEventOf<EventType::SeatReleased>(result, e);
        break;
    case EventType::AreaReleased:
        result->hold = e.hold, result->area = e.area, result->quantity = e.quantity;
        break;
    case EventType::HoldExtended:
        result->hold = e.hold, result->expiresAt = e.expiresAt;
        break;
    case EventType::PaymentInitiated:
        result->hold = e.hold, result->expiresAt = e.expiresAt, result->amount = e.amount;
        break;
    case EventType::OrderCreated:
        foldEventOf<EventType::OrderCreated>(result, e);
        break;
    case EventType::SeatConfirmed:
        foldEventOf<EventType::SeatConfirmed>(result, e);
        break;
    case EventType::AreaConfirmed:
        foldEventOf<EventType::AreaConfirmed>(result, e);
        break;
    case EventType::SeatRefunded:
    case EventType::AreaRefunded:
        result->order = e.order, result->amount += e.amount;
        addTicket(result, e);
        break;
    case EventType::TicketExchanged:
        result->order = e.order, result->amount += e.difference;
        addTicket(result, e);
        break;
    case EventType::TicketReissued:
        result->order = e.order;
        addTicket(result, e);
        break;
    case EventType::EventUpdated:
        result->count = e.quantity;
        break;
    case EventType::SeatBlocked:
    case EventType::SeatUnblocked:
    case EventType::SeatAllocated:
    case EventType::SeatDeallocated:
        result->seats.push_back(e.seat);
        break;
    case EventType::AreaAllocated:
    case EventType::AreaDeallocated:
        result->area = e.area, result->quantity = e.quantity;
        break;
    }
}

bool resultFromRecord(const std::uint8_t* record, std::size_t size, CommandResult* result)
{
    RecordHeader h;
    if (!decodeRecordHeader(record, size, &h))
        return false;
    *result = CommandResult{};
    foldRecordHeader(result, h);
    EventCursor cursor(record + kRecordHeaderBytes, h.length - kRecordHeaderBytes, h.eventCount);
    JournalEvent e;
    while (cursor.next(&e))
        foldEvent(result, e);
    return cursor.ok();
}

} // namespace usher
