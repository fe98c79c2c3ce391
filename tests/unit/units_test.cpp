#include "isolens/core/units.hpp"

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
