#pragma once

#include "isolens/core/base/error.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace isolens {

// One docker CLI context, as stored under <config>/contexts.
struct DockerContext {
    std::string name;
    std::string host;             // Endpoints.docker.Host
    bool skipTlsVerify = false;   // Endpoints.docker.SkipTLSVerify
    std::filesystem::path tlsDir; // <config>/contexts/tls/<hash>/docker (may not exist)
};

// currentContext from <config>/config.json; nullopt when unset or the file is absent.
Result<std::optional<std::string>> readCurrentContextName(const std::filesystem::path& configDir);

// Loads a named context's metadata; "default" is not stored and is not accepted here.
Result<DockerContext> loadDockerContext(const std::filesystem::path& configDir, const std::string& name);

// The docker CLI stores contexts under the hex SHA-256 of their name.
std::string contextDirectoryName(const std::string& contextName);

} // namespace isolens
