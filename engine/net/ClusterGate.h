#pragma once

// The ownership hook of ApiService (issue 9): with several usherd nodes on one PostgreSQL, each
// event is served by the one node that owns it (net/Cluster.h). A request for an event owned
// elsewhere is redirected there (307, Location = the owner's advertised URL + the same target);
// for an event that has no owner at this moment it gets 503 with Retry-After.
//
// Redirects never go round: each one adds 1 to the query parameter usher_hops of the Location, and
// a node that gets a redirected request for an event it does not serve forwards it again only on
// what it knows for sure (it handed the event there, or a survey taken after the request arrived
// saw that node hold it). Otherwise, and for an event on its way to this node, the request waits
// (is parked: no thread waits with it) until the node serves the event or knows where it is, or
// until a deadline (then 307 to the owner it knows, or 503).

#include "core/Types.h"
#include "net/HttpTypes.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace usher::net {

class ApiReply;

enum class OwnerRoute : std::uint8_t {
    Serve,       // this node owns the event, or no node knows it (the route answers 404 itself)
    Redirect,    // another node owns it: *ownerUrl
    Unavailable, // nobody owns it right now (a failover is under way, or this node lost it)
    Wait,        // the event is on its way here, or this node must learn more before redirecting: park
};

// The query parameter that counts the redirects a request went through (see the top).
inline constexpr std::string_view kHopsParameter = "usher_hops";

// The gate's later answer to a parked request: Serve, Redirect (with the URL) or Unavailable.
using ParkedAnswer = std::function<void(OwnerRoute route, const std::string& ownerUrl)>;

class OwnershipGate {
public:
    virtual ~OwnershipGate() = default;
    // Cheap: one lookup under a shared lock; called on the network threads.
    virtual OwnerRoute route(EventId event, std::string* ownerUrl) const = 0;
    // This node keeps a read-only view of the event (net/ClusterFeed): GET .../availability is
    // served here even when another node owns it.
    virtual bool followed(EventId event) const
    {
        (void)event;
        return false;
    }
    // For a request that other nodes redirected here `hops` times, received at `receivedNs`
    // (steady clock). Wait: see park(). By default as route().
    virtual OwnerRoute admit(EventId event, int hops, std::int64_t receivedNs, std::string* ownerUrl) const
    {
        (void)hops;
        (void)receivedNs;
        return route(event, ownerUrl);
    }
    // Keeps the request until admit() would answer something else than Wait, or until its deadline
    // (receivedNs + the gate's wait); then calls `answer` once, on another thread. False when it
    // does not keep it (not running, or too many parked): the caller answers at once.
    virtual bool park(EventId event, int hops, std::int64_t receivedNs, ParkedAnswer answer) const
    {
        (void)event;
        (void)hops;
        (void)receivedNs;
        (void)answer;
        return false;
    }
};

// Dispatches a parked request again, once the gate serves its event (ApiService::dispatch).
using Redispatch = std::function<void(HttpRequest& request, const ApiReply& reply)>;

// For /api/events/{id}..., /api/holds/{E-N}... and /api/orders/{E-N}...: true when this node
// serves the request; otherwise it has answered 307 or 503, or parked the request (then `again`
// dispatches it later if the event comes here; without `again`, a Wait is answered at once), and
// returns false. Other paths pass.
bool admitOwnership(const OwnershipGate& gate, const HttpRequest& request,
                    const std::vector<std::string_view>& segments, const ApiReply& reply, const Redispatch& again = {});
// The target of a redirect of `request`: its own, with usher_hops set to `hops`.
std::string redirectTarget(const HttpRequest& request, int hops);

} // namespace usher::net
