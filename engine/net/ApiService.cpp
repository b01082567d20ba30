#include "net/ApiService.h"

#include "core/Assert.h"
#include "core/Random.h"
#include "event/EventSpecJson.h"
#include "net/ApiSupport.h"
#include "net/ClusterGate.h"
#include "net/WaitingRoomService.h"
#include "net/HttpServer.h"
#include "net/Log.h"
#include "net/SearchService.h"
#include "net/SyncEndpoint.h"
#include "runtime/Clock.h"
#include "venue/VenueJson.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <array>
#include <charconv>

namespace usher::net {

namespace {

std::vector<std::string_view> splitPath(std::string_view path)
{
    std::vector<std::string_view> segments;
    segments.reserve(9); // the most kept: one allocation per request, not one per doubling
    while (!path.empty()) {
        if (path.front() == '/') {
            path.remove_prefix(1);
            continue;
        }
        const std::size_t slash = path.find('/');
        segments.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos)
            break;
        path.remove_prefix(slash);
        if (segments.size() > 8)
            break;
    }
    return segments;
}

HttpResponse sharedJsonResponse(std::shared_ptr<const std::string> body)
{
    HttpResponse response;
    response.sharedBody = std::move(body);
    return response;
}

QJsonObject publicEventJson(const EventSpec& spec)
{
    QJsonObject object = QJsonDocument::fromJson(eventSpecToJson(spec)).object();
    object.remove(QLatin1String("ticketKey")); // the secret behind the ticket codes
    return object;
}

} // namespace

ApiService::ApiService(const ApiOptions& options, Engine& engine, EventHub& hub, TokenStore& tokens, Metrics& metrics,
                       PaymentGateway* gateway)
    : m_options(options)
    , m_engine(engine)
    , m_hub(hub)
    , m_tokens(tokens)
    , m_metrics(metrics)
    , m_gateway(gateway)
    , m_limiter(options.buyerRatePerSecond, options.buyerBurst)
    , m_availabilityMaxAgeSeconds(options.availabilityMaxAgeSeconds)
    , m_workers(options.workerThreads, options.workerQueueMax)
    , m_eventList(std::make_shared<const std::string>("{\"events\":[]}"))
    , m_resolver([this] { resolverLoop(); })
{
}

ApiService::~ApiService()
{
    close();
}

