#include "isolens/core/units.hpp"

#include <array>
#include <cmath>
#include <cstdio>

namespace isolens {

std::string formatBytes(std::int64_t bytes)
{
    static constexpr std::array<const char*, 6> kUnits{"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    const bool negative = bytes < 0;
    double value = std::fabs(static_cast<double>(bytes));
    std::size_t unit = 0;
    while (value >= 1024.0 && unit + 1 < kUnits.size()) {
        value /= 1024.0;
        ++unit;
    }
    char text[32];
    if (unit == 0)
        std::snprintf(text, sizeof text, "%s%.0f %s", negative ? "-" : "", value, kUnits[unit]);
    else
        std::snprintf(text, sizeof text, "%s%.2f %s", negative ? "-" : "", value, kUnits[unit]);
    return text;
}

} // namespace isolens
