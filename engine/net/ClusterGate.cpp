#include "net/ClusterGate.h"

#include "net/ApiSupport.h"

namespace usher::net {

bool admitOwnership(const OwnershipGate& gate, const HttpRequest& request,
                    const std::vector<std::string_view>& segments, const ApiReply& reply)
{
    if (segments.size() < 3 || segments[0] != "api")
        return true;
    const std::string_view area = segments[1];
    EventId event = 0;
    if (area == "events") {
        std::uint64_t id = 0;
        if (!parseUnsigned(segments[2], &id))
            return true; // not an event id: the route answers
        event = id;
    } else if (area == "holds" || area == "orders") {
        std::uint64_t number = 0;
        if (!parseCompositeId(segments[2], &event, &number))
            return true;
    } else {
        return true;
    }
    if (area == "events" && segments.size() == 4 && segments[3] == "availability" && request.method == "GET"
        && gate.followed(event))
        return true;
    std::string url;
    switch (gate.route(event, &url)) {
    case OwnerRoute::Serve:
        return true;
    case OwnerRoute::Redirect: {
        HttpResponse response
            = errorResponse(307, "event_elsewhere", "another node owns this event; repeat the request there");
        response.headers.emplace_back("Location", url + request.target);
        reply.send(std::move(response));
        return false;
    }
    case OwnerRoute::Unavailable:
        break;
    }
    HttpResponse response = errorResponse(503, "event_unowned", "no node serves this event right now; retry shortly");
    response.headers.emplace_back("Retry-After", "1");
    reply.send(std::move(response));
    return false;
}

} // namespace usher::net
