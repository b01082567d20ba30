#pragma once

// The ownership hook of ApiService (issue 9): with several usherd nodes on one PostgreSQL, each
// event is served by the one node that owns it (net/Cluster.h). A request for an event owned
// elsewhere is redirected there (307, Location = the owner's advertised URL + the same target);
// for an event that has no owner at this moment it gets 503 with Retry-After.

#include "core/Types.h"
#include "net/HttpTypes.h"

#include <string>
#include <string_view>
#include <vector>

namespace usher::net {

class ApiReply;

enum class OwnerRoute : std::uint8_t {
    Serve,       // this node owns the event, or no node knows it (the route answers 404 itself)
    Redirect,    // another node owns it: *ownerUrl
    Unavailable, // nobody owns it right now (a failover is under way, or this node lost it)
};

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
};

// For /api/events/{id}..., /api/holds/{E-N}... and /api/orders/{E-N}...: true when this node
// serves the request; otherwise it has answered 307 or 503 and returns false. Other paths pass.
bool admitOwnership(const OwnershipGate& gate, const HttpRequest& request,
                    const std::vector<std::string_view>& segments, const ApiReply& reply);

} // namespace usher::net
