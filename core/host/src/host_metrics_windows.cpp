#include "isolens/core/base/clock.hpp"
#include "isolens/core/base/utf16.hpp"
#include "isolens/core/host/host_calculations.hpp"
#include "isolens/core/host/host_metrics.hpp"
#include "isolens/core/host/vm_worker_counters.hpp"
#include "isolens/core/platform/windows_permissions.hpp"

#include <windows.h>

#include <psapi.h>
#include <sddl.h>
#include <tlhelp32.h>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace isolens {

namespace {

std::uint64_t ticks(const FILETIME& time)
{
    return (static_cast<std::uint64_t>(time.dwHighDateTime) << 32) | time.dwLowDateTime;
}

struct HandleCloser {
    void operator()(HANDLE handle) const
    {
        if (handle && handle != INVALID_HANDLE_VALUE)
            CloseHandle(handle);
    }
};
using UniqueHandle = std::unique_ptr<void, HandleCloser>;

// The token user's SID as text (S-1-5-83-1-… for a VM's vmmem), and its binary form for a name lookup.
struct TokenAccount {
    std::string sid;
    std::vector<unsigned char> buffer; // holds the TOKEN_USER the SID points into
};

std::optional<TokenAccount> tokenAccount(HANDLE process)
{
    HANDLE rawToken = nullptr;
    if (!OpenProcessToken(process, TOKEN_QUERY, &rawToken))
        return std::nullopt;
    UniqueHandle token(rawToken);
    DWORD size = 0;
    GetTokenInformation(rawToken, TokenUser, nullptr, 0, &size);
    TokenAccount user;
    user.buffer.resize(size);
    if (size == 0 || !GetTokenInformation(rawToken, TokenUser, user.buffer.data(), size, &size))
        return std::nullopt;
    wchar_t* text = nullptr;
    if (!ConvertSidToStringSidW(reinterpret_cast<TOKEN_USER*>(user.buffer.data())->User.Sid, &text))
        return std::nullopt;
    user.sid = utf8FromWide(text);
    LocalFree(text);
    return user;
}

// DOMAIN\user of a SID; vmmem's is NT VIRTUAL MACHINE\<VM GUID>. Empty when it has no name.
std::string accountName(const TokenAccount& user)
{
    wchar_t name[256];
    wchar_t domain[256];
    DWORD nameLength = 256;
    DWORD domainLength = 256;
    SID_NAME_USE use;
    if (!LookupAccountSidW(nullptr, reinterpret_cast<const TOKEN_USER*>(user.buffer.data())->User.Sid, name,
                           &nameLength, domain, &domainLength, &use))
        return {};
    return utf8FromWide(domain) + "\\" + utf8FromWide(name);
}

// The Win32 path, or the native one (\Device\HarddiskVolume...) where the Win32 form fails, as it does for
// vmmem.
std::string imagePath(HANDLE process)
{
    wchar_t path[MAX_PATH * 2];
    DWORD length = MAX_PATH * 2;
    if (QueryFullProcessImageNameW(process, 0, path, &length))
        return utf8FromWide(std::wstring_view(path, length));
    length = MAX_PATH * 2;
    if (QueryFullProcessImageNameW(process, PROCESS_NAME_NATIVE, path, &length))
        return utf8FromWide(std::wstring_view(path, length));
    return {};
}

class WindowsHostMetrics : public HostMetrics {
public:
    explicit WindowsHostMetrics(std::vector<std::string> patterns)
        : patterns_(std::move(patterns))
    {}

