// Direct collection from cgroup files against the engine's own stats, for the same container.
#include "private_engine.hpp"

#include "isolens/core/stats/cgroup_stats.hpp"
#include "isolens/core/stats/stats_normalizer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>

using namespace isolens;

namespace {

struct RunningContainer {
    std::string id;
    int pid = 0;
};

RunningContainer runContainer(EngineClient& client, const std::vector<std::string>& command)
{
    ContainerSpec spec;
    spec.image = privateEngine().testImage();
    spec.command = command;
    auto created = client.createContainer(spec);
    if (!created)
        return {};
    if (!client.startContainer(created.value().id))
        return {created.value().id, 0};
    auto details = client.inspectContainer(created.value().id);
    return {created.value().id, details ? details.value().pid : 0};
}

} // namespace

TEST(DirectStats, MatchesTheEnginesFiguresForTheSameContainer)
{
    auto client = privateEngine().client();
    const auto container = runContainer(client, {"sleep", "600"});
    ASSERT_GT(container.pid, 0);
    std::this_thread::sleep_for(std::chrono::seconds(1));
    auto reader = DirectStatsReader::open(container.pid, container.id, "direct");
    ASSERT_TRUE(reader) << reader.error().message;
    ASSERT_TRUE(reader.value().read());
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    // The engine reads the same files at some moment between two direct readings: its figures lie
    // between them (counters) or at them (what an idle container does not change).
    auto before = reader.value().read();
    ASSERT_TRUE(before) << before.error().message;
    auto engine = client.statsOnce(container.id);
    ASSERT_TRUE(engine) << engine.error().message;
    auto after = reader.value().read();
    ASSERT_TRUE(after) << after.error().message;

    const auto first = normalizeStats(before.value(), EngineOs::Linux);
    const auto last = normalizeStats(after.value(), EngineOs::Linux);
    const auto fromEngine = normalizeStats(engine.value(), EngineOs::Linux);
    EXPECT_TRUE(first.valid);
    EXPECT_GT(first.memBytes, 0);
    auto between = [](auto low, auto value, auto high, auto slack) {
        return std::min(low, high) - slack <= value && value <= std::max(low, high) + slack;
    };
    EXPECT_TRUE(between(first.memBytes, fromEngine.memBytes, last.memBytes, std::int64_t{16 * 1024}))
        << first.memBytes << " " << fromEngine.memBytes << " " << last.memBytes;
    EXPECT_EQ(first.memLimitBytes, fromEngine.memLimitBytes);
    EXPECT_EQ(first.pids, fromEngine.pids);
    EXPECT_TRUE(between(first.netRxBytes, fromEngine.netRxBytes, last.netRxBytes, std::int64_t{0}));
    EXPECT_TRUE(between(first.netTxBytes, fromEngine.netTxBytes, last.netTxBytes, std::int64_t{0}));
    EXPECT_TRUE(
        between(first.blockReadBytes, fromEngine.blockReadBytes, last.blockReadBytes, std::int64_t{0}));
    EXPECT_TRUE(
        between(first.blockWriteBytes, fromEngine.blockWriteBytes, last.blockWriteBytes, std::int64_t{0}));
    EXPECT_DOUBLE_EQ(first.hostCpus, fromEngine.hostCpus);
    EXPECT_LT(first.cpuPercent, 5.0);
    const auto counter = [](const nlohmann::json& document) {
        return document["cpu_stats"]["cpu_usage"]["total_usage"].get<std::uint64_t>();
    };
    EXPECT_TRUE(
        between(counter(before.value()), counter(engine.value()), counter(after.value()), std::uint64_t{0}))
        << "the engine's CPU counter lies between the two direct readings: " << counter(before.value()) << " "
        << counter(engine.value()) << " " << counter(after.value());
    // A PID that is not the container's (as a remote engine's would be here) is refused, not misread.
    auto wrong = DirectStatsReader::open(container.pid, std::string(64, 'f'), "other");
    ASSERT_FALSE(wrong);
    EXPECT_NE(wrong.error().message.find("only on the engine's own host"), std::string::npos);
    (void)client.removeContainer(container.id, true);
}

TEST(DirectStats, ABusyContainersCpuAgreesWithTheEngine)
{
    auto client = privateEngine().client();
    const auto container = runContainer(client, {"sh", "-c", "while true; do :; done"});
    ASSERT_GT(container.pid, 0);
    auto reader = DirectStatsReader::open(container.pid, container.id, "busy");
    ASSERT_TRUE(reader) << reader.error().message;
    ASSERT_TRUE(reader.value().read());
    std::this_thread::sleep_for(std::chrono::seconds(1));
    auto direct = reader.value().read();
    ASSERT_TRUE(direct);
    auto engine = client.statsOnce(container.id); // the engine's own one-second interval
    ASSERT_TRUE(engine);
    const auto fromFiles = normalizeStats(direct.value(), EngineOs::Linux);
    const auto fromEngine = normalizeStats(engine.value(), EngineOs::Linux);
    EXPECT_GT(fromFiles.cpuPercent, 50.0);
    EXPECT_NEAR(fromFiles.cpuPercent, fromEngine.cpuPercent, 20.0);
    (void)client.removeContainer(container.id, true);
}
