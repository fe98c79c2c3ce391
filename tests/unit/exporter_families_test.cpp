#include "isolens/core/exporter/container_figures.hpp"
#include "isolens/core/exporter/exporter.hpp"
#include "isolens/core/exporter/exporter_state.hpp"
#include "isolens/core/exporter/host_families.hpp"
#include "isolens/core/exporter/host_watcher.hpp"

#include <gtest/gtest.h>
#include <prometheus/check_names.h>

#include <algorithm>
#include <map>
#include <set>

using namespace isolens;

namespace {

const prometheus::MetricFamily& family(const std::vector<prometheus::MetricFamily>& families,
                                       const std::string& name)
{
    auto it = std::find_if(families.begin(), families.end(), [&](const auto& f) { return f.name == name; });
    if (it == families.end())
        throw std::runtime_error("no family " + name);
    return *it;
}

std::map<std::string, std::string> labels(const prometheus::ClientMetric& metric)
{
    std::map<std::string, std::string> out;
    for (const auto& label : metric.label)
        out[label.name] = label.value;
    return out;
}

ContainerFigures hyperVContainer()
{
    ContainerFigures c;
    c.identity = {"c0ffee", "pair-hyperv", "mcr.microsoft.com/windows/nanoserver:ltsc2022", "hyperv", "",
                  "s1",     "hyperv"};
    StatsSample sample;
    sample.valid = true;
    sample.cpuSeconds = 12.5;
    sample.memBytes = 100 << 20;
    sample.commitBytes = 256 << 20;
    sample.commitPeakBytes = 300 << 20;
    sample.netRxBytes = 5000;
    sample.netTxBytes = 700;
    sample.blockReadBytes = 65536;
    sample.blockWriteBytes = 16384;
    sample.cpuAllotmentPercent = 50.0;
    c.latest = sample;
    c.sampleAgeSeconds = 0.4;
    c.startDurationSeconds = 3.25;
    c.tax = ContainerTax{AttributionGap::None, 1200ll << 20, 1100ll << 20};
    return c;
}

} // namespace

TEST(ContainerFamilies, CadvisorsNamesTypesAndHelpTexts)
{
    const auto families = containerFamilies({});
    const std::map<std::string, std::pair<prometheus::MetricType, std::string>> cadvisor{
        {"container_cpu_usage_seconds_total",
         {prometheus::MetricType::Counter, "Cumulative cpu time consumed in seconds."}},
        {"container_memory_working_set_bytes",
         {prometheus::MetricType::Gauge, "Current working set in bytes."}},
        {"container_network_receive_bytes_total",
         {prometheus::MetricType::Counter, "Cumulative count of bytes received"}},
        {"container_network_transmit_bytes_total",
         {prometheus::MetricType::Counter, "Cumulative count of bytes transmitted"}},
        {"container_fs_reads_bytes_total",
         {prometheus::MetricType::Counter, "Cumulative count of bytes read"}},
        {"container_fs_writes_bytes_total",
         {prometheus::MetricType::Counter, "Cumulative count of bytes written"}},
    };
    for (const auto& [name, expected] : cadvisor) {
        const auto& f = family(families, name);
        EXPECT_EQ(f.type, expected.first) << name;
        EXPECT_EQ(f.help, expected.second) << name;
        EXPECT_TRUE(f.metric.empty()) << name;
    }
    for (const auto& f : families) {
        EXPECT_TRUE(prometheus::CheckMetricName(f.name)) << f.name;
        EXPECT_FALSE(f.help.empty()) << f.name;
        EXPECT_EQ(f.type == prometheus::MetricType::Counter, f.name.ends_with("_total")) << f.name;
    }
}

