#include "isolens/core/engine/api_version.hpp"

#include <charconv>

namespace isolens {

std::optional<ApiVersion> ApiVersion::parse(std::string_view text)
{
    if (text.starts_with('v'))
        text.remove_prefix(1);
    const auto dot = text.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == text.size())
        return std::nullopt;
    ApiVersion version;
    auto parseInt = [](std::string_view digits, int& out) {
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
        return ec == std::errc{} && end == digits.data() + digits.size() && out >= 0;
    };
    if (!parseInt(text.substr(0, dot), version.major) || !parseInt(text.substr(dot + 1), version.minor))
        return std::nullopt;
    return version;
}

std::string ApiVersion::str() const
{
    return std::to_string(major) + "." + std::to_string(minor);
}

ApiVersion negotiateApiVersion(std::optional<ApiVersion> serverVersion)
{
    const ApiVersion server = serverVersion.value_or(ApiVersion{1, 24});
    return server < kClientMaxApiVersion ? server : kClientMaxApiVersion;
}

Result<ApiVersion> negotiateApiVersion(std::optional<ApiVersion> serverMax,
                                       std::optional<ApiVersion> serverMin)
{
    const auto negotiated = negotiateApiVersion(serverMax);
    // The lower of the two is below the engine's minimum only when ours is: IsoLens is the old side.
    if (serverMin && negotiated < *serverMin) {
        auto error = makeError(ErrorKind::ClientApiVersionTooOld, "The engine needs API " + serverMin->str() +
                                                                      " or later; IsoLens speaks up to " +
                                                                      kClientMaxApiVersion.str());
        error.hint = updateIsoLensHint(*serverMin);
        return error;
    }
    if (negotiated < kClientMinApiVersion) {
        auto error = makeError(ErrorKind::ApiVersionTooOld,
                               "The engine speaks API " + negotiated.str() + ", older than the " +
                                   kClientMinApiVersion.str() + " IsoLens needs");
        error.hint = updateDockerHint(negotiated);
        return error;
    }
    return negotiated;
}

std::string updateIsoLensHint(ApiVersion engineMin)
{
    return "IsoLens speaks API up to " + kClientMaxApiVersion.str() + "; this engine needs at least " +
           engineMin.str() + ": update IsoLens.";
}

std::string updateDockerHint(ApiVersion engineMax)
{
    return "This engine speaks only API up to " + engineMax.str() + "; IsoLens needs at least " +
           kClientMinApiVersion.str() + ": update Docker.";
}

std::string pinnedVersionTooOldHint(ApiVersion pinned, ApiVersion engineMin)
{
    return "IsoLens asked for API " + pinned.str() + " though it speaks up to " + kClientMaxApiVersion.str() +
           ", so DOCKER_API_VERSION pins it; this engine needs at least " + engineMin.str() +
           ": unset DOCKER_API_VERSION, or set it to " + engineMin.str() + " or later.";
}

std::string pinnedVersionTooNewHint(ApiVersion pinned, ApiVersion engineMax)
{
    return "IsoLens asked for API " + pinned.str() + ", but this engine speaks only up to " +
           engineMax.str() + ": unset DOCKER_API_VERSION to let IsoLens negotiate, or set it to " +
           engineMax.str() + " or lower.";
}

} // namespace isolens
