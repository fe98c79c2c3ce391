#include "isolens/core/series/time_series.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace isolens;

constexpr std::int64_t kSecond = 1'000'000'000;
constexpr std::int64_t kStart = 1'795'826'344 * kSecond; // 2026-11-28

TEST(TimeSeries, AppendsAndReadsBackAtMillisecondResolution)
{
    TimeSeries series;
    EXPECT_TRUE(series.empty());
    ASSERT_TRUE(series.append(kStart, 1.5));
    ASSERT_TRUE(series.append(kStart + kSecond + 123'456'789, 2.5));
    ASSERT_EQ(series.size(), 2u);
    EXPECT_EQ(series.at(0).timeNanos, kStart);
    EXPECT_EQ(series.at(1).timeNanos, kStart + kSecond + 123'000'000);
    EXPECT_EQ(series.at(1).value, 2.5);
}

TEST(TimeSeries, GapsAreNaNNotZero)
{
    TimeSeries series;
    series.append(kStart, 10);
    series.appendGap(kStart + 3 * kSecond);
    EXPECT_TRUE(std::isnan(series.at(1).value));
}

TEST(TimeSeries, EarlierTimesAreClampedSoTimeNeverGoesBack)
{
    TimeSeries series;
    series.append(kStart + 5 * kSecond, 1);
    series.append(kStart + 2 * kSecond, 2);
    EXPECT_EQ(series.at(1).timeNanos, series.at(0).timeNanos);
}

TEST(TimeSeries, RefusesPointsBeyondItsReach)
{
    TimeSeries series;
    series.append(kStart, 1);
    EXPECT_TRUE(series.append(kStart + 40LL * 86400 * kSecond, 2));
    EXPECT_FALSE(series.append(kStart + 60LL * 86400 * kSecond, 3));
    EXPECT_EQ(series.size(), 2u);
}

TEST(TimeSeries, RangeQueriesAcrossChunks)
{
    TimeSeries series;
    for (int i = 0; i < 10'000; ++i)
        series.append(kStart + i * kSecond, i);
    auto [begin, end] = series.indexRange(kStart + 4095 * kSecond, kStart + 4100 * kSecond);
    EXPECT_EQ(begin, 4095u);
    EXPECT_EQ(end, 4100u);
    auto points = series.range(kStart + 9998 * kSecond, kStart + 20'000 * kSecond);
    ASSERT_EQ(points.size(), 2u);
    EXPECT_EQ(points[1].value, 9999);
    EXPECT_TRUE(series.range(kStart - 10 * kSecond, kStart).empty());
}

TEST(TimeSeries, ADayAt1HzFor32SeriesStaysWellUnder50MB)
{
    std::vector<TimeSeries> all(32);
    std::size_t bytes = 0;
    for (auto& series : all) {
        for (int i = 0; i < 86'400; ++i)
            series.append(kStart + i * kSecond, i % 100);
        bytes += series.memoryBytes();
    }
    EXPECT_LT(bytes, 25u * 1024 * 1024) << bytes; // 8 bytes a point: about 22 MB
    EXPECT_EQ(all[31].at(86'399).timeNanos, kStart + 86'399 * kSecond);
}

TEST(TimeSeries, ASpanBeyond64BitNanosecondsIsRefusedNotWrapped)
{
    // INT64_MAX - INT64_MIN wrapped to -1 and the point was stored at the origin.
    TimeSeries series;
    ASSERT_TRUE(series.append(INT64_MIN, 1.0));
    EXPECT_FALSE(series.append(INT64_MAX, 2.0));
    EXPECT_EQ(series.size(), 1u);
}
