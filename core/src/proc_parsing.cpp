#include "isolens/core/proc_parsing.hpp"

#include <charconv>
#include <sstream>
#include <vector>

namespace isolens::procfs {

namespace {

template <class T>
bool number(std::string_view text, T& out)
{
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && end == text.data() + text.size();
}

std::vector<std::string_view> fields(std::string_view line)
{
    std::vector<std::string_view> out;
    std::size_t at = 0;
    while (at < line.size()) {
        while (at < line.size() && (line[at] == ' ' || line[at] == '\t'))
            ++at;
        const auto start = at;
        while (at < line.size() && line[at] != ' ' && line[at] != '\t')
            ++at;
        if (at > start)
            out.push_back(line.substr(start, at - start));
    }
    return out;
}

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
            const auto parts = fields(line.substr(key.size() + 1));
            std::int64_t value = 0;
            if (!parts.empty() && number(parts[0], value))
                return parts.size() > 1 && parts[1] == "kB" ? value * 1024 : value;
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
    const auto parts = fields(procStat.substr(0, end));
    if (parts.size() < 5 || parts[0] != "cpu")
        return std::nullopt;
    std::uint64_t values[8] = {};
    const std::size_t count = std::min<std::size_t>(8, parts.size() - 1);
    for (std::size_t i = 0; i < count; ++i)
        if (!number(parts[i + 1], values[i]))
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
        available = kilobytesField(procMeminfo, "MemFree").value_or(0) +
                    kilobytesField(procMeminfo, "Buffers").value_or(0) +
                    kilobytesField(procMeminfo, "Cached").value_or(0);
    return MemInfo{*total, *available};
}

std::optional<PidStat> parsePidStat(std::string_view text)
{
    const auto open = text.find('(');
    const auto close = text.rfind(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open)
        return std::nullopt;
    PidStat stat;
    if (!number(fields(text.substr(0, open)).empty() ? std::string_view{} : fields(text.substr(0, open))[0],
                stat.pid))
        return std::nullopt;
    stat.comm = std::string(text.substr(open + 1, close - open - 1));
    // After ")": state(3) ppid(4) pgrp(5) session(6) tty(7) tpgid(8) flags(9) minflt(10) cminflt(11)
    // majflt(12) cmajflt(13) utime(14) stime(15) ...
    const auto rest = fields(text.substr(close + 1));
    if (rest.size() < 13 || rest[0].size() != 1)
        return std::nullopt;
    stat.state = rest[0][0];
    if (!number(rest[1], stat.parentPid) || !number(rest[3], stat.session) ||
        !number(rest[11], stat.userTicks) || !number(rest[12], stat.systemTicks))
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
        const auto parts = fields(text.substr(
            uidLine + 5, end == std::string_view::npos ? std::string_view::npos : end - uidLine - 5));
        int uid = 0;
        if (!parts.empty() && number(parts[0], uid))
            status.uid = uid;
    }
    return status;
}

} // namespace isolens::procfs
