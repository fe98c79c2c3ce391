#pragma once

#include "isolens/core/base/saturating.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace isolens::detail {

// object[key] as a string or number when it is one, else the fallback: files and engines may put
// any type anywhere, and that must never throw.
inline std::string textField(const nlohmann::json& object, const char* key)
{
    if (!object.is_object())
        return {};
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

// Any JSON number as an integer of type T, clamped to the type's range (a float of 1e300 or a
// counter beyond INT64_MAX must not be undefined behaviour); anything else is 0.
template <class T>
T clampedInteger(const nlohmann::json& value)
{
    if (value.is_number_unsigned())
        return saturating::clamp<T>(value.get<std::uint64_t>());
    if (value.is_number_integer())
        return saturating::clamp<T>(value.get<std::int64_t>());
    if (value.is_number_float())
        return saturating::fromDouble<T>(value.get<double>());
    return 0;
}

inline std::int64_t clampedInt64(const nlohmann::json& value)
{
    return clampedInteger<std::int64_t>(value);
}

inline std::uint64_t clampedUInt64(const nlohmann::json& value)
{
    return clampedInteger<std::uint64_t>(value);
}

inline std::int64_t integerField(const nlohmann::json& object, const char* key)
{
    if (!object.is_object())
        return 0;
    auto it = object.find(key);
    return it == object.end() ? 0 : clampedInt64(*it);
}

} // namespace isolens::detail

namespace isolens {

// A value that may be unknown, as JSON: the value, or null (never a made-up 0).
template <class T>
nlohmann::json jsonOrNull(const std::optional<T>& value)
{
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

} // namespace isolens