void ApiService::drain(std::int64_t waitMs)
{
    m_draining = true;
    const std::int64_t deadline = steadyNowNs() + waitMs * 1'000'000;
    while (m_purchasesInFlight.load() > 0 && steadyNowNs() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (m_purchasesInFlight.load() > 0)
        LogLine(LogLevel::Warn, "purchases still in flight at shutdown; their holds keep the payment pending")
            .num("purchases", m_purchasesInFlight.load());
}

void ApiService::close()
{
    m_draining = true;
    {
        std::lock_guard lock(m_unresolvedMutex);
        if (m_resolverStopping)
            return;
        m_resolverStopping = true;
    }
    m_unresolvedWake.notify_all();
    m_resolver.join();
    m_workers.stop();
    std::unique_lock lock(m_engineGuard);
    m_closed = true;
}

bool ApiService::ready() const
{
    return !m_draining.load() && m_hub.warm();
}

void ApiService::setReloadable(double buyerRatePerSecond, double buyerBurst, std::uint32_t availabilityMaxAgeSeconds)
{
    m_limiter.setLimits(buyerRatePerSecond, buyerBurst);
    m_availabilityMaxAgeSeconds.store(availabilityMaxAgeSeconds, std::memory_order_relaxed);
}

void ApiService::addEvent(EventShard* shard)
{
    EventInfo info;
    info.shard = shard;
    const EventSpec& spec = shard->spec();
    info.counters = &m_metrics.event(spec.id, spec.currency);
    info.detail = std::make_shared<const std::string>(
        QJsonDocument(publicEventJson(spec)).toJson(QJsonDocument::Compact).toStdString());
    std::string summary = "{\"id\":" + std::to_string(spec.id) + ",\"name\":\"";
    appendJsonEscaped(summary, spec.name);
    summary += "\",\"startsAt\":\"" + isoTime(spec.startsAt) + "\",\"currency\":\"" + spec.currency + "\",\"venue\":\"";
    appendJsonEscaped(summary, spec.venue->name);
    summary += "\",\"seats\":" + std::to_string(spec.venue->seats.size())
        + ",\"areas\":" + std::to_string(spec.venue->areas.size()) + ",\"revision\":" + std::to_string(spec.revision)
        + "}";
    info.summary = std::move(summary);
    {
        std::lock_guard lock(m_eventsMutex);
        m_events[spec.id] = std::move(info);
    }
    rebuildEventList();
    m_hub.addEvent(shard);
    if (m_search)
        m_search->addEvent(shard); // the catalog follows creation and every PATCH (which re-adds)
}

void ApiService::rebuildEventList()
{
    std::lock_guard lock(m_eventsMutex);
    std::string list = "{\"events\":[";
    bool first = true;
    for (const auto& [id, info] : m_events) {
        if (!first)
            list.push_back(',');
        first = false;
        list += info.summary;
    }
    list += "]}";
    m_eventList = std::make_shared<const std::string>(std::move(list));
    ++m_metrics.cacheMisses[std::size_t(CacheKind::EventList)];
}

bool ApiService::openPurchaseStore(bool synchronousFull, std::string* error)
{
    m_purchaseStore = PurchaseStore::open(m_options.dataDirectory, synchronousFull, error);
    return m_purchaseStore != nullptr;
}

bool ApiService::loadVenues(std::string* error)
{
    if (m_options.dataDirectory.empty())
        return true;
    const QString dir = QString::fromStdString(m_options.dataDirectory) + QLatin1String("/venues");
    if (!QDir().mkpath(dir)) {
        *error = "cannot create " + dir.toStdString();
        return false;
    }
    const QStringList files = QDir(dir).entryList({ QStringLiteral("*.json") }, QDir::Files);
    std::lock_guard lock(m_eventsMutex);
    for (const QString& name : files) {
        std::uint64_t id = 0;
        if (!parseUnsigned(name.chopped(5).toStdString(), &id))
            continue;
        QFile file(dir + QLatin1Char('/') + name);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        m_venues[id] = file.readAll().toStdString();
        m_nextVenue = std::max(m_nextVenue, id + 1);
    }
    return true;
}

// ---- routing -------------------------------------------------------------------------------------

void ApiService::handle(HttpRequest&& request, Reply reply)
{
    const std::vector<std::string_view> segments = splitPath(request.path);
    // The route template names the metric.
    Route route = Route::Other;
    const std::size_t n = segments.size();
    if (n >= 2 && segments[0] == "api") {
        const std::string_view area = segments[1];
        if (area == "events") {
            if (n == 2)
                route = Route::Events;
            else if (n == 3)
                route = Route::Event;
            else if (n == 4 && segments[3] == "availability")
                route = Route::Availability;
            else if (n == 4 && segments[3] == "holds")
                route = Route::Holds;
            else if (n == 4 && segments[3] == "block")
                route = Route::Block;
            else if (n == 6 && segments[3] == "seats")
                route = Route::SeatHold;
        } else if (area == "holds") {
            route = n == 3 ? Route::Hold : n == 4 ? Route::Purchase : Route::Other;
        } else if (area == "orders") {
            route = n == 3 ? Route::Order : n == 4 ? Route::Refund : Route::Other;
        } else if (area == "sessions" && n == 2) {
            route = Route::Sessions;
        } else if (area == "venues" && n == 2) {
            route = Route::Venues;
        }
    } else if (n == 1) {
        route = segments[0] == "healthz" ? Route::Healthz
            : segments[0] == "readyz"    ? Route::Readyz
            : segments[0] == "metrics"   ? Route::Metrics
                                         : Route::Other;
    }
    const ApiReply api(std::move(reply), route, request.receivedNs ? request.receivedNs : steadyNowNs(), &m_metrics);
    dispatch(request, api, segments);
}

void ApiService::dispatch(HttpRequest& request, const ApiReply& reply, const std::vector<std::string_view>& s)
{
    const std::string& m = request.method;
    const std::size_t n = s.size();
    auto methodNotAllowed = [&] { reply.send(errorResponse(405, "method_not_allowed", "method not allowed here")); };
    if (n == 1) {
        if (s[0] == "healthz" || s[0] == "readyz" || s[0] == "metrics") {
            if (m != "GET")
                return methodNotAllowed();
            if (s[0] == "healthz")
                return getHealth(reply);
            return s[0] == "readyz" ? getReady(reply) : getMetrics(reply);
        }
    }
    if (n < 2 || s[0] != "api")
        return reply.send(errorResponse(404, "not_found", "no such resource"));
    if (m_sync != nullptr && SyncEndpoint::isRoute(s))
        return m_sync->route(request, s, reply);
    // Another node owns the event (307), or nobody does right now (503), or it is on its way here:
    // then the gate keeps a copy of the request and dispatches it again once it is served here.
    if (m_ownership != nullptr && n >= 3
        && !admitOwnership(*m_ownership, request, s, reply, [this](HttpRequest& parked, const ApiReply& later) {
               dispatch(parked, later, splitPath(parked.path));
           }))
        return;
    const std::string_view area = s[1];
    if (area == "sessions" && n == 2)
        return m == "POST" ? postSession(reply) : methodNotAllowed();
    if (area == "venues" && n == 2)
        return m == "POST" ? postVenue(request, reply) : methodNotAllowed();
    if (area == "events") {
        if (n == 2)
            return m == "GET"  ? (request.query.empty() ? getEvents(reply) : searchEvents(request, reply))
                : m == "POST" ? postEvent(request, reply)
                              : methodNotAllowed();
        if (n == 3)
            return m == "GET"  ? getEvent(s[2], reply)
                : m == "PATCH" ? patchEvent(request, s[2], reply)
                               : methodNotAllowed();
        if (n == 4 && s[3] == "availability")
            return m == "GET" ? getAvailability(request, s[2], reply) : methodNotAllowed();
        if (n == 4 && s[3] == "holds")
            return m == "POST" ? postHolds(request, s[2], reply) : methodNotAllowed();
        if (n == 4 && s[3] == "block")
            return m == "POST" ? postBlock(request, s[2], reply) : methodNotAllowed();
        if (n == 6 && s[3] == "seats" && s[5] == "hold")
            return m == "POST" ? postSeatHold(request, s[2], s[4], reply) : methodNotAllowed();
    }
    if ((area == "events" && ((n == 4 && (s[3] == "queue" || s[3] == "waiting-room"))
                              || (n == 5 && s[3] == "queue" && s[4] == "challenge")))
        || (area == "queue" && n == 3))
        return waitingRoomRoute(request, s, reply);
    if (area == "holds") {
        if (n == 3)
            return m == "DELETE" ? deleteHold(request, s[2], reply) : methodNotAllowed();
        if (n == 4 && s[3] == "purchase")
            return m == "POST" ? postPurchase(request, s[2], reply) : methodNotAllowed();
    }
    if (area == "audit" && n == 3 && s[2] == "waiting-room") // ApiWaitingRoomAudit.cpp
        return m == "GET" ? getWaitingRoomAudit(request, reply) : methodNotAllowed();
    if (area == "orders") {
        if (n == 3)
            return m == "GET" ? getOrder(request, s[2], reply) : methodNotAllowed();
        if (n == 4 && s[3] == "refund")
            return m == "POST" ? postRefund(request, s[2], reply) : methodNotAllowed();
    }
    reply.send(errorResponse(404, "not_found", "no such resource"));
}

bool ApiService::authenticate(const HttpRequest& request, const ApiReply& reply, std::initializer_list<Role> roles,
                              Principal* principal)
{
    return authorizeBearer(m_tokens, request, reply, roles, principal);
}

EventShard* ApiService::findEvent(std::string_view idText, const ApiReply& reply, EventCounters** counters)
{
    std::uint64_t id = 0;
    if (!parseUnsigned(idText, &id)) {
        reply.send(errorResponse(404, "event_not_found", "no such event"));
        return nullptr;
    }
    std::lock_guard lock(m_eventsMutex);
    auto it = m_events.find(id);
    if (it == m_events.end()) {
        reply.send(errorResponse(404, "event_not_found", "no such event"));
        return nullptr;
    }
    if (counters != nullptr)
        *counters = it->second.counters;
    return it->second.shard;
}

EventShard* ApiService::findComposite(const HttpRequest& request, std::string_view id, const ApiReply& reply,
                                      std::initializer_list<Role> roles, const char* notFoundCode, Principal* principal,
                                      std::uint64_t* number)
{
    if (!authenticate(request, reply, roles, principal))
        return nullptr;
    EventId event = 0;
    if (!parseCompositeId(id, &event, number)) {
        reply.send(errorResponse(404, notFoundCode, "no such resource"));
        return nullptr;
    }
    return findEvent(std::to_string(event), reply);
}

ChannelId ApiService::channelFor(const EventSpec& spec, const Principal& principal, const HttpRequest& request) const
{
    if (principal.role != Role::Buyer) {
        std::uint64_t asked = 0;
        if (parseUnsigned(request.queryParameter("channel"), &asked) && asked <= 0xffff)
            return ChannelId(asked);
    }
    const ChannelKind wanted = principal.role == Role::Clerk || principal.role == Role::Device ? ChannelKind::BoxOffice
                                                                                               : ChannelKind::Online;
    for (const SalesChannel& channel : spec.channels)
        if (channel.kind == wanted)
            return channel.id;
    return principal.role == Role::Buyer || spec.channels.empty() ? ChannelId(0) : spec.channels.front().id;
}

void ApiService::submit(EventShard* shard, Command command, std::function<void(CommandResult&&)> then)
{
    Status status = Status::ShuttingDown;
    {
        std::shared_lock guard(m_engineGuard);
        if (!m_closed.load()) {
            std::vector<Command> commands;
            commands.push_back(std::move(command));
            status = shard->submit(std::move(commands), [then](std::vector<CommandResult>&& results) {
                USHER_ASSERT(results.size() == 1);
                then(std::move(results.front()));
            });
        }
    }
    if (status != Status::Ok) {
        CommandResult refused;
        refused.status = status;
        then(std::move(refused));
    }
}

bool ApiService::admitWrite(const Principal& principal, const HttpRequest& request, const ApiReply& reply,
                            EventId event)
{
    if (m_draining.load()) {
        reply.send(errorResponse(503, "shutting_down", "the server is shutting down"));
        return false;
    }
    if (principal.role != Role::Buyer)
        return true;
    std::int64_t retryAfterMs = 0;
    if (!m_limiter.allow(principal.id, steadyNowNs(), &retryAfterMs)) {
        ++m_metrics.rateLimited;
        HttpResponse response = errorResponse(429, "rate_limited", "too many requests; slow down");
        response.headers.emplace_back("Retry-After",
                                      std::to_string(std::max<std::int64_t>(1, (retryAfterMs + 999) / 1000)));
        reply.send(std::move(response));
        return false;
    }
    if (m_waitingRooms != nullptr) {
        const TokenCheck check = m_waitingRooms->checkToken(event, principal, request.header("x-admission-token"),
                                                            systemClockNow());
        if (check != TokenCheck::Ok) {
            ++m_metrics.waitingRoomRejected;
            reply.send(errorResponse(403, "waiting_room", waitingRoomRefusal(check)));
            return false;
        }
    } else if (m_gate && !m_gate->admits(event, principal, request.header("x-admission-token"))) {
        ++m_metrics.waitingRoomRejected;
        reply.send(errorResponse(403, "waiting_room", "the waiting room is on: an admission token is required"));
        return false;
    }
    return true;
}

// ---- operations ----------------------------------------------------------------------------------

void ApiService::getHealth(const ApiReply& reply)
{
    reply.send(jsonResponse(200, "{\"status\":\"alive\"}"));
}

void ApiService::getReady(const ApiReply& reply)
{
    if (ready())
        reply.send(jsonResponse(200, "{\"status\":\"ready\"}"));
    else
        reply.send(errorResponse(503, "not_ready", "event data and caches are still loading, or shutting down"));
}

void ApiService::getMetrics(const ApiReply& reply)
{
    std::string out;
    out.reserve(16384);
    m_metrics.renderRequests(out);
    auto counter = [&out](const char* name, const char* help, double value) {
        appendHelp(out, name, "counter", help);
        appendMetric(out, name, "", value);
    };
    auto gauge = [&out](const char* name, const char* help, double value) {
        appendHelp(out, name, "gauge", help);
        appendMetric(out, name, "", value);
    };
    const Metrics& m = m_metrics;
    counter("usherd_holds_total", "holds created", double(m.holds.load()));
    counter("usherd_held_seats_total", "seats in holds created", double(m.heldSeats.load()));
    counter("usherd_hold_replays_total", "hold retries answered from the idempotency record",
            double(m.holdReplays.load()));
    counter("usherd_hold_conflicts_total", "holds refused with 409", double(m.conflicts.load()));
    counter("usherd_rate_limited_total", "requests refused with 429", double(m.rateLimited.load()));
    counter("usherd_waiting_room_rejected_total", "holds refused by the waiting room",
            double(m.waitingRoomRejected.load()));
    if (m_waitingRooms != nullptr)
        m_waitingRooms->appendMetrics(&out);
    counter("usherd_holds_released_total", "holds released through the API", double(m.releasedHolds.load()));
    counter("usherd_seats_released_total", "seats that went from held to available (release, expiry, failed payment)",
            double(m.seatsReleasedToAvailable.load()));
    counter("usherd_sales_total", "orders confirmed", double(m.sales.load()));
    counter("usherd_tickets_sold_total", "tickets issued", double(m.soldTickets.load()));
    counter("usherd_payments_declined_total", "purchases declined", double(m.declined.load()));
    counter("usherd_payments_unavailable_total", "purchases refused because the gateway was unavailable",
            double(m.paymentUnavailable.load()));
    counter("usherd_payments_unknown_total", "purchases whose payment outcome was unknown",
            double(m.paymentUnknown.load()));
    counter("usherd_refunds_total", "refunds", double(m.refunds.load()));
    m.renderRevenue(out);
    m.renderEvents(out, [this](std::uint64_t event) -> std::int64_t { // the shard counts its expiries
        std::shared_lock guard(m_engineGuard);
        if (m_closed.load())
            return -1;
        EventShard* shard = nullptr;
        {
            std::lock_guard lock(m_eventsMutex);
            const auto it = m_events.find(event);
            if (it != m_events.end())
                shard = it->second.shard;
        }
        return shard != nullptr ? std::int64_t(shard->stats().expiredHolds) : -1; // -1: not this node's
    });

    static const char* const kCacheNames[kCacheKinds] = { "availability", "event_list", "event_detail" };
    appendHelp(out, "usherd_cache_hits_total", "counter", "application cache hits, per cache");
    for (std::size_t i = 0; i < kCacheKinds; ++i)
        appendMetric(out, "usherd_cache_hits_total", std::string("cache=\"") + kCacheNames[i] + "\"",
                     double(m.cacheHits[i].load()));
    if (m_search != nullptr) // the answers of GET /api/events?q=...
        appendMetric(out, "usherd_cache_hits_total", "cache=\"search\"", double(m_search->cacheHits()));
    appendHelp(out, "usherd_cache_misses_total", "counter", "application cache misses (rebuilds), per cache");
    for (std::size_t i = 0; i < kCacheKinds; ++i)
        appendMetric(out, "usherd_cache_misses_total", std::string("cache=\"") + kCacheNames[i] + "\"",
                     double(m.cacheMisses[i].load()));
    if (m_search != nullptr)
        appendMetric(out, "usherd_cache_misses_total", "cache=\"search\"", double(m_search->cacheMisses()));

    if (m_serverStats) {
        const ServerStats s = m_serverStats();
        gauge("usherd_connections", "open connections (HTTP and WebSocket)", double(s.connections));
        gauge("usherd_ws_clients", "connected WebSocket clients", double(s.wsClients));
        counter("usherd_connections_rejected_total", "connections refused over the limit", double(s.rejected));
        counter("usherd_connection_timeouts_total", "connections closed by a timeout", double(s.timeouts));
        counter("usherd_bad_requests_total", "malformed or oversized requests", double(s.badRequests));
        counter("usherd_ws_dropped_total", "slow WebSocket consumers dropped", double(s.wsDropped));
    }
    if (m_sync != nullptr)
        m_sync->renderMetrics(out); // usherd_sync_*: devices, ops applied, pending pushes per device
    counter("usherd_ws_messages_total", "WebSocket messages queued to clients", double(m_hub.messagesSent()));
    counter("usherd_view_resyncs_total", "live views rebuilt from the ledger", double(m_hub.resyncs()));

    const CommitterStats c = m_engine.committerStats();
    counter("usherd_journal_transactions_total", "storage transactions (group commits)", double(c.transactions));
    counter("usherd_journal_batches_total", "journal batches committed", double(c.batches));
    counter("usherd_journal_records_total", "journal records committed", double(c.records));
    counter("usherd_journal_commit_failures_total", "failed commits", double(c.failures));
    counter("usherd_journal_commit_seconds_total", "time spent committing", double(c.commitNsTotal) / 1e9);
    gauge("usherd_journal_commit_seconds_max", "slowest commit", double(c.commitNsMax) / 1e9);
    gauge("usherd_journal_records_per_batch", "average records per batch",
          c.batches ? double(c.records) / double(c.batches) : 0);

    if (m_gateway) {
        const PaymentGatewayStats p = m_gateway->stats();
        counter("usherd_payment_charges_total", "charges attempted", double(p.charges));
        counter("usherd_payment_errors_total", "gateway transport errors, timeouts and 5xx", double(p.errors));
        counter("usherd_payment_retries_total", "gateway retries", double(p.retries));
        counter("usherd_payment_rejected_open_total", "charges failed fast, circuit open", double(p.rejectedOpen));
        gauge("usherd_payment_circuit_state", "0 closed, 1 open, 2 half-open", double(int(p.circuit)));
        appendHelp(out, "usherd_payment_seconds", "histogram", "gateway call latency");
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < std::size(PaymentGatewayStats::kLatencyBuckets); ++i) {
            cumulative = p.latencyBucketCounts[i];
            char le[32];
            std::snprintf(le, sizeof le, "le=\"%g\"", PaymentGatewayStats::kLatencyBuckets[i]);
            appendMetric(out, "usherd_payment_seconds_bucket", le, double(cumulative));
        }
        appendMetric(out, "usherd_payment_seconds_bucket", "le=\"+Inf\"", double(p.latencyCount));
        appendMetric(out, "usherd_payment_seconds_sum", "", p.latencySumSeconds);
        appendMetric(out, "usherd_payment_seconds_count", "", double(p.latencyCount));
    }
    HttpResponse response = jsonResponse(200, std::move(out));
    response.contentType = "text/plain; version=0.0.4";
    reply.send(std::move(response));
}

