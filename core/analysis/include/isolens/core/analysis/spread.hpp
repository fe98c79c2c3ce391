#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace isolens {

// How far one figure moved over repeated runs: the smallest, the median and the largest value. The
// median of an even count is the mean of the two middle values.
struct Spread {
    std::size_t count = 0;
    double min = 0.0;
    double median = 0.0;
    double max = 0.0;
    bool operator==(const Spread&) const = default;
};

// Nothing when there are no values.
std::optional<Spread> spreadOf(std::vector<double> values);

// The spread of the values that are known; nothing when none is.
std::optional<Spread> spreadOfKnown(const std::vector<std::optional<double>>& values);

} // namespace isolens
