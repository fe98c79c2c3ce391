#include "isolens/core/engine/engine_facts.hpp"

namespace isolens {

Result<EngineFacts> probeEngine(EngineClient& client, bool apiVersionPinned)
{
    EngineFacts facts;
    auto ping = client.ping();
    if (!ping)
        return ping.error();
    facts.ping = std::move(ping.value());
    auto api = client.apiVersion();
    if (!api)
        return api.error();
    facts.apiVersion = api.value();
    facts.apiVersionPinned = apiVersionPinned;
    auto version = client.version();
    if (!version)
        return version.error();
    facts.version = std::move(version.value());
    auto info = client.info();
    if (!info)
        return info.error();
    facts.info = std::move(info.value());
    return facts;
}

std::string describeDefaultIsolation(const EngineInfo& info)
{
    if (!info.defaultIsolation.empty())
        return info.defaultIsolation;
    return engineOsFromOsType(info.osType) == EngineOs::Windows
               ? "unknown"
               : "default (the only mode a Linux engine offers)";
}

} // namespace isolens
