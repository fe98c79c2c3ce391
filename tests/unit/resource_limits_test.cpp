#include "isolens/core/engine/resource_limits.hpp"

#include <gtest/gtest.h>

using namespace isolens;

TEST(ResourceLimits, MemoryAsDockerRunTakesIt)
{
    struct Case {
        const char* text;
        std::int64_t bytes;
    };
    const Case cases[] = {
        {"512m", 512ll << 20},   {"512M", 512ll << 20},  {"1g", 1ll << 30},      {"1.5g", 3ll << 29},
        {"256MiB", 256ll << 20}, {"256mb", 256ll << 20}, {"6m", 6ll << 20},      {"7340032", 7340032},
        {"7340032b", 7340032},   {"1t", 1ll << 40},      {"10240k", 10ll << 20},
    };
    for (const auto& c : cases) {
        const auto parsed = parseMemoryLimit(c.text);
        ASSERT_TRUE(parsed) << c.text << ": " << parsed.error().message;
        EXPECT_EQ(parsed.value(), c.bytes) << c.text;
    }
}

TEST(ResourceLimits, BadMemoryNamesTheTextAndSaysWhatToWrite)
{
    for (const char* text : {"", "m", "512x", "512 m", "-1g", "1..5g", ".5g", "5.g", "1mm", "5m", "1gb2"}) {
        const auto parsed = parseMemoryLimit(text);
        ASSERT_FALSE(parsed) << text;
        EXPECT_EQ(parsed.error().kind, ErrorKind::InvalidInput);
        EXPECT_NE(parsed.error().message.find("--memory"), std::string::npos) << parsed.error().message;
        EXPECT_NE(parsed.error().message.find(std::string("'") + text + "'"), std::string::npos);
        EXPECT_NE(parsed.error().hint.find("512m"), std::string::npos);
    }
}

TEST(ResourceLimits, CpusAsDockerRunTakesThem)
{
    struct Case {
        const char* text;
        std::int64_t nanoCpus;
    };
    const Case cases[] = {
        {"1", 1'000'000'000}, {"1.5", 1'500'000'000}, {"0.01", 10'000'000}, {"16", 16'000'000'000}};
    for (const auto& c : cases) {
        const auto parsed = parseCpuLimit(c.text);
        ASSERT_TRUE(parsed) << c.text;
        EXPECT_EQ(parsed.value(), c.nanoCpus) << c.text;
    }
    for (const char* text : {"", "0", "0.001", "1.5c", "-1", "one", "1,5"}) {
        const auto parsed = parseCpuLimit(text);
        ASSERT_FALSE(parsed) << text;
        EXPECT_NE(parsed.error().message.find("--cpus"), std::string::npos);
        EXPECT_FALSE(parsed.error().hint.empty());
    }
}

TEST(ResourceLimits, LimitsInWords)
{
    EXPECT_EQ(describeMemoryLimit(512ll << 20), "512 MiB");
    EXPECT_EQ(describeMemoryLimit(3ll << 29), "1.5 GiB");
    EXPECT_EQ(describeCpuLimit(1'000'000'000), "1 CPU");
    EXPECT_EQ(describeCpuLimit(1'500'000'000), "1.5 CPUs");
}
