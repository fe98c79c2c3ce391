#include "isolens/core/host/host_calculations.hpp"

#include "isolens/core/base/saturating.hpp"

#include <algorithm>
#include <cctype>

namespace isolens::host {

double cpuPercentBetween(std::uint64_t previousIdle, std::uint64_t previousTotal, std::uint64_t idle,
                         std::uint64_t total)
{
    if (total <= previousTotal || idle < previousIdle)
        return 0.0;
    const double totalDelta = static_cast<double>(total - previousTotal);
    const double idleDelta = static_cast<double>(idle - previousIdle);
    return std::clamp((totalDelta - idleDelta) / totalDelta * 100.0, 0.0, 100.0);
}

double processCpuPercent(std::int64_t previousCpuNanos, std::int64_t cpuNanos, std::int64_t elapsedNanos,
                         int logicalCpus)
{
    if (elapsedNanos <= 0 || logicalCpus <= 0 || cpuNanos < previousCpuNanos)
        return 0.0;
    const double share = static_cast<double>(saturating::sub(cpuNanos, previousCpuNanos)) /
                         (static_cast<double>(elapsedNanos) * static_cast<double>(logicalCpus)) * 100.0;
    return std::clamp(share, 0.0, 100.0);
}

bool matchesPattern(std::string_view name, std::string_view pattern)
{
    auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
    // Iterative glob with backtracking to the last '*'.
    std::size_t n = 0, p = 0, star = std::string_view::npos, mark = 0;
    while (n < name.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || lower(pattern[p]) == lower(name[n]))) {
            ++n;
            ++p;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            mark = n;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            n = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

bool matchesAnyPattern(std::string_view name, const std::vector<std::string>& patterns)
{
    return std::any_of(patterns.begin(), patterns.end(),
                       [&](const std::string& pattern) { return matchesPattern(name, pattern); });
}

} // namespace isolens::host
