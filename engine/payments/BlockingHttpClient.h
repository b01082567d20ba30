#pragma once

// One blocking HTTP/1.1 exchange with a deadline, for tools and tests (usher-fakepay's control
// endpoint). Not for usherd's request path: HttpPaymentGateway is asynchronous.

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace usher {

enum class BlockingHttpStatus : std::uint8_t { Ok = 0, BadAddress = 1, ConnectFailed = 2, Timeout = 3, Failed = 4 };

const char* blockingHttpStatusName(BlockingHttpStatus status);

struct BlockingHttpResponse {
    BlockingHttpStatus status = BlockingHttpStatus::Failed;
    unsigned httpStatus = 0;
    std::string body;
    std::string retryAfter; // the Retry-After header, empty when absent
};

struct BlockingHttpRequest {
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;
    std::string method = "GET";
    std::string target = "/";
    std::string body;           // sent as application/json when not empty
    std::string idempotencyKey; // an Idempotency-Key header when not empty
    std::chrono::milliseconds timeout { 5'000 };
    std::size_t responseBytesMax = 4 * 1'024 * 1'024;
};

BlockingHttpResponse blockingHttpRequest(const BlockingHttpRequest& request);

} // namespace usher
