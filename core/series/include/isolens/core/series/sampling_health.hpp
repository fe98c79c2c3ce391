#pragma once

#include "isolens/core/series/series_store.hpp"
#include "isolens/core/stats/staleness.hpp"

#include <cstdint>
#include <string>

namespace isolens {

// How fresh a series is, for the status bar: live (a sample within the stale time), stale (none
// since), gap (the collector marked a gap or the container stopped), or nothing yet.
enum class Freshness { NoSamples, Live, Stale, Gap };

struct SeriesHealth {
    Freshness freshness = Freshness::NoSamples;
    double secondsSinceLast = 0.0;
};

SeriesHealth seriesHealth(const SeriesStore& store, const std::string& key, std::int64_t nowNanos,
                          std::int64_t staleAfterNanos = kStaleAfterNanos);

// "live", "stale 7 s", "gap", "no samples yet".
std::string describeHealth(const SeriesHealth& health);

} // namespace isolens
