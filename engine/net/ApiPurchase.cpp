// Purchases, orders and refunds. The rules (PaymentGateway.h): a charge carries an idempotency key
// derived from the hold, so every retry of a purchase charges under the same key and the gateway
// answers with the first outcome; an Unknown outcome keeps the hold and is looked up until it is
// known; a charge whose ticket cannot be issued is refunded. Never a charge without a ticket nor a
// ticket without a charge.

#include "core/Random.h"
#include "net/ApiService.h"
#include "net/ApiSupport.h"
#include "net/Log.h"
#include "net/WaitingRoomService.h"
#include "runtime/Clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace usher::net {

struct ApiService::Purchase {
    Purchase(ApiService& s, ApiReply r)
        : service(s)
        , reply(std::move(r))
    {
        ++service.m_purchasesInFlight;
    }
    ~Purchase() { --service.m_purchasesInFlight; }
    Purchase(const Purchase&) = delete;
    Purchase& operator=(const Purchase&) = delete;

    ApiService& service;
    ApiReply reply;
    EventShard* shard = nullptr;
    EventId event = 0;
    HoldId hold = 0;
    Actor actor;
    ChannelId channel = 0;
    std::vector<std::uint8_t> priceTypes;
    Buyer buyer;
    std::string paymentToken;
    Amount amount = 0;
    std::string currency;
    std::string payKey;
    std::string paymentId;
    std::string admissionToken; // the waiting room's, when the buyer came through it
};

struct ApiService::Unresolved {
    EventShard* shard = nullptr;
    EventId event = 0;
    HoldId hold = 0;
    Actor actor;
    ChannelId channel = 0;
    std::vector<std::uint8_t> priceTypes;
    Buyer buyer;
    Amount amount = 0;
    std::string payKey;
    std::int64_t dueNs = 0;
    std::uint32_t attempts = 0;
};

