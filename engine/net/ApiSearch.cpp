// GET /api/events with query parameters: event search (SearchService.h). Without parameters the
// route keeps answering the plain event list (ApiService::getEvents).

#include "net/ApiService.h"
#include "net/ApiSupport.h"
#include "net/SearchService.h"

namespace usher::net {

void ApiService::searchEvents(const HttpRequest& request, const ApiReply& reply)
{
    if (!m_search)
        return reply.send(errorResponse(503, "search_unavailable", "search is not enabled on this server"));
    m_search->handle(request, reply);
}

} // namespace usher::net
