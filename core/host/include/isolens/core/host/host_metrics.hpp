#pragma once

#include "isolens/core/base/error.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace isolens {

// One process on the host. Figures a platform cannot read (access denied, not admin) are empty,
// never zero; HostSnapshot::unavailable says why.
struct HostProcess {
    int pid = 0;
    int parentPid = 0;
    std::string name;      // "vmmem", "PING.EXE", "sleep"
    std::string imagePath; // full path when readable
    std::string owner;     // user name (Windows: DOMAIN\user, e.g. NT VIRTUAL MACHINE\<VM GUID>)
    std::string ownerSid;  // Windows: the token user's SID (S-1-5-83-1-… for a VM's vmmem); else empty
    std::optional<int> sessionId;
    std::optional<double> cpuPercent; // of the whole host, from two samples; empty on the first
    std::optional<std::int64_t> workingSetBytes;
    std::optional<std::int64_t> privateBytes;
    std::int64_t cpuTimeNanos = 0; // user + kernel since start
    bool vmWorker = false;         // a virtual machine's host process (vmmem, qemu-system-*, ...)
};

// Something that could not be measured, and why.
struct Unavailable {
    std::string what;
    std::string reason;
};

struct HostSnapshot {
    std::int64_t timeNanos = 0;
    int logicalCpus = 0;
    std::optional<double> cpuPercent; // 0-100 of the whole host; empty on the first sample
    std::int64_t memoryTotalBytes = 0;
    std::int64_t memoryAvailableBytes = 0;
    std::int64_t memoryUsedBytes = 0;
    std::vector<HostProcess> processes;
    std::vector<Unavailable> unavailable;

    std::vector<const HostProcess*> vmWorkers() const;
    const HostProcess* process(int pid) const;
};

// Reads the host's CPU, memory and processes. Stateful: CPU rates come from the difference to the
// previous sample, as top and Task Manager compute them.
class HostMetrics {
public:
    virtual ~HostMetrics() = default;
    virtual Result<HostSnapshot> sample() = 0;
};

// Process names that are virtual machines' host processes. Windows: vmmem, vmmem.exe, vmmemWSL,
// vmwp.exe; Linux: qemu-system-*, firecracker, cloud-hypervisor. More may be added by the caller.
std::vector<std::string> defaultVmWorkerPatterns();

// The platform's implementation (/proc on Linux; Win32, Toolhelp32 and PDH on Windows).
std::unique_ptr<HostMetrics>
makeHostMetrics(std::vector<std::string> vmWorkerPatterns = defaultVmWorkerPatterns());

} // namespace isolens