namespace {

constexpr std::initializer_list<Role> kSellers
    = { Role::Buyer, Role::Clerk, Role::Device, Role::Promoter, Role::Admin };

bool transient(Status status)
{
    return status == Status::QueueFull || status == Status::StorageFailed || status == Status::StorageUnavailable
        || status == Status::ShuttingDown;
}

Command confirmCommand(EventId event, HoldId hold, const Actor& actor, ChannelId channel, const std::string& paymentId,
                       const Buyer& buyer, const std::vector<std::uint8_t>& priceTypes, Amount amount)
{
    Command command;
    command.kind = CommandKind::Confirm;
    // One key per hold, and the same arguments on every attempt: a retry (by the buyer or by the
    // resolver) gets the first answer back instead of a second order.
    command.key = IdempotencyKey::fromString("confirm:" + compositeId(event, hold));
    command.actor = actor;
    command.channel = channel;
    command.now = systemClockNow();
    command.hold = hold;
    command.text = paymentId;
    command.buyer = buyer;
    command.priceTypes = priceTypes;
    command.amount = amount;
    return command;
}

Command failPaymentCommand(EventId event, HoldId hold, const Actor& actor, ChannelId channel, const char* reason)
{
    Command command;
    command.kind = CommandKind::FailPayment;
    command.key = IdempotencyKey::fromString("payfail:" + compositeId(event, hold));
    command.actor = actor;
    command.channel = channel;
    command.now = systemClockNow();
    command.hold = hold;
    command.text = reason;
    return command;
}

std::string orderBody(const EventSpec& spec, OrderId order, Amount amount, std::string_view paymentId,
                      const std::vector<IssuedTicket>& tickets)
{
    std::string body = "{\"orderId\":\"" + compositeId(spec.id, order) + "\",\"event\":" + std::to_string(spec.id)
        + ",\"amount\":" + std::to_string(amount) + ",\"currency\":\"" + spec.currency + "\",\"paymentId\":\"";
    appendJsonEscaped(body, paymentId);
    body += "\",\"tickets\":[";
    for (std::size_t i = 0; i < tickets.size(); ++i) {
        const IssuedTicket& t = tickets[i];
        if (i)
            body.push_back(',');
        body += "{\"ticketId\":" + std::to_string(t.id);
        body += t.seat ? ",\"seat\":" + std::to_string(t.seat) : ",\"area\":" + std::to_string(t.area);
        body += ",\"priceType\":\"" + (t.priceType < spec.priceTypes.size() ? spec.priceTypes[t.priceType].key : "")
            + "\",\"amount\":" + std::to_string(t.amount) + ",\"code\":\"" + ticketCodeText(t.code) + "\"}";
    }
    body += "]}";
    return body;
}

std::string orderBody(const EventSpec& spec, const CommandResult& result, const std::string& paymentId)
{
    return orderBody(spec, result.order, result.amount, paymentId, result.tickets);
}

// The order a hold became, as the ledger has it (it keeps every order): the same answer the
// purchase gave, for retries that come after a restart. The newest orders are searched first.
struct HoldOrder {
    const Order* order = nullptr;
    std::vector<IssuedTicket> tickets;
};

HoldOrder findOrderOfHold(const Ledger& ledger, HoldId hold)
{
    HoldOrder found;
    OrderId last = 0; // the number of orders: the largest id order() knows
    for (OrderId step = OrderId(1) << 40; step; step >>= 1)
        if (ledger.order(last + step))
            last += step;
    for (OrderId id = last; id >= 1 && !found.order; --id)
        if (ledger.order(id)->hold == hold)
            found.order = ledger.order(id);
    if (!found.order)
        return found;
    const Venue& venue = ledger.venue();
    for (TicketId t = found.order->firstTicket; t < found.order->firstTicket + found.order->ticketCount; ++t) {
        const Ticket* ticket = ledger.ticket(t);
        if (!ticket)
            continue;
        IssuedTicket issued;
        issued.id = ticket->id;
        if (ticket->seat != kNoSeat && ticket->seat < venue.seats.size())
            issued.seat = venue.seats[ticket->seat].id;
        else if (ticket->area != kNoArea && ticket->area < venue.areas.size())
            issued.area = venue.areas[ticket->area].id;
        issued.priceType = ticket->priceType;
        issued.amount = ticket->amount;
        issued.code = ticket->code;
        found.tickets.push_back(issued);
    }
    return found;
}

std::string storedOrderBody(const EventSpec& spec, const StoredOrder& order)
{
    std::string body = "{\"orderId\":\"" + compositeId(order.event, order.order)
        + "\",\"event\":" + std::to_string(order.event) + ",\"amount\":" + std::to_string(order.amount)
        + ",\"refunded\":" + std::to_string(order.refunded) + ",\"currency\":\"" + spec.currency + "\",\"createdAt\":\""
        + isoTime(order.createdAt) + "\",\"paymentId\":\"";
    appendJsonEscaped(body, order.paymentRef);
    body += "\",\"buyer\":{\"name\":\"";
    appendJsonEscaped(body, order.buyer.name);
    body += "\",\"email\":\"";
    appendJsonEscaped(body, order.buyer.email);
    body += "\"},\"tickets\":[";
    for (std::size_t i = 0; i < order.tickets.size(); ++i) {
        const StoredTicket& t = order.tickets[i];
        if (i)
            body.push_back(',');
        body += "{\"ticketId\":" + std::to_string(t.ticket);
        body += t.seat ? ",\"seat\":" + std::to_string(t.seat) : ",\"area\":" + std::to_string(t.area);
        body += ",\"priceType\":\"" + (t.priceType < spec.priceTypes.size() ? spec.priceTypes[t.priceType].key : "")
            + "\",\"amount\":" + std::to_string(t.amount) + ",\"refunded\":" + std::to_string(t.refunded)
            + ",\"status\":\"" + (t.status == TicketStatus::Valid ? "valid" : "refunded") + "\",\"code\":\"" + t.code
            + "\"}";
    }
    body += "]}";
    return body;
}

} // namespace

