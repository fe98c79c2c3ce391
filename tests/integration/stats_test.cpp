#include "private_engine.hpp"

#include "isolens/core/stats/stats_collector.hpp"
#include "isolens/core/stats/stats_normalizer.hpp"

#include "run_command.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <future>
#include <thread>

using namespace isolens;
using namespace std::chrono_literals;

namespace {

std::string capture(const std::string& command)
{
    return runCommand(command).output;
}

// "608KiB / 23.54GiB" -> 622592 (the part before " / ").
double parseDockerBytes(const std::string& text)
{
    double value = 0;
    char unit[8] = {};
    std::sscanf(text.c_str(), "%lf%7[A-Za-z]", &value, unit);
    const std::string u = unit;
    const double scale = u == "KiB"   ? 1024.0
                         : u == "MiB" ? 1024.0 * 1024
                         : u == "GiB" ? 1024.0 * 1024 * 1024
                                      : 1.0;
    return value * scale;
}

double parseDockerPercent(const std::string& text)
{
    return std::stod(text.substr(0, text.find('%')));
}

// Two containers for the comparison: one spinning a CPU, one asleep with a memory limit.
class StatsAgainstDocker : public ::testing::Test {
protected:
    void SetUp() override
    {
        busyName_ = uniqueName("busy");
        idleName_ = uniqueName("idle");
        ContainerSpec busy;
        busy.name = busyName_;
        busy.image = privateEngine().testImage();
        busy.command = {"sh", "-c", "while :; do :; done"};
        ContainerSpec idle;
        idle.name = idleName_;
        idle.image = privateEngine().testImage();
        idle.command = {"sleep", "600"};
        idle.memoryBytes = 64 * 1024 * 1024;
        for (auto* spec : {&busy, &idle}) {
            auto created = client_.createContainer(*spec);
            ASSERT_TRUE(created) << created.error().describe();
            ids_.push_back(created.value().id);
            ASSERT_TRUE(client_.startContainer(created.value().id));
        }
        std::this_thread::sleep_for(1500ms); // let the busy loop reach full speed
    }
    void TearDown() override
    {
        for (const auto& id : ids_)
            (void)client_.removeContainer(id);
    }

    // docker stats --no-stream for both, as {name: {"CPUPerc": ..., "MemUsage": ...}}.
    std::map<std::string, nlohmann::json> dockerStats()
    {
        const auto output =
            capture("docker --host " + privateEngine().var("ISOLENS_TEST_DOCKER_HOST") +
                    " stats --no-stream --format '{{json .}}' " + busyName_ + " " + idleName_);
        std::map<std::string, nlohmann::json> rows;
        std::size_t start = 0;
        while (start < output.size()) {
            auto end = output.find('\n', start);
            if (end == std::string::npos)
                end = output.size();
            auto row = nlohmann::json::parse(output.substr(start, end - start), nullptr, false);
            if (row.is_object())
                rows[row["Name"].get<std::string>()] = row;
            start = end + 1;
        }
        return rows;
    }

    EngineClient client_ = privateEngine().client();
    std::string busyName_;
    std::string idleName_;
    std::vector<std::string> ids_;
};

// Tolerances: both tools sample the same engine but not at the same instant, so the busy CPU
// figure (about 100%) may differ by scheduling noise; memory of an idle busybox barely moves.
constexpr double kCpuTolerancePoints = 15.0;
constexpr double kMemoryToleranceBytes = 256 * 1024;

} // namespace

TEST_F(StatsAgainstDocker, NormalizedSamplesAgreeWithDockerStatsNoStream)
{
    auto busyRaw = std::async(std::launch::async, [&] { return client_.statsOnce(busyName_); });
    auto idleRaw = std::async(std::launch::async, [&] { return client_.statsOnce(idleName_); });
    const auto docker = dockerStats();
    auto busy = busyRaw.get();
    auto idle = idleRaw.get();
    ASSERT_TRUE(busy && idle);
    ASSERT_EQ(docker.size(), 2u);

    const auto ours = normalizeStats(busy.value(), EngineOs::Linux);
    const auto theirs = docker.at(busyName_);
    EXPECT_NEAR(ours.cpuPercent, parseDockerPercent(theirs["CPUPerc"]), kCpuTolerancePoints);
    EXPECT_GT(ours.cpuPercent, 80.0);
    EXPECT_NEAR(static_cast<double>(ours.memBytes), parseDockerBytes(theirs["MemUsage"]),
                kMemoryToleranceBytes);
    EXPECT_EQ(ours.pids, std::stoll(theirs["PIDs"].get<std::string>()));

    const auto quiet = normalizeStats(idle.value(), EngineOs::Linux);
    const auto quietTheirs = docker.at(idleName_);
    EXPECT_NEAR(quiet.cpuPercent, parseDockerPercent(quietTheirs["CPUPerc"]), 1.0);
    EXPECT_LT(quiet.cpuPercent, 5.0);
    EXPECT_NEAR(static_cast<double>(quiet.memBytes), parseDockerBytes(quietTheirs["MemUsage"]),
                kMemoryToleranceBytes);
    EXPECT_EQ(quiet.memLimitBytes, 64 * 1024 * 1024);
    ASSERT_TRUE(quiet.memPercent);
    EXPECT_NEAR(*quiet.memPercent, parseDockerPercent(quietTheirs["MemPerc"]), 0.5);
}

