#include "isolens/core/engine/resource_limits.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace isolens {

namespace {

// The number at the front of text (digits and at most one point), or nothing.
bool leadingNumber(std::string_view text, double& value, std::size_t& length)
{
    length = 0;
    bool point = false;
    while (length < text.size() &&
           (std::isdigit(static_cast<unsigned char>(text[length])) || (text[length] == '.' && !point))) {
        point = point || text[length] == '.';
        ++length;
    }
    if (length == 0 || text[0] == '.' || text[length - 1] == '.')
        return false;
    const std::string digits(text.substr(0, length));
    value = std::strtod(digits.c_str(), nullptr);
    return true;
}

int unitPower(std::string_view unit)
{
    std::string lower;
    for (const char c : unit)
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.empty() || lower == "b")
        return 0;
    static constexpr std::string_view kPrefixes = "kmgt";
    const auto power = kPrefixes.find(lower[0]);
    if (power == std::string_view::npos)
        return -1;
    const auto rest = std::string_view(lower).substr(1);
    if (rest.empty() || rest == "b" || rest == "ib")
        return static_cast<int>(power) + 1;
    return -1;
}

constexpr const char* kMemoryHint = "Write a size such as 512m, 1g or 1.5g (at least 6m)";
constexpr const char* kCpuHint = "Write a number of CPUs such as 1, 0.5 or 1.5 (at least 0.01)";

// "--memory takes at least 6m …, not '1k'", or the batch file's "\"memory\" takes …".
Error badLimit(std::string_view name, std::string_view text, const std::string& what, const char* hint)
{
    auto error = makeError(ErrorKind::InvalidInput,
                           std::string(name) + " takes " + what + ", not '" + std::string(text) + "'");
    error.hint = hint;
    return error;
}

} // namespace

Result<std::int64_t> parseMemoryLimit(std::string_view text, std::string_view name)
{
    double number = 0;
    std::size_t length = 0;
    if (!leadingNumber(text, number, length))
        return badLimit(name, text, "a size with an optional unit b, k, m or g", kMemoryHint);
    const int power = unitPower(text.substr(length));
    if (power < 0)
        return badLimit(name, text, "a size with an optional unit b, k, m or g", kMemoryHint);
    const double bytes = std::floor(number * std::pow(1024.0, power));
    if (bytes < kMinMemoryLimitBytes)
        return badLimit(name, text, "at least 6m (the engine's smallest limit)", kMemoryHint);
    if (bytes > 9.0e18)
        return badLimit(name, text, "a size the engine can hold", kMemoryHint);
    return static_cast<std::int64_t>(bytes);
}

Result<std::int64_t> parseCpuLimit(std::string_view text, std::string_view name)
{
    double cpus = 0;
    std::size_t length = 0;
    if (!leadingNumber(text, cpus, length) || length != text.size())
        return badLimit(name, text, "a number of CPUs", kCpuHint);
    if (cpus < kMinCpuLimit)
        return badLimit(name, text, "at least 0.01 CPUs", kCpuHint);
    if (cpus > 1.0e6)
        return badLimit(name, text, "a number of CPUs this machine could have", kCpuHint);
    return static_cast<std::int64_t>(std::llround(cpus * 1e9));
}

std::string describeMemoryLimit(std::int64_t bytes)
{
    char text[48];
    const double mebibytes = static_cast<double>(bytes) / (1024.0 * 1024.0);
    if (mebibytes >= 1024.0)
        std::snprintf(text, sizeof text, "%.4g GiB", mebibytes / 1024.0);
    else
        std::snprintf(text, sizeof text, "%.4g MiB", mebibytes);
    return text;
}

std::string describeCpuLimit(std::int64_t nanoCpus)
{
    char text[48];
    const double cpus = static_cast<double>(nanoCpus) / 1e9;
    std::snprintf(text, sizeof text, "%.4g %s", cpus, cpus == 1.0 ? "CPU" : "CPUs");
    return text;
}

} // namespace isolens
