#pragma once

// A box office's enrolment with usherd: the server, the device's name, its secret token and its
// sales channel. Kept in <data>/sync-device.json, readable by its owner only (0600): the token is
// what lets a device upload sales. Written atomically (a temporary file, fsync, rename, fsync of
// the directory), so a crash leaves the old file or the new one, never half of one.
//
// {"format":"usher-sync-device","version":1,"server":"wss://tickets.example:8443","device":"box-1",
//  "token":"...","channel":2}

#include "core/Types.h"

#include <QUrl>

#include <cstdint>
#include <string>

namespace usher {

constexpr const char* kDeviceCredentialsFileName = "sync-device.json";
constexpr std::size_t kDeviceCredentialsBytesMax = 64 * 1024;
constexpr std::size_t kDeviceTextBytesMax = 1024; // the sync protocol's text limit

struct DeviceCredentials {
    std::string server; // ws://, wss://, http:// or https:// with a host (and port); no path needed
    std::string device;
    std::string token;
    ChannelId channel = 0;
    friend bool operator==(const DeviceCredentials&, const DeviceCredentials&) = default;
};

// The numbers never change (logs and tests show them).
enum class CredentialsStatus : std::uint8_t {
    Ok = 0,
    Missing = 1,   // no file: the box office is not enrolled
    Malformed = 2, // not JSON, a missing or wrong field
    Unsafe = 3,    // not a regular file, owned by someone else, or permissions that cannot be repaired
    IoError = 4,
};

std::string deviceCredentialsPath(const std::string& dataDirectory);

// What is wrong with `credentials` (translated), or an empty string.
std::string deviceCredentialsProblem(const DeviceCredentials& credentials);

// Reads and validates the file. A file that others may read or write is repaired to 0600 and
// loaded, with *warning saying so (the token may have leaked: enrol the device again); one that
// cannot be repaired is Unsafe. *error (translated, naming the file) for everything but Ok.
CredentialsStatus loadDeviceCredentials(const std::string& path, DeviceCredentials* out, std::string* error,
                                        std::string* warning);

// Validates, then writes atomically with mode 0600. False with *error (translated).
bool saveDeviceCredentials(const std::string& path, const DeviceCredentials& credentials, std::string* error);

// ws(s)://host:port/sync for the sync protocol, http(s)://host:port for the HTTP API. Invalid when
// the server is not a valid URL.
QUrl syncEndpointUrl(const DeviceCredentials& credentials);
QUrl httpBaseUrl(const DeviceCredentials& credentials);

} // namespace usher
