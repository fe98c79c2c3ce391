#pragma once

#include "isolens/core/stats/stats_sample.hpp"

#include <cstdint>

// A valid sample at a time (nanoseconds) with this CPU % and memory, the rest zero.
inline isolens::StatsSample validSample(std::int64_t timeNanos, double cpu, std::int64_t memory)
{
    isolens::StatsSample s;
    s.valid = true;
    s.timeNanos = timeNanos;
    s.cpuPercent = cpu;
    s.memBytes = memory;
    return s;
}
