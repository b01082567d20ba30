#pragma once

// The box office's durable outbox (its own SQLite file, docs/design/sync.md): every op it must
// upload, with a dense seq, a unique id, its local state and whether central acknowledged it; and
// the last push from central it applied. One transaction per change, so a crash keeps every
// change whole or not at all.

#include "sync/SyncMessage.h"
#include "sync/SyncSql.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace usher {

// Where an op stands in the box office's own ledger. The numbers are stored: they never change.
enum class SyncLocalState : std::uint8_t {
    Intent = 0, // journaled here, not yet applied locally (a crash came in between: recovery applies it)
    Done = 1,   // applied locally
    Void = 2,   // refused locally: uploaded as `void`, no effect anywhere
};

struct SyncOutboxEntry {
    SyncOp op;
    SyncLocalState local = SyncLocalState::Intent;
    bool acked = false;
    // Central's answer, once acknowledged: Ok unless central reported a refusal (an ack lists the
    // refusals among the ops it covers; an acknowledged op without one was applied).
    std::optional<Status> central;
    OrderId localOrder = 0;        // sale: the order in the local ledger
    Timestamp createdAt = 0;
    // Applied locally by the caller, not by SyncBoxOffice (the counter's own sale or refund): its
    // intent is settled by reading the local ledger (docs/design/sync.md, "The counter's sales").
    bool external = false;
    HoldId localHold = 0; // external sale: the counter's hold in the local ledger
};

class SyncOutbox {
public:
    // Opens or creates the file; a new file gets its name from `newName` (32 hex digits: random).
    static std::unique_ptr<SyncOutbox> open(const std::string& path, SyncDurability durability,
                                            const std::function<std::string()>& newName, std::string* error);

    const std::string& name() const { return m_name; }
    std::uint64_t lastSeq() const { return m_lastSeq; }
    std::uint64_t ackedSeq() const { return m_ackedSeq; } // every op up to it is acknowledged
    std::uint64_t receivedPush() const { return m_receivedPush; }
    std::uint64_t rejected() const { return m_rejected; } // acknowledged with a status other than Ok
    std::uint64_t pending() const { return m_lastSeq - m_ackedSeq; }

    // Journals `op` as an Intent: assigns op->seq and op->id. With receivedPush != 0 it also
    // records that push as applied, in the same transaction (a take-back's answer and its push).
    bool append(SyncOp* op, Timestamp now, std::uint64_t receivedPush, std::string* error);
    // The same for an op the caller applies to the local ledger itself (SyncOutboxEntry::external).
    bool appendExternal(SyncOp* op, Timestamp now, HoldId localHold, std::string* error);
    bool setLocal(std::uint64_t seq, SyncLocalState state, OrderId localOrder, std::string* error);
    // Every op up to `upTo` is acknowledged; `results` are central's answers (any subset; only
    // refusals are stored: an acknowledged op without one reads Ok). One small write per ack: the
    // acknowledged seq is kept in sync_meta, not per row.
    bool acknowledge(std::uint64_t upTo, const std::vector<SyncOpResult>& results, std::string* error);
    bool setReceivedPush(std::uint64_t seq, std::string* error);
    // Central lost ops it had acknowledged (it was restored from a backup): every op after `seq`
    // becomes unacknowledged again, to be uploaded again.
    bool unacknowledgeAfter(std::uint64_t seq, std::string* error);

    // Entries from `fromSeq` on, at most `max`, in seq order.
    bool list(std::uint64_t fromSeq, std::size_t max, std::vector<SyncOutboxEntry>* out, std::string* error);
    // The `ops` message (encodeSyncMessage's text) of the entries from `fromSeq` on, at most `max`,
    // up to the first one not applied here yet (an Intent: nothing after it may go before it). The
    // stored op text goes in as it is (it is what encodeSyncOp wrote: no decoding and encoding
    // again per op); a Void entry goes as a `void` op. *lastSeq: the last op in it, 0 when none.
    bool opsMessage(std::uint64_t fromSeq, std::size_t max, std::string* text, std::uint64_t* lastSeq,
                    std::string* error);
    bool find(const std::string& id, SyncOutboxEntry* out, std::string* error);
    // The sale op whose local order is `order` (applied here); false when there is none.
    bool findSaleByLocalOrder(OrderId order, SyncOutboxEntry* out, std::string* error);
    bool intents(std::vector<SyncOutboxEntry>* out, std::string* error);
    // The creation time of the oldest unacknowledged op; nullopt when none.
    std::optional<Timestamp> oldestPendingAt(std::string* error);

private:
    SyncOutbox() = default;
    bool load(const std::function<std::string()>& newName, std::string* error);
    bool readEntries(SyncSql::Stmt& stmt, std::vector<SyncOutboxEntry>* out, std::string* error);
    bool insert(SyncOp* op, Timestamp now, std::uint64_t receivedPush, bool external, HoldId localHold,
                std::string* error);

    std::unique_ptr<SyncSql> m_db;
    std::string m_name;
    std::uint64_t m_lastSeq = 0;
    std::uint64_t m_ackedSeq = 0;
    std::uint64_t m_receivedPush = 0;
    std::uint64_t m_rejected = 0;
};

} // namespace usher
