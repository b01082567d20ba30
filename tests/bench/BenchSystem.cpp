#include "BenchSystem.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/statfs.h>
#include <thread>
#include <unistd.h>

namespace usher::bench {

namespace {

std::string withPrecision(double value, const char* unit)
{
    char text[64];
    const int digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
    std::snprintf(text, sizeof(text), "%.*f%s", digits, value, unit);
    return text;
}

} // namespace

std::int64_t monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

double percentile(std::vector<double> values, double fraction)
{
    if (values.empty())
        return 0;
    fraction = std::clamp(fraction, 0.0, 1.0);
    const auto rank = static_cast<std::size_t>(std::ceil(fraction * double(values.size())));
    const std::size_t index = rank == 0 ? 0 : rank - 1;
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(index), values.end());
    return values[index];
}

std::size_t residentBytes()
{
    std::ifstream statm("/proc/self/statm");
    std::size_t sizePages = 0;
    std::size_t residentPages = 0;
    if (!(statm >> sizePages >> residentPages))
        return 0;
    return residentPages * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

std::string cpuModel()
{
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    while (std::getline(cpuinfo, line)) {
        if (line.rfind("model name", 0) != 0)
            continue;
        const std::size_t colon = line.find(':');
        if (colon != std::string::npos && colon + 2 <= line.size())
            return line.substr(colon + 2);
    }
    return "unknown";
}

unsigned cpuCount()
{
    const long online = sysconf(_SC_NPROCESSORS_ONLN);
    return online > 0 ? static_cast<unsigned>(online) : std::thread::hardware_concurrency();
}

double effectiveCpuGhz()
{
    constexpr std::uint64_t kSteps = 100'000'000;
    constexpr double kCyclesPerStep = 4; // imul (3) + add (1), each depending on the previous
    std::uint64_t x = 1;
    const std::int64_t started = monotonicNs();
    for (std::uint64_t i = 0; i < kSteps; ++i) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        asm volatile("" : "+r"(x)); // keeps the chain: the compiler may not fold the loop
    }
    const double ns = double(monotonicNs() - started);
    return ns > 0 ? kCyclesPerStep * double(kSteps) / ns : 0;
}

double memoryLatencyNs()
{
    constexpr std::uint32_t kSlots = 16u << 20; // 64 MiB of uint32
    constexpr std::uint32_t kSteps = 2'000'000;
    std::vector<std::uint32_t> next(kSlots);
    for (std::uint32_t i = 0; i < kSlots; ++i)
        next[i] = i;
    // Sattolo's shuffle: one cycle through every slot, so the walk never settles in a short loop.
    std::uint64_t state = 0x9e3779b97f4a7c15ull;
    for (std::uint32_t i = kSlots - 1; i > 0; --i) {
        state ^= state << 13, state ^= state >> 7, state ^= state << 17;
        std::swap(next[i], next[state % i]);
    }
    std::uint32_t at = 0;
    const std::int64_t started = monotonicNs();
    for (std::uint32_t i = 0; i < kSteps; ++i)
        at = next[at];
    const double ns = double(monotonicNs() - started);
    asm volatile("" : : "r"(at));
    return ns / kSteps;
}

double firstTouchNsPerPage()
{
    constexpr std::size_t kBytes = 16u << 20;
    constexpr std::size_t kPage = 4096;
    void* memory = mmap(nullptr, kBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (memory == MAP_FAILED)
        return 0;
    auto* bytes = static_cast<volatile std::uint8_t*>(memory);
    const std::int64_t started = monotonicNs();
    for (std::size_t at = 0; at < kBytes; at += kPage)
        bytes[at] = 1;
    const double ns = double(monotonicNs() - started);
    munmap(memory, kBytes);
    return ns / double(kBytes / kPage);
}

std::uint64_t threadMinorFaults()
{
    rusage usage {};
    return getrusage(RUSAGE_THREAD, &usage) == 0 ? static_cast<std::uint64_t>(usage.ru_minflt) : 0;
}

ThreadCpu threadCpu()
{
    ThreadCpu cpu;
    timespec now {};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now) == 0)
        cpu.total = double(now.tv_sec) + double(now.tv_nsec) / 1e9;
    rusage usage {};
    if (getrusage(RUSAGE_THREAD, &usage) == 0)
        cpu.system = double(usage.ru_stime.tv_sec) + double(usage.ru_stime.tv_usec) / 1e6;
    return cpu;
}

double loadAverage()
{
    double load[1] = { 0 };
    return getloadavg(load, 1) == 1 ? load[0] : -1;
}

std::string fileSystemType(const std::string& path)
{
    struct statfs info { };
    if (statfs(path.c_str(), &info) != 0)
        return "unknown";
    switch (static_cast<unsigned long>(info.f_type)) {
    case 0xef53ul: return "ext4";
    case 0x01021994ul: return "tmpfs";
    case 0x58465342ul: return "xfs";
    case 0x9123683eul: return "btrfs";
    case 0x794c7630ul: return "overlayfs";
    default: break;
    }
    char text[32];
    std::snprintf(text, sizeof(text), "fs 0x%lx", static_cast<unsigned long>(info.f_type));
    return text;
}

std::vector<double> fsyncLatencies(const std::string& directory, int count)
{
    std::vector<double> latencies;
    const std::string path = directory + "/usher-bench-fsync-probe";
    const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return latencies;
    const std::vector<char> block(4096, 'u');
    for (int i = 0; i < count; ++i) {
        if (write(fd, block.data(), block.size()) != static_cast<ssize_t>(block.size()))
            break;
        const std::int64_t started = monotonicNs();
        if (fsync(fd) != 0)
            break;
        latencies.push_back(double(monotonicNs() - started));
    }
    close(fd);
    unlink(path.c_str());
    return latencies;
}

std::string formatCount(double value)
{
    if (value >= 1e9)
        return withPrecision(value / 1e9, "G");
    if (value >= 1e6)
        return withPrecision(value / 1e6, "M");
    if (value >= 1e3)
        return withPrecision(value / 1e3, "K");
    if (value == std::floor(value))
        return std::to_string(static_cast<long long>(value));
    return withPrecision(value, "");
}

std::string formatRate(double perSecond)
{
    return formatCount(perSecond) + "/s";
}

std::string formatNs(double ns)
{
    if (ns >= 1e9)
        return withPrecision(ns / 1e9, " s");
    if (ns >= 1e6)
        return withPrecision(ns / 1e6, " ms");
    if (ns >= 1e3)
        return withPrecision(ns / 1e3, " us");
    return withPrecision(ns, " ns");
}

std::string formatSeconds(double seconds)
{
    return seconds >= 1 ? withPrecision(seconds, " s") : withPrecision(seconds * 1e3, " ms");
}

std::string formatBytes(double bytes)
{
    if (bytes >= 1024.0 * 1024.0)
        return withPrecision(bytes / (1024.0 * 1024.0), " MiB");
    if (bytes >= 1024.0)
        return withPrecision(bytes / 1024.0, " KiB");
    return withPrecision(bytes, " B");
}

} // namespace usher::bench
