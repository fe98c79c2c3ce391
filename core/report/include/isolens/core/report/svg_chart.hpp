#pragma once

#include "isolens/core/series/time_series.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace isolens {

// What a chart's values are: the value axis is labelled in percent, or in the bytes' unit.
enum class ChartValueUnit { Percent, Bytes };

// Whether the SVG sits inside an HTML page (no namespace attribute: the HTML parser knows <svg>, and the
// page then names no URL at all) or is a file of its own (an image needs the SVG namespace).
enum class SvgPlacement { InlineInHtml, StandaloneFile };

// One side's series in one chart: its points (NaN marks a gap) drawn in its mode's colour.
struct SvgChart {
    std::string title; // "runc: CPU %"
    std::string color; // "#1f77b4"
    ChartValueUnit unit = ChartValueUnit::Percent;
    double valueTop = 1.0; // the value axis' top, shared by the charts side by side (sharedValueTop)
    std::int64_t firstNanos = 0;
    std::int64_t lastNanos = 0; // exclusive
    std::vector<SeriesPoint> points;
};

inline constexpr int kSvgChartWidth = 640;
inline constexpr int kSvgChartHeight = 240;
// At most this many min/max buckets a line: about one per horizontal pixel of the plot.
inline constexpr std::size_t kSvgChartBuckets = 560;

std::string svgChart(const SvgChart& chart, SvgPlacement placement);

// The runs of points between gaps, in order; empty runs left out.
std::vector<std::vector<SeriesPoint>> gapFreeSegments(const std::vector<SeriesPoint>& points);

// A segment cut down to at most two points (its lowest and highest, in time order) per slice of
// [firstNanos, lastNanos) split into buckets, so peaks survive; unchanged when it is short enough.
std::vector<SeriesPoint> minMaxPoints(const std::vector<SeriesPoint>& segment, std::int64_t firstNanos,
                                      std::int64_t lastNanos, std::size_t buckets);

// The round top (niceAxisMax, in the unit's scale for bytes) of a value axis shared by charts whose
// largest value is maxValue.
double sharedValueTop(ChartValueUnit unit, double maxValue);

// The largest value of the points (0 when there is none).
double largestValue(const std::vector<SeriesPoint>& points);

} // namespace isolens
