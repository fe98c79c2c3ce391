#include "isolens/core/series/sampling_health.hpp"

#include "isolens/core/base/saturating.hpp"

#include <cmath>

namespace isolens {

SeriesHealth seriesHealth(const SeriesStore& store, const std::string& key, std::int64_t nowNanos,
                          std::int64_t staleAfterNanos)
{
    SeriesHealth health;
    if (store.size(key) == 0)
        return health;
    // The newest point: look back far enough to find one (a minute, then the whole series).
    auto points =
        store.range(key, Metric::MemoryBytes, saturating::sub(nowNanos, 60'000'000'000LL), INT64_MAX);
    if (points.empty())
        points = store.range(key, Metric::MemoryBytes, INT64_MIN, INT64_MAX);
    if (points.empty())
        return health;
    const auto& last = points.back();
    health.secondsSinceLast =
        std::max<double>(0.0, static_cast<double>(saturating::sub(nowNanos, last.timeNanos)) / 1e9);
    if (std::isnan(last.value))
        health.freshness = Freshness::Gap;
    else if (saturating::sub(nowNanos, last.timeNanos) > staleAfterNanos)
        health.freshness = Freshness::Stale;
    else
        health.freshness = Freshness::Live;
    return health;
}

std::string describeHealth(const SeriesHealth& health)
{
    switch (health.freshness) {
    case Freshness::NoSamples:
        return "no samples yet";
    case Freshness::Live:
        return "live";
    case Freshness::Stale:
        return "stale " + std::to_string(static_cast<long long>(health.secondsSinceLast)) + " s";
    case Freshness::Gap:
        return "gap";
    }
    return {};
}

} // namespace isolens
