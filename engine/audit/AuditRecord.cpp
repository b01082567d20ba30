#include "audit/AuditRecord.h"

#include "storage/Storage.h"

#include <algorithm>

namespace usher::audit {
namespace {

bool namesSeat(EventType type)
{
    switch (type) {
    case EventType::SeatHeld:
    case EventType::SeatReleased:
    case EventType::SeatConfirmed:
    case EventType::SeatRefunded:
    case EventType::SeatBlocked:
    case EventType::SeatUnblocked:
    case EventType::SeatAllocated:
    case EventType::SeatDeallocated:
    case EventType::TicketExchanged:
    case EventType::TicketReissued: return true;
    default: return false;
    }
}

void appendWord(std::string* text, std::string_view word)
{
    if (word.empty())
        return;
    if (!text->empty())
        text->push_back(' ');
    text->append(word);
}

// What one event adds to the row.
struct RowFold {
    AuditRow* row;
    std::vector<SeatId>* seats;
    HoldId hold = 0;
    bool manyHolds = false;
    bool orderAmount = false;
    Amount refunded = 0;
    Amount payment = 0;
    Amount difference = 0;

    void add(const JournalEvent& e)
    {
        row->eventMask |= 1u << unsigned(e.type);
        if (namesSeat(e.type) && e.seat != 0)
            seats->push_back(e.seat);
        if (e.type == EventType::TicketExchanged && e.toSeat != 0)
            seats->push_back(e.toSeat);
        if (e.hold != 0 && e.hold != hold) {
            manyHolds = hold != 0;
            hold = hold == 0 ? e.hold : hold;
        }
        if (e.order != 0 && row->order == 0)
            row->order = e.order;
        if (e.area != 0 && row->area == 0)
            row->area = e.area;
        if (e.type == EventType::AreaHeld || e.type == EventType::AreaReleased || e.type == EventType::AreaAllocated
            || e.type == EventType::AreaDeallocated)
            row->quantity += e.quantity;
        if (e.type == EventType::AreaConfirmed || e.type == EventType::AreaRefunded)
            ++row->quantity;
        switch (e.type) {
        case EventType::OrderCreated: row->amount = e.amount, orderAmount = true; break;
        case EventType::SeatRefunded:
        case EventType::AreaRefunded: refunded += e.amount; break;
        case EventType::PaymentInitiated: payment += e.amount; break;
        case EventType::TicketExchanged: difference += e.difference; break;
        default: break;
        }
        if (e.type == EventType::SeatReleased || e.type == EventType::AreaReleased)
            appendWord(&row->text, releaseReasonName(ReleaseReason(e.reason)));
        appendWord(&row->text, e.text);
        appendWord(&row->text, e.buyerName);
        appendWord(&row->text, e.buyerEmail);
        appendWord(&row->text, e.buyerPhone);
    }

    void finish()
    {
        row->hold = manyHolds ? 0 : hold;
        if (!orderAmount)
            row->amount = refunded != 0 ? refunded : payment != 0 ? payment : difference;
        std::sort(seats->begin(), seats->end());
        seats->erase(std::unique(seats->begin(), seats->end()), seats->end());
        row->seatCount = std::uint32_t(seats->size());
        row->firstSeat = seats->empty() ? 0 : seats->front();
    }
};

} // namespace

const char* actorKindName(ActorKind kind)
{
    switch (kind) {
    case ActorKind::None: return "none";
    case ActorKind::Buyer: return "buyer";
    case ActorKind::Clerk: return "clerk";
    case ActorKind::Device: return "device";
    case ActorKind::Promoter: return "promoter";
    case ActorKind::Admin: return "admin";
    case ActorKind::System: return "system";
    }
    return "unknown";
}

bool auditRowFromRecord(const RecordView& record, AuditRow* row, std::vector<SeatId>* seats)
{
    const RecordHeader& h = record.header;
    row->seq = h.seq;
    row->at = h.now;
    row->kind = h.kind;
    row->status = h.status;
    row->channel = h.channel;
    row->actor = h.actor;
    row->detail = h.detail;
    row->text.clear();
    seats->clear();
    appendWord(&row->text, commandKindName(h.kind));
    appendWord(&row->text, statusName(h.status));
    appendWord(&row->text, actorKindName(h.actor.kind));
    appendWord(&row->text, std::to_string(h.actor.id));
    RowFold fold { row, seats };
    EventCursor cursor = record.events();
    JournalEvent e;
    while (cursor.next(&e))
        fold.add(e);
    if (!cursor.ok())
        return false;
    // A refused hold names the first seat it could not have: a dispute about that seat finds it.
    if (h.status == Status::SeatUnavailable && h.detail != 0)
        seats->push_back(h.detail);
    fold.finish();
    return true;
}

namespace {

void copyEvent(const JournalEvent& e, AuditEvent* out)
{
    out->text.assign(e.text);
    out->buyerName.assign(e.buyerName);
    out->buyerEmail.assign(e.buyerEmail);
    out->buyerPhone.assign(e.buyerPhone);
    out->event = e;
    out->event.text = {};
    out->event.buyerName = {};
    out->event.buyerEmail = {};
    out->event.buyerPhone = {};
}

} // namespace

Status readAuditRecord(Storage& storage, EventId event, Seq seq, AuditRecord* out, std::string* error)
{
    bool found = false;
    bool corrupt = false;
    const Status status = storage.readJournal(
        event, seq,
        [&](const BatchPtr& batch) {
            BatchHeader header;
            decodeBatchHeader(batch->data(), batch->size(), &header);
            const bool ok = forEachRecord(*batch, [&](const RecordView& record) {
                if (record.header.seq != seq)
                    return true;
                out->event = event;
                out->batchSeq = header.firstSeq;
                out->offset = std::uint32_t(record.offset);
                out->header = record.header;
                out->events.clear();
                out->events.reserve(record.header.eventCount);
                EventCursor cursor = record.events();
                JournalEvent e;
                while (cursor.next(&e)) {
                    out->events.emplace_back();
                    copyEvent(e, &out->events.back());
                }
                found = cursor.ok();
                corrupt = !cursor.ok();
                return false;
            });
            corrupt = corrupt || (!ok && !found);
            return false; // the first batch holds seq (or nothing does)
        },
        error);
    if (status != Status::Ok)
        return status;
    if (corrupt) {
        *error = "event " + std::to_string(event) + ": journal record " + std::to_string(seq) + " is corrupt";
        return Status::StorageFailed;
    }
    if (!found) {
        *error = "event " + std::to_string(event) + " has no journal record " + std::to_string(seq);
        return Status::InvalidArgument;
    }
    return Status::Ok;
}

} // namespace usher::audit
