#include "sync/SyncCentral.h"

#include "core/Assert.h"
#include "core/Random.h"
#include "sync/SyncApply.h"

#include <algorithm>
#include <charconv>
#include <set>
#include <sodium.h>
#include <utility>

namespace usher {

std::vector<std::uint8_t> syncTokenHash(std::string_view token)
{
    initSodium();
    std::vector<std::uint8_t> hash(32);
    crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                       nullptr, 0);
    return hash;
}

namespace {

SyncPush pushOf(const SyncPushRecord& p)
{
    SyncPush push { p.seq, p.kind, p.id, p.event, {}, 0, 0 };
    if (syncPushIsArea(p.kind)) {
        push.area = p.area;
        push.quantity = p.quantity;
    } else {
        push.seats = p.seats;
    }
    return push;
}

// The op with `id` ("<outbox>:<seq>") among the ops of this batch (ascending seqs), or null.
const SyncAppliedOp* findInBatch(const std::vector<SyncAppliedOp>& applied, const std::string& id)
{
    const std::size_t colon = id.rfind(':');
    std::uint64_t seq = 0;
    if (colon == std::string::npos)
        return nullptr;
    const auto [end, ec] = std::from_chars(id.data() + colon + 1, id.data() + id.size(), seq);
    if (ec != std::errc() || end != id.data() + id.size())
        return nullptr;
    const auto it = std::lower_bound(applied.begin(), applied.end(), seq,
                                     [](const SyncAppliedOp& op, std::uint64_t s) { return op.seq < s; });
    return it != applied.end() && it->seq == seq && it->id == id ? &*it : nullptr;
}

} // namespace

SyncCentral::SyncCentral(const SyncCentralOptions& options, SyncLedger& ledger)
    : m_options(options)
    , m_ledger(ledger)
{
}

std::unique_ptr<SyncCentral> SyncCentral::open(const SyncCentralOptions& options, SyncLedger& ledger, Timestamp now,
                                               std::string* error)
{
    std::unique_ptr<SyncCentral> central(new SyncCentral(options, ledger));
    central->m_store = SyncCentralStore::open(options.storePath, options.durability, error);
    if (central->m_store == nullptr)
        return nullptr;
    std::vector<SyncDeviceRecord> devices;
    if (!central->m_store->loadDevices(&devices, error))
        return nullptr;
    for (SyncDeviceRecord& d : devices)
        central->m_devices[d.name] = std::move(d);
    // Grants whose allocation may or may not have become durable before a crash: run them again
    // (the same key answers the first outcome).
    std::vector<SyncPushRecord> intents;
    if (!central->m_store->pushesInState(SyncPushState::Intent, &intents, error))
        return nullptr;
    for (SyncPushRecord& push : intents)
        if (syncStatusIsTransient(central->runGrant(push, now)))
            central->m_grantsUnsettled = true;
    return central;
}

void SyncCentral::crashPoint(const char* point)
{
    if (m_options.crashPoint)
        m_options.crashPoint(point);
}

bool SyncCentral::enrol(const std::string& device, const std::string& token, ChannelId channel, std::string* error)
{
    SyncMessage probe;
    probe.type = SyncMessageType::Hello;
    probe.device = device;
    probe.token = token;
    probe.outbox = "x";
    SyncMessage decoded;
    if (token.size() < 16 || channel == 0 || !decodeSyncMessage(encodeSyncMessage(probe), &decoded, error)) {
        if (error->empty())
            *error = "a device needs a channel and a token of at least 16 characters";
        return false;
    }
    if (m_devices.count(device) != 0) {
        *error = "device " + device + " is already enrolled";
        return false;
    }
    SyncDeviceRecord record;
    record.name = device;
    record.tokenHash = syncTokenHash(token);
    record.channel = channel;
    if (!m_store->addDevice(&record, error))
        return false;
    m_devices[device] = std::move(record);
    return true;
}

void SyncCentral::opened(SyncConnectionId connection)
{
    m_sessions[connection] = Session {};
}

void SyncCentral::closed(SyncConnectionId connection)
{
    auto it = m_sessions.find(connection);
    if (it == m_sessions.end())
        return;
    auto dc = m_deviceConnection.find(it->second.device);
    if (dc != m_deviceConnection.end() && dc->second == connection)
        m_deviceConnection.erase(dc);
    m_sessions.erase(it);
}

std::string SyncCentral::deviceOf(SyncConnectionId connection) const
{
    auto it = m_sessions.find(connection);
    return it == m_sessions.end() ? std::string() : it->second.device;
}