void ApiService::postPurchase(HttpRequest& request, std::string_view id, const ApiReply& reply)
{
    Principal principal;
    HoldId hold = 0;
    EventShard* shard = findComposite(request, id, reply, kSellers, "hold_not_found", &principal, &hold);
    if (!shard)
        return;
    const EventId event = shard->id();
    if (m_draining.load())
        return reply.send(errorResponse(503, "shutting_down", "the server is shutting down"));
    if (!m_gateway)
        return reply.send(errorResponse(503, "payment_unavailable", "no payment gateway is configured"));
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(request.body));
    if (!request.body.empty() && !document.isObject())
        return reply.send(errorResponse(400, "invalid_json", "the body must be a JSON object"));
    const QJsonObject object = document.object();
    const EventSpec& spec = shard->spec();
    auto purchase = std::make_shared<Purchase>(*this, reply);
    purchase->shard = shard;
    purchase->event = event;
    purchase->hold = hold;
    purchase->actor = principal.actor();
    purchase->channel = channelFor(spec, principal, request);
    purchase->currency = spec.currency;
    purchase->payKey = "usher-" + compositeId(event, hold);
    purchase->admissionToken = std::string(request.header("x-admission-token").substr(0, 512));
    const QJsonObject payment = object.value(QLatin1String("payment")).toObject();
    purchase->paymentToken = payment.value(QLatin1String("token")).toString().toStdString();
    const QJsonObject buyer = object.value(QLatin1String("buyer")).toObject();
    purchase->buyer.name = buyer.value(QLatin1String("name")).toString().toStdString();
    purchase->buyer.email = buyer.value(QLatin1String("email")).toString().toStdString();
    purchase->buyer.phone = buyer.value(QLatin1String("phone")).toString().toStdString();
    if (purchase->paymentToken.size() > 1024 || purchase->buyer.name.size() > 1024
        || purchase->buyer.email.size() > 1024 || purchase->buyer.phone.size() > 1024)
        return reply.send(errorResponse(400, "invalid_argument", "a field is over 1,024 bytes"));
    for (const QJsonValue& type : object.value(QLatin1String("priceTypes")).toArray()) {
        std::size_t index = 0;
        const std::string key = type.toString().toStdString();
        while (index < spec.priceTypes.size() && spec.priceTypes[index].key != key)
            ++index;
        if (index == spec.priceTypes.size() || purchase->priceTypes.size() >= 64)
            return reply.send(errorResponse(404, "price_type_not_found", "no such price type: " + key));
        purchase->priceTypes.push_back(std::uint8_t(index));
    }
    std::string done;
    if (completedPurchase(event, hold, &done))
        return reply.send(jsonResponse(200, std::move(done)));
    if (!m_workers.post([this, purchase] { purchasePrice(purchase); }))
        reply.send(errorResponse(503, "overloaded", "too much work queued"));
}

// On a worker: reads the hold to price it, then initiates the payment in the ledger.
void ApiService::purchasePrice(const std::shared_ptr<Purchase>& p)
{
    std::optional<HoldView> hold;
    {
        std::shared_lock guard(m_engineGuard);
        if (m_closed.load())
            return p->reply.send(statusResponse(Status::ShuttingDown));
        p->shard->read([&](const Ledger& ledger) { hold = ledger.hold(p->hold); });
    }
    std::string done;
    if (!hold && completedPurchase(p->event, p->hold, &done))
        return p->reply.send(jsonResponse(200, std::move(done)));
    if (!hold && soldHoldAnswer(p->shard, p->hold, p->actor, &done)) // a retry after a restart
        return p->reply.send(jsonResponse(200, std::move(done)));
    if (!hold)
        return p->reply.send(errorResponse(404, "hold_not_found", "no such hold (expired, released or sold)"));
    if (p->actor.kind == ActorKind::Buyer && !(hold->holder == p->actor))
        return p->reply.send(statusResponse(Status::NotHolder, "the hold belongs to someone else"));
    if (!hold->paymentPending && hold->expiresAt <= systemClockNow())
        return p->reply.send(statusResponse(Status::HoldExpired, "the hold has expired"));
    p->channel = hold->channel;
    const EventSpec& spec = p->shard->spec();
    const Venue& venue = *spec.venue;
    const std::size_t units = hold->area ? hold->quantity : hold->seats.size();
    if (!p->priceTypes.empty() && p->priceTypes.size() != units)
        return p->reply.send(errorResponse(400, "invalid_argument", "priceTypes: one per seat or place"));
    Amount total = 0;
    for (std::size_t i = 0; i < units; ++i) {
        std::uint16_t category = 0;
        if (hold->area) {
            for (const VenueArea& area : venue.areas)
                if (area.id == hold->area)
                    category = area.category;
        } else {
            category = venue.seats[venue.seatIndex(hold->seats[i])].category;
        }
        const Amount price = spec.price(category, p->priceTypes.empty() ? 0 : p->priceTypes[i]);
        if (price == kNotOffered)
            return p->reply.send(statusResponse(Status::PriceTypeNotFound, "a price type is not sold for a seat"));
        total += price;
    }
    p->amount = total;
    // Written before the hold becomes payment-pending: after a crash, start-up finds the purchase
    // here and finishes it (PurchaseStore.h). No record, no charge.
    if (std::string error; m_purchaseStore && !m_purchaseStore->put(pendingPurchase(*p), &error)) {
        LogLine(LogLevel::Error, "cannot record a purchase").str("error", error);
        return p->reply.send(errorResponse(503, "storage_failed", "the purchase could not be recorded; retry"));
    }
    if (hold->paymentPending)
        return purchaseCharge(p); // a retry: charge again under the same key, the gateway dedupes
    Command command;
    command.kind = CommandKind::InitiatePayment;
    command.key = IdempotencyKey::fromString("payinit:" + compositeId(p->event, p->hold));
    command.actor = p->actor;
    command.channel = p->channel;
    command.now = systemClockNow();
    command.hold = p->hold;
    command.amount = total;
    command.text = p->payKey;
    submit(p->shard, std::move(command), [this, p](CommandResult&& result) {
        if (result.ok() || result.status == Status::PaymentPending)
            return purchaseCharge(p);
        p->reply.send(statusResponse(result.status));
    });
}

