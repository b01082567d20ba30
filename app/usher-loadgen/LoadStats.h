#pragma once

// Statistics of usher-loadgen's summary.

#include <vector>

namespace usher::loadgen {

// Ranks from 1, ties sharing their average rank.
std::vector<double> averageRanks(const std::vector<double>& values);
// Spearman's rank correlation of two equally long series (Pearson's correlation of their average
// ranks, so ties are handled); 0 when there are fewer than two pairs or a series is constant.
double spearman(const std::vector<double>& x, const std::vector<double>& y);

} // namespace usher::loadgen