TEST(ContainerFamilies, AHyperVContainersFiguresInBaseUnitsWithItsLabels)
{
    const auto families = containerFamilies({hyperVContainer()});
    struct Expected {
        const char* name;
        double value;
    };
    const Expected values[] = {
        {"container_cpu_usage_seconds_total", 12.5},
        {"container_memory_working_set_bytes", 100 << 20},
        {"container_network_receive_bytes_total", 5000},
        {"container_network_transmit_bytes_total", 700},
        {"container_fs_reads_bytes_total", 65536},
        {"container_fs_writes_bytes_total", 16384},
        {"isolens_container_memory_commit_bytes", 256 << 20},
        {"isolens_container_memory_commit_peak_bytes", 300 << 20},
        {"isolens_container_cpu_allotment_ratio", 0.5},
        {"isolens_container_sample_up", 1},
        {"isolens_container_sample_age_seconds", 0.4},
        {"isolens_container_start_duration_seconds", 3.25},
        {"isolens_utility_vm_working_set_bytes", 1200ll << 20},
        {"isolens_isolation_tax_bytes", 1100ll << 20},
        {"isolens_isolation_tax_attributed", 1},
    };
    for (const auto& expected : values) {
        const auto& f = family(families, expected.name);
        ASSERT_EQ(f.metric.size(), 1u) << expected.name;
        const auto& m = f.metric.front();
        EXPECT_DOUBLE_EQ(f.type == prometheus::MetricType::Counter ? m.counter.value : m.gauge.value,
                         expected.value)
            << expected.name;
        auto l = labels(m);
        EXPECT_EQ(l["id"], "c0ffee") << expected.name;
        EXPECT_EQ(l["name"], "pair-hyperv");
        EXPECT_EQ(l["image"], "mcr.microsoft.com/windows/nanoserver:ltsc2022");
        EXPECT_EQ(l["isolation"], "hyperv");
        EXPECT_EQ(l["isolens_session"], "s1");
        EXPECT_EQ(l["isolens_mode"], "hyperv");
        EXPECT_EQ(l.count("runtime"), 0u) << "an unknown label is left out, not written empty";
    }
    EXPECT_EQ(labels(family(families, "container_cpu_usage_seconds_total").metric.front())["cpu"], "total");
    EXPECT_EQ(labels(family(families, "isolens_isolation_tax_attributed").metric.front())["reason"],
              "attributed");
}

TEST(ContainerFamilies, WhatIsNotKnownHasNoSeriesRatherThanZero)
{
    ContainerFigures linux;
    linux.identity = {"abc", "web", "busybox", "default", "runc", "", ""};
    StatsSample sample;
    sample.valid = true;
    sample.memBytes = 1024;
    linux.latest = sample;
    linux.sampleAgeSeconds = 2.5; // beyond the stale time
    ContainerFigures waiting;     // tracked, no sample yet
    waiting.identity = {"def", "new", "busybox", "default", "runc", "", ""};
    const auto families = containerFamilies({linux, waiting});
    EXPECT_EQ(family(families, "container_memory_working_set_bytes").metric.size(), 1u);
    EXPECT_TRUE(family(families, "isolens_container_memory_commit_bytes").metric.empty()); // Linux: none
    EXPECT_TRUE(family(families, "isolens_isolation_tax_bytes").metric.empty());           // not Hyper-V
    EXPECT_TRUE(family(families, "isolens_isolation_tax_attributed").metric.empty());
    EXPECT_TRUE(family(families, "isolens_container_start_duration_seconds").metric.empty());
    const auto& up = family(families, "isolens_container_sample_up").metric;
    ASSERT_EQ(up.size(), 2u);
    EXPECT_EQ(up[0].gauge.value, 0.0) << "stale";
    EXPECT_EQ(up[1].gauge.value, 0.0) << "no sample yet";
}

TEST(ContainerFamilies, EachAttributionGapHasItsReason)
{
    const std::pair<AttributionGap, const char*> reasons[] = {
        {AttributionGap::None, "attributed"},
        {AttributionGap::NotAsked, "not_asked"},
        {AttributionGap::ServiceUnavailable, "service_unavailable"},
        {AttributionGap::NotListed, "not_listed"},
        {AttributionGap::NoRuntimeId, "no_runtime_id"},
        {AttributionGap::NoWorkerForVm, "no_worker_for_vm"},
        {AttributionGap::WorkerTokensUnreadable, "worker_tokens_unreadable"},
        {AttributionGap::SeveralWorkersForVm, "several_workers_for_vm"},
    };
    for (const auto& [gap, reason] : reasons) {
        auto c = hyperVContainer();
        c.tax->gap = gap;
        const auto families = containerFamilies({c});
        const auto& m = family(families, "isolens_isolation_tax_attributed").metric.front();
        EXPECT_EQ(labels(m)["reason"], reason);
        EXPECT_EQ(m.gauge.value, gap == AttributionGap::None ? 1.0 : 0.0) << reason;
    }
}

