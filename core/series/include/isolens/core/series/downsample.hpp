#pragma once

#include "isolens/core/series/time_series.hpp"

#include <cstdint>
#include <vector>

namespace isolens {

// One horizontal slice of a chart: the lowest and highest value in it, so peaks survive
// downsampling (as heaptrack's charts keep each bucket's maximum).
struct MinMaxBucket {
    std::int64_t startNanos = 0;
    float min = 0.0f;
    float max = 0.0f;
    std::uint32_t count = 0; // points with a value
    bool hasGap = false;     // the bucket holds a gap marker
};

// Splits [firstNanos, lastNanos) into bucketCount equal slices and keeps min and max of each.
// Buckets with neither a value nor a gap are left out.
std::vector<MinMaxBucket> downsampleMinMax(const TimeSeries& series, std::int64_t firstNanos,
                                           std::int64_t lastNanos, std::size_t bucketCount);

} // namespace isolens
