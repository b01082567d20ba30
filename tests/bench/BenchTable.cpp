#include "BenchTable.h"

#include <algorithm>
#include <array>

namespace usher::bench {

const char* verdictText(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Info: return "-";
    case Verdict::Pass: return "PASS";
    case Verdict::Miss: return "MISS";
    case Verdict::Fail: return "FAIL";
    }
    return "?";
}

void BenchTable::add(std::string phase, std::string metric, std::string value, std::string target, Verdict verdict)
{
    m_rows.push_back(Row { std::move(phase), std::move(metric), std::move(value), std::move(target), verdict });
}

void BenchTable::addAtLeast(std::string phase, std::string metric, double value, double target,
                            const std::string& valueText, const std::string& targetText)
{
    add(std::move(phase), std::move(metric), valueText, ">= " + targetText,
        value >= target ? Verdict::Pass : Verdict::Miss);
}

bool BenchTable::failed() const
{
    return std::any_of(m_rows.begin(), m_rows.end(), [](const Row& row) { return row.verdict == Verdict::Fail; });
}

void BenchTable::print(std::FILE* out) const
{
    const std::array<const char*, 5> headings { "phase", "metric", "value", "target", "verdict" };
    std::array<std::size_t, 5> width {};
    for (std::size_t c = 0; c < headings.size(); ++c)
        width[c] = std::char_traits<char>::length(headings[c]);
    for (const Row& row : m_rows) {
        width[0] = std::max(width[0], row.phase.size());
        width[1] = std::max(width[1], row.metric.size());
        width[2] = std::max(width[2], row.value.size());
        width[3] = std::max(width[3], row.target.size());
    }
    const auto line = [&](const char* a, const char* b, const char* c, const char* d, const char* e) {
        std::fprintf(out, "%-*s  %-*s  %*s  %-*s  %s\n", int(width[0]), a, int(width[1]), b, int(width[2]), c,
                     int(width[3]), d, e);
    };
    line(headings[0], headings[1], headings[2], headings[3], headings[4]);
    std::string rule;
    for (std::size_t c = 0; c < width.size(); ++c)
        rule += std::string(c == 4 ? 7 : width[c], '-') + (c == 4 ? "" : "  ");
    std::fprintf(out, "%s\n", rule.c_str());
    std::string previous;
    for (const Row& row : m_rows) {
        // The phase is written once per group, so the eye finds the groups.
        const char* phase = row.phase == previous ? "" : row.phase.c_str();
        line(phase, row.metric.c_str(), row.value.c_str(), row.target.c_str(), verdictText(row.verdict));
        previous = row.phase;
    }
}

} // namespace usher::bench
