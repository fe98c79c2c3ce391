#include "isolens/core/base/clock.hpp"
#include "isolens/core/host/host_calculations.hpp"
#include "isolens/core/host/host_metrics.hpp"
#include "isolens/core/platform/proc_parsing.hpp"

#include "isolens/core/platform/read_file.hpp"

#include <pwd.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>

namespace isolens {

namespace {

namespace fs = std::filesystem;

using detail::readWholeFile;

std::string userName(int uid)
{
    static std::map<int, std::string> cache; // only touched from sample(), one thread at a time
    if (auto it = cache.find(uid); it != cache.end())
        return it->second;
    std::string name = std::to_string(uid);
    std::vector<char> buffer(4096);
    passwd entry{};
    passwd* found = nullptr;
    if (getpwuid_r(static_cast<uid_t>(uid), &entry, buffer.data(), buffer.size(), &found) == 0 && found)
        name = found->pw_name;
    return cache[uid] = name;
}

class LinuxHostMetrics : public HostMetrics {
public:
    explicit LinuxHostMetrics(std::vector<std::string> patterns)
        : patterns_(std::move(patterns))
        , ticksPerSecond_(sysconf(_SC_CLK_TCK))
    {}

    Result<HostSnapshot> sample() override
    {
        HostSnapshot snapshot;
        const auto now = std::chrono::steady_clock::now();
        snapshot.timeNanos = wallClockNanos();
        snapshot.logicalCpus = static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN));

        auto stat = readWholeFile("/proc/stat");
        auto cpu = stat ? procfs::parseStatCpu(*stat) : std::nullopt;
        if (!cpu)
            return makeError(ErrorKind::Other, "Cannot read the host's CPU times from /proc/stat");
        if (previousCpu_)
            snapshot.cpuPercent =
                host::cpuPercentBetween(previousCpu_->idle, previousCpu_->total, cpu->idle, cpu->total);
        previousCpu_ = cpu;

        auto meminfo = readWholeFile("/proc/meminfo");
        auto memory = meminfo ? procfs::parseMeminfo(*meminfo) : std::nullopt;
        if (!memory)
            return makeError(ErrorKind::Other, "Cannot read the host's memory from /proc/meminfo");
        snapshot.memoryTotalBytes = memory->totalBytes;
        snapshot.memoryAvailableBytes = memory->availableBytes;
        snapshot.memoryUsedBytes = memory->totalBytes - memory->availableBytes;

        const auto elapsed =
            previousTime_ ? std::chrono::duration_cast<std::chrono::nanoseconds>(now - *previousTime_).count()
                          : 0;
        std::map<int, std::int64_t> cpuNow;
        deniedImagePaths_ = 0;
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator("/proc", ec)) {
            const auto name = entry.path().filename().string();
            if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos)
                continue;
            auto process = readProcess(entry.path());
            if (!process)
                continue; // exited while we looked
            if (auto before = previousProcessCpu_.find(process->pid);
                before != previousProcessCpu_.end() && elapsed > 0)
                process->cpuPercent = host::processCpuPercent(before->second, process->cpuTimeNanos, elapsed,
                                                              snapshot.logicalCpus);
            cpuNow[process->pid] = process->cpuTimeNanos;
            snapshot.processes.push_back(std::move(*process));
        }
        previousProcessCpu_ = std::move(cpuNow);
        previousTime_ = now;
        if (deniedImagePaths_ > 0)
            snapshot.unavailable.push_back(
                {"image path of " + std::to_string(deniedImagePaths_) + " processes",
                 "permission denied reading /proc/<pid>/exe: other users' processes need root, and some are "
                 "hidden even from root"});
        return snapshot;
    }

private:
    std::optional<HostProcess> readProcess(const fs::path& dir)
    {
        auto statText = readWholeFile(dir / "stat");
        auto stat = statText ? procfs::parsePidStat(*statText) : std::nullopt;
        if (!stat)
            return std::nullopt;
        HostProcess process;
        process.pid = stat->pid;
        process.parentPid = stat->parentPid;
        process.sessionId = stat->session;
        process.name = stat->comm;
        process.cpuTimeNanos =
            static_cast<std::int64_t>((stat->userTicks + stat->systemTicks) * 1'000'000'000ULL /
                                      static_cast<std::uint64_t>(ticksPerSecond_));
        if (auto statusText = readWholeFile(dir / "status")) {
            const auto status = procfs::parsePidStatus(*statusText);
            process.workingSetBytes = status.residentBytes; // kernel threads have none
            process.privateBytes = status.anonymousBytes;
            if (status.uid)
                process.owner = userName(*status.uid);
        }
        std::error_code ec;
        const auto exe = fs::read_symlink(dir / "exe", ec);
        if (!ec)
            process.imagePath = exe.string();
        else if (ec == std::errc::permission_denied)
            ++deniedImagePaths_;
        // comm is cut at 15 characters: match VM workers on the executable's full name too.
        const auto exeName = exe.filename().string();
        process.vmWorker = host::matchesAnyPattern(process.name, patterns_) ||
                           (!exeName.empty() && host::matchesAnyPattern(exeName, patterns_));
        return process;
    }

    std::vector<std::string> patterns_;
    long ticksPerSecond_;
    std::optional<procfs::CpuTimes> previousCpu_;
    std::optional<std::chrono::steady_clock::time_point> previousTime_;
    std::map<int, std::int64_t> previousProcessCpu_;
    int deniedImagePaths_ = 0;
};

} // namespace

std::unique_ptr<HostMetrics> makeHostMetrics(std::vector<std::string> vmWorkerPatterns)
{
    return std::make_unique<LinuxHostMetrics>(std::move(vmWorkerPatterns));
}

} // namespace isolens
