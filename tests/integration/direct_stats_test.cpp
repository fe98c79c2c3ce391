// Direct collection from cgroup files against the engine's own stats, for the same container.
#include "private_engine.hpp"

#include "isolens/core/cgroup_stats.hpp"
#include "isolens/core/stats_normalizer.hpp"

#include <gtest/gtest.h>

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
    const auto container =
        runContainer(client, {"sh", "-c", "head -c 3000000 /dev/zero > /tmp/fill; sleep 600"});
    ASSERT_GT(container.pid, 0);
    std::this_thread::sleep_for(std::chrono::seconds(1));
    auto reader = DirectStatsReader::open(container.pid, container.id, "direct");
    ASSERT_TRUE(reader) << reader.error().message;
    ASSERT_TRUE(reader.value().read());
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    auto direct = reader.value().read();
    ASSERT_TRUE(direct) << direct.error().message;
    auto engine = client.statsOnce(container.id);
    ASSERT_TRUE(engine) << engine.error().message;

    const auto fromFiles = normalizeStats(direct.value(), EngineOs::Linux);
    const auto fromEngine = normalizeStats(engine.value(), EngineOs::Linux);
    EXPECT_TRUE(fromFiles.valid);
    // The same files, read a moment apart, of a container doing nothing: the same figures.
    EXPECT_NEAR(static_cast<double>(fromFiles.memBytes), static_cast<double>(fromEngine.memBytes),
                64 * 1024.0);
    EXPECT_GT(fromFiles.memBytes, 0);
    EXPECT_EQ(fromFiles.memLimitBytes, fromEngine.memLimitBytes);
    EXPECT_EQ(fromFiles.pids, fromEngine.pids);
    EXPECT_EQ(fromFiles.netRxBytes, fromEngine.netRxBytes);
    EXPECT_EQ(fromFiles.netTxBytes, fromEngine.netTxBytes);
    EXPECT_EQ(fromFiles.blockReadBytes, fromEngine.blockReadBytes);
    EXPECT_EQ(fromFiles.blockWriteBytes, fromEngine.blockWriteBytes);
    EXPECT_DOUBLE_EQ(fromFiles.hostCpus, fromEngine.hostCpus);
    EXPECT_LT(fromFiles.cpuPercent, 5.0);
    // A PID that is not the container's (as a remote engine's would be here) is refused, not misread.
    auto wrong = DirectStatsReader::open(container.pid, std::string(64, 'f'), "other");
    ASSERT_FALSE(wrong);
    EXPECT_NE(wrong.error().message.find("only on the engine's own host"), std::string::npos);
    EXPECT_EQ(direct.value()["cpu_stats"]["cpu_usage"]["total_usage"],
              engine.value()["cpu_stats"]["cpu_usage"]["total_usage"])
        << "an idle container's CPU counter does not move between the two reads";
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
