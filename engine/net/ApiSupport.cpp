#include "net/ApiSupport.h"

#include "net/Log.h"
#include "runtime/Clock.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <optional>
#include <vector>

namespace usher::net {

int httpStatus(Status status)
{
    switch (status) {
    case Status::Ok: return 200;
    case Status::InvalidArgument: return 400;
    case Status::IdempotencyKeyReused: return 422;
    case Status::ChannelNotFound:
    case Status::SeatNotFound:
    case Status::AreaNotFound:
    case Status::CategoryNotFound:
    case Status::PriceTypeNotFound:
    case Status::HoldNotFound:
    case Status::OrderNotFound:
    case Status::TicketNotFound:
    case Status::EventNotFound: return 404;
    case Status::Forbidden:
    case Status::NotHolder:
    case Status::WrongChannel:
    case Status::NotOnSale: return 403;
    case Status::LimitExceeded: return 422;
    case Status::HoldExpired: return 410;
    case Status::SeatUnavailable:
    case Status::CapacityUnavailable:
    case Status::NoSeatsTogether:
    case Status::SeatNotBlocked:
    case Status::SeatNotAllocated:
    case Status::PaymentPending:
    case Status::PaymentNotPending:
    case Status::TicketNotValid:
    case Status::AmountExceedsPaid:
    case Status::AmountMismatch:
    case Status::EventExists: return 409;
    case Status::QueueFull:
    case Status::StorageFailed:
    case Status::StorageUnavailable:
    case Status::ShuttingDown: return 503;
    }
    return 500;
}

HttpResponse errorResponse(int status, std::string_view code, std::string_view message)
{
    HttpResponse response;
    response.status = status;
    response.body.reserve(64 + message.size());
    response.body.append(R"({"error":{"code":")");
    appendJsonEscaped(response.body, code);
    response.body.append(R"(","message":")");
    appendJsonEscaped(response.body, message);
    response.body.append("\"}}");
    if (status == 503)
        response.headers.emplace_back("Retry-After", "1");
    return response;
}

HttpResponse statusResponse(Status status, std::string_view message)
{
    const char* name = statusName(status);
    return errorResponse(httpStatus(status), name, message.empty() ? std::string_view(name) : message);
}

HttpResponse jsonResponse(int status, std::string body)
{
    HttpResponse response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

namespace {

// `width` decimal digits of `value` (zero-padded, the lowest digits when it has more) at `out`.
void putDigits(char* out, std::int64_t value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char('0' + value % 10);
        value /= 10;
    }
}

} // namespace

// Every hold answer carries one: arithmetic (Howard Hinnant's civil_from_days) rather than
// gmtime_r, which takes glibc's process-wide tz lock, and snprintf.
std::string isoTime(Timestamp ms)
{
    const std::int64_t millis = ((ms % 1000) + 1000) % 1000;
    const std::int64_t totalSeconds = (ms - millis) / 1000;
    std::int64_t days = totalSeconds / 86'400;
    std::int64_t secondsOfDay = totalSeconds % 86'400;
    if (secondsOfDay < 0) {
        secondsOfDay += 86'400;
        --days;
    }
    const std::int64_t z = days + 719'468;
    const std::int64_t era = (z >= 0 ? z : z - 146'096) / 146'097;
    const std::int64_t dayOfEra = z - era * 146'097;
    const std::int64_t yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36'524 - dayOfEra / 146'096) / 365;
    const std::int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const std::int64_t mp = (5 * dayOfYear + 2) / 153;
    const std::int64_t day = dayOfYear - (153 * mp + 2) / 5 + 1;
    const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 0 || year > 9999) { // not four digits: the general path
        const std::time_t seconds = std::time_t(totalSeconds);
        std::tm utc {};
        gmtime_r(&seconds, &utc);
        char buffer[96];
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                      utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, int(millis));
        return buffer;
    }
    std::string out = "0000-00-00T00:00:00.000Z";
    putDigits(&out[0], year, 4);
    putDigits(&out[5], month, 2);
    putDigits(&out[8], day, 2);
    putDigits(&out[11], secondsOfDay / 3600, 2);
    putDigits(&out[14], secondsOfDay / 60 % 60, 2);
    putDigits(&out[17], secondsOfDay % 60, 2);
    putDigits(&out[20], millis, 3);
    return out;
}