const SyncDeviceRecord* SyncCentral::device(const std::string& name) const
{
    auto it = m_devices.find(name);
    return it == m_devices.end() ? nullptr : &it->second;
}

std::vector<SyncOutgoing> SyncCentral::takeOutgoing()
{
    return std::exchange(m_outgoing, {});
}

void SyncCentral::send(SyncConnectionId connection, const SyncMessage& message, bool close)
{
    m_outgoing.push_back(SyncOutgoing { connection, encodeSyncMessage(message), close });
}

void SyncCentral::refuse(SyncConnectionId connection, Session& session, const std::string& code,
                         const std::string& message)
{
    const bool fatal = code == "version_unsupported" || code == "unauthorized" || code == "outbox_mismatch"
        || ++session.invalid > m_options.invalidMessagesMax;
    send(connection, syncError(code, message), fatal);
}

void SyncCentral::received(SyncConnectionId connection, std::string_view text, Timestamp now)
{
    auto it = m_sessions.find(connection);
    if (it == m_sessions.end())
        return; // closed meanwhile
    Session& session = it->second;
    SyncMessage message;
    std::string error;
    if (!decodeSyncMessage(text, &message, &error)) {
        ++m_invalidMessages;
        refuse(connection, session, "invalid_message", error);
        return;
    }
    if (message.type == SyncMessageType::Hello) {
        handleHello(connection, session, message, now);
        return;
    }
    if (session.device.empty() || m_deviceConnection[session.device] != connection) {
        refuse(connection, session, "not_authenticated", "send hello first");
        return;
    }
    switch (message.type) {
    case SyncMessageType::Ops: handleOps(connection, session, message, now); return;
    case SyncMessageType::PushAck: handlePushAck(session, message, now); return;
    case SyncMessageType::Online: handleOnline(connection, session, message.online, now); return;
    case SyncMessageType::Ping: {
        SyncMessage pong;
        pong.type = SyncMessageType::Pong;
        send(connection, pong);
        return;
    }
    default:
        ++m_invalidMessages;
        refuse(connection, session, "invalid_message", "a box office does not send this message type");
        return;
    }
}

void SyncCentral::received(SyncConnectionId connection, const std::vector<std::string>& texts, Timestamp now)
{
    SyncMessage batch;
    batch.type = SyncMessageType::Ops;
    auto flushBatch = [&] {
        if (batch.ops.empty())
            return;
        auto it = m_sessions.find(connection);
        if (it != m_sessions.end())
            handleOps(connection, it->second, batch, now);
        batch.ops.clear();
    };
    for (const std::string& text : texts) {
        auto it = m_sessions.find(connection);
        if (it == m_sessions.end())
            return; // closed meanwhile
        const Session& session = it->second;
        const bool authenticated = !session.device.empty() && m_deviceConnection[session.device] == connection;
        SyncMessage message;
        std::string error;
        if (authenticated && decodeSyncMessage(text, &message, &error) && message.type == SyncMessageType::Ops) {
            if (batch.ops.size() + message.ops.size() > kSyncOpsPerBatchMax)
                flushBatch();
            for (SyncOp& op : message.ops)
                batch.ops.push_back(std::move(op));
            continue;
        }
        flushBatch();
        received(connection, text, now);
    }
    flushBatch();
}

void SyncCentral::handleHello(SyncConnectionId connection, Session& session, const SyncMessage& message, Timestamp now)
{
    if (message.protocol != kSyncProtocolVersion) {
        refuse(connection, session, "version_unsupported",
               "this usherd speaks sync protocol " + std::to_string(kSyncProtocolVersion) + ", the box office speaks "
                   + std::to_string(message.protocol) + ": update the "
                   + (message.protocol > kSyncProtocolVersion ? "server" : "box office"));
        return;
    }
    auto it = m_devices.find(message.device);
    if (it == m_devices.end()
        || sodium_memcmp(syncTokenHash(message.token).data(), it->second.tokenHash.data(), 32) != 0) {
        refuse(connection, session, "unauthorized", "unknown device or wrong token");
        return;
    }
    SyncDeviceRecord& device = it->second;
    std::string error;
    if (device.outbox.empty()) {
        if (!m_store->setOutbox(device.name, message.outbox, &error)) {
            send(connection, syncError("internal", error));
            return;
        }
        device.outbox = message.outbox;
    } else if (device.outbox != message.outbox) {
        refuse(connection, session, "outbox_mismatch",
               "this device was enrolled with another outbox (reinstalled?): an administrator must enrol it again");
        return;
    }
    // A newer connection of the same device replaces the older one.
    auto old = m_deviceConnection.find(device.name);
    if (old != m_deviceConnection.end() && old->second != connection)
        m_outgoing.push_back(SyncOutgoing { old->second, {}, true });
    m_deviceConnection[device.name] = connection;
    session.device = device.name;
    const std::uint64_t received = std::min(message.received, device.pushSeq);
    if (received > device.pushAcked && m_store->setPushAcked(device.name, received, &error))
        device.pushAcked = received;
    SyncMessage welcome;
    welcome.type = SyncMessageType::Welcome;
    welcome.device = device.name;
    welcome.channel = device.channel;
    welcome.applied = device.applied;
    welcome.features = { kSyncFeatureOnlineArea };
    send(connection, welcome);
    // Acknowledgements lost with an earlier connection: the device learns from welcome that its
    // ops are applied, and here which of them central refused.
    // A page of refusals at a time, each acknowledged up to its last one; the last up to `applied`.
    for (std::uint64_t after = message.acked; after < device.applied;) {
        std::vector<SyncOpResult> refused;
        if (!m_store->refusedOps(device.name, after, device.applied, kSyncOpsPerMessageMax, &refused, &error))
            break; // the device is not told now; it asks again with its next hello
        const bool more = refused.size() == kSyncOpsPerMessageMax;
        after = more ? refused.back().seq : device.applied;
        sendAck(connection, after, std::move(refused));
    }
    sendPushes(connection, session, now, std::max(received, device.pushAcked));
}

