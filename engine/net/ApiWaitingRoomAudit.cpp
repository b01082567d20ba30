// Waiting-room changes for the audit browser: ApiService records each PUT
// /api/events/{id}/waiting-room in WaitingRoomAudit (besides its "audit":"waiting_room" log line)
// and serves them at GET /api/audit/waiting-room?after=&event=&limit= (admin only).

#include "net/ApiService.h"
#include "net/ApiSupport.h"
#include "net/Log.h"

namespace usher::net {

WaitingRoomAudit& ApiService::waitingRoomAudit()
{
    std::call_once(m_waitingRoomAuditOnce, [this] {
        const std::string path
            = m_options.dataDirectory.empty() ? std::string() : m_options.dataDirectory + "/waiting-room-audit.jsonl";
        std::string error;
        m_waitingRoomAudit = WaitingRoomAudit::open(path, &error);
        if (m_waitingRoomAudit == nullptr) {
            // Still served from memory; the log lines remain the durable record.
            LogLine(LogLevel::Error, "waiting-room audit file unusable: changes are kept in memory only")
                .str("error", error);
            m_waitingRoomAudit = WaitingRoomAudit::open(std::string(), &error);
        }
    });
    return *m_waitingRoomAudit;
}

void ApiService::recordWaitingRoomChange(std::uint64_t event, const Principal& principal, const HttpRequest& request,
                                         int status, Timestamp now)
{
    WaitingRoomChange change;
    change.at = now;
    change.event = event;
    change.actorRole = roleName(principal.role);
    change.actorId = principal.id;
    change.actorName = principal.name;
    change.remote = request.remote;
    change.change = request.body.substr(0, WaitingRoomAudit::changeBytesMax);
    change.status = status;
    std::string error;
    if (!waitingRoomAudit().append(std::move(change), &error))
        LogLine(LogLevel::Error, "waiting-room audit: the change was not written").str("error", error);
}

void ApiService::getWaitingRoomAudit(const HttpRequest& request, const ApiReply& reply)
{
    Principal principal;
    if (!authenticate(request, reply, { Role::Admin }, &principal))
        return;
    std::uint64_t after = 0;
    std::uint64_t event = 0;
    std::uint64_t limit = 200;
    const std::string_view afterText = request.queryParameter("after");
    const std::string_view eventText = request.queryParameter("event");
    const std::string_view limitText = request.queryParameter("limit");
    if (!afterText.empty() && !parseUnsigned(afterText, &after))
        return reply.send(errorResponse(400, "invalid_query", "after: the last seq seen, a whole number"));
    if (!eventText.empty() && !parseUnsigned(eventText, &event))
        return reply.send(errorResponse(400, "invalid_query", "event: an event id"));
    if (!limitText.empty() && (!parseUnsigned(limitText, &limit) || limit == 0 || limit > WaitingRoomAudit::pageMax))
        return reply.send(errorResponse(400, "invalid_query", "limit: 1 to 1000"));
    std::uint64_t last = 0;
    const std::vector<WaitingRoomChange> changes = waitingRoomAudit().after(after, event, std::size_t(limit), &last);
    reply.send(jsonResponse(200, WaitingRoomAudit::pageJson(changes, last)));
}

} // namespace usher::net
