#include "isolens/core/utility_vm_attribution.hpp"

#include "isolens/core/process_visibility.hpp"
#include "isolens/core/text.hpp"
#include "json_access.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace isolens {

namespace {} // namespace

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
        systems.push_back({field(item, "Id"), field(item, "SystemType"), field(item, "Owner"),
                           field(item, "RuntimeId"), field(item, "State")});
    }
    return systems;
}

std::optional<int> attributeUtilityVm(const std::string& containerId,
                                      const std::vector<ComputeSystem>& systems, const HostSnapshot& host)
{
    if (containerId.empty())
        return std::nullopt;
    const auto wanted = toLowerAscii(containerId);
    for (const auto& system : systems) {
        if (toLowerAscii(system.systemType) != "virtualmachine" || system.runtimeId.empty())
            continue;
        const auto id = toLowerAscii(system.id);
        if (id.rfind(wanted, 0) != 0) // "<container id>@vm", or the id itself
            continue;
        const auto user = "nt virtual machine\\" + toLowerAscii(system.runtimeId);
        for (const auto& process : host.processes)
            if (isUtilityVmMemoryProcess(process.name) && toLowerAscii(process.owner) == user)
                return process.pid;
    }
    return std::nullopt;
}

} // namespace isolens
