#include "isolens/core/report/svg_chart.hpp"
#include "isolens/core/series/series_colors.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

using namespace isolens;

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;
constexpr std::int64_t kStart = 1'795'826'344 * kSecond;
constexpr double kGap = std::numeric_limits<double>::quiet_NaN();

std::size_t count(const std::string& text, const std::string& what)
{
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size()))
        ++n;
    return n;
}

SvgChart chart(std::vector<SeriesPoint> points, std::string color = modeColor(0).hex())
{
    return {"runc: CPU %", std::move(color),      ChartValueUnit::Percent, 100.0,
            kStart,        kStart + 60 * kSecond, std::move(points)};
}

} // namespace

TEST(SvgChart, EachSideIsDrawnInItsModesColour)
{
    const std::vector<SeriesPoint> points{{kStart, 10}, {kStart + kSecond, 20}, {kStart + 2 * kSecond, 15}};
    const auto a = svgChart(chart(points, modeColor(0).hex()), SvgPlacement::InlineInHtml);
    const auto b = svgChart(chart(points, modeColor(1).hex()), SvgPlacement::InlineInHtml);
    EXPECT_NE(a.find("stroke=\"#1f77b4\""), std::string::npos) << a;
    EXPECT_NE(b.find("stroke=\"#e8590c\""), std::string::npos) << b;
    EXPECT_EQ(a.find("#e8590c"), std::string::npos);
}

TEST(SvgChart, AGapSplitsTheLine)
{
    const std::vector<SeriesPoint> points{{kStart, 10},
                                          {kStart + kSecond, 20},
                                          {kStart + 2 * kSecond, kGap},
                                          {kStart + 3 * kSecond, 30},
                                          {kStart + 4 * kSecond, 40}};
    EXPECT_EQ(gapFreeSegments(points).size(), 2u);
    const auto svg = svgChart(chart(points), SvgPlacement::InlineInHtml);
    EXPECT_EQ(count(svg, "<polyline"), 2u) << svg;
}

TEST(SvgChart, GapsAtTheEndsAndTwiceInARowMakeNoEmptySegment)
{
    const std::vector<SeriesPoint> points{{kStart, kGap},     {kStart + 1, 1}, {kStart + 2, kGap},
                                          {kStart + 3, kGap}, {kStart + 4, 2}, {kStart + 5, kGap}};
    const auto segments = gapFreeSegments(points);
    ASSERT_EQ(segments.size(), 2u);
    EXPECT_EQ(segments[0].size(), 1u);
    EXPECT_EQ(segments[1].size(), 1u);
    // A run of one point is a dot, not an invisible line.
    const auto svg = svgChart(chart(points), SvgPlacement::InlineInHtml);
    EXPECT_EQ(count(svg, "<circle"), 2u);
    EXPECT_EQ(count(svg, "<polyline"), 0u);
}

TEST(SvgChart, ALongSeriesIsCutToMinMaxBucketsAndKeepsItsPeak)
{
    std::vector<SeriesPoint> points;
    const std::int64_t n = 86'400;
    for (std::int64_t i = 0; i < n; ++i)
        points.push_back({kStart + i * kSecond, i == 40'000 ? 99.0 : 1.0 + static_cast<double>(i % 7)});
    const auto cut = minMaxPoints(points, kStart, kStart + n * kSecond, kSvgChartBuckets);
    EXPECT_LE(cut.size(), 2 * kSvgChartBuckets);
    EXPECT_GT(cut.size(), kSvgChartBuckets);
    bool peak = false;
    for (std::size_t i = 0; i < cut.size(); ++i) {
        peak = peak || cut[i].value == 99.0;
        if (i > 0) {
            EXPECT_LT(cut[i - 1].timeNanos, cut[i].timeNanos) << "in time order";
        }
    }
    EXPECT_TRUE(peak);
    // A short series is left as it is.
    EXPECT_EQ(minMaxPoints({points.begin(), points.begin() + 100}, kStart, kStart + n * kSecond, 560).size(),
              100u);
}

TEST(SvgChart, TheValueAxisTopIsRound)
{
    struct Case {
        ChartValueUnit unit;
        double largest;
        double top;
    };
    const Case cases[] = {
        {ChartValueUnit::Percent, 0.0, 1.0},
        {ChartValueUnit::Percent, 37.0, 50.0},
        {ChartValueUnit::Percent, 99.2, 100.0},
        {ChartValueUnit::Percent, 180.0, 200.0},
        {ChartValueUnit::Bytes, 33.0 * 1024 * 1024, 50.0 * 1024 * 1024},
        {ChartValueUnit::Bytes, 1.7 * 1024 * 1024 * 1024, 2.0 * 1024 * 1024 * 1024},
        {ChartValueUnit::Bytes, 700.0, 1000.0},
    };
    for (const auto& c : cases)
        EXPECT_DOUBLE_EQ(sharedValueTop(c.unit, c.largest), c.top) << c.largest;
}

TEST(SvgChart, AxesAreLabelledInTheUnitAndTheTimeIsUtc)
{
    SvgChart memory{"runc: memory",
                    modeColor(0).hex(),
                    ChartValueUnit::Bytes,
                    50.0 * 1024 * 1024,
                    kStart,
                    kStart + 60 * kSecond,
                    {{kStart, 1e6}, {kStart + kSecond, 2e7}}};
    const auto svg = svgChart(memory, SvgPlacement::InlineInHtml);
    EXPECT_NE(svg.find(">50 MiB<"), std::string::npos) << svg;
    EXPECT_NE(svg.find(">10 MiB<"), std::string::npos);
    EXPECT_NE(svg.find(">UTC<"), std::string::npos);
    EXPECT_NE(svg.find(">runc: memory<"), std::string::npos);
}

TEST(SvgChart, InlineSvgNamesNoNamespaceAStandaloneFileDoes)
{
    const auto points = std::vector<SeriesPoint>{{kStart, 1}, {kStart + kSecond, 2}};
    const auto inlined = svgChart(chart(points), SvgPlacement::InlineInHtml);
    EXPECT_EQ(inlined.find("xmlns"), std::string::npos);
    EXPECT_EQ(inlined.find("http"), std::string::npos);
    EXPECT_NE(
        svgChart(chart(points), SvgPlacement::StandaloneFile).find("xmlns=\"http://www.w3.org/2000/svg\""),
        std::string::npos);
}

TEST(SvgChart, AnEmptyChartSaysSo)
{
    EXPECT_NE(svgChart(chart({}), SvgPlacement::InlineInHtml).find("no samples"), std::string::npos);
}
