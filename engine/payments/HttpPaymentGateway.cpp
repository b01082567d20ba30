#include "payments/HttpPaymentGateway.h"

#include "core/Assert.h"

#include <algorithm>
#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <charconv>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <thread>

namespace usher {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

enum class CallKind : std::uint8_t { Charge = 1, Lookup = 2, Refund = 3 };

// How one attempt ended.
struct AttemptEnd {
    bool final = false;     // a definitive answer: `result` is the call's outcome
    bool healthy = true;    // the gateway answered sensibly (breaker success)
    bool ambiguous = false; // the request may have been acted on without us seeing the answer
    milliseconds retryAfter { 0 };
    PaymentResult result;
};

struct Call {
    Call(asio::io_context& io, CallKind callKind)
        : kind(callKind)
        , resolver(io)
        , socket(io)
        , attemptTimer(io)
        , waitTimer(io)
    {
    }

    CallKind kind;
    http::verb method = http::verb::get;
    std::string target;
    std::string body;
    std::string idempotencyKey;
    PaymentGateway::Done done;
    Clock::time_point deadline {};
    std::uint32_t attempts = 0;
    bool ambiguous = false;
    bool finished = false;
    bool paced = false;
    std::string lastError = "no attempt made";
    // The attempt in flight.
    tcp::resolver resolver;
    tcp::socket socket;
    asio::steady_timer attemptTimer;
    asio::steady_timer waitTimer;
    Clock::time_point attemptStartedAt {};
    bool writeStarted = false;
    bool timedOut = false;
    beast::flat_buffer buffer;
    std::optional<http::request<http::string_body>> request;
    std::optional<http::response_parser<http::string_body>> parser;
};

using CallPtr = std::shared_ptr<Call>;

PaymentResult makeResult(PaymentOutcome outcome, std::string message, std::string paymentId = {})
{
    return PaymentResult { outcome, std::move(paymentId), std::move(message) };
}

std::string describeError(const payproto::ErrorBody* error, unsigned status)
{
    std::string text = "gateway answered " + std::to_string(status);
    if (error != nullptr)
        text += " " + error->code + (error->message.empty() ? std::string() : ": " + error->message);
    return text;
}

milliseconds parseRetryAfter(std::string_view header, const std::optional<payproto::ErrorBody>& error)
{
    if (error && error->retryAfterMs >= 0)
        return milliseconds { error->retryAfterMs };
    unsigned seconds = 0;
    const auto [end, ec] = std::from_chars(header.data(), header.data() + header.size(), seconds);
    if (ec == std::errc() && end == header.data() + header.size() && seconds <= 3'600)
        return milliseconds { seconds * 1'000LL };
    return milliseconds { 1'000 }; // missing or an HTTP date: one second
}

// A 4xx answer other than 429: the gateway refused the request, so it charged nothing.
AttemptEnd interpretRefusal(CallKind kind, unsigned status, const std::optional<payproto::ErrorBody>& error,
                            std::string description)
{
    AttemptEnd end;
    end.final = true;
    // Only the protocol's own not_found counts: a 404 from a wrong base path must never let usherd
    // release a hold whose charge may exist.
    if (kind != CallKind::Charge && status == 404 && error && error->code == "not_found") {
        end.result = makeResult(PaymentOutcome::NotFound, std::move(description));
        return end;
    }
    if (kind != CallKind::Lookup && (status == 400 || status == 409 || status == 422)) {
        // key_voided, key_conflict, refund_exceeds, bad_request...
        end.result = makeResult(PaymentOutcome::Declined, std::move(description));
        return end;
    }
    // 401, 403, a foreign 404, 405, 413...: a gateway or configuration problem, not an answer about
    // this payment. Retrying will not help; the breaker counts it so that usherd fails fast.
    end.healthy = false;
    end.result = makeResult(kind == CallKind::Lookup ? PaymentOutcome::Unknown : PaymentOutcome::Unavailable,
                            std::move(description));
    return end;
}

// A 2xx answer.
AttemptEnd interpretSuccess(CallKind kind, unsigned status, std::string_view body)
{
    AttemptEnd end;
    end.final = true;
    if (kind == CallKind::Refund) {
        if (const auto refund = payproto::decodeRefundRecord(body)) {
            end.result = makeResult(PaymentOutcome::Approved, "refunded", refund->id);
            return end;
        }
    } else if (const auto record = payproto::decodeChargeRecord(body)) {
        switch (record->status) {
        case payproto::ChargeStatus::Approved:
            end.result = makeResult(PaymentOutcome::Approved, "approved", record->id);
            return end;
        case payproto::ChargeStatus::Declined:
            end.result = makeResult(PaymentOutcome::Declined, "declined: " + record->declineReason);
            return end;
        case payproto::ChargeStatus::Voided:
            end.result = makeResult(kind == CallKind::Lookup ? PaymentOutcome::NotFound : PaymentOutcome::Declined,
                                    "the key is fenced; never charged");
            return end;
        }
    }
    // A 2xx we cannot read may well confirm a charge, so it is no answer at all.
    end.final = false;
    end.healthy = false;
    end.ambiguous = true;
    end.result = makeResult(PaymentOutcome::Unknown, "unreadable gateway answer (" + std::to_string(status) + ")");
    return end;
}

// The answer to a charge, lookup or refund that reached the gateway and came back.
AttemptEnd interpretAnswer(CallKind kind, unsigned status, std::string_view body, std::string_view retryAfter)
{
    if (status >= 200 && status < 300)
        return interpretSuccess(kind, status, body);
    const auto error = payproto::decodeErrorBody(body);
    std::string description = describeError(error ? &*error : nullptr, status);
    AttemptEnd end;
    if (status == 429) {
        end.retryAfter = parseRetryAfter(retryAfter, error);
        end.result = makeResult(PaymentOutcome::Unavailable, "gateway rate limit: " + description);
        return end;
    }
    if (status >= 500) {
        end.healthy = false;
        end.ambiguous = status == 502 || status == 504; // a proxy may have lost the gateway's answer
        end.result = makeResult(PaymentOutcome::Unavailable, std::move(description));
        return end;
    }
    if (status >= 400)
        return interpretRefusal(kind, status, error, std::move(description));
    // 1xx/3xx: nothing this protocol sends; the request may have been acted on.
    end.healthy = false;
    end.ambiguous = true;
    end.result = makeResult(PaymentOutcome::Unknown, std::move(description));
    return end;
}

} // namespace

struct HttpPaymentGateway::Impl {
    explicit Impl(HttpPaymentGatewayOptions gatewayOptions)
        : options(std::move(gatewayOptions))
        , retry(options.retry)
        , breaker(options.breaker)
        , random(options.seed != 0 ? options.seed : std::random_device {}())
        , work(asio::make_work_guard(io))
    {
        USHER_ASSERT(options.attemptTimeout.count() > 0);
        USHER_ASSERT(options.callTimeout.count() > 0);
        USHER_ASSERT(options.rateLimitPerSecond >= 0);
        thread = std::thread([this] { io.run(); });
    }

    void submit(CallPtr call);
    void tryAttempt(const CallPtr& call);
    void sendAttempt(const CallPtr& call);
    void onAttemptError(const CallPtr& call, beast::error_code ec, const char* step);
    void onResponse(const CallPtr& call);
    void endAttempt(const CallPtr& call, AttemptEnd end);
    void finishWithoutAnswer(const CallPtr& call, std::string reason);
    void finish(const CallPtr& call, PaymentResult result);
    void waitThen(const CallPtr& call, milliseconds delay);
    milliseconds reservePacing(Clock::time_point now, Clock::time_point deadline, bool* admitted);
    void recordLatency(Clock::duration elapsed);
    void shutdown();

    HttpPaymentGatewayOptions options;
    RetryPolicy retry;
    mutable std::mutex mutex; // guards `breaker` and `counters`, read by stats() from any thread
    CircuitBreaker breaker;
    PaymentGatewayStats counters;
    std::atomic<std::size_t> callsInFlight { 0 };
    std::atomic<bool> stopping { false };
    // I/O thread only.
    std::mt19937_64 random;
    std::set<CallPtr> live;
    Clock::time_point blockedUntil {}; // the gateway's last Retry-After, for every call
    Clock::time_point nextSlot {};     // client-side pacing (GCRA)
    asio::io_context io { 1 };
    asio::executor_work_guard<asio::io_context::executor_type> work;
    std::thread thread;
};

void HttpPaymentGateway::Impl::submit(CallPtr call)
{
    if (callsInFlight.fetch_add(1) >= options.callsInFlightMax) {
        asio::post(io, [this, call] { finishWithoutAnswer(call, "too many payment calls in flight"); });
        return;
    }
    asio::post(io, [this, call] {
        if (stopping) {
            finishWithoutAnswer(call, "payment gateway client is shutting down");
            return;
        }
        call->deadline = Clock::now() + options.callTimeout;
        live.insert(call);
        tryAttempt(call);
    });
}

milliseconds HttpPaymentGateway::Impl::reservePacing(Clock::time_point now, Clock::time_point deadline, bool* admitted)
{
    *admitted = true;
    if (options.rateLimitPerSecond <= 0)
        return milliseconds { 0 };
    const auto interval
        = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / options.rateLimitPerSecond));
    const auto burstWindow = interval * static_cast<std::int64_t>(std::max(1.0, options.rateLimitPerSecond) - 1);
    const Clock::time_point slot = std::max(nextSlot, now - burstWindow);
    if (slot > deadline) {
        *admitted = false;
        return milliseconds { 0 };
    }
    nextSlot = slot + interval;
    return std::chrono::ceil<milliseconds>(std::max(Clock::duration::zero(), slot - now));
}

void HttpPaymentGateway::Impl::waitThen(const CallPtr& call, milliseconds delay)
{
    call->waitTimer.expires_after(delay);
    call->waitTimer.async_wait([this, call](beast::error_code ec) {
        if (!ec && !call->finished)
            tryAttempt(call);
    });
}

void HttpPaymentGateway::Impl::tryAttempt(const CallPtr& call)
{
    if (call->finished)
        return;
    const auto now = Clock::now();
    if (now >= call->deadline) {
        finishWithoutAnswer(call, "call timed out: " + call->lastError);
        return;
    }
    bool open = false;
    {
        std::lock_guard lock(mutex);
        open = breaker.state(now) == CircuitState::Open;
        if (open)
            ++counters.rejectedOpen;
    }
    if (open) { // fail fast before any waiting for the rate limit
        finishWithoutAnswer(call, "payment gateway unavailable: circuit breaker open");
        return;
    }
    if (now < blockedUntil) { // the gateway asked everyone to wait
        if (blockedUntil >= call->deadline) {
            finishWithoutAnswer(call, "gateway rate limit outlasts the call timeout");
            return;
        }
        waitThen(call, std::chrono::ceil<milliseconds>(blockedUntil - now));
        return;
    }
    if (!call->paced) {
        bool admitted = true;
        const milliseconds delay = reservePacing(now, call->deadline, &admitted);
        if (!admitted) {
            finishWithoutAnswer(call, "client-side rate limit: no slot before the call timeout");
            return;
        }
        call->paced = true;
        if (delay.count() > 0) {
            waitThen(call, delay);
            return;
        }
    }
    bool allowed = false;
    {
        std::lock_guard lock(mutex);
        allowed = breaker.tryAcquire(now);
        if (!allowed)
            ++counters.rejectedOpen;
    }
    if (!allowed) {
        finishWithoutAnswer(call, "payment gateway unavailable: circuit breaker open");
        return;
    }
    call->paced = false;
    sendAttempt(call);
}

void HttpPaymentGateway::Impl::sendAttempt(const CallPtr& call)
{
    ++call->attempts;
    call->attemptStartedAt = Clock::now();
    call->writeStarted = false;
    call->timedOut = false;
    call->buffer.clear();
    call->socket = tcp::socket(io);
    auto& request = call->request.emplace(call->method, options.endpoint.basePath + call->target, 11);
    const bool ipv6 = options.endpoint.host.find(':') != std::string::npos;
    request.set(http::field::host,
                (ipv6 ? "[" + options.endpoint.host + "]" : options.endpoint.host) + ":"
                    + std::to_string(options.endpoint.port));
    request.set(http::field::user_agent, "usher");
    request.set(http::field::accept, "application/json");
    request.set(payproto::kIdempotencyHeader, call->idempotencyKey);
    if (!call->body.empty())
        request.set(http::field::content_type, "application/json");
    request.body() = call->body;
    request.keep_alive(false);
    request.prepare_payload();
    call->parser.emplace();
    call->parser->body_limit(options.responseBytesMax);

    const auto attemptDeadline = std::min(call->attemptStartedAt + options.attemptTimeout, call->deadline);
    call->attemptTimer.expires_at(attemptDeadline);
    call->attemptTimer.async_wait([call, attempt = call->attempts](beast::error_code ec) {
        if (ec || call->finished || attempt != call->attempts)
            return; // cancelled, or a stale expiry of an earlier attempt
        call->timedOut = true;
        beast::error_code ignored;
        call->resolver.cancel();
        call->socket.close(ignored);
    });

    call->resolver.async_resolve(
        options.endpoint.host, std::to_string(options.endpoint.port),
        [this, call](beast::error_code ec, const tcp::resolver::results_type& results) {
            // The expiry may have fired after an operation completed but before its handler ran:
            // nothing is pending then to cancel, so each step checks before starting the next.
            if (ec || call->timedOut)
                return onAttemptError(call, ec, "resolve");
            asio::async_connect(call->socket, results, [this, call](beast::error_code connectEc, const tcp::endpoint&) {
                if (connectEc || call->timedOut)
                    return onAttemptError(call, connectEc, "connect");
                call->writeStarted = true;
                http::async_write(call->socket, *call->request, [this, call](beast::error_code writeEc, std::size_t) {
                    if (writeEc || call->timedOut)
                        return onAttemptError(call, writeEc, "send");
                    http::async_read(call->socket, call->buffer, *call->parser,
                                     [this, call](beast::error_code readEc, std::size_t) {
                                         if (readEc)
                                             return onAttemptError(call, readEc, "receive");
                                         onResponse(call);
                                     });
                });
            });
        });
}

void HttpPaymentGateway::Impl::onAttemptError(const CallPtr& call, beast::error_code ec, const char* step)
{
    call->attemptTimer.cancel();
    beast::error_code ignored;
    call->socket.close(ignored);
    if (call->finished)
        return; // shut down while in flight
    AttemptEnd end;
    end.healthy = false;
    end.ambiguous = call->writeStarted;
    const std::string what = call->timedOut ? std::string("timed out") : ec.message();
    end.result = makeResult(call->writeStarted ? PaymentOutcome::Unknown : PaymentOutcome::Unavailable,
                            std::string(step) + ": " + what);
    if (call->timedOut)
        recordLatency(Clock::now() - call->attemptStartedAt);
    endAttempt(call, std::move(end));
}

void HttpPaymentGateway::Impl::onResponse(const CallPtr& call)
{
    call->attemptTimer.cancel();
    beast::error_code ignored;
    call->socket.shutdown(tcp::socket::shutdown_both, ignored);
    call->socket.close(ignored);
    if (call->finished)
        return;
    recordLatency(Clock::now() - call->attemptStartedAt);
    const auto& response = call->parser->get();
    std::string_view retryAfter;
    if (const auto it = response.find(http::field::retry_after); it != response.end())
        retryAfter = it->value();
    endAttempt(call, interpretAnswer(call->kind, response.result_int(), response.body(), retryAfter));
}

void HttpPaymentGateway::Impl::endAttempt(const CallPtr& call, AttemptEnd end)
{
    const auto now = Clock::now();
    {
        std::lock_guard lock(mutex);
        if (end.healthy) {
            breaker.onSuccess(now);
        } else {
            breaker.onFailure(now);
            ++counters.errors;
        }
    }
    if (end.final) {
        finish(call, std::move(end.result));
        return;
    }
    call->ambiguous = call->ambiguous || end.ambiguous;
    call->lastError = end.result.message;
    if (end.retryAfter.count() > 0) {
        if (end.retryAfter > retry.options().retryAfterMax) {
            finishWithoutAnswer(call, call->lastError + " (Retry-After too long)");
            return;
        }
        blockedUntil = std::max(blockedUntil, now + end.retryAfter);
    }
    if (!retry.mayRetry(call->attempts)) {
        finishWithoutAnswer(call, "gave up after " + std::to_string(call->attempts) + " attempts: " + call->lastError);
        return;
    }
    const milliseconds delay = retry.backoffDelay(call->attempts - 1, random(), end.retryAfter);
    if (now + delay >= call->deadline) {
        finishWithoutAnswer(call, "no time left to retry: " + call->lastError);
        return;
    }
    {
        std::lock_guard lock(mutex);
        ++counters.retries;
    }
    waitThen(call, delay);
}

void HttpPaymentGateway::Impl::finishWithoutAnswer(const CallPtr& call, std::string reason)
{
    PaymentOutcome outcome = PaymentOutcome::Unavailable;
    if (call->kind == CallKind::Lookup || call->ambiguous)
        outcome = PaymentOutcome::Unknown;
    finish(call, makeResult(outcome, std::move(reason)));
}

void HttpPaymentGateway::Impl::finish(const CallPtr& call, PaymentResult result)
{
    if (call->finished)
        return;
    call->finished = true;
    call->attemptTimer.cancel();
    call->waitTimer.cancel();
    call->resolver.cancel();
    beast::error_code ignored;
    call->socket.close(ignored);
    live.erase(call);
    callsInFlight.fetch_sub(1);
    if (call->kind == CallKind::Charge) {
        std::lock_guard lock(mutex);
        switch (result.outcome) {
        case PaymentOutcome::Approved: ++counters.approved; break;
        case PaymentOutcome::Declined: ++counters.declined; break;
        case PaymentOutcome::Unavailable: ++counters.unavailable; break;
        case PaymentOutcome::Unknown: ++counters.unknown; break;
        case PaymentOutcome::NotFound: break;
        }
    }
    PaymentGateway::Done done = std::move(call->done);
    done(result);
}

void HttpPaymentGateway::Impl::recordLatency(Clock::duration elapsed)
{
    const double seconds = std::chrono::duration<double>(elapsed).count();
    std::lock_guard lock(mutex);
    ++counters.latencyCount;
    counters.latencySumSeconds += seconds;
    constexpr std::size_t buckets = sizeof(PaymentGatewayStats::kLatencyBuckets) / sizeof(double);
    for (std::size_t i = 0; i < buckets; ++i) {
        if (seconds <= PaymentGatewayStats::kLatencyBuckets[i])
            ++counters.latencyBucketCounts[i];
    }
}

void HttpPaymentGateway::Impl::shutdown()
{
    stopping = true;
    asio::post(io, [this] {
        const std::set<CallPtr> calls = live;
        for (const CallPtr& call : calls) {
            call->ambiguous = call->ambiguous || call->writeStarted;
            finishWithoutAnswer(call, "payment gateway client shut down");
        }
    });
    work.reset();
    if (thread.joinable())
        thread.join();
}

HttpPaymentGateway::HttpPaymentGateway(HttpPaymentGatewayOptions options)
    : m_impl(std::make_unique<Impl>(std::move(options)))
{
}

HttpPaymentGateway::~HttpPaymentGateway()
{
    m_impl->shutdown();
}

void HttpPaymentGateway::charge(const PaymentRequest& request, Done done)
{
    USHER_ASSERT(done);
    auto call = std::make_shared<Call>(m_impl->io, CallKind::Charge);
    call->done = std::move(done);
    call->method = http::verb::post;
    call->target = std::string(payproto::kChargesPath);
    call->idempotencyKey = request.idempotencyKey;
    {
        std::lock_guard lock(m_impl->mutex);
        ++m_impl->counters.charges;
    }
    const bool valid = payproto::isValidIdempotencyKey(request.idempotencyKey) && request.amountMinor > 0
        && request.amountMinor <= payproto::kAmountMinorMax && payproto::isValidCurrency(request.currency)
        && request.paymentToken.size() <= payproto::kTextBytesMax
        && request.description.size() <= payproto::kTextBytesMax;
    if (!valid) {
        // Refused before sending: no money can have moved. Counted as a decline.
        asio::post(m_impl->io, [impl = m_impl.get(), call] {
            call->finished = true;
            {
                std::lock_guard lock(impl->mutex);
                ++impl->counters.declined;
            }
            call->done(makeResult(PaymentOutcome::Declined, "invalid payment request (key, amount or currency)"));
        });
        return;
    }
    call->body = payproto::encodeChargeBody(
        { request.amountMinor, request.currency, request.paymentToken, request.description });
    m_impl->submit(std::move(call));
}

void HttpPaymentGateway::lookup(const std::string& idempotencyKey, Done done)
{
    USHER_ASSERT(done);
    auto call = std::make_shared<Call>(m_impl->io, CallKind::Lookup);
    call->done = std::move(done);
    call->method = http::verb::get;
    call->idempotencyKey = idempotencyKey;
    if (!payproto::isValidIdempotencyKey(idempotencyKey)) {
        // charge() never sends such a key, so nothing can have been charged under it.
        asio::post(m_impl->io, [call] {
            call->finished = true;
            call->done(makeResult(PaymentOutcome::NotFound, "malformed idempotency key; never sent"));
        });
        return;
    }
    call->target = std::string(payproto::kChargeByKeyPrefix) + payproto::percentEncode(idempotencyKey);
    m_impl->submit(std::move(call));
}

void HttpPaymentGateway::refund(const std::string& paymentId, std::int64_t amountMinor,
                                const std::string& idempotencyKey, Done done)
{
    USHER_ASSERT(done);
    auto call = std::make_shared<Call>(m_impl->io, CallKind::Refund);
    call->done = std::move(done);
    call->method = http::verb::post;
    call->target = std::string(payproto::kRefundsPath);
    call->idempotencyKey = idempotencyKey;
    const bool valid = payproto::isValidIdempotencyKey(idempotencyKey) && !paymentId.empty()
        && paymentId.size() <= payproto::kTextBytesMax && amountMinor > 0 && amountMinor <= payproto::kAmountMinorMax;
    if (!valid) {
        asio::post(m_impl->io, [call] {
            call->finished = true;
            call->done(makeResult(PaymentOutcome::Declined, "invalid refund request (key, payment id or amount)"));
        });
        return;
    }
    call->body = payproto::encodeRefundBody({ paymentId, amountMinor });
    m_impl->submit(std::move(call));
}

PaymentGatewayStats HttpPaymentGateway::stats() const
{
    std::lock_guard lock(m_impl->mutex);
    PaymentGatewayStats copy = m_impl->counters;
    copy.circuit = m_impl->breaker.state(Clock::now());
    return copy;
}

} // namespace usher