void appendDecimal(std::string& out, std::uint64_t value)
{
    char digits[24];
    const char* end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, std::size_t(end - digits));
}

std::int64_t steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::string compositeId(EventId event, std::uint64_t id)
{
    return std::to_string(event) + "-" + std::to_string(id);
}

bool parseUnsigned(std::string_view text, std::uint64_t* value)
{
    if (text.empty() || text.size() > 20)
        return false;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
    return ec == std::errc() && end == text.data() + text.size();
}

bool parseCompositeId(std::string_view text, EventId* event, std::uint64_t* id)
{
    const std::size_t dash = text.find('-');
    if (dash == std::string_view::npos)
        return false;
    std::uint64_t e = 0;
    if (!parseUnsigned(text.substr(0, dash), &e) || !parseUnsigned(text.substr(dash + 1), id) || e == 0 || *id == 0)
        return false;
    *event = e;
    return true;
}

void ApiReply::send(HttpResponse&& response) const
{
    if (m_metrics)
        m_metrics->observeRequest(m_route, response.status, double(steadyNowNs() - m_startNs) / 1e9);
    m_reply.send(std::move(response));
}

namespace {

// Buyer sessions are stateless (`usb_<buyer hex>_<expiry hex>_<MAC>`, docs/design/usherd.md): the
// same text verifies the same way under one TokenStore until its expiry. So each thread remembers
// the sessions it verified (direct-mapped, 1,024 entries) and skips the keyed BLAKE2b for them:
// about 4K instructions, 9 % of a pipelined hold (docs/performance.md, usherd). The expiry is
// checked on every use; staff tokens (which can be revoked) always go to the TokenStore. Entries
// name their TokenStore: usherd has one for its lifetime (a new store at a freed one's address,
// with another session key, would be a concern only for a process that replaces its store).
struct VerifiedSession {
    const TokenStore* store = nullptr;
    std::string token;
    std::uint64_t buyer = 0;
    Timestamp expiresAt = 0;
};
constexpr std::size_t kVerifiedSessions = 1024;
thread_local std::vector<VerifiedSession> t_verifiedSessions;

std::optional<Principal> authenticateToken(TokenStore& tokens, std::string_view token, Timestamp now)
{
    if (!token.starts_with("usb_") || token.size() > 128)
        return tokens.authenticate(token, now);
    if (t_verifiedSessions.empty())
        t_verifiedSessions.resize(kVerifiedSessions);
    VerifiedSession& slot = t_verifiedSessions[std::hash<std::string_view>()(token) % kVerifiedSessions];
    if (slot.store == &tokens && slot.token == token) {
        if (slot.expiresAt > now)
            return Principal { Role::Buyer, slot.buyer, {} };
        slot.store = nullptr; // expired: the TokenStore says so below
    }
    auto found = tokens.authenticate(token, now);
    const auto session = found ? TokenStore::parseSession(token) : std::nullopt;
    const Timestamp expiresAt = session ? session->expiresAt : 0;
    if (found && found->role == Role::Buyer && expiresAt > now) {
        slot.store = &tokens;
        slot.token.assign(token);
        slot.buyer = found->id;
        slot.expiresAt = expiresAt;
    }
    return found;
}

} // namespace

bool authorizeBearer(TokenStore& tokens, const HttpRequest& request, const ApiReply& reply,
                     std::initializer_list<Role> roles, Principal* principal)
{
    const std::string_view header = request.header("authorization");
    if (!header.starts_with("Bearer ")) {
        reply.send(errorResponse(401, "unauthorized", "a bearer token is required"));
        return false;
    }
    const auto found = authenticateToken(tokens, header.substr(7), systemClockNow());
    if (!found) {
        reply.send(errorResponse(401, "unauthorized", "unknown or expired token"));
        return false;
    }
    if (std::find(roles.begin(), roles.end(), found->role) == roles.end()) {
        reply.send(errorResponse(403, "forbidden", std::string("not allowed for role ") + roleName(found->role)));
        return false;
    }
    *principal = *found;
    return true;
}

} // namespace usher::net
