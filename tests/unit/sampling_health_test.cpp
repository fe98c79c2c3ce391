#include "isolens/core/series/sampling_health.hpp"

#include <gtest/gtest.h>

using namespace isolens;

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;

StatsSample sampleAt(std::int64_t timeNanos)
{
    StatsSample sample;
    sample.timeNanos = timeNanos;
    sample.valid = true;
    sample.memBytes = 1000;
    return sample;
}

} // namespace

TEST(SamplingHealth, FromTheNewestPoint)
{
    SeriesStore store;
    EXPECT_EQ(seriesHealth(store, "a", 10 * kSecond).freshness, Freshness::NoSamples);
    EXPECT_EQ(describeHealth(seriesHealth(store, "a", 10 * kSecond)), "no samples yet");

    store.addSample("a", sampleAt(100 * kSecond));
    struct Case {
        std::int64_t now;
        Freshness expected;
        const char* text;
    };
    for (const auto& c :
         {Case{100 * kSecond, Freshness::Live, "live"}, Case{102 * kSecond, Freshness::Live, "live"},
          Case{102 * kSecond + 1, Freshness::Stale, "stale 2 s"},
          Case{107 * kSecond, Freshness::Stale, "stale 7 s"},
          Case{1000 * kSecond, Freshness::Stale, "stale 900 s"}}) {
        const auto health = seriesHealth(store, "a", c.now);
        EXPECT_EQ(health.freshness, c.expected) << c.now;
        EXPECT_EQ(describeHealth(health), c.text) << c.now;
    }
    store.addGap("a", 101 * kSecond);
    EXPECT_EQ(seriesHealth(store, "a", 101 * kSecond).freshness, Freshness::Gap);
    store.addSample("a", sampleAt(103 * kSecond));
    EXPECT_EQ(seriesHealth(store, "a", 104 * kSecond).freshness, Freshness::Live);
}
