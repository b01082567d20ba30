// Holds: POST /api/events/{id}/seats/{seatId}/hold, POST /api/events/{id}/holds, DELETE /api/holds/{id}.

#include "net/ApiService.h"
#include "core/Assert.h"
#include "net/ApiSupport.h"
#include "net/Log.h"
#include "runtime/Clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace usher::net {

namespace {

// An error answer that also names the seat: {"error":{...},"seat":N}.
HttpResponse namingSeat(HttpResponse response, SeatId seat)
{
    response.body.pop_back(); // reopen the outer object: ..."}} -> ..."},"seat":N}
    response.body += ",\"seat\":" + std::to_string(seat) + "}";
    return response;
}

constexpr std::initializer_list<Role> kSellers
    = { Role::Buyer, Role::Clerk, Role::Device, Role::Promoter, Role::Admin };

std::string holdBody(EventId event, const CommandResult& result)
{
    std::string body;
    body.reserve(160 + result.seats.size() * 8);
    body.append("{\"holdId\":\"");
    appendDecimal(body, event);
    body.push_back('-');
    appendDecimal(body, result.hold);
    body.append("\",\"event\":");
    appendDecimal(body, event);
    if (result.area) {
        body.append(",\"area\":");
        appendDecimal(body, result.area);
        body.append(",\"quantity\":");
        appendDecimal(body, result.quantity);
        body.append(",\"seats\":[]");
    } else {
        body.append(",\"seats\":[");
        for (std::size_t i = 0; i < result.seats.size(); ++i) {
            if (i)
                body.push_back(',');
            appendDecimal(body, result.seats[i]);
        }
        body.push_back(']');
    }
    body.append(",\"expiresAt\":\"").append(isoTime(result.expiresAt)).append("\",\"expiresAtMs\":");
    body.append(std::to_string(result.expiresAt)); // signed
    body.append(",\"seq\":");
    appendDecimal(body, result.seq);
    body.push_back('}');
    return body;
}

// The key a client sends is scoped to who sends it, so two buyers can never collide.
IdempotencyKey scopedKey(const Principal& principal, std::string_view prefix, std::string_view key)
{
    std::string text;
    text.reserve(key.size() + 48);
    text.append(prefix).push_back(':');
    appendDecimal(text, std::uint64_t(principal.role));
    text.push_back(':');
    appendDecimal(text, principal.id);
    text.push_back(':');
    text.append(key);
    return IdempotencyKey::fromString(text);
}

// The hold routes' commands that one network thread read in its current round, per shard: they
// go to the shard as one submit (one queue lock, one wake-up, one completion) at the round's end,
// and their answers come back to the thread as one job (TigerBeetle's "batching is the
// interface"; docs/performance.md, usherd).
struct RoundCommands {
    EventShard* shard = nullptr;
    std::vector<Command> commands;
    std::vector<std::function<void(CommandResult&&)>> thens;
};
struct RoundBatch {
    const ApiService* owner = nullptr; // one ApiService batches on a thread; others submit directly
    bool flushPosted = false;
    std::vector<RoundCommands> shards;
};
thread_local RoundBatch t_round;
constexpr std::size_t kRoundCommandsMax = 1024; // a larger round goes out in several batches

} // namespace

void ApiService::submitBatched(EventShard* shard, Command command, std::function<void(CommandResult&&)> then)
{
    NetworkThread* thread = NetworkThread::current();
    if (thread == nullptr || (t_round.owner != nullptr && t_round.owner != this))
        return submit(shard, std::move(command), std::move(then));
    t_round.owner = this;
    auto entry = std::find_if(t_round.shards.begin(), t_round.shards.end(),
                              [shard](const RoundCommands& r) { return r.shard == shard; });
    if (entry == t_round.shards.end()) {
        t_round.shards.push_back(RoundCommands{ shard, {}, {} });
        entry = t_round.shards.end() - 1;
    }
    entry->commands.push_back(std::move(command));
    entry->thens.push_back(std::move(then));
    if (!t_round.flushPosted) {
        t_round.flushPosted = true;
        thread->post([this] {
            t_round.flushPosted = false;
            flushRound();
        });
    }
    if (entry->commands.size() >= kRoundCommandsMax)
        flushRound();
}

