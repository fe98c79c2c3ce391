#pragma once

#include <nlohmann/json.hpp>

#include <string_view>

namespace isolens::detail {

// Text from outside as JSON, or a discarded value when it is none. nlohmann takes a NUL byte for the
// end of input, so `{}` NUL `junk` would parse as `{}`; no JSON text holds a raw NUL.
inline nlohmann::json parseJson(std::string_view text)
{
    if (text.find('\0') != std::string_view::npos)
        return nlohmann::json(nlohmann::json::value_t::discarded);
    return nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
}

// object[key], or null when the object is not an object or has no such key: engines of different
// versions and OSes leave out different fields, and a missing field must not throw.
inline const nlohmann::json& member(const nlohmann::json& object, const char* key)
{
    static const nlohmann::json kNull;
    if (!object.is_object())
        return kNull;
    auto it = object.find(key);
    return it == object.end() ? kNull : *it;
}

} // namespace isolens::detail
