// Micro-benchmarks of the core's hot paths: what runs once per sample, per stream byte, per point and
// per chart refresh. Figures are reported by Google Benchmark; BENCHMARKS.md records a run.
#include "isolens/core/analysis/summary.hpp"
#include "isolens/core/base/line_splitter.hpp"
#include "isolens/core/series/downsample.hpp"
#include "isolens/core/series/series_store.hpp"
#include "isolens/core/series/time_series.hpp"
#include "isolens/core/stats/stats_normalizer.hpp"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <random>
#include <string>
#include <vector>

using namespace isolens;

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;

// Real samples captured from Docker 20.10 (the unit tests' fixtures), one JSON document per line.
std::vector<std::string> capturedLinuxSamples()
{
    std::ifstream in(ISOLENS_TEST_DATA_DIR "/stats/linux-docker-20.10.jsonl");
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            lines.push_back(line);
    return lines;
}

void NormalizeStatsFromText(benchmark::State& state)
{
    const auto lines = capturedLinuxSamples();
    if (lines.empty()) {
        state.SkipWithError("no captured samples: run from the build tree");
        return;
    }
    std::size_t i = 0;
    std::size_t bytes = 0;
    for (auto _ : state) {
        const auto& line = lines[i++ % lines.size()];
        bytes += line.size();
        auto sample = normalizeStats(nlohmann::json::parse(line), EngineOs::Linux);
        benchmark::DoNotOptimize(sample);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
    state.SetLabel("samples/s: parse + normalize one engine stats document");
}
BENCHMARK(NormalizeStatsFromText);

void SplitNdjsonStream(benchmark::State& state)
{
    // A stats stream as it arrives: captured documents back to back, cut into 16 KiB reads.
    std::string stream;
    const auto lines = capturedLinuxSamples();
    while (stream.size() < (8u << 20))
        for (const auto& line : lines)
            stream += line + "\n";
    const std::size_t piece = 16 * 1024;
    for (auto _ : state) {
        LineSplitter splitter(1 << 20);
        std::size_t count = 0;
        for (std::size_t offset = 0; offset < stream.size(); offset += piece)
            (void)splitter.feed(std::string_view(stream).substr(offset, piece), [&](std::string_view line) {
                count += line.size() > 0;
                return true;
            });
        benchmark::DoNotOptimize(count);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * stream.size()));
}
BENCHMARK(SplitNdjsonStream)->Unit(benchmark::kMillisecond);

void SeriesAppend(benchmark::State& state)
{
    for (auto _ : state) {
        TimeSeries series;
        for (int i = 0; i < 86'400; ++i)
            series.append(i * kSecond, static_cast<double>(i % 100));
        benchmark::DoNotOptimize(series.size());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * 86'400);
    state.SetLabel("points/s, 24 h at 1 Hz per iteration");
}
BENCHMARK(SeriesAppend)->Unit(benchmark::kMillisecond);

TimeSeries dayOfNoise()
{
    std::mt19937 random(42);
    std::uniform_real_distribution<double> value(0.0, 100.0);
    TimeSeries series;
    for (int i = 0; i < 86'400; ++i)
        series.append(i * kSecond, value(random));
    return series;
}

void Downsample86400To1000(benchmark::State& state)
{
    const auto series = dayOfNoise();
    for (auto _ : state) {
        auto buckets = downsampleMinMax(series, 0, 86'400 * kSecond, 1000);
        benchmark::DoNotOptimize(buckets);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * 86'400);
}
BENCHMARK(Downsample86400To1000)->Unit(benchmark::kMicrosecond);

void Summary86400(benchmark::State& state)
{
    const auto series = dayOfNoise();
    std::vector<double> values;
    for (const auto& point : series.range(0, 86'400 * kSecond))
        values.push_back(point.value);
    for (auto _ : state) {
        auto summary = summarize(values);
        benchmark::DoNotOptimize(summary);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * 86'400);
    state.SetLabel("mean, p95, peak, last of 24 h at 1 Hz");
}
BENCHMARK(Summary86400)->Unit(benchmark::kMillisecond);

void StoreAddSample(benchmark::State& state)
{
    SeriesStore store;
    StatsSample sample;
    sample.valid = true;
    sample.memBytes = 1 << 20;
    std::int64_t time = 0;
    for (auto _ : state) {
        sample.timeNanos = (time += kSecond);
        store.addSample("runc", sample);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
    state.SetLabel("samples/s into the store (all ten metrics)");
}
BENCHMARK(StoreAddSample)->Iterations(86'400);

} // namespace

BENCHMARK_MAIN();
