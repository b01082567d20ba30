#include "net/SystemdNotify.h"

#include "net/Log.h"

#include <cerrno>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace usher::net {

namespace {

void setError(std::string* error, std::string text)
{
    if (error)
        *error = std::move(text);
}

} // namespace

NotifyStatus systemdNotifyTo(std::string_view address, std::string_view state, std::string* error)
{
    if (address.empty())
        return NotifyStatus::NotConfigured;
    sockaddr_un addr {};
    addr.sun_family = AF_UNIX;
    const bool abstract = address.front() == '@';
    if ((!abstract && address.front() != '/') || address.size() >= sizeof addr.sun_path) {
        setError(error,
                 "NOTIFY_SOCKET is neither an absolute path nor '@name', or is too long: " + std::string(address));
        return NotifyStatus::BadAddress;
    }
    std::memcpy(addr.sun_path, address.data(), address.size());
    if (abstract)
        addr.sun_path[0] = '\0'; // the abstract namespace: no trailing NUL, the length says where it ends
    const auto length = socklen_t(offsetof(sockaddr_un, sun_path) + address.size() + (abstract ? 0 : 1));

    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        setError(error, std::string("socket(): ") + std::strerror(errno));
        return NotifyStatus::SocketFailed;
    }
    const ssize_t sent
        = ::sendto(fd, state.data(), state.size(), MSG_NOSIGNAL, reinterpret_cast<sockaddr*>(&addr), length);
    const int sendErrno = errno;
    ::close(fd);
    if (sent < 0 || std::size_t(sent) != state.size()) {
        setError(error,
                 "cannot notify " + std::string(address) + ": "
                     + (sent < 0 ? std::strerror(sendErrno) : "short write"));
        return NotifyStatus::SendFailed;
    }
    return NotifyStatus::Sent;
}

NotifyStatus systemdNotify(std::string_view state, std::string* error)
{
    const char* address = std::getenv("NOTIFY_SOCKET");
    return systemdNotifyTo(address ? std::string_view(address) : std::string_view {}, state, error);
}

void systemdNotifyOrWarn(std::string_view state)
{
    std::string error;
    if (systemdNotify(state, &error) > NotifyStatus::NotConfigured)
        LogLine(LogLevel::Warn, "cannot notify systemd").str("error", error);
}

std::string systemdReloadingState()
{
    timespec now {};
    clock_gettime(CLOCK_MONOTONIC, &now);
    const long long usec = static_cast<long long>(now.tv_sec) * 1'000'000 + now.tv_nsec / 1000;
    return "RELOADING=1\nMONOTONIC_USEC=" + std::to_string(usec);
}

} // namespace usher::net
