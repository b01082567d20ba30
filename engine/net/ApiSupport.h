#pragma once

// Small helpers shared by the API's translation units: error bodies, the engine status to HTTP
// status mapping, times, ids.

#include "core/Status.h"
#include "core/Types.h"
#include "net/HttpTypes.h"
#include "net/Metrics.h"
#include "net/TokenStore.h"

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace usher::net {

// The HTTP status for an engine status (docs/api/openapi.yaml lists them).
int httpStatus(Status status);
// {"error":{"code":...,"message":...}} with `status`; adds Retry-After where the client should retry.
HttpResponse errorResponse(int status, std::string_view code, std::string_view message);
HttpResponse statusResponse(Status status, std::string_view message = {});
HttpResponse jsonResponse(int status, std::string body);

std::string isoTime(Timestamp ms);
// Appends the decimal digits of `value` (no allocation, unlike std::to_string).
void appendDecimal(std::string& out, std::uint64_t value);
std::int64_t steadyNowNs();

// "E-N": the event id and a per-event id (hold, order), the form the API uses for both.
std::string compositeId(EventId event, std::uint64_t id);
bool parseCompositeId(std::string_view text, EventId* event, std::uint64_t* id);
bool parseUnsigned(std::string_view text, std::uint64_t* value);

class ApiReply;

// The bearer token of `request`, checked against `tokens` and `roles`: true with *principal, or
// false after answering 401 (no or unknown token) or 403 (a role not in `roles`).
bool authorizeBearer(TokenStore& tokens, const HttpRequest& request, const ApiReply& reply,
                     std::initializer_list<Role> roles, Principal* principal);

// The reply to one request, with its route's latency recorded when sent. Copyable; send once.
class ApiReply {
public:
    ApiReply(Reply reply, Route route, std::int64_t startNs, Metrics* metrics)
        : m_reply(std::move(reply))
        , m_route(route)
        , m_startNs(startNs)
        , m_metrics(metrics)
    {
    }
    void send(HttpResponse&& response) const;

private:
    Reply m_reply;
    Route m_route;
    std::int64_t m_startNs;
    Metrics* m_metrics;
};

} // namespace usher::net
