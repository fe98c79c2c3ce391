#include "isolens/core/series/series_store.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace isolens;

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;

StatsSample sampleAt(std::int64_t seconds, double cpu, std::int64_t memory)
{
    StatsSample sample;
    sample.valid = true;
    sample.timeNanos = 1'700'000'000 * kSecond + seconds * kSecond;
    sample.cpuPercent = cpu;
    sample.memBytes = memory;
    sample.pids = 3;
    return sample;
}

} // namespace

TEST(SeriesStore, KeepsEveryMetricPerKey)
{
    SeriesStore store;
    store.addSample("hyperv", sampleAt(0, 10, 1000));
    store.addSample("hyperv", sampleAt(1, 30, 3000));
    store.addSample("process", sampleAt(0, 5, 100));
    EXPECT_EQ(store.keys(), (std::vector<std::string>{"hyperv", "process"}));
    EXPECT_EQ(store.size("hyperv"), 2u);
    const auto memory = store.range("hyperv", Metric::MemoryBytes, 0, INT64_MAX);
    ASSERT_EQ(memory.size(), 2u);
    EXPECT_EQ(memory[1].value, 3000);
    const auto commit = store.range("hyperv", Metric::CommitBytes, 0, INT64_MAX);
    EXPECT_TRUE(std::isnan(commit[0].value)); // a Linux sample has no commit: no value, not zero
    EXPECT_EQ(store.range("hyperv", Metric::Pids, 0, INT64_MAX)[0].value, 3);
    EXPECT_TRUE(store.range("nobody", Metric::CpuPercent, 0, INT64_MAX).empty());
}

TEST(SeriesStore, InvalidSamplesAreSkippedAndGapsMarkedOnce)
{
    SeriesStore store;
    store.addSample("a", sampleAt(0, 10, 1));
    auto stopped = sampleAt(1, 0, 0);
    stopped.valid = false;
    store.addSample("a", stopped);
    EXPECT_EQ(store.size("a"), 1u);
    store.addGap("a", 1'700'000'003 * kSecond);
    store.addGap("a", 1'700'000'004 * kSecond);
    EXPECT_EQ(store.size("a"), 2u);
    store.addSample("a", sampleAt(5, 20, 2));
    const auto buckets =
        store.downsample("a", Metric::CpuPercent, 1'700'000'000 * kSecond, 1'700'000'006 * kSecond, 3);
    ASSERT_EQ(buckets.size(), 3u);
    EXPECT_TRUE(buckets[1].hasGap);
    EXPECT_EQ(buckets[2].max, 20);
    const auto span = store.timeSpan();
    ASSERT_TRUE(span);
    EXPECT_EQ(span->second - span->first, 5 * kSecond);
}

TEST(SeriesStore, MetricNamesRoundTrip)
{
    for (std::size_t i = 0; i < kMetricCount; ++i) {
        const auto metric = static_cast<Metric>(i);
        EXPECT_EQ(parseMetric(toString(metric)), metric);
    }
    EXPECT_FALSE(parseMetric("bogus"));
}
