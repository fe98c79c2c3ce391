#include "isolens/core/platform/proc_parsing.hpp"

#include "isolens/core/base/saturating.hpp"
#include "isolens/core/platform/text_fields.hpp"

#include <charconv>
#include <sstream>
#include <vector>

namespace isolens::procfs {

namespace {

using detail::parseNumber;
using detail::splitFields;

// "MemTotal:       24683944 kB" -> bytes
std::optional<std::int64_t> kilobytesField(std::string_view text, std::string_view key)
{
    std::size_t at = 0;
    while (at < text.size()) {
        auto end = text.find('\n', at);
        if (end == std::string_view::npos)
            end = text.size();
        const auto line = text.substr(at, end - at);
        if (line.size() > key.size() && line.substr(0, key.size()) == key && line[key.size()] == ':') {
            const auto parts = splitFields(line.substr(key.size() + 1));
            std::int64_t value = 0;
            if (!parts.empty() && parseNumber(parts[0], value))
                return parts.size() > 1 && parts[1] == "kB" ? saturating::mul(value, 1024) : value;
            return std::nullopt;
        }
        at = end + 1;
    }
    return std::nullopt;
}

} // namespace

std::optional<CpuTimes> parseStatCpu(std::string_view procStat)
{
    const auto end = procStat.find('\n');
    const auto parts = splitFields(procStat.substr(0, end));
    if (parts.size() < 5 || parts[0] != "cpu")
        return std::nullopt;
    std::uint64_t values[8] = {};
    const std::size_t count = std::min<std::size_t>(8, parts.size() - 1);
    for (std::size_t i = 0; i < count; ++i)
        if (!parseNumber(parts[i + 1], values[i]))
            return std::nullopt;
    CpuTimes times;
    times.idle = values[3] + values[4]; // idle + iowait
    for (std::size_t i = 0; i < count; ++i)
        times.total += values[i];
    return times;
}

std::optional<MemInfo> parseMeminfo(std::string_view procMeminfo)
{
    auto total = kilobytesField(procMeminfo, "MemTotal");
    auto available = kilobytesField(procMeminfo, "MemAvailable");
    if (!total)
        return std::nullopt;
    if (!available) // kernels before 3.14: free + buffers + cached is the old estimate
        available = saturating::add(saturating::add(kilobytesField(procMeminfo, "MemFree").value_or(0),
                                                    kilobytesField(procMeminfo, "Buffers").value_or(0)),
                                    kilobytesField(procMeminfo, "Cached").value_or(0));
    return MemInfo{*total, *available};
}

std::optional<PidStat> parsePidStat(std::string_view text)
{
    const auto open = text.find('(');
    const auto close = text.rfind(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open)
        return std::nullopt;
    PidStat stat;
    if (!parseNumber(splitFields(text.substr(0, open)).empty() ? std::string_view{}
                                                               : splitFields(text.substr(0, open))[0],
                     stat.pid))
        return std::nullopt;
    stat.comm = std::string(text.substr(open + 1, close - open - 1));
    // After ")": state(3) ppid(4) pgrp(5) session(6) tty(7) tpgid(8) flags(9) minflt(10) cminflt(11)
    // majflt(12) cmajflt(13) utime(14) stime(15) ...
    const auto rest = splitFields(text.substr(close + 1));
    if (rest.size() < 13 || rest[0].size() != 1)
        return std::nullopt;
    stat.state = rest[0][0];
    if (!parseNumber(rest[1], stat.parentPid) || !parseNumber(rest[3], stat.session) ||
        !parseNumber(rest[11], stat.userTicks) || !parseNumber(rest[12], stat.systemTicks))
        return std::nullopt;
    return stat;
}

PidStatus parsePidStatus(std::string_view text)
{
    PidStatus status;
    status.residentBytes = kilobytesField(text, "VmRSS");
    status.anonymousBytes = kilobytesField(text, "RssAnon");
    if (auto uidLine = text.find("\nUid:"); uidLine != std::string_view::npos) {
        auto end = text.find('\n', uidLine + 1);
        const auto parts = splitFields(text.substr(
            uidLine + 5, end == std::string_view::npos ? std::string_view::npos : end - uidLine - 5));
        int uid = 0;
        if (!parts.empty() && parseNumber(parts[0], uid))
            status.uid = uid;
    }
    return status;
}

} // namespace isolens::procfs
