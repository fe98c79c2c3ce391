#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace isolens {

// The one staleness rule: a container without a sample for this long has a gap (shown as "--", never
// as zero), whoever looks: the collectors, the latest-figures table, group sums, the status bar.
inline constexpr std::chrono::seconds kStaleAfter{2};
inline constexpr std::int64_t kStaleAfterNanos =
    std::chrono::duration_cast<std::chrono::nanoseconds>(kStaleAfter).count();

// "no sample for 2 s": what a gap is called in recordings, logs and tables.
inline std::string noSampleForStaleTime()
{
    return "no sample for " + std::to_string(kStaleAfter.count()) + " s";
}

} // namespace isolens
