#pragma once

#include "isolens/core/base/error.hpp"
#include "isolens/core/host/host_metrics.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isolens {

enum class ComputeSystemType { Container, VirtualMachine, Other };

// One entry of the Host Compute Service's list (HcsEnumerateComputeSystems: "an array of compute
// system Properties", Microsoft's HCS reference; the fields Id, SystemType, Owner, RuntimeId and State
// as hcsshim's internal/hcs/schema1 ContainerProperties and schema2 Properties name them).
// Docker's Hyper-V containers are schema-v1 Container entries named by the container id whose
// RuntimeId is their utility VM's GUID; a schema-v2 utility VM (hcsshim, containerd) is a
// VirtualMachine entry "<container id>@vm" with its own RuntimeId, and hcsshim finds its vmmem as the
// process of account NT VIRTUAL MACHINE\<that RuntimeId> (internal/vm/vmutils/vmmem.go). That a v1
// Container's RuntimeId names its vmmem the same way is not checked on a Windows host here: when no
// vmmem matches, attribution says so and the caller falls back.
struct ComputeSystem {
    std::string id;
    ComputeSystemType type = ComputeSystemType::Other;
    std::string owner;     // "docker"
    std::string runtimeId; // the VM's GUID; empty (or all zeros) for a process-isolated container
    std::string state;
};

// Parses the JSON array HcsEnumerateComputeSystems returns.
Result<std::vector<ComputeSystem>> parseComputeSystems(std::string_view json);

// A utility VM's memory process on the host, as attribution needs it.
struct VmWorkerIdentity {
    int pid = 0;
    std::string imageName; // exactly "vmmem" or "vmmem.exe" (WSL's vmmemWSL never is a container's)
    std::string sid;       // the token user's SID, S-1-5-83-1-…; empty when the token was unreadable
};

// The utility VM memory processes of a snapshot (vmmem and vmmem.exe only).
std::vector<VmWorkerIdentity> utilityVmWorkers(const HostSnapshot& host);

// Why a container's utility VM could not be told apart.
enum class AttributionGap {
    None,                   // attributed
    NotAsked,               // no Hyper-V container to attribute
    ServiceUnavailable,     // the Host Compute Service's list could not be read (see detail)
    NotListed,              // the service lists no compute system for the container
    NoRuntimeId,            // its entry names no VM
    NoWorkerForVm,          // no vmmem runs as the VM's account
    WorkerTokensUnreadable, // no match, and some vmmem tokens could not be read
    SeveralWorkersForVm,    // more than one vmmem runs as that account
};

struct UtilityVmAttribution {
    std::optional<int> workerPid;
    AttributionGap gap = AttributionGap::NotAsked;
    std::string detail; // the service's error, the SID looked for …

    // One sentence for the user: how the VM was found, or why not and what to do.
    std::string describe() const;
};

// The vmmem process of a Hyper-V container's utility VM: the compute system named by the container
// id (a Container entry with a RuntimeId, or a VirtualMachine entry "<id>@vm"), then the worker
// whose token user is that VM's virtual account SID.
UtilityVmAttribution attributeUtilityVm(const std::string& containerId,
                                        const std::vector<ComputeSystem>& systems,
                                        const std::vector<VmWorkerIdentity>& workers);

// The same from the service's answer, whatever it was (an error is AttributionGap::ServiceUnavailable,
// its message the detail), against a snapshot's utility VM workers.
UtilityVmAttribution attributeUtilityVm(const std::string& containerId,
                                        const Result<std::vector<ComputeSystem>>& systems,
                                        const HostSnapshot& host);

// Windows: asks the Host Compute Service (computecore.dll, loaded at run time; administrators or
// Hyper-V Administrators only). Elsewhere, and where the DLL or the right is missing, an error says so.
Result<std::vector<ComputeSystem>> enumerateComputeSystems();

} // namespace isolens