void ApiService::flushRound()
{
    NetworkThread* thread = NetworkThread::current();
    USHER_ASSERT(thread != nullptr && t_round.owner == this);
    std::vector<RoundCommands> shards;
    shards.swap(t_round.shards);
    for (RoundCommands& round : shards) {
        USHER_ASSERT(round.commands.size() == round.thens.size());
        if (round.commands.empty())
            continue;
        // Shared with the completion, so that a refusal can still answer every request.
        auto thens = std::make_shared<std::vector<std::function<void(CommandResult&&)>>>(std::move(round.thens));
        const std::size_t count = round.commands.size();
        Status status = Status::ShuttingDown;
        {
            std::shared_lock guard(m_engineGuard);
            if (!m_closed.load())
                status = round.shard->submit(std::move(round.commands),
                                             [thread, thens](std::vector<CommandResult>&& results) {
                                                 USHER_ASSERT(results.size() == thens->size());
                                                 thread->post([thens, results = std::move(results)]() mutable {
                                                     for (std::size_t i = 0; i < results.size(); ++i)
                                                         (*thens)[i](std::move(results[i]));
                                                 });
                                             });
        }
        if (status == Status::Ok)
            continue;
        for (std::size_t i = 0; i < count; ++i) {
            CommandResult refused;
            refused.status = status;
            (*thens)[i](std::move(refused));
        }
    }
}

void ApiService::postSeatHold(HttpRequest& request, std::string_view id, std::string_view seat, const ApiReply& reply)
{
    Principal principal;
    if (!authenticate(request, reply, kSellers, &principal))
        return;
    EventCounters* counters = nullptr;
    EventShard* shard = findEvent(id, reply, &counters);
    if (!shard)
        return;
    std::uint64_t seatId = 0;
    if (!parseUnsigned(seat, &seatId) || seatId > 0xffffffffu)
        return reply.send(errorResponse(404, "seat_not_found", "no such seat"));
    Command command;
    command.kind = CommandKind::HoldSeats;
    command.seats.push_back(SeatId(seatId));
    startHold(request, shard, *counters, principal, std::move(command), reply);
}

void ApiService::postHolds(HttpRequest& request, std::string_view id, const ApiReply& reply)
{
    Principal principal;
    if (!authenticate(request, reply, kSellers, &principal))
        return;
    EventCounters* counters = nullptr;
    EventShard* shard = findEvent(id, reply, &counters);
    if (!shard)
        return;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(request.body), &error);
    if (!document.isObject())
        return reply.send(errorResponse(400, "invalid_json", "the body must be a JSON object"));
    const QJsonObject object = document.object();
    Command command;
    if (object.contains(QLatin1String("seats"))) {
        const QJsonArray seats = object.value(QLatin1String("seats")).toArray();
        if (seats.isEmpty() || seats.size() > 64)
            return reply.send(errorResponse(400, "invalid_argument", "seats: 1 to 64 seat ids"));
        command.kind = CommandKind::HoldSeats;
        for (const QJsonValue& seat : seats) {
            const double value = seat.toDouble(-1);
            if (value < 1 || value > 4294967295.0 || value != double(SeatId(value)))
                return reply.send(errorResponse(400, "invalid_argument", "seat ids are positive integers"));
            command.seats.push_back(SeatId(value));
        }
    } else if (object.contains(QLatin1String("bestAvailable"))) {
        const QJsonObject best = object.value(QLatin1String("bestAvailable")).toObject();
        const double quantity = best.value(QLatin1String("quantity")).toDouble(-1);
        if (quantity < 1 || quantity > 64)
            return reply.send(errorResponse(400, "invalid_argument", "bestAvailable.quantity: 1 to 64"));
        command.kind = CommandKind::HoldBestAvailable;
        command.best.quantity = std::uint32_t(quantity);
        command.best.together = best.value(QLatin1String("together")).toBool(true);
        command.best.accessible = best.value(QLatin1String("accessible")).toBool(false);
        const QJsonValue category = best.value(QLatin1String("category"));
        const auto& categories = shard->spec().venue->categories;
        if (category.isString()) {
            const std::string key = category.toString().toStdString();
            std::size_t index = 0;
            while (index < categories.size() && categories[index].key != key)
                ++index;
            if (index == categories.size())
                return reply.send(errorResponse(404, "category_not_found", "no such category: " + key));
            command.best.category = std::uint16_t(index);
        } else if (category.isDouble() && category.toDouble() >= 0 && category.toDouble() < double(categories.size())) {
            command.best.category = std::uint16_t(category.toDouble());
        } else {
            return reply.send(errorResponse(404, "category_not_found", "bestAvailable.category: a category key"));
        }
    } else if (object.contains(QLatin1String("area"))) {
        const double area = object.value(QLatin1String("area")).toDouble(-1);
        const double quantity = object.value(QLatin1String("quantity")).toDouble(-1);
        if (area < 1 || quantity < 1 || quantity > 64)
            return reply.send(errorResponse(400, "invalid_argument", "area: an area id; quantity: 1 to 64"));
        command.kind = CommandKind::HoldArea;
        command.area = AreaId(area);
        command.quantity = std::uint32_t(quantity);
    } else {
        return reply.send(
            errorResponse(400, "invalid_argument",
                          "expected {\"seats\":[...]} or {\"bestAvailable\":{\"quantity\":N,\"category\":\"A\"}}"));
    }
    startHold(request, shard, *counters, principal, std::move(command), reply);
}