void SyncCentral::handlePushAck(Session& session, const SyncMessage& message, Timestamp now)
{
    SyncDeviceRecord& device = m_devices[session.device];
    const std::uint64_t upTo = std::min(message.upTo, device.pushSeq);
    std::string error;
    if (upTo > device.pushAcked && m_store->setPushAcked(device.name, upTo, &error)) {
        device.pushAcked = upTo;
        session.lastPushProgress = now;
    }
    if (session.pushSentUpTo < device.pushSeq && device.pushAcked >= session.pushSentUpTo)
        sendPushes(m_deviceConnection[device.name], session, now, session.pushSentUpTo);
}

void SyncCentral::sendPushes(SyncConnectionId connection, Session& session, Timestamp now, std::uint64_t after)
{
    const SyncDeviceRecord& device = m_devices[session.device];
    if (after >= device.pushSeq)
        return;
    std::vector<SyncPushRecord> pushes;
    std::string error;
    if (!m_store->pushes(device.name, after, m_options.pushesPerBurst, &pushes, &error))
        return; // sent again on the next tick
    if (after <= device.pushAcked)
        session.lastPushProgress = now; // sending from the acknowledged seq: the clock starts now
    for (const SyncPushRecord& p : pushes) {
        SyncMessage m;
        m.type = SyncMessageType::Push;
        m.push = pushOf(p);
        send(connection, m);
        session.pushSentUpTo = p.seq;
    }
}

void SyncCentral::tick(Timestamp now)
{
    for (auto& [connection, session] : m_sessions) {
        if (session.device.empty() || m_deviceConnection[session.device] != connection)
            continue;
        const SyncDeviceRecord& device = m_devices[session.device];
        if (device.pushAcked < device.pushSeq && now - session.lastPushProgress >= m_options.retransmitMs)
            sendPushes(connection, session, now, device.pushAcked);
    }
    if (!m_grantsUnsettled)
        return;
    m_grantsUnsettled = false;
    std::vector<SyncPushRecord> intents;
    std::string error;
    if (!m_store->pushesInState(SyncPushState::Intent, &intents, &error))
        m_grantsUnsettled = true;
    for (SyncPushRecord& push : intents)
        if (syncStatusIsTransient(runGrant(push, now)))
            m_grantsUnsettled = true;
}

