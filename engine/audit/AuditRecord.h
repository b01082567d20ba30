#pragma once

// What the audit log knows of one journal record: the row the index keeps (AuditRow, enough to
// list, filter and search) and the whole record decoded from the journal (AuditRecord, for the
// detail pane). See docs/design/admin-views.md, "Audit log".

#include "core/Status.h"
#include "core/Types.h"
#include "journal/JournalFormat.h"
#include "ledger/Command.h"
#include "ledger/CommandResult.h"

#include <cstdint>
#include <string>
#include <vector>

namespace usher {
class Storage;
}

namespace usher::audit {

// The position of a row in the audit order: (time in ms << 20) | n, n counting the records of
// that millisecond in the order the index met them. Time is clamped to be monotonic per event, so
// within an event the order is the journal's seq order.
using AuditKey = std::int64_t;
constexpr int kAuditKeyShift = 20;
constexpr AuditKey auditKeyAt(Timestamp ms)
{
    return AuditKey(ms) << kAuditKeyShift;
}
constexpr Timestamp auditKeyTime(AuditKey key)
{
    return Timestamp(key >> kAuditKeyShift);
}

struct AuditRow {
    AuditKey key = 0;
    EventId event = 0;
    Seq seq = 0;
    Timestamp at = 0; // the record's own time (the key's time may be clamped)
    CommandKind kind = CommandKind::Expire;
    Status status = Status::Ok;
    ChannelId channel = 0;
    Actor actor;
    HoldId hold = 0;             // when the record concerns exactly one hold
    OrderId order = 0;           // the order it created or changed; for a hold that became an order, that order
    std::uint32_t seatCount = 0; // seats it names (every seat is in the index's seat table)
    SeatId firstSeat = 0;
    AreaId area = 0;
    std::uint32_t quantity = 0;  // GA units
    Amount amount = 0;           // order total, payment, refund or exchange difference
    std::uint32_t eventMask = 0; // bit (1 << EventType) for every event type in the record
    std::uint32_t detail = 0;    // Expire: holds released; SeatUnavailable: the seat id
    Seq batchSeq = 0;            // the journal batch (its first seq) holding the record
    std::uint32_t offset = 0;    // the record's byte offset in that batch
    std::string text;            // the words search looks at

    friend bool operator==(const AuditRow&, const AuditRow&) = default;
};

// A JournalEvent that owns its text: the event's own text views are empty, the strings hold them
// (so that the struct copies safely).
struct AuditEvent {
    JournalEvent event;
    std::string text;
    std::string buyerName;
    std::string buyerEmail;
    std::string buyerPhone;
};

// A whole record as the journal has it.
struct AuditRecord {
    EventId event = 0;
    Seq batchSeq = 0;
    std::uint32_t offset = 0;
    RecordHeader header;
    std::vector<AuditEvent> events;
};

// The index row of a record (key, batchSeq and offset are the caller's). `seats` gets every seat id
// the record names, without duplicates. False when the record's events are corrupt.
bool auditRowFromRecord(const RecordView& record, AuditRow* row, std::vector<SeatId>* seats);

// Reads the record `seq` of `event` from the journal. RecordNotFound-like failures answer
// InvalidArgument with *error saying so; storage failures pass through.
Status readAuditRecord(Storage& storage, EventId event, Seq seq, AuditRecord* out, std::string* error);

// "buyer", "clerk"... (the words the search text uses)
const char* actorKindName(ActorKind kind);

} // namespace usher::audit
