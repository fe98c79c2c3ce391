#pragma once

#include "isolens/core/base/error.hpp"
#include "isolens/core/transport/endpoint.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isolens {

// Reads an environment variable as UTF-8; injected so resolution is testable.
using EnvironmentLookup = std::function<std::optional<std::string>(std::string_view name)>;

EnvironmentLookup processEnvironment();

struct EndpointRequest {
    std::optional<std::string> hostFlag;    // --host
    std::optional<std::string> contextFlag; // --context
    bool allowInsecureTcp = false;          // --allow-insecure-tcp
};

struct ResolvedEndpoint {
    Endpoint endpoint;
    std::string source;                          // "--host", "DOCKER_HOST", "context 'x'", "default"
    std::optional<std::string> pinnedApiVersion; // DOCKER_API_VERSION
    std::vector<std::string> warnings;           // shown to the user, e.g. insecure plain TCP
};

// The docker CLI's configuration folder: DOCKER_CONFIG, else ~/.docker.
std::filesystem::path dockerConfigDir(const EnvironmentLookup& env);

// Chooses the engine endpoint the way the docker CLI does:
// --context, --host, DOCKER_HOST, DOCKER_CONTEXT, currentContext in config.json, default.
Result<ResolvedEndpoint> resolveEndpoint(const EndpointRequest& request, const EnvironmentLookup& env);

} // namespace isolens
