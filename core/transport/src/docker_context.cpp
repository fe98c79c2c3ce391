#include "isolens/core/transport/docker_context.hpp"

#include "isolens/core/base/json_access.hpp"
#include "isolens/core/platform/sha256.hpp"
#include "isolens/core/platform/system_text.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace isolens {

namespace fs = std::filesystem;

namespace {

Result<std::optional<nlohmann::json>> readJsonFile(const fs::path& path)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        return std::optional<nlohmann::json>{};
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorKind::PermissionDenied, "Cannot read " + utf8FromPath(path));
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded())
        return makeError(ErrorKind::InvalidEndpoint, utf8FromPath(path) + " is not valid JSON");
    return std::optional<nlohmann::json>{std::move(parsed)};
}

} // namespace

std::string contextDirectoryName(const std::string& contextName)
{
    return sha256Hex(contextName);
}

Result<std::optional<std::string>> readCurrentContextName(const fs::path& configDir)
{
    auto config = readJsonFile(configDir / "config.json");
    if (!config)
        return config.error();
    if (!config.value() || !config.value()->is_object())
        return std::optional<std::string>{};
    const auto& json = *config.value();
    auto it = json.find("currentContext");
    if (it == json.end() || !it->is_string() || it->get<std::string>().empty())
        return std::optional<std::string>{};
    return std::optional<std::string>{it->get<std::string>()};
}

Result<DockerContext> loadDockerContext(const fs::path& configDir, const std::string& name)
{
    const auto hash = contextDirectoryName(name);
    const auto metaPath = configDir / "contexts" / "meta" / hash / "meta.json";
    auto meta = readJsonFile(metaPath);
    if (!meta)
        return meta.error();
    if (!meta.value())
        return makeError(ErrorKind::InvalidEndpoint, "Docker context '" + name + "' does not exist (no " +
                                                         utf8FromPath(metaPath) +
                                                         "); list contexts with 'docker context ls'");

    const auto& json = *meta.value();
    DockerContext context;
    context.name = name;
    context.tlsDir = configDir / "contexts" / "tls" / hash / "docker";
    const auto& docker = detail::member(detail::member(json, "Endpoints"), "docker");
    if (!docker.is_object() || !docker.contains("Host") || !docker["Host"].is_string())
        return makeError(ErrorKind::InvalidEndpoint, "Docker context '" + name +
                                                         "' has no docker endpoint Host in " +
                                                         utf8FromPath(metaPath));
    context.host = docker["Host"].get<std::string>();
    if (auto skip = docker.find("SkipTLSVerify"); skip != docker.end() && skip->is_boolean())
        context.skipTlsVerify = skip->get<bool>();
    return context;
}

} // namespace isolens
