#pragma once

// The messages of the box office ↔ central sync protocol (docs/sync-protocol.md) and their JSON
// codec. decodeSyncMessage() validates everything: a malformed, oversized or unknown message is
// an error with a reason, never a crash, and a decoded message is always within the limits below.

#include "core/Status.h"
#include "core/Types.h"
#include "ledger/Command.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace usher {

// 2: GA capacity allocations (push kinds grantArea/takeBackArea, op kind takeBackArea, sale ops of
// an area). A version-1 peer is refused in the handshake (docs/sync-protocol.md, "Versions").
constexpr int kSyncProtocolVersion = 2;
constexpr std::size_t kSyncMessageBytesMax = 1 << 20;
constexpr std::size_t kSyncOpsPerMessageMax = 1000;
constexpr std::size_t kSyncSeatsPerOpMax = 64;
constexpr std::size_t kSyncSeatsPerPushMax = 4096;
constexpr std::size_t kSyncTextBytesMax = 1024;
constexpr std::uint64_t kSyncIntegerMax = (1ull << 53) - 1; // exact in a JSON number

// The numbers never change.
enum class SyncMessageType : std::uint8_t {
    Hello = 1,
    Welcome = 2,
    Ops = 3,
    Ack = 4,
    Push = 5,
    PushAck = 6,
    Ping = 7,
    Pong = 8,
    Error = 9,
    Online = 10,      // a box office asks central to hold, sell or release seats outside its allocation
    OnlineReply = 11, // central's answer, once durable
};

// Online requests (docs/sync-online-sales.md). The numbers never change.
enum class SyncOnlineAction : std::uint8_t {
    Hold = 1,    // HoldSeats of `seats` from the open pool on the device's channel
    Sell = 2,    // Confirm of the device's `hold`, paid at the counter (`payment`)
    Release = 3, // Release of the device's `hold`
    HoldArea = 4, // HoldArea of `quantity` places of `area` from the open pool on the device's channel
};
// What central serves beyond protocol 2's first online actions, announced in `welcome` (`features`):
// a box office asks only for what is listed, so an older usherd is never sent what it cannot read.
constexpr const char* kSyncFeatureOnlineArea = "onlineArea"; // the online action `holdArea`
constexpr std::size_t kSyncFeaturesMax = 16;
const char* syncOnlineActionName(SyncOnlineAction action);

enum class SyncOpKind : std::uint8_t {
    Sale = 1,
    Refund = 2,
    Exchange = 3,
    TakeBack = 4,
    Void = 5,
    TakeBackArea = 6, // the answer to a takeBackArea push: the quantity released
};

enum class SyncPushKind : std::uint8_t {
    Grant = 1,
    TakeBack = 2,
    GrantArea = 3,    // GA capacity: `quantity` places of `area` more for the device's pool
    TakeBackArea = 4, // two-phase: the device releases up to `quantity` unsold places of its pool
};
// True for the push kinds of a GA area (area + quantity instead of seats).
constexpr bool syncPushIsArea(SyncPushKind kind)
{
    return kind == SyncPushKind::GrantArea || kind == SyncPushKind::TakeBackArea;
}

const char* syncOpKindName(SyncOpKind kind);
const char* syncPushKindName(SyncPushKind kind);

// One outbox operation. Which fields matter depends on the kind (docs/sync-protocol.md).
struct SyncOp {
    std::uint64_t seq = 0;
    std::string id; // "<outbox>:<seq>"
    SyncOpKind kind = SyncOpKind::Void;
    EventId event = 0;
    Timestamp at = 0;
    std::uint64_t clerk = 0;
    std::vector<SeatId> seats;            // sale: sold; exchange: the new seat; takeBack: released
    AreaId area = 0;                      // sale of GA places (then no seats), takeBackArea
    std::uint32_t quantity = 0;           // sale: GA places sold; takeBackArea: places released
    std::vector<SeatId> kept;             // takeBack
    std::vector<std::uint8_t> priceTypes; // sale
    Amount amount = -1;                   // sale: expected total; refund: amount (-1: in full)
    Buyer buyer;                          // sale
    std::string sale;                     // refund, exchange: the sale's op id
    std::vector<std::uint32_t> tickets;   // refund, exchange: positions in the sale
    std::uint64_t takeBack = 0;           // takeBack, takeBackArea: the push id
    std::string reason;                   // refund
    friend bool operator==(const SyncOp&, const SyncOp&) = default;
};

