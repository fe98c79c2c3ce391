#include "isolens/core/engine/pull_progress.hpp"

#include <gtest/gtest.h>

using namespace isolens;

TEST(PullEvent, ReadsStatusLayerAndProgress)
{
    auto event = parsePullEvent(
        R"({"status":"Downloading","progressDetail":{"current":500,"total":2000},"progress":"[==>  ]","id":"f79a6433a845"})");
    ASSERT_TRUE(event);
    EXPECT_EQ(event.value().layerId, "f79a6433a845");
    EXPECT_EQ(event.value().status, "Downloading");
    EXPECT_EQ(event.value().current, 500);
    EXPECT_EQ(event.value().total, 2000);
    EXPECT_FALSE(event.value().error);
}

TEST(PullEvent, ErrorsInsideTheStreamAreCaught)
{
    auto event =
        parsePullEvent(R"({"errorDetail":{"message":"no matching manifest for windows/amd64 10.0.17763 in )"
                       R"(the manifest list entries"},"error":"no matching manifest"})");
    ASSERT_TRUE(event);
    ASSERT_TRUE(event.value().error);
    EXPECT_EQ(*event.value().error,
              "no matching manifest for windows/amd64 10.0.17763 in the manifest list entries");

    auto bare = parsePullEvent(R"({"error":"toomanyrequests: slow down"})");
    ASSERT_TRUE(bare && bare.value().error);
    EXPECT_EQ(*bare.value().error, "toomanyrequests: slow down");
}

TEST(PullEvent, ToleratesOddFieldTypesAndRejectsNonObjects)
{
    auto odd = parsePullEvent(R"({"status":7,"progressDetail":{"current":"x","total":null}})");
    ASSERT_TRUE(odd);
    EXPECT_EQ(odd.value().current, 0);
    EXPECT_EQ(odd.value().status, "");
    for (const char* bad : {"", "[]", "not json", "42"}) {
        auto event = parsePullEvent(bad);
        ASSERT_FALSE(event) << bad;
        EXPECT_EQ(event.error().kind, ErrorKind::ProtocolError);
    }
}

TEST(PullProgressTracker, SumsLayersAndCountsFinishedOnes)
{
    PullProgressTracker tracker;
    auto apply = [&](const char* line) { tracker.apply(parsePullEvent(line).value()); };
    apply(R"({"status":"Pulling from isolens/busybox","id":"1.0"})");
    apply(R"({"status":"Pulling fs layer","id":"a"})");
    apply(R"({"status":"Pulling fs layer","id":"b"})");
    EXPECT_EQ(tracker.layers().size(), 2u);
    EXPECT_DOUBLE_EQ(tracker.fraction(), 0.0);
    apply(R"({"status":"Downloading","progressDetail":{"current":50,"total":100},"id":"a"})");
    EXPECT_NEAR(tracker.fraction(), 0.5 * 0.9 / 2, 1e-9);
    apply(R"({"status":"Already exists","id":"b"})");
    apply(R"({"status":"Pull complete","id":"a"})");
    EXPECT_DOUBLE_EQ(tracker.fraction(), 1.0);
    EXPECT_EQ(tracker.layersDone(), 2);
}

TEST(PullProgressTracker, NeverLeavesZeroToOneWhateverTheEngineSays)
{
    // Found by fuzzing: "current" above "total" made the bar run past 100%.
    PullProgressTracker tracker;
    tracker.apply(
        parsePullEvent(R"({"status":"Downloading","progressDetail":{"current":250,"total":200},"id":"a"})")
            .value());
    EXPECT_LE(tracker.fraction(), 1.0);
    EXPECT_GE(tracker.fraction(), 0.0);
    tracker.apply(
        parsePullEvent(R"({"status":"Downloading","progressDetail":{"current":-5,"total":200},"id":"b"})")
            .value());
    EXPECT_GE(tracker.fraction(), 0.0);
    EXPECT_LE(tracker.fraction(), 1.0);
}

TEST(PullProgress, ALineWithANulByteIsNoJson)
{
    EXPECT_FALSE(parsePullEvent(std::string_view("{\"status\":\"Pulling fs layer\"}\0junk", 34)));
}
