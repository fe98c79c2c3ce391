#include "isolens/core/report/svg_chart.hpp"

#include "isolens/core/report/html_text.hpp"
#include "isolens/core/series/chart_scale.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace isolens {
namespace {

constexpr double kLeft = 64.0; // room for the value labels
constexpr double kRight = 12.0;
constexpr double kTop = 28.0; // room for the title
constexpr double kBottom = 34.0;
constexpr int kValueIntervals = 5; // niceAxisMax's tops (1, 2, 2.5, 5) divide into round fifths

std::string number(double value, const char* format = "%.1f")
{
    char text[48];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

std::string valueLabel(ChartValueUnit unit, double value, const ByteScale& scale)
{
    if (unit == ChartValueUnit::Percent)
        return number(value, "%g") + "%";
    return number(value / scale.divisor, "%g") + " " + scale.unit;
}

// Wall-clock labels in UTC: the report is read elsewhere, so it names its zone.
std::string timeLabel(std::int64_t nanos, TimeLabelFormat format)
{
    using namespace std::chrono;
    const sys_seconds instant{seconds{nanos / 1'000'000'000}};
    const auto day = floor<days>(instant);
    const hh_mm_ss clock{instant - day};
    const year_month_day date{day};
    char text[48];
    switch (format) {
    case TimeLabelFormat::HoursMinutesSeconds:
        std::snprintf(text, sizeof text, "%02d:%02d:%02d", static_cast<int>(clock.hours().count()),
                      static_cast<int>(clock.minutes().count()), static_cast<int>(clock.seconds().count()));
        break;
    case TimeLabelFormat::HoursMinutes:
        std::snprintf(text, sizeof text, "%02d:%02d", static_cast<int>(clock.hours().count()),
                      static_cast<int>(clock.minutes().count()));
        break;
    case TimeLabelFormat::DayHoursMinutes:
        std::snprintf(text, sizeof text, "%02u-%02u %02d:%02d", static_cast<unsigned>(date.month()),
                      static_cast<unsigned>(date.day()), static_cast<int>(clock.hours().count()),
                      static_cast<int>(clock.minutes().count()));
        break;
    case TimeLabelFormat::Day:
        std::snprintf(text, sizeof text, "%d-%02u-%02u", static_cast<int>(date.year()),
                      static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
        break;
    }
    return text;
}

} // namespace

std::vector<std::vector<SeriesPoint>> gapFreeSegments(const std::vector<SeriesPoint>& points)
{
    std::vector<std::vector<SeriesPoint>> segments(1);
    for (const auto& point : points) {
        if (std::isnan(point.value)) {
            if (!segments.back().empty())
                segments.emplace_back();
        } else {
            segments.back().push_back(point);
        }
    }
    if (segments.back().empty())
        segments.pop_back();
    return segments;
}

std::vector<SeriesPoint> minMaxPoints(const std::vector<SeriesPoint>& segment, std::int64_t firstNanos,
                                      std::int64_t lastNanos, std::size_t buckets)
{
    if (segment.size() <= 2 * buckets || buckets == 0 || lastNanos <= firstNanos)
        return segment;
    const double width = static_cast<double>(lastNanos - firstNanos) / static_cast<double>(buckets);
    auto bucketOf = [&](const SeriesPoint& point) {
        return static_cast<std::int64_t>(
            std::floor(static_cast<double>(point.timeNanos - firstNanos) / width));
    };
    std::vector<SeriesPoint> out;
    std::size_t begin = 0;
    while (begin < segment.size()) {
        const auto bucket = bucketOf(segment[begin]);
        std::size_t end = begin;
        std::size_t low = begin;
        std::size_t high = begin;
        while (end < segment.size() && bucketOf(segment[end]) == bucket) {
            if (segment[end].value < segment[low].value)
                low = end;
            if (segment[end].value > segment[high].value)
                high = end;
            ++end;
        }
        out.push_back(segment[std::min(low, high)]);
        if (low != high)
            out.push_back(segment[std::max(low, high)]);
        begin = end;
    }
    return out;
}

double largestValue(const std::vector<SeriesPoint>& points)
{
    double largest = 0.0;
    for (const auto& point : points)
        if (!std::isnan(point.value))
            largest = std::max(largest, point.value);
    return largest;
}

double sharedValueTop(ChartValueUnit unit, double maxValue)
{
    if (unit == ChartValueUnit::Percent)
        return niceAxisMax(maxValue);
    const auto scale = byteScaleFor(maxValue);
    return niceAxisMax(maxValue / scale.divisor) * scale.divisor;
}

std::string svgChart(const SvgChart& chart, SvgPlacement placement)
{
    const double plotWidth = kSvgChartWidth - kLeft - kRight;
    const double plotHeight = kSvgChartHeight - kTop - kBottom;
    const double top = chart.valueTop > 0.0 ? chart.valueTop : 1.0;
    const auto span = std::max<std::int64_t>(1, chart.lastNanos - chart.firstNanos);
    auto x = [&](std::int64_t nanos) {
        return kLeft + plotWidth * static_cast<double>(nanos - chart.firstNanos) / static_cast<double>(span);
    };
    auto y = [&](double value) { return kTop + plotHeight * (1.0 - std::clamp(value / top, 0.0, 1.0)); };
    const auto scale = byteScaleFor(top);

    std::string svg = "<svg";
    if (placement == SvgPlacement::StandaloneFile)
        svg += " xmlns=\"http://www.w3.org/2000/svg\"";
    svg += " class=\"chart\" viewBox=\"0 0 " + std::to_string(kSvgChartWidth) + " " +
           std::to_string(kSvgChartHeight) + "\" width=\"" + std::to_string(kSvgChartWidth) + "\" height=\"" +
           std::to_string(kSvgChartHeight) + "\" role=\"img\" aria-label=\"" + htmlText(chart.title) +
           "\" font-family=\"sans-serif\" font-size=\"11\">\n";
    svg += "<rect x=\"0\" y=\"0\" width=\"" + std::to_string(kSvgChartWidth) + "\" height=\"" +
           std::to_string(kSvgChartHeight) + "\" fill=\"#ffffff\"/>\n";
    svg += "<text x=\"" + number(kLeft) + "\" y=\"17\" font-size=\"13\" font-weight=\"bold\" fill=\"" +
           chart.color + "\">" + htmlText(chart.title) + "</text>\n";

    // The value axis: gridlines on round fifths of the top.
    for (int i = 0; i <= kValueIntervals; ++i) {
        const double value = top * i / kValueIntervals;
        const auto lineY = number(y(value));
        svg += "<line x1=\"" + number(kLeft) + "\" y1=\"" + lineY + "\" x2=\"" + number(kLeft + plotWidth) +
               "\" y2=\"" + lineY + "\" stroke=\"" + (i == 0 ? "#555555" : "#dddddd") + "\"/>\n";
        svg += "<text x=\"" + number(kLeft - 6) + "\" y=\"" + number(y(value) + 4) +
               "\" text-anchor=\"end\" fill=\"#333333\">" + htmlText(valueLabel(chart.unit, value, scale)) +
               "</text>\n";
    }
    // The time axis: round instants, in UTC.
    const auto ticks = niceTimeTicks(chart.firstNanos, chart.lastNanos, 6);
    for (const auto instant : ticks.instants) {
        const auto tickX = number(x(instant));
        svg += "<line x1=\"" + tickX + "\" y1=\"" + number(kTop + plotHeight) + "\" x2=\"" + tickX +
               "\" y2=\"" + number(kTop + plotHeight + 4) + "\" stroke=\"#555555\"/>\n";
        svg += "<text x=\"" + tickX + "\" y=\"" + number(kTop + plotHeight + 16) +
               "\" text-anchor=\"middle\" fill=\"#333333\">" + htmlText(timeLabel(instant, ticks.format)) +
               "</text>\n";
    }
    svg += "<text x=\"" + number(kLeft + plotWidth) + "\" y=\"" + number(kSvgChartHeight - 4.0) +
           "\" text-anchor=\"end\" fill=\"#666666\">UTC</text>\n";

    // The line: a polyline per run between gaps, a dot for a run of one point.
    for (const auto& segment : gapFreeSegments(chart.points)) {
        const auto points = minMaxPoints(segment, chart.firstNanos, chart.lastNanos, kSvgChartBuckets);
        if (points.size() == 1) {
            svg += "<circle cx=\"" + number(x(points[0].timeNanos)) + "\" cy=\"" +
                   number(y(points[0].value)) + "\" r=\"2\" fill=\"" + chart.color + "\"/>\n";
            continue;
        }
        svg += "<polyline fill=\"none\" stroke=\"" + chart.color +
               "\" stroke-width=\"2\" stroke-linejoin=\"round\" points=\"";
        for (std::size_t i = 0; i < points.size(); ++i) {
            if (i > 0)
                svg += ' ';
            svg += number(x(points[i].timeNanos)) + "," + number(y(points[i].value));
        }
        svg += "\"/>\n";
    }
    if (chart.points.empty())
        svg += "<text x=\"" + number(kLeft + plotWidth / 2) + "\" y=\"" + number(kTop + plotHeight / 2) +
               "\" text-anchor=\"middle\" fill=\"#666666\">no samples</text>\n";
    svg += "</svg>";
    return svg;
}

} // namespace isolens