void ApiService::startHold(HttpRequest& request, EventShard* shard, EventCounters& counters, const Principal& principal,
                           Command command, const ApiReply& reply)
{
    const std::string_view key = request.header("idempotency-key");
    if (key.empty() || key.size() > 200)
        return reply.send(
            errorResponse(400, "idempotency_key_required", "send an Idempotency-Key header (1 to 200 bytes)"));
    if (!admitWrite(principal, request, reply, shard->id()))
        return;
    const EventSpec& spec = shard->spec();
    command.key = scopedKey(principal, "hold", key);
    command.actor = principal.actor();
    command.channel = channelFor(spec, principal, request);
    command.now = systemClockNow();
    // A box office sells the seats allocated to it only through its sync outbox, never online
    // (docs/sync-protocol.md, "Selling"): the ledger holds only open-pool seats and GA places for it.
    command.openPoolOnly = std::any_of(spec.channels.begin(), spec.channels.end(), [&command](const SalesChannel& c) {
               return c.id == command.channel && c.kind == ChannelKind::BoxOffice;
           });
    const bool openPoolOnly = command.openPoolOnly;
    // The answer is made on the network thread, possibly after the engine closed (shutdown): it
    // must not touch the shard or its spec, only the worker below does, under m_engineGuard.
    const EventId event = spec.id;
    EventCounters* eventCounters = &counters; // lives as long as m_metrics
    submitBatched(
        shard, std::move(command), [this, shard, event, eventCounters, openPoolOnly, reply](CommandResult&& result) {
            if (result.ok()) {
                if (result.replayed) {
                    ++m_metrics.holdReplays;
                } else {
                    const std::size_t seats = result.area ? result.quantity : result.seats.size();
                    ++m_metrics.holds;
                    m_metrics.heldSeats += seats;
                    ++eventCounters->holds;
                    eventCounters->heldSeats += seats;
                }
                return reply.send(jsonResponse(201, holdBody(event, result)));
            }
            if (httpStatus(result.status) != 409)
                return reply.send(statusResponse(result.status));
            ++m_metrics.conflicts;
            ++eventCounters->conflicts;
            const SeatId seat
                = result.status == Status::SeatUnavailable && !result.seats.empty() ? result.seats.front() : 0;
            if (openPoolOnly && seat != 0) {
                // Refused in the ledger, so no hold exists; say whether the seat is a box office's.
                if (m_workers.post([this, shard, seat, reply] { answerUnavailableSeat(shard, seat, reply); }))
                    return;
            }
            reply.send(conflictResponse(result.status, seat));
        });
}

HttpResponse ApiService::conflictResponse(Status status, SeatId seat)
{
    if (seat == 0)
        return statusResponse(status, "not available");
    return namingSeat(statusResponse(status, "seat " + std::to_string(seat) + " is not available"), seat);
}

void ApiService::answerUnavailableSeat(EventShard* shard, SeatId seat, const ApiReply& reply)
{
    bool allocated = false;
    {
        std::shared_lock guard(m_engineGuard);
        if (!m_closed.load())
            shard->read([&](const Ledger& ledger) {
                const SeatIndex index = ledger.venue().seatIndex(seat);
                allocated = index != kNoSeat && ledger.seat(index).allocation != kOpenPool;
            });
    }
    if (!allocated)
        return reply.send(conflictResponse(Status::SeatUnavailable, seat));
    reply.send(namingSeat(errorResponse(409, "seat_allocated",
                                        "seat " + std::to_string(seat)
                                            + " is allocated to a box office: it sells it offline, not through usherd"),
                          seat));
}

void ApiService::deleteHold(HttpRequest& request, std::string_view id, const ApiReply& reply)
{
    Principal principal;
    HoldId hold = 0;
    EventShard* shard = findComposite(request, id, reply, kSellers, "hold_not_found", &principal, &hold);
    if (!shard)
        return;
    const EventId event = shard->id();
    if (m_draining.load())
        return reply.send(errorResponse(503, "shutting_down", "the server is shutting down"));
    Command command;
    command.kind = CommandKind::Release;
    command.hold = hold;
    command.actor = principal.actor();
    command.channel = channelFor(shard->spec(), principal, request);
    command.now = systemClockNow();
    command.key = scopedKey(principal, "release", std::to_string(event) + "-" + std::to_string(hold));
    submitBatched(shard, std::move(command), [this, reply](CommandResult&& result) {
        if (!result.ok())
            return reply.send(statusResponse(result.status));
        if (!result.replayed)
            ++m_metrics.releasedHolds;
        reply.send(jsonResponse(200, "{\"released\":true,\"seq\":" + std::to_string(result.seq) + "}"));
    });
}

} // namespace usher::net
