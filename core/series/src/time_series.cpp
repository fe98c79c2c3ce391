#include "isolens/core/series/time_series.hpp"

#include "isolens/core/base/saturating.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace isolens {

namespace {
constexpr std::int64_t kNanosPerMilli = 1'000'000;
constexpr std::size_t kFirstChunkCapacity = 16; // points; the last chunk doubles up to kChunkPoints
} // namespace

bool TimeSeries::append(std::int64_t timeNanos, double value)
{
    if (size_ == 0)
        originNanos_ = timeNanos;
    const std::int64_t offset =
        std::max<std::int64_t>(0, saturating::sub(timeNanos, originNanos_) / kNanosPerMilli);
    if (offset > std::numeric_limits<std::uint32_t>::max())
        return false;
    const auto clamped = std::max(static_cast<std::uint32_t>(offset), lastOffset_);
    if (size_ % kChunkPoints == 0) {
        chunks_.push_back(std::make_unique<Chunk>());
        // A later chunk follows a full one, so the series is long: it starts at full size.
        const auto capacity = chunks_.size() == 1 ? kFirstChunkCapacity : kChunkPoints;
        chunks_.back()->offsetMillis.reserve(capacity);
        chunks_.back()->values.reserve(capacity);
        chunks_.back()->blocks.reserve((capacity + kBlockPoints - 1) / kBlockPoints);
    }
    auto& chunk = *chunks_.back();
    if (chunk.values.size() == chunk.values.capacity()) {
        const auto capacity = std::min(kChunkPoints, 2 * chunk.values.capacity());
        chunk.offsetMillis.reserve(capacity);
        chunk.values.reserve(capacity);
    }
    chunk.offsetMillis.push_back(clamped);
    const auto stored = static_cast<float>(value);
    chunk.values.push_back(stored);
    if (size_ % kBlockPoints == 0)
        chunk.blocks.emplace_back();
    auto& block = chunk.blocks.back();
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
    std::size_t bytes = sizeof(*this) + chunks_.capacity() * sizeof(std::unique_ptr<Chunk>);
    for (const auto& chunk : chunks_)
        bytes += sizeof(Chunk) + chunk->offsetMillis.capacity() * sizeof(std::uint32_t) +
                 chunk->values.capacity() * sizeof(float) + chunk->blocks.capacity() * sizeof(BlockSummary);
    return bytes;
}

} // namespace isolens
