#pragma once

#include "isolens/core/base/error.hpp"
#include "isolens/core/engine/api_version.hpp"
#include "isolens/core/engine/engine_client.hpp"
#include "isolens/core/engine/engine_types.hpp"

namespace isolens {

// What IsoLens shows about an engine as soon as it connects.
struct EngineFacts {
    PingInfo ping;
    ApiVersion apiVersion;
    bool apiVersionPinned = false;
    VersionInfo version;
    EngineInfo info;
};

// Pings (negotiating the API version), then reads /version and /info.
Result<EngineFacts> probeEngine(EngineClient& client, bool apiVersionPinned);

// "default (the only mode a Linux engine offers)", "hyperv", ...: the default isolation for people.
std::string describeDefaultIsolation(const EngineInfo& info);

} // namespace isolens
