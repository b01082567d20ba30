#pragma once

// The one table a benchmark prints: phase, metric, value, target, verdict.

#include <cstdio>
#include <string>
#include <vector>

namespace usher::bench {

enum class Verdict {
    Info, // no target
    Pass,
    Miss, // a speed target is missed (reported, never a failure)
    Fail, // a correctness check failed (the program exits 1)
};

class BenchTable {
public:
    void add(std::string phase, std::string metric, std::string value, std::string target = "-",
             Verdict verdict = Verdict::Info);
    // A row whose verdict follows from `value >= target`.
    void addAtLeast(std::string phase, std::string metric, double value, double target, const std::string& valueText,
                    const std::string& targetText);
    void print(std::FILE* out) const;
    bool failed() const;

private:
    struct Row {
        std::string phase;
        std::string metric;
        std::string value;
        std::string target;
        Verdict verdict = Verdict::Info;
    };
    std::vector<Row> m_rows;
};

const char* verdictText(Verdict verdict);

} // namespace usher::bench
