#include "info_command.hpp"

#include "isolens/core/host_os.hpp"
#include "isolens/core/units.hpp"

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

// Linux engines report no isolation: everything runs as 'default'.
std::string isolationText(const EngineInfo& info)
{
    if (!info.defaultIsolation.empty())
        return info.defaultIsolation;
    return info.osType == "windows" ? "unknown" : "default (the only mode a Linux engine offers)";
}

nlohmann::json hostOsJson(const HostOs& host)
{
    nlohmann::json out = {{"family", host.family},
                          {"description", host.description},
                          {"version", host.version},
                          {"build", host.build}};
    out["revision"] = host.revision ? nlohmann::json(*host.revision) : nlohmann::json(nullptr);
    return out;
}

void printRow(const std::string& label, const std::string& value)
{
    std::cout << std::left << std::setw(20) << label << value << '\n';
}

} // namespace

int runInfoCommand(const CliContext& context)
{
    auto engine = connectToEngine(context);
    if (!engine)
        return reportError(context, engine.error());
    auto& client = *engine.value().client;
    auto ping = client.ping();
    if (!ping)
        return reportError(context, ping.error());
    auto api = client.apiVersion();
    if (!api)
        return reportError(context, api.error());
    auto info = client.info();
    if (!info)
        return reportError(context, info.error());
    auto version = client.version();
    if (!version)
        return reportError(context, version.error());
    const auto host = readHostOs();
    const auto& facts = info.value();
    const auto& resolved = engine.value().resolved;

    if (context.json) {
        nlohmann::json out = {
            {"endpoint", resolved.endpoint.url},
            {"endpoint_source", resolved.source},
            {"os_type", facts.osType},
            {"engine_version", version.value().version},
            {"api_version", api.value().str()},
            {"server_api_version", ping.value().serverApiVersion},
            {"api_version_pinned", resolved.pinnedApiVersion.has_value()},
            {"default_isolation", facts.defaultIsolation},
            {"runtimes", facts.runtimes},
            {"default_runtime", facts.defaultRuntime},
            {"cpus", facts.cpus},
            {"memory_bytes", facts.memoryBytes},
            {"operating_system", facts.operatingSystem},
            {"kernel_version", facts.kernelVersion},
            {"host_os", hostOsJson(host)},
        };
        std::cout << out.dump(2) << '\n';
        return 0;
    }

    printRow("Engine", resolved.endpoint.url + " (from " + resolved.source + ")");
    printRow("OS type", facts.osType);
    printRow("Engine version", version.value().version);
    printRow("API version", api.value().str() +
                                (resolved.pinnedApiVersion
                                     ? " (pinned by DOCKER_API_VERSION)"
                                     : " (negotiated; engine offers " + ping.value().serverApiVersion + ")"));
    printRow("Default isolation", isolationText(facts));
    printRow("Runtimes", joined(facts.runtimes) + " (default: " + facts.defaultRuntime + ")");
    printRow("CPUs", std::to_string(facts.cpus));
    printRow("Memory", formatBytes(facts.memoryBytes));
    printRow("Engine OS", facts.operatingSystem + ", kernel " + facts.kernelVersion);
    std::string hostText = host.description;
    if (host.build != 0)
        hostText += " (build " + std::to_string(host.build) +
                    (host.revision ? "." + std::to_string(*host.revision) : std::string{}) + ")";
    printRow("Host OS", hostText);
    return 0;
}
