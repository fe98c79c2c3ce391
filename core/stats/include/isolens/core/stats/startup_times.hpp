#pragma once

#include <optional>

namespace isolens {

// How long one side of a pair took to start: from its create call to the engine saying it runs, and
// from the pair's start to its first sample. Unknown (none) until measured, or when a recording has none.
struct StartupTimes {
    std::optional<double> createToRunningMillis;
    std::optional<double> startToFirstSampleMillis;
    bool operator==(const StartupTimes&) const = default;
};

} // namespace isolens
