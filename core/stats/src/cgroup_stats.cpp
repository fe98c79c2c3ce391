#include "isolens/core/stats/cgroup_stats.hpp"

#include "isolens/core/base/clock.hpp"
#include "isolens/core/base/timestamp.hpp"
#include "isolens/core/platform/proc_parsing.hpp"

#include "isolens/core/platform/read_file.hpp"
#include "isolens/core/platform/text_fields.hpp"

#include <vector>

#ifndef _WIN32
#include <unistd.h>
#endif

namespace isolens {

namespace cgroupfs {

namespace {

std::vector<std::string_view> lines(std::string_view text)
{
    std::vector<std::string_view> out;
    while (!text.empty()) {
        const auto end = text.find('\n');
        out.push_back(text.substr(0, end));
        if (end == std::string_view::npos)
            break;
        text.remove_prefix(end + 1);
    }
    return out;
}

std::optional<std::uint64_t> number(std::string_view text)
{
    std::uint64_t value = 0;
    if (!detail::parseNumber(text, value))
        return std::nullopt;
    return value;
}

} // namespace

std::map<std::string, std::uint64_t> parseKeyValues(std::string_view text)
{
    std::map<std::string, std::uint64_t> out;
    for (auto line : lines(text)) {
        const auto parts = detail::splitFields(line);
        if (parts.size() == 2)
            if (auto value = number(parts[1]))
                out[std::string(parts[0])] = *value;
    }
    return out;
}

ProcessCgroups parseProcCgroup(std::string_view text)
{
    ProcessCgroups out;
    for (auto line : lines(text)) {
        const auto first = line.find(':');
        const auto second = first == std::string_view::npos ? first : line.find(':', first + 1);
        if (second == std::string_view::npos)
            continue;
        const auto controllers = line.substr(first + 1, second - first - 1);
        const auto path = std::string(line.substr(second + 1));
        if (line.substr(0, first) == "0" && controllers.empty()) {
            out.v2 = path;
            continue;
        }
        std::size_t start = 0;
        while (start <= controllers.size()) {
            auto end = controllers.find(',', start);
            if (end == std::string_view::npos)
                end = controllers.size();
            if (end > start)
                out.v1[std::string(controllers.substr(start, end - start))] = path;
            start = end + 1;
        }
    }
    return out;
}

std::vector<std::uint64_t> parseNumbers(std::string_view text)
{
    std::vector<std::uint64_t> out;
    for (auto line : lines(text))
        for (auto word : detail::splitFields(line))
            if (auto value = number(word))
                out.push_back(*value);
    return out;
}

std::uint64_t memTotalBytes(std::string_view meminfo)
{
    const auto parsed = procfs::parseMeminfo(meminfo);
    return parsed && parsed->totalBytes > 0 ? static_cast<std::uint64_t>(parsed->totalBytes) : 0;
}

std::uint64_t systemCpuNanos(std::string_view procStat, long ticksPerSecond)
{
    for (auto line : lines(procStat)) {
        const auto parts = detail::splitFields(line);
        if (parts.empty() || parts[0] != "cpu")
            continue;
        std::uint64_t ticks = 0;
        for (std::size_t i = 1; i < parts.size() && i <= 7; ++i)
            ticks += number(parts[i]).value_or(0);
        return ticksPerSecond > 0 ? ticks * (1'000'000'000ULL / static_cast<std::uint64_t>(ticksPerSecond))
                                  : 0;
    }
    return 0;
}

std::uint32_t onlineCpus(std::string_view procStat)
{
    std::uint32_t count = 0;
    for (auto line : lines(procStat))
        if (line.size() > 3 && line.substr(0, 3) == "cpu" && line[3] >= '0' && line[3] <= '9')
            ++count;
    return count;
}

std::pair<std::uint64_t, std::uint64_t> blkioV1Bytes(std::string_view text)
{
    std::uint64_t read = 0;
    std::uint64_t written = 0;
    for (auto line : lines(text)) {
        const auto parts = detail::splitFields(line);
        if (parts.size() != 3)
            continue; // "Total N" has two
        if (parts[1] == "Read")
            read += number(parts[2]).value_or(0);
        else if (parts[1] == "Write")
            written += number(parts[2]).value_or(0);
    }
    return {read, written};
}

std::pair<std::uint64_t, std::uint64_t> ioStatV2Bytes(std::string_view text)
{
    std::uint64_t read = 0;
    std::uint64_t written = 0;
    for (auto line : lines(text))
        for (auto part : detail::splitFields(line)) {
            if (part.substr(0, 7) == "rbytes=")
                read += number(part.substr(7)).value_or(0);
            else if (part.substr(0, 7) == "wbytes=")
                written += number(part.substr(7)).value_or(0);
        }
    return {read, written};
}

std::map<std::string, std::pair<std::uint64_t, std::uint64_t>> parseNetDev(std::string_view text)
{
    std::map<std::string, std::pair<std::uint64_t, std::uint64_t>> out;
    for (auto line : lines(text)) {
        const auto colon = line.find(':');
        if (colon == std::string_view::npos)
            continue;
        const auto name = detail::splitFields(line.substr(0, colon));
        const auto fields = detail::splitFields(line.substr(colon + 1));
        if (name.size() != 1 || fields.size() < 9 || name[0] == "lo")
            continue;
        out[std::string(name[0])] = {number(fields[0]).value_or(0), number(fields[8]).value_or(0)};
    }
    return out;
}

} // namespace cgroupfs

namespace {

Result<std::string> slurp(const std::string& path)
{
    if (auto text = detail::readWholeFile(path))
        return std::move(*text);
    auto error = makeError(ErrorKind::PermissionDenied, "Cannot read " + path);
    error.hint = "Direct collection reads the container's cgroup files on the engine's own host, as root; "
                 "use the engine's stats otherwise";
    return error;
}

// The first number in a file's text; 0 when there is none (a file the kernel left empty or odd).
std::uint64_t firstNumber(const std::string& text)
{
    const auto numbers = cgroupfs::parseNumbers(text);
    return numbers.empty() ? 0 : numbers.front();
}

std::uint64_t valueOr(const std::map<std::string, std::uint64_t>& values, const std::string& key)
{
    const auto it = values.find(key);
    return it == values.end() ? 0 : it->second;
}

long ticksPerSecond()
{
#ifdef _WIN32
    return 100;
#else
    return sysconf(_SC_CLK_TCK);
#endif
}

} // namespace

Result<DirectStatsReader> DirectStatsReader::open(int pid, std::string id, std::string name,
                                                  std::string procRoot, std::string cgroupRoot)
{
    if (pid <= 0)
        return makeError(ErrorKind::InvalidInput, "The container is not running (it has no process)");
    auto cgroupFile = slurp(procRoot + "/" + std::to_string(pid) + "/cgroup");
    if (!cgroupFile)
        return cgroupFile.error();
    DirectStatsReader reader;
    reader.pid_ = pid;
    reader.id_ = std::move(id);
    reader.name_ = std::move(name);
    reader.procRoot_ = std::move(procRoot);
    reader.cgroupRoot_ = std::move(cgroupRoot);
    reader.cgroups_ = cgroupfs::parseProcCgroup(cgroupFile.value());
    if (reader.cgroups_.v1.count("memory") == 0 && !reader.cgroups_.v2)
        return makeError(ErrorKind::Other, "The container's cgroups were not found in /proc/" +
                                               std::to_string(pid) + "/cgroup");
    // The engine names a container's cgroup after its ID. Another name means this PID is some other
    // process: the engine runs on another host (or in another PID namespace).
    const auto& path =
        reader.cgroups_.v1.count("memory") ? reader.cgroups_.v1.at("memory") : *reader.cgroups_.v2;
    if (!reader.id_.empty() && path.find(reader.id_) == std::string::npos)
        return makeError(ErrorKind::InvalidInput,
                         "Process " + std::to_string(pid) + " on this host is not in container " +
                             reader.id_.substr(0, 12) + "'s cgroup (" + path +
                             "): direct collection works only on the engine's own host");
    return reader;
}

Result<std::string> DirectStatsReader::file(const std::string& controller, const std::string& name) const
{
    // v1: /sys/fs/cgroup/<controller>/<path>/<file>; v2: /sys/fs/cgroup/<path>/<file>.
    if (auto it = cgroups_.v1.find(controller); it != cgroups_.v1.end())
        return slurp(cgroupRoot_ + "/" + controller + it->second + "/" + name);
    if (cgroups_.v2)
        return slurp(cgroupRoot_ + *cgroups_.v2 + "/" + name);
    return makeError(ErrorKind::Other, "No " + controller + " cgroup for the container");
}

std::string DirectStatsReader::fileOr(const std::string& controller, const std::string& name,
                                      const std::string& fallback) const
{
    auto text = file(controller, name);
    return text ? text.value() : fallback;
}

Result<nlohmann::json> DirectStatsReader::read()
{
    using nlohmann::json;
    auto procStat = slurp(procRoot_ + "/stat");
    if (!procStat)
        return procStat.error();
    const bool v1 = cgroups_.v1.count("memory") > 0;
    json cpu = {{"system_cpu_usage", cgroupfs::systemCpuNanos(procStat.value(), ticksPerSecond())},
                {"online_cpus", cgroupfs::onlineCpus(procStat.value())}};
    json memory = json::object();
    json blkio = {{"io_service_bytes_recursive", json::array()}};
    std::uint64_t pids = 0;
    const auto nanosPerTick = 1'000'000'000ULL / static_cast<std::uint64_t>(ticksPerSecond());
    if (v1) {
        auto usage = file("cpuacct", "cpuacct.usage");
        if (!usage)
            return usage.error();
        const auto times = cgroupfs::parseKeyValues(fileOr("cpuacct", "cpuacct.stat", ""));
        cpu["cpu_usage"] = {
            {"total_usage", firstNumber(usage.value())},
            {"percpu_usage", cgroupfs::parseNumbers(fileOr("cpuacct", "cpuacct.usage_percpu", ""))},
            {"usage_in_usermode", valueOr(times, "user") * nanosPerTick},
            {"usage_in_kernelmode", valueOr(times, "system") * nanosPerTick}};
        auto current = file("memory", "memory.usage_in_bytes");
        if (!current)
            return current.error();
        memory["usage"] = firstNumber(current.value());
        memory["max_usage"] = firstNumber(fileOr("memory", "memory.max_usage_in_bytes", "0"));
        memory["limit"] = firstNumber(fileOr("memory", "memory.limit_in_bytes", "0"));
        memory["stats"] = cgroupfs::parseKeyValues(fileOr("memory", "memory.stat", ""));
        const auto [read, written] =
            cgroupfs::blkioV1Bytes(fileOr("blkio", "blkio.throttle.io_service_bytes_recursive", ""));
        blkio["io_service_bytes_recursive"] = {{{"op", "Read"}, {"value", read}},
                                               {{"op", "Write"}, {"value", written}}};
        pids = firstNumber(fileOr("pids", "pids.current", "0"));
    } else {
        const auto stat = cgroupfs::parseKeyValues(fileOr("cpu", "cpu.stat", ""));
        if (!stat.count("usage_usec"))
            return makeError(ErrorKind::Other, "The container's cpu.stat has no usage_usec");
        cpu["cpu_usage"] = {{"total_usage", stat.at("usage_usec") * 1000},
                            {"usage_in_usermode", valueOr(stat, "user_usec") * 1000},
                            {"usage_in_kernelmode", valueOr(stat, "system_usec") * 1000}};
        auto current = file("memory", "memory.current");
        if (!current)
            return current.error();
        memory["usage"] = firstNumber(current.value());
        const auto max = fileOr("memory", "memory.max", "max");
        memory["limit"] = firstNumber(max); // "max": none
        memory["stats"] = cgroupfs::parseKeyValues(fileOr("memory", "memory.stat", ""));
        const auto [read, written] = cgroupfs::ioStatV2Bytes(fileOr("io", "io.stat", ""));
        blkio["io_service_bytes_recursive"] = {{{"op", "read"}, {"value", read}},
                                               {{"op", "write"}, {"value", written}}};
        pids = firstNumber(fileOr("pids", "pids.current", "0"));
    }
    // The engine reports no more than the machine's memory as the limit (an unlimited container's).
    if (auto meminfo = slurp(procRoot_ + "/meminfo")) {
        const auto machine = cgroupfs::memTotalBytes(meminfo.value());
        const auto limit = memory["limit"].get<std::uint64_t>();
        if (machine > 0 && (limit == 0 || limit > machine))
            memory["limit"] = machine;
    }
    json networks = json::object();
    if (auto netDev = slurp(procRoot_ + "/" + std::to_string(pid_) + "/net/dev"))
        for (const auto& [name, bytes] : cgroupfs::parseNetDev(netDev.value()))
            networks[name] = {{"rx_bytes", bytes.first}, {"tx_bytes", bytes.second}};

    const auto now = formatRfc3339Millis(wallClockNanos());
    json document = {{"id", id_},
                     {"name", "/" + name_},
                     {"read", now},
                     {"preread", previousRead_.empty() ? std::string("0001-01-01T00:00:00Z") : previousRead_},
                     {"cpu_stats", cpu},
                     {"precpu_stats", previousCpu_.is_null() ? json::object() : previousCpu_},
                     {"memory_stats", memory},
                     {"blkio_stats", blkio},
                     {"pids_stats", {{"current", pids}}},
                     {"networks", networks}};
    previousCpu_ = cpu;
    previousRead_ = now;
    return document;
}

} // namespace isolens
