#include "isolens/core/base/saturating.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace isolens;

namespace {

constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
constexpr auto kMin = std::numeric_limits<std::int64_t>::min();

struct Case {
    std::int64_t a, b, expected;
};

} // namespace

TEST(Saturating, AddStopsAtTheLimits)
{
    const Case cases[] = {
        {1, 2, 3},          {kMax, 1, kMax},  {kMax - 1, 1, kMax}, {kMax, kMax, kMax},   {kMin, -1, kMin},
        {kMin, kMin, kMin}, {kMin, kMax, -1}, {kMax, kMin, -1},    {kMin + 1, -1, kMin}, {-5, 3, -2},
        {0, kMin, kMin},
    };
    for (const auto& c : cases)
        EXPECT_EQ(saturating::add(c.a, c.b), c.expected) << c.a << " + " << c.b;
}

TEST(Saturating, SubStopsAtTheLimits)
{
    const Case cases[] = {
        {5, 3, 2},       {kMax, -1, kMax}, {kMin, 1, kMin},  {kMax, kMin, kMax}, {kMin, kMax, kMin},
        {0, kMin, kMax}, {-1, kMin, kMax}, {-1, kMax, kMin}, {kMin, kMin, 0},    {kMax, kMax, 0},
    };
    for (const auto& c : cases)
        EXPECT_EQ(saturating::sub(c.a, c.b), c.expected) << c.a << " - " << c.b;
}

TEST(Saturating, MulStopsAtTheLimits)
{
    const Case cases[] = {
        {6, 7, 42},      {kMax, 2, kMax}, {kMax, -2, kMin},  {kMin, -1, kMax},
        {kMin, 1, kMin}, {kMin, 2, kMin}, {-kMax, -2, kMax}, {kMax / 1024 + 1, 1024, kMax},
        {0, kMin, 0},    {-3, 4, -12},    {-1, kMax, -kMax},
    };
    for (const auto& c : cases)
        EXPECT_EQ(saturating::mul(c.a, c.b), c.expected) << c.a << " * " << c.b;
}

TEST(Saturating, DoublesClampToTheIntegerRange)
{
    EXPECT_EQ(saturating::fromDouble<int>(1e300), std::numeric_limits<int>::max());
    EXPECT_EQ(saturating::fromDouble<int>(-1e300), std::numeric_limits<int>::min());
    EXPECT_EQ(saturating::fromDouble<int>(2147483648.0), std::numeric_limits<int>::max());
    EXPECT_EQ(saturating::fromDouble<int>(2147483647.9), std::numeric_limits<int>::max());
    EXPECT_EQ(saturating::fromDouble<int>(-2147483648.9), std::numeric_limits<int>::min());
    EXPECT_EQ(saturating::fromDouble<int>(-7.9), -7);
    EXPECT_EQ(saturating::fromDouble<int>(std::nan("")), 0);
    EXPECT_EQ(saturating::fromDouble<std::int64_t>(9.2233720368547758e18), kMax);
    EXPECT_EQ(saturating::fromDouble<std::int64_t>(-9.2233720368547758e18), kMin);
    EXPECT_EQ(saturating::fromDouble<std::int64_t>(std::numeric_limits<double>::infinity()), kMax);
    EXPECT_EQ(saturating::fromDouble<std::uint64_t>(1.8446744073709552e19), UINT64_MAX);
    EXPECT_EQ(saturating::fromDouble<std::uint64_t>(-1.0), 0u);
    EXPECT_EQ(saturating::fromDouble<std::uint64_t>(-0.5), 0u);
    EXPECT_EQ(saturating::fromDouble<std::uint32_t>(1e300), UINT32_MAX);
}

TEST(Saturating, IntegersClampToTheNarrowerType)
{
    EXPECT_EQ(saturating::clamp<int>(std::int64_t{1} << 40), std::numeric_limits<int>::max());
    EXPECT_EQ(saturating::clamp<int>(-(std::int64_t{1} << 40)), std::numeric_limits<int>::min());
    EXPECT_EQ(saturating::clamp<int>(-12), -12);
    EXPECT_EQ(saturating::clamp<std::int64_t>(UINT64_MAX), kMax);
    EXPECT_EQ(saturating::clamp<std::uint64_t>(kMin), 0u);
    EXPECT_EQ(saturating::clamp<std::uint32_t>(UINT64_MAX), UINT32_MAX);
    EXPECT_EQ(saturating::clamp<std::uint32_t>(std::uint64_t{16}), 16u);
    EXPECT_EQ(saturating::clamp<std::int64_t>(kMin), kMin);
}
