#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Parsers for the Linux /proc files the host metrics read. Pure: they take the file's text.
namespace isolens::procfs {

// First "cpu" line of /proc/stat. idle = idle + iowait; total = user..steal (guest time is
// already inside user and nice).
struct CpuTimes {
    std::uint64_t idle = 0;
    std::uint64_t total = 0;
};
std::optional<CpuTimes> parseStatCpu(std::string_view procStat);

struct MemInfo {
    std::int64_t totalBytes = 0;
    std::int64_t availableBytes = 0;
};
std::optional<MemInfo> parseMeminfo(std::string_view procMeminfo);

// /proc/<pid>/stat: the name is between the first '(' and the last ')' and may hold spaces and ')'.
struct PidStat {
    int pid = 0;
    std::string comm;
    char state = '?';
    int parentPid = 0;
    int session = 0;
    std::uint64_t userTicks = 0;
    std::uint64_t systemTicks = 0;
};
std::optional<PidStat> parsePidStat(std::string_view text);

// /proc/<pid>/status: resident set (working set), its anonymous part (private), and the real uid.
struct PidStatus {
    std::optional<std::int64_t> residentBytes;
    std::optional<std::int64_t> anonymousBytes;
    std::optional<int> uid;
};
PidStatus parsePidStatus(std::string_view text);

} // namespace isolens::procfs