TEST_F(StatsAgainstDocker, TheCliTableAndJsonAgreeWithDockerStats)
{
    const auto host = privateEngine().var("ISOLENS_TEST_DOCKER_HOST");
    const auto table = capture(std::string(ISOLENS_CLI_PATH) + " --host " + host + " stats --no-stream " +
                               busyName_ + " " + idleName_);
    EXPECT_EQ(table.rfind("CONTAINER ID   NAME", 0), 0u) << table;
    EXPECT_NE(table.find("MEM USAGE / LIMIT"), std::string::npos);
    EXPECT_NE(table.find(busyName_), std::string::npos);
    EXPECT_NE(table.find("/ 64MiB"), std::string::npos) << table;

    auto json = std::async(std::launch::async, [&] {
        return capture(std::string(ISOLENS_CLI_PATH) + " --host " + host + " stats --no-stream --json " +
                       busyName_ + " " + idleName_);
    });
    const auto docker = dockerStats();
    const auto samples = nlohmann::json::parse(json.get());
    ASSERT_EQ(samples.size(), 2u);
    for (const auto& sample : samples) {
        const auto& theirs = docker.at(sample["name"].get<std::string>());
        EXPECT_NEAR(sample["cpu_percent"].get<double>(), parseDockerPercent(theirs["CPUPerc"]),
                    kCpuTolerancePoints);
        EXPECT_NEAR(sample["mem_bytes"].get<double>(), parseDockerBytes(theirs["MemUsage"]),
                    kMemoryToleranceBytes);
    }
}

TEST_F(StatsAgainstDocker, TheCollectorStreamsReportsAStopAndStops)
{
    std::mutex mutex;
    std::vector<CollectorEvent> events;
    auto shared = std::make_shared<EngineClient>(privateEngine().unixEndpoint());
    {
        StatsCollector collector(shared, EngineOs::Linux, [&](const CollectorEvent& event) {
            std::lock_guard lock(mutex);
            events.push_back(event);
        });
        collector.watch({ids_[0], busyName_, {}});
        collector.watch({ids_[0], busyName_, {}}); // watching twice is one stream
        EXPECT_EQ(collector.watched().size(), 1u);
        std::this_thread::sleep_for(2500ms);
        ASSERT_TRUE(client_.killContainer(ids_[0]));
        for (int i = 0; i < 50; ++i) {
            {
                std::lock_guard lock(mutex);
                if (!events.empty() && events.back().kind == CollectorEvent::Kind::Stopped)
                    break;
            }
            std::this_thread::sleep_for(100ms);
        }
        EXPECT_TRUE(collector.watched().size() == 1u);
        std::this_thread::sleep_for(2500ms); // past the stale time: an exit is not a gap
    }
    std::lock_guard lock(mutex);
    int validSamples = 0;
    for (const auto& event : events)
        if (event.kind == CollectorEvent::Kind::Sample && event.sample.valid) {
            ++validSamples;
            EXPECT_EQ(event.sample.name, busyName_);
        }
    EXPECT_GE(validSamples, 2);
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.back().kind, CollectorEvent::Kind::Stopped);
    ASSERT_TRUE(events.back().exit);
    EXPECT_EQ(events.back().exit->exitCode, 137);
    EXPECT_TRUE(events.back().exit->ranSeconds) << "the engine's start and finish times give how long it ran";
    for (const auto& event : events)
        EXPECT_NE(event.kind, CollectorEvent::Kind::Error) << (event.error ? event.error->message : "");
}

TEST_F(StatsAgainstDocker, ARunningContainersProcessesAreVisibleOnTheHost)
{
    const auto run = capture(std::string(ISOLENS_CLI_PATH) + " --host " +
                             privateEngine().var("ISOLENS_TEST_DOCKER_HOST") + " host --json --top 3");
    const auto json = nlohmann::json::parse(run.substr(run.find('{')));
    bool found = false;
    for (const auto& container : json["containers"]) {
        if (container["name"] != idleName_)
            continue;
        found = true;
        EXPECT_TRUE(container["visible_on_host"].get<bool>()) << container.dump();
        ASSERT_FALSE(container["host_pids"].empty());
        // The PID docker top reports is a host process running sleep.
        const int pid = container["host_pids"][0];
        std::ifstream comm("/proc/" + std::to_string(pid) + "/comm");
        std::string name;
        std::getline(comm, name);
        EXPECT_EQ(name, "sleep");
    }
    EXPECT_TRUE(found) << json["containers"].dump();
    EXPECT_GT(json["memory"]["total_bytes"].get<long long>(), 0);
    EXPECT_FALSE(json["cpu_percent"].is_null());
}
