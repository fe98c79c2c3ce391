#pragma once

#include "isolens/core/error.hpp"
#include "isolens/core/host_metrics.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isolens {

// One entry of the Host Compute Service's list (HcsEnumerateComputeSystems).
struct ComputeSystem {
    std::string id;         // docker names a Hyper-V container's utility VM "<container id>@vm" (hcsshim)
    std::string systemType; // "Container" or "VirtualMachine"
    std::string owner;      // "docker"
    std::string runtimeId;  // the VM's GUID
    std::string state;
};

// Parses the JSON array HcsEnumerateComputeSystems returns.
Result<std::vector<ComputeSystem>> parseComputeSystems(std::string_view json);

// The vmmem process of a Hyper-V container's utility VM: the VM whose id names the container, and
// the vmmem whose token user is NT VIRTUAL MACHINE\<its runtime GUID> (as hcsshim finds it).
// That runtime GUID and vmmem's user agree is not confirmed by a source, so no match is nothing,
// and the caller falls back to "the only utility VM" or "ambiguous".
std::optional<int> attributeUtilityVm(const std::string& containerId,
                                      const std::vector<ComputeSystem>& systems, const HostSnapshot& host);

// Windows: asks the Host Compute Service (computecore.dll, loaded at run time; administrators or
// Hyper-V Administrators only). Elsewhere, and where the DLL or the right is missing, an error says so.
Result<std::vector<ComputeSystem>> enumerateComputeSystems();

} // namespace isolens
