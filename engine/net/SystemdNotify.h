#pragma once

// The systemd notification protocol (sd_notify(3)) without libsystemd: one datagram to the
// AF_UNIX socket named by $NOTIFY_SOCKET. usherd runs as Type=notify (packaging/usherd.service):
//   READY=1                       once it accepts connections, and again after a reload
//   RELOADING=1 + MONOTONIC_USEC  when SIGHUP starts a reload
//   STOPPING=1                    when shutdown starts
// A name starting with '@' is an abstract socket (the '@' stands for the leading NUL byte).

#include <string>
#include <string_view>

namespace usher::net {

enum class NotifyStatus : int {
    Sent = 0,
    NotConfigured = 1, // $NOTIFY_SOCKET is unset or empty: not started by systemd, nothing to do
    BadAddress = 2,    // neither an absolute path nor '@name', or too long for sockaddr_un
    SocketFailed = 3,  // socket() failed
    SendFailed = 4,    // sendto() failed (nobody listening, or the message was cut)
};

// Sends `state` (newline-separated VAR=value assignments) to $NOTIFY_SOCKET. On any status other
// than Sent and NotConfigured, *error (when given) says why.
NotifyStatus systemdNotify(std::string_view state, std::string* error = nullptr);

// systemdNotify(), logging a warning when sending failed; usherd carries on either way.
void systemdNotifyOrWarn(std::string_view state);

// Sends to an explicit socket address (same syntax as $NOTIFY_SOCKET); systemdNotify() uses it.
NotifyStatus systemdNotifyTo(std::string_view address, std::string_view state, std::string* error = nullptr);

// "RELOADING=1\nMONOTONIC_USEC=<CLOCK_MONOTONIC now>" (systemd 253 wants the timestamp; older ones
// ignore it).
std::string systemdReloadingState();

} // namespace usher::net
