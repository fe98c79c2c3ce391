#pragma once

#include <nlohmann/json.hpp>

#include <climits>
#include <cstdint>
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

// Any JSON number as a 64-bit integer, clamped to the type's range (a float of 1e300 must not be
// undefined behaviour); anything else is 0.
inline std::int64_t clampedInt64(const nlohmann::json& value)
{
    if (value.is_number_unsigned()) {
        const auto u = value.get<std::uint64_t>();
        return u > static_cast<std::uint64_t>(INT64_MAX) ? INT64_MAX : static_cast<std::int64_t>(u);
    }
    if (value.is_number_integer())
        return value.get<std::int64_t>();
    if (value.is_number_float()) {
        const double d = value.get<double>();
        if (!(d == d))
            return 0; // NaN
        if (d >= 9.2233720368547758e18)
            return INT64_MAX;
        if (d <= -9.2233720368547758e18)
            return INT64_MIN;
        return static_cast<std::int64_t>(d);
    }
    return 0;
}

inline std::uint64_t clampedUInt64(const nlohmann::json& value)
{
    if (value.is_number_unsigned())
        return value.get<std::uint64_t>();
    if (value.is_number_float()) {
        const double d = value.get<double>();
        if (!(d > 0.0))
            return 0; // negative or NaN
        return d >= 1.8446744073709552e19 ? UINT64_MAX : static_cast<std::uint64_t>(d);
    }
    const auto i = clampedInt64(value);
    return i > 0 ? static_cast<std::uint64_t>(i) : 0;
}

inline std::int64_t integerField(const nlohmann::json& object, const char* key)
{
    if (!object.is_object())
        return 0;
    auto it = object.find(key);
    return it == object.end() ? 0 : clampedInt64(*it);
}

} // namespace isolens::detail
