#pragma once

#include "isolens/core/stats/stats_sample.hpp"

#include <nlohmann/json_fwd.hpp>

namespace isolens {

// The documented, stable JSON form of a sample (isolens-cli stats --json and normalize, and each sample
// line of a recording), and back. Reading is lenient: a missing or mistyped field keeps its default.
nlohmann::json sampleToJson(const StatsSample& sample);
StatsSample sampleFromJson(const nlohmann::json& json);

} // namespace isolens
