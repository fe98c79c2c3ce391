#include "isolens/core/session/host_sampler.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>
#include <tuple>

using namespace isolens;

namespace {

std::filesystem::path temporaryRecordingPath(const std::string& prefix)
{
    return std::filesystem::temp_directory_path() /
           (prefix + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + ".jsonl");
}

} // namespace

TEST(HostSampler, FillsTheHostSeriesAndTheRecordingAndStopsPromptly)
{
    const auto path = temporaryRecordingPath("isolens-host-sampler-");
    auto recorder = RecordingWriter::create(path, {{"image", "none"}});
    ASSERT_TRUE(recorder) << recorder.error().message;
    SeriesStore store;
    std::atomic<int> snapshots{0};
    {
        auto sampler = std::make_unique<HostSampler>(
            makeHostMetrics(), store, recorder.value().get(), "",
            [&](const HostSnapshot& host, const HostSeriesSamples& series) {
                EXPECT_GT(host.memoryTotalBytes, 0);
                EXPECT_EQ(series.tax.explanation, "no Hyper-V container is running");
                ++snapshots;
            },
            std::chrono::milliseconds(50));
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (store.size(kHostSeries) < 3 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        const auto stopping = std::chrono::steady_clock::now();
        sampler.reset();
        EXPECT_LT(std::chrono::steady_clock::now() - stopping, std::chrono::seconds(2))
            << "stopping a sampler that samples every 50 ms took longer than a moment";
    }
    EXPECT_GE(store.size(kHostSeries), 3u);
    EXPECT_GE(snapshots.load(), 4) << "the first snapshot has no CPU figure and adds no host point";
    const auto points = store.range(kHostSeries, Metric::MemoryBytes, 0, INT64_MAX);
    ASSERT_FALSE(points.empty());
    EXPECT_GT(points.back().value, 0.0);
    const auto cpu = store.range(kHostSeries, Metric::CpuHostPercent, 0, INT64_MAX);
    for (const auto& point : cpu) {
        EXPECT_GE(point.value, 0.0);
        EXPECT_LE(point.value, 100.0);
    }

    recorder.value().reset();
    auto recording = readRecording(path);
    ASSERT_TRUE(recording) << recording.error().message;
    std::size_t hostLines = 0;
    for (const auto& [mode, sample] : recording.value().samples)
        hostLines += mode == kHostSeries;
    EXPECT_EQ(hostLines, store.size(kHostSeries));
    std::filesystem::remove(path);
}

TEST(HostSampler, StopsWithinOneIntervalEvenWhenTheIntervalIsLong)
{
    SeriesStore store;
    const auto started = std::chrono::steady_clock::now();
    {
        HostSampler sampler(makeHostMetrics(), store, nullptr, "", {}, std::chrono::hours(1));
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(30))
        << "the sampler waited out its interval instead of stopping";
}

namespace {

// Two plain vmmem processes, as on Windows 10 with WSL 2 beside a Hyper-V container: only their
// accounts tell them apart.
class TwoVmmemHost : public HostMetrics {
public:
    Result<HostSnapshot> sample() override
    {
        HostSnapshot host;
        host.timeNanos = kTime;
        host.logicalCpus = 2;
        host.cpuPercent = 10.0;
        host.memoryTotalBytes = std::int64_t{16} << 30;
        for (auto [pid, sid, bytes] :
             {std::tuple{100, "S-1-5-83-1-1-2-3-4", 900 << 20},
              std::tuple{200, "S-1-5-83-1-2951761591-1086169693-630393256-923523501", 300 << 20}}) {
            HostProcess vmmem;
            vmmem.pid = pid;
            vmmem.name = "vmmem";
            vmmem.ownerSid = sid;
            vmmem.vmWorker = true;
            vmmem.workingSetBytes = bytes;
            host.processes.push_back(vmmem);
        }
        return host;
    }
    static constexpr std::int64_t kTime = 1'000'000'000'000'000'000;
};

} // namespace

TEST(HostSampler, AttributesTheHyperVContainersUtilityVmOnceItsIdIsKnown)
{
    SeriesStore store;
    StatsSample container;
    container.timeNanos = TwoVmmemHost::kTime;
    container.valid = true;
    container.memBytes = 100 << 20;
    store.addSample("Hyper-V", container);

    std::mutex mutex;
    std::vector<std::string> explanations;
    std::atomic<int> listed{0};
    UtilityVmAttributor attributor([&]() {
        ++listed;
        return parseComputeSystems(R"([{"Id":"c0ffee","SystemType":"Container","Owner":"docker",
                                        "RuntimeId":"AFF04EB7-A25D-40BD-A809-9325ADD90B37"}])");
    });
    auto seen = [&](const std::string& prefix) {
        std::lock_guard lock(mutex);
        for (const auto& explanation : explanations)
            if (explanation.rfind(prefix, 0) == 0)
                return true;
        return false;
    };
    auto waitFor = [&](const std::string& prefix) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (!seen(prefix) && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        return seen(prefix);
    };
    const auto path = temporaryRecordingPath("isolens-host-attribution-");
    auto recorder = RecordingWriter::create(path, {{"image", "none"}});
    ASSERT_TRUE(recorder) << recorder.error().message;
    {
        HostSampler sampler(
            std::make_unique<TwoVmmemHost>(), store, recorder.value().get(), "Hyper-V",
            [&](const HostSnapshot&, const HostSeriesSamples& series) {
                std::lock_guard lock(mutex);
                explanations.push_back(series.tax.explanation);
            },
            std::chrono::milliseconds(20), std::move(attributor));
        EXPECT_TRUE(waitFor("ambiguous: 2 utility VMs"));
        EXPECT_EQ(listed.load(), 0) << "no container yet: the service is not asked";
        sampler.attributeHyperVContainer("c0ffee");
        EXPECT_TRUE(waitFor("utility VM attributed through the Host Compute Service (vmmem PID 200"));
    }
    EXPECT_EQ(listed.load(), 1);
    const auto tax = store.range(kIsolationTaxSeries, Metric::MemoryBytes, 0, INT64_MAX);
    ASSERT_FALSE(tax.empty());
    EXPECT_EQ(tax.back().value, double(200 << 20)) << "PID 200's 300 MiB less the container's 100 MiB";

    // The recording says how its tax figures were found, once per change, not once per sample.
    recorder.value().reset();
    auto recording = readRecording(path);
    ASSERT_TRUE(recording) << recording.error().message;
    std::vector<std::string> said;
    for (const auto& event : recording.value().events)
        if (event.kind == kIsolationTaxEvent && event.mode == kHostSeries)
            said.push_back(event.detail);
    ASSERT_EQ(said.size(), 2u);
    EXPECT_EQ(said[0], "ambiguous: 2 utility VMs");
    EXPECT_EQ(said[1].rfind("utility VM attributed through the Host Compute Service (vmmem PID 200", 0), 0u);
    std::filesystem::remove(path);
}
