#include "isolens/core/base/units.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <iterator>

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

namespace {

std::string goStyleSize(double size, double base, const char* const* units, std::size_t unitCount,
                        int precision)
{
    std::size_t unit = 0;
    while (size >= base && unit + 1 < unitCount) {
        size /= base;
        ++unit;
    }
    char text[48];
    std::snprintf(text, sizeof text, "%.*g%s", precision, size, units[unit]);
    return text;
}

} // namespace

std::string dockerBytesSize(double bytes)
{
    static constexpr const char* kBinary[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
    return goStyleSize(bytes, 1024.0, kBinary, std::size(kBinary), 4);
}

std::string dockerHumanSize(double bytes, int precision)
{
    static constexpr const char* kDecimal[] = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
    return goStyleSize(bytes, 1000.0, kDecimal, std::size(kDecimal), precision);
}

std::string wholeMilliseconds(double millis)
{
    return std::to_string(std::llround(millis));
}

} // namespace isolens
