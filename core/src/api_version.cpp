#include "isolens/core/api_version.hpp"

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

} // namespace isolens