TEST(ContainerFamilies, IsolationLabels)
{
    EXPECT_EQ(isolationLabel("hyperv"), "hyperv");
    EXPECT_EQ(isolationLabel("process"), "process");
    EXPECT_EQ(isolationLabel("default"), "default");
    EXPECT_EQ(isolationLabel(""), "default");
}

namespace {

HostSnapshot hostWithVm(int vmPid, std::optional<std::int64_t> vmWorkingSet)
{
    HostSnapshot host;
    host.logicalCpus = 16;
    host.cpuPercent = 25.0;
    host.memoryTotalBytes = 64ll << 30;
    host.memoryAvailableBytes = 40ll << 30;
    host.memoryUsedBytes = 24ll << 30;
    HostProcess vm;
    vm.pid = vmPid;
    vm.name = "vmmem";
    vm.vmWorker = true;
    vm.cpuTimeNanos = 7'500'000'000;
    vm.cpuPercent = 3.0;
    vm.workingSetBytes = vmWorkingSet;
    host.processes.push_back(vm);
    host.unavailable.push_back({"CPU and memory of 12 processes", "access denied"});
    return host;
}

} // namespace

TEST(HostFamilies, TheHostAndEachVmWorkerInBaseUnits)
{
    const auto host = hostWithVm(4242, 900ll << 20);
    const auto families = hostFamilies(&host);
    EXPECT_DOUBLE_EQ(family(families, "isolens_host_cpu_utilization_ratio").metric.at(0).gauge.value, 0.25);
    EXPECT_DOUBLE_EQ(family(families, "isolens_host_logical_cpus").metric.at(0).gauge.value, 16);
    EXPECT_DOUBLE_EQ(family(families, "isolens_host_memory_used_bytes").metric.at(0).gauge.value,
                     24.0 * (1 << 30));
    const auto& cpuTime = family(families, "isolens_vm_worker_cpu_seconds_total");
    EXPECT_EQ(cpuTime.type, prometheus::MetricType::Counter);
    EXPECT_DOUBLE_EQ(cpuTime.metric.at(0).counter.value, 7.5);
    EXPECT_EQ(labels(cpuTime.metric.at(0)),
              (std::map<std::string, std::string>{{"pid", "4242"}, {"process", "vmmem"}}));
    EXPECT_DOUBLE_EQ(family(families, "isolens_vm_worker_cpu_utilization_ratio").metric.at(0).gauge.value,
                     0.03);
    EXPECT_DOUBLE_EQ(family(families, "isolens_vm_worker_working_set_bytes").metric.at(0).gauge.value,
                     900 << 20);
    EXPECT_TRUE(family(families, "isolens_vm_worker_private_bytes").metric.empty())
        << "unreadable: no series";
    EXPECT_EQ(labels(family(families, "isolens_host_measurement_unavailable").metric.at(0))["what"],
              "CPU and memory of N processes");
}

TEST(HostFamilies, BeforeTheFirstSnapshotEveryFamilyIsListedEmpty)
{
    const auto families = hostFamilies(nullptr);
    EXPECT_EQ(families.size(), 10u);
    for (const auto& f : families) {
        EXPECT_TRUE(f.metric.empty()) << f.name;
        EXPECT_TRUE(prometheus::CheckMetricName(f.name)) << f.name;
        EXPECT_EQ(f.type == prometheus::MetricType::Counter, f.name.ends_with("_total")) << f.name;
    }
}

