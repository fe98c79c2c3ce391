#include "isolens/core/stats/stats_normalizer.hpp"

#include "isolens/core/base/json_access.hpp"
#include "isolens/core/base/json_text.hpp"
#include "isolens/core/base/saturating.hpp"
#include "isolens/core/base/timestamp.hpp"
#include "isolens/core/stats/stats_formulas.hpp"

#include <nlohmann/json.hpp>

namespace isolens {

using detail::member;
using nlohmann::json;

namespace {

std::uint64_t u64(const json& value)
{
    return detail::clampedUInt64(value);
}

std::int64_t i64(const json& value)
{
    return saturating::clamp<std::int64_t>(u64(value));
}

std::string text(const json& value)
{
    return value.is_string() ? value.get<std::string>() : std::string{};
}

std::int64_t nanosOf(const json& value)
{
    return parseRfc3339Nanos(text(value)).value_or(0);
}

void fillNetwork(const json& raw, StatsSample& sample)
{
    // Windows keys networks by HNS endpoint GUID, Linux by interface: the CLI sums them all.
    if (const auto& networks = member(raw, "networks"); networks.is_object())
        for (const auto& [_, network] : networks.items()) {
            sample.netRxBytes = saturating::add(sample.netRxBytes, i64(member(network, "rx_bytes")));
            sample.netTxBytes = saturating::add(sample.netTxBytes, i64(member(network, "tx_bytes")));
        }
}

void fillLinux(const json& raw, StatsSample& sample)
{
    const auto& cpu = member(raw, "cpu_stats");
    const auto& pre = member(raw, "precpu_stats");
    const auto& perCpu = member(member(cpu, "cpu_usage"), "percpu_usage");
    const auto perCpuCount = perCpu.is_array() ? perCpu.size() : 0;
    const auto online = saturating::clamp<std::uint32_t>(u64(member(cpu, "online_cpus")));
    sample.cpuPercent = stats::cpuPercentLinux(u64(member(member(cpu, "cpu_usage"), "total_usage")),
                                               u64(member(member(pre, "cpu_usage"), "total_usage")),
                                               u64(member(cpu, "system_cpu_usage")),
                                               u64(member(pre, "system_cpu_usage")), online, perCpuCount);
    sample.cpuSeconds = static_cast<double>(u64(member(member(cpu, "cpu_usage"), "total_usage"))) / 1e9;
    sample.hostCpus = online != 0 ? online : static_cast<double>(perCpuCount);
    sample.cpuHostPercent = sample.hostCpus > 0 ? sample.cpuPercent / sample.hostCpus : 0.0;

    const auto& memory = member(raw, "memory_stats");
    std::map<std::string, std::uint64_t> memoryStats;
    if (const auto& detail = member(memory, "stats"); detail.is_object())
        for (const auto& [key, value] : detail.items())
            memoryStats[key] = u64(value);
    const auto used = stats::memoryUsageLinuxNoCache(u64(member(memory, "usage")), memoryStats);
    sample.memBytes = saturating::clamp<std::int64_t>(used);
    sample.memLimitBytes = i64(member(memory, "limit"));
    sample.memPercent = stats::memoryPercent(used, u64(member(memory, "limit")));

    // calculateBlockIO: entries whose op starts with r/R are reads, w/W writes (v1 "Read", v2 "read").
    if (const auto& entries = member(member(raw, "blkio_stats"), "io_service_bytes_recursive");
        entries.is_array())
        for (const auto& entry : entries) {
            const auto op = text(member(entry, "op"));
            if (op.empty())
                continue;
            if (op[0] == 'r' || op[0] == 'R')
                sample.blockReadBytes = saturating::add(sample.blockReadBytes, i64(member(entry, "value")));
            else if (op[0] == 'w' || op[0] == 'W')
                sample.blockWriteBytes = saturating::add(sample.blockWriteBytes, i64(member(entry, "value")));
        }
    sample.pids = i64(member(member(raw, "pids_stats"), "current"));
}

void fillWindows(const json& raw, const ContainerLimits& limits, StatsSample& sample)
{
    const auto numProcs =
        saturating::clamp<std::uint32_t>(u64(member(raw, "num_procs"))); // logical CPUs of the host
    sample.cpuPercent = stats::cpuPercentWindows(
        nanosOf(member(raw, "read")), nanosOf(member(raw, "preread")), numProcs,
        u64(member(member(member(raw, "cpu_stats"), "cpu_usage"), "total_usage")),
        u64(member(member(member(raw, "precpu_stats"), "cpu_usage"), "total_usage")));
    sample.hostCpus = numProcs;
    sample.cpuSeconds =
        static_cast<double>(u64(member(member(member(raw, "cpu_stats"), "cpu_usage"), "total_usage"))) / 1e7;
    sample.cpuHostPercent = sample.cpuPercent;

    const auto& memory = member(raw, "memory_stats");
    sample.memBytes = i64(member(memory, "privateworkingset"));
    sample.commitBytes = i64(member(memory, "commitbytes"));
    sample.commitPeakBytes = i64(member(memory, "commitpeakbytes"));
    // A Windows memory limit caps commit (moby#36359), so the percentage is of commit.
    sample.memLimitBytes = limits.memoryBytes;
    sample.memPercent = stats::memoryPercent(static_cast<std::uint64_t>(*sample.commitBytes),
                                             static_cast<std::uint64_t>(limits.memoryBytes));

    const auto& storage = member(raw, "storage_stats");
    sample.blockReadBytes = i64(member(storage, "read_size_bytes"));
    sample.blockWriteBytes = i64(member(storage, "write_size_bytes"));
}

} // namespace

std::optional<EngineOs> guessEngineOs(const json& raw)
{
    if (auto declared = parseEngineOs(text(member(raw, "os_type"))))
        return declared;
    // Linux engines send empty "storage_stats" and "num_procs": 0 too, so look for fields only one OS fills.
    const auto& memory = member(raw, "memory_stats");
    if (member(memory, "privateworkingset").is_number() || member(memory, "commitbytes").is_number())
        return EngineOs::Windows;
    if (member(memory, "usage").is_number() ||
        member(member(raw, "cpu_stats"), "system_cpu_usage").is_number())
        return EngineOs::Linux;
    if (u64(member(raw, "num_procs")) > 0)
        return EngineOs::Windows;
    return std::nullopt;
}

StatsSample normalizeStats(const json& raw, EngineOs os, const ContainerLimits& limits)
{
    StatsSample sample;
    sample.os = os;
    sample.id = text(member(raw, "id"));
    sample.name = text(member(raw, "name"));
    if (!sample.name.empty() && sample.name.front() == '/')
        sample.name.erase(0, 1);
    const auto read = parseRfc3339Nanos(text(member(raw, "read")));
    sample.timeNanos = read.value_or(0);
    sample.valid = read.has_value(); // a stopped container's sample carries the zero time

    fillNetwork(raw, sample);
    if (os == EngineOs::Windows)
        fillWindows(raw, limits, sample);
    else
        fillLinux(raw, sample);

    sample.allottedCpus = stats::allottedCpus(limits, sample.hostCpus);
    sample.cpuAllotmentPercent =
        sample.allottedCpus > 0 ? sample.cpuHostPercent * sample.hostCpus / sample.allottedCpus : 0.0;
    return sample;
}

} // namespace isolens
