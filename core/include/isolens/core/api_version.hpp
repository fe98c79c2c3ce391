#pragma once

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
inline constexpr ApiVersion kClientMaxApiVersion{1, 43};
inline constexpr ApiVersion kClientMinApiVersion{1, 24};

// The docker CLI's rule: the lower of the server's and ours; a server that names none speaks 1.24.
ApiVersion negotiateApiVersion(std::optional<ApiVersion> serverVersion);

} // namespace isolens
