// The waiting room's routes: POST /api/events/{id}/queue, GET /api/events/{id}/queue/challenge,
// GET and DELETE /api/queue/{queueId}, GET and PUT /api/events/{id}/waiting-room, and the WebSocket
// messages queue.watch and queue.unwatch. The work is WaitingRoomService's (microseconds under a
// room's mutex), so it runs on the network thread.

#include "net/ApiService.h"
#include "net/ApiSupport.h"
#include "net/Log.h"
#include "net/WaitingRoomService.h"
#include "runtime/Clock.h"

namespace usher::net {

namespace {

// Every change of a waiting room (pause, resume, drain rate, onsale time...), applied or refused,
// goes into the audit trail: one structured log line with "audit":"waiting_room", who (the staff token's
// role, row id and name), from where, the event, the change as sent and the answer's status.
// The waiting room is not part of an event's ledger, so it has no journal record; see
// docs/design/admin-views.md.
void auditWaitingRoomChange(std::uint64_t event, const Principal& principal, const HttpRequest& request, int status)
{
    constexpr std::size_t kChangeBytesMax = 2048;
    const std::string_view change = std::string_view(request.body).substr(0, kChangeBytesMax);
    LogLine(status == 200 ? LogLevel::Info : LogLevel::Warn, "waiting room change")
        .str("audit", "waiting_room")
        .str("action", "waiting_room.put")
        .num("event", std::int64_t(event))
        .str("actorRole", roleName(principal.role))
        .num("actorId", std::int64_t(principal.id))
        .str("actorName", principal.name)
        .str("remote", request.remote)
        .str("change", change)
        .num("status", status);
}

} // namespace

void ApiService::setWaitingRooms(WaitingRoomService* rooms)
{
    m_waitingRooms = rooms;
    m_gate = rooms;
}

void ApiService::waitingRoomRoute(HttpRequest& request, const std::vector<std::string_view>& s, const ApiReply& reply)
{
    if (m_waitingRooms == nullptr)
        return reply.send(errorResponse(404, "not_found", "this server has no waiting rooms"));
    const std::string& m = request.method;
    const std::size_t n = s.size();
    const Timestamp now = systemClockNow();
    const auto methodNotAllowed = [&] {
        reply.send(errorResponse(405, "method_not_allowed", "method not allowed here"));
    };
    if (s[1] == "queue") {
        if (m == "GET")
            return reply.send(m_waitingRooms->poll(s[2], now));
        if (m == "DELETE")
            return reply.send(m_waitingRooms->leave(s[2], now));
        return methodNotAllowed();
    }
    std::uint64_t event = 0;
    if (!findEvent(s[2], reply) || !parseUnsigned(s[2], &event))
        return;
    if (n == 4 && s[3] == "queue")
        return m == "POST" ? reply.send(m_waitingRooms->join(event, request.body, request.remote, now))
                           : methodNotAllowed();
    if (n == 5 && s[3] == "queue" && s[4] == "challenge")
        return m == "GET" ? reply.send(m_waitingRooms->challenge(event, now)) : methodNotAllowed();
    if (m != "GET" && m != "PUT")
        return methodNotAllowed();
    Principal principal;
    if (!authenticate(request, reply, { Role::Promoter, Role::Admin }, &principal))
        return;
    if (m == "GET")
        return reply.send(m_waitingRooms->getSettings(event));
    HttpResponse response = m_waitingRooms->putSettings(event, request.body, now);
    auditWaitingRoomChange(event, principal, request, response.status);
    recordWaitingRoomChange(event, principal, request, response.status, now);
    return reply.send(std::move(response));
}

bool ApiService::waitingRoomMessage(const WsConnectionPtr& connection, std::string_view type, std::string_view queueId)
{
    const bool watch = type == "queue.watch";
    if (!watch && type != "queue.unwatch")
        return false;
    auto fail = [&connection](const char* message) {
        connection->send(std::make_shared<const std::string>(
            std::string("{\"type\":\"error\",\"error\":{\"code\":\"invalid_message\",\"message\":\"") + message
            + "\"}}"));
        return true;
    };
    if (m_waitingRooms == nullptr)
        return fail("this server has no waiting rooms");
    if (queueId.empty() || queueId.size() > 80)
        return fail("queueId: the id POST /api/events/{id}/queue gave");
    if (watch)
        m_waitingRooms->watch(connection, queueId, systemClockNow());
    else
        m_waitingRooms->unwatch(connection, queueId);
    return true;
}

const char* waitingRoomRefusal(TokenCheck check)
{
    switch (check) {
    case TokenCheck::Ok:
        break;
    case TokenCheck::Malformed:
        return "the waiting room is on: join it (POST /api/events/{id}/queue) and send its admission token as "
               "X-Admission-Token";
    case TokenCheck::Forged:
        return "the admission token is not valid";
    case TokenCheck::WrongEvent:
        return "the admission token is for another event";
    case TokenCheck::Expired:
        return "the admission token has expired: join the waiting room again";
    }
    return "the waiting room is on: an admission token is required";
}

} // namespace usher::net
