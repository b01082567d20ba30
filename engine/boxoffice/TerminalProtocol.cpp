#include "boxoffice/TerminalProtocol.h"

#include "boxoffice/Money.h"

#include <charconv>
#include <vector>

namespace usher {

namespace {

std::vector<std::string_view> splitWords(std::string_view line)
{
    std::vector<std::string_view> words;
    std::size_t at = 0;
    while (at < line.size() && words.size() < 8) {
        const std::size_t end = line.find(' ', at);
        const std::size_t stop = end == std::string_view::npos ? line.size() : end;
        words.push_back(line.substr(at, stop - at));
        at = stop + 1;
    }
    return words;
}

bool parseNumber(std::string_view text, std::int64_t max, std::int64_t* value)
{
    if (text.empty() || text.size() > 19)
        return false;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    std::int64_t parsed = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), parsed);
    if (ec != std::errc() || end != text.data() + text.size() || parsed > max)
        return false;
    *value = parsed;
    return true;
}

bool fail(std::string* error, const char* message)
{
    if (error)
        *error = message;
    return false;
}

bool parseReferenceRequest(const std::vector<std::string_view>& words, TerminalRequest* request, std::string* error)
{
    if (words.size() != 2)
        return fail(error, "expected: <verb> <reference>");
    if (!validTerminalReference(words[1]))
        return fail(error, "bad reference");
    request->reference = std::string(words[1]);
    return true;
}

bool parsePay(const std::vector<std::string_view>& words, TerminalRequest* request, std::string* error)
{
    if (words.size() != 4)
        return fail(error, "expected: PAY <reference> <amount> <currency>");
    if (!validTerminalReference(words[1]))
        return fail(error, "bad reference");
    std::int64_t amount = 0;
    if (!parseNumber(words[2], kTerminalAmountMax, &amount) || amount <= 0)
        return fail(error, "bad amount");
    if (!validCurrencyCode(std::string(words[3])))
        return fail(error, "bad currency");
    request->reference = std::string(words[1]);
    request->amount = amount;
    request->currency = std::string(words[3]);
    return true;
}

bool parseRefund(const std::vector<std::string_view>& words, TerminalRequest* request, std::string* error)
{
    if (words.size() != 5)
        return fail(error, "expected: REFUND <reference> <original> <amount> <currency>");
    if (!validTerminalReference(words[2]))
        return fail(error, "bad original reference");
    const std::vector<std::string_view> pay { words[0], words[1], words[3], words[4] };
    if (!parsePay(pay, request, error))
        return false;
    request->original = std::string(words[2]);
    return true;
}

bool parseSimulate(const std::vector<std::string_view>& words, TerminalRequest* request, std::string* error)
{
    if (words.size() != 4)
        return fail(error, "expected: SIMULATE answer|silent|disconnect approve|decline <delay-ms>");
    if (words[1] == "answer")
        request->answer = SimulatedAnswer::Answer;
    else if (words[1] == "silent")
        request->answer = SimulatedAnswer::Silent;
    else if (words[1] == "disconnect")
        request->answer = SimulatedAnswer::Disconnect;
    else
        return fail(error, "bad behaviour");
    if (words[2] != "approve" && words[2] != "decline")
        return fail(error, "bad outcome");
    request->approve = words[2] == "approve";
    std::int64_t delay = 0;
    if (!parseNumber(words[3], kTerminalDelayMsMax, &delay))
        return fail(error, "bad delay");
    request->delayMs = static_cast<int>(delay);
    return true;
}

} // namespace

bool validTerminalReference(std::string_view reference)
{
    if (reference.empty() || reference.size() > kTerminalReferenceBytesMax)
        return false;
    for (const char c : reference) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.'
            || c == '_' || c == '-';
        if (!ok)
            return false;
    }
    return true;
}

