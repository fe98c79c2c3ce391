// Engine addresses and docker contexts: DOCKER_HOST values, config.json and context meta.json.
#include "isolens/core/transport/docker_context.hpp"
#include "isolens/core/transport/endpoint_resolver.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    (void)isolens::parseHostUrl(text);

    // The first line is DOCKER_HOST, the rest the context's meta.json.
    static const auto config =
        std::filesystem::temp_directory_path() / ("isolens-fuzz-config-" + std::to_string(getpid()));
    const auto newline = text.find('\n');
    const auto host = text.substr(0, newline);
    const auto meta = newline == std::string::npos ? std::string{} : text.substr(newline + 1);
    const auto metaDir = config / "contexts" / "meta" / isolens::contextDirectoryName("fuzz");
    std::filesystem::create_directories(metaDir);
    std::ofstream(metaDir / "meta.json", std::ios::trunc) << meta;
    std::ofstream(config / "config.json", std::ios::trunc) << R"({"currentContext":"fuzz"})";

    auto environment = [&](bool withHost) {
        return [=](std::string_view name) -> std::optional<std::string> {
            if (name == "DOCKER_CONFIG")
                return config.string();
            if (name == "DOCKER_HOST" && withHost)
                return host;
            return std::nullopt;
        };
    };
    (void)isolens::resolveEndpoint({}, environment(true));
    (void)isolens::resolveEndpoint({}, environment(false)); // through the context
    return 0;
}
