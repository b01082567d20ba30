#include "net/UsherdReload.h"

#include "net/ApiService.h"
#include "net/Log.h"
#include "net/SystemdNotify.h"
#include "net/Usherd.h"

#include <algorithm>
#include <array>
#include <set>

namespace usher::net {

namespace {

// Everything else is read once at start-up: the listening socket, TLS, threads and connection
// limits (the server), the data directory, store and fsync (the engine), the payment gateway, demo
// data.
constexpr std::array<std::string_view, 4> kReloadable { "log-level", "rate-limit", "rate-burst",
                                                        "availability-max-age" };

std::string valueOf(const UsherdOptions& options, const std::string& name)
{
    const auto it = options.settings.find(name);
    return it == options.settings.end() ? std::string("(default)") : it->second;
}

} // namespace

bool settingIsReloadable(std::string_view name)
{
    return std::find(kReloadable.begin(), kReloadable.end(), name) != kReloadable.end();
}

std::vector<std::string> changedSettings(const UsherdOptions& running, const UsherdOptions& fresh)
{
    std::set<std::string> names;
    for (const auto& [name, value] : running.settings)
        names.insert(name);
    for (const auto& [name, value] : fresh.settings)
        names.insert(name);
    std::vector<std::string> changed;
    for (const std::string& name : names) {
        const auto a = running.settings.find(name);
        const auto b = fresh.settings.find(name);
        const bool both = a != running.settings.end() && b != fresh.settings.end();
        if (!both || a->second != b->second)
            changed.push_back(name);
    }
    return changed;
}

void reloadUsherd(UsherdOptions& running, ApiService& api)
{
    systemdNotifyOrWarn(systemdReloadingState());
    UsherdOptions fresh;
    std::string error;
    if (!running.reload)
        error = "usherd was started without a configuration to re-read";
    if (!running.reload || !running.reload(&fresh, &error)) {
        LogLine(LogLevel::Error, "reload failed: the running configuration stays").str("error", error);
        systemdNotifyOrWarn("READY=1\nSTATUS=Reload failed; running with the previous configuration (see the log)");
        return;
    }
    int restartNeeded = 0;
    int applied = 0;
    for (const std::string& name : changedSettings(running, fresh)) {
        if (!settingIsReloadable(name)) {
            ++restartNeeded;
            LogLine(LogLevel::Warn, "setting changed: it takes effect after a restart")
                .str("setting", name)
                .str("running", valueOf(running, name))
                .str("configured", valueOf(fresh, name));
            continue;
        }
        ++applied;
        if (fresh.settings.count(name))
            running.settings[name] = fresh.settings[name];
        else
            running.settings.erase(name);
    }
    running.logLevel = fresh.logLevel;
    running.api.buyerRatePerSecond = fresh.api.buyerRatePerSecond;
    running.api.buyerBurst = fresh.api.buyerBurst;
    running.api.availabilityMaxAgeSeconds = fresh.api.availabilityMaxAgeSeconds;
    setLogLevel(running.logLevel);
    api.setReloadable(running.api.buyerRatePerSecond, running.api.buyerBurst, running.api.availabilityMaxAgeSeconds);
    LogLine(LogLevel::Info, "configuration reloaded")
        .num("applied", applied)
        .num("restartNeeded", restartNeeded)
        .str("log-level", valueOf(running, "log-level"))
        .real("rate-limit", running.api.buyerRatePerSecond)
        .real("rate-burst", running.api.buyerBurst)
        .num("availability-max-age", running.api.availabilityMaxAgeSeconds);
    systemdNotifyOrWarn(restartNeeded == 0
                            ? std::string_view("READY=1\nSTATUS=Configuration reloaded")
                            : std::string_view("READY=1\nSTATUS=Configuration reloaded; some changed settings "
                                               "need a restart (see the log)"));
}

} // namespace usher::net
