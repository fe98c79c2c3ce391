#include "isolens/core/host/utility_vm_attribution.hpp"

#include "isolens/core/base/json_access.hpp"
#include "isolens/core/base/text.hpp"
#include "isolens/core/host/process_visibility.hpp"
#include "isolens/core/host/virtual_machine_sid.hpp"

#include <nlohmann/json.hpp>

namespace isolens {

namespace {

ComputeSystemType systemType(const std::string& text)
{
    const auto lower = toLowerAscii(text);
    if (lower == "container")
        return ComputeSystemType::Container;
    if (lower == "virtualmachine")
        return ComputeSystemType::VirtualMachine;
    return ComputeSystemType::Other;
}

bool namesAVm(const std::string& runtimeId)
{
    return virtualMachineSid(runtimeId) && runtimeId.find_first_not_of("{}-0") != std::string::npos;
}

// The entry whose RuntimeId is the container's utility VM: Docker's schema-v1 Container entry (its id
// is the container's), else a schema-v2 VirtualMachine "<id>@vm".
const ComputeSystem* vmEntryOf(const std::string& containerId, const std::vector<ComputeSystem>& systems,
                               bool& listed)
{
    const auto wanted = toLowerAscii(containerId);
    const ComputeSystem* vm = nullptr;
    for (const auto& system : systems) {
        const auto id = toLowerAscii(system.id);
        const bool container = system.type == ComputeSystemType::Container && id == wanted;
        const bool utilityVm = system.type == ComputeSystemType::VirtualMachine && id == wanted + "@vm";
        listed = listed || container || utilityVm;
        if (container && namesAVm(system.runtimeId))
            return &system;
        if (utilityVm && namesAVm(system.runtimeId))
            vm = &system;
    }
    return vm;
}

} // namespace

Result<std::vector<ComputeSystem>> parseComputeSystems(std::string_view text)
{
    auto json = detail::parseJson(text);
    if (!json.is_array())
        return makeError(ErrorKind::ProtocolError, "The Host Compute Service's list is not a JSON array");
    std::vector<ComputeSystem> systems;
    auto field = [](const nlohmann::json& item, const char* key) {
        auto it = item.find(key);
        return it != item.end() && it->is_string() ? it->get<std::string>() : std::string{};
    };
    for (const auto& item : json) {
        if (!item.is_object())
            continue;
        systems.push_back({field(item, "Id"), systemType(field(item, "SystemType")), field(item, "Owner"),
                           field(item, "RuntimeId"), field(item, "State")});
    }
    return systems;
}

std::vector<VmWorkerIdentity> utilityVmWorkers(const HostSnapshot& host)
{
    std::vector<VmWorkerIdentity> workers;
    for (const auto& process : host.processes)
        if (isUtilityVmMemoryProcess(process.name))
            workers.push_back({process.pid, process.name, process.ownerSid});
    return workers;
}

UtilityVmAttribution attributeUtilityVm(const std::string& containerId,
                                        const std::vector<ComputeSystem>& systems,
                                        const std::vector<VmWorkerIdentity>& workers)
{
    if (containerId.empty())
        return {std::nullopt, AttributionGap::NotAsked, {}};
    bool listed = false;
    const auto* entry = vmEntryOf(containerId, systems, listed);
    if (!entry)
        return {std::nullopt, listed ? AttributionGap::NoRuntimeId : AttributionGap::NotListed,
                containerId.substr(0, 12)};
    const auto sid = *virtualMachineSid(entry->runtimeId);
    std::vector<int> matches;
    bool unreadable = false;
    for (const auto& worker : workers) {
        if (!isUtilityVmMemoryProcess(worker.imageName))
            continue;
        unreadable = unreadable || worker.sid.empty();
        if (toLowerAscii(worker.sid) == toLowerAscii(sid))
            matches.push_back(worker.pid);
    }
    if (matches.size() == 1)
        return {matches.front(), AttributionGap::None, sid};
    if (matches.size() > 1)
        return {std::nullopt, AttributionGap::SeveralWorkersForVm, sid};
    return {std::nullopt, unreadable ? AttributionGap::WorkerTokensUnreadable : AttributionGap::NoWorkerForVm,
            sid};
}

UtilityVmAttribution attributeUtilityVm(const std::string& containerId,
                                        const Result<std::vector<ComputeSystem>>& systems,
                                        const HostSnapshot& host)
{
    if (containerId.empty())
        return {std::nullopt, AttributionGap::NotAsked, {}};
    // The service's messages say what to do themselves (enumerateComputeSystems); the error kinds'
    // standard hints speak of the engine.
    if (!systems)
        return {std::nullopt, AttributionGap::ServiceUnavailable, systems.error().message};
    return attributeUtilityVm(containerId, systems.value(), utilityVmWorkers(host));
}

std::string UtilityVmAttribution::describe() const
{
    switch (gap) {
    case AttributionGap::None:
        return "utility VM attributed through the Host Compute Service (vmmem PID " +
               std::to_string(workerPid.value_or(0)) + ", account " + detail + ")";
    case AttributionGap::NotAsked:
        return "no Hyper-V container to attribute";
    case AttributionGap::ServiceUnavailable:
        return "not attributed: " + detail;
    case AttributionGap::NotListed:
        return "not attributed: the Host Compute Service lists no compute system for container " + detail;
    case AttributionGap::NoRuntimeId:
        return "not attributed: the Host Compute Service names no VM for container " + detail;
    case AttributionGap::NoWorkerForVm:
        return "not attributed: no vmmem runs as the VM's account " + detail;
    case AttributionGap::WorkerTokensUnreadable:
        return "not attributed: the accounts of the vmmem processes could not be read (run IsoLens as an "
               "administrator to tell the utility VMs apart)";
    case AttributionGap::SeveralWorkersForVm:
        return "not attributed: several vmmem processes run as the VM's account " + detail;
    }
    return {};
}

} // namespace isolens
