#include "sync/SyncBoxOffice.h"

#include "core/Assert.h"
#include "core/Random.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdio>
#include <set>
#include <utility>

namespace usher {

namespace {

// Answers to online requests waiting for the transport to take them (it does after every message).
constexpr std::size_t kOnlineRepliesMax = 1024;

// The texts are marked with QT_TRANSLATE_NOOP at their call sites, so that lupdate finds them (a
// function named tr here would hide them: lupdate takes tr(QT_TRANSLATE_NOOP(...)) for a tr call).
std::string translatedText(const char* text, const std::string& argument = {})
{
    QString translated = QCoreApplication::translate("SyncBoxOffice", text);
    if (!argument.empty())
        translated = translated.arg(QString::fromStdString(argument));
    return translated.toStdString();
}

std::uint64_t randomSeed()
{
    std::uint64_t seed = 0;
    while (seed == 0)
        secureRandom(&seed, sizeof seed);
    return seed;
}

std::string hexName(Prng& rng)
{
    std::string name;
    for (int i = 0; i < 2; ++i) {
        char part[17];
        std::snprintf(part, sizeof part, "%016llx", static_cast<unsigned long long>(rng.next()));
        name += part;
    }
    return name;
}

// The op journaling a sale request of this box office.
SyncOp saleOpFrom(const SyncSaleRequest& request, Timestamp now)
{
    SyncOp op;
    op.kind = SyncOpKind::Sale;
    op.event = request.event;
    op.at = now;
    op.clerk = request.clerk;
    op.seats = request.seats;
    op.area = request.area;
    op.quantity = request.quantity;
    op.priceTypes = request.priceTypes;
    op.amount = request.amount;
    op.buyer = request.buyer;
    return op;
}

// An external op begun earlier is not settled yet: nothing new is journaled before it is.
void refuseUnsettled(SyncLocalResult* result)
{
    result->status = Status::StorageUnavailable;
    result->message = translatedText(QT_TRANSLATE_NOOP("SyncBoxOffice",
                                           "An earlier operation of this box office is not settled yet (a cart "
                                           "left open by a restart?): complete or release it first."));
}

// Within the bounds of one op, no seat twice, and a price type per seat when any.
bool saleShapeValid(const SyncSaleRequest& request)
{
    if (request.area != 0)
        return request.seats.empty() && request.quantity >= 1 && request.quantity <= kSyncSeatsPerOpMax
            && (request.priceTypes.empty() || request.priceTypes.size() == request.quantity);
    const std::set<SeatId> distinct(request.seats.begin(), request.seats.end());
    return request.seats.size() <= kSyncSeatsPerOpMax && distinct.size() == request.seats.size()
        && (request.priceTypes.empty() || request.priceTypes.size() == request.seats.size());
}

} // namespace

const char* syncStateName(SyncState state)
{
    switch (state) {
    case SyncState::Offline: return "offline";
    case SyncState::Connecting: return "connecting";
    case SyncState::Online: return "online";
    case SyncState::Syncing: return "syncing";
    }
    return "?";
}

SyncBoxOffice::SyncBoxOffice(const SyncBoxOfficeOptions& options, SyncLedger& local, std::uint64_t seed)
    : m_options(options)
    , m_local(local)
    , m_backoff(options.backoffBaseMs, options.backoffMaxMs, seed)
{
}

std::unique_ptr<SyncBoxOffice> SyncBoxOffice::open(const SyncBoxOfficeOptions& options, SyncLedger& local,
                                                   Timestamp now, std::string* error)
{
    if (options.device.empty() || options.token.empty() || options.channel == 0) {
        *error = "a box office needs its device name, token and channel";
        return nullptr;
    }
    const std::uint64_t seed = options.seed != 0 ? options.seed : randomSeed();
    std::unique_ptr<SyncBoxOffice> office(new SyncBoxOffice(options, local, seed));
    Prng names(seed ^ 0x9e3779b97f4a7c15ull);
    office->m_outbox = SyncOutbox::open(
        options.outboxPath, options.durability, [&] { return hexName(names); }, error);
    if (office->m_outbox == nullptr)
        return nullptr;
    office->m_intentsUnsettled = true;
    office->settleIntents(now);
    office->updateState();
    return office;
}

void SyncBoxOffice::crashPoint(const char* point)
{
    if (m_options.crashPoint)
        m_options.crashPoint(point);
}

// ---- the transport ----

bool SyncBoxOffice::shouldConnect(Timestamp now) const
{
    return m_state == SyncState::Offline && now >= m_nextAttemptAt;
}

void SyncBoxOffice::connecting(Timestamp now)
{
    m_state = SyncState::Connecting;
    m_handshakeDeadline = now + m_options.handshakeTimeoutMs;
}

void SyncBoxOffice::opened(Timestamp now)
{
    m_state = SyncState::Connecting;
    m_handshakeDeadline = now + m_options.handshakeTimeoutMs;
    m_closeRequested = false;
    SyncMessage hello;
    hello.type = SyncMessageType::Hello;
    hello.device = m_options.device;
    hello.token = m_options.token;
    hello.outbox = m_outbox->name();
    hello.received = m_outbox->receivedPush();
    hello.acked = m_outbox->ackedSeq();
    send(hello);
}

void SyncBoxOffice::closed(Timestamp now)
{
    if (m_state == SyncState::Offline)
        return;
    m_state = SyncState::Offline;
    m_outgoing.clear();
    m_closeRequested = false;
    m_sentUpTo = 0;
    m_nextAttemptAt = now + m_backoff.failed();
}

std::vector<std::string> SyncBoxOffice::takeOutgoing()
{
    return std::exchange(m_outgoing, {});
}

bool SyncBoxOffice::takeCloseRequest()
{
    return std::exchange(m_closeRequested, false);
}

void SyncBoxOffice::send(const SyncMessage& message)
{
    m_outgoing.push_back(encodeSyncMessage(message));
}

void SyncBoxOffice::updateState()
{
    if (connected())
        m_state = m_outbox->pending() == 0 ? SyncState::Online : SyncState::Syncing;
}

void SyncBoxOffice::refuseCentral(const std::string& why)
{
    m_refusal = why;
    m_closeRequested = true;
}

void SyncBoxOffice::tick(Timestamp now)
{
    if (m_intentsUnsettled)
        settleIntents(now);
    if (m_state == SyncState::Connecting && now >= m_handshakeDeadline)
        m_closeRequested = true;
    // Nothing acknowledged for a while (lost, or dropped by central beyond a gap): send again from
    // there. Measured from the last progress, not the last send, so a stream of new sales cannot
    // keep postponing the retransmission of an old loss.
    if (connected() && m_outbox->ackedSeq() < m_sentUpTo && now - m_lastProgress >= m_options.retransmitMs) {
        m_sentUpTo = m_outbox->ackedSeq();
        pump(now);
    }
}

void SyncBoxOffice::received(std::string_view text, Timestamp now)
{
    if (m_state == SyncState::Offline)
        return; // a message of a connection already given up
    SyncMessage message;
    std::string error;
    if (!decodeSyncMessage(text, &message, &error))
        return; // nothing central sends is malformed; ignoring keeps a bad proxy from stopping the sales
    switch (message.type) {
    case SyncMessageType::Welcome: handleWelcome(message, now); return;
    case SyncMessageType::Ack:
        if (!connected())
            return;
        if (message.upTo > m_outbox->ackedSeq())
            m_lastProgress = now;
        if (m_outbox->acknowledge(message.upTo, message.results, &error)) {
            updateState();
            pump(now);
        }
        return;
    case SyncMessageType::Push:
        if (connected())
            handlePush(message.push, now);
        return;
    case SyncMessageType::OnlineReply:
        if (connected() && m_onlineReplies.size() < kOnlineRepliesMax)
            m_onlineReplies.push_back(std::move(message.onlineReply));
        return;
    case SyncMessageType::Error:
        if (message.code == "version_unsupported" || message.code == "unauthorized"
            || message.code == "outbox_mismatch")
            refuseCentral(
                translatedText(QT_TRANSLATE_NOOP("SyncBoxOffice", "usherd refused this box office: %1"), message.message));
        return;
    default: return;
    }
}

void SyncBoxOffice::handleWelcome(const SyncMessage& message, Timestamp now)
{
    if (m_state != SyncState::Connecting)
        return;
    if (message.protocol != kSyncProtocolVersion) {
        refuseCentral(translatedText(QT_TRANSLATE_NOOP(
            "SyncBoxOffice", "usherd speaks another sync protocol version: update the box office or the server")));
        return;
    }
    if (message.device != m_options.device || message.channel != m_options.channel) {
        refuseCentral(translatedText(QT_TRANSLATE_NOOP("SyncBoxOffice",
                                           "usherd knows this device under another name or channel: enrol it again")));
        return;
    }
    if (message.applied > m_outbox->lastSeq()) {
        refuseCentral(translatedText(QT_TRANSLATE_NOOP(
            "SyncBoxOffice",
            "usherd has operations this box office does not have (was its data restored from a backup?)")));
        return;
    }
    std::string error;
    // Central lost ops it had acknowledged (restored from a backup): upload them again rather
    // than lose them. Its refusals, if any now collide, show as rejected ops.
    if (message.applied < m_outbox->ackedSeq() && !m_outbox->unacknowledgeAfter(message.applied, &error)) {
        m_closeRequested = true;
        return;
    }
    if (!m_outbox->acknowledge(message.applied, {}, &error)) {
        m_closeRequested = true;
        return;
    }
    m_centralSellsAreas = std::find(message.features.begin(), message.features.end(), kSyncFeatureOnlineArea)
        != message.features.end();
    m_refusal.clear();
    m_backoff.succeeded();
    m_state = SyncState::Online;
    m_sentUpTo = m_outbox->ackedSeq();
    updateState();
    pump(now);
}

// The ops message comes from the outbox's stored op text (SyncOutbox::opsMessage: the bytes
// encodeSyncMessage would write, without decoding and encoding every op again).
void SyncBoxOffice::pump(Timestamp now)
{
    if (!connected())
        return;
    std::uint64_t from = std::max(m_sentUpTo, m_outbox->ackedSeq()) + 1;
    while (from <= m_outbox->lastSeq() && from - m_outbox->ackedSeq() - 1 < m_options.opsInFlightMax) {
        const std::size_t room = m_options.opsInFlightMax - static_cast<std::size_t>(from - m_outbox->ackedSeq() - 1);
        std::string text;
        std::uint64_t last = 0;
        std::string error;
        if (!m_outbox->opsMessage(from, std::min(room, m_options.opsPerMessageMax), &text, &last, &error) || last == 0)
            return; // an unreadable row (error), or an intent first: nothing after it may go before it
        if (m_sentUpTo <= m_outbox->ackedSeq())
            m_lastProgress = now; // nothing was in flight: the clock starts now
        from = last + 1;
        m_sentUpTo = last;
        m_outgoing.push_back(std::move(text));
    }
}

// ---- pushes ----

void SyncBoxOffice::handlePush(const SyncPush& push, Timestamp now)
{
    SyncMessage ack;
    ack.type = SyncMessageType::PushAck;
    if (m_intentsUnsettled && !settleIntents(now))
        return; // an older op is not applied here yet: the push comes again
    if (push.seq == m_outbox->receivedPush() + 1) {
        const bool done = push.kind == SyncPushKind::TakeBack ? applyTakeBack(push, now)
            : push.kind == SyncPushKind::TakeBackArea        ? applyTakeBackArea(push, now)
                                                             : applyGrant(push, now);
        if (!done)
            return; // a transient failure: central sends it again
    } else if (push.seq > m_outbox->receivedPush()) {
        return; // beyond a gap: the missing ones come again first
    }
    ack.upTo = m_outbox->receivedPush();
    send(ack);
    updateState();
    pump(now);
}

bool SyncBoxOffice::applyGrant(const SyncPush& push, Timestamp now)
{
    const std::string prefix = "local/grant/" + std::to_string(push.id);
    const CommandResult r = push.kind == SyncPushKind::GrantArea
        ? applySyncAreaAllocation(m_local, push.event, CommandKind::AllocateArea, push.area, push.quantity,
                                  m_options.channel, now, prefix, "allocate")
        : applySyncAllocation(m_local, push.event, CommandKind::AllocateSeats, push.seats, m_options.channel, now,
                              prefix, "allocate");
    // An event this box office has not downloaded yet: not acknowledged, so central sends the grant
    // again (acknowledging it would strand the seats: allocated on central, sellable nowhere).
    if (syncStatusIsTransient(r.status) || r.status == Status::EventNotFound)
        return false;
    if (!r.ok())
        ++m_anomalies;
    crashPoint("box office: grant allocated, push not recorded");
    std::string error;
    return m_outbox->setReceivedPush(push.seq, &error);
}

bool SyncBoxOffice::applyTakeBack(const SyncPush& push, Timestamp now)
{
    SyncOp op;
    op.kind = SyncOpKind::TakeBack;
    op.event = push.event;
    op.at = now;
    op.takeBack = push.id;
    const ChannelId channel = m_options.channel;
    const bool read = m_local.read(push.event, [&](const Ledger& ledger) {
        for (SeatId s : push.seats) {
            const SeatIndex i = ledger.venue().seatIndex(s);
            const bool mine = i != kNoSeat && ledger.seat(i).allocation == channel;
            // Held or sold here: kept. Anything else this box office can no longer sell once released.
            if (mine && ledger.seatStatus(i) != SeatStatus::Available)
                op.kept.push_back(s);
            else
                op.seats.push_back(s);
        }
    });
    if (!read)
        return false;
    const SyncLocalResult r = journalAndApply(std::move(op), now, push.seq);
    return !r.opId.empty(); // journaled with the push recorded: settled later if it did not apply yet
}

// Releases, in one op, what is free of the pool here (at most what central asked): places held
// (a cart at the counter) or sold stay this box office's. The op goes behind every sale before it.
bool SyncBoxOffice::applyTakeBackArea(const SyncPush& push, Timestamp now)
{
    bool read = false;
    const AreaPool pool = syncAreaPool(m_local, push.event, push.area, m_options.channel, &read);
    if (!read)
        return false; // an event not downloaded yet: central sends the take-back again
    SyncOp op;
    op.kind = SyncOpKind::TakeBackArea;
    op.event = push.event;
    op.at = now;
    op.takeBack = push.id;
    op.area = push.area;
    op.quantity = std::min(push.quantity, pool.free());
    const SyncLocalResult r = journalAndApply(std::move(op), now, push.seq);
    return !r.opId.empty();
}

// ---- local operations ----

SyncLocalResult SyncBoxOffice::journalAndApply(SyncOp op, Timestamp now, std::uint64_t receivedPush)
{
    SyncLocalResult result;
    if (m_intentsUnsettled && !settleIntents(now)) {
        result.status = Status::StorageUnavailable; // an older op is not applied here yet: keep the order
        return result;
    }
    if (!journalChecked(&op, now, false, 0, receivedPush, &result))
        return result;
    result.opId = op.id;
    crashPoint("box office: op journaled, not applied");
    if (!applyLocal(op, now, &result))
        m_intentsUnsettled = true; // tick() applies it once the local engine answers again
    crashPoint("box office: op applied");
    updateState();
    pump(now);
    return result;
}

bool SyncBoxOffice::journalChecked(SyncOp* op, Timestamp now, bool external, HoldId localHold,
                                   std::uint64_t receivedPush, SyncLocalResult* result)
{
    std::string error;
    // Whatever is journaled must go over the wire: refuse here what central would refuse to read.
    SyncOp probe = *op;
    probe.seq = m_outbox->lastSeq() + 1;
    probe.id = m_outbox->name() + ":" + std::to_string(probe.seq);
    SyncOp decoded;
    if (!decodeSyncOp(encodeSyncOp(probe), &decoded, &error)) {
        result->status = Status::InvalidArgument;
        result->message = error;
        return false;
    }
    const bool appended = external ? m_outbox->appendExternal(op, now, localHold, &error)
                                   : m_outbox->append(op, now, receivedPush, &error);
    if (!appended) {
        result->status = Status::StorageFailed;
        result->message = error;
        return false;
    }
    return true;
}

bool SyncBoxOffice::applyLocal(const SyncOutboxEntry& entry, Timestamp now, SyncLocalResult* result)
{
    if (entry.external)
        return settleExternal(entry, result);
    return applyLocal(entry.op, now, result);
}

bool SyncBoxOffice::settleExternal(const SyncOutboxEntry& entry, SyncLocalResult* result)
{
    const SyncOp& op = entry.op;
    result->opId = op.id;
    if (m_externalInFlight.count(op.seq) != 0) {
        result->status = Status::StorageUnavailable; // its local step runs right now
        return false;
    }
    bool alive = false;
    Status status = Status::Ok;
    OrderId order = 0;
    std::vector<TicketId> tickets;
    bool read = true;
    if (op.kind == SyncOpKind::Sale && op.area != 0) {
        read = orderOfGaHold(op, entry.localHold, &alive, &order, &tickets);
        status = order != 0 ? Status::Ok : Status::HoldNotFound;
    } else if (op.kind == SyncOpKind::Sale) {
        read = m_local.read(op.event, [&](const Ledger& l) {
            if (l.hold(entry.localHold).has_value()) {
                alive = true; // neither confirmed nor released yet
                return;
            }
            // Done only when every seat is sold by the order of that hold.
            for (SeatId seat : op.seats) {
                const SeatIndex i = l.venue().seatIndex(seat);
                const SeatView v = i == kNoSeat ? SeatView {} : l.seat(i);
                const Order* o = v.status == SeatStatus::Sold ? l.order(v.order) : nullptr;
                if (o == nullptr || o->hold != entry.localHold || (order != 0 && o->id != order)) {
                    status = Status::HoldNotFound;
                    order = 0;
                    tickets.clear();
                    return;
                }
                order = o->id;
                tickets.push_back(v.ticket);
            }
        });
    } else if (op.kind == SyncOpKind::Refund || op.kind == SyncOpKind::Exchange) {
        // Positions are tickets of the sale's local order, in order (beginExternalSale).
        SyncOutboxEntry sale;
        std::string error;
        if (!m_outbox->find(op.sale, &sale, &error)) {
            status = Status::OrderNotFound;
        } else {
            order = sale.localOrder;
            read = m_local.read(op.event, [&](const Ledger& l) {
                const Order* o = l.order(sale.localOrder);
                const SeatIndex to = op.seats.empty() ? kNoSeat : l.venue().seatIndex(op.seats.front());
                for (std::uint32_t position : op.tickets) {
                    const Ticket* t = o != nullptr && position < o->ticketCount ? l.ticket(o->firstTicket + position)
                                                                                : nullptr;
                    // Not refunded, or not on the new seat: the local step did not happen. (A
                    // ticket is never on the new seat before: the seat was free when journaled.)
                    const bool happened = t != nullptr
                        && (op.kind == SyncOpKind::Refund ? t->status == TicketStatus::Refunded
                                                          : to != kNoSeat && t->seat == to);
                    if (!happened) {
                        status = Status::TicketNotFound;
                        return;
                    }
                }
            });
        }
    } else {
        status = Status::InvalidArgument;
    }
    if (!read || alive) {
        result->status = Status::StorageUnavailable;
        return false;
    }
    result->status = status;
    result->order = status == Status::Ok ? order : 0;
    result->tickets = std::move(tickets);
    std::string error;
    const SyncLocalState state = status == Status::Ok ? SyncLocalState::Done : SyncLocalState::Void;
    if (!m_outbox->setLocal(op.seq, state, op.kind == SyncOpKind::Sale ? result->order : order, &error)) {
        result->status = Status::StorageFailed;
        return false;
    }
    return true;
}

// Orders are numbered densely: the newest first, since the sale was confirmed after the op was
// journaled. A hold released without an order (rare) reads them all.
bool SyncBoxOffice::orderOfGaHold(const SyncOp& op, HoldId hold, bool* alive, OrderId* order,
                                  std::vector<TicketId>* tickets)
{
    return m_local.read(op.event, [&](const Ledger& l) {
        if (l.hold(hold).has_value()) {
            *alive = true;
            return;
        }
        for (OrderId id = OrderId(l.counts().orders); id >= 1; --id) {
            const Order* o = l.order(id);
            if (o->hold != hold)
                continue;
            if (o->ticketCount != op.quantity)
                return; // not this sale's (never expected)
            *order = id;
            for (std::uint32_t k = 0; k < o->ticketCount; ++k)
                tickets->push_back(o->firstTicket + k);
            return;
        }
    });
}

bool SyncBoxOffice::applyLocal(const SyncOp& op, Timestamp now, SyncLocalResult* result)
{
    switch (op.kind) {
    case SyncOpKind::Sale: {
        const SyncSaleOutcome sale = applySyncSale(m_local, op, "local/" + op.id, Actor { ActorKind::Clerk, op.clerk },
                                                   m_options.channel, now);
        result->status = sale.status;
        result->order = sale.order;
        result->tickets = sale.tickets;
        break;
    }
    case SyncOpKind::Refund:
    case SyncOpKind::Exchange: result->status = applyLocalOrderOp(op, now); break;
    case SyncOpKind::TakeBack: {
        // Released seats still allocated here (all of them, unless a crash came after this ran).
        std::vector<SeatId> mine = syncSeatsAllocatedTo(m_local, op.event, op.seats, m_options.channel);
        result->status = Status::Ok;
        if (!mine.empty())
            result->status = applySyncAllocation(m_local, op.event, CommandKind::DeallocateSeats, std::move(mine),
                                                 m_options.channel, now, "local/" + op.id, "deallocate")
                                 .status;
        if (!result->ok() && !syncStatusIsTransient(result->status))
            ++m_anomalies; // the seats were checked a moment ago: never expected
        break;
    }
    case SyncOpKind::TakeBackArea: {
        result->status = Status::Ok;
        if (op.quantity != 0)
            result->status = applySyncAreaAllocation(m_local, op.event, CommandKind::DeallocateArea, op.area,
                                                     op.quantity, m_options.channel, now, "local/" + op.id,
                                                     "deallocate")
                                 .status;
        // A counter's cart took places of the pool between the journal and now: it is completed
        // (behind this op: it waits) or released; until then, try again.
        if (result->status == Status::CapacityUnavailable)
            return false;
        if (!result->ok() && !syncStatusIsTransient(result->status))
            ++m_anomalies;
        break;
    }
    case SyncOpKind::Void: result->status = Status::Ok; break;
    }
    if (syncStatusIsTransient(result->status))
        return false;
    std::string error;
    const SyncLocalState state = result->ok() ? SyncLocalState::Done : SyncLocalState::Void;
    if (!m_outbox->setLocal(op.seq, state, result->order, &error)) {
        result->status = Status::StorageFailed;
        return false;
    }
    return true;
}

Status SyncBoxOffice::applyLocalOrderOp(const SyncOp& op, Timestamp now)
{
    SyncOutboxEntry sale;
    std::string error;
    if (!m_outbox->find(op.sale, &sale, &error) || sale.op.kind != SyncOpKind::Sale
        || sale.local != SyncLocalState::Done)
        return Status::OrderNotFound;
    Command c;
    c.actor = Actor { ActorKind::Clerk, op.clerk };
    c.channel = m_options.channel;
    c.now = now;
    c.order = sale.localOrder;
    bool known = true;
    m_local.read(op.event, [&](const Ledger& ledger) {
        const Order* order = ledger.order(sale.localOrder);
        known = order != nullptr;
        for (std::uint32_t position : op.tickets) {
            known = known && position < order->ticketCount;
            if (known)
                c.tickets.push_back(order->firstTicket + position);
        }
    });
    if (!known)
        return Status::TicketNotFound;
    if (op.kind == SyncOpKind::Refund) {
        c.kind = CommandKind::Refund;
        c.amount = op.amount;
        c.text = op.reason;
    } else {
        c.kind = CommandKind::Exchange;
        c.seats = op.seats;
    }
    return applySyncCommand(m_local, op.event, c, "local/" + op.id, "apply").status;
}

bool SyncBoxOffice::settleIntents(Timestamp now)
{
    std::vector<SyncOutboxEntry> intents;
    std::string error;
    if (!m_outbox->intents(&intents, &error))
        return false;
    for (const SyncOutboxEntry& e : intents) {
        SyncLocalResult result;
        if (!applyLocal(e, now, &result))
            return false;
    }
    m_intentsUnsettled = false;
    pump(now);
    return true;
}

bool SyncBoxOffice::sendOnline(const SyncOnlineRequest& request)
{
    if (!connected())
        return false;
    SyncMessage message;
    message.type = SyncMessageType::Online;
    message.online = request;
    send(message);
    return true;
}

SyncRoute SyncBoxOffice::route(EventId event, const std::vector<SeatId>& seats, std::string* why) const
{
    const std::size_t mine = syncSeatsAllocatedTo(m_local, event, seats, m_options.channel).size();
    if (!seats.empty() && mine == seats.size())
        return SyncRoute::Local;
    if (mine != 0) {
        *why = translatedText(QT_TRANSLATE_NOOP(
            "SyncBoxOffice",
            "A sale cannot mix seats of this box office's allocation with other seats: sell them separately."));
        return SyncRoute::Refused;
    }
    if (!connected()) {
        *why = translatedText(QT_TRANSLATE_NOOP("SyncBoxOffice",
                                    "usherd is unreachable: only the seats allocated to this box office can be sold."));
        return SyncRoute::Refused;
    }
    return SyncRoute::Online;
}

SyncRoute SyncBoxOffice::routeArea(EventId event, AreaId area, std::uint32_t quantity, std::string* why) const
{
    bool read = false;
    const AreaPool pool = syncAreaPool(m_local, event, area, m_options.channel, &read);
    if (read && quantity != 0 && pool.free() >= quantity)
        return SyncRoute::Local;
    if (!connected()) {
        *why = translatedText(QT_TRANSLATE_NOOP(
            "SyncBoxOffice",
            "usherd is unreachable: only the places allocated to this box office can be sold, and too few are left."));
        return SyncRoute::Refused;
    }
    if (!m_centralSellsAreas) {
        *why = translatedText(QT_TRANSLATE_NOOP("SyncBoxOffice",
                                    "This usherd is too old to sell standing places to a box office: only the places "
                                    "allocated to this box office can be sold, and too few are left."));
        return SyncRoute::Refused;
    }
    return SyncRoute::Online;
}

SyncRoute SyncBoxOffice::routeOf(const SyncSaleRequest& request, std::string* why) const
{
    return request.area != 0 ? routeArea(request.event, request.area, request.quantity, why)
                             : route(request.event, request.seats, why);
}

SyncLocalResult SyncBoxOffice::sell(const SyncSaleRequest& request, Timestamp now)
{
    SyncLocalResult result;
    result.route = routeOf(request, &result.message);
    if (result.route != SyncRoute::Local) {
        result.status = result.route == SyncRoute::Online ? Status::WrongChannel : Status::SeatNotAllocated;
        if (result.route == SyncRoute::Online)
            result.message = translatedText(QT_TRANSLATE_NOOP(
                "SyncBoxOffice", "These seats are sold through usherd, not from this box office's allocation."));
        return result;
    }
    if (!saleShapeValid(request)) {
        result.status = Status::InvalidArgument;
        return result;
    }
    if (request.area != 0)
        return journalAndApply(saleOpFrom(request, now), now, 0); // the pool's places: applySyncSale checks
    bool available = true;
    m_local.read(request.event, [&](const Ledger& ledger) {
        for (SeatId s : request.seats)
            available = available && ledger.seatStatus(ledger.venue().seatIndex(s)) == SeatStatus::Available;
    });
    if (!available) {
        result.status = Status::SeatUnavailable;
        return result;
    }
    return journalAndApply(saleOpFrom(request, now), now, 0);
}

SyncLocalResult SyncBoxOffice::refund(const std::string& saleOp, std::vector<std::uint32_t> positions, Amount amount,
                                      std::string reason, std::uint64_t clerk, Timestamp now)
{
    SyncOutboxEntry sale;
    std::string error;
    if (!m_outbox->find(saleOp, &sale, &error) || sale.op.kind != SyncOpKind::Sale) {
        SyncLocalResult result;
        result.status = Status::OrderNotFound;
        return result;
    }
    SyncOp op;
    op.kind = SyncOpKind::Refund;
    op.event = sale.op.event;
    op.at = now;
    op.clerk = clerk;
    op.sale = saleOp;
    op.tickets = std::move(positions);
    op.amount = amount;
    op.reason = std::move(reason);
    return journalAndApply(std::move(op), now, 0);
}

SyncLocalResult SyncBoxOffice::exchange(const std::string& saleOp, std::uint32_t position, SeatId newSeat,
                                        std::uint64_t clerk, Timestamp now)
{
    SyncLocalResult result;
    SyncOutboxEntry sale;
    std::string error;
    if (!m_outbox->find(saleOp, &sale, &error) || sale.op.kind != SyncOpKind::Sale) {
        result.status = Status::OrderNotFound;
        return result;
    }
    // The new seat must be this box office's too: an exchange is a sale of it.
    if (route(sale.op.event, { newSeat }, &result.message) != SyncRoute::Local) {
        result.status = Status::SeatNotAllocated;
        return result;
    }
    SyncOp op;
    op.kind = SyncOpKind::Exchange;
    op.event = sale.op.event;
    op.at = now;
    op.clerk = clerk;
    op.sale = saleOp;
    op.tickets = { position };
    op.seats = { newSeat };
    return journalAndApply(std::move(op), now, 0);
}

SyncLocalResult SyncBoxOffice::beginExternalSale(const SyncSaleRequest& request, HoldId localHold, Timestamp now)
{
    SyncLocalResult result;
    std::string error;
    std::vector<SyncOutboxEntry> intents;
    if (!m_outbox->intents(&intents, &error)) {
        result.status = Status::StorageFailed;
        result.message = error;
        return result;
    }
    for (const SyncOutboxEntry& e : intents)
        if (localHold != 0 && e.external && e.op.kind == SyncOpKind::Sale && e.localHold == localHold) {
            m_externalInFlight.insert(e.op.seq); // a payment tried again: the same op
            result.opId = e.op.id;
            return result;
        }
    if (m_intentsUnsettled && !settleIntents(now)) {
        refuseUnsettled(&result);
        return result;
    }
    // GA places: the cart's hold has taken them from the pool already; the hold's pool decides (below).
    result.route = request.area != 0 ? SyncRoute::Local : route(request.event, request.seats, &result.message);
    if (result.route != SyncRoute::Local) {
        result.status = Status::SeatNotAllocated;
        if (result.route == SyncRoute::Online)
            result.message = translatedText(QT_TRANSLATE_NOOP(
                "SyncBoxOffice", "These seats are sold through usherd, not from this box office's allocation."));
        return result;
    }
    if (localHold == 0 || !saleShapeValid(request)) {
        result.status = Status::InvalidArgument;
        return result;
    }
    if (request.area != 0) {
        // GA places: the hold must be of that area, that many, from this box office's pool (the
        // ledger takes the open pool when the own one is short: those are sold through usherd).
        bool held = false;
        bool pool = false;
        m_local.read(request.event, [&](const Ledger& ledger) {
            const std::optional<HoldView> h = ledger.hold(localHold);
            held = h.has_value() && h->seats.empty() && h->area == request.area && h->quantity == request.quantity;
            pool = held && h->pool == m_options.channel;
        });
        if (!held) {
            result.status = Status::HoldNotFound;
            return result;
        }
        if (!pool) {
            result.status = Status::SeatNotAllocated;
            result.message = translatedText(QT_TRANSLATE_NOOP(
                "SyncBoxOffice", "These places are not from this box office's allocation: sell them through usherd."));
            return result;
        }
        SyncOp op = saleOpFrom(request, now);
        journalExternal(&op, localHold, now, &result);
        return result;
    }
    // The op lists the seats in the hold's order, which is the order of the tickets its confirm
    // issues here and on central: position i is ticket i of the order on both sides (refunds and
    // exchanges name tickets by position).
    SyncSaleRequest ordered = request;
    ordered.seats.clear();
    ordered.priceTypes.clear();
    bool held = true;
    m_local.read(request.event, [&](const Ledger& ledger) {
        const std::optional<HoldView> h = ledger.hold(localHold);
        held = h.has_value() && h->seats.size() == request.seats.size();
        for (std::size_t k = 0; held && k < h->seats.size(); ++k) {
            const auto at = std::find(request.seats.begin(), request.seats.end(), h->seats[k]);
            held = at != request.seats.end();
            if (!held)
                break;
            ordered.seats.push_back(*at);
            if (!request.priceTypes.empty())
                ordered.priceTypes.push_back(request.priceTypes[std::size_t(at - request.seats.begin())]);
        }
    });
    if (!held) {
        result.status = Status::HoldNotFound;
        return result;
    }
    SyncOp op = saleOpFrom(ordered, now);
    journalExternal(&op, localHold, now, &result);
    return result;
}

bool SyncBoxOffice::journalExternal(SyncOp* op, HoldId localHold, Timestamp now, SyncLocalResult* result)
{
    if (!journalChecked(op, now, true, localHold, 0, result))
        return false;
    crashPoint("box office: external op journaled");
    result->opId = op->id;
    m_externalInFlight.insert(op->seq);
    m_intentsUnsettled = true;
    updateState();
    return true;
}

bool SyncBoxOffice::positionsInSale(const SyncOutboxEntry& sale, const std::vector<TicketId>& tickets,
                                    std::vector<std::uint32_t>* positions)
{
    bool valid = !tickets.empty();
    const bool read = m_local.read(sale.op.event, [&](const Ledger& ledger) {
        const Order* order = ledger.order(sale.localOrder);
        for (TicketId t : tickets) {
            const Ticket* ticket = ledger.ticket(t);
            // A seat's ticket for a sale of seats, a place's for a sale of GA places.
            const std::size_t units = sale.op.area != 0 ? sale.op.quantity : sale.op.seats.size();
            valid = valid && order != nullptr && ticket != nullptr && ticket->order == sale.localOrder
                && ticket->status == TicketStatus::Valid && (ticket->seat == kNoSeat) == (sale.op.area != 0)
                && t - order->firstTicket < units;
            if (!valid)
                return;
            const auto position = static_cast<std::uint32_t>(t - order->firstTicket);
            valid = std::find(positions->begin(), positions->end(), position) == positions->end();
            positions->push_back(position);
        }
    });
    return read && valid;
}

SyncLocalResult SyncBoxOffice::beginExternalRefund(OrderId localOrder, std::vector<TicketId> tickets,
                                                   std::string reason, std::uint64_t clerk, Timestamp now)
{
    SyncLocalResult result;
    SyncOutboxEntry sale;
    std::string error;
    if (!m_outbox->findSaleByLocalOrder(localOrder, &sale, &error)) {
        result.status = Status::OrderNotFound;
        return result;
    }
    if (m_intentsUnsettled && !settleIntents(now)) {
        refuseUnsettled(&result);
        return result;
    }
    SyncOp op;
    op.kind = SyncOpKind::Refund;
    op.event = sale.op.event;
    op.at = now;
    op.clerk = clerk;
    op.sale = sale.op.id;
    op.amount = -1;
    op.reason = std::move(reason);
    if (!positionsInSale(sale, tickets, &op.tickets)) {
        result.status = Status::TicketNotFound;
        return result;
    }
    journalExternal(&op, 0, now, &result);
    return result;
}

SyncLocalResult SyncBoxOffice::beginExternalExchange(OrderId localOrder, const std::vector<SyncExchangeMove>& moves,
                                                     std::uint64_t clerk, Timestamp now)
{
    SyncLocalResult result;
    SyncOutboxEntry sale;
    std::string error;
    if (!m_outbox->findSaleByLocalOrder(localOrder, &sale, &error)) {
        result.status = Status::OrderNotFound;
        return result;
    }
    if (m_intentsUnsettled && !settleIntents(now)) {
        refuseUnsettled(&result);
        return result;
    }
    std::vector<TicketId> tickets;
    std::vector<SeatId> seats;
    for (const SyncExchangeMove& m : moves) {
        tickets.push_back(m.ticket);
        seats.push_back(m.seat);
    }
    std::vector<std::uint32_t> positions;
    if (moves.empty() || moves.size() > kSyncSeatsPerOpMax || !positionsInSale(sale, tickets, &positions)) {
        result.status = Status::TicketNotFound;
        return result;
    }
    // Every new seat is named once, this box office's (an exchange sells it) and free.
    if (std::set<SeatId>(seats.begin(), seats.end()).size() != seats.size()) {
        result.status = Status::InvalidArgument;
        return result;
    }
    if (route(sale.op.event, seats, &result.message) != SyncRoute::Local) {
        result.status = Status::SeatNotAllocated;
        return result;
    }
    bool available = true;
    m_local.read(sale.op.event, [&](const Ledger& ledger) {
        for (SeatId s : seats)
            available = available && ledger.seatStatus(ledger.venue().seatIndex(s)) == SeatStatus::Available;
    });
    if (!available) {
        result.status = Status::SeatUnavailable;
        return result;
    }
    for (std::size_t k = 0; k < moves.size(); ++k) {
        SyncOp op;
        op.kind = SyncOpKind::Exchange;
        op.event = sale.op.event;
        op.at = now;
        op.clerk = clerk;
        op.sale = sale.op.id;
        op.tickets = { positions[k] };
        op.seats = { seats[k] };
        SyncLocalResult one;
        if (!journalExternal(&op, 0, now, &one)) {
            // The ones journaled already settle as void once they are no longer in flight.
            for (const std::string& id : result.ops) {
                SyncOutboxEntry e;
                if (m_outbox->find(id, &e, &error))
                    m_externalInFlight.erase(e.op.seq);
            }
            result.status = one.status;
            result.message = one.message;
            result.ops.clear();
            return result;
        }
        result.ops.push_back(one.opId);
    }
    result.opId = result.ops.front();
    return result;
}

SyncLocalResult SyncBoxOffice::finishExternal(const std::string& opId, Timestamp now)
{
    SyncLocalResult result;
    result.opId = opId;
    SyncOutboxEntry entry;
    std::string error;
    if (!m_outbox->find(opId, &entry, &error) || !entry.external) {
        result.status = Status::OrderNotFound;
        return result;
    }
    m_externalInFlight.erase(entry.op.seq);
    if (entry.local == SyncLocalState::Intent) {
        settleIntents(now); // this one and any behind it, in order; uploads go on from there
        if (!m_outbox->find(opId, &entry, &error)) {
            result.status = Status::StorageFailed;
            result.message = error;
            return result;
        }
    }
    switch (entry.local) {
    case SyncLocalState::Intent: result.status = Status::StorageUnavailable; break; // settled later by tick()
    case SyncLocalState::Done: result.status = Status::Ok; break;
    case SyncLocalState::Void:
        result.status = entry.op.kind == SyncOpKind::Sale ? Status::HoldNotFound : Status::TicketNotFound;
        break;
    }
    result.order = entry.local == SyncLocalState::Done && entry.op.kind == SyncOpKind::Sale ? entry.localOrder : 0;
    updateState();
    pump(now);
    return result;
}

std::string SyncBoxOffice::saleOpOfLocalOrder(OrderId order)
{
    SyncOutboxEntry sale;
    std::string error;
    return order != 0 && m_outbox->findSaleByLocalOrder(order, &sale, &error) ? sale.op.id : std::string();
}

SyncStatus SyncBoxOffice::status(Timestamp now)
{
    SyncStatus s;
    s.state = m_state;
    s.pending = m_outbox->pending();
    std::string error;
    if (const auto oldest = m_outbox->oldestPendingAt(&error))
        s.oldestPendingAgeMs = std::max<std::int64_t>(0, now - *oldest);
    s.rejected = m_outbox->rejected();
    s.failures = m_backoff.failures();
    s.refusal = m_refusal;
    return s;
}

} // namespace usher