void SyncCentral::handleOps(SyncConnectionId connection, Session& session, const SyncMessage& message, Timestamp now)
{
    SyncDeviceRecord& device = m_devices[session.device];
    std::vector<SyncAppliedOp> applied; // ascending seqs; refunds and exchanges look sales up here
    std::vector<SyncOpResult> refused; // the ack lists refusals only
    std::uint64_t next = device.applied;
    bool transient = false;
    const std::vector<SyncOp>& ops = message.ops;
    auto rightId = [&device](const SyncOp& op) { return op.id == device.outbox + ":" + std::to_string(op.seq); };
    auto record = [&](SyncAppliedOp&& result) {
        if (result.status != Status::Ok) // an op up to upTo not listed was applied (Ok)
            refused.push_back(SyncOpResult { result.seq, result.status });
        next = result.seq;
        applied.push_back(std::move(result));
    };
    for (std::size_t i = 0; i < ops.size();) {
        const SyncOp& op = ops[i];
        if (op.seq <= next) {
            ++i;
            continue; // a duplicate
        }
        if (op.seq != next + 1)
            break; // beyond a gap: it comes again
        if (!rightId(op)) {
            ++m_invalidMessages;
            refuse(connection, session, "invalid_message", "op " + std::to_string(op.seq) + " has the wrong id");
            break;
        }
        if (op.kind == SyncOpKind::Sale && op.area == 0) {
            // Consecutive sales on disjoint seats cannot affect each other: one batch. A seat sold
            // twice in a row ends the run, so the second sale sees the first one's outcome. A sale
            // of GA places ends it too (applied one at a time: it draws on a shared pool).
            std::vector<const SyncOp*> run;
            std::set<SeatId> seats;
            for (std::size_t j = i; j < ops.size() && ops[j].kind == SyncOpKind::Sale && ops[j].area == 0
                 && ops[j].seq == op.seq + run.size() && rightId(ops[j])
                 && std::none_of(ops[j].seats.begin(), ops[j].seats.end(),
                                 [&seats](SeatId s) { return seats.count(s) != 0; });
                 ++j) {
                seats.insert(ops[j].seats.begin(), ops[j].seats.end());
                run.push_back(&ops[j]);
            }
            std::vector<SyncAppliedOp> results = applySales(device, run, now);
            const bool complete = results.size() == run.size();
            for (SyncAppliedOp& result : results)
                record(std::move(result));
            if (!complete) {
                transient = true;
                break;
            }
            i += run.size();
            continue;
        }
        SyncAppliedOp result;
        if (!applyOp(device, op, now, applied, &result)) {
            transient = true;
            break;
        }
        record(std::move(result));
        ++i;
    }
    if (!applied.empty()) {
        crashPoint("central: ops applied, not recorded");
        std::string error;
        if (!m_store->recordApplied(device.name, applied, next, &error)) {
            send(connection, syncError("internal", error));
            return; // not acknowledged: the device sends them again and the keys answer
        }
        device.applied = next;
        m_opsApplied += applied.size();
        for (const SyncAppliedOp& op : applied)
            m_opsRefused += op.status != Status::Ok ? 1 : 0;
        crashPoint("central: ops recorded, not acknowledged");
    }
    if (transient)
        send(connection, syncError("internal", "the event is busy or its storage failed: retrying"));
    sendAck(connection, device.applied, std::move(refused));
}

void SyncCentral::sendAck(SyncConnectionId connection, std::uint64_t upTo, std::vector<SyncOpResult> refused)
{
    SyncMessage ack;
    ack.type = SyncMessageType::Ack;
    std::size_t from = 0;
    do {
        const std::size_t count = std::min(refused.size() - from, kSyncOpsPerMessageMax);
        ack.results.assign(refused.begin() + std::ptrdiff_t(from), refused.begin() + std::ptrdiff_t(from + count));
        from += count;
        // Not the last part: acknowledged up to its last refusal (every op before it not listed
        // was applied). A refusal beyond `upTo` (not durable yet) is never acknowledged.
        ack.upTo = from < refused.size() ? std::min(ack.results.back().seq, upTo) : upTo;
        send(connection, ack);
    } while (from < refused.size());
}

