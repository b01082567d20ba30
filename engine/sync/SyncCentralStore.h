#pragma once

// Central's durable sync state (its own SQLite file next to usher.db, docs/design/sync.md): the
// enrolled devices, every op applied per device with its result (the durable deduplication, also
// across restarts), and the pushes (grants and take-backs) with their state.

#include "sync/SyncMessage.h"
#include "sync/SyncSql.h"

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace usher {

struct SyncDeviceRecord {
    std::string name;
    std::uint64_t number = 0; // the engine actor id (ActorKind::Device) of its ops
    std::vector<std::uint8_t> tokenHash;
    ChannelId channel = 0;
    std::string outbox;        // empty until the first hello
    std::uint64_t applied = 0; // the last op seq applied
    std::uint64_t pushSeq = 0; // the last push seq issued
    std::uint64_t pushAcked = 0;
};

// The numbers are stored: they never change.
enum class SyncPushState : std::uint8_t {
    Intent = 0,    // a grant recorded, its AllocateSeats not known to be durable (recovery runs it)
    Ready = 1,     // issued (has a seq); a take-back in this state is pending
    Refused = 2,   // a grant the ledger refused: never issued
    Completed = 3, // a take-back the device answered and central applied
    Failed = 4,    // a take-back whose answer central could not apply (see its op's status)
};

struct SyncPushRecord {
    std::uint64_t id = 0;
    std::string device;
    SyncPushKind kind = SyncPushKind::Grant;
    EventId event = 0;
    std::vector<SeatId> seats;
    AreaId area = 0;            // grantArea, takeBackArea
    std::uint32_t quantity = 0; // grantArea: granted; takeBackArea: asked back
    SyncPushState state = SyncPushState::Intent;
    std::uint64_t seq = 0;
    std::vector<SeatId> released; // take-back, once completed
    std::vector<SeatId> kept;
    std::uint32_t releasedQuantity = 0; // takeBackArea, once completed
};

struct SyncAppliedOp {
    std::uint64_t seq = 0;
    std::string id;
    SyncOpKind kind = SyncOpKind::Void;
    Status status = Status::Ok;
    OrderId order = 0;
    std::vector<TicketId> tickets; // sale: central's tickets by position
    // take-back: the push it answers and what became of it
    std::uint64_t takeBack = 0;
    SyncPushState takeBackState = SyncPushState::Ready;
    std::vector<SeatId> released;
    std::vector<SeatId> kept;
    std::uint32_t releasedQuantity = 0; // takeBackArea
};

class SyncCentralStore {
public:
    static std::unique_ptr<SyncCentralStore> open(const std::string& path, SyncDurability durability,
                                                  std::string* error);

    bool loadDevices(std::vector<SyncDeviceRecord>* out, std::string* error);
    // EventExists-like refusal (false, *error) when the name is taken.
    bool addDevice(SyncDeviceRecord* device, std::string* error);
    bool setOutbox(const std::string& device, const std::string& outbox, std::string* error);

    // One transaction: every op's result, the device's new applied seq, completed take-backs.
    bool recordApplied(const std::string& device, const std::vector<SyncAppliedOp>& ops, std::uint64_t applied,
                       std::string* error);
    // False with an empty *error when there is no such op.
    bool findOp(const std::string& device, const std::string& id, SyncAppliedOp* out, std::string* error);
    // The ops in (afterSeq, upTo] that central refused (status not Ok), at most `max`, in seq order.
    bool refusedOps(const std::string& device, std::uint64_t afterSeq, std::uint64_t upTo, std::size_t max,
                    std::vector<SyncOpResult>* out, std::string* error);

    // A push; `ready` gives it the device's next seq (*seq) at once.
    bool addPush(SyncPushRecord* push, std::uint64_t* deviceSeq, std::string* error);
    bool setPushState(std::uint64_t id, SyncPushState state, std::uint64_t* deviceSeq, std::string* error);
    bool setPushAcked(const std::string& device, std::uint64_t upTo, std::string* error);
    // Issued pushes of a device with seq > afterSeq, in seq order, at most `max`.
    bool pushes(const std::string& device, std::uint64_t afterSeq, std::size_t max, std::vector<SyncPushRecord>* out,
                std::string* error);
    bool findPush(std::uint64_t id, SyncPushRecord* out, std::string* error);
    bool pushesInState(SyncPushState state, std::vector<SyncPushRecord>* out, std::string* error);

private:
    SyncCentralStore() = default;
    bool readPushes(SyncSql::Stmt& s, std::vector<SyncPushRecord>* out, std::string* error);
    bool fail(const char* what, std::string* error);
    bool issue(std::uint64_t id, SyncPushState state, std::uint64_t* deviceSeq); // inside a transaction

    std::unique_ptr<SyncSql> m_db;
};

} // namespace usher
