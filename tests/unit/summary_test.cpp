#include "isolens/core/analysis/summary.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace isolens;

TEST(Summary, MeanP95PeakLast)
{
    std::vector<double> values;
    for (int i = 1; i <= 100; ++i)
        values.push_back(i);
    const auto summary = summarize(values);
    EXPECT_EQ(summary.count, 100u);
    EXPECT_DOUBLE_EQ(summary.mean, 50.5);
    EXPECT_DOUBLE_EQ(summary.p95, 95.0);
    EXPECT_DOUBLE_EQ(summary.peak, 100.0);
    EXPECT_DOUBLE_EQ(summary.last, 100.0);
}

TEST(Summary, GapsAreIgnoredAndEmptyIsZero)
{
    const auto summary = summarize({3.0, std::nan(""), 1.0, std::nan("")});
    EXPECT_EQ(summary.count, 2u);
    EXPECT_DOUBLE_EQ(summary.mean, 2.0);
    EXPECT_DOUBLE_EQ(summary.last, 1.0);
    EXPECT_DOUBLE_EQ(summary.p95, 3.0);
    EXPECT_EQ(summarize({}).count, 0u);
    EXPECT_DOUBLE_EQ(summarize({7.0}).p95, 7.0);
}

struct PublishedRow {
    const char* image;
    double hyperVMegabytes;
    double processMegabytes;
    const char* published; // the article's own difference column
};

// The figures of the blog article "Docker Bootcamp – Container Isolation Modes" (not measured here).
// Our formula must reproduce the article's difference column from its own memory columns.
TEST(Difference, ReproducesThePublishedTable)
{
    const PublishedRow rows[] = {{"nanoserver:ltsc2022", 246, 29, "88%"},
                                 {"server:ltsc2022", 536, 71, "86%"},
                                 {"servercore:ltsc2022", 400, 45, "88%"}};
    for (const auto& row : rows) {
        const auto sentence = describeDifference("Hyper-V isolation", "process isolation", "memory",
                                                 row.hyperVMegabytes, row.processMegabytes);
        EXPECT_EQ(sentence, std::string("process isolation used ") + row.published +
                                " less memory than Hyper-V isolation")
            << row.image;
    }
}

TEST(Difference, MoreSameAndUndefined)
{
    EXPECT_NEAR(*percentDifference(200, 50), 75.0, 1e-12);
    EXPECT_NEAR(*percentDifference(50, 200), -300.0, 1e-12);
    EXPECT_FALSE(percentDifference(0, 10));
    EXPECT_EQ(describeDifference("runc", "isolens-vm", "CPU", 10, 25),
              "isolens-vm used 150% more CPU than runc");
    EXPECT_EQ(describeDifference("A", "B", "memory", 100, 99.5), "B used about the same memory as A");
    EXPECT_EQ(describeDifference("A", "B", "memory", 0, 5), "no comparison: A used no memory");
}