void ApiService::postSession(const ApiReply& reply)
{
    std::uint64_t buyer = 0;
    Timestamp expiresAt = 0;
    const std::string token = m_tokens.createSession(systemClockNow(), m_options.sessionSeconds, &buyer, &expiresAt);
    reply.send(jsonResponse(201,
                            "{\"token\":\"" + token + "\",\"buyerId\":\"" + std::to_string(buyer)
                                + "\",\"expiresAt\":\"" + isoTime(expiresAt) + "\"}"));
}

// ---- events and venues -------------------------------------------------------------------------

void ApiService::getEvents(const ApiReply& reply)
{
    std::shared_ptr<const std::string> list;
    {
        std::lock_guard lock(m_eventsMutex);
        list = m_eventList;
    }
    ++m_metrics.cacheHits[std::size_t(CacheKind::EventList)];
    reply.send(sharedJsonResponse(list));
}

void ApiService::getEvent(std::string_view id, const ApiReply& reply)
{
    std::uint64_t event = 0;
    std::shared_ptr<const std::string> detail;
    if (parseUnsigned(id, &event)) {
        std::lock_guard lock(m_eventsMutex);
        auto it = m_events.find(event);
        if (it != m_events.end())
            detail = it->second.detail;
    }
    if (!detail)
        return reply.send(errorResponse(404, "event_not_found", "no such event"));
    ++m_metrics.cacheHits[std::size_t(CacheKind::EventDetail)];
    reply.send(sharedJsonResponse(detail));
}

