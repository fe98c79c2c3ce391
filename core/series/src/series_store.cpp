#include "isolens/core/series/series_store.hpp"

#include <cmath>
#include <mutex>

namespace isolens {

namespace {

constexpr std::array<std::string_view, kMetricCount> kMetricNames{
    "cpu_percent",  "cpu_host_percent", "cpu_allotment_percent", "mem_bytes",         "commit_bytes",
    "net_rx_bytes", "net_tx_bytes",     "block_read_bytes",      "block_write_bytes", "pids"};

std::array<double, kMetricCount> valuesOf(const StatsSample& sample)
{
    const double none = std::nan("");
    return {sample.cpuPercent,
            sample.cpuHostPercent,
            sample.cpuAllotmentPercent,
            static_cast<double>(sample.memBytes),
            sample.commitBytes ? static_cast<double>(*sample.commitBytes) : none,
            static_cast<double>(sample.netRxBytes),
            static_cast<double>(sample.netTxBytes),
            static_cast<double>(sample.blockReadBytes),
            static_cast<double>(sample.blockWriteBytes),
            sample.pids ? static_cast<double>(*sample.pids) : none};
}

} // namespace

std::string_view toString(Metric metric)
{
    return kMetricNames[static_cast<std::size_t>(metric)];
}

std::optional<Metric> parseMetric(std::string_view name)
{
    for (std::size_t i = 0; i < kMetricCount; ++i)
        if (kMetricNames[i] == name)
            return static_cast<Metric>(i);
    return std::nullopt;
}

void SeriesStore::addSample(const std::string& key, const StatsSample& sample)
{
    if (!sample.valid)
        return; // no time of its own: the collector's Stopped or Gap event marks the break
    const auto values = valuesOf(sample);
    std::unique_lock lock(mutex_);
    auto& row = rows_[key];
    for (std::size_t i = 0; i < kMetricCount; ++i)
        row[i].append(sample.timeNanos, values[i]);
}

void SeriesStore::addGap(const std::string& key, std::int64_t timeNanos)
{
    std::unique_lock lock(mutex_);
    auto& row = rows_[key];
    if (!row[0].empty() && std::isnan(row[0].valueAt(row[0].size() - 1)))
        return; // one marker per silence
    for (auto& series : row)
        series.appendGap(timeNanos);
}

std::vector<std::string> SeriesStore::keys() const
{
    std::shared_lock lock(mutex_);
    std::vector<std::string> keys;
    for (const auto& [key, _] : rows_)
        keys.push_back(key);
    return keys;
}

const TimeSeries* SeriesStore::find(const std::string& key, Metric metric) const
{
    auto it = rows_.find(key);
    return it == rows_.end() ? nullptr : &it->second[static_cast<std::size_t>(metric)];
}

std::size_t SeriesStore::size(const std::string& key) const
{
    std::shared_lock lock(mutex_);
    const auto* series = find(key, Metric::CpuPercent);
    return series ? series->size() : 0;
}

std::vector<SeriesPoint> SeriesStore::range(const std::string& key, Metric metric, std::int64_t firstNanos,
                                            std::int64_t lastNanos) const
{
    std::shared_lock lock(mutex_);
    const auto* series = find(key, metric);
    return series ? series->range(firstNanos, lastNanos) : std::vector<SeriesPoint>{};
}

std::vector<MinMaxBucket> SeriesStore::downsample(const std::string& key, Metric metric,
                                                  std::int64_t firstNanos, std::int64_t lastNanos,
                                                  std::size_t buckets) const
{
    std::shared_lock lock(mutex_);
    const auto* series = find(key, metric);
    return series ? downsampleMinMax(*series, firstNanos, lastNanos, buckets) : std::vector<MinMaxBucket>{};
}

std::optional<std::pair<std::int64_t, std::int64_t>> SeriesStore::timeSpan() const
{
    std::shared_lock lock(mutex_);
    std::optional<std::pair<std::int64_t, std::int64_t>> span;
    for (const auto& [_, row] : rows_) {
        const auto& series = row[0];
        if (series.empty())
            continue;
        const auto first = series.timeAt(0);
        const auto last = series.timeAt(series.size() - 1);
        span = span ? std::pair{std::min(span->first, first), std::max(span->second, last)}
                    : std::pair{first, last};
    }
    return span;
}

std::size_t SeriesStore::memoryBytes() const
{
    std::shared_lock lock(mutex_);
    std::size_t bytes = sizeof(*this);
    for (const auto& [key, row] : rows_) {
        bytes += key.capacity();
        for (const auto& series : row)
            bytes += series.memoryBytes();
    }
    return bytes;
}

} // namespace isolens
