#include "isolens/core/host_sampler.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

using namespace isolens;

TEST(HostSampler, FillsTheHostSeriesAndTheRecordingAndStopsPromptly)
{
    const auto path =
        std::filesystem::temp_directory_path() /
        ("isolens-host-sampler-" +
         std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + ".jsonl");
    auto recorder = RecordingWriter::create(path, {{"image", "none"}});
    ASSERT_TRUE(recorder) << recorder.error().message;
    SeriesStore store;
    std::atomic<int> snapshots{0};
    {
        HostSampler sampler(
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
