#pragma once

#include "isolens/core/analysis/summary.hpp"
#include "isolens/core/series/series_store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace isolens {

struct ModeSummary {
    std::string label;
    MetricSummary cpu;       // the docker CLI's CPU %
    MetricSummary allotment; // CPU % of the container's own CPUs
    MetricSummary memory;    // bytes, the docker CLI's figure
};

// Summaries of every mode's series over the whole store (gaps ignored).
std::vector<ModeSummary> summarizeModes(const SeriesStore& store, const std::vector<std::string>& labels);

} // namespace isolens