void ApiService::purchaseCharge(const std::shared_ptr<Purchase>& p)
{
    if (p->amount == 0) {
        PaymentResult free;
        free.outcome = PaymentOutcome::Approved;
        free.paymentId = "free";
        return purchaseCharged(p, free);
    }
    PaymentRequest request;
    request.idempotencyKey = p->payKey;
    request.amountMinor = p->amount;
    request.currency = p->currency;
    request.paymentToken = p->paymentToken;
    request.description = "Order for hold " + std::to_string(p->hold) + " of event " + std::to_string(p->event);
    m_gateway->charge(request, [this, p](const PaymentResult& result) { purchaseCharged(p, result); });
}

void ApiService::purchaseCharged(const std::shared_ptr<Purchase>& p, const PaymentResult& result)
{
    switch (result.outcome) {
    case PaymentOutcome::Approved: {
        p->paymentId = result.paymentId;
        submit(
            p->shard,
            confirmCommand(p->event, p->hold, p->actor, p->channel, p->paymentId, p->buyer, p->priceTypes, p->amount),
            [this, p](CommandResult&& confirmed) { purchaseConfirmed(p, std::move(confirmed)); });
        return;
    }
    case PaymentOutcome::Declined:
    case PaymentOutcome::NotFound:
        ++m_metrics.declined;
        submit(p->shard, failPaymentCommand(p->event, p->hold, p->actor, p->channel, "payment declined"),
               [this, p, message = result.message](CommandResult&&) {
                   forgetPurchase(p->event, p->hold);
                   p->reply.send(errorResponse(402, "payment_declined",
                                               message.empty() ? std::string("the payment was declined") : message));
               });
        return;
    case PaymentOutcome::Unavailable: {
        ++m_metrics.paymentUnavailable;
        HttpResponse response = errorResponse(503, "payment_unavailable",
                                              "the payment gateway is unavailable; the hold is kept, retry later");
        response.headers = { { "Retry-After", "5" } };
        return p->reply.send(std::move(response));
    }
    case PaymentOutcome::Unknown: {
        ++m_metrics.paymentUnknown;
        addUnresolved(*p);
        HttpResponse response = errorResponse(
            503, "payment_outcome_unknown",
            "the payment outcome is not known yet; the hold is kept while it is checked; retry the purchase");
        response.headers = { { "Retry-After", "5" } };
        return p->reply.send(std::move(response));
    }
    }
}