void ApiService::getAvailability(const HttpRequest& request, std::string_view id, const ApiReply& reply)
{
    std::uint64_t event = 0;
    if (!parseUnsigned(id, &event))
        return reply.send(errorResponse(404, "event_not_found", "no such event"));
    AvailabilityBody body;
    if (!m_hub.availability(event, &body)) {
        if (m_hub.events() == 0 || !findEvent(id, reply))
            return; // findEvent answered 404
        return reply.send(errorResponse(503, "not_ready", "the event's availability is still loading"));
    }
    HttpResponse response;
    const std::uint32_t maxAge = m_availabilityMaxAgeSeconds.load(std::memory_order_relaxed); // reloadable
    // Preformatted lines, one string (HttpResponse::headerLines): the ETag is the hub's quoted
    // "event-generation-seq", digits only.
    char age[16];
    const auto ageEnd = std::to_chars(age, age + sizeof age, maxAge).ptr;
    response.headerLines.reserve(48 + body.etag.size());
    response.headerLines.append("ETag: ").append(body.etag).append("\r\nCache-Control: public, max-age=");
    response.headerLines.append(age, std::size_t(ageEnd - age)).append("\r\n");
    const std::string_view ifNoneMatch = request.header("if-none-match");
    if (!ifNoneMatch.empty() && (ifNoneMatch == body.etag || ifNoneMatch == "*")) {
        response.status = 304;
        return reply.send(std::move(response));
    }
    response.sharedBody = body.body;
    reply.send(std::move(response));
}

