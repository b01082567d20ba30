#include "net/HttpTypes.h"

namespace usher::net {

namespace {
thread_local NetworkThread* t_networkThread = nullptr;
} // namespace

NetworkThread* NetworkThread::current()
{
    return t_networkThread;
}

void NetworkThread::setCurrent(NetworkThread* thread)
{
    t_networkThread = thread;
}

std::string_view HttpRequest::queryParameter(std::string_view name) const
{
    std::string_view rest = query;
    while (!rest.empty()) {
        const std::size_t amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        const std::size_t eq = pair.find('=');
        if (pair.substr(0, eq) == name)
            return eq == std::string_view::npos ? std::string_view {} : pair.substr(eq + 1);
        if (amp == std::string_view::npos)
            break;
        rest.remove_prefix(amp + 1);
    }
    return {};
}

void Reply::send(HttpResponse&& response) const
{
    if (!m_state || m_state->sent.exchange(true))
        return;
    m_state->sink->deliver(m_state->slot, std::move(response));
}

Reply::State::~State()
{
    if (sent.load())
        return;
    // Every request gets an answer, or the pipelined responses behind it would wait forever.
    HttpResponse response;
    response.status = 500;
    response.body = R"({"error":{"code":"internal","message":"request dropped without an answer"}})";
    sink->deliver(slot, std::move(response));
}

} // namespace usher::net
