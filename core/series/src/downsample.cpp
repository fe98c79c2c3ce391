#include "isolens/core/series/downsample.hpp"

#include <algorithm>
#include <cmath>

namespace isolens {

std::vector<MinMaxBucket> downsampleMinMax(const TimeSeries& series, std::int64_t firstNanos,
                                           std::int64_t lastNanos, std::size_t bucketCount)
{
    std::vector<MinMaxBucket> buckets;
    if (bucketCount == 0 || lastNanos <= firstNanos)
        return buckets;
    const auto [begin, end] = series.indexRange(firstNanos, lastNanos);
    const auto span = static_cast<long double>(lastNanos) - static_cast<long double>(firstNanos);
    auto bucketOf = [&](std::int64_t time) {
        const auto index = static_cast<std::size_t>(
            (static_cast<long double>(time) - static_cast<long double>(firstNanos)) * bucketCount / span);
        return std::min(index, bucketCount - 1);
    };
    auto bucketStart = [&](std::size_t index) {
        return firstNanos + static_cast<std::int64_t>(span * static_cast<long double>(index) / bucketCount);
    };

    // The first time that falls in a later bucket than `index` (bucketOf is monotonic): points before
    // it need no division, so the loop below costs a comparison per point.
    auto nextBoundary = [&](std::size_t index, std::int64_t from) {
        if (index + 1 >= bucketCount)
            return lastNanos;
        auto boundary = std::max(from + 1, bucketStart(index + 1));
        while (boundary > from + 1 && bucketOf(boundary - 1) > index)
            --boundary;
        while (boundary < lastNanos && bucketOf(boundary) <= index)
            ++boundary;
        return boundary;
    };

    MinMaxBucket current;
    std::size_t currentIndex = bucketCount; // none yet
    std::int64_t boundary = firstNanos;     // the current bucket holds times below this
    constexpr auto kBlock = TimeSeries::kBlockPoints;
    for (auto i = begin; i < end;) {
        const auto time = series.timeAt(i);
        if (time >= boundary || currentIndex == bucketCount) {
            const auto index = bucketOf(time);
            if (currentIndex != bucketCount)
                buckets.push_back(current);
            current = MinMaxBucket{bucketStart(index)};
            currentIndex = index;
            boundary = nextBoundary(index, time);
        }
        // A whole block inside this bucket: its summary stands for its points.
        if (i % kBlock == 0 && i + kBlock <= end && series.timeAt(i + kBlock - 1) < boundary) {
            const auto& block = series.blockOf(i);
            current.hasGap = current.hasGap || block.hasGap;
            if (block.count > 0) {
                current.min = current.count == 0 ? block.min : std::min(current.min, block.min);
                current.max = current.count == 0 ? block.max : std::max(current.max, block.max);
                current.count += block.count;
            }
            i += kBlock;
            continue;
        }
        const float value = series.valueAt(i);
        ++i;
        if (std::isnan(value)) {
            current.hasGap = true;
            continue;
        }
        current.min = current.count == 0 ? value : std::min(current.min, value);
        current.max = current.count == 0 ? value : std::max(current.max, value);
        ++current.count;
    }
    if (currentIndex != bucketCount)
        buckets.push_back(current);
    return buckets;
}

} // namespace isolens