void ApiService::postVenue(HttpRequest& request, const ApiReply& reply)
{
    Principal principal;
    if (!authenticate(request, reply, { Role::Promoter, Role::Admin }, &principal))
        return;
    VenueError error;
    const auto venue = venueFromJson(QByteArray::fromStdString(request.body), &error);
    if (!venue) {
        std::string message = error.message;
        if (error.line)
            message += " (line " + std::to_string(error.line) + ", column " + std::to_string(error.column) + ")";
        return reply.send(errorResponse(400, "invalid_venue", message));
    }
    std::string json = venueToJson(*venue).toStdString();
    std::uint64_t id = 0;
    {
        std::lock_guard lock(m_eventsMutex);
        id = m_nextVenue++;
    }
    const std::string summary = "{\"venueId\":" + std::to_string(id) + ",\"seats\":"
        + std::to_string(venue->seats.size()) + ",\"areas\":" + std::to_string(venue->areas.size()) + "}";
    const bool queued = m_workers.post([this, id, json = std::move(json), summary, reply] {
        const QString dir = QString::fromStdString(m_options.dataDirectory) + QLatin1String("/venues");
        QFile file(dir + QLatin1Char('/') + QString::number(id) + QLatin1String(".json"));
        if (!QDir().mkpath(dir) || !file.open(QIODevice::WriteOnly)
            || file.write(json.data(), qint64(json.size())) != qint64(json.size()) || !file.flush()) {
            return reply.send(errorResponse(503, "storage_failed", "cannot store the venue"));
        }
        {
            std::lock_guard lock(m_eventsMutex);
            m_venues[id] = json;
        }
        reply.send(jsonResponse(201, summary));
    });
    if (!queued)
        reply.send(errorResponse(503, "overloaded", "too much work queued"));
}