void ApiService::purchaseConfirmed(const std::shared_ptr<Purchase>& p, CommandResult&& result)
{
    const EventSpec& spec = p->shard->spec();
    if (result.ok()) {
        std::string body = orderBody(spec, result, p->paymentId);
        if (!result.replayed)
            m_metrics.recordSale(m_metrics.event(p->event), spec.currency, result.tickets.size(), result.amount);
        rememberPurchase(p->event, p->hold, body);
        forgetPurchase(p->event, p->hold);
        // The buyer is done: the waiting room lets the next one in at once, not at the admission's TTL.
        if (m_waitingRooms != nullptr && !p->admissionToken.empty())
            m_waitingRooms->finish(p->event, p->admissionToken, systemClockNow());
        return p->reply.send(jsonResponse(200, std::move(body)));
    }
    if (transient(result.status)) {
        // Charged, not yet sold: the resolver confirms once the engine takes commands again.
        addUnresolved(*p);
        return p->reply.send(errorResponse(503, "payment_processing", "charged; the order is being completed, retry"));
    }
    if (result.status == Status::IdempotencyKeyReused)
        return p->reply.send(errorResponse(409, "purchase_in_progress", "another purchase of this hold is running"));
    // The hold is gone (expired) or the order cannot be made: give the money back.
    refundUnconfirmed(p->shard, p->event, p->hold, p->paymentId, p->amount);
    p->reply.send(errorResponse(httpStatus(result.status) == 410 || result.status == Status::HoldNotFound ? 410 : 409,
                                statusName(result.status),
                                "the tickets could not be issued; the payment has been refunded"));
}

void ApiService::refundUnconfirmed(EventShard* shard, EventId event, HoldId hold, const std::string& paymentId,
                                   Amount amount)
{
    if (paymentId == "free")
        return forgetPurchase(event, hold);
    // Never refund a charge that has its tickets: the Confirm may have been made by an earlier
    // attempt (before a restart) whose idempotency record is no longer at hand.
    if (!m_workers.post([this, shard, event, hold, paymentId, amount] {
            std::string body;
            if (soldHoldAnswer(shard, hold, Actor {}, &body)) {
                LogLine(LogLevel::Info, "the charge has its order already; no refund")
                    .num("event", std::int64_t(event))
                    .num("hold", std::int64_t(hold));
                return forgetPurchase(event, hold);
            }
            refundCharge(event, hold, paymentId, amount);
        }))
        refundCharge(event, hold, paymentId, amount);
}

void ApiService::refundCharge(EventId event, HoldId hold, const std::string& paymentId, Amount amount)
{
    LogLine(LogLevel::Warn, "refunding a charge whose tickets could not be issued")
        .num("event", std::int64_t(event))
        .num("hold", std::int64_t(hold))
        .str("payment", paymentId);
    m_gateway->refund(paymentId, amount, "unconfirmed-" + compositeId(event, hold),
                      [this, event, hold, paymentId](const PaymentResult& result) {
                          if (result.outcome == PaymentOutcome::Approved)
                              forgetPurchase(event, hold); // else start-up tries again after a restart
                          if (result.outcome != PaymentOutcome::Approved)
                              LogLine(LogLevel::Error, "refund of an unconfirmed charge failed: reconcile by hand")
                                  .num("event", std::int64_t(event))
                                  .num("hold", std::int64_t(hold))
                                  .str("payment", paymentId)
                                  .str("message", result.message);
                      });
}

void ApiService::rememberPurchase(EventId event, HoldId hold, const std::string& body)
{
    std::lock_guard lock(m_completedMutex);
    if (!m_completed.emplace(std::pair(event, hold), body).second)
        return;
    m_completedOrder.emplace_back(event, hold);
    while (m_completedOrder.size() > m_options.completedPurchasesMax) {
        m_completed.erase(m_completedOrder.front());
        m_completedOrder.pop_front();
    }
}

bool ApiService::completedPurchase(EventId event, HoldId hold, std::string* body)
{
    std::lock_guard lock(m_completedMutex);
    auto it = m_completed.find(std::pair(event, hold));
    if (it == m_completed.end())
        return false;
    *body = it->second;
    return true;
}

// ---- unknown outcomes ----------------------------------------------------------------------------

