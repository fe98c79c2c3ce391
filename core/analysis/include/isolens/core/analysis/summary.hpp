#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace isolens {

// Mean, 95th percentile, peak and last value of a metric over a window (gaps ignored).
struct MetricSummary {
    std::size_t count = 0;
    double mean = 0.0;
    double p95 = 0.0; // nearest-rank: the smallest value with at least 95% of values at or below it
    double peak = 0.0;
    double last = 0.0;
};

MetricSummary summarize(const std::vector<double>& values);

// The published table's difference: (A - B) / A as a percentage (positive when B used less).
// Nothing when A is zero.
std::optional<double> percentDifference(double a, double b);

// "process isolation used 86% less memory than Hyper-V isolation": the difference in words,
// truncated to a whole percent as the published figures are.
std::string describeDifference(const std::string& labelA, const std::string& labelB,
                               const std::string& metric, double a, double b);

} // namespace isolens