void ApiService::postEvent(HttpRequest& request, const ApiReply& reply)
{
    Principal principal;
    if (!authenticate(request, reply, { Role::Promoter, Role::Admin }, &principal))
        return;
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(request.body), &parseError);
    if (!document.isObject())
        return reply.send(errorResponse(400, "invalid_json", "the body must be a JSON object"));
    QJsonObject object = document.object();
    if (!object.contains(QLatin1String("venue")) && object.contains(QLatin1String("venueId"))) {
        const auto venueId = std::uint64_t(object.value(QLatin1String("venueId")).toDouble(0));
        std::string venueJson;
        {
            std::lock_guard lock(m_eventsMutex);
            auto it = m_venues.find(venueId);
            if (it != m_venues.end())
                venueJson = it->second;
        }
        if (venueJson.empty())
            return reply.send(errorResponse(404, "venue_not_found", "no such venue"));
        object.remove(QLatin1String("venueId"));
        object.insert(QLatin1String("venue"), QJsonDocument::fromJson(QByteArray::fromStdString(venueJson)).object());
    }
    if (!object.contains(QLatin1String("format")))
        object.insert(QLatin1String("format"), QLatin1String("usher-event"));
    if (!object.contains(QLatin1String("version")))
        object.insert(QLatin1String("version"), 1);
    if (!object.contains(QLatin1String("id"))) {
        std::lock_guard lock(m_eventsMutex);
        const EventId next = m_events.empty() ? 1 : m_events.rbegin()->first + 1;
        object.insert(QLatin1String("id"), QString::number(next));
    }
    EventSpec spec;
    std::string error;
    if (!eventSpecFromJson(QJsonDocument(object).toJson(QJsonDocument::Compact), &spec, &error))
        return reply.send(errorResponse(400, "invalid_event", error));
    const bool queued = m_workers.post([this, spec = std::move(spec), reply]() mutable {
        std::string problem;
        const EventId id = spec.id;
        Status status = Status::ShuttingDown;
        EventShard* shard = nullptr;
        {
            std::shared_lock guard(m_engineGuard);
            if (!m_closed.load()) {
                status = m_engine.createEvent(std::move(spec), &problem);
                if (status == Status::Ok)
                    shard = m_engine.event(id);
            }
        }
        if (status != Status::Ok || !shard)
            return reply.send(statusResponse(status, problem));
        addEvent(shard);
        LogLine(LogLevel::Info, "event created").num("event", std::int64_t(id));
        reply.send(jsonResponse(201, "{\"id\":" + std::to_string(id) + "}"));
    });
    if (!queued)
        reply.send(errorResponse(503, "overloaded", "too much work queued"));
}