TEST(ContainerTaxFigure, AttributedOnlyOrTheOnlyContainer)
{
    const auto host = hostWithVm(4242, 900ll << 20);
    UtilityVmAttribution attributed;
    attributed.workerPid = 4242;
    attributed.gap = AttributionGap::None;
    auto tax = containerTax(host, 100ll << 20, attributed, /*only=*/false);
    EXPECT_EQ(tax.gap, AttributionGap::None);
    EXPECT_EQ(tax.taxBytes, 800ll << 20);
    EXPECT_EQ(tax.utilityVmWorkingSetBytes, 900ll << 20);

    UtilityVmAttribution unlisted;
    unlisted.gap = AttributionGap::NotListed;
    tax = containerTax(host, 100ll << 20, unlisted, /*only=*/true); // the only utility VM, taken as its own
    EXPECT_EQ(tax.gap, AttributionGap::NotListed);
    EXPECT_EQ(tax.taxBytes, 800ll << 20);
    tax = containerTax(host, 100ll << 20, unlisted, /*only=*/false); // several containers: not told
    EXPECT_FALSE(tax.taxBytes);
    EXPECT_FALSE(tax.utilityVmWorkingSetBytes);
    tax = containerTax(host, std::nullopt, attributed, false); // no sample of the container yet
    EXPECT_FALSE(tax.taxBytes);
    tax = containerTax(hostWithVm(4242, std::nullopt), 100ll << 20, attributed, false); // vmmem unreadable
    EXPECT_FALSE(tax.taxBytes);
}

TEST(ExporterState, ASampleAfterTheContainerStoppedLeavesNoSeries)
{
    ExporterState state;
    state.track({"abc", "web", "busybox", "default", "runc", "", ""}, 0.5);
    StatsSample sample;
    sample.id = "abc";
    sample.valid = true;
    sample.memBytes = 4096;
    const auto now = ExporterState::Clock::now();
    state.recordSample(sample, now);
    EXPECT_EQ(state.view(now + std::chrono::seconds(1)).containers.at(0).sampleAgeSeconds, 1.0);
    state.forget("abc");
    state.recordSample(sample, now); // late, from the stream being stopped
    EXPECT_TRUE(state.view(now).containers.empty());

    StatsSample zeroed = sample; // a stopped container's last sample is zeroed, not a figure
    zeroed.valid = false;
    state.track({"abc", "web", "busybox", "default", "runc", "", ""}, std::nullopt);
    state.recordSample(zeroed, now);
    EXPECT_FALSE(state.view(now).containers.at(0).latest);
}

TEST(ExporterState, ScrapesShareTheLatestHostSnapshotRatherThanCopyIt)
{
    ExporterState state;
    const auto now = ExporterState::Clock::now();
    EXPECT_FALSE(state.view(now).host) << "no snapshot before the first";
    state.recordHost(hostWithVm(4242, 900ll << 20));
    const auto first = state.view(now);
    const auto second = state.view(now);
    ASSERT_TRUE(first.host);
    EXPECT_EQ(first.host.get(), second.host.get()) << "one snapshot, its process list not copied per scrape";
    EXPECT_EQ(first.host->processes.size(), 1u);
    state.recordHost(hostWithVm(4343, std::nullopt));
    EXPECT_NE(state.view(now).host.get(), first.host.get());
    EXPECT_EQ(first.host->processes.at(0).pid, 4242) << "a scrape's snapshot outlives the next one";
}

TEST(Exporter, AScrapeCountsItselfAndReportsTheEngineAndBuild)
{
    ExporterState state;
    state.setEngineUp(true);
    state.track({"abc", "web", "busybox", "default", "runc", "", ""}, std::nullopt);
    Exporter exporter(state);
    (void)exporter.collect();
    const auto families = exporter.collect();
    EXPECT_DOUBLE_EQ(family(families, "isolens_exporter_scrapes_total").metric.at(0).counter.value, 2);
    EXPECT_DOUBLE_EQ(family(families, "isolens_engine_up").metric.at(0).gauge.value, 1);
    EXPECT_DOUBLE_EQ(family(families, "isolens_exporter_containers").metric.at(0).gauge.value, 1);
    EXPECT_GE(family(families, "isolens_exporter_scrape_duration_seconds").metric.at(0).gauge.value, 0.0);
    EXPECT_EQ(labels(family(families, "isolens_build_info").metric.at(0)).count("version"), 1u);
    std::set<std::string> names;
    for (const auto& f : families)
        EXPECT_TRUE(names.insert(f.name).second) << "twice: " << f.name;
}
