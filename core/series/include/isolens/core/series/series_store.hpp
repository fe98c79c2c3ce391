#pragma once

#include "isolens/core/series/downsample.hpp"
#include "isolens/core/series/time_series.hpp"
#include "isolens/core/stats/stats_sample.hpp"

#include <array>
#include <map>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

namespace isolens {

enum class Metric {
    CpuPercent,          // the docker CLI's figure
    CpuHostPercent,      // 0-100 of the host
    CpuAllotmentPercent, // 0-100 of the container's own CPUs
    MemoryBytes,         // the docker CLI's figure
    CommitBytes,         // Windows only
    NetRxBytes,
    NetTxBytes,
    BlockReadBytes,
    BlockWriteBytes,
    Pids, // Linux only
};
inline constexpr std::size_t kMetricCount = 10;

std::string_view toString(Metric metric);
std::optional<Metric> parseMetric(std::string_view name);

// Every metric of every container (or group) over time, keyed by a series name such as the
// container ID or "mode:process". Writers (collectors, replay) and readers (charts, summaries) may be
// on different threads.
class SeriesStore {
public:
    void addSample(const std::string& key, const StatsSample& sample); // invalid samples become gaps
    void addGap(const std::string& key, std::int64_t timeNanos);

    std::vector<std::string> keys() const;
    std::size_t size(const std::string& key) const; // points per metric
    std::vector<SeriesPoint> range(const std::string& key, Metric metric, std::int64_t firstNanos,
                                   std::int64_t lastNanos) const;
    std::vector<MinMaxBucket> downsample(const std::string& key, Metric metric, std::int64_t firstNanos,
                                         std::int64_t lastNanos, std::size_t buckets) const;
    // Earliest and latest time in any series; nothing when empty.
    std::optional<std::pair<std::int64_t, std::int64_t>> timeSpan() const;
    std::size_t memoryBytes() const;

private:
    using Row = std::array<TimeSeries, kMetricCount>;
    const TimeSeries* find(const std::string& key, Metric metric) const;

    mutable std::shared_mutex mutex_;
    std::map<std::string, Row> rows_;
};

} // namespace isolens
