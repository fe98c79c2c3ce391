#include "isolens/core/time_series.hpp"

#include "isolens/core/saturating.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace isolens {

namespace {
constexpr std::int64_t kNanosPerMilli = 1'000'000;
}

bool TimeSeries::append(std::int64_t timeNanos, double value)
{
    if (size_ == 0)
        originNanos_ = timeNanos;
    const std::int64_t offset =
        std::max<std::int64_t>(0, saturating::sub(timeNanos, originNanos_) / kNanosPerMilli);
    if (offset > std::numeric_limits<std::uint32_t>::max())
        return false;
    const auto clamped = std::max(static_cast<std::uint32_t>(offset), lastOffset_);
    if (size_ % kChunkPoints == 0)
        chunks_.push_back(std::make_unique<Chunk>());
    auto& chunk = *chunks_.back();
    chunk.offsetMillis[size_ % kChunkPoints] = clamped;
    const auto stored = static_cast<float>(value);
    chunk.values[size_ % kChunkPoints] = stored;
    auto& block = chunk.blocks[(size_ % kChunkPoints) / kBlockPoints];
    if (size_ % kBlockPoints == 0)
        block = BlockSummary{};
    if (std::isnan(stored)) {
        block.hasGap = true;
    } else {
        block.min = block.count == 0 ? stored : std::min(block.min, stored);
        block.max = block.count == 0 ? stored : std::max(block.max, stored);
        ++block.count;
    }
    lastOffset_ = clamped;
    ++size_;
    return true;
}

bool TimeSeries::appendGap(std::int64_t timeNanos)
{
    return append(timeNanos, std::nan(""));
}

std::int64_t TimeSeries::timeAt(std::size_t index) const
{
    return originNanos_ +
           static_cast<std::int64_t>(chunks_[index / kChunkPoints]->offsetMillis[index % kChunkPoints]) *
               kNanosPerMilli;
}

float TimeSeries::valueAt(std::size_t index) const
{
    return chunks_[index / kChunkPoints]->values[index % kChunkPoints];
}

const TimeSeries::BlockSummary& TimeSeries::blockOf(std::size_t index) const
{
    return chunks_[index / kChunkPoints]->blocks[(index % kChunkPoints) / kBlockPoints];
}

SeriesPoint TimeSeries::at(std::size_t index) const
{
    return {timeAt(index), valueAt(index)};
}

std::pair<std::size_t, std::size_t> TimeSeries::indexRange(std::int64_t firstNanos,
                                                           std::int64_t lastNanos) const
{
    // Binary search over indexes; times are non-decreasing.
    auto lowerBound = [this](std::int64_t time) {
        std::size_t low = 0;
        std::size_t high = size_;
        while (low < high) {
            const auto middle = low + (high - low) / 2;
            if (timeAt(middle) < time)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    };
    const auto begin = lowerBound(firstNanos);
    const auto end = std::max(begin, lowerBound(lastNanos));
    return {begin, end};
}

std::vector<SeriesPoint> TimeSeries::range(std::int64_t firstNanos, std::int64_t lastNanos) const
{
    const auto [begin, end] = indexRange(firstNanos, lastNanos);
    std::vector<SeriesPoint> points;
    points.reserve(end - begin);
    for (auto i = begin; i < end; ++i)
        points.push_back(at(i));
    return points;
}

std::size_t TimeSeries::memoryBytes() const
{
    return sizeof(*this) + chunks_.capacity() * sizeof(std::unique_ptr<Chunk>) +
           chunks_.size() * sizeof(Chunk);
}

} // namespace isolens
