#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace isolens {

struct SeriesPoint {
    std::int64_t timeNanos = 0;
    double value = 0.0; // NaN marks a gap (no data), so lines break instead of falling to zero
};

// One metric of one container over time: O(1) append, 8 bytes a point (milliseconds since the
// first point as 32 bits, the value as a float), stored in chunks of kChunkPoints: a full chunk never
// moves, and only the last one grows (doubling), so a series of a few points costs a few hundred bytes,
// not a whole chunk. 24 h at 1 Hz is 86,400 points, about 0.7 MB. Times must not go backwards; an earlier
// time is clamped to the last one. Points more than 49 days after the first are refused.
class TimeSeries {
public:
    static constexpr std::size_t kChunkPoints = 4096;
    // Every run of kBlockPoints points (aligned on multiples of it) keeps its lowest and highest value,
    // so a chart of a long history reads one summary instead of 64 points wherever a slice covers a
    // whole block. About 2% more memory.
    static constexpr std::size_t kBlockPoints = 64;
    struct BlockSummary {
        float min = 0.0f;
        float max = 0.0f;
        std::uint16_t count = 0; // points with a value
        bool hasGap = false;
    };

    // Returns false (and stores nothing) when the time is beyond the series' 49-day reach.
    bool append(std::int64_t timeNanos, double value);
    bool appendGap(std::int64_t timeNanos);

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    SeriesPoint at(std::size_t index) const;
    std::int64_t timeAt(std::size_t index) const;
    float valueAt(std::size_t index) const;

    // Indexes of the points with first <= time < last, as [begin, end).
    // The summary of the block holding `index` (complete or still filling).
    const BlockSummary& blockOf(std::size_t index) const;

    std::pair<std::size_t, std::size_t> indexRange(std::int64_t firstNanos, std::int64_t lastNanos) const;
    std::vector<SeriesPoint> range(std::int64_t firstNanos, std::int64_t lastNanos) const;

    std::size_t memoryBytes() const;

private:
    struct Chunk {
        std::vector<std::uint32_t> offsetMillis; // up to kChunkPoints
        std::vector<float> values;
        std::vector<BlockSummary> blocks;
    };
    std::vector<std::unique_ptr<Chunk>> chunks_;
    std::size_t size_ = 0;
    std::int64_t originNanos_ = 0;
    std::uint32_t lastOffset_ = 0;
};

} // namespace isolens
