#pragma once

#include "isolens/core/base/error.hpp"

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace isolens {

// A Docker Engine API version such as 1.41.
struct ApiVersion {
    int major = 1;
    int minor = 24;

    static std::optional<ApiVersion> parse(std::string_view text);
    std::string str() const;
    auto operator<=>(const ApiVersion&) const = default;
};

// The newest API whose calls IsoLens makes, and the oldest it can talk to.
// 1.55 is the API of the current Docker release, Docker Engine 29.7.2 (moby tag docker-v29.7.2,
// daemon/config/config.go: MaxAPIVersion = "1.55"). Every field IsoLens reads or sends was checked
// against moby api/docs/CHANGELOG.md ("Engine API version history") from v1.41 to v1.55; the changes
// that touch IsoLens, and how each is handled, are listed in core/engine/src/engine_json.cpp.
inline constexpr ApiVersion kClientMaxApiVersion{1, 55};
inline constexpr ApiVersion kClientMinApiVersion{1, 24};

// The docker CLI's rule: the lower of the server's and ours; a server that names none speaks 1.24.
ApiVersion negotiateApiVersion(std::optional<ApiVersion> serverVersion);

// As above, for an engine that speaks up to serverMax and, from /version's MinAPIVersion, at least
// serverMin (none: no minimum named, as before API 1.25). Refuses, before any call is made, an engine
// whose minimum is above IsoLens' maximum (ErrorKind::ClientApiVersionTooOld: update IsoLens) and one
// whose maximum is below IsoLens' minimum (ErrorKind::ApiVersionTooOld: update Docker).
Result<ApiVersion> negotiateApiVersion(std::optional<ApiVersion> serverMax,
                                       std::optional<ApiVersion> serverMin);

// The hints that say which side is too old, with the versions filled in.
std::string updateIsoLensHint(ApiVersion engineMin); // IsoLens is the old side
std::string updateDockerHint(ApiVersion engineMax);  // the engine is the old side
std::string pinnedVersionTooOldHint(ApiVersion pinned,
                                    ApiVersion engineMin); // DOCKER_API_VERSION below the minimum
std::string pinnedVersionTooNewHint(ApiVersion pinned,
                                    ApiVersion engineMax); // DOCKER_API_VERSION above the maximum

} // namespace isolens