void ApiService::addUnresolved(const Purchase& p)
{
    auto item = std::make_shared<Unresolved>();
    item->shard = p.shard;
    item->event = p.event;
    item->hold = p.hold;
    item->actor = p.actor;
    item->channel = p.channel;
    item->priceTypes = p.priceTypes;
    item->buyer = p.buyer;
    item->amount = p.amount;
    item->payKey = p.payKey;
    item->dueNs = steadyNowNs() + m_options.paymentLookupIntervalMs * 1'000'000;
    std::lock_guard lock(m_unresolvedMutex);
    if (m_resolverStopping)
        return;
    if (m_unresolved.size() >= m_options.paymentsUnresolvedMax) {
        LogLine(LogLevel::Error, "too many unresolved payments; this one needs reconciliation by hand")
            .str("key", item->payKey);
        return;
    }
    m_unresolved.push_back(std::move(item));
    m_unresolvedWake.notify_one();
}

void ApiService::resolverLoop()
{
    std::unique_lock lock(m_unresolvedMutex);
    while (!m_resolverStopping) {
        m_unresolvedWake.wait_for(lock, std::chrono::milliseconds(200));
        const std::int64_t now = steadyNowNs();
        std::vector<std::shared_ptr<Unresolved>> due;
        for (auto it = m_unresolved.begin(); it != m_unresolved.end();) {
            if ((*it)->dueNs <= now) {
                due.push_back(*it);
                it = m_unresolved.erase(it);
            } else {
                ++it;
            }
        }
        lock.unlock();
        for (const auto& item : due)
            resolve(item);
        lock.lock();
    }
    for (const auto& item : m_unresolved)
        LogLine(LogLevel::Warn, "payment outcome still unknown at shutdown; the hold keeps it pending")
            .str("key", item->payKey);
}

void ApiService::resolve(const std::shared_ptr<Unresolved>& item)
{
    auto retryLater = [this, item] {
        if (++item->attempts >= m_options.paymentLookupsMax) {
            LogLine(LogLevel::Error, "payment outcome still unknown after every lookup: reconcile by hand")
                .str("key", item->payKey);
            return;
        }
        item->dueNs = steadyNowNs() + m_options.paymentLookupIntervalMs * 1'000'000;
        std::lock_guard lock(m_unresolvedMutex);
        if (!m_resolverStopping)
            m_unresolved.push_back(item);
    };
    m_gateway->lookup(item->payKey, [this, item, retryLater](const PaymentResult& result) {
        if (result.outcome == PaymentOutcome::Approved) {
            const std::string paymentId = result.paymentId;
            submit(item->shard,
                   confirmCommand(item->event, item->hold, item->actor, item->channel, paymentId, item->buyer,
                                  item->priceTypes, item->amount),
                   [this, item, paymentId, retryLater](CommandResult&& confirmed) {
                       if (confirmed.ok()) {
                           if (!confirmed.replayed)
                               m_metrics.recordSale(m_metrics.event(item->event), item->shard->spec().currency,
                                                    confirmed.tickets.size(), confirmed.amount);
                           rememberPurchase(item->event, item->hold,
                                            orderBody(item->shard->spec(), confirmed, paymentId));
                           forgetPurchase(item->event, item->hold);
                           LogLine(LogLevel::Info, "unknown payment resolved: sold").str("key", item->payKey);
                       } else if (transient(confirmed.status)) {
                           retryLater();
                       } else if (confirmed.status != Status::IdempotencyKeyReused) {
                           refundUnconfirmed(item->shard, item->event, item->hold, paymentId, item->amount);
                       }
                   });
        } else if (result.outcome == PaymentOutcome::NotFound || result.outcome == PaymentOutcome::Declined) {
            submit(item->shard,
                   failPaymentCommand(item->event, item->hold, item->actor, item->channel, "payment not made"),
                   [this, item, retryLater](CommandResult&& failed) {
                       if (transient(failed.status))
                           return retryLater();
                       forgetPurchase(item->event, item->hold);
                       LogLine(LogLevel::Info, "unknown payment resolved: not charged, hold released")
                           .str("key", item->payKey);
                   });
        } else {
            retryLater();
        }
    });
}

PendingPurchase ApiService::pendingPurchase(const Purchase& p)
{
    PendingPurchase pending;
    pending.event = p.event;
    pending.hold = p.hold;
    pending.actor = p.actor;
    pending.channel = p.channel;
    pending.priceTypes = p.priceTypes;
    pending.buyer = p.buyer;
    pending.amount = p.amount;
    pending.payKey = p.payKey;
    pending.createdAt = systemClockNow();
    return pending;
}

