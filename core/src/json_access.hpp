#pragma once

#include <nlohmann/json.hpp>

namespace isolens::detail {

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