    Result<HostSnapshot> sample() override
    {
        HostSnapshot snapshot;
        const auto now = std::chrono::steady_clock::now();
        snapshot.timeNanos = wallClockNanos();
        SYSTEM_INFO system{};
        GetSystemInfo(&system);
        snapshot.logicalCpus = static_cast<int>(system.dwNumberOfProcessors);

        FILETIME idle, kernel, user;
        if (!GetSystemTimes(&idle, &kernel, &user))
            return makeError(ErrorKind::Other,
                             "GetSystemTimes failed (error " + std::to_string(GetLastError()) + ")");
        const auto idleTicks = ticks(idle);
        const auto totalTicks = ticks(kernel) + ticks(user); // kernel time includes idle time
        if (previousTotal_)
            snapshot.cpuPercent =
                host::cpuPercentBetween(previousIdle_, previousTotal_, idleTicks, totalTicks);
        previousIdle_ = idleTicks;
        previousTotal_ = totalTicks;

        MEMORYSTATUSEX memory{};
        memory.dwLength = sizeof memory;
        if (!GlobalMemoryStatusEx(&memory))
            return makeError(ErrorKind::Other, "GlobalMemoryStatusEx failed");
        snapshot.memoryTotalBytes = static_cast<std::int64_t>(memory.ullTotalPhys);
        snapshot.memoryAvailableBytes = static_cast<std::int64_t>(memory.ullAvailPhys);
        snapshot.memoryUsedBytes = snapshot.memoryTotalBytes - snapshot.memoryAvailableBytes;

        auto listed = listProcesses(snapshot, now);
        if (!listed)
            return listed.error();
        addVmWorkerCounters(snapshot);
        previousTime_ = now;
        return snapshot;
    }

private:
    Result<void> listProcesses(HostSnapshot& snapshot, std::chrono::steady_clock::time_point now)
    {
        UniqueHandle list(CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0));
        if (list.get() == INVALID_HANDLE_VALUE)
            return makeError(ErrorKind::Other, "CreateToolhelp32Snapshot failed (error " +
                                                   std::to_string(GetLastError()) + ")");
        const auto elapsed =
            previousTime_ ? std::chrono::duration_cast<std::chrono::nanoseconds>(now - *previousTime_).count()
                          : 0;
        std::map<int, std::int64_t> cpuNow;
        int denied = 0;
        PROCESSENTRY32W entry{};
        entry.dwSize = sizeof entry;
        for (BOOL more = Process32FirstW(list.get(), &entry); more;
             more = Process32NextW(list.get(), &entry)) {
            HostProcess process;
            process.pid = static_cast<int>(entry.th32ProcessID);
            process.parentPid = static_cast<int>(entry.th32ParentProcessID);
            process.name = utf8FromWide(entry.szExeFile);
            process.vmWorker = host::matchesAnyPattern(process.name, patterns_);
            DWORD session = 0;
            if (ProcessIdToSessionId(entry.th32ProcessID, &session))
                process.sessionId = static_cast<int>(session);

            if (entry.th32ProcessID == 0) {
                // The System Idle Process: no process to open, for anyone (not an access problem).
                snapshot.processes.push_back(std::move(process));
                continue;
            }
            UniqueHandle handle(
                OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION | PROCESS_VM_READ, FALSE, entry.th32ProcessID));
            if (!handle) // vmmem and protected processes refuse us without administrator rights
                handle.reset(OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, entry.th32ProcessID));
            if (!handle) {
                ++denied;
                snapshot.processes.push_back(std::move(process));
                continue;
            }
            FILETIME created, exited, kernel, user;
            if (GetProcessTimes(handle.get(), &created, &exited, &kernel, &user)) {
                process.cpuTimeNanos = static_cast<std::int64_t>((ticks(kernel) + ticks(user)) * 100);
                if (auto before = previousCpu_.find(process.pid); before != previousCpu_.end() && elapsed > 0)
                    process.cpuPercent = host::processCpuPercent(before->second, process.cpuTimeNanos,
                                                                 elapsed, snapshot.logicalCpus);
                cpuNow[process.pid] = process.cpuTimeNanos;
            }
            PROCESS_MEMORY_COUNTERS_EX counters{};
            if (GetProcessMemoryInfo(handle.get(), reinterpret_cast<PROCESS_MEMORY_COUNTERS*>(&counters),
                                     sizeof counters)) {
                process.workingSetBytes = static_cast<std::int64_t>(counters.WorkingSetSize);
                process.privateBytes = static_cast<std::int64_t>(counters.PrivateUsage);
            }
            process.imagePath = imagePath(handle.get());
            if (const auto user = tokenAccount(handle.get())) {
                process.ownerSid = user->sid;
                process.owner = ownerName(*user);
            }
            snapshot.processes.push_back(std::move(process));
        }
        previousCpu_ = std::move(cpuNow);
        if (denied > 0)
            snapshot.unavailable.push_back({"CPU and memory of " + std::to_string(denied) + " processes",
                                            deniedProcessesReason(elevation_)});
        return success();
    }

    // An account's name does not change while IsoLens runs: each SID is looked up once, not every second
    // for every process (LookupAccountSid may ask a domain controller).
    std::string ownerName(const TokenAccount& user)
    {
        auto [it, added] = accountNames_.try_emplace(user.sid);
        if (added)
            it->second = accountName(user);
        return it->second;
    }

    // vmmem is often unreadable without administrator rights; PDH's Process counters are not. Each
    // counter row goes to the worker with its PID and exact name, never by list order.
    void addVmWorkerCounters(HostSnapshot& snapshot)
    {
        std::vector<VmWorkerToMatch> unreadable;
        for (const auto& process : snapshot.processes)
            if (process.vmWorker && !process.workingSetBytes)
                unreadable.push_back({process.pid, process.name});
        if (unreadable.empty())
            return;
        auto rows = readVmWorkerCounters();
        if (!rows) {
            snapshot.unavailable.push_back({"memory of VM workers", rows.error().message});
            return;
        }
        const auto matched = matchVmWorkerCounters(rows.value(), unreadable);
        for (auto& process : snapshot.processes)
            if (auto it = matched.find(process.pid); it != matched.end() && process.vmWorker)
                process.workingSetBytes = it->second;
    }

    std::vector<std::string> patterns_;
    Elevation elevation_ = currentElevation(); // asked once: a process keeps its token
    std::uint64_t previousIdle_ = 0;
    std::uint64_t previousTotal_ = 0;
    std::optional<std::chrono::steady_clock::time_point> previousTime_;
    std::map<int, std::int64_t> previousCpu_;
    std::map<std::string, std::string> accountNames_; // SID -> DOMAIN\user
};

} // namespace

std::unique_ptr<HostMetrics> makeHostMetrics(std::vector<std::string> vmWorkerPatterns)
{
    return std::make_unique<WindowsHostMetrics>(std::move(vmWorkerPatterns));
}

} // namespace isolens
