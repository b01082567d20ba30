#pragma once

// The storage interface between the engine and a database. SqliteStorage is the embedded default;
// a PostgreSQL implementation follows with the scale-out issue. Implementations are used by one
// thread at a time (the Committer's, or the loader's at start-up).

#include "core/Status.h"
#include "core/Types.h"
#include "event/EventSpec.h"
#include "journal/JournalFormat.h"
#include "ledger/Ledger.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace usher {

// One shard's batch, ready to be written.
struct CommitItem {
    EventId event = 0;
    const JournalBatch* batch = nullptr;               // may be empty when only a snapshot is written
    std::shared_ptr<const std::vector<std::uint8_t>> snapshot; // optional: state as of snapshotSeq
    Seq snapshotSeq = 0;
    std::shared_ptr<const EventSpec> spec; // optional: the event's spec changed (Engine::updateEventSpec)
};

// A published-or-not change announcement (the outbox).
struct OutboxRow {
    std::int64_t id = 0;
    EventId event = 0;
    Seq firstSeq = 0;
    Seq lastSeq = 0;
    std::vector<SeatDelta> seats;
    std::vector<AreaDelta> areas;
};

// Whether a ticket code is the ticket's current one. An exchange or a reissue gives the ticket a
// new code; the old one is kept only to say why it stopped working.
enum class TicketCodeState : std::uint8_t {
    Current = 0,
    Reissued = 1,  // replaced by a reissue (a reprint)
    Exchanged = 2, // replaced when the ticket moved to another seat
};

// How findOrdersByBuyer matches a name. Case-insensitive for ASCII letters only.
enum class NameMatch : std::uint8_t {
    Prefix = 1,   // the name starts with the text (uses an index)
    Contains = 2, // the text appears anywhere in the name (scans the orders)
};

struct StoredTicket {
    EventId event = 0;
    TicketId ticket = 0;
    OrderId order = 0;
    SeatId seat = 0;
    AreaId area = 0;
    std::uint8_t priceType = 0;
    Amount amount = 0;
    Amount refunded = 0;
    TicketStatus status = TicketStatus::Valid;
    std::string code; // ticketCodeText(); from findTicketByCode: the code looked up
    TicketCodeState codeState = TicketCodeState::Current; // set by findTicketByCode
    Seq codeRetiredSeq = 0; // the journal record that replaced the code (not Current)
};

struct StoredOrder {
    EventId event = 0;
    OrderId order = 0;
    HoldId hold = 0;
    Seq seq = 0;
    ChannelId channel = 0;
    Actor actor;
    Timestamp createdAt = 0;
    Amount amount = 0;
    Amount refunded = 0;
    std::string paymentRef;
    Buyer buyer;
    std::vector<StoredTicket> tickets;
};

class Storage {
public:
    virtual ~Storage() = default;

    // The event catalogue. createEvent fails with EventExists when the id is taken.
    virtual Status createEvent(const EventSpec& spec, std::string* error) = 0;
    virtual Status listEvents(std::vector<EventSpec>* events, std::string* error) = 0;

    // Writes every item in one transaction: journal batches, snapshots, the orders and tickets
    // they create or change, and one outbox row per non-empty batch. All or nothing.
    virtual Status commit(std::span<const CommitItem> items, std::string* error) = 0;

    // The newest snapshot of an event; *seq = 0 and bytes empty when there is none.
    virtual Status loadSnapshot(EventId event, std::vector<std::uint8_t>* bytes, Seq* seq, std::string* error) = 0;
    // Calls `visit` with every batch whose lastSeq >= fromSeq, in seq order. Each batch has been
    // verified (CRC, event id); a corrupt batch stops the walk with StorageFailed. `visit`
    // returns false to stop early.
    virtual Status readJournal(EventId event, Seq fromSeq, const std::function<bool(const BatchPtr&)>& visit,
                               std::string* error) = 0;

    // The outbox, in id order, after `afterId`; and the consumer's durable cursor.
    virtual Status readOutbox(std::int64_t afterId, std::size_t max, std::vector<OutboxRow>* rows,
                              std::string* error) = 0;
    virtual Status markOutboxPublished(std::int64_t upToId, std::string* error) = 0;
    virtual Status outboxCursor(std::int64_t* id, std::string* error) = 0;

    // Queries on the orders and tickets projection. Every StoredOrder comes with all its tickets,
    // in ticket order, each with its current code. Searches that may match several orders answer
    // at most `limit` of them (at most 1,000), in the order stated, and Ok with none found.
    // `event` 0 means every event.
    virtual Status findOrder(EventId event, OrderId order, StoredOrder* out, std::string* error) = 0;
    // Ok for a current code (whatever the ticket's status: check status == Valid before admitting
    // anyone). For a code the ticket had before an exchange or a reissue: TicketNotValid, with *out
    // describing the ticket (code = the code looked up, codeState = why it was replaced,
    // codeRetiredSeq) and the reason in *error. TicketNotFound for a code never issued.
    virtual Status findTicketByCode(const std::string& code, StoredTicket* out, std::string* error) = 0;
    // Orders with this number (per event), by event id.
    virtual Status findOrdersByNumber(EventId event, OrderId order, std::size_t limit, std::vector<StoredOrder>* out,
                                      std::string* error) = 0;
    // The order of a ticket code, current or replaced: the status and *ticket as findTicketByCode
    // (Ok or TicketNotValid both fill *order), OrderNotFound/TicketNotFound otherwise. The same for
    // every store: findTicketByCode, then findOrder.
    Status findOrderByTicketCode(const std::string& code, StoredOrder* order, StoredTicket* ticket,
                                 std::string* error);
    // Orders whose buyer name matches `name` (not empty: InvalidArgument). Prefix: by name, then
    // event and order; Contains: by event and order.
    virtual Status findOrdersByBuyer(EventId event, const std::string& name, NameMatch match, std::size_t limit,
                                     std::vector<StoredOrder>* out, std::string* error) = 0;
    // The order whose valid ticket holds this seat now (sold, not refunded, not exchanged away).
    // OrderNotFound when the seat is not sold.
    virtual Status findOrderBySeat(EventId event, SeatId seat, StoredOrder* out, std::string* error) = 0;
    // Orders confirmed with this payment reference (empty: InvalidArgument), by event and order.
    virtual Status findOrdersByPaymentRef(EventId event, const std::string& paymentRef, std::size_t limit,
                                          std::vector<StoredOrder>* out, std::string* error) = 0;
};

constexpr std::size_t kOrderSearchLimitMax = 1000;

} // namespace usher
