// The Windows host metrics and OS facts for real (under Wine in CI), including Wine's missing PDH.
#include "isolens/core/host/host_metrics.hpp"
#include "isolens/core/host/host_os.hpp"
#include "isolens/core/host/vm_worker_counters.hpp"
#include "isolens/core/platform/windows_runtime.hpp"

#include <gtest/gtest.h>

#include <windows.h>

#include <pdh.h>

#include <thread>

using namespace isolens;
using namespace std::chrono_literals;

TEST(WindowsHost, ProcessListCpuAndMemory)
{
    auto metrics = makeHostMetrics();
    auto first = metrics->sample();
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_FALSE(first.value().cpuPercent);
    std::this_thread::sleep_for(1100ms);
    auto second = metrics->sample();
    ASSERT_TRUE(second) << second.error().message;
    const auto& host = second.value();
    ASSERT_TRUE(host.cpuPercent);
    EXPECT_GE(*host.cpuPercent, 0.0);
    EXPECT_LE(*host.cpuPercent, 100.0);
    EXPECT_GT(host.logicalCpus, 0);

    MEMORYSTATUSEX memory{};
    memory.dwLength = sizeof memory;
    ASSERT_TRUE(GlobalMemoryStatusEx(&memory));
    EXPECT_EQ(host.memoryTotalBytes, static_cast<std::int64_t>(memory.ullTotalPhys));
    EXPECT_GT(host.memoryAvailableBytes, 0);

    const auto* self = host.process(static_cast<int>(GetCurrentProcessId()));
    ASSERT_NE(self, nullptr);
    EXPECT_EQ(self->name, "isolens_unit_tests.exe");
    ASSERT_TRUE(self->workingSetBytes);
    EXPECT_GT(*self->workingSetBytes, 0);
    EXPECT_NE(self->imagePath.find("isolens_unit_tests.exe"), std::string::npos) << self->imagePath;
    EXPECT_TRUE(self->cpuPercent) << "a process seen in both samples has a rate";
    // The token user's SID, as utility VM attribution compares it (S-1-5-83-1-… for a vmmem).
    EXPECT_EQ(self->ownerSid.rfind("S-1-5-", 0), 0u) << self->ownerSid;
    EXPECT_GT(host.processes.size(), 1u);
}

TEST(WindowsHost, VmWorkerCountersDegradeCleanly)
{
    // Our own process stands in for a VM worker; its memory is readable, so PDH is not needed.
    auto readable = makeHostMetrics({"isolens_unit_tests.exe"});
    auto sample = readable->sample();
    ASSERT_TRUE(sample);
    ASSERT_EQ(sample.value().vmWorkers().size(), 1u);
    EXPECT_TRUE(sample.value().vmWorkers()[0]->workingSetBytes);

    // A worker whose memory is unreadable needs PDH: under Wine that is reported, never a crash or zero.
    if (const auto wine = wineVersion()) {
        auto counters = readVmWorkerCounters();
        ASSERT_FALSE(counters);
        EXPECT_NE(counters.error().message.find("unavailable under Wine"), std::string::npos)
            << counters.error().message;
        // And Wine's PDH really lacks the counter IsoLens would have asked for (REFERENCE.md §4).
        PDH_HQUERY query = nullptr;
        ASSERT_EQ(PdhOpenQueryW(nullptr, 0, &query), static_cast<PDH_STATUS>(ERROR_SUCCESS));
        PDH_HCOUNTER counter = nullptr;
        EXPECT_NE(PdhAddEnglishCounterW(query, L"\\Process(vmmem*)\\Working Set - Private", 0, &counter),
                  static_cast<PDH_STATUS>(ERROR_SUCCESS));
        PdhCloseQuery(query);
    } else {
        EXPECT_TRUE(readVmWorkerCounters()) << "on Windows the counters exist, with or without vmmem";
    }
}

TEST(WindowsHost, DetectsWine)
{
    // CI runs these tests under Wine; on a real Windows machine there is no Wine version.
    const auto wine = wineVersion();
    if (std::getenv("ISOLENS_EXPECT_WINE")) {
        ASSERT_TRUE(wine) << "ISOLENS_EXPECT_WINE is set but wine_get_version is missing";
        EXPECT_FALSE(wine->empty());
    }
}

TEST(WindowsHost, OsBuildFromRtlGetVersion)
{
    const auto os = readHostOs();
    EXPECT_EQ(os.family, "windows");
    EXPECT_GT(os.build, 0u);
    EXPECT_EQ(os.version.rfind(std::to_string(os.build)) != std::string::npos, true) << os.version;
    // Wine's registry has no UBR: the revision is then absent rather than invented.
    if (wineVersion()) {
        EXPECT_FALSE(os.revision) << *os.revision;
    }
}
