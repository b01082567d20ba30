#pragma once

// usherd's reload on SIGHUP (systemctl reload usherd): parse the configuration again and apply what
// can change while running. What can, and what needs a restart, is listed in docs/man/usherd.8.

#include <string>
#include <string_view>
#include <vector>

namespace usher::net {

class ApiService;
struct UsherdOptions;

// True for the settings (option names without "--") that a reload applies while running.
bool settingIsReloadable(std::string_view name);

// The settings whose value differs between the two (present in one only counts), sorted by name.
std::vector<std::string> changedSettings(const UsherdOptions& running, const UsherdOptions& fresh);

// Runs `running.reload`; on success applies the reloadable settings (and records them in
// running.settings) and logs every other changed setting as needing a restart; on failure logs
// the error and changes nothing. Tells systemd RELOADING=1 first and READY=1 when done.
void reloadUsherd(UsherdOptions& running, ApiService& api);

} // namespace usher::net