// Online requests run on the ledger right away, keyed by device and request id: a retry of a request
// whose answer was lost (or that central applied just before a crash) gets the first outcome from
// the engine's idempotency index and changes nothing twice. Nothing goes to the sync store: the
// ledger's journal is the record. Holds are open-pool only and on the device's channel, so a seat
// allocated to anyone (this device included: it sells those through its outbox) is refused, GA
// places come from the area's open pool only (never a channel's pool, the device's included), and
// a sale or release acts only on a hold of this device (the ledger checks the holder).
void SyncCentral::handleOnline(SyncConnectionId connection, const Session& session, const SyncOnlineRequest& request,
                               Timestamp now)
{
    const SyncDeviceRecord& device = m_devices[session.device];
    const std::string prefix = device.name + "/online/" + request.id;
    Command command;
    command.actor = Actor { ActorKind::Device, device.number };
    command.channel = device.channel;
    command.now = now;
    std::string_view step;
    switch (request.action) {
    case SyncOnlineAction::Hold:
        command.kind = CommandKind::HoldSeats;
        command.seats = request.seats;
        command.openPoolOnly = true;
        step = "hold";
        break;
    case SyncOnlineAction::HoldArea: // places of the open pool only, never a channel's pool (this device's included)
        command.kind = CommandKind::HoldArea;
        command.area = request.area;
        command.quantity = request.quantity;
        command.openPoolOnly = true;
        step = "holdArea";
        break;
    case SyncOnlineAction::Sell:
        command.kind = CommandKind::Confirm;
        command.hold = request.hold;
        command.text = syncCounterPaymentRef(device.name, request.id, request.payment);
        command.buyer = request.buyer;
        command.priceTypes = request.priceTypes;
        command.amount = request.amount;
        step = "sell";
        break;
    case SyncOnlineAction::Release:
        command.kind = CommandKind::Release;
        command.hold = request.hold;
        step = "release";
        break;
    }
    const CommandResult result = applySyncCommand(m_ledger, request.event, std::move(command), prefix, step);
    SyncMessage reply;
    reply.type = SyncMessageType::OnlineReply;
    reply.onlineReply.id = request.id;
    reply.onlineReply.status = result.status;
    reply.onlineReply.hold = result.hold;
    reply.onlineReply.expiresAt = result.expiresAt;
    reply.onlineReply.order = result.order;
    reply.onlineReply.amount = result.ok() && request.action == SyncOnlineAction::Sell ? result.amount : 0;
    // The tickets with their codes: the box office prints central's tickets (it never has the key).
    for (const IssuedTicket& t : result.tickets) {
        reply.onlineReply.tickets.push_back(t.id);
        if (result.ok() && request.action == SyncOnlineAction::Sell)
            reply.onlineReply.codes.push_back(ticketCodeText(t.code));
    }
    ++m_onlineRequests;
    send(connection, reply);
}

std::vector<SyncAppliedOp> SyncCentral::applySales(const SyncDeviceRecord& device,
                                                   const std::vector<const SyncOp*>& run, Timestamp now)
{
    const Actor actor { ActorKind::Device, device.number };
    std::vector<SyncAppliedOp> results(run.size());
    std::map<EventId, std::vector<std::size_t>> byEvent; // positions in run, in order
    for (std::size_t k = 0; k < run.size(); ++k) {
        results[k].seq = run[k]->seq;
        results[k].id = run[k]->id;
        results[k].kind = SyncOpKind::Sale;
        byEvent[run[k]->event].push_back(k);
    }
    std::vector<bool> retry(run.size(), false); // the batch's confirm failed: the op goes the slow way
    for (auto& [event, positions] : byEvent) {
        // Only the device's own seats are sold through its outbox (see applyOp).
        std::vector<bool> mine(positions.size(), false);
        const bool read = m_ledger.read(event, [&](const Ledger& l) {
            for (std::size_t p = 0; p < positions.size(); ++p) {
                bool all = true;
                for (SeatId seat : run[positions[p]]->seats) {
                    const SeatIndex index = l.venue().seatIndex(seat);
                    all = all && index != kNoSeat && l.seat(index).allocation == device.channel;
                }
                mine[p] = all;
            }
        });
        std::vector<std::size_t> selling;
        std::vector<Command> holds;
        for (std::size_t p = 0; p < positions.size(); ++p) {
            const SyncOp& op = *run[positions[p]];
            if (!read || !mine[p]) {
                results[positions[p]].status = Status::SeatNotAllocated;
                continue;
            }
            Command hold;
            hold.kind = CommandKind::HoldSeats;
            hold.key = syncKey(device.name + "/" + op.id, "hold0"); // the keys of applySyncSale's first attempt
            hold.actor = actor;
            hold.channel = device.channel;
            hold.now = now;
            hold.seats = op.seats;
            holds.push_back(std::move(hold));
            selling.push_back(positions[p]);
        }
        if (selling.empty())
            continue;
        const std::vector<CommandResult> held = m_ledger.execute(event, std::move(holds));
        std::vector<std::size_t> confirming;
        std::vector<Command> confirms;
        for (std::size_t h = 0; h < selling.size(); ++h) {
            const SyncOp& op = *run[selling[h]];
            const Status status = h < held.size() ? held[h].status : Status::StorageFailed;
            if (status != Status::Ok) {
                results[selling[h]].status = status;
                continue;
            }
            Command confirm;
            confirm.kind = CommandKind::Confirm;
            confirm.key = syncKey(device.name + "/" + op.id, "confirm0");
            confirm.actor = actor;
            confirm.channel = device.channel;
            confirm.now = now;
            confirm.hold = held[h].hold;
            confirm.text = syncPaymentRef(op.id);
            confirm.buyer = op.buyer;
            confirm.priceTypes = op.priceTypes;
            confirm.amount = op.amount;
            confirms.push_back(std::move(confirm));
            confirming.push_back(selling[h]);
        }
        if (confirming.empty())
            continue;
        const std::vector<CommandResult> confirmed = m_ledger.execute(event, std::move(confirms));
        for (std::size_t c = 0; c < confirming.size(); ++c) {
            SyncAppliedOp& result = results[confirming[c]];
            if (c >= confirmed.size() || !confirmed[c].ok()) {
                retry[confirming[c]] = true;
                continue;
            }
            result.status = Status::Ok;
            result.order = confirmed[c].order;
            for (const IssuedTicket& t : confirmed[c].tickets)
                result.tickets.push_back(t.id);
        }
    }
    // A refused or failed confirm: applySyncSale answers the two commands above from their keys,
    // then releases or retries exactly as for a single op.
    for (std::size_t k = 0; k < run.size(); ++k) {
        if (!retry[k])
            continue;
        const SyncSaleOutcome sale
            = applySyncSale(m_ledger, *run[k], device.name + "/" + run[k]->id, actor, device.channel, now);
        results[k].status = sale.status;
        results[k].order = sale.order;
        results[k].tickets = sale.tickets;
    }
    for (std::size_t k = 0; k < results.size(); ++k)
        if (syncStatusIsTransient(results[k].status)) {
            results.resize(k);
            break;
        }
    return results;
}

