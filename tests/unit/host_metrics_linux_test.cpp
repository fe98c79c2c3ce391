#include "isolens/core/host/host_metrics.hpp"

#include "run_command.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <thread>

using namespace isolens;
using namespace std::chrono_literals;

namespace {

std::string capture(const std::string& command)
{
    return runCommand(command).output;
}

} // namespace

TEST(LinuxHostMetrics, MemoryAgreesWithFree)
{
    auto metrics = makeHostMetrics();
    auto sample = metrics->sample();
    ASSERT_TRUE(sample) << sample.error().message;
    // free -b: "Mem: total used free shared buff/cache available"
    long long total = 0, used = 0, available = 0, free = 0, shared = 0, cache = 0;
    const auto line = capture("free -b | sed -n 2p");
    ASSERT_EQ(std::sscanf(line.c_str(), "Mem: %lld %lld %lld %lld %lld %lld", &total, &used, &free, &shared,
                          &cache, &available),
              6)
        << line;
    EXPECT_EQ(sample.value().memoryTotalBytes, total);
    EXPECT_NEAR(static_cast<double>(sample.value().memoryAvailableBytes), static_cast<double>(available),
                64.0 * 1024 * 1024);
    EXPECT_EQ(sample.value().memoryUsedBytes,
              sample.value().memoryTotalBytes - sample.value().memoryAvailableBytes);
    EXPECT_EQ(sample.value().logicalCpus, static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN)));
    EXPECT_FALSE(sample.value().cpuPercent) << "no rate from a single sample";
}

TEST(LinuxHostMetrics, ProcessesAgreeWithPs)
{
    auto metrics = makeHostMetrics();
    auto sample = metrics->sample();
    ASSERT_TRUE(sample);
    const auto* self = sample.value().process(getpid());
    ASSERT_NE(self, nullptr);
    EXPECT_EQ(self->parentPid, getppid());
    EXPECT_EQ(self->name, "isolens_unit_te"); // comm: the first 15 characters
    EXPECT_NE(self->imagePath.find("isolens_unit_tests"), std::string::npos) << self->imagePath;
    ASSERT_TRUE(self->workingSetBytes);
    const auto rssKilobytes = std::stoll(capture("ps -o rss= -p " + std::to_string(getpid())));
    EXPECT_NEAR(static_cast<double>(*self->workingSetBytes), rssKilobytes * 1024.0, 8.0 * 1024 * 1024);
    const auto psCount = std::stoul(capture("ps -e --no-headers | wc -l"));
    EXPECT_NEAR(static_cast<double>(sample.value().processes.size()), static_cast<double>(psCount), 10.0);
}

TEST(LinuxHostMetrics, RatesComeFromTwoSamplesAndSeeABusyProcess)
{
    const pid_t spinner = fork();
    ASSERT_GE(spinner, 0);
    if (spinner == 0) {
        std::atomic<unsigned long> spins{0};
        for (;;)
            spins.fetch_add(1, std::memory_order_relaxed);
    }
    auto metrics = makeHostMetrics();
    ASSERT_TRUE(metrics->sample());
    std::this_thread::sleep_for(1s);
    auto second = metrics->sample();
    kill(spinner, SIGKILL);
    waitpid(spinner, nullptr, 0);
    ASSERT_TRUE(second);
    ASSERT_TRUE(second.value().cpuPercent);
    EXPECT_GE(*second.value().cpuPercent, 100.0 / second.value().logicalCpus * 0.2);
    EXPECT_LE(*second.value().cpuPercent, 100.0);
    const auto* busy = second.value().process(spinner);
    ASSERT_NE(busy, nullptr);
    ASSERT_TRUE(busy->cpuPercent);
    // One spinning thread is at most one CPU: 100 / logical CPUs of the host. A loaded machine gives it
    // less, but never next to nothing.
    const double oneCpu = 100.0 / second.value().logicalCpus;
    EXPECT_GE(*busy->cpuPercent, oneCpu * 0.2);
    EXPECT_LE(*busy->cpuPercent, oneCpu * 1.05);
}

TEST(LinuxHostMetrics, ConfiguredPatternsMarkVmWorkers)
{
    auto metrics = makeHostMetrics({"isolens_unit_te*"});
    auto sample = metrics->sample();
    ASSERT_TRUE(sample);
    const auto workers = sample.value().vmWorkers();
    ASSERT_FALSE(workers.empty());
    EXPECT_EQ(workers.front()->pid, getpid());
}

TEST(HostCommand, AProcessNamedWithBytesThatAreNotUtf8IsListedAsValidJson)
{
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        prctl(PR_SET_NAME, "iso\xff\x1b[2Jx", 0, 0, 0);
        for (;;)
            pause();
    }
    std::this_thread::sleep_for(100ms); // its new name is in /proc
    // No engine: the host part must stand alone. stderr is left out, stdout must be one JSON document.
    auto run = runCommand("(DOCKER_HOST=unix:///nonexistent/docker.sock " + std::string(ISOLENS_CLI_PATH) +
                          " host --json --top 10000 2>/dev/null)");
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    ASSERT_EQ(run.exitCode, 0) << run.output;
    auto parsed = nlohmann::json::parse(run.output, nullptr, /*allow_exceptions=*/false);
    ASSERT_FALSE(parsed.is_discarded()) << run.output;
    std::string name;
    for (const auto& process : parsed["busiest"])
        if (process.value("pid", 0) == child)
            name = process.value("name", "");
    EXPECT_EQ(name, "iso\xef\xbf\xbd\x1b[2Jx") << "the bad byte is U+FFFD in JSON, the rest as it was";
}
