#pragma once

// The journal format: the audit log, the durable truth and the idempotency record, all in one.
//
// A batch (one storage row) is
//
//   BatchHeader (40 bytes) | record | record | ...
//
// and a record is
//
//   RecordHeader (66 bytes) | event | event | ...
//
// and an event is
//
//   u8 type | u16 payload length | payload
//
// All integers are little-endian and fixed-width; text is u16 length + UTF-8 bytes. The numbers of
// EventType, ReleaseReason, CommandKind and Status never change. A reader skips an event whose
// type it does not know only where noted; anything else malformed makes the batch corrupt.

#include "core/Status.h"
#include "core/Types.h"
#include "ledger/Command.h"
#include "ledger/CommandResult.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

namespace usher {

constexpr std::uint32_t kBatchMagic = 0x314a5355; // "USJ1"
constexpr std::uint16_t kJournalVersion = 1;

enum class EventType : std::uint8_t {
    SeatHeld = 1,
    SeatReleased = 2,
    AreaHeld = 3,
    AreaReleased = 4,
    HoldExtended = 5,
    PaymentInitiated = 6,
    OrderCreated = 7,
    SeatConfirmed = 8,
    AreaConfirmed = 9,
    SeatRefunded = 10,
    AreaRefunded = 11,
    TicketExchanged = 12,
    SeatBlocked = 13,
    SeatUnblocked = 14,
    SeatAllocated = 15,
    SeatDeallocated = 16,
    AreaAllocated = 17,
    AreaDeallocated = 18,
    TicketReissued = 19,
    EventUpdated = 20,
};
constexpr std::uint8_t kEventTypeMax = 20;
const char* eventTypeName(EventType type); // "SEAT_HELD"

// TICKET_EXCHANGED payload: order, ticket, seat, toSeat, code (the first form, which kept the
// ticket's amount), then priceType, amount, difference (added when exchanges started to re-price;
// a reader tells the two forms apart by the payload's length). A first-form event decodes with
// amount = kExchangeAmountAsSold and difference 0.
constexpr Amount kExchangeAmountAsSold = -1;

enum class ReleaseReason : std::uint8_t {
    Released = 1,
    Expired = 2,
    PaymentFailed = 3,
    PaymentTimeout = 4,
};
const char* releaseReasonName(ReleaseReason reason);

// One decoded (or about-to-be-encoded) event. Fields not used by a type stay zero. Text fields
// view either the command (live) or the batch bytes (replay); copy them to keep them.
struct JournalEvent {
    EventType type = EventType::SeatHeld;
    SeatId seat = 0;        // SeatHeld/Released/Confirmed/Refunded/Blocked/Unblocked/(De)Allocated
    SeatId toSeat = 0;      // TicketExchanged: new seat (seat = old seat); priceType (kept), amount
                            // (the ticket's price at the new seat) and difference (amount minus
                            // the price before), or amount kExchangeAmountAsSold in a journal
                            // written before exchanges re-priced (the ticket kept its amount)
                            // TicketReissued: order, ticket, seat or area, priceType, amount, code
                            // EventUpdated: quantity (the spec revision), text (the event's name)
    AreaId area = 0;        // Area*
    ChannelId channel = 0;  // Area* (the pool), Seat(De)Allocated, Area(De)Allocated
    std::uint32_t quantity = 0;
    HoldId hold = 0;
    OrderId order = 0;
    TicketId ticket = 0;
    Timestamp expiresAt = 0;
    Amount amount = 0;
    Amount difference = 0;      // TicketExchanged: new amount - old amount (> 0: the buyer pays more)
    std::uint8_t reason = 0;    // ReleaseReason
    std::uint8_t priceType = 0;
    TicketCode code{};
    std::string_view text;      // reason, gateway or payment reference
    std::string_view buyerName;
    std::string_view buyerEmail;
    std::string_view buyerPhone;
    // Not part of the format: the ledger's index of `seat` when the live path already knows it,
    // so applying the event skips the id lookup. Replayed events leave it at kNoSeat.
    SeatIndex seatHint = kNoSeat;
};

struct RecordHeader {
    std::uint32_t length = 0; // the whole record, header included
    Seq seq = 0;
    CommandKind kind = CommandKind::Expire;
    Status status = Status::Ok;
    ChannelId channel = 0;
    Actor actor;
    Timestamp now = 0;
    IdempotencyKey key;
    std::uint64_t fingerprint = 0;
    std::uint32_t detail = 0; // Expire: holds released; SeatUnavailable: the seat id
    std::uint16_t eventCount = 0;
    // How `fingerprint` was computed (commandFingerprint's version): the byte after the event
    // count, 0 in the journals written before version 2 (read as 1). A reader refuses a version it
    // does not know: it could not tell a retry from a reused key.
    std::uint8_t fingerprintVersion = kFingerprintVersion;
};
constexpr std::size_t kRecordHeaderBytes = 4 + 8 + 1 + 1 + 2 + 1 + 8 + 8 + 16 + 8 + 4 + 2 + 1 + 2; // 2 reserved

struct BatchHeader {
    std::uint32_t magic = kBatchMagic;
    std::uint16_t version = kJournalVersion;
    std::uint16_t reserved = 0;
    EventId event = 0;
    Seq firstSeq = 0;
    std::uint32_t recordCount = 0;
    std::uint32_t bytes = 0;  // the whole batch, header included
    std::uint32_t crc = 0;    // batchChecksum(): CRC-32C of the whole batch with this field read as 0
    std::uint32_t reserved2 = 0;
};
constexpr std::size_t kBatchHeaderBytes = 40;

using BatchBytes = std::vector<std::uint8_t>;
using BatchPtr = std::shared_ptr<const BatchBytes>;

// Encoding, used by the ledger.
void encodeBatchHeader(BatchBytes* out, const BatchHeader& header); // at offset 0, out sized already

// The most bytes one event takes (type, length and the largest payload: an order with four texts
// at limits::textBytesMax), and a cheap bound for one event: its fixed fields take at most 67
// bytes, and every text field it may carry its length plus two.
constexpr std::size_t kEventFixedBytesMax = 3 + 64;
constexpr std::size_t kEventBytesMax = kEventFixedBytesMax + 4 * (2 + 1'024);
inline std::size_t eventBytesBound(const JournalEvent& e)
{
    return kEventFixedBytesMax + 4 * 2 + e.text.size() + e.buyerName.size() + e.buyerEmail.size()
        + e.buyerPhone.size();
}
// Writing at a position the caller has made room at (the ledger keeps a write cursor in its open
// batch, so an append is a few stores, not a vector insert). encodeRecordHeaderAt writes
// kRecordHeaderBytes; encodeEventAt at most eventBytesBound(event) (`room`, which it checks) and
// returns how many; finishRecordAt patches the record's length, outcome and event count (as
// endRecord does).
void encodeRecordHeaderAt(std::uint8_t* at, const RecordHeader& header);
std::size_t encodeEventAt(std::uint8_t* at, std::size_t room, const JournalEvent& event);
void finishRecordAt(std::uint8_t* record, std::size_t length, Status status, std::uint32_t detail,
                    std::uint16_t eventCount);

// The same, appending to a byte vector (tests and tools).
std::size_t beginRecord(BatchBytes* out, const RecordHeader& header); // returns the record offset
void encodeEvent(BatchBytes* out, const JournalEvent& event);
// Patches the record's length, outcome and event count once the command has run.
void endRecord(BatchBytes* out, std::size_t recordOffset, Status status, std::uint32_t detail, std::uint16_t eventCount);

// The batch's checksum: CRC-32C over every byte, the header included, skipping the crc field.
// The batch must be at least kBatchHeaderBytes long.
std::uint32_t batchChecksum(const BatchBytes& batch);

// Decoding. Every function checks bounds; false means corrupt.
bool decodeBatchHeader(const std::uint8_t* data, std::size_t size, BatchHeader* header);
// Checks magic, version, sizes and CRC of a whole batch.
bool verifyBatch(const BatchBytes& batch, EventId expectedEvent, BatchHeader* header);
bool decodeRecordHeader(const std::uint8_t* data, std::size_t size, RecordHeader* header);

// Walks the records of a verified batch. The callback gets the header, the record's offset in the
// batch, and an EventCursor for the record's events.
class EventCursor {
public:
    EventCursor(const std::uint8_t* data, std::size_t size, std::uint16_t count);
    bool next(JournalEvent* event); // false at the end or when corrupt; check ok()
    bool ok() const { return m_ok; }

private:
    const std::uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_at = 0;
    std::uint16_t m_left;
    bool m_ok = true;
};

// Iterates over the records of a batch: for (RecordView r : RecordRange(batch)).
struct RecordView {
    RecordHeader header;
    std::size_t offset = 0;
    const std::uint8_t* data = nullptr; // start of the record
    EventCursor events() const;
};

// Decodes every record of a verified batch; false when any record is malformed.
bool forEachRecord(const BatchBytes& batch, const std::function<bool(const RecordView&)>& visit);

// Rebuilds the result a command returned from its record (for idempotent retries and replay).
bool resultFromRecord(const std::uint8_t* record, std::size_t size, CommandResult* result);
// The two halves of resultFromRecord, for the ledger to build a live answer while it emits: the
// same functions make the live and the replayed answer.
void foldEvent(CommandResult* result, const JournalEvent& event);
// Inline: the ledger runs it once per command.
inline void foldRecordHeader(CommandResult* result, const RecordHeader& h)
{
    result->status = h.status;
    result->kind = h.kind;
    result->seq = h.seq;
    if (h.status == Status::SeatUnavailable && h.detail != 0) // seat ids start at 1
        result->seats.push_back(h.detail);
    if (h.kind == CommandKind::Expire)
        result->count = h.detail;
}

} // namespace usher