bool SyncCentral::applyOp(const SyncDeviceRecord& device, const SyncOp& op, Timestamp now,
                          const std::vector<SyncAppliedOp>& batch, SyncAppliedOp* out)
{
    out->seq = op.seq;
    out->id = op.id;
    out->kind = op.kind;
    const std::string prefix = device.name + "/" + op.id;
    switch (op.kind) {
    case SyncOpKind::Sale: {
        // Only the device's own seats are sold through its outbox; anything else is a bug or an
        // attack, and would collide with online sales. GA places: applySyncSale sells them from the
        // device's pool only.
        if (op.area == 0 && !allocatedTo(op.event, op.seats, device.channel)) {
            out->status = Status::SeatNotAllocated;
            break;
        }
        const SyncSaleOutcome sale
            = applySyncSale(m_ledger, op, prefix, Actor { ActorKind::Device, device.number }, device.channel, now);
        out->status = sale.status;
        out->order = sale.order;
        out->tickets = sale.tickets;
        break;
    }
    case SyncOpKind::Refund:
    case SyncOpKind::Exchange: out->status = applyRefundOrExchange(device, op, now, batch); break;
    case SyncOpKind::TakeBack: out->status = applyTakeBack(device, op, now, out); break;
    case SyncOpKind::TakeBackArea: out->status = applyTakeBackArea(device, op, now, out); break;
    case SyncOpKind::Void: out->status = Status::Ok; break;
    }
    return !syncStatusIsTransient(out->status);
}

Status SyncCentral::applyRefundOrExchange(const SyncDeviceRecord& device, const SyncOp& op, Timestamp now,
                                          const std::vector<SyncAppliedOp>& batch)
{
    SyncAppliedOp sale;
    std::string error;
    if (const SyncAppliedOp* inBatch = findInBatch(batch, op.sale); inBatch != nullptr)
        sale = *inBatch;
    else if (!m_store->findOp(device.name, op.sale, &sale, &error))
        return error.empty() ? Status::OrderNotFound : Status::StorageFailed;
    if (sale.kind != SyncOpKind::Sale || sale.status != Status::Ok)
        return Status::OrderNotFound;
    Command c;
    c.actor = Actor { ActorKind::Device, device.number };
    c.channel = device.channel;
    c.now = now;
    c.order = sale.order;
    for (std::uint32_t position : op.tickets) {
        if (position >= sale.tickets.size())
            return Status::TicketNotFound;
        c.tickets.push_back(sale.tickets[position]);
    }
    if (op.kind == SyncOpKind::Refund) {
        c.kind = CommandKind::Refund;
        c.amount = op.amount;
        c.text = op.reason;
    } else {
        if (!allocatedTo(op.event, op.seats, device.channel))
            return Status::SeatNotAllocated;
        c.kind = CommandKind::Exchange;
        c.seats = op.seats;
    }
    return applySyncCommand(m_ledger, op.event, c, device.name + "/" + op.id, "apply").status;
}

