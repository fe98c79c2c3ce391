#include "isolens/core/host/process_visibility.hpp"

#include "isolens/core/base/text.hpp"
#include <algorithm>
#include <cctype>
#include <charconv>

namespace isolens {

namespace {

// "sleep 300" -> "sleep"; "/usr/bin/ping -c 1" -> "ping"; "PING.EXE" -> "ping.exe"
std::string commandName(const std::string& command)
{
    auto first = command.substr(0, command.find(' '));
    if (auto slash = first.find_last_of("/\\"); slash != std::string::npos)
        first = first.substr(slash + 1);
    return toLowerAscii(first);
}

bool sameProgram(const std::string& topName, const HostProcess& process)
{
    const auto top = commandName(topName);
    const auto host = toLowerAscii(process.name);
    // Linux comm is cut at 15 characters.
    return top == host || (host.size() == 15 && top.rfind(host, 0) == 0) ||
           commandName(process.imagePath) == top;
}

} // namespace

bool isUtilityVmMemoryProcess(const std::string& name)
{
    const auto lower = toLowerAscii(name);
    return lower == "vmmem" || lower == "vmmem.exe";
}

std::vector<TopProcess> processesFromTop(const ProcessTable& top)
{
    std::vector<TopProcess> processes;
    const auto pidColumn = std::find(top.titles.begin(), top.titles.end(), "PID");
    if (pidColumn == top.titles.end())
        return processes;
    const auto pidIndex = static_cast<std::size_t>(pidColumn - top.titles.begin());
    // Linux: CMD (or COMMAND); Windows: Name.
    std::size_t nameIndex = top.titles.size();
    for (const char* title : {"CMD", "COMMAND", "Name"})
        if (auto it = std::find(top.titles.begin(), top.titles.end(), title); it != top.titles.end()) {
            nameIndex = static_cast<std::size_t>(it - top.titles.begin());
            break;
        }
    for (const auto& row : top.processes) {
        if (row.size() <= pidIndex)
            continue;
        TopProcess process;
        const auto& text = row[pidIndex];
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), process.pid);
        if (ec != std::errc{} || end != text.data() + text.size())
            continue;
        if (nameIndex < row.size())
            process.name = row[nameIndex];
        processes.push_back(std::move(process));
    }
    return processes;
}

ContainerVisibility mapToHost(const std::string& containerId, const std::string& containerName,
                              const std::string& isolation, const ProcessTable& top, const HostSnapshot& host)
{
    ContainerVisibility visibility{containerId, containerName, {}, {}, {}};
    if (isolation == "hyperv") {
        // docker top reports PIDs inside the utility VM: equal numbers on the host are other processes.
        visibility.note =
            "runs inside a Hyper-V utility VM: only its VM worker (vmmem) is visible on the host";
        return visibility;
    }
    for (const auto& process : processesFromTop(top)) {
        const auto* onHost = host.process(process.pid);
        if (onHost && (process.name.empty() || sameProgram(process.name, *onHost)))
            visibility.hostPids.push_back(process.pid);
        else
            visibility.unmatchedPids.push_back(process.pid);
    }
    if (visibility.visibleOnHost())
        visibility.note =
            std::to_string(visibility.hostPids.size()) + " of its processes run as ordinary host processes";
    else if (!visibility.unmatchedPids.empty())
        visibility.note =
            "its processes are not in the host's process list: it runs inside a virtual machine";
    else
        visibility.note = "no processes";
    return visibility;
}

IsolationTax isolationTax(const HostSnapshot& host, std::int64_t containerPrivateWorkingSet,
                          const UtilityVmAttribution& attribution)
{
    IsolationTax tax;
    std::vector<const HostProcess*> utilityVms;
    for (const auto* worker : host.vmWorkers())
        if (isUtilityVmMemoryProcess(worker->name))
            utilityVms.push_back(worker);
    tax.utilityVms = static_cast<int>(utilityVms.size());
    // Why the Host Compute Service did not decide, when it was asked.
    const auto unattributed =
        attribution.gap == AttributionGap::NotAsked ? std::string{} : " (" + attribution.describe() + ")";

    const HostProcess* vm = nullptr;
    if (attribution.workerPid) {
        vm = host.process(*attribution.workerPid);
        tax.explanation = attribution.describe();
    } else if (utilityVms.size() == 1) {
        vm = utilityVms.front();
        tax.explanation = unattributed.empty()
                              ? "the only utility VM running"
                              : "the only utility VM running, taken to be the container's" + unattributed;
    } else if (utilityVms.empty()) {
        tax.explanation = "no utility VM (vmmem) is running";
        return tax;
    } else {
        tax.explanation = "ambiguous: " + std::to_string(utilityVms.size()) + " utility VMs" + unattributed;
        return tax;
    }
    if (!vm || !vm->workingSetBytes) {
        tax.explanation = "the utility VM's memory cannot be read (vmmem needs an administrator, or PDH)";
        return tax;
    }
    tax.bytes = *vm->workingSetBytes - containerPrivateWorkingSet;
    return tax;
}

} // namespace isolens
