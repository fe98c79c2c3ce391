#include "info_command.hpp"

#include "isolens/core/base/safe_text.hpp"

#include "isolens/core/base/json_text.hpp"
#include "isolens/core/base/units.hpp"
#include "isolens/core/engine/engine_facts.hpp"
#include "isolens/core/host/host_os.hpp"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <iostream>

using namespace isolens;

namespace {

std::string joined(const std::vector<std::string>& items)
{
    std::string out;
    for (const auto& item : items)
        out += (out.empty() ? "" : ", ") + item;
    return out;
}

nlohmann::json hostOsJson(const HostOs& host)
{
    nlohmann::json out = {{"family", host.family},
                          {"description", host.description},
                          {"version", host.version},
                          {"build", host.build}};
    out["revision"] = jsonOrNull(host.revision);
    return out;
}

nlohmann::json factsJson(const ResolvedEndpoint& resolved, const EngineFacts& facts, const HostOs& host)
{
    return {
        {"endpoint", resolved.endpoint.url},
        {"endpoint_source", resolved.source},
        {"os_type", facts.info.osType},
        {"engine_version", facts.version.version},
        {"api_version", facts.apiVersion.str()},
        {"server_api_version", facts.ping.serverApiVersion},
        {"api_version_pinned", facts.apiVersionPinned},
        {"default_isolation", facts.info.defaultIsolation},
        {"runtimes", facts.info.runtimes},
        {"default_runtime", facts.info.defaultRuntime},
        {"cpus", facts.info.cpus},
        {"memory_bytes", facts.info.memoryBytes},
        {"operating_system", facts.info.operatingSystem},
        {"kernel_version", facts.info.kernelVersion},
        {"host_os", hostOsJson(host)},
    };
}

void printRow(const std::string& label, const std::string& value)
{
    std::cout << std::left << std::setw(20) << label << value << '\n';
}

void printFacts(const ResolvedEndpoint& resolved, const EngineFacts& facts, const HostOs& host)
{
    const auto& info = facts.info;
    printRow("Engine", resolved.endpoint.url + " (from " + resolved.source + ")");
    printRow("OS type", info.osType);
    printRow("Engine version", facts.version.version);
    printRow("API version", facts.apiVersion.str() +
                                (facts.apiVersionPinned
                                     ? " (pinned by DOCKER_API_VERSION)"
                                     : " (negotiated; engine offers " + facts.ping.serverApiVersion + ")"));
    printRow("Default isolation", describeDefaultIsolation(info));
    printRow("Runtimes", joined(info.runtimes) + " (default: " + info.defaultRuntime + ")");
    printRow("CPUs", std::to_string(info.cpus));
    printRow("Memory", formatBytes(info.memoryBytes));
    printRow("Engine OS", info.operatingSystem + ", kernel " + info.kernelVersion);
    std::string hostText = host.description;
    if (host.build != 0)
        hostText += " (build " + std::to_string(host.build) +
                    (host.revision ? "." + std::to_string(*host.revision) : std::string{}) + ")";
    printRow("Host OS", hostText);
}

} // namespace

int runInfoCommand(const CliContext& context)
{
    auto engine = connectToEngine(context);
    if (!engine)
        return reportError(context, engine.error());
    const auto& resolved = engine.value().resolved;
    auto facts = probeEngine(*engine.value().client, resolved.pinnedApiVersion.has_value());
    if (!facts)
        return reportError(context, facts.error());
    const auto host = readHostOs();
    if (context.json)
        std::cout << dumpJson(factsJson(resolved, facts.value(), host), 2) << '\n';
    else
        printFacts(resolved, facts.value(), host);
    return 0;
}
