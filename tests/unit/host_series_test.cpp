#include "isolens/core/host/host_series.hpp"

#include <gtest/gtest.h>

using namespace isolens;

namespace {

HostProcess process(int pid, const std::string& name, std::optional<double> cpu,
                    std::optional<std::int64_t> workingSet, bool vmWorker)
{
    HostProcess p;
    p.pid = pid;
    p.name = name;
    p.cpuPercent = cpu;
    p.workingSetBytes = workingSet;
    p.vmWorker = vmWorker;
    return p;
}

HostSnapshot snapshot(std::optional<double> cpu, std::vector<HostProcess> processes)
{
    HostSnapshot host;
    host.timeNanos = 5'000'000'000;
    host.logicalCpus = 8;
    host.cpuPercent = cpu;
    host.memoryTotalBytes = 16'000;
    host.memoryUsedBytes = 6'000;
    host.memoryAvailableBytes = 10'000;
    host.processes = std::move(processes);
    return host;
}

const StatsSample* find(const HostSeriesSamples& out, const std::string& key)
{
    for (const auto& [name, sample] : out.samples)
        if (name == key)
            return &sample;
    return nullptr;
}

} // namespace

TEST(HostSeries, FirstSnapshotHasNoHostFigureYet)
{
    const auto out = hostSeriesSamples(snapshot(std::nullopt, {}), std::nullopt);
    EXPECT_EQ(find(out, kHostSeries), nullptr);
    EXPECT_TRUE(out.samples.empty());
    EXPECT_EQ(out.tax.explanation, "no Hyper-V container is running");
}

TEST(HostSeries, HostCpuAndMemoryInUse)
{
    const auto out = hostSeriesSamples(snapshot(42.5, {process(1, "init", 1.0, 100, false)}), std::nullopt);
    const auto* host = find(out, kHostSeries);
    ASSERT_NE(host, nullptr);
    EXPECT_TRUE(host->valid);
    EXPECT_DOUBLE_EQ(host->cpuHostPercent, 42.5);
    EXPECT_DOUBLE_EQ(host->cpuPercent, 42.5);
    EXPECT_EQ(host->memBytes, 6'000);
    EXPECT_EQ(host->memLimitBytes, 16'000);
    EXPECT_EQ(host->timeNanos, 5'000'000'000);
    EXPECT_EQ(find(out, kVmWorkerSeries), nullptr) << "no VM worker, no series";
}

TEST(HostSeries, VmWorkersAreSummedAndUnreadableFiguresCountAsUnknownNotAsAFigure)
{
    const auto out = hostSeriesSamples(
        snapshot(10.0, {process(1, "vmmem", 3.0, 400, true), process(2, "vmwp.exe", 0.5, std::nullopt, true),
                        process(3, "explorer.exe", 9.0, 900, false)}),
        std::nullopt);
    const auto* workers = find(out, kVmWorkerSeries);
    ASSERT_NE(workers, nullptr);
    EXPECT_DOUBLE_EQ(workers->cpuHostPercent, 3.5);
    EXPECT_EQ(workers->memBytes, 400);
}

TEST(HostSeries, IsolationTaxWhenTheUtilityVmCanBeToldApart)
{
    const auto one = hostSeriesSamples(snapshot(10.0, {process(7, "vmmem", 2.0, 300'000'000, true)}),
                                       std::int64_t{40'000'000});
    const auto* tax = find(one, kIsolationTaxSeries);
    ASSERT_NE(tax, nullptr);
    EXPECT_EQ(tax->memBytes, 260'000'000);
    EXPECT_EQ(one.tax.explanation, "the only utility VM running");

    const auto two = hostSeriesSamples(snapshot(10.0, {process(7, "vmmem", 2.0, 300'000'000, true),
                                                       process(8, "vmmem", 2.0, 500'000'000, true)}),
                                       std::int64_t{40'000'000});
    EXPECT_EQ(find(two, kIsolationTaxSeries), nullptr);
    EXPECT_EQ(two.tax.explanation, "ambiguous: 2 utility VMs");

    const auto attributed = hostSeriesSamples(
        snapshot(10.0,
                 {process(7, "vmmem", 2.0, 300'000'000, true), process(8, "vmmem", 2.0, 500'000'000, true)}),
        std::int64_t{40'000'000}, UtilityVmAttribution{8, AttributionGap::None, "S-1-5-83-1-1-2-3-4"});
    ASSERT_NE(find(attributed, kIsolationTaxSeries), nullptr);
    EXPECT_EQ(find(attributed, kIsolationTaxSeries)->memBytes, 460'000'000);
}
