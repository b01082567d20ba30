#include "payments/BlockingHttpClient.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>

namespace usher {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

const char* blockingHttpStatusName(BlockingHttpStatus status)
{
    switch (status) {
    case BlockingHttpStatus::Ok: return "ok";
    case BlockingHttpStatus::BadAddress: return "bad_address";
    case BlockingHttpStatus::ConnectFailed: return "connect_failed";
    case BlockingHttpStatus::Timeout: return "timeout";
    case BlockingHttpStatus::Failed: return "failed";
    }
    return "invalid";
}

BlockingHttpResponse blockingHttpRequest(const BlockingHttpRequest& request)
{
    BlockingHttpResponse result;
    beast::error_code ec;
    const auto address = asio::ip::make_address(request.host, ec);
    if (ec) {
        result.status = BlockingHttpStatus::BadAddress;
        return result;
    }
    // Asynchronous operations on a private io_context: the stream's expiry gives every step a deadline.
    asio::io_context io { 1 };
    beast::tcp_stream stream(io);
    beast::flat_buffer buffer;
    http::request<http::string_body> message { http::string_to_verb(request.method), request.target, 11 };
    message.set(http::field::host, request.host + ":" + std::to_string(request.port));
    message.set(http::field::user_agent, "usher");
    if (!request.idempotencyKey.empty())
        message.set("Idempotency-Key", request.idempotencyKey);
    if (!request.body.empty())
        message.set(http::field::content_type, "application/json");
    message.body() = request.body;
    message.keep_alive(false);
    message.prepare_payload();
    http::response_parser<http::string_body> parser;
    parser.body_limit(request.responseBytesMax);

    stream.expires_after(request.timeout);
    stream.async_connect(tcp::endpoint(address, request.port), [&](beast::error_code connectEc) {
        if (connectEc) {
            result.status
                = connectEc == beast::error::timeout ? BlockingHttpStatus::Timeout : BlockingHttpStatus::ConnectFailed;
            return;
        }
        http::async_write(stream, message, [&](beast::error_code writeEc, std::size_t) {
            if (writeEc) {
                result.status
                    = writeEc == beast::error::timeout ? BlockingHttpStatus::Timeout : BlockingHttpStatus::Failed;
                return;
            }
            http::async_read(stream, buffer, parser, [&](beast::error_code readEc, std::size_t) {
                if (readEc) {
                    result.status
                        = readEc == beast::error::timeout ? BlockingHttpStatus::Timeout : BlockingHttpStatus::Failed;
                    return;
                }
                result.status = BlockingHttpStatus::Ok;
                result.httpStatus = parser.get().result_int();
                result.body = parser.get().body();
                if (const auto it = parser.get().find(http::field::retry_after); it != parser.get().end())
                    result.retryAfter = std::string(it->value());
            });
        });
    });
    io.run();
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    return result;
}

} // namespace usher
