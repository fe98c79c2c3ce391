#pragma once

#include <cstdint>
#include <limits>

// Arithmetic on figures from outside (engines, files, the user) saturates at the type's limits
// instead of overflowing: a counter at INT64_MAX or a float of 1e300 is a large figure, never
// undefined behaviour.
namespace isolens::saturating {

constexpr std::int64_t add(std::int64_t a, std::int64_t b)
{
    if (b > 0 && a > std::numeric_limits<std::int64_t>::max() - b)
        return std::numeric_limits<std::int64_t>::max();
    if (b < 0 && a < std::numeric_limits<std::int64_t>::min() - b)
        return std::numeric_limits<std::int64_t>::min();
    return a + b;
}

constexpr std::int64_t sub(std::int64_t a, std::int64_t b)
{
    if (b < 0 && a > std::numeric_limits<std::int64_t>::max() + b)
        return std::numeric_limits<std::int64_t>::max();
    if (b > 0 && a < std::numeric_limits<std::int64_t>::min() + b)
        return std::numeric_limits<std::int64_t>::min();
    return a - b;
}

constexpr std::int64_t mul(std::int64_t a, std::int64_t b)
{
    constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
    constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
    if (a == 0 || b == 0)
        return 0;
    const bool negative = (a < 0) != (b < 0);
    if (a > 0 ? (b > 0 ? a > kMax / b : b < kMin / a) : (b > 0 ? a < kMin / b : a < kMax / b))
        return negative ? kMin : kMax;
    return a * b;
}

// A double as an integer of type T, clamped to T's range; NaN is 0. The comparisons are against
// powers of two, which doubles hold exactly, so no cast ever sees a value out of range.
template <class T>
constexpr T fromDouble(double value)
{
    static_assert(std::numeric_limits<T>::is_integer);
    if (!(value == value))
        return 0;
    constexpr double kAboveMax = static_cast<double>(std::numeric_limits<T>::max() / 2 + 1) * 2.0; // 2^digits
    if (value >= kAboveMax)
        return std::numeric_limits<T>::max();
    if (value <= static_cast<double>(std::numeric_limits<T>::min()))
        return std::numeric_limits<T>::min();
    return static_cast<T>(value);
}

// An integer as type T, clamped to T's range.
template <class T, class From>
constexpr T clamp(From value)
{
    static_assert(std::numeric_limits<T>::is_integer && std::numeric_limits<From>::is_integer);
    using Limits = std::numeric_limits<T>;
    if constexpr (std::numeric_limits<From>::is_signed) {
        if (value < 0) {
            if constexpr (!Limits::is_signed)
                return 0;
            else if (static_cast<std::intmax_t>(value) < static_cast<std::intmax_t>(Limits::min()))
                return Limits::min();
        } else if (static_cast<std::uintmax_t>(value) > static_cast<std::uintmax_t>(Limits::max())) {
            return Limits::max();
        }
    } else if (static_cast<std::uintmax_t>(value) > static_cast<std::uintmax_t>(Limits::max())) {
        return Limits::max();
    }
    return static_cast<T>(value);
}

} // namespace isolens::saturating
