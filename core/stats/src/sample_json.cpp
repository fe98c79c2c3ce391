#include "isolens/core/stats/sample_json.hpp"

#include "isolens/core/base/json_text.hpp"
#include "isolens/core/base/timestamp.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <type_traits>

namespace isolens {

using nlohmann::json;

json sampleToJson(const StatsSample& sample)
{
    return json{
        {"id", sample.id},
        {"name", sample.name},
        {"os", toString(sample.os)},
        {"time", sample.valid ? formatRfc3339Millis(sample.timeNanos) : std::string{}},
        {"time_ns", sample.timeNanos},
        {"valid", sample.valid},
        {"cpu_percent", sample.cpuPercent},
        {"cpu_host_percent", sample.cpuHostPercent},
        {"cpu_allotment_percent", sample.cpuAllotmentPercent},
        {"host_cpus", sample.hostCpus},
        {"allotted_cpus", sample.allottedCpus},
        {"cpu_seconds", sample.cpuSeconds},
        {"mem_bytes", sample.memBytes},
        {"mem_limit_bytes", sample.memLimitBytes},
        {"mem_percent", jsonOrNull(sample.memPercent)},
        {"commit_bytes", jsonOrNull(sample.commitBytes)},
        {"commit_peak_bytes", jsonOrNull(sample.commitPeakBytes)},
        {"net_rx_bytes", sample.netRxBytes},
        {"net_tx_bytes", sample.netTxBytes},
        {"block_read_bytes", sample.blockReadBytes},
        {"block_write_bytes", sample.blockWriteBytes},
        {"pids", jsonOrNull(sample.pids)},
    };
}

StatsSample sampleFromJson(const json& j)
{
    StatsSample sample;
    auto number = [&](const char* key, auto fallback) {
        auto it = j.find(key);
        if (it == j.end() || !it->is_number())
            return fallback;
        if constexpr (std::is_integral_v<decltype(fallback)>)
            return detail::clampedInt64(*it);
        else
            return it->get<double>();
    };
    auto optionalInteger = [&](const char* key) -> std::optional<std::int64_t> {
        auto it = j.find(key);
        if (it == j.end() || !it->is_number())
            return std::nullopt;
        return detail::clampedInt64(*it);
    };
    auto text = [&](const char* key) {
        auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string{};
    };
    sample.id = text("id");
    sample.name = text("name");
    sample.os = engineOsFromOsType(text("os"));
    sample.timeNanos = number("time_ns", std::int64_t{0});
    sample.valid = j.contains("valid") && j["valid"].is_boolean() && j["valid"].get<bool>();
    sample.cpuPercent = number("cpu_percent", 0.0);
    sample.cpuHostPercent = number("cpu_host_percent", 0.0);
    sample.cpuAllotmentPercent = number("cpu_allotment_percent", 0.0);
    sample.hostCpus = number("host_cpus", 0.0);
    sample.allottedCpus = number("allotted_cpus", 0.0);
    sample.cpuSeconds = number("cpu_seconds", 0.0);
    sample.memBytes = number("mem_bytes", std::int64_t{0});
    sample.memLimitBytes = number("mem_limit_bytes", std::int64_t{0});
    if (auto it = j.find("mem_percent"); it != j.end() && it->is_number())
        sample.memPercent = it->get<double>();
    sample.commitBytes = optionalInteger("commit_bytes");
    sample.commitPeakBytes = optionalInteger("commit_peak_bytes");
    sample.netRxBytes = number("net_rx_bytes", std::int64_t{0});
    sample.netTxBytes = number("net_tx_bytes", std::int64_t{0});
    sample.blockReadBytes = number("block_read_bytes", std::int64_t{0});
    sample.blockWriteBytes = number("block_write_bytes", std::int64_t{0});
    sample.pids = optionalInteger("pids");
    return sample;
}

} // namespace isolens