struct SyncPush {
    std::uint64_t seq = 0;
    SyncPushKind kind = SyncPushKind::Grant;
    std::uint64_t id = 0; // the grant's or take-back's id on central
    EventId event = 0;
    std::vector<SeatId> seats;  // grant, takeBack
    AreaId area = 0;            // grantArea, takeBackArea
    std::uint32_t quantity = 0; // grantArea: places granted; takeBackArea: places asked back
    friend bool operator==(const SyncPush&, const SyncPush&) = default;
};

struct SyncOpResult {
    std::uint64_t seq = 0;
    Status status = Status::Ok;
    friend bool operator==(const SyncOpResult&, const SyncOpResult&) = default;
};

// A request of a box office to central while online. `id` is the idempotency key (unique per
// request the clerk starts; a retry after a lost answer sends the same id and gets the first
// outcome, never a second sale).
struct SyncOnlineRequest {
    std::string id;
    SyncOnlineAction action = SyncOnlineAction::Hold;
    EventId event = 0;
    std::uint64_t clerk = 0;
    std::vector<SeatId> seats;            // hold: 1..64
    AreaId area = 0;                      // holdArea: the standing area
    std::uint32_t quantity = 0;           // holdArea: places, 1..64
    HoldId hold = 0;                      // sell, release
    std::vector<std::uint8_t> priceTypes; // sell: one per seat, or empty
    Amount amount = -1;                   // sell: expected total, -1: not checked
    Buyer buyer;                          // sell
    std::string payment;                  // sell: how the counter took the money ("cash", "card 1234"...)
    friend bool operator==(const SyncOnlineRequest&, const SyncOnlineRequest&) = default;
};

struct SyncOnlineReply {
    std::string id;
    Status status = Status::Ok;
    HoldId hold = 0;            // hold: the hold on central
    Timestamp expiresAt = 0;    // hold
    OrderId order = 0;          // sell: central's order
    Amount amount = 0;          // sell: what central charged
    std::vector<TicketId> tickets; // sell: by seat position
    std::vector<std::string> codes {}; // sell: the tickets' codes (ticketCodeText), by seat position
    friend bool operator==(const SyncOnlineReply&, const SyncOnlineReply&) = default;
};

// One message; the fields used depend on the type.
struct SyncMessage {
    SyncMessageType type = SyncMessageType::Ping;
    int protocol = kSyncProtocolVersion; // hello, welcome
    std::string device;                  // hello, welcome
    std::string token;                   // hello
    std::string outbox;                  // hello
    std::uint64_t received = 0;          // hello: last push seq applied
    std::uint64_t acked = 0;             // hello: every op up to it has an acknowledgement here
    std::uint64_t applied = 0;           // welcome: last op seq applied
    ChannelId channel = 0;               // welcome
    std::vector<std::string> features;   // welcome: optional (kSyncFeatureOnlineArea...); absent from an older usherd
    std::vector<SyncOp> ops;             // ops
    std::uint64_t upTo = 0;              // ack, pushAck
    std::vector<SyncOpResult> results;   // ack
    SyncPush push;                       // push
    std::string code;                    // error
    std::string message;                 // error
    SyncOnlineRequest online;            // online
    SyncOnlineReply onlineReply;         // onlineReply
    friend bool operator==(const SyncMessage&, const SyncMessage&) = default;
};

std::string encodeSyncMessage(const SyncMessage& message);
// False with *error (what is wrong, for the `invalid_message` answer and the log) when `text` is
// not one valid message.
bool decodeSyncMessage(std::string_view text, SyncMessage* out, std::string* error);

// One op as a JSON object (the outbox stores ops in this form; the pending export shows it).
std::string encodeSyncOp(const SyncOp& op);
// What an op refused on the box office is uploaded as: a `void` with its seq, id, event, time
// and clerk, and no effect anywhere.
SyncOp syncVoidOf(const SyncOp& op);
bool decodeSyncOp(std::string_view text, SyncOp* out, std::string* error);

SyncMessage syncError(std::string code, std::string message);

} // namespace usher
