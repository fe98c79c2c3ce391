#pragma once

#include "isolens/core/base/error.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace isolens {

// Reading a container's figures straight from its cgroup files on the engine's own host (Linux,
// cgroup v1 or v2), instead of asking the engine: the engine then spends nothing on it. The result
// is a document in the shape of the engine's /containers/{id}/stats reply, so the same normalization
// (and the docker CLI's formulas) apply unchanged.
namespace cgroupfs {

// "key value" lines (cpu.stat, memory.stat, cpuacct.stat).
std::map<std::string, std::uint64_t> parseKeyValues(std::string_view text);

// Whitespace-separated numbers (cpuacct.usage_percpu).
std::vector<std::uint64_t> parseNumbers(std::string_view text);
// /proc/meminfo's MemTotal in bytes.
std::uint64_t memTotalBytes(std::string_view meminfo);

// Where a process' cgroups are, from /proc/<pid>/cgroup: per v1 controller, and the v2 path ("0::").
struct ProcessCgroups {
    std::map<std::string, std::string> v1; // "memory" -> "/docker/<id>"
    std::optional<std::string> v2;
};
ProcessCgroups parseProcCgroup(std::string_view text);

// /proc/stat: the host's CPU time in nanoseconds as the engine counts it (user, nice, system, idle,
// iowait, irq, softirq), and the number of CPUs listed.
std::uint64_t systemCpuNanos(std::string_view procStat, long ticksPerSecond);
std::uint32_t onlineCpus(std::string_view procStat);

// Bytes read and written: v1 blkio.throttle.io_service_bytes_recursive ("8:0 Read 4096"), v2 io.stat
// ("8:0 rbytes=4096 wbytes=0 ...").
std::pair<std::uint64_t, std::uint64_t> blkioV1Bytes(std::string_view text);
std::pair<std::uint64_t, std::uint64_t> ioStatV2Bytes(std::string_view text);

// /proc/<pid>/net/dev: received and sent bytes per interface, loopback left out (as the engine does).
std::map<std::string, std::pair<std::uint64_t, std::uint64_t>> parseNetDev(std::string_view text);

} // namespace cgroupfs

// One container, read directly. Each read() returns a stats document whose precpu_stats are the
// previous read's, like the engine's stream.
class DirectStatsReader {
public:
    // pid: the container's main process (State.Pid from inspect).
    static Result<DirectStatsReader> open(int pid, std::string id, std::string name,
                                          std::string procRoot = "/proc",
                                          std::string cgroupRoot = "/sys/fs/cgroup");
    Result<nlohmann::json> read();

private:
    DirectStatsReader() = default;
    Result<std::string> file(const std::string& controller, const std::string& name) const;
    std::string fileOr(const std::string& controller, const std::string& name,
                       const std::string& fallback) const;

    int pid_ = 0;
    std::string id_;
    std::string name_;
    std::string procRoot_;
    std::string cgroupRoot_;
    cgroupfs::ProcessCgroups cgroups_;
    nlohmann::json previousCpu_;
    std::string previousRead_;
};

} // namespace isolens