// Called on the committer's and the gateway's threads: the SQLite write (an fsync) goes to a
// worker so that it never holds up a batch. A row left behind (a full queue, a crash) only costs a
// lookup at the next start.
void ApiService::forgetPurchase(EventId event, HoldId hold)
{
    if (!m_purchaseStore)
        return;
    const bool queued = m_workers.post([this, event, hold] {
        if (std::string error; !m_purchaseStore->remove(event, hold, &error))
            LogLine(LogLevel::Warn, "cannot forget a finished purchase; start-up will look it up again")
                .num("event", std::int64_t(event))
                .num("hold", std::int64_t(hold))
                .str("error", error);
    });
    if (!queued)
        LogLine(LogLevel::Warn, "worker queue full: a finished purchase stays recorded until the next start")
            .num("event", std::int64_t(event))
            .num("hold", std::int64_t(hold));
}

bool ApiService::soldHoldAnswer(EventShard* shard, HoldId hold, const Actor& actor, std::string* body)
{
    std::shared_lock guard(m_engineGuard);
    if (m_closed.load())
        return false;
    bool found = false;
    shard->read([&](const Ledger& ledger) {
        const HoldOrder sold = findOrderOfHold(ledger, hold);
        if (!sold.order || (actor.kind == ActorKind::Buyer && !(sold.order->actor() == actor)))
            return;
        found = true;
        *body = orderBody(ledger.spec(), sold.order->id, sold.order->amount, sold.order->paymentRef(), sold.tickets);
    });
    return found;
}

void ApiService::recoverPurchases()
{
    if (!m_purchaseStore)
        return;
    std::vector<PendingPurchase> pending;
    std::string error;
    if (!m_purchaseStore->list(m_options.paymentsUnresolvedMax, &pending, &error)) {
        LogLine(LogLevel::Error, "cannot read the unfinished purchases: reconcile by hand").str("error", error);
        return;
    }
    if (!m_gateway) {
        if (!pending.empty())
            LogLine(LogLevel::Warn, "unfinished purchases wait for a start with a payment gateway")
                .num("purchases", std::int64_t(pending.size()));
        return; // they stay recorded; their holds stay payment-pending until they expire
    }
    std::size_t recovered = 0;
    for (const PendingPurchase& p : pending) {
        EventShard* shard = nullptr;
        {
            std::lock_guard lock(m_eventsMutex);
            if (auto it = m_events.find(p.event); it != m_events.end())
                shard = it->second.shard;
        }
        if (!shard) {
            LogLine(LogLevel::Error, "an unfinished purchase names an unknown event").str("key", p.payKey);
            continue;
        }
        auto item = std::make_shared<Unresolved>();
        item->shard = shard;
        item->event = p.event;
        item->hold = p.hold;
        item->actor = p.actor;
        item->channel = p.channel;
        item->priceTypes = p.priceTypes;
        item->buyer = p.buyer;
        item->amount = p.amount;
        item->payKey = p.payKey;
        item->dueNs = 0; // at once: the buyer may be waiting
        std::lock_guard lock(m_unresolvedMutex);
        m_unresolved.push_back(std::move(item));
        ++recovered;
    }
    m_unresolvedWake.notify_one();
    if (recovered)
        LogLine(LogLevel::Info, "unfinished purchases handed to the resolver")
            .num("purchases", std::int64_t(recovered));
}

// ---- orders ---------------------------------------------------------------------------------------

// Worker thread: the order as storage has it; ShuttingDown once the engine is closing.
Status ApiService::findStoredOrder(EventId event, OrderId order, StoredOrder* stored)
{
    Status status = Status::ShuttingDown;
    std::string error;
    std::shared_lock guard(m_engineGuard);
    if (!m_closed.load())
        m_engine.withStorage([&](Storage& storage) { status = storage.findOrder(event, order, stored, &error); });
    return status;
}