namespace {

// RFC 7386 JSON merge patch: null removes a member, an object merges into an object, anything
// else replaces.
QJsonObject mergePatch(QJsonObject target, const QJsonObject& patch)
{
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.value().isNull())
            target.remove(it.key());
        else if (it.value().isObject() && target.value(it.key()).isObject())
            target.insert(it.key(), mergePatch(target.value(it.key()).toObject(), it.value().toObject()));
        else
            target.insert(it.key(), it.value());
    }
    return target;
}

// The members PATCH may change (Engine::updateEventSpec decides what is allowed within them).
constexpr std::array<const char*, 14> kChangeableEventFields = { "name",
                                                                 "performer",
                                                                 "genre",
                                                                 "city",
                                                                 "startsAt",
                                                                 "timeZone",
                                                                 "priceTypes",
                                                                 "prices",
                                                                 "channels",
                                                                 "holdSeconds",
                                                                 "currency",
                                                                 "holdLifetimeSecondsMax",
                                                                 "paymentSecondsMax",
                                                                 "ticketsPerOrderMax" };

int patchStatus(Status status)
{
    switch (status) {
    case Status::InvalidArgument: return 422;
    case Status::ChannelNotFound:
    case Status::PriceTypeNotFound: return 409; // holds or sales still depend on what would go
    default: return httpStatus(status);
    }
}

} // namespace

void ApiService::patchEvent(HttpRequest& request, std::string_view id, const ApiReply& reply)
{
    Principal principal;
    if (!authenticate(request, reply, { Role::Promoter, Role::Admin }, &principal))
        return;
    EventShard* shard = findEvent(id, reply);
    if (!shard)
        return;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(request.body));
    if (!document.isObject())
        return reply.send(errorResponse(400, "invalid_json", "the body must be a JSON merge patch (an object)"));
    const QJsonObject patch = document.object();
    if (patch.isEmpty())
        return reply.send(errorResponse(400, "invalid_argument", "the patch changes nothing"));
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const std::string key = it.key().toStdString();
        if (std::find_if(kChangeableEventFields.begin(), kChangeableEventFields.end(),
                         [&](const char* field) { return key == field; })
            == kChangeableEventFields.end())
            return reply.send(
                errorResponse(422, "field_not_changeable", "'" + key + "' cannot be changed on an existing event"));
        if (it.value().isNull())
            return reply.send(errorResponse(422, "field_not_changeable", "'" + key + "' cannot be removed"));
    }
    const Actor actor = principal.actor();
    const bool queued = m_workers.post([this, shard, patch, actor, reply] {
        const EventId event = shard->id();
        std::lock_guard patching(m_patchMutex);
        const QJsonObject current = QJsonDocument::fromJson(eventSpecToJson(shard->spec())).object();
        EventSpec next;
        std::string error;
        if (!eventSpecFromJson(QJsonDocument(mergePatch(current, patch)).toJson(QJsonDocument::Compact), &next, &error))
            return reply.send(errorResponse(422, "invalid_event", error));
        Status status = Status::ShuttingDown;
        {
            std::shared_lock guard(m_engineGuard);
            if (!m_closed.load())
                status = m_engine.updateEventSpec(event, std::move(next), &error, actor);
        }
        if (status != Status::Ok) {
            HttpResponse response = statusResponse(status, error);
            response.status = patchStatus(status);
            return reply.send(std::move(response));
        }
        addEvent(shard); // the event's JSON and the event list, from the new revision
        m_hub.eventChanged(event, shard->spec().revision);
        LogLine(LogLevel::Info, "event changed")
            .num("event", std::int64_t(event))
            .num("revision", std::int64_t(shard->spec().revision));
        std::shared_ptr<const std::string> detail;
        {
            std::lock_guard lock(m_eventsMutex);
            detail = m_events[event].detail;
        }
        reply.send(sharedJsonResponse(detail));
    });
    if (!queued)
        reply.send(errorResponse(503, "overloaded", "too much work queued"));
}

