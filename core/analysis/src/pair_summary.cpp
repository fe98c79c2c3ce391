#include "isolens/core/analysis/pair_summary.hpp"

#include <cstdint>

namespace isolens {

namespace {

std::vector<double> valuesOf(const SeriesStore& store, const std::string& key, Metric metric)
{
    std::vector<double> values;
    for (const auto& point : store.range(key, metric, INT64_MIN, INT64_MAX))
        values.push_back(point.value);
    return values;
}

} // namespace

std::vector<ModeSummary> summarizeModes(const SeriesStore& store, const std::vector<std::string>& labels)
{
    std::vector<ModeSummary> summaries;
    for (const auto& label : labels)
        summaries.push_back({label, summarize(valuesOf(store, label, Metric::CpuPercent)),
                             summarize(valuesOf(store, label, Metric::CpuAllotmentPercent)),
                             summarize(valuesOf(store, label, Metric::MemoryBytes))});
    return summaries;
}

} // namespace isolens