bool parseTerminalRequest(std::string_view line, TerminalRequest* request, std::string* error)
{
    if (line.size() >= kTerminalLineBytesMax)
        return fail(error, "line too long");
    const std::vector<std::string_view> words = splitWords(line);
    if (words.empty())
        return fail(error, "empty line");
    *request = TerminalRequest {};
    const std::string_view verb = words[0];
    if (verb == "PING") {
        request->verb = TerminalVerb::Ping;
        return words.size() == 1 || fail(error, "expected: PING");
    }
    if (verb == "PAY") {
        request->verb = TerminalVerb::Pay;
        return parsePay(words, request, error);
    }
    if (verb == "REFUND") {
        request->verb = TerminalVerb::Refund;
        return parseRefund(words, request, error);
    }
    if (verb == "SIMULATE") {
        request->verb = TerminalVerb::Simulate;
        return parseSimulate(words, request, error);
    }
    if (verb == "CANCEL")
        request->verb = TerminalVerb::Cancel;
    else if (verb == "QUERY")
        request->verb = TerminalVerb::Query;
    else if (verb == "REVERSE")
        request->verb = TerminalVerb::Reverse;
    else
        return fail(error, "unknown verb");
    return parseReferenceRequest(words, request, error);
}

std::string formatTerminalRequest(const TerminalRequest& request)
{
    switch (request.verb) {
    case TerminalVerb::Ping: return "PING\n";
    case TerminalVerb::Pay:
        return "PAY " + request.reference + ' ' + std::to_string(request.amount) + ' ' + request.currency + '\n';
    case TerminalVerb::Cancel: return "CANCEL " + request.reference + '\n';
    case TerminalVerb::Query: return "QUERY " + request.reference + '\n';
    case TerminalVerb::Reverse: return "REVERSE " + request.reference + '\n';
    case TerminalVerb::Refund:
        return "REFUND " + request.reference + ' ' + request.original + ' ' + std::to_string(request.amount) + ' '
            + request.currency + '\n';
    case TerminalVerb::Simulate: {
        const char* answer = request.answer == SimulatedAnswer::Answer ? "answer"
            : request.answer == SimulatedAnswer::Silent                ? "silent"
                                                                       : "disconnect";
        return std::string("SIMULATE ") + answer + (request.approve ? " approve " : " decline ")
            + std::to_string(request.delayMs) + '\n';
    }
    }
    return "PING\n";
}

bool parseTerminalReply(std::string_view line, TerminalReply* reply)
{
    *reply = TerminalReply {};
    reply->outcome = TerminalOutcome::ProtocolError;
    if (line.size() >= kTerminalLineBytesMax) {
        reply->detail = "reply too long";
        return false;
    }
    const std::size_t firstSpace = line.find(' ');
    const std::string_view word = line.substr(0, firstSpace);
    const std::string_view rest
        = firstSpace == std::string_view::npos ? std::string_view() : line.substr(firstSpace + 1);
    if (word == "ERROR") {
        reply->detail = std::string(rest);
        return false;
    }
    static constexpr TerminalOutcome kAnswers[]
        = { TerminalOutcome::Approved, TerminalOutcome::Declined, TerminalOutcome::Cancelled,
            TerminalOutcome::Pending,  TerminalOutcome::Unknown,  TerminalOutcome::Reversed };
    for (const TerminalOutcome outcome : kAnswers) {
        if (word != terminalOutcomeName(outcome))
            continue;
        const std::size_t space = rest.find(' ');
        const std::string_view reference = rest.substr(0, space);
        if (!validTerminalReference(reference)) {
            reply->detail = "reply without a valid reference";
            return false;
        }
        reply->outcome = outcome;
        reply->reference = std::string(reference);
        reply->detail = space == std::string_view::npos ? std::string() : std::string(rest.substr(space + 1));
        return true;
    }
    reply->detail = "unknown reply";
    return false;
}

std::string formatTerminalReply(const TerminalReply& reply)
{
    std::string line = std::string(terminalOutcomeName(reply.outcome)) + ' ' + reply.reference;
    if (!reply.detail.empty())
        line += ' ' + reply.detail;
    return line + '\n';
}

std::string formatTerminalError(std::string_view message)
{
    return "ERROR " + std::string(message) + '\n';
}

} // namespace usher