void ApiService::postBlock(HttpRequest& request, std::string_view id, const ApiReply& reply)
{
    Principal principal;
    if (!authenticate(request, reply, { Role::Promoter, Role::Admin }, &principal))
        return;
    EventShard* shard = findEvent(id, reply);
    if (!shard)
        return;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(request.body));
    const QJsonArray seats = document.object().value(QLatin1String("seats")).toArray();
    const std::string reason = document.object().value(QLatin1String("reason")).toString().toStdString();
    if (!document.isObject() || seats.isEmpty())
        return reply.send(errorResponse(400, "invalid_argument", "expected {\"seats\":[ids],\"reason\":\"...\"}"));
    Command command;
    command.kind = CommandKind::Block;
    command.actor = principal.actor();
    command.now = systemClockNow();
    command.text = reason;
    for (const QJsonValue& seat : seats) {
        const double value = seat.toDouble(-1);
        if (value < 1 || value > 4294967295.0)
            return reply.send(errorResponse(400, "invalid_argument", "seat ids are positive integers"));
        command.seats.push_back(SeatId(value));
    }
    const std::string_view key = request.header("idempotency-key");
    std::string keyText = "block:" + std::to_string(principal.id) + ":";
    if (key.empty()) {
        std::uint64_t random = 0;
        secureRandom(&random, sizeof random);
        keyText += std::to_string(random);
    } else {
        keyText += key;
    }
    command.key = IdempotencyKey::fromString(keyText);
    submit(shard, std::move(command), [reply](CommandResult&& result) {
        if (!result.ok())
            return reply.send(statusResponse(result.status));
        reply.send(jsonResponse(200, "{\"blocked\":true,\"seq\":" + std::to_string(result.seq) + "}"));
    });
}

// ---- WebSocket ---------------------------------------------------------------------------------

void ApiService::opened(const WsConnectionPtr& connection, const HttpRequest&)
{
    connection->send(std::make_shared<const std::string>("{\"type\":\"hello\",\"protocol\":1}"));
}

void ApiService::message(const WsConnectionPtr& connection, std::string&& text)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(text));
    const QJsonObject object = document.object();
    const QString type = object.value(QLatin1String("type")).toString();
    auto fail = [&connection](const char* code, const char* message) {
        connection->send(std::make_shared<const std::string>(std::string("{\"type\":\"error\",\"error\":{\"code\":\"")
                                                             + code + "\",\"message\":\"" + message + "\"}}"));
    };
    if (!document.isObject() || type.isEmpty())
        return fail("invalid_message", "expected a JSON object with a type");
    if (type == QLatin1String("ping"))
        return void(connection->send(std::make_shared<const std::string>("{\"type\":\"pong\"}")));
    if (type.startsWith(QLatin1String("queue."))
        && waitingRoomMessage(connection, type.toStdString(),
                              object.value(QLatin1String("queueId")).toString().toStdString()))
        return;
    const bool subscribe = type == QLatin1String("subscribe");
    if (!subscribe && type != QLatin1String("unsubscribe"))
        return fail("invalid_message", "unknown type");
    // {"type":"subscribe","events":[{"event":7,"fromSeq":120}, 8]} or {"type":"subscribe","event":7,"fromSeq":120}
    QJsonArray events = object.value(QLatin1String("events")).toArray();
    if (object.contains(QLatin1String("event")))
        events.append(object);
    if (events.isEmpty() || events.size() > 64)
        return fail("invalid_message", "name 1 to 64 events");
    for (const QJsonValue& entry : events) {
        const QJsonValue idValue = entry.isObject() ? entry.toObject().value(QLatin1String("event")) : entry;
        const double id = idValue.toDouble(-1);
        if (id < 1)
            return fail("invalid_message", "event ids are positive integers");
        std::optional<Seq> fromSeq;
        if (entry.isObject() && entry.toObject().contains(QLatin1String("fromSeq"))) {
            const double from = entry.toObject().value(QLatin1String("fromSeq")).toDouble(-1);
            if (from >= 0)
                fromSeq = Seq(from);
        }
        if (subscribe)
            m_hub.subscribe(connection, EventId(id), fromSeq);
        else
            m_hub.unsubscribe(connection, EventId(id));
    }
}

void ApiService::closed(const WsConnectionPtr& connection)
{
    m_hub.disconnected(connection);
    if (m_waitingRooms != nullptr)
        m_waitingRooms->disconnected(connection);
}

} // namespace usher::net