Status SyncCentral::applyTakeBack(const SyncDeviceRecord& device, const SyncOp& op, Timestamp now, SyncAppliedOp* out)
{
    SyncPushRecord push;
    std::string error;
    if (!m_store->findPush(op.takeBack, &push, &error))
        return error.rfind("no push", 0) == 0 ? Status::InvalidArgument : Status::StorageFailed;
    if (push.device != device.name || push.kind != SyncPushKind::TakeBack || push.event != op.event
        || push.state != SyncPushState::Ready)
        return Status::InvalidArgument;
    std::set<SeatId> named(op.seats.begin(), op.seats.end());
    named.insert(op.kept.begin(), op.kept.end());
    if (named != std::set<SeatId>(push.seats.begin(), push.seats.end())
        || named.size() != op.seats.size() + op.kept.size())
        return Status::InvalidArgument;
    out->takeBack = push.id;
    out->released = op.seats;
    out->kept = op.kept;
    Status status = Status::Ok;
    if (!op.seats.empty())
        status = applySyncAllocation(m_ledger, op.event, CommandKind::DeallocateSeats, op.seats, device.channel, now,
                                     device.name + "/" + op.id, "deallocate")
                     .status;
    out->takeBackState = status == Status::Ok ? SyncPushState::Completed : SyncPushState::Failed;
    return status;
}

// The device released `op.quantity` places (at most what was asked) that it can no longer sell;
// every sale it made before is applied already (ops run in order), so the places are free here too.
Status SyncCentral::applyTakeBackArea(const SyncDeviceRecord& device, const SyncOp& op, Timestamp now,
                                      SyncAppliedOp* out)
{
    SyncPushRecord push;
    std::string error;
    if (!m_store->findPush(op.takeBack, &push, &error))
        return error.rfind("no push", 0) == 0 ? Status::InvalidArgument : Status::StorageFailed;
    if (push.device != device.name || push.kind != SyncPushKind::TakeBackArea || push.event != op.event
        || push.area != op.area || op.quantity > push.quantity || push.state != SyncPushState::Ready)
        return Status::InvalidArgument;
    out->takeBack = push.id;
    out->releasedQuantity = op.quantity;
    Status status = Status::Ok;
    if (op.quantity != 0)
        status = applySyncAreaAllocation(m_ledger, op.event, CommandKind::DeallocateArea, op.area, op.quantity,
                                         device.channel, now, device.name + "/" + op.id, "deallocate")
                     .status;
    if (syncStatusIsTransient(status))
        return status;
    out->takeBackState = status == Status::Ok ? SyncPushState::Completed : SyncPushState::Failed;
    return status;
}

bool SyncCentral::allocatedTo(EventId event, const std::vector<SeatId>& seats, ChannelId channel)
{
    bool read = false;
    return syncSeatsAllocatedTo(m_ledger, event, seats, channel, &read).size() == seats.size() && read;
}

Status SyncCentral::runGrant(SyncPushRecord& push, Timestamp now)
{
    const ChannelId channel = m_devices[push.device].channel;
    const std::string prefix = "grant/" + std::to_string(push.id);
    const Status status = push.kind == SyncPushKind::GrantArea
        ? applySyncAreaAllocation(m_ledger, push.event, CommandKind::AllocateArea, push.area, push.quantity, channel,
                                  now, prefix, "allocate")
              .status
        : applySyncAllocation(m_ledger, push.event, CommandKind::AllocateSeats, push.seats, channel, now, prefix,
                              "allocate")
              .status;
    if (syncStatusIsTransient(status)) {
        m_grantsUnsettled = true; // still an intent: tick() runs it again
        return status;
    }
    crashPoint("central: grant allocated, push not issued");
    std::uint64_t seq = 0;
    std::string error;
    const SyncPushState state = status == Status::Ok ? SyncPushState::Ready : SyncPushState::Refused;
    if (!m_store->setPushState(push.id, state, &seq, &error)) {
        m_grantsUnsettled = true;
        return Status::StorageFailed;
    }
    push.state = state;
    if (state != SyncPushState::Ready)
        return status;
    push.seq = seq;
    m_devices[push.device].pushSeq = seq;
    auto connection = m_deviceConnection.find(push.device);
    if (connection != m_deviceConnection.end()) {
        Session& session = m_sessions[connection->second];
        if (session.pushSentUpTo + 1 == seq) {
            SyncMessage m;
            m.type = SyncMessageType::Push;
            m.push = pushOf(push);
            if (session.pushSentUpTo <= m_devices[push.device].pushAcked)
                session.lastPushProgress = now;
            send(connection->second, m);
            session.pushSentUpTo = seq;
        }
    }
    return status;
}

Status SyncCentral::grant(const std::string& device, EventId event, std::vector<SeatId> seats, Timestamp now,
                          std::uint64_t* id)
{
    if (m_devices.count(device) == 0 || seats.empty() || seats.size() > kSyncSeatsPerPushMax)
        return Status::InvalidArgument;
    SyncPushRecord push;
    push.device = device;
    push.kind = SyncPushKind::Grant;
    push.event = event;
    push.seats = std::move(seats);
    return startGrant(push, now, id);
}

