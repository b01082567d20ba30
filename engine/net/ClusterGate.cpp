#include "net/ClusterGate.h"

#include "net/ApiSupport.h"

namespace usher::net {

namespace {

constexpr int kHopsMax = 9; // a larger usher_hops is read as 9

int hopsOf(const HttpRequest& request)
{
    std::uint64_t hops = 0;
    if (!parseUnsigned(request.queryParameter(kHopsParameter), &hops))
        return 0;
    return int(std::min<std::uint64_t>(hops, kHopsMax));
}

void answer(OwnerRoute route, const std::string& url, const HttpRequest& request, int hops, const ApiReply& reply)
{
    if (route == OwnerRoute::Redirect && !url.empty()) {
        HttpResponse response
            = errorResponse(307, "event_elsewhere", "another node owns this event; repeat the request there");
        response.headers.emplace_back("Location", url + redirectTarget(request, hops + 1));
        reply.send(std::move(response));
        return;
    }
    HttpResponse response = errorResponse(503, "event_unowned", "no node serves this event right now; retry shortly");
    response.headers.emplace_back("Retry-After", "1");
    reply.send(std::move(response));
}

} // namespace

std::string redirectTarget(const HttpRequest& request, int hops)
{
    std::string target = request.path;
    char separator = '?';
    std::string_view query = request.query;
    while (!query.empty()) {
        const std::size_t end = query.find('&');
        const std::string_view parameter = query.substr(0, end);
        query = end == std::string_view::npos ? std::string_view() : query.substr(end + 1);
        const std::string_view name = parameter.substr(0, parameter.find('='));
        if (parameter.empty() || name == kHopsParameter)
            continue;
        target.push_back(separator);
        target.append(parameter);
        separator = '&';
    }
    target.push_back(separator);
    target.append(kHopsParameter);
    target.push_back('=');
    target.append(std::to_string(hops));
    return target;
}

bool admitOwnership(const OwnershipGate& gate, const HttpRequest& request,
                    const std::vector<std::string_view>& segments, const ApiReply& reply, const Redispatch& again)
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
    const int hops = hopsOf(request);
    const std::int64_t receivedNs = request.receivedNs != 0 ? request.receivedNs : steadyNowNs();
    std::string url;
    OwnerRoute route = gate.admit(event, hops, receivedNs, &url);
    if (route == OwnerRoute::Serve)
        return true;
    if (route == OwnerRoute::Wait) {
        if (again) {
            ParkedAnswer later
                = [parked = request, reply, again, hops](OwnerRoute then, const std::string& owner) mutable {
                      if (then == OwnerRoute::Serve)
                          again(parked, reply);
                      else
                          answer(then, owner, parked, hops, reply);
                  };
            if (gate.park(event, hops, receivedNs, std::move(later)))
                return false;
        }
        route = url.empty() ? OwnerRoute::Unavailable : OwnerRoute::Redirect;
    }
    answer(route, url, request, hops, reply);
    return false;
}

} // namespace usher::net
