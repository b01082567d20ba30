#pragma once

// `usher-bench engine`: the reservation engine's figures on a 100,000-seat event, as one table.
// A program, not a test: it measures and reports; it fails (returns 1) only when a correctness
// check fails (an oversell, a broken invariant, a command refused that must succeed), never
// because a figure misses its target.

#include "BenchTable.h"
#include "venue/Venue.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace usher::bench {

struct EngineBenchOptions {
    std::uint32_t seats = 100'000;
    int runs = 3; // each measurement is repeated; the median is reported
    double contentionSeconds = 2.0; // per contention run
    std::uint64_t journalEventsMin = 1'000'000;
    std::string directory; // where data directories go; empty: the system temp directory
    std::vector<std::string> phases; // empty: all of kEngineBenchPhases
    bool quick = false; // a smoke run (only changes the title)
};

// memory, in-memory, durable, contention, replay
extern const std::vector<std::string> kEngineBenchPhases;

class EngineBench {
public:
    explicit EngineBench(EngineBenchOptions options);
    // Runs the phases, prints the table to `out` and progress to `progress`. Returns 0, or 1 when
    // a correctness check failed.
    int run(std::FILE* out, std::FILE* progress);

private:
    bool wanted(const std::string& phase) const;
    void note(const char* format, ...) const __attribute__((format(printf, 2, 3)));
    void fail(const std::string& what);
    void measureMemory();
    void measureLedger();
    void measureDurable(bool synchronousFull);
    void measureContention();
    void measureReplay();
    void printFacts(std::FILE* out) const;

    const EngineBenchOptions m_options;
    std::FILE* m_progress = nullptr;
    VenuePtr m_venue;
    BenchTable m_table;
    std::vector<std::string> m_failures;
    std::uint64_t m_oversells = 0;
    bool m_contentionRan = false;
    double m_loadAtStart = 0;
    double m_ghzAtStart = 0;
    double m_firstTouchNs = 0;
    double m_memoryLatencyNs = 0;
    std::string m_inMemorySummary; // one line under the table: the in-memory medians
};

} // namespace usher::bench
