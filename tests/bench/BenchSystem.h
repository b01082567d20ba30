#pragma once

// Small helpers shared by the benchmarks: a monotonic clock, statistics over samples, process and
// machine facts, and number formatting for the result tables.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace usher::bench {

std::int64_t monotonicNs();

// The median of `values` (0 when empty). Takes a copy: the caller's order stays.
double median(std::vector<double> values);
// The value below which `fraction` (0..1) of the samples lie, nearest rank (0 when empty).
double percentile(std::vector<double> values, double fraction);

// Resident set size of this process, from /proc/self/statm.
std::size_t residentBytes();
// "AMD EPYC 7B13" from /proc/cpuinfo, or "unknown".
std::string cpuModel();
unsigned cpuCount();
// Minor page faults of the calling thread so far (getrusage RUSAGE_THREAD).
std::uint64_t threadMinorFaults();
// CPU time of the calling thread so far, in seconds: in all (CLOCK_THREAD_CPUTIME_ID, exact) and the
// part in the kernel (getrusage RUSAGE_THREAD: sampled at the tick, so only a rough share over short
// intervals). On a busy machine CPU time per command still means something when wall time doesn't.
struct ThreadCpu {
    double total = 0;
    double system = 0;
};
ThreadCpu threadCpu();
// The 1-minute load average (-1 when unknown). Figures taken on a busy machine are not figures.
double loadAverage();
// The clock rate this process gets right now, in GHz, from a chain of dependent 64-bit
// multiply-adds (4 cycles each on current x86 cores). A busy or throttled host shows up here.
double effectiveCpuGhz();
// The latency of a dependent load that misses the caches, in ns: a random cycle through 64 MiB.
// The ledger's random seat and key lookups pay this; a busy host shows up here as well.
double memoryLatencyNs();
// What the first write to a fresh 4 KiB page costs, in ns (page fault + zeroing; in a VM whose
// host backs memory lazily this can be 100x the bare-metal cost). Every byte of journal a ledger
// writes lands on fresh memory, so this bounds the in-memory figures.
double firstTouchNsPerPage();
// The file system type of `path` ("ext4", "tmpfs"...), from statfs(2).
std::string fileSystemType(const std::string& path);

// Appends 4 KiB to a scratch file in `directory` and fsyncs it, `count` times; the latencies in ns
// (empty when the file cannot be written). What one durable commit costs at least.
std::vector<double> fsyncLatencies(const std::string& directory, int count);

// 5120000 -> "5.12M", 33400 -> "33.4K", 950 -> "950".
std::string formatCount(double value);
std::string formatRate(double perSecond); // "5.12M/s"
std::string formatNs(double ns); // "163 ns", "1.52 us", "2.31 ms"
std::string formatSeconds(double seconds); // "0.412 s", "12.3 ms"
std::string formatBytes(double bytes); // "132 B", "12.6 MiB"

} // namespace usher::bench
