#include "EngineBenchPages.h"

#include "core/HugePageAllocator.h"

#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <string>
#include <time.h>
#include <unistd.h>
#include <vector>

namespace usher::bench {

namespace {

constexpr std::uint64_t kPagePresent = std::uint64_t(1) << 63;
constexpr std::uint64_t kPfnMask = (std::uint64_t(1) << 55) - 1;
constexpr std::uint64_t kPageFlagThp = std::uint64_t(1) << 22; // KPF_THP (include/uapi/linux/kernel-page-flags.h)
constexpr std::size_t kPage = 4096;

struct PageCount {
    std::size_t bytes = 0;
    std::size_t mapped = 0; // 4 KiB pages present
    std::size_t huge = 0;   // of those, part of a transparent huge page
    bool hugeKnown = true;
    std::size_t sampled = 0; // pages read once, every kColdStride-th
    std::size_t cold = 0;    // of those, the read took longer than kColdNs
};

// A read of a page that is mapped but has not been accessed from user space since (populated by the
// kernel, or its entry dropped since) costs an exit to the host on this project's VMs, 13-30 us;
// a cache and TLB miss is below 1 us even on a loaded machine.
constexpr std::size_t kColdStride = 16;
constexpr std::int64_t kColdNs = 4000;

std::int64_t nowNs()
{
    timespec t {};
    ::clock_gettime(CLOCK_MONOTONIC, &t);
    return std::int64_t(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

// Reads one byte of every kColdStride-th page of the table and counts the slow reads. Reading warms
// the pages it samples (1 in 16): a diagnostic, run only with USHER_BENCH_VERBOSE.
void samplePages(const void* data, std::size_t bytes, PageCount* count)
{
    const auto* p = static_cast<const volatile std::uint8_t*>(data);
    for (std::size_t offset = 0; offset < bytes; offset += kColdStride * kPage) {
        const std::int64_t before = nowNs();
        (void)p[offset];
        const std::int64_t after = nowNs();
        ++count->sampled;
        count->cold += after - before > kColdNs ? 1 : 0;
    }
}

// Counts the pages of [data, data + bytes) that are present and, of those, on a huge page.
void countPages(int pagemap, int pageflags, const void* data, std::size_t bytes, PageCount* count)
{
    const auto from = reinterpret_cast<std::uintptr_t>(data) / kPage;
    const auto to = (reinterpret_cast<std::uintptr_t>(data) + bytes + kPage - 1) / kPage;
    std::vector<std::uint64_t> entries(512);
    count->bytes += bytes;
    for (std::uintptr_t page = from; page < to; page += entries.size()) {
        const std::size_t n = std::min<std::size_t>(entries.size(), to - page);
        if (::pread(pagemap, entries.data(), n * 8, off_t(page * 8)) != ssize_t(n * 8))
            return;
        for (std::size_t i = 0; i < n; ++i) {
            if ((entries[i] & kPagePresent) == 0)
                continue;
            ++count->mapped;
            const std::uint64_t pfn = entries[i] & kPfnMask;
            std::uint64_t flags = 0;
            if (pageflags < 0 || pfn == 0 || ::pread(pageflags, &flags, 8, off_t(pfn * 8)) != 8)
                count->hugeKnown = false;
            else if ((flags & kPageFlagThp) != 0)
                ++count->huge;
        }
    }
}

std::string mib(std::size_t bytes)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", double(bytes) / double(1 << 20));
    return text;
}

} // namespace

const char* applyTablePagesFromEnvironment()
{
    const char* wanted = std::getenv("USHER_BENCH_TABLE_PAGES");
    if (wanted != nullptr && std::strcmp(wanted, "small") == 0)
        setTablePages(TablePages::Small);
    else if (wanted != nullptr && std::strcmp(wanted, "heap") == 0)
        setTablePages(TablePages::Heap);
    else if (wanted != nullptr && std::strcmp(wanted, "huge") == 0)
        setTablePages(TablePages::Huge);
    switch (tablePages()) {
    case TablePages::Huge: return "huge";
    case TablePages::Small: return "small";
    case TablePages::Heap: return "heap";
    }
    return "?";
}

bool verboseTables()
{
    const char* verbose = std::getenv("USHER_BENCH_VERBOSE");
    return verbose != nullptr && std::strcmp(verbose, "0") != 0;
}

void printTablePages(std::FILE* out, const Ledger& ledger, const char* when)
{
    const int pagemap = ::open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
    if (pagemap < 0) {
        std::fprintf(out, "pages %s: /proc/self/pagemap: %s\n", when, std::strerror(errno));
        return;
    }
    const int pageflags = ::open("/proc/kpageflags", O_RDONLY | O_CLOEXEC);
    std::map<std::string, PageCount> counts; // the journal's buffers add up under one name
    std::vector<std::string> order;
    for (const LedgerTable& table : ledger.tables()) {
        if (counts.find(table.name) == counts.end())
            order.push_back(table.name);
        countPages(pagemap, pageflags, table.data, table.bytes, &counts[table.name]);
        samplePages(table.data, table.bytes, &counts[table.name]);
    }
    std::string line = std::string("pages ") + when + " (MiB allocated/mapped/huge, cold pages of those sampled):";
    for (const std::string& name : order) {
        const PageCount& c = counts[name];
        char cold[48];
        std::snprintf(cold, sizeof cold, " cold %zu/%zu", c.cold, c.sampled);
        line += " " + name + " " + mib(c.bytes) + "/" + mib(c.mapped * kPage) + "/"
            + (c.hugeKnown ? mib(c.huge * kPage) : std::string("?")) + cold + ";";
    }
    std::fprintf(out, "%s\n", line.c_str());
    if (pageflags >= 0)
        ::close(pageflags);
    ::close(pagemap);
}

} // namespace usher::bench
