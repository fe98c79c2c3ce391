#pragma once

#include "isolens/core/engine/engine_types.hpp"
#include "isolens/core/host/host_metrics.hpp"
#include "isolens/core/host/utility_vm_attribution.hpp"

#include <optional>
#include <string>
#include <vector>

namespace isolens {

// Which of a container's processes the host can see. Process isolation (and runc) runs them as
// ordinary host processes with host PIDs, so `docker top` PIDs are found in the host's list; a
// Hyper-V container's processes live inside its utility VM and only the VM worker is on the host.
struct ContainerVisibility {
    std::string containerId;
    std::string containerName;
    std::vector<int> hostPids;      // top's processes found on the host under the same PID and name
    std::vector<int> unmatchedPids; // top listed them, the host has no such process (or another name)
    std::string note;

    bool visibleOnHost() const { return !hostPids.empty(); }
};

// The PIDs in a `docker top` table (its "PID" column), with the command or image name beside each.
struct TopProcess {
    int pid = 0;
    std::string name;
};
std::vector<TopProcess> processesFromTop(const ProcessTable& top);

// isolation: the container's effective isolation ("hyperv", "process", or "" on Linux).
ContainerVisibility mapToHost(const std::string& containerId, const std::string& containerName,
                              const std::string& isolation, const ProcessTable& top,
                              const HostSnapshot& host);

// The memory Hyper-V isolation costs on top of the container itself: the utility VM's working set
// (vmmem) minus the container's private working set, when the VM can be told apart: attributed
// through the Host Compute Service, else the only utility VM running (which on Windows 10 may be
// WSL 2's own vmmem: the explanation then says it was not attributed, and why).
struct IsolationTax {
    std::optional<std::int64_t> bytes;
    int utilityVms = 0;
    std::string explanation; // why there is no figure ("ambiguous: 3 utility VMs"), or how it was found
};
IsolationTax isolationTax(const HostSnapshot& host, std::int64_t containerPrivateWorkingSet,
                          const UtilityVmAttribution& attribution = {});

// vmmem and vmmem.exe: the memory of Hyper-V utility VMs (vmmemWSL is WSL's and vmwp.exe the worker).
bool isUtilityVmMemoryProcess(const std::string& name);

} // namespace isolens