void ApiService::getOrder(HttpRequest& request, std::string_view id, const ApiReply& reply)
{
    Principal principal;
    OrderId order = 0;
    EventShard* shard = findComposite(request, id, reply, kSellers, "order_not_found", &principal, &order);
    if (!shard)
        return;
    const EventId event = shard->id();
    const bool queued = m_workers.post([this, shard, event, order, principal, reply] {
        StoredOrder stored;
        const Status status = findStoredOrder(event, order, &stored);
        if (status != Status::Ok)
            return reply.send(statusResponse(status));
        if (principal.role == Role::Buyer && !(stored.actor == principal.actor()))
            return reply.send(errorResponse(404, "order_not_found", "no such order")); // do not reveal it exists
        reply.send(jsonResponse(200, storedOrderBody(shard->spec(), stored)));
    });
    if (!queued)
        reply.send(errorResponse(503, "overloaded", "too much work queued"));
}

void ApiService::postRefund(HttpRequest& request, std::string_view id, const ApiReply& reply)
{
    Principal principal;
    OrderId order = 0;
    EventShard* shard
        = findComposite(request, id, reply, { Role::Clerk, Role::Admin }, "order_not_found", &principal, &order);
    if (!shard)
        return;
    const EventId event = shard->id();
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(request.body));
    if (!request.body.empty() && !document.isObject())
        return reply.send(errorResponse(400, "invalid_json", "the body must be a JSON object"));
    const QJsonObject object = document.object();
    Command command;
    command.kind = CommandKind::Refund;
    command.actor = principal.actor();
    command.order = order;
    command.amount = Amount(object.value(QLatin1String("amount")).toDouble(-1));
    command.text = object.value(QLatin1String("reason")).toString(QStringLiteral("refund")).toStdString();
    for (const QJsonValue& ticket : object.value(QLatin1String("tickets")).toArray())
        command.tickets.push_back(TicketId(ticket.toDouble(0)));
    const std::string_view key = request.header("idempotency-key");
    std::string keyText = "refund:" + std::to_string(principal.id) + ":" + compositeId(event, order) + ":";
    if (key.empty()) {
        std::uint64_t random = 0;
        secureRandom(&random, sizeof random);
        keyText += std::to_string(random);
    } else {
        keyText += key;
    }
    command.key = IdempotencyKey::fromString(keyText);
    const bool queued = m_workers.post([this, shard, event, order, command = std::move(command), reply]() mutable {
        StoredOrder stored;
        const Status status = findStoredOrder(event, order, &stored);
        if (status != Status::Ok)
            return reply.send(statusResponse(status));
        // An order a box office sold offline (docs/sync-protocol.md) is refunded at that box office,
        // as an op of its outbox: refunded here too, the two ledgers would diverge.
        if (stored.paymentRef.starts_with("sync:"))
            return reply.send(
                errorResponse(409, "sold_by_box_office",
                              "this order was sold offline by a box office: refund it at that box office"));
        command.now = systemClockNow();
        submit(shard, std::move(command), [this, shard, event, order, stored, reply](CommandResult&& result) {
            if (!result.ok())
                return reply.send(statusResponse(result.status));
            ++m_metrics.refunds;
            if (!result.replayed)
                m_metrics.recordRefund(m_metrics.event(event), shard->spec().currency, result.amount);
            std::string body = "{\"orderId\":\"" + compositeId(event, order)
                + "\",\"refunded\":" + std::to_string(result.amount) + ",\"tickets\":[";
            for (std::size_t i = 0; i < result.tickets.size(); ++i)
                body += (i ? "," : "") + std::to_string(result.tickets[i].id);
            body += "]";
            if (result.replayed || !m_gateway || stored.paymentRef.empty() || stored.paymentRef == "free"
                || result.amount <= 0)
                return reply.send(jsonResponse(200, body + ",\"gatewayRefund\":\"none\"}"));
            m_gateway->refund(stored.paymentRef, result.amount,
                              "refund-" + compositeId(event, order) + "-" + std::to_string(result.seq),
                              [body, reply](const PaymentResult& refunded) {
                                  const bool ok = refunded.outcome == PaymentOutcome::Approved;
                                  if (!ok)
                                      LogLine(LogLevel::Error, "gateway refund failed: reconcile by hand")
                                          .str("message", refunded.message);
                                  reply.send(jsonResponse(
                                      200, body + ",\"gatewayRefund\":\"" + (ok ? "approved" : "failed") + "\"}"));
                              });
        });
    });
    if (!queued)
        reply.send(errorResponse(503, "overloaded", "too much work queued"));
}

} // namespace usher::net