Status SyncCentral::grantArea(const std::string& device, EventId event, AreaId area, std::uint32_t quantity,
                              Timestamp now, std::uint64_t* id)
{
    if (m_devices.count(device) == 0 || area == 0 || quantity == 0)
        return Status::InvalidArgument;
    SyncPushRecord push;
    push.device = device;
    push.kind = SyncPushKind::GrantArea;
    push.event = event;
    push.area = area;
    push.quantity = quantity;
    return startGrant(push, now, id);
}

Status SyncCentral::startGrant(SyncPushRecord& push, Timestamp now, std::uint64_t* id)
{
    std::uint64_t seq = 0;
    std::string error;
    if (!m_store->addPush(&push, &seq, &error))
        return Status::StorageFailed;
    *id = push.id;
    crashPoint("central: grant recorded, not allocated");
    return runGrant(push, now);
}

Status SyncCentral::takeBack(const std::string& device, EventId event, std::vector<SeatId> seats, Timestamp now,
                             std::uint64_t* id)
{
    auto it = m_devices.find(device);
    if (it == m_devices.end() || seats.empty() || seats.size() > kSyncSeatsPerPushMax
        || std::set<SeatId>(seats.begin(), seats.end()).size() != seats.size())
        return Status::InvalidArgument;
    if (!allocatedTo(event, seats, it->second.channel))
        return Status::SeatNotAllocated;
    std::vector<SyncPushRecord> pending;
    std::string error;
    if (!m_store->pushesInState(SyncPushState::Ready, &pending, &error))
        return Status::StorageFailed;
    const std::set<SeatId> wanted(seats.begin(), seats.end());
    for (const SyncPushRecord& p : pending)
        if (p.kind == SyncPushKind::TakeBack && p.event == event)
            for (SeatId s : p.seats)
                if (wanted.count(s) != 0)
                    return Status::SeatUnavailable;
    SyncPushRecord push;
    push.device = device;
    push.kind = SyncPushKind::TakeBack;
    push.event = event;
    push.seats = std::move(seats);
    return startTakeBack(push, now, id);
}

// Any quantity up to the device's pool here: the device releases what it has not sold or held
// (at most `quantity`) and says how much; until then the pool stays the device's. Several may be
// pending: each answer releases only places that are free on the device, hence free here.
Status SyncCentral::takeBackArea(const std::string& device, EventId event, AreaId area, std::uint32_t quantity,
                                 Timestamp now, std::uint64_t* id)
{
    auto it = m_devices.find(device);
    if (it == m_devices.end() || area == 0 || quantity == 0)
        return Status::InvalidArgument;
    bool read = false;
    const AreaPool pool = syncAreaPool(m_ledger, event, area, it->second.channel, &read);
    if (!read || pool.capacity == 0)
        return Status::SeatNotAllocated;
    if (quantity > pool.capacity)
        return Status::CapacityUnavailable;
    SyncPushRecord push;
    push.device = device;
    push.kind = SyncPushKind::TakeBackArea;
    push.event = event;
    push.area = area;
    push.quantity = quantity;
    return startTakeBack(push, now, id);
}

Status SyncCentral::startTakeBack(SyncPushRecord& push, Timestamp now, std::uint64_t* id)
{
    push.state = SyncPushState::Ready;
    std::uint64_t seq = 0;
    std::string error;
    if (!m_store->addPush(&push, &seq, &error))
        return Status::StorageFailed;
    *id = push.id;
    m_devices[push.device].pushSeq = seq;
    auto connection = m_deviceConnection.find(push.device);
    if (connection != m_deviceConnection.end()) {
        Session& session = m_sessions[connection->second];
        if (session.pushSentUpTo + 1 == seq)
            sendPushes(connection->second, session, now, seq - 1);
    }
    return Status::Ok;
}

std::vector<SyncDeviceStatus> SyncCentral::devices() const
{
    std::vector<SyncDeviceStatus> out;
    out.reserve(m_devices.size());
    for (const auto& [name, d] : m_devices)
        out.push_back(SyncDeviceStatus { name, d.channel, d.outbox, m_deviceConnection.count(name) != 0, d.applied,
                                         d.pushSeq, d.pushAcked });
    return out;
}

bool SyncCentral::appliedOp(const std::string& device, const std::string& opId, SyncAppliedOp* out, std::string* error)
{
    return m_store->findOp(device, opId, out, error);
}

bool SyncCentral::push(std::uint64_t id, SyncPushRecord* out)
{
    std::string error;
    return m_store->findPush(id, out, &error);
}

} // namespace usher
