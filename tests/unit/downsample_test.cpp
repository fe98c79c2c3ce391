#include "isolens/core/series/downsample.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace isolens;

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;

// The obvious, slow answer: every point to its bucket by the same rule, then min and max.
std::vector<MinMaxBucket> bruteForce(const std::vector<SeriesPoint>& points, std::int64_t first,
                                     std::int64_t last, std::size_t buckets)
{
    std::vector<MinMaxBucket> all(buckets);
    std::vector<bool> used(buckets, false);
    const auto span = static_cast<long double>(last - first);
    for (std::size_t b = 0; b < buckets; ++b)
        all[b].startNanos = first + static_cast<std::int64_t>(span * static_cast<long double>(b) / buckets);
    for (const auto& point : points) {
        if (point.timeNanos < first || point.timeNanos >= last)
            continue;
        auto b = static_cast<std::size_t>(static_cast<long double>(point.timeNanos - first) * buckets / span);
        b = std::min(b, buckets - 1);
        used[b] = true;
        auto& bucket = all[b];
        const auto value = static_cast<float>(point.value);
        if (std::isnan(value)) {
            bucket.hasGap = true;
            continue;
        }
        bucket.min = bucket.count == 0 ? value : std::min(bucket.min, value);
        bucket.max = bucket.count == 0 ? value : std::max(bucket.max, value);
        ++bucket.count;
    }
    std::vector<MinMaxBucket> out;
    for (std::size_t b = 0; b < buckets; ++b)
        if (used[b])
            out.push_back(all[b]);
    return out;
}

// Random series (irregular times, gaps, values) against the brute force, over random windows and
// bucket counts; long series make whole 64-point blocks fall inside buckets (their summaries are used).
void compareWithBruteForce(std::uint64_t seed, int rounds, int maxPoints, std::size_t maxBuckets)
{
    std::mt19937_64 random(seed);
    for (int round = 0; round < rounds; ++round) {
        TimeSeries series;
        std::vector<SeriesPoint> stored;
        std::int64_t time = 1'700'000'000 * kSecond;
        const int count = std::uniform_int_distribution<int>(0, maxPoints)(random);
        for (int i = 0; i < count; ++i) {
            time += std::uniform_int_distribution<std::int64_t>(0, 3 * kSecond)(random);
            const bool gap = std::uniform_int_distribution<int>(0, 30)(random) == 0;
            const double value =
                gap ? std::nan("") : std::uniform_real_distribution<double>(-50, 5000)(random);
            series.append(time, value);
            stored.push_back(series.at(series.size() - 1)); // as stored: ms times, float values
        }
        if (stored.empty())
            continue;
        const auto first =
            stored.front().timeNanos - std::uniform_int_distribution<std::int64_t>(0, 5)(random) * kSecond;
        const auto last =
            stored.back().timeNanos + std::uniform_int_distribution<std::int64_t>(-5, 5)(random) * kSecond;
        if (last <= first)
            continue;
        const auto buckets = std::uniform_int_distribution<std::size_t>(1, maxBuckets)(random);
        const auto fast = downsampleMinMax(series, first, last, buckets);
        const auto slow = bruteForce(stored, first, last, buckets);
        ASSERT_EQ(fast.size(), slow.size()) << "round " << round;
        for (std::size_t i = 0; i < fast.size(); ++i) {
            ASSERT_EQ(fast[i].startNanos, slow[i].startNanos) << "round " << round << " bucket " << i;
            ASSERT_EQ(fast[i].count, slow[i].count);
            ASSERT_EQ(fast[i].hasGap, slow[i].hasGap);
            if (fast[i].count > 0) {
                ASSERT_EQ(fast[i].min, slow[i].min);
                ASSERT_EQ(fast[i].max, slow[i].max);
            }
        }
    }
}

} // namespace

TEST(Downsample, PropertyMatchesBruteForceOnRandomSeries)
{
    compareWithBruteForce(20261128, 300, 3000, 1200);
}

TEST(Downsample, PropertyMatchesBruteForceWhereBlockSummariesStandForPoints)
{
    compareWithBruteForce(86400, 60, 40000, 300);
}

TEST(Downsample, ASinglePeakSurvivesADayIntoAThousandBuckets)
{
    TimeSeries series;
    const std::int64_t start = 1'700'000'000 * kSecond;
    for (int i = 0; i < 86'400; ++i)
        series.append(start + i * kSecond, i == 43'210 ? 99.0 : 1.0);
    const auto buckets = downsampleMinMax(series, start, start + 86'400 * kSecond, 1000);
    ASSERT_EQ(buckets.size(), 1000u);
    float highest = 0;
    for (const auto& bucket : buckets)
        highest = std::max(highest, bucket.max);
    EXPECT_EQ(highest, 99.0f);
}

TEST(Downsample, EdgeCases)
{
    TimeSeries series;
    EXPECT_TRUE(downsampleMinMax(series, 0, 10, 5).empty());
    series.append(5 * kSecond, 1);
    EXPECT_TRUE(downsampleMinMax(series, 0, 10 * kSecond, 0).empty());
    EXPECT_TRUE(downsampleMinMax(series, 10 * kSecond, 0, 5).empty());
    const auto one = downsampleMinMax(series, 0, 10 * kSecond, 5);
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0].startNanos, 4 * kSecond);
}
