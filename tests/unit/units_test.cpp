#include "isolens/core/base/units.hpp"

#include <gtest/gtest.h>

using namespace isolens;

TEST(FormatBytes, UsesBinaryUnitsLikeDockerStats)
{
    const std::pair<std::int64_t, const char*> cases[] = {
        {0, "0 B"},           {1023, "1023 B"},           {1024, "1.00 KiB"},
        {1536, "1.50 KiB"},   {568 * 1024, "568.00 KiB"}, {25276518400, "23.54 GiB"},
        {-2048, "-2.00 KiB"},
    };
    for (const auto& [bytes, text] : cases)
        EXPECT_EQ(formatBytes(bytes), text) << bytes;
}

TEST(WholeMilliseconds, RoundsHalvesAwayFromZero)
{
    struct Case {
        double millis;
        const char* text;
    };
    const Case cases[] = {{0.0, "0"},     {135.4, "135"}, {135.7, "136"},
                          {120.5, "121"}, {2.5, "3"},     {-0.5, "-1"}};
    for (const auto& c : cases)
        EXPECT_EQ(wholeMilliseconds(c.millis), c.text) << c.millis;
}

TEST(DockerSizes, RenderLikeTheDockerCli)
{
    EXPECT_EQ(dockerBytesSize(0), "0B");
    EXPECT_EQ(dockerBytesSize(568 * 1024), "568KiB");
    EXPECT_EQ(dockerBytesSize(25276518400.0), "23.54GiB");
    EXPECT_EQ(dockerBytesSize(1536), "1.5KiB");
    EXPECT_EQ(dockerHumanSize(0), "0B");
    EXPECT_EQ(dockerHumanSize(1234), "1.23kB");
    EXPECT_EQ(dockerHumanSize(45'600'000), "45.6MB");
    EXPECT_EQ(dockerHumanSize(999), "999B");
}
