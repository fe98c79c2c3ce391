#pragma once

#include "isolens/core/report/report_document.hpp"
#include "isolens/core/report/svg_chart.hpp"

#include <array>
#include <string>

namespace isolens {

// A run's four charts: CPU and memory of side A beside side B's, each pair on one value axis (the top
// of the larger side), over the run's time span, each side in its mode's colour.
struct RunCharts {
    std::array<SvgChart, 2> cpu;
    std::array<SvgChart, 2> memory;
};
RunCharts runCharts(const RunSeries& run, const std::array<std::string, 2>& labels);

} // namespace isolens
