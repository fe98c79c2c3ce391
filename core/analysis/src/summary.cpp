#include "isolens/core/analysis/summary.hpp"

#include <algorithm>
#include <cmath>

namespace isolens {

MetricSummary summarize(const std::vector<double>& values)
{
    std::vector<double> present;
    present.reserve(values.size());
    for (double value : values)
        if (!std::isnan(value))
            present.push_back(value);
    MetricSummary summary;
    summary.count = present.size();
    if (present.empty())
        return summary;
    summary.last = present.back();
    double sum = 0.0;
    for (double value : present)
        sum += value;
    summary.mean = sum / static_cast<double>(present.size());
    std::sort(present.begin(), present.end());
    summary.peak = present.back();
    const auto rank = static_cast<std::size_t>(std::ceil(0.95 * static_cast<double>(present.size())));
    summary.p95 = present[std::max<std::size_t>(rank, 1) - 1];
    return summary;
}

std::optional<double> percentDifference(double a, double b)
{
    if (a == 0.0 || std::isnan(a) || std::isnan(b))
        return std::nullopt;
    return (a - b) / a * 100.0;
}

std::string describeDifference(const std::string& labelA, const std::string& labelB,
                               const std::string& metric, double a, double b)
{
    const auto difference = percentDifference(a, b);
    if (!difference)
        return "no comparison: " + labelA + " used no " + metric;
    const auto whole = static_cast<long long>(std::trunc(std::fabs(*difference)));
    if (whole == 0)
        return labelB + " used about the same " + metric + " as " + labelA;
    return labelB + " used " + std::to_string(whole) + "% " + (*difference > 0 ? "less " : "more ") + metric +
           " than " + labelA;
}

} // namespace isolens
